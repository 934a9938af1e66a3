//! The redaction engine: finds provider keys, credentials, payment data and
//! private customer details, and replaces each with a stable, typed placeholder.
//!
//! Pure: no I/O, no clock. Input is bytes (invalid UTF-8 passes through
//! untouched); output has exactly the lines of the input.
//!
//! An [`Engine`] is one session's view: the same value always gets the same
//! placeholder, and a value found once (a customer's name in `[first_name]`) is
//! found again wherever it appears, once [`Engine::learn`] has seen the text.
//! The placeholder-to-original map never leaves the engine except through
//! [`Engine::original`], which exists for the local side-by-side view.
//!
//! A block goes through: the prefilter (one pass finding every detector's
//! gate words), the readers (each syntax into field/value pairs), the
//! detectors (tokens, fields judged by the one vocabulary, prose, commands,
//! payment, customer details, learned values, terms), overlap resolution,
//! and the replacement with placeholders. Every rule, with its examples,
//! is listed by [`rules`].

// The pipeline, in the order a block goes through it: prefilter (the gate),
// readers (syntax into pairs), detectors (with the vocabulary), resolve,
// and the replacement below in `Engine::replace`.
mod ahead;
mod beside;
mod detectors;
mod engines;
mod kind;
mod normalize;
mod packed;
mod placeholders;
mod prebuilt;
mod prefilter;
mod print_table;
mod readers;
mod registry;
mod resolve;
mod scan;
mod spill;
mod vocabulary;

use detectors::{
    addresses, chat, commands, continued, customer, encoded, full_names, keyed, known, mime_words,
    payment, phones, prompts, records, secrets, street_blocks, terms, token_rules, tokens,
    unit_lines, validate, values, xmlrpc,
};
use prefilter::{byteclass, dense, fasthash, gate};
use readers::{columns, command_output, markup, pairs, prose_quoted, syntaxes};
use vocabulary::{context, customer_words, given_names, keys, secret_words};

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::bytes::Regex;
use serde::Serialize;

pub use kind::{Category, Kind, describe_counts};
pub use registry::{RuleInfo, rules};
pub use terms::same_term;
/// Whether text is one of the engine's placeholders (`[EMAIL_3]`).
pub(crate) use values::is_placeholder;

use addresses::AddressRules;
use commands::CommandRules;
use context::{Context, ProviderWords};
use customer::{ContactRules, CustomerRules, NameRules};
use gate::{GateSet, GateWords, Gated};
use known::KnownValues;
use payment::PaymentRules;
use placeholders::Placeholders;
use scan::{Candidate, Lines, Pattern, Priority, compile};
use secrets::SecretRules;
use terms::Terms;
use tokens::TokenRules;

/// How hard to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Everything the product promises to remove, tuned to keep what support needs.
    #[default]
    Standard,
    /// For the leak gate on exports: also any high-entropy token, and any value
    /// of a field whose name sounds secret.
    Strict,
}

/// One sensitive value found in the text. Never holds the value itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Byte range in the input text.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    /// 1-based line of the input.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub category: Category,
    pub kind: Kind,
    pub placeholder: String,
    pub rule: &'static str,
    /// The operator chose to keep this value, with this reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept: Option<String>,
}

/// The result of redacting one text.
#[derive(Debug, Clone, Default)]
pub struct Redacted {
    pub text: Vec<u8>,
    pub findings: Vec<Finding>,
}

impl Redacted {
    pub fn text_lossy(&self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }

    /// Findings per category, kept ones excluded.
    pub fn counts(&self) -> BTreeMap<Category, usize> {
        let mut counts = BTreeMap::new();
        for f in self.findings.iter().filter(|f| f.kept.is_none()) {
            *counts.entry(f.category).or_insert(0) += 1;
        }
        counts
    }
}

/// What the learning pass found in one chunk, for the redacting pass.
/// Holds positions and kinds only, like a [`Finding`].
pub struct Scanned {
    len: usize,
    checksum: u64,
    cands: packed::Packed,
    carry_out: StreamState,
    /// The chunk reads as written (no view was needed): known values are
    /// then looked for in its bytes without building a view again.
    as_written: bool,
}

