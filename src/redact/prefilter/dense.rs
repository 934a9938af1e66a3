//! A dense copy of the gate automaton, laid out for the walk over every byte
//! of a block: the one cost of the gate that grows with the text.
//!
//! aho-corasick builds the automaton; this copy renumbers its states so that
//! a transition is one load from a table with one row per state and one column
//! per class of bytes the words tell apart (no padding to a power of two, so
//! the rows used most stay in cache), and so that every match state comes
//! after every other, making "is this a match" one comparison.
//!
//! Words that count only where a word starts (`St`, `Am` in addresses) would
//! otherwise match inside every `test` and `param`. So the automaton reads a
//! text as if [`BOUNDARY`] followed every byte that is not an ASCII letter (and
//! opened the text), and such a word is given to it behind that symbol; other
//! words get the symbol after each of their bytes that is not a letter (see
//! [`with_boundaries`]). The copy folds "the byte, then the symbol" into one
//! transition, so the walk still reads each byte once.

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;

use crate::redact::fasthash::FastMap;

/// The symbol read after every byte that is not an ASCII letter. A text's own
/// NUL bytes are read as it too, which is harmless: NUL is no letter.
pub(crate) const BOUNDARY: u8 = 0;

/// A word as the automaton must be given it (see the module's note).
pub(crate) fn with_boundaries(word: &[u8], at_word_start: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(word.len() * 2 + 1);
    if at_word_start {
        out.push(BOUNDARY);
    }
    for &b in word {
        out.push(b);
        if !b.is_ascii_alphabetic() {
            out.push(BOUNDARY);
        }
    }
    out
}

pub(crate) struct DenseDfa {
    class_of: [u8; 256],
    /// Row offsets: `trans[row + class]` is the next state's row offset.
    trans: Vec<u32>,
    start: u32,
    /// Set in the offset of every match row and of no other row.
    match_bit: u32,
    classes: u32,
    /// The source automaton's state of each match row, in row order.
    match_states: Vec<StateID>,
}

/// For each byte, the byte whose transitions it shares in an automaton of
/// `words` that ignores ASCII case: a letter's lowercase form; the byte itself
/// if a word holds it; otherwise the first letter, or the first other byte,
/// that no word holds. A byte in no word leads every state where it leads the
/// start state (back to the start), and the walk reads a boundary after every
/// byte that is not a letter, so bytes in no word differ only by being letters.
/// Following one byte of each kind instead of all 256 makes building the
/// table several times quicker.
fn stand_ins(words: &[Vec<u8>]) -> [u8; 256] {
    let mut in_words = [false; 256];
    for &b in words.iter().flatten() {
        in_words[usize::from(b.to_ascii_lowercase())] = true;
    }
    let (mut other_letter, mut other_byte) = (None, None);
    std::array::from_fn(|b| {
        let b = b as u8;
        let folded = b.to_ascii_lowercase();
        if in_words[usize::from(folded)] {
            folded
        } else if b.is_ascii_alphabetic() {
            *other_letter.get_or_insert(folded)
        } else {
            *other_byte.get_or_insert(b)
        }
    })
}

