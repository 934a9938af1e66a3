//! The inbox: evidence attached from the shell while another process (a
//! terminal UI) has the session open and holds its lock. Only the lock
//! holder appends to the journal, so `runbook attach` leaves the evidence in
//! `SESSION/inbox/` and the holder applies it on its next tick or on resume.
//!
//! One file per item, `NANOS-PID.item`: a JSON header line, then the bytes.
//! Each is written to a dot-named temporary file and renamed, so a reader
//! never sees half an item; temporary files are never read.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{OpenSession, Store, StoreError, fsutil, io_err};

const DIR: &str = "inbox";
const EXT: &str = "item";
/// The header layout; an item of a later layout is left for a later program.
const VERSION: u32 = 1;

/// Evidence waiting to be applied to an open session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    /// The `paths` field it goes to.
    pub field: String,
    /// The file's name, as the operator knows it.
    pub name: String,
    /// What the timeline should say about it (e.g. only lines around the error kept).
    pub note: Option<String>,
    pub bytes: Vec<u8>,
    /// Its file in the inbox, removed by [`OpenSession::inbox_done`].
    pub file: PathBuf,
}

impl InboxItem {
    pub fn new(field: &str, name: &str, note: Option<String>, bytes: Vec<u8>) -> Self {
        InboxItem {
            field: field.to_string(),
            name: name.to_string(),
            note,
            bytes,
            file: PathBuf::new(),
        }
    }

    /// The text the machine's `Msg::Attach` takes (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        crate::decode::evidence_text(&self.bytes).0
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    field: String,
    name: String,
    note: Option<String>,
}

impl Store {
    /// Leaves `item` in a session's inbox, for the process that has it open.
    /// Returns the item's file.
    pub fn post_to_inbox(&self, id: &str, item: &InboxItem) -> Result<PathBuf, StoreError> {
        let dir = self.dir_of(id)?.join(DIR);
        fsutil::private_dir_all(&dir).map_err(|e| io_err("create", &dir, &e))?;
        let header = Header {
            version: VERSION,
            field: item.field.clone(),
            name: item.name.clone(),
            note: item.note.clone(),
        };
        let mut bytes = serde_json::to_vec(&header)
            .map_err(|e| StoreError(format!("cannot encode an inbox item: {e}")))?;
        bytes.push(b'\n');
        bytes.extend_from_slice(&item.bytes);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        // Names sort in arrival order; the pid keeps two writers apart.
        let path = dir.join(format!("{nanos:024}-{}.{EXT}", std::process::id()));
        fsutil::write_atomic(&path, &bytes).map_err(|e| io_err("write", &path, &e))?;
        Ok(path)
    }

    /// The items waiting in an open session's inbox, oldest first. Each stays
    /// there until [`OpenSession::inbox_done`], so that a crash between
    /// reading an item and journaling it loses nothing. The terminal UI calls
    /// this on each tick and on resume; headless commands on open.
    pub fn drain_inbox(&self, open: &OpenSession) -> Result<Vec<InboxItem>, StoreError> {
        open.inbox()
    }
}

impl OpenSession {
    /// What [`Store::drain_inbox`] returns, for a holder of the open session.
    pub fn inbox(&self) -> Result<Vec<InboxItem>, StoreError> {
        let dir = self.dir().join(DIR);
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("read", &dir, &e)),
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| is_item(p))
            .collect();
        files.sort();
        let mut items = Vec::new();
        for file in files {
            let bytes = fs::read(&file).map_err(|e| io_err("read", &file, &e))?;
            match decode(&bytes) {
                Decoded::Item(mut item) => {
                    item.file = file;
                    items.push(item);
                }
                Decoded::Later => {}
                Decoded::Damaged => set_aside(&file)?,
            }
        }
        Ok(items)
    }
}

impl OpenSession {
    /// Removes an applied item from the inbox (after its event is journaled).
    pub fn inbox_done(&self, item: &InboxItem) -> Result<(), StoreError> {
        match fs::remove_file(&item.file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(io_err("remove", &item.file, &e))
            }
            _ => Ok(()),
        }
    }

    /// Keeps an item the session refused out of the way, without losing it.
    pub fn inbox_refused(&self, item: &InboxItem) -> Result<(), StoreError> {
        set_aside(&item.file)
    }
}

fn is_item(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.') && p.extension().is_some_and(|e| e == EXT)
}

enum Decoded {
    Item(InboxItem),
    /// Written by a later version of the program: left for it.
    Later,
    Damaged,
}

fn decode(bytes: &[u8]) -> Decoded {
    let Some(nl) = memchr::memchr(b'\n', bytes) else {
        return Decoded::Damaged;
    };
    let Ok(h) = serde_json::from_slice::<Header>(&bytes[..nl]) else {
        return Decoded::Damaged;
    };
    if h.version > VERSION {
        return Decoded::Later;
    }
    Decoded::Item(InboxItem {
        field: h.field,
        name: h.name,
        note: h.note,
        bytes: bytes[nl + 1..].to_vec(),
        file: PathBuf::new(),
    })
}

/// Renames an item so it is no longer read (`.item` becomes `.item.kept`).
fn set_aside(file: &Path) -> Result<(), StoreError> {
    let mut to = file.as_os_str().to_owned();
    to.push(".kept");
    fs::rename(file, &to).map_err(|e| io_err("rename", file, &e))
}
