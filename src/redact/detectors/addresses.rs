//! Street addresses in the shapes people write them: number first (`875 N 31st
//! St`), number last (`Weißenseer Weg 33a`, `Am Rosengarten 4b`), Romance
//! street types (`Rua das Laranjeiras, 104`, `C/ Mayor 215`), Japanese block
//! numbers (`1-9-18 Jingumae`, `7-chome-2-7 Nishi-Shinjuku`), a flat or unit
//! before its building and street, and after the words that introduce one.
//!
//! A street found is widened over the parts that follow it on the line
//! (`, apto 152`, `, 2º 4ª`, ` - Bela Vista`, `, Lekki Phase 1`), so that no
//! half of an address is left behind.

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::customer_words::{
    FOREIGN_ADDRESS_LABELS, FRENCH_STREET_TYPES, Gates, HOUSE_NUMBER_LABELS, HOUSE_NUMBER_MARKS,
    SIDE_WORDS, STREET_SUFFIX, STREET_TYPES_AFTER, STREET_TYPES_BEFORE, STREET_TYPES_LOWER_BETWEEN,
    STREET_TYPES_OWN_WORD, TURKISH_STREET_TYPES, UNIT_LINE_WORDS, UNIT_WORDS, capitalised,
    is_street_word, phrase_alternation,
};
use crate::redact::gate::{
    anchored_captures_in, anchored_matches_in, ascii_word_start, follows_blank, matches_in, union,
};
use crate::redact::records::line_prefix;
use crate::redact::scan::{
    AnchoredPattern, Candidate, Priority, SearchedPattern, compile_anchored, compile_searched,
};
use crate::redact::street_blocks::line_break_at;
use crate::redact::values::is_not_name;

/// A capitalised word of a street name; JSON writes its accents as `\u00e9`.
const WORD: &str = r"\p{Lu}(?:[\p{L}'’\-]|\\u[0-9a-fA-F]{4})*";

/// Particles inside Romance street names: `Rua das Laranjeiras`, `Avda. de la …`.
const PARTICLE: &str = r"(?:de|del|la|las|los|da|do|dos|das|di|della|dei|d')";

/// A house number, with a flat or a letter after a slash: `215`, `33a`,
/// `139/27`, `57/C` (as Italian and Spanish addresses write it).
const NUMBER: &str = r"\d{1,5}[a-zA-Z]?(?:/(?:\d{1,4}[a-zA-Z]?|[a-zA-Z]))?";

pub(crate) struct AddressRules {
    number_first: AnchoredPattern,
    number_last: AnchoredPattern,
    suffix_word: AnchoredPattern,
    lower_between: AnchoredPattern,
    preposition: SearchedPattern,
    romance: AnchoredPattern,
    turkish: AnchoredPattern,
    french: AnchoredPattern,
    japanese: SearchedPattern,
    unit: SearchedPattern,
    house_number: SearchedPattern,
    intro: AnchoredPattern,
}

