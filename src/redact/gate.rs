//! Keyword gates: a detector's regex runs only on the lines that hold one of
//! the words it cannot match without. One Aho-Corasick pass over the block
//! replaces a full regex scan, which is what keeps redaction fast on logs
//! where most lines hold nothing sensitive.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use regex::bytes::{Captures, Regex};

pub(crate) struct Gate {
    automaton: AhoCorasick,
    /// A hit counts only where a word starts (the byte before is not a letter).
    word_start: bool,
}

impl Gate {
    pub fn new(words: &[&str], case_insensitive: bool, word_start: bool) -> Self {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(case_insensitive)
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("gate words build");
        Gate {
            automaton,
            word_start,
        }
    }

    /// The lines of `text` holding a gate word, in order, each once.
    pub fn lines(&self, text: &[u8]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.automaton.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            if self.word_start && m.start() > 0 && text[m.start() - 1].is_ascii_alphabetic() {
                pos = m.start() + 1;
                continue;
            }
            let line = line_around(text, m.start());
            // One hit is enough: skip the rest of the line.
            pos = line.end + 1;
            out.push(line);
        }
        out
    }
}

/// The line holding `pos`, without its newline.
pub(crate) fn line_around(text: &[u8], pos: usize) -> Range<usize> {
    let start = memchr::memrchr(b'\n', &text[..pos]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &text[pos..]).map_or(text.len(), |p| pos + p);
    start..end
}

/// The lines holding `byte`.
pub(crate) fn lines_with(text: &[u8], byte: u8) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    while let Some(p) = memchr::memchr(byte, &text[pos..]) {
        let line = line_around(text, pos + p);
        pos = line.end + 1;
        out.push(line);
        if pos >= text.len() {
            break;
        }
    }
    out
}

/// Runs `re` over each line; `f` gets the captures and the line's offset.
pub(crate) fn captures_in(
    re: &Regex,
    text: &[u8],
    lines: &[Range<usize>],
    mut f: impl FnMut(&Captures<'_>, usize),
) {
    for l in lines {
        for c in re.captures_iter(&text[l.clone()]) {
            f(&c, l.start);
        }
    }
}

/// Runs `re` over each line; `f` gets each match's absolute range.
pub(crate) fn matches_in(
    re: &Regex,
    text: &[u8],
    lines: &[Range<usize>],
    mut f: impl FnMut(Range<usize>),
) {
    for l in lines {
        for m in re.find_iter(&text[l.clone()]) {
            f(l.start + m.start()..l.start + m.end());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_pick_lines_once() {
        let g = Gate::new(&["phone", "call"], true, true);
        let text = b"nothing here\nPhone: 1 call me\nrecall this\nlast";
        let lines = g.lines(text);
        assert_eq!(lines, vec![13..29]);
        assert_eq!(lines_with(b"a@b\nno\nc@d@e", b'@'), vec![0..3, 7..12]);
    }
}
