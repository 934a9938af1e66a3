//! The session's timeline as the report shows it: what happened, when and by
//! whom, in words. Values are never repeated here (they are in their own
//! sections); the operator's own words (notes, reasons) go through redaction,
//! and a term to always redact is counted, never shown.

use std::collections::HashMap;

use super::model::Entry;
use crate::machine::clean::{Clean, Cleaned};
use crate::machine::{Session, Source, What};
use crate::runbook::Runbook;

pub fn entries(session: &Session, runbook: &Runbook, clean: &mut Cleaned) -> Vec<Entry> {
    let mut names: HashMap<String, Clean> = HashMap::new();
    let mut out = Vec::with_capacity(session.timeline.len());
    for e in &session.timeline {
        let operator = names
            .entry(e.operator.clone())
            .or_insert_with(|| clean.redact(&e.operator))
            .clone();
        let step_title = |id: &str| {
            runbook
                .step(id)
                .map_or(id, |s| s.title.as_str())
                .to_string()
        };
        let (event, subject, detail): (&'static str, String, Option<Clean>) = match &e.what {
            What::Started { runbook, .. } => ("started", format!("runbook {runbook}"), None),
            What::Entered { step } => ("entered", step_title(step), None),
            What::Answered { field, source, .. } => {
                let from = match source {
                    Source::Typed => String::new(),
                    Source::ErrorText => " (taken from the error text)".into(),
                    Source::CaptureTime => " (the capture time, to confirm)".into(),
                };
                ("answered", format!("{field}{from}"), None)
            }
            What::Amended { field, .. } => ("amended", field.clone(), None),
            What::Cleared { field } => ("cleared", field.clone(), None),
            What::Attached {
                field, name, bytes, ..
            } => (
                "attached",
                format!("{field}, {bytes} bytes"),
                Some(clean.redact(name)),
            ),
            What::Detached { field, name } => ("detached", field.clone(), Some(clean.redact(name))),
            What::Confirmed { id } => ("confirmed", id.clone(), None),
            What::Unconfirmed { id, because } => ("unconfirmed", format!("{id}: {because}"), None),
            What::Kept {
                placeholder,
                reason,
            } => (
                "kept unredacted",
                placeholder.clone(),
                Some(clean.redact(reason)),
            ),
            What::Unkept { placeholder } => ("redacted again", placeholder.clone(), None),
            What::TermAdded { .. } => ("added a term to always redact", String::new(), None),
            What::Suggested { runbook, .. } => ("suggested", format!("runbook {runbook}"), None),
            What::OperatorChanged { name } => {
                ("operator changed", String::new(), Some(clean.redact(name)))
            }
            What::DomainKept { domain } => ("site domain kept by redaction", domain.clone(), None),
            What::Noted { text } => ("noted", String::new(), Some(clean.redact(text))),
            What::Finished { verdict, target } => {
                ("finished", format!("{verdict}, to {target}"), None)
            }
            What::Abandoned { reason } => ("abandoned", String::new(), Some(clean.redact(reason))),
            What::Reopened { reason } => ("reopened", String::new(), Some(clean.redact(reason))),
            What::Linked {
                session,
                runbook,
                relation,
            } => (
                "linked",
                format!("{} session {session} (runbook {runbook})", relation.words()),
                None,
            ),
        };
        out.push(Entry {
            at: e.at,
            operator,
            event,
            subject,
            detail,
        });
    }
    out
}