impl AddressRules {
    pub fn new() -> Self {
        AddressRules {
            // `31st` and `9th` name streets too: `875 N 31st St`. A range
            // of numbers opens a building's street (`185-187 Oxford Street`),
            // and a label or a postal service writes it all in capitals
            // (`1600 PENNSYLVANIA AVE NW`), with the side of town after it.
            number_first: compile_anchored(&format!(
                r"^\d{{1,5}}(?:-\d{{1,5}})?[A-Za-z]?[ \t]+(?:(?:(?:\p{{Lu}}[\p{{Ll}}'’.\-]*|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,4}}(?:{STREET_SUFFIX})\b\.?|(?:(?:[A-Z][A-Z'’.\-]*|\d{{1,3}}(?:ST|ND|RD|TH))[ \t]+){{1,4}}(?:{upper})\b\.?(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b)?)",
                upper = STREET_SUFFIX.to_ascii_uppercase(),
            )),
            number_last: compile_anchored(&format!(
                r"(?i)^\p{{L}}[\p{{L}}\-]*(?:{})[ \t]+\d{{1,4}}[a-zA-Z]?\b",
                phrase_alternation(STREET_TYPES_AFTER)
            )),
            // The street type as a word of its own: `Weißenseer Weg 33a`.
            suffix_word: compile_anchored(&format!(
                r"^\p{{Lu}}[\p{{L}}\-]*[ \t]+(?:{})[ \t]+[1-9]\d{{0,3}}[a-zA-Z]?\b",
                phrase_alternation(
                    &STREET_TYPES_AFTER
                        .iter()
                        .chain(STREET_TYPES_OWN_WORD)
                        .map(|t| capitalised(t))
                        .collect::<Vec<_>>()
                )
            )),
            // `Kossuth Lajos utca 12.`, `Pärnu mnt 22`, `Gedimino pr. 9`: capitalised
            // words, the type in lowercase, the number (with a flat after
            // `/` or `-`: `Tartu maantee 83-12`).
            lower_between: compile_anchored(&format!(
                r"^(?:\p{{Lu}}[\p{{L}}'’.\-]*[ \t]+){{1,3}}(?:{})[ \t]+[1-9]\d{{0,3}}(?:[a-zA-Z]|[/\-](?:\d{{1,4}}[a-zA-Z]?|[a-zA-Z]))?\b",
                phrase_alternation(STREET_TYPES_LOWER_BETWEEN)
            )),
            // `Atatürk Cad. No:71 D:12`, `Cumhuriyet Mah. 1203. Sok. No:5/3`.
            // No `\b` first: it is ASCII's, and fails before `İstiklal`; the
            // match must still start a word (see `push`).
            turkish: compile_anchored(&format!(
                r"^(?:(?:\p{{Lu}}[\p{{L}}'’\-]*\.?|\d{{1,5}}\.)[ \t]+){{1,5}}(?:{})(?:[ \t]*,?[ \t]*No[:.]?[ \t]?\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?)?(?:[ \t]+(?:D|Daire)[:.]?[ \t]?\d{{1,4}})?(?:[ \t]+Kat[:.]?[ \t]?\d{{1,3}})?",
                phrase_alternation(TURKISH_STREET_TYPES)
            )),
            // German streets named with a preposition: `Am Rosengarten 102a`, `Zur alten Mühle 25a`.
            preposition: compile_searched(
                r"\b(?:Am|Im|Zum|Zur|An[ \t]+der|An[ \t]+den|Auf[ \t]+der|Auf[ \t]+dem|In[ \t]+der|In[ \t]+den|Unter[ \t]+den|Hinter[ \t]+der|Vor[ \t]+dem)[ \t]+(?:\p{Ll}+[ \t]+)?\p{Lu}[\p{L}\-]+[ \t]+[1-9]\d{0,2}[a-zA-Z]?\b",
            ),
            // `Calle Mayor 140`, `Avda. de la Constitución 135`, `Av. Paulista, 1582`,
            // `Rua Sete de Setembro 199`, `ul. Mickiewicza 139/27`.
            romance: compile_anchored(&format!(
                r"^(?:(?:{types})[ \t]+(?:{PARTICLE}[ \t]*)*(?:(?:{WORD}|{PARTICLE})[ \t]+){{0,4}}{WORD},?[ \t]+{NUMBER}\b|(C(?:\\?/|/)[ \t]*(?:{PARTICLE}[ \t]*)*(?:{WORD}[ \t]+){{0,3}}{WORD},?[ \t]+{NUMBER})\b)",
                types = phrase_alternation(STREET_TYPES_BEFORE),
            )),
            french: compile_anchored(&format!(
                r"^\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:{})[ \t]+(?:(?:de|du|des|la|le|les|d'|l')[ \t]*)*\p{{L}}[\p{{L}}'’\-]*(?:[ \t]+\p{{Lu}}[\p{{L}}'’\-]*){{0,3}}\b",
                phrase_alternation(FRENCH_STREET_TYPES)
            )),
            // Block numbers: `1-9-18 Jingumae`, `Minami-Aoyama 5-13-32`, `7-chome-2-7 Nishi-Shinjuku`.
            japanese: compile_searched(
                r"(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]+)?[1-9]\d?-chome(?:-[1-9]\d{0,3}){1,2}(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)?|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[ \t]+[1-9]\d?-[1-9]\d{0,3}(?:-[1-9]\d{0,2})?|[1-9]\d?-[1-9]\d{0,3}(?:-[1-9]\d{0,2})?[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?",
            ),
            // A flat or unit, then its building or street: `Flat 275, Green Glen Layout, …`.
            unit: compile_searched(&format!(
                r"\b(?:{})\.?[ \t]+\d{{1,5}}[A-Za-z]?,",
                phrase_alternation(UNIT_WORDS)
            )),
            // `H.No. 6-5-210/B, Road No. 13, …`: the label says what follows.
            house_number: compile_searched(&format!(
                r"\b(?:{})\.?[ \t]?:?[ \t]?\d[0-9A-Za-z/\-]{{0,12}},",
                HOUSE_NUMBER_LABELS
                    .iter()
                    .map(|l| regex::escape(l)
                        .replace(r"\.", r"\.[ \t]?")
                        .replace(' ', r"[ \t]"))
                    .collect::<Vec<_>>()
                    .join("|")
            )),
            intro: compile_anchored(&format!(
                r"^(?i:(?:ship(?:ped|ping)?(?:[ \t]+(?:it[ \t]+)?to|-to(?:[ \t]+is)?)|deliver(?:y|ed)?[ \t]+(?:it[ \t]+)?to|address(?:[ \t]+on[ \t]+file)?(?:[ \t]+is|[ \t]+to|:)?|{labels}|live[sd]?[ \t]+at|located[ \t]+at|i[ \t]+am[ \t]+at|send[ \t]+it[ \t]+to|moved[ \t]+to)):?[ \t]+(\d[^,.;\x22\n<(]{{3,60}}|\p{{Lu}}[^,.;\x22\n<(]{{2,40}}?[ \t]\d{{1,4}}[a-zA-Z]?\b|(?:H\.[ \t]?)?No\.[ \t]?\d[0-9A-Za-z/\\\-]*,[ \t]*[^,;\x22\n<(]{{3,40}})",
                labels = phrase_alternation(FOREIGN_ADDRESS_LABELS)
            )),
        }
    }

    /// `gated`: the lines of this block for every customer gate group.
    pub fn detect(&self, text: &[u8], gated: &[Vec<Range<usize>>], out: &mut Vec<Candidate>) {
        let first = out.len();
        self.streets(text, gated, out);
        let units = crate::redact::unit_lines::unit_parts_beside(text, &out[first..]);
        out.extend(units);
    }

