//! Redaction of long texts a chunk at a time. One engine call over a whole
//! 20 MB log costs more than its size (it grows faster than the text); chunks
//! that end at line ends give the same result, as `runbook redact` streams
//! its input, because the engine's stream state carries what spans them.

use std::ops::ControlFlow;

use crate::redact::{Engine, Redacted, StreamState};

/// Chunks of about this size, cut at a line end.
const CHUNK: usize = 256 * 1024;

/// Where the chunk starting at `start` ends: after the last line end within
/// `CHUNK` bytes, else after the next one (a very long line stays whole).
fn chunk_end(text: &[u8], start: usize) -> usize {
    let limit = (start + CHUNK).min(text.len());
    if limit == text.len() {
        return limit;
    }
    match memchr::memrchr(b'\n', &text[start..limit]) {
        Some(p) => start + p + 1,
        None => memchr::memchr(b'\n', &text[limit..]).map_or(text.len(), |p| limit + p + 1),
    }
}

fn chunks(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = chunk_end(text, start);
        let chunk = (start, &text[start..end]);
        start = end;
        Some(chunk)
    })
}

/// [`Engine::learn`] over `text`, chunk by chunk.
pub fn learn(engine: &mut Engine, text: &[u8]) {
    if text.len() <= CHUNK {
        return engine.learn(text);
    }
    let mut pieces = chunks(text);
    let read: Result<(), std::convert::Infallible> = engine.learn_stream(
        &mut StreamState::default(),
        || Ok(pieces.next().map(|(_, chunk)| chunk.to_vec())),
        |_, _| {},
    );
    let Ok(()) = read;
}

/// [`Engine::redact`] over `text`, chunk by chunk: the findings' byte ranges
/// and lines are those of the whole text.
pub fn redact(engine: &mut Engine, text: &[u8]) -> Redacted {
    if text.len() <= CHUNK {
        return engine.redact(text);
    }
    let pieces: Vec<(usize, &[u8])> = chunks(text).collect();
    let mut to_read = pieces.iter();
    let mut offsets = pieces.iter().map(|&(offset, _)| offset);
    let mut out = Redacted::default();
    let read: Result<(), std::convert::Infallible> = engine.redact_stream(
        &mut StreamState::default(),
        || Ok(to_read.next().map(|&(_, chunk)| (chunk.to_vec(), None))),
        |r| {
            let offset = offsets.next().expect("one result per chunk");
            out.text.extend_from_slice(&r.text);
            out.findings.extend(r.findings.into_iter().map(|mut f| {
                f.start += offset;
                f.end += offset;
                f
            }));
            Ok(ControlFlow::Continue(()))
        },
    );
    let Ok(()) = read;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Profile;

    #[test]
    fn chunks_end_at_line_ends_and_cover_the_text() {
        let text: Vec<u8> = (0..40_000)
            .flat_map(|i| format!("line {i} of the log\n").into_bytes())
            .collect();
        let pieces: Vec<(usize, &[u8])> = chunks(&text).collect();
        assert!(pieces.len() > 2);
        let mut next = 0;
        for (offset, chunk) in &pieces {
            assert_eq!(*offset, next);
            assert!(chunk.ends_with(b"\n"));
            assert!(chunk.len() <= CHUNK);
            next += chunk.len();
        }
        assert_eq!(next, text.len());
    }

    #[test]
    fn chunked_redaction_is_whole_redaction() {
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&format!("[24-Nov-2026 09:58:12 UTC] order {i} ok\n"));
            if i % 1_000 == 7 {
                text.push_str("customer ana.lima@example.org paid with 4242 4242 4242 4242\n");
                text.push_str("define( 'DB_PASSWORD', 'Tr0ub4dor&3-horse' );\n");
            }
        }
        assert!(text.len() > 2 * CHUNK);
        let whole = {
            let mut e = Engine::new(Profile::Standard);
            e.learn(text.as_bytes());
            e.redact(text.as_bytes())
        };
        let chunked = {
            let mut e = Engine::new(Profile::Standard);
            learn(&mut e, text.as_bytes());
            redact(&mut e, text.as_bytes())
        };
        assert_eq!(chunked.text, whole.text);
        assert_eq!(chunked.findings, whole.findings);
        assert_eq!(chunked.findings.len(), 60);
    }
}
