//! Long fields in the operator's own editor: the terminal is handed over,
//! the editor runs on a private temporary file, and the screen comes back.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicU32, Ordering};

use super::terminal::Tui;

/// What came back from the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// Saved text. One trailing newline the editor added is removed.
    Text(String),
    /// The editor exited with a failure status (`:cq` in vi): keep the old text.
    Cancelled,
}

impl Tui {
    /// Opens `text` in `$VISUAL`, else `$EDITOR`, else `vi`, on a file created
    /// 0600 in `dir` (the session folder, so a draft never lands in a shared
    /// place), and returns the saved text. The file is removed afterwards,
    /// and the terminal is taken back even when the editor could not start.
    pub fn edit_in_editor(&mut self, text: &str, dir: &Path) -> io::Result<Edited> {
        // A text file ends with a newline: without one, a line the editor
        // appends would be glued to the last (`echo more >> FILE`).
        let file_text = if text.is_empty() || text.ends_with('\n') {
            text.to_string()
        } else {
            format!("{text}\n")
        };
        let path = create_private_file(dir, &file_text)?;
        let result = self.run_editor(&path);
        let read = result.and_then(|status| {
            if status.success() {
                fs::read_to_string(&path)
                    .map(|saved| Edited::Text(strip_added_newline(text, saved)))
            } else {
                Ok(Edited::Cancelled)
            }
        });
        let _ = fs::remove_file(&path);
        read
    }

    fn run_editor(&mut self, path: &Path) -> io::Result<ExitStatus> {
        self.suspend()?;
        let status = editor_command(&editor_from_env(), path).status();
        let resumed = self.resume();
        let status = status
            .map_err(|e| io::Error::new(e.kind(), format!("cannot start the editor: {e}")))?;
        resumed?;
        Ok(status)
    }
}

fn editor_from_env() -> OsString {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor through the shell, as git does, so `EDITOR="code --wait"` works.
#[cfg(unix)]
fn editor_command(editor: &OsString, path: &Path) -> Command {
    let mut script = editor.clone();
    script.push(" \"$@\"");
    let mut command = Command::new("sh");
    command.arg("-c").arg(script).arg("sh").arg(path);
    command
}

#[cfg(not(unix))]
fn editor_command(editor: &OsString, path: &Path) -> Command {
    let editor = editor.to_string_lossy();
    let mut words = editor.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or("notepad"));
    command.args(words).arg(path);
    command
}

/// The file was given, and editors keep, a newline after the last line that
/// the field did not have: it is taken off again.
fn strip_added_newline(before: &str, mut after: String) -> String {
    if !before.ends_with('\n') && after.ends_with('\n') {
        after.pop();
        if after.ends_with('\r') {
            after.pop();
        }
    }
    after
}

fn create_private_file(dir: &Path, text: &str) -> io::Result<PathBuf> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".runbook-edit-{}-{n}.txt", std::process::id()));
        match open_new_private(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Creates a file only the operator can read, failing if it exists (never
/// follows a planted link).
pub(crate) fn open_new_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newline_the_editor_added_is_removed() {
        assert_eq!(strip_added_newline("a", "a b\n".into()), "a b");
        assert_eq!(strip_added_newline("a", "a b\r\n".into()), "a b");
        assert_eq!(strip_added_newline("a\n", "a b\n".into()), "a b\n");
        assert_eq!(strip_added_newline("a", "a\n\n".into()), "a\n");
        assert_eq!(strip_added_newline("", "".into()), "");
    }

    #[test]
    fn the_scratch_file_is_private_and_never_reused() {
        let dir = std::env::temp_dir().join(format!("runbook-editor-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let first = create_private_file(&dir, "secret draft").unwrap();
        let second = create_private_file(&dir, "other").unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(&first).unwrap(), "secret draft");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&first).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(
            open_new_private(&first).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_command_passes_the_path_as_one_argument() {
        let dir = std::env::temp_dir().join(format!("runbook editor {}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = create_private_file(&dir, "before").unwrap();
        // An "editor" with its own argument, writing to a path with spaces.
        let status = editor_command(&"sed -i s/before/after/".into(), &path)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(fs::read_to_string(&path).unwrap(), "after");
        fs::remove_dir_all(&dir).unwrap();
    }
}
