//! Logins in XML-RPC calls (`xmlrpc.php` bodies in access-log captures and
//! brute-force samples). WordPress's methods take the user name and the
//! password as plain parameters, at a place the method fixes:
//! `wp.getUsersBlogs(user, password)`, `wp.getPosts(blog, user, password, …)`,
//! `blogger.getPost(appkey, post, user, password)`; `system.multicall` nests
//! the same calls as structs.

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::is_non_value;

/// How far after a method name its parameters may run.
const CALL_REACH: usize = 4096;

/// `gated`: the lines holding `methodName`.
pub(crate) fn passwords(text: &[u8], gated: &[Range<usize>], out: &mut Vec<Candidate>) {
    let finder = memchr::memmem::Finder::new(b"methodName");
    for line in gated {
        for p in finder.find_iter(&text[line.clone()]) {
            let at = line.start + p;
            let Some((name, after)) = method_name(text, at) else {
                continue;
            };
            let Some(index) = password_param(&text[name]) else {
                continue;
            };
            let params = leaf_values(text, after, index + 1);
            let (Some(user), Some(pass)) = (params.get(index - 1), params.get(index)) else {
                continue;
            };
            let value = &text[pass.range.clone()];
            if user.string && pass.string && !user.range.is_empty() && !is_non_value(value) {
                out.push(Candidate::new(
                    pass.range.start,
                    pass.range.end,
                    Kind::Password,
                    "xmlrpc-password",
                    Priority::Structural,
                ));
            }
        }
    }
}

/// The method named at `at` (the `methodName` of `<methodName>wp.x</methodName>`,
/// or of a multicall's `<name>methodName</name><value><string>wp.x</string>`),
/// and where its parameters may start.
fn method_name(text: &[u8], at: usize) -> Option<(Range<usize>, usize)> {
    let before = at.checked_sub(1).map(|i| text[i]);
    let after = at + b"methodName".len();
    if before == Some(b'<') && text.get(after) == Some(&b'>') {
        let start = after + 1;
        let len = memchr::memchr(b'<', &text[start..(start + 128).min(text.len())])?;
        // Parameters follow the closing tag, which names the method too.
        let close = start + len + b"</methodName>".len();
        return Some((start..start + len, close.min(text.len())));
    }
    if at >= 6 && &text[at - 6..at] == b"<name>" && text[after..].starts_with(b"</name>") {
        let v = leaf_values(text, after, 1).into_iter().next()?;
        return Some((v.range.clone(), v.range.end));
    }
    None
}

/// Where the password sits among a method's parameters, counted from 0.
fn password_param(method: &[u8]) -> Option<usize> {
    let m = std::str::from_utf8(method).ok()?.trim();
    match m {
        "wp.getUsersBlogs" => Some(1),
        "blogger.getUsersBlogs" | "blogger.getUserInfo" => Some(2),
        _ if m.starts_with("blogger.") => Some(3),
        _ if m.starts_with("wp.") || m.starts_with("metaWeblog.") || m.starts_with("mt.") => {
            Some(2)
        }
        _ => None,
    }
}

struct Leaf {
    range: Range<usize>,
    /// A `<string>` or an untyped value (a string by the XML-RPC spec).
    string: bool,
}

/// The first `n` values that hold text rather than an array or a struct,
/// in order, from `from` up to the end of the call or the next method.
fn leaf_values(text: &[u8], from: usize, n: usize) -> Vec<Leaf> {
    let end = (from + CALL_REACH).min(text.len());
    let mut out = Vec::new();
    let mut pos = from;
    while out.len() < n {
        let window = &text[pos..end];
        let Some(v) = memchr::memmem::find(window, b"<value>") else {
            break;
        };
        // The next call begins: this one had fewer parameters.
        if memchr::memmem::find(&window[..v], b"methodName").is_some()
            || memchr::memmem::find(&window[..v], b"</methodCall>").is_some()
        {
            break;
        }
        let mut i = pos + v + b"<value>".len();
        while i < end && text[i].is_ascii_whitespace() {
            i += 1;
        }
        let (start, string) = if text[i..end].starts_with(b"<") {
            let close = i + memchr::memchr(b'>', &text[i..end]).unwrap_or(end - i);
            let tag = &text[i + 1..close];
            if matches!(tag, b"array" | b"struct" | b"data") {
                pos = close;
                continue;
            }
            (close + 1, tag == b"string")
        } else {
            (i, true)
        };
        let Some(len) = memchr::memchr(b'<', &text[start.min(end)..end]) else {
            break;
        };
        let range = start..start + len;
        if text[range.clone()].contains(&b'\n') {
            break;
        }
        pos = range.end;
        out.push(Leaf { range, string });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(xml: &str) -> Vec<String> {
        let lines: Vec<Range<usize>> = {
            let mut v = Vec::new();
            let mut s = 0;
            for l in xml.split('\n') {
                if l.contains("methodName") {
                    v.push(s..s + l.len());
                }
                s += l.len() + 1;
            }
            v
        };
        let mut out = Vec::new();
        passwords(xml.as_bytes(), &lines, &mut out);
        out.iter()
            .map(|c| xml[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn password_by_method() {
        let two = "<?xml version=\"1.0\"?>\n<methodCall><methodName>wp.getUsersBlogs</methodName><params>\n<param><value><string>editor</string></value></param>\n<param><value><string>Tr0ub4dor&amp;3</string></value></param>\n</params></methodCall>";
        assert_eq!(found(two), ["Tr0ub4dor&amp;3"]);
        let three = "<methodCall>\n  <methodName>wp.getPosts</methodName>\n  <params>\n    <param><value><int>1</int></value></param>\n    <param><value>editor</value></param>\n    <param><value><string>q9-Lx!vb</string></value></param>\n    <param><value><struct><member><name>number</name><value><int>5</int></value></member></struct></value></param>\n  </params>\n</methodCall>";
        assert_eq!(found(three), ["q9-Lx!vb"]);
        let blogger = "<methodCall><methodName>blogger.getPost</methodName><params><param><value><string>0123ABCD</string></value></param><param><value><string>77</string></value></param><param><value><string>editor</string></value></param><param><value><string>s3cr3t-Pass</string></value></param></params></methodCall>";
        assert_eq!(found(blogger), ["s3cr3t-Pass"]);
    }

    #[test]
    fn multicall_logins() {
        let multi = "<methodCall><methodName>system.multicall</methodName><params><param><value><array><data>\n<value><struct><member><name>methodName</name><value><string>wp.getUsersBlogs</string></value></member><member><name>params</name><value><array><data><value><array><data><value><string>admin</string></value><value><string>letmein2024</string></value></data></array></value></data></array></value></member></struct></value>\n</data></array></value></param></params></methodCall>";
        assert_eq!(found(multi), ["letmein2024"]);
    }

    #[test]
    fn calls_without_a_login() {
        let ping = "<methodCall><methodName>pingback.ping</methodName><params><param><value><string>https://a.example/p</string></value></param><param><value><string>https://b.example/q</string></value></param></params></methodCall>";
        assert!(found(ping).is_empty());
        let list = "<methodCall><methodName>system.listMethods</methodName></methodCall>";
        assert!(found(list).is_empty());
        // Fewer parameters than the method takes: nothing is guessed.
        let short = "<methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>admin</string></value></param></params></methodCall>";
        assert!(found(short).is_empty());
    }
}
