//! Shape checks on candidate values: placeholders, masks, generated-looking
//! strings, person names, phone numbers.

use std::ops::Range;
use std::sync::LazyLock;

use crate::redact::customer_words::{ELIDED_PARTICLES, NAME_PARTICLES};
use crate::redact::fasthash::FastSet;
use crate::redact::validate::{char_classes, shannon_entropy};

/// `[EMAIL_1]`, `[CARD_2 ending 4242]`: output of this engine, never re-redacted.
pub(crate) fn is_placeholder(v: &[u8]) -> bool {
    if v.len() < 5 || v[0] != b'[' || v[v.len() - 1] != b']' {
        return false;
    }
    let inner = &v[1..v.len() - 1];
    let (head, tail) = match memchr::memchr(b' ', inner) {
        Some(p) => (&inner[..p], Some(&inner[p + 1..])),
        None => (inner, None),
    };
    let Some(us) = head.iter().rposition(|&b| b == b'_') else {
        return false;
    };
    let (label, number) = (&head[..us], &head[us + 1..]);
    let numbered = !number.is_empty() && number.iter().all(u8::is_ascii_digit);
    let known_label = crate::redact::Kind::ALL
        .iter()
        .any(|k| k.label().as_bytes() == label);
    let tail_ok = match tail {
        None => true,
        // Only cards carry a tail: `[CARD_1 ending 4242]`.
        Some(t) => {
            label == b"CARD"
                && t.len() == 11
                && t.starts_with(b"ending ")
                && t[7..].iter().all(u8::is_ascii_digit)
        }
    };
    numbered && known_label && tail_ok
}

/// Contains a placeholder anywhere (`sk_live_[STRIPE_SECRET_KEY_1]`).
pub(crate) fn contains_placeholder(v: &[u8]) -> bool {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'[', &v[i..]) {
        let start = i + p;
        if let Some(q) = memchr::memchr(b']', &v[start..])
            && is_placeholder(&v[start..start + q + 1])
        {
            return true;
        }
        i = start + 1;
    }
    false
}

/// Values that say "no secret here": booleans, nulls, masks, descriptions.
pub(crate) fn is_non_value(v: &[u8]) -> bool {
    let t = v.trim_ascii();
    if t.is_empty() || is_placeholder(t) || contains_placeholder(t) {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    const WORDS: &[&[u8]] = &[
        b"true",
        b"false",
        b"null",
        b"nil",
        b"none",
        b"yes",
        b"no",
        b"on",
        b"off",
        b"undefined",
        b"empty",
        b"n/a",
        b"na",
        b"-",
        b"0",
        b"1",
        b"array",
        b"object",
        b"redacted",
        b"hidden",
        b"removed",
        b"secret",
        b"password",
        b"xxx",
        b"changeme",
        b"your_api_key",
        b"your-api-key",
        b"string",
        b"bool",
        b"int",
        b"not set",
        b"unset",
        b"set",
        b"(set)",
        b"********",
    ];
    if WORDS.contains(&lower.as_slice()) {
        return true;
    }
    // An optional type (`String!`, `String?`) names what a value will be.
    if let Some(typed) = lower
        .strip_suffix(b"!")
        .or_else(|| lower.strip_suffix(b"?"))
        && matches!(typed, b"string" | b"str" | b"int" | b"bool")
    {
        return true;
    }
    is_template(t) || is_masked(t)
}

/// Whether the value at `text[start..]` opens with a call of a function:
/// a name or a path of names (`request.form.get(`, `$this->hash(`,
/// `Str::random(`).
pub(crate) fn is_call(text: &[u8], start: usize) -> bool {
    if is_sealed_call(&text[start..]) {
        return false;
    }
    let is_path_byte =
        |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b':' | b'-' | b'>');
    let name = text[start..].iter().take_while(|b| is_path_byte(b)).count();
    name > 0
        && (text[start].is_ascii_alphabetic() || matches!(text[start], b'_' | b'$'))
        && text.get(start + name) == Some(&b'(')
}

/// Jasypt's sealed value, `ENC(G6N718UuyPE5…)`: an encrypted secret that
/// reads as a call, when `v` opens with one.
fn is_sealed_call(v: &[u8]) -> bool {
    let Some(inner) = v.strip_prefix(b"ENC(") else {
        return false;
    };
    let len = inner
        .iter()
        .take_while(|&&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-')
        })
        .count();
    len >= 16 && inner.get(len) == Some(&b')')
}

/// `$(MYSQL_PASSWORD)` (a Makefile's reference, or a shell's command),
/// `${DB_PASS:-x}` (a shell's), `#{password}` (Ruby's), `{{ token }}`,
/// `%(password)s`, `<%= ENV["X"] %>`, `&lt;your-key&gt;`, `${{ secrets.X }}`
/// (a GitHub workflow's): an opening and a name, then the closing, or the
/// name running to where the value was cut.
/// A salt may open with any two of its punctuation (`%(qpBh^5K…`, `${x!~…`):
/// what follows its name is no closing, operator or argument.
fn opens_a_reference(t: &[u8]) -> bool {
    const FORMS: &[(&[u8], &[u8])] = &[
        (b"${{", b"}}"),
        (b"${", b"}"),
        (b"$(", b")"),
        (b"#{", b"}"),
        (b"{{", b"}}"),
        (b"%(", b")"),
        (b"<%", b"%>"),
        (b"&lt;", b"&gt;"),
    ];
    FORMS.iter().any(|&(open, close)| {
        let Some(body) = t.strip_prefix(open) else {
            return false;
        };
        // `<%= … %>`, and Helm's or ERB's trimming `{{- … }}`, `<%- … %>`.
        let body = body
            .strip_prefix(b"=")
            .or_else(|| body.strip_prefix(b"-"))
            .unwrap_or(body);
        let body = &body[body.iter().take_while(|&&b| b == b' ').count()..];
        let name = body
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$'))
            .count();
        let rest = &body[name..];
        if body.is_empty() || rest.is_empty() {
            // Cut after the opening or within the name.
            return name > 0 || body.is_empty();
        }
        if name == 0 {
            return false;
        }
        if open == b"%(" {
            // Python's `%(name)s`: the closing, then a conversion.
            return rest.len() == 2 && rest[0] == b')' && rest[1].is_ascii_alphabetic();
        }
        t.ends_with(close)
            && (rest.starts_with(close)
                || matches!(
                    rest[0],
                    b' ' | b':'
                        | b'-'
                        | b'='
                        | b'?'
                        | b'+'
                        | b'#'
                        | b'%'
                        | b'/'
                        | b'['
                        | b'('
                        | b'\''
                        | b'"'
                ))
    })
}

