//! Values already known to be secret in this session, found again wherever they
//! appear (a name learned from `[first_name]` is redacted in "Thanks Ana!"),
//! and the placeholders that stand for them.

use std::collections::HashMap;

use super::Kind;
use super::scan::{Candidate, Priority};
use super::values::{NOT_NAMES, name_words};

/// Values are looked up by an anchor: their longest run of ASCII letters and
/// digits. An occurrence that passes the word-boundary checks has that run as a
/// whole run of the text (the bytes around it in the value are not letters or
/// digits, or the boundary check forbids them), so one walk over the runs of a
/// text, with a bit filter in front of a hash lookup, finds every candidate.
/// Unlike one automaton over all values, the walk costs the same however many
/// values a session has learned.
#[derive(Default)]
pub(crate) struct KnownValues {
    values: Vec<(Vec<u8>, Kind)>,
    index: HashMap<Vec<u8>, usize>,
    /// Anchor → (value, offset of the anchor in the value).
    by_anchor: HashMap<Vec<u8>, Vec<(usize, usize)>>,
    /// One bit per `filter_slot` of every anchor: most runs of a text miss here.
    filter: Vec<u64>,
    /// Values without a letter or digit, searched for as they are.
    anchorless: Vec<usize>,
    /// Length of the shortest anchor: shorter runs are skipped unlooked at.
    shortest_anchor: usize,
}

const FILTER_BITS: usize = 1 << 16;

fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// [`is_alnum`] as a table, for the loop over every byte of a text.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// A cheap fingerprint of a run: its length and its first and last bytes,
/// packed without hashing, since every run of a text is fingerprinted.
fn filter_slot(run: &[u8]) -> usize {
    let len = run.len().min(63);
    (len << 10) | (usize::from(run[0] & 31) << 5) | usize::from(run[run.len() - 1] & 31)
}

