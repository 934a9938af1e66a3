//! Values a command printed on the lines after it, named by the command:
//! `wp option get NAME`, `wp config get NAME`, `wp option pluck NAME … KEY`,
//! `echo $NAME`, `printenv NAME`, `wp eval '…get_option("NAME")…'`,
//! `kubectl … jsonpath='{.data.KEY}'`, `redis-cli CONFIG GET NAME` (whose
//! reply names it again), `HGETALL` (whose reply gives each field, then its
//! value) and `cat ~/.pgpass` (whose lines end in a password).
//! Each becomes a (NAME, value) pair for the field vocabulary to judge.

use std::ops::Range;

use crate::redact::pairs::{Pair, Quote, is_key_byte};
use crate::redact::scan::Lines;
use crate::redact::syntaxes::{ANCHOR_WORDS, Anchors, COMMAND_WORDS};

/// How many lines of output a `.pgpass` listing is read for.
const PGPASS_LINES: usize = 20;
/// How many lines of a hash's reply are read: a session or a cached
/// object's fields, a few hundred at most.
const HASH_REPLY_LINES: usize = 512;

pub(crate) fn command_outputs<T>(
    lines: &Lines<'_>,
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let text = lines.text;
    for w in COMMAND_WORDS {
        let word = &ANCHOR_WORDS[w];
        for at in anchors.of(w) {
            let line = lines.line_of(at);
            let command_end = lines.line_range(line).end;
            let args = at + word.len()..command_end;
            if *word == ".pgpass" {
                pgpass(lines, line, at..args.start, wanted, f);
                continue;
            }
            if word.eq_ignore_ascii_case("HGETALL ") {
                hash_reply(lines, line, wanted, f);
                continue;
            }
            // Commands that print one kind of secret whatever they are asked:
            // the command itself names the value.
            let fixed = match *word {
                "find-generic-password" => Some(&b"password"[..]),
                "application-password create " => Some(&b"application_password"[..]),
                _ => None,
            };
            let name = match fixed {
                Some(_) => at..at + word.trim_end().len(),
                None => match command_name(text, word, args) {
                    Some(name) => name,
                    None => continue,
                },
            };
            let Some(class) = wanted(fixed.unwrap_or(&text[name.clone()])) else {
                continue;
            };
            let redis = *word == "CONFIG GET ";
            // A redis reply names the setting on its first line, the value on its second.
            let out_line = line + if redis { 2 } else { 1 };
            if out_line >= lines.count() {
                continue;
            }
            let out = lines.line_range(out_line);
            let out = if redis {
                let body = &text[out.clone()];
                let Some(skip) = body.strip_prefix(b"2) ").map(|_| 3) else {
                    continue;
                };
                out.start + skip..out.end
            } else {
                out
            };
            let printed = if fixed == Some(b"application_password") {
                application_password(text, out)
            } else {
                let command_line = lines.line_range(line);
                let command = &text[command_line];
                let owner = prompt_owner(command);
                let typed_at = match owner {
                    Some(owner) => TypedAt::Owner(owner),
                    None if opens_with_hostless_prompt(command) => TypedAt::Hostless,
                    None if opens_with_bare_prompt(command) => TypedAt::Bare,
                    None => TypedAt::Unknown,
                };
                printed_value(text, out, typed_at)
            };
            if let Some((value, quote)) = printed {
                f(
                    Pair {
                        key: name,
                        rest: value.clone(),
                        value,
                        quote,
                        in_query: false,
                        table_cell: false,
                    },
                    class,
                );
            }
        }
    }
}

