//! Pairs in markup: XML and HTML elements holding text (`<firstName>Ana</firstName>`,
//! the value on its own line, in CDATA), the sibling key and value elements of
//! a WordPress export (`<wp:meta_key>_billing_phone</wp:meta_key>` then
//! `<wp:meta_value>…</wp:meta_value>`), and tags naming their value in
//! attributes (`<input name="billing_phone" value="…">`, `<add key="Password"
//! value="…"/>`), attributes in any order.

use std::ops::Range;

use crate::redact::pairs::{Pair, is_key_byte};
use crate::redact::syntaxes::{ATTRIBUTE_VALUE, Anchors, CLOSING_TAG, quoted_pair};

/// How far before a value element its sibling key element may sit.
const SIBLING_REACH: usize = 512;

/// Every pair the markup of `text` holds, for the keys `wanted` maps to something.
pub(crate) fn markup_pairs<T>(
    text: &[u8],
    anchors: Anchors<'_>,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    for close in anchors.of(CLOSING_TAG) {
        element(text, close, wanted, f);
    }
    for at in anchors.of(ATTRIBUTE_VALUE) {
        attributes(text, at, wanted, f);
    }
}

/// The element that `</name>` at `close` ends.
fn element<T>(
    text: &[u8],
    close: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let name_start = close + 2;
    let mut name_end = name_start;
    while name_end < text.len()
        && name_end - name_start < 64
        && (is_key_byte(text[name_end]) || text[name_end] == b':')
    {
        name_end += 1;
    }
    if name_end == name_start || text.get(name_end) != Some(&b'>') {
        return;
    }
    let name = &text[name_start..name_end];
    let key_start = name_start + memchr::memrchr(b':', name).map_or(0, |p| p + 1);
    let local = &text[key_start..name_end];
    // A WordPress export names the value in the key element before it.
    if local == b"meta_value" {
        let Some(start) = opening_tag_end(text, close, name) else {
            return;
        };
        if let Some(value) = element_text(text, start..close)
            && let Some(key) = sibling_key(text, start, &name[..name.len() - local.len()])
            && let Some(class) = wanted(&text[key.clone()])
        {
            f(quoted_pair(key, value, b'"'), class);
        }
        return;
    }
    // A property list names each value in the `<key>` element before it.
    if name == b"key" {
        if let Some(tag) = opening_tag(text, close, name)
            && let Some(key) = element_text(text, tag.end..close)
            && let Some(value) = next_element_text(text, name_end + 1)
            && let Some(class) = wanted(&text[key.clone()])
        {
            f(quoted_pair(key, value, b'"'), class);
        }
        return;
    }
    // Most elements (`</div>`, `</b>`) name nothing by their own name.
    let class = wanted(local);
    // `</tr>` after `</td>`: an element that ends in markup holds more than
    // one value, and is read no further (a named one may end in `]]>`).
    if class.is_none() && close > 0 && text[close - 1] == b'>' {
        return;
    }
    let Some(tag) = opening_tag(text, close, name) else {
        return;
    };
    let Some(value) = element_text(text, tag.end..close) else {
        return;
    };
    if let Some(class) = class {
        f(quoted_pair(key_start..name_end, value, b'"'), class);
        return;
    }
    if let Some((key, class)) = named_by_attributes(text, tag.clone(), &NAMING_ATTRIBUTES, wanted) {
        f(quoted_pair(key, value, b'"'), class);
        return;
    }
    // `<array key="street"><item>…</item><item>…</item>`: items named by
    // the element that holds them, when a name or key names it (a class
    // styles a block of anything).
    if let Some(parent) = parent_tag(text, tag.start, name)
        && let Some((key, class)) =
            named_by_attributes(text, parent, &NAMING_ATTRIBUTES[..2], wanted)
    {
        f(quoted_pair(key, value, b'"'), class);
        return;
    }
    if let Some((key, class)) = label_before(text, tag.start, wanted) {
        f(quoted_pair(key, value, b'"'), class);
        return;
    }
    label_then_value(text, value, name_end + 1, wanted, f);
}

/// The attributes that name what an element holds, in the order they are
/// asked: a resource's or a fixture's `name` and `key` (`<string
/// name="api_key">`, `<data key="firstname">`, `<entry key="password">`),
/// microdata's `itemprop="telephone"`, a table cell's `data-title="Phone"`,
/// then the `id` and the classes a page styles it by
/// (`class="woocommerce-customer-details--phone"`).
const NAMING_ATTRIBUTES: [&[u8]; 7] = [
    b"name",
    b"key",
    b"itemprop",
    b"data-title",
    b"data-label",
    b"id",
    b"class",
];

