//! Customer records written without `key: value` on one line: a copy of an
//! admin screen (a `Billing` heading, then the name and the address one line
//! each; a `Phone:` label, then the number on the next line), and SQL that
//! looks a customer up by a column expression (`CONCAT(first_name, ' ',
//! last_name) LIKE '%Ana Lima%'`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::redact::Kind;
use crate::redact::customer_words::{ADDRESSEE_LABELS, Gates, PHONE_LABELS, RECORD_HEADINGS};
use crate::redact::gate::captures_in;
use crate::redact::keys::{FieldClass, classify};
use crate::redact::scan::{Candidate, Priority, compile};
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

/// `Phone: …`, `Weight:`: words, then a colon that ends the line or is
/// followed by a blank. A Turkish `No:71` or `No: 146/18` is part of the
/// address: the number's label, then the number.
fn opens_with_label(v: &[u8]) -> bool {
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
fn reads_as_address_line(v: &[u8]) -> bool {
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
fn mentions_a_date(v: &[u8]) -> bool {
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

static SQL_LOOKUP: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(concat(?:_ws)?\([^()\n]{0,160}\)|[a-z_][a-z0-9_.`]{0,63})[ \t]*(like|=)[ \t]*'((?:[^'\\\n]|\\.){1,120})'",
    )
});

/// `WHERE CONCAT(first_name,' ',last_name) LIKE '%Ana Lima%'`: the columns
/// compared say what the string is.
fn sql_lookups(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    captures_in(&SQL_LOOKUP, text, lines, |c, off| {
        let (Some(expr), Some(op), Some(value)) = (c.get(1), c.get(2), c.get(3)) else {
            return;
        };
        let concat = expr
            .as_bytes()
            .first()
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'c'))
            && expr.as_bytes().ends_with(b")");
        // A plain `column = 'value'` is a pair the key scan already reads.
        if !concat && !op.as_bytes().eq_ignore_ascii_case(b"like") {
            return;
        }
        let class = expr
            .as_bytes()
            .split(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .filter(|w| !w.is_empty())
            .find_map(|w| match classify(w) {
                Some(c @ (FieldClass::Name | FieldClass::Phone | FieldClass::Address)) => Some(c),
                _ => None,
            });
        let Some(class) = class else {
            return;
        };
        // `%` and `_` are the pattern's wildcards, not the value's.
        let v = value.as_bytes();
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
        let start = off + value.start() + s;
        out.push(Candidate::new(
            start,
            start + inner.len(),
            kind,
            "sql-lookup",
            Priority::Heuristic,
        ));
    });
}

#[cfg(test)]
mod tests {
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
