//! The review with 20 MB of evidence: scroll to the end, jump between
//! findings, and draw, with every frame showing the right lines.

mod support;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use runbook::tui::evidence::EvidenceView;
use runbook::tui::keymap::Action;

const SIZE: usize = 20 * 1024 * 1024;

fn draw(view: &EvidenceView) -> Vec<String> {
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    view.render(area, &mut buf);
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The text of the redacted pane on one screen row.
fn redacted_pane(row: &str) -> String {
    row.chars().skip(100).collect()
}

#[test]
fn twenty_megabytes_scroll_to_the_end_and_draw() {
    let (text, findings) = support::large(SIZE);
    assert!(text.len() >= SIZE);
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    let finding_count = findings.len();
    let mut view = EvidenceView::with_findings("big.log", text, findings);
    assert_eq!(view.line_count(), lines);
    draw(&view);
    // Wrapped, the end is on screen too: the last line's number shows.
    view.handle(Action::Bottom);
    let screen = draw(&view);
    assert!(
        screen.iter().any(|row| redacted_pane(row)
            .trim_start_matches('│')
            .starts_with(&format!("{lines} "))),
        "{screen:?}"
    );
    // Line for row, scrolled sideways, the last line is on the last row.
    view.handle(Action::Wrap);
    draw(&view);
    view.handle(Action::Bottom);
    let screen = draw(&view);
    let last_text_row = &screen[screen.len() - 4];
    let last_number = format!("{lines} ");
    assert!(
        redacted_pane(last_text_row)
            .trim_start_matches('│')
            .trim_start()
            .starts_with(&last_number),
        "the last line is on the last row: {last_text_row}"
    );
    let sample_last = support::SAMPLE.lines().last().unwrap();
    assert!(
        redacted_pane(last_text_row).contains(&sample_last[..60]),
        "{last_text_row}"
    );

    // From the bottom, the previous finding is the last one, on screen.
    view.handle(Action::PreviousFinding);
    assert_eq!(
        view.current_finding().map(|f| f.placeholder.as_str()),
        Some("[API_KEY_1]")
    );
    let screen = draw(&view);
    let status = &screen[screen.len() - 2];
    let expected = format!("/{}", thousands(finding_count));
    assert!(status.contains(&expected), "{status}");
    assert!(status.contains("[API_KEY_1]"), "{status}");
    assert!(
        screen
            .iter()
            .any(|row| redacted_pane(row).contains("[API_KEY_1]"))
    );

    // Next wraps to the first finding, back at the top.
    view.handle(Action::NextFinding);
    assert_eq!(view.scroll().0, 0);
    assert!(
        draw(&view)[0..60]
            .iter()
            .any(|row| row.contains("[OPENAI_KEY_1]"))
    );
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
