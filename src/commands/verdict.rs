//! The verdict as printed by `run` and `check`: text for people, JSON for scripts.

use serde::Serialize;

use crate::machine::{CheckResult, Verdict};

#[derive(Serialize)]
struct Json<'a> {
    session: &'a str,
    runbook: &'a str,
    verdict: &'static str,
    checks: &'a [CheckResult],
    escalation: JsonEscalation<'a>,
    missing: &'a [String],
}

#[derive(Serialize)]
struct JsonEscalation<'a> {
    target: &'a str,
    then: Option<&'a str>,
    provider: Option<&'a str>,
    reasons: &'a [String],
}

pub fn json(session: &str, runbook: &str, v: &Verdict) -> String {
    let doc = Json {
        session,
        runbook,
        verdict: v.word(),
        checks: &v.checks,
        escalation: JsonEscalation {
            target: &v.escalation.target,
            then: v.escalation.then.as_deref(),
            provider: v.escalation.provider.as_deref(),
            reasons: &v.escalation.reasons,
        },
        missing: &v.missing,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

pub fn text(session: &str, runbook: &str, v: &Verdict, unfinished: Option<&str>) -> String {
    let mut out = format!("{}  {runbook}  session {session}\n", v.word());
    if let Some(state) = unfinished {
        out.push_str(&format!(
            "  the session is {state}: resume it and finish the walk\n"
        ));
    }
    for c in &v.checks {
        let mark = if c.passed { "pass" } else { "FAIL" };
        out.push_str(&format!(
            "  {mark}  {} — {}\n        {}\n",
            c.id, c.title, c.reason
        ));
    }
    let e = &v.escalation;
    out.push_str(&format!("escalation: {}", e.target));
    if let Some(t) = &e.then {
        out.push_str(&format!(", then {t}"));
    }
    if let Some(p) = &e.provider {
        out.push_str(&format!(" (provider: {p})"));
    }
    out.push('\n');
    for r in &e.reasons {
        out.push_str(&format!("  - {r}\n"));
    }
    if !v.missing.is_empty() {
        out.push_str(&format!("missing: {}\n", v.missing.join(", ")));
    }
    if !v.todo.is_empty() {
        out.push_str("to do:\n");
        for t in &v.todo {
            out.push_str(&format!("  - {t}\n"));
        }
    }
    out
}
