//! Passwords given to a command: as the argument of an option each program
//! reads one from (`redis-cli -a …`, `docker login -p …`, `7z -p…`,
//! `smbclient -U user%…`), as an argument by its place (`htpasswd -b file
//! user …`, `sqlplus user/…@db`), on the program's input (`echo 'u:…' |
//! chpasswd`, `<<< '…'`), and after any long option named as a credential
//! (`--password …`, `--db-pass …`, `--api-token …`). Written
//! `--option=value`, a field's rules read them already.

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
    /// The `n`th argument that is no option nor the value of one of
    /// `valued`, counted from 0 after the subcommand, when the option is
    /// given (alone or among other one-letter flags: `htpasswd -cb file
    /// user secret`) and `unless` is not: `rabbitmqctl add_user user secret`.
    Nth {
        n: usize,
        valued: &'static [&'static str],
        unless: Option<&'static str>,
    },
    /// The argument after the first that opens with the option:
    /// `net use \\host\share secret`.
    AfterOpening,
    /// Every argument written `user/secret@database`: `sqlplus`, `rman`.
    Login,
    /// What a command line pipes into the program (`echo 'secret' | …`,
    /// `… <<< 'secret'`) when the option is given (or always, when there is
    /// none); after its first `sep` if one is named (`user:secret` for
    /// `chpasswd`).
    Input(Option<u8>),
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

const fn nth(n: usize, valued: &'static [&'static str], unless: Option<&'static str>) -> Form {
    Form::Nth { n, valued, unless }
}

/// Programs whose names are words too (`the mc set the mood`): an
/// argument counted by its place is read only where one of them runs.
const WORD_PROGRAMS: &[&str] = &["mc", "net"];

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

const REGISTRY_LOGINS: &[&str] = &[
    "docker", "podman", "nerdctl", "buildah", "helm", "skopeo", "oras", "crane", "regctl",
];
const SNMP_TOOLS: &[&str] = &[
    "snmpwalk",
    "snmpget",
    "snmpset",
    "snmpbulkwalk",
    "snmpbulkget",
    "snmpgetnext",
    "snmptrap",
    "snmptable",
];
const MQTT_CLIENTS: &[&str] = &["mosquitto_pub", "mosquitto_sub", "mosquitto_rr"];
/// Oracle's tools that take `user/password@database` (not the old `exp`
/// and `imp`, whose names prose uses: `exp 01/30`).
const ORACLE_TOOLS: &[&str] = &["sqlplus", "sqlldr", "expdp", "impdp", "rman", "dgmgrl"];
const PSEXEC: &[&str] = &["psexec", "PsExec", "psexec64", "PsExec64", "paexec"];

