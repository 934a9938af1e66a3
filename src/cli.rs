//! Command-line definitions: every command and flag, with its help, in one place.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "runbook",
    version,
    about = "Walks an on-call operator through a support or incident runbook to a redacted report.",
    long_about = None,
)]
pub struct Cli {
    /// Keep sessions and settings under DIR (default: RUNBOOK_HOME, else the platform folders).
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Also read runbooks from DIR; one with the same id overrides a built-in runbook.
    #[arg(long, global = true, value_name = "DIR")]
    pub runbooks: Option<PathBuf>,
    /// Leave the mouse to the terminal (text selection without Shift; no wheel scrolling).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum VerdictFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanProfile {
    /// What `redact` removes.
    Standard,
    /// Also high-entropy tokens and any value of a secret-sounding field.
    Strict,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new session of RUNBOOK in the terminal UI (a picker when none is named).
    Start {
        /// Runbook id (see `runbook runbooks`) or path to a runbook file.
        runbook: Option<String>,
    },
    /// Continue a session in the terminal UI (default: the latest unfinished one).
    Resume {
        /// Session id (see `runbook sessions`).
        session: Option<String>,
    },
    /// Redact FILE (or stdin) to stdout: secrets and customer details become placeholders.
    Redact {
        /// File to redact; stdin when absent or "-".
        file: Option<PathBuf>,
        /// Print the findings instead of the text (never the secret values).
        #[arg(long, value_enum)]
        findings: Option<FindingsFormat>,
        /// Also redact this term wherever it appears (repeatable).
        #[arg(long = "term", value_name = "TERM")]
        terms: Vec<String>,
    },
    /// List unredacted secrets in files; exit 1 if any, 0 if clean (for pre-commit and CI).
    Scan {
        /// Files to scan; stdin when none or "-".
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "standard")]
        profile: ScanProfile,
        /// Print the findings as JSON lines.
        #[arg(long, value_enum)]
        format: Option<FindingsFormat>,
    },
    /// Walk RUNBOOK headless from an answers file; save the session and print the verdict (exit 0 PASS, 1 FAIL).
    Run {
        /// Runbook id (see `runbook runbooks`) or path to a runbook file.
        runbook: String,
        /// YAML answers file: `answers:` (field id -> value) and `confirm:` (confirmation ids).
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: VerdictFormat,
    },
    /// Print the acceptance verdict and escalation target of a session (exit 0 PASS, 1 FAIL).
    Check {
        /// Session id (see `runbook sessions`).
        session: String,
        #[arg(long, value_enum, default_value = "text")]
        format: VerdictFormat,
    },
    /// List the runbooks: id, title, and where each comes from.
    Runbooks,
    /// List the sessions: id, runbook, started, state, verdict.
    Sessions,
    /// Check runbook files (a PATH may be a folder); none: every runbook known. Exit 1 when invalid.
    Validate { paths: Vec<PathBuf> },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}
