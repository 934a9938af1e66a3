//! Credentials found by where they sit rather than by a field name: URLs with
//! `user:password@`, `curl -u`, PHP stack-trace arguments, `Bearer`/`Basic`,
//! "password X" in prose, application passwords, and PEM private key blocks.

use std::ops::Range;

use super::by_variable;
use crate::redact::Kind;
use crate::redact::context::Context;
use crate::redact::gate::{GateWords, captures_in, matches_in};
use crate::redact::scan::{
    AnchoredPattern, Candidate, Lines, Pattern, Priority, SearchedPattern, compile,
    compile_anchored, compile_searched,
};
use crate::redact::tokens::TokenRules;
use crate::redact::values::{is_app_password, is_non_value, looks_generated, looks_password};

pub(crate) struct SecretRules {
    url_credentials: Pattern,
    curl_user: SearchedPattern,
    php_call: Pattern,
    auth_scheme: SearchedPattern,
    keyword_value: AnchoredPattern,
    app_password: SearchedPattern,
    pem_begin: Pattern,
}

/// How many gate groups [`gate_words`] returns.
pub(crate) const GATE_GROUPS: usize = 7;
const APP_PASSWORD_GATE: usize = 0;
const KEYWORD_GATE: usize = 1;
const XMLRPC_GATE: usize = 2;
const PHP_CALL_GATE: usize = 3;
const AUTH_SCHEME_GATE: usize = 4;
const URL_GATE: usize = 5;
const CURL_GATE: usize = 6;

/// Where the items start of the array that opens the PHP arguments at
/// `at` (`[…`, `array(…`); `None` when they open with anything else.
fn array_items_at(text: &[u8], at: usize) -> Option<usize> {
    let rest = &text[at..];
    let first = at + (rest.len() - rest.trim_ascii_start().len());
    let rest = &text[first..];
    if rest.starts_with(b"[") {
        Some(first + 1)
    } else if rest
        .get(..6)
        .is_some_and(|a| a.eq_ignore_ascii_case(b"array("))
    {
        Some(first + 6)
    } else {
        None
    }
}

/// Functions whose arguments a PHP stack trace prints, password among them.
const PHP_CALLS: &str = "mysqli_real_connect|mysqli_connect|mysql_connect|mysqli->real_connect|mysqli::real_connect|mysqli->__construct|mysqli::__construct|new mysqli|pdo->__construct|pdo::__construct|new pdo|wp_authenticate|wp_authenticate_username_password|wp_signon|wp_check_password|wp_set_password|wp_hash_password|ftp_login|ssh2_auth_password|ldap_bind|redis->auth|redis::auth|imap_open";
/// Each name in [`PHP_CALLS`] holds one of these.
const PHP_CALL_WORDS: &[&str] = &[
    "connect",
    "mysqli",
    "pdo",
    "wp_authenticate",
    "wp_signon",
    "_password",
    "ftp_login",
    "ldap_bind",
    "auth",
    "imap_open",
];
const AUTH_SCHEMES: &[&str] = &["Bearer", "Basic", "Token", "Digest", "Bot", "OAuth", "SSWS"];

/// The words `keyword_value` starts at: these, and every password noun.
static KEYWORD_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut words = vec!["key", "secret", "token", "pass", "pwd"];
    words.extend(crate::redact::secret_words::PASSWORD_NOUNS);
    words
});
/// Where before a `key` hit its keyword may start, and the word there:
/// `access_key`, `accesskey`, `api_key`, `apikey`, `key` (`secret_key` is
/// found at its `secret`).
const KEY_WORD_BACK: [(usize, &[u8]); 5] = [
    (7, b"access"),
    (6, b"access"),
    (4, b"api"),
    (3, b"api"),
    (0, b""),
];

