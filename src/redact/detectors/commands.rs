//! Credentials on command lines and in protocol transcripts: `sshpass -p`,
//! `lftp -u user,pass`, `mysql -pPASS`, PowerShell's `ConvertTo-SecureString`, SQL `IDENTIFIED BY`, SMTP `AUTH PLAIN`
//! and the password line of `AUTH LOGIN`, "log in as `user` / `pass`", an AWS
//! access key id with its secret beside it, and "password for the portal: X"
//! in the languages customers write in.

use std::ops::Range;

use super::{by_variable, password_options, signing_keys};
use crate::redact::engines::Groups;

use crate::redact::Kind;
use crate::redact::gate::{GateWords, captures_in};
use crate::redact::scan::{Candidate, Lines, Priority, SearchedPattern, compile_searched};
use crate::redact::values::{is_non_value, looks_password};

pub(crate) struct CommandRules {
    sshpass: SearchedPattern,
    lftp: SearchedPattern,
    mysql: SearchedPattern,
    secure_string: SearchedPattern,
    identified_by: SearchedPattern,
    auth_plain: SearchedPattern,
    login_pair: SearchedPattern,
    labelled_password: SearchedPattern,
}

/// How many gate groups [`gate_words`] returns.
pub(crate) const GATE_GROUPS: usize = 5;
const COMMAND_GATE: usize = 0;
const PASSWORD_WORD_GATE: usize = 1;
/// Hits, not lines: see [`CommandRules::detect`].
pub(crate) const PROGRAM_GATE: usize = 2;
const LONG_OPTION_GATE: usize = 3;
const SIGNING_GATE: usize = 4;

pub(crate) fn gate_words() -> Vec<GateWords<'static>> {
    vec![
        GateWords {
            words: &[
                "sshpass",
                "lftp",
                "mysql",
                "identified",
                "auth plain",
                "log in",
                "login",
                "logon",
                "log-in",
                "sign in",
                "sign-in",
                "signin",
                "creds",
                "credential",
                "AKIA",
                "ASIA",
                "ConvertTo-SecureString",
            ],
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: crate::redact::secret_words::PASSWORD_NOUNS,
            case_insensitive: true,
            word_start: true,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: &password_options::PROGRAMS,
            case_insensitive: false,
            word_start: true,
            word_end: true,
            positions: true,
        },
        GateWords {
            words: password_options::LONG_OPTION_WORDS,
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
        GateWords {
            words: signing_keys::GATE_WORDS,
            case_insensitive: true,
            word_start: false,
            word_end: false,
            positions: false,
        },
    ]
}

/// A quoted or bare argument: groups 1 to 3 of the patterns below.
const ARG: &str = r#"(?:'([^'\n]*)'|"([^"\n]*)"|([^ \t\r\n'"]+))"#;

impl CommandRules {
    pub fn new() -> Self {
        CommandRules {
            sshpass: compile_searched(&format!(
                r"\bsshpass(?:[ \t]+-[a-zA-Z])*?[ \t]+-p[ \t]*{ARG}"
            )),
            lftp: compile_searched(&format!(
                r#"\blftp\b[^\n]*?[ \t]-u[ \t]+['"]?[^ \t,'"\n]+['"]?,{ARG}"#
            )),
            // `-p` glued to its value; `-p` alone makes mysql ask for it.
            mysql: compile_searched(
                r#"\bmysql(?:dump|admin|check|import)?\b[^\n]*?[ \t]-p(?:'([^'\n]*)'|"([^"\n]*)"|([^ \t\r\n'"\-][^ \t\r\n'"]*))"#,
            ),
            // PowerShell turns a password typed in the script into a secure string.
            secure_string: compile_searched(&format!(
                r"(?i)\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?{ARG}"
            )),
            identified_by: compile_searched(
                r"(?i)\bidentified(?:[ \t]+with[ \t]+\w+)?[ \t]+by[ \t]+(?:password[ \t]+)?'([^'\n]+)'",
            ),
            auth_plain: compile_searched(r"\bAUTH[ \t]+PLAIN[ \t]+([A-Za-z0-9+/]{8,}={0,2})"),
            // Quoted (`'admin' / 'pw'`), or bare (`admin / cardamom`).
            login_pair: compile_searched(
                r#"(?i)\b(?:log(?:[ \t\-]?in|on)|sign[ \t\-]?in|creds|credentials?)\b[^\n]{0,60}?(?:[`'"][^`'"\s]+[`'"][ \t]*/[ \t]*[`'"]([^`'"\s]+)[`'"]|[ \t][^`'"\s/]+[ \t]+/[ \t]+([^`'"\s/]+))"#,
            ),
            labelled_password: compile_searched(&format!(
                r"(?i)\b(?:{})\b(?:[ \t]+[\p{{L}}'’.\-]+){{0,5}}?[ \t]*:[ \t]*([^\s]{{6,}})",
                crate::redact::secret_words::password_noun_alternation()
            )),
        }
    }

