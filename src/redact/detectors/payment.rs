//! Card numbers (Luhn plus issuer prefix plus grouping) and IBANs (mod-97).

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::byteclass::{LongRuns, is_card_byte, is_iban_byte, number_masks};
use crate::redact::gate::{GateWords, captures_in, line_around, matches_in};
use crate::redact::scan::{Candidate, Priority, SearchedPattern, compile_searched};
use crate::redact::validate::{card_issuer_plausible, iban_valid, luhn_valid};

pub(crate) struct PaymentRules {
    card: SearchedPattern,
    iban: SearchedPattern,
    cvv_in_prose: SearchedPattern,
}

/// How many gate groups [`gate_words`] returns.
pub(crate) const GATE_GROUPS: usize = 1;
const CVV_GATE: usize = 0;

/// Words that name a card's security code, in the languages customers write in.
pub(crate) fn gate_words() -> Vec<GateWords<'static>> {
    vec![GateWords {
        words: &[
            "cvv",
            "cvc",
            "csc",
            "cvn",
            "cid",
            "security code",
            "card code",
            "digo de segur",
            "fnummer",
            "fziffer",
            "cryptogramme",
            "codice di sicurezza",
            "sekyuriti",
        ],
        case_insensitive: true,
        word_start: false,
        word_end: false,
        positions: false,
    }]
}

impl PaymentRules {
    pub fn new() -> Self {
        PaymentRules {
            card: compile_searched(r"\b\d(?:[ .\-]?\d){12,18}\b"),
            // Groups apart by a space or, as some banks print them, a dash.
            iban: compile_searched(r"\b[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]){11,32}\b"),
            // Group 1: a word only a card's code goes by; group 2: `CID`, which
            // counts only beside a card or an expiry date.
            cvv_in_prose: compile_searched(
                r"(?i)\b(?:(cvv2?|cvc2?|csc|cvn|security[ \t]+code|card[ \t]+code|c[oó]digo[ \t]+de[ \t]+seguran[çc]a|c[oó]digo[ \t]+de[ \t]+seguridad|(?:karten)?pr[üu]fnummer|pr[üu]fziffer|cryptogramme(?:[ \t]+visuel)?|codice[ \t]+di[ \t]+sicurezza|sekyurit[ií]i?[ \t]+ko(?:o|ō)?do)|(cid))(?:[ \t]+(?:is|was|ist|é|es|est|wa))?[ \t]*[:=]?[ \t]*(\d{3,4})\b",
            ),
        }
    }

    /// `gated`: the lines of this block found for the groups of [`gate_words`].
    pub fn detect(&self, text: &[u8], gated: &[Vec<Range<usize>>], out: &mut Vec<Candidate>) {
        let (card_lines, iban_lines) = number_lines(text);
        self.cvv_in_prose(text, &gated[CVV_GATE], &card_lines, out);
        matches_in(&self.card, text, &card_lines, |m| {
            // Part of a longer number or identifier: `#1234…`, `id=…`, versions.
            let before = m.start.checked_sub(1).map(|i| text[i]);
            if matches!(before, Some(b'.' | b'#' | b'/' | b'-' | b'_')) {
                return;
            }
            if matches!(text.get(m.end), Some(b'.'))
                && text.get(m.end + 1).is_some_and(u8::is_ascii_digit)
            {
                return;
            }
            for (s, e) in cards_in(&text[m.clone()]) {
                if is_product_code(text, m.start + s, m.start + e) {
                    continue;
                }
                out.push(Candidate::new(
                    m.start + s,
                    m.start + e,
                    Kind::CardNumber,
                    "card-number",
                    Priority::Structural,
                ));
            }
        });
        cards_across_lines(text, out);
        matches_in(&self.iban, text, &iban_lines, |m| {
            if let Some(end) = iban_span(&text[m.clone()]) {
                out.push(Candidate::new(
                    m.start,
                    m.start + end,
                    Kind::Iban,
                    "iban",
                    Priority::Structural,
                ));
            }
        });
    }
}

