//! Who speaks in a chat transcript: `[10:02] Ana Lima: hi`, WhatsApp's export
//! `12/05/2024, 10:02 - Ana Lima: …`, `Ana Lima (10:02 AM): …`. A time
//! before or after the speaker tells a transcript from a heading; the speaker
//! must still read as a person's name, and not as a log's component
//! (`[10:02] Payment Gateway: timeout`).

use std::ops::Range;

use crate::redact::Kind;
use crate::redact::gate::line_around;
use crate::redact::scan::{Candidate, Priority};
use crate::redact::values::looks_person_name;

/// Longest time stamp read before a speaker: `[2024-05-12 10:02:11 UTC]`.
const STAMP_MAX: usize = 40;
/// Longest speaker read.
const SPEAKER_MAX: usize = 48;

/// Words that name a part of a system, speaking in its logs, never a person.
const COMPONENT_WORDS: &[&str] = &[
    "Gateway",
    "Webhook",
    "Webhooks",
    "Server",
    "Cron",
    "Queue",
    "Worker",
    "Job",
    "Task",
    "Scheduler",
    "Database",
    "Cache",
    "System",
    "Plugin",
    "Theme",
    "Sync",
    "Import",
    "Export",
    "Update",
    "Updater",
    "Mailer",
    "Action",
    "Event",
    "Hook",
    "Session",
    "Auth",
    "Security",
    "Firewall",
    "Backup",
    "Health",
    "Api",
    "Log",
    "Logger",
    "Core",
    "Kernel",
    "Daemon",
    "Process",
    "Thread",
    "Client",
    "Handler",
    "Listener",
    "Router",
    "Proxy",
    "Monitor",
    "Console",
    "Shell",
];

/// The speakers of every transcript line in `text`.
pub(crate) fn speakers(text: &[u8], out: &mut Vec<Candidate>) {
    let push = |out: &mut Vec<Candidate>, s: usize, e: usize| {
        out.push(Candidate::new(
            s,
            e,
            Kind::Name,
            "chat-speaker",
            Priority::Heuristic,
        ));
    };
    // Labels opening a line with no time before them, in order, each with
    // whether it is a role's (`Agent`), kept until the text shows itself a
    // transcript.
    let mut unstamped: Vec<(Range<usize>, bool)> = Vec::new();
    // Only lines with a colon and a blank after it can hold a speaker.
    let mut done_to = 0;
    for hit in memchr::memmem::find_iter(text, b": ") {
        if hit < done_to {
            continue;
        }
        let Range { start, end } = line_around(text, hit);
        done_to = end;
        let line = &text[start..end];
        if let Some((s, e)) = speaker_after_stamp(line).or_else(|| speaker_before_stamp(line)) {
            push(out, start + s, start + e);
        } else if let Some(label) = opening_label(line, hit - start)
            && unstamped.len() < UNSTAMPED_MAX
        {
            let label = start + label.start..start + label.end;
            let role = ROLE_SPEAKERS.contains(&&text[label.clone()]);
            unstamped.push((label, role));
        }
    }
    if !unstamped.iter().any(|(_, role)| *role) {
        return;
    }
    // A person in the chat speaks twice, once at least right before or
    // after a role; a mail's headers (`From:`, `Date:`) follow each other.
    let next_to_role = |i: usize| {
        let beside = |a: &Range<usize>, b: &Range<usize>| {
            memchr::memchr_iter(b'\n', &text[a.end..b.start]).count() <= 2
        };
        let (label, _) = &unstamped[i];
        (i > 0 && unstamped[i - 1].1 && beside(&unstamped[i - 1].0, label))
            || unstamped
                .get(i + 1)
                .is_some_and(|(next, role)| *role && beside(label, next))
    };
    let mut times: crate::redact::fasthash::FastMap<&[u8], (usize, bool)> = Default::default();
    for (i, (label, role)) in unstamped.iter().enumerate() {
        if !role {
            let seen = times.entry(&text[label.clone()]).or_default();
            seen.0 += 1;
            seen.1 |= next_to_role(i);
        }
    }
    for (label, role) in &unstamped {
        let (count, beside_role) = if *role {
            (0, false)
        } else {
            times[&text[label.clone()]]
        };
        if count >= 2
            && beside_role
            && let Some((s, e)) = speaker(&text[label.clone()], 0, label.len())
        {
            push(out, label.start + s, label.start + e);
        }
    }
}

/// Who answers a customer in a transcript written without times:
/// `Agent: let me check`, `Support: …`. A text with such lines and a
/// name speaking twice beside them is a chat.
const ROLE_SPEAKERS: &[&[u8]] = &[
    b"Agent",
    b"Support",
    b"Bot",
    b"Chatbot",
    b"Assistant",
    b"Operator",
    b"Advisor",
    b"Staff",
    b"Rep",
    b"Me",
];

/// Unstamped labels remembered in one text: a transcript has far fewer.
const UNSTAMPED_MAX: usize = 4096;

/// `Ysolde: where is my parcel?`: the capitalised words that open `line`
/// before the colon at `colon`, if that is all they are.
fn opening_label(line: &[u8], colon: usize) -> Option<Range<usize>> {
    if colon == 0 || colon > SPEAKER_MAX || !line[0].is_ascii_uppercase() {
        return None;
    }
    let label = &line[..colon];
    let words_only = label
        .iter()
        .all(|&b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'.' | b'\'' | b'-') || b >= 0x80);
    words_only.then_some(0..colon)
}