/// The attribute value, or the word of it, that names what the element
/// spanning `tag` holds. A class is read word by word, and a word by its
/// last part too, after BEM's `--` or `__` (`order-customer__name`).
fn named_by_attributes<T>(
    text: &[u8],
    tag: Range<usize>,
    naming: &[&[u8]],
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
) -> Option<(Range<usize>, T)> {
    // An element without attributes names nothing by them.
    memchr::memchr2(b' ', b'\t', &text[tag.clone()])?;
    for &name in naming {
        let Some((value, _)) = attribute(text, tag.clone(), name) else {
            continue;
        };
        let mut word_start = value.start;
        for end in (value.start..=value.end).filter(|&i| i == value.end || text[i] == b' ') {
            let word = word_start..end;
            word_start = end + 1;
            if word.is_empty() {
                continue;
            }
            if let Some(class) = wanted(&text[word.clone()]) {
                return Some((word, class));
            }
            let last_part = [b"--".as_slice(), b"__"]
                .iter()
                .filter_map(|sep| memchr::memmem::rfind(&text[word.clone()], sep))
                .max()
                .map(|p| word.start + p + 2..word.end);
            if let Some(part) = last_part.filter(|p| !p.is_empty())
                && let Some(class) = wanted(&text[part.clone()])
            {
                return Some((part, class));
            }
        }
    }
    None
}

/// `Billing name: <strong>…`: a label, with its colon, just before the tag
/// that opens at `lt`, after the line's start or the tag before it.
fn label_before<T>(
    text: &[u8],
    lt: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
) -> Option<(Range<usize>, T)> {
    let floor = lt.saturating_sub(LABEL_MAX + 8);
    let start = memchr::memrchr2(b'>', b'\n', &text[floor..lt])
        .map_or(if floor == 0 { Some(0) } else { None }, |p| {
            Some(floor + p + 1)
        })?;
    let label = crate::redact::values::trimmed(text, start..lt);
    let words = text[label.clone()].strip_suffix(b":")?.trim_ascii_end();
    let key = label.start..label.start + words.len();
    if !is_label(words) {
        return None;
    }
    wanted(words).map(|class| (key, class))
}

/// Words that may be a label: letters and blanks, a dot or a dash.
fn is_label(words: &[u8]) -> bool {
    words.len() <= LABEL_MAX
        && words.first().is_some_and(u8::is_ascii_alphabetic)
        && words
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b' ' | b'-' | b'.'))
}

/// The longest label an element's text is read as.
const LABEL_MAX: usize = 32;
/// How far after a label's element its value is looked for.
const LABEL_REACH: usize = 256;

/// `<strong>Phone:</strong> 0612 345 678`, `<th>Email</th><td>…</td>`,
/// `<dt>Name</dt>` then `<dd>…</dd>` on the next line: an element whose
/// text is a label, and the value the first text after it, past tags and
/// blanks and one line end at most. `after` is where the label's closing
/// tag ends.
fn label_then_value<T>(
    text: &[u8],
    label: Range<usize>,
    after: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    let mut words = &text[label.clone()];
    words = words.strip_suffix(b":").unwrap_or(words).trim_ascii_end();
    if !is_label(words) {
        return;
    }
    let key = label.start..label.start + words.len();
    let Some(class) = wanted(&text[key.clone()]) else {
        return;
    };
    let reach = (after + LABEL_REACH).min(text.len());
    let mut i = after;
    let mut line_ends = 0;
    while i < reach {
        match text[i] {
            b'\n' if line_ends == 0 => line_ends += 1,
            b' ' | b'\t' | b'\r' => {}
            b'<' => match memchr::memchr2(b'>', b'\n', &text[i..reach]) {
                Some(gt) if text[i + gt] == b'>' => i += gt,
                _ => return,
            },
            _ => break,
        }
        i += 1;
    }
    let end = memchr::memchr2(b'<', b'\n', &text[i..reach]).map_or(reach, |p| i + p);
    let value = crate::redact::values::trimmed(text, i..end);
    // A value the reach cut short is no value.
    if !value.is_empty() && (end < reach || reach == text.len()) {
        f(quoted_pair(key, value, b'"'), class);
    }
}

