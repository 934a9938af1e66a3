//! What surrounds a value: the AI provider mentioned nearby (so a bare
//! `Bearer <key>` after `POST https://api.cohere.com` becomes `[COHERE_KEY_1]`),
//! and the object a field sits in (`"name"` inside `"shipping"` is a person).

use crate::redact::Kind;
use crate::redact::keys::key_words;
use crate::redact::scan::Lines;
use crate::redact::vocabulary::AI_PROVIDERS;

/// How far back (in lines) a provider mention still tells whose key follows.
const PROVIDER_REACH_LINES: usize = 12;

pub(crate) struct ProviderWords {
    words: Vec<&'static str>,
    kinds: Vec<Kind>,
}

impl ProviderWords {
    pub fn new() -> Self {
        let mentions = AI_PROVIDERS
            .iter()
            .flat_map(|s| s.mentions.iter().map(move |&m| (m, s.kind)));
        let (words, kinds) = mentions.unzip();
        ProviderWords { words, kinds }
    }

    /// The words, for a gate group whose hits [`Context::from_hits`] takes.
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }
}

/// Whole words only: "xai" must not fire inside "taxation".
fn whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| text[i]);
    let after = text.get(end).copied();
    !before.is_some_and(|b| b.is_ascii_alphabetic())
        && !after.is_some_and(|b| b.is_ascii_alphabetic())
}

/// Per-block context, built once before the detectors run.
pub(crate) struct Context<'a> {
    lines: &'a Lines<'a>,
    /// (byte offset, provider) of every provider mention in the block.
    mentions: Vec<(usize, Kind)>,
    /// A mention carried over from earlier blocks of the same stream:
    /// the provider and how many lines before this block it was.
    carried: Option<(Kind, usize)>,
}

impl<'a> Context<'a> {
    /// Finds the provider mentions itself; detectors share one gate pass instead.
    #[cfg(test)]
    pub fn new(
        lines: &'a Lines<'a>,
        words: &ProviderWords,
        carried: Option<(Kind, usize)>,
    ) -> Self {
        use crate::redact::gate::{GateSet, GateWords};
        let gates = GateSet::new(&[GateWords {
            words: words.words(),
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: true,
        }]);
        let hits = gates.scan(lines).hits.swap_remove(0);
        Self::from_hits(lines, words, &hits, carried)
    }

    /// The context of a block from the hits of the provider words' gate group:
    /// (start, word index), in order of start.
    pub fn from_hits(
        lines: &'a Lines<'a>,
        words: &ProviderWords,
        hits: &[(usize, usize)],
        carried: Option<(Kind, usize)>,
    ) -> Self {
        let mut mentions: Vec<(usize, Kind)> = Vec::with_capacity(hits.len());
        let mut covered = 0;
        for &(start, wi) in hits {
            // Leftmost-longest, as `new` finds them: no mention inside another.
            let end = start + words.words[wi].len();
            if start < covered || !whole_word(lines.text, start, end) {
                continue;
            }
            mentions.push((start, words.kinds[wi]));
            covered = end;
        }
        Context {
            lines,
            mentions,
            carried,
        }
    }

    /// The lines that mention a provider, in order, each once.
    pub fn mention_lines(&self) -> Vec<usize> {
        let mut lines: Vec<usize> = self
            .mentions
            .iter()
            .map(|&(p, _)| self.lines.line_of(p))
            .collect();
        lines.dedup();
        lines
    }

    /// The provider mentioned on the line of `pos` or the `lines` before it,
    /// before `pos`, in this block.
    pub fn provider_just_before(&self, pos: usize, lines: usize) -> Option<Kind> {
        let line = self.lines.line_of(pos);
        let idx = self.mentions.partition_point(|&(p, _)| p < pos);
        let (p, kind) = *self.mentions.get(idx.checked_sub(1)?)?;
        (line - self.lines.line_of(p) <= lines).then_some(kind)
    }

    /// The provider most recently mentioned before `pos`, within reach.
    pub fn provider_at(&self, pos: usize) -> Option<Kind> {
        let line = self.lines.line_of(pos);
        let idx = self.mentions.partition_point(|&(p, _)| p < pos);
        if idx > 0 {
            let (p, kind) = self.mentions[idx - 1];
            if line - self.lines.line_of(p) <= PROVIDER_REACH_LINES {
                return Some(kind);
            }
            return None;
        }
        match self.carried {
            Some((kind, ago)) if ago + line <= PROVIDER_REACH_LINES => Some(kind),
            _ => None,
        }
    }

