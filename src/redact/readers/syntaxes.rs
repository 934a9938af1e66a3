//! Pairs in syntaxes that do not write `key: value`: quoted
//! tuples, call arguments (`privateKey('…')`), SQL statements whose columns
//! name values elsewhere on the line, and PHP's serialized arrays.

use std::ops::Range;

use crate::redact::byteclass::positions;
use crate::redact::gate::GateWords;
use crate::redact::pairs::{Pair, Quote, closing_quote, is_key_byte, trim_quotes};
use crate::redact::scan::Lines;

/// The words the syntaxes of pairs start from, found in the gate's one pass
/// over a block instead of a substring search each.
pub(crate) const ANCHOR_WORDS: &[&str] = &[
    "define(",
    "</",
    ";s:",
    "VALUES",
    "values",
    "option_value",
    "meta_value",
    "value=",
    // Commands and directives that set a setting: its name, blanks, its value.
    "setx ",
    "ENV ",
    "SetEnv ",
    "config set ",
    "configure set ",
    "CONFIG SET ",
    "fastcgi_param ",
    "php_value ",
    "php_admin_value ",
    // fish's `set -gx NAME value` (any flags, skipped), csh's `setenv`,
    // WP-CLI's options.
    "set -",
    "setenv ",
    "option update ",
    "option add ",
    // Directives that are the setting's name (Redis's configuration).
    "requirepass ",
    "masterauth ",
    // A command naming a setting with one parameter and giving its value
    // with another: PowerShell's `-Name … -Value …`, `reg add … /v … /d …`.
    "-Name ",
    "/v ",
    // R's assignment, `password <- "…"` (and `<<-`), and of a quoted
    // literal the other way, `"…" -> password` (and `->>`).
    "<-",
    "\" ->",
    "' ->",
    // The value of an item named by a sibling: YAML's `- name: …` then
    // `value: …` (Kubernetes' env), XML's `<name>…</name><value>…`.
    "value: ",
    "<value>",
    // A JSON object naming its value's field (`{"key":"billing_phone","value":…}`).
    "\"value\":",
    // The commands of `command_output`, each followed by the name it reads.
    "option get ",
    "option pluck ",
    "config get ",
    "CONFIG GET ",
    "echo $",
    "printenv ",
    "get_option(",
    "jsonpath=",
    ".pgpass",
    "-field=",
    "--secret=",
    "--secret-id ",
    "config:get ",
    "/run/secrets/",
    "op://",
    "output -raw ",
    "secrets get ",
    "pass show ",
    "keyvault secret show ",
    "getenv(",
    "find-generic-password",
    "application-password create ",
    "HGETALL ",
    "hgetall ",
];
pub(crate) const DEFINE: usize = 0;
pub(crate) const CLOSING_TAG: usize = 1;
const SERIALIZED_STRING: usize = 2;
/// `VALUES`, `values`, `option_value` and `meta_value` follow in that order.
const SQL_WORDS: std::ops::Range<usize> = 3..7;
/// `value=`, an attribute of a markup tag.
pub(crate) const ATTRIBUTE_VALUE: usize = 7;
/// The setters, then the directives named as their setting, read by
/// [`spaced_settings`].
const SETTER_WORDS: std::ops::Range<usize> = 8..21;
const DIRECTIVE_WORDS: std::ops::Range<usize> = 21..23;
/// `-Name ` and `/v `, each with the parameter giving its value, read by
/// [`named_parameters`].
const NAME_PARAMETERS: [(usize, &[u8]); 2] = [(23, b"-Value "), (24, b"/d ")];
/// `"value":`, read by [`named_values`].
const VALUE_MEMBER: usize = 30;
/// `value: ` and `<value>`, read by [`sibling_named_values`].
const SIBLING_VALUE: [usize; 2] = [28, 29];
/// `<-`, then `" ->` and `' ->`, read by [`arrow_assignments`].
const LEFT_ARROW: usize = 25;
const RIGHT_ARROWS: [usize; 2] = [26, 27];
/// The commands whose output [`crate::redact::command_output`] reads.
/// They close the list: a command added at its end is read.
pub(crate) const COMMAND_WORDS: std::ops::Range<usize> = 31..ANCHOR_WORDS.len();

pub(crate) fn gate_words() -> GateWords<'static> {
    GateWords {
        words: ANCHOR_WORDS,
        case_insensitive: false,
        word_start: false,
        word_end: false,
        positions: true,
    }
}

/// The gate's hits for [`gate_words`] in one block: (start, word), in order.
#[derive(Clone, Copy)]
pub(crate) struct Anchors<'a>(pub &'a [(usize, usize)]);

impl Anchors<'_> {
    /// Where the anchor word `word` starts, in order.
    pub fn of(self, word: usize) -> impl Iterator<Item = usize> {
        self.0
            .iter()
            .filter(move |&&(_, w)| w == word)
            .map(|&(start, _)| start)
    }
}

pub(crate) fn quoted_pair(key: Range<usize>, value: Range<usize>, q: u8) -> Pair {
    Pair {
        key,
        rest: value.clone(),
        value,
        quote: if q == b'"' {
            Quote::Double
        } else {
            Quote::Single
        },
        in_query: false,
        table_cell: false,
    }
}

/// A pair whose value stands unquoted, up to where the syntax ends it.
fn bare_pair(key: Range<usize>, value: Range<usize>) -> Pair {
    Pair {
        quote: Quote::None,
        ..quoted_pair(key, value, b'"')
    }
}

