//! Runbooks as data: the YAML model, loading the built-in and user runbooks,
//! and validation that names `file:line:column`, what is wrong and what to do.
//!
//! The checks and routes of a runbook are rules over a documented set of
//! predicates ([`Test`]); the machine evaluates them as written, so changing a
//! runbook changes behaviour without recompiling.

mod library;
mod model;
pub mod tree;
mod type_errors;
mod validate;
pub mod values;

use std::fmt;

pub use library::{Library, Loaded, Origin, runbook_files};
pub use model::*;
pub use tree::Pos;
pub use validate::CATEGORIES;

/// A problem in a runbook or answers file, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Pos,
    /// What is wrong — what to do.
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, pos: Pos, message: String) -> Self {
        Diagnostic {
            file: file.to_string(),
            pos,
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.pos.line, self.pos.column, self.message
        )
    }
}

/// `{name}` placeholders in the texts of checks and routes.
pub struct Template;

impl Template {
    /// Values computed by the machine rather than read from a field.
    pub const COMPUTED: [&'static str; 4] = ["missing", "findings", "kept_secrets", "private_data"];

    /// The placeholder names in `text`, in order.
    pub fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close)
                    if close > 0
                        && after[..close]
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
                {
                    out.push(&after[..close]);
                    rest = &after[close + 1..];
                }
                _ => rest = after,
            }
        }
        out
    }

    /// Fills every placeholder with `value(name)`.
    pub fn render(text: &str, value: impl Fn(&str) -> String) -> String {
        let mut out = text.to_string();
        for name in Template::names(text) {
            out = out.replace(&format!("{{{name}}}"), &value(name));
        }
        out
    }
}

/// Parses and validates one runbook text. `file` names it in diagnostics.
pub fn parse(text: &str, file: &str) -> Result<Runbook, Vec<Diagnostic>> {
    let tree =
        tree::Node::parse(text).map_err(|e| vec![Diagnostic::new(file, e.pos, e.to_string())])?;
    let runbook: Runbook =
        serde_yaml::from_str(text).map_err(|e| type_errors::all(text, &tree, file, &e))?;
    let problems = validate::check(&runbook, &tree, file);
    if problems.is_empty() {
        Ok(runbook)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_skip_braces_that_are_not_names() {
        assert_eq!(
            Template::names("a {missing} b {Not} {ai_provider} {} {x"),
            vec!["missing", "ai_provider"]
        );
        assert_eq!(
            Template::render("go to {p} ({p})", |_| "x".into()),
            "go to x (x)"
        );
    }
}
