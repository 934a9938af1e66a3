//! Each transition: what it accepts, what it refuses, what it records.

use runbook::machine::{self, Effect, Msg, Session, Source, State, What};

use super::*;

mod start {
    use super::*;

    #[test]
    fn the_first_event_names_session_runbook_operator_and_time() {
        let rb = support();
        let (s, effects) = machine::start("s1", &rb, "ana", at(0));
        let events = persisted(&effects);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].operator, "ana");
        assert_eq!(events[0].at, at(0));
        assert_eq!(
            events[0].what,
            What::Started {
                session: "s1".into(),
                runbook: "support-context".into()
            }
        );
        assert_eq!(s.state, State::Open);
    }
}

mod preserve {
    use super::*;

    #[test]
    fn the_error_is_stored_verbatim() {
        let rb = support();
        let mut s = new_session(&rb);
        let raw = "  PHP Warning:  odd   spacing\t\n\n  kept\n";
        answer(&mut s, &rb, "error_message", raw).unwrap();
        assert_eq!(s.answers["error_message"].value, raw);
    }

    #[test]
    fn a_wordpress_time_in_the_error_prefills_a_confirmed_timestamp() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "error_message", ERROR).unwrap();
        let ts = &s.answers["error_timestamp"];
        assert_eq!(ts.value, "2026-11-24T09:58:12Z");
        assert_eq!(ts.source, Source::ErrorText);
    }

    #[test]
    fn without_a_time_the_capture_time_is_used_and_marked_unconfirmed() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(
            &mut s,
            &rb,
            "error_message",
            "Call to undefined function x()",
        )
        .unwrap();
        let ts = &s.answers["error_timestamp"];
        assert_eq!(ts.value, "2026-11-24T10:01:00+01:00");
        assert_eq!(ts.source, Source::CaptureTime);
        // The operator's own timestamp replaces it, and a later paste does not undo that.
        answer(&mut s, &rb, "error_timestamp", "2026-11-24T09:40:00+01:00").unwrap();
        assert_eq!(s.answers["error_timestamp"].source, Source::Typed);
        answer(&mut s, &rb, "error_message", ERROR).unwrap();
        assert_eq!(
            s.answers["error_timestamp"].value,
            "2026-11-24T09:40:00+01:00"
        );
    }

    #[test]
    fn a_timestamp_without_offset_is_refused_with_the_fix() {
        let rb = support();
        let mut s = new_session(&rb);
        let r = answer(&mut s, &rb, "error_timestamp", "2026-11-24 09:40:00").unwrap_err();
        assert!(
            r.message.starts_with("error_timestamp has no UTC offset"),
            "{}",
            r.message
        );
    }

    #[test]
    fn retries_before_capture_default_to_zero_and_are_recorded() {
        let rb = support();
        let mut s = new_session(&rb);
        let ev = machine::Eval::new(&s, &rb);
        assert_eq!(ev.value("retries_before_capture"), Some("0"));
        answer(&mut s, &rb, "retries_before_capture", "3").unwrap();
        assert_eq!(s.answers["retries_before_capture"].value, "3");
        assert!(answer(&mut s, &rb, "retries_before_capture", "-1").is_err());
    }
}

mod retry_gate {
    use super::*;

    const LOCKED: &str = "Retry is locked until the error message and its timestamp are preserved";