/// A reference or template, not a value: `${DB_PASS}`, `{{ token }}`, `%s`,
/// `$SECRET`, `(hidden)`, `<your key>`, `#{password}`, `[PASSWORD]`,
/// `env.DB_PASSWORD`, `$_POST["password"]`, `getenv("X")`, an AWS ARN.
pub(crate) fn is_template(t: &[u8]) -> bool {
    // `\$_POST[…]`, `\${TOKEN}`: the sigil escaped inside a shell string
    // or a heredoc is still a reference.
    if let Some(rest) = t.strip_prefix(b"\\")
        && rest.first() == Some(&b'$')
    {
        return is_template(rest);
    }
    let wrapped = |open: u8, close: u8| t.len() >= 2 && t[0] == open && t[t.len() - 1] == close;
    if opens_a_reference(t) {
        return true;
    }
    const OPENINGS: &[&[u8]] = &[
        b"env.",
        b"process.env",
        b"os.environ",
        b"ENV[",
        b"getenv(",
        b"arn:",
    ];
    if OPENINGS.iter().any(|o| t.starts_with(o)) {
        return true;
    }
    // docker compose escapes the sigil: `$${PYPI_PASSWORD}`.
    if t.starts_with(b"$$") {
        return is_template(&t[1..]);
    }
    // Symfony's `%env(DB_PASSWORD)%` and parameters (`%database_password%`),
    // Windows' `%SMTP_PASS%`.
    if wrapped(b'%', b'%')
        && t.len() > 2
        && (t.starts_with(b"%env(")
            || t[1..t.len() - 1]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.')))
    {
        return true;
    }
    if is_format_string(t) {
        return true;
    }
    if names_a_secret_constant(t) {
        return true;
    }
    // The code between two string literals: `" + getPassword() + "`,
    // `'.$p['config']…`.
    // What follows the join is code too: a variable (`$p`, never `$0`), a
    // name, a call or a literal. A salt may open with `.$0` or `+ )`.
    const JOINS: &[&[u8]] = &[b"+ ", b". ", b".$", b"+$", b". $", b"+ $"];
    let code_follows = |rest: &[u8], after_sigil: bool| match rest.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' => true,
        Some(b'$' | b'\'' | b'"' | b'(') => !after_sigil,
        _ => false,
    };
    if JOINS
        .iter()
        .any(|j| t.starts_with(j) && code_follows(&t[j.len()..], j.ends_with(b"$")))
        || t.ends_with(b" +")
        || t.ends_with(b" .")
    {
        return true;
    }
    // Shell quotes spliced around a variable: `"'$PRECOMPILE_PASSWORD'"`.
    if t.len() > 3 && t[0] == b'\'' && t[t.len() - 1] == b'\'' && is_template(&t[1..t.len() - 1]) {
        return true;
    }
    // Jenkins writes a stored secret in braces (`{AQAAABAAAAAQ…=}`): drawn
    // characters in braces are the secret, words or a name a blank.
    // Maven's are shorter, and padded (`{COQLCE6DU6GtcS5P=}`).
    let sealed = wrapped(b'{', b'}') && t.len() >= 14 && {
        let inner = &t[1..t.len() - 1];
        inner
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            && (looks_generated(inner) || (inner.ends_with(b"=") && t.len() > 16))
    };
    if wrapped(b'(', b')') || wrapped(b'<', b'>') || (wrapped(b'{', b'}') && !sealed) {
        return true;
    }
    // `[PASSWORD]`, `[YOUR_TOKEN]`: a blank to fill in.
    if wrapped(b'[', b']')
        && t[1..t.len() - 1]
            .iter()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'_' | b' ' | b'-'))
    {
        return true;
    }
    if is_code_reference(t) {
        return true;
    }
    // printf-style: %s, %1$s, %d
    if t[0] == b'%'
        && t.len() <= 5
        && t[1..]
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'$' || b.is_ascii_lowercase())
    {
        return true;
    }
    // Shell or PHP variable: $DB_PASSWORD, $password; PowerShell's scoped
    // ones: $env:SQL_PASSWORD, $script:pw.
    let name = |s: &[u8]| {
        s.first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    t[0] == b'$'
        && t.len() > 1
        && match t[1..].iter().position(|&b| b == b':') {
            Some(colon) => name(&t[1..1 + colon]) && name(&t[2 + colon..]),
            None => t[1..]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'_'),
        }
}

/// A format string: `prefix_{}`, `prefix_{0}`, `{0}:{1}`, its fields
/// among words and plain separators. A numbered field inside words may be
/// a password's (`tonic{7}water`), and a salt's random punctuation may
/// hold `{}`.
fn is_format_string(t: &[u8]) -> bool {
    let plain = t.iter().all(|&b| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'{' | b'}' | b'_' | b'-' | b'.' | b':' | b'/' | b' ')
    });
    // Each field at an edge or beside a separator, never glued into a
    // run of letters (`Z2J{}icq` is a drawn password's).
    let mut fields = 0;
    for (at, w) in t.windows(2).enumerate() {
        let len = match w {
            [b'{', b'}'] => 2,
            [b'{', d] if d.is_ascii_digit() && t.get(at + 2) == Some(&b'}') => 3,
            _ => continue,
        };
        let apart = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
        if !(apart(at.checked_sub(1).map(|i| &t[i])) || apart(t.get(at + len))) {
            return false;
        }
        fields += 1;
    }
    plain && fields > 0 && t.len() > fields * 2
}

/// `ZENDESK_WEBHOOK_API_SECRET`, `NONCOMPLIANT_APITOKEN`: a constant's or
/// an environment variable's name, upper case words joined by `_`, one of
/// them a secret's: what a value refers to, not the value.
fn names_a_secret_constant(t: &[u8]) -> bool {
    const SECRET_WORDS: &[&[u8]] = &[
        b"PASSWORD",
        b"PASSWD",
        b"PWD",
        b"PASS",
        b"SECRET",
        b"TOKEN",
        b"APITOKEN",
        b"KEY",
        b"APIKEY",
        b"CREDENTIALS",
        b"CREDENTIAL",
        b"AUTH",
    ];
    t.first().is_some_and(u8::is_ascii_uppercase)
        && t.contains(&b'_')
        && t.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        && t.split(|&b| b == b'_').any(|w| SECRET_WORDS.contains(&w))
}

/// `Ed25519.BlindKeySignatures`, `kVK_Return.u16`: two or three short
/// identifiers joined by dots, the last one a word of code. Tokens with dots
/// (JWTs, Discord's) have a segment longer than any such name.
pub(crate) fn is_member_reference(t: &[u8]) -> bool {
    let segments: Vec<&[u8]> = t.split(|&b| b == b'.').collect();
    let ident = |s: &&[u8]| {
        (1..=24).contains(&s.len())
            && s.first()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
            && reads_as_code_name(s)
    };
    let last = segments.last().copied().unwrap_or_default();
    let lowercase_run = t
        .split(|b| !b.is_ascii_lowercase())
        .any(|run| run.len() >= 3);
    let wordish = lowercase_run
        && last.iter().any(u8::is_ascii_alphabetic)
        && last.iter().filter(|b| b.is_ascii_digit()).count() <= 3;
    (2..=3).contains(&segments.len()) && segments.iter().all(ident) && wordish
}

/// A name in code is words with a number or two (`BlindKeySignatures`,
/// `kVK_Return`, `Ed25519`, `v8_elimination`), not digits strewn through
/// it as a random segment's are (`AeYKH7k4qV9Y4B`, a part of a PayPal API
/// signature).
fn reads_as_code_name(s: &[u8]) -> bool {
    let digit_runs = s
        .iter()
        .zip(std::iter::once(&b'_').chain(s))
        .filter(|(b, before)| b.is_ascii_digit() && !before.is_ascii_digit())
        .count();
    digit_runs <= 2
}

