//! The report of a session — Markdown for a support message or a ticket,
//! plain text, JSON for scripts — and the leak gate every export passes.
//! Pure: no I/O, no terminal; the time is a parameter.
//!
//! Two guarantees, one by types and one by a check:
//!
//! 1. A [`Report`] holds the session's text only as
//!    [`Clean`](crate::machine::clean::Clean) values, which only the machine's
//!    export layer makes, by redacting. Nothing here can put an original (the
//!    evidence as pasted, the placeholder map, a term the operator redacts)
//!    into a report.
//! 2. Every rendered form is re-scanned with the strict profile before it
//!    leaves ([`Report::export`], [`gate`]); a finding that is not a value
//!    the operator kept with a reason refuses the export, and the refusal
//!    names the section, line, column, kind and a placeholder, never the value.
//!
//! For the terminal UI and the commands:
//!
//! - [`build`]`(&Session, &Runbook, &Options, now) -> Report` — pure; the
//!   session's redaction is made once, here.
//! - [`Report::export`]`(Format) -> Result<String, Blocked>` — the text to
//!   print, save or copy, or the gate's findings ([`Blocked::leaks`]: each
//!   [`Leak`] with its section or JSON path, line, column, kind and
//!   placeholder; lines and columns are those of [`Report::render`]'s text).
//! - [`Report::render`]`(Format) -> String` — the same text without the gate,
//!   for the operator's own screen (to show where each finding is).
//! - [`gate`]`(&str, &KeptValues) -> Result<(), Vec<Leak>>` and
//!   [`gate_parts`] — the gate on any other text.
//! - [`Options`]: `full` keeps long evidence whole; `contacts` names who or
//!   where exactly each target is (from the site settings).
//!
//! ```no_run
//! # use runbook::machine::{Session, Stamp};
//! # use runbook::runbook::Runbook;
//! use runbook::report::{self, Format, Options};
//! # fn f(session: &Session, runbook: &Runbook, now: Stamp) {
//! let report = report::build(session, runbook, &Options::default(), now);
//! match report.export(Format::Markdown) {
//!     Ok(text) => { /* save, print or copy `text` */ }
//!     Err(blocked) => { /* show blocked.leaks: part, line, column, kind, placeholder */ }
//! }
//! # }
//! ```
//!
//! [`KeptValues`]: crate::machine::clean::KeptValues

mod build;
mod document;
mod gate;
mod json;
mod markdown;
mod model;
mod outcome;
mod pasted;
mod review;
mod text;
mod timeline;

use std::collections::BTreeMap;

pub use build::build;
pub use document::visible;
pub use gate::{Blocked, gate, gate_parts};
pub use json::FORMAT as JSON_FORMAT;
pub use model::*;
pub use review::{ReviewDoc, review_document, timeline_lines};

pub use crate::machine::export::Leak;

/// Evidence longer than this many lines is trimmed unless `full`.
pub const DEFAULT_MAX_LINES: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Text,
    Json,
}

impl Format {
    /// The report file's extension in the session folder.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Keep long evidence whole.
    pub full: bool,
    /// Above this many lines, evidence keeps its first quarter and last
    /// three quarters of this many and says how many lines were left out.
    pub max_lines: usize,
    /// Target id → who or where exactly (from the site settings). The
    /// operator chose to send these: the leak gate lets them through.
    pub contacts: BTreeMap<String, String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            full: false,
            max_lines: DEFAULT_MAX_LINES,
            contacts: BTreeMap::new(),
        }
    }
}

impl Report {
    /// The report in `format`, not yet gated: for the operator's own screen.
    /// Use [`Report::export`] for anything that leaves the program; its
    /// findings' lines and columns are those of this text.
    pub fn render(&self, format: Format) -> String {
        self.rendered(format).text
    }

    fn rendered(&self, format: Format) -> document::Rendered {
        match format {
            Format::Markdown => markdown::render(&document::blocks(self)),
            Format::Text => text::render(&document::blocks(self)),
            Format::Json => document::Rendered {
                text: json::render(self),
                sections: Vec::new(),
            },
        }
    }

    /// The one-line summary, as the report's first lines give it.
    pub fn summary_line(&self) -> String {
        document::summary_line(self)
    }

    /// The report in `format`, if the leak gate lets it out: re-scanned
    /// strictly, values the operator kept passing. Each finding names its
    /// section (Markdown, text) or its JSON path; JSON is scanned value by
    /// value, its escapes undone.
    pub fn export(&self, format: Format) -> Result<String, Blocked> {
        let r = self.rendered(format);
        let gated = match format {
            Format::Json => match serde_json::from_str::<serde_json::Value>(&r.text) {
                Ok(doc) => {
                    let mut strings = Vec::new();
                    json_strings(&doc, String::new(), &mut strings);
                    let parts: Vec<(String, &str)> =
                        strings.iter().map(|(p, s)| (p.clone(), *s)).collect();
                    gate_parts(&parts, &self.kept_values)
                }
                Err(_) => gate(&r.text, &self.kept_values),
            },
            _ => gate::gate_sections(&r.text, &r.sections, &self.kept_values),
        };
        gated.map(|()| r.text).map_err(|leaks| Blocked { leaks })
    }
}

/// Every string in a JSON document, with its path (`evidence[0].text.head`).
fn json_strings<'a>(v: &'a serde_json::Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        serde_json::Value::String(s) => out.push((path, s)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                json_strings(item, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                json_strings(item, p, out);
            }
        }
        _ => {}
    }
}
