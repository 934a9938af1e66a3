//! `runbook report` through the binary: formats, exit codes, the copy in the
//! session folder, `--out`, `--copy` without a clipboard, DRAFT, the gate.

use runbook::machine::{self, Msg};
use runbook::runbook::Library;
use runbook::store::{Home as StoreHome, Store};

use super::*;

/// The secrets of `tests/answers/evidence/order-edit-debug.log`.
const KEY: &str = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT";

fn session_of(home: &Home, name: &str) -> String {
    let (doc, _) = run_json(home, name);
    doc["session"].as_str().unwrap().to_string()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// An unfinished session on disk, walked through the machine, with `diagnostics`.
fn open_session(home: &Home, diagnostics: &str) -> String {
    let loaded = Library::builtin()
        .unwrap()
        .get("support-context")
        .unwrap()
        .clone();
    let rb = &loaded.runbook;
    let store = Store::new(StoreHome::at(home.path()));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap();
    let mut open = store.create(now, &loaded.text).unwrap();
    let (mut s, effects) = machine::start(&open.id, rb, "dana", now);
    let mut events: Vec<machine::Event> = Vec::new();
    let mut keep = |effects: Vec<machine::Effect>| {
        for e in effects {
            if let machine::Effect::Persist(ev) = e {
                events.push(ev);
            }
        }
    };
    keep(effects);
    for (field, value) in [
        (
            "error_message",
            "[24-Nov-2026 09:58:12 UTC] PHP Fatal error: x\n",
        ),
        ("request_type", "purchase-plugin-issue"),
        ("diagnostics", diagnostics),
    ] {
        let msg = Msg::Answer {
            field: field.into(),
            value: value.into(),
        };
        keep(machine::update(&mut s, rb, msg, now).unwrap());
    }
    open.append_all(&events).unwrap();
    open.publish().unwrap();
    open.id.clone()
}

#[test]
fn markdown_goes_to_stdout_and_into_the_session_folder() {
    let home = Home::new();
    let id = session_of(&home, "plugin-fatal-on-order-edit");
    let out = home.runbook(&["report", &id]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Support context report\n"), "{md}");
    assert!(
        md.contains("OpenAI request with key [OPENAI_KEY_1]"),
        "{md}"
    );
    assert!(!md.contains(KEY) && !text(&out.stderr).contains(KEY));
    let saved = home.path().join("sessions").join(&id).join("report.md");
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), md);
    #[cfg(unix)]
    assert_eq!(mode(&saved), 0o600);
    assert!(
        text(&out.stderr).contains(&format!(
            "The report is also in the session: {}",
            saved.display()
        )),
        "{}",
        show(&out)
    );
}

#[test]
fn a_report_that_cannot_be_saved_in_the_session_is_still_printed() {
    let home = Home::new();
    let id = session_of(&home, "plugin-fatal-on-order-edit");
    // A folder where the copy would go: the save fails, whoever runs the test.
    let blocker = home.path().join("sessions").join(&id).join("report.md");
    std::fs::create_dir(&blocker).unwrap();
    let out = home.runbook(&["report", &id]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stdout).starts_with("# Support context report\n"),
        "{}",
        show(&out)
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning: the report is not saved in the session"),
        "{}",
        show(&out)
    );
    assert!(!err.contains("The report is also in the session"), "{err}");
}

