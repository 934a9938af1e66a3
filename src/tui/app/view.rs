//! The whole screen, drawn from the model: a title line, the step list and
//! the step's pane (or the side-by-side review), the status line and the
//! footer of keys that work now. Pure: it reads the app and writes a frame.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{App, Focus, MIN_SIZE, Overlay, Status, timeline};
use crate::runbook::{Condition, Runbook, Test};
use crate::tui::help::{Footer, Help};
use crate::tui::layout::too_small;
use crate::tui::wrap::{truncate, wrap, wrap_at_most};

impl App {
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if too_small(area, frame.buffer_mut(), MIN_SIZE) {
            return;
        }
        // A message wraps, up to a few lines, so what it says to do is read
        // to the end; the form gives up the rows it takes.
        let status_lines = self.status_lines(area.width);
        let status_rows = u16::try_from(status_lines.len().max(1)).unwrap_or(1);
        let [title, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(status_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        self.title_line(title.width)
            .render(title, frame.buffer_mut());
        if let Some(review) = &self.review {
            review.render(body, frame.buffer_mut());
            if self.overlay.is_none()
                && let Some(at) = review.cursor_position(body)
            {
                frame.set_cursor_position(at);
            }
        } else {
            let width = self.steps_width(body.width);
            let [steps, pane] =
                Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(body);
            self.render_steps(steps, frame.buffer_mut());
            let pane = match &self.incident {
                Some(panel) => {
                    let [top, bottom] = Layout::vertical([
                        Constraint::Fill(1),
                        Constraint::Length(panel.height(pane.height)),
                    ])
                    .areas(pane);
                    panel.render(bottom, frame.buffer_mut(), self.palette);
                    top
                }
                None => pane,
            };
            if let Some(at) = self.render_step(pane, frame.buffer_mut())
                && self.overlay.is_none()
            {
                frame.set_cursor_position(at);
            }
        }
        Paragraph::new(status_lines).render(status, frame.buffer_mut());
        let contexts = self.contexts();
        Footer {
            contexts: &contexts,
            palette: self.palette,
        }
        .render(footer, frame.buffer_mut());
        match &self.overlay {
            Some(Overlay::Help { contexts, scroll }) => {
                let mut help = Help::new(contexts);
                help.scroll = *scroll;
                help.palette = self.palette;
                help.render(body, frame.buffer_mut());
            }
            Some(Overlay::Timeline { scroll }) => {
                self.render_timeline(body, *scroll, frame.buffer_mut())
            }
            Some(Overlay::Related { cursor }) => {
                self.render_related(body, *cursor, frame.buffer_mut())
            }
            Some(Overlay::Messages { scroll }) => {
                self.render_messages(body, *scroll, frame.buffer_mut())
            }
            None => {}
        }
    }

    /// The title bar: what runs and where it stands. When it does not fit,
    /// the operator's name, then the runbook's title give way before the
    /// session's state and progress do.
    fn title_line(&self, width: u16) -> Line<'_> {
        let (done, applying) = self.eval().progress();
        let state = match &self.finished {
            Some(v) => format!("{} · {}", self.session.state.name(), v.word()),
            None => self.session.state.name().to_string(),
        };
        let privacy = if self.privacy {
            "privacy screen · "
        } else {
            ""
        };
        let (title, id, operator) = (
            &self.runbook.title,
            &self.session.id,
            &self.session.operator,
        );
        let lefts = [
            format!(" {title} · session {id} · {operator}"),
            format!(" {title} · session {id}"),
            format!(" session {id}"),
            format!(" {id}"),
        ];
        let rights = [
            format!("{privacy}{done}/{applying} steps done · {state} "),
            format!("{privacy}{done}/{applying} done · {state} "),
            format!("{privacy}{state} "),
        ];
        let width = usize::from(width);
        let style = Style::new().add_modifier(Modifier::REVERSED);
        for right in &rights {
            for left in &lefts {
                if left.width() + right.width() < width {
                    let gap = width - left.width() - right.width();
                    return Line::styled(format!("{left}{}{right}", " ".repeat(gap)), style);
                }
            }
        }
        Line::styled(truncate(&format!(" {state} · {id}"), width), style)
    }

