//! What a report holds. Every text that came from the session is a
//! [`Clean`]; plain `String`s hold only what the runbook and the machine say
//! (ids, labels, titles, check reasons), never what the operator typed.

use std::collections::BTreeMap;

use crate::machine::clean::{Clean, CleanKept, KeptValues};
use crate::machine::{CheckResult, Source, Stamp, State};
use crate::redact::Category;

/// The report of one session, ready to render in any [`super::Format`].
#[derive(Debug, Clone)]
pub struct Report {
    pub session: String,
    pub runbook: String,
    pub runbook_title: String,
    pub state: State,
    /// The session is not finished: the report is a draft.
    pub draft: bool,
    pub started: Stamp,
    pub generated: Stamp,
    pub operator: Clean,
    pub summary: Summary,
    pub error: Option<ErrorSection>,
    pub purchase: Option<Clean>,
    /// Empty when the runbook has no environment fields.
    pub environment: Vec<EnvRow>,
    /// Numbered reproduction steps, one per non-empty line.
    pub reproduction: Vec<Clean>,
    pub evidence: Vec<EvidenceBlock>,
    /// The other fields, by step, under the step's title.
    pub sections: Vec<Section>,
    /// The runbook's confirmations in the steps that apply, ticked or not.
    pub confirmations: Vec<Confirmation>,
    pub timeline: Vec<Entry>,
    pub checks: Vec<CheckResult>,
    pub pass: bool,
    pub missing: Vec<String>,
    pub todo: Vec<String>,
    pub escalation: Route,
    pub redaction: RedactionSummary,
    /// System Status Reports and Site Health info found in the evidence.
    pub imported: Vec<ImportNote>,
    /// For the leak gate only: never rendered.
    pub(super) kept_values: KeptValues,
}

impl Report {
    pub fn verdict(&self) -> &'static str {
        if self.pass { "PASS" } else { "FAIL" }
    }

    /// The values the operator kept, for [`super::gate`] on another text
    /// made from this report. Opaque: they cannot be printed.
    pub fn kept(&self) -> &KeptValues {
        &self.kept_values
    }
}

/// The pieces of the one-line summary.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The request type, as answered.
    pub kind: Option<Clean>,
    /// The first line of the error (or of the runbook's first text field).
    pub headline: Option<Clean>,
    pub screen: Option<Clean>,
    /// (component, version) for the versions given.
    pub versions: Vec<(String, Clean)>,
}

#[derive(Debug, Clone)]
pub struct ErrorSection {
    /// Exactly as written, redacted.
    pub message: Option<Clean>,
    pub amendments: Vec<Amendment>,
    pub when: Option<When>,
    pub screen: Option<Clean>,
    pub user: Option<Clean>,
}

/// A later correction of the preserved error; the original stays above it.
#[derive(Debug, Clone)]
pub struct Amendment {
    pub number: usize,
    pub at: Option<Stamp>,
    pub text: Clean,
}

/// When the error happened.
#[derive(Debug, Clone)]
pub struct When {
    /// The value as stored (RFC 3339), redacted like every value.
    pub text: Clean,
    /// The same moment, when it reads as a timestamp.
    pub at: Option<Stamp>,
    pub source: Source,
}

impl When {
    /// Whether the operator gave or confirmed it (not only the capture time).
    pub fn confirmed(&self) -> bool {
        self.source != Source::CaptureTime
    }
}

#[derive(Debug, Clone)]
pub struct EnvRow {
    pub field: String,
    /// SophMate, WordPress, WooCommerce, PHP, Hosting, AI provider.
    pub component: String,
    pub value: Option<Clean>,
}

/// Lines of a long text: all of them, or the first and last with the count
/// of those left out between.
#[derive(Debug, Clone)]
pub struct Excerpt {
    pub head: Clean,
    pub omitted: usize,
    pub tail: Clean,
    pub total: usize,
}

impl Excerpt {
    pub fn is_trimmed(&self) -> bool {
        self.omitted > 0
    }
}

#[derive(Debug, Clone)]
pub struct EvidenceBlock {
    pub field: String,
    pub label: String,
    /// The file's name, for attached files.
    pub name: Option<Clean>,
    pub text: Excerpt,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub step: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub field: String,
    pub label: String,
    /// The amendment's number, for an amendment of the field.
    pub amendment: Option<usize>,
    pub value: ItemValue,
}

#[derive(Debug, Clone)]
pub enum ItemValue {
    Line(Clean),
    /// A timestamp field: as stored, and the moment it names.
    Time(Clean, Stamp),
    Block(Excerpt),
}

#[derive(Debug, Clone)]
pub struct Confirmation {
    pub id: String,
    pub label: String,
    /// When it was ticked, if it still is.
    pub at: Option<Stamp>,
}

/// One timeline event: when (the operator's local time with its offset), who, what.
#[derive(Debug, Clone)]
pub struct Entry {
    pub at: Stamp,
    pub operator: Clean,
    /// The kind of event, in words: `started`, `answered`, ...
    pub event: &'static str,
    /// What it concerned, from the runbook (a field id, a step title).
    pub subject: String,
    /// The operator's own words, when the event has some (a note, a reason).
    pub detail: Option<Clean>,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub id: String,
    pub title: String,
    /// How to hand the request over, from the runbook.
    pub how: Option<String>,
    /// Who or where exactly, from the site settings, when set.
    pub contact: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Route {
    pub target: Target,
    /// Where the request goes after internal operations.
    pub then: Option<Target>,
    pub provider: Option<String>,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RedactionSummary {
    /// Findings per category (every category listed, zero included).
    pub counts: BTreeMap<Category, usize>,
    /// Distinct values per category.
    pub distinct: BTreeMap<Category, usize>,
    pub kept: Vec<CleanKept>,
    /// Terms the operator always redacts (how many, never which).
    pub terms: usize,
    /// What the strict re-scan of the parts still finds.
    pub strict_findings: usize,
}

/// A System Status Report or Site Health info found in the evidence.
#[derive(Debug, Clone)]
pub struct ImportNote {
    /// Where it was found: the field, and the file's name for a file.
    pub field: String,
    pub name: Option<Clean>,
    /// What was read: (what, value, where) — versions and times only.
    pub values: Vec<(String, String, String)>,
    pub flags: Vec<String>,
}
