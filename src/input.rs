//! Files the program reads on the operator's behalf, with limits: only
//! regular files (a FIFO would hang a headless run, `/dev/zero` would fill
//! memory), each kind at most a sane size, and a limit that says how to raise
//! it where raising it makes sense.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// What a file is read as; each kind has its own ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Evidence,
    Answers,
    Runbook,
    Settings,
    Export,
}

/// Evidence larger than this is refused unless the operator raises it.
const EVIDENCE_MIB: u64 = 256;
/// Overrides `EVIDENCE_MIB` for one run.
pub const EVIDENCE_LIMIT_VAR: &str = "RUNBOOK_MAX_EVIDENCE_MB";

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Evidence => "evidence file",
            Kind::Answers => "answers file",
            Kind::Runbook => "runbook file",
            Kind::Settings => "settings file",
            Kind::Export => "export",
        }
    }

    /// The most bytes accepted.
    pub fn limit(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            Kind::Evidence => evidence_mib() * MIB,
            Kind::Answers | Kind::Runbook | Kind::Settings => 16 * MIB,
            // Evidence, base64-encoded, with the events around it.
            Kind::Export => evidence_mib() * MIB * 2 + 64 * MIB,
        }
    }

    fn how_to_raise(self) -> String {
        match self {
            Kind::Evidence | Kind::Export => format!(
                " — attach the lines around the error (`runbook attach SESSION FILE --around 10m`), or raise the limit with {EVIDENCE_LIMIT_VAR}=MB"
            ),
            _ => String::new(),
        }
    }
}

fn evidence_mib() -> u64 {
    std::env::var(EVIDENCE_LIMIT_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(EVIDENCE_MIB)
}

/// The whole of a regular file of `kind`, or why it cannot be read, in words
/// that name the file and the fix.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, String> {
    let shown = crate::report::visible(&path.display().to_string());
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot read {shown}: {}", plain(&e)))?;
    if meta.is_dir() {
        return Err(format!("{shown} is a folder — give a {}", kind.name()));
    }
    if !meta.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a pipe or a device) — save it to a file first, then give that {}",
            kind.name()
        ));
    }
    let limit = kind.limit();
    let too_big = |size: u64| {
        format!(
            "{shown} is {} MiB; the largest {} is {} MiB{}",
            size.div_ceil(1024 * 1024),
            kind.name(),
            limit / (1024 * 1024),
            kind.how_to_raise()
        )
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let file = File::open(path).map_err(|e| format!("cannot read {shown}: {}", plain(&e)))?;
    read_at_most(file, limit).map_err(|e| match e {
        Overflow::Io(e) => format!("cannot read {shown}: {}", plain(&e)),
        // It grew while being read.
        Overflow::TooBig(n) => too_big(n),
    })
}

/// [`read`] for text: the same checks, then UTF-8 required.
pub fn read_text(path: &Path, kind: Kind) -> Result<String, String> {
    let bytes = read(path, kind)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (byte {} is not) — save it as UTF-8",
            crate::report::visible(&path.display().to_string()),
            e.utf8_error().valid_up_to()
        )
    })
}

pub enum Overflow {
    Io(std::io::Error),
    TooBig(u64),
}

/// Everything `reader` gives, unless it gives more than `limit` bytes.
pub fn read_at_most(reader: impl Read, limit: u64) -> Result<Vec<u8>, Overflow> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Overflow::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Overflow::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An io error in plain words.
pub fn plain(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "no space left on the disk".into()
        }
        _ => e.to_string(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn devices_pipes_and_folders_are_refused_with_what_to_do() {
        let err = read(Path::new("/dev/zero"), Kind::Evidence).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read(Path::new("/tmp"), Kind::Answers).unwrap_err();
        assert!(err.contains("is a folder"), "{err}");
        let err = read(Path::new("/no/such/file"), Kind::Runbook).unwrap_err();
        assert!(err.contains("no such file"), "{err}");
    }

    #[test]
    fn a_file_over_its_limit_is_refused_and_a_stream_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("answers.yaml");
        std::fs::write(&big, vec![b'#'; (Kind::Answers.limit() + 1) as usize]).unwrap();
        let err = read(&big, Kind::Answers).unwrap_err();
        assert!(err.contains("the largest answers file is 16 MiB"), "{err}");
        assert!(matches!(
            read_at_most(std::io::repeat(0), 1000),
            Err(Overflow::TooBig(1001))
        ));
        assert_eq!(read_at_most(&b"abc"[..], 3).ok(), Some(b"abc".to_vec()));
    }
}
