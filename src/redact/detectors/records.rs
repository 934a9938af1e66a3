//! Customer records written without `key: value` on one line: a copy of an
//! admin screen (a `Billing` heading, then the name and the address one line
//! each; a `Phone:` label, then the number on the next line), and SQL that
//! looks a customer up by a column expression (`CONCAT(first_name, ' ',
//! last_name) LIKE '%Ana Lima%'`).

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::customer_words::{ADDRESSEE_LABELS, Gates, PHONE_LABELS, RECORD_HEADINGS};
use crate::redact::keys::{FieldClass, classify};
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::{looks_person_name, looks_phone, trimmed};

/// How many lines after a heading an address block may run.
const BLOCK_LINES: usize = 6;

/// `gated`: the lines of this block for every customer gate group.
pub(crate) fn detect(text: &[u8], gated: &[Vec<Range<usize>>], out: &mut Vec<Candidate>) {
    let mut buf = [0u8; 32];
    for line in &gated[Gates::RECORD_HEADING] {
        if RECORD_HEADINGS.contains(&label_of(&text[line.clone()], &mut buf)) {
            address_block(text, line.end, out);
        } else if names_the_addressee(&text[line.clone()]) {
            push_address_lines(&address_lines(text, line.end), out);
        }
    }
    for line in &gated[Gates::PHONE_LABEL] {
        if PHONE_LABELS.contains(&label_of(&text[line.clone()], &mut buf)) {
            phone_below(text, line.end, out);
        }
    }
    sql_lookups(text, &gated[Gates::SQL], out);
}

/// A line that is only a label: `Billing`, `Phone:`, `  Téléphone :`, in ASCII
/// lowercase without its colon, in `buf`. Empty when the line says more than a
/// label does.
fn label_of<'b>(line: &[u8], buf: &'b mut [u8; 32]) -> &'b str {
    let t = line.trim_ascii();
    let t = t.strip_suffix(b":").unwrap_or(t).trim_ascii_end();
    if t.len() > buf.len()
        || t.iter()
            .any(|b| b.is_ascii_digit() || matches!(b, b':' | b'=' | b'@'))
    {
        return "";
    }
    let out = &mut buf[..t.len()];
    out.copy_from_slice(t);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

/// The lines after `from` (the end of a line), without their newlines.
fn lines_after(text: &[u8], from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = from + 1;
    std::iter::from_fn(move || {
        if pos > text.len() {
            return None;
        }
        let end = crate::redact::scan::line_end_near(text, pos);
        let line = pos..end;
        pos = end + 1;
        Some(line)
    })
}

/// `Phone:` alone on its line, the number alone on the next.
fn phone_below(text: &[u8], label_end: usize, out: &mut Vec<Candidate>) {
    let Some(next) = lines_after(text, label_end).next() else {
        return;
    };
    let r = trimmed(text, next);
    let v = &text[r.clone()];
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    if digits >= 7 && looks_phone(v) {
        out.push(Candidate::new(
            r.start,
            r.end,
            Kind::Phone,
            "phone-below-label",
            Priority::Heuristic,
        ));
    }
}

/// Under a `Billing` or `Shipping` heading: a person's name on the first line,
/// then the lines of their address, up to the last one holding a number
/// (the postcode; a country follows it). The block ends at a blank line or
/// at a label (`Email address:`).
fn address_block(text: &[u8], heading_end: usize, out: &mut Vec<Candidate>) {
    let mut lines = lines_after(text, heading_end).map(|l| trimmed(text, l));
    let Some(name) = lines.next() else {
        return;
    };
    // Without a person's name first, the heading heads something else.
    if !looks_person_name(&text[name.clone()]) {
        return;
    }
    let address = address_lines(text, name.end);
    if address.is_empty() {
        return;
    }
    out.push(Candidate::new(
        name.start,
        name.end,
        Kind::Name,
        "name-in-address-block",
        Priority::Heuristic,
    ));
    push_address_lines(&address, out);
}

/// `Recipient: Emre Kaya`: a label naming who a parcel goes to, and a name.
fn names_the_addressee(line: &[u8]) -> bool {
    let Some(colon) = memchr::memchr(b':', line) else {
        return false;
    };
    let label = line[..colon].trim_ascii();
    let name = line[colon + 1..].trim_ascii();
    let Ok(label) = std::str::from_utf8(label) else {
        return false;
    };
    label.len() <= 32
        && ADDRESSEE_LABELS.contains(&label.to_lowercase().as_str())
        && looks_person_name(name)
}

