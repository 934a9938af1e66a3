//! Bitmaps of byte classes, one bit per byte of a 64-byte block, for the
//! detectors that walk runs of a class over every byte of a text (words for
//! learned values, digits and spaces for cards, capitals and digits for
//! IBANs). A branch per byte mispredicts at every boundary between classes;
//! a bitmap turns a run into a few bit operations.
//!
//! On x86_64 the maps are built with SSE2, sixteen bytes per instruction;
//! elsewhere, byte by byte from a table. Both give the same bits (tested).

/// Bits of [`CLASS`]: which classes a byte belongs to.
const ALNUM: u8 = 1;
/// Digits, spaces and dashes: what a card number is written with.
const CARD: u8 = 2;
/// Digits, capitals and spaces: what an IBAN is written with.
const IBAN: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut c = 0;
        if b.is_ascii_alphanumeric() {
            c |= ALNUM;
        }
        if b.is_ascii_digit() || b == b' ' || b == b'-' {
            c |= CARD;
        }
        if b.is_ascii_digit() || b.is_ascii_uppercase() || b == b' ' {
            c |= IBAN;
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

/// Every position of one of `firsts` in `text` whose next byte is one of
/// `seconds`, in order. For pairs like `',` and `('`, rare where `,` and `(`
/// alone are common: the pair is checked in the bitmaps, not per hit.
pub(crate) fn followed_by<const N: usize, const M: usize>(
    text: &[u8],
    firsts: [u8; N],
    seconds: [u8; M],
) -> impl Iterator<Item = usize> + '_ {
    text.chunks(64).enumerate().flat_map(move |(n, block)| {
        // Bit `j` of `next` is the byte after bit `j` of `block`.
        let after = &text[(n * 64 + 1).min(text.len())..];
        let next = &after[..after.len().min(64)];
        let mut mask = equal_mask(block, firsts) & equal_mask(next, seconds);
        std::iter::from_fn(move || {
            let bit = mask.trailing_zeros();
            (mask != 0).then(|| {
                mask &= mask - 1;
                n * 64 + bit as usize
            })
        })
    })
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
    pub fn numbers(block: &[u8; 64]) -> (u64, u64) {
        let (mut card, mut iban) = (0, 0);
        for k in 0..4 {
            let v = load(block, 16 * k);
            let digit_or_space = _mm_or_si128(in_range(v, b'0', 10), equal(v, b' '));
            card |= bits(_mm_or_si128(digit_or_space, equal(v, b'-'))) << (16 * k);
            iban |= bits(_mm_or_si128(digit_or_space, in_range(v, b'A', 26))) << (16 * k);
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
        }
        // A short block, as a text's last one is.
        assert_eq!(alnum_mask(b"a-9"), 0b101);
        assert_eq!(number_masks(b"4 x-Z"), (0b1011, 0b10011));
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
    fn pairs_are_found_across_block_edges() {
        let mut text: Vec<u8> = blocks().concat();
        // A pair across each block edge, and one at the very end.
        for edge in (64..text.len()).step_by(64) {
            text[edge - 1] = b'(';
            text[edge] = b'"';
        }
        text.extend_from_slice(b"x('");
        for len in [0, 1, 2, 63, 64, 65, 127, 128, 129, text.len()] {
            let text = &text[..len];
            let want: Vec<usize> = (0..len.saturating_sub(1))
                .filter(|&i| b"(,".contains(&text[i]) && b"'\"".contains(&text[i + 1]))
                .collect();
            let found: Vec<usize> = followed_by(text, [b'(', b','], [b'\'', b'"']).collect();
            assert_eq!(found, want, "{len}");
        }
    }

    #[test]
    fn the_table_matches_the_classes() {
        for b in 0..=255u8 {
            assert_eq!(is_alnum(b), b.is_ascii_alphanumeric());
            assert_eq!(is_card_byte(b), b.is_ascii_digit() || b" -".contains(&b));
            assert_eq!(
                is_iban_byte(b),
                b.is_ascii_digit() || b.is_ascii_uppercase() || b == b' '
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
