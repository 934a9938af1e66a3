//! Evidence added from the shell (`runbook attach S -`) while the walk is
//! open: picked up between frames and attached through the machine like
//! evidence attached here, so the redaction review must be confirmed again.

use super::{App, Status};
use crate::effects;

impl App {
    /// Applies what waits in the session's inbox; returns how many arrived.
    pub fn check_inbox(&mut self) -> usize {
        let items = match self.sink.inbox() {
            Ok(items) => items,
            Err(e) => {
                self.status = Some(Status::Error(format!(
                    "cannot read the inbox ({e}); evidence from `runbook attach` waits there until it can"
                )));
                return 0;
            }
        };
        let mut arrived = 0;
        for item in items {
            let name = self.session.unique_evidence_name(&item.field, &item.name);
            let reopens = self.session.state != crate::machine::State::Open;
            let msgs = effects::inbox_messages(&self.session, &item, &name);
            let file = effects::File {
                name: &name,
                bytes: &item.bytes,
            };
            let attached = match self.execute(msgs, &[file]) {
                Err(effects::Failure::NotSaved(e)) => {
                    self.status = Some(Status::Error(format!(
                        "could not save {name} ({e}); it stays in the inbox and is tried again — free some space"
                    )));
                    return arrived;
                }
                other => other.map_err(|f| f.message().to_string()),
            };
            let applied = attached.is_ok();
            if let Err(e) = self.sink.inbox_settled(&item, applied) {
                self.status = Some(Status::Error(format!("inbox: {e}")));
            }
            match attached {
                Ok(()) => {
                    arrived += 1;
                    if reopens {
                        self.reopened();
                    }
                    self.look_for_report(&name, &item.text());
                    let reopened = if reopens {
                        "; the session is reopened, so Finish records the verdict again"
                    } else {
                        ""
                    };
                    self.status = Some(Status::Notice(format!(
                        "{name} arrived from `runbook attach` ({}) — review the redaction again before confirming{reopened}.",
                        super::commit::human_size(item.bytes.len() as u64)
                    )));
                }
                Err(why) => {
                    self.status = Some(Status::Error(format!(
                        "{name} from `runbook attach` was refused and set aside: {why}"
                    )));
                }
            }
        }
        if arrived > 0 && self.review.is_some() {
            self.open_review();
        }
        arrived
    }
}
