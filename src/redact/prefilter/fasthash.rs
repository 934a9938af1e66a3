//! A fast hash for maps looked up once per word of a text (learned values,
//! field names). The keys come from the text being redacted, but a crafted
//! collision costs a slower lookup, never a wrong one, so a hash built to
//! resist them buys nothing here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash, as rustc's FxHash, eight bytes at a time.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_in_length_or_tail_hash_apart() {
        let mut m: FastMap<Vec<u8>, u8> = FastMap::default();
        m.insert(b"password".to_vec(), 1);
        m.insert(b"password\0".to_vec(), 2);
        m.insert(b"passwore".to_vec(), 3);
        assert_eq!(m.get(b"password".as_slice()), Some(&1));
        assert_eq!(m.get(b"password\0".as_slice()), Some(&2));
        assert_eq!(m.get(b"passwore".as_slice()), Some(&3));
        assert_eq!(m.get(b"passwor".as_slice()), None);
    }
}