    /// `gated`: the lines of this block found for the groups of [`gate_words`].
    /// `program_hits`: where the gate found a program of
    /// [`password_options::PROGRAMS`], as (start, index).
    pub fn detect(
        &self,
        lines: &Lines<'_>,
        gated: &[Vec<Range<usize>>],
        program_hits: &[(usize, usize)],
        out: &mut Vec<Candidate>,
    ) {
        let text = lines.text;
        let commands = &gated[COMMAND_GATE];
        let mut push = |start: usize, end: usize, kind: Kind, rule: &'static str| {
            if start < end && !is_non_value(&text[start..end]) {
                out.push(Candidate::new(start, end, kind, rule, Priority::Structural));
            }
        };
        // `mysql -p"$DB_PW"`: the password is what the variable was given.
        let mut references = Vec::new();
        for (re, rule) in [
            (&self.sshpass, "sshpass-password"),
            (&self.lftp, "lftp-password"),
            (&self.mysql, "mysql-password"),
            (&self.secure_string, "powershell-secure-string"),
        ] {
            captures_in(re, text, commands, |c, off| {
                if let Some(m) = argument(c) {
                    let value = off + m.start..off + m.end;
                    match by_variable::dollar_variable_in(text, value.clone()) {
                        Some(name) => references.push(by_variable::Reference {
                            name,
                            kind: Kind::Password,
                        }),
                        None => push(value.start, value.end, Kind::Password, rule),
                    }
                }
            });
        }
        captures_in(&self.identified_by, text, commands, |c, off| {
            let m = c.get(1).unwrap();
            push(
                off + m.start(),
                off + m.end(),
                Kind::Password,
                "sql-identified-by",
            );
        });
        captures_in(&self.auth_plain, text, commands, |c, off| {
            let m = c.get(1).unwrap();
            push(
                off + m.start(),
                off + m.end(),
                Kind::BasicAuth,
                "smtp-auth-plain",
            );
        });
        captures_in(&self.login_pair, text, commands, |c, off| {
            if let Some(m) = c.get(1) {
                if looks_password(m.as_bytes()) {
                    push(off + m.start(), off + m.end(), Kind::Password, "login-pair");
                }
                return;
            }
            // Bare: a password has a digit or a symbol, or is a lowercase
            // word that ends the sentence and names no field
            // (`log in with email / password`, `with Google / Apple`).
            let m = c.get(2).unwrap();
            let v = trim_end_punct(m.as_bytes());
            let end = off + m.start() + v.len();
            const FIELD_WORDS: &[&[u8]] = &[
                b"username",
                b"user",
                b"email",
                b"e-mail",
                b"password",
                b"pass",
                b"login",
                b"phone",
                b"account",
                b"name",
                b"pin",
                b"code",
            ];
            let has_mark = v
                .iter()
                .any(|b| b.is_ascii_digit() || b.is_ascii_punctuation());
            let plain = (is_lowercase_word(v) || is_passphrase(v))
                && ends_clause(text, end)
                && !FIELD_WORDS.contains(&v);
            // `the credentials / tokens / keys`: a list, not a pair.
            let listed = in_slash_list(text, off + m.start());
            if ((has_mark && looks_password(v)) || plain) && !listed {
                push(off + m.start(), end, Kind::Password, "login-pair");
            }
        });
        captures_in(
            &self.labelled_password,
            text,
            &gated[PASSWORD_WORD_GATE],
            |c, off| {
                let m = c.get(1).unwrap();
                // `"Password:",`: a label closing the string it opened.
                let opened = (off + c.get(0).unwrap().start()).checked_sub(1);
                if opened
                    .is_some_and(|o| matches!(text[o], b'"' | b'\'') && m.as_bytes()[0] == text[o])
                {
                    return;
                }
                let v = trim_end_punct(m.as_bytes());
                let ends_clause = ends_clause(text, off + m.start() + v.len());
                let plain = ends_clause
                    && v.iter().all(|b| b.is_ascii_alphabetic() || *b >= 0x80)
                    && !crate::redact::secret_words::is_password_status_word(v);
                if (looks_password(v) || plain)
                    && !looks_like_time_or_link(v)
                    && !crate::redact::values::is_non_value(v)
                {
                    out.push(Candidate::new(
                        off + m.start(),
                        off + m.start() + v.len(),
                        Kind::Password,
                        "labelled-password",
                        Priority::Heuristic,
                    ));
                }
            },
        );
        crate::redact::prompts::detect(text, &gated[PASSWORD_WORD_GATE], out);
        signing_keys::detect(text, &gated[SIGNING_GATE], out);
        smtp_login_passwords(lines, out);
        by_variable::detect(text, &references, out);
        password_options::detect(lines, program_hits, out);
        password_options::long_options(text, &gated[LONG_OPTION_GATE], out);
    }
}

/// Nothing but the end of a sentence follows `at` on its line, or the next
/// sentence does: the word before is all the sentence says (`wachtwoord:
/// quokka`), not the start of more prose (`password: required for login`).
pub(crate) fn ends_clause(text: &[u8], at: usize) -> bool {
    let line_end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |p| at + p);
    let rest = text[at..line_end].trim_ascii();
    // A full stop, then the next sentence: `admin / glühwein. Then retry`.
    let next_sentence =
        matches!(rest, [b'.' | b'!' | b'?', b' ', next, ..] if next.is_ascii_uppercase());
    rest.is_empty()
        || next_sentence
        || rest.starts_with(b"(")
        || rest.starts_with(b"--")
        || rest.starts_with("—".as_bytes())
        || (rest.len() <= 2 && rest.iter().all(u8::is_ascii_punctuation))
}

