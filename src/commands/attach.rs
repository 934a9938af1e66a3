//! `runbook attach SESSION [FILE|-]`: evidence from the shell, into a session
//! that may be open in a terminal UI at the same moment.
//!
//! When no other process has the session open, the evidence goes through the
//! machine and into the journal here. When one does (it holds the lock, and
//! only the lock holder writes the journal), the evidence waits in the
//! session's inbox and that process applies it with [`apply_inbox`].

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::around;
use super::{Places, diagnostics_error};
use crate::effects;
use crate::headless::CliError;
use crate::machine::{self, Effect, Session, Stamp, State};
use crate::runbook::{FieldType, Loaded, Runbook};
use crate::store::{InboxItem, OpenSession, Store};

/// What became of one inbox item.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    /// Attached under this name; the machine's effects (persisted already).
    Attached {
        field: String,
        name: String,
        effects: Vec<Effect>,
    },
    /// The session refused it (set aside in the inbox); why.
    Refused { name: String, why: String },
}

/// Applies the items waiting in an open session's inbox, oldest first: each
/// through the machine, its evidence copied and its events journaled before
/// it leaves the inbox. For the terminal UI on each tick and on resume, and
/// for headless commands that open a session.
pub fn apply_inbox(
    store: &Store,
    open: &mut OpenSession,
    session: &mut Session,
    runbook: &Runbook,
    now: Stamp,
) -> Result<Vec<Applied>, CliError> {
    let items = store.drain_inbox(open)?;
    let mut out = Vec::new();
    for item in items {
        out.push(apply_item(open, session, runbook, &item, now)?);
    }
    Ok(out)
}

fn apply_item(
    open: &mut OpenSession,
    session: &mut Session,
    runbook: &Runbook,
    item: &InboxItem,
    now: Stamp,
) -> Result<Applied, CliError> {
    let name = session.unique_evidence_name(&item.field, &item.name);
    let msgs = effects::inbox_messages(session, item, &name);
    let file = effects::File {
        name: &name,
        bytes: &item.bytes,
    };
    match effects::execute(session, runbook, open, msgs, &[file], now) {
        Ok(effects) => {
            open.inbox_done(item)?;
            Ok(Applied::Attached {
                field: item.field.clone(),
                name,
                effects,
            })
        }
        Err(effects::Failure::Refused { rejected, .. }) => {
            open.inbox_refused(item)?;
            Ok(Applied::Refused {
                name,
                why: rejected.message,
            })
        }
        // The item stays in the inbox; the executor removed the copy.
        Err(effects::Failure::NotSaved(e)) => Err(CliError(format!(
            "{e} — {name} waits in the session's inbox and is attached at the next attach or resume, once there is space"
        ))),
    }
}

/// The field evidence goes to: the one named, else the runbook's first files field.
fn files_field(rb: &Runbook, named: Option<&str>) -> Result<String, CliError> {
    let files: Vec<&str> = rb
        .fields
        .iter()
        .filter(|f| f.kind == FieldType::Paths)
        .map(|f| f.id.as_str())
        .collect();
    match named {
        Some(f) if files.contains(&f) => Ok(f.to_string()),
        Some(f) => {
            let why = if rb.field(f).is_some() {
                "that field does not take files"
            } else {
                "no such field in this runbook"
            };
            let fix = if files.is_empty() {
                format!("runbook {} has no files field to attach to", rb.id)
            } else {
                format!("attach to {}", files.join(", "))
            };
            Err(CliError(format!("--field {f}: {why} — {fix}")))
        }
        None => files.first().map(|f| f.to_string()).ok_or_else(|| {
            CliError(format!(
                "runbook {} has no files field, so evidence cannot be attached to its sessions",
                rb.id
            ))
        }),
    }
}

/// The input's bytes and the name it is attached under.
fn read_input(file: Option<&Path>) -> Result<(Vec<u8>, String), CliError> {
    match file.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            let bytes = crate::input::read(p, crate::input::Kind::Evidence).map_err(CliError)?;
            let name = p
                .file_name()
                .map_or_else(|| "evidence".into(), |n| n.to_string_lossy().into_owned());
            Ok((bytes, name))
        }
        None => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                return Err(CliError(
                    "stdin is a terminal — pipe the evidence in (`tail -n 500 debug.log | runbook attach SESSION -`) or name a file".into(),
                ));
            }
            let limit = crate::input::Kind::Evidence.limit();
            let bytes = crate::input::read_at_most(stdin.lock(), limit).map_err(|e| match e {
                crate::input::Overflow::Io(e) => CliError(format!("cannot read stdin: {e}")),
                crate::input::Overflow::TooBig(_) => CliError(format!(
                    "stdin gave more than {} MiB, the largest evidence — pipe the lines around the error, or raise the limit with {}=MB",
                    limit >> 20,
                    crate::input::EVIDENCE_LIMIT_VAR
                )),
            })?;
            Ok((bytes, "stdin.log".into()))
        }
    }
}