/// A quoted key then its quoted value, comma-separated: the `'meta_key','meta_value'`
/// rows of SQL dumps and the `["key", "value"]` pairs of exports.
pub(crate) fn quoted_tuples<T>(
    text: &[u8],
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for comma in positions(text, [b',']) {
        // `x['AccountKey'], 'value'`: the name indexes the first argument.
        let indexed = comma >= 2 && text[comma - 1] == b']';
        let key_close = comma - usize::from(indexed);
        let Some(&q) = key_close.checked_sub(1).and_then(|i| text.get(i)) else {
            continue;
        };
        if q != b'\'' && q != b'"' {
            continue;
        }
        let mut v = comma + 1;
        while v < text.len() && text[v] == b' ' {
            v += 1;
        }
        if text.get(v) != Some(&q) {
            continue;
        }
        let key_end = key_close - 1;
        let floor = key_end.saturating_sub(64);
        let Some(open) = (floor..key_end)
            .rev()
            .find(|&i| text[i] == q || text[i] == b'\n')
        else {
            continue;
        };
        if text[open] != q || (indexed && open.checked_sub(1).map(|i| text[i]) != Some(b'[')) {
            continue;
        }
        let key = open + 1..key_end;
        if key.is_empty()
            || !text[key.clone()].iter().all(|&b| is_key_byte(b))
            || translated(text, open)
        {
            continue;
        }
        let Some(class) = wanted(&text[key.clone()]) else {
            continue;
        };
        let line_end = crate::redact::scan::line_end_near(text, v);
        let Some(end) = closing_quote(text, v + 1, line_end, q) else {
            continue;
        };
        // `{"name": "password", "value": …}`: one member's value, then the
        // next member's key; no key and value of a tuple.
        if text[..open].trim_ascii_end().ends_with(b":")
            || text[end + 1..line_end].trim_ascii_start().starts_with(b":")
        {
            continue;
        }
        f(
            Pair {
                key,
                value: v + 1..end,
                rest: v + 1..end,
                quote: if q == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                },
                in_query: false,
                table_cell: false,
            },
            class,
        );
    }
}

/// The quoted string at `open` is the text of a WordPress translation call
/// (`__('Password', 'woocommerce')`): a label and its text domain, no value.
fn translated(text: &[u8], open: usize) -> bool {
    let mut i = open;
    while i > 0 && text[i - 1] == b' ' {
        i -= 1;
    }
    if i == 0 || text[i - 1] != b'(' {
        return false;
    }
    let name_end = i - 1;
    let mut s = name_end;
    while s > 0 && (text[s - 1].is_ascii_alphanumeric() || text[s - 1] == b'_') {
        s -= 1;
    }
    let name = &text[s..name_end];
    name.ends_with(b"__")
        || name.ends_with(b"_e")
        || name.ends_with(b"_x")
        || name.ends_with(b"_n")
        || name == b"translate"
}

/// The first argument of a call, quoted: `privateKey('…')`, `PASSWORD('…')`,
/// `setApiKey("…")`, or a PHP variable (`setPassword($pw)`, read for what
/// `$pw` was given). The function's name says what the argument is.
pub(crate) fn call_arguments<T>(
    text: &[u8],
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for open in positions(text, [b'(']) {
        let mut v = open + 1;
        while v < text.len() && text[v] == b' ' {
            v += 1;
        }
        let Some(&q) = text.get(v) else {
            continue;
        };
        let variable_end = (q == b'$').then(|| {
            let name = text[v + 1..]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
                .count();
            v + 1 + name
        });
        let closes_at_variable = variable_end
            .is_some_and(|e| e > v + 1 && matches!(text.get(e), Some(b')' | b',' | b' ')));
        if q != b'\'' && q != b'"' && !closes_at_variable {
            continue;
        }
        let mut k = open;
        while k > 0 && open - k < 64 && (text[k - 1].is_ascii_alphanumeric() || text[k - 1] == b'_')
        {
            k -= 1;
        }
        if k == open {
            continue;
        }
        let Some(class) = wanted(&text[k..open]) else {
            continue;
        };
        if let Some(end) = variable_end.filter(|_| closes_at_variable) {
            f(bare_pair(k..open, v..end), class);
            continue;
        }
        let line_end = crate::redact::scan::line_end_near(text, v);
        if let Some(end) = closing_quote(text, v + 1, line_end, q) {
            f(quoted_pair(k..open, v + 1..end, q), class);
        }
    }
}

/// A setting set by a command or a directive, its value after a blank:
/// `setx DB_PASSWORD …`, `ENV DB_PASSWORD …`, `SetEnv DB_PASS …`,
/// `wp config set DB_PASSWORD …`, `aws configure set aws_secret_access_key …`,
/// `fastcgi_param DB_PASSWORD …;`, `requirepass …`.
pub(crate) fn spaced_settings<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    for (at, w) in anchors.0.iter().copied() {
        let word = ANCHOR_WORDS[w].as_bytes();
        let key = if SETTER_WORDS.contains(&w) {
            // The setter opens its line or a command (`RUN`, `&&`, `; `).
            if at > 0 && !matches!(text[at - 1], b' ' | b'\t' | b'\n' | b';') {
                continue;
            }
            let mut start = at + word.len();
            if word.ends_with(b"-") {
                // The flags of `set -gx`, then blanks.
                let flags = text[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                let blanks = text[start + flags..]
                    .iter()
                    .take_while(|&b| blank(b))
                    .count();
                if flags == 0 || blanks == 0 {
                    continue;
                }
                start += flags + blanks;
            }
            let len = text[start..]
                .iter()
                .take_while(|&&b| is_key_byte(b) || b == b'/')
                .count();
            start..start + len
        } else if DIRECTIVE_WORDS.contains(&w) {
            let opens_line = text[..at]
                .iter()
                .rev()
                .take_while(|&&b| b != b'\n')
                .all(blank);
            if !opens_line {
                continue;
            }
            at..at + word.len() - 1
        } else {
            continue;
        };
        if key.is_empty() {
            continue;
        }
        let mut v = key.end;
        while text.get(v).is_some_and(blank) {
            v += 1;
        }
        if v == key.end {
            continue;
        }
        let Some(class) = wanted(&text[key.clone()]) else {
            continue;
        };
        let pair = match text.get(v) {
            Some(&q @ (b'\'' | b'"')) => {
                let line_end = crate::redact::scan::line_end_near(text, v);
                let Some(end) = closing_quote(text, v + 1, line_end, q) else {
                    continue;
                };
                quoted_pair(key, v + 1..end, q)
            }
            Some(b) if !b.is_ascii_whitespace() => {
                let len = text[v..]
                    .iter()
                    .take_while(|&&b| !b.is_ascii_whitespace() && b != b';')
                    .count();
                bare_pair(key, v..v + len)
            }
            _ => continue,
        };
        f(pair, class);
    }
}

/// The members that name a field in an object holding its `"value"`:
/// Names a sibling gives a value: YAML's and XML's names of an item.
const SIBLING_NAMES: &[&[u8]] = &[b"name", b"key"];

/// How many lines above a `value:` its item's name is looked for.
const SIBLING_LINES: usize = 4;

