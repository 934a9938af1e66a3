//! Each format of a full report, as a snapshot, and what every format must carry.

use runbook::machine::Msg;
use runbook::report::{Format, Options};

use super::*;

const OPENAI_KEY: &str = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT";
const DB_PASSWORD: &str = "Tr0ub4dor&3-horse";
const CARD: &str = "4242 4242 4242 4242";
const EMAIL: &str = "ana.lima@example.org";
const SHOP: &str = "Lumen Shop";

/// A debug log of 130 lines: secrets at the start, a password in the middle
/// (left out unless `--full`), the fatal error at the end.
fn debug_log() -> String {
    let mut log = String::new();
    log.push_str(&format!(
        "[24-Nov-2026 09:58:10 UTC] SophMate: loading chat panel for order 48213 (customer {EMAIL}, {SHOP})\n"
    ));
    log.push_str(&format!(
        "[24-Nov-2026 09:58:11 UTC] SophMate: OpenAI request with Authorization: Bearer {OPENAI_KEY}\n"
    ));
    log.push_str(&format!(
        "[24-Nov-2026 09:58:11 UTC] order 48213 paid with {CARD}\n"
    ));
    for n in 0..60 {
        log.push_str(&format!(
            "[24-Nov-2026 09:{:02}:{:02} UTC] SophMate: heartbeat {n} ok\n",
            30 + n / 60,
            n % 60
        ));
    }
    log.push_str(&format!(
        "[24-Nov-2026 09:57:00 UTC] wp-config: define( 'DB_PASSWORD', '{DB_PASSWORD}' );\n"
    ));
    for n in 60..125 {
        log.push_str(&format!(
            "[24-Nov-2026 09:{:02}:{:02} UTC] SophMate: heartbeat {n} ok\n",
            30 + n / 60,
            n % 60
        ));
    }
    log.push_str(ERROR);
    log
}

const STATUS_REPORT: &str = "### WordPress Environment ###\n\nWC Version: 9.8.4\nWP Version: 6.8.1\n\n### Server Environment ###\n\nPHP Version: 8.2.27\n\n### Active Plugins (2) ###\n\nSophMate – AI Shop Assistant: by SophMate Labs – 2.4.1\nWooCommerce: by Automattic – 9.8.4\n\n### Status report information ###\n\nGenerated at: 2026-11-24 09:40:02 +00:00\n";

/// The full walk: evidence with secrets, a kept email, a term, an amended
/// error after the retry, a note, finished.
pub fn full() -> Walk {
    let mut w = plugin_issue();
    w.answer("retry_attempted", "yes")
        .answer("retry_outcome", "Same fatal error on reload, same line")
        .answer(
            "error_message",
            &format!("{ERROR}Seen again at 10:02 after the retry, same line.\n"),
        )
        .answer("diagnostics", STATUS_REPORT)
        .attach("evidence_files", "debug.log", &debug_log())
        .send(Msg::RedactTerm { term: SHOP.into() })
        .send(Msg::Keep {
            placeholder: "[EMAIL_1]".into(),
            reason: "the customer asked to be contacted about this order".into(),
        })
        .send(Msg::Confirm {
            id: "redaction_reviewed".into(),
        })
        .send(Msg::Note {
            text: "Disabling the chat panel makes the order screen load again.".into(),
        })
        .send(Msg::Finish);
    w
}

#[test]
fn markdown_snapshot() {
    let r = full().report(&Options::default());
    insta::assert_snapshot!(r.export(Format::Markdown).unwrap());
}

#[test]
fn text_snapshot() {
    let r = full().report(&Options::default());
    insta::assert_snapshot!(r.export(Format::Text).unwrap());
}

#[test]
fn json_snapshot() {
    let r = full().report(&Options::default());
    insta::assert_snapshot!(r.export(Format::Json).unwrap());
}

