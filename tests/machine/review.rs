//! The review figures, from journals made by the machine at known times.

use chrono::Duration;
use runbook::machine::review::{self, Figures};
use runbook::machine::{Event, Msg, Session};
use runbook::runbook::Runbook;

use super::*;

/// The error happened five minutes before the session started (09:55 +01:00).
const LATE_ERROR: &str =
    "[24-Nov-2026 08:55:00 UTC] PHP Fatal error: Uncaught Error in class-sophmate-chat.php:214\n";

/// A journal: each message sent at its minute; every event kept.
struct Journal {
    rb: Runbook,
    session: Session,
    events: Vec<Event>,
}

impl Journal {
    fn new() -> Journal {
        let rb = support();
        let (session, effects) = machine::start("s1", &rb, "ana", at(0));
        let events = persisted(&effects).into_iter().cloned().collect();
        Journal {
            rb,
            session,
            events,
        }
    }

    fn at(&mut self, minute: i64, msg: Msg) -> &mut Journal {
        let effects = machine::update(&mut self.session, &self.rb, msg, at(minute)).unwrap();
        self.events.extend(persisted(&effects).into_iter().cloned());
        self
    }

    fn answer(&mut self, minute: i64, field: &str, value: &str) -> &mut Journal {
        self.at(
            minute,
            Msg::Answer {
                field: field.into(),
                value: value.into(),
            },
        )
    }

    /// Every answer of a complete request, from `minute` on, each a minute apart.
    fn complete(&mut self, minute: i64, without: &[&str]) -> &mut Journal {
        let mut m = minute;
        for (f, v) in full_answers() {
            if f != "error_message" && !without.contains(&f) {
                self.answer(m, f, v);
                m += 1;
            }
        }
        self.at(
            m,
            Msg::Confirm {
                id: "redaction_reviewed".into(),
            },
        )
    }

    fn figures(&self) -> Figures {
        review::figures(&self.events, &self.rb).unwrap()
    }
}

#[test]
fn without_retries_the_figures_count_from_the_error() {
    let mut j = Journal::new();
    j.answer(2, "error_message", LATE_ERROR).complete(3, &[]);
    j.at(40, Msg::Finish);
    let f = j.figures();
    assert_eq!(f.error_at, Some(at(-5)));
    assert!(!f.error_at_is_capture);
    assert_eq!(f.preserved_at, Some(at(2)));
    assert_eq!(f.error_to_preservation(), Some(Duration::minutes(7)));
    assert_eq!(f.retries_before_preservation(), 0);
    assert!(f.pass_at.is_some(), "{f:?}");
    assert_eq!(f.escalated_at, Some(at(40)));
    assert_eq!(f.to_escalation(), Some(Duration::minutes(45)));
    assert_eq!(f.target.as_deref(), Some("codecanyon-support"));
    assert_eq!(review::span(Duration::minutes(45)), "45 min 00 s");
}

#[test]
fn retries_declared_and_recorded_before_the_preserve_step_are_counted() {
    let mut j = Journal::new();
    j.answer(1, "retries_before_capture", "2")
        .answer(2, "error_message", LATE_ERROR)
        .answer(3, "request_type", "purchase-plugin-issue")
        // The retry gate opens on the error and its time, before the screen and user.
        .answer(4, "retry_attempted", "yes")
        .answer(5, "affected_screen", "WooCommerce > Orders")
        .answer(6, "affected_user", "shop_manager")
        // After the preserve step is complete a retry is what the runbook asks for.
        .answer(7, "retry_attempted", "no")
        .answer(8, "retry_attempted", "yes");
    let f = j.figures();
    assert_eq!((f.retries_declared, f.retries_recorded), (2, 1));
    assert_eq!(f.retries_before_preservation(), 3);
}

#[test]
fn a_check_that_failed_then_passed_says_what_fixed_it() {
    let mut j = Journal::new();
    j.answer(2, "error_message", LATE_ERROR)
        .complete(3, &["php_version"]);
    let before = j.figures();
    assert!(before.pass_at.is_none());
    assert!(!before.fixed.iter().any(|x| x.check == "retry_ready"));
    j.answer(30, "php_version", "8.2.12");
    let f = j.figures();
    assert_eq!(f.pass_at, Some(at(30)));
    let fixed = f.fixed.iter().find(|x| x.check == "retry_ready").unwrap();
    assert_eq!(fixed.passed_at, at(30));
    assert!(fixed.failed_at < at(30));
    assert_eq!(fixed.by, vec!["answered PHP version".to_string()]);
    // The figures never carry a typed value.
    let shown = format!("{f:?}");
    assert!(
        !shown.contains("shop_manager") && !shown.contains("8.2.12"),
        "{shown}"
    );
}

#[test]
fn an_unpreserved_error_has_no_preservation_time() {
    let j = Journal::new();
    let f = j.figures();
    assert_eq!((f.preserved_at, f.error_to_preservation()), (None, None));
    assert!(f.fixed.is_empty() && f.pass_at.is_none() && f.escalated_at.is_none());
}

#[test]
fn a_link_is_recorded_once_and_replayed() {
    let mut j = Journal::new();
    let link = Msg::Link {
        session: "s0".into(),
        runbook: "support-context".into(),
        relation: machine::Relation::Reviews,
    };
    j.at(1, link.clone()).at(2, link);
    assert_eq!(j.session.links.len(), 1);
    let replayed = Session::replay(&j.events).unwrap();
    assert_eq!(replayed.links, j.session.links);
    assert_eq!(replayed.links[0].session, "s0");
}
