//! The report laid out once, as blocks, for the Markdown and plain-text
//! renderers: both carry the same content in the same order.

use super::model::*;
use super::outcome;
use crate::machine::Stamp;
use crate::redact::Category;

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// Set apart: the DRAFT notice.
    Notice(String),
    Heading(String),
    Subheading(String),
    Para(String),
    /// `label: value` lines.
    Fields(Vec<(String, String)>),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    /// Text shown exactly as written.
    Code(String),
    /// Lines of a long text left out.
    Omitted(usize),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A rendered report, and where each of its sections starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    /// (first line, title) of the title and each section. Only these titles
    /// (runbook and program text) ever name where a finding is: never a line
    /// of the report's content, which could hold the finding itself.
    pub sections: Vec<(usize, String)>,
}

/// Renders blocks one by one, noting the line each section starts on.
pub fn render(blocks: &[Block], one: impl Fn(&Block) -> String) -> Rendered {
    let mut text = String::new();
    let mut sections = Vec::new();
    let mut lines = 0;
    for b in blocks {
        if let Block::Title(t) | Block::Heading(t) = b {
            sections.push((lines + 1, t.clone()));
        }
        let chunk = one(b);
        lines += chunk.matches('\n').count();
        text.push_str(&chunk);
    }
    // One line end at the end, not a blank line.
    while text.ends_with("\n\n") {
        text.pop();
    }
    Rendered {
        text: visible(&text),
        sections,
    }
}

