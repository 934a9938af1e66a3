//! A YAML document as a tree of nodes that remember where they sit in the text.
//!
//! serde gives positions for syntax errors only; this tree gives them for every
//! key and value, so semantic errors (an unknown field named by a gate) and
//! answers-file errors can name `file:line:column` too. Scalars keep the text
//! as written: `8.10` stays `8.10`.

use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A 1-based line and column, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// The scalar's text as written, and whether it was quoted or a block
    /// (a plain `~` or `null` is a missing value; a quoted one is text).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Keys in document order, each with its own position.
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: NodeKind,
}

/// One step of a path into a tree: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(k: &str) -> Self {
        Seg::Key(k.to_string())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// A syntax error: where, what is wrong, and how to mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub fix: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.message, self.fix)
    }
}

impl Node {
    /// Parses the one document of `text`. An empty text is an empty mapping.
    /// A second document and aliases are refused: serde would read only the
    /// first document, and an alias hides a value from its position.
    pub fn parse(text: &str) -> Result<Node, SyntaxError> {
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Frame> = Vec::new();
        let mut root: Option<Node> = None;
        let mut ended = false;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| SyntaxError {
                pos: Pos {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                },
                message: format!("YAML syntax error: {}", e.info()),
                fix: "fix the indentation or quoting here",
            })?;
            let pos = Pos {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            let done = match event {
                Event::Scalar(text, style, _, _) => Some(Node {
                    pos,
                    kind: NodeKind::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                }),
                Event::Alias(_) => {
                    return Err(SyntaxError {
                        pos,
                        message: "an alias (`*name`) is not read here".into(),
                        fix: "write the value out in full",
                    });
                }
                Event::SequenceStart(..) => {
                    stack.push(Frame::Seq(pos, Vec::new()));
                    None
                }
                Event::MappingStart(..) => {
                    stack.push(Frame::Map(pos, Vec::new(), None));
                    None
                }
                Event::SequenceEnd | Event::MappingEnd => stack.pop().map(Frame::finish),
                Event::DocumentEnd => {
                    ended = true;
                    None
                }
                Event::DocumentStart(_) if ended => {
                    return Err(SyntaxError {
                        pos,
                        message: "a second YAML document starts here".into(),
                        fix: "a file holds one document: remove this `---` line and what follows it, or move them to a file of their own",
                    });
                }
                _ => None,
            };
            if let Some(node) = done {
                match stack.last_mut() {
                    Some(frame) => frame.push(node),
                    None => {
                        root = Some(node);
                    }
                }
            }
        }
        Ok(root.unwrap_or(Node {
            pos: Pos { line: 1, column: 1 },
            kind: NodeKind::Map(Vec::new()),
        }))
    }

    /// The node at `path`, if there is one.
    pub fn at(&self, path: &[Seg]) -> Option<&Node> {
        let mut node = self;
        for seg in path {
            node = match (seg, &node.kind) {
                (Seg::Key(k), NodeKind::Map(entries)) => {
                    &entries.iter().find(|(key, _)| key.scalar() == Some(k))?.1
                }
                (Seg::Index(i), NodeKind::Seq(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Where `path` points, or the nearest ancestor that exists.
    pub fn pos_of(&self, path: &[Seg]) -> Pos {
        (0..=path.len())
            .rev()
            .find_map(|n| self.at(&path[..n]))
            .map_or(self.pos, |n| n.pos)
    }

    /// Where the key `path`'s last segment sits (not its value), when it is a key.
    pub fn key_pos(&self, path: &[Seg]) -> Pos {
        if let Some((Seg::Key(k), parent)) = path.split_last()
            && let Some(NodeKind::Map(entries)) = self.at(parent).map(|n| &n.kind)
            && let Some((key, _)) = entries.iter().find(|(key, _)| key.scalar() == Some(k))
        {
            return key.pos;
        }
        self.pos_of(path)
    }

    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A plain `~`, `null` or empty scalar: YAML's "no value".
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, plain: true }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    pub fn entries(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(items) => Some(items),
            _ => None,
        }
    }
}

enum Frame {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

impl Frame {
    fn push(&mut self, node: Node) {
        match self {
            Frame::Seq(_, items) => items.push(node),
            Frame::Map(_, entries, pending) => match pending.take() {
                Some(key) => entries.push((key, node)),
                None => *pending = Some(node),
            },
        }
    }

    fn finish(self) -> Node {
        match self {
            Frame::Seq(pos, items) => Node {
                pos,
                kind: NodeKind::Seq(items),
            },
            Frame::Map(pos, entries, _) => Node {
                pos,
                kind: NodeKind::Map(entries),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_keep_their_positions_and_text() {
        let doc = "a: 1\nsteps:\n  - id: x\n    php: 8.10\n  - id: 'y'\n";
        let root = Node::parse(doc).unwrap();
        let php = root.at(&["steps".into(), 0.into(), "php".into()]).unwrap();
        assert_eq!(php.scalar(), Some("8.10"));
        assert_eq!(
            php.pos,
            Pos {
                line: 4,
                column: 10
            }
        );
        assert_eq!(
            root.key_pos(&["steps".into(), 1.into(), "id".into()]),
            Pos { line: 5, column: 5 }
        );
        assert_eq!(
            root.pos_of(&["steps".into(), 1.into(), "id".into()]),
            Pos { line: 5, column: 9 }
        );
        // A path that does not exist points at its nearest ancestor.
        assert_eq!(
            root.pos_of(&["steps".into(), 1.into(), "nope".into()]),
            Pos { line: 5, column: 5 }
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = Node::parse("a: [1, 2\nb: c\n").unwrap_err();
        assert!(err.pos.line >= 1, "{err:?}");
        assert!(!err.message.is_empty());
    }

    #[test]
    fn one_document_without_aliases() {
        let err = Node::parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 2, column: 1 });
        assert!(err.to_string().contains("second YAML document"), "{err}");
        let err = Node::parse("a: &x 1\nb: *x\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 2, column: 4 });
        assert!(err.to_string().contains("alias"), "{err}");
        // A document marker before the only document, and one that ends it, are fine.
        assert!(Node::parse("---\na: 1\n...\n").is_ok());
    }

    #[test]
    fn null_is_only_plain() {
        let root = Node::parse("a: ~\nb: '~'\nc:\n").unwrap();
        assert!(root.at(&["a".into()]).unwrap().is_null());
        assert!(!root.at(&["b".into()]).unwrap().is_null());
        assert!(root.at(&["c".into()]).unwrap().is_null());
    }
}