impl DenseDfa {
    /// `dfa` is built, case-insensitively, from `words` given [`with_boundaries`].
    pub fn new(dfa: &DFA, start: StateID, words: &[Vec<u8>]) -> Self {
        let next = |sid: StateID, b: u8| {
            let after = dfa.next_state(Anchored::No, sid, b);
            if b.is_ascii_alphabetic() {
                after
            } else {
                dfa.next_state(Anchored::No, after, BOUNDARY)
            }
        };
        // A text opens as if after a line end.
        let start = next(start, b'\n');
        // Every state reachable from the start, breadth first: the rows near
        // the start, which most bytes visit, sit together.
        let mut order = vec![start];
        // By the source's state id, which is small and dense enough to index.
        let mut index: Vec<usize> = Vec::new();
        let seen = |index: &mut Vec<usize>, sid: StateID, n: usize| {
            if index.len() <= sid.as_usize() {
                index.resize(sid.as_usize() + 1, usize::MAX);
            }
            let slot = &mut index[sid.as_usize()];
            let fresh = *slot == usize::MAX;
            if fresh {
                *slot = n;
            }
            fresh
        };
        seen(&mut index, start, 0);
        // Only one byte of each kind the automaton can tell apart is followed.
        let stands_for = stand_ins(words);
        let mut reads: Vec<u8> = stands_for.to_vec();
        reads.sort_unstable();
        reads.dedup();
        // `to[i * reads.len() + r]`: the number of the state after state `i`
        // reads `reads[r]`.
        let mut to: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < order.len() {
            for &b in &reads {
                let n = next(order[i], b);
                if seen(&mut index, n, order.len()) {
                    order.push(n);
                }
                to.push(index[n.as_usize()]);
            }
            i += 1;
        }
        // Bytes every state treats alike share a class.
        let mut class_of_read = vec![0u8; reads.len()];
        let mut columns: FastMap<Vec<usize>, u8> = FastMap::default();
        for (r, class) in class_of_read.iter_mut().enumerate() {
            let column: Vec<usize> = (0..order.len()).map(|i| to[i * reads.len() + r]).collect();
            let fresh = u8::try_from(columns.len()).expect("at most 256 classes");
            *class = *columns.entry(column).or_insert(fresh);
        }
        let classes = columns.len();
        let read_of = |b: u8| {
            reads
                .binary_search(&stands_for[usize::from(b)])
                .expect("every stand-in is read")
        };
        let class_of: [u8; 256] = std::array::from_fn(|b| class_of_read[read_of(b as u8)]);
        // New numbering: states without a match first, then match states.
        let (plain, matching): (Vec<usize>, Vec<usize>) =
            (0..order.len()).partition(|&i| !dfa.is_match(order[i]));
        let mut row = vec![0usize; order.len()];
        // Match rows start at a power of two past every other row, and end
        // before twice it: "is this a match" is one bit, for four lanes at once.
        let match_bit = (plain.len().max(matching.len()) * classes)
            .max(1)
            .next_power_of_two();
        for (n, &old) in plain.iter().enumerate() {
            row[old] = n * classes;
        }
        for (n, &old) in matching.iter().enumerate() {
            row[old] = match_bit + n * classes;
        }
        // The first byte read of each class stands for it.
        let mut representative = vec![usize::MAX; classes];
        for (r, &class) in class_of_read.iter().enumerate() {
            let slot = &mut representative[usize::from(class)];
            if *slot == usize::MAX {
                *slot = r;
            }
        }
        let as_u32 = |v: usize| u32::try_from(v).expect("automaton fits in u32 rows");
        // The rows between the last plain row and `match_bit` are never reached.
        let mut trans = vec![0u32; match_bit + matching.len() * classes];
        for old in 0..order.len() {
            for (class, &r) in representative.iter().enumerate() {
                trans[row[old] + class] = as_u32(row[to[old * reads.len() + r]]);
            }
        }
        DenseDfa {
            class_of,
            trans,
            start: as_u32(row[0]),
            match_bit: as_u32(match_bit),
            classes: as_u32(classes),
            match_states: matching.iter().map(|&i| order[i]).collect(),
        }
    }

    /// The source automaton's match states, in the order [`DenseDfa::matches`] numbers them.
    pub fn match_states(&self) -> &[StateID] {
        &self.match_states
    }

    /// Every (end, number of the match state, see [`DenseDfa::match_states`])
    /// over `text`, in order of end. The walk is a chain of dependent loads, so it runs in
    /// several lanes over separate stretches of lines, interleaved, letting
    /// the processor overlap their loads; no word spans a line end.
    pub fn matches(&self, text: &[u8]) -> Vec<(usize, usize)> {
        // Four lanes: with six or eight, their states and positions no longer
        // fit in registers, and the walk was slower.
        const LANES: usize = 4;
        let mut bounds = [0usize; LANES + 1];
        bounds[LANES] = text.len();
        for lane in 1..LANES {
            let guess = (text.len() * lane / LANES).max(bounds[lane - 1]);
            bounds[lane] =
                memchr::memchr(b'\n', &text[guess..]).map_or(text.len(), |p| guess + p + 1);
        }
        let mut found: [Vec<(usize, u32)>; LANES] = Default::default();
        let shortest = (0..LANES)
            .map(|l| bounds[l + 1] - bounds[l])
            .min()
            .unwrap_or(0);
        // Each lane's state in its own variable, and one branch for all four:
        // kept in an array, the states went through memory on every byte.
        let lane = |l: usize| &text[bounds[l]..bounds[l] + shortest];
        let bytes = lane(0).iter().zip(lane(1)).zip(lane(2)).zip(lane(3));
        let [mut s0, mut s1, mut s2, mut s3] = [self.start; LANES];
        for (i, (((&b0, &b1), &b2), &b3)) in bytes.enumerate() {
            s0 = self.step(s0, b0);
            s1 = self.step(s1, b1);
            s2 = self.step(s2, b2);
            s3 = self.step(s3, b3);
            if (s0 | s1 | s2 | s3) & self.match_bit != 0 {
                for (l, s) in [s0, s1, s2, s3].into_iter().enumerate() {
                    if s & self.match_bit != 0 {
                        found[l].push((bounds[l] + i + 1, s));
                    }
                }
            }
        }
        let state = [s0, s1, s2, s3];
        for l in 0..LANES {
            let mut s = state[l];
            let from = bounds[l] + shortest;
            for (at, &b) in text[..bounds[l + 1]].iter().enumerate().skip(from) {
                s = self.step(s, b);
                if s & self.match_bit != 0 {
                    found[l].push((at + 1, s));
                }
            }
        }
        found
            .iter()
            .flatten()
            .map(|&(end, row)| (end, ((row - self.match_bit) / self.classes) as usize))
            .collect()
    }

