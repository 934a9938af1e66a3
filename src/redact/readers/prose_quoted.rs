//! A field named in words, then its value in double quotes, with no colon
//! or `=` between: how test scenarios, tickets and notes give a value
//! (`with name "Frodo Baggins" and phone number "666777888"`, `the street
//! as "Seaside Fwy"`, `changed the first name to "Bilbo"`).

use std::ops::Range;

use super::pairs::{Pair, closing_quote};
use super::syntaxes::quoted_pair;

/// Words between a field's name and its value: `the street as "…"`.
const CONNECTORS: &[&[u8]] = &[
    b"is", b"as", b"to", b"of", b"be", b"was", b"named", b"called",
];

/// The longest value read: a name, a phone, a street line.
const VALUE_MAX: usize = 120;

pub(crate) fn label_then_quoted<T>(
    text: &[u8],
    mut wanted: impl FnMut(&[u8]) -> Option<T>,
    mut f: impl FnMut(Pair, T),
) {
    for open in memchr::memchr_iter(b'"', text) {
        // A blank, then a word of letters: JSON's `: "` and `"a", "b"` are
        // passed over at the first byte.
        if open < 3 || text[open - 1] != b' ' || !is_letter(text[open - 2]) {
            continue;
        }
        let mut word = word_before(text, open - 1);
        if CONNECTORS.contains(&&text[word.clone()])
            && word.start > 1
            && text[word.start - 1] == b' '
        {
            word = word_before(text, word.start - 1);
        }
        if word.len() < 2 || !opens_clause(text, word.start) {
            continue;
        }
        let line_end = memchr::memchr(b'\n', &text[open..]).map_or(text.len(), |p| open + p);
        let Some(close) = closing_quote(text, open + 1, line_end.min(open + 1 + VALUE_MAX), b'"')
        else {
            continue;
        };
        // `"key": …`: a quoted key, not a value; `address "Ana Lima", "Rua
        // …", "Porto"`: the field names the whole list, not its first item.
        let after = &text[close + 1..line_end];
        let listed = after.trim_ascii_start().strip_prefix(b",").unwrap_or(after);
        if close == open + 1
            || after.starts_with(b":")
            || listed.trim_ascii_start().starts_with(b"\"")
        {
            continue;
        }
        let value = open + 1..close;
        let two_words = (word.start > 1 && text[word.start - 1] == b' ')
            .then(|| word_before(text, word.start - 1))
            .filter(|w| w.len() >= 2 && opens_clause(text, w.start))
            .map(|w| w.start..word.end);
        let label = two_words
            .and_then(|label| wanted(&text[label.clone()]).map(|c| (label, c)))
            .or_else(|| wanted(&text[word.clone()]).map(|c| (word.clone(), c)));
        if let Some((key, class)) = label {
            f(quoted_pair(key, value, b'"'), class);
        }
    }
}

fn is_letter(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// The word of letters that ends at `end`.
fn word_before(text: &[u8], end: usize) -> Range<usize> {
    let mut s = end;
    while s > 0 && is_letter(text[s - 1]) && end - s < 24 {
        s -= 1;
    }
    s..end
}

/// A word that stands in prose: at the line's start or after a blank, not
/// glued to code (`$user->name "…"`, `x.name "…"`).
fn opens_clause(text: &[u8], at: usize) -> bool {
    at == 0 || matches!(text[at - 1], b' ' | b'\t' | b'\n' | b'(')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str, names: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        label_then_quoted(
            s.as_bytes(),
            |k| {
                names
                    .contains(&std::str::from_utf8(k).unwrap())
                    .then_some(())
            },
            |p, ()| out.push((s[p.key].to_string(), s[p.value].to_string())),
        );
        out
    }

    #[test]
    fn a_field_in_words_then_its_quoted_value() {
        let names = ["name", "phone number", "street", "first name"];
        assert_eq!(
            read(
                "And the store has a customer with name \"Frodo Baggins\" and phone number \"666777888\"",
                &names
            ),
            [
                ("name".into(), "Frodo Baggins".into()),
                ("phone number".into(), "666777888".into())
            ]
        );
        assert_eq!(
            read("I specify the street as \"Seaside Fwy\"", &names),
            [("street".into(), "Seaside Fwy".into())]
        );
        assert_eq!(
            read("When I change the first name to \"Bilbo\"", &names),
            [("first name".into(), "Bilbo".into())]
        );
    }

    #[test]
    fn json_code_and_other_words_are_passed_over() {
        let names = ["name", "street"];
        for s in [
            r#"{"name": "Frodo Baggins", "street": "Seaside Fwy"}"#,
            r#"$user->name "Frodo""#,
            r#"I named the file "backup.sql""#,
            r#"name """#,
            r#"their address is "Hobbiton", "Bag End", "1""#,
            r#"their name should be "Frodo" "Baggins""#,
        ] {
            assert!(read(s, &names).is_empty(), "{s}: {:?}", read(s, &names));
        }
    }
}
