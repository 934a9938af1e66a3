//! The site's domain, from the settings: recorded once, lowercase, and kept
//! by the session's redaction.

use runbook::machine::{What, export};

use super::*;

fn keep(s: &mut Session, rb: &Runbook, domain: &str) -> Result<Vec<Effect>, Rejected> {
    send(
        s,
        rb,
        Msg::KeepDomain {
            domain: domain.into(),
        },
    )
}

#[test]
fn the_domain_is_recorded_once_in_lowercase() {
    let rb = support();
    let mut s = new_session(&rb);
    let effects = keep(&mut s, &rb, " Shop.Example.COM ").unwrap();
    let events = persisted(&effects);
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].what,
        What::DomainKept {
            domain: "shop.example.com".into()
        }
    );
    assert!(keep(&mut s, &rb, "shop.example.com").unwrap().is_empty());
    assert_eq!(s.domains, ["shop.example.com"]);
    let replayed = Session::replay(&s.timeline).unwrap();
    assert_eq!(replayed.domains, s.domains);
}

#[test]
fn an_empty_domain_is_refused() {
    let rb = support();
    let mut s = new_session(&rb);
    let r = keep(&mut s, &rb, "  ").unwrap_err();
    assert!(r.message.contains("the domain is empty"), "{r}");
    assert!(s.domains.is_empty());
}

#[test]
fn a_term_inside_the_domain_leaves_the_domain_in_the_report() {
    let rb = support();
    let mut s = new_session(&rb);
    send(
        &mut s,
        &rb,
        Msg::RedactTerm {
            term: "examplecorp".into(),
        },
    )
    .unwrap();
    send(
        &mut s,
        &rb,
        Msg::Enter {
            step: "preserve".into(),
        },
    )
    .unwrap();
    let error = "examplecorp checkout at https://shop.examplecorp.com/checkout failed";
    answer(&mut s, &rb, "error_message", error).unwrap();
    let value = |s: &Session| {
        export::redacted_values(s, &rb)
            .into_iter()
            .find(|(l, _)| l == "error_message")
            .unwrap()
            .1
    };
    assert_eq!(
        value(&s),
        "[CUSTOM_1] checkout at https://shop.[CUSTOM_1].com/checkout failed"
    );
    keep(&mut s, &rb, "shop.examplecorp.com").unwrap();
    assert_eq!(
        value(&s),
        "[CUSTOM_1] checkout at https://shop.examplecorp.com/checkout failed"
    );
    assert!(export::redact(&s, &rb).leaks.is_empty());
}
