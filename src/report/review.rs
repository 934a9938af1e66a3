//! The post-incident review document: the incident's figures and redacted
//! timeline, then the review's answers. Built from two [`Report`]s, so every
//! text from a session is a [`Clean`] value; exported through the same leak
//! gate, with the values kept in either session.

use super::markdown::fence;
use super::model::{Entry, ItemValue, Report};
use super::{Blocked, Options, build, gate};
use crate::machine::clean::{Clean, KeptValues};
use crate::machine::review::Figures;
use crate::machine::{Session, Stamp};
use crate::runbook::Runbook;

pub struct ReviewDoc {
    incident: Report,
    figures: Figures,
    review: Option<Report>,
    /// The review runbook's steps that ask for answers: (step id, title),
    /// so a section with none still says so.
    review_steps: Vec<(String, String)>,
    kept: KeptValues,
}

/// The document of `incident`'s review; `review` is the review session, once there is one.
pub fn review_document(
    incident: (&Session, &Runbook),
    figures: Figures,
    review: Option<(&Session, &Runbook)>,
    now: Stamp,
) -> ReviewDoc {
    let options = Options::default();
    let incident = build(incident.0, incident.1, &options, now);
    let review_steps = review.map_or_else(Vec::new, |(_, rb)| steps_with_answers(rb));
    let review = review.map(|(s, rb)| build(s, rb, &options, now));
    let kept = match &review {
        Some(r) => incident.kept().and(r.kept()),
        None => incident.kept().and(&KeptValues::default()),
    };
    ReviewDoc {
        incident,
        figures,
        review,
        review_steps,
        kept,
    }
}

/// The steps of a review runbook that ask for answers: (id, title).
fn steps_with_answers(rb: &Runbook) -> Vec<(String, String)> {
    rb.steps
        .iter()
        .filter(|s| !s.collect.is_empty())
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect()
}

/// The incident's timeline, redacted: (time, operator, what) lines.
pub fn timeline_lines(entries: &[Entry]) -> Vec<(String, Clean, String)> {
    entries
        .iter()
        .map(|e| {
            let mut what = format!("{} {}", e.event, e.subject);
            if let Some(d) = &e.detail {
                what.push_str(&format!(" — {}", d.headline(80)));
            }
            (
                e.at.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
                e.operator.clone(),
                what.trim_end().to_string(),
            )
        })
        .collect()
}

fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

impl ReviewDoc {
    pub fn incident(&self) -> &Report {
        &self.incident
    }

    /// The document in Markdown, not yet gated: for the operator's own screen.
    pub fn render(&self) -> String {
        let i = &self.incident;
        let mut o = format!("# Post-incident review of session {}\n\n", i.session);
        o.push_str(&format!(
            "Incident: session {}, {} ({}), {}, started {}.\n",
            i.session,
            i.runbook_title,
            i.runbook,
            i.state.name(),
            i.started.format("%Y-%m-%d %H:%M:%S %:z")
        ));
        match &self.review {
            Some(r) => o.push_str(&format!(
                "Review: session {}, {}.\n\n",
                r.session,
                r.state.name()
            )),
            None => o.push_str(&format!(
                "No review yet: `runbook review {}` opens one.\n\n",
                i.session
            )),
        }
        o.push_str("## Figures\n\n| Figure | Value |\n|---|---|\n");
        for (label, value) in self.figures.lines() {
            o.push_str(&format!("| {} | {} |\n", cell(&label), cell(&value)));
        }
        o.push_str("\n### Checks that failed first, and how they were fixed\n\n");
        let fixed = self.figures.fixed_lines();
        if fixed.is_empty() {
            o.push_str("None: no check failed and then passed.\n");
        }
        for line in fixed {
            o.push_str(&format!("- {line}\n"));
        }
        o.push_str("\n## Incident timeline\n\n| Time | Operator | Event |\n|---|---|---|\n");
        for (at, who, what) in timeline_lines(&i.timeline) {
            o.push_str(&format!(
                "| {at} | {} | {} |\n",
                cell(who.as_str()),
                cell(&what)
            ));
        }
        o.push_str("\n## Review\n");
        match &self.review {
            Some(r) => review_answers(Some(r), &self.review_steps, &mut o),
            None if !self.review_steps.is_empty() => {
                review_answers(None, &self.review_steps, &mut o);
            }
            None => o.push_str("\nNo answers yet.\n"),
        }
        o
    }

    /// Before any review exists: the sections it will have, each saying it
    /// has no answers yet, so the document's shape never changes.
    pub fn with_review_sections(mut self, review_runbook: &Runbook) -> ReviewDoc {
        if self.review.is_none() {
            self.review_steps = steps_with_answers(review_runbook);
        }
        self
    }

    /// The document, if the leak gate lets it out.
    pub fn export(&self) -> Result<String, Blocked> {
        let text = self.render();
        gate(&text, &self.kept)
            .map(|()| text)
            .map_err(|leaks| Blocked { leaks })
    }
}

/// Every section of the review, in its runbook's order; one without answers
/// says so rather than going missing.
fn review_answers(r: Option<&Report>, steps: &[(String, String)], o: &mut String) {
    for (step, title) in steps {
        o.push_str(&format!("\n### {title}\n"));
        let Some(section) = r.and_then(|r| r.sections.iter().find(|s| &s.step == step)) else {
            o.push_str("\nNo answers yet.\n");
            continue;
        };
        for item in &section.items {
            match &item.value {
                ItemValue::Line(v) | ItemValue::Time(v, _) => {
                    o.push_str(&format!("\n**{}:** {v}\n", item.label));
                }
                ItemValue::Block(e) => {
                    let mut text = e.head.to_string();
                    if e.is_trimmed() {
                        text.push_str(&format!("\n[{} lines left out]\n{}", e.omitted, e.tail));
                    }
                    let f = fence(&text);
                    o.push_str(&format!("\n**{}:**\n\n{f}\n{text}\n{f}\n", item.label));
                }
            }
        }
    }
}