impl PaymentRules {
    /// "security code 292", "Prüfnummer 3553", "CVV 385" in what customers write.
    fn cvv_in_prose(
        &self,
        text: &[u8],
        gated: &[Range<usize>],
        card_lines: &[Range<usize>],
        out: &mut Vec<Candidate>,
    ) {
        captures_in(&self.cvv_in_prose, text, gated, |c, off| {
            let code = c.get(3).unwrap();
            let (s, e) = (off + code.start(), off + code.end());
            // `12/30`, `4.5`, `123-456`: part of a date or a longer number.
            if matches!(text.get(e), Some(b'/' | b'.' | b',' | b'-' | b':'))
                && text.get(e + 1).is_some_and(u8::is_ascii_digit)
            {
                return;
            }
            if c.get(2).is_some() {
                let line = line_around(text, s);
                let beside_card = card_lines.iter().any(|l| l.start == line.start);
                if !beside_card && !has_expiry(&text[line]) {
                    return;
                }
            }
            out.push(Candidate::new(
                s,
                e,
                Kind::Cvv,
                "cvv-in-prose",
                Priority::Keyed,
            ));
        });
    }
}

/// `SKU 4050022074950`: thirteen digits named a product code, or passing both
/// Luhn and the EAN check, are a product's barcode far more often than one of
/// the few 13-digit Visa numbers ever issued, unless the line speaks of a card.
fn is_product_code(text: &[u8], start: usize, end: usize) -> bool {
    let number = &text[start..end];
    if number.len() != 13 || !number.iter().all(u8::is_ascii_digit) {
        return false;
    }
    // `SKU 4084747168037`, `EAN: …`: the word before names a product code.
    let lead = &text[start.saturating_sub(16)..start];
    const PRODUCT_WORDS: &[&[u8]] = &[
        b"sku", b"ean", b"gtin", b"upc", b"barcode", b"isbn", b"article", b"artikel",
    ];
    let names_a_product = |words: &[u8]| {
        let words = words.to_ascii_lowercase();
        PRODUCT_WORDS
            .iter()
            .any(|w| memchr::memmem::find(&words, w).is_some())
    };
    if names_a_product(lead) || column_heading(text, start).is_some_and(names_a_product) {
        return true;
    }
    if !crate::redact::validate::ean13_valid(number) {
        return false;
    }
    let line_start = memchr::memrchr(b'\n', &text[..start]).map_or(0, |p| p + 1);
    let line_end = memchr::memchr(b'\n', &text[end..]).map_or(text.len(), |p| end + p);
    !names_a_card(&text[line_start.max(start.saturating_sub(200))..line_end.min(end + 200)])
}

/// How far above a row its table's heading is looked for.
const HEADING_REACH: usize = 8192;

/// The heading of the column of a delimited row (`;`, `,`, tab or `|`)
/// whose cell starts at `start`: the cell in the same place of the nearest
/// line above with as many delimiters (`Order Number;…;Item SKU`).
fn column_heading(text: &[u8], start: usize) -> Option<&[u8]> {
    let line_start = memchr::memrchr(b'\n', &text[..start]).map_or(0, |p| p + 1);
    let line_end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |p| start + p);
    const DELIMITERS: &[u8] = b";\t|,";
    let delimiter = match start.checked_sub(1).map(|i| text[i]) {
        Some(before) if start > line_start && DELIMITERS.contains(&before) => before,
        // The row's first cell: the first delimiter after it.
        _ => *text[start..line_end]
            .iter()
            .find(|b| DELIMITERS.contains(b))?,
    };
    let row = &text[line_start..line_end];
    let cells = memchr::memchr_iter(delimiter, row).count();
    let column = memchr::memchr_iter(delimiter, &text[line_start..start]).count();
    let floor = line_start.saturating_sub(HEADING_REACH);
    let mut end = line_start.checked_sub(1)?;
    while end > floor {
        let begin = memchr::memrchr(b'\n', &text[floor..end]).map_or(floor, |p| floor + p + 1);
        let line = &text[begin..end];
        if memchr::memchr_iter(delimiter, line).count() == cells {
            let heading = line.split(|&b| b == delimiter).nth(column)?;
            // A heading has no digits; a row above it is just another row.
            if !heading.iter().any(u8::is_ascii_digit) {
                return Some(heading);
            }
        }
        end = begin.checked_sub(1)?;
    }
    None
}

