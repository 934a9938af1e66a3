//! `runbook review SESSION`: the review of a finished (or abandoned) incident
//! session, as its own session of the post-incident-review runbook, linked
//! to the incident. With `--format md`, the review document, headless.

use std::process::ExitCode;

use super::lists::write_out;
use super::{Places, diagnostics_error};
use crate::headless::CliError;
use crate::machine::review::{Figures, figures};
use crate::machine::{Relation, Session, State};
use crate::report;
use crate::runbook::{Loaded, Runbook};
use crate::store::Store;

/// The runbook a review walks.
pub const REVIEW_RUNBOOK: &str = "post-incident-review";

/// Exit status when the leak gate refuses the document.
const BLOCKED: u8 = 3;

/// A finished or abandoned incident, read-only, with its figures.
pub struct Incident {
    pub session: Session,
    pub runbook: Runbook,
    pub figures: Figures,
}

/// Reads the incident; an open one is refused (its story is not over).
pub fn incident(store: &Store, id: &str) -> Result<Incident, CliError> {
    let stored = store.read(id)?;
    let session = stored.session()?;
    if session.state == State::Open {
        return Err(CliError(format!(
            "session {id} is still open — finish or abandon it first (`runbook resume {id}`), then review it"
        )));
    }
    let runbook = Loaded::from_text(stored.runbook_text, &stored.runbook_path)
        .map_err(|d| diagnostics_error(&d))?
        .runbook;
    let figures = figures(&stored.events, &runbook).map_err(CliError)?;
    Ok(Incident {
        session,
        runbook,
        figures,
    })
}

/// The latest review session linked to `id`, if any: (session, runbook).
pub fn latest_review(store: &Store, id: &str) -> Result<Option<(Session, Runbook)>, CliError> {
    let (all, _) = store.list()?;
    let mut found = None;
    for s in all.iter().filter(|s| s.runbook == REVIEW_RUNBOOK) {
        let Ok(stored) = store.read(&s.id) else {
            continue;
        };
        let Ok(session) = stored.session() else {
            continue;
        };
        let reviews = session
            .links
            .iter()
            .any(|l| l.session == id && l.relation == Relation::Reviews);
        if reviews && let Ok(l) = Loaded::from_text(stored.runbook_text, &stored.runbook_path) {
            found = Some((session, l.runbook));
        }
    }
    Ok(found)
}

/// `runbook review SESSION --format md`: exit 0 with the document, 3 when the gate blocks it.
pub fn document(places: &Places, id: &str) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let incident = incident(&store, id)?;
    let review = latest_review(&store, id)?;
    let now = chrono::Local::now().fixed_offset();
    let doc = report::review_document(
        (&incident.session, &incident.runbook),
        incident.figures,
        review.as_ref().map(|(s, rb)| (s, rb)),
        now,
    );
    // No review yet: its sections are still listed, each saying it has no answers.
    let library = places.library()?;
    let doc = match library.get(REVIEW_RUNBOOK) {
        Some(l) => doc.with_review_sections(&l.runbook),
        None => doc,
    };
    match doc.export() {
        Ok(text) => {
            // Names and notes were typed by people: never terminal commands.
            write_out(&report::visible(&text))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(blocked) => {
            eprintln!("runbook: {blocked}");
            Ok(ExitCode::from(BLOCKED))
        }
    }
}
