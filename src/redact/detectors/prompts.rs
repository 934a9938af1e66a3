//! A password typed into a program by a script that waits for its prompt:
//! expect's `expect "password:"` then `send "…\r"`, pexpect's
//! `child.expect('Password:')` then `child.sendline('…')`. The answer to a
//! prompt naming a password is one.

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::pairs::closing_quote;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::secret_words::PASSWORD_NOUNS;
use crate::redact::values::is_non_value;

/// Lines after the prompt's where its answer is looked for.
const ANSWER_LINES: usize = 2;

/// The commands that send a script's answer, each before its quoted text.
const SENDERS: &[&[u8]] = &[b"sendline(", b"send(", b"send -- ", b"send "];

/// `lines`: those holding a password word (the gate's). A line that waits
/// for a prompt naming it (`expect` then a quoted prompt with the word)
/// gives the first text sent after the wait, on its line or the next two.
pub(crate) fn detect(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        let Some(wait) = memchr::memmem::find(&text[line.clone()], b"expect") else {
            continue;
        };
        let wait = line.start + wait;
        // `expect`, `.expect(`, `expect -re`: the word stands alone.
        if wait > 0 && text[wait - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(prompt_end) = prompt_after(text, wait + b"expect".len(), line.end) else {
            continue;
        };
        let mut from = prompt_end;
        let mut to = line.end;
        for _ in 0..=ANSWER_LINES {
            if let Some(answer) = sent_in(text, from, to) {
                if !answer.is_empty() && !is_non_value(&text[answer.clone()]) {
                    out.push(Candidate::new(
                        answer.start,
                        answer.end,
                        Kind::Password,
                        "prompt-answer",
                        Priority::Structural,
                    ));
                }
                break;
            }
            if to >= text.len() {
                break;
            }
            from = to + 1;
            to = memchr::memchr(b'\n', &text[from..]).map_or(text.len(), |p| from + p);
        }
    }
}

/// Where the quoted prompt after `expect` ends, when it names a password.
fn prompt_after(text: &[u8], mut at: usize, line_end: usize) -> Option<usize> {
    // Past blanks, pexpect's `(` and expect's flags (`-re`, `-ex`, `-nocase`).
    loop {
        while at < line_end && matches!(text[at], b' ' | b'\t' | b'(') {
            at += 1;
        }
        if text.get(at) != Some(&b'-') || at >= line_end {
            break;
        }
        while at < line_end && !matches!(text[at], b' ' | b'\t') {
            at += 1;
        }
    }
    let q = *text
        .get(at)
        .filter(|&&b| matches!(b, b'"' | b'\'' | b'{'))?;
    let close = if q == b'{' {
        memchr::memchr(b'}', &text[at..line_end]).map(|p| at + p)?
    } else {
        closing_quote(text, at + 1, line_end, q)?
    };
    let prompt = text[at + 1..close].to_ascii_lowercase();
    let names_password = (PASSWORD_NOUNS.iter().map(|w| w.as_bytes()))
        .chain([&b"assword"[..], b"pin:", b"secret", b"token"])
        .any(|w| memchr::memmem::find(&prompt, w).is_some());
    names_password.then_some(close + 1)
}

/// The text the first sender between `from` and `to` sends, without the
/// line end it types (`\r`, `\n`).
fn sent_in(text: &[u8], from: usize, to: usize) -> Option<Range<usize>> {
    let (at, sender) = SENDERS
        .iter()
        .filter_map(|s| memchr::memmem::find(&text[from..to], s).map(|p| (from + p, s.len())))
        .min_by_key(|&(at, _)| at)?;
    let mut open = at + sender;
    while open < to && matches!(text[open], b' ' | b'\t') {
        open += 1;
    }
    let q = *text.get(open).filter(|&&b| matches!(b, b'"' | b'\''))?;
    let close = closing_quote(text, open + 1, to, q)?;
    let mut end = close;
    for typed in [&b"\\r"[..], b"\\n"] {
        if text[open + 1..end].ends_with(typed) {
            end -= typed.len();
        }
    }
    Some(open + 1..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(text: &str) -> Vec<&str> {
        let lines: Vec<Range<usize>> = {
            let mut at = 0;
            text.split_inclusive('\n')
                .map(|l| {
                    let r = at..at + l.trim_end_matches('\n').len();
                    at += l.len();
                    r
                })
                .collect()
        };
        let mut out = Vec::new();
        detect(text.as_bytes(), &lines, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn the_answer_to_a_password_prompt() {
        let text = "\
spawn ssh deploy@shop.example.net
expect \"password:\"
send \"Kestrel#Loam62\\r\"
expect -re \"Enter passphrase.*:\" { send -- \"Umber Finch 9\\n\" }
child.expect('Passwort:')
child.sendline('Tarn_Heath_5')
expect \"$ \"
send \"uptime\\r\"
";
        assert_eq!(
            answers(text),
            ["Kestrel#Loam62", "Umber Finch 9", "Tarn_Heath_5"]
        );
    }

    #[test]
    fn other_prompts_and_words_are_left() {
        assert!(answers("expect \"login:\"\nsend \"deploy\\r\"\n").is_empty());
        assert!(answers("we expect the password reset mail; send \"hi\"\n").is_empty());
        assert!(answers("unexpected \"password\" field\nsend \"x\"\n").is_empty());
    }
}
