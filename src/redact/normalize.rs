//! What the detectors read when the bytes hide what a person sees: terminal
//! colour codes between a key and its value, zero-width characters inside a
//! domain, full-width letters and digits (`ａｎａ＠example.org`, `４１１１`),
//! no-break spaces in a card number, an apostrophe HTML-escaped inside a
//! name (`O&#039;Connell`, as WordPress's `esc_html` writes it).
//!
//! [`View::of`] builds the text as it reads — escapes and invisible
//! characters gone, look-alikes folded to ASCII — with, for every byte of it,
//! the span of the original bytes it came from. Findings in the view map back
//! to original spans, so the placeholder covers everything that spelled the
//! secret, escapes included, and nothing is rewritten that was not found.

use crate::redact::scan::Candidate;

/// The text detectors read, and where each of its bytes came from.
pub(crate) struct View {
    pub text: Vec<u8>,
    /// Where the view's bytes came from, piece by piece, in view order: a
    /// run copied as written, or one byte read from a changed unit. Kept
    /// by piece, not by byte: most of a view is copied (eight bytes a byte
    /// cost a quarter-megabyte chunk two megabytes).
    pieces: Vec<Piece>,
}

/// View bytes from `at` up to the next piece's came from the original bytes
/// at `from` on, one for one (`unit_end` is `None`), or are all one byte
/// read from the unit `from..unit_end`.
#[derive(Clone, Copy)]
struct Piece {
    at: u32,
    from: u32,
    unit_end: Option<u32>,
}

/// Where the next byte at or after `from` may open something the view
/// changes, by kind: ESC or the lead byte of U+00A0, U+00AD, U+2000–U+206F;
/// the lead byte of U+3000 or U+FE00–U+FFEF; a JSON `\u` escape; an HTML
/// numeric character reference's `&#`; `&apos;` and `&rsquo;`. Each kind is
/// one vector search, kept until passed: most text holds none.
struct MayChange<'a> {
    text: &'a [u8],
    next: [Option<usize>; KINDS],
}

const KINDS: usize = 6;

impl<'a> MayChange<'a> {
    fn new(text: &'a [u8]) -> Self {
        let mut may = MayChange {
            text,
            next: [None; KINDS],
        };
        for kind in 0..KINDS {
            may.next[kind] = may.search(kind, 0);
        }
        may
    }

    fn search(&self, kind: usize, from: usize) -> Option<usize> {
        let rest = self.text.get(from..)?;
        let at = match kind {
            0 => memchr::memchr3(0x1b, 0xc2, 0xe2, rest),
            1 => memchr::memchr2(0xe3, 0xef, rest),
            2 => memchr::memmem::find(rest, b"\\u"),
            3 => memchr::memmem::find(rest, b"&#"),
            4 => memchr::memmem::find(rest, b"&apos;"),
            _ => memchr::memmem::find(rest, b"&rsquo;"),
        }?;
        Some(from + at)
    }

    /// The next position at or after `from`.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        for kind in 0..KINDS {
            if self.next[kind].is_some_and(|at| at < from) {
                self.next[kind] = self.search(kind, from);
            }
        }
        self.next.iter().flatten().min().copied()
    }
}

impl View {
    /// The view of `text`, or `None` when it reads as it is written (the
    /// common case, decided by one pass over the bytes).
    pub fn of(text: &[u8]) -> Option<View> {
        let mut may_change = MayChange::new(text);
        let first = first_change(text, &mut may_change)?;
        let mut view = View {
            text: Vec::with_capacity(text.len()),
            pieces: Vec::new(),
        };
        view.copy(text, 0, first);
        let mut i = first;
        while i < text.len() {
            // Every change opens at a byte `MayChange` finds (none inside
            // a character): the bytes up to the next are read as written.
            let next = may_change.at_or_after(i).unwrap_or(text.len());
            if next > i {
                view.copy(text, i, next);
                i = next;
                continue;
            }
            match unit_at(text, i) {
                Unit::Keep(len) => {
                    view.copy(text, i, i + len);
                    i += len;
                }
                Unit::Drop(len) => i += len,
                Unit::Ascii(b, len) => {
                    view.push(b, i, i + len);
                    i += len;
                }
                Unit::Letter(c, len) => {
                    let mut buf = [0u8; 4];
                    for &b in c.encode_utf8(&mut buf).as_bytes() {
                        view.push(b, i, i + len);
                    }
                    i += len;
                }
            }
        }
        Some(view)
    }

