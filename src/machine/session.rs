//! A session: one walk through a runbook, rebuilt from its events.
//!
//! Events are facts, already checked by [`super::update`]; applying one never
//! fails, so replaying a journal always yields the state that was shown.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::time::Stamp;

/// One thing that happened, when (UTC instant, with the operator's local
/// offset for display) and by whom. The timeline is the list of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub at: Stamp,
    pub operator: String,
    #[serde(flatten)]
    pub what: What,
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The operator typed or pasted it.
    Typed,
    /// Found in the pasted error text.
    ErrorText,
    /// The moment it was captured: to confirm or correct.
    CaptureTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum What {
    Started {
        session: String,
        runbook: String,
    },
    Entered {
        step: String,
    },
    Answered {
        field: String,
        value: String,
        source: Source,
    },
    /// A change to a preserved value after it was frozen; the original stays.
    Amended {
        field: String,
        value: String,
    },
    Cleared {
        field: String,
    },
    /// Evidence read into the session (its text; the file copy is kept beside).
    Attached {
        field: String,
        name: String,
        text: String,
        bytes: u64,
    },
    Detached {
        field: String,
        name: String,
    },
    Confirmed {
        id: String,
    },
    Unconfirmed {
        id: String,
        because: String,
    },
    Kept {
        placeholder: String,
        reason: String,
    },
    Unkept {
        placeholder: String,
    },
    /// A term to redact everywhere (local only: never in a report).
    TermAdded {
        term: String,
    },
    Suggested {
        runbook: String,
        why: String,
    },
    OperatorChanged {
        name: String,
    },
    /// The site's own domain, which redaction keeps.
    DomainKept {
        domain: String,
    },
    Noted {
        text: String,
    },
    Finished {
        verdict: String,
        target: String,
    },
    Abandoned {
        reason: String,
    },
    /// Opened again after a finish or an abandon, for this reason.
    Reopened {
        reason: String,
    },
    /// A link to another session: the one this reviews, or a related runbook's.
    Linked {
        session: String,
        runbook: String,
        relation: Relation,
    },
}

/// How a linked session relates to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// This session reviews that one.
    Reviews,
    /// That session was opened from this one (a related runbook).
    Opened,
    /// This session was opened from that one.
    OpenedFrom,
}

impl Relation {
    pub fn words(self) -> &'static str {
        match self {
            Relation::Reviews => "reviews",
            Relation::Opened => "opened",
            Relation::OpenedFrom => "opened from",
        }
    }
}

/// Another session this one is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub session: String,
    pub runbook: String,
    pub relation: Relation,
    pub at: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub value: String,
    pub source: Source,
    pub at: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub field: String,
    pub value: String,
    pub at: Stamp,
    pub operator: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub field: String,
    pub name: String,
    pub text: String,
    pub bytes: u64,
    pub at: Stamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Open,
    Finished,
    Abandoned,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Finished => "finished",
            State::Abandoned => "abandoned",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    pub runbook: String,
    pub operator: String,
    pub started: Stamp,
    /// Current answers; a preserved value keeps its original here.
    pub answers: BTreeMap<String, Answer>,
    pub amendments: Vec<Amendment>,
    pub evidence: Vec<Evidence>,
    /// Confirmation id → when it was ticked.
    pub confirmed: BTreeMap<String, Stamp>,
    /// Placeholder → the operator's reason for keeping that value.
    pub keeps: BTreeMap<String, String>,
    pub terms: Vec<String>,
    /// The site's own domains, never redacted.
    pub domains: Vec<String>,
    pub suggested: BTreeSet<String>,
    pub links: Vec<Link>,
    pub step: Option<String>,
    pub state: State,
    /// The verdict recorded when the session was finished.
    pub verdict: Option<String>,
    pub timeline: Vec<Event>,
}

impl Session {
    /// A session from its first event.
    pub fn new(id: &str, runbook: &str, operator: &str, now: Stamp) -> (Session, Event) {
        let event = Event {
            at: now,
            operator: operator.to_string(),
            what: What::Started {
                session: id.to_string(),
                runbook: runbook.to_string(),
            },
        };
        let mut s = Session {
            id: id.to_string(),
            runbook: runbook.to_string(),
            operator: operator.to_string(),
            started: now,
            answers: BTreeMap::new(),
            amendments: Vec::new(),
            evidence: Vec::new(),
            confirmed: BTreeMap::new(),
            keeps: BTreeMap::new(),
            terms: Vec::new(),
            domains: Vec::new(),
            suggested: BTreeSet::new(),
            links: Vec::new(),
            step: None,
            state: State::Open,
            verdict: None,
            timeline: Vec::new(),
        };
        s.timeline.push(event.clone());
        (s, event)
    }

