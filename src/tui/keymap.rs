//! The one key table. Key handling, the footer and the `?` help are all read
//! from [`BINDINGS`], so the help can never describe a key that does
//! something else.
//!
//! Only key presses count: Windows also reports releases, and acting on both
//! would do everything twice. [`resolve`] is the one place that filters them.

use std::fmt;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

/// Where a key is read. A view passes the contexts active now, most specific
/// first; the first binding found wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere, even while typing.
    Always,
    /// Screens without a text field in focus.
    Global,
    /// The side-by-side evidence review.
    Evidence,
    /// A one-line prompt (a reason to keep a value, a term to redact).
    Prompt,
    /// The help popup.
    Help,
    /// The list of steps, in focus.
    Steps,
    /// Any item of a step's form, in focus.
    Form,
    /// A one-line text field of a form: Enter saves it.
    SingleLine,
    /// A choice, a tick box or a button of a form.
    Choice,
    /// The timeline panel.
    Timeline,
    /// A list to pick from (runbooks, the resume offer).
    Picker,
    /// A finished or abandoned session: read-only until reopened.
    Ended,
    /// The side-by-side review of the report, where its confirmation is given.
    ReportReview,
    /// The log of recent messages.
    Messages,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Anywhere",
            Context::Global => "Everywhere",
            Context::Evidence => "Evidence review",
            Context::Prompt => "Prompt",
            Context::Help => "Help",
            Context::Steps => "Step list",
            Context::Form => "Form",
            Context::SingleLine => "One-line field",
            Context::Choice => "Choices, tick boxes and buttons",
            Context::Timeline => "Timeline",
            Context::Picker => "Picker",
            Context::Ended => "A finished session",
            Context::ReportReview => "Report review",
            Context::Messages => "Messages",
        }
    }
}

/// What a key asks for. Views handle the actions they know and hand back the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Back,
    Help,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    ScrollLeft,
    ScrollRight,
    LineStart,
    NextFinding,
    PreviousFinding,
    Keep,
    Redact,
    AddTerm,
    TogglePrivacy,
    Submit,
    Cancel,
    NextItem,
    PreviousItem,
    NextStep,
    PreviousStep,
    Save,
    Editor,
    Timeline,
    NewSession,
    Related,
    Reopen,
    ConfirmReview,
    Messages,
    Search,
    Wrap,
}

/// A key with its modifiers. Letters compare without Shift: terminals
/// disagree on whether `N` arrives with the Shift flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b && self.modifiers & significant == event.modifiers & significant
            }
            // Terminals report Shift+Tab as BackTab with Shift held.
            (KeyCode::BackTab, KeyCode::BackTab) => {
                self.modifiers & significant == event.modifiers & significant
            }
            (a, b) => a == b && self.modifiers == event.modifiers,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl+")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt+")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            // Ctrl+C, as people write it; a plain letter keeps its case (n, N).
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift+Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: Key,
    pub context: Context,
    pub action: Action,
    /// What the key does, for the help popup.
    pub help: &'static str,
    /// A word or two for the footer; `None` keeps the binding out of it.
    pub footer: Option<&'static str>,
}

const fn bind(
    key: Key,
    context: Context,
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        key,
        context,
        action,
        help,
        footer,
    }
}

use Action as A;
use Context as C;

