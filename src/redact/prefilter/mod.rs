//! The first pass over a block: every detector's gate words found at once
//! (an automaton walked as a dense table), byte classes read off in 64-byte
//! bitmaps, so that detectors only look where their words are.

pub(super) mod byteclass;
pub(super) mod dense;
pub(super) mod fasthash;
pub(super) mod gate;
