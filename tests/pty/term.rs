//! A pseudo-terminal running `runbook`, with a vt100 screen to read.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: a loaded CI machine can be slow, and nothing here is timed.
const PATIENCE: Duration = Duration::from_secs(30);

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const CTRL_N: &str = "\x0e";
pub const CTRL_R: &str = "\x12";
pub const CTRL_S: &str = "\x13";
pub const END: &str = "\x1b[F";
pub const HOME: &str = "\x1b[H";
pub const BACKTAB: &str = "\x1b[Z";

pub struct Term {
    pub home: PathBuf,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Term {
    /// Starts `runbook ARGS` at 100×30 with sessions under `home`.
    pub fn start(home: &Path, args: &[&str]) -> Term {
        Term::start_with(home, args, &[])
    }

    /// [`Term::start`] with more environment variables.
    pub fn start_with(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_runbook"));
        cmd.args(args);
        cmd.env("RUNBOOK_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("USER", "alice");
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("DISPLAY");
        cmd.env_remove("WAYLAND_DISPLAY");
        cmd.env_remove("TMUX");
        cmd.env_remove("VISUAL");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("runbook starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(30).unwrap(),
            std::num::NonZero::new(100).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Term {
            home: home.to_path_buf(),
            child,
            writer,
            screen,
            _master: pty.master,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Text as a terminal sends it with bracketed paste on.
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen when it never does.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("the screen to show {text:?}"), |s| {
            s.contains(text)
        });
    }

    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let contents = self.contents();
            if ready(&contents) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen shows:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends keys, then waits for their visible effect.
    pub fn key(&mut self, keys: &str, then: &str) {
        self.send(keys);
        self.wait_for(then);
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// The exit status, once the process has ended.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "runbook did not exit; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is back to normal: main screen, cursor shown,
    /// bracketed paste and mouse reporting off. The program's last bytes may still be on their way through the
    /// terminal after it exits: this waits for them, up to the usual patience.
    pub fn restored(&self) -> Result<(), String> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.restored_now() {
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                result => return result,
            }
        }
    }

    fn restored_now(&self) -> Result<(), String> {
        let parser = self.screen.lock().unwrap();
        let s = parser.screen();
        let mut wrong = Vec::new();
        if s.alternate_screen() {
            wrong.push("still on the alternate screen");
        }
        if s.hide_cursor() {
            wrong.push("cursor hidden");
        }
        if s.bracketed_paste() {
            wrong.push("bracketed paste still on");
        }
        if s.mouse_protocol_mode() != vt100::MouseProtocolMode::None {
            wrong.push("mouse reporting still on");
        }
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(wrong.join(", "))
        }
    }

    /// The line discipline's echo and canonical modes are back as a shell
    /// needs them (what `stty -a` says of the terminal's device).
    pub fn cooked(&self) -> Result<(), String> {
        let tty = self
            ._master
            .tty_name()
            .ok_or("the terminal has no device name")?;
        let out = std::process::Command::new("stty")
            .arg("-a")
            .stdin(std::fs::File::open(&tty).map_err(|e| e.to_string())?)
            .output()
            .map_err(|e| e.to_string())?;
        let modes = String::from_utf8_lossy(&out.stdout).into_owned();
        let raw: Vec<&str> = modes
            .split_whitespace()
            .filter(|m| ["-echo", "-icanon", "-isig"].contains(m))
            .collect();
        if raw.is_empty() {
            Ok(())
        } else {
            Err(format!("still raw: {}", raw.join(" ")))
        }
    }

    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Runs `runbook ARGS` headless with the same home; returns status and stdout.
pub fn runbook(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .env("RUNBOOK_HOME", home)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `runbook ARGS` headless with `input` on its standard input.
pub fn runbook_stdin(home: &Path, args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .env("RUNBOOK_HOME", home)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), input).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The only session's folder under `home`.
pub fn session_dir(home: &Path) -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(home.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "one session: {dirs:?}");
    dirs.pop().unwrap()
}
