//! The incident beside its review: the figures computed from its journal and
//! its timeline, redacted. Built by the command that opens the review; drawn
//! under the step's pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::machine::clean::Clean;
use crate::machine::review::Figures;
use crate::report::{Entry, timeline_lines};
use crate::tui::style::Palette;
use crate::tui::wrap::truncate;

/// What the review screen shows of the incident: only redacted text.
#[derive(Debug, Clone)]
pub struct IncidentPanel {
    pub session: String,
    pub figures: Vec<(String, String)>,
    pub fixed: Vec<String>,
    /// (time, operator, what), oldest first.
    pub timeline: Vec<(String, Clean, String)>,
    /// The incident itself, so the review document can be made from the walk.
    pub reviewed: Option<(crate::machine::Session, crate::runbook::Runbook, Figures)>,
}

impl IncidentPanel {
    pub fn new(figures: &Figures, timeline: &[Entry]) -> IncidentPanel {
        IncidentPanel {
            session: figures.session.clone(),
            figures: figures.lines(),
            fixed: figures.fixed_lines(),
            timeline: timeline_lines(timeline),
            reviewed: None,
        }
    }

    /// Keeps the incident, for the review document the walk copies or saves.
    pub fn reviewing(
        mut self,
        session: crate::machine::Session,
        runbook: crate::runbook::Runbook,
        figures: Figures,
    ) -> IncidentPanel {
        self.reviewed = Some((session, runbook, figures));
        self
    }

    /// Rows it would like: the figures, the fixed checks and a few events.
    pub fn height(&self, available: u16) -> u16 {
        let want = self.figures.len() + self.fixed.len() + self.timeline.len() + 3;
        u16::try_from(want)
            .unwrap_or(u16::MAX)
            .min(available / 2)
            .max(5)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, palette: Palette) {
        let block = Block::bordered()
            .border_style(palette.dim())
            .title(Line::raw(format!(
                " Incident {} — figures and timeline (redacted) ",
                self.session
            )));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let mut lines: Vec<Line> = Vec::new();
        for (label, value) in &self.figures {
            lines.push(Line::from(vec![
                Span::styled(format!("{label}: "), palette.key()),
                Span::raw(truncate(value, width.saturating_sub(label.len() + 2))),
            ]));
        }
        for fixed in &self.fixed {
            lines.push(Line::raw(truncate(&format!("Fixed: {fixed}"), width)));
        }
        let room = usize::from(inner.height).saturating_sub(lines.len());
        // The latest events fit; the earlier ones are in the review document.
        let skipped = self.timeline.len().saturating_sub(room);
        let shown = if skipped > 0 {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "… {} earlier event(s): `runbook review {} --format md` has them all",
                        skipped + 1,
                        self.session
                    ),
                    width,
                ),
                palette.dim(),
            ));
            &self.timeline[skipped + 1..]
        } else {
            &self.timeline[..]
        };
        for (at, who, what) in shown {
            let who = who.as_str();
            lines.push(Line::from(vec![
                Span::styled(at.clone(), palette.dim()),
                Span::raw("  "),
                Span::styled(who.to_string(), palette.key()),
                Span::raw("  "),
                Span::raw(truncate(
                    what,
                    width.saturating_sub(at.len() + who.len() + 4),
                )),
            ]));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
