//! The items of one step's form: its fields, its confirmations and its
//! buttons, in the order the runbook gives them. Items only hold what is
//! being typed or chosen; committed values live in the session.

use crate::machine::{Eval, Session};
use crate::runbook::{FieldType, Runbook, StepKind};
use crate::tui::style::Palette;
use crate::tui::text_field::TextField;

/// What a button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Open the side-by-side redaction review.
    Review,
    /// Record the verdict and end the walk.
    Finish,
    /// Jump to a missing field.
    GoTo { field: String },
    /// Save the report in the session folder.
    SaveReport,
    /// Copy the report to the clipboard (it is saved too).
    CopyReport,
    /// Fill in the versions read from a pasted status report.
    Prefill,
    /// Go where a failing check is made to pass.
    Fix(crate::machine::Fix),
}

pub enum Item {
    /// Text, multi-line text, version, number and timestamp fields.
    Text {
        field: String,
        kind: FieldType,
        input: TextField,
    },
    /// Choice and yes/no fields; `cursor` is the option under the marker.
    Choice {
        field: String,
        options: Vec<String>,
        cursor: usize,
    },
    /// Evidence files: the attached ones are listed, `input` takes a path.
    Paths {
        field: String,
        input: TextField,
    },
    Confirm {
        id: String,
        label: String,
    },
    Button {
        label: String,
        action: Button,
    },
}

impl Item {
    /// The field this item edits, if it edits one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Item::Text { field, .. } | Item::Choice { field, .. } | Item::Paths { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }

    pub fn input(&self) -> Option<&TextField> {
        match self {
            Item::Text { input, .. } | Item::Paths { input, .. } => Some(input),
            _ => None,
        }
    }

    pub fn input_mut(&mut self) -> Option<&mut TextField> {
        match self {
            Item::Text { input, .. } | Item::Paths { input, .. } => Some(input),
            _ => None,
        }
    }

    /// Whether keys are text here (so letters are not commands).
    pub fn takes_text(&self) -> bool {
        self.input().is_some()
    }
}

/// The form of the step at `step` in the runbook.
pub struct Form {
    pub step: usize,
    pub items: Vec<Item>,
    pub focus: usize,
    /// Rows scrolled by the mouse wheel, beyond what keeps the focus in view.
    pub scroll: u16,
}

impl Form {
    pub fn build(runbook: &Runbook, session: &Session, step: usize, palette: Palette) -> Form {
        let mut items = Vec::new();
        let Some(s) = runbook.steps.get(step) else {
            return Form {
                step,
                items,
                focus: 0,
                scroll: 0,
            };
        };
        let ev = Eval::new(session, runbook);
        for id in &s.collect {
            let Some(f) = runbook.field(id) else { continue };
            let required = ev.required(id) || f.required;
            let title = if required {
                format!("{} *", f.label)
            } else {
                f.label.clone()
            };
            let item = match f.kind {
                FieldType::Choice | FieldType::YesNo => {
                    let options = if f.kind == FieldType::YesNo {
                        vec!["yes".to_string(), "no".to_string()]
                    } else {
                        f.choices.clone()
                    };
                    let cursor = session
                        .current(id)
                        .and_then(|v| options.iter().position(|o| o == v))
                        .unwrap_or(0);
                    Item::Choice {
                        field: id.clone(),
                        options,
                        cursor,
                    }
                }
                FieldType::Paths => Item::Paths {
                    field: id.clone(),
                    input: TextField::single(format!("{title} — path of a file to attach"))
                        .with_palette(palette)
                        .with_placeholder("type or paste a path, then Enter"),
                },
                kind => {
                    let input = if kind == FieldType::Multiline {
                        TextField::multi(title)
                    } else {
                        TextField::single(title)
                    };
                    let mut input = input.with_palette(palette);
                    if let Some(default) = &f.default {
                        input = input.with_placeholder(format!("{default} (default)"));
                    }
                    if let Some(value) = session.current(id) {
                        input.set_value(value);
                    }
                    Item::Text {
                        field: id.clone(),
                        kind,
                        input,
                    }
                }
            };
            items.push(item);
        }
        if s.kind == StepKind::Redaction {
            items.push(Item::Button {
                label: "Review the report redacted, side by side with the original".into(),
                action: Button::Review,
            });
        }
        for c in &s.confirm {
            items.push(Item::Confirm {
                id: c.id.clone(),
                label: c.label.clone(),
            });
        }
        let open = session.state == crate::machine::State::Open;
        if open && (finishes_here(runbook, step) || s.kind == StepKind::Checks) {
            items.extend(fix_buttons(runbook, &ev));
        }
        if finishes_here(runbook, step) && open {
            items.push(Item::Button {
                label: "Finish: record the verdict".into(),
                action: Button::Finish,
            });
        }
        if finishes_here(runbook, step) {
            let draft = if session.state == crate::machine::State::Open {
                " (a DRAFT until Finish)"
            } else {
                ""
            };
            items.push(Item::Button {
                label: format!("Copy the report to the clipboard{draft}"),
                action: Button::CopyReport,
            });
            items.push(Item::Button {
                label: format!("Save the report in the session folder{draft}"),
                action: Button::SaveReport,
            });
        }
        let mut form = Form {
            step,
            items,
            focus: 0,
            scroll: 0,
        };
        form.focus_on(0);
        form
    }

