//! Colours, and what stands in for them when `NO_COLOR` is set: every
//! distinction a colour makes is also made by a symbol or a modifier.

use ratatui::style::{Color, Modifier, Style};

use crate::redact::Category;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub color: bool,
}

impl Default for Palette {
    fn default() -> Self {
        Palette { color: true }
    }
}

impl Palette {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Palette {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette { color: !no_color }
    }

    pub const MONOCHROME: Palette = Palette { color: false };

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A finding of this category: colour and underline (the underline alone
    /// still marks it without colour; the gutter symbol says which category).
    pub fn finding(&self, category: Category) -> Style {
        let color = match category {
            Category::ProviderKey => Color::Magenta,
            Category::Credential => Color::Red,
            Category::Payment => Color::Yellow,
            Category::Customer => Color::Cyan,
        };
        self.fg(color).add_modifier(Modifier::UNDERLINED)
    }

    /// A value the operator chose to keep: it leaves the machine as is.
    pub fn kept(&self) -> Style {
        self.fg(Color::Green)
            .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED)
    }

    /// The finding the review is on.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Expanded tabs, control pictures, line numbers.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn focused_border(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
