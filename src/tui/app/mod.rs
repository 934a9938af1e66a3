//! The walk: one session of one runbook on screen. [`App`] is the model;
//! [`App::handle_event`] turns terminal events into actions through the key
//! table and actions into machine messages; `view` renders it, pure. Every
//! message the machine accepts is written through the [`Sink`] before the
//! screen shows its result; a refused or unsaved one changes nothing and
//! leaves the operator's text where it was.

mod commit;
mod form;
mod handle;
mod inbox;
mod incident;
mod messages;
mod prefill;
mod reopen;
mod report;
mod review;
mod timeline;
mod view;
mod view_step;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::machine::{Eval, Session, Stamp, Verdict};
use crate::runbook::Runbook;
use crate::store::Draft;
use crate::tui::evidence::EvidenceView;
use crate::tui::keymap::Context;
use crate::tui::layout::MinSize;
use crate::tui::style::Palette;

pub use crate::effects::{MemorySink, Sink};
pub use form::{Button, Form, Item};
pub use incident::IncidentPanel;

/// The smallest terminal the walk draws in.
pub const MIN_SIZE: MinSize = MinSize {
    width: 60,
    height: 16,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Steps,
    Form,
}

pub enum Overlay {
    Help {
        contexts: Vec<Context>,
        scroll: u16,
    },
    Timeline {
        scroll: usize,
    },
    /// The runbook's related runbooks, one marked.
    Related {
        cursor: usize,
    },
    /// Recent messages in full, newest last.
    Messages {
        scroll: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Error(String),
    Notice(String),
}

/// What the event loop must do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    Continue,
    Quit,
    /// Hand the terminal to `$EDITOR` with this text; give the result to
    /// [`App::edited`].
    Editor(String),
    /// Start a linked session of this related runbook; come back after.
    OpenRelated(String),
}

pub struct App {
    pub(crate) runbook: Runbook,
    pub(crate) session: Session,
    sink: Box<dyn Sink>,
    pub(crate) palette: Palette,
    pub(crate) focus: Focus,
    /// The step list's selection.
    pub(crate) cursor: usize,
    pub(crate) form: Form,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) review: Option<EvidenceView>,
    /// The privacy screen, kept across openings of the review.
    pub(crate) privacy: bool,
    pub(crate) status: Option<Status>,
    /// Related runbooks the machine suggested: id and why.
    pub(crate) suggestions: Vec<(String, String)>,
    /// Draft text from an earlier run, put back when its field is shown.
    restored: BTreeMap<String, String>,
    draft_dirty: bool,
    pub(crate) finished: Option<Verdict>,
    pub(crate) now: Stamp,
    verdict_cache: RefCell<Option<(usize, Verdict)>>,
    /// Versions found in a pasted status report, offered for pre-fill.
    pub(crate) offer: Option<prefill::Offer>,
    /// Where the report was saved, once it was.
    pub(crate) report_path: Option<std::path::PathBuf>,
    /// The site settings: who to send the request to.
    pub(crate) settings: crate::config::Settings,
    /// The incident under review, shown beside a review's steps.
    pub(crate) incident: Option<IncidentPanel>,
    /// Ctrl+R was pressed once on an ended session: the next press reopens it.
    reopen_armed: bool,
    /// Recent status messages, oldest first.
    pub(crate) messages: std::collections::VecDeque<messages::Logged>,
    /// Sessions opened from this one that are still open (id, runbook),
    /// read when the verdict step is shown.
    pub(crate) open_links: Vec<(String, String)>,
    /// Findings of the report review shown so far, kept across its openings.
    pub(crate) review_seen: std::collections::BTreeSet<(usize, usize)>,
    /// How far the message log could scroll at its last drawing.
    pub(crate) messages_max_top: std::cell::Cell<usize>,
}