impl Scanned {
    /// Rough heap size, for callers that bound how many they keep.
    pub fn heap_bytes(&self) -> usize {
        self.cands.heap_bytes()
    }
}

/// A fast fingerprint of a chunk: the redacting pass must not apply one
/// chunk's spans to different bytes (a file changed between the passes).
/// Four independent lanes, so the multiplications overlap instead of waiting
/// on each other: one lane alone cost as much as a detector.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x100_0000_01B3;
    let mut lanes = [0x9E37_79B9_7F4A_7C15 ^ bytes.len() as u64, 1, 2, 3];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let v = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            *lane = (*lane ^ v).wrapping_mul(K).rotate_left(29);
        }
    }
    let mut h = lanes
        .iter()
        .fold(0u64, |h, &lane| (h ^ lane).wrapping_mul(K).rotate_left(29));
    for &b in blocks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

/// What a stream carries from one chunk to the next.
#[derive(Debug, Default, Clone)]
pub struct StreamState {
    pem_open: Option<Vec<u8>>,
    provider: Option<(Kind, usize)>,
    /// The header line of a table (CSV, TSV, wp-cli) whose rows go on.
    table_header: Option<Vec<u8>>,
    /// Lines before this chunk, for line numbers in findings.
    lines_before: usize,
}

struct Rules {
    /// Every detector's gate words, found in one pass over a block.
    gates: GateSet,
    tokens: TokenRules,
    secrets: SecretRules,
    commands: CommandRules,
    payment: PaymentRules,
    customer: CustomerRules,
    addresses: AddressRules,
    providers: ProviderWords,
    entropy_token: Pattern,
}

/// Where each detector's groups sit among the gate groups.
const CUSTOMER_GATES: usize = 0;
const SECRET_GATES: usize = CUSTOMER_GATES + customer_words::GATE_GROUPS;
const COMMAND_GATES: usize = SECRET_GATES + secrets::GATE_GROUPS;
const PAYMENT_GATES: usize = COMMAND_GATES + commands::GATE_GROUPS;
const TOKEN_GATE: usize = PAYMENT_GATES + payment::GATE_GROUPS;
const PROVIDER_GATE: usize = TOKEN_GATE + 1;
const SYNTAX_GATE: usize = PROVIDER_GATE + 1;

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    // The customer rules are made first: their patterns open the queue
    // `scan::compile_next` takes from, since the first chunk needs them first.
    let contact = ContactRules::new();
    let names = NameRules::new();
    let addresses = AddressRules::new();
    let secrets = SecretRules::new();
    let commands = CommandRules::new();
    let payment = PaymentRules::new();
    let entropy_token = compile(r"[A-Za-z0-9+/_\-]{20,}={0,2}");
    let tokens = TokenRules::new();
    let providers = ProviderWords::new();
    let mut groups = customer_words::gate_words();
    groups.extend(secrets::gate_words());
    groups.extend(commands::gate_words());
    groups.extend(payment::gate_words());
    groups.push(GateWords {
        words: tokens.prefixes(),
        case_insensitive: false,
        word_start: false,
        word_end: false,
        positions: true,
    });
    groups.push(GateWords {
        words: providers.words(),
        case_insensitive: true,
        word_start: false,
        word_end: false,
        positions: true,
    });
    groups.push(syntaxes::gate_words());
    // The gate takes some milliseconds to build, on one thread alone.
    let gates = scan::compile_beside(|| GateSet::new(&groups));
    Rules {
        gates,
        tokens,
        secrets,
        commands,
        payment,
        providers,
        entropy_token,
        customer: CustomerRules::from_parts(contact, names),
        addresses,
    }
});

/// One session's redaction engine.
#[derive(Default)]
pub struct Engine {
    profile: Profile,
    placeholders: Placeholders,
    known: KnownValues,
    /// Placeholder → the operator's reason for keeping that value.
    kept: HashMap<String, String>,
    terms: Terms,
    /// The site's own domains, lowercase: never redacted (see [`Engine::keep_domain`]).
    kept_domains: Vec<Vec<u8>>,
}

impl Engine {
    pub fn new(profile: Profile) -> Self {
        Engine {
            profile,
            ..Engine::default()
        }
    }