/// A value whose item names it with a sibling before it: YAML's `- name:
/// DB_PASSWORD` then `value: …` at the same indentation (Kubernetes' env,
/// Helm's values), XML's `<name>fs.s3a.secret.key</name>` then
/// `<value>…</value>` (Hadoop's and Hive's properties, `<key>` entries).
pub(crate) fn sibling_named_values<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for at in anchors.of(SIBLING_VALUE[0]) {
        if let Some((name, pair)) = yaml_sibling(text, at)
            && let Some(class) = wanted(&text[name])
        {
            f(pair, class);
        }
    }
    for at in anchors.of(SIBLING_VALUE[1]) {
        if let Some((name, pair)) = xml_sibling(text, at)
            && let Some(class) = wanted(&text[name])
        {
            f(pair, class);
        }
    }
}

fn yaml_sibling(text: &[u8], at: usize) -> Option<(Range<usize>, Pair)> {
    let line_start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |p| p + 1);
    // `value:` opens its line, after blanks or an item's `- `; or it
    // follows its name on one line (`- {name: DB_PASSWORD, value: …}`).
    let lead = &text[line_start..at];
    if !lead.iter().all(|&b| matches!(b, b' ' | b'-'))
        || lead.iter().filter(|&&b| b == b'-').count() > 1
    {
        return flow_sibling(text, line_start, at);
    }
    let column = at - line_start;
    let line_end = crate::redact::scan::line_end_near(text, at);
    let v = at + "value: ".len();
    let value = argument_at(text, v, line_end)?;
    let value = match text[value.start] {
        q @ (b'"' | b'\'') => quoted_pair(0..0, value.start + 1..value.end - 1, q),
        _ => {
            // A bare scalar runs to the line's end, before a comment.
            let end = memchr::memmem::find(&text[v..line_end], b" #").map_or(line_end, |p| v + p);
            let end = v + text[v..end].trim_ascii_end().len();
            bare_pair(0..0, value.start..end)
        }
    };
    // The item's lines above, at the same column, up to the line that opens it.
    let mut end = line_start;
    for _ in 0..SIBLING_LINES {
        if end == 0 || lead.contains(&b'-') {
            break;
        }
        let start = memchr::memrchr(b'\n', &text[..end - 1]).map_or(0, |p| p + 1);
        let line = &text[start..end - 1];
        end = start;
        let blanks = line
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'-'))
            .count();
        if blanks != column {
            return None;
        }
        let rest = &line[blanks..];
        for name in SIBLING_NAMES {
            if rest
                .strip_prefix(*name)
                .is_some_and(|r| r.starts_with(b":"))
                && let Some(n) =
                    argument_at(text, start + blanks + name.len() + 1, start + line.len())
            {
                let n = trim_quotes(text, n);
                return Some((n.clone(), Pair { key: n, ..value }));
            }
        }
        if line.contains(&b'-') && line[..blanks].contains(&b'-') {
            return None;
        }
    }
    None
}

/// `{name: DB_PASSWORD, value: …}`, `name: DB_PASSWORD / value: …`: the
/// name earlier on the value's line, after a blank, `{` or `,`.
fn flow_sibling(text: &[u8], line_start: usize, at: usize) -> Option<(Range<usize>, Pair)> {
    let from = line_start.max(at.saturating_sub(128));
    let (name_at, word) = SIBLING_NAMES
        .iter()
        .filter_map(|w| {
            let label = [*w, b": ".as_slice()].concat();
            memchr::memmem::rfind(&text[from..at], &label).map(|p| (from + p, *w))
        })
        .max_by_key(|&(p, _)| p)?;
    if name_at > line_start && !matches!(text[name_at - 1], b' ' | b'{' | b',') {
        return None;
    }
    let separators = |b: &u8| matches!(b, b',' | b'}');
    let name = argument_at(text, name_at + word.len() + 2, at)?;
    let name = name.start
        ..name.end
            - text[name.clone()]
                .iter()
                .rev()
                .take_while(|b| separators(b))
                .count();
    let name = trim_quotes(text, name);
    let line_end = crate::redact::scan::line_end_near(text, at);
    let value = argument_at(text, at + "value: ".len(), line_end)?;
    let pair = match text[value.start] {
        q @ (b'"' | b'\'') => quoted_pair(name.clone(), value.start + 1..value.end - 1, q),
        _ => {
            let end = value.end
                - text[value.clone()]
                    .iter()
                    .rev()
                    .take_while(|b| separators(b))
                    .count();
            bare_pair(name.clone(), value.start..end)
        }
    };
    (!name.is_empty() && !pair.value.is_empty()).then_some((name, pair))
}

fn xml_sibling(text: &[u8], at: usize) -> Option<(Range<usize>, Pair)> {
    let v = at + "<value>".len();
    let close = v + memchr::memmem::find(&text[v..text.len().min(v + 1024)], b"</value>")?;
    let inner = &text[v..close];
    if inner.contains(&b'<') || inner.trim_ascii().is_empty() {
        return None;
    }
    let lead = inner.len() - inner.trim_ascii_start().len();
    let value = v + lead..v + lead + inner.trim_ascii().len();
    // The nearest closed `<name>` or `<key>` before it, with no other value between.
    let from = at.saturating_sub(256);
    let before = &text[from..at];
    let (name_close, tag) = SIBLING_NAMES
        .iter()
        .filter_map(|t| {
            let closing = [b"</".as_slice(), t, b">"].concat();
            memchr::memmem::rfind(before, &closing).map(|p| (from + p, *t))
        })
        .max_by_key(|&(p, _)| p)?;
    // Siblings: nothing but blanks between the name's closing tag and the value.
    let after_name = name_close + tag.len() + 3;
    if !text[after_name.min(at)..at]
        .iter()
        .all(u8::is_ascii_whitespace)
    {
        return None;
    }
    let opening = [b"<".as_slice(), tag, b">"].concat();
    let name_open =
        from + memchr::memmem::rfind(&text[from..name_close], &opening)? + opening.len();
    let name = name_open..name_close;
    if text[name.clone()].contains(&b'<') || name.is_empty() {
        return None;
    }
    Some((name.clone(), bare_pair(name, value)))
}

