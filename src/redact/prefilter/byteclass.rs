//! Bitmaps of byte classes, one bit per byte of a 64-byte block, for the
//! detectors that walk runs of a class over every byte of a text (words for
//! learned values, digits and spaces for cards, capitals and digits for
//! IBANs). A branch per byte mispredicts at every boundary between classes;
//! a bitmap turns a run into a few bit operations.
//!
//! On x86_64 the maps are built with SSE2, sixteen bytes per instruction;
//! elsewhere, byte by byte from a table. Both give the same bits (tested).

use std::ops::Range;

/// Bits of [`CLASS`]: which classes a byte belongs to.
const ALNUM: u8 = 1;
/// Digits, spaces and dashes: what a card number is written with.
const CARD: u8 = 2;
/// Digits, capitals, spaces and dashes: what an IBAN is written with.
const IBAN: u8 = 4;
/// Hex digits, dots and colons: what an IP address is written with.
const ADDRESS: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        if b.is_ascii_alphanumeric() {
            c |= ALNUM;
        }
        // Cards are printed grouped by spaces, dashes or dots.
        if b.is_ascii_digit() || b == b' ' || b == b'-' || b == b'.' {
            c |= CARD;
        }
        // Grouped by spaces, or by dashes as some banks print them.
        if b.is_ascii_digit() || b.is_ascii_uppercase() || b == b' ' || b == b'-' {
            c |= IBAN;
        }
        if b.is_ascii_hexdigit() || b == b'.' || b == b':' {
            c |= ADDRESS;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// The bytes of `bytes` (at most 64) in `class`, as bits from the lowest.
fn scalar(bytes: &[u8], class: u8) -> u64 {
    bytes.iter().enumerate().fold(0u64, |m, (i, &b)| {
        m | u64::from(CLASS[usize::from(b)] & class != 0) << i
    })
}

pub(crate) fn is_alnum(b: u8) -> bool {
    CLASS[usize::from(b)] & ALNUM != 0
}

pub(crate) fn is_card_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & CARD != 0
}

pub(crate) fn is_iban_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & IBAN != 0
}

pub(crate) fn is_address_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & ADDRESS != 0
}

/// The address bytes (see [`is_address_byte`]), the dots and the colons of
/// up to 64 bytes.
#[inline]
fn address_masks(bytes: &[u8]) -> (u64, u64, u64) {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = bytes.try_into() {
        // SAFETY: as in `alnum_mask`.
        return unsafe { sse2::address(block) };
    }
    let (dots, colons) = (equal_mask(bytes, [b'.']), equal_mask(bytes, [b':']));
    (scalar(bytes, ADDRESS), dots, colons)
}

/// ASCII letters and digits, for up to 64 bytes.
#[inline]
pub(crate) fn alnum_mask(bytes: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = bytes.try_into() {
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 processor has it.
        return unsafe { sse2::alnum(block) };
    }
    scalar(bytes, ALNUM)
}

/// The card and the IBAN bytes (see [`is_card_byte`], [`is_iban_byte`]) of up to 64 bytes.
#[inline]
pub(crate) fn number_masks(bytes: &[u8]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = bytes.try_into() {
        // SAFETY: as in `alnum_mask`.
        return unsafe { sse2::numbers(block) };
    }
    (scalar(bytes, CARD), scalar(bytes, IBAN))
}

/// The bytes of up to 64 `bytes` equal to one of `needles`.
#[inline]
fn equal_mask<const N: usize>(bytes: &[u8], needles: [u8; N]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = bytes.try_into() {
        // SAFETY: as in `alnum_mask`.
        return unsafe { sse2::equal_any(block, needles) };
    }
    bytes
        .iter()
        .enumerate()
        .fold(0u64, |m, (i, b)| m | u64::from(needles.contains(b)) << i)
}

/// The bytes of base64 (letters, digits, `+` and `/`) of up to 64 bytes.
#[inline]
pub(crate) fn base64_mask(bytes: &[u8]) -> u64 {
    alnum_mask(bytes) | equal_mask(bytes, [b'+', b'/'])
}

