//! A timeline from outside (an export) replayed through the machine: each
//! event must be one the machine itself would have made at that point, from
//! the message it stands for. A journal this program wrote always passes; a
//! hand-edited one (an answer after the finish, a field the runbook lacks, a
//! version the field refuses, a second finish) is refused at its event.

use super::session::{Event, Session, What};
use super::{Msg, Rejected, to_persist, update};
use crate::redact::contains_placeholder;
use crate::runbook::Runbook;

/// Why a timeline was refused: the event (from 1, as a journal's records are
/// counted) and the machine's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub event: usize,
    pub message: String,
}

/// Replays `events` through [`update`]. `redacted`: texts in the timeline
/// may hold placeholders, so a value the machine refuses is accepted when a
/// placeholder stands in it (it was checked before it was redacted), and
/// texts the machine words itself may differ where a placeholder sits.
pub fn replay_checked(
    events: &[Event],
    runbook: &Runbook,
    redacted: bool,
) -> Result<Session, Refused> {
    let refused = |event: usize, message: String| Refused { event, message };
    let Some(first) = events.first() else {
        return Err(refused(1, "the timeline holds no event".into()));
    };
    let What::Started {
        session: id,
        runbook: of,
    } = &first.what
    else {
        return Err(refused(
            1,
            "the timeline does not begin with its start".into(),
        ));
    };
    if *of != runbook.id {
        return Err(refused(
            1,
            format!(
                "the session is of runbook {of:?}, but the runbook text is {:?}",
                runbook.id
            ),
        ));
    }
    let (mut session, _) = Session::new(id, of, &first.operator, first.at);
    let mut i = 1;
    while i < events.len() {
        let lead = &events[i];
        let Some(msg) = message_of(&lead.what) else {
            return Err(refused(
                i + 1,
                format!(
                    "a {} event is only made by the machine after another one",
                    kind(&lead.what)
                ),
            ));
        };
        let mut trial = session.clone();
        let made = match update(&mut trial, runbook, msg, lead.at) {
            Ok(effects) => to_persist(&effects),
            Err(_) if redacted && holds_placeholder(&lead.what) => {
                // Checked before it was redacted: the stand-in is taken as is.
                session.apply(lead);
                i += 1;
                continue;
            }
            Err(Rejected { message, .. }) => return Err(refused(i + 1, message)),
        };
        let got = &events[i..(i + made.len()).min(events.len())];
        if made.is_empty() || got.len() != made.len() {
            return Err(refused(
                i + 1,
                format!(
                    "the machine makes {} event(s) from this {}, the timeline has {}",
                    made.len(),
                    kind(&lead.what),
                    got.len()
                ),
            ));
        }
        for (k, (g, m)) in got.iter().zip(&made).enumerate() {
            if g.operator != m.operator || !same(&g.what, &m.what, redacted) {
                return Err(refused(
                    i + k + 1,
                    format!(
                        "this {} is not what the machine makes here (it makes a {})",
                        kind(&g.what),
                        kind(&m.what)
                    ),
                ));
            }
        }
        // The timeline's own words are kept: they are what was exported.
        for g in got {
            session.apply(g);
        }
        i += made.len();
    }
    Ok(session)
}

/// The message an event is the first answer to; `None` for events only the
/// machine makes as a consequence (a suggestion, a start).
fn message_of(what: &What) -> Option<Msg> {
    Some(match what.clone() {
        What::Started { .. } | What::Suggested { .. } => return None,
        What::Entered { step } => Msg::Enter { step },
        What::Answered { field, value, .. } | What::Amended { field, value } => {
            Msg::Answer { field, value }
        }
        What::Cleared { field } => Msg::Clear { field },
        What::Attached {
            field,
            name,
            text,
            bytes,
        } => Msg::Attach {
            field,
            name,
            text,
            bytes,
        },
        What::Detached { field, name } => Msg::Detach { field, name },
        What::Confirmed { id } => Msg::Confirm { id },
        What::Unconfirmed { id, .. } => Msg::Unconfirm { id },
        What::Kept {
            placeholder,
            reason,
        } => Msg::Keep {
            placeholder,
            reason,
        },
        What::Unkept { placeholder } => Msg::Unkeep { placeholder },
        What::TermAdded { term } => Msg::RedactTerm { term },
        What::OperatorChanged { name } => Msg::SetOperator { name },
        What::DomainKept { domain } => Msg::KeepDomain { domain },
        What::Noted { text } => Msg::Note { text },
        What::Finished { .. } => Msg::Finish,
        What::Abandoned { reason } => Msg::Abandon { reason },
        What::Reopened { reason } => Msg::Reopen { reason },
        What::Linked {
            session,
            runbook,
            relation,
        } => Msg::Link {
            session,
            runbook,
            relation,
        },
    })
}

/// The event's name as the journal writes it.
fn kind(what: &What) -> String {
    serde_json::to_value(what)
        .ok()
        .and_then(|v| v.get("event").and_then(|e| e.as_str()).map(str::to_string))
        .unwrap_or_else(|| "event".into())
}

fn same(got: &What, made: &What, redacted: bool) -> bool {
    if got == made {
        return true;
    }
    // A text the machine wrote itself (why a confirmation was cleared) went
    // through redaction with the rest: a placeholder in it is no tampering.
    redacted
        && match (got, made) {
            (
                What::Unconfirmed { id, because },
                What::Unconfirmed {
                    id: made_id,
                    because: made_because,
                },
            ) => id == made_id && (because == made_because || contains_placeholder(because)),
            _ => false,
        }
}

fn holds_placeholder(what: &What) -> bool {
    match what {
        What::Answered { value, .. } | What::Amended { value, .. } => contains_placeholder(value),
        What::Attached { text, .. } => contains_placeholder(text),
        What::Kept { reason, .. } | What::Reopened { reason } => contains_placeholder(reason),
        _ => false,
    }
}
