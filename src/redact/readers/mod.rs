//! Readers: each turns one syntax into (field, value) pairs for the field
//! vocabulary to judge — `key: value` and `key=value` in every assignment
//! syntax, tables with a header, SQL with the built-in schemas, markup
//! (XML, HTML forms, WXR), and what a command printed.

pub(super) mod columns;
pub(super) mod command_output;
pub(super) mod markup;
pub(super) mod pairs;
pub(super) mod syntaxes;
