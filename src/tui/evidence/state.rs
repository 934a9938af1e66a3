//! The review's state and what each action does to it.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

use crossterm::event::{Event, KeyEvent};

use super::document::Document;
use super::redaction::{Pass, Phase, overlapping};
use super::{Decision, Outcome, add_term};
use crate::redact::{Category, Engine, Finding, same_term};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::style::Palette;
use crate::tui::text_field::TextField;

/// Columns moved by one sideways scroll.
const SIDEWAYS_STEP: usize = 8;
/// The shortest term worth redacting everywhere.
const SHORTEST_TERM: usize = 2;

/// Occurrences per category that leave the machine redacted, and kept ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub redacted: BTreeMap<Category, usize>,
    /// Occurrences of kept values: they leave as they are.
    pub kept: usize,
}

impl Counts {
    pub fn total_redacted(&self) -> usize {
        self.redacted.values().sum()
    }
}

/// Size of one pane's text area at the last render.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Viewport {
    pub rows: usize,
    pub cols: usize,
}

pub(super) enum PromptKind {
    KeepReason { placeholder: String },
    Term,
    Search,
}

pub(super) struct Prompt {
    pub kind: PromptKind,
    pub field: TextField,
}

pub struct EvidenceView {
    pub(super) label: String,
    pub(super) doc: Document,
    /// Sorted by position; complete once `redacted` is true.
    pub(super) findings: Vec<Finding>,
    pub(super) redacted: bool,
    pub(super) pass: Option<Pass>,
    /// A term arrived during a pass: redact again when it ends.
    rerun: bool,
    pub(super) kept: BTreeMap<String, String>,
    pub(super) terms: Vec<String>,
    pub(super) counts: Counts,
    /// The first line shown; a frame that shrank moves it to keep the
    /// current finding on screen.
    pub(super) top: Cell<usize>,
    pub(super) hscroll: usize,
    pub(super) current: Option<usize>,
    pub(super) privacy: bool,
    pub(super) prompt: Option<Prompt>,
    pub(super) message: Option<String>,
    pub(super) viewport: Cell<Viewport>,
    pub(super) palette: Palette,
    /// Findings drawn on screen so far, by their span: what the operator
    /// has been shown, for the confirmation that every one was reviewed.
    pub(super) seen: RefCell<BTreeSet<(usize, usize)>>,
    /// The last search, and where the next one starts.
    pub(super) last_search: Option<String>,
    pub(super) search_at: Option<usize>,
    /// Long lines wrap (both panes alike); off, they scroll sideways.
    pub(super) wrap: bool,
}

impl EvidenceView {
    /// A review of `text` still to be redacted: drive it with [`EvidenceView::work`].
    pub fn new(label: impl Into<String>, text: Vec<u8>) -> EvidenceView {
        let mut view = EvidenceView::with_findings(label, text, Vec::new());
        view.redacted = false;
        view.pass = Some(Pass::full());
        view
    }

    /// A review of `text` whose findings are known (offsets into `text`).
    pub fn with_findings(
        label: impl Into<String>,
        text: Vec<u8>,
        mut findings: Vec<Finding>,
    ) -> EvidenceView {
        findings.sort_by_key(|f| f.start);
        let mut view = EvidenceView {
            label: label.into(),
            doc: Document::new(text),
            findings,
            redacted: true,
            pass: None,
            rerun: false,
            kept: BTreeMap::new(),
            terms: Vec::new(),
            counts: Counts::default(),
            top: Cell::new(0),
            hscroll: 0,
            current: None,
            privacy: false,
            prompt: None,
            message: None,
            viewport: Cell::new(Viewport::default()),
            palette: Palette::from_env(),
            seen: RefCell::default(),
            last_search: None,
            search_at: None,
            wrap: true,
        };
        view.recount();
        view
    }

    pub fn with_palette(mut self, palette: Palette) -> EvidenceView {
        self.palette = palette;
        self
    }

