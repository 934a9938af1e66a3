//! The side-by-side review of everything the report exports: each part's
//! original text under a heading, with the findings of the same redaction
//! the report uses, so a placeholder on screen is the one in the report.

use super::form::Item;
use super::{App, Status};
use crate::machine::{Fix, Msg, export};
use crate::redact::Finding;
use crate::runbook::StepKind;
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
        // Values the strict check still finds leave the machine as they
        // are: the right pane shows them so, with what to do about them.
        let unredacted = findings
            .iter()
            .filter(|f| f.rule == STRICT_RULE)
            .map(|f| (f.placeholder.clone(), UNREDACTED_REASON.to_string()))
            .collect::<Vec<_>>();
        let seen = self
            .review
            .as_ref()
            .map_or_else(|| self.review_seen.clone(), EvidenceView::seen);
        let mut view = EvidenceView::with_findings("Report parts", text, findings)
            .with_palette(self.palette)
            .with_seen(seen);
        view.restore_decisions(
            self.session
                .keeps
                .iter()
                .map(|(p, r)| (p.as_str(), r.as_str()))
                .chain(unredacted.iter().map(|(p, r)| (p.as_str(), r.as_str()))),
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
            self.review_seen = view.seen();
        }
        self.status = Some(Status::Notice(if self.unconfirmed_reviews().is_empty() {
            "Review closed.".into()
        } else {
            "Review closed, not confirmed: the confirmation is given in the review (c), once every finding was on screen.".into()
        }));
    }

    /// Goes where a failing check is made to pass.
    pub(crate) fn go_to_fix(&mut self, fix: Fix) {
        match fix {
            Fix::Field(field) => self.go_to_field(&field),
            Fix::Confirm(id) if self.unconfirmed_reviews().contains(&id) => {
                self.open_review();
                self.status = Some(Status::Notice(
                    "The redaction review is confirmed here: look at each finding (n goes to the next), then press c.".into(),
                ));
            }
            Fix::Confirm(id) => {
                let step = self
                    .runbook
                    .steps
                    .iter()
                    .position(|s| s.confirm.iter().any(|c| c.id == id));
                if let Some(step) = step
                    && self.open_step(step)
                    && let Some(i) =
                        self.form.items.iter().position(
                            |item| matches!(item, Item::Confirm { id: c, .. } if *c == id),
                        )
                {
                    self.form.focus_on(i);
                }
            }
            Fix::Review => {
                self.open_review();
                let Some(view) = self.review.as_mut() else {
                    return;
                };
                // What the strict check still finds first, then a kept secret.
                let at = view
                    .findings()
                    .iter()
                    .position(|f| f.rule == STRICT_RULE)
                    .or_else(|| {
                        view.findings()
                            .iter()
                            .position(|f| f.kept.is_some() && !f.kind.category().may_be_kept())
                    });
                if let Some(at) = at {
                    view.go_to(at);
                    self.status = Some(Status::Notice(
                        "This is what fails the check: r redacts it.".into(),
                    ));
                }
            }
        }
    }

    /// Confirmations of the redaction steps that apply, not given yet.
    /// They are given only from the review, after it showed every finding.
    pub(crate) fn unconfirmed_reviews(&self) -> Vec<String> {
        let ev = self.eval();
        self.runbook
            .steps
            .iter()
            .filter(|s| s.kind == StepKind::Redaction && ev.step_applies(s))
            .flat_map(|s| &s.confirm)
            .filter(|c| !self.session.confirmed.contains_key(&c.id))
            .map(|c| c.id.clone())
            .collect()
    }

    /// `c` in the review: confirms it once every finding was on screen,
    /// otherwise moves to the first one not seen and says how many remain.
    pub(crate) fn confirm_from_review(&mut self) {
        if self.refuse_if_ended() {
            return;
        }
        let Some(view) = self.review.as_mut() else {
            return;
        };
        let unseen = view.unseen();
        if unseen > 0 {
            view.go_to_unseen();
            self.status = Some(Status::Notice(format!(
                "{unseen} of {} findings not on screen yet — here is the first; n goes on, and c confirms once each was seen.",
                view.findings().len()
            )));
            return;
        }
        let ids = self.unconfirmed_reviews();
        if ids.is_empty() {
            self.status = Some(Status::Notice(
                "The review is already confirmed; Esc goes back to the walk.".into(),
            ));
            return;
        }
        let msgs = ids.into_iter().map(|id| Msg::Confirm { id }).collect();
        match self.dispatch_with(msgs, &[]) {
            Ok(()) => {
                self.close_review();
                self.status = Some(Status::Notice(
                    "Redaction review confirmed: every finding was on screen. Ctrl+N goes on."
                        .into(),
                ));
            }
            Err(e) => self.status = Some(Status::Error(e)),
        }
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
            // `r` on a value the strict check still finds: always redact it.
            Decision::Redact { placeholder } if placeholder.starts_with("[UNREDACTED ") => {
                let (text, findings) = review_document(&self.session, &self.runbook);
                let Some(f) = findings.iter().find(|f| f.placeholder == placeholder) else {
                    return;
                };
                Msg::RedactTerm {
                    term: String::from_utf8_lossy(&text[f.start..f.end]).into_owned(),
                }
            }
            Decision::Redact { placeholder } => Msg::Unkeep { placeholder },
            Decision::AlwaysRedact { term } => Msg::RedactTerm { term },
        };
        let rebuild = !matches!(msg, Msg::Keep { .. });
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

/// The rule name of findings only the strict re-scan makes.
const STRICT_RULE: &str = "strict re-scan";
const UNREDACTED_REASON: &str =
    "NOT redacted: the strict check of the report still finds this — r always redacts it";

/// The exported parts as one text (a heading line before each) and their
/// findings, offsets moved to match; what the strict re-scan still finds in
/// the redacted text is mapped back onto the original.
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
        for leak in redaction.leaks.iter().filter(|l| l.part == part.label) {
            let (Some(start), Some(last)) = (
                to_original(leak.start, &redacted.findings),
                to_original(
                    leak.end.saturating_sub(1).max(leak.start),
                    &redacted.findings,
                ),
            ) else {
                continue;
            };
            let inner = leak.placeholder.trim_matches(|c| c == '[' || c == ']');
            findings.push(Finding {
                start: start + offset,
                end: last + 1 + offset,
                line: leak.line + lines_before,
                column: leak.column,
                category: leak.kind.category(),
                kind: leak.kind,
                placeholder: format!("[UNREDACTED {inner}]"),
                rule: STRICT_RULE,
                kept: None,
            });
        }
        lines_before += part.text.lines().count().max(1);
        if !part.text.ends_with('\n') {
            text.push(b'\n');
        }
    }
    (text, findings)
}

/// A position in a redacted text as a position in its original, or `None`
/// inside a placeholder. `findings` are the redaction's, in text order.
fn to_original(pos: usize, findings: &[Finding]) -> Option<usize> {
    let mut delta = 0isize;
    for f in findings {
        let original_len = f.end - f.start;
        let shown_len = if f.kept.is_some() {
            original_len
        } else {
            f.placeholder.len()
        };
        let shown_start = f.start.checked_add_signed(-delta)?;
        if pos < shown_start {
            break;
        }
        if pos < shown_start + shown_len {
            return None;
        }
        delta += original_len as isize - shown_len as isize;
    }
    pos.checked_add_signed(delta)
}
