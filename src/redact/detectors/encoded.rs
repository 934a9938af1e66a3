//! Secrets written in an encoding that hides their shape: fully or partly
//! percent-encoded (`%73%6B%5F%6C%69%76%65…`, `sk%5Flive%5F…`), as hex
//! (`736b5f6c6976655f…`) or as base64 text (a Kubernetes secret's
//! `.dockerconfigjson: eyJhdXRocyI6…`, `echo c2tfbGl2ZV8… | base64 -d`).
//! Each such run is decoded and read again by the other detectors; when
//! they find something in it, the whole run goes.

use std::ops::Range;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD;

use crate::redact::byteclass::{base64_mask, for_each_run_in};

/// A run needs this many `%XX` escapes to be read as percent-encoded.
const MIN_ESCAPES: usize = 2;
/// Hex runs shorter than this decode to less than the shortest card (13 digits).
const MIN_HEX: usize = 26;
/// Longer runs are data, not a secret.
const MAX_RUN: usize = 4096;
/// Base64 runs shorter than this decode to fewer than 18 bytes: a key or
/// password alone, which its field's name finds, not a document.
const MIN_BASE64: usize = 24;

/// Runs of `text` that may be an encoded value, with what they decode to.
pub(crate) fn encoded_runs(text: &[u8]) -> Vec<(Range<usize>, Vec<u8>)> {
    let mut out = Vec::new();
    percent_runs(text, &mut out);
    hex_runs(text, &mut out);
    base64_runs(text, &mut out);
    out
}

fn url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'%' | b'.' | b'_' | b'~' | b'-' | b'+')
}

fn percent_runs(text: &[u8], out: &mut Vec<(Range<usize>, Vec<u8>)>) {
    let mut after = 0;
    for p in memchr::memchr_iter(b'%', text) {
        if p < after {
            continue;
        }
        let start = p - text[..p].iter().rev().take_while(|&&b| url_byte(b)).count();
        let end = p + text[p..].iter().take_while(|&&b| url_byte(b)).count();
        after = end;
        if end - start > MAX_RUN {
            continue;
        }
        let run = &text[start..end];
        let escapes = run
            .windows(3)
            .filter(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
            .count();
        if escapes < MIN_ESCAPES {
            continue;
        }
        if let Some(decoded) = percent_decode(run).filter(|d| printable(d)) {
            out.push((start..end, decoded));
        }
    }
}

fn percent_decode(run: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(run.len());
    let mut i = 0;
    while i < run.len() {
        if run[i] == b'%' {
            let hex = run.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(run[i]);
            i += 1;
        }
    }
    Some(out)
}

fn hex_runs(text: &[u8], out: &mut Vec<(Range<usize>, Vec<u8>)>) {
    // A run of MIN_HEX or more covers a multiple of MIN_HEX: only those
    // bytes are probed, and a run is walked out from a probe that hits one.
    let mut probe = MIN_HEX - 1;
    while probe < text.len() {
        if !text[probe].is_ascii_hexdigit() {
            probe += MIN_HEX;
            continue;
        }
        let mut start = probe;
        while start > 0 && text[start - 1].is_ascii_hexdigit() {
            start -= 1;
        }
        let mut i = probe + 1;
        while i < text.len() && text[i].is_ascii_hexdigit() {
            i += 1;
        }
        probe = i + MIN_HEX;
        let len = i - start;
        let alone = (start == 0 || !text[start - 1].is_ascii_alphanumeric())
            && text.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
        if alone && (MIN_HEX..=MAX_RUN).contains(&len) && len.is_multiple_of(2) {
            // Most hex is a hash or an id: its bytes are not text, which the
            // first few show.
            let decoded: Vec<u8> = text[start..i]
                .chunks_exact(2)
                .map_while(|pair| {
                    let b = (hex_value(pair[0]) << 4) | hex_value(pair[1]);
                    (0x20..0x7f).contains(&b).then_some(b)
                })
                .collect();
            if decoded.len() == len / 2 {
                out.push((start..i, decoded));
            }
        }
    }
}

/// Runs of base64 that decode to text. Most long runs are paths, ids or
/// random keys, whose first bytes decode to no text.
fn base64_runs(text: &[u8], out: &mut Vec<(Range<usize>, Vec<u8>)>) {
    for_each_run_in(text, MIN_BASE64, base64_mask, |start, i| {
        let len = i - start;
        if len > MAX_RUN {
            return;
        }
        let padding = text[i..].iter().take(2).take_while(|&&b| b == b'=').count();
        let end = i + padding;
        // A JWT's parts, an id's tail: base64 glued to more of a token.
        let glued = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'=');
        let alone =
            (start == 0 || !glued(&text[start - 1])) && text.get(end).is_none_or(|b| !glued(b));
        if !alone || !(len + padding).is_multiple_of(4) {
            return;
        }
        let run = &text[start..i];
        let opens_as_text = STANDARD_NO_PAD
            .decode(&run[..16])
            .is_ok_and(|head| text_like(&head));
        if opens_as_text
            && let Ok(decoded) = STANDARD_NO_PAD.decode(run)
            && text_like(&decoded)
        {
            out.push((start..end, decoded));
        }
    });
}

fn hex_value(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    }
}

fn printable(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| (0x20..0x7f).contains(&b))
}

/// [`printable`], or a line break or tab: base64 carries whole files.
fn text_like(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> String {
        s.bytes().map(|b| format!("{b:02x}")).collect()
    }

    fn percent(s: &str) -> String {
        s.bytes().map(|b| format!("%{b:02X}")).collect()
    }

    #[test]
    fn percent_and_hex_runs_decode_to_what_they_spell() {
        let key = "sk_live_51Hx9kQ2eZvKYlo2C7fWq8TbN3mR";
        for written in [
            percent(key),
            key.replace('_', "%5F"),
            hex(key),
            hex(key).to_uppercase(),
        ] {
            let text = format!("token {written} end");
            let runs = encoded_runs(text.as_bytes());
            assert_eq!(runs.len(), 1, "{written}");
            assert_eq!(runs[0].1, key.as_bytes(), "{written}");
            assert_eq!(&text[runs[0].0.clone()], written);
        }
    }

    #[test]
    fn base64_runs_that_decode_to_text() {
        use base64::engine::general_purpose::STANDARD;
        for plain in [
            r#"{"auths":{"registry.example.net":{"auth":"c2hpcDpLZWVsLVR3aW5lLTQ0"}}}"#,
            "DB_PASSWORD=Marram!Shoal62\nDB_HOST=db.internal\n",
            "sk_live_51Hx9kQ2eZvKYlo2C7fWq8TbN3mR",
        ] {
            let written = STANDARD.encode(plain);
            for text in [
                format!("  .dockerconfigjson: {written}\n"),
                format!("echo {written} | base64 -d"),
                format!("config.json: \"{written}\""),
            ] {
                let runs = encoded_runs(text.as_bytes());
                assert_eq!(runs.len(), 1, "{text}");
                assert_eq!(runs[0].1, plain.as_bytes(), "{text}");
                assert_eq!(&text[runs[0].0.clone()], written);
            }
        }
    }

    #[test]
    fn hashes_ids_and_ordinary_urls_are_not_runs() {
        for text in [
            "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "GET /search?q=caf%C3%A9 HTTP/1.1",
            "uuid 123e4567-e89b-12d3-a456-426614174000",
            "a%20b",
            // Random bytes in base64, a path, a JWT's part.
            "key AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA",
            "/var/www/html/wordpress/wp/content/uploads/x",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.sig",
        ] {
            assert!(encoded_runs(text.as_bytes()).is_empty(), "{text}");
        }
    }
}