    /// The status message wrapped to the width, at most [`STATUS_LINES`] lines.
    fn status_lines(&self, width: u16) -> Vec<Line<'static>> {
        let (text, style) = match &self.status {
            Some(Status::Error(text)) => (format!("✗ {text}"), self.palette.error()),
            Some(Status::Notice(text)) => (format!("ℹ {text}"), self.palette.notice()),
            None => return vec![Line::raw("")],
        };
        wrap_at_most(&text, usize::from(width), STATUS_LINES)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    }

    fn render_steps(&self, area: Rect, buf: &mut Buffer) {
        let focused = self.focus == Focus::Steps && self.review.is_none();
        let border = if focused {
            self.palette.focused_border()
        } else {
            self.palette.dim()
        };
        let block = Block::bordered()
            .border_style(border)
            .title(Line::raw(" Steps "));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let ev = self.eval();
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor_line = 0;
        for (i, step) in self.runbook.steps.iter().enumerate() {
            let applies = ev.step_applies(step);
            let gate = ev.gate(step);
            // The same ✓ the progress in the title counts.
            let complete = ev.step_done(step);
            // A step whose condition waits on an unanswered field is not
            // skipped yet: its gate, if shut, is what the operator must see.
            let undecided = !applies && !decided(step.when.as_ref(), &ev);
            let (mark, note) = if !applies && !undecided {
                let why = why_skipped(step.when.as_ref(), &self.runbook);
                ("–", Some(format!("skipped: {why}")))
            } else if let Err(reason) = &gate {
                ("⊘", Some(format!("locked: {reason}")))
            } else if undecided {
                let why = why_skipped(step.when.as_ref(), &self.runbook);
                ("?", Some(why.replacen("only for ", "if ", 1)))
            } else if i == self.form.step {
                ("▸", None)
            } else if complete {
                ("✓", None)
            } else {
                ("·", None)
            };
            let mut style = if applies && gate.is_ok() {
                Style::new()
            } else {
                self.palette.dim()
            };
            if i == self.form.step {
                style = style.add_modifier(Modifier::BOLD);
            }
            if focused && i == self.cursor {
                style = style.add_modifier(Modifier::REVERSED);
            }
            if i == if focused { self.cursor } else { self.form.step } {
                cursor_line = lines.len();
            }
            let done = if mark == "▸" && complete {
                " ✓"
            } else {
                ""
            };
            lines.push(Line::styled(
                truncate(&format!("{mark} {}. {}{done}", i + 1, step.title), width),
                style,
            ));
            if let Some(note) = note {
                for l in wrap_at_most(&note, width.saturating_sub(2), NOTE_LINES) {
                    lines.push(Line::styled(format!("  {l}"), self.palette.dim()));
                }
            }
        }
        let rows = usize::from(inner.height);
        let top = cursor_line.saturating_sub(rows.saturating_sub(2));
        Paragraph::new(lines)
            .scroll((u16::try_from(top).unwrap_or(0), 0))
            .render(inner, buf);
    }

    /// The step list takes what its longest title needs, up to a third of
    /// the terminal: no wider than that on a wide screen, never cut there.
    fn steps_width(&self, body: u16) -> u16 {
        let longest = self
            .runbook
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("▸ {}. {} ✓", i + 1, s.title).width())
            .max()
            .unwrap_or(0);
        let wanted = u16::try_from(longest + 2).unwrap_or(u16::MAX);
        wanted.min(body / 3).max(24.min(body))
    }

    /// The related runbooks with the condition that suggests each, and
    /// whether it holds now.
    fn render_related(&self, area: Rect, cursor: usize, buf: &mut Buffer) {
        let inner = self.overlay_frame(
            area,
            buf,
            " Related runbooks — Enter opens one as a linked session ",
            " Esc closes; quitting it comes back here ",
        );
        let width = usize::from(inner.width);
        let ev = self.eval();
        let mut lines = Vec::new();
        for (i, r) in self.runbook.related.iter().enumerate() {
            let holds = r.when.as_ref().is_some_and(|c| ev.holds(c));
            let mark = if i == cursor { "▸" } else { " " };
            let now = if holds { "  ← suggested now" } else { "" };
            let style = if i == cursor {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            lines.push(Line::styled(
                truncate(&format!("{mark} {}{now}", r.runbook), width),
                style,
            ));
            for l in wrap(&r.why, width.saturating_sub(4)) {
                lines.push(Line::styled(format!("    {l}"), self.palette.dim()));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }

    /// A popup over the body: cleared, framed with its title and the key
    /// that closes it; returns the area inside the frame.
    pub(super) fn overlay_frame(
        &self,
        area: Rect,
        buf: &mut Buffer,
        title: &str,
        closes: &str,
    ) -> Rect {
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_style(self.palette.focused_border())
            .title(Line::raw(title.to_string()))
            .title_bottom(Line::raw(closes.to_string()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    }

    fn render_timeline(&self, area: Rect, scroll: usize, buf: &mut Buffer) {
        let inner = self.overlay_frame(
            area,
            buf,
            " Timeline — local time with UTC offset ",
            " Esc or Ctrl+T closes ",
        );
        let width = usize::from(inner.width);
        let lines: Vec<Line> = self
            .session
            .timeline
            .iter()
            .map(|e| {
                Line::from(vec![
                    Span::styled(timeline::when(e), self.palette.dim()),
                    Span::raw("  "),
                    Span::styled(e.operator.clone(), self.palette.key()),
                    Span::raw("  "),
                    Span::raw(truncate(
                        &timeline::describe(e, &self.runbook),
                        width.saturating_sub(30 + e.operator.width() + 4),
                    )),
                ])
            })
            .collect();
        let rows = usize::from(inner.height);
        let max_top = lines.len().saturating_sub(rows);
        let top = scroll.min(max_top);
        Paragraph::new(lines)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .render(inner, buf);
    }
}

/// Why a step is skipped, from its `when` condition, in words.
pub(crate) fn why_skipped(when: Option<&Condition>, runbook: &Runbook) -> String {
    let Some(c) = when else {
        return "its condition does not hold".into();
    };
    let label = |f: &str| {
        runbook
            .field(f)
            .map_or_else(|| f.to_string(), |f| f.label.to_lowercase())
    };
    match c.tests().first() {
        Some(Test::Equals(_, v)) => format!("only for {v}"),
        Some(Test::OneOf(_, vs)) => format!("only for {}", vs.join(", ")),
        Some(Test::Present(f, true)) => format!("only once {} is answered", label(f)),
        Some(Test::Present(f, false)) => format!("only while {} is unanswered", label(f)),
        _ => "its condition does not hold".into(),
    }
}

/// Whether a `when` can already be decided: the field it tests has a value.
fn decided(when: Option<&Condition>, ev: &crate::machine::Eval) -> bool {
    let Some(c) = when else { return true };
    match c.tests().first() {
        Some(Test::Equals(f, _) | Test::OneOf(f, _)) => ev.present(f),
        _ => true,
    }
}

/// Rows a status message may take before it is cut with an ellipsis.
const STATUS_LINES: usize = 3;

/// Lines a step's note (why it is skipped or locked) may take in the list.
const NOTE_LINES: usize = 3;
