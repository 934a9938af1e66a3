//! Whole-screen snapshots of the review, the help popup and text fields, at
//! a normal size and a tiny one, driven by the same events keys produce.

mod support;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;
use runbook::tui::evidence::EvidenceView;
use runbook::tui::help::{Footer, Help};
use runbook::tui::keymap::Context;
use runbook::tui::style::Palette;
use runbook::tui::text_field::TextField;

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).unwrap()
}

fn draw_view(view: &EvidenceView, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = terminal(width, height);
    terminal
        .draw(|frame| frame.render_widget(view, frame.area()))
        .unwrap();
    terminal
}

fn press(view: &mut EvidenceView, c: char) {
    view.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

fn sample_view() -> EvidenceView {
    support::view_of("sample-evidence.log", support::SAMPLE.as_bytes())
}

/// Draws once so the view knows its size, as the first frame would.
fn sized(view: EvidenceView, width: u16, height: u16) -> EvidenceView {
    draw_view(&view, width, height);
    view
}

#[test]
fn evidence_review_on_a_finding() {
    let mut view = sized(sample_view(), 100, 30);
    press(&mut view, 'n');
    press(&mut view, 'n');
    insta::assert_snapshot!(draw_view(&view, 100, 30).backend());
}

#[test]
fn evidence_review_scrolled_sideways_to_a_far_finding() {
    let mut view = sized(sample_view(), 100, 30);
    // Lines scrolled sideways, not wrapped: the last finding of the
    // customer record sits far to the right.
    press(&mut view, 'w');
    press(&mut view, 'N');
    insta::assert_snapshot!(draw_view(&view, 100, 30).backend());
}

#[test]
fn evidence_review_with_a_value_kept() {
    let mut view = sized(sample_view(), 100, 30);
    // Only a customer detail can be kept: the seventh finding is the first name.
    for _ in 0..7 {
        press(&mut view, 'n');
    }
    press(&mut view, 'k');
    for c in "support needs the buyer".chars() {
        press(&mut view, c);
    }
    insta::assert_snapshot!("keep_prompt", draw_view(&view, 100, 30).backend());
    view.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    insta::assert_snapshot!("kept", draw_view(&view, 100, 30).backend());
}

#[test]
fn evidence_review_behind_the_privacy_screen() {
    let mut view = sized(sample_view(), 100, 30);
    press(&mut view, 'n');
    press(&mut view, 'p');
    let terminal = draw_view(&view, 100, 30);
    let screen = terminal.backend().to_string();
    assert!(!screen.contains("Harbour-Lantern-42!"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn evidence_review_with_tabs_controls_and_wide_text() {
    let view = support::view_of("unusual.log", &support::unusual_text());
    insta::assert_snapshot!(draw_view(&view, 100, 12).backend());
}

#[test]
fn evidence_review_while_redacting() {
    let view = EvidenceView::new("debug.log", support::SAMPLE.as_bytes().to_vec());
    insta::assert_snapshot!(draw_view(&view, 100, 12).backend());
}

#[test]
fn evidence_review_in_a_tiny_terminal() {
    let mut view = sized(sample_view(), 30, 8);
    // Keys on a tiny screen must not panic either.
    for c in ['n', 'N', 'l', 'l', 'p', 'p', 'k'] {
        press(&mut view, c);
    }
    insta::assert_snapshot!(draw_view(&view, 30, 8).backend());
}

#[test]
fn evidence_review_at_every_small_size_never_panics() {
    let mut view = sample_view();
    press(&mut view, 'n');
    for width in 0..60 {
        for height in 0..14 {
            draw_view(&view, width, height);
        }
    }
}

#[test]
fn without_colour_every_finding_is_still_marked() {
    let mut view = sample_view().with_palette(Palette::MONOCHROME);
    view = sized(view, 100, 30);
    press(&mut view, 'n');
    let terminal = draw_view(&view, 100, 30);
    let buffer = terminal.backend().buffer();
    let mut underlined = 0;
    for cell in buffer.content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "no colour with NO_COLOR"
        );
        if cell.modifier.contains(ratatui::style::Modifier::UNDERLINED) {
            underlined += 1;
        }
    }
    assert!(underlined > 20, "findings stay underlined: {underlined}");
    // Category symbols in the gutter say what each line holds.
    let screen = terminal.backend().to_string();
    assert!(screen.contains(" K "), "{screen}");
    assert!(screen.contains(" @ ") || screen.contains(" @C") || screen.contains("@"));
}

#[test]
fn help_for_the_evidence_review() {
    let mut terminal = terminal(100, 30);
    let contexts = [Context::Evidence, Context::Global, Context::Always];
    terminal
        .draw(|frame| {
            let area = frame.area();
            frame.render_widget(Help::new(&contexts), area);
            let footer = Rect::new(0, area.height - 1, area.width, 1);
            frame.render_widget(
                Footer {
                    contexts: &contexts,
                    palette: Palette::default(),
                },
                footer,
            );
        })
        .unwrap();
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_in_a_tiny_terminal() {
    let mut terminal = terminal(30, 8);
    let contexts = [Context::Evidence, Context::Global];
    terminal
        .draw(|frame| frame.render_widget(Help::new(&contexts), frame.area()))
        .unwrap();
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn text_fields_single_and_multi_line() {
    let mut terminal = terminal(60, 10);
    let mut version = TextField::single("PHP version").with_value("latest");
    version.set_error(Some("a version starts with digits, like 8.2.12".into()));
    version.set_focused(false);
    let mut error = TextField::multi("Error, as shown");
    error.paste("PHP Fatal error:\tUncaught Error\r\n日本語 😀 in /var/www/a.php:88\n#0 {main}");
    terminal
        .draw(|frame| {
            frame.render_widget(&version, Rect::new(0, 0, 60, 3));
            let area = Rect::new(0, 3, 60, 6);
            frame.render_widget(&error, area);
            if let Some(cursor) = error.cursor_position(area) {
                frame.set_cursor_position(cursor);
            }
        })
        .unwrap();
    insta::assert_snapshot!(terminal.backend());
    // After "#0 {main}" on the third text row: border + 9 columns.
    terminal
        .backend_mut()
        .assert_cursor_position((1 + 9, 3 + 1 + 2));
}
