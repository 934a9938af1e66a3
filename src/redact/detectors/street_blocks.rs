//! The postal address around a street, written with no field name: as a
//! block with no heading (a person's name on the line before the street,
//! the postcode and town on a line after it, as a letter, an order page or
//! an email signature writes them), or inline (`ship to Oskar Lindqvist,
//! Storgatan 21, 114 55 Stockholm`). Lines may also be broken by HTML's
//! `<br>`, as WooCommerce's formatted addresses are. A block whose street no
//! street rule knows is found from its town.
//!
//! ```text
//! Sanne van Dijk-Hoekstra          <- name-above-street
//! Van Baerlestraat 150A            <- the street, found by its own rule
//! 1017 EG Amsterdam                <- locality-below-street
//! Nederland
//! ```

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::customer_words::ADDRESSEE_LABELS;
use crate::redact::records::{
    line_prefix, mentions_a_date, opens_with_label, reads_as_address_line,
};
use crate::redact::scan::{Candidate, Lines, Priority};
use crate::redact::values::{looks_person_name, looks_phone, names_a_company};

/// How far a line of a block is read for its ends: further, it is no line
/// of an address.
const REACH: usize = 256;
/// Lines read after the street for its locality: WooCommerce's formats put
/// a flat, the town and the state each on its own line before the code.
const LINES_AFTER: usize = 4;
/// Lines read after a postal code alone for the town and the region that
/// follow it (`40121`, `Bologna`, `BO`, as Italy's format writes them).
const PLACES_AFTER_CODE: usize = 2;

/// The name and the locality of the block around each street line in
/// `streets` that stands alone on its line, into `found`.
pub(crate) fn around_streets(text: &[u8], streets: &[Candidate], found: &mut Vec<Candidate>) {
    let streets: Vec<Range<usize>> = streets
        .iter()
        .filter(|c| {
            c.kind == Kind::Address
                && matches!(c.rule, "street-address" | "block-address" | "unit-address")
        })
        .map(|c| c.start..c.end)
        .collect();
    for street in streets {
        let Some(line) = line_at(text, street.start) else {
            continue;
        };
        inline_parts(text, line.clone(), street.clone(), found);
        let Some(whole) =
            inner(text, line.clone()).and_then(|inside| street_alone(text, inside, street.clone()))
        else {
            continue;
        };
        if whole != street {
            found.push(Candidate::new(
                whole.start,
                whole.end,
                Kind::Address,
                "street-address",
                Priority::Heuristic,
            ));
        }
        let below: Vec<Range<usize>> =
            std::iter::successors(Some(line.clone()), |l| line_after(text, l))
                .skip(1)
                .take(LINES_AFTER)
                // An element that is its whole line is a field, and ends the block.
                .map_while(|l| inner(text, l))
                .collect();
        // Only a town below makes the lines a block: a name above a street
        // alone is not enough. The block's end is the last town or code
        // before a line that is no part of an address (a flat or a district
        // is). A code alone says less than a town: the lines before it must
        // be places' or flats' words only.
        let mut locality = None;
        let mut all_places = true;
        for (i, l) in below.iter().enumerate() {
            let v = &text[l.clone()];
            if reads_as_locality(v) || (all_places && is_postal_code_alone(v)) {
                locality = Some(i);
            } else if !continues_an_address(v) {
                break;
            }
            all_places &= names_places(v);
        }
        let Some(locality) = locality else {
            continue;
        };
        // WooCommerce writes the company between the name and the street.
        let above = line_before(text, &line).and_then(|l| {
            let inside = inner(text, l.clone())?;
            let name = if names_a_company(&text[inside.clone()]) {
                line_before(text, &l).and_then(|l| inner(text, l))?
            } else {
                inside
            };
            Some(after_field_name(text, name))
        });
        if let Some(above) = above
            && names_a_person(&text[above.clone()])
        {
            found.push(Candidate::new(
                above.start,
                above.end,
                Kind::Name,
                "name-above-street",
                Priority::Heuristic,
            ));
        }
        let places = if is_postal_code_alone(&text[below[locality].clone()]) {
            places_after_code(text, &below[locality])
        } else {
            Vec::new()
        };
        for l in below[..=locality].iter().chain(&places) {
            found.push(Candidate::new(
                l.start,
                l.end,
                Kind::Address,
                "locality-below-street",
                Priority::Heuristic,
            ));
        }
    }
}

/// The longest line read as a street or a town of a block found by its town.
const BLOCK_LINE_MAX: usize = 60;