    /// Rebuilds a session from its journal. The first event must be `Started`.
    pub fn replay(events: &[Event]) -> Result<Session, String> {
        let Some(first) = events.first() else {
            return Err("the journal holds no event".into());
        };
        let What::Started { session, runbook } = &first.what else {
            return Err("the journal does not begin with the session's start".into());
        };
        let (mut s, _) = Session::new(session, runbook, &first.operator, first.at);
        for e in &events[1..] {
            s.apply(e);
        }
        Ok(s)
    }

    /// Applies one event. Never fails: events were checked before they were made.
    pub fn apply(&mut self, e: &Event) {
        match &e.what {
            What::Started { .. } => {}
            What::Entered { step } => self.step = Some(step.clone()),
            What::Answered {
                field,
                value,
                source,
            } => {
                self.answers.insert(
                    field.clone(),
                    Answer {
                        value: value.clone(),
                        source: *source,
                        at: e.at,
                    },
                );
            }
            What::Amended { field, value } => self.amendments.push(Amendment {
                field: field.clone(),
                value: value.clone(),
                at: e.at,
                operator: e.operator.clone(),
            }),
            What::Cleared { field } => {
                self.answers.remove(field);
            }
            What::Attached {
                field,
                name,
                text,
                bytes,
            } => self.evidence.push(Evidence {
                field: field.clone(),
                name: name.clone(),
                text: text.clone(),
                bytes: *bytes,
                at: e.at,
            }),
            What::Detached { field, name } => {
                self.evidence
                    .retain(|ev| !(ev.field == *field && ev.name == *name));
            }
            What::Confirmed { id } => {
                self.confirmed.insert(id.clone(), e.at);
            }
            What::Unconfirmed { id, .. } => {
                self.confirmed.remove(id);
            }
            What::Kept {
                placeholder,
                reason,
            } => {
                self.keeps.insert(placeholder.clone(), reason.clone());
            }
            What::Unkept { placeholder } => {
                self.keeps.remove(placeholder);
            }
            What::TermAdded { term } => self.terms.push(term.clone()),
            What::Suggested { runbook, .. } => {
                self.suggested.insert(runbook.clone());
            }
            What::OperatorChanged { name } => self.operator = name.clone(),
            What::DomainKept { domain } => self.domains.push(domain.clone()),
            What::Noted { .. } => {}
            What::Finished { verdict, .. } => {
                self.state = State::Finished;
                self.verdict = Some(verdict.clone());
            }
            What::Abandoned { .. } => self.state = State::Abandoned,
            What::Reopened { .. } => {
                self.state = State::Open;
                self.verdict = None;
            }
            What::Linked {
                session,
                runbook,
                relation,
            } => self.links.push(Link {
                session: session.clone(),
                runbook: runbook.clone(),
                relation: *relation,
                at: e.at,
            }),
        }
        if !matches!(e.what, What::Started { .. }) {
            self.timeline.push(e.clone());
        }
    }

    /// The current text of a field: the latest amendment, else the answer.
    pub fn current(&self, field: &str) -> Option<&str> {
        self.amendments
            .iter()
            .rev()
            .find(|a| a.field == field)
            .map(|a| a.value.as_str())
            .or_else(|| self.answers.get(field).map(|a| a.value.as_str()))
    }

    /// Evidence attached to a field.
    pub fn evidence_of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Evidence> + 'a {
        self.evidence.iter().filter(move |e| e.field == field)
    }

    /// `debug.log`, else `debug (2).log`, … : a name not yet attached to `field`.
    pub fn unique_evidence_name(&self, field: &str, name: &str) -> String {
        let taken = |n: &str| self.evidence_of(field).any(|e| e.name == n);
        if !taken(name) {
            return name.to_string();
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
            _ => (name, String::new()),
        };
        (2..)
            .map(|n| format!("{stem} ({n}){ext}"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| name.to_string())
    }
}
