//! A credential set from a variable: `$mail->Password = $auth;`,
//! `connect(password=creds)`, `Passwd: pw`, `-p"$DB_PW"`. The field's value
//! names no secret; the literal the variable was given earlier in the same
//! text is one (`$auth = 'saffron';`, `$auth .= '…';`, `creds = "…"`,
//! `pw := "…"`, `export DB_PW='…'`), and it is redacted as the field's kind.

use std::ops::Range;

use crate::redact::kind::Kind;
use crate::redact::pairs::closing_quote;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::is_non_value;

/// How far before its use a variable's assignment is looked for: a script's
/// or a config file's settings sit near where they are used.
const LOOK_BACK: usize = 32 * 1024;

/// Longest literal taken as a variable's value: a credential is shorter.
const LITERAL_MAX: usize = 512;

/// A credential field set from a variable: the variable's name in the text
/// (without `$` or `${…}`), the kind the field says its value is.
pub(crate) struct Reference {
    pub name: Range<usize>,
    pub kind: Kind,
}

/// The variable `text[value]` names, when it is one and nothing else:
/// `$auth`, `creds`, `$DB_PW`, `${DB_PW}`.
pub(crate) fn variable_in(text: &[u8], value: Range<usize>) -> Option<Range<usize>> {
    let v = &text[value.clone()];
    let (skip, inner) = match v {
        [b'$', b'{', inner @ .., b'}'] => (2, inner),
        [b'$', inner @ ..] => (1, inner),
        _ => (0, v),
    };
    let is_name = (1..=64).contains(&inner.len())
        && inner[0].is_ascii_alphabetic() | (inner[0] == b'_')
        && inner.iter().all(|&b| is_name_byte(b));
    is_name.then(|| value.start + skip..value.start + skip + inner.len())
}