/// The opening tag of the element holding the `<name>` that opens at `lt`,
/// past the sibling `<name>` elements before it (a list's items), each on
/// its line or all on one.
fn parent_tag(text: &[u8], mut lt: usize, name: &[u8]) -> Option<Range<usize>> {
    const SIBLINGS_MAX: usize = 8;
    for _ in 0..=SIBLINGS_MAX {
        let gt = text[..lt].trim_ascii_end().len().checked_sub(1)?;
        if text[gt] != b'>' || lt - gt > 64 {
            return None;
        }
        let open = memchr::memrchr2(b'<', b'\n', &text[gt.saturating_sub(256)..gt])
            .map(|p| gt.saturating_sub(256) + p)
            .filter(|&p| text[p] == b'<')?;
        let tag = &text[open + 1..gt];
        match tag.strip_prefix(b"/") {
            // A sibling before: go on before its opening tag.
            Some(closed) if closed == name => {
                lt = opening_tag(text, open, name)?.start;
            }
            Some(_) => return None,
            None if tag.ends_with(b"/") || tag.starts_with(b"!") || tag.starts_with(b"?") => {
                return None;
            }
            None => return Some(open..gt + 1),
        }
    }
    None
}

/// The text of the element that opens right after `after`, past blanks and
/// one line end: `<string>…</string>` after a property list's `<key>`.
fn next_element_text(text: &[u8], after: usize) -> Option<Range<usize>> {
    let reach = (after + LABEL_REACH).min(text.len());
    let mut i = after;
    let mut line_ends = 0;
    while i < reach && matches!(text[i], b' ' | b'\t' | b'\r' | b'\n') {
        line_ends += usize::from(text[i] == b'\n');
        i += 1;
    }
    if line_ends > 1 || text.get(i) != Some(&b'<') {
        return None;
    }
    let gt = i + memchr::memchr2(b'>', b'\n', &text[i..reach])?;
    let tag_name = &text[i + 1..gt];
    if text[gt] != b'>' || tag_name.is_empty() || !tag_name.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = gt + 1 + memchr::memchr2(b'<', b'\n', &text[gt + 1..reach])?;
    (text[end] == b'<'
        && text[end + 1..].starts_with(b"/")
        && text[end + 2..].starts_with(tag_name))
    .then(|| element_text(text, gt + 1..end))
    .flatten()
}

/// Where the text of the element closed at `close` starts: after its opening tag.
fn opening_tag_end(text: &[u8], close: usize, name: &[u8]) -> Option<usize> {
    opening_tag(text, close, name).map(|tag| tag.end)
}

/// The nearest `<name>` or `<name …>` before `close`, on its line or, when
/// the value sits on a line of its own, on the line before that.
fn opening_tag(text: &[u8], close: usize, name: &[u8]) -> Option<Range<usize>> {
    let line_start = memchr::memrchr(b'\n', &text[..close]).map_or(0, |p| p + 1);
    let floor = if text[line_start..close].trim_ascii().is_empty() && line_start > 0 {
        // `</password>` opens its line: look two lines up.
        let mut floor = line_start - 1;
        for _ in 0..2 {
            floor = memchr::memrchr(b'\n', &text[..floor]).map_or(0, |p| p);
        }
        floor
    } else {
        line_start
    };
    // The nearest `<` that opens this name: usually the first one back, or
    // the one before a CDATA section.
    let lt = memchr::memrchr_iter(b'<', &text[floor..close])
        .map(|p| floor + p)
        .find(|&lt| {
            text[lt + 1..close].starts_with(name)
                && matches!(text.get(lt + 1 + name.len()), Some(b'>' | b' ' | b'\t'))
        })?;
    let after = lt + 1 + name.len();
    let gt = after + memchr::memchr(b'>', &text[after..close])?;
    Some(lt..gt + 1)
}

/// The text of an element: trimmed, out of its CDATA section, on one line.
fn element_text(text: &[u8], inner: Range<usize>) -> Option<Range<usize>> {
    let raw = &text[inner.clone()];
    if raw.trim_ascii().is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_ascii_start().len();
    let trail = raw.len() - raw.trim_ascii_end().len();
    let (mut s, mut e) = (inner.start + lead, inner.end - trail);
    if text[s..e].starts_with(b"<![CDATA[") && text[s..e].ends_with(b"]]>") {
        s += 9;
        e -= 3;
    }
    (s < e && !text[s..e].contains(&b'\n') && !text[s..e].contains(&b'<')).then_some(s..e)
}

/// The text of the `<prefix meta_key>` element closest before `value_start`.
fn sibling_key(text: &[u8], value_start: usize, prefix: &[u8]) -> Option<Range<usize>> {
    let floor = value_start.saturating_sub(SIBLING_REACH);
    let mut closing = prefix.to_vec();
    closing.splice(0..0, *b"</");
    closing.extend_from_slice(b"meta_key>");
    let close = floor + memchr::memmem::rfind(&text[floor..value_start], &closing)?;
    let start = opening_tag_end(text, close, &closing[2..closing.len() - 1])?;
    element_text(text, start..close)
}

