use super::*;
use ratatui_textarea::CursorMove;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(field: &mut TextField, text: &str) {
    for c in text.chars() {
        field.input(key(KeyCode::Char(c)));
    }
}

/// Renders into a buffer and returns where the cursor goes.
fn render(field: &TextField, area: Rect) -> (Buffer, Option<Position>) {
    let mut buf = Buffer::empty(area);
    field.render(area, &mut buf);
    let cursor = field.cursor_position(area);
    (buf, cursor)
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn a_pasted_multi_line_error_is_kept_verbatim() {
    let mut field = TextField::multi("Error");
    let pasted =
        "PHP Fatal error:\tUncaught Error\r\n  in /var/www/a.php:88\rStack trace:\n#0 {main}";
    assert!(field.paste(pasted));
    assert_eq!(
        field.value(),
        "PHP Fatal error:\tUncaught Error\n  in /var/www/a.php:88\nStack trace:\n#0 {main}"
    );
    assert_eq!(field.notice(), None);
}

#[test]
fn a_single_line_field_turns_pasted_line_breaks_into_spaces_and_says_so() {
    let mut field = TextField::single("Affected screen");
    type_text(&mut field, "Woo");
    field.paste("Commerce >\r\nOrders\n");
    assert_eq!(field.value(), "WooCommerce > Orders");
    assert_eq!(field.notice(), Some(JOINED_LINES_NOTICE));
    // The next edit clears the note.
    type_text(&mut field, "!");
    assert_eq!(field.notice(), None);
    assert_eq!(field.value(), "WooCommerce > Orders!");
}

#[test]
fn a_paste_without_line_breaks_leaves_no_notice() {
    let mut field = TextField::single("User");
    field.paste("shop_manager");
    assert_eq!(field.notice(), None);
}

#[test]
fn enter_and_tab_are_not_text_in_a_single_line_field() {
    let mut field = TextField::single("Screen");
    type_text(&mut field, "ab");
    assert!(!field.input(key(KeyCode::Enter)));
    assert!(!field.input(key(KeyCode::Tab)));
    assert!(!field.input(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::CONTROL)));
    assert_eq!(field.value(), "ab");

    let mut multi = TextField::multi("Steps");
    type_text(&mut multi, "a");
    assert!(multi.input(key(KeyCode::Enter)));
    type_text(&mut multi, "b");
    assert_eq!(multi.value(), "a\nb");
}

#[test]
fn set_value_round_trips_and_puts_the_cursor_at_the_end() {
    let mut field = TextField::multi("Steps");
    field.set_value("1. open the order\n2. click refund");
    assert_eq!(field.value(), "1. open the order\n2. click refund");
    type_text(&mut field, "!");
    assert_eq!(field.value(), "1. open the order\n2. click refund!");

    let mut single = TextField::single("Screen").with_value("a\nb");
    assert_eq!(single.value(), "a b");
    single.set_value("");
    assert!(single.is_empty());
}

#[test]
fn the_cursor_is_placed_by_display_width() {
    let area = Rect::new(0, 0, 30, 3);
    let mut field = TextField::single("Name").with_value("日本語");
    let (_, cursor) = render(&field, area);
    // Border, then three wide characters of two cells each.
    assert_eq!(cursor, Some(Position::new(1 + 6, 1)));

    field.set_value("a😀b");
    field.editor.move_cursor(CursorMove::Back);
    let (_, cursor) = render(&field, area);
    assert_eq!(
        cursor,
        Some(Position::new(1 + 3, 1)),
        "before b, after the emoji"
    );

    field.set_value("é\tx");
    let (_, cursor) = render(&field, area);
    // é is one cell; the tab runs to the next stop (4), then x.
    assert_eq!(cursor, Some(Position::new(1 + 5, 1)));
}

#[test]
fn the_cursor_follows_a_long_line_scrolled_sideways() {
    let area = Rect::new(2, 1, 12, 3);
    let field = TextField::single("Long").with_value(&"界".repeat(20));
    let (_, cursor) = render(&field, area);
    let cursor = cursor.expect("cursor visible");
    assert!(area.contains(cursor));
    assert_eq!(cursor.y, 2);
}

#[test]
fn an_unfocused_field_has_no_cursor() {
    let mut field = TextField::single("x").with_value("abc");
    field.set_focused(false);
    let (_, cursor) = render(&field, Rect::new(0, 0, 10, 3));
    assert_eq!(cursor, None);
}

