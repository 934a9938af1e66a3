//! Commands that run without the terminal UI. This is where files are read and
//! stdout is written; the engines they drive stay pure.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

mod chunks;
mod heap;
use chunks::{ChunkReader, read_ahead};

use crate::cli::{FindingsFormat, ScanProfile};
use crate::decode::Decoding;
use crate::redact::{Category, Engine, Finding, Profile, Scanned, StreamState};

/// A failure the operator can act on: one line, printed after `runbook: `.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A store failure is said as the store words it.
impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        CliError(e.0)
    }
}

impl CliError {
    pub(crate) fn io(what: &str, path: &Path, err: &io::Error) -> Self {
        CliError(format!(
            "cannot {what} {}: {}",
            path.display(),
            crate::input::plain(err)
        ))
    }
}

/// A message about input the program did not write (an error naming a field
/// of an answers file, a path, a session id from an export), made safe to
/// print: what the redaction engine finds in it is replaced by placeholders,
/// and control characters are shown as pictures, so neither a secret nor an
/// escape sequence reaches the terminal through an error.
pub fn safe_to_print(message: &str) -> String {
    let plain = !message
        .bytes()
        .any(|b| b.is_ascii_control() && b != b'\n' && b != b'\t');
    let redacted = Engine::new(Profile::Standard)
        .learn_and_redact(message.as_bytes())
        .text_lossy();
    if plain && redacted == message {
        return redacted;
    }
    crate::report::visible(&redacted)
}

/// Stdout gone (`| head`) is not an error: stop quietly.
fn is_broken_pipe(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
}

/// An input and what we already told the operator about it.
struct Input {
    label: String,
    warned_utf8: bool,
    warned_binary: bool,
    line: usize,
}

impl Input {
    fn new(label: String) -> Self {
        Input {
            label,
            warned_utf8: false,
            warned_binary: false,
            line: 0,
        }
    }

    /// Says that the input was not UTF-8 and was read as what it is.
    fn decoded_from(&self, encoding: Option<crate::decode::Encoding>) {
        if let Some(e) = encoding {
            eprintln!(
                "runbook: note: {} is {}; it was decoded, and what is written is UTF-8",
                crate::report::visible(&self.label),
                e.name()
            );
        }
    }