    fn streets(&self, text: &[u8], gated: &[Vec<Range<usize>>], out: &mut Vec<Candidate>) {
        let mut push = |mut r: Range<usize>, rule: &'static str| {
            if !starts_word(text, r.start) {
                return;
            }
            // `St.` keeps its dot; a sentence's full stop goes.
            if text[r.end - 1] == b'.' {
                let word_start = text[r.start..r.end]
                    .iter()
                    .rposition(|b| b.is_ascii_whitespace())
                    .map_or(r.start, |p| r.start + p + 1);
                if !std::str::from_utf8(&text[word_start..r.end]).is_ok_and(is_abbreviation) {
                    r.end -= 1;
                }
            }
            let end = widen(text, r.end);
            out.push(Candidate::new(
                r.start,
                end,
                Kind::Address,
                rule,
                Priority::Heuristic,
            ));
        };
        // Each pattern is tried anchored wherever it could start a match (see
        // `anchored_matches_in`): a digit or a capital after a word boundary,
        // a letter that opens a run of them, or `C/` after a blank.
        let number = |l: &[u8], at: usize| ascii_word_start(l, at) && l[at].is_ascii_digit();
        let capital = |l: &[u8], at: usize| ascii_word_start(l, at) && l[at].is_ascii_uppercase();
        let letter_run = |l: &[u8], at: usize| {
            (l[at].is_ascii_alphabetic() || l[at] >= 0xC0)
                && !(at > 0 && l[at - 1].is_ascii_alphabetic())
        };
        let word_or_number = |l: &[u8], at: usize| {
            l[at].is_ascii_uppercase() || l[at].is_ascii_digit() || l[at] >= 0xC0
        };
        let romance_start = |l: &[u8], at: usize| {
            word_start_any(l, at)
                || (l[at] == b'C'
                    && (at == 0
                        || matches!(l[at - 1], b'"' | b'\'' | b'>' | b'(')
                        || follows_blank(l, at)))
        };
        anchored_matches_in(
            &self.number_first,
            text,
            &gated[Gates::STREET],
            number,
            |r| push(r, "street-address"),
        );
        let foreign = &gated[Gates::STREET_FOREIGN];
        anchored_matches_in(&self.number_last, text, foreign, letter_run, |r| {
            push(r, "street-address")
        });
        anchored_matches_in(&self.suffix_word, text, foreign, capital, |r| {
            push(r, "street-address")
        });
        anchored_matches_in(&self.lower_between, text, foreign, word_start_any, |r| {
            push(r, "street-address")
        });
        anchored_matches_in(&self.french, text, foreign, number, |r| {
            push(r, "street-address")
        });
        anchored_matches_in(&self.turkish, text, foreign, word_or_number, |r| {
            push(r, "street-address")
        });
        let romance_lines = union(foreign, &gated[Gates::STREET_ABBREVIATION]);
        anchored_captures_in(
            &self.romance,
            text,
            &romance_lines,
            romance_start,
            |c, off| {
                let m = c.get(1).or_else(|| c.get(0)).unwrap();
                push(off + m.start()..off + m.end(), "street-address");
                true
            },
        );
        matches_in(
            &self.preposition,
            text,
            &gated[Gates::STREET_PREPOSITION],
            |r| {
                if !continues_number(text, r.end) {
                    push(r, "street-address");
                }
            },
        );
        // The ward (`Shibuya-ku`) is often on the line below the block
        // number, or the postal mark on the line above.
        let japan = with_neighbour_lines(text, &gated[Gates::JAPAN]);
        matches_in(&self.japanese, text, &japan, |r| {
            let before = r.start.checked_sub(1).map(|i| text[i]);
            if !before.is_some_and(|b| matches!(b, b'-' | b'.' | b'/' | b':'))
                && !continues_number(text, r.end)
            {
                push(r, "block-address");
            }
        });
        matches_in(&self.unit, text, &gated[Gates::UNIT], |r| {
            // Alone, `Unit 3,` is anything: the parts after it must hold a street.
            let end = widen(text, r.end - 1);
            if end > r.end && names_a_street(&text[r.end..end]) {
                push(r.start..end, "unit-address");
            }
        });
        // `#290, Mahaveer Springs, 411050 Pune`, `No. 88, 6th Main Road`: a
        // number marked `#` or `No.` opening a line, then parts that name a
        // street or a town.
        let hashes = memchr::memchr_iter(b'#', text).filter_map(|hash| {
            let line_start = text[hash.saturating_sub(MARK_LEAD_MAX)..hash]
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|p| hash.saturating_sub(MARK_LEAD_MAX) + p + 1)
                .or((hash <= MARK_LEAD_MAX).then_some(0))?;
            Some(line_start..hash + 1)
        });
        let marked_lines = gated[Gates::UNIT].iter().map(|l| l.start..l.end);
        for line in hashes.chain(marked_lines) {
            for at in segment_starts(text, line) {
                if let Some(end) = house_number_first(text, at, true) {
                    push(at..end, "unit-address");
                }
            }
        }
        // `42, 2nd Main Road`: unmarked, the number needs a street's word after it.
        for line in &gated[Gates::STREET] {
            for at in segment_starts(text, line.clone()) {
                if let Some(end) = house_number_first(text, at, false) {
                    push(at..end, "unit-address");
                }
            }
        }
        matches_in(&self.house_number, text, &gated[Gates::UNIT], |r| {
            // The comma that ended the match goes unless parts follow it.
            let end = widen(text, r.end - 1);
            push(r.start..end, "unit-address");
        });
        anchored_captures_in(
            &self.intro,
            text,
            &gated[Gates::ADDRESS],
            word_start_any,
            |c, off| {
                let m = c.get(1).unwrap();
                let v = m.as_bytes();
                let end = v
                    .iter()
                    .rposition(|b| !b.is_ascii_whitespace())
                    .map_or(0, |p| p + 1);
                let has_digit = v.iter().any(u8::is_ascii_digit);
                // A letter of any script: `Πατησίων 76`.
                let has_alpha = v.iter().any(|&b| b.is_ascii_alphabetic() || b >= 0xC0);
                if has_digit
                    && has_alpha
                    && end > 0
                    && !continues_number(text, off + m.start() + end)
                {
                    let s = off + m.start();
                    out_push_intro(text, s, s + end, out);
                }
                true
            },
        );
    }
}