/// Calls `f(start, end)` for every run of bytes of one class (`mask` gives
/// its bits for up to 64 bytes) at least `min_len` long (counted up to 64;
/// longer minimums are the caller's to check), in order. The runs are read off a bit mask per 64 bytes rather than
/// byte by byte: a branch per byte mispredicts at every word boundary, a mask
/// costs one branch per run, and short runs (a third of a log's words) are
/// dropped in the mask before they cost a branch at all.
pub(crate) fn for_each_run_in(
    text: &[u8],
    min_len: usize,
    mask: impl Fn(&[u8]) -> u64,
    mut f: impl FnMut(usize, usize),
) {
    let min_len = min_len.clamp(1, 64) as u32;
    let mut masks = text.chunks(64).map(mask);
    let mut open: Option<usize> = None;
    let mut prev = 0u64;
    let mut cur = masks.next().unwrap_or(0);
    for n in 0..text.len().div_ceil(64) {
        let base = n * 64;
        let next = masks.next().unwrap_or(0);
        // Bit i: the byte before i, with the previous block's last byte at bit 0.
        let before = (cur << 1) | (prev >> 63);
        // Bit i: bytes i..i + min_len are all in a run.
        let long_from = runs_of_at_least(u128::from(cur) | u128::from(next) << 64, min_len);
        // Bit i: the min_len bytes before i are all in a run.
        let long_to =
            runs_of_at_least(u128::from(prev) | u128::from(cur) << 64, min_len) >> (64 - min_len);
        let mut starts = cur & !before & long_from as u64;
        // A run ends where its byte is no letter or digit; past a short
        // last block the mask is zero, which ends a run at the text's end.
        let mut ends = !cur & before & long_to as u64;
        prev = cur;
        cur = next;
        loop {
            let s = match open {
                Some(s) => s,
                None if starts != 0 => {
                    let i = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    base + i
                }
                None => break,
            };
            if ends == 0 {
                open = Some(s);
                break;
            }
            let e = base + ends.trailing_zeros() as usize;
            ends &= ends - 1;
            open = None;
            f(s, e);
        }
    }
    if let Some(s) = open {
        f(s, text.len());
    }
}

/// The blanks and apostrophes, the ASCII capitals and bytes past ASCII, and
/// the ASCII letters and bytes past ASCII, of up to 64 bytes.
#[inline]
fn opening_masks(bytes: &[u8]) -> (u64, u64, u64) {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = bytes.try_into() {
        // SAFETY: as in `alnum_mask`.
        return unsafe { sse2::openings(block) };
    }
    let mask = |class: fn(&u8) -> bool| {
        (bytes.iter().enumerate()).fold(0u64, |m, (i, b)| m | u64::from(class(b)) << i)
    };
    (
        equal_mask(bytes, [b' ', b'\'']),
        mask(|&b| b.is_ascii_uppercase() || b >= 0x80),
        mask(|&b| b.is_ascii_alphabetic() || b >= 0x80),
    )
}

/// Every blank or apostrophe between a letter and an ASCII capital (or
/// bytes past ASCII), in order: where a surname may open after a given
/// name (`Peter Novak`, `d'Aubigné`, `Ana Łukasiewicz`). A name is rare in a
/// log; its letters are looked for in bitmaps, not byte by byte.
pub(crate) fn for_each_blank_before_capital(text: &[u8], mut f: impl FnMut(usize)) {
    let mut blocks = text.chunks(64).map(opening_masks).enumerate().peekable();
    let mut last_was_letter = 0;
    while let Some((n, (blanks, capitals, letters))) = blocks.next() {
        let next_block_opens = blocks.peek().map_or(0, |&(_, (_, c, _))| c & 1);
        let capital_after = capitals >> 1 | next_block_opens << 63;
        let letter_before = letters << 1 | last_was_letter;
        last_was_letter = letters >> 63;
        let mut hits = blanks & capital_after & letter_before;
        while hits != 0 {
            f(n * 64 + hits.trailing_zeros() as usize);
            hits &= hits - 1;
        }
    }
}

/// Every position of one of `needles` in `text`, in order. For bytes that
/// occur every few dozen bytes (`:` and `=` in logs, `.` in paths, `,`), where
/// a `memchr` iterator pays a search call per hit: here a hit costs a few bit
/// operations.
pub(crate) fn positions<const N: usize>(
    text: &[u8],
    needles: [u8; N],
) -> impl Iterator<Item = usize> + '_ {
    text.chunks(64).enumerate().flat_map(move |(n, block)| {
        let mut mask = equal_mask(block, needles);
        std::iter::from_fn(move || {
            let bit = mask.trailing_zeros();
            (mask != 0).then(|| {
                mask &= mask - 1;
                n * 64 + bit as usize
            })
        })
    })
}

