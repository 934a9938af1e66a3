//! One placeholder per distinct value, numbered per label in order of
//! discovery, in memory that stays small however many values a text holds.
//!
//! Values are looked up by a keyed 64-bit fingerprint, not stored as keys: a
//! dump of two million distinct emails took a gigabyte as a map of strings.
//! An engine that remembers originals (every session's, where the operator
//! may keep a value) keeps them in one arena and checks every fingerprint hit
//! against it, so two values never share a placeholder there. A streaming
//! engine that cannot keep values drops the originals; two values would then
//! share a placeholder only on a fingerprint collision (about one chance in
//! ten million at two million values), which still redacts both.

use std::borrow::Cow;
use std::hash::{BuildHasher, RandomState};
use std::ops::Range;

use crate::redact::fasthash::FastMap;
use crate::redact::print_table::PrintTable;
use crate::redact::{Category, Kind};

#[derive(Clone, Copy)]
struct Slot {
    kind: Kind,
    number: u32,
}

/// Bits of a packed slot that hold its number: 33 million values a label.
const NUMBER_BITS: u32 = 25;

impl Slot {
    /// The slot in the fingerprint table's 32 bits: the kind's index, then the number.
    fn packed(self) -> Option<u32> {
        (self.number < 1 << NUMBER_BITS)
            .then_some(((self.kind as u32) << NUMBER_BITS) | self.number)
    }

    fn unpacked(v: u32) -> Slot {
        Slot {
            kind: Kind::ALL[(v >> NUMBER_BITS) as usize],
            number: v & ((1 << NUMBER_BITS) - 1),
        }
    }
}

/// The values numbered under one label.
#[derive(Default)]
struct Numbered {
    count: u32,
    /// Each run of numbers given to one kind, as its first number: a label's
    /// values are nearly always of one kind, and a byte a value was 2 MB on
    /// a dump of two million.
    kinds: Vec<(u32, Kind)>,
    /// Where each original sits in the arena, when originals are remembered.
    originals: Vec<Range<usize>>,
}

pub(crate) struct Placeholders {
    /// Keyed per engine, so a text cannot be written to collide on purpose.
    seed: RandomState,
    by_print: PrintTable,
    /// The rare values whose fingerprint an earlier value already holds.
    collided: FastMap<Vec<u8>, Slot>,
    labels: FastMap<&'static str, Numbered>,
    /// Normalised originals, back to back; `None` when not remembered.
    arena: Option<Vec<u8>>,
    count: usize,
}

impl Default for Placeholders {
    fn default() -> Self {
        Placeholders {
            seed: RandomState::new(),
            by_print: PrintTable::default(),
            collided: FastMap::default(),
            labels: FastMap::default(),
            arena: Some(Vec::new()),
            count: 0,
        }
    }
}

impl Placeholders {
    /// Stops remembering originals: [`Placeholders::original`] answers
    /// nothing from now on, and memory holds no value's bytes.
    pub fn forget_originals(&mut self) {
        self.arena = None;
        for n in self.labels.values_mut() {
            n.originals = Vec::new();
        }
    }

    pub fn remembers_originals(&self) -> bool {
        self.arena.is_some()
    }

    /// The placeholder and kind for a value found as `kind`: the placeholder
    /// of the kind the value was first given, if it was seen before.
    pub fn assign(&mut self, identity: &[u8], kind: Kind) -> (String, Kind) {
        let key = normalize(identity, kind);
        let slot = match self.find(&key) {
            Some(slot) if slot.kind != kind => {
                // Normalised as the first kind, the value may be another one.
                let first = normalize(identity, slot.kind);
                match self.find(&first) {
                    Some(slot) => slot,
                    None => self.number(&first, slot.kind),
                }
            }
            Some(slot) => slot,
            None => self.number(&key, kind),
        };
        (text_of(slot, identity), slot.kind)
    }

    fn print(&self, key: &[u8]) -> u64 {
        self.seed.hash_one(key)
    }

    fn find(&self, key: &[u8]) -> Option<Slot> {
        let slot = Slot::unpacked(self.by_print.get(self.print(key))?);
        if self.original_of(slot).is_none_or(|o| o == key) {
            return Some(slot);
        }
        self.collided.get(key).copied()
    }

    fn number(&mut self, key: &[u8], kind: Kind) -> Slot {
        let numbered = self.labels.entry(kind.label()).or_default();
        numbered.count += 1;
        let slot = Slot {
            kind,
            number: numbered.count,
        };
        if numbered.kinds.last().is_none_or(|&(_, last)| last != kind) {
            numbered.kinds.push((slot.number, kind));
        }
        if let Some(arena) = &mut self.arena {
            let start = arena.len();
            arena.extend_from_slice(key);
            numbered.originals.push(start..arena.len());
        }
        self.count += 1;
        let print = self.print(key);
        // Past the numbers a packed slot holds, a value is numbered but not
        // remembered: written again, it is redacted under a new number.
        if let Some(packed) = slot.packed()
            && self.by_print.insert(print, packed).is_some()
        {
            self.collided.insert(key.to_vec(), slot);
        }
        slot
    }

