//! Names in mail headers written as MIME encoded words (RFC 2047), as mail
//! software writes a display name that is not ASCII:
//! `=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@example.de>`,
//! `=?utf-8?B?SsO8cmdlbiBNw7xsbGVy?=`. Read, a person's name is a name, and
//! is learned as read, so the same name in the mail's body goes too.

use crate::redact::Kind;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::validate::base64_decode;
use crate::redact::values::looks_person_name;

/// Longest encoded word read (the standard allows 75 bytes).
const WORD_MAX: usize = 200;

/// Every run of encoded words in `text` that reads as a person's name.
pub(crate) fn names(text: &[u8], out: &mut Vec<Candidate>) {
    let mut after = 0;
    for open in memchr::memmem::find_iter(text, b"=?") {
        if open < after {
            continue;
        }
        let Some((end, read)) = read_run(text, open) else {
            continue;
        };
        after = end;
        if looks_person_name(read.trim().as_bytes()) {
            let mut c = Candidate::new(
                open,
                end,
                Kind::Name,
                "mime-encoded-name",
                Priority::Heuristic,
            );
            c.identity = Some(read.trim().as_bytes().to_vec());
            c.seen_through = true;
            out.push(c);
        }
    }
}

/// Encoded words from `open` on, with only blanks between them (which
/// the standard says to drop): where they end, and what they say.
fn read_run(text: &[u8], open: usize) -> Option<(usize, String)> {
    let (mut end, mut read) = read_word(text, open)?;
    loop {
        let next = end
            + text[end..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
        match (next > end).then(|| read_word(text, next)).flatten() {
            Some((word_end, more)) => {
                read.push_str(&more);
                end = word_end;
            }
            None => return Some((end, read)),
        }
    }
}

/// One encoded word at `open`: `=?charset?Q?text?=` or `=?charset?B?text?=`.
fn read_word(text: &[u8], open: usize) -> Option<(usize, String)> {
    let rest = text.get(open + 2..)?;
    let rest = &rest[..rest.len().min(WORD_MAX)];
    let charset_len = rest.iter().position(|&b| b == b'?')?;
    let charset = &rest[..charset_len];
    if charset.is_empty()
        || !charset
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'*'))
    {
        return None;
    }
    let encoding = *rest.get(charset_len + 1)?;
    if rest.get(charset_len + 2) != Some(&b'?') {
        return None;
    }
    let body_start = charset_len + 3;
    let body_len = memchr::memmem::find(&rest[body_start..], b"?=")?;
    let body = &rest[body_start..body_start + body_len];
    if body.iter().any(|b| b.is_ascii_whitespace() || *b == b'?') {
        return None;
    }
    let bytes = match encoding.to_ascii_uppercase() {
        b'Q' => quoted_printable(body)?,
        b'B' => base64_decode(body)?,
        _ => return None,
    };
    let read = in_charset(&charset.to_ascii_lowercase(), bytes)?;
    Some((open + 2 + body_start + body_len + 2, read))
}

/// Q encoding: `_` is a blank, `=C3` a byte.
fn quoted_printable(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = std::str::from_utf8(body.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

/// The text of `bytes` in the charset the word names: UTF-8, or one of
/// the Latin ones, read byte by byte.
fn in_charset(charset: &[u8], bytes: Vec<u8>) -> Option<String> {
    let latin = charset.starts_with(b"iso-8859-")
        || charset.starts_with(b"windows-125")
        || charset == b"latin1";
    if latin {
        return Some(bytes.into_iter().map(char::from).collect());
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use crate::redact::redacted;

    #[test]
    fn a_name_in_encoded_words_is_redacted_and_learned() {
        for (header, name) in [
            (
                "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@mail.example>",
                "Jürgen",
            ),
            (
                "To: =?utf-8?B?SsO8cmdlbiBNw7xsbGVy?= <jm@mail.example>",
                "Jürgen",
            ),
            (
                "Cc: =?ISO-8859-1?Q?J=FCrgen?= =?ISO-8859-1?Q?_M=FCller?= <jm@mail.example>",
                "Jürgen",
            ),
        ] {
            let text = format!("{header}\n\nHallo {name}, danke.\n");
            let out = redacted(&text);
            assert!(!out.contains("=?"), "{out}");
            assert!(!out.contains(name), "{out}");
        }
        // A subject in encoded words says no name.
        let subject = "Subject: =?UTF-8?Q?Ihre_Bestellung_ist_unterwegs?=";
        assert_eq!(redacted(subject), subject);
    }
}
