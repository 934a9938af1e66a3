//! `runbook run` walks the machine from an answers file; `runbook check`
//! gives a saved session's verdict.

use std::path::Path;
use std::process::ExitCode;

use super::answers::{self, Answers, Entry, Value};
use super::{Places, beside, diagnostics_error, verdict};
use crate::cli::VerdictFormat;
use crate::config::Settings;
use crate::effects;
use crate::headless::CliError;
use crate::machine::{self, Effect, Event, Msg, Stamp, State, Verdict};
use crate::runbook::{Diagnostic, FieldType, Loaded, Runbook};

/// One evidence file read for a `paths` answer.
struct File {
    field: String,
    name: String,
    bytes: Vec<u8>,
}

/// What the walk produced, before anything touches the disk.
struct Walk {
    events: Vec<Event>,
    files: Vec<File>,
    verdict: Verdict,
}

/// The answers file's operator, else the settings' (which default to the login name).
fn operator(answers: &Answers, settings: &Settings) -> String {
    answers
        .operator
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| settings.operator_name())
}

fn now() -> Stamp {
    chrono::Local::now().fixed_offset()
}

/// `runbook run RUNBOOK --answers FILE`: exit 0 PASS, 1 FAIL, 2 refused (no session left).
pub fn run(
    places: &Places,
    runbook: &str,
    answers_path: &Path,
    format: VerdictFormat,
) -> Result<ExitCode, CliError> {
    let library = places.library()?;
    let loaded = library
        .resolve(runbook)
        .map_err(|d| diagnostics_error(&d))?;
    let label = answers_path.display().to_string();
    let text = crate::input::read_text(answers_path, crate::input::Kind::Answers)
        .map_err(|e| CliError(format!("the answers file: {e}")))?;
    let answers = answers::parse(&text, &label).map_err(|d| CliError(d.to_string()))?;
    if let Some((named, pos)) = &answers.runbook
        && named != &loaded.runbook.id
    {
        // Only a runbook this program knows is named back: the line may hold anything.
        let message = match library.resolve(named) {
            Ok(other) => format!(
                "this answers file is for runbook {:?}, not {:?} — run it with `runbook run {}` or change the line",
                other.runbook.id, loaded.runbook.id, other.runbook.id
            ),
            Err(_) => format!(
                "this answers file names a runbook this program does not know, not {:?} — `runbook runbooks` lists them; change the line",
                loaded.runbook.id
            ),
        };
        return Err(CliError(Diagnostic::new(&label, *pos, message).to_string()));
    }
    let store = places.store()?;
    let settings = places.settings();
    let now = now();
    let walk = walk(
        &loaded.runbook,
        &answers,
        answers_path,
        (&operator(&answers, &settings), &settings.session_setup()),
        now,
    )?;
    let mut open = store.create(now, &loaded.text)?;
    let mut events = walk.events;
    // The id is the store's: the walk ran before the folder existed.
    if let Some(first) = events.first_mut()
        && let machine::What::Started { session, .. } = &mut first.what
    {
        session.clone_from(&open.id);
    }
    // Copies in the order of their attachments, so their numbers follow it.
    let mut files = walk.files.iter();
    let copies: Vec<effects::File<'_>> = events
        .iter()
        .filter_map(|e| match &e.what {
            machine::What::Attached { field, name, .. } => {
                files.find(|f| &f.field == field && &f.name == name)
            }
            _ => None,
        })
        .map(|f| effects::File {
            name: &f.name,
            bytes: &f.bytes,
        })
        .collect();
    effects::record(&mut open, &events, &copies).map_err(CliError)?;
    open.publish()?;
    print(
        &open.id,
        &loaded.runbook.id,
        &walk.verdict,
        format,
        None,
        &settings,
    )
}

