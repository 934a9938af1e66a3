//! `runbook validate`: one broken runbook per kind of error, each reported at
//! its file:line:column with what is wrong and what to do.

use super::*;

const BASE: &str = "\
schema: 1
id: tiny
title: Tiny
summary: [A small runbook to break.]
owner: Support lead
cadence: [After every incident]
fields:
  - id: error_message
    type: multiline
    label: Error
    required: true
  - id: kind
    type: choice
    label: Kind
    required: true
    choices: [plugin, hosting]
steps:
  - id: preserve
    kind: preserve
    title: Preserve
    collect: [error_message]
  - id: triage
    kind: triage
    title: Triage
    requires: [error_message]
    collect: [kind]
  - id: verdict
    kind: verdict
    title: Verdict
    when: {field: kind, equals: plugin}
checks:
  - id: complete
    title: Complete
    rules:
      - test: {field: error_message, present: true}
        fail: The error is missing — paste it.
    pass: Complete.
targets:
  - id: plugin-support
    title: Plugin support
  - id: ops
    title: Operations
routes:
  - id: plugin
    when: {field: kind, equals: plugin}
    target: plugin-support
    reason: The plugin owns it.
  - id: rest
    target: ops
    reason: Operations decides.
related:
  - runbook: support-context
    why: Prepare the report.
";

/// 1-based line and column of the `nth` occurrence of `needle`.
fn place(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in the runbook"))
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
    (line, col)
}

fn broken(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

/// Validates `text` as `tiny.yaml` and returns its one report line.
fn report(home: &Home, text: &str) -> String {
    let file = home.path().join("tiny.yaml");
    std::fs::write(&file, text).unwrap();
    let out = home.runbook(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let t = text_of(&out);
    assert_eq!(t.lines().count(), 1, "{t}");
    t.trim_end()
        .strip_prefix(&format!("{}/", home.path().display()))
        .unwrap_or_else(|| panic!("{t}"))
        .to_string()
}

fn text_of(out: &std::process::Output) -> String {
    text(&out.stdout)
}

/// `tiny.yaml:LINE:COL: MESSAGE`, the place found where `needle` is in `text`.
fn at(text: &str, needle: &str, nth: usize, message: &str) -> String {
    let (l, c) = place(text, needle, nth);
    format!("tiny.yaml:{l}:{c}: {message}")
}

#[test]
fn the_base_runbook_is_valid() {
    let home = Home::new();
    let file = home.path().join("tiny.yaml");
    std::fs::write(&file, BASE).unwrap();
    let out = home.runbook(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(text(&out.stderr).contains("1 runbook(s) valid"));
}

#[test]
fn every_known_runbook_is_valid() {
    let home = Home::new();
    let out = home.runbook(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let out = home.runbook(&["validate", "runbooks"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("9 runbook(s) valid"),
        "{}",
        show(&out)
    );
}

#[test]
fn a_yaml_syntax_error() {
    let home = Home::new();
    let t = broken("title: Tiny\n", "title: [Tiny\n");
    let r = report(&home, &t);
    assert!(r.starts_with("tiny.yaml:4:"), "{r}");
    assert!(
        r.contains(": YAML syntax error: ") && r.ends_with("— fix the indentation or quoting here"),
        "{r}"
    );
}

#[test]
fn an_unknown_key_is_refused_so_a_typo_cannot_drop_a_gate() {
    let home = Home::new();
    let t = broken(
        "    requires: [error_message]",
        "    requirs: [error_message]",
    );
    assert!(
        report(&home, &t).starts_with(&at(
            &t,
            "requirs",
            0,
            "steps[1]: unknown field `requirs`, expected one of"
        )),
        "{}",
        report(&home, &t)
    );
    assert!(report(&home, &t).ends_with(
        "— correct the key or remove it (unknown keys are refused, so a typo cannot drop a rule)"
    ));
}

#[test]
fn a_gate_on_an_unknown_field_or_step() {
    let home = Home::new();
    let t = broken("requires: [error_message]", "requires: [error_mesage]");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "error_mesage",
            0,
            "step \"triage\" requires \"error_mesage\", which is neither a field nor a step — use a step id or one of: error_message, kind"
        )
    );
}

#[test]
fn a_condition_on_an_unknown_field() {
    let home = Home::new();
    let t = broken(
        "when: {field: kind, equals: plugin}\nchecks",
        "when: {field: knd, equals: plugin}\nchecks",
    );
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "knd",
            0,
            "unknown field \"knd\" — use one of: error_message, kind"
        )
    );
}

#[test]
fn a_check_on_an_unknown_field() {
    let home = Home::new();
    let t = broken(
        "{field: error_message, present: true}",
        "{field: error, present: true}",
    );
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "error,",
            0,
            "unknown field \"error\" — use one of: error_message, kind"
        )
    );
}

