//! Finds `key → value` pairs in the syntaxes evidence arrives in: JSON (also
//! escaped inside a string), PHP arrays and `print_r`, `define('KEY', 'value')`,
//! `.env` and ini, YAML, HTTP headers, query strings and `key=value` log fields.
//!
//! A hand-written scan rather than one regex per syntax: one pass over the
//! separators of a block, and the same rules for every syntax.

use std::ops::Range;

use super::parallel;
use crate::redact::byteclass::positions;
use crate::redact::scan::Lines;
use crate::redact::syntaxes::{self, Anchors};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quote {
    None,
    Single,
    Double,
    /// `\"…\"`: JSON escaped inside another string.
    EscapedDouble,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    pub key: Range<usize>,
    /// The value without its quotes. Unquoted: up to the first space or delimiter.
    pub value: Range<usize>,
    /// Unquoted values: the rest of the line, for fields that hold several words
    /// (a name, a street, `Bearer <token>`). Same as `value` when quoted.
    pub rest: Range<usize>,
    pub quote: Quote,
    /// The key sat in a query string (`?key=` or `&key=`).
    pub in_query: bool,
    /// A table cell named by its header or by the cell before it (`| Name | Ana |`).
    pub table_cell: bool,
}

/// Letters of other scripts count: `Endereço:`, `Téléphone:`.
pub(crate) fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || b >= 0x80
}

/// The farthest a value is looked for after its key. A run with no space or
/// delimiter longer than this is no one value (a secret is shorter), and the
/// bound keeps work per byte constant on a line of thousands of keys.
pub(crate) use crate::redact::scan::VALUE_WINDOW as PAIR_WINDOW;

/// How many wanted keys after it a field's words may run past: more than a
/// record line holds, few enough to bound the work on a line of keys.
const KEYS_AHEAD: usize = 8;