/// Every key the program reads, in the order help shows them.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Key::ctrl('c'),                 C::Always,    A::Quit,             "save and quit",                        None),
    bind(Key::plain(KeyCode::F(1)),      C::Always,    A::Help,             "show the keys",                        Some("help")),
    bind(Key::ctrl('t'),                 C::Always,    A::Timeline,         "show or hide the timeline",            None),
    bind(Key::ctrl('o'),                 C::Always,    A::Related,          "related runbooks: open one as a linked session", None),
    bind(Key::plain(KeyCode::F(2)),      C::Always,    A::TogglePrivacy,    "privacy screen: only redacted text shows", None),
    bind(Key::ctrl('g'),                 C::Always,    A::Messages,         "recent messages, each in full",        None),
    bind(Key::ctrl('r'),                 C::Ended,     A::Reopen,           "reopen this session to change it (press twice)", Some("reopen")),
    bind(Key::char('c'),                 C::ReportReview, A::ConfirmReview, "confirm the review, once every finding was seen", Some("confirm")),
    bind(Key::char('?'),                 C::Global,    A::Help,             "show the keys",                        Some("help")),
    bind(Key::char('q'),                 C::Global,    A::Quit,             "save and quit",                        Some("quit")),
    bind(Key::plain(KeyCode::Esc),       C::Global,    A::Back,             "go back",                              None),
    bind(Key::char('q'),                 C::Evidence,  A::Back,             "close the review",                     Some("close")),
    bind(Key::char('n'),                 C::Evidence,  A::NextFinding,      "next finding",                         Some("next")),
    bind(Key::char('N'),                 C::Evidence,  A::PreviousFinding,  "previous finding",                     Some("prev")),
    bind(Key::char('k'),                 C::Evidence,  A::Keep,             "keep this value as is (asks why)",     Some("keep")),
    bind(Key::char('r'),                 C::Evidence,  A::Redact,           "redact this value again",              Some("redact")),
    bind(Key::char('t'),                 C::Evidence,  A::AddTerm,          "always redact a term you type",        Some("term")),
    bind(Key::char('p'),                 C::Evidence,  A::TogglePrivacy,    "privacy screen: hide every original",  Some("privacy")),
    bind(Key::char('/'),                 C::Evidence,  A::Search,           "search the text",                      Some("search")),
    bind(Key::char('w'),                 C::Evidence,  A::Wrap,             "wrap long lines, or scroll them sideways", Some("wrap")),
    bind(Key::plain(KeyCode::Up),        C::Evidence,  A::ScrollUp,         "scroll up",                            None),
    bind(Key::plain(KeyCode::Down),      C::Evidence,  A::ScrollDown,       "scroll down",                          None),
    bind(Key::plain(KeyCode::PageUp),    C::Evidence,  A::PageUp,           "page up",                              None),
    bind(Key::plain(KeyCode::PageDown),  C::Evidence,  A::PageDown,         "page down",                            None),
    bind(Key::plain(KeyCode::Home),      C::Evidence,  A::Top,              "first line",                           None),
    bind(Key::plain(KeyCode::End),       C::Evidence,  A::Bottom,           "last line",                            None),
    bind(Key::plain(KeyCode::Left),      C::Evidence,  A::ScrollLeft,       "scroll left",                          Some("left")),
    bind(Key::char('h'),                 C::Evidence,  A::ScrollLeft,       "scroll left",                          None),
    bind(Key::plain(KeyCode::Right),     C::Evidence,  A::ScrollRight,      "scroll right",                         Some("right")),
    bind(Key::char('l'),                 C::Evidence,  A::ScrollRight,      "scroll right",                         None),
    bind(Key::char('0'),                 C::Evidence,  A::LineStart,        "back to the start of the lines",       None),
    bind(Key::plain(KeyCode::Enter),     C::Prompt,    A::Submit,           "confirm",                              Some("confirm")),
    bind(Key::plain(KeyCode::Esc),       C::Prompt,    A::Cancel,           "cancel",                               Some("cancel")),
    bind(Key::plain(KeyCode::Enter),     C::SingleLine, A::Submit,          "save and go to the next field",        None),
    bind(Key::plain(KeyCode::Tab),       C::Form,      A::NextItem,         "save and go to the next field",        Some("next field")),
    bind(Key::plain(KeyCode::BackTab),   C::Form,      A::PreviousItem,     "save and go to the previous field",    None),
    bind(Key::ctrl('n'),                 C::Form,      A::NextStep,         "save and go to the next step",         Some("next step")),
    bind(Key::ctrl('p'),                 C::Form,      A::PreviousStep,     "save and go to the previous step",     None),
    bind(Key::ctrl('s'),                 C::Form,      A::Save,             "save this field now",                  Some("save")),
    bind(Key::ctrl('x'),                 C::Form,      A::Editor,           "edit this text in $EDITOR",            None),
    bind(Key::plain(KeyCode::Esc),       C::Form,      A::Back,             "save and go to the step list",         Some("steps")),
    bind(Key::plain(KeyCode::Left),      C::Choice,    A::ScrollLeft,       "previous choice",                      None),
    bind(Key::plain(KeyCode::Right),     C::Choice,    A::ScrollRight,      "next choice",                          None),
    bind(Key::plain(KeyCode::Up),        C::Choice,    A::PreviousItem,     "previous field",                       None),
    bind(Key::plain(KeyCode::Down),      C::Choice,    A::NextItem,         "next field",                           None),
    bind(Key::plain(KeyCode::Enter),     C::Choice,    A::Submit,           "choose, tick or press",                Some("choose")),
    bind(Key::char(' '),                 C::Choice,    A::Submit,           "choose, tick or press",                None),
    bind(Key::plain(KeyCode::Up),        C::Steps,     A::ScrollUp,         "previous step",                        None),
    bind(Key::char('k'),                 C::Steps,     A::ScrollUp,         "previous step",                        None),
    bind(Key::plain(KeyCode::Down),      C::Steps,     A::ScrollDown,       "next step",                            None),
    bind(Key::char('j'),                 C::Steps,     A::ScrollDown,       "next step",                            None),
    bind(Key::plain(KeyCode::Home),      C::Steps,     A::Top,              "first step",                           None),
    bind(Key::plain(KeyCode::End),       C::Steps,     A::Bottom,           "last step",                            None),
    bind(Key::plain(KeyCode::Enter),     C::Steps,     A::Submit,           "open the step",                        Some("open")),
    bind(Key::plain(KeyCode::Right),     C::Steps,     A::Submit,           "open the step",                        None),
    bind(Key::plain(KeyCode::Tab),       C::Steps,     A::Submit,           "open the step",                        None),
    bind(Key::ctrl('n'),                 C::Steps,     A::NextStep,         "go to the next step",                  Some("next step")),
    bind(Key::ctrl('p'),                 C::Steps,     A::PreviousStep,     "go to the previous step",              None),
    bind(Key::char('t'),                 C::Steps,     A::Timeline,         "show or hide the timeline",            Some("timeline")),
    bind(Key::plain(KeyCode::Up),        C::Timeline,  A::ScrollUp,         "scroll up",                            None),
    bind(Key::plain(KeyCode::Down),      C::Timeline,  A::ScrollDown,       "scroll down",                          None),
    bind(Key::plain(KeyCode::PageUp),    C::Timeline,  A::PageUp,           "page up",                              None),
    bind(Key::plain(KeyCode::PageDown),  C::Timeline,  A::PageDown,         "page down",                            None),
    bind(Key::plain(KeyCode::Esc),       C::Timeline,  A::Back,             "close the timeline",                   Some("close")),
    bind(Key::char('t'),                 C::Timeline,  A::Back,             "close the timeline",                   None),
    bind(Key::plain(KeyCode::Up),        C::Picker,    A::ScrollUp,         "previous",                             None),
    bind(Key::char('k'),                 C::Picker,    A::ScrollUp,         "previous",                             None),
    bind(Key::plain(KeyCode::Down),      C::Picker,    A::ScrollDown,       "next",                                 None),
    bind(Key::char('j'),                 C::Picker,    A::ScrollDown,       "next",                                 None),
    bind(Key::plain(KeyCode::Home),      C::Picker,    A::Top,              "first",                                None),
    bind(Key::plain(KeyCode::End),       C::Picker,    A::Bottom,           "last",                                 None),
    bind(Key::plain(KeyCode::Enter),     C::Picker,    A::Submit,           "open the one marked",                  Some("open")),
    bind(Key::plain(KeyCode::Esc),       C::Picker,    A::Back,             "close",                                Some("close")),
    bind(Key::char('n'),                 C::Picker,    A::NewSession,       "start a new session instead",          None),
    bind(Key::plain(KeyCode::Esc),       C::Help,      A::Back,             "close help",                           Some("close")),
    bind(Key::char('?'),                 C::Help,      A::Back,             "close help",                           None),
    bind(Key::char('q'),                 C::Help,      A::Back,             "close help",                           None),
    bind(Key::plain(KeyCode::F(1)),      C::Help,      A::Back,             "close help",                           None),
    bind(Key::plain(KeyCode::Up),        C::Help,      A::ScrollUp,         "scroll up",                            None),
    bind(Key::plain(KeyCode::Down),      C::Help,      A::ScrollDown,       "scroll down",                          None),
    bind(Key::plain(KeyCode::Esc),       C::Messages,  A::Back,             "close the messages",                   Some("close")),
    bind(Key::char('q'),                 C::Messages,  A::Back,             "close the messages",                   None),
    bind(Key::ctrl('g'),                 C::Messages,  A::Back,             "close the messages",                   None),
    bind(Key::plain(KeyCode::Up),        C::Messages,  A::ScrollUp,         "scroll up",                            None),
    bind(Key::plain(KeyCode::Down),      C::Messages,  A::ScrollDown,       "scroll down",                          None),
];

