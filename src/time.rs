//! Timestamps as operators paste them: WordPress's `[24-Nov-2026 09:58:12 UTC]`
//! and ISO 8601 / RFC 3339 with an offset. A time without an offset is refused,
//! because "10:15" means different moments to the operator and to support.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use regex::Regex;

/// A moment with the offset it was recorded in (kept for display).
pub type Stamp = DateTime<FixedOffset>;

static WORDPRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[?(\d{1,2}-[A-Za-z]{3}-\d{4} \d{2}:\d{2}:\d{2}) (UTC|GMT)\]?").unwrap()
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})")
        .unwrap()
});

const ISO_FORMATS: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%dT%H:%M%z",
];

/// Parses a whole value typed or written as a timestamp.
pub fn parse_timestamp(text: &str) -> Option<Stamp> {
    let t = text
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    if let Some(c) = WORDPRESS.captures(t)
        && c.get(0).is_some_and(|m| m.len() == t.len())
    {
        return wordpress(&c[1]);
    }
    parse_iso(t)
}

fn wordpress(text: &str) -> Option<Stamp> {
    let naive = NaiveDateTime::parse_from_str(text, "%d-%b-%Y %H:%M:%S").ok()?;
    Some(Utc.from_utc_datetime(&naive).fixed_offset())
}

fn parse_iso(t: &str) -> Option<Stamp> {
    // One canonical spelling: `T` between date and time, `+00:00` for Z, `.` for fractions.
    let mut s = t.replacen(' ', "T", 1).replace(',', ".");
    if s.ends_with(['Z', 'z']) {
        s.pop();
        s.push_str("+00:00");
    }
    if let Some(i) = s.find(['t']) {
        s.replace_range(i..=i, "T");
    }
    ISO_FORMATS
        .iter()
        .find_map(|f| DateTime::parse_from_str(&s, f).ok())
}

/// The first timestamp in pasted error text, for pre-filling the error time.
pub fn find_timestamp(text: &str) -> Option<Stamp> {
    let wp = WORDPRESS.captures(text).and_then(|c| {
        let m = c.get(0)?;
        wordpress(&c[1]).map(|s| (m.start(), s))
    });
    let iso = ISO
        .find_iter(text)
        .find_map(|m| parse_iso(m.as_str()).map(|s| (m.start(), s)));
    match (wp, iso) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// RFC 3339, as stored: seconds (and fractions only when there are some), the offset kept.
pub fn to_rfc3339(s: &Stamp) -> String {
    s.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Why a value is not a timestamp, in words.
pub fn explain(text: &str) -> String {
    let t = text.trim();
    let has_date =
        Regex::new(r"\d{4}-\d{2}-\d{2}|\d{1,2}-[A-Za-z]{3}-\d{4}").is_ok_and(|r| r.is_match(t));
    if has_date && parse_timestamp(&format!("{t}Z")).is_some() {
        "has no UTC offset — add it, e.g. 2026-11-24T10:15:32+01:00 or …Z for UTC".into()
    } else {
        "is not a timestamp — write it as 2026-11-24T10:15:32+01:00 or as WordPress logs it, [24-Nov-2026 09:58:12 UTC]".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(s: &str) -> Option<String> {
        parse_timestamp(s).map(|t| to_rfc3339(&t))
    }

    #[test]
    fn wordpress_log_time_is_utc() {
        assert_eq!(
            rfc("[24-Nov-2026 09:58:12 UTC]").as_deref(),
            Some("2026-11-24T09:58:12Z")
        );
        assert_eq!(
            rfc("24-Nov-2026 09:58:12 UTC").as_deref(),
            Some("2026-11-24T09:58:12Z")
        );
    }

    #[test]
    fn iso_forms_keep_their_offset() {
        assert_eq!(
            rfc("2026-11-24T10:15:32+01:00").as_deref(),
            Some("2026-11-24T10:15:32+01:00")
        );
        assert_eq!(
            rfc("2026-11-24 10:15:32+0100").as_deref(),
            Some("2026-11-24T10:15:32+01:00")
        );
        assert_eq!(
            rfc("2026-11-24T09:15:32Z").as_deref(),
            Some("2026-11-24T09:15:32Z")
        );
        assert_eq!(
            rfc("2026-11-24T09:15:32.250-05:00").as_deref(),
            Some("2026-11-24T09:15:32.250-05:00")
        );
        assert_eq!(
            rfc("2026-11-24T09:15+02:00").as_deref(),
            Some("2026-11-24T09:15:00+02:00")
        );
    }

    #[test]
    fn no_offset_no_timestamp_with_a_reason() {
        assert_eq!(rfc("2026-11-24 10:15:32"), None);
        assert!(explain("2026-11-24 10:15:32").contains("no UTC offset"));
        assert_eq!(rfc("yesterday"), None);
        assert!(explain("yesterday").contains("is not a timestamp"));
        assert_eq!(rfc("[24-Nov-2026 09:58:12 Europe/Lisbon]"), None);
    }

    #[test]
    fn finds_the_first_timestamp_in_pasted_text() {
        let log = "PHP Warning at line 3\n[24-Nov-2026 09:58:12 UTC] PHP Fatal error: x\n2026-11-25T00:00:00Z later";
        assert_eq!(
            find_timestamp(log).map(|t| to_rfc3339(&t)).as_deref(),
            Some("2026-11-24T09:58:12Z")
        );
        let iso = "request 2026-11-24T10:15:32+01:00 failed; [25-Nov-2026 09:58:12 UTC]";
        assert_eq!(
            find_timestamp(iso).map(|t| to_rfc3339(&t)).as_deref(),
            Some("2026-11-24T10:15:32+01:00")
        );
        assert_eq!(
            find_timestamp("Call to undefined function sophmate_x()"),
            None
        );
    }
}
