//! A map from 64-bit fingerprints to 32-bit values, in thirteen bytes an
//! entry and grown one shard at a time: a dump of millions of distinct values
//! never holds two copies of the whole table while it grows, as one hash map
//! must. A byte of each fingerprint is kept apart, as hashbrown's control
//! bytes are, so a lookup that misses (most do) reads one line of them.

const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;
/// A shard grows by half past this load, in twentieths: linear probes stay
/// short, and the table is over three fifths full on average.
const MAX_LOAD_TWENTIETHS: usize = 16;

#[derive(Default, Clone)]
struct Shard {
    /// A byte of each place's fingerprint (see [`tag_of`]); 0 marks an empty place.
    tags: Vec<u8>,
    keys: Vec<u64>,
    values: Vec<u32>,
    len: usize,
}

pub(crate) struct PrintTable {
    shards: Box<[Shard]>,
    len: usize,
}

impl Default for PrintTable {
    fn default() -> Self {
        PrintTable {
            shards: vec![Shard::default(); SHARDS].into_boxed_slice(),
            len: 0,
        }
    }
}

/// The key as stored: a fingerprint of 0 is kept as 1 (one chance in 2^63).
fn stored(key: u64) -> u64 {
    key.max(1)
}

/// Seven bits the shard and the place do not use, and a high bit so no tag is 0.
fn tag_of(key: u64) -> u8 {
    (key >> 48) as u8 | 0x80
}

impl PrintTable {
    fn shard_of(key: u64) -> usize {
        (key >> (64 - SHARD_BITS)) as usize
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn get(&self, key: u64) -> Option<u32> {
        let key = stored(key);
        let shard = &self.shards[Self::shard_of(key)];
        shard.place_of(key).ok().map(|i| shard.values[i])
    }

    /// Asks the processor to fetch the memory a lookup of `key` reads
    /// first, so a batch of lookups waits on memory once, not once each.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        let key = stored(key);
        let shard = &self.shards[Self::shard_of(key)];
        if shard.keys.is_empty() {
            return;
        }
        let i = shard.home(key);
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // SAFETY: a prefetch reads nothing the program sees and cannot
            // fault; both pointers are in bounds besides.
            unsafe {
                _mm_prefetch::<_MM_HINT_T0>(shard.tags.as_ptr().add(i).cast());
                _mm_prefetch::<_MM_HINT_T0>(shard.keys.as_ptr().add(i).cast());
            }
        }
    }

    /// Stores `value` under `key` unless the key is there; returns the value
    /// already there, if any.
    pub fn insert(&mut self, key: u64, value: u32) -> Option<u32> {
        let key = stored(key);
        let shard = &mut self.shards[Self::shard_of(key)];
        if (shard.len + 1) * 20 > shard.keys.len() * MAX_LOAD_TWENTIETHS {
            shard.grow();
        }
        match shard.place_of(key) {
            Ok(i) => Some(shard.values[i]),
            Err(i) => {
                shard.put(i, key, value);
                shard.len += 1;
                self.len += 1;
                None
            }
        }
    }

    /// Replaces the value under a key, for tests that plant a collision.
    #[cfg(test)]
    pub fn set(&mut self, key: u64, value: u32) {
        let key = stored(key);
        let shard = &mut self.shards[Self::shard_of(key)];
        if let Ok(i) = shard.place_of(key) {
            shard.values[i] = value;
        } else {
            self.insert(key, value);
        }
    }
}

impl Shard {
    /// Where `key` sits (`Ok`) or the empty place it would take (`Err`).
    fn place_of(&self, key: u64) -> Result<usize, usize> {
        if self.keys.is_empty() {
            return Err(0);
        }
        let capacity = self.keys.len();
        let tag = tag_of(key);
        let mut i = self.home(key);
        loop {
            match self.tags[i] {
                0 => return Err(i),
                t if t == tag && self.keys[i] == key => return Ok(i),
                _ => i = if i + 1 == capacity { 0 } else { i + 1 },
            }
        }
    }

    /// Where a probe for `key` starts: its low bits, scaled to the
    /// capacity (the high ones chose the shard).
    #[inline]
    fn home(&self, key: u64) -> usize {
        (((key & 0xFFFF_FFFF) * self.keys.len() as u64) >> 32) as usize
    }

    fn put(&mut self, i: usize, key: u64, value: u32) {
        self.tags[i] = tag_of(key);
        self.keys[i] = key;
        self.values[i] = value;
    }

    fn grow(&mut self) {
        let capacity = (self.keys.len() * 3 / 2).max(16);
        self.tags = vec![0; capacity];
        let keys = std::mem::replace(&mut self.keys, vec![0; capacity]);
        let values = std::mem::replace(&mut self.values, vec![0; capacity]);
        for (key, value) in keys.into_iter().zip(values).filter(|&(k, _)| k != 0) {
            if let Err(i) = self.place_of(key) {
                self.put(i, key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_a_map_holds() {
        let mut table = PrintTable::default();
        let mut map = std::collections::HashMap::new();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for n in 0..200_000u32 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Some keys repeat, some share their high or low bits.
            let key = match n % 7 {
                0 => u64::from(n % 1000),
                1 => seed & 0xFFFF_0000_0000_0000,
                _ => seed,
            };
            assert_eq!(table.insert(key, n), map.get(&key.max(1)).copied());
            map.entry(key.max(1)).or_insert(n);
        }
        assert_eq!(table.len(), map.len());
        for (&k, &v) in &map {
            assert_eq!(table.get(k), Some(v));
        }
        assert_eq!(table.get(0x1234_5678_9ABC_DEF1), None);
    }
}
