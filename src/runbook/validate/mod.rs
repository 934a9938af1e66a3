//! Semantic checks of a parsed runbook, each reported at the line and column of
//! the key or value at fault, with what is wrong and what to do.

use std::collections::{HashMap, HashSet};

mod conditions;

use super::Diagnostic;
use super::model::{FieldType, Runbook, SCHEMA_VERSION};
use super::tree::{Node, Seg};
use crate::runbook::values;
use conditions::{condition, first_line, template};

pub use conditions::CATEGORIES;

pub(super) struct Ctx<'a> {
    pub(super) rb: &'a Runbook,
    tree: &'a Node,
    file: &'a str,
    out: Vec<Diagnostic>,
    /// Field id → index of the step that collects it.
    pub(super) collected_at: HashMap<&'a str, usize>,
}

pub(super) type Path = Vec<Seg>;

pub(super) fn path(parts: &[Seg]) -> Path {
    parts.to_vec()
}

impl Ctx<'_> {
    pub(super) fn err(&mut self, at: &[Seg], message: String) {
        let pos = self.tree.pos_of(at);
        self.out.push(Diagnostic::new(self.file, pos, message));
    }

    pub(super) fn err_key(&mut self, at: &[Seg], message: String) {
        let pos = self.tree.key_pos(at);
        self.out.push(Diagnostic::new(self.file, pos, message));
    }

    pub(super) fn field_list(&self) -> String {
        let ids: Vec<&str> = self.rb.fields.iter().map(|f| f.id.as_str()).collect();
        if ids.is_empty() {
            "none is defined".into()
        } else {
            ids.join(", ")
        }
    }
}

/// Every semantic error in `rb`; empty when it is valid.
pub fn check(rb: &Runbook, tree: &Node, file: &str) -> Vec<Diagnostic> {
    let mut cx = Ctx {
        rb,
        tree,
        file,
        out: Vec::new(),
        collected_at: HashMap::new(),
    };
    if rb.schema != SCHEMA_VERSION {
        cx.err(
            &["schema".into()],
            format!(
                "schema {} is not a runbook format this program knows — write `schema: {SCHEMA_VERSION}` and the format of that version",
                rb.schema
            ),
        );
    }
    if !is_id(&rb.id) {
        cx.err(
            &["id".into()],
            format!(
                "runbook id {:?} is not usable — use lowercase letters, digits and dashes",
                rb.id
            ),
        );
    }
    if rb.steps.is_empty() {
        cx.err_key(
            &["steps".into()],
            "the runbook has no steps — add at least one".into(),
        );
    }
    duplicates(&mut cx);
    collection(&mut cx);
    fields(&mut cx);
    steps(&mut cx);
    checks_and_routes(&mut cx);
    cx.out.sort_by_key(|d| (d.pos.line, d.pos.column));
    cx.out
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn duplicates(cx: &mut Ctx) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut dups = Vec::new();
    let rb = cx.rb;
    let mut note = |id: &str, what: &'static str, at: Path| {
        if let Some(first) = seen.get(id) {
            dups.push((at, format!(
                "duplicate id {id:?}: already used by a {first} — give each field, step and confirmation its own id"
            )));
        } else {
            seen.insert(id.to_string(), what);
        }
    };
    for (i, f) in rb.fields.iter().enumerate() {
        note(
            &f.id,
            "field",
            path(&["fields".into(), i.into(), "id".into()]),
        );
    }
    for (i, s) in rb.steps.iter().enumerate() {
        note(
            &s.id,
            "step",
            path(&["steps".into(), i.into(), "id".into()]),
        );
        for (j, c) in s.confirm.iter().enumerate() {
            note(
                &c.id,
                "confirmation",
                path(&[
                    "steps".into(),
                    i.into(),
                    "confirm".into(),
                    j.into(),
                    "id".into(),
                ]),
            );
        }
    }
    for (section, ids) in [
        (
            "checks",
            rb.checks.iter().map(|c| &c.id).collect::<Vec<_>>(),
        ),
        ("targets", rb.targets.iter().map(|t| &t.id).collect()),
        ("routes", rb.routes.iter().map(|r| &r.id).collect()),
    ] {
        let mut local = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !local.insert(id) {
                dups.push((
                    path(&[section.into(), i.into(), "id".into()]),
                    format!("duplicate id {id:?} in {section} — give each its own id"),
                ));
            }
        }
    }
    for (at, msg) in dups {
        cx.err(&at, msg);
    }
}

