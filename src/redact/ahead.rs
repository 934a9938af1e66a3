//! Learning from a stream on two threads. Most customer detectors need
//! nothing carried from the chunk before and neither do the view, the line
//! index and the gate, about half of the work: a second thread runs them on
//! the next chunk while this one finishes the chunk before with the rest.
//! When this one falls behind, the second also runs the few other
//! detectors that need no state ([`Movable`](super::Movable)). The result is the one
//! [`Engine::learn_chunk`] gives, chunk for chunk.
//!
//! Each half keeps to its own thread for the whole stream, and the second
//! half to the same thread from one stream to the next (see `beside`), so
//! most regexes warm their lazy DFA on one thread only; the movable ones
//! (token prefixes, commands, payment) on both.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::sync::mpsc::{Receiver, RecvError, SyncSender, TryRecvError, TrySendError, sync_channel};

use super::beside::{Beside, run_beside};
use super::normalize::View;
use super::scan::{Candidate, Lines, compile_next};
use super::{Engine, FoundAhead, Redacted, Scanned, StreamState, detect_stateless, replace};

/// A chunk with the part of its detection that needs no stream state.
struct Prepared {
    chunk: Vec<u8>,
    /// The chunk as a person reads it, when that differs from its bytes.
    view: Option<View>,
    /// Where each line of the text detectors read starts.
    line_starts: Vec<usize>,
    found: FoundAhead,
}

impl Prepared {
    fn detect_movable(&mut self) {
        let text = self.view.as_ref().map_or(&self.chunk[..], |v| &v.text[..]);
        let lines = Lines::from_starts(text, std::mem::take(&mut self.line_starts));
        self.found.detect_movable(&lines);
        self.line_starts = lines.into_starts();
    }

    fn of(chunk: Vec<u8>) -> Prepared {
        let view = View::of(&chunk);
        let text = view.as_ref().map_or(&chunk[..], |v| &v.text[..]);
        let (lines, found) = detect_stateless(text);
        let line_starts = lines.into_starts();
        Prepared {
            chunk,
            view,
            line_starts,
            found,
        }
    }
}

/// Chunks in flight: one being prepared, one waiting to be finished.
const AHEAD: usize = 2;

/// Chunks in flight while learning: one more than [`AHEAD`], and room for
/// one prepared chunk only, so that while the finishing thread is behind,
/// the preparing one finds the room taken and runs the [`Movable`](super::Movable)
/// detectors rather than wait (see [`prepare_all`]).
const LEARN_AHEAD: usize = AHEAD + 1;

impl Engine {
    /// Learns from the chunks `next_chunk` reads until it gives `None`, as
    /// [`Engine::learn_chunk`] would one after another, handing each chunk
    /// and what was found in it to `each`. Stops at the first read error.
    pub fn learn_stream<E>(
        &mut self,
        state: &mut StreamState,
        mut next_chunk: impl FnMut() -> Result<Option<Vec<u8>>, E>,
        mut each: impl FnMut(&[u8], Scanned),
    ) -> Result<(), E> {
        let (to_worker, worker_in) = sync_channel::<Vec<u8>>(LEARN_AHEAD);
        let (worker_out, from_worker) = sync_channel::<Prepared>(1);
        let Some(worker) = run_beside(move || prepare_all(&worker_in, &worker_out)) else {
            // No second thread: the same work, one chunk after another.
            while let Some(chunk) = next_chunk()? {
                let scanned = self.learn_chunk(&chunk, state);
                each(&chunk, scanned);
            }
            return Ok(());
        };
        let mut feed = Feed::new(to_worker, LEARN_AHEAD);
        // Until the first chunk is prepared this thread has nothing to do,
        // even when the whole text is read already (a short text is one chunk).
        let mut first = true;
        loop {
            if !feed.top_up(&mut next_chunk)? {
                drop(feed);
                worker.join();
                return Ok(());
            }
            // Taken on every round: once a chunk has come back, a text all
            // read is finished with the patterns it compiles itself.
            let first_wait = std::mem::take(&mut first);
            let compile = !feed.read_all || first_wait;
            let Ok(prepared) = recv_compiling(&from_worker, compile) else {
                drop(feed);
                worker.join();
                unreachable!("the worker ends only when its input closes");
            };
            feed.received();
            let (chunk, scanned) = self.learn_prepared(prepared, state);
            each(&chunk, scanned);
        }
    }