/// `06/29`, `12/2030`: a card's expiry date.
fn has_expiry(line: &[u8]) -> bool {
    memchr::memchr_iter(b'/', line).any(|p| {
        p >= 2
            && line[p - 2..p].iter().all(u8::is_ascii_digit)
            && matches!(&line[p - 2..p], [b'0', b'1'..=b'9'] | [b'1', b'0'..=b'2'])
            && line
                .get(p + 1..p + 3)
                .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
    })
}

/// The lines where a card (13 or more digits, single spaces or dashes between
/// them) or an IBAN (two capitals, two digits, 15 or more capitals, digits,
/// spaces and dashes in all) can sit, so the regexes run on those lines only.
fn number_lines(text: &[u8]) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut cards = Vec::new();
    let mut ibans = Vec::new();
    let mut card_runs = LongRuns::new(13, is_card_byte);
    let mut iban_runs = LongRuns::new(15, is_iban_byte);
    let mut blocks = text.chunks(64).map(number_masks);
    let mut current = blocks.next().unwrap_or_default();
    let mut base = 0;
    loop {
        let next = blocks.next();
        let (next_card, next_iban) = next.unwrap_or_default();
        card_runs.block(text, base, current.0, next_card, |run| {
            if card_run(&text[run.clone()]) {
                push_line(&mut cards, text, run.start);
            }
        });
        iban_runs.block(text, base, current.1, next_iban, |run| {
            let r = &text[run.clone()];
            let start = (3..r.len()).find(|&i| {
                r[i].is_ascii_digit()
                    && r[i - 1].is_ascii_digit()
                    && r[i - 2].is_ascii_uppercase()
                    && r[i - 3].is_ascii_uppercase()
            });
            if start.is_some() {
                push_line(&mut ibans, text, run.start);
            }
        });
        let Some(n) = next else {
            break;
        };
        current = n;
        base += 64;
    }
    (cards, ibans)
}

/// Whether a run of digits, spaces, dashes and dots holds 13 digits with at most
/// one separator between any two.
fn card_run(run: &[u8]) -> bool {
    let mut digits = 0usize;
    let mut sep_pending = false;
    for &b in run {
        if b.is_ascii_digit() {
            digits += 1;
            sep_pending = false;
            if digits >= 13 {
                return true;
            }
        } else if digits > 0 && !sep_pending {
            sep_pending = true;
        } else {
            digits = 0;
            sep_pending = false;
        }
    }
    false
}

/// Adds the line holding `pos`, once.
fn push_line(lines: &mut Vec<Range<usize>>, text: &[u8], pos: usize) {
    if lines.last().is_some_and(|l| pos <= l.end) {
        return;
    }
    lines.push(line_around(text, pos));
}