    /// Says, once per input, that bytes are passed through as they are.
    fn check(&mut self, chunk: &[u8]) {
        if !self.warned_binary && memchr::memchr(0, chunk).is_some() {
            self.warned_binary = true;
            let line = self.line
                + chunk[..memchr::memchr(0, chunk).unwrap()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                + 1;
            eprintln!(
                "runbook: warning: {} holds binary data (a NUL byte on line {line}); it is redacted as text and other bytes pass through unchanged",
                self.label
            );
        }
        if !self.warned_utf8
            && let Err(e) = std::str::from_utf8(chunk)
        {
            // A chunk may end inside a character only at a forced cut; that is not invalid input.
            if e.error_len().is_some() {
                self.warned_utf8 = true;
                let line = self.line
                    + chunk[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                    + 1;
                eprintln!(
                    "runbook: warning: {} is not valid UTF-8 (first on line {line}); those bytes pass through unchanged",
                    self.label
                );
            }
        }
        self.line += memchr::memchr_iter(b'\n', chunk).count();
    }
}

/// An input read twice: once to learn what is secret, once to redact.
enum Source {
    File(PathBuf),
    /// Stdin, spooled to an already-unlinked private file during the first pass.
    Spool(File),
}

fn open_file(path: &Path) -> Result<File, CliError> {
    let meta = std::fs::metadata(path).map_err(|e| CliError::io("read", path, &e))?;
    if meta.is_dir() {
        return Err(CliError(format!(
            "{} is a directory; give a file, or pipe text on stdin",
            path.display()
        )));
    }
    File::open(path).map_err(|e| CliError::io("read", path, &e))
}

/// Creates a private temporary file and unlinks it at once: only this process
/// can reach it, and nothing is left behind even on a crash.
fn anonymous_spool() -> Result<File, CliError> {
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = dir.join(format!(".runbook-spool-{}-{nanos}", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts
        .open(&path)
        .map_err(|e| CliError::io("create a temporary file in", &dir, &e))?;
    let _ = std::fs::remove_file(&path);
    Ok(file)
}

/// What the first pass found, kept for the second: in memory up to a fixed
/// budget, then in a private file (unlinked at once, as the stdin spool,
/// and holding nothing the input does not) up to a limit of its own, so
/// memory stays bounded however long the input while no chunk is scanned
/// twice. Past the limit, or should the file fail, the chunks are scanned
/// again, as they would be with no cache at all.
struct ScanCache {
    scans: VecDeque<Scanned>,
    bytes: usize,
    budget: usize,
    spill_limit: usize,
    spill: Spill,
}

#[derive(Default)]
enum Spill {
    /// Within the budget so far.
    #[default]
    Unused,
    Writing {
        out: BufWriter<File>,
        /// Records written whole, and their bytes.
        records: usize,
        bytes: usize,
    },
    Reading {
        input: io::BufReader<File>,
        /// Records not read yet.
        left: usize,
    },
    /// The file could not be had or failed: the rest is scanned again.
    Failed,
}

impl ScanCache {
    /// About 750,000 findings of twelve bytes: the first 100 MB or so of
    /// dense evidence.
    const BUDGET: usize = 9 << 20;
    /// The file's limit: about the first 6 GB of dense evidence. A
    /// temporary directory may be held in memory.
    const SPILL_LIMIT: usize = 512 << 20;

    fn new() -> Self {
        Self::with_limits(Self::BUDGET, Self::SPILL_LIMIT)
    }

    fn with_limits(budget: usize, spill_limit: usize) -> Self {
        ScanCache {
            scans: VecDeque::new(),
            bytes: 0,
            budget,
            spill_limit,
            spill: Spill::Unused,
        }
    }

    fn push(&mut self, scanned: Scanned) {
        let size = scanned.heap_bytes() + std::mem::size_of::<Scanned>();
        if matches!(self.spill, Spill::Unused) && self.bytes + size <= self.budget {
            self.bytes += size;
            self.scans.push_back(scanned);
            return;
        }
        if matches!(self.spill, Spill::Unused) {
            self.spill = match anonymous_spool() {
                Ok(file) => Spill::Writing {
                    out: BufWriter::with_capacity(256 * 1024, file),
                    records: 0,
                    bytes: 0,
                },
                Err(_) => Spill::Failed,
            };
        }
        let Spill::Writing {
            out,
            records,
            bytes,
        } = &mut self.spill
        else {
            return;
        };
        if *bytes >= self.spill_limit {
            return;
        }
        match scanned.write_to(out) {
            Ok(written) => {
                *records += 1;
                *bytes += written;
            }
            Err(_) => self.spill = Spill::Failed,
        }
    }

    /// What was found in the next chunk, in the order pushed; `None` past
    /// what was kept.
    fn pop(&mut self) -> Option<Scanned> {
        if let Some(scanned) = self.scans.pop_front() {
            return Some(scanned);
        }
        if matches!(self.spill, Spill::Writing { .. }) {
            self.spill = match std::mem::take(&mut self.spill) {
                Spill::Writing { out, records, .. } => match reread(out) {
                    Ok(input) => Spill::Reading {
                        input,
                        left: records,
                    },
                    Err(_) => Spill::Failed,
                },
                other => other,
            };
        }
        let Spill::Reading { input, left } = &mut self.spill else {
            return None;
        };
        if *left == 0 {
            return None;
        }
        *left -= 1;
        match Scanned::read_from(input) {
            Ok(scanned) => Some(scanned),
            // A record that does not read back: the rest is found again.
            Err(_) => {
                self.spill = Spill::Failed;
                None
            }
        }
    }
}

/// The spill file as written, from its start.
fn reread(out: BufWriter<File>) -> io::Result<io::BufReader<File>> {
    let mut file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(io::BufReader::with_capacity(256 * 1024, file))
}

/// First pass: learn from the input (spooling stdin so it can be read again).
fn learn(
    engine: &mut Engine,
    path: Option<&Path>,
    input: &mut Input,
    cache: &mut ScanCache,
) -> Result<Source, CliError> {
    match path {
        Some(p) => {
            let reader = ChunkReader::new(Decoding::new(open_file(p)?));
            learn_chunks(engine, reader, p, input, cache, |_| {})?;
            Ok(Source::File(p.to_path_buf()))
        }
        None => {
            let mut spool = anonymous_spool()?;
            let reader = ChunkReader::new(Decoding::new(io::stdin()));
            let stdin_path = Path::new("stdin");
            // The spool is written as each chunk is learned; its first
            // failure is kept and the stream read to its end.
            let mut spool_error = None;
            learn_chunks(engine, reader, stdin_path, input, cache, |chunk| {
                if spool_error.is_none()
                    && let Err(e) = spool.write_all(chunk)
                {
                    spool_error = Some(e);
                }
            })?;
            if let Some(e) = spool_error {
                return Err(CliError::io("write a temporary copy of", stdin_path, &e));
            }
            spool
                .seek(SeekFrom::Start(0))
                .map_err(|e| CliError::io("reread", stdin_path, &e))?;
            Ok(Source::Spool(spool))
        }
    }
}

/// Learns from every chunk `reader` gives, checking each and keeping what
/// was found; `also` sees each chunk after it is learned.
fn learn_chunks<R: Read + Send>(
    engine: &mut Engine,
    mut reader: ChunkReader<Decoding<R>>,
    label: &Path,
    input: &mut Input,
    cache: &mut ScanCache,
    mut also: impl FnMut(&[u8]),
) -> Result<(), CliError> {
    read_ahead(&mut reader, |next_chunk| {
        engine.learn_stream(&mut StreamState::default(), next_chunk, |chunk, scanned| {
            input.check(chunk);
            cache.push(scanned);
            also(chunk);
        })
    })
    .map_err(|e| CliError::io("read", label, &e))?;
    input.decoded_from(reader.inner.encoding());
    Ok(())
}

/// Second pass: redact chunk by chunk, handing each result to `sink`.
fn redact_pass(
    engine: &mut Engine,
    source: Source,
    mut cache: ScanCache,
    mut sink: impl FnMut(crate::redact::Redacted) -> io::Result<()>,
) -> Result<(), CliError> {
    let (file, label) = match source {
        Source::File(p) => (open_file(&p)?, p),
        Source::Spool(f) => (f, PathBuf::from("stdin")),
    };
    // The spool holds UTF-8 already, which passes through unchanged.
    let mut reader = ChunkReader::new(Decoding::new(file));
    let mut failure = None;
    let read = read_ahead(&mut reader, |next_chunk| {
        engine.redact_stream(
            &mut StreamState::default(),
            || Ok(next_chunk()?.map(|chunk| (chunk, cache.pop()))),
            |redacted| match sink(redacted) {
                Ok(()) => Ok(ControlFlow::Continue(())),
                Err(e) => {
                    if !is_broken_pipe(&e) {
                        failure = Some(e);
                    }
                    Ok(ControlFlow::Break(()))
                }
            },
        )
    });
    read.map_err(|e: io::Error| CliError::io("read", &label, &e))?;
    match failure {
        Some(e) => Err(CliError(format!("cannot write output: {e}"))),
        None => Ok(()),
    }
}

fn input_path(file: Option<&PathBuf>) -> Option<&Path> {
    file.map(PathBuf::as_path).filter(|p| p.as_os_str() != "-")
}

#[derive(Serialize)]
struct FindingsReport<'a> {
    findings: &'a [Finding],
    counts: std::collections::BTreeMap<&'static str, usize>,
}

fn counts_by_category(findings: &[Finding]) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> =
        Category::ALL.iter().map(|c| (c.name(), 0)).collect();
    for f in findings {
        *counts.entry(f.category.name()).or_insert(0) += 1;
    }
    counts
}

/// `runbook redact [FILE] [--findings json] [--term TERM]...`
pub fn redact(
    file: Option<&PathBuf>,
    findings: Option<FindingsFormat>,
    terms: &[String],
) -> Result<ExitCode, CliError> {
    heap::keep_freed_memory();
    let path = input_path(file);
    let mut engine = Engine::new(Profile::Standard);
    engine.forget_originals();
    for t in terms {
        engine.always_redact(t);
    }
    let mut input =
        Input::new(path.map_or_else(|| "stdin".to_string(), |p| p.display().to_string()));
    let mut cache = ScanCache::new();
    let source = learn(&mut engine, path, &mut input, &mut cache)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    match findings {
        None => {
            redact_pass(&mut engine, source, cache, |r| out.write_all(&r.text))?;
        }
        Some(FindingsFormat::Json) => {
            let mut all = Vec::new();
            redact_pass(&mut engine, source, cache, |r| {
                all.extend(r.findings);
                Ok(())
            })?;
            let report = FindingsReport {
                counts: counts_by_category(&all),
                findings: &all,
            };
            let json =
                serde_json::to_string_pretty(&report).map_err(|e| CliError(e.to_string()))?;
            if let Err(e) = writeln!(out, "{json}")
                && !is_broken_pipe(&e)
            {
                return Err(CliError(format!("cannot write output: {e}")));
            }
        }
    }
    match out.flush() {
        Err(e) if !is_broken_pipe(&e) => Err(CliError(format!("cannot write output: {e}"))),
        _ => Ok(ExitCode::SUCCESS),
    }
}

#[derive(Serialize)]
struct ScanLine<'a> {
    file: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// `runbook scan [FILE...]`: exit 1 when anything is found, 0 when clean.
pub fn scan(
    files: &[PathBuf],
    profile: ScanProfile,
    format: Option<FindingsFormat>,
) -> Result<ExitCode, CliError> {
    heap::keep_freed_memory();
    let profile = match profile {
        ScanProfile::Standard => Profile::Standard,
        ScanProfile::Strict => Profile::Strict,
    };
    let stdin_only = [PathBuf::from("-")];
    let files: &[PathBuf] = if files.is_empty() { &stdin_only } else { files };
    // Check every path first: a typo should not cost a long scan of the others.
    for f in files {
        if let Some(p) = input_path(Some(f)) {
            open_file(p)?;
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut total = 0usize;
    for f in files {
        let path = input_path(Some(f));
        let label = path.map_or_else(|| "stdin".to_string(), |p| p.display().to_string());
        let mut engine = Engine::new(profile);
        engine.forget_originals();
        let mut input = Input::new(label.clone());
        let mut cache = ScanCache::new();
        let source = learn(&mut engine, path, &mut input, &mut cache)?;
        let mut write_err = None;
        redact_pass(&mut engine, source, cache, |r| {
            for finding in &r.findings {
                total += 1;
                let res = match format {
                    Some(FindingsFormat::Json) => {
                        let line = serde_json::to_string(&ScanLine {
                            file: &label,
                            finding,
                        })
                        .map_err(io::Error::other)?;
                        writeln!(out, "{line}")
                    }
                    None => writeln!(
                        out,
                        "{label}:{}:{}: {} {} {} ({})",
                        finding.line,
                        finding.column,
                        finding.category.name(),
                        finding.kind.name(),
                        finding.placeholder,
                        finding.rule
                    ),
                };
                if let Err(e) = res {
                    write_err = Some(e);
                    break;
                }
            }
            write_err.take().map_or(Ok(()), Err)
        })?;
    }
    if let Err(e) = out.flush()
        && !is_broken_pipe(&e)
    {
        return Err(CliError(format!("cannot write output: {e}")));
    }
    if total > 0 {
        eprintln!(
            "runbook: {total} unredacted finding(s); run `runbook redact FILE` to see the text with placeholders"
        );
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(scanned: &Scanned) -> Vec<u8> {
        let mut out = Vec::new();
        scanned.write_to(&mut out).unwrap();
        out
    }

    /// Six chunks learned one after another, and how each writes out.
    fn learned() -> (Vec<Scanned>, Vec<Vec<u8>>) {
        let mut engine = Engine::new(Profile::Standard);
        let mut state = StreamState::default();
        let learned: Vec<Scanned> = (0..6)
            .map(|i| {
                let chunk = format!(
                    "order {i}: Ada Lovelace <ada{i}@example.org>, +44 7700 90012{i}\n\
                     api_key=sk_live_51Hq8Zt2eZvKYlo2C0a1b2c3d4e5f6g7h8i9{i}\n"
                );
                engine.learn_chunk(chunk.as_bytes(), &mut state)
            })
            .collect();
        let written = learned.iter().map(written).collect();
        (learned, written)
    }

    fn size(scanned: &Scanned) -> usize {
        scanned.heap_bytes() + std::mem::size_of::<Scanned>()
    }

    #[test]
    fn chunks_past_the_budget_come_back_from_the_file_in_order() {
        let (learned, expected) = learned();
        // Room for the first two chunks only.
        let mut cache = ScanCache::with_limits(size(&learned[0]) * 5 / 2, usize::MAX);
        for scanned in learned {
            cache.push(scanned);
        }
        assert_eq!(cache.scans.len(), 2);
        assert!(matches!(cache.spill, Spill::Writing { records: 4, .. }));
        for want in &expected {
            let got = cache.pop().expect("every chunk comes back");
            assert_eq!(&written(&got), want);
        }
        assert!(cache.pop().is_none());
    }

    #[test]
    fn past_the_file_limit_chunks_are_not_kept() {
        let (learned, expected) = learned();
        // Two chunks in memory, two in the file, two not kept.
        let limit = expected[2].len() + 1;
        let mut cache = ScanCache::with_limits(size(&learned[0]) * 5 / 2, limit);
        for scanned in learned {
            cache.push(scanned);
        }
        for want in &expected[..4] {
            assert_eq!(&written(&cache.pop().unwrap()), want);
        }
        assert!(cache.pop().is_none());
        assert!(cache.pop().is_none());
    }
}