    /// The rest of [`Engine::find_to_redact`]'s fresh scan of a prepared
    /// chunk; gives the chunk back with what is to be replaced in it.
    fn finish_prepared(
        &self,
        prepared: Prepared,
        state: &mut StreamState,
    ) -> (Vec<u8>, Vec<Candidate>) {
        let (chunk, cands) = self.detect_prepared(prepared, state, true);
        let cands = self.with_encoded_runs(&chunk, cands);
        (chunk, cands)
    }

    /// [`Engine::learn_chunk`] on a prepared chunk; gives the chunk back.
    fn learn_prepared(
        &mut self,
        prepared: Prepared,
        state: &mut StreamState,
    ) -> (Vec<u8>, Scanned) {
        let as_written = prepared.view.is_none();
        let (chunk, cands) = self.detect_prepared(prepared, state, false);
        let cands = self.with_encoded_runs(&chunk, cands);
        let scanned = self.learn_found(&chunk, cands, state, as_written);
        (chunk, scanned)
    }

    /// The detectors that read the stream's state, on a prepared chunk,
    /// with its findings moved onto the chunk's own bytes.
    fn detect_prepared(
        &self,
        prepared: Prepared,
        state: &mut StreamState,
        with_known: bool,
    ) -> (Vec<u8>, Vec<Candidate>) {
        let Prepared {
            chunk,
            view,
            line_starts,
            found,
        } = prepared;
        let text = view.as_ref().map_or(&chunk[..], |v| &v.text[..]);
        let lines = Lines::from_starts(text, line_starts);
        let cands = self.detect_rest(&lines, found, state, with_known);
        let cands = match &view {
            None => cands,
            Some(view) => view.to_original(cands, &chunk),
        };
        (chunk, cands)
    }
}

/// A chunk of the redacting pass as the second thread hands it on.
enum Found {
    /// What the learning pass found, with the values known since: what
    /// is to be replaced, and the stream's state after the chunk.
    Cached {
        chunk: Vec<u8>,
        cands: Vec<Candidate>,
        carry_out: StreamState,
    },
    /// Not kept from the learning pass: the part of its detection that
    /// needs no stream state, the rest to be done in order.
    Prepared(Prepared),
}

