//! The redaction corpus (`../shared/redaction-corpus`) attached as evidence:
//! the rendered report, whole (`--full`), holds none of its planted secrets,
//! in any format.

use std::collections::HashSet;

use runbook::report::{Format, Options};
use serde_json::Value;

use super::*;

/// The scorer's probe: 12 characters of a secret in a row is a leak.
const PROBE: usize = 12;

/// Every run of PROBE characters in `text`, to test many secrets quickly.
fn grams(text: &str) -> HashSet<&str> {
    let idx: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    (0..idx.len().saturating_sub(PROBE))
        .map(|i| &text[idx[i]..idx[i + PROBE]])
        .collect()
}

fn long_leak(value: &str, grams: &HashSet<&str>) -> bool {
    let chars: Vec<(usize, char)> = value.char_indices().collect();
    (0..=chars.len() - PROBE).any(|i| {
        let end = chars.get(i + PROBE).map_or(value.len(), |c| c.0);
        grams.contains(&value[chars[i].0..end])
    })
}

#[test]
fn no_planted_secret_reaches_any_format() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/redaction-corpus");
    let labels: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("labels.json"))
            .expect("the corpus lives beside the repository"),
    )
    .unwrap();
    let files = labels["files"].as_object().unwrap();
    let mut w = plugin_issue();
    // (file, kind, value) of every planted secret.
    let mut secrets: Vec<(String, String, String)> = Vec::new();
    for (name, entry) in files {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        w.attach("evidence_files", name, &text);
        for r in entry["remove"].as_array().unwrap() {
            secrets.push((
                name.clone(),
                r["kind"].as_str().unwrap().into(),
                r["value"].as_str().unwrap().into(),
            ));
        }
    }
    assert!(secrets.len() > 500, "{}", secrets.len());
    let r = w.report(&Options {
        full: true,
        ..Options::default()
    });
    assert_eq!(r.evidence.len(), files.len());
    let block = |file: &str| {
        r.evidence
            .iter()
            .find(|e| e.name.as_ref().is_some_and(|n| n.as_str() == file))
            .map(|e| e.text.head.as_str())
            .unwrap_or_else(|| panic!("{file} is not in the report"))
    };
    for f in [Format::Markdown, Format::Text, Format::Json] {
        let out = r.render(f);
        // JSON escapes quotes and backslashes: look for the values as JSON writes them too.
        let escape = |v: &str| {
            serde_json::to_string(v)
                .unwrap()
                .trim_matches('"')
                .to_string()
        };
        let g = grams(&out);
        let mut leaked = Vec::new();
        for (file, kind, value) in &secrets {
            let found = if value.chars().count() >= PROBE {
                long_leak(value, &g) || (f == Format::Json && long_leak(&escape(value), &g))
            } else {
                // Short values (a CVV) are looked for where the scorer looks: in
                // their own file's text, which the report carries verbatim.
                let text = block(file);
                let shown = match f {
                    Format::Json => out.contains(&escape(text)),
                    _ => out.contains(text),
                };
                assert!(shown, "{f:?}: {file} is not shown as redacted");
                text.contains(value.as_str())
            };
            if found {
                // The file and kind only: a failing test must not print a secret.
                leaked.push(format!("{file}: {kind}"));
            }
        }
        assert!(leaked.is_empty(), "{f:?} leaks {leaked:#?}");
        assert!(
            out.contains("SOPH-E1042"),
            "{f:?}: what support needs stays"
        );
    }
}
