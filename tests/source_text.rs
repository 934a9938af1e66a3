//! The support-context runbook carries its whole source text: every sentence of
//! `../shared/source/support-context.txt` is in the runbook, word for word.

use std::path::PathBuf;

use runbook::runbook::Library;

/// Every text the runbook shows, joined: titles, guidance, checklists,
/// mistakes, criteria, reasons.
fn runbook_texts() -> String {
    let lib = Library::builtin().unwrap();
    let rb = &lib.get("support-context").unwrap().runbook;
    let mut out = vec![rb.title.clone(), rb.owner.clone()];
    out.extend(rb.summary.iter().cloned());
    out.extend(rb.cadence.iter().cloned());
    out.extend(rb.escalate_when.iter().cloned());
    for s in &rb.steps {
        out.push(s.title.clone());
        out.extend(
            s.guidance
                .iter()
                .chain(&s.checklist)
                .chain(&s.mistakes)
                .cloned(),
        );
    }
    out.extend(rb.checks.iter().filter_map(|c| c.criterion.clone()));
    out.extend(rb.related.iter().map(|r| r.why.clone()));
    out.join("\n")
}

#[test]
fn every_sentence_of_the_source_lives_in_the_runbook() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/source/support-context.txt");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the source text is kept beside the repository)",
            path.display()
        )
    });
    let texts = runbook_texts();
    // Section headings name where a sentence goes; the sentences are what the operator reads.
    let headings = [
        "Support context",
        "Redaction rules",
        "Request path",
        "Owner and cadence",
        "Production checklist",
        "Acceptance checks",
        "Common mistakes",
        "Related operations",
    ];
    let mut missing = Vec::new();
    for line in source
        .lines()
        .map(|l| l.trim().trim_start_matches("- ").trim())
    {
        if line.is_empty() || headings.contains(&line) {
            continue;
        }
        for sentence in line.split_inclusive(". ").map(str::trim) {
            if !texts.contains(sentence) {
                missing.push(sentence);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the runbook:\n{}",
        missing.join("\n")
    );
    for h in [
        "Support context",
        "Redaction rules",
        "Request path",
        "Acceptance checks",
    ] {
        assert!(texts.contains(h), "{h}");
    }
}

#[test]
fn every_related_operation_is_a_runbook_with_owner_and_cadence() {
    let lib = Library::builtin().unwrap();
    let rb = &lib.get("support-context").unwrap().runbook;
    assert_eq!(rb.related.len(), 8);
    for r in &rb.related {
        let other = &lib
            .get(&r.runbook)
            .unwrap_or_else(|| panic!("{}", r.runbook))
            .runbook;
        assert!(
            !other.owner.is_empty() && !other.cadence.is_empty(),
            "{}",
            other.id
        );
        assert!(
            !other.steps.is_empty() && !other.checks.is_empty(),
            "{}",
            other.id
        );
    }
}
