//! Values already known to be secret in this session, found again wherever they
//! appear (a name learned from `[first_name]` is redacted in "Thanks Ana!"),
//! and the placeholders that stand for them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Kind;
use super::scan::{Candidate, Priority};
use super::values::{NOT_NAMES, name_words};

#[derive(Default)]
pub(crate) struct KnownValues {
    values: Vec<(Vec<u8>, Kind)>,
    index: HashMap<Vec<u8>, usize>,
    automaton: Option<AhoCorasick>,
    dirty: bool,
}

impl KnownValues {
    /// Remembers a value; returns whether it was new.
    pub fn add(&mut self, value: &[u8], kind: Kind) -> bool {
        if self.index.contains_key(value) {
            return false;
        }
        self.index.insert(value.to_vec(), self.values.len());
        self.values.push((value.to_vec(), kind));
        self.dirty = true;
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

    /// Every whole-word occurrence of a known value in `text`.
    pub fn find(&mut self, text: &[u8], out: &mut Vec<Candidate>) {
        if self.values.is_empty() {
            return;
        }
        if self.dirty || self.automaton.is_none() {
            self.automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(self.values.iter().map(|(v, _)| v))
                .ok();
            self.dirty = false;
        }
        let Some(ac) = &self.automaton else {
            return;
        };
        for m in ac.find_iter(text) {
            let (value, kind) = &self.values[m.pattern().as_usize()];
            let starts_word = value.first().is_some_and(|b| b.is_ascii_alphanumeric());
            let ends_word = value.last().is_some_and(|b| b.is_ascii_alphanumeric());
            let before = m.start().checked_sub(1).map(|i| text[i]);
            let after = text.get(m.end()).copied();
            if starts_word && before.is_some_and(is_word_byte) {
                continue;
            }
            if ends_word && after.is_some_and(is_word_byte) {
                continue;
            }
            out.push(Candidate::new(
                m.start(),
                m.end(),
                *kind,
                "known-value",
                Priority::Known,
            ));
        }
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