impl App {
    /// The walk of `session`, showing its current step (or the first).
    /// `draft` is text typed but not committed in an earlier run.
    pub fn new(
        runbook: Runbook,
        session: Session,
        sink: Box<dyn Sink>,
        draft: Option<Draft>,
        now: Stamp,
    ) -> App {
        let palette = Palette::from_env();
        // Unsaved text is where the operator was: its step comes first.
        let step_of = |id: &str| runbook.steps.iter().position(|s| s.id == id);
        let draft_step = draft
            .as_ref()
            .and_then(|d| d.step.as_deref())
            .and_then(step_of);
        let typed = draft.as_ref().is_some_and(|d| !d.fields.is_empty());
        // An ended session opens where its verdict and report are.
        let verdict_step = (session.state != crate::machine::State::Open)
            .then(|| (0..runbook.steps.len()).find(|&i| form::finishes_here(&runbook, i)))
            .flatten();
        let step = verdict_step
            .or(draft_step.filter(|_| typed))
            .or_else(|| session.step.as_deref().and_then(step_of))
            .or(draft_step)
            .unwrap_or(0);
        let form = Form::build(&runbook, &session, step, palette);
        let suggestions = session
            .timeline
            .iter()
            .filter_map(|e| match &e.what {
                crate::machine::What::Suggested { runbook, why } => {
                    Some((runbook.clone(), why.clone()))
                }
                _ => None,
            })
            .collect();
        let finished = (session.state != crate::machine::State::Open)
            .then(|| crate::machine::verdict(&session, &runbook));
        let mut app = App {
            runbook,
            session,
            sink,
            palette,
            focus: Focus::Form,
            cursor: step,
            form,
            overlay: None,
            review: None,
            privacy: false,
            status: None,
            suggestions,
            restored: draft.map(|d| d.fields).unwrap_or_default(),
            draft_dirty: false,
            finished,
            now,
            verdict_cache: RefCell::new(None),
            settings: crate::config::Settings::default(),
            report_path: None,
            offer: None,
            incident: None,
            reopen_armed: false,
            messages: Default::default(),
            messages_max_top: Default::default(),
            review_seen: Default::default(),
            open_links: Vec::new(),
        };
        // A report pasted in an earlier run is offered again.
        let texts: Vec<(String, String)> = app
            .session
            .evidence
            .iter()
            .map(|e| (e.name.clone(), e.text.clone()))
            .chain(
                app.session
                    .current("diagnostics")
                    .map(|t| ("diagnostics".to_string(), t.to_string())),
            )
            .collect();
        for (place, text) in texts {
            app.look_for_report(&place, &text);
        }
        app.status = None;
        app.read_open_links();
        app.add_offer_button();
        app.put_back_drafts();
        if app.is_ended() {
            app.report_path = app.sink.saved_output(report::REPORT_FILE);
            app.status = Some(Status::Notice(app.ended_notice()));
        }
        if app.form.items.is_empty() {
            app.focus = Focus::Steps;
        }
        app
    }

    pub fn with_palette(mut self, palette: Palette) -> App {
        self.palette = palette;
        self.form = Form::build(&self.runbook, &self.session, self.form.step, palette);
        self.add_offer_button();
        self.put_back_drafts();
        self
    }

    /// The site settings that turn an escalation target into a contact.
    pub fn with_settings(mut self, settings: crate::config::Settings) -> App {
        self.settings = settings;
        self
    }

    /// Shows the incident under review beside the steps.
    pub fn with_incident(mut self, panel: IncidentPanel) -> App {
        self.incident = Some(panel);
        self
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn runbook(&self) -> &Runbook {
        &self.runbook
    }

    /// The step whose form is shown.
    pub fn shown_step(&self) -> usize {
        self.form.step
    }

    /// The verdict as things stand, recomputed only when the session changed.
    pub fn verdict(&self) -> Verdict {
        let revision = self.session.timeline.len();
        if let Some((r, v)) = self.verdict_cache.borrow().as_ref()
            && *r == revision
        {
            return v.clone();
        }
        let v = crate::machine::verdict(&self.session, &self.runbook);
        *self.verdict_cache.borrow_mut() = Some((revision, v.clone()));
        v
    }

    pub(crate) fn eval(&self) -> Eval<'_> {
        Eval::new(&self.session, &self.runbook)
    }

