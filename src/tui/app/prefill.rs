//! Versions read from a pasted WooCommerce System Status Report or Site
//! Health info, offered on the step that asks for them. Nothing is filled in
//! until the operator presses the button; each value shows where it was read.

use super::form::{Button, Item};
use super::{App, Status};
use crate::import::{self, Imported, Prefill};
use crate::machine::{Msg, parse_timestamp};

/// A report found in the evidence, and where it was pasted.
pub struct Offer {
    pub place: String,
    pub found: Imported,
}

impl App {
    /// Looks for a report in text just committed or attached.
    pub(crate) fn look_for_report(&mut self, place: &str, text: &str) {
        let Some(found) = import::detect(text) else {
            return;
        };
        if found.prefill().is_empty() {
            return;
        }
        let which = found
            .status
            .as_ref()
            .map(|_| import::Kind::SystemStatus)
            .or(found.health.as_ref().map(|_| import::Kind::SiteHealth))
            .map_or("A status report", import::Kind::name);
        self.status = Some(Status::Notice(format!(
            "{which} found in {place}: its versions are offered on the step that asks for them."
        )));
        self.offer = Some(Offer {
            place: place.to_string(),
            found,
        });
    }

    /// The offered values for the fields of the shown step.
    pub(crate) fn offered_here(&self) -> Vec<Prefill> {
        let Some(offer) = &self.offer else {
            return Vec::new();
        };
        let Some(step) = self.runbook.steps.get(self.form.step) else {
            return Vec::new();
        };
        offer
            .found
            .prefill()
            .into_iter()
            .filter(|p| step.collect.iter().any(|f| f == p.field))
            .collect()
    }

    /// Lines about the offer: each value with its source, then the flags.
    pub(crate) fn offer_lines(&self) -> Vec<String> {
        let offered = self.offered_here();
        let Some(offer) = self.offer.as_ref().filter(|_| !offered.is_empty()) else {
            return Vec::new();
        };
        let mut lines = vec![format!("Found in {}:", offer.place)];
        for p in &offered {
            let label = self
                .runbook
                .field(p.field)
                .map_or(p.field, |f| f.label.as_str());
            lines.push(format!("  {label}: {} — {}", p.value, p.source));
        }
        let incident = self
            .session
            .current("error_timestamp")
            .and_then(parse_timestamp);
        for flag in offer.found.flags(incident) {
            lines.push(format!("⚠ {flag}"));
        }
        lines
    }

    /// Adds the button to the shown form when something is offered for it.
    pub(crate) fn add_offer_button(&mut self) {
        let offered = self.offered_here();
        if offered.is_empty() || self.session.state != crate::machine::State::Open {
            return;
        }
        let values: Vec<String> = offered
            .iter()
            .map(|p| format!("{} {}", short(p.field), p.value))
            .collect();
        self.form.items.insert(
            0,
            Item::Button {
                label: format!("Fill in from the pasted report: {}", values.join(", ")),
                action: Button::Prefill,
            },
        );
        self.form.focus_on(0);
    }

    /// The operator accepted the offer: fills the fields still empty, keeps
    /// those answered differently, and notes where the values came from.
    pub(crate) fn accept_offer(&mut self) {
        let offered = self.offered_here();
        let mut filled = Vec::new();
        let mut kept = Vec::new();
        for p in &offered {
            match self.session.current(p.field) {
                Some(v) if v == p.value => {}
                Some(_) => kept.push(short(p.field)),
                None => {
                    let msg = Msg::Answer {
                        field: p.field.to_string(),
                        value: p.value.clone(),
                    };
                    if let Err(e) = self.dispatch(msg) {
                        self.status = Some(Status::Error(e));
                        return;
                    }
                    filled.push(format!("{} ({})", p.field, p.source));
                }
            }
        }
        if !filled.is_empty() {
            let _ = self.dispatch(Msg::Note {
                text: format!("Filled in from a pasted report: {}", filled.join("; ")),
            });
        }
        let step = self.form.step;
        self.show_step(step);
        let mut said = format!("Filled in {} value(s) from the report.", filled.len());
        if !kept.is_empty() {
            said.push_str(&format!(
                " Kept your own answers for {} — change them by hand if the report is right.",
                kept.join(", ")
            ));
        }
        self.status = Some(Status::Notice(said));
    }
}

fn short(field: &str) -> &str {
    match field {
        "wordpress_version" => "WordPress",
        "woocommerce_version" => "WooCommerce",
        "php_version" => "PHP",
        "sophmate_version" => "SophMate",
        other => other,
    }
}
