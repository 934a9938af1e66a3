//! Evidence in UTF-16 or UTF-32 (Windows tools, PowerShell redirects, some
//! exports) read as the text it is. Redacting its bytes as UTF-8 would see
//! `p␀a␀s␀s␀w␀o␀r␀d␀` and find nothing, so the encoding is detected — by its
//! byte order mark, else by NULs at every second or fourth byte — and the
//! text is transcoded to UTF-8 before anything looks at it.

use std::borrow::Cow;
use std::io::{self, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
        }
    }

    fn unit(self) -> usize {
        match self {
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf32Le | Encoding::Utf32Be => 4,
        }
    }
}

/// How many bytes are looked at to tell the encoding.
const SNIFF: usize = 4096;

/// The encoding of text that starts with `head`, and the length of its byte
/// order mark; `None` for UTF-8 (or anything else, read as it is).
pub fn sniff(head: &[u8]) -> Option<(Encoding, usize)> {
    // UTF-32LE's mark begins with UTF-16LE's: test it first.
    for (bom, enc) in [
        (&b"\xff\xfe\x00\x00"[..], Encoding::Utf32Le),
        (b"\x00\x00\xfe\xff", Encoding::Utf32Be),
        (b"\xff\xfe", Encoding::Utf16Le),
        (b"\xfe\xff", Encoding::Utf16Be),
    ] {
        if head.starts_with(bom) {
            return Some((enc, bom.len()));
        }
    }
    let sample = &head[..head.len().min(SNIFF)];
    if sample.len() < 8 {
        return None;
    }
    // Share of NULs at each position modulo 4.
    let mut zeros = [0usize; 4];
    let mut totals = [0usize; 4];
    for (i, &b) in sample.iter().enumerate() {
        totals[i % 4] += 1;
        zeros[i % 4] += usize::from(b == 0);
    }
    let share = |k: usize| zeros[k] as f64 / totals[k].max(1) as f64;
    let (s0, s1, s2, s3) = (share(0), share(1), share(2), share(3));
    let mostly = |s: f64| s >= 0.9;
    let seldom = |s: f64| s <= 0.1;
    if seldom(s0) && mostly(s1) && mostly(s2) && mostly(s3) {
        return Some((Encoding::Utf32Le, 0));
    }
    if mostly(s0) && mostly(s1) && mostly(s2) && seldom(s3) {
        return Some((Encoding::Utf32Be, 0));
    }
    // Text mostly in one script of the first 256 code points: half the bytes NUL.
    let (even, odd) = ((s0 + s2) / 2.0, (s1 + s3) / 2.0);
    if odd >= 0.4 && even <= 0.05 {
        return Some((Encoding::Utf16Le, 0));
    }
    if even >= 0.4 && odd <= 0.05 {
        return Some((Encoding::Utf16Be, 0));
    }
    None
}

/// `bytes` as UTF-8, and the encoding it was decoded from, if it was not UTF-8.
pub fn to_utf8(bytes: &[u8]) -> (Cow<'_, [u8]>, Option<Encoding>) {
    let Some((enc, bom)) = sniff(bytes) else {
        return (Cow::Borrowed(bytes), None);
    };
    let mut out = Vec::with_capacity(bytes.len());
    let used = transcode(enc, &bytes[bom..], &mut out);
    if used < bytes.len() - bom {
        out.extend_from_slice("\u{fffd}".as_bytes());
    }
    (Cow::Owned(out), Some(enc))
}

/// Evidence as the text it holds: decoded when it is UTF-16 or UTF-32,
/// invalid UTF-8 shown as U+FFFD. With the encoding it was decoded from.
pub fn evidence_text(bytes: &[u8]) -> (String, Option<Encoding>) {
    let (utf8, from) = to_utf8(bytes);
    (String::from_utf8_lossy(&utf8).into_owned(), from)
}

/// Appends the UTF-8 of the whole units of `bytes`; returns how many bytes
/// were used (a unit or surrogate pair cut at the end waits for more).
fn transcode(enc: Encoding, bytes: &[u8], out: &mut Vec<u8>) -> usize {
    let whole = bytes.len() - bytes.len() % enc.unit();
    let mut buf = [0u8; 4];
    match enc {
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let unit = |c: &[u8]| {
                if enc == Encoding::Utf16Le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            };
            let mut used = whole;
            // A high surrogate last: its pair is in the next block.
            if whole >= 2 && (0xd800..0xdc00).contains(&unit(&bytes[whole - 2..whole])) {
                used -= 2;
            }
            let units = bytes[..used].chunks_exact(2).map(unit);
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            used
        }
        Encoding::Utf32Le | Encoding::Utf32Be => {
            for c in bytes[..whole].chunks_exact(4) {
                let v = if enc == Encoding::Utf32Le {
                    u32::from_le_bytes([c[0], c[1], c[2], c[3]])
                } else {
                    u32::from_be_bytes([c[0], c[1], c[2], c[3]])
                };
                let c = char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER);
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            whole
        }
    }
}

