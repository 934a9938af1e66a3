//! What each field type accepts, and the stored form of an answer. Messages
//! never repeat the value: a key pasted into the wrong field must not be echoed.

use std::sync::LazyLock;

use regex::Regex;

use crate::runbook::{Field, FieldType};
use crate::time::{explain, parse_timestamp, to_rfc3339};

static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+)*(?:[-+~][0-9A-Za-z][0-9A-Za-z.+~_-]*)?$").unwrap());

/// The stored form of `raw` for `field`, or what is wrong with it and what to do.
pub fn normalise(field: &Field, raw: &str) -> Result<String, String> {
    if raw.trim().is_empty() {
        return Err("is empty — give a value, or leave the field out".into());
    }
    let value = match field.kind {
        FieldType::Text => {
            let v = raw.strip_suffix('\n').unwrap_or(raw);
            if v.contains('\n') {
                return Err("takes one line — put the rest in a multi-line field".into());
            }
            v.to_string()
        }
        // Kept exactly as written: the preserved error is never trimmed or reflowed.
        FieldType::Multiline => {
            let lines = raw.lines().filter(|l| !l.trim().is_empty()).count();
            if let Some(min) = field.min_lines
                && lines < min
            {
                return Err(format!(
                    "needs at least {min} non-empty lines (it has {lines}) — write one step per line"
                ));
            }
            raw.to_string()
        }
        FieldType::Version => {
            let v = raw.trim();
            if !VERSION.is_match(v) {
                return Err("is not a version — give the exact number, digits and dots with an optional suffix (8.2.12-1+ubuntu22.04.1, 6.8-RC1), not `latest` or `8.x`".into());
            }
            v.to_string()
        }
        FieldType::Timestamp => match parse_timestamp(raw) {
            Some(t) => to_rfc3339(&t),
            None => return Err(explain(raw)),
        },
        FieldType::Choice => {
            let v = raw.trim();
            if !field.choices.iter().any(|c| c == v) {
                return Err(format!(
                    "is not one of the choices — use one of: {}",
                    field.choices.join(", ")
                ));
            }
            v.to_string()
        }
        FieldType::YesNo => match raw.trim().to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" => "yes".into(),
            "no" | "n" | "false" => "no".into(),
            _ => return Err("is not yes or no — answer `yes` or `no`".into()),
        },
        FieldType::Number => {
            let v = raw.trim();
            let n: i64 = v
                .parse()
                .map_err(|_| "is not a whole number — give digits only, e.g. 0 or 3".to_string())?;
            if let Some(min) = field.min
                && n < min
            {
                return Err(format!("is below {min} — give {min} or more"));
            }
            if let Some(max) = field.max
                && n > max
            {
                return Err(format!("is above {max} — give {max} or less"));
            }
            v.to_string()
        }
        FieldType::Paths => {
            return Err("takes files — attach them (a list of paths in an answers file)".into());
        }
    };
    if let Some(p) = &field.pattern
        && let Ok(re) = Regex::new(p)
        && !re.is_match(&value)
    {
        return Err(field
            .pattern_hint
            .clone()
            .unwrap_or_else(|| format!("does not have the expected form ({p})")));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldType) -> Field {
        serde_yaml::from_str::<Field>(&format!("{{id: f, type: {}, label: F}}", kind.name()))
            .unwrap()
    }

    #[test]
    fn versions_are_exact() {
        let f = field(FieldType::Version);
        for ok in ["8.2.12-1+ubuntu22.04.1", "6.8-RC1", "8.10", "6", "9.3.1"] {
            assert_eq!(normalise(&f, ok).as_deref(), Ok(ok), "{ok}");
        }
        let first = normalise(&f, "latest").unwrap_err();
        assert!(first.contains("not `latest` or `8.x`"), "{first}");
        // One message whatever the value: the value itself is never echoed.
        for bad in ["8.x", "v8.2", "8.", ".8", "8.2 beta", "sk-live-123"] {
            assert_eq!(normalise(&f, bad).unwrap_err(), first, "{bad}");
        }
    }

    #[test]
    fn multiline_is_kept_verbatim_and_counts_lines() {
        let mut f = field(FieldType::Multiline);
        let text = "  indented\n\ttab\n\n";
        assert_eq!(normalise(&f, text).as_deref(), Ok(text));
        f.min_lines = Some(2);
        assert!(
            normalise(&f, "one\n\n  \n")
                .unwrap_err()
                .contains("at least 2")
        );
        assert!(normalise(&f, "one\ntwo\n").is_ok());
    }

    #[test]
    fn text_is_one_line_and_never_echoed() {
        let f = field(FieldType::Text);
        assert_eq!(
            normalise(&f, "Orders > Edit\n").as_deref(),
            Ok("Orders > Edit")
        );
        let e = normalise(&f, "sk-secret\nmore").unwrap_err();
        assert!(!e.contains("sk-secret"));
    }

    #[test]
    fn choices_yes_no_numbers() {
        let mut c = field(FieldType::Choice);
        c.choices = vec!["a".into(), "b".into()];
        assert!(normalise(&c, "c").unwrap_err().contains("a, b"));
        assert_eq!(
            normalise(&field(FieldType::YesNo), "Yes").as_deref(),
            Ok("yes")
        );
        assert!(normalise(&field(FieldType::YesNo), "maybe").is_err());
        let mut n = field(FieldType::Number);
        n.min = Some(0);
        assert_eq!(normalise(&n, "3").as_deref(), Ok("3"));
        assert!(normalise(&n, "-1").unwrap_err().contains("below 0"));
        assert!(normalise(&n, "two").is_err());
        assert!(normalise(&field(FieldType::Timestamp), "2026-11-24 10:00").is_err());
    }
}
