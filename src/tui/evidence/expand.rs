//! Turns evidence bytes into terminal cells: tabs expanded, control and
//! invisible characters made visible, invalid UTF-8 shown as `\xNN`, widths
//! by grapheme cluster (as ratatui draws them), and a horizontal window cut
//! out without ever splitting a wide character across the edge.
//!
//! Work is bounded by the window: a line is only read as far as its last
//! visible column, so a megabyte-long line costs no more than a short one.

use std::ops::ControlFlow;

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const TAB_WIDTH: usize = 8;

/// A run of evidence bytes drawn in one style.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    pub bytes: &'a [u8],
    pub style: Style,
}

enum Glyph<'a> {
    /// A grapheme cluster and the cells it takes.
    Text(&'a str, usize),
    /// Blank cells: an expanded tab.
    Blank(usize),
    /// A visible stand-in, one cell per character, drawn dimmed.
    Picture(String),
}

/// Cells of a grapheme cluster, as ratatui counts them: unicode-width, plus
/// the halfwidth sound marks terminals draw in a cell of their own.
fn cluster_width(cluster: &str) -> usize {
    let marks = cluster
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    cluster.width() + marks
}

/// The stand-in for a cluster that would draw nothing or move the cursor.
fn picture(cluster: &str) -> Option<String> {
    let mut chars = cluster.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match c {
        '\0'..='\x1f' => Some(format!("^{}", char::from(c as u8 + 0x40))),
        '\x7f' => Some("^?".into()),
        '\u{80}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Some(format!("<U+{:04X}>", c as u32)),
        _ => None,
    }
}

/// Calls `visit` with each glyph of `pieces` until it breaks.
fn glyphs<'a>(pieces: &[Piece<'a>], mut visit: impl FnMut(Glyph<'a>, Style) -> ControlFlow<()>) {
    let mut column = 0usize;
    for piece in pieces {
        for chunk in piece.bytes.utf8_chunks() {
            for cluster in chunk.valid().graphemes(true) {
                let glyph = if cluster == "\t" {
                    Glyph::Blank(TAB_WIDTH - column % TAB_WIDTH)
                } else if let Some(picture) = picture(cluster) {
                    Glyph::Picture(picture)
                } else {
                    match cluster_width(cluster) {
                        0 => continue,
                        width => Glyph::Text(cluster, width),
                    }
                };
                column += glyph_width(&glyph);
                if visit(glyph, piece.style).is_break() {
                    return;
                }
            }
            for byte in chunk.invalid() {
                let glyph = Glyph::Picture(format!("\\x{byte:02X}"));
                column += glyph_width(&glyph);
                if visit(glyph, piece.style).is_break() {
                    return;
                }
            }
        }
    }
}

fn glyph_width(glyph: &Glyph<'_>) -> usize {
    match glyph {
        Glyph::Text(_, width) | Glyph::Blank(width) => *width,
        Glyph::Picture(p) => p.len(),
    }
}

/// Display width of `pieces`, counted no further than `cap`.
pub fn display_width(pieces: &[Piece<'_>], cap: usize) -> usize {
    let mut width = 0;
    glyphs(pieces, |glyph, _| {
        width += glyph_width(&glyph);
        if width >= cap {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    width
}

/// Draws the columns `skip..skip + width` of `pieces` at (`x`, `y`).
pub fn draw_line(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    width: u16,
    skip: usize,
    pieces: &[Piece<'_>],
) {
    let mut cells = Cells {
        buf,
        x,
        y,
        left: skip,
        right: skip + usize::from(width),
        column: 0,
    };
    glyphs(pieces, |glyph, style| {
        match glyph {
            Glyph::Text(cluster, width) => cells.put(cluster, width, style),
            Glyph::Blank(width) => {
                for _ in 0..width {
                    cells.put(" ", 1, style);
                }
            }
            Glyph::Picture(picture) => {
                let style = style.add_modifier(Modifier::DIM);
                for c in picture.chars() {
                    cells.put(c.encode_utf8(&mut [0; 4]), 1, style);
                }
            }
        }
        if cells.column >= cells.right {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
}

/// The window of one row being drawn.
struct Cells<'b> {
    buf: &'b mut Buffer,
    x: u16,
    y: u16,
    /// First and one-past-last visible text column.
    left: usize,
    right: usize,
    /// Text column of the next glyph.
    column: usize,
}

impl Cells<'_> {
    fn put(&mut self, symbol: &str, width: usize, style: Style) {
        let start = self.column;
        self.column += width;
        if self.column <= self.left || start >= self.right {
            return;
        }
        let whole = start >= self.left && self.column <= self.right;
        for col in start.max(self.left)..self.column.min(self.right) {
            let Ok(offset) = u16::try_from(col - self.left) else {
                return;
            };
            let Some(cell) = self.buf.cell_mut((self.x.saturating_add(offset), self.y)) else {
                continue;
            };
            if !whole {
                // A wide character cut by the edge: its visible half stays blank.
                cell.set_symbol(" ").set_style(style);
            } else if col == start {
                cell.set_symbol(symbol).set_style(style);
            } else {
                // Hidden under the wide character to its left.
                cell.reset();
            }
        }
    }
}

#[cfg(test)]
mod tests;
