//! Phone numbers known by their shape alone, with no word before them: the
//! national layouts people write (`0917 123 4567`, `(415) 555-0132`,
//! `06.64.49.91.11`, `532 123 45 67`), and the ones no other number takes.
//!
//! Numbers that share digits and separators with phones (dates, times,
//! versions, IPs, amounts, thousands, IDs after `order` or `SKU`) are told
//! apart by their layout and by the word before or after them.

use crate::redact::byteclass::{LongRuns, is_card_byte, number_masks};
use crate::redact::keys::{FieldClass, classify, is_contact_label};
use crate::redact::kind::Kind;
use crate::redact::scan::{Candidate, Priority};

/// A run of digit groups as written: where it is and how it is grouped.
struct Run {
    start: usize,
    end: usize,
    /// Digits per group, in order; `count` of them are used.
    group_digits: [u8; MAX_GROUPS],
    /// Separator before each group after the first (`(` for `0 (532)`).
    separators: [u8; MAX_GROUPS],
    count: usize,
    /// The first group sits in brackets: `(415) 555-0132`.
    paren_first: bool,
}

/// More groups than any national layout has.
const MAX_GROUPS: usize = 8;

impl Run {
    fn groups(&self) -> &[u8] {
        &self.group_digits[..self.count]
    }

    fn seps(&self) -> &[u8] {
        &self.separators[..self.count.saturating_sub(1)]
    }

    fn digits(&self) -> usize {
        self.groups().iter().map(|&g| g as usize).sum()
    }
}

/// Finds national phone numbers anywhere in `text`.
///
/// Every layout holds a stretch of digits, blanks, dashes and dots with at
/// least seven digits in it (`555-0132`, `5550123` after `0176/`), so only
/// the bytes around such stretches are read, found from the card bytes'
/// bitmaps.
pub(crate) fn detect(text: &[u8], out: &mut Vec<Candidate>) {
    // Bytes before a stretch that a number can open with: `(0506) `, `0176/`.
    const LEAD: usize = 12;
    let mut runs = LongRuns::new(7, is_card_byte);
    let mut blocks = text.chunks(64).map(|b| number_masks(b).0);
    let mut current = blocks.next().unwrap_or_default();
    let mut base = 0;
    let mut done = 0;
    loop {
        let next = blocks.next();
        runs.block(text, base, current, next.unwrap_or_default(), |run| {
            // Indentation and rules of dashes hold no number.
            if text[run.clone()]
                .iter()
                .filter(|b| b.is_ascii_digit())
                .count()
                < 7
            {
                return;
            }
            let from = run.start.saturating_sub(LEAD).max(done);
            done = scan(text, from, run.end, out);
        });
        let Some(n) = next else {
            break;
        };
        current = n;
        base += 64;
    }
}

