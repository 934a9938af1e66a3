//! The walk driven exactly as keys drive it, on an in-memory sink.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::machine::{self, What};
use crate::runbook::Library;

fn at(text: &str) -> Stamp {
    chrono::DateTime::parse_from_rfc3339(text).unwrap()
}

fn support_context() -> Runbook {
    Library::builtin_runbook("support-context")
}

/// A fresh walk, on the preserve step, with what it wrote so far.
fn walk() -> App {
    let runbook = support_context();
    let now = at("2026-11-24T10:20:00+01:00");
    let (mut session, _) = machine::start("s1", &runbook, "alice", now);
    machine::update(
        &mut session,
        &runbook,
        machine::Msg::Enter {
            step: "preserve".into(),
        },
        now,
    )
    .unwrap();
    App::new(runbook, session, Box::<MemorySink>::default(), None, now)
        .with_palette(Palette::MONOCHROME)
}

fn key(app: &mut App, code: KeyCode) -> Control {
    app.handle_event(
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        app.now,
    )
}

fn ctrl(app: &mut App, c: char) -> Control {
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        app.now,
    )
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn paste(app: &mut App, text: &str) {
    app.handle_event(&Event::Paste(text.into()), app.now);
}

const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_api()\nStack trace:\n#0 {main}\n";

#[test]
fn a_pasted_error_keeps_its_newlines_never_submits_and_fills_the_timestamp() {
    let mut app = walk();
    paste(&mut app, ERROR);
    assert!(
        app.session.answers.is_empty(),
        "a paste commits nothing by itself"
    );
    assert_eq!(app.form.focus, 0, "a pasted newline does not move on");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.session.current("error_message"), Some(ERROR));
    let ts = &app.session.answers["error_timestamp"];
    assert_eq!(ts.source, machine::Source::ErrorText);
    assert_eq!(
        app.session.current("error_timestamp"),
        Some("2026-11-24T09:58:12Z")
    );
    // The timestamp field shows what the session holds.
    let Item::Text { input, .. } = &app.form.items[1] else {
        panic!("the timestamp is a text field")
    };
    assert_eq!(input.value(), "2026-11-24T09:58:12Z");
}

#[test]
fn without_a_time_in_the_error_the_capture_time_waits_for_confirmation() {
    let mut app = walk();
    paste(&mut app, "Sorry, something went wrong.");
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.session.answers["error_timestamp"].source,
        machine::Source::CaptureTime
    );
    assert_eq!(app.form.focus, 1);
    // Moving past it does not confirm it; Enter does.
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.session.answers["error_timestamp"].source,
        machine::Source::Typed
    );
}

#[test]
fn the_retry_step_is_locked_until_the_error_is_preserved_and_says_why() {
    let mut app = walk();
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Steps);
    app.cursor = 2;
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.form.step, 0, "the locked step did not open");
    match &app.status {
        Some(Status::Error(message)) => assert!(message.contains("locked"), "{message}"),
        other => panic!("expected the lock's reason, got {other:?}"),
    }
    assert!(
        !app.session
            .timeline
            .iter()
            .any(|e| matches!(&e.what, What::Entered { step } if step == "retry"))
    );
}

#[test]
fn a_version_is_checked_as_it_is_typed_and_refused_on_leaving() {
    let mut app = walk();
    app.show_step(3);
    type_text(&mut app, "8.x");
    let Some(Item::Text { input, .. }) = app.form.focused() else {
        panic!("the version field is focused")
    };
    assert!(input.error().is_some(), "8.x is refused as it is typed");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.form.focus, 0, "an invalid value keeps the focus");
    assert!(!app.session.answers.contains_key("sophmate_version"));
}

#[test]
fn production_impact_ongoing_suggests_incident_response_at_once() {
    let mut app = walk();
    paste(&mut app, ERROR);
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'n');
    assert_eq!(app.runbook.steps[app.form.step].id, "triage");
    key(&mut app, KeyCode::Enter); // request type: the first choice
    key(&mut app, KeyCode::Enter); // production impact: ongoing
    assert!(
        app.suggestions
            .iter()
            .any(|(id, _)| id == "incident-response"),
        "{:?}",
        app.suggestions
    );
}

#[test]
fn a_refused_save_changes_nothing_and_keeps_the_text() {
    let runbook = support_context();
    let now = at("2026-11-24T10:20:00+01:00");
    let (session, _) = machine::start("s1", &runbook, "alice", now);
    let sink = MemorySink {
        fail: true,
        ..MemorySink::default()
    };
    let mut app = App::new(runbook, session, Box::new(sink), None, now);
    paste(&mut app, ERROR);
    key(&mut app, KeyCode::Tab);
    assert!(
        app.session.answers.is_empty(),
        "nothing unsaved is shown as saved"
    );
    let Some(Item::Text { input, .. }) = app.form.focused() else {
        panic!()
    };
    assert_eq!(
        input.value(),
        ERROR.trim_end_matches('\n').to_string() + "\n"
    );
    assert!(input.error().unwrap().contains("could not save"));
}

#[test]
fn typed_text_is_a_draft_until_committed_and_comes_back_on_resume() {
    let mut app = walk();
    type_text(&mut app, "Fatal érror");
    let draft = app.take_draft().expect("typing makes a draft");
    assert_eq!(draft.fields["error_message"], "Fatal érror");
    assert!(app.take_draft().is_none(), "no change, no new draft");
    let resumed = App::new(
        app.runbook.clone(),
        app.session.clone(),
        Box::<MemorySink>::default(),
        Some(draft),
        app.now,
    );
    let Some(Item::Text { input, .. }) = resumed.form.focused() else {
        panic!()
    };
    assert_eq!(input.value(), "Fatal érror");
    assert!(input.notice().unwrap().contains("draft"));
}