    fn copy(&mut self, text: &[u8], from: usize, to: usize) {
        if from < to {
            self.pieces.push(Piece {
                at: self.text.len() as u32,
                from: from as u32,
                unit_end: None,
            });
        }
        self.text.extend_from_slice(&text[from..to]);
    }

    fn push(&mut self, b: u8, start: usize, end: usize) {
        self.pieces.push(Piece {
            at: self.text.len() as u32,
            from: start as u32,
            unit_end: Some(end as u32),
        });
        self.text.push(b);
    }

    /// The original span of view byte `i`.
    fn source(&self, i: usize) -> (u32, u32) {
        let piece = self.pieces[self.pieces.partition_point(|p| p.at as usize <= i) - 1];
        match piece.unit_end {
            Some(end) => (piece.from, end),
            None => {
                let at = piece.from + (i as u32 - piece.at);
                (at, at + 1)
            }
        }
    }

    /// Original span of the view span `start..end`.
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = if start < self.text.len() {
                self.source(start).0
            } else {
                self.text
                    .len()
                    .checked_sub(1)
                    .map_or(0, |last| self.source(last).1)
            };
            return (at as usize, at as usize);
        }
        (
            self.source(start).0 as usize,
            self.source(end - 1).1 as usize,
        )
    }

    /// Candidates found in the view, moved onto the original bytes. One whose
    /// original bytes differ from what was read keeps the read value as its
    /// identity, so the same secret gets the same placeholder however it was
    /// written.
    pub fn to_original(&self, cands: Vec<Candidate>, original: &[u8]) -> Vec<Candidate> {
        cands
            .into_iter()
            .map(|mut c| {
                let (start, end) = self.original(c.start, c.end);
                if c.identity.is_none() && original[start..end] != self.text[c.start..c.end] {
                    c.identity = Some(self.text[c.start..c.end].to_vec());
                    c.seen_through = true;
                }
                c.start = start;
                c.end = end;
                c
            })
            .collect()
    }
}

