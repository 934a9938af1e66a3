//! Passwords given to a command as an option's argument, after a blank:
//! the options each program reads a password from (`redis-cli -a …`,
//! `docker login -p …`, `ldapsearch -w …`, `7z -p…`, `smbclient -U user%…`),
//! and any long option named as a credential (`--password …`,
//! `--db-pass …`, `--api-token …`). Written `--option=value`, a field's
//! rules read them already.

use std::ops::Range;
use std::sync::LazyLock;

use crate::redact::Kind;
use crate::redact::keys::{FieldClass, classify};
use crate::redact::scan::{Candidate, Lines, Priority};
use crate::redact::values::is_non_value;

/// Where an option's password is.
#[derive(Clone, Copy)]
enum Form {
    /// The next argument: `-a secret`.
    Next,
    /// Glued to the option: `-psecret`.
    Glued,
    /// The next argument after its first `sep`: `-U user%secret`.
    After(u8),
}

/// A program's option that takes a password, read only after `subcommand`
/// where one is named (`docker run -p 8080:80` publishes a port).
struct PasswordOption {
    programs: &'static [&'static str],
    subcommand: Option<&'static str>,
    option: &'static str,
    form: Form,
}

const fn option(
    programs: &'static [&'static str],
    subcommand: Option<&'static str>,
    option: &'static str,
    form: Form,
) -> PasswordOption {
    PasswordOption {
        programs,
        subcommand,
        option,
        form,
    }
}

const REGISTRY_CLIENTS: &[&str] = &["docker", "podman", "nerdctl", "buildah", "helm", "skopeo"];
const MONGO_TOOLS: &[&str] = &[
    "mongo",
    "mongosh",
    "mongodump",
    "mongorestore",
    "mongoexport",
    "mongoimport",
];
const LDAP_TOOLS: &[&str] = &[
    "ldapsearch",
    "ldapmodify",
    "ldapadd",
    "ldapdelete",
    "ldapwhoami",
    "ldappasswd",
];

const OPTIONS: &[PasswordOption] = &[
    option(&["redis-cli"], None, "-a", Form::Next),
    option(&["redis-cli"], None, "--pass", Form::Next),
    option(REGISTRY_CLIENTS, Some("login"), "-p", Form::Next),
    option(REGISTRY_CLIENTS, Some("login"), "--password", Form::Next),
    option(MONGO_TOOLS, None, "-p", Form::Next),
    option(LDAP_TOOLS, None, "-w", Form::Next),
    option(&["sqlcmd", "bcp"], None, "-P", Form::Next),
    option(&["zip", "unzip"], None, "-P", Form::Next),
    option(&["7z", "7za", "7zr"], None, "-p", Form::Glued),
    option(&["smbclient", "rpcclient"], None, "-U", Form::After(b'%')),
    option(&["http", "https", "xh"], None, "-a", Form::After(b':')),
    option(&["http", "https", "xh"], None, "--auth", Form::After(b':')),
    option(&["ssh-keygen"], None, "-N", Form::Next),
    option(&["ssh-keygen"], None, "-P", Form::Next),
    option(&["gh"], Some("secret"), "--body", Form::Next),
    option(&["gh"], Some("secret"), "-b", Form::Next),
    option(&["xfreerdp", "wlfreerdp"], None, "/p:", Form::Glued),
];

/// Every program [`OPTIONS`] names, each once: the gate's words.
pub(crate) static PROGRAMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut programs: Vec<&str> = OPTIONS.iter().flat_map(|o| o.programs).copied().collect();
    programs.sort_unstable();
    programs.dedup();
    programs
});

/// Where a credential's long option shows, after a dash: the gate's words
/// for [`long_options`] (not the bare words, which JSON and logs hold on
/// every line).
pub(crate) const LONG_OPTION_WORDS: &[&str] = &[
    "-pass", "-pw", "-token", "-secret", "-key", "-api", "-auth", "-cred",
];