/// `[10:02] Ana Lima: …`, `12/05/2024, 10:02 - Ana Lima: …`.
fn speaker_after_stamp(line: &[u8]) -> Option<(usize, usize)> {
    let name_start = stamp_end(line, 0)?;
    let colon = line[name_start..]
        .iter()
        .take(SPEAKER_MAX + 1)
        .position(|&b| b == b':')?;
    let name_end = name_start + colon;
    spoken_after(line, name_end + 1)?;
    speaker(line, name_start, name_end)
}

/// `Ana Lima (10:02): …`, `Ana Lima [12/05/24 10:02]: …`.
fn speaker_before_stamp(line: &[u8]) -> Option<(usize, usize)> {
    let open = line
        .iter()
        .take(SPEAKER_MAX + 2)
        .position(|&b| b == b'(' || b == b'[')?;
    let close = if line[open] == b'(' { b')' } else { b']' };
    // The stamp stops at the colon after its closing bracket.
    let colon = stamp_end(line, open)?;
    if line[colon - 1] != close || line.get(colon) != Some(&b':') {
        return None;
    }
    spoken_after(line, colon + 1)?;
    speaker(line, 0, open)
}

/// Where a time stamp that opens at `at` ends (after the blanks and dash
/// that part it from the speaker), if it holds a time of day.
fn stamp_end(line: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    let mut has_time = false;
    while i < line.len() && i - at <= STAMP_MAX {
        let b = line[i];
        if b.is_ascii_digit() {
            // `10:02`: a time of day, not a date's `/` or `.`.
            if line.get(i + 1) == Some(&b':') && line.get(i + 2).is_some_and(u8::is_ascii_digit) {
                has_time = true;
            }
            i += 1;
        } else if matches!(
            b,
            b':' | b'/' | b'.' | b',' | b'-' | b' ' | b'\t' | b'[' | b']' | b'(' | b')' | b'|'
        ) || b == 0xE2 && line[i..].starts_with("–".as_bytes())
        {
            if b == b':' && !line.get(i + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            i += if b == 0xE2 { "–".len() } else { 1 };
        } else if let Some(len) = clock_word(line, i) {
            i += len;
        } else {
            break;
        }
    }
    has_time.then_some(i)
}

/// `AM`, `pm`, `UTC`, ISO's `T` and `Z`, after a digit or a blank.
fn clock_word(line: &[u8], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1).map(|p| line[p])?;
    if !(prev.is_ascii_digit() || prev == b' ') {
        return None;
    }
    let word = ["AM", "PM", "am", "pm", "UTC", "GMT", "T", "Z"]
        .into_iter()
        .find(|w| line[i..].starts_with(w.as_bytes()))?;
    let next = line.get(i + word.len());
    (!next.is_some_and(u8::is_ascii_alphabetic)).then_some(word.len())
}

/// Words follow the speaker's colon: a message, not `10:02:33` or `://`.
fn spoken_after(line: &[u8], at: usize) -> Option<()> {
    let rest = line.get(at..)?;
    (rest.is_empty() || rest[0] == b' ' || rest[0] == b'\t').then_some(())
}

/// The speaker at `start..end`, trimmed, if it reads as a person's name.
fn speaker(line: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let raw = &line[start..end];
    let lead = raw.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let trail = raw
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let (s, e) = (start + lead, end.saturating_sub(trail));
    let name = std::str::from_utf8(line.get(s..e)?).ok()?;
    let component = name
        .split_whitespace()
        .any(|w| COMPONENT_WORDS.contains(&w));
    (e > s && !component && looks_person_name(name.as_bytes())).then_some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoken(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        speakers(text.as_bytes(), &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn speakers_of_a_transcript_without_times() {
        let text = "\
Marguerite Osei: hello, my refund?
Agent: one moment please
Marguerite Osei: thanks
Tamsin: is the shop open?
Agent: yes
Tamsin: great
Warning: unknown speaker
Date: Mon, 03 Feb 2025
From: Tamsin
Date: Tue, 04 Feb 2025
";
        assert_eq!(
            spoken(text),
            ["Marguerite Osei", "Marguerite Osei", "Tamsin", "Tamsin"]
        );
        // Without a role answering, labels are a log's or a mail's.
        assert!(spoken("Tamsin: a\nTamsin: b\nWarning: c\n").is_empty());
    }

    #[test]
    fn speakers_of_transcripts() {
        let text = "\
[10:02] Oskar Brandt: hi, the order never came
[10:03 AM] Lerato: checking now
12/05/2024, 10:04 - Yusuf Demir: still waiting
[2024-05-12 10:05:11 UTC] Ilse de Wit: any news?
2024-05-12T10:06:00Z | Fenna Bos: thanks
Maëlle Girard (10:07): merci
Tobias Lund [12/05/24 10:08]: ok
";
        assert_eq!(
            spoken(text),
            [
                "Oskar Brandt",
                "Lerato",
                "Yusuf Demir",
                "Ilse de Wit",
                "Fenna Bos",
                "Maëlle Girard",
                "Tobias Lund"
            ]
        );
    }

    #[test]
    fn components_headings_and_times_are_no_speakers() {
        let text = "\
[10:02] Payment Gateway: timeout after 30s
[10:02:33] Error: could not connect
10:02 Checkout: ok
Order Notes: leave at the door
Stripe (live): enabled
Started at 10:02:33: done
https://example.org/x
[10:02] Webhook Worker: retried
";
        assert!(spoken(text).is_empty(), "{:?}", spoken(text));
    }
}