#[test]
fn an_unfinished_session_is_a_draft_in_every_format() {
    let mut w = Walk::new("support-context");
    w.answer(
        "error_message",
        "Checkout button does nothing on the demo site\n",
    )
    .answer("affected_screen", "Demo shop > Checkout")
    .answer("affected_user", "visitor")
    .answer("request_type", "pre-sale-question");
    let r = w.report(&Options::default());
    assert!(r.draft);
    let md = r.export(Format::Markdown).unwrap();
    insta::assert_snapshot!(md);
    let text = r.export(Format::Text).unwrap();
    assert!(
        text.starts_with("SUPPORT CONTEXT REPORT — DRAFT\n"),
        "{text}"
    );
    assert!(
        text.contains("*** DRAFT: this report is not final — the session is open — resume it"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&r.export(Format::Json).unwrap()).unwrap();
    assert_eq!(json["draft"], true);
    assert_eq!(json["state"], "open");
    assert_eq!(json["verdict"], "FAIL");
    assert_eq!(
        json["todo"][0],
        "the session is open — resume it and finish the walk"
    );
}

#[test]
fn every_format_carries_the_same_content_and_no_secret() {
    let r = full().report(&Options::default());
    for (f, out) in exported(&r) {
        for needed in [
            "WooCommerce > Orders > Edit order",
            "shop_manager (user 14)",
            "Regular licence bought 2026-03-02",
            "Call to undefined function sophmate_get_order_context()",
            "Seen again at 10:02 after the retry",
            "Open order 48213, which has a SophMate chat note",
            "[OPENAI_KEY_1]",
            "[CARD_1 ending 4242]",
            EMAIL,
            "the customer asked to be contacted about this order",
            "Disabling the chat panel makes the order screen load again.",
            "codecanyon-support",
            "Open a request from the item's support tab on CodeCanyon",
            "retry_ready",
            "escalation_known",
            "2026-11-24 09:58:12 UTC",
            "The WooCommerce System Status Report gives WooCommerce 9.8.4 (line 3), not the version in the environment table",
            "before the incident",
        ] {
            let needed = if f == Format::Json {
                serde_json::to_string(needed)
                    .unwrap()
                    .trim_matches('"')
                    .to_string()
            } else {
                needed.to_string()
            };
            // Plain text wraps long table cells: compare words, not line breaks.
            let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                out.contains(&needed) || (f == Format::Text && words(&out).contains(&needed)),
                "{f:?} lacks {needed:?}"
            );
        }
        if f == Format::Json {
            let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(doc["evidence"][1]["text"]["omitted"], 50);
        } else {
            assert!(out.contains("50 lines left out"), "{f:?}");
        }
        for secret in [OPENAI_KEY, DB_PASSWORD, CARD, SHOP] {
            assert!(!leaks(secret, &out), "{f:?} leaks a planted secret");
        }
    }
}

#[test]
fn full_keeps_every_line_and_still_redacts() {
    let w = full();
    let trimmed = w.report(&Options::default());
    let whole = w.report(&Options {
        full: true,
        ..Options::default()
    });
    let md = whole.export(Format::Markdown).unwrap();
    assert!(
        md.contains("heartbeat 62 ok"),
        "the middle of the log is there"
    );
    assert!(!md.contains("left out"));
    assert!(
        md.contains("define( 'DB_PASSWORD', '[PASSWORD_1]' )"),
        "{md}"
    );
    assert!(!leaks(DB_PASSWORD, &md));
    let short = trimmed.export(Format::Markdown).unwrap();
    assert!(!short.contains("heartbeat 62 ok"));
    assert!(short.contains("heartbeat 124 ok") && short.contains("heartbeat 0 ok"));
}

#[test]
fn the_error_fence_outruns_backticks_in_the_error() {
    let mut w = Walk::new("support-context");
    let error = "Parse error near ```php\n  ````` inside a template `x`\n";
    w.answer("error_message", error);
    let md = w.report(&Options::default()).render(Format::Markdown);
    assert!(md.contains(&format!("``````text\n{error}``````\n")), "{md}");
}

#[test]
fn the_timestamp_is_given_with_its_offset_and_in_utc() {
    let mut w = Walk::new("support-context");
    w.answer("error_message", "White screen on checkout\n")
        .answer("error_timestamp", "2026-11-24T10:58:12+01:00");
    let md = w.report(&Options::default()).render(Format::Markdown);
    assert!(
        md.contains("- **When:** 2026-11-24 10:58:12 +01:00 (2026-11-24 09:58:12 UTC)\n"),
        "{md}"
    );
    // Only the capture time: said, so nobody takes it for the error's time.
    let mut w = Walk::new("support-context");
    w.answer("error_message", "White screen on checkout\n");
    let md = w.report(&Options::default()).render(Format::Markdown);
    assert!(
        md.contains("(2026-11-24 09:01:00 UTC) — the capture time, NOT CONFIRMED"),
        "{md}"
    );
}

#[test]
fn the_report_and_its_debug_form_never_hold_an_original() {
    let r = full().report(&Options {
        full: true,
        ..Options::default()
    });
    let debug = format!("{r:?}");
    for secret in [OPENAI_KEY, DB_PASSWORD, CARD, SHOP] {
        assert!(!leaks(secret, &debug), "the report's Debug form leaks");
    }
    assert!(
        debug.contains("KeptValues(1 values)"),
        "kept values are counted, never shown"
    );
}

