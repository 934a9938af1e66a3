//! Evidence for the terminal UI tests and the frame benchmark.
#![allow(dead_code)]

use runbook::redact::{Engine, Finding, Profile};
use runbook::tui::evidence::EvidenceView;

/// The repository's sample support bundle: keys, passwords, a customer record.
pub const SAMPLE: &str = include_str!("../../assets/sample-evidence.log");

/// Evidence with tabs, control characters, invalid UTF-8, CJK and emoji.
pub fn unusual_text() -> Vec<u8> {
    let mut text = Vec::new();
    text.extend_from_slice(b"name:\tAna Lima\temail:\tana.lima@example.org\n");
    text.extend_from_slice(
        "日本語のエラー: 注文 48213 の支払いに失敗 — ana.lima@example.org\n".as_bytes(),
    );
    text.extend_from_slice("emoji 👨‍👩‍👧 ok ✅, accents é ü ñ, Müller\n".as_bytes());
    text.extend_from_slice(b"ansi \x1b[31mred\x1b[0m bell\x07 nul\x00 del\x7f\n");
    text.extend_from_slice(
        b"bytes \xff\xfe not utf-8, then api_key=Vx8Kq2Lm9Pz4Rt7Wn3Jc6Hb1Df5Gs0Ay\r\n",
    );
    text.extend_from_slice("bidi \u{202e}txet desrever\u{202c} end\n".as_bytes());
    text
}

/// Redacts `text` in one go with a fresh engine, as a review would.
pub fn redacted(text: &[u8]) -> (Engine, Vec<Finding>) {
    let mut engine = Engine::new(Profile::Standard);
    engine.learn(text);
    let findings = engine.redact(text).findings;
    (engine, findings)
}

/// A review of `text`, redacted.
pub fn view_of(label: &str, text: &[u8]) -> EvidenceView {
    let (_, findings) = redacted(text);
    EvidenceView::with_findings(label, text.to_vec(), findings)
}

/// About `size` bytes of evidence, the sample repeated with numbered lines,
/// and its findings: the engine runs once on one block, and the findings are
/// shifted onto every copy (the text is the same, so are they).
pub fn large(size: usize) -> (Vec<u8>, Vec<Finding>) {
    let block = SAMPLE.as_bytes();
    let (_, block_findings) = redacted(block);
    let copies = size / block.len() + 1;
    let mut text = Vec::with_capacity(copies * block.len());
    let mut findings = Vec::with_capacity(copies * block_findings.len());
    for _ in 0..copies {
        let offset = text.len();
        text.extend_from_slice(block);
        findings.extend(block_findings.iter().cloned().map(|mut f| {
            f.start += offset;
            f.end += offset;
            f
        }));
    }
    (text, findings)
}

/// The scorer's rule: a secret leaks when any 12 of its characters survive in a row.
pub fn leaks(secret: &str, output: &str) -> bool {
    const PROBE: usize = 12;
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < PROBE {
        return output.contains(secret);
    }
    chars
        .windows(PROBE)
        .any(|w| output.contains(&w.iter().collect::<String>()))
}
