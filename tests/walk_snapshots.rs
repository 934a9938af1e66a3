//! Whole-screen snapshots of the walk — every view — at 100×30 and at a tiny
//! size, driven by the same key, paste and mouse events the terminal sends.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runbook::machine::{self, Stamp};
use runbook::runbook::Library;
use runbook::tui::app::{App, MemorySink};
use runbook::tui::picker::{Choice, Picker};
use runbook::tui::style::Palette;

const ERROR: &str = "[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_api() in /var/www/html/wp-content/plugins/sophmate/includes/class-api.php:42\nStack trace:\n#0 {main}\n  thrown for customer jane.doe@example.com\n";

fn now() -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-24T11:20:00+01:00").unwrap()
}

fn walk(runbook_id: &str) -> App {
    let runbook = Library::builtin()
        .unwrap()
        .get(runbook_id)
        .unwrap()
        .runbook
        .clone();
    let (mut session, _) = machine::start("20261124-102000-ab12", &runbook, "alice", now());
    let first = runbook.steps[0].id.clone();
    machine::update(
        &mut session,
        &runbook,
        machine::Msg::Enter { step: first },
        now(),
    )
    .unwrap();
    App::new(runbook, session, Box::<MemorySink>::default(), None, now())
        .with_palette(Palette::MONOCHROME)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), now());
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        now(),
    );
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn paste(app: &mut App, text: &str) {
    app.handle_event(&Event::Paste(text.into()), now());
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

/// Preserve done, triage answered: a purchase issue, impact resolved, no private data.
fn past_triage() -> App {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "WooCommerce > Orders > Edit order");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "shop_manager (user 12)");
    ctrl(&mut app, 'n');
    press(&mut app, KeyCode::Enter); // purchase-plugin-issue
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter); // resolved
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter); // no
    app
}

/// Every field filled and the evidence attached, on the redaction step.
fn ready_for_review(evidence: &std::path::Path) -> App {
    let mut app = past_triage();
    ctrl(&mut app, 'n'); // retry
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter); // no
    ctrl(&mut app, 'n'); // environment
    for v in [
        "3.4.1",
        "6.8.1",
        "9.4.2",
        "8.2.12-1+ubuntu22.04.1",
        "Kinsta",
    ] {
        type_text(&mut app, v);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Enter); // openai
    ctrl(&mut app, 'n'); // purchase
    type_text(&mut app, "Regular licence, bought 2026-03-02");
    ctrl(&mut app, 'n'); // reproduction
    paste(&mut app, "Open WooCommerce > Orders\nClick Generate reply");
    ctrl(&mut app, 'n'); // evidence
    type_text(&mut app, "see the attached log");
    press(&mut app, KeyCode::Tab);
    paste(&mut app, &evidence.display().to_string());
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'n'); // redaction
    app
}

fn evidence_file() -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .prefix("debug")
        .suffix(".log")
        .tempfile()
        .unwrap();
    std::io::Write::write_all(
        &mut f,
        b"[24-Nov-2026 09:58:11 UTC] SophMate: calling OpenAI with key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq\n[24-Nov-2026 09:58:12 UTC] order 10233 for john.smith@example.org failed\n",
    )
    .unwrap();
    f
}

/// Temporary paths differ per run: show the file by a fixed name.
fn stable(text: String, file: &tempfile::NamedTempFile) -> String {
    let name = file
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let pad = name.chars().count().saturating_sub("debug.log".len());
    text.replace(&name, &format!("debug.log{}", " ".repeat(pad)))
}

