//! Area helpers that never hand out a rectangle outside the one given, so a
//! shrinking terminal cannot index outside the buffer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The smallest area a view can draw in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinSize {
    pub width: u16,
    pub height: u16,
}

impl MinSize {
    pub fn fits(self, area: Rect) -> bool {
        area.width >= self.width && area.height >= self.height
    }
}

/// Draws "terminal too small" in `area` and returns true when `area` is
/// smaller than `min`; the caller then draws nothing else.
pub fn too_small(area: Rect, buf: &mut Buffer, min: MinSize) -> bool {
    if min.fits(area) {
        return false;
    }
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
            }
        }
    }
    let text = vec![
        Line::styled(
            "Terminal too small",
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::raw(format!(
            "{}×{} here; needs {}×{}.",
            area.width, area.height, min.width, min.height
        )),
        Line::raw("Enlarge the window or make the font smaller."),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
    true
}

/// A `width`×`height` rectangle centred in `area`, shrunk to fit inside it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centered_never_leaves_the_area() {
        let area = Rect::new(3, 2, 10, 4);
        let inner = centered(area, 40, 40);
        assert_eq!(inner, area);
        let small = centered(area, 4, 2);
        assert_eq!(small, Rect::new(6, 3, 4, 2));
    }

    #[test]
    fn too_small_draws_the_message_only_below_the_minimum() {
        let min = MinSize {
            width: 20,
            height: 5,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 19, 5));
        assert!(too_small(buf.area, &mut buf, min));
        let first_row: String = (0..19).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(first_row.starts_with("Terminal too small"), "{first_row:?}");

        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 5));
        assert!(!too_small(buf.area, &mut buf, min));
        assert_eq!(buf[(0, 0)].symbol(), " ");
    }
}