    /// For a stream nobody keeps values of (`runbook redact`, `scan`): the
    /// originals behind placeholders are not held, so memory holds no
    /// value's bytes however many a text has; nothing can be kept after.
    pub fn forget_originals(&mut self) {
        self.placeholders.forget_originals();
    }

    /// Compiles the rules now rather than on the first keystroke.
    pub fn warm_up() {
        LazyLock::force(&RULES);
        scan::compile_all();
    }

    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// First pass over a text: remembers every value found, so that the
    /// redacting pass also catches their other occurrences.
    pub fn learn(&mut self, text: &[u8]) {
        let mut state = StreamState::default();
        self.learn_chunk(text, &mut state);
    }

    /// [`Engine::learn`] for one chunk of a longer stream. Returns what was
    /// found, which [`Engine::redact_scanned`] can use instead of looking again.
    pub fn learn_chunk(&mut self, chunk: &[u8], state: &mut StreamState) -> Scanned {
        let (cands, as_written) = self.detect_as_read(chunk, state, false);
        self.learn_found(chunk, cands, state, as_written)
    }

    /// Remembers the values found in a chunk, and keeps what was found for
    /// the redacting pass.
    fn learn_found(
        &mut self,
        chunk: &[u8],
        cands: Vec<Candidate>,
        state: &StreamState,
        as_written: bool,
    ) -> Scanned {
        for c in &cands {
            if c.priority > Priority::Known {
                // Written with look-alikes or hidden bytes: learned as read.
                let value = match &c.identity {
                    Some(read) if c.seen_through => read,
                    _ => &chunk[c.start..c.end],
                };
                self.known.learn(value, c.kind);
            }
        }
        Scanned {
            len: chunk.len(),
            checksum: checksum(chunk),
            cands: packed::Packed::pack(cands),
            carry_out: state.clone(),
            as_written,
        }
    }

    /// Learns from a whole text and redacts it, looking at it once.
    pub fn learn_and_redact(&mut self, text: &[u8]) -> Redacted {
        let scanned = self.learn_chunk(text, &mut StreamState::default());
        self.redact_scanned(text, scanned, &mut StreamState::default())
    }

    /// Redacts a whole text. Values are found again elsewhere only once
    /// [`Engine::learn`] has seen the text they were found in.
    pub fn redact(&mut self, text: &[u8]) -> Redacted {
        let mut state = StreamState::default();
        self.redact_chunk(text, &mut state)
    }

    /// Redacts one chunk of a stream; chunks must end at a line end.
    pub fn redact_chunk(&mut self, chunk: &[u8], state: &mut StreamState) -> Redacted {
        let lines_before = state.lines_before;
        let (cands, _) = self.detect_as_read(chunk, state, true);
        self.replace(chunk, cands, lines_before)
    }

    /// [`Engine::detect`] on the chunk as a person reads it (see
    /// [`normalize`]), its findings placed on the chunk's own bytes; and
    /// whether it reads as written.
    fn detect_as_read(
        &self,
        chunk: &[u8],
        state: &mut StreamState,
        with_known: bool,
    ) -> (Vec<Candidate>, bool) {
        let (cands, as_written) = match normalize::View::of(chunk) {
            None => (self.detect(chunk, state, with_known), true),
            Some(view) => {
                let cands = self.detect(&view.text, state, with_known);
                (view.to_original(cands, chunk), false)
            }
        };
        (self.with_encoded_runs(chunk, cands), as_written)
    }

    /// Adds each percent- or hex-encoded run whose decoded text holds a
    /// finding, as one candidate over the whole run.
    fn with_encoded_runs(&self, chunk: &[u8], mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let mut added = false;
        for (run, decoded) in encoded::encoded_runs(chunk) {
            // Found already as what it is (`Basic …` as a Basic credential).
            if cands
                .iter()
                .any(|c| c.start <= run.start && run.end <= c.end)
            {
                continue;
            }
            let inside = self.detect(&decoded, &mut StreamState::default(), false);
            let Some(strongest) = inside.iter().max_by_key(|c| c.priority) else {
                continue;
            };
            let mut whole = Candidate::new(
                run.start,
                run.end,
                strongest.kind,
                "encoded-run",
                Priority::Token,
            );
            whole.identity = Some(decoded);
            whole.seen_through = true;
            cands.push(whole);
            added = true;
        }
        if added {
            cands = resolve::resolve(cands, chunk);
        }
        cands
    }