fn collection(cx: &mut Ctx) {
    let rb = cx.rb;
    for (i, s) in rb.steps.iter().enumerate() {
        for (j, f) in s.collect.iter().enumerate() {
            let at = path(&["steps".into(), i.into(), "collect".into(), j.into()]);
            if rb.field(f).is_none() {
                let list = cx.field_list();
                cx.err(
                    &at,
                    format!("step {:?} collects {f:?}, which is not a field — define it under `fields:` or use one of: {list}", s.id),
                );
            } else if let Some(&other) = cx.collected_at.get(f.as_str()) {
                cx.err(
                    &at,
                    format!(
                        "field {f:?} is already collected by step {:?} — collect each field in one step",
                        rb.steps[other].id
                    ),
                );
            } else {
                cx.collected_at.insert(f.as_str(), i);
            }
        }
    }
    for (i, f) in rb.fields.iter().enumerate() {
        if !cx.collected_at.contains_key(f.id.as_str()) {
            let what = if f.required || f.required_when.is_some() {
                "required field"
            } else {
                "field"
            };
            cx.err(
                &["fields".into(), i.into(), "id".into()],
                format!(
                    "{what} {:?} is collected by no step, so it can never be answered — add it to a step's `collect:` list",
                    f.id
                ),
            );
        }
    }
}

fn fields(cx: &mut Ctx) {
    let rb = cx.rb;
    for (i, f) in rb.fields.iter().enumerate() {
        let at = |k: &str| path(&["fields".into(), i.into(), k.into()]);
        match (f.kind, f.choices.is_empty()) {
            (FieldType::Choice, true) => cx.err_key(
                &at("type"),
                format!(
                    "choice field {:?} has no choices — list them under `choices:`",
                    f.id
                ),
            ),
            (FieldType::Choice, false) | (_, true) => {}
            (_, false) => cx.err_key(
                &at("choices"),
                format!(
                    "field {:?} is {}, not a choice — remove `choices:` or make it `type: choice`",
                    f.id,
                    f.kind.name()
                ),
            ),
        }
        if f.min_lines.is_some() && f.kind != FieldType::Multiline {
            cx.err_key(
                &at("min_lines"),
                format!(
                    "`min_lines` applies to multiline fields only — remove it from {:?}",
                    f.id
                ),
            );
        }
        if let Some(p) = &f.pattern
            && let Err(e) = regex::Regex::new(p)
        {
            cx.err(
                &at("pattern"),
                format!(
                    "pattern of {:?} is not a valid regex ({}) — correct it",
                    f.id,
                    first_line(&e.to_string())
                ),
            );
        }
        if let Some(d) = &f.default
            && let Err(e) = values::normalise(f, d)
        {
            cx.err(
                &at("default"),
                format!(
                    "default of {:?} is refused: {e} — correct the default",
                    f.id
                ),
            );
        }
        for (key, other) in [
            ("amend_after", &f.amend_after),
            ("prefill_from", &f.prefill_from),
        ] {
            if let Some(o) = other
                && rb.field(o).is_none()
            {
                let list = cx.field_list();
                cx.err(
                    &at(key),
                    format!("{key} names {o:?}, which is not a field — use one of: {list}"),
                );
            }
        }
        if f.prefill_from.is_some() && f.kind != FieldType::Timestamp {
            cx.err_key(
                &at("prefill_from"),
                format!(
                    "`prefill_from` applies to timestamp fields only — remove it from {:?}",
                    f.id
                ),
            );
        }
        if let Some(c) = &f.required_when {
            condition(cx, c, at("required_when"), None);
        }
    }
}

