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
    #[command(subcommand)]
    pub command: Option<Command>,
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
}
