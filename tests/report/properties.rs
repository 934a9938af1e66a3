//! Properties over generated text: the error's fence is never closed by the
//! error itself, and the pasted-report parser never panics and only offers
//! versions the runbook accepts.

use proptest::prelude::*;
use proptest::test_runner::Config;
use runbook::import;
use runbook::machine::values;
use runbook::report::{Format, Options};

use super::*;

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// The text of the first fenced block after `heading`, and its fence.
fn fenced_after(md: &str, heading: &str) -> (String, String) {
    let rest = &md[md.find(heading).expect("the heading") + heading.len()..];
    let rest = rest.trim_start_matches('\n');
    let open = rest.lines().next().unwrap();
    let fence = open.trim_end_matches("text").to_string();
    let body = &rest[open.len() + 1..];
    let close = body.find(&format!("\n{fence}\n")).expect("a closing fence");
    (body[..close].to_string(), fence)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn the_error_comes_back_whole_from_its_fence(
        error in "[a-z `~]{1,12}(\n[a-z `~]{0,12}){0,6}"
    ) {
        prop_assume!(!error.trim().is_empty());
        let mut w = Walk::new("support-context");
        w.answer("error_message", &error);
        let md = w.report(&Options::default()).render(Format::Markdown);
        let (body, fence) = fenced_after(&md, "## Error, exactly as written\n");
        prop_assert!(fence.len() >= 3 && fence.chars().all(|c| c == '`'));
        // Blank lines at the end stay: only the line end before the fence goes.
        prop_assert_eq!(body.as_str(), error.strip_suffix('\n').unwrap_or(&error));
    }

    #[test]
    fn pasted_text_never_panics_the_parser(text in "\\PC{0,400}") {
        let _ = import::detect(&text);
    }

    #[test]
    fn every_offered_version_is_one_the_runbook_accepts(
        lines in prop::collection::vec(
            (
                prop::sample::select(vec![
                    "WC Version", "WP Version", "PHP Version", "WooCommerce Version",
                    "version", "php_version", "SophMate – AI: by Labs", "Generated at",
                ]),
                prop::sample::select(vec!["", "✔ ", "❌ ", "– ", "v"]),
                "[0-9a-z.+~ -]{0,14}",
            ),
            0..12,
        )
    ) {
        let body: String = lines
            .iter()
            .map(|(label, mark, value)| format!("{label}: {mark}{value}\n"))
            .collect();
        let text = format!("### WordPress Environment ###\n{body}\n### wp-core ###\n{body}");
        let rb = runbook("support-context");
        if let Some(found) = import::detect(&text) {
            for p in found.prefill() {
                let field = rb.field(p.field).unwrap();
                prop_assert_eq!(values::normalise(field, &p.value), Ok(p.value.clone()));
            }
        }
    }
}
