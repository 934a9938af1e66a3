//! A key written into the call that signs or checks with it: JWT libraries
//! (`jwt.sign(payload, '…')`, `JWT::encode($p, '…', 'HS256')`,
//! `Algorithm.HMAC256("…")`, `token.SignedString([]byte("…"))`) and HMAC
//! functions (`crypto.createHmac('sha256', '…')`, `hash_hmac('sha256',
//! $data, '…')`, `hmac.new(b"…", …)`). Whatever it looks like, the literal
//! in the key's place is the secret every token is signed with.

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::pairs::closing_quote;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::{is_non_value, is_template};

/// A call that takes a key: the name it ends with (matched in any case
/// unless `exact`), the receivers it needs before a dot (none: any or
/// none), and which argument is the key (from 0).
struct Signer {
    name: &'static [u8],
    receivers: &'static [&'static [u8]],
    exact: bool,
    key_arg: usize,
}

const JWT_RECEIVERS: &[&[u8]] = &[b"jwt", b"jsonwebtoken", b"jsonwt", b"jws"];

const fn signer(
    name: &'static [u8],
    receivers: &'static [&'static [u8]],
    key_arg: usize,
) -> Signer {
    Signer {
        name,
        receivers,
        exact: false,
        key_arg,
    }
}

const SIGNERS: &[Signer] = &[
    signer(b"sign(", JWT_RECEIVERS, 1),
    signer(b"verify(", JWT_RECEIVERS, 1),
    signer(b"encode(", JWT_RECEIVERS, 1),
    signer(b"decode(", JWT_RECEIVERS, 1),
    signer(b"createhmac(", &[], 1),
    signer(b"hash_hmac(", &[], 2),
    // Python's `hmac.new(key, …)`; Go's `hmac.New(hash, key)`.
    Signer {
        name: b"hmac.new(",
        receivers: &[],
        exact: true,
        key_arg: 0,
    },
    Signer {
        name: b"hmac.New(",
        receivers: &[],
        exact: true,
        key_arg: 1,
    },
    signer(b"hmac.hexdigest(", &[], 1),
    signer(b"hmac.digest(", &[], 1),
    signer(b"hmac256(", &[b"algorithm"], 0),
    signer(b"hmac384(", &[b"algorithm"], 0),
    signer(b"hmac512(", &[b"algorithm"], 0),
    signer(b"signedstring(", &[], 0),
    signer(b"symmetricsecuritykey(", &[], 0),
    signer(b"secretkeyspec(", &[], 0),
    signer(b"hmacshakeyfor(", &[], 0),
    signer(b"askey(", &[], 0),
];

/// The words a line needs for any of [`SIGNERS`], as gate words.
pub(crate) const GATE_WORDS: &[&str] = &[
    "jwt",
    "jsonwebtoken",
    "jsonwt",
    "jws",
    "hmac",
    "signedstring",
    "signwith",
    "symmetricsecuritykey",
    "secretkeyspec",
    "askey",
];

/// `lines`: those holding a gate word.
pub(crate) fn detect(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        let lower = text[line.clone()].to_ascii_lowercase();
        for s in SIGNERS {
            let hay: &[u8] = if s.exact { &text[line.clone()] } else { &lower };
            for at in memchr::memmem::find_iter(hay, s.name) {
                if !named_by_receiver(&lower, at, s) {
                    continue;
                }
                let args = line.start + at + s.name.len();
                if let Some(key) = argument(text, args, line.end, s.key_arg) {
                    push(text, key, out);
                }
            }
        }
        // `signWith(SignatureAlgorithm.HS256, "…")`: a literal in any place.
        for at in memchr::memmem::find_iter(&lower, b"signwith(") {
            let args = line.start + at + b"signwith(".len();
            for n in 0..3 {
                if let Some(key) = argument(text, args, line.end, n) {
                    push(text, key, out);
                }
            }
        }
    }
}

fn push(text: &[u8], key: Range<usize>, out: &mut Vec<Candidate>) {
    let v = &text[key.clone()];
    // A short word (`secret`, `shhhhh`) would be learnt and taken out of
    // every sentence that says it; such a key is no secret kept anyway.
    let weak_word = v.len() < 8 && v.iter().all(u8::is_ascii_alphabetic);
    if v.len() < 4 || weak_word || is_non_value(v) || is_template(v) {
        return;
    }
    out.push(Candidate::new(
        key.start,
        key.end,
        Kind::Secret,
        "signing-key",
        Priority::Structural,
    ));
}

/// Whether the call at `at` of the lowercased line is of the receiver the
/// signer needs: the name before its dot (`jwt.sign(`, `JWT::encode(`).
fn named_by_receiver(lower: &[u8], at: usize, s: &Signer) -> bool {
    if s.receivers.is_empty() {
        // A name of its own or a path's last part (`crypto.createHmac(`),
        // not the end of another name (`xcreatehmac(`).
        return at == 0 || !(lower[at - 1].is_ascii_alphanumeric() || lower[at - 1] == b'_');
    }
    let before = lower[..at]
        .strip_suffix(b".")
        .or_else(|| lower[..at].strip_suffix(b"::"));
    before.is_some_and(|b| {
        s.receivers.iter().any(|r| {
            b.ends_with(r)
                && (b.len() == r.len() || !b[b.len() - r.len() - 1].is_ascii_alphanumeric())
        })
    })
}