#[test]
fn quitting_commits_the_field_and_asks_the_loop_to_stop() {
    let mut app = walk();
    type_text(&mut app, "Error 500");
    assert_eq!(ctrl(&mut app, 'c'), Control::Quit);
    assert_eq!(app.session.current("error_message"), Some("Error 500"));
}

#[test]
fn the_help_lists_the_keys_of_the_focused_place() {
    let mut app = walk();
    key(&mut app, KeyCode::F(1));
    let Some(Overlay::Help { contexts, .. }) = &app.overlay else {
        panic!("F1 opens help")
    };
    assert!(contexts.contains(&crate::tui::keymap::Context::Form));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn what_the_strict_check_still_finds_is_shown_unredacted_and_r_redacts_it() {
    let mut app = walk();
    let text = "charge failed (gateway ref Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF)\n";
    app.dispatch(machine::Msg::Answer {
        field: "error_message".into(),
        value: text.into(),
    })
    .unwrap();
    let (doc, findings) = review::review_document(&app.session, &app.runbook);
    let leak = findings
        .iter()
        .find(|f| f.placeholder.starts_with("[UNREDACTED "))
        .expect("the strict check finds the gateway id");
    assert_eq!(
        &doc[leak.start..leak.end],
        b"Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF"
    );
    app.open_review();
    // Walk to that finding and redact it.
    for _ in 0..findings.len() {
        key(&mut app, KeyCode::Char('n'));
        let current = app.review.as_ref().unwrap().current_finding().cloned();
        if current.is_some_and(|f| f.placeholder == leak.placeholder) {
            break;
        }
    }
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        app.session.terms,
        vec!["Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF".to_string()]
    );
    let (_, after) = review::review_document(&app.session, &app.runbook);
    assert!(
        !after
            .iter()
            .any(|f| f.placeholder.starts_with("[UNREDACTED ")),
        "{after:?}"
    );
}

#[test]
fn a_pasted_status_report_offers_its_versions_and_fills_them_on_request() {
    let mut app = walk();
    app.dispatch(machine::Msg::Answer {
        field: "request_type".into(),
        value: "purchase-plugin-issue".into(),
    })
    .unwrap();
    let evidence = app
        .runbook
        .steps
        .iter()
        .position(|s| s.id == "evidence")
        .unwrap();
    app.show_step(evidence);
    paste(
        &mut app,
        include_str!("../../../tests/fixtures/import/ssr-wc9-full.txt"),
    );
    key(&mut app, KeyCode::Tab);
    assert!(app.offer.is_some(), "{:?}", app.status);
    assert!(
        app.session.current("wordpress_version").is_none(),
        "nothing is filled in before the operator says so"
    );
    let environment = app
        .runbook
        .steps
        .iter()
        .position(|s| s.id == "environment")
        .unwrap();
    app.show_step(environment);
    let Some(Item::Button { label, .. }) = app.form.focused() else {
        panic!("the offer comes first")
    };
    assert!(label.contains("WordPress"), "{label}");
    key(&mut app, KeyCode::Enter);
    assert!(app.session.current("wordpress_version").is_some());
    assert!(app.session.current("php_version").is_some());
    assert!(
        app.session
            .timeline
            .iter()
            .any(|e| matches!(&e.what, What::Noted { text } if text.contains("line"))),
        "where each value came from is in the timeline"
    );
}

#[test]
fn a_review_walk_saves_the_review_document_not_a_bare_report() {
    let incident_rb = support_context();
    let now = at("2026-11-24T10:20:00+01:00");
    let (mut incident, _) = machine::start("inc1", &incident_rb, "alice", now);
    for msg in [
        machine::Msg::Enter {
            step: "preserve".into(),
        },
        machine::Msg::Answer {
            field: "error_message".into(),
            value: ERROR.into(),
        },
        machine::Msg::Finish,
    ] {
        machine::update(&mut incident, &incident_rb, msg, now).unwrap();
    }
    let figures = machine::review::figures(&incident.timeline, &incident_rb).unwrap();
    let review_rb = Library::builtin()
        .unwrap()
        .get("post-incident-review")
        .unwrap()
        .runbook
        .clone();
    let (review, _) = machine::start("rev1", &review_rb, "bob", now);
    let panel = IncidentPanel::new(&figures, &[]).reviewing(incident, incident_rb, figures);
    let mut app =
        App::new(review_rb, review, Box::<MemorySink>::default(), None, now).with_incident(panel);
    let path = app
        .save_report()
        .expect("the review document passes the gate");
    assert_eq!(path, std::path::PathBuf::from("review.md"));
    let status = format!("{:?}", app.status);
    assert!(status.contains("review.md"), "{status}");
}

#[test]
fn f1_opens_help_over_the_timeline_as_its_footer_says() {
    let mut app = walk();
    ctrl(&mut app, 't');
    assert!(matches!(app.overlay, Some(Overlay::Timeline { .. })));
    key(&mut app, KeyCode::F(1));
    let Some(Overlay::Help { contexts, .. }) = &app.overlay else {
        panic!("F1 opens help from the timeline")
    };
    assert!(contexts.contains(&crate::tui::keymap::Context::Timeline));
}
