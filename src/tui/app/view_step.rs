//! The step pane: the step's guidance, its checklist and the common mistake
//! that bites here, what the machine suggests, the checks or the verdict on
//! the steps that show them, then the form. Taller than the pane, it scrolls
//! so the focused item is always in view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::form::{Item, finishes_here};
use super::{App, Focus};
use crate::machine::{Source, parse_timestamp};
use crate::redact::{Engine, Profile};
use crate::runbook::{FieldType, StepKind};
use crate::tui::wrap::wrap;

/// The verdict's lines kept on top of a scrolled verdict step: the verdict
/// and where the request goes.
const STICKY_LINES: u16 = 2;

/// Rows a focused field's help may take under it.
const HELP_LINES: usize = 3;

/// A run of the pane: text lines, or one form item.
enum Piece {
    Text(Vec<Line<'static>>),
    Item(usize),
}

impl App {
    /// Draws the step pane; returns where the text cursor goes.
    pub(super) fn render_step(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let step = self.runbook.steps.get(self.form.step)?;
        let border = if self.focus == Focus::Form {
            self.palette.focused_border()
        } else {
            self.palette.dim()
        };
        let position = format!(
            " Step {} of {} ",
            self.form.step + 1,
            self.runbook.steps.len()
        );
        let full = format!("{}· {} ", position, step.title);
        // A title the border cannot hold whole opens the pane instead: cut, it
        // would hide what the step is about.
        let title_fits = full.chars().count() + 2 <= usize::from(area.width);
        let inner = Block::bordered().inner(area);
        let width = usize::from(inner.width);
        let mut pieces = self.pieces(width);
        if !title_fits {
            let bold = Style::new().add_modifier(Modifier::BOLD);
            let lines = wrap(&step.title, width)
                .into_iter()
                .map(|l| Line::styled(l, bold))
                .collect();
            pieces.insert(0, Piece::Text(lines));
        }
        let height_of = |p: &Piece| match p {
            Piece::Text(lines) => u32::try_from(lines.len()).unwrap_or(u32::MAX),
            Piece::Item(i) => u32::from(self.item_height(*i, inner.width)),
        };
        // On the verdict step the verdict and where it goes stay at the top
        // when the pane must scroll: they are what the operator came for.
        let mut inner = inner;
        let verdict_at = usize::from(!title_fits);
        if (step.kind == StepKind::Verdict || finishes_here(&self.runbook, self.form.step))
            && pieces.iter().map(height_of).sum::<u32>() > u32::from(inner.height)
            && inner.height > 2 * STICKY_LINES
            && let Some(Piece::Text(lines)) = pieces.get_mut(verdict_at)
            && lines.len() > usize::from(STICKY_LINES)
        {
            let head: Vec<Line> = lines.drain(..usize::from(STICKY_LINES)).collect();
            Paragraph::new(head).render(
                Rect {
                    height: STICKY_LINES,
                    ..inner
                },
                buf,
            );
            inner.y += STICKY_LINES;
            inner.height -= STICKY_LINES;
        }
        let heights: Vec<u16> = pieces
            .iter()
            .map(|p| u16::try_from(height_of(p)).unwrap_or(u16::MAX))
            .collect();
        // Scrolled by rows, just enough that the focused item is whole on screen.
        let mut tops = Vec::with_capacity(heights.len());
        let mut y = 0u32;
        for h in &heights {
            tops.push(y);
            y += u32::from(*h);
        }
        let rows = u32::from(inner.height);
        let mut top = 0u32;
        if let Some(f) = pieces
            .iter()
            .position(|p| matches!(p, Piece::Item(i) if *i == self.form.focus))
        {
            // The field itself must be whole on screen; its help may fall below.
            let bottom = tops[f] + u32::from(self.body_height(self.form.focus, inner.width));
            if bottom > rows {
                top = (bottom - rows).min(tops[f]);
            }
        }
        top = top
            .max(u32::from(self.form.scroll))
            .min(y.saturating_sub(1));
        // What does not fit is said on the border: a form must never end
        // silently above fields it still has.
        let mut block = Block::bordered()
            .border_style(border)
            .title(Line::raw(if title_fits { full } else { position }));
        if top > 0 {
            // On the bottom border too: the top one holds the title.
            block = block.title_bottom(Line::styled(" ↑ more above ", self.palette.notice()));
        }
        if y > top + rows {
            block = block.title_bottom(
                Line::styled(" ↓ more below ", self.palette.notice()).right_aligned(),
            );
        }
        block.render(area, buf);
        if y > rows {
            let mut state = ScrollbarState::new(usize::try_from(y - rows).unwrap_or(0) + 1)
                .position(usize::try_from(top).unwrap_or(0));
            let track = Rect::new(area.right().saturating_sub(1), inner.y, 1, inner.height);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .render(track, buf, &mut state);
        }
        let mut cursor = None;
        for ((piece, height), piece_top) in pieces.iter().zip(&heights).zip(&tops) {
            let piece_bottom = piece_top + u32::from(*height);
            if piece_bottom <= top || *piece_top >= top + rows {
                continue;
            }
            let skipped = top.saturating_sub(*piece_top);
            let screen_y = inner.y + u16::try_from(piece_top.saturating_sub(top)).unwrap_or(0);
            let h = (u32::from(*height) - skipped).min(u32::from(inner.bottom() - screen_y));
            let at = Rect::new(
                inner.x,
                screen_y,
                inner.width,
                u16::try_from(h).unwrap_or(0),
            );
            match piece {
                Piece::Text(lines) => Paragraph::new(lines.clone())
                    .scroll((u16::try_from(skipped).unwrap_or(0), 0))
                    .render(at, buf),
                // An item cut at its top is not drawn: half a box misleads;
                // nor is one whose single row on screen would be its border.
                Piece::Item(_) if skipped > 0 || (h < u32::from(*height) && h < 2) => {}
                Piece::Item(i) => {
                    if let Some(pos) = self.render_item(*i, at, buf) {
                        cursor = Some(pos);
                    }
                }
            }
        }
        cursor
    }

