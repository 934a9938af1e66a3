//! The real binary in a pseudo-terminal, read back through a terminal
//! emulator: each step waits for its visible effect before the next key.

mod review;
mod term;
mod truth;
mod walk;

pub use term::*;