/// A name given a quoted literal by R's arrow: `db_password <- "…"`,
/// `password <<- '…'`, `"…" -> password`. An unquoted literal side is code.
pub(crate) fn arrow_assignments<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for at in anchors.of(LEFT_ARROW) {
        let mut key_end = at;
        while key_end > 0 && text[key_end - 1] == b'<' {
            key_end -= 1;
        }
        while key_end > 0 && matches!(text[key_end - 1], b' ' | b'\t') {
            key_end -= 1;
        }
        let floor = key_end.saturating_sub(64);
        let len = text[floor..key_end]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count();
        let key = key_end - len..key_end;
        if key.is_empty() || !text[key.start].is_ascii_alphabetic() {
            continue;
        }
        let Some(value) = argument_at(text, at + 2, crate::redact::scan::line_end_near(text, at))
        else {
            continue;
        };
        let q = text[value.start];
        if !matches!(q, b'"' | b'\'') || value.len() < 2 {
            continue;
        }
        if let Some(class) = wanted(&text[key.clone()]) {
            f(quoted_pair(key, value.start + 1..value.end - 1, q), class);
        }
    }
    for at in RIGHT_ARROWS.into_iter().flat_map(|w| anchors.of(w)) {
        let q = text[at];
        let line_start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |p| p + 1);
        let Some(open) = memchr::memrchr(q, &text[line_start..at]).map(|p| line_start + p) else {
            continue;
        };
        // The literal opens its statement: `paste("a" -> b)` is no assignment.
        let lead = text[line_start..open].trim_ascii();
        if !(lead.is_empty() || lead.ends_with(b";") || lead.ends_with(b"{")) {
            continue;
        }
        let mut name_start = at + 3;
        while text.get(name_start) == Some(&b'>') {
            name_start += 1;
        }
        while matches!(text.get(name_start), Some(b' ' | b'\t')) {
            name_start += 1;
        }
        let len = text[name_start..]
            .iter()
            .take(64)
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count();
        let key = name_start..name_start + len;
        if key.is_empty() || !text[key.start].is_ascii_alphabetic() {
            continue;
        }
        if let Some(class) = wanted(&text[key.clone()]) {
            f(quoted_pair(key, open + 1..at, q), class);
        }
    }
}

/// A setting named by one parameter of a command and given by another, in
/// either order on its line: `Set-ItemProperty … -Name DefaultPassword
/// -Value …`, `reg add … /v DefaultPassword /t REG_SZ /d …`.
pub(crate) fn named_parameters<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for (word, value_parameter) in NAME_PARAMETERS {
        for at in anchors.of(word) {
            if at > 0 && !matches!(text[at - 1], b' ' | b'\t') {
                continue;
            }
            // The command's line, within a window either side of the name.
            let from = at.saturating_sub(crate::redact::scan::VALUE_WINDOW);
            let line_start = memchr::memrchr(b'\n', &text[from..at]).map_or(from, |p| from + p + 1);
            let line = line_start..crate::redact::scan::line_end_near(text, at);
            let Some(name) = argument_at(text, at + ANCHOR_WORDS[word].len(), line.end) else {
                continue;
            };
            let name = trim_quotes(text, name);
            let Some(class) = wanted(&text[name.clone()]) else {
                continue;
            };
            let Some(given) = memchr::memmem::find(&text[line.clone()], value_parameter)
                .map(|p| line.start + p + value_parameter.len())
                .filter(|&p| matches!(text[p - value_parameter.len() - 1], b' ' | b'\t'))
            else {
                continue;
            };
            if let Some(value) = argument_at(text, given, line.end) {
                let pair = match text[value.start] {
                    q @ (b'"' | b'\'') if value.len() >= 2 => {
                        quoted_pair(name, value.start + 1..value.end - 1, q)
                    }
                    _ => bare_pair(name, value),
                };
                f(pair, class);
            }
        }
    }
}

/// The shell word starting at the first non-blank from `from`: quoted as a
/// whole (quotes included) or up to a blank.
fn argument_at(text: &[u8], from: usize, line_end: usize) -> Option<Range<usize>> {
    let start = from
        + text[from..line_end]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
    match text.get(start) {
        Some(&q @ (b'"' | b'\'')) if start < line_end => {
            closing_quote(text, start + 1, line_end, q).map(|end| start..end + 1)
        }
        Some(b) if start < line_end && !b.is_ascii_whitespace() => {
            let len = text[start..line_end]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace())
                .count();
            Some(start..start + len)
        }
        _ => None,
    }
}

/// WooCommerce's `meta_data` and the Store API's `payment_data`
/// (`{"id":812,"key":"_billing_phone","value":"…"}`), forms sent as JSON
/// (`{"name":"billing_email","value":"…"}`).
const FIELD_NAMING_MEMBERS: &[&[u8]] = &[b"\"key\"", b"\"name\"", b"\"meta_key\"", b"\"field\""];

/// How far around a `"value"` its object's other members are looked for.
const OBJECT_REACH: usize = 256;

/// A `"value"` member named by a member beside it in its object, in
/// either order: the field's name is the key of the pair.
pub(crate) fn named_values<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for at in anchors.of(VALUE_MEMBER) {
        let mut v = at + ANCHOR_WORDS[VALUE_MEMBER].len();
        while text.get(v) == Some(&b' ') {
            v += 1;
        }
        if text.get(v) != Some(&b'"') {
            continue;
        }
        let line_end = crate::redact::scan::line_end_near(text, v);
        let Some(value_end) = closing_quote(text, v + 1, line_end, b'"') else {
            continue;
        };
        // The object around the value: back to its `{`, on to its `}`.
        let from = at.saturating_sub(OBJECT_REACH);
        let Some(open) = text[from..at].iter().rposition(|&b| b == b'{') else {
            continue;
        };
        let open = from + open;
        let to = (value_end + OBJECT_REACH).min(line_end);
        let close = text[value_end..to]
            .iter()
            .position(|&b| b == b'}')
            .map_or(to, |p| value_end + p);
        let object = open..close;
        if text[open + 1..at].contains(&b'{') {
            continue;
        }
        let Some(name) = field_named_in(text, object) else {
            continue;
        };
        if let Some(class) = wanted(&text[name.clone()]) {
            f(quoted_pair(name, v + 1..value_end, b'"'), class);
        }
    }
}

/// The string a field-naming member holds in `text[object]`.
fn field_named_in(text: &[u8], object: Range<usize>) -> Option<Range<usize>> {
    let body = &text[object.clone()];
    FIELD_NAMING_MEMBERS.iter().find_map(|member| {
        let at = memchr::memmem::find(body, member)?;
        let mut i = object.start + at + member.len();
        while matches!(text.get(i), Some(b' ' | b':')) {
            i += 1;
        }
        if text.get(i) != Some(&b'"') {
            return None;
        }
        let end = closing_quote(text, i + 1, object.end, b'"')?;
        Some(i + 1..end)
    })
}

