//! Candidates and the line index of a block of text.
//!
//! Detectors work on a block of whole lines (all of a pasted field, or a 64 KiB
//! chunk of a stream) so each regex and the keyword automaton run once per block
//! rather than once per line. Every span they report stays inside one line:
//! redaction never adds or removes a line.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use regex::bytes::{Regex, RegexBuilder};

use super::Kind;
use super::byteclass::positions;
use super::engines::{Engines, Searcher};

/// How far after a key a value is looked for; see [`line_end_near`].
pub(crate) const VALUE_WINDOW: usize = 4096;

/// The end of the line holding `from`, or [`VALUE_WINDOW`] bytes on when the
/// line runs longer: what follows a key is read within a window, so a line
/// of megabytes costs each key the same as a short one.
pub(crate) fn line_end_near(text: &[u8], from: usize) -> usize {
    let window = (from + VALUE_WINDOW).min(text.len());
    memchr::memchr(b'\n', &text[from..window]).map_or(window, |p| from + p)
}

/// Each pattern's lazy-DFA cache limit (the regex crate's own), for each
/// thread that searches with it.
/// Patterns that open with names or many words are searched anchored where
/// they may start (see `gate::anchored_captures_in`), so none needs more.
const DFA_CACHE: usize = 2 << 20;

/// A detector's regex, compiled the first time a text needs it: most texts
/// (a pasted line, a sparse log) wake a few rules, and compiling all of them
/// is most of a short run's time. [`compile_all`] compiles every one at
/// once (`Engine::warm_up`).
pub(crate) struct Pattern(Arc<Lazy<Regex>>);

/// A pattern that only matches at the start of what it is given (it opens
/// with `^`), compiled forward only: see [`super::engines`].
pub(crate) struct AnchoredPattern(Arc<Lazy<Engines>>);

/// A pattern searched anywhere, built from automata written ahead (see
/// [`super::engines`]): most patterns the gate's helpers run over lines.
pub(crate) struct SearchedPattern(Arc<Lazy<Searcher>>);

/// A pattern's source and, once a text needed it, its compiled form.
struct Lazy<T> {
    source: String,
    compiled: OnceLock<T>,
}

/// What a pattern compiles to.
trait Form: Sized {
    /// Whether its automata are written ahead (see [`super::prebuilt`]),
    /// and reversed too.
    #[cfg(test)]
    const WRITTEN: Option<Reversed>;
    /// Panics if the pattern does not compile: a test compiles every one.
    fn build(source: &str) -> Self;
}

impl Form for Regex {
    #[cfg(test)]
    const WRITTEN: Option<Reversed> = None;
    fn build(source: &str) -> Regex {
        RegexBuilder::new(source)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .expect("detector pattern compiles")
    }
}

impl Form for Engines {
    #[cfg(test)]
    const WRITTEN: Option<Reversed> = Some(false);
    fn build(source: &str) -> Engines {
        Engines::new(source, DFA_CACHE).expect("detector pattern compiles")
    }
}

impl Form for Searcher {
    #[cfg(test)]
    const WRITTEN: Option<Reversed> = Some(true);
    fn build(source: &str) -> Searcher {
        Searcher::new(source, DFA_CACHE).expect("detector pattern compiles")
    }
}

/// Whether a pattern's automata are written reversed as well as forward.
#[cfg(test)]
type Reversed = bool;

impl<T: Form> Lazy<T> {
    fn get(&self) -> &T {
        self.compiled.get_or_init(|| T::build(&self.source))
    }
}

/// What the queue holds: a pattern of either form, to compile ahead.
trait Compile: Send + Sync {
    fn compile(&self);
    #[cfg(test)]
    fn source(&self) -> &str;
    #[cfg(test)]
    fn written(&self) -> Option<Reversed>;
}

impl<T: Form + Send + Sync> Compile for Lazy<T> {
    fn compile(&self) {
        self.get();
    }

    #[cfg(test)]
    fn source(&self) -> &str {
        &self.source
    }

    #[cfg(test)]
    fn written(&self) -> Option<Reversed> {
        T::WRITTEN
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.0.get()
    }
}

impl std::ops::Deref for AnchoredPattern {
    type Target = Engines;

    fn deref(&self) -> &Engines {
        self.0.get()
    }
}

impl std::ops::Deref for SearchedPattern {
    type Target = Searcher;

    fn deref(&self) -> &Searcher {
        self.0.get()
    }
}

/// Patterns in the order they were made, and how many of them a thread
/// with time to spare has taken to compile.
#[derive(Default)]
struct Queue {
    patterns: Vec<Arc<dyn Compile>>,
    taken: usize,
}

