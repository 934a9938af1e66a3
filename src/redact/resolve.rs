//! Overlap resolution: the candidates every detector found become the
//! disjoint spans that [`super::Engine`] replaces.

use super::Kind;
use super::scan::{Candidate, Priority};

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
    let mut accepted = Accepted::default();
    let mut cluster_end = 0;
    for c in cands {
        if !cluster.is_empty() && c.start >= cluster_end {
            settle(&mut cluster, &mut accepted, &mut out);
        }
        cluster_end = if cluster.is_empty() {
            c.end
        } else {
            cluster_end.max(c.end)
        };
        cluster.push(c);
    }
    settle(&mut cluster, &mut accepted, &mut out);
    split_at_newlines(out, text)
}

/// Resolves one cluster of overlapping candidates into `out`, leaving it
/// empty. `accepted` is scratch, kept between clusters so that its memory is
/// reused: a dense chunk holds tens of thousands of clusters.
fn settle(cluster: &mut Vec<Candidate>, accepted: &mut Accepted, out: &mut Vec<Candidate>) {
    if cluster.len() <= 1 {
        out.append(cluster);
        return;
    }
    // Highest priority first, then leftmost, then longest; among equals an
    // operator's term first, so what merges into it keeps its placeholder.
    let term = |c: &Candidate| c.kind == Kind::Custom;
    cluster.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(a.start.cmp(&b.start))
            .then(b.end.cmp(&a.end))
            .then(term(b).cmp(&term(a)))
    });
    accepted.clear();
    let mut overlapping = Vec::new();
    for c in cluster.drain(..) {
        accepted.overlapping(c.start, c.end, &mut overlapping);
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
        // A value seen whole elsewhere, half under a span a heuristic guessed
        // (`Hayashi 2-3-24` over the known `2-3-24 Tenjinbashi`): the guess
        // grows to hide all of it.
        let sticks_out_of_guess = c.priority == Priority::Known
            && overlapping
                .iter()
                .all(|&i| accepted.get(i).priority == Priority::Heuristic);
        if stronger && sticks_out_of_guess && !contains_all {
            accepted.extend(overlapping[0], c.start, c.end);
            continue;
        }
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
    let first = out.len();
    out.extend(accepted.slots.drain(..).flatten());
    out[first..].sort_by_key(|c| c.start);
    // Merging can make two accepted spans touch or overlap: fold them.
    let mut kept = first;
    for i in first..out.len() {
        if kept > first && out[i].start < out[kept - 1].end {
            out[kept - 1].end = out[kept - 1].end.max(out[i].end);
            continue;
        }
        out.swap(kept, i);
        kept += 1;
    }
    out.truncate(kept);
}

/// Spans longer than this (a PEM body before it is split per line) are
/// checked one by one; shorter ones are found by where they start.
const LONG_SPAN: usize = 4096;

/// Clusters with more accepted spans than this are indexed by start; a
/// smaller one is read through.
const INDEXED_FROM: usize = 32;

/// The candidates accepted so far. A large cluster (a block of a dense
/// export holds thousands) is indexed by start, so that finding the ones a
/// new candidate overlaps costs a range lookup, not a pass over all of them.
#[derive(Default)]
struct Accepted {
    /// In order of acceptance; a dropped candidate leaves `None`.
    slots: Vec<Option<Candidate>>,
    /// Whether `short` and `long` index every slot.
    indexed: bool,
    /// (start, slot) of every short span.
    short: std::collections::BTreeSet<(usize, usize)>,
    /// Slots of the long spans.
    long: Vec<usize>,
}

impl Accepted {
    fn clear(&mut self) {
        self.slots.clear();
        if self.indexed {
            self.short.clear();
            self.long.clear();
            self.indexed = false;
        }
    }

    fn get(&self, slot: usize) -> &Candidate {
        self.slots[slot].as_ref().expect("an accepted slot")
    }