#[test]
fn evidence_is_trimmed_only_above_the_limit() {
    let lines = |n: usize| (1..=n).map(|i| format!("line {i}\n")).collect::<String>();
    let block = |n: usize| {
        let mut w = Walk::new("support-context");
        w.answer("request_type", "purchase-plugin-issue")
            .answer("diagnostics", &lines(n));
        let r = w.report(&Options::default());
        let e = &r.evidence[0].text;
        (e.total, e.omitted, e.head.line_count(), e.tail.line_count())
    };
    assert_eq!(block(80), (80, 0, 80, 0));
    assert_eq!(block(81), (81, 1, 20, 60));
    let mut w = Walk::new("support-context");
    w.answer("request_type", "purchase-plugin-issue")
        .answer("diagnostics", &lines(81));
    let md = w.report(&Options::default()).render(Format::Markdown);
    assert!(
        md.contains("line 20\n```\n\n*… 1 line left out here"),
        "{md}"
    );
    assert!(md.contains("```text\nline 22\n"), "{md}");
    assert!(!md.contains("line 21\n"), "{md}");
}

#[test]
fn an_abandoned_session_stays_a_draft() {
    let mut w = Walk::new("support-context");
    w.answer("error_message", "White screen on checkout\n")
        .send(Msg::Abandon {
            reason: "duplicate of another session".into(),
        });
    let r = w.report(&Options::default());
    assert!(r.draft && !r.pass);
    let md = r.export(Format::Markdown).unwrap();
    assert!(md.starts_with("# Support context report — DRAFT\n"), "{md}");
    assert!(
        md.contains("the session was abandoned — its report stays a draft"),
        "{md}"
    );
    assert!(
        md.contains("| abandoned: duplicate of another session |"),
        "{md}"
    );
}

/// The keys of a JSON object, sorted.
fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn the_json_shape_is_the_documented_one() {
    let r = full().report(&Options::default());
    let doc: serde_json::Value = serde_json::from_str(&r.export(Format::Json).unwrap()).unwrap();
    let e = &doc["error"];
    assert_eq!(keys(e), ["amendments", "message", "screen", "user", "when"]);
    assert_eq!(
        keys(&e["when"]),
        ["confirmed", "local", "source", "text", "utc"]
    );
    assert_eq!(keys(&e["amendments"][0]), ["at", "number", "text"]);
    assert_eq!(
        keys(&doc["environment"][0]),
        ["component", "field", "value"]
    );
    assert_eq!(
        keys(&doc["evidence"][0]),
        ["field", "label", "name", "text"]
    );
    assert_eq!(
        keys(&doc["evidence"][0]["text"]),
        ["head", "lines", "omitted", "tail"]
    );
    assert_eq!(keys(&doc["sections"][0]), ["fields", "step", "title"]);
    assert_eq!(
        keys(&doc["sections"][0]["fields"][0]),
        ["amendment", "field", "label", "text"]
    );
    assert_eq!(
        keys(&doc["imported"][0]),
        ["field", "flags", "name", "values"]
    );
    assert_eq!(
        keys(&doc["imported"][0]["values"][0]),
        ["source", "value", "what"]
    );
    assert_eq!(
        keys(&doc["confirmations"][0]),
        ["at", "confirmed", "id", "label"]
    );
    assert_eq!(
        keys(&doc["timeline"][0]),
        ["at", "detail", "event", "operator", "subject", "utc"]
    );
    assert_eq!(keys(&doc["checks"][0]), ["id", "passed", "reason", "title"]);
    assert_eq!(
        keys(&doc["escalation"]),
        ["provider", "reasons", "target", "then"]
    );
    assert_eq!(
        keys(&doc["escalation"]["target"]),
        ["contact", "how", "id", "title"]
    );
    let red = &doc["redaction"];
    assert_eq!(
        keys(red),
        ["counts", "distinct", "kept", "strict_findings", "terms"]
    );
    assert_eq!(
        keys(&red["counts"]),
        ["credential", "customer", "payment", "provider_key"]
    );
    assert_eq!(keys(&red["kept"][0]), ["category", "placeholder", "reason"]);
    assert_eq!(red["kept"][0]["placeholder"], "[EMAIL_1]");
    assert_eq!(red["terms"], 1);
    assert_eq!(e["when"]["source"], "error_text");
    assert_eq!(e["when"]["utc"], "2026-11-24 09:58:12 UTC");
}

#[test]
fn control_characters_are_shown_never_sent_to_the_terminal() {
    let mut w = Walk::new("support-context");
    w.answer("request_type", "purchase-plugin-issue").answer(
        "diagnostics",
        "ansi \x1b[31mred\x1b[0m bell\x07 del\x7f c1\u{9b}x\r\nnext line\r\nbidi \u{202e}desrever\u{202c} end\n",
    );
    let r = w.report(&Options::default());
    for f in [Format::Markdown, Format::Text] {
        let out = r.export(f).unwrap();
        assert!(
            out.contains("ansi ␛[31mred␛[0m bell␇ del␡ c1\u{fffd}x\nnext line\nbidi <U+202E>desrever<U+202C> end\n"),
            "{f:?}: {out:?}"
        );
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{f:?}");
    }
    // JSON escapes them, so the text stays exact.
    let json = r.export(Format::Json).unwrap();
    assert!(json.contains("ansi \\u001b[31mred"), "{json}");
}
