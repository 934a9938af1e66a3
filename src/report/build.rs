//! Builds a [`Report`] from a session. Every value comes from
//! [`machine::clean::cleaned`]: the session's own strings are read only for
//! what is not text the operator wrote (states, sources, times, ids).

use std::collections::BTreeMap;

use super::Options;
use super::model::*;
use super::{pasted, timeline};
use crate::machine::clean::{Clean, CleanOrigin, CleanPart, Cleaned, cleaned_with_verdict};
use crate::machine::{self, Eval, Session, Source, Stamp, State, parse_timestamp};
use crate::redact::Category;
use crate::runbook::{FieldType, Runbook};

/// The support-context fields with a section of their own. Another runbook's
/// fields (or these, in a runbook without them) go under their step's title.
pub(super) const ERROR: &str = "error_message";
pub(super) const WHEN: &str = "error_timestamp";
pub(super) const SCREEN: &str = "affected_screen";
pub(super) const USER: &str = "affected_user";
pub(super) const PURCHASE: &str = "purchase_context";
pub(super) const STEPS: &str = "reproduction_steps";
pub(super) const KIND: &str = "request_type";
pub(super) const EVIDENCE: [&str; 2] = ["diagnostics", "evidence_files"];
pub(super) const ENVIRONMENT: [(&str, &str); 6] = [
    ("sophmate_version", "SophMate"),
    ("wordpress_version", "WordPress"),
    ("woocommerce_version", "WooCommerce"),
    ("php_version", "PHP"),
    ("hosting_provider", "Hosting"),
    ("ai_provider", "AI provider"),
];

fn dedicated(field: &str) -> bool {
    [ERROR, WHEN, SCREEN, USER, PURCHASE, STEPS].contains(&field)
        || EVIDENCE.contains(&field)
        || ENVIRONMENT.iter().any(|(f, _)| *f == field)
}

/// The report of `session` walked through `runbook`, made at `now` (the
/// time it says it was generated). An unfinished session's is a draft.
pub fn build(session: &Session, runbook: &Runbook, options: &Options, now: Stamp) -> Report {
    let (mut clean, mut v) = cleaned_with_verdict(session, runbook);
    let draft = session.state != State::Finished;
    if draft {
        v.pass = false;
        v.todo.insert(0, unfinished(session.state).into());
    }
    let error = error_section(session, runbook, &clean);
    let incident = error
        .as_ref()
        .and_then(|e| e.when.as_ref())
        .and_then(|w| w.at);
    let environment = environment(session, runbook, &clean);
    let summary = Summary {
        kind: clean.answer(KIND).cloned(),
        headline: headline(runbook, &clean),
        screen: clean.answer(SCREEN).cloned(),
        versions: environment
            .iter()
            .take(4)
            .filter_map(|r| r.value.clone().map(|v| (r.component.clone(), v)))
            .collect(),
    };
    let reproduction = clean
        .answer(STEPS)
        .map(|s| {
            s.lines()
                .filter(|l| !l.is_empty())
                .map(|l| l.without_list_marker())
                .collect()
        })
        .unwrap_or_default();
    let evidence = evidence(runbook, &clean, options);
    let sections = sections(runbook, &clean, options);
    let imported = pasted::notes(&clean, incident);
    let redaction = redaction_summary(session, &clean);
    let escalation = route(runbook, &v.escalation, options);
    let purchase = clean.answer(PURCHASE).cloned();
    let operator = clean.redact(&session.operator);
    let timeline = timeline::entries(session, runbook, &mut clean);
    let confirmations = confirmations(session, runbook);
    Report {
        session: session.id.clone(),
        runbook: runbook.id.clone(),
        runbook_title: runbook.title.clone(),
        state: session.state,
        draft,
        started: session.started,
        generated: now,
        operator,
        summary,
        error,
        purchase,
        environment,
        reproduction,
        evidence,
        sections,
        confirmations,
        timeline,
        checks: v.checks,
        pass: v.pass,
        missing: v.missing,
        todo: v.todo,
        escalation,
        redaction,
        imported,
        kept_values: clean.kept_values.clone(),
    }
}

