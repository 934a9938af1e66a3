//! `runbook improvements`: what reviews said to change in the runbooks, for
//! their owners. Read from every review session, redacted and gated.

use std::process::ExitCode;

use serde::Serialize;

use super::Places;
use super::lists::write_out;
use super::review::REVIEW_RUNBOOK;
use crate::cli::VerdictFormat;
use crate::headless::CliError;
use crate::machine::clean::{Clean, KeptValues, cleaned};
use crate::machine::{Relation, Session};
use crate::report::gate;
use crate::runbook::{Loaded, Runbook};

/// The review field that holds the improvements, one per line.
const FIELD: &str = "runbook_improvements";

#[derive(Debug, Serialize)]
pub struct Improvement {
    pub runbook: String,
    pub step: String,
    pub note: Clean,
    pub author: Clean,
    pub date: String,
    pub review: String,
}

/// The improvements of one review: `step: note` or `runbook/step: note` per
/// line; a line without a step is about the reviewed runbook as a whole.
pub fn of(review: &Session, runbook: &Runbook) -> (Vec<Improvement>, KeptValues) {
    let mut clean = cleaned(review, runbook);
    let Some(answer) = review.answers.get(FIELD) else {
        return (Vec::new(), clean.kept_values);
    };
    let reviewed = review
        .links
        .iter()
        .find(|l| l.relation == Relation::Reviews)
        .map_or_else(|| "unknown".to_string(), |l| l.runbook.clone());
    let author = review
        .timeline
        .iter()
        .rev()
        .find(|e| matches!(&e.what, crate::machine::What::Answered { field, .. } if field == FIELD))
        .map_or(review.operator.clone(), |e| e.operator.clone());
    let author = clean.redact(&author);
    let date = answer.at.format("%Y-%m-%d").to_string();
    let text = clean.answer(FIELD).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.without_list_marker();
        if line.is_empty() {
            continue;
        }
        let s = line.as_str();
        let (runbook, step, note) = match s.split_once(':') {
            Some((head, _)) if !head.trim().is_empty() && !head.trim().contains(' ') => {
                let head = head.trim();
                let (rb, step) = head
                    .split_once('/')
                    .map_or((reviewed.as_str(), head), |(r, st)| (r, st));
                let skip = s.find(':').map_or(0, |i| i + 1);
                (
                    rb.to_string(),
                    step.to_string(),
                    line.skip(skip).headline(400),
                )
            }
            _ => (reviewed.clone(), String::new(), line.headline(400)),
        };
        out.push(Improvement {
            runbook,
            step,
            note,
            author: author.clone(),
            date: date.clone(),
            review: review.id.clone(),
        });
    }
    (out, clean.kept_values)
}

/// `runbook improvements [--format json]`: exit 0, 3 when the gate blocks the list.
pub fn improvements(places: &Places, format: VerdictFormat) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let (all, _) = store.list()?;
    let mut items = Vec::new();
    let mut kept = KeptValues::default();
    for s in all.iter().filter(|s| s.runbook == REVIEW_RUNBOOK) {
        let Ok(stored) = store.read(&s.id) else {
            continue;
        };
        let (Ok(session), Ok(loaded)) = (
            stored.session(),
            Loaded::from_text(stored.runbook_text.clone(), &stored.runbook_path),
        ) else {
            continue;
        };
        let (found, k) = of(&session, &loaded.runbook);
        items.extend(found);
        kept = kept.and(&k);
    }
    let text = match format {
        VerdictFormat::Json => {
            serde_json::to_string_pretty(&items).map_err(|e| CliError(e.to_string()))? + "\n"
        }
        VerdictFormat::Text if items.is_empty() => {
            "No runbook improvements noted in a review yet.\n".into()
        }
        VerdictFormat::Text => items
            .iter()
            .map(|i| {
                let step = if i.step.is_empty() { "-" } else { &i.step };
                format!(
                    "{}  {step}  {}  {}  (review {})\n  {}\n",
                    i.runbook, i.date, i.author, i.review, i.note
                )
            })
            .collect(),
    };
    if let Err(leaks) = gate(&text, &kept) {
        eprintln!("runbook: {}", crate::report::Blocked { leaks });
        return Ok(ExitCode::from(3));
    }
    write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}
