//! Turning what the operator typed or chose into machine messages, and
//! writing what the machine accepted before anything on screen moves on.

use std::path::{Path, PathBuf};

use super::form::{Form, Item};
use super::{App, Focus, Status};
use crate::effects;
use crate::machine::{self, Effect, Msg, Source};
use crate::redact::{Engine, Profile};
use crate::runbook::FieldType;
use crate::tui::editor::Edited;

impl App {
    /// Sends a message to the machine and persists what it made, in order.
    /// Refused, or not saved: the session is as before and the reason is returned.
    pub(crate) fn dispatch(&mut self, msg: Msg) -> Result<(), String> {
        self.dispatch_with(vec![msg], &[])
    }

    /// [`App::execute`], its failure in words.
    pub(crate) fn dispatch_with(
        &mut self,
        msgs: Vec<Msg>,
        files: &[effects::File<'_>],
    ) -> Result<(), String> {
        self.execute(msgs, files).map_err(|f| match f {
            effects::Failure::Refused { rejected, .. } => rejected.message,
            effects::Failure::NotSaved(e) => {
                format!("could not save ({e}) — nothing changed; your text is still here")
            }
        })
    }

    /// Messages and the evidence they attach, through the one executor: all
    /// written, or nothing changed.
    pub(crate) fn execute(
        &mut self,
        msgs: Vec<Msg>,
        files: &[effects::File<'_>],
    ) -> Result<(), effects::Failure> {
        let before = self.session.clone();
        let effects = effects::execute(
            &mut self.session,
            &self.runbook,
            self.sink.as_mut(),
            msgs,
            files,
            self.now,
        )?;
        for effect in effects {
            match effect {
                Effect::Persist(_) => {}
                Effect::Suggest { runbook, why } => {
                    self.status = Some(Status::Notice(format!(
                        "Related runbook suggested: {runbook} — {why}"
                    )));
                    self.suggestions.push((runbook, why));
                }
                Effect::Notice(text) => self.status = Some(Status::Notice(text)),
                Effect::Finished(verdict) => self.finished = Some(*verdict),
            }
        }
        self.refresh_form(&before);
        Ok(())
    }

    /// [`App::dispatch`], with a refusal shown in the status line.
    pub(crate) fn dispatch_here(&mut self, msg: Msg) -> bool {
        match self.dispatch(msg) {
            Ok(()) => true,
            Err(e) => {
                self.status = Some(Status::Error(e));
                false
            }
        }
    }

    /// Fields the operator is not editing follow the session (a timestamp
    /// pre-filled from the error text); typed, uncommitted text stays.
    fn refresh_form(&mut self, before: &machine::Session) {
        let focus = self.form.focus;
        for (i, item) in self.form.items.iter_mut().enumerate() {
            match item {
                Item::Text { field, input, .. } => {
                    let old = before.current(field).unwrap_or("");
                    let new = self.session.current(field).unwrap_or("");
                    let untouched = input.value() == old;
                    if old != new && (untouched || i == focus) {
                        input.set_value(new);
                    }
                }
                Item::Choice {
                    field,
                    options,
                    cursor,
                } => {
                    if let Some(at) = self
                        .session
                        .current(field)
                        .and_then(|v| options.iter().position(|o| o == v))
                    {
                        *cursor = at;
                    }
                }
                _ => {}
            }
        }
    }

    /// Commits the focused item's text. `explicit` (Enter, Ctrl+S) also
    /// confirms a pre-filled timestamp as it stands.
    pub(crate) fn commit_focused(&mut self, explicit: bool) -> Result<(), ()> {
        if self.focus != Focus::Form {
            return Ok(());
        }
        let msg = match self.form.focused() {
            Some(Item::Text { field, kind, input }) => {
                let value = input.value();
                let answer = self.session.answers.get(field);
                let current = self.session.current(field).unwrap_or("");
                let confirms = explicit
                    && *kind == FieldType::Timestamp
                    && answer.is_some_and(|a| a.source != Source::Typed);
                if value == current && !confirms {
                    return Ok(());
                }
                if value.trim().is_empty() {
                    if answer.is_none() {
                        return Ok(());
                    }
                    Msg::Clear {
                        field: field.clone(),
                    }
                } else {
                    Msg::Answer {
                        field: field.clone(),
                        value,
                    }
                }
            }
            Some(Item::Paths { field, input }) if !input.is_empty() => {
                let (field, path) = (field.clone(), input.value());
                return self.attach(&field, &path);
            }
            _ => return Ok(()),
        };
        let pasted = match &msg {
            Msg::Answer { field, value }
                if self.runbook.field(field).map(|f| f.kind) == Some(FieldType::Multiline) =>
            {
                Some((field.clone(), value.clone()))
            }
            _ => None,
        };
        match self.dispatch(msg) {
            Ok(()) => {
                self.draft_dirty = true;
                if let Some((field, text)) = pasted {
                    self.look_for_report(&field, &text);
                }
                Ok(())
            }
            Err(e) => {
                if let Some(input) = self.form.focused_mut().and_then(Item::input_mut) {
                    input.set_error(Some(e));
                }
                Err(())
            }
        }
    }

    /// Ctrl+S: the focused field, then any other field of this step whose
    /// text differs from the session (a restored draft). "Saved." only when
    /// something was written.
    pub(crate) fn save_now(&mut self) {
        if self.refuse_if_ended() {
            return;
        }
        let before = self.session.timeline.len();
        if self.commit_focused(true).is_err() {
            return;
        }
        let focus = self.form.focus;
        let pending: Vec<usize> = (0..self.form.items.len())
            .filter(|&i| i != focus)
            .filter(|&i| match &self.form.items[i] {
                Item::Text { field, input, .. } => {
                    input.value() != self.session.current(field).unwrap_or("")
                }
                _ => false,
            })
            .collect();
        for i in pending {
            self.form.focus_on(i);
            if self.commit_focused(false).is_err() {
                // The refused field keeps its text and says why; it gets the focus.
                return;
            }
        }
        self.form.focus_on(focus);
        self.status = Some(Status::Notice(if self.session.timeline.len() > before {
            "Saved.".into()
        } else {
            "Nothing new to save: what this step shows is saved.".into()
        }));
    }

    /// Reads a file, copies it into the session and attaches its text; the
    /// redaction engine looks at it at once and says what it found.
    fn attach(&mut self, field: &str, typed: &str) -> Result<(), ()> {
        let path = expand_home(typed.trim());
        let bytes = match self.sink.read_evidence(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.set_input_error(e);
                return Err(());
            }
        };
        let name = path
            .file_name()
            .map_or_else(|| "evidence".into(), |n| n.to_string_lossy().into_owned());
        let (text, decoded_from) = crate::decode::evidence_text(&bytes);
        let found = Engine::new(Profile::Standard).learn_and_redact(text.as_bytes());
        let msg = Msg::Attach {
            field: field.to_string(),
            name: name.clone(),
            text: text.clone(),
            bytes: bytes.len() as u64,
        };
        let file = effects::File {
            name: &name,
            bytes: &bytes,
        };
        if let Err(e) = self.dispatch_with(vec![msg], &[file]) {
            self.set_input_error(e);
            return Err(());
        }
        if let Some(input) = self.form.focused_mut().and_then(Item::input_mut) {
            input.set_value("");
        }
        self.draft_dirty = true;
        let counts = found.counts();
        let summary = if counts.is_empty() {
            "nothing to redact found".to_string()
        } else {
            counts
                .iter()
                .map(|(c, n)| format!("{n} {}", c.name()))
                .collect::<Vec<_>>()
                .join(", ")
                + " to redact"
        };
        let decoded = decoded_from.map_or(String::new(), |e| format!(", read as {}", e.name()));
        self.status = Some(Status::Notice(format!(
            "Attached {name} ({}{decoded}): {summary} — review it in the redaction step.",
            human_size(bytes.len() as u64)
        )));
        self.look_for_report(&name, &text);
        Ok(())
    }

    fn set_input_error(&mut self, message: String) {
        if let Some(input) = self.form.focused_mut().and_then(Item::input_mut) {
            input.set_error(Some(message));
        }
    }

    /// Opens a step through the machine (its gate may refuse, with the reason).
    pub(crate) fn open_step(&mut self, index: usize) -> bool {
        let Some(step) = self.runbook.steps.get(index) else {
            return false;
        };
        let id = step.id.clone();
        let already = self.session.step.as_deref() == Some(id.as_str());
        // A hint about the step left behind ("Last field of this step") is
        // stale on the next one; what entering it says replaces it.
        if index != self.form.step
            && matches!(&self.status, Some(Status::Notice(n)) if n == super::handle::LAST_FIELD_HINT)
        {
            self.status = None;
        }
        if !already
            && self.session.state == machine::State::Open
            && let Err(e) = self.dispatch(Msg::Enter { step: id })
        {
            self.status = Some(Status::Error(e));
            self.cursor = self.form.step;
            return false;
        }
        self.show_step(index);
        true
    }

    /// Shows a step's form; text typed on the old step stays a draft.
    pub(crate) fn show_step(&mut self, index: usize) {
        let pending = self.form.pending(&self.session);
        for (field, text) in pending {
            self.restored.insert(field, text);
        }
        self.form = Form::build(&self.runbook, &self.session, index, self.palette);
        if super::form::finishes_here(&self.runbook, index) {
            self.read_open_links();
        }
        self.add_offer_button();
        self.put_back_drafts();
        self.cursor = index;
        self.focus = if self.form.items.is_empty() {
            Focus::Steps
        } else {
            Focus::Form
        };
    }

    /// The next (or previous) step that applies; a locked one refuses with its reason.
    pub(crate) fn open_neighbour(&mut self, forward: bool) {
        let ev = self.eval();
        let from = self.form.step;
        let candidates: Vec<usize> = if forward {
            (from + 1..self.runbook.steps.len()).collect()
        } else {
            (0..from).rev().collect()
        };
        let target = candidates
            .into_iter()
            .find(|&i| ev.step_applies(&self.runbook.steps[i]));
        match target {
            Some(i) => {
                self.open_step(i);
            }
            None => {
                self.status = Some(Status::Notice(if forward {
                    "This is the last step.".into()
                } else {
                    "This is the first step.".into()
                }));
            }
        }
    }

    pub(crate) fn go_to_field(&mut self, field: &str) {
        let Some(index) = self
            .runbook
            .steps
            .iter()
            .position(|s| s.collect.iter().any(|f| f == field))
        else {
            return;
        };
        if self.open_step(index)
            && let Some(i) = self.form.index_of_field(field)
        {
            self.form.focus_on(i);
        }
    }

    pub(crate) fn finish(&mut self) {
        if self.dispatch_here(Msg::Finish) {
            let step = self.form.step;
            self.show_step(step);
            let word = self.finished.as_ref().map_or("", |v| v.word());
            // The report is saved every time; a refusal by the gate says so instead.
            if self.save_report().is_some() {
                let linked = match self.open_links.as_slice() {
                    [] => String::new(),
                    links => format!(
                        " Still open: {} — finishing here does not finish it.",
                        links
                            .iter()
                            .map(|(id, rb)| format!("{rb} session {id}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                self.status = Some(Status::Notice(format!(
                    "Verdict recorded: {word}; the report is saved in the session. q leaves and prints the verdict.{linked}"
                )));
            }
        }
    }

    /// The text `$EDITOR` saved, for the focused field.
    pub fn edited(&mut self, result: std::io::Result<Edited>) {
        match result {
            Ok(Edited::Text(text)) => {
                if let Some(input) = self.form.focused_mut().and_then(Item::input_mut) {
                    input.set_value(&text);
                    self.draft_dirty = true;
                }
                if self.commit_focused(false).is_ok() {
                    self.status = Some(Status::Notice("Saved the text from the editor.".into()));
                }
            }
            Ok(Edited::Cancelled) => {
                self.status = Some(Status::Notice(
                    "The editor exited with an error; the text is unchanged.".into(),
                ));
            }
            Err(e) => self.status = Some(Status::Error(e.to_string())),
        }
    }
}

fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Path::new(&home).join(rest);
    }
    PathBuf::from(path)
}

pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
