//! Drawing the review: only the lines on screen are read, so a frame costs
//! the same for 20 KB or 20 MB of evidence.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::MIN_SIZE;
use super::expand::{Piece, display_width, draw_line};
use super::state::{EvidenceView, Viewport};
use crate::redact::{Category, Finding};
use crate::tui::layout::too_small;
use crate::tui::wrap::wrap_at_most;

/// Rows a message in the review may take before it is cut with an ellipsis.
const MESSAGE_LINES: usize = 3;

/// How much the summary line spells out.
#[derive(Debug, Clone, Copy)]
enum Detail {
    Words,
    Labels,
    Symbols,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Original,
    Redacted,
}

/// A run of one line: plain text, or one finding as drawn on one side.
pub(super) struct Segment<'a> {
    bytes: &'a [u8],
    finding: Option<&'a Finding>,
}

/// The areas of the review.
struct Areas {
    original: Rect,
    redacted: Rect,
    status: Rect,
    summary: Rect,
    prompt: Rect,
}

fn areas(area: Rect, status_rows: u16) -> Areas {
    let [panes, status, summary] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let [original, redacted] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(panes);
    let width = panes.width.saturating_sub(4).min(76);
    let prompt = Rect {
        x: panes.x + (panes.width - width) / 2,
        y: panes.bottom().saturating_sub(4).max(panes.y),
        width,
        height: 3.min(panes.height),
    };
    Areas {
        original,
        redacted,
        status,
        summary,
        prompt,
    }
}

