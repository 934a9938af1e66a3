//! Gets text onto the operator's clipboard wherever they sit, and says how.
//!
//! 1. The native clipboard (arboard), when there is a display, or on macOS
//!    and Windows when not over SSH. On Linux a clipboard's text lives only
//!    as long as the program that set it, so a helper process holds it after
//!    `runbook` exits, until something else is copied (see
//!    [`serve_if_requested`]).
//! 2. OSC 52, an escape sequence written to the terminal itself (`/dev/tty`,
//!    so it works with stdout redirected), which most terminals turn into a
//!    clipboard write, also over SSH. It cannot be confirmed; inside tmux or
//!    GNU screen it is wrapped to pass through them. Terminals cap its size,
//!    so above [`OSC52_MAX_TEXT`] the text is saved to a file and only a
//!    pointer to it is sent.
//! 3. Last, a file only the operator can read, and where it is.
//!
//! Nothing here logs or reports the text itself.

mod native;
mod osc52;

#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use native::{SERVE_ENV, serve_if_requested};
pub use osc52::{Multiplexer, OSC52_MAX_TEXT, write_osc52};

/// Which native clipboard took the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NativeClipboard {
    X11,
    Wayland,
    MacOs,
    Windows,
}

impl NativeClipboard {
    fn name(self) -> &'static str {
        match self {
            NativeClipboard::X11 => "the X11 clipboard",
            NativeClipboard::Wayland => "the Wayland clipboard",
            NativeClipboard::MacOs => "the macOS clipboard",
            NativeClipboard::Windows => "the Windows clipboard",
        }
    }
}

/// How the text went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    /// Set on the native clipboard; on Linux held by a helper after exit.
    Native(NativeClipboard),
    /// Sent to the terminal with OSC 52; not confirmed.
    Osc52 { through: Option<Multiplexer> },
    /// Too large for OSC 52: saved to `path`, and the path sent with OSC 52.
    Osc52Pointer {
        path: PathBuf,
        through: Option<Multiplexer>,
    },
    /// No clipboard reachable: saved to `path` (mode 0600).
    File { path: PathBuf },
}

impl Method {
    /// One sentence for the operator, such as "Copied to the X11 clipboard."
    pub fn sentence(&self) -> String {
        match self {
            Method::Native(NativeClipboard::X11 | NativeClipboard::Wayland) => format!(
                "Copied to {}; it stays there after runbook exits, until you copy something else.",
                native_name(self)
            ),
            Method::Native(_) => format!("Copied to {}.", native_name(self)),
            Method::Osc52 { through } => format!(
                "Sent to your terminal's clipboard (OSC 52; not confirmed — your terminal must allow clipboard writes){}.",
                through_note(*through)
            ),
            Method::Osc52Pointer { path, through } => format!(
                "Too large for the terminal clipboard: saved to {}; its path was sent to your terminal's clipboard (OSC 52; not confirmed){}.",
                path.display(),
                through_note(*through)
            ),
            Method::File { path } => format!(
                "No clipboard reachable from here: saved to {} (readable only by you).",
                path.display()
            ),
        }
    }
}

fn native_name(method: &Method) -> &'static str {
    match method {
        Method::Native(native) => native.name(),
        _ => "",
    }
}

fn through_note(through: Option<Multiplexer>) -> &'static str {
    match through {
        None => "",
        Some(Multiplexer::Tmux) => {
            ", through tmux: it needs `set -g set-clipboard on` or `set -g allow-passthrough on`"
        }
        Some(Multiplexer::Screen) => ", through GNU screen",
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence())
    }
}

/// Every way failed, even the file.
#[derive(Debug)]
pub struct CopyError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl fmt::Display for CopyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no clipboard reachable, and cannot save to {}: {}",
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for CopyError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
    /// Another Unix: treated like Linux (X11 or Wayland).
    OtherUnix,
}

impl Os {
    pub fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::MacOs
        } else if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "linux") {
            Os::Linux
        } else {
            Os::OtherUnix
        }
    }
}

