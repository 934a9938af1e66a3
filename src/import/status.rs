//! The WooCommerce System Status Report (WooCommerce > Status > Get system
//! report): `### Title ###` sections of `Label: value` lines, plugin lists as
//! `Name: by Author – 1.2.3`. Older reports say `WooCommerce Version` and
//! `WordPress Version`; values carry ✔/❌/– marks and "newer version" notes.

use super::lines::{self, Line, Section, pair, same_label, section_name};
use super::plugins::{self, Plugin};
use super::{Found, Kind, Parsed, SophMate, Source};

const WORDPRESS: &[&str] = &["WP Version", "WordPress Version"];
const WOOCOMMERCE: &[&str] = &["WC Version", "WooCommerce Version"];
const PHP: &[&str] = &["PHP Version"];
const GENERATED: &[&str] = &["Generated at", "Generated"];
/// Sections only this report has: one of them, or a `WC Version:` line, is enough.
const SECTIONS: &[&str] = &[
    "WordPress Environment",
    "Server Environment",
    "Active Plugins",
    "Status report information",
];

fn is_one_of(label: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| same_label(l, label))
}

fn entry(t: &str) -> Option<(&str, &str, usize)> {
    if let Some(i) = t.find(": by ") {
        // The author is the first piece: the version follows it.
        return Some((t[..i].trim(), &t[i + 5..], 1));
    }
    // No author: `Name: – 1.2.3` or `Name: 1.2.3`.
    let (name, rest) = pair(t)?;
    lines::version(rest).map(|_| (name, rest, 0))
}

fn found(value: String, kind: Kind, line: &Line, label: &str) -> Found<String> {
    Found {
        value,
        source: Source {
            report: kind,
            line: line.number,
            label: label.to_string(),
        },
    }
}

pub fn parse(all: &[Line]) -> Option<Parsed> {
    let sections = lines::sections(all);
    let ours: Vec<&Section> = sections.iter().filter(|s| !s.is_site_health()).collect();
    let known_header = ours
        .iter()
        .find(|s| SECTIONS.iter().any(|n| same_label(n, section_name(s.name))));
    let wc_line = ours
        .iter()
        .flat_map(|s| s.lines.iter())
        .find(|l| pair(&l.text).is_some_and(|(label, _)| is_one_of(label, WOOCOMMERCE)));
    let start = match (known_header, wc_line) {
        (Some(h), _) => h.header_line,
        (None, Some(l)) => l.number,
        (None, None) => return None,
    };
    let kind = Kind::SystemStatus;
    let mut p = Parsed::new(kind, start);
    let mut active: Option<Vec<Plugin>> = None;
    let mut inactive: Vec<Plugin> = Vec::new();
    let mut own_version: Option<Found<String>> = None;
    for s in &ours {
        let name = section_name(s.name).to_ascii_lowercase();
        if name == "active plugins" {
            active
                .get_or_insert_with(Vec::new)
                .extend(plugins::list(s, entry));
            continue;
        }
        if name == "inactive plugins" {
            inactive.extend(plugins::list(s, entry));
            continue;
        }
        let own = name.contains("sophmate");
        for (label, value, l) in lines::pairs(s.lines) {
            let value = value.as_str();
            let v = lines::version(value);
            let slot = if is_one_of(label, WORDPRESS) {
                &mut p.wordpress
            } else if is_one_of(label, WOOCOMMERCE) {
                &mut p.woocommerce
            } else if is_one_of(label, PHP) {
                &mut p.php
            } else if own && same_label(label, "Version") {
                &mut own_version
            } else {
                if is_one_of(label, GENERATED)
                    && p.generated.is_none()
                    && let Some(t) = lines::time(value)
                {
                    p.generated = Some(Found {
                        value: t,
                        source: Source {
                            report: kind,
                            line: l.number,
                            label: label.to_string(),
                        },
                    });
                }
                continue;
            };
            if slot.is_none()
                && let Some(v) = v
            {
                *slot = Some(found(v, kind, l, label));
            }
        }
    }
    // An old report without `WC Version` still lists WooCommerce itself.
    if p.woocommerce.is_none() {
        p.woocommerce =
            super::plugins::woocommerce(active.as_deref(), kind, "Active Plugins: WooCommerce");
    }
    p.sophmate = sophmate(
        kind,
        active.as_deref(),
        &inactive,
        own_version,
        "Active Plugins",
        "Inactive Plugins",
    );
    Some(p)
}

/// What the plugin lists (and the plugin's own section) say about SophMate.
pub fn sophmate(
    kind: Kind,
    active: Option<&[Plugin]>,
    inactive: &[Plugin],
    own_version: Option<Found<String>>,
    active_label: &str,
    inactive_label: &str,
) -> SophMate {
    let source = |p: &Plugin, list: &str| Source {
        report: kind,
        line: p.line,
        label: format!("{list}: {}", p.name),
    };
    if let Some(p) = active.into_iter().flatten().find(|p| p.is_sophmate()) {
        return match (&p.version, own_version) {
            (Some(v), _) => SophMate::Active(Found {
                value: v.clone(),
                source: source(p, active_label),
            }),
            (None, Some(own)) => SophMate::Active(own),
            (None, None) => SophMate::Unknown,
        };
    }
    if let Some(p) = inactive.iter().find(|p| p.is_sophmate()) {
        return SophMate::Inactive(Found {
            value: p.version.clone(),
            source: source(p, inactive_label),
        });
    }
    match (active, own_version) {
        // Its own section is there: it runs, though the list was cut off.
        (_, Some(own)) => SophMate::Active(own),
        (Some(_), None) => SophMate::Missing { report: kind },
        (None, None) => SophMate::Unknown,
    }
}