impl EvidenceView {
    /// The line's runs on one side; `None` for the redacted side of a line
    /// not redacted yet.
    pub(super) fn segments(&self, line: usize, side: Side) -> Option<Vec<Segment<'_>>> {
        let range = self.doc.line_range(line);
        let text = self.doc.text();
        let findings = match self.findings_in(range.clone()) {
            Some(found) => found,
            None if side == Side::Original => &[],
            None => return None,
        };
        let mut segments = Vec::with_capacity(findings.len() * 2 + 1);
        let mut at = range.start;
        for f in findings {
            let (start, end) = (f.start.max(at), f.end.min(range.end));
            if start >= end {
                continue;
            }
            segments.push(Segment {
                bytes: &text[at..start],
                finding: None,
            });
            let bytes = if side == Side::Redacted && !self.kept.contains_key(&f.placeholder) {
                f.placeholder.as_bytes()
            } else {
                &text[start..end]
            };
            segments.push(Segment {
                bytes,
                finding: Some(f),
            });
            at = end;
        }
        segments.push(Segment {
            bytes: &text[at..range.end],
            finding: None,
        });
        Some(segments)
    }

    fn is_current(&self, f: &Finding) -> bool {
        self.current_finding()
            .is_some_and(|c| c.start == f.start && c.end == f.end)
    }

    pub(super) fn pieces<'a>(&self, segments: &[Segment<'a>]) -> Vec<Piece<'a>> {
        segments
            .iter()
            .map(|s| {
                let style = match s.finding {
                    None => Style::new(),
                    Some(f) => {
                        let base = if self.kept.contains_key(&f.placeholder) {
                            self.palette.kept()
                        } else {
                            self.palette.finding(f.category)
                        };
                        if self.is_current(f) {
                            base.patch(self.palette.current())
                        } else {
                            base
                        }
                    }
                };
                Piece {
                    bytes: s.bytes,
                    style,
                }
            })
            .collect()
    }

    /// Columns taken by a line's text up to and including the finding that starts at `start`.
    fn finding_columns(&self, line: usize, side: Side, start: usize) -> Option<(usize, usize)> {
        let segments = self.segments(line, side)?;
        let at = segments
            .iter()
            .position(|s| s.finding.is_some_and(|f| f.start == start))?;
        let pieces = self.pieces(&segments);
        let before = display_width(&pieces[..at], usize::MAX);
        let after = display_width(&pieces[..=at], usize::MAX);
        Some((before, after))
    }

    /// Scrolls so that finding `index` is on screen, on both sides when they fit.
    pub(super) fn reveal(&mut self, index: usize) {
        let Some(finding) = self.findings.get(index) else {
            return;
        };
        let start = finding.start;
        let line = self.doc.line_of(start);
        let Viewport { rows, cols } = self.viewport.get();
        if rows == 0 || cols == 0 {
            // Never drawn yet: put the line first; the first frame shows it.
            self.top.set(line);
            return;
        }
        if self.wrap {
            if !self.is_shown(line) {
                self.top.set(self.top_for(line));
            }
            return;
        }
        if line < self.top.get() || line >= self.top.get() + rows {
            let max_top = self.doc.line_count().saturating_sub(rows);
            self.top.set(line.saturating_sub(rows / 3).min(max_top));
        }
        let redacted = self.finding_columns(line, Side::Redacted, start);
        let original = self.finding_columns(line, Side::Original, start);
        let Some((r0, r1)) = redacted else {
            return;
        };
        let (lo, hi) = match original {
            Some((l0, l1)) if !self.privacy => (l0.min(r0), l1.max(r1)),
            _ => (r0, r1),
        };
        if lo >= self.hscroll && hi <= self.hscroll + cols {
            return;
        }
        self.hscroll = if hi <= cols {
            0
        } else if hi - lo <= cols {
            lo.saturating_sub(cols / 4).max(hi - cols)
        } else {
            // The two sides are too far apart: show what leaves the machine.
            r0.saturating_sub(cols / 4)
        };
    }

    /// A frame with fewer rows than the last (a longer message below) would
    /// push the current finding off screen: the first line shown follows it.
    fn keep_current_in_view(&self, rows_before: usize) {
        let rows = self.viewport.get().rows.max(1);
        let Some(line) = self.current_finding().map(|f| self.doc.line_of(f.start)) else {
            return;
        };
        let top = self.top.get();
        if self.wrap {
            if rows < rows_before && line >= top && !self.is_shown(line) {
                self.top.set(self.top_for(line));
            }
            return;
        }
        if line >= top + rows && line < top + rows_before {
            self.top.set(line + 1 - rows);
        }
    }

    /// Counts as seen each finding whose redacted text is within the columns
    /// on screen now.
    fn mark_seen(&self) {
        let cols = self.viewport.get().cols;
        let (shown, cut) = self.shown();
        let end = if cut { shown.end - 1 } else { shown.end };
        let mut seen = self.seen.borrow_mut();
        for line in shown.start..end {
            let Some(findings) = self.findings_in(self.doc.line_range(line)) else {
                continue;
            };
            for f in findings {
                if seen.contains(&(f.start, f.end)) || self.doc.line_of(f.start) != line {
                    continue;
                }
                let on_screen = self.wrap
                    || self
                        .finding_columns(line, Side::Redacted, f.start)
                        .is_some_and(|(lo, hi)| lo >= self.hscroll && hi <= self.hscroll + cols);
                if on_screen {
                    seen.insert((f.start, f.end));
                }
            }
        }
    }

    /// Width of the widest line on screen, on either side, counted up to `cap`.
    pub(super) fn widest_visible_line(&self, cap: usize) -> usize {
        let rows = self.viewport.get().rows.max(1);
        let end = (self.top.get() + rows).min(self.doc.line_count());
        let mut widest = 0;
        for line in self.top.get()..end {
            for side in [Side::Original, Side::Redacted] {
                if let Some(segments) = self.segments(line, side) {
                    widest = widest.max(display_width(&self.pieces(&segments), cap));
                }
            }
            if widest >= cap {
                break;
            }
        }
        widest
    }

    /// Up to two marks for a line's findings: category symbols, `+` for a kept value.
    fn marks(&self, line: usize) -> [char; 2] {
        let mut marks = [' ', ' '];
        let Some(findings) = self.findings_in(self.doc.line_range(line)) else {
            return marks;
        };
        let mut n = 0;
        for f in findings {
            let mark = if self.kept.contains_key(&f.placeholder) {
                '+'
            } else {
                f.category.symbol()
            };
            if !marks[..n].contains(&mark) && n < 2 {
                marks[n] = mark;
                n += 1;
            }
        }
        marks
    }

    fn draw_pane(&self, area: Rect, buf: &mut Buffer, side: Side) {
        let title = match side {
            Side::Original => format!(" {} — original, stays here ", self.label),
            Side::Redacted => " Redacted — what leaves the machine ".to_owned(),
        };
        let block = Block::bordered().title(Line::raw(title));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        if side == Side::Original && self.privacy {
            let text = vec![
                Line::raw("Originals hidden: privacy screen on."),
                Line::raw("Press p to show them."),
            ];
            Paragraph::new(text)
                .centered()
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let digits = self.doc.line_count().to_string().len();
        let gutter = u16::try_from(digits + 4)
            .unwrap_or(u16::MAX)
            .min(inner.width);
        let text_width = inner.width - gutter;
        let current_line = self.current_finding().map(|f| self.doc.line_of(f.start));
        let mut y = inner.y;
        let mut line = self.top.get();
        while y < inner.bottom() && line < self.doc.line_count() {
            let rows = self.line_rows(line, usize::from(text_width));
            self.draw_row(buf, (inner, gutter, digits), (line, y), side, current_line);
            // A wrapped line goes on below, a text width further along.
            for k in 1..rows {
                let Ok(k16) = u16::try_from(k) else { break };
                if y + k16 >= inner.bottom() {
                    break;
                }
                if let Some(segments) = self.segments(line, side) {
                    draw_line(
                        buf,
                        (inner.x + gutter, y + k16),
                        text_width,
                        k * usize::from(text_width),
                        &self.pieces(&segments),
                    );
                }
            }
            y = y.saturating_add(u16::try_from(rows).unwrap_or(u16::MAX));
            line += 1;
        }
    }

    /// One line's first row: its number, its marks and its text from the
    /// sideways scroll on (or from its start, when lines wrap).
    fn draw_row(
        &self,
        buf: &mut Buffer,
        (inner, gutter, digits): (Rect, u16, usize),
        (line, y): (usize, u16),
        side: Side,
        current_line: Option<usize>,
    ) {
        let text_width = inner.width - gutter;
        let [a, b] = self.marks(line);
        let number_style = if Some(line) == current_line {
            self.palette.current()
        } else {
            self.palette.dim()
        };
        buf.set_stringn(
            inner.x,
            y,
            format!("{:>digits$}", line + 1),
            usize::from(gutter),
            number_style,
        );
        buf.set_stringn(
            inner.x + u16::try_from(digits).unwrap_or(0),
            y,
            format!(" {a}{b} "),
            usize::from(gutter).saturating_sub(digits),
            Style::new(),
        );
        let origin = (inner.x + gutter, y);
        let skip = if self.wrap { 0 } else { self.hscroll };
        match self.segments(line, side) {
            Some(segments) => draw_line(buf, origin, text_width, skip, &self.pieces(&segments)),
            None => {
                buf.set_stringn(
                    origin.0,
                    y,
                    "…",
                    usize::from(text_width),
                    self.palette.dim(),
                );
            }
        }
    }

    /// Rows the status takes: a message (a copy, a refusal) wraps so what
    /// it says to do is read to the end.
    fn status_rows(&self, width: u16) -> u16 {
        self.message.as_ref().map_or(1, |m| {
            let lines = wrap_at_most(m, usize::from(width), MESSAGE_LINES).len();
            u16::try_from(lines.max(1)).unwrap_or(1)
        })
    }

    fn status_line(&self, width: u16) -> Text<'_> {
        if let Some(message) = &self.message {
            return Text::from_iter(wrap_at_most(message, usize::from(width), MESSAGE_LINES));
        }
        if let Some((phase, percent)) = self.progress() {
            let what = match (phase, self.redacted) {
                (super::Phase::Learning, _) => "Reading values to redact",
                (super::Phase::Redacting, false) => "Redacting",
                (super::Phase::Redacting, true) => "Redacting again",
            };
            return Line::raw(format!("{what}… {percent}%")).into();
        }
        let Some(finding) = self.current_finding() else {
            return Line::raw(match self.findings.len() {
                0 => "No findings: nothing here is redacted.".to_owned(),
                n => format!("n goes to the first of {} findings.", thousands(n)),
            })
            .into();
        };
        let index = self.current.unwrap_or(0) + 1;
        let state = match self.kept.get(&finding.placeholder) {
            Some(reason) => format!("kept: {reason}"),
            None => "redacted".to_owned(),
        };
        Line::from(vec![
            Span::raw(format!(
                "▶ {}/{} ",
                thousands(index),
                thousands(self.findings.len())
            )),
            Span::styled(
                format!(
                    "{} {}",
                    finding.category.symbol(),
                    category_label(finding.category)
                ),
                self.palette.finding(finding.category),
            ),
            Span::raw(format!(
                " · {} · {} · line {} · {state}",
                finding.kind.name(),
                finding.placeholder,
                thousands(self.doc.line_of(finding.start) + 1),
            )),
        ])
        .into()
    }

    /// What leaves the machine: in words when they fit, shorter when not.
    fn summary_line(&self, width: u16) -> Line<'_> {
        let mut spans = Vec::new();
        for detail in [Detail::Words, Detail::Labels, Detail::Symbols] {
            spans = self.summary_spans(detail);
            if spans.iter().map(Span::width).sum::<usize>() <= usize::from(width) {
                break;
            }
        }
        Line::from(spans)
    }

    fn summary_spans(&self, detail: Detail) -> Vec<Span<'_>> {
        let counts = &self.counts;
        let redacted = thousands(counts.total_redacted());
        let mut spans = Vec::new();
        if !self.redacted {
            spans.push(Span::styled(
                "Not final, still redacting · ",
                self.palette.notice(),
            ));
        }
        spans.push(Span::raw(match detail {
            Detail::Words => format!(
                "Leaves the machine: {} lines, {redacted} values redacted",
                thousands(self.doc.line_count())
            ),
            Detail::Labels | Detail::Symbols => format!("Leaves: {redacted} redacted"),
        }));
        for category in Category::ALL {
            let n = thousands(counts.redacted.get(&category).copied().unwrap_or(0));
            let symbol = category.symbol();
            let text = match detail {
                Detail::Words => format!(" · {symbol} {} {n}", category_label(category)),
                Detail::Labels => {
                    let label = match category {
                        Category::ProviderKey => "keys",
                        other => category_label(other),
                    };
                    format!(" · {symbol} {label} {n}")
                }
                Detail::Symbols => format!(" {symbol}{n}"),
            };
            spans.push(Span::styled(text, self.palette.finding(category)));
        }
        let kept = thousands(counts.kept);
        let terms = self.terms.len();
        spans.push(Span::raw(match detail {
            Detail::Words => format!(" · + kept as is {kept} · {terms} custom terms"),
            Detail::Labels => format!(" · + kept {kept} · terms {terms}"),
            Detail::Symbols => format!(" +{kept} · terms {terms}"),
        }));
        spans
    }

    /// Where the terminal cursor goes when a prompt is open.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        let prompt = self.prompt.as_ref()?;
        if !MIN_SIZE.fits(area) {
            return None;
        }
        prompt
            .field
            .cursor_position(areas(area, self.status_rows(area.width)).prompt)
    }
}

