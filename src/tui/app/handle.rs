//! Events to actions, actions to changes. Keys go through the one key table
//! ([`keymap::resolve`]); a key that is no action is text for the focused field.

use crossterm::event::Event;

use super::form::{Button, Item};
use super::{App, Control, Focus, Overlay, Status};
use crate::machine::Stamp;
use crate::tui::evidence::Outcome;
use crate::tui::keymap::{self, Action};

impl App {
    /// One terminal event; `now` is the time it arrived.
    pub fn handle_event(&mut self, event: &Event, now: Stamp) -> Control {
        self.now = now;
        if let Some(key) = keymap::key_press(event)
            && keymap::resolve(&key, &self.contexts()) != Some(Action::Reopen)
        {
            self.reopen_armed = false;
        }
        let control = self.handle_event_now(event);
        self.log_status();
        // While the review is open its own status line says it: one place to read.
        if let Some(view) = self.review.as_mut()
            && let Some(status) = self.status.take()
        {
            view.say(match status {
                Status::Error(text) => format!("✗ {text}"),
                Status::Notice(text) => text,
            });
        }
        control
    }

    fn handle_event_now(&mut self, event: &Event) -> Control {
        if self.overlay.is_none()
            && let Some(review) = self.review.as_mut()
        {
            // The report's own keys (its confirmation) come before the review's.
            if let Some(key) = keymap::key_press(event)
                && !review.prompt_open()
                && let Some(action) = keymap::resolve(&key, &[keymap::Context::ReportReview])
            {
                return self.act(action);
            }
            let outcome = review.handle_event(event);
            return self.review_outcome(outcome);
        }
        if let Some(key) = keymap::key_press(event) {
            return match keymap::resolve(&key, &self.contexts()) {
                Some(action) => self.act(action),
                None => {
                    self.type_key(key);
                    Control::Continue
                }
            };
        }
        match event {
            Event::Paste(text) => self.paste(text),
            Event::Mouse(mouse) => {
                if let Some(action) = keymap::resolve_mouse(mouse) {
                    self.scroll(action);
                }
            }
            _ => {}
        }
        Control::Continue
    }

