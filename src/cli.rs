//! Command-line definitions: every command and flag, with its help, in one place.

use std::path::PathBuf;

use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The version line: the release, the commit it was built from and how many
/// redaction rules it carries, so a report of a miss names what missed it.
pub fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (commit {}, {} redaction rules)",
            env!("CARGO_PKG_VERSION"),
            env!("RUNBOOK_COMMIT"),
            crate::redact::rules().len()
        )
    })
}

/// The whole command line with its version line: what parses arguments,
/// and what the man pages and completions are rendered from.
pub fn command() -> clap::Command {
    Cli::command().version(version())
}

impl Cli {
    /// Parses the process's arguments through [`command`].
    pub fn parse_args() -> Result<Cli, clap::Error> {
        let matches = command().try_get_matches()?;
        Cli::from_arg_matches(&matches)
    }
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for a CodeCanyon support message or a ticket.
    #[default]
    Md,
    /// Plain text, for an email or a chat.
    Text,
    /// JSON, for scripts (its shape is in the README).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    /// Markdown: the figures, the incident's redacted timeline and the review's answers.
    Md,
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
    /// Print the redacted report of a session (DRAFT when unfinished); exit 3 if the leak gate blocks it.
    Report {
        /// Session id (see `runbook sessions`).
        session: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Keep long evidence whole instead of its first and last lines.
        #[arg(long)]
        full: bool,
        /// Write the report to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Copy the report to the clipboard (native, else OSC 52, else a file) instead of stdout.
        #[arg(long)]
        copy: bool,
    },
    /// Review a finished or abandoned session in the terminal UI; --format md prints the review document (exit 3 if the leak gate blocks it).
    Review {
        /// Session id of the incident (see `runbook sessions`).
        session: String,
        /// Print the review document instead of opening the review.
        #[arg(long, value_enum)]
        format: Option<ReviewFormat>,
    },
    /// List the runbook improvements noted in reviews: runbook, step, note, author, date.
    Improvements {
        #[arg(long, value_enum, default_value = "text")]
        format: VerdictFormat,
    },
    /// List the runbooks: id, title, and where each comes from.
    Runbooks,
    /// List the redaction rules: id, categories, kinds, what each reads, and its examples.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: VerdictFormat,
    },
    /// List the sessions: id, runbook, started, state, verdict, age (since the last event), size.
    Sessions,
    /// Check runbook files (a PATH may be a folder); none: every runbook known. Exit 1 when invalid.
    Validate { paths: Vec<PathBuf> },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages (runbook.1 and one per command) into DIR.
    Man {
        /// The folder to write them in; made when missing.
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
    },
    /// Show the settings file's path and each setting; --init writes a commented example.
    Config {
        /// Write a commented example settings file.
        #[arg(long)]
        init: bool,
        /// With --init: replace an existing settings file.
        #[arg(long, requires = "init")]
        force: bool,
    },
    /// Add evidence to a session from FILE or stdin (`tail -n 500 debug.log | runbook attach S -`).
    Attach {
        /// Session id (see `runbook sessions`).
        session: String,
        /// File to attach; stdin when absent or "-".
        file: Option<PathBuf>,
        /// The files field to attach to (default: the runbook's first one).
        #[arg(long, value_name = "FIELD")]
        field: Option<String>,
        /// Keep only log lines within DURATION of the error timestamp (e.g. 10m, 90s, 2h).
        #[arg(long, value_name = "DURATION")]
        around: Option<String>,
    },
    /// Write a session to one file another operator can `runbook import` (redacted unless --with-originals).
    Export {
        /// Session id (see `runbook sessions`).
        session: String,
        /// Where to write it (default: runbook-SESSION.json in the current folder).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Include the unredacted answers and evidence files (asks first).
        #[arg(long)]
        with_originals: bool,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Continue a session exported by another operator, as a new local session.
    Import {
        /// A file written by `runbook export`.
        file: PathBuf,
    },
    /// Delete sessions, their evidence copies and originals, for good (asks first).
    Forget {
        /// Session id (see `runbook sessions`).
        #[arg(required_unless_present = "older_than", conflicts_with = "older_than")]
        session: Option<String>,
        /// Every session whose last event is more than DAYS days old.
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
}
