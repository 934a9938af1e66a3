//! What the learning pass found in a chunk, written out and read back in
//! the same process: past its memory budget a caller keeps the rest in a
//! file rather than find it all again in the redacting pass.
//!
//! The layout is private to one run. Rule names are written as numbers
//! given out as they are first written ([`RULE_NUMBERS`]), so a name is
//! read back as the very `&'static str` it was. Whatever does not read
//! back whole and in range is an error, never a wrong span: the caller
//! then finds that chunk afresh.

use std::io::{self, Read, Write};
use std::sync::{Mutex, PoisonError};

use super::packed::Packed;
use super::{Kind, Scanned, StreamState};

/// Every rule name written so far; its number is its place here. Bounded
/// by the rules the program has.
static RULE_NUMBERS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn rule_number(names: &mut Vec<&'static str>, rule: &'static str) -> u32 {
    let at = match names.iter().position(|r| std::ptr::eq(*r, rule)) {
        Some(at) => at,
        None => {
            names.push(rule);
            names.len() - 1
        }
    };
    u32::try_from(at).expect("fewer rules than u32::MAX")
}

pub(super) fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("kept findings: {what}"))
}

/// Little-endian numbers and length-prefixed bytes, into a buffer written
/// in one call.
pub(super) struct Out(pub Vec<u8>);

impl Out {
    pub fn u8(&mut self, n: u8) {
        self.0.push(n);
    }

    pub fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    pub fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    pub fn usize(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.usize(b.len());
        self.0.extend_from_slice(b);
    }

    fn optional_bytes(&mut self, b: Option<&[u8]>) {
        match b {
            None => self.u8(0),
            Some(b) => {
                self.u8(1);
                self.bytes(b);
            }
        }
    }
}

/// Reads what [`Out`] wrote, each read checked.
pub(super) struct In<'r, R: Read>(pub &'r mut R);

impl<R: Read> In<'_, R> {
    pub fn array<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut a = [0; N];
        self.0.read_exact(&mut a)?;
        Ok(a)
    }

    pub fn u8(&mut self) -> io::Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u64(&mut self) -> io::Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn usize(&mut self) -> io::Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| invalid("a number out of range"))
    }

    /// `len` bytes, read in steps so a damaged length cannot ask for more
    /// memory than the file holds.
    pub fn exact(&mut self, len: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let read = self.0.take(len as u64).read_to_end(&mut out)?;
        if read != len {
            return Err(invalid("cut short"));
        }
        Ok(out)
    }

    pub fn bytes(&mut self) -> io::Result<Vec<u8>> {
        let len = self.usize()?;
        self.exact(len)
    }

    fn optional_bytes(&mut self) -> io::Result<Option<Vec<u8>>> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.bytes()?)),
            _ => Err(invalid("a flag out of range")),
        }
    }
}

pub(super) fn kind_number(kind: Kind) -> u8 {
    // `Kind::ALL` lists the kinds in the order they are declared.
    kind as u8
}

pub(super) fn kind_of(number: u8) -> io::Result<Kind> {
    Kind::ALL
        .get(usize::from(number))
        .copied()
        .ok_or_else(|| invalid("a kind out of range"))
}

