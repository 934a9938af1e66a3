//! The runbook state machine. Pure: no terminal, disk, clock or clipboard.
//! The time comes in as a parameter; what must happen outside comes back as
//! [`Effect`]s for the driver (the TUI or a headless command) to carry out.
//!
//! [`update`] checks a [`Msg`] against the runbook (gates, field types,
//! choices), turns it into events, applies them and returns them as
//! [`Effect::Persist`]: the driver writes each durably before it shows the
//! next state. A refused message changes nothing and says why in words.

mod checks;
pub mod chunked;
pub mod clean;
mod eval;
pub mod export;
pub mod review;
mod session;
// Kept reachable here: the machine's callers name them through it.
pub use crate::runbook::values;
pub use crate::time;
pub mod verify;

use std::fmt;

use checks::verdict_with;
pub use checks::{CheckResult, Escalation, Verdict, checks, checks_with, route, verdict};
pub use eval::{Eval, Fix};
pub use session::{
    Amendment, Answer, Event, Evidence, Link, Relation, Session, Source, State, What,
};
pub use time::{Stamp, find_timestamp, parse_timestamp, to_rfc3339};

use crate::runbook::{FieldType, Runbook};

/// What the operator (or an answers file) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Move to a step; refused while its gate is shut or when it is skipped.
    Enter {
        step: String,
    },
    /// Answer a field as typed; a timestamp typed again confirms it.
    Answer {
        field: String,
        value: String,
    },
    /// Remove a field's answer (not a preserved one once it is frozen).
    Clear {
        field: String,
    },
    /// Add evidence to a `paths` field: its name and text, read by the driver.
    Attach {
        field: String,
        name: String,
        text: String,
        bytes: u64,
    },
    Detach {
        field: String,
        name: String,
    },
    Confirm {
        id: String,
    },
    Unconfirm {
        id: String,
    },
    /// Keep the value behind a placeholder in the report, for a reason.
    Keep {
        placeholder: String,
        reason: String,
    },
    Unkeep {
        placeholder: String,
    },
    /// Always redact this term (a shop name, an internal host).
    RedactTerm {
        term: String,
    },
    SetOperator {
        name: String,
    },
    /// Never redact the site's own domain (from the site settings).
    KeepDomain {
        domain: String,
    },
    Note {
        text: String,
    },
    /// End the walk; the verdict is recorded.
    Finish,
    Abandon {
        reason: String,
    },
    /// Open a finished or abandoned session again (more evidence arrived):
    /// the verdict is recorded again at the next Finish and the redaction
    /// review is required again.
    Reopen {
        reason: String,
    },
    /// Record a link to another session (reviewed, or opened from here).
    Link {
        session: String,
        runbook: String,
        relation: Relation,
    },
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append to the journal, durably, before showing the next state.
    Persist(Event),
    /// A related runbook now applies.
    Suggest { runbook: String, why: String },
    /// Worth telling the operator, not an error (a confirmation was cleared).
    Notice(String),
    /// The walk ended with this verdict.
    Finished(Box<Verdict>),
}

/// A refused message: nothing changed. Never holds an answer's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The field or step concerned, when there is one.
    pub subject: Option<String>,
    pub message: String,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn reject(subject: &str, message: impl Into<String>) -> Rejected {
    Rejected {
        subject: Some(subject.to_string()),
        message: message.into(),
    }
}

/// Starts a session: the session and its first event to persist.
pub fn start(id: &str, runbook: &Runbook, operator: &str, now: Stamp) -> (Session, Vec<Effect>) {
    let (session, event) = Session::new(id, &runbook.id, operator, now);
    (session, vec![Effect::Persist(event)])
}

/// The events among `effects`, in order: what one message asks to be
/// appended to the journal, as one batch.
pub fn to_persist(effects: &[Effect]) -> Vec<Event> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Persist(event) => Some(event.clone()),
            _ => None,
        })
        .collect()
}

