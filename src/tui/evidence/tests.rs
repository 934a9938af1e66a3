use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::*;
use crate::redact::{Kind, Profile};
use crate::tui::keymap::Action;

const SECRET_KEY: &str = "sk-proj-Qm7xK2pV9tR4wZ8nB3cJ6yH1dL5fG0sA-uE4iO7aN2mX9qT3rW8vC";
const EMAIL: &str = "ana.lima@example.org";

fn sample() -> String {
    let mut text = String::from("SophMate support bundle for Harbour Lantern Shop\n");
    for i in 1..=60 {
        text.push_str(&format!(
            "[24-Nov-2026 09:58:{:02} UTC] request {i} ok\n",
            i % 60
        ));
    }
    text.push_str(&format!("Authorization: Bearer {SECRET_KEY}\n"));
    text.push_str(&format!("{{\"customer\":{{\"email\":\"{EMAIL}\"}}}}\n"));
    text.push_str(&format!("Thanks, mail sent to {EMAIL}\n"));
    text
}

/// A view redacted by the engine, drawn once so it knows its size.
fn redacted_view(engine: &mut Engine) -> EvidenceView {
    let mut view = EvidenceView::new("debug.log", sample().into_bytes());
    while view.work(engine, 1) {}
    draw(&view, 100, 30);
    view
}

