//! A short list to choose from before a walk starts: which runbook, or
//! whether to resume the unfinished session. Same key table as everything else.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::help::{Footer, Help};
use super::keymap::{self, Action, Context};
use super::layout::{MinSize, too_small};
use super::style::Palette;
use super::wrap::wrap;

const CONTEXTS: &[Context] = &[Context::Picker, Context::Global, Context::Always];
const MIN_SIZE: MinSize = MinSize {
    width: 40,
    height: 8,
};

pub struct Choice {
    pub label: String,
    pub detail: String,
}

pub struct Picker {
    pub title: String,
    pub intro: String,
    pub choices: Vec<Choice>,
    pub cursor: usize,
    help: bool,
    palette: Palette,
}

/// What the operator picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// The index of a choice.
    Choice(usize),
    /// `n`: a new session instead of the offered one.
    New,
    Quit,
}

impl Picker {
    pub fn new(title: impl Into<String>, intro: impl Into<String>, choices: Vec<Choice>) -> Picker {
        Picker {
            title: title.into(),
            intro: intro.into(),
            choices,
            cursor: 0,
            help: false,
            palette: Palette::from_env(),
        }
    }

    pub fn with_palette(mut self, palette: Palette) -> Picker {
        self.palette = palette;
        self
    }

    pub fn handle_event(&mut self, event: &Event) -> Option<Picked> {
        let action = match event {
            Event::Mouse(m) => keymap::resolve_mouse(m),
            _ => {
                let key = keymap::key_press(event)?;
                let contexts: &[Context] = if self.help {
                    &[Context::Help, Context::Always]
                } else {
                    CONTEXTS
                };
                keymap::resolve(&key, contexts)
            }
        }?;
        if self.help {
            match action {
                Action::Quit => return Some(Picked::Quit),
                Action::Back => self.help = false,
                _ => {}
            }
            return None;
        }
        let last = self.choices.len().saturating_sub(1);
        match action {
            Action::ScrollUp => self.cursor = self.cursor.saturating_sub(1),
            Action::ScrollDown => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Submit if !self.choices.is_empty() => return Some(Picked::Choice(self.cursor)),
            Action::NewSession => return Some(Picked::New),
            Action::Quit | Action::Back => return Some(Picked::Quit),
            Action::Help => self.help = true,
            _ => {}
        }
        None
    }

    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if too_small(area, frame.buffer_mut(), MIN_SIZE) {
            return;
        }
        let [body, footer] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let mut lines = vec![Line::raw(self.intro.clone()), Line::raw("")];
        let mut cursor_line = 0;
        let detail_width = usize::from(Block::bordered().inner(body).width).saturating_sub(4);
        for (i, c) in self.choices.iter().enumerate() {
            let selected = i == self.cursor;
            let style = if selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            if selected {
                cursor_line = lines.len();
            }
            let mark = if selected { "▸" } else { " " };
            lines.push(Line::styled(format!("{mark} {}", c.label), style));
            // Wrapped under its own indent, so a choice's detail reads as one
            // block under its label, not as text at the left edge.
            for l in wrap(&c.detail, detail_width)
                .into_iter()
                .filter(|l| !l.is_empty())
            {
                lines.push(Line::styled(format!("    {l}"), self.palette.dim()));
            }
        }
        let block = Block::bordered()
            .border_style(self.palette.focused_border())
            .title(Line::raw(format!(" {} ", self.title)));
        let rows = usize::from(block.inner(body).height);
        let top = (cursor_line + 2).saturating_sub(rows);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(top).unwrap_or(0), 0))
            .block(block)
            .render(body, frame.buffer_mut());
        let contexts: &[Context] = if self.help {
            &[Context::Help, Context::Always]
        } else {
            CONTEXTS
        };
        Footer {
            contexts,
            palette: self.palette,
        }
        .render(footer, frame.buffer_mut());
        if self.help {
            let mut help = Help::new(CONTEXTS);
            help.palette = self.palette;
            help.render(body, frame.buffer_mut());
        }
    }
}
