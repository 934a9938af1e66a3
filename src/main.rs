//! The `runbook` binary: parse the command line, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use runbook::cli::{Cli, Command};
use runbook::headless;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Some(Command::Redact {
            file,
            findings,
            terms,
        }) => headless::redact(file.as_ref(), findings, &terms),
        Some(Command::Scan {
            files,
            profile,
            format,
        }) => headless::scan(&files, profile, format),
        None => {
            eprintln!("runbook: name a command; `runbook --help` lists them");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("runbook: {e}");
            ExitCode::from(2)
        }
    }
}
