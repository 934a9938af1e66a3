//! Values already known to be secret in this session, found again wherever they
//! appear (a name learned from `[first_name]` is redacted in "Thanks Ana!"),
//! and the placeholders that stand for them.

use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::quality::RandomState;

use crate::redact::Kind;
use crate::redact::byteclass::{alnum_mask, for_each_run_in, is_alnum};
use crate::redact::print_table::PrintTable;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::{is_not_name, name_words, unescape_name};

/// Values are looked up by an anchor: their longest run of ASCII letters and
/// digits. An occurrence that passes the word-boundary checks has that run as a
/// whole run of the text (the bytes around it in the value are not letters or
/// digits, or the boundary check forbids them), so one walk over the runs of a
/// text, with a bit filter in front of a hash lookup, finds every candidate.
/// Unlike one automaton over all values, the walk costs the same however many
/// values a session has learned.
///
/// Values and anchors are held as keyed 64-bit fingerprints, not bytes, and at
/// most [`KNOWN_VALUES_MAX`] of them: memory stays flat on a dump of millions
/// of distinct values. A fingerprint that matches by chance (about one run in
/// 10^13 at the cap) redacts a few harmless bytes; it never lets a value through.
#[derive(Default)]
pub(crate) struct KnownValues {
    /// Keyed per engine, so a text cannot be written to collide on purpose.
    seed: RandomState,
    /// Every value's fingerprint, with the kind it was learned as (its index).
    index: PrintTable,
    /// Anchor → where its value sits around it, packed by [`pack_shape`]: a
    /// run of the text that matches the anchor names the slice to look up in
    /// `index`.
    shapes: PrintTable,
    /// The further shapes of anchors that many values share (a thousand
    /// addresses on one `Harbour Road`, the IPs of one subnet, a phone and
    /// its national number): anchor → its list's head in `further_shapes`.
    more_shapes: PrintTable,
    /// Lists of shapes, linked by index, eight bytes a shape: a map of
    /// vectors took about fifty.
    further_shapes: Vec<FurtherShape>,
    /// One bit per `filter_slot` of every anchor: most runs of a text miss here.
    filter: Vec<u64>,
    /// Values without a letter or digit, searched for as they are.
    anchorless: Vec<(Vec<u8>, Kind)>,
    /// Length of the shortest anchor: shorter runs are skipped unlooked at.
    shortest_anchor: usize,
}

/// Values learned beyond this many are redacted where their own rules find
/// them, but no longer looked for elsewhere: about 10 MB of fingerprints.
pub(crate) const KNOWN_VALUES_MAX: usize = 1 << 18;

/// Where an anchor sits in its value, in 32 bits: the anchor's offset, then
/// the value's length (values are learned up to [`VALUE_MAX`] bytes).
fn pack_shape(offset: usize, len: usize) -> u32 {
    (offset as u32) << 16 | len as u32
}

fn unpack_shape(shape: u32) -> (usize, usize) {
    ((shape >> 16) as usize, (shape & 0xFFFF) as usize)
}

/// A batch of lookups in [`KnownValues::find`], in the vectors each round fills.
#[derive(Default)]
struct Lookups {
    /// Runs that passed the filter, as (start, end).
    passed: Vec<(usize, usize)>,
    /// Their starts and fingerprints.
    anchors: Vec<(usize, u64)>,
    /// The values around them, as (start, length, fingerprint).
    values: Vec<(usize, usize, u64)>,
}

/// A shape in a list of an anchor's further shapes.
#[derive(Clone, Copy)]
struct FurtherShape {
    shape: u32,
    /// The next in the list, or [`NO_SHAPE`].
    next: u32,
}

const NO_SHAPE: u32 = u32::MAX;

/// Longest value remembered: longer ones are found by their own rules only.
const VALUE_MAX: usize = 0xFFFF;

const FILTER_LOG2: u32 = 20;
const FILTER_BITS: usize = 1 << FILTER_LOG2;

/// Lookups asked for together: enough to overlap their waits on memory,
/// few enough that what they fetch is still in the cache when read.
const LOOKUP_BATCH: usize = 32;

