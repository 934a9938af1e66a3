//! `runbook improvements`: what reviews said to change, for the runbooks' owners.

use super::*;

const REVIEW: &str = r#"runbook: post-incident-review
operator: dana
answers:
  incident_ref: INC-7
  started_at: "2026-11-24T09:58:12+00:00"
  resolved_at: "2026-11-24T10:40:00+00:00"
  what_happened: |
    Order edit screen died
    Plugin update rolled back
  impact: Shop managers could not edit orders for 40 minutes
  detection: A shop manager reported it
  actions_taken: |
    Rolled back the plugin update
  root_cause: An untested update
  private_data_exposed: "no"
  prevention_actions: |
    Stage updates first (owner dana, by 2026-12-01)
  runbook_improvements: |
    preserve: ask for the browser console too, mail jane.doe@example.com
    incident-response/triage: ask whether checkout is affected first
  paused_work: none-paused
confirm: [containment_undone]
"#;

#[test]
fn improvements_are_listed_by_runbook_and_step_redacted() {
    let home = Home::new();
    let answers = home.write("review.yaml", REVIEW);
    let out = home.runbook(&[
        "run",
        "post-incident-review",
        "--answers",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = home.runbook(&["improvements", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2, "{v}");
    assert_eq!(items[0]["step"], "preserve");
    assert_eq!(items[1]["runbook"], "incident-response");
    assert_eq!(items[1]["step"], "triage");
    assert_eq!(items[1]["note"], "ask whether checkout is affected first");
    assert_eq!(items[1]["author"], "dana");
    let shown = text(&out.stdout);
    assert!(!shown.contains("jane.doe@example.com"), "{shown}");
    let out = home.runbook(&["improvements"]);
    assert!(text(&out.stdout).contains("incident-response  triage"));
}
