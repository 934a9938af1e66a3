//! Plain text, for an email or a chat: headings underlined, exact text
//! between rulers, tables in aligned columns.

use unicode_width::UnicodeWidthStr;

use super::document::{Block, Rendered};

const RULER: &str = "-----";

fn underline(t: &str, c: char) -> String {
    format!("{t}\n{}\n", c.to_string().repeat(t.width().max(3)))
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let flat = |s: &str| s.replace(['\n', '\r'], " ");
    let all: Vec<Vec<String>> = std::iter::once(header.to_vec())
        .chain(rows.iter().cloned())
        .map(|r| r.iter().map(|c| flat(c)).collect())
        .collect();
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            all.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The last column wraps under itself, so a long reason stays readable.
    let indent: usize = widths[..columns - 1].iter().map(|w| w + 2).sum();
    let room = WIDTH.saturating_sub(indent).max(MIN_LAST);
    let mut o = String::new();
    for (n, r) in all.iter().enumerate() {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate().take(columns - 1) {
            line.push_str(c);
            line.push_str(&" ".repeat(widths[i] - c.width() + 2));
        }
        let last = r.get(columns - 1).map_or("", String::as_str);
        for (k, piece) in wrap(last, room).iter().enumerate() {
            if k > 0 {
                line.push('\n');
                line.push_str(&" ".repeat(indent));
            }
            line.push_str(piece);
        }
        o.push_str(line.trim_end());
        o.push('\n');
        if n == 0 {
            let mut rule: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
            if let Some(last) = rule.last_mut() {
                *last = "-".repeat(widths[columns - 1].clamp(1, room));
            }
            o.push_str(&rule.join("  "));
            o.push('\n');
        }
    }
    o
}

/// Lines of text this wide at most, when they can be.
const WIDTH: usize = 100;
/// The least room the last column of a table gets before it wraps.
const MIN_LAST: usize = 40;

/// Words of `text` on lines of at most `room` columns (a longer word on its own).
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let current = lines.last_mut().expect("one line at least");
        if !current.is_empty() && current.width() + 1 + word.width() > room {
            lines.push(word.to_string());
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    lines
}

pub fn render(blocks: &[Block]) -> Rendered {
    super::document::render(blocks, block)
}

/// One block, and the blank line after it.
fn block(b: &Block) -> String {
    let mut o = String::new();
    match b {
        Block::Title(t) => o.push_str(&underline(&t.to_uppercase(), '=')),
        Block::Notice(t) => o.push_str(&format!("*** {t} ***\n")),
        Block::Heading(t) => o.push_str(&underline(&t.to_uppercase(), '-')),
        Block::Subheading(t) => o.push_str(&format!("{t}\n")),
        Block::Para(t) => o.push_str(&format!("{t}\n")),
        Block::Fields(f) => {
            let width = f.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
            for (label, value) in f {
                let pad = " ".repeat(width - label.width());
                o.push_str(&format!("{label}:{pad} {value}\n"));
            }
        }
        Block::Bullets(items) => {
            for i in items {
                o.push_str(&format!("  - {i}\n"));
            }
        }
        Block::Numbered(items) => {
            for (n, i) in items.iter().enumerate() {
                o.push_str(&format!("  {}. {i}\n", n + 1));
            }
        }
        Block::Code(text) => {
            o.push_str(RULER);
            o.push('\n');
            o.push_str(text);
            if !text.ends_with('\n') {
                o.push('\n');
            }
            o.push_str(RULER);
            o.push('\n');
        }
        Block::Omitted(n) => o.push_str(&format!(
            "[… {} left out here — `runbook report --full` keeps them …]\n",
            super::document::lines(*n)
        )),
        Block::Table { header, rows } => o.push_str(&table(header, rows)),
    }
    o.push('\n');
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_display_width() {
        let out = table(
            &["Name".into(), "Note".into()],
            &[
                vec!["日本".into(), "wide".into()],
                vec!["ab".into(), "x".into()],
            ],
        );
        assert_eq!(out, "Name  Note\n----  ----\n日本  wide\nab    x\n");
    }

    #[test]
    fn a_long_last_column_wraps_under_itself() {
        let reason = "word ".repeat(30);
        let out = table(
            &["Check".into(), "Reason".into()],
            &[vec!["retry_ready".into(), reason]],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.iter().all(|l| l.width() <= WIDTH), "{out}");
        assert!(lines[2].starts_with("retry_ready  word word"), "{out}");
        assert!(lines[3].starts_with("             word"), "{out}");
        assert_eq!(out.matches("word").count(), 30);
    }
}
