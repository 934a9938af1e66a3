//! The runbook as data: what a YAML file may say. Every struct refuses unknown
//! keys, so a typo in a gate is an error rather than a gate that silently vanishes.

use serde::Deserialize;

/// The runbook format this program reads. A later format bumps it and says
/// how older files are migrated.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Runbook {
    /// Format version: [`SCHEMA_VERSION`].
    pub schema: u32,
    pub id: String,
    pub title: String,
    /// What the runbook is for, in the words of its source.
    pub summary: Vec<String>,
    /// Who answers for the runbook and its evidence.
    pub owner: String,
    /// When the runbook is walked and reviewed.
    pub cadence: Vec<String>,
    /// When to escalate, in words (the routes below make it computable).
    #[serde(default)]
    pub escalate_when: Vec<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub checks: Vec<Check>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default)]
    pub related: Vec<Related>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines, kept as written.
    Multiline,
    /// Digits and dots, with an optional suffix (`8.2.12-1+ubuntu22.04.1`).
    Version,
    /// A moment with its UTC offset, stored as RFC 3339.
    Timestamp,
    /// One of `choices`.
    Choice,
    /// `yes` or `no`.
    YesNo,
    /// Files read into the session as evidence.
    Paths,
    /// A whole number.
    Number,
}

impl FieldType {
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Multiline => "multiline",
            FieldType::Version => "version",
            FieldType::Timestamp => "timestamp",
            FieldType::Choice => "choice",
            FieldType::YesNo => "yes_no",
            FieldType::Paths => "paths",
            FieldType::Number => "number",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
    /// Required whenever its step applies.
    #[serde(default)]
    pub required: bool,
    /// Required only while this holds (and its step applies).
    #[serde(default)]
    pub required_when: Option<Condition>,
    /// For `choice` fields.
    #[serde(default)]
    pub choices: Vec<String>,
    /// The value before the operator gives one, as text.
    #[serde(default)]
    pub default: Option<String>,
    /// Multi-line fields: at least this many non-empty lines.
    #[serde(default)]
    pub min_lines: Option<usize>,
    /// Text fields: a regex the value must match, and what to tell the operator when it does not.
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_hint: Option<String>,
    /// Numbers: bounds.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    /// Once this other field has an answer, edits to this one become amendments
    /// and the original stays (the preserved error after a retry).
    #[serde(default)]
    pub amend_after: Option<String>,
    /// Timestamps: pre-fill from a timestamp found in this field's text, else
    /// from the capture time, marked unconfirmed.
    #[serde(default)]
    pub prefill_from: Option<String>,
    /// Whether the value goes into the report (through redaction). Default yes.
    #[serde(default = "yes")]
    pub export: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Preserve what is about to be lost (the error, before any retry).
    Preserve,
    /// Questions that decide the path (request type, impact).
    Triage,
    /// A gated action such as a retry.
    Action,
    /// Plain form fields.
    Form,
    /// Evidence: pasted logs and files.
    Evidence,
    /// Review the redacted evidence beside the original.
    Redaction,
    /// Impact questions.
    Impact,
    /// A checklist to work through and confirm.
    Checklist,
    /// The acceptance checks.
    Checks,
    /// The verdict and where the request goes.
    Verdict,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub title: String,
    /// What the operator needs to know here, in the source's words.
    #[serde(default)]
    pub guidance: Vec<String>,
    /// Checklist lines to work through at this step.
    #[serde(default)]
    pub checklist: Vec<String>,
    /// Common mistakes, shown where they bite.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// Field or step ids that must be complete before this step opens.
    #[serde(default)]
    pub requires: Vec<String>,
    /// What to tell the operator while the gate is shut.
    #[serde(default)]
    pub locked: Option<String>,
    /// The step applies only while this holds; otherwise it is skipped.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Field ids this step collects, in order.
    #[serde(default)]
    pub collect: Vec<String>,
    /// Manual confirmations the operator ticks here.
    #[serde(default)]
    pub confirm: Vec<Confirmation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confirmation {
    pub id: String,
    pub label: String,
    /// A change to any of these fields clears the confirmation.
    #[serde(default)]
    pub cleared_by: Vec<String>,
    /// Required whenever its step applies.
    #[serde(default)]
    pub required: bool,
}

/// A test over the session. Exactly one test key per condition; `field`
/// names the field for the field tests. See [`Test`] for the set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub present: Option<bool>,
    #[serde(default)]
    pub equals: Option<String>,
    #[serde(default)]
    pub one_of: Option<Vec<String>>,
    #[serde(default)]
    pub matches: Option<String>,
    #[serde(default)]
    pub min_lines: Option<usize>,
    #[serde(default)]
    pub timestamp_confirmed: Option<bool>,
    #[serde(default)]
    pub confirmed: Option<String>,
    #[serde(default)]
    pub step_applies: Option<String>,
    #[serde(default)]
    pub complete: Option<bool>,
    #[serde(default)]
    pub no_findings: Option<bool>,
    #[serde(default)]
    pub kept_none_of: Option<Vec<String>>,
    #[serde(default)]
    pub private_data_found: Option<bool>,
    #[serde(default)]
    pub all: Option<Vec<Condition>>,
    #[serde(default)]
    pub any: Option<Vec<Condition>>,
    #[serde(default)]
    pub not: Option<Box<Condition>>,
}

