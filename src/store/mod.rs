//! Sessions on disk: a private folder per session holding its append-only
//! journal, a copy of the runbook it follows, and copies of its evidence.
//!
//! ```text
//! HOME/sessions/ID/journal.jsonl   every event, one fsynced record each
//!                  runbook.yaml    the runbook as it was when the session began
//!                  evidence/N-NAME the attached files, byte for byte
//!                  lock            held while a process has the session open
//!                  inbox/*.item    evidence attached from the shell while the
//!                                  session was open elsewhere, not yet applied
//! ```
//!
//! HOME is `--home DIR`, else `RUNBOOK_HOME`, else the platform data folder.
//! Folders are 0700 and files 0600: originals never leave this folder.
//!
//! Test hook: with `RUNBOOK_TEST_CRASH_AFTER_RECORDS=N`, the process writes
//! half of record N+1 and aborts, as a power cut would leave it.

mod draft;
mod fsutil;
mod inbox;
pub mod journal;

pub use draft::Draft;

use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::machine::{Event, Session, Stamp, What};

pub use inbox::InboxItem;

pub const JOURNAL: &str = "journal.jsonl";
pub const RUNBOOK_COPY: &str = "runbook.yaml";
const LOCK: &str = "lock";
/// The longest session id accepted; ours are 20 characters.
const ID_MAX: usize = 64;
/// Prefix of a session folder being built; listings never show one.
const STAGING: &str = ".new-";
const CRASH_HOOK: &str = "RUNBOOK_TEST_CRASH_AFTER_RECORDS";

/// A failure the operator can act on, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn io_err(what: &str, path: &Path, e: &io::Error) -> StoreError {
    StoreError(format!(
        "cannot {what} {}: {}",
        path.display(),
        crate::input::plain(e)
    ))
}

/// Where sessions and user settings live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    /// Sessions go under `data/sessions`.
    pub data: PathBuf,
    /// User runbooks under `config/runbooks`, settings beside them.
    pub config: PathBuf,
}

impl Home {
    /// `--home DIR`, else `RUNBOOK_HOME`, else the platform folders.
    pub fn resolve(flag: Option<&Path>) -> Result<Home, StoreError> {
        let chosen = flag.map(Path::to_path_buf).or_else(|| {
            std::env::var_os("RUNBOOK_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        if let Some(dir) = chosen {
            return Ok(Home::at(&dir));
        }
        let dirs = directories::ProjectDirs::from("", "", "runbook").ok_or_else(|| {
            StoreError(
                "cannot find a home folder for sessions — set RUNBOOK_HOME or pass --home DIR"
                    .into(),
            )
        })?;
        Ok(Home {
            data: dirs.data_dir().to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
        })
    }

    /// Everything under one folder.
    pub fn at(dir: &Path) -> Home {
        Home {
            data: dir.to_path_buf(),
            config: dir.to_path_buf(),
        }
    }

    pub fn sessions(&self) -> PathBuf {
        self.data.join("sessions")
    }

    /// The user's runbook folder, which adds to or overrides the built-in runbooks.
    pub fn runbooks(&self) -> PathBuf {
        self.config.join("runbooks")
    }
}

/// What `runbook sessions` shows of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub runbook: String,
    pub started: Stamp,
    /// `open`, `finished` or `abandoned`.
    pub state: String,
    pub verdict: Option<String>,
    /// When the last event happened (how old the session is, for retention).
    pub last: Stamp,
    /// Bytes on disk: journal, runbook copy, evidence, inbox.
    pub bytes: u64,
}

/// What [`Store::forget`] deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forgotten {
    pub bytes: u64,
    /// The folder, and the link that named it when there was one.
    pub removed: Vec<PathBuf>,
}

/// A session read from disk, without taking it over.
#[derive(Debug)]
pub struct Stored {
    pub events: Vec<Event>,
    pub runbook_text: String,
    pub runbook_path: PathBuf,
    pub warning: Option<String>,
}

impl Stored {
    pub fn session(&self) -> Result<Session, StoreError> {
        Session::replay(&self.events).map_err(StoreError)
    }
}

/// A session this process has open: it holds the lock and appends.
#[derive(Debug)]
pub struct OpenSession {
    pub id: String,
    dir: PathBuf,
    journal: File,
    /// Records and bytes of the journal's whole records: appends go here.
    records: usize,
    len: u64,
    /// A failed append may have left part of a record past `len`.
    tail_dirty: bool,
    crash_after: Option<usize>,
    /// Still under its staging name: see [`Store::create`].
    staged: bool,
    _lock: File,
}

