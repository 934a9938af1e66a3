//! Fingerprints spilled from the probed table, kept sorted in ten bytes an
//! entry. The top sixteen bits of a key choose its shard and its bucket in
//! the shard, so only the low 48 are stored: with the bucket they give the
//! whole key back. A key's bits and its value share one record, so a lookup
//! past the bucket's bounds reads one place. Shards are merged one at a
//! time, so a merge holds two copies of one shard, never of the table.

const SHARD_BITS: u32 = 8;
const SHARDS: usize = 1 << SHARD_BITS;
const BUCKET_BITS: u32 = 8;
const BUCKETS: usize = 1 << BUCKET_BITS;
const LOW_BITS: u32 = 64 - SHARD_BITS - BUCKET_BITS;

/// A key's low 48 bits, then its value.
#[derive(Clone, Copy)]
struct Record([u8; 10]);

impl Record {
    fn new(low: u64, value: u32) -> Record {
        let mut bytes = [0; 10];
        bytes[..6].copy_from_slice(&low.to_le_bytes()[..6]);
        bytes[6..].copy_from_slice(&value.to_le_bytes());
        Record(bytes)
    }

    fn low(&self) -> u64 {
        let mut bytes = [0; 8];
        bytes[..6].copy_from_slice(&self.0[..6]);
        u64::from_le_bytes(bytes)
    }

    fn value(&self) -> u32 {
        u32::from_le_bytes([self.0[6], self.0[7], self.0[8], self.0[9]])
    }
}

/// Where a bucket's records start, and a bit for each value of the low
/// five bits of its keys: most lookups that miss stop at the bucket, as a
/// probed table's miss stops at its tag.
#[derive(Clone, Copy, Default)]
struct Bucket {
    start: u32,
    filter: u32,
}

fn filter_bit(key: u64) -> u32 {
    1 << (key & 31)
}

#[derive(Default)]
struct Shard {
    /// Bucket `b` holds records `buckets[b].start..buckets[b + 1].start`;
    /// empty until the shard holds an entry.
    buckets: Vec<Bucket>,
    /// Each bucket's records, in order of their low bits.
    records: Vec<Record>,
}

pub(super) struct Sorted {
    shards: Box<[Shard]>,
    len: usize,
}

impl Default for Sorted {
    fn default() -> Self {
        Sorted {
            shards: std::iter::repeat_with(Shard::default)
                .take(SHARDS)
                .collect(),
            len: 0,
        }
    }
}

fn shard_of(key: u64) -> usize {
    (key >> (64 - SHARD_BITS)) as usize
}

fn bucket_of(key: u64) -> usize {
    (key >> LOW_BITS) as usize & (BUCKETS - 1)
}

fn low_of(key: u64) -> u64 {
    key & ((1 << LOW_BITS) - 1)
}

impl Sorted {
    pub fn len(&self) -> usize {
        self.len
    }

    /// Where `key` sits, as its shard and its index there.
    fn place_of(&self, key: u64) -> Option<(usize, usize)> {
        let s = shard_of(key);
        let shard = &self.shards[s];
        let b = bucket_of(key);
        let bucket = shard.buckets.get(b)?;
        if bucket.filter & filter_bit(key) == 0 {
            return None;
        }
        let (start, end) = (bucket.start as usize, shard.buckets[b + 1].start as usize);
        let low = low_of(key);
        let i = shard.records[start..end]
            .binary_search_by(|r| r.low().cmp(&low))
            .ok()?;
        Some((s, start + i))
    }

    pub fn get(&self, key: u64) -> Option<u32> {
        self.place_of(key)
            .map(|(s, i)| self.shards[s].records[i].value())
    }

    /// Replaces the value under a key already held; false if it is not.
    #[cfg(test)]
    pub fn replace(&mut self, key: u64, value: u32) -> bool {
        let Some((s, i)) = self.place_of(key) else {
            return false;
        };
        let record = &mut self.shards[s].records[i];
        *record = Record::new(record.low(), value);
        true
    }

    /// The memory a lookup of `key` reads first (see `Probed::prefetch`).
    #[inline]
    pub fn prefetch(&self, key: u64) {
        let shard = &self.shards[shard_of(key)];
        if let Some(bucket) = shard.buckets.get(bucket_of(key)) {
            super::prefetch(bucket);
        }
    }

    /// Adds entries sorted by key, none of them held already.
    pub fn merge(&mut self, entries: &[(u64, u32)]) {
        self.len += entries.len();
        let mut rest = entries;
        while let Some(&(first, _)) = rest.first() {
            let s = shard_of(first);
            let n = rest.partition_point(|&(key, _)| shard_of(key) == s);
            let (new, after) = rest.split_at(n);
            merge_shard(&mut self.shards[s], new);
            rest = after;
        }
    }
}

/// Rewrites a shard with `new` (sorted, all of this shard) merged in, into
/// vectors of the exact size: a doubling vector would leave a third empty.
fn merge_shard(shard: &mut Shard, new: &[(u64, u32)]) {
    let total = shard.records.len() + new.len();
    let mut buckets = Vec::with_capacity(BUCKETS + 1);
    let mut records = Vec::with_capacity(total);
    let mut new = new.iter().peekable();
    for b in 0..BUCKETS {
        let (mut i, old_end, mut filter) = match shard.buckets.get(b) {
            Some(old) => (
                old.start as usize,
                shard.buckets[b + 1].start as usize,
                old.filter,
            ),
            None => (0, 0, 0),
        };
        let start = records.len() as u32;
        while let Some(&&(key, value)) = new.peek().filter(|(key, _)| bucket_of(*key) == b) {
            let low = low_of(key);
            let before = i + shard.records[i..old_end].partition_point(|old| old.low() < low);
            records.extend_from_slice(&shard.records[i..before]);
            records.push(Record::new(low, value));
            filter |= filter_bit(key);
            i = before;
            new.next();
        }
        records.extend_from_slice(&shard.records[i..old_end]);
        buckets.push(Bucket { start, filter });
    }
    buckets.push(Bucket {
        start: records.len() as u32,
        filter: 0,
    });
    *shard = Shard { buckets, records };
}

#[cfg(test)]
mod tests {
    use super::super::next_key;
    use super::*;

    #[test]
    fn merged_entries_are_found_and_others_are_not() {
        let mut table = Sorted::default();
        let mut map = std::collections::BTreeMap::new();
        let mut keys = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..5u32 {
            let mut batch = Vec::new();
            for n in 0..3000u32 {
                let random = next_key(&mut keys);
                // Keys crowd into few buckets too, and differ in their low bits only.
                let key = match n % 5 {
                    0 => (random & 0xFFFF_0000_0000_00FF) | u64::from(round),
                    _ => random,
                };
                if let std::collections::btree_map::Entry::Vacant(e) = map.entry(key) {
                    e.insert(round * 10_000 + n);
                    batch.push((key, round * 10_000 + n));
                }
            }
            batch.sort_unstable();
            table.merge(&batch);
            assert_eq!(table.len(), map.len());
        }
        for (&key, &value) in &map {
            assert_eq!(table.get(key), Some(value), "{key:x}");
            assert_eq!(table.get(key ^ 1 << 50), map.get(&(key ^ 1 << 50)).copied());
        }
        let (&key, _) = map.iter().next().unwrap();
        assert!(table.replace(key, 9));
        assert_eq!(table.get(key), Some(9));
        let absent = (0..)
            .map(|n| key ^ n)
            .find(|k| !map.contains_key(k))
            .unwrap();
        assert!(!table.replace(absent, 9));
        assert_eq!(table.get(absent), None);
    }
}