/// Where a word of any script starts: an ASCII one as `\b` finds it, or a
/// letter's lead byte after a blank or punctuation (`Οδός`, `Ülemiste`).
fn word_start_any(line: &[u8], at: usize) -> bool {
    let b = line[at];
    if b.is_ascii() {
        return ascii_word_start(line, at);
    }
    b >= 0xC0 && (at == 0 || (line[at - 1].is_ascii() && !line[at - 1].is_ascii_alphanumeric()))
}

/// Longest neighbouring line read: an address line is short.
const NEIGHBOUR_LINE: usize = 256;

/// Each line, with the lines just above and below it (at most
/// [`NEIGHBOUR_LINE`] bytes of each), each once, in order.
fn with_neighbour_lines(text: &[u8], lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = Vec::with_capacity(lines.len() * 3);
    for l in lines {
        if l.start > 0 {
            let end = l.start - 1;
            let floor = end.saturating_sub(NEIGHBOUR_LINE);
            let start = memchr::memrchr(b'\n', &text[floor..end]).map_or(floor, |p| floor + p + 1);
            all.push(start..end);
        }
        all.push(l.clone());
        if l.end < text.len() {
            let start = l.end + 1;
            let ceiling = (start + NEIGHBOUR_LINE).min(text.len());
            let end = memchr::memchr(b'\n', &text[start..ceiling]).map_or(ceiling, |p| start + p);
            all.push(start..end);
        }
    }
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    all.dedup_by(|later, kept| later.start < kept.end);
    all
}

fn out_push_intro(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    out.push(Candidate::new(
        start,
        widen(text, end),
        Kind::Address,
        "address-in-prose",
        Priority::Heuristic,
    ));
}

/// Whether `pos` starts a word: the character before it is not a letter or digit.
pub(crate) fn starts_word(text: &[u8], pos: usize) -> bool {
    let tail = &text[pos.saturating_sub(4)..pos];
    let prev = (0..tail.len())
        .find_map(|k| std::str::from_utf8(&tail[k..]).ok())
        .and_then(|s| s.chars().last());
    !prev.is_some_and(char::is_alphanumeric)
}

/// A number goes on after `pos` (`1-2-2024`, `12.5`): the match was part of it.
fn continues_number(text: &[u8], pos: usize) -> bool {
    match text.get(pos) {
        Some(b'-' | b'.' | b'/' | b':') => text.get(pos + 1).is_some_and(u8::is_ascii_digit),
        Some(b) => b.is_ascii_digit(),
        None => false,
    }
}

/// How far the parts of an address that follow `end` on its line reach:
/// at most four parts, each after `, ` or ` - `, each made only of the words
/// an address holds, and each ending where a part or the sentence ends.
fn widen(text: &[u8], end: usize) -> usize {
    let line_end = crate::redact::scan::line_end_near(text, end);
    let Ok(rest) = std::str::from_utf8(&text[end..line_end]) else {
        return end;
    };
    let mut reached = 0;
    for _ in 0..4 {
        let tail = &rest[reached..];
        let sep = if let Some(t) = tail.strip_prefix(',') {
            1 + (t.len() - t.trim_start_matches([' ', '\t']).len())
        } else if tail.starts_with(" - ") {
            3
        } else if tail.starts_with(" – ") {
            2 + '–'.len_utf8()
        } else {
            break;
        };
        match address_part(&tail[sep..]) {
            Some(len) => reached += sep + len,
            None => break,
        }
    }
    end + reached
}

/// The length of one part of an address at the start of `s`, if it is one:
/// words of a place (`The Maltings`, `9th Cross Road`, `apto 152`, `2º 4ª`)
/// up to where the part ends.
fn address_part(s: &str) -> Option<usize> {
    let mut pos = 0;
    let mut words = 0;
    let mut placed = false;
    loop {
        let word_len = s[pos..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '"' | '<' | '|'))
            .unwrap_or(s.len() - pos);
        let mut word = &s[pos..pos + word_len];
        // A sentence may end right after the part: `…, Bengaluru.`
        let mut stop_here = false;
        if let Some(w) = word.strip_suffix('.')
            && !is_abbreviation(word)
        {
            word = w;
            stop_here = true;
        }
        // `\"` closes a JSON-escaped string.
        if let Some(w) = word.strip_suffix('\\') {
            word = w;
            stop_here = true;
        }
        if word.is_empty() {
            return None;
        }
        match place_word(word) {
            PlaceWord::No => return None,
            PlaceWord::Particle => {}
            PlaceWord::Yes => placed = true,
        }
        words += 1;
        if words > 6 {
            return None;
        }
        pos += word.len();
        let next = s[pos..].chars().next();
        let ends = stop_here
            || match next {
                None => true,
                Some(c) => matches!(c, ',' | ';' | ')' | '"' | '<' | '|' | '.'),
            };
        if ends || s[pos..].starts_with(" - ") || s[pos..].starts_with(" – ") {
            return placed.then_some(pos);
        }
        // One space or tab between the words of a part.
        if !matches!(next, Some(' ' | '\t')) {
            return None;
        }
        pos += 1;
    }
}