/// The words the free-text rules cannot match without, found in the shared
/// gate pass over a block.
pub(crate) fn gate_words() -> Vec<GateWords<'static>> {
    vec![
        // Six groups of four are common enough (hashes printed in groups, serials):
        // only a line that speaks of a password or a login is looked at.
        GateWords {
            words: &[
                "password",
                "app pass",
                "application",
                "-u ",
                "--user",
                "auth",
                "pwd",
            ],
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
        // Every keyword of `keyword_value` holds one of these; the rule is
        // tried where each sits, not over the whole line (`Undefined array key`
        // is on many lines of a PHP log).
        GateWords {
            words: &KEYWORD_WORDS,
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: true,
        },
        // XML-RPC calls name their method (see `xmlrpc`).
        GateWords {
            words: &["methodName"],
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: PHP_CALL_WORDS,
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: AUTH_SCHEMES,
            case_insensitive: false,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &["://"],
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &["-u", "--user", "--proxy-user"],
            case_insensitive: false,
            word_start: false,
            word_end: false,
            positions: false,
        },
    ]
}

impl SecretRules {
    pub fn new() -> Self {
        SecretRules {
            url_credentials: compile(
                r#"(?i)\b[a-z][a-z0-9+.\-]{1,20}://([^\s/@:"'<>]*):([^\s/@"'<>]+)@[a-z0-9\[]"#,
            ),
            curl_user: compile_searched(
                r#"(?:^|[ \t])(?:-u|--user|--proxy-user)(?:[ \t]+|=)(?:"([^"\n]*)"|'([^'\n]*)'|([^ \t\r\n"']+))"#,
            ),
            php_call: compile(&format!(r"(?i)({PHP_CALLS})\(")),
            auth_scheme: compile_searched(&format!(
                r"\b({})[ \t]+([A-Za-z0-9._~+/\-]{{8,}}=*)",
                AUTH_SCHEMES.join("|")
            )),
            // Anchored: tried where a keyword may start (see `keyword_values`).
            keyword_value: compile_anchored(&format!(
                r#"^(?i)(api[ _-]?key|access[ _-]?key|secret[ _-]?key|secret|token|passcode|pwd|passphrase|passe|{}|pass|key)(?:[ \t]+(?:{}|=|:|-|–|—))?[ \t]+["'«“‘]?([^\s"'»”’,;)]{{6,}})"#,
                crate::redact::secret_words::password_noun_alternation(),
                crate::redact::secret_words::copula_alternation(),
            )),
            app_password: compile_searched(r"\b[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}\b"),
            pem_begin: compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
        }
    }

    /// `gated`, `hits`: what the gate found for the groups of [`gate_words`].
    pub fn detect(
        &self,
        lines: &Lines<'_>,
        ctx: &Context,
        tokens: &TokenRules,
        gated: &[Vec<Range<usize>>],
        hits: &[Vec<(usize, usize)>],
        out: &mut Vec<Candidate>,
    ) {
        let text = lines.text;
        self.url_credentials(text, &gated[URL_GATE], out);
        self.curl_user(text, &gated[CURL_GATE], out);
        self.php_calls(lines, &gated[PHP_CALL_GATE], out);
        // Its gate words hold `auth`.
        crate::redact::detectors::redis_auth::detect(text, &gated[PHP_CALL_GATE], out);
        self.auth_schemes(text, ctx, tokens, &gated[AUTH_SCHEME_GATE], out);
        self.keyword_values(text, ctx, tokens, &hits[KEYWORD_GATE], out);
        self.app_passwords(text, &gated[APP_PASSWORD_GATE], out);
        crate::redact::xmlrpc::passwords(text, &gated[XMLRPC_GATE], out);
    }

    fn url_credentials(&self, text: &[u8], gated: &[Range<usize>], out: &mut Vec<Candidate>) {
        captures_in(&self.url_credentials, text, gated, |c, off| {
            let pass = c.get(2).unwrap();
            if is_non_value(pass.as_bytes()) {
                return;
            }
            out.push(Candidate::new(
                off + pass.start(),
                off + pass.end(),
                Kind::Password,
                "url-credentials",
                // Above emails: `user:pass@host` is not an address.
                Priority::Token,
            ));
        });
    }

