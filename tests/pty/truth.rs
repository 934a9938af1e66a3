//! What the walk says is what is so: the redaction review confirmed only
//! from the review, a finished session read-only until reopened on purpose,
//! a restored draft where the focus is.

use super::review::finished_session;
use super::walk::{to_the_environment_step, to_the_redaction_step};
use super::*;

fn id_of(home: &std::path::Path) -> String {
    session_dir(home)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn journal(home: &std::path::Path) -> String {
    std::fs::read_to_string(session_dir(home).join("journal.jsonl")).unwrap()
}

#[test]
fn the_redaction_confirmation_is_given_only_from_the_review() {
    let home = tempfile::tempdir().unwrap();
    let mut t = to_the_redaction_step(home.path());
    t.wait_for("[ ] I have reviewed");
    // Tab to the tick box and Enter: the review opens instead of a tick.
    t.send(TAB);
    t.key(ENTER, "This is confirmed here, in the review");
    t.wait_for("Redacted — what leaves the machine");
    t.key("q", "Review closed, not confirmed");
    t.wait_for("[ ] I have reviewed");
    assert!(!journal(home.path()).contains("\"event\":\"confirmed\""));
    // In the review, with every finding on screen, `c` confirms it.
    t.key(ENTER, "Redacted — what leaves the machine");
    t.key("c", "Redaction review confirmed");
    t.wait_for("[x] I have reviewed");
    assert!(journal(home.path()).contains("\"id\":\"redaction_reviewed\""));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_finished_session_is_read_only_until_reopened_on_purpose() {
    let home = tempfile::tempdir().unwrap();
    let id = finished_session(home.path());
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("read-only");
    t.wait_for("Step 11 of 11");
    // Typing into the error field changes nothing and writes no draft.
    t.key(ESC, "Enter open");
    t.send(HOME);
    t.key(ENTER, "Step 1 of 11");
    t.send("zz");
    t.wait_for("Ctrl+R reopens it");
    assert!(!t.contents().contains("zz"), "{}", t.contents());
    // One Ctrl+R says what reopening does; any other key keeps it finished.
    t.key(CTRL_R, "Reopen this session?");
    t.send(TAB);
    t.key(CTRL_R, "Reopen this session?");
    t.key(CTRL_R, "Reopened:");
    t.wait_for("· open");
    let journal = journal(home.path());
    assert_eq!(
        journal.matches("\"event\":\"reopened\"").count(),
        1,
        "{journal}"
    );
    assert!(
        journal.contains("\"event\":\"unconfirmed\",\"id\":\"redaction_reviewed\""),
        "{journal}"
    );
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    t.wait_for(&format!("Resume it with: runbook resume {id}"));
}

#[test]
fn evidence_attached_to_a_finished_session_reopens_it() {
    let home = tempfile::tempdir().unwrap();
    let id = finished_session(home.path());
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("read-only");
    let (status, out, err) = runbook_stdin(
        home.path(),
        &["attach", &id, "-"],
        b"[24-Nov-2026 10:02:40 UTC] PHP Warning: sophmate cache miss\n",
    );
    assert_eq!(status, 0, "{out}{err}");
    t.wait_for("arrived from `runbook attach`");
    t.wait_for("· open");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let journal = journal(home.path());
    assert!(journal.contains("evidence arrived: stdin"), "{journal}");
}

#[test]
fn a_restored_draft_has_the_focus_and_save_says_only_what_it_wrote() {
    let home = tempfile::tempdir().unwrap();
    let (mut t, dir) = to_the_environment_step(home.path());
    // The third field of the step: the focus must come back here, not to the first.
    t.send(TAB);
    t.send(TAB);
    t.send("9.8-beta");
    t.wait_for("9.8-beta");
    t.wait_until("the draft on disk", |_| {
        std::fs::read_to_string(dir.join("draft.json")).is_ok_and(|d| d.contains("9.8-beta"))
    });
    t.signal("KILL");
    t.wait_exit();

    let id = id_of(home.path());
    let mut t = Term::start(home.path(), &["resume", &id]);
    t.wait_for("restored from an unsaved draft");
    // A key typed now lands in the restored field.
    t.key("7", "9.8-beta7");
    let before = journal(home.path());
    t.key(CTRL_S, "Saved.");
    let after = journal(home.path());
    assert!(after.len() > before.len() && after.contains("9.8-beta7"));
    t.key(CTRL_S, "Nothing new to save");
    assert_eq!(journal(home.path()), after);
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}
