//! `runbook export` / `runbook import`: a session handed to another operator
//! as one file. By default every text in it (answers, amendments, evidence,
//! notes, terms) is replaced by its redacted form and no placeholder map goes
//! with it; `--with-originals` adds the unredacted texts and evidence files,
//! after asking. Import makes a new local session with the same timeline;
//! what the new operator does next carries their name.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::confirm::{confirm, human_size};
use super::{Places, diagnostics_error};
use crate::effects;
use crate::headless::CliError;
use crate::machine::{self, Event, Msg, Session, State, What};
use crate::redact::{Engine, Profile};
use crate::runbook::Loaded;

/// Names the file's kind, so any other JSON is refused at once.
const FORMAT: &str = "runbook-session-export";
/// The layout of the file; a later one is refused with a clear message.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Export {
    format: String,
    version: u32,
    /// The session's id where it was exported.
    session: String,
    runbook: String,
    exported_at: String,
    exported_by: String,
    originals: bool,
    runbook_text: String,
    events: Vec<Event>,
    /// With originals: the evidence files byte for byte, by the index of
    /// their `attached` event among the session's attachments.
    #[serde(default)]
    files: Vec<File>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    attachment: usize,
    base64: String,
}

/// Every text of the timeline redacted with one engine (the same value
/// always gets the same placeholder), strictly: an export leaves the machine.
fn redacted(session: &Session, events: &[Event]) -> Vec<Event> {
    let mut engine = Engine::new(Profile::Strict);
    for t in &session.terms {
        engine.always_redact(t);
    }
    for d in &session.domains {
        engine.keep_domain(d);
    }
    let mut events = events.to_vec();
    for e in &mut events {
        for t in texts(&mut e.what) {
            engine.learn(t.as_bytes());
        }
    }
    for e in &mut events {
        for t in texts(&mut e.what) {
            *t = engine.redact(t.as_bytes()).text_lossy();
        }
    }
    events
}

/// The texts of an event an operator or a file wrote.
fn texts(what: &mut What) -> Vec<&mut String> {
    match what {
        What::Answered { value, .. } | What::Amended { value, .. } => vec![value],
        What::Attached { text, .. } => vec![text],
        What::Noted { text } => vec![text],
        What::Kept { reason, .. } => vec![reason],
        What::Abandoned { reason } | What::Reopened { reason } => vec![reason],
        What::TermAdded { term } => vec![term],
        What::Unconfirmed { because, .. } => vec![because],
        _ => Vec::new(),
    }
}