/// The arguments of `line` as written, quotes around one excluded: (where
/// the word starts as written, the value inside any quotes).
fn arguments(text: &[u8], line: Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut args = Vec::new();
    let mut i = line.start;
    while i < line.end {
        if text[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let value = match text[i] {
            q @ (b'\'' | b'"') => {
                let close = text[i + 1..line.end]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(line.end, |p| i + 1 + p);
                i = (close + 1).min(line.end);
                start + 1..close
            }
            _ => {
                while i < line.end && !text[i].is_ascii_whitespace() {
                    i += 1;
                }
                start..i
            }
        };
        args.push((start, value));
    }
    args
}

/// Whether `word` runs `program`, by its name or its path.
fn runs(word: &[u8], program: &str) -> bool {
    word == program.as_bytes()
        || word
            .strip_suffix(program.as_bytes())
            .is_some_and(|dir| dir.ends_with(b"/"))
}

/// `hits`: where the gate found a program of [`PROGRAMS`], as (start,
/// index in it), in order.
pub(crate) fn detect(lines: &Lines<'_>, hits: &[(usize, usize)], out: &mut Vec<Candidate>) {
    let text = lines.text;
    let mut done = 0;
    for &(at, p) in hits {
        // A program named in passing (`https://…`, `file.zip`) runs nothing:
        // its word stands alone, a blank or the line's end after it.
        let end = at + PROGRAMS[p].len();
        if at < done || !matches!(text.get(end), None | Some(b' ' | b'\t' | b'\n' | b'\r')) {
            continue;
        }
        let line = lines.line_range(lines.line_of(at));
        done = line.end;
        let args = arguments(text, line);
        for (n, (_, word)) in args.iter().enumerate() {
            let word = &text[word.clone()];
            for o in OPTIONS
                .iter()
                .filter(|o| o.programs.iter().any(|p| runs(word, p)))
            {
                passwords_after(text, o, &args[n + 1..], out);
            }
        }
    }
}

/// The passwords option `o` gives in `rest`, the arguments after its program.
fn passwords_after(
    text: &[u8],
    o: &PasswordOption,
    rest: &[(usize, Range<usize>)],
    out: &mut Vec<Candidate>,
) {
    let from = match o.subcommand {
        None => 0,
        Some(sub) => match rest
            .iter()
            .position(|(_, a)| &text[a.clone()] == sub.as_bytes())
        {
            Some(p) => p + 1,
            None => return,
        },
    };
    for (i, (_, arg)) in rest.iter().enumerate().skip(from) {
        let written = &text[arg.clone()];
        let value = match o.form {
            Form::Glued => written
                .strip_prefix(o.option.as_bytes())
                .filter(|v| !v.is_empty())
                .map(|v| arg.end - v.len()..arg.end),
            Form::Next | Form::After(_) if written == o.option.as_bytes() => {
                rest.get(i + 1).map(|(_, v)| v.clone())
            }
            _ => None,
        };
        let value = match (value, o.form) {
            (Some(v), Form::After(sep)) => {
                memchr::memchr(sep, &text[v.clone()]).map(|p| v.start + p + 1..v.end)
            }
            (v, _) => v,
        };
        if let Some(v) = value {
            push(text, v, Kind::Password, Priority::Structural, out);
        }
    }
}

/// `lines`: those the gate found a word of [`LONG_OPTION_WORDS`] on. An
/// option (`--…`, or `-password` as some tools write it) named as a
/// credential gives the argument after it.
pub(crate) fn long_options(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        let args = arguments(text, line.clone());
        for pair in args.windows(2) {
            let [(_, option), (value_start, value)] = pair else {
                continue;
            };
            let word = &text[option.clone()];
            let Some(name) = word.strip_prefix(b"--").or_else(|| word.strip_prefix(b"-")) else {
                continue;
            };
            let is_name = name.first().is_some_and(u8::is_ascii_alphabetic)
                && name
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
            // The value is an argument of its own, not the next option.
            if !is_name || text[*value_start] == b'-' {
                continue;
            }
            if let Some(FieldClass::Password(kind) | FieldClass::Secret(kind)) = classify(name) {
                // A guess by the option's name: a rule that knows the value's
                // shape (`--token hf_…`) names its kind.
                push(text, value.clone(), kind, Priority::Heuristic, out);
            }
        }
    }
}

fn push(
    text: &[u8],
    value: Range<usize>,
    kind: Kind,
    priority: Priority,
    out: &mut Vec<Candidate>,
) {
    let v = &text[value.clone()];
    // `-p "$DB_PW"` is read by `by_variable`; `<password>` is a blank to fill.
    if v.is_empty() || is_non_value(v) || v.starts_with(b"$") || v.starts_with(b"<") {
        return;
    }
    // Not delimited: a token rule that finds the same value names its kind.
    out.push(Candidate::new(
        value.start,
        value.end,
        kind,
        "password-option",
        priority,
    ));
}

#[cfg(test)]
mod tests {
    use crate::redact::redacted;

    #[test]
    fn each_programs_password_option() {
        for (line, secret) in [
            ("redis-cli -h 10.0.0.5 -a jackfruit9 ping", "jackfruit9"),
            (
                "sudo docker login -u ci -p 'plum tree' registry.example.net",
                "plum tree",
            ),
            ("mongosh --host db -u root -p rhubarb7", "rhubarb7"),
            ("ldapsearch -x -D cn=admin -w 'okra!' -b dc=shop", "okra!"),
            (
                "/opt/mssql-tools/bin/sqlcmd -S db -U sa -P Saffron#2",
                "Saffron#2",
            ),
            ("zip -P turnip5 site.zip wp-config.php", "turnip5"),
            ("7z a -pcelery77 backup.7z public_html", "celery77"),
            ("smbclient //nas/b -U backup%parsnip1", "parsnip1"),
            (
                "http --auth admin:radish42 GET https://shop.example/wp-json/",
                "radish42",
            ),
            ("ssh-keygen -t ed25519 -N 'leek pie' -f deploy", "leek pie"),
            ("gh secret set DB_PASS --body chicory3", "chicory3"),
            ("mysqldump --password hazelnut6 shop", "hazelnut6"),
            (
                "wget --http-password almond8 https://shop.example/b.zip",
                "almond8",
            ),
            ("deploy.sh --db-pass pecan9 --host db", "pecan9"),
            ("deploy.sh --smtp-password 'fig tree' --host db", "fig tree"),
            ("cli --api-token T0k3nValue --verbose", "T0k3nValue"),
            ("tool -password walnut4 -user bob", "walnut4"),
        ] {
            let out = redacted(line);
            assert!(!out.contains(secret), "{line}\n→ {out}");
        }
    }

    #[test]
    fn other_options_stay() {
        for line in [
            "docker run -p 8080:80 wordpress",
            "zip -r site.zip public_html",
            "redis-cli -a \"$REDIS_PW\" ping",
            "mysql -u root -p --password-file /etc/mysql/pw",
            "wp plugin list --skip-plugins --fields=name",
            "php artisan key:generate --show",
            "ssh-keygen -t ed25519 -N '' -f deploy",
        ] {
            assert_eq!(redacted(line), line);
        }
    }
}
