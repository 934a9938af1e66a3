//! The automata (Thompson NFAs) of the patterns searched with `engines`,
//! made when the program is built rather than on every start. Most of
//! those patterns are built around names in any script: compiling one from
//! its source (parsing it, turning Unicode classes into UTF-8 byte ranges)
//! takes one to three milliseconds, and they were most of the compiling a
//! short text waits for. Rebuilding an automaton from its states takes a
//! sixth of that.
//!
//! `patterns.nfa` is written by a test (`the_written_automata_are_current`),
//! which fails when a pattern or the regex engine changes, until the file
//! is written again. A pattern the file does not hold is compiled from its
//! source as before: a stale file costs time, never a wrong match.

use std::sync::Arc;

use regex_automata::MatchKind;
use regex_automata::nfa::thompson::{Builder, NFA, Transition};
use regex_automata::util::look::{Look, LookMatcher};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::primitives::StateID;

static WRITTEN: &[u8] = include_bytes!("patterns.nfa");

/// Opens the file, and changes whenever its layout does.
const MAGIC: &[u8] = b"runbook NFAs 4\n";

/// What each state of an automaton is written as: this byte, then its fields.
mod tag {
    pub const BYTE_RANGE: u8 = 0;
    pub const SPARSE: u8 = 1;
    pub const LOOK: u8 = 2;
    pub const UNION: u8 = 3;
    pub const CAPTURE_START: u8 = 4;
    pub const CAPTURE_END: u8 = 5;
    pub const FAIL: u8 = 6;
    pub const MATCH: u8 = 7;
}

/// A pattern's automata, as written.
pub(crate) struct Written {
    pub forward: NFA,
    /// For a pattern searched anywhere: the pattern reversed, and what
    /// skips to where a match may open, found from the literals every
    /// match opens with, as the regex crate finds them.
    pub searched: Option<(WrittenNfa, Option<Prefilter>)>,
}