/// Reads the numbers that open in `from..to`; returns where reading stopped.
fn scan(text: &[u8], from: usize, to: usize, out: &mut Vec<Candidate>) -> usize {
    let mut i = from;
    while i < to {
        let b = text[i];
        let opens =
            b.is_ascii_digit() || (b == b'(' && text.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !opens {
            i += 1;
            continue;
        }
        if !starts_clean(text, i) {
            i = skip_number(text, i);
            continue;
        }
        match read_run(text, i) {
            Some(run) => {
                let next = run.end.max(i + 1);
                if is_phone(text, &run) {
                    out.push(Candidate::new(
                        run.start,
                        run.end,
                        Kind::Phone,
                        "phone-national",
                        Priority::Heuristic,
                    ));
                }
                i = next;
            }
            None => i = skip_number(text, i),
        }
    }
    i.max(to)
}

/// Past the digits, letters and joiners of the token at `i`.
fn skip_number(text: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len()
        && (text[j].is_ascii_alphanumeric()
            || matches!(text[j], b'.' | b'-' | b'_' | b':' | b'/' | b','))
    {
        j += 1;
    }
    j
}

/// The number does not continue a word, a path, a decimal or a time.
fn starts_clean(text: &[u8], i: usize) -> bool {
    let Some(&prev) = i.checked_sub(1).map(|p| &text[p]) else {
        return true;
    };
    let before_prev = i.checked_sub(2).map(|p| text[p]);
    match prev {
        b if b.is_ascii_alphanumeric() => false,
        // `+44 …` is the international rule's; `#4411`, `$1200`, `€…` are no phones.
        b'_' | b'+' | b'#' | b'$' | b'/' | b'\\' | b'@' | b'%' | b'&' | b'*' | b'^' | b'~' => false,
        b'.' | b':' if follows_phone_label(text, i - 1) => true,
        // A label glued to its number by a colon reads as one with a blank
        // after it (`GSM:0455 54 97 67`, `Viber:…`); a digit before the colon
        // makes it a time or a port.
        b':' if before_prev.is_some_and(|b| b.is_ascii_alphabetic()) => true,
        b'.' | b'-' | b',' | b':' => !before_prev.is_some_and(|b| b.is_ascii_alphanumeric()),
        b if b >= 0x80 => !is_currency_or_letter_tail(text, i),
        _ => true,
    }
}

/// A label that names a phone ends at `end` (its `:` or `.`), the number glued
/// to it: `Contact:084552 71989`, `Tel.-Nr.0711/7404659`, `Tlf.22 33 44 55`.
fn follows_phone_label(text: &[u8], end: usize) -> bool {
    let from = end.saturating_sub(16);
    let start = (from..end)
        .rev()
        .find(|&p| !(text[p].is_ascii_alphabetic() || matches!(text[p], b'.' | b'-')))
        .map_or(from, |p| p + 1);
    let label = &text[start..end];
    label
        .split(|&b| b == b'.' || b == b'-')
        .any(|word| is_contact_label(word) || matches!(classify(word), Some(FieldClass::Phone)))
}

/// `€`, `£`, `¥` before a number make it an amount; a letter of another
/// script makes it part of a word.
fn is_currency_or_letter_tail(text: &[u8], i: usize) -> bool {
    let start = i.saturating_sub(4);
    let before = String::from_utf8_lossy(&text[start..i]);
    // Scripts written without spaces (`電話番号は070 …`) end a word anywhere.
    let unspaced = |c: char| matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{ff00}'..='\u{ffef}');
    before.chars().last().is_some_and(|c| {
        (c.is_alphanumeric() && !unspaced(c)) || matches!(c, '€' | '£' | '¥' | '₹' | '₺' | '₽')
    })
}

/// Reads digit groups joined by one blank, `-`, `.` or `/`, with brackets
/// around one group (`(0506) 735 1991`, `0 (532) 123 45 67`).
fn read_run(text: &[u8], start: usize) -> Option<Run> {
    let mut run = Run {
        start,
        end: start,
        group_digits: [0; MAX_GROUPS],
        separators: [0; MAX_GROUPS],
        count: 0,
        paren_first: text[start] == b'(',
    };
    let mut i = start;
    loop {
        let bracketed = text.get(i) == Some(&b'(');
        if bracketed {
            i += 1;
        }
        let digits = text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 12 {
            return None;
        }
        i += digits;
        if bracketed {
            if text.get(i) != Some(&b')') {
                return None;
            }
            i += 1;
        }
        if run.count == MAX_GROUPS {
            return None;
        }
        run.group_digits[run.count] = digits as u8;
        run.count += 1;
        run.end = i;
        // A separator, then another group; `) ` may hold a blank after it.
        let mut j = i;
        let sep = match text.get(j) {
            Some(&s @ (b' ' | b'-' | b'.' | b'/')) => {
                j += 1;
                s
            }
            Some(b'(') if bracketed || run.count == 1 => b'(',
            _ if bracketed => b' ',
            _ => break,
        };
        let next_opens = match text.get(j) {
            Some(b) if b.is_ascii_digit() => true,
            Some(b'(') => text.get(j + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if !next_opens {
            break;
        }
        run.separators[run.count - 1] = sep;
        i = j;
    }
    ends_clean(text, run.end).then_some(run)
}

/// Nothing after the number continues it: no letter, no `.5`, no `:30`.
fn ends_clean(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => false,
        Some(b'.' | b',' | b'-' | b':' | b'/' | b'%') => {
            !text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
        }
        Some(b'@') => false,
        _ => true,
    }
}

/// The layout says phone, and neither the date in it nor the words around
/// it say otherwise. (Layout first: it rejects most numbers cheaply.)
fn is_phone(text: &[u8], run: &Run) -> bool {
    has_phone_layout(text, run)
        && !looks_like_date_or_time(text, run)
        && !has_non_phone_word(text, run)
}

fn has_phone_layout(text: &[u8], run: &Run) -> bool {
    let n = run.digits();
    let groups = run.groups();
    let first = text[run.start + usize::from(run.paren_first)];
    let second = text
        .get(run.start + usize::from(run.paren_first) + 1)
        .copied();
    // `00 44 …`, `0031 6 …`: the international prefix dialled from abroad.
    let dialled_abroad = first == b'0' && second == Some(b'0') && groups[0] <= 4 && n >= 11;
    // A trunk `0` opens national numbers in most of the world.
    let trunk = first == b'0' && (second != Some(b'0') || groups[0] == 1);
    let max = if dialled_abroad { 15 } else { 12 };
    if n > max || n < 8 {
        return false;
    }
    if groups.len() == 1 {
        // Unseparated: only a trunk `0` and a national length say phone.
        return trunk && !dialled_abroad && (10..=11).contains(&n) && second != Some(b'0');
    }
    if groups.iter().any(|&g| g > 8) || is_dotted_quad(text, run) {
        return false;
    }
    if dialled_abroad || trunk || run.paren_first {
        // `0 532 …`: a lone trunk `0` needs the number after it.
        return (9..=12).contains(&n) || (dialled_abroad && n <= 15);
    }
    if n == 8 {
        // Nordic numbers: four pairs, `47 21 45 61`; Norway's mobiles, which
        // open with 4 or 9, as `934 03 643`.
        let pairs = groups.len() == 4 && groups.iter().all(|&g| g == 2);
        let norwegian_mobile = groups == [3, 2, 3] && matches!(first, b'4' | b'9');
        return (pairs || norwegian_mobile) && same_seps(run, b' ');
    }
    // India's mobiles, which open with 6 to 9, in two halves: `79407 71638`.
    if groups == [5, 5] && (b'6'..=b'9').contains(&first) && same_seps(run, b' ') {
        return true;
    }
    if !(9..=12).contains(&n) || groups.len() < 3 || groups.iter().any(|&g| g < 2) {
        return false;
    }
    // `612 345 678`: a Spanish mobile, or 612 million written with thousands
    // blanks. Mobiles and landlines there open with 6 to 9; amounts and
    // byte counts in that layout mostly do not.
    if is_thousands_layout(groups) {
        return groups.len() == 3 && (b'6'..=b'9').contains(&first) && !same_seps(run, b'.');
    }
    // Long runs of three-digit groups are lists of numbers, not one phone.
    groups.len() < 4 || groups.contains(&2)
}

/// `1 234 567`, `612.345.678`: one to three digits, then groups of three.
fn is_thousands_layout(groups: &[u8]) -> bool {
    groups[0] <= 3 && groups[1..].iter().all(|&g| g == 3)
}

fn same_seps(run: &Run, sep: u8) -> bool {
    run.seps().iter().all(|&s| s == sep)
}

/// `10.0.12.255`: an IPv4 address, which the address rules judge.
fn is_dotted_quad(text: &[u8], run: &Run) -> bool {
    if run.count != 4 || !same_seps(run, b'.') {
        return false;
    }
    text[run.start..run.end].split(|&b| b == b'.').all(|g| {
        std::str::from_utf8(g)
            .ok()
            .and_then(|s| s.parse::<u16>().ok())
            .is_some_and(|v| v <= 255)
    })
}

/// `2024 06 11`, `11.06.2024`, `2024-06-11-0932`: a date's groups.
fn looks_like_date_or_time(text: &[u8], run: &Run) -> bool {
    let values: Vec<u32> = text[run.start..run.end]
        .split(|b| !b.is_ascii_digit())
        .filter(|c| !c.is_empty())
        .map(|c| {
            c.iter().fold(0u32, |v, d| {
                v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            })
        })
        .collect();
    let g = run.groups();
    if g.len() < 3 || values.len() != g.len() {
        return false;
    }
    let year = |k: usize| g[k] == 4 && (1900..=2100).contains(&values[k]);
    let day_or_month = |k: usize| g[k] <= 2 && (1..=31).contains(&values[k]);
    let last = g.len() - 1;
    (year(0) && day_or_month(1) && day_or_month(2))
        || (year(last) && day_or_month(last - 1) && day_or_month(last - 2))
}

/// The words around the number say it is something else: `order 0412 …`,
/// `SKU …`, `… bytes`, `… ms`.
fn has_non_phone_word(text: &[u8], run: &Run) -> bool {
    const BEFORE: &[&str] = &[
        "order",
        "orders",
        "invoice",
        "sku",
        "ean",
        "gtin",
        "upc",
        "isbn",
        "id",
        "ids",
        "ref",
        "reference",
        "txn",
        "transaction",
        "tracking",
        "version",
        "build",
        "pid",
        "port",
        "ports",
        "size",
        "sizes",
        "iban",
        "bic",
        "account",
        "acct",
        "postcode",
        "zip",
        "serial",
        "vat",
        "tax",
        "ticket",
        "case",
        "batch",
        "lot",
        "item",
        "items",
        "product",
        "qty",
        "total",
        "amount",
        "price",
        "sum",
        "bytes",
        "memory",
        "time",
        "timestamp",
        "unix",
        "epoch",
        "no",
        "nr",
        "number",
        "nummer",
        "n°",
        "#",
    ];
    const AFTER: &[&str] = &[
        "bytes", "byte", "b", "kb", "mb", "gb", "kib", "mib", "gib", "ms", "s", "sec", "secs",
        "seconds", "min", "mins", "minutes", "h", "hours", "days", "rows", "items", "times", "x",
        "eur", "usd", "gbp", "€", "$", "£", "%", "px", "kg", "g", "km", "m", "pcs", "units",
    ];
    let lead = &text[run.start.saturating_sub(40)..run.start];
    let (word_before, rest) = last_word(lead);
    let word_after = first_word(&text[run.end..(run.end + 12).min(text.len())]);
    // `no`, `number`, `#` say nothing alone: `Cep no: 0532 …` is a phone,
    // `Invoice no. 0412 …` is not. The word before them decides.
    const COUNTERS: &[&str] = &["no", "nr", "number", "nummer", "n°", "#", "num"];
    let before_says = match word_before {
        Some(w) if COUNTERS.contains(&w.as_str()) => last_word(rest)
            .0
            .is_some_and(|w| BEFORE.contains(&w.as_str()) && !COUNTERS.contains(&w.as_str())),
        Some(w) => BEFORE.contains(&w.as_str()),
        None => false,
    };
    before_says || word_after.is_some_and(|w| AFTER.contains(&w.as_str()))
}

/// The last word before the number, lowercased, past `:`, `=`, `#` and
/// blanks; and the text before that word.
fn last_word(before: &[u8]) -> (Option<String>, &[u8]) {
    let is_gap =
        |b: u8| b.is_ascii_whitespace() || matches!(b, b':' | b'=' | b'(' | b'"' | b'\'' | b'.');
    let end = before.len() - before.iter().rev().take_while(|&&b| is_gap(b)).count();
    let trimmed = &before[..end];
    if trimmed.ends_with(b"#") {
        return (Some("#".into()), &trimmed[..end - 1]);
    }
    // Words of any script: walk back over bytes that are not gaps or punctuation.
    let start = end
        - trimmed
            .iter()
            .rev()
            .take_while(|&&b| b >= 0x80 || b.is_ascii_alphanumeric())
            .count();
    let word = String::from_utf8_lossy(&trimmed[start..]).to_lowercase();
    ((!word.is_empty()).then_some(word), &trimmed[..start])
}

/// The first word after the number, lowercased.
fn first_word(after: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(after);
    let s = s.trim_start_matches([' ', '\t']);
    let word: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '€' | '$' | '£' | '%'))
        .collect();
    let word = word.to_lowercase();
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        detect(text.as_bytes(), &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn national_layouts_are_phones() {
        for p in [
            "0917 123 4567",
            "0 532 123 45 67",
            "0-532-123-45-67",
            "0 (532) 1234567",
            "(415) 555-0132",
            "(415)555-0132",
            "415-555-0132",
            "415.555.0132",
            "532 123 45 67",
            "532.123.45.67",
            "06.64.49.91.11",
            "06 12 34 56 78",
            "020 7946 0958",
            "030 1234567",
            "0176/5550123",
            "03-1234-5678",
            "(11) 98456-5666",
            "0031 6 43820788",
            "0091 94762 48117",
            "91 550 06 85",
            "612 345 678",
            "47 21 45 61",
            "412 78 905",
            "79407 71638",
            "09171234567",
            "0685502186",
        ] {
            let line = format!("reach: {p} today");
            assert_eq!(phones(&line), vec![p], "{line}");
        }
    }

    #[test]
    fn scripts_without_spaces_end_a_word_before_a_number() {
        assert_eq!(phones("電話番号は070 4380 7830です"), vec!["070 4380 7830"]);
        assert!(phones("Straße0917 123 4567").is_empty());
    }

    #[test]
    fn a_number_glued_to_the_label_that_names_it() {
        for line in [
            "Contact:0917 123 4567 (order #4411)",
            "Tel.-Nr.030/1234567",
            "Telefon:06 12 34 56 78",
            "Mobile.0478 421 727",
            // A label no list holds reads as it would with a blank after its colon.
            "GSM:0455 54 97 67   (tracking 3SZAXS6461740)",
            "Viber:0917 123 4567",
            "Ligue:0917 123 4567",
        ] {
            let got = phones(line);
            assert_eq!(got.len(), 1, "{line}: {got:?}");
        }
        // Glued to a word that names no phone, digits stay a version or an id.
        for line in [
            "build:0917 123 4567",
            "Order Nr.0711 7404659",
            "v1.0917 123 4567",
            "at 12:0917 123 4567",
            "ref:0917 123 4567",
        ] {
            assert!(phones(line).is_empty(), "{line}: {:?}", phones(line));
        }
    }

    #[test]
    fn a_counter_word_defers_to_the_word_before_it() {
        assert_eq!(phones("Cep no: 05321234567"), vec!["05321234567"]);
        assert_eq!(
            phones("Contact number: 0917 123 4567"),
            vec!["0917 123 4567"]
        );
    }

    #[test]
    fn other_numbers_are_not() {
        for line in [
            "at 2024-06-11 10:22:31 done",
            "on 11.06.2024 at noon",
            "2024 06 11 12 30",
            "host 192.168.10.200 up",
            "peak memory 134 217 728 bytes",
            "order 0412 555 0132 shipped",
            "SKU 4091757104908",
            "unix time 1704295839",
            "took 81478 ms",
            "version 10.15.7",
            "sizes 150 300 768 1024",
            "ISBN 978-3-16-148410-0",
            "price €612 345 678",
            "total 1.234.567",
            "zip 94105-1234",
            "0000123456 padded",
            "v2.3.4567.89012",
            "12:30:45.123456",
            "id=abc0917 123 4567",
            "Invoice no. 0412 555 0132",
            "order nr: 0917 123 4567",
            "moved 512 34 128 rows",
            "ports 10000 20000 open",
        ] {
            assert!(phones(line).is_empty(), "{line}: {:?}", phones(line));
        }
    }
}