    /// Values learned earlier and the operator's terms, found in the chunk as read.
    fn find_known(&self, chunk: &[u8], as_written: bool, cands: &mut Vec<Candidate>) {
        let view = if as_written {
            None
        } else {
            normalize::View::of(chunk)
        };
        match view {
            None => {
                self.known.find_beside_found(chunk, cands);
                self.terms.find(chunk, cands);
            }
            Some(view) => {
                let mut found = Vec::new();
                self.known.find(&view.text, &mut found);
                self.terms.find(&view.text, &mut found);
                cands.extend(view.to_original(found, chunk));
            }
        }
    }

    /// [`Engine::redact_chunk`] for a chunk this engine has already learned
    /// from: only values learned since are looked for again. A `scanned` that
    /// belongs to other bytes is ignored and the chunk is scanned afresh.
    pub fn redact_scanned(
        &mut self,
        chunk: &[u8],
        scanned: Scanned,
        state: &mut StreamState,
    ) -> Redacted {
        let lines_before = state.lines_before;
        let cands = self.find_to_redact(chunk, Some(scanned), state);
        self.replace(chunk, cands, lines_before)
    }

    /// What the redacting pass replaces in a chunk: what `scanned` found
    /// there and the values learned since, or, without it (or when it
    /// belongs to other bytes), everything found afresh.
    fn find_to_redact(
        &self,
        chunk: &[u8],
        scanned: Option<Scanned>,
        state: &mut StreamState,
    ) -> Vec<Candidate> {
        match self.redact_cached(chunk, scanned) {
            Some((cands, carry_out)) => {
                *state = carry_out;
                cands
            }
            None => self.detect_as_read(chunk, state, true).0,
        }
    }

    /// What to replace in a chunk the learning pass kept what it found in,
    /// with the stream's state after it; `None` when nothing was kept for
    /// these bytes.
    fn redact_cached(
        &self,
        chunk: &[u8],
        scanned: Option<Scanned>,
    ) -> Option<(Vec<Candidate>, StreamState)> {
        let scanned = scanned
            .filter(|scanned| scanned.len == chunk.len() && scanned.checksum == checksum(chunk))?;
        let mut cands = scanned.cands.unpack();
        let before_known = cands.len();
        self.find_known(chunk, scanned.as_written, &mut cands);
        if cands.len() > before_known {
            drop_inside_placeholders(chunk, &mut cands);
            self.drop_inside_kept_domains(chunk, &mut cands);
            cands = resolve::resolve(cands, chunk);
        }
        Some((cands, scanned.carry_out))
    }

    /// Writes the placeholders over the resolved candidates of a chunk.
    fn replace(&mut self, chunk: &[u8], cands: Vec<Candidate>, lines_before: usize) -> Redacted {
        replace(
            &mut self.placeholders,
            &self.kept,
            chunk,
            cands,
            lines_before,
        )
    }

    /// Runs every detector over a chunk and resolves overlaps.
    /// `with_known`: also find values learned earlier (the redacting pass).
    fn detect(&self, chunk: &[u8], state: &mut StreamState, with_known: bool) -> Vec<Candidate> {
        let (lines, ahead) = detect_stateless(chunk);
        self.detect_rest(&lines, ahead, state, with_known)
    }