/// `jetbrains.mps.v8_elimination`, `DOC_Vector_5_32`: words and short numbers
/// joined by dots, dashes or underscores name a setting; they are not random.
fn is_dotted_name(v: &[u8]) -> bool {
    let segments: Vec<&[u8]> = v.split(|b| matches!(b, b'.' | b'_' | b'-')).collect();
    let word = |s: &&[u8]| {
        let letters = s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let digits = s.len() - letters;
        letters > 0 && digits <= 3 && s[letters..].iter().all(u8::is_ascii_digit)
            // A word is one case, or capitalised: `Vector`, `DOC`, `mps`.
            && (s[1..letters].iter().all(u8::is_ascii_lowercase)
                || s[..letters].iter().all(u8::is_ascii_uppercase))
    };
    let number = |s: &&[u8]| !s.is_empty() && s.len() <= 4 && s.iter().all(u8::is_ascii_digit);
    segments.len() >= 2
        && segments.iter().all(|s| word(s) || number(s))
        && segments
            .iter()
            .any(|s| s.len() >= 4 && s.iter().all(u8::is_ascii_alphabetic))
}

/// `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef…`: an alphabet written out, as code
/// holds for base64 or key generation, is the opposite of random.
fn is_alphabet_run(v: &[u8]) -> bool {
    let steps = v
        .windows(2)
        .filter(|w| w[1] == w[0].wrapping_add(1))
        .count();
    v.len() >= 16 && steps * 10 >= (v.len() - 1) * 9
}

/// Code that names a value instead of holding it: a call (`Buffer.from(`,
/// `getMasterUserPassword()`), a variable indexed or dereferenced
/// (`$_POST["password"]`, `$p['config']`, `$this->pass`), a CSS id (`#add-password`).
fn is_code_reference(t: &[u8]) -> bool {
    let ident = |s: &[u8]| {
        s.iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count()
    };
    match t.first() {
        Some(b'$') => {
            let n = ident(&t[1..]);
            // `->` and `::` dereference; a password may open `$DJ-h2n!`,
            // and a salt `$uz0Nd(m!N1…`: what follows the name must read
            // as code to the value's end.
            let after = &t[1 + n..];
            let code_to_end = |rest: &[u8]| rest.iter().all(|&b| is_code_byte(b));
            n >= 2
                && (t[1].is_ascii_alphabetic() || t[1] == b'_')
                && (closes_a_call(after)
                    || is_subscript(after)
                    || (after.starts_with(b"->") || after.starts_with(b"::"))
                        && code_to_end(&after[2..]))
        }
        Some(b'#') => t.len() > 1 && t[1..].iter().all(|b| b.is_ascii_lowercase() || *b == b'-'),
        Some(b) if b.is_ascii_alphabetic() => {
            if is_member_of_settings(t) {
                return true;
            }
            let n = ident(t);
            // `Buffer.from(`, `getMasterUserPassword()`: an identifier without
            // digits (a password has them), then a call that ends the value.
            let name = &t[..n];
            // `secrets["password"]`, `config[key]`: a subscript, read up to
            // its quote.
            let subscript = t.len() == n + 1 || is_subscript(&t[n..]);
            if n >= 3
                && t.get(n) == Some(&b'[')
                && subscript
                && !name.iter().any(u8::is_ascii_digit)
                && name.iter().any(u8::is_ascii_lowercase)
            {
                return true;
            }
            n >= 4
                && t.get(n) == Some(&b'(')
                && !name.iter().any(u8::is_ascii_digit)
                && name.iter().any(u8::is_ascii_lowercase)
                && (t.len() == n + 1 || t.ends_with(b")"))
        }
        _ => false,
    }
}

/// What a call's arguments or a member's path are written with.
fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'_' | b'$'
                | b'\''
                | b'"'
                | b','
                | b' '
                | b'.'
                | b'-'
                | b'>'
                | b':'
                | b'['
                | b']'
                | b'('
                | b')'
        )
}

/// `(` and the arguments of a call that ends the value (`$fn($args)`),
/// or the paren alone where the value was read up to it (`$fn(`).
fn closes_a_call(after: &[u8]) -> bool {
    match after {
        [b'('] => true,
        [b'(', args @ .., b')'] => args.iter().all(|&b| is_code_byte(b)),
        _ => false,
    }
}

/// Names code reads its settings through: `this.mPassword`,
/// `self.password`, `config.secret`. Not `super`: `super.secret` is as
/// likely a weak password as a parent's member.
const SETTINGS_RECEIVERS: &[&[u8]] = &[
    b"this",
    b"self",
    b"cls",
    b"me",
    b"config",
    b"conf",
    b"cfg",
    b"configuration",
    b"settings",
    b"options",
    b"opts",
    b"args",
    b"params",
    b"props",
    b"ctx",
    b"context",
    b"credentials",
    b"creds",
    b"secrets",
    b"env",
    b"request",
    b"req",
    b"form",
    b"data",
    b"user",
    b"account",
    b"values",
    b"vars",
    b"app",
    b"state",
    b"payload",
    b"body",
    b"input",
    b"auth",
    b"keys",
    b"connection",
    b"db",
    b"database",
    b"smtp",
    b"mail",
    b"client",
    b"instance",
    b"profile",
];

/// A member read through a name code keeps its settings in
/// ([`SETTINGS_RECEIVERS`]): `this.mPassword`, `config.secret`,
/// `self.settings.db_password`. Each part is an identifier without digits,
/// and a part between the first and the last is such a name too or
/// written as code (`dbConfig`, `smtp_settings`), so a passphrase with dots
/// (`Blue.Horse`, `this.is.my.pass`) stays a value.
fn is_member_of_settings(t: &[u8]) -> bool {
    let parts: Vec<&[u8]> = t.split(|&b| b == b'.').collect();
    let identifier = |p: &[u8]| {
        (1..=40).contains(&p.len())
            && (p[0].is_ascii_alphabetic() || p[0] == b'_')
            && p.iter().all(|b| b.is_ascii_alphabetic() || *b == b'_')
    };
    let receiver = |p: &[u8]| SETTINGS_RECEIVERS.contains(&p.to_ascii_lowercase().as_slice());
    let written_as_code = |p: &[u8]| {
        p.contains(&b'_')
            || p.windows(2)
                .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
    };
    (2..=4).contains(&parts.len())
        && parts.iter().all(|p| identifier(p))
        && receiver(parts[0])
        && parts[1..parts.len() - 1]
            .iter()
            .all(|p| receiver(p) || written_as_code(p))
}

