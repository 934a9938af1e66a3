//! The input read in chunks of whole lines, a few chunks ahead of the work
//! on a thread of their own.

use std::io::{self, Read};

/// Target size of one chunk: big enough that per-chunk work is noise.
const CHUNK_TARGET: usize = 256 * 1024;
/// A line longer than this is cut where it can be (after whitespace or punctuation).
const CHUNK_MAX: usize = 1024 * 1024;

/// Chunks read ahead of the one being worked on.
const READ_AHEAD: usize = 2;
/// How much one read asks the source for.
const READ_BLOCK: usize = 64 * 1024;

/// Reads whole lines in chunks, so memory never grows with the input.
pub(super) struct ChunkReader<R: Read> {
    pub(super) inner: R,
    buf: Vec<u8>,
    eof: bool,
}

impl<R: Read> ChunkReader<R> {
    pub(super) fn new(inner: R) -> Self {
        ChunkReader {
            inner,
            buf: Self::fresh_buffer(),
            eof: false,
        }
    }

    /// Room for a chunk and one more read, so reading one never reallocates.
    fn fresh_buffer() -> Vec<u8> {
        Vec::with_capacity(CHUNK_TARGET + READ_BLOCK)
    }

    pub(super) fn next_chunk(&mut self) -> io::Result<Option<Vec<u8>>> {
        while !self.eof && (self.buf.len() < CHUNK_TARGET || !self.buf.contains(&b'\n')) {
            if self.buf.len() >= CHUNK_MAX {
                break;
            }
            // Read straight into the chunk: each byte is copied once here.
            let len = self.buf.len();
            self.buf.resize(len + READ_BLOCK, 0);
            let read = self.inner.read(&mut self.buf[len..]);
            self.buf.truncate(len + *read.as_ref().unwrap_or(&0));
            match read {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        let cut = if self.eof && self.buf.len() <= CHUNK_MAX {
            self.buf.len()
        } else if let Some(nl) = memchr::memrchr(b'\n', &self.buf[..self.buf.len().min(CHUNK_MAX)])
        {
            nl + 1
        } else {
            safe_cut(&self.buf[..CHUNK_MAX.min(self.buf.len())])
        };
        // The part line after the cut starts the next chunk's buffer.
        let mut next = Self::fresh_buffer();
        next.extend_from_slice(&self.buf[cut..]);
        self.buf.truncate(cut);
        Ok(Some(std::mem::replace(&mut self.buf, next)))
    }
}

/// Chunks read ahead on a thread of their own, so that copying the input in
/// (and faulting in fresh pages for it) is not done by the thread that
/// detects. `work` reads them in order with the function it is given; the
/// reader stops when `work` returns.
pub(super) fn read_ahead<R: Read + Send, T>(
    reader: &mut ChunkReader<R>,
    work: impl FnOnce(&mut dyn FnMut() -> io::Result<Option<Vec<u8>>>) -> T,
) -> T {
    let mut work = Some(work);
    let done = std::thread::scope(|scope| {
        let (send, chunks) = std::sync::mpsc::sync_channel(READ_AHEAD);
        let ahead = &mut *reader;
        let spawned = std::thread::Builder::new()
            .name("read ahead".into())
            .spawn_scoped(scope, move || {
                loop {
                    let next = ahead.next_chunk();
                    let last = !matches!(next, Ok(Some(_)));
                    // A closed channel: the work is done, or stopped early.
                    if send.send(next).is_err() || last {
                        return;
                    }
                }
            });
        if spawned.is_err() {
            return None;
        }
        let mut ended = false;
        let work = work.take()?;
        Some(work(&mut || {
            if ended {
                return Ok(None);
            }
            let next = chunks
                .recv()
                .unwrap_or_else(|_| Err(io::Error::other("the thread reading ahead stopped")));
            ended = !matches!(next, Ok(Some(_)));
            next
        }))
    });
    match (done, work) {
        (Some(out), _) => out,
        // No second thread: the chunks are read where they are used.
        (None, Some(work)) => work(&mut || reader.next_chunk()),
        (None, None) => unreachable!("the work runs once"),
    }
}

/// Where to cut an overlong line: after the last space or delimiter in its last
/// 4 KiB, so no token is split; else at the limit.
fn safe_cut(buf: &[u8]) -> usize {
    let window_start = buf.len().saturating_sub(4096);
    buf[window_start..]
        .iter()
        .rposition(|b| matches!(b, b' ' | b'\t' | b',' | b';' | b'}' | b'>'))
        .map_or(buf.len(), |p| window_start + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_end_at_line_ends_and_cover_everything() {
        let mut text = Vec::new();
        for i in 0..100_000 {
            text.extend_from_slice(format!("line {i} with some words\n").as_bytes());
        }
        text.extend_from_slice(b"no newline at the end");
        let mut reader = ChunkReader::new(&text[..]);
        let mut joined = Vec::new();
        let mut chunks = 0;
        while let Some(c) = reader.next_chunk().unwrap() {
            chunks += 1;
            assert!(c.ends_with(b"\n") || c.ends_with(b"end"));
            joined.extend_from_slice(&c);
        }
        assert!(chunks > 1);
        assert_eq!(joined, text);
    }

    /// Gives `text` a few bytes a read, interrupted every other read, then
    /// fails if `fails` is set.
    struct Halting<'a> {
        text: &'a [u8],
        reads: usize,
        fails: bool,
    }

    impl<'a> Halting<'a> {
        fn new(text: &'a [u8], fails: bool) -> Self {
            Halting {
                text,
                reads: 0,
                fails,
            }
        }
    }

    impl Read for Halting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            if self.reads.is_multiple_of(2) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            if self.text.is_empty() && self.fails {
                return Err(io::Error::other("disk gone"));
            }
            let n = buf.len().min(self.text.len()).min(7_001);
            buf[..n].copy_from_slice(&self.text[..n]);
            self.text = &self.text[n..];
            Ok(n)
        }
    }