/// The lines of an address after the line ending at `from`, up to the last
/// one holding a number (the postcode; a country follows it). The block ends
/// at a blank line or at a label (`Email address:`, `Phone:`).
fn address_lines(text: &[u8], from: usize) -> Vec<Range<usize>> {
    let mut block = Vec::new();
    for line in lines_after(text, from)
        .map(|l| trimmed(text, l))
        .take(BLOCK_LINES - 1)
    {
        let v = &text[line.clone()];
        if v.is_empty() || opens_with_label(v) || !reads_as_address_line(v) {
            break;
        }
        block.push(line);
    }
    let Some(last) = block
        .iter()
        .rposition(|l| text[l.clone()].iter().any(u8::is_ascii_digit))
    else {
        return Vec::new();
    };
    block.truncate(last + 1);
    block.retain(|l| {
        let v = &text[l.clone()];
        v.iter().any(u8::is_ascii_alphabetic) && !looks_phone(v) && !mentions_a_date(v)
    });
    block
}

fn push_address_lines(lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        out.push(Candidate::new(
            line.start,
            line.end,
            Kind::Address,
            "address-block",
            Priority::Heuristic,
        ));
    }
}

/// How many bytes open `line` that a tool writes before every line it
/// records or quotes, not part of what the line says: a mail's quote marks
/// (`> `, `>> `), a timestamp (`2024-06-19 10:20:33`, `[10:20:33]`), a
/// transcript's direction (`CLIENT -> SERVER: `). 0 for most lines.
pub(crate) fn line_prefix(line: &[u8]) -> usize {
    let skip_blanks = |mut i: usize| {
        while line.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let mut i = skip_blanks(0);
    if let Some(len) = timestamp_len(&line[i..]) {
        i = skip_blanks(i + len);
    }
    if let Some(len) = direction_len(&line[i..]) {
        i = skip_blanks(i + len);
    }
    while line.get(i) == Some(&b'>') {
        i = skip_blanks(i + 1);
    }
    i
}

/// `2024-06-19 10:20:33`, `2024-06-19T10:20:33.120Z`, `[10:20:33]`, then a
/// blank: digits and the marks between them, with a time's colon.
fn timestamp_len(v: &[u8]) -> Option<usize> {
    let bracketed = v.first() == Some(&b'[');
    let from = usize::from(bracketed);
    let mut i = from;
    let mut digits = 0;
    while let Some(&b) = v.get(i) {
        let joins = matches!(b, b'-' | b'/' | b'.' | b':' | b'T' | b'Z' | b'+' | b',')
            || (b == b' ' && v.get(i + 1).is_some_and(u8::is_ascii_digit));
        if b.is_ascii_digit() {
            digits += 1;
        } else if !joins {
            break;
        }
        i += 1;
    }
    let time = v[from..i].contains(&b':');
    if digits < 4 || !time || !v[from].is_ascii_digit() {
        return None;
    }
    if bracketed {
        return (v.get(i) == Some(&b']')).then_some(i + 1);
    }
    v.get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t'))
        .then_some(i)
}

/// `CLIENT -> SERVER:`, `SERVER <- CLIENT:`: two parties in capitals, an
/// arrow between them, and a colon.
fn direction_len(v: &[u8]) -> Option<usize> {
    let party = |from: usize| {
        let len = v[from.min(v.len())..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        (len >= 1).then_some(from + len)
    };
    let mut i = party(0)?;
    i += usize::from(v.get(i) == Some(&b' '));
    let arrow = v.get(i..i + 2)?;
    if !matches!(arrow, b"->" | b"<-" | b"=>") {
        return None;
    }
    i += 2;
    i += usize::from(v.get(i) == Some(&b' '));
    i = party(i)?;
    (v.get(i) == Some(&b':')).then_some(i + 1)
}

/// `Phone: …`, `Weight:`: words, then a colon that ends the line or is
/// followed by a blank. A Turkish `No:71` or `No: 146/18` is part of the
/// address: the number's label, then the number.
pub(crate) fn opens_with_label(v: &[u8]) -> bool {
    v.iter().position(|&b| b == b':').is_some_and(|colon| {
        let words = &v[..colon];
        let last_word = words.rsplit(|&b| b == b' ').next().unwrap_or(words);
        let number_follows = v[colon + 1..]
            .trim_ascii_start()
            .first()
            .is_some_and(u8::is_ascii_digit);
        let house_number = number_follows && matches!(last_word, b"No" | b"Nr" | b"No.");
        !words.is_empty()
            && words.len() <= 32
            && !house_number
            && words
                .iter()
                .all(|&b| b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b' ' | b'-' | b'.'))
            && v.get(colon + 1).is_none_or(|b| b.is_ascii_whitespace())
    })
}

/// No markup, mailbox, assignment or path: `ul. Mickiewicza 139/27` may hold
/// a slash between numbers, `C/ Mayor 61` one closing an abbreviation;
/// `/var/www` may not.
pub(crate) fn reads_as_address_line(v: &[u8]) -> bool {
    !v.iter().any(|b| matches!(b, b'@' | b'=' | b'[' | b'{'))
        && v.iter().enumerate().all(|(i, &b)| {
            let between_numbers =
                i > 0 && v[i - 1].is_ascii_digit() && v.get(i + 1).is_some_and(u8::is_ascii_digit);
            let abbreviation =
                i > 0 && v[i - 1].is_ascii_alphabetic() && v.get(i + 1) == Some(&b' ');
            b != b'/' || between_numbers || abbreviation
        })
}

/// `15 April 2024`, `2024-04-15`: a date line is no part of an address.
pub(crate) fn mentions_a_date(v: &[u8]) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let lower = v.to_ascii_lowercase();
    let year_at = |i: usize| {
        lower[i..].len() >= 4
            && lower[i..i + 4].iter().all(u8::is_ascii_digit)
            && (lower[i..].starts_with(b"19") || lower[i..].starts_with(b"20"))
            && !lower.get(i + 4).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !lower[i - 1].is_ascii_digit())
    };
    let years: Vec<usize> = (0..lower.len()).filter(|&i| year_at(i)).collect();
    let iso = years.iter().any(|&i| lower.get(i + 4) == Some(&b'-'));
    let month = lower
        .split(|b| !b.is_ascii_alphabetic())
        .any(|w| MONTHS.iter().any(|m| m.as_bytes() == w));
    iso || (month && !years.is_empty())
}

