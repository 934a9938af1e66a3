//! The answers file of `runbook run`: field ids and values as the operator
//! would type them, read as written (`8.10` stays `8.10`), each with its
//! position so a refusal names `file:line:column`.

use crate::runbook::tree::{Node, NodeKind};
use crate::runbook::{Diagnostic, Pos};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub field: String,
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub runbook: Option<(String, Pos)>,
    pub operator: Option<String>,
    pub answers: Vec<Entry>,
    pub confirm: Vec<(String, Pos)>,
}

impl Answers {
    pub fn get(&self, field: &str) -> Option<&Entry> {
        self.answers.iter().find(|e| e.field == field)
    }
}

const KEYS: &str = "runbook, operator, answers, confirm";

pub fn parse(text: &str, file: &str) -> Result<Answers, Diagnostic> {
    let err = |pos: Pos, msg: String| Diagnostic::new(file, pos, msg);
    let root = Node::parse(text).map_err(|e| err(e.pos, e.to_string()))?;
    let entries = root.entries().ok_or_else(|| {
        err(
            root.pos,
            format!("an answers file is a mapping with the keys {KEYS} — start with `answers:`"),
        )
    })?;
    let mut out = Answers::default();
    for (key, value) in entries {
        let k = key.scalar().unwrap_or_default();
        match k {
            "runbook" => out.runbook = Some((scalar(value, file, "runbook")?, value.pos)),
            "operator" => out.operator = Some(scalar(value, file, "operator")?),
            "answers" => {
                if value.is_null() {
                    continue;
                }
                let map = value.entries().ok_or_else(|| {
                    err(value.pos, "`answers:` maps field ids to values — write `field_id: value` lines under it".into())
                })?;
                for (fk, fv) in map {
                    let field = fk.scalar().unwrap_or_default().to_string();
                    if out.answers.iter().any(|e| e.field == field) {
                        return Err(err(
                            fk.pos,
                            format!("{field} is answered twice — keep one answer"),
                        ));
                    }
                    let value = match &fv.kind {
                        _ if fv.is_null() => {
                            return Err(err(
                                fv.pos,
                                format!("{field} has no value — give one, or remove the line"),
                            ));
                        }
                        NodeKind::Scalar { text, .. } => Value::Text(text.clone()),
                        NodeKind::Seq(items) => Value::List(
                            items
                                .iter()
                                .map(|i| scalar(i, file, &field))
                                .collect::<Result<_, _>>()?,
                        ),
                        _ => {
                            return Err(err(
                                fv.pos,
                                format!(
                                    "{field} must be a value or a list of paths, not a mapping"
                                ),
                            ));
                        }
                    };
                    out.answers.push(Entry {
                        field,
                        value,
                        pos: fv.pos,
                    });
                }
            }
            "confirm" => {
                if value.is_null() {
                    continue;
                }
                let items = value.items().ok_or_else(|| {
                    err(
                        value.pos,
                        "`confirm:` is a list of confirmation ids, e.g. [redaction_reviewed]"
                            .into(),
                    )
                })?;
                for i in items {
                    out.confirm.push((scalar(i, file, "confirm")?, i.pos));
                }
            }
            other => {
                return Err(err(
                    key.pos,
                    format!("unknown key {other:?} — an answers file has only {KEYS}"),
                ));
            }
        }
    }
    Ok(out)
}

fn scalar(node: &Node, file: &str, what: &str) -> Result<String, Diagnostic> {
    match &node.kind {
        NodeKind::Scalar { text, .. } if !node.is_null() => Ok(text.clone()),
        _ => Err(Diagnostic::new(
            file,
            node.pos,
            format!("{what} takes a single value here"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_as_written() {
        let a = parse(
            "runbook: support-context\nanswers:\n  php_version: 8.10\n  retry_attempted: no\n  error_message: |\n    line one\n      indented\n  evidence_files: [a.log, b.txt]\nconfirm: [redaction_reviewed]\n",
            "a.yaml",
        )
        .unwrap();
        assert_eq!(
            a.get("php_version").unwrap().value,
            Value::Text("8.10".into())
        );
        assert_eq!(
            a.get("retry_attempted").unwrap().value,
            Value::Text("no".into())
        );
        assert_eq!(
            a.get("error_message").unwrap().value,
            Value::Text("line one\n  indented\n".into())
        );
        assert_eq!(
            a.get("evidence_files").unwrap().value,
            Value::List(vec!["a.log".into(), "b.txt".into()])
        );
        assert_eq!(
            a.get("php_version").unwrap().pos,
            Pos {
                line: 3,
                column: 16
            }
        );
        assert_eq!(a.confirm[0].0, "redaction_reviewed");
    }

    #[test]
    fn mistakes_are_named_with_their_place() {
        let e = parse("answer:\n  x: 1\n", "a.yaml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.yaml:1:1: unknown key \"answer\" — an answers file has only runbook, operator, answers, confirm"
        );
        let e = parse("answers:\n  x:\n", "a.yaml").unwrap_err();
        assert!(
            e.to_string().starts_with("a.yaml:2:4: x has no value"),
            "{e}"
        );
        let e = parse("answers:\n  x: 1\n  x: 2\n", "a.yaml").unwrap_err();
        assert!(e.to_string().contains("answered twice"), "{e}");
    }
}