impl Engine {
    /// The redacting pass over the chunks `next_chunk` reads, each with what
    /// the learning pass found in it (`None` when that was not kept), as
    /// [`Engine::redact_scanned`] would one after another. A second thread
    /// finds what to replace in the next chunks while this one writes the
    /// placeholders (a chunk scanned afresh is split between them as in
    /// learning), and this one takes a kept chunk whenever the other has
    /// its fill; `each` takes every result in order and may stop the pass.
    pub fn redact_stream<E>(
        &mut self,
        state: &mut StreamState,
        mut next_chunk: impl FnMut() -> Result<Option<(Vec<u8>, Option<Scanned>)>, E>,
        mut each: impl FnMut(Redacted) -> Result<ControlFlow<()>, E>,
    ) -> Result<(), E> {
        // Numbering placeholders is the one step that must go in order;
        // it holds them apart from what the finding thread reads.
        let mut placeholders = std::mem::take(&mut self.placeholders);
        let result = std::thread::scope(|scope| {
            let finder = &*self;
            let (to_worker, worker_in) = sync_channel::<(Vec<u8>, Option<Scanned>)>(AHEAD);
            let (worker_out, from_worker) = sync_channel::<Found>(AHEAD);
            let worker = std::thread::Builder::new()
                .name("redact ahead".into())
                .spawn_scoped(scope, move || {
                    let mut fresh = Fresh::default();
                    for (chunk, scanned) in worker_in {
                        let ready = match finder.redact_cached(&chunk, scanned) {
                            Some((cands, carry_out)) => Found::Cached {
                                chunk,
                                cands,
                                carry_out,
                            },
                            // Scanned afresh, the work split as in learning.
                            None => Found::Prepared(fresh.prepare(chunk)),
                        };
                        if worker_out.send(ready).is_err() {
                            break;
                        }
                    }
                });
            let Ok(worker) = worker else {
                // No second thread: the same work, one chunk after another.
                while let Some((chunk, scanned)) = next_chunk()? {
                    let lines_before = state.lines_before;
                    let cands = finder.find_to_redact(&chunk, scanned, state);
                    let redacted =
                        replace(&mut placeholders, &finder.kept, &chunk, cands, lines_before);
                    if each(redacted)?.is_break() {
                        break;
                    }
                }
                return Ok(());
            };
            let mut feed = Feed::new(to_worker, AHEAD);
            let mut order = VecDeque::new();
            loop {
                if !feed.top_up_sharing(&mut next_chunk, &mut order)? {
                    drop(feed);
                    join_worker(worker);
                    return Ok(());
                }
                // A chunk this thread holds is searched while the worker
                // finishes the ones before it.
                if matches!(order.front(), Some(Turn::Worker))
                    && let Some(Turn::Here(here)) = order
                        .iter_mut()
                        .find(|t| matches!(t, Turn::Here(h) if !h.searched))
                {
                    here.search(finder);
                }
                let lines_before = state.lines_before;
                let (chunk, cands) = match order.pop_front() {
                    Some(Turn::Here(mut here)) => {
                        here.search(finder);
                        let Here { chunk, found, .. } = *here;
                        let cands = match found {
                            Some((cands, carry_out)) => {
                                *state = carry_out;
                                cands
                            }
                            // Not what learning kept after all: scanned afresh.
                            None => finder.find_to_redact(&chunk, None, state),
                        };
                        (chunk, cands)
                    }
                    Some(Turn::Worker) => {
                        // The redacting pass searches with the patterns
                        // learning needed, compiled then: none is compiled
                        // ahead here.
                        let Ok(found) = from_worker.recv() else {
                            drop(feed);
                            join_worker(worker);
                            unreachable!("the worker ends only when its input closes");
                        };
                        feed.received();
                        match found {
                            Found::Cached {
                                chunk,
                                cands,
                                carry_out,
                            } => {
                                *state = carry_out;
                                (chunk, cands)
                            }
                            Found::Prepared(prepared) => finder.finish_prepared(prepared, state),
                        }
                    }
                    None => unreachable!("`top_up_sharing` said a chunk is in `order`"),
                };
                let redacted =
                    replace(&mut placeholders, &finder.kept, &chunk, cands, lines_before);
                if each(redacted)?.is_break() {
                    return Ok(());
                }
            }
        });
        self.placeholders = placeholders;
        result
    }
}

/// What the stream's thread hands the worker: up to `limit` items in
/// front of the one it finishes.
struct Feed<T> {
    to_worker: SyncSender<T>,
    limit: usize,
    in_flight: usize,
    read_all: bool,
    /// Read, but waiting for the worker to have room.
    held: Option<T>,
}

impl<T> Feed<T> {
    fn new(to_worker: SyncSender<T>, limit: usize) -> Self {
        Feed {
            to_worker,
            limit,
            in_flight: 0,
            read_all: false,
            held: None,
        }
    }

