//! Frame render time of the side-by-side review with 20 MB of evidence at
//! 200×60, and how long the chunked redaction holds the screen per step.
//!
//!     cargo bench --bench frame_render
//!     cargo bench --bench frame_render -- --mb 50     # another size

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use runbook::redact::{Engine, Profile};
use runbook::tui::evidence::EvidenceView;
use runbook::tui::keymap::Action;

const FRAMES: usize = 2_000;
/// Bytes redacted between two frames.
const STEP: usize = 256 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(20);
    let (text, _) = support::large(mb * 1024 * 1024);
    println!(
        "evidence: {:.1} MB, {} lines",
        text.len() as f64 / 1e6,
        text.iter().filter(|&&b| b == b'\n').count()
    );

    // Redaction a step at a time, as the event loop drives it.
    let mut engine = Engine::new(Profile::Standard);
    Engine::warm_up();
    let mut view = EvidenceView::new("big.log", text);
    let started = Instant::now();
    let mut longest_step = Duration::ZERO;
    let mut steps = 0;
    loop {
        let step = Instant::now();
        let more = view.work(&mut engine, STEP);
        longest_step = longest_step.max(step.elapsed());
        steps += 1;
        if !more {
            break;
        }
    }
    println!(
        "redaction: {:.2} s in {steps} steps of {} KiB, longest step {:.1} ms, {} findings",
        started.elapsed().as_secs_f64(),
        STEP / 1024,
        longest_step.as_secs_f64() * 1e3,
        view.findings().len()
    );

    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    view.render(area, &mut buf);

    let cases: [(&str, &[Action]); 4] = [
        ("top", &[Action::Top]),
        ("on a finding", &[Action::NextFinding]),
        ("end", &[Action::Bottom]),
        (
            "end, scrolled right",
            &[
                Action::ScrollRight,
                Action::ScrollRight,
                Action::ScrollRight,
            ],
        ),
    ];
    for (name, actions) in cases {
        for &action in actions {
            view.handle(action);
        }
        let mut times = Vec::with_capacity(FRAMES);
        for _ in 0..FRAMES {
            let start = Instant::now();
            buf.reset();
            view.render(area, &mut buf);
            times.push(start.elapsed());
        }
        report(&format!("render into a buffer, {name}"), &mut times);
    }

    // The whole frame through a terminal backend: render, diff and flush.
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut times = Vec::with_capacity(FRAMES);
    for i in 0..FRAMES {
        view.handle(if i % 2 == 0 {
            Action::ScrollUp
        } else {
            Action::ScrollDown
        });
        let start = Instant::now();
        terminal
            .draw(|frame| frame.render_widget(&view, frame.area()))
            .unwrap();
        times.push(start.elapsed());
    }
    report("full frame on a test backend, scrolling", &mut times);
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let median = times[times.len() / 2];
    let p99 = times[times.len() * 99 / 100];
    println!(
        "{name:45} mean {:7.1} µs   median {:7.1} µs   p99 {:7.1} µs",
        micros(mean),
        micros(median),
        micros(p99)
    );
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
