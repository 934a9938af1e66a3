//! Keyword gates: a detector's regex runs only on the lines that hold one of
//! the words it cannot match without. One Aho-Corasick pass over the block
//! replaces a full regex scan, which is what keeps redaction fast on logs
//! where most lines hold nothing sensitive.

use std::borrow::Cow;
use std::ops::Range;

use crate::redact::dense::{DenseDfa, with_boundaries};
use crate::redact::engines::Groups;
use crate::redact::fasthash::FastMap;
use crate::redact::scan::{AnchoredPattern, Lines, Pattern, SearchedPattern};

/// One group of gate words and how a hit must sit.
pub(crate) struct GateWords<'w> {
    pub words: &'w [&'w str],
    pub case_insensitive: bool,
    /// A hit counts only where a word starts (the byte before is not a letter).
    pub word_start: bool,
    /// ... and only where it ends (the byte after is not a letter or digit).
    pub word_end: bool,
    /// Report every hit with its position and word rather than the lines holding one.
    pub positions: bool,
}

/// What one pass found: per group, the lines holding a word (line groups),
/// or every hit as (start, index of the word in its group) (position groups).
pub(crate) struct Gated {
    pub lines: Vec<Vec<Range<usize>>>,
    pub hits: Vec<Vec<(usize, usize)>>,
}

/// Several groups of gate words found in one automaton pass.
pub(crate) struct GateSet {
    dense: DenseDfa,
    /// The words the automaton was built from, for tests that rebuild it.
    #[cfg(test)]
    pub words: Vec<Vec<u8>>,
    /// What each match state of `dense` stands for: a range of `entries`.
    entries_of: Vec<Range<usize>>,
    entries: Vec<Entry>,
    groups: usize,
}

/// One word of one group that ends where a match state is reached.
struct Entry {
    len: usize,
    group: usize,
    word_index: usize,
    rule: GroupRule,
    /// As written, for groups that match case.
    word: Box<[u8]>,
}

#[derive(Clone, Copy)]
struct GroupRule {
    case_insensitive: bool,
    word_start: bool,
    word_end: bool,
    positions: bool,
}

