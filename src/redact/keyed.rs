//! Values of fields whose name says what they hold.

use std::net::IpAddr;

use super::Kind;
use super::columns::for_each_cell;
use super::context::{Context, PERSON_PARENTS, parent_key};
use super::fasthash::FastMap;
use super::keys::{FieldClass, classify, provider_of};
use super::pairs::{Pair, Quote, for_each_pair};
use super::scan::{Candidate, Lines, Priority};
use super::tokens::TokenRules;
use super::values::{
    is_non_value, looks_generated, looks_generated_with_spaces, looks_password, looks_person_name,
    looks_phone, trim, unescape_name,
};

/// `strict`: any value of a secret-sounding field counts, however it looks.
/// `table_header`: the header line of a table still open at the end of the
/// previous chunk of a stream; left set to the one open at the end of this one.
pub(crate) fn detect(
    lines: &Lines<'_>,
    ctx: &Context,
    tokens: &TokenRules,
    strict: bool,
    table_header: &mut Option<Vec<u8>>,
    out: &mut Vec<Candidate>,
) {
    let text = lines.text;
    let on_pair = |text: &[u8], pair: Pair, class: FieldClass, out: &mut Vec<Candidate>| {
        if let Some(c) = candidate(text, &pair, class, ctx, tokens) {
            out.push(c);
        } else if strict && let Some(c) = strict_candidate(text, &pair, class, tokens) {
            out.push(c);
        }
    };
    // Logs repeat a handful of field names (`status`, `hook`, `request_id`)
    // on every line: each is classified once per block.
    let mut classified: FastMap<Vec<u8>, Option<FieldClass>> = FastMap::default();
    let classify_once = |key: &[u8]| {
        if let Some(&class) = classified.get(key) {
            return class;
        }
        let class = classify(key);
        if classified.len() < 4096 {
            classified.insert(key.to_vec(), class);
        }
        class
    };
    for_each_pair(lines, classify_once, |pair, class| {
        on_pair(text, pair, class, out)
    });
    match table_header.take() {
        None => {
            let open = for_each_cell(lines, classify, |pair, class| {
                on_pair(text, pair, class, out)
            });
            *table_header = open.map(|r| text[r].to_vec());
        }
        Some(header) => {
            // Rows continue a table whose header sat in an earlier chunk: read
            // them under a copy of that header, then shift what they give back.
            // (Provider context for such cells is looked up one line off.)
            let shift = header.len() + 1;
            let mut joined = header;
            joined.push(b'\n');
            joined.extend_from_slice(text);
            let joined_lines = Lines::new(&joined);
            let mut found = Vec::new();
            let open = for_each_cell(&joined_lines, classify, |pair, class| {
                on_pair(&joined, pair, class, &mut found);
            });
            for mut c in found {
                if c.start >= shift {
                    c.start -= shift;
                    c.end -= shift;
                    out.push(c);
                }
            }
            *table_header = open.map(|r| joined[r].to_vec());
        }
    }
}

fn strict_candidate(
    text: &[u8],
    pair: &Pair,
    class: FieldClass,
    tokens: &TokenRules,
) -> Option<Candidate> {
    let kind = match class {
        FieldClass::Password(kind) | FieldClass::Secret(kind) | FieldClass::ProviderName(kind) => {
            kind
        }
        _ => return None,
    };
    let value = &text[pair.value.clone()];
    if value.len() < 4 || is_non_value(value) || tokens.matches_whole(value) {
        return None;
    }
    if is_count(&text[pair.key.clone()], value)
        || is_description(&text[pair.rest.clone()])
        || super::is_identifier_of_words(value)
        || (!matches!(class, FieldClass::Password(_)) && is_plain_word(value))
    {
        return None;
    }
    keyed(
        pair.value.start,
        pair.value.end,
        kind,
        "strict:secret-field",
    )
}

/// `"prompt_tokens": 1727`: a field that counts tokens holds a number, not one.
fn is_count(key: &[u8], value: &[u8]) -> bool {
    let key = key.to_ascii_lowercase();
    let counts = key.ends_with(b"tokens") || key.ends_with(b"count") || key.ends_with(b"_len");
    counts && value.iter().all(u8::is_ascii_digit)
}

