//! The one place where what the machine decides is carried out.
//!
//! The machine is pure: it turns a message into events. Every driver (the
//! walk, `attach`, `run`, `import`, the session's start) hands its messages
//! and the evidence files they name to [`execute`], which writes them by one
//! rule: the evidence copies first, then the message's events as one durable
//! batch; if either fails, the copies are removed, nothing is recorded and
//! the session in memory is as it was. A timeline already checked (a headless
//! walk, an imported export) is written by [`record`] under the same rule.

mod sink;

pub use sink::{MemorySink, Sink};

use crate::machine::{self, Effect, Event, Msg, Rejected, Session};
use crate::runbook::Runbook;

/// Evidence a message attaches: the name it is attached as, and its bytes.
pub struct File<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Why nothing was carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The machine refused the message at this index; nothing was written.
    Refused { index: usize, rejected: Rejected },
    /// Writing failed (a full disk); nothing was recorded.
    NotSaved(String),
}

impl Failure {
    /// The machine's or the disk's words.
    pub fn message(&self) -> &str {
        match self {
            Failure::Refused { rejected, .. } => &rejected.message,
            Failure::NotSaved(why) => why,
        }
    }
}

/// The messages that attach evidence from the session's inbox as `name`
/// (made unique by the caller). Support asking for more logs after the
/// report is the usual case, so a finished session is reopened first.
pub fn inbox_messages(session: &Session, item: &crate::store::InboxItem, name: &str) -> Vec<Msg> {
    let mut msgs = Vec::new();
    if session.state != machine::State::Open {
        msgs.push(Msg::Reopen {
            reason: format!("evidence arrived: {name}"),
        });
    }
    msgs.push(Msg::Attach {
        field: item.field.clone(),
        name: name.to_string(),
        text: item.text(),
        bytes: item.bytes.len() as u64,
    });
    msgs.extend(item.note.clone().map(|text| Msg::Note { text }));
    msgs
}