    fn numbered_lines(count: usize) -> Vec<u8> {
        (0..count)
            .flat_map(|i| format!("line {i} of the log\n").into_bytes())
            .collect()
    }

    /// Reads every chunk through `read_ahead`, and the error that ended it.
    fn read_all_ahead(source: Halting<'_>) -> (Vec<Vec<u8>>, Option<io::Error>) {
        let mut reader = ChunkReader::new(source);
        read_ahead(&mut reader, |next_chunk| {
            let mut chunks = Vec::new();
            loop {
                match next_chunk() {
                    Ok(Some(chunk)) => chunks.push(chunk),
                    Ok(None) => return (chunks, None),
                    Err(e) => return (chunks, Some(e)),
                }
            }
        })
    }

    #[test]
    fn chunks_read_ahead_are_the_chunks_read_in_place() {
        let text = numbered_lines(60_000);
        let (ahead, error) = read_all_ahead(Halting::new(&text, false));
        assert!(error.is_none());
        let mut in_place = ChunkReader::new(Halting::new(&text, false));
        let mut expected = Vec::new();
        while let Some(chunk) = in_place.next_chunk().unwrap() {
            expected.push(chunk);
        }
        assert!(expected.len() > 2, "{} chunks", expected.len());
        assert_eq!(ahead, expected);
    }

    #[test]
    fn a_read_error_ahead_reaches_the_work_after_the_chunks_before_it() {
        let text = numbered_lines(60_000);
        let (chunks, error) = read_all_ahead(Halting::new(&text, true));
        assert_eq!(error.map(|e| e.to_string()), Some("disk gone".into()));
        // Whole chunks came before the error; the text after them did not.
        let read: Vec<u8> = chunks.concat();
        assert!(!chunks.is_empty() && read.len() < text.len());
        assert!(text.starts_with(&read) && read.ends_with(b"\n"));
    }

    #[test]
    fn work_that_stops_early_stops_the_reader() {
        let text = numbered_lines(200_000);
        let mut reader = ChunkReader::new(&text[..]);
        let first = read_ahead(&mut reader, |next_chunk| next_chunk().unwrap().unwrap());
        assert!(text.starts_with(&first));
        // The reader stopped a few chunks in, not at the end of the text.
        let consumed = text.len() - reader.inner.len();
        assert!(
            consumed <= (READ_AHEAD + 3) * (CHUNK_TARGET + READ_BLOCK),
            "{consumed} of {}",
            text.len()
        );
    }

    #[test]
    fn overlong_lines_are_cut_after_a_delimiter() {
        let mut text = vec![b'a'; CHUNK_MAX + 10];
        text[CHUNK_MAX - 100] = b' ';
        let mut reader = ChunkReader::new(&text[..]);
        let first = reader.next_chunk().unwrap().unwrap();
        assert_eq!(first.len(), CHUNK_MAX - 99);
        let second = reader.next_chunk().unwrap().unwrap();
        assert_eq!(first.len() + second.len(), text.len());
    }
}
