//! Time to build a session's report and pass it through the leak gate, with
//! a large evidence file attached (the sample bundle repeated).
//!
//!     cargo bench --bench report_time
//!     cargo bench --bench report_time -- --mb 50     # another size

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use runbook::machine::{self, Msg};
use runbook::report::{self, Format, Options};
use runbook::runbook::Library;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(20);
    let (bytes, _) = support::large(mb * 1024 * 1024);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    println!(
        "evidence: {:.1} MB, {} lines",
        text.len() as f64 / 1e6,
        text.lines().count()
    );
    let library = Library::builtin().expect("built-in runbooks");
    let rb = &library
        .get("support-context")
        .expect("support-context")
        .runbook;
    let now = chrono::Local::now().fixed_offset();
    let (mut s, _) = machine::start("bench", rb, "bench", now);
    for (field, value) in [
        (
            "error_message",
            "PHP Fatal error: Uncaught Error in x.php:12\n",
        ),
        ("request_type", "purchase-plugin-issue"),
    ] {
        let msg = Msg::Answer {
            field: field.into(),
            value: value.into(),
        };
        machine::update(&mut s, rb, msg, now).expect("answer");
    }
    let msg = Msg::Attach {
        field: "evidence_files".into(),
        name: "big.log".into(),
        bytes: text.len() as u64,
        text,
    };
    machine::update(&mut s, rb, msg, now).expect("attach");

    for full in [false, true] {
        let options = Options {
            full,
            ..Options::default()
        };
        let started = Instant::now();
        let r = report::build(&s, rb, &options, now);
        let built = started.elapsed();
        print!("full={full}: build {:.2} s", built.as_secs_f64());
        for f in [Format::Markdown, Format::Text, Format::Json] {
            let started = Instant::now();
            let gated = r.export(f);
            print!(
                ", {f:?} {:.2} s ({})",
                started.elapsed().as_secs_f64(),
                match gated {
                    Ok(out) => format!("{:.1} MB, passes", out.len() as f64 / 1e6),
                    Err(blocked) => format!("{} strict findings", blocked.leaks.len()),
                }
            );
        }
        println!();
    }
}
