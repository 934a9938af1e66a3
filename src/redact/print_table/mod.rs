//! A map from 64-bit fingerprints to 32-bit values that stays small with
//! millions of entries. New keys go to a probed hash table; once it holds a
//! sixteenth of all keys (and at least [`SPILL_MIN`]), its entries are spilled
//! into sorted shards, which hold a key in ten bytes with no empty places.
//! A table that never grows past [`SPILL_MIN`] is the hash table alone, so
//! the common case answers in one probe.

mod probed;
mod sorted;

use probed::Probed;
use sorted::Sorted;

/// Keys held in the hash table before any spill: about 1.3 MB of it.
const SPILL_MIN: usize = 1 << 16;

#[derive(Default)]
pub(crate) struct PrintTable {
    recent: Probed,
    spilled: Sorted,
}

/// The key as stored: a fingerprint of 0 is kept as 1 (one chance in 2^63),
/// since the hash table marks an empty place with 0.
fn stored(key: u64) -> u64 {
    key.max(1)
}

impl PrintTable {
    pub fn len(&self) -> usize {
        self.recent.len() + self.spilled.len()
    }

    pub fn get(&self, key: u64) -> Option<u32> {
        let key = stored(key);
        self.recent.get(key).or_else(|| self.spilled.get(key))
    }

    /// Asks the processor to fetch the memory a lookup of `key` reads
    /// first, so a batch of lookups waits on memory once, not once each.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        let key = stored(key);
        self.recent.prefetch(key);
        if self.spilled.len() > 0 {
            self.spilled.prefetch(key);
        }
    }

    /// Stores `value` under `key` unless the key is there; returns the value
    /// already there, if any.
    pub fn insert(&mut self, key: u64, value: u32) -> Option<u32> {
        let key = stored(key);
        if let Some(held) = self.spilled.get(key) {
            return Some(held);
        }
        let held = self.recent.insert(key, value);
        if self.recent.len() >= SPILL_MIN.max(self.spilled.len() / 16) {
            self.spilled.merge(&self.recent.take_sorted());
        }
        held
    }

    /// Replaces the value under a key, for tests that plant a collision.
    #[cfg(test)]
    pub fn set(&mut self, key: u64, value: u32) {
        let key = stored(key);
        if !self.recent.replace(key, value) && !self.spilled.replace(key, value) {
            self.insert(key, value);
        }
    }
}

/// Asks the processor to bring `*place` into the cache: a prefetch reads
/// nothing the program sees and cannot fault.
#[inline]
fn prefetch<T>(place: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: `place` is a valid reference; a prefetch has no effect
        // the program can observe.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(place).cast()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = place;
}

/// A xorshift step: keys spread as fingerprints are, the same every run.
#[cfg(test)]
fn next_key(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_a_map_holds_across_spills() {
        let mut table = PrintTable::default();
        let mut map = std::collections::HashMap::new();
        let mut keys = 0x9E37_79B9_7F4A_7C15u64;
        for n in 0..(SPILL_MIN * 3 + 1000) as u32 {
            let random = next_key(&mut keys);
            // Some keys repeat after a spill, some share their high or low
            // bits, one is 0.
            let key = match n % 7 {
                0 => u64::from(n % 100_000),
                1 => random & 0xFFFF_0000_0000_0000,
                _ => random,
            };
            assert_eq!(table.insert(key, n), map.get(&key.max(1)).copied());
            map.entry(key.max(1)).or_insert(n);
            assert_eq!(table.len(), map.len());
        }
        assert!(table.spilled.len() >= 2 * SPILL_MIN);
        for (&k, &v) in &map {
            assert_eq!(table.get(k), Some(v));
        }
        assert_eq!(table.get(0), table.get(1));
        assert_eq!(table.get(0x1234_5678_9ABC_DEF1), None);
    }
}
