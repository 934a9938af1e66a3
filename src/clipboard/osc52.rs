//! The OSC 52 escape sequence, and its wrappers for tmux and GNU screen.

use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The largest text sent with OSC 52: its base64 is then 100,000 bytes,
/// a cap several terminals and multiplexers apply (larger is dropped whole).
pub const OSC52_MAX_TEXT: usize = 74_994;

/// GNU screen passes at most this much of one escape string through.
const SCREEN_CHUNK: usize = 76;

/// A terminal multiplexer between the program and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    Tmux,
    Screen,
}

/// Writes the OSC 52 "set clipboard" sequence for `text` to `out`.
///
/// BEL ends the sequence: every terminal that knows OSC 52 accepts it, and
/// unlike ST it needs no escaping inside screen's wrapper.
pub fn write_osc52(
    text: &[u8],
    through: Option<Multiplexer>,
    out: &mut impl Write,
) -> io::Result<()> {
    let sequence = format!("\x1b]52;c;{}\x07", STANDARD.encode(text));
    match through {
        None => out.write_all(sequence.as_bytes())?,
        Some(Multiplexer::Tmux) => {
            // tmux forwards a plain OSC 52 when `set-clipboard` is on, and a
            // wrapped one when `allow-passthrough` is on; it drops the other
            // silently, so both are sent.
            out.write_all(sequence.as_bytes())?;
            out.write_all(b"\x1bPtmux;")?;
            out.write_all(sequence.replace('\x1b', "\x1b\x1b").as_bytes())?;
            out.write_all(b"\x1b\\")?;
        }
        Some(Multiplexer::Screen) => {
            for chunk in sequence.as_bytes().chunks(SCREEN_CHUNK) {
                out.write_all(b"\x1bP")?;
                out.write_all(chunk)?;
                out.write_all(b"\x1b\\")?;
            }
        }
    }
    out.flush()
}