fn print(
    session: &str,
    runbook: &str,
    v: &Verdict,
    format: VerdictFormat,
    unfinished: Option<&str>,
    settings: &Settings,
) -> Result<ExitCode, CliError> {
    let out = match format {
        VerdictFormat::Json => verdict::json(session, runbook, v) + "\n",
        VerdictFormat::Text => {
            let send_to = settings.where_to_send(&v.escalation);
            verdict::text(session, runbook, v, unfinished) + &format!("send to: {send_to}\n")
        }
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(CliError(format!("cannot write output: {e}")));
    }
    Ok(if v.pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(super) use crate::input::plain;

/// Applies the answers step by step, in the runbook's order, through the
/// same gates as the terminal UI. Nothing is written: a refusal leaves no trace.
/// Walks the answers through the machine. Every problem in the file is
/// found in one pass: an answer the machine refuses is left out and the
/// walk goes on, so the operator fixes the file once, not once per line.
fn walk(
    rb: &Runbook,
    answers: &Answers,
    path: &Path,
    (operator, setup): (&str, &[Msg]),
    now: Stamp,
) -> Result<Walk, CliError> {
    let label = path.display().to_string();
    let mut problems: Vec<(crate::runbook::Pos, String)> = Vec::new();
    let mut refuse = |pos: crate::runbook::Pos, msg: String| {
        problems.push((pos, Diagnostic::new(&label, pos, msg).to_string()));
    };
    for e in &answers.answers {
        if rb.field(&e.field).is_none() {
            let ids: Vec<&str> = rb.fields.iter().map(|f| f.id.as_str()).collect();
            refuse(
                e.pos,
                format!(
                    "this is not a field of {}{} — use one of: {}",
                    rb.id,
                    did_you_mean(&e.field, &ids),
                    ids.join(", ")
                ),
            );
        }
    }
    for (id, pos) in &answers.confirm {
        if rb.confirmation(id).is_none() {
            let ids: Vec<&str> = rb
                .steps
                .iter()
                .flat_map(|s| s.confirm.iter().map(|c| c.id.as_str()))
                .collect();
            refuse(
                *pos,
                format!(
                    "this is not a confirmation of {}{} — use one of: {}",
                    rb.id,
                    did_you_mean(id, &ids),
                    ids.join(", ")
                ),
            );
        }
    }
    let (mut session, effects) = machine::start("pending", rb, operator, now);
    let mut events = Vec::new();
    let mut files = Vec::new();
    collect(effects, &mut events);
    for msg in setup {
        let effects = machine::update(&mut session, rb, msg.clone(), now)
            .map_err(|r| CliError(format!("settings: {}", r.message)))?;
        collect(effects, &mut events);
    }
    for step in &rb.steps {
        let given: Vec<&Entry> = step.collect.iter().filter_map(|f| answers.get(f)).collect();
        let confirms: Vec<&(String, crate::runbook::Pos)> = answers
            .confirm
            .iter()
            .filter(|(id, _)| step.confirm.iter().any(|c| &c.id == id))
            .collect();
        let Some(first_pos) = given
            .first()
            .map(|e| e.pos)
            .or(confirms.first().map(|c| c.1))
        else {
            continue;
        };
        let mut apply = |msg: Msg, pos, refuse: &mut dyn FnMut(_, String)| -> bool {
            match machine::update(&mut session, rb, msg, now) {
                Ok(effects) => {
                    collect(effects, &mut events);
                    true
                }
                Err(r) => {
                    refuse(pos, r.message);
                    false
                }
            }
        };
        // A step the machine will not open (its gate is shut) is said once.
        if !apply(
            Msg::Enter {
                step: step.id.clone(),
            },
            first_pos,
            &mut refuse,
        ) {
            continue;
        }
        for e in given {
            let kind = rb.field(&e.field).map(|f| f.kind);
            match (&e.value, kind) {
                (Value::List(paths), Some(FieldType::Paths)) => {
                    for p in paths {
                        let file = beside(path, p);
                        let bytes = match crate::input::read(&file, crate::input::Kind::Evidence) {
                            Ok(bytes) => bytes,
                            Err(err) => {
                                refuse(
                                    e.pos,
                                    format!(
                                        "{}: cannot read evidence file: {err} — check the path (relative to the answers file)",
                                        e.field
                                    ),
                                );
                                continue;
                            }
                        };
                        let name = file
                            .file_name()
                            .map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned());
                        let msg = Msg::Attach {
                            field: e.field.clone(),
                            name: name.clone(),
                            text: crate::decode::evidence_text(&bytes).0,
                            bytes: bytes.len() as u64,
                        };
                        if apply(msg, e.pos, &mut refuse) {
                            files.push(File {
                                field: e.field.clone(),
                                name,
                                bytes,
                            });
                        }
                    }
                }
                (Value::Text(_), Some(FieldType::Paths)) => refuse(
                    e.pos,
                    format!("{} takes a list of files — write [path, ...]", e.field),
                ),
                (Value::List(_), _) => refuse(
                    e.pos,
                    format!("{} takes a single value, not a list", e.field),
                ),
                (Value::Text(v), _) => {
                    apply(
                        Msg::Answer {
                            field: e.field.clone(),
                            value: v.clone(),
                        },
                        e.pos,
                        &mut refuse,
                    );
                }
            }
        }
        for (id, pos) in confirms {
            apply(Msg::Confirm { id: id.clone() }, *pos, &mut refuse);
        }
    }
    // In the file's order, as an editor shows them.
    problems.sort_by_key(|(pos, _)| (pos.line, pos.column));
    let problems: Vec<String> = problems.into_iter().map(|(_, text)| text).collect();
    match problems.as_slice() {
        [] => {}
        [one] => return Err(CliError(one.clone())),
        many => {
            return Err(CliError(format!(
                "{} problems in the answers file; nothing was saved:\n{}",
                many.len(),
                many.join("\n")
            )));
        }
    }
    let effects =
        machine::update(&mut session, rb, Msg::Finish, now).map_err(|r| CliError(r.message))?;
    let mut verdict = None;
    for e in effects {
        match e {
            Effect::Persist(ev) => events.push(ev),
            Effect::Finished(v) => verdict = Some(*v),
            _ => {}
        }
    }
    let verdict = verdict.unwrap_or_else(|| machine::verdict(&session, rb));
    Ok(Walk {
        events,
        files,
        verdict,
    })
}

fn collect(effects: Vec<Effect>, events: &mut Vec<Event>) {
    for e in effects {
        if let Effect::Persist(ev) = e {
            events.push(ev);
        }
    }
}

/// ", did you mean X?" when a known name is a typo away from `typed`. What
/// was typed is never repeated: an unknown name may be anything, a pasted
/// secret included, and the position already points at it.
fn did_you_mean(typed: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(typed, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 5))
        .min()
        .map_or(String::new(), |(_, k)| format!(" (did you mean {k}?)"))
}

/// Levenshtein distance by characters, stopping early on long input.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(128).collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `runbook check SESSION`: the verdict of a saved session; an unfinished one fails.
pub fn check(places: &Places, id: &str, format: VerdictFormat) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let stored = store.read(id)?;
    if let Some(w) = &stored.warning {
        eprintln!("runbook: warning: {w}");
    }
    let session = stored.session()?;
    let loaded = Loaded::from_text(stored.runbook_text, &stored.runbook_path)
        .map_err(|d| diagnostics_error(&d))?;
    let mut v = machine::verdict(&session, &loaded.runbook);
    let unfinished = (session.state != State::Finished).then(|| session.state.name());
    if let Some(state) = unfinished {
        v.pass = false;
        v.todo.insert(
            0,
            format!("the session is {state} — resume it and finish the walk"),
        );
    }
    print(
        &session.id,
        &session.runbook,
        &v,
        format,
        unfinished,
        &places.settings(),
    )
}
