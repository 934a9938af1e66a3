//! Site settings: what makes "where to send it" actionable — the site's
//! domain (kept by redaction), the CodeCanyon and contact addresses, the
//! hosting and on-call contacts, the operator's name, extra terms to redact.
//!
//! One YAML file, `settings.yaml` in the config folder (`--home`,
//! `RUNBOOK_HOME`, else the platform's). The program works without it; a bad
//! file or setting is reported at `file:line:column` and ignored, so an
//! operator in an incident is never stopped by a typo in it.

mod parse;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::machine::{Escalation, Msg};
use crate::runbook::Diagnostic;
use crate::store::Home;

pub use parse::parse;

/// The file's name in the config folder.
pub const FILE: &str = "settings.yaml";

/// A commented example, written by `runbook config --init`.
pub const EXAMPLE: &str = include_str!("example.yaml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Domain,
    Url,
    Text,
    Terms,
}

/// Every setting: its key, what it holds, and how it is named to the operator.
const KEYS: [(&str, Kind, &str); 8] = [
    ("site_domain", Kind::Domain, "the site's domain"),
    ("codecanyon_item_url", Kind::Url, "the CodeCanyon item URL"),
    (
        "codecanyon_support_url",
        Kind::Url,
        "the CodeCanyon support URL",
    ),
    ("contact_page_url", Kind::Url, "the contact page URL"),
    ("hosting_support", Kind::Text, "the hosting support contact"),
    (
        "support_lead",
        Kind::Text,
        "the support lead / on-call contact",
    ),
    ("operator", Kind::Text, "the operator's name"),
    ("redact_terms", Kind::Terms, "extra terms to redact"),
];

/// The site settings; `None` is "not set".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Where they are read from (or would be): named in "not configured" lines.
    pub file: PathBuf,
    pub site_domain: Option<String>,
    pub codecanyon_item_url: Option<String>,
    pub codecanyon_support_url: Option<String>,
    pub contact_page_url: Option<String>,
    pub hosting_support: Option<String>,
    pub support_lead: Option<String>,
    pub operator: Option<String>,
    pub redact_terms: Vec<String>,
}

/// The settings as loaded, with what was ignored.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub settings: Settings,
    pub exists: bool,
    /// Each problem, at its place, saying what was ignored.
    pub problems: Vec<Diagnostic>,
    /// The file exists but could not be read.
    pub unreadable: Option<String>,
}

impl Loaded {
    /// The warnings to print on stderr, one line each.
    pub fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self.unreadable.iter().cloned().collect();
        out.extend(self.problems.iter().map(ToString::to_string));
        out
    }

    /// Prints the warnings (`runbook: warning: …`), for the commands that use settings.
    pub fn warn(&self) {
        for w in self.warnings() {
            eprintln!("runbook: warning: {w}");
        }
    }
}

/// Where the settings file of `home` is.
pub fn path(home: &Home) -> PathBuf {
    home.config.join(FILE)
}

/// Reads the settings of `home`; never fails: problems come back as warnings.
pub fn load(home: &Home) -> Loaded {
    load_file(&path(home))
}

pub fn load_file(file: &Path) -> Loaded {
    let label = file.display().to_string();
    let (mut settings, problems, exists, unreadable) = match std::fs::read_to_string(file) {
        Ok(text) => {
            let (s, p) = parse(&text, &label);
            (s, p, true, None)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            (Settings::default(), Vec::new(), false, None)
        }
        Err(e) => (
            Settings::default(),
            Vec::new(),
            true,
            Some(format!(
                "cannot read the settings file {label}: {e} — the defaults apply"
            )),
        ),
    };
    settings.file = file.to_path_buf();
    Loaded {
        settings,
        exists,
        problems,
        unreadable,
    }
}

/// Where an escalation goes, and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The runbook's target id (`hosting`, `codecanyon-support`, …).
    pub target: String,
    /// The provider, for provider support.
    pub provider: Option<String>,
    /// The contact from the settings.
    pub contact: Option<String>,
    /// Why there is no contact and how to set one.
    pub missing: Option<String>,
    /// Where it goes after this one.
    pub then: Option<Box<Destination>>,
}