    fn original_of(&self, slot: Slot) -> Option<&[u8]> {
        let arena = self.arena.as_ref()?;
        let range = self
            .labels
            .get(slot.kind.label())?
            .originals
            .get(slot.number as usize - 1)?;
        Some(&arena[range.clone()])
    }

    /// The original value behind a placeholder (for the local side-by-side view only).
    pub fn original(&self, placeholder: &str) -> Option<Vec<u8>> {
        let slot = self.slot_of(placeholder)?;
        self.original_of(slot).map(<[u8]>::to_vec)
    }

    /// The kind of the value behind a placeholder.
    pub fn kind_of(&self, placeholder: &str) -> Option<Kind> {
        self.slot_of(placeholder).map(|s| s.kind)
    }

    /// `[EMAIL_3]` or `[CARD_2 ending 4242]` read back to its label's entry.
    fn slot_of(&self, placeholder: &str) -> Option<Slot> {
        let inner = placeholder.strip_prefix('[')?.strip_suffix(']')?;
        let head = inner.split(' ').next()?;
        let (label, number) = head.rsplit_once('_')?;
        let number: u32 = number.parse().ok()?;
        let numbered = self.labels.get(label)?;
        if !(1..=numbered.count).contains(&number) {
            return None;
        }
        let run = numbered
            .kinds
            .partition_point(|&(first, _)| first <= number);
        let (_, kind) = numbered.kinds[run - 1];
        let slot = Slot { kind, number };
        (text_of(slot, b"") == placeholder || kind == Kind::CardNumber).then_some(slot)
    }

    pub fn len(&self) -> usize {
        self.count
    }
}

/// The placeholder's text; a card's ends with the last four digits it was
/// written with, which are the same for every writing of one number.
fn text_of(slot: Slot, identity: &[u8]) -> String {
    // Written piece by piece: one placeholder a finding, and `format!`
    // cost more than the lookup that numbered it.
    let label = slot.kind.label();
    let mut text = String::with_capacity(label.len() + 24);
    text.push('[');
    text.push_str(label);
    text.push('_');
    push_number(&mut text, slot.number);
    if slot.kind == Kind::CardNumber {
        let digits: Vec<u8> = identity
            .iter()
            .copied()
            .filter(u8::is_ascii_digit)
            .collect();
        text.push_str(" ending ");
        text.push_str(&String::from_utf8_lossy(
            &digits[digits.len().saturating_sub(4)..],
        ));
    }
    text.push(']');
    text
}