fn draw(view: &EvidenceView, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    view.render(area, &mut buf);
    buf
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

fn screen(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// The right half of the panes: what leaves the machine.
fn right_half(buf: &Buffer) -> String {
    let half = buf.area.width / 2;
    (0..buf.area.height - 2)
        .map(|y| {
            (half..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(view: &mut EvidenceView, text: &str) {
    for c in text.chars() {
        view.handle_event(&key(KeyCode::Char(c)));
    }
}

fn engine() -> Engine {
    Engine::new(Profile::Standard)
}

#[test]
fn before_redaction_the_right_side_shows_nothing_of_the_original() {
    let view = EvidenceView::new("debug.log", sample().into_bytes());
    let buf = draw(&view, 100, 30);
    let right = right_half(&buf);
    assert!(!right.contains("SophMate"), "{right}");
    assert!(right.contains('…'));
    assert!(screen(&buf).contains("Not final, still redacting"));
}

#[test]
fn the_redacted_side_never_shows_a_secret_and_the_original_side_does() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    view.handle(Action::Bottom);
    let buf = draw(&view, 120, 30);
    let right = right_half(&buf);
    assert!(
        !right.contains(EMAIL) && !right.contains("sk-proj-"),
        "{right}"
    );
    assert!(right.contains("[EMAIL_1]"), "{right}");
    assert!(screen(&buf).contains(EMAIL));
}

#[test]
fn next_finding_scrolls_to_it_and_names_it() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    assert_eq!(view.scroll().0, 0);
    assert_eq!(view.handle_event(&key(KeyCode::Char('n'))), Outcome::Done);
    let finding = view.current_finding().unwrap().clone();
    let line = view.doc.line_of(finding.start);
    let (top, _) = view.scroll();
    assert!(
        top <= line && line < top + 26,
        "line {line} shown from {top}"
    );
    let buf = draw(&view, 100, 30);
    let status = &rows(&buf)[28];
    assert!(status.contains(&finding.placeholder), "{status}");
    assert!(status.starts_with("▶ 1/"), "{status}");

    // Previous from the first wraps to the last, and says so.
    view.handle(Action::PreviousFinding);
    assert_eq!(view.current, Some(view.findings().len() - 1));
    assert!(screen(&draw(&view, 100, 30)).contains("Back at the last finding."));
}

#[test]
fn keeping_a_value_asks_why_and_shows_it_on_the_redacted_side() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    while view.current_finding().is_none_or(|f| f.kind != Kind::Email) {
        view.handle(Action::NextFinding);
    }
    view.handle_event(&key(KeyCode::Char('k')));
    assert!(view.prompt_open());
    // An empty reason is refused, inline.
    assert_eq!(view.handle_event(&key(KeyCode::Enter)), Outcome::Done);
    assert!(view.prompt_open());
    assert!(screen(&draw(&view, 100, 30)).contains("say why this value may leave"));
    // Typing q in the prompt is text, not quit.
    type_text(&mut view, "support needs the buyer's address q");
    let outcome = view.handle_event(&key(KeyCode::Enter));
    let Outcome::Decision(decision) = outcome else {
        panic!("expected a decision, got {outcome:?}");
    };
    assert_eq!(
        decision,
        Decision::Keep {
            placeholder: "[EMAIL_1]".into(),
            reason: "support needs the buyer's address q".into()
        }
    );
    assert!(!view.prompt_open());
    assert_eq!(view.counts().kept, 2, "both occurrences are kept");
    let right = right_half(&draw(&view, 120, 30));
    assert!(right.contains(EMAIL), "{right}");

    // The engine agrees once the decision is applied.
    decision.apply(&mut engine);
    let exported = engine.redact(sample().as_bytes()).text_lossy();
    assert!(exported.contains(EMAIL));

    // r redacts it again.
    let Outcome::Decision(again) = view.handle(Action::Redact) else {
        panic!("expected a decision");
    };
    assert_eq!(
        again,
        Decision::Redact {
            placeholder: "[EMAIL_1]".into()
        }
    );
    assert_eq!(view.counts().kept, 0);
    assert!(!right_half(&draw(&view, 120, 30)).contains(EMAIL));
}

#[test]
fn a_key_is_never_kept_and_k_says_why() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    while view
        .current_finding()
        .is_none_or(|f| f.kind.category().may_be_kept())
    {
        view.handle(Action::NextFinding);
    }
    let placeholder = view.current_finding().unwrap().placeholder.clone();
    view.handle_event(&key(KeyCode::Char('k')));
    assert!(
        !view.prompt_open(),
        "no reason is asked for a value that can never be kept"
    );
    let shown = screen(&draw(&view, 200, 30));
    assert!(shown.contains("can never be kept"), "{shown}");
    assert_eq!(view.counts().kept, 0);
    // Nor does the engine keep it when asked directly (an old session's decision).
    assert!(!engine.keep(&placeholder, "support asked for it"));
    assert!(
        !engine
            .redact(sample().as_bytes())
            .text_lossy()
            .contains(SECRET_KEY)
    );
}

#[test]
fn a_custom_term_is_redacted_after_one_more_pass() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    view.handle_event(&key(KeyCode::Char('t')));
    // A pasted newline is text in the prompt: it never submits.
    assert_eq!(
        view.handle_event(&Event::Paste("Harbour\n".into())),
        Outcome::Done
    );
    assert!(view.prompt_open());
    let Outcome::Decision(decision) = view.handle(Action::Submit) else {
        panic!("expected a decision");
    };
    assert_eq!(
        decision,
        Decision::AlwaysRedact {
            term: "Harbour".into()
        }
    );
    assert!(
        !format!("{decision:?}").contains("Harbour"),
        "Debug hides the term"
    );
    decision.apply(&mut engine);
    assert!(view.is_working());
    while view.work(&mut engine, 1) {}
    assert!(view.findings().iter().any(|f| f.kind == Kind::Custom));
    assert_eq!(view.terms(), ["Harbour"]);
    let buf = draw(&view, 100, 30);
    let right = right_half(&buf);
    assert!(!right.contains("Harbour"), "{right}");
    assert!(right.contains("[CUSTOM_1]"), "{right}");
    // The same term twice is refused, in any case.
    view.handle(Action::AddTerm);
    type_text(&mut view, "HARBOUR");
    view.handle(Action::Submit);
    assert_eq!(
        view.prompt.as_ref().unwrap().field.error(),
        Some("this term is already always redacted")
    );
}

#[test]
fn the_privacy_screen_hides_every_original_until_pressed_again() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    view.handle(Action::NextFinding);
    // Tall enough to show every line at once.
    assert!(screen(&draw(&view, 120, 80)).contains(EMAIL));
    view.handle_event(&key(KeyCode::Char('p')));
    assert!(view.privacy());
    let shown = screen(&draw(&view, 120, 80));
    assert!(shown.contains("Originals hidden"), "{shown}");
    assert!(
        !shown.contains(EMAIL) && !shown.contains(SECRET_KEY),
        "{shown}"
    );
    assert!(shown.contains("[EMAIL_1]"), "the redacted side stays");
    view.handle(Action::TogglePrivacy);
    assert!(screen(&draw(&view, 120, 80)).contains(EMAIL));
}

#[test]
fn key_releases_do_nothing() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    let mut release = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(view.handle_event(&Event::Key(release)), Outcome::Ignored);
    assert!(!view.privacy());
}

#[test]
fn app_keys_are_handed_back() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    // q closes the review (its caller's Back); Ctrl+C quits from anywhere.
    assert_eq!(
        view.handle_event(&key(KeyCode::Char('q'))),
        Outcome::Unhandled(Action::Back)
    );
    assert_eq!(
        view.handle_event(&Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL
        ))),
        Outcome::Unhandled(Action::Quit)
    );
    assert_eq!(
        view.handle_event(&key(KeyCode::Char('?'))),
        Outcome::Unhandled(Action::Help)
    );
    assert_eq!(
        view.handle_event(&Event::Paste("x".into())),
        Outcome::Ignored
    );
}

