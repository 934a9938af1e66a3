//! Properties of the redaction engine over generated text: planted secrets never
//! leak, redaction is idempotent, lines are preserved, and no input panics.

use proptest::prelude::*;
use proptest::test_runner::Config;
use runbook::redact::{Engine, Profile, Redacted};
use support::leaks;

mod support;

/// Modest case counts keep the suite at a few seconds; no regression files are
/// written into the repository.
fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Planted secrets
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Planted {
    /// A key, token or email: none of its 12-character runs may survive.
    Secret(String),
    /// A card as written; beyond the probe, its digits without separators must
    /// not survive except the last four.
    Card { written: String, digits: String },
    /// A PEM block on lines of its own: no body line may survive.
    Pem { block: String, body: Vec<String> },
}

impl Planted {
    fn text(&self) -> &str {
        match self {
            Planted::Secret(s) => s,
            Planted::Card { written, .. } => written,
            Planted::Pem { block, .. } => block,
        }
    }
}

/// Why `planted` leaked into `output`, if it did.
fn leak(planted: &Planted, output: &str) -> Option<String> {
    match planted {
        Planted::Secret(s) => leaks(s, output).then(|| format!("secret {s:?}")),
        Planted::Card { written, digits } => {
            if leaks(written, output) {
                return Some(format!("card {written:?}"));
            }
            let compact: String = output.chars().filter(|&c| c != ' ' && c != '-').collect();
            let head = &digits[..digits.len() - 4];
            compact
                .contains(head)
                .then(|| format!("card digits {head:?} of {written:?}"))
        }
        Planted::Pem { body, .. } => body
            .iter()
            .find(|line| leaks(line, output))
            .map(|line| format!("PEM body line {line:?}")),
    }
}

fn key() -> impl Strategy<Value = Planted> {
    prop_oneof![
        "sk-proj-[A-Za-z0-9_\\-]{40,120}",
        "sk-ant-api03-[A-Za-z0-9_\\-]{80,95}",
        "sk-or-v1-[a-f0-9]{64}",
        "AIza[0-9A-Za-z_\\-]{35}",
        "gsk_[A-Za-z0-9]{52}",
        "hf_[A-Za-z0-9]{34}",
        "xai-[A-Za-z0-9]{80}",
        "sk_live_[A-Za-z0-9]{24,99}",
        "rk_live_[A-Za-z0-9]{24,99}",
        "whsec_[A-Za-z0-9]{32}",
        "ghp_[A-Za-z0-9]{36}",
        "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}",
        "xoxb-[0-9]{10,12}-[0-9]{10,13}-[A-Za-z0-9]{24}",
        "AKIA[A-Z0-9]{16}",
        "SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}",
        "ck_[a-f0-9]{40}",
    ]
    .prop_map(Planted::Secret)
}

fn email() -> impl Strategy<Value = Planted> {
    "[a-z]{3,8}\\.[a-z]{3,8}[0-9]{0,2}@[a-z]{4,10}\\.(com|net|org|de|io)".prop_map(Planted::Secret)
}

fn luhn_check_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d);
            if i % 2 == 0 {
                let w = v * 2;
                if w > 9 { w - 9 } else { w }
            } else {
                v
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Luhn-valid Visa, Mastercard, Amex or Discover, plain, spaced or dashed.
fn card() -> impl Strategy<Value = Planted> {
    (0usize..4, prop::collection::vec(0u8..10, 18), 0usize..3).prop_map(|(brand, random, sep)| {
        let (prefix, len): (&[u8], usize) = match brand {
            0 => (&[4], 16),
            1 => (&[5, 4], 16),
            2 => (&[3, 7], 15),
            _ => (&[6, 0, 1, 1], 16),
        };
        let mut digits: Vec<u8> = prefix.to_vec();
        digits.extend_from_slice(&random[..len - prefix.len() - 1]);
        digits.push(luhn_check_digit(&digits));
        let digits: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let groups: &[usize] = if len == 15 { &[4, 6, 5] } else { &[4, 4, 4, 4] };
        let written = match sep {
            0 => digits.clone(),
            _ => {
                let mut at = 0;
                let parts: Vec<&str> = groups
                    .iter()
                    .map(|&n| {
                        at += n;
                        &digits[at - n..at]
                    })
                    .collect();
                parts.join(if sep == 1 { " " } else { "-" })
            }
        };
        Planted::Card { written, digits }
    })
}

fn pem() -> impl Strategy<Value = Planted> {
    (
        prop::sample::select(vec!["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]),
        prop::collection::vec("[A-Za-z0-9+/]{64}", 2..6),
        "[A-Za-z0-9+/]{8,60}={0,2}",
    )
        .prop_map(|(label, mut body, last)| {
            body.push(last);
            let block = format!(
                "\n-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
                body.join("\n")
            );
            Planted::Pem { block, body }
        })
}

fn planted() -> impl Strategy<Value = Planted> {
    prop_oneof![4 => key(), 2 => card(), 2 => email(), 1 => pem()]
}

// ---------------------------------------------------------------------------
// Text around them
// ---------------------------------------------------------------------------

fn filler_token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z]{1,8}",
        2 => "[A-Z][a-z]{1,7}",
        3 => "[.,;:!?()\\[\\]{}\"'=/#*-]",
        1 => Just("\n".to_string()),
        1 => prop::sample::select(vec![
            "café", "naïve", "Größe", "日本語", "🙂", "ñandú", "Ωμέγα", "привет", "“quoted”",
        ])
        .prop_map(String::from),
    ]
}