#[test]
fn preserve_step_at_the_start() {
    let app = walk("support-context");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn preserve_step_with_the_error_pasted_and_its_time_found() {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn preserve_step_with_the_capture_time_to_confirm() {
    let mut app = walk("support-context");
    paste(&mut app, "Something went wrong. Please try again later.");
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn retry_refused_while_the_error_is_not_preserved() {
    let mut app = walk("support-context");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn triage_with_a_suggested_runbook() {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    ctrl(&mut app, 'n');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // ongoing
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn environment_with_a_version_refused_as_typed() {
    let mut app = past_triage();
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'n');
    type_text(&mut app, "3.4.1");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "latest");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn redaction_step_review_and_verdict() {
    let file = evidence_file();
    let mut app = ready_for_review(file.path());
    insta::assert_snapshot!("redaction_step", stable(screen(&app, 100, 30), &file));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    insta::assert_snapshot!("review_side_by_side", stable(screen(&app, 100, 30), &file));
    press(&mut app, KeyCode::Char('p'));
    insta::assert_snapshot!(
        "review_privacy_screen",
        stable(screen(&app, 100, 30), &file)
    );
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter); // redaction_reviewed
    ctrl(&mut app, 'n'); // ownership
    press(&mut app, KeyCode::Enter); // plugin
    ctrl(&mut app, 'n'); // checks
    insta::assert_snapshot!("checks", screen(&app, 100, 30));
    ctrl(&mut app, 'n'); // verdict
    insta::assert_snapshot!("verdict_before_finishing", screen(&app, 100, 30));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("verdict_recorded", screen(&app, 100, 30));
    ctrl(&mut app, 't');
    insta::assert_snapshot!("timeline", stable(screen(&app, 100, 30), &file));
}

#[test]
fn verdict_with_fields_missing_offers_to_jump_to_them() {
    let mut app = past_triage();
    press(&mut app, KeyCode::Esc);
    for _ in 0..8 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn help_over_the_form() {
    let mut app = walk("support-context");
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn a_checklist_runbook() {
    let app = walk("contacting-support");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn tiny_terminal() {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    insta::assert_snapshot!("tiny_below_minimum", screen(&app, 40, 10));
    insta::assert_snapshot!("tiny_at_minimum", screen(&app, 60, 16));
}

#[test]
fn every_size_draws_without_panicking() {
    let file = evidence_file();
    let mut app = ready_for_review(file.path());
    for (w, h) in [(1, 1), (20, 5), (59, 15), (60, 16), (61, 40), (200, 60)] {
        screen(&app, w, h);
    }
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(1, 1), (20, 5), (45, 11), (200, 60)] {
        screen(&app, w, h);
    }
}

#[test]
fn resume_offer() {
    let picker = Picker::new(
        "runbook",
        "An unfinished session is waiting. Resume it, or start a new support-context session (n).",
        vec![
            Choice {
                label: "Resume 20261124-102000-ab12 — support-context".into(),
                detail: "started 1 h 20 min ago by alice, 4 of 11 steps done".into(),
            },
            Choice {
                label: "Start a new support-context session".into(),
                detail: String::new(),
            },
        ],
    )
    .with_palette(Palette::MONOCHROME);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| picker.render(frame)).unwrap();
    insta::assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn privacy_screen_over_the_form() {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::F(2));
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("jane.doe@example.com"), "{shown}");
    assert!(shown.contains("[EMAIL_1]"), "{shown}");
    // Typing blind is refused while the screen is on.
    type_text(&mut app, "x");
    assert!(screen(&app, 100, 30).contains("F2 turns it off"));
    insta::assert_snapshot!(shown);
    press(&mut app, KeyCode::F(2));
    assert!(screen(&app, 100, 30).contains("jane.doe@example.com"));
}

#[test]
fn related_runbooks_with_what_suggests_each() {
    let mut app = walk("support-context");
    paste(&mut app, ERROR);
    ctrl(&mut app, 'n');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // ongoing: incident response suggested
    ctrl(&mut app, 'o');
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("incident-response  ← suggested now"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

/// Every step of the walk at 80×24: what does not fit is marked on the
/// pane's border, and titles are whole.
#[test]
fn every_step_at_80x24() {
    let mut app = past_triage();
    insta::assert_snapshot!("step_02_at_80x24", screen(&app, 80, 24));
    for step in 3..=11 {
        ctrl(&mut app, 'n');
        insta::assert_snapshot!(format!("step_{step:02}_at_80x24"), screen(&app, 80, 24));
    }
    let start = walk("support-context");
    let first = screen(&start, 80, 24);
    assert!(first.contains("↓ more below"), "{first}");
    assert!(
        first.contains("Preserve the error before anything else"),
        "{first}"
    );
    insta::assert_snapshot!("step_01_at_80x24", first);
}

/// A message longer than the line wraps: its end, which says what to do, shows.
#[test]
fn a_long_message_is_read_to_its_end_at_80_columns() {
    let mut app = walk("support-context");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app, 80, 24);
    let joined: String = shown
        .lines()
        .map(|l| l.trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.contains("timestamp are preserved"),
        "the end of the refusal: {shown}"
    );
}
