//! `runbook` walks an on-call operator through an incident or support runbook,
//! step by step, to a redacted report another operator can act on.
//!
//! Layers, and the rule between them:
//!
//! - [`redact`] — the redaction engine. Pure: no I/O, no clock, no terminal.
//! - [`cli`] — the command line, every command and flag defined once.
//! - [`headless`] — the commands that run without a terminal UI; the only
//!   layer here that reads files and writes to stdout.
//!
//! The pure layers never import a terminal, clipboard or file API, so they are
//! tested without one and shared by every driver.

pub mod cli;
pub mod headless;
pub mod redact;