    /// Reads and hands on items until `limit` are in flight or the input
    /// ends. False once every item has come back.
    fn top_up<E>(&mut self, next: &mut impl FnMut() -> Result<Option<T>, E>) -> Result<bool, E> {
        while !self.read_all && self.in_flight < self.limit {
            match next()? {
                // A closed channel means the worker died: its panic is
                // raised when nothing comes back.
                Some(item) => {
                    if self.to_worker.send(item).is_ok() {
                        self.in_flight += 1;
                    }
                }
                None => self.read_all = true,
            }
        }
        Ok(self.in_flight > 0)
    }

    fn received(&mut self) {
        self.in_flight -= 1;
    }
}

/// A kept chunk of the redacting pass this thread searches itself.
struct Here {
    chunk: Vec<u8>,
    scanned: Option<Scanned>,
    searched: bool,
    /// What to replace and the stream's state after the chunk; `None` when
    /// the chunk is not what learning kept.
    found: Option<(Vec<Candidate>, StreamState)>,
}

impl Here {
    fn search(&mut self, finder: &Engine) {
        if !self.searched {
            self.searched = true;
            self.found = finder.redact_cached(&self.chunk, self.scanned.take());
        }
    }
}

/// Whose the next chunk of the redacting pass is, in the order read.
enum Turn {
    Worker,
    /// Boxed: a scan's state is a few hundred bytes.
    Here(Box<Here>),
}

impl Feed<(Vec<u8>, Option<Scanned>)> {
    /// As [`Feed::top_up`], but while the worker has `limit` chunks in
    /// flight and this thread none of its own, a chunk learning kept is
    /// held here: finding known values again is most of such a chunk's
    /// work, and this thread would otherwise wait. So the work balances
    /// itself, whatever the share placeholders take. False once `order`
    /// is empty.
    fn top_up_sharing<E>(
        &mut self,
        next: &mut impl FnMut() -> Result<Option<(Vec<u8>, Option<Scanned>)>, E>,
        order: &mut VecDeque<Turn>,
    ) -> Result<bool, E> {
        while !self.read_all {
            let worker_has_room = self.in_flight < self.limit;
            let holds_one = order.iter().any(|t| matches!(t, Turn::Here(_)));
            if !worker_has_room && holds_one {
                break;
            }
            let item = match self.held.take() {
                Some(item) => item,
                None => match next()? {
                    Some(item) => item,
                    None => {
                        self.read_all = true;
                        break;
                    }
                },
            };
            if worker_has_room {
                // A closed channel means the worker died: its panic is
                // raised when nothing comes back.
                if self.to_worker.send(item).is_ok() {
                    self.in_flight += 1;
                }
                order.push_back(Turn::Worker);
            } else if item.1.is_some() {
                let (chunk, scanned) = item;
                order.push_back(Turn::Here(Box::new(Here {
                    chunk,
                    scanned,
                    searched: false,
                    found: None,
                })));
            } else {
                // Scanned afresh, it is the worker's when it has room.
                self.held = Some(item);
                break;
            }
        }
        // A chunk is held back only while the worker has chunks in `order`.
        debug_assert!(self.held.is_none() || !order.is_empty());
        Ok(!order.is_empty())
    }
}

/// What the worker sends next; while it is not ready and `compile` holds,
/// the patterns not compiled yet are compiled here, one at a time, on a
/// core that would otherwise wait. Once the text is all read and a chunk
/// has come back, what is left to do needs only the patterns it compiles
/// itself: compiling others would hold up the end (a pattern takes up to 3 ms).
fn recv_compiling<T>(from_worker: &Receiver<T>, compile: bool) -> Result<T, RecvError> {
    if !compile {
        return from_worker.recv();
    }
    // The patterns are listed as the rules are made.
    std::sync::LazyLock::force(&super::RULES);
    loop {
        match from_worker.try_recv() {
            Ok(item) => return Ok(item),
            Err(TryRecvError::Disconnected) => return Err(RecvError),
            Err(TryRecvError::Empty) => {
                if !compile_next() {
                    return from_worker.recv();
                }
            }
        }
    }
}

