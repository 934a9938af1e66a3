use std::cell::RefCell;
use std::rc::Rc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::*;

fn osc52(text: &str, through: Option<Multiplexer>) -> String {
    let mut out = Vec::new();
    write_osc52(text.as_bytes(), through, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn osc52_is_the_base64_of_the_text_for_the_clipboard() {
    assert_eq!(osc52("foo", None), "\x1b]52;c;Zm9v\x07");
    let text = "Résumé: ✓ [EMAIL_1]\nline two";
    let sequence = osc52(text, None);
    let payload = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    assert_eq!(STANDARD.decode(payload).unwrap(), text.as_bytes());
}

#[test]
fn inside_tmux_the_sequence_is_sent_plain_and_wrapped_with_doubled_escapes() {
    assert_eq!(
        osc52("foo", Some(Multiplexer::Tmux)),
        "\x1b]52;c;Zm9v\x07\x1bPtmux;\x1b\x1b]52;c;Zm9v\x07\x1b\\"
    );
}

#[test]
fn inside_screen_the_sequence_is_cut_into_short_wrapped_strings() {
    let text = "x".repeat(300);
    let wrapped = osc52(&text, Some(Multiplexer::Screen));
    let pieces: Vec<&str> = wrapped
        .split("\x1b\\")
        .filter(|p| !p.is_empty())
        .map(|p| p.strip_prefix("\x1bP").expect("each piece opens a DCS"))
        .collect();
    assert!(pieces.len() > 1);
    assert!(pieces.iter().all(|p| p.len() <= 76));
    assert_eq!(pieces.concat(), osc52(&text, None));
}

fn env(os: Os, vars: &[(&str, &str)]) -> Environment {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Environment::from_vars(os, |name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.into())
    })
}

#[test]
fn the_environment_decides_which_clipboard_is_reachable() {
    let desktop = env(Os::Linux, &[("DISPLAY", ":0")]);
    assert_eq!(desktop.native(), Some(NativeClipboard::X11));
    let wayland = env(
        Os::Linux,
        &[("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0")],
    );
    assert_eq!(wayland.native(), Some(NativeClipboard::Wayland));
    let ssh = env(Os::Linux, &[("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22")]);
    assert_eq!(ssh.native(), None);
    let forwarded = env(
        Os::Linux,
        &[("SSH_TTY", "/dev/pts/1"), ("DISPLAY", "localhost:10")],
    );
    assert_eq!(forwarded.native(), Some(NativeClipboard::X11));
    assert_eq!(env(Os::MacOs, &[]).native(), Some(NativeClipboard::MacOs));
    assert_eq!(env(Os::MacOs, &[("SSH_CLIENT", "x")]).native(), None);
    assert_eq!(
        env(Os::Linux, &[("DISPLAY", "")]).native(),
        None,
        "empty is unset"
    );

    assert_eq!(
        env(Os::Linux, &[("TMUX", "/tmp/t,1,0")]).multiplexer,
        Some(Multiplexer::Tmux)
    );
    assert_eq!(
        env(Os::Linux, &[("STY", "1.pts")]).multiplexer,
        Some(Multiplexer::Screen)
    );
    assert!(!env(Os::Linux, &[("TERM", "linux")]).osc52_worth_trying());
    assert!(env(Os::Linux, &[("TERM", "xterm-256color")]).osc52_worth_trying());
}

/// Records what copying did instead of touching a clipboard or terminal.
#[derive(Default)]
struct Fake {
    native_works: bool,
    terminal_works: bool,
    native_calls: Vec<NativeClipboard>,
    written: Rc<RefCell<Vec<u8>>>,
}

struct SharedWriter(Rc<RefCell<Vec<u8>>>);

impl Write for SharedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Backends for Fake {
    fn native(&mut self, clipboard: NativeClipboard, _: &str) -> Result<(), String> {
        self.native_calls.push(clipboard);
        if self.native_works {
            Ok(())
        } else {
            Err("no display".into())
        }
    }

    fn terminal(&mut self) -> io::Result<Box<dyn Write>> {
        if self.terminal_works {
            Ok(Box::new(SharedWriter(Rc::clone(&self.written))))
        } else {
            Err(io::Error::other("no terminal"))
        }
    }
}

