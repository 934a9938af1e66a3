//! The unit, floor or door of an address written on its own line or part,
//! beside the street line a rule found: `Goethegasse 8<br />3. Stock links`,
//! `Bât. B, Appt 12` above `12 rue des Lilas`, `Calle Mayor 5, Piso 4 Puerta B`.
//! Alone, `Top 7` or `Piso 4` says little; beside a street it is the address.

use crate::redact::Kind;
use crate::redact::customer_words::{SIDE_WORDS, UNIT_LINE_WORDS};
use crate::redact::scan::{Candidate, Priority};

/// Longest unit part read: a unit line is a few words.
const UNIT_PART_MAX: usize = 48;

/// Unit parts just after or just before each street address in `found`.
pub(crate) fn unit_parts_beside(text: &[u8], found: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in found.iter().filter(|c| c.kind == Kind::Address) {
        for part in [part_after(text, c.end), part_before(text, c.start)]
            .into_iter()
            .flatten()
        {
            if is_unit_part(&text[part.clone()]) {
                out.push(Candidate::new(
                    part.start,
                    part.end,
                    Kind::Address,
                    "unit-line",
                    Priority::Heuristic,
                ));
            }
        }
    }
    out
}

/// What separates the lines of an address: a line break as text or markup
/// writes it, or a comma.
const SEPARATORS: &[&[u8]] = &[
    b"<br />", b"<br/>", b"<br>", b"<BR>", b"\r\n", b"\n", b"\\n", b",", b";",
];

/// The part after `end`, past one separator.
fn part_after(text: &[u8], end: usize) -> Option<std::ops::Range<usize>> {
    let mut i = skip_blanks(text, end);
    let sep = SEPARATORS.iter().find(|s| text[i..].starts_with(s))?;
    i = skip_blanks(text, i + sep.len());
    let len = text[i..(i + UNIT_PART_MAX + 1).min(text.len())]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'\r' | b'<' | b',' | b';' | b'|' | b'"' | b'\\'))
        .unwrap_or(text.len().min(i + UNIT_PART_MAX + 1) - i);
    let part = trim_end(text, i, i + len);
    (part.end > part.start && part.end - part.start <= UNIT_PART_MAX).then_some(part)
}

/// The part before `start`, past one separator.
fn part_before(text: &[u8], start: usize) -> Option<std::ops::Range<usize>> {
    let mut i = start;
    while i > 0 && matches!(text[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    let sep = SEPARATORS.iter().find(|s| text[..i].ends_with(s))?;
    let mut end = i - sep.len();
    while end > 0 && matches!(text[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    let floor = end.saturating_sub(UNIT_PART_MAX + 1);
    let begin = match text[floor..end]
        .iter()
        .rposition(|&b| matches!(b, b'\n' | b'\r' | b'>' | b',' | b';' | b'|' | b'"' | b':'))
    {
        Some(p) => skip_blanks(text, floor + p + 1),
        None if floor == 0 => skip_blanks(text, 0),
        None => return None,
    };
    (end > begin).then_some(begin..end)
}

fn skip_blanks(text: &[u8], mut i: usize) -> usize {
    while i < text.len() && matches!(text[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

fn trim_end(text: &[u8], start: usize, mut end: usize) -> std::ops::Range<usize> {
    while end > start && matches!(text[end - 1], b' ' | b'\t' | b'.') {
        end -= 1;
    }
    start..end
}

/// Words of a unit only, at least one of them a unit word and one a number,
/// ordinal or letter: `3. Stock links`, `Stiege 2/Top 7`, `Piso 4 Puerta B`,
/// `2º 4ª`, `Appt 12`; not `Top 10 products` nor `Floor plan`.
fn is_unit_part(part: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(part) else {
        return false;
    };
    // `2º 4ª`: Spanish floor and door need no word.
    let spanish_floor = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits) && matches!(&w[digits..], "º" | "ª" | "°")
    };
    let mut unit_word = false;
    let mut numbered = false;
    let mut floors = 0;
    for w in s.split([' ', '\t', '/']).filter(|w| !w.is_empty()) {
        let bare = w
            .trim_end_matches(['.', ':'])
            .trim_start_matches(['#', 'n', 'N']);
        let lower = w.trim_end_matches(['.', ':']).to_lowercase();
        if UNIT_LINE_WORDS.contains(&lower.as_str()) {
            unit_word = true;
        } else if spanish_floor(w) {
            floors += 1;
            numbered = true;
        } else if is_unit_number(bare) || is_unit_number(w.trim_end_matches('.')) {
            numbered = true;
        } else if !SIDE_WORDS.contains(&lower.as_str()) {
            return false;
        }
    }
    numbered && (unit_word || floors >= 2)
}

/// `7`, `12B`, `B`, `3.` (an ordinal as German writes it), `3rd`, `1er`.
fn is_unit_number(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let tail = &w[digits..];
    match digits {
        0 => w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()),
        1..=5 => {
            tail.is_empty()
                || (tail.len() == 1 && tail.bytes().all(|b| b.is_ascii_alphabetic()))
                || matches!(tail, "st" | "nd" | "rd" | "th" | "er" | "e" | "ème")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn street(text: &str, street: &str) -> Vec<String> {
        let start = text.find(street).unwrap();
        let found = [Candidate::new(
            start,
            start + street.len(),
            Kind::Address,
            "street-address",
            Priority::Heuristic,
        )];
        unit_parts_beside(text.as_bytes(), &found)
            .iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn unit_lines_below_and_above_a_street() {
        assert_eq!(
            street(
                "Max Huber<br />Lindengasse 12<br />3. Stock links<br />1070 Wien",
                "Lindengasse 12"
            ),
            ["3. Stock links"]
        );
        assert_eq!(
            street(
                "Rua das Flores 88\nApto 31 Bloco B\n01000-000 São Paulo",
                "Rua das Flores 88"
            ),
            ["Apto 31 Bloco B"]
        );
        assert_eq!(
            street(
                "Bât. C, Appt 204\n17 avenue Foch\n69006 Lyon",
                "17 avenue Foch"
            ),
            ["Bât. C, Appt 204"[9..].to_string()]
        );
        assert_eq!(
            street("Calle Olmo 14, 3º 2ª, 28012 Madrid", "Calle Olmo 14"),
            ["3º 2ª"]
        );
        assert_eq!(
            street(
                "Praterstraße 40, Stiege 3/Top 11, 1020 Wien",
                "Praterstraße 40"
            ),
            ["Stiege 3/Top 11"]
        );
        assert_eq!(
            street(
                "Via Tasso 9\\nScala B Interno 6\\n80127 Napoli",
                "Via Tasso 9"
            ),
            ["Scala B Interno 6"]
        );
    }

    #[test]
    fn a_number_is_not_a_unit_without_its_word() {
        assert!(
            street(
                "Lindengasse 12\nTop 10 products this week",
                "Lindengasse 12"
            )
            .is_empty()
        );
        assert!(street("Lindengasse 12\nFloor plan attached", "Lindengasse 12").is_empty());
        assert!(street("Lindengasse 12\n1070 Wien", "Lindengasse 12").is_empty());
        assert!(street("Lindengasse 12, order 4411", "Lindengasse 12").is_empty());
        assert!(street("Lindengasse 12\n\nRoom for improvement", "Lindengasse 12").is_empty());
        assert_eq!(
            street("  Flat 9, 12 Ashby Close", "12 Ashby Close"),
            ["Flat 9"]
        );
    }
}
