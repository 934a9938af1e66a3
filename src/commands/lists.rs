//! `runbook runbooks`, `sessions`, `validate` and `completions`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::Places;
use crate::headless::CliError;
use crate::runbook::{Diagnostic, Library, Loaded, Origin, runbook_files};

pub(super) fn write_out(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The widest a cell of a listing is shown; longer ones end in `…`.
const CELL_MAX: usize = 80;

/// A cell as a listing shows it: control characters as pictures (a title
/// from a file must not drive the terminal) and at most [`CELL_MAX`] characters.
fn cell(text: &str) -> String {
    let shown = crate::report::visible(text).replace('\n', " ");
    if shown.chars().count() <= CELL_MAX {
        return shown;
    }
    let mut cut: String = shown.chars().take(CELL_MAX - 1).collect();
    cut.push('…');
    cut
}

/// Pads columns to the widest cell, so the list reads as a table.
fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let cols = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < cols {
                let pad = widths[c] - cell.chars().count();
                line.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `runbook rules`: every redaction rule, as `gitleaks` and `kingfisher rules list` show theirs.
pub fn rules(format: crate::cli::VerdictFormat) -> Result<ExitCode, CliError> {
    let rules = crate::redact::rules();
    if format == crate::cli::VerdictFormat::Json {
        let json = serde_json::to_string_pretty(&rules)
            .map_err(|e| CliError(format!("cannot write the rules as JSON: {e}")))?;
        write_out(&format!("{json}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let names = |items: Vec<&str>| items.join(",");
    let mut rows = vec![
        ["ID", "CATEGORY", "KINDS", "EXAMPLES", "READS"]
            .map(String::from)
            .to_vec(),
    ];
    for r in &rules {
        let strict = if r.profile == "strict" {
            " (leak gate only)"
        } else {
            ""
        };
        rows.push(vec![
            r.id.to_string(),
            names(r.categories.iter().map(|c| c.name()).collect()),
            names(r.kinds.iter().map(|k| k.name()).collect()),
            format!("{}/{}", r.examples, r.non_examples),
            format!("{}{strict}", r.anchor),
        ]);
    }
    let mut text = table(&rows);
    text.push_str(&format!(
        "{} rules; EXAMPLES counts examples/non-examples, each checked by the test suite\n",
        rules.len()
    ));
    write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `runbook runbooks`: id, title, and where each comes from.
pub fn runbooks(places: &Places) -> Result<ExitCode, CliError> {
    let lib = places.library()?;
    let mut rows = vec![vec!["ID".into(), "TITLE".into(), "SOURCE".into()]];
    for l in lib.all() {
        let source = match &l.origin {
            Origin::Builtin(_) => "built-in".to_string(),
            Origin::File(p) => p.display().to_string(),
        };
        rows.push(vec![l.runbook.id.clone(), l.runbook.title.clone(), source]);
    }
    write_out(&table(&rows))?;
    Ok(ExitCode::SUCCESS)
}

/// `runbook sessions`: id, runbook, started (local time), state, verdict,
/// age (since the last event, as `forget --older-than` counts) and size on disk.
pub fn sessions(places: &Places) -> Result<ExitCode, CliError> {
    let store = places.store()?;
    let (list, problems) = store.list()?;
    for p in problems {
        eprintln!("runbook: warning: {p}");
    }
    if list.is_empty() {
        eprintln!(
            "runbook: no sessions yet under {}",
            store.home().sessions().display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = vec![vec![
        "ID".into(),
        "RUNBOOK".into(),
        "STARTED".into(),
        "AGE".into(),
        "SIZE".into(),
        "STATE".into(),
        "VERDICT".into(),
    ]];
    let now = chrono::Local::now().fixed_offset();
    for s in list {
        let local = s
            .started
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M %:z");
        rows.push(vec![
            s.id,
            s.runbook,
            local.to_string(),
            super::confirm::age(now - s.last),
            super::confirm::human_size(s.bytes),
            s.state,
            s.verdict.unwrap_or_else(|| "-".into()),
        ]);
    }
    write_out(&table(&rows))?;
    Ok(ExitCode::SUCCESS)
}

/// `runbook validate [PATH...]`: 0 when every runbook is valid, 1 otherwise.
pub fn validate(places: &Places, paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut count = 0;
    if paths.is_empty() {
        count = match Library::load(&places.runbook_folders()?) {
            Ok(lib) => lib.all().len(),
            Err(d) => {
                problems = d;
                0
            }
        };
    } else {
        // Related runbooks may be built-in, in the user's folders, or among the files given.
        let mut lib = places
            .library()
            .unwrap_or_else(|_| Library::builtin().unwrap_or_default());
        let mut given = Vec::new();
        for p in paths {
            let files = match runbook_files(p) {
                Ok(f) => f,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            for f in files {
                count += 1;
                match Loaded::from_file(&f) {
                    Ok(l) => {
                        given.push(l.origin.clone());
                        lib.insert(l);
                    }
                    Err(mut d) => problems.append(&mut d),
                }
            }
        }
        problems.extend(
            lib.unknown_references()
                .into_iter()
                .filter(|d| given.iter().any(|o| o.label() == d.file)),
        );
    }
    if problems.is_empty() {
        eprintln!("runbook: {count} runbook(s) valid");
        return Ok(ExitCode::SUCCESS);
    }
    let text: String = problems.iter().map(|d| format!("{d}\n")).collect();
    write_out(&text)?;
    eprintln!("runbook: {} problem(s) found", problems.len());
    Ok(ExitCode::from(1))
}

/// `runbook completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, CliError> {
    let mut cmd = crate::cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "runbook", &mut buf);
    write_out(&String::from_utf8_lossy(&buf))?;
    Ok(ExitCode::SUCCESS)
}

/// `runbook man --dir DIR`: runbook.1 and runbook-COMMAND.1 for each command,
/// rendered from the same definitions as `--help`.
pub fn man(dir: &std::path::Path) -> Result<ExitCode, CliError> {
    std::fs::create_dir_all(dir).map_err(|e| CliError::io("create", dir, &e))?;
    clap_mangen::generate_to(crate::cli::command(), dir)
        .map_err(|e| CliError::io("write man pages in", dir, &e))?;
    eprintln!("man pages written to {}", dir.display());
    Ok(ExitCode::SUCCESS)
}