/// A cheap fingerprint of a run: its length and its first two and last two
/// bytes (read as two 16-bit words), mixed by one multiplication, since every
/// run of a text is fingerprinted.
fn filter_slot(run: &[u8]) -> usize {
    let n = run.len();
    let edges = match (run.first_chunk::<2>(), run.last_chunk::<2>()) {
        (Some(&first), Some(&last)) => {
            u64::from(u16::from_le_bytes(first)) | u64::from(u16::from_le_bytes(last)) << 16
        }
        _ => run.first().map_or(0, |&b| u64::from(b) * 0x0101_0101),
    } | (n.min(255) as u64) << 32;
    (edges.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_LOG2)) as usize
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

/// The number after an international phone's country code, when a blank or
/// a dash sets the code apart (`+34 708058347`, `+44 (0)20 7946 0018`), the
/// code opened by `+` or by the `00` most of the world dials for it
/// (`0034 709332191`).
fn national_part(phone: &[u8]) -> Option<&[u8]> {
    let rest = phone
        .strip_prefix(b"+")
        .or_else(|| phone.strip_prefix(b"00"))?;
    let code = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=3).contains(&code) || !matches!(rest.get(code), Some(b' ' | b'-' | b'.')) {
        return None;
    }
    let national = rest[code + 1..].trim_ascii_start();
    let national = national
        .strip_prefix(b"(0)")
        .unwrap_or(national)
        .trim_ascii_start();
    let digits = national.iter().filter(|b| b.is_ascii_digit()).count();
    (digits >= 6 && national.first().is_some_and(u8::is_ascii_digit)).then_some(national)
}

impl KnownValues {
    fn print(&self, bytes: &[u8]) -> u64 {
        self.seed.hash_one(bytes)
    }

