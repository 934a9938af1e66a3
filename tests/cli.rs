//! The `runbook` binary as a user runs it: exit codes, stdout, stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A private scratch folder, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("runbook-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, contents).expect("write scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn runbook(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runbook"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("runbook starts");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().expect("runbook finishes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Explains a failed expectation with everything the command said.
fn show(out: &Output) -> String {
    format!(
        "status: {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

const EVIDENCE: &str = "\
[24-Nov-2026 09:58:12 UTC] PHP Fatal error: SOPH-E1042 in /var/www/html/wp-content/plugins/sophmate/x.php:42
define( 'DB_PASSWORD', 'Tr0ub4dor&3-horse' );
Authorization: Bearer sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT
customer ana.lima@example.org paid with 4242 4242 4242 4242
";

#[test]
fn redact_reads_a_file_and_keeps_lines() {
    let s = Scratch::new("redact-file");
    let f = s.file("evidence.log", EVIDENCE.as_bytes());
    let out = runbook(&["redact", f.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", show(&out));
    let o = text(&out.stdout);
    assert_eq!(
        o.lines().count(),
        EVIDENCE.lines().count(),
        "{}",
        show(&out)
    );
    for secret in [
        "Tr0ub4dor&3-horse",
        "Zk3mQ9vR2xT7",
        "ana.lima@example.org",
        "4242 4242 4242 4242",
    ] {
        assert!(!o.contains(secret), "{secret} leaked\n{}", show(&out));
    }
    for kept in [
        "[24-Nov-2026 09:58:12 UTC]",
        "SOPH-E1042",
        "/var/www/html/wp-content/plugins/sophmate/x.php:42",
    ] {
        assert!(o.contains(kept), "{kept} lost\n{}", show(&out));
    }
    assert!(o.contains("[CARD_1 ending 4242]"), "{}", show(&out));
    assert!(o.contains("Bearer [OPENAI_KEY_1]"), "{}", show(&out));
}

#[test]
fn redact_reads_stdin_the_same_way() {
    let s = Scratch::new("redact-stdin");
    let f = s.file("evidence.log", EVIDENCE.as_bytes());
    let from_file = runbook(&["redact", f.to_str().unwrap()], None);
    let from_stdin = runbook(&["redact"], Some(EVIDENCE.as_bytes()));
    let from_dash = runbook(&["redact", "-"], Some(EVIDENCE.as_bytes()));
    assert!(from_stdin.status.success(), "{}", show(&from_stdin));
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(from_file.stdout, from_dash.stdout);
}

#[test]
fn findings_json_never_carries_values() {
    let out = runbook(&["redact", "--findings", "json"], Some(EVIDENCE.as_bytes()));
    assert!(out.status.success(), "{}", show(&out));
    let o = text(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(&o).expect("findings are JSON");
    let findings = v["findings"].as_array().expect("findings array");
    assert!(findings.len() >= 4, "{o}");
    for f in findings {
        for field in ["line", "column", "category", "kind", "placeholder", "rule"] {
            assert!(!f[field].is_null(), "finding without {field}: {f}");
        }
    }
    assert_eq!(v["counts"]["payment"], 1, "{o}");
    for secret in ["Tr0ub4dor", "Zk3mQ9vR2xT7", "ana.lima", "4242 4242"] {
        assert!(!o.contains(secret), "{secret} in findings output");
    }
    let card = findings
        .iter()
        .find(|f| f["kind"] == "card_number")
        .expect("card finding");
    assert_eq!(card["line"], 4);
    assert_eq!(card["column"], 41);
}

#[test]
fn custom_terms_are_redacted() {
    let out = runbook(
        &["redact", "--term", "Bramble Atelier"],
        Some(b"shop Bramble Atelier is down\n"),
    );
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(text(&out.stdout), "shop [CUSTOM_1] is down\n");
}

#[test]
fn scan_exits_one_on_findings_and_zero_when_clean() {
    let s = Scratch::new("scan");
    let dirty = s.file("dirty.log", EVIDENCE.as_bytes());
    let clean = s.file("clean.log", b"[24-Nov-2026 09:58:12 UTC] cron ran in 3 s\n");
    let out = runbook(&["scan", clean.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(out.stdout.is_empty(), "{}", show(&out));

    let out = runbook(
        &["scan", clean.to_str().unwrap(), dirty.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let o = text(&out.stdout);
    let dirty_name = dirty.to_str().unwrap();
    assert!(
        o.lines().all(|l| l.starts_with(dirty_name)),
        "{}",
        show(&out)
    );
    assert!(o.contains(&format!("{dirty_name}:2:")), "{}", show(&out));
    assert!(!o.contains("Tr0ub4dor"), "{}", show(&out));
}

#[test]
fn scan_json_lines_name_the_file() {
    let out = runbook(&["scan", "--format", "json"], Some(EVIDENCE.as_bytes()));
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    for line in text(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        assert_eq!(v["file"], "stdin");
        assert!(v["placeholder"].as_str().unwrap().starts_with('['));
    }
}

#[test]
fn errors_exit_two_with_one_line() {
    let s = Scratch::new("errors");
    let missing = s.0.join("nope.log");
    for args in [
        vec!["redact", missing.to_str().unwrap()],
        vec!["redact", s.0.to_str().unwrap()],
        vec!["scan", missing.to_str().unwrap()],
    ] {
        let out = runbook(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}\n{}", show(&out));
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}\n{}", show(&out));
        assert!(err.starts_with("runbook: "), "{}", show(&out));
    }
    let out = runbook(&["redact", s.0.to_str().unwrap()], None);
    assert!(
        text(&out.stderr).contains("is a directory"),
        "{}",
        show(&out)
    );
    let out = runbook(&["redact", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
}

#[test]
fn binary_and_invalid_utf8_are_said_and_passed_through() {
    let mut input = b"caf\xe9 latin-1 line\n".to_vec();
    input.extend_from_slice(b"bin\x00ary\n");
    input.extend_from_slice(b"mail ana.lima@example.org\n");
    let out = runbook(&["redact"], Some(&input));
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        out.stdout
            .starts_with(b"caf\xe9 latin-1 line\nbin\x00ary\n"),
        "{}",
        show(&out)
    );
    assert!(!text(&out.stdout).contains("ana.lima"));
    let err = text(&out.stderr);
    assert!(
        err.contains("not valid UTF-8 (first on line 1)"),
        "{}",
        show(&out)
    );
    assert!(
        err.contains("binary data (a NUL byte on line 2)"),
        "{}",
        show(&out)
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let big = EVIDENCE.repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .arg("redact")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read nothing and close stdout, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(out.stderr.is_empty(), "{}", show(&out));
}

#[test]
fn help_lists_the_commands() {
    let out = runbook(&["--help"], None);
    assert!(out.status.success());
    let o = text(&out.stdout);
    assert!(o.contains("redact") && o.contains("scan"), "{o}");
}