/// Where a test's report is saved: a directory of its own, removed with it.
struct Scratch {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl std::ops::Deref for Scratch {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.path
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.path
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = tempfile::Builder::new()
        .prefix(&format!("runbook-clip-{name}-"))
        .tempdir()
        .unwrap();
    let path = dir.path().join("report.md");
    Scratch { _dir: dir, path }
}

#[test]
fn a_desktop_copies_natively_and_writes_nothing_to_the_terminal() {
    let mut fake = Fake {
        native_works: true,
        terminal_works: true,
        ..Fake::default()
    };
    let env = env(Os::Linux, &[("DISPLAY", ":0")]);
    let method = copy_with(&env, "report", &scratch("desktop"), &mut fake).unwrap();
    assert_eq!(method, Method::Native(NativeClipboard::X11));
    assert!(fake.written.borrow().is_empty());
    assert_eq!(
        method.sentence(),
        "Copied to the X11 clipboard; it stays there after runbook exits, until you copy something else."
    );
}

#[test]
fn over_ssh_the_text_goes_to_the_terminal_with_osc52() {
    let mut fake = Fake {
        native_works: true,
        terminal_works: true,
        ..Fake::default()
    };
    let env = env(Os::Linux, &[("SSH_TTY", "/dev/pts/3"), ("TMUX", "/tmp/t")]);
    let method = copy_with(&env, "foo", &scratch("ssh"), &mut fake).unwrap();
    assert!(fake.native_calls.is_empty(), "no display over plain SSH");
    assert_eq!(
        method,
        Method::Osc52 {
            through: Some(Multiplexer::Tmux)
        }
    );
    assert_eq!(
        *fake.written.borrow(),
        osc52("foo", Some(Multiplexer::Tmux)).into_bytes()
    );
    assert!(method.sentence().contains("OSC 52; not confirmed"));
    assert!(method.sentence().contains("tmux"));
}

#[test]
fn a_failed_native_copy_falls_back_to_osc52() {
    let mut fake = Fake {
        terminal_works: true,
        ..Fake::default()
    };
    let env = env(Os::Linux, &[("DISPLAY", ":0")]);
    let method = copy_with(&env, "foo", &scratch("fallback"), &mut fake).unwrap();
    assert_eq!(fake.native_calls, [NativeClipboard::X11]);
    assert_eq!(method, Method::Osc52 { through: None });
}

#[test]
fn without_any_clipboard_the_text_is_saved_privately() {
    let mut fake = Fake::default();
    let path = scratch("file");
    let env = env(Os::Linux, &[]);
    let method = copy_with(&env, "the report", &path, &mut fake).unwrap();
    assert_eq!(method, Method::File { path: path.clone() });
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the report");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(method.sentence().contains(&path.display().to_string()));
}

#[test]
fn the_linux_console_skips_osc52() {
    let mut fake = Fake {
        terminal_works: true,
        ..Fake::default()
    };
    let env = env(Os::Linux, &[("TERM", "linux")]);
    let method = copy_with(&env, "x", &scratch("console"), &mut fake).unwrap();
    assert!(matches!(method, Method::File { .. }));
    assert!(fake.written.borrow().is_empty());
}

#[test]
fn text_too_large_for_osc52_is_saved_and_only_its_path_is_sent() {
    let mut fake = Fake {
        terminal_works: true,
        ..Fake::default()
    };
    let path = scratch("large");
    let text = "secret-free but long line\n".repeat(OSC52_MAX_TEXT / 10);
    let env = env(Os::Linux, &[("SSH_TTY", "/dev/pts/3")]);
    let method = copy_with(&env, &text, &path, &mut fake).unwrap();
    assert_eq!(
        method,
        Method::Osc52Pointer {
            path: path.clone(),
            through: None
        }
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let sent = String::from_utf8(fake.written.borrow().clone()).unwrap();
    let payload = sent
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    let pointer = String::from_utf8(STANDARD.decode(payload).unwrap()).unwrap();
    assert_eq!(
        pointer,
        format!("runbook: the text is in {}", path.display())
    );
}

#[test]
fn serving_is_only_requested_by_the_helper_variable() {
    // The test process is not a helper: nothing to serve, return at once.
    assert!(std::env::var_os(SERVE_ENV).is_none());
    assert!(!serve_if_requested());
}
