//! The `runbook` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::Write;
use std::process::ExitCode;

use runbook::cli::{Cli, Command};
use runbook::commands::{self, Places};
use runbook::headless;

fn main() -> ExitCode {
    // The detached process that keeps copied text on the clipboard after the
    // command that copied it has exited (X11 and Wayland lose it otherwise).
    if runbook::clipboard::serve_if_requested() {
        return ExitCode::SUCCESS;
    }
    let cli = match Cli::parse_args() {
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
    let places = Places {
        home: cli.home.clone(),
        runbooks: cli.runbooks.clone(),
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
        Some(Command::Run {
            runbook,
            answers,
            format,
        }) => commands::run(&places, &runbook, &answers, format),
        Some(Command::Check { session, format }) => commands::check(&places, &session, format),
        Some(Command::Report {
            session,
            format,
            full,
            out,
            copy,
        }) => commands::report(&places, &session, format, full, out.as_deref(), copy),
        Some(Command::Review { session, format }) => match format {
            Some(_) => commands::review::document(&places, &session),
            None => commands::walk::review(&places, &session, !cli.no_mouse),
        },
        Some(Command::Improvements { format }) => commands::improvements(&places, format),
        Some(Command::Runbooks) => commands::runbooks(&places),
        Some(Command::Rules { format }) => commands::rules(format),
        Some(Command::Sessions) => commands::sessions(&places),
        Some(Command::Validate { paths }) => commands::validate(&places, &paths),
        Some(Command::Completions { shell }) => commands::completions(shell),
        Some(Command::Man { dir }) => commands::man(&dir),
        Some(Command::Config { init, force }) => commands::config(&places, init, force),
        Some(Command::Attach {
            session,
            file,
            field,
            around,
        }) => commands::attach(
            &places,
            &session,
            file.as_ref(),
            field.as_deref(),
            around.as_deref(),
        ),
        Some(Command::Export {
            session,
            out,
            with_originals,
            yes,
        }) => commands::export(&places, &session, out.as_deref(), with_originals, yes),
        Some(Command::Import { file }) => commands::import(&places, &file),
        Some(Command::Forget {
            session,
            older_than,
            yes,
        }) => commands::forget(&places, session.as_deref(), older_than, yes),
        Some(Command::Start { runbook }) => {
            commands::walk::start(&places, runbook.as_deref(), !cli.no_mouse)
        }
        Some(Command::Resume { session }) => {
            commands::walk::resume(&places, session.as_deref(), !cli.no_mouse)
        }
        None => commands::walk::default(&places, !cli.no_mouse),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let said = headless::safe_to_print(&e.to_string());
            let _ = writeln!(std::io::stderr(), "runbook: {said}");
            ExitCode::from(2)
        }
    }
}
