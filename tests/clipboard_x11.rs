//! The native clipboard on X11, end to end: a process copies and exits, and
//! the text can still be pasted (`xclip -o`), because the helper holds it.
//!
//! Runs on a private Xvfb display; without Xvfb and xclip it says it was
//! skipped. This binary is its own clipboard helper, as `runbook` is.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use runbook::clipboard;

const COPY_CHILD: &str = "RUNBOOK_TEST_COPY_CHILD";
const TEXT: &str = "Report: [EMAIL_1] saw SOPH-E1042\n\tstep 2 — 日本語 ✓\n";

fn main() {
    if clipboard::serve_if_requested() {
        return;
    }
    if std::env::var_os(COPY_CHILD).is_some() {
        let saved = std::env::temp_dir().join(format!("runbook-x11-{}.md", std::process::id()));
        let method = clipboard::copy(TEXT, &saved).expect("copy");
        println!("{}", method.sentence());
        return;
    }
    if !on_path("Xvfb") || !on_path("xclip") {
        println!("clipboard_x11: skipped (needs Xvfb and xclip)");
        return;
    }
    // A display no other X server holds: a stale socket of another run would
    // look like ours starting.
    let first = 100 + std::process::id() % 400;
    let display = (first..first + 400)
        .map(|n| format!(":{n}"))
        .find(|d| {
            !Path::new(&format!("/tmp/.X{}-lock", &d[1..])).exists()
                && !Path::new(&format!("/tmp/.X11-unix/X{}", &d[1..])).exists()
        })
        .expect("a free X display number");
    let mut xvfb = start_xvfb(&display);
    let result = std::panic::catch_unwind(|| {
        check_copy_outlives_the_process(&display);
        check_report_copy_outlives_the_command(&display);
    });
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
    println!("clipboard_x11: ok");
}

fn check_copy_outlives_the_process(display: &str) {
    let exe = std::env::current_exe().unwrap();
    let output = Command::new(exe)
        .env(COPY_CHILD, "1")
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("SSH_CONNECTION")
        .env_remove("SSH_CLIENT")
        .env_remove("SSH_TTY")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "copying failed: {said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.starts_with("Copied to the X11 clipboard"), "{said}");

    // The copying process has exited; the text is still there.
    assert_eq!(paste(display), TEXT);

    // Another program takes the clipboard: its text wins.
    take_clipboard(display);
}

/// `runbook report --copy` has exited; what it copied is still there, and is
/// the report it saved in the session.
fn check_report_copy_outlives_the_command(display: &str) {
    let home = tempfile::tempdir().unwrap();
    let runbook = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_HOME", home.path())
            .env("DISPLAY", display)
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("SSH_CONNECTION")
            .env_remove("SSH_CLIENT")
            .env_remove("SSH_TTY")
            .output()
            .unwrap()
    };
    let answers = "tests/answers/plugin-fatal-on-order-edit.yaml";
    let run = runbook(&[
        "run",
        "support-context",
        "--answers",
        answers,
        "--format",
        "json",
    ]);
    let doc = String::from_utf8_lossy(&run.stdout);
    let id = doc
        .split("\"session\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no session id in {doc}"))
        .to_string();
    let out = runbook(&["report", &id, "--copy"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "report --copy failed: {said}");
    assert!(said.starts_with("Copied to the X11 clipboard"), "{said}");
    let saved = home.path().join("sessions").join(&id).join("report.md");
    let report = std::fs::read_to_string(saved).unwrap();
    assert!(report.contains("[OPENAI_KEY_1]"), "{report}");
    assert_eq!(paste(display), report);
    take_clipboard(display);
}

/// Another program takes the clipboard: its text wins, and the helper that
/// held ours lets go. xclip stays in the foreground (-quiet) and owns the
/// clipboard once "other" shows.
fn take_clipboard(display: &str) {
    let mut xclip = Command::new("xclip")
        .args(["-quiet", "-selection", "clipboard", "-i"])
        .env("DISPLAY", display)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(xclip.stdin.as_mut().unwrap(), b"other").unwrap();
    drop(xclip.stdin.take());
    let deadline = Instant::now() + Duration::from_secs(10);
    while paste(display) != "other" {
        assert!(Instant::now() < deadline, "xclip never took the clipboard");
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = xclip.kill();
    let _ = xclip.wait();
}

fn paste(display: &str) -> String {
    let output = Command::new("xclip")
        .args(["-selection", "clipboard", "-o"])
        .env("DISPLAY", display)
        .output()
        .unwrap();
    assert!(output.status.success(), "xclip -o failed");
    String::from_utf8(output.stdout).unwrap()
}

fn start_xvfb(display: &str) -> Child {
    let mut child = Command::new("Xvfb")
        .args([display, "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let socket = format!("/tmp/.X11-unix/X{}", &display[1..]);
    let deadline = Instant::now() + Duration::from_secs(10);
    // Wait for the server's socket: the visible sign that it accepts clients.
    while !Path::new(&socket).exists() {
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            panic!("Xvfb exited ({status}): {err}");
        }
        assert!(Instant::now() < deadline, "Xvfb did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}
