//! The state machine, transition by transition, with a fixed clock.

mod checks;
mod domain;
mod review;
mod routes;
mod transitions;

use chrono::{DateTime, Duration, FixedOffset};
use runbook::machine::{self, Effect, Event, Msg, Rejected, Session, Stamp};
use runbook::runbook::{Library, Runbook};

/// 2026-11-24 10:00 in the operator's zone (+01:00), plus `minutes`.
pub fn at(minutes: i64) -> Stamp {
    DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap()
        + Duration::minutes(minutes)
}

pub fn support() -> Runbook {
    Library::builtin()
        .unwrap()
        .get("support-context")
        .unwrap()
        .runbook
        .clone()
}

pub fn new_session(rb: &Runbook) -> Session {
    machine::start("s1", rb, "ana", at(0)).0
}

pub fn send(s: &mut Session, rb: &Runbook, msg: Msg) -> Result<Vec<Effect>, Rejected> {
    machine::update(s, rb, msg, at(1))
}

pub fn answer(
    s: &mut Session,
    rb: &Runbook,
    field: &str,
    value: &str,
) -> Result<Vec<Effect>, Rejected> {
    send(
        s,
        rb,
        Msg::Answer {
            field: field.into(),
            value: value.into(),
        },
    )
}

pub fn persisted(effects: &[Effect]) -> Vec<&Event> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Persist(ev) => Some(ev),
            _ => None,
        })
        .collect()
}

pub const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_get_order_context() in /var/www/html/wp-content/plugins/sophmate/includes/class-sophmate-chat.php:214\n";

/// A complete purchase-plugin-issue, as a careful operator would give it.
pub fn full_answers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("error_message", ERROR),
        ("affected_screen", "WooCommerce > Orders > Edit order"),
        ("affected_user", "shop_manager (user 14)"),
        ("request_type", "purchase-plugin-issue"),
        ("production_impact", "none"),
        ("private_data_exposed", "no"),
        ("retry_attempted", "yes"),
        ("retry_outcome", "Same fatal error on reload"),
        ("sophmate_version", "2.4.1"),
        ("wordpress_version", "6.8.1"),
        ("woocommerce_version", "9.8.5"),
        ("php_version", "8.2.12-1+ubuntu22.04.1"),
        ("ai_provider", "openai"),
        ("purchase_context", "Regular licence, bought 2026-03-02"),
        (
            "reproduction_steps",
            "Open WooCommerce > Orders\nOpen an order with a chat note\n",
        ),
        (
            "diagnostics",
            "WordPress 6.8.1, WooCommerce 9.8.5, memory limit 256M\n",
        ),
        ("suspected_owner", "plugin"),
    ]
}

/// Walks the runbook in order with `full_answers`, replaced by `with` and
/// without `without`, then confirms the redaction review.
pub fn walk(rb: &Runbook, with: &[(&str, &str)], without: &[&str]) -> Session {
    let mut s = new_session(rb);
    let mut answers: Vec<(String, String)> = full_answers()
        .into_iter()
        .filter(|(f, _)| !without.contains(f))
        .map(|(f, v)| (f.to_string(), v.to_string()))
        .collect();
    for (f, v) in with {
        match answers.iter_mut().find(|(g, _)| g == f) {
            Some(slot) => slot.1 = v.to_string(),
            None => answers.push((f.to_string(), v.to_string())),
        }
    }
    for step in &rb.steps {
        for f in &step.collect {
            // Skipped steps refuse their answers; the tests that need it say so.
            if let Some((_, v)) = answers.iter().find(|(g, _)| g == f)
                && let Err(r) = answer(&mut s, rb, f, v)
            {
                assert!(r.message.contains("skipped"), "{f}: {}", r.message);
            }
        }
        for c in &step.confirm {
            let _ = send(&mut s, rb, Msg::Confirm { id: c.id.clone() });
        }
    }
    s
}