/// `"token_type":"Bearer"`, `token: cURL error 6`: a short plain word is what
/// a token field says about itself, never the token (a password can be one,
/// so password fields are not judged by this).
fn is_plain_word(value: &[u8]) -> bool {
    let word = value.trim_ascii_end();
    let word = word.strip_suffix(b":").unwrap_or(word);
    word.len() <= 12 && !word.is_empty() && word.iter().all(u8::is_ascii_alphabetic)
}

/// `OpenAI key: (set, 54 characters)`: a settings screen describing a value
/// it does not show.
fn is_description(rest: &[u8]) -> bool {
    let rest = rest.trim_ascii();
    rest.len() > 2
        && rest.first() == Some(&b'(')
        && rest.last() == Some(&b')')
        && rest.contains(&b' ')
}

fn keyed(start: usize, end: usize, kind: Kind, rule: &'static str) -> Option<Candidate> {
    (start < end).then(|| Candidate::new(start, end, kind, rule, Priority::Keyed))
}

/// A credential that is the whole of a quoted value: all of it goes, even
/// where an email- or IP-shaped run inside it is found by a stronger rule.
fn delimited(mut c: Option<Candidate>, pair: &Pair) -> Option<Candidate> {
    if let Some(c) = c.as_mut() {
        c.delimited = pair.quote != Quote::None;
    }
    c
}

/// Trims a range of `text` of surrounding whitespace.
fn trimmed(text: &[u8], start: usize, end: usize) -> (usize, usize) {
    let v = &text[start..end];
    let t = trim(v);
    if t.is_empty() {
        return (start, start);
    }
    let off = t.as_ptr() as usize - v.as_ptr() as usize;
    (start + off, start + off + t.len())
}

/// For fields that hold words (names, streets, phones): the quoted value, or the
/// rest of the line up to a delimiter that ends the field in prose or logs.
fn words_value(text: &[u8], pair: &Pair, stops: &[u8]) -> (usize, usize) {
    let (s, mut e) = if pair.quote == Quote::None {
        (pair.rest.start, pair.rest.end)
    } else {
        (pair.value.start, pair.value.end)
    };
    if pair.quote == Quote::None
        && let Some(p) = text[s..e].iter().position(|b| stops.contains(b))
    {
        e = s + p;
    }
    let (s, mut e) = trimmed(text, s, e);
    // `"line2": null,` ends at the comma that closes the field.
    while e > s && matches!(text[e - 1], b',' | b';') {
        e -= 1;
    }
    (s, e)
}