/// `runbook export SESSION [--out FILE] [--with-originals [--yes]]`.
pub fn export(
    places: &Places,
    id: &str,
    out: Option<&Path>,
    with_originals: bool,
    yes: bool,
) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let stored = store.read(id)?;
    let session = stored.session()?;
    let out = out.map_or_else(
        || PathBuf::from(format!("runbook-{id}.json")),
        Path::to_path_buf,
    );
    if out.exists() {
        return Err(CliError(format!(
            "{} already exists — remove it or pass --out with another name",
            out.display()
        )));
    }
    let dir = store.home().sessions().join(id);
    let (events, files) = if with_originals {
        let files = evidence_files(&dir, &stored.events)?;
        let bytes: usize = files.iter().map(|f| f.1.len()).sum();
        let what = format!(
            "The export of session {id} will include the originals, unredacted: {} answers, {} evidence file(s) ({}) and {} redaction term(s). Anyone with the file can read them.\n",
            session.answers.len(),
            files.len(),
            human_size(bytes as u64),
            session.terms.len()
        );
        if !confirm(&what, "Write the originals to the file?", yes)? {
            eprintln!("runbook: nothing written");
            return Ok(ExitCode::from(1));
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let files = files
            .into_iter()
            .map(|(attachment, bytes)| File {
                attachment,
                base64: b64.encode(bytes),
            })
            .collect();
        (stored.events.clone(), files)
    } else {
        (redacted(&session, &stored.events), Vec::new())
    };
    let doc = Export {
        format: FORMAT.into(),
        version: VERSION,
        session: session.id.clone(),
        runbook: session.runbook.clone(),
        exported_at: machine::to_rfc3339(&chrono::Local::now().fixed_offset()),
        exported_by: places.settings().operator_name(),
        originals: with_originals,
        runbook_text: stored.runbook_text,
        events,
        files,
    };
    let json = serde_json::to_vec_pretty(&doc)
        .map_err(|e| CliError(format!("cannot encode the export: {e}")))?;
    crate::store::write_private(&out, &json)?;
    let kind = if with_originals {
        "with the originals — keep it as private as the session"
    } else {
        "redacted: every answer and evidence text as redaction leaves it, no originals, no placeholder map"
    };
    println!("wrote {} ({kind})", out.display());
    println!(
        "the other operator continues it with `runbook import {}`",
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The session's evidence copies, each with the index of its attachment.
fn evidence_files(dir: &Path, events: &[Event]) -> Result<Vec<(usize, Vec<u8>)>, CliError> {
    let attachments = events
        .iter()
        .filter(|e| matches!(e.what, What::Attached { .. }))
        .count();
    let mut out = Vec::new();
    let ev = dir.join("evidence");
    let Ok(entries) = std::fs::read_dir(&ev) else {
        return Ok(out);
    };
    let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names {
        let n = p.file_name().map(|n| n.to_string_lossy().into_owned());
        // Copies are numbered in the order they were attached: 001-NAME, 002-…
        let Some(i) = n
            .as_deref()
            .and_then(|n| n.get(..3))
            .and_then(|d| d.parse::<usize>().ok())
            .filter(|&i| i >= 1 && i <= attachments)
        else {
            continue;
        };
        let bytes = std::fs::read(&p).map_err(|e| {
            CliError(format!(
                "cannot read {}: {}",
                p.display(),
                super::run::plain(&e)
            ))
        })?;
        out.push((i - 1, bytes));
    }
    Ok(out)
}

/// Reads an export, refusing another kind of file or a later version.
fn read_export(path: &Path) -> Result<Export, CliError> {
    let label = path.display();
    let bytes = crate::input::read(path, crate::input::Kind::Export).map_err(CliError)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        CliError(format!(
            "{label}:{}:{}: not a session export (invalid JSON) — give a file written by `runbook export`",
            e.line(),
            e.column().max(1)
        ))
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(CliError(format!(
            "{label} is not a session export — give a file written by `runbook export`"
        )));
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if version.is_some_and(|v| v < u64::from(VERSION)) {
        return Err(CliError(format!(
            "{label}: export format {} does not exist — export it again with `runbook export`",
            version.unwrap_or_default()
        )));
    }
    if version.is_none_or(|v| v > u64::from(VERSION)) {
        return Err(CliError(format!(
            "{label} is export format {} and this runbook reads format {VERSION} — update runbook to import it",
            version.map_or("unknown".into(), |v| v.to_string())
        )));
    }
    // serde's message may quote a value from the file: only the place is said.
    let doc: Export = serde_json::from_slice(&bytes).map_err(|e| {
        CliError(format!(
            "{label}:{}:{}: damaged session export (a value of the wrong kind, missing or unknown) — export it again",
            e.line(),
            e.column().max(1)
        ))
    })?;
    if !doc.originals && !doc.files.is_empty() {
        return Err(CliError(format!(
            "{label}: the export says it holds no originals, yet it carries {} evidence file(s) — export it again",
            doc.files.len()
        )));
    }
    // Every event must round-trip: a field the journal does not know is tampering.
    let events = value.get("events").and_then(serde_json::Value::as_array);
    for (i, (raw, event)) in events.into_iter().flatten().zip(&doc.events).enumerate() {
        if serde_json::to_value(event).ok().as_ref() != Some(raw) {
            return Err(CliError(format!(
                "{label}: event {} holds a key no runbook writes — export it again",
                i + 1
            )));
        }
    }
    Ok(doc)
}

/// `runbook import FILE`: a new local session with the exported timeline.
pub fn import(places: &Places, path: &Path) -> Result<ExitCode, CliError> {
    let doc = read_export(path)?;
    let label = path.display().to_string();
    let loaded = Loaded::from_text(doc.runbook_text.clone(), Path::new(&label))
        .map_err(|d| diagnostics_error(&d))?;
    if doc.runbook != loaded.runbook.id {
        return Err(CliError(format!(
            "{label}: the export names runbook {:?}, but the runbook text it carries is {:?} — export it again",
            doc.runbook, loaded.runbook.id
        )));
    }
    // Replayed through the machine: what it would refuse, import refuses.
    let mut session = machine::verify::replay_checked(&doc.events, &loaded.runbook, !doc.originals)
        .map_err(|r| {
            CliError(format!(
                "{label}: event {}: {} — the export was changed after it was written; export it again",
                r.event, r.message
            ))
        })?;
    let attachments = doc
        .events
        .iter()
        .filter(|e| matches!(e.what, What::Attached { .. }))
        .count();
    if doc.files.iter().any(|f| f.attachment >= attachments) {
        return Err(CliError(format!(
            "{label}: an evidence file names an attachment the timeline does not have — export it again"
        )));
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut originals = std::collections::HashMap::new();
    for f in &doc.files {
        let bytes = b64
            .decode(&f.base64)
            .map_err(|e| CliError(format!("{label}: damaged evidence file: {e}")))?;
        originals.insert(f.attachment, bytes);
    }
    let store = places.store()?;
    let now = chrono::Local::now().fixed_offset();
    let mut open = store.create(now, &doc.runbook_text)?;
    let new_id = open.id.clone();
    let mut events = doc.events.clone();
    if let Some(What::Started { session, .. }) = events.first_mut().map(|e| &mut e.what) {
        session.clone_from(&open.id);
    }
    // Each attachment's bytes: the original when the export carries it, else its text.
    let bytes: Vec<(String, Vec<u8>)> = events
        .iter()
        .filter_map(|e| match &e.what {
            What::Attached { name, text, .. } => Some((name.clone(), text)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (name, text))| {
            let b = originals
                .remove(&i)
                .unwrap_or_else(|| text.as_bytes().to_vec());
            (name, b)
        })
        .collect();
    let files: Vec<effects::File<'_>> = bytes
        .iter()
        .map(|(name, bytes)| effects::File { name, bytes })
        .collect();
    // An import that fails part-way is dropped unpublished: nothing stays.
    effects::record(&mut open, &events, &files).map_err(CliError)?;
    session.id.clone_from(&new_id);
    let operator = places.settings().operator_name();
    let continues = session.state == State::Open;
    if continues {
        let note = format!(
            "imported from session {} (exported by {} at {}, {})",
            doc.session,
            doc.exported_by,
            doc.exported_at,
            if doc.originals {
                "with originals"
            } else {
                "redacted"
            }
        );
        let msgs = vec![
            Msg::SetOperator {
                name: operator.clone(),
            },
            Msg::Note { text: note },
        ];
        effects::execute(&mut session, &loaded.runbook, &mut open, msgs, &[], now)
            .map_err(|f| CliError(f.message().to_string()))?;
    }
    open.publish()?;
    // The export's own words (its session id, its path) are not ours to trust.
    println!(
        "{}",
        crate::headless::safe_to_print(&format!(
            "imported session {} from {label} as session {new_id} ({} events, {})",
            doc.session,
            doc.events.len(),
            if doc.originals {
                "with originals"
            } else {
                "redacted"
            }
        ))
    );
    if continues {
        println!(
            "{}",
            crate::headless::safe_to_print(&format!(
                "{operator} continues it: `runbook resume {new_id}`"
            ))
        );
    } else {
        println!(
            "it is {}: review it or report on it; it cannot be continued",
            session.state.name()
        );
    }
    Ok(ExitCode::SUCCESS)
}
