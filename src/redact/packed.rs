//! Candidates as the learning pass keeps them for the redacting pass: half
//! the size of a [`Candidate`], so a bounded cache holds twice the chunks.
//! Identities sit back to back in one buffer; rule names are kept once.

use super::Kind;
use super::scan::{Candidate, Priority};

pub(crate) struct Packed {
    items: Vec<Item>,
    identities: Vec<u8>,
    rules: Vec<&'static str>,
}

struct Item {
    start: usize,
    end: usize,
    /// Where the identity sits in `identities`, if the candidate has one.
    identity: (u32, u32),
    rule: u16,
    kind: Kind,
    priority: Priority,
    flags: u8,
}

const DELIMITED: u8 = 1;
const SEEN_THROUGH: u8 = 2;
const HAS_IDENTITY: u8 = 4;

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
            let mut flags = 0;
            if c.delimited {
                flags |= DELIMITED;
            }
            if c.seen_through {
                flags |= SEEN_THROUGH;
            }
            let mut identity = (0, 0);
            if let Some(bytes) = &c.identity {
                flags |= HAS_IDENTITY;
                let from = packed.identities.len();
                packed.identities.extend_from_slice(bytes);
                identity = (offset(from), offset(packed.identities.len()));
            }
            packed.items.push(Item {
                start: c.start,
                end: c.end,
                identity,
                rule: u16::try_from(rule).expect("fewer rules than u16::MAX"),
                kind: c.kind,
                priority: c.priority,
                flags,
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
        items
            .into_iter()
            .map(|item| {
                let mut c = Candidate::new(
                    item.start,
                    item.end,
                    item.kind,
                    rules[usize::from(item.rule)],
                    item.priority,
                );
                c.delimited = item.flags & DELIMITED != 0;
                c.seen_through = item.flags & SEEN_THROUGH != 0;
                if item.flags & HAS_IDENTITY != 0 {
                    let (from, to) = item.identity;
                    c.identity = Some(identities[from as usize..to as usize].to_vec());
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
    // Identities are read from one chunk of a stream, megabytes at most.
    u32::try_from(at).expect("a chunk's identities fit in 4 GiB")
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
        assert!(std::mem::size_of::<Item>() * 2 <= std::mem::size_of::<Candidate>());
        let back = packed.unpack();
        assert_eq!(format!("{back:?}"), format!("{cands:?}"));
    }
}
