//! Where a session is written: its journal, its evidence copies, its draft
//! and its outputs. [`super::execute`] calls these before anything shows the
//! next state; tests use [`MemorySink`] to see exactly what would have been
//! written, and to make every write fail as a full disk would.

use std::path::Path;

use crate::machine::Event;
use crate::store::{Draft, InboxItem, OpenSession};

pub trait Sink {
    /// Appends one message's events durably, all or none; when this
    /// returns Ok they survive a crash.
    fn persist(&mut self, events: &[Event]) -> Result<(), String>;
    /// Copies an attached file into the session; returns the copy's name.
    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<String, String>;
    /// Removes a copy no record names (its records were not written).
    fn discard_evidence(&mut self, copy: &str);
    /// Replaces the draft of typed, uncommitted text.
    fn save_draft(&mut self, draft: &Draft) -> Result<(), String>;
    /// The session folder, for `$EDITOR`'s private file.
    fn dir(&self) -> Option<&Path>;
    /// Saves a file the session produced (its report) in its folder.
    fn save_output(&mut self, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, String>;
    /// Where an output of an earlier run is, if it was saved.
    fn saved_output(&self, name: &str) -> Option<std::path::PathBuf> {
        self.dir().map(|d| d.join(name)).filter(|p| p.is_file())
    }
    /// Whether another session (a linked one) is still open; `None` when
    /// it cannot be read.
    fn is_open(&self, session: &str) -> Option<bool> {
        let _ = session;
        None
    }
    /// Evidence `runbook attach` left for this open session.
    fn inbox(&mut self) -> Result<Vec<InboxItem>, String> {
        Ok(Vec::new())
    }
    /// Reads a file to attach, within the evidence limits.
    fn read_evidence(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        crate::input::read(path, crate::input::Kind::Evidence)
    }
    /// Puts a text on the clipboard, or says where it was saved instead.
    fn copy(&mut self, text: &str, save_to: &Path) -> Result<crate::clipboard::Method, String> {
        crate::clipboard::copy(text, save_to).map_err(|e| e.to_string())
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

    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<String, String> {
        OpenSession::keep_evidence(self, name, bytes).map_err(|e| e.0)
    }

    fn discard_evidence(&mut self, copy: &str) {
        // A copy that cannot be removed is an orphan, not a loss: no record names it.
        let _ = std::fs::remove_file(OpenSession::dir(self).join(copy));
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

    fn is_open(&self, session: &str) -> Option<bool> {
        // Sessions are folders side by side under the home's `sessions`.
        let home = OpenSession::dir(self).parent()?.parent()?;
        let stored = crate::store::Store::new(crate::store::Home::at(home))
            .read(session)
            .ok()?;
        Some(stored.session().ok()?.state == crate::machine::State::Open)
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

    fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<String, String> {
        if self.fail {
            return Err("no space left on device".into());
        }
        self.files.push((name.to_string(), bytes.len()));
        Ok(name.to_string())
    }

    fn discard_evidence(&mut self, copy: &str) {
        if let Some(at) = self.files.iter().rposition(|(n, _)| n == copy) {
            self.files.remove(at);
        }
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