const OPTIONS: &[PasswordOption] = &[
    option(&["redis-cli"], None, "-a", Form::Next),
    option(&["redis-cli"], None, "--pass", Form::Next),
    option(REGISTRY_CLIENTS, Some("login"), "-p", Form::Next),
    option(REGISTRY_CLIENTS, Some("login"), "--password", Form::Next),
    option(&["az"], Some("login"), "-p", Form::Next),
    option(
        REGISTRY_LOGINS,
        Some("login"),
        "--password-stdin",
        Form::Input(None),
    ),
    option(MONGO_TOOLS, None, "-p", Form::Next),
    option(LDAP_TOOLS, None, "-w", Form::Next),
    option(&["ldappasswd"], None, "-s", Form::Next),
    option(&["ldappasswd"], None, "-a", Form::Next),
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
    // `-b file user secret`, or with `-n` (no file) `-nb user secret`.
    option(&["htpasswd"], None, "-b", nth(2, &["-C", "-r"], Some("-n"))),
    option(&["htpasswd"], None, "-n", nth(1, &["-C", "-r"], None)),
    option(&["htpasswd"], None, "-i", Form::Input(None)),
    option(&["chpasswd"], None, "", Form::Input(Some(b':'))),
    option(&["passwd"], None, "--stdin", Form::Input(None)),
    option(&["smbpasswd"], None, "-s", Form::Input(None)),
    option(&["kinit"], None, "", Form::Input(None)),
    option(&["vault"], Some("login"), "-", Form::Input(None)),
    option(&["rabbitmqctl"], Some("add_user"), "", nth(1, &[], None)),
    option(
        &["rabbitmqctl"],
        Some("change_password"),
        "",
        nth(1, &[], None),
    ),
    option(&["net"], Some("use"), "\\\\", Form::AfterOpening),
    option(&["net"], Some("user"), "", nth(1, &[], None)),
    option(
        &["openssl"],
        Some("passwd"),
        "",
        nth(0, &["-salt", "-in"], None),
    ),
    option(&["openssl"], Some("passwd"), "-stdin", Form::Input(None)),
    option(&["openssl"], None, "-k", Form::Next),
    option(&["mysqladmin"], Some("password"), "", nth(0, &[], None)),
    option(&["schtasks"], None, "/RP", Form::Next),
    option(&["schtasks"], None, "/rp", Form::Next),
    option(PSEXEC, None, "-p", Form::Next),
    option(&["ipmitool"], None, "-P", Form::Next),
    option(SNMP_TOOLS, None, "-A", Form::Next),
    option(SNMP_TOOLS, None, "-X", Form::Next),
    option(SNMP_TOOLS, None, "-c", Form::Next),
    option(MQTT_CLIENTS, None, "-P", Form::Next),
    option(ORACLE_TOOLS, None, "", Form::Login),
    option(&["mc"], Some("set"), "", nth(3, &[], None)),
    option(&["mc"], Some("add"), "", nth(3, &[], None)),
    option(&["wpa_passphrase"], None, "", nth(1, &[], None)),
    option(&["rclone"], Some("config"), "pass", Form::Next),
    option(&["rclone"], Some("config"), "password", Form::Next),
];

/// Every program [`OPTIONS`] names, each once: the gate's words.
pub(crate) static PROGRAMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut programs: Vec<&str> = OPTIONS.iter().flat_map(|o| o.programs).copied().collect();
    programs.sort_unstable();
    programs.dedup();
    programs
});

/// Where a credential's long option shows: after a dash, any option
/// written with two (`--admin_password`, `--requirepass`, `--rootpw`), or
/// inside a PowerShell parameter's name (`-DbPassword`, `-ClientSecret`,
/// `-AccessToken`). The gate's words for [`long_options`].
pub(crate) const LONG_OPTION_WORDS: &[&str] = &[
    "-pass", "-pw", "-token", "-secret", "-key", "-api", "-auth", "-cred", "--", "password",
    "secret", "token",
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
                let rest = command_end(text, &args[n + 1..]);
                let command = Command {
                    text,
                    before: &args[..n],
                    rest,
                    after: &args[n + 1 + rest.len()..],
                };
                command.passwords(o, out);
            }
        }
    }
}

/// One program's command on a line: the arguments before its name, its
/// own up to the next `|`, `;`, `&&` or redirection, and those after.
struct Command<'a> {
    text: &'a [u8],
    before: &'a [(usize, Range<usize>)],
    rest: &'a [(usize, Range<usize>)],
    after: &'a [(usize, Range<usize>)],
}

/// `args` up to the end of the command they open.
fn command_end<'a>(text: &[u8], args: &'a [(usize, Range<usize>)]) -> &'a [(usize, Range<usize>)] {
    let end = args
        .iter()
        .position(|(at, arg)| *at == arg.start && ends_command(&text[arg.clone()]))
        .unwrap_or(args.len());
    &args[..end]
}

/// A bare word that ends a command: a pipe, a list, a redirection.
fn ends_command(word: &[u8]) -> bool {
    matches!(word, b"|" | b"||" | b"&&" | b";" | b"&")
        || word.starts_with(b">")
        || word.starts_with(b"2>")
        || word.starts_with(b"<<<")
        || (word.starts_with(b"<") && !word.starts_with(b"<("))
}

