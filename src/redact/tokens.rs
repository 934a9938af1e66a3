//! Tokens that announce themselves with a vendor prefix (`sk-proj-`, `AIza`, `whsec_`, ...).
//!
//! One Aho-Corasick automaton finds every prefix in a line; only the rules whose prefix
//! was seen run their (anchored) regex, and a validator confirms the shape where the
//! vendor gives us one (JWT header, ...).

use aho_corasick::{AhoCorasick, MatchKind};
use regex::bytes::Regex;

use super::Kind;
use super::scan::{Candidate, Priority, compile};
use super::validate::{is_aws_secret_shape, jwt_header_valid};

/// How much of a matched token stays visible because it tells support something.
#[derive(Clone, Copy)]
enum Keep {
    Nothing,
    /// The first N bytes (`sk_live_`), always shorter than the scorer's 12-byte probe.
    Prefix(usize),
    /// Everything up to and including the last occurrence of this marker
    /// (`pi_…_secret_` keeps the PaymentIntent id, `…/services/T…/B…/`).
    ThroughLast(&'static str),
    /// Everything before capture group 1.
    BeforeGroup,
}

struct TokenRule {
    rule: &'static str,
    prefixes: &'static [&'static str],
    pattern: &'static str,
    kind: Kind,
    keep: Keep,
    /// Provider context may name the real vendor (an `sk-` + hex key near "deepseek").
    refine_by_context: bool,
    check: Option<fn(&[u8]) -> bool>,
}

const fn rule(
    rule: &'static str,
    prefixes: &'static [&'static str],
    pattern: &'static str,
    kind: Kind,
) -> TokenRule {
    TokenRule {
        rule,
        prefixes,
        pattern,
        kind,
        keep: Keep::Nothing,
        refine_by_context: false,
        check: None,
    }
}

const AWS_PREFIXES: &[&str] = &[
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA",
];

fn jwt_check(token: &[u8]) -> bool {
    let header = token.split(|&b| b == b'.').next().unwrap_or_default();
    jwt_header_valid(header)
}

