//! Every acceptance check, passing and failing, with its reason.

use runbook::machine::{self, CheckResult, Msg, Session};

use super::*;

fn check(s: &Session, rb: &Runbook, id: &str) -> CheckResult {
    machine::checks(s, rb)
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
}

#[test]
fn a_complete_careful_walk_passes_every_check() {
    let rb = support();
    let s = walk(&rb, &[], &[]);
    let v = machine::verdict(&s, &rb);
    assert!(v.pass, "{:#?}", v.checks);
    assert_eq!(v.word(), "PASS");
    assert!(v.missing.is_empty());
    assert!(v.todo.is_empty());
    let ids: Vec<&str> = v.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "retry_ready",
            "sanitized",
            "reproducible_without_secrets",
            "escalation_known"
        ]
    );
}

mod retry_ready {
    use super::*;

    #[test]
    fn fails_naming_the_missing_fields() {
        let rb = support();
        let s = walk(&rb, &[], &["php_version", "purchase_context"]);
        let c = check(&s, &rb, "retry_ready");
        assert!(!c.passed);
        assert_eq!(
            c.reason,
            "Required fields are missing (php_version, purchase_context) — fill them in so another operator can retry."
        );
        assert_eq!(
            machine::verdict(&s, &rb).missing,
            ["php_version", "purchase_context"]
        );
    }

    #[test]
    fn fails_on_the_capture_time_alone() {
        let rb = support();
        let s = walk(
            &rb,
            &[("error_message", "Call to undefined function x()\n")],
            &[],
        );
        let c = check(&s, &rb, "retry_ready");
        assert!(!c.passed);
        assert!(
            c.reason
                .starts_with("The error timestamp is only the capture time"),
            "{}",
            c.reason
        );
    }

    #[test]
    fn passes_when_the_capture_time_is_corrected() {
        let rb = support();
        let mut s = walk(
            &rb,
            &[("error_message", "Call to undefined function x()\n")],
            &[],
        );
        answer(&mut s, &rb, "error_timestamp", "2026-11-24T09:40:00+01:00").unwrap();
        assert!(check(&s, &rb, "retry_ready").passed);
    }

    #[test]
    fn a_retry_without_its_outcome_is_incomplete() {
        let rb = support();
        let s = walk(&rb, &[], &["retry_outcome"]);
        assert!(
            check(&s, &rb, "retry_ready")
                .reason
                .contains("(retry_outcome)")
        );
        let s = walk(&rb, &[("retry_attempted", "no")], &["retry_outcome"]);
        assert!(check(&s, &rb, "retry_ready").passed);
    }

    #[test]
    fn a_question_needs_only_preserve_and_triage() {
        let rb = support();
        let mut s = new_session(&rb);
        for (f, v) in full_answers().into_iter().take(6) {
            answer(&mut s, &rb, f, v).unwrap();
        }
        answer(&mut s, &rb, "request_type", "website-question").unwrap();
        let v = machine::verdict(&s, &rb);
        assert!(v.pass, "{:#?}", v.checks);
    }
}

mod sanitized {
    use super::*;

    #[test]
    fn fails_until_the_redaction_is_reviewed() {
        let rb = support();
        let mut s = walk(&rb, &[], &[]);
        send(
            &mut s,
            &rb,
            Msg::Unconfirm {
                id: "redaction_reviewed".into(),
            },
        )
        .unwrap();
        let c = check(&s, &rb, "sanitized");
        assert!(!c.passed);
        assert!(
            c.reason
                .starts_with("The redacted report has not been reviewed"),
            "{}",
            c.reason
        );
    }

    #[test]
    fn fails_when_the_strict_rescan_finds_something_and_passes_once_it_is_redacted() {
        let rb = support();
        let token = "Zx9Kq2Lm8Np4Rt6Vw1Yb3Cd5Ef7Gh";
        let diag = format!("SophMate bridge session {token} rejected\n");
        let mut s = walk(&rb, &[("diagnostics", &diag)], &[]);
        let c = check(&s, &rb, "sanitized");
        assert!(!c.passed, "{}", c.reason);
        assert!(c.reason.starts_with("The strict re-scan of the redacted report still finds [SECRET_1] in diagnostics line 1"), "{}", c.reason);
        assert!(!c.reason.contains(token));
        send(&mut s, &rb, Msg::RedactTerm { term: token.into() }).unwrap();
        assert!(check(&s, &rb, "sanitized").passed);
    }

