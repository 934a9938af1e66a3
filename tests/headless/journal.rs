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

#[test]
fn a_killed_run_leaves_a_session_that_loads_and_checks() {
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
    let sessions = home.sessions();
    assert_eq!(sessions.len(), 1);
    let id = sessions[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();

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
        text(&out.stderr).contains("record 13 was cut short"),
        "{}",
        show(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["verdict"], "FAIL");
    assert!(!doc["missing"].as_array().unwrap().is_empty());

    // Opening it to continue cuts the torn record off before appending.
    let store = Store::new(StoreHome::at(home.path()));
    let (mut open, stored) = open_when_free(&store, &id);
    assert_eq!(stored.events.len(), 12);
    let mut session = stored.session().unwrap();
    let rb = runbook::runbook::parse(&stored.runbook_text, "copy").unwrap();
    let now = stored.events[0].at;
    let effects = runbook::machine::update(
        &mut session,
        &rb,
        runbook::machine::Msg::Note {
            text: "resumed".into(),
        },
        now,
    )
    .unwrap();
    for e in effects {
        if let runbook::machine::Effect::Persist(ev) = e {
            open.append(&ev).unwrap();
        }
    }
    drop(open);
    let again = store.read(&id).unwrap();
    assert!(again.warning.is_none());
    assert_eq!(again.events.len(), 13);
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
