//! Acceptance checks, escalation routing and the verdict, evaluated from the
//! runbook's rules: nothing here knows a field id.

use serde::Serialize;

use super::eval::Eval;
use super::session::Session;
use crate::runbook::{Runbook, Template};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    pub id: String,
    pub title: String,
    pub passed: bool,
    /// Why it passed, or what is wrong and what to do.
    pub reason: String,
    /// Where to go to make it pass, when it fails.
    #[serde(skip)]
    pub fix: Option<super::eval::Fix>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    pub target: String,
    /// Where the request goes after internal operations, when a later rule says.
    pub then: Option<String>,
    /// The provider, for provider routes, when it is known.
    pub provider: Option<String>,
    pub reasons: Vec<String>,
    /// Related runbooks the firing rule points to.
    #[serde(skip)]
    pub suggest: Vec<String>,
    /// The id of the rule that decided the target.
    #[serde(skip)]
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub pass: bool,
    pub checks: Vec<CheckResult>,
    pub escalation: Escalation,
    /// Required field ids still without a value.
    pub missing: Vec<String>,
    /// What to do, one line per failing rule.
    pub todo: Vec<String>,
}

impl Verdict {
    pub fn word(&self) -> &'static str {
        if self.pass { "PASS" } else { "FAIL" }
    }
}

/// Fills `{missing}`, `{findings}`, `{kept_secrets}` and choice fields.
fn render(ev: &Eval, text: &str) -> String {
    Template::render(text, |name| match name {
        "missing" => {
            let m = ev.missing();
            if m.is_empty() {
                "none".into()
            } else {
                m.join(", ")
            }
        }
        "findings" => {
            let leaks = &ev.redaction().leaks;
            let shown: Vec<String> = leaks
                .iter()
                .take(5)
                .map(|l| format!("{} in {} line {}", l.placeholder, l.part, l.line))
                .collect();
            let more = leaks.len().saturating_sub(5);
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        }
        "kept_secrets" => ev
            .redaction()
            .kept
            .iter()
            .filter(|k| k.category.name() != "customer")
            .map(|k| k.placeholder.clone())
            .collect::<Vec<_>>()
            .join(", "),
        "private_data" => crate::redact::describe_counts(&ev.private_data()),
        field => ev.value(field).unwrap_or("unknown").to_string(),
    })
}

/// Every acceptance check of the runbook, with its reason.
pub fn checks(session: &Session, runbook: &Runbook) -> Vec<CheckResult> {
    let ev = Eval::new(session, runbook);
    checks_with(&ev)
}

/// [`checks`] over an evaluation already made (its redaction is reused).
pub fn checks_with(ev: &Eval) -> Vec<CheckResult> {
    ev.runbook
        .checks
        .iter()
        .map(|c| {
            let failing_rules: Vec<_> = c.rules.iter().filter(|r| !ev.holds(&r.holds)).collect();
            let failing: Vec<String> = failing_rules.iter().map(|r| render(ev, &r.fail)).collect();
            let fix = failing_rules.iter().find_map(|r| ev.fix_for(&r.holds));
            CheckResult {
                id: c.id.clone(),
                title: c.title.clone(),
                passed: failing.is_empty(),
                reason: if failing.is_empty() {
                    render(ev, &c.pass)
                } else {
                    failing.join(" ")
                },
                fix,
            }
        })
        .collect()
}

/// The escalation target: the first route whose condition holds.
pub fn route(session: &Session, runbook: &Runbook) -> Escalation {
    route_with(&Eval::new(session, runbook))
}

fn route_with(ev: &Eval) -> Escalation {
    let routes = &ev.runbook.routes;
    let fired = routes
        .iter()
        .position(|r| r.when.as_ref().is_none_or(|c| ev.holds(c)));
    let Some(i) = fired else {
        return Escalation {
            target: String::new(),
            then: None,
            provider: None,
            reasons: vec![
                "No routing rule applies — the runbook needs a last rule without a condition."
                    .into(),
            ],
            suggest: Vec::new(),
            rule: String::new(),
        };
    };
    let r = &routes[i];
    let mut reasons = vec![render(ev, &r.reason)];
    let mut suggest: Vec<String> = r.suggest.iter().cloned().collect();
    let provider = |route: &crate::runbook::Route| {
        route
            .provider
            .as_deref()
            .and_then(|f| ev.value(f))
            .map(str::to_string)
    };
    let mut then = None;
    let mut named_provider = provider(r);
    if r.hand_on {
        let next = routes[i + 1..]
            .iter()
            .find(|n| n.target != r.target && n.when.as_ref().is_none_or(|c| ev.holds(c)));
        if let Some(n) = next {
            then = Some(n.target.clone());
            reasons.push(format!("Then: {}", render(ev, &n.reason)));
            named_provider = named_provider.or_else(|| provider(n));
            suggest.extend(n.suggest.iter().cloned());
        }
    }
    Escalation {
        target: r.target.clone(),
        then,
        provider: named_provider,
        reasons,
        suggest,
        rule: r.id.clone(),
    }
}

/// The verdict: PASS when every check passes.
pub fn verdict(session: &Session, runbook: &Runbook) -> Verdict {
    verdict_with(&Eval::new(session, runbook))
}

pub(super) fn verdict_with(ev: &Eval) -> Verdict {
    let checks = checks_with(ev);
    let pass = checks.iter().all(|c| c.passed);
    let todo = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| format!("{}: {}", c.id, c.reason))
        .collect();
    Verdict {
        pass,
        checks,
        escalation: route_with(ev),
        missing: ev.missing(),
        todo,
    }
}
