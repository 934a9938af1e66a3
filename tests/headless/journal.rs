//! The journal of a real session: loadable at every byte it could be cut at,
//! a killed run leaves a loadable session, and a session has one writer.

use runbook::store::{Home as StoreHome, Store};

use super::open::open_when_free;

use super::*;

fn saved_session(home: &Home) -> (String, PathBuf) {
    let (doc, status) = run_json(home, "plugin-fatal-on-order-edit");
    assert_eq!(status, Some(0), "{doc}");
    let id = doc["session"].as_str().unwrap().to_string();
    let journal = home.path().join("sessions").join(&id).join("journal.jsonl");
    (id, journal)
}

#[test]
fn every_byte_prefix_of_a_real_journal_loads_the_events_fully_written() {
    let home = Home::new();
    let (id, journal) = saved_session(&home);
    let bytes = std::fs::read(&journal).unwrap();
    let ends: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
        .collect();
    assert!(ends.len() > 20, "a real walk writes many events");
    let store = Store::new(StoreHome::at(home.path()));
    let all = store.read(&id).unwrap().events;
    assert_eq!(all.len(), ends.len());
    for cut in 1..=bytes.len() {
        std::fs::write(&journal, &bytes[..cut]).unwrap();
        let stored = store
            .read(&id)
            .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        let whole = ends.iter().filter(|&&e| e <= cut).count();
        assert_eq!(stored.events, all[..whole], "cut at {cut}");
        assert_eq!(
            stored.warning.is_some(),
            !ends.contains(&cut),
            "cut at {cut}"
        );
        if whole > 0 {
            stored.session().unwrap();
        }
    }
}

/// Records in a session's journal.
fn records(home: &Home, id: &str) -> usize {
    let store = Store::new(StoreHome::at(home.path()));
    store.read(id).unwrap().events.len()
}

#[test]
fn a_run_killed_before_it_is_saved_leaves_no_session_behind() {
    let home = Home::new();
    let out = home.runbook_env(
        &[
            "run",
            "support-context",
            "--answers",
            &answers("plugin-fatal-on-order-edit"),
        ],
        &[("RUNBOOK_TEST_CRASH_AFTER_RECORDS", "12")],
    );
    assert!(
        !out.status.success() && out.status.code() != Some(1),
        "{}",
        show(&out)
    );
    let out = home.runbook(&["sessions"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("no sessions yet"),
        "{}",
        show(&out)
    );
    assert!(out.stdout.is_empty(), "{}", show(&out));

    // What the killed process was building is swept once it is old.
    let left = home.sessions();
    assert_eq!(left.len(), 1, "{left:?}");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(&left[0])
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let (doc, status) = run_json(&home, "plugin-fatal-on-order-edit");
    assert_eq!(status, Some(0), "{doc}");
    assert_eq!(home.sessions().len(), 1, "only the new session is left");
}

#[test]
fn a_session_killed_mid_write_loads_checks_and_continues() {
    let home = Home::new();
    let id =
        super::open::open_session(&home, "alice", super::open::at("2026-11-24T10:05:00Z"), &[]);
    let before = records(&home, &id);
    let out = home.runbook_stdin(
        &["attach", &id, "-"],
        b"PHP Fatal error: Uncaught Error\n",
        &[("RUNBOOK_TEST_CRASH_AFTER_RECORDS", &before.to_string())],
    );
    assert!(!out.status.success(), "{}", show(&out));

    let out = home.runbook(&["sessions"]);
    let t = text(&out.stdout);
    let row: Vec<&str> = t
        .lines()
        .find(|l| l.starts_with(&id))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[row.len() - 2..], ["open", "-"], "{t}");

    let out = home.runbook(&["check", &id, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(
        text(&out.stderr).contains(&format!("record {} was cut short", before + 1)),
        "{}",
        show(&out)
    );

    // Opening it to continue cuts the torn record off before appending.
    let out = home.runbook_stdin(&["attach", &id, "-"], b"second try\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let store = Store::new(StoreHome::at(home.path()));
    let again = store.read(&id).unwrap();
    assert!(again.warning.is_none(), "{:?}", again.warning);
    assert!(again.events.len() > before);
    again.session().unwrap();
}

/// `runbook` with its files limited to `max_kib` KiB, as a disk that fills
/// up would stop it: a write past the limit fails half-way.
fn runbook_on_a_full_disk(home: &Home, args: &[&str], input: &[u8], max_kib: u64) -> Output {
    use std::io::Write;
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {max_kib}; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .env("RUNBOOK_HOME", home.path())
        .env_remove("RUNBOOK_TEST_CRASH_AFTER_RECORDS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_write_refused_by_a_full_disk_leaves_the_session_whole() {
    let home = Home::new();
    let id =
        super::open::open_session(&home, "alice", super::open::at("2026-11-24T10:05:00Z"), &[]);
    let journal = home.path().join("sessions").join(&id).join("journal.jsonl");
    let before = std::fs::read(&journal).unwrap();
    let attached_before = super::open::saved(&home, &id).evidence.len();
    // The evidence copy fits under the limit; its record in the journal,
    // appended after what is there, does not.
    let log = "PHP Warning: a line of a long log\n".repeat(1500);
    let limit = (before.len() + log.len()) as u64 / 1024 + 1;
    assert!(limit * 1024 > log.len() as u64);
    let out = runbook_on_a_full_disk(&home, &["attach", &id, "-"], log.as_bytes(), limit);
    assert_ne!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("journal.jsonl"),
        "{}",
        show(&out)
    );
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the failed append is cut back off"
    );

    assert!(
        text(&out.stderr).contains("waits in the session's inbox"),
        "{}",
        show(&out)
    );
    let evidence = home.path().join("sessions").join(&id).join("evidence");
    assert_eq!(std::fs::read_dir(&evidence).map_or(0, Iterator::count), 0);
    // Space is back: the next write lands after the last whole record, and
    // the evidence that waited is attached first.
    let out = home.runbook_stdin(&["attach", &id, "-"], b"short log\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let store = Store::new(StoreHome::at(home.path()));
    let stored = store.read(&id).unwrap();
    assert!(stored.warning.is_none(), "{:?}", stored.warning);
    let session = stored.session().unwrap();
    let texts: Vec<&str> = session.evidence[attached_before..]
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(texts, [log.as_str(), "short log\n"]);
}

#[test]
fn a_second_process_is_told_the_session_is_open_elsewhere() {
    let home = Home::new();
    let (id, _) = saved_session(&home);
    let store = Store::new(StoreHome::at(home.path()));
    let (_first, _) = open_when_free(&store, &id);
    let err = store.open(&id).unwrap_err();
    assert!(
        err.0.starts_with(&format!(
            "session {id} is open in another runbook (process {})",
            std::process::id()
        )),
        "{err}"
    );
    // Reading for a check needs no lock.
    assert!(store.read(&id).is_ok());
}
