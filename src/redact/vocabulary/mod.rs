//! The one vocabulary every reader and detector shares: which services a
//! word names, in field names (`SOPHMATE_MISTRAL_API_KEY`) and in the text
//! around a value (`POST https://api.cohere.com`).
//!
//! Adding a provider is one row here (plus its kind in [`super::kind`], and a
//! token rule in [`super::token_rules`] when its keys carry a prefix).

use super::Kind;

pub(super) mod context;
pub(super) mod customer_words;
pub(super) mod given_names;
pub(super) mod keys;
pub(super) mod secret_words;
mod wp_schema;

use wp_schema::{Holds, TABLES};

/// The columns of the WordPress or WooCommerce core table a dump names
/// (`wp_users`, `` `wp_2_wc_order_addresses` ``: any prefix), in the order of
/// its `CREATE TABLE`, each as a field name the field classifier reads.
pub(crate) fn table_columns(table: &[u8]) -> Option<Vec<&'static str>> {
    Some(
        core_table(table)?
            .columns
            .iter()
            .map(|&(name, holds)| field_name(name, holds))
            .collect(),
    )
}

/// A column of a core table a statement names with its column list
/// (`` INSERT INTO `wp_wc_customer_lookup` (`username`, …) ``), as a field
/// name the field classifier reads: what the table's schema says it holds.
pub(crate) fn table_column(table: &[u8], column: &[u8]) -> Option<&'static str> {
    let column = column.strip_prefix(b"`").unwrap_or(column);
    let column = column.strip_suffix(b"`").unwrap_or(column);
    core_table(table)?
        .columns
        .iter()
        .find(|(name, _)| name.as_bytes() == column)
        .map(|&(name, holds)| field_name(name, holds))
}

fn core_table(table: &[u8]) -> Option<&'static wp_schema::Table> {
    let table = table.trim_ascii();
    let table = table.strip_prefix(b"`").unwrap_or(table);
    let table = table.strip_suffix(b"`").unwrap_or(table);
    // A schema-qualified name: `shop`.`wp_users`.
    let table = table.rsplit(|&b| b == b'.').next()?;
    let table = table.strip_prefix(b"`").unwrap_or(table);
    TABLES
        .iter()
        .filter(|t| {
            table.len() > t.name.len()
                && table.ends_with(t.name.as_bytes())
                && table[table.len() - t.name.len() - 1] == b'_'
        })
        .max_by_key(|t| t.name.len())
}

/// The field name a customer's login name is classified under: only the
/// schemas and WooCommerce's own field names use it, so a `username=` in
/// any log is not taken for one.
pub(crate) const LOGIN_FIELD: &str = "wp_customer_login";

/// A WordPress or WooCommerce meta key or form field that holds customer
/// data (`_billing_phone`, `shipping_address_1`), as a field name the
/// classifier reads; `None` for any other name.
pub(crate) fn customer_field(key: &[u8]) -> Option<&'static str> {
    use crate::redact::fasthash::FastMap;
    use std::sync::LazyLock;
    static FIELDS: LazyLock<FastMap<&'static [u8], &'static str>> = LazyLock::new(|| {
        // Form and meta fields first, then the core tables' columns, which a
        // WordPress export writes as elements (`<wp:comment_author>`).
        // The first entry for a name decides, even one that maps to nothing
        // (the login form's `username` over `wc_customer_lookup.username`).
        let mut first: FastMap<&'static [u8], &'static str> = FastMap::default();
        // Only qualified column names: a bare `token` or `email` column of
        // one table says little about a field of that name elsewhere.
        let columns = TABLES
            .iter()
            .flat_map(|t| t.columns.iter())
            .filter(|(name, _)| name.contains('_'));
        for &(name, holds) in wp_schema::CUSTOMER_FIELDS.iter().chain(columns) {
            first
                .entry(name.as_bytes())
                .or_insert(field_name(name, holds));
        }
        first.retain(|name, field| *name != field.as_bytes());
        first
    });
    FIELDS.get(key).copied()
}

/// A column as the classifier should read it: what the schema says it holds,
/// spelled as a field name the vocabulary knows, or its own name.
fn field_name(column: &'static str, holds: Holds) -> &'static str {
    match holds {
        Holds::FirstName => "first_name",
        Holds::LastName => "last_name",
        Holds::Name => "full_name",
        Holds::Login => LOGIN_FIELD,
        Holds::Email => "email",
        Holds::Phone => "phone",
        Holds::Street => "address_1",
        Holds::Ip => "ip_address",
        Holds::Password => "password",
        Holds::City
        | Holds::Postcode
        | Holds::Company
        | Holds::PasswordHash
        | Holds::UserAgent
        | Holds::FreeText
        | Holds::Other => column,
    }
}

/// A service whose keys the engine knows by name.
pub(crate) struct Service {
    pub kind: Kind,
    /// Whole words of a field name that name the service (`mistral` in
    /// `mistral_api_key`, `goog` in `x-goog-api-key`).
    pub field_words: &'static [&'static str],
    /// Words in text that say whose key follows (`generativelanguage` in a
    /// Gemini URL). Matched without case, as whole words.
    pub mentions: &'static [&'static str],
}

const fn service(
    kind: Kind,
    field_words: &'static [&'static str],
    mentions: &'static [&'static str],
) -> Service {
    Service {
        kind,
        field_words,
        mentions,
    }
}

