use super::*;
use ratatui::layout::Rect;

fn plain(bytes: &[u8]) -> Vec<Piece<'_>> {
    vec![Piece {
        bytes,
        style: Style::new(),
    }]
}

/// The row as the terminal would show it: wide characters once, the cells they cover skipped.
fn shown(bytes: &[u8], width: u16, skip: usize) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
    draw_line(&mut buf, (0, 0), width, skip, &plain(bytes));
    let mut out = String::new();
    let mut x = 0;
    while x < width {
        let symbol = buf[(x, 0)].symbol();
        out.push_str(symbol);
        x += u16::try_from(cluster_width(symbol).max(1)).unwrap();
    }
    out
}

#[test]
fn tabs_expand_to_the_next_stop() {
    assert_eq!(shown(b"a\tb", 12, 0), "a       b   ");
    assert_eq!(shown(b"\t\tx", 20, 0), "                x   ");
    assert_eq!(display_width(&plain(b"abc\t"), usize::MAX), 8);
}

#[test]
fn control_characters_and_invalid_bytes_are_made_visible() {
    assert_eq!(shown(b"a\x1b[31mb", 12, 0), "a^[[31mb    ");
    assert_eq!(shown(b"x\x00\x7f", 6, 0), "x^@^? ");
    assert_eq!(shown(b"ok\xff\xfe", 12, 0), "ok\\xFF\\xFE  ");
    assert_eq!(shown("a\u{202e}b".as_bytes(), 12, 0), "a<U+202E>b  ");
    assert_eq!(shown(b"a\rb", 5, 0), "a^Mb ");
}

#[test]
fn wide_characters_take_two_cells_and_are_never_split() {
    assert_eq!(shown("日本語".as_bytes(), 6, 0), "日本語");
    // Cut by the right edge: the half that fits stays blank.
    assert_eq!(shown("日本語".as_bytes(), 5, 0), "日本 ");
    // Cut by the left edge the same way.
    assert_eq!(shown("日本語".as_bytes(), 5, 1), " 本語");
    assert_eq!(display_width(&plain("日本語".as_bytes()), usize::MAX), 6);
}

#[test]
fn clusters_keep_their_accents_and_emoji_sequences_together() {
    // e + combining acute, then a family emoji joined by ZWJ: two clusters.
    let text = "e\u{301}👨\u{200d}👩\u{200d}👧x";
    assert_eq!(
        display_width(&plain(text.as_bytes()), usize::MAX),
        1 + 2 + 1
    );
    assert_eq!(shown(text.as_bytes(), 4, 0), text);
}

#[test]
fn scrolling_sideways_keeps_tab_stops_of_the_whole_line() {
    assert_eq!(shown(b"ab\tcd", 4, 7), " cd ");
    assert_eq!(shown(b"abcdef", 3, 4), "ef ");
    assert_eq!(shown(b"abc", 3, 10), "   ");
}

#[test]
fn styles_follow_their_piece() {
    let red = Style::new().fg(ratatui::style::Color::Red);
    let pieces = [
        Piece {
            bytes: b"ab",
            style: Style::new(),
        },
        Piece {
            bytes: b"\x01c",
            style: red,
        },
    ];
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
    draw_line(&mut buf, (0, 0), 6, 0, &pieces);
    assert_eq!(buf[(1, 0)].fg, ratatui::style::Color::Reset);
    assert_eq!(buf[(2, 0)].symbol(), "^");
    assert_eq!(buf[(2, 0)].fg, ratatui::style::Color::Red);
    assert!(buf[(2, 0)].modifier.contains(Modifier::DIM));
    assert_eq!(buf[(4, 0)].symbol(), "c");
    assert!(!buf[(4, 0)].modifier.contains(Modifier::DIM));
}

#[test]
fn width_counting_stops_at_the_cap() {
    let long = vec![b'x'; 1_000_000];
    assert_eq!(display_width(&plain(&long), 100), 100);
}

#[test]
fn drawing_outside_the_buffer_is_clipped() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    draw_line(&mut buf, (2, 0), 10, 0, &plain(b"abcdef"));
    assert_eq!(buf[(2, 0)].symbol(), "a");
    assert_eq!(buf[(3, 0)].symbol(), "b");
    draw_line(&mut buf, (0, 5), 10, 0, &plain(b"abcdef"));
}
