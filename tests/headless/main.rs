//! The headless commands through the real binary: run, check, sessions,
//! runbooks, validate, completions, config, attach, export, import, forget;
//! sessions on disk and their journal.

mod attach;
mod config;
mod forget;
mod handover;
mod hostile;
mod improvements;
mod journal;
mod open;
mod report;
mod run;
#[path = "../support/mod.rs"]
mod support;
mod validate;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A private home for sessions, removed when the test ends.
pub struct Home(pub tempfile::TempDir);

impl Home {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Home(tempfile::tempdir().expect("temporary folder"))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    pub fn runbook(&self, args: &[&str]) -> Output {
        self.runbook_env(args, &[])
    }

    pub fn runbook_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_runbook"));
        cmd.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_HOME", self.path())
            .env_remove("RUNBOOK_TEST_CRASH_AFTER_RECORDS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("runbook runs")
    }

    /// The binary with `input` on its stdin.
    pub fn runbook_stdin(&self, args: &[&str], input: &[u8], env: &[(&str, &str)]) -> Output {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_runbook"));
        cmd.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_HOME", self.path())
            .env_remove("RUNBOOK_TEST_CRASH_AFTER_RECORDS")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("runbook starts");
        // A command that refuses before reading stdin closes it: not a failure here.
        let _ = child.stdin.take().unwrap().write_all(input);
        child.wait_with_output().expect("runbook finishes")
    }

    pub fn store(&self) -> runbook::store::Store {
        runbook::store::Store::new(runbook::store::Home::at(self.path()))
    }

    /// Writes a file under the home (settings, evidence, answers).
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn sessions(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.path().join("sessions")) {
            Ok(d) => d.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Everything the command said, for a failed expectation.
pub fn show(out: &Output) -> String {
    format!(
        "status: {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

pub fn answers(name: &str) -> String {
    format!("tests/answers/{name}.yaml")
}

/// `run --format json` of an answers file: the verdict document and the exit code.
pub fn run_json(home: &Home, name: &str) -> (serde_json::Value, Option<i32>) {
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        &answers(name),
        "--format",
        "json",
    ]);
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}\n{}", show(&out)));
    (doc, out.status.code())
}
