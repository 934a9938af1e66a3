//! The gate's automaton, laid out for the walk over every byte of a block:
//! the one cost of the gate that grows with the text.
//!
//! An Aho-Corasick automaton built from the words' trie, its states numbered
//! so that a transition is one load from a table with one row per state and
//! one column per kind of byte the words tell apart (no padding to a power of
//! two, so the rows used most stay in cache), and so that every match state
//! comes after every other, making "is this a match" one comparison.
//!
//! Words that count only where a word starts (`St`, `Am` in addresses) would
//! otherwise match inside every `test` and `param`. So the automaton reads a
//! text as if [`BOUNDARY`] followed every byte that is not an ASCII letter (and
//! opened the text), and such a word is given to it behind that symbol; other
//! words get the symbol after each of their bytes that is not a letter (see
//! [`with_boundaries`]). The table folds "the byte, then the symbol" into one
//! transition, so the walk still reads each byte once.

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
    /// The words ending at each match row, in row order.
    match_words: Vec<Vec<usize>>,
}

/// The trie of the words over their symbols, with Aho-Corasick's failure
/// links; state 0 is the root.
struct Trie {
    /// `children[s * width + r]`: the child by symbol `r`, or `NONE`.
    children: Vec<u32>,
    /// The words each state ends: its own, then its failure state's.
    outputs: Vec<Vec<usize>>,
}

const NONE: u32 = u32::MAX;

impl Trie {
    fn new(words: &[Vec<u8>], width: usize, symbol: impl Fn(u8) -> usize) -> Self {
        let mut trie = Trie {
            children: vec![NONE; width],
            outputs: vec![Vec::new()],
        };
        for (w, word) in words.iter().enumerate() {
            let mut s = 0;
            for &b in word {
                let slot = s * width + symbol(b);
                s = match trie.children[slot] {
                    NONE => {
                        let n = trie.outputs.len();
                        trie.children[slot] = n as u32;
                        trie.children.extend(std::iter::repeat_n(NONE, width));
                        trie.outputs.push(Vec::new());
                        n
                    }
                    child => child as usize,
                };
            }
            trie.outputs[s].push(w);
        }
        trie
    }

    fn states(&self) -> usize {
        self.outputs.len()
    }

    /// The full transition table, breadth first over the trie: a missing
    /// child leads where the failure state's does. Each state also takes
    /// the words of its failure state, which end wherever it is reached.
    fn link(mut self, width: usize) -> (Vec<u32>, Vec<Vec<usize>>) {
        // Filled in place: a state's row holds only its children until the
        // state is taken from the queue, and rows are filled in that order.
        let mut delta = std::mem::take(&mut self.children);
        let mut fail = vec![0u32; self.states()];
        let mut queue = std::collections::VecDeque::new();
        // Children of the root fail to the root, as `fail` says already.
        for slot in delta.iter_mut().take(width) {
            match *slot {
                NONE => *slot = 0,
                child => queue.push_back(child as usize),
            }
        }
        while let Some(s) = queue.pop_front() {
            // Shallower than `s`, its failure state was linked before it.
            let inherited = self.outputs[fail[s] as usize].clone();
            self.outputs[s].extend(inherited);
            for r in 0..width {
                let slot = s * width + r;
                let via_fail = delta[fail[s] as usize * width + r];
                match delta[slot] {
                    NONE => delta[slot] = via_fail,
                    child => {
                        fail[child as usize] = via_fail;
                        queue.push_back(child as usize);
                    }
                }
            }
        }
        (delta, self.outputs)
    }
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
    /// The automaton of `words`, each given [`with_boundaries`], matched
    /// without regard to ASCII case.
    ///
    /// Built here from the words' trie rather than copied from a general
    /// automaton: the copy cost about 15 ms of every start for some 800
    /// words, this a fraction of one.
    pub fn new(words: &[Vec<u8>]) -> Self {
        let stands_for = stand_ins(words);
        let mut reads: Vec<u8> = stands_for.to_vec();
        reads.sort_unstable();
        reads.dedup();
        let width = reads.len();
        let mut symbol_of = [0usize; 256];
        for (r, &b) in reads.iter().enumerate() {
            symbol_of[usize::from(b)] = r;
        }
        let symbol = |b: u8| symbol_of[usize::from(stands_for[usize::from(b)])];
        let trie = Trie::new(words, width, symbol);
        let states = trie.states();
        // `delta[s * width + r]`: Aho-Corasick's transition over one symbol.
        let (delta, mut outputs) = trie.link(width);
        let boundary = symbol(BOUNDARY);
        // One byte: its symbol, then the boundary after a byte no letter.
        let next = |s: usize, r: usize| {
            let after = delta[s * width + r] as usize;
            if reads[r].is_ascii_alphabetic() {
                after
            } else {
                delta[after * width + boundary] as usize
            }
        };
        // A text opens as if after a line end. Every state reachable from the
        // start, breadth first: the rows near the start, which most bytes
        // visit, sit together.
        let start = next(0, symbol(b'\n'));
        let mut order = vec![start];
        let mut index = vec![u32::MAX; states];
        index[start] = 0;
        let mut to: Vec<u32> = Vec::with_capacity(states * width);
        let mut i = 0;
        while i < order.len() {
            for r in 0..width {
                let n = next(order[i], r);
                if index[n] == u32::MAX {
                    index[n] = order.len() as u32;
                    order.push(n);
                }
                to.push(index[n]);
            }
            i += 1;
        }
        let class_of: [u8; 256] = std::array::from_fn(|b| {
            u8::try_from(symbol(b as u8)).expect("at most 256 kinds of byte")
        });
        // New numbering: states without a match first, then match states.
        let (plain, matching): (Vec<usize>, Vec<usize>) =
            (0..order.len()).partition(|&i| outputs[order[i]].is_empty());
        let mut row = vec![0usize; order.len()];
        // Match rows start at a power of two past every other row, and end
        // before twice it: "is this a match" is one bit, for four lanes at once.
        let match_bit = (plain.len().max(matching.len()) * width)
            .max(1)
            .next_power_of_two();
        for (n, &old) in plain.iter().enumerate() {
            row[old] = n * width;
        }
        for (n, &old) in matching.iter().enumerate() {
            row[old] = match_bit + n * width;
        }
        let as_u32 = |v: usize| u32::try_from(v).expect("automaton fits in u32 rows");
        // The rows between the last plain row and `match_bit` are never reached.
        let mut trans = vec![0u32; match_bit + matching.len() * width];
        for old in 0..order.len() {
            for r in 0..width {
                trans[row[old] + r] = as_u32(row[to[old * width + r] as usize]);
            }
        }
        DenseDfa {
            class_of,
            trans,
            start: as_u32(row[0]),
            match_bit: as_u32(match_bit),
            classes: as_u32(width),
            match_words: matching
                .iter()
                .map(|&i| std::mem::take(&mut outputs[order[i]]))
                .collect(),
        }
    }