/// [`variable_in`], for a shell's or PHP's arguments, where a bare word is
/// a literal: only a name after `$`.
pub(crate) fn dollar_variable_in(text: &[u8], value: Range<usize>) -> Option<Range<usize>> {
    let name = variable_in(text, value.clone())?;
    (name.start > value.start).then_some(name)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The literals each referenced variable was given before its use, as
/// candidates of the field's kind.
pub(crate) fn detect(text: &[u8], references: &[Reference], out: &mut Vec<Candidate>) {
    for (n, r) in references.iter().enumerate() {
        let name = &text[r.name.clone()];
        // A variable used by several fields is looked for once.
        if references[..n]
            .iter()
            .any(|earlier| &text[earlier.name.clone()] == name)
        {
            continue;
        }
        let from = r.name.start.saturating_sub(LOOK_BACK);
        for at in memchr::memmem::find_iter(&text[from..r.name.start], name) {
            if let Some(literal) = assigned_at(text, from + at, name.len()) {
                let mut c = Candidate::new(
                    literal.start,
                    literal.end,
                    r.kind,
                    "credential-by-variable",
                    Priority::Keyed,
                );
                c.delimited = true;
                out.push(c);
            }
        }
    }
}

/// The literal a variable named at `text[at..at + len]` is given there:
/// `name = '…'`, `$name .= "…"`, `name := "…"`, `NAME=…` (a shell's
/// unquoted word, with nothing around the `=`).
fn assigned_at(text: &[u8], at: usize, len: usize) -> Option<Range<usize>> {
    // A statement opens with the name (after `$`, or `export `): not a
    // longer name, a member (`$this->pw`, `cfg.pw`) or a query's field
    // (`&message=…`).
    let sigil = at.checked_sub(1).is_some_and(|p| text[p] == b'$');
    let opens = at - usize::from(sigil);
    let line_start = text[..opens]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let lead = text[line_start..opens].trim_ascii_start();
    let statement_start = lead.is_empty()
        || matches!(lead.last(), Some(b' ' | b'\t' | b';' | b'{' | b'(')) && !lead.ends_with(b", ");
    if !statement_start {
        return None;
    }
    let mut i = at + len;
    if text.get(i).is_some_and(|&b| is_name_byte(b)) {
        return None;
    }
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let name_end = i;
    while text.get(i).is_some_and(blank) {
        i += 1;
    }
    let op_len = match text.get(i..(i + 2).min(text.len()))? {
        [b'.' | b':' | b'+', b'=', ..] => 2,
        [b'=', b'=' | b'>' | b'~', ..] => return None,
        [b'=', ..] => 1,
        _ => return None,
    };
    let tight = i == name_end && op_len == 1;
    i += op_len;
    let op_end = i;
    while text.get(i).is_some_and(blank) {
        i += 1;
    }
    let literal = match *text.get(i)? {
        q @ (b'\'' | b'"') => {
            let line_end = crate::redact::scan::line_end_near(text, i);
            let close = closing_quote(text, i + 1, line_end, q)?;
            i + 1..close
        }
        // `PW=word`: a shell's assignment, its value up to a blank or `;`.
        b if tight && i == op_end && !b.is_ascii_whitespace() && opens_shell_line(lead) => {
            let end = text[i..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b';')
                .map_or(text.len(), |p| i + p);
            i..end
        }
        _ => return None,
    };
    let value = &text[literal.clone()];
    let refers_on = value.first() == Some(&b'$');
    (!value.is_empty() && value.len() <= LITERAL_MAX && !refers_on && !is_non_value(value))
        .then_some(literal)
}

/// What may stand before a shell variable's name on its line: nothing,
/// or a word that declares it.
fn opens_shell_line(lead: &[u8]) -> bool {
    matches!(
        lead.trim_ascii_end(),
        b"" | b"export" | b"local" | b"readonly" | b"declare" | b"declare -x"
    )
}

#[cfg(test)]
mod tests {
    use crate::redact::redacted;

    /// What stays of `secret` once `text` is redacted: none of it.
    fn hides(text: &str, secret: &str) -> bool {
        let out = redacted(text);
        !out.contains(secret)
    }

    #[test]
    fn a_literal_given_to_a_variable_a_credential_field_is_set_from() {
        for (text, secret) in [
            ("$v = 'quokka';\n$mail->Password = $v;\n", "quokka"),
            (
                "$db = 'gingerbread';\nmysqli_real_connect($link, 'localhost', 'shop', $db);\n",
                "gingerbread",
            ),
            (
                "$t = 'pumpernickel';\n$client->setApiKey($t);\n",
                "pumpernickel",
            ),
            (
                "X='periwinkle'\nmysql -u shop -p\"$X\" shop\n",
                "periwinkle",
            ),
            (
                "$part  = 'lamprey';\n$part .= 'Q7!x';\n$smtp->Password = $part;\n",
                "lamprey",
            ),
            (
                "word = \"marzipan\"\ndb = connect(host=\"db\", password=word)\n",
                "marzipan",
            ),
            (
                "const phrase = 'gooseberry';\nnew Pool({ user: 'app', password: phrase });\n",
                "gooseberry",
            ),
            (
                "pass := \"heliotrope\"\ncfg := Config{User: \"app\", Password: pass}\n",
                "heliotrope",
            ),
            (
                "export SHOP_PW=buttercup\nDB_PASSWORD=${SHOP_PW}\n",
                "buttercup",
            ),
        ] {
            assert!(hides(text, secret), "{text}\n→ {}", redacted(text));
        }
    }

    #[test]
    fn other_variables_and_later_literals_stay() {
        let text = "$title = 'Checkout';\n$part = $_POST['part'];\n$mail->Password = $part;\n$part = 'afterwards';\n";
        let out = redacted(text);
        assert!(out.contains("'Checkout'"), "{out}");
        assert!(out.contains("$_POST['part']"), "{out}");
        // Set after the field was: not what the field was given.
        assert!(out.contains("'afterwards'"), "{out}");
        // A comparison or a longer name is no assignment.
        let out =
            redacted("if ($part == 'ember') {}\n$part2 = 'lantern';\n$x->Password = $part;\n");
        assert!(
            out.contains("'ember'") && out.contains("'lantern'"),
            "{out}"
        );
    }
}
