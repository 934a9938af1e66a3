//! `runbook` walks an on-call operator through an incident or support runbook,
//! step by step, to a redacted report another operator can act on.
//!
//! Layers, and the rule between them:
//!
//! - [`runbook`] — runbooks as YAML: the model, loading built-in and user
//!   runbooks, validation with `file:line:column`. Reads files; no terminal.
//! - [`time`] — timestamps as operators paste them, and RFC 3339. Pure; the
//!   bottom layer, with [`runbook::values`] (what each field type accepts).
//! - [`machine`] — the state machine: sessions, gates, acceptance checks,
//!   routing. Pure: no terminal, disk, clock or clipboard; the time is a
//!   parameter and what must happen outside comes back as effects.
//! - [`redact`] — the redaction engine. Pure: no I/O, no clock, no terminal.
//!   Its folders are its pipeline (prefilter, readers, vocabulary, detectors,
//!   resolve); every rule is data with its own examples (`runbook rules`).
//! - [`report`] — the report of a session (Markdown, text, JSON), built only
//!   from redacted text ([`machine::clean::Clean`]), and the leak gate every
//!   export passes. Pure: the time is a parameter.
//! - [`import`] — reads pasted WooCommerce System Status Reports and
//!   WordPress Site Health info, for pre-fill the operator confirms. Pure.
//! - [`effects`] — the one executor of what the machine decides: a message's
//!   evidence copies and events are written as one durable unit through a
//!   [`effects::Sink`], or not at all; the drivers all go through it.
//! - [`store`] — session folders, the append-only journal, locks, evidence
//!   copies, private permissions. Disk only; no terminal.
//! - [`config`] — the site settings: domain, contacts, operator name, extra
//!   terms to redact; and where an escalation is sent. Reads one file.
//! - [`cli`] — the command line, every command and flag defined once.
//! - [`headless`] and [`commands`] — the commands that run without a terminal
//!   UI; with the store, the only layers that read files and write to stdout.
//! - [`tui`] — the terminal UI's parts: the terminal guard, the key table, text
//!   fields and the side-by-side evidence review. State plus pure rendering, so
//!   every view is tested on a test backend without a terminal.
//! - [`clipboard`] — copies text natively, else through the terminal (OSC 52),
//!   else to a private file, and says which way it went.
//!
//! The pure layers never import a terminal, clipboard or file API, so they are
//! tested without one and shared by every driver.

pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod decode;
pub mod effects;
pub mod headless;
pub mod import;
pub mod input;
pub mod machine;
pub mod redact;
pub mod report;
pub mod runbook;
pub mod store;
pub mod time;
pub mod tui;
