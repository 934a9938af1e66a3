//! Reads the reports WooCommerce and WordPress already produce, pasted as
//! evidence: the WooCommerce System Status Report (`### WordPress Environment
//! ###`, `WC Version:`, also wrapped in GitHub's `<details>`) and WordPress
//! Site Health info (`### wp-core ###`). Pure: text in, values out.
//!
//! The terminal UI offers what this finds as pre-fill, each value with where
//! it was read; the operator confirms. Nothing is filled in on its own.
//!
//! ```
//! use runbook::import;
//! let pasted = "### WordPress Environment ###\nWP Version: 6.8.1\nWC Version: 9.8.5\n";
//! let found = import::detect(pasted).expect("a System Status Report");
//! let prefill = found.prefill();
//! assert_eq!(prefill[0].field, "wordpress_version");
//! assert_eq!(prefill[0].value, "6.8.1");
//! assert_eq!(prefill[0].source.line, 2);
//! // Flags need the incident's time to say whether the report is older.
//! let _flags = found.flags(None);
//! ```
//!
//! - [`detect`] finds either form, or both, in one pasted text.
//! - [`Imported::prefill`] gives `wordpress_version`, `woocommerce_version`,
//!   `php_version` and `sophmate_version` (from the active plugins list), each
//!   with its [`Source`]; [`Imported::generated`] the report's generation time.
//! - [`Imported::flags`] says when the two reports disagree, when a report is
//!   older than the incident, and when SophMate is missing or inactive.

mod health;
mod lines;
mod plugins;
mod status;

use std::fmt;

use serde::Serialize;

use crate::machine::{Stamp, to_rfc3339};

/// Which report a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// WooCommerce > Status > Get system report.
    SystemStatus,
    /// Tools > Site Health > Info > Copy site info to clipboard.
    SiteHealth,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::SystemStatus => "WooCommerce System Status Report",
            Kind::SiteHealth => "WordPress Site Health info",
        }
    }
}

/// Where a value was read: the report, the line of the pasted text (from 1)
/// and the label it stood under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub report: Kind,
    pub line: usize,
    pub label: String,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, line {}: {}",
            self.report.name(),
            self.line,
            self.label
        )
    }
}

/// A value and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub source: Source,
}

/// What a report says about SophMate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SophMate {
    /// The pasted part has no plugin list: nothing can be said.
    #[default]
    Unknown,
    Active(Found<String>),
    /// In the inactive plugins list (its version, when given).
    Inactive(Found<Option<String>>),
    /// Plugin lists are there and SophMate is in none of them.
    Missing {
        report: Kind,
    },
}

/// One parsed report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub kind: Kind,
    /// The pasted line where it starts.
    pub line: usize,
    pub wordpress: Option<Found<String>>,
    pub woocommerce: Option<Found<String>>,
    pub php: Option<Found<String>>,
    pub sophmate: SophMate,
    pub generated: Option<Found<Stamp>>,
}

impl Parsed {
    fn new(kind: Kind, line: usize) -> Parsed {
        Parsed {
            kind,
            line,
            wordpress: None,
            woocommerce: None,
            php: None,
            sophmate: SophMate::Unknown,
            generated: None,
        }
    }

    fn sophmate_version(&self) -> Option<&Found<String>> {
        match &self.sophmate {
            SophMate::Active(f) => Some(f),
            _ => None,
        }
    }

    /// (runbook field, component name, value) for each version found.
    fn versions(&self) -> [(&'static str, &'static str, Option<&Found<String>>); 4] {
        [
            ("wordpress_version", "WordPress", self.wordpress.as_ref()),
            (
                "woocommerce_version",
                "WooCommerce",
                self.woocommerce.as_ref(),
            ),
            ("php_version", "PHP", self.php.as_ref()),
            ("sophmate_version", "SophMate", self.sophmate_version()),
        ]
    }
}

/// What one pasted text holds: a System Status Report, Site Health info, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub status: Option<Parsed>,
    pub health: Option<Parsed>,
}