/// A run of address bytes (see [`is_address_byte`]) with a dot or colon
/// between two of its bytes, as IP addresses are written: `start` is past any
/// leading dots. Only runs that may be an address are reported: with three
/// dots (IPv4), seven colons or two in a row (IPv6; eight groups need seven
/// colons, fewer a `::`). Such a run is at least three bytes (`::1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AddressRun {
    pub start: usize,
    pub end: usize,
    pub dots: u32,
    pub colons: u32,
}

/// Calls `f` for every [`AddressRun`] of `text`, in order. Logs hold one or
/// two runs of address bytes a line (times, versions): runs inside a block
/// are measured in its bitmaps, and only those crossing a block's edge byte
/// by byte. A block with too few dots and colons for an address is passed
/// over but for the runs crossing its edges.
pub(crate) fn for_each_address_run(text: &[u8], mut f: impl FnMut(AddressRun)) {
    let mut blocks = text.chunks(64).map(address_masks);
    let mut before = 0u64;
    let mut this = blocks.next().unwrap_or_default();
    // Where the last run ended: its separators are not walked from again.
    let mut done = 0;
    for base in (0..text.len()).step_by(64) {
        let next = blocks.next().unwrap_or_default();
        let (run_bytes, dots, colons) = this;
        let byte_before = run_bytes << 1 | before >> 63;
        let byte_after = run_bytes >> 1 | next.0 << 63;
        let mut seps =
            (dots | colons) & byte_before & byte_after & bits_from(done - base.min(done));
        let gaps = !run_bytes;
        if gaps != 0 && !may_hold_address(dots, colons) {
            // Only runs crossing an edge may gather enough from the next block.
            let first_gap = gaps.trailing_zeros() as usize;
            let last_gap = 63 - gaps.leading_zeros() as usize;
            seps &= !bits_from(first_gap) | bits_from(last_gap);
        }
        while seps != 0 {
            let at = seps.trailing_zeros();
            let below = gaps & !bits_from(at as usize);
            let above = gaps & bits_from(at as usize + 1);
            let (run, end) = if below != 0 && above != 0 {
                let (from, to) = (64 - below.leading_zeros(), above.trailing_zeros());
                let in_run = bits_from(from as usize) & !bits_from(to as usize);
                (measured_run(base, in_run, dots, colons), base + to as usize)
            } else {
                walked_run(text, base + at as usize)
            };
            if let Some(run) = run {
                f(run);
            }
            done = end;
            seps &= bits_from(end - base);
        }
        (before, this) = (this.0, next);
    }
}

/// Enough dots or colons for an address: three dots, seven colons or two in a row.
fn may_hold_address(dots: u64, colons: u64) -> bool {
    at_least(dots, 3) || colons & (colons >> 1) != 0 || at_least(colons, 7)
}

/// Whether `x` has `n` bits set. Clearing bits is quicker than counting them
/// where the processor has no population count (the x86_64 baseline).
fn at_least(mut x: u64, n: u32) -> bool {
    for _ in 1..n {
        x &= x.wrapping_sub(1);
    }
    x != 0
}

/// Bits `n` and up (none when `n` is 64 or more).
fn bits_from(n: usize) -> u64 {
    u32::try_from(n)
        .ok()
        .and_then(|n| u64::MAX.checked_shl(n))
        .unwrap_or(0)
}

/// The run whose bytes are the bits `in_run` of the block at `base`.
fn measured_run(base: usize, in_run: u64, dots: u64, colons: u64) -> Option<AddressRun> {
    let not_dot = in_run & !dots;
    if not_dot == 0 {
        return None;
    }
    let counted = in_run & bits_from(not_dot.trailing_zeros() as usize);
    if !may_hold_address(dots & counted, colons & counted) {
        return None;
    }
    Some(AddressRun {
        start: base + not_dot.trailing_zeros() as usize,
        end: base + (64 - counted.leading_zeros()) as usize,
        dots: (dots & counted).count_ones(),
        colons: (colons & counted).count_ones(),
    })
}

