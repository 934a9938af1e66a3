//! Candidates as the learning pass keeps them for the redacting pass: a
//! quarter of the size of a [`Candidate`], so a bounded cache holds four
//! times the chunks. Identities sit back to back in one buffer; rule names are
//! kept once.

use super::Kind;
use super::scan::{Candidate, Priority};

pub(crate) struct Packed {
    items: Vec<Item>,
    identities: Vec<u8>,
    rules: Vec<&'static str>,
}

/// Sixteen bytes: offsets within one chunk of a stream (a megabyte or so;
/// a text held whole is far under 4 GiB).
struct Item {
    start: u32,
    end: u32,
    /// The identity's length, if the candidate has one: identities follow
    /// each other in `identities` in the order of the items holding them.
    identity_len: u32,
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
            let mut identity_len = 0;
            if let Some(bytes) = &c.identity {
                flags |= HAS_IDENTITY;
                packed.identities.extend_from_slice(bytes);
                identity_len = offset(bytes.len());
            }
            packed.items.push(Item {
                start: offset(c.start),
                end: offset(c.end),
                identity_len,
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
                    let to = identity_at + item.identity_len as usize;
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
        let cands = vec![with_identity, delimited, plain, empty_identity];
        let packed = Packed::pack(cands.clone());
        assert_eq!(packed.len(), 4);
        assert_eq!(std::mem::size_of::<Item>(), 16);
        assert!(std::mem::size_of::<Item>() * 4 <= std::mem::size_of::<Candidate>());
        let back = packed.unpack();
        assert_eq!(format!("{back:?}"), format!("{cands:?}"));
    }
}
