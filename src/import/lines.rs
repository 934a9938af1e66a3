//! The line-level reading both report forms share: cleaning up a pasted line,
//! section headers, `label: value` pairs, versions and times inside values.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use regex::Regex;

use crate::machine::{Stamp, parse_timestamp};

/// One pasted line, cleaned, with its 1-based number in the pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

/// Marks that stand before a value: ✔ ✓ ❌ ✗ ✕ ✘ and dashes meaning "no".
const MARKS: &[char] = &[
    '✔', '✓', '❌', '✗', '✕', '✘', '–', '—', '-', '•', '*', '⚠', '\u{fe0f}',
];

/// The lines of a paste, cleaned: line ends, trailing spaces, GitHub quoting,
/// `<details>` wrappers and code fences removed; HTML dashes decoded.
pub fn clean_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let mut t = raw
            .trim_end_matches(['\r', ' ', '\t', '\u{a0}'])
            .to_string();
        // Replies on GitHub and in forums quote the pasted report.
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.strip_prefix(' ').unwrap_or(rest).to_string();
        }
        for (from, to) in [
            ("&ndash;", "–"),
            ("&#8211;", "–"),
            ("&mdash;", "—"),
            ("&#8212;", "—"),
            ("â€“", "–"),
            ("&amp;", "&"),
        ] {
            if t.contains(from) {
                t = t.replace(from, to);
            }
        }
        let lower = t.trim().to_ascii_lowercase();
        let wrapper = lower.starts_with("<details")
            || lower.starts_with("</details")
            || lower.starts_with("<summary")
            || (!lower.is_empty() && lower.chars().all(|c| c == '`'))
            || lower.starts_with("```");
        if wrapper {
            continue;
        }
        out.push(Line {
            number: i + 1,
            text: t,
        });
    }
    out
}

/// The lines under one `### Name ###` header (the first has no header: the
/// text before any).
#[derive(Debug)]
pub struct Section<'a> {
    pub name: &'a str,
    pub header_line: usize,
    pub lines: &'a [Line],
}

impl Section<'_> {
    /// Site Health sections are ids (`wp-core`, `wp-active-plugins (12)`);
    /// System Status Report sections are titles (`Active Plugins (8)`).
    pub fn is_site_health(&self) -> bool {
        let n = section_name(self.name);
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    }
}

pub fn sections(lines: &[Line]) -> Vec<Section<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut name = "";
    let mut header_line = 0;
    for (i, l) in lines.iter().enumerate() {
        if let Some(h) = header(&l.text) {
            out.push(Section {
                name,
                header_line,
                lines: &lines[start..i],
            });
            name = h;
            header_line = l.number;
            start = i + 1;
        }
    }
    out.push(Section {
        name,
        header_line,
        lines: &lines[start..],
    });
    out
}

/// `### Name ###` → `Name`.
pub fn header(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t.strip_prefix("###")?.strip_suffix("###")?.trim();
    (!inner.is_empty() && !inner.contains("###")).then_some(inner)
}

/// A section name without its count: `Active Plugins (8)` → `Active Plugins`.
pub fn section_name(name: &str) -> &str {
    match name.rfind(" (") {
        Some(i) if name.ends_with(')') => name[..i].trim(),
        _ => name.trim(),
    }
}

/// `Label: value` at the first `": "` (or a line ending in `:`).
pub fn pair(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    if let Some(i) = t.find(": ") {
        return Some((t[..i].trim(), t[i + 2..].trim()));
    }
    t.strip_suffix(':').map(|l| (l.trim(), ""))
}

/// The `label: value` pairs of some lines, a value wrapped onto the next
/// lines (up to a blank line or the next pair) joined to it with a space:
/// `WC Version:` above `9.1.4` reads as `WC Version: 9.1.4`.
pub fn pairs(lines: &[Line]) -> Vec<(&str, String, &Line)> {
    let mut out: Vec<(&str, String, &Line)> = Vec::new();
    let mut open = false;
    for l in lines {
        if l.text.trim().is_empty() {
            open = false;
            continue;
        }
        if let Some((label, value)) = pair(&l.text) {
            out.push((label, value.to_string(), l));
            open = true;
            continue;
        }
        if open && let Some((_, value, _)) = out.last_mut() {
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(l.text.trim());
        }
    }
    out
}

/// Whether two labels are the same, ignoring case and spacing.
pub fn same_label(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^v?(\d+(?:\.\d+)*(?:[-+~][0-9A-Za-z][0-9A-Za-z.+~_]*(?:-[0-9A-Za-z.+~_]+)*)?)")
        .unwrap()
});

