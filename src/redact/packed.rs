//! Candidates as the learning pass keeps them for the redacting pass: a
//! fifth of the size of a [`Candidate`], so a bounded cache holds five
//! times the chunks. Identities sit back to back in one buffer; rule names
//! are kept once.

use std::io::{self, Read};

use super::Kind;
use super::scan::{Candidate, Priority};
use super::spill::{In, Out, invalid, kind_number, kind_of};

#[derive(Clone)]
pub(crate) struct Packed {
    items: Vec<Item>,
    identities: Vec<u8>,
    rules: Vec<&'static str>,
}

/// Twelve bytes: offsets within one chunk of a stream (a megabyte or so;
/// a text held whole is far under 4 GiB). Few candidates have an identity
/// of their own: those that do have it in `identities`, in the order of
/// the items, each after its length (see [`push_len`]).
#[derive(Clone)]
struct Item {
    start: u32,
    end: u32,
    rule: u16,
    kind: Kind,
    /// [`Priority`] in the low bits, then the flags.
    priority_and_flags: u8,
}

/// The priority's number (1 to 5) in the low bits.
const PRIORITY_MASK: u8 = 0b111;
const DELIMITED: u8 = 1 << 3;
const SEEN_THROUGH: u8 = 1 << 4;
const HAS_IDENTITY: u8 = 1 << 5;

impl Packed {
    pub fn pack(cands: Vec<Candidate>) -> Packed {
        let mut packed = Packed {
            items: Vec::with_capacity(cands.len()),
            identities: Vec::new(),
            rules: Vec::new(),
        };
        for c in cands {
            // Few rules speak in one chunk: a short list, searched by address.
            let rule = match packed.rules.iter().position(|r| std::ptr::eq(*r, c.rule)) {
                Some(i) => i,
                None => {
                    packed.rules.push(c.rule);
                    packed.rules.len() - 1
                }
            };
            let mut flags = c.priority as u8;
            if c.delimited {
                flags |= DELIMITED;
            }
            if c.seen_through {
                flags |= SEEN_THROUGH;
            }
            if let Some(bytes) = &c.identity {
                flags |= HAS_IDENTITY;
                push_len(&mut packed.identities, bytes.len());
                packed.identities.extend_from_slice(bytes);
            }
            packed.items.push(Item {
                start: offset(c.start),
                end: offset(c.end),
                rule: u16::try_from(rule).expect("fewer rules than u16::MAX"),
                kind: c.kind,
                priority_and_flags: flags,
            });
        }
        packed
    }

