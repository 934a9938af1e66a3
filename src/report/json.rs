//! JSON for scripts. The shape is documented in the README ("The report as
//! JSON") and pinned by a test; `format` changes if it ever must change.

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{local, summary_line, utc};
use super::model::*;
use crate::machine::clean::Clean;
use crate::machine::{CheckResult, Source, to_rfc3339};

/// The version of this shape.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    format: u32,
    session: &'a str,
    runbook: &'a str,
    runbook_title: &'a str,
    state: &'static str,
    draft: bool,
    started: String,
    generated: String,
    operator: &'a Clean,
    summary: String,
    verdict: &'static str,
    error: Option<Error<'a>>,
    purchase_context: Option<&'a Clean>,
    environment: Vec<Env<'a>>,
    reproduction_steps: &'a [Clean],
    evidence: Vec<Evidence<'a>>,
    sections: Vec<JsonSection<'a>>,
    imported: Vec<Imported<'a>>,
    confirmations: Vec<JsonConfirmation<'a>>,
    timeline: Vec<Event<'a>>,
    checks: &'a [CheckResult],
    missing: &'a [String],
    todo: &'a [String],
    escalation: Escalation<'a>,
    redaction: Redaction<'a>,
}

#[derive(Serialize)]
struct Error<'a> {
    message: Option<&'a Clean>,
    when: Option<JsonWhen<'a>>,
    screen: Option<&'a Clean>,
    user: Option<&'a Clean>,
    amendments: Vec<JsonAmendment<'a>>,
}

#[derive(Serialize)]
struct JsonWhen<'a> {
    /// As stored (RFC 3339 with the offset it was given in).
    text: &'a Clean,
    /// `YYYY-MM-DD HH:MM:SS +HH:MM`, or null when the text is not a time.
    local: Option<String>,
    utc: Option<String>,
    source: Source,
    confirmed: bool,
}

#[derive(Serialize)]
struct JsonAmendment<'a> {
    number: usize,
    at: Option<String>,
    text: &'a Clean,
}

#[derive(Serialize)]
struct Env<'a> {
    field: &'a str,
    component: &'a str,
    value: Option<&'a Clean>,
}

/// A long text: `head` is all of it unless `omitted` lines were left out
/// between `head` and `tail`.
#[derive(Serialize)]
struct Text<'a> {
    lines: usize,
    omitted: usize,
    head: &'a Clean,
    tail: &'a Clean,
}

fn text(e: &Excerpt) -> Text<'_> {
    Text {
        lines: e.total,
        omitted: e.omitted,
        head: &e.head,
        tail: &e.tail,
    }
}

#[derive(Serialize)]
struct Evidence<'a> {
    field: &'a str,
    label: &'a str,
    name: Option<&'a Clean>,
    text: Text<'a>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    step: &'a str,
    title: &'a str,
    fields: Vec<Field<'a>>,
}

#[derive(Serialize)]
struct Field<'a> {
    field: &'a str,
    label: &'a str,
    amendment: Option<usize>,
    text: Text<'a>,
}

#[derive(Serialize)]
struct Imported<'a> {
    field: &'a str,
    name: Option<&'a Clean>,
    values: Vec<Value<'a>>,
    flags: &'a [String],
}

#[derive(Serialize)]
struct Value<'a> {
    what: &'a str,
    value: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonConfirmation<'a> {
    id: &'a str,
    label: &'a str,
    confirmed: bool,
    at: Option<String>,
}

#[derive(Serialize)]
struct Event<'a> {
    at: String,
    utc: String,
    operator: &'a Clean,
    event: &'static str,
    subject: &'a str,
    detail: Option<&'a Clean>,
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    id: &'a str,
    title: &'a str,
    how: Option<&'a str>,
    contact: Option<&'a str>,
}

fn target(t: &Target) -> JsonTarget<'_> {
    JsonTarget {
        id: &t.id,
        title: &t.title,
        how: t.how.as_deref(),
        contact: t.contact.as_deref(),
    }
}

#[derive(Serialize)]
struct Escalation<'a> {
    target: JsonTarget<'a>,
    then: Option<JsonTarget<'a>>,
    provider: Option<&'a str>,
    reasons: &'a [String],
}

