//! Text being typed, not committed yet: kept beside the journal so a kill
//! loses at most the last second of typing. A draft is never an event — it
//! is replaced whole on every save and removed once nothing is pending.

use std::collections::BTreeMap;
use std::fs;
use std::io;

use serde::{Deserialize, Serialize};

use super::{OpenSession, Store, StoreError, fsutil, io_err};
use crate::machine::{Event, What};

const DRAFT: &str = "draft.json";

/// Uncommitted text per field id, and the step it was typed on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// How many journal records there were when it was saved: a field
    /// committed after that has a newer value than its draft.
    #[serde(default)]
    pub records: Option<usize>,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Drops the text of fields committed after the draft was saved: a
    /// process killed between a commit and the next draft save must not
    /// bring the older, typed text back over the committed answer.
    pub fn without_stale(mut self, events: &[Event]) -> Draft {
        let Some(saved_at) = self.records else {
            return self;
        };
        for event in events.iter().skip(saved_at) {
            match &event.what {
                What::Answered { field, .. }
                | What::Amended { field, .. }
                | What::Cleared { field } => {
                    self.fields.remove(field);
                }
                What::Attached { field, .. } | What::Detached { field, .. } => {
                    self.fields.remove(&format!("{field}#path"));
                }
                _ => {}
            }
        }
        self
    }
}

impl OpenSession {
    /// Replaces the session's draft durably; an empty draft removes the file.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        let path = self.dir.join(DRAFT);
        if draft.is_empty() {
            return match fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(io_err("remove", &path, &e)),
            };
        }
        let stamped = Draft {
            records: Some(self.records),
            ..draft.clone()
        };
        let bytes = serde_json::to_vec(&stamped).map_err(|e| StoreError(e.to_string()))?;
        fsutil::write_atomic(&path, &bytes).map_err(|e| io_err("write", &path, &e))
    }
}

impl Store {
    /// The draft left by the last run of a session, if any. A draft that
    /// cannot be read is reported rather than silently dropped.
    pub fn read_draft(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        let path = self.dir_of(id)?.join(DRAFT);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
                StoreError(format!(
                    "{}: the draft cannot be read ({e}) — it is left in place; \
                     move it away to continue without it",
                    path.display()
                ))
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_err("read", &path, &e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Home;

    #[test]
    fn a_draft_round_trips_and_an_empty_one_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Home::at(dir.path()));
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap();
        let mut open = store.create(now, "schema: 1").unwrap();
        open.publish().unwrap();
        assert_eq!(store.read_draft(&open.id).unwrap(), None);
        let mut draft = Draft {
            step: Some("preserve".into()),
            ..Draft::default()
        };
        draft
            .fields
            .insert("error_message".into(), "Fatal error: é\n  at line 3".into());
        open.save_draft(&draft).unwrap();
        draft.records = Some(0);
        assert_eq!(store.read_draft(&open.id).unwrap(), Some(draft));
        open.save_draft(&Draft::default()).unwrap();
        assert_eq!(store.read_draft(&open.id).unwrap(), None);
        assert!(!open.dir().join(DRAFT).exists());
    }

    #[test]
    fn a_damaged_draft_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(Home::at(dir.path()));
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap();
        let mut open = store.create(now, "schema: 1").unwrap();
        open.publish().unwrap();
        fs::write(open.dir().join(DRAFT), b"{not json").unwrap();
        let err = store.read_draft(&open.id).unwrap_err();
        assert!(err.0.contains("draft.json"), "{}", err.0);
    }
}
