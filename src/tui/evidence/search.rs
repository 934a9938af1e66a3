//! `/` in the review: find text in the original, or a placeholder, and
//! bring it on screen. Enter on an empty prompt finds the next match.

use super::state::{EvidenceView, Prompt, PromptKind};
use crate::tui::text_field::TextField;

impl EvidenceView {
    pub(super) fn start_search(&mut self) {
        let title = match &self.last_search {
            Some(q) => format!("Search — Enter on empty finds the next {q:?}"),
            None => "Search the text or a placeholder ([EMAIL_2])".to_string(),
        };
        let field = TextField::single(title).with_palette(self.palette);
        self.prompt = Some(Prompt {
            kind: PromptKind::Search,
            field,
        });
    }

    /// Finds `query` (or the last one) after the last match, wrapping once.
    pub(super) fn search(&mut self, query: &str) {
        let query = if query.is_empty() {
            match self.last_search.clone() {
                Some(q) => q,
                None => {
                    self.message = Some("Type something to search for.".into());
                    return;
                }
            }
        } else {
            query.to_string()
        };
        self.last_search = Some(query.clone());
        // A placeholder names a finding: go to it.
        if let Some(index) = self
            .findings
            .iter()
            .position(|f| f.placeholder.eq_ignore_ascii_case(&query))
        {
            self.go_to(index);
            self.message = Some(format!(
                "{query}: the finding on line {}.",
                self.findings[index].line
            ));
            return;
        }
        let text = self.doc.text();
        let from = self
            .search_at
            .unwrap_or_else(|| self.doc.line_range(self.top.get()).start);
        let found = find_folded(text, query.as_bytes(), from)
            .map(|at| (at, false))
            .or_else(|| find_folded(text, query.as_bytes(), 0).map(|at| (at, true)));
        let Some((at, wrapped)) = found else {
            self.search_at = None;
            self.message = Some(format!("{query:?} is not in this text."));
            return;
        };
        self.search_at = Some(at + 1);
        let line = self.doc.line_of(at);
        if !self.is_shown(line) {
            self.top.set(self.top_for(line));
        }
        let column = String::from_utf8_lossy(&text[self.doc.line_range(line).start..at])
            .chars()
            .count();
        let cols = self.viewport.get().cols.max(1);
        if !self.wrap
            && (column < self.hscroll || column + query.chars().count() > self.hscroll + cols)
        {
            self.hscroll = column.saturating_sub(cols / 4);
        }
        let again = if wrapped { " (from the top)" } else { "" };
        self.message = Some(format!(
            "{query:?} on line {}{again} — / then Enter finds the next.",
            line + 1
        ));
    }
}

/// The first match of `needle` in `hay` at or after `from`, ignoring ASCII case.
fn find_folded(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_ignores_case_and_starts_where_asked() {
        let hay = b"Order 1 failed; ORDER 2 failed";
        assert_eq!(find_folded(hay, b"order", 0), Some(0));
        assert_eq!(find_folded(hay, b"order", 1), Some(16));
        assert_eq!(find_folded(hay, b"order", 17), None);
        assert_eq!(find_folded(hay, b"", 0), None);
    }
}
