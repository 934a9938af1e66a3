//! `runbook forget` and the age and size `runbook sessions` shows.

use super::open::{open_session, open_when_free};
use super::*;

fn days_ago(days: i64) -> runbook::machine::Stamp {
    (chrono::Utc::now() - chrono::Duration::days(days)).fixed_offset()
}

/// Every file under a folder, for "nothing is left".
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn forget_asks_then_removes_every_file_of_the_session() {
    let home = Home::new();
    let keep = open_session(&home, "alice", days_ago(1), &[]);
    let gone = open_session(&home, "alice", days_ago(1), &[]);
    let out = home.runbook_stdin(
        &["attach", &gone, "-"],
        b"evidence with a customer ana.lima@example.org\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    // Something left in the inbox goes too.
    let lock = home.store().open(&gone).unwrap();
    home.runbook_stdin(&["attach", &gone, "-"], b"waiting\n", &[]);
    drop(lock);
    let dir = home.path().join("sessions").join(&gone);
    let files = files_under(&dir);
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains("/evidence/")),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains("/inbox/")),
        "{files:?}"
    );

    let out = home.runbook(&["forget", &gone]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        text(&out.stderr)
            .contains("Delete 1 session(s)? — there is no terminal to ask on; pass --yes"),
        "{}",
        show(&out)
    );
    assert_eq!(files_under(&dir), files, "nothing is deleted without a yes");

    let out = home.runbook(&["forget", &gone, "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stdout).starts_with(&format!("forgot session {gone} (")),
        "{}",
        show(&out)
    );
    assert!(!dir.exists());
    assert_eq!(home.sessions(), [home.path().join("sessions").join(&keep)]);
    let out = home.runbook(&["sessions"]);
    assert!(!text(&out.stdout).contains(&gone));
    let out = home.runbook(&["forget", &gone, "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no session"), "{}", show(&out));
}

#[test]
fn a_session_open_in_a_running_program_is_not_forgotten() {
    let home = Home::new();
    let id = open_session(&home, "alice", days_ago(40), &[]);
    let lock = open_when_free(&home.store(), &id);
    // Exit 1, as the README's table says: kept, not an error.
    let out = home.runbook(&["forget", &id, "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(
        text(&out.stderr).contains(&format!(
            "session {id} is open in a running runbook — quit it there first"
        )),
        "{}",
        show(&out)
    );
    let out = home.runbook(&["forget", "--older-than", "30", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(
        home.path()
            .join("sessions")
            .join(&id)
            .join("journal.jsonl")
            .exists()
    );
    drop(lock);
    let out = home.runbook(&["forget", "--older-than", "30", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(home.sessions().is_empty());
}

#[test]
fn older_than_takes_only_the_old_sessions_and_sessions_shows_age_and_size() {
    let home = Home::new();
    let old = open_session(&home, "alice", days_ago(40), &[]);
    let recent = open_session(&home, "alice", days_ago(3), &[]);

    let out = home.runbook(&["sessions"]);
    let t = text(&out.stdout);
    let header: Vec<&str> = t.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header[3..5], ["AGE", "SIZE"], "{t}");
    let row = |id: &str| -> Vec<String> {
        t.lines()
            .find(|l| l.starts_with(id))
            .unwrap()
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    // ID RUNBOOK date time offset AGE size unit STATE VERDICT
    let r = row(&old);
    assert_eq!(r[5], "40d", "{t}");
    assert_eq!(r[7], "KB", "{t}");
    let size: f64 = r[6].parse().unwrap();
    let bytes: u64 = files_under(&home.path().join("sessions").join(&old))
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    assert!(
        (size - bytes as f64 / 1024.0).abs() < 0.06,
        "{size} vs {bytes}"
    );
    assert_eq!(row(&recent)[5], "3d");

    let out = home.runbook(&["forget", "--older-than", "30"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let out = home.runbook(&["forget", "--older-than", "30", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_eq!(
        home.sessions(),
        [home.path().join("sessions").join(&recent)]
    );
    let out = home.runbook(&["forget", "--older-than", "30", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(text(&out.stdout).contains("nothing to forget"));

    let out = home.runbook(&["forget"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a session or --older-than is required"
    );
}

#[test]
fn a_session_folder_that_never_loads_is_still_forgotten() {
    let home = Home::new();
    let sessions = home.path().join("sessions");
    // What a kill during start-up used to leave: empty, only a lock, an empty journal.
    let broken = [
        ("20261124-100000-aaaa", vec![]),
        ("20261124-100000-bbbb", vec![("lock", "")]),
        (
            "20261124-100000-cccc",
            vec![("lock", ""), ("journal.jsonl", "")],
        ),
    ];
    for (id, files) in &broken {
        std::fs::create_dir_all(sessions.join(id)).unwrap();
        for (name, body) in files {
            std::fs::write(sessions.join(id).join(name), body).unwrap();
        }
    }
    for (id, _) in &broken {
        let out = home.runbook(&["forget", id, "--yes"]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        assert!(
            text(&out.stdout).contains(&format!("forgot session {id}")),
            "{}",
            show(&out)
        );
        assert!(!sessions.join(id).exists());
    }
    let out = home.runbook(&["sessions"]);
    assert!(
        text(&out.stderr).contains("no sessions yet"),
        "{}",
        show(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_linked_session_folder_is_forgotten_with_what_it_links_to() {
    let home = Home::new();
    let id = open_session(&home, "alice", days_ago(1), &[]);
    let sessions = home.path().join("sessions");
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join(&id);
    std::fs::rename(sessions.join(&id), &real).unwrap();
    std::os::unix::fs::symlink(&real, sessions.join(&id)).unwrap();
    assert!(!files_under(&real).is_empty());
    let resolved = real.canonicalize().unwrap().display().to_string();

    let out = home.runbook(&["forget", &id, "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let said = text(&out.stdout);
    assert!(
        said.contains(&format!("removed {resolved} and the link")),
        "{said}"
    );
    assert!(!real.exists(), "the originals are gone");
    assert!(
        std::fs::symlink_metadata(sessions.join(&id)).is_err(),
        "and the link"
    );

    // A link to a folder that is not a session is never followed into.
    let innocent = elsewhere.path().join("photos");
    std::fs::create_dir(&innocent).unwrap();
    std::fs::write(innocent.join("cat.jpg"), b"meow").unwrap();
    std::os::unix::fs::symlink(&innocent, sessions.join("20261124-100000-dddd")).unwrap();
    let out = home.runbook(&["forget", "20261124-100000-dddd", "--yes"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("is not a session folder"),
        "{}",
        show(&out)
    );
    assert!(innocent.join("cat.jpg").exists());
}
