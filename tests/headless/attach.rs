//! `runbook attach`: evidence from the shell into an open session, directly
//! when no other program has it open, through its inbox when one does.

use runbook::commands::attach::{Applied, apply_inbox};
use runbook::machine::{Session, What, export};

use super::open::{at, open_session, open_when_free, saved, support_context};
use super::*;

const KEY: &str = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT";

fn log() -> String {
    format!(
        "[24-Nov-2026 09:58:12 UTC] PHP Fatal error: Uncaught Error in class-sophmate.php:42\nAuthorization: Bearer {KEY}\n"
    )
}

fn attached(s: &Session) -> Vec<(String, String)> {
    s.evidence
        .iter()
        .map(|e| (e.name.clone(), e.text.clone()))
        .collect()
}

fn evidence_copies(home: &Home, id: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(home.path().join("sessions").join(id).join("evidence"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
    v.sort();
    v
}

fn inbox(home: &Home, id: &str) -> Vec<PathBuf> {
    std::fs::read_dir(home.path().join("sessions").join(id).join("inbox"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn stdin_goes_into_an_unlocked_session_redacted_and_clears_the_review() {
    let home = Home::new();
    let id = open_session(&home, "alice", at("2026-11-24T10:05:00Z"), &[]);
    assert!(
        saved(&home, &id)
            .confirmed
            .contains_key("redaction_reviewed")
    );
    let out = home.runbook_stdin(&["attach", &id, "-"], log().as_bytes(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let o = text(&out.stdout);
    assert!(
        o.contains(&format!(
            "attached stdin.log to evidence_files of session {id}"
        )),
        "{o}"
    );
    assert!(
        o.contains("redaction_reviewed is no longer confirmed"),
        "{o}"
    );
    assert!(!o.contains(KEY) && !text(&out.stderr).contains(KEY));

    let s = saved(&home, &id);
    assert_eq!(attached(&s), [("stdin.log".to_string(), log())]);
    assert!(!s.confirmed.contains_key("redaction_reviewed"));
    assert_eq!(s.timeline.last().unwrap().operator, "alice");
    // The copy in the session is the original, private; the report's text is redacted.
    let copies = evidence_copies(&home, &id);
    assert_eq!(copies.len(), 1);
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), log());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copies[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let values = export::redacted_values(&s, &support_context().runbook);
    let (_, text) = values
        .iter()
        .find(|(l, _)| l == "evidence_files: stdin.log")
        .unwrap();
    assert!(!text.contains("Zk3mQ9vR2xT7"), "{text}");
    assert!(text.contains("class-sophmate.php:42"), "{text}");

    // The same name again is kept apart, not refused.
    let out = home.runbook_stdin(&["attach", &id], b"second paste\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_eq!(attached(&saved(&home, &id))[1].0, "stdin (2).log");
}

#[test]
fn a_session_open_in_another_program_gets_it_through_its_inbox() {
    let home = Home::new();
    let id = open_session(&home, "alice", at("2026-11-24T10:05:00Z"), &[]);
    let store = home.store();
    // This process stands for the terminal UI: it holds the session's lock.
    let (mut open, stored) = open_when_free(&store, &id);
    let before = stored.events.len();
    let file = home.write("debug.log", &log());

    let out = home.runbook(&["attach", &id, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stdout)
            .contains("debug.log waits in its inbox and joins the session when that program picks it up (on resume at the latest)"),
        "{}",
        show(&out)
    );
    // Only the lock holder writes the journal.
    assert_eq!(store.read(&id).unwrap().events.len(), before);
    let waiting = inbox(&home, &id);
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&waiting[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let items = store.drain_inbox(&open).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].field.as_str(), items[0].name.as_str()),
        ("evidence_files", "debug.log")
    );
    assert_eq!(items[0].bytes, log().as_bytes());
    // Read, not yet applied: still there until its event is journaled.
    assert_eq!(inbox(&home, &id).len(), 1);

    let mut session = stored.session().unwrap();
    let rb = support_context().runbook;
    let applied = apply_inbox(
        &store,
        &mut open,
        &mut session,
        &rb,
        at("2026-11-24T10:06:00Z"),
    )
    .unwrap();
    assert!(
        matches!(&applied[..], [Applied::Attached { name, .. }] if name == "debug.log"),
        "{applied:?}"
    );
    assert!(inbox(&home, &id).is_empty());
    assert!(store.drain_inbox(&open).unwrap().is_empty());
    drop(open);
    let s = saved(&home, &id);
    assert_eq!(attached(&s), [("debug.log".to_string(), log())]);
    assert_eq!(s, session, "what was applied is what was journaled");
}

#[test]
fn evidence_left_in_the_inbox_is_applied_first_when_the_session_is_free() {
    let home = Home::new();
    let id = open_session(&home, "alice", at("2026-11-24T10:05:00Z"), &[]);
    let store = home.store();
    let lock = open_when_free(&store, &id);
    let out = home.runbook_stdin(&["attach", &id, "-"], b"first, while open\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    drop(lock);
    let out = home.runbook_stdin(&["attach", &id, "-"], b"second, once closed\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let s = saved(&home, &id);
    assert_eq!(
        attached(&s),
        [
            ("stdin.log".to_string(), "first, while open\n".to_string()),
            (
                "stdin (2).log".to_string(),
                "second, once closed\n".to_string()
            )
        ]
    );
    assert!(inbox(&home, &id).is_empty());
    assert_eq!(evidence_copies(&home, &id).len(), 2);
}

#[test]
fn around_keeps_the_lines_near_the_error_with_their_traces() {
    let home = Home::new();
    // The error was at 09:58:12 UTC (from the preserved error text).
    let id = open_session(&home, "alice", at("2026-11-24T10:05:00Z"), &[]);
    let log = "\
[24-Nov-2026 09:30:00 UTC] PHP Notice: long before
[24-Nov-2026 09:55:40 UTC] PHP Warning: slow query
[24-Nov-2026 09:58:12 UTC] PHP Fatal error: Uncaught Error
#0 /var/www/html/wp-content/plugins/sophmate/a.php(12): x()
#1 {main}
[24-Nov-2026 10:07:00 UTC] PHP Notice: just after
[24-Nov-2026 10:30:00 UTC] PHP Notice: long after
";
    let out = home.runbook_stdin(
        &["attach", &id, "-", "--around", "10m"],
        log.as_bytes(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stdout).contains(
            "stdin.log: kept 5 of 7 lines, those within 10m of error_timestamp 2026-11-24T09:58:12Z"
        ),
        "{}",
        show(&out)
    );
    let s = saved(&home, &id);
    assert_eq!(
        attached(&s)[0].1,
        log.lines()
            .skip(1)
            .take(5)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
    assert!(
        s.timeline
            .iter()
            .any(|e| matches!(&e.what, What::Noted { text } if text.contains("kept 5 of 7 lines")))
    );

    // WooCommerce and nginx logs too.
    let woo =
        "2026-11-24T09:40:00+00:00 INFO early\n2026-11-24T09:58:13+00:00 CRITICAL Uncaught Error\n";
    let out = home.runbook_stdin(&["attach", &id, "-", "--around", "1m"], woo.as_bytes(), &[]);
    assert!(
        text(&out.stdout).contains("kept 1 of 2 lines"),
        "{}",
        show(&out)
    );
    let access = "203.0.113.9 - - [24/Nov/2026:10:58:00 +0100] \"POST /wp-admin/admin-ajax.php HTTP/1.1\" 500 0\n203.0.113.9 - - [24/Nov/2026:12:00:00 +0100] \"GET / HTTP/1.1\" 200 10\n";
    let out = home.runbook_stdin(
        &["attach", &id, "-", "--around", "1m"],
        access.as_bytes(),
        &[],
    );
    assert!(
        text(&out.stdout).contains("kept 1 of 2 lines"),
        "{}",
        show(&out)
    );
}

#[test]
fn refusals_say_why_and_change_nothing() {
    let home = Home::new();
    let id = open_session(&home, "alice", at("2026-11-24T10:05:00Z"), &[]);
    let cases: &[(&[&str], &[u8], &str)] = &[
        (
            &["--field", "diagnostics"],
            b"x\n",
            "--field diagnostics: that field does not take files — attach to evidence_files",
        ),
        (
            &["--field", "nope"],
            b"x\n",
            "--field nope: no such field in this runbook",
        ),
        (&["--around", "10x"], b"x\n", "write it like 10m"),
        (
            &["--around", "10m"],
            b"no times at all\n",
            "stdin.log: no line has a timestamp the program can read",
        ),
        (&[], b"", "nothing to attach: stdin.log is empty"),
    ];
    for (extra, input, want) in cases {
        let mut args = vec!["attach", id.as_str(), "-"];
        args.extend_from_slice(extra);
        let out = home.runbook_stdin(&args, input, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(text(&out.stderr).contains(want), "{args:?}: {}", show(&out));
    }
    assert!(saved(&home, &id).evidence.is_empty());
    assert!(inbox(&home, &id).is_empty());

    let (doc, _) = run_json(&home, "hosting-memory-exhausted");
    let finished = doc["session"].as_str().unwrap();
    // Support asking for more logs after the report: attach reopens the
    // session, journaled, and the redaction review is required again.
    let out = home.runbook_stdin(&["attach", finished, "-"], b"late\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stdout).contains(&format!("session {finished} was finished: reopened")),
        "{}",
        show(&out)
    );
    let reopened = saved(&home, finished);
    assert_eq!(reopened.state, runbook::machine::State::Open);
    assert_eq!(reopened.evidence.len(), 1);
    assert!(!reopened.confirmed.contains_key("redaction_reviewed"));
    assert!(reopened.timeline.iter().any(|e| matches!(
        &e.what,
        runbook::machine::What::Reopened { reason } if reason.contains("evidence arrived")
    )));
    let out = home.runbook(&["attach", &id, "/nonexistent/debug.log"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot read /nonexistent/debug.log: no such file"),
        "{}",
        show(&out)
    );
}