/// `WHERE CONCAT(first_name,' ',last_name) LIKE '%Ana Lima%'`: the columns
/// compared say what the string is.
fn sql_lookups(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        for_each_comparison(text, line.clone(), |expr, like, value| {
            let expr = &text[expr];
            let concat =
                expr.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'c')) && expr.ends_with(b")");
            // A plain `column = 'value'` is a pair the key scan already reads.
            if !concat && !like {
                return;
            }
            let class = expr
                .split(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                .filter(|w| !w.is_empty())
                .find_map(|w| match classify(w) {
                    Some(c @ (FieldClass::Name | FieldClass::Phone | FieldClass::Address)) => {
                        Some(c)
                    }
                    _ => None,
                });
            let Some(class) = class else {
                return;
            };
            // `%` and `_` are the pattern's wildcards, not the value's.
            let v = &text[value.clone()];
            let s = v
                .iter()
                .position(|b| !matches!(b, b'%' | b'_'))
                .unwrap_or(v.len());
            let e = v
                .iter()
                .rposition(|b| !matches!(b, b'%' | b'_'))
                .map_or(s, |p| p + 1);
            let inner = &v[s..e];
            let kind = match class {
                FieldClass::Name if looks_person_name(inner) => Kind::Name,
                FieldClass::Phone if looks_phone(inner) => Kind::Phone,
                FieldClass::Address if inner.iter().any(u8::is_ascii_alphanumeric) => Kind::Address,
                _ => return,
            };
            let start = value.start + s;
            out.push(Candidate::new(
                start,
                start + inner.len(),
                kind,
                "sql-lookup",
                Priority::Heuristic,
            ));
        });
    }
}

/// The longest column name read before an operator, and the longest
/// `CONCAT(…)` and string read around one.
const SQL_COLUMN: usize = 64;
const SQL_CONCAT_ARGS: usize = 160;
const SQL_STRING: usize = 120;

/// Each comparison of a column or a `CONCAT(…)` with a string on `line`,
/// left to right: (the expression, whether the operator is `LIKE`, the
/// string's contents). Read from each `=` and `LIKE` outwards: a pattern
/// searched from every identifier of a dump's long `INSERT` lines cost more
/// than every other customer rule together.
fn for_each_comparison(
    text: &[u8],
    line: Range<usize>,
    mut f: impl FnMut(Range<usize>, bool, Range<usize>),
) {
    let l = &text[line.clone()];
    let mut done = 0;
    let mut at = 0;
    while at < l.len() {
        let op_len = if l[at] == b'=' {
            1
        } else if l[at..].len() >= 4 && l[at..at + 4].eq_ignore_ascii_case(b"like") {
            4
        } else {
            at += 1;
            continue;
        };
        let op = at;
        at += op_len;
        let Some(expr) = expression_before(l, done, op) else {
            continue;
        };
        let mut v = op + op_len;
        while l.get(v).is_some_and(|&b| b == b' ' || b == b'\t') {
            v += 1;
        }
        let Some(len) = l
            .get(v)
            .filter(|&&b| b == b'\'')
            .and_then(|_| quoted_len(&l[v + 1..]))
        else {
            continue;
        };
        f(
            line.start + expr.start..line.start + expr.end,
            op_len == 4,
            line.start + v + 1..line.start + v + 1 + len,
        );
        done = v + len + 2;
        at = done;
    }
}