/// Blocks whose street no street rule knows (`Długa 44`, `Laugavegur 77`,
/// `Rue du Marché 18`), found from the other end: a line that reads as a
/// postal code and a town, the line above it as a street (words and a house
/// number), and above that a person's name. All three, or none.
pub(crate) fn around_localities(lines: &Lines<'_>, found: &mut Vec<Candidate>) {
    let text = lines.text;
    // Most lines are turned away here, by their length and their bytes.
    let may_be_a_town = |v: &[u8]| {
        v.len() <= BLOCK_LINE_MAX + 16
            && v.iter().filter(|b| b.is_ascii_digit()).count() >= 2
            && memchr::memchr3(b':', b'=', b'<', v).is_none()
    };
    let short_lines = (0..lines.count())
        .map(|n| lines.line_range(n))
        .filter(|l| may_be_a_town(&text[l.clone()]))
        .map(|l| l.start);
    // A line after `<br>` is short too, on however long a line of markup.
    let after_breaks = memchr::memmem::find_iter(text, b"<br")
        .filter_map(|lt| line_break_at(text, lt))
        .filter(|&start| {
            let reach = (start + BLOCK_LINE_MAX + 16).min(text.len());
            let end =
                memchr::memchr2(b'<', b'\n', &text[start..reach]).map_or(reach, |p| start + p);
            may_be_a_town(&text[start..end])
        });
    for start in short_lines.chain(after_breaks) {
        let Some(town_line) = line_at(text, start) else {
            continue;
        };
        let Some(town) = inner(text, town_line.clone()) else {
            continue;
        };
        if town.len() > BLOCK_LINE_MAX || !has_postal_code(&text[town.clone()]) {
            continue;
        }
        let Some(street_line) = line_before(text, &town_line) else {
            continue;
        };
        let Some(street) =
            inner(text, street_line.clone()).filter(|s| reads_as_street_line(&text[s.clone()]))
        else {
            continue;
        };
        let Some(name) = line_before(text, &street_line).and_then(|l| inner(text, l)) else {
            continue;
        };
        if !names_a_person(&text[name.clone()]) {
            continue;
        }
        for (range, kind, rule) in [
            (name, Kind::Name, "name-above-street"),
            (street, Kind::Address, "street-above-locality"),
            (town, Kind::Address, "locality-below-street"),
        ] {
            found.push(Candidate::new(
                range.start,
                range.end,
                kind,
                rule,
                Priority::Heuristic,
            ));
        }
    }
}

/// A town's line with a code a post office would write: three digits or
/// more (`101 Reykjavík`, `80-827 Gdańsk`), or letters and digits mixed
/// (`London NW1 6XE`). A house number alone (`Długa 44`) is none.
fn has_postal_code(v: &[u8]) -> bool {
    // The code first: it turns most lines away, and costs no allocation.
    v.split(|b| b.is_ascii_whitespace() || *b == b',')
        .filter(|w| w.iter().any(u8::is_ascii_digit))
        .any(|w| {
            w.iter().filter(|b| b.is_ascii_digit()).count() >= 3
                || w.iter().any(u8::is_ascii_alphabetic)
        })
        && reads_as_locality(v)
}

/// `Rue du Marché 18`, `221 Canal Street`, `Długa 44`: capitalised words
/// (and the particles of street names) and one house number, no more than
/// a street line holds.
fn reads_as_street_line(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    if v.len() > BLOCK_LINE_MAX || !(2..=6).contains(&words.len()) || !reads_as_address_line(v) {
        return false;
    }
    let numbers = words
        .iter()
        .filter(|w| {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            (1..=4).contains(&digits) && w.len() - digits <= 1
        })
        .count();
    let named = words.iter().all(|w| {
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || w.chars().next().is_some_and(char::is_uppercase)
            || PLACE_PARTICLES.contains(w)
    });
    numbers == 1 && named && !v.contains(&b':') && !has_postal_code(v)
}

/// `ship to Oskar Lindqvist, Storgatan 21, 114 55 Stockholm`: on the
/// street's own line, the person named just before it and the town just
/// after it.
fn inline_parts(text: &[u8], line: Range<usize>, street: Range<usize>, found: &mut Vec<Candidate>) {
    if let Some(name) = name_before(text, line.start, street.start) {
        found.push(Candidate::new(
            name.start,
            name.end,
            Kind::Name,
            "name-before-street",
            Priority::Heuristic,
        ));
    }
    if let Some(town) = locality_after(text, street.end, line.end) {
        found.push(Candidate::new(
            town.start,
            town.end,
            Kind::Address,
            "locality-after-street",
            Priority::Heuristic,
        ));
    }
}

/// The words before an addressee's name: `ship to`, `for`, `c/o`, `para`.
const ADDRESSEE_WORDS: &[&str] = &[
    "to", "for", "attn", "attn.", "c/o", "para", "an", "à", "voor", "till", "til", "dla",
];

/// Where the words before a street on its line stop being one phrase.
const PHRASE_BREAKS: &[u8] = b",:;()<>\"\t|";

