//! The timeline in words: what happened, when (with its UTC offset) and by
//! whom. It never shows a value: answers and terms stay in the form.

use crate::machine::{Event, Source, What};
use crate::runbook::Runbook;

/// `2026-11-24 10:15:32 +01:00`.
pub fn when(event: &Event) -> String {
    event.at.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

pub fn describe(event: &Event, runbook: &Runbook) -> String {
    let label = |field: &str| {
        runbook
            .field(field)
            .map_or_else(|| field.to_string(), |f| f.label.clone())
    };
    match &event.what {
        What::Started { runbook: id, .. } => format!("started {id}"),
        What::Entered { step } => {
            let title = runbook
                .step(step)
                .map_or_else(|| step.clone(), |s| s.title.clone());
            format!("opened step: {title}")
        }
        What::Answered { field, source, .. } => match source {
            Source::Typed => format!("answered {}", label(field)),
            Source::ErrorText => format!("{} taken from the error text", label(field)),
            Source::CaptureTime => {
                format!("{} set to the capture time (to confirm)", label(field))
            }
        },
        What::Amended { field, .. } => format!("amended {} (the original is kept)", label(field)),
        What::Cleared { field } => format!("cleared {}", label(field)),
        What::Attached { name, bytes, .. } => {
            format!("attached {name} ({})", super::commit::human_size(*bytes))
        }
        What::Detached { name, .. } => format!("detached {name}"),
        What::Confirmed { id } => format!("confirmed {id}"),
        What::Unconfirmed { id, because } => format!("{id} no longer confirmed: {because}"),
        What::Kept {
            placeholder,
            reason,
        } => format!("kept {placeholder} in the report: {reason}"),
        What::Unkept { placeholder } => format!("redacted {placeholder} again"),
        What::TermAdded { .. } => "added a term to always redact".into(),
        What::Suggested { runbook, why } => format!("suggested runbook {runbook}: {why}"),
        What::OperatorChanged { name } => format!("operator is now {name}"),
        What::DomainKept { domain } => format!("the site's domain {domain} is kept by redaction"),
        What::Noted { .. } => "added a note".into(),
        What::Finished { verdict, target } => format!("finished: {verdict}, escalate to {target}"),
        What::Abandoned { reason } => format!("abandoned: {reason}"),
        What::Reopened { reason } => format!("reopened: {reason}"),
        What::Linked {
            session,
            runbook,
            relation,
        } => format!("{} session {session} ({runbook})", relation.words()),
    }
}