impl fmt::Display for Destination {
    /// `hosting — support@host.example`, or `hosting — not configured: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.target)?;
        if let Some(p) = &self.provider {
            write!(f, " ({p})")?;
        }
        match (&self.contact, &self.missing) {
            (Some(c), _) => write!(f, " — {c}")?,
            (None, Some(m)) => write!(f, " — {m}")?,
            (None, None) => {}
        }
        if let Some(t) = &self.then {
            write!(f, "; then {t}")?;
        }
        Ok(())
    }
}

impl Settings {
    /// The operator's name: the setting, else the login name, else "operator".
    pub fn operator_name(&self) -> String {
        self.operator
            .clone()
            .or_else(login_name)
            .unwrap_or_else(|| "operator".into())
    }

    /// The messages a new session starts with: the site's domain kept, the
    /// extra terms redacted.
    pub fn session_setup(&self) -> Vec<Msg> {
        let mut out: Vec<Msg> = self
            .site_domain
            .iter()
            .map(|d| Msg::KeepDomain { domain: d.clone() })
            .collect();
        out.extend(
            self.redact_terms
                .iter()
                .map(|t| Msg::RedactTerm { term: t.clone() }),
        );
        out
    }

    /// Turns an escalation into something to act on: the contact from these
    /// settings, or a line saying which setting is missing and where to set it.
    /// Target id → contact, for every target the settings name (the report's
    /// `contacts`).
    pub fn contacts(&self) -> std::collections::BTreeMap<String, String> {
        [
            "codecanyon-support",
            "contact-page",
            "hosting",
            "internal-operations",
        ]
        .into_iter()
        .filter_map(|t| Some((t.to_string(), self.destination(t, None).contact?)))
        .collect()
    }

    pub fn where_to_send(&self, e: &Escalation) -> Destination {
        let mut d = self.destination(&e.target, e.provider.clone());
        if let Some(then) = &e.then {
            d.then = Some(Box::new(self.destination(then, None)));
        }
        d
    }

    fn destination(&self, target: &str, provider: Option<String>) -> Destination {
        let (contact, key) = match target {
            "codecanyon-support" => (
                self.codecanyon_support_url
                    .clone()
                    .or_else(|| self.codecanyon_item_url.clone()),
                Some("codecanyon_support_url"),
            ),
            "contact-page" => (self.contact_page_url.clone(), Some("contact_page_url")),
            "hosting" => (self.hosting_support.clone(), Some("hosting_support")),
            "internal-operations" => (self.support_lead.clone(), Some("support_lead")),
            // AI providers have their own support pages; nothing site-specific to set.
            _ => (None, None),
        };
        let missing = match (&contact, key) {
            (None, Some(key)) => Some(format!(
                "{} is not configured — set {key} in {}",
                describe(key),
                self.file_label()
            )),
            _ => None,
        };
        Destination {
            target: target.to_string(),
            provider,
            contact,
            missing,
            then: None,
        }
    }

    fn file_label(&self) -> String {
        if self.file.as_os_str().is_empty() {
            "the settings file (`runbook config` shows where)".into()
        } else {
            self.file.display().to_string()
        }
    }

    /// Each setting's key and its value as shown by `runbook config`.
    /// Extra terms are counted, not shown: they are what must not be seen.
    pub fn shown(&self) -> Vec<(&'static str, String)> {
        KEYS.iter()
            .map(|&(key, _, _)| {
                let v = match key {
                    "redact_terms" if self.redact_terms.is_empty() => None,
                    "redact_terms" => {
                        Some(format!("{} term(s), not shown", self.redact_terms.len()))
                    }
                    "operator" => Some(match (&self.operator, login_name()) {
                        (Some(o), _) => o.clone(),
                        (None, Some(login)) => format!("not set — the login name is used: {login}"),
                        (None, None) => "not set — events say \"operator\"".into(),
                    }),
                    _ => self.get(key).cloned(),
                };
                (key, v.unwrap_or_else(|| "not set".into()))
            })
            .collect()
    }

    fn get(&self, key: &str) -> Option<&String> {
        match key {
            "site_domain" => self.site_domain.as_ref(),
            "codecanyon_item_url" => self.codecanyon_item_url.as_ref(),
            "codecanyon_support_url" => self.codecanyon_support_url.as_ref(),
            "contact_page_url" => self.contact_page_url.as_ref(),
            "hosting_support" => self.hosting_support.as_ref(),
            "support_lead" => self.support_lead.as_ref(),
            "operator" => self.operator.as_ref(),
            _ => None,
        }
    }