/// The run around the separator at `sep`, byte by byte, and where it ends.
fn walked_run(text: &[u8], sep: usize) -> (Option<AddressRun>, usize) {
    let mut start = sep;
    while start > 0 && is_address_byte(text[start - 1]) {
        start -= 1;
    }
    let mut end = sep + 1;
    while end < text.len() && is_address_byte(text[end]) {
        end += 1;
    }
    while start < end && text[start] == b'.' {
        start += 1;
    }
    if start == end {
        return (None, end);
    }
    let bytes = &text[start..end];
    let count = |b: u8| bytes.iter().filter(|&&x| x == b).count() as u32;
    let run = AddressRun {
        start,
        end,
        dots: count(b'.'),
        colons: count(b':'),
    };
    let double_colon = bytes.windows(2).any(|w| w == b"::");
    let may_be_address = run.dots >= 3 || run.colons >= 7 || double_colon;
    (may_be_address.then_some(run), end)
}

/// Finds every maximal run of `member` bytes at least `min` long, block by
/// block, from the blocks' bitmaps of those bytes: most text has no long
/// runs of digits and spaces, and a block without one costs a few bit
/// operations.
pub(crate) struct LongRuns<M> {
    min: u32,
    member: M,
    /// End of the last run found.
    done: usize,
}

impl<M: Fn(u8) -> bool> LongRuns<M> {
    pub(crate) fn new(min: u32, member: M) -> Self {
        LongRuns {
            min,
            member,
            done: 0,
        }
    }

    /// The runs reaching into the block at `base`, given its bitmap and the next one's.
    pub(crate) fn block(
        &mut self,
        text: &[u8],
        base: usize,
        mask: u64,
        next: u64,
        mut f: impl FnMut(Range<usize>),
    ) {
        let window = u128::from(mask) | u128::from(next) << 64;
        let mut starts = runs_of_at_least(window, self.min) as u64;
        while starts != 0 {
            let p = base + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if p < self.done {
                continue;
            }
            let mut start = p;
            while start > 0 && (self.member)(text[start - 1]) {
                start -= 1;
            }
            let mut end = p + 1;
            while end < text.len() && (self.member)(text[end]) {
                end += 1;
            }
            self.done = end;
            f(start..end);
        }
    }
}