/// The key press in a terminal event. This is the one place releases and
/// repeats are dropped: everything that reads keys goes through it.
pub fn key_press(event: &Event) -> Option<KeyEvent> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(*key),
        _ => None,
    }
}

/// The action for a key press in the given contexts (most specific first).
pub fn resolve(event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    contexts.iter().find_map(|&context| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.key.matches(event))
            .map(|b| b.action)
    })
}

/// Mouse wheel scrolling.
pub fn resolve_mouse(event: &MouseEvent) -> Option<Action> {
    match event.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        MouseEventKind::ScrollLeft => Some(Action::ScrollLeft),
        MouseEventKind::ScrollRight => Some(Action::ScrollRight),
        _ => None,
    }
}

/// One line of help: every key for one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: String,
    pub help: &'static str,
}

/// Help grouped by context, keys for the same action joined (`← h`).
pub fn help_sections(contexts: &[Context]) -> Vec<(Context, Vec<HelpEntry>)> {
    contexts
        .iter()
        .map(|&context| {
            let mut entries: Vec<(Action, HelpEntry)> = Vec::new();
            for b in BINDINGS
                .iter()
                .filter(|b| b.context == context && !shadowed(b, contexts))
            {
                match entries.iter_mut().find(|(action, _)| *action == b.action) {
                    Some((_, entry)) => {
                        entry.keys.push(' ');
                        entry.keys.push_str(&b.key.to_string());
                    }
                    None => entries.push((
                        b.action,
                        HelpEntry {
                            keys: b.key.to_string(),
                            help: b.help,
                        },
                    )),
                }
            }
            (
                context,
                entries.into_iter().map(|(_, e)| e).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

/// The footer's `key word` pairs for the given contexts, in table order.
pub fn footer_items(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|&context| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == context && !shadowed(b, contexts))
                .filter_map(|b| b.footer.map(|word| (b.key.to_string(), word)))
        })
        .collect()
}

/// Whether a context earlier in `contexts` takes the same key: `q` closes
/// the review before it could quit, so only "close" is shown for it.
fn shadowed(binding: &Binding, contexts: &[Context]) -> bool {
    contexts
        .iter()
        .take_while(|&&c| c != binding.context)
        .any(|&c| {
            BINDINGS
                .iter()
                .any(|b| b.context == c && b.key == binding.key)
        })
}

#[cfg(test)]
mod tests;
