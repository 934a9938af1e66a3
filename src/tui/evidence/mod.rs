//! The side-by-side redaction review: the original on the left, the
//! redacted text on the right, line for line, scrolled together.
//!
//! The view is state ([`EvidenceView`]), a pure render (`impl Widget for
//! &EvidenceView`) and [`EvidenceView::handle`] for the actions the key table
//! produces, so tests drive it exactly as keys do, without a terminal.
//!
//! # Embedding
//!
//! - Build it with [`EvidenceView::new`] and call [`EvidenceView::work`]
//!   between frames while [`EvidenceView::is_working`]: the session's engine
//!   redacts the text a chunk at a time. [`EvidenceView::with_findings`]
//!   takes findings already computed.
//! - Feed it events with [`EvidenceView::handle_event`] (or resolve keys
//!   yourself with [`EvidenceView::contexts`] and call `handle`). The same
//!   contexts give the footer and the `?` help; when a prompt is open, put
//!   the terminal cursor at [`EvidenceView::cursor_position`].
//! - Each [`Outcome::Decision`] is the operator's choice: apply it to the
//!   session's engine ([`Decision::apply`]) and journal it. It never holds an
//!   original value except the term the operator typed to always redact.
//! - The right pane is exactly what leaves the machine: the redacted text,
//!   with kept values as they are. The left pane is the only place an
//!   original is drawn, and never while the privacy screen is on.

mod document;
mod expand;
mod lines;
mod redaction;
mod render;
mod search;
mod state;

#[cfg(test)]
mod tests;

use std::fmt;

use crate::redact::Engine;

pub use redaction::Phase;
pub use state::EvidenceView;

/// The smallest terminal area the review draws in.
pub const MIN_SIZE: super::layout::MinSize = super::layout::MinSize {
    width: 44,
    height: 10,
};

/// A choice the operator made; it changes the exported report.
#[derive(Clone, PartialEq, Eq)]
pub enum Decision {
    /// Keep every occurrence of the value behind `placeholder` as it is.
    Keep { placeholder: String, reason: String },
    /// Undo a keep: redact the value again.
    Redact { placeholder: String },
    /// Always redact this term, wherever it appears.
    AlwaysRedact { term: String },
}

impl Decision {
    /// Applies the choice to the session's engine. Safe to apply twice.
    pub fn apply(&self, engine: &mut Engine) {
        match self {
            Decision::Keep {
                placeholder,
                reason,
            } => {
                engine.keep(placeholder, reason);
            }
            Decision::Redact { placeholder } => {
                engine.unkeep(placeholder);
            }
            Decision::AlwaysRedact { term } => add_term(engine, term),
        }
    }
}

/// Adds a term unless the engine already has it, in any case.
fn add_term(engine: &mut Engine, term: &str) {
    engine.always_redact(term);
}

/// Debug output never shows the term: it is a value to keep private.
impl fmt::Debug for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Keep {
                placeholder,
                reason,
            } => f
                .debug_struct("Keep")
                .field("placeholder", placeholder)
                .field("reason", reason)
                .finish(),
            Decision::Redact { placeholder } => f
                .debug_struct("Redact")
                .field("placeholder", placeholder)
                .finish(),
            Decision::AlwaysRedact { term } => {
                write!(
                    f,
                    "AlwaysRedact {{ term: <{} characters> }}",
                    term.chars().count()
                )
            }
        }
    }
}

/// What the app does after the view handled an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Handled inside the view; redraw.
    Done,
    /// Apply to the engine and journal it.
    Decision(Decision),
    /// Not the view's to handle (quit, help, back): the app's.
    Unhandled(super::keymap::Action),
    /// Nothing happened (a paste with no prompt open).
    Ignored,
}
