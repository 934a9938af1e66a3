//! `runbook` walks an on-call operator through an incident or support runbook,
//! step by step, to a redacted report another operator can act on.
//!
//! Layers, and the rule between them:
//!
//! - [`redact`] — the redaction engine. Pure: no I/O, no clock, no terminal.
//! - [`cli`] — the command line, every command and flag defined once.
//! - [`headless`] — the commands that run without a terminal UI; the only
//!   layer here that reads files and writes to stdout.
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
pub mod headless;
// ratatui 0.30 raised rust-version to 1.88, which turns on this lint for the
// engine's `% 10 == 0` checks; kept out of the engine's files until it adopts
// `is_multiple_of`.
#[allow(clippy::manual_is_multiple_of)]
pub mod redact;
pub mod tui;
