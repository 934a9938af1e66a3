//! The closing sections of a report, as blocks: the timeline, the checks
//! and verdict, where the request goes, and the redaction summary.

use super::document::{Block, category_name, local};
use super::model::*;
use crate::redact::Category;

pub fn timeline(r: &Report, b: &mut Vec<Block>) {
    b.push(Block::Heading("Timeline (local time with offset)".into()));
    b.push(Block::Table {
        wrap: false,
        header: vec!["Time".into(), "Operator".into(), "Event".into()],
        rows: r
            .timeline
            .iter()
            .map(|e| {
                let mut what = e.event.to_string();
                if !e.subject.is_empty() {
                    what.push_str(&format!(" {}", e.subject));
                }
                if let Some(d) = &e.detail {
                    // One row per event: the operator's words on one line.
                    let flat: Vec<&str> = d.as_str().lines().map(str::trim).collect();
                    what.push_str(&format!(": {}", flat.join(" / ")));
                }
                vec![local(&e.at), e.operator.to_string(), what]
            })
            .collect(),
    });
}

pub fn checks(r: &Report, b: &mut Vec<Block>) {
    b.push(Block::Heading("Acceptance checks".into()));
    b.push(Block::Table {
        wrap: true,
        header: vec!["Check".into(), "Result".into(), "Reason".into()],
        rows: r
            .checks
            .iter()
            .map(|c| {
                vec![
                    format!("{} — {}", c.id, c.title),
                    if c.passed { "pass" } else { "FAIL" }.into(),
                    c.reason.clone(),
                ]
            })
            .collect(),
    });
    b.push(Block::Heading(format!("Verdict: {}", r.verdict())));
    if !r.missing.is_empty() {
        b.push(Block::Fields(vec![(
            "Missing".into(),
            r.missing.join(", "),
        )]));
    }
    if r.todo.is_empty() {
        b.push(Block::Para("Every acceptance check passes.".into()));
    } else {
        b.push(Block::Para("To do:".into()));
        b.push(Block::Bullets(r.todo.clone()));
    }
}

fn target_line(t: &Target) -> String {
    let mut s = t.title.clone();
    if let Some(how) = &t.how {
        s.push_str(&format!(" — {how}"));
    }
    if let Some(c) = &t.contact {
        s.push_str(&format!(" Contact: {c}"));
    }
    s
}

pub fn escalation(r: &Report, b: &mut Vec<Block>) {
    let e = &r.escalation;
    b.push(Block::Heading(format!("Escalation: {}", e.target.title)));
    let mut fields = vec![("Send it to".to_string(), target_line(&e.target))];
    if let Some(t) = &e.then {
        fields.push(("Then".into(), target_line(t)));
    }
    if let Some(p) = &e.provider {
        fields.push(("AI provider".into(), p.clone()));
    }
    b.push(Block::Fields(fields));
    b.push(Block::Para("Why:".into()));
    b.push(Block::Bullets(e.reasons.clone()));
}

pub fn redaction(r: &Report, b: &mut Vec<Block>) {
    let s = &r.redaction;
    b.push(Block::Heading("Redaction".into()));
    b.push(Block::Para(
        "Each value counted here was replaced by a placeholder naming its kind and a number; the values never leave the operator's machine."
            .into(),
    ));
    b.push(Block::Table {
        wrap: false,
        header: vec!["Category".into(), "Found".into(), "Distinct values".into()],
        rows: Category::ALL
            .iter()
            .map(|c| {
                vec![
                    category_name(*c).into(),
                    s.counts.get(c).copied().unwrap_or(0).to_string(),
                    s.distinct.get(c).copied().unwrap_or(0).to_string(),
                ]
            })
            .collect(),
    });
    if s.terms > 0 {
        b.push(Block::Para(format!(
            "Terms the operator always redacts: {} (not shown).",
            s.terms
        )));
    }
    if s.kept.is_empty() {
        b.push(Block::Para("No value was kept unredacted.".into()));
    } else {
        b.push(Block::Para(
            "Kept unredacted by the operator (shown as written where they appear), each with its reason:".into(),
        ));
        b.push(Block::Bullets(
            s.kept
                .iter()
                .map(|k| {
                    format!(
                        "{} ({}): {}",
                        k.placeholder,
                        category_name(k.category),
                        k.reason
                    )
                })
                .collect(),
        ));
    }
    if s.strict_findings > 0 {
        b.push(Block::Para(format!(
            "The strict re-scan still finds {} value(s) in the redacted parts: see the sanitized check.",
            s.strict_findings
        )));
    }
}