fn candidate(
    text: &[u8],
    pair: &Pair,
    class: FieldClass,
    ctx: &Context,
    tokens: &TokenRules,
) -> Option<Candidate> {
    let (vs, ve) = (pair.value.start, pair.value.end);
    let value = &text[vs..ve];
    match class {
        FieldClass::Password(kind) => {
            // Salts are anything between the quotes of their define(): never judge their shape.
            if kind == Kind::WpSalt {
                // Unquoted (`- WORDPRESS_AUTH_KEY=…` in a compose file): the rest of the line.
                let (s, e) = if pair.quote == Quote::None {
                    trimmed(text, pair.rest.start, pair.rest.end)
                } else {
                    (vs, ve)
                };
                let mut c = (s < e && !is_non_value(&text[s..e]))
                    .then(|| Candidate::new(s, e, kind, "wp-salt-define", Priority::Keyed));
                if let Some(c) = c.as_mut() {
                    c.delimited = true;
                }
                return c;
            }
            if pair.quote == Quote::None
                && let Some(c) = array_password(text, pair.rest.clone(), kind)
            {
                return Some(c);
            }
            if tokens.matches_whole(value) || is_non_value(value) {
                return None;
            }
            let ok = looks_password(value) || (pair.quote != Quote::None && value.len() >= 4);
            if !ok {
                return None;
            }
            delimited(keyed(vs, ve, kind, "field:password"), pair)
        }
        FieldClass::Secret(kind) => {
            let generated = looks_generated(value)
                || (pair.quote != Quote::None && looks_generated_with_spaces(value));
            if tokens.matches_whole(value) || !generated {
                return None;
            }
            let kind = refine_generic(kind, text, pair, ctx);
            delimited(keyed(vs, ve, kind, "field:secret"), pair)
        }
        FieldClass::ProviderName(kind) => {
            if tokens.matches_whole(value)
                || !looks_generated(value)
                || looks_like_model_name(value)
            {
                return None;
            }
            keyed(vs, ve, kind, "field:provider-key")
        }
        FieldClass::Authorization => authorization(text, pair, ctx, tokens),
        FieldClass::Name => {
            let (s, e) = words_value(text, pair, b",;<(|\"");
            looks_person_name(&text[s..e]).then_some(())?;
            keyed(s, e, Kind::Name, "field:name")
        }
        FieldClass::BareName => {
            let (s, e) = words_value(text, pair, b",;<(|\"");
            // A table of one record (`| Name | Ana Lima |`) is a person's record.
            if !looks_person_name(&text[s..e]) || !(pair.table_cell || in_person_record(text, pair))
            {
                return None;
            }
            keyed(s, e, Kind::Name, "field:name")
        }
        FieldClass::Phone => {
            let (s, e) = words_value(text, pair, b",;<|\"xX");
            // Form data writes `+33 (0)1 …` as `%2B33+%280%291+…`.
            let decoded = unescape_name(&text[s..e]).map(String::into_bytes);
            looks_phone(decoded.as_deref().unwrap_or(&text[s..e])).then_some(())?;
            keyed(s, e, Kind::Phone, "field:phone")
        }
        FieldClass::Address => {
            let (s, e) = words_value(text, pair, b";<|\"");
            let v = &text[s..e];
            if is_non_value(v) || v.len() > 160 || !v.iter().any(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            // `"address": {` opens an object; `address: 10.0.0.1` is a host.
            if v.starts_with(b"{") || v.starts_with(b"Array") || v.parse_ip().is_some() {
                return None;
            }
            keyed(s, e, Kind::Address, "field:address")
        }
        FieldClass::Ip => {
            let v = trim(value);
            v.parse_ip()?;
            keyed(vs, ve, Kind::Ip, "field:ip")
        }
        FieldClass::Cvv => {
            let v = trim(value);
            ((3..=4).contains(&v.len()) && v.iter().all(u8::is_ascii_digit)).then_some(())?;
            keyed(vs, ve, Kind::Cvv, "field:cvv")
        }
        FieldClass::CardExpiry => {
            let v = trim(value);
            let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
            let shape = v
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b' '));
            (shape && (2..=6).contains(&digits)).then_some(())?;
            keyed(vs, ve, Kind::CardExpiry, "field:card-expiry")
        }
        FieldClass::CardNumber => {
            let v = trim(value);
            let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
            // `+` is a space in form data: `card[number]=4242+4242+…`.
            let shape = v
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'+'));
            (shape && (12..=19).contains(&digits)).then_some(())?;
            keyed(vs, ve, Kind::CardNumber, "field:card-number")
        }
        FieldClass::Iban => {
            let v = trim(value);
            let compact = v.iter().filter(|b| **b != b' ').count();
            let shape = v.iter().all(|b| b.is_ascii_alphanumeric() || *b == b' ');
            (shape && (15..=34).contains(&compact)).then_some(())?;
            keyed(vs, ve, Kind::Iban, "field:iban")
        }
        FieldClass::Email => None,
    }
}