/// `Oskar Lindqvist, Storgatan 21`, `Renée Fontaine at 8 rue des Lilas`:
/// a person's name of two to four words just before the street, after a
/// comma or `at`, where the words before it say where a parcel goes
/// (`ship to`) or an addressee label opens the phrase (`Deliver to:`).
fn name_before(text: &[u8], line_start: usize, street_start: usize) -> Option<Range<usize>> {
    let before = &text[line_start..street_start];
    let head = before.trim_ascii_end();
    let name_end = if let Some(h) = head.strip_suffix(b",") {
        h.trim_ascii_end().len()
    } else if head.ends_with(b" at") && head.len() < before.len() {
        head.len() - 3
    } else {
        return None;
    };
    let phrase_start = before[..name_end]
        .iter()
        .rposition(|b| PHRASE_BREAKS.contains(b))
        .map_or(0, |p| p + 1);
    let phrase = std::str::from_utf8(&before[phrase_start..name_end]).ok()?;
    let words: Vec<(usize, &str)> = phrase
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // `Deliver to: Mary O'Neill, …`: a label that names the addressee.
    let after_addressee_label = before[..phrase_start]
        .strip_suffix(b":")
        .is_some_and(|label| {
            let label = String::from_utf8_lossy(label.trim_ascii()).to_lowercase();
            ADDRESSEE_LABELS.iter().any(|l| label.ends_with(l))
        });
    for count in (2..=words.len().min(4)).rev() {
        let first = words.len() - count;
        // A shop's name opens a phrase too (`Sender: Thistle Works, …`):
        // only the words that say where a parcel goes name a person.
        let addressed = match first {
            0 => after_addressee_label,
            _ => ADDRESSEE_WORDS.contains(&words[first - 1].1.to_lowercase().as_str()),
        };
        let start = line_start + phrase_start + words[first].0;
        let name = start..line_start + name_end;
        if addressed
            && looks_person_name(&text[name.clone()])
            && !names_a_company(&text[name.clone()])
        {
            return Some(name);
        }
    }
    None
}

/// `…Storgatan 21, 114 55 Stockholm.`: the town after a comma that follows
/// the street, up to the next comma, bracket or the line's end.
fn locality_after(text: &[u8], street_end: usize, line_end: usize) -> Option<Range<usize>> {
    let rest = &text[street_end..line_end];
    let after_comma = rest.strip_prefix(b",")?;
    let start = street_end + 1 + (after_comma.len() - after_comma.trim_ascii_start().len());
    let end = text[start..line_end]
        .iter()
        .position(|b| matches!(b, b',' | b';' | b'(' | b')' | b'<'))
        .map_or(line_end, |p| start + p);
    let mut town = crate::redact::values::trimmed(text, start..end);
    if text[town.clone()].ends_with(b".") {
        town.end -= 1;
    }
    reads_as_locality(&text[town.clone()]).then_some(town)
}

/// The whole street line, when nothing but the street is on it: a comma
/// after it, or up to two capitalised words before it that its rule did not
/// take (`Van Baerlestraat 150A`). `None` when the line says more, as prose
/// does (`ship to 221B Baker Street, please`).
fn street_alone(text: &[u8], line: Range<usize>, street: Range<usize>) -> Option<Range<usize>> {
    if street.start < line.start || street.end > line.end {
        return None;
    }
    let after = &text[street.end..line.end];
    if !after.iter().all(|b| matches!(b, b',' | b'.' | b' ')) {
        return None;
    }
    let before = std::str::from_utf8(&text[line.start..street.start]).ok()?;
    let words: Vec<&str> = before.split_whitespace().collect();
    // Words of a name, not a label (`Ana: Lieferadresse:`).
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
    };
    (words.len() <= 2 && words.iter().all(capitalised)).then_some(line.start..street.end)
}

/// A line that is a person's name and nothing else: two words at least, so
/// that a country or a heading alone is not taken for one.
fn names_a_person(v: &[u8]) -> bool {
    v.split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .count()
        >= 2
        && !opens_with_label(v)
        && !v.contains(&b':')
        && looks_person_name(v)
}

/// `1017 EG Amsterdam`, `London NW1 6XE`, `Springfield, IL 62704`,
/// `75002 PARIS`, `Minato-ku, Tokyo 106-0032`: a postal code and a town, in
/// either order. Every word that is not the code is a place's word:
/// capitalised, in capitals, or a particle (`Frankfurt am Main`).
fn reads_as_locality(v: &[u8]) -> bool {
    if v.is_empty()
        || v.len() > 60
        || v.contains(&b':')
        || !reads_as_address_line(v)
        || mentions_a_date(v)
    {
        return false;
    }
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=7).contains(&words.len()) {
        return false;
    }
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    let mut code = false;
    let mut town = false;
    for w in &words {
        if w.bytes().any(|b| b.is_ascii_digit()) {
            // A code holds letters, digits and one dash at most: `1100-053`, `NW1`.
            if w.len() > 10
                || w.matches('-').count() > 1
                || !w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                return false;
            }
            code = true;
        } else if w.chars().next().is_some_and(char::is_uppercase) {
            town |= w.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        } else if !PLACE_PARTICLES.contains(w) && *w != "-" {
            return false;
        }
    }
    code && town && (2..=10).contains(&digits)
}

