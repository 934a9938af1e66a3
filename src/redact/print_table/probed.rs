//! The fingerprints inserted since the last spill: an open-addressing map in
//! thirteen bytes a place, grown one shard at a time so it never holds two
//! copies of itself while it grows, as one hash map must. A byte of each
//! fingerprint is kept apart, as hashbrown's control bytes are, so a lookup
//! that misses (most do) reads one line of them. Keys are never 0 (the
//! caller stores 0 as 1): 0 marks an empty place.

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

pub(super) struct Probed {
    shards: Box<[Shard]>,
    len: usize,
}

impl Default for Probed {
    fn default() -> Self {
        Probed {
            shards: vec![Shard::default(); SHARDS].into_boxed_slice(),
            len: 0,
        }
    }
}

/// Seven bits the shard and the place do not use, and a high bit so no tag is 0.
fn tag_of(key: u64) -> u8 {
    (key >> 48) as u8 | 0x80
}

impl Probed {
    fn shard_of(key: u64) -> usize {
        (key >> (64 - SHARD_BITS)) as usize
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn get(&self, key: u64) -> Option<u32> {
        let shard = &self.shards[Self::shard_of(key)];
        shard.place_of(key).ok().map(|i| shard.values[i])
    }

    /// Asks the processor to fetch the memory a lookup of `key` reads
    /// first, so a batch of lookups waits on memory once, not once each.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        let shard = &self.shards[Self::shard_of(key)];
        if shard.keys.is_empty() {
            return;
        }
        let i = shard.home(key);
        super::prefetch(&shard.tags[i]);
        super::prefetch(&shard.keys[i]);
    }

    /// Stores `value` under `key` unless the key is there; returns the value
    /// already there, if any.
    pub fn insert(&mut self, key: u64, value: u32) -> Option<u32> {
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

    /// Replaces the value under a key already held; false if it is not.
    #[cfg(test)]
    pub fn replace(&mut self, key: u64, value: u32) -> bool {
        let shard = &mut self.shards[Self::shard_of(key)];
        match shard.place_of(key) {
            Ok(i) => {
                shard.values[i] = value;
                true
            }
            Err(_) => false,
        }
    }

    /// Every entry, sorted by key; the table is left empty, its memory freed.
    pub fn take_sorted(&mut self) -> Vec<(u64, u32)> {
        let mut entries = Vec::with_capacity(self.len);
        for shard in std::mem::take(self).shards {
            let held = shard.keys.into_iter().zip(shard.values);
            entries.extend(held.filter(|&(key, _)| key != 0));
        }
        entries.sort_unstable_by_key(|&(key, _)| key);
        entries
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
    use super::super::next_key;
    use super::*;

    #[test]
    fn holds_what_a_map_holds() {
        let mut table = Probed::default();
        let mut map = std::collections::HashMap::new();
        let mut keys = 0x9E37_79B9_7F4A_7C15u64;
        for n in 0..200_000u32 {
            let random = next_key(&mut keys);
            // Some keys repeat, some share their high or low bits; none is 0.
            let key = match n % 7 {
                0 => u64::from(n % 1000 + 1),
                1 => (random & 0xFFFF_0000_0000_0000).max(1),
                _ => random,
            };
            assert_eq!(table.insert(key, n), map.get(&key).copied());
            map.entry(key).or_insert(n);
        }
        assert_eq!(table.len(), map.len());
        for (&k, &v) in &map {
            assert_eq!(table.get(k), Some(v));
        }
        assert_eq!(table.get(0x1234_5678_9ABC_DEF1), None);
        assert!(table.replace(1, 7));
        assert!(!table.replace(0x1234_5678_9ABC_DEF1, 7));
        let mut expected: Vec<(u64, u32)> = map.into_iter().collect();
        expected.sort_unstable();
        expected
            .iter_mut()
            .for_each(|e| e.1 = if e.0 == 1 { 7 } else { e.1 });
        assert_eq!(table.take_sorted(), expected);
        assert_eq!((table.len(), table.get(1)), (0, None));
    }
}