    fn pieces(&self, width: usize) -> Vec<Piece> {
        let step = &self.runbook.steps[self.form.step];
        let mut pieces = Vec::new();
        let verdict_step =
            step.kind == StepKind::Verdict || finishes_here(&self.runbook, self.form.step);
        // Where the request goes is what the operator came for: it comes first.
        if verdict_step {
            pieces.push(Piece::Text(self.verdict_lines(StepKind::Verdict, width)));
        }
        let mut text: Vec<Line<'static>> = Vec::new();
        let dim = self.palette.dim();
        for g in &step.guidance {
            for l in wrap(g, width) {
                text.push(Line::raw(l));
            }
        }
        for c in &step.checklist {
            for (n, l) in wrap(c, width.saturating_sub(2)).into_iter().enumerate() {
                let mark = if n == 0 { "☐ " } else { "  " };
                text.push(Line::styled(format!("{mark}{l}"), dim));
            }
        }
        for m in &step.mistakes {
            for (n, l) in wrap(
                &format!("Common mistake here: {m}"),
                width.saturating_sub(2),
            )
            .into_iter()
            .enumerate()
            {
                let mark = if n == 0 { "⚠ " } else { "  " };
                text.push(Line::styled(format!("{mark}{l}"), self.palette.notice()));
            }
        }
        let shows_suggestions = matches!(step.kind, StepKind::Triage | StepKind::Verdict)
            || finishes_here(&self.runbook, self.form.step);
        for (runbook, why) in self.suggestions.iter().filter(|_| shows_suggestions) {
            let line = format!("↪ Related runbook suggested: {runbook} — {why}");
            for l in wrap(&line, width) {
                text.push(Line::styled(
                    l,
                    self.palette.notice().add_modifier(Modifier::BOLD),
                ));
            }
        }
        for line in self.offer_lines() {
            for l in wrap(&line, width) {
                text.push(Line::styled(l, self.palette.notice()));
            }
        }
        let guidance = (!text.is_empty()).then(|| {
            text.push(Line::raw(""));
            Piece::Text(text)
        });
        let items = (0..self.form.items.len()).map(Piece::Item);
        if verdict_step {
            // What to do about the verdict before the words around it.
            pieces.extend(items);
            pieces.extend(guidance.map(|g| {
                let Piece::Text(mut lines) = g else { return g };
                lines.insert(0, Line::raw(""));
                Piece::Text(lines)
            }));
        } else {
            pieces.extend(guidance);
            if step.kind == StepKind::Checks {
                pieces.push(Piece::Text(self.verdict_lines(StepKind::Checks, width)));
            }
            pieces.extend(items);
        }
        pieces
    }

