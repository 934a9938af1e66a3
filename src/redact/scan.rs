//! Candidates, the line index of a block of text, and overlap resolution.
//!
//! Detectors work on a block of whole lines (all of a pasted field, or a 64 KiB
//! chunk of a stream) so each regex and the keyword automaton run once per block
//! rather than once per line. Every span they report stays inside one line:
//! redaction never adds or removes a line.

use regex::bytes::Regex;

use super::Kind;
use super::byteclass::positions;

/// Compiles a detector pattern with ASCII word boundaries. A Unicode `\b` makes
/// the regex engine abandon its DFA on any non-ASCII haystack (names with
/// accents), which costs two orders of magnitude; patterns that must start or
/// end at a Unicode letter check their edges in code instead.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("detector pattern compiles")
}

/// Which detector family spoke. Higher wins an overlap; equal ones merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Priority {
    /// A value seen elsewhere in this session, or a custom term.
    Known = 1,
    /// Shape plus context: prose names, phones near "call me", free-text keywords.
    Heuristic = 2,
    /// The value of a field whose name says what it is.
    Keyed = 3,
    /// A validated structure: card + Luhn, IBAN + mod-97, email, IP, URL credentials.
    Structural = 4,
    /// A vendor-prefixed token or a PEM block.
    Token = 5,
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: &'static str,
    pub priority: Priority,
    /// The span is a whole delimited value (between quotes, a `define` salt):
    /// it may swallow stronger findings inside it, since all of it must go.
    pub delimited: bool,
    /// Identity of the secret when it differs from the bytes of the span
    /// (every line of one PEM body shares the first line as its identity).
    pub identity: Option<Vec<u8>>,
}

impl Candidate {
    pub fn new(
        start: usize,
        end: usize,
        kind: Kind,
        rule: &'static str,
        priority: Priority,
    ) -> Self {
        Candidate {
            start,
            end,
            kind,
            rule,
            priority,
            delimited: false,
            identity: None,
        }
    }
}

/// Newline positions of a block, for line/column lookups and line-bounded scans.
pub(crate) struct Lines<'a> {
    pub text: &'a [u8],
    /// Byte offset where each line starts; always begins with 0.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(positions(text, [b'\n']).map(|p| p + 1));
        Lines { text, starts }
    }

    /// Zero-based line index of a byte offset.
    pub fn line_of(&self, pos: usize) -> usize {
        match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// End of the line holding `pos`, excluding the newline (and a `\r` before it).
    pub fn line_end_at(&self, pos: usize) -> usize {
        let line = self.line_of(pos);
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > self.starts[line] && self.text.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    pub fn line_start_at(&self, pos: usize) -> usize {
        self.starts[self.line_of(pos)]
    }

    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The line holding `pos`, for positions that mostly come in order: walks
    /// forward from line `from`, and searches only when `pos` lies before it.
    pub fn line_from(&self, from: usize, pos: usize) -> usize {
        if self.starts.get(from).is_none_or(|&start| start > pos) {
            return self.line_of(pos);
        }
        let mut line = from;
        while self.starts.get(line + 1).is_some_and(|&next| next <= pos) {
            line += 1;
        }
        line
    }

    /// Where line `n` ends: before its newline, or at the end of the text.
    pub fn line_end(&self, n: usize) -> usize {
        self.starts
            .get(n + 1)
            .map_or(self.text.len(), |&next| next - 1)
    }

    /// Line `n`, without its newline (and a `\r` before it).
    pub fn line_range(&self, n: usize) -> std::ops::Range<usize> {
        let start = self.starts[n];
        let mut end = self.line_end(n);
        if end > start && self.text[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }
}

/// Sorts candidates and resolves overlaps: a higher priority drops what it
/// overlaps; equal priorities merge into one span (more is hidden, never less).
/// Spans that cross a newline are split per line.
pub(crate) fn resolve(mut cands: Vec<Candidate>, text: &[u8]) -> Vec<Candidate> {
    cands.retain(|c| c.start < c.end && c.end <= text.len());
    cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    // Most candidates overlap no other: only each cluster of overlapping ones
    // needs weighing; clusters cannot affect each other.
    let mut out = Vec::with_capacity(cands.len());
    let mut cluster: Vec<Candidate> = Vec::new();
    let mut cluster_end = 0;
    for c in cands {
        if !cluster.is_empty() && c.start >= cluster_end {
            settle(&mut cluster, &mut out);
        }
        cluster_end = if cluster.is_empty() {
            c.end
        } else {
            cluster_end.max(c.end)
        };
        cluster.push(c);
    }
    settle(&mut cluster, &mut out);
    split_at_newlines(out, text)
}

/// Resolves one cluster of overlapping candidates into `out`, leaving it empty.
fn settle(cluster: &mut Vec<Candidate>, out: &mut Vec<Candidate>) {
    if cluster.len() <= 1 {
        out.append(cluster);
        return;
    }
    let mut cands = std::mem::take(cluster);
    // Highest priority first, then leftmost, then longest.
    cands.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(a.start.cmp(&b.start))
            .then(b.end.cmp(&a.end))
    });
    let mut accepted = Accepted::default();
    for c in cands {
        let overlapping = accepted.overlapping(c.start, c.end);
        // A wider span that wholly contains stronger ones hides more: it wins
        // (a salt is never half exposed because an email-shaped run sits in it).
        let contains_all = c.delimited
            && overlapping.iter().all(|&i| {
                let a = accepted.get(i);
                c.start <= a.start && a.end <= c.end
            });
        let stronger = overlapping
            .iter()
            .any(|&i| accepted.get(i).priority > c.priority);
        if stronger && !contains_all {
            continue;
        }
        if stronger {
            for &i in &overlapping {
                accepted.remove(i);
            }
            accepted.insert(c);
            continue;
        }
        match overlapping.first() {
            Some(&i) => accepted.extend(i, c.start, c.end),
            None => accepted.insert(c),
        }
    }
    let mut accepted: Vec<Candidate> = accepted.slots.into_iter().flatten().collect();
    accepted.sort_by_key(|c| c.start);
    // Merging can make two accepted spans touch or overlap: fold them.
    let first = out.len();
    for c in accepted {
        if out.len() > first
            && let Some(last) = out.last_mut()
            && c.start < last.end
        {
            last.end = last.end.max(c.end);
            continue;
        }
        out.push(c);
    }
}

