//! Tokens that announce themselves with a vendor prefix (`sk-proj-`, `AIza`, `whsec_`, ...).
//!
//! One Aho-Corasick automaton finds every prefix in a line; only the rules whose prefix
//! was seen run their (anchored) regex, and a validator confirms the shape where the
//! vendor gives us one (JWT header, ...).

use aho_corasick::{AhoCorasick, MatchKind};
use regex::bytes::Regex;

use super::Kind;
use super::scan::{Candidate, Priority, compile};
use super::token_rules::{Keep, TokenRule, token_rules};
use super::validate::is_aws_secret_shape;

pub(crate) struct TokenRules {
    /// The prefixes, indexed as the automaton's patterns.
    prefixes: Vec<&'static str>,
    automaton: AhoCorasick,
    /// For each automaton pattern: the rules that start with it, in table order.
    by_prefix: Vec<Vec<usize>>,
    rules: Vec<TokenRule>,
    regexes: Vec<Regex>,
}

/// The secret printed beside an AWS access key id (`AKIA… / wJalr…`, `AKIA…:wJalr…`):
/// forty base64 characters after a short run of separators.
pub(crate) fn aws_secrets_beside_key_ids(text: &[u8], hits: &[TokenHit], out: &mut Vec<Candidate>) {
    for h in hits.iter().filter(|h| h.kind == Kind::AwsAccessKeyId) {
        let gap = text[h.end..]
            .iter()
            .take(8)
            .take_while(|b| {
                matches!(
                    b,
                    b' ' | b'\t' | b'`' | b'\'' | b'"' | b'/' | b':' | b',' | b';' | b'|' | b'='
                )
            })
            .count();
        let start = h.end + gap;
        let end = start + 40;
        let Some(value) = text.get(start..end) else {
            continue;
        };
        let after = text.get(end).copied();
        if gap > 0
            && is_aws_secret_shape(value)
            && !after.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+'))
        {
            out.push(Candidate::new(
                start,
                end,
                Kind::AwsSecretKey,
                "aws-secret-beside-key-id",
                Priority::Structural,
            ));
        }
    }
}

/// A matched token before it becomes a candidate.
pub(crate) struct TokenHit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub rule: &'static str,
    pub refine_by_context: bool,
}

impl TokenRules {
    pub fn new() -> Self {
        let rules = token_rules();
        let mut prefixes: Vec<&'static str> = Vec::new();
        let mut by_prefix: Vec<Vec<usize>> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for &p in r.prefixes {
                match prefixes.iter().position(|&q| q == p) {
                    Some(j) => by_prefix[j].push(i),
                    None => {
                        prefixes.push(p);
                        by_prefix.push(vec![i]);
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&prefixes)
            .expect("token prefixes build");
        let prefixes = prefixes.clone();
        let regexes = rules.iter().map(|r| compile(r.pattern)).collect();
        TokenRules {
            prefixes,
            automaton,
            by_prefix,
            rules,
            regexes,
        }
    }

    /// The prefixes every token starts with: a gate group whose word indexes
    /// [`TokenRules::find_at`] takes.
    pub fn prefixes(&self) -> &[&'static str] {
        &self.prefixes
    }

    /// Every prefixed token in `line`, leftmost first, never overlapping.
    pub fn find(&self, line: &[u8], out: &mut Vec<TokenHit>) {
        let hits: Vec<(usize, usize)> = self
            .automaton
            .find_overlapping_iter(line)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        self.find_at(line, hits, out);
    }

    /// [`TokenRules::find`] given where the prefixes are: (start, prefix index).
    pub fn find_at(&self, line: &[u8], mut hits: Vec<(usize, usize)>, out: &mut Vec<TokenHit>) {
        let mut covered_until = 0usize;
        // Same start: try the patterns in rule order, so `sk-proj-` beats `sk-`.
        hits.sort_by_key(|&(start, pat)| (start, self.by_prefix[pat][0]));
        for (at, pat) in hits {
            if at < covered_until {
                continue;
            }
            for &ri in &self.by_prefix[pat] {
                let r = &self.rules[ri];
                let Some(start) = token_start(line, at, r) else {
                    continue;
                };
                if start < covered_until {
                    continue;
                }
                let Some(m) = self.regexes[ri].find(&line[start..]) else {
                    continue;
                };
                let token = &line[start..start + m.end()];
                if line.get(start + m.end()) == Some(&b'_') {
                    continue;
                }
                if r.check.is_some_and(|check| !check(token)) {
                    continue;
                }
                let keep = match r.keep {
                    Keep::Nothing => 0,
                    Keep::Prefix(n) => n,
                    Keep::ThroughLast(marker) => memchr::memmem::rfind(token, marker.as_bytes())
                        .map_or(0, |p| p + marker.len()),
                    Keep::BeforeGroup => self.regexes[ri]
                        .captures(&line[start..])
                        .and_then(|c| c.get(1))
                        .map_or(0, |g| g.start()),
                };
                out.push(TokenHit {
                    start: start + keep,
                    end: start + m.end(),
                    kind: r.kind,
                    rule: r.id,
                    refine_by_context: r.refine_by_context,
                });
                covered_until = start + m.end();
                break;
            }
        }
    }

    /// Whether `value` is, as a whole, a token some rule knows (so a key/value rule
    /// can leave it to the more specific one).
    pub fn matches_whole(&self, value: &[u8]) -> bool {
        let mut hits = Vec::new();
        self.find(value, &mut hits);
        hits.iter().any(|h| h.end == value.len())
    }
}

/// Where the token whose prefix sits at `at` starts: there, or where its
/// lead begins (`123456789` before `:AA`); `None` when it cannot start a token.
fn token_start(line: &[u8], at: usize, rule: &TokenRule) -> Option<usize> {
    let start = match rule.lead {
        None => at,
        Some(lead) => {
            let n = line[..at]
                .iter()
                .rev()
                .take(lead.max + 1)
                .take_while(|&&b| (lead.class)(b))
                .count();
            if !(lead.min..=lead.max).contains(&n) {
                return None;
            }
            let start = at - n;
            if lead
                .may_follow
                .iter()
                .any(|w| line[..start].ends_with(w.as_bytes()))
            {
                return Some(start);
            }
            start
        }
    };
    starts_token(line, start).then_some(start)
}

/// A token starts where the previous byte cannot continue a word; a `%XX`
/// escape before it counts as a separator (`token%3Dsk-...`).
fn starts_token(line: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let prev = line[start - 1];
    // `_wc_order_attribution`, `table_sk-…`: inside an identifier, not a token.
    if prev == b'_' {
        return false;
    }
    if !prev.is_ascii_alphanumeric() {
        return true;
    }
    start >= 3 && line[start - 3] == b'%' && line[start - 2].is_ascii_hexdigit()
}

pub(crate) fn to_candidates(
    hits: &[TokenHit],
    refine: impl Fn(&TokenHit) -> Kind,
    out: &mut Vec<Candidate>,
) {
    for h in hits {
        let kind = if h.refine_by_context {
            refine(h)
        } else {
            h.kind
        };
        out.push(Candidate::new(
            h.start,
            h.end,
            kind,
            h.rule,
            Priority::Token,
        ));
    }
}