    #[test]
    fn secrets_are_redacted_in_every_exported_part() {
        let rb = support();
        let diag = "define( 'DB_PASSWORD', 'Tr0ub4dor&3-horse' );\ncustomer ana.lima@example.org\n";
        let s = walk(
            &rb,
            &[
                ("diagnostics", diag),
                ("affected_user", "ana.lima@example.org"),
            ],
            &[],
        );
        let values = machine::export::redacted_values(&s, &rb);
        let all: String = values.iter().map(|(_, v)| v.as_str()).collect();
        assert!(!all.contains("Tr0ub4dor"), "{all}");
        assert!(!all.contains("ana.lima@example.org"), "{all}");
        let user = &values.iter().find(|(l, _)| l == "affected_user").unwrap().1;
        assert_eq!(user, "[EMAIL_1]");
        assert!(check(&s, &rb, "sanitized").passed);
    }
}

mod reproducible_without_secrets {
    use super::*;

    #[test]
    fn a_credential_can_never_be_kept() {
        let rb = support();
        let diag = "define( 'DB_PASSWORD', 'Tr0ub4dor&3-horse' );\n";
        let mut s = walk(&rb, &[("diagnostics", diag)], &[]);
        assert!(check(&s, &rb, "reproducible_without_secrets").passed);
        let refused = send(
            &mut s,
            &rb,
            Msg::Keep {
                placeholder: "[PASSWORD_1]".into(),
                reason: "support asked".into(),
            },
        );
        let err = format!("{:?}", refused.expect_err("a credential is never kept"));
        assert!(err.contains("can never be kept"), "{err}");
        assert!(check(&s, &rb, "reproducible_without_secrets").passed);
        // Still redacted, it is no leak for the re-scan.
        assert!(
            check(&s, &rb, "sanitized").passed,
            "{}",
            check(&s, &rb, "sanitized").reason
        );
    }

    #[test]
    fn a_kept_customer_detail_is_allowed() {
        let rb = support();
        let mut s = walk(
            &rb,
            &[("diagnostics", "customer ana.lima@example.org\n")],
            &[],
        );
        send(
            &mut s,
            &rb,
            Msg::Keep {
                placeholder: "[EMAIL_1]".into(),
                reason: "the account support must look at".into(),
            },
        )
        .unwrap();
        assert!(check(&s, &rb, "reproducible_without_secrets").passed);
    }

    #[test]
    fn fails_without_the_environment() {
        let rb = support();
        let s = walk(&rb, &[], &["woocommerce_version"]);
        let c = check(&s, &rb, "reproducible_without_secrets");
        assert_eq!(
            c.reason,
            "The environment is incomplete — give the SophMate, WordPress, WooCommerce and PHP versions."
        );
    }

    #[test]
    fn fails_without_the_error_or_the_steps() {
        let rb = support();
        let s = walk(&rb, &[], &["reproduction_steps"]);
        assert!(
            check(&s, &rb, "reproducible_without_secrets")
                .reason
                .starts_with("The reproduction steps are missing")
        );
        let s = new_session(&rb);
        assert!(
            check(&s, &rb, "reproducible_without_secrets")
                .reason
                .starts_with("The error message is missing")
        );
    }
}

mod escalation_known {
    use super::*;

    #[test]
    fn fails_while_triage_is_unanswered() {
        let rb = support();
        let s = walk(&rb, &[], &["private_data_exposed"]);
        let c = check(&s, &rb, "escalation_known");
        assert!(!c.passed);
        assert!(c.reason.starts_with("Triage is unanswered"));
    }

    #[test]
    fn fails_without_a_suspected_owner_where_one_is_required() {
        let rb = support();
        let s = walk(&rb, &[], &["suspected_owner"]);
        let c = check(&s, &rb, "escalation_known");
        assert_eq!(
            c.reason,
            "The suspected owner is unanswered — choose plugin, hosting, provider or unclear."
        );
        let q = walk(
            &rb,
            &[("request_type", "pre-sale-question")],
            &["suspected_owner"],
        );
        assert!(check(&q, &rb, "escalation_known").passed);
    }
}
