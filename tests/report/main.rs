//! The report built from sessions walked through the machine with a fixed
//! clock: snapshots of each format, the leak gate, the redaction corpus as
//! evidence, and every runbook's fields.

mod corpus;
mod formats;
mod gate;
mod properties;
mod runbooks;
#[path = "../support/mod.rs"]
mod support;

pub use support::leaks;

use chrono::{DateTime, Duration, FixedOffset};
use runbook::machine::{self, Msg, Session, Stamp};
use runbook::report::{self, Format, Options, Report};
use runbook::runbook::{Library, Runbook};

/// 2026-11-24 10:00 in the operator's zone (+01:00), plus `minutes`.
pub fn at(minutes: i64) -> Stamp {
    DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap()
        + Duration::minutes(minutes)
}

pub fn runbook(id: &str) -> Runbook {
    Library::builtin()
        .unwrap()
        .get(id)
        .unwrap_or_else(|| panic!("no built-in runbook {id}"))
        .runbook
        .clone()
}

/// A session walked one message a minute from `at(0)`.
pub struct Walk {
    pub rb: Runbook,
    pub s: Session,
    minute: i64,
}

impl Walk {
    pub fn new(id: &str) -> Walk {
        let rb = runbook(id);
        let (s, _) = machine::start("20261124-090000-a1b2", &rb, "ana", at(0));
        Walk { rb, s, minute: 0 }
    }

    /// Sends a message the machine must accept.
    pub fn send(&mut self, msg: Msg) -> &mut Self {
        self.minute += 1;
        let shown = format!("{msg:?}");
        if let Err(r) = machine::update(&mut self.s, &self.rb, msg, at(self.minute)) {
            panic!("{shown}: refused: {}", r.message);
        }
        self
    }

    pub fn answer(&mut self, field: &str, value: &str) -> &mut Self {
        self.send(Msg::Answer {
            field: field.into(),
            value: value.into(),
        })
    }

    pub fn attach(&mut self, field: &str, name: &str, text: &str) -> &mut Self {
        self.send(Msg::Attach {
            field: field.into(),
            name: name.into(),
            text: text.into(),
            bytes: text.len() as u64,
        })
    }

    pub fn report(&self, options: &Options) -> Report {
        report::build(&self.s, &self.rb, options, at(90))
    }
}

pub const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_get_order_context() in /var/www/html/wp-content/plugins/sophmate/includes/class-sophmate-chat.php:214\n";

/// A purchase-plugin-issue up to (not including) its evidence.
pub fn plugin_issue() -> Walk {
    let mut w = Walk::new("support-context");
    w.answer("error_message", ERROR)
        .answer("affected_screen", "WooCommerce > Orders > Edit order")
        .answer("affected_user", "shop_manager (user 14)")
        .answer("request_type", "purchase-plugin-issue")
        .answer("production_impact", "resolved")
        .answer("private_data_exposed", "no")
        .answer("sophmate_version", "2.4.1")
        .answer("wordpress_version", "6.8.1")
        .answer("woocommerce_version", "9.8.5")
        .answer("php_version", "8.2.27")
        .answer("hosting_provider", "Managed WordPress host")
        .answer("ai_provider", "openai")
        .answer(
            "purchase_context",
            "Regular licence bought 2026-03-02 on the shop owner's buyer account",
        )
        .answer(
            "reproduction_steps",
            "1. Sign in as a shop manager\n2. Open WooCommerce > Orders\n3. Open order 48213, which has a SophMate chat note\n",
        )
        .answer("suspected_owner", "plugin");
    w
}

/// Every format, through the gate: the text of each, or the test fails with the findings.
pub fn exported(r: &Report) -> Vec<(Format, String)> {
    [Format::Markdown, Format::Text, Format::Json]
        .into_iter()
        .map(|f| match r.export(f) {
            Ok(t) => (f, t),
            Err(b) => panic!("{f:?} blocked: {b}"),
        })
        .collect()
}