    /// The words (their indices in the list given to [`DenseDfa::new`]) that
    /// end where each match state is reached, in the order
    /// [`DenseDfa::matches`] numbers the states.
    pub fn match_words(&self) -> &[Vec<usize>] {
        &self.match_words
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
    use aho_corasick::automaton::{Automaton, StateID};
    use aho_corasick::dfa::DFA;
    use aho_corasick::{Anchored, MatchKind};

    /// The words ending at each match of aho-corasick's automaton over the
    /// text with the boundary symbol written in: the reference.
    fn reference(dfa: &DFA, start: StateID, text: &[u8]) -> Vec<(usize, Vec<usize>)> {
        let step = |sid, b| dfa.next_state(Anchored::No, sid, b);
        let words = |sid| {
            let mut w: Vec<usize> = (0..dfa.match_len(sid))
                .map(|i| dfa.match_pattern(sid, i).as_usize())
                .collect();
            w.sort_unstable();
            w
        };
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
                out.push((i + 1, words(sid)));
            }
        }
        out
    }

    /// aho-corasick's automaton of `words`, its start, and the dense one.
    fn built(words: &[Vec<u8>]) -> (DFA, StateID, DenseDfa) {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap();
        let start = dfa.start_state(Anchored::No).unwrap();
        (dfa, start, DenseDfa::new(words))
    }

    /// What the dense automaton finds: where, and which words end there.
    fn found(dense: &DenseDfa, text: &[u8]) -> Vec<(usize, Vec<usize>)> {
        dense
            .matches(text)
            .into_iter()
            .map(|(end, n)| {
                let mut w = dense.match_words()[n].clone();
                w.sort_unstable();
                (end, w)
            })
            .collect()
    }

    #[test]
    fn words_inside_other_words_end_where_those_do() {
        // `he` ends inside `she` and `ushers`; `e` inside all; `st` only
        // where a word starts.
        let words: Vec<Vec<u8>> = [("she", false), ("he", false), ("hers", false), ("e", false)]
            .iter()
            .map(|(w, start)| with_boundaries(w.as_bytes(), *start))
            .chain([
                with_boundaries(b"st", true),
                with_boundaries(b"e-st", false),
            ])
            .collect();
        let (dfa, start, dense) = built(&words);
        for text in [
            &b"ushers she said; He HERS e-st\nthe-st st"[..],
            b"shshe hehe eeee",
            b"",
        ] {
            assert_eq!(found(&dense, text), reference(&dfa, start, text));
        }
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
