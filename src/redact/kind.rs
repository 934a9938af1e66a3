//! What a finding is: its kind, the category it counts under, and its placeholder label.

use serde::Serialize;

/// The four categories the product promises to keep out of every report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    ProviderKey,
    Credential,
    Payment,
    Customer,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::ProviderKey,
        Category::Credential,
        Category::Payment,
        Category::Customer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::ProviderKey => "provider_key",
            Category::Credential => "credential",
            Category::Payment => "payment",
            Category::Customer => "customer",
        }
    }

    /// Only a customer detail may leave the machine on the operator's word:
    /// keys, credentials and payment data are never kept.
    pub fn may_be_kept(self) -> bool {
        self == Category::Customer
    }

    /// The category in words, for a message: "payment data".
    pub fn in_words(self) -> &'static str {
        match self {
            Category::ProviderKey => "a provider key",
            Category::Credential => "a credential",
            Category::Payment => "payment data",
            Category::Customer => "a customer detail",
        }
    }

    /// A one-character mark so a category reads without colour.
    pub fn symbol(self) -> char {
        match self {
            Category::ProviderKey => 'K',
            Category::Credential => 'C',
            Category::Payment => '$',
            Category::Customer => '@',
        }
    }
}

macro_rules! kinds {
    ($( $variant:ident => ($name:literal, $label:literal, $cat:ident) ),+ $(,)?) => {
        /// Every kind of sensitive value the engine knows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind { $( $variant ),+ }

        impl Kind {
            pub const ALL: &'static [Kind] = &[ $( Kind::$variant ),+ ];

            /// Stable snake_case name used in JSON findings.
            pub fn name(self) -> &'static str {
                match self { $( Kind::$variant => $name ),+ }
            }

            /// The placeholder stem: `[OPENAI_KEY_1]`.
            pub fn label(self) -> &'static str {
                match self { $( Kind::$variant => $label ),+ }
            }

            pub fn category(self) -> Category {
                match self { $( Kind::$variant => Category::$cat ),+ }
            }
        }
    };
}

kinds! {
    OpenAi => ("openai", "OPENAI_KEY", ProviderKey),
    Anthropic => ("anthropic", "ANTHROPIC_KEY", ProviderKey),
    Gemini => ("gemini", "GEMINI_KEY", ProviderKey),
    Groq => ("groq", "GROQ_KEY", ProviderKey),
    OpenRouter => ("openrouter", "OPENROUTER_KEY", ProviderKey),
    Xai => ("xai", "XAI_KEY", ProviderKey),
    Perplexity => ("perplexity", "PERPLEXITY_KEY", ProviderKey),
    HuggingFace => ("huggingface", "HUGGINGFACE_TOKEN", ProviderKey),
    Replicate => ("replicate", "REPLICATE_TOKEN", ProviderKey),
    ElevenLabs => ("elevenlabs", "ELEVENLABS_KEY", ProviderKey),
    Pinecone => ("pinecone", "PINECONE_KEY", ProviderKey),
    DeepSeek => ("deepseek", "DEEPSEEK_KEY", ProviderKey),
    Mistral => ("mistral", "MISTRAL_KEY", ProviderKey),
    Cohere => ("cohere", "COHERE_KEY", ProviderKey),
    Bedrock => ("bedrock", "BEDROCK_KEY", ProviderKey),
    AiKey => ("ai_provider_key", "AI_PROVIDER_KEY", ProviderKey),

    CardNumber => ("card_number", "CARD", Payment),
    Cvv => ("cvv", "CVV", Payment),
    CardExpiry => ("card_expiry", "CARD_EXPIRY", Payment),
    Iban => ("iban", "IBAN", Payment),
    StripeSecretKey => ("stripe_secret_key", "STRIPE_SECRET_KEY", Payment),
    StripeRestrictedKey => ("stripe_restricted_key", "STRIPE_RESTRICTED_KEY", Payment),
    StripePublishableKey => ("stripe_publishable_key", "STRIPE_PUBLISHABLE_KEY", Payment),
    StripeWebhookSecret => ("stripe_webhook_secret", "STRIPE_WEBHOOK_SECRET", Payment),
    StripeClientSecret => ("stripe_client_secret", "STRIPE_CLIENT_SECRET", Payment),
    PaypalSecret => ("paypal_secret", "PAYPAL_SECRET", Payment),
    PaypalAccessToken => ("paypal_access_token", "PAYPAL_TOKEN", Payment),
    BraintreeKey => ("braintree_key", "BRAINTREE_KEY", Payment),
    SquareToken => ("square_token", "SQUARE_TOKEN", Payment),
    GatewayKey => ("gateway_key", "GATEWAY_KEY", Payment),
    FlutterwaveKey => ("flutterwave_key", "FLUTTERWAVE_KEY", Payment),
    MollieKey => ("mollie_key", "MOLLIE_KEY", Payment),
    RazorpayKey => ("razorpay_key", "RAZORPAY_KEY", Payment),

    Password => ("password", "PASSWORD", Credential),
    Secret => ("secret", "SECRET", Credential),
    Token => ("token", "TOKEN", Credential),
    ApiKey => ("api_key", "API_KEY", Credential),
    BasicAuth => ("basic_auth", "BASIC_AUTH", Credential),
    WpSalt => ("wp_salt", "WP_SALT", Credential),
    WpAuthCookie => ("wp_auth_cookie", "WP_AUTH_COOKIE", Credential),
    Cookie => ("cookie", "COOKIE", Credential),
    PrivateKey => ("private_key", "PRIVATE_KEY", Credential),
    Jwt => ("jwt", "JWT", Credential),
    AwsAccessKeyId => ("aws_access_key_id", "AWS_ACCESS_KEY_ID", Credential),
    AwsSecretKey => ("aws_secret_access_key", "AWS_SECRET_KEY", Credential),
    GithubToken => ("github_token", "GITHUB_TOKEN", Credential),
    SlackToken => ("slack_token", "SLACK_TOKEN", Credential),
    SlackWebhook => ("slack_webhook", "SLACK_WEBHOOK", Credential),
    SendgridKey => ("sendgrid_key", "SENDGRID_KEY", Credential),
    MailgunKey => ("mailgun_key", "MAILGUN_KEY", Credential),
    MailchimpKey => ("mailchimp_key", "MAILCHIMP_KEY", Credential),
    BrevoKey => ("brevo_key", "BREVO_KEY", Credential),
    TwilioKey => ("twilio_key", "TWILIO_KEY", Credential),
    GitlabToken => ("gitlab_token", "GITLAB_TOKEN", Credential),
    DiscordToken => ("discord_token", "DISCORD_TOKEN", Credential),
    TelegramToken => ("telegram_token", "TELEGRAM_TOKEN", Credential),
    AzureSecret => ("azure_secret", "AZURE_SECRET", Credential),
    GoogleOauth => ("google_oauth", "GOOGLE_OAUTH", Credential),
    FacebookToken => ("facebook_token", "FACEBOOK_TOKEN", Credential),
    EasyPostKey => ("easypost_key", "EASYPOST_KEY", Credential),
    DigitalOceanToken => ("digitalocean_token", "DIGITALOCEAN_TOKEN", Credential),
    CloudflareKey => ("cloudflare_key", "CLOUDFLARE_KEY", Credential),
    ShopifyToken => ("shopify_token", "SHOPIFY_TOKEN", Credential),
    PackageToken => ("package_registry_token", "PACKAGE_TOKEN", Credential),
    ServiceToken => ("service_token", "SERVICE_TOKEN", Credential),
    WcConsumerKey => ("wc_consumer_key", "WC_CONSUMER_KEY", Credential),
    WcConsumerSecret => ("wc_consumer_secret", "WC_CONSUMER_SECRET", Credential),
    WpAppPassword => ("wp_app_password", "WP_APP_PASSWORD", Credential),
    WcOrderKey => ("wc_order_key", "WC_ORDER_KEY", Credential),
    PasswordHash => ("password_hash", "PASSWORD_HASH", Credential),
    HighEntropy => ("high_entropy", "SECRET", Credential),
    Custom => ("custom", "CUSTOM", Credential),

    Email => ("email", "EMAIL", Customer),
    Phone => ("phone", "PHONE", Customer),
    Address => ("address", "ADDRESS", Customer),
    Name => ("name", "NAME", Customer),
    Username => ("username", "USERNAME", Customer),
    Ip => ("ip", "IP", Customer),
}