    /// [`Engine::detect`] once [`detect_stateless`] has run on the chunk:
    /// the detectors that read the stream's state, then what every finding
    /// goes through.
    fn detect_rest(
        &self,
        lines: &Lines<'_>,
        ahead: FoundAhead,
        state: &mut StreamState,
        with_known: bool,
    ) -> Vec<Candidate> {
        let rules = &*RULES;
        let chunk = lines.text;
        let FoundAhead {
            mut gated,
            mut customer_before,
            mut addresses,
            mut customer_after,
            movable,
        } = ahead;
        let ctx = Context::from_hits(
            lines,
            &rules.providers,
            &gated.hits[PROVIDER_GATE],
            state.provider,
        );
        let mut cands = Vec::new();

        let Movable {
            token_hits: hits,
            mut commands_and_payment,
        } = movable.unwrap_or_else(|| Movable::detect(lines, &mut gated));
        tokens::to_candidates(
            &hits,
            |h| ctx.provider_at(h.start).unwrap_or(h.kind),
            &mut cands,
        );
        tokens::aws_secrets_beside_key_ids(chunk, &hits, &mut cands);
        rules
            .secrets
            .pem_blocks(lines, &mut state.pem_open, &mut cands);
        keyed::detect(
            lines,
            syntaxes::Anchors(&gated.hits[SYNTAX_GATE]),
            &ctx,
            &rules.tokens,
            self.profile == Profile::Strict,
            &mut state.table_header,
            &mut cands,
        );
        rules.secrets.detect(
            lines,
            &ctx,
            &rules.tokens,
            &gated.lines[SECRET_GATES..],
            &gated.hits[SECRET_GATES..],
            &mut cands,
        );
        secrets::keys_below_providers(lines, &ctx, &rules.tokens, &mut cands);
        cands.append(&mut commands_and_payment);
        cands.append(&mut customer_before);
        cands.append(&mut addresses);
        cands.append(&mut customer_after);
        if with_known {
            self.known.find(chunk, &mut cands);
            self.terms.find(chunk, &mut cands);
        }
        if self.profile == Profile::Strict {
            strict_entropy(&rules.entropy_token, chunk, &mut cands);
        }
        continued::extend_over_continuations(chunk, &mut cands);
        drop_inside_placeholders(chunk, &mut cands);
        self.drop_inside_kept_domains(chunk, &mut cands);

        state.provider = ctx.carry_out();
        // A chunk ends at a line end or inside a line that the next chunk continues.
        state.lines_before += lines.count() - 1;
        resolve::resolve(cands, chunk)
    }

    /// Keeps every occurrence of the value behind `placeholder`, for `reason`.
    /// Returns false when no value has that placeholder, or when it is one
    /// that may never be kept (see [`Category::may_be_kept`]).
    pub fn keep(&mut self, placeholder: &str, reason: &str) -> bool {
        // Without originals a kept placeholder could not be told from a
        // value that shares its fingerprint.
        if !self.placeholders.remembers_originals()
            || !self
                .placeholders
                .kind_of(placeholder)
                .is_some_and(|k| k.category().may_be_kept())
        {
            return false;
        }
        self.kept
            .insert(placeholder.to_string(), reason.to_string());
        true
    }

    /// Undoes [`Engine::keep`].
    pub fn unkeep(&mut self, placeholder: &str) -> bool {
        self.kept.remove(placeholder).is_some()
    }

    /// The values the operator kept: placeholder and reason.
    pub fn kept(&self) -> impl Iterator<Item = (&str, &str)> {
        self.kept.iter().map(|(p, r)| (p.as_str(), r.as_str()))
    }

    /// Always redacts `term` from now on (a shop name, an internal host).
    /// Matched in any case; false when it is empty or already there.
    pub fn always_redact(&mut self, term: &str) -> bool {
        self.terms.add(term)
    }

    /// Never redacts `domain`, the site's own (support needs it): a finding
    /// lying wholly inside one of its occurrences is dropped, so a term the
    /// operator redacts cannot eat it, while an address at it still goes.
    pub fn keep_domain(&mut self, domain: &str) {
        let d = domain.trim().to_ascii_lowercase();
        if !d.is_empty() {
            self.kept_domains.push(d.into_bytes());
        }
    }

    fn drop_inside_kept_domains(&self, text: &[u8], cands: &mut Vec<Candidate>) {
        if self.kept_domains.is_empty() || cands.is_empty() {
            return;
        }
        let lower = text.to_ascii_lowercase();
        let spans: Vec<(usize, usize)> = self
            .kept_domains
            .iter()
            .flat_map(|d| memchr::memmem::find_iter(&lower, d).map(move |s| (s, s + d.len())))
            .collect();
        cands.retain(|c| !spans.iter().any(|&(s, e)| s <= c.start && c.end <= e));
    }

    pub fn custom_terms(&self) -> impl Iterator<Item = &[u8]> {
        self.terms.iter()
    }

    /// The original behind a placeholder. For the local side-by-side view only:
    /// never for a report, the clipboard, a log or an error message.
    pub fn original(&self, placeholder: &str) -> Option<Vec<u8>> {
        self.placeholders.original(placeholder)
    }