    pub fn unpack(self) -> Vec<Candidate> {
        let Packed {
            items,
            identities,
            rules,
        } = self;
        let mut identity_at = 0;
        items
            .into_iter()
            .map(|item| {
                let flags = item.priority_and_flags;
                let mut c = Candidate::new(
                    item.start as usize,
                    item.end as usize,
                    item.kind,
                    rules[usize::from(item.rule)],
                    Priority::ALL[usize::from(flags & PRIORITY_MASK) - 1],
                );
                c.delimited = flags & DELIMITED != 0;
                c.seen_through = flags & SEEN_THROUGH != 0;
                if flags & HAS_IDENTITY != 0 {
                    let len = read_len(&identities, &mut identity_at);
                    let to = identity_at + len;
                    c.identity = Some(identities[identity_at..to].to_vec());
                    identity_at = to;
                }
                c
            })
            .collect()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn heap_bytes(&self) -> usize {
        self.items.capacity() * std::mem::size_of::<Item>()
            + self.identities.capacity()
            + self.rules.capacity() * std::mem::size_of::<&str>()
    }
}

impl Packed {
    /// Writes the items as they are held; each rule as `rule_number` names it.
    pub fn write_to(&self, out: &mut Out, mut rule_number: impl FnMut(&'static str) -> u32) {
        out.usize(self.rules.len());
        for rule in &self.rules {
            out.u32(rule_number(rule));
        }
        out.usize(self.items.len());
        for item in &self.items {
            out.u32(item.start);
            out.u32(item.end);
            out.0.extend_from_slice(&item.rule.to_le_bytes());
            out.u8(kind_number(item.kind));
            out.u8(item.priority_and_flags);
        }
        out.bytes(&self.identities);
    }

    /// Reads back what [`Packed::write_to`] wrote for a chunk of
    /// `chunk_len` bytes; `rule_of` names each rule's number.
    pub fn read_from<R: Read>(
        input: &mut In<'_, R>,
        chunk_len: usize,
        rule_of: impl Fn(u32) -> Option<&'static str>,
    ) -> io::Result<Packed> {
        let rule_count = input.usize()?;
        let rules_bytes = input.exact(rule_count.saturating_mul(4))?;
        let rules = (rules_bytes.chunks_exact(4))
            .map(|n| rule_of(u32::from_le_bytes(n.try_into().expect("four bytes"))))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| invalid("an unknown rule"))?;
        let count = input.usize()?;
        let item_bytes = input.exact(count.saturating_mul(12))?;
        let mut items = Vec::with_capacity(count);
        let mut identities_wanted = 0usize;
        for b in item_bytes.chunks_exact(12) {
            let word =
                |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"));
            let item = Item {
                start: word(0),
                end: word(4),
                rule: u16::from_le_bytes([b[8], b[9]]),
                kind: kind_of(b[10])?,
                priority_and_flags: b[11],
            };
            let priority = usize::from(item.priority_and_flags & PRIORITY_MASK);
            if item.start > item.end
                || item.end as usize > chunk_len
                || usize::from(item.rule) >= rules.len()
                || !(1..=Priority::ALL.len()).contains(&priority)
            {
                return Err(invalid("a finding out of range"));
            }
            identities_wanted += usize::from(item.priority_and_flags & HAS_IDENTITY != 0);
            items.push(item);
        }
        let identities = input.bytes()?;
        // Every identity an item says it has is there, and nothing else.
        let mut at = 0;
        for _ in 0..identities_wanted {
            let len = try_read_len(&identities, &mut at).ok_or_else(|| invalid("identities"))?;
            at = at
                .checked_add(len)
                .filter(|&to| to <= identities.len())
                .ok_or_else(|| invalid("identities"))?;
        }
        if at != identities.len() {
            return Err(invalid("identities"));
        }
        Ok(Packed {
            items,
            identities,
            rules,
        })
    }
}

/// [`read_len`], or `None` where the bytes end before the length does.
fn try_read_len(buf: &[u8], at: &mut usize) -> Option<usize> {
    let mut len = 0usize;
    let mut shift = 0;
    loop {
        let byte = *buf.get(*at)?;
        *at += 1;
        len |= usize::from(byte & 0x7F).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(len);
        }
        shift += 7;
    }
}

/// A length in seven-bit groups, lowest first, each but the last with its
/// high bit set: one byte for an identity under 128 bytes, as most are.
fn push_len(buf: &mut Vec<u8>, mut len: usize) {
    while len >= 0x80 {
        buf.push(len as u8 | 0x80);
        len >>= 7;
    }
    buf.push(len as u8);
}

/// The length [`push_len`] wrote at `*at`; moves `*at` past it.
fn read_len(buf: &[u8], at: &mut usize) -> usize {
    try_read_len(buf, at).expect("a length written by `push_len`")
}

fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("a chunk is under 4 GiB")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacking_gives_back_what_was_packed() {
        let mut with_identity =
            Candidate::new(4, 9, Kind::Name, "name-in-prose", Priority::Heuristic);
        with_identity.identity = Some("José".as_bytes().to_vec());
        with_identity.seen_through = true;
        let mut delimited =
            Candidate::new(12, 40, Kind::Password, "field:password", Priority::Keyed);
        delimited.delimited = true;
        let plain = Candidate::new(50, 60, Kind::Email, "email", Priority::Structural);
        let empty_identity = {
            let mut c = Candidate::new(70, 71, Kind::Name, "name-in-prose", Priority::Heuristic);
            c.identity = Some(Vec::new());
            c
        };
        let long_identity = {
            let mut c = Candidate::new(80, 90, Kind::Password, "pem", Priority::Token);
            c.identity = Some(vec![b'k'; 20_000]);
            c
        };
        let cands = vec![
            with_identity,
            delimited,
            plain,
            empty_identity,
            long_identity,
        ];
        let packed = Packed::pack(cands.clone());
        assert_eq!(packed.len(), 5);
        assert_eq!(std::mem::size_of::<Item>(), 12);
        assert!(std::mem::size_of::<Item>() * 5 <= std::mem::size_of::<Candidate>());
        let back = packed.unpack();
        assert_eq!(format!("{back:?}"), format!("{cands:?}"));
    }
}