fn error_section(session: &Session, runbook: &Runbook, clean: &Cleaned) -> Option<ErrorSection> {
    if ![ERROR, WHEN, SCREEN, USER]
        .iter()
        .any(|f| runbook.field(f).is_some())
    {
        return None;
    }
    let amendments = clean
        .of(ERROR)
        .filter_map(|p| match p.origin {
            CleanOrigin::Amendment(n) => Some(Amendment {
                number: n,
                at: session
                    .amendments
                    .iter()
                    .filter(|a| a.field == ERROR)
                    .nth(n - 1)
                    .map(|a| a.at),
                text: p.text.clone(),
            }),
            _ => None,
        })
        .collect();
    let when = clean.answer(WHEN).map(|text| When {
        at: parse_timestamp(text.as_str()),
        source: session
            .answers
            .get(WHEN)
            .map_or(Source::Typed, |a| a.source),
        text: text.clone(),
    });
    Some(ErrorSection {
        message: clean.answer(ERROR).cloned(),
        amendments,
        when,
        screen: clean.answer(SCREEN).cloned(),
        user: clean.answer(USER).cloned(),
    })
}

/// What to do about an unfinished session: an open one can be resumed; an
/// abandoned one cannot, and its report stays a draft.
pub(super) fn unfinished(state: State) -> &'static str {
    match state {
        State::Abandoned => {
            "the session was abandoned — its report stays a draft; walk the runbook again in a new session"
        }
        _ => "the session is open — resume it and finish the walk",
    }
}

/// The error's first line; in another runbook, the first line of its first text answer.
fn headline(runbook: &Runbook, clean: &Cleaned) -> Option<Clean> {
    const MAX: usize = 100;
    if let Some(e) = clean.answer(ERROR).filter(|e| !e.is_empty()) {
        // The log line's own time is in the report already: the summary says what failed.
        let first = e.headline(usize::MAX);
        return Some(first.skip(leading_stamp(first.as_str())).headline(MAX));
    }
    clean
        .parts
        .iter()
        .filter(|p| p.origin == CleanOrigin::Answer && !p.text.is_empty())
        .find(|p| {
            runbook
                .field(&p.field)
                .is_some_and(|f| matches!(f.kind, FieldType::Text | FieldType::Multiline))
        })
        .map(|p| p.text.headline(MAX))
}

/// The length of a leading `[24-Nov-2026 09:58:12 UTC] ` (any bracketed time), else 0.
fn leading_stamp(line: &str) -> usize {
    let Some(end) = line.strip_prefix('[').and_then(|r| r.find(']')) else {
        return 0;
    };
    let bracket = &line[..end + 2];
    if parse_timestamp(bracket).is_none() {
        return 0;
    }
    let rest = &line[end + 2..];
    line.len() - rest.trim_start().len()
}

fn environment(session: &Session, runbook: &Runbook, clean: &Cleaned) -> Vec<EnvRow> {
    let ev = Eval::new(session, runbook);
    let rows: Vec<EnvRow> = ENVIRONMENT
        .iter()
        .filter(|(f, _)| runbook.field(f).is_some())
        .map(|(f, component)| EnvRow {
            field: (*f).to_string(),
            component: (*component).to_string(),
            value: clean.answer(f).cloned(),
        })
        .collect();
    let applies = rows.iter().any(|r| {
        r.value.is_some()
            || runbook
                .step_of_field(&r.field)
                .is_some_and(|s| ev.step_applies(s))
    });
    if applies { rows } else { Vec::new() }
}

/// All the lines, or the first and last with the count left out between.
pub(super) fn excerpt(text: &Clean, options: &Options) -> Excerpt {
    let total = text.line_count();
    let max = options.max_lines.max(2);
    if options.full || total <= max {
        return Excerpt {
            head: text.clone(),
            omitted: 0,
            tail: Clean::default(),
            total,
        };
    }
    // The end of a log is where the failure usually is: it gets most of the room.
    let head = max / 4;
    let tail = max - head;
    Excerpt {
        head: text.line_range(0, head),
        omitted: total - head - tail,
        tail: text.line_range(total - tail, total),
        total,
    }
}

fn label_of(runbook: &Runbook, field: &str) -> String {
    runbook
        .field(field)
        .map_or_else(|| field.to_string(), |f| f.label.clone())
}