pub struct Store {
    home: Home,
}

impl Store {
    pub fn new(home: Home) -> Store {
        Store { home }
    }

    pub fn home(&self) -> &Home {
        &self.home
    }

    fn dir_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if id.is_empty()
            || id.len() > ID_MAX
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(StoreError(
                "that is not a session id (letters, digits, - and _, at most 64) — `runbook sessions` lists them".into(),
            ));
        }
        Ok(self.home.sessions().join(id))
    }

    /// Creates a new session with its runbook copy and an empty journal, in
    /// a hidden staging folder: nothing lists or opens it until
    /// [`OpenSession::publish`] renames it into place, so a process killed
    /// while starting leaves no half-made session behind. Dropped
    /// unpublished, it is removed.
    pub fn create(&self, now: Stamp, runbook_text: &str) -> Result<OpenSession, StoreError> {
        let root = self.home.sessions();
        fsutil::private_dir_all(&root).map_err(|e| io_err("create", &root, &e))?;
        sweep_abandoned_staging(&root);
        let mut salt = std::process::id() as u64 ^ now.timestamp_subsec_nanos() as u64;
        for _ in 0..16 {
            let id = session_id(now, salt);
            salt = salt
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if root.join(&id).exists() {
                continue;
            }
            let dir = root.join(format!("{STAGING}{id}"));
            match fsutil::private_dir_new(&dir) {
                Ok(()) => {
                    let lock = take_lock(&dir, &id)?;
                    fsutil::write_atomic(&dir.join(RUNBOOK_COPY), runbook_text.as_bytes())
                        .map_err(|e| io_err("write", &dir.join(RUNBOOK_COPY), &e))?;
                    let journal = open_journal(&dir, 0)?;
                    let mut open = OpenSession::new(id, dir, journal, (0, 0), lock);
                    open.staged = true;
                    return Ok(open);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_err("create", &dir, &e)),
            }
        }
        Err(StoreError(
            "cannot find a free session id — try again".into(),
        ))
    }

    /// Reads a session without taking it over (for `check` and listings).
    pub fn read(&self, id: &str) -> Result<Stored, StoreError> {
        let dir = self.dir_of(id)?;
        if !dir.is_dir() {
            return Err(StoreError(format!(
                "no session {id:?} — `runbook sessions` lists them"
            )));
        }
        let jpath = dir.join(JOURNAL);
        let bytes = fs::read(&jpath).map_err(|e| io_err("read", &jpath, &e))?;
        let loaded =
            journal::decode::<Event>(&bytes, &jpath.display().to_string()).map_err(StoreError)?;
        let rpath = dir.join(RUNBOOK_COPY);
        let runbook_text = fs::read_to_string(&rpath).map_err(|e| io_err("read", &rpath, &e))?;
        Ok(Stored {
            events: loaded.records,
            runbook_text,
            runbook_path: rpath,
            warning: loaded.warning,
        })
    }

    /// Opens a session to continue it: takes its lock, drops a torn last
    /// record from the file, and returns what it holds. Evidence attached
    /// while it was closed may wait in its inbox: see [`Store::drain_inbox`].
    pub fn open(&self, id: &str) -> Result<(OpenSession, Stored), StoreError> {
        let dir = self.dir_of(id)?;
        if !dir.is_dir() {
            return Err(StoreError(format!(
                "no session {id:?} — `runbook sessions` lists them"
            )));
        }
        let lock = take_lock(&dir, id)?;
        self.open_locked(id, dir, lock)
    }

    /// [`Store::open`], or `None` while another process has the session open.
    pub fn try_open(&self, id: &str) -> Result<Option<(OpenSession, Stored)>, StoreError> {
        let dir = self.dir_of(id)?;
        if !dir.is_dir() {
            return Err(StoreError(format!(
                "no session {id:?} — `runbook sessions` lists them"
            )));
        }
        match try_take_lock(&dir)? {
            Some(lock) => self.open_locked(id, dir, lock).map(Some),
            None => Ok(None),
        }
    }

    fn open_locked(
        &self,
        id: &str,
        dir: PathBuf,
        lock: File,
    ) -> Result<(OpenSession, Stored), StoreError> {
        let stored = self.read(id)?;
        let jpath = dir.join(JOURNAL);
        let valid_len = fs::read(&jpath)
            .map_err(|e| io_err("read", &jpath, &e))
            .and_then(|b| journal::decode::<Event>(&b, "").map_err(StoreError))?
            .valid_len;
        let journal = open_journal(&dir, valid_len as u64)?;
        let records = stored.events.len();
        Ok((
            OpenSession::new(
                id.to_string(),
                dir,
                journal,
                (records, valid_len as u64),
                lock,
            ),
            stored,
        ))
    }

    /// Every session, oldest first. Unreadable ones are reported, not skipped silently.
    pub fn list(&self) -> Result<(Vec<Summary>, Vec<String>), StoreError> {
        let root = self.home.sessions();
        let entries = match fs::read_dir(&root) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
            Err(e) => return Err(io_err("list", &root, &e)),
        };
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for entry in entries.flatten() {
            let id = entry.file_name().to_string_lossy().into_owned();
            if !entry.path().is_dir() || id.starts_with('.') {
                continue;
            }
            if self.dir_of(&id).is_err() {
                let shown: String = id.chars().take(40).collect();
                problems.push(format!(
                    "{}/{shown}…: a folder whose name is not a session id — left as it is; move it out of the sessions folder",
                    root.display()
                ));
                continue;
            }
            match self.read(&id).and_then(|s| summary(&id, &s.events)) {
                Ok(mut s) => {
                    s.bytes = disk_usage(&entry.path());
                    out.push(s);
                }
                Err(e) => problems.push(e.0),
            }
        }
        out.sort_by(|a, b| (a.started, &a.id).cmp(&(b.started, &b.id)));
        Ok((out, problems))
    }

    /// The most recently started session that is still open.
    pub fn latest_open(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .list()?
            .0
            .into_iter()
            .rev()
            .find(|s| s.state == "open")
            .map(|s| s.id))
    }

    /// Whether the session's folder (or a link in its place) is there,
    /// whether it loads or not.
    pub fn exists(&self, id: &str) -> bool {
        self.dir_of(id)
            .is_ok_and(|dir| fs::symlink_metadata(dir).is_ok())
    }

    /// Whether another process has the session open (holds its lock) now.
    pub fn in_use(&self, id: &str) -> Result<bool, StoreError> {
        let dir = self.dir_of(id)?;
        // No lock file, no holder: and none is created in a folder that may
        // not be a session's.
        let path = dir.join(LOCK);
        if !path.exists() {
            return Ok(false);
        }
        // Read-only, so a home the operator may only read can still answer.
        let f = File::open(&path).map_err(|e| io_err("read", &path, &e))?;
        match f.try_lock() {
            Ok(()) => Ok(false),
            Err(TryLockError::WouldBlock) => Ok(true),
            Err(TryLockError::Error(e)) => Err(io_err("lock", &path, &e)),
        }
    }

    /// Deletes a session for good: its journal, evidence copies, inbox and
    /// lock, readable or not. A session folder that is a link to one kept
    /// elsewhere is resolved: the folder it names goes, then the link.
    /// Refused while another process has it open.
    pub fn forget(&self, id: &str) -> Result<Forgotten, StoreError> {
        let entry = self.dir_of(id)?;
        let linked = fs::symlink_metadata(&entry)
            .map_err(|_| StoreError(format!("no session {id:?} — `runbook sessions` lists them")))?
            .file_type()
            .is_symlink();
        let dir = if linked {
            fs::canonicalize(&entry).map_err(|e| io_err("follow the link", &entry, &e))?
        } else {
            entry.clone()
        };
        // An empty folder is what a kill during start-up could leave.
        let looks_like_a_session = [JOURNAL, RUNBOOK_COPY, LOCK]
            .iter()
            .any(|f| dir.join(f).exists())
            || fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_none());
        if !dir.is_dir() || !looks_like_a_session {
            return Err(StoreError(format!(
                "{} is not a session folder (no {JOURNAL}, {RUNBOOK_COPY} or {LOCK} in it) — nothing was deleted",
                dir.display()
            )));
        }
        // Held while deleting, so no program opens it half-deleted.
        let _lock = try_take_lock(&dir)
            .map_err(|e| {
                StoreError(format!(
                    "{} — deleting a session needs write access to its folder; nothing was deleted",
                    e.0
                ))
            })?
            .ok_or_else(|| held(&dir, id))?;
        let bytes = disk_usage(&dir);
        fs::remove_dir_all(&dir).map_err(|e| io_err("remove", &dir, &e))?;
        let mut removed = vec![dir];
        if linked {
            fs::remove_file(&entry).map_err(|e| io_err("remove", &entry, &e))?;
            removed.push(entry);
        }
        let root = self.home.sessions();
        fsutil::sync_dir(&root).map_err(|e| io_err("sync", &root, &e))?;
        Ok(Forgotten { bytes, removed })
    }

    /// Saves a file the session produced (its report) in the session's
    /// folder, atomically and private; returns where.
    pub fn save_output(&self, id: &str, name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let dir = self.dir_of(id)?;
        if !dir.is_dir() {
            return Err(StoreError(format!(
                "no session {id:?} — `runbook sessions` lists them"
            )));
        }
        let path = dir.join(name);
        write_private(&path, bytes)?;
        Ok(path)
    }
}