/// The first byte the view would change, if any.
fn first_change(text: &[u8], may_change: &mut MayChange<'_>) -> Option<usize> {
    let mut i = 0;
    while i < text.len() {
        let at = may_change.at_or_after(i)?;
        if !matches!(unit_at(text, at), Unit::Keep(_)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

enum Unit {
    /// Bytes read as they are.
    Keep(usize),
    /// Bytes a reader does not see.
    Drop(usize),
    /// Bytes read as this ASCII byte.
    Ascii(u8, usize),
    /// An escape read as the character it stands for (`\u00e9`: `é`,
    /// `&#039;`: an apostrophe).
    Letter(char, usize),
}

fn unit_at(text: &[u8], i: usize) -> Unit {
    match text[i] {
        0x1b => Unit::Drop(escape_len(&text[i..])),
        b'\\' => match json_escaped_letter(&text[i..]) {
            Some(c) => Unit::Letter(c, 6),
            None => Unit::Keep(1),
        },
        b'&' => match html_apostrophe(&text[i..]) {
            Some((c, len)) => Unit::Letter(apostrophe_at(text, i, c), len),
            None => Unit::Keep(1),
        },
        b if b >= 0xc0 => {
            let len = utf8_len(b);
            let Some(c) = text
                .get(i..i + len)
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(|s| s.chars().next())
            else {
                return Unit::Keep(1);
            };
            match c {
                // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {
                    Unit::Drop(len)
                }
                // No-break, figure, narrow no-break and ideographic spaces.
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' => Unit::Ascii(b' ', len),
                // Full-width ASCII: `！` to `～`.
                '\u{ff01}'..='\u{ff5e}' => Unit::Ascii((c as u32 - 0xfee0) as u8, len),
                _ => Unit::Keep(len),
            }
        }
        _ => Unit::Keep(1),
    }
}

/// The letter a JSON `\u` escape at the start of `s` stands for, when it
/// is one beyond ASCII (PHP's `json_encode` writes `Jos\u00e9`,
/// `tel\u00e9fono`): names and words read as people wrote them.
fn json_escaped_letter(s: &[u8]) -> Option<char> {
    let hex = s.get(2..6).filter(|_| s.get(1) == Some(&b'u'))?;
    let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    char::from_u32(code).filter(|c| !c.is_ascii() && c.is_alphabetic())
}

/// The apostrophe an HTML character reference at the start of `s` stands
/// for, and the reference's length: names pass through `esc_html` and
/// `htmlspecialchars` (`O&#039;Connell`, `van &#039;t Hof`) and
/// `wptexturize` (`D&#8217;Amico`), XML and HTML5 (`O&apos;Connor`, as
/// Braintree's XML writes it). Only apostrophes: other references change
/// how markup reads.
fn html_apostrophe(s: &[u8]) -> Option<(char, usize)> {
    const ENTITIES: &[(&[u8], char)] = &[
        (b"&#039;", '\''),
        (b"&#39;", '\''),
        (b"&#x27;", '\''),
        (b"&#8217;", '’'),
        (b"&#x2019;", '’'),
        (b"&apos;", '\''),
        (b"&rsquo;", '’'),
    ];
    ENTITIES
        .iter()
        .find(|(entity, _)| {
            s.len() >= entity.len() && s[..entity.len()].eq_ignore_ascii_case(entity)
        })
        .map(|&(entity, c)| (c, entity.len()))
}

/// How far back [`apostrophe_at`] looks for the quote a value opened with.
const QUOTE_REACH: usize = 4096;

/// An escaped apostrophe inside a value quoted with `'` (an odd number of
/// them before it on its line: `value='O&#039;Brien'`, `('d&#039;Arcy',`)
/// reads as `’`: read as `'`, it would end the value there and leave the
/// rest of the name outside it. Elsewhere it reads as `c`.
fn apostrophe_at(text: &[u8], at: usize, c: char) -> char {
    if c != '\'' {
        return c;
    }
    let from = at.saturating_sub(QUOTE_REACH);
    let line_start = memchr::memrchr(b'\n', &text[from..at]).map_or(from, |p| from + p + 1);
    let quotes = memchr::memchr_iter(b'\'', &text[line_start..at]).count();
    if quotes % 2 == 1 { '’' } else { c }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

/// Length of the terminal escape sequence at the start of `s` (which opens
/// with ESC): CSI `ESC [ params final`, OSC `ESC ] … BEL|ST`, or a two-byte
/// escape. A sequence broken by a line end or a control byte is not one:
/// only the ESC goes, never the line end after it.
fn escape_len(s: &[u8]) -> usize {
    const LONGEST: usize = 256;
    let body = &s[..s.len().min(LONGEST)];
    match body.get(1) {
        Some(b'[') => {
            for (k, &b) in body.iter().enumerate().skip(2) {
                match b {
                    0x20..=0x3f => {}
                    0x40..=0x7e => return k + 1,
                    _ => return 1,
                }
            }
            1
        }
        Some(b']') => {
            for k in 2..body.len() {
                match body[k] {
                    0x07 => return k + 1,
                    0x1b if body.get(k + 1) == Some(&b'\\') => return k + 2,
                    b'\n' | b'\r' => return 1,
                    _ => {}
                }
            }
            1
        }
        Some(0x20..=0x7e) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::{Kind, scan::Priority};

    fn read(s: &str) -> String {
        View::of(s.as_bytes()).map_or_else(|| s.to_string(), |v| String::from_utf8(v.text).unwrap())
    }

    #[test]
    fn view_spans_map_back_to_the_bytes_they_came_from() {
        // a b, a zero-width space, c, `\u00e9` read as two bytes, d.
        let text = "ab\u{200B}c\\u00e9d".as_bytes();
        let view = View::of(text).unwrap();
        assert_eq!(view.text, "abcéd".as_bytes());
        for (span, original) in [
            ((0, 2), (0, 2)),
            ((2, 3), (5, 6)),
            ((3, 4), (6, 12)),
            ((3, 5), (6, 12)),
            ((5, 6), (12, 13)),
            ((0, 6), (0, 13)),
            ((2, 2), (5, 5)),
            ((6, 6), (13, 13)),
        ] {
            assert_eq!(view.original(span.0, span.1), original, "{span:?}");
        }
    }

    #[test]
    fn html_escaped_apostrophes_read_as_apostrophes() {
        assert_eq!(read("Aoife O&#039;Connell"), "Aoife O'Connell");
        assert_eq!(read("Gerrit van &#39;t Hof"), "Gerrit van 't Hof");
        assert_eq!(read("Sara D&#8217;Amico"), "Sara D’Amico");
        assert_eq!(
            read("<last-name>O&apos;Connor</last-name>"),
            "<last-name>O'Connor</last-name>"
        );
        assert_eq!(read("N&rsquo;Diaye"), "N’Diaye");
        // Other entities and bare ampersands are markup's: read as written.
        for s in ["a &amp; b", "?x=1&y=2", "&quot;k&quot;", "&#0390;", "&"] {
            assert_eq!(read(s), s);
        }
    }

    #[test]
    fn an_escaped_apostrophe_inside_a_single_quoted_value_does_not_end_it() {
        assert_eq!(
            read("<input value='Niamh O&#039;Dowd' name='billing_last_name'>"),
            "<input value='Niamh O’Dowd' name='billing_last_name'>"
        );
        assert_eq!(
            read("VALUES (7, 'd&apos;Estrées', 'Ines')"),
            "VALUES (7, 'd’Estrées', 'Ines')"
        );
        // Prose with an apostrophe of its own reads it as a name's too.
        assert_eq!(read("It's for Cian O&#39;Shea"), "It's for Cian O’Shea");
        // Quoted with `"`, or a value closed before it, as before.
        assert_eq!(
            read(r#"{"last_name":"O&#039;Dowd"}"#),
            r#"{"last_name":"O'Dowd"}"#
        );
        assert_eq!(
            read("id='x' value=\"O&#039;Dowd\""),
            "id='x' value=\"O'Dowd\""
        );
        // Quotes on the line before are not counted.
        assert_eq!(read("it's\nO&#039;Dowd"), "it's\nO'Dowd");
    }

    #[test]
    fn json_escaped_letters_read_as_letters() {
        assert_eq!(read(r"Mi tel\u00e9fono es 612"), "Mi teléfono es 612");
        assert_eq!(read(r"Stra\u00dfe \u0130stanbul"), "Straße İstanbul");
        // Not letters, or not beyond ASCII: read as written.
        for s in [
            r"a\u0041b",
            r"x\u00a0y",
            r"bad \u00zz",
            r"emoji \ud83d\ude00",
            r"\u00e",
        ] {
            assert_eq!(read(s), s);
        }
        let text = r#"{"content":"Jos\u00e9 Garc\u00eda"}"#;
        let view = View::of(text.as_bytes()).unwrap();
        let at = memchr::memmem::find(&view.text, "José".as_bytes()).unwrap();
        let found = view.to_original(
            vec![Candidate::new(
                at,
                at + "José García".len(),
                Kind::Name,
                "t",
                Priority::Keyed,
            )],
            text.as_bytes(),
        );
        assert_eq!(
            &text[found[0].start..found[0].end],
            r"Jos\u00e9 Garc\u00eda"
        );
        assert_eq!(found[0].identity.as_deref(), Some("José García".as_bytes()));
    }

    #[test]
    fn plain_text_needs_no_view() {
        for s in [
            "password=hunter2",
            "C:\\Users\\ana",
            "café “quoted” — ok",
            "",
        ] {
            assert!(View::of(s.as_bytes()).is_none(), "{s}");
        }
    }

    #[test]
    fn what_hides_a_value_is_seen_through() {
        assert_eq!(
            read("\u{1b}[31mpassword=hunter2\u{1b}[0m"),
            "password=hunter2"
        );
        assert_eq!(read("\u{1b}]0;title\u{7}key=x"), "key=x");
        // A broken sequence never takes the line end with it.
        assert_eq!(read("a\u{1b}\nb\u{1b}[12\nc\u{1b}]x\nd"), "a\nb[12\nc]x\nd");
        assert_eq!(read("ana.lima\u{ff20}example.org"), "ana.lima@example.org");
        assert_eq!(read("ana@exam\u{200b}ple.org"), "ana@example.org");
        assert_eq!(read("４１１１\u{a0}1111"), "4111 1111");
        assert_eq!(read("ｓｋ＿ｌｉｖｅ＿"), "sk_live_");
    }

    #[test]
    fn findings_map_back_over_everything_that_spelled_them() {
        let text = "x \u{1b}[1mab\u{200b}c\u{1b}[0m y";
        let view = View::of(text.as_bytes()).unwrap();
        let s = view.text.iter().position(|&b| b == b'a').unwrap();
        let c = Candidate::new(s, s + 3, Kind::Password, "t", Priority::Keyed);
        let mapped = view.to_original(vec![c], text.as_bytes());
        let (start, end) = (mapped[0].start, mapped[0].end);
        assert_eq!(&text[start..end], "ab\u{200b}c");
        assert_eq!(mapped[0].identity.as_deref(), Some(&b"abc"[..]));
    }
}