impl Scanned {
    /// Writes this chunk's findings and the stream's state after it, in
    /// one call; gives the bytes written.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<usize> {
        let mut buf = Out(Vec::with_capacity(64 + self.cands.heap_bytes()));
        buf.usize(self.len);
        buf.u64(self.checksum);
        buf.u8(u8::from(self.as_written));
        let state = &self.carry_out;
        buf.optional_bytes(state.pem_open.as_deref());
        match state.provider {
            None => buf.u8(0),
            Some((kind, line)) => {
                buf.u8(1);
                buf.u8(kind_number(kind));
                buf.usize(line);
            }
        }
        buf.optional_bytes(state.table_header.as_deref());
        buf.usize(state.lines_before);
        {
            let mut names = RULE_NUMBERS.lock().unwrap_or_else(PoisonError::into_inner);
            self.cands
                .write_to(&mut buf, |rule| rule_number(&mut names, rule));
        }
        out.write_all(&buf.0)?;
        Ok(buf.0.len())
    }

    /// Reads back what [`Scanned::write_to`] wrote.
    pub fn read_from(input: &mut impl Read) -> io::Result<Scanned> {
        let mut r = In(input);
        let len = r.usize()?;
        let checksum = r.u64()?;
        let as_written = match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(invalid("a flag out of range")),
        };
        let pem_open = r.optional_bytes()?;
        let provider = match r.u8()? {
            0 => None,
            1 => Some((kind_of(r.u8()?)?, r.usize()?)),
            _ => return Err(invalid("a flag out of range")),
        };
        let table_header = r.optional_bytes()?;
        let lines_before = r.usize()?;
        let names = RULE_NUMBERS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let cands = Packed::read_from(&mut r, len, |n| {
            names.get(usize::try_from(n).ok()?).copied()
        })?;
        Ok(Scanned {
            len,
            checksum,
            cands,
            carry_out: StreamState {
                pem_open,
                provider,
                table_header,
                lines_before,
            },
            as_written,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::{Engine, Profile};

    fn scanned_of(text: &[u8]) -> Vec<Scanned> {
        let mut engine = Engine::new(Profile::Standard);
        let mut state = StreamState::default();
        text.split_inclusive(|&b| b == b'\n')
            .collect::<Vec<_>>()
            .chunks(3)
            .map(|lines| engine.learn_chunk(&lines.concat(), &mut state))
            .collect()
    }

    fn written(scanned: &Scanned) -> Vec<u8> {
        let mut out = Vec::new();
        scanned.write_to(&mut out).unwrap();
        out
    }

    #[test]
    fn what_is_read_back_is_what_was_written() {
        // Made up: a table going on past its chunk, a PEM block open at a
        // chunk's end, a provider named above its key, identities seen
        // through hidden bytes, and an empty chunk.
        let text = "email,first_name,phone\n\
                    ada@example.org,Ada,+44 7700 900123\n\
                    bo@example.net,Bo,+44 7700 900456\n\
                    OpenAI\n\
                    secret: sk_live_51Hq8Zt2eZvKYlo2C0a1b2c3d4e5f6g7h8i9j0kLmNoPqRs\n\
                    -----BEGIN RSA PRIVATE KEY-----\n\
                    MIIEowIBAAKCAQEAx3d9Xq2Z8m0lJ7aR4nT1cV6bW9yE2uH5kL0pQ3sF8gD1jN4o\n\
                    -----END RSA PRIVATE KEY-----\n\
                    pass\u{200b}word = hunter2-Zq9!x\n\
                    \n";
        let all = scanned_of(text.as_bytes());
        let states: Vec<&StreamState> = all.iter().map(|s| &s.carry_out).collect();
        assert!(states.iter().any(|s| s.table_header.is_some()));
        assert!(states.iter().any(|s| s.pem_open.is_some()));
        assert!(states.iter().any(|s| s.provider.is_some()));
        let cands: Vec<_> = all.iter().flat_map(|s| s.cands.clone().unpack()).collect();
        assert!(cands.iter().any(|c| c.identity.is_some()));
        let mut file = Vec::new();
        for s in &all {
            s.write_to(&mut file).unwrap();
        }
        let mut reading = &file[..];
        for s in &all {
            let back = Scanned::read_from(&mut reading).unwrap();
            assert_eq!(written(&back), written(s));
            assert_eq!(
                format!("{:?}", back.carry_out),
                format!("{:?}", s.carry_out)
            );
            let (before, after) = (s.cands.clone().unpack(), back.cands.unpack());
            assert_eq!(format!("{after:?}"), format!("{before:?}"));
        }
        assert!(reading.is_empty());
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_finding() {
        let all = scanned_of(b"mail me at ada@example.org or call +44 7700 900123\n");
        let whole = written(&all[0]);
        for cut in 0..whole.len() {
            assert!(
                Scanned::read_from(&mut &whole[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        // A span past the chunk's end.
        let mut longer = whole.clone();
        longer[0..8].copy_from_slice(&1u64.to_le_bytes());
        assert!(Scanned::read_from(&mut &longer[..]).is_err());
    }
}
