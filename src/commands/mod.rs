//! The headless commands over runbooks and sessions: `run`, `check`,
//! `report`, `runbooks`, `sessions`, `validate`, `completions`, `config`,
//! `attach`, `export`, `import`, `forget`, `review`, `improvements`. They read files and
//! write stdout; the machine they drive stays pure.

pub mod answers;
mod around;
pub mod attach;
mod config;
mod confirm;
mod forget;
mod handover;
mod improvements;
mod lists;
mod report;
pub mod review;
mod run;
mod verdict;
pub mod walk;

use std::path::{Path, PathBuf};

pub use attach::attach;
pub use config::config;
pub use forget::forget;
pub use handover::{export, import};
pub use improvements::improvements;
pub use lists::{completions, man, rules, runbooks, sessions, validate};
pub use report::report;
pub use run::{check, run};

use crate::headless::CliError;
use crate::runbook::{Diagnostic, Library};
use crate::store::{Home, Store};

/// Where the commands find sessions and runbooks.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// `--home DIR`.
    pub home: Option<PathBuf>,
    /// `--runbooks DIR`.
    pub runbooks: Option<PathBuf>,
}

impl Places {
    pub fn home(&self) -> Result<Home, CliError> {
        Home::resolve(self.home.as_deref()).map_err(CliError::from)
    }

    pub fn store(&self) -> Result<Store, CliError> {
        Ok(Store::new(self.home()?))
    }

    /// The folders whose runbooks add to or override the built-in ones.
    pub fn runbook_folders(&self) -> Result<Vec<PathBuf>, CliError> {
        let mut folders = Vec::new();
        let user = self.home()?.runbooks();
        if user.is_dir() {
            folders.push(user);
        }
        if let Some(dir) = &self.runbooks {
            if !dir.is_dir() {
                return Err(CliError(format!(
                    "--runbooks {}: no such folder — give a folder of runbook files",
                    dir.display()
                )));
            }
            folders.push(dir.clone());
        }
        Ok(folders)
    }

    /// The site settings; problems are said on stderr and the rest applies.
    pub fn settings(&self) -> crate::config::Settings {
        match self.home() {
            Ok(home) => {
                let loaded = crate::config::load(&home);
                loaded.warn();
                loaded.settings
            }
            Err(_) => crate::config::Settings::default(),
        }
    }

    pub fn library(&self) -> Result<Library, CliError> {
        Library::load(&self.runbook_folders()?).map_err(|d| diagnostics_error(&d))
    }
}

/// Several diagnostics as one error: the first on the line, the rest after it.
pub fn diagnostics_error(d: &[Diagnostic]) -> CliError {
    let lines: Vec<String> = d.iter().map(ToString::to_string).collect();
    CliError(lines.join("\nrunbook: "))
}

/// A path relative to a file's folder (answers files name evidence beside them).
fn beside(file: &Path, path: &str) -> PathBuf {
    let p = Path::new(path);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        file.parent().unwrap_or(Path::new(".")).join(p)
    }
}