/// Spans longer than this (a PEM body before it is split per line) are
/// checked one by one; shorter ones are found by where they start.
const LONG_SPAN: usize = 4096;

/// The candidates accepted so far, indexed by start so that finding the ones a
/// new candidate overlaps costs a range lookup, not a pass over all of them
/// (a block of a dense export holds thousands).
#[derive(Default)]
struct Accepted {
    /// In order of acceptance; a dropped candidate leaves `None`.
    slots: Vec<Option<Candidate>>,
    /// (start, slot) of every short span.
    short: std::collections::BTreeSet<(usize, usize)>,
    /// Slots of the long spans.
    long: Vec<usize>,
}

impl Accepted {
    fn get(&self, slot: usize) -> &Candidate {
        self.slots[slot].as_ref().expect("an accepted slot")
    }

    /// Slots of the accepted spans overlapping `start..end`, in order of acceptance.
    fn overlapping(&self, start: usize, end: usize) -> Vec<usize> {
        let from = (start.saturating_sub(LONG_SPAN), 0);
        let mut found: Vec<usize> = self
            .short
            .range(from..(end, 0))
            .map(|&(_, slot)| slot)
            .chain(self.long.iter().copied())
            .filter(|&slot| {
                let a = self.get(slot);
                a.start < end && start < a.end
            })
            .collect();
        found.sort_unstable();
        found
    }

    fn insert(&mut self, c: Candidate) {
        let slot = self.slots.len();
        self.index(slot, &c);
        self.slots.push(Some(c));
    }

    fn index(&mut self, slot: usize, c: &Candidate) {
        if c.end - c.start > LONG_SPAN {
            self.long.push(slot);
        } else {
            self.short.insert((c.start, slot));
        }
    }

    fn unindex(&mut self, slot: usize) {
        let c = self.get(slot);
        if c.end - c.start > LONG_SPAN {
            self.long.retain(|&s| s != slot);
        } else {
            let key = (c.start, slot);
            self.short.remove(&key);
        }
    }

    fn remove(&mut self, slot: usize) {
        self.unindex(slot);
        self.slots[slot] = None;
    }

    /// Widens an accepted span to cover `start..end` as well.
    fn extend(&mut self, slot: usize, start: usize, end: usize) {
        self.unindex(slot);
        let mut c = self.slots[slot].take().expect("an accepted slot");
        c.start = c.start.min(start);
        c.end = c.end.max(end);
        self.index(slot, &c);
        self.slots[slot] = Some(c);
    }
}

