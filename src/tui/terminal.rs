//! The terminal guard: enters raw mode, the alternate screen and bracketed
//! paste (and mouse capture when asked), and undoes exactly what it enabled —
//! on drop, on error paths and from a chained panic hook — so the operator's
//! shell is never left raw.
//!
//! What is enabled is recorded in one process-wide set of flags, because the
//! panic hook cannot reach the guard. [`restore`] reads and clears them, so it
//! is safe to call any number of times from anywhere.

use std::fmt;
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, Once};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};

const RAW: u8 = 1;
const ALTERNATE_SCREEN: u8 = 1 << 1;
const BRACKETED_PASTE: u8 = 1 << 2;
const MOUSE: u8 = 1 << 3;

/// The modes currently enabled, as bits above.
static ENABLED: AtomicU8 = AtomicU8::new(0);
static PANIC_HOOK: Once = Once::new();
/// Printed after a panic restored the terminal: where the session is.
static CRASH_NOTE: Mutex<Option<String>> = Mutex::new(None);

/// The terminal type the views draw on.
pub type Backend = CrosstermBackend<Stdout>;

/// What the guard enables besides raw mode, the alternate screen and bracketed paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Mouse capture, for wheel scrolling. Terminals then select text only
    /// with Shift held, so it is an option.
    pub mouse: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { mouse: true }
    }
}

/// The full-screen terminal; restores the operator's terminal when dropped.
pub struct Tui {
    terminal: Terminal<Backend>,
    options: Options,
}

impl Tui {
    /// Takes over the terminal. On failure, whatever was already enabled is undone.
    pub fn enter(options: Options) -> io::Result<Tui> {
        install_panic_hook();
        let terminal = match enable(options).and_then(|()| Terminal::new(backend())) {
            Ok(terminal) => terminal,
            Err(e) => {
                let _ = restore();
                return Err(e);
            }
        };
        Ok(Tui { terminal, options })
    }

    /// Draws one frame inside a synchronized update, so slow terminals show
    /// it whole instead of flickering line by line.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = self.terminal.draw(render).map(drop);
        // End the update even when drawing failed, or the terminal stays frozen.
        let ended = execute!(self.terminal.backend_mut(), EndSynchronizedUpdate);
        drawn.and(ended)
    }

    pub fn terminal(&mut self) -> &mut Terminal<Backend> {
        &mut self.terminal
    }

    /// Gives the terminal back (for `$EDITOR` or a shell): leaves the
    /// alternate screen and raw mode, shows the cursor.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore()
    }

    /// Takes the terminal again after [`Tui::suspend`] and forces a full redraw.
    pub fn resume(&mut self) -> io::Result<()> {
        if let Err(e) = enable(self.options) {
            let _ = restore();
            return Err(e);
        }
        // `resize` clears and forgets the last frame without asking the
        // terminal where its cursor is (`clear` does ask, and a terminal
        // that never answers stalls the screen for seconds).
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = restore();
    }
}

fn backend() -> Backend {
    CrosstermBackend::new(io::stdout())
}

/// Enables each mode and records it at once, so a failure part-way leaves
/// exactly the enabled ones for [`restore`].
fn enable(options: Options) -> io::Result<()> {
    let mut out = io::stdout();
    enable_raw_mode()?;
    ENABLED.fetch_or(RAW, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen)?;
    ENABLED.fetch_or(ALTERNATE_SCREEN, Ordering::SeqCst);
    execute!(out, EnableBracketedPaste)?;
    ENABLED.fetch_or(BRACKETED_PASTE, Ordering::SeqCst);
    if options.mouse {
        execute!(out, EnableMouseCapture)?;
        ENABLED.fetch_or(MOUSE, Ordering::SeqCst);
    }
    Ok(())
}

/// Undoes every mode still enabled, in reverse order, and shows the cursor.
/// Keeps going past a failure (a hung-up terminal fails every write) and
/// returns the first one.
pub fn restore() -> io::Result<()> {
    // A repeated signal restores from its own thread while the event loop
    // may be restoring too: whoever comes second waits until the first has
    // written every sequence, so an exit that follows cannot cut it short.
    static RESTORING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = RESTORING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let enabled = ENABLED.swap(0, Ordering::SeqCst);
    if enabled == 0 {
        return Ok(());
    }
    undo(enabled, &mut io::stdout(), disable_raw_mode)
}