impl Queue {
    /// The next pattern not taken yet; a pattern made later is taken later.
    fn take(&mut self) -> Option<Arc<dyn Compile>> {
        let next = self.patterns.get(self.taken).cloned()?;
        self.taken += 1;
        Some(next)
    }
}

/// Every pattern made, so that [`compile_next`] can reach each one.
static PATTERNS: Mutex<Queue> = Mutex::new(Queue {
    patterns: Vec::new(),
    taken: 0,
});

fn queue() -> std::sync::MutexGuard<'static, Queue> {
    PATTERNS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Compiles a detector pattern with ASCII word boundaries. A Unicode `\b` makes
/// the regex engine abandon its DFA on any non-ASCII haystack (names with
/// accents), which costs two orders of magnitude; patterns that must start or
/// end at a Unicode letter check their edges in code instead.
pub(crate) fn compile(pattern: &str) -> Pattern {
    Pattern(queued(pattern))
}

/// [`compile`] for a pattern that opens with `^` and is only searched from
/// where a match may start.
pub(crate) fn compile_anchored(pattern: &str) -> AnchoredPattern {
    AnchoredPattern(queued(pattern))
}

/// [`compile`] for a pattern whose automata are written ahead.
pub(crate) fn compile_searched(pattern: &str) -> SearchedPattern {
    SearchedPattern(queued(pattern))
}

fn queued<T>(pattern: &str) -> Arc<Lazy<T>>
where
    Lazy<T>: Compile + 'static,
{
    let lazy = Arc::new(Lazy {
        source: pattern.replace(r"\b", r"(?-u:\b)"),
        compiled: OnceLock::new(),
    });
    queue().patterns.push(Arc::clone(&lazy) as Arc<dyn Compile>);
    lazy
}

/// Compiles every pattern not compiled yet.
pub(crate) fn compile_all() {
    let patterns = queue().patterns.clone();
    for pattern in patterns {
        pattern.compile();
    }
}

/// The source of every pattern of the rules whose automata are written
/// ahead, each once, in order, and whether they are written reversed too
/// (see [`super::prebuilt`]).
#[cfg(test)]
pub(crate) fn prebuilt_sources() -> Vec<(String, Reversed)> {
    std::sync::LazyLock::force(&super::RULES);
    let mut sources: Vec<(String, Reversed)> = (queue().patterns.iter())
        .filter_map(|p| Some((p.source().to_string(), p.written()?)))
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

/// Runs `work` while another thread compiles patterns, until `work` is
/// done. That thread is not waited for: it stops after the pattern it is on.
pub(crate) fn compile_beside<T>(work: impl FnOnce() -> T) -> T {
    let done = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&done);
    // Without a thread, the patterns compile when first needed all the same.
    let _ = std::thread::Builder::new()
        .name("compile patterns".into())
        .spawn(move || while !stop.load(Ordering::Relaxed) && compile_next() {});
    let out = work();
    done.store(true, Ordering::Relaxed);
    out
}

/// Compiles one more pattern, unless every one has been taken: a thread
/// with nothing else to do spends its wait on the patterns the text may
/// need next. A pattern another thread is compiling is waited for.
pub(crate) fn compile_next() -> bool {
    // Taken under the lock, compiled outside it.
    let next = queue().take();
    match next {
        Some(pattern) => {
            pattern.compile();
            true
        }
        None => false,
    }
}

/// Which detector family spoke. Higher wins an overlap; equal ones merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Priority {
    /// A value seen elsewhere in this session, or a custom term.
    Known = 1,
    /// Shape plus context: prose names, phones near "call me", free-text keywords.
    Heuristic = 2,
    /// The value of a field whose name says what it is.
    Keyed = 3,
    /// A validated structure: card + Luhn, IBAN + mod-97, email, IP, URL credentials.
    Structural = 4,
    /// A vendor-prefixed token or a PEM block.
    Token = 5,
}

impl Priority {
    /// Every priority, weakest first: `ALL[p as usize - 1]` is `p`.
    pub const ALL: [Priority; 5] = [
        Priority::Known,
        Priority::Heuristic,
        Priority::Keyed,
        Priority::Structural,
        Priority::Token,
    ];
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: &'static str,
    pub priority: Priority,
    /// The span is a whole delimited value (between quotes, a `define` salt):
    /// it may swallow stronger findings inside it, since all of it must go.
    pub delimited: bool,
    /// Identity of the secret when it differs from the bytes of the span
    /// (every line of one PEM body shares the first line as its identity).
    pub identity: Option<Vec<u8>>,
    /// `identity` is the value as read through hidden bytes or look-alikes.
    pub seen_through: bool,
}

impl Candidate {
    pub fn new(
        start: usize,
        end: usize,
        kind: Kind,
        rule: &'static str,
        priority: Priority,
    ) -> Self {
        Candidate {
            start,
            end,
            kind,
            rule,
            priority,
            delimited: false,
            identity: None,
            seen_through: false,
        }
    }
}

