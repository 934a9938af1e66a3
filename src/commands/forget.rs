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
    let (list, problems) = store.list()?;
    // Each chosen session: its id, and how the confirmation describes it.
    let mut chosen: Vec<(String, String)> = match (id, older_than) {
        (Some(id), _) => match store.read(id) {
            Ok(_) => list
                .iter()
                .filter(|s| s.id == id)
                .map(|s| (s.id.clone(), describe(s, now)))
                .collect(),
            // A folder that does not load is still deleted on request.
            Err(e) if store.exists(id) => {
                vec![(id.to_string(), format!("  {id}  cannot be read: {e}\n"))]
            }
            Err(e) => return Err(e.into()),
        },
        (None, Some(days)) => {
            for p in &problems {
                eprintln!("runbook: warning: {p} — left as it is; `runbook forget ID` deletes it");
            }
            let limit = chrono::Duration::days(i64::from(days));
            list.iter()
                .filter(|s| now - s.last > limit)
                .map(|s| (s.id.clone(), describe(s, now)))
                .collect()
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
    let mut unreadable = Vec::new();
    chosen.retain(|(s, _)| match store.in_use(s) {
        Ok(false) => true,
        Ok(true) => {
            busy.push(format!(
                "session {s} is open in a running runbook — quit it there first; it is kept"
            ));
            false
        }
        Err(e) => {
            unreadable.push(format!("session {s} is kept: {}", e.0));
            false
        }
    });
    // A session that cannot be checked is an error (exit 2); one open in a
    // running program is kept, as the README says (exit 1).
    if id.is_some()
        && let Some(msg) = unreadable.first()
    {
        return Err(CliError(msg.clone()));
    }
    for msg in busy.into_iter().chain(unreadable) {
        eprintln!("runbook: {msg}");
        kept_open = true;
    }
    if chosen.is_empty() {
        return Ok(ExitCode::from(1));
    }
    let mut what = String::from(
        "These sessions will be deleted for good, with their evidence copies, originals and inboxes:\n",
    );
    for (_, line) in &chosen {
        what.push_str(line);
    }
    let question = format!("Delete {} session(s)?", chosen.len());
    if !confirm(&what, &question, yes)? {
        eprintln!("runbook: nothing deleted");
        return Ok(ExitCode::from(1));
    }
    for (s, _) in &chosen {
        match store.forget(s) {
            Ok(gone) => {
                let paths: Vec<String> = gone
                    .removed
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                println!(
                    "forgot session {s} ({}): removed {}",
                    human_size(gone.bytes),
                    paths.join(" and the link ")
                );
            }
            Err(e) if id.is_none() => {
                eprintln!("runbook: {e}");
                kept_open = true;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(if kept_open {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
