//! The leak gate's strict profile: what it must still find in redacted text,
//! and the everyday identifiers that must not block a report.

use runbook::redact::{Engine, Profile};

fn strict_findings(text: &str) -> Vec<String> {
    let mut engine = Engine::new(Profile::Strict);
    engine.learn(text.as_bytes());
    engine
        .redact(text.as_bytes())
        .findings
        .iter()
        .map(|f| format!("{:?} {}", f.kind, f.rule))
        .collect()
}

#[test]
fn code_paths_ids_and_counts_do_not_block_a_report() {
    for text in [
        "in /var/www/html/wp-content/plugins/woocommerce/src/Internal/DataStores/Orders/OrdersTableDataStore.php:1234",
        "GET /wp-json/wc/store/v1/cart/add-item?id=42 HTTP/1.1",
        "#3 class-wc-stripe-upe-payment-gateway.php(812): WC_Stripe_UPE_Payment_Gateway->process_payment(1234)",
        "Cookie names: wordpress_sec_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d, sm_visitor_ec803105ea7d",
        "{\"usage\":{\"prompt_tokens\": 1727, \"completion_tokens\": 212}}",
        "OpenAI key: (set, 54 characters)",
        "{\"id\":\"chatcmpl-AJC0KFFjJV4FUNDgRCtKj0TLVtLM5\",\"object\":\"chat.completion\"}",
        "{\"id\":\"msg_01OOhfdgKU2zvP4ph3RBhFim\",\"type\":\"message\"}",
        "POST https://api.elevenlabs.io/v1/text-to-speech/pNInz6obpgDQGcFmaJgB",
        "{\"access_token\":\"[TOKEN_1]\",\"token_type\":\"Bearer\",\"expires_in\":32400}",
        "stopped before first token: cURL error 6: Could not resolve host",
        "{\"error\":{\"code\":\"invalid_api_key\",\"type\":\"tokens\"}}",
        "payment_intent pi_3Qz8Lm2Kx9Vt4Wn7Rb created",
    ] {
        assert_eq!(strict_findings(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn random_tokens_still_block_wherever_they_sit() {
    for text in [
        "gateway ref Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF",
        "callback https://hooks.example.com/in/Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF/run",
        "client_secret pi_3Qz8Lm2Kx9Vt4Wn7Rb_secret_Zq8xW3vB9nK2mL7pR4tY6uI1",
        "token: Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF",
        "api_key = 'q8xW3vB9nK2mL7'",
        "password: Summer",
        "mailer re_Zq8xW3vB9nK2mL7pR4tY6uI1oP5aS0dF",
    ] {
        assert!(
            !strict_findings(text).is_empty(),
            "the strict check missed: {text}"
        );
    }
}
