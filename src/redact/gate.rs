//! Keyword gates: a detector's regex runs only on the lines that hold one of
//! the words it cannot match without. One Aho-Corasick pass over the block
//! replaces a full regex scan, which is what keeps redaction fast on logs
//! where most lines hold nothing sensitive.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::bytes::{Captures, Regex};

/// One group of gate words and how a hit must sit.
pub(crate) struct GateWords<'w> {
    pub words: &'w [&'w str],
    pub case_insensitive: bool,
    /// A hit counts only where a word starts (the byte before is not a letter).
    pub word_start: bool,
    /// ... and only where it ends (the byte after is not a letter or digit).
    pub word_end: bool,
}

/// Several groups of gate words found in one automaton pass.
pub(crate) struct GateSet {
    automaton: AhoCorasick,
    /// For each automaton pattern: (group, the word as written) of every group holding it.
    owners: Vec<Vec<(usize, Vec<u8>)>>,
    /// Per group: case-insensitive, word start, word end.
    rules: Vec<(bool, bool, bool)>,
}

impl GateSet {
    pub fn new(groups: &[GateWords<'_>]) -> Self {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<(usize, Vec<u8>)>> = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for w in group.words {
                let lower = w.as_bytes().to_ascii_lowercase();
                let idx = match patterns.iter().position(|p| *p == lower) {
                    Some(i) => i,
                    None => {
                        patterns.push(lower);
                        owners.push(Vec::new());
                        patterns.len() - 1
                    }
                };
                owners[idx].push((g, w.as_bytes().to_vec()));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gate words build");
        GateSet {
            automaton,
            owners,
            rules: groups
                .iter()
                .map(|g| (g.case_insensitive, g.word_start, g.word_end))
                .collect(),
        }
    }

    /// For each group, the lines of `text` holding one of its words, in order, each once.
    pub fn lines(&self, text: &[u8]) -> Vec<Vec<Range<usize>>> {
        let mut out: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.rules.len()];
        for m in self.automaton.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            for (g, word) in &self.owners[m.pattern().as_usize()] {
                let (ci, word_start, word_end) = self.rules[*g];
                if out[*g].last().is_some_and(|l| s <= l.end) {
                    continue;
                }
                if !ci && text[s..e] != word[..] {
                    continue;
                }
                if word_start && s > 0 && text[s - 1].is_ascii_alphabetic() {
                    continue;
                }
                if word_end && text.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                    continue;
                }
                out[*g].push(line_around(text, s));
            }
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
        let g = GateSet::new(&[
            GateWords {
                words: &["phone", "call"],
                case_insensitive: true,
                word_start: true,
                word_end: false,
            },
            GateWords {
                words: &["St", "call"],
                case_insensitive: false,
                word_start: true,
                word_end: true,
            },
        ]);
        let text = b"nothing here\nPhone: 1 call me\nrecall this\nlast St\nStatus";
        let lines = g.lines(text);
        assert_eq!(lines[0], vec![13..29]);
        assert_eq!(lines[1], vec![13..29, 42..49]);
        assert_eq!(lines_with(b"a@b\nno\nc@d@e", b'@'), vec![0..3, 7..12]);
    }
}