/// Column names that hold the name of a setting, and those that hold its value.
const NAME_COLUMNS: &[&str] = &["option_name", "meta_key", "name", "key", "setting"];
const VALUE_COLUMNS: &[&str] = &["option_value", "meta_value", "value"];

fn column_is(name: &[u8], set: &[&str]) -> bool {
    set.iter().any(|c| c.as_bytes().eq_ignore_ascii_case(name))
}

/// SQL on one line: `INSERT … (col, col) VALUES (…), (…)` gives each value its
/// column's name; an options or meta row (`option_name` and `option_value`,
/// in an INSERT or an UPDATE's SET and WHERE) gives the value the setting's name.
pub(crate) fn sql_statements<T>(
    lines: &Lines<'_>,
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let text = lines.text;
    let mut last_line = usize::MAX;
    for w in SQL_WORDS {
        let word = ANCHOR_WORDS[w].as_bytes();
        for p in anchors.of(w) {
            let n = lines.line_of(p);
            if n == last_line && word.len() == 6 {
                continue;
            }
            let line = lines.line_range(n);
            if word.len() == 6 {
                last_line = n;
                insert_values(text, line, p, wanted, f);
            } else {
                option_update(text, line, p, word, wanted, f);
            }
        }
    }
}

/// One item of an SQL list and the quote it was written in, if a string.
type SqlItem = (Range<usize>, Option<u8>);

/// `(a, `b`, 'c')` → the ranges of its items, quotes and spaces trimmed, and
/// whether each was a quoted string; `None` unless the list closes on this line.
/// The quote that closes an SQL literal: standard SQL (PostgreSQL and
/// SQLite dumps) escapes a quote by doubling it (`'O''Connell'`), MySQL
/// with a backslash.
fn sql_closing_quote(text: &[u8], mut from: usize, end: usize, q: u8) -> Option<usize> {
    loop {
        let close = closing_quote(text, from, end, q)?;
        if close + 1 < end && text[close + 1] == q {
            from = close + 2;
            continue;
        }
        return Some(close);
    }
}

fn sql_list(text: &[u8], open: usize, end: usize) -> Option<(Vec<SqlItem>, usize)> {
    let mut items = Vec::new();
    let mut i = open + 1;
    loop {
        while i < end && text[i] == b' ' {
            i += 1;
        }
        let c = *text.get(i).filter(|_| i < end)?;
        if c == b'\'' || c == b'"' || c == b'`' {
            let close = sql_closing_quote(text, i + 1, end, c)?;
            items.push((i + 1..close, (c != b'`').then_some(c)));
            i = close + 1;
        } else {
            let s = i;
            while i < end && !matches!(text[i], b',' | b')') {
                i += 1;
            }
            let mut e = i;
            while e > s && text[e - 1] == b' ' {
                e -= 1;
            }
            items.push((s..e, None));
        }
        while i < end && text[i] == b' ' {
            i += 1;
        }
        match text.get(i).filter(|_| i < end)? {
            b',' => i += 1,
            b')' => return Some((items, i + 1)),
            _ => return None,
        }
    }
}

fn insert_values<T>(
    text: &[u8],
    line: Range<usize>,
    values_at: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let Some((cols, from_schema)) = insert_columns(text, line.clone(), values_at) else {
        return;
    };
    let name_col = cols.iter().position(|(c, _)| column_is(c, NAME_COLUMNS));
    let value_col = cols.iter().position(|(c, _)| column_is(c, VALUE_COLUMNS));
    let mut i = values_at + 6;
    let mut line_end = line.end;
    let mut rows_left = MAX_ROW_LINES;
    loop {
        while i < line_end && matches!(text[i], b' ' | b',' | b'\t' | b'\r') {
            i += 1;
        }
        // A dump that writes a row a line: the statement goes on while the
        // line ended on a comma (or on VALUES) and the next opens a row.
        if i >= line_end && rows_left > 0 {
            let ended = text[..line_end].trim_ascii_end();
            let more =
                ended.ends_with(b",") || ended.ends_with(b"VALUES") || ended.ends_with(b"values");
            let next_start = line_end + 1;
            if more && next_start < text.len() {
                rows_left -= 1;
                line_end = crate::redact::scan::line_end_near(text, next_start);
                i = next_start;
                continue;
            }
        }
        if text.get(i) != Some(&b'(') || i >= line_end {
            return;
        }
        let Some((vals, next)) = sql_list(text, i, line_end) else {
            return;
        };
        i = next;
        // Columns added to a core table later are appended to it: a row of
        // an older or newer table still fills the columns it shares, first.
        let fills_leading = from_schema && vals.len() + MAX_MISSING_COLUMNS >= cols.len();
        if vals.len() != cols.len() && !fills_leading {
            continue;
        }
        for ((name, key), (val, q)) in cols.iter().zip(&vals) {
            if let Some(q) = q
                && !val.is_empty()
                && let Some(class) = wanted(name)
            {
                f(quoted_pair(key.clone(), val.clone(), *q), class);
            }
        }
        // A row that fills only the leading columns may lack either.
        if let (Some((name, _)), Some((val, Some(q)))) = (
            name_col.and_then(|c| vals.get(c)),
            value_col.and_then(|c| vals.get(c)),
        ) && !val.is_empty()
            && let Some(class) = wanted(&text[name.clone()])
        {
            f(quoted_pair(name.clone(), val.clone(), *q), class);
        }
    }
}

/// How many trailing columns of a built-in schema a dumped row may lack.
const MAX_MISSING_COLUMNS: usize = 4;

/// How many lines of rows one INSERT is read for.
const MAX_ROW_LINES: usize = 100_000;

/// A column an INSERT fills: the name to classify, and where it stands.
type InsertColumn<'t> = (&'t [u8], Range<usize>);