/// An option (`-b`, `--stdin`, Windows' `/add`, `/user:x`), not a value
/// (`-`, a path `/etc/x`).
fn is_option(word: &[u8]) -> bool {
    match word {
        [b'-', b, ..] => *b == b'-' || b.is_ascii_alphanumeric(),
        [b'/', rest @ ..] => !rest.is_empty() && !rest.contains(&b'/'),
        _ => false,
    }
}

/// Whether `word` gives `option`: as written, or, for a one-letter flag,
/// among others in one word (`-cb` gives `-b`).
fn gives(word: &[u8], option: &str) -> bool {
    word == option.as_bytes()
        || matches!(option.as_bytes(), [b'-', flag] if flag.is_ascii_alphabetic()
            && word.len() > 2
            && word[0] == b'-'
            && word[1..].iter().all(u8::is_ascii_alphabetic)
            && word[1..].contains(flag))
}

impl Command<'_> {
    fn word(&self, arg: &Range<usize>) -> &[u8] {
        &self.text[arg.clone()]
    }

    /// The passwords option `o` gives in this command.
    fn passwords(&self, o: &PasswordOption, out: &mut Vec<Candidate>) {
        let rest = match o.subcommand {
            None => self.rest,
            Some(sub) => match self
                .rest
                .iter()
                .position(|(_, a)| self.word(a) == sub.as_bytes())
            {
                Some(p) => &self.rest[p + 1..],
                None => return,
            },
        };
        let given = o.option.is_empty() || rest.iter().any(|(_, a)| gives(self.word(a), o.option));
        // An argument counted by its place is read only where a program
        // whose name is a word runs: in prose, the words after it are words.
        let counted = matches!(o.form, Form::Nth { .. } | Form::AfterOpening);
        if counted && o.programs.iter().any(|p| WORD_PROGRAMS.contains(p)) && !self.is_run() {
            return;
        }
        match o.form {
            Form::Nth { n, valued, unless } if given => {
                if unless.is_some_and(|u| rest.iter().any(|(_, a)| gives(self.word(a), u))) {
                    return;
                }
                let mut after_valued = false;
                let mut positional = rest.iter().filter(|(_, a)| {
                    let w = self.word(a);
                    let counts = !after_valued && !is_option(w);
                    after_valued = valued.iter().any(|v| w == v.as_bytes());
                    counts
                });
                if let Some((_, v)) = positional.nth(n) {
                    push_password(self.text, v.clone(), out);
                }
            }
            Form::AfterOpening => {
                let mut positional = rest.iter().filter(|(_, a)| !is_option(self.word(a)));
                if positional
                    .by_ref()
                    .any(|(_, a)| self.word(a).starts_with(o.option.as_bytes()))
                    && let Some((_, v)) = positional.next()
                {
                    push_password(self.text, v.clone(), out);
                }
            }
            Form::Login => {
                for (_, arg) in rest {
                    if let Some(v) = login_password(self.text, arg.clone()) {
                        push_password(self.text, v, out);
                    }
                }
            }
            Form::Input(sep) if given => {
                for v in self.input() {
                    let v = match sep {
                        None => Some(v),
                        Some(sep) => memchr::memchr(sep, &self.text[v.clone()])
                            .map(|p| v.start + p + 1..v.end),
                    };
                    if let Some(v) = v {
                        push_password(self.text, v, out);
                    }
                }
            }
            Form::Next | Form::Glued | Form::After(_) => options_in(self.text, o, rest, out),
            Form::Nth { .. } | Form::Input(_) => {}
        }
    }

    /// Whether the program opens its command: nothing before it since the
    /// last `|`, `;` or `&&` but a prompt, a history number, `sudo` and its
    /// options, or `NAME=value` settings.
    fn is_run(&self) -> bool {
        let from = self
            .before
            .iter()
            .rposition(|(at, a)| *at == a.start && ends_command(self.word(a)))
            .map_or(0, |p| p + 1);
        let mut after_option = false;
        self.before[from..].iter().all(|(_, a)| {
            let w = self.word(a);
            let ok = after_option
                || is_option(w)
                || w.contains(&b'=')
                || w.iter().all(u8::is_ascii_digit)
                || matches!(w.last(), Some(b'$' | b'#' | b'>' | b':'))
                || is_launcher(w);
            after_option = w.first() == Some(&b'-') && w.len() == 2;
            ok
        })
    }

    /// What the line gives the command on its input: the words `echo` or
    /// `printf` writes into the pipe before it, and a here-string after it.
    fn input(&self) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        // The command the pipe comes from: after the list or pipe before it.
        let before = self.before;
        if let Some(pipe) = before.iter().rposition(|(_, a)| self.word(a) == b"|") {
            let from = before[..pipe]
                .iter()
                .rposition(|(at, a)| *at == a.start && ends_command(self.word(a)))
                .map_or(0, |p| p + 1);
            // `… and then echo 'secret' | sudo chpasswd`: the writer nearest the pipe.
            let writer = before[from..pipe]
                .iter()
                .rposition(|(at, a)| *at == a.start && matches!(self.word(a), b"echo" | b"printf"))
                .map_or(from, |p| from + p);
            found.extend(written_by(self.text, &before[writer..pipe]));
            // `cat <<EOF | chpasswd`: the here-document of the command
            // before the pipe (its `<<` counts as a redirection above).
            let command = before[..pipe]
                .iter()
                .rposition(|(at, a)| {
                    *at == a.start && matches!(self.word(a), b"|" | b"||" | b"&&" | b";" | b"&")
                })
                .map_or(0, |p| p + 1);
            found.extend(self.here_document(&before[command..pipe]));
        }
        // `chpasswd <<'END'`: the command's own.
        found.extend(self.here_document(self.after));
        // `… <<< 'secret'`, `<<<secret`, `<<< $'secret\nsecret'`.
        if let Some((_, first)) = self.after.first()
            && self.word(first).starts_with(b"<<<")
        {
            let glued = first.start + 3..first.end;
            let literal = if glued.is_empty() {
                self.after.get(1).map(|(_, a)| a.clone())
            } else {
                Some(glued)
            };
            found.extend(literal.map(|l| unquoted(self.text, l)));
        }
        found
    }
}

