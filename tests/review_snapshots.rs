//! The review screen at 100×30: the review's step beside the incident's
//! figures and redacted timeline.

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runbook::machine::{self, Msg, Relation, Stamp};
use runbook::report::{self, Options};
use runbook::runbook::{Library, Runbook};
use runbook::tui::app::{App, IncidentPanel, MemorySink};
use runbook::tui::style::Palette;

const ERROR: &str =
    "[24-Nov-2026 09:58:12 UTC] PHP Fatal error: Uncaught Error thrown for jane.doe@example.com\n";

fn at(minutes: i64) -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-24T11:00:00+01:00").unwrap()
        + Duration::minutes(minutes)
}

fn builtin(id: &str) -> Runbook {
    Library::builtin().unwrap().get(id).unwrap().runbook.clone()
}

fn send(s: &mut machine::Session, rb: &Runbook, minute: i64, msg: Msg) {
    machine::update(s, rb, msg, at(minute)).unwrap();
}

fn answer(field: &str, value: &str) -> Msg {
    Msg::Answer {
        field: field.into(),
        value: value.into(),
    }
}

#[test]
fn the_review_screen_shows_the_incident_beside_the_first_step() {
    let rb = builtin("support-context");
    let (mut incident, _) = machine::start("20261124-100000-aa11", &rb, "alice", at(0));
    send(&mut incident, &rb, 1, answer("retries_before_capture", "1"));
    send(&mut incident, &rb, 2, answer("error_message", ERROR));
    send(&mut incident, &rb, 3, answer("affected_screen", "Orders"));
    send(&mut incident, &rb, 20, Msg::Finish);
    let figures = machine::review::figures(&incident.timeline, &rb).unwrap();
    let entries = report::build(&incident, &rb, &Options::default(), at(30)).timeline;
    let panel = IncidentPanel::new(&figures, &entries);

    let review = builtin("post-incident-review");
    let (mut s, _) = machine::start("20261124-103000-bb22", &review, "alice", at(30));
    let setup = [
        Msg::Link {
            session: incident.id.clone(),
            runbook: rb.id.clone(),
            relation: Relation::Reviews,
        },
        answer("incident_ref", &incident.id),
        Msg::Enter {
            step: "timeline".into(),
        },
    ];
    for msg in setup {
        send(&mut s, &review, 30, msg);
    }
    let app = App::new(review, s, Box::<MemorySink>::default(), None, at(30))
        .with_palette(Palette::MONOCHROME)
        .with_incident(panel);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Retries before preservation: 1"),
        "{screen}"
    );
    assert!(!screen.contains("jane.doe"), "only redacted text: {screen}");
    insta::assert_snapshot!(screen);
}