fn split_at_newlines(cands: Vec<Candidate>, text: &[u8]) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        let span = &text[c.start..c.end];
        if memchr::memchr(b'\n', span).is_none() {
            out.push(c);
            continue;
        }
        let identity = c.identity.clone().unwrap_or_else(|| span.to_vec());
        let mut piece_start = c.start;
        for nl in memchr::memchr_iter(b'\n', span).map(|p| c.start + p) {
            let mut end = nl;
            if end > piece_start && text[end - 1] == b'\r' {
                end -= 1;
            }
            if end > piece_start {
                out.push(Candidate {
                    start: piece_start,
                    end,
                    identity: Some(identity.clone()),
                    ..c.clone()
                });
            }
            piece_start = nl + 1;
        }
        if c.end > piece_start {
            out.push(Candidate {
                start: piece_start,
                end: c.end,
                identity: Some(identity),
                ..c
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_found_walking_forward_match_the_search() {
        let text = b"one\ntwo two\n\nfour\r\nlast";
        let lines = Lines::new(text);
        let mut from = 0;
        // In order, repeated, backwards, and from past the last line.
        for pos in [0, 2, 3, 4, 12, 12, 13, 5, 20, 27, 1] {
            from = lines.line_from(from, pos);
            assert_eq!(from, lines.line_of(pos), "{pos}");
        }
        assert_eq!(lines.line_from(99, 4), 1);
        assert_eq!(lines.line_end(3), 18);
        assert_eq!(lines.line_range(3), 13..17);
        assert_eq!(lines.line_end(4), text.len());
    }

    fn cand(start: usize, end: usize, p: Priority) -> Candidate {
        Candidate::new(start, end, Kind::Secret, "t", p)
    }

    #[test]
    fn higher_priority_drops_overlapping_lower() {
        let text = b"0123456789abcdef";
        let out = resolve(
            vec![cand(0, 6, Priority::Keyed), cand(4, 10, Priority::Token)],
            text,
        );
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end), (4, 10));
    }

    #[test]
    fn a_delimited_lower_span_containing_a_higher_one_wins() {
        let text = b"0123456789abcdef";
        let mut whole = cand(0, 12, Priority::Keyed);
        whole.delimited = true;
        let out = resolve(vec![whole, cand(4, 8, Priority::Structural)], text);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].start, out[0].end, out[0].priority),
            (0, 12, Priority::Keyed)
        );
    }

    #[test]
    fn equal_priority_merges() {
        let text = b"0123456789abcdef";
        let out = resolve(
            vec![cand(0, 6, Priority::Keyed), cand(4, 9, Priority::Keyed)],
            text,
        );
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end), (0, 9));
    }

    #[test]
    fn long_spans_and_many_spans_resolve_alike() {
        let text = vec![b'x'; 3 * LONG_SPAN];
        // A long stronger span drops a weaker one near its end.
        let out = resolve(
            vec![
                cand(10, 2 * LONG_SPAN, Priority::Token),
                cand(2 * LONG_SPAN - 5, 2 * LONG_SPAN + 5, Priority::Keyed),
            ],
            &text,
        );
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end), (10, 2 * LONG_SPAN));
        // Thousands of disjoint spans all stay; one over two of them merges them.
        let mut many: Vec<Candidate> = (0..2000)
            .map(|i| cand(i * 4, i * 4 + 2, Priority::Keyed))
            .collect();
        many.push(cand(1, 5, Priority::Keyed));
        let out = resolve(many, &text);
        assert_eq!(out.len(), 1999);
        assert_eq!((out[0].start, out[0].end), (0, 6));
    }

    #[test]
    fn spans_split_per_line() {
        let text = b"ab\ncd\r\nef";
        let out = resolve(vec![cand(0, 9, Priority::Token)], text);
        let spans: Vec<_> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 2), (3, 5), (7, 9)]);
        assert!(out.iter().all(|c| c.identity.as_deref() == Some(&text[..])));
    }

    #[test]
    fn line_lookup() {
        let lines = Lines::new(b"one\ntwo\r\nthree");
        assert_eq!(lines.line_of(0), 0);
        assert_eq!(lines.line_of(4), 1);
        assert_eq!(lines.line_end_at(5), 7);
        assert_eq!(lines.line_of(9), 2);
        assert_eq!(lines.line_end_at(10), 14);
        assert_eq!(lines.count(), 3);
    }
}