/// The string literal that argument `n` of the call whose arguments open
/// at `from` is, alone or in a conversion to bytes (`[]byte("…")`,
/// `b"…"`, `Encoding.UTF8.GetBytes("…")`, `"…".getBytes()`).
fn argument(text: &[u8], from: usize, line_end: usize, n: usize) -> Option<Range<usize>> {
    let mut depth = 0usize;
    let mut index = 0usize;
    let mut start = from;
    let mut i = from;
    while i < line_end {
        match text[i] {
            b'"' | b'\'' | b'`' => {
                i = closing_quote(text, i + 1, line_end, text[i])?;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                return (index == n).then(|| literal_in(text, start..i)).flatten();
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                if index == n {
                    return literal_in(text, start..i);
                }
                index += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Wrappers that turn a literal into bytes, lowercase, as written before it.
const BEFORE_LITERAL: &[&[u8]] = &[
    b"[]byte(",
    b"encoding.utf8.getbytes(",
    b"encoding.ascii.getbytes(",
    b"encoding.default.getbytes(",
    b"buffer.from(",
    b"bytes(",
    b"b",
    b"r",
    b"u",
    b"rb",
    b"br",
];

/// ... and after it.
const AFTER_LITERAL: &[&[u8]] = &[
    b")",
    b".getbytes()",
    b".getbytes(standardcharsets.utf_8)",
    b".getbytes(\"utf-8\")",
    b".encode()",
    b".encode(\"utf-8\")",
    b".encode('utf-8')",
    b".as_bytes()",
];

/// The text inside the one literal `arg` is, past the wrappers above.
fn literal_in(text: &[u8], arg: Range<usize>) -> Option<Range<usize>> {
    let a = crate::redact::values::trimmed(text, arg);
    let open = a.start
        + text[a.clone()]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b'`'))?;
    let before = text[a.start..open].to_ascii_lowercase();
    if !before.is_empty() && !BEFORE_LITERAL.contains(&before.as_slice()) {
        return None;
    }
    let close = closing_quote(text, open + 1, a.end, text[open])?;
    let mut rest = text[close + 1..a.end].to_ascii_lowercase();
    while !rest.is_empty() {
        let trimmed = rest.trim_ascii_start().to_vec();
        let w = AFTER_LITERAL.iter().find(|w| trimmed.starts_with(w))?;
        rest = trimmed[w.len()..].to_vec();
    }
    Some(open + 1..close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
        detect(text.as_bytes(), &whole, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn every_signer_is_reached_through_a_gate_word() {
        // The gate and the table are two lists: a call no gate word reaches
        // would never be read.
        for s in SIGNERS {
            let name = s.name.to_ascii_lowercase();
            let reached = GATE_WORDS.iter().any(|w| {
                let w = w.as_bytes();
                memchr::memmem::find(&name, w).is_some()
                    || s.receivers
                        .iter()
                        .any(|r| memchr::memmem::find(r, w).is_some())
            });
            assert!(reached, "{}", String::from_utf8_lossy(s.name));
        }
    }

    #[test]
    fn the_key_in_its_place_in_each_library() {
        for (line, key) in [
            (
                "jwt.sign({ id: u.id }, 'Kestrel-Moor-8812', { expiresIn: '1h' })",
                "Kestrel-Moor-8812",
            ),
            (
                "jsonwebtoken.verify(req.token, \"Kestrel-Moor-9\")",
                "Kestrel-Moor-9",
            ),
            (
                "crypto.createHmac('sha256', 'pa4qacea4VK9t9nG').update(b)",
                "pa4qacea4VK9t9nG",
            ),
            (
                "jwt.encode({\"a\": 1}, \"Marten#Glen55\", algorithm=\"HS256\")",
                "Marten#Glen55",
            ),
            (
                "hmac.new(b\"Vole!Brook31\", msg, hashlib.sha256)",
                "Vole!Brook31",
            ),
            (
                "s, err := t.SignedString([]byte(\"Ferret_Dune_907\"))",
                "Ferret_Dune_907",
            ),
            (
                "mac := hmac.New(sha256.New, []byte(\"Ferret_Dune_908\"))",
                "Ferret_Dune_908",
            ),
            (
                "JWT.create().sign(Algorithm.HMAC256(\"Plover!Reed44\"));",
                "Plover!Reed44",
            ),
            (
                "Jwts.builder().signWith(SignatureAlgorithm.HS512, \"Plover!Reed45\")",
                "Plover!Reed45",
            ),
            (
                "$jwt = JWT::encode($payload, 'Grebe!Tarn66', 'HS256');",
                "Grebe!Tarn66",
            ),
            (
                "$sig = hash_hmac('sha256', $data, 'Grebe!Tarn67');",
                "Grebe!Tarn67",
            ),
            (
                "new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"Bittern!Heath3\"))",
                "Bittern!Heath3",
            ),
            (
                "new SecretKeySpec(\"Bittern!Heath4\".getBytes(), \"HmacSHA256\")",
                "Bittern!Heath4",
            ),
        ] {
            assert_eq!(keys(line), [key], "{line}");
        }
    }

    #[test]
    fn keys_from_elsewhere_and_other_arguments_are_left() {
        for line in [
            // A variable, an environment lookup, a call: no literal.
            "jwt.sign(payload, process.env.JWT_SECRET)",
            "jwt.sign(payload, secret, { algorithm: 'HS256' })",
            "crypto.createHmac('sha256', getKey()).update(b)",
            // The payload and the algorithm are no keys.
            "jwt.decode(\"eyJhbGciOiJIUzI1NiJ9\")",
            "hash_hmac('sha256', 'Lorem ipsum data')",
            // Another object's `sign`; a short word.
            "doc.sign(payload, 'Kestrel-Moor-8812')",
            "jwt.sign(payload, 'secret')",
            "jwt.sign(payload, '${JWT_SECRET}')",
        ] {
            assert!(keys(line).is_empty(), "{line}: {:?}", keys(line));
        }
    }
}