/// Calls `f` for every pair in `text` whose key `wanted` maps to something,
/// left to right. The key is judged before its value is parsed: most keys in
/// a log (`status`, `hook`, the `10` of `10:04:11`) name nothing sensitive.
pub(crate) fn for_each_pair<T>(
    lines: &Lines<'_>,
    anchors: Anchors<'_>,
    mut wanted: impl FnMut(&[u8]) -> Option<T>,
    mut f: impl FnMut(Pair, T),
) {
    let text = lines.text;
    // Separators inside a quoted value are scanned too: log lines nest
    // `key=value` prose inside JSON strings.
    // Commas separate a key from its value only in `define( 'KEY', 'value' )`.
    let define_commas = define_commas(text, anchors);
    let mut defines = define_commas.iter().copied().peekable();
    let mut separators = positions(text, [b':', b'=']).peekable();
    // Separators come in order, so the line holding each is found by walking forward.
    let mut line = 0usize;
    let mut stops = StopCache::default();
    // Pairs wait for the keys after them on their line: a field's words
    // never run past the [`KEYS_AHEAD`]th wanted key after it, so a line of
    // thousands of keys costs each pair a few keys' worth of reading.
    let mut waiting: std::collections::VecDeque<(Pair, T, usize)> = Default::default();
    loop {
        let sep = match (separators.peek(), defines.peek()) {
            (Some(&a), Some(&b)) if b < a => defines.next(),
            (Some(_), _) => separators.next(),
            (None, _) => defines.next(),
        };
        let Some(sep) = sep else {
            break;
        };
        line = lines.line_from(line, sep);
        // `10:04:11`, `1:2`: a time or a ratio, no key (checked before anything else,
        // since a log holds a timestamp on every line).
        if text[sep] == b':'
            && sep > 0
            && text[sep - 1].is_ascii_digit()
            && text.get(sep + 1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let Some((op_end, comma)) = operator_at(text, sep) else {
            continue;
        };
        let line_start = lines.line_start(line);
        // `DB_PASSWORD==9kXY…`: an environment file's value may open with `=`.
        let op_end = if env_value_opens_with_equals(text, line_start, sep, op_end) {
            sep + 1
        } else {
            op_end
        };
        // A comparison names a value only when it is a literal: `a == b` is code.
        let comparison = (op_end > sep + 1 && text[sep] == b'=' && text[op_end - 1] == b'=')
            || (sep > 0 && text[sep - 1] == b'!');
        let line_end = lines.line_range(line).end;
        // Yoda order: `if ("…" === private_key)`.
        if comparison
            && let Some(pair) = literal_compared_with_name(text, line_start, sep, op_end, line_end)
            && let Some(class) = wanted(&text[pair.key.clone()])
        {
            f(pair, class);
            continue;
        }
        let key_end = before_optional_marker(text, line_start, sep)
            .unwrap_or_else(|| sep - compound_operator_len(text, line_start, sep));
        let Some((key, key_quote)) = key_before(text, line_start, key_end, comma)
            .or_else(|| name_ending_line_above(lines, line, sep))
        else {
            continue;
        };
        // `user, pass := "…", "…"`: each name takes the value in its place.
        if key_quote == Quote::None
            && !comparison
            && let Some(pairs) =
                parallel::parallel_assignment(text, line_start, key.clone(), op_end, line_end)
        {
            while let Some((before, its_class, _)) = waiting.pop_front() {
                f(before, its_class);
            }
            for pair in pairs {
                if let Some(class) = wanted(&text[pair.key.clone()]) {
                    f(pair, class);
                }
            }
            continue;
        }
        // `"Password:",`: a label that ends its string; the quote after the
        // colon closes the string the word opened.
        if key_quote == Quote::None
            && key.start > 0
            && matches!(text[key.start - 1], b'"' | b'\'')
            && text.get(op_end) == Some(&text[key.start - 1])
        {
            continue;
        }
        let key = typed_name(text, line_start, key);
        let key = if line > 0 {
            name_on_line_above(text, lines.line_range(line - 1), key.clone()).unwrap_or(key)
        } else {
            key
        };
        // `First name: Aoife`: a form's label of two words says more than
        // its last; `card[number]=`: the inner name says little alone, with
        // its outer name more.
        let label = (text[sep] == b':')
            .then(|| label_of_two_words(text, line_start, key.clone(), key_quote))
            .flatten();
        let Some((key, class)) = label
            .and_then(|label| wanted(&text[label.clone()]).map(|c| (label, c)))
            .or_else(|| wanted(&text[key.clone()]).map(|c| (key.clone(), c)))
            .or_else(|| {
                let outer = outer_name(text, line_start, key.clone())?;
                wanted(&text[outer.clone()]).map(|c| (outer, c))
            })
        else {
            continue;
        };
        // Judged only for the keys that name something: most do not.
        // `'/forgot-password' => …` is a route, not a field.
        if (key_quote != Quote::None && !is_quoted_name(&text[key.clone()]))
            || text[key.start] == b'/'
        {
            continue;
        }
        let bounds = Bounds {
            window_end: line_end.min(op_end + PAIR_WINDOW),
            line_end,
        };
        // `passwords:` then `  - …` lines, `"tokens": ["…", "…"]`: each
        // item is a value of the key.
        let items = list_items(text, key.clone(), op_end, line_start, line_end);
        let (pair, more) = match items.split_first() {
            Some((first, rest)) => (Some(first.clone()), rest),
            None => (
                value_after(text, key.clone(), op_end, bounds, &mut stops)
                    .or_else(|| var_dump_value(text, key.clone(), op_end, line_end))
                    .or_else(|| value_below_label(text, key.clone(), sep, line_start, line_end)),
                &[][..],
            ),
        };
        for item in more {
            if let Some(class) = wanted(&text[key.clone()]) {
                waiting.push_back((item.clone(), class, line));
            }
        }
        if let Some(pair) = pair
            && !(comparison && pair.quote == Quote::None)
        {
            while waiting.front().is_some_and(|w| w.2 != line) {
                let (before, its_class, _) = waiting.pop_front().expect("a front");
                f(before, its_class);
            }
            if waiting.len() == KEYS_AHEAD {
                let (mut before, its_class, _) = waiting.pop_front().expect("a front");
                if pair.key.start >= before.rest.start {
                    before.rest.end = before.rest.end.min(pair.key.start.max(before.value.end));
                }
                f(before, its_class);
            }
            waiting.push_back((pair, class, line));
        }
    }
    for (pair, class, _) in waiting {
        f(pair, class);
    }
    crate::redact::markup::markup_pairs(text, anchors, &mut wanted, &mut f);
    crate::redact::command_output::command_outputs(lines, anchors, &mut wanted, &mut f);
    syntaxes::quoted_tuples(text, &mut wanted, &mut f);
    syntaxes::call_arguments(text, &mut wanted, &mut f);
    syntaxes::spaced_settings(text, anchors, &mut wanted, &mut f);
    syntaxes::named_values(text, anchors, &mut wanted, &mut f);
    syntaxes::named_parameters(text, anchors, &mut wanted, &mut f);
    syntaxes::arrow_assignments(text, anchors, &mut wanted, &mut f);
    syntaxes::sibling_named_values(text, anchors, &mut wanted, &mut f);
    syntaxes::sql_statements(lines, anchors, &mut wanted, &mut f);
    syntaxes::php_serialized(text, anchors, &mut wanted, &mut f);
}

/// `static final String ACCOUNT_KEY` then `    = "…";`: a declaration
/// wrapped before its `=`, the name ending the line above.
fn name_ending_line_above(
    lines: &Lines<'_>,
    line: usize,
    sep: usize,
) -> Option<(Range<usize>, Quote)> {
    let text = lines.text;
    let here = lines.line_range(line);
    let opens_line = text[here.start..sep]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t'));
    if line == 0 || !opens_line || text[sep] != b'=' || text.get(sep + 1) == Some(&b'=') {
        return None;
    }
    let above = lines.line_range(line - 1);
    let end = above.start + text[above.clone()].trim_ascii_end().len();
    let start = text[above.start..end]
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
        .map_or(above.start, |p| above.start + p + 1);
    let starts_name = text
        .get(start)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
    (start < end && starts_name).then_some((start..end, Quote::None))
}

/// MySQL's vertical output (`\G`) names a value on the line above:
/// `  meta_key: _billing_first_name`, then `meta_value: Signe`.
fn name_on_line_above(text: &[u8], above: Range<usize>, key: Range<usize>) -> Option<Range<usize>> {
    let name_field: &[u8] = match &text[key] {
        b"meta_value" => b"meta_key",
        b"option_value" => b"option_name",
        _ => return None,
    };
    let line = &text[above.clone()];
    let indent = line.len() - line.trim_ascii_start().len();
    let rest = line[indent..]
        .strip_prefix(name_field)?
        .strip_prefix(b":")?;
    let name = rest.trim_ascii();
    let start =
        above.start + (line.len() - rest.len()) + (rest.len() - rest.trim_ascii_start().len());
    (!name.is_empty() && name.iter().all(|&b| is_key_byte(b))).then(|| start..start + name.len())
}

/// `DB_PASSWORD==9kXY…`, `export API_SECRET==x…`: `==` glued between an
/// environment variable's name opening its line and a value is the
/// assignment's `=` and the value's first byte; code compares with blanks
/// around or after something else on its line (`if (a==b)`).
fn env_value_opens_with_equals(text: &[u8], line_start: usize, sep: usize, op_end: usize) -> bool {
    if op_end != sep + 2 || text[sep] != b'=' || text[sep + 1] != b'=' {
        return false;
    }
    let before = &text[line_start..sep];
    let name = before.strip_prefix(b"export ").unwrap_or(before);
    let env_name = name
        .first()
        .is_some_and(|b| b.is_ascii_uppercase() || *b == b'_')
        && name
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_');
    env_name && text.get(op_end).is_some_and(|b| !b.is_ascii_whitespace())
}

/// `"…" == name`, `'…' !== $name`: a quoted literal before the operator,
/// a name after it. The pair is the name and the literal.
fn literal_compared_with_name(
    text: &[u8],
    line_start: usize,
    sep: usize,
    op_end: usize,
    line_end: usize,
) -> Option<Pair> {
    let mut close = sep - usize::from(sep > 0 && text[sep - 1] == b'!');
    while close > line_start && matches!(text[close - 1], b' ' | b'\t') {
        close -= 1;
    }
    let quote = *text.get(close.checked_sub(1)?)?;
    if !matches!(quote, b'"' | b'\'' | b'`') || close - 1 <= line_start {
        return None;
    }
    let open = memchr::memrchr(quote, &text[line_start..close - 1])? + line_start;
    let mut k = op_end;
    while k < line_end && matches!(text[k], b' ' | b'\t' | b'$') {
        k += 1;
    }
    let name_len = text[k..line_end]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
        .count();
    if name_len == 0 || open + 1 >= close - 1 {
        return None;
    }
    Some(syntaxes::quoted_pair(
        k..k + name_len,
        open + 1..close - 1,
        quote,
    ))
}

/// The bytes before `=` that belong to its operator: `.=`, `?=`, `+=`, `:=`,
/// `::=`, `:::=`, `!=`.
fn compound_operator_len(text: &[u8], line_start: usize, sep: usize) -> usize {
    if text[sep] != b'=' {
        return 0;
    }
    let before = &text[line_start..sep];
    [b":::".as_slice(), b"::", b":", b".", b"?", b"+", b"!"]
        .iter()
        .find(|op| before.ends_with(op))
        .map_or(0, |op| op.len())
}

/// Types a declaration writes between a name and its value.
pub(crate) const TYPES: &[&[u8]] = &[b"string", b"String", b"str", b"[]byte"];

/// `let password: String! = "…"`, `var token: String? = "…"`: Swift's and
/// Kotlin's optional types end with a mark before the `=`; the type's end
/// is where the key is looked for (see [`typed_name`]).
fn before_optional_marker(text: &[u8], line_start: usize, sep: usize) -> Option<usize> {
    let before = text[line_start..sep].trim_ascii_end();
    let (&mark, typed) = before.split_last()?;
    (matches!(mark, b'!' | b'?') && TYPES.iter().any(|t| typed.ends_with(t)))
        .then_some(line_start + typed.len())
}

/// `var dbPassword string = "…"`, `password: string = "…"`: a Go or
/// TypeScript type between the name and the operator; the name is the key.
fn typed_name(text: &[u8], line_start: usize, key: Range<usize>) -> Range<usize> {
    if !TYPES.contains(&&text[key.clone()]) {
        return key;
    }
    let mut j = key.start;
    while j > line_start && matches!(text[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    if j > line_start && text[j - 1] == b':' {
        j -= 1;
    }
    let mut s = j;
    while s > line_start && is_key_byte(text[s - 1]) && j - s < 64 {
        s -= 1;
    }
    if s < j { s..j } else { key }
}

/// `First name` around the key `name`, `Last name` around `name`: an
/// unquoted key with one word of letters before it, a blank between, and
/// nothing but the line's start or a blank or delimiter before that word.
/// Only before a colon, as forms and emails write labels: before `=` the
/// word is code's (`export TOKEN=`, `var key =`).
fn label_of_two_words(
    text: &[u8],
    line_start: usize,
    key: Range<usize>,
    quote: Quote,
) -> Option<Range<usize>> {
    // Only the nouns a word before makes a person's: `First name`, `Phone
    // number`, `Ad Soyad` (`Error on line: 42` is prose). Looked at before
    // anything else, since prose holds a `word word:` on many lines.
    // Either word may be cut short with a dot: `Tel. kom.`, a Polish mobile.
    let head = &text[key.clone()];
    if quote != Quote::None
        || key.start < line_start + 3
        || text[key.start - 1] != b' '
        || !crate::redact::keys::ends_two_word_label(head.strip_suffix(b".").unwrap_or(head))
    {
        return None;
    }
    let mut word_end = key.start - 1;
    if text[word_end - 1] == b'.' {
        word_end -= 1;
    }
    let mut s = word_end;
    while s > line_start
        && (text[s - 1].is_ascii_alphabetic() || text[s - 1] >= 0x80)
        && word_end - s < 24
    {
        s -= 1;
    }
    let opens =
        s == line_start || matches!(text[s - 1], b' ' | b'\t' | b'|' | b',' | b';' | b'>' | b'(');
    (word_end - s >= 2 && opens).then_some(s..key.end)
}

/// `card[number]` around the key `number`, when the key sat in brackets after a name.
fn outer_name(text: &[u8], line_start: usize, key: Range<usize>) -> Option<Range<usize>> {
    let mut open = key.start.checked_sub(1)?;
    if matches!(text[open], b'\'' | b'"') {
        open = open.checked_sub(1)?;
    }
    if text[open] != b'[' {
        return None;
    }
    let mut s = open;
    while s > line_start && is_key_byte(text[s - 1]) && open - s < 64 {
        s -= 1;
    }
    let close = text[key.end..].iter().position(|&b| b == b']')? + key.end + 1;
    (s < open).then_some(s..close)
}

/// `&name=` follows: the `&` ends a form-encoded value even outside a URL.
fn form_key_follows(text: &[u8], from: usize, line_end: usize) -> bool {
    let mut i = from;
    while i < line_end
        && i - from < 64
        && (is_key_byte(text[i]) || matches!(text[i], b'[' | b']' | b'%'))
    {
        i += 1;
    }
    i > from && i < line_end && text[i] == b'='
}

/// `;Database=`, `; User ID=`: the next field of a connection string, whose
/// names may hold spaces.
fn connection_key_follows(text: &[u8], from: usize, line_end: usize) -> bool {
    let mut i = from;
    while i < line_end && text[i] == b' ' {
        i += 1;
    }
    let name_start = i;
    while i < line_end && i - from < 40 && (is_key_byte(text[i]) || text[i] == b' ') {
        i += 1;
    }
    i > name_start && i < line_end && text[i] == b'=' && text[i - 1] != b' '
}

/// Where the string Xdebug opened with the quote at `quote` ends, read from
/// the `(length=N)` after it (in bytes, as PHP counts).
fn xdebug_string_end(text: &[u8], quote: usize, line_end: usize) -> Option<usize> {
    const LENGTH: &[u8] = b" (length=";
    let line = &text[quote + 1..line_end];
    let at = memchr::memmem::rfind(line, LENGTH)?;
    let digits = &line[at + LENGTH.len()..];
    let n_len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
    let n: usize = std::str::from_utf8(&digits[..n_len]).ok()?.parse().ok()?;
    (n == at.checked_sub(1)? && line[at - 1] == text[quote] && digits.get(n_len) == Some(&b')'))
        .then_some(quote + 1 + n)
}

/// PHP `var_dump`: the key's line ends at `=>`, the value is the next line's
/// `string(6) "Thiago"`.
fn var_dump_value(text: &[u8], key: Range<usize>, op_end: usize, line_end: usize) -> Option<Pair> {
    if op_end < 2
        || &text[op_end - 2..op_end] != b"=>"
        || !text[op_end..line_end].trim_ascii().is_empty()
    {
        return None;
    }
    let next_start = line_end + 1;
    let next_end =
        memchr::memchr(b'\n', text.get(next_start..)?).map_or(text.len(), |p| next_start + p);
    let line = &text[next_start..next_end];
    let body = line.trim_ascii_start();
    let rest = body.strip_prefix(b"string(")?;
    let close = memchr::memchr(b')', rest)?;
    let after = &rest[close + 1..];
    let open = memchr::memchr(b'"', after)?;
    let start = next_start + (line.len() - body.len()) + 7 + close + 1 + open + 1;
    let end = start + memchr::memrchr(b'"', &text[start..next_end])?;
    Some(Pair {
        key,
        value: start..end,
        rest: start..end,
        quote: Quote::Double,
        in_query: false,
        table_cell: false,
    })
}

/// `Password:` alone on its line, the password alone on the next: a label
/// in a mail or a chat, its value below it. The label must be all its line
/// holds (after its indent) and the value one token that is no key itself
/// (`host:` opens a YAML mapping), no markup and no rule.
fn value_below_label(
    text: &[u8],
    key: Range<usize>,
    sep: usize,
    line_start: usize,
    line_end: usize,
) -> Option<Pair> {
    // The key may open on a line above this one (a declaration wrapped
    // before its operator): then it is no label alone.
    let alone = text[sep] == b':'
        && text
            .get(line_start..key.start)
            .is_some_and(|indent| indent.iter().all(|b| matches!(b, b' ' | b'\t')))
        && text
            .get(sep + 1..line_end)
            .is_some_and(|after| after.trim_ascii().is_empty());
    if !alone {
        return None;
    }
    // Past the newline, and a carriage return before it.
    let next_start = line_end + 1 + memchr::memchr(b'\n', text.get(line_end..)?)?;
    let window = text.get(next_start..)?;
    let next_end = next_start + memchr::memchr(b'\n', window).unwrap_or(window.len());
    let line = &text[next_start..next_end];
    let token = line.trim_ascii();
    let start = next_start + (line.len() - line.trim_ascii_start().len());
    let is_value = !token.is_empty()
        && token.len() <= PAIR_WINDOW
        && !token.iter().any(u8::is_ascii_whitespace)
        && !token.ends_with(b":")
        && !matches!(token[0], b'<' | b'{' | b'[' | b'|' | b'>')
        // A rule under a heading: `-----`, `=====`.
        && !token.iter().all(|b| matches!(b, b'-' | b'=' | b'#' | b'*' | b'_'));
    is_value.then(|| Pair {
        key,
        value: start..start + token.len(),
        rest: start..start + token.len(),
        quote: Quote::None,
        in_query: false,
        table_cell: false,
    })
}

/// The comma after the quoted key of each `define(`.
fn define_commas(text: &[u8], anchors: Anchors<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    for p in anchors.of(syntaxes::DEFINE) {
        let line_end = crate::redact::scan::line_end_near(text, p);
        if let Some(c) = memchr::memchr(b',', &text[p..line_end]) {
            out.push(p + c);
        }
    }
    out
}

/// Recognises the separator at `sep`; returns where the value may start and
/// whether the separator is the comma of `define('KEY', 'value')`.
fn operator_at(text: &[u8], sep: usize) -> Option<(usize, bool)> {
    let next = text.get(sep + 1).copied();
    let prev = if sep > 0 { text[sep - 1] } else { b'\n' };
    match text[sep] {
        b':' => {
            // `::`, and `:=` / `::=`, whose `=` is the operator.
            if next == Some(b':') || prev == b':' || next == Some(b'=') {
                return None;
            }
            if next == Some(b'/') && text.get(sep + 2) == Some(&b'/') {
                return None;
            }
            Some((sep + 1, false))
        }
        b'=' => {
            // `<=`, `>=`, and the later `=` of `==` (read at its first).
            if matches!(prev, b'=' | b'<' | b'>') {
                return None;
            }
            // `==`, `===`, `!=`, `!==`: a value compared with a literal
            // (`if (api_key == "…")`) is as secret as one assigned.
            if next == Some(b'=') || prev == b'!' {
                let equals = text[sep..].iter().take_while(|&&b| b == b'=').count();
                return Some((sep + equals, false));
            }
            if next == Some(b'>') {
                return Some((sep + 2, false));
            }
            Some((sep + 1, false))
        }
        _ => {
            // Only the comma of define( 'KEY', ... ): the key must be quoted and
            // preceded by `define(`.
            Some((sep + 1, true))
        }
    }
}

/// A quoted name holds words, not a whole header or expression:
/// `"Authorization: basic {base64(…)}" => token` has no key.
fn is_quoted_name(name: &[u8]) -> bool {
    !name
        .iter()
        .any(|b| matches!(b, b'{' | b'}' | b'<' | b'>' | b'=' | b';'))
        && memchr::memmem::find(name, b": ").is_none()
}

/// The key that ends right before the separator, and how it was quoted.
/// `""last_name"":` as JSON reads inside a CSV cell, its quotes doubled:
/// the key between the doubled quotes ending at `end`.
fn doubled_quote_key(text: &[u8], line_start: usize, end: usize) -> Option<(Range<usize>, Quote)> {
    let key_end = end.checked_sub(2)?;
    if key_end < line_start + 2 || &text[key_end..end] != b"\"\"" {
        return None;
    }
    let limit = key_end.saturating_sub(80).max(line_start);
    let open = (limit..key_end).rev().find(|&i| text[i] == b'"')?;
    let key = open + 1..key_end;
    let named = !key.is_empty() && text[key.clone()].iter().all(|&b| is_key_byte(b));
    (named && open > line_start && text[open - 1] == b'"').then_some((key, Quote::Double))
}

fn key_before(
    text: &[u8],
    line_start: usize,
    sep: usize,
    comma: bool,
) -> Option<(Range<usize>, Quote)> {
    let mut j = sep;
    while j > line_start && matches!(text[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    if j == line_start {
        return None;
    }
    let close = text[j - 1];
    if let Some(doubled) = doubled_quote_key(text, line_start, j) {
        return Some(doubled);
    }
    let (key, quote, open) = match close {
        b'"' | b'\'' | b'`' => {
            let escaped = close == b'"' && j >= 2 && text[j - 2] == b'\\';
            let key_end = if escaped { j - 2 } else { j - 1 };
            let limit = key_end.saturating_sub(80).max(line_start);
            let open = (limit..key_end).rev().find(|&i| text[i] == close)?;
            if escaped {
                if open == 0 || text[open - 1] != b'\\' {
                    return None;
                }
                (open + 1..key_end, Quote::EscapedDouble, open - 1)
            } else {
                let q = if close == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                (open + 1..key_end, q, open)
            }
        }
        b']' => {
            let limit = (j - 1).saturating_sub(80).max(line_start);
            let open = (limit..j - 1).rev().find(|&i| text[i] == b'[')?;
            let inner = open + 1..j - 1;
            // `['key']` as in $array['key'] => ...
            let inner = trim_quotes(text, inner);
            // `db_pass[] = …`, `char secret[25] = …`: an append or a size
            // after the name, which is the key.
            if text[inner.clone()].iter().all(u8::is_ascii_digit) {
                let mut s = open;
                while s > line_start && is_key_byte(text[s - 1]) && open - s < 64 {
                    s -= 1;
                }
                (s..open, Quote::None, s)
            } else {
                (inner, Quote::None, open)
            }
        }
        b')' if text[sep] == b':' => {
            let s = qualified_label_start(text, line_start, j)?;
            (s..j, Quote::None, s)
        }
        b if is_key_byte(b) => {
            let mut s = j - 1;
            while s > line_start && is_key_byte(text[s - 1]) && j - s < 64 {
                s -= 1;
            }
            // `…note\nName = Ana`: an escaped newline or tab inside a JSON
            // string ends just before the key.
            if s > line_start && text[s - 1] == b'\\' && matches!(text[s], b'n' | b't' | b'r') {
                s += 1;
            }
            (s..j, Quote::None, s)
        }
        _ => return None,
    };
    if key.is_empty() || key.len() > 64 || text[key.clone()].contains(&b'\n') {
        return None;
    }

    if comma {
        // define( 'KEY', 'value' ) and only that.
        if quote == Quote::None {
            return None;
        }
        let before = trim_end_spaces(text, line_start, open);
        if !(before >= 7 && text[before - 7..before].eq_ignore_ascii_case(b"define(")) {
            return None;
        }
    }
    Some((key, quote))
}

/// `Phone (office)`, `Email (work)`, `Password (admin)`: a form's label
/// with what kind it is in brackets, ending at `end` (after the `)`), as
/// forms and signatures write it before a colon. Where the label starts:
/// a word of letters opening the line or after a blank. Not code's
/// `if (password):`.
fn qualified_label_start(text: &[u8], line_start: usize, end: usize) -> Option<usize> {
    const CODE_WORDS: &[&[u8]] = &[
        b"if",
        b"elif",
        b"while",
        b"for",
        b"foreach",
        b"switch",
        b"case",
        b"catch",
        b"def",
        b"function",
        b"func",
        b"fn",
        b"when",
        b"with",
        b"until",
        b"unless",
        b"return",
        b"print",
    ];
    let close = end - 1;
    let open = (close.saturating_sub(24).max(line_start)..close)
        .rev()
        .find(|&i| text[i] == b'(')?;
    let inner = &text[open + 1..close];
    if !inner.iter().any(u8::is_ascii_alphabetic)
        || !inner
            .iter()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'.' | b'-'))
    {
        return None;
    }
    let word_end = trim_end_spaces(text, line_start, open);
    let mut s = word_end;
    while s > line_start
        && (text[s - 1].is_ascii_alphabetic() || text[s - 1] >= 0x80)
        && word_end - s < 24
    {
        s -= 1;
    }
    let opens = s == line_start || matches!(text[s - 1], b' ' | b'\t' | b'|' | b'>');
    let word = &text[s..word_end];
    (word_end - s >= 2 && opens && !CODE_WORDS.iter().any(|c| word.eq_ignore_ascii_case(c)))
        .then_some(s)
}

/// `r` without the quotes around it, when it is quoted.
pub(crate) fn trim_quotes(text: &[u8], r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    if s.len() >= 2 && (s[0] == b'\'' || s[0] == b'"') && s[s.len() - 1] == s[0] {
        r.start + 1..r.end - 1
    } else {
        r
    }
}

fn trim_end_spaces(text: &[u8], floor: usize, mut end: usize) -> usize {
    while end > floor && matches!(text[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    end
}

/// How many lines a value continued after backslashes may take.
pub(crate) const MAX_CONTINUED_LINES: usize = 16;

/// Where a value may end: its window, and the line for looking ahead.
#[derive(Clone, Copy)]
struct Bounds {
    window_end: usize,
    line_end: usize,
}

/// What is known of the bytes after the last value scanned: `from..to` holds
/// no byte that ends an unquoted value, so the next value starting inside it
/// resumes at `to`. Keys repeated along one run (`password:password:…`) then
/// cost one scan of the run, not one each.
#[derive(Default)]
struct StopCache {
    from: usize,
    to: usize,
    to_is_stop: bool,
    ends: ValueEnds,
}

/// What ends an unquoted value besides blanks and quotes.
#[derive(Clone, Copy, Default, PartialEq)]
struct ValueEnds {
    /// In a URL's query: a `&` or a `#`.
    in_query: bool,
    /// Written as form data, `key=value` with nothing between: a `&` that
    /// opens the next field. After `password ::= ` or `password = ` a `&`
    /// is part of the value (`Ai&o=9xk`).
    form: bool,
}

impl StopCache {
    /// The first byte at or after `start` that ends an unquoted value, or
    /// the window's end.
    fn first_stop(&mut self, text: &[u8], start: usize, b: Bounds, ends: ValueEnds) -> usize {
        let known = self.ends == ends && self.from <= start && start <= self.to;
        if known && self.to_is_stop {
            return self.to.min(b.window_end);
        }
        let mut i = if known { self.to.max(start) } else { start };
        while i < b.window_end && !ends_unquoted(text, i, b.line_end, ends) {
            i += 1;
        }
        if !known {
            self.from = start;
        }
        self.to = i;
        self.to_is_stop = i < b.window_end;
        self.ends = ends;
        i
    }
}

fn ends_unquoted(text: &[u8], at: usize, line_end: usize, ends: ValueEnds) -> bool {
    match text[at] {
        b' ' | b'\t' | b'"' | b'<' | b'`' => true,
        // `O'Brien`, `van+'t+Hof`: an apostrophe inside a name is no quote.
        b'\'' => {
            !(at > 0
                && (text[at - 1].is_ascii_alphabetic() || text[at - 1] == b'+')
                && text.get(at + 1).is_some_and(u8::is_ascii_alphabetic))
        }
        // The end of a tag (`<input value=x>`), not a `>` inside a value.
        b'>' => matches!(
            text.get(at + 1),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'<')
        ),
        b'#' => ends.in_query,
        b'&' => ends.in_query || (ends.form && form_key_follows(text, at + 1, line_end)),
        // `o.keySelector=n,o.haKey=!1`: minified code's next assignment.
        b',' => form_key_follows(text, at + 1, line_end),
        // `Password=x;Database=shop`: a connection string's next field.
        b';' => connection_key_follows(text, at + 1, line_end),
        b'\\' => text.get(at + 1) == Some(&b'"'),
        _ => false,
    }
}

fn value_after(
    text: &[u8],
    key: Range<usize>,
    op_end: usize,
    bounds: Bounds,
    stops: &mut StopCache,
) -> Option<Pair> {
    let line_end = bounds.window_end;
    let mut k = op_end;
    while k < line_end && matches!(text[k], b' ' | b'\t') {
        k += 1;
    }
    let in_query = key.start > 0 && matches!(text[key.start - 1], b'?' | b'&');
    if k >= line_end {
        return None;
    }
    let c = text[k];
    if c == b'\\' && text.get(k + 1) == Some(&b'"') {
        let start = k + 2;
        let end = memchr::memmem::find(&text[start..line_end], b"\\\"").map(|p| start + p)?;
        return Some(Pair {
            key,
            value: start..end,
            rest: start..end,
            quote: Quote::EscapedDouble,
            in_query,
            table_cell: false,
        });
    }
    // JSON in a CSV cell doubles its quotes: `""last_name"":""Nowak""`.
    if c == b'"'
        && text.get(k + 1) == Some(&b'"')
        && key.start >= 2
        && &text[key.start - 2..key.start] == b"\"\""
    {
        let start = k + 2;
        let end = memchr::memmem::find(&text[start..line_end], b"\"\"").map(|p| start + p)?;
        return Some(Pair {
            key,
            value: start..end,
            rest: start..end,
            quote: Quote::Double,
            in_query,
            table_cell: false,
        });
    }
    let prefix = string_prefix_len(&text[k..line_end]);
    // `f"prefix_{value}"`, `$"…{name}…"`: made when the code runs, no literal.
    let interpolated = prefix > 0
        && text[k..k + prefix]
            .iter()
            .any(|b| matches!(b, b'f' | b'F' | b'$'))
        && closing_quote(text, k + prefix + 1, line_end, text[k + prefix])
            .is_some_and(|end| holds_interpolation(&text[k + prefix + 1..end]));
    if interpolated {
        return None;
    }
    k += prefix;
    if text[op_end - 1] == b':' {
        k = after_node_properties(text, k, line_end);
        if is_local_tag(&text[k..line_end]) {
            return None;
        }
    }
    // Xdebug's var_dump: `'phone' => string '030 53560501' (length=12)`.
    if text[k..line_end].starts_with(b"string '") || text[k..line_end].starts_with(b"string \"") {
        k += 7;
        // Its quotes are not escaped inside (`'Marisol O'Connor' (length=16)`):
        // the length says where the value ends.
        if let Some(end) = xdebug_string_end(text, k, line_end) {
            return Some(Pair {
                key,
                value: k + 1..end,
                rest: k + 1..end,
                quote: if text[k] == b'\'' {
                    Quote::Single
                } else {
                    Quote::Double
                },
                in_query,
                table_cell: false,
            });
        }
    }
    let c = text[k];
    // A backtick quotes too: Go's raw strings, JavaScript's templates.
    if c == b'"' || c == b'\'' || c == b'`' {
        let start = k + 1;
        let end = match closing_quote(text, start, line_end, c) {
            Some(end) => end,
            None => unclosed_value_end(text, start, bounds)?,
        };
        return Some(Pair {
            key,
            value: start..end,
            rest: start..end,
            quote: if c == b'\'' {
                Quote::Single
            } else {
                Quote::Double
            },
            in_query,
            table_cell: false,
        });
    }
    let start = k;
    let ends = ValueEnds {
        in_query,
        form: k == op_end && is_lone_equals(text, op_end),
    };
    let mut end = stops.first_stop(text, start, bounds, ends);
    if end == bounds.window_end && bounds.window_end < bounds.line_end {
        return None;
    }
    // Punctuation that closes the surrounding syntax is not part of the value.
    while end > start && matches!(text[end - 1], b',' | b';' | b')' | b']' | b'}' | b'.') {
        end -= 1;
    }
    // Continued after a backslash (`DB_PASSWORD=Tr0ub4\` then `dor`): the
    // value is both halves, unless the next line opens an assignment of its own.
    for _ in 0..MAX_CONTINUED_LINES {
        match continuation(text, start, end) {
            Some((next, token_end)) if !text[next..token_end].contains(&b'=') => end = token_end,
            _ => break,
        }
    }
    // A form field ends at the `&` of the next one, whatever the value holds.
    let form_field = in_query || text.get(end) == Some(&b'&');
    let rest_end = if form_field {
        end
    } else {
        trim_end_spaces(text, start, line_end)
    };
    Some(Pair {
        key,
        value: start..end,
        rest: start..rest_end.max(end),
        quote: Quote::None,
        in_query,
        table_cell: false,
    })
}

/// The prefix a language writes before a string's opening quote, by its
/// length: Python's `b"…"`, `r'…'`, `f"…"`, `rb"…"`, C#'s `@"…"`, `$"…"`,
/// `$@"…"`, C and C++'s `L"…"`, `u8"…"`. Zero when no quote follows.
pub(crate) fn string_prefix_len(rest: &[u8]) -> usize {
    const PREFIXES: &[&[u8]] = &[
        b"u8", b"rb", b"br", b"fr", b"rf", b"$@", b"@$", b"b", b"r", b"f", b"u", b"@", b"$", b"L",
    ];
    PREFIXES
        .iter()
        .find(|p| {
            rest.len() > p.len()
                && rest[..p.len()].eq_ignore_ascii_case(p)
                && matches!(rest[p.len()], b'"' | b'\'')
        })
        .map_or(0, |p| p.len())
}

/// `{name}`, `{user.id}`, `{x!r}`: a name in braces, as f-strings and C#'s
/// interpolated strings fill in.
fn holds_interpolation(value: &[u8]) -> bool {
    memchr::memchr_iter(b'{', value).any(|open| {
        let inner = &value[open + 1..];
        let name = inner
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
            .count();
        name > 0
            && inner[0].is_ascii_alphabetic()
            && matches!(inner.get(name), Some(b'}' | b'!' | b':' | b'['))
    })
}

/// How many items of a list under a key are read as its values.
const LIST_ITEMS: usize = 16;

/// The items of a list given as a key's value: YAML's block sequence on the
/// lines below (`passwords:` then `  - "…"`), or a JSON array of strings
/// (`"tokens": ["…",` over one or more lines). Empty when the value is
/// anything else.
fn list_items(
    text: &[u8],
    key: Range<usize>,
    op_end: usize,
    line_start: usize,
    line_end: usize,
) -> Vec<Pair> {
    // A key naming several (`passwords`, `api_keys`): a singular one's list
    // is one value's parts (`WP_REDIS_PASSWORD => [user, password]`).
    let plural = text[key.clone()].ends_with(b"s") && !text[key.clone()].ends_with(b"ss");
    if !plural || key.start < line_start || op_end > line_end {
        return Vec::new();
    }
    let rest = text[op_end..line_end].trim_ascii();
    let mut items = Vec::new();
    if rest.is_empty() && text[op_end - 1] == b':' {
        // Items at the key's indentation or deeper, one a line.
        let indent = text[line_start..key.start]
            .iter()
            .take_while(|b| **b == b' ')
            .count();
        let mut at = line_end + 1;
        while at < text.len() && items.len() < LIST_ITEMS {
            let end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |p| at + p);
            let line = &text[at..end];
            let blanks = line.iter().take_while(|b| **b == b' ').count();
            if blanks < indent || !line[blanks..].starts_with(b"- ") {
                break;
            }
            let mut v = at + blanks + 2;
            while v < end && text[v] == b' ' {
                v += 1;
            }
            let item_end = trim_end_spaces(text, v, end);
            let item = &text[v..item_end];
            // A bullet of prose under a label (`Passwords:` then `- reset
            // it first`) is no item: a bare item is one word.
            if item.contains(&b' ') && !matches!(item.first(), Some(b'"' | b'\'')) {
                break;
            }
            match item.first() {
                Some(&q @ (b'"' | b'\'')) if item.len() >= 2 && item[item.len() - 1] == q => {
                    items.push(listed(key.clone(), v + 1..item_end - 1, q));
                }
                // A mapping (`- name: …`) is read as pairs of its own.
                Some(_) if !item.contains(&b':') && !item.contains(&b'#') => {
                    items.push(listed(key.clone(), v..item_end, 0));
                }
                _ => {}
            }
            at = end + 1;
        }
    } else if rest.first() == Some(&b'[') {
        let open = op_end
            + (text[op_end..line_end].len() - text[op_end..line_end].trim_ascii_start().len());
        let limit = text.len().min(open + PAIR_WINDOW);
        let mut at = open + 1;
        while items.len() < LIST_ITEMS {
            while at < limit && matches!(text[at], b' ' | b'\t' | b'\r' | b'\n' | b',') {
                at += 1;
            }
            let Some(&q @ (b'"' | b'\'')) = text.get(at).filter(|_| at < limit) else {
                break;
            };
            let close_limit = crate::redact::scan::line_end_near(text, at);
            let Some(close) = closing_quote(text, at + 1, close_limit, q) else {
                break;
            };
            items.push(listed(key.clone(), at + 1..close, q));
            at = close + 1;
        }
    }
    items
}

fn listed(key: Range<usize>, value: Range<usize>, quote: u8) -> Pair {
    Pair {
        key,
        rest: value.clone(),
        value,
        quote: match quote {
            b'"' => Quote::Double,
            b'\'' => Quote::Single,
            _ => Quote::None,
        },
        in_query: false,
        table_cell: false,
    }
}

/// A YAML local tag then what it applies to: CloudFormation's `!Ref
/// DbPassword`, `!ImportValue …`, Home Assistant's `!secret db_password`,
/// Ansible's `!vault |`. What follows is a reference or sealed, no literal.
fn is_local_tag(rest: &[u8]) -> bool {
    let [b'!', first, ..] = rest else {
        return false;
    };
    let len = 1 + rest[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b':'))
        .count();
    first.is_ascii_alphabetic()
        && matches!(rest.get(len), Some(b' ' | b'\t'))
        && rest[len..].iter().any(|b| !b.is_ascii_whitespace())
}

/// Past YAML's anchor and core tag before a value (`password: &pw "…"`,
/// `key: !!str …`): each a word then blanks, with more of the value after.
fn after_node_properties(text: &[u8], mut k: usize, line_end: usize) -> usize {
    for _ in 0..2 {
        let rest = &text[k..line_end];
        let word = match rest {
            [b'&', ..] => 1,
            [b'!', b'!', ..] => 2,
            _ => return k,
        };
        let len = rest[word..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        let blanks = rest[word + len..]
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\t'))
            .count();
        let value_follows = rest
            .get(word + len + blanks)
            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'#');
        if len == 0 || blanks == 0 || !value_follows {
            return k;
        }
        k += word + len + blanks;
    }
    k
}

/// Whether the operator ending at `op_end` is a plain `=`, not `:=`, `::=`,
/// `+=` or `==`.
fn is_lone_equals(text: &[u8], op_end: usize) -> bool {
    op_end >= 1
        && text[op_end - 1] == b'='
        && !(op_end >= 2
            && matches!(
                text[op_end - 2],
                b':' | b'=' | b'!' | b'<' | b'>' | b'?' | b'+' | b'.'
            ))
}

/// For a value `start..end` that ends at a backslash closing its line: where
/// the next line starts and where its first token ends.
pub(crate) fn continuation(text: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let backslash = match text.get(end) {
        Some(b'\\') => end,
        _ if end > start && text[end - 1] == b'\\' => end - 1,
        _ => return None,
    };
    if backslash == start || text[backslash - 1].is_ascii_whitespace() {
        return None;
    }
    let next = match text.get(backslash + 1..)? {
        [b'\n', ..] => backslash + 2,
        [b'\r', b'\n', ..] => backslash + 3,
        _ => return None,
    };
    let token_end = next
        + text[next..]
            .iter()
            .position(|&b| {
                b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b';' | b',' | b')')
            })
            .unwrap_or(text.len() - next);
    // A backslash closing the next line too is the next round's to read.
    let token_end = if text[next..token_end].ends_with(b"\\") && token_end - 1 > next {
        token_end - 1
    } else {
        token_end
    };
    (token_end > next).then_some((next, token_end))
}

/// The first line continuation inside `v`: where its backslash sits and
/// where the next line starts, for `\` + LF and `\` + CRLF alike.
pub(crate) fn continuation_in(v: &[u8]) -> Option<(usize, usize)> {
    memchr::memchr_iter(b'\\', v).find_map(|at| match v.get(at + 1..)? {
        [b'\n', ..] => Some((at, at + 2)),
        [b'\r', b'\n', ..] => Some((at, at + 3)),
        _ => None,
    })
}

/// Where a quoted value the line does not close ends: a truncated log line
/// (`DB_PASSWORD='Tr0ub4dor`) or a value continued after a backslash. Only a
/// single token running to the line's end is taken; words after an opening
/// quote are prose (`it's`), not a value.
fn unclosed_value_end(text: &[u8], start: usize, bounds: Bounds) -> Option<usize> {
    if bounds.window_end < bounds.line_end {
        return None;
    }
    let mut end = trim_end_spaces(text, start, bounds.line_end);
    if text[start..end].ends_with(b"\\") {
        end -= 1;
    }
    let token = &text[start..end];
    (!token.is_empty() && !token.iter().any(|b| b.is_ascii_whitespace())).then_some(end)
}

/// The closing quote, skipping backslash escapes; `None` when the line ends first.
pub(crate) fn closing_quote(text: &[u8], start: usize, line_end: usize, q: u8) -> Option<usize> {
    let mut i = start;
    while i < line_end {
        match text[i] {
            b'\\' => i += 2,
            b if b == q => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::anchors_found_by_the_gate;

    fn pairs(s: &str) -> Vec<(String, String)> {
        super::super::pairs_read(s, |lines, anchors, push| {
            for_each_pair(lines, anchors, |_| Some(()), |p, ()| push(p));
        })
    }

    fn has(s: &str, k: &str, v: &str) -> bool {
        pairs(s).iter().any(|(a, b)| a == k && b == v)
    }

    #[test]
    fn each_item_of_a_list_under_a_key_is_its_value() {
        let text = "smtp:\n  passwords:\n    - \"Kiwano 5\"\n    - durian6\n  host: mail\n\
                    {\"tokens\": [\"tk-Jabara7\",\n  'tk-Yuzu8'], \"n\": 2}\n\
                    keys:\n- cherimoya9\n- name: x\n";
        for value in [
            "Kiwano 5",
            "durian6",
            "tk-Jabara7",
            "tk-Yuzu8",
            "cherimoya9",
        ] {
            assert!(
                pairs(text).iter().any(|(_, v)| v == value),
                "{value}: {:?}",
                pairs(text)
            );
        }
        // The lines after the list are not its items; prose bullets and a
        // singular key's parts are none.
        assert!(has(text, "host", "mail"), "{:?}", pairs(text));
        let prose = "Passwords:\n- reset it from the admin\n";
        assert!(
            !pairs(prose).iter().any(|(_, v)| v.contains("reset")),
            "{:?}",
            pairs(prose)
        );
        let parts = "define( 'WP_REDIS_PASSWORD', [ 'shopuser', 'Feijoa4' ] );";
        assert!(
            !pairs(parts).iter().any(|(_, v)| v == "shopuser"),
            "{:?}",
            pairs(parts)
        );
        assert!(
            !pairs(text)
                .iter()
                .any(|(k, v)| k == "passwords" && v == "host: mail")
        );
    }

    #[test]
    fn a_yaml_anchor_or_core_tag_stands_before_the_value() {
        assert!(has(
            "password: &db_pw \"Kudu4Sorrel\"\n",
            "password",
            "Kudu4Sorrel"
        ));
        assert!(has(
            "  smtp_pass: !!str Xerus7Dill\n",
            "smtp_pass",
            "Xerus7Dill"
        ));
        assert!(has("secret: !!str &s 'w9Lq!z'\n", "secret", "w9Lq!z"));
        // An anchor with nothing after it is the value; a local tag is kept.
        assert!(has("password: &Hunter2\n", "password", "&Hunter2"));
        // A local tag makes what follows a reference or a sealed value.
        for text in [
            "db_pass: !vault |\n",
            "  MasterUserPassword: !Ref DbPasswordParam\n",
            "api_key: !secret shop_api_key\n",
        ] {
            assert!(pairs(text).is_empty(), "{text}: {:?}", pairs(text));
        }
        assert!(has("password: !Qaz2wsx\n", "password", "!Qaz2wsx"));
    }

    #[test]
    fn an_environment_value_may_open_with_an_equals_sign() {
        assert!(has(
            "DB_PASSWORD==q7Fennel_22\n",
            "DB_PASSWORD",
            "=q7Fennel_22"
        ));
        assert!(has("export API_SECRET==x9!Tz\n", "API_SECRET", "=x9!Tz"));
        // Code compares: the value is no literal.
        for code in [
            "if (DB_PASSWORD==other) {\n",
            "DB_PASSWORD == other\n",
            "x==y\n",
        ] {
            assert!(pairs(code).is_empty(), "{code:?}: {:?}", pairs(code));
        }
    }

    #[test]
    fn a_label_alone_on_its_line_names_the_token_below_it() {
        assert!(has("Password:\nq7!Fennel_22\n", "Password", "q7!Fennel_22"));
        assert!(has("  pass:\n      Tz4-moor#1\n", "pass", "Tz4-moor#1"));
        assert!(has("Login:\r\nkeeper_07\r\n", "Login", "keeper_07"));
        // A mapping, a list, markup, a rule or prose below is no value.
        for text in [
            "password:\n  host: db1\n",
            "password:\n  - one\n",
            "Password:\n<input type=password>\n",
            "Password:\n----------\n",
            "Password:\nthe usual one\n",
            "Password:\n\nq7!Fennel_22\n",
            "db: password:\nq7!Fennel_22\n",
        ] {
            assert!(
                pairs(text)
                    .iter()
                    .all(|(_, v)| v != "q7!Fennel_22" && !v.is_empty()),
                "{text:?}: {:?}",
                pairs(text)
            );
        }
    }

    #[test]
    fn xdebug_strings_end_where_their_length_says() {
        assert!(has(
            "  'billing_last_name' => string 'D'Arcy-Quinn' (length=12)",
            "billing_last_name",
            "D'Arcy-Quinn"
        ));
        assert!(has(
            "  'note' => string 'say \"hi\"' (length=10)",
            "note",
            "say \"hi\""
        ));
        // A length that does not fit leaves the plain reading.
        assert!(has("  'city' => string 'Cork' (length=9)", "city", "Cork"));
    }

    #[test]
    fn syntaxes() {
        assert!(has(r#"{"api_key": "abc123", "x": 1}"#, "api_key", "abc123"));
        assert!(has(r#"{\"api_key\":\"abc123\"}"#, "api_key", "abc123"));
        assert!(has(
            "define( 'DB_PASSWORD', 'p@ss,w0rd' );",
            "DB_PASSWORD",
            "p@ss,w0rd"
        ));
        assert!(has(
            "    [secret_key] => sk_live_x",
            "secret_key",
            "sk_live_x"
        ));
        assert!(has("'password' => 'hunter2',", "password", "hunter2"));
        assert!(has("DB_PASSWORD=hunter2", "DB_PASSWORD", "hunter2"));
        assert!(has("export TOKEN=\"abc def\"", "TOKEN", "abc def"));
        assert!(has("pass: Summer2023!!", "pass", "Summer2023!!"));
        assert!(has("GET /?a=1&token=XYZ&b=2 HTTP/1.1", "token", "XYZ"));
        assert!(has("x-api-key: sk-ant-xyz", "x-api-key", "sk-ant-xyz"));
        assert!(has(
            r#"{"note":"Order note\nName = Ana Lima\nPhone = 020"}"#,
            "Name",
            "Ana"
        ));
        assert!(has(
            "$cfg['smtp_pass'] = 'hunter2';",
            "smtp_pass",
            "hunter2"
        ));
    }

    #[test]
    fn every_assignment_operator() {
        assert!(has("$pass .= 'Hunter2xx';", "pass", "Hunter2xx"));
        assert!(has("$pass.='Hunter2xx';", "pass", "Hunter2xx"));
        assert!(has("dbPass := \"Hunter2xx\"", "dbPass", "Hunter2xx"));
        assert!(has("PASSWORD ?= Hunter2xx", "PASSWORD", "Hunter2xx"));
        assert!(has("password ::= Hunter2xx", "password", "Hunter2xx"));
        assert!(has("TOKEN += abc", "TOKEN", "abc"));
        assert!(has(
            "var dbPassword string = \"Hunter2xx\"",
            "dbPassword",
            "Hunter2xx"
        ));
        assert!(has(
            "const password: string = 'Hunter2xx';",
            "password",
            "Hunter2xx"
        ));
        // Optional types: Swift's and Kotlin's marks after the type.
        assert!(has(
            "let password: String! = \"Tide-Pool-44\"",
            "password",
            "Tide-Pool-44"
        ));
        assert!(has(
            "var dbPassword: String? = \"Tide-Pool-44\"",
            "dbPassword",
            "Tide-Pool-44"
        ));
        assert!(pairs("a := b").iter().all(|(_, v)| v != "= b"));
    }

    #[test]
    fn comparisons_and_odd_values() {
        assert!(has(
            "if (apikey == \"c{o}s)i${a]\") {",
            "apikey",
            "c{o}s)i${a]"
        ));
        assert!(has("if (db_pass !== 'n{s}y') {", "db_pass", "n{s}y"));
        assert!(has("if (\"k{g}o)x\" !== secret) {", "secret", "k{g}o)x"));
        assert!(has("if ('Tr0ub4dor' == $db_pass)", "db_pass", "Tr0ub4dor"));
        assert!(has("db_pass[] = 'e{f}w)o';", "db_pass", "e{f}w)o"));
        assert!(has("api_key := `s{g}y)o`", "api_key", "s{g}y)o"));
        let vertical = "*** 1. row ***\n  meta_key: _billing_first_name\nmeta_value: Signe\n";
        assert!(has(vertical, "_billing_first_name", "Signe"));
        assert!(has("char secret[25] = \"s{p}e)s\";", "secret", "s{p}e)s"));
        assert!(has("password = @\"c{e}n)t\";", "password", "c{e}n)t"));
        assert!(has(
            "db_pass: d{k}i)e>-_$#tyl",
            "db_pass",
            "d{k}i)e>-_$#tyl"
        ));
        assert!(has("<input name=x value=abc>", "value", "abc"));
        assert!(pairs("if (a <= b)").iter().all(|(k, _)| k != "a"));
    }

    #[test]
    fn an_ampersand_ends_a_value_only_in_form_data() {
        // Form data and a URL's query: the next field opens at `&`.
        assert!(has("user=ana&pass=Kq93mLx0&next=1", "pass", "Kq93mLx0"));
        assert!(has("?a=1&token=Zx81kq&b=2", "token", "Zx81kq"));
        // Behind blanks or another operator, `&` and `=` are the value's.
        assert!(has("password   ::= @Ai&o=9xk", "password", "@Ai&o=9xk"));
        assert!(has("db_pass := Tq&w=4r!z", "db_pass", "Tq&w=4r!z"));
        assert!(has(
            "MYSQL_PASSWORD: Tox&GP2V=dX",
            "MYSQL_PASSWORD",
            "Tox&GP2V=dX"
        ));
        assert!(has("secret = Lk&m=3Qp", "secret", "Lk&m=3Qp"));
    }

    #[test]
    fn json_in_a_csv_cell_with_its_quotes_doubled() {
        let row =
            r#"1043,"{""first_name"":""Zofia"",""phone"":""+48 601 234 567"",""note"":""""}""#;
        assert!(has(row, "first_name", "Zofia"));
        assert!(has(row, "phone", "+48 601 234 567"));
        assert!(has(row, "note", ""));
        // An empty key, and quotes that are not doubled, are read as before.
        assert!(pairs(r#"{"": "x"}"#).iter().all(|(k, _)| !k.contains('"')));
        assert!(has(r#"{"a":"b","c":"d"}"#, "c", "d"));
    }

    #[test]
    fn connection_strings_end_each_value_at_the_next_field() {
        let s = "Server=db1;User ID=sa;Password=Xk9p;w2;Database=wcshop;Encrypt=true";
        assert!(has(s, "Password", "Xk9p;w2"));
        assert!(has(s, "Database", "wcshop"));
        assert!(has("Password=a;b", "Password", "a;b"));
    }

    #[test]
    fn not_pairs() {
        assert!(pairs("https://example.com/a").is_empty());
        assert!(pairs("Foo::bar()").is_empty());
        assert!(pairs("if (a == b)").iter().all(|(k, _)| k != "a"));
        assert!(pairs("if (token !== null)").is_empty());
        assert!(pairs("foo(a, 'b')").is_empty());
    }

    #[test]
    fn values_deep_in_a_long_line_are_found_within_their_window() {
        let filler = "status:ok ".repeat(2_000);
        let long_token = "x".repeat(PAIR_WINDOW - 10);
        let line = format!("{filler}password={long_token} db_pass=s3cret {filler}");
        let found = pairs(&line);
        assert!(
            has(&line, "password", &long_token),
            "a value just inside the window is whole"
        );
        assert!(has(&line, "db_pass", "s3cret"));
        assert_eq!(found.iter().filter(|(k, _)| k == "status").count(), 4_000);
        // A run longer than the window is no one value.
        let run = "y".repeat(PAIR_WINDOW + 10);
        let line = format!("token={run} more text");
        assert!(!pairs(&line).iter().any(|(k, _)| k == "token"));
    }

    #[test]
    fn a_line_of_repeated_keys_gives_each_its_own_short_rest() {
        let line = "Name: Ana Lima ".repeat(100);
        let lines = Lines::new(line.as_bytes());
        let anchors = anchors_found_by_the_gate(&lines);
        let mut longest = 0;
        for_each_pair(
            &lines,
            Anchors(&anchors),
            |_| Some(()),
            |p, ()| {
                longest = longest.max(p.rest.len());
            },
        );
        assert!(longest <= KEYS_AHEAD * "Name: Ana Lima ".len(), "{longest}");
    }

    #[test]
    fn rest_of_line_for_unquoted_values() {
        let s = "Authorization: Bearer abc.def";
        let lines = Lines::new(s.as_bytes());
        let mut rest = String::new();
        let anchors = anchors_found_by_the_gate(&lines);
        for_each_pair(
            &lines,
            Anchors(&anchors),
            |_| Some(()),
            |p, ()| rest = s[p.rest].to_string(),
        );
        assert_eq!(rest, "Bearer abc.def");
    }
}