/// The columns an INSERT fills: its column list, or else the built-in schema
/// of the WordPress or WooCommerce table it names (a `mysqldump` writes none).
/// Each is the name to classify and the range that stands for it in the text;
/// the flag says they come from the built-in schema.
fn insert_columns(
    text: &[u8],
    line: Range<usize>,
    values_at: usize,
) -> Option<(Vec<InsertColumn<'_>>, bool)> {
    let before = &text[line.start..values_at];
    let close = before.iter().rposition(|&b| b == b')');
    if let Some(close) = close
        && before[close + 1..].iter().all(|b| b.is_ascii_whitespace())
    {
        // The column list: the parenthesis that closes right before VALUES.
        let open = before[..close].iter().rposition(|&b| b == b'(')?;
        let (cols, _) = sql_list(text, line.start + open, line.end)?;
        let named =
            |(c, _): &SqlItem| !c.is_empty() && text[c.clone()].iter().all(|&b| is_key_byte(b));
        if !cols.iter().all(named) {
            return None;
        }
        // A core table's column holds what its schema says, whatever a
        // column of that name would mean elsewhere (`username`).
        let table = table_named(line.start, &before[..open]);
        let schema_name = |c: &Range<usize>| {
            let table = &text[table.clone()?];
            crate::redact::vocabulary::table_column(table, &text[c.clone()])
        };
        return Some((
            cols.into_iter()
                .map(|(c, _)| match schema_name(&c) {
                    Some(field) => (field.as_bytes(), c),
                    None => (&text[c.clone()], c),
                })
                .collect(),
            false,
        ));
    }
    // `INSERT INTO `wp_users` VALUES`: the table is the word before VALUES.
    let table = table_named(line.start, before)?;
    let columns = crate::redact::vocabulary::table_columns(&text[table.clone()])?;
    Some((
        columns
            .into_iter()
            .map(|c| (c.as_bytes(), table.clone()))
            .collect(),
        true,
    ))
}

/// The table of `INSERT INTO table`, `head` being the statement up to what
/// follows the table's name; `head_at` is where `head` starts in the text.
fn table_named(head_at: usize, head: &[u8]) -> Option<Range<usize>> {
    let head = head.trim_ascii_end();
    let into = memchr::memmem::rfind(&head.to_ascii_uppercase(), b"INTO ")? + 5;
    Some(head_at + into..head_at + head.len())
}

/// The quoted literal after `= ` that follows `at` (a column name), on the line.
fn assigned_literal(text: &[u8], at: usize, line_end: usize) -> Option<(Range<usize>, u8)> {
    let mut i = at;
    while i < line_end && (is_key_byte(text[i]) || text[i] == b'`') {
        i += 1;
    }
    while i < line_end && text[i] == b' ' {
        i += 1;
    }
    if text.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < line_end && text[i] == b' ' {
        i += 1;
    }
    let q = *text.get(i).filter(|&&q| q == b'\'' || q == b'"')?;
    let end = closing_quote(text, i + 1, line_end, q)?;
    Some((i + 1..end, q))
}

/// `SET option_value = 'V' WHERE option_name = 'K'`: the value takes the setting's name.
fn option_update<T>(
    text: &[u8],
    line: Range<usize>,
    value_col: usize,
    word: &[u8],
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let Some((value, q)) = assigned_literal(text, value_col, line.end) else {
        return;
    };
    let name_word: &[u8] = if word == b"option_value" {
        b"option_name"
    } else {
        b"meta_key"
    };
    let Some(at) = memchr::memmem::find(&text[line.clone()], name_word) else {
        return;
    };
    let Some((name, _)) = assigned_literal(text, line.start + at, line.end) else {
        return;
    };
    if let Some(class) = wanted(&text[name.clone()]) {
        f(quoted_pair(name, value, q), class);
    }
}