enum PlaceWord {
    Yes,
    No,
    /// Only between other words: `do`, `de la`, `The`.
    Particle,
}

/// Words of a place: capitalised words, house numbers, ordinals, floors
/// (`2º`, `4\u00aa`), and the small words of unit lines (`apto`, `casa`).
fn place_word(w: &str) -> PlaceWord {
    const PARTICLES: &[&str] = &[
        "The", "the", "of", "de", "del", "la", "las", "los", "da", "do", "dos", "das", "di",
        "della", "von", "van", "der", "den", "le", "les", "du", "des",
    ];
    if PARTICLES.contains(&w) {
        return PlaceWord::Particle;
    }
    if UNIT_LINE_WORDS.contains(&w) || SIDE_WORDS.contains(&w) {
        return PlaceWord::Yes;
    }
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let tail = &w[digits..];
        // An Indian PIN code, six digits: `411514 Pune`.
        let pin = digits == 6 && tail.is_empty() && !w.starts_with('0');
        let number = (digits <= 5 || pin)
            && (tail.is_empty()
                || (tail.len() == 1 && tail.bytes().all(|b| b.is_ascii_alphabetic())));
        let ordinal = digits <= 3
            && matches!(
                tail,
                "st" | "nd" | "rd" | "th" | "º" | "ª" | "\\u00ba" | "\\u00aa" | "e" | "er" | "ème"
            );
        return if number || ordinal {
            PlaceWord::Yes
        } else {
            PlaceWord::No
        };
    }
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_ok = w.split("\\u").enumerate().all(|(i, piece)| {
        let piece = if i == 0 {
            piece
        } else if piece.len() >= 4
            && piece.is_char_boundary(4)
            && piece[..4].bytes().all(|b| b.is_ascii_hexdigit())
        {
            &piece[4..]
        } else {
            return false;
        };
        piece
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    });
    if first_upper && rest_ok && !is_not_name(w) {
        PlaceWord::Yes
    } else {
        PlaceWord::No
    }
}

/// `Av.`, `St.`: a dot that belongs to the word, not to the sentence.
fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Av." | "St." | "Rd." | "Ave." | "Apt." | "Avda." | "Dr." | "Blvd." | "Ln." | "Str."
            // `Road No. 13`, `Cumhuriyet Mah.`, `Bağdat Cad.`
            | "No." | "Nr." | "Mah." | "Cad." | "Sok." | "Cd." | "Sk."
    )
}

/// The parts after a unit name a street: a street word, a house number, or
/// a postal code beside its town (`Lodha Palava, 411514 Pune`).
/// What may stand before a house number's mark on its line (a timestamp,
/// quote marks): further back, the mark is inside a line of prose.
const MARK_LEAD_MAX: usize = 64;

/// Where each part of `line` opens: after what a tool writes before the
/// line (see [`line_prefix`]) and after each HTML `<br>`, as WooCommerce
/// joins the lines of an address.
fn segment_starts(text: &[u8], line: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let first = line.start + line_prefix(&text[line.clone()]);
    let breaks = memchr::memmem::find_iter(&text[line.clone()], b"<")
        .filter_map(move |lt| line_break_at(text, line.start + lt))
        .map(|end| end + usize::from(text.get(end) == Some(&b' ')));
    std::iter::once(first).chain(breaks)
}

/// Where the address opened at `at` by a house number ends: the mark (`#`,
/// `No.`, `Nº`) when `marked`, a number of up to six digits and a letter,
/// a comma, then parts that name a street or a town; unmarked, the parts
/// must hold a street's word (`42, 2nd Main Road`), as a number and a comma
/// open many lines that are no address.
fn house_number_first(text: &[u8], at: usize, marked: bool) -> Option<usize> {
    let rest = &text[at..];
    let mark_len = if marked {
        std::iter::once("#")
            .chain(HOUSE_NUMBER_MARKS.iter().copied())
            .filter(|m| rest.starts_with(m.as_bytes()))
            .map(str::len)
            .max()?
    } else {
        0
    };
    let mut i = at + mark_len;
    i += usize::from(text.get(i) == Some(&b' '));
    let digits = text[i..]
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=6).contains(&digits) {
        return None;
    }
    i += digits;
    i += usize::from(text.get(i).is_some_and(u8::is_ascii_alphabetic));
    if text.get(i) != Some(&b',') {
        return None;
    }
    let end = widen(text, i);
    let parts = text.get(i + 1..end).filter(|p| !p.is_empty())?;
    let named = if marked {
        names_a_street(parts)
    } else {
        has_street_word(parts)
    };
    named.then_some(end)
}

fn has_street_word(parts: &[u8]) -> bool {
    std::str::from_utf8(parts).is_ok_and(|s| {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .any(|w| is_street_word(w.trim_end_matches('.')))
    })
}