/// Control characters shown as their pictures (ESC as ␛): a report printed
/// to a terminal must not drive it, and pasted into a ticket they would
/// vanish. Bidirectional overrides, which can make text read other than it
/// is, are named (`<U+202E>`). Line ends stay; a CR before one is dropped.
pub fn visible(text: &str) -> String {
    if !text
        .chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || bidi(c))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            c if bidi(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `1 line`, `2 lines`.
pub fn lines(n: usize) -> String {
    if n == 1 {
        "1 line".into()
    } else {
        format!("{n} lines")
    }
}

/// `2026-11-24 10:58:12 +01:00`: the operator's local time with its offset.
pub fn local(t: &Stamp) -> String {
    t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

/// `2026-11-24 09:58:12 UTC`.
pub fn utc(t: &Stamp) -> String {
    t.naive_utc().format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::ProviderKey => "Provider keys",
        Category::Credential => "Credentials",
        Category::Payment => "Payment data",
        Category::Customer => "Customer details",
    }
}

/// The one-line summary: what, where, on which versions, the verdict and the target.
pub fn summary_line(r: &Report) -> String {
    let s = &r.summary;
    let mut line = String::new();
    if let Some(k) = &s.kind {
        line.push_str(&format!("{k}: "));
    }
    match &s.headline {
        Some(h) if !h.is_empty() => line.push_str(h.as_str()),
        _ => line.push_str(&r.runbook_title),
    }
    if let Some(screen) = s.screen.as_ref().filter(|s| !s.is_empty()) {
        line.push_str(&format!(" — on {screen}"));
    }
    if !s.versions.is_empty() {
        let v: Vec<String> = s.versions.iter().map(|(c, v)| format!("{c} {v}")).collect();
        line.push_str(&format!(" ({})", v.join(", ")));
    }
    line.push_str(&format!(
        " — {}{}, to {}",
        r.verdict(),
        if r.draft { " (draft)" } else { "" },
        r.escalation.target.title
    ));
    line
}

pub fn blocks(r: &Report) -> Vec<Block> {
    let mut b = Vec::new();
    let draft = if r.draft { " — DRAFT" } else { "" };
    b.push(Block::Title(format!("{} report{draft}", r.runbook_title)));
    if r.draft {
        b.push(Block::Notice(format!(
            "DRAFT: this report is not final — {}.",
            super::build::unfinished(r.state)
        )));
    }
    b.push(Block::Para(format!("Summary: {}", summary_line(r))));
    b.push(Block::Fields(vec![
        ("Session id".into(), r.session.clone()),
        (
            "Runbook".into(),
            format!("{} ({})", r.runbook, r.runbook_title),
        ),
        ("Operator".into(), r.operator.to_string()),
        ("Started".into(), local(&r.started)),
        ("Generated".into(), local(&r.generated)),
        ("Verdict".into(), r.verdict().to_string()),
    ]));
    purchase_and_environment(r, &mut b);
    error(r, &mut b);
    if !r.reproduction.is_empty() {
        b.push(Block::Heading("Reproduction steps".into()));
        b.push(Block::Numbered(
            r.reproduction.iter().map(ToString::to_string).collect(),
        ));
    }
    evidence(r, &mut b);
    for s in &r.sections {
        b.push(Block::Heading(s.title.clone()));
        // One-line answers side by side in one list; longer ones under their label.
        let mut fields = Vec::new();
        for item in &s.items {
            let label = match item.amendment {
                Some(n) => format!("{} (amendment {n})", item.label),
                None => item.label.clone(),
            };
            match &item.value {
                ItemValue::Line(v) => fields.push((label, v.to_string())),
                ItemValue::Time(_, t) => fields.push((label, format!("{} ({})", local(t), utc(t)))),
                ItemValue::Block(e) => {
                    if !fields.is_empty() {
                        b.push(Block::Fields(std::mem::take(&mut fields)));
                    }
                    b.push(Block::Subheading(label));
                    excerpt(e, &mut b);
                }
            }
        }
        if !fields.is_empty() {
            b.push(Block::Fields(fields));
        }
    }
    imported(r, &mut b);
    if !r.confirmations.is_empty() {
        b.push(Block::Heading("Confirmations".into()));
        // Label first, then a dash: a label ending in "PASS" before a colon
        // reads to the strict scan as a password field.
        b.push(Block::Bullets(
            r.confirmations
                .iter()
                .map(|c| {
                    let state = match &c.at {
                        Some(t) => format!("confirmed {}", local(t)),
                        None => "NOT confirmed".into(),
                    };
                    format!("{} — {state} ({})", c.label, c.id)
                })
                .collect(),
        ));
    }
    outcome::timeline(r, &mut b);
    outcome::checks(r, &mut b);
    outcome::escalation(r, &mut b);
    outcome::redaction(r, &mut b);
    b
}

fn purchase_and_environment(r: &Report, b: &mut Vec<Block>) {
    if let Some(p) = &r.purchase {
        b.push(Block::Heading("Purchase context".into()));
        b.push(Block::Para(p.to_string()));
    }
    if !r.environment.is_empty() {
        b.push(Block::Heading("Environment".into()));
        b.push(Block::Table {
            header: vec!["Component".into(), "Version or name".into()],
            rows: r
                .environment
                .iter()
                .map(|e| {
                    vec![
                        e.component.clone(),
                        e.value
                            .as_ref()
                            .map_or_else(|| "not given".into(), ToString::to_string),
                    ]
                })
                .collect(),
        });
    }
}

fn error(r: &Report, b: &mut Vec<Block>) {
    let Some(e) = &r.error else {
        return;
    };
    b.push(Block::Heading("Affected".into()));
    let mut fields = Vec::new();
    if let Some(s) = &e.screen {
        fields.push(("Screen".into(), s.to_string()));
    }
    if let Some(u) = &e.user {
        fields.push(("User".into(), u.to_string()));
    }
    let when = match &e.when {
        None => "not given".to_string(),
        Some(w) => {
            let at = match w.at {
                Some(t) => format!("{} ({})", local(&t), utc(&t)),
                None => w.text.to_string(),
            };
            let how = match w.source {
                crate::machine::Source::Typed => "",
                crate::machine::Source::ErrorText => " — taken from the error text",
                crate::machine::Source::CaptureTime => {
                    " — the capture time, NOT CONFIRMED as the time of the error"
                }
            };
            format!("{at}{how}")
        }
    };
    fields.push(("When".into(), when));
    b.push(Block::Fields(fields));
    b.push(Block::Heading("Error, exactly as written".into()));
    match &e.message {
        Some(m) => b.push(Block::Code(m.to_string())),
        None => b.push(Block::Para("Not given.".into())),
    }
    for a in &e.amendments {
        let at = a.at.map(|t| format!(", {}", local(&t))).unwrap_or_default();
        b.push(Block::Subheading(format!(
            "Amendment {}{at} (the original above stays as preserved)",
            a.number
        )));
        b.push(Block::Code(a.text.to_string()));
    }
}

fn excerpt(e: &Excerpt, b: &mut Vec<Block>) {
    b.push(Block::Code(e.head.to_string()));
    if e.is_trimmed() {
        b.push(Block::Omitted(e.omitted));
        b.push(Block::Code(e.tail.to_string()));
    }
}

fn evidence(r: &Report, b: &mut Vec<Block>) {
    if r.evidence.is_empty() {
        return;
    }
    b.push(Block::Heading("Diagnostics and evidence (redacted)".into()));
    for e in &r.evidence {
        let title = match &e.name {
            Some(n) => format!("{}: {n}", e.label),
            None => e.label.clone(),
        };
        let lines = if e.text.is_trimmed() {
            format!(
                "{}, {} left out in the middle",
                lines(e.text.total),
                e.text.omitted
            )
        } else {
            lines(e.text.total)
        };
        b.push(Block::Subheading(format!("{title} ({lines})")));
        excerpt(&e.text, b);
    }
}

fn imported(r: &Report, b: &mut Vec<Block>) {
    if r.imported.is_empty() {
        return;
    }
    b.push(Block::Heading("Reports found in the evidence".into()));
    for n in &r.imported {
        let place = match &n.name {
            Some(name) => format!("{}: {name}", n.field),
            None => n.field.clone(),
        };
        b.push(Block::Subheading(place));
        b.push(Block::Fields(
            n.values
                .iter()
                .map(|(what, value, source)| (what.clone(), format!("{value} ({source})")))
                .collect(),
        ));
        if !n.flags.is_empty() {
            b.push(Block::Bullets(n.flags.clone()));
        }
    }
}
