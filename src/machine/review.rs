//! The figures a post-incident review starts from, computed from an incident
//! session's events rather than typed: how long the error took to be
//! preserved, how many retries came first, when the checks passed and the
//! walk was escalated, and which checks failed before they passed. Pure: the
//! journal is replayed event by event, with no clock.
//!
//! They hold no value the operator typed: only times, counts, ids and the
//! runbook's own titles, so they can be shown beside redacted text.

use chrono::Duration;
use serde::Serialize;

use super::checks::checks;
use super::eval::Eval;
use super::session::{Event, Session, What};
use super::time::{Stamp, parse_timestamp};
use crate::runbook::{FieldType, Runbook, StepKind};

/// The incident runbook's fields the figures read, by their contract ids.
const ERROR_TIME: &str = "error_timestamp";
const PRIOR_RETRIES: &str = "retries_before_capture";

/// Checks are evaluated after at most this many events: each evaluation
/// redacts the session again, and a review needs no more to be useful.
pub const MAX_EVALUATIONS: usize = 500;

/// A check that failed and later passed, and what was done between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fixed {
    pub check: String,
    pub title: String,
    /// The last moment it failed before it passed.
    pub failed_at: Stamp,
    pub passed_at: Stamp,
    /// The events that made it pass, in words (ids and titles, no values).
    pub by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub session: String,
    pub runbook: String,
    pub started: Stamp,
    /// When the error happened, as answered (or pre-filled).
    pub error_at: Option<Stamp>,
    /// Whether that time was the capture time, not yet confirmed.
    pub error_at_is_capture: bool,
    /// When the error message was first preserved.
    pub preserved_at: Option<Stamp>,
    /// Retries declared as made before the runbook was opened.
    pub retries_declared: u32,
    /// Retries recorded before the preserve step was complete.
    pub retries_recorded: u32,
    /// When the acceptance checks first all passed.
    pub pass_at: Option<Stamp>,
    /// When the session was finished, and where it was escalated.
    pub escalated_at: Option<Stamp>,
    pub target: Option<String>,
    pub fixed: Vec<Fixed>,
    /// The checks were evaluated over only the first [`MAX_EVALUATIONS`] changes.
    pub partial: bool,
}

impl Figures {
    /// The retries before preservation: the number the runbook exists to keep at zero.
    pub fn retries_before_preservation(&self) -> u32 {
        self.retries_declared + self.retries_recorded
    }

    /// From the error to its preservation.
    pub fn error_to_preservation(&self) -> Option<Duration> {
        Some(self.preserved_at? - self.error_at?)
    }

    /// The moment the other durations count from: the error when known.
    pub fn origin(&self) -> Stamp {
        self.error_at.unwrap_or(self.started).min(self.started)
    }

    pub fn to_pass(&self) -> Option<Duration> {
        Some(self.pass_at? - self.origin())
    }

    pub fn to_escalation(&self) -> Option<Duration> {
        Some(self.escalated_at? - self.origin())
    }
}

