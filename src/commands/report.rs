//! `runbook report SESSION`: the redacted report, through the leak gate, to
//! stdout, a file or the clipboard — and always into the session's folder.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Places, diagnostics_error};
use crate::cli::ReportFormat;
use crate::headless::CliError;
use crate::report::{self, Format, Options};
use crate::runbook::Loaded;
use crate::store;

/// Exit status when the leak gate refuses the export.
const BLOCKED: u8 = 3;

fn format_of(f: ReportFormat) -> Format {
    match f {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Text => Format::Text,
        ReportFormat::Json => Format::Json,
    }
}

/// Exit 0 with the report out; 3 when the gate blocks it (nothing is written).
pub fn report(
    places: &Places,
    id: &str,
    format: ReportFormat,
    full: bool,
    out: Option<&Path>,
    copy: bool,
) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let stored = store.read(id)?;
    if let Some(w) = &stored.warning {
        eprintln!("runbook: warning: {w}");
    }
    let session = stored.session()?;
    let loaded = Loaded::from_text(stored.runbook_text, &stored.runbook_path)
        .map_err(|d| diagnostics_error(&d))?;
    let options = Options {
        full,
        contacts: crate::config::load(store.home()).settings.contacts(),
        ..Options::default()
    };
    let now = chrono::Local::now().fixed_offset();
    let built = report::build(&session, &loaded.runbook, &options, now);
    let format = format_of(format);
    let text = match built.export(format) {
        Ok(text) => text,
        Err(blocked) => {
            eprintln!("runbook: {blocked}");
            return Ok(ExitCode::from(BLOCKED));
        }
    };
    let name = format!("report.{}", format.extension());
    // A home the operator may only read still gives the report; the copy
    // in the session is what is lost, and that is said.
    let saved = store.save_output(id, &name, text.as_bytes());
    if let Err(e) = &saved {
        eprintln!(
            "runbook: warning: the report is not saved in the session: {}",
            e.0
        );
    }
    if let Some(out) = out {
        store::write_private(out, text.as_bytes())?;
        eprintln!("Saved to {}.", out.display());
    }
    if copy {
        let fallback = saved
            .clone()
            .unwrap_or_else(|_| store.home().data.join(&name));
        let method =
            crate::clipboard::copy(&text, &fallback).map_err(|e| CliError(e.to_string()))?;
        eprintln!("{}", method.sentence());
    }
    if out.is_none() && !copy {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return Err(CliError(format!("cannot write output: {e}")));
        }
    }
    if built.draft {
        eprintln!("DRAFT: session {id} is {}.", built.state.name());
    }
    let flags: usize = built.imported.iter().map(|n| n.flags.len()).sum();
    if flags > 0 {
        eprintln!(
            "{flags} thing(s) to check about the reports pasted as evidence: see \"Reports found in the evidence\"."
        );
    }
    if let Ok(saved) = saved {
        eprintln!("The report is also in the session: {}", saved.display());
    }
    Ok(ExitCode::SUCCESS)
}