    /// Slots of the accepted spans overlapping `start..end`, in order of
    /// acceptance, into `found`.
    fn overlapping(&self, start: usize, end: usize, found: &mut Vec<usize>) {
        found.clear();
        let overlaps = |slot: usize| {
            let a = self.get(slot);
            a.start < end && start < a.end
        };
        if !self.indexed {
            found.extend(
                (0..self.slots.len()).filter(|&slot| self.slots[slot].is_some() && overlaps(slot)),
            );
            return;
        }
        let from = (start.saturating_sub(LONG_SPAN), 0);
        found.extend(
            self.short
                .range(from..(end, 0))
                .map(|&(_, slot)| slot)
                .chain(self.long.iter().copied())
                .filter(|&slot| overlaps(slot)),
        );
        found.sort_unstable();
    }

    fn insert(&mut self, c: Candidate) {
        let slot = self.slots.len();
        self.slots.push(Some(c));
        if self.indexed {
            self.index(slot);
        } else if self.slots.len() > INDEXED_FROM {
            self.indexed = true;
            for slot in 0..self.slots.len() {
                self.index(slot);
            }
        }
    }

    /// Adds an accepted slot to the index.
    fn index(&mut self, slot: usize) {
        let Some(c) = &self.slots[slot] else {
            return;
        };
        let (start, long) = (c.start, c.end - c.start > LONG_SPAN);
        if long {
            self.long.push(slot);
        } else {
            self.short.insert((start, slot));
        }
    }

    fn unindex(&mut self, slot: usize) {
        if !self.indexed {
            return;
        }
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
        self.slots[slot] = Some(c);
        if self.indexed {
            self.index(slot);
        }
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
    use crate::redact::Kind;
    use crate::redact::scan::Priority;

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
    fn a_known_value_half_under_a_guess_widens_the_guess() {
        let text = b"0123456789abcdef";
        let out = resolve(
            vec![
                cand(2, 8, Priority::Heuristic),
                cand(6, 12, Priority::Known),
            ],
            text,
        );
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end), (2, 12));
        // Under a field's value or a token, the weaker known value goes.
        for strong in [Priority::Keyed, Priority::Token] {
            let out = resolve(vec![cand(2, 8, strong), cand(6, 12, Priority::Known)], text);
            assert_eq!((out.len(), out[0].start, out[0].end), (1, 2, 8));
        }
    }

    #[test]
    fn an_operators_term_stands_over_a_guess_and_a_value_inside_it() {
        let text = b"Brightwater Ceramics says";
        let mut term = Candidate::new(0, 20, Kind::Custom, "custom-term", Priority::Known);
        term.delimited = true;
        let guess = Candidate::new(0, 20, Kind::Name, "name", Priority::Heuristic);
        let known = Candidate::new(0, 11, Kind::Name, "known", Priority::Known);
        let out = resolve(vec![guess, known, term], text);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].start, out[0].end, out[0].kind),
            (0, 20, Kind::Custom)
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
    fn a_large_cluster_resolves_as_small_ones_do() {
        let text = vec![b'x'; 1000];
        // Tokens, a field's value running into each, spans that merge.
        let spans: Vec<Candidate> = (0..60)
            .flat_map(|i| {
                [
                    cand(i * 14, i * 14 + 6, Priority::Token),
                    cand(i * 14 + 4, i * 14 + 9, Priority::Keyed),
                    cand(i * 14 + 8, i * 14 + 12, Priority::Keyed),
                ]
            })
            .collect();
        let apart = resolve(spans.clone(), &text);
        // A weak guess over all of them makes one cluster of them, past
        // the size where accepted spans are indexed; it loses to them all.
        let mut together = spans;
        together.push(cand(0, 900, Priority::Heuristic));
        let together = resolve(together, &text);
        let spans_of = |out: &[Candidate]| out.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
        assert!(apart.len() > INDEXED_FROM * 2);
        assert_eq!(spans_of(&together), spans_of(&apart));
    }

    #[test]
    fn spans_split_per_line() {
        let text = b"ab\ncd\r\nef";
        let out = resolve(vec![cand(0, 9, Priority::Token)], text);
        let spans: Vec<_> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 2), (3, 5), (7, 9)]);
        assert!(out.iter().all(|c| c.identity.as_deref() == Some(&text[..])));
    }
}
