//! Tables whose header row names the fields: CSV and TSV exports, `wp-cli`
//! tables (`| ID | user_email | display_name |`), and two-column Markdown tables
//! (`| Name | Ana Lima |`). Each cell of a row becomes a key → value pair whose
//! key is the header cell above it, so the field rules apply as to JSON.

use std::ops::Range;

use crate::redact::byteclass::positions;
use crate::redact::keys::classify;
use crate::redact::pairs::{Pair, Quote};
use crate::redact::scan::Lines;

/// The cells of one line split at `delim`, quotes respected; ranges exclude the
/// quotes and surrounding spaces. Pipe tables lose their outer empty cells.
fn cells(text: &[u8], line: Range<usize>, delim: u8) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    let mut i = line.start;
    let mut quote: Option<u8> = None;
    while i <= line.end {
        let b = if i < line.end { text[i] } else { delim };
        match quote {
            // CSV doubles a quote inside a quoted cell: `"a:1:{s:2:""ip"";…}"`.
            Some(q) if b == q && i + 1 < line.end && text[i + 1] == q => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && text[start..i].trim_ascii().is_empty() => {
                quote = Some(b);
            }
            None if b == delim || i == line.end => {
                out.push(trim_cell(text, start..i));
                start = i + 1;
            }
            None => {}
        }
        i += 1;
    }
    if delim == b'|' {
        if out.first().is_some_and(Range::is_empty) {
            out.remove(0);
        }
        if out.last().is_some_and(Range::is_empty) {
            out.pop();
        }
    }
    out
}