    /// Each line on its own: the rule's `^` is where a line opens (a command
    /// continued on the next line starts it with `-u`).
    fn curl_user(&self, text: &[u8], gated: &[Range<usize>], out: &mut Vec<Candidate>) {
        captures_in(&self.curl_user, text, gated, |c, off| {
            let cred = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).unwrap();
            // `-u <user:password>`: a blank to fill in.
            if is_non_value(cred.as_bytes()) {
                return;
            }
            let Some(colon) = memchr::memchr(b':', cred.as_bytes()) else {
                return;
            };
            let (start, end) = (off + cred.start() + colon + 1, off + cred.end());
            if start < end && !is_non_value(&text[start..end]) {
                out.push(Candidate::new(
                    start,
                    end,
                    Kind::Password,
                    "curl-user",
                    Priority::Structural,
                ));
            }
        });
    }

    /// Arguments PHP prints in stack traces: `mysqli_real_connect(Object(mysqli), 'host', 'user', 'pass', ...)`.
    fn php_calls(&self, lines: &Lines<'_>, gated: &[Range<usize>], out: &mut Vec<Candidate>) {
        let text = lines.text;
        captures_in(&self.php_call, text, gated, |c, off| {
            let func = c.get(1).unwrap().as_bytes().to_ascii_lowercase();
            let mut open = off + c.get(0).unwrap().end();
            let password_arg = match func.as_slice() {
                b"mysqli_real_connect" => 3,
                b"wp_check_password" | b"wp_set_password" | b"wp_hash_password" => 0,
                // phpredis takes `auth('…')`, or `auth(['user', '…'])` with
                // an ACL user: then the items of the array are its arguments.
                b"redis->auth" | b"redis::auth" => match array_items_at(text, open) {
                    Some(items) => {
                        open = items;
                        1
                    }
                    None => 0,
                },
                b"wp_authenticate" | b"wp_signon" | b"wp_authenticate_username_password" => 1,
                _ => 2,
            };
            let end = lines.line_end_at(open.min(text.len().saturating_sub(1)));
            let args = split_php_args(text, open, end);
            let wp_auth_offset =
                usize::from(func.as_slice() == b"wp_authenticate_username_password");
            let Some(&(s, e, quoted)) = args.get(password_arg + wp_auth_offset) else {
                return;
            };
            // `mysqli_real_connect($link, 'db', 'shop', $pw)`: what `$pw` was given.
            let bare = crate::redact::values::trimmed(text, s..e);
            if !quoted && let Some(name) = by_variable::dollar_variable_in(text, bare) {
                let reference = by_variable::Reference {
                    name,
                    kind: Kind::Password,
                };
                by_variable::detect(text, &[reference], out);
            } else if quoted && s < e && !is_non_value(&text[s..e]) {
                out.push(Candidate::new(
                    s,
                    e,
                    Kind::Password,
                    "php-call-argument",
                    Priority::Structural,
                ));
            }
        });
    }

    fn auth_schemes(
        &self,
        text: &[u8],
        ctx: &Context,
        tokens: &TokenRules,
        gated: &[Range<usize>],
        out: &mut Vec<Candidate>,
    ) {
        captures_in(&self.auth_scheme, text, gated, |c, off| {
            let scheme = c.get(1).unwrap().as_bytes();
            let cred = c.get(2).unwrap();
            let value = cred.as_bytes();
            if is_non_value(value) || tokens.matches_whole(value) {
                return;
            }
            let kind = match scheme {
                b"Basic" => Kind::BasicAuth,
                _ if !looks_generated(value) => return,
                _ => ctx.provider_at(off + cred.start()).unwrap_or(Kind::Token),
            };
            out.push(Candidate::new(
                off + cred.start(),
                off + cred.end(),
                kind,
                "auth-scheme",
                Priority::Keyed,
            ));
        });
    }

    /// "initialised with key X", "password X", "with secret X" in free text.
    /// `hits`: where the gate found a keyword word, in order.
    fn keyword_values(
        &self,
        text: &[u8],
        ctx: &Context,
        tokens: &TokenRules,
        hits: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        if hits.is_empty() {
            return;
        }
        // As a left-to-right scan would: matches never overlap.
        let mut done = 0;
        for &(hit, word_index) in hits {
            if hit < done {
                continue;
            }
            // A value is looked for within a window, not to the end of a line
            // that may be megabytes long.
            let line_end = crate::redact::scan::line_end_near(text, hit);
            let back: &[(usize, &[u8])] = if KEYWORD_WORDS[word_index] == "key" {
                &KEY_WORD_BACK
            } else {
                &[(0, b"")]
            };
            let found = back.iter().find_map(|&(b, word)| {
                let p = hit.checked_sub(b)?;
                let found = p >= done
                    && text[p..].len() >= word.len()
                    && text[p..p + word.len()].eq_ignore_ascii_case(word)
                    && word_starts_at(text, p)
                    // Most hits (`Undefined array key`) fail: the DFA says so
                    // before the slower search for the groups runs.
                    && self.keyword_value.is_match(&text[p..line_end]);
                if !found {
                    return None;
                }
                Some((p, self.keyword_value.captures(&text[p..line_end])?))
            });
            let Some((off, groups)) = found else {
                continue;
            };
            // The word is itself a value (`vault kv get -field=password
            // secret/db`, `type=password`): no label of what follows.
            if off > 0 && text[off - 1] == b'=' {
                continue;
            }
            let group = |i| {
                groups
                    .get(i)
                    .map(|g| off + g.start()..off + g.end())
                    .unwrap()
            };
            done = group(0).end;
            let word = text[group(1)].to_ascii_lowercase();
            // A quoted value may be as short as four characters; a bare one is six or more.
            let m = group(2);
            // The value opened with a quote: "the password is 'blooberry'".
            let opened = text[..m.start].ends_with(b"'")
                || [
                    b"\"".as_slice(),
                    "«".as_bytes(),
                    "“".as_bytes(),
                    "‘".as_bytes(),
                ]
                .iter()
                .any(|q| text[..m.start].ends_with(q));
            let mut m = m;
            // `Mistral key <smpOy…>`: the key in angle brackets.
            if text[m.clone()].starts_with(b"<")
                && let Some(close) = memchr::memchr(b'>', &text[m.clone()])
            {
                m = m.start + 1..m.start + close;
            }
            // `api_key = Str::random(40)`: code that makes one.
            if crate::redact::values::is_call(text, m.start) {
                continue;
            }
            // `Set-Variable -Name password -Value …`: the next option of a
            // command, not a value.
            // `{{ password }}</x>`: what closes the syntax around the word.
            // A link (`--ask-password https://…`) is what the command works
            // on; a password inside one is the URL rules'.
            if is_option_word(text, m.start)
                || matches!(text[m.start], b'}' | b')' | b']')
                || opens_call(&text[m.clone()])
                || memchr::memmem::find(&text[m.clone()], b"://").is_some()
            {
                continue;
            }
            let value = trim_trailing_punct(&text[m.clone()]);
            let start = m.start;
            let end = start + value.len();
            if tokens.matches_whole(value) {
                continue;
            }
            let is_password = !matches!(word.as_slice(), b"secret" | b"token" | b"key")
                && !word.ends_with(b"key");
            // `pass` alone is a verb as often: only in a user and password
            // pair (`user webmaster, pass periwinkle`).
            let paired = word == b"pass" && {
                let lead = &text[group(1).start.saturating_sub(48)..group(1).start];
                let line = memchr::memrchr(b'\n', lead).map_or(lead, |p| &lead[p + 1..]);
                let line = line.to_ascii_lowercase();
                memchr::memmem::rfind(&line, b"user").is_some_and(|u| {
                    line[u..]
                        .iter()
                        .any(|&b| b == b',' || b == b';' || b == b'/')
                })
            };
            if word == b"pass" && !paired {
                continue;
            }
            // "the password is 'blooberry'": a quoted word after a password
            // word is the password, however plain.
            let quoted = opened
                && text
                    .get(m.start + value.len())
                    .is_some_and(|b| !b.is_ascii_alphanumeric());
            // "la contraseña es lingonberry": a plain word that ends the
            // sentence, and says nothing about the password, is it.
            // ("password combination." joins no value to its noun.)
            let joined = text[group(1).end..m.start]
                .iter()
                .any(|b| !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\''));
            // Words joined into a passphrase count as one: `quokka.obsidian`.
            let words_only = value
                .split(|b| matches!(b, b'.' | b'-' | b'_' | b'+'))
                .all(|w| !w.is_empty() && w.iter().all(|b| b.is_ascii_alphabetic() || *b >= 0x80));
            let plain_ending = (joined || paired)
                && crate::redact::commands::ends_clause(text, end)
                && words_only
                && !is_non_value(value)
                && !crate::redact::secret_words::is_password_status_word(value);
            let ok = if is_password {
                looks_password(value) || (quoted && !is_non_value(value)) || plain_ending
            } else if value.len() < 6 {
                false
            } else {
                looks_generated(value)
            };
            if !ok {
                continue;
            }
            let kind = if is_password {
                Kind::Password
            } else if word.starts_with(b"secret") || word == b"secret" {
                Kind::Secret
            } else if word == b"token" {
                Kind::Token
            } else {
                ctx.provider_at(start).unwrap_or(Kind::ApiKey)
            };
            out.push(Candidate::new(
                start,
                end,
                kind,
                "keyword-value",
                Priority::Heuristic,
            ));
        }
    }

    fn app_passwords(&self, text: &[u8], gated: &[Range<usize>], out: &mut Vec<Candidate>) {
        let mut push = |m: Range<usize>| {
            if is_app_password(&text[m.clone()]) {
                out.push(Candidate::new(
                    m.start,
                    m.end,
                    Kind::WpAppPassword,
                    "wp-application-password",
                    Priority::Structural,
                ));
            }
        };
        matches_in(&self.app_password, text, gated, &mut push);
        // `wp user application-password create … --porcelain` prints the
        // password alone on the next line: that line, when it holds nothing else.
        for l in gated {
            if l.end >= text.len() {
                continue;
            }
            let next = crate::redact::gate::line_around(text, l.end + 1);
            let line = &text[next.clone()];
            let body = line.trim_ascii();
            if body.len() == 29 && self.app_password.is_match(body) {
                let start = next.start + (line.len() - line.trim_ascii_start().len());
                push(start..start + 29);
            }
        }
    }

    /// PEM private keys: the body goes, the BEGIN/END lines stay so the reader
    /// knows a key was there. `open` carries a block still open at the end of
    /// the previous chunk of a stream and is left set when one is still open at the end.
    pub fn pem_blocks(
        &self,
        lines: &Lines<'_>,
        open: &mut Option<Vec<u8>>,
        out: &mut Vec<Candidate>,
    ) {
        let text = lines.text;
        let mut from = 0usize;
        if let Some(identity) = open.take() {
            match find_pem_end(text, 0).filter(|&end| only_body_before(text, 0, end)) {
                Some(end_marker) => {
                    let body_end = body_end_before(lines, end_marker);
                    push_body(out, 0, body_end, identity);
                    from = end_marker;
                }
                None => match unterminated_body_end(text, 0) {
                    Some(body_end) => {
                        push_body(out, 0, body_end, identity);
                        from = body_end;
                    }
                    None => {
                        push_body(out, 0, text.len(), identity.clone());
                        *open = Some(identity);
                        return;
                    }
                },
            }
        }
        // Every match holds this: most texts are spared the pattern's compiling.
        let Some(first) = memchr::memmem::find(&text[from..], b"-----BEGIN ") else {
            return;
        };
        from += first;
        while let Some(m) = self.pem_begin.find_at(text, from) {
            let header_end = m.end();
            let line_end = lines.line_end_at(m.start());
            // JSON-escaped or single-line: BEGIN ... END on one line.
            if let Some(end_marker) = find_pem_end(&text[..line_end], header_end) {
                let identity = text[header_end..end_marker].to_vec();
                push_body(out, header_end, end_marker, identity);
                from = end_marker;
                continue;
            }
            // After the line's `\n` (`line_end` stops before a `\r\n`).
            let body_start = next_line_start(text, line_end);
            if body_start >= text.len() {
                *open = Some(m.as_bytes().to_vec());
                return;
            }
            let first_line_end = lines.line_end_at(body_start);
            let identity = text[body_start..first_line_end].to_vec();
            let rest = next_line_start(text, first_line_end);
            // An END far below, past lines no key holds, closes another
            // block (or none): this one is read as cut off.
            match find_pem_end(text, body_start).filter(|&end| only_body_before(text, rest, end)) {
                Some(end_marker) => {
                    let body_end = body_end_before(lines, end_marker);
                    push_body(out, body_start, body_end, identity);
                    from = end_marker;
                }
                None => {
                    // The first line is taken whatever it holds: a pasted
                    // key may be cut anywhere.
                    match unterminated_body_end(text, rest) {
                        Some(body_end) => {
                            push_body(out, body_start, body_end.max(first_line_end), identity);
                            from = body_end.max(first_line_end);
                        }
                        None => {
                            push_body(out, body_start, text.len(), identity.clone());
                            *open = Some(identity);
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Where the line after the one ending at `line_end` starts (past its
/// `\r\n` or `\n`), or the text's end.
fn next_line_start(text: &[u8], line_end: usize) -> usize {
    memchr::memchr(b'\n', &text[line_end.min(text.len())..])
        .map_or(text.len(), |p| line_end + p + 1)
}

/// A key pasted without its END line: the body runs over the lines that
/// look like one (see [`may_be_body_line`]; a blank ends it) and stops at
/// the first that does not, so the rest of the evidence is not taken
/// with it. `None`: every line to the end of `text` looked like body.
fn unterminated_body_end(text: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    let mut end = from.saturating_sub(1).max(from.min(text.len()));
    let mut after_header = false;
    while at < text.len() {
        let line_end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |p| at + p);
        // A cut key ends at a blank, unless its headers end there.
        let line = &text[at..line_end];
        let blank = line.trim_ascii().is_empty();
        if (blank && !after_header) || (!blank && !may_be_body_line(line)) {
            return Some(end);
        }
        after_header = is_key_header(line);
        end = line_end;
        at = line_end + 1;
    }
    None
}

/// Whether every line from `from` to the one holding `end_marker` may be
/// part of a key's body: base64 (after a log's stamp, or inside a string
/// of code: `"MIIEvQ…\n" +`), a header (`Proc-Type:`, an armour's
/// `Comment:`) or a blank. Stops at the first line that may not.
fn only_body_before(text: &[u8], from: usize, end_marker: usize) -> bool {
    let until = memchr::memrchr(b'\n', &text[..end_marker]).map_or(0, |p| p + 1);
    let mut at = from;
    while at < until {
        let line_end = memchr::memchr(b'\n', &text[at..until]).map_or(until, |p| at + p);
        if !may_be_body_line(&text[at..line_end]) {
            return false;
        }
        at = line_end + 1;
    }
    true
}

/// A header of a key (`Proc-Type: 4,ENCRYPTED`) or of an armour
/// (`Comment: …`); a log's `status: ok` is none.
fn is_key_header(line: &[u8]) -> bool {
    const HEADERS: &[&[u8]] = &[
        b"Proc-Type: ",
        b"DEK-Info: ",
        b"Comment: ",
        b"Version: ",
        b"Hash: ",
        b"Charset: ",
    ];
    let line = line.trim_ascii();
    HEADERS.iter().any(|h| line.starts_with(h))
}

fn may_be_body_line(line: &[u8]) -> bool {
    if is_key_header(line) {
        return true;
    }
    let mut line = line.trim_ascii();
    // A log's stamp before each line (`2025-02-28T06:16:10Z aEqV…`).
    if let Some(space) = line.iter().rposition(|b| matches!(b, b' ' | b'\t')) {
        let stamp = line[..space].trim_ascii();
        if stamp
            .first()
            .is_some_and(|b| b.is_ascii_digit() || *b == b'[')
            && !stamp.iter().any(|b| matches!(b, b' ' | b'\t'))
        {
            line = &line[space + 1..];
        }
    }
    // The quotes, escapes and joins of a key written as a string of code.
    while let Some((&last, rest)) = line.split_last() {
        if matches!(last, b'"' | b'\'' | b'+' | b',' | b';' | b' ' | b'\t') {
            line = rest;
        } else if let Some(rest) = line.strip_suffix(b"\\n") {
            line = rest;
        } else {
            break;
        }
    }
    while let Some((&first, rest)) = line.split_first() {
        if matches!(first, b'"' | b'\'' | b'+' | b' ' | b'\t') {
            line = rest;
        } else {
            break;
        }
    }
    line.iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

fn find_pem_end(text: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(&text[from..], b"-----END ").map(|p| from + p)
}

/// The body stops at the end of the line before the END marker, or right
/// before the marker when it shares a line with the body.
fn body_end_before(lines: &Lines<'_>, end_marker: usize) -> usize {
    let line_start = lines.line_start_at(end_marker);
    if line_start == end_marker {
        end_marker.saturating_sub(1)
    } else {
        end_marker
    }
}

fn push_body(out: &mut Vec<Candidate>, start: usize, end: usize, identity: Vec<u8>) {
    if start < end {
        let mut c = Candidate::new(
            start,
            end,
            Kind::PrivateKey,
            "pem-private-key",
            Priority::Token,
        );
        c.identity = Some(identity);
        out.push(c);
    }
}

/// A word starts at `p`, as the regex `\b` before the keyword said: the byte
/// before (if any) is not an ASCII letter, digit or underscore.
fn word_starts_at(text: &[u8], p: usize) -> bool {
    p == 0 || !(text[p - 1].is_ascii_alphanumeric() || text[p - 1] == b'_')
}

/// A key alone on its line just below a provider's name (`for Mistral we
/// use` then the key, `Cohere:` then the key indented): most AI keys carry
/// no prefix, and this is how people paste them.
pub(crate) fn keys_below_providers(
    lines: &Lines<'_>,
    ctx: &Context,
    tokens: &TokenRules,
    out: &mut Vec<Candidate>,
) {
    let text = lines.text;
    let is_key = |value: &[u8]| {
        (24..=128).contains(&value.len())
            && value
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
            && looks_generated(value)
            && !tokens.matches_whole(value)
            && !crate::redact::is_public_id(value)
            && !is_uuid_or_digest(value)
    };
    let mut push = |start: usize, end: usize, lines_back: usize, rule: &'static str| {
        if let Some(kind) = ctx.provider_just_before(start, lines_back) {
            out.push(Candidate::new(start, end, kind, rule, Priority::Heuristic));
        }
    };
    let mentioned = ctx.mention_lines();
    // `our Cohere one is <…>`: a key in angle brackets after the name.
    for &n in &mentioned {
        let line = lines.line_range(n);
        for open in memchr::memchr_iter(b'<', &text[line.clone()]) {
            let start = line.start + open + 1;
            let Some(close) = memchr::memchr(b'>', &text[start..line.end]) else {
                continue;
            };
            if is_key(&text[start..start + close]) {
                push(start, start + close, 0, "key-beside-provider");
            }
        }
    }
    // Only the two lines below each mention can hold a key alone on its line.
    let mut below: Vec<usize> = mentioned
        .into_iter()
        .flat_map(|l| [l + 1, l + 2])
        .filter(|&l| l < lines.count())
        .collect();
    below.dedup();
    for n in below {
        let line = lines.line_range(n);
        let raw = &text[line.clone()];
        let value = raw.trim_ascii();
        if is_key(value) {
            let start = line.start + (raw.len() - raw.trim_ascii_start().len());
            push(start, start + value.len(), 2, "key-below-provider");
        }
    }
}

/// A request id or a commit printed below a provider's name is no key.
fn is_uuid_or_digest(v: &[u8]) -> bool {
    let hex = v.iter().all(u8::is_ascii_hexdigit);
    (hex && matches!(v.len(), 40 | 64))
        || (v.len() == 36
            && v.iter().enumerate().all(|(i, &b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_hexdigit(),
            }))
}

fn trim_trailing_punct(v: &[u8]) -> &[u8] {
    let mut end = v.len();
    while end > 0 && matches!(v[end - 1], b'.' | b'!' | b'?' | b':' | b']' | b'}') {
        end -= 1;
    }
    &v[..end]
}

/// Splits PHP call arguments as printed in a trace; returns (start, end, quoted).
fn split_php_args(text: &[u8], open: usize, line_end: usize) -> Vec<(usize, usize, bool)> {
    let mut args = Vec::new();
    let mut i = open;
    let mut depth = 0usize;
    let mut arg_start = open;
    while i < line_end {
        match text[i] {
            b'\'' | b'"' if depth == 0 => {
                let q = text[i];
                let s = i + 1;
                let mut j = s;
                while j < line_end && text[j] != q {
                    if text[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                let e = j.min(line_end);
                args.push((s, e, true));
                i = j + 1;
                // Skip to the next separator.
                while i < line_end && !matches!(text[i], b',' | b')') {
                    i += 1;
                }
                if i < line_end && text[i] == b')' {
                    return args;
                }
                i += 1;
                arg_start = i;
                continue;
            }
            b'(' => depth += 1,
            b')' if depth == 0 => {
                if i > arg_start && text[arg_start..i].iter().any(|b| !b.is_ascii_whitespace()) {
                    args.push((arg_start, i, false));
                }
                return args;
            }
            b')' => depth -= 1,
            b',' if depth == 0 => {
                args.push((arg_start, i, false));
                arg_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    args
}

/// `(ConvertTo-SecureString "…" …)`, `(Get-Secret`: a call opening in
/// parentheses after a password word, its arguments after a blank, is an
/// expression; `(Hunter2)`, closed in one word, is a value in brackets.
fn opens_call(value: &[u8]) -> bool {
    value.first() == Some(&b'(')
        && value.get(1).is_some_and(u8::is_ascii_alphabetic)
        && !value.contains(&b')')
}

/// Whether an option's name (`-Value`, `--force`) starts at `at`: dashes,
/// then letters and inner dashes up to a blank, an `=` or the line's end.
fn is_option_word(text: &[u8], at: usize) -> bool {
    let dashes = text[at..].iter().take_while(|&&b| b == b'-').count();
    let name = &text[at + dashes..];
    let len = name
        .iter()
        .take_while(|&&b| b.is_ascii_alphabetic() || b == b'-')
        .count();
    (1..=2).contains(&dashes)
        && name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .get(len)
            .is_none_or(|&b| matches!(b, b' ' | b'\t' | b'=' | b'\r' | b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_pasted_with_windows_line_ends() {
        let body = [
            "MIIEowIBAAKCAQEAx7Hq2ZkQ9Vd3Lw5Xw8ZpQ",
            "Zr0Tq8vYw3LmNc5Kp2XbS9dFg",
        ];
        for tail in [
            "-----END RSA PRIVATE KEY-----\r\n",
            "then the log goes on\r\n",
            "",
        ] {
            let text = format!(
                "-----BEGIN RSA PRIVATE KEY-----\r\n{}\r\n{}\r\n{tail}",
                body[0], body[1]
            );
            let out = crate::redact::redacted(&text);
            for line in body {
                assert!(!out.contains(line), "{text:?} -> {out:?}");
            }
            assert!(out.ends_with(tail), "{out:?}");
        }
    }

    #[test]
    fn phpredis_auth_with_an_acl_user_gives_the_password_not_the_user() {
        for (text, password, user) in [
            (
                "$redis->auth(['cache', 'Persimmon-4q']);",
                "Persimmon-4q",
                "cache",
            ),
            (
                "$this->redis->auth( array( 'default', 'Yuzu!Bay22' ) );",
                "Yuzu!Bay22",
                "default",
            ),
        ] {
            let out = crate::redact::redacted(text);
            assert!(!out.contains(password), "{text} -> {out}");
            assert!(out.contains(user), "{text} -> {out}");
        }
        let out = crate::redact::redacted("$redis->auth('Persimmon-4q');");
        assert!(!out.contains("Persimmon-4q"), "{out}");
    }

    #[test]
    fn php_args() {
        let s = b"mysqli_real_connect(Object(mysqli), '127.0.0.1', 'u', 'p,w', NULL)";
        let open = s.iter().position(|&b| b == b'(').unwrap() + 1;
        let args = split_php_args(s, open, s.len());
        let texts: Vec<&[u8]> = args.iter().map(|&(a, b, _)| &s[a..b]).collect();
        assert_eq!(texts[1], b"127.0.0.1");
        assert_eq!(texts[3], b"p,w");
        assert!(args[3].2);
    }
}
