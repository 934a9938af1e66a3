//! The terminal UI's parts. Each view is state, a pure render into a
//! ratatui buffer, and a `handle` for the actions the key table produces, so
//! tests drive it on a test backend exactly as the keys would.
//!
//! - [`terminal`] — the guard that takes the terminal and always gives it back.
//! - [`signals`] — SIGHUP and SIGTERM as flags the event loop polls.
//! - [`keymap`] — the one key table; [`help`] and footers are drawn from it.
//! - [`text_field`] — the text field every form uses.
//! - [`evidence`] — the side-by-side redaction review.

pub mod app;
pub mod editor;
pub mod events;
pub mod evidence;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod picker;
pub mod run;
pub mod signals;
pub mod style;
pub mod terminal;
pub mod text_field;
pub mod wrap;