/// One to twelve filler tokens, separated by spaces.
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec(filler_token(), 1..12).prop_map(|t| t.join(" "))
}

/// Filler and planted secrets, alternating, so no two secrets touch.
fn document() -> impl Strategy<Value = (String, Vec<Planted>)> {
    (
        prop::collection::vec(planted(), 1..6),
        prop::collection::vec(filler(), 6),
    )
        .prop_map(|(secrets, fillers)| {
            let mut text = fillers[0].clone();
            for (s, f) in secrets.iter().zip(&fillers[1..]) {
                text.push(' ');
                text.push_str(s.text());
                text.push(' ');
                text.push_str(f);
            }
            (text, secrets)
        })
}

fn run(profile: Profile, input: &[u8]) -> (Engine, Redacted) {
    let mut e = Engine::new(profile);
    e.learn(input);
    let r = e.redact(input);
    (e, r)
}

fn newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

/// Arbitrary bytes, biased towards the fragments detectors look for.
fn fragments() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        prop::sample::select(vec![
            &b"sk-proj-"[..],
            b"sk_live_",
            b"pi_3Qa1b2c3d4_secret_",
            b"eyJhbGciOiJIUzI1NiJ9.",
            b"-----BEGIN PRIVATE KEY-----\n",
            b"-----END PRIVATE KEY-----",
            b"password=",
            b"'DB_PASSWORD', '",
            b"Authorization: Bearer ",
            b"@example.com",
            b"%40",
            b"4242 4242 4242 4242",
            b"[EMAIL_1]",
            b"[CARD_1 ending ",
            b"call me on +44 ",
            b"my name is Ana",
            b"\xff\xfe",
            b"\xc3",
            b"\r\n",
            b"\n",
            b"::",
            b"=> ",
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(piece, 0..64).prop_map(|p| p.concat())
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(192))]

    /// (a) No planted secret leaks, in either profile.
    #[test]
    fn planted_secrets_never_leak((text, planted) in document()) {
        for profile in [Profile::Standard, Profile::Strict] {
            let (_, r) = run(profile, text.as_bytes());
            let out = r.text_lossy();
            for p in &planted {
                let why = leak(p, &out);
                prop_assert!(
                    why.is_none(),
                    "{:?} leaked {}\ninput:  {:?}\noutput: {:?}",
                    profile,
                    why.unwrap_or_default(),
                    text,
                    out
                );
            }
        }
    }

    /// (b) Redacting the output again changes nothing, in the same engine or a new one.
    #[test]
    fn redaction_is_idempotent((text, _planted) in document()) {
        let (mut e, once) = run(Profile::Standard, text.as_bytes());
        let again = e.redact(&once.text);
        prop_assert_eq!(again.text_lossy(), once.text_lossy());
        let (_, fresh) = run(Profile::Standard, &once.text);
        prop_assert_eq!(fresh.text_lossy(), once.text_lossy());
    }

    /// (c) The output has exactly the input's lines.
    #[test]
    fn line_count_is_preserved((text, _planted) in document()) {
        for profile in [Profile::Standard, Profile::Strict] {
            let (_, r) = run(profile, text.as_bytes());
            prop_assert_eq!(newlines(&r.text), newlines(text.as_bytes()));
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// (d) Arbitrary bytes never panic (learn and redact, both profiles), and
    /// lines survive even then.
    #[test]
    fn arbitrary_bytes_never_panic(input in prop::collection::vec(any::<u8>(), 0..2048)) {
        for profile in [Profile::Standard, Profile::Strict] {
            let (_, r) = run(profile, &input);
            prop_assert_eq!(newlines(&r.text), newlines(&input));
        }
    }

    #[test]
    fn detector_fragments_never_panic(input in fragments()) {
        for profile in [Profile::Standard, Profile::Strict] {
            let (mut e, r) = run(profile, &input);
            prop_assert_eq!(newlines(&r.text), newlines(&input));
            // The output goes through again without trouble.
            let again = e.redact(&r.text);
            prop_assert_eq!(newlines(&again.text), newlines(&input));
        }
    }
}

// ---------------------------------------------------------------------------
// Secrets written so the bytes hide what a person reads
// ---------------------------------------------------------------------------

/// How a secret is disguised: colour codes around it, zero-width characters
/// inside it, full-width look-alikes, no-break spaces, or UTF-16 bytes.
#[derive(Debug, Clone)]
enum Disguise {
    Colour,
    ZeroWidth(Vec<usize>),
    FullWidth,
    NoBreakSpaces,
    Utf16,
    Percent,
    Hex,
}

fn disguise() -> impl Strategy<Value = Disguise> {
    prop_oneof![
        Just(Disguise::Colour),
        prop::collection::vec(1usize..64, 1..4).prop_map(Disguise::ZeroWidth),
        Just(Disguise::FullWidth),
        Just(Disguise::NoBreakSpaces),
        Just(Disguise::Utf16),
        Just(Disguise::Percent),
        Just(Disguise::Hex),
    ]
}

fn disguised(secret: &str, how: &Disguise) -> String {
    match how {
        Disguise::Colour => format!("\u{1b}[1;31m{secret}\u{1b}[0m"),
        Disguise::ZeroWidth(at) => {
            let mut chars: Vec<char> = secret.chars().collect();
            for &p in at {
                let p = 1 + p % (chars.len() - 1);
                chars.insert(p, '\u{200b}');
            }
            chars.into_iter().collect()
        }
        Disguise::FullWidth => secret
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap(),
                c => c,
            })
            .collect(),
        Disguise::NoBreakSpaces => secret.replace(' ', "\u{a0}"),
        Disguise::Utf16 => secret.to_string(),
        Disguise::Percent => secret.bytes().map(|b| format!("%{b:02X}")).collect(),
        Disguise::Hex => secret.bytes().map(|b| format!("{b:02x}")).collect(),
    }
}