/// The name a command asks for, from the text after its anchor word.
fn command_name(text: &[u8], word: &str, args: Range<usize>) -> Option<Range<usize>> {
    let rest = &text[args.clone()];
    let word_at = |from: usize| {
        let len = rest[from..].iter().take_while(|&&b| is_key_byte(b)).count();
        (len > 0).then(|| args.start + from..args.start + from + len)
    };
    // The last name of a path: `op://Shop/wp-db/password`, `pass show shop/db-password`.
    let last_of_path = |from: usize| {
        let len = rest[from..]
            .iter()
            .take_while(|&&b| is_key_byte(b) || b == b'/')
            .count();
        let slash = memchr::memrchr(b'/', &rest[from..from + len]).map_or(0, |p| p + 1);
        word_at(from + slash)
    };
    let opening_quote = usize::from(matches!(rest.first(), Some(b'"' | b'\'')));
    match word {
        "echo $" => word_at(usize::from(rest.first() == Some(&b'{'))),
        "get_option(" | "getenv(" => word_at(opening_quote),
        // A quoted reference may name an item with blanks: `"op://Ops/Shop DB/password"`.
        "op://" => {
            let end = rest
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b'\n'))
                .unwrap_or(rest.len());
            let slash = memchr::memrchr(b'/', &rest[..end])?;
            word_at(slash + 1)
        }
        "pass show " | "--secret-id " => last_of_path(opening_quote),
        "keyvault secret show " => {
            // `az keyvault secret show --vault-name shop --name db-password`
            let flag = [&b" --name "[..], b" -n "]
                .iter()
                .filter_map(|f| memchr::memmem::find(rest, f).map(|p| p + f.len()))
                .min()?;
            word_at(flag)
        }
        "jsonpath=" => {
            // `'{.data.password}'`: the last name of the path.
            let close = memchr::memchr(b'}', rest)?;
            let dot = memchr::memrchr(b'.', &rest[..close])?;
            word_at(dot + 1)
        }
        "option pluck " => {
            // The last key of the path: `pluck sophmate_settings vector_store api_key`.
            let end = rest
                .iter()
                .position(|&b| matches!(b, b'|' | b'>' | b';'))
                .unwrap_or(rest.len());
            let words: Vec<&[u8]> = rest[..end]
                .split(|&b| b == b' ')
                .filter(|w| !w.is_empty() && !w.starts_with(b"--"))
                .collect();
            let last = *words.last()?;
            let from = memchr::memmem::rfind(&rest[..end], last)?;
            word_at(from)
        }
        _ => word_at(0),
    }
}

/// The value a command printed alone on a line: bare, quoted, or as PHP's
/// `string(32) "…"`. Output that holds spaces, or JSON, is no single value.
/// `typed_at`: the prompt the command was typed at, which the next prompt
/// after the output looks like.
fn printed_value(
    text: &[u8],
    line: Range<usize>,
    typed_at: TypedAt<'_>,
) -> Option<(Range<usize>, Quote)> {
    let raw = &text[line.clone()];
    let lead = raw.len() - raw.trim_ascii_start().len();
    let body = raw.trim_ascii();
    let start = line.start + lead;
    let body_start = body
        .strip_prefix(b"string(")
        .and_then(|r| memchr::memchr(b')', r).map(|p| 7 + p + 1))
        .map_or(0, |p| p + usize::from(body.get(p) == Some(&b' ')));
    let body = &body[body_start..];
    let start = start + body_start;
    if let Some(q) = body.first().copied().filter(|q| matches!(q, b'"' | b'\''))
        && body.len() >= 2
        && body.last() == Some(&q)
    {
        let inner = start + 1..start + body.len() - 1;
        let quote = if q == b'"' {
            Quote::Double
        } else {
            Quote::Single
        };
        return Some((inner, quote));
    }
    // A bare `$` or `#` is the next prompt; a password may open with either
    // (`$k51sh.C…`), while a prompt with a command has a blank. JSON or a
    // list closes what it opens; a password may open with a bracket too
    // (`{br_eDO…`).
    let structured = match body[..] {
        [b'{', .., b'}'] | [b'[', .., b']'] => true,
        [b'{' | b'[', ..] => body.len() < 8 || body.iter().any(|b| matches!(b, b'"' | b':' | b',')),
        _ => false,
    };
    if body.is_empty()
        || body.iter().any(|b| b.is_ascii_whitespace())
        || structured
        || matches!(body, b"$" | b"#" | b"%" | b">")
        || (is_prompt(body) && typed_at.may_be_followed_by(body))
    {
        return None;
    }
    Some((start..start + body.len(), Quote::None))
}

