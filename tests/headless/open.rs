//! Sessions left open mid-walk, as the terminal UI leaves them: a headless
//! `run` always finishes its session, so these are built through the library.

use runbook::machine::{self, Effect, Event, Msg, Session, Stamp};
use runbook::runbook::{Library, Loaded};

use super::Home;

/// The error the open sessions preserved, with a customer's address in it.
pub const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error: Uncaught Error: Call to undefined function sophmate_x() for ana.lima@example.org";

pub fn support_context() -> Loaded {
    Library::builtin()
        .unwrap()
        .get("support-context")
        .unwrap()
        .clone()
}

pub fn at(s: &str) -> Stamp {
    machine::parse_timestamp(s).unwrap()
}

/// A session of `operator`, started at `now`: error preserved, triaged as a
/// plugin issue, the redaction reviewed; then `more`. Returns its id.
pub fn open_session(home: &Home, operator: &str, now: Stamp, more: &[Msg]) -> String {
    let loaded = support_context();
    let rb = &loaded.runbook;
    let (mut session, effects) = machine::start("pending", rb, operator, now);
    let mut events = persisted(effects);
    let answer = |field: &str, value: &str| Msg::Answer {
        field: field.into(),
        value: value.into(),
    };
    let mut msgs = vec![
        Msg::Enter {
            step: "preserve".into(),
        },
        answer("error_message", ERROR),
        answer("affected_screen", "WooCommerce > Orders > Edit order"),
        answer("affected_user", "shop_manager (user 7)"),
        Msg::Enter {
            step: "triage".into(),
        },
        answer("request_type", "purchase-plugin-issue"),
        answer("production_impact", "resolved"),
        answer("private_data_exposed", "no"),
        Msg::Confirm {
            id: "redaction_reviewed".into(),
        },
    ];
    msgs.extend(more.iter().cloned());
    for m in msgs {
        let effects = machine::update(&mut session, rb, m.clone(), now)
            .unwrap_or_else(|r| panic!("{m:?}: {r}"));
        events.extend(persisted(effects));
    }
    let store = home.store();
    let mut open = store.create(now, &loaded.text).unwrap();
    if let machine::What::Started { session, .. } = &mut events[0].what {
        session.clone_from(&open.id);
    }
    open.append_all(&events).unwrap();
    open.publish().unwrap();
    open.id.clone()
}

pub fn persisted(effects: Vec<Effect>) -> Vec<Event> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Persist(ev) => Some(ev),
            _ => None,
        })
        .collect()
}

/// The session as saved.
pub fn saved(home: &Home, id: &str) -> Session {
    home.store().read(id).unwrap().session().unwrap()
}

/// Opens a session this process just let go of. While another test thread
/// spawns a process, the child briefly shares every open file until it
/// executes (close-on-exec acts only then), and with them the lock: wait
/// that out rather than fail on it.
pub fn open_when_free(
    store: &runbook::store::Store,
    id: &str,
) -> (runbook::store::OpenSession, runbook::store::Stored) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match store.open(id) {
            Ok(opened) => return opened,
            Err(e)
                if std::time::Instant::now() < deadline && e.0.contains("is open in another") =>
            {
                std::thread::yield_now();
            }
            Err(e) => panic!("{}", e.0),
        }
    }
}