/// An automaton as written, read when it is first needed.
#[derive(Clone, Copy)]
pub(crate) struct WrittenNfa(&'static [u8]);

impl WrittenNfa {
    pub fn read(self) -> Option<NFA> {
        read(self.0)
    }

    /// An automaton whose bytes end before its first state.
    #[cfg(test)]
    pub fn cut_short() -> WrittenNfa {
        WrittenNfa(&[0, b'\n'])
    }
}

/// The automata written for `source`, if the file holds them.
pub(crate) fn automata(source: &str) -> Option<Written> {
    let mut file = Reader(WRITTEN.strip_prefix(MAGIC)?);
    while !file.0.is_empty() {
        let key = file.slice()?;
        let mut entry = Reader(file.slice()?);
        if key != source.as_bytes() {
            continue;
        }
        let forward = read(entry.slice()?)?;
        if entry.0.is_empty() {
            return Some(Written {
                forward,
                searched: None,
            });
        }
        let reverse = WrittenNfa(entry.slice()?);
        let literals = (0..entry.number()?)
            .map(|_| entry.slice())
            .collect::<Option<Vec<_>>>()?;
        let prefilter = Prefilter::new(MatchKind::LeftmostFirst, &literals);
        return Some(Written {
            forward,
            searched: Some((reverse, prefilter)),
        });
    }
    None
}

/// An automaton from its states, as the compiler made them: the same
/// states in the same order, so the automaton is the compiler's own.
fn read(body: &[u8]) -> Option<NFA> {
    let mut r = Reader(body);
    let reverse = r.byte()? == 1;
    let mut look_matcher = LookMatcher::new();
    look_matcher.set_line_terminator(r.byte()?);
    let states = r.number()?;
    let (start_anchored, start_unanchored, pattern_start) = (r.state()?, r.state()?, r.state()?);
    let mut b = Builder::new();
    b.set_utf8(false);
    b.set_reverse(reverse);
    b.set_look_matcher(look_matcher);
    b.start_pattern().ok()?;
    for at in 0..states {
        let added = match r.byte()? {
            tag::BYTE_RANGE => b.add_range(r.transition(at)?),
            tag::SPARSE => {
                let n = r.number()?;
                let mut transitions = Vec::with_capacity(n.min(r.0.len()));
                for _ in 0..n {
                    transitions.push(r.transition(at)?);
                }
                b.add_sparse(transitions)
            }
            tag::LOOK => {
                let look = Look::from_repr(u32::try_from(r.number()?).ok()?)?;
                b.add_look(r.state_near(at)?, look)
            }
            tag::UNION => {
                let n = r.number()?;
                let mut alternates = Vec::with_capacity(n.min(r.0.len()));
                for _ in 0..n {
                    alternates.push(r.state_near(at)?);
                }
                b.add_union(alternates)
            }
            tag::CAPTURE_START => {
                let group = u32::try_from(r.number()?).ok()?;
                let name = match r.slice()? {
                    [] => None,
                    name => Some(Arc::from(std::str::from_utf8(name).ok()?)),
                };
                b.add_capture_start(r.state_near(at)?, group, name)
            }
            tag::CAPTURE_END => {
                let group = u32::try_from(r.number()?).ok()?;
                b.add_capture_end(r.state_near(at)?, group)
            }
            tag::FAIL => b.add_fail(),
            tag::MATCH => b.add_match(),
            _ => return None,
        };
        added.ok()?;
    }
    b.finish_pattern(pattern_start).ok()?;
    b.build(start_anchored, start_unanchored).ok()
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    /// A number in seven bits a byte, lowest first.
    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn slice(&mut self) -> Option<&'a [u8]> {
        let n = self.number()?;
        let (slice, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(slice)
    }

    fn state(&mut self) -> Option<StateID> {
        StateID::new(self.number()?).ok()
    }

    /// A state named from `from`: most point to one near them, so the
    /// distance, zigzagged (0, -1, 1, -2, …), fits in a byte or two.
    fn state_near(&mut self, from: usize) -> Option<StateID> {
        let n = self.number()?;
        let distance = (n >> 1) as isize ^ -((n & 1) as isize);
        StateID::new(from.checked_add_signed(distance)?).ok()
    }

    fn transition(&mut self, from: usize) -> Option<Transition> {
        let (start, end) = (self.byte()?, self.byte()?);
        Some(Transition {
            start,
            end,
            next: self.state_near(from)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use regex_automata::PatternID;
    use regex_automata::nfa::thompson::State;

    use super::*;

    fn put_number(out: &mut Vec<u8>, mut n: usize) {
        while n >= 0x80 {
            out.push(n as u8 | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    fn put_slice(out: &mut Vec<u8>, slice: &[u8]) {
        put_number(out, slice.len());
        out.extend_from_slice(slice);
    }

    fn put_state_near(out: &mut Vec<u8>, from: usize, to: StateID) {
        let distance = to.as_usize() as isize - from as isize;
        put_number(
            out,
            ((distance << 1) ^ (distance >> (isize::BITS - 1))) as usize,
        );
    }

    fn put_transition(out: &mut Vec<u8>, from: usize, t: &Transition) {
        out.extend_from_slice(&[t.start, t.end]);
        put_state_near(out, from, t.next);
    }

    /// The states of a one-pattern automaton, as [`read`] reads them.
    fn write(nfa: &NFA) -> Vec<u8> {
        assert!(!nfa.is_utf8() && nfa.pattern_len() == 1);
        let mut out = vec![
            u8::from(nfa.is_reverse()),
            nfa.look_matcher().get_line_terminator(),
        ];
        put_number(&mut out, nfa.states().len());
        let pattern_start = nfa.start_pattern(PatternID::ZERO).unwrap();
        for start in [nfa.start_anchored(), nfa.start_unanchored(), pattern_start] {
            put_number(&mut out, start.as_usize());
        }
        let groups = nfa.group_info();
        for (at, state) in nfa.states().iter().enumerate() {
            match state {
                State::ByteRange { trans } => {
                    out.push(tag::BYTE_RANGE);
                    put_transition(&mut out, at, trans);
                }
                State::Sparse(sparse) => {
                    out.push(tag::SPARSE);
                    put_number(&mut out, sparse.transitions.len());
                    for t in sparse.transitions.iter() {
                        put_transition(&mut out, at, t);
                    }
                }
                State::Dense(_) => unreachable!("the compiler makes no dense states"),
                State::Look { look, next } => {
                    out.push(tag::LOOK);
                    put_number(&mut out, look.as_repr() as usize);
                    put_state_near(&mut out, at, *next);
                }
                State::Union { alternates } => {
                    out.push(tag::UNION);
                    put_number(&mut out, alternates.len());
                    for &alt in alternates.iter() {
                        put_state_near(&mut out, at, alt);
                    }
                }
                State::BinaryUnion { alt1, alt2 } => {
                    out.push(tag::UNION);
                    put_number(&mut out, 2);
                    put_state_near(&mut out, at, *alt1);
                    put_state_near(&mut out, at, *alt2);
                }
                State::Capture {
                    next,
                    pattern_id,
                    group_index,
                    slot,
                } => {
                    let group = group_index.as_usize();
                    // A group's first slot is where it starts, its second where it ends.
                    if groups.slot(*pattern_id, group) == Some(slot.as_usize()) {
                        out.push(tag::CAPTURE_START);
                        put_number(&mut out, group);
                        let name = groups.to_name(*pattern_id, group).unwrap_or("");
                        put_slice(&mut out, name.as_bytes());
                    } else {
                        out.push(tag::CAPTURE_END);
                        put_number(&mut out, group);
                    }
                    put_state_near(&mut out, at, *next);
                }
                State::Fail => out.push(tag::FAIL),
                State::Match { .. } => out.push(tag::MATCH),
            }
        }
        out
    }

    /// The automata of a pattern of the rules, compiled now.
    fn compiled(source: &str, searched: bool) -> Vec<NFA> {
        let mut automata = vec![crate::redact::engines::compile_nfa(source).unwrap()];
        if searched {
            automata.push(crate::redact::engines::compile_reverse_nfa(source).unwrap());
        }
        automata
    }

    /// The literals every match of `source` opens with, as the regex crate
    /// reads them for its prefilter; none when they are too many to help.
    fn prefixes(source: &str) -> Vec<Vec<u8>> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        let config = regex_automata::util::syntax::Config::new().utf8(false);
        let hir = regex_automata::util::syntax::parse_with(source, &config).unwrap();
        let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        prefixes.optimize_for_prefix_by_preference();
        prefixes.literals().map_or_else(Vec::new, |literals| {
            literals.iter().map(|l| l.as_bytes().to_vec()).collect()
        })
    }

    /// The file as it should be: every pattern of the rules searched with
    /// `engines`, compiled now.
    fn written_now() -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for (source, searched) in crate::redact::scan::prebuilt_sources() {
            let mut entry = Vec::new();
            for nfa in compiled(&source, searched) {
                put_slice(&mut entry, &write(&nfa));
            }
            if searched {
                let prefixes = prefixes(&source);
                put_number(&mut entry, prefixes.len());
                for literal in &prefixes {
                    put_slice(&mut entry, literal);
                }
            }
            put_slice(&mut out, source.as_bytes());
            put_slice(&mut out, &entry);
        }
        out
    }

    #[test]
    fn the_written_automata_are_current() {
        let now = written_now();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/redact/prebuilt/patterns.nfa"
        );
        if std::env::var_os("RUNBOOK_WRITE_AUTOMATA").is_some() {
            std::fs::write(path, &now).unwrap();
            return;
        }
        assert!(
            now == WRITTEN,
            "{path} is out of date (a pattern or the regex engine changed): \
             write it again with `RUNBOOK_WRITE_AUTOMATA=1 cargo test --lib prebuilt`"
        );
    }

    #[test]
    fn an_automaton_read_back_is_the_one_compiled() {
        let sources = crate::redact::scan::prebuilt_sources();
        assert!(sources.len() >= 10, "{} patterns", sources.len());
        // Groups that may not take part, a named group, look-arounds, and
        // an alternation of many branches.
        let made_up = [
            (r"^(?:(a)|(?P<second>ab)|(abc))(?-u:\b)$", true),
            (r"^(?m:^x$)(?:y|z|w|v)\B", true),
        ];
        let sources = sources.iter().map(|(s, searched)| (s.as_str(), *searched));
        for (source, searched) in sources.chain(made_up) {
            for nfa in compiled(source, searched) {
                let read = read(&write(&nfa)).unwrap();
                assert_eq!(format!("{read:?}"), format!("{nfa:?}"), "{source}");
                assert_eq!(read.is_reverse(), nfa.is_reverse());
                assert_eq!(
                    format!("{:?}", read.group_info()),
                    format!("{:?}", nfa.group_info()),
                    "{source}"
                );
            }
        }
    }

    #[test]
    fn a_pattern_not_written_is_not_found() {
        assert!(automata("^not a pattern of this program").is_none());
        assert!(read(&[]).is_none());
        assert!(read(&[0, b'\n', 5, 0, 0, 0, tag::MATCH]).is_none());
    }
}