impl GateSet {
    pub fn new(groups: &[GateWords<'_>]) -> Self {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut pattern_index: FastMap<Vec<u8>, usize> = FastMap::default();
        let mut owners: Vec<Vec<(usize, usize, Vec<u8>)>> = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for (wi, w) in group.words.iter().enumerate() {
                let lower = with_boundaries(&w.as_bytes().to_ascii_lowercase(), group.word_start);
                let idx = *pattern_index.entry(lower).or_insert_with_key(|lower| {
                    patterns.push(lower.clone());
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                owners[idx].push((g, wi, w.as_bytes().to_vec()));
            }
        }
        let dense = DenseDfa::written(&patterns).unwrap_or_else(|| DenseDfa::new(&patterns));
        let rules: Vec<GroupRule> = groups
            .iter()
            .map(|g| GroupRule {
                case_insensitive: g.case_insensitive,
                word_start: g.word_start,
                word_end: g.word_end,
                positions: g.positions,
            })
            .collect();
        // Resolved once here, so the scan looks at a flat list per match.
        let mut entries = Vec::new();
        let mut entries_of = Vec::new();
        for words in dense.match_words() {
            let first = entries.len();
            for &pid in words {
                for (group, word_index, word) in &owners[pid] {
                    entries.push(Entry {
                        len: word.len(),
                        group: *group,
                        word_index: *word_index,
                        rule: rules[*group],
                        word: word.clone().into_boxed_slice(),
                    });
                }
            }
            entries_of.push(first..entries.len());
        }
        GateSet {
            dense,
            #[cfg(test)]
            words: patterns,
            entries_of,
            entries,
            groups: groups.len(),
        }
    }

    /// For each group, the lines of `text` holding one of its words, in order, each once.
    #[cfg(test)]
    pub fn lines(&self, text: &[u8]) -> Vec<Vec<Range<usize>>> {
        self.scan(&Lines::new(text)).lines
    }

    /// One pass over `text` for every group.
    pub fn scan(&self, text_lines: &Lines<'_>) -> Gated {
        let text = text_lines.text;
        let n = self.groups;
        let mut lines: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
        let mut hits: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        // Matches arrive in order of their end, so the line of each is found
        // by walking forward from the last one's.
        let mut line = 0;
        for (e, m) in self.dense.matches(text) {
            for entry in &self.entries[self.entries_of[m].clone()] {
                let (s, g, rule) = (e - entry.len, entry.group, entry.rule);
                // The word-boundary checks first: they turn away most hits
                // of short words (`St`, `Am`) inside longer ones.
                if rule.word_start && s > 0 && text[s - 1].is_ascii_alphabetic() {
                    continue;
                }
                if rule.word_end && text.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                    continue;
                }
                if !rule.positions && lines[g].last().is_some_and(|l| s <= l.end) {
                    continue;
                }
                if !rule.case_insensitive && text[s..e] != entry.word[..] {
                    continue;
                }
                if rule.positions {
                    hits[g].push((s, entry.word_index));
                } else {
                    line = text_lines.line_from(line, s);
                    lines[g].push(text_lines.line_start(line)..text_lines.line_end(line));
                }
            }
        }
        for h in &mut hits {
            // Overlapping hits arrive in order of their end.
            if !h.is_sorted() {
                h.sort_unstable();
            }
        }
        Gated { lines, hits }
    }
}

/// The lines of two sets of lines (gate groups, a detector's own), each once, in order.
pub(crate) fn union<'a>(a: &'a [Range<usize>], b: &'a [Range<usize>]) -> Cow<'a, [Range<usize>]> {
    if b.is_empty() {
        return Cow::Borrowed(a);
    }
    if a.is_empty() {
        return Cow::Borrowed(b);
    }
    let mut all: Vec<Range<usize>> = a.iter().chain(b).cloned().collect();
    all.sort_by_key(|r| r.start);
    all.dedup_by_key(|r| r.start);
    Cow::Owned(all)
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

/// A pattern the helpers below run over lines, in either form: written
/// ahead ([`SearchedPattern`]), or compiled at first use ([`Pattern`]) where
/// the regex crate's search outruns it (a literal inside the pattern, as
/// the `+` of a phone, lets it skip to where a match may be).
pub(crate) trait LinePattern {
    fn each_captures<'h>(&self, line: &'h [u8], f: impl FnMut(&Groups<'h>));
    fn each_match(&self, line: &[u8], f: impl FnMut(Range<usize>));
}

impl LinePattern for SearchedPattern {
    fn each_captures<'h>(&self, line: &'h [u8], f: impl FnMut(&Groups<'h>)) {
        (**self).each_captures(line, f);
    }

    fn each_match(&self, line: &[u8], f: impl FnMut(Range<usize>)) {
        (**self).each_match(line, f);
    }
}

impl LinePattern for Pattern {
    fn each_captures<'h>(&self, line: &'h [u8], mut f: impl FnMut(&Groups<'h>)) {
        for c in self.captures_iter(line) {
            f(&Groups::of(line, c.iter().map(|g| g.map(|m| m.range()))));
        }
    }

    fn each_match(&self, line: &[u8], mut f: impl FnMut(Range<usize>)) {
        for m in self.find_iter(line) {
            f(m.range());
        }
    }
}

/// Runs `re` over each line; `f` gets the captures and the line's offset.
pub(crate) fn captures_in(
    re: &impl LinePattern,
    text: &[u8],
    lines: &[Range<usize>],
    mut f: impl FnMut(&Groups<'_>, usize),
) {
    for l in lines {
        re.each_captures(&text[l.clone()], |c| f(c, l.start));
    }
}

/// Runs `re` over each line; `f` gets each match's absolute range.
pub(crate) fn matches_in(
    re: &impl LinePattern,
    text: &[u8],
    lines: &[Range<usize>],
    mut f: impl FnMut(Range<usize>),
) {
    for l in lines {
        re.each_match(&text[l.clone()], |m| f(l.start + m.start..l.start + m.end));
    }
}

/// [`captures_in`] for a pattern anchored with `^`, tried at each position
/// of a line where `may_start(line, at)` holds, leftmost first, going on
/// after each match. Anchored, a lazy DFA follows one walk from one start:
/// unanchored, a pattern that opens with a name (Unicode classes) or with
/// many intros keeps every partial match in flight in each state, and builds
/// states without end on varied prose. `f` gets the captures and the offset
/// of the try's start; it says whether the match is taken (the search goes
/// on after it) or not (the search goes on from the next byte).
pub(crate) fn anchored_captures_in(
    re: &AnchoredPattern,
    text: &[u8],
    lines: &[Range<usize>],
    may_start: impl Fn(&[u8], usize) -> bool,
    mut f: impl FnMut(&Groups<'_>, usize) -> bool,
) {
    anchored_tries(text, lines, may_start, |rest, offset| {
        // Most tries fail; asking first spares them the groups' search.
        if !re.is_match(rest) {
            return None;
        }
        let c = re.captures(rest)?;
        f(&c, offset).then(|| c.get(0).map_or(0, |m| m.end()))
    });
}

/// [`matches_in`] for a pattern anchored with `^`, tried as
/// [`anchored_captures_in`] tries its pattern; every match is taken.
/// `may_start` must hold wherever the unanchored pattern could start a
/// match: then the matches are the same, found leftmost first.
pub(crate) fn anchored_matches_in(
    re: &AnchoredPattern,
    text: &[u8],
    lines: &[Range<usize>],
    may_start: impl Fn(&[u8], usize) -> bool,
    mut f: impl FnMut(Range<usize>),
) {
    anchored_tries(text, lines, may_start, |rest, offset| {
        let end = re.find_end(rest)?;
        f(offset..offset + end);
        Some(end)
    });
}

/// The walk both anchored searches share: `try_at(rest of the line, its
/// offset in text)` at each position `may_start` allows, going on after
/// the match it took (the length it returns) or from the next byte.
fn anchored_tries(
    text: &[u8],
    lines: &[Range<usize>],
    may_start: impl Fn(&[u8], usize) -> bool,
    mut try_at: impl FnMut(&[u8], usize) -> Option<usize>,
) {
    for l in lines {
        let line = &text[l.clone()];
        let mut at = 0;
        while at < line.len() {
            if !may_start(line, at) {
                at += 1;
                continue;
            }
            at += try_at(&line[at..], l.start + at).map_or(1, |taken| taken.max(1));
        }
    }
}

/// Whether the character before `at` is a blank, Unicode's included (a
/// no-break space), as `\s` reads it.
pub(crate) fn follows_blank(line: &[u8], at: usize) -> bool {
    let before = line[at - 1];
    if before.is_ascii() {
        return before.is_ascii_whitespace() || before == b'\x0b';
    }
    let from = at.saturating_sub(4);
    (from..at)
        .find_map(|s| std::str::from_utf8(&line[s..at]).ok())
        .and_then(|c| c.chars().next_back())
        .is_some_and(char::is_whitespace)
}

/// Where an ASCII word starts: `(?-u:\b)` before a letter or digit.
pub(crate) fn ascii_word_start(line: &[u8], at: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    word(line[at]) && (at == 0 || !word(line[at - 1]))
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
                positions: false,
            },
            GateWords {
                words: &["St", "call"],
                case_insensitive: false,
                word_start: true,
                word_end: true,
                positions: false,
            },
        ]);
        let text = b"nothing here\nPhone: 1 call me\nrecall this\nlast St\nStatus";
        let lines = g.lines(text);
        assert_eq!(lines[0], vec![13..29]);
        assert_eq!(lines[1], vec![13..29, 42..49]);
        assert_eq!(lines_with(b"a@b\nno\nc@d@e", b'@'), vec![0..3, 7..12]);
    }
}