fn trim_cell(text: &[u8], r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = (r.start, r.end);
    while s < e && text[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && text[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    // Quoted, or a Markdown code span (`| Phone | `+1 555…` |`).
    if e - s >= 2 && matches!(text[s], b'"' | b'\'' | b'`') && text[e - 1] == text[s] {
        s += 1;
        e -= 1;
    }
    s..e
}

/// A header cell: a short label made of letters, never a value.
fn is_label(cell: &[u8]) -> bool {
    !cell.is_empty()
        && cell.len() <= 40
        && cell.first().is_some_and(|b| !b.is_ascii_digit())
        && cell.iter().any(u8::is_ascii_alphabetic)
        && !cell.contains(&b'@')
        && cell.iter().all(|&b| is_label_byte(b))
}

fn is_label_byte(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_alphanumeric() || b" _-./#()&+".contains(&b)
}

/// Every byte could sit in a row of labels: [`is_label`] cells, quoted as
/// [`trim_cell`] unquotes them, between delimiters.
fn could_be_header(line: &[u8]) -> bool {
    line.iter()
        .all(|&b| is_label_byte(b) || b"|\t;,\"'`\r".contains(&b))
}

/// The delimiters a table may use, in the order they are preferred.
const DELIMITERS: [u8; 4] = [b'|', b'\t', b';', b','];

/// The first delimiter a line holds at least twice, given how many of each it holds.
fn delimiter_of(counts: [usize; 4]) -> Option<u8> {
    DELIMITERS
        .into_iter()
        .zip(counts)
        .find_map(|(d, n)| (n >= 2).then_some(d))
}

/// A `+----+-----+` or `|---|:--|` rule line, which neither starts nor ends a table.
fn is_rule(line: &[u8]) -> bool {
    let t = line.trim_ascii();
    !t.is_empty() && t.iter().all(|b| b"+-|: =".contains(b)) && t.contains(&b'-')
}

/// Calls `f` for every cell of every table row in the block whose column name
/// `wanted` maps to something. Returns the header line of the table still
/// open at the end of the block, for a stream's next block.
pub(crate) fn for_each_cell<T>(
    lines: &Lines<'_>,
    mut wanted: impl FnMut(&[u8]) -> Option<T>,
    mut f: impl FnMut(Pair, T),
) -> Option<Range<usize>> {
    let text = lines.text;
    let mut header: Option<Header> = None;
    // Most lines hold no delimiter at all: one pass over the block counts them.
    let mut delimiters = positions(text, DELIMITERS).peekable();
    for n in 0..lines.count() {
        let line = lines.line_range(n);
        let bytes = &text[line.clone()];
        let mut counts = [0usize; 4];
        while let Some(p) = delimiters.next_if(|&p| p < line.end) {
            if p >= line.start {
                let kind = DELIMITERS.iter().position(|&d| d == text[p]).unwrap_or(0);
                counts[kind] += 1;
            }
        }
        // The empty end of a block that ends with its last newline ends no table.
        if bytes.is_empty() && n + 1 == lines.count() {
            break;
        }
        if is_rule(bytes) {
            continue;
        }
        // A row of an open table keeps its delimiter, even when a quoted cell
        // holds more of another (`;` in a serialized PHP value).
        let open = header.as_ref().and_then(|h| {
            let kind = DELIMITERS.iter().position(|&d| d == h.delim)?;
            (counts[kind] + 1 >= h.cols.len()).then_some(h.delim)
        });
        let Some(delim) = open.or_else(|| delimiter_of(counts)) else {
            header = None;
            continue;
        };
        // Outside a table, a line is only worth splitting if it could be a
        // header (or a two-column `|` row): log prose with commas is not.
        let in_table = header.as_ref().is_some_and(|h| h.delim == delim);
        if !in_table && delim != b'|' && !could_be_header(bytes) {
            header = None;
            continue;
        }
        let mut row = cells(text, line.clone(), delim);
        if delim == b'|' && row.len() == 2 {
            // A two-column table: the first cell names the second.
            pair(text, &row[0], &row[1], &mut wanted, &mut f);
        }
        if let Some(h) = &header
            && h.delim == delim
        {
            // A value holding the delimiter (`J|wub` in a salt) splits into
            // more cells than the header has: they all belong to the value column.
            if row.len() > h.cols.len()
                && let Some((_, vc)) = h.key_value
            {
                let extra = row.len() - h.cols.len();
                row[vc].end = row[vc + extra].end;
                row.drain(vc + 1..=vc + extra);
            }
            if h.cols.len() == row.len() {
                for (key, value) in h.cols.iter().zip(&row) {
                    pair(text, key, value, &mut wanted, &mut f);
                }
                // `| name | value | type |`: each row's name cell names its value.
                if let Some((kc, vc)) = h.key_value {
                    pair(text, &row[kc], &row[vc], &mut wanted, &mut f);
                }
                continue;
            }
        }
        // `| DB_PASSWORD | … | constant |` pasted alone, its header left
        // behind, or quoted in a sentence: in a row that is no header, a
        // cell written as a field's name names the cell after it.
        let cells = (delim == b'|' && row.len() > 2).then(|| row.clone());
        header = Header::of(text, delim, row, line);
        if header.is_none()
            && let Some(cells) = cells
        {
            for named in cells.windows(2) {
                if is_field_name(&text[named[0].clone()]) {
                    pair(text, &named[0], &named[1], &mut wanted, &mut f);
                }
            }
        }
    }
    header.map(|h| h.line)
}

/// A name as code and settings write one, of two words or more joined
/// (`DB_PASSWORD`, `smtp-pass`, `mail.password`): a table's word alone
/// (`pass` in a result column) names nothing.
fn is_field_name(cell: &[u8]) -> bool {
    let joined = cell.windows(3).any(|w| {
        w[0].is_ascii_alphanumeric()
            && matches!(w[1], b'_' | b'-' | b'.')
            && w[2].is_ascii_alphanumeric()
    });
    joined
        && cell
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// A table's header row.
struct Header {
    delim: u8,
    cols: Vec<Range<usize>>,
    /// The columns of a key-value listing (`name`/`value`, `option_name`/`option_value`).
    key_value: Option<(usize, usize)>,
    line: Range<usize>,
}

impl Header {
    fn of(text: &[u8], delim: u8, row: Vec<Range<usize>>, line: Range<usize>) -> Option<Header> {
        if row.len() < 3 || !row.iter().all(|c| is_label(&text[c.clone()])) {
            return None;
        }
        // `Variable name`, `Example value`: a header's last word says the role.
        let find = |names: &[&str]| {
            row.iter().position(|c| {
                let label = text[c.clone()].to_ascii_lowercase();
                let last = label
                    .rsplit(|b| b.is_ascii_whitespace())
                    .next()
                    .unwrap_or(&label);
                names
                    .iter()
                    .any(|n| n.as_bytes() == label.as_slice() || n.as_bytes() == last)
            })
        };
        let key_value = find(&[
            "name",
            "key",
            "option_name",
            "meta_key",
            "setting",
            "constant",
            "variable",
            "field",
            "parameter",
            "option",
        ])
        .zip(find(&[
            "value",
            "option_value",
            "meta_value",
            "setting_value",
        ]));
        let named = row
            .iter()
            .any(|c| classify(&text[column_name(text, c.clone())]).is_some());
        (named || key_value.is_some()).then_some(Header {
            delim,
            cols: row,
            key_value,
            line,
        })
    }
}

/// A column's name without the qualifier exports add in brackets:
/// `First Name (Billing)` names a first name.
fn column_name(text: &[u8], cell: Range<usize>) -> Range<usize> {
    let name = &text[cell.clone()];
    if name.ends_with(b")")
        && let Some(open) = memchr::memrchr(b'(', name)
    {
        let bare = name[..open].trim_ascii_end().len();
        if bare > 0 {
            return cell.start..cell.start + bare;
        }
    }
    cell
}

fn pair<T>(
    text: &[u8],
    key: &Range<usize>,
    value: &Range<usize>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    if key.is_empty() || value.is_empty() {
        return;
    }
    let key = &column_name(text, key.clone());
    let Some(class) = wanted(&text[key.clone()]) else {
        return;
    };
    f(
        Pair {
            key: key.clone(),
            value: value.clone(),
            rest: value.clone(),
            quote: Quote::Double,
            in_query: false,
            table_cell: true,
        },
        class,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &str) -> Vec<(String, String)> {
        let lines = Lines::new(s.as_bytes());
        let mut out = Vec::new();
        for_each_cell(
            &lines,
            |_| Some(()),
            |p, ()| out.push((s[p.key].to_string(), s[p.value].to_string())),
        );
        out
    }

    #[test]
    fn in_a_piped_row_without_its_header_a_fields_name_names_the_next_cell() {
        let got = pairs("| AUTH_SALT | q7]Vn;2x | constant |\n");
        assert_eq!(got, [("AUTH_SALT".into(), "q7]Vn;2x".into())]);
        let got = pairs("Login fails, see row | SMTP_PASS | p4ss!w0rd | mail.password | x |\n");
        assert!(
            got.contains(&("SMTP_PASS".into(), "p4ss!w0rd".into())),
            "{got:?}"
        );
        // A header row names no value of its own, nor does a table's word.
        let header = pairs("| name | value | type |\n");
        assert!(header.is_empty(), "{header:?}");
        let result = pairs("| sanitized — data removed | pass | Every part was re-scanned |\n");
        assert!(result.is_empty(), "{result:?}");
    }

    #[test]
    fn csv_rows_take_their_header() {
        let got = pairs("\"id\";\"first_name\";\"email\"\n\"7\";\"Ana\";\"a@x.io\"\n");
        assert!(
            got.contains(&("first_name".into(), "Ana".into())),
            "{got:?}"
        );
        assert!(got.contains(&("email".into(), "a@x.io".into())), "{got:?}");
    }

    #[test]
    fn a_doubled_quote_stays_inside_its_cell() {
        let got = pairs(
            "user_id,meta_key,meta_value\n352,session_tokens,\"a:1:{s:2:\"\"ip\"\";s:9:\"\"1.2.3.4\"\";}\"\n352,billing_phone,\"040 325 9177\"\n",
        );
        assert!(
            got.contains(&("billing_phone".into(), "040 325 9177".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_listing_names_its_columns_in_more_words() {
        let t = "| Variable name | Description | Example value |\n| --- | --- | --- |\n| SHOP_API_TOKEN | Token of the shop | q8Zr2Lk9Vx4Tn7Bw |\n";
        let got = pairs(t);
        assert!(
            got.contains(&("SHOP_API_TOKEN".into(), "q8Zr2Lk9Vx4Tn7Bw".into())),
            "{got:?}"
        );
    }

    #[test]
    fn wp_cli_and_markdown_tables() {
        let t = "+----+------------+\n| ID | user_email | display_name |\n+----+\n| 2 | b@y.io | Bo Lind |\n";
        let got = pairs(t);
        assert!(
            got.contains(&("display_name".into(), "Bo Lind".into())),
            "{got:?}"
        );
        let got = pairs("| Name | Siobhán MacCarthy |\n");
        assert_eq!(got, vec![("Name".into(), "Siobhán MacCarthy".into())]);
        let got = pairs("| Phone | `(61) 96288-7481` |\n");
        assert_eq!(got, vec![("Phone".into(), "(61) 96288-7481".into())]);
    }

    #[test]
    fn key_value_listings_name_each_value() {
        let t = "| name | value | type |\n| DB_PASSWORD | x|y z | constant |\n";
        let got = pairs(t);
        assert!(
            got.contains(&("DB_PASSWORD".into(), "x|y z".into())),
            "{got:?}"
        );
    }

    #[test]
    fn export_headers_may_join_words_and_qualify_columns() {
        // As order exports write them: `&` in a label, the address type in brackets.
        let csv = "Order Number,First Name (Billing),Address 1&2 (Billing)\n7,Ana,1 Main St\n";
        let got = pairs(csv);
        assert!(
            got.contains(&("First Name".into(), "Ana".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("Address 1&2".into(), "1 Main St".into())),
            "{got:?}"
        );
    }

    #[test]
    fn prose_with_commas_is_no_table() {
        assert!(pairs("Hello, the order, it failed\n1, 2, 3\n").is_empty());
    }
}