/// A value the operator may accept into a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prefill {
    /// The support-context field id.
    pub field: &'static str,
    pub value: String,
    pub source: Source,
}

/// Something the operator should know before trusting the pre-fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The two reports give different versions of one component.
    Disagree {
        component: &'static str,
        status: Found<String>,
        health: Found<String>,
    },
    /// The report was generated before the incident.
    OlderThanIncident {
        report: Kind,
        generated: Stamp,
        incident: Stamp,
    },
    SophMateMissing {
        report: Kind,
    },
    SophMateInactive {
        source: Source,
    },
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Disagree {
                component,
                status,
                health,
            } => write!(
                f,
                "The reports disagree on {component}: the System Status Report says {} (line {}), Site Health info says {} (line {}) — check which one is current.",
                status.value, status.source.line, health.value, health.source.line
            ),
            Flag::OlderThanIncident {
                report,
                generated,
                incident,
            } => write!(
                f,
                "The {} was generated at {}, before the incident ({}) — it may not show the site as it was; generate a fresh one.",
                report.name(),
                to_rfc3339(generated),
                to_rfc3339(incident)
            ),
            Flag::SophMateMissing { report } => write!(
                f,
                "SophMate is in neither plugin list of the {} — is it installed on this site?",
                report.name()
            ),
            Flag::SophMateInactive { source } => write!(
                f,
                "SophMate is inactive ({source}) — activate it and reproduce the error, or say why it is off."
            ),
        }
    }
}

/// Finds a System Status Report and/or Site Health info in pasted text.
pub fn detect(text: &str) -> Option<Imported> {
    let lines = lines::clean_lines(text);
    let status = status::parse(&lines);
    let health = health::parse(&lines);
    (status.is_some() || health.is_some()).then_some(Imported { status, health })
}

impl Imported {
    /// The reports found, the more recently generated first (a report without
    /// a generation time comes after one with it; ties keep the status report first).
    fn by_recency(&self) -> Vec<&Parsed> {
        let mut all: Vec<&Parsed> = self.status.iter().chain(self.health.iter()).collect();
        all.sort_by_key(|p| std::cmp::Reverse(p.generated.as_ref().map(|g| g.value)));
        all
    }

    /// The versions to offer, one per field, from the most recent report that has each.
    pub fn prefill(&self) -> Vec<Prefill> {
        let versions: Vec<_> = self.by_recency().iter().map(|p| p.versions()).collect();
        (0..4)
            .filter_map(|i| {
                versions.iter().find_map(|v| {
                    let (field, _, found) = v[i];
                    found.map(|f| Prefill {
                        field,
                        value: f.value.clone(),
                        source: f.source.clone(),
                    })
                })
            })
            .collect()
    }

    /// When the most recent report was generated, and where that was read.
    pub fn generated(&self) -> Option<&Found<Stamp>> {
        self.by_recency().first().and_then(|p| p.generated.as_ref())
    }

    /// What the operator should check before accepting the pre-fill.
    /// `incident`: when the error happened, if known.
    pub fn flags(&self, incident: Option<Stamp>) -> Vec<Flag> {
        let mut out = Vec::new();
        if let (Some(s), Some(h)) = (&self.status, &self.health) {
            for (a, b) in s.versions().iter().zip(h.versions().iter()) {
                if let (Some(x), Some(y)) = (a.2, b.2)
                    && x.value != y.value
                {
                    out.push(Flag::Disagree {
                        component: a.1,
                        status: x.clone(),
                        health: y.clone(),
                    });
                }
            }
        }
        for p in self.status.iter().chain(self.health.iter()) {
            if let (Some(g), Some(at)) = (&p.generated, incident)
                && g.value < at
            {
                out.push(Flag::OlderThanIncident {
                    report: p.kind,
                    generated: g.value,
                    incident: at,
                });
            }
            match &p.sophmate {
                SophMate::Missing { report } => out.push(Flag::SophMateMissing { report: *report }),
                SophMate::Inactive(f) => out.push(Flag::SophMateInactive {
                    source: f.source.clone(),
                }),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