/// The prompt a command was typed at, as far as it tells what the next
/// prompt looks like.
#[derive(Clone, Copy)]
enum TypedAt<'a> {
    /// `forge@server:~/www$`, `[deploy@web1 ~]$`: the next prompt is the
    /// same user's on the same host.
    Owner(&'a [u8]),
    /// `web01:/srv#`, naming no user: no line shaped as `user@host$` is a
    /// prompt of this shell.
    Hostless,
    /// A bare `$ ` or `# `, as tickets and documents write commands: a real
    /// prompt after it names its place (`ops@web1:~$`, `[ops@web1 ~]$`);
    /// `p@p1ll0n#` is a password.
    Bare,
    Unknown,
}

impl TypedAt<'_> {
    /// Whether `body`, shaped as a prompt, may be the next one.
    fn may_be_followed_by(self, body: &[u8]) -> bool {
        match self {
            TypedAt::Owner(owner) => body.strip_prefix(b"[").unwrap_or(body).starts_with(owner),
            TypedAt::Hostless => false,
            TypedAt::Bare => body.starts_with(b"[") || body.contains(&b':'),
            TypedAt::Unknown => true,
        }
    }
}

/// A command typed after a bare `$`, `#`, `%` or `>` and a blank.
fn opens_with_bare_prompt(line: &[u8]) -> bool {
    matches!(
        line.trim_ascii_start(),
        [b'$' | b'#' | b'%' | b'>', b' ' | b'\t', ..]
    )
}

/// The next prompt, `shop@web1:~$` or `root@db:/var/lib#`: a user, a host
/// and a path. A password may hold `@` and end in `$` or `#` (`m@rz1p@n#`):
/// its "host" holds characters no host name has.
fn is_prompt(body: &[u8]) -> bool {
    let Some(inner) = body.strip_suffix(b"$").or_else(|| body.strip_suffix(b"#")) else {
        return false;
    };
    let inner = inner.strip_suffix(b"]").unwrap_or(inner);
    let inner = inner.strip_prefix(b"[").unwrap_or(inner);
    let Some(at) = memchr::memchr(b'@', inner) else {
        return false;
    };
    let host_name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_');
    let (user, rest) = (&inner[..at], &inner[at + 1..]);
    let host = rest.split(|&b| b == b':').next().unwrap_or(rest);
    let path = &rest[host.len()..];
    !user.is_empty()
        && user.iter().all(host_name)
        && !host.is_empty()
        && host.iter().all(host_name)
        && !path.contains(&b'@')
}

/// The `user@host` of the prompt opening `line` (`forge@server:~/www$ …`,
/// `[deploy@web1 ~]$ …`): a password may read as an empty prompt
/// (`0bs1d1@n$`), but the next prompt is the same user's on the same host.
fn prompt_owner(line: &[u8]) -> Option<&[u8]> {
    let line = line.trim_ascii_start();
    let line = line.strip_prefix(b"[").unwrap_or(line);
    let host_name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_');
    let user_end = line.iter().position(|b| !host_name(b))?;
    if user_end == 0 || line[user_end] != b'@' {
        return None;
    }
    let host = &line[user_end + 1..];
    let host_len = host
        .iter()
        .position(|b| !host_name(b))
        .unwrap_or(host.len());
    let closes = matches!(host.get(host_len), Some(b':' | b' ' | b']' | b'$' | b'#'));
    (host_len > 0 && closes).then(|| &line[..user_end + 1 + host_len])
}

/// Whether `line` opens with a prompt naming a host and a path but no
/// user: `web01:/srv/www# …`, `db1:~$ …`.
fn opens_with_hostless_prompt(line: &[u8]) -> bool {
    let line = line.trim_ascii_start();
    let host_name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_');
    let host = line.iter().take_while(|b| host_name(b)).count();
    if host == 0 || line.get(host) != Some(&b':') {
        return false;
    }
    let rest = &line[host + 1..];
    let path = rest
        .iter()
        .take_while(|&&b| !matches!(b, b' ' | b'\t' | b'#' | b'$' | b'@'))
        .count();
    matches!(rest.get(path), Some(b'#' | b'$'))
        && matches!(rest.get(path + 1), Some(b' ' | b'\t') | None)
}

