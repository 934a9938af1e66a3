//! What the WooCommerce and WordPress reports pasted as evidence say, for the
//! report: their versions and times, their flags, and where they differ from
//! the versions the operator gave. Read from the redacted text (versions and
//! times are never redacted); the values are version-shaped by the parser.

use super::build::ENVIRONMENT;
use super::model::ImportNote;
use crate::import;
use crate::machine::Stamp;
use crate::machine::clean::{CleanOrigin, Cleaned};

/// Reports found in the evidence: what they say, and what disagrees with the answers.
pub fn notes(clean: &Cleaned, incident: Option<Stamp>) -> Vec<ImportNote> {
    let mut out = Vec::new();
    for p in &clean.parts {
        let Some(found) = import::detect(p.text.as_str()) else {
            continue;
        };
        let mut values = Vec::new();
        let mut flags: Vec<String> = found
            .flags(incident)
            .iter()
            .map(ToString::to_string)
            .collect();
        for pre in found.prefill() {
            if clean
                .answer(pre.field)
                .is_some_and(|given| given.as_str().trim() != pre.value)
            {
                flags.push(format!(
                    "The {} gives {} {} (line {}), not the version in the environment table — check which one is right.",
                    pre.source.report.name(),
                    component(pre.field),
                    pre.value,
                    pre.source.line,
                ));
            }
            values.push((
                component(pre.field).to_string(),
                pre.value,
                pre.source.to_string(),
            ));
        }
        if let Some(g) = found.generated() {
            values.push((
                "Generated".into(),
                super::document::local(&g.value),
                g.source.to_string(),
            ));
        }
        out.push(ImportNote {
            field: p.field.clone(),
            name: match &p.origin {
                CleanOrigin::Evidence(n) => Some(n.clone()),
                _ => None,
            },
            values,
            flags,
        });
    }
    out
}

fn component(field: &str) -> &'static str {
    ENVIRONMENT
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("version", |(_, c)| c)
}
