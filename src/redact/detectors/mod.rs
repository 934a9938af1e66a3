//! Detectors: self-identifying tokens, field values judged by their names,
//! secrets and customer details in prose, commands, payment data, and the
//! values a session has learned; plus the checks on a value's shape they share.

pub(super) mod addresses;
pub(super) mod by_variable;
pub(super) mod chat;
pub(super) mod commands;
pub(super) mod continued;
pub(super) mod customer;
pub(super) mod encoded;
pub(super) mod full_names;
pub(super) mod keyed;
pub(super) mod known;
pub(super) mod mime_words;
pub(super) mod password_options;
pub(super) mod payment;
pub(super) mod phones;
pub(super) mod prompts;
pub(super) mod records;
pub(super) mod redis_auth;
pub(super) mod secrets;
pub(super) mod signing_keys;
pub(super) mod street_blocks;
pub(super) mod terms;
pub(super) mod token_rules;
pub(super) mod tokens;
pub(super) mod unit_lines;
pub(super) mod validate;
pub(super) mod values;
pub(super) mod xmlrpc;
