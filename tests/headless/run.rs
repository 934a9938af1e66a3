//! `runbook run` on realistic incidents, then `check` and `sessions` on what it saved.

use super::*;

/// An answers file, its exit code, and where it goes (target, then, provider).
type Incident = (
    &'static str,
    i32,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const INCIDENTS: &[Incident] = &[
    (
        "plugin-fatal-on-order-edit",
        0,
        "codecanyon-support",
        None,
        None,
    ),
    ("presale-question", 0, "contact-page", None, None),
    (
        "checkout-down-ongoing",
        0,
        "internal-operations",
        Some("hosting"),
        None,
    ),
    (
        "provider-rate-limit",
        0,
        "provider-support",
        None,
        Some("openai"),
    ),
    ("hosting-memory-exhausted", 0, "hosting", None, None),
    (
        "customer-data-in-log",
        0,
        "internal-operations",
        Some("codecanyon-support"),
        None,
    ),
    ("vague-and-incomplete", 1, "internal-operations", None, None),
];

#[test]
fn every_incident_reaches_its_verdict_and_target() {
    let home = Home::new();
    for &(name, code, target, then, provider) in INCIDENTS {
        let (doc, status) = run_json(&home, name);
        assert_eq!(status, Some(code), "{name}: {doc}");
        assert_eq!(
            doc["verdict"],
            if code == 0 { "PASS" } else { "FAIL" },
            "{name}"
        );
        assert_eq!(doc["runbook"], "support-context");
        let e = &doc["escalation"];
        assert_eq!(e["target"], target, "{name}: {doc}");
        assert_eq!(e["then"].as_str(), then, "{name}");
        assert_eq!(e["provider"].as_str(), provider, "{name}");
        assert!(!e["reasons"].as_array().unwrap().is_empty());
        assert_eq!(doc["checks"].as_array().unwrap().len(), 4);
    }
    assert_eq!(home.sessions().len(), INCIDENTS.len());
}

#[test]
fn the_json_verdict_has_exactly_the_documented_shape() {
    let home = Home::new();
    let (doc, _) = run_json(&home, "vague-and-incomplete");
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&doc),
        [
            "checks",
            "escalation",
            "missing",
            "runbook",
            "session",
            "verdict"
        ]
    );
    assert_eq!(keys(&doc["checks"][0]), ["id", "passed", "reason", "title"]);
    assert_eq!(
        keys(&doc["escalation"]),
        ["provider", "reasons", "target", "then"]
    );
    assert_eq!(
        doc["missing"],
        serde_json::json!([
            "sophmate_version",
            "wordpress_version",
            "woocommerce_version",
            "php_version",
            "purchase_context",
            "reproduction_steps",
            "diagnostics"
        ])
    );
    let failing: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["passed"] == false)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing,
        ["retry_ready", "sanitized", "reproducible_without_secrets"]
    );
}