    /// Restores earlier decisions (a resumed session): kept values with
    /// their reasons, and terms that are always redacted.
    pub fn restore_decisions<'a>(
        &mut self,
        kept: impl IntoIterator<Item = (&'a str, &'a str)>,
        terms: impl IntoIterator<Item = String>,
    ) {
        self.kept = kept
            .into_iter()
            .map(|(p, r)| (p.to_owned(), r.to_owned()))
            .collect();
        self.terms = terms.into_iter().collect();
        self.recount();
    }

    // ----- what the app reads -----

    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn line_count(&self) -> usize {
        self.doc.line_count()
    }

    /// Kept values: placeholder and the operator's reason.
    pub fn kept(&self) -> impl Iterator<Item = (&str, &str)> {
        self.kept.iter().map(|(p, r)| (p.as_str(), r.as_str()))
    }

    /// Terms the operator asked to always redact.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Findings of the last complete pass, in text order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The spans of findings shown so far; [`EvidenceView::with_seen`] carries
    /// them into a review of the same text rebuilt after a decision.
    pub fn seen(&self) -> BTreeSet<(usize, usize)> {
        self.seen.borrow().clone()
    }

    pub fn with_seen(self, seen: BTreeSet<(usize, usize)>) -> EvidenceView {
        *self.seen.borrow_mut() = seen;
        self
    }

    /// Findings never shown on screen yet.
    pub fn unseen(&self) -> usize {
        let seen = self.seen.borrow();
        self.findings
            .iter()
            .filter(|f| !seen.contains(&(f.start, f.end)))
            .count()
    }

    /// Shows a message in the review's own status line.
    pub fn say(&mut self, text: String) {
        self.message = Some(text);
    }

    /// Makes finding `index` the current one, on screen.
    pub fn go_to(&mut self, index: usize) {
        if index < self.findings.len() {
            self.current = Some(index);
            self.reveal(index);
        }
    }

    /// Moves to the first finding not shown yet; false when there is none.
    pub fn go_to_unseen(&mut self) -> bool {
        let next = {
            let seen = self.seen.borrow();
            self.findings
                .iter()
                .position(|f| !seen.contains(&(f.start, f.end)))
        };
        let Some(index) = next else { return false };
        self.current = Some(index);
        self.reveal(index);
        true
    }

    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    pub fn current_finding(&self) -> Option<&Finding> {
        self.current.and_then(|i| self.findings.get(i))
    }

    /// First line shown (0-based) and the sideways scroll in columns.
    pub fn scroll(&self) -> (usize, usize) {
        (self.top.get(), self.hscroll)
    }

    pub fn privacy(&self) -> bool {
        self.privacy
    }

    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }

    /// The key contexts active now, for [`keymap::resolve`] and the footer.
    pub fn contexts(&self) -> &'static [Context] {
        if self.prompt.is_some() {
            &[Context::Prompt, Context::Always]
        } else {
            &[Context::Evidence, Context::Global, Context::Always]
        }
    }

    // ----- redaction work -----

    pub fn is_working(&self) -> bool {
        self.pass.is_some()
    }

    /// The pass under way and how far it is, in percent.
    pub fn progress(&self) -> Option<(Phase, u8)> {
        let pass = self.pass.as_ref()?;
        Some((
            pass.phase(),
            pass.percent(self.doc.text().len(), !self.redacted),
        ))
    }

    /// Redacts about `budget` bytes more with the session's engine. Call
    /// between frames until it returns false; 256 KiB is a few milliseconds.
    pub fn work(&mut self, engine: &mut Engine, budget: usize) -> bool {
        for term in &self.terms {
            add_term(engine, term);
        }
        let Some(pass) = self.pass.as_mut() else {
            return false;
        };
        if let Some(findings) = pass.step(engine, self.doc.text(), budget) {
            self.pass = None;
            self.install(findings);
            if std::mem::take(&mut self.rerun) {
                self.pass = Some(Pass::redact_only());
            }
        }
        self.pass.is_some()
    }

    /// New findings in place of the old: the review stays on the same spot.
    fn install(&mut self, findings: Vec<Finding>) {
        let anchor = self.current_finding().map(|f| f.start);
        self.findings = findings;
        self.redacted = true;
        self.current = anchor.and_then(|start| {
            let i = self.findings.partition_point(|f| f.start < start);
            (i < self.findings.len()).then_some(i)
        });
        self.recount();
    }

    fn recount(&mut self) {
        let mut counts = Counts::default();
        for f in &self.findings {
            if self.kept.contains_key(&f.placeholder) {
                counts.kept += 1;
            } else {
                *counts.redacted.entry(f.category).or_insert(0) += 1;
            }
        }
        self.counts = counts;
    }

    /// Findings for a byte range, or `None` while that part is not redacted yet.
    pub(super) fn findings_in(&self, range: std::ops::Range<usize>) -> Option<&[Finding]> {
        if let Some(pass) = &self.pass
            && range.start < pass.redacted_up_to()
        {
            return Some(overlapping(pass.found(), range));
        }
        self.redacted.then(|| overlapping(&self.findings, range))
    }

    // ----- events -----

    /// Handles one terminal event through the key table.
    pub fn handle_event(&mut self, event: &Event) -> Outcome {
        if let Some(key) = keymap::key_press(event) {
            return match keymap::resolve(&key, self.contexts()) {
                Some(action) => self.handle(action),
                None => self.type_key(key),
            };
        }
        match event {
            Event::Mouse(mouse) => match keymap::resolve_mouse(mouse) {
                Some(action) if self.prompt.is_none() => self.handle(action),
                _ => Outcome::Ignored,
            },
            Event::Paste(text) => self.paste(text),
            _ => Outcome::Ignored,
        }
    }

    /// A key that is no action: text for the open prompt.
    pub fn type_key(&mut self, key: KeyEvent) -> Outcome {
        match &mut self.prompt {
            Some(prompt) => {
                prompt.field.input(key);
                Outcome::Done
            }
            None => Outcome::Ignored,
        }
    }

    /// Pasted text goes into the open prompt, as text.
    pub fn paste(&mut self, text: &str) -> Outcome {
        match &mut self.prompt {
            Some(prompt) => {
                prompt.field.paste(text);
                Outcome::Done
            }
            None => Outcome::Ignored,
        }
    }

    pub fn handle(&mut self, action: Action) -> Outcome {
        if self.prompt.is_some() {
            return self.handle_prompt(action);
        }
        self.message = None;
        let rows = self.viewport.get().rows.max(1);
        match action {
            Action::ScrollUp => self.scroll_to(self.top.get().saturating_sub(1)),
            Action::ScrollDown => self.scroll_to(self.top.get() + 1),
            Action::PageUp => {
                self.scroll_to(self.top.get().saturating_sub(rows.saturating_sub(1).max(1)))
            }
            Action::PageDown => {
                // The last line shown becomes the first: nothing is skipped.
                let (shown, _) = self.shown();
                let next = shown.end.saturating_sub(1).max(self.top.get() + 1);
                self.scroll_to(next.min(self.top.get() + rows.saturating_sub(1).max(1)));
            }
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::ScrollLeft | Action::ScrollRight | Action::LineStart if self.wrap => {
                self.message = Some(
                    "Lines wrap, so nothing is off to the side: w scrolls them sideways instead."
                        .into(),
                );
            }
            Action::ScrollLeft => self.hscroll = self.hscroll.saturating_sub(SIDEWAYS_STEP),
            Action::ScrollRight => self.scroll_right(),
            Action::Wrap => {
                self.wrap = !self.wrap;
                self.hscroll = 0;
                self.message = Some(if self.wrap {
                    "Long lines wrap; w scrolls them sideways instead.".into()
                } else {
                    "Long lines scroll sideways (← →); w wraps them again.".into()
                });
                if let Some(i) = self.current {
                    self.reveal(i);
                }
            }
            Action::LineStart => self.hscroll = 0,
            Action::NextFinding => self.step_finding(true),
            Action::PreviousFinding => self.step_finding(false),
            Action::Keep => self.start_keep(),
            Action::Redact => return self.redact_current(),
            Action::AddTerm => {
                let field =
                    TextField::single("Always redact this term (in any case, wherever it appears)")
                        .with_palette(self.palette);
                self.prompt = Some(Prompt {
                    kind: PromptKind::Term,
                    field,
                });
            }
            Action::Search => self.start_search(),
            Action::TogglePrivacy => {
                self.privacy = !self.privacy;
                self.message = Some(if self.privacy {
                    "Privacy screen on: originals hidden. p shows them again.".into()
                } else {
                    "Privacy screen off: originals shown on the left.".into()
                });
            }
            other => return Outcome::Unhandled(other),
        }
        Outcome::Done
    }

    /// The last top: the text's end on the last row. Wrapped lines take
    /// several rows each, counted back from the end.
    fn max_top(&self) -> usize {
        let rows = self.viewport.get().rows.max(1);
        let count = self.doc.line_count();
        if !self.wrap {
            return count.saturating_sub(rows);
        }
        self.first_line_above(count, rows)
            .min(count.saturating_sub(1))
    }

    /// Scrolls so `line` (0-based) is the first shown, as far as it can.
    pub fn scroll_to_line(&mut self, line: usize) {
        self.scroll_to(line);
    }

    fn scroll_to(&mut self, top: usize) {
        self.top.set(top.min(self.max_top()));
    }

    /// Right, but not past the end of the widest line on screen.
    fn scroll_right(&mut self) {
        let next = self.hscroll + SIDEWAYS_STEP;
        if self.widest_visible_line(next + 1) > next {
            self.hscroll = next;
        }
    }

    fn step_finding(&mut self, forward: bool) {
        if self.findings.is_empty() {
            self.message = Some(if self.redacted {
                "No findings: nothing in this evidence is redacted.".into()
            } else {
                "Still redacting; findings appear when it is done.".into()
            });
            return;
        }
        let count = self.findings.len();
        let next = match self.current {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => {
                // The first finding on screen or after it.
                let first_shown = self.doc.line_range(self.top.get()).start;
                self.findings.partition_point(|f| f.start < first_shown) % count
            }
            None => {
                // The last finding on screen or before it.
                let last_line = self.shown().0.end.max(1) - 1;
                let last_shown = self.doc.line_range(last_line).end;
                let after = self.findings.partition_point(|f| f.start < last_shown);
                (after + count - 1) % count
            }
        };
        if let Some(i) = self.current
            && (forward && next < i || !forward && next > i)
        {
            self.message = Some(if forward {
                "Back at the first finding.".into()
            } else {
                "Back at the last finding.".into()
            });
        }
        self.current = Some(next);
        self.reveal(next);
    }

    fn start_keep(&mut self) {
        let Some(finding) = self.current_finding() else {
            self.message = Some("Move to a finding first (n).".into());
            return;
        };
        let placeholder = finding.placeholder.clone();
        let category = finding.kind.category();
        if !category.may_be_kept() {
            self.message = Some(format!(
                "{placeholder} is {}: it can never be kept, and stays redacted.",
                category.in_words()
            ));
            return;
        }
        if self.kept.contains_key(&placeholder) {
            self.message = Some(format!(
                "{placeholder} is already kept; r redacts it again."
            ));
            return;
        }
        let field = TextField::single(format!("Keep {placeholder} as is: why may it leave?"))
            .with_palette(self.palette);
        self.prompt = Some(Prompt {
            kind: PromptKind::KeepReason { placeholder },
            field,
        });
    }

    fn redact_current(&mut self) -> Outcome {
        let Some(finding) = self.current_finding() else {
            self.message = Some("Move to a finding first (n).".into());
            return Outcome::Done;
        };
        let placeholder = finding.placeholder.clone();
        if self.kept.remove(&placeholder).is_none() {
            self.message = Some(format!("{placeholder} is already redacted."));
            return Outcome::Done;
        }
        self.recount();
        self.message = Some(format!("{placeholder} is redacted again everywhere."));
        Outcome::Decision(Decision::Redact { placeholder })
    }

    fn handle_prompt(&mut self, action: Action) -> Outcome {
        match action {
            Action::Cancel => {
                self.prompt = None;
                Outcome::Done
            }
            Action::Submit => self.submit_prompt(),
            Action::Quit => Outcome::Unhandled(Action::Quit),
            _ => Outcome::Ignored,
        }
    }

    fn submit_prompt(&mut self) -> Outcome {
        let Some(prompt) = &mut self.prompt else {
            return Outcome::Ignored;
        };
        let value = prompt.field.value().trim().to_owned();
        if matches!(prompt.kind, PromptKind::Search) {
            self.prompt = None;
            self.search(&value);
            return Outcome::Done;
        }
        let refusal = match &prompt.kind {
            PromptKind::KeepReason { .. } if value.is_empty() => {
                Some("say why this value may leave the machine".to_owned())
            }
            PromptKind::Term if value.chars().count() < SHORTEST_TERM => {
                Some(format!("type at least {SHORTEST_TERM} characters"))
            }
            PromptKind::Term if self.terms.iter().any(|t| same_term(t, &value)) => {
                Some("this term is already always redacted".to_owned())
            }
            _ => None,
        };
        if let Some(refusal) = refusal {
            prompt.field.set_error(Some(refusal));
            return Outcome::Done;
        }
        let Some(prompt) = self.prompt.take() else {
            return Outcome::Ignored;
        };
        let decision = match prompt.kind {
            PromptKind::KeepReason { placeholder } => {
                self.kept.insert(placeholder.clone(), value.clone());
                self.recount();
                self.message = Some(format!("{placeholder} is kept as is everywhere."));
                Decision::Keep {
                    placeholder,
                    reason: value,
                }
            }
            PromptKind::Search => return Outcome::Done,
            PromptKind::Term => {
                self.terms.push(value.clone());
                match &self.pass {
                    Some(_) => self.rerun = true,
                    None => self.pass = Some(Pass::redact_only()),
                }
                self.message = Some("Term added; redacting again.".into());
                Decision::AlwaysRedact { term: value }
            }
        };
        Outcome::Decision(decision)
    }
}
