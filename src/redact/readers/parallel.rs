//! Parallel assignment: `user, pass := "admin", "…"` (Go), `db_user,
//! db_password = "shop", "…"` (Python, Ruby), `local u, p = "…", "…"`
//! (Lua). Each name takes the value in its place; read as one `key =
//! value`, the last name took the first value.

use std::ops::Range;

use crate::redact::pairs::{Pair, Quote, closing_quote, is_key_byte, string_prefix_len};

/// Names in one assignment at most: more are a table, not an assignment.
const MOST_NAMES: usize = 8;

/// The pairs of the parallel assignment whose last name is `key`, its
/// operator ending at `op_end`; `None` when the line is no such assignment
/// (one name, or as many values as names is not what follows).
pub(crate) fn parallel_assignment(
    text: &[u8],
    line_start: usize,
    key: Range<usize>,
    op_end: usize,
    line_end: usize,
) -> Option<Vec<Pair>> {
    // A name on the line above (a wrapped declaration) starts no list here.
    let before_key = text[line_start.min(key.start)..key.start].trim_ascii_end();
    if key.start < line_start || !before_key.ends_with(b",") {
        return None;
    }
    let names = names_before(text, line_start, key)?;
    let values = values_after(text, op_end, line_end, names.len())?;
    Some(
        names
            .into_iter()
            .zip(values)
            .map(|(key, (value, quote))| Pair {
                key,
                rest: value.clone(),
                value,
                quote,
                in_query: false,
                table_cell: false,
            })
            .collect(),
    )
}

/// The names of the list ending with `key`, in order: each a word, a
/// sigil allowed (`$p`), the first after the line's indent or a keyword
/// (`local`, `var`).
fn names_before(text: &[u8], line_start: usize, key: Range<usize>) -> Option<Vec<Range<usize>>> {
    let mut names = vec![key.clone()];
    let mut at = key.start;
    loop {
        let blank_end = skip_blanks_back(text, line_start, at);
        if blank_end == line_start || text[blank_end - 1] != b',' {
            break;
        }
        let end = skip_blanks_back(text, line_start, blank_end - 1);
        let mut start = end;
        while start > line_start && is_name_byte(text[start - 1]) {
            start -= 1;
        }
        if start == end || names.len() == MOST_NAMES {
            return None;
        }
        names.push(start..end);
        at = start;
    }
    // What opens the list: the line's indent or the statement before it
    // (`…; a, b = …`), then maybe a keyword (`local`, `var`).
    let head = text[line_start..at].trim_ascii();
    let keyword = head
        .rsplit(|b| matches!(b, b' ' | b'\t' | b';' | b'{'))
        .next()
        .unwrap_or(head);
    let opens_statement = |before: &[u8]| {
        let before = before.trim_ascii_end();
        before.is_empty() || before.ends_with(b";") || before.ends_with(b"{")
    };
    let opens = opens_statement(head)
        || ([&b"local"[..], b"var", b"let", b"const"].contains(&keyword)
            && opens_statement(&head[..head.len() - keyword.len()]));
    (names.len() >= 2 && opens).then(|| {
        names.reverse();
        names
    })
}

/// Exactly `count` values after the operator, comma-separated, in brackets
/// or not: each a quoted literal (a prefix such as `b"` allowed) or a bare
/// word. Fewer when the line is cut short after one or more (a log's or a
/// summary's `"shop", "[PASSW…`): those still belong to the first names.
fn values_after(
    text: &[u8],
    op_end: usize,
    line_end: usize,
    count: usize,
) -> Option<Vec<(Range<usize>, Quote)>> {
    let mut at = skip_blanks(text, op_end, line_end);
    if matches!(text.get(at), Some(b'(' | b'[')) && at < line_end {
        at = skip_blanks(text, at + 1, line_end);
    }
    let mut values = Vec::with_capacity(count);
    loop {
        at += string_prefix_len(&text[at..line_end]);
        let cut = |values: Vec<(Range<usize>, Quote)>| (!values.is_empty()).then_some(values);
        if at >= line_end || text[at..line_end].starts_with("…".as_bytes()) {
            return cut(values);
        }
        let (value, quote, end) = match text.get(at) {
            Some(&q @ (b'"' | b'\'' | b'`')) => {
                let Some(close) = closing_quote(text, at + 1, line_end, q) else {
                    return cut(values);
                };
                let quote = if q == b'\'' {
                    Quote::Single
                } else {
                    Quote::Double
                };
                (at + 1..close, quote, close + 1)
            }
            _ => {
                let len = text[at..line_end]
                    .iter()
                    .take_while(|&&b| is_name_byte(b) || matches!(b, b'-' | b'+'))
                    .count();
                if len == 0 {
                    return None;
                }
                (at..at + len, Quote::None, at + len)
            }
        };
        values.push((value, quote));
        let next = skip_blanks(text, end, line_end);
        if values.len() == count {
            // The statement must end here: `a, b = "x", "y" + z` is no list of literals.
            let rest = text[next..line_end].trim_ascii();
            let ends = rest.is_empty()
                || matches!(rest[0], b')' | b']' | b'}' | b';' | b'#')
                || rest.starts_with(b"//");
            return ends.then_some(values);
        }
        if text.get(next) != Some(&b',') || next >= line_end {
            return None;
        }
        at = skip_blanks(text, next + 1, line_end);
    }
}