/// `1 h 04 min`, `3 min 12 s`, `45 s`; a negative span says so.
pub fn span(d: Duration) -> String {
    let secs = d.num_seconds();
    let (sign, s) = if secs < 0 { ("-", -secs) } else { ("", secs) };
    match s {
        0..=59 => format!("{sign}{s} s"),
        60..=3599 => format!("{sign}{} min {:02} s", s / 60, s % 60),
        _ => format!("{sign}{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}

/// The figures of an incident session walked through `runbook`.
pub fn figures(events: &[Event], runbook: &Runbook) -> Result<Figures, String> {
    let full = Session::replay(events)?;
    let preserved_field = runbook
        .fields
        .iter()
        .find(|f| f.amend_after.is_some())
        .map(|f| f.id.clone());
    // The retry is the answer that freezes the preserved error.
    let retry_field = runbook.fields.iter().find_map(|f| f.amend_after.clone());
    let preserve_step = runbook.steps.iter().find(|s| s.kind == StepKind::Preserve);

    let error = full.answers.get(ERROR_TIME);
    let mut f = Figures {
        session: full.id.clone(),
        runbook: full.runbook.clone(),
        started: full.started,
        error_at: error.and_then(|a| parse_timestamp(&a.value)),
        error_at_is_capture: error.is_some_and(|a| a.source == super::Source::CaptureTime),
        preserved_at: None,
        retries_declared: declared_retries(&full, runbook),
        retries_recorded: 0,
        pass_at: None,
        escalated_at: None,
        target: None,
        fixed: Vec::new(),
        partial: false,
    };

    let mut session = Session::replay(&events[..1])?;
    let mut preserved = false;
    // Per check: (last failure time, index of the first event after it).
    let mut failing: Vec<Option<(Stamp, usize)>> = vec![None; runbook.checks.len()];
    let mut evaluations = 0;
    for (i, e) in events.iter().enumerate().skip(1) {
        session.apply(e);
        match &e.what {
            What::Answered { field, value, .. } => {
                if Some(field) == preserved_field.as_ref() && f.preserved_at.is_none() {
                    f.preserved_at = Some(e.at);
                }
                if Some(field) == retry_field.as_ref() && !preserved && value == "yes" {
                    f.retries_recorded += 1;
                }
            }
            What::Finished { target, .. } if f.escalated_at.is_none() => {
                f.escalated_at = Some(e.at);
                f.target = Some(target.clone());
            }
            _ => {}
        }
        if !changes_checks(&e.what) {
            continue;
        }
        if let Some(step) = preserve_step
            && !preserved
        {
            preserved = Eval::new(&session, runbook).step_complete(step);
        }
        if evaluations == MAX_EVALUATIONS {
            f.partial = true;
            continue;
        }
        evaluations += 1;
        let results = checks(&session, runbook);
        if f.pass_at.is_none() && !results.is_empty() && results.iter().all(|c| c.passed) {
            f.pass_at = Some(e.at);
        }
        for (n, c) in results.iter().enumerate() {
            match (c.passed, failing[n]) {
                (false, _) => failing[n] = Some((e.at, i + 1)),
                (true, Some((failed_at, from))) => {
                    f.fixed.push(Fixed {
                        check: c.id.clone(),
                        title: c.title.clone(),
                        failed_at,
                        passed_at: e.at,
                        by: events[from..=i]
                            .iter()
                            .filter_map(|e| describe(&e.what, runbook))
                            .collect(),
                    });
                    failing[n] = None;
                }
                (true, None) => {}
            }
        }
    }
    Ok(f)
}

fn declared_retries(session: &Session, runbook: &Runbook) -> u32 {
    let ev = Eval::new(session, runbook);
    let declared = runbook
        .field(PRIOR_RETRIES)
        .filter(|f| f.kind == FieldType::Number)
        .and_then(|f| ev.value(&f.id));
    declared.and_then(|v| v.trim().parse().ok()).unwrap_or(0)
}

/// Whether an event can change a check's result (moving between steps cannot).
fn changes_checks(what: &What) -> bool {
    !matches!(
        what,
        What::Started { .. }
            | What::Entered { .. }
            | What::Suggested { .. }
            | What::Noted { .. }
            | What::OperatorChanged { .. }
            | What::Finished { .. }
            | What::Abandoned { .. }
            | What::Reopened { .. }
            | What::Linked { .. }
    )
}

/// What an event did, in the runbook's words and without its value.
fn describe(what: &What, runbook: &Runbook) -> Option<String> {
    let label = |id: &str| {
        runbook
            .field(id)
            .map_or(id, |f| f.label.as_str())
            .to_string()
    };
    Some(match what {
        What::Answered { field, .. } => format!("answered {}", label(field)),
        What::Amended { field, .. } => format!("amended {}", label(field)),
        What::Cleared { field } => format!("cleared {}", label(field)),
        What::Attached { field, .. } => format!("attached evidence to {}", label(field)),
        What::Detached { field, .. } => format!("detached evidence from {}", label(field)),
        What::Confirmed { id } => format!("confirmed {id}"),
        What::Kept { placeholder, .. } => format!("kept {placeholder} with a reason"),
        What::TermAdded { .. } => "added a term to always redact".into(),
        What::DomainKept { .. } => "kept the site's domain".into(),
        _ => return None,
    })
}

fn clock(t: Stamp) -> String {
    t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

impl Figures {
    /// The figures as (label, value) lines, as the review document and the
    /// review screen show them.
    pub fn lines(&self) -> Vec<(String, String)> {
        let from = if self.error_at.is_some() && self.origin() < self.started {
            "from the error"
        } else {
            "from the session's start"
        };
        let mut out = Vec::new();
        let preservation = match (self.error_to_preservation(), self.preserved_at) {
            (Some(d), Some(p)) => {
                let capture = if self.error_at_is_capture {
                    " — the error time is only the capture time"
                } else {
                    ""
                };
                format!("{} (preserved {}){capture}", span(d), clock(p))
            }
            (None, Some(p)) => format!("preserved {}, error time unknown", clock(p)),
            _ => "the error was never preserved".into(),
        };
        out.push(("Error to preservation".into(), preservation));
        out.push((
            "Retries before preservation".into(),
            format!(
                "{} ({} declared, {} recorded before the preserve step was complete)",
                self.retries_before_preservation(),
                self.retries_declared,
                self.retries_recorded
            ),
        ));
        out.push((
            "Time until every check passed".into(),
            match (self.to_pass(), self.pass_at) {
                (Some(d), Some(t)) => format!("{} {from} (at {})", span(d), clock(t)),
                _ => "the checks never all passed".into(),
            },
        ));
        out.push((
            "Time to escalation".into(),
            match (self.to_escalation(), self.escalated_at) {
                (Some(d), Some(t)) => format!(
                    "{} {from} (finished {}, to {})",
                    span(d),
                    clock(t),
                    self.target.as_deref().unwrap_or("no target")
                ),
                _ => "never finished".into(),
            },
        ));
        if self.partial {
            out.push((
                "Note".into(),
                format!("the checks were followed over the first {MAX_EVALUATIONS} changes only"),
            ));
        }
        out
    }

    /// The checks that failed and later passed, one line each.
    pub fn fixed_lines(&self) -> Vec<String> {
        self.fixed
            .iter()
            .map(|x| {
                let by = if x.by.is_empty() {
                    String::new()
                } else {
                    format!(" after: {}", x.by.join("; "))
                };
                format!(
                    "{} ({}): failed until {}, passed {}{by}",
                    x.title,
                    x.check,
                    clock(x.failed_at),
                    clock(x.passed_at)
                )
            })
            .collect()
    }
}
