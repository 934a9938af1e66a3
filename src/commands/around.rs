//! `attach --around`: only the log lines near the error, from logs whose
//! timestamps the program can read. A line without a timestamp (a stack
//! trace, a wrapped message) belongs to the timestamped line before it.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};
use regex::Regex;

use crate::machine::{Stamp, parse_timestamp};

/// How a log writes its time, and whether the text carries the offset.
struct Format {
    re: Regex,
    parse: fn(&str, FixedOffset) -> Option<Stamp>,
}

/// A timestamp must start this close to the line's start (an access log
/// has the client address and user before it); later ones are message text.
const PREFIX: usize = 100;

static FORMATS: LazyLock<Vec<Format>> = LazyLock::new(|| {
    let f = |re: &str, parse| Format {
        re: Regex::new(re).expect("valid pattern"),
        parse,
    };
    vec![
        // WordPress debug.log: [24-Nov-2026 09:58:12 UTC]
        f(
            r"\[(\d{1,2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2}) (?:UTC|GMT)\]",
            |t, _| naive(t, "%d-%b-%Y %H:%M:%S").map(|n| Utc.from_utc_datetime(&n).fixed_offset()),
        ),
        // nginx / Apache access: [24/Nov/2026:09:58:12 +0000]
        f(
            r"\[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\]",
            |t, _| DateTime::parse_from_str(t, "%d/%b/%Y:%H:%M:%S %z").ok(),
        ),
        // ISO 8601 with an offset; WooCommerce: 2026-11-24T09:58:12+00:00 CRITICAL
        f(
            r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2}))",
            |t, _| parse_timestamp(t),
        ),
        // nginx error log, in the server's local time: 2026/11/24 09:58:12 [error]
        f(r"^(\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) \[", |t, o| {
            local(naive(t, "%Y/%m/%d %H:%M:%S")?, o)
        }),
        // Apache error log, local time: [Tue Nov 24 09:58:12.123456 2026]
        f(
            r"^\[[A-Z][a-z]{2} ([A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})(?:\.\d+)? (\d{4})\]",
            |t, o| local(naive(t, "%b %d %H:%M:%S %Y")?, o),
        ),
        // ISO 8601 without an offset, local time: 2026-11-24 09:58:12
        f(r"^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})", |t, o| {
            local(naive(&t.replacen('T', " ", 1), "%Y-%m-%d %H:%M:%S")?, o)
        }),
    ]
});

/// The formats whose text has no offset: read in the error timestamp's.
const LOCAL_FROM: usize = 3;

fn naive(t: &str, fmt: &str) -> Option<NaiveDateTime> {
    let squeezed = t.split_whitespace().collect::<Vec<_>>().join(" ");
    NaiveDateTime::parse_from_str(&squeezed, fmt).ok()
}

fn local(n: NaiveDateTime, offset: FixedOffset) -> Option<Stamp> {
    offset.from_local_datetime(&n).single()
}

/// The time a line starts with, and whether its offset was assumed.
pub fn line_time(line: &str, offset: FixedOffset) -> Option<(Stamp, bool)> {
    let mut end = line.len().min(PREFIX);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let head = &line[..end];
    FORMATS
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let c = f.re.captures(head)?;
            let whole = c.get(0)?;
            let text: Vec<&str> = c.iter().skip(1).flatten().map(|m| m.as_str()).collect();
            let stamp = (f.parse)(&text.join(" "), offset)?;
            Some((whole.start(), i, stamp))
        })
        .min_by_key(|&(start, i, _)| (start, i))
        .map(|(_, i, s)| (s, i >= LOCAL_FROM))
}

/// `10m`, `90s`, `2h`, `1h30m`, `1d`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad =
        || format!("--around {text:?} is not a duration — write it like 10m, 90s, 2h or 1h30m");
    let mut total = Duration::zero();
    let mut digits = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        total += match c {
            's' => Duration::seconds(n),
            'm' => Duration::minutes(n),
            'h' => Duration::hours(n),
            'd' => Duration::days(n),
            _ => return Err(bad()),
        };
    }
    if !digits.is_empty() || total <= Duration::zero() {
        return Err(bad());
    }
    Ok(total)
}

/// What the window kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub bytes: Vec<u8>,
    pub kept: usize,
    pub total: usize,
    /// Some times had no offset and were read in the error timestamp's.
    pub assumed_offset: bool,
}

