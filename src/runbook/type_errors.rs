//! Every value of the wrong type in a runbook, not only the first. Serde
//! stops at the first error; each item of each top-level list is read again
//! on its own, beside the file's other keys, so one pass names them all.

use serde_yaml::{Mapping, Value};

use super::tree::{Node, Pos, Seg};
use super::{Diagnostic, Runbook};

/// The type errors of `text`, each at its line and column; `first` is the
/// error a whole read stopped at, said alone when nothing finer is found.
pub(super) fn all(
    text: &str,
    tree: &Node,
    file: &str,
    first: &serde_yaml::Error,
) -> Vec<Diagnostic> {
    let Ok(Value::Mapping(doc)) = serde_yaml::from_str::<Value>(text) else {
        return vec![diagnostic(first, file, None)];
    };
    let lists: Vec<(&Value, &Vec<Value>)> = doc
        .iter()
        .filter_map(|(k, v)| Some((k, v.as_sequence()?)))
        .collect();
    // The file's other keys with every list empty: small, cloned per item.
    let mut base = doc.clone();
    for (key, _) in &lists {
        base.insert((*key).clone(), Value::Sequence(Vec::new()));
    }
    let mut out = Vec::new();
    if let Err(e) = read(base.clone()) {
        out.push(diagnostic(&e, file, Some((tree, None))));
    }
    for (key, items) in &lists {
        let Some(name) = key.as_str() else { continue };
        for (index, item) in items.iter().enumerate() {
            let mut one = base.clone();
            one.insert((*key).clone(), Value::Sequence(vec![item.clone()]));
            if let Err(e) = read(one) {
                out.push(diagnostic(&e, file, Some((tree, Some((name, index))))));
            }
        }
    }
    if out.is_empty() {
        out.push(diagnostic(first, file, None));
    }
    out
}

/// Read from text, not from the value: the error then names its path
/// (`fields[0].required`), which the tree turns into a line and column.
fn read(doc: Mapping) -> Result<Runbook, serde_yaml::Error> {
    let text = serde_yaml::to_string(&Value::Mapping(doc))?;
    serde_yaml::from_str(&text)
}

/// The error in words with its fix, at its place: from the error itself
/// (a whole read), or from the path it names inside list item `item`.
fn diagnostic(
    e: &serde_yaml::Error,
    file: &str,
    place: Option<(&Node, Option<(&str, usize)>)>,
) -> Diagnostic {
    let full = e.to_string();
    let msg = full.split(" at line ").next().unwrap_or(&full).to_string();
    let pos = match place {
        None => e.location().map_or(Pos { line: 1, column: 1 }, |l| Pos {
            line: l.line(),
            column: l.column(),
        }),
        Some((tree, item)) => {
            let mut path = error_path(&msg);
            if let Some((list, index)) = item {
                // The item was read as the list's only one: index 0 is `index`.
                match path.get_mut(..2) {
                    Some([Seg::Key(k), Seg::Index(i)]) if k == list => *i = index,
                    _ => path = vec![Seg::Key(list.to_string()), Seg::Index(index)],
                }
            }
            // An unknown key is pointed at, not the mapping that holds it.
            match unknown_key(&msg) {
                Some(key) => {
                    path.push(Seg::Key(key.to_string()));
                    tree.key_pos(&path)
                }
                None => tree.pos_of(&path),
            }
        }
    };
    let msg = match item_of(place) {
        Some((list, index)) => msg.replacen(&format!("{list}[0]"), &format!("{list}[{index}]"), 1),
        None => msg,
    };
    let hint = if msg.contains("unknown field") {
        "correct the key or remove it (unknown keys are refused, so a typo cannot drop a rule)"
    } else if msg.contains("missing field") {
        "add it"
    } else if msg.contains("unknown variant") {
        "use one of the values listed"
    } else {
        "correct the value"
    };
    Diagnostic::new(file, pos, format!("{msg} — {hint}"))
}

fn item_of<'a>(place: Option<(&Node, Option<(&'a str, usize)>)>) -> Option<(&'a str, usize)> {
    place.and_then(|(_, item)| item)
}

/// The key an "unknown field `x`" message names.
fn unknown_key(msg: &str) -> Option<&str> {
    let rest = msg.split_once("unknown field `")?.1;
    Some(rest.split_once('`')?.0)
}

/// The path an error message starts with: `fields[0].required: …`.
fn error_path(msg: &str) -> Vec<Seg> {
    let Some((head, _)) = msg.split_once(": ") else {
        return Vec::new();
    };
    if head.contains(' ') {
        return Vec::new();
    }
    let mut path = Vec::new();
    for part in head.split('.') {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            path.push(Seg::Key(key.to_string()));
        }
        for index in pieces {
            match index.trim_end_matches(']').parse() {
                Ok(i) => path.push(Seg::Index(i)),
                Err(_) => return Vec::new(),
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_path_is_read_into_segments() {
        assert_eq!(
            error_path("fields[3].choices[1]: invalid type: map"),
            vec![
                Seg::Key("fields".into()),
                Seg::Index(3),
                Seg::Key("choices".into()),
                Seg::Index(1)
            ]
        );
        assert!(error_path("invalid type: string \"x\", expected a boolean").is_empty());
    }
}
