//! `runbook forget SESSION` / `runbook forget --older-than DAYS`: sessions
//! deleted for good — journal, evidence copies (the originals), inbox — after
//! a confirmation that names each one. A session open in a running program
//! is never deleted under it.

use std::process::ExitCode;

use super::Places;
use super::confirm::{age, confirm, human_size};
use crate::headless::CliError;
use crate::store::Summary;

fn describe(s: &Summary, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    format!(
        "  {}  {}  started {}  {}{}  last event {} ago  {}\n",
        s.id,
        s.runbook,
        s.started
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M %:z"),
        s.state,
        s.verdict
            .as_deref()
            .map_or(String::new(), |v| format!(" {v}")),
        age(now - s.last),
        human_size(s.bytes)
    )
}

/// `runbook forget (SESSION | --older-than DAYS) [--yes]`: exit 0 when every
/// chosen session is gone, 1 when one open elsewhere was kept or the operator said no.
pub fn forget(
    places: &Places,
    id: Option<&str>,
    older_than: Option<u32>,
    yes: bool,
) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let now = chrono::Local::now().fixed_offset();
    let (list, problems) = store.list().map_err(|e| CliError(e.0))?;
    let mut chosen: Vec<Summary> = match (id, older_than) {
        (Some(id), _) => {
            store.read(id).map_err(|e| CliError(e.0))?;
            let s = list.into_iter().find(|s| s.id == id).ok_or_else(|| {
                CliError(format!(
                    "session {id} cannot be read ({}) — remove its folder by hand",
                    problems.join("; ")
                ))
            })?;
            vec![s]
        }
        (None, Some(days)) => {
            for p in &problems {
                eprintln!("runbook: warning: {p} — left as it is");
            }
            let limit = chrono::Duration::days(i64::from(days));
            list.into_iter().filter(|s| now - s.last > limit).collect()
        }
        (None, None) => return Err(CliError("name a session, or pass --older-than DAYS".into())),
    };
    if chosen.is_empty() {
        println!(
            "no session's last event is more than {} days old; nothing to forget",
            older_than.unwrap_or(0)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut kept_open = false;
    let mut busy = Vec::new();
    chosen.retain(|s| match store.in_use(&s.id) {
        Ok(false) => true,
        Ok(true) | Err(_) => {
            busy.push(s.id.clone());
            false
        }
    });
    for b in &busy {
        let msg =
            format!("session {b} is open in a running runbook — quit it there first; it is kept");
        if id.is_some() {
            return Err(CliError(msg));
        }
        eprintln!("runbook: {msg}");
        kept_open = true;
    }
    if chosen.is_empty() {
        return Ok(ExitCode::from(1));
    }
    let mut what = String::from(
        "These sessions will be deleted for good, with their evidence copies, originals and inboxes:\n",
    );
    for s in &chosen {
        what.push_str(&describe(s, now));
    }
    let question = format!("Delete {} session(s)?", chosen.len());
    if !confirm(&what, &question, yes)? {
        eprintln!("runbook: nothing deleted");
        return Ok(ExitCode::from(1));
    }
    for s in &chosen {
        match store.forget(&s.id) {
            Ok(bytes) => println!("forgot session {} ({})", s.id, human_size(bytes)),
            Err(e) if id.is_none() => {
                eprintln!("runbook: {e}");
                kept_open = true;
            }
            Err(e) => return Err(CliError(e.0)),
        }
    }
    Ok(if kept_open {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