/// The column or `CONCAT(…)` that ends, blanks aside, at `op`, starting no
/// earlier than `floor`.
fn expression_before(l: &[u8], floor: usize, op: usize) -> Option<Range<usize>> {
    let mut end = op;
    while end > floor && matches!(l[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    if end > floor && l[end - 1] == b')' {
        let open_floor = floor.max((end - 1).saturating_sub(SQL_CONCAT_ARGS + 1));
        let open = (open_floor..end - 1)
            .rev()
            .find(|&i| matches!(l[i], b'(' | b')' | b'\n'))?;
        if l[open] != b'(' {
            return None;
        }
        let name_start = [9usize, 6].into_iter().find(|&n| {
            open >= floor + n && {
                let name = &l[open - n..open];
                name.eq_ignore_ascii_case(b"concat_ws") || name.eq_ignore_ascii_case(b"concat")
            }
        })?;
        return Some(open - name_start..end);
    }
    let column = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'`');
    let mut start = end;
    while start > floor && end - start < SQL_COLUMN && column(l[start - 1]) {
        start -= 1;
    }
    // The name opens with a letter or `_`.
    while start < end && !(l[start].is_ascii_alphabetic() || l[start] == b'_') {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// The length of a string's contents up to its closing quote, with `\\`
/// escapes and no line end inside; 1 to [`SQL_STRING`] characters.
fn quoted_len(s: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut chars = 0;
    loop {
        match s.get(i) {
            Some(b'\'') => return (chars > 0).then_some(i),
            None | Some(b'\n') => return None,
            Some(_) if chars == SQL_STRING => return None,
            Some(b'\\') if s.get(i + 1).is_some_and(|&b| b != b'\n') => i += 2,
            Some(b'\\') => return None,
            Some(_) => i += 1,
        }
        // The rest of a character written in several bytes.
        while s.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
            i += 1;
        }
        chars += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::line_prefix;

    #[test]
    fn what_a_tool_writes_before_each_line() {
        for (line, rest) in [
            ("> > Aoife Byrne", "Aoife Byrne"),
            (">>Aoife Byrne", "Aoife Byrne"),
            (
                "2024-06-19 10:20:33\tCLIENT -> SERVER: Aoife Byrne",
                "Aoife Byrne",
            ),
            (
                "2024-06-19T10:20:33.120Z SERVER <- CLIENT: 7 Main St",
                "7 Main St",
            ),
            ("[10:20:33] > 7 Main St", "7 Main St"),
            ("  09:14 Aoife Byrne", "Aoife Byrne"),
        ] {
            assert_eq!(&line[line_prefix(line.as_bytes())..], rest, "{line:?}");
        }
        // What a line says is not a prefix: a house number, a date alone,
        // a time in prose, a speaker in lowercase.
        for line in [
            "7 Main St",
            "2024-06-19 was the day",
            "Aoife Byrne",
            "client -> server: hi",
            "1234 Elm Street",
        ] {
            assert_eq!(line_prefix(line.as_bytes()), 0, "{line:?}");
        }
    }

    use super::*;
    use crate::redact::customer_words::gate_words;
    use crate::redact::gate::GateSet;

    fn found(text: &str) -> Vec<(Kind, String)> {
        let gated = GateSet::new(&gate_words()).lines(text.as_bytes());
        let mut out = Vec::new();
        detect(text.as_bytes(), &gated, &mut out);
        out.iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    fn finds(text: &str, kind: Kind, value: &str) -> bool {
        found(text).iter().any(|(k, v)| *k == kind && v == value)
    }

    #[test]
    fn address_blocks_under_a_heading() {
        let screen = "Shipping\nKarl Große-Brandt\nAn der Linde 4\n04109 Leipzig\nDeutschland\nPhone:\n0341 5550123\n";
        assert!(finds(screen, Kind::Name, "Karl Große-Brandt"));
        assert!(finds(screen, Kind::Address, "An der Linde 4"));
        assert!(finds(screen, Kind::Address, "04109 Leipzig"));
        assert!(!found(screen).iter().any(|(_, v)| v == "Deutschland"));
        assert!(finds(screen, Kind::Phone, "0341 5550123"));
        assert!(finds(
            "Téléphone :\n06 12 34 56 78\n",
            Kind::Phone,
            "06 12 34 56 78"
        ));
        // The addressee's name after a label, the address below it.
        let label = "Recipient: Emre Kaya\nAtatürk Cad. No:71 D:12\n34300 İstanbul\nPhone: (0555) 453 7073\nWeight: 0.3 kg\n";
        assert!(finds(label, Kind::Address, "Atatürk Cad. No:71 D:12"));
        assert!(finds(label, Kind::Address, "34300 İstanbul"));
        assert!(!found(label).iter().any(|(_, v)| v.contains("0.3 kg")));
        let es = "Shipping\nCarmen Ruiz\nC/ Mayor 61, 1º 3ª\n28013 Madrid\n";
        assert!(finds(es, Kind::Name, "Carmen Ruiz"), "{:?}", found(es));
        assert!(
            finds(es, Kind::Address, "C/ Mayor 61, 1º 3ª"),
            "{:?}",
            found(es)
        );
        let tr = "Recipient: Hakan Yıldız\nİnönü Sok. No: 14/3\n35078 İzmir\n";
        assert!(
            finds(tr, Kind::Address, "İnönü Sok. No: 14/3"),
            "{:?}",
            found(tr)
        );
        let pl = "Empfänger: Jan Kowalski\nul. Wiejska 14/3\n00-480 Warszawa\n";
        assert!(finds(pl, Kind::Address, "ul. Wiejska 14/3"));
        // A label whose value is no person heads no address.
        let not = "Recipient: all admins\nQueue 4 drained\n";
        assert!(found(not).is_empty(), "{:?}", found(not));
        let us = "Billing address:\n  Mara Quinn\n  77 Elm Row, Apt 4C\n  Dayton, OH 45402\n  United States\n";
        assert!(finds(us, Kind::Address, "77 Elm Row, Apt 4C"));
        assert!(finds(us, Kind::Address, "Dayton, OH 45402"));
    }

    #[test]
    fn headings_that_head_no_person() {
        // Settings, dates and methods under the same words stay.
        assert!(found("Shipping\nFlat rate: 5.00\n").is_empty());
        assert!(found("Billing\nProcessing\n15 April 2024 at 6:21 am\n").is_empty());
        assert!(found("Shipping\n\nOrder #4411 shipped").is_empty());
        assert!(found("Phone:\nv2.4.1\n").is_empty());
        assert!(found("Phone:\n2024-04-15 06:21\n").is_empty());
    }

    #[test]
    fn comparisons_read_outwards_from_their_operators() {
        let read = |line: &str| {
            let mut got = Vec::new();
            for_each_comparison(line.as_bytes(), 0..line.len(), |e, like, v| {
                got.push((line[e].to_string(), like, line[v].to_string()));
            });
            got
        };
        assert_eq!(
            read(
                "WHERE concat_ws(' ', a.first_name, a.last_name) like '%Ines%' AND u.`user_login`='bob\\'s'"
            ),
            [
                (
                    "concat_ws(' ', a.first_name, a.last_name)".into(),
                    true,
                    "%Ines%".into()
                ),
                ("u.`user_login`".into(), false, "bob\\'s".into()),
            ]
        );
        // No column before the operator, no string after it, or a string cut by the line's end.
        for line in [
            "x != 'a'",
            "a >= 'b'",
            "a == 'b'",
            "a = 5",
            "name LIKE 'open",
            "a = ''",
        ] {
            assert!(read(line).is_empty(), "{line}: {:?}", read(line));
        }
        // A column name longer than any is read by its last 64 characters.
        let long = format!("{} = 'v'", "c".repeat(70));
        assert_eq!(read(&long)[0].0.len(), 64);
    }

    #[test]
    fn sql_lookups_by_name_columns() {
        assert!(finds(
            "SELECT id FROM wp_wc_order_addresses WHERE CONCAT(first_name,' ',last_name) LIKE '%Rosa Vidal Prieto%';",
            Kind::Name,
            "Rosa Vidal Prieto"
        ));
        assert!(finds(
            "WHERE billing_phone LIKE '%0612345678%'",
            Kind::Phone,
            "0612345678"
        ));
        // Hooks, statuses and option names compared in SQL stay.
        assert!(found("WHERE option_name LIKE '%_transient_%'").is_empty());
        assert!(
            found("WHERE post_status = 'wc-processing' AND hook LIKE 'woocommerce_%'").is_empty()
        );
        assert!(found("I would like 'Ana Lima' to call").is_empty());
    }
}
