//! The review of a finished session through the real terminal UI, then its
//! document headless.

use super::*;

/// A finished support-context session, made headless: its id.
pub fn finished_session(home: &std::path::Path) -> String {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/answers/plugin-fatal-on-order-edit.yaml"
    );
    let (status, out, err) = runbook(home, &["run", "support-context", "--answers", answers]);
    assert_eq!(status, 0, "{out}{err}");
    session_dir(home)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_finished_session_is_reviewed_and_its_document_printed() {
    let home = tempfile::tempdir().unwrap();
    let id = finished_session(home.path());
    let mut t = Term::start(home.path(), &["review", &id]);
    t.wait_for(&format!("Incident {id}"));
    t.wait_for("Retries before preservation: 0");
    t.wait_for("Session id or incident reference");
    // The incident reference is filled in from the link.
    t.key(ENTER, "When the impact started");
    t.send("2026-11-24T09:58:12+00:00");
    t.key(ENTER, "When normal behaviour was confirmed");
    t.send("2026-11-24T10:40:00+00:00");
    t.key(ENTER, "What happened, in order");
    t.paste("Order edit screen died with a fatal error\nPlugin update rolled back");
    t.key(TAB, "Impact");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    t.restored().unwrap();

    let (status, doc, err) = runbook(home.path(), &["review", &id, "--format", "md"]);
    assert_eq!(status, 0, "{doc}{err}");
    for expected in [
        &format!("# Post-incident review of session {id}") as &str,
        "| Retries before preservation | 0 (0 declared",
        "| Time to escalation |",
        "to codecanyon-support",
        "answered error_message",
        "**Session id or incident reference:**",
        "Plugin update rolled back",
        "2026-11-24T10:40:00Z",
    ] {
        assert!(doc.contains(expected), "{expected}:\n{doc}");
    }
    // The review is its own session, linked to the incident.
    let (_, sessions, _) = runbook(home.path(), &["sessions"]);
    assert!(sessions.contains("post-incident-review"), "{sessions}");
}

#[test]
fn an_open_session_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Term::start(home.path(), &["start", "support-context"]);
    t.wait_for("Error message, exactly as shown");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    let id = session_dir(home.path())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    for args in [vec!["review", &id, "--format", "md"], vec!["review", &id]] {
        let (status, out, err) = runbook(home.path(), &args);
        assert_eq!(status, 2, "{out}{err}");
        assert!(
            err.contains("is still open — finish or abandon it first"),
            "{err}"
        );
        assert!(out.is_empty());
    }
}

#[test]
fn retries_declared_before_the_runbook_are_in_the_document() {
    let home = tempfile::tempdir().unwrap();
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/answers/vague-and-incomplete.yaml"
    );
    runbook(
        home.path(),
        &["run", "support-context", "--answers", answers],
    );
    let id = session_dir(home.path())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let (status, doc, err) = runbook(home.path(), &["review", &id, "--format", "md"]);
    assert_eq!(status, 0, "{err}");
    assert!(
        doc.contains("| Retries before preservation | 5 (5 declared"),
        "{doc}"
    );
    assert!(doc.contains("the checks never all passed"), "{doc}");
    assert!(doc.contains("No review yet"), "{doc}");
    // Every section of the review is there before it has answers, saying so.
    assert!(doc.contains("### Timeline\n\nNo answers yet."), "{doc}");
    assert!(doc.contains("### Prevention\n\nNo answers yet."), "{doc}");
}
