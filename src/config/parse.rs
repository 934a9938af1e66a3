//! Reading the settings file: every problem at its `file:line:column`, with
//! the fix. A bad setting is ignored on its own; the others still apply.

use super::{KEYS, Kind, Settings};
use crate::runbook::tree::{Node, NodeKind};
use crate::runbook::{Diagnostic, Pos};

/// The settings in `text`, and what was ignored and why.
pub fn parse(text: &str, label: &str) -> (Settings, Vec<Diagnostic>) {
    let mut s = Settings::default();
    let mut problems = Vec::new();
    let mut note = |pos: Pos, msg: String| problems.push(Diagnostic::new(label, pos, msg));
    let root = match Node::parse(text) {
        Ok(root) => root,
        Err(e) => {
            note(e.pos, format!("{e}; the whole file is ignored until then"));
            return (s, problems);
        }
    };
    if root.is_null() {
        return (s, problems);
    }
    let Some(entries) = root.entries() else {
        note(
            root.pos,
            "the settings file is a mapping of `setting: value` lines — see `runbook config --init`; the whole file is ignored".into(),
        );
        return (s, problems);
    };
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in entries {
        let name = key.scalar().unwrap_or_default();
        let Some(&(_, kind, _)) = KEYS.iter().find(|(k, _, _)| *k == name) else {
            let known: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
            note(
                key.pos,
                format!(
                    "unknown setting {name:?} — the settings are {}; this line is ignored",
                    known.join(", ")
                ),
            );
            continue;
        };
        if seen.contains(&name) {
            note(
                key.pos,
                format!("{name} is set twice — keep one; the second is ignored"),
            );
            continue;
        }
        seen.push(name);
        if value.is_null() {
            continue;
        }
        match value_of(name, kind, value) {
            Ok(v) => s.set(name, v),
            Err((pos, msg)) => note(pos, format!("{msg}; {name} is ignored")),
        }
    }
    (s, problems)
}

/// A parsed value: one text, or the list of terms.
pub enum Value {
    One(String),
    Many(Vec<String>),
}

fn value_of(name: &str, kind: Kind, node: &Node) -> Result<Value, (Pos, String)> {
    if kind == Kind::Terms {
        let items = node.items().ok_or_else(|| {
            (
                node.pos,
                format!("{name} is a list — write one term per line as `  - term`"),
            )
        })?;
        let mut terms = Vec::new();
        for i in items {
            let t = text(name, i)?;
            if t.trim().is_empty() {
                return Err((i.pos, format!("{name} has an empty term — remove it")));
            }
            terms.push(t.trim().to_string());
        }
        return Ok(Value::Many(terms));
    }
    let t = text(name, node)?.trim().to_string();
    let bad = |msg: String| Err((node.pos, msg));
    match kind {
        Kind::Url if !is_url(&t) => bad(format!(
            "{name} must be a web address starting with https:// or http://, e.g. https://example.com/contact"
        )),
        Kind::Domain if !is_domain(&t) => bad(format!(
            "{name} must be the domain alone, without https:// or a path, e.g. shop.example.com"
        )),
        Kind::Text if t.is_empty() => {
            bad(format!("{name} is empty — give a value or remove the line"))
        }
        _ => Ok(Value::One(t)),
    }
}

fn text(name: &str, node: &Node) -> Result<String, (Pos, String)> {
    match &node.kind {
        NodeKind::Scalar { text, .. } => Ok(text.clone()),
        _ => Err((
            node.pos,
            format!("{name} takes a single value here, not a list or a mapping"),
        )),
    }
}

fn is_url(t: &str) -> bool {
    let rest = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

fn is_domain(t: &str) -> bool {
    t.contains('.')
        && !t.starts_with('.')
        && !t.ends_with('.')
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        parse(text, "s.yaml")
            .1
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_setting_is_read() {
        let (s, p) = parse(
            "site_domain: Shop.Example.com\ncodecanyon_item_url: https://codecanyon.net/item/x/1\ncodecanyon_support_url: https://codecanyon.net/item/x/1/support\ncontact_page_url: https://example.com/contact\nhosting_support: support@host.example\nsupport_lead: Ana, +1 555 0100\noperator: Jo\nredact_terms: [Acme Ltd, db-01]\n",
            "s.yaml",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s.site_domain.as_deref(), Some("Shop.Example.com"));
        assert_eq!(s.hosting_support.as_deref(), Some("support@host.example"));
        assert_eq!(s.support_lead.as_deref(), Some("Ana, +1 555 0100"));
        assert_eq!(s.operator.as_deref(), Some("Jo"));
        assert_eq!(s.redact_terms, ["Acme Ltd", "db-01"]);
        assert_eq!(
            s.codecanyon_support_url.as_deref(),
            Some("https://codecanyon.net/item/x/1/support")
        );
    }

    #[test]
    fn a_bad_setting_is_ignored_alone_and_named_where_it_is() {
        let (s, p) = parse(
            "operator: Jo\nsite_domian: x.example\ncontact_page_url: example.com/contact\nsite_domain: https://shop.example.com/\nredact_terms: Acme\nhosting_support: [a, b]\n",
            "s.yaml",
        );
        assert_eq!(s.operator.as_deref(), Some("Jo"));
        assert_eq!(s.site_domain, None);
        let p: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert!(
            p[0].starts_with("s.yaml:2:1: unknown setting \"site_domian\""),
            "{p:?}"
        );
        assert!(
            p[1].starts_with("s.yaml:3:19: contact_page_url must be a web address"),
            "{p:?}"
        );
        assert!(
            p[2].starts_with("s.yaml:4:14: site_domain must be the domain alone"),
            "{p:?}"
        );
        assert!(
            p[3].starts_with("s.yaml:5:15: redact_terms is a list"),
            "{p:?}"
        );
        assert!(
            p[4].starts_with("s.yaml:6:18: hosting_support takes a single value"),
            "{p:?}"
        );
        assert!(p.iter().all(|m| m.ends_with("is ignored")), "{p:?}");
    }

    #[test]
    fn a_syntax_error_ignores_the_file_with_its_place() {
        let (s, p) = parse("operator: Jo\nsupport_lead: [a\n", "s.yaml");
        assert_eq!(s, Settings::default());
        assert_eq!(p.len(), 1);
        assert!(p[0].to_string().contains("YAML syntax error"), "{}", p[0]);
        assert!(p[0].to_string().contains("whole file is ignored"));
    }

    #[test]
    fn an_empty_file_or_a_twice_set_key() {
        assert!(problems("").is_empty());
        assert!(problems("# only comments\n").is_empty());
        let p = problems("operator: a\noperator: b\n");
        assert_eq!(
            p,
            ["s.yaml:2:1: operator is set twice — keep one; the second is ignored"]
        );
        assert!(problems("- a\n")[0].starts_with("s.yaml:1:1: the settings file is a mapping"));
    }

    #[test]
    fn the_example_file_reads_clean_and_sets_nothing() {
        let (s, p) = parse(super::super::EXAMPLE, "example");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s, Settings::default());
        // Every setting is documented in it.
        for (key, _, _) in KEYS {
            assert!(
                super::super::EXAMPLE.contains(&format!("# {key}:")),
                "{key}"
            );
        }
    }
}