/// Bits `j` of `x` where bits `j..j + min` are all set: where a run of at
/// least `min` set bits covers the next `min` positions. `min` is at most 64.
pub(crate) fn runs_of_at_least(x: u128, min: u32) -> u128 {
    let mut y = x;
    let mut covered = 1;
    while covered * 2 <= min {
        y &= y >> covered;
        covered *= 2;
    }
    if covered < min {
        y &= y >> (min - covered);
    }
    y
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    #[inline]
    #[target_feature(enable = "sse2")]
    fn load(block: &[u8; 64], at: usize) -> __m128i {
        let word = |i: usize| i64::from_le_bytes(block[i..i + 8].try_into().expect("8 bytes"));
        _mm_set_epi64x(word(at + 8), word(at))
    }

    /// All ones in each byte of `v` that lies in `lo..lo + len`.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn in_range(v: __m128i, lo: u8, len: u8) -> __m128i {
        let from_lo = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
        let past = _mm_subs_epu8(from_lo, _mm_set1_epi8((len - 1) as i8));
        _mm_cmpeq_epi8(past, _mm_setzero_si128())
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn equal(v: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8))
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn bits(m: __m128i) -> u64 {
        u64::from(_mm_movemask_epi8(m) as u16)
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn equal_any<const N: usize>(block: &[u8; 64], needles: [u8; N]) -> u64 {
        let mut mask = 0;
        for k in 0..4 {
            let v = load(block, 16 * k);
            let hits = needles
                .iter()
                .fold(_mm_setzero_si128(), |m, &b| _mm_or_si128(m, equal(v, b)));
            mask |= bits(hits) << (16 * k);
        }
        mask
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn alnum(block: &[u8; 64]) -> u64 {
        let mut mask = 0;
        for k in 0..4 {
            let v = load(block, 16 * k);
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            mask |= bits(_mm_or_si128(in_range(v, b'0', 10), letter)) << (16 * k);
        }
        mask
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn address(block: &[u8; 64]) -> (u64, u64, u64) {
        let (mut run, mut dots, mut colons) = (0, 0, 0);
        for k in 0..4 {
            let v = load(block, 16 * k);
            let hex_letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 6);
            let hex = _mm_or_si128(in_range(v, b'0', 10), hex_letter);
            let (dot, colon) = (equal(v, b'.'), equal(v, b':'));
            run |= bits(_mm_or_si128(hex, _mm_or_si128(dot, colon))) << (16 * k);
            dots |= bits(dot) << (16 * k);
            colons |= bits(colon) << (16 * k);
        }
        (run, dots, colons)
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn openings(block: &[u8; 64]) -> (u64, u64, u64) {
        let (mut blanks, mut capitals, mut letters) = (0, 0, 0);
        for k in 0..4 {
            let v = load(block, 16 * k);
            blanks |= bits(_mm_or_si128(equal(v, b' '), equal(v, b'\''))) << (16 * k);
            // The high bit of each byte is its mask: a byte past ASCII.
            capitals |= bits(_mm_or_si128(in_range(v, b'A', 26), v)) << (16 * k);
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            letters |= bits(_mm_or_si128(letter, v)) << (16 * k);
        }
        (blanks, capitals, letters)
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn numbers(block: &[u8; 64]) -> (u64, u64) {
        let (mut card, mut iban) = (0, 0);
        for k in 0..4 {
            let v = load(block, 16 * k);
            let digit_or_space = _mm_or_si128(in_range(v, b'0', 10), equal(v, b' '));
            let separator = _mm_or_si128(equal(v, b'-'), equal(v, b'.'));
            card |= bits(_mm_or_si128(digit_or_space, separator)) << (16 * k);
            let capital_or_dash = _mm_or_si128(in_range(v, b'A', 26), equal(v, b'-'));
            iban |= bits(_mm_or_si128(digit_or_space, capital_or_dash)) << (16 * k);
        }
        (card, iban)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks() -> Vec<[u8; 64]> {
        // Every byte value, and blocks of the bytes around each class edge.
        let mut out: Vec<[u8; 64]> = (0..4)
            .map(|n| std::array::from_fn(|i| (n * 64 + i) as u8))
            .collect();
        let mut seed = 11u64;
        for _ in 0..200 {
            out.push(std::array::from_fn(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                b"09/:@AZ[`az{ -_\x80\xff\x1f\x7f\n"[(seed >> 33) as usize % 20]
            }));
        }
        out
    }

    #[test]
    fn masks_agree_with_the_byte_table() {
        for block in blocks() {
            assert_eq!(alnum_mask(&block), scalar(&block, ALNUM), "{block:?}");
            let want = (scalar(&block, CARD), scalar(&block, IBAN));
            assert_eq!(number_masks(&block), want, "{block:?}");
            let equal = |x: u8| {
                (block.iter().enumerate()).fold(0u64, |m, (i, &b)| m | u64::from(b == x) << i)
            };
            let want = (scalar(&block, ADDRESS), equal(b'.'), equal(b':'));
            assert_eq!(address_masks(&block), want, "{block:?}");
            let capital = (block.iter().enumerate()).fold(0u64, |m, (i, &b)| {
                m | u64::from(b.is_ascii_uppercase() || b >= 0x80) << i
            });
            let letter = (block.iter().enumerate()).fold(0u64, |m, (i, &b)| {
                m | u64::from(b.is_ascii_alphabetic() || b >= 0x80) << i
            });
            let want = (equal(b' ') | equal(b'\''), capital, letter);
            assert_eq!(opening_masks(&block), want, "{block:?}");
        }
        // A short block, as a text's last one is.
        assert_eq!(alnum_mask(b"a-9"), 0b101);
        assert_eq!(opening_masks(b"a 'Z\xc5"), (0b0110, 0b11000, 0b11001));
        assert_eq!(number_masks(b"4 x-Z"), (0b1011, 0b11011));
    }

    #[test]
    fn positions_are_every_needle_in_order() {
        for block in blocks() {
            for len in [0, 1, 63, 64] {
                let text = &block[..len];
                let want: Vec<usize> = (0..len).filter(|&i| b":=\n".contains(&text[i])).collect();
                assert_eq!(
                    positions(text, [b':', b'=', b'\n']).collect::<Vec<_>>(),
                    want
                );
            }
        }
        let text: Vec<u8> = blocks().concat();
        let want: Vec<usize> = memchr::memchr2_iter(b'.', b':', &text).collect();
        assert_eq!(positions(&text, [b'.', b':']).collect::<Vec<_>>(), want);
    }

    #[test]
    fn blanks_between_letters_and_capitals_are_found_across_blocks() {
        let mut text: Vec<u8> = blocks().concat();
        text.extend_from_slice(b"a Bc'D e\xc3\xa9 F  G@ H'iJ x'Z 0 A BCD");
        let mut found = Vec::new();
        for_each_blank_before_capital(&text, |p| found.push(p));
        let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
        let want: Vec<usize> = (1..text.len() - 1)
            .filter(|&i| {
                matches!(text[i], b' ' | b'\'')
                    && (text[i + 1].is_ascii_uppercase() || text[i + 1] >= 0x80)
                    && letter(text[i - 1])
            })
            .collect();
        assert!(want.len() > 30, "{}", want.len());
        assert_eq!(found, want);
    }

    /// Address runs as a byte-by-byte walk from each separator finds them.
    fn address_runs_walked(text: &[u8]) -> Vec<AddressRun> {
        let mut out = Vec::new();
        let mut done = 0;
        for sep in 1..text.len().saturating_sub(1) {
            if sep < done
                || !b".:".contains(&text[sep])
                || !is_address_byte(text[sep - 1])
                || !is_address_byte(text[sep + 1])
            {
                continue;
            }
            let mut start = sep;
            while start > done && is_address_byte(text[start - 1]) {
                start -= 1;
            }
            let mut end = sep + 1;
            while end < text.len() && is_address_byte(text[end]) {
                end += 1;
            }
            done = end;
            while start < end && text[start] == b'.' {
                start += 1;
            }
            if start < end {
                let run = &text[start..end];
                let found = AddressRun {
                    start,
                    end,
                    dots: run.iter().filter(|&&b| b == b'.').count() as u32,
                    colons: run.iter().filter(|&&b| b == b':').count() as u32,
                };
                let double_colon = run.windows(2).any(|w| w == b"::");
                if found.dots >= 3 || found.colons >= 7 || double_colon {
                    out.push(found);
                }
            }
        }
        out
    }

    #[test]
    fn address_runs_match_a_walk_from_each_separator() {
        let mut seed = 7u64;
        let mut texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b".".to_vec(),
            b"1.2".to_vec(),
            b"..1..".to_vec(),
            b"2001:db8::1 at 10:04:11 from 203.0.113.9:443.".to_vec(),
        ];
        // Runs of every length up to 200 bytes, so they cross one or more block edges.
        for n in 0..200 {
            let mut t = b"x ".repeat(n % 40);
            t.extend(b"1.a:".iter().cycle().take(n));
            t.extend_from_slice(b" y");
            texts.push(t);
        }
        for len in [63, 64, 65, 127, 128, 129, 500, 3000] {
            let alphabet = b"0123456789abcdefABCDEFxz..:: \n-/";
            texts.push(
                (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                        alphabet[(seed >> 33) as usize % alphabet.len()]
                    })
                    .collect(),
            );
        }
        for text in &texts {
            let mut found = Vec::new();
            for_each_address_run(text, |run| found.push(run));
            assert_eq!(
                found,
                address_runs_walked(text),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn the_table_matches_the_classes() {
        for b in 0..=255u8 {
            assert_eq!(is_alnum(b), b.is_ascii_alphanumeric());
            assert_eq!(is_card_byte(b), b.is_ascii_digit() || b" -.".contains(&b));
            assert_eq!(
                is_address_byte(b),
                b.is_ascii_hexdigit() || b".:".contains(&b)
            );
            assert_eq!(
                is_iban_byte(b),
                b.is_ascii_digit() || b.is_ascii_uppercase() || b" -".contains(&b)
            );
        }
    }

    #[test]
    fn long_runs_are_marked_where_they_start() {
        // A run of 13 from bit 3, and one of 14 from bit 20.
        let x: u128 = ((1 << 13) - 1) << 3 | ((1 << 14) - 1) << 20;
        let starts = runs_of_at_least(x, 13);
        assert_eq!(starts, (1 << 3) | (1 << 20) | (1 << 21));
        assert_eq!(runs_of_at_least(x, 15), 0);
        assert_eq!(runs_of_at_least(u128::MAX, 64), u128::MAX >> 63);
    }
}
