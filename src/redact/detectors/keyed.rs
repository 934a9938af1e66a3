//! Values of fields whose name says what they hold.

use std::net::IpAddr;
use std::ops::Range;

use super::by_variable;
use crate::redact::Kind;
use crate::redact::columns::for_each_cell;
use crate::redact::context::{Context, PERSON_PARENTS, parent_key};
use crate::redact::fasthash::FastMap;
use crate::redact::keys::{FieldClass, classify, is_contact_label, provider_of};
use crate::redact::pairs::{
    Pair, Quote, closing_quote, continuation_in, for_each_pair, is_key_byte,
};
use crate::redact::scan::{Candidate, Lines, Priority};
use crate::redact::syntaxes::Anchors;
use crate::redact::tokens::TokenRules;
use crate::redact::validate::is_aws_secret_shape;
use crate::redact::values::{
    is_call, is_member_reference, is_non_value, looks_generated, looks_generated_with_spaces,
    looks_password, looks_person_name, looks_phone, looks_symbol_rich, trimmed, unescape_name,
};

/// `strict`: any value of a secret-sounding field counts, however it looks.
/// `table_header`: the header line of a table still open at the end of the
/// previous chunk of a stream; left set to the one open at the end of this one.
pub(crate) fn detect(
    lines: &Lines<'_>,
    anchors: Anchors<'_>,
    ctx: &Context,
    tokens: &TokenRules,
    strict: bool,
    table_header: &mut Option<Vec<u8>>,
    out: &mut Vec<Candidate>,
) {
    let text = lines.text;
    let on_pair = |text: &[u8], mut pair: Pair, class: FieldClass, out: &mut Vec<Candidate>| {
        // `[STRIPE_WEBHOOK_SECRET_1] = …`: the engine's own placeholder is
        // no field name, so redacting a report again changes nothing.
        if names_a_placeholder(text, &pair) {
            return;
        }
        end_before_a_token_below(text, &mut pair, tokens);
        if let Some(mut c) = candidate(text, &pair, class, ctx, tokens) {
            // Its extent is known, as a quoted value's is: a token cut by
            // the continuation, found inside it, does not take its place.
            if continuation_in(&text[c.start..c.end]).is_some() {
                c.delimited = true;
            }
            out.push(c);
        } else if strict && let Some(c) = strict_candidate(text, &pair, class, tokens) {
            out.push(c);
        }
    };
    let mut references = Vec::new();
    for_each_pair(lines, anchors, classify_once, |pair, class| {
        // Quoted, a bare word is a literal: only `"$PW"` names a variable.
        if let Some(kind) = credential_kind(class)
            && let Some(name) = match pair.quote {
                Quote::None => by_variable::variable_in(text, pair.value.clone()),
                Quote::Double => by_variable::dollar_variable_in(text, pair.value.clone()),
                _ => None,
            }
        {
            references.push(by_variable::Reference { name, kind });
        }
        if pair.quote == Quote::None
            && let Some(fallback) = fallback_literal(text, &pair)
        {
            on_pair(text, fallback, class, out);
        }
        on_pair(text, pair, class, out)
    });
    by_variable::detect(text, &references, out);
    // Customer fields only: a credential named in prose is the prose
    // rules' (`het wachtwoord is "…"`).
    let customer_field = |key: &[u8]| {
        classify_once(key)
            .filter(|&c| credential_kind(c).is_none() && c != FieldClass::Authorization)
    };
    crate::redact::prose_quoted::label_then_quoted(text, customer_field, |pair, class| {
        on_pair(text, pair, class, out)
    });
    match table_header.take() {
        None => {
            let open = for_each_cell(lines, classify_once, |pair, class| {
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
            let open = for_each_cell(&joined_lines, classify_once, |pair, class| {
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

/// The kind of credential a field holds, if it holds one.
fn credential_kind(class: FieldClass) -> Option<Kind> {
    match class {
        FieldClass::Password(kind) | FieldClass::Secret(kind) | FieldClass::ProviderName(kind) => {
            Some(kind)
        }
        _ => None,
    }
}

/// Whether the pair's key is a placeholder this engine wrote.
/// What a pair's key says its value is: [`classify`]'s answer, or a phone
/// for a bare `Contact` label (`Contact:  7445899518`). Under such a label
/// a name or an email is left to their own rules: the phone branch takes
/// only a value that reads as a phone.
/// Field names this thread has classified, up to [`CLASSIFIED_MAX`].
type Classified = FastMap<Vec<u8>, Option<FieldClass>>;

/// More distinct field names than a stream of evidence repeats: past it,
/// the names are forgotten and learned again.
const CLASSIFIED_MAX: usize = 4096;

thread_local! {
    static CLASSIFIED: std::cell::RefCell<Classified> = Default::default();
}

/// [`classify_pair_key`], each field name once: logs repeat a handful
/// (`status`, `hook`, `request_id`) on every line of every chunk, and a
/// table its header's names on every row.
fn classify_once(key: &[u8]) -> Option<FieldClass> {
    CLASSIFIED.with_borrow_mut(|classified| {
        if let Some(&class) = classified.get(key) {
            return class;
        }
        let class = classify_pair_key(key);
        if classified.len() == CLASSIFIED_MAX {
            classified.clear();
        }
        classified.insert(key.to_vec(), class);
        class
    })
}

fn classify_pair_key(key: &[u8]) -> Option<FieldClass> {
    classify(key).or_else(|| is_contact_label(key).then_some(FieldClass::Phone))
}

/// Twelve digits or more and nothing else: too long for a count, a port or
/// a year, as long as a generated key.
fn is_long_number(v: &[u8]) -> bool {
    (12..=64).contains(&v.len()) && v.iter().all(u8::is_ascii_digit)
}

fn names_a_placeholder(text: &[u8], pair: &Pair) -> bool {
    let Some(open) = pair.key.start.checked_sub(1) else {
        return false;
    };
    if text[open] != b'[' {
        return false;
    }
    let end = text.len().min(pair.key.end + 2);
    memchr::memchr(b']', &text[pair.key.start..end]).is_some_and(|close| {
        crate::redact::values::is_placeholder(&text[open..=pair.key.start + close])
    })
}

/// `abc\` + newline + `def` read as `abcdef`.
fn without_continuations(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        match &value[i..] {
            [b'\\', b'\n', ..] => i += 2,
            [b'\\', b'\r', b'\n', ..] => i += 3,
            [b, ..] => {
                out.push(*b);
                i += 1;
            }
            [] => break,
        }
    }
    out
}

/// A value the reader continued after a backslash onto a line that opens
/// with a token of its own (`AccountKey=…==\` above `dop_v1_…`) ends at the
/// backslash: the token is the next line's own finding.
fn end_before_a_token_below(text: &[u8], pair: &mut Pair, tokens: &TokenRules) {
    let value = &text[pair.value.clone()];
    let Some((at, next)) = continuation_in(value) else {
        return;
    };
    let below = pair.value.start + next;
    let line_end = memchr::memchr(b'\n', &text[below..]).map_or(text.len(), |p| below + p);
    let mut hits = Vec::new();
    tokens.find(&text[below..line_end], &mut hits);
    if hits.first().is_some_and(|h| h.start == 0) {
        let end = pair.value.start + at;
        pair.value.end = end;
        pair.rest.end = end;
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
    if value.len() < 4
        || is_non_value(value)
        || echoes_key(&text[pair.key.clone()], value)
        || tokens.matches_whole(value)
        || crate::redact::is_public_id(value)
    {
        return None;
    }
    // `Anthropic key: x-api-key: [ANTHROPIC_KEY_1]`: a header name with its
    // colon is the key of the next pair, not this one's value.
    let label = value.strip_suffix(b":").unwrap_or(value);
    if is_count(&text[pair.key.clone()], value)
        || is_description(&text[pair.rest.clone()])
        || crate::redact::is_identifier_of_words(label)
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

/// `DB_PASSWORD=whiteduke`: a plain word is a password when it is all a
/// password field holds (the rest of its line, or up to the next `key=`),
/// unless it is a word that says something about the password instead.
fn is_plain_word_password(text: &[u8], pair: &Pair) -> bool {
    let value = &text[pair.value.clone()];
    if pair.quote != Quote::None
        || !(4..=64).contains(&value.len())
        || is_non_value(value)
        || !value.iter().any(u8::is_ascii_alphabetic)
        || value
            .iter()
            .any(|b| matches!(b, b'/' | b':' | b'(' | b'[' | b'{' | b'<'))
        || crate::redact::secret_words::is_password_status_word(value)
    {
        return false;
    }
    // All the field holds: nothing after it, or the next `key=` of a log line.
    let after = text[pair.value.end..pair.rest.end].trim_ascii();
    let after = after
        .strip_prefix(b";")
        .or(after.strip_prefix(b","))
        .unwrap_or(after);
    after.is_empty()
        || {
            let key_len = after.iter().take_while(|&&b| is_key_byte(b)).count();
            key_len > 0 && matches!(after.get(key_len), Some(b'=' | b':'))
        }
        || sets_a_commands_environment(text, pair)
}

/// `PGPASSWORD=drakkar psql -h db …`: a shell variable set for the one command
/// after it. Only a variable's name in capitals, `=` with nothing around it and
/// a program's name after the value: prose does not write `PASSWORD=word cmd`.
fn sets_a_commands_environment(text: &[u8], pair: &Pair) -> bool {
    let key = &text[pair.key.clone()];
    let opens_word = pair.key.start == 0 || text[pair.key.start - 1].is_ascii_whitespace();
    let env_name = key.iter().any(u8::is_ascii_uppercase)
        && key
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let glued = pair.value.start == pair.key.end + 1 && text[pair.key.end] == b'=';
    let after = &text[pair.value.end..pair.rest.end];
    let program = after
        .strip_prefix(b" ")
        .map(|rest| {
            let word = rest
                .iter()
                .take_while(|&&b| !b.is_ascii_whitespace())
                .count();
            let word = &rest[..word];
            !word.is_empty()
                && word[0].is_ascii_lowercase()
                && word.iter().all(|&b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || matches!(b, b'-' | b'_' | b'.' | b'/')
                })
        })
        .unwrap_or(false);
    opens_word && env_name && glued && program
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

/// For fields that hold words (names, streets, phones): the quoted value, or the
/// rest of the line up to a delimiter that ends the field in prose or logs.
fn words_value(text: &[u8], pair: &Pair, stops: &[u8]) -> (usize, usize) {
    let (s, mut e) = if pair.quote == Quote::None {
        (pair.rest.start, pair.rest.end)
    } else {
        (pair.value.start, pair.value.end)
    };
    if pair.quote == Quote::None
        && let Some(p) = first_stop(&text[s..e], stops)
    {
        e = s + p;
    }
    let Range {
        start: s,
        end: mut e,
    } = trimmed(text, s..e);
    // `"line2": null,` ends at the comma that closes the field.
    while e > s && matches!(text[e - 1], b',' | b';') {
        e -= 1;
    }
    (s, e)
}

/// `wouter.kampink`, `hakan_doga`, `aurelien3605`: a login written where a
/// name goes. Not a field name (`billing_first_name`) or a word (`required`).
fn looks_like_login(v: &[u8]) -> bool {
    const FIELD_WORDS: &[&[u8]] = &[
        b"name",
        b"mail",
        b"phone",
        b"billing",
        b"shipping",
        b"field",
    ];
    let lower = v.to_ascii_lowercase();
    (3..=60).contains(&v.len())
        && v.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && v.iter().any(u8::is_ascii_lowercase)
        && v.first().is_some_and(u8::is_ascii_alphabetic)
        && (v.iter().any(u8::is_ascii_digit)
            || v[1..v.len() - 1]
                .iter()
                .any(|b| matches!(b, b'.' | b'_' | b'-')))
        && !FIELD_WORDS
            .iter()
            .any(|w| memchr::memmem::find(&lower, w).is_some())
        && !is_non_value(v)
}

/// The first stop byte in `v`; a JSON `\u00e9` escape is part of a word
/// (`S\u00e9bastien`), not the backslash that ends a field at `\n`.
fn first_stop(v: &[u8], stops: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = v[from..].iter().position(|b| stops.contains(b)) {
        let at = from + p;
        let unicode_escape = v[at] == b'\\'
            && v.get(at + 1) == Some(&b'u')
            && v.get(at + 2..at + 6)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if !unicode_escape {
            return Some(at);
        }
        from = at + 6;
    }
    None
}

/// How far after an unquoted value its fallback is looked for.
const FALLBACK_WINDOW: usize = 160;

/// `password: process.env.DB_PASS || 'secret'`, `$pass = getenv('P') ?:
/// 'secret'`, `first = $_POST['first'] ?? 'Ana'`: the literal a field falls
/// back to is its value where the expression before it gives none.
fn fallback_literal(text: &[u8], pair: &Pair) -> Option<Pair> {
    let line_end = crate::redact::scan::line_end_near(text, pair.value.start);
    let end = line_end.min(pair.value.start + FALLBACK_WINDOW);
    let statement = &text[pair.value.start..end];
    let statement = memchr::memchr(b';', statement).map_or(statement, |p| &statement[..p]);
    let op = [&b"||"[..], b"??", b"?:", b" or "]
        .iter()
        .filter_map(|op| memchr::memmem::find(statement, op).map(|p| p + op.len()))
        .min()?;
    let from = pair.value.start + op;
    let open = from
        + text[from..end]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    let q = *text.get(open).filter(|q| matches!(q, b'\'' | b'"'))?;
    let close = closing_quote(text, open + 1, line_end, q)?;
    Some(crate::redact::syntaxes::quoted_pair(
        pair.key.clone(),
        open + 1..close,
        q,
    ))
}

fn candidate(
    text: &[u8],
    pair: &Pair,
    class: FieldClass,
    ctx: &Context,
    tokens: &TokenRules,
) -> Option<Candidate> {
    let (vs, ve) = (pair.value.start, pair.value.end);
    // A value continued after a backslash is judged as one: its shape is
    // that of the halves joined.
    let joined;
    let continued = continuation_in(&text[vs..ve]).is_some();
    let value = if continued {
        joined = without_continuations(&text[vs..ve]);
        &joined[..]
    } else {
        &text[vs..ve]
    };
    // `last_name = request.form.get(…)`, `$pass = generate_password(…)`:
    // a call, whose arguments the other readers see.
    // (A salt is anything up to its line's end; PHP's `Array(…)` is read
    // for the password inside.)
    if pair.quote == Quote::None
        && is_call(text, vs)
        && !matches!(class, FieldClass::Password(Kind::WpSalt))
        && !text[vs..]
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"array("))
    {
        return None;
    }
    // A token rule finds a token only as written: one cut by a line
    // continuation is this rule's to redact, not left to it.
    let left_to_tokens = |v: &[u8]| !continued && tokens.matches_whole(v);
    if matches!(
        class,
        FieldClass::Password(_) | FieldClass::Secret(_) | FieldClass::ProviderName(_)
    ) && echoes_key(&text[pair.key.clone()], value)
    {
        return None;
    }
    match class {
        FieldClass::Password(kind) => {
            // Salts are anything between the quotes of their define(): never judge their shape.
            if kind == Kind::WpSalt {
                // Unquoted (`- WORDPRESS_AUTH_KEY=…` in a compose file): the rest of the line.
                // A salt's `&x=` is no form field: the value runs to the line's end.
                let (s, e) = if pair.quote == Quote::None {
                    let line_end = crate::redact::scan::line_end_near(text, pair.rest.start);
                    let r = trimmed(text, pair.rest.start..line_end.max(pair.rest.end));
                    (r.start, r.end)
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
                && let Some(c) =
                    login_and_secret(text, pair.rest.clone(), kind, "field:password-array")
                        .or_else(|| array_password(text, pair.rest.clone(), kind))
            {
                return Some(c);
            }
            // `passwordLabel:"Password:"`: a label, not a password.
            let label = value
                .strip_suffix(b":")
                .is_some_and(|w| w.iter().all(|&b| b.is_ascii_alphabetic() || b == b' '));
            if left_to_tokens(value) || is_non_value(value) || label {
                return None;
            }
            let ok = looks_password(value)
                || (pair.quote != Quote::None && value.len() >= 4)
                || is_plain_word_password(text, pair);
            if !ok {
                return None;
            }
            delimited(keyed(vs, ve, kind, "field:password"), pair)
        }
        FieldClass::Secret(kind) => {
            if pair.quote == Quote::None
                && let Some(c) = login_and_secret(text, pair.rest.clone(), kind, LOGIN_AND_SECRET)
            {
                return Some(c);
            }
            let generated = looks_generated(value)
                || (pair.quote != Quote::None && looks_generated_with_spaces(value))
                || looks_symbol_rich(value)
                // Base64 may open with a `/`, which would otherwise read as a path.
                || is_aws_secret_shape(value)
                // Cut by a continuation, a provider's token whatever its letters.
                || (continued && tokens.matches_whole(value))
                // A key that is a long number (Cloudinary's fifteen digits).
                || is_long_number(value);
            // `KeyPair = X25519.KeyPair`: code naming a member, not a key.
            if left_to_tokens(value)
                || !generated
                || crate::redact::is_public_id(value)
                || is_member_reference(value)
            {
                return None;
            }
            let kind = refine_generic(kind, text, pair, ctx);
            delimited(keyed(vs, ve, kind, "field:secret"), pair)
        }
        FieldClass::ProviderName(kind) => {
            if left_to_tokens(value)
                || !looks_generated(value)
                || looks_like_model_name(value)
                || crate::redact::is_public_id(value)
                || is_member_reference(value)
            {
                return None;
            }
            keyed(vs, ve, kind, "field:provider-key")
        }
        // A list or a call is code, not a header's scheme and credential,
        // whether or not it holds a pair of literals (`['shop', getenv('…')]`).
        FieldClass::Authorization if opens_list_or_call(text, pair) => {
            let at = arguments_at(text, pair.rest.clone())?;
            login_and_secret(text, at..pair.rest.end, Kind::Password, LOGIN_AND_SECRET)
        }
        FieldClass::Authorization => authorization(text, pair, ctx, tokens),
        FieldClass::Name => {
            let (s, e) = words_value(text, pair, b",;<(|\"\\");
            if crate::redact::values::looks_name_of_a_name_field(&text[s..e]) {
                return keyed(s, e, Kind::Name, "field:name");
            }
            // A display name may be the login (`wouter.kampink`, `aurelien3605`);
            // WordPress makes it the login (`seymakurt`) unless the user
            // chooses another, so a display name's one word is theirs.
            let display = crate::redact::keys::key_words(&text[pair.key.clone()])
                .iter()
                .any(|w| w == "display");
            let one_word = text[s..e].iter().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') || *b >= 0x80
            });
            let ok = looks_like_login(&text[s..e])
                || (display
                    && one_word
                    && (2..=60).contains(&(e - s))
                    && !is_non_value(&text[s..e]));
            ok.then_some(())?;
            keyed(s, e, Kind::Username, "field:name")
        }
        FieldClass::Login => {
            let v = value.trim_ascii();
            let plain = v.iter().all(|&b| !b.is_ascii_whitespace() && b != b'<');
            (plain && (2..=60).contains(&v.len()) && !is_non_value(v)).then_some(())?;
            keyed(vs, ve, Kind::Username, "field:login")
        }
        FieldClass::BareName => {
            if let Some(c) = named_value(text, pair, ctx, tokens) {
                return Some(c);
            }
            let (s, e) = words_value(text, pair, b",;<(|\"\\");
            // A table of one record (`| Name | Ana Lima |`) is a person's record.
            if !looks_person_name(&text[s..e])
                || !(pair.table_cell
                    || in_person_record(text, pair)
                    || record_holds_contact(text, pair)
                    || paragraph_holds_contact(text, pair))
            {
                return None;
            }
            keyed(s, e, Kind::Name, "field:name")
        }
        FieldClass::Phone => {
            let (s, e) = words_value(text, pair, b",;<|\"xX\\");
            // `080-7849-9783   (at 16:10)`, `0532 123 45 67 (mobile)`: a note
            // in words after the number is the log's, not the number's.
            let e = note_after_number(&text[s..e]).map_or(e, |p| trimmed(text, s..s + p).end);
            // Form data writes `+33 (0)1 …` as `%2B33+%280%291+…`.
            let decoded = unescape_name(&text[s..e]).map(String::into_bytes);
            looks_phone(decoded.as_deref().unwrap_or(&text[s..e])).then_some(())?;
            keyed(s, e, Kind::Phone, "field:phone")
        }
        FieldClass::Address => {
            let (s, e) = words_value(text, pair, b";<|\"\\");
            let v = &text[s..e];
            if is_non_value(v) || v.len() > 160 || !v.iter().any(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            // `"address": {` opens an object; `address: 10.0.0.1` is a host.
            if v.starts_with(b"{") || v.starts_with(b"Array") || v.parse_ip().is_some() {
                return None;
            }
            // `VAULT_ADDR=https://vault.example.com:8200`, `smtp_address:
            // mail.example.com`: a server's address, not a street's.
            if is_network_address(v) {
                return None;
            }
            keyed(s, e, Kind::Address, "field:address")
        }
        FieldClass::Ip => {
            let v = value.trim_ascii();
            v.parse_ip()?;
            keyed(vs, ve, Kind::Ip, "field:ip")
        }
        FieldClass::Cvv => {
            let v = value.trim_ascii();
            ((3..=4).contains(&v.len()) && v.iter().all(u8::is_ascii_digit)).then_some(())?;
            keyed(vs, ve, Kind::Cvv, "field:cvv")
        }
        FieldClass::CardExpiry => {
            let v = value.trim_ascii();
            let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
            let shape = v
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b' '));
            (shape && (2..=6).contains(&digits)).then_some(())?;
            keyed(vs, ve, Kind::CardExpiry, "field:card-expiry")
        }
        FieldClass::CardNumber => {
            let v = value.trim_ascii();
            let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
            // `+` is a space in form data: `card[number]=4242+4242+…`.
            let shape = v
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'+'));
            (shape && (12..=19).contains(&digits)).then_some(())?;
            keyed(vs, ve, Kind::CardNumber, "field:card-number")
        }
        FieldClass::Iban => {
            let v = value.trim_ascii();
            let compact = v.iter().filter(|b| **b != b' ').count();
            let shape = v.iter().all(|b| b.is_ascii_alphanumeric() || *b == b' ');
            (shape && (15..=34).contains(&compact)).then_some(())?;
            keyed(vs, ve, Kind::Iban, "field:iban")
        }
        FieldClass::Email => None,
    }
}

/// The literals of a bracketed list opening `rest`: `['shop', '…']`,
/// `("api", "…")`, `array('default', '…')`, with where each sits; `None`
/// when `rest` opens no list, or one holding anything but quoted literals.
fn literal_list(text: &[u8], rest: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let v = &text[rest.clone()];
    let (open, close) = match v.first()? {
        b'[' => (1, b']'),
        b'(' => (1, b')'),
        _ if v.len() > 6 && v[..6].eq_ignore_ascii_case(b"array(") => (6, b')'),
        _ => return None,
    };
    let mut items = Vec::new();
    let mut i = open;
    loop {
        while v.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            i += 1;
        }
        let q = *v.get(i)?;
        if q == close && !items.is_empty() {
            return Some(items);
        }
        if !matches!(q, b'\'' | b'"') {
            return None;
        }
        let end = i + 1 + memchr::memchr(q, &v[i + 1..])?;
        items.push(rest.start + i + 1..rest.start + end);
        i = end + 1;
        while v.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            i += 1;
        }
        match v.get(i)? {
            b',' => i += 1,
            &b if b == close => return Some(items),
            _ => return None,
        }
    }
}

const LOGIN_AND_SECRET: &str = "field:login-and-secret";

/// Whether a pair's value, unquoted, opens with a list or a call: code
/// that gives an HTTP client its login and secret (see [`arguments_at`]).
fn opens_list_or_call(text: &[u8], pair: &Pair) -> bool {
    pair.quote == Quote::None && arguments_at(text, pair.rest.clone()).is_some()
}

/// Where the literals start that the code opening `rest` is given: a list
/// (`['shop', …`, `("api", …`, `array('shop', …`), or a call's arguments
/// (`new WpOrg\Requests\Auth\Basic(array('user', …))`, `HTTPBasicAuth("svc", …`),
/// a list inside them if they open with one.
fn arguments_at(text: &[u8], rest: std::ops::Range<usize>) -> Option<usize> {
    let v = &text[rest.clone()];
    let list = |at: usize| match v.get(at..)? {
        [b'[' | b'(', ..] => Some(at),
        tail if tail
            .get(..6)
            .is_some_and(|a| a.eq_ignore_ascii_case(b"array(")) =>
        {
            Some(at)
        }
        _ => None,
    };
    if let Some(at) = list(0) {
        return Some(rest.start + at);
    }
    // A constructor or a function, then its parenthesis.
    let name_start = if v.starts_with(b"new ") { 4 } else { 0 };
    let name = v[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\\' | b'.'))
        .count();
    let open = name_start + name;
    if name == 0 || v.get(open) != Some(&b'(') {
        return None;
    }
    let inner = open + 1 + (v[open + 1..].len() - v[open + 1..].trim_ascii_start().len());
    Some(rest.start + list(inner).unwrap_or(open))
}

/// A login and its password as a pair of literals: `auth=("api", "…")`,
/// `'auth' => ['shop', '…']`, `session.auth = ('ck_…', 'cs_…')`, as HTTP
/// clients take them. The second is the secret, whatever its shape; one
/// literal alone in brackets (`password = ("…")`) is the value itself.
fn login_and_secret(
    text: &[u8],
    rest: std::ops::Range<usize>,
    kind: Kind,
    rule: &'static str,
) -> Option<Candidate> {
    let items = literal_list(text, rest)?;
    let secret = match items.as_slice() {
        [one] | [_, one] => one.clone(),
        _ => return None,
    };
    let value = &text[secret.clone()];
    if value.len() < 4 || is_non_value(value) || crate::redact::values::is_template(value) {
        return None;
    }
    let mut c = keyed(secret.start, secret.end, kind, rule)?;
    c.delimited = true;
    Some(c)
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
        let cs = trimmed(text, rest_start..e).start;
        // A header quoted whole (`-H "Authorization: Bearer $KEY"`) closes
        // its quote after the credential.
        let len = text[cs..e]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`'))
            .unwrap_or(e - cs);
        (cs, cs + len)
    } else {
        (s, s + first_end)
    };
    // `Bearer <Openverse API token>`, `basic {base64(email:password)}`: a
    // blank to fill in is judged whole, words and all. One generated run
    // in brackets (`Bearer <q8Zr…>`) is the credential itself.
    let (mut cs, mut ce) = (cs, ce);
    if let Some(blank) = bracketed_blank(&text[cs..e]) {
        let inner = &blank[1..blank.len() - 1];
        // Token characters only (RFC 6750's b64token): `{base64(a:b)}` is code.
        let token_chars = inner.iter().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'+' | b'/' | b'=' | b'-')
        });
        if token_chars && looks_generated(inner) {
            (cs, ce) = (cs + 1, cs + 1 + inner.len());
        } else if is_non_value(blank) {
            return None;
        }
    }
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

/// Where a note opens after a number: a run of blanks or an opening
/// bracket, then a letter.
fn note_after_number(v: &[u8]) -> Option<usize> {
    (1..v.len()).find(|&i| {
        let after_blanks = v[i..]
            .iter()
            .position(|b| *b != b' ')
            .map_or(v.len(), |p| i + p);
        let gap = after_blanks - i;
        let at = match v.get(after_blanks) {
            Some(b'(') => after_blanks + 1,
            _ if gap >= 2 => after_blanks,
            _ => return false,
        };
        v[i - 1] != b' ' && v.get(at).is_some_and(u8::is_ascii_alphabetic)
    })
}

/// The bracketed run that opens `v`, up to its closing bracket on the line.
fn bracketed_blank(v: &[u8]) -> Option<&[u8]> {
    let close = match v.first()? {
        b'<' => b'>',
        b'{' => b'}',
        b'[' => b']',
        b'(' => b')',
        _ => return None,
    };
    let line = &v[..memchr::memchr(b'\n', v).unwrap_or(v.len())];
    let end = memchr::memrchr(close, line)?;
    Some(&line[..=end])
}

/// `SN_id_Gost28147_89_None_KeyMeshing = "id-Gost28147-89-None-KeyMeshing"`,
/// `DB_PASSWORD=db_password`: a constant whose value spells its own name
/// (or the end of it) is a label, not a secret.
fn echoes_key(key: &[u8], value: &[u8]) -> bool {
    let letters = |v: &[u8]| -> Vec<u8> {
        v.iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .map(u8::to_ascii_lowercase)
            .collect()
    };
    let (key, value) = (letters(key), letters(value));
    value.len() >= 6 && key.ends_with(&value)
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

/// `{"name": "billing_phone", "value": "+33 …"}` (a HAR's form fields, headers
/// and cookies): the field that `name` names holds the `value` beside it.
fn named_value(text: &[u8], pair: &Pair, ctx: &Context, tokens: &TokenRules) -> Option<Candidate> {
    if pair.quote != Quote::Double {
        return None;
    }
    let field = &text[pair.value.clone()];
    if field.is_empty()
        || field.len() > 64
        || !field
            .iter()
            .all(|&b| is_key_byte(b) || matches!(b, b'[' | b']'))
    {
        return None;
    }
    let class = classify(field)?;
    if class == FieldClass::BareName {
        return None;
    }
    // The `"value"` of the same object: before it closes or another opens.
    let after = pair.value.end + 1;
    let window = &text[after..(after + 256).min(text.len())];
    let window = &window[..window
        .iter()
        .position(|b| matches!(b, b'{' | b'}' | b'[' | b']'))
        .unwrap_or(window.len())];
    let key_at = after + memchr::memmem::find(window, b"\"value\"")?;
    let mut i = key_at + 7;
    while text
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        i += 1;
    }
    if text.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    while text.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
        i += 1;
    }
    if text.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let line_end = crate::redact::scan::line_end_near(text, start);
    let end = closing_quote(text, start, line_end, b'"')?;
    let value = Pair {
        key: pair.value.clone(),
        value: start..end,
        rest: start..end,
        quote: Quote::Double,
        in_query: false,
        table_cell: false,
    };
    candidate(text, &value, class, ctx, tokens)
}

/// `{"message": "my number changed to 0803 …", "name": "Ana Lima"}`: an
/// object that holds an email address or a phone number is a person's record.
fn record_holds_contact(text: &[u8], pair: &Pair) -> bool {
    let Some(open) = record_opener(text, pair.key.start) else {
        return false;
    };
    if text[open] != b'{' {
        return false;
    }
    let limit = (pair.value.end + 2048).min(text.len());
    let mut depth = 0usize;
    let mut close = None;
    for (i, &b) in text[pair.value.end..limit].iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => {
                close = Some(pair.value.end + i);
                break;
            }
            b'}' => depth -= 1,
            _ => {}
        }
    }
    let Some(close) = close else {
        return false;
    };
    let body = &text[open + 1..close];
    holds_email(body) || holds_phone(body) || holds_address_field(body)
}

/// A form submission or signature: `Name: …` at the start of a line, in a
/// paragraph (up to six lines either side) that also holds an email or a
/// phone on a labelled line of its own.
fn paragraph_holds_contact(text: &[u8], pair: &Pair) -> bool {
    const REACH: usize = 6;
    let line_start = memchr::memrchr(b'\n', &text[..pair.key.start]).map_or(0, |p| p + 1);
    if !text[line_start..pair.key.start]
        .iter()
        .all(u8::is_ascii_whitespace)
    {
        return false;
    }
    let mut lines = Vec::with_capacity(2 * REACH + 1);
    // Lines above, nearest first, up to a blank one.
    let mut end = line_start;
    while lines.len() < REACH && end > 0 {
        let start = memchr::memrchr(b'\n', &text[..end - 1]).map_or(0, |p| p + 1);
        let line = &text[start..end - 1];
        if line.trim_ascii().is_empty() {
            break;
        }
        lines.push(line);
        end = start;
    }
    let mut start = memchr::memchr(b'\n', &text[pair.key.start..])
        .map_or(text.len(), |p| pair.key.start + p + 1);
    for _ in 0..REACH {
        if start >= text.len() {
            break;
        }
        let stop = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |p| start + p);
        let line = &text[start..stop];
        if line.trim_ascii().is_empty() {
            break;
        }
        lines.push(line);
        start = stop + 1;
    }
    lines.iter().any(|line| {
        let labelled = line.iter().take(32).any(|&b| b == b':' || b == b'=');
        labelled && (holds_email(line) || holds_phone(line))
    })
}

/// `"address": …`, `\nAddress = …`: a street field beside the name.
fn holds_address_field(body: &[u8]) -> bool {
    let lower = body.to_ascii_lowercase();
    memchr::memmem::find_iter(&lower, b"address").any(|at| {
        let after = &lower[at + 7..];
        let after = after.strip_prefix(b"\"").unwrap_or(after);
        let after = after.trim_ascii_start();
        matches!(after.first(), Some(b':' | b'='))
    })
}

fn holds_email(body: &[u8]) -> bool {
    memchr::memchr_iter(b'@', body).any(|at| {
        let local = at > 0 && body[at - 1].is_ascii_alphanumeric();
        let domain = &body[at + 1..(at + 64).min(body.len())];
        let host_len = domain
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')))
            .unwrap_or(domain.len());
        local && domain[..host_len].contains(&b'.')
    })
}

/// A run of 9 to 15 digits written the way phone numbers are, standing as a
/// word of its own (not inside an id, a timestamp or an address).
fn holds_phone(body: &[u8]) -> bool {
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if !(b.is_ascii_digit() || b == b'+') {
            i += 1;
            continue;
        }
        let glued = i > 0
            && (body[i - 1].is_ascii_alphanumeric()
                || matches!(body[i - 1], b'.' | b'-' | b'_' | b':' | b'/'));
        let start = i;
        // One slash after a national area code: `0176/05935838`.
        let mut slashes = 0;
        while i < body.len()
            && (body[i].is_ascii_digit()
                || matches!(body[i], b' ' | b'.' | b'-' | b'(' | b')' | b'+')
                || (body[i] == b'/'
                    && slashes == 0
                    && body[start] == b'0'
                    && body.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            slashes += usize::from(body[i] == b'/');
            i += 1;
        }
        let mut end = i;
        while end > start && !body[end - 1].is_ascii_digit() {
            end -= 1;
        }
        let run = &body[start..end];
        let digits = run.iter().filter(|b| b.is_ascii_digit()).count();
        let ends_word = !body
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'/'));
        // Dots alone separate a phone's groups of two to four (`07.50.76.71.56`);
        // a version (`3.8.20240203`) or an IPv4 address has others.
        let dotted = run.iter().all(|b| b.is_ascii_digit() || *b == b'.') && run.contains(&b'.');
        let dotted_like_phone = !dotted || {
            let groups: Vec<&[u8]> = run.split(|&b| b == b'.').collect();
            groups.len() >= 3
                && groups.len() != 4
                && groups.iter().all(|g| (2..=4).contains(&g.len()))
        };
        if !glued
            && ends_word
            && dotted_like_phone
            && (9..=15).contains(&digits)
            && looks_phone(run)
        {
            return true;
        }
        while i < body.len() && body[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
    false
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

/// A URL, or a host name (with its port), written as one lowercase word:
/// what a field named `…_ADDR` holds in a configuration.
fn is_network_address(v: &[u8]) -> bool {
    if v.iter().any(u8::is_ascii_whitespace) {
        return false;
    }
    if memchr::memmem::find(v, b"://").is_some() {
        return true;
    }
    let host = match memchr::memrchr(b':', v) {
        Some(p) if v[p + 1..].iter().all(u8::is_ascii_digit) => &v[..p],
        Some(_) => return false,
        None => v,
    };
    if host == b"localhost" {
        return true;
    }
    let labels: Vec<&[u8]> = host.split(|&b| b == b'.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.iter()
                    .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.iter().all(u8::is_ascii_lowercase))
}

#[cfg(test)]
mod tests {
    use crate::redact::{Engine, Kind, Profile};

    /// (kind, value) of every finding in `text`.
    fn found(text: &str) -> Vec<(Kind, String)> {
        let r = Engine::new(Profile::Standard).learn_and_redact(text.as_bytes());
        r.findings
            .iter()
            .map(|f| (f.kind, text[f.start..f.end].to_string()))
            .collect()
    }

    fn finds(text: &str, kind: Kind, value: &str) -> bool {
        found(text).iter().any(|(k, v)| *k == kind && v == value)
    }

    #[test]
    fn the_secret_of_a_login_and_secret_pair_is_the_second_literal() {
        for (text, kind, value) in [
            (
                "    r = httpx.get(u, auth=(\"svc\", \"Wintergreen-83\"))",
                Kind::Password,
                "Wintergreen-83",
            ),
            (
                "    'auth' => [ 'orders', 'plum' ],",
                Kind::Password,
                "plum",
            ),
            (
                "basic_auth: ['deploy', 'Lychee!Dusk4']",
                Kind::Password,
                "Lychee!Dusk4",
            ),
            (
                "client.credentials = (\"backup\", \"Tamarind_Vale_19\")",
                Kind::Secret,
                "Tamarind_Vale_19",
            ),
            (
                "db_password = (\"Cloudberry7\")",
                Kind::Password,
                "Cloudberry7",
            ),
            // WordPress's own HTTP library takes an array, or its Basic auth object.
            (
                "\t'auth' => array( 'feeds', 'Hawthorn+Gate3' ),",
                Kind::Password,
                "Hawthorn+Gate3",
            ),
            (
                "'auth' => new WpOrg\\Requests\\Auth\\Basic( array( 'feeds', 'Sloe_Ridge_8' ) ),",
                Kind::Password,
                "Sloe_Ridge_8",
            ),
        ] {
            assert!(finds(text, kind, value), "{text}: {:?}", found(text));
        }
        // Code and blanks in the same places: nothing, and no bracket taken.
        for text in [
            "'auth' => ['orders', getenv('ORDERS_PASS')],",
            "auth=(user, password)",
            "auth = (\"{{ user }}\", \"{{ pass }}\")",
            "auth: (Bearer later)",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn the_literal_a_field_falls_back_to_is_its_value() {
        for (text, kind, value) in [
            (
                "  smtpPassword: config.smtp.pass || 'Chokeberry5',",
                Kind::Password,
                "Chokeberry5",
            ),
            (
                "$dbpass = getenv('WP_DB_PW') ?: \"Sea buckthorn 6\";",
                Kind::Password,
                "Sea buckthorn 6",
            ),
            (
                "$last_name = $_GET['ln'] ?? 'Adeyemi';",
                Kind::Name,
                "Adeyemi",
            ),
            (
                "password = cfg.get('pw') or 'Medlar71x'",
                Kind::Password,
                "Medlar71x",
            ),
        ] {
            assert!(finds(text, kind, value), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn references_formats_and_flags_beside_secret_names_are_kept() {
        for text in [
            // References of config frameworks, an escaped sigil, a local tag.
            "    smtp_password: $${SMTP_PASSWORD}",
            "DATABASE_PASSWORD: '%env(DATABASE_PASSWORD)%'",
            "<mailer_password>%mailer_password%</mailer_password>",
            "  MasterUserPassword: !Ref DbMasterPassword",
            // A constant's name, a subscript, a format string.
            "String smtpPassword = MAIL_SMTP_PASSWORD;",
            "client_secret: STRIPE_CLIENT_SECRET",
            "db_password = settings[\"db_password\"]",
            "token = \"{0}-{1}\".format(shop, day)",
            // A template's blank, a value that is its own label, flags that ask.
            "<password>{{ smtp_password }}</password>",
            "password: password",
            "wget --ask-password https://downloads.example.com/pkg.zip",
            "ansible-playbook --ask-vault-pass site.yml",
            "curl --tlspassword https://shop.example/",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        for (text, value) in [
            ("password: !Qaz2wsx", "!Qaz2wsx"),
            ("SMTP_PASS=Quartz9_LICHEN", "Quartz9_LICHEN"),
            ("db_password = \"tonic{7}water\"", "tonic{7}water"),
        ] {
            assert!(
                finds(text, Kind::Password, value),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn a_servers_address_is_no_street() {
        for text in [
            "VAULT_ADDR=https://vault.example.com:8200",
            "smtp_address: mail.shop-example.de",
            "  \"redis_addr\": \"cache.internal:6379\",",
            "LISTEN_ADDRESS=localhost:9000",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        for (text, value) in [
            ("billing_address: 14 Harbour Rd", "14 Harbour Rd"),
            ("shipping_addr=Hauptstr.5", "Hauptstr.5"),
        ] {
            assert!(
                finds(text, Kind::Address, value),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn a_call_is_no_fields_value() {
        for text in [
            "last_name = request.form.get(\"last_name\")",
            "$password = wp_generate_password( 12, false );",
            "api_key = Str::random(40)",
            "customer_name = $order->get_formatted_billing_full_name();",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_key_that_is_a_long_number() {
        assert!(finds(
            "cloudinary_api_key=481920573310642",
            Kind::ApiKey,
            "481920573310642"
        ));
        assert!(finds(
            "\"apiKey\": \"770031845526193\"",
            Kind::ApiKey,
            "770031845526193"
        ));
        // A short number, or a long one under a name that is no key's.
        assert!(found("api_key=12345").is_empty());
        assert!(found("customer_id=481920573310642").is_empty());
        assert!(found("token_expires_at=1733472000000").is_empty());
    }

    #[test]
    fn field_names_past_the_memo_are_classified_afresh() {
        use super::{CLASSIFIED, CLASSIFIED_MAX, classify_once, classify_pair_key};
        let phone = classify_pair_key(b"billing_phone");
        assert!(phone.is_some());
        assert_eq!(classify_once(b"billing_phone"), phone);
        for i in 0..CLASSIFIED_MAX + 10 {
            assert_eq!(classify_once(format!("field_{i}").as_bytes()), None);
        }
        assert_eq!(classify_once(b"billing_phone"), phone);
        CLASSIFIED.with_borrow(|names| assert!(names.len() <= CLASSIFIED_MAX));
        // Found the same way whatever the memo holds.
        assert!(finds(
            "billing_phone: 0612 334 455",
            Kind::Phone,
            "0612 334 455"
        ));
    }

    #[test]
    fn an_unseparated_number_under_a_contact_or_qualified_phone_label_is_a_phone() {
        // Each on a line of its own after another: a first line of a text
        // may be learned from elsewhere.
        for (label, number) in [
            ("Contact:  ", "7445899518"),
            ("kontakt: ", "0171234567"),
            ("Tel. kom.: ", "619673425"),
            ("Tel kom: ", "512348765"),
            ("Telefon privat: ", "017612345678"),
            ("phone work: ", "2125550147"),
        ] {
            let text = format!("order notes\n{label}{number}   (order WC-2024-1)\n");
            assert!(finds(&text, Kind::Phone, number), "{text}");
        }
        // A name or a reference under such a label is not a phone.
        for text in [
            "order notes\nContact: Ana Lima\n",
            "order notes\nContact: 2024-06-11\n",
            "order notes\nOrder no.: 619673425\n",
            "order notes\nTel. count: 619673425\n",
        ] {
            assert!(
                !found(text).iter().any(|(k, _)| *k == Kind::Phone),
                "{text}"
            );
        }
    }

    #[test]
    fn a_provider_token_cut_by_a_continuation_is_redacted_whatever_its_letters() {
        // Low in entropy, so only its prefix says it is a key.
        let key = "sk-proj-XXxXaaAAA00-0AA_0-AA0a--A-__aaa-a_0-_A_a";
        for cut in [1, 2, 8, 30] {
            let text = format!("api_key={}\\\n{}\n", &key[..cut], &key[cut..]);
            let got = found(&text);
            assert!(
                got.iter().any(|(_, v)| v.ends_with(&key[cut..])),
                "cut at {cut}: {got:?}"
            );
        }
    }

    #[test]
    fn blanks_references_and_code_beside_secret_names_are_kept() {
        for text in [
            // A blank to fill in, in angle brackets, braces or words.
            r#"curl -H "Authorization: Bearer <paste the shop token here>" https://shop.example/wp-json"#,
            "curl -H 'Authorization: Basic {base64 of user:app password}' https://shop.example",
            "curl -u <login:secret phrase> https://shop.example/wc/v3/orders",
            r#"curl -H "Authorization: Basic {base64(login:app_pass)}" https://shop.example"#,
            // A variable, escaped or not, and the quote that closes the header.
            r#"  -H "Authorization: Bearer $WC_TOKEN" \"#,
            r#"  -H "Authorization: Token ${SHOP_TOKEN}" -X POST"#,
            "\\$secret = \\$_GET[\"secret\"];",
            // A label closing its string, a route, a header as a quoted key.
            r#"labels:{passwordHint:"Password:",submitText:"Log in"}"#,
            r#"  post '/reset-password' => "accounts/passwords#create", as: 'new_password'"#,
            // Minified code's next assignment, a value spelling its own name.
            "e.tokenRefresh=t,e.authToken=!0,e.keyLen=32",
            r#"const WC_WEBHOOK_SECRET_HEADER_NAME = "x-wc-webhook-secret-header-name";"#,
            "SHOP_DB_PASSWORD=shop_db_password",
            // Names whose head is no secret: machinery, a store, a preposition.
            "apiKeySelector: input-row-7731b",
            "secretVaultForShopKeys: shop-prod-vault-2291",
            "tokenRefreshHandler = onRefresh7a2",
            // A member of the object code keeps its settings in.
            "const secret = cfg.secret;",
            "  newPassword = this.mPassword;",
            "    smtp_password: options.smtpPassword,",
            "db_pass = self.settings.db_pass",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // A passphrase with dots is no member of anything; a declaration's
        // optional type is no value.
        for (text, phrase) in [
            ("let password: String! = \"Tide-Pool-44\"", "Tide-Pool-44"),
            ("DB_PASSWORD=Copper.Lantern", "Copper.Lantern"),
            ("password = super.secret", "super.secret"),
            ("smtp_pass: this.is.my.pass", "this.is.my.pass"),
        ] {
            assert!(
                finds(text, Kind::Password, phrase),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn secrets_beside_those_shapes_are_still_found() {
        assert!(finds(
            r#"curl -H "Authorization: Bearer q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3G" https://x.example"#,
            Kind::Token,
            "q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3G"
        ));
        assert!(finds(
            "curl -H 'Authorization: Bearer <q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3G>' https://x.example",
            Kind::Token,
            "q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3G"
        ));
        assert!(finds(
            "passwordForShopUser = 'Kq7!vB2m'",
            Kind::Password,
            "Kq7!vB2m"
        ));
        assert!(finds(
            "SMTP_PASSWORD :::= Wd4#hT9qLz",
            Kind::Password,
            "Wd4#hT9qLz"
        ));
        assert!(finds(
            "a=1,smtp_pass=Wd4#hT9qLz,b=2",
            Kind::Password,
            "Wd4#hT9qLz"
        ));
    }

    #[test]
    fn a_form_label_of_two_words_names_its_field() {
        for (text, value) in [
            ("First name: Aoife", "Aoife"),
            ("Last name: García", "García"),
            ("Family name: D&#039;Amico", "D&#039;Amico"),
            ("| Given name | Rukmini |", "Rukmini"),
            ("billing_last_name=van+&#039;t+Hof&x=1", "van+&#039;t+Hof"),
            // A record's surname with its particle elided onto it.
            ("billing_last_name=d'Esterre-Valois&x=1", "d'Esterre-Valois"),
            // Labels of two words in the customers' languages.
            ("Ad Soyad: Elif Şahin", "Elif Şahin"),
            ("Adı Soyadı: Elif Şahin", "Elif Şahin"),
            ("Nome completo: Bianca Ferri", "Bianca Ferri"),
            ("Nom complet : Maëlle Girard", "Maëlle Girard"),
        ] {
            assert!(finds(text, Kind::Name, value), "{text}: {:?}", found(text));
        }
        // A display name is the login WordPress gave it, or the user's choice.
        assert!(finds(
            "<input type='text' value='ottoberger' name='account_display_name'>",
            Kind::Username,
            "ottoberger"
        ));
        // Labels of two words whose first says it is no person's.
        for text in [
            "Company name: Harbour Bakes",
            "File name: report.pdf",
            "Order number: 4411",
            // A place in a text, not a label: `line 4:`.
            "(Status Report, line 4: WC Version)",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn encrypted_values_sealed_by_their_tools() {
        // Maven's settings.xml (shorter than Jenkins'), Jasypt's `ENC(…)`
        // after `=` and `:`, on a line of other elements.
        for (text, secret) in [
            (
                "<server><id>repo</id><username>ci</username><password>{Xq7Lm2Pz9Tv4Rb=}</password></server>",
                "Xq7Lm2Pz9Tv4Rb=",
            ),
            (
                "spring.datasource.password=ENC(Wk2Lq8Zr5Vn1Tm6Xp3Yh9Bc4)",
                "Wk2Lq8Zr5Vn1Tm6Xp3Yh9Bc4",
            ),
            (
                "db.password: ENC(Wk2Lq8Zr5Vn1Tm6Xp3Yh9Bc4)",
                "Wk2Lq8Zr5Vn1Tm6Xp3Yh9Bc4",
            ),
        ] {
            assert!(
                found(text).iter().any(|(_, v)| v.contains(secret)),
                "{text}: {:?}",
                found(text)
            );
        }
        // A short template in braces and a real call stay.
        for text in [
            "password: {pass}",
            "password = ENC(value)",
            "token = encode(raw_token)",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn personal_access_tokens_named_by_initials() {
        for text in [
            "AZURE_DEVOPS_PAT=q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3j2k1l0z9x8c7v6b5n4m3",
            "ado_pat: \"zq8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3\"",
        ] {
            assert!(
                found(text).iter().any(|(k, _)| *k == Kind::Token),
                "{text}: {:?}",
                found(text)
            );
        }
        // `Pat` alone is a person's name, and a path no token.
        for text in [
            "Pat: thanks, I will check",
            "path: /var/www/html/wp-content/uploads",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn phones_under_labels_with_a_kind_in_brackets_and_office_lines() {
        for (text, phone) in [
            ("Phone (office): 3312 4455", "3312 4455"),
            ("Telephone (home): 41988326", "41988326"),
            ("Office: 4169832710", "4169832710"),
            ("Direct line: 6045 1187", "6045 1187"),
            ("Landline: 3312 4455", "3312 4455"),
        ] {
            assert!(finds(text, Kind::Phone, phone), "{text}: {:?}", found(text));
        }
        // Code with a condition in brackets, and an office that is no number.
        for text in ["if (phone): 3312 4455", "Office: Berlin", "Office: 3"] {
            assert!(
                !found(text).iter().any(|(k, _)| *k == Kind::Phone),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn secrets_in_wrapped_declarations_sealed_values_and_signed_urls() {
        let key = "Zk3xQm9Lr2Tv8Wp4Yn6Hb1Jc5Gd7Fs0Ae3Kq9Lm2Xz8Vc4Bn6Ty1Ui7Op5As3Df9Gh2Jk4Lz6Xc8Vb0Nm1Qw7Er5Ty3Ui9Op2As==";
        let wrapped =
            format!("private static final String STORAGE_ACCOUNT_KEY\n        = \"{key}\";");
        assert!(finds(&wrapped, Kind::ApiKey, key), "{:?}", found(&wrapped));
        // Jenkins keeps a stored secret in braces.
        let sealed = "<password>{AQAAABAAAAAQx8Kf2Lm9Qz4Rt7Vw1Yb3Nc6Hd0Jg5Ps2Ue8}</password>";
        assert!(
            found(sealed)
                .iter()
                .any(|(_, v)| v.contains("AQAAABAAAAAQx8Kf2Lm9Qz4Rt7Vw1Yb3Nc6Hd0Jg5Ps2Ue8")),
            "{:?}",
            found(sealed)
        );
        // A shared access signature in a blob's URL.
        let sas = "GET https://shopbackups.blob.core.windows.net/db/shop.sql.gz?sv=2022-11-02&sr=b&sp=r&sig=Qm9Lr2Tv8Wp4Yn6Hb1Jc5Gd7Fs0Ae3Kq9Lm2Xz8Vc%3D 200";
        assert!(
            found(sas)
                .iter()
                .any(|(_, v)| v.starts_with("Qm9Lr2Tv8Wp4")),
            "{:?}",
            found(sas)
        );
        // The name indexing the first argument names the second.
        let call = "assert.equal(conn['AccountKey'], 'Qm9Lr2Tv8Wp4Yn6Hb1Jc5Gd7');";
        assert!(
            finds(call, Kind::ApiKey, "Qm9Lr2Tv8Wp4Yn6Hb1Jc5Gd7"),
            "{:?}",
            found(call)
        );
        // Underlines, equations and references stay.
        for text in [
            "Settings\n========\n",
            "total\n  = 42;",
            "api_key = {SHOP_API_KEY}",
            "sig=1&v=2",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_variable_set_for_one_command_holds_its_password() {
        for (text, value) in [
            ("PGPASSWORD=saffron pg_dump -Fc shop > shop.dump", "saffron"),
            ("  MYSQL_PWD=juniper mysql -h 127.0.0.1 shop", "juniper"),
            ("env SSHPASS=larkspur sshpass -e scp a b", "larkspur"),
            ("REDISCLI_AUTH=wombat redis-cli ping", "wombat"),
        ] {
            assert!(
                finds(text, Kind::Password, value),
                "{text}: {:?}",
                found(text)
            );
        }
        // The same words where no command runs with them.
        for text in ["Password=required", "pgpassword = required when remote"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_note_after_a_phone_is_not_the_phone() {
        for (text, phone) in [
            (
                "Keitai:080-7849-9783   (at 2025-03-05 16:10:48)",
                "080-7849-9783",
            ),
            ("mobile: 0532 123 45 67 (home)", "0532 123 45 67"),
            ("billing_phone: (415) 555-0132  verified", "(415) 555-0132"),
        ] {
            assert!(finds(text, Kind::Phone, phone), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_placeholder_is_no_field_name() {
        assert!(found("a [STRIPE_WEBHOOK_SECRET_1] = aaaa").is_empty());
        assert!(found("[PASSWORD_2]: hunter").is_empty());
        assert!(!found("webhook_secret = aaaa").is_empty());
    }

    #[test]
    fn values_named_by_a_sibling_name() {
        let har = r#"
            "params": [
              {
                "name": "billing_first_name",
                "value": "Aurélie"
              },
              {"name": "billing_phone", "value": "+33 (0)1 45 55 01 23"},
              {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0.6367.207"},
              {"name": "action", "value": "woocommerce_checkout"},
              {"name": "order_id", "value": "4411"}
            ]"#;
        let all = found(har);
        assert!(finds(har, Kind::Name, "Aurélie"), "{all:?}");
        assert!(finds(har, Kind::Phone, "+33 (0)1 45 55 01 23"), "{all:?}");
        assert_eq!(all.len(), 2, "{all:?}");
    }

    #[test]
    fn a_name_in_a_record_with_a_contact() {
        let sentry = r#""data": {
      "message": "my number changed to 0803 555 0199",
      "name": "Adaeze Obi"
    }"#;
        assert!(finds(sentry, Kind::Name, "Adaeze Obi"));
        let mailed = r#"{"name": "Rhys Vaughan", "note": "write to rhys.v@example.net"}"#;
        assert!(finds(mailed, Kind::Name, "Rhys Vaughan"));
        // A German number with its area code cut off by a slash.
        let slashed = r#"{"note": "neue Nummer 0351/4417290", "name": "Greta Vogelsang"}"#;
        assert!(finds(slashed, Kind::Name, "Greta Vogelsang"));
        // A date written with slashes is none.
        let dated = r#"{"note": "since 2024/03/19 10:15", "name": "Harbor Light"}"#;
        assert!(found(dated).iter().all(|(k, _)| *k != Kind::Name));
        // Ids, timestamps, versions and server addresses are no contact.
        let event = r#"{"event_id": "e9f076735b8c4c26", "timestamp": "2024-02-03T12:06:43.666762Z", "release": "3.8.20240203", "server": "10.0.3.12", "total": 4411.50, "name": "Harbor Light"}"#;
        assert!(found(event).iter().all(|(k, _)| *k != Kind::Name));
    }

    #[test]
    fn person_name_elements() {
        let xml = "<Consignee>\n  <PersonName>Rhiannon Price</PersonName>\n  <CompanyName>Harbor Light</CompanyName>\n</Consignee>";
        assert!(finds(xml, Kind::Name, "Rhiannon Price"));
        assert!(!finds(xml, Kind::Name, "Harbor Light"));
    }
}
