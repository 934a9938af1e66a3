//! Every runbook makes a report: fields without a section of their own fall
//! back to their step's title, and each answered value is in the report.

use runbook::machine::{self, Msg};
use runbook::report::{Format, Options};
use runbook::runbook::{FieldType, Library};

use super::*;

/// A plausible answer for any field.
fn value_for(field: &runbook::runbook::Field, n: usize) -> Option<String> {
    Some(match field.kind {
        FieldType::Text => format!("text answer {n} for {}", field.id),
        FieldType::Multiline => format!("first line {n} of {}\nsecond line {n}\n", field.id),
        FieldType::Version => format!("1.{n}.3"),
        FieldType::Timestamp => "2026-11-24T09:58:12+01:00".into(),
        FieldType::Choice => field.choices.first()?.clone(),
        FieldType::YesNo => "no".into(),
        FieldType::Number => format!("{n}"),
        FieldType::Paths => return None,
    })
}

#[test]
fn every_runbook_reports_every_answered_field() {
    let library = Library::builtin().unwrap();
    for loaded in library.all() {
        let rb = &loaded.runbook;
        let (mut s, _) = machine::start("20261124-090000-a1b2", rb, "ana", at(0));
        let mut given = Vec::new();
        for (n, f) in rb.fields.iter().enumerate() {
            if f.kind == FieldType::Paths {
                let msg = Msg::Attach {
                    field: f.id.clone(),
                    name: format!("{}-{n}.log", f.id),
                    text: format!("evidence line {n}\n"),
                    bytes: 16,
                };
                if machine::update(&mut s, rb, msg, at(1)).is_ok() {
                    given.push(format!("evidence line {n}"));
                }
                continue;
            }
            let Some(v) = value_for(f, n) else { continue };
            let msg = Msg::Answer {
                field: f.id.clone(),
                value: v.clone(),
            };
            // Gated or skipped fields refuse; what is accepted must be reported.
            if machine::update(&mut s, rb, msg, at(1)).is_ok() && f.export {
                // Times are shown in the operator's offset and in UTC.
                let shown = match f.kind {
                    FieldType::Timestamp => "2026-11-24 09:58:12 +01:00 (2026-11-24 08:58:12 UTC)",
                    _ => v.lines().next().unwrap(),
                };
                given.push(shown.to_string());
            }
        }
        let mut confirmed = Vec::new();
        for c in rb.steps.iter().flat_map(|st| st.confirm.iter()) {
            let msg = Msg::Confirm { id: c.id.clone() };
            if machine::update(&mut s, rb, msg, at(2)).is_ok() {
                confirmed.push(format!(
                    "- {} — confirmed 2026-11-24 10:02:00 +01:00 ({})",
                    c.label, c.id
                ));
            }
        }
        machine::update(&mut s, rb, Msg::Finish, at(2)).unwrap();
        let r = runbook::report::build(&s, rb, &Options::default(), at(3));
        assert!(!r.draft, "{}", rb.id);
        let md = r
            .export(Format::Markdown)
            .unwrap_or_else(|b| panic!("{}: {b}", rb.id));
        let text = r.export(Format::Text).unwrap();
        let json = r.export(Format::Json).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["runbook"], rb.id.as_str());
        assert!(md.starts_with(&format!("# {} report\n", rb.title)), "{md}");
        for v in &given {
            assert!(
                md.contains(v.as_str()),
                "{}: {v:?} is not in the report\n{md}",
                rb.id
            );
            assert!(
                text.contains(v.as_str()),
                "{}: {v:?} is not in the text",
                rb.id
            );
        }
        for c in &confirmed {
            assert!(
                md.contains(c.as_str()),
                "{}: {c:?} is not in the report",
                rb.id
            );
        }
        assert!(
            !given.is_empty() || !confirmed.is_empty(),
            "{}: nothing was accepted",
            rb.id
        );
    }
}

#[test]
fn another_runbooks_fields_go_under_their_step_titles() {
    let mut w = Walk::new("incident-response");
    w.answer("incident_summary", "Checkout returns HTTP 500 for every customer")
        .answer("detected_at", "2026-11-24T10:02:41+01:00")
        .answer(
            "error_evidence",
            "2026-11-24T10:02:41+01:00 PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted\n",
        )
        .answer("impact_scope", "all-customers")
        .answer("orders_affected", "yes")
        .answer("private_data_risk", "no");
    let r = w.report(&Options::default());
    insta::assert_snapshot!(r.export(Format::Markdown).unwrap());
}