/// The text as a person reads it: written independently of the engine's view.
fn as_read(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if d.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
            }
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\u{a0}' => out.push(' '),
            '\u{ff01}'..='\u{ff5e}' => out.push(char::from_u32(c as u32 - 0xfee0).unwrap()),
            c => out.push(c),
        }
    }
    out
}

proptest! {
    #![proptest_config(config(192))]

    /// (e) A planted secret written with colour codes, invisible characters,
    /// look-alikes or in UTF-16 is redacted as surely as the plain one.
    #[test]
    fn disguised_secrets_never_leak(
        planted in prop_oneof![4 => key(), 2 => card(), 2 => email()],
        how in disguise(),
        before in filler(),
        after in filler(),
    ) {
        let text = format!("{before}\nvalue: {} end\n{after}\n", disguised(planted.text(), &how));
        let bytes = match how {
            Disguise::Utf16 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            _ => text.clone().into_bytes(),
        };
        let (evidence, _) = runbook::decode::evidence_text(&bytes);
        let (_, r) = run(Profile::Standard, evidence.as_bytes());
        let out = as_read(&r.text_lossy());
        let written = disguised(planted.text(), &how);
        let why = leak(&planted, &out).or_else(|| {
            leaks(&written, &out).then(|| format!("as written {written:?}"))
        });
        prop_assert!(why.is_none(), "{:?} leaked {}\ninput:  {:?}\noutput: {:?}", how, why.unwrap_or_default(), text, out);
    }
}

proptest! {
    #![proptest_config(config(192))]

    /// (f) A key continued after a trailing backslash, cut at any byte, and a
    /// card wrapped over two lines at any of its separators, are redacted
    /// whole: neither half survives.
    #[test]
    fn secrets_wrapped_over_two_lines_never_leak(
        planted in prop_oneof![3 => key(), 2 => card()],
        cut in 1usize..200,
        before in filler(),
        after in filler(),
    ) {
        let (text, halves) = match &planted {
            Planted::Secret(key) => {
                let cut = 1 + cut % (key.len() - 1);
                let (a, b) = key.split_at(cut);
                (format!("{before}\napi_key={a}\\\n{b}\n{after}\n"), vec![a.to_string(), b.to_string()])
            }
            Planted::Card { written, .. } => {
                // At a separator when there are some, else between any two digits.
                let seps: Vec<usize> = written.match_indices([' ', '-']).map(|(i, _)| i).collect();
                let (a, b) = if seps.is_empty() {
                    let cut = 1 + cut % (written.len() - 1);
                    (&written[..cut], &written[cut..])
                } else {
                    let at = seps[cut % seps.len()];
                    (&written[..at], &written[at + 1..])
                };
                (format!("{before}\ncard: {a}\n{b} thanks\n{after}\n"), Vec::new())
            }
            _ => unreachable!(),
        };
        let (_, r) = run(Profile::Standard, text.as_bytes());
        let out = r.text_lossy();
        // A half shorter than the probe cannot be told from the filler.
        for half in halves.iter().filter(|h| h.len() >= 12) {
            prop_assert!(!leaks(half, &out), "half {half:?} leaked\ninput:  {text:?}\noutput: {out:?}");
        }
        if let Planted::Card { digits, written } = &planted {
            let compact: String = out.chars().filter(|c| !matches!(c, ' ' | '-' | '\n')).collect();
            let head = &digits[..digits.len() - 4];
            prop_assert!(!compact.contains(head), "card {written:?} leaked\ninput:  {text:?}\noutput: {out:?}");
        }
    }
}