    /// One action from the key table.
    pub fn act(&mut self, action: Action) -> Control {
        if let Some(overlay) = &mut self.overlay {
            match (overlay, action) {
                (_, Action::Quit) => return self.quit(),
                (Overlay::Help { .. }, Action::Back | Action::Help) => self.overlay = None,
                (_, Action::Help) => {
                    self.overlay = Some(Overlay::Help {
                        contexts: self.contexts(),
                        scroll: 0,
                    });
                }
                (Overlay::Timeline { .. }, Action::Back | Action::Timeline) => self.overlay = None,
                (Overlay::Help { scroll, .. }, Action::ScrollUp) => {
                    *scroll = scroll.saturating_sub(1)
                }
                (Overlay::Help { scroll, .. }, Action::ScrollDown) => {
                    *scroll = scroll.saturating_add(1)
                }
                (Overlay::Timeline { .. }, a) => self.scroll(a),
                (Overlay::Messages { .. }, Action::Back | Action::Messages) => self.overlay = None,
                (Overlay::Messages { .. }, a) => self.scroll(a),
                (Overlay::Related { .. }, Action::Back | Action::Related) => self.overlay = None,
                (Overlay::Related { cursor }, Action::ScrollUp) => {
                    *cursor = cursor.saturating_sub(1);
                }
                (Overlay::Related { cursor }, Action::ScrollDown) => {
                    *cursor = (*cursor + 1).min(self.runbook.related.len().saturating_sub(1));
                }
                (Overlay::Related { cursor }, Action::Submit) => {
                    let Some(related) = self.runbook.related.get(*cursor) else {
                        return Control::Continue;
                    };
                    let id = related.runbook.clone();
                    self.overlay = None;
                    if self.session.state != crate::machine::State::Open {
                        self.status = Some(Status::Notice(format!(
                            "This session is {}; start {id} on its own: runbook start {id}",
                            self.session.state.name()
                        )));
                        return Control::Continue;
                    }
                    let _ = self.commit_focused(false);
                    return Control::OpenRelated(id);
                }
                _ => {}
            }
            return Control::Continue;
        }
        match action {
            Action::Quit => return self.quit(),
            Action::Messages => {
                self.overlay = Some(Overlay::Messages { scroll: usize::MAX });
                return Control::Continue;
            }
            Action::Reopen => {
                self.reopen_key();
                return Control::Continue;
            }
            Action::ConfirmReview => {
                self.confirm_from_review();
                return Control::Continue;
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    contexts: self.contexts(),
                    scroll: 0,
                });
            }
            Action::Timeline => {
                self.overlay = Some(Overlay::Timeline { scroll: usize::MAX });
            }
            Action::Related => {
                if self.runbook.related.is_empty() {
                    self.status = Some(Status::Notice(
                        "This runbook names no related runbooks.".into(),
                    ));
                } else {
                    self.overlay = Some(Overlay::Related { cursor: 0 });
                }
                return Control::Continue;
            }
            Action::TogglePrivacy => {
                self.privacy = !self.privacy;
                self.status = Some(Status::Notice(if self.privacy {
                    "Privacy screen on: only redacted text shows; editing waits until F2 turns it off."
                        .into()
                } else {
                    "Privacy screen off.".into()
                }));
                return Control::Continue;
            }
            _ => {}
        }
        match self.focus {
            Focus::Steps => self.act_on_steps(action),
            Focus::Form => return self.act_on_form(action),
        }
        Control::Continue
    }

    fn act_on_steps(&mut self, action: Action) {
        let last = self.runbook.steps.len().saturating_sub(1);
        match action {
            Action::ScrollUp => self.cursor = self.cursor.saturating_sub(1),
            Action::ScrollDown => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Submit => {
                self.open_step(self.cursor);
            }
            Action::NextStep => self.open_neighbour(true),
            Action::PreviousStep => self.open_neighbour(false),
            _ => {}
        }
    }

    fn act_on_form(&mut self, action: Action) -> Control {
        match action {
            Action::Back => {
                // Leaving the form saves what it can; a refused value stays as a draft.
                let _ = self.commit_focused(false);
                self.cursor = self.form.step;
                self.focus = Focus::Steps;
            }
            Action::NextItem => self.move_focus(true),
            Action::PreviousItem => self.move_focus(false),
            Action::NextStep | Action::PreviousStep => {
                let forward = action == Action::NextStep;
                let _ = self
                    .commit_focused(false)
                    .map(|()| self.open_neighbour(forward));
            }
            Action::Save => self.save_now(),
            Action::Editor => {
                if self.refuse_if_ended() {
                    return Control::Continue;
                }
                if let Some(Item::Text { input, .. }) = self.form.focused() {
                    return Control::Editor(input.value());
                }
                self.status = Some(Status::Notice(
                    "$EDITOR opens text fields; this is not one.".into(),
                ));
            }
            Action::Submit => self.submit(),
            Action::ScrollLeft => self.turn_choice(false),
            Action::ScrollRight => self.turn_choice(true),
            _ => {}
        }
        Control::Continue
    }

    /// Enter or Space on the focused item.
    fn submit(&mut self) {
        let Some(item) = self.form.focused() else {
            return;
        };
        let changes = !matches!(
            item,
            Item::Button {
                action: Button::Review
                    | Button::GoTo { .. }
                    | Button::Fix(_)
                    | Button::SaveReport
                    | Button::CopyReport,
                ..
            }
        );
        if changes && self.refuse_if_ended() {
            return;
        }
        let Some(item) = self.form.focused() else {
            return;
        };
        match item {
            Item::Text { .. } | Item::Paths { .. } => {
                if self.commit_focused(true).is_ok()
                    && matches!(self.form.focused(), Some(Item::Text { .. }))
                {
                    self.move_focus(true);
                }
            }
            Item::Choice {
                field,
                options,
                cursor,
            } => {
                let msg = crate::machine::Msg::Answer {
                    field: field.clone(),
                    value: options[*cursor].clone(),
                };
                if self.dispatch_here(msg) {
                    self.move_focus(true);
                }
            }
            Item::Confirm { id, .. } => {
                let id = id.clone();
                let msg = if self.session.confirmed.contains_key(&id) {
                    crate::machine::Msg::Unconfirm { id }
                } else if self.unconfirmed_reviews().contains(&id) {
                    self.open_review();
                    if self.review.is_some() {
                        self.status = Some(Status::Notice(
                            "This is confirmed here, in the review: look at each finding (n goes to the next), then press c.".into(),
                        ));
                    }
                    return;
                } else {
                    crate::machine::Msg::Confirm { id }
                };
                self.dispatch_here(msg);
            }
            Item::Button { action, .. } => match action.clone() {
                Button::Review => self.open_review(),
                Button::Finish => self.finish(),
                Button::GoTo { field } => self.go_to_field(&field),
                Button::SaveReport => {
                    self.save_report();
                }
                Button::CopyReport => self.copy_report(),
                Button::Prefill => self.accept_offer(),
                Button::Fix(fix) => self.go_to_fix(fix),
            },
        }
    }

    fn turn_choice(&mut self, forward: bool) {
        if let Some(Item::Choice {
            options, cursor, ..
        }) = self.form.focused_mut()
        {
            let n = options.len().max(1);
            *cursor = if forward {
                (*cursor + 1) % n
            } else {
                (*cursor + n - 1) % n
            };
        }
    }

    fn move_focus(&mut self, forward: bool) {
        if self.commit_focused(false).is_err() {
            return;
        }
        let n = self.form.items.len();
        if n == 0 {
            return;
        }
        let next = if forward {
            self.form.focus + 1
        } else {
            self.form.focus + n - 1
        };
        if forward && next >= n {
            self.status = Some(Status::Notice(LAST_FIELD_HINT.into()));
            return;
        }
        self.form.focus_on(next % n);
    }

    fn type_key(&mut self, key: crossterm::event::KeyEvent) {
        if self.focus != Focus::Form || self.refuse_while_private() {
            return;
        }
        if self.form.focused().is_some_and(Item::takes_text) && self.refuse_if_ended() {
            return;
        }
        let Some(item) = self.form.focused_mut() else {
            return;
        };
        let field = item.field().map(str::to_owned);
        if let Some(input) = item.input_mut()
            && input.input(key)
        {
            self.draft_dirty = true;
            self.status = None;
            if let Some(field) = field {
                self.validate_as_typed(&field);
            }
        }
    }

    /// Typing into hidden text would be typing blind.
    fn refuse_while_private(&mut self) -> bool {
        if self.privacy && self.form.focused().is_some_and(Item::takes_text) {
            self.status = Some(Status::Notice(
                "The privacy screen is on — F2 turns it off to edit.".into(),
            ));
        }
        self.privacy
    }

    fn paste(&mut self, text: &str) {
        if self.refuse_while_private() || self.refuse_if_ended() {
            return;
        }
        if self.focus != Focus::Form || !self.form.focused().is_some_and(Item::takes_text) {
            self.status = Some(Status::Notice(
                "Pasted text goes into a text field — open a step and move to one first.".into(),
            ));
            return;
        }
        let Some(item) = self.form.focused_mut() else {
            return;
        };
        let field = item.field().map(str::to_owned);
        if let Some(input) = item.input_mut()
            && input.paste(text)
        {
            self.draft_dirty = true;
            if let Some(field) = field {
                self.validate_as_typed(&field);
            }
        }
    }

    /// Versions, numbers and timestamps are checked as they are typed.
    fn validate_as_typed(&mut self, field: &str) {
        let Some(f) = self.runbook.field(field) else {
            return;
        };
        use crate::runbook::FieldType;
        if !matches!(
            f.kind,
            FieldType::Version | FieldType::Number | FieldType::Timestamp
        ) {
            return;
        }
        let f = f.clone();
        if let Some(input) = self.form.focused_mut().and_then(Item::input_mut) {
            let value = input.value();
            let error = if value.trim().is_empty() {
                None
            } else {
                crate::machine::values::normalise(&f, &value).err()
            };
            input.set_error(error);
        }
    }

    fn scroll(&mut self, action: Action) {
        let delta: isize = match action {
            Action::ScrollUp => -1,
            Action::ScrollDown => 1,
            Action::PageUp => -10,
            Action::PageDown => 10,
            _ => return,
        };
        match &mut self.overlay {
            Some(Overlay::Timeline { scroll }) => {
                let len = self.session.timeline.len() + 1;
                let at = (*scroll).min(len);
                *scroll = at.saturating_add_signed(delta).min(len);
            }
            Some(Overlay::Help { scroll, .. }) => {
                *scroll = scroll.saturating_add_signed(delta as i16);
            }
            Some(Overlay::Related { cursor }) => {
                let last = self.runbook.related.len().saturating_sub(1);
                *cursor = cursor.saturating_add_signed(delta.signum()).min(last);
            }
            Some(Overlay::Messages { scroll }) => {
                let max_top = self.messages_max_top.get();
                *scroll = (*scroll)
                    .min(max_top)
                    .saturating_add_signed(delta)
                    .min(max_top);
            }
            None => match self.focus {
                Focus::Steps => {
                    let last = self.runbook.steps.len().saturating_sub(1);
                    self.cursor = self.cursor.saturating_add_signed(delta).min(last);
                }
                Focus::Form => {
                    self.form.scroll = self.form.scroll.saturating_add_signed(delta as i16 * 3);
                }
            },
        }
    }

    fn quit(&mut self) -> Control {
        // What can be committed is; the rest stays as a draft.
        if self.focus == Focus::Form && self.review.is_none() {
            let _ = self.commit_focused(false);
        }
        if let Err(e) = self.save_draft() {
            self.status = Some(Status::Error(format!("could not save the draft: {e}")));
        }
        Control::Quit
    }

    fn review_outcome(&mut self, outcome: Outcome) -> Control {
        match outcome {
            Outcome::Done | Outcome::Ignored => {}
            Outcome::Decision(decision) => self.review_decision(decision),
            Outcome::Unhandled(Action::Quit) => return self.quit(),
            Outcome::Unhandled(Action::Back) => self.close_review(),
            Outcome::Unhandled(Action::Help) => {
                let contexts = self.contexts();
                self.overlay = Some(Overlay::Help {
                    contexts,
                    scroll: 0,
                });
            }
            Outcome::Unhandled(Action::Timeline) => {
                self.overlay = Some(Overlay::Timeline { scroll: usize::MAX });
            }
            Outcome::Unhandled(Action::Related) => {
                self.close_review();
                return self.act(Action::Related);
            }
            Outcome::Unhandled(_) => {}
        }
        Control::Continue
    }

    /// Records that a related runbook's session was opened from this one.
    pub fn link_opened(&mut self, session: &str, runbook: &str) -> Result<(), String> {
        self.dispatch(crate::machine::Msg::Link {
            session: session.to_string(),
            runbook: runbook.to_string(),
            relation: crate::machine::Relation::Opened,
        })
    }

    /// Back from a linked session: say where it stands.
    pub fn back_from(&mut self, child: &crate::machine::Session) {
        self.read_open_links();
        self.status = Some(Status::Notice(format!(
            "Back from {} (session {}, {}); it is linked in both timelines.",
            child.runbook,
            child.id,
            child.state.name()
        )));
    }

    pub fn say_error(&mut self, message: String) {
        self.status = Some(Status::Error(message));
    }

    /// Shows a notice in the walk (a message printed while the screen is
    /// taken would be drawn over by the first frame).
    pub fn say_notice(&mut self, message: String) {
        self.status = Some(Status::Notice(message));
    }
}

/// Said when Tab passes the last field; stale once another step opens.
pub(super) const LAST_FIELD_HINT: &str = "Last field of this step — Ctrl+N goes to the next step.";
