//! The original evidence and where each of its lines starts, so any line is
//! found in constant time however large the text.

/// Original bytes plus line starts. A line excludes its `\n` and a `\r`
/// before it; other bytes are shown as they are (made visible when control).
pub struct Document {
    text: Vec<u8>,
    /// Byte offset of every line's start; one entry per line.
    starts: Vec<usize>,
}

impl Document {
    pub fn new(text: Vec<u8>) -> Document {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', &text).map(|i| i + 1));
        // A final newline ends the last line; it does not start an empty one.
        if starts.len() > 1 && starts.last() == Some(&text.len()) {
            starts.pop();
        }
        Document { text, starts }
    }

    pub fn text(&self) -> &[u8] {
        &self.text
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `index` (0-based), without its line ending.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.starts[index];
        let next = self
            .starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        let mut end = next;
        if end > start && self.text[end - 1] == b'\n' {
            end -= 1;
            if end > start && self.text[end - 1] == b'\r' {
                end -= 1;
            }
        }
        start..end
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(doc: &Document) -> Vec<&[u8]> {
        (0..doc.line_count())
            .map(|i| &doc.text()[doc.line_range(i)])
            .collect()
    }

    #[test]
    fn lines_drop_their_endings_and_keep_everything_else() {
        let doc = Document::new(b"a\r\nb\rc\n\nlast".to_vec());
        assert_eq!(lines(&doc), [&b"a"[..], b"b\rc", b"", b"last"]);
        assert_eq!(doc.line_of(0), 0);
        assert_eq!(doc.line_of(3), 1);
        assert_eq!(doc.line_of(9), 3);
    }

    #[test]
    fn a_final_newline_does_not_add_a_line() {
        assert_eq!(Document::new(b"a\nb\n".to_vec()).line_count(), 2);
        assert_eq!(Document::new(b"\n".to_vec()).line_count(), 1);
        assert_eq!(Document::new(Vec::new()).line_count(), 1);
    }
}
