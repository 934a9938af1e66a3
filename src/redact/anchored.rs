//! Patterns that only ever match at the start of what they are given (they
//! open with `^`), compiled forward only. A general regex also builds its
//! pattern reversed, to find where a match starts; these always start at
//! 0, and half of their compiling and of their memory went to that reverse
//! automaton, most of all for the patterns built around names (Unicode
//! letter classes, a name of up to four words).
//!
//! The matches are the regex crate's, found by the engines it runs
//! (`regex-automata`): a lazy DFA finds where the match ends, then a
//! backtracker (a PikeVM on long input) reads the groups within it.

use std::ops::Range;

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

pub(crate) struct Engines {
    dfa: DFA,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>,
}

/// One thread's scratch space for each engine.
struct Caches {
    dfa: lazy::Cache,
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
        let nfa = match super::prebuilt::nfa(pattern) {
            Some(nfa) => nfa,
            None => compile_nfa(pattern)?,
        };
        if !nfa.is_always_start_anchored() {
            return Err(format!("`{pattern}` may match after its start"));
        }
        // As the regex crate configures its lazy DFA.
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .unicode_word_boundary(true)
                    .cache_capacity(dfa_cache)
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let caches = {
            let (dfa, backtrack, pikevm) = (dfa.clone(), backtrack.clone(), pikevm.clone());
            let create: Box<dyn Fn() -> Caches + Send + Sync> = Box::new(move || Caches {
                dfa: dfa.create_cache(),
                backtrack: backtrack.create_cache(),
                pikevm: None,
                groups: pikevm.create_captures(),
            });
            Pool::new(create)
        };
        Ok(Engines {
            dfa,
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
        let mut caches = self.caches.get();
        let Caches {
            backtrack,
            pikevm,
            groups,
            ..
        } = &mut *caches;
        // The groups are read within the match, with the bytes around it
        // still seen by look-arounds.
        let input = Input::new(haystack).span(0..end).anchored(Anchored::Yes);
        let searched = end <= self.backtrack.max_haystack_len()
            && self.backtrack.try_search(backtrack, &input, groups).is_ok();
        if !searched {
            let pikevm = pikevm.get_or_insert_with(|| self.pikevm.create_cache());
            self.pikevm.search(pikevm, &input, groups);
        }
        Some(Groups {
            haystack,
            spans: groups
                .iter()
                .map(|span| span.map(|s| s.start..s.end))
                .collect(),
        })
    }

    fn end(&self, haystack: &[u8], earliest: bool) -> Option<usize> {
        let mut caches = self.caches.get();
        let input = Input::new(haystack)
            .anchored(Anchored::Yes)
            .earliest(earliest);
        match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.map(|m| m.offset()),
            // The lazy DFA gave up (its cache thrashed) or met a byte it
            // cannot decide on: the PikeVM answers.
            Err(_) => {
                let mut caps = self.pikevm.create_captures();
                let pikevm = (caches.pikevm).get_or_insert_with(|| self.pikevm.create_cache());
                self.pikevm.search(pikevm, &input, &mut caps);
                caps.get_match().map(|m| m.end())
            }
        }
    }
}

/// The automaton of `pattern` as `regex::bytes::Regex` compiles it
/// forward (bytes, not UTF-8 only).
pub(crate) fn compile_nfa(pattern: &str) -> Result<thompson::NFA, String> {
    thompson::Compiler::new()
        .syntax(syntax::Config::new().utf8(false))
        .configure(
            thompson::Config::new()
                .utf8(false)
                .nfa_size_limit(Some(10 << 20)),
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
