//! Running the redaction engine over large evidence a chunk at a time, so
//! the screen keeps answering keys while 20 MB is redacted.
//!
//! A full pass learns the whole text first (so a value found once is
//! redacted everywhere), then redacts it. Adding a term needs only the
//! redacting half again. Keeping or un-keeping a value needs no pass at all:
//! it only changes how the placeholder is drawn.

use crate::redact::{Engine, Finding, StreamState};

/// A chunk never grows past this looking for a line end.
const LONGEST_LINE: usize = 4 * 1024 * 1024;
/// The smallest chunk worth a call.
const MIN_BUDGET: usize = 4 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Learning,
    Redacting,
}

/// Work in progress over one text.
pub struct Pass {
    phase: Phase,
    /// Next byte to process.
    position: usize,
    stream: StreamState,
    /// Findings of the redacting phase so far, offsets into the whole text.
    found: Vec<Finding>,
}

impl Pass {
    /// Learn, then redact.
    pub fn full() -> Pass {
        Pass::starting(Phase::Learning)
    }

    /// Redact only: the engine already learned this text.
    pub fn redact_only() -> Pass {
        Pass::starting(Phase::Redacting)
    }

    fn starting(phase: Phase) -> Pass {
        Pass {
            phase,
            position: 0,
            stream: StreamState::default(),
            found: Vec::new(),
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Processes about `budget` bytes. Returns the findings once the whole
    /// text is redacted, sorted by position.
    pub fn step(
        &mut self,
        engine: &mut Engine,
        text: &[u8],
        budget: usize,
    ) -> Option<Vec<Finding>> {
        let end = chunk_end(text, self.position, budget.max(MIN_BUDGET));
        let chunk = &text[self.position..end];
        match self.phase {
            Phase::Learning => {
                engine.learn_chunk(chunk, &mut self.stream);
            }
            Phase::Redacting => {
                let offset = self.position;
                let redacted = engine.redact_chunk(chunk, &mut self.stream);
                self.found
                    .extend(redacted.findings.into_iter().map(|mut f| {
                        f.start += offset;
                        f.end += offset;
                        f
                    }));
            }
        }
        self.position = end;
        if self.position < text.len() {
            return None;
        }
        match self.phase {
            Phase::Learning => {
                *self = Pass::redact_only();
                None
            }
            Phase::Redacting => Some(std::mem::take(&mut self.found)),
        }
    }

    /// The text before this offset already has its new findings.
    pub fn redacted_up_to(&self) -> usize {
        match self.phase {
            Phase::Learning => 0,
            Phase::Redacting => self.position,
        }
    }

    pub fn found(&self) -> &[Finding] {
        &self.found
    }

    /// Percent done, learning counted as the first half when there is one.
    pub fn percent(&self, len: usize, learns: bool) -> u8 {
        let done = self.position as f64 / len.max(1) as f64;
        let overall = match (self.phase, learns) {
            (Phase::Learning, _) => done / 2.0,
            (Phase::Redacting, true) => 0.5 + done / 2.0,
            (Phase::Redacting, false) => done,
        };
        (overall * 100.0).clamp(0.0, 100.0) as u8
    }
}

/// Where a chunk starting at `from` ends: after a line end at or past
/// `from + budget`; a line longer than [`LONGEST_LINE`] is cut after a space
/// or delimiter, so no token is split.
fn chunk_end(text: &[u8], from: usize, budget: usize) -> usize {
    let target = from.saturating_add(budget);
    if target >= text.len() {
        return text.len();
    }
    let limit = target.saturating_add(LONGEST_LINE).min(text.len());
    if let Some(newline) = memchr::memchr(b'\n', &text[target..limit]) {
        return target + newline + 1;
    }
    if limit == text.len() {
        return limit;
    }
    let window = limit.saturating_sub(4096).max(target);
    text[window..limit]
        .iter()
        .rposition(|b| matches!(b, b' ' | b'\t' | b',' | b';' | b'}' | b'>'))
        .map_or(limit, |p| window + p + 1)
}

/// The findings overlapping `range`, from a list sorted by position.
pub fn overlapping(findings: &[Finding], range: std::ops::Range<usize>) -> &[Finding] {
    let first = findings.partition_point(|f| f.end <= range.start);
    let count = findings[first..].partition_point(|f| f.start < range.end);
    &findings[first..first + count]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Profile;

    #[test]
    fn chunks_end_at_line_ends() {
        let text = b"aaaa\nbbbb\ncccc\n";
        assert_eq!(chunk_end(text, 0, 2), 5);
        assert_eq!(chunk_end(text, 5, 4), 10);
        assert_eq!(chunk_end(text, 10, 100), text.len());
    }

    #[test]
    fn a_chunked_pass_finds_what_one_whole_pass_finds() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!(
                "[24-Nov-2026 09:58:{:02} UTC] order {i} for ana.lima@example.org, key sk-proj-Qm7xK2pV9tR4wZ8nB3cJ6yH1dL5fG0sA-uE4iO7aN2mX9qT3rW8vC\n",
                i % 60
            ));
        }
        text.push_str("Thanks, ana.lima@example.org\n");
        let text = text.as_bytes();

        let mut whole = Engine::new(Profile::Standard);
        whole.learn(text);
        let expected = whole.redact(text).findings;

        let mut engine = Engine::new(Profile::Standard);
        let mut pass = Pass::full();
        let mut steps = 0;
        let found = loop {
            steps += 1;
            if let Some(found) = pass.step(&mut engine, text, 1) {
                break found;
            }
        };
        assert!(steps > 4, "the text was processed in several chunks");
        assert!(!expected.is_empty());
        let positions = |f: &[Finding]| {
            f.iter()
                .map(|f| (f.start, f.end, f.placeholder.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(positions(&found), positions(&expected));
    }

    #[test]
    fn overlapping_takes_exactly_the_findings_of_a_range() {
        let mut engine = Engine::new(Profile::Standard);
        let text = b"a ana.lima@example.org\nnothing\nb bob.stone@example.net\n";
        engine.learn(text);
        let findings = engine.redact(text).findings;
        assert_eq!(findings.len(), 2);
        assert_eq!(overlapping(&findings, 0..22).len(), 1);
        assert_eq!(overlapping(&findings, 23..30).len(), 0);
        assert_eq!(overlapping(&findings, 31..54)[0].start, findings[1].start);
    }
}