#[test]
fn the_validation_message_is_shown_under_the_text_and_cleared_by_typing() {
    let mut field = TextField::single("PHP version").with_value("latest");
    field.set_error(Some("a version starts with digits, like 8.2.12".into()));
    let (buf, _) = render(&field, Rect::new(0, 0, 60, 3));
    assert!(row(&buf, 0).contains("PHP version"), "{}", row(&buf, 0));
    assert!(row(&buf, 1).contains("latest"));
    assert!(
        row(&buf, 2).contains("✗ a version starts with digits, like 8.2.12"),
        "{}",
        row(&buf, 2)
    );
    field.input(key(KeyCode::Backspace));
    assert_eq!(field.error(), None);
}

#[test]
fn rendering_in_a_tiny_or_empty_area_does_not_panic() {
    let field = TextField::multi("Error").with_value("a\nb\nc");
    for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 3), (5, 1)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        field.render(area, &mut buf);
        assert!(field.cursor_position(area).is_none_or(|p| area.contains(p)));
    }
}

#[test]
fn readline_keys_edit_as_in_a_shell() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let alt = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
    let mut field = TextField::single("Version");
    type_text(&mut field, "php 8.2.12 fpm");
    assert!(
        field.input(ctrl('w')),
        "Ctrl+W deletes the word before the cursor"
    );
    assert_eq!(field.value(), "php 8.2.12 ");
    assert!(!field.input(ctrl('a')));
    type_text(&mut field, ">");
    assert_eq!(field.value(), ">php 8.2.12 ");
    assert!(!field.input(ctrl('e')));
    type_text(&mut field, "cli");
    assert_eq!(field.value(), ">php 8.2.12 cli");
    assert!(!field.input(alt('b')));
    assert!(field.input(ctrl('k')), "Ctrl+K deletes to the end");
    assert_eq!(field.value(), ">php 8.2.12 ");
    assert!(!field.input(alt('b')));
    assert!(!field.input(alt('f')));
    assert!(field.input(ctrl('u')), "Ctrl+U deletes to the start");
    assert!(!field.value().contains("php"), "{}", field.value());
}

#[test]
fn an_unfocused_long_text_shows_its_head() {
    let mut field = TextField::multi("Error");
    let stack: Vec<String> = (0..20).map(|n| format!("#{n} frame")).collect();
    field.set_value(&format!("PHP Fatal error: boom\n{}", stack.join("\n")));
    let area = Rect::new(0, 0, 40, 6);
    let (buf, _) = render(&field, area);
    assert!(
        row(&buf, 4).contains("#19 frame"),
        "focused: the end, where typing goes"
    );
    field.set_focused(false);
    let (buf, cursor) = render(&field, area);
    assert!(row(&buf, 1).contains("PHP Fatal error"), "{}", row(&buf, 1));
    assert_eq!(cursor, None);
    field.set_focused(true);
    let (buf, _) = render(&field, area);
    assert!(row(&buf, 4).contains("#19 frame"), "{}", row(&buf, 4));
}

#[test]
fn a_long_line_wraps_in_a_multi_line_field_and_its_start_stays_in_sight() {
    let mut field = TextField::multi("Error");
    let error = "Fatal error: Uncaught Error: Call to undefined method \
                 WC_Order::get_customer_ip() in /var/www/html/wp-content/plugins/x.php:214";
    type_text(&mut field, error);
    let area = Rect::new(0, 0, 32, 8);
    let (buf, cursor) = render(&field, area);
    let shown: Vec<String> = (1..7).map(|y| row(&buf, y)).collect();
    assert!(shown[0].contains("Fatal error: Uncaught"), "{shown:#?}");
    // Every character typed is on screen, in order, across the rows.
    let joined: String = shown
        .iter()
        .map(|r| r.trim_matches('│').trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    let squeezed = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squeezed(&joined), squeezed(error));
    // The cursor follows the text onto the row it ends on.
    let end_row = shown
        .iter()
        .rposition(|r| !r.trim_matches('│').trim().is_empty());
    assert_eq!(cursor.map(|c| c.y), end_row.map(|r| r as u16 + 1));
    assert_eq!(field.value(), error, "wrapping adds no line break");
}

#[test]
fn a_single_line_field_does_not_wrap() {
    let mut field = TextField::single("Affected screen");
    type_text(
        &mut field,
        "WooCommerce > Settings > Payments > SophMate gateway",
    );
    let (buf, _) = render(&field, Rect::new(0, 0, 24, 3));
    assert!(
        row(&buf, 2).starts_with('└'),
        "one row of text: {}",
        row(&buf, 2)
    );
}
