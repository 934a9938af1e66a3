use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn only_presses_resolve() {
    let mut event = press(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(resolve(&event, &[C::Evidence]), Some(A::NextFinding));
    event.kind = KeyEventKind::Release;
    assert_eq!(resolve(&event, &[C::Evidence]), None);
    event.kind = KeyEventKind::Repeat;
    assert_eq!(resolve(&event, &[C::Evidence]), None);
}

#[test]
fn shifted_letters_match_with_or_without_the_shift_flag() {
    for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
        let event = press(KeyCode::Char('N'), modifiers);
        assert_eq!(resolve(&event, &[C::Evidence]), Some(A::PreviousFinding));
    }
    let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(resolve(&ctrl_n, &[C::Evidence]), None);
}

#[test]
fn the_first_context_wins_and_typing_contexts_shadow_global_keys() {
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(resolve(&esc, &[C::Prompt, C::Always]), Some(A::Cancel));
    assert_eq!(resolve(&esc, &[C::Evidence, C::Global]), Some(A::Back));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        resolve(&q, &[C::Prompt, C::Always]),
        None,
        "q is text in a prompt"
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(resolve(&ctrl_c, &[C::Prompt, C::Always]), Some(A::Quit));
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                !(a.context == b.context && a.key == b.key),
                "{} bound twice in {:?}",
                a.key,
                a.context
            );
        }
    }
}

#[test]
fn help_joins_the_keys_of_one_action() {
    let sections = help_sections(&[C::Evidence]);
    let (context, entries) = &sections[0];
    assert_eq!(*context, C::Evidence);
    let left = entries.iter().find(|e| e.help == "scroll left").unwrap();
    assert_eq!(left.keys, "← h");
    assert_eq!(
        entries.iter().filter(|e| e.help == "scroll left").count(),
        1
    );
}

#[test]
fn every_footer_word_is_a_working_key() {
    for context in [C::Evidence, C::Prompt, C::Help, C::Global] {
        for (key, word) in footer_items(&[context]) {
            let binding = BINDINGS
                .iter()
                .find(|b| b.context == context && b.footer == Some(word))
                .unwrap();
            assert_eq!(binding.key.to_string(), key);
            let event = KeyEvent::new(binding.key.code, binding.key.modifiers);
            assert_eq!(resolve(&event, &[context]), Some(binding.action));
        }
    }
}

#[test]
fn key_press_drops_releases_and_repeats() {
    let mut key = press(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(key_press(&Event::Key(key)), Some(key));
    key.kind = KeyEventKind::Release;
    assert_eq!(key_press(&Event::Key(key)), None);
    key.kind = KeyEventKind::Repeat;
    assert_eq!(key_press(&Event::Key(key)), None);
    assert_eq!(key_press(&Event::Paste("a".into())), None);
}

#[test]
fn shift_tab_goes_back_with_or_without_the_shift_flag_terminals_send() {
    for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
        let event = press(KeyCode::BackTab, modifiers);
        assert_eq!(
            resolve(&event, &[C::SingleLine, C::Form]),
            Some(A::PreviousItem)
        );
    }
}

#[test]
fn q_closes_the_review_and_quits_only_at_the_top() {
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(resolve(&q, &[C::Evidence, C::Global]), Some(A::Back));
    assert_eq!(resolve(&q, &[C::Steps, C::Global]), Some(A::Quit));
}

#[test]
fn readline_keys_are_left_to_the_text_field() {
    for c in ['a', 'e', 'u', 'w', 'k'] {
        let event = press(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            resolve(&event, &[C::SingleLine, C::Form, C::Always]),
            None,
            "Ctrl+{c}"
        );
    }
    for c in ['b', 'f'] {
        let event = press(KeyCode::Char(c), KeyModifiers::ALT);
        assert_eq!(resolve(&event, &[C::SingleLine, C::Form, C::Always]), None);
    }
}
