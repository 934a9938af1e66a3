//! Signals that must save the session rather than kill the program: SIGHUP
//! (the SSH connection dropped), SIGTERM, SIGQUIT, and SIGINT (only seen
//! outside raw mode, while an editor runs). Each raises a flag the event
//! loop polls between events; the loop then saves, restores the terminal
//! and exits.
//!
//! The signals are taken by a watcher thread, not in a handler, so a second
//! one can do real work: it gives the loop a moment to finish its save, and
//! if the loop is stuck, restores the terminal itself before exiting. A
//! burst of signals never leaves the operator's shell raw.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long a second signal waits for the event loop's own orderly exit.
const GRACE: Duration = Duration::from_secs(2);

/// Why the event loop should stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Hangup,
    Terminate,
    Interrupt,
}

impl Signal {
    /// The exit status a shell expects after this signal.
    pub fn exit_status(self) -> u8 {
        match self {
            Signal::Hangup => 129,
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
        }
    }
}

/// Flags raised by the watcher, taken by the event loop.
#[derive(Debug, Default, Clone)]
pub struct SignalFlags {
    hangup: Arc<AtomicBool>,
    terminate: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
}

impl SignalFlags {
    /// Starts the watcher. Call once, before entering the terminal UI.
    #[cfg(unix)]
    pub fn register() -> io::Result<SignalFlags> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let flags = SignalFlags::default();
        let mut incoming = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])?;
        let seen = flags.clone();
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for number in incoming.forever() {
                    let signal = match number {
                        SIGHUP => Signal::Hangup,
                        SIGINT => Signal::Interrupt,
                        _ => Signal::Terminate,
                    };
                    let again = seen.pending().is_some();
                    seen.raise(signal);
                    if again && signal != Signal::Hangup {
                        seen.insist(signal);
                    }
                }
            })?;
        Ok(flags)
    }

    /// Without Unix signals there is nothing to install; the flags stay down.
    #[cfg(not(unix))]
    pub fn register() -> io::Result<SignalFlags> {
        Ok(SignalFlags::default())
    }

    fn raise(&self, signal: Signal) {
        let flag = match signal {
            Signal::Hangup => &self.hangup,
            Signal::Terminate => &self.terminate,
            Signal::Interrupt => &self.interrupt,
        };
        flag.store(true, Ordering::SeqCst);
    }

    /// A signal repeated while the first is pending: the operator wants out.
    /// The event loop normally exits within a tick; if it does not (a save
    /// stuck on a dead disk), the terminal is restored here and the process
    /// ends, so the shell comes back usable either way.
    fn insist(&self, signal: Signal) {
        std::thread::sleep(GRACE);
        let _ = super::terminal::restore();
        eprintln!(
            "runbook: stopped by a repeated signal while saving; `runbook resume` continues the session"
        );
        std::process::exit(i32::from(signal.exit_status()));
    }

    /// The signal that arrived, if any; a hang-up first, since the terminal is gone.
    pub fn pending(&self) -> Option<Signal> {
        if self.hangup.load(Ordering::SeqCst) {
            Some(Signal::Hangup)
        } else if self.terminate.load(Ordering::SeqCst) {
            Some(Signal::Terminate)
        } else if self.interrupt.load(Ordering::SeqCst) {
            Some(Signal::Interrupt)
        } else {
            None
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_hangup_raises_its_flag_instead_of_killing_the_process() {
        let flags = SignalFlags::register().unwrap();
        assert_eq!(flags.pending(), None);
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        // The watcher thread takes it a moment later.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while flags.pending().is_none() && std::time::Instant::now() < deadline {
            std::thread::yield_now();
        }
        assert_eq!(flags.pending(), Some(Signal::Hangup));
    }
}