/// AI providers: a field or a mention naming one makes a generated value its key.
pub(crate) const AI_PROVIDERS: &[Service] = &[
    service(Kind::OpenAi, &["openai"], &["openai"]),
    service(
        Kind::Anthropic,
        &["anthropic", "claude"],
        &["anthropic", "claude"],
    ),
    service(
        Kind::Gemini,
        &["gemini", "google", "goog"],
        &["gemini", "generativelanguage", "x-goog-api-key"],
    ),
    service(Kind::Groq, &["groq"], &["groq"]),
    service(Kind::OpenRouter, &["openrouter"], &["openrouter"]),
    service(Kind::Xai, &["xai", "grok"], &["api.x.ai", "xai"]),
    service(Kind::Perplexity, &["perplexity", "pplx"], &["perplexity"]),
    service(
        Kind::HuggingFace,
        &["huggingface", "hf"],
        &["huggingface", "hf.co"],
    ),
    service(Kind::Replicate, &["replicate"], &["replicate"]),
    service(
        Kind::ElevenLabs,
        &["elevenlabs", "xi"],
        &["elevenlabs", "xi-api-key"],
    ),
    service(Kind::Pinecone, &["pinecone"], &["pinecone"]),
    service(Kind::DeepSeek, &["deepseek"], &["deepseek"]),
    service(Kind::Mistral, &["mistral", "mistralai"], &["mistral"]),
    service(Kind::Cohere, &["cohere", "co"], &["cohere"]),
    service(Kind::Bedrock, &["bedrock"], &["bedrock"]),
];

/// Other services whose secrets sit in a site's settings: a secret-sounding
/// field naming one (`stripe_secret`, `MAILCHIMP_API_KEY`) gets its kind.
pub(crate) const SERVICES: &[Service] = &[
    service(Kind::StripeSecretKey, &["stripe"], &[]),
    service(Kind::PaypalSecret, &["paypal"], &[]),
    service(Kind::BraintreeKey, &["braintree"], &[]),
    service(Kind::SquareToken, &["square"], &[]),
    service(Kind::FlutterwaveKey, &["flutterwave", "flw"], &[]),
    service(Kind::MollieKey, &["mollie"], &[]),
    service(Kind::RazorpayKey, &["razorpay", "rzp"], &[]),
    service(Kind::SendgridKey, &["sendgrid"], &[]),
    service(Kind::MailgunKey, &["mailgun"], &[]),
    service(Kind::MailchimpKey, &["mailchimp", "mandrill"], &[]),
    service(Kind::BrevoKey, &["brevo", "sendinblue"], &[]),
    service(Kind::TwilioKey, &["twilio"], &[]),
    service(Kind::GitlabToken, &["gitlab"], &[]),
    service(Kind::DiscordToken, &["discord"], &[]),
    service(Kind::TelegramToken, &["telegram"], &[]),
    service(Kind::DigitalOceanToken, &["digitalocean"], &[]),
    service(Kind::CloudflareKey, &["cloudflare", "cf"], &[]),
    service(Kind::EasyPostKey, &["easypost"], &[]),
    service(Kind::FacebookToken, &["facebook", "fb", "meta"], &[]),
];

/// The AI provider a word of a field name names, if any.
pub(crate) fn provider_of(word: &str) -> Option<Kind> {
    AI_PROVIDERS
        .iter()
        .find(|s| s.field_words.contains(&word))
        .map(|s| s.kind)
}

/// The other service a word of a field name names, if any.
pub(crate) fn service_of(word: &str) -> Option<Kind> {
    SERVICES
        .iter()
        .find(|s| s.field_words.contains(&word))
        .map(|s| s.kind)
}

/// Every word of a field name that names an AI provider: a field named by one
/// alone (`"cohere": "…"`) holds its key, so these reach the classifier.
/// (Other services matter only beside a secret word, which gets there anyway.)
pub(crate) fn provider_field_words() -> impl Iterator<Item = &'static str> {
    AI_PROVIDERS
        .iter()
        .flat_map(|s| s.field_words.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_word_names_one_service_only() {
        let mut seen = HashSet::new();
        let every = AI_PROVIDERS.iter().chain(SERVICES);
        for w in every.flat_map(|s| s.field_words.iter()) {
            assert!(seen.insert(w), "{w} names two services");
            assert_eq!(*w, w.to_ascii_lowercase(), "field words are lower case");
        }
        let mut mentions = HashSet::new();
        for s in AI_PROVIDERS {
            for m in s.mentions {
                assert!(mentions.insert(*m), "{m} is mentioned twice");
            }
        }
    }

    #[test]
    fn core_tables_are_found_under_any_prefix() {
        let users = table_columns(b"`wp_users`").unwrap();
        assert_eq!(users[1], LOGIN_FIELD, "user_login");
        assert_eq!(users[9], "full_name", "display_name");
        assert_eq!(users[4], "email");
        let addresses = table_columns(b"wp_2_wc_order_addresses").unwrap();
        assert_eq!(addresses[3..5], ["first_name", "last_name"]);
        assert_eq!(addresses[13], "phone");
        assert!(table_columns(b"shop.`wpx_postmeta`").is_some());
        assert!(
            table_columns(b"users").is_none(),
            "no prefix: not a WordPress table"
        );
        assert!(table_columns(b"wp_unknown").is_none());
    }

    #[test]
    fn every_customer_field_passes_the_classifiers_prefilter() {
        for &(name, _) in wp_schema::CUSTOMER_FIELDS {
            if customer_field(name.as_bytes()).is_some() {
                assert!(
                    keys::may_be_sensitive(name.as_bytes()),
                    "{name} would never reach the vocabulary"
                );
            }
        }
    }

    #[test]
    fn every_ai_provider_kind_has_a_row() {
        use crate::redact::Category;
        let rows: HashSet<Kind> = AI_PROVIDERS.iter().map(|s| s.kind).collect();
        for &k in Kind::ALL {
            // The generic kind is what a key of an unnamed provider becomes.
            if k.category() == Category::ProviderKey && k != Kind::AiKey {
                assert!(rows.contains(&k), "{} has no provider row", k.name());
            }
        }
    }
}
