//! Markdown, for a CodeCanyon support message or a ticket.

use super::document::{Block, Rendered};

/// A fence longer than any run of backticks inside the text, so nothing in
/// the text can close it early.
pub fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat((longest + 1).max(3))
}

/// A table cell on one line, its pipes escaped.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub fn render(blocks: &[Block]) -> Rendered {
    super::document::render(blocks, block)
}

/// One block, and the blank line after it.
fn block(b: &Block) -> String {
    let mut o = String::new();
    match b {
        Block::Title(t) => o.push_str(&format!("# {t}\n")),
        Block::Notice(t) => o.push_str(&format!("> **{t}**\n")),
        Block::Heading(t) => o.push_str(&format!("## {t}\n")),
        Block::Subheading(t) => o.push_str(&format!("### {t}\n")),
        Block::Para(t) => o.push_str(&format!("{t}\n")),
        Block::Fields(f) => {
            for (label, value) in f {
                o.push_str(&format!("- **{label}:** {value}\n"));
            }
        }
        Block::Bullets(items) => {
            for i in items {
                o.push_str(&format!("- {i}\n"));
            }
        }
        Block::Numbered(items) => {
            for (n, i) in items.iter().enumerate() {
                o.push_str(&format!("{}. {i}\n", n + 1));
            }
        }
        Block::Code(text) => {
            let f = fence(text);
            o.push_str(&format!("{f}text\n{text}"));
            if !text.ends_with('\n') {
                o.push('\n');
            }
            o.push_str(&format!("{f}\n"));
        }
        Block::Omitted(n) => o.push_str(&format!(
            "*… {} left out here — `runbook report --full` keeps them …*\n",
            super::document::lines(*n)
        )),
        Block::Table { header, rows } => {
            let h: Vec<String> = header.iter().map(|c| cell(c)).collect();
            o.push_str(&format!("| {} |\n", h.join(" | ")));
            o.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
            for r in rows {
                let r: Vec<String> = r.iter().map(|c| cell(c)).collect();
                o.push_str(&format!("| {} |\n", r.join(" | ")));
            }
        }
    }
    o.push('\n');
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fence_outruns_every_backtick_run() {
        assert_eq!(fence("plain"), "```");
        assert_eq!(fence("a `b` c"), "```");
        assert_eq!(fence("```rust\nx\n```"), "````");
        assert_eq!(fence("`````"), "``````");
        let text = "before\n````\ninside\n````\nafter";
        let out = render(&[Block::Code(text.into())]).text;
        assert_eq!(out, format!("`````text\n{text}\n`````\n"));
    }

    #[test]
    fn table_cells_cannot_break_the_table() {
        let out = render(&[Block::Table {
            header: vec!["A".into(), "B".into()],
            rows: vec![vec!["x | y".into(), "two\nlines".into()]],
        }])
        .text;
        assert_eq!(out, "| A | B |\n| --- | --- |\n| x \\| y | two lines |\n");
    }
}
