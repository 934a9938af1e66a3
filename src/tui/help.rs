//! The `?` popup and the footer, both drawn from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::keymap::{Context, footer_items, help_sections};
use super::layout::centered;
use super::style::Palette;

/// The help popup for the contexts active under it, most specific first.
#[derive(Debug, Clone, Copy)]
pub struct Help<'a> {
    pub contexts: &'a [Context],
    /// First line shown; the caller clamps it with [`Help::line_count`].
    pub scroll: u16,
    pub palette: Palette,
}

impl<'a> Help<'a> {
    pub fn new(contexts: &'a [Context]) -> Help<'a> {
        Help {
            contexts,
            scroll: 0,
            palette: Palette::from_env(),
        }
    }

    fn lines(&self) -> Vec<Line<'static>> {
        let sections = help_sections(self.contexts);
        let key_width = sections
            .iter()
            .flat_map(|(_, entries)| entries.iter().map(|e| e.keys.width()))
            .max()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for (i, (context, entries)) in sections.into_iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                context.title(),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            for entry in entries {
                let pad = key_width - entry.keys.width();
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(entry.keys, self.palette.key()),
                    Span::raw(" ".repeat(pad + 2)),
                    Span::raw(entry.help),
                ]));
            }
        }
        lines
    }

    pub fn line_count(&self) -> u16 {
        u16::try_from(self.lines().len()).unwrap_or(u16::MAX)
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let lines = self.lines();
        let content_width = lines.iter().map(Line::width).max().unwrap_or(0);
        let width = u16::try_from(content_width + 4).unwrap_or(u16::MAX);
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let popup = centered(area, width, height);
        if popup.is_empty() {
            return;
        }
        Clear.render(popup, buf);
        let block = Block::bordered()
            .title(Line::raw(" Keys "))
            .title_bottom(Line::raw(" Esc or ? closes ").right_aligned());
        Paragraph::new(lines)
            .block(block)
            .scroll((self.scroll, 0))
            .render(popup, buf);
    }
}

/// One line of `key word` pairs for the active contexts, cut to fit.
#[derive(Debug, Clone, Copy)]
pub struct Footer<'a> {
    pub contexts: &'a [Context],
    pub palette: Palette,
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let mut spans = Vec::new();
        let mut seen = Vec::new();
        // One key per word: F1 and ? both say "help" where both work.
        let items = footer_items(self.contexts).into_iter().filter(|(_, word)| {
            let fresh = !seen.contains(word);
            seen.push(*word);
            fresh
        });
        // Whole items only: a key cut in half ("? h") tells nothing. Help
        // comes first when space is short, since it lists all the others.
        let mut items: Vec<(String, &str)> = items.collect();
        if let Some(at) = items.iter().position(|(_, word)| *word == "help") {
            let help = items.remove(at);
            items.insert(0, help);
        }
        let mut used = 0usize;
        let width = usize::from(area.width);
        let mut shown = Vec::new();
        for (key, word) in items {
            let len = key.width() + 1 + word.width() + if shown.is_empty() { 0 } else { 3 };
            if used + len > width {
                break;
            }
            used += len;
            shown.push((key, word));
        }
        // Help goes back to the end, where it is looked for, once all fit.
        if shown.len() > 1 && shown[0].1 == "help" {
            let help = shown.remove(0);
            shown.push(help);
        }
        for (i, (key, word)) in shown.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", self.palette.dim()));
            }
            spans.push(Span::styled(key, self.palette.key()));
            spans.push(Span::raw(format!(" {word}")));
        }
        Line::from(spans).render(area, buf);
    }
}