impl Command<'_> {
    /// The lines of a here-document `args` open (`<<EOF`, `<<-'END'`,
    /// `<< EOF`): those after the command's line, up to the delimiter's.
    fn here_document(&self, args: &[(usize, Range<usize>)]) -> Vec<Range<usize>> {
        let text = self.text;
        let Some(i) = args.iter().position(|(at, a)| {
            *at == a.start
                && text[a.clone()].starts_with(b"<<")
                && !text[a.clone()].starts_with(b"<<<")
        }) else {
            return Vec::new();
        };
        let opening = &text[args[i].1.clone()];
        let tabs_stripped = opening.starts_with(b"<<-");
        let glued = &opening[if tabs_stripped { 3 } else { 2 }..];
        let delimiter = if glued.is_empty() {
            match args.get(i + 1) {
                Some((_, a)) => &text[a.clone()],
                None => return Vec::new(),
            }
        } else {
            glued
        };
        let delimiter = match delimiter {
            [q @ (b'\'' | b'"'), inner @ .., close] if q == close => inner,
            d => d,
        };
        if delimiter.is_empty() {
            return Vec::new();
        }
        let last_end = [self.before, self.rest, self.after]
            .iter()
            .filter_map(|args| args.last())
            .map(|(at, a)| (*at).max(a.end))
            .max()
            .unwrap_or(0);
        let Some(newline) = memchr::memchr(b'\n', &text[last_end..]) else {
            return Vec::new();
        };
        let mut body = Vec::new();
        let mut start = last_end + newline + 1;
        while start < text.len() && body.len() < HERE_DOCUMENT_LINES {
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |p| start + p);
            let mut line = start..end;
            while line.end > line.start && text[line.end - 1] == b'\r' {
                line.end -= 1;
            }
            if tabs_stripped {
                while line.start < line.end && text[line.start] == b'\t' {
                    line.start += 1;
                }
            }
            if &text[line.clone()] == delimiter {
                return body;
            }
            if !line.is_empty() {
                body.push(line);
            }
            start = end + 1;
        }
        // No delimiter within reach: no here-document to read.
        Vec::new()
    }
}

