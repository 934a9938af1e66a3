//! Evaluates a runbook's conditions over a session: the documented predicate
//! set, and what follows from it (which steps apply, which fields are required,
//! whether a gate is open).

use std::cell::OnceCell;

use regex::Regex;

use super::export::{self, Redaction};
use super::session::{Session, Source, What};
use crate::runbook::{Condition, FieldType, Runbook, Step, StepKind, Test};

/// Conditions may name other steps' conditions; a cycle stops here.
const MAX_DEPTH: usize = 32;

/// A session seen through its runbook. The redaction (for `no_findings` and
/// `kept_none_of`) is computed once, on first use.
pub struct Eval<'a> {
    pub session: &'a Session,
    pub runbook: &'a Runbook,
    redaction: OnceCell<Redaction>,
}

impl<'a> Eval<'a> {
    pub fn new(session: &'a Session, runbook: &'a Runbook) -> Self {
        Eval {
            session,
            runbook,
            redaction: OnceCell::new(),
        }
    }

    /// An evaluation whose redaction was already made (the report's), so it
    /// is not made twice.
    pub(super) fn with_redaction(
        session: &'a Session,
        runbook: &'a Runbook,
        redaction: Redaction,
    ) -> Self {
        let cell = OnceCell::new();
        let _ = cell.set(redaction);
        Eval {
            session,
            runbook,
            redaction: cell,
        }
    }

    pub fn redaction(&self) -> &Redaction {
        self.redaction
            .get_or_init(|| export::redact(self.session, self.runbook))
    }

    /// Private data the exported parts hold before redaction: how many
    /// values of each kind. Customer details, and payment
    /// data that belongs to a person (not a shop's payment keys).
    pub fn private_data(&self) -> Vec<(crate::redact::Kind, usize)> {
        use crate::redact::{Category, Kind};
        let personal = |k: Kind| {
            k.category() == Category::Customer
                || matches!(
                    k,
                    Kind::CardNumber | Kind::Cvv | Kind::CardExpiry | Kind::Iban
                )
        };
        let mut counts: std::collections::BTreeMap<Kind, std::collections::BTreeSet<&str>> =
            Default::default();
        for (_, redacted) in &self.redaction().parts {
            for f in redacted.findings.iter().filter(|f| personal(f.kind)) {
                counts.entry(f.kind).or_default().insert(&f.placeholder);
            }
        }
        let mut counts: Vec<(Kind, usize)> =
            counts.into_iter().map(|(k, set)| (k, set.len())).collect();
        // People's details first, then their payment data.
        counts.sort_by_key(|&(k, _)| (k.category() != Category::Customer, k));
        counts
    }

