//! Terms the operator always redacts (a shop's name, an internal host): found
//! in any case, by Unicode case folding, wherever they sit, even inside a word.

use regex::bytes::{Regex, RegexBuilder};

use crate::redact::Kind;
use crate::redact::scan::{Candidate, Priority};

#[derive(Default)]
pub(crate) struct Terms {
    /// As first given, for [`Terms::iter`].
    terms: Vec<Vec<u8>>,
    /// Every term, case-insensitive, longest first so a term inside another
    /// does not cut it short.
    matcher: Option<Regex>,
}

/// How big the compiled matcher may grow: thousands of terms, not a runaway.
const MATCHER_SIZE_LIMIT: usize = 64 << 20;

fn folded(term: &str) -> String {
    term.to_lowercase()
}

/// Whether two terms are one, as the engine matches them: in any case.
pub fn same_term(a: &str, b: &str) -> bool {
    folded(a.trim()) == folded(b.trim())
}

impl Terms {
    /// Adds a term; false when it is empty or already there in any case.
    pub fn add(&mut self, term: &str) -> bool {
        let term = term.trim();
        if term.is_empty() || self.contains(term) {
            return false;
        }
        self.terms.push(term.as_bytes().to_vec());
        let mut sorted: Vec<String> = self
            .terms
            .iter()
            .map(|t| regex::escape(&String::from_utf8_lossy(t)))
            .collect();
        sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
        self.matcher = RegexBuilder::new(&sorted.join("|"))
            .case_insensitive(true)
            .size_limit(MATCHER_SIZE_LIMIT)
            .build()
            .ok();
        true
    }

    pub fn contains(&self, term: &str) -> bool {
        self.terms
            .iter()
            .any(|t| same_term(&String::from_utf8_lossy(t), term))
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.terms.iter().map(Vec::as_slice)
    }

    pub fn find(&self, text: &[u8], out: &mut Vec<Candidate>) {
        let Some(matcher) = &self.matcher else {
            return;
        };
        for m in matcher.find_iter(text) {
            // Every spelling of a term is one value: one placeholder.
            let mut c = Candidate::new(
                m.start(),
                m.end(),
                Kind::Custom,
                "custom-term",
                Priority::Known,
            );
            c.identity = Some(folded(&String::from_utf8_lossy(m.as_bytes())).into_bytes());
            // The operator named this span exactly: over a rule's guess inside
            // it (a shop's name read as a person's), the term stands.
            c.delimited = true;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(terms: &Terms, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms.find(text.as_bytes(), &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn terms_match_in_any_case_with_unicode_folding() {
        let mut terms = Terms::default();
        assert!(terms.add("blueheron"));
        assert!(terms.add("Ödeme Mağaza"));
        assert!(
            !terms.add("BLUEHERON"),
            "the same term in another case is not added twice"
        );
        assert!(!terms.add("  "));
        assert_eq!(
            found(
                &terms,
                "BLUEHERON and BlueHeron, in blueheron.example; ÖDEME MAĞAZA"
            ),
            ["BLUEHERON", "BlueHeron", "blueheron", "ÖDEME MAĞAZA"]
        );
        assert!(found(&terms, "blue heron").is_empty());
    }

    #[test]
    fn a_longer_term_wins_over_one_inside_it() {
        let mut terms = Terms::default();
        terms.add("acme");
        terms.add("acme-internal.lan");
        assert_eq!(
            found(&terms, "ssh ACME-internal.lan"),
            ["ACME-internal.lan"]
        );
    }

    #[test]
    fn terms_are_taken_literally() {
        let mut terms = Terms::default();
        terms.add("a.b*c");
        assert_eq!(found(&terms, "axb*c a.b*c"), ["a.b*c"]);
    }
}