/// What `wp user application-password create … --porcelain` prints: six
/// groups of four letters and digits, blanks between them, as WordPress shows it.
fn application_password(text: &[u8], line: Range<usize>) -> Option<(Range<usize>, Quote)> {
    let raw = &text[line.clone()];
    let body = raw.trim_ascii();
    let start = line.start + (raw.len() - raw.trim_ascii_start().len());
    let groups: Vec<&[u8]> = body.split(|&b| b == b' ').collect();
    let spaced = groups.len() == 6
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.iter().all(u8::is_ascii_alphanumeric));
    let joined = body.len() == 24 && body.iter().all(u8::is_ascii_alphanumeric);
    (spaced || joined).then(|| (start..start + body.len(), Quote::None))
}

/// `hostname:port:database:username:password` lines after `cat ~/.pgpass`.
fn pgpass<T>(
    lines: &Lines<'_>,
    command_line: usize,
    anchor: Range<usize>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let text = lines.text;
    let last = (command_line + PGPASS_LINES).min(lines.count().saturating_sub(1));
    for n in command_line + 1..=last {
        let line = lines.line_range(n);
        let body = &text[line.clone()];
        let colons: Vec<usize> = memchr::memchr_iter(b':', body).collect();
        if colons.len() != 4 || body.iter().any(|b| b.is_ascii_whitespace()) {
            break;
        }
        let value = line.start + colons[3] + 1..line.end;
        if value.is_empty() {
            continue;
        }
        if let Some(class) = wanted(b"password") {
            f(
                Pair {
                    key: anchor.clone(),
                    rest: value.clone(),
                    value,
                    quote: Quote::None,
                    in_query: false,
                    table_cell: false,
                },
                class,
            );
        }
    }
}

/// `1) "billing_email"`, `2) "ana@example.org"`, …: a hash's reply as
/// `redis-cli` prints it, each field on an odd line, its value on the next.
fn hash_reply<T>(
    lines: &Lines<'_>,
    command_line: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let text = lines.text;
    let last = (command_line + HASH_REPLY_LINES).min(lines.count().saturating_sub(1));
    let mut field: Option<Range<usize>> = None;
    for n in command_line + 1..=last {
        let Some((number, item)) = reply_item(text, lines.line_range(n)) else {
            break;
        };
        if number % 2 == 1 {
            field = Some(item);
            continue;
        }
        let Some(key) = field.take() else {
            break;
        };
        if let Some(class) = wanted(&text[key.clone()]) {
            f(
                Pair {
                    key,
                    rest: item.clone(),
                    value: item,
                    quote: Quote::Double,
                    in_query: false,
                    table_cell: false,
                },
                class,
            );
        }
    }
}

