//! Redis's `AUTH` as a session or a log shows it: at the `redis-cli` prompt
//! (`127.0.0.1:6379> AUTH …`, `redis> auth user …`), in the handshake
//! `HELLO 3 AUTH user …`, and in the lines `MONITOR` prints
//! (`1712345678.120044 [0 10.0.0.5:51234] "AUTH" "…"`). The password is
//! the last argument; an ACL user may be named before it.

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::{is_non_value, looks_password};

/// The passwords of the `AUTH` commands on the lines `gated` (those
/// holding `auth` in any case).
pub(crate) fn detect(text: &[u8], gated: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in gated {
        let Some(command) = command_start(&text[line.clone()]) else {
            continue;
        };
        let args = arguments(text, line.start + command, line.end);
        for password in passwords_of(text, &args) {
            if !is_non_value(&text[password.clone()]) {
                out.push(Candidate::new(
                    password.start,
                    password.end,
                    Kind::Password,
                    "redis-auth",
                    Priority::Structural,
                ));
            }
        }
    }
}

/// Where the command starts on a line of `MONITOR` (its time, then the
/// database and client in brackets) or after a `redis-cli` prompt.
fn command_start(line: &[u8]) -> Option<usize> {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    // `1712345678.120044 [0 10.0.0.5:51234] "AUTH" …`
    let seconds = digits(line);
    if seconds > 0 && line.get(seconds) == Some(&b'.') {
        let micros = digits(&line[seconds + 1..]);
        let at = seconds + 1 + micros;
        if micros > 0
            && line[at..].starts_with(b" [")
            && let Some(close) = memchr::memchr(b']', &line[at..]).map(|p| at + p)
            && line[close + 1..].starts_with(b" \"")
        {
            return Some(close + 2);
        }
    }
    // `127.0.0.1:6379> `, `cache:6379[2]> `, `redis> `, `redis cache:6379> `,
    // at the line's start or quoted in a sentence (`then cache:6379> AUTH …`).
    memchr::memmem::find_iter(line, b"> ")
        .take(8)
        .find_map(|end| {
            let before = &line[..end];
            let word = before
                .iter()
                .rposition(|b| matches!(b, b' ' | b'\t'))
                .map_or(0, |p| p + 1);
            let whole = before.trim_ascii_start();
            (is_prompt(&before[word..]) || is_prompt(whole)).then_some(end + 2)
        })
}

/// `host:port`, `host:port[db]`, `redis`, `redis host:port`: what
/// `redis-cli` writes before `> `.
fn is_prompt(prompt: &[u8]) -> bool {
    let host_and_port = |s: &[u8]| {
        let s = match s.strip_suffix(b"]") {
            Some(s) => match memchr::memrchr(b'[', s) {
                Some(open) if s[open + 1..].iter().all(u8::is_ascii_digit) => &s[..open],
                _ => return false,
            },
            None => s,
        };
        match memchr::memrchr(b':', s) {
            Some(colon) => {
                colon > 0
                    && s[..colon]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
                    && s.len() > colon + 1
                    && s[colon + 1..].iter().all(u8::is_ascii_digit)
            }
            None => false,
        }
    };
    match prompt.strip_prefix(b"redis") {
        Some([]) => true,
        Some([b' ', rest @ ..]) => host_and_port(rest),
        _ => host_and_port(prompt),
    }
}

/// The arguments from `at` to `end`, split at blanks; a quoted one
/// (`"…"` with backslash escapes, or `'…'`) by what its quotes hold.
fn arguments(text: &[u8], mut at: usize, end: usize) -> Vec<Range<usize>> {
    let mut args = Vec::new();
    while at < end && args.len() < 8 {
        while at < end && matches!(text[at], b' ' | b'\t' | b'\r') {
            at += 1;
        }
        if at >= end {
            break;
        }
        let quote = text[at];
        if matches!(quote, b'"' | b'\'') {
            let mut close = at + 1;
            while close < end && text[close] != quote {
                close += if text[close] == b'\\' { 2 } else { 1 };
            }
            if close >= end {
                break;
            }
            args.push(at + 1..close);
            at = close + 1;
        } else {
            let start = at;
            while at < end && !matches!(text[at], b' ' | b'\t' | b'\r') {
                at += 1;
            }
            args.push(start..at);
        }
    }
    args
}

/// `AUTH [user] password`, `HELLO 3 AUTH user password …`. Where a
/// sentence goes on after the command (`AUTH … gave WRONGPASS`), its end is
/// not known: of the two words after `AUTH`, those shaped as a password.
fn passwords_of(text: &[u8], args: &[Range<usize>]) -> Vec<Range<usize>> {
    let is = |arg: &Range<usize>, word: &[u8]| text[arg.clone()].eq_ignore_ascii_case(word);
    match args {
        [auth, password] | [auth, _, password] if is(auth, b"AUTH") => vec![password.clone()],
        [auth, words @ ..] if is(auth, b"AUTH") => words
            .iter()
            .take(2)
            .filter(|w| looks_password(&text[(*w).clone()]))
            .cloned()
            .collect(),
        [hello, rest @ ..] if is(hello, b"HELLO") => rest
            .iter()
            .position(|a| is(a, b"AUTH"))
            .and_then(|auth| rest.get(auth + 2))
            .into_iter()
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    fn redacted(text: &str) -> String {
        crate::redact::redacted(text)
    }

    #[test]
    fn the_last_argument_of_auth_is_the_password() {
        for (text, password) in [
            ("127.0.0.1:6379> AUTH Fennel-Moth-38", "Fennel-Moth-38"),
            (
                "cache.internal:6380[2]> auth ops Quillwort_71",
                "Quillwort_71",
            ),
            ("redis> AUTH \"Sorrel Pike 5\"", "Sorrel Pike 5"),
            (
                "redis 10.0.0.9:6379> hello 3 auth default Bramble!Fox9",
                "Bramble!Fox9",
            ),
            (
                "Retried: then cache:6379> AUTH Nettle-Barn-27 gave WRONGPASS again",
                "Nettle-Barn-27",
            ),
            (
                "it said cache:6379> auth ops Woad_Mill_5 and failed",
                "Woad_Mill_5",
            ),
            (
                "1712345678.120044 [0 10.0.0.5:51234] \"AUTH\" \"Tansy-Wharf-62\"",
                "Tansy-Wharf-62",
            ),
            (
                "1712345678.120044 [0 unix:/run/redis.sock] \"auth\" \"ops\" \"Yarrow_Dell_4\"",
                "Yarrow_Dell_4",
            ),
        ] {
            let out = redacted(text);
            assert!(!out.contains(password), "{text} -> {out}");
        }
    }

    #[test]
    fn auth_in_other_places_is_left_alone() {
        for text in [
            "AUTH failed for user ops",
            "(error) WRONGPASS invalid username-password pair or user is disabled.",
            "127.0.0.1:6379> AUTH",
            "127.0.0.1:6379> CONFIG GET maxmemory",
            "1712345678.120044 [0 10.0.0.5:51234] \"GET\" \"wc:auth\"",
            "Note> AUTH then retry",
        ] {
            assert_eq!(redacted(text), text);
        }
    }
}