fn summary(id: &str, events: &[Event]) -> Result<Summary, StoreError> {
    let Some(Event {
        at,
        what: What::Started { runbook, .. },
        ..
    }) = events.first()
    else {
        return Err(StoreError(format!(
            "session {id}: the journal does not begin with its start"
        )));
    };
    let mut state = "open";
    let mut verdict = None;
    let last = events.last().map_or(*at, |e| e.at);
    for e in events {
        match &e.what {
            What::Finished { verdict: v, .. } => {
                state = "finished";
                verdict = Some(v.clone());
            }
            What::Abandoned { .. } => state = "abandoned",
            What::Reopened { .. } => {
                state = "open";
                verdict = None;
            }
            _ => {}
        }
    }
    Ok(Summary {
        id: id.to_string(),
        runbook: runbook.clone(),
        started: *at,
        state: state.into(),
        verdict,
        last,
        bytes: 0,
    })
}

/// Bytes under a folder, every file counted once.
fn disk_usage(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => disk_usage(&e.path()),
            Ok(_) => e.metadata().map_or(0, |m| m.len()),
            Err(_) => 0,
        })
        .sum()
}

/// `YYYYMMDD-HHMMSS-xxxx`: sorts by start time, readable, short to type.
fn session_id(now: Stamp, salt: u64) -> String {
    let mut h = salt ^ 0x9E37_79B9_7F4A_7C15;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    format!(
        "{}-{:04x}",
        now.naive_utc().format("%Y%m%d-%H%M%S"),
        h & 0xffff
    )
}

