//! One text field type for every form: single-line or multi-line, over
//! `ratatui-textarea`, with a title, a focus style, an inline message slot
//! and the terminal cursor placed by display width.
//!
//! Pasted text is inserted as typed, never interpreted: a pasted newline is
//! text, not Enter. In a multi-line field line breaks are kept (a bare `\r`,
//! which many terminals send for a pasted line break, becomes `\n`). A
//! single-line field cannot hold a line break, so each one becomes a single
//! space, trailing ones are dropped, and the field says so below itself.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::TextArea;

use super::style::Palette;

/// What a pasted line break turned into in a single-line field.
pub const JOINED_LINES_NOTICE: &str = "pasted line breaks became spaces";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Single,
    Multi,
}

pub struct TextField {
    editor: TextArea<'static>,
    lines: Lines,
    title: String,
    error: Option<String>,
    notice: Option<String>,
    focused: bool,
    palette: Palette,
}

impl TextField {
    pub fn single(title: impl Into<String>) -> TextField {
        TextField::new(title.into(), Lines::Single)
    }

    pub fn multi(title: impl Into<String>) -> TextField {
        TextField::new(title.into(), Lines::Multi)
    }

    fn new(title: String, lines: Lines) -> TextField {
        let mut editor = TextArea::default();
        configure(&mut editor, lines);
        let mut field = TextField {
            editor,
            lines,
            title,
            error: None,
            notice: None,
            focused: true,
            palette: Palette::from_env(),
        };
        field.set_focused(true);
        field
    }

    pub fn with_palette(mut self, palette: Palette) -> TextField {
        self.palette = palette;
        self
    }

    pub fn with_value(mut self, value: &str) -> TextField {
        self.set_value(value);
        self
    }

    pub fn with_placeholder(mut self, text: impl Into<String>) -> TextField {
        self.editor.set_placeholder_text(text);
        self
    }

    pub fn lines(&self) -> Lines {
        self.lines
    }

    /// The text, lines joined with `\n`.
    pub fn value(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.editor.is_empty()
    }

    /// Replaces the text (a draft restored, a value pre-filled); the cursor
    /// goes to the end. Line breaks in a single-line field become spaces.
    pub fn set_value(&mut self, value: &str) {
        let value = match self.lines {
            Lines::Multi => normalize_line_breaks(value),
            Lines::Single => join_lines(value).0,
        };
        let mut editor = TextArea::new(value.split('\n').map(str::to_owned).collect());
        configure(&mut editor, self.lines);
        editor.set_placeholder_text(self.editor.placeholder_text().to_owned());
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        self.editor = editor;
        let focused = self.focused;
        self.set_focused(focused);
        self.notice = None;
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// The inline message under the field: why the value is refused.
    pub fn set_error(&mut self, error: Option<String>) {
        self.error = error;
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Sets the note under the field (a restored draft, where a value came
    /// from); the next edit clears it.
    pub fn set_notice(&mut self, notice: Option<String>) {
        self.notice = notice;
    }

    /// A note about the last paste, cleared by the next edit.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn focused(&self) -> bool {
        self.focused
    }

    pub fn set_focused(&mut self, focused: bool) {
        // Unfocused, a long text shows its head (the "PHP Fatal error" line,
        // not the end of the stack); focused again, the cursor is at the end.
        if focused != self.focused {
            use ratatui_textarea::CursorMove;
            let (rows, cols) = if focused {
                (CursorMove::Bottom, CursorMove::End)
            } else {
                (CursorMove::Top, CursorMove::Head)
            };
            self.editor.move_cursor(rows);
            self.editor.move_cursor(cols);
        }
        self.focused = focused;
        let cursor = if focused {
            Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            Style::new()
        };
        self.editor.set_cursor_style(cursor);
    }

    /// Edits with a key press (from [`super::keymap::key_press`], which
    /// drops releases). Enter is not text in a single-line field (the form
    /// decides what it means), so it changes nothing there, nor does Tab.
    /// Returns whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        if self.lines == Lines::Single && is_line_break_or_tab(&key) {
            return false;
        }
        let changed = match readline(&key) {
            Some(edit) => self.readline_edit(edit),
            None => self.editor.input(key),
        };
        if changed {
            self.notice = None;
            self.error = None;
        }
        changed
    }