    pub fn focused(&self) -> Option<&Item> {
        self.items.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Item> {
        self.items.get_mut(self.focus)
    }

    /// Moves the focus; text fields show a cursor only while focused.
    pub fn focus_on(&mut self, index: usize) {
        if self.items.is_empty() {
            self.focus = 0;
            return;
        }
        self.focus = index.min(self.items.len() - 1);
        self.scroll = 0;
        let focus = self.focus;
        for (i, item) in self.items.iter_mut().enumerate() {
            if let Some(input) = item.input_mut() {
                input.set_focused(i == focus);
            }
        }
    }

    pub fn index_of_field(&self, field: &str) -> Option<usize> {
        self.items.iter().position(|i| i.field() == Some(field))
    }

    /// Typed text that differs from what the session holds, per field.
    pub fn pending(&self, session: &Session) -> Vec<(String, String)> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { field, input, .. } => {
                    let value = input.value();
                    (value != session.current(field).unwrap_or("")).then(|| (field.clone(), value))
                }
                Item::Paths { field, input } if !input.is_empty() => {
                    Some((format!("{field}#path"), input.value()))
                }
                _ => None,
            })
            .collect()
    }
}

/// One button per missing field, then one per failing check whose fix is
/// not already among them: each goes where the fix is made.
fn fix_buttons(runbook: &Runbook, ev: &Eval) -> Vec<Item> {
    use crate::machine::Fix;
    let label_of = |field: &str| {
        runbook
            .field(field)
            .map_or_else(|| field.to_string(), |f| f.label.clone())
    };
    let missing = ev.missing();
    let mut items: Vec<Item> = missing
        .iter()
        .map(|field| Item::Button {
            label: format!("Go to the missing field: {}", label_of(field)),
            action: Button::GoTo {
                field: field.clone(),
            },
        })
        .collect();
    let mut fixes: Vec<Fix> = missing.into_iter().map(Fix::Field).collect();
    for check in crate::machine::checks_with(ev) {
        let Some(fix) = check.fix.filter(|f| !fixes.contains(f)) else {
            continue;
        };
        let what = match &fix {
            Fix::Field(field) => format!("go to {}", label_of(field)),
            Fix::Confirm(id) => format!("go to the confirmation {id}"),
            Fix::Review => "open the redaction review on what it finds".to_string(),
        };
        items.push(Item::Button {
            label: format!("Fix \"{}\": {what}", check.title),
            action: Button::Fix(fix.clone()),
        });
        fixes.push(fix);
    }
    items
}

/// The verdict is recorded on the verdict step, or on the last step of a
/// runbook that has none.
pub fn finishes_here(runbook: &Runbook, step: usize) -> bool {
    match runbook
        .steps
        .iter()
        .position(|s| s.kind == StepKind::Verdict)
    {
        Some(v) => v == step,
        None => step + 1 == runbook.steps.len(),
    }
}
