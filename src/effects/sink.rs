//! Where the walk writes: the session's journal, its evidence copies and its
//! draft. The app calls these before it shows the next state; tests use
//! [`MemorySink`] to see exactly what would have been written.

use std::path::Path;

use crate::machine::Event;
use crate::store::{Draft, InboxItem, OpenSession};

pub trait Sink {
    /// Appends one message's events durably, all or none; when this
    /// returns Ok they survive a crash.
    fn persist(&mut self, events: &[Event]) -> Result<(), String>;
    /// Copies an attached file into the session.
    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<(), String>;
    /// Replaces the draft of typed, uncommitted text.
    fn save_draft(&mut self, draft: &Draft) -> Result<(), String>;
    /// The session folder, for `$EDITOR`'s private file.
    fn dir(&self) -> Option<&Path>;
    /// Saves a file the session produced (its report) in its folder.
    fn save_output(&mut self, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, String>;
    /// Evidence `runbook attach` left for this open session.
    fn inbox(&mut self) -> Result<Vec<InboxItem>, String> {
        Ok(Vec::new())
    }
    /// Takes an item out of the inbox once applied, or sets a refused one aside.
    fn inbox_settled(&mut self, item: &InboxItem, applied: bool) -> Result<(), String> {
        let _ = (item, applied);
        Ok(())
    }
}

impl Sink for OpenSession {
    fn persist(&mut self, events: &[Event]) -> Result<(), String> {
        self.append_all(events).map_err(|e| e.0)
    }

    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        OpenSession::keep_evidence(self, name, bytes)
            .map(drop)
            .map_err(|e| e.0)
    }

    fn save_draft(&mut self, draft: &Draft) -> Result<(), String> {
        OpenSession::save_draft(self, draft).map_err(|e| e.0)
    }

    fn dir(&self) -> Option<&Path> {
        Some(OpenSession::dir(self))
    }

    fn inbox(&mut self) -> Result<Vec<InboxItem>, String> {
        OpenSession::inbox(self).map_err(|e| e.0)
    }

    fn save_output(&mut self, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, String> {
        let path = OpenSession::dir(self).join(name);
        crate::store::write_private(&path, bytes).map_err(|e| e.0)?;
        Ok(path)
    }

    fn inbox_settled(&mut self, item: &InboxItem, applied: bool) -> Result<(), String> {
        if applied {
            self.inbox_done(item).map_err(|e| e.0)
        } else {
            self.inbox_refused(item).map_err(|e| e.0)
        }
    }
}

/// Keeps everything in memory: for tests and snapshots.
#[derive(Debug, Default)]
pub struct MemorySink {
    pub events: Vec<Event>,
    pub files: Vec<(String, usize)>,
    pub draft: Draft,
    /// Makes every write fail, as a full disk would.
    pub fail: bool,
    /// Evidence waiting as `runbook attach` would leave it.
    pub inbox: Vec<InboxItem>,
    /// Files the session produced: name and text.
    pub outputs: Vec<(String, String)>,
}

impl Sink for MemorySink {
    fn persist(&mut self, events: &[Event]) -> Result<(), String> {
        if self.fail {
            return Err("no space left on device".into());
        }
        self.events.extend_from_slice(events);
        Ok(())
    }

    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        if self.fail {
            return Err("no space left on device".into());
        }
        self.files.push((name.to_string(), bytes.len()));
        Ok(())
    }

    fn save_draft(&mut self, draft: &Draft) -> Result<(), String> {
        if self.fail {
            return Err("no space left on device".into());
        }
        self.draft = draft.clone();
        Ok(())
    }

    fn dir(&self) -> Option<&Path> {
        None
    }

    fn inbox(&mut self) -> Result<Vec<InboxItem>, String> {
        Ok(std::mem::take(&mut self.inbox))
    }

    fn save_output(&mut self, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, String> {
        if self.fail {
            return Err("no space left on device".into());
        }
        self.outputs.push((
            name.to_string(),
            String::from_utf8_lossy(bytes).into_owned(),
        ));
        Ok(std::path::PathBuf::from(name))
    }
}