/// Chunks of the redacting pass that were not kept from learning, prepared
/// on the thread that prepared the learning pass's chunks, so the
/// detectors' regexes search from the same thread (and caches) again.
#[derive(Default)]
struct Fresh {
    beside: Option<(SyncSender<Vec<u8>>, Receiver<Prepared>, Beside<'static>)>,
    /// No thread could be had: chunks are prepared where they are asked for.
    alone: bool,
}

impl Fresh {
    fn prepare(&mut self, chunk: Vec<u8>) -> Prepared {
        if self.beside.is_none() && !self.alone {
            let (to, chunks) = sync_channel(1);
            let (prepared, from) = sync_channel(1);
            match run_beside(move || prepare_all(&chunks, &prepared)) {
                Some(beside) => self.beside = Some((to, from, beside)),
                None => self.alone = true,
            }
        }
        let Some((to, from, _)) = &self.beside else {
            return Prepared::of(chunk);
        };
        if to.send(chunk).is_ok()
            && let Ok(prepared) = from.recv()
        {
            return prepared;
        }
        // The job stopped: its panic is raised here.
        let (to, _, beside) = self.beside.take().expect("a job beside");
        drop(to);
        beside.join();
        unreachable!("the job ends only when its input closes");
    }
}

/// The worker's result, or its panic raised here.
fn join_worker<T>(worker: std::thread::ScopedJoinHandle<'_, T>) -> T {
    worker
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Prepares each chunk; when the thread finishing them is behind (the
/// chunk prepared before is still waiting), runs the [`Movable`](super::Movable)
/// detectors too rather than wait.
fn prepare_all(chunks: &Receiver<Vec<u8>>, prepared: &SyncSender<Prepared>) {
    for chunk in chunks {
        let ready = match prepared.try_send(Prepared::of(chunk)) {
            Ok(()) => continue,
            Err(TrySendError::Disconnected(_)) => return,
            Err(TrySendError::Full(mut ready)) => {
                ready.detect_movable();
                ready
            }
        };
        if prepared.send(ready).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::{Profile, Redacted};

    /// Chunks cut where the stream's state matters: a key block, a table and
    /// a provider's name open across the cuts; look-alike digits and an
    /// encoded run make some chunks read through a view.
    fn chunks() -> Vec<Vec<u8>> {
        let mut pieces = Vec::new();
        for i in 0..6 {
            let mut chunk = String::new();
            for n in 0..400 {
                chunk.push_str(&format!(
                    "2024-03-0{} 10:{:02}:00 order {n} for ana.lima{i}{n}@example.org from 203.0.{i}.{}\n",
                    i + 1,
                    n % 60,
                    n % 250
                ));
            }
            match i {
                0 => chunk.push_str("email,first_name,phone\n"),
                1 => chunk.push_str(
                    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n",
                ),
                2 => chunk.push_str("Calling the Anthropic API\n"),
                3 => chunk.push_str("card ４１１１ １１１１ １１１１ １１１１ on file\n"),
                _ => chunk.push_str("q=name%3DHarriet%20MacLeod%26phone%3D%2B447700900123\n"),
            }
            pieces.push(chunk.into_bytes());
        }
        pieces[1].splice(0..0, b"bo@example.net,Bo,+44 7700 900456\n".iter().copied());
        pieces[2].splice(
            0..0,
            b"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==\n-----END RSA PRIVATE KEY-----\n"
                .iter()
                .copied(),
        );
        pieces[3].splice(
            0..0,
            b"x-api-key: sk-ant-api03-abcDEF123456789012345678901234567890abcdefghij\n"
                .iter()
                .copied(),
        );
        pieces
    }

    fn redact_all(engine: &mut Engine, pieces: &[Vec<u8>]) -> Vec<Redacted> {
        let mut state = StreamState::default();
        pieces
            .iter()
            .map(|chunk| engine.redact_chunk(chunk, &mut state))
            .collect()
    }

    #[test]
    fn the_movable_detectors_find_the_same_on_either_thread() {
        let mut pieces = chunks();
        pieces[0].extend_from_slice(
            b"$ mysql -u root -pS3cretPass wp\ncard 4111 1111 1111 1111 exp 12/29\n",
        );
        let learn = |run_ahead: bool| {
            let mut engine = Engine::new(Profile::Standard);
            let mut state = StreamState::default();
            let mut found = Vec::new();
            for chunk in &pieces {
                let mut prepared = Prepared::of(chunk.clone());
                if run_ahead {
                    prepared.detect_movable();
                }
                let (_, scanned) = engine.learn_prepared(prepared, &mut state);
                found.push(format!("{:?}", scanned.cands.unpack()));
            }
            (found, format!("{state:?}"))
        };
        let (ahead, here) = (learn(true), learn(false));
        assert_eq!(ahead, here);
        for rule in ["\"card-number\"", "\"mysql-password\"", "Anthropic"] {
            assert!(here.0.iter().any(|f| f.contains(rule)), "{rule}");
        }
    }

    #[test]
    fn learning_ahead_finds_what_learning_chunk_by_chunk_finds() {
        let pieces = chunks();
        let mut one_by_one = Engine::new(Profile::Standard);
        let mut state = StreamState::default();
        let mut expected = Vec::new();
        for chunk in &pieces {
            let scanned = one_by_one.learn_chunk(chunk, &mut state);
            expected.push((scanned.cands.len(), format!("{:?}", scanned.carry_out)));
        }

        let mut ahead = Engine::new(Profile::Standard);
        let mut queue = pieces.clone().into_iter();
        let mut got = Vec::new();
        let mut handed = Vec::new();
        let read: Result<(), ()> = ahead.learn_stream(
            &mut StreamState::default(),
            || Ok(queue.next()),
            |chunk, scanned| {
                handed.push(chunk.to_vec());
                got.push((scanned.cands.len(), format!("{:?}", scanned.carry_out)));
            },
        );
        assert_eq!(read, Ok(()));
        assert_eq!(handed, pieces, "every chunk is handed back, in order");
        assert_eq!(got, expected);
        assert!(
            expected
                .iter()
                .any(|(_, carry)| carry.contains("pem_open: Some"))
        );
        assert!(
            expected
                .iter()
                .any(|(_, carry)| carry.contains("table_header: Some"))
        );
        assert!(
            expected
                .iter()
                .any(|(_, carry)| carry.contains("provider: Some"))
        );

        let (a, b) = (
            redact_all(&mut one_by_one, &pieces),
            redact_all(&mut ahead, &pieces),
        );
        for (a, b) in a.iter().zip(&b) {
            assert_eq!(a.text, b.text);
            assert_eq!(a.findings, b.findings);
        }
        assert!(a.iter().map(|r| r.findings.len()).sum::<usize>() > 2400);
    }

    /// What learning each piece in turn kept from it.
    fn learn_all(engine: &mut Engine, pieces: &[Vec<u8>]) -> Vec<Option<Scanned>> {
        let mut state = StreamState::default();
        let scans = pieces
            .iter()
            .map(|chunk| engine.learn_chunk(chunk, &mut state));
        scans.map(Some).collect()
    }

    /// Each piece with its scan redacted in turn on this thread: what the
    /// stream must give, and the state after the last piece.
    fn redact_in_turn(
        engine: &mut Engine,
        pieces: &[Vec<u8>],
        scans: Vec<Option<Scanned>>,
    ) -> (Vec<Redacted>, StreamState) {
        let mut state = StreamState::default();
        let redacted = pieces
            .iter()
            .zip(scans)
            .map(|(chunk, scanned)| {
                let lines_before = state.lines_before;
                let cands = engine.find_to_redact(chunk, scanned, &mut state);
                engine.replace(chunk, cands, lines_before)
            })
            .collect();
        (redacted, state)
    }

    /// The same through [`Engine::redact_stream`].
    fn redact_streamed(
        engine: &mut Engine,
        pieces: &[Vec<u8>],
        scans: Vec<Option<Scanned>>,
    ) -> (Vec<Redacted>, StreamState) {
        let mut items = pieces.iter().cloned().zip(scans);
        let mut got = Vec::new();
        let mut state = StreamState::default();
        let read: Result<(), ()> = engine.redact_stream(
            &mut state,
            || Ok(items.next()),
            |redacted| {
                got.push(redacted);
                Ok(ControlFlow::Continue(()))
            },
        );
        assert_eq!(read, Ok(()));
        (got, state)
    }

    fn assert_same_results(
        (expected, expected_state): &(Vec<Redacted>, StreamState),
        (got, got_state): &(Vec<Redacted>, StreamState),
    ) {
        assert_eq!(got.len(), expected.len());
        for (a, b) in expected.iter().zip(got) {
            assert_eq!(a.text, b.text);
            assert_eq!(a.findings, b.findings);
        }
        assert_eq!(format!("{got_state:?}"), format!("{expected_state:?}"));
    }

    #[test]
    fn redacting_ahead_gives_what_redacting_chunk_by_chunk_gives() {
        let pieces = chunks();
        let mut one_by_one = Engine::new(Profile::Standard);
        let scans = learn_all(&mut one_by_one, &pieces);
        let expected = redact_in_turn(&mut one_by_one, &pieces, scans);

        let mut ahead = Engine::new(Profile::Standard);
        // Every other chunk comes without what learning found in it, as
        // past the cache's budget: it is scanned afresh.
        let mut scans = learn_all(&mut ahead, &pieces);
        scans.iter_mut().skip(1).step_by(2).for_each(|s| *s = None);
        assert_same_results(&expected, &redact_streamed(&mut ahead, &pieces, scans));
        assert_eq!(ahead.distinct_secrets(), one_by_one.distinct_secrets());

        // A sink that stops after two results gets no more.
        let mut queue = pieces.iter();
        let mut taken = 0;
        let read: Result<(), ()> = ahead.redact_stream(
            &mut StreamState::default(),
            || Ok(queue.next().map(|chunk| (chunk.clone(), None))),
            |_| {
                taken += 1;
                Ok(if taken == 2 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                })
            },
        );
        assert_eq!((read, taken), (Ok(()), 2));
    }

    #[test]
    fn kept_chunks_searched_on_either_thread_give_what_one_by_one_gives() {
        let pieces = chunks();
        // Two chunks come with each other's scans, as if the file had
        // changed between the passes: both are scanned afresh.
        let learn = |engine: &mut Engine| {
            let mut scans = learn_all(engine, &pieces);
            scans.swap(2, 3);
            scans
        };
        let mut one_by_one = Engine::new(Profile::Standard);
        let scans = learn(&mut one_by_one);
        let expected = redact_in_turn(&mut one_by_one, &pieces, scans);

        let mut ahead = Engine::new(Profile::Standard);
        let scans = learn(&mut ahead);
        assert_same_results(&expected, &redact_streamed(&mut ahead, &pieces, scans));
        assert_eq!(ahead.distinct_secrets(), one_by_one.distinct_secrets());
    }

    #[test]
    fn a_read_error_stops_the_stream_and_is_returned() {
        let mut engine = Engine::new(Profile::Standard);
        let mut reads = 0;
        let mut learned = 0;
        let read = engine.learn_stream(
            &mut StreamState::default(),
            || {
                reads += 1;
                match reads {
                    1..=3 => Ok(Some(b"mail ana@example.org\n".to_vec())),
                    _ => Err("disk gone"),
                }
            },
            |_, _| learned += 1,
        );
        assert_eq!(read, Err("disk gone"));
        assert!(learned <= 3, "nothing after the error is learned");
    }
}