/// Lowercase words inside a town's name.
const PLACE_PARTICLES: &[&str] = &[
    "am", "an", "im", "in", "de", "del", "der", "di", "do", "da", "dos", "das", "la", "le", "les",
    "sur", "sous", "upon", "on", "en", "el", "y", "bei", "ob",
];

/// `LS6 2TU`, `D03 X2Y7`, `1016 HT`, `114 55`, `40121`, `01310-100`: a
/// line that is a postal code and nothing else, as WooCommerce writes the
/// code below the town in most countries' formats. One or two words of
/// capitals and digits, three digits at least or letters and digits mixed.
fn is_postal_code_alone(v: &[u8]) -> bool {
    let words: Vec<&[u8]> = v.split(|b| *b == b' ').filter(|w| !w.is_empty()).collect();
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    let code_word = |w: &&[u8]| {
        (2..=10).contains(&w.len())
            && w.iter().filter(|&&b| b == b'-').count() <= 1
            && w.first().is_some_and(u8::is_ascii_alphanumeric)
            && w.last().is_some_and(u8::is_ascii_alphanumeric)
            && w.iter()
                .all(|&b| b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'-')
            // Letters alone are only the Netherlands' two (`1016 HT`), not a town.
            && (w.iter().any(u8::is_ascii_digit) || w.len() == 2)
    };
    let mixed = words
        .iter()
        .any(|w| w.iter().any(u8::is_ascii_digit) && w.iter().any(u8::is_ascii_uppercase));
    v.len() <= 10
        && (1..=2).contains(&words.len())
        && words.iter().all(code_word)
        && words.iter().any(|w| w.iter().any(u8::is_ascii_digit))
        && (digits >= 3 || (mixed && digits >= 2))
}

/// The town and the region on the lines after a postal code alone: a line
/// or two of place words. The last of them stays when it is not a region's
/// code: WooCommerce ends its blocks with the country.
fn places_after_code(text: &[u8], code: &Range<usize>) -> Vec<Range<usize>> {
    let mut places: Vec<Range<usize>> = Vec::new();
    let mut line = code.clone();
    // An element's end (`Italy</address>`) ends the block: the next line
    // is another's.
    while places.len() < PLACES_AFTER_CODE && !closes_an_element(&text[line.clone()]) {
        let Some(next) = line_after(text, &line) else {
            break;
        };
        match inner(text, next.clone()).filter(|l| is_place_alone(&text[l.clone()])) {
            Some(place) if !opens_an_element(&text[next.clone()]) => places.push(place),
            _ => break,
        }
        line = next;
    }
    if places
        .last()
        .is_some_and(|l| !is_region_code(&text[l.clone()]))
    {
        places.pop();
    }
    places
}

fn closes_an_element(line: &[u8]) -> bool {
    memchr::memmem::find(line, b"</").is_some()
}

fn opens_an_element(line: &[u8]) -> bool {
    line.trim_ascii_start().first() == Some(&b'<')
}

/// `Bologna`, `West Yorkshire`, `Co. Dublin`, `BO`: up to three words of a
/// place's name and nothing else.
fn is_place_alone(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    v.len() <= 32
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            (w.chars().next().is_some_and(char::is_uppercase) || PLACE_PARTICLES.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
        })
}

/// `BO`, `NSW`: a state or province written as its code.
fn is_region_code(v: &[u8]) -> bool {
    (2..=3).contains(&v.len()) && v.iter().all(u8::is_ascii_uppercase)
}

/// What follows a field's name on a line, where a log or a dump writes the
/// first line of a block after it: `formatted_shipping=Ana Souza`,
/// `'address' => 'Ana Souza`, `Billing: Ana Souza`. An apostrophe inside a
/// word (`O'Neill`) opens nothing.
fn after_field_name(text: &[u8], line: Range<usize>) -> Range<usize> {
    let v = &text[line.clone()];
    let opens = |i: usize| match v[i] {
        b'=' | b'"' | b'\t' => true,
        b':' => v.get(i + 1) == Some(&b' '),
        b'\'' => i == 0 || matches!(v[i - 1], b' ' | b'=' | b'>' | b'('),
        _ => false,
    };
    match (0..v.len()).rev().find(|&i| opens(i)) {
        Some(i) => crate::redact::values::trimmed(text, line.start + i + 1..line.end),
        None => line,
    }
}