    /// What to carry into the next block: the last mention and its distance
    /// from the end of this block, in lines.
    pub fn carry_out(&self) -> Option<(Kind, usize)> {
        let last_line = self.lines.count().saturating_sub(1);
        match self.mentions.last() {
            Some(&(p, kind)) => Some((kind, last_line - self.lines.line_of(p) + 1)),
            None => self.carried.map(|(k, ago)| (k, ago + self.lines.count())),
        }
    }
}

/// The key of the object that encloses `pos`: `shipping` for the `name` in
/// `"shipping": {"name": ...}` or in print_r's `[shipping] => Array ( [name] => ...`.
/// Walks back over balanced brackets, at most a few kilobytes.
pub(crate) fn parent_key(text: &[u8], pos: usize) -> Option<Vec<String>> {
    let floor = pos.saturating_sub(4096);
    let mut depth = 0usize;
    // Brackets are sparse in most text: jump between them with vectorised
    // searches (`)` has its own, as the searcher takes at most three bytes).
    let mut braces = memchr::memrchr3_iter(b'{', b'}', b'(', &text[floor..pos]).peekable();
    let mut parens = memchr::memrchr_iter(b')', &text[floor..pos]).peekable();
    loop {
        let i = match (braces.peek(), parens.peek()) {
            (Some(&a), Some(&b)) if b > a => parens.next(),
            (Some(_), _) => braces.next(),
            (None, _) => parens.next(),
        };
        let i = floor + i?;
        match text[i] {
            b'}' | b')' => depth += 1,
            _ => {
                if depth == 0 {
                    return key_before_opener(text, i);
                }
                depth -= 1;
            }
        }
    }
}

fn key_before_opener(text: &[u8], opener: usize) -> Option<Vec<String>> {
    let mut j = opener;
    // print_r: "[shipping] => Array\n        (" — skip blanks, "Array", "=>", ":".
    loop {
        while j > 0 && text[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        if j >= 5 && &text[j - 5..j] == b"Array" {
            j -= 5;
            continue;
        }
        if j >= 2 && &text[j - 2..j] == b"=>" {
            j -= 2;
            continue;
        }
        if j >= 1 && matches!(text[j - 1], b':' | b'=') {
            j -= 1;
            continue;
        }
        break;
    }
    if j == 0 {
        return None;
    }
    let close = text[j - 1];
    let (start, end) = match close {
        b'"' | b'\'' | b']' => {
            let open_char = if close == b']' { b'[' } else { close };
            let floor = j.saturating_sub(80);
            let open = (floor..j - 1).rev().find(|&k| text[k] == open_char)?;
            (open + 1, j - 1)
        }
        b if b.is_ascii_alphanumeric() || b == b'_' => {
            let mut s = j - 1;
            while s > 0
                && (text[s - 1].is_ascii_alphanumeric() || text[s - 1] == b'_')
                && j - s < 64
            {
                s -= 1;
            }
            // `name(` is a call, not an object.
            if text[opener] == b'(' && j == opener {
                return None;
            }
            (s, j)
        }
        _ => return None,
    };
    Some(key_words(&text[start..end]))
}

/// Words that make the enclosing object a person's record.
pub(crate) const PERSON_PARENTS: &[&str] = &[
    "shipping",
    "billing",
    "customer",
    "payer",
    "recipient",
    "holder",
    "card",
    "contact",
    "buyer",
    "client",
    "visitor",
    "user",
    "owner",
    "person",
    "cardholder",
    "details",
    "delivery",
    "sender",
    "account",
    "profile",
    "member",
    "subscriber",
    "guest",
    "lead",
    "patient",
    "name",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_of_json_and_print_r() {
        let json = br#"{"shipping": {"name": "A B", "phone": "1"}}"#;
        let pos = memchr::memmem::find(json, b"\"name\"").unwrap();
        assert_eq!(parent_key(json, pos), Some(vec!["shipping".to_string()]));

        let pr = b"[shipping] => Array\n        (\n            [first_name] => X\n";
        let pos = memchr::memmem::find(pr, b"[first_name]").unwrap();
        assert_eq!(parent_key(pr, pos), Some(vec!["shipping".to_string()]));

        let nested = br#"{"a": {"x": 1}, "name": "Q"}"#;
        let pos = memchr::memmem::find(nested, b"\"name\"").unwrap();
        assert_eq!(parent_key(nested, pos), None);
    }

    #[test]
    fn provider_reach() {
        let text =
            b"POST https://api.cohere.com/v2/chat\nRequest headers:\n  Authorization: Bearer abc\n";
        let lines = Lines::new(text);
        let ctx = Context::new(&lines, &ProviderWords::new(), None);
        let pos = memchr::memmem::find(text, b"abc").unwrap();
        assert_eq!(ctx.provider_at(pos), Some(Kind::Cohere));
        assert_eq!(ctx.provider_at(0), None);
    }
}
