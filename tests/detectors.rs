//! One test per detector family, with synthetic values of the right shape, and
//! one per kind of value the engine must keep (false-positive guards).
//!
//! Every secret here is generated from a fixed seed (see [`rnd`]): random-looking,
//! reproducible, and never a real key.

mod support;

use runbook::redact::{Category, Engine, Finding, Kind, Profile, Redacted, StreamState};
use support::leaks;

// ---------------------------------------------------------------------------
// Synthetic values
// ---------------------------------------------------------------------------

const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX: &str = "0123456789abcdef";
const DIGITS: &str = "0123456789";
const TOKEN_CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const HASH_CHARS: &str = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const PASSWORD_CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%*";
/// The alphabet of https://api.wordpress.org/secret-key/1.1/salt/.
const SALT_CHARS: &str =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|";

/// `n` characters of `alphabet`, from a SplitMix64 stream seeded by `label`:
/// the same label always gives the same string, different labels different ones.
fn rnd(label: &str, alphabet: &str, n: usize) -> String {
    let mut state = label.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let chars: Vec<char> = alphabet.chars().collect();
    (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            chars[(z % chars.len() as u64) as usize]
        })
        .collect()
}

fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(d - b'0');
            match (i % 2 == 1, v * 2) {
                (true, w) if w > 9 => w - 9,
                (true, w) => w,
                (false, _) => v,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A Luhn-valid card number of `len` digits starting with `prefix`.
fn card(label: &str, prefix: &str, len: usize) -> String {
    let body = format!("{prefix}{}", rnd(label, DIGITS, len - prefix.len() - 1));
    (0..10)
        .map(|d| format!("{body}{d}"))
        .find(|c| luhn_valid(c))
        .expect("one check digit fits")
}

/// The same digits with a check digit that fails Luhn.
fn luhn_invalid(card: &str) -> String {
    let (body, last) = card.split_at(card.len() - 1);
    let wrong = (last.as_bytes()[0] - b'0' + 1) % 10;
    let bad = format!("{body}{wrong}");
    assert!(!luhn_valid(&bad));
    bad
}

/// Groups digits the way the card is printed (Amex 4-6-5, others 4-4-4-4).
fn group_card(digits: &str, sep: &str) -> String {
    let sizes: &[usize] = if digits.len() == 15 {
        &[4, 6, 5]
    } else {
        &[4, 4, 4, 4]
    };
    let mut parts = Vec::new();
    let mut at = 0;
    for &n in sizes {
        parts.push(&digits[at..at + n]);
        at += n;
    }
    parts.join(sep)
}

fn mod97(s: &str) -> u32 {
    s.bytes().fold(0u32, |rem, c| match c {
        b'0'..=b'9' => (rem * 10 + u32::from(c - b'0')) % 97,
        _ => (rem * 100 + u32::from(c - b'A' + 10)) % 97,
    })
}

/// An IBAN with a valid mod-97 check for `country` and `bban`.
fn iban(country: &str, bban: &str) -> String {
    let check = 98 - mod97(&format!("{bban}{country}00"));
    let iban = format!("{country}{check:02}{bban}");
    assert_eq!(mod97(&format!("{}{}", &iban[4..], &iban[..4])), 1);
    iban
}

fn group4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn base64(data: &[u8], url: bool) -> String {
    let alphabet: &[u8] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        BASE64.as_bytes()
    };
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
        if !url {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------

fn engine() -> Engine {
    Engine::new(Profile::Standard)
}

/// Both passes, the way the product runs them.
fn redact(text: &str) -> Redacted {
    let mut e = engine();
    e.learn(text.as_bytes());
    e.redact(text.as_bytes())
}

fn describe(text: &[u8], findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "\n  {:?} {:?} {} {} {:?}",
                f.kind,
                f.category,
                f.rule,
                f.placeholder,
                String::from_utf8_lossy(&text[f.start..f.end])
            )
        })
        .collect()
}

struct Expect<'a> {
    secret: &'a str,
    kind: Kind,
    category: Category,
    placeholder: &'a str,
}

fn exp<'a>(secret: &'a str, kind: Kind, category: Category, placeholder: &'a str) -> Expect<'a> {
    Expect {
        secret,
        kind,
        category,
        placeholder,
    }
}

/// Redacts `text` and holds the result to `expected`: each secret gone, found as
/// its kind and category, replaced by its placeholder, and nothing else touched.
#[track_caller]
fn check_all(text: &str, expected: &[Expect<'_>]) -> Redacted {
    let r = redact(text);
    let out = r.text_lossy();
    let found = describe(text.as_bytes(), &r.findings);
    let mut want = text.to_string();
    for e in expected {
        let at = text
            .find(e.secret)
            .unwrap_or_else(|| panic!("test bug: {:?} not in the input", e.secret));
        assert!(
            !leaks(e.secret, &out),
            "{:?} leaked\ninput:  {text}\noutput: {out}\nfindings:{found}",
            e.secret
        );
        let over: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.start < at + e.secret.len() && at < f.end)
            .collect();
        assert!(!over.is_empty(), "no finding over {:?}{found}", e.secret);
        for f in &over {
            assert_eq!(
                (f.kind, f.category),
                (e.kind, e.category),
                "wrong kind for {:?}\noutput: {out}\nfindings:{found}",
                e.secret
            );
            assert_eq!(f.placeholder, e.placeholder, "findings:{found}");
            assert_eq!(f.kept, None);
        }
        assert!(
            out.contains(e.placeholder),
            "{} not in {out}",
            e.placeholder
        );
        want = want.replace(e.secret, e.placeholder);
    }
    assert_eq!(out, want, "more or less than the secrets changed{found}");
    r
}

#[track_caller]
fn check(text: &str, secret: &str, kind: Kind, category: Category, placeholder: &str) -> Redacted {
    check_all(text, &[exp(secret, kind, category, placeholder)])
}

/// Text the engine must leave exactly as it is.
#[track_caller]
fn assert_unchanged(text: &str) {
    let r = redact(text);
    assert!(
        r.findings.is_empty() && r.text == text.as_bytes(),
        "changed\ninput:  {text}\noutput: {}\nfindings:{}",
        r.text_lossy(),
        describe(text.as_bytes(), &r.findings)
    );
}

/// `value` survives redaction of `text`, and no finding touches it.
#[track_caller]
fn assert_survives(text: &str, value: &str) {
    let r = redact(text);
    let at = text.find(value).expect("test bug: value not in input");
    let touching = r
        .findings
        .iter()
        .any(|f| f.start < at + value.len() && at < f.end);
    assert!(
        !touching && r.text_lossy().contains(value),
        "{value:?} did not survive\noutput: {}\nfindings:{}",
        r.text_lossy(),
        describe(text.as_bytes(), &r.findings)
    );
}

fn newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

// ---------------------------------------------------------------------------
// AI provider keys
// ---------------------------------------------------------------------------

use Category::{Credential, Customer, Payment, ProviderKey};

#[test]
fn openai_project_key() {
    let key = format!("sk-proj-{}", rnd("openai-proj", TOKEN_CHARS, 156));
    let text = format!("OPENAI_API_KEY={key}\nMODEL=gpt-4o-mini\n");
    check(&text, &key, Kind::OpenAi, ProviderKey, "[OPENAI_KEY_1]");
}