/// Cards inside a run of digit groups: the regex may swallow a neighbouring
/// number ("4242… 123"), so every contiguous range of groups is tried, longest
/// first, left to right.
fn cards_in(run: &[u8]) -> Vec<(usize, usize)> {
    // (start, end) of each digit group.
    let mut groups = Vec::new();
    let mut i = 0;
    while i < run.len() {
        if run[i].is_ascii_digit() {
            let s = i;
            while i < run.len() && run[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((s, i));
        } else {
            i += 1;
        }
    }
    let mut found = Vec::new();
    let mut first = 0;
    while first < groups.len() {
        let mut hit = None;
        for last in (first..groups.len()).rev() {
            let (s, e) = (groups[first].0, groups[last].1);
            if card_span(&run[s..e]).is_some() {
                hit = Some((last, s, e));
                break;
            }
        }
        match hit {
            Some((last, s, e)) => {
                found.push((s, e));
                first = last + 1;
            }
            None => first += 1,
        }
    }
    found
}

/// A card number broken over two lines (a wrapped chat message, a narrow
/// terminal, a form pasted line by line): the digit groups that end one line
/// and those that start the next, read as one number. Taken when together
/// they pass every card check, neither half is a card on its own, and the
/// number is printed in groups of four or a card word sits on either line.
fn cards_across_lines(text: &[u8], out: &mut Vec<Candidate>) {
    for newline in memchr::memchr_iter(b'\n', text) {
        let mut tail_end = if newline > 0 && text[newline - 1] == b'\r' {
            newline - 1
        } else {
            newline
        };
        let mut head_start = newline + 1;
        // The group separator may be written before the break or after it.
        let is_sep = |b: u8| matches!(b, b'-' | b'.');
        if tail_end >= 2 && is_sep(text[tail_end - 1]) && text[tail_end - 2].is_ascii_digit() {
            tail_end -= 1;
        } else if text.get(head_start).is_some_and(|&b| is_sep(b)) {
            head_start += 1;
        }
        if tail_end == 0
            || !text[tail_end - 1].is_ascii_digit()
            || !text.get(head_start).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let tail_start = groups_back(text, tail_end);
        let head_end = groups_forward(text, head_start);
        // The last cell of one record and the first of the next
        // (`…,4049528626504` then `93294,…`): two values, not one wrapped.
        let cell_before = tail_start
            .checked_sub(1)
            .and_then(|i| text.get(i))
            .filter(|&&b| matches!(b, b',' | b';' | b'\t' | b'|'));
        if cell_before.is_some() && text.get(head_end) == cell_before {
            continue;
        }
        let (tail, head) = (&text[tail_start..tail_end], &text[head_start..head_end]);
        let sep = tail
            .iter()
            .chain(head)
            .copied()
            .find(|b| !b.is_ascii_digit());
        let mut joined = tail.to_vec();
        joined.extend(sep);
        joined.extend_from_slice(head);
        let digits = joined.iter().filter(|b| b.is_ascii_digit()).count();
        if !(13..=19).contains(&digits)
            || card_span(&joined) != Some(joined.len())
            || card_span(tail).is_some()
            || card_span(head).is_some()
        {
            continue;
        }
        let grouped = sep.is_some() && joined.split(|&b| Some(b) == sep).all(|g| g.len() == 4);
        let lines = line_around(text, tail_start).start..line_around(text, head_start).end;
        if grouped || names_a_card(&text[lines]) {
            out.push(Candidate::new(
                tail_start,
                head_end,
                Kind::CardNumber,
                "card-number",
                Priority::Structural,
            ));
        }
    }
}

/// Where the digit groups ending at `end` start: digits, and single spaces,
/// dashes or dots between them, after a byte that is no letter or digit.
fn groups_back(text: &[u8], end: usize) -> usize {
    let mut i = end;
    while i > 0 {
        let b = text[i - 1];
        let separator = matches!(b, b' ' | b'-' | b'.') && i >= 2 && text[i - 2].is_ascii_digit();
        if !(b.is_ascii_digit() || separator) {
            break;
        }
        i -= 1;
    }
    while i < end && !text[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Where the digit groups starting at `start` end.
fn groups_forward(text: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < text.len() {
        let b = text[i];
        if b.is_ascii_digit()
            || (matches!(b, b' ' | b'-' | b'.') && text.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A word that names a payment card, in the languages customers write in.
fn names_a_card(line: &[u8]) -> bool {
    let line = line.to_ascii_lowercase();
    CARD_WORDS
        .iter()
        .any(|w| memchr::memmem::find(&line, w).is_some())
}

const CARD_WORDS: &[&[u8]] = &[
    b"card", b"visa", b"cc_", b"ccnum", b"cc-", b"cc ", b"kart", b"tarj", b"carte",
];

/// Length of the card number at the start of `s`, if it is one: 13–19 digits,
/// one kind of separator in a grouping card issuers print, Luhn and issuer valid.
fn card_span(s: &[u8]) -> Option<usize> {
    let digits: Vec<u8> = s.iter().copied().filter(u8::is_ascii_digit).collect();
    let seps: Vec<u8> = s.iter().copied().filter(|b| !b.is_ascii_digit()).collect();
    if seps.iter().any(|&b| b != seps[0]) {
        return None;
    }
    if !seps.is_empty() {
        let groups: Vec<usize> = s.split(|&b| b == seps[0]).map(<[u8]>::len).collect();
        let ok = matches!(
            groups.as_slice(),
            [4, 4, 4, 4]
                | [4, 6, 5]
                | [4, 6, 4]
                | [4, 4, 4, 4, 3]
                | [4, 4, 4, 1..=4]
                | [4, 4, 4, 4, 1..=3]
        );
        if !ok {
            return None;
        }
    }
    (luhn_valid(&digits) && card_issuer_plausible(&digits)).then_some(s.len())
}

/// Length of the IBAN at the start of `s`: the country's exact length, checksum valid.
fn iban_span(s: &[u8]) -> Option<usize> {
    let mut compact = Vec::with_capacity(34);
    let mut best = None;
    // One kind of separator throughout: `AL47-2121 …` is no IBAN's print.
    let separator = s.iter().copied().find(|&b| b == b' ' || b == b'-');
    for (i, &b) in s.iter().enumerate() {
        if b == b' ' || b == b'-' {
            if Some(b) != separator {
                break;
            }
            continue;
        }
        compact.push(b);
        if compact.len() >= 15 && iban_valid(&compact) {
            best = Some(i + 1);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`number_lines`] as a byte-by-byte walk would find them.
    fn number_lines_naive(text: &[u8]) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let runs = |member: fn(u8) -> bool, min: usize| {
            let mut out = Vec::new();
            let mut i = 0;
            while i < text.len() {
                let s = i;
                while i < text.len() && member(text[i]) {
                    i += 1;
                }
                if i - s >= min {
                    out.push(s..i);
                }
                i = i.max(s + 1);
            }
            out
        };
        let mut cards = Vec::new();
        for r in runs(is_card_byte, 13) {
            if card_run(&text[r.clone()]) {
                push_line(&mut cards, text, r.start);
            }
        }
        let mut ibans = Vec::new();
        for r in runs(is_iban_byte, 15) {
            let b = &text[r.clone()];
            if b.windows(4).any(|w| {
                w[0].is_ascii_uppercase()
                    && w[1].is_ascii_uppercase()
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
            }) {
                push_line(&mut ibans, text, r.start);
            }
        }
        (cards, ibans)
    }

    #[test]
    fn number_lines_find_runs_across_blocks() {
        let mut seed = 3u64;
        for len in (0..400).step_by(7) {
            for _ in 0..20 {
                let text: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                        let alphabet = b"0123456789 -GBDEx\n.:";
                        alphabet[(seed >> 33) as usize % alphabet.len()]
                    })
                    .collect();
                assert_eq!(number_lines(&text), number_lines_naive(&text), "{text:?}");
            }
        }
        let long = format!("x {} y\nDE89 3704 0044 0532 0130 00", "4".repeat(150));
        let (cards, ibans) = number_lines(long.as_bytes());
        // The IBAN's digits are card-shaped too: its line is looked at for both.
        assert_eq!((cards.len(), ibans.len()), (2, 1));
    }

    fn found(text: &str) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        let gated = crate::redact::gate::GateSet::new(&gate_words()).lines(text.as_bytes());
        PaymentRules::new().detect(text.as_bytes(), &gated, &mut out);
        out.iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn cards_plain_spaced_dashed() {
        assert_eq!(
            found("card 4242424242424242 ok"),
            vec![(Kind::CardNumber, "4242424242424242".into())]
        );
        assert_eq!(
            found("card 4242 4242 4242 4242."),
            vec![(Kind::CardNumber, "4242 4242 4242 4242".into())]
        );
        assert_eq!(
            found("amex 3782-822463-10005"),
            vec![(Kind::CardNumber, "3782-822463-10005".into())]
        );
    }

    #[test]
    fn security_codes_in_romanised_japanese() {
        let line = "kigen 10/31, sekyuriti koodo 142 desu";
        assert!(found(line).contains(&(Kind::Cvv, "142".into())), "{line}");
        assert!(
            !found("sekyuriti koodo 20251")
                .iter()
                .any(|(k, _)| *k == Kind::Cvv)
        );
    }

    #[test]
    fn barcodes_are_not_cards_unless_the_line_says_card() {
        // Both Luhn- and EAN-valid.
        let ean = "4050022074950";
        assert!(found(&format!("SKU {ean} qty 2")).is_empty());
        assert!(found(&format!("24272;Faure;{ean}")).is_empty());
        // Luhn-valid, not EAN-valid, under a heading that names a product code.
        let sku = "4068407692790";
        let export =
            format!("Order;Name;Phone;Item SKU\n63753;Yuna;075-921;{sku}\n15809;Ali;07229;{sku}\n");
        assert!(found(&export).is_empty(), "{:?}", found(&export));
        let export = format!("Order;Name;Card\n63753;Yuna;{sku}\n");
        assert_eq!(found(&export), vec![(Kind::CardNumber, sku.to_string())]);
        assert_eq!(
            found(&format!("card: {ean}")),
            vec![(Kind::CardNumber, ean.to_string())]
        );
    }

    #[test]
    fn transaction_ids_failing_luhn_are_kept() {
        assert!(found("transaction_id => 6937782035005381").is_empty());
        assert!(found("order #4242424242424242").is_empty());
        assert!(found("4242 42424 242 4242").is_empty());
    }

    #[test]
    fn a_card_beside_another_number() {
        assert_eq!(
            found("card 4242424242424242 123 exp"),
            vec![(Kind::CardNumber, "4242424242424242".into())]
        );
        assert_eq!(
            found("Qty 2 4242424242424242"),
            vec![(Kind::CardNumber, "4242424242424242".into())]
        );
        assert_eq!(
            found("card 4242 4242 4242 4242 123"),
            vec![(Kind::CardNumber, "4242 4242 4242 4242".into())]
        );
    }

    #[test]
    fn a_card_wrapped_over_two_lines() {
        for text in [
            "card 4242 4242\n4242 4242 thanks",
            "Card number: 4111111111\n111111\n",
            "my visa is 5555-5555-5555-\r\n4444 exp 09/29",
            "4000 0566 5566\n5556 was declined",
        ] {
            let got = found(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].0, Kind::CardNumber);
            assert!(got[0].1.contains('\n'), "{got:?}");
        }
        // Numbers that only join into a card by chance, with nothing saying card.
        for text in [
            "ids 4111111111\n111111\n",
            "card 4242 4242 4242 4242\n2024 was the year",
            "order 4242 4242\n4242 4243",
            // A record's last cell, the next record's first (`card_type` in the header).
            "id,card_type,sku\n1,visa,424242424242\n4242,visa,9\n",
            "3;Visa card;4000056655\n665556;Visa card;1\n",
        ] {
            let got = found(text);
            assert!(
                got.iter().all(|(_, v)| !v.contains('\n')),
                "{text:?}: {got:?}"
            );
        }
    }

    #[test]
    fn iban() {
        assert_eq!(
            found("IBAN GB82 WEST 1234 5698 7654 32 BIC X"),
            vec![(Kind::Iban, "GB82 WEST 1234 5698 7654 32".into())]
        );
        assert_eq!(
            found("DE89370400440532013000"),
            vec![(Kind::Iban, "DE89370400440532013000".into())]
        );
        assert!(found("DE89370400440532013001").is_empty());
    }

    #[test]
    fn an_iban_printed_with_dashes_between_its_groups() {
        for iban in [
            "NL81-RABO-0312-3456-78",
            "FR14-2004-1010-0505-0001-3M02-606",
            "ES91-2100-0418-4502-0005-1332",
        ] {
            assert_eq!(
                found(&format!("Refund to IBAN: {iban} (verified)")),
                vec![(Kind::Iban, iban.into())]
            );
        }
        // One check digit off, or the separators mixed: no IBAN.
        assert!(found("IBAN: ES92-2100-0418-4502-0005-1332").is_empty());
        assert!(
            !found("ES91-2100 0418-4502-0005-1332")
                .iter()
                .any(|(k, _)| *k == Kind::Iban)
        );
    }
}