/// A word of four letters or more, all lowercase, in any script
/// (`cardamom`, `glühwein`).
fn is_lowercase_word(v: &[u8]) -> bool {
    std::str::from_utf8(v).is_ok_and(|w| {
        w.chars().count() >= 4 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    })
}

/// Three lowercase words or more joined by `_` or `-`, as passphrase
/// generators write them (`correct-horse-battery`, `oak_tulip_saffron`).
fn is_passphrase(v: &[u8]) -> bool {
    let Some(&joiner) = v.iter().find(|b| matches!(b, b'_' | b'-')) else {
        return false;
    };
    let words: Vec<&[u8]> = v.split(|&b| b == joiner).collect();
    words.len() >= 3
        && words
            .iter()
            .all(|w| is_lowercase_word(w) || (w.len() == 3 && w.iter().all(u8::is_ascii_lowercase)))
}

/// Whether the word before the `/` that ends at `value_start` follows a `/`
/// of its own: the pair is the end of a list (`a / b / c`).
fn in_slash_list(text: &[u8], value_start: usize) -> bool {
    let before = text[..value_start].trim_ascii_end();
    let Some(before) = before.strip_suffix(b"/") else {
        return false;
    };
    let before = before.trim_ascii_end();
    let word_start = before
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |p| p + 1);
    before[..word_start].trim_ascii_end().ends_with(b"/")
}

/// The argument of a command-line pattern, quotes excluded.
fn argument(c: &Groups<'_>) -> Option<Range<usize>> {
    let m = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?;
    Some(m.start()..m.end())
}

fn trim_end_punct(v: &[u8]) -> &[u8] {
    let mut end = v.len();
    while end > 0 && matches!(v[end - 1], b'.' | b',' | b';' | b')' | b'"' | b'\'') {
        end -= 1;
    }
    &v[..end]
}

/// "Password reset: 2024-06-01 10:00", "password: https://…/lost-password",
/// "password check failed: SOPH-E1042": a time, a link or an error code.
fn looks_like_time_or_link(v: &[u8]) -> bool {
    let error_code = v.iter().filter(|&&b| b == b'-').count() == 1
        && v.iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    error_code
        || v.iter().all(|&b| {
            b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b'/' | b'T' | b'Z' | b'+')
        })
        || memchr::memmem::find(v, b"://").is_some()
        || v.starts_with(b"/")
}

/// SMTP `AUTH LOGIN`: after the server's base64 "Password:" prompt, the
/// client's next line is the password, base64-encoded.
fn smtp_login_passwords(lines: &Lines<'_>, out: &mut Vec<Candidate>) {
    let text = lines.text;
    for p in memchr::memmem::find_iter(text, b"334 UGFzc3dvcmQ6") {
        let n = lines.line_of(p);
        if n + 1 >= lines.count() {
            continue;
        }
        let next = lines.line_range(n + 1);
        let line = &text[next.clone()];
        let token_start = line
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let token = &line[token_start..];
        let base64 = token.len() >= 4
            && token
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        if base64 && memchr::memmem::find(line, b"SERVER -> CLIENT").is_none() {
            out.push(Candidate::new(
                next.start + token_start,
                next.end,
                Kind::Password,
                "smtp-auth-login",
                Priority::Structural,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::redact::redacted;

    #[test]
    fn a_user_and_password_given_together_lose_the_password() {
        for (line, password) in [
            ("login with admin / glühwein", "glühwein"),
            ("log-in with support / fjällräven", "fjällräven"),
            ("sign in with shop / Mandel-Kuchen9", "Mandel-Kuchen9"),
            ("Sign-in with editor / hortelã", "hortelã"),
            (
                "creds for staging: deploy / Kaffee#Maschine",
                "Kaffee#Maschine",
            ),
            ("credentials: manager / t0mate-s0up", "t0mate-s0up"),
            (
                "she said: login with admin / glühwein. Then it failed",
                "glühwein",
            ),
            ("login with ops / anchor-walnut-tide", "anchor-walnut-tide"),
            (
                "log in as editor / fern_quartz_meadow_lark",
                "fern_quartz_meadow_lark",
            ),
        ] {
            let out = redacted(line);
            assert!(!out.contains(password), "{line} -> {out}");
            assert!(out.contains("[PASSWORD_1]"), "{line} -> {out}");
        }
    }

    #[test]
    fn words_listed_with_slashes_or_naming_fields_are_not_a_pair() {
        for line in [
            "rotate the credentials / tokens / keys",
            "log in with email / password",
            "sign in with Google / Apple",
            "credentials: username / password",
            "the login / signup / checkout pages",
            "sign in with email / magic-link",
        ] {
            assert_eq!(redacted(line), line);
        }
    }
}
