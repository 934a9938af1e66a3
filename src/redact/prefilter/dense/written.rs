//! The gate's automaton as written when the program was built, so that a
//! start does not build it: building its table (some 1,200 words, 5 MB of
//! rows) took 5–6 ms, a third of redacting a short text. The written table
//! is mapped in with the program, and only the rows a text leads to are
//! ever read from it.
//!
//! `gate.dfa`, beside the patterns' automata in `prebuilt`, is written by a
//! test (`the_prebuilt_gate_is_current`), which fails when the gate's words
//! or the way the table is built change, until the file is written again.
//! The file names the words it was built from: for other words (a stale
//! file, a test's own gate) the table is built as before, which costs time,
//! never a wrong match.

use super::{DenseDfa, Table};

/// The file's bytes, aligned so that its table is read where it lies.
#[repr(C, align(4))]
struct Aligned<Bytes: ?Sized>(Bytes);

static WRITTEN: &Aligned<[u8]> = &Aligned(*include_bytes!("../../prebuilt/gate.dfa"));

/// Opens the file, and changes whenever its layout does.
const MAGIC: &[u8; 16] = b"runbook gate 1\n\0";

impl DenseDfa {
    /// The automaton of `words` as written when the program was built, if
    /// it was built from these words (see the module's note).
    pub(crate) fn written(words: &[Vec<u8>]) -> Option<DenseDfa> {
        read(&WRITTEN.0, words)
    }
}

/// The file, laid out as [`tests::write`] writes it; `None` when it is not
/// the automaton of `words`.
fn read(file: &'static [u8], words: &[Vec<u8>]) -> Option<DenseDfa> {
    let mut r = Reader { file, at: 0 };
    if r.bytes(MAGIC.len())? != MAGIC || r.number()? != words.len() {
        return None;
    }
    for word in words {
        let len = r.number()?;
        if r.bytes(len)? != word.as_slice() {
            return None;
        }
    }
    r.at = r.at.next_multiple_of(4);
    let class_of: [u8; 256] = r.bytes(256)?.try_into().ok()?;
    let (start, match_bit, classes) = (r.u32()?, r.u32()?, r.u32()?);
    let rows = r.number()?;
    let trans = r.rows(rows)?;
    let match_states = r.number()?;
    let mut match_words = Vec::with_capacity(match_states.min(trans.len()));
    for _ in 0..match_states {
        let n = r.number()?;
        match_words.push((0..n).map(|_| r.number()).collect::<Option<Vec<_>>>()?);
    }
    (r.at == file.len()).then_some(DenseDfa {
        class_of,
        trans: Table::Written(trans),
        start,
        match_bit,
        classes,
        match_words,
    })
}

struct Reader {
    file: &'static [u8],
    at: usize,
}

impl Reader {
    fn bytes(&mut self, n: usize) -> Option<&'static [u8]> {
        let slice = self.file.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }

    fn number(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }

    /// `n` rows of the table, where they lie in the file.
    fn rows(&mut self, n: usize) -> Option<&'static [u32]> {
        let bytes = self.bytes(n.checked_mul(4)?)?;
        // Written in little-endian order; elsewhere the table is built.
        if cfg!(target_endian = "big") {
            return None;
        }
        // SAFETY: any four bytes are a valid u32, and `align_to` leaves out
        // whatever is not aligned, which is then refused.
        let (before, rows, after) = unsafe { bytes.align_to::<u32>() };
        (before.is_empty() && after.is_empty()).then_some(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(out: &mut Vec<u8>, n: usize) {
        out.extend_from_slice(&u32::try_from(n).unwrap().to_le_bytes());
    }

    /// The automaton of `words`, as [`read`] reads it.
    fn write(dfa: &DenseDfa, words: &[Vec<u8>]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put(&mut out, words.len());
        for word in words {
            put(&mut out, word.len());
            out.extend_from_slice(word);
        }
        out.resize(out.len().next_multiple_of(4), 0);
        out.extend_from_slice(&dfa.class_of);
        for n in [dfa.start, dfa.match_bit, dfa.classes] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        let rows = dfa.trans.rows();
        put(&mut out, rows.len());
        for row in rows {
            out.extend_from_slice(&row.to_le_bytes());
        }
        put(&mut out, dfa.match_words.len());
        for words in &dfa.match_words {
            put(&mut out, words.len());
            for &w in words {
                put(&mut out, w);
            }
        }
        out
    }

    fn assert_same(a: &DenseDfa, b: &DenseDfa) {
        assert!(a.class_of == b.class_of);
        assert!(a.trans.rows() == b.trans.rows());
        assert_eq!(
            (a.start, a.match_bit, a.classes),
            (b.start, b.match_bit, b.classes)
        );
        assert_eq!(a.match_words, b.match_words);
    }

    #[test]
    fn the_prebuilt_gate_is_current() {
        let words = crate::redact::gate_words();
        let now = write(&DenseDfa::new(words), words);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/redact/prebuilt/gate.dfa");
        if std::env::var_os("RUNBOOK_WRITE_AUTOMATA").is_some() {
            std::fs::write(path, &now).unwrap();
            return;
        }
        assert!(
            now == WRITTEN.0,
            "{path} is out of date (the gate's words or its table changed): \
             write it again with `RUNBOOK_WRITE_AUTOMATA=1 cargo test --lib prebuilt`"
        );
    }

    #[test]
    fn the_written_gate_is_the_one_built() {
        let words = crate::redact::gate_words();
        let read = DenseDfa::written(words).expect("the rules' gate is written");
        assert!(matches!(read.trans, Table::Written(_)));
        assert_same(&read, &DenseDfa::new(words));
    }

    #[test]
    fn other_words_are_not_read_from_the_file() {
        let mut words = crate::redact::gate_words().to_vec();
        assert!(DenseDfa::written(&words).is_some());
        words[0].push(b'x');
        assert!(DenseDfa::written(&words).is_none());
        words.pop();
        assert!(DenseDfa::written(&words).is_none());
        assert!(DenseDfa::written(&[]).is_none());
    }
}
