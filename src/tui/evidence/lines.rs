//! Which lines are on screen. Long lines wrap by default: each line takes
//! the rows its longer side needs, on both panes, so original and redacted
//! stay line for line. `w` turns wrapping off, for sideways scrolling.

use std::ops::Range;

use super::expand::display_width;
use super::render::Side;
use super::state::{EvidenceView, Viewport};

/// Rows one wrapped line may take; a longer one ends in its last row.
pub(super) const MAX_WRAPPED_ROWS: usize = 40;

impl EvidenceView {
    /// Rows `line` takes at `width` text columns: one, unless lines wrap.
    pub(super) fn line_rows(&self, line: usize, width: usize) -> usize {
        if !self.wrap || width == 0 {
            return 1;
        }
        let cap = width * MAX_WRAPPED_ROWS;
        let widest = [Side::Original, Side::Redacted]
            .into_iter()
            .filter_map(|side| self.segments(line, side))
            .map(|segments| display_width(&self.pieces(&segments), cap))
            .max()
            .unwrap_or(0);
        widest.div_ceil(width).clamp(1, MAX_WRAPPED_ROWS)
    }

    /// The lines on screen from `top`, and whether the last one is cut at
    /// the bottom of the panes.
    pub(super) fn shown_from(&self, top: usize) -> (Range<usize>, bool) {
        let Viewport { rows, cols } = self.viewport.get();
        let rows = rows.max(1);
        let count = self.doc.line_count();
        if !self.wrap {
            return (top..(top + rows).min(count), false);
        }
        let (mut used, mut line) = (0, top);
        while line < count && used < rows {
            used += self.line_rows(line, cols);
            line += 1;
        }
        (top..line, used > rows)
    }

    /// The lines on screen now.
    pub(super) fn shown(&self) -> (Range<usize>, bool) {
        self.shown_from(self.top.get())
    }

    /// Whether `line` is whole on screen.
    pub(super) fn is_shown(&self, line: usize) -> bool {
        let (range, cut) = self.shown();
        range.contains(&line) && !(cut && line + 1 == range.end)
    }

    /// The first line to show so that `line` sits about a third down the
    /// panes, counting the rows each line above it takes.
    pub(super) fn top_for(&self, line: usize) -> usize {
        self.first_line_above(line, self.viewport.get().rows.max(1) / 3)
    }

    /// Walking up from the line before `end`, the first line such that the
    /// lines from it to `end` take no more than `budget` rows.
    pub(super) fn first_line_above(&self, end: usize, budget: usize) -> usize {
        let cols = self.viewport.get().cols;
        let (mut top, mut used) = (end, 0);
        while top > 0 {
            let above = self.line_rows(top - 1, cols);
            if used + above > budget {
                break;
            }
            used += above;
            top -= 1;
        }
        top
    }
}