/// The session's first answered timestamp field (the error time, for --around).
fn error_time(session: &Session, rb: &Runbook) -> Option<(String, Stamp)> {
    rb.fields
        .iter()
        .filter(|f| f.kind == FieldType::Timestamp)
        .find_map(|f| {
            let t = machine::parse_timestamp(session.current(&f.id)?)?;
            Some((f.id.clone(), t))
        })
}

/// `runbook attach SESSION [FILE|-] [--field F] [--around D]`.
pub fn attach(
    places: &Places,
    id: &str,
    file: Option<&PathBuf>,
    field: Option<&str>,
    around_arg: Option<&str>,
) -> Result<ExitCode, CliError> {
    let radius = around_arg
        .map(around::parse_duration)
        .transpose()
        .map_err(CliError)?;
    let store = places.store()?;
    let stored = store.read(id)?;
    let session = stored.session()?;
    let loaded = Loaded::from_text(stored.runbook_text.clone(), &stored.runbook_path)
        .map_err(|d| diagnostics_error(&d))?;
    let rb = &loaded.runbook;
    let ended = (session.state != State::Open).then(|| session.state.name());
    let field = files_field(rb, field)?;
    let (mut bytes, name) = read_input(file.map(PathBuf::as_path))?;
    if bytes.is_empty() {
        return Err(CliError(format!("nothing to attach: {name} is empty")));
    }
    let mut note = None;
    if let Some((encoding, _)) = crate::decode::sniff(&bytes) {
        println!(
            "{}: read as {} (the copy in the session keeps its bytes)",
            crate::report::visible(&name),
            encoding.name()
        );
        // Lines and their times are read in the text, not in its bytes.
        if radius.is_some() {
            bytes = crate::decode::to_utf8(&bytes).0.into_owned();
        }
    }
    if let Some(radius) = radius {
        let (ts_field, center) = error_time(&session, rb).ok_or_else(|| {
            CliError(format!(
                "--around needs the session's error timestamp, and session {id} has none yet — answer it first, or attach without --around"
            ))
        })?;
        let kept =
            around::around(&bytes, center, radius).map_err(|m| CliError(format!("{name}: {m}")))?;
        let said = format!(
            "{name}: kept {} of {} lines, those within {} of {ts_field} {}{}",
            kept.kept,
            kept.total,
            around::describe(radius),
            machine::to_rfc3339(&center),
            if kept.assumed_offset {
                " (times without an offset were read in its offset)"
            } else {
                ""
            }
        );
        println!("{said}");
        note = Some(said);
        bytes = kept.bytes;
    }
    let now = chrono::Local::now().fixed_offset();
    // A refusal (a shut gate, a skipped step) is said now, not found later in the TUI.
    let name = session.unique_evidence_name(&field, &name);
    let item = InboxItem::new(&field, &name, note, bytes);
    let mut trial = session.clone();
    for msg in effects::inbox_messages(&session, &item, &name) {
        machine::update(&mut trial, rb, msg, now).map_err(|r| CliError(r.message))?;
    }
    if let Some(state) = ended {
        println!(
            "session {id} was {state}: reopened to attach {name} — its redaction review is required again, and Finish records the verdict again"
        );
    }
    let Some((mut open, stored)) = store.try_open(id)? else {
        store.post_to_inbox(id, &item)?;
        println!(
            "session {id} is open in another runbook: {name} waits in its inbox and joins the session when that program picks it up (on resume at the latest)"
        );
        return Ok(ExitCode::SUCCESS);
    };
    let mut session = stored.session()?;
    // The inbox first: evidence attached earlier keeps its place in the timeline.
    store.post_to_inbox(id, &item)?;
    for a in apply_inbox(&store, &mut open, &mut session, rb, now)? {
        match a {
            Applied::Attached {
                field,
                name,
                effects,
            } => {
                println!("attached {name} to {field} of session {id}");
                for e in effects {
                    if let Effect::Notice(n) = e {
                        println!("  {n} — review the redaction again");
                    }
                }
            }
            Applied::Refused { name, why } => {
                eprintln!("runbook: warning: {name} was not attached: {why}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
