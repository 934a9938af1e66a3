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

use crate::redact::fasthash::FastMap;

mod written;

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
    trans: Table,
    start: u32,
    /// Set in the offset of every match row and of no other row.
    match_bit: u32,
    classes: u32,
    /// The words ending at each match row, in row order.
    match_words: Vec<Vec<usize>>,
}

/// The table of transitions: built at start, or mapped in with the program,
/// which holds it as written when it was built (see [`written`]).
enum Table {
    Built(Vec<u32>),
    Written(&'static [u32]),
}

impl Table {
    fn rows(&self) -> &[u32] {
        match self {
            Table::Built(rows) => rows,
            Table::Written(rows) => rows,
        }
    }
}

/// The trie of the words over their symbols, with Aho-Corasick's failure
/// links; state 0 is the root. Children are kept sparse: a dense row per
/// state would be built only to be copied out again, and writing those rows
/// was most of the build.
struct Trie {
    /// (state, symbol) → child.
    child_of: FastMap<(u32, u16), u32>,
    /// Each state's children, as (symbol, child).
    children: Vec<Vec<(u16, u32)>>,
    /// The symbol that leads into each state (the root's is unused).
    entry: Vec<u16>,
    fail: Vec<u32>,
    /// The words each state ends: its own, then its failure state's.
    outputs: Vec<Vec<usize>>,
    /// Every state, breadth first: each after its failure state, which is shallower.
    order: Vec<u32>,
}

impl Trie {
    fn new(words: &[Vec<u8>], symbol: impl Fn(u8) -> usize) -> Self {
        let mut trie = Trie {
            child_of: FastMap::default(),
            children: vec![Vec::new()],
            entry: vec![0],
            fail: vec![0],
            outputs: vec![Vec::new()],
            order: Vec::new(),
        };
        for (w, word) in words.iter().enumerate() {
            let mut s = 0u32;
            for &b in word {
                let r = symbol(b) as u16;
                s = match trie.child_of.get(&(s, r)) {
                    Some(&child) => child,
                    None => {
                        let child = trie.entry.len() as u32;
                        trie.child_of.insert((s, r), child);
                        trie.children[s as usize].push((r, child));
                        trie.children.push(Vec::new());
                        trie.entry.push(r);
                        trie.fail.push(0);
                        trie.outputs.push(Vec::new());
                        child
                    }
                };
            }
            trie.outputs[s as usize].push(w);
        }
        trie.order = vec![0];
        let mut i = 0;
        while let Some(&s) = trie.order.get(i) {
            i += 1;
            for k in 0..trie.children[s as usize].len() {
                let (r, child) = trie.children[s as usize][k];
                // The children of the root fail to it, as `fail` says already.
                if s != 0 {
                    let mut f = trie.fail[s as usize];
                    trie.fail[child as usize] = loop {
                        if let Some(&next) = trie.child_of.get(&(f, r)) {
                            break next;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = trie.fail[f as usize];
                    };
                    let inherited = trie.outputs[trie.fail[child as usize] as usize].clone();
                    trie.outputs[child as usize].extend(inherited);
                }
                trie.order.push(child);
            }
        }
        trie
    }

    /// Where each state goes on `symbol`, following failure links.
    fn column(&self, symbol: u16) -> Vec<u32> {
        let mut to = vec![0u32; self.entry.len()];
        for &s in &self.order {
            let s = s as usize;
            to[s] = match self.child_of.get(&(s as u32, symbol)) {
                Some(&child) => child,
                None if s == 0 => 0,
                None => to[self.fail[s] as usize],
            };
        }
        to
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
    /// words. Each row is its failure state's row with its own children
    /// written over it, so the table is written once, in order.
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
        let trie = Trie::new(words, symbol);
        let boundary = symbol(BOUNDARY) as u16;
        let is_letter = |r: u16| reads[usize::from(r)].is_ascii_alphabetic();
        // The walk reads the boundary after every byte that is not a letter,
        // so it rests only in the root and in states entered by a letter or
        // by the boundary: `rest_after(t, r)` is where it rests once `r` has
        // led it into `t`.
        let after_boundary = trie.column(boundary);
        let rest_after = |t: u32, r: u16| {
            if is_letter(r) {
                t
            } else {
                after_boundary[t as usize]
            }
        };
        // Breadth first from the root: the rows near the start, which most
        // bytes visit, sit together; states without a match come first.
        let resting: Vec<usize> = (trie.order.iter().map(|&s| s as usize))
            .filter(|&s| s == 0 || is_letter(trie.entry[s]) || trie.entry[s] == boundary)
            .collect();
        let (plain, matching): (Vec<usize>, Vec<usize>) =
            resting.iter().partition(|&&s| trie.outputs[s].is_empty());
        // Match rows start at a power of two past every other row, and end
        // before twice it: "is this a match" is one bit, for four lanes at once.
        let match_bit = (plain.len().max(matching.len()) * width)
            .max(1)
            .next_power_of_two();
        let as_u32 = |v: usize| u32::try_from(v).expect("automaton fits in u32 rows");
        let mut row = vec![u32::MAX; trie.entry.len()];
        for (n, &s) in plain.iter().enumerate() {
            row[s] = as_u32(n * width);
        }
        for (n, &s) in matching.iter().enumerate() {
            row[s] = as_u32(match_bit + n * width);
        }
        // The rows between the last plain row and `match_bit` are never reached.
        let mut trans = vec![0u32; match_bit + matching.len() * width];
        for &s in &resting {
            let at = row[s] as usize;
            if s == 0 {
                for r in 0..width as u16 {
                    trans[at + usize::from(r)] = row[rest_after(0, r) as usize];
                }
            } else {
                // Where a state has no child, it goes where its failure
                // state goes: that state rests too, and is shallower, so its
                // row is written already.
                let from = row[trie.fail[s] as usize] as usize;
                trans.copy_within(from..from + width, at);
            }
            for &(r, child) in &trie.children[s] {
                trans[at + usize::from(r)] = row[rest_after(child, r) as usize];
            }
        }
        let class_of: [u8; 256] = std::array::from_fn(|b| {
            u8::try_from(symbol(b as u8)).expect("at most 256 kinds of byte")
        });
        // A text opens as if after a line end.
        let newline = symbol(b'\n') as u16;
        let after_newline = trie.child_of.get(&(0, newline)).copied().unwrap_or(0);
        let mut outputs = trie.outputs;
        DenseDfa {
            class_of,
            trans: Table::Built(trans),
            start: row[rest_after(after_newline, newline) as usize],
            match_bit: as_u32(match_bit),
            classes: as_u32(width),
            match_words: matching
                .iter()
                .map(|&s| std::mem::take(&mut outputs[s]))
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
        let (trans, class_of) = (self.trans.rows(), &self.class_of);
        let step =
            |row: u32, byte: u8| trans[(row + u32::from(class_of[usize::from(byte)])) as usize];
        let [mut s0, mut s1, mut s2, mut s3] = [self.start; LANES];
        for (i, (((&b0, &b1), &b2), &b3)) in bytes.enumerate() {
            s0 = step(s0, b0);
            s1 = step(s1, b1);
            s2 = step(s2, b2);
            s3 = step(s3, b3);
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
                s = step(s, b);
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
    fn the_gates_own_words_are_found_as_the_source_automaton_finds_them() {
        let words = &crate::redact::RULES.gates.words;
        assert!(words.len() > 500, "{} words", words.len());
        let (dfa, start, dense) = built(words);
        // The words back to back in mixed case, between bytes of every kind:
        // words inside words, across boundaries, and cut short.
        let between: &[&[u8]] = &[
            b" ",
            b"",
            b"x",
            b"\n",
            b"-",
            b"_",
            "é".as_bytes(),
            b"9",
            b"\0",
            b"\t(",
        ];
        let mut text = Vec::new();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for (i, word) in words.iter().enumerate() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let written: Vec<u8> = word
                .iter()
                .filter(|&&b| b != BOUNDARY)
                .map(|&b| {
                    if seed >> (b % 64) & 1 == 1 {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    }
                })
                .collect();
            let cut = if i % 5 == 0 {
                written.len() / 2
            } else {
                written.len()
            };
            text.extend_from_slice(&written[..cut]);
            text.extend_from_slice(between[(seed % between.len() as u64) as usize]);
        }
        assert_eq!(found(&dense, &text), reference(&dfa, start, &text));
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
