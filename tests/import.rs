//! The System Status Report and Site Health parsers on realistic pastes
//! (`tests/fixtures/import/`) and on the redaction corpus's reports.

use runbook::import::{self, Flag, Imported, Kind, SophMate};
use runbook::machine::{parse_timestamp, values};
use runbook::runbook::Library;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in the fixture"))
        + 1
}

fn detect(name: &str) -> (String, Imported) {
    let text = fixture(name);
    let found = import::detect(&text).unwrap_or_else(|| panic!("{name}: nothing detected"));
    (text, found)
}

/// (field, value, line) of every pre-fill.
fn prefill(found: &Imported) -> Vec<(&'static str, String, usize)> {
    found
        .prefill()
        .into_iter()
        .map(|p| (p.field, p.value, p.source.line))
        .collect()
}

#[test]
fn a_full_modern_status_report() {
    let (text, found) = detect("ssr-wc9-full.txt");
    assert!(found.health.is_none());
    let s = found.status.as_ref().unwrap();
    assert_eq!(s.line, line_of(&text, "### WordPress Environment ###"));
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "6.8.1".into(),
                line_of(&text, "WP Version:")
            ),
            (
                "woocommerce_version",
                "9.8.5".into(),
                line_of(&text, "WC Version:")
            ),
            (
                "php_version",
                "8.2.27".into(),
                line_of(&text, "PHP Version:")
            ),
            (
                "sophmate_version",
                "2.4.1".into(),
                line_of(&text, "SophMate – AI")
            ),
        ]
    );
    let g = found.generated().unwrap();
    assert_eq!(
        g.value,
        parse_timestamp("2026-11-24T09:40:02+00:00").unwrap()
    );
    assert_eq!(g.source.line, line_of(&text, "Generated at:"));
    // Generated before the error: flagged; generated after: fine.
    let before = found.flags(parse_timestamp("2026-11-24T09:58:12+00:00"));
    assert!(
        matches!(
            before[..],
            [Flag::OlderThanIncident {
                report: Kind::SystemStatus,
                ..
            }]
        ),
        "{before:?}"
    );
    assert!(
        found
            .flags(parse_timestamp("2026-11-24T09:30:00+00:00"))
            .is_empty()
    );
}

#[test]
fn a_github_details_paste_with_marks_suffixes_and_crlf() {
    let (text, found) = detect("ssr-github-details.md");
    assert!(
        text.contains("\r\n"),
        "the fixture keeps its CRLF line ends"
    );
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "6.4.5".into(),
                line_of(&text, "WP Version:")
            ),
            (
                "woocommerce_version",
                "8.9.3".into(),
                line_of(&text, "WC Version:")
            ),
            (
                "php_version",
                "7.4.33".into(),
                line_of(&text, "PHP Version:")
            ),
        ]
    );
    let s = found.status.as_ref().unwrap();
    let SophMate::Inactive(f) = &s.sophmate else {
        panic!("SophMate should be inactive: {:?}", s.sophmate);
    };
    assert_eq!(f.value.as_deref(), Some("2.3.0"));
    assert_eq!(f.source.line, line_of(&text, "SophMate – AI"));
    let flags = found.flags(None);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert!(
        flags[0]
            .to_string()
            .starts_with("SophMate is inactive (WooCommerce System Status Report, line ")
    );
    assert_eq!(
        found.generated().unwrap().value,
        parse_timestamp("2024-06-10T14:02:51+02:00").unwrap()
    );
}

#[test]
fn a_legacy_report_without_sophmate() {
    let (text, found) = detect("ssr-legacy-wc3.txt");
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "4.9.8".into(),
                line_of(&text, "WP Version:")
            ),
            (
                "woocommerce_version",
                "3.5.1".into(),
                line_of(&text, "WC Version:")
            ),
            (
                "php_version",
                "5.6.40".into(),
                line_of(&text, "PHP Version:")
            ),
        ]
    );
    assert_eq!(found.generated(), None);
    assert_eq!(
        found.flags(parse_timestamp("2018-12-01T10:00:00Z")),
        [Flag::SophMateMissing {
            report: Kind::SystemStatus
        }]
    );
}

#[test]
fn older_labels_quoted_in_a_forum_with_a_wrapped_plugin_line() {
    let (text, found) = detect("ssr-old-labels-forum.txt");
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "4.7.2".into(),
                line_of(&text, "WordPress Version:")
            ),
            (
                "woocommerce_version",
                "2.6.14".into(),
                line_of(&text, "WooCommerce Version:")
            ),
            (
                "php_version",
                "5.4.16".into(),
                line_of(&text, "PHP Version:")
            ),
            (
                "sophmate_version",
                "1.0.3".into(),
                line_of(&text, "SophMate – AI")
            ),
        ]
    );
}

#[test]
fn a_fragment_with_only_the_first_lines() {
    let (text, found) = detect("ssr-fragment-no-headers.txt");
    let s = found.status.as_ref().unwrap();
    assert_eq!(s.line, line_of(&text, "WC Version:"));
    assert_eq!(s.sophmate, SophMate::Unknown);
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "6.6.2".into(),
                line_of(&text, "WP Version:")
            ),
            (
                "woocommerce_version",
                "9.1.4".into(),
                line_of(&text, "WC Version:")
            ),
            (
                "php_version",
                "8.1.31".into(),
                line_of(&text, "PHP Version:")
            ),
        ]
    );
    assert!(
        found.flags(None).is_empty(),
        "no plugin list: nothing to say about SophMate"
    );
}

