//! The exported parts of a session (everything a report carries but the
//! verdict) and their redaction. The report reuses [`redact`]; the `sanitized`
//! check re-scans its output strictly.

use super::eval::Eval;
use super::session::Session;
use crate::redact::{Category, Engine, Finding, Kind, Profile, Redacted};
use crate::runbook::{FieldType, Runbook};

/// One exported text: a field's value, an amendment, or an evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `FIELD`, `FIELD (amended N)` or `FIELD: NAME` for evidence.
    pub label: String,
    pub field: String,
    pub text: String,
    pub origin: Origin,
}

/// Where a part's text comes from in the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Answer,
    /// The field's Nth amendment (from 1), in the order they were made.
    Amendment(usize),
    /// An evidence file, by its name.
    Evidence(String),
}

/// A value the operator kept unredacted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptValue {
    pub placeholder: String,
    pub reason: String,
    pub category: Category,
}

/// Something the strict re-scan still finds in the redacted parts. Holds the
/// strict engine's placeholder, never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    pub part: String,
    /// Byte range in the part's redacted text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub kind: Kind,
    pub placeholder: String,
}

#[derive(Debug, Clone, Default)]
pub struct Redaction {
    /// Each exported part, redacted, in report order.
    pub parts: Vec<(Part, Redacted)>,
    pub kept: Vec<KeptValue>,
    pub leaks: Vec<Leak>,
}

/// The exported parts: fields of applying steps (with their amendments), and
/// evidence, in the runbook's order.
pub fn parts(session: &Session, runbook: &Runbook) -> Vec<Part> {
    let ev = Eval::new(session, runbook);
    let mut out = Vec::new();
    for step in runbook.steps.iter().filter(|s| ev.step_applies(s)) {
        for id in &step.collect {
            let Some(field) = runbook.field(id) else {
                continue;
            };
            if !field.export {
                continue;
            }
            if field.kind == FieldType::Paths {
                for e in session.evidence_of(id) {
                    out.push(Part {
                        label: format!("{id}: {}", e.name),
                        field: id.clone(),
                        text: e.text.clone(),
                        origin: Origin::Evidence(e.name.clone()),
                    });
                }
                continue;
            }
            if let Some(a) = session.answers.get(id) {
                out.push(Part {
                    label: id.clone(),
                    field: id.clone(),
                    text: a.value.clone(),
                    origin: Origin::Answer,
                });
            }
            for (n, a) in session
                .amendments
                .iter()
                .filter(|a| a.field == *id)
                .enumerate()
            {
                out.push(Part {
                    label: format!("{id} (amendment {})", n + 1),
                    field: id.clone(),
                    text: a.value.clone(),
                    origin: Origin::Amendment(n + 1),
                });
            }
        }
    }
    out
}

/// Redacts every exported part with one engine (learn all, then redact, so a
/// value found in one part is redacted in all), applies the operator's keeps,
/// then re-scans the result strictly.
pub fn redact(session: &Session, runbook: &Runbook) -> Redaction {
    redact_with_engine(session, runbook).0
}

/// [`redact`], and the engine that did it, so the report redacts its other
/// texts (notes, reasons, names) with the same placeholders. The engine holds
/// the originals: it stays inside the machine.
pub(super) fn redact_with_engine(session: &Session, runbook: &Runbook) -> (Redaction, Engine) {
    let parts = parts(session, runbook);
    let mut engine = Engine::new(Profile::Standard);
    for t in &session.terms {
        engine.always_redact(t);
    }
    for d in &session.domains {
        engine.keep_domain(d);
    }
    for p in &parts {
        engine.learn(p.text.as_bytes());
    }
    // A first pass numbers the placeholders, so keeps can name them.
    let first: Vec<Redacted> = parts
        .iter()
        .map(|p| engine.redact(p.text.as_bytes()))
        .collect();
    let mut kept = Vec::new();
    for (placeholder, reason) in &session.keeps {
        let kind = first
            .iter()
            .flat_map(|r| r.findings.iter())
            .find(|f| &f.placeholder == placeholder)
            .map(|f| f.kind);
        if let Some(kind) = kind
            && engine.keep(placeholder, reason)
        {
            kept.push(KeptValue {
                placeholder: placeholder.clone(),
                reason: reason.clone(),
                category: kind.category(),
            });
        }
    }
    let redacted: Vec<(Part, Redacted)> = parts
        .into_iter()
        .map(|p| {
            let r = engine.redact(p.text.as_bytes());
            (p, r)
        })
        .collect();
    let kept_values: Vec<Vec<u8>> = kept
        .iter()
        .filter_map(|k| engine.original(&k.placeholder))
        .collect();
    let leaks = rescan(&redacted, &kept_values, &session.domains);
    let redaction = Redaction {
        parts: redacted,
        kept,
        leaks,
    };
    (redaction, engine)
}

/// The strict re-scan: anything found that is not a kept value is a leak.
fn rescan(parts: &[(Part, Redacted)], kept: &[Vec<u8>], domains: &[String]) -> Vec<Leak> {
    let mut strict = Engine::new(Profile::Strict);
    for d in domains {
        strict.keep_domain(d);
    }
    for (_, r) in parts {
        strict.learn(&r.text);
    }
    let mut leaks = Vec::new();
    for (part, r) in parts {
        let found = strict.redact(&r.text);
        for f in found.findings {
            if is_kept(&r.text, &f, kept) {
                continue;
            }
            leaks.push(Leak {
                part: part.label.clone(),
                start: f.start,
                end: f.end,
                line: f.line,
                column: f.column,
                kind: f.kind,
                placeholder: f.placeholder,
            });
        }
    }
    leaks
}

fn is_kept(text: &[u8], f: &Finding, kept: &[Vec<u8>]) -> bool {
    overlaps_kept(&text[f.start..f.end], kept)
}

/// Whether a strict finding is (part of) a kept value, or holds one.
pub(super) fn overlaps_kept(found: &[u8], kept: &[Vec<u8>]) -> bool {
    kept.iter().any(|k| {
        k.windows(found.len().max(1)).any(|w| w == found)
            || found.windows(k.len().max(1)).any(|w| w == k.as_slice())
    })
}

/// The exported parts as report text: each field's value, redacted.
pub fn redacted_values(session: &Session, runbook: &Runbook) -> Vec<(String, String)> {
    redact(session, runbook)
        .parts
        .into_iter()
        .map(|(p, r)| (p.label, r.text_lossy()))
        .collect()
}