/// A reader that yields UTF-8 whatever the source's encoding, deciding it
/// from the first `SNIFF` bytes.
pub struct Decoding<R> {
    inner: R,
    /// `None` until the first bytes are seen; then the source's encoding,
    /// with `Some(None)` for UTF-8 (passed through).
    encoding: Option<Option<Encoding>>,
    pending: Vec<u8>,
    out: Vec<u8>,
    out_pos: usize,
    eof: bool,
}

impl<R: Read> Decoding<R> {
    pub fn new(inner: R) -> Self {
        Decoding {
            inner,
            encoding: None,
            pending: Vec::new(),
            out: Vec::new(),
            out_pos: 0,
            eof: false,
        }
    }

    /// What the source was decoded from, once reading began.
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding.flatten()
    }

    fn fill(&mut self) -> io::Result<()> {
        let mut block = [0u8; 64 * 1024];
        // Enough bytes to tell the encoding, unless the source ends first.
        while !self.eof && (self.encoding.is_some() || self.pending.len() < SNIFF) {
            let n = match self.inner.read(&mut block) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                self.eof = true;
            }
            self.pending.extend_from_slice(&block[..n]);
            if self.encoding.is_some() {
                break;
            }
        }
        if self.encoding.is_none() {
            let found = sniff(&self.pending);
            if let Some((_, bom)) = found {
                self.pending.drain(..bom);
            }
            self.encoding = Some(found.map(|(e, _)| e));
        }
        self.out.clear();
        self.out_pos = 0;
        match self.encoding.flatten() {
            None => std::mem::swap(&mut self.out, &mut self.pending),
            Some(enc) => {
                let used = transcode(enc, &self.pending, &mut self.out);
                self.pending.drain(..used);
                if self.eof && !self.pending.is_empty() {
                    self.pending.clear();
                    self.out.extend_from_slice("\u{fffd}".as_bytes());
                }
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let drained = self.out_pos == self.out.len() && self.pending.is_empty();
        if drained && self.encoding == Some(None) && !self.eof {
            // UTF-8 passes through: past the sniffed bytes, the source is
            // read straight into the caller's buffer.
            return self.inner.read(buf);
        }
        while self.out_pos == self.out.len() {
            if self.eof && self.pending.is_empty() {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "password=hunter2 — ana.lima@example.org 🙂\nline two\n";

    fn encoded(enc: Encoding, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        match enc {
            Encoding::Utf16Le | Encoding::Utf16Be => {
                if bom {
                    out.extend(if enc == Encoding::Utf16Le {
                        [0xff, 0xfe]
                    } else {
                        [0xfe, 0xff]
                    });
                }
                for u in TEXT.encode_utf16() {
                    out.extend(if enc == Encoding::Utf16Le {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    });
                }
            }
            Encoding::Utf32Le | Encoding::Utf32Be => {
                if bom {
                    out.extend(if enc == Encoding::Utf32Le {
                        [0xff, 0xfe, 0, 0]
                    } else {
                        [0, 0, 0xfe, 0xff]
                    });
                }
                for c in TEXT.chars() {
                    let v = c as u32;
                    out.extend(if enc == Encoding::Utf32Le {
                        v.to_le_bytes()
                    } else {
                        v.to_be_bytes()
                    });
                }
            }
        }
        out
    }

    /// Reads in tiny pieces, as a pipe may deliver them.
    struct Trickle<'a>(&'a [u8], usize);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.1).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn every_encoding_with_or_without_its_mark_reads_as_the_text() {
        for enc in [
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Utf32Le,
            Encoding::Utf32Be,
        ] {
            for bom in [true, false] {
                let bytes = encoded(enc, bom);
                let (text, found) = to_utf8(&bytes);
                assert_eq!(found, Some(enc), "{enc:?} bom {bom}");
                assert_eq!(std::str::from_utf8(&text).unwrap(), TEXT);
                for piece in [1, 3, 7, 4096] {
                    let mut r = Decoding::new(Trickle(&bytes, piece));
                    let mut out = String::new();
                    r.read_to_string(&mut out).unwrap();
                    assert_eq!(out, TEXT, "{enc:?} bom {bom} in pieces of {piece}");
                    assert_eq!(r.encoding(), Some(enc));
                }
            }
        }
    }

    #[test]
    fn utf8_and_binary_pass_through_unchanged() {
        for bytes in [
            TEXT.as_bytes(),
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00",
            b"short",
        ] {
            let (text, found) = to_utf8(bytes);
            assert_eq!(found, None);
            assert_eq!(&*text, bytes);
            let mut out = Vec::new();
            Decoding::new(bytes).read_to_end(&mut out).unwrap();
            assert_eq!(out, bytes);
        }
    }
}