#[test]
fn site_health_info_of_a_current_site() {
    let (text, found) = detect("site-health-wp68.txt");
    assert!(found.status.is_none());
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "6.8.1".into(),
                line_of(&text, "version: 6.8.1")
            ),
            (
                "woocommerce_version",
                "9.8.5".into(),
                line_of(&text, "WooCommerce: version")
            ),
            (
                "php_version",
                "8.2.27".into(),
                line_of(&text, "php_version:")
            ),
            (
                "sophmate_version",
                "2.4.1".into(),
                line_of(&text, "SophMate – AI")
            ),
        ]
    );
    let g = found.generated().unwrap();
    assert_eq!(g.source.line, line_of(&text, "current:"));
    assert_eq!(
        g.value,
        parse_timestamp("2026-11-24T09:41:17+00:00").unwrap()
    );
}

#[test]
fn site_health_of_an_old_site_with_sophmate_inactive() {
    let (text, found) = detect("site-health-wp55-inactive.txt");
    assert_eq!(
        prefill(&found),
        [
            (
                "wordpress_version",
                "5.5.3".into(),
                line_of(&text, "version: 5.5.3")
            ),
            (
                "woocommerce_version",
                "4.7.0".into(),
                line_of(&text, "WooCommerce: version")
            ),
            (
                "php_version",
                "7.3.33".into(),
                line_of(&text, "php_version:")
            ),
        ]
    );
    let flags = found.flags(None);
    assert!(
        matches!(&flags[..], [Flag::SophMateInactive { source }] if source.line == line_of(&text, "SophMate – AI")),
        "{flags:?}"
    );
}

#[test]
fn both_reports_in_one_paste_disagree_and_are_older_than_the_incident() {
    let (text, found) = detect("combined-disagree.txt");
    let (s, h) = (
        found.status.as_ref().unwrap(),
        found.health.as_ref().unwrap(),
    );
    assert_eq!(s.line, line_of(&text, "### WordPress Environment ###"));
    assert_eq!(h.line, line_of(&text, "### wp-core ###"));
    // The status report is the more recent one: its values are offered.
    let offered: Vec<(&str, String)> = prefill(&found)
        .into_iter()
        .map(|(f, v, _)| (f, v))
        .collect();
    assert_eq!(
        offered,
        [
            ("wordpress_version", "6.8.1".into()),
            ("woocommerce_version", "9.8.5".into()),
            ("php_version", "8.2.27".into()),
            ("sophmate_version", "2.4.1".into()),
        ]
    );
    let flags = found.flags(parse_timestamp("2026-11-24T09:58:12Z"));
    let words: Vec<String> = flags.iter().map(ToString::to_string).collect();
    assert_eq!(flags.len(), 4, "{words:#?}");
    assert!(
        words[0].starts_with(
            "The reports disagree on WooCommerce: the System Status Report says 9.8.5 (line "
        ),
        "{words:#?}"
    );
    assert!(
        words[1]
            .starts_with("The reports disagree on SophMate: the System Status Report says 2.4.1"),
        "{words:#?}"
    );
    assert!(words[2].starts_with("The WooCommerce System Status Report was generated at 2026-11-24T09:40:02Z, before the incident"));
    assert!(
        words[3]
            .starts_with("The WordPress Site Health info was generated at 2026-11-20T16:05:44Z")
    );
}

#[test]
fn every_prefill_is_a_version_the_runbook_accepts() {
    let library = Library::builtin().expect("built-in runbooks");
    let rb = &library
        .get("support-context")
        .expect("support-context")
        .runbook;
    for name in [
        "ssr-wc9-full.txt",
        "ssr-github-details.md",
        "ssr-legacy-wc3.txt",
        "ssr-old-labels-forum.txt",
        "ssr-fragment-no-headers.txt",
        "site-health-wp68.txt",
        "site-health-wp55-inactive.txt",
        "combined-disagree.txt",
    ] {
        let (_, found) = detect(name);
        for p in found.prefill() {
            let field = rb
                .field(p.field)
                .unwrap_or_else(|| panic!("{} is not a field", p.field));
            assert_eq!(
                values::normalise(field, &p.value).as_deref(),
                Ok(p.value.as_str()),
                "{name}: {p:?}"
            );
        }
    }
}

#[test]
fn the_corpus_reports_are_read_and_its_logs_are_not_taken_for_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/redaction-corpus");
    let mut seen = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("the corpus beside the repository") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".txt") && !name.ends_with(".log") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let found = import::detect(&text);
        if name.contains("system-status-report") {
            let s = found.as_ref().and_then(|f| f.status.as_ref());
            let s = s.unwrap_or_else(|| panic!("{name}: no status report found"));
            assert!(
                s.woocommerce.is_some() && s.wordpress.is_some() && s.php.is_some(),
                "{name}: {s:?}"
            );
            seen.0 += 1;
        } else if name.contains("site-health") {
            let h = found.as_ref().and_then(|f| f.health.as_ref());
            let h = h.unwrap_or_else(|| panic!("{name}: no Site Health info found"));
            assert!(h.wordpress.is_some() && h.php.is_some(), "{name}: {h:?}");
            seen.1 += 1;
        } else if name.contains("debug") || name.contains("access") || name.contains("webhooks") {
            assert_eq!(found, None, "{name}: a log taken for a report");
        }
    }
    assert!(seen.0 >= 3 && seen.1 >= 3, "{seen:?}");
}
