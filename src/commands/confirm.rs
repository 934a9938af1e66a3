//! Asking before something that cannot be undone, on the terminal only: a
//! script has no one to answer, so it must say `--yes` itself.

use std::io::{BufRead, IsTerminal, Write};

use crate::headless::CliError;

/// Shows `what` and asks `question`; true when the operator types y or yes.
/// Without a terminal, refuses unless `yes` was given.
pub fn confirm(what: &str, question: &str, yes: bool) -> Result<bool, CliError> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        eprint!("{what}");
        return Err(CliError(format!(
            "{question} — there is no terminal to ask on; pass --yes to go ahead without asking"
        )));
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{what}{question} [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| CliError(format!("cannot read the answer: {e}")))?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// `48.2 KB`: sizes as people read them.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// `3d`, `5h`, `12m`, `now`: how long ago.
pub fn age(d: chrono::Duration) -> String {
    let m = d.num_minutes();
    match m {
        _ if m < 1 => "now".into(),
        _ if m < 60 => format!("{m}m"),
        _ if m < 48 * 60 => format!("{}h", m / 60),
        _ => format!("{}d", m / (24 * 60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_ages_read_as_people_say_them() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(49_357), "48.2 KB");
        assert_eq!(human_size(5 * 1024 * 1024), "5.0 MB");
        assert_eq!(age(chrono::Duration::seconds(30)), "now");
        assert_eq!(age(chrono::Duration::minutes(90)), "1h");
        assert_eq!(age(chrono::Duration::days(3)), "3d");
    }
}
