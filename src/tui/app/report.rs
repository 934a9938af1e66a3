//! The report from the walk: built from redacted text only, through the
//! leak gate, saved in the session folder every time, copied on request.

use std::path::PathBuf;

use super::{App, Status};
use crate::report::{self, Format, Options};

pub(super) const REPORT_FILE: &str = "report.md";
const REVIEW_FILE: &str = "review.md";

impl App {
    fn report_options(&self) -> Options {
        Options {
            contacts: self.settings.contacts(),
            ..Options::default()
        }
    }

    /// The Markdown report if the gate lets it out; a refusal is shown and
    /// names where each finding is (never its value).
    fn gated_report(&mut self) -> Option<String> {
        // A review's document is the review with its incident, not the review alone.
        let exported = match self.incident.as_ref().and_then(|p| p.reviewed.as_ref()) {
            Some((incident, runbook, figures)) => report::review_document(
                (incident, runbook),
                figures.clone(),
                Some((&self.session, &self.runbook)),
                self.now,
            )
            .export(),
            None => report::build(
                &self.session,
                &self.runbook,
                &self.report_options(),
                self.now,
            )
            .export(Format::Markdown),
        };
        match exported {
            Ok(text) => Some(text),
            Err(blocked) => {
                let first: Vec<String> = blocked
                    .leaks
                    .iter()
                    .take(3)
                    .map(|l| format!("{} line {} ({})", l.part, l.line, l.placeholder))
                    .collect();
                self.status = Some(Status::Error(format!(
                    "The leak gate kept the report back: {} finding(s), {} — open the redaction review: what it still finds shows unredacted there, and r redacts it.",
                    blocked.leaks.len(),
                    first.join(", ")
                )));
                None
            }
        }
    }

    /// Saves the report in the session folder; returns where.
    pub(crate) fn save_report(&mut self) -> Option<PathBuf> {
        let text = self.gated_report()?;
        let name = if self.incident.is_some() {
            REVIEW_FILE
        } else {
            REPORT_FILE
        };
        match self.sink.save_output(name, text.as_bytes()) {
            Ok(path) => {
                self.report_path = Some(path.clone());
                self.status = Some(Status::Notice(format!(
                    "Report saved to {}.",
                    path.display()
                )));
                Some(path)
            }
            Err(e) => {
                self.status = Some(Status::Error(format!("could not save the report: {e}")));
                None
            }
        }
    }

    /// Saves, then copies the report, saying which way it went.
    pub(crate) fn copy_report(&mut self) {
        let Some(path) = self.save_report() else {
            return;
        };
        let Some(text) = self.gated_report() else {
            return;
        };
        self.status = Some(match self.sink.copy(&text, &path) {
            Ok(method) => Status::Notice(method.sentence()),
            Err(e) => Status::Error(format!(
                "could not copy the report ({e}); it is saved in {}",
                path.display()
            )),
        });
    }

    /// Where the report was saved in this run, if it was.
    pub fn report_path(&self) -> Option<&std::path::Path> {
        self.report_path.as_deref()
    }
}
