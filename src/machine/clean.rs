//! Redacted text as a type. A [`Clean`] is text that went through the
//! session's redaction engine; nothing outside this module can make one from
//! a `String`, so a report built from `Clean` values cannot carry an original
//! (the placeholder map, unredacted evidence, an operator's override).
//!
//! [`cleaned`] is the one door: it redacts every exported part of a session
//! with the same engine as the `sanitized` check, and keeps that engine to
//! redact the other texts a report shows (notes, reasons, names) with the same
//! placeholders. Taking pieces of clean text (lines, a prefix) stays clean.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::eval::Eval;
use super::export::{self, Leak, Origin, Redaction};
use super::session::Session;
use super::{Verdict, verdict_with};
use crate::redact::{Category, Engine};
use crate::runbook::Runbook;

/// Text that went through redaction. Only this module creates one.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Clean(String);

impl Clean {
    pub const EMPTY: Clean = Clean(String::new());

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// Each line, without its line end.
    pub fn lines(&self) -> impl Iterator<Item = Clean> + '_ {
        self.0.lines().map(|l| Clean(l.to_string()))
    }

    pub fn line_count(&self) -> usize {
        self.0.lines().count()
    }

    /// Lines `from..to` (0-based, end excluded), joined by newlines.
    pub fn line_range(&self, from: usize, to: usize) -> Clean {
        let kept: Vec<&str> = self
            .0
            .lines()
            .skip(from)
            .take(to.saturating_sub(from))
            .collect();
        Clean(kept.join("\n"))
    }

    /// The text without a list marker the operator typed (`1.`, `2)`, `-`,
    /// `*`) and without surrounding spaces: the report numbers steps itself.
    pub fn without_list_marker(&self) -> Clean {
        let t = self.0.trim();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let rest = if digits > 0 && t[digits..].starts_with(['.', ')']) {
            &t[digits + 1..]
        } else if let Some(r) = t.strip_prefix(['-', '*', '•']) {
            r
        } else {
            t
        };
        // Only a marker followed by a space is a marker: `1.5 GB` stays.
        if rest.len() < t.len() && !rest.starts_with(' ') {
            return Clean(t.to_string());
        }
        Clean(rest.trim_start().to_string())
    }

    /// The text after its first `bytes` bytes (all of it if that is not a
    /// character boundary).
    pub fn skip(&self, bytes: usize) -> Clean {
        Clean(self.0.get(bytes..).unwrap_or(&self.0).to_string())
    }

    /// The first non-empty line, cut to `max` characters (with `…` when cut).
    pub fn headline(&self, max: usize) -> Clean {
        let line = self.0.lines().map(str::trim).find(|l| !l.is_empty());
        let line = line.unwrap_or("");
        if line.chars().count() <= max {
            return Clean(line.to_string());
        }
        let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
        // A placeholder is kept whole or left out: `[E…` says nothing.
        if let Some(open) = cut.rfind('[')
            && !cut[open..].contains(']')
            && let Some(close) = line[open..].find(']')
            && crate::redact::is_placeholder(&line.as_bytes()[open..=open + close])
        {
            cut.truncate(open);
        }
        Clean(format!("{}…", cut.trim_end()))
    }
}

/// Shows the text: it is clean.
impl fmt::Display for Clean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Clean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl serde::Serialize for Clean {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// One exported part, redacted: a field's answer, an amendment or an evidence file.
#[derive(Debug, Clone)]
pub struct CleanPart {
    pub field: String,
    pub origin: CleanOrigin,
    pub text: Clean,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CleanOrigin {
    Answer,
    Amendment(usize),
    /// An evidence file; its name went through redaction too.
    Evidence(Clean),
}

/// A value the operator kept unredacted: its placeholder, never the value.
#[derive(Debug, Clone)]
pub struct CleanKept {
    pub placeholder: String,
    pub category: Category,
    pub reason: Clean,
}

/// What the gate lets through: the values the operator kept (a finding that
/// is one of them passes) and the site's own domains, which redaction keeps.
/// Opaque: the values are never printed, never serialised.
#[derive(Clone, Default)]
pub struct KeptValues {
    values: Vec<Vec<u8>>,
    domains: Vec<String>,
}

impl KeptValues {
    /// Whether `found` (a strict finding's text) is, or holds, a kept value.
    pub fn covers(&self, found: &[u8]) -> bool {
        export::overlaps_kept(found, &self.values)
    }

    /// Also lets through texts the operator chose to send (the contacts in
    /// the site settings, which the report names).
    pub fn allowing<'t>(mut self, texts: impl IntoIterator<Item = &'t String>) -> Self {
        self.values
            .extend(texts.into_iter().map(|t| t.as_bytes().to_vec()));
        self
    }

    /// The site's domains, for the strict engine to keep as the session's did.
    pub fn domains(&self) -> &[String] {
        &self.domains
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// The values kept in either (a document made from two sessions).
    pub fn and(&self, other: &KeptValues) -> KeptValues {
        KeptValues {
            values: self.values.iter().chain(&other.values).cloned().collect(),
            domains: self.domains.iter().chain(&other.domains).cloned().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl fmt::Debug for KeptValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeptValues({} values)", self.values.len())
    }
}

/// A session's exported parts, redacted, and the engine for its other texts.
pub struct Cleaned {
    pub parts: Vec<CleanPart>,
    pub kept: Vec<CleanKept>,
    /// What the strict re-scan of the parts still finds (for the `sanitized` check).
    pub leaks: Vec<Leak>,
    /// Findings per category, over every part (kept values excluded).
    pub counts: BTreeMap<Category, usize>,
    /// Distinct values (placeholders) per category.
    pub distinct: BTreeMap<Category, usize>,
    pub kept_values: KeptValues,
    engine: Engine,
}

impl fmt::Debug for Cleaned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cleaned")
            .field("parts", &self.parts)
            .field("kept", &self.kept)
            .field("counts", &self.counts)
            .finish_non_exhaustive()
    }
}

impl Cleaned {
    /// Redacts another text of the session (a note, a reason, a name) with
    /// the session's engine: the same value gets the same placeholder.
    pub fn redact(&mut self, text: &str) -> Clean {
        Clean(self.engine.redact(text.as_bytes()).text_lossy())
    }