/// Newline positions of a block, for line/column lookups and line-bounded scans.
pub(crate) struct Lines<'a> {
    pub text: &'a [u8],
    /// Byte offset where each line starts; always begins with 0.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(positions(text, [b'\n']).map(|p| p + 1));
        Lines { text, starts }
    }

    /// The index [`Lines::new`] built for `text`, kept from before with
    /// [`Lines::into_starts`].
    pub fn from_starts(text: &'a [u8], starts: Vec<usize>) -> Self {
        debug_assert_eq!(starts.first(), Some(&0));
        Lines { text, starts }
    }

    pub fn into_starts(self) -> Vec<usize> {
        self.starts
    }

    /// Zero-based line index of a byte offset.
    pub fn line_of(&self, pos: usize) -> usize {
        match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// End of the line holding `pos`, excluding the newline (and a `\r` before it).
    pub fn line_end_at(&self, pos: usize) -> usize {
        let line = self.line_of(pos);
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > self.starts[line] && self.text.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    pub fn line_start_at(&self, pos: usize) -> usize {
        self.starts[self.line_of(pos)]
    }

    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The line holding `pos`, for positions that mostly come in order: walks
    /// forward from line `from`, and searches only when `pos` lies before it.
    pub fn line_from(&self, from: usize, pos: usize) -> usize {
        if self.starts.get(from).is_none_or(|&start| start > pos) {
            return self.line_of(pos);
        }
        let mut line = from;
        while self.starts.get(line + 1).is_some_and(|&next| next <= pos) {
            line += 1;
        }
        line
    }

    /// Where line `n` ends: before its newline, or at the end of the text.
    pub fn line_end(&self, n: usize) -> usize {
        self.starts
            .get(n + 1)
            .map_or(self.text.len(), |&next| next - 1)
    }

    /// Line `n`, without its newline (and a `\r` before it).
    pub fn line_range(&self, n: usize) -> std::ops::Range<usize> {
        let start = self.starts[n];
        let mut end = self.line_end(n);
        if end > start && self.text[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns compile when a text first needs one: a pattern that does
    /// not compile must fail here, not on the text that first needs it.
    #[test]
    fn every_detector_pattern_compiles() {
        crate::redact::Engine::warm_up();
        let patterns = queue().patterns.clone();
        assert!(patterns.len() > 100, "{} patterns", patterns.len());
        // Other tests may be compiling some: each is waited for.
        for pattern in patterns {
            pattern.compile();
        }
    }

    #[test]
    fn each_priority_sits_at_its_number_less_one() {
        for (i, &p) in Priority::ALL.iter().enumerate() {
            assert_eq!(p as usize - 1, i, "{p:?}");
        }
    }

    #[test]
    fn a_pattern_made_after_the_queue_ran_dry_is_still_taken() {
        let made = |source: &str| -> Arc<dyn Compile> {
            Arc::new(Lazy::<Regex> {
                source: source.to_string(),
                compiled: OnceLock::new(),
            })
        };
        let mut queue = Queue::default();
        queue.patterns.push(made("a"));
        assert_eq!(
            queue.take().map(|p| p.source().to_string()),
            Some("a".into())
        );
        assert!(queue.take().is_none());
        assert!(queue.take().is_none());
        queue.patterns.push(made("b"));
        assert_eq!(
            queue.take().map(|p| p.source().to_string()),
            Some("b".into())
        );
        assert!(queue.take().is_none());
    }

    #[test]
    fn lines_found_walking_forward_match_the_search() {
        let text = b"one\ntwo two\n\nfour\r\nlast";
        let lines = Lines::new(text);
        let mut from = 0;
        // In order, repeated, backwards, and from past the last line.
        for pos in [0, 2, 3, 4, 12, 12, 13, 5, 20, 27, 1] {
            from = lines.line_from(from, pos);
            assert_eq!(from, lines.line_of(pos), "{pos}");
        }
        assert_eq!(lines.line_from(99, 4), 1);
        assert_eq!(lines.line_end(3), 18);
        assert_eq!(lines.line_range(3), 13..17);
        assert_eq!(lines.line_end(4), text.len());
    }

    #[test]
    fn line_lookup() {
        let lines = Lines::new(b"one\ntwo\r\nthree");
        assert_eq!(lines.line_of(0), 0);
        assert_eq!(lines.line_of(4), 1);
        assert_eq!(lines.line_end_at(5), 7);
        assert_eq!(lines.line_of(9), 2);
        assert_eq!(lines.line_end_at(10), 14);
        assert_eq!(lines.count(), 3);
    }
}
