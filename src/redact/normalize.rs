//! What the detectors read when the bytes hide what a person sees: terminal
//! colour codes between a key and its value, zero-width characters inside a
//! domain, full-width letters and digits (`ａｎａ＠example.org`, `４１１１`),
//! no-break spaces in a card number.
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
    /// Original start of the source of each view byte.
    starts: Vec<u32>,
    /// Original end of the source of each view byte.
    ends: Vec<u32>,
}

/// The next byte at or after `from` that may open something the view
/// changes: ESC, or the lead byte of U+00A0, U+00AD, U+2000–U+206F, U+3000
/// or U+FE00–U+FFEF. Two vector searches: most text holds none of them.
fn next_may_change(text: &[u8], from: usize) -> Option<usize> {
    let rest = &text[from..];
    let a = memchr::memchr3(0x1b, 0xc2, 0xe2, rest);
    let b = memchr::memchr2(0xe3, 0xef, rest);
    let at = match (a, b) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(from + at)
}

impl View {
    /// The view of `text`, or `None` when it reads as it is written (the
    /// common case, decided by one pass over the bytes).
    pub fn of(text: &[u8]) -> Option<View> {
        let first = first_change(text)?;
        let mut view = View {
            text: Vec::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len()),
        };
        view.copy(text, 0, first);
        let mut i = first;
        while i < text.len() {
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
            }
        }
        Some(view)
    }

    fn copy(&mut self, text: &[u8], from: usize, to: usize) {
        self.text.extend_from_slice(&text[from..to]);
        self.starts.extend((from..to).map(|p| p as u32));
        self.ends.extend((from..to).map(|p| p as u32 + 1));
    }

    fn push(&mut self, b: u8, start: usize, end: usize) {
        self.text.push(b);
        self.starts.push(start as u32);
        self.ends.push(end as u32);
    }

    /// Original span of the view span `start..end`.
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self
                .starts
                .get(start)
                .map_or_else(|| self.ends.last().copied().unwrap_or(0), |&s| s);
            return (at as usize, at as usize);
        }
        (self.starts[start] as usize, self.ends[end - 1] as usize)
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
fn first_change(text: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < text.len() {
        let at = next_may_change(text, i)?;
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
}

fn unit_at(text: &[u8], i: usize) -> Unit {
    match text[i] {
        0x1b => Unit::Drop(escape_len(&text[i..])),
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
