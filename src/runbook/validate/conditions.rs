//! Conditions and text templates: every name they use must exist, and every
//! value they compare must be possible.

use super::{Ctx, Path, path};
use crate::runbook::Template;
use crate::runbook::model::{Condition, FieldType, Test};

/// Category names `kept_none_of` accepts.
pub const CATEGORIES: [&str; 4] = ["provider_key", "credential", "payment", "customer"];

/// Checks `{name}` placeholders: computed values, or choice-like fields (never
/// free text, so a reason can never carry a secret).
pub(super) fn template(cx: &mut Ctx, text: &str, at: Path) {
    for name in Template::names(text) {
        if Template::COMPUTED.contains(&name) {
            continue;
        }
        let ok = cx.rb.field(name).is_some_and(|f| {
            matches!(
                f.kind,
                FieldType::Choice | FieldType::YesNo | FieldType::Number
            )
        });
        if !ok {
            cx.err(&at, format!(
                "`{{{name}}}` is not a choice field nor one of {} — name a choice field (free text could carry a secret)",
                Template::COMPUTED.map(|c| format!("{{{c}}}")).join(", ")
            ));
        }
    }
}

/// Validates a condition. `step`: the index of the step whose `when` this is,
/// so a condition on a field collected only later is reported as unreachable.
pub(super) fn condition(cx: &mut Ctx, c: &Condition, at: Path, step: Option<usize>) {
    let rb = cx.rb;
    let tests = c.tests();
    if tests.len() != 1 {
        let msg = if tests.is_empty() {
            "this condition tests nothing — give one of present, equals, one_of, matches, min_lines, timestamp_confirmed, confirmed, step_applies, complete, no_findings, kept_none_of, private_data_found, all, any, not".to_string()
        } else {
            "this condition has several tests — give one, and combine with `all:` or `any:`"
                .to_string()
        };
        cx.err(&at, msg);
        return;
    }
    let test = tests[0];
    if test.needs_field() {
        let Some(fid) = c.field.as_deref() else {
            cx.err(
                &at,
                "this test needs `field:` — name the field it reads".into(),
            );
            return;
        };
        let fat = [at.clone(), path(&["field".into()])].concat();
        let Some(field) = rb.field(fid) else {
            let list = cx.field_list();
            cx.err(&fat, format!("unknown field {fid:?} — use one of: {list}"));
            return;
        };
        if let (Some(s), Some(&k)) = (step, cx.collected_at.get(fid))
            && k >= s
        {
            cx.err(&fat, format!(
                "step {:?} is unreachable: its condition reads {fid:?}, which is collected only at or after it — move the step after {:?}",
                rb.steps[s].id, rb.steps[k].id
            ));
        }
        let allowed: Option<Vec<&str>> = match field.kind {
            FieldType::Choice => Some(field.choices.iter().map(String::as_str).collect()),
            FieldType::YesNo => Some(vec!["yes", "no"]),
            _ => None,
        };
        let values: Vec<(&str, Path)> = match test {
            Test::Equals(_, v) => vec![(v, [at.clone(), path(&["equals".into()])].concat())],
            Test::OneOf(_, vs) => vs
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        v.as_str(),
                        [at.clone(), path(&["one_of".into(), i.into()])].concat(),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Some(allowed) = allowed {
            for (v, vat) in values {
                if !allowed.contains(&v) {
                    cx.err(&vat, format!(
                        "{v:?} is not a choice of {fid:?}, so this can never hold — use one of: {}",
                        allowed.join(", ")
                    ));
                }
            }
        }
        if let Test::Matches(_, re) = test
            && let Err(e) = regex::Regex::new(re)
        {
            cx.err(
                &[at.clone(), path(&["matches".into()])].concat(),
                format!(
                    "not a valid regex ({}) — correct it",
                    first_line(&e.to_string())
                ),
            );
        }
        if let Test::TimestampConfirmed(..) = test
            && field.kind != FieldType::Timestamp
        {
            cx.err(
                &fat,
                format!(
                    "{fid:?} is not a timestamp field — timestamp_confirmed reads timestamps only"
                ),
            );
        }
        return;
    }
    if c.field.is_some() {
        cx.err_key(
            &[at.clone(), path(&["field".into()])].concat(),
            "this test does not read a field — remove `field:`".into(),
        );
    }
    match test {
        Test::Confirmed(id) if rb.confirmation(id).is_none() => {
            let ids: Vec<&str> = rb
                .steps
                .iter()
                .flat_map(|s| s.confirm.iter().map(|c| c.id.as_str()))
                .collect();
            cx.err(
                &[at, path(&["confirmed".into()])].concat(),
                format!(
                    "unknown confirmation {id:?} — use one of: {}",
                    ids.join(", ")
                ),
            );
        }
        Test::StepApplies(id) if rb.step(id).is_none() => {
            let ids: Vec<&str> = rb.steps.iter().map(|s| s.id.as_str()).collect();
            cx.err(
                &[at, path(&["step_applies".into()])].concat(),
                format!("unknown step {id:?} — use one of: {}", ids.join(", ")),
            );
        }
        Test::KeptNoneOf(cats) => {
            for (i, cat) in cats.iter().enumerate() {
                if !CATEGORIES.contains(&cat.as_str()) {
                    cx.err(
                        &[at.clone(), path(&["kept_none_of".into(), i.into()])].concat(),
                        format!(
                            "unknown category {cat:?} — use one of: {}",
                            CATEGORIES.join(", ")
                        ),
                    );
                }
            }
        }
        Test::All(cs) | Test::Any(cs) => {
            let key = if matches!(test, Test::All(_)) {
                "all"
            } else {
                "any"
            };
            for (i, sub) in cs.iter().enumerate() {
                condition(
                    cx,
                    sub,
                    [at.clone(), path(&[key.into(), i.into()])].concat(),
                    step,
                );
            }
        }
        Test::Not(sub) => condition(cx, sub, [at, path(&["not".into()])].concat(), step),
        _ => {}
    }
}

pub(super) fn first_line(s: &str) -> String {
    s.lines().last().unwrap_or(s).trim().to_string()
}