/// A password given as `[user, password]` (Redis ACLs): `Array('default', '…')`,
/// `[ 'shop', '…' ]`. The quoted items that look like a password, the last first.
fn array_password(text: &[u8], rest: std::ops::Range<usize>, kind: Kind) -> Option<Candidate> {
    let v = &text[rest.clone()];
    let open = if v.starts_with(b"[") {
        1
    } else if v.len() > 6 && v[..6].eq_ignore_ascii_case(b"array(") {
        6
    } else {
        return None;
    };
    let close_char = if open == 1 { b']' } else { b')' };
    let mut i = open;
    let mut found = None;
    while i < v.len() && v[i] != close_char {
        let q = v[i];
        if q == b'\'' || q == b'"' {
            let end = i + 1 + v[i + 1..].iter().position(|&b| b == q)?;
            let item = &v[i + 1..end];
            if looks_password(item) {
                found = Some((rest.start + i + 1, rest.start + end));
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    let (s, e) = found?;
    keyed(s, e, kind, "field:password-array")
}

/// `Authorization: Bearer <token>` keeps the scheme word.
fn authorization(
    text: &[u8],
    pair: &Pair,
    ctx: &Context,
    tokens: &TokenRules,
) -> Option<Candidate> {
    let (s, e) = if pair.quote == Quote::None {
        (pair.rest.start, pair.rest.end)
    } else {
        (pair.value.start, pair.value.end)
    };
    let v = &text[s..e];
    let first_end = v
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(v.len());
    let scheme = &v[..first_end];
    let is_scheme = first_end < v.len()
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && scheme.len() <= 20;
    let (cs, ce) = if is_scheme {
        let rest_start = s + first_end;
        let (cs, _) = trimmed(text, rest_start, e);
        let len = text[cs..e]
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(e - cs);
        (cs, cs + len)
    } else {
        (s, s + first_end)
    };
    let cred = &text[cs..ce];
    if cred.len() < 8 || is_non_value(cred) || tokens.matches_whole(cred) {
        return None;
    }
    let kind = if scheme.eq_ignore_ascii_case(b"basic") {
        Kind::BasicAuth
    } else {
        ctx.provider_at(cs).unwrap_or(Kind::Token)
    };
    keyed(cs, ce, kind, "field:authorization")
}

/// A generic key/token/secret takes its provider from the enclosing object
/// (`"cohere": {"api_key": ...}`) or from a provider mentioned just before.
fn refine_generic(kind: Kind, text: &[u8], pair: &Pair, ctx: &Context) -> Kind {
    if !matches!(kind, Kind::ApiKey | Kind::Token | Kind::Secret) {
        return kind;
    }
    if let Some(words) = parent_key(text, pair.key.start)
        && let Some(p) = words.iter().find_map(|w| provider_of(w))
    {
        return p;
    }
    // A provider named nearby tells whose API key sits in a header or setting,
    // not whose token sits in a URL's query string.
    if kind == Kind::ApiKey && !pair.in_query {
        return ctx.provider_at(pair.key.start).unwrap_or(kind);
    }
    kind
}

fn in_person_record(text: &[u8], pair: &Pair) -> bool {
    if let Some(words) = parent_key(text, pair.key.start)
        && words.iter().any(|w| PERSON_PARENTS.contains(&w.as_str()))
    {
        return true;
    }
    // `SophMate: customer context array (`, `test_customers:` above a YAML list:
    // the line that opens the record says whose it is.
    if let Some(opener) = record_opener(text, pair.key.start)
        && person_words_before(text, opener, opener + 1)
    {
        return true;
    }
    // Prose records: "Customer context: name=Ana Lima; email=..."
    person_words_before(text, pair.key.start, pair.key.start)
}

/// Whether the line holding `at`, up to `end`, speaks of a person.
fn person_words_before(text: &[u8], at: usize, end: usize) -> bool {
    let line_start = text[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let before = text[line_start..end.min(text.len())].to_ascii_lowercase();
    [
        "customer", "user", "client", "buyer", "contact", "visitor", "payer", "billing", "shipping",
    ]
    .iter()
    .any(|w| memchr::memmem::find(&before, w.as_bytes()).is_some())
}

/// Where the record holding `pos` opens: the unclosed `(` or `{` before it,
/// or the end of the YAML key above an indented list item (`- name: …`).
fn record_opener(text: &[u8], pos: usize) -> Option<usize> {
    let floor = pos.saturating_sub(4096);
    let mut depth = 0usize;
    for i in (floor..pos).rev() {
        match text[i] {
            b'}' | b')' => depth += 1,
            b'{' | b'(' if depth == 0 => return Some(i),
            b'{' | b'(' => depth -= 1,
            _ => {}
        }
    }
    // YAML: `- name: X` under `customers:` at a smaller indent.
    let line_start = text[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let item = &text[line_start..pos];
    let indent = item.iter().take_while(|&&b| b == b' ').count();
    if !item[indent..].starts_with(b"- ") || line_start == 0 {
        return None;
    }
    let mut end = line_start - 1;
    while end > floor {
        let start = text[..end]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = &text[start..end];
        let ind = line.iter().take_while(|&&b| b == b' ').count();
        if ind < indent && ind < line.len() {
            let body = line
                .split(|&b| b == b'#')
                .next()
                .unwrap_or_default()
                .trim_ascii_end();
            return body.ends_with(b":").then_some(start + body.len() - 1);
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
    None
}

fn looks_like_model_name(v: &[u8]) -> bool {
    let lower_ok = v.iter().all(|b| {
        b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || matches!(b, b'-' | b'.' | b'_' | b'/' | b':')
    });
    lower_ok && v.contains(&b'-')
}

trait ParseIp {
    fn parse_ip(&self) -> Option<IpAddr>;
}

impl ParseIp for [u8] {
    fn parse_ip(&self) -> Option<IpAddr> {
        std::str::from_utf8(self).ok()?.parse().ok()
    }
}