/// One step of the machine.
pub fn update(
    session: &mut Session,
    runbook: &Runbook,
    msg: Msg,
    now: Stamp,
) -> Result<Vec<Effect>, Rejected> {
    if session.state != State::Open && !matches!(msg, Msg::Reopen { .. }) {
        return Err(Rejected {
            subject: None,
            message: format!(
                "This session is {}: reopen it to change it (`runbook resume`, then Ctrl+R twice; `runbook attach` reopens it too), or start a new one",
                session.state.name()
            ),
        });
    }
    let whats = plan(session, runbook, msg, now)?;
    let mut effects = Vec::new();
    for what in whats {
        commit(session, runbook, what, now, &mut effects);
    }
    suggestions(session, runbook, now, &mut effects);
    Ok(effects)
}

fn commit(
    session: &mut Session,
    runbook: &Runbook,
    what: What,
    now: Stamp,
    effects: &mut Vec<Effect>,
) {
    let finished = matches!(what, What::Finished { .. });
    if let What::Unconfirmed { id, because } = &what {
        effects.push(Effect::Notice(format!(
            "{id} is no longer confirmed: {because}"
        )));
    }
    let event = Event {
        at: now,
        operator: session.operator.clone(),
        what,
    };
    session.apply(&event);
    effects.push(Effect::Persist(event));
    if finished {
        effects.push(Effect::Finished(Box::new(verdict(session, runbook))));
    }
}

/// Related runbooks whose condition now holds, each suggested once.
fn suggestions(session: &mut Session, runbook: &Runbook, now: Stamp, effects: &mut Vec<Effect>) {
    let due: Vec<(String, String)> = {
        let ev = Eval::new(session, runbook);
        runbook
            .related
            .iter()
            .filter(|r| r.when.as_ref().is_some_and(|c| ev.holds(c)))
            .filter(|r| !session.suggested.contains(&r.runbook))
            .map(|r| (r.runbook.clone(), r.why.clone()))
            .collect()
    };
    for (id, why) in due {
        commit(
            session,
            runbook,
            What::Suggested {
                runbook: id.clone(),
                why: why.clone(),
            },
            now,
            effects,
        );
        effects.push(Effect::Suggest { runbook: id, why });
    }
}