/// Carries out `msgs` as one unit: all are accepted and written, or none.
/// Returns the effects the driver shows (notices, suggestions, the verdict);
/// their events are already durable.
pub fn execute(
    session: &mut Session,
    runbook: &Runbook,
    sink: &mut dyn Sink,
    msgs: Vec<Msg>,
    files: &[File<'_>],
    now: machine::Stamp,
) -> Result<Vec<Effect>, Failure> {
    // One message changes nothing when refused; several need a trial copy,
    // since a later refusal must undo the earlier ones.
    let mut trial = (msgs.len() > 1).then(|| session.clone());
    let target = trial.as_mut().unwrap_or(session);
    let mut effects = Vec::new();
    for (index, msg) in msgs.into_iter().enumerate() {
        match machine::update(target, runbook, msg, now) {
            Ok(e) => effects.extend(e),
            Err(rejected) => return Err(Failure::Refused { index, rejected }),
        }
    }
    match record(sink, &machine::to_persist(&effects), files) {
        Ok(()) => {
            if let Some(trial) = trial {
                *session = trial;
            }
            Ok(effects)
        }
        Err(why) => {
            if trial.is_none() {
                undo(session, &effects);
            }
            Err(Failure::NotSaved(why))
        }
    }
}

/// Writes checked events and the evidence they attach: copies first, then
/// the events as one batch; on failure the copies made are removed.
pub fn record(sink: &mut dyn Sink, events: &[Event], files: &[File<'_>]) -> Result<(), String> {
    let mut copies = Vec::new();
    let mut written = || -> Result<(), String> {
        for f in files {
            copies.push(sink.keep_evidence(f.name, f.bytes)?);
        }
        sink.persist(events)
    };
    let result = written();
    if result.is_err() {
        for c in &copies {
            sink.discard_evidence(c);
        }
    }
    result
}

/// Rebuilds the session without the events of `effects`, which were applied
/// in memory but never written.
fn undo(session: &mut Session, effects: &[Effect]) {
    let unwritten = machine::to_persist(effects).len();
    let kept = session.timeline.len().saturating_sub(unwritten);
    if let Ok(before) = Session::replay(&session.timeline[..kept]) {
        *session = before;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runbook::Library;

    fn support_context() -> Runbook {
        Library::builtin_runbook("support-context")
    }

    fn now() -> machine::Stamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-24T10:20:00+01:00").unwrap()
    }

    fn note(text: &str) -> Msg {
        Msg::Note { text: text.into() }
    }

    /// Copies land; the journal write fails, as on a disk that just filled.
    #[derive(Default)]
    struct JournalFails {
        copies: Vec<String>,
    }

    impl Sink for JournalFails {
        fn persist(&mut self, _: &[Event]) -> Result<(), String> {
            Err("no space left on device".into())
        }
        fn keep_evidence(&mut self, name: &str, _: &[u8]) -> Result<String, String> {
            self.copies.push(name.into());
            Ok(name.into())
        }
        fn discard_evidence(&mut self, copy: &str) {
            self.copies.retain(|c| c != copy);
        }
        fn save_draft(&mut self, _: &crate::store::Draft) -> Result<(), String> {
            Ok(())
        }
        fn dir(&self) -> Option<&std::path::Path> {
            None
        }
        fn save_output(&mut self, name: &str, _: &[u8]) -> Result<std::path::PathBuf, String> {
            Ok(name.into())
        }
    }

    #[test]
    fn accepted_messages_are_written_as_one_batch_with_their_copies() {
        let rb = support_context();
        let (mut session, _) = machine::start("s1", &rb, "alice", now());
        let mut sink = MemorySink::default();
        let file = File {
            name: "debug.log",
            bytes: b"line\n",
        };
        let effects = execute(
            &mut session,
            &rb,
            &mut sink,
            vec![note("one"), note("two")],
            &[file],
            now(),
        )
        .unwrap();
        assert_eq!(machine::to_persist(&effects).len(), 2);
        assert_eq!(sink.events, machine::to_persist(&effects));
        assert_eq!(sink.files, vec![("debug.log".to_string(), 5)]);
        assert_eq!(session.timeline.len(), 3);
    }

    #[test]
    fn a_refusal_anywhere_writes_nothing_and_changes_nothing() {
        let rb = support_context();
        let (mut session, _) = machine::start("s1", &rb, "alice", now());
        let before = session.clone();
        let mut sink = MemorySink::default();
        let bogus = Msg::Enter {
            step: "no-such-step".into(),
        };
        let failure = execute(
            &mut session,
            &rb,
            &mut sink,
            vec![note("one"), bogus],
            &[],
            now(),
        )
        .unwrap_err();
        assert!(
            matches!(failure, Failure::Refused { index: 1, .. }),
            "{failure:?}"
        );
        assert_eq!(session, before);
        assert!(sink.events.is_empty() && sink.files.is_empty());
    }

    #[test]
    fn a_failed_write_removes_the_copies_and_restores_the_session() {
        let rb = support_context();
        let (mut session, _) = machine::start("s1", &rb, "alice", now());
        let before = session.clone();
        for msgs in [vec![note("one")], vec![note("one"), note("two")]] {
            let mut sink = JournalFails::default();
            let file = File {
                name: "debug.log",
                bytes: b"line\n",
            };
            let failure = execute(&mut session, &rb, &mut sink, msgs, &[file], now()).unwrap_err();
            assert_eq!(failure, Failure::NotSaved("no space left on device".into()));
            assert!(sink.copies.is_empty(), "an orphan copy: {:?}", sink.copies);
            assert_eq!(session, before);
        }
        let mut full = MemorySink {
            fail: true,
            ..MemorySink::default()
        };
        assert!(execute(&mut session, &rb, &mut full, vec![note("x")], &[], now()).is_err());
        assert_eq!(session, before);
    }
}
