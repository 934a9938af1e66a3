//! Readers: each turns one syntax into (field, value) pairs for the field
//! vocabulary to judge — `key: value` and `key=value` in every assignment
//! syntax, tables with a header, SQL with the built-in schemas, markup
//! (XML, HTML forms, WXR), and what a command printed.

pub(super) mod columns;
pub(super) mod command_output;
pub(super) mod markup;
pub(super) mod pairs;
pub(super) mod parallel;
pub(super) mod prose_quoted;
pub(super) mod syntaxes;

/// The (key, value) pairs `read` finds in `s`, every key wanted, as text:
/// what the readers' tests compare.
#[cfg(test)]
fn pairs_read(
    s: &str,
    read: impl FnOnce(
        &crate::redact::scan::Lines<'_>,
        syntaxes::Anchors<'_>,
        &mut dyn FnMut(pairs::Pair),
    ),
) -> Vec<(String, String)> {
    let lines = crate::redact::scan::Lines::new(s.as_bytes());
    let hits = crate::redact::anchors_found_by_the_gate(&lines);
    let mut out = Vec::new();
    read(&lines, syntaxes::Anchors(&hits), &mut |p| {
        out.push((s[p.key].to_string(), s[p.value].to_string()));
    });
    out
}