#[test]
fn check_repeats_the_verdict_of_a_saved_session() {
    let home = Home::new();
    let (doc, _) = run_json(&home, "provider-rate-limit");
    let id = doc["session"].as_str().unwrap();
    let out = home.runbook(&["check", id, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(again, doc);
    let out = home.runbook(&["check", id]);
    let t = text(&out.stdout);
    assert!(
        t.starts_with(&format!("PASS  support-context  session {id}\n")),
        "{t}"
    );
    assert!(
        t.contains("escalation: provider-support (provider: openai)"),
        "{t}"
    );
}

#[test]
fn the_text_verdict_says_what_is_missing_and_what_to_do() {
    let home = Home::new();
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &answers("vague-and-incomplete"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let t = text(&out.stdout);
    assert!(t.starts_with("FAIL  support-context  session "), "{t}");
    assert!(
        t.contains("\nmissing: sophmate_version, wordpress_version"),
        "{t}"
    );
    assert!(
        t.contains("\nto do:\n  - retry_ready: Required fields are missing"),
        "{t}"
    );
}

#[test]
fn an_answer_of_no_private_data_is_challenged_by_the_evidence() {
    let home = Home::new();
    let evidence = std::fs::canonicalize("tests/answers/evidence").unwrap();
    let clean = std::fs::read_to_string(answers("plugin-fatal-on-order-edit"))
        .unwrap()
        .replace("[evidence/", &format!("[{}/", evidence.display()));
    let with = |diagnostics: &str| {
        clean.replace(
            "  suspected_owner: plugin\n",
            &format!("  suspected_owner: plugin\n  diagnostics: |\n    {diagnostics}\n"),
        )
    };
    // Two different addresses, the first twice, and a card: counted as values.
    let contradicted = home.write(
        "contradicted.yaml",
        &with("mails to jo.berg@example.net and kim@shop.example, jo.berg@example.net paid with 4111 1111 1111 1111"),
    );
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &contradicted.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let t = text(&out.stdout);
    assert!(
        t.contains("escalation_known: You answered no to private data, but the evidence holds 2 email addresses and 1 card number"),
        "{t}"
    );
    assert!(!t.contains("jo.berg") && !t.contains("4111"), "{t}");
    // Nothing private in it: the same answer passes.
    let plain = home.write("plain.yaml", &with("the panel loads twice on every order"));
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &plain.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    // Answered unsure: nothing to challenge.
    let unsure = home.write(
        "unsure.yaml",
        &with("mails to jo.berg@example.net").replace(
            "private_data_exposed: \"no\"",
            "private_data_exposed: unsure",
        ),
    );
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &unsure.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}

#[test]
fn refused_runs_name_the_place_and_leave_no_session() {
    let home = Home::new();
    let cases = [
        (
            "refused-retry-before-preserve",
            "tests/answers/refused-retry-before-preserve.yaml:8:20: Retry is locked until the error message and its timestamp are preserved",
        ),
        (
            "refused-latest-version",
            "tests/answers/refused-latest-version.yaml:9:16: php_version is not a version",
        ),
    ];
    for (name, message) in cases {
        let out = home.runbook(&["run", "support-context", "--answers", &answers(name)]);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        assert!(
            text(&out.stderr).starts_with(&format!("runbook: {message}")),
            "{}",
            show(&out)
        );
        assert!(out.stdout.is_empty());
    }
    assert!(home.sessions().is_empty());
}

#[test]
fn unknown_fields_choices_and_runbooks_are_refused() {
    let home = Home::new();
    let f = home.path().join("a.yaml");
    let cases = [
        (
            "answers:\n  php_versoin: 8.2\n",
            "a.yaml:2:16: this is not a field of support-context (did you mean php_version?) — use one of: error_message,",
        ),
        (
            "answers:\n  request_type: bug\n",
            "a.yaml:2:17: request_type is not one of the choices — use one of: purchase-plugin-issue, pre-sale-question, website-question",
        ),
        (
            "runbook: incident-response\nanswers: {}\n",
            "a.yaml:1:10: this answers file is for runbook \"incident-response\", not \"support-context\"",
        ),
        (
            "confirm: [reviewed]\n",
            "a.yaml:1:11: this is not a confirmation of support-context — use one of: redaction_reviewed",
        ),
        (
            "answers:\n  evidence_files: [missing.log]\n  request_type: purchase-plugin-issue\n",
            "a.yaml:2:19: evidence_files: cannot read evidence file",
        ),
        (
            "answers:\n  php_version: 8.2\n---\nanswers:\n  php_version: 7.4\n",
            "a.yaml:3:1: a second YAML document starts here",
        ),
        (
            "answers:\n  sophmate_version: &v 2.4.1\n  php_version: *v\n",
            "a.yaml:3:16: an alias (`*name`) is not read here — write the value out in full",
        ),
    ];
    for (yaml, message) in cases {
        std::fs::write(&f, yaml).unwrap();
        let out = home.runbook(&["run", "support-context", "--answers", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        let err = text(&out.stderr);
        let want = format!("runbook: {}/{message}", home.path().display());
        assert!(err.starts_with(&want), "want {want}\n{}", show(&out));
    }
    // A runbook file is held to what `validate` holds it to.
    let book = std::fs::read_to_string("runbooks/support-context.yaml")
        .unwrap()
        .replace("runbook: incident-response", "runbook: no-such-book");
    let book_path = home.write("book.yaml", &book);
    std::fs::write(&f, "answers: {}\n").unwrap();
    let out = home.runbook(&[
        "run",
        book_path.to_str().unwrap(),
        "--answers",
        f.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("related runbook \"no-such-book\" is not known"),
        "{}",
        show(&out)
    );
    let out = home.runbook(&["run", "no-such-runbook", "--answers", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no runbook has this id"),
        "{}",
        show(&out)
    );
    assert!(home.sessions().is_empty());
}

#[test]
fn evidence_is_copied_into_the_session_privately() {
    let home = Home::new();
    let (doc, status) = run_json(&home, "plugin-fatal-on-order-edit");
    assert_eq!(status, Some(0), "{doc}");
    let dir = home
        .path()
        .join("sessions")
        .join(doc["session"].as_str().unwrap());
    let copy = dir.join("evidence/001-order-edit-debug.log");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read("tests/answers/evidence/order-edit-debug.log").unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("evidence")), 0o700);
        for f in [
            "journal.jsonl",
            "runbook.yaml",
            "lock",
            "evidence/001-order-edit-debug.log",
        ] {
            assert_eq!(mode(&dir.join(f)), 0o600, "{f}");
        }
    }
}

#[test]
fn sessions_lists_id_runbook_started_state_and_verdict() {
    let home = Home::new();
    let out = home.runbook(&["sessions"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("no sessions yet"));
    let (a, _) = run_json(&home, "presale-question");
    let (b, _) = run_json(&home, "vague-and-incomplete");
    let out = home.runbook(&["sessions"]);
    let t = text(&out.stdout);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 3, "{t}");
    assert!(lines[0].starts_with("ID "), "{t}");
    for (line, doc, verdict) in [(lines[1], &a, "PASS"), (lines[2], &b, "FAIL")] {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols[0], doc["session"].as_str().unwrap());
        assert_eq!(cols[1], "support-context");
        assert_eq!(&cols[cols.len() - 2..], ["finished", verdict]);
    }
}

#[test]
fn a_copy_of_the_runbook_with_two_routes_swapped_changes_the_target() {
    let home = Home::new();
    let dir = home.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    let original = std::fs::read_to_string("runbooks/support-context.yaml").unwrap();
    let swapped = swap(&original, "private-data", "plugin");
    std::fs::write(dir.join("support-context.yaml"), swapped).unwrap();
    let (doc, _) = run_json(&home, "customer-data-in-log");
    assert_eq!(doc["escalation"]["target"], "internal-operations");
    let out = home.runbook(&[
        "--runbooks",
        dir.to_str().unwrap(),
        "run",
        "support-context",
        "--answers",
        &answers("customer-data-in-log"),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}\n{}", show(&out)));
    assert_eq!(doc["escalation"]["target"], "codecanyon-support", "{doc}");
    let out = home.runbook(&["--runbooks", dir.to_str().unwrap(), "runbooks"]);
    let t = text(&out.stdout);
    let line = t
        .lines()
        .find(|l| l.starts_with("support-context "))
        .unwrap();
    assert!(
        line.ends_with("support-context.yaml") && line.contains("mine"),
        "{t}"
    );
}

/// Exchanges the blocks of routes `a` and `b` (each starts at `  - id: NAME`).
fn swap(text: &str, a: &str, b: &str) -> String {
    let start = |id: &str| text.find(&format!("\n  - id: {id}\n")).unwrap() + 1;
    let end = |from: usize| {
        let rest = &text[from + 1..];
        from + 1
            + rest
                .find("\n  - id: ")
                .or_else(|| rest.find("\n\n"))
                .unwrap()
            + 1
    };
    let (sa, sb) = (start(a), start(b));
    let (ea, eb) = (end(sa), end(sb));
    assert!(ea <= sb, "{a} must come before {b}");
    format!(
        "{}{}{}{}{}",
        &text[..sa],
        &text[sb..eb],
        &text[ea..sb],
        &text[sa..ea],
        &text[eb..]
    )
}

#[test]
fn runbooks_lists_every_built_in_runbook() {
    let home = Home::new();
    let out = home.runbook(&["runbooks"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let t = text(&out.stdout);
    for id in [
        "support-context",
        "incident-response",
        "post-incident-review",
        "privacy-data-retention",
        "contacting-support",
        "support-sla-escalation",
        "error-reports-support-codes",
        "migration-reindex-review",
        "changelog-release-review",
    ] {
        assert!(
            t.lines()
                .any(|l| l.starts_with(&format!("{id} ")) && l.ends_with("built-in")),
            "{id}\n{t}"
        );
    }
}

#[test]
fn completions_are_printed_for_a_shell() {
    let home = Home::new();
    let out = home.runbook(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let t = text(&out.stdout);
    assert!(t.contains("_runbook()") && t.contains("validate"), "{t}");
    let out = home.runbook(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_command_has_a_man_page_rendered_from_its_help() {
    let home = Home::new();
    let dir = home.path().join("man");
    let out = home.runbook(&["man", "--dir", &dir.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let page = |name: &str| std::fs::read_to_string(dir.join(format!("{name}.1"))).ok();
    let main = page("runbook").expect("runbook.1");
    assert!(
        main.contains(".TH runbook 1") && main.contains("\\-\\-home"),
        "{main}"
    );
    let commands: Vec<String> = runbook::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(commands.len() > 15, "{commands:?}");
    for name in &commands {
        let page =
            page(&format!("runbook-{name}")).unwrap_or_else(|| panic!("no man page for {name}"));
        // Every flag the command's --help lists is on its page.
        let help = text(&home.runbook(&[name.as_str(), "--help"]).stdout);
        for flag in help
            .split_whitespace()
            .filter(|w| w.starts_with("--") && w.len() > 3)
        {
            let flag = flag.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let roff = flag.replace('-', "\\-");
            assert!(
                page.contains(&roff),
                "{name}: {flag} is in --help but not in its man page"
            );
        }
    }
}

#[test]
fn the_version_names_its_commit_and_its_rules() {
    let home = Home::new();
    let out = home.runbook(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let t = text(&out.stdout);
    let rules = runbook::redact::rules().len();
    assert!(
        t.starts_with(&format!("runbook {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{t}"
    );
    assert!(
        t.trim_end()
            .ends_with(&format!(", {rules} redaction rules)")),
        "{t}"
    );
}

#[test]
fn the_incident_response_runbook_is_walkable_headless() {
    let home = Home::new();
    let out = home.runbook(&[
        "run",
        "incident-response",
        "--answers",
        &answers("incident-checkout-500"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["runbook"], "incident-response");
    assert_eq!(doc["escalation"]["target"], "hosting");
    // Containment before the evidence is preserved is refused, as the retry is in support-context.
    let f = home.path().join("early.yaml");
    std::fs::write(&f, "answers:\n  containment_action: rollback\n").unwrap();
    let out = home.runbook(&["run", "incident-response", "--answers", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(text(&out.stderr).ends_with(":2:23: Containment is locked until the error evidence and the time it was first seen are preserved\n"), "{}", show(&out));
}

#[test]
fn every_problem_of_an_answers_file_is_named_in_one_pass() {
    let home = Home::new();
    let file = home.write(
        "many.yaml",
        "runbook: support-context\nanswers:\n  request_type: purchase-plugin-issue\n  production_impact: sometimes\n  sophmate_version: latest\n  colour: blue\nconfirm: [nothing_here]\n",
    );
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &file.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = text(&out.stderr);
    assert!(
        err.contains("4 problems in the answers file; nothing was saved"),
        "{err}"
    );
    let places: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split(": ").next())
        .filter_map(|p| p.strip_prefix(&*file.to_string_lossy()))
        .collect();
    assert_eq!(places, [":4:22", ":5:21", ":6:11", ":7:11"], "{err}");
    assert!(home.sessions().is_empty());
}