fn names_a_street(parts: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(parts) else {
        return false;
    };
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let town = |w: Option<&&str>| w.is_some_and(|w| matches!(place_word(w), PlaceWord::Yes));
    words.iter().enumerate().any(|(i, w)| {
        let postal_code = (5..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
        // `Rua do Almada`: a street type written before the street's name.
        let type_before = STREET_TYPES_BEFORE.contains(w)
            && words.get(i + 1).is_some_and(|next| {
                next.chars().next().is_some_and(char::is_uppercase)
                    || matches!(place_word(next), PlaceWord::Particle)
            });
        is_street_word(w.trim_end_matches('.'))
            || type_before
            || (i == 0 && w.bytes().all(|b| b.is_ascii_digit()))
            || (i > 0
                && postal_code
                && (town(words.get(i + 1)) || (i + 1 == words.len() && town(words.get(i - 1)))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::customer_words::gate_words;
    use crate::redact::gate::GateSet;

    fn addresses(text: &str) -> Vec<String> {
        let gated = GateSet::new(&gate_words()).lines(text.as_bytes());
        let mut out = Vec::new();
        AddressRules::new().detect(text.as_bytes(), &gated, &mut out);
        let mut found: Vec<String> = crate::redact::resolve::resolve(out, text.as_bytes())
            .iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect();
        found.sort();
        found
    }

    fn finds(text: &str, value: &str) -> bool {
        addresses(text).iter().any(|a| a == value)
    }

    /// An address found opens with `street` (the parts after it may be widened in).
    fn assert_opens_with(text: &str, street: &str) {
        let found = addresses(text);
        assert!(
            found.iter().any(|a| a.starts_with(street)),
            "{text}: {found:?}"
        );
    }

    #[test]
    fn ordinal_street_names() {
        assert!(finds("    1288 N 30th St\n", "1288 N 30th St"));
        assert!(finds("lives at 42 W 23rd Street.", "42 W 23rd Street"));
    }

    #[test]
    fn lowercase_street_types_between_name_and_number() {
        // Hungarian, Estonian, Latvian, Lithuanian, Czech, South Slavic.
        for (text, street) in [
            (
                "Szállítás: Rákóczi Ferenc út 118.\n",
                "Rákóczi Ferenc út 118",
            ),
            (
                "Ügyfél, Petőfi Sándor utca 7/B, 6720 Szeged",
                "Petőfi Sándor utca 7/B",
            ),
            ("Sent to Nyár u. 31, Pécs", "Nyár u. 31, Pécs"),
            ("Saaja: Kadaka tänav 140-4\n", "Kadaka tänav 140-4"),
            ("klient Narva mnt 57, Tartu", "Narva mnt 57, Tartu"),
            (
                "Piegāde: Krišjāņa Barona iela 112-9",
                "Krišjāņa Barona iela 112-9",
            ),
            (
                "Pristatyti: Savanorių pr. 204, Kaunas",
                "Savanorių pr. 204, Kaunas",
            ),
            (
                "dodání Vinohradská třída 48, Praha",
                "Vinohradská třída 48, Praha",
            ),
            (
                "Dostava na Slovenska cesta 15, Ljubljana",
                "Slovenska cesta 15, Ljubljana",
            ),
        ] {
            assert_opens_with(text, street);
        }
        // Prose with a lowercase word between capitals and a number is no street.
        for text in [
            "Version 2 tee 4 times",
            "the Release sor 5 notes",
            "Order: Cotton tee 2, Linen shirt 1",
            "See fig. 5 and Table 2",
        ] {
            assert!(addresses(text).is_empty(), "{text}: {:?}", addresses(text));
        }
    }

    #[test]
    fn street_types_before_the_name_in_more_scripts() {
        for (text, street) in [
            ("Παράδοση: Οδός Αθηνάς 27, Αθήνα", "Οδός Αθηνάς 27"),
            ("Λεωφόρος Συγγρού 301, 17564", "Λεωφόρος Συγγρού 301"),
            ("ship Leof. Vouliagmenis 88", "Leof. Vouliagmenis 88"),
            (
                "Livrare Strada Mihai Eminescu 44, București",
                "Strada Mihai Eminescu 44",
            ),
            ("Calea Victoriei 155, sector 1", "Calea Victoriei 155"),
            (
                "Dostava: Ulica Kneza Branimira 29, Zagreb",
                "Ulica Kneza Branimira 29",
            ),
            ("Доставка: ул. Садовая 17, Москва", "ул. Садовая 17"),
            ("вул. Хрещатик 22, Київ", "вул. Хрещатик 22"),
        ] {
            assert_opens_with(text, street);
        }
    }

    #[test]
    fn address_labels_in_more_languages() {
        for (text, street) in [
            ("Aadress: Kalevipoja 12, Rakvere", "Kalevipoja 12"),
            ("Lakcím: Arany János 9, Eger", "Arany János 9"),
            ("Διεύθυνση: Πατησίων 76, Αθήνα", "Πατησίων 76"),
            ("Adresa: Mlýnská 8, Brno", "Mlýnská 8"),
            ("Osoite: Hämeenkatu 23, Tampere", "Hämeenkatu 23"),
        ] {
            assert_opens_with(text, street);
        }
    }

    #[test]
    fn street_type_as_its_own_word() {
        assert!(finds(
            "Ship-to is Lindenauer Weg 7b, Leipzig.",
            "Lindenauer Weg 7b, Leipzig"
        ));
        assert!(finds(
            "Billing\nKarl Ott\nHohenzollern Allee 12\n",
            "Hohenzollern Allee 12"
        ));
        assert!(finds(
            "Adresse Am Lindenhof 3, Köln",
            "Am Lindenhof 3, Köln"
        ));
        assert!(finds("Zum kleinen Markt 14a\n", "Zum kleinen Markt 14a"));
        // A month and a year is no street.
        assert!(addresses("Im Januar 2024 lief alles").is_empty());
        assert!(addresses("Am Montag 12.30 Uhr").is_empty());
    }

    #[test]
    fn romance_streets_with_commas_and_escapes() {
        assert!(finds(
            "Endereço: Rua dos Pinheiros, 88, apto 31, Campinas - SP, CEP 13010-000",
            "Rua dos Pinheiros, 88, apto 31, Campinas - SP"
        ));
        assert!(finds(
            "CLIENT -> SERVER: Av. Brasil, 2040 - Jardim América",
            "Av. Brasil, 2040 - Jardim América"
        ));
        assert!(finds(
            r#""content":"Ship to Avda. de la Rep\u00fablica 12, Toledo please."}"#,
            r"Avda. de la Rep\u00fablica 12"
        ));
        assert!(finds(
            r#""content":"Ship to C\/ Serrano 40, 3\u00ba 1\u00aa, Madrid please."}"#,
            r"C\/ Serrano 40, 3\u00ba 1\u00aa"
        ));
        assert!(finds("env\u{ed}o a C/ Luna 8, 1º B.", "C/ Luna 8, 1º B"));
    }

    #[test]
    fn streets_of_more_countries_in_prose() {
        for (line, street) in [
            // Turkish: the type after the name, then door, flat and floor.
            (
                "Adresim: Bağdat Cad. No:212 D:7 Kadıköy",
                "Bağdat Cad. No:212 D:7",
            ),
            (
                "Yeni Mah. 4127. Sok. No:9/2, Mersin",
                "Yeni Mah. 4127. Sok. No:9/2",
            ),
            ("İnönü Cad. No: 146/18 Kat 2", "İnönü Cad. No: 146/18 Kat 2"),
            // Polish: the type before the name, the flat after a slash.
            (
                "mieszkam: al. Jerozolimskie 65/79, Warszawa",
                "al. Jerozolimskie 65/79",
            ),
            // Nordic types glued to the name.
            ("sendes til Kongsgata 14, Drammen", "Kongsgata 14"),
            ("Lillgränd 3, Visby", "Lillgränd 3"),
            // Romance names with particles between their words.
            (
                "Avenida Dom Pedro de Alcântara 77, Recife",
                "Avenida Dom Pedro de Alcântara 77",
            ),
        ] {
            let got = addresses(line);
            assert!(got.iter().any(|a| a.starts_with(street)), "{line}: {got:?}");
        }
        for line in ["String 5 chars", "the Aggregate 12 rows", "pl. see 4 notes"] {
            assert!(addresses(line).is_empty(), "{line}: {:?}", addresses(line));
        }
    }

    #[test]
    fn indian_house_numbers_open_an_address() {
        for (line, address) in [
            (
                "CLIENT -> SERVER: H.No. 6-5-210/B, Road No. 13, Jubilee Hills",
                "H.No. 6-5-210/B, Road No. 13, Jubilee Hills",
            ),
            (
                "Plot No. 44, Sector 7, Dwarka",
                "Plot No. 44, Sector 7, Dwarka",
            ),
            ("D.No: 12-3-45, MG Road.", "D.No: 12-3-45, MG Road"),
        ] {
            assert!(finds(line, address), "{line}: {:?}", addresses(line));
        }
        assert!(addresses("see Flat 12 in the docs, then retry").is_empty());
    }

    #[test]
    fn a_unit_then_a_building_and_a_postal_code_beside_its_town() {
        for line in [
            "Flat 908, Hiranandani Meadows, 400610 Thane",
            "Plot 17, Sunrise Enclave, Nagpur 440022",
            "Villa 3, Palm Meadows, Varthur, Bengaluru - 560066",
            "Flat 2, Rosebank House, 75011 Paris",
        ] {
            assert!(finds(line, line), "{line}: {:?}", addresses(line));
        }
        for line in [
            "Unit 3, 2 items shipped",
            "Apartment 12, total 45000 INR",
            "Flat 4, then 12345 retries",
        ] {
            assert!(addresses(line).is_empty(), "{line}: {:?}", addresses(line));
        }
    }

    #[test]
    fn japanese_block_numbers() {
        assert!(finds(
            "Juusho: 〒106-0032 3-4-21 Roppongi, Minato-ku",
            "3-4-21 Roppongi, Minato-ku"
        ));
        assert!(finds(
            "Juusho Ebisu-Nishi 2-8-4, Apt 12. Denwa",
            "Ebisu-Nishi 2-8-4, Apt 12"
        ));
        assert!(finds(
            "I am at 3-chome-5-1 Higashi-Ikebukuro, Toshima-ku all week",
            "3-chome-5-1 Higashi-Ikebukuro"
        ));
        // Dates, phones and codes near the same words stay.
        assert_eq!(
            addresses("Juusho updated 2024-03-13 Shibuya-ku"),
            Vec::<String>::new()
        );
        assert!(addresses("Denwa 03-3647-0419 Shibuya-ku").is_empty());
    }

    #[test]
    fn a_block_number_with_its_ward_on_the_next_line() {
        let letter = "Your parcel goes to:\n    Nishi-Azabu 3-9-12, Apt 40\n    106-0031 Minato-ku\n\
            and the gift to\n    2-6-1 Ebisu\n    Shibuya-ku, Tokyo\n";
        let got = addresses(letter);
        for want in ["Nishi-Azabu 3-9-12, Apt 40", "2-6-1 Ebisu"] {
            assert!(got.iter().any(|a| a == want), "{want}: {got:?}");
        }
        // Far from any ward, a block number is not read as one.
        assert!(addresses("build 3-9-12 Release\n\nnotes\n").is_empty());
    }

    #[test]
    fn house_numbers_after_no() {
        // Indian addresses give the house number first, after `No.` or `H.No.`.
        let got = addresses("Ship-to is No. 58, 4th Main Road, Malleshwaram, Chennai.");
        assert!(
            got.iter()
                .any(|a| a.starts_with("No. 58, 4th Main Road, Malleshwaram")),
            "{got:?}"
        );
        let got = addresses(
            r#""Ship to H.No. 6-6-200\/C, Road No. 3, Banjara Hills, Hyderabad please.""#,
        );
        assert!(
            got.iter()
                .any(|a| a.starts_with("H.No. 6-6-200\\/C, Road No. 3, Banjara Hills")),
            "{got:?}"
        );
        // An order or invoice number is no house number.
        assert!(addresses("Invoice No. 5, paid in full").is_empty());
        assert!(addresses("ship to the customer, order No. 4411, today").is_empty());
    }

    #[test]
    fn units_before_their_street() {
        assert!(finds(
            "Ship to Apartment 4, The Granary, Mill Lane, Cork please.",
            "Apartment 4, The Granary, Mill Lane"
        ));
        assert!(finds(
            "not delivered to Flat 12, Lake View Layout, 3rd Cross Road. Call",
            "Flat 12, Lake View Layout, 3rd Cross Road"
        ));
        assert!(
            finds("    Flat 9, 12 Ashby Close\n", "Flat 9, 12 Ashby Close"),
            "{:?}",
            addresses("    Flat 9, 12 Ashby Close\n")
        );
        assert!(finds(
            "> #41B, Prestige Shantiniketan, 560048 Bengaluru",
            "#41B, Prestige Shantiniketan, 560048 Bengaluru"
        ));
        assert!(addresses("#4411, Refund issued").is_empty());
        assert!(addresses("order #290, Mahaveer Springs, 411050 Pune").is_empty());
        // A unit alone, or before words that name no street, is no address.
        assert!(addresses("Unit 3, Tests Passed").is_empty());
        assert!(addresses("Suite 12, Build Failed").is_empty());
    }

    #[test]
    fn a_house_number_marked_no_opening_a_line() {
        for (text, address) in [
            (
                "No. 14, 9th Main Road, Jayanagar\n",
                "No. 14, 9th Main Road, Jayanagar",
            ),
            ("Nº 7, Rua do Almada\n", "Nº 7, Rua do Almada"),
            (
                "> No 3B, Temple Street, 600017 Chennai\n",
                "No 3B, Temple Street, 600017 Chennai",
            ),
            (
                "2025-01-07 09:12:44\tCLIENT -> SERVER: #9, 2nd Cross Road, HSR Layout\n",
                "#9, 2nd Cross Road, HSR Layout",
            ),
        ] {
            assert!(finds(text, address), "{text:?}: {:?}", addresses(text));
        }
        // Inside prose, or before words that name no street, a number is a number.
        assert!(addresses("Ticket No. 4471, Refund issued\n").is_empty());
        assert!(addresses("No. 5, the list goes on\n").is_empty());
        assert!(addresses("No. 12, version 3 of the plugin\n").is_empty());
    }

    #[test]
    fn a_house_number_opening_a_line_broken_by_html() {
        for (text, address) in [
            (
                "shipping=Kavya Rao<br/>No. 31, 4th Cross Road<br/>Malleshwaram\n",
                "No. 31, 4th Cross Road",
            ),
            (
                "<p>Kavya Rao<br />#12, Temple Street<br />Mylapore</p>\n",
                "#12, Temple Street",
            ),
        ] {
            assert!(finds(text, address), "{text:?}: {:?}", addresses(text));
        }
    }

    #[test]
    fn an_unmarked_house_number_before_a_named_street() {
        for (text, address) in [
            (
                "17, 3rd Main Road, Indiranagar\n",
                "17, 3rd Main Road, Indiranagar",
            ),
            (
                "Kavya Rao<br/>221, Station Road<br/>Pune\n",
                "221, Station Road",
            ),
        ] {
            assert!(finds(text, address), "{text:?}: {:?}", addresses(text));
        }
        // A count and a comma before words that name no street, or a
        // street's word in a sentence.
        for text in [
            "12, retries left: 3\n",
            "2, Court order attached\n",
            "1, Close the ticket\n",
        ] {
            assert!(
                addresses(text).is_empty(),
                "{text:?}: {:?}",
                addresses(text)
            );
        }
    }

    #[test]
    fn french_streets_written_either_case() {
        assert!(finds(
            "Ship to: 14 Rue de la Paix, 75002 Paris",
            "14 Rue de la Paix, 75002 Paris"
        ));
        assert!(finds("au 3 bis avenue Foch.", "3 bis avenue Foch"));
    }

    #[test]
    fn parts_after_a_street() {
        assert!(finds(
            "I am at 12 Marina Road, Victoria Island, Lagos all week.",
            "12 Marina Road, Victoria Island"
        ));
        // A version, an order number or a sentence after the comma stays.
        assert_eq!(
            addresses("at 12 Main Street, WooCommerce 8.2.1 broke"),
            ["12 Main Street"]
        );
        assert_eq!(
            addresses("ship to 12 Main Street, order #4411"),
            ["12 Main Street"]
        );
        assert_eq!(
            addresses("ship to 12 Main Street, please hurry"),
            ["12 Main Street"]
        );
    }
}