    /// The redacted parts of one field, in order.
    pub fn of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a CleanPart> + 'a {
        self.parts.iter().filter(move |p| p.field == field)
    }

    /// The field's redacted answer (not its amendments or evidence).
    pub fn answer(&self, field: &str) -> Option<&Clean> {
        self.parts
            .iter()
            .find(|p| p.field == field && p.origin == CleanOrigin::Answer)
            .map(|p| &p.text)
    }
}

/// Redacts every exported part of `session`, as the `sanitized` check sees them.
pub fn cleaned(session: &Session, runbook: &Runbook) -> Cleaned {
    cleaned_with_verdict(session, runbook).0
}

/// [`cleaned`] and the session's verdict, from one redaction of the session
/// (evidence can be large: it is read once, not once for each).
pub fn cleaned_with_verdict(session: &Session, runbook: &Runbook) -> (Cleaned, Verdict) {
    let (redaction, engine) = export::redact_with_engine(session, runbook);
    let cleaned = clean(&redaction, engine, &session.domains);
    let verdict = verdict_with(&Eval::with_redaction(session, runbook, redaction));
    (cleaned, verdict)
}

fn clean(redaction: &Redaction, mut engine: Engine, domains: &[String]) -> Cleaned {
    let mut counts = BTreeMap::new();
    let mut seen: BTreeSet<(Category, String)> = BTreeSet::new();
    let mut parts = Vec::with_capacity(redaction.parts.len());
    for (part, r) in &redaction.parts {
        for (c, n) in r.counts() {
            *counts.entry(c).or_insert(0) += n;
        }
        for f in r.findings.iter().filter(|f| f.kept.is_none()) {
            seen.insert((f.category, f.placeholder.clone()));
        }
        let origin = match &part.origin {
            Origin::Answer => CleanOrigin::Answer,
            Origin::Amendment(n) => CleanOrigin::Amendment(*n),
            Origin::Evidence(name) => {
                CleanOrigin::Evidence(Clean(engine.redact(name.as_bytes()).text_lossy()))
            }
        };
        parts.push(CleanPart {
            field: part.field.clone(),
            origin,
            text: Clean(r.text_lossy()),
        });
    }
    let mut distinct = BTreeMap::new();
    for (c, _) in &seen {
        *distinct.entry(*c).or_insert(0) += 1;
    }
    let kept_values = KeptValues {
        values: redaction
            .kept
            .iter()
            .filter_map(|k| engine.original(&k.placeholder))
            .collect(),
        domains: domains.to_vec(),
    };
    let kept = redaction
        .kept
        .iter()
        .map(|k| CleanKept {
            placeholder: k.placeholder.clone(),
            category: k.category,
            reason: Clean(engine.redact(k.reason.as_bytes()).text_lossy()),
        })
        .collect();
    Cleaned {
        parts,
        kept,
        leaks: redaction.leaks.clone(),
        counts,
        distinct,
        kept_values,
        engine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_clean_text_stay_clean_and_exact() {
        let c = Clean("\n  first line here  \nsecond\nthird".into());
        assert_eq!(c.headline(80).as_str(), "first line here");
        assert_eq!(c.headline(6).as_str(), "first…");
        // Cut inside a placeholder, it is left out whole.
        let cut = Clean("mail from [EMAIL_12] failed".into()).headline(14);
        assert_eq!(cut.as_str(), "mail from…");
        let bracket = Clean("step [3 of 9] failed again".into()).headline(9);
        assert_eq!(bracket.as_str(), "step [3…");
        assert_eq!(c.line_count(), 4);
        assert_eq!(c.line_range(2, 4).as_str(), "second\nthird");
        assert_eq!(c.line_range(3, 9).as_str(), "third");
        assert_eq!(Clean("[x] y".into()).skip(4).as_str(), "y");
        assert_eq!(Clean("é".into()).skip(1).as_str(), "é");
        assert!(Clean(" \n".into()).is_empty());
        for (typed, step) in [
            ("1. Sign in", "Sign in"),
            ("  2) Open orders", "Open orders"),
            ("- Click save", "Click save"),
            ("• Reload", "Reload"),
            ("1.5 GB upload fails", "1.5 GB upload fails"),
            ("-v flag", "-v flag"),
        ] {
            assert_eq!(Clean(typed.into()).without_list_marker().as_str(), step);
        }
    }

    #[test]
    fn kept_values_never_print() {
        let k = KeptValues {
            values: vec![b"ana@example.org".to_vec()],
            domains: Vec::new(),
        };
        assert_eq!(format!("{k:?}"), "KeptValues(1 values)");
        assert!(k.covers(b"ana@example.org"));
        assert!(k.covers(b"example.org"));
        assert!(!k.covers(b"bob@example.org"));
    }
}
