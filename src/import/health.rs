//! WordPress Site Health info (Tools > Site Health > Info > Copy site info to
//! clipboard): `### wp-core ###` sections of `key: value` lines, plugin lists
//! as `Name: version: 1.2.3, author: X, Auto-updates disabled`.

use super::lines::{self, Line, Section, same_label, section_name};
use super::plugins::{self, Plugin};
use super::status::sophmate;
use super::{Found, Kind, Parsed, Source};

const SECTIONS: &[&str] = &[
    "wp-core",
    "wp-server",
    "wp-plugins-active",
    "wp-active-plugins",
    "wp-paths-sizes",
];
/// WordPress names the lists `wp-plugins-active`; some copies say `wp-active-plugins`.
const ACTIVE: &[&str] = &["wp-plugins-active", "wp-active-plugins"];
const INACTIVE: &[&str] = &["wp-plugins-inactive", "wp-inactive-plugins"];
/// The server's clock as it wrote the report, best first.
const TIMES: &[&str] = &["current", "utc-time", "server-time"];

fn entry(t: &str) -> Option<(&str, &str, usize)> {
    let lower = t.to_ascii_lowercase();
    let i = lower.find(": version:")?;
    Some((t[..i].trim(), &t[i + ": version:".len()..], 0))
}

pub fn parse(all: &[Line]) -> Option<Parsed> {
    let sections = lines::sections(all);
    let ours: Vec<&Section> = sections.iter().filter(|s| s.is_site_health()).collect();
    let start = ours
        .iter()
        .find(|s| SECTIONS.contains(&section_name(s.name)))?
        .header_line;
    let kind = Kind::SiteHealth;
    let mut p = Parsed::new(kind, start);
    let mut active: Option<Vec<Plugin>> = None;
    let mut inactive: Vec<Plugin> = Vec::new();
    let mut own_version: Option<Found<String>> = None;
    let mut times: Vec<(usize, Found<crate::machine::Stamp>)> = Vec::new();
    for s in &ours {
        let name = section_name(s.name);
        if ACTIVE.contains(&name) {
            active
                .get_or_insert_with(Vec::new)
                .extend(plugins::list(s, entry));
            continue;
        }
        if INACTIVE.contains(&name) {
            inactive.extend(plugins::list(s, entry));
            continue;
        }
        for (key, value, l) in lines::pairs(s.lines) {
            let value = value.as_str();
            let source = || Source {
                report: kind,
                line: l.number,
                label: format!("{name}: {key}"),
            };
            let slot = match name {
                "wp-core" if same_label(key, "version") => &mut p.wordpress,
                "wp-server" if same_label(key, "php_version") => &mut p.php,
                "wp-server" => {
                    if let Some(rank) = TIMES.iter().position(|t| same_label(t, key))
                        && let Some(t) = lines::time(value)
                    {
                        times.push((
                            rank,
                            Found {
                                value: t,
                                source: source(),
                            },
                        ));
                    }
                    continue;
                }
                n if n.contains("sophmate")
                    && (same_label(key, "plugin_version") || same_label(key, "version")) =>
                {
                    &mut own_version
                }
                _ => continue,
            };
            if slot.is_none()
                && let Some(v) = lines::version(value)
            {
                *slot = Some(Found {
                    value: v,
                    source: source(),
                });
            }
        }
    }
    times.sort_by_key(|(rank, _)| *rank);
    p.generated = times.into_iter().next().map(|(_, f)| f);
    if let Some(found) =
        super::plugins::woocommerce(active.as_deref(), kind, "active plugins: WooCommerce")
    {
        p.woocommerce = Some(found);
    }
    p.sophmate = sophmate(
        kind,
        active.as_deref(),
        &inactive,
        own_version,
        "active plugins",
        "inactive plugins",
    );
    Some(p)
}
