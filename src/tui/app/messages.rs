//! The log of recent messages. A status line is replaced by the next one;
//! what it said stays here, whole, for Ctrl+G.

use std::collections::VecDeque;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{App, Status};
use crate::machine::Stamp;
use crate::tui::wrap::wrap;

/// Messages kept; older ones are dropped.
const KEPT: usize = 100;

pub(crate) struct Logged {
    at: Stamp,
    status: Status,
}

impl App {
    /// Keeps the message on screen now, unless it is the one kept last.
    pub(crate) fn log_status(&mut self) {
        let Some(status) = &self.status else { return };
        if self.messages.back().is_some_and(|l| &l.status == status) {
            return;
        }
        self.messages.push_back(Logged {
            at: self.now,
            status: status.clone(),
        });
        while self.messages.len() > KEPT {
            self.messages.pop_front();
        }
    }

    pub(crate) fn render_messages(&self, area: Rect, scroll: usize, buf: &mut Buffer) {
        let inner = self.overlay_frame(
            area,
            buf,
            " Messages — newest last ",
            " Esc or Ctrl+G closes ",
        );
        let width = usize::from(inner.width);
        let lines = message_lines(&self.messages, width, self.palette);
        let rows = usize::from(inner.height);
        let max_top = lines.len().saturating_sub(rows);
        self.messages_max_top.set(max_top);
        let top = scroll.min(max_top);
        Paragraph::new(lines)
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .render(inner, buf);
    }
}

/// Each message wrapped whole under its time; errors marked as such.
fn message_lines(
    messages: &VecDeque<Logged>,
    width: usize,
    palette: crate::tui::style::Palette,
) -> Vec<Line<'static>> {
    if messages.is_empty() {
        return vec![Line::styled("No messages yet.", palette.dim())];
    }
    let mut lines = Vec::new();
    for logged in messages {
        let (mark, text, style) = match &logged.status {
            Status::Error(t) => ("error", t, palette.error()),
            Status::Notice(t) => ("", t, ratatui::style::Style::new()),
        };
        lines.push(Line::from(vec![
            Span::styled(logged.at.format("%H:%M:%S").to_string(), palette.dim()),
            Span::raw(" "),
            Span::styled(mark, palette.error()),
        ]));
        for l in wrap(text, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), style));
        }
    }
    lines
}