impl Kind {
    /// Looks a kind up by its JSON name (`openai`, `email`, ...).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl Kind {
    /// The kind as a noun, singular or plural: "email address", "card numbers".
    pub fn noun(self, count: usize) -> String {
        let one = match self {
            Kind::Email => "email address",
            Kind::Phone => "phone number",
            Kind::Address => "postal address",
            Kind::Name => "person's name",
            Kind::Username => "username",
            Kind::Ip => "IP address",
            Kind::CardNumber => "card number",
            Kind::Cvv => "card security code",
            Kind::CardExpiry => "card expiry date",
            Kind::Iban => "IBAN",
            other => {
                let base = other.name().replace('_', " ");
                return if count == 1 {
                    base
                } else {
                    format!("{base} values")
                };
            }
        };
        match (count, self) {
            (1, _) => one.to_string(),
            (_, Kind::Name) => "people's names".to_string(),
            (_, Kind::Address) => "postal addresses".to_string(),
            (_, Kind::Email) => "email addresses".to_string(),
            (_, Kind::Ip) => "IP addresses".to_string(),
            _ => format!("{one}s"),
        }
    }
}

/// Counts of values by kind in words: "2 email addresses and 1 card number".
pub fn describe_counts(counts: &[(Kind, usize)]) -> String {
    let words: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(k, n)| format!("{n} {}", k.noun(n)))
        .collect();
    match words.as_slice() {
        [] => "nothing".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn counts_read_as_a_sentence() {
        assert_eq!(
            describe_counts(&[(Kind::Email, 2), (Kind::CardNumber, 1)]),
            "2 email addresses and 1 card number"
        );
        assert_eq!(
            describe_counts(&[(Kind::Name, 3), (Kind::Phone, 1), (Kind::Iban, 2)]),
            "3 people's names, 1 phone number and 2 IBANs"
        );
        assert_eq!(describe_counts(&[]), "nothing");
    }

    #[test]
    fn kind_names_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for &k in Kind::ALL {
            assert!(seen.insert(k.name()), "duplicate kind name {}", k.name());
            assert_eq!(Kind::from_name(k.name()), Some(k));
            assert!(
                k.label()
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'_')
            );
        }
    }
}