/// Checks a message and says which events it makes.
fn plan(session: &Session, runbook: &Runbook, msg: Msg, now: Stamp) -> Result<Vec<What>, Rejected> {
    let ev = Eval::new(session, runbook);
    match msg {
        Msg::Enter { step } => {
            let s = runbook.step(&step).ok_or_else(|| {
                reject(
                    &step,
                    format!("{step:?} is not a step of {}", runbook.title),
                )
            })?;
            // A locked gate is said first: it is what the operator must do next.
            ev.gate(s).map_err(|m| reject(&step, m))?;
            if !ev.step_applies(s) {
                return Err(reject(
                    &step,
                    format!("{} is skipped for this request", s.title),
                ));
            }
            Ok(vec![What::Entered { step }])
        }
        Msg::Answer { field, value } => answer(&ev, field, value, now),
        Msg::Clear { field } => {
            open_field(&ev, &field)?;
            if frozen(&ev, &field) {
                return Err(reject(
                    &field,
                    format!(
                        "{field} is preserved and cannot be cleared after the retry was recorded — add an amendment instead"
                    ),
                ));
            }
            if !session.answers.contains_key(&field) {
                return Ok(Vec::new());
            }
            let mut out = vec![What::Cleared {
                field: field.clone(),
            }];
            out.extend(clear_confirmations(&ev, &field));
            Ok(out)
        }
        Msg::Attach {
            field,
            name,
            text,
            bytes,
        } => {
            let f = open_field(&ev, &field)?;
            if f.kind != FieldType::Paths {
                return Err(reject(
                    &field,
                    format!("{field} does not take files — attach evidence to a files field"),
                ));
            }
            if name.trim().is_empty() {
                return Err(reject(
                    &field,
                    "the evidence needs a name — give the file's name",
                ));
            }
            if session.evidence_of(&field).any(|e| e.name == name) {
                return Err(reject(
                    &field,
                    format!("{name} is already attached — rename it or detach the old one first"),
                ));
            }
            let mut out = vec![What::Attached {
                field: field.clone(),
                name,
                text,
                bytes,
            }];
            out.extend(clear_confirmations(&ev, &field));
            Ok(out)
        }
        Msg::Detach { field, name } => {
            open_field(&ev, &field)?;
            if !session.evidence_of(&field).any(|e| e.name == name) {
                return Err(reject(&field, format!("{name} is not attached to {field}")));
            }
            let mut out = vec![What::Detached {
                field: field.clone(),
                name,
            }];
            out.extend(clear_confirmations(&ev, &field));
            Ok(out)
        }
        Msg::Confirm { id } => {
            let (step, _) = runbook.confirmation(&id).ok_or_else(|| {
                reject(
                    &id,
                    format!("{id:?} is not a confirmation of {}", runbook.title),
                )
            })?;
            if !ev.step_applies(step) {
                return Err(reject(
                    &id,
                    format!(
                        "{} is skipped for this request, so {id} cannot be confirmed",
                        step.title
                    ),
                ));
            }
            ev.gate(step).map_err(|m| reject(&id, m))?;
            Ok(vec![What::Confirmed { id }])
        }
        Msg::Unconfirm { id } => {
            if !session.confirmed.contains_key(&id) {
                return Ok(Vec::new());
            }
            Ok(vec![What::Unconfirmed {
                id,
                because: "the operator took it back".into(),
            }])
        }
        Msg::Keep {
            placeholder,
            reason,
        } => {
            if reason.trim().is_empty() {
                return Err(reject(
                    &placeholder,
                    "say why this value must stay in the report — a kept value needs a reason",
                ));
            }
            let kind = ev.redaction().parts.iter().find_map(|(_, r)| {
                r.findings
                    .iter()
                    .find(|f| f.placeholder == placeholder)
                    .map(|f| f.kind)
            });
            let Some(kind) = kind else {
                return Err(reject(
                    &placeholder,
                    format!("{placeholder} is not a placeholder in this session's redacted text"),
                ));
            };
            if !kind.category().may_be_kept() {
                return Err(reject(
                    &placeholder,
                    format!(
                        "{placeholder} is {}: it can never be kept, and stays redacted in the report",
                        kind.category().in_words()
                    ),
                ));
            }
            Ok(vec![What::Kept {
                placeholder,
                reason,
            }])
        }
        Msg::Unkeep { placeholder } => Ok(if session.keeps.contains_key(&placeholder) {
            vec![What::Unkept { placeholder }]
        } else {
            Vec::new()
        }),
        Msg::RedactTerm { term } => {
            let term = term.trim().to_string();
            if term.is_empty() {
                return Err(reject(
                    "term",
                    "the term is empty — type the text to redact",
                ));
            }
            Ok(vec![What::TermAdded { term }])
        }
        Msg::SetOperator { name } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(reject(
                    "operator",
                    "the operator's name is empty — type a name",
                ));
            }
            Ok(vec![What::OperatorChanged { name }])
        }
        Msg::KeepDomain { domain } => {
            let domain = domain.trim().to_ascii_lowercase();
            if domain.is_empty() {
                return Err(reject(
                    "domain",
                    "the domain is empty — type the site's domain",
                ));
            }
            if session.domains.contains(&domain) {
                return Ok(Vec::new());
            }
            Ok(vec![What::DomainKept { domain }])
        }
        Msg::Note { text } => Ok(vec![What::Noted { text }]),
        Msg::Finish => {
            let v = verdict(session, runbook);
            Ok(vec![What::Finished {
                verdict: v.word().into(),
                target: v.escalation.target,
            }])
        }
        Msg::Abandon { reason } => Ok(vec![What::Abandoned { reason }]),
        Msg::Reopen { reason } => reopen(session, runbook, reason),
        Msg::Link {
            session: other,
            runbook: rb,
            relation,
        } => {
            if other == session.id {
                return Err(reject("session", "a session cannot be linked to itself"));
            }
            let known = session
                .links
                .iter()
                .any(|l| l.session == other && l.relation == relation);
            Ok(if known {
                Vec::new()
            } else {
                vec![What::Linked {
                    session: other,
                    runbook: rb,
                    relation,
                }]
            })
        }
    }
}

