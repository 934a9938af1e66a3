//! The event loop: draw, wait for an event (or a tick), hand it to the app,
//! carry out what it asks (quit, `$EDITOR`), save the draft once a second
//! while text is pending, and stop cleanly on SIGHUP, SIGTERM or Ctrl+C.

use std::io;
use std::time::{Duration, Instant};

use super::app::{App, Control};
use super::events::Events;
use super::picker::{Picked, Picker};
use super::signals::{Signal, SignalFlags};
use super::terminal::Tui;
use crate::machine::Stamp;

/// How often the loop wakes without input: drafts and signals are checked then.
const TICK: Duration = Duration::from_millis(200);
/// Typed text reaches the disk at least this often.
const DRAFT_EVERY: Duration = Duration::from_secs(1);

/// Why the loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Quit,
    Signal(Signal),
    /// The operator opened this related runbook (its id).
    Related(String),
}

fn now() -> Stamp {
    chrono::Local::now().fixed_offset()
}

/// Runs the walk until the operator quits or a signal arrives. The draft
/// is saved on the way out in every case.
pub fn run_app(
    tui: &mut Tui,
    events: &Events,
    app: &mut App,
    signals: &SignalFlags,
) -> io::Result<Ended> {
    let mut last_draft = Instant::now();
    let mut last_inbox = Instant::now() - TICK;
    loop {
        if let Some(signal) = signals.pending() {
            let _ = app.save_draft();
            return Ok(Ended::Signal(signal));
        }
        // The inbox is a folder read: once per tick, not once per key.
        if last_inbox.elapsed() >= TICK {
            app.check_inbox();
            last_inbox = Instant::now();
        }
        if app.draft_pending() && last_draft.elapsed() >= DRAFT_EVERY {
            let _ = app.save_draft();
            last_draft = Instant::now();
        }
        if let Err(e) = tui.draw(|frame| app.render(frame)) {
            // A hung-up terminal fails every write: keep what was typed.
            let _ = app.save_draft();
            return Err(e);
        }
        let Some(event) = events.next(TICK)? else {
            continue;
        };
        match app.handle_event(&event, now()) {
            Control::Continue => {}
            Control::Quit => return Ok(Ended::Quit),
            Control::OpenRelated(id) => {
                let _ = app.save_draft();
                return Ok(Ended::Related(id));
            }
            Control::Editor(text) => {
                let dir = app.session_dir().unwrap_or_else(std::env::temp_dir);
                let result = {
                    let _paused = events.pause();
                    tui.edit_in_editor(&text, &dir)
                };
                app.edited(result);
            }
        }
    }
}

/// Shows a picker until the operator picks, quits, or a signal arrives.
pub fn run_picker(
    tui: &mut Tui,
    events: &Events,
    picker: &mut Picker,
    signals: &SignalFlags,
) -> io::Result<Picked> {
    loop {
        if signals.pending().is_some() {
            return Ok(Picked::Quit);
        }
        tui.draw(|frame| picker.render(frame))?;
        if let Some(event) = events.next(TICK)?
            && let Some(picked) = picker.handle_event(&event)
        {
            return Ok(picked);
        }
    }
}