    fn set(&mut self, key: &str, value: parse::Value) {
        let one = match value {
            parse::Value::Many(terms) => {
                self.redact_terms = terms;
                return;
            }
            parse::Value::One(v) => Some(v),
        };
        let slot = match key {
            "site_domain" => &mut self.site_domain,
            "codecanyon_item_url" => &mut self.codecanyon_item_url,
            "codecanyon_support_url" => &mut self.codecanyon_support_url,
            "contact_page_url" => &mut self.contact_page_url,
            "hosting_support" => &mut self.hosting_support,
            "support_lead" => &mut self.support_lead,
            "operator" => &mut self.operator,
            _ => return,
        };
        *slot = one;
    }
}

fn describe(key: &str) -> &'static str {
    KEYS.iter()
        .find(|k| k.0 == key)
        .map_or("this setting", |k| k.2)
}

/// The login name from the environment (USER, LOGNAME, USERNAME on Windows).
pub fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escalation(target: &str, then: Option<&str>) -> Escalation {
        Escalation {
            target: target.into(),
            then: then.map(Into::into),
            provider: None,
            reasons: Vec::new(),
            suggest: Vec::new(),
            rule: String::new(),
        }
    }

    #[test]
    fn a_configured_target_names_its_contact() {
        let s = Settings {
            hosting_support: Some("support@host.example".into()),
            codecanyon_item_url: Some("https://codecanyon.net/item/x/1".into()),
            ..Settings::default()
        };
        let d = s.where_to_send(&escalation("hosting", None));
        assert_eq!(d.contact.as_deref(), Some("support@host.example"));
        assert_eq!(d.missing, None);
        assert_eq!(d.to_string(), "hosting — support@host.example");
        // The item page stands in for a missing support URL.
        let d = s.where_to_send(&escalation("codecanyon-support", None));
        assert_eq!(
            d.contact.as_deref(),
            Some("https://codecanyon.net/item/x/1")
        );
    }

    #[test]
    fn a_missing_contact_says_which_setting_and_where() {
        let s = Settings {
            file: PathBuf::from("/home/jo/.config/runbook/settings.yaml"),
            ..Settings::default()
        };
        let d = s.where_to_send(&escalation("internal-operations", Some("hosting")));
        assert_eq!(
            d.missing.as_deref(),
            Some(
                "the support lead / on-call contact is not configured — set support_lead in /home/jo/.config/runbook/settings.yaml"
            )
        );
        let then = d.then.as_deref().unwrap();
        assert_eq!(then.target, "hosting");
        assert!(
            then.missing
                .as_deref()
                .unwrap()
                .contains("set hosting_support in")
        );
        assert!(
            d.to_string()
                .contains("; then hosting — the hosting support contact is not configured")
        );
    }

    #[test]
    fn provider_support_names_the_provider_and_needs_no_setting() {
        let mut e = escalation("provider-support", None);
        e.provider = Some("openai".into());
        let d = Settings::default().where_to_send(&e);
        assert_eq!((d.contact, d.missing), (None, None));
        assert_eq!(d.provider.as_deref(), Some("openai"));
    }

    #[test]
    fn a_new_session_keeps_the_domain_and_redacts_the_terms() {
        let s = Settings {
            site_domain: Some("shop.example.com".into()),
            redact_terms: vec!["Acme".into()],
            ..Settings::default()
        };
        assert_eq!(
            s.session_setup(),
            [
                Msg::KeepDomain {
                    domain: "shop.example.com".into()
                },
                Msg::RedactTerm {
                    term: "Acme".into()
                }
            ]
        );
    }

    #[test]
    fn terms_are_counted_never_shown() {
        let s = Settings {
            redact_terms: vec!["Secret Shop".into()],
            operator: Some("Jo".into()),
            ..Settings::default()
        };
        let shown = s.shown();
        assert!(shown.iter().all(|(_, v)| !v.contains("Secret Shop")));
        assert!(shown.contains(&("redact_terms", "1 term(s), not shown".into())));
        assert!(shown.contains(&("operator", "Jo".into())));
        assert!(shown.contains(&("hosting_support", "not set".into())));
    }
}