    /// Remembers a value; returns whether it was new.
    pub fn add(&mut self, value: &[u8], kind: Kind) -> bool {
        if value.len() > VALUE_MAX || self.index.len() >= KNOWN_VALUES_MAX {
            return false;
        }
        let print = self.print(value);
        if self.index.insert(print, kind as u32).is_some() {
            return false;
        }
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
                let shape = pack_shape(s, value.len());
                let anchor_print = self.print(anchor);
                if let Some(first) = self.shapes.insert(anchor_print, shape)
                    && first != shape
                {
                    self.add_further_shape(anchor_print, shape);
                }
            }
            None => self.anchorless.push((value.to_vec(), kind)),
        }
        true
    }

    fn add_further_shape(&mut self, anchor_print: u64, shape: u32) {
        let new = self.further_shapes.len() as u32;
        let Some(head) = self.more_shapes.insert(anchor_print, new) else {
            self.further_shapes.push(FurtherShape {
                shape,
                next: NO_SHAPE,
            });
            return;
        };
        if !self.further_shapes_from(head).any(|s| s == shape) {
            // Linked in after the head, so the table's entry stays as it is.
            let head = &mut self.further_shapes[head as usize];
            let next = std::mem::replace(&mut head.next, new);
            self.further_shapes.push(FurtherShape { shape, next });
        }
    }

    fn further_shapes_from(&self, head: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = head;
        std::iter::from_fn(move || {
            let node = self.further_shapes.get(at as usize)?;
            at = node.next;
            Some(node.shape)
        })
    }

    /// Learns what a detected value teaches: the value itself and, for names and
    /// addresses, the parts people write on their own.
    pub fn learn(&mut self, value: &[u8], kind: Kind) {
        // Form data and JSON write a value escaped (`Krist%C3%ADn`,
        // `Fern\u00e1ndez`); elsewhere it is written as a person reads it.
        let escaped = memchr::memchr3(b'%', b'\\', b'+', value).is_some();
        if escaped
            && let Some(read) = unescape_name(value)
            && read.as_bytes() != value
        {
            self.learn_as_written(read.as_bytes(), kind);
        }
        self.learn_as_written(value, kind);
    }

    fn learn_as_written(&mut self, value: &[u8], kind: Kind) {
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
                // A second line as short as `Kat 3`, `5º B`: a word and a
                // number together are distinctive even in five bytes.
                let short_line = (4..6).contains(&value.len())
                    && value.contains(&b' ')
                    && value.iter().any(u8::is_ascii_digit)
                    && value.iter().any(|&b| b.is_ascii_alphabetic() || b >= 0x80);
                if short_line {
                    self.add(value, kind);
                }
                self.add_if_distinctive(value, kind);
                if let Some(p) = memchr::memchr(b',', value) {
                    self.add_if_distinctive(&value[..p], kind);
                }
            }
            Kind::Phone => {
                self.add_if_distinctive(value, kind);
                // A form's `+34 708058347` is `708058347` in the customer's
                // own note, and `+44 7700 900123` is `07700 900123`.
                if let Some(national) = national_part(value) {
                    self.add_if_distinctive(national, kind);
                    if !national.starts_with(b"0") {
                        self.add_if_distinctive(&[b"0", national].concat(), kind);
                    }
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
        self.find_outside(text, &[], out);
    }

    /// [`KnownValues::find`] in a text whose findings `out` holds, resolved:
    /// a run inside a finding stronger than a guess is not looked up. A
    /// known value around it would lose to that finding whatever its extent
    /// (see `resolve::settle`), and in a dense text most known values sit
    /// where their own rules found them.
    pub fn find_beside_found(&self, text: &[u8], out: &mut Vec<Candidate>) {
        let mut found: Vec<Range<usize>> = out
            .iter()
            .filter(|c| c.priority > Priority::Heuristic)
            .map(|c| c.start..c.end)
            .collect();
        if !found.is_sorted_by_key(|r| r.start) {
            found.sort_unstable_by_key(|r| r.start);
        }
        self.find_outside(text, &found, out);
    }

    /// [`KnownValues::find`], skipping runs inside one of `found`, which
    /// are disjoint and in order.
    fn find_outside(&self, text: &[u8], found: &[Range<usize>], out: &mut Vec<Candidate>) {
        if self.index.len() == 0 {
            return;
        }
        if self.shapes.len() > 0 {
            // Runs that pass the filter are looked up in batches, in two
            // rounds: each round asks for the memory of all its lookups
            // first, so their waits overlap rather than add up (the tables
            // are megabytes, and most lookups miss the cache).
            let mut lookups = Lookups::default();
            let mut next_found = 0;
            for_each_run(text, self.shortest_anchor, |s, e| {
                while found.get(next_found).is_some_and(|f| f.end <= s) {
                    next_found += 1;
                }
                let inside_found = found
                    .get(next_found)
                    .is_some_and(|f| f.start <= s && e <= f.end);
                if !inside_found && self.may_be_anchor(&text[s..e]) {
                    lookups.passed.push((s, e));
                    if lookups.passed.len() == LOOKUP_BATCH {
                        self.look_up(text, &mut lookups, out);
                    }
                }
            });
            self.look_up(text, &mut lookups, out);
        }
        for (value, kind) in &self.anchorless {
            for start in memchr::memmem::find_iter(text, value) {
                push_if_whole(text, start, value.len(), *kind, out);
            }
        }
    }

    /// Looks up the runs `lookups` has passed, then clears it.
    fn look_up(&self, text: &[u8], lookups: &mut Lookups, out: &mut Vec<Candidate>) {
        let Lookups {
            passed,
            anchors,
            values,
        } = lookups;
        anchors.clear();
        anchors.extend(passed.drain(..).map(|(s, e)| {
            let print = self.print(&text[s..e]);
            self.shapes.prefetch(print);
            (s, print)
        }));
        values.clear();
        for &(s, anchor_print) in anchors.iter() {
            self.values_around(text, s, anchor_print, values);
        }
        for &(_, _, print) in values.iter() {
            self.index.prefetch(print);
        }
        for &(start, len, print) in values.iter() {
            if let Some(kind) = self.index.get(print) {
                let kind = Kind::ALL[kind as usize];
                if kind == Kind::Password && names_a_server(text, start, start + len) {
                    continue;
                }
                push_known(start, len, kind, out);
            }
        }
    }

    /// Whether `run` may be an anchor: false for nearly every word of a text.
    #[inline]
    fn may_be_anchor(&self, run: &[u8]) -> bool {
        // One branch, rarely taken: a branch on the length alone would
        // mispredict on every other word of a text.
        let slot = filter_slot(run);
        let in_filter = self.filter[slot / 64] & (1 << (slot % 64)) != 0;
        in_filter & (run.len() >= self.shortest_anchor)
    }

    /// The whole values the anchor at `text[s..]` would sit in, as (start,
    /// length, fingerprint), for the lookups in `index` that say which are known.
    fn values_around(
        &self,
        text: &[u8],
        s: usize,
        anchor_print: u64,
        out: &mut Vec<(usize, usize, u64)>,
    ) {
        let Some(first) = self.shapes.get(anchor_print) else {
            return;
        };
        let more = self.more_shapes.get(anchor_print).unwrap_or(NO_SHAPE);
        for (offset, len) in std::iter::once(first)
            .chain(self.further_shapes_from(more))
            .map(unpack_shape)
        {
            let Some(start) = s.checked_sub(offset) else {
                continue;
            };
            // Checked before the fingerprint: most places an anchor's word
            // is met (a phone's `2024` in a date) hold no whole value
            // around it, and cost no lookup.
            if let Some(candidate) = text.get(start..start + len)
                && is_whole(text, start, len)
            {
                out.push((start, len, self.print(candidate)));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }
}

/// Reports the known value at `text[start..start + len]` unless it is part of
/// a longer word.
fn push_if_whole(text: &[u8], start: usize, len: usize, kind: Kind, out: &mut Vec<Candidate>) {
    if is_whole(text, start, len) {
        push_known(start, len, kind, out);
    }
}

/// Whether the word at `start..end` is a URL's scheme or a label of a host
/// name (`mongodb` in `mongodb+srv://…@cluster0.mongodb.net`): a password
/// that is a plain word (`mongodb://mongodb:mongodb@…`) is not the word
/// wherever a URL names the server.
fn names_a_server(text: &[u8], start: usize, end: usize) -> bool {
    if !text[start..end].iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let after = &text[end..text.len().min(end + 16)];
    let scheme_tail = after
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'+')
        .count();
    if after[scheme_tail..].starts_with(b"://") && (scheme_tail == 0 || after[0] == b'+') {
        return true;
    }
    let host_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let label_before = start > 1 && text[start - 1] == b'.' && host_byte(&text[start - 2]);
    let label_after = text.get(end) == Some(&b'.') && text.get(end + 1).is_some_and(host_byte);
    label_before || label_after
}

fn push_known(start: usize, len: usize, kind: Kind, out: &mut Vec<Candidate>) {
    out.push(Candidate::new(
        start,
        start + len,
        kind,
        "known-value",
        Priority::Known,
    ));
}

/// Calls `f(start, end)` for every run of letters and digits at least
/// `min_len` long, in order (see [`for_each_run_in`]).
fn for_each_run(text: &[u8], min_len: usize, f: impl FnMut(usize, usize)) {
    for_each_run_in(text, min_len, alnum_mask, f);
}

/// Whether `text[start..start + len]` is not part of a longer word: a value
/// that starts or ends with a letter or digit must not continue one.
#[inline]
fn is_whole(text: &[u8], start: usize, len: usize) -> bool {
    let end = start + len;
    let value = &text[start..end];
    let starts_word = value.first().is_some_and(u8::is_ascii_alphanumeric);
    let ends_word = value.last().is_some_and(u8::is_ascii_alphanumeric);
    let before = start.checked_sub(1).map(|i| text[i]);
    let after = text.get(end).copied();
    !(starts_word && before.is_some_and(is_word_byte)
        || ends_word && after.is_some_and(is_word_byte))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn is_common_word(v: &[u8]) -> bool {
    std::str::from_utf8(v).is_ok_and(is_not_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_read_off_the_masks_as_byte_by_byte() {
        let naive = |t: &[u8], min_len: usize| {
            let mut runs = Vec::new();
            let mut i = 0;
            while i < t.len() {
                if is_alnum(t[i]) {
                    let s = i;
                    while i < t.len() && is_alnum(t[i]) {
                        i += 1;
                    }
                    if i - s >= min_len.min(64) {
                        runs.push((s, i));
                    }
                } else {
                    i += 1;
                }
            }
            runs
        };
        let mut seed = 7u64;
        for len in 0..300 {
            // Fewer separators in longer texts, so runs of every length cross block edges.
            let alphabet: &[u8] = if len % 2 == 0 {
                b"ab9 ,-\n\xc3Z"
            } else {
                b"ab9Zxyz09 ."
            };
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            for min_len in [0, 1, 2, 3, 5, 8, 9, 64, 65] {
                let mut got = Vec::new();
                for_each_run(&text, min_len, |s, e| got.push((s, e)));
                assert_eq!(got, naive(&text, min_len), "{len} {min_len}");
            }
        }
        let long = [b'x'; 200];
        for min_len in [1, 8, 64, 200] {
            let mut got = Vec::new();
            for_each_run(&long, min_len, |s, e| got.push((s, e)));
            assert_eq!(got, vec![(0, 200)]);
        }
        // Runs of 63, 64 and 65 letters across block edges, against the minimum of 64.
        let text = format!("{} {} {}", "a".repeat(63), "b".repeat(64), "c".repeat(65));
        let mut got = Vec::new();
        for_each_run(text.as_bytes(), 64, |s, e| got.push((s, e)));
        assert_eq!(got, vec![(64, 128), (129, 194)]);
    }

    /// Values learned as `kind`, as a learning pass meets them.
    fn learned(values: &[&str], kind: Kind) -> KnownValues {
        let mut k = KnownValues::default();
        for value in values {
            k.learn(value.as_bytes(), kind);
        }
        k
    }

    /// What `k` finds in `text`, in the order found.
    fn found_in<'t>(k: &KnownValues, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        k.find(text.as_bytes(), &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn values_sharing_an_anchor_are_each_found() {
        let mut k = KnownValues::default();
        let addresses: Vec<String> = (1..=300).map(|n| format!("{n} Harbour Road")).collect();
        for a in &addresses {
            k.add(a.as_bytes(), Kind::Address);
        }
        k.add(b"Harbour", Kind::Name);
        let text = "Harbour Road; 7 Harbour Road; 250 Harbour Road; 301 Harbour Road";
        let mut found = found_in(&k, text);
        found.sort();
        assert_eq!(
            found,
            [
                "250 Harbour Road",
                "7 Harbour Road",
                "Harbour",
                "Harbour",
                "Harbour",
                "Harbour"
            ]
        );
    }

    #[test]
    fn an_international_number_is_known_as_written_at_home() {
        let k = learned(
            &[
                "+34 612093847",
                "+44 (0)20 7946 0321",
                "+4915112345678",
                "+1 555",
                "0031 20 794 6611",
                "0049-30-901820",
                "00 39 6 1234 5678",
                "0017012345678",
            ],
            Kind::Phone,
        );
        let text = "whatsapp 612093847, landline 020 7946 0321 or 20 7946 0321; \
                    not 015112345678, 555 or 1612093847; office 20 794 6611, \
                    Berlin 30-901820; not 6 1234 5678 nor 7012345678";
        let found = found_in(&k, text);
        assert_eq!(
            found,
            [
                "612093847",
                "020 7946 0321",
                "20 7946 0321",
                "20 794 6611",
                "30-901820"
            ]
        );
    }

    #[test]
    fn each_half_of_a_double_barrelled_surname_is_known() {
        let k = learned(
            &[
                "Kayla Rutherford-O'Brien",
                "Tomás Ruiz-D'Angelo",
                "Jo Li-Ng",
            ],
            Kind::Name,
        );
        let text = "O'Brien and Rutherford wrote; Angelo and Ruiz too. Li-Ng, not Ng.";
        let mut found = found_in(&k, text);
        found.sort();
        found.dedup();
        assert_eq!(found, ["Angelo", "Li-Ng", "O'Brien", "Ruiz", "Rutherford"]);
    }

    #[test]
    fn short_second_lines_are_learned_longer_words_alone_are_not() {
        let k = learned(
            &["Kat 3", "5º B", "Apt 9", "Flat", "12", "3 4"],
            Kind::Address,
        );
        let text = "Zeynep Cad. No:4 Kat 3 Izmir / Calle Mayor 5º B / Apt 9 / Flat 12 3 4";
        let mut found = found_in(&k, text);
        found.sort();
        assert_eq!(found, ["5º B", "Apt 9", "Kat 3"]);
    }

    #[test]
    fn a_value_learned_escaped_is_found_as_a_person_reads_it() {
        let mut k = KnownValues::default();
        k.learn(b"Sigr%C3%BAn", Kind::Name);
        k.learn(b"Vesterbrogade+41%2C+2.+th", Kind::Address);
        k.learn(br"Fern\u00e1ndez", Kind::Name);
        let text = "Sigrún / Vesterbrogade 41, 2. th / Fernández / Sigr%C3%BAn";
        let mut found = found_in(&k, text);
        found.sort();
        found.dedup();
        assert_eq!(
            found,
            [
                "Fernández",
                "Sigr%C3%BAn",
                "Sigrún",
                "Vesterbrogade 41",
                "Vesterbrogade 41, 2. th"
            ]
        );
    }

    #[test]
    fn a_word_password_is_not_the_servers_name_in_a_url() {
        let mut k = KnownValues::default();
        k.learn(b"mongodb", Kind::Password);
        k.learn(b"Xk9vLmq", Kind::Password);
        let text = b"mongodb+srv://app:x@c0.mongodb.net mongodb://h/ pw mongodb, Xk9vLmq.example";
        let mut out = Vec::new();
        k.find(text, &mut out);
        let spans: Vec<_> = out.iter().map(|c| &text[c.start..c.end]).collect();
        // Only the word standing alone, and a password that is no plain word.
        assert_eq!(spans, [&b"mongodb"[..], b"Xk9vLmq"]);
        assert_eq!(out[0].start, 51);
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

    #[test]
    fn runs_inside_stronger_findings_are_not_looked_up_and_nothing_changes() {
        let k = learned(&["Harriet MacLeod", "MacLeod Ltd"], Kind::Name);
        let text = "to: Harriet MacLeod; guess Harriet MacLeod; plain Harriet MacLeod; \
                    key=Harriet MacLeod Ltd";
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).unwrap().0;
        let finding = |start: usize, end: usize, priority: Priority| {
            Candidate::new(start, end, Kind::Name, "test", priority)
        };
        let keyed = at("Harriet", 0);
        let guessed = at("Harriet", 1);
        let last = at("Harriet", 3);
        let before = vec![
            finding(keyed, keyed + 15, Priority::Keyed),
            finding(guessed, guessed + 15, Priority::Heuristic),
            // `MacLeod` sits inside it, `MacLeod Ltd` sticks out of it.
            finding(last, last + 15, Priority::Keyed),
        ];
        let mut beside = before.clone();
        k.find_beside_found(text.as_bytes(), &mut beside);
        // Under a guess and in plain text the values (and their names'
        // parts) are still looked up; under the keyed findings, not.
        let plain = at("Harriet", 2);
        let added = &beside[before.len()..];
        let under = |c: &Candidate, start: usize| (start..start + 15).contains(&c.start);
        assert!(added.iter().all(|c| under(c, guessed) || under(c, plain)));
        for start in [guessed, plain] {
            assert!(
                added
                    .iter()
                    .any(|c| (c.start, c.end) == (start, start + 15))
            );
        }

        let mut everywhere = before.clone();
        k.find(text.as_bytes(), &mut everywhere);
        assert!(everywhere.len() > beside.len());
        let spans = |cands: Vec<Candidate>| {
            let resolved = crate::redact::resolve::resolve(cands, text.as_bytes());
            resolved
                .iter()
                .map(|c| (c.start, c.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(beside), spans(everywhere));
    }
}