/// A line between a street and its town: a flat, a building or a district,
/// short, with no label, phone or date.
fn continues_an_address(v: &[u8]) -> bool {
    !v.is_empty()
        && v.len() <= 48
        && reads_as_address_line(v)
        && !opens_with_label(v)
        && !looks_phone(v)
        && !mentions_a_date(v)
        && (v.first().is_some_and(|b| !b.is_ascii_lowercase()) || is_short_unit(v))
}

/// `Harrogate`, `North Yorkshire`, `Unit 2`, `Co. Dublin`: every word
/// capitalised, a number or a particle of a place's name, or a flat.
fn names_places(v: &[u8]) -> bool {
    is_short_unit(v)
        || std::str::from_utf8(v).is_ok_and(|s| {
            s.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || PLACE_PARTICLES.contains(&w)
            })
        })
}

/// `m. 7`, `apto 45`, `lok. 3`: a flat written in lowercase, short and
/// numbered.
fn is_short_unit(v: &[u8]) -> bool {
    v.len() <= 12
        && v.iter().any(u8::is_ascii_digit)
        && v.split(|&b| b == b' ').filter(|w| !w.is_empty()).count() <= 3
}

/// The line holding `pos`, between two line breaks: a newline, or HTML's
/// `<br>`. `None` when a break is not within [`REACH`] on either side.
fn line_at(text: &[u8], pos: usize) -> Option<Range<usize>> {
    Some(break_before(text, pos)?..break_after(text, pos)?)
}

/// The line before `line`, if there is one within reach.
fn line_before(text: &[u8], line: &Range<usize>) -> Option<Range<usize>> {
    let end = match line.start.checked_sub(1)? {
        nl if text[nl] == b'\n' => nl,
        _ => memchr::memrchr(b'<', &text[..line.start])?,
    };
    Some(break_before(text, end)?..end)
}

/// The line after `line`, if there is one within reach.
fn line_after(text: &[u8], line: &Range<usize>) -> Option<Range<usize>> {
    let start = match text.get(line.end)? {
        b'\n' => line.end + 1,
        _ => line_break_at(text, line.end)?,
    };
    Some(start..break_after(text, start)?)
}

/// Where the line holding `pos` starts: after the break before it.
fn break_before(text: &[u8], pos: usize) -> Option<usize> {
    let floor = pos.saturating_sub(REACH);
    for p in memchr::memrchr2_iter(b'\n', b'<', &text[floor..pos]).map(|p| floor + p) {
        if text[p] == b'\n' {
            return Some(p + 1);
        }
        if let Some(end) = line_break_at(text, p).filter(|&end| end <= pos) {
            return Some(end);
        }
    }
    (floor == 0).then_some(0)
}

/// Where the line holding `pos` ends: at the break after it.
fn break_after(text: &[u8], pos: usize) -> Option<usize> {
    let ceiling = (pos + REACH).min(text.len());
    for p in memchr::memchr2_iter(b'\n', b'<', &text[pos..ceiling]).map(|p| pos + p) {
        if text[p] == b'\n' || line_break_at(text, p).is_some() {
            return Some(p);
        }
    }
    (ceiling == text.len()).then_some(ceiling)
}

/// Where a `<br>`, `<br/>` or `<br />` at `i` ends.
pub(crate) fn line_break_at(text: &[u8], i: usize) -> Option<usize> {
    let tag = &text[i..text.len().min(i + 6)];
    if tag.len() < 4 || tag[0] != b'<' || !tag[1..3].eq_ignore_ascii_case(b"br") {
        return None;
    }
    [b">".as_slice(), b"/>", b" />"]
        .iter()
        .find(|end| tag[3..].starts_with(end))
        .map(|end| i + 3 + end.len())
}