fn push_number(text: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    text.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// `’`, U+2019, in UTF-8.
const TYPOGRAPHIC_APOSTROPHE: &[u8] = "\u{2019}".as_bytes();

/// The same secret written two ways gets one placeholder: card digits without
/// separators, emails without URL encoding or case.
fn normalize(identity: &[u8], kind: Kind) -> Cow<'_, [u8]> {
    match kind {
        Kind::CardNumber | Kind::Iban | Kind::Phone => Cow::Owned(
            identity
                .iter()
                .copied()
                .filter(|b| b.is_ascii_alphanumeric() || *b == b'+')
                .collect(),
        ),
        Kind::Email => {
            let lower = identity.to_ascii_lowercase();
            let s = String::from_utf8_lossy(&lower)
                .replace("%40", "@")
                .replace("%2b", "+");
            Cow::Owned(s.into_bytes())
        }
        // An operator's term in any case is one value.
        Kind::Custom => Cow::Owned(
            String::from_utf8_lossy(identity)
                .to_lowercase()
                .into_bytes(),
        ),
        // A name or an address with a typographic apostrophe is the one
        // with a straight one (`D’Amico`, `O&#039;Dowd` read inside a
        // value quoted with `'`).
        _ if kind.category() == Category::Customer
            && memchr::memmem::find(identity, TYPOGRAPHIC_APOSTROPHE).is_some() =>
        {
            let mut folded = Vec::with_capacity(identity.len());
            let mut rest = identity;
            while let Some(at) = memchr::memmem::find(rest, TYPOGRAPHIC_APOSTROPHE) {
                folded.extend_from_slice(&rest[..at]);
                folded.push(b'\'');
                rest = &rest[at + TYPOGRAPHIC_APOSTROPHE.len()..];
            }
            folded.extend_from_slice(rest);
            Cow::Owned(folded)
        }
        _ => Cow::Borrowed(identity),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(p: &mut Placeholders, v: &[u8], kind: Kind) -> String {
        p.assign(v, kind).0
    }

    #[test]
    fn same_value_same_placeholder_per_kind_counter() {
        let mut p = Placeholders::default();
        assert_eq!(get(&mut p, b"a@b.example", Kind::Email), "[EMAIL_1]");
        assert_eq!(get(&mut p, b"c@d.example", Kind::Email), "[EMAIL_2]");
        assert_eq!(get(&mut p, b"A%40B.example", Kind::Email), "[EMAIL_1]");
        assert_eq!(
            get(&mut p, b"4242 4242 4242 4242", Kind::CardNumber),
            "[CARD_1 ending 4242]"
        );
        assert_eq!(
            get(&mut p, b"4242424242424242", Kind::CardNumber),
            "[CARD_1 ending 4242]"
        );
        assert_eq!(
            p.original("[EMAIL_1]").as_deref(),
            Some(&b"a@b.example"[..])
        );
        assert_eq!(
            p.original("[CARD_1 ending 4242]").as_deref(),
            Some(&b"4242424242424242"[..])
        );
        assert_eq!(p.kind_of("[EMAIL_2]"), Some(Kind::Email));
        assert_eq!(p.kind_of("[EMAIL_3]"), None);
        assert_eq!(p.kind_of("[EMAIL_0]"), None);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn a_value_seen_first_as_one_kind_keeps_that_placeholder() {
        let mut p = Placeholders::default();
        let (first, kind) = p.assign(b"ana.lima", Kind::Username);
        assert_eq!(kind, Kind::Username);
        assert_eq!(p.assign(b"ana.lima", Kind::Name), (first, Kind::Username));
    }

    #[test]
    fn kinds_that_share_a_label_are_told_apart_by_number() {
        let mut p = Placeholders::default();
        p.forget_originals();
        let kinds = [
            Kind::Secret,
            Kind::Secret,
            Kind::HighEntropy,
            Kind::Secret,
            Kind::HighEntropy,
            Kind::HighEntropy,
        ];
        for (n, &kind) in kinds.iter().enumerate() {
            let value = format!("value-{n}");
            assert_eq!(
                p.assign(value.as_bytes(), kind),
                (format!("[SECRET_{}]", n + 1), kind)
            );
        }
        for (n, &kind) in kinds.iter().enumerate() {
            assert_eq!(p.kind_of(&format!("[SECRET_{}]", n + 1)), Some(kind));
        }
        assert_eq!(p.kind_of("[SECRET_7]"), None);
        assert_eq!(p.kind_of("[SECRET_0]"), None);
    }

    #[test]
    fn numbers_are_written_whole() {
        let mut p = Placeholders::default();
        let placeholders: Vec<String> = (0..105)
            .map(|i| {
                get(
                    &mut p,
                    format!("user{i}@shop.example").as_bytes(),
                    Kind::Email,
                )
            })
            .collect();
        assert_eq!(placeholders[9], "[EMAIL_10]");
        assert_eq!(placeholders[104], "[EMAIL_105]");
        for number in [0, 7, 10, 99, 100, 4_294_967_295] {
            let mut text = String::new();
            push_number(&mut text, number);
            assert_eq!(text, number.to_string());
        }
    }

    #[test]
    fn a_fingerprint_collision_never_shares_a_placeholder_when_originals_are_kept() {
        let mut p = Placeholders::default();
        let (a, _) = p.assign(b"first@value.example", Kind::Email);
        // Plant the second value's fingerprint on the first one's slot.
        let second = normalize(b"second@value.example", Kind::Email);
        let first = normalize(b"first@value.example", Kind::Email);
        let slot = p.by_print.get(p.print(&first)).unwrap();
        let print = p.print(&second);
        p.by_print.set(print, slot);
        let (b, _) = p.assign(b"second@value.example", Kind::Email);
        assert_ne!(a, b);
        assert_eq!(p.assign(b"second@value.example", Kind::Email).0, b);
        assert_eq!(p.assign(b"first@value.example", Kind::Email).0, a);
    }

    #[test]
    fn a_slot_packs_into_the_fingerprint_tables_value() {
        for &kind in Kind::ALL {
            for number in [1, 2, 1_000_000, (1 << NUMBER_BITS) - 1] {
                let packed = Slot { kind, number }.packed().unwrap();
                let slot = Slot::unpacked(packed);
                assert_eq!((slot.kind, slot.number), (kind, number));
            }
        }
        let past = Slot {
            kind: Kind::Email,
            number: 1 << NUMBER_BITS,
        };
        assert!(past.packed().is_none());
    }

    #[test]
    fn forgetting_originals_keeps_the_numbering() {
        let mut p = Placeholders::default();
        p.forget_originals();
        assert_eq!(get(&mut p, b"a@b.example", Kind::Email), "[EMAIL_1]");
        assert_eq!(get(&mut p, b"A@B.EXAMPLE", Kind::Email), "[EMAIL_1]");
        assert_eq!(get(&mut p, b"c@d.example", Kind::Email), "[EMAIL_2]");
        assert_eq!(p.original("[EMAIL_1]"), None);
        assert_eq!(p.kind_of("[EMAIL_1]"), Some(Kind::Email));
    }
}