/// The longest run of letters and digits in `value` and where it starts.
fn anchor_of(value: &[u8]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < value.len() {
        if !is_alnum(value[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < value.len() && is_alnum(value[i]) {
            i += 1;
        }
        if best.is_none_or(|(bs, be)| i - s > be - bs) {
            best = Some((s, i));
        }
    }
    best
}

impl KnownValues {
    /// Remembers a value; returns whether it was new.
    pub fn add(&mut self, value: &[u8], kind: Kind) -> bool {
        if self.index.contains_key(value) {
            return false;
        }
        let idx = self.values.len();
        self.index.insert(value.to_vec(), idx);
        self.values.push((value.to_vec(), kind));
        match anchor_of(value) {
            Some((s, e)) => {
                let anchor = &value[s..e];
                if self.filter.is_empty() {
                    self.filter = vec![0; FILTER_BITS / 64];
                    self.shortest_anchor = anchor.len();
                }
                self.shortest_anchor = self.shortest_anchor.min(anchor.len());
                let slot = filter_slot(anchor);
                self.filter[slot / 64] |= 1 << (slot % 64);
                self.by_anchor
                    .entry(anchor.to_vec())
                    .or_default()
                    .push((idx, s));
            }
            None => self.anchorless.push(idx),
        }
        true
    }

    /// Learns what a detected value teaches: the value itself and, for names and
    /// addresses, the parts people write on their own.
    pub fn learn(&mut self, value: &[u8], kind: Kind) {
        match kind {
            Kind::Cvv | Kind::CardExpiry | Kind::PrivateKey => {}
            Kind::Name => {
                if value.len() >= 3 && !is_common_word(value) {
                    self.add(value, kind);
                }
                for w in name_words(value) {
                    self.add(w, kind);
                }
            }
            Kind::Address => {
                self.add_if_distinctive(value, kind);
                if let Some(p) = memchr::memchr(b',', value) {
                    self.add_if_distinctive(&value[..p], kind);
                }
            }
            _ => self.add_if_distinctive(value, kind),
        }
    }

    fn add_if_distinctive(&mut self, value: &[u8], kind: Kind) {
        let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
        let all_digits = digits == value.len();
        if value.len() < 6
            || (all_digits && digits < 7)
            || value.iter().all(u8::is_ascii_whitespace)
        {
            return;
        }
        self.add(value, kind);
    }

    /// Every whole-word occurrence of a known value in `text`. Overlapping
    /// occurrences are all reported; resolving merges them.
    pub fn find(&self, text: &[u8], out: &mut Vec<Candidate>) {
        if self.values.is_empty() {
            return;
        }
        if !self.by_anchor.is_empty() {
            // One pass with a table lookup per byte; a run is looked at where it ends.
            let mut start = usize::MAX;
            for (i, &b) in text.iter().enumerate() {
                if ALNUM[usize::from(b)] {
                    if start == usize::MAX {
                        start = i;
                    }
                } else if start != usize::MAX {
                    self.check_run(text, start, i, out);
                    start = usize::MAX;
                }
            }
            if start != usize::MAX {
                self.check_run(text, start, text.len(), out);
            }
        }
        for &idx in &self.anchorless {
            let value = &self.values[idx].0;
            for start in memchr::memmem::find_iter(text, value) {
                self.push_if_whole(text, start, idx, out);
            }
        }
    }

    /// Looks up the run `text[s..e]` as an anchor and checks each value it anchors.
    #[inline]
    fn check_run(&self, text: &[u8], s: usize, e: usize, out: &mut Vec<Candidate>) {
        if e - s < self.shortest_anchor {
            return;
        }
        let slot = filter_slot(&text[s..e]);
        if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
            return;
        }
        let Some(entries) = self.by_anchor.get(&text[s..e]) else {
            return;
        };
        for &(idx, offset) in entries {
            if let Some(start) = s.checked_sub(offset) {
                self.push_if_whole(text, start, idx, out);
            }
        }
    }

    fn push_if_whole(&self, text: &[u8], start: usize, idx: usize, out: &mut Vec<Candidate>) {
        let (value, kind) = &self.values[idx];
        let end = start + value.len();
        if text.get(start..end) != Some(value.as_slice()) {
            return;
        }
        let starts_word = value.first().is_some_and(|b| b.is_ascii_alphanumeric());
        let ends_word = value.last().is_some_and(|b| b.is_ascii_alphanumeric());
        let before = start.checked_sub(1).map(|i| text[i]);
        let after = text.get(end).copied();
        if starts_word && before.is_some_and(is_word_byte) {
            return;
        }
        if ends_word && after.is_some_and(is_word_byte) {
            return;
        }
        out.push(Candidate::new(
            start,
            end,
            *kind,
            "known-value",
            Priority::Known,
        ));
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn is_common_word(v: &[u8]) -> bool {
    std::str::from_utf8(v).is_ok_and(|s| NOT_NAMES.contains(&s))
}

/// One placeholder per distinct value, numbered per label in order of discovery.
#[derive(Default)]
pub(crate) struct Placeholders {
    by_identity: HashMap<Vec<u8>, (String, Kind)>,
    counters: HashMap<&'static str, usize>,
}

impl Placeholders {
    /// The placeholder for a value: the first kind it was seen as decides it.
    pub fn get(&mut self, identity: &[u8], kind: Kind) -> &str {
        let key = normalize(identity, kind);
        if !self.by_identity.contains_key(&key) {
            let n = self.counters.entry(kind.label()).or_insert(0);
            *n += 1;
            let text = if kind == Kind::CardNumber {
                let digits: Vec<u8> = identity
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_digit)
                    .collect();
                let last4 =
                    String::from_utf8_lossy(&digits[digits.len().saturating_sub(4)..]).into_owned();
                format!("[{}_{} ending {}]", kind.label(), n, last4)
            } else {
                format!("[{}_{}]", kind.label(), n)
            };
            self.by_identity.insert(key.clone(), (text, kind));
        }
        &self.by_identity[&key].0
    }

    /// The kind a value was first given, if seen before.
    pub fn kind_of(&self, identity: &[u8], kind: Kind) -> Option<Kind> {
        self.by_identity
            .get(&normalize(identity, kind))
            .map(|(_, k)| *k)
    }

    /// The original value behind a placeholder (for the local side-by-side view only).
    pub fn original(&self, placeholder: &str) -> Option<Vec<u8>> {
        self.by_identity
            .iter()
            .find(|(_, (p, _))| p == placeholder)
            .map(|(v, _)| v.clone())
    }

    pub fn len(&self) -> usize {
        self.by_identity.len()
    }
}

/// The same secret written two ways gets one placeholder: card digits without
/// separators, emails without URL encoding or case.
fn normalize(identity: &[u8], kind: Kind) -> Vec<u8> {
    match kind {
        Kind::CardNumber | Kind::Iban | Kind::Phone => identity
            .iter()
            .copied()
            .filter(|b| b.is_ascii_alphanumeric() || *b == b'+')
            .collect(),
        Kind::Email => {
            let lower = identity.to_ascii_lowercase();
            let s = String::from_utf8_lossy(&lower)
                .replace("%40", "@")
                .replace("%2b", "+");
            s.into_bytes()
        }
        _ => identity.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_same_placeholder_per_kind_counter() {
        let mut p = Placeholders::default();
        assert_eq!(p.get(b"a@b.example", Kind::Email), "[EMAIL_1]");
        assert_eq!(p.get(b"c@d.example", Kind::Email), "[EMAIL_2]");
        assert_eq!(p.get(b"A%40B.example", Kind::Email), "[EMAIL_1]");
        assert_eq!(
            p.get(b"4242 4242 4242 4242", Kind::CardNumber),
            "[CARD_1 ending 4242]"
        );
        assert_eq!(
            p.get(b"4242424242424242", Kind::CardNumber),
            "[CARD_1 ending 4242]"
        );
    }

    #[test]
    fn known_values_match_whole_words_only() {
        let mut k = KnownValues::default();
        k.learn("Ana Lima".as_bytes(), Kind::Name);
        let mut out = Vec::new();
        k.find(b"Thanks Ana! Analysis by Lima.", &mut out);
        let spans: Vec<_> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(7, 10), (24, 28)]);
    }
}