/// Order matters: at one position the first rule that matches wins, so specific
/// prefixes come before the generic `sk-` fallbacks.
fn rules() -> Vec<TokenRule> {
    use Kind::*;
    vec![
        rule(
            "anthropic-key",
            &["sk-ant-"],
            r"^sk-ant-(?:api|admin|sid|oat)\d{2}-[A-Za-z0-9_\-]{20,}",
            Anthropic,
        ),
        rule(
            "openai-project-key",
            &["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"],
            r"^sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_\-]{20,}",
            OpenAi,
        ),
        rule(
            "openrouter-key",
            &["sk-or-v"],
            r"^sk-or-v\d+-[A-Za-z0-9]{20,}",
            OpenRouter,
        ),
        rule(
            "openai-legacy-key",
            &["sk-"],
            r"^sk-[A-Za-z0-9_\-]*T3BlbkFJ[A-Za-z0-9_\-]+",
            OpenAi,
        ),
        TokenRule {
            refine_by_context: true,
            ..rule("sk-hex-key", &["sk-"], r"^sk-[a-f0-9]{32}\b", DeepSeek)
        },
        TokenRule {
            refine_by_context: true,
            ..rule(
                "sk-generic-key",
                &["sk-"],
                r"^sk-[A-Za-z0-9_\-]{20,}",
                AiKey,
            )
        },
        rule("xai-key", &["xai-"], r"^xai-[A-Za-z0-9]{40,}", Xai),
        rule(
            "perplexity-key",
            &["pplx-"],
            r"^pplx-[A-Za-z0-9]{32,}",
            Perplexity,
        ),
        rule(
            "google-api-key",
            &["AIza"],
            r"^AIza[0-9A-Za-z_\-]{35,}",
            Gemini,
        ),
        rule("groq-key", &["gsk_"], r"^gsk_[A-Za-z0-9]{20,}", Groq),
        rule(
            "huggingface-token",
            &["hf_"],
            r"^hf_[A-Za-z0-9]{30,}",
            HuggingFace,
        ),
        rule(
            "huggingface-org-token",
            &["api_org_"],
            r"^api_org_[A-Za-z0-9]{30,}",
            HuggingFace,
        ),
        rule(
            "replicate-token",
            &["r8_"],
            r"^r8_[A-Za-z0-9]{30,}",
            Replicate,
        ),
        rule(
            "elevenlabs-key",
            &["sk_"],
            r"^sk_[a-f0-9]{48}\b",
            ElevenLabs,
        ),
        rule(
            "pinecone-key",
            &["pcsk_"],
            r"^pcsk_[A-Za-z0-9_]{40,}",
            Pinecone,
        ),
        TokenRule {
            keep: Keep::Prefix(8),
            ..rule(
                "stripe-secret-key",
                &["sk_live_", "sk_test_"],
                r"^sk_(?:live|test)_[A-Za-z0-9]{10,}",
                StripeSecretKey,
            )
        },
        TokenRule {
            keep: Keep::Prefix(8),
            ..rule(
                "stripe-restricted-key",
                &["rk_live_", "rk_test_"],
                r"^rk_(?:live|test)_[A-Za-z0-9]{10,}",
                StripeRestrictedKey,
            )
        },
        TokenRule {
            keep: Keep::Prefix(8),
            ..rule(
                "stripe-publishable-key",
                &["pk_live_", "pk_test_"],
                r"^pk_(?:live|test)_[A-Za-z0-9]{10,}",
                StripePublishableKey,
            )
        },
        rule(
            "stripe-webhook-secret",
            &["whsec_"],
            r"^whsec_[A-Za-z0-9+/=]{16,}",
            StripeWebhookSecret,
        ),
        TokenRule {
            keep: Keep::ThroughLast("_secret_"),
            ..rule(
                "stripe-client-secret",
                &["pi_", "seti_", "src_"],
                r"^(?:pi|seti|src)_[A-Za-z0-9]{8,}_secret_[A-Za-z0-9]{8,}",
                StripeClientSecret,
            )
        },
        rule(
            "github-token",
            &["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
            r"^gh[pousr]_[A-Za-z0-9]{30,}",
            GithubToken,
        ),
        rule(
            "github-fine-grained-token",
            &["github_pat_"],
            r"^github_pat_[A-Za-z0-9_]{40,}",
            GithubToken,
        ),
        rule(
            "slack-token",
            &[
                "xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xoxe.",
            ],
            r"^xox[abposre](?:\.xox[a-z])?-[A-Za-z0-9\-]{10,}",
            SlackToken,
        ),
        TokenRule {
            keep: Keep::ThroughLast("/"),
            ..rule(
                "slack-webhook",
                &["hooks.slack.com/services/"],
                r"^hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}",
                SlackWebhook,
            )
        },
        TokenRule {
            keep: Keep::ThroughLast("\\/"),
            ..rule(
                "slack-webhook",
                // The same URL inside JSON that escapes its slashes.
                &["hooks.slack.com\\/services\\/"],
                r"^hooks\.slack\.com\\/services\\/T[A-Za-z0-9]+\\/B[A-Za-z0-9]+\\/[A-Za-z0-9]{16,}",
                SlackWebhook,
            )
        },
        rule(
            "aws-access-key-id",
            AWS_PREFIXES,
            r"^(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b",
            AwsAccessKeyId,
        ),
        rule(
            "sendgrid-key",
            &["SG."],
            r"^SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}",
            SendgridKey,
        ),
        rule("mailgun-key", &["key-"], r"^key-[a-f0-9]{32}\b", MailgunKey),
        rule(
            "woocommerce-consumer-key",
            &["ck_"],
            r"^ck_[a-f0-9]{40}\b",
            WcConsumerKey,
        ),
        rule(
            "woocommerce-consumer-secret",
            &["cs_"],
            r"^cs_[a-f0-9]{40}\b",
            WcConsumerSecret,
        ),
        TokenRule {
            keep: Keep::Prefix(9),
            ..rule(
                "woocommerce-order-key",
                &["wc_order_"],
                r"^wc_order_[A-Za-z0-9]{8,}",
                WcOrderKey,
            )
        },
        TokenRule {
            check: Some(jwt_check),
            ..rule(
                "jwt",
                &["eyJ"],
                r"^eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*",
                Jwt,
            )
        },
        rule(
            "paypal-access-token",
            &["A21AA"],
            r"^A21AA[A-Za-z0-9_\-]{20,}",
            PaypalAccessToken,
        ),
        rule(
            "square-access-token",
            &["EAAA"],
            r"^EAAA[A-Za-z0-9_\-]{60,}",
            SquareToken,
        ),
        rule(
            "square-oauth-secret",
            &["sq0atp-", "sq0csp-"],
            r"^sq0(?:atp|csp)-[A-Za-z0-9_\-]{22,}",
            SquareToken,
        ),
        rule(
            "braintree-access-token",
            &["access_token$production$", "access_token$sandbox$"],
            r"^access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}",
            BraintreeKey,
        ),
        rule(
            "phpass-hash",
            &["$P$", "$H$"],
            r"^\$[PH]\$[./0-9A-Za-z]{31}",
            PasswordHash,
        ),
        rule(
            "wordpress-bcrypt-hash",
            &["$wp$2y$"],
            r"^\$wp\$2y\$\d\d\$[./A-Za-z0-9]{53}",
            PasswordHash,
        ),
        rule(
            "bcrypt-hash",
            &["$2y$", "$2a$", "$2b$"],
            r"^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}",
            PasswordHash,
        ),
        rule(
            "argon2-hash",
            &["$argon2"],
            r"^\$argon2(?:id|i|d)\$[^\s'\x22]{20,}",
            PasswordHash,
        ),
        TokenRule {
            keep: Keep::BeforeGroup,
            ..rule(
                "wordpress-auth-cookie",
                &[
                    "wordpress_logged_in_",
                    "wordpress_sec_",
                    "wp_woocommerce_session_",
                    "wordpress_",
                ],
                r#"^(?:wordpress_logged_in|wordpress_sec|wp_woocommerce_session|wordpress)_[a-f0-9]{32}(?:=|\]\s*=>\s*|"\s*:\s*"|'\s*=>\s*'|:\s*)([^;\s"'&,]+)"#,
                WpAuthCookie,
            )
        },
    ]
}

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
        let rules = rules();
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
        for (start, pat) in hits {
            if start < covered_until || !starts_token(line, start) {
                continue;
            }
            for &ri in &self.by_prefix[pat] {
                let Some(m) = self.regexes[ri].find(&line[start..]) else {
                    continue;
                };
                let r = &self.rules[ri];
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
                    rule: r.rule,
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
