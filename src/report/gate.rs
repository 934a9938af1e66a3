//! The leak gate: every exported form is re-scanned with the strict profile
//! before it leaves. A finding that is not a value the operator kept (with a
//! reason) blocks the export. Findings name where, never what.

use std::fmt;

use crate::machine::chunked;
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
            "Remove each value from the evidence or add it as a term to always redact (a customer detail redaction already replaced can instead be kept with a reason; keys, credentials and payment data never); then make the report again."
        )
    }
}

impl std::error::Error for Blocked {}

/// Re-scans `text` strictly. `Err` lists every finding that is not a kept
/// value: line and column in `text`, kind, and the strict engine's
/// placeholder — never the value.
pub fn gate(text: &str, kept: &KeptValues) -> Result<(), Vec<Leak>> {
    gate_parts(&[("report".to_string(), text)], kept)
}

/// [`gate`] over several named texts scanned as one (a value found in one
/// is looked for in all); each finding is named by its text's name.
pub fn gate_parts(parts: &[(String, &str)], kept: &KeptValues) -> Result<(), Vec<Leak>> {
    let texts: Vec<&str> = parts.iter().map(|(_, t)| *t).collect();
    scan(&texts, kept, |i, _| parts[i].0.clone())
}

/// [`gate`] over a rendered report: each finding is named by the section it
/// is in, from `sections` — (first line, title) — never from the text.
pub(super) fn gate_sections(
    text: &str,
    sections: &[(usize, String)],
    kept: &KeptValues,
) -> Result<(), Vec<Leak>> {
    scan(&[text], kept, |_, line| {
        sections
            .iter()
            .rev()
            .find(|(start, _)| *start <= line)
            .map_or_else(|| "report".to_string(), |(_, t)| t.clone())
    })
}

fn scan(
    texts: &[&str],
    kept: &KeptValues,
    name: impl Fn(usize, usize) -> String,
) -> Result<(), Vec<Leak>> {
    let mut strict = Engine::new(Profile::Strict);
    for d in kept.domains() {
        strict.keep_domain(d);
    }
    for t in texts {
        chunked::learn(&mut strict, t.as_bytes());
    }
    let mut leaks = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        for f in chunked::redact(&mut strict, t.as_bytes()).findings {
            if kept.covers(&t.as_bytes()[f.start..f.end]) {
                continue;
            }
            leaks.push(Leak {
                part: name(i, f.line),
                start: f.start,
                end: f.end,
                line: f.line,
                column: f.column,
                kind: f.kind,
                placeholder: f.placeholder,
            });
        }
    }
    if leaks.is_empty() { Ok(()) } else { Err(leaks) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_named_by_its_section_never_by_its_line() {
        // A heading-like line inside the content must not name the finding:
        // it could be the finding itself.
        let text = "# Report\nfine\n## Evidence\nline\n# DB_PASSWORD=hunter2-Xq9!zz\n";
        let sections = [(1, "Report".to_string()), (3, "Evidence".to_string())];
        let leaks = gate_sections(text, &sections, &KeptValues::default()).unwrap_err();
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!((leaks[0].part.as_str(), leaks[0].line), ("Evidence", 5));
        let shown = Blocked { leaks }.to_string();
        assert!(shown.contains("Evidence, line 5, column"), "{shown}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(gate("# Report\nnothing here\n", &KeptValues::default()).is_ok());
        let leaks = gate(text, &KeptValues::default()).unwrap_err();
        assert_eq!(leaks[0].part, "report");
    }

    #[test]
    fn the_engines_own_placeholders_never_block_a_report() {
        let text = "## Evidence\n\
            POST https://api.anthropic.com/v1/messages\n\
            Anthropic key: x-api-key: [ANTHROPIC_KEY_1]\n\
            Using Anthropic: x-api-key: [ANTHROPIC_KEY_1]\n\
            Mistral\nKEY='[MISTRAL_KEY_1]'\n\
            os.environ.get(\"GEMINI_API_KEY\", \"[GEMINI_KEY_1]\")\n\
            DB_PASSWORD=[PASSWORD_2]\n\
            card [CARD_1 ending 4242], mail [EMAIL_3]\n";
        assert_eq!(gate(text, &KeptValues::default()), Ok(()));
    }
}