    /// Number of distinct secrets this engine has numbered.
    pub fn distinct_secrets(&self) -> usize {
        self.placeholders.len()
    }

    /// Number of values remembered for propagation.
    pub fn known_values(&self) -> usize {
        self.known.len()
    }
}

/// What [`detect_stateless`] found in a chunk, for [`Engine::detect_rest`].
pub(crate) struct FoundAhead {
    gated: Gated,
    /// Customer details found before street addresses, the addresses, and
    /// the details found after them.
    customer_before: Vec<Candidate>,
    addresses: Vec<Candidate>,
    customer_after: Vec<Candidate>,
    /// [`Movable`], when the thread that found the rest had time for it.
    movable: Option<Movable>,
}

/// Detectors that need no stream state, run by whichever thread has time:
/// the one preparing chunks runs them while it waits for the other (see
/// [`ahead`]), and the one finishing a chunk runs them when it was not done.
pub(crate) struct Movable {
    token_hits: Vec<tokens::TokenHit>,
    commands_and_payment: Vec<Candidate>,
}

impl Movable {
    fn detect(lines: &Lines<'_>, gated: &mut Gated) -> Movable {
        let rules = &*RULES;
        let mut token_hits = Vec::new();
        let prefixes = std::mem::take(&mut gated.hits[TOKEN_GATE]);
        rules.tokens.find_at(lines.text, prefixes, &mut token_hits);
        let mut commands_and_payment = Vec::new();
        rules.commands.detect(
            lines,
            &gated.lines[COMMAND_GATES..],
            &gated.hits[COMMAND_GATES + commands::PROGRAM_GATE],
            &mut commands_and_payment,
        );
        rules.payment.detect(
            lines.text,
            &gated.lines[PAYMENT_GATES..],
            &mut commands_and_payment,
        );
        Movable {
            token_hits,
            commands_and_payment,
        }
    }
}

impl FoundAhead {
    /// Runs [`Movable`] on the chunk these were found in, unless done.
    fn detect_movable(&mut self, lines: &Lines<'_>) {
        if self.movable.is_none() {
            self.movable = Some(Movable::detect(lines, &mut self.gated));
        }
    }
}

/// The gate, the line index, the customer details and street addresses:
/// they need nothing carried from the chunk before, so they can run ahead
/// of the stream on another thread (see [`ahead`]).
fn detect_stateless(chunk: &[u8]) -> (Lines<'_>, FoundAhead) {
    let rules = &*RULES;
    let lines = Lines::new(chunk);
    let gated = rules.gates.scan(&lines);
    let (mut customer_before, mut customer_after) = (Vec::new(), Vec::new());
    rules.customer.detect(
        &lines,
        &gated.lines[CUSTOMER_GATES..],
        &gated.hits[CUSTOMER_GATES + customer_words::Gates::NAME_AT],
        &mut customer_before,
        &mut customer_after,
    );
    let mut addresses = Vec::new();
    rules
        .addresses
        .detect(chunk, &gated.lines[CUSTOMER_GATES..], &mut addresses);
    // After the records' own blocks, whose rules name what both find.
    street_blocks::around_streets(chunk, &addresses, &mut customer_after);
    street_blocks::around_localities(&lines, &mut customer_after);
    mime_words::names(chunk, &mut customer_after);
    let full_names = full_names::detect(chunk, &[&customer_before, &addresses, &customer_after]);
    customer_after.extend(full_names);
    let found = FoundAhead {
        gated,
        customer_before,
        addresses,
        customer_after,
        movable: None,
    };
    (lines, found)
}

/// The words the rules' gate is built from, for the test that writes it ahead.
#[cfg(test)]
pub(crate) fn gate_words() -> &'static [Vec<u8>] {
    &RULES.gates.words
}

/// The anchors of [`syntaxes`] in a text, as the gate finds them for [`keyed::detect`].
/// `text` as the standard profile redacts it, for detectors' tests.
#[cfg(test)]
pub(crate) fn redacted(text: &str) -> String {
    Engine::new(Profile::Standard)
        .learn_and_redact(text.as_bytes())
        .text_lossy()
}