#[derive(Serialize)]
struct Redaction<'a> {
    counts: BTreeMap<&'static str, usize>,
    distinct: BTreeMap<&'static str, usize>,
    kept: Vec<Kept<'a>>,
    terms: usize,
    strict_findings: usize,
}

#[derive(Serialize)]
struct Kept<'a> {
    placeholder: &'a str,
    category: &'static str,
    reason: &'a Clean,
}

pub fn render(r: &Report) -> String {
    let doc = Doc {
        format: FORMAT,
        session: &r.session,
        runbook: &r.runbook,
        runbook_title: &r.runbook_title,
        state: r.state.name(),
        draft: r.draft,
        started: to_rfc3339(&r.started),
        generated: to_rfc3339(&r.generated),
        operator: &r.operator,
        summary: summary_line(r),
        verdict: r.verdict(),
        error: r.error.as_ref().map(|e| Error {
            message: e.message.as_ref(),
            when: e.when.as_ref().map(|w| JsonWhen {
                text: &w.text,
                local: w.at.map(|t| local(&t)),
                utc: w.at.map(|t| utc(&t)),
                source: w.source,
                confirmed: w.confirmed(),
            }),
            screen: e.screen.as_ref(),
            user: e.user.as_ref(),
            amendments: e
                .amendments
                .iter()
                .map(|a| JsonAmendment {
                    number: a.number,
                    at: a.at.map(|t| to_rfc3339(&t)),
                    text: &a.text,
                })
                .collect(),
        }),
        purchase_context: r.purchase.as_ref(),
        environment: r
            .environment
            .iter()
            .map(|e| Env {
                field: &e.field,
                component: &e.component,
                value: e.value.as_ref(),
            })
            .collect(),
        reproduction_steps: &r.reproduction,
        evidence: r
            .evidence
            .iter()
            .map(|e| Evidence {
                field: &e.field,
                label: &e.label,
                name: e.name.as_ref(),
                text: text(&e.text),
            })
            .collect(),
        sections: r.sections.iter().map(section).collect(),
        imported: r
            .imported
            .iter()
            .map(|n| Imported {
                field: &n.field,
                name: n.name.as_ref(),
                values: n
                    .values
                    .iter()
                    .map(|(what, value, source)| Value {
                        what,
                        value,
                        source,
                    })
                    .collect(),
                flags: &n.flags,
            })
            .collect(),
        confirmations: r
            .confirmations
            .iter()
            .map(|c| JsonConfirmation {
                id: &c.id,
                label: &c.label,
                confirmed: c.at.is_some(),
                at: c.at.map(|t| to_rfc3339(&t)),
            })
            .collect(),
        timeline: r
            .timeline
            .iter()
            .map(|e| Event {
                at: to_rfc3339(&e.at),
                utc: utc(&e.at),
                operator: &e.operator,
                event: e.event,
                subject: &e.subject,
                detail: e.detail.as_ref(),
            })
            .collect(),
        checks: &r.checks,
        missing: &r.missing,
        todo: &r.todo,
        escalation: Escalation {
            target: target(&r.escalation.target),
            then: r.escalation.then.as_ref().map(target),
            provider: r.escalation.provider.as_deref(),
            reasons: &r.escalation.reasons,
        },
        redaction: Redaction {
            counts: r
                .redaction
                .counts
                .iter()
                .map(|(c, n)| (c.name(), *n))
                .collect(),
            distinct: r
                .redaction
                .distinct
                .iter()
                .map(|(c, n)| (c.name(), *n))
                .collect(),
            kept: r
                .redaction
                .kept
                .iter()
                .map(|k| Kept {
                    placeholder: &k.placeholder,
                    category: k.category.name(),
                    reason: &k.reason,
                })
                .collect(),
            terms: r.redaction.terms,
            strict_findings: r.redaction.strict_findings,
        },
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn section(s: &Section) -> JsonSection<'_> {
    JsonSection {
        step: &s.step,
        title: &s.title,
        fields: s
            .items
            .iter()
            .map(|i| Field {
                field: &i.field,
                label: &i.label,
                amendment: i.amendment,
                text: match &i.value {
                    ItemValue::Line(v) | ItemValue::Time(v, _) => Text {
                        lines: 1,
                        omitted: 0,
                        head: v,
                        tail: &EMPTY,
                    },
                    ItemValue::Block(e) => text(e),
                },
            })
            .collect(),
    }
}

static EMPTY: Clean = Clean::EMPTY;
