//! Input written to hurt: secrets where only names belong, terminal escape
//! sequences in names, cells longer than a listing can pad. Nothing of it
//! reaches the terminal raw, and nothing panics.

use super::*;

const STRIPE: &str = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQm9v2Xa";
const OPENAI: &str = "sk-proj-Zk3mQ9vR2xT7wL4pN8sJ1yB6cH0dF5gA-e2iU7oK3nM9qW4rT";

fn presale_with(extra: &str) -> String {
    let base = std::fs::read_to_string(answers("presale-question")).unwrap();
    format!("{base}{extra}")
}

#[test]
fn a_secret_where_a_name_belongs_never_reaches_an_error() {
    let home = Home::new();
    let cases = [
        ("field", presale_with(&format!("  {STRIPE}: x\n"))),
        ("confirm", presale_with(&format!("confirm: [{OPENAI}]\n"))),
        (
            "evidence path",
            presale_with(&format!("  evidence_files: [/tmp/{STRIPE}/debug.log]\n")),
        ),
        (
            "runbook key",
            std::fs::read_to_string(answers("presale-question"))
                .unwrap()
                .replace("runbook: support-context", &format!("runbook: {OPENAI}")),
        ),
    ];
    for (what, body) in cases {
        let file = home.write("hostile.yaml", &body);
        let out = home.runbook(&[
            "run",
            "support-context",
            "--answers",
            file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{what}: {}", show(&out));
        let said = show(&out);
        assert!(
            !said.contains(STRIPE) && !said.contains(OPENAI),
            "{what}: {said}"
        );
        assert!(
            said.contains("hostile.yaml"),
            "{what} names the file: {said}"
        );
    }
}

#[test]
fn escape_sequences_in_names_are_shown_not_obeyed() {
    let home = Home::new();
    let osc52 = "\u{1b}]52;c;cm0gLXJmIH4K\u{7}";
    let body = presale_with(&format!(
        "operator: \"dana{}\"\n",
        osc52.replace('\u{1b}', "\\e").replace('\u{7}', "\\a")
    ));
    let file = home.write("escape.yaml", &body);
    let out = home.runbook(&[
        "run",
        "support-context",
        "--answers",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", show(&out)));
    let id = doc["session"].as_str().unwrap();
    for args in [
        vec!["review", id, "--format", "md"],
        vec!["report", id],
        vec!["sessions"],
    ] {
        let out = home.runbook(&args);
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{args:?}: {}",
            show(&out)
        );
    }
}

#[test]
fn a_title_or_folder_name_longer_than_any_column_is_cut_not_a_panic() {
    let home = Home::new();
    let runbooks = home.path().join("runbooks");
    std::fs::create_dir_all(&runbooks).unwrap();
    let original = std::fs::read_to_string("runbooks/support-context.yaml").unwrap();
    let title = "T".repeat(70_000);
    let long = original
        .replacen("id: support-context", "id: very-long-title", 1)
        .replacen("title: ", &format!("title: {title} "), 1);
    std::fs::write(runbooks.join("very-long-title.yaml"), long).unwrap();
    let out = home.runbook(&["runbooks"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let row = text(&out.stdout);
    let row = row
        .lines()
        .find(|l| l.starts_with("very-long-title"))
        .unwrap();
    assert!(row.chars().count() < 300 && row.contains('…'), "{row}");

    std::fs::create_dir_all(home.path().join("sessions").join("x".repeat(200))).unwrap();
    let (_, status) = run_json(&home, "presale-question");
    assert_eq!(status, Some(0));
    let out = home.runbook(&["sessions"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(
        text(&out.stderr).contains("not a session id"),
        "{}",
        show(&out)
    );
    let out = home.runbook(&["check", &"a".repeat(70_000)]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(out.stderr.len() < 400, "{}", show(&out));
}

#[test]
fn utf16_utf32_and_coloured_evidence_is_read_as_text() {
    let home = Home::new();
    let written = format!("password=hunter2xy and {OPENAI} for ana.lima@example.org\n");
    let files = [
        ("utf16.log", [&[0xff, 0xfe][..], &written.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()].concat()),
        ("utf16be.log", written.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        ("utf32.log", written.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()),
        ("colour.log", format!("\u{1b}[31mpassword=hunter2xy\u{1b}[0m and {OPENAI} for ana.lima\u{ff20}example.org\n").into_bytes()),
    ];
    for (name, bytes) in files {
        let path = home.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = home.runbook(&["scan", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", show(&out));
        let out = home.runbook(&["redact", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", show(&out));
        let said = text(&out.stdout);
        for secret in ["hunter2xy", OPENAI, "ana.lima"] {
            assert!(!said.contains(secret), "{name}: {said}");
        }
        assert!(
            said.contains("[PASSWORD_1]") && said.contains("[EMAIL_1]"),
            "{name}: {said}"
        );
        if !name.starts_with("colour") {
            assert!(
                text(&out.stderr).contains("it was decoded"),
                "{name}: {}",
                show(&out)
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_not_read_forever() {
    let home = Home::new();
    let fifo = home.path().join("evidence.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let answers_file = home.write(
        "fifo.yaml",
        &std::fs::read_to_string(answers("plugin-fatal-on-order-edit"))
            .unwrap()
            .replace(
                "[evidence/order-edit-debug.log]",
                &format!("[{}]", fifo.display()),
            ),
    );
    // An open session, so that attach reaches the file.
    let open =
        super::open::open_session(&home, "alice", super::open::at("2026-11-24T10:05:00Z"), &[]);
    let cases: [&[&str]; 5] = [
        &[
            "run",
            "support-context",
            "--answers",
            answers_file.to_str().unwrap(),
        ],
        &["run", "support-context", "--answers", "/dev/zero"],
        &["import", "/dev/zero"],
        &["validate", "/dev/zero"],
        &["attach", &open, "/dev/zero"],
    ];
    for args in cases {
        let out = home.runbook(args);
        assert!(
            matches!(out.status.code(), Some(1 | 2)),
            "{args:?}: {}",
            show(&out)
        );
        let said = show(&out);
        assert!(said.contains("not a regular file"), "{args:?}: {said}");
    }
    assert_eq!(home.sessions().len(), 1, "a refused run leaves nothing");
}