/// `["password"]`, `['config']…`, `{DB_PASS}`, `[$i]`: what indexes a variable,
/// a name, a number, a quoted string or a variable in brackets. A password
/// may hold brackets around other characters (`$E2{q--8fjw}%`).
fn is_subscript(after: &[u8]) -> bool {
    let Some((&open, rest)) = after.split_first() else {
        return false;
    };
    let close = match open {
        b'[' => b']',
        b'{' => b'}',
        _ => return false,
    };
    let is_name = |s: &[u8]| {
        let s = s.strip_prefix(b"$").unwrap_or(s);
        !s.is_empty() && s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let Some(end) = memchr::memchr(close, rest) else {
        // A value read up to its bracket or its quote (`$_POST[`, `$ENV{DB_PASS`,
        // `$_POST[\` before an escaped quote).
        return rest.is_empty() || matches!(rest[0], b'\'' | b'"' | b'\\') || is_name(rest);
    };
    // `[\"password\"]` inside an escaped string reads as `["password"]`.
    let inner: Vec<u8> = rest[..end]
        .iter()
        .enumerate()
        .filter(|&(i, &b)| !(b == b'\\' && matches!(rest.get(i + 1), Some(b'"' | b'\''))))
        .map(|(_, &b)| b)
        .collect();
    let quoted =
        inner.len() >= 2 && matches!(inner[0], b'\'' | b'"') && inner[inner.len() - 1] == inner[0];
    // What follows is more code, or nothing.
    let next = rest.get(end + 1);
    (quoted || is_name(&inner))
        && next.is_none_or(|b| matches!(b, b'[' | b'{' | b'-' | b')' | b';' | b',' | b'.'))
}

/// `sk_live_****1234`, `••••4242`, `xxxxxxxx`: already masked by whoever wrote it.
pub(crate) fn is_masked(v: &[u8]) -> bool {
    let mut run = 0;
    let mut best = 0;
    for &b in v {
        if b == b'*' || b == b'x' || b == b'X' {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best >= 4 || v.windows(3).any(|w| w == "•".as_bytes())
}

/// The part of `text[r]` without surrounding blanks, as a range of `text`.
pub(crate) fn trimmed(text: &[u8], r: Range<usize>) -> Range<usize> {
    let v = &text[r.clone()];
    let start = r.start + (v.len() - v.trim_ascii_start().len());
    start..start + v.trim_ascii().len()
}

/// A lowercase identifier such as `_billing_phone` or `sophmate_cache`: a name, not a secret.
fn is_identifier(v: &[u8]) -> bool {
    v.iter()
        .all(|&b| b.is_ascii_lowercase() || b == b'_' || b == b'-' || b == b'.')
        || v.iter().all(|&b| b.is_ascii_uppercase() || b == b'_')
}

fn is_uuid(v: &[u8]) -> bool {
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Does this look generated (a key or token) rather than written by a person?
pub(crate) fn looks_generated(v: &[u8]) -> bool {
    let v = v.trim_ascii();
    if v.len() < 8
        || v.len() > 4096
        || is_non_value(v)
        || is_identifier(v)
        || is_dotted_name(v)
        || is_alphabet_run(v)
    {
        return false;
    }
    if v.iter().any(|&b| b == b' ' || b == b'\t') {
        return false;
    }
    if v.contains(&b'/') && (v.starts_with(b"/") || v.windows(3).any(|w| w == b"://")) {
        return false;
    }
    if is_uuid(v) {
        return true;
    }
    let classes = char_classes(v);
    let has_digit = v.iter().any(u8::is_ascii_digit);
    let has_alpha = v.iter().any(u8::is_ascii_alphabetic);
    let hex = v.iter().all(u8::is_ascii_hexdigit);
    if hex && v.len() >= 16 && has_digit {
        return true;
    }
    if has_digit && has_alpha && classes >= 2 && v.len() >= 10 {
        return true;
    }
    if looks_random_letters(v) {
        return true;
    }
    classes >= 3 && shannon_entropy(v) >= 3.0
}

/// A generated secret that happens to hold a space or two (salt generators
/// draw from an alphabet with a space in it), never a sentence: every class
/// of character, many symbols, few spaces.
pub(crate) fn looks_generated_with_spaces(v: &[u8]) -> bool {
    let v = v.trim_ascii();
    let spaces = v.iter().filter(|&&b| b == b' ').count();
    let symbols = v.iter().filter(|&&b| b.is_ascii_punctuation()).count();
    v.len() >= 24
        && spaces * 16 <= v.len()
        && symbols * 6 >= v.len()
        && char_classes(v) >= 4
        && shannon_entropy(v) >= 4.0
}

/// `m{{h}o)p${e]nob(ody[finds>-_$#thisone}}`: letters broken by many
/// kinds of symbol, which no name, path or sentence is. Templates and code
/// references are ruled out before.
pub(crate) fn looks_symbol_rich(v: &[u8]) -> bool {
    let v = v.trim_ascii();
    if v.len() < 10 || v.len() > 256 || v.iter().any(u8::is_ascii_whitespace) || is_non_value(v) {
        return false;
    }
    let mut kinds = [false; 128];
    let mut symbols = 0;
    for &b in v {
        if b.is_ascii_punctuation() {
            symbols += 1;
            kinds[usize::from(b)] = true;
        }
    }
    let distinct = kinds.iter().filter(|&&k| k).count();
    // Paths and URLs hold few kinds of symbol, many times over.
    let path_like = v.starts_with(b"/") || v.windows(3).any(|w| w == b"://");
    !path_like && distinct >= 5 && symbols * 5 >= v.len() && v.iter().any(u8::is_ascii_alphabetic)
}

/// Letters only, but mixed case the way generators mix it (`BzsvboamcvrIavJwwCqT`),
/// not the way CamelCase names do (`WooCommerceGateway`).
fn looks_random_letters(v: &[u8]) -> bool {
    if v.len() < 12 || !v.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let upper = v.iter().filter(|b| b.is_ascii_uppercase()).count();
    let ratio = upper as f64 / v.len() as f64;
    let (runs, wordless) = capital_runs(v);
    // Every capital opening a word is an identifier: `HTTPRequestHandler`.
    if (0.2..=0.8).contains(&ratio) && shannon_entropy(v) >= 3.3 && wordless > 0 {
        return true;
    }
    // Drawn letters cluster by chance (`SJtHHDGSDvDSWuPA`): wider bounds,
    // where most capitals open no word.
    v.len() >= 16
        && (0.15..=0.85).contains(&ratio)
        && shannon_entropy(v) >= 3.1
        && runs >= 3
        && wordless * 2 >= runs
}

/// How many runs of capitals `v` holds, and how many of them are followed by
/// fewer than two small letters: `HHDGSDv`, `Wu`, as drawn letters fall, not
/// `Commerce` or `Gateway`, as names are written.
fn capital_runs(v: &[u8]) -> (usize, usize) {
    let (mut runs, mut wordless) = (0, 0);
    let mut i = 0;
    while i < v.len() {
        let caps = v[i..].iter().take_while(|b| b.is_ascii_uppercase()).count();
        let smalls = v[i + caps..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if caps > 0 {
            runs += 1;
            wordless += usize::from(smalls < 2);
        }
        i += (caps + smalls).max(1);
    }
    (runs, wordless)
}

/// Could this be a password someone chose? Looser than [`looks_generated`].
pub(crate) fn looks_password(v: &[u8]) -> bool {
    let v = v.trim_ascii();
    if v.len() < 6 || v.len() > 200 || is_non_value(v) {
        return false;
    }
    let words = v.split(|&b| b == b' ').filter(|w| !w.is_empty()).count();
    if words > 1 && !is_app_password(v) {
        return false;
    }
    let has_digit = v.iter().any(u8::is_ascii_digit);
    let has_symbol = v.iter().any(|b| b.is_ascii_punctuation());
    let has_upper = v.iter().any(u8::is_ascii_uppercase);
    (has_digit || has_symbol || has_upper) && !is_identifier(v)
}

/// WordPress application password: six groups of four letters and digits.
pub(crate) fn is_app_password(v: &[u8]) -> bool {
    let groups: Vec<&[u8]> = v.split(|&b| b == b' ').collect();
    groups.len() == 6
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.iter().all(u8::is_ascii_alphanumeric))
        && char_classes(&v.iter().copied().filter(|&b| b != b' ').collect::<Vec<_>>()) >= 2
        && groups
            .iter()
            .filter(|g| {
                g.iter()
                    .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
            })
            .count()
            >= 3
        // Digit groups are a card or a serial printed in fours, not a password.
        && groups
            .iter()
            .filter(|g| g.iter().all(u8::is_ascii_digit))
            .count()
            <= 2
}

/// Whether `word` is one of [`NOT_NAMES`]: looked up for every word of a name
/// candidate, so from a set rather than down the list.
pub(crate) fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<FastSet<&str>> =
        LazyLock::new(|| NOT_NAMES.iter().chain(COMPANY_FORMS).copied().collect());
    SET.contains(word) || crate::redact::customer_words::is_introduction_word(word)
}

/// The words that end a company's name (`Solara Pvt Ltd`), as prose writes them.
const COMPANY_FORMS: &[&str] = &[
    "Ltd", "Limited", "Pvt", "Inc", "Corp", "Plc", "Llc", "Llp", "Pty", "Gmbh", "Sarl", "Srl",
    "Ltda", "Lda", "Şti", "Kft", "Oy", "Oyj", "ApS",
];

/// `Zeitgeist Pvt Ltd`, `Harbour Bakes Ltd.`: a company's name, by the form it ends with.
pub(crate) fn names_a_company(v: &[u8]) -> bool {
    std::str::from_utf8(v).is_ok_and(|s| {
        s.split_whitespace()
            .next_back()
            .map(|w| w.trim_end_matches(['.', ',']))
            .is_some_and(|w| {
                COMPANY_FORMS.contains(&w) || COMPANY_FORMS.contains(&title_case(w).as_str())
            })
    })
}

/// Capitalised words that start sentences or name products, never customers.
const NOT_NAMES: &[&str] = &[
    // "I" and "here" in the languages introductions are written in
    // (`Hej! Jag heter …`, `Hi, Ben here`-style openings).
    "Jag",
    "Ich",
    "Je",
    "Ik",
    "Io",
    "Yo",
    "Eu",
    "Moi",
    "Hier",
    "Aqui",
    "Qui",
    "Ici",
    "I",
    "The",
    "A",
    "An",
    "We",
    "Our",
    "You",
    "Your",
    "It",
    "This",
    "That",
    "There",
    "Here",
    "Please",
    "Thanks",
    "Thank",
    "Team",
    "Support",
    "Customer",
    "Customers",
    "Sir",
    "Madam",
    "Admin",
    "Administrator",
    "Everyone",
    "All",
    "Order",
    "Orders",
    "Hello",
    "Hi",
    "Dear",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Not",
    "Just",
    "Sorry",
    "Yes",
    "No",
    "Ok",
    "Okay",
    "Unknown",
    "Guest",
    "User",
    "Test",
    "Shop",
    "Store",
    "Manager",
    "Owner",
    "Staff",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Doctor",
    "Miss",
    "Regards",
    "Best",
    "Kind",
    "Cheers",
    "Also",
    "And",
    "But",
    "Or",
    "So",
    "If",
    "When",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Which",
    "My",
    "Me",
    "He",
    "She",
    "They",
    "Them",
    "His",
    "Her",
    "Their",
    "Its",
    "Is",
    "Was",
    "Are",
    "Were",
    "Be",
    "Been",
    "Can",
    "Could",
    "Would",
    "Should",
    "Will",
    "Shall",
    "Might",
    "Must",
    "Do",
    "Does",
    "Did",
    "Have",
    "Has",
    "Had",
    "Get",
    "Got",
    "Let",
    "Now",
    "Then",
    "Today",
    "Tomorrow",
    "Yesterday",
    "Again",
    "Still",
    "Already",
    "Sophie",
    "Assistant",
    "Bot",
    "Agent",
    "Operator",
    "Developer",
    "Default",
    "Anonymous",
    "Visitor",
    // Whom a formal greeting addresses when it names nobody.
    "Damen",
    "Herren",
    "Kunde",
    "Kundin",
    "Kunden",
    "Cliente",
    "Clienti",
    "Mesdames",
    "Messieurs",
    "Señores",
    "Signori",
    "Client",
    "Buyer",
    "Seller",
    "Merchant",
    "Company",
    "Support",
    "Billing",
    "Shipping",
    "Account",
    "Accounts",
    "Sales",
    "Service",
    "Services",
    "Mail",
    "Email",
    "Phone",
    "Address",
    "Name",
    "New",
    "Old",
    "Other",
    "Some",
    "Any",
    "Each",
    "Every",
    "No",
    "None",
    "Nothing",
    "Something",
    "Everything",
    "Someone",
    "Anyone",
    "Nobody",
    "Happy",
    "Good",
    "Great",
    "Fine",
    "Well",
    "Sure",
    "Welcome",
    "Error",
    "Warning",
    "Notice",
    "Fatal",
    "Info",
    "Debug",
    "Request",
    "Response",
    "Status",
    "Provider",
    "Model",
    "Chat",
    "Product",
    "Products",
    "Cart",
    "Checkout",
    "Payment",
    "Payments",
    "Refund",
    "Delivery",
    "Wordpress",
    "Woocommerce",
    "Stripe",
    "Paypal",
    "Google",
    "Apple",
    "Amazon",
    "Microsoft",
];

pub(crate) fn is_name_word(w: &str) -> bool {
    // Dutch writes the digraph `IJ` as one capital: `IJzerman`.
    if let Some(rest) = w.strip_prefix("IJ")
        && rest.starts_with(|c: char| c.is_lowercase())
    {
        return is_name_word(&w[1..]);
    }
    let Some(first) = w.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // Read in place: asked of every capitalised word a name rule meets.
    let rest = &w[first.len_utf8()..];
    if rest.is_empty() || rest.chars().all(char::is_uppercase) {
        return false;
    }
    // Letters, with an inner apostrophe or hyphen (O'Brien, Jean-Luc); no camelCase
    // (SophMate) except after the prefixes names carry (McDonald, MacCarthy,
    // DeShawn), in any part of a double-barrelled name (Connell-MacLeod).
    // Positions count chars of `w`; `rest` starts at the second.
    let mut inner_capital_at = name_prefix_len(w);
    let mut prev_sep = false;
    for (i, (at, c)) in rest.char_indices().enumerate() {
        if c == '\'' || c == '’' || c == '-' {
            if prev_sep {
                return false;
            }
            prev_sep = true;
            if c == '-' {
                let part = &rest[at + c.len_utf8()..];
                inner_capital_at = name_prefix_len(part).map(|p| i + 2 + p);
            }
            continue;
        }
        let after_prefix = inner_capital_at == Some(i + 1);
        if !c.is_alphabetic() || (c.is_uppercase() && !prev_sep && !after_prefix) {
            return false;
        }
        prev_sep = false;
    }
    !prev_sep && !is_not_name(w)
}

/// Characters before the inner capital of McDonald, MacCarthy, DeShawn, LaToya, DiMaggio.
fn name_prefix_len(w: &str) -> Option<usize> {
    const PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du"];
    // Asked of every capitalised word: most open with no prefix's letter.
    let first = *w.as_bytes().first()?;
    if !PREFIXES.iter().any(|p| p.as_bytes()[0] == first) {
        return None;
    }
    PREFIXES
        .iter()
        .find(|p| {
            let Some(tail) = w.strip_prefix(**p) else {
                return false;
            };
            // Only up to a hyphen: `McKenzie-Brown` is judged by `McKenzie`.
            let tail = tail.split('-').next().unwrap_or(tail);
            tail.chars().next().is_some_and(char::is_uppercase)
                && tail.chars().skip(1).all(char::is_lowercase)
                && tail.chars().count() >= 3
        })
        .map(|p| p.len())
}

/// A name as a person reads it: JSON `\u00e1` and `\'` escapes, and the
/// percent-encoding and `+` spaces of form data, undone.
pub(crate) fn unescape_name(v: &[u8]) -> Option<String> {
    let mut out: Vec<u8> = Vec::with_capacity(v.len());
    let form = v.contains(&b'%') || (v.contains(&b'+') && !v.contains(&b' '));
    let mut i = 0;
    while i < v.len() {
        match v[i] {
            b'\\' if v.get(i + 1) == Some(&b'u') && i + 6 <= v.len() => {
                let hex = std::str::from_utf8(&v[i + 2..i + 6]).ok()?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += 6;
            }
            b'\\' if matches!(v.get(i + 1), Some(b'\'' | b'"')) => {
                out.push(v[i + 1]);
                i += 2;
            }
            // SQL doubles a quote inside a literal: `O''Connell`.
            b'\'' if v.get(i + 1) == Some(&b'\'') => {
                out.push(b'\'');
                i += 2;
            }
            b'%' if form && i + 3 <= v.len() => {
                let hex = std::str::from_utf8(&v[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if form => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(read) => Some(read),
        // Form data posted in windows-1252, as PayPal's notifications are by
        // default (`last_name=Schr%F6der`): each byte the Latin-1 letter.
        Err(e) if form => Some(e.into_bytes().into_iter().map(char::from).collect()),
        Err(_) => None,
    }
}

/// What a field that names a person's name holds, written as records
/// write names: a name as prose writes it, or one to four words of letters
/// that prose would not take for one (`OConnell` with its apostrophe lost,
/// a surname in capitals, `ROUSSEAU`, `DeShawnte`).
pub(crate) fn looks_name_of_a_name_field(v: &[u8]) -> bool {
    if looks_person_name(v) {
        return true;
    }
    let Some(s) = unescape_name(v.trim_ascii()) else {
        return false;
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    if typed_in_lowercase(&words) {
        return true;
    }
    // Lowercase particles, alone (`van`, `de`) or elided onto the name
    // (`d'Aubigné-Lacroix`, `l’Hermite`), as a record keeps them.
    let particles = words.iter().filter(|w| NAME_PARTICLES.contains(w)).count();
    (1..=4).contains(&(words.len() - particles))
        && s.len() <= 60
        && words.iter().all(|w| {
            if NAME_PARTICLES.contains(w) {
                return true;
            }
            let w = elided(w);
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                && !is_not_name(w)
                && !is_not_name(&title_case(w))
        })
}

/// `oliver`, `kowalski alice`: a name as a customer typed it into a name
/// field, all in lowercase, told from a word (`string`, `required`) by a
/// given name among its words.
fn typed_in_lowercase(words: &[&str]) -> bool {
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_lowercase() || c == '-'))
        && words.iter().any(|w| {
            let name = title_case(w);
            crate::redact::given_names::is_given_name(&name) && !is_not_name(&name)
        })
}

/// The name under an elided particle: `Aubigné` of `d'Aubigné`.
fn elided(w: &str) -> &str {
    ELIDED_PARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w)
}

/// `ROUSSEAU` as `Rousseau`, for looking a word up among the words no name is.
fn title_case(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// One to five capitalised words, each a plausible name part, with the
/// particles names carry (`dos`, `van`, `ní`).
pub(crate) fn looks_person_name(v: &[u8]) -> bool {
    let Some(s) = unescape_name(v.trim_ascii()) else {
        return false;
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    // `José Luis García de la Fuente`: particles do not count towards the five words.
    if words.is_empty() || words.len() > 8 || s.len() > 80 {
        return false;
    }
    // `Gaëlle d'Aubigné`: an elided particle never opens the name.
    let written_name = |i: usize, w: &str| is_name_word(if i > 0 { elided(w) } else { w });
    // `Jean DUPONT`, `KIMURA Akiko`: a surname in capitals, beside a name
    // written as prose writes one.
    if !words.iter().enumerate().any(|(i, w)| written_name(i, w)) {
        return false;
    }
    let name_word = |i: usize, w: &str| written_name(i, w) || is_capitals_surname(w);
    let named = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| name_word(i, w))
        .count();
    // A middle name's initial (`M.`), between two names.
    let initial = |i: usize, w: &str| {
        let mut chars = w.chars();
        i > 0
            && i + 1 < words.len()
            && chars.next().is_some_and(char::is_uppercase)
            && chars.as_str() == "."
    };
    // `Anaïs DE LA FONTAINE`: particles in capitals, as a surname in
    // capitals carries them (`DE` alone is a country's code, no name).
    let particle = |w: &str| {
        NAME_PARTICLES.contains(&w) || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
    };
    let capitals_particle = |i: usize, w: &str| {
        !w.chars().any(char::is_lowercase)
            && particle(w)
            && words[i + 1..]
                .iter()
                .find(|next| !particle(next))
                .is_some_and(|next| is_capitals_surname(next))
    };
    words.iter().enumerate().all(|(i, w)| {
        name_word(i, w) || NAME_PARTICLES.contains(w) || initial(i, w) || capitals_particle(i, w)
    }) && (1..=5).contains(&named)
}

/// A surname as French and Japanese custom writes it, in capitals (`DUPONT`,
/// `LE GALL`, `O'BRIEN`, `KIMURA`): letters with a vowel, not an acronym or a
/// word shouted (`API`, `URGENT`), nor a word no name is (`TEAM`).
pub(crate) fn is_capitals_surname(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let shape = (2..=24).contains(&letters)
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '\'' | '’' | '-'))
        && !w.ends_with(['\'', '’', '-'])
        && w.chars().next().is_some_and(char::is_uppercase);
    let vowel = title_case(w)
        .chars()
        .any(|c| "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýōū".contains(c));
    shape && vowel && !SHOUTED_WORDS.contains(&w) && !is_not_name(&title_case(w))
}

/// Words written in capitals that are no surname: acronyms, log levels,
/// currencies, time zones, company forms and words written to stand out.
const SHOUTED_WORDS: &[&str] = &[
    "API",
    "URL",
    "URI",
    "UUID",
    "ID",
    "IP",
    "OS",
    "UI",
    "UX",
    "AI",
    "AWS",
    "GCP",
    "SEO",
    "CEO",
    "COO",
    "CTO",
    "CIO",
    "CFO",
    "JSON",
    "AJAX",
    "CORS",
    "REST",
    "SOAP",
    "YAML",
    "ASAP",
    "FAQ",
    "EU",
    "USA",
    "UAE",
    "UK",
    "US",
    "OK",
    "PDF",
    "CSV",
    "XML",
    "HTML",
    "PHP",
    "SQL",
    "SMS",
    "ERP",
    "CRM",
    "POS",
    "GDPR",
    "VAT",
    "TAX",
    "EUR",
    "USD",
    "GBP",
    "AUD",
    "CAD",
    "JPY",
    "INR",
    "BRL",
    "TRY",
    "UTC",
    "GMT",
    "CET",
    "CEST",
    "EST",
    "EDT",
    "PST",
    "PDT",
    "IST",
    "JST",
    "AM",
    "PM",
    "ERROR",
    "INFO",
    "DEBUG",
    "NOTICE",
    "WARNING",
    "WARN",
    "FATAL",
    "ALERT",
    "TODO",
    "NOTE",
    "URGENT",
    "IMPORTANT",
    "NEW",
    "TEST",
    "OUT",
    "ON",
    "OFF",
    "YES",
    "NO",
    "NA",
    "OTP",
    "PIN",
    "SKU",
    "QTY",
    "ETA",
    "AKA",
    "FYI",
    "IMO",
    "TIA",
    "WOO",
    "WP",
    "WC",
    "ADMIN",
    "SUPPORT",
    "TEAM",
    "HQ",
    "LTD",
    "LLC",
    "INC",
    "GMBH",
    "SAS",
    "SARL",
    "SRL",
    "SPA",
    "BV",
    "AG",
    "AB",
    "AS",
    "OY",
    "PLC",
    "CO",
    "SA",
    "AND",
    "OR",
    "THE",
    "FOR",
    "FROM",
    "TO",
    "IN",
    "AT",
    "OF",
    "IS",
    "IT",
    "BY",
    "ALL",
    "ANY",
    "NOT",
    "NONE",
    "NULL",
    "TRUE",
    "FALSE",
    "PAID",
    "DUE",
    "SALE",
    "FREE",
    "VIP",
    "ORDER",
    "RE",
    "FW",
    "FWD",
    "AW",
    "WG",
    "RV",
    "TR",
    "SV",
    "VS",
    "PS",
    "NB",
    "PO",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "JP",
    "BR",
    "IN",
    "AU",
    "CA",
    "MX",
    "PT",
    "PL",
    "SE",
    "NO",
    "DK",
    "FI",
    "IE",
    "AT",
    "CH",
    "BE",
    "TR",
    "GB",
    "NZ",
    "ZA",
    "SG",
    "HK",
    "CN",
    "KR",
    "TW",
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "SSL",
    "TLS",
    "SSO",
    "SAML",
    "OAUTH",
    "LDAP",
    "CDN",
    "DNS",
    "VPN",
    "RAM",
    "CPU",
    "GPU",
    "IO",
    "EOF",
    "UTF",
    "ASCII",
    "ISO",
    "IBAN",
    "BIC",
    "CVC",
    "CVV",
    "AVS",
    "EMEA",
    "APAC",
    "LATAM",
];

/// Name words worth remembering on their own (`Ulrike` from `Ulrike Yamamoto`).
pub(crate) fn name_words(v: &[u8]) -> Vec<&[u8]> {
    let Ok(s) = std::str::from_utf8(v) else {
        return Vec::new();
    };
    // Each half of a double-barrelled surname is written alone too:
    // `Rutherford-O'Brien` is `Mrs O'Brien` in the next message.
    let mut words = Vec::new();
    for w in s.split_whitespace().map(elided) {
        words.push(w);
        if w.contains('-') {
            words.extend(w.split('-').map(elided));
        }
    }
    words
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && is_name_word(w))
        .map(str::as_bytes)
        .collect()
}

/// A phone number as written: 7 to 15 digits with the usual separators.
pub(crate) fn looks_phone(v: &[u8]) -> bool {
    let v = v.trim_ascii();
    if v.is_empty() || v.len() > 32 {
        return false;
    }
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    // JSON may escape the slash of `0176/5550123` as `\/`.
    (7..=15).contains(&digits)
        && v.iter().enumerate().all(|(i, &b)| {
            b.is_ascii_digit()
                || matches!(b, b'+' | b' ' | b'-' | b'.' | b'(' | b')' | b'/')
                || (b == b'\\' && v.get(i + 1) == Some(&b'/'))
        })
        && v.iter().filter(|&&b| b == b'+').count() <= 1
        && !looks_like_date(v)
        && !is_ipv4(v)
}

/// `10.20.30.40` after `reach me at` is a machine, whatever the words say.
fn is_ipv4(v: &[u8]) -> bool {
    std::str::from_utf8(v).is_ok_and(|v| v.parse::<std::net::Ipv4Addr>().is_ok())
}

fn looks_like_date(v: &[u8]) -> bool {
    // 20240611, as file names and batch ids write a date.
    if v.len() == 8 && v.iter().all(u8::is_ascii_digit) {
        let number = |r: std::ops::Range<usize>| {
            v[r].iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
        };
        return (1900..=2099).contains(&number(0..4))
            && (1..=12).contains(&number(4..6))
            && (1..=31).contains(&number(6..8));
    }
    // 2024-06-11, 11.06.2024, 2024/06/11
    let parts: Vec<&[u8]> = v.split(|&b| matches!(b, b'-' | b'.' | b'/')).collect();
    let year = |p: &[u8]| p.len() == 4 && (p.starts_with(b"19") || p.starts_with(b"20"));
    parts.len() == 3
        && parts.iter().all(|p| p.iter().all(u8::is_ascii_digit))
        && ((year(parts[0]) && parts[1].len() <= 2 && parts[2].len() <= 2)
            || (year(parts[2]) && parts[0].len() <= 2 && parts[1].len() <= 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_escaped_as_json_and_forms_post_them_are_read() {
        for (escaped, read) in [
            ("Fern\\u00e1ndez", "Fernández"),
            (
                "Krist%C3%ADn+Sigur%C3%B0ard%C3%B3ttir",
                "Kristín Sigurðardóttir",
            ),
            // windows-1252, as PayPal posts by default.
            ("J%FCrgen+Wei%DFm%FCller", "Jürgen Weißmüller"),
            ("Fran%E7oise", "Françoise"),
        ] {
            assert_eq!(unescape_name(escaped.as_bytes()).as_deref(), Some(read));
        }
        // Bytes that are no text, outside form data, are not read.
        assert_eq!(unescape_name(&[b'M', 0xFC, b'l']), None);
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder(b"[EMAIL_1]"));
        assert!(is_placeholder(b"[CARD_12 ending 4242]"));
        assert!(!is_placeholder(b"[note]"));
        assert!(!is_placeholder(b"[JOB_42 charged 4062481531354735]"));
        assert!(!is_placeholder(b"[JOB_42]"));
        assert!(contains_placeholder(b"sk_live_[STRIPE_SECRET_KEY_1]"));
    }

    #[test]
    fn a_particle_never_opens_a_name() {
        assert!(looks_person_name("Élodie d'Ormesson".as_bytes()));
        assert!(!looks_person_name(b"d'Ormesson Elodie"));
    }

    #[test]
    fn generated_vs_words() {
        assert!(looks_generated(b"qj3JfH57fRGQcZDbVMdNQYUOffHUXU8c"));
        assert!(looks_generated(b"8b51fb3856a0dfe73dd7339c768564ad"));
        assert!(looks_generated(b"c9c2cf6b-2425-471c-b20a-fc9b41fcba49"));
        assert!(!looks_generated(b"_billing_phone"));
        assert!(!looks_generated(b"invalid"));
        assert!(!looks_generated(b"sk_live_****1234"));
        assert!(!looks_generated(b"/var/www/html/wp-config.php"));
        assert!(looks_generated(b"BzsvboamcvrIavJwwCqT"));
        // Drawn letters where capitals cluster by chance.
        assert!(looks_generated(b"SJtHHDGSDvDSWuPA"));
        assert!(looks_generated(b"QWkRTzPLxMNbVCEy"));
        assert!(!looks_generated(b"HTTPRequestHandlerFactory"));
        assert!(!looks_generated(b"WCGatewayPPCPCardFields"));
        assert!(!looks_generated(b"WooCommerceGatewayStripe"));
        assert!(!looks_generated(b"${DB_PASSWORD}"));
    }

    #[test]
    fn a_join_is_code_only_where_code_follows_it() {
        assert!(is_non_value(b".$p['config']['pass'] . '"));
        assert!(is_non_value(b" + getPassword() + "));
        assert!(is_non_value(b". $db_pass ."));
        // Salts and passwords open with the same marks.
        assert!(!is_non_value(b".$0bmoZ<5; )`5_r>E<}_ LJeNStn{gc&R?rv"));
        assert!(!is_non_value(b"+$9kQ!w2#Lp"));
        assert!(!is_non_value(b". )x7Vb;q-2LmZ"));
    }

    #[test]
    fn a_reference_closes_as_its_opening_says() {
        for reference in [
            "${DB_PASS}",
            "${DB_PASS:-changeme}",
            "${1}",
            "${1:-secret}",
            "${",
            "$(MYSQL_PASSWORD)",
            "$(cat /run/secrets/db_password)",
            "$(cat",
            "#{password}",
            "{{ token }}",
            "{{.Values.db.password}}",
            "{{- .Values.db.password }}",
            "${{ secrets.DB_PASSWORD }}",
            "${{needs.vault.outputs.account_password}}",
            "{{",
            "{{vault_secret",
            "%(password)s",
            "<%= ENV['SMTP_PASS'] %>",
            "&lt;your-api-key&gt;",
        ] {
            assert!(is_template(reference.as_bytes()), "{reference}");
        }
        // Salts that open with two of their punctuation.
        for salt in [
            "%(qWbh^5K2l&P`_d!1{!To~J:xX%Ud+!~~ny,hx5=>x. `L@yj1t0KeXm<k c;`",
            "${x!~Rq2#Lp{9}w^Vb&7*Nz",
            "$(Tk8;w)Q!z@3^Lm~Pq#e",
            "#{9ab}Kq!2x^Z&mW%Lo@",
            "{{Hq7^Lp!2}}x~Wz@9#",
            "<%r8!Qx^Lw2~Pz#Kv%",
        ] {
            assert!(!is_template(salt.as_bytes()), "{salt}");
            assert!(!is_non_value(salt.as_bytes()), "{salt}");
        }
    }

    #[test]
    fn code_around_a_value_is_not_one() {
        for member in [
            "Ed25519.BlindKeySignatures",
            "X25519.KeyPair",
            "kVK_Return.u16",
        ] {
            assert!(is_member_reference(member.as_bytes()), "{member}");
        }
        assert!(!is_member_reference(b"Xk9.pw2Lq"));
        // Random segments joined by dots, as a PayPal API signature's.
        for random in [
            "Qm7rT2kPz9Lx4B.Vn3sd8HqwKJ1ZY5plr2W6.t8F1mpzUk",
            "Zr4Tq.p8W1nB6vXc0.L5e",
        ] {
            assert!(!is_member_reference(random.as_bytes()), "{random}");
        }
        for code in [
            " + getMasterUserPassword() + ",
            ".$p[",
            "'$PRECOMPILE_PASSWORD'",
            "$this->smtp_pass",
            "$config::PASSWORD",
            "$_POST['pwd']",
            "$_POST[",
            "$_POST[\\",
            "$cfg[\"db\"][\"pass\"]",
            "$ENV{DB_PASS}",
            "$ENV{DB_PASS",
            "$row[$i]",
            "$env:SQL_PASSWORD",
            "$callback($order, 'refund')",
            "$getSecret(",
            "$wpdb->prefix",
            "this.mPassword",
            "self.password",
            "config.secret",
            "Settings.SmtpPass",
            "this.dbConfig.password",
            "self.settings.db_password",
        ] {
            assert!(is_non_value(code.as_bytes()), "{code}");
        }
        for secret in [
            // A password that opens with a sigil and a dash.
            "$DJ-h2n!ssC2#*~S!K+P-Q",
            "$Qa:9x!Lm2",
            // Salts from the full set WordPress draws from: a name, then
            // a paren or an arrow that no call or member closes.
            "$uQ7Kd(x!R2pLs@=WbT{.Yf8(o#^j^m]t-!`aeiUv?m.vH@#sq",
            "$Hm3x(p)q!Zr#8{Lw",
            "$kT9q->Zz!x^{7Pw<N",
            "$Rv8u::w~Y+q;Lk%2",
            // Braces and brackets around what no subscript holds.
            "$E2{q--8fjw93kd}%",
            "$Wq[7!x]z",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "Xk9.pw2Lq",
            "+33 6 12 34 56 78",
            // Passphrases with dots: no receiver, or words between.
            "Blue.Horse",
            "super.secret",
            "this.is.my.pass",
            "config.Secret2024",
        ] {
            assert!(!is_non_value(secret.as_bytes()), "{secret}");
        }
    }

    #[test]
    fn symbol_rich_values() {
        assert!(looks_symbol_rich(
            b"m{{h}o)p${e]nob(ody[finds>-_$#thisone}}"
        ));
        assert!(looks_symbol_rich(b"q[w]e{r}t(y)!u"));
        assert!(!looks_symbol_rich(b"${DB_PASSWORD}"));
        assert!(!looks_symbol_rich(b"{{ vault_secret }}"));
        assert!(!looks_symbol_rich(b"https://x.example/a?b=c&d=e#f"));
        assert!(!looks_symbol_rich(b"wp_options.option_value"));
        assert!(!looks_symbol_rich(b"$config->get('api')"));
    }

    #[test]
    fn passwords() {
        assert!(looks_password(b"Welcome2022#"));
        assert!(looks_password(b"Tundra-Marsh-Nimbus94"));
        assert!(looks_password(b"nGte Rv1A cDhE yJyH g1cC 8TJl"));
        assert!(!looks_password(b"YES"));
        assert!(!looks_password(b"link sent"));
    }

    #[test]
    fn names() {
        assert!(looks_person_name("Joaquín Fitzgerald".as_bytes()));
        assert!(looks_person_name("Szymańska".as_bytes()));
        assert!(looks_person_name(b"Jean-Luc O'Brien"));
        assert!(looks_person_name(
            "Luis Miguel García de la Vega".as_bytes()
        ));
        assert!(looks_person_name(br"Mar\u00eda Jos\u00e9 Pe\u00f1a"));
        assert!(looks_person_name("Gerrit van ’t Wout".as_bytes()));
        assert!(looks_person_name(b"van+'t+Hof"));
        assert!(!looks_person_name(b"Ana Bea Cora Dina Ema Fia"));
        assert!(!looks_person_name(b"SophMate"));
        assert!(!looks_person_name(b"deepseek-chat"));
        assert!(!looks_person_name(b"The Team"));
    }

    #[test]
    fn a_name_field_holds_names_as_records_write_them() {
        for v in [
            "OConnell",
            "ROUSSEAU",
            "Siobhan OConnell",
            "Sjöberg",
            "DeShawnte",
            "van+'t+Hof",
        ] {
            assert!(looks_name_of_a_name_field(v.as_bytes()), "{v}");
        }
        for v in [
            "N/A",
            "test",
            "null",
            "TEST",
            "Guest",
            "Order 4411",
            "customer@example.org",
            "-",
        ] {
            assert!(!looks_name_of_a_name_field(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn double_barrelled_names_carry_prefixes_in_any_part() {
        for name in [
            "Connell-MacLeod",
            "Hamish O'Connell-MacLeod",
            r"O\'Connell-McKenzie",
            "Smith-DiMaggio",
            "McKenzie-Brown",
        ] {
            assert!(looks_person_name(name.as_bytes()), "{name}");
        }
        for not_a_name in ["Read-MeFirst", "Plugin-SophMate", "Mac-OSX"] {
            assert!(!looks_person_name(not_a_name.as_bytes()), "{not_a_name}");
        }
    }

    #[test]
    fn phones() {
        assert!(looks_phone(b"+1 (790) 839-4736"));
        assert!(looks_phone(b"613.259.2575"));
        assert!(looks_phone(b"+49 (0)160 8957 9334"));
        assert!(!looks_phone(b"2024-06-11"));
        assert!(!looks_phone(b"12345"));
    }
}
