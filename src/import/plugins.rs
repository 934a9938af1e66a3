//! Plugin lists, in either report: one plugin a line, though a pasted line
//! may wrap (the name over two lines, or the version on the next line).

use super::lines::{Line, Section, version};

/// One plugin of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plugin {
    pub name: String,
    pub version: Option<String>,
    /// The line the entry starts on.
    pub line: usize,
}

impl Plugin {
    pub fn is_sophmate(&self) -> bool {
        self.name.to_lowercase().contains("sophmate")
    }
}

/// WooCommerce's own entry in an active plugins list, as a version found
/// under `label` (`Active Plugins: WooCommerce`).
pub fn woocommerce(
    active: Option<&[Plugin]>,
    kind: super::Kind,
    label: &str,
) -> Option<super::Found<String>> {
    let wc = active?
        .iter()
        .find(|x| x.name.trim().eq_ignore_ascii_case("WooCommerce"))?;
    Some(super::Found {
        value: wc.version.clone()?,
        source: super::Source {
            report: kind,
            line: wc.line,
            label: label.to_string(),
        },
    })
}

/// How one report writes a plugin line: `Some((name, rest))` when `text`
/// starts an entry; the version is the first in `rest` after `skip` pieces.
pub type Split = fn(&str) -> Option<(&str, &str, usize)>;

/// The pieces of a value between dashes: `by X – 1.2 – 1.3 is available`.
pub fn pieces(value: &str) -> Vec<&str> {
    value
        .split(['–', '—', ','])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn first_version(rest: &str, skip: usize) -> Option<String> {
    pieces(rest).into_iter().skip(skip).find_map(version)
}

pub fn list(section: &Section, split: Split) -> Vec<Plugin> {
    let mut out: Vec<Plugin> = Vec::new();
    // A name wrapped before its colon waits for the line that ends it.
    let mut pending: Option<(String, usize)> = None;
    for Line { number, text } in section.lines {
        let t = text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((name, rest, skip)) = split(t) {
            let (name, line) = match pending.take() {
                Some((before, line)) => (format!("{before} {name}"), line),
                None => (name.to_string(), *number),
            };
            out.push(Plugin {
                name,
                version: first_version(rest, skip),
                line,
            });
            continue;
        }
        match out.last_mut() {
            // The version wrapped onto this line.
            Some(last) if last.version.is_none() && pending.is_none() => {
                last.version = first_version(t, 0);
            }
            _ => {
                let joined = match pending.take() {
                    Some((before, line)) => (format!("{before} {t}"), line),
                    None => (t.to_string(), *number),
                };
                pending = Some(joined);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::{clean_lines, sections};

    fn by(t: &str) -> Option<(&str, &str, usize)> {
        t.find(": by ").map(|i| (t[..i].trim(), &t[i + 5..], 1))
    }

    #[test]
    fn wrapped_names_and_versions_are_joined() {
        let text = "### Active Plugins (3) ###\nWooCommerce: by Automattic – 9.1.4 – 9.2.0 is available\nSophMate – AI Shop\nAssistant: by SophMate Labs –\n3.0.1\nAkismet Anti-spam: Spam Protection: by Automattic – 5.3.1";
        let lines = clean_lines(text);
        let s = &sections(&lines)[1];
        let got = list(s, by);
        let names: Vec<(&str, Option<&str>, usize)> = got
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_deref(), p.line))
            .collect();
        assert_eq!(
            names,
            [
                ("WooCommerce", Some("9.1.4"), 2),
                ("SophMate – AI Shop Assistant", Some("3.0.1"), 3),
                ("Akismet Anti-spam: Spam Protection", Some("5.3.1"), 6),
            ]
        );
        assert!(got[1].is_sophmate());
    }
}
