//! Signals that must save the session rather than kill the program: SIGHUP
//! (the SSH connection dropped), SIGTERM, and SIGINT (only seen outside raw
//! mode, while an editor runs). Each raises a flag the event loop polls
//! between events; the loop then saves, restores the terminal and exits.
//!
//! A second SIGTERM or SIGINT while the first is still pending exits at once,
//! so a stuck save can still be interrupted.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why the event loop should stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Hangup,
    Terminate,
    Interrupt,
}

/// Flags raised by signal handlers, taken by the event loop.
#[derive(Debug, Default, Clone)]
pub struct SignalFlags {
    hangup: Arc<AtomicBool>,
    terminate: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
}

impl SignalFlags {
    /// Installs the handlers. Call once, before entering the terminal UI.
    #[cfg(unix)]
    pub fn register() -> io::Result<SignalFlags> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use signal_hook::flag;
        let flags = SignalFlags::default();
        for (signal, raised) in [(SIGTERM, &flags.terminate), (SIGINT, &flags.interrupt)] {
            // Registered first, so it sees the flag as it was before this signal.
            flag::register_conditional_shutdown(signal, 1, Arc::clone(raised))?;
            flag::register(signal, Arc::clone(raised))?;
        }
        flag::register(SIGHUP, Arc::clone(&flags.hangup))?;
        Ok(flags)
    }

    /// Without Unix signals there is nothing to install; the flags stay down.
    #[cfg(not(unix))]
    pub fn register() -> io::Result<SignalFlags> {
        Ok(SignalFlags::default())
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
        // raise() returns after the handler ran on this thread.
        assert_eq!(flags.pending(), Some(Signal::Hangup));
    }
}