fn undo(
    enabled: u8,
    out: &mut impl Write,
    disable_raw: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let mut first_error = None;
    let mut note = |result: io::Result<()>| {
        if let Err(e) = result {
            first_error.get_or_insert(e);
        }
    };
    if enabled & MOUSE != 0 {
        note(execute!(out, DisableMouseCapture));
    }
    if enabled & BRACKETED_PASTE != 0 {
        note(execute!(out, DisableBracketedPaste));
    }
    if enabled & ALTERNATE_SCREEN != 0 {
        note(execute!(out, LeaveAlternateScreen));
    }
    note(execute!(out, cursor::Show));
    if enabled & RAW != 0 {
        note(disable_raw());
    }
    note(out.flush());
    first_error.map_or(Ok(()), Err)
}

/// Sets what a panic prints after restoring the terminal, such as where the
/// session is saved and how to resume it. Never put evidence here.
pub fn set_crash_note(note: impl Into<String>) {
    let mut slot = CRASH_NOTE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *slot = Some(note.into());
}

/// Chains a hook in front of the current panic hook: restore the terminal,
/// let the previous hook print the panic, then print the crash note. The
/// panic keeps unwinding, so every `Drop` still runs.
pub fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
            let note = CRASH_NOTE
                .lock()
                .map(|slot| slot.clone())
                .unwrap_or_default();
            if let Some(note) = note {
                eprintln!("{note}");
            }
        }));
    });
}

/// The terminal UI needs a terminal on both stdin and stdout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotATerminal {
    /// `"stdin"` or `"stdout"`.
    pub stream: &'static str,
}

impl fmt::Display for NotATerminal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the terminal UI needs a terminal, and {} is not one; without a terminal use the \
             headless commands: runbook run RUNBOOK --answers FILE, check, report, attach, redact, scan",
            self.stream
        )
    }
}

impl std::error::Error for NotATerminal {}

/// Refuses to start the terminal UI when stdin or stdout is not a terminal,
/// rather than garbling a pipe. The caller exits with status 2.
pub fn require_terminal() -> Result<(), NotATerminal> {
    check_streams(io::stdin().is_terminal(), io::stdout().is_terminal())
}

fn check_streams(stdin_is_tty: bool, stdout_is_tty: bool) -> Result<(), NotATerminal> {
    if !stdin_is_tty {
        return Err(NotATerminal { stream: "stdin" });
    }
    if !stdout_is_tty {
        return Err(NotATerminal { stream: "stdout" });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_terminal_names_the_stream_and_the_headless_commands() {
        let err = check_streams(true, false).unwrap_err();
        assert_eq!(err.stream, "stdout");
        let message = err.to_string();
        assert!(message.contains("stdout is not one"), "{message}");
        for command in ["runbook run", "check", "report", "attach", "redact", "scan"] {
            assert!(
                message.contains(command),
                "{command} missing from: {message}"
            );
        }
        assert_eq!(check_streams(false, true).unwrap_err().stream, "stdin");
        assert!(check_streams(true, true).is_ok());
    }

    #[test]
    fn undo_reverts_only_the_modes_that_were_enabled() {
        let mut out = Vec::new();
        let mut raw_disabled = false;
        undo(RAW | ALTERNATE_SCREEN | BRACKETED_PASTE, &mut out, || {
            raw_disabled = true;
            Ok(())
        })
        .unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(raw_disabled);
        assert!(written.contains("\x1b[?2004l"), "paste off: {written:?}");
        assert!(
            written.contains("\x1b[?1049l"),
            "alternate screen off: {written:?}"
        );
        assert!(written.contains("\x1b[?25h"), "cursor shown: {written:?}");
        assert!(
            !written.contains("\x1b[?1000l"),
            "mouse was never on: {written:?}"
        );
        // Paste off before leaving the alternate screen: reverse order of enabling.
        assert!(written.find("\x1b[?2004l") < written.find("\x1b[?1049l"));

        let mut out = Vec::new();
        undo(MOUSE, &mut out, || panic!("raw mode was never on")).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\x1b[?1000l"));
    }

    #[test]
    fn undo_keeps_going_after_a_failure_and_reports_it() {
        let mut raw_disabled = false;
        let result = undo(RAW | ALTERNATE_SCREEN, &mut FailingWriter, || {
            raw_disabled = true;
            Ok(())
        });
        assert!(result.is_err());
        assert!(
            raw_disabled,
            "raw mode must be left even when the screen writes fail"
        );
    }

    struct FailingWriter;

    impl Write for FailingWriter {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("terminal hung up"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::other("terminal hung up"))
        }
    }
}