/// What decides the way to copy: read from the environment, or given by tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    pub os: Os,
    /// `DISPLAY` (X11, maybe forwarded over SSH).
    pub x11: bool,
    /// `WAYLAND_DISPLAY`.
    pub wayland: bool,
    /// `SSH_CONNECTION`, `SSH_CLIENT` or `SSH_TTY`.
    pub ssh: bool,
    pub multiplexer: Option<Multiplexer>,
    /// `TERM=linux`: the kernel console, which ignores OSC 52.
    pub linux_console: bool,
}

impl Environment {
    pub fn detect() -> Environment {
        Environment::from_vars(Os::current(), |name| std::env::var_os(name))
    }

    /// From an environment lookup; empty values count as unset.
    pub fn from_vars(os: Os, var: impl Fn(&str) -> Option<OsString>) -> Environment {
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
        let multiplexer = if set("TMUX") {
            Some(Multiplexer::Tmux)
        } else if set("STY") {
            Some(Multiplexer::Screen)
        } else {
            None
        };
        Environment {
            os,
            x11: set("DISPLAY"),
            wayland: set("WAYLAND_DISPLAY"),
            ssh: set("SSH_CONNECTION") || set("SSH_CLIENT") || set("SSH_TTY"),
            multiplexer,
            linux_console: var("TERM").is_some_and(|t| t == "linux"),
        }
    }

    /// The native clipboard to try, if any can be reached from here.
    pub fn native(&self) -> Option<NativeClipboard> {
        match self.os {
            Os::MacOs if !self.ssh => Some(NativeClipboard::MacOs),
            Os::Windows if !self.ssh => Some(NativeClipboard::Windows),
            Os::MacOs | Os::Windows => None,
            Os::Linux | Os::OtherUnix if self.wayland => Some(NativeClipboard::Wayland),
            Os::Linux | Os::OtherUnix if self.x11 => Some(NativeClipboard::X11),
            Os::Linux | Os::OtherUnix => None,
        }
    }

    /// Whether an OSC 52 sequence can do anything here.
    pub fn osc52_worth_trying(&self) -> bool {
        !self.linux_console || self.multiplexer.is_some()
    }
}

/// The ways copying reaches the outside; tests replace them.
pub(crate) trait Backends {
    fn native(&mut self, clipboard: NativeClipboard, text: &str) -> Result<(), String>;
    fn terminal(&mut self) -> io::Result<Box<dyn Write>>;
}

/// Copies `text`, natively, else with OSC 52, else into `save_to` (created
/// 0600; its folder must exist). The caller shows [`Method::sentence`].
pub fn copy(text: &str, save_to: &Path) -> Result<Method, CopyError> {
    copy_with(&Environment::detect(), text, save_to, &mut native::System)
}

pub(crate) fn copy_with(
    env: &Environment,
    text: &str,
    save_to: &Path,
    backends: &mut dyn Backends,
) -> Result<Method, CopyError> {
    if let Some(clipboard) = env.native()
        && backends.native(clipboard, text).is_ok()
    {
        return Ok(Method::Native(clipboard));
    }
    let through = env.multiplexer;
    if env.osc52_worth_trying()
        && let Ok(mut terminal) = backends.terminal()
    {
        if text.len() <= OSC52_MAX_TEXT {
            if write_osc52(text.as_bytes(), through, &mut terminal).is_ok() {
                return Ok(Method::Osc52 { through });
            }
        } else {
            save(text, save_to)?;
            let pointer = format!("runbook: the text is in {}", save_to.display());
            if write_osc52(pointer.as_bytes(), through, &mut terminal).is_ok() {
                return Ok(Method::Osc52Pointer {
                    path: save_to.to_owned(),
                    through,
                });
            }
            return Ok(Method::File {
                path: save_to.to_owned(),
            });
        }
    }
    save(text, save_to)?;
    Ok(Method::File {
        path: save_to.to_owned(),
    })
}

/// Writes `text` to `path`, readable only by the operator.
fn save(text: &str, path: &Path) -> Result<(), CopyError> {
    let error = |source| CopyError {
        path: path.to_owned(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(error)?;
    // An existing file keeps its mode on open: narrow it too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(error)?;
    }
    file.write_all(text.as_bytes()).map_err(error)?;
    file.sync_all().map_err(error)
}