    /// The key contexts active now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return vec![Context::Help, Context::Always],
            Some(Overlay::Timeline { .. }) => return vec![Context::Timeline, Context::Always],
            Some(Overlay::Related { .. }) => return vec![Context::Picker, Context::Always],
            Some(Overlay::Messages { .. }) => return vec![Context::Messages, Context::Always],
            None => {}
        }
        if let Some(review) = &self.review {
            let own = review.contexts();
            return if own.contains(&Context::Evidence) {
                std::iter::once(Context::ReportReview)
                    .chain(own.iter().copied())
                    .collect()
            } else {
                own.to_vec()
            };
        }
        let mut contexts = self.walk_contexts();
        if self.is_ended() {
            contexts.insert(0, Context::Ended);
        }
        contexts
    }

    fn walk_contexts(&self) -> Vec<Context> {
        match (self.focus, self.form.focused()) {
            (Focus::Form, Some(Item::Text { input, .. } | Item::Paths { input, .. })) => {
                if input.lines() == crate::tui::text_field::Lines::Single {
                    vec![Context::SingleLine, Context::Form, Context::Always]
                } else {
                    vec![Context::Form, Context::Always]
                }
            }
            (Focus::Form, Some(_)) => {
                vec![
                    Context::Choice,
                    Context::Form,
                    Context::Global,
                    Context::Always,
                ]
            }
            _ => vec![Context::Steps, Context::Global, Context::Always],
        }
    }

    /// Typed text not committed yet, if it changed since the last save.
    pub fn take_draft(&mut self) -> Option<Draft> {
        if !std::mem::take(&mut self.draft_dirty) {
            return None;
        }
        Some(self.draft())
    }

    pub fn draft(&self) -> Draft {
        let mut fields: BTreeMap<String, String> = self.restored.clone();
        fields.extend(self.form.pending(&self.session));
        Draft {
            step: self.runbook.steps.get(self.form.step).map(|s| s.id.clone()),
            fields,
            records: None,
        }
    }

    /// Writes the draft now (on quit, on a signal, or once a second while typing).
    pub fn save_draft(&mut self) -> Result<(), String> {
        self.draft_dirty = false;
        let draft = self.draft();
        self.sink.save_draft(&draft)
    }

    pub fn draft_pending(&self) -> bool {
        self.draft_dirty
    }

    pub fn session_dir(&self) -> Option<std::path::PathBuf> {
        self.sink.dir().map(std::path::Path::to_path_buf)
    }

    /// Linked sessions opened from this one and still open: the verdict
    /// step reminds of them, since finishing here does not finish them.
    pub(crate) fn read_open_links(&mut self) {
        self.open_links = self
            .session
            .links
            .iter()
            .filter(|l| l.relation == crate::machine::Relation::Opened)
            .filter(|l| self.sink.is_open(&l.session) == Some(true))
            .map(|l| (l.session.clone(), l.runbook.clone()))
            .collect();
    }

    /// Puts draft text back into the shown form's fields, saying so.
    fn put_back_drafts(&mut self) {
        let mut first = None;
        for (i, item) in self.form.items.iter_mut().enumerate() {
            let key = match item {
                Item::Text { field, .. } => field.clone(),
                Item::Paths { field, .. } => format!("{field}#path"),
                _ => continue,
            };
            if let Some(text) = self.restored.remove(&key)
                && let Some(input) = item.input_mut()
            {
                input.set_value(&text);
                input.set_notice(Some(
                    "restored from an unsaved draft — Enter, Tab or Ctrl+S saves it".into(),
                ));
                self.draft_dirty = true;
                first.get_or_insert(i);
            }
        }
        // The focus goes where the restored text is, not to the first field.
        if let Some(i) = first {
            self.form.focus_on(i);
        }
    }
}