/// The tag around `value=` at `at`: its name attribute (`name`, `key`, `id`)
/// gives the key, its value attribute the value.
fn attributes<T>(
    text: &[u8],
    at: usize,
    wanted: &mut impl FnMut(&[u8]) -> Option<T>,
    f: &mut impl FnMut(Pair, T),
) {
    // `value=` is an attribute only after a space inside a tag.
    if at == 0 || !matches!(text[at - 1], b' ' | b'\t' | b'\n') {
        return;
    }
    let floor = at.saturating_sub(1024);
    let Some(lt) = memchr::memrchr(b'<', &text[floor..at]).map(|p| floor + p) else {
        return;
    };
    if memchr::memchr(b'>', &text[lt..at]).is_some() {
        return;
    }
    let ceiling = (at + 2048).min(text.len());
    let Some(gt) = memchr::memchr(b'>', &text[at..ceiling]).map(|p| at + p) else {
        return;
    };
    let tag = lt..gt;
    let Some(value) = attribute(text, tag.clone(), b"value") else {
        return;
    };
    for name in [b"name".as_slice(), b"key", b"id"] {
        if let Some((key, _)) = attribute(text, tag.clone(), name) {
            if let Some(class) = wanted(&text[key.clone()]) {
                f(quoted_pair(key, value.0, value.1), class);
            }
            return;
        }
    }
}

