//! Records the commit the binary is built from, for `runbook --version`.
//! Without git (a source tarball), `RUNBOOK_COMMIT` may name it; else "unknown".

use std::process::Command;

fn main() {
    let commit = std::env::var("RUNBOOK_COMMIT").ok().or_else(|| {
        let out = Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty());
    let commit = match commit {
        Some(c) if dirty => format!("{c}+changes"),
        Some(c) => c,
        None => "unknown".to_string(),
    };
    println!("cargo:rustc-env=RUNBOOK_COMMIT={commit}");
    println!("cargo:rerun-if-env-changed=RUNBOOK_COMMIT");
    // A new commit or a checkout moves HEAD or the ref it names.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    println!("cargo:rerun-if-changed=.git/index");
}