/// The lines within `radius` of `center`; a refusal says why in words.
pub fn around(bytes: &[u8], center: Stamp, radius: Duration) -> Result<Kept, String> {
    let mut out = Vec::new();
    let (mut kept, mut total, mut stamped) = (0, 0, 0);
    let mut assumed_offset = false;
    let mut keep = false;
    let (mut first, mut last): (Option<Stamp>, Option<Stamp>) = (None, None);
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        total += 1;
        let text = String::from_utf8_lossy(line);
        if let Some((t, assumed)) = line_time(&text, *center.offset()) {
            stamped += 1;
            assumed_offset |= assumed;
            keep = (t - center).abs() <= radius;
            first = first.or(Some(t));
            last = Some(t);
        }
        if keep {
            kept += 1;
            out.extend_from_slice(line);
        }
    }
    if stamped == 0 {
        return Err("no line has a timestamp the program can read (WordPress debug.log, WooCommerce, nginx or Apache logs, ISO 8601) — attach it without --around".into());
    }
    if kept == 0 {
        let (a, b) = (first.unwrap_or(center), last.unwrap_or(center));
        return Err(format!(
            "no line is within {} of the error timestamp {} (the log runs from {} to {}) — widen --around or check the error timestamp",
            describe(radius),
            center.to_rfc3339(),
            a.to_rfc3339(),
            b.to_rfc3339()
        ));
    }
    Ok(Kept {
        bytes: out,
        kept,
        total,
        assumed_offset,
    })
}

/// A duration in the words `--around` takes.
pub fn describe(d: Duration) -> String {
    let s = d.num_seconds();
    match s {
        _ if s % 86_400 == 0 => format!("{}d", s / 86_400),
        _ if s % 3_600 == 0 => format!("{}h", s / 3_600),
        _ if s % 60 == 0 => format!("{}m", s / 60),
        _ => format!("{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Stamp {
        parse_timestamp(s).unwrap()
    }

    fn utc(line: &str) -> Option<(String, bool)> {
        line_time(line, FixedOffset::east_opt(3600).unwrap())
            .map(|(t, a)| (t.with_timezone(&Utc).to_rfc3339(), a))
    }

    #[test]
    fn reads_the_times_of_common_logs() {
        let want = Some(("2026-11-24T09:58:12+00:00".to_string(), false));
        assert_eq!(utc("[24-Nov-2026 09:58:12 UTC] PHP Fatal error: x"), want);
        assert_eq!(utc("2026-11-24T09:58:12+00:00 CRITICAL Uncaught x"), want);
        assert_eq!(
            utc(r#"203.0.113.9 - - [24/Nov/2026:10:58:12 +0100] "GET / HTTP/1.1" 500 12"#),
            want
        );
        assert_eq!(utc("2026-11-24T09:58:12Z request"), want);
        // Without an offset: read in the error timestamp's (+01:00 here).
        let local = Some(("2026-11-24T09:58:12+00:00".to_string(), true));
        assert_eq!(utc("2026/11/24 10:58:12 [error] 123#0: *1 upstream"), local);
        assert_eq!(
            utc("[Tue Nov 24 10:58:12.123456 2026] [php:error] x"),
            local
        );
        assert_eq!(utc("2026-11-24 10:58:12 worker started"), local);
    }

    #[test]
    fn a_time_deep_in_the_message_is_not_the_line_time() {
        let line = format!(
            "#3 {} called at [24-Nov-2026 09:58:12 UTC]",
            "x".repeat(120)
        );
        assert_eq!(utc(&line), None);
        assert_eq!(
            utc("#0 /var/www/wp-includes/class-wp-hook.php(324): f()"),
            None
        );
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10m"), Ok(Duration::minutes(10)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::minutes(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::seconds(90)));
        for bad in ["10", "m", "10x", "0m", ""] {
            assert!(
                parse_duration(bad).unwrap_err().contains("like 10m"),
                "{bad}"
            );
        }
        assert_eq!(describe(Duration::minutes(10)), "10m");
    }

    #[test]
    fn keeps_the_window_with_the_lines_that_follow_a_kept_time() {
        let log = "\
[24-Nov-2026 09:40:00 UTC] PHP Notice: early
[24-Nov-2026 09:55:00 UTC] PHP Fatal error: Uncaught Error
#0 /var/www/html/wp-content/plugins/sophmate/a.php(12): x()
#1 {main}
[24-Nov-2026 10:20:00 UTC] PHP Notice: late
#0 trace of the late one
";
        let k = around(
            log.as_bytes(),
            at("2026-11-24T10:58:12+01:00"),
            Duration::minutes(10),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(k.bytes).unwrap(),
            "[24-Nov-2026 09:55:00 UTC] PHP Fatal error: Uncaught Error\n#0 /var/www/html/wp-content/plugins/sophmate/a.php(12): x()\n#1 {main}\n"
        );
        assert_eq!((k.kept, k.total, k.assumed_offset), (3, 6, false));
    }

    #[test]
    fn refuses_a_log_without_times_or_without_lines_in_the_window() {
        let e = around(
            b"no times here\n",
            at("2026-11-24T09:58:12Z"),
            Duration::minutes(5),
        )
        .unwrap_err();
        assert!(e.contains("no line has a timestamp"), "{e}");
        let e = around(
            b"[24-Nov-2026 08:00:00 UTC] x\n",
            at("2026-11-24T09:58:12Z"),
            Duration::minutes(5),
        )
        .unwrap_err();
        assert!(e.contains("no line is within 5m"), "{e}");
        assert!(e.contains("widen --around"), "{e}");
    }
}