fn evidence_block(runbook: &Runbook, p: &CleanPart, options: &Options) -> EvidenceBlock {
    EvidenceBlock {
        field: p.field.clone(),
        label: label_of(runbook, &p.field),
        name: match &p.origin {
            CleanOrigin::Evidence(name) => Some(name.clone()),
            _ => None,
        },
        text: excerpt(&p.text, options),
    }
}

fn evidence(runbook: &Runbook, clean: &Cleaned, options: &Options) -> Vec<EvidenceBlock> {
    clean
        .parts
        .iter()
        .filter(|p| {
            EVIDENCE.contains(&p.field.as_str()) || matches!(p.origin, CleanOrigin::Evidence(_))
        })
        .map(|p| evidence_block(runbook, p, options))
        .collect()
}

fn sections(runbook: &Runbook, clean: &Cleaned, options: &Options) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for step in &runbook.steps {
        let items: Vec<Item> = step
            .collect
            .iter()
            .filter(|f| !dedicated(f))
            .flat_map(|f| clean.of(f))
            .filter(|p| !matches!(p.origin, CleanOrigin::Evidence(_)))
            .map(|p| {
                let kind = runbook.field(&p.field).map(|f| f.kind);
                let multiline = kind == Some(FieldType::Multiline) || p.text.line_count() > 1;
                Item {
                    field: p.field.clone(),
                    label: label_of(runbook, &p.field),
                    amendment: match p.origin {
                        CleanOrigin::Amendment(n) => Some(n),
                        _ => None,
                    },
                    value: match parse_timestamp(p.text.as_str()) {
                        _ if multiline => ItemValue::Block(excerpt(&p.text, options)),
                        Some(t) if kind == Some(FieldType::Timestamp) => {
                            ItemValue::Time(p.text.clone(), t)
                        }
                        _ => ItemValue::Line(p.text.clone()),
                    },
                }
            })
            .collect();
        if !items.is_empty() {
            out.push(Section {
                step: step.id.clone(),
                title: step.title.clone(),
                items,
            });
        }
    }
    out
}

fn confirmations(session: &Session, runbook: &Runbook) -> Vec<Confirmation> {
    let ev = Eval::new(session, runbook);
    runbook
        .steps
        .iter()
        .filter(|s| ev.step_applies(s))
        .flat_map(|s| s.confirm.iter())
        .map(|c| Confirmation {
            id: c.id.clone(),
            label: c.label.clone(),
            at: session.confirmed.get(&c.id).copied(),
        })
        .collect()
}

fn redaction_summary(session: &Session, clean: &Cleaned) -> RedactionSummary {
    let all = |m: &BTreeMap<Category, usize>| {
        Category::ALL
            .iter()
            .map(|c| (*c, m.get(c).copied().unwrap_or(0)))
            .collect()
    };
    RedactionSummary {
        counts: all(&clean.counts),
        distinct: all(&clean.distinct),
        kept: clean.kept.clone(),
        terms: session.terms.len(),
        strict_findings: clean.leaks.len(),
    }
}

fn target(runbook: &Runbook, id: &str, options: &Options) -> Target {
    let t = runbook.target(id);
    Target {
        id: id.to_string(),
        title: t.map_or_else(|| id.to_string(), |t| t.title.clone()),
        how: t.and_then(|t| t.how.clone()),
        contact: options.contacts.get(id).cloned(),
    }
}

fn route(runbook: &Runbook, e: &machine::Escalation, options: &Options) -> Route {
    Route {
        target: target(runbook, &e.target, options),
        then: e.then.as_deref().map(|t| target(runbook, t, options)),
        provider: e.provider.clone(),
        reasons: e.reasons.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::leading_stamp;

    #[test]
    fn only_a_leading_bracketed_time_is_skipped() {
        let line = "[24-Nov-2026 09:58:12 UTC]  PHP Fatal error: x";
        assert_eq!(&line[leading_stamp(line)..], "PHP Fatal error: x");
        let iso = "[2026-11-24T09:58:12+01:00] SophMate: y";
        assert_eq!(&iso[leading_stamp(iso)..], "SophMate: y");
        for kept in [
            "[SOPH-E1042] failed",
            "[24-Nov-2026 09:58] x",
            "no bracket",
            "[unclosed",
        ] {
            assert_eq!(leading_stamp(kept), 0, "{kept}");
        }
    }
}
