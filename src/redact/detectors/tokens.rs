//! Tokens that announce themselves with a vendor prefix (`sk-proj-`, `AIza`, `whsec_`, ...).
//!
//! One Aho-Corasick automaton finds every prefix in a line; only the rules whose prefix
//! was seen run their (anchored) regex, and a validator confirms the shape where the
//! vendor gives us one (JWT header, ...).

use aho_corasick::{AhoCorasick, MatchKind};

use crate::redact::Kind;
use crate::redact::scan::{AnchoredPattern, Candidate, Priority, compile_anchored};
use crate::redact::token_rules::{Keep, TokenRule, token_rules};
use crate::redact::validate::is_aws_secret_shape;

pub(crate) struct TokenRules {
    /// The anchors tokens are found by, indexed as the automaton's patterns:
    /// the rules' prefixes cut to [`ANCHOR_MAX`] bytes, none extending another.
    prefixes: Vec<&'static str>,
    automaton: AhoCorasick,
    /// For each anchor: the rules with a prefix that starts with it, in table order.
    by_prefix: Vec<Vec<usize>>,
    rules: Vec<TokenRule>,
    /// Each rule's pattern, anchored at the token's start: forward only,
    /// from automata written ahead rather than compiled at every start.
    regexes: Vec<AnchoredPattern>,
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
        // A secret may open with a `/`, which the separators took in:
        // the last start that gives forty base64 characters wins.
        let fits = |start: usize| {
            let end = start + 40;
            text.get(start..end).is_some_and(is_aws_secret_shape)
                && !text
                    .get(end)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+'))
        };
        if let Some(start) = (h.end + 1..=h.end + gap).rev().find(|&s| fits(s)) {
            let end = start + 40;
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
        let prefixes = anchors(&rules);
        let by_prefix: Vec<Vec<usize>> = prefixes
            .iter()
            .map(|a| {
                (0..rules.len())
                    .filter(|&i| rules[i].prefixes.iter().any(|p| p.starts_with(a)))
                    .collect()
            })
            .collect();
        let automaton = AhoCorasick::builder()
            // Only short values go through it (the gate finds prefixes in
            // text): a full DFA of 170 prefixes cost more to build than it saved.
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&prefixes)
            .expect("token prefixes build");
        let regexes = rules.iter().map(|r| compile_anchored(r.pattern)).collect();
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
                if !r
                    .prefixes
                    .iter()
                    .any(|p| line[at..].starts_with(p.as_bytes()))
                {
                    continue;
                }
                let Some(start) = token_start(line, at, r) else {
                    continue;
                };
                if start < covered_until {
                    continue;
                }
                let Some(len) = self.regexes[ri].find_end(&line[start..]) else {
                    continue;
                };
                let token = &line[start..start + len];
                if line.get(start + len) == Some(&b'_') {
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
                    end: start + len,
                    kind: r.kind,
                    rule: r.id,
                    refine_by_context: r.refine_by_context,
                });
                covered_until = start + len;
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

/// The longest anchor kept: the gate's automaton grows with every byte of
/// every word, and a few bytes of a prefix already pick out its rules.
const ANCHOR_MAX: usize = 8;

/// The rules' prefixes cut to [`ANCHOR_MAX`] bytes, without any that
/// extends another (`sk-ant-` goes, `sk-` finds it).
fn anchors(rules: &[TokenRule]) -> Vec<&'static str> {
    let mut cut: Vec<&'static str> = rules
        .iter()
        .flat_map(|r| r.prefixes.iter())
        .map(|p| p.get(..ANCHOR_MAX).unwrap_or(p))
        .collect();
    cut.sort_unstable();
    cut.dedup();
    cut.iter()
        .copied()
        .filter(|a| !cut.iter().any(|b| b != a && a.starts_with(b)))
        .collect()
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
