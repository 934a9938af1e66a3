//! The leak gate: every exported form is re-scanned with the strict profile
//! before it leaves. A finding that is not a value the operator kept (with a
//! reason) blocks the export. Findings name where, never what.

use std::fmt;

use crate::machine::clean::KeptValues;
use crate::machine::export::Leak;
use crate::redact::{Engine, Profile};

/// An export refused by the gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub leaks: Vec<Leak>,
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the report is blocked: the strict re-scan finds {} value(s) that were neither redacted nor kept with a reason",
            self.leaks.len()
        )?;
        for l in &self.leaks {
            writeln!(
                f,
                "  {}, line {}, column {}: {} {}",
                l.part,
                l.line,
                l.column,
                l.kind.name(),
                l.placeholder
            )?;
        }
        write!(
            f,
            "Add each value as a term to always redact, remove it from the evidence, or keep it with a reason; then make the report again."
        )
    }
}

impl std::error::Error for Blocked {}

/// Re-scans `text` strictly. `Err` lists every finding that is not a kept
/// value: the section it is in, line and column in `text`, kind, and the
/// strict engine's placeholder — never the value.
pub fn gate(text: &str, kept: &KeptValues) -> Result<(), Vec<Leak>> {
    gate_parts(&[(String::new(), text)], kept)
}

/// [`gate`] over several texts scanned as one (a value found in one is looked
/// for in all). A part with an empty name takes the name of the heading above
/// each finding.
pub fn gate_parts(parts: &[(String, &str)], kept: &KeptValues) -> Result<(), Vec<Leak>> {
    let mut strict = Engine::new(Profile::Strict);
    for (_, t) in parts {
        strict.learn(t.as_bytes());
    }
    let mut leaks = Vec::new();
    for (name, t) in parts {
        let found = strict.redact(t.as_bytes());
        let headings = if name.is_empty() {
            headings(t)
        } else {
            Vec::new()
        };
        for f in found.findings {
            if kept.covers(&t.as_bytes()[f.start..f.end]) {
                continue;
            }
            let part = if name.is_empty() {
                heading_at(&headings, f.line)
            } else {
                name.clone()
            };
            leaks.push(Leak {
                part,
                line: f.line,
                column: f.column,
                kind: f.kind,
                placeholder: f.placeholder,
            });
        }
    }
    if leaks.is_empty() { Ok(()) } else { Err(leaks) }
}

/// (first line, title) of each section of a rendered report: Markdown
/// headings, and plain-text headings (a line underlined to its width).
fn headings(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim_end();
        if let Some(h) = t.strip_prefix('#') {
            out.push((n, h.trim_start_matches('#').trim().to_string()));
        } else if t.len() >= 3
            && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
            && previous.is_some_and(|p| !p.is_empty() && p.chars().count() == t.len())
        {
            out.push((n - 1, previous.unwrap_or_default().to_string()));
        }
        previous = Some(t);
    }
    out
}

fn heading_at(headings: &[(usize, String)], line: usize) -> String {
    headings
        .iter()
        .rev()
        .find(|(start, _)| *start <= line)
        .map_or_else(|| "report".to_string(), |(_, t)| t.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_placed_under_its_heading_without_its_value() {
        let text = "# Report\nfine\n## Evidence\nline\nDB_PASSWORD=hunter2-Xq9!zz\n";
        let leaks = gate(text, &KeptValues::default()).unwrap_err();
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!(leaks[0].part, "Evidence");
        assert_eq!(leaks[0].line, 5);
        let shown = Blocked { leaks }.to_string();
        assert!(shown.contains("Evidence, line 5, column"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(gate("# Report\nnothing here\n", &KeptValues::default()).is_ok());
    }

    #[test]
    fn plain_text_headings_are_found_rulers_are_not() {
        let text = "EVIDENCE\n--------\n-----\nx\n-----\n";
        assert_eq!(headings(text), [(1, "EVIDENCE".to_string())]);
    }
}
