//! Every escalation rule, in the runbook's order: the first that holds wins.

use runbook::machine;
use runbook::runbook::parse;

use super::*;

fn route(with: &[(&str, &str)], without: &[&str]) -> machine::Escalation {
    let rb = support();
    machine::route(&walk(&rb, with, without), &rb)
}

#[test]
fn private_data_goes_to_internal_operations_then_on() {
    for answer in ["yes", "unsure"] {
        let e = route(&[("private_data_exposed", answer)], &[]);
        assert_eq!(e.target, "internal-operations");
        assert_eq!(e.then.as_deref(), Some("codecanyon-support"));
        assert_eq!(e.rule, "private-data");
        assert!(
            e.reasons[0].contains(&format!("private_data_exposed is {answer}")),
            "{:?}",
            e.reasons
        );
        assert!(e.reasons[1].starts_with("Then: The plugin looks responsible"));
        assert_eq!(e.suggest, ["privacy-data-retention"]);
    }
}

#[test]
fn ongoing_production_impact_goes_to_internal_operations_and_incident_response() {
    let e = route(
        &[
            ("production_impact", "ongoing"),
            ("suspected_owner", "hosting"),
        ],
        &[],
    );
    assert_eq!(e.target, "internal-operations");
    assert_eq!(e.then.as_deref(), Some("hosting"));
    assert_eq!(e.rule, "production-impact");
    assert_eq!(e.suggest, ["incident-response"]);
}

#[test]
fn questions_go_to_the_contact_page() {
    for t in ["pre-sale-question", "website-question"] {
        let e = route(&[("request_type", t)], &[]);
        assert_eq!(
            (e.target.as_str(), e.then.as_deref()),
            ("contact-page", None)
        );
        assert_eq!(
            e.reasons,
            [format!(
                "A {t} goes through the contact page, not the CodeCanyon support flow."
            )]
        );
    }
}

#[test]
fn incomplete_evidence_goes_to_internal_operations() {
    let e = route(&[], &["purchase_context"]);
    assert_eq!(e.target, "internal-operations");
    assert_eq!(e.rule, "evidence-incomplete");
    assert_eq!(e.then.as_deref(), Some("codecanyon-support"));
    assert!(e.reasons[0].starts_with("Evidence is incomplete (purchase_context)"));
}

#[test]
fn the_suspected_owner_decides_the_rest() {
    let e = route(&[("suspected_owner", "hosting")], &[]);
    assert_eq!((e.target.as_str(), e.rule.as_str()), ("hosting", "hosting"));

    let e = route(
        &[
            ("suspected_owner", "provider"),
            ("ai_provider", "anthropic"),
        ],
        &[],
    );
    assert_eq!(e.target, "provider-support");
    assert_eq!(e.provider.as_deref(), Some("anthropic"));
    assert_eq!(
        e.reasons,
        ["The AI provider looks responsible, so the request goes to anthropic support."]
    );

    let e = route(&[("suspected_owner", "provider")], &["ai_provider"]);
    assert_eq!(e.target, "provider-support");
    assert_eq!(e.provider, None);
    assert!(
        e.reasons[0].contains("which one is unknown (ai_provider is unknown)"),
        "{:?}",
        e.reasons
    );

    let e = route(
        &[("suspected_owner", "provider"), ("ai_provider", "other")],
        &[],
    );
    assert_eq!(
        (e.target.as_str(), e.provider.as_deref()),
        ("provider-support", None)
    );

    let e = route(&[("suspected_owner", "plugin")], &[]);
    assert_eq!(
        (e.target.as_str(), e.then.as_deref()),
        ("codecanyon-support", None)
    );

    let e = route(&[("suspected_owner", "unclear")], &[]);
    assert_eq!(
        (e.target.as_str(), e.then.as_deref(), e.rule.as_str()),
        ("internal-operations", None, "unclear")
    );
    assert_eq!(
        e.reasons,
        [
            "Routing between host, provider, and plugin support is unclear, so internal operations decides."
        ]
    );
}

/// The rules are data: swapping two routes in a copy of the runbook changes
/// the target, with no change to the program.
#[test]
fn swapping_two_routes_in_the_yaml_changes_the_target() {
    let original = include_str!("../../runbooks/support-context.yaml");
    let swapped = swap_routes(original, "private-data", "contact-page");
    let rb = support();
    let copy = parse(&swapped, "copy.yaml").unwrap();
    let s = walk(
        &rb,
        &[
            ("request_type", "pre-sale-question"),
            ("private_data_exposed", "yes"),
        ],
        &[],
    );
    assert_eq!(machine::route(&s, &rb).target, "internal-operations");
    assert_eq!(machine::route(&s, &copy).target, "contact-page");
}

/// Exchanges the YAML blocks of two routes (`  - id: NAME` up to the next item).
pub fn swap_routes(text: &str, a: &str, b: &str) -> String {
    let routes_at = text.find("\nroutes:\n").unwrap() + "\nroutes:\n".len();
    let block = |id: &str| {
        let start = routes_at + text[routes_at..].find(&format!("  - id: {id}\n")).unwrap();
        let rest = &text[start + 1..];
        let end = start
            + 1
            + rest
                .find(
                    "
  - id: ",
                )
                .unwrap_or_else(|| {
                    rest.find(
                        "

",
                    )
                    .unwrap()
                })
            + 1;
        (start, end)
    };
    let (mut x, mut y) = (block(a), block(b));
    if x.0 > y.0 {
        std::mem::swap(&mut x, &mut y);
    }
    format!(
        "{}{}{}{}{}",
        &text[..x.0],
        &text[y.0..y.1],
        &text[x.1..y.0],
        &text[x.0..x.1],
        &text[y.1..]
    )
}
