//! Walks of the support-context runbook through the real terminal UI.

use super::*;

const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_api()\nStack trace:\n#0 {main}\n  thrown for jane.doe@example.com";

/// The preserve step, answered with a pasted error.
pub fn preserve(t: &mut Term) {
    t.wait_for("Error message, exactly as shown");
    t.paste(ERROR);
    t.wait_for("thrown for jane.doe@example.com");
    t.key(TAB, "from the error text");
    t.key(ENTER, "✓ confirmed");
    t.send("WooCommerce > Orders > Edit order");
    t.key(ENTER, "Affected user");
    t.send("shop_manager (user 12)");
}

#[test]
fn the_whole_runbook_from_start_to_verdict() {
    let home = tempfile::tempdir().unwrap();
    let evidence = home.path().join("debug.log");
    std::fs::write(
        &evidence,
        "[24-Nov-2026 09:58:11 UTC] order 10233 for john.smith@example.org failed\n",
    )
    .unwrap();
    let mut t = Term::start(home.path(), &[]);
    preserve(&mut t);
    t.key(CTRL_N, "Step 2 of 11");
    t.key(ENTER, "(•) purchase-plugin-issue");
    t.send(RIGHT);
    t.key(ENTER, "(•) resolved");
    t.send(RIGHT);
    t.key(ENTER, "(•) no");
    t.key(CTRL_N, "Step 3 of 11");
    t.send(RIGHT);
    t.key(ENTER, "(•) no");
    t.key(CTRL_N, "Step 4 of 11");
    for v in ["3.4.1", "6.8.1", "9.4.2", "8.2.12"] {
        t.send(v);
        t.send(ENTER);
    }
    t.key(ENTER, "Hosting provider");
    t.key(CTRL_N, "Step 5 of 11");
    t.send("Regular licence, bought 2026-03-02");
    t.key(CTRL_N, "Step 6 of 11");
    t.paste("Open WooCommerce > Orders\nClick Generate reply");
    t.key(CTRL_N, "Step 7 of 11");
    t.send(TAB);
    t.paste(&evidence.display().to_string());
    t.key(ENTER, "Attached debug.log");
    t.key(CTRL_N, "Step 8 of 11");
    t.key(ENTER, "Redacted — what leaves the machine");
    t.key("n", "[EMAIL_1]");
    // A keep decision changes what the report exports.
    let id = session_dir(home.path())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let (_, before, _) = runbook(home.path(), &["report", &id]);
    assert!(before.contains("[EMAIL_1]"), "{before}");
    assert!(!before.contains("jane.doe@example.com"), "{before}");
    t.key("k", "why may it leave?");
    t.send("the customer asked us to include it");
    t.key(ENTER, "kept as is everywhere");
    let (_, after, _) = runbook(home.path(), &["report", &id]);
    assert!(after.contains("jane.doe@example.com"), "{after}");
    assert!(
        after.contains("the customer asked us to include it"),
        "{after}"
    );
    // The confirmation is given in the review, once every finding was shown.
    // The evidence is below the first screen: the first `c` shows it.
    t.key("c", "not on screen yet");
    t.key("c", "Redaction review confirmed");
    t.wait_for("[x] I have reviewed");
    t.key(CTRL_N, "Step 9 of 11");
    t.key(ENTER, "(•) plugin");
    t.key(CTRL_N, "Step 10 of 11");
    t.key(CTRL_N, "Step 11 of 11");
    // "No private data" is challenged by the evidence, and one key goes to the fix.
    t.wait_for("Verdict: FAIL");
    t.wait_for("You answered no to private data");
    t.key(ENTER, "Could private data be exposed?");
    t.wait_for("Step 2 of 11");
    t.send(RIGHT);
    t.key(ENTER, "(•) unsure");
    t.key(ESC, "Enter open");
    t.send(END);
    t.key(ENTER, "Step 11 of 11");
    t.wait_for("Verdict: PASS");
    t.key(ENTER, "Verdict recorded: PASS");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.wait_for("escalation: internal-operations");
    let screen = t.contents();
    assert!(screen.contains("PASS  support-context"), "{screen}");
    assert!(
        screen.contains("report.md"),
        "where the report is: {screen}"
    );
    t.restored().unwrap();

    let dir = session_dir(home.path());
    let saved = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(
        saved.contains("jane.doe@example.com"),
        "the kept value: {saved}"
    );
    assert!(!saved.contains("john.smith@example.org"), "{saved}");
    let (status, out, err) = runbook(home.path(), &["check", &id, "--format", "json"]);
    assert_eq!(status, 0, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verdict"], "PASS");
    assert_eq!(v["escalation"]["target"], "internal-operations");
    assert_eq!(v["escalation"]["then"], "codecanyon-support");
}

#[test]
fn the_retry_step_stays_locked_until_the_error_is_preserved() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.wait_for("⊘ 3. Retry");
    t.key(ESC, "Enter open");
    t.send(DOWN);
    t.send(DOWN);
    t.key(
        ENTER,
        "Retry is locked until the error message and its timestamp are preserved",
    );
    assert!(t.contents().contains("Step 1 of 11"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// A new plugin-issue session walked to its environment step (step 4): the
/// terminal, and the session's folder.
pub fn to_the_environment_step(home: &std::path::Path) -> (Term, std::path::PathBuf) {
    let mut t = Term::start(home, &["start", "support-context"]);
    preserve(&mut t);
    t.key(TAB, "Retries or setting changes");
    t.key(CTRL_N, "Step 2 of 11");
    t.key(ENTER, "(•) purchase-plugin-issue");
    t.key(ESC, "Enter open");
    let dir = session_dir(home);
    t.send(CTRL_N);
    t.send(CTRL_N);
    t.wait_for("Step 4 of 11");
    (t, dir)
}

#[test]
fn a_kill_loses_nothing_committed_and_the_draft_comes_back() {
    let home = tempfile::tempdir().unwrap();
    // Typed but not committed: only the draft holds it.
    let (mut t, dir) = to_the_environment_step(home.path());
    t.send("6.9-RC1");
    t.wait_for("6.9-RC1");
    t.wait_until("the draft on disk", |_| {
        std::fs::read_to_string(dir.join("draft.json")).is_ok_and(|d| d.contains("6.9-RC1"))
    });
    t.signal("KILL");
    t.wait_exit();

    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("Step 4 of 11");
    t.wait_for("6.9-RC1");
    t.wait_for("restored from an unsaved draft");
    t.wait_for("✓ 1. Preserve");
    t.send("\x10"); // Ctrl+P saves the restored text and goes back a step
    t.wait_for("Step 3 of 11");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let (status, out, _) = runbook(home.path(), &["check", &id, "--format", "json"]);
    assert_eq!(status, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let missing: Vec<&str> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(!missing.contains(&"error_message"), "{missing:?}");
    assert!(!missing.contains(&"request_type"), "{missing:?}");
    assert!(
        !missing.contains(&"sophmate_version"),
        "the draft was saved on resume: {missing:?}"
    );
}

#[test]
fn a_draft_older_than_a_commit_never_comes_back_over_it() {
    let home = tempfile::tempdir().unwrap();
    let (mut t, dir) = to_the_environment_step(home.path());
    t.send("3");
    t.wait_until("the draft on disk", |_| {
        std::fs::read_to_string(dir.join("draft.json"))
            .is_ok_and(|d| d.contains(r#""sophmate_version":"3""#))
    });
    let older_draft = std::fs::read(dir.join("draft.json")).unwrap();
    t.send(".4.1");
    t.wait_for("3.4.1");
    t.send(ENTER);
    t.wait_until("the answer in the journal", |_| {
        std::fs::read_to_string(dir.join("journal.jsonl")).is_ok_and(|j| j.contains("3.4.1"))
    });
    t.signal("KILL");
    t.wait_exit();
    // As a kill between the commit and the next draft save leaves it.
    std::fs::write(dir.join("draft.json"), older_draft).unwrap();

    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("Step 4 of 11");
    t.wait_for("3.4.1");
    assert!(
        !t.contents().contains("restored from an unsaved draft"),
        "{}",
        t.contents()
    );
    t.key(ESC, "Enter open");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let last = journal
        .lines()
        .rfind(|l| l.contains(r#""field":"sophmate_version""#))
        .unwrap();
    assert!(last.contains(r#""value":"3.4.1""#), "{last}");
}

#[test]
fn a_hang_up_saves_the_session_and_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.send("Error establishing a database connection");
    t.wait_for("Error establishing a database connection");
    t.signal("HUP");
    assert_eq!(t.wait_exit(), 129);
    t.restored().unwrap();
    let dir = session_dir(home.path());
    let draft = std::fs::read_to_string(dir.join("draft.json")).unwrap();
    assert!(
        draft.contains("Error establishing a database connection"),
        "{draft}"
    );
    let (status, out, err) = runbook(home.path(), &["sessions"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("open"), "{out}");
}

#[test]
fn two_signals_at_once_still_save_and_restore_the_terminal() {
    for signal in ["TERM", "INT", "QUIT"] {
        let home = tempfile::tempdir().unwrap();
        let mut t = Term::start(home.path(), &["start", "support-context"]);
        t.wait_for("Error message, exactly as shown");
        t.send("Error establishing a database connection");
        t.wait_for("Error establishing a database connection");
        let pid = t.pid().to_string();
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("kill -{signal} {pid}; kill -{signal} {pid}"))
            .status()
            .unwrap();
        assert!(status.success());
        let code = t.wait_exit();
        assert!([130, 143].contains(&code), "{signal}: exit {code}");
        t.restored().unwrap_or_else(|e| panic!("{signal}: {e}"));
        t.cooked().unwrap_or_else(|e| panic!("{signal}: {e}"));
        let draft = std::fs::read_to_string(session_dir(home.path()).join("draft.json")).unwrap();
        assert!(
            draft.contains("Error establishing a database connection"),
            "{signal}: {draft}"
        );
    }
}

#[test]
fn without_a_terminal_the_ui_refuses_and_names_the_headless_commands() {
    let home = tempfile::tempdir().unwrap();
    for args in [&[][..], &["start"], &["resume"]] {
        let (status, _, err) = runbook(home.path(), args);
        assert_eq!(status, 2, "{args:?}: {err}");
        assert!(err.contains("runbook run RUNBOOK --answers FILE"), "{err}");
    }
}

#[test]
fn a_long_field_goes_to_the_editor_and_back() {
    let home = tempfile::tempdir().unwrap();
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        // A line appended as to any text file: after the last one, not glued to it.
        "#!/bin/sh\necho '#1 wp-includes/class-wp-hook.php(324)' >> \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let editor = editor.display().to_string();
    let mut t = Term::start_with(
        home.path(),
        &["start", "support-context"],
        &[("EDITOR", editor.as_str())],
    );
    t.wait_for("Error message, exactly as shown");
    t.send("Fatal error in class-api.php");
    t.wait_for("Fatal error in class-api.php");
    t.key("\x18", "Saved the text from the editor"); // Ctrl+X
    t.wait_for("#1 wp-includes/class-wp-hook.php(324)");
    t.send("\x03"); // Ctrl+C: q would be text here
    assert_eq!(t.wait_exit(), 0);
    t.restored().unwrap();
    let dir = session_dir(home.path());
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(
        journal.contains(r"Fatal error in class-api.php\n#1 wp-includes/class-wp-hook.php(324)"),
        "{journal}"
    );
}

#[test]
fn evidence_attached_from_the_shell_shows_up_in_the_open_session() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("debug.log");
    std::fs::write(
        &log,
        "[24-Nov-2026 09:58:12 UTC] PHP Warning: sophmate cache miss\n",
    )
    .unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    preserve(&mut t);
    t.key(CTRL_N, "Step 2 of 11");
    // Evidence belongs to purchase issues: the request type opens its step.
    t.key(ENTER, "(•) purchase-plugin-issue");
    let dir = session_dir(home.path());
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    // As an operator would: `tail debug.log | runbook attach S -`.
    let mut attach = std::process::Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["attach", &id, "-"])
        .env("RUNBOOK_HOME", home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        attach.stdin.as_mut().unwrap(),
        &std::fs::read(&log).unwrap(),
    )
    .unwrap();
    drop(attach.stdin.take());
    let done = attach.wait_with_output().unwrap();
    assert!(done.status.success(), "{done:?}");
    t.wait_for("arrived from `runbook attach`");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(journal.contains("\"event\":\"attached\""), "{journal}");
    assert!(
        std::fs::read_dir(dir.join("inbox")).map_or(true, |d| d
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().ends_with(".item"))),
        "the inbox is empty once applied"
    );
}

#[test]
fn a_related_runbook_opens_as_a_linked_session_and_comes_back() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.key("\x0f", "Related runbooks"); // Ctrl+O
    t.key(ENTER, "Step 1 of");
    t.wait_until("the related runbook's walk", |s| {
        !s.contains("Support context ·")
    });
    t.send("\x03"); // Ctrl+C ends the linked walk only
    t.wait_for("Back from");
    t.wait_for("Support context ·");
    // The verdict step reminds that the linked session is still open.
    t.key(ESC, "Enter open");
    t.send(END);
    t.key(ENTER, "Step 11 of 11");
    t.wait_for("⚠ Linked session");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    let journals: Vec<String> = std::fs::read_dir(home.path().join("sessions"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path().join("journal.jsonl")).unwrap())
        .collect();
    assert_eq!(journals.len(), 2, "the first session and the linked one");
    assert!(
        journals.iter().all(|j| j.contains("\"event\":\"linked\"")),
        "the link is in both timelines: {journals:?}"
    );
}

#[test]
fn a_torn_last_record_is_said_in_the_walk_not_under_it() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.key(ESC, "Enter open");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let dir = session_dir(home.path());
    let mut journal = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("journal.jsonl"))
        .unwrap();
    std::io::Write::write_all(&mut journal, b"0badf00d 40 {\"at\":\"2026").unwrap();
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("A half-written record was dropped from the journal; every whole one is kept.");
    t.key(ESC, "Enter open");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn shift_tab_goes_back_a_field_and_inserts_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.paste(ERROR);
    t.wait_for("thrown for jane.doe@example.com");
    t.key(TAB, "from the error text");
    // Shift+Tab as terminals send it: CSI Z, reported as BackTab with Shift.
    t.send("\x1b[Z");
    t.send("!");
    t.wait_for("jane.doe@example.com!");
    let screen = t.contents();
    assert!(!screen.contains("example.com !"), "{screen}");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

/// A new walk on the redaction step of a purchase issue.
pub fn to_the_redaction_step(home: &std::path::Path) -> Term {
    let mut t = Term::start(home, &["start", "support-context"]);
    preserve(&mut t);
    t.key(CTRL_N, "Step 2 of 11");
    t.key(ENTER, "(•) purchase-plugin-issue");
    for _ in 0..6 {
        t.send(CTRL_N);
    }
    t.wait_for("Step 8 of 11");
    t
}

#[test]
fn q_in_the_side_by_side_review_returns_to_the_walk() {
    let home = tempfile::tempdir().unwrap();
    let mut t = to_the_redaction_step(home.path());
    t.key(ENTER, "Redacted — what leaves the machine");
    t.key("q", "Review closed");
    assert!(t.contents().contains("Step 8 of 11"), "{}", t.contents());
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
