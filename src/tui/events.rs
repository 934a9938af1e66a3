//! Terminal events read on their own thread. When the terminal goes away
//! (an SSH drop), crossterm's `poll` can spin forever inside one call
//! without honouring its timeout, so the loop must never wait on it
//! directly: it waits on a channel with a timeout and checks the signal
//! flags between waits, and always gets out.
//!
//! The reader pauses while `$EDITOR` has the terminal, or it would steal
//! the editor's keys.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

/// How long the reader waits for input before letting a pause in.
const READ_SLICE: Duration = Duration::from_millis(50);

pub struct Events {
    rx: Receiver<io::Result<Event>>,
    /// Held by the reader while it reads; held by [`Events::pause`] to stop it.
    gate: Arc<Mutex<()>>,
    wanted: Arc<AtomicBool>,
}

/// While this lives, nothing reads the terminal.
pub struct Paused<'a> {
    _gate: MutexGuard<'a, ()>,
    wanted: &'a AtomicBool,
}

impl Drop for Paused<'_> {
    fn drop(&mut self) {
        self.wanted.store(false, Ordering::SeqCst);
    }
}

impl Events {
    pub fn start() -> Events {
        let (tx, rx) = mpsc::channel();
        let gate = Arc::new(Mutex::new(()));
        let wanted = Arc::new(AtomicBool::new(false));
        let (reader_gate, reader_wanted) = (Arc::clone(&gate), Arc::clone(&wanted));
        thread::spawn(move || {
            loop {
                // Let a pause take the gate rather than re-locking at once.
                while reader_wanted.load(Ordering::SeqCst) {
                    thread::sleep(READ_SLICE);
                }
                let _held = reader_gate.lock().unwrap_or_else(|p| p.into_inner());
                let read = match event::poll(READ_SLICE) {
                    Ok(true) => event::read().map(Some),
                    Ok(false) => Ok(None),
                    Err(e) => Err(e),
                };
                let failed = read.is_err();
                let sent = match read {
                    Ok(Some(event)) => tx.send(Ok(event)),
                    Ok(None) => Ok(()),
                    Err(e) => tx.send(Err(e)),
                };
                if failed || sent.is_err() {
                    return;
                }
            }
        });
        Events { rx, gate, wanted }
    }

    /// The next event, or `None` after `timeout`.
    pub fn next(&self, timeout: Duration) -> io::Result<Option<Event>> {
        match self.rx.recv_timeout(timeout) {
            Ok(Ok(event)) => Ok(Some(event)),
            Ok(Err(e)) => Err(e),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal stopped sending input",
            )),
        }
    }

    /// Stops reading until the guard is dropped (for `$EDITOR`).
    pub fn pause(&self) -> Paused<'_> {
        self.wanted.store(true, Ordering::SeqCst);
        let gate = self.gate.lock().unwrap_or_else(|p| p.into_inner());
        // Input that arrived before the pause belongs to the screen being left.
        while self.rx.try_recv().is_ok() {}
        Paused {
            _gate: gate,
            wanted: &self.wanted,
        }
    }
}