    fn triaged() -> (Runbook, Session) {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "request_type", "purchase-plugin-issue").unwrap();
        (rb, s)
    }

    #[test]
    fn the_retry_step_cannot_be_entered_before_the_error_is_preserved() {
        let (rb, mut s) = triaged();
        let r = send(
            &mut s,
            &rb,
            Msg::Enter {
                step: "retry".into(),
            },
        )
        .unwrap_err();
        assert_eq!(r.message, LOCKED);
        assert_eq!(r.subject.as_deref(), Some("retry"));
    }

    #[test]
    fn retry_answers_are_refused_and_change_nothing() {
        let (rb, mut s) = triaged();
        let before = s.clone();
        let r = answer(&mut s, &rb, "retry_attempted", "yes").unwrap_err();
        assert_eq!(r.message, LOCKED);
        assert_eq!(s, before);
    }

    #[test]
    fn the_gate_opens_once_error_and_timestamp_are_preserved() {
        let (rb, mut s) = triaged();
        answer(&mut s, &rb, "error_message", ERROR).unwrap();
        let effects = send(
            &mut s,
            &rb,
            Msg::Enter {
                step: "retry".into(),
            },
        )
        .unwrap();
        assert!(matches!(&persisted(&effects)[0].what, What::Entered { step } if step == "retry"));
        answer(&mut s, &rb, "retry_attempted", "yes").unwrap();
        assert_eq!(s.answers["retry_attempted"].value, "yes");
    }
}

mod amendments {
    use super::*;

    #[test]
    fn after_a_retry_an_edit_is_an_amendment_and_the_original_stays() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        let effects = answer(
            &mut s,
            &rb,
            "error_message",
            "PHP Fatal error: a second, different error\n",
        )
        .unwrap();
        let events = persisted(&effects);
        assert!(matches!(&events[0].what, What::Amended { field, .. } if field == "error_message"));
        assert_eq!(events[0].at, at(1));
        assert_eq!(s.answers["error_message"].value, ERROR);
        assert_eq!(
            s.current("error_message"),
            Some("PHP Fatal error: a second, different error\n")
        );
        let labels: Vec<String> = machine::export::parts(&s, &rb)
            .into_iter()
            .map(|p| p.label)
            .collect();
        assert!(labels.contains(&"error_message".to_string()));
        assert!(labels.contains(&"error_message (amendment 1)".to_string()));
    }

    #[test]
    fn a_preserved_error_cannot_be_cleared_after_the_retry() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        let r = send(
            &mut s,
            &rb,
            Msg::Clear {
                field: "error_message".into(),
            },
        )
        .unwrap_err();
        assert!(r.message.contains("cannot be cleared"), "{}", r.message);
    }

    #[test]
    fn before_the_retry_an_edit_replaces_the_answer() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "error_message", "first").unwrap();
        answer(&mut s, &rb, "error_message", "second").unwrap();
        assert_eq!(s.answers["error_message"].value, "second");
        assert!(s.amendments.is_empty());
    }
}

mod answers {
    use super::*;

    #[test]
    fn unknown_fields_wrong_formats_and_unknown_choices_are_refused() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "request_type", "purchase-plugin-issue").unwrap();
        let r = answer(&mut s, &rb, "php_versoin", "8.2").unwrap_err();
        assert!(
            r.message.starts_with(
                "\"php_versoin\" is not a field of Support context — use one of: error_message"
            ),
            "{}",
            r.message
        );
        let r = answer(&mut s, &rb, "php_version", "latest").unwrap_err();
        assert!(
            r.message.starts_with("php_version is not a version"),
            "{}",
            r.message
        );
        let r = answer(&mut s, &rb, "php_version", "8.x").unwrap_err();
        assert!(r.message.contains("not `latest` or `8.x`"), "{}", r.message);
        let r = answer(&mut s, &rb, "production_impact", "bad").unwrap_err();
        assert!(
            r.message.contains("use one of: ongoing, resolved, none"),
            "{}",
            r.message
        );
    }

    #[test]
    fn versions_are_kept_as_written() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "request_type", "purchase-plugin-issue").unwrap();
        answer(&mut s, &rb, "php_version", "8.10").unwrap();
        answer(&mut s, &rb, "wordpress_version", "6.8-RC1").unwrap();
        assert_eq!(s.answers["php_version"].value, "8.10");
        assert_eq!(s.answers["wordpress_version"].value, "6.8-RC1");
    }

    #[test]
    fn one_reproduction_step_is_refused() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "request_type", "purchase-plugin-issue").unwrap();
        let r = answer(&mut s, &rb, "reproduction_steps", "it breaks\n\n").unwrap_err();
        assert!(
            r.message.contains("at least 2 non-empty lines"),
            "{}",
            r.message
        );
    }

    #[test]
    fn steps_skipped_for_a_question_refuse_their_answers() {
        let rb = support();
        let mut s = new_session(&rb);
        answer(&mut s, &rb, "request_type", "pre-sale-question").unwrap();
        let r = answer(&mut s, &rb, "php_version", "8.2").unwrap_err();
        assert_eq!(
            r.message,
            "php_version belongs to Environment, which is skipped for this request"
        );
        let r = send(
            &mut s,
            &rb,
            Msg::Enter {
                step: "environment".into(),
            },
        )
        .unwrap_err();
        assert!(r.message.contains("skipped"));
    }

    #[test]
    fn refusals_never_repeat_the_value() {
        let rb = support();
        let mut s = new_session(&rb);
        let secret = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA";
        let r = answer(
            &mut s,
            &rb,
            "affected_screen",
            &format!("{secret}\nsecond line"),
        )
        .unwrap_err();
        assert!(!r.message.contains(secret));
        let r = answer(&mut s, &rb, "error_timestamp", secret).unwrap_err();
        assert!(!r.message.contains(secret));
    }
}

