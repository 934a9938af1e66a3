//! The side-by-side review of everything the report exports: each part's
//! original text under a heading, with the findings of the same redaction
//! the report uses, so a placeholder on screen is the one in the report.

use super::{App, Status};
use crate::machine::{Msg, export};
use crate::redact::Finding;
use crate::tui::evidence::{Decision, EvidenceView};

impl App {
    pub(crate) fn open_review(&mut self) {
        let (text, findings) = review_document(&self.session, &self.runbook);
        if text.is_empty() {
            self.status = Some(Status::Notice(
                "Nothing to review yet: the report has no text. Fill in the earlier steps first."
                    .into(),
            ));
            return;
        }
        let mut view =
            EvidenceView::with_findings("Report parts", text, findings).with_palette(self.palette);
        view.restore_decisions(
            self.session
                .keeps
                .iter()
                .map(|(p, r)| (p.as_str(), r.as_str())),
            self.session.terms.iter().cloned(),
        );
        if self.privacy {
            view.handle(crate::tui::keymap::Action::TogglePrivacy);
        }
        self.review = Some(view);
        self.status = None;
    }

    pub(crate) fn close_review(&mut self) {
        if let Some(view) = self.review.take() {
            self.privacy = view.privacy();
        }
        self.status = Some(Status::Notice(
            "Review closed. Tick the confirmation once every finding is right.".into(),
        ));
    }

    /// A keep, a redact or a new term: journaled, then the review redrawn
    /// from the session so it shows what the report will hold.
    pub(crate) fn review_decision(&mut self, decision: Decision) {
        let msg = match decision {
            Decision::Keep {
                placeholder,
                reason,
            } => Msg::Keep {
                placeholder,
                reason,
            },
            Decision::Redact { placeholder } => Msg::Unkeep { placeholder },
            Decision::AlwaysRedact { term } => Msg::RedactTerm { term },
        };
        let rebuild = matches!(msg, Msg::RedactTerm { .. });
        let result = self.dispatch(msg);
        if let Err(e) = &result {
            self.status = Some(Status::Error(e.clone()));
        }
        if rebuild || result.is_err() {
            let (top, _) = self.review.as_ref().map_or((0, 0), EvidenceView::scroll);
            self.open_review();
            if let Some(view) = self.review.as_mut() {
                view.scroll_to_line(top);
            }
        }
    }
}

/// The exported parts as one text (a heading line before each) and their
/// findings, offsets moved to match.
pub(crate) fn review_document(
    session: &crate::machine::Session,
    runbook: &crate::runbook::Runbook,
) -> (Vec<u8>, Vec<Finding>) {
    let redaction = export::redact(session, runbook);
    let mut text = Vec::new();
    let mut findings = Vec::new();
    let mut lines_before = 0usize;
    for (part, redacted) in &redaction.parts {
        let heading = format!("── {} ──\n", part.label);
        text.extend_from_slice(heading.as_bytes());
        lines_before += 1;
        let offset = text.len();
        text.extend_from_slice(part.text.as_bytes());
        for f in &redacted.findings {
            let mut f = f.clone();
            f.start += offset;
            f.end += offset;
            f.line += lines_before;
            findings.push(f);
        }
        lines_before += part.text.lines().count().max(1);
        if !part.text.ends_with('\n') {
            text.push(b'\n');
        }
    }
    (text, findings)
}