/// The value of attribute `name` in the tag spanning `tag`, and its quote (a
/// value HTML left unquoted is as whole, and reads as double-quoted).
fn attribute(text: &[u8], tag: Range<usize>, name: &[u8]) -> Option<(Range<usize>, u8)> {
    let body = &text[tag.clone()];
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&body[from..], name).map(|p| from + p) {
        from = p + name.len();
        let before_ok = p > 0 && matches!(body[p - 1], b' ' | b'\t' | b'\n');
        let mut i = p + name.len();
        while body.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            i += 1;
        }
        if !before_ok || body.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while body.get(i).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            i += 1;
        }
        let q = *body.get(i)?;
        if q != b'"' && q != b'\'' {
            // HTML lets a value without blanks or quotes go unquoted
            // (`value=Nanami name=billing_first_name`): up to a blank or
            // the tag's end, a closing `/` not its own.
            let len = body[i..]
                .iter()
                .take_while(|b| {
                    !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b'`' | b'<' | b'=')
                })
                .count();
            let len = if i + len == body.len() && body[i..i + len].ends_with(b"/") {
                len - 1
            } else {
                len
            };
            return (len > 0).then(|| (tag.start + i..tag.start + i + len, b'"'));
        }
        let end = memchr::memchr(q, &body[i + 1..])? + i + 1;
        let start = tag.start + i + 1;
        return Some((start..tag.start + end, q));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &str) -> Vec<(String, String)> {
        super::super::pairs_read(s, |lines, anchors, push| {
            markup_pairs(lines.text, anchors, &mut |_| Some(()), &mut |p, ()| push(p));
        })
    }

    /// The pairs whose key is one of `names`, in any case.
    fn pairs_named(s: &str, names: &[&str]) -> Vec<(String, String)> {
        super::super::pairs_read(s, |lines, anchors, push| {
            let mut wanted = |key: &[u8]| {
                let key = String::from_utf8_lossy(key).to_lowercase();
                names.contains(&key.as_str()).then_some(())
            };
            markup_pairs(lines.text, anchors, &mut wanted, &mut |p, ()| push(p));
        })
    }

    fn pair(key: &str, value: &str) -> (String, String) {
        (key.into(), value.into())
    }

    #[test]
    fn an_element_holding_only_blanks_has_no_text() {
        for text in [
            "<tests>\n  <noncompliant>\n  </noncompliant>\n</tests>\n",
            "<password> </password>",
            "<password>\n\t\n</password>",
        ] {
            assert_eq!(pairs(text), [], "{text:?}");
        }
    }

    #[test]
    fn elements_named_by_their_attributes() {
        let names = [
            "phone",
            "billing-phone",
            "telephone",
            "contact phone",
            "customer_name",
        ];
        assert_eq!(
            pairs_named(r#"<p class="shop-details--phone">612 334 455</p>"#, &names),
            [pair("phone", "612 334 455")]
        );
        assert_eq!(
            pairs_named(
                r#"<td class="cell billing-phone" data-x="1">612334455</td>"#,
                &names
            ),
            [pair("billing-phone", "612334455")]
        );
        assert_eq!(
            pairs_named(
                r#"<span itemprop="telephone">+1 415 555 0188</span>"#,
                &names
            ),
            [pair("telephone", "+1 415 555 0188")]
        );
        assert_eq!(
            pairs_named(r#"<dd class="order__customer_name">Oona Kask</dd>"#, &names),
            [pair("customer_name", "Oona Kask")]
        );
        assert_eq!(
            pairs_named("<div id=\"customer_name\">\n  Oona Kask\n</div>", &names),
            [pair("customer_name", "Oona Kask")]
        );
        // Classes that name nothing wanted, and an element holding markup.
        assert!(pairs_named(r#"<span class="phone-icon">Call us</span>"#, &names).is_empty());
        assert!(
            pairs_named(r#"<p class="phone"><a href="/x">612334455</a></p>"#, &names)
                .iter()
                .all(|(k, _)| k != "phone")
        );
    }

    #[test]
    fn a_label_in_an_element_then_its_value() {
        let names = ["phone", "email address", "billing name", "telefon"];
        assert_eq!(
            pairs_named(
                r#"<li><strong>Phone:</strong> <span class="text">0612 334 455</span></li>"#,
                &names
            ),
            [pair("Phone", "0612 334 455")]
        );
        assert_eq!(
            pairs_named(
                "<tr><th>Email address</th><td>oona@example.ee</td></tr>",
                &names
            ),
            [pair("Email address", "oona@example.ee")]
        );
        assert_eq!(
            pairs_named("<dt>Telefon</dt>\n<dd>030 1234 5678</dd>", &names),
            [pair("Telefon", "030 1234 5678")]
        );
        assert_eq!(
            pairs_named("<b>Telefon:</b> 030 1234 5678", &names),
            [pair("Telefon", "030 1234 5678")]
        );
        assert_eq!(
            pairs_named("<p>Billing name: <strong>Oona Kask</strong></p>", &names),
            [pair("Billing name", "Oona Kask")]
        );
        // A label with no value after it on its line or the next; prose.
        assert!(pairs_named("<th>Phone</th>\n\n<td>612334455</td>", &names).is_empty());
        assert!(
            pairs_named("<p>Call our phone line: <b>soon</b></p>", &names)
                .iter()
                .all(|(k, _)| k == "phone")
        );
        assert!(pairs_named("<h2>Phone numbers we support</h2>\n<p>Most.</p>", &names).is_empty());
    }

    #[test]
    fn elements_inline_on_their_own_line_and_in_cdata() {
        assert_eq!(
            pairs("<firstName>Ana</firstName>"),
            [("firstName".into(), "Ana".into())]
        );
        assert_eq!(
            pairs("<config>\n  <password>\n    s3cr3t-Pw\n  </password>\n</config>"),
            [("password".into(), "s3cr3t-Pw".into())]
        );
        assert_eq!(
            pairs("<billing_phone><![CDATA[+44 20 7946 0958]]></billing_phone>"),
            [("billing_phone".into(), "+44 20 7946 0958".into())]
        );
        assert!(
            pairs("<p>one</p>\n<b>two</b>")
                .iter()
                .all(|(k, _)| k != "password")
        );
    }

    #[test]
    fn wordpress_export_meta_is_keyed_by_its_sibling() {
        let wxr = "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_billing_first_name]]></wp:meta_key>\n\t\t\t<wp:meta_value><![CDATA[Ana]]></wp:meta_value>\n\t\t</wp:postmeta>\n";
        assert!(pairs(wxr).contains(&("_billing_first_name".into(), "Ana".into())));
    }

    #[test]
    fn attributes_in_any_order_and_either_quote() {
        assert_eq!(
            pairs(
                r#"<input type="tel" class="input-text" value="07700 900123" name="billing_phone" id="billing_phone">"#
            ),
            [("billing_phone".into(), "07700 900123".into())]
        );
        assert_eq!(
            pairs("<add key='Password' value='Xk9-pw-Lq2'/>"),
            [("Password".into(), "Xk9-pw-Lq2".into())]
        );
        // Values and names HTML leaves unquoted.
        assert_eq!(
            pairs("<input type=text value=Wiebke name=billing_first_name>"),
            [("billing_first_name".into(), "Wiebke".into())]
        );
        assert_eq!(
            pairs("<input value=0612345678 class=\"input-text\" name='billing_phone'/>"),
            [("billing_phone".into(), "0612345678".into())]
        );
        let option = pairs(r#"<option value="GB">United Kingdom</option>"#);
        assert!(option.iter().all(|(_, v)| v != "GB"), "{option:?}");
        assert!(pairs(r#"a value="x" outside a tag>"#).is_empty());
    }
}