    /// The checks with their reasons; on the verdict step, the verdict and
    /// where the request goes.
    fn verdict_lines(&self, kind: StepKind, width: usize) -> Vec<Line<'static>> {
        let v = self.verdict();
        let mut lines = Vec::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let verdict_step = kind != StepKind::Checks;
        if verdict_step {
            let recorded = if self.finished.is_some() {
                "recorded"
            } else {
                "so far — Finish records it"
            };
            let style = if v.pass {
                self.palette.ok()
            } else {
                self.palette.error()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("Verdict: {}", v.word()), style),
                Span::raw(format!(" ({recorded})")),
            ]));
            let e = &v.escalation;
            let mut target = format!("Escalate to: {}", e.target);
            if let Some(then) = &e.then {
                target.push_str(&format!(", then {then}"));
            }
            if let Some(p) = &e.provider {
                target.push_str(&format!(" ({p})"));
            }
            lines.push(Line::styled(target, bold));
            for r in &e.reasons {
                for (n, l) in wrap(r, width.saturating_sub(2)).into_iter().enumerate() {
                    let mark = if n == 0 { "• " } else { "  " };
                    lines.push(Line::raw(format!("{mark}{l}")));
                }
            }
            if !e.rule.is_empty() {
                lines.push(Line::styled(
                    format!("  chosen by rule: {}", e.rule),
                    self.palette.dim(),
                ));
            }
            let send_to = format!("Send to: {}", self.settings.where_to_send(e));
            for l in wrap(&send_to, width) {
                lines.push(Line::raw(l));
            }
            for (id, runbook) in &self.open_links {
                let still = format!(
                    "⚠ Linked session {id} ({runbook}) is still open: finishing here does not finish it — runbook resume {id}"
                );
                for l in wrap(&still, width) {
                    lines.push(Line::styled(l, self.palette.notice()));
                }
            }
            lines.push(Line::raw(""));
        }
        for c in &v.checks {
            let (mark, style) = if c.passed {
                ("✓", self.palette.ok())
            } else {
                ("✗", self.palette.error())
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(c.title.clone(), bold),
            ]));
            // On the verdict step a passing check needs no explanation.
            if !verdict_step || !c.passed {
                for l in wrap(&c.reason, width.saturating_sub(2)) {
                    lines.push(Line::raw(format!("  {l}")));
                }
            }
        }
        if verdict_step && self.finished.is_some() {
            lines.push(Line::raw(""));
            for l in wrap(
                "Next: q leaves; the verdict, the escalation target and the session id are printed on the normal screen.",
                width,
            ) {
                lines.push(Line::raw(l));
            }
        }
        lines.push(Line::raw(""));
        lines
    }

    /// An item's rows: its box, then the field's help while it is focused.
    fn item_height(&self, index: usize, width: u16) -> u16 {
        let help = u16::try_from(self.help_lines(index, width).len()).unwrap_or(0);
        self.body_height(index, width) + help
    }

    /// The focused field's help from the runbook, wrapped, a few lines at most.
    fn help_lines(&self, index: usize, width: u16) -> Vec<String> {
        if self.focus != Focus::Form || index != self.form.focus || self.privacy {
            return Vec::new();
        }
        let help = self.form.items[index]
            .field()
            .and_then(|f| self.runbook.field(f))
            .and_then(|f| f.help.as_deref());
        help.map_or_else(Vec::new, |h| {
            crate::tui::wrap::wrap_at_most(h, usize::from(width).saturating_sub(2), HELP_LINES)
        })
    }

    fn body_height(&self, index: usize, width: u16) -> u16 {
        let Some(item) = self.form.items.get(index) else {
            return 0;
        };
        match item {
            Item::Text { kind, input, .. } => match kind {
                FieldType::Multiline => input.height(6),
                FieldType::Timestamp => 5,
                _ => 3,
            },
            Item::Choice { options, .. } => {
                let inner = usize::from(width.saturating_sub(2)).max(1);
                let total: usize = options.iter().map(|o| o.chars().count() + 6).sum();
                2 + u16::try_from(total.div_ceil(inner).max(1)).unwrap_or(1)
            }
            Item::Paths { field, .. } => {
                3 + u16::try_from(self.session.evidence_of(field).count()).unwrap_or(0)
            }
            Item::Confirm { label, .. } | Item::Button { label, .. } => {
                u16::try_from(wrap(label, usize::from(width).saturating_sub(4)).len()).unwrap_or(1)
            }
        }
    }

    fn render_item(&self, index: usize, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let body = self.body_height(index, area.width).min(area.height);
        let help = self.help_lines(index, area.width);
        if !help.is_empty() && area.height > body {
            let lines: Vec<Line> = help
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), self.palette.dim()))
                .collect();
            Paragraph::new(lines).render(
                Rect::new(area.x, area.y + body, area.width, area.height - body),
                buf,
            );
        }
        self.render_body(
            index,
            Rect {
                height: body,
                ..area
            },
            buf,
        )
    }

    fn render_body(&self, index: usize, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let item = &self.form.items[index];
        let focused = self.focus == Focus::Form && index == self.form.focus;
        match item {
            Item::Text { input, .. } if self.privacy => {
                let shown = Engine::new(Profile::Standard)
                    .learn_and_redact(input.value().as_bytes())
                    .text_lossy();
                let block = Block::bordered()
                    .border_style(self.palette.dim())
                    .title(Line::raw(format!(
                        " {} — redacted (privacy screen) ",
                        input.title()
                    )));
                Paragraph::new(shown).block(block).render(area, buf);
                None
            }
            Item::Text { field, kind, input } => {
                let field_area = Rect {
                    height: area.height.min(if *kind == FieldType::Timestamp {
                        3
                    } else {
                        area.height
                    }),
                    ..area
                };
                input.render(field_area, buf);
                if *kind == FieldType::Timestamp && area.height > 3 {
                    let note = self.timestamp_note(field);
                    let lines: Vec<Line> = wrap(&note, usize::from(area.width).saturating_sub(2))
                        .into_iter()
                        .take(2)
                        .map(|l| Line::styled(format!("  {l}"), self.palette.notice()))
                        .collect();
                    Paragraph::new(lines).render(
                        Rect::new(area.x, area.y + 3, area.width, area.height - 3),
                        buf,
                    );
                }
                input.cursor_position(field_area)
            }
            Item::Choice {
                field,
                options,
                cursor,
            } => {
                let f = self.runbook.field(field);
                let label = f.map_or(field.as_str(), |f| f.label.as_str());
                let required = self.eval().required(field);
                let title = if required {
                    format!(" {label} * ")
                } else {
                    format!(" {label} ")
                };
                let border = if focused {
                    self.palette.focused_border()
                } else {
                    self.palette.dim()
                };
                let chosen = self.session.current(field);
                let mut spans = Vec::new();
                for (i, o) in options.iter().enumerate() {
                    let mark = if chosen == Some(o.as_str()) {
                        "(•)"
                    } else {
                        "( )"
                    };
                    let mut style = Style::new();
                    if focused && i == *cursor {
                        style = style.add_modifier(Modifier::REVERSED);
                    }
                    spans.push(Span::styled(format!("{mark} {o}"), style));
                    spans.push(Span::raw("  "));
                }
                let block = Block::bordered()
                    .border_style(border)
                    .title(Line::raw(title));
                Paragraph::new(Line::from(spans))
                    .wrap(ratatui::widgets::Wrap { trim: false })
                    .block(block)
                    .render(area, buf);
                None
            }
            Item::Paths { field, input } => {
                let files: Vec<Line> = self
                    .session
                    .evidence_of(field)
                    .map(|e| {
                        Line::raw(format!(
                            "  • {} ({})",
                            e.name,
                            super::commit::human_size(e.bytes)
                        ))
                    })
                    .collect();
                let n = u16::try_from(files.len()).unwrap_or(0).min(area.height);
                Paragraph::new(files).render(Rect { height: n, ..area }, buf);
                let rest = Rect {
                    y: area.y + n,
                    height: area.height - n,
                    ..area
                };
                input.render(rest, buf);
                input.cursor_position(rest)
            }
            Item::Confirm { id, label } => {
                let ticked = self.session.confirmed.contains_key(id);
                let mark = if ticked { "[x]" } else { "[ ]" };
                self.line_item(&format!("{mark} {label}"), focused, area, buf);
                None
            }
            Item::Button { label, .. } => {
                self.line_item(&format!("▶ {label}"), focused, area, buf);
                None
            }
        }
    }

    fn line_item(&self, text: &str, focused: bool, area: Rect, buf: &mut Buffer) {
        let style = if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        let lines: Vec<Line> = wrap(text, usize::from(area.width).saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect();
        Paragraph::new(lines).render(area, buf);
    }

    /// Where the timestamp came from, its offset, and how long ago it was.
    fn timestamp_note(&self, field: &str) -> String {
        let Some(answer) = self.session.answers.get(field) else {
            let source = self
                .runbook
                .field(field)
                .and_then(|f| f.prefill_from.as_deref())
                .and_then(|from| self.runbook.field(from));
            return match source {
                Some(from) => format!(
                    "taken from “{}” once it is pasted, when it carries a time",
                    from.label
                ),
                None => "type it with its UTC offset: 2026-11-24T10:15:32+01:00".into(),
            };
        };
        let source = match answer.source {
            Source::CaptureTime => {
                "⚠ capture time, not the error's — confirm (Enter) or correct it"
            }
            Source::ErrorText => "from the error text (Enter confirms)",
            Source::Typed => "✓ confirmed",
        };
        let Some(at) = parse_timestamp(self.session.current(field).unwrap_or("")) else {
            return source.into();
        };
        let utc = if at.offset().local_minus_utc() == 0 {
            String::new()
        } else {
            format!(" = {}", at.naive_utc().format("%H:%M:%S UTC"))
        };
        format!(
            "{source} · UTC{}{utc} · {}",
            at.offset(),
            ago(self.now.signed_duration_since(at))
        )
    }
}

/// `3 min ago`, `2 h 5 min ago`, `in 4 min` (a time in the future is suspicious).
fn ago(d: chrono::TimeDelta) -> String {
    let secs = d.num_seconds();
    let (future, secs) = (secs < 0, secs.unsigned_abs());
    let text = if secs < 60 {
        format!("{secs} s")
    } else if secs < 3600 {
        format!("{} min", secs / 60)
    } else if secs < 86_400 {
        format!("{} h {} min", secs / 3600, secs % 3600 / 60)
    } else {
        format!("{} d {} h", secs / 86_400, secs % 86_400 / 3600)
    };
    if future {
        format!("in {text} — in the future: check the offset")
    } else {
        format!("{text} ago")
    }
}