/// The documented predicate set, one view of a [`Condition`].
#[derive(Debug, Clone, Copy)]
pub enum Test<'a> {
    /// `{field: F, present: true|false}` — F has a value (a default counts).
    Present(&'a str, bool),
    /// `{field: F, equals: V}`.
    Equals(&'a str, &'a str),
    /// `{field: F, one_of: [V, ...]}`.
    OneOf(&'a str, &'a [String]),
    /// `{field: F, matches: REGEX}`.
    Matches(&'a str, &'a str),
    /// `{field: F, min_lines: N}` — at least N non-empty lines.
    MinLines(&'a str, usize),
    /// `{field: F, timestamp_confirmed: true}` — not only the capture time.
    TimestampConfirmed(&'a str, bool),
    /// `{confirmed: C}` — ticked, and not cleared by a later change.
    Confirmed(&'a str),
    /// `{step_applies: S}` — S's `when` holds.
    StepApplies(&'a str),
    /// `{complete: true}` — every required field of every applying step has a value.
    Complete(bool),
    /// `{no_findings: true}` — the exported parts, redacted and re-scanned
    /// strictly, hold nothing the operator did not keep with a reason.
    NoFindings(bool),
    /// `{kept_none_of: [category, ...]}` — no kept value is of these categories
    /// (`provider_key`, `credential`, `payment`, `customer`).
    KeptNoneOf(&'a [String]),
    /// `{private_data_found: true}` — the exported parts hold a customer
    /// detail or a person's payment data (a card, an IBAN), before redaction.
    PrivateDataFound(bool),
    All(&'a [Condition]),
    Any(&'a [Condition]),
    Not(&'a Condition),
}

impl Condition {
    /// The tests this condition names; a valid condition names exactly one.
    pub fn tests(&self) -> Vec<Test<'_>> {
        let f = self.field.as_deref().unwrap_or("");
        let mut t = Vec::new();
        if let Some(v) = self.present {
            t.push(Test::Present(f, v));
        }
        if let Some(v) = &self.equals {
            t.push(Test::Equals(f, v));
        }
        if let Some(v) = &self.one_of {
            t.push(Test::OneOf(f, v));
        }
        if let Some(v) = &self.matches {
            t.push(Test::Matches(f, v));
        }
        if let Some(v) = self.min_lines {
            t.push(Test::MinLines(f, v));
        }
        if let Some(v) = self.timestamp_confirmed {
            t.push(Test::TimestampConfirmed(f, v));
        }
        if let Some(v) = &self.confirmed {
            t.push(Test::Confirmed(v));
        }
        if let Some(v) = &self.step_applies {
            t.push(Test::StepApplies(v));
        }
        if let Some(v) = self.complete {
            t.push(Test::Complete(v));
        }
        if let Some(v) = self.no_findings {
            t.push(Test::NoFindings(v));
        }
        if let Some(v) = &self.kept_none_of {
            t.push(Test::KeptNoneOf(v));
        }
        if let Some(v) = self.private_data_found {
            t.push(Test::PrivateDataFound(v));
        }
        if let Some(v) = &self.all {
            t.push(Test::All(v));
        }
        if let Some(v) = &self.any {
            t.push(Test::Any(v));
        }
        if let Some(v) = &self.not {
            t.push(Test::Not(v));
        }
        t
    }

    /// The single test of a validated condition.
    pub fn test(&self) -> Test<'_> {
        self.tests()
            .into_iter()
            .next()
            .unwrap_or(Test::Complete(true))
    }
}

impl Test<'_> {
    /// Whether this test reads the condition's `field`.
    pub fn needs_field(&self) -> bool {
        matches!(
            self,
            Test::Present(..)
                | Test::Equals(..)
                | Test::OneOf(..)
                | Test::Matches(..)
                | Test::MinLines(..)
                | Test::TimestampConfirmed(..)
        )
    }
}

/// An acceptance check: passes when every rule holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub title: String,
    /// The acceptance criterion in the source's words.
    #[serde(default)]
    pub criterion: Option<String>,
    pub rules: Vec<Rule>,
    /// The reason given when every rule holds.
    pub pass: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(rename = "test")]
    pub holds: Condition,
    /// What is wrong and what to do, when the test fails. May use
    /// `{missing}`, `{findings}`, `{kept_secrets}` and `{FIELD}` for choice fields.
    pub fail: String,
}

/// Somewhere a request can go.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub title: String,
    /// How to hand the request over.
    #[serde(default)]
    pub how: Option<String>,
}

/// A routing rule; the first whose `when` holds decides the target.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    pub target: String,
    /// After this target, the request goes on: `then` is the target of the
    /// first later rule that holds and names another target.
    #[serde(default)]
    pub hand_on: bool,
    /// The field naming the provider, for provider routes.
    #[serde(default)]
    pub provider: Option<String>,
    /// Why, in words; may use `{FIELD}` for choice fields.
    pub reason: String,
    /// A related runbook to open as well.
    #[serde(default)]
    pub suggest: Option<String>,
}

/// Another runbook, and when it applies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub runbook: String,
    pub why: String,
    #[serde(default)]
    pub when: Option<Condition>,
}

impl Runbook {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step that collects a field.
    pub fn step_of_field(&self, field: &str) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| s.collect.iter().any(|f| f == field))
    }

    /// The step that holds a confirmation, and the confirmation.
    pub fn confirmation(&self, id: &str) -> Option<(&Step, &Confirmation)> {
        self.steps
            .iter()
            .find_map(|s| s.confirm.iter().find(|c| c.id == id).map(|c| (s, c)))
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }
}
