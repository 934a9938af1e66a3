//! A finished or abandoned session is read-only on screen: typing would
//! change a report already sent. Reopening is deliberate (Ctrl+R twice) and
//! journaled; the machine then asks for the redaction review again, and the
//! verdict is recorded again at Finish.

use super::{App, Status};
use crate::machine::{Msg, State};

/// Why a reopen in the walk is journaled, when no evidence caused it.
const REOPEN_REASON: &str = "reopened in the walk to change it";

impl App {
    pub(crate) fn is_ended(&self) -> bool {
        self.session.state != State::Open
    }

    /// What a finished session says when asked to change: how to reopen it.
    pub(crate) fn ended_notice(&self) -> String {
        let verdict = self
            .finished
            .as_ref()
            .map_or(String::new(), |v| format!(", {}", v.word()));
        format!(
            "Session {} is {}{verdict}: read-only. Ctrl+R reopens it to change it; `runbook attach {}` adds evidence and reopens it.",
            self.session.id,
            self.session.state.name(),
            self.session.id
        )
    }

    /// Refuses a change to an ended session, saying how to reopen it.
    pub(crate) fn refuse_if_ended(&mut self) -> bool {
        if !self.is_ended() {
            return false;
        }
        self.status = Some(Status::Notice(self.ended_notice()));
        true
    }

    /// Ctrl+R: the first press says what reopening does, the second does it.
    pub(crate) fn reopen_key(&mut self) {
        if !self.is_ended() {
            return;
        }
        if !std::mem::take(&mut self.reopen_armed) {
            self.reopen_armed = true;
            self.status = Some(Status::Notice(
                "Reopen this session? Its verdict is recorded again at Finish and the redaction review is required again. Ctrl+R again reopens it; any other key keeps it as it is.".into(),
            ));
            return;
        }
        if self.dispatch_here(Msg::Reopen {
            reason: REOPEN_REASON.into(),
        }) {
            self.reopened();
            self.status = Some(Status::Notice(
                "Reopened: change what you need, review the redaction again, then Finish records the verdict again.".into(),
            ));
        }
    }

    /// The screen follows a session that is open again.
    pub(crate) fn reopened(&mut self) {
        self.finished = None;
        let step = self.form.step;
        let focus = self.form.focus;
        self.show_step(step);
        self.form.focus_on(focus);
    }
}
