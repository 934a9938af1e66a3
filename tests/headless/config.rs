//! `runbook config`, the settings file's errors, and what the settings change
//! in a walk: the operator's name, terms redacted, the site's domain kept,
//! and where the verdict says to send the request.

use runbook::machine::{Msg, What, export};
use runbook::redact::{Engine, Profile};

use super::open::{at, open_session, saved, support_context};
use super::*;

fn settings(home: &Home, text: &str) -> PathBuf {
    home.write("settings.yaml", text)
}

#[test]
fn config_shows_the_file_and_each_setting_never_the_terms() {
    let home = Home::new();
    let file = settings(
        &home,
        "site_domain: shop.example.com\nhosting_support: support@host.example\nredact_terms:\n  - Brightwater Ceramics\n",
    );
    let out = home.runbook(&["config"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let o = text(&out.stdout);
    assert!(
        o.starts_with(&format!("settings file: {}\n", file.display())),
        "{o}"
    );
    let row = |key: &str| {
        o.lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("{key} in {o}"))
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("site_domain"), "shop.example.com");
    assert_eq!(row("hosting_support"), "support@host.example");
    assert_eq!(row("contact_page_url"), "not set");
    assert_eq!(row("redact_terms"), "1 term(s), not shown");
    assert!(!o.contains("Brightwater"), "{o}");
    assert!(out.stderr.is_empty(), "{}", show(&out));
}

#[test]
fn bad_settings_are_named_at_their_place_and_the_rest_applies() {
    let home = Home::new();
    let file = settings(
        &home,
        "operator: Jo Settings\nhostng_support: support@host.example\ncontact_page_url: example.com/contact\nhosting_support: support@host.example\n",
    );
    let f = file.display().to_string();
    let out = home.runbook(&["config"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("runbook: warning: {f}:2:1: unknown setting \"hostng_support\" — the settings are site_domain,")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{f}:3:19: contact_page_url must be a web address starting with https://"
        )),
        "{err}"
    );
    assert!(err.contains("contact_page_url is ignored"), "{err}");
    assert!(text(&out.stdout).contains("2 problem(s) in the file, ignored"));

    // A walk still runs, says what it ignored, and uses the good settings.
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &answers("hosting-memory-exhausted"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stderr).contains(":2:1: unknown setting"),
        "{}",
        show(&out)
    );
    assert!(
        text(&out.stdout).contains("send to: hosting — support@host.example\n"),
        "{}",
        show(&out)
    );
}

#[test]
fn a_syntax_error_is_reported_and_the_defaults_apply() {
    let home = Home::new();
    let file = settings(&home, "operator: Jo\nsupport_lead: [unclosed\n");
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &answers("vague-and-incomplete"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = text(&out.stderr);
    let want = format!("runbook: warning: {}:", file.display());
    let line = err.lines().find(|l| l.starts_with(&want)).expect(&err);
    // file:line:column, then the cause and what was ignored.
    let place: Vec<&str> = line[want.len()..].splitn(3, ':').collect();
    assert!(place[0].parse::<usize>().unwrap() >= 2, "{line}");
    assert!(place[1].parse::<usize>().is_ok(), "{line}");
    assert!(line.contains("YAML syntax error"), "{line}");
    assert!(line.contains("the whole file is ignored"), "{line}");
    let o = text(&out.stdout);
    assert!(
        o.contains("send to: internal-operations — the support lead / on-call contact is not configured — set support_lead in "),
        "{o}"
    );
}

#[test]
fn config_init_writes_a_commented_example_and_keeps_an_existing_file() {
    let home = Home::new();
    let out = home.runbook(&["config", "--init"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let file = home.path().join("settings.yaml");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("# site_domain: shop.example.com"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The example reads clean: nothing set, nothing to warn about.
    let out = home.runbook(&["config"]);
    assert!(out.stderr.is_empty(), "{}", show(&out));
    assert!(!text(&out.stdout).contains("none yet"));

    std::fs::write(&file, "operator: Jo\n").unwrap();
    let out = home.runbook(&["config", "--init"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(text(&out.stderr).contains("already exists — edit it, or pass --force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "operator: Jo\n");

    let out = home.runbook(&["config", "--init", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
}

#[test]
fn a_run_takes_the_operator_and_terms_from_the_settings() {
    let home = Home::new();
    settings(
        &home,
        "operator: Jo Settings\nsite_domain: shop.brightwater-ceramics.example\nredact_terms: [brightwater-ceramics]\n",
    );
    let (doc, status) = run_json(&home, "hosting-memory-exhausted");
    assert_eq!(status, Some(0), "{doc}");
    let id = doc["session"].as_str().unwrap();
    let stored = home.store().read(id).unwrap();
    assert!(stored.events.iter().all(|e| e.operator == "Jo Settings"));
    let whats: Vec<&What> = stored.events.iter().map(|e| &e.what).collect();
    assert!(whats.contains(&&What::TermAdded {
        term: "brightwater-ceramics".into()
    }));
    assert!(whats.contains(&&What::DomainKept {
        domain: "shop.brightwater-ceramics.example".into()
    }));
}

#[test]
fn the_site_domain_survives_a_term_that_is_part_of_it() {
    let text = "GET https://shop.brightwater-ceramics.example/checkout for brightwater-ceramics staff, mail ana@shop.brightwater-ceramics.example\n";
    let mut e = Engine::new(Profile::Standard);
    e.always_redact("brightwater-ceramics");
    e.keep_domain("Shop.Brightwater-Ceramics.example");
    e.learn(text.as_bytes());
    let r = e.redact(text.as_bytes()).text_lossy();
    assert!(
        r.starts_with(
            "GET https://shop.brightwater-ceramics.example/checkout for [CUSTOM_1] staff"
        ),
        "{r}"
    );
    assert!(
        !r.contains("ana@"),
        "an address at the domain still goes: {r}"
    );

    // Without the domain kept, the term eats it: the hook is what keeps it.
    let mut e = Engine::new(Profile::Standard);
    e.always_redact("brightwater-ceramics");
    assert!(
        e.redact(text.as_bytes())
            .text_lossy()
            .contains("shop.[CUSTOM_1]")
    );

    // And the report's redaction of a session honours it.
    let home = Home::new();
    let id = open_session(
        &home,
        "alice",
        at("2026-11-24T10:00:00Z"),
        &[
            Msg::KeepDomain {
                domain: "shop.brightwater-ceramics.example".into(),
            },
            Msg::RedactTerm {
                term: "brightwater-ceramics".into(),
            },
            Msg::Enter {
                step: "environment".into(),
            },
            Msg::Answer {
                field: "hosting_provider".into(),
                value: "brightwater-ceramics VPS at shop.brightwater-ceramics.example".into(),
            },
        ],
    );
    let session = saved(&home, &id);
    let values = export::redacted_values(&session, &support_context().runbook);
    let (_, hosting) = values
        .iter()
        .find(|(label, _)| label == "hosting_provider")
        .unwrap();
    assert_eq!(
        hosting,
        "[CUSTOM_1] VPS at shop.brightwater-ceramics.example"
    );
}