fn steps(cx: &mut Ctx) {
    let rb = cx.rb;
    for (i, s) in rb.steps.iter().enumerate() {
        for (j, r) in s.requires.iter().enumerate() {
            let at = path(&["steps".into(), i.into(), "requires".into(), j.into()]);
            let later = if let Some(k) = rb.steps.iter().position(|t| &t.id == r) {
                Some(k)
            } else if rb.field(r).is_some() {
                cx.collected_at.get(r.as_str()).copied()
            } else {
                let list = cx.field_list();
                cx.err(&at, format!("step {:?} requires {r:?}, which is neither a field nor a step — use a step id or one of: {list}", s.id));
                continue;
            };
            if let Some(k) = later
                && k >= i
            {
                cx.err(&at, format!(
                    "step {:?} is unreachable: it requires {r:?}, which is completed only at or after it — move the step after {:?} or drop the gate",
                    s.id, rb.steps[k].id
                ));
            }
        }
        if let Some(w) = &s.when {
            condition(
                cx,
                w,
                path(&["steps".into(), i.into(), "when".into()]),
                Some(i),
            );
        }
        for (j, c) in s.confirm.iter().enumerate() {
            for (k, f) in c.cleared_by.iter().enumerate() {
                if rb.field(f).is_none() {
                    let list = cx.field_list();
                    cx.err(
                        &["steps".into(), i.into(), "confirm".into(), j.into(), "cleared_by".into(), k.into()],
                        format!("confirmation {:?} is cleared by {f:?}, which is not a field — use one of: {list}", c.id),
                    );
                }
            }
        }
    }
}

fn checks_and_routes(cx: &mut Ctx) {
    let rb = cx.rb;
    for (i, c) in rb.checks.iter().enumerate() {
        if c.rules.is_empty() {
            cx.err_key(
                &["checks".into(), i.into(), "rules".into()],
                format!(
                    "check {:?} has no rules, so it could never fail — add at least one",
                    c.id
                ),
            );
        }
        for (j, r) in c.rules.iter().enumerate() {
            let at = path(&["checks".into(), i.into(), "rules".into(), j.into()]);
            condition(
                cx,
                &r.holds,
                [at.clone(), path(&["test".into()])].concat(),
                None,
            );
            template(cx, &r.fail, [at, path(&["fail".into()])].concat());
        }
        template(
            cx,
            &c.pass,
            path(&["checks".into(), i.into(), "pass".into()]),
        );
    }
    for (i, r) in rb.routes.iter().enumerate() {
        let at = |k: &str| path(&["routes".into(), i.into(), k.into()]);
        if rb.target(&r.target).is_none() {
            let ids: Vec<&str> = rb.targets.iter().map(|t| t.id.as_str()).collect();
            cx.err(&at("target"), format!(
                "route {:?} sends to {:?}, which is not a defined target — define it under `targets:` or use one of: {}",
                r.id, r.target, ids.join(", ")
            ));
        }
        if let Some(w) = &r.when {
            condition(cx, w, at("when"), None);
        }
        if let Some(p) = &r.provider
            && rb.field(p).is_none()
        {
            let list = cx.field_list();
            cx.err(&at("provider"), format!("route {:?} takes the provider from {p:?}, which is not a field — use one of: {list}", r.id));
        }
        template(cx, &r.reason, at("reason"));
    }
    if !rb.routes.is_empty() && rb.routes.last().is_some_and(|r| r.when.is_some()) {
        let last = rb.routes.len() - 1;
        cx.err_key(&["routes".into(), last.into(), "when".into()],
            "the last route has a condition, so some sessions would have no target — end with a route without `when:`".into());
    }
    for (i, r) in rb.related.iter().enumerate() {
        if let Some(w) = &r.when {
            condition(
                cx,
                w,
                path(&["related".into(), i.into(), "when".into()]),
                None,
            );
        }
    }
}