/// Opens (creating, never truncating) a private file for reading and writing.
fn open_private_rw(path: &Path) -> Result<File, StoreError> {
    fsutil::private_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| io_err("open", path, &e))
}

fn take_lock(dir: &Path, id: &str) -> Result<File, StoreError> {
    match try_take_lock(dir)? {
        Some(f) => Ok(f),
        None => Err(held(dir, id)),
    }
}

/// The session's lock, or `None` when another process holds it.
fn try_take_lock(dir: &Path) -> Result<Option<File>, StoreError> {
    let path = dir.join(LOCK);
    let mut f = open_private_rw(&path)?;
    match f.try_lock() {
        Ok(()) => {
            // Who holds it, for the message another process shows.
            let _ = f.set_len(0);
            let _ = writeln!(f, "{}", std::process::id());
            Ok(Some(f))
        }
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(io_err("lock", &path, &e)),
    }
}

/// Says who holds a session's lock.
fn held(dir: &Path, id: &str) -> StoreError {
    let holder = fs::read_to_string(dir.join(LOCK)).unwrap_or_default();
    let pid = holder.trim();
    let by = if pid.is_empty() {
        String::new()
    } else {
        format!(" (process {pid})")
    };
    StoreError(format!(
        "session {id} is open in another runbook{by} — finish or quit it there, then try again"
    ))
}

fn open_journal(dir: &Path, valid_len: u64) -> Result<File, StoreError> {
    let path = dir.join(JOURNAL);
    let existed = path.exists();
    let f = open_private_rw(&path)?;
    // A torn tail is cut off before anything is appended after it.
    if f.metadata().map_err(|e| io_err("read", &path, &e))?.len() != valid_len {
        f.set_len(valid_len)
            .map_err(|e| io_err("repair", &path, &e))?;
        f.sync_all().map_err(|e| io_err("sync", &path, &e))?;
    }
    if !existed {
        fsutil::sync_dir(dir).map_err(|e| io_err("sync", dir, &e))?;
    }
    Ok(f)
}

