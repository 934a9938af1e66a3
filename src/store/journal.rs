//! The append-only journal: one record per line, `CRC LEN JSON\n`, where CRC is
//! the CRC-32 of JSON and LEN its length in bytes. A record is written whole
//! and fsynced before the next state is shown; a record cut short by a crash
//! (no newline, wrong length or checksum at the very end) is dropped with a
//! warning, so a journal is loadable at every byte it can be cut at.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// CRC-32 (IEEE), the table built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

/// One record, ready to append.
pub fn encode<T: Serialize>(record: &T) -> Result<Vec<u8>, String> {
    let json =
        serde_json::to_vec(record).map_err(|e| format!("cannot encode a journal record: {e}"))?;
    let mut line = format!("{:08x} {} ", crc32(&json), json.len()).into_bytes();
    line.extend_from_slice(&json);
    line.push(b'\n');
    Ok(line)
}

/// What a journal holds.
#[derive(Debug)]
pub struct Loaded<T> {
    pub records: Vec<T>,
    /// Length of the part that holds whole records: appending starts here.
    pub valid_len: usize,
    /// Said once when a torn last record was dropped.
    pub warning: Option<String>,
}

fn decode_line<T: DeserializeOwned>(line: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(line).ok()?;
    let mut parts = text.splitn(3, ' ');
    let crc = u32::from_str_radix(parts.next()?, 16).ok()?;
    let len: usize = parts.next()?.parse().ok()?;
    let json = parts.next()?.as_bytes();
    if json.len() != len || crc32(json) != crc {
        return None;
    }
    serde_json::from_slice(json).ok()
}

/// Reads every whole record. A damaged record followed by good ones is not a
/// torn write but damage: refused, naming the record.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], label: &str) -> Result<Loaded<T>, String> {
    let mut records = Vec::new();
    let mut warning = None;
    let mut pos = 0;
    let mut number = 0;
    while pos < bytes.len() {
        number += 1;
        let Some(nl) = memchr::memchr(b'\n', &bytes[pos..]) else {
            return Ok(torn(records, pos, label, number, warning));
        };
        let line = &bytes[pos..pos + nl];
        match decode_line(line) {
            Some(r) => records.push(r),
            None if pos + nl + 1 == bytes.len() => {
                return Ok(torn(records, pos, label, number, warning));
            }
            None => match after_failed_append(line) {
                // A write that failed half-way (a full disk) and a good
                // record appended after it: the half record is dropped.
                Some(r) => {
                    records.push(r);
                    warning.get_or_insert_with(|| failed_append(label, number));
                }
                None => {
                    return Err(format!(
                        "{label}: record {number} is damaged and later records follow it — the journal was altered; restore it from a backup"
                    ));
                }
            },
        }
        pos += nl + 1;
    }
    Ok(Loaded {
        records,
        valid_len: pos,
        warning,
    })
}

/// The whole record at the end of a line that begins with the head of a
/// record whose write failed: the line's longest decodable tail.
fn after_failed_append<T: DeserializeOwned>(line: &[u8]) -> Option<T> {
    (1..line.len().saturating_sub(9)).find_map(|start| {
        let tail = &line[start..];
        let looks_like_head = tail[..8].iter().all(u8::is_ascii_hexdigit) && tail[8] == b' ';
        if looks_like_head {
            decode_line(tail)
        } else {
            None
        }
    })
}

fn failed_append(label: &str, number: usize) -> String {
    format!(
        "{label}: record {number} was left half-written by a write that failed (a full disk?) and is dropped; the records after it are kept"
    )
}

fn torn<T>(
    records: Vec<T>,
    valid_len: usize,
    label: &str,
    number: usize,
    earlier: Option<String>,
) -> Loaded<T> {
    Loaded {
        warning: Some(earlier.unwrap_or_else(|| format!(
            "{label}: record {number} was cut short (the program was stopped while writing it) and is dropped; everything before it is kept"
        ))),
        records,
        valid_len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn every_prefix_yields_exactly_the_whole_records() {
        let records: Vec<String> = (0..5)
            .map(|i| format!("record {i} with \"quotes\" and\nnewline"))
            .collect();
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        for r in &records {
            bytes.extend(encode(r).unwrap());
            ends.push(bytes.len());
        }
        for cut in 0..=bytes.len() {
            let loaded: Loaded<String> = decode(&bytes[..cut], "j").unwrap();
            let whole = ends.iter().filter(|&&e| e <= cut).count();
            assert_eq!(loaded.records, records[..whole], "cut at {cut}");
            assert_eq!(
                loaded.valid_len,
                if whole == 0 { 0 } else { ends[whole - 1] }
            );
            assert_eq!(
                loaded.warning.is_some(),
                !ends.contains(&cut) && cut != 0,
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn damage_before_good_records_is_refused() {
        let mut bytes = encode(&"a").unwrap();
        bytes[10] ^= 1;
        bytes.extend(encode(&"b").unwrap());
        let err = decode::<String>(&bytes, "j").unwrap_err();
        assert!(err.contains("record 1 is damaged"), "{err}");
    }

    #[test]
    fn a_half_written_record_followed_by_good_ones_is_dropped_not_fatal() {
        let mut bytes = encode(&"a").unwrap();
        let half = encode(&"lost when the disk filled").unwrap();
        for cut in 1..half.len() - 1 {
            let mut torn = bytes.clone();
            torn.extend(&half[..cut]);
            torn.extend(encode(&"b").unwrap());
            torn.extend(encode(&"c").unwrap());
            let loaded = decode::<String>(&torn, "j").unwrap();
            assert_eq!(loaded.records, ["a", "b", "c"], "cut at {cut}");
            assert!(loaded.warning.unwrap().contains("half-written"));
            assert_eq!(loaded.valid_len, torn.len());
        }
        bytes.extend(encode(&"b").unwrap());
        assert!(decode::<String>(&bytes, "j").unwrap().warning.is_none());
    }

    #[test]
    fn a_garbled_last_record_counts_as_torn() {
        let mut bytes = encode(&"a").unwrap();
        let mut last = encode(&"b").unwrap();
        let n = last.len();
        last[n - 3] = 0;
        bytes.extend(last);
        let loaded = decode::<String>(&bytes, "j").unwrap();
        assert_eq!(loaded.records, vec!["a".to_string()]);
        assert!(loaded.warning.is_some());
    }
}
