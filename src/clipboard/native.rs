//! The native clipboard, and the helper process that keeps a Linux
//! clipboard's text available after `runbook` exits.
//!
//! On X11 and Wayland the program that copied must answer every later paste,
//! so the text would vanish with `runbook`. Instead `runbook` starts itself
//! again as a helper (marked by [`SERVE_ENV`]), in its own process group so
//! Ctrl-C and a closed terminal do not reach it, and pipes it the text — never
//! as an argument, where other users could read it. The helper takes the
//! clipboard, reports `ok` on its stdout, and serves pastes until another
//! program takes the clipboard; then it exits.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::{Backends, NativeClipboard};

/// Set in the helper's environment; [`serve_if_requested`] looks for it.
pub const SERVE_ENV: &str = "RUNBOOK_CLIPBOARD_SERVE";

/// How long the helper may take to own the clipboard (a forwarded X display
/// over a slow link is the slow case).
const HELPER_TIMEOUT: Duration = Duration::from_secs(3);

/// The clipboard helper's entry point. `main` must call it first, before
/// parsing arguments:
///
/// ```no_run
/// # use std::process::ExitCode;
/// fn main() -> ExitCode {
///     if runbook::clipboard::serve_if_requested() {
///         return ExitCode::SUCCESS;
///     }
///     // ... the program as usual
/// #   ExitCode::SUCCESS
/// }
/// ```
///
/// Returns false at once in a normal run. In the helper it holds the text
/// piped on stdin on the clipboard until another program replaces it, then
/// returns true, and `main` exits.
pub fn serve_if_requested() -> bool {
    if std::env::var_os(SERVE_ENV).is_none() {
        return false;
    }
    serve();
    true
}

fn serve() {
    let mut text = String::new();
    if io::stdin().read_to_string(&mut text).is_err() {
        report("error");
        return;
    }
    ignore_hangup();
    let mut clipboard = match arboard::Clipboard::new() {
        Ok(clipboard) => clipboard,
        Err(_) => {
            report("error");
            return;
        }
    };
    if clipboard.set_text(text.clone()).is_err() {
        report("error");
        return;
    }
    report("ok");
    hold(&mut clipboard, text);
}

/// Serves pastes until another program owns the clipboard.
///
/// On X11 the wait is capped: if the X server goes away (a logout) nothing
/// wakes the wait, and the helper must not linger for ever. On Wayland only
/// an unbounded wait keeps serving in this process.
#[cfg(all(unix, not(target_os = "macos")))]
fn hold(clipboard: &mut arboard::Clipboard, text: String) {
    use arboard::SetExtLinux;
    let set = clipboard.set();
    let set = if std::env::var_os("WAYLAND_DISPLAY").is_some_and(|v| !v.is_empty()) {
        set.wait()
    } else {
        set.wait_until(std::time::Instant::now() + LONGEST_HOLD)
    };
    let _ = set.text(text);
}

/// How long an X11 helper holds text nobody replaced.
#[cfg(all(unix, not(target_os = "macos")))]
const LONGEST_HOLD: Duration = Duration::from_secs(24 * 60 * 60);

/// Elsewhere the system keeps the text; nothing to hold.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn hold(_: &mut arboard::Clipboard, _: String) {}

fn report(status: &str) {
    let mut out = io::stdout();
    let _ = writeln!(out, "{status}");
    let _ = out.flush();
}

/// The terminal closing must not end the helper: the text outlives it.
fn ignore_hangup() {
    #[cfg(unix)]
    {
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGHUP, ignored);
    }
}

/// The real clipboard and terminal.
pub(crate) struct System;

impl Backends for System {
    fn native(&mut self, clipboard: NativeClipboard, text: &str) -> Result<(), String> {
        match clipboard {
            NativeClipboard::X11 | NativeClipboard::Wayland => copy_through_helper(text),
            NativeClipboard::MacOs | NativeClipboard::Windows => arboard::Clipboard::new()
                .and_then(|mut c| c.set_text(text.to_owned()))
                .map_err(|e| e.to_string()),
        }
    }

    fn terminal(&mut self) -> io::Result<Box<dyn Write>> {
        open_terminal()
    }
}

/// The terminal itself, even when stdout is redirected.
#[cfg(unix)]
fn open_terminal() -> io::Result<Box<dyn Write>> {
    let tty = std::fs::OpenOptions::new().write(true).open("/dev/tty")?;
    Ok(Box::new(tty))
}

#[cfg(not(unix))]
fn open_terminal() -> io::Result<Box<dyn Write>> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        Ok(Box::new(io::stdout()))
    } else {
        Err(io::Error::other("stdout is not a terminal"))
    }
}

fn copy_through_helper(text: &str) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new(exe);
    command
        .env(SERVE_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .current_dir("/");
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().ok_or("no pipe to the helper")?;
    let written = stdin.write_all(text.as_bytes());
    drop(stdin);
    let stdout = child.stdout.take().ok_or("no pipe from the helper")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let answer = rx.recv_timeout(HELPER_TIMEOUT);
    let owned = written.is_ok() && answer.as_deref().map(str::trim) == Ok("ok");
    if !owned {
        let _ = child.kill();
    }
    // Reap the helper whenever it ends, so it never lingers as a zombie.
    std::thread::spawn(move || child.wait());
    if owned {
        Ok(())
    } else {
        Err("the clipboard helper could not take the clipboard".into())
    }
}
