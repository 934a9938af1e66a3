//! `runbook export` → `runbook import` → continue, between two operators.

use runbook::machine::{Msg, What};

use super::open::{at, open_session, saved};
use super::support::leaks;
use super::*;

const PASSWORD: &str = "Tr0ub4dor&3-horse";
const KEY: &str = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT";
const TERM: &str = "Brightwater Ceramics";

fn planted() -> [&'static str; 4] {
    [PASSWORD, KEY, TERM, "ana.lima@example.org"]
}

/// Alice's session: a customer address in the error, a redaction term, a
/// note, and evidence with a password and a key.
fn alices_session(home: &Home) -> String {
    let id = open_session(
        home,
        "alice",
        at("2026-11-24T10:05:00Z"),
        &[
            Msg::RedactTerm { term: TERM.into() },
            Msg::Note {
                text: format!("{TERM} says the key {KEY} was rotated"),
            },
        ],
    );
    let evidence = format!(
        "[24-Nov-2026 09:58:12 UTC] {TERM} checkout failed\ndefine( 'DB_PASSWORD', '{PASSWORD}' );\nAuthorization: Bearer {KEY}\n"
    );
    let out = home.runbook_stdin(&["attach", &id, "-"], evidence.as_bytes(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    id
}

#[test]
fn export_import_continue_keeps_the_timeline_with_both_operators() {
    let alice = Home::new();
    let id = alices_session(&alice);
    let file = alice.path().join("handover.json");
    let out = alice.runbook(&["export", &id, "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(text(&out.stdout).contains("redacted"), "{}", show(&out));
    let exported = std::fs::read_to_string(&file).unwrap();
    for secret in planted() {
        assert!(!leaks(secret, &exported), "{secret} in the export");
    }
    assert!(
        exported.contains("[CUSTOM_1]")
            && exported.contains("\"format\": \"runbook-session-export\"")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Bob imports it in his own home, under his own name.
    let bob = Home::new();
    let env = [("USER", "bob"), ("LOGNAME", "bob")];
    let out = bob.runbook_env(&["import", file.to_str().unwrap()], &env);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let sessions = bob.sessions();
    assert_eq!(sessions.len(), 1);
    let new_id = sessions[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        text(&out.stdout).contains(&format!("as session {new_id}")),
        "{}",
        show(&out)
    );
    assert!(
        text(&out.stdout).contains("bob continues it"),
        "{}",
        show(&out)
    );

    // He continues: evidence from his shell joins the same session.
    let out = bob.runbook_stdin(&["attach", &new_id, "-"], b"bob's follow-up log\n", &env);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));

    let s = saved(&bob, &new_id);
    let original = saved(&alice, &id);
    assert_eq!(s.started, original.started, "the timeline keeps its times");
    let operators: Vec<&str> = s.timeline.iter().map(|e| e.operator.as_str()).collect();
    let handover = s
        .timeline
        .iter()
        .position(|e| matches!(&e.what, What::OperatorChanged { name } if name == "bob"))
        .expect("the new operator is recorded");
    assert!(
        operators[..=handover].iter().all(|o| *o == "alice"),
        "{operators:?}"
    );
    assert!(
        operators[handover + 1..].iter().all(|o| *o == "bob"),
        "{operators:?}"
    );
    assert!(
        operators.len() > handover + 2,
        "bob's own events follow: {operators:?}"
    );
    assert_eq!(
        s.timeline[..handover]
            .iter()
            .map(|e| e.at)
            .collect::<Vec<_>>(),
        original.timeline.iter().map(|e| e.at).collect::<Vec<_>>()
    );
    assert_eq!(s.evidence.len(), 2);
    assert_eq!(s.evidence[1].text, "bob's follow-up log\n");
    // Nothing of the originals reached Bob's disk either.
    for copy in std::fs::read_dir(sessions[0].join("evidence")).unwrap() {
        let t = std::fs::read_to_string(copy.unwrap().path()).unwrap();
        for secret in planted() {
            assert!(!leaks(secret, &t), "{secret} in an evidence copy");
        }
    }
}

#[test]
fn originals_only_after_asking_and_then_byte_for_byte() {
    let alice = Home::new();
    let id = alices_session(&alice);
    let file = alice.path().join("full.json");
    let f = file.to_str().unwrap();
    let out = alice.runbook(&["export", &id, "--out", f, "--with-originals"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = text(&out.stderr);
    assert!(err.contains("no terminal to ask on; pass --yes"), "{err}");
    assert!(!file.exists());

    let out = alice.runbook(&["export", &id, "--out", f, "--with-originals", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(text(&out.stdout).contains("with the originals"));
    assert!(std::fs::read_to_string(&file).unwrap().contains(PASSWORD));

    let bob = Home::new();
    let out = bob.runbook(&["import", f]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let copy = |home: &Home| {
        let dir = home.sessions()[0].join("evidence");
        let p = std::fs::read_dir(dir)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::read(p).unwrap()
    };
    assert_eq!(copy(&bob), copy(&alice));
    let s = saved(
        &bob,
        bob.sessions()[0].file_name().unwrap().to_str().unwrap(),
    );
    assert!(s.terms.contains(&TERM.to_string()));

    // An existing file is never overwritten.
    let out = alice.runbook(&["export", &id, "--out", f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
}

#[test]
fn import_refuses_other_files_and_later_formats() {
    let alice = Home::new();
    let id = alices_session(&alice);
    let file = alice.path().join("handover.json");
    let out = alice.runbook(&["export", &id, "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let doc = std::fs::read_to_string(&file).unwrap();
    let later = alice.write(
        "later.json",
        &doc.replacen("\"version\": 1", "\"version\": 2", 1),
    );
    let other = alice.write("other.json", "{\"answers\": {}}");
    let broken = alice.write("broken.json", "{\n  \"format\": \n");
    let wrong = alice.write(
        "wrong.json",
        // Valid JSON, a value of the wrong kind: serde would quote it.
        &doc.replacen(
            "\"originals\": false",
            "\"originals\": \"sk-secret-value\"",
            1,
        ),
    );

    let bob = Home::new();
    for (f, want) in [
        (
            &later,
            "is export format 2 and this runbook reads format 1 — update runbook to import it"
                .to_string(),
        ),
        (
            &other,
            "is not a session export — give a file written by `runbook export`".to_string(),
        ),
        (
            &broken,
            format!(
                "{}:3:1: not a session export (invalid JSON)",
                broken.display()
            ),
        ),
        (
            &wrong,
            "damaged session export (a value of the wrong kind, missing or unknown) — export it again"
                .to_string(),
        ),
    ] {
        let out = bob.runbook(&["import", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", show(&out));
        assert!(text(&out.stderr).contains(&want), "{}", show(&out));
        assert!(!text(&out.stderr).contains("sk-secret"), "{}", show(&out));
    }
    assert!(
        bob.sessions().is_empty(),
        "a refused import leaves no session"
    );
}

/// A finished session's export, as JSON to tamper with.
fn finished_export(home: &Home) -> serde_json::Value {
    let (doc, _) = run_json(home, "plugin-fatal-on-order-edit");
    let id = doc["session"].as_str().unwrap().to_string();
    let file = home.path().join(format!("{id}.json"));
    let out = home.runbook(&["export", &id, "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap()
}

fn events_of(doc: &mut serde_json::Value) -> &mut Vec<serde_json::Value> {
    doc["events"].as_array_mut().unwrap()
}

/// An event like the finished session's own, at its last time.
fn event_like(doc: &serde_json::Value, what: serde_json::Value) -> serde_json::Value {
    let last = doc["events"].as_array().unwrap().last().unwrap().clone();
    let mut e = what;
    e["at"] = last["at"].clone();
    e["operator"] = last["operator"].clone();
    e
}

#[test]
fn import_replays_the_timeline_and_refuses_what_the_machine_would() {
    let alice = Home::new();
    let base = finished_export(&alice);
    let finish = events_of(&mut base.clone())
        .iter()
        .position(|e| e["event"] == "finished")
        .expect("a finished session");
    let answer = |d: &serde_json::Value, field: &str, value: &str| {
        event_like(
            d,
            serde_json::json!({"event": "answered", "field": field, "value": value, "source": "typed"}),
        )
    };
    type Tamper = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "an answer after the finish",
            Box::new(move |d| {
                let e = answer(d, "php_version", "8.3.1");
                events_of(d).push(e);
            }),
            "This session is finished",
        ),
        (
            "two finishes",
            Box::new(move |d| {
                let again = events_of(d)[finish].clone();
                events_of(d).push(again);
            }),
            "This session is finished",
        ),
        (
            "a field the runbook lacks",
            Box::new(move |d| {
                let e = answer(d, "favourite_colour", "blue");
                events_of(d).insert(finish, e);
            }),
            "is not a field of",
        ),
        (
            "a version the field refuses",
            Box::new(move |d| {
                let e = answer(d, "php_version", "latest");
                events_of(d).insert(finish, e);
            }),
            "php_version is not a version",
        ),
        (
            "a suggestion nobody caused",
            Box::new(move |d| {
                let e = event_like(
                    d,
                    serde_json::json!({"event": "suggested", "runbook": "incident-response", "why": "x"}),
                );
                events_of(d).insert(finish, e);
            }),
            "only made by the machine",
        ),
        (
            "an unknown key in the file",
            Box::new(|d| d["extra"] = serde_json::json!(1)),
            "missing or unknown",
        ),
        (
            "an unknown key in an event",
            Box::new(|d| events_of(d)[1]["extra"] = serde_json::json!(1)),
            "event 2 holds a key no runbook writes",
        ),
        (
            "a version that never existed",
            Box::new(|d| d["version"] = serde_json::json!(0)),
            "export format 0 does not exist",
        ),
        (
            "another runbook's text",
            Box::new(|d| {
                d["runbook_text"] = serde_json::json!(
                    std::fs::read_to_string("runbooks/incident-response.yaml").unwrap()
                );
            }),
            "but the runbook text it carries is \"incident-response\"",
        ),
        (
            "originals in a redacted export",
            Box::new(|d| {
                d["files"] = serde_json::json!([{"attachment": 0, "base64": "aGk="}]);
            }),
            "holds no originals, yet it carries 1 evidence file",
        ),
    ];
    let bob = Home::new();
    for (what, tamper, want) in cases {
        let mut doc = base.clone();
        tamper(&mut doc);
        let f = bob.write(
            "tampered.json",
            &serde_json::to_string_pretty(&doc).unwrap(),
        );
        let out = bob.runbook(&["import", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", show(&out));
        assert!(text(&out.stderr).contains(want), "{what}: {}", show(&out));
    }
    assert!(
        bob.sessions().is_empty(),
        "a refused import leaves no session"
    );
    // The untouched export imports.
    let f = bob.write("good.json", &serde_json::to_string_pretty(&base).unwrap());
    let out = bob.runbook(&["import", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}