/// The version a value starts with, past any marks: `✔ 9.1.4`, `6.4.2 – There
/// is a newer version`, `9.0.2 – 9.1.0 is available`, `7.4.33 64bit`.
pub fn version(value: &str) -> Option<String> {
    let v = value.trim_start_matches(|c: char| MARKS.contains(&c) || c.is_whitespace());
    let m = VERSION.captures(v)?;
    let whole = m.get(0)?;
    // `2bit` is a word, not version 2.
    if v[whole.end()..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let found = m.get(1)?.as_str();
    // A bare dash after a version is a separator, not a suffix.
    Some(found.trim_end_matches(['-', '.', '+', '~']).to_string())
}

/// A time as these reports write it: ISO 8601 / RFC 3339, `2024-02-08
/// 10:22:15 +00:00`, or `Fri, 02 Aug 2024 13:13:06 UTC`. A time without an
/// offset is not read: it could be any moment.
pub fn time(value: &str) -> Option<Stamp> {
    let v = value.trim();
    if let Some(t) = parse_timestamp(v) {
        return Some(t);
    }
    for f in ["%Y-%m-%d %H:%M:%S %:z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(t) = DateTime::parse_from_str(v, f) {
            return Some(t);
        }
    }
    for suffix in [" UTC", " GMT", " +0000"] {
        // The weekday adds nothing, and a hand-edited one should not lose the time.
        let rest = v
            .strip_suffix(suffix)
            .map(|r| r.split_once(", ").map_or(r, |(_, d)| d));
        if let Some(rest) = rest
            && let Ok(n) = NaiveDateTime::parse_from_str(rest.trim(), "%d %b %Y %H:%M:%S")
        {
            return Some(Utc.from_utc_datetime(&n).fixed_offset());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_past_marks_and_suffixes() {
        let cases = [
            ("9.1.4", Some("9.1.4")),
            ("✔ 9.1.4", Some("9.1.4")),
            (
                "❌ 6.4.2 – There is a newer version of WordPress available (6.4.3)",
                Some("6.4.2"),
            ),
            ("6.4.2 - There is a newer version", Some("6.4.2")),
            ("9.0.2 – 9.1.0 is available", Some("9.0.2")),
            ("7.4.33 64bit", Some("7.4.33")),
            ("8.2.12-1+ubuntu22.04.1", Some("8.2.12-1+ubuntu22.04.1")),
            ("6.8-RC1", Some("6.8-RC1")),
            ("6.4.2 (Latest version: 6.4.3)", Some("6.4.2")),
            ("3.0.1, author: SophMate Labs", Some("3.0.1")),
            ("–", None),
            ("2bit", None),
            ("latest", None),
        ];
        for (value, want) in cases {
            assert_eq!(version(value).as_deref(), want, "{value}");
        }
    }

    #[test]
    fn times_in_every_written_form() {
        let want = "2024-08-02T13:13:06+00:00";
        for v in [
            "2024-08-02T13:13:06+00:00",
            "2024-08-02 13:13:06 +00:00",
            "Fri, 02 Aug 2024 13:13:06 UTC",
            "Fri, 02 Aug 2024 13:13:06 +0000",
        ] {
            let t = time(v).unwrap_or_else(|| panic!("{v}"));
            assert_eq!(t.to_rfc3339(), want, "{v}");
        }
        assert_eq!(time("2024-08-02 13:13:06"), None);
    }

    #[test]
    fn lines_lose_wrappers_and_keep_numbers() {
        let text = "<details>\r\n<summary>System Status Report</summary>\n\n```\n> ### WordPress Environment ###  \nWC Version: 9.1.4 &ndash; x\n```\n</details>";
        let lines = clean_lines(text);
        let shown: Vec<(usize, &str)> = lines.iter().map(|l| (l.number, l.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (3, ""),
                (5, "### WordPress Environment ###"),
                (6, "WC Version: 9.1.4 – x")
            ]
        );
        assert_eq!(header(&lines[1].text), Some("WordPress Environment"));
        assert_eq!(section_name("Active Plugins (8)"), "Active Plugins");
        assert_eq!(pair("WC Version: 9.1.4"), Some(("WC Version", "9.1.4")));
        assert_eq!(pair("Overrides:"), Some(("Overrides", "")));
        let wrapped = clean_lines(
            "WC Version:\n  9.1.4\nWP Version: 6.4.2 – There is a newer\nversion (6.4.3)\n\nstray line",
        );
        let read = pairs(&wrapped);
        let got: Vec<(&str, &str, usize)> = read
            .iter()
            .map(|(l, v, line)| (*l, v.as_str(), line.number))
            .collect();
        assert_eq!(
            got,
            [
                ("WC Version", "9.1.4", 1),
                ("WP Version", "6.4.2 – There is a newer version (6.4.3)", 3)
            ]
        );
    }
}