    /// Carries out a readline key; returns whether the text changed.
    fn readline_edit(&mut self, edit: Readline) -> bool {
        use ratatui_textarea::CursorMove;
        let moved = |editor: &mut TextArea<'static>, to: CursorMove| {
            editor.move_cursor(to);
            false
        };
        match edit {
            Readline::KillToStart => self.editor.delete_line_by_head(),
            Readline::KillToEnd => self.editor.delete_line_by_end(),
            Readline::KillWordBack => self.editor.delete_word(),
            Readline::LineStart => moved(&mut self.editor, CursorMove::Head),
            Readline::LineEnd => moved(&mut self.editor, CursorMove::End),
            Readline::WordBack => moved(&mut self.editor, CursorMove::WordBack),
            Readline::WordForward => moved(&mut self.editor, CursorMove::WordForward),
        }
    }

    /// Inserts pasted text at the cursor, as text. Returns whether anything was inserted.
    pub fn paste(&mut self, text: &str) -> bool {
        let (text, joined) = match self.lines {
            Lines::Multi => (normalize_line_breaks(text), false),
            Lines::Single => join_lines(text),
        };
        let changed = self.editor.insert_str(&text);
        self.error = None;
        self.notice = joined.then(|| JOINED_LINES_NOTICE.to_owned());
        changed
    }

    fn block(&self) -> Block<'_> {
        let border = if self.focused {
            self.palette.focused_border()
        } else {
            self.palette.dim()
        };
        let mut block = Block::bordered()
            .border_style(border)
            .title(Line::raw(format!(" {} ", self.title)));
        if let Some(error) = &self.error {
            block = block.title_bottom(Line::styled(format!(" ✗ {error} "), self.palette.error()));
        } else if let Some(notice) = &self.notice {
            block =
                block.title_bottom(Line::styled(format!(" ℹ {notice} "), self.palette.notice()));
        }
        block
    }

    /// Where the terminal cursor belongs after the field was rendered in
    /// `area`, counted in display cells (wide characters take two). `None`
    /// when unfocused or when the cursor is scrolled out of the area.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        if !self.focused {
            return None;
        }
        let inner = self.block().inner(area);
        let screen = self.editor.screen_cursor();
        let (top_row, top_col) = self.editor.scroll_offset();
        let row = u16::try_from(screen.row).ok()?.checked_sub(top_row)?;
        let col = u16::try_from(screen.col).ok()?.checked_sub(top_col)?;
        let position = Position::new(inner.x.checked_add(col)?, inner.y.checked_add(row)?);
        inner.contains(position).then_some(position)
    }

    /// Rows the field wants: one line of text, or `text_rows` of them, plus borders.
    pub fn height(&self, text_rows: u16) -> u16 {
        match self.lines {
            Lines::Single => 3,
            Lines::Multi => text_rows.max(1) + 2,
        }
    }
}

impl Widget for &TextField {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let block = self.block();
        let inner = block.inner(area);
        block.render(area, buf);
        if !inner.is_empty() {
            (&self.editor).render(inner, buf);
        }
    }
}

/// What every editor of a field is set to, new or refilled.
fn configure(editor: &mut TextArea<'static>, lines: Lines) {
    // A pasted or typed tab stays a tab: error text is kept as written.
    editor.set_hard_tab_indent(true);
    editor.set_cursor_line_style(Style::new());
    // A long line of a pasted error wraps, between words where it can:
    // scrolled sideways, its start (the part that says what failed) was
    // out of sight while typing. One line stays one line.
    if lines == Lines::Multi {
        editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    }
}

/// The readline keys operators' fingers know, in every text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Readline {
    KillToStart,
    KillToEnd,
    KillWordBack,
    LineStart,
    LineEnd,
    WordBack,
    WordForward,
}

fn readline(key: &KeyEvent) -> Option<Readline> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match (ctrl, alt, c.to_ascii_lowercase()) {
        (true, false, 'u') => Readline::KillToStart,
        (true, false, 'k') => Readline::KillToEnd,
        (true, false, 'w') => Readline::KillWordBack,
        (true, false, 'a') => Readline::LineStart,
        (true, false, 'e') => Readline::LineEnd,
        (false, true, 'b') => Readline::WordBack,
        (false, true, 'f') => Readline::WordForward,
        _ => return None,
    })
}

fn is_line_break_or_tab(key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    matches!(
        key.code,
        KeyCode::Enter | KeyCode::Tab | KeyCode::Char('\n' | '\r')
    ) || (ctrl && key.code == KeyCode::Char('m'))
}

/// `\r\n` and a bare `\r` become `\n`.
fn normalize_line_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Line breaks become single spaces; trailing ones go. Returns whether any was replaced.
fn join_lines(text: &str) -> (String, bool) {
    let normalized = normalize_line_breaks(text);
    let trimmed = normalized.trim_end_matches('\n');
    let joined = trimmed.replace('\n', " ");
    (joined, normalized.contains('\n'))
}

#[cfg(test)]
mod tests;