/// A session ended is opened again: every confirmation of a redaction step
/// is cleared, since what the report holds is about to change.
fn reopen(session: &Session, runbook: &Runbook, reason: String) -> Result<Vec<What>, Rejected> {
    if session.state == State::Open {
        return Err(reject("session", "this session is already open"));
    }
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(reject(
            "reason",
            "say why the session is reopened (more evidence, a correction)",
        ));
    }
    let mut whats = vec![What::Reopened { reason }];
    for step in runbook
        .steps
        .iter()
        .filter(|s| s.kind == crate::runbook::StepKind::Redaction)
    {
        for c in step
            .confirm
            .iter()
            .filter(|c| session.confirmed.contains_key(&c.id))
        {
            whats.push(What::Unconfirmed {
                id: c.id.clone(),
                because: "the session was reopened — review the redaction again".into(),
            });
        }
    }
    Ok(whats)
}

/// The field, if it may be answered now: known, its step applies, its gate open.
fn open_field<'a>(ev: &Eval<'a>, field: &str) -> Result<&'a crate::runbook::Field, Rejected> {
    let runbook = ev.runbook;
    let Some(f) = runbook.field(field) else {
        let ids: Vec<&str> = runbook.fields.iter().map(|f| f.id.as_str()).collect();
        return Err(reject(
            field,
            format!(
                "{field:?} is not a field of {} — use one of: {}",
                runbook.title,
                ids.join(", ")
            ),
        ));
    };
    if let Some(step) = runbook.step_of_field(field) {
        ev.gate(step).map_err(|m| reject(field, m))?;
        if !ev.step_applies(step) {
            return Err(reject(
                field,
                format!(
                    "{field} belongs to {}, which is skipped for this request",
                    step.title
                ),
            ));
        }
    }
    Ok(f)
}

/// A preserved field is frozen once the field named by `amend_after` has an answer.
fn frozen(ev: &Eval, field: &str) -> bool {
    ev.runbook
        .field(field)
        .and_then(|f| f.amend_after.as_deref())
        .is_some_and(|after| {
            ev.session.answers.contains_key(after) && ev.session.answers.contains_key(field)
        })
}

fn answer(ev: &Eval, field: String, raw: String, now: Stamp) -> Result<Vec<What>, Rejected> {
    let f = open_field(ev, &field)?;
    let value = values::normalise(f, &raw).map_err(|m| reject(&field, format!("{field} {m}")))?;
    let session = ev.session;
    let mut out = Vec::new();
    if frozen(ev, &field) {
        if session.current(&field) != Some(value.as_str()) {
            out.push(What::Amended {
                field: field.clone(),
                value: value.clone(),
            });
        }
    } else {
        let same = session
            .answers
            .get(&field)
            .is_some_and(|a| a.value == value && a.source == Source::Typed);
        if same {
            return Ok(out);
        }
        out.push(What::Answered {
            field: field.clone(),
            value: value.clone(),
            source: Source::Typed,
        });
    }
    // Timestamps pre-filled from this field: from a time in the text, else the
    // capture time (marked unconfirmed). Never over an operator's own answer.
    for t in ev
        .runbook
        .fields
        .iter()
        .filter(|t| t.prefill_from.as_deref() == Some(&field))
    {
        if session
            .answers
            .get(&t.id)
            .is_some_and(|a| a.source == Source::Typed)
        {
            continue;
        }
        let (value, source) = match time::find_timestamp(&value) {
            Some(ts) => (to_rfc3339(&ts), Source::ErrorText),
            None if session.answers.contains_key(&t.id) => continue,
            // To the second: nobody confirms nanoseconds.
            None => (
                to_rfc3339(&chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now)),
                Source::CaptureTime,
            ),
        };
        out.push(What::Answered {
            field: t.id.clone(),
            value,
            source,
        });
    }
    out.extend(clear_confirmations(ev, &field));
    Ok(out)
}

/// Confirmations that a change to `field` clears, if they are ticked.
fn clear_confirmations(ev: &Eval, field: &str) -> Vec<What> {
    ev.runbook
        .steps
        .iter()
        .flat_map(|s| s.confirm.iter())
        .filter(|c| {
            c.cleared_by.iter().any(|f| f == field) && ev.session.confirmed.contains_key(&c.id)
        })
        .map(|c| What::Unconfirmed {
            id: c.id.clone(),
            because: format!("{field} changed after it was confirmed"),
        })
        .collect()
}