#[test]
fn json_is_for_scripts() {
    let home = Home::new();
    let id = session_of(&home, "provider-rate-limit");
    let out = home.runbook(&["report", &id, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let mut keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "checks",
            "confirmations",
            "draft",
            "environment",
            "error",
            "escalation",
            "evidence",
            "format",
            "generated",
            "imported",
            "missing",
            "operator",
            "purchase_context",
            "redaction",
            "reproduction_steps",
            "runbook",
            "runbook_title",
            "sections",
            "session",
            "started",
            "state",
            "summary",
            "timeline",
            "todo",
            "verdict",
        ]
    );
    assert_eq!(doc["format"], 1);
    assert_eq!(doc["session"], id.as_str());
    assert_eq!(doc["draft"], false);
    assert_eq!(doc["verdict"], "PASS");
    assert_eq!(doc["escalation"]["target"]["id"], "provider-support");
    assert_eq!(doc["escalation"]["provider"], "openai");
    assert_eq!(doc["checks"].as_array().unwrap().len(), 4);
    let counts = &doc["redaction"]["counts"];
    for c in ["provider_key", "credential", "payment", "customer"] {
        assert!(counts[c].is_u64(), "{c}: {counts}");
    }
    let saved = home.path().join("sessions").join(&id).join("report.json");
    assert_eq!(std::fs::read(saved).unwrap(), out.stdout);
}