/// The number and the quoted string of a reply's line: `3) "token"`.
fn reply_item(text: &[u8], line: Range<usize>) -> Option<(usize, Range<usize>)> {
    let raw = &text[line.clone()];
    let body = raw.trim_ascii();
    let start = line.start + (raw.len() - raw.trim_ascii_start().len());
    let digits = body.iter().take_while(|b| b.is_ascii_digit()).count();
    let number = std::str::from_utf8(&body[..digits]).ok()?.parse().ok()?;
    let rest = body[digits..].strip_prefix(b") \"")?.strip_suffix(b"\"")?;
    let open = start + digits + 3;
    Some((number, open..open + rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &str) -> Vec<(String, String)> {
        super::super::pairs_read(s, |lines, anchors, push| {
            command_outputs(lines, anchors, &mut |_| Some(()), &mut |p, ()| push(p));
        })
    }

    #[test]
    fn each_command_names_the_value_it_printed() {
        let session = "\
$ wp option get sophmate_cohere_key
k2V9qLm3Xw8Rt5Yb1Nc7Pz4Hd6Fg0Js2Aq9We3T
[shop@web1 html]$ echo ${ELEVENLABS_API_KEY}
9ca2529abd9836e2cee0d4904c27cdc3
# printenv DB_PASSWORD
Drakkar9019$x
$ wp eval 'var_dump(get_option(\"sophmate_mistral_key\"));'
string(32) \"5vIG8DQrwki5uyInJTSd1AcQGj3oAB9z\"
$ wp option pluck sophmate_settings vector_store api_key --format=json
\"9f396e62-1ee2-4340-b480-f30eddac3077\"
$ kubectl get secret wp-db -o jsonpath='{.data.password}' | base64 -d
saffron-zeppelin-gondola%
127.0.0.1:6379> CONFIG GET requirepass
1) \"requirepass\"
2) \"EHEG#Hvt1V%O2Gq\"
$ cat ~/.pgpass
db.internal:5432:wordpress:shop:Drakkar9019$
";
        let got = pairs(session);
        for (k, v) in [
            (
                "sophmate_cohere_key",
                "k2V9qLm3Xw8Rt5Yb1Nc7Pz4Hd6Fg0Js2Aq9We3T",
            ),
            ("ELEVENLABS_API_KEY", "9ca2529abd9836e2cee0d4904c27cdc3"),
            ("DB_PASSWORD", "Drakkar9019$x"),
            ("sophmate_mistral_key", "5vIG8DQrwki5uyInJTSd1AcQGj3oAB9z"),
            ("api_key", "9f396e62-1ee2-4340-b480-f30eddac3077"),
            ("password", "saffron-zeppelin-gondola%"),
            ("requirepass", "EHEG#Hvt1V%O2Gq"),
            (".pgpass", "Drakkar9019$"),
        ] {
            assert!(got.contains(&(k.into(), v.into())), "{k}: {got:?}");
        }
    }

    #[test]
    fn secret_stores_and_their_clients_name_what_they_print() {
        let session = "\
[ops@bastion ~]$ kubectl get secret shop-db -o jsonpath='{.data.db_password}' | base64 -d
t@ng0#r1v@#
$ vault kv get -field=smtp_password kv/shop/mail
quill-otter-42
$ gcloud secrets versions access latest --secret=wc-stripe-secret
whsec_aa
$ aws secretsmanager get-secret-value --secret-id prod/shop/redis-auth --query SecretString --output text
Rv9!kd2
$ heroku config:get MAILGUN_API_KEY -a shop
key-3b1f
$ cat /run/secrets/mysql_root_password
ch0rd-Lantern
$ op read \"op://Ops/Shop DB/password\"
vellum.prism.7
$ terraform output -raw admin_password
P4ramecium!
$ doppler secrets get SMTP_PASS --plain
lattice88
$ pass show shop/wp-admin-password
k3stre!
$ az keyvault secret show --vault-name shopkv --name sendgrid-key --query value -o tsv
SG.x.y
$ wp eval 'echo getenv(\"DB_PASSWORD\");'
brisket_77
$ security find-generic-password -s shop-db -w
Tallow#99
$ wp user application-password create admin ci --porcelain
Ab12 cD34 eF56 gH78 iJ90 kL12
$ printenv SMTP_PASSWORD
$Qx7.vB}!r2
";
        let got = pairs(session);
        for (k, v) in [
            ("db_password", "t@ng0#r1v@#"),
            ("smtp_password", "quill-otter-42"),
            ("wc-stripe-secret", "whsec_aa"),
            ("redis-auth", "Rv9!kd2"),
            ("MAILGUN_API_KEY", "key-3b1f"),
            ("mysql_root_password", "ch0rd-Lantern"),
            ("password", "vellum.prism.7"),
            ("admin_password", "P4ramecium!"),
            ("SMTP_PASS", "lattice88"),
            ("wp-admin-password", "k3stre!"),
            ("sendgrid-key", "SG.x.y"),
            ("DB_PASSWORD", "brisket_77"),
            ("find-generic-password", "Tallow#99"),
            (
                "application-password create",
                "Ab12 cD34 eF56 gH78 iJ90 kL12",
            ),
            ("SMTP_PASSWORD", "$Qx7.vB}!r2"),
        ] {
            assert!(got.contains(&(k.into(), v.into())), "{k}: {got:?}");
        }
    }

    #[test]
    fn a_prompt_is_a_user_a_host_and_a_path() {
        for prompt in [
            "shop@web1:~$",
            "root@db-2.internal:/var/lib#",
            "[deploy@web1]$",
        ] {
            assert!(is_prompt(prompt.as_bytes()), "{prompt}");
        }
        for password in ["m@rz1p@n#", "p@ss!w0rd$", "hunter2$", "a@b:c@d#"] {
            assert!(!is_prompt(password.as_bytes()), "{password}");
        }
    }

    #[test]
    fn a_password_shaped_as_a_prompt_is_not_the_next_prompt() {
        // After a prompt naming its user and host, the next prompt names them too.
        assert_eq!(
            pairs(
                "ops@web1:~$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nm3rl1@n$\n"
            ),
            [("password".to_string(), "m3rl1@n$".to_string())]
        );
        assert_eq!(
            pairs("[ops@web1 ~]$ printenv DB_PASS\nq7x@Zk9#\n[ops@web1 ~]$ ls\n"),
            [("DB_PASS".to_string(), "q7x@Zk9#".to_string())]
        );
        // After a prompt naming no user, no line shaped as `user@host$` is its next prompt.
        assert_eq!(
            pairs(
                "web01:/srv/www# kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nk3str1@n$\nweb01:/srv/www#\n"
            ),
            [("password".to_string(), "k3str1@n$".to_string())]
        );
        // After a bare `$`, a real prompt names its place; a password does not.
        assert_eq!(
            pairs(
                "$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\nv@l3nt1n#\n"
            ),
            [("password".to_string(), "v@l3nt1n#".to_string())]
        );
        assert!(pairs("$ printenv DB_PASS\nops@web1:~$\n").is_empty());
        assert!(pairs("$ printenv DB_PASS\n[ops@web1 ~]$\n").is_empty());
        // The same user's empty prompt is output of nothing.
        assert!(pairs("ops@web1:~$ printenv DB_PASS\nops@web1:~$\n").is_empty());
        assert_eq!(prompt_owner(b"$ printenv X"), None);
        assert_eq!(
            prompt_owner(b"[deploy@web1 ~]$ ls"),
            Some(&b"deploy@web1"[..])
        );
    }

    #[test]
    fn a_value_may_open_with_a_bracket() {
        assert_eq!(
            pairs("$ wp config get DB_PASSWORD\n{k7_Tq2Wz9mPx4Rb\n"),
            [("DB_PASSWORD".to_string(), "{k7_Tq2Wz9mPx4Rb".to_string())]
        );
        assert_eq!(
            pairs("$ printenv SMTP_PASS\n[Vw3#pL8q!zR\n"),
            [("SMTP_PASS".to_string(), "[Vw3#pL8q!zR".to_string())]
        );
    }

    #[test]
    fn output_that_is_not_one_value_is_left_alone() {
        assert!(pairs("$ wp option get blogname\nMy Shop Name\n").is_empty());
        assert!(pairs("$ wp option get sophmate_settings\n{\"a\": 1}\n").is_empty());
        // JSON printed over several lines opens with a bracket alone or a key.
        assert!(pairs("$ wp option get sophmate_settings --format=json\n{\n").is_empty());
        assert!(pairs("$ wp option get sophmate_settings --format=json\n{\"a\":\n").is_empty());
        assert!(pairs("$ wp option get sophmate_ids --format=json\n[17,18,\n").is_empty());
        assert!(pairs("$ echo $TOKEN\n$ ls\n").is_empty());
        assert!(pairs("$ echo $TOKEN\n$\n").is_empty());
        assert!(pairs("$ printenv DB_PASSWORD\nshop@web1:~$\n").is_empty());
        assert!(
            pairs("$ wp option get x").is_empty(),
            "no line after the command"
        );
    }

    #[test]
    fn a_hash_reply_gives_each_field_its_value() {
        let session = "\
cache:6379> HGETALL wc_session_77
1) \"customer_email\"
2) \"rhea.okafor@example.net\"
3) \"nonce\"
4) \"%Lp{7--zz}q\"
5) \"cart_total\"
6) \"42.10\"
cache:6379> hgetall other
1) \"api_password\"
2) \"fig-Tart!9\"
";
        let found = pairs(session);
        for (key, value) in [
            ("customer_email", "rhea.okafor@example.net"),
            ("nonce", "%Lp{7--zz}q"),
            ("cart_total", "42.10"),
            ("api_password", "fig-Tart!9"),
        ] {
            assert!(
                found.iter().any(|(k, v)| k == key && v == value),
                "{key}: {found:?}"
            );
        }
        // A field is never read as a value, and the reply ends at the prompt.
        assert!(
            !found
                .iter()
                .any(|(_, v)| v == "nonce" || v.contains("6379"))
        );
        assert!(pairs("> HGETALL k\n(empty array)\n").is_empty());
    }
}