#[test]
fn a_route_on_an_unknown_field() {
    let home = Home::new();
    let t = broken(
        "    when: {field: kind, equals: plugin}\n    target",
        "    when: {field: owner, equals: plugin}\n    target",
    );
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "owner",
            1,
            "unknown field \"owner\" — use one of: error_message, kind"
        )
    );
}

#[test]
fn a_condition_on_an_unknown_step() {
    let home = Home::new();
    let t = broken(
        "{field: error_message, present: true}",
        "{step_applies: review}",
    );
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "review",
            0,
            "unknown step \"review\" — use one of: preserve, triage, verdict"
        )
    );
}

#[test]
fn a_value_that_is_not_a_choice() {
    let home = Home::new();
    let t = broken(
        "when: {field: kind, equals: plugin}\nchecks",
        "when: {field: kind, equals: plugn}\nchecks",
    );
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "plugn",
            0,
            "\"plugn\" is not a choice of \"kind\", so this can never hold — use one of: plugin, hosting"
        )
    );
}

#[test]
fn duplicate_ids() {
    let home = Home::new();
    let t = broken("  - id: verdict\n", "  - id: preserve\n");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "preserve",
            2,
            "duplicate id \"preserve\": already used by a step — give each field, step and confirmation its own id"
        )
    );
}

#[test]
fn an_unreachable_step() {
    let home = Home::new();
    let t = broken(
        "    requires: [error_message]\n    collect: [kind]",
        "    requires: [verdict]\n    collect: [kind]",
    );
    assert_eq!(report(&home, &t), at(&t, "[verdict]", 0, "step \"triage\" is unreachable: it requires \"verdict\", which is completed only at or after it — move the step after \"verdict\" or drop the gate").replacen(&format!(":{}:", place(&t, "[verdict]", 0).1), &format!(":{}:", place(&t, "[verdict]", 0).1 + 1), 1));
}

#[test]
fn a_route_to_an_undefined_target() {
    let home = Home::new();
    let t = broken("target: ops", "target: operations");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "operations",
            0,
            "route \"rest\" sends to \"operations\", which is not a defined target — define it under `targets:` or use one of: plugin-support, ops"
        )
    );
}

#[test]
fn a_required_field_no_step_collects() {
    let home = Home::new();
    let t = broken("    collect: [kind]", "    collect: []");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "kind",
            0,
            "required field \"kind\" is collected by no step, so it can never be answered — add it to a step's `collect:` list"
        )
    );
}

#[test]
fn an_unknown_related_runbook() {
    let home = Home::new();
    let t = broken("runbook: support-context", "runbook: support-contxt");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "support-contxt",
            0,
            "related runbook \"support-contxt\" is not known — use the id of a runbook from `runbook runbooks`, or add its file"
        )
    );
}

#[test]
fn an_unknown_schema_version() {
    let home = Home::new();
    let t = broken("schema: 1", "schema: 2");
    assert_eq!(
        report(&home, &t),
        at(
            &t,
            "2",
            0,
            "schema 2 is not a runbook format this program knows — write `schema: 1` and the format of that version"
        )
    );
}

#[test]
fn a_broken_user_runbook_stops_other_commands_with_exit_2() {
    let home = Home::new();
    let dir = home.path().join("runbooks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("tiny.yaml"),
        broken("target: ops", "target: operations"),
    )
    .unwrap();
    let out = home.runbook(&["runbooks"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(text(&out.stderr).contains("tiny.yaml:"), "{}", show(&out));
    let out = home.runbook(&["validate"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
}

#[test]
fn every_value_of_the_wrong_type_is_named_in_one_pass() {
    let home = Home::new();
    let text = BASE
        .replacen(
            "    required: true\n  - id: kind",
            "    required: perhaps\n  - id: kind",
            1,
        )
        .replacen("kind: triage", "kind: triaje", 1)
        .replacen(
            "test: {field: error_message, present: true}",
            "test: {field: error_message, present: often}",
            1,
        );
    let file = home.path().join("tiny.yaml");
    std::fs::write(&file, &text).unwrap();
    let out = home.runbook(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let lines: Vec<String> = text_of(&out)
        .lines()
        .map(|l| {
            l.strip_prefix(&format!("{}/", home.path().display()))
                .unwrap_or(l)
                .to_string()
        })
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].starts_with(&at(&text, "perhaps", 0, "fields[0].required: invalid type")),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(&at(
            &text,
            "triaje",
            0,
            "steps[1].kind: unknown variant `triaje`"
        )),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with(&at(
            &text,
            "often",
            0,
            "checks[0].rules[0].test.present: invalid type"
        )),
        "{lines:?}"
    );
}