/// A line without its blanks, what a tool writes before each line (see
/// [`line_prefix`]) and the tags at its edges (`<address>`, `</p>`).
/// `None` for an element that is the whole line (`<city>Rotterdam</city>`):
/// a field, which the field rules judge by its name.
fn inner(text: &[u8], line: Range<usize>) -> Option<Range<usize>> {
    let mut r = crate::redact::values::trimmed(text, line);
    r.start += line_prefix(&text[r.clone()]);
    let v = &text[r.clone()];
    if v.first() == Some(&b'<') && v.last() == Some(&b'>') {
        return None;
    }
    loop {
        let v = &text[r.clone()];
        if v.first() == Some(&b'<')
            && let Some(gt) = memchr::memchr(b'>', v)
        {
            r.start += gt + 1;
        } else if v.last() == Some(&b'>')
            && let Some(lt) = memchr::memrchr(b'<', v)
            && lt > 0
        {
            r.end = r.start + lt;
        } else {
            return Some(r);
        }
        r = crate::redact::values::trimmed(text, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each street of `text` given, the values found around it.
    fn around(text: &str, streets: &[&str]) -> Vec<(Kind, String)> {
        let streets: Vec<Candidate> = streets
            .iter()
            .map(|s| {
                let start = text.find(s).expect("street in text");
                Candidate::new(
                    start,
                    start + s.len(),
                    Kind::Address,
                    "street-address",
                    Priority::Heuristic,
                )
            })
            .collect();
        let mut found = Vec::new();
        around_streets(text.as_bytes(), &streets, &mut found);
        found
            .iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    fn name(s: &str) -> (Kind, String) {
        (Kind::Name, s.into())
    }

    fn address(s: &str) -> (Kind, String) {
        (Kind::Address, s.into())
    }

    #[test]
    fn a_name_above_and_a_town_below_a_street_alone() {
        assert_eq!(
            around(
                "Deliver to the usual place:\n\n  Oskar Lindqvist\n  Storgatan 21\n  114 55 Stockholm\n  Sverige\n",
                &["Storgatan 21"]
            ),
            [name("Oskar Lindqvist"), address("114 55 Stockholm")]
        );
        assert_eq!(
            around(
                "Mary O'Neill\n14 Quay Street\nGalway H91 E2K4\nIreland",
                &["14 Quay Street"]
            ),
            [name("Mary O'Neill"), address("Galway H91 E2K4")]
        );
        assert_eq!(
            around(
                "Renée Fontaine\n8 rue des Lilas\n69003 LYON",
                &["8 rue des Lilas"]
            ),
            [name("Renée Fontaine"), address("69003 LYON")]
        );
        assert_eq!(
            around(
                "Dwayne Porter\n900 Ridge Road\nApt 12\nAkron, OH 44308-1121",
                &["900 Ridge Road"]
            ),
            [
                name("Dwayne Porter"),
                address("Apt 12"),
                address("Akron, OH 44308-1121")
            ]
        );
    }

    #[test]
    fn a_company_between_the_name_and_the_street() {
        assert_eq!(
            around(
                "Priya Raman<br/>Kestrel Analytics Pvt. Ltd.<br/>Flat 12, Orchid Towers<br/>Pune MH 411014",
                &["Flat 12, Orchid Towers"]
            ),
            [name("Priya Raman"), address("Pune MH 411014")]
        );
        assert!(names_a_company(b"Brightwater GmbH"));
        assert!(!names_a_company(b"Ines Duarte"));
    }

    #[test]
    fn a_name_before_a_street_and_a_town_after_it_on_one_line() {
        assert_eq!(
            around(
                "Error 500: ship to Oskar Lindqvist, Storgatan 21, card ending 4242",
                &["Storgatan 21"]
            ),
            [name("Oskar Lindqvist")]
        );
        assert_eq!(
            around(
                "Deliver to: Mary O'Neill, 14 Quay Street, Galway H91 E2K4",
                &["14 Quay Street"]
            ),
            [name("Mary O'Neill"), address("Galway H91 E2K4")]
        );
        assert_eq!(
            around(
                "send it to Renée Fontaine at 8 rue des Lilas, 69003 Lyon.",
                &["8 rue des Lilas"]
            ),
            [name("Renée Fontaine"), address("69003 Lyon")]
        );
        // A shop's name under a label that names no addressee.
        assert!(
            around(
                "Sender: Thistle Works, 12 Mill Lane, Leith",
                &["12 Mill Lane"]
            )
            .iter()
            .all(|(k, _)| *k != Kind::Name)
        );
        // No comma or `at` between them; a company; a word of the sentence.
        assert!(
            around("Oskar Lindqvist Storgatan 21", &["Storgatan 21"])
                .iter()
                .all(|(k, _)| *k != Kind::Name)
        );
        assert!(around("Kestrel Analytics Ltd, 12 Mill Lane", &["12 Mill Lane"]).is_empty());
        assert!(
            around("Then Go, 12 Mill Lane, order 4411", &["12 Mill Lane"])
                .iter()
                .all(|(k, _)| *k != Kind::Address)
        );
    }

    /// What [`around_localities`] finds in `text`.
    fn by_locality(text: &str) -> Vec<(Kind, String)> {
        let mut found = Vec::new();
        around_localities(&Lines::new(text.as_bytes()), &mut found);
        found
            .iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn a_block_found_by_its_town_when_no_rule_knows_its_street() {
        assert_eq!(
            by_locality("Label read:\n\nZofia Kaczmarek\nLipowa 7\n20-019 Lublin\nPolska\n"),
            [
                name("Zofia Kaczmarek"),
                address("Lipowa 7"),
                address("20-019 Lublin")
            ]
        );
        assert_eq!(
            by_locality("<p>Ólafur Sigurðsson<br>Skólavörðustígur 12<br>101 Reykjavík</p>"),
            [
                name("Ólafur Sigurðsson"),
                address("Skólavörðustígur 12"),
                address("101 Reykjavík")
            ]
        );
        // Without the name, the street or the code, there is no block.
        assert!(by_locality("Status\nLipowa 7\n20-019 Lublin").is_empty());
        assert!(by_locality("Zofia Kaczmarek\nRetry in 7 seconds\n20-019 Lublin").is_empty());
        assert!(by_locality("Zofia Kaczmarek\nLipowa 7\nLublin").is_empty());
        assert!(by_locality("Zofia Kaczmarek\nBuild 7\nVersion 2 of 3").is_empty());
    }

    #[test]
    fn a_block_behind_what_a_tool_writes_before_each_line() {
        // A quoted reply, a mailer's transcript, a log's timestamps.
        for (text, street) in [
            (
                "> Delivery:\n> Aoife Byrne\n> 7 Lower Baggot Street\n> Dublin D02 X285\n",
                "7 Lower Baggot Street",
            ),
            (
                "09:14:02\tC -> S: hello\n2025-03-02 09:14:03\tCLIENT -> SERVER: Aoife Byrne\n2025-03-02 09:14:03\tCLIENT -> SERVER: 7 Lower Baggot Street\n2025-03-02 09:14:04\tCLIENT -> SERVER: Dublin D02 X285\n",
                "7 Lower Baggot Street",
            ),
            (
                "[2025-03-02T09:14:03Z] Aoife Byrne\n[2025-03-02T09:14:03Z] 7 Lower Baggot Street\n[2025-03-02T09:14:04Z] Dublin D02 X285\n",
                "7 Lower Baggot Street",
            ),
        ] {
            assert_eq!(
                around(text, &[street]),
                [name("Aoife Byrne"), address("Dublin D02 X285")],
                "{text:?}"
            );
        }
        // A speaker's name and a label before the street are no part of it.
        let chat =
            "[10:02:11] Ana: Lieferadresse: 7 Lower Baggot Street\n[10:02:12] Dublin D02 X285\n";
        assert!(
            !around(chat, &["7 Lower Baggot Street"])
                .iter()
                .any(|(_, v)| v.contains("Ana")),
            "{:?}",
            around(chat, &["7 Lower Baggot Street"])
        );
    }

    #[test]
    fn lines_broken_by_html() {
        assert_eq!(
            around(
                "<address>Ines Duarte<br/>Avenida da Liberdade 110<br>1250-146 Lisboa<br />Portugal</address>",
                &["Avenida da Liberdade 110"]
            ),
            [name("Ines Duarte"), address("1250-146 Lisboa")]
        );
    }

    #[test]
    fn words_before_the_street_its_rule_left_are_taken_with_it() {
        assert_eq!(
            around(
                "Joost de Wit\nVan Speijkstraat 9\n2518 EV Den Haag",
                &["Speijkstraat 9"]
            ),
            [
                address("Van Speijkstraat 9"),
                name("Joost de Wit"),
                address("2518 EV Den Haag")
            ]
        );
    }

    #[test]
    fn a_street_in_prose_or_among_other_lines_has_no_block() {
        // The street shares its line with words that are no part of it.
        assert!(
            around(
                "ship to 12 Mill Lane, please\nOrder 4411 late",
                &["12 Mill Lane"]
            )
            .is_empty()
        );
        // Above: a label, a heading word, a log line; below: prose, a phone, a date.
        assert!(
            around(
                "Status: shipped\n12 Mill Lane\nwas the old address 4411",
                &["12 Mill Lane"]
            )
            .is_empty()
        );
        assert!(
            around(
                "Portugal\n12 Mill Lane\n+44 20 7946 0011",
                &["12 Mill Lane"]
            )
            .is_empty()
        );
        assert!(around("Delivered\n12 Mill Lane\n15 April 2024", &["12 Mill Lane"]).is_empty());
        // A name above a street, but no town below it.
        assert!(
            around(
                "Lars Berg\n12 Mill Lane\nRetry 3 of 5 failed",
                &["12 Mill Lane"]
            )
            .is_empty()
        );
    }

    #[test]
    fn town_state_and_code_each_on_a_line_as_woocommerce_writes_most_countries() {
        // The default format: the town, the county and the code below the
        // street, the country last.
        assert_eq!(
            around(
                "Imogen Thorpe\n7 Saddler Row\nUnit 2\nHarrogate\nNorth Yorkshire\nHG1 4QS\nUnited Kingdom (UK)",
                &["7 Saddler Row"]
            ),
            [
                name("Imogen Thorpe"),
                address("Unit 2"),
                address("Harrogate"),
                address("North Yorkshire"),
                address("HG1 4QS"),
            ]
        );
        // Italy's: the code alone, then the town and the province's code.
        assert_eq!(
            around(
                "Matteo Galli<br/>Via Roma 14<br/>50123<br/>Firenze<br/>FI<br/>Italy",
                &["Via Roma 14"]
            ),
            [
                name("Matteo Galli"),
                address("50123"),
                address("Firenze"),
                address("FI")
            ]
        );
        // The shop's own country left out: the town is the last line, and
        // stays with the country it may be.
        assert_eq!(
            around(
                "Matteo Galli\nVia Roma 14\n50123\nFirenze",
                &["Via Roma 14"]
            ),
            [name("Matteo Galli"), address("50123")]
        );
        // A flat in lowercase between the street and the town.
        assert_eq!(
            around(
                "Agata Nowicka\nul. Polna 8\nm. 12\n61-245 Poznań\nPoland",
                &["ul. Polna 8"]
            ),
            [
                name("Agata Nowicka"),
                address("m. 12"),
                address("61-245 Poznań")
            ]
        );
    }

    #[test]
    fn a_block_ends_where_its_element_or_its_address_lines_do() {
        // The next element is another block, even when its first line
        // reads as a place.
        let two = "<address>Matteo Galli<br/>Via Roma 14<br/>50123<br/>Firenze</address>\n<address>Ada Brandt<br/>Kirchweg 3<br/>28195 Bremen</address>";
        let found = around(two, &["Via Roma 14"]);
        assert!(!found.contains(&name("Ada Brandt")), "{found:?}");
        assert!(!found.contains(&address("Firenze")), "{found:?}");
        // A line that is no part of an address ends the walk: a code
        // further down is not this street's.
        assert!(
            around(
                "Lars Berg\n12 Mill Lane\nRetry 3 of 5 failed\n40121",
                &["12 Mill Lane"]
            )
            .is_empty()
        );
        // A town found before a line of another record is kept.
        assert_eq!(
            around(
                "Ada Brandt<br/>Kirchweg 3<br/>28195 Bremen<br/>Germany\n'note' => 'Rua Nova, 123<br/>x'",
                &["Kirchweg 3"]
            ),
            [name("Ada Brandt"), address("28195 Bremen")]
        );
    }

    #[test]
    fn a_name_after_its_field_name_on_the_first_line_of_a_block() {
        for line in [
            "[2025-01-04 10:11:12] DEBUG formatted_billing=Ada Brandt",
            "'formatted_shipping_address' => 'Ada Brandt",
            "\"shipping\": \"Ada Brandt",
            "Billing: Ada Brandt",
        ] {
            let text = format!("{line}<br/>Kirchweg 3<br/>28195 Bremen");
            assert_eq!(
                around(&text, &["Kirchweg 3"]),
                [name("Ada Brandt"), address("28195 Bremen")],
                "{line}"
            );
        }
        // An apostrophe inside a name opens nothing.
        assert_eq!(
            around(
                "Niamh O'Dea<br/>Kirchweg 3<br/>28195 Bremen",
                &["Kirchweg 3"]
            ),
            [name("Niamh O'Dea"), address("28195 Bremen")]
        );
    }

    #[test]
    fn postal_codes_alone_on_their_line() {
        for code in [
            "HG1 4QS",
            "D6W 1K2",
            "K1A 0B1",
            "3512 JK",
            "411 09",
            "50123",
            "0870",
            "04538-132",
            "100-0005",
            "31-042",
        ] {
            assert!(is_postal_code_alone(code.as_bytes()), "{code}");
        }
        for not_a_code in [
            "69002 LYON",
            "Unit 2",
            "42",
            "ID 7",
            "v2.3.8",
            "2025-01-04",
            "Firenze",
            "ERROR 500",
        ] {
            assert!(!is_postal_code_alone(not_a_code.as_bytes()), "{not_a_code}");
        }
    }

    #[test]
    fn localities_in_the_shapes_of_many_countries() {
        for town in [
            "1017 EG Amsterdam",
            "London NW1 6XE",
            "Springfield, IL 62704",
            "10115 Berlin",
            "Frankfurt am Main 60311",
            "00-950 Warszawa",
            "Toronto ON M5V 2T6",
            "Minato-ku, Tokyo 106-0032",
            "01310-100 São Paulo - SP",
        ] {
            assert!(reads_as_locality(town.as_bytes()), "{town}");
        }
        for not_a_town in [
            "Portugal",
            "Order 4411 was late",
            "Version 2.3.8",
            "+351 912 345 678",
            "15 April 2024",
            "Retry 3 of 5",
            "Total: 42 EUR",
            "ID 3bad4af4-1553-49f4-918c",
        ] {
            assert!(!reads_as_locality(not_a_town.as_bytes()), "{not_a_town}");
        }
    }
}
