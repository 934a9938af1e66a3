//! Patterns searched with the regex crate's own engines (`regex-automata`),
//! built from automata written ahead (see `prebuilt`) rather than compiled
//! from their source on every start. The matches and groups are the regex
//! crate's: a lazy DFA finds where a match ends (and, reversed, where it
//! starts), then a backtracker (a PikeVM on long input) reads the groups
//! within it, as the regex crate does.
//!
//! Two forms. [`Engines`]: patterns that only ever match at the start of
//! what they are given (they open with `^`), compiled forward only. A
//! general regex also builds its pattern reversed, to find where a match
//! starts; these always start at 0, and half of their compiling and of
//! their memory went to that reverse automaton, most of all for the
//! patterns built around names (Unicode letter classes, a name of up to
//! four words). [`Searcher`]: patterns searched anywhere in a line, forward
//! and reversed, with the prefilter the regex crate would make from the
//! literals their matches open with (most patterns the gate's helpers run).

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

use super::prebuilt::WrittenNfa;

pub(crate) struct Engines {
    dfa: DFA,
    /// The pattern reversed, for a [`Searcher`]: a match found forward is
    /// read back from its end to where it starts.
    reverse: Option<Reverse>,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>,
}

/// A pattern searched anywhere in what it is given.
pub(crate) struct Searcher(Engines);

/// A searcher's pattern reversed, read (or compiled) and made a lazy DFA
/// the first time a match's start is sought. Most patterns a sparse log
/// wakes never match it, and never pay for their reverse automaton, the
/// larger of the two.
struct Reverse {
    written: Option<WrittenNfa>,
    pattern: String,
    config: lazy::Config,
    dfa: OnceLock<Option<DFA>>,
}

impl Reverse {
    /// `None` if the automaton cannot be had: the PikeVM answers instead.
    fn dfa(&self) -> Option<&DFA> {
        self.dfa
            .get_or_init(|| {
                let nfa = match self.written.and_then(WrittenNfa::read) {
                    Some(nfa) => nfa,
                    None => compile_reverse_nfa(&self.pattern).ok()?,
                };
                (DFA::builder().configure(self.config.clone()))
                    .build_from_nfa(nfa)
                    .ok()
            })
            .as_ref()
    }
}

/// One thread's scratch space for each engine.
struct Caches {
    dfa: lazy::Cache,
    /// Made with the reverse automaton, when a match's start is first sought.
    reverse: Option<lazy::Cache>,
    backtrack: backtrack::Cache,
    /// Made when first needed: a PikeVM's scratch space grows with the
    /// automaton times its groups (hundreds of kilobytes for a name
    /// pattern), and most threads never run one.
    pikevm: Option<pikevm::Cache>,
    groups: Captures,
}

/// The groups of one match, as offsets into what was searched.
pub(crate) struct Groups<'h> {
    haystack: &'h [u8],
    spans: Vec<Option<Range<usize>>>,
}

/// One group of a match.
pub(crate) struct Group<'h> {
    haystack: &'h [u8],
    span: Range<usize>,
}

impl<'h> Groups<'h> {
    /// The groups of a match found in `haystack` another way.
    pub fn of(haystack: &'h [u8], spans: impl Iterator<Item = Option<Range<usize>>>) -> Self {
        Groups {
            haystack,
            spans: spans.collect(),
        }
    }

    pub fn get(&self, i: usize) -> Option<Group<'h>> {
        let span = self.spans.get(i)?.clone()?;
        Some(Group {
            haystack: self.haystack,
            span,
        })
    }
}

impl<'h> Group<'h> {
    pub fn start(&self) -> usize {
        self.span.start
    }

    pub fn end(&self) -> usize {
        self.span.end
    }

    pub fn as_bytes(&self) -> &'h [u8] {
        &self.haystack[self.span.clone()]
    }
}