impl Widget for &EvidenceView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if too_small(area, buf, MIN_SIZE) {
            return;
        }
        Clear.render(area, buf);
        let areas = areas(area, self.status_rows(area.width));
        let inner = Block::bordered().inner(areas.redacted);
        let digits = self.doc.line_count().to_string().len();
        let rows_before = self.viewport.get().rows;
        self.viewport.set(Viewport {
            rows: usize::from(inner.height),
            cols: usize::from(inner.width).saturating_sub(digits + 4),
        });
        self.keep_current_in_view(rows_before);
        self.mark_seen();
        self.draw_pane(areas.original, buf, Side::Original);
        self.draw_pane(areas.redacted, buf, Side::Redacted);
        Paragraph::new(self.status_line(areas.status.width)).render(areas.status, buf);
        self.summary_line(areas.summary.width)
            .render(areas.summary, buf);
        if let Some(prompt) = &self.prompt {
            Clear.render(areas.prompt, buf);
            prompt.field.render(areas.prompt, buf);
        }
    }
}

fn category_label(category: Category) -> &'static str {
    match category {
        Category::ProviderKey => "provider keys",
        Category::Credential => "credentials",
        Category::Payment => "payment",
        Category::Customer => "customer",
    }
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[test]
fn thousands_groups_digits() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(20_971_520), "20,971,520");
}