    #[inline(always)]
    fn step(&self, row: u32, byte: u8) -> u32 {
        self.trans[(row + u32::from(self.class_of[usize::from(byte)])) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::MatchKind;

    /// The source automaton over the text with the boundary symbol written in.
    fn reference(dfa: &DFA, start: StateID, text: &[u8]) -> Vec<(usize, StateID)> {
        let step = |sid, b| dfa.next_state(Anchored::No, sid, b);
        let mut sid = step(step(start, b'\n'), BOUNDARY);
        let mut out = Vec::new();
        for (i, &b) in text.iter().enumerate() {
            sid = step(sid, b);
            if !b.is_ascii_alphabetic() {
                // No word given `with_boundaries` ends before its symbol.
                assert!(!dfa.is_match(sid));
                sid = step(sid, BOUNDARY);
            }
            if dfa.is_match(sid) {
                out.push((i + 1, sid));
            }
        }
        out
    }

    /// The source automaton of `words`, its start, and the dense copy.
    fn built(words: &[Vec<u8>]) -> (DFA, StateID, DenseDfa) {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap();
        let start = dfa.start_state(Anchored::No).unwrap();
        let dense = DenseDfa::new(&dfa, start, words);
        (dfa, start, dense)
    }

    /// What the dense copy finds, named by the source automaton's states.
    fn found(dense: &DenseDfa, text: &[u8]) -> Vec<(usize, StateID)> {
        dense
            .matches(text)
            .into_iter()
            .map(|(end, n)| (end, dense.match_states()[n]))
            .collect()
    }

    #[test]
    fn more_match_rows_than_plain_ones() {
        // Every state but the start matches: the match rows decide the match bit.
        let words: Vec<Vec<u8>> = ["a", "b", "c", "d"]
            .iter()
            .map(|w| with_boundaries(w.as_bytes(), false))
            .collect();
        let (dfa, start, dense) = built(&words);
        let text = b"abcd xyz\nDCBA\n\nq a\n".repeat(7);
        let found = found(&dense, &text);
        assert_eq!(found.len(), 9 * 7);
        assert_eq!(found, reference(&dfa, start, &text));
    }

    #[test]
    fn finds_what_the_source_automaton_finds_in_every_lane() {
        let words = [
            with_boundaries(b"key", false),
            with_boundaries(b"secret", false),
            with_boundaries(b"st", true),
            with_boundaries(b"(1", false),
            with_boundaries(b"sk-proj-", false),
            with_boundaries("é".as_bytes(), false),
            with_boundaries(b"Zq", false),
        ];
        let (dfa, start, dense) = built(&words);
        let mut texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"key".to_vec(),
            b"no newline at all, a SECRET and a key (1)".to_vec(),
            "a\nb\n\nStreet (12) café\n".as_bytes().to_vec(),
        ];
        // Many lines of different lengths, so the lanes end unevenly.
        let mut long = Vec::new();
        for n in 0..500 {
            long.extend_from_slice(
                format!("{n} sk-proj-{} Test st\n", "x".repeat(n % 37)).as_bytes(),
            );
        }
        texts.push(long);
        texts.push((0..=255u8).cycle().take(5000).collect());
        // Every byte before and after the first letters of each word.
        let mut pairs = Vec::new();
        for b in 0..=255u8 {
            for lead in [b'k', b's', b'(', b'z', b'Z', 0xc3] {
                pairs.extend_from_slice(&[b, lead, b, b'e', lead, b'q', b' ']);
            }
        }
        texts.push(pairs);
        // `st` only where a word starts: in `St 12` and `(st`, not in `test`.
        let ends: Vec<usize> = dense
            .matches(b"test St 12 (st")
            .into_iter()
            .map(|(end, _)| end)
            .collect();
        assert_eq!(ends, vec![7, 14]);
        for text in &texts {
            assert_eq!(found(&dense, text), reference(&dfa, start, text));
        }
    }
}