impl Engines {
    /// Compiled as `regex::bytes::Regex` compiles (bytes, not UTF-8 only),
    /// with the lazy DFA's cache limited to `dfa_cache` bytes.
    pub fn new(pattern: &str, dfa_cache: usize) -> Result<Engines, String> {
        let nfa = match super::prebuilt::automata(pattern) {
            Some(written) => written.forward,
            None => compile_nfa(pattern)?,
        };
        if !nfa.is_always_start_anchored() {
            return Err(format!("`{pattern}` may match after its start"));
        }
        Engines::of(nfa, None, None, dfa_cache)
    }

    /// `reverse`, `prefilter`: for a [`Searcher`], the pattern (its
    /// reversed automaton, if written) and what skips to where a match may open.
    fn of(
        nfa: NFA,
        reverse: Option<(Option<WrittenNfa>, &str)>,
        prefilter: Option<Prefilter>,
        dfa_cache: usize,
    ) -> Result<Engines, String> {
        // As the regex crate configures its lazy DFAs.
        let config = DFA::config()
            .unicode_word_boundary(true)
            .cache_capacity(dfa_cache)
            .skip_cache_capacity_check(false)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let dfa = DFA::builder()
            .configure(
                config
                    .clone()
                    .specialize_start_states(prefilter.is_some())
                    .prefilter(prefilter),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let reverse = reverse.map(|(written, pattern)| Reverse {
            written,
            pattern: pattern.to_string(),
            config: config
                .prefilter(None)
                .specialize_start_states(false)
                .match_kind(MatchKind::All),
            dfa: OnceLock::new(),
        });
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let caches = {
            let dfa = dfa.clone();
            let (backtrack, pikevm) = (backtrack.clone(), pikevm.clone());
            let create: Box<dyn Fn() -> Caches + Send + Sync> = Box::new(move || Caches {
                dfa: dfa.create_cache(),
                reverse: None,
                backtrack: backtrack.create_cache(),
                pikevm: None,
                groups: pikevm.create_captures(),
            });
            Pool::new(create)
        };
        Ok(Engines {
            dfa,
            reverse,
            backtrack,
            pikevm,
            caches,
        })
    }

    pub fn is_match(&self, haystack: &[u8]) -> bool {
        self.end(haystack, true).is_some()
    }

    /// Where the match at the start of `haystack` ends, if there is one.
    pub fn find_end(&self, haystack: &[u8]) -> Option<usize> {
        self.end(haystack, false)
    }

    pub fn captures<'h>(&self, haystack: &'h [u8]) -> Option<Groups<'h>> {
        let end = self.end(haystack, false)?;
        Some(self.groups_within(haystack, 0..end))
    }

    /// The groups of the match that spans `span` of `haystack`. They are
    /// read within it, with the bytes around it still seen by look-arounds.
    fn groups_within<'h>(&self, haystack: &'h [u8], span: Range<usize>) -> Groups<'h> {
        let mut caches = self.caches.get();
        let Caches {
            backtrack,
            pikevm,
            groups,
            ..
        } = &mut *caches;
        let input = Input::new(haystack).span(span).anchored(Anchored::Yes);
        let searched = input.get_span().len() <= self.backtrack.max_haystack_len()
            && self.backtrack.try_search(backtrack, &input, groups).is_ok();
        if !searched {
            let pikevm = pikevm.get_or_insert_with(|| self.pikevm.create_cache());
            self.pikevm.search(pikevm, &input, groups);
        }
        Groups {
            haystack,
            spans: groups
                .iter()
                .map(|span| span.map(|s| s.start..s.end))
                .collect(),
        }
    }

    fn end(&self, haystack: &[u8], earliest: bool) -> Option<usize> {
        let input = Input::new(haystack)
            .anchored(Anchored::Yes)
            .earliest(earliest);
        let mut caches = self.caches.get();
        match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.map(|m| m.offset()),
            Err(_) => self.pikevm_match(&mut caches, &input).map(|m| m.end),
        }
    }

    /// What the PikeVM finds, where the lazy DFA gave up (its cache
    /// thrashed) or met a byte it cannot decide on.
    fn pikevm_match(&self, caches: &mut Caches, input: &Input<'_>) -> Option<Range<usize>> {
        let mut caps = self.pikevm.create_captures();
        let pikevm = (caches.pikevm).get_or_insert_with(|| self.pikevm.create_cache());
        self.pikevm.search(pikevm, input, &mut caps);
        caps.get_match().map(|m| m.range())
    }
}

