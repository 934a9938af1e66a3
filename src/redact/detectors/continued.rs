//! Secrets continued on the next line after a trailing backslash, as shells,
//! Dockerfiles and `.env` loaders read them: `DB_PASSWORD=Tr0ub4dor\` then
//! `horse` on the next line is one value. A finding that ends at such a
//! backslash takes the next line's first token too, so its second half is
//! never left in the report.
//!
//! Only a value glued to its backslash, continued by a token at the very
//! start of the next line, is joined: ` \` between a command's arguments, or
//! an indented next line, continues a command, not a value.

use crate::redact::Category;
use crate::redact::readers::pairs::{MAX_CONTINUED_LINES, continuation};
use crate::redact::scan::Candidate;

pub(crate) fn extend_over_continuations(text: &[u8], cands: &mut [Candidate]) {
    if memchr::memchr(b'\\', text).is_none() {
        return;
    }
    // Most chunks hold a backslash (paths, JSON escapes) but no value ending
    // at one: the starts of the others are gathered only for one that does.
    let mut starts: Option<Vec<usize>> = None;
    for i in 0..cands.len() {
        let c = &cands[i];
        if c.kind.category() == Category::Customer || continuation(text, c.start, c.end).is_none() {
            continue;
        }
        let starts = starts.get_or_insert_with(|| cands.iter().map(|c| c.start).collect());
        let c = &mut cands[i];
        for _ in 0..MAX_CONTINUED_LINES {
            let Some((next, token_end)) = continuation(text, c.start, c.end) else {
                break;
            };
            // A token that is a finding of its own stays one.
            if starts.iter().any(|&s| (next..token_end).contains(&s)) {
                break;
            }
            c.end = token_end;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redact::redacted;

    #[test]
    fn a_value_continued_after_a_backslash_is_redacted_whole() {
        for (text, second) in [
            (
                "export DB_PASSWORD=Wq9v!tr0ub4\\\nhorse42staple\nnext\n",
                "horse42staple",
            ),
            (
                "password: \"Wq9v!tr0ub4\\\nhorse42staple\"\n",
                "horse42staple",
            ),
            (
                "DB_PASSWORD='Wq9v!tr0ub4\\\nhorse42staple'\n",
                "horse42staple",
            ),
            (
                "api_key = sk-proj-Zk3mQ9vR2xT7wL4pN8s\\\r\nJ1yB6cH0dF5gAe2iU7oK3nM9qW4rT\n",
                "J1yB6cH0dF5gAe2iU7oK3nM9qW4rT",
            ),
            ("SECRET=aX9#kQ2\\\nmZ7\\\npL4vR8\n", "pL4vR8"),
            (
                "api_key=SG\\\r\n.aAA_AaAA_-_--aA-a_a-0_.aaaAaaAAa--sk-a--_A0_0A0AAA\r\n",
                ".aAA_AaAA_-_--aA",
            ),
        ] {
            let out = redacted(text);
            assert!(!out.contains(second), "{text:?} -> {out:?}");
            assert!(!out.contains("Wq9v") && !out.contains("Zk3m"), "{out:?}");
        }
    }

    #[test]
    fn a_command_continued_over_lines_keeps_its_next_line() {
        let out = redacted(
            "curl -H 'Authorization: Bearer sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA' \\\n  https://api.example.com/v1 \\\n  --data x\n",
        );
        assert!(out.contains("https://api.example.com/v1"), "{out}");
        // The next line opens a finding of its own: the two stay apart.
        let out = redacted(
            "AccountKey=Xy9aB8cD7eF6gH5iJ4kL3mN2oP1qR0sT9uV8w==\\\ndop_v1_1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef\n",
        );
        assert!(!out.contains("dop_v1_1234"), "{out}");
        assert!(out.lines().count() == 2, "{out}");
    }
}
