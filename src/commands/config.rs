//! `runbook config [--init [--force]]`: where the settings file is and what
//! it sets; or a commented example to start from.

use std::process::ExitCode;

use super::Places;
use super::lists::write_out;
use crate::config;
use crate::headless::CliError;

pub fn config(places: &Places, init: bool, force: bool) -> Result<ExitCode, CliError> {
    let home = places.home()?;
    let path = config::path(&home);
    if init {
        if path.exists() && !force {
            return Err(CliError(format!(
                "{} already exists — edit it, or pass --force to replace it with the example (its settings are lost)",
                path.display()
            )));
        }
        crate::store::write_private_in_own_folder(&path, config::EXAMPLE.as_bytes())?;
        eprintln!(
            "runbook: wrote a commented example to {} — uncomment the settings you need",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = config::load(&home);
    loaded.warn();
    let mut out = format!("settings file: {}", path.display());
    if !loaded.exists {
        out.push_str(" (none yet — `runbook config --init` writes a commented example)");
    }
    out.push('\n');
    let shown = loaded.settings.shown();
    let width = shown.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in shown {
        out.push_str(&format!("  {key:<width$}  {value}\n"));
    }
    if !loaded.problems.is_empty() {
        out.push_str(&format!(
            "{} problem(s) in the file, ignored (see above)\n",
            loaded.problems.len()
        ));
    }
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}