#[cfg(test)]
pub(crate) fn anchors_found_by_the_gate(lines: &Lines<'_>) -> Vec<(usize, usize)> {
    RULES.gates.scan(lines).hits.swap_remove(SYNTAX_GATE)
}

/// Writes the placeholders over the resolved candidates of a chunk.
fn replace(
    placeholders: &mut Placeholders,
    kept: &HashMap<String, String>,
    chunk: &[u8],
    cands: Vec<Candidate>,
    lines_before: usize,
) -> Redacted {
    let mut out = Vec::with_capacity(chunk.len());
    let mut findings = Vec::with_capacity(cands.len());
    let mut pos = 0;
    // Candidates come in order: their lines are counted on from the last
    // one's, so a chunk with few findings costs a count, not an index of lines.
    let (mut line, mut counted_to) = (0, 0);
    // Columns too: many findings on one long line cost one count of it.
    let mut column_chars = 0;
    for c in cands {
        let gap = &chunk[counted_to..c.start];
        let newlines = memchr::memchr_iter(b'\n', gap).count();
        if newlines > 0 {
            line += newlines;
            let line_start = counted_to + memchr::memrchr(b'\n', gap).map_or(0, |p| p + 1);
            column_chars = char_count(&chunk[line_start..c.start]);
        } else {
            column_chars += char_count(gap);
        }
        counted_to = c.start;
        let identity = c.identity.as_deref().unwrap_or(&chunk[c.start..c.end]);
        let (placeholder, kind) = placeholders.assign(identity, c.kind);
        let reason = if kept.is_empty() {
            None
        } else {
            kept.get(&placeholder).cloned()
        };
        out.extend_from_slice(&chunk[pos..c.start]);
        if reason.is_some() {
            out.extend_from_slice(&chunk[c.start..c.end]);
        } else {
            out.extend_from_slice(placeholder.as_bytes());
        }
        pos = c.end;
        let column = column_chars + 1;
        findings.push(Finding {
            start: c.start,
            end: c.end,
            line: lines_before + line + 1,
            column,
            category: kind.category(),
            kind,
            placeholder,
            rule: c.rule,
            kept: reason,
        });
    }
    out.extend_from_slice(&chunk[pos..]);
    Redacted {
        text: out,
        findings,
    }
}