impl Searcher {
    /// Compiled as `regex::bytes::Regex` compiles, forward and reversed.
    pub fn new(pattern: &str, dfa_cache: usize) -> Result<Searcher, String> {
        let (forward, (reverse, prefilter)) = match super::prebuilt::automata(pattern) {
            Some(super::prebuilt::Written {
                forward,
                searched: Some((reverse, prefilter)),
            }) => (forward, (Some(reverse), prefilter)),
            // Compiled here, the pattern is searched without a prefilter:
            // finding its literals would take as long as compiling.
            _ => (compile_nfa(pattern)?, (None, None)),
        };
        Engines::of(forward, Some((reverse, pattern)), prefilter, dfa_cache).map(Searcher)
    }

    /// The leftmost-first match in `haystack` from `from` on, as the regex
    /// crate finds it: forward to where it ends, then back to its start.
    pub fn find_at(&self, haystack: &[u8], from: usize) -> Option<Range<usize>> {
        let e = &self.0;
        let input = Input::new(haystack).range(from..);
        let mut caches = e.caches.get();
        let caches = &mut *caches;
        let end = match e.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found?.offset(),
            Err(_) => return e.pikevm_match(caches, &input),
        };
        if end == from {
            return Some(end..end);
        }
        let back = input
            .clone()
            .span(from..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        // A searcher always has its reverse automaton; were it missing, the
        // PikeVM would answer rather than a match be passed over.
        let started = match e.reverse.as_ref().and_then(Reverse::dfa) {
            Some(reverse) => {
                let cache = (caches.reverse).get_or_insert_with(|| reverse.create_cache());
                reverse.try_search_rev(cache, &back)
            }
            None => Ok(None),
        };
        match started {
            Ok(Some(start)) => Some(start.offset()..end),
            _ => e.pikevm_match(caches, &input),
        }
    }

    /// Whether `haystack` holds a match: forward only, stopping at the first.
    pub fn is_match(&self, haystack: &[u8]) -> bool {
        let e = &self.0;
        let input = Input::new(haystack).earliest(true);
        let mut caches = e.caches.get();
        match e.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            Err(_) => e.pikevm_match(&mut caches, &input).is_some(),
        }
    }

    pub fn captures_at<'h>(&self, haystack: &'h [u8], from: usize) -> Option<Groups<'h>> {
        let span = self.find_at(haystack, from)?;
        Some(self.0.groups_within(haystack, span))
    }

    /// Each match in `haystack`, left to right, as the regex crate's
    /// `find_iter` gives them: an empty match where the last one ended is
    /// passed over.
    pub fn each_match(&self, haystack: &[u8], mut f: impl FnMut(Range<usize>)) {
        self.each(
            haystack,
            |from| self.find_at(haystack, from),
            |m| f(m.clone()),
        );
    }

    /// [`Searcher::each_match`] with the groups of each match.
    pub fn each_captures<'h>(&self, haystack: &'h [u8], mut f: impl FnMut(&Groups<'h>)) {
        self.each(haystack, |from| self.captures_at(haystack, from), |g| f(g));
    }

    fn each<M: Spanned>(
        &self,
        haystack: &[u8],
        find: impl Fn(usize) -> Option<M>,
        mut f: impl FnMut(&M),
    ) {
        let (mut from, mut last_end) = (0, None);
        while from <= haystack.len() {
            let Some(mut m) = find(from) else {
                return;
            };
            if m.span().is_empty() && Some(m.span().end) == last_end {
                match find(from + 1) {
                    Some(next) if from < haystack.len() => m = next,
                    _ => return,
                }
            }
            f(&m);
            from = m.span().end;
            last_end = Some(from);
        }
    }
}