#[test]
fn scrolling_stays_inside_the_text() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    // Wrapped, the end sits on the last row: fewer lines fit than rows.
    view.handle(Action::Bottom);
    let (top, _) = view.scroll();
    assert!(
        top > view.line_count() - 26 && top < view.line_count(),
        "{top}"
    );
    view.handle(Action::PageDown);
    assert_eq!(view.scroll().0, top);
    view.handle(Action::Wrap);
    view.handle(Action::Bottom);
    let (top, _) = view.scroll();
    assert_eq!(top, view.line_count() - 26);
    view.handle(Action::PageDown);
    assert_eq!(view.scroll().0, top);
    view.handle(Action::Wrap);
    view.handle(Action::Top);
    view.handle(Action::ScrollUp);
    assert_eq!(view.scroll().0, 0);
    // Lines wrap: there is nothing to the side.
    view.handle(Action::ScrollRight);
    assert_eq!(view.scroll().1, 0);
    // Scrolled sideways instead, right stops before the widest line on screen runs out.
    view.handle(Action::Wrap);
    for _ in 0..50 {
        view.handle(Action::ScrollRight);
    }
    let (_, hscroll) = view.scroll();
    assert!(hscroll > 0 && hscroll < 60, "{hscroll}");
    view.handle(Action::LineStart);
    assert_eq!(view.scroll().1, 0);
}

#[test]
fn restored_decisions_show_and_count() {
    let mut engine = engine();
    let mut view = redacted_view(&mut engine);
    view.restore_decisions([("[EMAIL_1]", "buyer asked")], ["Lantern".to_owned()]);
    assert_eq!(
        view.kept().collect::<Vec<_>>(),
        [("[EMAIL_1]", "buyer asked")]
    );
    assert_eq!(view.counts().kept, 2);
    assert_eq!(view.terms(), ["Lantern"]);
}

#[test]
fn slash_finds_text_below_the_screen_and_then_the_next_match() {
    let mut engine = Engine::new(Profile::Standard);
    let mut view = redacted_view(&mut engine);
    assert_eq!(view.scroll().0, 0);
    view.handle(Action::Search);
    type_text(&mut view, "REQUEST 5");
    view.handle(Action::Submit);
    // "request 5 ok" is line 6 (on screen); the search starts at the top.
    assert!(screen(&draw(&view, 100, 30)).contains("\"REQUEST 5\" on line 6"));
    view.handle(Action::Search);
    view.handle(Action::Submit);
    // The next match, case aside, is "request 50": below the first screen.
    let shown = screen(&draw(&view, 100, 30));
    assert!(shown.contains("\"REQUEST 5\" on line 51"), "{shown}");
    assert!(view.scroll().0 > 0, "scrolled to it");
    view.handle(Action::Search);
    type_text(&mut view, "no such words");
    view.handle(Action::Submit);
    assert!(screen(&draw(&view, 100, 30)).contains("is not in this text"));
    // A placeholder goes to its finding.
    view.handle(Action::Search);
    type_text(&mut view, "[email_1]");
    view.handle(Action::Submit);
    assert_eq!(
        view.current_finding().map(|f| f.placeholder.as_str()),
        Some("[EMAIL_1]")
    );
}

#[test]
fn long_lines_wrap_on_both_panes_line_for_line() {
    let mut engine = Engine::new(Profile::Standard);
    let long = format!(
        "start {} middle ana.lima@example.org {} end-of-line\nnext line\n",
        "a".repeat(70),
        "b".repeat(70)
    );
    let mut view = EvidenceView::new("long.log", long.into_bytes());
    while view.work(&mut engine, 1) {}
    let buf = draw(&view, 80, 20);
    let shown = screen(&buf);
    // Both ends of the long line are on screen, on both sides.
    assert_eq!(shown.matches("end-of-line").count(), 2, "{shown}");
    assert!(
        shown.contains("[EMAIL_1]") && shown.contains("ana.lima@"),
        "{shown}"
    );
    // Line 2 starts on the same row in both panes.
    let rows = rows(&buf);
    let row_of_2: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.contains("│2 "))
        .map(|(i, r)| i * 10 + r.matches("│2 ").count())
        .collect();
    assert_eq!(row_of_2.len(), 1, "{shown}");
    assert_eq!(
        row_of_2[0] % 10,
        2,
        "line 2 on one row in both panes: {shown}"
    );
    // Every finding was on screen: the review can be confirmed.
    assert_eq!(view.unseen(), 0);
    // w scrolls sideways instead: the end of the line is off screen.
    view.handle(Action::Wrap);
    let shown = screen(&draw(&view, 80, 20));
    assert!(!shown.contains("end-of-line"), "{shown}");
}