/// How many lines of a here-document are read before it is taken for
/// something else: a password file fed to `chpasswd` is short.
const HERE_DOCUMENT_LINES: usize = 64;

/// What the command `args` writes, when it is `echo` or `printf`.
fn written_by(text: &[u8], args: &[(usize, Range<usize>)]) -> Vec<Range<usize>> {
    let Some(((_, program), args)) = args.split_first() else {
        return Vec::new();
    };
    let mut args = args.iter().map(|(_, a)| a.clone()).peekable();
    match &text[program.clone()] {
        b"echo" => {
            while args.next_if(|a| is_option(&text[a.clone()])).is_some() {}
            args.collect()
        }
        // The format, then what it writes.
        b"printf" => args.skip(1).collect(),
        _ => Vec::new(),
    }
}

/// A bare word as the shell reads it: `'x'`, `"x"`, `$'x'` without quotes.
fn unquoted(text: &[u8], word: Range<usize>) -> Range<usize> {
    let w = &text[word.clone()];
    let open = if w.starts_with(b"$'") { 2 } else { 1 };
    match (w.first(), w.last()) {
        (Some(b'\'' | b'"' | b'$'), Some(&close)) if w.len() > open && w[open - 1] == close => {
            word.start + open..word.end - 1
        }
        _ => word,
    }
}

/// The password in `user/password@database` (`system/"pass word"@db`).
fn login_password(text: &[u8], arg: Range<usize>) -> Option<Range<usize>> {
    let word = &text[arg.clone()];
    let slash = memchr::memchr(b'/', word)?;
    let user = &word[..slash];
    let is_name = user.first().is_some_and(u8::is_ascii_alphabetic)
        && user
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'#'));
    if !is_name {
        return None;
    }
    let start = arg.start + slash + 1;
    if let Some(&quote @ (b'"' | b'\'')) = text.get(start) {
        let close = memchr::memchr2(quote, b'\n', &text[start + 1..])? + start + 1;
        return (text[close] == quote).then_some(start + 1..close);
    }
    let end = memchr::memchr(b'@', &word[slash + 1..]).map_or(arg.end, |p| start + p);
    (end > start && !text[start..end].contains(&b'/')).then_some(start..end)
}

/// The passwords `o`, an option written before its value, gives in `rest`.
fn options_in(
    text: &[u8],
    o: &PasswordOption,
    rest: &[(usize, Range<usize>)],
    out: &mut Vec<Candidate>,
) {
    for (i, (_, arg)) in rest.iter().enumerate() {
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
            push_password(text, v, out);
        }
    }
}