mod evidence_and_confirmations {
    use super::*;

    fn attach(s: &mut Session, rb: &Runbook, name: &str) -> Result<Vec<Effect>, machine::Rejected> {
        send(
            s,
            rb,
            Msg::Attach {
                field: "evidence_files".into(),
                name: name.into(),
                text: "PHP Notice: something\n".into(),
                bytes: 22,
            },
        )
    }

    #[test]
    fn changing_evidence_clears_the_redaction_review() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        assert!(s.confirmed.contains_key("redaction_reviewed"));
        let effects = answer(&mut s, &rb, "diagnostics", "New log lines\n").unwrap();
        assert!(persisted(&effects).iter().any(
            |e| matches!(&e.what, What::Unconfirmed { id, .. } if id == "redaction_reviewed")
        ));
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Notice(n) if n.contains("redaction_reviewed")))
        );
        assert!(!s.confirmed.contains_key("redaction_reviewed"));
        send(
            &mut s,
            &rb,
            Msg::Confirm {
                id: "redaction_reviewed".into(),
            },
        )
        .unwrap();
        attach(&mut s, &rb, "debug.log").unwrap();
        assert!(!s.confirmed.contains_key("redaction_reviewed"));
    }

    #[test]
    fn evidence_is_attached_once_per_name_and_can_be_detached() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        attach(&mut s, &rb, "debug.log").unwrap();
        let r = attach(&mut s, &rb, "debug.log").unwrap_err();
        assert!(r.message.contains("already attached"));
        assert_eq!(s.evidence.len(), 1);
        send(
            &mut s,
            &rb,
            Msg::Detach {
                field: "evidence_files".into(),
                name: "debug.log".into(),
            },
        )
        .unwrap();
        assert!(s.evidence.is_empty());
        let r = send(
            &mut s,
            &rb,
            Msg::Attach {
                field: "diagnostics".into(),
                name: "x".into(),
                text: String::new(),
                bytes: 0,
            },
        )
        .unwrap_err();
        assert!(r.message.contains("does not take files"));
    }

    #[test]
    fn a_kept_value_needs_a_reason_and_a_real_placeholder() {
        let rb = support();
        let mut s = walk(
            &rb,
            &[("diagnostics", "customer ana.lima@example.org reported it\n")],
            &[],
        );
        let r = send(
            &mut s,
            &rb,
            Msg::Keep {
                placeholder: "[EMAIL_1]".into(),
                reason: " ".into(),
            },
        )
        .unwrap_err();
        assert!(r.message.contains("needs a reason"));
        let r = send(
            &mut s,
            &rb,
            Msg::Keep {
                placeholder: "[EMAIL_9]".into(),
                reason: "x".into(),
            },
        )
        .unwrap_err();
        assert!(r.message.contains("not a placeholder"));
        send(
            &mut s,
            &rb,
            Msg::Keep {
                placeholder: "[EMAIL_1]".into(),
                reason: "support needs the account".into(),
            },
        )
        .unwrap();
        assert_eq!(s.keeps["[EMAIL_1]"], "support needs the account");
    }
}