/// PHP's `serialize()`: `s:17:"secret-access-key";s:40:"…";`, also with the
/// quotes escaped as they are inside an SQL dump.
pub(crate) fn php_serialized<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for p in anchors.of(SERIALIZED_STRING) {
        if p == 0 || text[p - 1] != b'"' {
            continue;
        }
        let escaped = p >= 2 && text[p - 2] == b'\\';
        let key_end = if escaped { p - 2 } else { p - 1 };
        let floor = key_end.saturating_sub(80);
        let Some(open) = (floor..key_end)
            .rev()
            .find(|&i| text[i] == b'"' || text[i] == b'\n')
        else {
            continue;
        };
        if text[open] != b'"' || (escaped && (open == 0 || text[open - 1] != b'\\')) {
            continue;
        }
        let key = open + 1..key_end;
        if key.is_empty() || !text[key.clone()].iter().all(|&b| is_key_byte(b)) {
            continue;
        }
        let Some(class) = wanted(&text[key.clone()]) else {
            continue;
        };
        let mut i = p + 3;
        while i < text.len() && text[i].is_ascii_digit() {
            i += 1;
        }
        let quote: &[u8] = if escaped { b":\\\"" } else { b":\"" };
        if !text[i..].starts_with(quote) {
            continue;
        }
        let start = i + quote.len();
        let line_end = crate::redact::scan::line_end_near(text, start);
        let close: &[u8] = &quote[1..];
        let Some(len) = memchr::memmem::find(&text[start..line_end], close) else {
            continue;
        };
        f(quoted_pair(key, start..start + len, b'"'), class);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::anchors_found_by_the_gate;

    fn found(s: &str) -> Vec<(String, String)> {
        super::super::pairs_read(s, |lines, anchors, push| {
            let mut push = |p: Pair, ()| push(p);
            let mut all = |_: &[u8]| Some(());
            call_arguments(lines.text, &mut all, &mut push);
            sql_statements(lines, anchors, &mut all, &mut push);
            php_serialized(lines.text, anchors, &mut all, &mut push);
            spaced_settings(lines.text, anchors, &mut all, &mut push);
            named_values(lines.text, anchors, &mut all, &mut push);
            named_parameters(lines.text, anchors, &mut all, &mut push);
            arrow_assignments(lines.text, anchors, &mut all, &mut push);
            sibling_named_values(lines.text, anchors, &mut all, &mut push);
        })
    }

    #[test]
    fn a_value_named_by_a_member_beside_it() {
        let got = found(
            r#"{"meta_data":[{"id":9,"key":"_shipping_first_name","value":"Oskar"},{"value": "Lind", "key": "_shipping_last_name"}]}
{"name":"billing_email","value":"o.lind@example.net"} {"value":"alone"} {"key":"a","x":{"value":"nested"}}"#,
        );
        for (key, value) in [
            ("_shipping_first_name", "Oskar"),
            ("_shipping_last_name", "Lind"),
            ("billing_email", "o.lind@example.net"),
        ] {
            assert!(got.contains(&(key.into(), value.into())), "{key}: {got:?}");
        }
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn settings_set_by_a_command_or_a_directive() {
        let got = found(
            "setx SHOP_DB_PASS \"kumquat 7\"\n\
             RUN make && ENV MAIL_PW quince\n\
             wp config set DB_PASSWORD sorrel --type=constant\n\
             fastcgi_param APP_SECRET fennel;\n\
               requirepass chervil\n\
             set -x SMTP_PASSWORD tansy\n\
             set -Ux API_TOKEN 'borage 2'\n\
             setenv DB_PASS lovage\n\
             wp option update smtp_pass hyssop\n\
             set -e DB_PASSWORD\n\
             resetx A b\n\
             # requirepass in a comment is no directive\n",
        );
        for (key, value) in [
            ("SHOP_DB_PASS", "kumquat 7"),
            ("MAIL_PW", "quince"),
            ("DB_PASSWORD", "sorrel"),
            ("APP_SECRET", "fennel"),
            ("requirepass", "chervil"),
            ("SMTP_PASSWORD", "tansy"),
            ("API_TOKEN", "borage 2"),
            ("DB_PASS", "lovage"),
            ("smtp_pass", "hyssop"),
        ] {
            assert!(got.contains(&(key.into(), value.into())), "{key}: {got:?}");
        }
        assert!(!got.iter().any(|(k, _)| k == "A" || k == "is"), "{got:?}");
        assert_eq!(got.len(), 9, "{got:?}");
    }

    #[test]
    fn a_setting_named_by_one_parameter_and_given_by_another() {
        let got = found(
            "Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value 'Sable 9'\n\
             New-ItemProperty -Path HKLM:\\x -Value Quince4 -Name \"AutoAdminPass\" -Force\n\
             reg add \"HKLM\\Winlogon\" /v DefaultPassword /t REG_SZ /d \"Tern 5\" /f\n\
             Get-Item -Name DefaultUser\n\
             dir /v /d\n",
        );
        for (key, value) in [
            ("DefaultPassword", "Sable 9"),
            ("AutoAdminPass", "Quince4"),
            ("DefaultPassword", "Tern 5"),
        ] {
            assert!(got.contains(&(key.into(), value.into())), "{key}: {got:?}");
        }
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_value_named_by_its_items_name() {
        let got = found(
            "env:\n  - name: DB_PASSWORD\n    value: \"Sapote 4\"\n  - name: LOG_LEVEL\n    value: debug\n\
             secrets:\n  - key: smtp_pass\n    info: x\n    value: Mamey5 # rotated\n\
             <property>\n  <name>fs.s3a.secret.key</name>\n  <value>Wr8Lq2Vm9Xn4</value>\n</property>\n\
             <entry><key>Password</key><value> Pitaya6 </value></entry>\n\
             <name>a</name><other>x</other><value>kept</value>\n\
             env: [{name: SMTP_PASS, value: Akee7}, {name: B, value: 'c'}]\n\
             set name: API_TOKEN / value: Bael8 on web01\n",
        );
        for (key, value) in [
            ("DB_PASSWORD", "Sapote 4"),
            ("LOG_LEVEL", "debug"),
            ("smtp_pass", "Mamey5"),
            ("fs.s3a.secret.key", "Wr8Lq2Vm9Xn4"),
            ("Password", "Pitaya6"),
            ("SMTP_PASS", "Akee7"),
            ("B", "c"),
            ("API_TOKEN", "Bael8"),
        ] {
            assert!(got.contains(&(key.into(), value.into())), "{key}: {got:?}");
        }
        assert!(!got.iter().any(|(_, v)| v == "kept"), "{got:?}");
    }

    #[test]
    fn a_literal_given_by_an_arrow() {
        let got = found(
            "db_password <- \"Kiwi 4\"\n\
             smtp.pass <<- 'Loquat5'\n\
             token<-\"Medlar6\"\n\
             \"Tamarillo 7\" -> api_secret\n\
             'Quandong8' ->> mail.password\n\
             secret <- Sys.getenv(\"SECRET\")\n\
             x <- paste(\"a\" -> password)\n\
             <!-- a comment -->\n",
        );
        for (key, value) in [
            ("db_password", "Kiwi 4"),
            ("smtp.pass", "Loquat5"),
            ("token", "Medlar6"),
            ("api_secret", "Tamarillo 7"),
            ("mail.password", "Quandong8"),
        ] {
            assert!(got.contains(&(key.into(), value.into())), "{key}: {got:?}");
        }
        // A call on the right is code (its argument is another reader's);
        // a literal that opens no statement is no assignment.
        assert!(!got.iter().any(|(k, _)| k == "secret"), "{got:?}");
        assert!(!got.iter().any(|(k, _)| k == "password"), "{got:?}");
    }

    #[test]
    fn the_gate_finds_every_anchor_word() {
        let text = "define('A', 1); </b></c> x;s:1 VALUES values Values VALUES(\n\
            option_value meta_value option_values define( DEFINE( ;s:;s: <//>\n\
            INSERT INTO t (a) VALUES(1) <input value=\"x\" value=>\n\
            wp option get a; wp option pluck b c; wp config get D; CONFIG GET x; echo $Y\n\
            printenv Z; get_option('w'); jsonpath='{.data.p}'; cat ~/.pgpass .pgpass\n\
            vault kv get -field=p s; gcloud --secret=p; aws --secret-id p; heroku config:get P\n\
            cat /run/secrets/p; op read op://v/i/p; terraform output -raw p; doppler secrets get P\n\
            pass show p; az keyvault secret show --name p; getenv('P'); find-generic-password -w\n\
            wp user application-password create admin ci --porcelain\n\
            > HGETALL s; > hgetall t\n\
            setx A b; ENV A b; SetEnv A b; wp config set A b; aws configure set a b; CONFIG SET a b\n\
            fastcgi_param A b; php_value a b; php_admin_value a b; set -gx A b; set -Ux A b\n\
            setenv A b; wp option update a b; wp option add a b\n\
            Set-ItemProperty -Name a -Value b; reg add k /v a /d b; a <- 'b' \"c\" -> d 'e' ->> f\n\
            - name: a\n  value: b <name>a</name><value>b</value>\n\
            requirepass a\nmasterauth b {\"value\":1}";
        let lines = Lines::new(text.as_bytes());
        let hits = anchors_found_by_the_gate(&lines);
        for (w, word) in ANCHOR_WORDS.iter().enumerate() {
            let want: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), word).collect();
            assert!(!want.is_empty(), "{word}");
            assert_eq!(Anchors(&hits).of(w).collect::<Vec<_>>(), want, "{word}");
        }
    }

    #[test]
    fn a_dump_without_a_column_list_reads_the_core_table_schema() {
        let got = found(
            "INSERT INTO `wp_wc_order_addresses` VALUES (1,77,'billing','Ana','Lima','','12 Rua Augusta','','Lisboa','','1100-053','PT','ana@example.org','912 345 678');",
        );
        for (field, value) in [
            ("first_name", "Ana"),
            ("last_name", "Lima"),
            ("address_1", "12 Rua Augusta"),
            ("phone", "912 345 678"),
        ] {
            assert!(
                got.iter()
                    .any(|(k, v)| k == "`wp_wc_order_addresses`" && v == value),
                "{field}: {got:?}"
            );
        }
        let meta = found("INSERT INTO wp_postmeta VALUES (9,77,'_billing_phone','020 7946 0958');");
        assert!(
            meta.contains(&("_billing_phone".into(), "020 7946 0958".into())),
            "{meta:?}"
        );
        assert!(
            found("INSERT INTO `orders` VALUES (1,'Ana');").is_empty(),
            "an unknown table"
        );
        // A row cut before the option's name or value column is read without them.
        for row in ["(1)", "(1,'smtp_pass')", "(7,'a'),(8,'b','c')"] {
            let text = format!("INSERT INTO `wp_options` VALUES {row};");
            assert!(found(&text).iter().all(|(k, _)| k != "smtp_pass"), "{text}");
        }
    }

    #[test]
    fn a_dump_may_write_a_row_a_line() {
        let got = found(
            "INSERT INTO `wp_wc_order_addresses` VALUES\n(1,77,'billing','Ana','Lima','','12 Rua Augusta','','Lisboa','','1100-053','PT','ana@example.org','912 345 678'),\n  (2,78,'billing','Bo','Ek','','Storgatan 5','','Umeå','','90325','SE','','070-123 45 67');\n('x','Not a row');",
        );
        for value in ["Ana", "912 345 678", "Bo", "070-123 45 67"] {
            assert!(got.iter().any(|(_, v)| v == value), "{value}: {got:?}");
        }
        assert!(got.iter().all(|(_, v)| v != "Not a row"), "{got:?}");
    }

    #[test]
    fn a_dumped_row_of_an_older_core_table_fills_the_leading_columns() {
        // `wc_customer_lookup` before its phone columns were added: 12 values.
        let got = found(
            "INSERT INTO `wp_wc_customer_lookup` VALUES (5,NULL,'','Iona','MacRae','iona@example.net','2024-04-22 02:01:34',NULL,'GB','IV2 3HH','Inverness',''),(6,7,'sven.b','Sven','Berg','s@example.se','2024-04-23 10:00:00','2024-04-23 10:00:00','SE','11122','Stockholm','');",
        );
        for value in ["Iona", "MacRae", "Sven", "Berg", "sven.b", "Inverness"] {
            assert!(got.iter().any(|(_, v)| v == value), "{value}: {got:?}");
        }
        // A row far shorter than the table is some other statement's.
        let got = found("INSERT INTO `wp_wc_customer_lookup` VALUES (5,'Iona');");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_column_list_of_a_core_table_is_read_by_its_schema() {
        use crate::redact::{Engine, Profile};
        let redact = |sql: &str| {
            Engine::new(Profile::Standard)
                .learn_and_redact(sql.as_bytes())
                .text_lossy()
        };
        let got = redact(
            "INSERT INTO `shop`.`wp_3_wc_customer_lookup` (`customer_id`, `username`, `city`) VALUES (9, 'tove.ek', 'Malmö');",
        );
        assert!(got.contains("'[USERNAME_1]', 'Malmö'"), "{got}");
        // Standard SQL doubles a quote inside a literal.
        let got = redact(
            "INSERT INTO `wp_wc_order_addresses` (`id`, `last_name`, `city`) VALUES (1, 'O''Connell', 'Cork');",
        );
        assert!(got.contains("'[NAME_1]', 'Cork'"), "{got}");
        // Elsewhere a `username` column says too little on its own.
        let got = redact("INSERT INTO `audit` (`id`, `username`) VALUES (9, 'tove.ek');");
        assert!(got.contains("'tove.ek'"), "{got}");
    }

    #[test]
    fn calls_sql_and_serialized() {
        let got = found("cfg.privateKey('abc123');");
        assert!(
            got.contains(&("privateKey".into(), "abc123".into())),
            "{got:?}"
        );
        let got = found("INSERT INTO t (`id`, `first_name`) VALUES (7, 'Ana'), (8, 'Bo');");
        assert!(
            got.contains(&("first_name".into(), "Ana".into())),
            "{got:?}"
        );
        assert!(got.contains(&("first_name".into(), "Bo".into())), "{got:?}");
        let got =
            found("UPDATE wp_options SET `option_value` = 'v1' WHERE `option_name` = 'x_key'");
        assert!(got.contains(&("x_key".into(), "v1".into())), "{got:?}");
        let got = found(r#"a:1:{s:6:\"secret\";s:4:\"abcd\";}"#);
        assert!(got.contains(&("secret".into(), "abcd".into())), "{got:?}");
    }

    #[test]
    fn a_tuple_of_two_strings_but_not_two_members_of_an_object() {
        let mut got = Vec::new();
        let mut wanted = |k: &[u8]| (k == b"password").then_some(());
        for text in [r#"["password", "Lark!Fen42"]"#, "('password','Lark!Fen42')"] {
            quoted_tuples(text.as_bytes(), &mut wanted, &mut |p, ()| {
                got.push(text[p.value].to_string())
            });
        }
        assert_eq!(got, ["Lark!Fen42", "Lark!Fen42"]);
        for text in [
            r#"{"name": "password", "value": "Lark!Fen42"}"#,
            r#"{"name":"password","type":"string"}"#,
        ] {
            quoted_tuples(text.as_bytes(), &mut wanted, &mut |p, ()| {
                panic!("{text}: {}", &text[p.value])
            });
        }
    }
}