/// `lines`: those the gate found a word of [`LONG_OPTION_WORDS`] on. An
/// option (`--…`, or `-password` as some tools write it) named as a
/// credential gives the argument after it.
pub(crate) fn long_options(text: &[u8], lines: &[Range<usize>], out: &mut Vec<Candidate>) {
    for line in lines {
        // Most lines the bare words bring hold no option at all (JSON, logs).
        let has_option = text.get(line.start) == Some(&b'-')
            || text[line.clone()]
                .windows(2)
                .any(|w| matches!(w[0], b' ' | b'\t') && w[1] == b'-');
        if !has_option {
            continue;
        }
        substituted(text, line.clone(), out);
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
            // The value is an argument of its own, not the next option nor
            // an expression (`-Password (ConvertTo-SecureString …)`).
            if !is_name || matches!(text[*value_start], b'-' | b'(') {
                continue;
            }
            // `--ask-pass`, `--no-password`, `--prompt-token`: a flag that
            // asks for it or goes without.
            let asks = [
                &b"ask-"[..],
                b"no-",
                b"prompt-",
                b"use-",
                b"show-",
                b"reset-",
            ]
            .iter()
            .any(|p| name.len() > p.len() && name[..p.len()].eq_ignore_ascii_case(p));
            if asks {
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

/// A credential option given a file the shell makes of a command's output:
/// `--password-file=<(echo secret)`, `--token-file <(printf '%s' secret)`.
fn substituted(text: &[u8], line: Range<usize>, out: &mut Vec<Candidate>) {
    let mut from = line.start;
    while let Some(p) = memchr::memmem::find(&text[from..line.end], b"<(") {
        let open = from + p;
        from = open + 2;
        let option_end = open
            - text[line.start..open]
                .iter()
                .rev()
                .take_while(|&&b| matches!(b, b'=' | b' ' | b'\t'))
                .count();
        let option_start = text[line.start..option_end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(line.start, |p| line.start + p + 1);
        let name = text[option_start..option_end].trim_ascii_start();
        let Some(name) = name.strip_prefix(b"--").or_else(|| name.strip_prefix(b"-")) else {
            continue;
        };
        let lower = name.to_ascii_lowercase();
        let subject = ["-file", "_file", "file"]
            .iter()
            .find_map(|tail| lower.strip_suffix(tail.as_bytes()))
            .unwrap_or(&lower);
        if !matches!(
            classify(subject),
            Some(FieldClass::Password(_) | FieldClass::Secret(_))
        ) {
            continue;
        }
        let close = memchr::memchr(b')', &text[from..line.end]).map_or(line.end, |p| from + p);
        for v in written_by(text, &arguments(text, from..close)) {
            push_password(text, v, out);
        }
    }
}

/// A password an option or argument gives, whatever its shape. SNMP's
/// `public` and `private` are the communities every device ships with.
fn push_password(text: &[u8], value: Range<usize>, out: &mut Vec<Candidate>) {
    // `net user bob *` asks for it.
    if !matches!(&text[value.clone()], b"public" | b"private" | b"*") {
        push(text, value, Kind::Password, Priority::Structural, out);
    }
}

/// `--tlspassword https://localhost`: the option's value was left out, and
/// the next argument is what the command works on.
fn is_url(word: &[u8]) -> bool {
    let scheme = word
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'+')
        .count();
    scheme > 0 && word[scheme..].starts_with(b"://")
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
    if v.is_empty() || is_non_value(v) || v.starts_with(b"$") || v.starts_with(b"<") || is_url(v) {
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

/// A word that runs the word after it as the command (`sudo`, `env`, `nohup`).
pub(super) fn is_launcher(w: &[u8]) -> bool {
    matches!(
        w,
        b"sudo" | b"doas" | b"env" | b"time" | b"nohup" | b"exec" | b"command"
    )
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
            // Any option written with two dashes, its name a credential's.
            (
                "redis-server --requirepass 'lime pie' --port 6380",
                "lime pie",
            ),
            (
                "wp core install --admin_password cashew5 --skip-email",
                "cashew5",
            ),
            ("slapd-setup --rootpw brazil6 --suffix dc=shop", "brazil6"),
            ("import.sh --smtpPassword Macadamia7", "Macadamia7"),
        ] {
            let out = redacted(line);
            assert!(!out.contains(secret), "{line}\n→ {out}");
        }
    }

    #[test]
    fn passwords_as_arguments_and_on_input() {
        for (line, secret) in [
            ("htpasswd -b /srv/.htpasswd editor bramble1", "bramble1"),
            ("sudo htpasswd -Bcb -C 12 pw.db ops 'sloe gin'", "sloe gin"),
            ("htpasswd -nb ops medlar22 && nginx -s reload", "medlar22"),
            (
                "rabbitmqctl -n rabbit@mq add_user orders cloudberry9",
                "cloudberry9",
            ),
            ("net use Y: \\\\nas\\media Rowan77 /user:NAS\\bk", "Rowan77"),
            ("net user kiosk Elder#5 /add /domain", "Elder#5"),
            ("openssl passwd -apr1 hawthorn3", "hawthorn3"),
            ("mysqladmin -uroot password 'Sorb4pple'", "Sorb4pple"),
            ("ipmitool -H bmc -U root -P Whin8erry sdr", "Whin8erry"),
            (
                "snmpget -v2c -c Bilberry55 10.1.1.1 sysName.0",
                "Bilberry55",
            ),
            ("rman target sys/Crowberry7@ORCL", "Crowberry7"),
            (
                "sqlldr userid=x control=c.ctl scott/'Dewberry2'",
                "Dewberry2",
            ),
            (
                "mc alias set s3 https://s3.example minio Salal88pw",
                "Salal88pw",
            ),
            ("echo 'web:Nannyberry4' | sudo chpasswd", "Nannyberry4"),
            (
                "echo -n Lingon9 | podman login -u ci --password-stdin q.io",
                "Lingon9",
            ),
            (
                "printf '%s\\n' Aronia3x | kinit ops@SHOP.EXAMPLE",
                "Aronia3x",
            ),
            ("passwd --stdin deploy <<< 'Serviceberry6'", "Serviceberry6"),
            (
                "smbpasswd -s -a bk <<< $'Jostaberry1\\nJostaberry1'",
                "Jostaberry1",
            ),
            (
                "restic backup --password-file <(echo Tayberry44) /srv",
                "Tayberry44",
            ),
            (
                "ops ran htpasswd -b /srv/pw admin Olallie5 and then reloaded",
                "Olallie5",
            ),
            (
                "after that I did echo 'web:Saskatoon8' | sudo chpasswd on web01",
                "Saskatoon8",
            ),
        ] {
            let out = redacted(line);
            assert!(!out.contains(secret), "{line}\n→ {out}");
        }
    }

    #[test]
    fn a_here_document_on_a_password_programs_input() {
        for (text, secrets) in [
            (
                "cat <<EOF | sudo chpasswd\nweb:Quandong4\nops:Ackee 7x\nEOF\nsystemctl restart php-fpm\n",
                &["Quandong4", "Ackee 7x"][..],
            ),
            ("chpasswd <<'END'\nbk:Jabuticaba2\nEND\n", &["Jabuticaba2"]),
            (
                "\thtpasswd -i /srv/.htpasswd ops <<-PW\n\t\tCupuacu5!\n\tPW\n",
                &["Cupuacu5!"],
            ),
            (
                "passwd --stdin deploy << \"X\"\r\nSoursop8\r\nX\r\n",
                &["Soursop8"],
            ),
        ] {
            let out = redacted(text);
            for secret in secrets {
                assert!(!out.contains(secret), "{text}\n→ {out}");
            }
        }
        // Another program's here-document, and one never closed, are read by no one here.
        for text in [
            "mysql -u root <<EOF\nSELECT user FROM mysql.user;\nEOF\n",
            "cat <<EOF | chpasswd\nthe line that follows\n",
        ] {
            assert_eq!(redacted(text), text);
        }
        // After the delimiter the text is no longer input.
        let out = redacted("chpasswd <<E\nweb:Langsat9\nE\nweb: restarted\n");
        assert!(out.ends_with("E\nweb: restarted\n"), "{out}");
    }

    #[test]
    fn arguments_that_are_no_password_stay() {
        for line in [
            "htpasswd -D /srv/.htpasswd editor",
            "net use Y: \\\\nas\\media /user:NAS\\bk",
            "net user kiosk",
            "rabbitmqctl list_users",
            "openssl passwd -6 -salt pepper",
            "the card was fine, exp 01/30 it said",
            "sqlplus / as sysdba",
            "sqlplus /nolog",
            "snmpwalk -v2c -c public 10.1.1.1",
            "echo done | tee -a deploy.log",
            "vault kv get -field=password secret/db",
            "the mc set the mood for the night guests",
            "net user bob * /add",
        ] {
            assert_eq!(redacted(line), line);
        }
        // The registry after `--password-stdin` is no password.
        let out =
            redacted("echo \"$PW\" | docker login -u ci --password-stdin registry.example.net");
        assert!(out.contains("registry.example.net"), "{out}");
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
