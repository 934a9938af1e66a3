//! The leak gate: what the strict re-scan finds blocks the export, unless the
//! operator kept that value with a reason; the refusal never shows the value.

use runbook::machine::Msg;
use runbook::machine::clean::KeptValues;
use runbook::report::{self, Format, Options};

use super::*;

/// A token with no keyword around it: the standard profile keeps it, the
/// strict one takes it for a secret.
const TOKEN: &str = "Zq8xK2mP9vL4tR7wN3jC6hB1dF5gS0aYe4Uk";
const EMAIL: &str = "ana.lima@example.org";

fn with_diagnostics(text: &str) -> Walk {
    let mut w = plugin_issue();
    w.answer("diagnostics", text);
    w
}

#[test]
fn a_strict_finding_blocks_every_format_and_names_where_not_what() {
    let w = with_diagnostics(&format!("checkout session started\nref {TOKEN} expired\n"));
    let r = w.report(&Options::default());
    for f in [Format::Markdown, Format::Text, Format::Json] {
        let blocked = r.export(f).expect_err("the gate must block");
        assert_eq!(blocked.leaks.len(), 1, "{f:?}: {blocked}");
        let l = &blocked.leaks[0];
        assert_eq!(l.kind.name(), "high_entropy", "{f:?}");
        assert_eq!(l.placeholder, "[SECRET_1]");
        match f {
            Format::Json => {
                assert_eq!(l.part, "evidence[0].text.head");
                assert_eq!((l.line, l.column), (2, 5));
            }
            _ => assert!(
                l.part.to_lowercase().starts_with("diagnostics"),
                "{f:?}: {}",
                l.part
            ),
        }
        let said = blocked.to_string();
        assert!(!said.contains(TOKEN) && !format!("{blocked:?}").contains(TOKEN));
        assert!(
            said.contains(&format!(
                "line {}, column {}: high_entropy [SECRET_1]",
                l.line, l.column
            )),
            "{said}"
        );
    }
    // The line and column point at the token in the rendered Markdown.
    let md = r.render(Format::Markdown);
    let l = &r.export(Format::Markdown).unwrap_err().leaks[0];
    let line = md.lines().nth(l.line - 1).unwrap();
    let at: String = line.chars().skip(l.column - 1).take(TOKEN.len()).collect();
    assert_eq!(at, TOKEN);
}

#[test]
fn a_term_to_always_redact_lets_the_report_out() {
    let mut w = with_diagnostics(&format!("ref {TOKEN} expired\n"));
    w.send(Msg::RedactTerm { term: TOKEN.into() });
    let r = w.report(&Options::default());
    for (_, out) in exported(&r) {
        assert!(!out.contains(TOKEN));
        assert!(out.contains("ref [CUSTOM_1] expired"));
    }
}

#[test]
fn a_kept_value_passes_the_gate_and_only_with_its_keep() {
    let text = format!("customer {EMAIL} asked for a call back\n");
    let mut w = with_diagnostics(&text);
    let without = w.report(&Options::default());
    let md = without
        .export(Format::Markdown)
        .expect("redacted: nothing to find");
    assert!(md.contains("customer [EMAIL_1] asked") && !md.contains(EMAIL));

    w.send(Msg::Keep {
        placeholder: "[EMAIL_1]".into(),
        reason: "the customer asked support to write to them".into(),
    });
    let kept = w.report(&Options::default());
    for (f, out) in exported(&kept) {
        assert!(
            out.contains(EMAIL),
            "{f:?}: the kept value is in the report"
        );
        assert!(
            out.contains("the customer asked support to write to them"),
            "{f:?}"
        );
        // The same text without the operator's keep: blocked. (JSON is gated
        // value by value; its raw text is not what the gate reads.)
        if f != Format::Json {
            let leaks = report::gate(&out, &KeptValues::default()).expect_err("not kept: blocked");
            assert!(
                leaks.iter().all(|l| l.kind.name() == "email"),
                "{f:?}: {leaks:?}"
            );
        }
    }
    // Taking the keep back redacts it again.
    w.send(Msg::Unkeep {
        placeholder: "[EMAIL_1]".into(),
    });
    let md = w
        .report(&Options::default())
        .export(Format::Markdown)
        .unwrap();
    assert!(!md.contains(EMAIL));
}

#[test]
fn terms_and_originals_never_reach_the_report() {
    let mut w = with_diagnostics("Lumen Shop order 48213 failed at Lumen Shop checkout\n");
    w.send(Msg::RedactTerm {
        term: "Lumen Shop".into(),
    });
    let r = w.report(&Options::default());
    assert_eq!(r.redaction.terms, 1);
    for (f, out) in exported(&r) {
        assert!(!out.contains("Lumen Shop"), "{f:?}");
        assert!(
            out.contains("[CUSTOM_1] order 48213 failed at [CUSTOM_1] checkout"),
            "{f:?}"
        );
    }
}

#[test]
fn a_finding_in_a_file_name_is_not_repeated_by_the_refusal() {
    let mut w = plugin_issue();
    w.attach(
        "evidence_files",
        &format!("dump-{TOKEN}.log"),
        "nothing else here\n",
    );
    let r = w.report(&Options::default());
    for f in [Format::Markdown, Format::Text, Format::Json] {
        let blocked = r.export(f).expect_err("the name is a finding");
        let said = format!("{blocked}\n{blocked:?}");
        assert!(
            !said.contains(TOKEN),
            "{f:?}: the refusal repeats the finding"
        );
        assert!(
            blocked.leaks.iter().all(|l| !l.part.contains("dump-")),
            "{f:?}: {:?}",
            blocked.leaks
        );
    }
}