impl OpenSession {
    fn new(id: String, dir: PathBuf, journal: File, at: (usize, u64), lock: File) -> Self {
        let crash_after = std::env::var(CRASH_HOOK).ok().and_then(|v| v.parse().ok());
        OpenSession {
            id,
            dir,
            journal,
            records: at.0,
            len: at.1,
            tail_dirty: false,
            crash_after,
            staged: false,
            _lock: lock,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Moves a new session from its staging folder to its id, durably: from
    /// here on it is listed and can be resumed.
    pub fn publish(&mut self) -> Result<(), StoreError> {
        if !self.staged {
            return Ok(());
        }
        let root = self.dir.parent().unwrap_or(Path::new(".")).to_path_buf();
        let target = root.join(&self.id);
        if target.exists() {
            return Err(StoreError(format!(
                "{} already exists — start again for a new session id",
                target.display()
            )));
        }
        fs::rename(&self.dir, &target).map_err(|e| io_err("create", &target, &e))?;
        fsutil::sync_dir(&root).map_err(|e| io_err("sync", &root, &e))?;
        self.dir = target;
        self.staged = false;
        Ok(())
    }

    /// Appends one event and fsyncs it: when this returns, the event survives a crash.
    pub fn append(&mut self, event: &Event) -> Result<(), StoreError> {
        self.append_all(std::slice::from_ref(event))
    }

    /// Appends one message's events as one durable batch: every line and one
    /// fsync, or nothing. A write that fails half-way (a full disk) is cut
    /// back off the journal, so the next append never lands behind half a record.
    pub fn append_all(&mut self, events: &[Event]) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        let mut batch = Vec::new();
        for event in events {
            batch.extend(journal::encode(event).map_err(StoreError)?);
        }
        let path = self.dir.join(JOURNAL);
        if self.tail_dirty {
            self.cut_back().map_err(|e| io_err("repair", &path, &e))?;
        }
        if let Some(n) = self.crash_after
            && (self.records..self.records + events.len()).contains(&n)
        {
            let _ = self.write_at_end(&batch[..batch.len() / 2]);
            let _ = self.journal.sync_data();
            std::process::abort();
        }
        let written = self
            .write_at_end(&batch)
            .and_then(|()| self.journal.sync_data());
        if let Err(e) = written {
            self.tail_dirty = true;
            // Best effort now; if it fails, the next append cuts first.
            if self.cut_back().is_ok() {
                self.tail_dirty = false;
            }
            return Err(io_err("write", &path, &e));
        }
        self.len += batch.len() as u64;
        self.records += events.len();
        Ok(())
    }

    fn write_at_end(&mut self, bytes: &[u8]) -> io::Result<()> {
        use std::io::Seek;
        self.journal.seek(io::SeekFrom::Start(self.len))?;
        self.journal.write_all(bytes)
    }

    /// Cuts the journal back to its last whole record.
    fn cut_back(&mut self) -> io::Result<()> {
        self.journal.set_len(self.len)?;
        self.journal.sync_all()
    }

    /// Copies an evidence file into the session; returns its path in the folder.
    pub fn keep_evidence(&mut self, name: &str, bytes: &[u8]) -> Result<String, StoreError> {
        let dir = self.dir.join("evidence");
        fsutil::private_dir_all(&dir).map_err(|e| io_err("create", &dir, &e))?;
        let n = fs::read_dir(&dir).map(Iterator::count).unwrap_or(0) + 1;
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let rel = format!("evidence/{n:03}-{safe}");
        let path = self.dir.join(&rel);
        fsutil::write_atomic(&path, bytes).map_err(|e| io_err("write", &path, &e))?;
        Ok(rel)
    }
}

impl Drop for OpenSession {
    fn drop(&mut self) {
        if self.staged {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Staging folders left by a process killed while it was creating a
/// session. Only old ones whose lock is free: a young one may be another
/// process's, a moment before it takes its lock.
fn sweep_abandoned_staging(root: &Path) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let old = std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        let is_staging = entry.file_name().to_string_lossy().starts_with(STAGING);
        let is_old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > old));
        if is_staging && is_old && matches!(try_take_lock(&entry.path()), Ok(Some(_))) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Writes a file durably and privately (0600): a report, an export. A
/// temporary file renamed over the target, so a reader never sees half of it.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    // A bare file name has an empty parent, which cannot be opened to sync.
    let here;
    let path = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        here = Path::new(".").join(path);
        here.as_path()
    } else {
        path
    };
    fsutil::write_atomic(path, bytes).map_err(|e| io_err("write", path, &e))
}

/// [`write_private`] into a folder of the program's own (the settings
/// folder), created 0700 when missing. Never for a path the operator typed:
/// a mistyped folder is an error, not a new folder.
pub fn write_private_in_own_folder(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fsutil::private_dir_all(dir).map_err(|e| io_err("create", dir, &e))?;
    }
    write_private(path, bytes)
}