fn is_name_byte(b: u8) -> bool {
    is_key_byte(b) || matches!(b, b'$' | b'@' | b'.')
}

fn skip_blanks(text: &[u8], mut at: usize, end: usize) -> usize {
    while at < end && matches!(text[at], b' ' | b'\t') {
        at += 1;
    }
    at
}

fn skip_blanks_back(text: &[u8], floor: usize, mut at: usize) -> usize {
    while at > floor && matches!(text[at - 1], b' ' | b'\t') {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<Vec<(String, String)>> {
        let text = line.as_bytes();
        let op = line
            .find(" = ")
            .map(|p| (p + 1, p + 2))
            .or_else(|| line.find(" := ").map(|p| (p + 1, p + 3)))?;
        let key_end = op.0 - 1;
        let key_start = line[..key_end].rfind([',', ' ', '(']).map_or(0, |p| p + 1);
        let pairs = parallel_assignment(text, 0, key_start..key_end, op.1, text.len())?;
        Some(
            pairs
                .into_iter()
                .map(|p| (line[p.key].to_string(), line[p.value].to_string()))
                .collect(),
        )
    }

    fn owned(pairs: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn each_name_takes_the_value_in_its_place() {
        assert_eq!(
            read(r#"user, pass := "opsbot", "Kestrel!Moss41""#),
            owned(&[("user", "opsbot"), ("pass", "Kestrel!Moss41")])
        );
        assert_eq!(
            read(r#"    local host, secret = 'db.internal', b'Saffron#Vale'"#),
            owned(&[("host", "db.internal"), ("secret", "Saffron#Vale")])
        );
        assert_eq!(
            read(r#"$u, $pw = ("backup", "Tundra_Lark9");"#),
            owned(&[("$u", "backup"), ("$pw", "Tundra_Lark9")])
        );
        assert_eq!(
            read(r#"ran the script; db_user, db_password = "shop", "Gannet!Spruce8"; then"#),
            owned(&[("db_user", "shop"), ("db_password", "Gannet!Spruce8")])
        );
        assert_eq!(
            read(r#"if ok { var u, pw = "ops", "Heath_Tarn3" }"#),
            owned(&[("u", "ops"), ("pw", "Heath_Tarn3")])
        );
        assert_eq!(
            read(r#"a, b, token = 1, other, "Corvid-Ember-77"  # set once"#),
            owned(&[("a", "1"), ("b", "other"), ("token", "Corvid-Ember-77")])
        );
    }

    #[test]
    fn a_list_cut_short_gives_the_values_it_holds_to_the_first_names() {
        assert_eq!(
            read(r#"db_user, db_password = "shop", "[PASSW…"#),
            owned(&[("db_user", "shop")])
        );
        assert_eq!(
            read(r#"db_user, db_password = "shop", …"#),
            owned(&[("db_user", "shop")])
        );
    }

    #[test]
    fn what_is_no_parallel_assignment_is_left_to_the_pair_reader() {
        // One name; a call's arguments; fewer or more values; an expression after them.
        assert_eq!(read(r#"password = "x""#), None);
        assert_eq!(read(r#"connect(host, password = "x")"#), None);
        assert_eq!(read(r#"a, b = "x""#), None);
        assert_eq!(read(r#"a, b = "x", "y", "z""#), None);
        assert_eq!(read(r#"a, b = "x", "y" + z"#), None);
        assert_eq!(read(r#"print(x), b = "x", "y""#), None);
    }
}