#[test]
fn openai_service_account_key() {
    let key = format!("sk-svcacct-{}", rnd("openai-svc", TOKEN_CHARS, 120));
    let text = format!(r#"{{"provider": "openai", "apiKey": "{key}"}}"#);
    check(&text, &key, Kind::OpenAi, ProviderKey, "[OPENAI_KEY_1]");
}

#[test]
fn openai_legacy_key_with_marker() {
    let key = format!(
        "sk-{}T3BlbkFJ{}",
        rnd("openai-legacy-a", ALNUM, 20),
        rnd("openai-legacy-b", ALNUM, 20)
    );
    let text = format!("Initialising client with {key} for completions\n");
    check(&text, &key, Kind::OpenAi, ProviderKey, "[OPENAI_KEY_1]");
}

#[test]
fn anthropic_key() {
    let key = format!("sk-ant-api03-{}AA", rnd("anthropic", TOKEN_CHARS, 93));
    let text = format!("x-api-key: {key}\nanthropic-version: 2023-06-01\n");
    check(
        &text,
        &key,
        Kind::Anthropic,
        ProviderKey,
        "[ANTHROPIC_KEY_1]",
    );
}

#[test]
fn gemini_key() {
    let key = format!("AIza{}", rnd("gemini", TOKEN_CHARS, 35));
    let text = format!(
        "POST https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key={key} 400\n"
    );
    check(&text, &key, Kind::Gemini, ProviderKey, "[GEMINI_KEY_1]");
}

#[test]
fn groq_key() {
    let key = format!("gsk_{}", rnd("groq", ALNUM, 52));
    let text = format!("export GROQ_API_KEY={key}\n");
    check(&text, &key, Kind::Groq, ProviderKey, "[GROQ_KEY_1]");
}

#[test]
fn openrouter_key() {
    let key = format!("sk-or-v1-{}", rnd("openrouter", HEX, 64));
    let text = format!("Authorization: Bearer {key}\n");
    check(
        &text,
        &key,
        Kind::OpenRouter,
        ProviderKey,
        "[OPENROUTER_KEY_1]",
    );
}

#[test]
fn xai_key() {
    let key = format!("xai-{}", rnd("xai", ALNUM, 80));
    let text = format!("'xai_api_key' => '{key}',\n");
    check(&text, &key, Kind::Xai, ProviderKey, "[XAI_KEY_1]");
}

#[test]
fn perplexity_key() {
    let key = format!("pplx-{}", rnd("pplx", ALNUM, 48));
    let text = format!("PERPLEXITY_API_KEY=\"{key}\"\n");
    check(
        &text,
        &key,
        Kind::Perplexity,
        ProviderKey,
        "[PERPLEXITY_KEY_1]",
    );
}

#[test]
fn huggingface_token() {
    let key = format!("hf_{}", rnd("hf", ALNUM, 34));
    let text = format!("huggingface-cli login --token {key}\n");
    check(
        &text,
        &key,
        Kind::HuggingFace,
        ProviderKey,
        "[HUGGINGFACE_TOKEN_1]",
    );
}

#[test]
fn replicate_token() {
    let key = format!("r8_{}", rnd("replicate", ALNUM, 37));
    let text = format!("REPLICATE_API_TOKEN={key}\n");
    check(
        &text,
        &key,
        Kind::Replicate,
        ProviderKey,
        "[REPLICATE_TOKEN_1]",
    );
}

#[test]
fn elevenlabs_key() {
    let key = format!("sk_{}", rnd("elevenlabs", HEX, 48));
    let text = format!("xi-api-key: {key}\n");
    check(
        &text,
        &key,
        Kind::ElevenLabs,
        ProviderKey,
        "[ELEVENLABS_KEY_1]",
    );
}

#[test]
fn pinecone_key() {
    let key = format!(
        "pcsk_{}_{}",
        rnd("pinecone-a", ALNUM, 6),
        rnd("pinecone-b", ALNUM, 60)
    );
    let text = format!("PINECONE_API_KEY={key}\n");
    check(&text, &key, Kind::Pinecone, ProviderKey, "[PINECONE_KEY_1]");
}

#[test]
fn deepseek_key_by_nearby_mention() {
    let key = format!("sk-{}", rnd("deepseek", HEX, 32));
    let text = format!("Provider: DeepSeek\nRequest failed (401) with key {key}.\n");
    check(&text, &key, Kind::DeepSeek, ProviderKey, "[DEEPSEEK_KEY_1]");
}

#[test]
fn mistral_key_by_field_name() {
    let key = rnd("mistral", ALNUM, 32);
    let text = format!("mistral_api_key: {key}\n");
    check(&text, &key, Kind::Mistral, ProviderKey, "[MISTRAL_KEY_1]");
}

#[test]
fn cohere_key_by_field_name() {
    let env = rnd("cohere-env", ALNUM, 40);
    let json = rnd("cohere-json", ALNUM, 40);
    check(
        &format!("COHERE_API_KEY={env}\n"),
        &env,
        Kind::Cohere,
        ProviderKey,
        "[COHERE_KEY_1]",
    );
    check(
        &format!(r#"{{"keys": {{"cohere": "{json}"}}}}"#),
        &json,
        Kind::Cohere,
        ProviderKey,
        "[COHERE_KEY_1]",
    );
}

// ---------------------------------------------------------------------------
// Payment
// ---------------------------------------------------------------------------

#[test]
fn stripe_secret_keys_keep_their_prefix() {
    for (mode, label) in [("live", "stripe-live"), ("test", "stripe-test")] {
        let tail = rnd(label, ALNUM, 99);
        let text = format!("STRIPE_SECRET_KEY=sk_{mode}_{tail}\n");
        let r = check(
            &text,
            &tail,
            Kind::StripeSecretKey,
            Payment,
            "[STRIPE_SECRET_KEY_1]",
        );
        assert!(
            r.text_lossy()
                .contains(&format!("sk_{mode}_[STRIPE_SECRET_KEY_1]"))
        );
    }
}

#[test]
fn stripe_restricted_and_publishable_keys_keep_their_prefix() {
    let rk = rnd("stripe-rk", ALNUM, 99);
    let pk = rnd("stripe-pk", ALNUM, 99);
    let text = format!("restricted: rk_live_{rk}\npublishable: pk_live_{pk}\n");
    let r = check_all(
        &text,
        &[
            exp(
                &rk,
                Kind::StripeRestrictedKey,
                Payment,
                "[STRIPE_RESTRICTED_KEY_1]",
            ),
            exp(
                &pk,
                Kind::StripePublishableKey,
                Payment,
                "[STRIPE_PUBLISHABLE_KEY_1]",
            ),
        ],
    );
    let out = r.text_lossy();
    assert!(out.contains("rk_live_[STRIPE_RESTRICTED_KEY_1]"));
    assert!(out.contains("pk_live_[STRIPE_PUBLISHABLE_KEY_1]"));
}

#[test]
fn stripe_webhook_secret() {
    let key = format!("whsec_{}", rnd("whsec", ALNUM, 32));
    let text = format!("define( 'STRIPE_WEBHOOK_SIGNING', '{key}' );\n");
    check(
        &text,
        &key,
        Kind::StripeWebhookSecret,
        Payment,
        "[STRIPE_WEBHOOK_SECRET_1]",
    );
}

#[test]
fn stripe_client_secret_keeps_the_intent_id() {
    let intent = format!("pi_3Q{}", rnd("pi-id", ALNUM, 22));
    let secret = rnd("pi-secret", ALNUM, 25);
    let text = format!(r#"{{"id": "{intent}", "client_secret": "{intent}_secret_{secret}"}}"#);
    let r = check(
        &text,
        &secret,
        Kind::StripeClientSecret,
        Payment,
        "[STRIPE_CLIENT_SECRET_1]",
    );
    assert!(
        r.text_lossy()
            .contains(&format!("{intent}_secret_[STRIPE_CLIENT_SECRET_1]"))
    );
    assert_survives(&text, &intent);
}

#[test]
fn paypal_access_token() {
    let token = format!("A21AA{}", rnd("paypal-token", TOKEN_CHARS, 92));
    let text = format!(
        "curl -H \"Authorization: Bearer {token}\" https://api-m.paypal.com/v2/checkout/orders\n"
    );
    check(
        &text,
        &token,
        Kind::PaypalAccessToken,
        Payment,
        "[PAYPAL_TOKEN_1]",
    );
}

#[test]
fn paypal_basic_auth_header() {
    let client = format!("A{}", rnd("paypal-client", TOKEN_CHARS, 79));
    let secret = format!("E{}", rnd("paypal-secret", TOKEN_CHARS, 79));
    let basic = base64(format!("{client}:{secret}").as_bytes(), false);
    let text = format!(
        "POST /v1/oauth2/token HTTP/1.1\nHost: api-m.paypal.com\nAuthorization: Basic {basic}\n"
    );
    check(&text, &basic, Kind::BasicAuth, Credential, "[BASIC_AUTH_1]");
}

#[test]
fn square_tokens() {
    let access = format!("EAAA{}", rnd("square-access", TOKEN_CHARS, 60));
    let oauth = format!("sq0csp-{}", rnd("square-oauth", TOKEN_CHARS, 43));
    let text = format!("SQUARE_ACCESS_TOKEN={access}\nSQUARE_APP_SECRET={oauth}\n");
    check_all(
        &text,
        &[
            exp(&access, Kind::SquareToken, Payment, "[SQUARE_TOKEN_1]"),
            exp(&oauth, Kind::SquareToken, Payment, "[SQUARE_TOKEN_2]"),
        ],
    );
}

#[test]
fn braintree_access_token() {
    let token = format!(
        "access_token$production${}${}",
        rnd("bt-merchant", LOWER_ALNUM, 16),
        rnd("bt-secret", HEX, 32)
    );
    let text = format!("braintree: {token}\n");
    check(
        &text,
        &token,
        Kind::BraintreeKey,
        Payment,
        "[BRAINTREE_KEY_1]",
    );
}

/// A card in plain, spaced and dashed form: only the last four survive, in the placeholder.
#[track_caller]
fn check_card(label: &str, prefix: &str, len: usize) {
    let digits = card(label, prefix, len);
    let last4 = &digits[digits.len() - 4..];
    for written in [
        digits.clone(),
        group_card(&digits, " "),
        group_card(&digits, "-"),
    ] {
        let text = format!("Customer paid with card {written} yesterday.");
        let placeholder = format!("[CARD_1 ending {last4}]");
        let r = check(&text, &written, Kind::CardNumber, Payment, &placeholder);
        let out_digits: String = r
            .text_lossy()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        assert_eq!(out_digits, format!("1{last4}"), "only the last four remain");
    }
}

#[test]
fn card_visa() {
    check_card("visa", "4", 16);
}

#[test]
fn card_mastercard() {
    check_card("mastercard", "53", 16);
    check_card("mastercard-2series", "2221", 16);
}

#[test]
fn card_amex() {
    check_card("amex", "37", 15);
}

#[test]
fn card_discover() {
    check_card("discover", "6011", 16);
}

#[test]

fn card_next_to_another_number() {
    let digits = card("visa-cvv", "4", 16);
    let spaced = group_card(&digits, " ");
    let leaked: Vec<String> = [
        format!("card {digits} 123 exp 12/28"),
        format!("card {spaced} 123 exp 12/28"),
        format!("Qty 2 {digits}"),
    ]
    .into_iter()
    .filter(|text| {
        let out = redact(text).text_lossy();
        leaks(&digits, &out) || leaks(&spaced, &out)
    })
    .collect();
    assert!(leaked.is_empty(), "cards left in: {leaked:#?}");
}

#[test]
fn cvv_and_expiry_by_field_name() {
    check_all(
        r#"{"card_cvc": "737", "card_exp": "08/29"}"#,
        &[
            exp("737", Kind::Cvv, Payment, "[CVV_1]"),
            exp("08/29", Kind::CardExpiry, Payment, "[CARD_EXPIRY_1]"),
        ],
    );
    check_all(
        "payment failed: cvv=418 expiry=11/27",
        &[
            exp("418", Kind::Cvv, Payment, "[CVV_1]"),
            exp("11/27", Kind::CardExpiry, Payment, "[CARD_EXPIRY_1]"),
        ],
    );
}

#[test]
fn iban_compact_and_spaced() {
    let de = iban("DE", &rnd("iban-de", DIGITS, 18));
    let gb = iban(
        "GB",
        &format!(
            "{}{}",
            rnd("iban-gb-bank", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4),
            rnd("iban-gb", DIGITS, 14)
        ),
    );
    check(
        &format!("Please refund to {de} today"),
        &de,
        Kind::Iban,
        Payment,
        "[IBAN_1]",
    );
    let spaced = group4(&gb);
    check(
        &format!("Refund account: {spaced} (Lloyds)"),
        &spaced,
        Kind::Iban,
        Payment,
        "[IBAN_1]",
    );
}

// ---------------------------------------------------------------------------
// Credentials by field name
// ---------------------------------------------------------------------------

fn password(label: &str) -> String {
    // A letter first and a digit and symbol somewhere: what people pick.
    format!("Q{}7!", rnd(label, PASSWORD_CHARS, 11))
}

#[test]
fn password_in_json() {
    let pw = password("pw-json");
    let text = format!(r#"{{"db_user": "shop", "db_password": "{pw}"}}"#);
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[test]
fn password_in_yaml() {
    let pw = password("pw-yaml");
    let text = format!("database:\n  user: shop\n  password: {pw}\n  host: db\n");
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[test]
fn password_in_dotenv() {
    let pw = password("pw-env");
    let text = format!("DB_HOST=localhost\nDB_PASSWORD={pw}\n");
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[test]
fn password_in_php_array() {
    let pw = password("pw-php");
    let text =
        format!("$config = array(\n    'username' => 'shop',\n    'password' => '{pw}',\n);\n");
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[test]
fn password_in_define() {
    let pw = password("pw-define");
    let text = format!("define( 'DB_USER', 'shop' );\ndefine( 'DB_PASSWORD', '{pw}' );\n");
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[test]
fn password_in_print_r() {
    let pw = password("pw-print-r");
    let text = format!("Array\n(\n    [user_login] => shop\n    [password] => {pw}\n)\n");
    // WordPress's user_login names the account: it goes too.
    check_all(
        &text,
        &[
            exp("shop", Kind::Username, Customer, "[USERNAME_1]"),
            exp(&pw, Kind::Password, Credential, "[PASSWORD_1]"),
        ],
    );
}

#[test]
fn wordpress_salts_by_define() {
    const NAMES: [&str; 8] = [
        "AUTH_KEY",
        "SECURE_AUTH_KEY",
        "LOGGED_IN_KEY",
        "NONCE_KEY",
        "AUTH_SALT",
        "SECURE_AUTH_SALT",
        "LOGGED_IN_SALT",
        "NONCE_SALT",
    ];
    let salts: Vec<String> = NAMES.iter().map(|n| rnd(n, SALT_CHARS, 64)).collect();
    let text: String = NAMES
        .iter()
        .zip(&salts)
        .map(|(n, s)| format!("define( '{n}', '{s}' );\n"))
        .collect();
    let placeholders: Vec<String> = (1..=8).map(|i| format!("[WP_SALT_{i}]")).collect();
    let expected: Vec<Expect<'_>> = salts
        .iter()
        .zip(&placeholders)
        .map(|(s, p)| exp(s, Kind::WpSalt, Credential, p))
        .collect();
    check_all(&text, &expected);
}

#[test]

fn wordpress_salt_with_email_or_ip_shaped_run() {
    let leaked: Vec<String> = [
        "Zq3#k9@mx.io Lr8$wV2^pT7&nB4*yH6(Q1!sD5%fG0)wE3-rT5+yU7=iO9[pA2]",
        "Zq3#k9 203.0.113.9 Lr8$wV2^pT7&nB4*yH6(Q1!sD5%fG0)wE3-rT5+yU7=i",
    ]
    .into_iter()
    .map(|salt| (salt, format!("define( 'AUTH_KEY', '{salt}' );\n")))
    .filter(|(salt, text)| leaks(salt, &redact(text).text_lossy()))
    .map(|(_, text)| text)
    .collect();
    assert!(leaked.is_empty(), "salts left in: {leaked:#?}");
}

#[test]
fn wordpress_salt_in_a_compose_list_with_a_form_field_shape_inside() {
    // `&wL=` inside a salt is no query string: the whole rest of the line goes.
    let salt = "0_OH16p/%t)4kXb!C(g]Ih7rT]CpdSDLM,pylG0&wL=g^)MYu?eQ/mtaELv3[_nQ";
    let text = format!("    environment:\n      - WORDPRESS_NONCE_SALT={salt}\n");
    check_all(&text, &[exp(salt, Kind::WpSalt, Credential, "[WP_SALT_1]")]);
}

#[test]
fn aws_secret_keys_that_open_with_a_slash_or_sit_beside_their_key_id() {
    let id = format!(
        "AKIA{}",
        rnd("aws-id", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    );
    let slash = format!(
        "/{}",
        rnd(
            "aws-slash",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+",
            38
        )
    );
    let slash = format!("{slash}Q");
    let beside = format!(
        "{}z9",
        rnd(
            "aws-beside",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+",
            38
        )
    );
    let text = format!(
        "AWS_SECRET_ACCESS_KEY={slash}\nthe backup job runs with `{id}` / `{beside}` (rotating today)\n"
    );
    let r = redact(&text);
    let out = r.text_lossy();
    for secret in [&slash, &beside] {
        assert!(!leaks(secret, &out), "{secret} left in:\n{out}");
    }
    // Any secret-named field: the shape says it is generated, not a path.
    let php = format!("    'secret-access-key' => '{slash}',\n");
    assert!(!leaks(&slash, &redact(&php).text_lossy()), "{php}");
    let json = "{\"phone\":\"0176\\/27918078\"}\n";
    assert!(!redact(json).text_lossy().contains("27918078"), "{json}");
    // A path is still a path.
    let path = "upload_dir=/var/www/html/wp-content/uploads/2024/05/Photo-01.png\n";
    assert_eq!(redact(path).text_lossy(), path);
}

// ---------------------------------------------------------------------------
// Headers, query strings, command lines, URLs
// ---------------------------------------------------------------------------

#[test]
fn authorization_bearer_header() {
    let token = rnd("bearer", ALNUM, 40);
    let text = format!("GET /wp-json/wc/v3/orders HTTP/1.1\nAuthorization: Bearer {token}\n");
    let r = check(&text, &token, Kind::Token, Credential, "[TOKEN_1]");
    assert!(r.text_lossy().contains("Authorization: Bearer [TOKEN_1]"));
}

#[test]
fn authorization_basic_header() {
    let basic = base64(format!("shopbot:{}", password("basic")).as_bytes(), false);
    let text = format!("Authorization: Basic {basic}\n");
    let r = check(&text, &basic, Kind::BasicAuth, Credential, "[BASIC_AUTH_1]");
    assert!(
        r.text_lossy()
            .contains("Authorization: Basic [BASIC_AUTH_1]")
    );
}

#[test]
fn x_api_key_header() {
    let key = rnd("x-api-key", ALNUM, 32);
    let text = format!("X-Api-Key: {key}\nContent-Type: application/json\n");
    check(&text, &key, Kind::ApiKey, Credential, "[API_KEY_1]");
}

#[test]
fn wordpress_logged_in_cookie() {
    let site = rnd("cookie-site", HEX, 32);
    let value = format!(
        "shopadmin%7C1764000000%7C{}%7C{}",
        rnd("cookie-token", ALNUM, 43),
        rnd("cookie-hmac", HEX, 64)
    );
    let text =
        format!("Cookie: wordpress_logged_in_{site}={value}; wp-settings-time-1=1763990000\n");
    let r = check(
        &text,
        &value,
        Kind::WpAuthCookie,
        Credential,
        "[WP_AUTH_COOKIE_1]",
    );
    assert!(
        r.text_lossy()
            .contains(&format!("wordpress_logged_in_{site}=[WP_AUTH_COOKIE_1];"))
    );
}

#[test]
fn set_cookie_session() {
    let sid = rnd("phpsessid", LOWER_ALNUM, 26);
    let text = format!("Set-Cookie: PHPSESSID={sid}; path=/; secure; HttpOnly\n");
    check(&text, &sid, Kind::Cookie, Credential, "[COOKIE_1]");
}

#[test]
fn query_parameters() {
    let token = rnd("query-token", ALNUM, 32);
    let key = rnd("query-key", ALNUM, 24);
    let text = format!("GET /wp-json/shop/v1/export?token={token}&key={key}&page=2 HTTP/1.1\n");
    check_all(
        &text,
        &[
            exp(&token, Kind::Token, Credential, "[TOKEN_1]"),
            exp(&key, Kind::ApiKey, Credential, "[API_KEY_1]"),
        ],
    );
}

#[test]
fn curl_user_password() {
    let pw = password("curl");
    let text = format!("curl -u shopbot:{pw} https://shop.example.com/wp-json/wc/v3/orders\n");
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
    // A command continued on the next line, deep in a longer text.
    let pw = password("curl continued");
    let text = format!(
        "{}curl https://shop.example.com/wp-json/wc/v3/orders \\\n--user 'shopbot:{pw}'\n",
        "GET /x 200\n".repeat(50)
    );
    check(&text, &pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[track_caller]
fn check_url_password(pw: &str) {
    let text = format!("git clone https://deploy:{pw}@git.example.com/shop/theme.git\n");
    check(&text, pw, Kind::Password, Credential, "[PASSWORD_1]");
}

#[track_caller]
fn check_dsn_passwords(mysql: &str, redis: &str, smtp: &str) {
    let text = format!(
        "DATABASE_URL=mysql://wpuser:{mysql}@db.internal:3306/wordpress\n\
         REDIS_URL=redis://:{redis}@cache.internal:6379/0\n\
         MAILER_DSN=smtp://mailer:{smtp}@smtp.example.com:587\n"
    );
    check_all(
        &text,
        &[
            exp(mysql, Kind::Password, Credential, "[PASSWORD_1]"),
            exp(redis, Kind::Password, Credential, "[PASSWORD_2]"),
            exp(smtp, Kind::Password, Credential, "[PASSWORD_3]"),
        ],
    );
}

#[test]
fn url_userinfo_password() {
    check_url_password(&password("url"));
}

#[test]

fn url_userinfo_alnum_password() {
    check_url_password(&rnd("url-alnum", ALNUM, 16));
}

#[test]
fn dsn_passwords() {
    check_dsn_passwords(
        &password("dsn-mysql"),
        &password("dsn-redis"),
        &password("dsn-smtp"),
    );
}

#[test]

fn dsn_alnum_passwords() {
    check_dsn_passwords(
        &rnd("dsn-mysql-alnum", ALNUM, 16),
        &rnd("dsn-redis-alnum", ALNUM, 16),
        &rnd("dsn-smtp-alnum", ALNUM, 16),
    );
}

// ---------------------------------------------------------------------------
// Keys, tokens and hashes with a shape of their own
// ---------------------------------------------------------------------------

fn pem_body(label: &str, lines: usize) -> Vec<String> {
    let mut body: Vec<String> = (0..lines)
        .map(|i| rnd(&format!("{label}-{i}"), BASE64, 64))
        .collect();
    body.push(format!("{}==", rnd(&format!("{label}-last"), BASE64, 22)));
    body
}

#[test]
fn pem_private_key_block() {
    let body = pem_body("pem", 6);
    let begin = "-----BEGIN RSA PRIVATE KEY-----";
    let end = "-----END RSA PRIVATE KEY-----";
    let text = format!("key file:\n{begin}\n{}\n{end}\ndone\n", body.join("\n"));
    let r = redact(&text);
    let out = r.text_lossy();
    assert_eq!(newlines(&r.text), newlines(text.as_bytes()));
    for line in &body {
        assert!(!leaks(line, &out), "body line leaked: {out}");
    }
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "key file:");
    assert_eq!(lines[1], begin);
    for l in &lines[2..2 + body.len()] {
        assert_eq!(
            *l, "[PRIVATE_KEY_1]",
            "every body line is the one placeholder"
        );
    }
    assert_eq!(lines[2 + body.len()], end);
    assert_eq!(lines[3 + body.len()], "done");
    assert!(
        r.findings
            .iter()
            .all(|f| f.kind == Kind::PrivateKey && f.category == Credential)
    );
}

#[test]
fn pem_key_pasted_without_its_end_line_takes_only_its_body() {
    let body = pem_body("pem-cut", 4);
    let text = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n\nPHP Fatal error: order 4411 failed at 10:04:11\n",
        body.join("\n")
    );
    let r = redact(&text);
    let out = r.text_lossy();
    for line in &body {
        assert!(!leaks(line, &out), "body line leaked: {out}");
    }
    assert!(
        out.contains("PHP Fatal error: order 4411 failed at 10:04:11"),
        "the evidence after the cut key was taken with it: {out}"
    );
}

#[test]
fn an_end_line_far_below_closes_no_block_whose_lines_are_no_key() {
    // A BEGIN line in a template, then code and log lines, then another
    // block's END: the evidence between stays.
    let code_and_log = [
        "vault {",
        "  renew_token = true",
        "}",
        "PHP Warning: order 4411 retried at 10:04:11",
    ];
    // Fields read as `name: value`, as a key's headers are written.
    let fields = ["Region: eu-west-1", "Status: ok", "Retries: 3"];
    for evidence in [&code_and_log[..], &fields[..]] {
        let text = format!(
            "template = \"{{{{ with secret \\\"pki/issue\\\" }}}}-----BEGIN RSA PRIVATE KEY-----\"\n{}\n-----END ENCRYPTED PRIVATE KEY-----\n",
            evidence.join("\n")
        );
        let out = redact(&text).text_lossy();
        // The line right after BEGIN is taken, whatever it holds: a pasted
        // key may be cut anywhere.
        for line in &evidence[1..] {
            assert!(out.contains(line), "{line} was taken: {out}");
        }
    }
}

#[test]
fn a_block_with_headers_a_blank_or_code_quotes_is_still_one_key() {
    let body = pem_body("pem-between", 4);
    let encrypted = format!(
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n{}\n-----END RSA PRIVATE KEY-----\n",
        body.join("\n")
    );
    let in_code = format!(
        "String key = \"-----BEGIN PRIVATE KEY-----\\n\" +\n{}\n    \"-----END PRIVATE KEY-----\";\n",
        body.iter()
            .map(|l| format!("    \"{l}\\n\" +"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let in_a_log = format!(
        "2025-02-28T06:16:10Z -----BEGIN EC PRIVATE KEY-----\n{}\n2025-02-28T06:16:54Z -----END EC PRIVATE KEY-----\n",
        body.iter()
            .map(|l| format!("2025-02-28T06:16:11Z {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let armoured = format!(
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: exported for the release host\n\n{}\n-----END PGP PRIVATE KEY BLOCK-----\n",
        body.join("\n")
    );
    for text in [encrypted, in_code, in_a_log, armoured] {
        let out = redact(&text).text_lossy();
        for line in &body {
            assert!(!leaks(line, &out), "body line leaked: {out}");
        }
    }
}

#[test]
fn a_cut_key_in_a_log_or_with_headers_is_taken_whole() {
    let body = pem_body("pem-cut-between", 4);
    let stamped = format!(
        "2025-02-28T06:16:10Z -----BEGIN EC PRIVATE KEY-----\n{}\n\n2025-02-28T06:17:00Z deploy finished\n",
        body.iter()
            .map(|l| format!("2025-02-28T06:16:11Z {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let encrypted = format!(
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n{}\n\nPHP Fatal error: order 4411\n",
        body.join("\n")
    );
    for text in [stamped, encrypted] {
        let out = redact(&text).text_lossy();
        for line in &body {
            assert!(!leaks(line, &out), "body line leaked: {out}");
        }
        assert!(
            out.contains("deploy finished") || out.contains("PHP Fatal error: order 4411"),
            "the evidence after the cut key was taken with it: {out}"
        );
    }
}

#[test]
fn pem_private_key_escaped_in_json() {
    let body = pem_body("pem-json", 4);
    let text = format!(
        r#"{{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n"}}"#,
        body.join("\\n")
    );
    let r = redact(&text);
    let out = r.text_lossy();
    for line in &body {
        assert!(!leaks(line, &out), "body leaked: {out}");
    }
    assert!(out.contains("-----BEGIN PRIVATE KEY-----"));
    assert!(r.findings.iter().any(|f| f.kind == Kind::PrivateKey));
}

#[test]
fn jwt() {
    let header = base64(br#"{"alg":"HS256","typ":"JWT"}"#, true);
    let payload = base64(
        format!(
            r#"{{"sub":"{}","iat":1764000000}}"#,
            rnd("jwt-sub", ALNUM, 12)
        )
        .as_bytes(),
        true,
    );
    let signature = rnd("jwt-sig", TOKEN_CHARS, 43);
    let token = format!("{header}.{payload}.{signature}");
    let text = format!("session={token}; path=/\n");
    check(&text, &token, Kind::Jwt, Credential, "[JWT_1]");
}

#[test]
fn eyj_token_whose_header_is_not_json_is_not_a_jwt() {
    let fake = format!(
        "eyJ{}.{}.{}",
        rnd("fake-jwt-h", ALNUM, 20),
        rnd("fake-jwt-p", ALNUM, 30),
        rnd("fake-jwt-s", ALNUM, 30)
    );
    let r = redact(&format!("trace {fake} end"));
    assert!(
        r.findings.iter().all(|f| f.kind != Kind::Jwt),
        "findings:{}",
        describe(r.text.as_slice(), &r.findings)
    );
}

#[test]
fn aws_access_key_and_secret() {
    let id = format!("AKIA{}", rnd("aws-id", UPPER_DIGITS, 16));
    let secret = rnd("aws-secret", BASE64, 40);
    let text = format!(
        "[default]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\nregion = eu-west-1\n"
    );
    check_all(
        &text,
        &[
            exp(
                &id,
                Kind::AwsAccessKeyId,
                Credential,
                "[AWS_ACCESS_KEY_ID_1]",
            ),
            exp(
                &secret,
                Kind::AwsSecretKey,
                Credential,
                "[AWS_SECRET_KEY_1]",
            ),
        ],
    );
}

#[test]
fn github_tokens() {
    let classic = format!("ghp_{}", rnd("ghp", ALNUM, 36));
    let fine = format!(
        "github_pat_{}_{}",
        rnd("ghpat-a", ALNUM, 22),
        rnd("ghpat-b", ALNUM, 59)
    );
    let text = format!(
        "GITHUB_TOKEN={classic}\ngit push https://x-access-token:{fine}@github.com/shop/theme.git\n"
    );
    check_all(
        &text,
        &[
            exp(&classic, Kind::GithubToken, Credential, "[GITHUB_TOKEN_1]"),
            exp(&fine, Kind::GithubToken, Credential, "[GITHUB_TOKEN_2]"),
        ],
    );
}

#[test]
fn slack_bot_token() {
    let token = format!(
        "xoxb-{}-{}-{}",
        rnd("slack-a", DIGITS, 11),
        rnd("slack-b", DIGITS, 13),
        rnd("slack-c", ALNUM, 24)
    );
    let text = format!("SLACK_BOT_TOKEN={token}\n");
    check(
        &text,
        &token,
        Kind::SlackToken,
        Credential,
        "[SLACK_TOKEN_1]",
    );
}

#[test]
fn slack_webhook_keeps_the_workspace_path() {
    let team = format!("T0{}", rnd("slack-team", UPPER_DIGITS, 8));
    let bot = format!("B0{}", rnd("slack-bot", UPPER_DIGITS, 8));
    let secret = rnd("slack-hook", ALNUM, 24);
    let text = format!("POST https://hooks.slack.com/services/{team}/{bot}/{secret} 200\n");
    let r = check(
        &text,
        &secret,
        Kind::SlackWebhook,
        Credential,
        "[SLACK_WEBHOOK_1]",
    );
    assert!(
        r.text_lossy()
            .contains(&format!("/services/{team}/{bot}/[SLACK_WEBHOOK_1]"))
    );
}

#[test]
fn sendgrid_key() {
    let key = format!(
        "SG.{}.{}",
        rnd("sendgrid-a", TOKEN_CHARS, 22),
        rnd("sendgrid-b", TOKEN_CHARS, 43)
    );
    let text = format!("smtp auth with {key} failed\n");
    check(
        &text,
        &key,
        Kind::SendgridKey,
        Credential,
        "[SENDGRID_KEY_1]",
    );
}

#[test]
fn mailgun_key() {
    let key = format!("key-{}", rnd("mailgun", HEX, 32));
    let text = format!("'mailgun' => ['secret' => '{key}'],\n");
    check(&text, &key, Kind::MailgunKey, Credential, "[MAILGUN_KEY_1]");
}

#[test]
fn woocommerce_consumer_key_and_secret() {
    let ck = format!("ck_{}", rnd("wc-ck", HEX, 40));
    let cs = format!("cs_{}", rnd("wc-cs", HEX, 40));
    let text = format!("curl https://shop.example.com/wp-json/wc/v3/orders -u {ck}:{cs}\n");
    check_all(
        &text,
        &[
            exp(&ck, Kind::WcConsumerKey, Credential, "[WC_CONSUMER_KEY_1]"),
            exp(
                &cs,
                Kind::WcConsumerSecret,
                Credential,
                "[WC_CONSUMER_SECRET_1]",
            ),
        ],
    );
}

#[test]
fn wp_application_password_next_to_password() {
    let raw = rnd("app-password", ALNUM, 24);
    let groups = group4(&raw);
    let text = format!("Here is the application password: {groups} for user shopbot\n");
    check(
        &text,
        &groups,
        Kind::WpAppPassword,
        Credential,
        "[WP_APP_PASSWORD_1]",
    );
}

#[test]
fn wc_order_key_keeps_its_prefix() {
    let key = rnd("wc-order", ALNUM, 13);
    let text = format!("GET /checkout/order-received/4711/?key=wc_order_{key} HTTP/1.1\n");
    let r = check(
        &text,
        &key,
        Kind::WcOrderKey,
        Credential,
        "[WC_ORDER_KEY_1]",
    );
    assert!(r.text_lossy().contains("key=wc_order_[WC_ORDER_KEY_1]"));
}

#[test]
fn password_hashes() {
    let phpass = format!("$P$B{}", rnd("phpass", HASH_CHARS, 30));
    let wp = format!("$wp$2y$10${}", rnd("wp-bcrypt", HASH_CHARS, 53));
    let bcrypt = format!("$2y$12${}", rnd("bcrypt", HASH_CHARS, 53));
    let text = format!(
        "INSERT INTO wp_users VALUES (1,'shopadmin','{phpass}');\n\
         INSERT INTO wp_users VALUES (2,'editor','{wp}');\n\
         user_pass: {bcrypt}\n"
    );
    check_all(
        &text,
        &[
            exp(&phpass, Kind::PasswordHash, Credential, "[PASSWORD_HASH_1]"),
            exp(&wp, Kind::PasswordHash, Credential, "[PASSWORD_HASH_2]"),
            exp(&bcrypt, Kind::PasswordHash, Credential, "[PASSWORD_HASH_3]"),
        ],
    );
}

// ---------------------------------------------------------------------------
// Customer details
// ---------------------------------------------------------------------------

#[test]
fn emails_plain_and_url_encoded_share_a_placeholder() {
    let text = "Customer email: qorvath.elwin@mailbox-example.net\n\
                GET /?action=lookup&email=qorvath.elwin%40mailbox-example.net&x=1\n";
    let r = check_all(
        text,
        &[
            exp(
                "qorvath.elwin@mailbox-example.net",
                Kind::Email,
                Customer,
                "[EMAIL_1]",
            ),
            exp(
                "qorvath.elwin%40mailbox-example.net",
                Kind::Email,
                Customer,
                "[EMAIL_1]",
            ),
        ],
    );
    assert_eq!(r.findings.len(), 2);
}

#[test]
fn phones_near_words_and_international() {
    check(
        "Please call me on 07245 876457 after lunch.",
        "07245 876457",
        Kind::Phone,
        Customer,
        "[PHONE_1]",
    );
    check(
        "My phone number is 0161 496 0731, thanks",
        "0161 496 0731",
        Kind::Phone,
        Customer,
        "[PHONE_1]",
    );
    check(
        "She wrote from +33 7 54 94 09 36 yesterday",
        "+33 7 54 94 09 36",
        Kind::Phone,
        Customer,
        "[PHONE_1]",
    );
}

#[test]
fn street_address_number_first() {
    check(
        "Please ship to 4802 Harborview Road, Madison",
        // The town after the street is part of the postal address.
        "4802 Harborview Road, Madison",
        Kind::Address,
        Customer,
        "[ADDRESS_1]",
    );
}

#[test]
fn street_address_german() {
    check(
        "Lieferung an Hauptstraße 12, 10115 Berlin",
        "Hauptstraße 12, 10115 Berlin",
        Kind::Address,
        Customer,
        "[ADDRESS_1]",
    );
}

#[test]
fn street_address_spanish() {
    check(
        "Envío a Calle Mayor 14, Madrid",
        "Calle Mayor 14, Madrid",
        Kind::Address,
        Customer,
        "[ADDRESS_1]",
    );
}

#[test]
fn street_address_french() {
    check(
        "Livraison au 12 rue de la Paix, Paris",
        "12 rue de la Paix, Paris",
        Kind::Address,
        Customer,
        "[ADDRESS_1]",
    );
}

#[test]
fn names_in_customer_records() {
    check_all(
        r#"{"billing": {"first_name": "Ulrike", "last_name": "Yamamoto", "country": "DE"}}"#,
        &[
            exp("Ulrike", Kind::Name, Customer, "[NAME_1]"),
            exp("Yamamoto", Kind::Name, Customer, "[NAME_2]"),
        ],
    );
    check(
        "billing_name: Marisol Quintero\n",
        "Marisol Quintero",
        Kind::Name,
        Customer,
        "[NAME_1]",
    );
    check_all(
        "[shipping] => Array\n    (\n        [first_name] => Joaquín\n        [last_name] => Fitzgerald\n    )\n",
        &[
            exp("Joaquín", Kind::Name, Customer, "[NAME_1]"),
            exp("Fitzgerald", Kind::Name, Customer, "[NAME_2]"),
        ],
    );
}

#[test]
fn names_in_prose() {
    check(
        "Hi, my name is Marisol Quintero and my order never arrived.",
        "Marisol Quintero",
        Kind::Name,
        Customer,
        "[NAME_1]",
    );
    check(
        "Got it working now. Thanks Ulrike!",
        "Ulrike",
        Kind::Name,
        Customer,
        "[NAME_1]",
    );
}

#[test]
fn learned_name_is_found_again_in_prose() {
    let text = "[first_name] => Ulrike\n[last_name] => Yamamoto\n\
                Note: the parcel for Yamamoto was returned to Ulrike at the depot.\n";
    let r = check_all(
        text,
        &[
            exp("Ulrike", Kind::Name, Customer, "[NAME_1]"),
            exp("Yamamoto", Kind::Name, Customer, "[NAME_2]"),
        ],
    );
    assert_eq!(
        r.findings.len(),
        4,
        "both occurrences of both names are findings"
    );
    // Written together, the full name is one value of its own.
    let together =
        b"[first_name] => Ulrike\n[last_name] => Yamamoto\nthe parcel for Ulrike Yamamoto\n";
    assert_eq!(
        engine().learn_and_redact(together).text_lossy(),
        "[first_name] => [NAME_1]\n[last_name] => [NAME_2]\nthe parcel for [NAME_3]\n"
    );

    // Across texts: what one ticket field taught, the next message is held to.
    let mut e = engine();
    let record = b"{\"first_name\": \"Ulrike\", \"last_name\": \"Yamamoto\"}";
    e.learn(record);
    let first = e.redact(record);
    let later = e.redact(b"The parcel for Ulrike was returned.");
    assert_eq!(later.text_lossy(), "The parcel for [NAME_1] was returned.");
    assert_eq!(first.findings[0].placeholder, "[NAME_1]");
}

#[test]
fn public_ips_are_customer_data() {
    check_all(
        "login failed from 198.51.100.23 and 2001:db8:85a3::8a2e:370:7334 (3 attempts)",
        &[
            exp("198.51.100.23", Kind::Ip, Customer, "[IP_1]"),
            exp("2001:db8:85a3::8a2e:370:7334", Kind::Ip, Customer, "[IP_2]"),
        ],
    );
}

#[test]
fn private_and_loopback_ips_are_kept() {
    assert_unchanged(
        "db 10.0.0.21, router 192.168.1.1, php-fpm 127.0.0.1:9000, ::1 and fe80::1 and 172.16.4.2",
    );
}

// ---------------------------------------------------------------------------
// What support needs: kept as written
// ---------------------------------------------------------------------------

#[test]
fn keeps_versions() {
    assert_unchanged("WordPress 6.8-RC1, WooCommerce 9.4.2, PHP 8.2.12-1+ubuntu22.04.1 (fpm-fcgi)");
}

#[test]
fn keeps_timestamps() {
    assert_unchanged("[24-Nov-2026 09:58:12 UTC] PHP Warning: Undefined array key \"total\"");
    assert_unchanged("2026-11-24T09:58:12+01:00 request finished in 341 ms");
}

#[test]
fn keeps_error_codes() {
    assert_unchanged("SophMate error SOPH-E1042: provider timeout after 30s");
}

#[test]
fn keeps_file_paths_with_line_numbers() {
    assert_unchanged(
        "PHP Fatal error: Uncaught TypeError in /var/www/html/wp-content/plugins/woocommerce/includes/class-wc-order.php:1234\nStack trace: #0 /var/www/html/wp-includes/class-wp-hook.php(324): WC_Order->get_total() on line 87",
    );
}

#[test]
fn keeps_hook_names() {
    assert_unchanged(
        "do_action('woocommerce_payment_complete') then wp_ajax_nopriv_sophmate_chat and woocommerce_checkout_order_processed",
    );
}

#[test]
fn keeps_order_numbers() {
    assert_unchanged("Order #12345 (WC-123) was refunded; see order 98765.");
}

#[test]
fn keeps_request_ids() {
    assert_unchanged("request_id: 9b2f4c1e-3d5a-4e8b-9c7d-1a2b3c4d5e6f");
    assert_unchanged("X-Request-Id: req_8fK2mQ9xLp3vTz7W");
    assert_unchanged(r#"{"id": "chatcmpl-9xKqLmP2vT8zR4wYbN3cD5eF", "object": "chat.completion"}"#);
}

#[test]
fn keeps_stripe_object_ids() {
    assert_unchanged(
        "payment_intent pi_3QxYz2LkdIwHu7ix1a2b3c4d, charge ch_3QxYz2LkdIwHu7ix0K9fGh2j, event evt_1QxYz2LkdIwHu7ixAbCdEfGh",
    );
}

#[test]
fn keeps_asset_version_hashes() {
    assert_unchanged(
        "<link rel='stylesheet' href='/wp-content/themes/shop/style.css?ver=8b51fb3856a0dfe73dd7339c768564ad' />",
    );
}

#[test]
fn keeps_git_shas() {
    assert_unchanged("deployed commit 3f786850e387550fdab836ed7e6dc881de23001b to production");
}

#[test]
fn keeps_transaction_ids_that_fail_luhn() {
    let id = luhn_invalid(&card("txn", "4", 16));
    assert_unchanged(&format!("transaction_id => {id}"));
    assert_unchanged(&format!("Gateway transaction {id} settled"));
}

#[test]
fn keeps_http_status_lines() {
    assert_unchanged("HTTP/1.1 402 Payment Required\nHTTP/2 200\nHTTP/1.1 503 Service Unavailable");
}

#[test]
fn keeps_plugin_slugs() {
    assert_unchanged(
        "Active plugins: woocommerce-gateway-stripe, sophmate-ai-chat/sophmate.php, woocommerce-payments",
    );
}

#[test]
fn keeps_user_agents() {
    assert_unchanged(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
    );
}

#[test]
fn keeps_retina_image_names() {
    assert_unchanged("<img src=\"/uploads/logo@2x.png\" srcset=\"logo@3x.png 3x\">");
}

#[test]
fn keeps_masked_keys() {
    assert_unchanged("Stripe key sk_live_****1234 is configured");
    assert_unchanged(r#"{"secret_key": "sk_live_****1234"}"#);
}

#[test]
fn keeps_private_ips() {
    assert_unchanged("upstream 10.0.3.7:8080, client 192.168.0.14, health 127.0.0.1");
}

#[test]
fn keeps_password_followed_by_ordinary_word() {
    assert_unchanged("reset password link sent to the customer");
    assert_unchanged("Customer says the password expired yesterday");
}

#[test]
fn keeps_camel_case_class_names() {
    assert_unchanged(
        "Uncaught Error: Class \"SophMateChatController\" not found in WooCommerceGatewayStripe via WC_Payment_Gateway",
    );
}

#[test]
fn keeps_token_metadata() {
    assert_unchanged(r#"{"token_type": "bearer", "expires_in": 3600, "scope": "read"}"#);
    assert_unchanged("token_type: bearer\nexpires_in: 3600\n");
}

// ---------------------------------------------------------------------------
// Engine behaviour
// ---------------------------------------------------------------------------

#[test]
fn same_value_same_placeholder_different_values_different_numbers() {
    let a = format!("sk-proj-{}", rnd("same-a", TOKEN_CHARS, 80));
    let b = format!("sk-proj-{}", rnd("same-b", TOKEN_CHARS, 80));
    let text = format!("first {a}\nsecond {b}\nagain {a}\n");
    let r = redact(&text);
    assert_eq!(
        r.text_lossy(),
        "first [OPENAI_KEY_1]\nsecond [OPENAI_KEY_2]\nagain [OPENAI_KEY_1]\n"
    );

    // The numbering holds across texts redacted by one engine.
    let mut e = engine();
    let one = e.redact(format!("key {b}").as_bytes());
    let two = e.redact(format!("{a} then {b}").as_bytes());
    assert_eq!(one.text_lossy(), "key [OPENAI_KEY_1]");
    assert_eq!(two.text_lossy(), "[OPENAI_KEY_2] then [OPENAI_KEY_1]");
}

#[test]
fn keep_leaves_the_value_and_marks_the_finding() {
    let text = "Contact: qorvath.elwin@mailbox-example.net or brannoch.iv@mailbox-example.net";
    let mut e = engine();
    let first = e.redact(text.as_bytes());
    assert_eq!(first.text_lossy(), "Contact: [EMAIL_1] or [EMAIL_2]");
    assert!(e.keep("[EMAIL_1]", "shop's own mailbox"));
    assert!(!e.keep("[EMAIL_9]", "no such value"));
    let again = e.redact(text.as_bytes());
    assert_eq!(
        again.text_lossy(),
        "Contact: qorvath.elwin@mailbox-example.net or [EMAIL_2]"
    );
    let kept: Vec<_> = again.findings.iter().filter(|f| f.kept.is_some()).collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].placeholder, "[EMAIL_1]");
    assert_eq!(kept[0].kept.as_deref(), Some("shop's own mailbox"));
    assert_eq!(again.counts().get(&Customer), Some(&1));
}

#[test]
fn always_redact_custom_term() {
    let mut e = engine();
    e.always_redact("  Brightwater Ceramics  ");
    let r = e.redact(b"Brightwater Ceramics store: order from Brightwater Ceramics failed");
    assert_eq!(
        r.text_lossy(),
        "[CUSTOM_1] store: order from [CUSTOM_1] failed"
    );
    assert!(
        r.findings
            .iter()
            .all(|f| f.kind == Kind::Custom && f.category == Credential)
    );
    assert_eq!(e.custom_terms().count(), 1);
}

/// A text with a bit of everything, over several lines, CRLF included.
fn mixed_sample() -> String {
    let key = format!("sk-proj-{}", rnd("mixed-openai", TOKEN_CHARS, 80));
    let visa = group_card(&card("mixed-visa", "4", 16), " ");
    let body = pem_body("mixed-pem", 3).join("\n");
    format!(
        "[24-Nov-2026 09:58:12 UTC] PHP Warning in /var/www/html/wp-config.php:42\r\n\
         OPENAI_API_KEY={key}\r\n\
         define( 'DB_PASSWORD', '{pw}' );\n\
         Customer email: qorvath.elwin@mailbox-example.net, card {visa}\n\
         -----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----\n\
         Hi, my name is Marisol Quintero, call me on 07245 876457.\n\
         Authorization: Bearer {bearer}\n\n\n\
         from 198.51.100.23 via 10.0.0.1\n",
        pw = password("mixed-pw"),
        bearer = rnd("mixed-bearer", ALNUM, 40),
    )
}

#[test]
fn line_count_is_preserved() {
    let text = mixed_sample();
    let r = redact(&text);
    assert_eq!(newlines(&r.text), newlines(text.as_bytes()));
    assert_eq!(
        r.text.iter().filter(|&&b| b == b'\r').count(),
        text.matches('\r').count()
    );
    assert!(
        r.findings.len() >= 10,
        "{}",
        describe(text.as_bytes(), &r.findings)
    );
    for f in &r.findings {
        assert!(
            !text[f.start..f.end].contains('\n'),
            "a finding spans lines"
        );
    }
    for kept in [
        "[24-Nov-2026 09:58:12 UTC]",
        "/var/www/html/wp-config.php:42",
        "10.0.0.1",
    ] {
        assert_survives(&text, kept);
    }
}

#[test]
fn redacting_redacted_output_changes_nothing() {
    let text = mixed_sample();
    let mut e = engine();
    e.learn(text.as_bytes());
    let once = e.redact(text.as_bytes());
    let twice = e.redact(&once.text);
    assert_eq!(twice.text_lossy(), once.text_lossy());
    assert!(
        twice.findings.is_empty(),
        "{}",
        describe(&once.text, &twice.findings)
    );

    let fresh = redact(&once.text_lossy());
    assert_eq!(fresh.text_lossy(), once.text_lossy());
}

#[test]
fn invalid_utf8_passes_through() {
    let plain: &[u8] = b"caf\xe9 \xff\xfe order #12345 \xc3\x28 done\n\x80\x80\n";
    let r = redact_bytes(plain);
    assert_eq!(r.text, plain);

    let key = format!("sk-proj-{}", rnd("utf8-openai", TOKEN_CHARS, 80));
    let mut input = b"\xff\xfe key ".to_vec();
    input.extend_from_slice(key.as_bytes());
    input.extend_from_slice(b" \xc3\x28\n\xe9t\xe9 qorvath.elwin@mailbox-example.net \x80\n");
    let r = redact_bytes(&input);
    assert_eq!(
        r.text,
        b"\xff\xfe key [OPENAI_KEY_1] \xc3\x28\n\xe9t\xe9 [EMAIL_1] \x80\n".to_vec()
    );
}

fn redact_bytes(b: &[u8]) -> Redacted {
    let mut e = engine();
    e.learn(b);
    e.redact(b)
}

#[test]

fn look_alike_placeholder_does_not_shield_a_secret() {
    let digits = card("shield", "4", 16);
    let text = format!("[JOB_42 charged {digits}] done");
    let r = redact(&text);
    assert!(
        !r.text_lossy().contains(&digits),
        "leaked: {}",
        r.text_lossy()
    );
}

// ---------------------------------------------------------------------------
// Record layouts: the same fields in the other shapes evidence arrives in
// ---------------------------------------------------------------------------

#[test]
fn names_with_inner_capitals_particles_and_escapes() {
    check(
        r#"{"first_name": "DeShawn", "city": "Columbus"}"#,
        "DeShawn",
        Kind::Name,
        Category::Customer,
        "[NAME_1]",
    );
    check(
        r#"{"billing": {"last_name": "MacCarthy"}}"#,
        "MacCarthy",
        Kind::Name,
        Category::Customer,
        "[NAME_1]",
    );
    check(
        r#"'last_name' => 'dos Santos Oliveira',"#,
        "dos Santos Oliveira",
        Kind::Name,
        Category::Customer,
        "[NAME_1]",
    );
    check(
        r#"{"customer":{"name":"Carmen Fern\u00e1ndez-V\u00e1zquez","id":7}}"#,
        r"Carmen Fern\u00e1ndez-V\u00e1zquez",
        Kind::Name,
        Category::Customer,
        "[NAME_1]",
    );
    // A non-ASCII letter right after a prefix-like start must not trip the check.
    assert_survives("Bäcker und Söhne, Version 4.2", "Version 4.2");
    // Product names stay.
    assert_survives(
        r#"{"name": "WooCommerce", "version": "9.4.2"}"#,
        "WooCommerce",
    );
}

#[test]
fn form_encoded_fields_end_at_the_next_field() {
    let text = "billing_first_name=Chukwudi&billing_last_name=Adeyemi-Okafor&billing_city=Lagos";
    let r = redact(text);
    let out = r.text_lossy();
    assert!(
        !out.contains("Chukwudi") && !out.contains("Adeyemi"),
        "{out}"
    );
    assert!(out.contains("billing_city=Lagos"), "{out}");
    check_all(
        "first_name=%C3%89lodie&last_name=de+La+Rochefoucauld&ver=3",
        &[
            exp("%C3%89lodie", Kind::Name, Customer, "[NAME_1]"),
            exp("de+La+Rochefoucauld", Kind::Name, Customer, "[NAME_2]"),
        ],
    );
}

#[test]
fn xml_elements_are_fields() {
    let password = rnd("xml-pass", PASSWORD_CHARS, 16);
    let text = format!(
        "<merchantAuthentication><name>shop</name><password>{password}</password></merchantAuthentication>\n<billTo><firstName>Lakshmi</firstName><cardCode>292</cardCode></billTo>"
    );
    let r = redact(&text);
    let out = r.text_lossy();
    assert!(!leaks(&password, &out), "{out}");
    assert!(!out.contains("Lakshmi") && !out.contains(">292<"), "{out}");
    assert!(out.contains("<name>shop</name>"), "{out}");
}

#[test]
fn sql_meta_rows_and_var_dump_values() {
    let r = redact(
        "(70373,139,'billing_first_name','Lukas'),\n(70374,139,'billing_phone','+49 151 82510225'),\n(70375,139,'_order_total','83.86'),",
    );
    let out = r.text_lossy();
    assert!(!out.contains("Lukas") && !out.contains("82510225"), "{out}");
    assert!(out.contains("'83.86'"), "{out}");
    let r = redact(
        "  [\"first_name\"]=>\n    string(6) \"Thiago\"\n  [\"status\"]=>\n    string(7) \"pending\"\n",
    );
    let out = r.text_lossy();
    assert!(!out.contains("Thiago"), "{out}");
    assert!(out.contains("\"pending\""), "{out}");
    assert_eq!(newlines(&r.text), 4);
}

#[test]
fn table_rows_take_their_header() {
    let csv = "\"Bestellnummer\";\"Vorname\";\"Nachname\";\"Telefon\";\"Summe\"\n\"96320\";\"Harriet\";\"Thompson\";\"07253 265389\";\"114,71\"\n";
    let r = redact(csv);
    let out = r.text_lossy();
    for gone in ["Harriet", "Thompson", "07253 265389"] {
        assert!(!out.contains(gone), "{gone} in {out}");
    }
    assert!(
        out.contains("\"96320\"") && out.contains("\"114,71\""),
        "{out}"
    );
    let wp_cli = "+------+------------------+--------------+\n| ID   | user_email       | display_name |\n+------+------------------+--------------+\n| 2672 | hh@example.net   | Hinata Hayashida |\n";
    let out = redact(wp_cli).text_lossy();
    assert!(!out.contains("Hinata"), "{out}");
    assert!(out.contains("| 2672 |"), "{out}");
    let md =
        "| Field | Value |\n|---|---|\n| Name | Siobhán MacCarthy |\n| Plugin | SophMate 3.2.1 |\n";
    let out = redact(md).text_lossy();
    assert!(!out.contains("MacCarthy"), "{out}");
    assert!(out.contains("SophMate 3.2.1"), "{out}");
}

#[test]
fn a_name_before_its_address_in_parentheses() {
    let out = redact(
        "Another one: Kayleigh Washington (<mailto:kw@icloud.com|kw@icloud.com>) could not pay.",
    )
    .text_lossy();
    assert!(
        !out.contains("Kayleigh") && !out.contains("Washington"),
        "{out}"
    );
    // A company before its role mailbox is no person.
    assert_unchanged("Ask Stripe (support@stripe.com) or Hosting (help@host.example) about it.");
}

#[test]
fn phones_in_form_data_xdebug_dumps_and_other_languages() {
    let out = redact("billing_phone=%2B33+%280%291+93+11+24+48&billing_city=Paris").text_lossy();
    assert!(!out.contains("93+11+24+48"), "{out}");
    let out = redact("  'phone' => string '030 53560501' (length=12)").text_lossy();
    assert!(
        !out.contains("53560501") && out.contains("(length=12)"),
        "{out}"
    );
    for line in [
        "Rufen Sie mich gerne unter 0151 5574 4041 an.",
        "meu WhatsApp é (51) 95135-0228",
        "mi móvil: 678 690 193",
        "my number changed to 0803 223 8075",
    ] {
        let out = redact(line).text_lossy();
        assert!(out.contains("[PHONE_1]"), "{out}");
    }
    assert_survives("Rufen Sie den Support unter Version 4.2.1 an", "4.2.1");
}

// ---------------------------------------------------------------------------
// Values named elsewhere on their line: key-value listings, SQL, calls, serialize()
// ---------------------------------------------------------------------------

#[test]
fn key_value_listings_take_the_name_cell() {
    let salt = format!(
        "{}|{}",
        rnd("kv-salt-a", ALNUM, 30),
        rnd("kv-salt-b", ALNUM, 30)
    );
    let pass = format!(
        "{}!{}",
        rnd("kv-pass", ALNUM, 10),
        rnd("kv-pass2", DIGITS, 3)
    );
    let text = format!(
        "+-------------+--------------------------------+----------+\n\
         | name        | value                          | type     |\n\
         +-------------+--------------------------------+----------+\n\
         | DB_HOST     | db.internal:3306               | constant |\n\
         | DB_PASSWORD | {pass}                 | constant |\n\
         | NONCE_SALT  | {salt} | constant |\n\
         | WP_DEBUG    | 1                              | constant |\n"
    );
    let out = redact(&text).text_lossy();
    for gone in [&salt, &pass] {
        assert!(!leaks(gone, &out), "{gone} in {out}");
    }
    assert!(
        out.contains("db.internal:3306") && out.contains("| WP_DEBUG    | 1"),
        "{out}"
    );
    // Option listings: the row's option_name says what its option_value is.
    let key = rnd("kv-option-key", ALNUM, 40);
    let text = format!(
        "option_id\toption_name\toption_value\tautoload\n\
         812\tshop_cohere_api_key\t{key}\tyes\n\
         813\tshop_cache_version\t4.2.0\tyes\n"
    );
    let out = redact(&text).text_lossy();
    assert!(!leaks(&key, &out) && out.contains("4.2.0"), "{out}");
}

#[test]
fn sql_values_take_their_column_names() {
    let text = "INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `address_1`, `city`, `phone`) \
                VALUES (311, 7302, 'shipping', 'Rosalind', 'Featherstone', '18 Quarry Bank', 'Leeds', '0113 496 0772'), \
                (312, 7303, 'billing', 'Tomasz', 'Wierzbicki', 'ul. Lipowa 4', 'Gdańsk', '+48 512 340 118');";
    let out = redact(text).text_lossy();
    for gone in [
        "Rosalind",
        "Featherstone",
        "18 Quarry Bank",
        "0113 496 0772",
        "Wierzbicki",
        "ul. Lipowa 4",
        "+48 512 340 118",
    ] {
        assert!(!out.contains(gone), "{gone} in {out}");
    }
    for kept in ["'shipping'", "7302", "'Leeds'", "`first_name`"] {
        assert!(out.contains(kept), "{kept} lost in {out}");
    }
    let key = rnd("sql-option", ALNUM, 32);
    let text = format!(
        "Query\tUPDATE `wp_options` SET `option_value` = '{key}' WHERE `option_name` = 'acme_mistral_api_key'"
    );
    check(&text, &key, Kind::Mistral, ProviderKey, "[MISTRAL_KEY_1]");
    // Another option's value is not a secret because of its table.
    assert_unchanged(
        "UPDATE `wp_options` SET `option_value` = '1718030001' WHERE `option_name` = 'cron_last_run'",
    );
    assert_unchanged(
        "INSERT INTO log (`level`, `message`) VALUES ('warning', 'Cache flushed by cron')",
    );
}

#[test]
fn call_arguments_take_the_function_name() {
    let key = rnd("call-private-key", HEX, 32);
    let text = format!(
        "Braintree\\Configuration::merchantId('m4x9'); Braintree\\Configuration::privateKey('{key}');"
    );
    let out = redact(&text).text_lossy();
    assert!(
        !leaks(&key, &out) && out.contains("merchantId('m4x9')"),
        "{out}"
    );
    let out = redact("Query\tSET PASSWORD FOR 'shop'@'localhost' = PASSWORD('Harbour!Lights77')")
        .text_lossy();
    assert!(!out.contains("Harbour!Lights77"), "{out}");
    assert_unchanged("__('Password', 'woocommerce'); get_option('woocommerce_api_enabled');");
}

#[test]
fn php_serialized_arrays_pair_keys_with_values() {
    let secret = rnd("serialized-secret", BASE64, 40);
    let text = format!(
        "(1204,'media_offload','a:3:{{s:6:\\\"bucket\\\";s:10:\\\"shop-media\\\";s:17:\\\"secret-access-key\\\";s:40:\\\"{secret}\\\";s:6:\\\"region\\\";s:9:\\\"eu-west-1\\\";}}','yes')"
    );
    let out = redact(&text).text_lossy();
    assert!(!leaks(&secret, &out), "{out}");
    assert!(
        out.contains("shop-media") && out.contains("eu-west-1"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------
// Command lines, transcripts and prose around credentials
// ---------------------------------------------------------------------------

#[test]
fn passwords_on_command_lines() {
    let cases = [
        (
            "sshpass -p 'Tern-Cobalt-Ridge81' scp dump.sql deploy@203.0.113.40:/tmp/",
            "Tern-Cobalt-Ridge81",
        ),
        (
            "sshpass -e -p Quill7Harbor rsync -az build/ web:/srv/site/",
            "Quill7Harbor",
        ),
        (
            "lftp -u backup,'Mx8#pLw2Vq' sftp://files.example.net -e 'mirror uploads'",
            "Mx8#pLw2Vq",
        ),
        (
            "mysqldump -u shop -pR1verstone! shop_db > /tmp/shop.sql",
            "R1verstone!",
        ),
        (
            "CREATE USER 'stats'@'%' IDENTIFIED BY 'Cinder-Lake-Owl52';",
            "Cinder-Lake-Owl52",
        ),
        (
            "ALTER USER 'app'@'localhost' IDENTIFIED WITH mysql_native_password BY 'Pq7!vZt2Lm';",
            "Pq7!vZt2Lm",
        ),
    ];
    for (line, pass) in cases {
        let out = redact(line).text_lossy();
        assert!(!out.contains(pass), "{pass} in {out}");
    }
    // `-p` alone asks for the password; `--port` and paths are no passwords.
    assert_unchanged("mysql -u shop -p shop_db < /var/backups/shop.sql");
    assert_unchanged("rsync -az -p build/ web:/srv/site/ && lftp -e 'ls' sftp://files.example.net");
}

#[test]
fn smtp_auth_in_a_mail_transcript() {
    let pass_b64 = base64(b"Kettle-Moor-93", false);
    let plain = base64(b"\0shop@example.org\0Kettle-Moor-93", false);
    let text = format!(
        "CLIENT -> SERVER: AUTH LOGIN\n\
         SERVER -> CLIENT: 334 VXNlcm5hbWU6\n\
         CLIENT -> SERVER: c2hvcEBleGFtcGxlLm9yZw==\n\
         SERVER -> CLIENT: 334 UGFzc3dvcmQ6\n\
         CLIENT -> SERVER: {pass_b64}\n\
         SERVER -> CLIENT: 235 2.7.0 Authentication successful\n\
         CLIENT -> SERVER: AUTH PLAIN {plain}\n"
    );
    let out = redact(&text).text_lossy();
    assert!(!leaks(&pass_b64, &out) && !leaks(&plain, &out), "{out}");
    assert!(out.contains("235 2.7.0 Authentication successful"), "{out}");
}

#[test]
fn credentials_written_in_prose() {
    let secret = rnd("aws-pair-secret", BASE64, 40);
    let id = format!("AKIA{}", rnd("aws-pair-id", UPPER_DIGITS, 16));
    let text = format!("the nightly export still uses `{id}` / `{secret}` until we rotate");
    let out = redact(&text).text_lossy();
    assert!(!leaks(&secret, &out) && !out.contains(&id), "{out}");
    let out = redact("2. Log in as the demo buyer `tqwmz` / `Saffron-Quay-Ember27` and retry")
        .text_lossy();
    assert!(
        !out.contains("Saffron-Quay-Ember27") && out.contains("`tqwmz`"),
        "{out}"
    );
    for (line, pass) in [
        ("Senha do portal dos Correios: Vh3!qP9xZk", "Vh3!qP9xZk"),
        (
            "Contraseña de la cuenta del almacén: Lq8#wErT5y",
            "Lq8#wErT5y",
        ),
        ("Passwort für das DHL-Portal: Zk4$mNb7Qw", "Zk4$mNb7Qw"),
    ] {
        let out = redact(line).text_lossy();
        assert!(!out.contains(pass), "{pass} in {out}");
    }
    assert_survives(
        "Password reset requested at: 2024-06-01T10:22:31Z",
        "2024-06-01T10:22:31Z",
    );
    assert_survives("password check failed: SOPH-E1042", "SOPH-E1042");
    assert_survives(
        "Lost password page: /my-account/lost-password/",
        "/my-account/lost-password/",
    );
}

#[test]
fn keyword_values_in_prose_start_at_a_word() {
    let key = rnd("prose-keyword-key", ALNUM, 24);
    for (lead, kind) in [
        ("initialised with api key", Kind::ApiKey),
        ("initialised with access_key", Kind::ApiKey),
        ("rotated the Secret_Key", Kind::Secret),
        ("«token", Kind::Token),
        ("mot de passe, «password", Kind::Password),
    ] {
        let text = format!("{lead} {key} yesterday");
        let r = redact(&text);
        assert!(
            r.findings.iter().any(|f| f.kind == kind) && !leaks(&key, &r.text_lossy()),
            "{kind:?} in {text}: {}",
            r.text_lossy()
        );
    }
    // Inside a longer word the keyword is no keyword.
    for lead in ["monkey", "donkeys", "the_key", "Mkey"] {
        assert_unchanged(&format!("{lead} {key} yesterday"));
    }
    assert_survives(
        "PHP Warning:  Undefined array key \"usage\" in x.php",
        "usage",
    );
}

#[test]
fn card_security_codes_in_prose() {
    let visa = card("prose-cvv-visa", "4", 16);
    for line in [
        format!("my card is {visa}, exp 08/29, CVV 417 thanks"),
        format!("Kreditkarte {visa} gültig bis 03/28, Prüfnummer 8305"),
        format!("cartão {visa} validade 11/27 código de segurança 562"),
        format!("I paid with {visa}, expiry 02/30, CID 913"),
        "and the security code is 706, is that safe to send here?".to_string(),
    ] {
        let r = redact(&line);
        assert!(
            r.findings.iter().any(|f| f.kind == Kind::Cvv),
            "no CVV in {}",
            r.text_lossy()
        );
    }
    // CID alone is a customer or content id; six digits are a one-time code.
    assert_unchanged("Escalated by agent, CID 143 in the queue");
    assert_unchanged("Your security code 482913 expires in 10 minutes");
}

#[test]
fn salts_passwords_and_keys_in_other_layouts() {
    let salt = rnd("compose-salt", SALT_CHARS, 64);
    let text = format!(
        "    environment:\n      - WORDPRESS_NONCE_SALT={salt}\n      - WORDPRESS_DB_HOST=db:3306\n"
    );
    let out = redact(&text).text_lossy();
    assert!(
        !leaks(&salt, &out) && out.contains("WORDPRESS_DB_HOST=db:3306"),
        "{out}"
    );
    // Redis ACLs: a user and a password.
    let pass = format!(
        "{}-{}",
        rnd("redis-acl", ALNUM, 10),
        rnd("redis-acl2", DIGITS, 2)
    );
    let out = redact(&format!(
        "define( 'WP_REDIS_PASSWORD', [ 'cacheuser', '{pass}' ] );"
    ))
    .text_lossy();
    assert!(!out.contains(&pass) && out.contains("'cacheuser'"), "{out}");
    let out = redact(&format!("connect(Array('host' => '127.0.0.1', 'password' => Array('cacheuser', '{pass}'), 'database' => 0))")).text_lossy();
    assert!(
        !out.contains(&pass) && out.contains("'cacheuser'") && out.contains("Array('host'"),
        "{out}"
    );
    // A generated secret may hold a space; a sentence is no secret.
    let spaced = format!(
        "{} {}",
        rnd("jwt-spaced-a", SALT_CHARS, 30),
        rnd("jwt-spaced-b", SALT_CHARS, 30)
    );
    let out = redact(&format!("JWT_AUTH_SECRET_KEY=\"{spaced}\"")).text_lossy();
    assert!(!leaks(&spaced, &out), "{out}");
    assert_unchanged("SECRET_KEY_HINT=\"Set this in the environment, never in the repository.\"");
}

#[test]
fn escaped_slack_webhooks_and_porcelain_app_passwords_and_form_cards() {
    let tail = rnd("slack-escaped", ALNUM, 24);
    let text = format!(
        r#"{{"slack":{{"webhook":"https:\/\/hooks.slack.com\/services\/T0AB12CDE\/B0FG34HIJ\/{tail}"}}}}"#
    );
    let out = redact(&text).text_lossy();
    assert!(!out.contains(&tail) && out.contains("T0AB12CDE"), "{out}");
    let app = "k3Vt Qw9z Lm2P Xr7s Bn4d Hy6f";
    let out = redact(&format!(
        "$ wp user application-password create 3 \"deploy\" --porcelain\n{app}\n"
    ))
    .text_lossy();
    assert!(!out.contains(app), "{out}");
    // Only a line that holds nothing else; a card after a login line stays a card.
    let visa_next = card("after-login", "4", 16);
    let r = redact(&format!(
        "Authorization: Bearer {}\npaid with {}\n",
        rnd("after-login-token", ALNUM, 32),
        group_card(&visa_next, " ")
    ));
    assert!(
        r.findings.iter().any(|f| f.kind == Kind::CardNumber),
        "{}",
        r.text_lossy()
    );
    assert!(
        r.findings.iter().all(|f| f.kind != Kind::WpAppPassword),
        "{}",
        r.text_lossy()
    );
    let visa = card("form-card", "4", 16);
    let grouped = group_card(&visa, "+");
    let out = redact(&format!(
        "type=card&card[number]={grouped}&card[exp_month]=07"
    ))
    .text_lossy();
    assert!(!leaks(&grouped, &out), "{out}");
}

// ---------------------------------------------------------------------------
// Names in records and greetings of other layouts and languages
// ---------------------------------------------------------------------------

#[test]
fn names_after_record_headings_greetings_and_titles() {
    for (line, name) in [
        (
            "Kunde #5120: Frau Annelie Brockhaus-Sander",
            "Brockhaus-Sander",
        ),
        (
            "Cliente #318: Beatriz dos Reis Montenegro · Endereço: Rua Augusta, 88",
            "Montenegro",
        ),
        (
            "Klant #77: Joost van der Berg-Smit, Kerkstraat 4",
            "Berg-Smit",
        ),
        (
            "Guten Tag, Wiebke Osterkamp hier. Bestellung #4410 fehlt.",
            "Osterkamp",
        ),
        (
            "Hola, soy Inmaculada Bermejo, mi pedido no ha llegado.",
            "Bermejo",
        ),
        ("Customer #2231: Siobhra O'Halloran", "O'Halloran"),
        ("Okyakusama #88: Fujimori Haruka-sama", "Fujimori"),
        (
            "Customer #904: Rhiannon MacAllister-Price",
            "MacAllister-Price",
        ),
    ] {
        let out = redact(line).text_lossy();
        assert!(!out.contains(name), "{name} in {out}");
    }
    let out = redact(
        "job=checkout order=#6631 customer=\"Ruairí Ó Floinn\" <ruairi@example.ie> status=failed",
    )
    .text_lossy();
    assert!(
        !out.contains("Floinn") && out.contains("order=#6631"),
        "{out}"
    );
    // Greetings before a product or a team are no names.
    assert_unchanged("Hola, WooCommerce 9.1 is out. Guten Tag, Team!");
    assert_survives("Customer #2231: Order 4410 refunded", "Order 4410");
}

#[test]
fn names_in_records_opened_on_another_line() {
    let out = redact("[12-Mar-2025 10:00:01 UTC] shop: customer context array (\n  'order' => 8812,\n  'name' => 'Eithne Gallagher',\n);\n").text_lossy();
    assert!(!out.contains("Gallagher") && out.contains("8812"), "{out}");
    let out = redact("smoke_test_customers:   # real accounts\n  - name: Oskar Lindqvist\n    email: ol@example.se\n").text_lossy();
    assert!(!out.contains("Lindqvist"), "{out}");
    // A plugin list is no person's record.
    assert_unchanged("plugins:\n  - name: Query Monitor\n    version: 3.16.3\n");
    let out = redact("Endereço: Travessa do Carmo 19, Lisboa").text_lossy();
    assert!(!out.contains("Travessa do Carmo 19"), "{out}");
}

#[test]
fn table_headers_carry_across_stream_chunks() {
    let mut first = String::from("order;first_name;last_name;phone;total\n");
    for i in 0..40 {
        first.push_str(&format!(
            "{};Row{};Filler;0161 496 0{:03};12,50\n",
            5000 + i,
            i,
            i
        ));
    }
    let second = "6001;Benedikta;Rautenstrauch;0161 496 0999;31,00\n6002;Gwendolyn;Ashcombe;0161 496 0998;9,99\n";
    let mut streaming = engine();
    let mut learn_state = StreamState::default();
    let scans = [
        streaming.learn_chunk(first.as_bytes(), &mut learn_state),
        streaming.learn_chunk(second.as_bytes(), &mut learn_state),
    ];
    let mut state = StreamState::default();
    let mut out = String::new();
    for (chunk, scanned) in [first.as_str(), second].into_iter().zip(scans) {
        out.push_str(
            &streaming
                .redact_scanned(chunk.as_bytes(), scanned, &mut state)
                .text_lossy(),
        );
    }
    for gone in ["Benedikta", "Rautenstrauch", "0161 496 0999", "Ashcombe"] {
        assert!(!out.contains(gone), "{gone} in {out}");
    }
    assert!(out.contains("6001;") && out.contains(";31,00"), "{out}");
    // A chunk that ends the table carries nothing: later lines are prose.
    let mut state = StreamState::default();
    let mut e = engine();
    e.redact_chunk(
        b"id;first_name;city\n7;Ana;Porto\n\nnotes follow\n",
        &mut state,
    );
    let r = e.redact_chunk(b"Release;Hotfix;Notes\n", &mut state);
    assert_eq!(r.text_lossy(), "Release;Hotfix;Notes\n");
}

#[test]
fn phones_listed_beside_an_email() {
    for line in [
        "New lead: Ingrid Sørlie (<mailto:ingrid.s@example.no|ingrid.s@example.no>, 0412 555 019) asked for a refund",
        "contact: ravi.k@example.in; 098765 43210",
    ] {
        let r = redact(line);
        assert!(
            r.findings.iter().any(|f| f.kind == Kind::Phone),
            "no phone in {}",
            r.text_lossy()
        );
    }
    // Dates, order numbers and ids after an address stay.
    assert_survives(
        "sent to shop-owner@example.com, 2024-06-01 10:22:31",
        "2024-06-01 10:22:31",
    );
    assert_survives("sent to shop-owner@example.com, order 44120", "order 44120");
    assert_survives(
        "from a.b@example.com; 1718030001234567 bytes",
        "1718030001234567",
    );
}

#[test]
fn a_scan_is_not_applied_to_bytes_it_did_not_come_from() {
    // Same length, the secret moved: the old spans would redact the wrong bytes.
    let filler = "x".repeat(40);
    let key = "sk-proj-Qm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdo";
    let scanned_text = format!("{key} {filler}\n");
    // At 0 the secret moved; elsewhere one byte changed, in each lane and past them.
    for at in [0, 7, 31, 32, 33, 63] {
        let changed = if at == 0 {
            format!("{filler} {key}\n").into_bytes()
        } else {
            let mut one_byte = scanned_text.clone().into_bytes();
            one_byte[at] = b'!';
            one_byte
        };
        let mut e = engine();
        let scanned = e.learn_chunk(scanned_text.as_bytes(), &mut StreamState::default());
        let out = e
            .redact_scanned(&changed, scanned, &mut StreamState::default())
            .text_lossy();
        let fresh = engine().redact(&changed).text_lossy();
        assert_eq!(out, fresh, "byte {at} changed");
    }
}

#[test]
fn findings_name_their_line_and_column_in_characters() {
    let key = format!("sk-proj-{}", rnd("position", ALNUM, 48));
    let mail = "ana.lima@example.org";
    // Line 1 at column 1; two on line 3 after a multi-byte character; line 5 after an empty line.
    let text = format!("{key} first\nnothing here\n→ <{mail}> and {key}\n\n\tmail {mail}\n");
    let want = [(1, 1), (3, 4), (3, 30), (5, 7)];
    let mut e = engine();
    let scanned = e.learn_chunk(text.as_bytes(), &mut StreamState::default());
    let both_passes = e.redact_scanned(text.as_bytes(), scanned, &mut StreamState::default());
    for out in [both_passes, redact(&text)] {
        let at: Vec<(usize, usize)> = out.findings.iter().map(|f| (f.line, f.column)).collect();
        assert_eq!(at, want, "{}", describe(text.as_bytes(), &out.findings));
    }
    // In a stream, lines go on counting from the chunks before.
    let mut e = engine();
    let mut state = StreamState::default();
    e.redact_chunk(b"one\ntwo\n", &mut state);
    let out = e.redact_chunk(text.as_bytes(), &mut state);
    assert_eq!(out.findings[3].line, 7);
    assert_eq!(out.findings[3].column, 7);
}

#[test]
fn terms_are_redacted_in_any_case_with_one_placeholder() {
    let mut e = engine();
    assert!(e.always_redact("blueheron"));
    assert!(!e.always_redact("BlueHeron"), "one term, whatever its case");
    let out = e
        .redact(b"BLUEHERON ships to blueheron.example; Blueheron's owner")
        .text_lossy();
    assert_eq!(
        out,
        "[CUSTOM_1] ships to [CUSTOM_1].example; [CUSTOM_1]'s owner"
    );
    let mut e = engine();
    e.always_redact("Ødegård Bakery");
    assert_eq!(
        e.redact("ØDEGÅRD BAKERY".as_bytes()).text_lossy(),
        "[CUSTOM_1]"
    );
}

#[test]
fn only_customer_details_can_be_kept() {
    let card = card("keep-card", "4", 16);
    let text = format!("card {card} for ana.lima@example.org\n");
    let mut e = engine();
    let first = e.learn_and_redact(text.as_bytes());
    let placeholder = |kind: Kind| {
        first
            .findings
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.placeholder.clone())
            .unwrap()
    };
    assert!(!e.keep(&placeholder(Kind::CardNumber), "support asked"));
    assert!(e.keep(
        &placeholder(Kind::Email),
        "the buyer asked us to write back"
    ));
    let out = e.redact(text.as_bytes()).text_lossy();
    assert!(!out.contains(&card), "{out}");
    assert!(out.contains("ana.lima@example.org"), "{out}");
}

#[test]
fn a_connection_string_keeps_the_fields_around_its_password() {
    let text = "Server=db1;User ID=sa;Password=Xk9pw2Lq;Database=wcshop;Encrypt=true\n";
    let out = redact(text).text_lossy();
    assert_eq!(
        out,
        "Server=db1;User ID=sa;Password=[PASSWORD_1];Database=wcshop;Encrypt=true\n"
    );
}

#[test]
fn names_with_an_escaped_apostrophe_inside_single_quoted_values() {
    // esc_attr() writes an apostrophe as `&#039;`; read as `'`, it ended
    // the value there and the rest of the name was not read as its value.
    for (text, surname) in [
        (
            "<input value='Niamh O&#039;Dowd' name='billing_last_name' />",
            "Dowd",
        ),
        (
            "<input type=\"text\" value='d&#039;Estrées-Marchal' name=\"shipping_last_name\" />",
            "Marchal",
        ),
        (
            "INSERT INTO wp_usermeta VALUES (12, 7, 'last_name', 'O&apos;Flaherty');",
            "Flaherty",
        ),
        (
            "<input name='billing_last_name' value='Van&#39;t Riet' />",
            "Riet",
        ),
    ] {
        let out = String::from_utf8(redact(text).text).unwrap();
        assert!(!out.contains(surname), "{text}\n-> {out}");
        assert!(out.contains("[NAME_1]"), "{text}\n-> {out}");
    }
}

#[test]
fn a_name_with_a_typographic_apostrophe_is_the_one_with_a_straight_one() {
    let text = "billing_last_name: D&#8217;Amico\n\
                shipping_last_name: D'Amico\n\
                <input value='Niamh O&#039;Dowd' name='billing_last_name' />\n\
                {\"shipping_full_name\":\"Niamh O'Dowd\"}\n";
    let out = String::from_utf8(redact(text).text).unwrap();
    assert_eq!(
        out,
        "billing_last_name: [NAME_1]\n\
         shipping_last_name: [NAME_1]\n\
         <input value='[NAME_2]' name='billing_last_name' />\n\
         {\"shipping_full_name\":\"[NAME_2]\"}\n"
    );
}

#[test]
fn house_numbers_with_a_letter_after_a_slash() {
    // Italian and Spanish addresses write a building's letter after a slash.
    for (text, kept_out) in [
        (
            "Shipping\nGiulia Ferraris\nVia Po 18/B\n10124 Torino\nItalia\n",
            &["Ferraris", "18/B", "10124"][..],
        ),
        (
            "Spedizione: Corso Francia 203/c, 10138 Torino",
            &["Francia", "203/c"][..],
        ),
        (
            "Envío a Calle de Alcalá 42/A, 28014 Madrid",
            &["Alcalá", "42/A"][..],
        ),
    ] {
        let out = String::from_utf8(redact(text).text).unwrap();
        for part in kept_out {
            assert!(!out.contains(part), "{part} in\n{out}");
        }
    }
}

#[test]
fn an_api_signature_with_dots_is_not_read_as_code() {
    let signature = "Hb3kQ9wZ1xT5mR.Lp8vN2sK4yD7fJ0qC.t4Gmkwqz7PhVsyX";
    let text = format!(
        "nvp?METHOD=DoCapture&USER=shop_api1.example.org&PWD=QX7B2M9K4T&SIGNATURE={signature}&VERSION=204.0"
    );
    let out = String::from_utf8(redact(&text).text).unwrap();
    assert!(!out.contains(signature), "{out}");
    assert!(out.contains("SIGNATURE=[PAYPAL_SECRET_1]"), "{out}");
}

#[test]
fn passwords_in_more_assignment_syntaxes() {
    // Made-up values, each in a syntax read wrongly or not at all before:
    // string prefixes, parallel assignment, R's right arrow, PowerShell's
    // parameters named in camel case or given an expression.
    for (text, secret) in [
        ("SMTP_PASS = b\"Lichen-Otter-305\"", "Lichen-Otter-305"),
        ("api_secret = rb'Fj0rd-M4gp!e-88'", "Fj0rd-M4gp!e-88"),
        ("string Password = $\"Sorrel!Gate4\";", "Sorrel!Gate4"),
        (
            "const wchar_t *password = L\"Tansy#Cairn9\";",
            "Tansy#Cairn9",
        ),
        (
            "host, password := \"db.local\", \"Brindle?Moor7\"",
            "Brindle?Moor7",
        ),
        (
            "db_password, db_user = \"Kittiwake#31\", \"shop\"",
            "Kittiwake#31",
        ),
        (
            "ran it; db_user, db_password = \"shop\", \"Gannet!Spruce8\"; then retried",
            "Gannet!Spruce8",
        ),
        (
            "local user, passwd = 'ops', 'Ptarmigan-Lode-2'",
            "Ptarmigan-Lode-2",
        ),
        ("\"Wren_Cobble_64\" -> smtp_password", "Wren_Cobble_64"),
        (
            "Set-SqlLogin -Server db01 -SqlPassword Gorse7Quill -Force",
            "Gorse7Quill",
        ),
        (
            "Connect-Vault -ClientSecret Yarrow.Sleet.90 -TenantId 7",
            "Yarrow.Sleet.90",
        ),
    ] {
        let out = redact(text).text_lossy();
        assert!(!out.contains(secret), "{secret} in {out}");
    }
    // The name in the parallel assignment that is no secret stays, and so do
    // a string made when the code runs and the call that makes a secure string.
    let out = redact("host, password := \"db.local\", \"Brindle?Moor7\"").text_lossy();
    assert!(out.contains("\"db.local\""), "{out}");
    assert_survives(
        "greeting = f\"Hello {user.name}\"; password = f\"{prefix}_{suffix}\"",
        "{prefix}_{suffix}",
    );
    let out = redact("New-LocalUser -Name svc -Password (ConvertTo-SecureString \"Heron!Copper55\" -AsPlainText -Force)").text_lossy();
    assert!(
        out.contains("-Password (ConvertTo-SecureString \"[PASSWORD_1]\""),
        "{out}"
    );
}

#[test]
fn names_asked_for_answered_and_speaking_in_a_transcript() {
    // Made-up names in shapes a support chat or mail holds: a name asked
    // for by the customer, given as an answer, signed off with, labelled
    // as the contact, and a speaker of a transcript without times.
    let text = "\
Can I speak to Radomir Vukovic please?
What's your name? Ottilie Brannigan
What's your last name? Achterberg
Speak soon, Wendeline
Contact: Hesper Calloway, +1 415 555 0199
Ysolde: where is my parcel?
Agent: let me check that for you.
Ysolde: thank you!
";
    let out = redact(text).text_lossy();
    for name in [
        "Radomir",
        "Vukovic",
        "Ottilie",
        "Brannigan",
        "Achterberg",
        "Wendeline",
        "Hesper",
        "Calloway",
        "Ysolde",
    ] {
        assert!(!out.contains(name), "{name} in\n{out}");
    }
    assert!(out.contains("Agent: let me check that for you."), "{out}");
}

#[test]
fn a_secret_written_in_base64_text_goes_whole() {
    // A Kubernetes secret's registry login and a shell line decoding a key:
    // the run is read decoded, and it goes as a whole.
    let config = base64(
        br#"{"auths":{"registry.example.net":{"auth":"c2hpcDpLZWVsLVR3aW5lLTQ0"}}}"#,
        false,
    );
    let env = base64(
        b"SMTP_PASSWORD=Marram!Shoal62\nSMTP_HOST=mail.internal\n",
        false,
    );
    let text =
        format!("data:\n  .dockerconfigjson: {config}\nrun: echo {env} | base64 -d > .env\n");
    let out = redact(&text).text_lossy();
    assert!(
        !out.contains(&config[..16]) && !out.contains(&env[..16]),
        "{out}"
    );
    assert!(
        out.contains("  .dockerconfigjson: [") && out.contains("| base64 -d > .env"),
        "{out}"
    );
}