#[test]
fn out_writes_a_private_file_and_nothing_to_stdout() {
    let home = Home::new();
    let id = session_of(&home, "hosting-memory-exhausted");
    let file = home.path().join("for-the-host.txt");
    let out = home.runbook(&[
        "report",
        &id,
        "--format",
        "text",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(out.stdout.is_empty(), "{}", show(&out));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.starts_with("SUPPORT CONTEXT REPORT\n======================\n"),
        "{written}"
    );
    assert!(written.contains("ESCALATION: HOSTING SUPPORT"), "{written}");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let saved = home.path().join("sessions").join(&id).join("report.txt");
    assert_eq!(std::fs::read_to_string(saved).unwrap(), written);
    assert!(text(&out.stderr).contains(&format!("Saved to {}.", file.display())));
}

#[cfg(target_os = "linux")]
#[test]
fn copy_without_any_clipboard_says_where_the_report_went() {
    let home = Home::new();
    let id = session_of(&home, "presale-question");
    // No display, no SSH, no multiplexer, the Linux console (which ignores
    // OSC 52): only the file is left. Empty variables count as unset.
    let env = [
        ("DISPLAY", ""),
        ("WAYLAND_DISPLAY", ""),
        ("SSH_CONNECTION", ""),
        ("SSH_CLIENT", ""),
        ("SSH_TTY", ""),
        ("TMUX", ""),
        ("STY", ""),
        ("TERM", "linux"),
    ];
    let out = home.runbook_env(&["report", &id, "--copy"], &env);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(out.stdout.is_empty(), "{}", show(&out));
    let saved = home.path().join("sessions").join(&id).join("report.md");
    assert!(
        text(&out.stderr).contains(&format!(
            "No clipboard reachable from here: saved to {} (readable only by you).",
            saved.display()
        )),
        "{}",
        show(&out)
    );
    assert!(
        std::fs::read_to_string(saved)
            .unwrap()
            .starts_with("# Support context report")
    );
}

#[test]
fn an_unfinished_session_gives_a_draft() {
    let home = Home::new();
    let id = open_session(&home, "The warning repeats for every order\n");
    for (format, draft) in [
        ("md", "# Support context report — DRAFT\n"),
        ("text", "SUPPORT CONTEXT REPORT — DRAFT\n"),
    ] {
        let out = home.runbook(&["report", &id, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        assert!(text(&out.stdout).starts_with(draft), "{}", show(&out));
        assert!(
            text(&out.stderr).contains(&format!("DRAFT: session {id} is open")),
            "{}",
            show(&out)
        );
    }
    let out = home.runbook(&["report", &id, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["draft"], true);
    assert_eq!(doc["verdict"], "FAIL");
}

#[test]
fn the_gate_blocks_with_exit_3_and_writes_nothing() {
    let home = Home::new();
    let token = "Zq8xK2mP9vL4tR7wN3jC6hB1dF5gS0aYe4Uk";
    let id = open_session(
        &home,
        &format!("checkout session started\nref {token} expired\n"),
    );
    let file = home.path().join("blocked.md");
    let out = home.runbook(&["report", &id, "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", show(&out));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("runbook: the report is blocked: the strict re-scan finds 1 value(s)"),
        "{err}"
    );
    assert!(err.contains(", column 5: high_entropy [SECRET_1]"), "{err}");
    assert!(!err.contains(token) && out.stdout.is_empty());
    assert!(!file.exists());
    assert!(
        !home
            .path()
            .join("sessions")
            .join(&id)
            .join("report.md")
            .exists()
    );
}

#[test]
fn bad_sessions_and_formats_are_usage_errors() {
    let home = Home::new();
    let out = home.runbook(&["report", "20991231-000000-beef"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(text(&out.stderr).starts_with(
        "runbook: no session \"20991231-000000-beef\" — `runbook sessions` lists them"
    ));
    let out = home.runbook(&["report", "x", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let id = session_of(&home, "presale-question");
    let out = home.runbook(&["report", &id, "--out", "/nonexistent-folder/r.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        text(&out.stderr).starts_with("runbook: cannot write /nonexistent-folder/r.md"),
        "{}",
        show(&out)
    );
}

#[test]
fn a_pasted_status_report_fills_nothing_in_and_the_report_says_what_it_holds() {
    let home = Home::new();
    let (doc, code) = run_json(&home, "status-report-pasted");
    assert_eq!(code, Some(1), "{doc}");
    let missing: Vec<&str> = doc["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        [
            "sophmate_version",
            "wordpress_version",
            "woocommerce_version",
            "php_version"
        ]
    );
    let id = doc["session"].as_str().unwrap();
    let out = home.runbook(&["report", id]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let md = text(&out.stdout);
    for line in [
        "## Reports found in the evidence",
        "- **WooCommerce:** 9.8.5 (WooCommerce System Status Report, line 4: WC Version)",
        "- **PHP:** 8.2.27 (WooCommerce System Status Report, line 10: PHP Version)",
        "- SophMate is inactive (WooCommerce System Status Report, line 14: Inactive Plugins: SophMate – AI Shop Assistant)",
        "before the incident (2026-11-24T09:58:12Z)",
        "| SophMate | not given |",
    ] {
        assert!(md.contains(line), "{line:?}\n{md}");
    }
    assert!(
        text(&out.stderr).contains("2 thing(s) to check about the reports pasted as evidence"),
        "{}",
        show(&out)
    );
}

/// The report of a run as the binary prints it, with what changes from run
/// to run (the session id, the clock) replaced by names.
#[test]
fn text_report_of_a_run_snapshot() {
    let home = Home::new();
    let id = session_of(&home, "plugin-fatal-on-order-edit");
    let out = home.runbook(&["report", &id, "--format", "text"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let stable = [
        (r"\d{8}-\d{6}-[0-9a-f]{4}", "[SESSION]"),
        (
            r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}",
            "[LOCAL TIME]",
        ),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", "[UTC TIME]"),
    ]
    .iter()
    .fold(text(&out.stdout), |t, (pattern, name)| {
        regex::Regex::new(pattern)
            .unwrap()
            .replace_all(&t, *name)
            .into_owned()
    });
    insta::assert_snapshot!(stable);
}

#[test]
fn the_contacts_in_the_settings_say_where_to_send_it() {
    let home = Home::new();
    std::fs::write(
        home.path().join("settings.yaml"),
        "site_domain: shop.example.com\nhosting_support: https://support.hostco.example/tickets\nsupport_lead: \"On-call lead, +1 555 0100, #support-oncall\"\n",
    )
    .unwrap();
    let id = session_of(&home, "checkout-down-ongoing");
    let out = home.runbook(&["report", &id]);
    // The lead's phone is the operator's own setting: the gate lets it through.
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let md = text(&out.stdout);
    for line in [
        "- **Send it to:** Internal operations (support lead) — Hand the session to the support lead or on-call contact before anything leaves the team. Contact: On-call lead, +1 555 0100, #support-oncall\n",
        "- **Then:** Hosting support — Open a ticket with the hosting company, with the redacted report and the error timestamp. Contact: https://support.hostco.example/tickets\n",
    ] {
        assert!(md.contains(line), "{line:?}\n{md}");
    }
}