mod suggestions {
    use super::*;

    #[test]
    fn ongoing_impact_suggests_incident_response_at_once_and_only_once() {
        let rb = support();
        let mut s = new_session(&rb);
        let effects = answer(&mut s, &rb, "production_impact", "ongoing").unwrap();
        let suggested: Vec<&str> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::Suggest { runbook, .. } => Some(runbook.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(suggested, vec!["incident-response", "post-incident-review"]);
        assert!(persisted(&effects).iter().any(
            |e| matches!(&e.what, What::Suggested { runbook, .. } if runbook == "incident-response")
        ));
        let again = answer(&mut s, &rb, "private_data_exposed", "no").unwrap();
        assert!(!again.iter().any(|e| matches!(e, Effect::Suggest { .. })));
    }

    #[test]
    fn possible_private_data_suggests_privacy_and_data_retention() {
        let rb = support();
        let mut s = new_session(&rb);
        let effects = answer(&mut s, &rb, "private_data_exposed", "unsure").unwrap();
        assert!(effects.iter().any(|e| matches!(e, Effect::Suggest { runbook, why } if runbook == "privacy-data-retention" && why == "Use Privacy and Data Retention before sharing evidence.")));
    }
}

mod timeline {
    use super::*;

    #[test]
    fn every_event_has_its_time_and_operator() {
        let rb = support();
        let mut s = new_session(&rb);
        send(&mut s, &rb, Msg::SetOperator { name: "bo".into() }).unwrap();
        let effects = machine::update(
            &mut s,
            &rb,
            Msg::Answer {
                field: "affected_screen".into(),
                value: "Orders".into(),
            },
            at(7),
        )
        .unwrap();
        let ev = persisted(&effects)[0];
        assert_eq!(ev.operator, "bo");
        assert_eq!(ev.at, at(7));
        assert_eq!(ev.at.offset().local_minus_utc(), 3600);
        assert_eq!(s.timeline.len(), 3);
        assert_eq!(s.timeline[0].operator, "ana");
    }

    #[test]
    fn replaying_the_persisted_events_rebuilds_the_same_session() {
        let rb = support();
        let (mut s, effects) = machine::start("s1", &rb, "ana", at(0));
        let mut events: Vec<machine::Event> = persisted(&effects).into_iter().cloned().collect();
        for (f, v) in full_answers() {
            let effects = answer(&mut s, &rb, f, v).unwrap();
            events.extend(persisted(&effects).into_iter().cloned());
        }
        let effects = send(
            &mut s,
            &rb,
            Msg::Confirm {
                id: "redaction_reviewed".into(),
            },
        )
        .unwrap();
        events.extend(persisted(&effects).into_iter().cloned());
        assert_eq!(Session::replay(&events).unwrap(), s);
    }
}

mod finish {
    use super::*;

    #[test]
    fn finishing_records_the_verdict_and_closes_the_session() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        let effects = send(&mut s, &rb, Msg::Finish).unwrap();
        assert!(persisted(&effects).iter().any(|e| matches!(&e.what, What::Finished { verdict, target } if verdict == "PASS" && target == "codecanyon-support")));
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Finished(v) if v.pass))
        );
        assert_eq!(s.state, State::Finished);
        let r = answer(&mut s, &rb, "affected_screen", "x").unwrap_err();
        assert!(r.message.contains("finished"));
    }

    #[test]
    fn abandoning_closes_the_session_too() {
        let rb = support();
        let mut s = new_session(&rb);
        send(
            &mut s,
            &rb,
            Msg::Abandon {
                reason: "duplicate".into(),
            },
        )
        .unwrap();
        assert_eq!(s.state, State::Abandoned);
    }
}