/// What [`Searcher::each`] walks over: a match, with or without its groups.
trait Spanned {
    fn span(&self) -> Range<usize>;
}

impl Spanned for Range<usize> {
    fn span(&self) -> Range<usize> {
        self.clone()
    }
}

impl Spanned for Groups<'_> {
    fn span(&self) -> Range<usize> {
        self.spans[0].clone().unwrap_or_default()
    }
}

fn compiler(config: thompson::Config) -> thompson::Compiler {
    let mut compiler = thompson::Compiler::new();
    compiler
        .syntax(syntax::Config::new().utf8(false))
        .configure(config.utf8(false).nfa_size_limit(Some(10 << 20)));
    compiler
}

/// The automaton of `pattern` as `regex::bytes::Regex` compiles it
/// forward (bytes, not UTF-8 only).
pub(crate) fn compile_nfa(pattern: &str) -> Result<NFA, String> {
    compiler(thompson::Config::new())
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// The automaton of `pattern` reversed, as the regex crate compiles it to
/// find where a match starts: without groups, and shrunk. Reversed, a
/// Unicode class shares no suffixes unless asked to: a name pattern's
/// automaton went from 11,436 states to 1,377. The same language, so the
/// same starts; fewer states to read at start-up and to close over each
/// time the lazy DFA meets a new state (most of a first megabyte's reverse
/// searching). Shrinking costs compile time, paid when the file is written.
pub(crate) fn compile_reverse_nfa(pattern: &str) -> Result<NFA, String> {
    compiler(
        thompson::Config::new()
            .reverse(true)
            .shrink(true)
            .which_captures(WhichCaptures::None),
    )
    .build(pattern)
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::bytes::Regex;

    /// What the regex crate finds at the start of `hay`: the match's end
    /// and every group.
    fn by_regex(re: &Regex, hay: &[u8]) -> Option<(usize, Vec<Option<Range<usize>>>)> {
        let c = re.captures(hay)?;
        let groups = c.iter().map(|g| g.map(|m| m.range())).collect();
        Some((c.get(0)?.end(), groups))
    }

    fn by_engines(e: &Engines, hay: &[u8]) -> Option<(usize, Vec<Option<Range<usize>>>)> {
        let g = e.captures(hay)?;
        assert_eq!(e.find_end(hay), g.get(0).map(|m| m.end()));
        Some((g.get(0)?.end(), g.spans))
    }

    #[test]
    fn finds_what_the_regex_crate_finds() {
        let patterns = [
            // Names in Unicode, groups that may not take part, a word
            // boundary and a line end right after the match.
            r"^([\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){0,3})(?:[ \t]+\((\d+)\))?(?-u:\b)",
            r"^(?i:my[ \t]+(?:name[ \t]+is|wife))[ \t]+(\p{Lu}\p{Ll}+)[ \t]*$",
            r"^\x22?(\w+)\x22?[ \t]+<([^<>\s@]+)@",
            // Leftmost-first: the first alternative that matches wins.
            r"^(?:(a)|(ab)|(abc))",
            r"^\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue)[ \t]+(.+?)(?:,|$)",
        ];
        let hays: [&[u8]; 12] = [
            b"Ana Lima (0123) said",
            b"\xc9lodie Fran\xc3\xa7ois",
            "Élodie François Dupont-Moreau and".as_bytes(),
            b"Ana Lima (12)x",
            b"My name is Zo\xc3\xab",
            b"my  WIFE   Mair\xc3\xa9ad  ",
            b"\"ana\" <ana.lima@example.org>",
            b"abc",
            b"ab",
            b"12 bis, rue de la Paix, Paris",
            b"12 rue Victor Hugo",
            b"",
        ];
        for pattern in patterns {
            let re = Regex::new(pattern).unwrap();
            let engines = Engines::new(pattern, 1 << 20).unwrap();
            for hay in hays {
                assert_eq!(
                    by_engines(&engines, hay),
                    by_regex(&re, hay),
                    "{pattern} on {hay:?}"
                );
                assert_eq!(
                    engines.is_match(hay),
                    re.is_match(hay),
                    "{pattern} on {hay:?}"
                );
            }
        }
    }

    /// Every match the regex crate's iterator finds in `hay`, with its groups.
    fn all_by_regex(re: &Regex, hay: &[u8]) -> Vec<Vec<Option<Range<usize>>>> {
        re.captures_iter(hay)
            .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
            .collect()
    }

    fn all_by_searcher(s: &Searcher, hay: &[u8]) -> Vec<Vec<Option<Range<usize>>>> {
        let mut all = Vec::new();
        s.each_captures(hay, |g| all.push(g.spans.clone()));
        let mut ends = Vec::new();
        s.each_match(hay, |m| ends.push(m));
        let spans: Vec<Range<usize>> = all.iter().map(|g| g[0].clone().unwrap()).collect();
        assert_eq!(ends, spans, "matches and captures disagree on {hay:?}");
        all
    }

    #[test]
    fn a_searched_pattern_finds_every_match_the_regex_crate_finds() {
        let patterns = [
            // Where a match starts is found reading back from its end.
            r"(?i)(?-u:\b)(?:pass(?:word|wd)?|mot[ \t]+de[ \t]+passe)(?-u:\b)[ \t]*:[ \t]*(\S{3,})",
            r"(?:^|[^\w+])(\+\d{1,3}(?:[ .\-]?\(?\d{1,5}\)?){2,6})",
            r"(?:\p{Lu}\p{Ll}+[ \t]+)?[1-9]\d?-chome(?:-[1-9]\d{0,3}){1,2}|(\p{Lu}\p{Ll}+)-san",
            // Leftmost-first, and groups that may not take part.
            r"(a)|(ab)|(abc)x?",
            // Empty matches, between and after others.
            r"b*",
            r"(?-u:\b)",
            // A Unicode word boundary: the lazy DFA gives up on letters past
            // ASCII, and the PikeVM answers.
            r"\b(\w+)\b",
        ];
        let hays: [&[u8]; 10] = [
            b"Password: hunter2 and passwd:  s3cret!",
            "mot de passe : été2024 ; PASS:xy".as_bytes(),
            b"call +44 20 7946 0018 or x+1 555 0100, +353-1-555-0142",
            "3-chome-5-1 Higashi, Tanaka-san and Sato-san".as_bytes(),
            b"abcx ab a abc",
            b"abbbcbb b",
            b"",
            "Élan vital, ökonomie 42".as_bytes(),
            b"\xff\xfe invalid bytes abc",
            b"one\ntwo three",
        ];
        for pattern in patterns {
            let re = Regex::new(pattern).unwrap();
            let searcher = Searcher::new(pattern, 1 << 20).unwrap();
            for hay in hays {
                assert_eq!(
                    all_by_searcher(&searcher, hay),
                    all_by_regex(&re, hay),
                    "{pattern} on {hay:?}"
                );
                for from in 0..=hay.len() {
                    assert_eq!(
                        searcher.find_at(hay, from),
                        re.find_at(hay, from).map(|m| m.range()),
                        "{pattern} on {hay:?} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_rules_searched_patterns_find_what_the_regex_crate_finds() {
        // Built from the written automata, with the prefilter their
        // literals make: every line of the sample evidence, and lines
        // made to hold what the patterns look for.
        let sample = include_str!("../../assets/sample-evidence.log");
        let made_up = [
            "Password: hunter2xyz, passwd: s3cr3t!! and PASSWORT:   abcdefgh",
            "call me on +44 20 7946 0018 or sms +353 1 555 0142; tel. 0176 5550123",
            "Tanaka-san lives at 3-chome-5-1 Higashi-Ikebukuro, flat 12 / H.No. 6-5-210/B,",
            "curl -u admin:pw https://u:p@example.org/x Bearer abcdefgh123 4242 4242 4242 4242",
            "sshpass -p 'pw1' ssh x; mysql -u root -pS3cret db; IDENTIFIED BY 'pw2'",
            "ana.lima@example.org, DE89 3704 0044 0532 0130 00, cvv 123, Am Markt 5",
        ];
        let sources = crate::redact::scan::prebuilt_sources();
        let searched: Vec<&String> = sources.iter().filter(|(_, s)| *s).map(|(p, _)| p).collect();
        assert!(searched.len() >= 6, "{} searched patterns", searched.len());
        for pattern in searched {
            let re = Regex::new(pattern).unwrap();
            let searcher = Searcher::new(pattern, 1 << 20).unwrap();
            for hay in sample.lines().chain(made_up) {
                let hay = hay.as_bytes();
                assert_eq!(
                    all_by_searcher(&searcher, hay),
                    all_by_regex(&re, hay),
                    "{pattern} on {hay:?}"
                );
                assert_eq!(
                    searcher.is_match(hay),
                    re.is_match(hay),
                    "{pattern} on {hay:?}"
                );
            }
        }
    }

    #[test]
    fn a_searchers_reverse_automaton_is_made_at_its_first_match() {
        let pattern = r"(?-u:\b)(\p{Lu}\p{Ll}+)[ \t]+(\d{3,})";
        let re = Regex::new(pattern).unwrap();
        let searcher = Searcher::new(pattern, 1 << 20).unwrap();
        let reverse = searcher.0.reverse.as_ref().unwrap();
        for hay in ["no match here", "lower 123", "Ana"] {
            assert_eq!(searcher.find_at(hay.as_bytes(), 0), None);
            assert!(searcher.is_match(hay.as_bytes()) == re.is_match(hay.as_bytes()));
        }
        assert!(reverse.dfa.get().is_none(), "built before any match");
        let hay = "seen by Élodie 4242 and Ana 777".as_bytes();
        assert_eq!(all_by_searcher(&searcher, hay), all_by_regex(&re, hay));
        assert!(reverse.dfa.get().is_some_and(Option::is_some));
    }

    #[test]
    fn a_reverse_automaton_written_wrong_is_compiled_instead() {
        // A file cut short: the pattern is compiled from its source, and
        // the starts are the regex crate's all the same.
        let pattern = r"(?i)(?-u:\b)pass(?:word)?[ \t]*[:=][ \t]*(\S+)";
        let re = Regex::new(pattern).unwrap();
        let forward = compile_nfa(pattern).unwrap();
        let cut = Some((Some(WrittenNfa::cut_short()), pattern));
        let searcher = Searcher(Engines::of(forward, cut, None, 1 << 20).unwrap());
        let hay = "x PASSWORD: hunter2, pass=abc".as_bytes();
        assert_eq!(all_by_searcher(&searcher, hay), all_by_regex(&re, hay));
        let reverse = searcher.0.reverse.as_ref().unwrap();
        assert!(reverse.dfa.get().is_some_and(Option::is_some));
    }

    #[test]
    fn a_pattern_that_may_match_further_on_is_refused() {
        assert!(Engines::new(r"^a|b", 1 << 20).is_err());
        assert!(Engines::new(r"(?m)^a", 1 << 20).is_err());
        assert!(Engines::new(r"^a|^b", 1 << 20).is_ok());
    }

    #[test]
    fn where_the_lazy_dfa_cannot_decide_the_pikevm_answers() {
        // A Unicode word boundary stops the lazy DFA at the first byte
        // past ASCII; the PikeVM finds the match from there.
        let pattern = r"^(\w+)\b[ \t]+(\w+)";
        let engines = Engines::new(pattern, 1 << 20).unwrap();
        let re = Regex::new(pattern).unwrap();
        for hay in ["Élan ökonomie", "plain ascii", "Ωmega"] {
            let hay = hay.as_bytes();
            assert_eq!(by_engines(&engines, hay), by_regex(&re, hay), "{hay:?}");
            assert_eq!(engines.is_match(hay), re.is_match(hay));
        }
        assert!(engines.is_match("Élan ökonomie".as_bytes()));
    }
}