    /// A field's value: the current answer, else its default.
    pub fn value(&self, field: &str) -> Option<&'a str> {
        self.session
            .current(field)
            .or_else(|| self.runbook.field(field).and_then(|f| f.default.as_deref()))
    }

    pub fn present(&self, field: &str) -> bool {
        match self.runbook.field(field).map(|f| f.kind) {
            Some(FieldType::Paths) => self.session.evidence_of(field).next().is_some(),
            _ => self.value(field).is_some(),
        }
    }

    pub fn step_applies(&self, step: &Step) -> bool {
        self.step_applies_at(step, 0)
    }

    fn step_applies_at(&self, step: &Step, depth: usize) -> bool {
        step.when
            .as_ref()
            .is_none_or(|c| self.holds_at(c, depth + 1))
    }

    /// Whether a field must be answered now: its step applies and it is
    /// required (or its `required_when` holds).
    pub fn required(&self, field: &str) -> bool {
        let (Some(f), Some(step)) = (self.runbook.field(field), self.runbook.step_of_field(field))
        else {
            return false;
        };
        self.step_applies(step)
            && (f.required || f.required_when.as_ref().is_some_and(|c| self.holds(c)))
    }

    /// Required fields without a value, in the runbook's order.
    pub fn missing(&self) -> Vec<String> {
        self.runbook
            .steps
            .iter()
            .flat_map(|s| s.collect.iter())
            .filter(|f| self.required(f) && !self.present(f))
            .cloned()
            .collect()
    }

    /// Required confirmations of applying steps that are not ticked.
    pub fn unconfirmed(&self) -> Vec<String> {
        self.runbook
            .steps
            .iter()
            .filter(|s| self.step_applies(s))
            .flat_map(|s| s.confirm.iter())
            .filter(|c| c.required && !self.session.confirmed.contains_key(&c.id))
            .map(|c| c.id.clone())
            .collect()
    }

    /// A step is complete when it is skipped, or every required field and
    /// confirmation of it is done.
    pub fn step_complete(&self, step: &Step) -> bool {
        !self.step_applies(step)
            || (step
                .collect
                .iter()
                .all(|f| !self.required(f) || self.present(f))
                && step
                    .confirm
                    .iter()
                    .all(|c| !c.required || self.session.confirmed.contains_key(&c.id)))
    }

    /// Done as the operator reads a ✓: the step applies, was opened, holds
    /// what it needs, and, for the acceptance checks, the recorded verdict
    /// passed. A step with nothing required is not done before it is seen.
    pub fn step_done(&self, step: &Step) -> bool {
        let opened = self
            .session
            .timeline
            .iter()
            .any(|e| matches!(&e.what, What::Entered { step: s } if *s == step.id));
        // The checks hold once the verdict recorded is PASS; the verdict step
        // is done once a verdict is recorded.
        let holds = match step.kind {
            StepKind::Checks => self.session.verdict.as_deref() == Some("PASS"),
            StepKind::Verdict => self.session.verdict.is_some(),
            _ => true,
        };
        self.step_applies(step) && opened && self.step_complete(step) && holds
    }

    /// Steps done and steps that apply: the walk's progress.
    pub fn progress(&self) -> (usize, usize) {
        let applying: Vec<&Step> = self
            .runbook
            .steps
            .iter()
            .filter(|s| self.step_applies(s))
            .collect();
        let done = applying.iter().filter(|s| self.step_done(s)).count();
        (done, applying.len())
    }

    /// The gate of a step: `Err` with the operator's message while it is shut.
    pub fn gate(&self, step: &Step) -> Result<(), String> {
        let open = step.requires.iter().all(|r| match self.runbook.step(r) {
            Some(s) => self.step_complete(s),
            None => self.present(r),
        });
        if open {
            return Ok(());
        }
        Err(step.locked.clone().unwrap_or_else(|| {
            let waiting: Vec<&str> = step
                .requires
                .iter()
                .filter(|r| match self.runbook.step(r) {
                    Some(s) => !self.step_complete(s),
                    None => !self.present(r),
                })
                .map(String::as_str)
                .collect();
            format!(
                "{} is locked until {} is done",
                step.title,
                waiting.join(" and ")
            )
        }))
    }

    pub fn holds(&self, c: &Condition) -> bool {
        self.holds_at(c, 0)
    }

    fn holds_at(&self, c: &Condition, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match c.test() {
            Test::Present(f, want) => self.present(f) == want,
            Test::Equals(f, v) => self.value(f) == Some(v),
            Test::OneOf(f, vs) => self.value(f).is_some_and(|x| vs.iter().any(|v| v == x)),
            Test::Matches(f, re) => {
                let v = self.value(f);
                Regex::new(re).is_ok_and(|re| v.is_some_and(|v| re.is_match(v)))
            }
            Test::MinLines(f, n) => self
                .value(f)
                .is_some_and(|v| v.lines().filter(|l| !l.trim().is_empty()).count() >= n),
            Test::TimestampConfirmed(f, want) => {
                let confirmed = self
                    .session
                    .answers
                    .get(f)
                    .is_some_and(|a| a.source != Source::CaptureTime);
                confirmed == want
            }
            Test::Confirmed(id) => self.session.confirmed.contains_key(id),
            Test::StepApplies(id) => self
                .runbook
                .step(id)
                .is_some_and(|s| self.step_applies_at(s, depth + 1)),
            Test::Complete(want) => self.missing().is_empty() == want,
            Test::NoFindings(want) => self.redaction().leaks.is_empty() == want,
            Test::KeptNoneOf(cats) => !self
                .redaction()
                .kept
                .iter()
                .any(|k| cats.iter().any(|c| c == k.category.name())),
            Test::PrivateDataFound(want) => self.private_data().is_empty() != want,
            Test::All(cs) => cs.iter().all(|c| self.holds_at(c, depth + 1)),
            Test::Any(cs) => cs.iter().any(|c| self.holds_at(c, depth + 1)),
            Test::Not(c) => !self.holds_at(c, depth + 1),
        }
    }

    /// Where to go to make a failing condition hold: the first failing test
    /// that names something the operator can change.
    pub fn fix_for(&self, c: &Condition) -> Option<Fix> {
        self.fix_at(c, 0)
    }

    fn fix_at(&self, c: &Condition, depth: usize) -> Option<Fix> {
        if depth > MAX_DEPTH || self.holds_at(c, depth) {
            return None;
        }
        match c.test() {
            Test::Present(f, _)
            | Test::Equals(f, _)
            | Test::OneOf(f, _)
            | Test::Matches(f, _)
            | Test::MinLines(f, _)
            | Test::TimestampConfirmed(f, _) => Some(Fix::Field(f.to_string())),
            Test::Confirmed(id) => Some(Fix::Confirm(id.to_string())),
            Test::Complete(_) => self.missing().into_iter().next().map(Fix::Field),
            Test::NoFindings(_) | Test::KeptNoneOf(_) => Some(Fix::Review),
            Test::PrivateDataFound(_) => None,
            // Not a field test: the fix is a change to that field.
            Test::Not(inner) => inner
                .test()
                .needs_field()
                .then(|| inner.field.clone())
                .flatten()
                .map(Fix::Field),
            Test::StepApplies(_) => None,
            Test::All(cs) | Test::Any(cs) => cs.iter().find_map(|c| self.fix_at(c, depth + 1)),
        }
    }
}

/// What makes a failing check hold, for a key that goes there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Answer or correct this field.
    Field(String),
    /// Give this confirmation.
    Confirm(String),
    /// Review the redaction: something is still found, or a secret was kept.
    Review,
}