fn char_count(bytes: &[u8]) -> usize {
    // Continuation bytes do not start a character; invalid bytes count as one each.
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Redacting redacted text changes nothing: nothing inside a placeholder is a finding.
fn drop_inside_placeholders(text: &[u8], cands: &mut Vec<Candidate>) {
    // Looked for around each candidate, not over the whole text: most lines
    // of a log open a bracket, few candidates sit near a placeholder.
    cands.retain(|c| !overlaps_placeholder(text, c.start, c.end));
}

/// Whether `text` holds a placeholder this engine writes (`[EMAIL_1]`).
pub fn contains_placeholder(text: &str) -> bool {
    values::contains_placeholder(text.as_bytes())
}

/// The longest placeholder looked for, brackets included.
const PLACEHOLDER_MAX: usize = 64;

fn overlaps_placeholder(text: &[u8], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(PLACEHOLDER_MAX - 1);
    memchr::memchr_iter(b'[', &text[from..end]).any(|p| {
        let open = from + p;
        let limit = (open + PLACEHOLDER_MAX).min(text.len());
        memchr::memchr(b']', &text[open..limit]).is_some_and(|close| {
            let close_end = open + close + 1;
            close_end > start && values::is_placeholder(&text[open..close_end])
        })
    })
}

/// A path (`src/Internal/DataStores/Orders`, `/wp-json/wc/store/v1/cart`)
/// whose every segment is too short or too plain to be a secret on its own.
fn is_path_of_words(v: &[u8]) -> bool {
    if !v.contains(&b'/') {
        return false;
    }
    let segments: Vec<&[u8]> = v.split(|b| *b == b'/').collect();
    segments.iter().enumerate().all(|(i, segment)| {
        segment.len() < 20
            || validate::char_classes(segment) < 3
            || validate::shannon_entropy(segment) < 4.0
            // `/v1/text-to-speech/<voice id>`, `/models/<model id>`: public ids.
            || (i > 0 && names_a_model_or_voice(segments[i - 1]))
    })
}

/// `wordpress_sec_9a8b…`: a name made of words and a hex hash (the site's
/// cookie hash), which identifies the cookie, not its holder.
fn is_name_with_hash(v: &[u8]) -> bool {
    let v = v.strip_suffix(b"==").or(v.strip_suffix(b"=")).unwrap_or(v);
    let Some(cut) = v.iter().rposition(|b| *b == b'_') else {
        return false;
    };
    let (name, hash) = (&v[..cut], &v[cut + 1..]);
    hash.len() >= 8
        && hash.iter().all(u8::is_ascii_hexdigit)
        && !name.is_empty()
        && name.iter().all(|b| b.is_ascii_lowercase() || *b == b'_')
}

/// `WC_Stripe_UPE_Payment_Gateway`, `process_payment`: words joined by
/// underscores or dashes, no digits inside — code, not a secret.
pub(crate) fn is_identifier_of_words(v: &[u8]) -> bool {
    (v.contains(&b'_') || v.contains(&b'-'))
        && v.split(|b| *b == b'_' || *b == b'-')
            .all(|w| w.len() <= 16 && w.iter().all(u8::is_ascii_alphabetic))
}

/// Ids that name a response, a request or a payment object, which support
/// needs to correlate and which grant nothing: `chatcmpl-…`, `msg_…`, `pi_…`.
pub(crate) fn is_public_id(v: &[u8]) -> bool {
    const PREFIXES: &[&[u8]] = &[
        b"chatcmpl-",
        b"msg_",
        b"resp_",
        b"req_",
        b"run_",
        b"thread_",
        b"asst_",
        b"file-",
        b"file_",
        b"batch_",
        b"gen-",
        b"pi_",
        b"ch_",
        b"cus_",
        b"evt_",
        b"pm_",
        b"seti_",
        b"in_",
        b"sub_",
        b"txn_",
        b"py_",
    ];
    let prefixed = PREFIXES.iter().any(|p| v.starts_with(p))
        // A PaymentIntent's client secret is `pi_…_secret_…`: still a secret.
        // (`re_` is left out: Resend API keys start with it.)
        && !v.windows(8).any(|w| w == b"_secret_");
    prefixed || is_twilio_resource_sid(v)
}

/// `SM…`, `MM…`, `CA…`: the id of a Twilio message, call or number (two
/// capitals, 32 hex digits). Only an API key's `SK…` and the account's `AC…`
/// are treated as credentials.
fn is_twilio_resource_sid(v: &[u8]) -> bool {
    v.len() == 34
        && v[..2].iter().all(u8::is_ascii_uppercase)
        && !matches!(&v[..2], b"SK" | b"AC")
        && v[2..]
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
}

/// The text just before a token says it names a model or a voice.
fn names_a_model_or_voice(before: &[u8]) -> bool {
    const MARKS: &[&[u8]] = &[
        b"text-to-speech",
        b"voices",
        b"models",
        b"voice_id",
        b"\"model\": \"",
        b"\"model\":\"",
        b"model=",
        b"elevenlabs (",
    ];
    MARKS
        .iter()
        .any(|m| before.windows(m.len()).any(|w| w == *m))
}

/// Strict profile: any long token that looks random, except the identifiers
/// support needs (hex hashes, UUIDs, paths).
fn strict_entropy(re: &Regex, text: &[u8], out: &mut Vec<Candidate>) {
    for m in re.find_iter(text) {
        let v = m.as_bytes();
        if v.iter().all(|b| b.is_ascii_hexdigit() || *b == b'-') {
            continue;
        }
        let before = m.start().checked_sub(1).map(|i| text[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        if is_path_of_words(v)
            || is_name_with_hash(v)
            || is_identifier_of_words(v)
            || is_public_id(v)
            || names_a_model_or_voice(&text[m.start().saturating_sub(24)..m.start()])
        {
            continue;
        }
        if validate::char_classes(v) >= 3
            && validate::shannon_entropy(v) >= 4.0
            && !values::contains_placeholder(v)
        {
            out.push(Candidate::new(
                m.start(),
                m.end(),
                Kind::HighEntropy,
                "high-entropy",
                Priority::Heuristic,
            ));
        }
    }
}
