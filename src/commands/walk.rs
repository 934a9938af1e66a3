//! `runbook`, `runbook start` and `runbook resume`: the terminal UI over a
//! session. This is the only place the walk meets the store and the
//! terminal; everything it shows comes from `tui::app`.

use std::process::ExitCode;

use super::{Places, diagnostics_error, verdict};
use crate::effects;
use crate::headless::CliError;
use crate::machine::{self, Session, Stamp, State};
use crate::runbook::{Loaded, Runbook};
use crate::store::{OpenSession, Store};
use crate::tui::app::{App, IncidentPanel};
use crate::tui::events::Events;
use crate::tui::picker::{Choice, Picked, Picker};
use crate::tui::run::{Ended, run_app, run_picker};
use crate::tui::signals::SignalFlags;
use crate::tui::terminal::{self, Options, Tui};

/// The runbook a bare `runbook` starts.
pub const DEFAULT_RUNBOOK: &str = "support-context";

fn now() -> Stamp {
    chrono::Local::now().fixed_offset()
}

/// The site settings, quietly: their warnings are said before the screen is taken.
fn settings(store: &Store) -> crate::config::Settings {
    crate::config::load(store.home()).settings
}

/// The terminal, the signal flags and the event reader of one run.
struct Screen {
    tui: Tui,
    signals: SignalFlags,
    events: Events,
    /// Said before the walk began, shown in it.
    notes: Vec<String>,
}

fn enter(mouse: bool) -> Result<Screen, CliError> {
    terminal::require_terminal().map_err(|e| CliError(e.to_string()))?;
    let signals =
        SignalFlags::register().map_err(|e| CliError(format!("cannot watch for hang-ups: {e}")))?;
    let tui = Tui::enter(Options { mouse })
        .map_err(|e| CliError(format!("cannot take over the terminal: {e}")))?;
    Ok(Screen {
        tui,
        signals,
        events: Events::start(),
        notes: Vec::new(),
    })
}

/// `runbook`: offer the unfinished session, else start the default runbook.
pub fn default(places: &Places, mouse: bool) -> Result<ExitCode, CliError> {
    terminal::require_terminal().map_err(|e| CliError(e.to_string()))?;
    let store = places.store()?;
    let open = store.latest_open()?;
    let Some(id) = open else {
        return start(places, Some(DEFAULT_RUNBOOK), mouse);
    };
    crate::config::load(store.home()).warn();
    let mut screen = enter(mouse)?;
    let stored = store.read(&id)?;
    let session = stored.session()?;
    let progress = Loaded::from_text(stored.runbook_text.clone(), &stored.runbook_path)
        .map(|l| progress(&session, &l.runbook))
        .unwrap_or_default();
    let mut picker = Picker::new(
        "runbook",
        "An unfinished session is waiting. Resume it, or start a new support-context session (n).",
        vec![
            Choice {
                label: format!("Resume {id} — {}", session.runbook),
                detail: format!(
                    "started {} by {}{progress}",
                    age(session.started, now()),
                    session.operator
                ),
            },
            Choice {
                label: format!("Start a new {DEFAULT_RUNBOOK} session"),
                detail: String::new(),
            },
        ],
    );
    let picked = run_picker(
        &mut screen.tui,
        &screen.events,
        &mut picker,
        &screen.signals,
    )
    .map_err(io_error)?;
    match picked {
        Picked::Choice(0) => walk_existing(places, &store, &id, screen),
        Picked::Choice(_) | Picked::New => {
            let loaded = places
                .library()?
                .resolve(DEFAULT_RUNBOOK)
                .map_err(|d| diagnostics_error(&d))?;
            walk_new(places, &store, loaded, screen)
        }
        Picked::Quit => Ok(ExitCode::SUCCESS),
    }
}

/// `runbook start [RUNBOOK]`: a picker when none is named.
pub fn start(places: &Places, runbook: Option<&str>, mouse: bool) -> Result<ExitCode, CliError> {
    terminal::require_terminal().map_err(|e| CliError(e.to_string()))?;
    let library = places.library()?;
    let store = places.store()?;
    crate::config::load(store.home()).warn();
    if let Some(name) = runbook {
        let loaded = library.resolve(name).map_err(|d| diagnostics_error(&d))?;
        let screen = enter(mouse)?;
        return walk_new(places, &store, loaded, screen);
    }
    let mut screen = enter(mouse)?;
    // The default runbook first, as the intro says; the rest by id.
    let mut all: Vec<&Loaded> = library.all().iter().collect();
    all.sort_by_key(|l| l.runbook.id != DEFAULT_RUNBOOK);
    let mut picker = Picker::new(
        "Start a runbook",
        "Which runbook? The first is the one for a SophMate support request.",
        all.iter()
            .map(|l| Choice {
                label: format!("{} — {}", l.runbook.id, l.runbook.title),
                detail: l.runbook.summary.first().cloned().unwrap_or_default(),
            })
            .collect(),
    );
    match run_picker(
        &mut screen.tui,
        &screen.events,
        &mut picker,
        &screen.signals,
    )
    .map_err(io_error)?
    {
        Picked::Choice(i) => walk_new(places, &store, all[i].clone(), screen),
        Picked::New | Picked::Quit => Ok(ExitCode::SUCCESS),
    }
}

/// `runbook resume [SESSION]`: the latest unfinished session by default.
pub fn resume(places: &Places, session: Option<&str>, mouse: bool) -> Result<ExitCode, CliError> {
    terminal::require_terminal().map_err(|e| CliError(e.to_string()))?;
    let store = places.store()?;
    crate::config::load(store.home()).warn();
    let id = match session {
        Some(id) => id.to_string(),
        None => store
            .latest_open()?
            .ok_or_else(|| {
                CliError(
                    "no unfinished session to resume — `runbook start` begins one, `runbook sessions` lists them"
                        .into(),
                )
            })?,
    };
    // Refuse before taking the terminal: the message stays readable.
    store.read(&id)?;
    let screen = enter(mouse)?;
    walk_existing(places, &store, &id, screen)
}

/// `runbook review SESSION`: the review of a finished or abandoned session,
/// with the incident beside it; an open review of it is resumed.
pub fn review(places: &Places, id: &str, mouse: bool) -> Result<ExitCode, CliError> {
    use super::review::{REVIEW_RUNBOOK, incident, latest_review};
    let store = places.store()?;
    // Refuse before taking the terminal: the message stays readable.
    let incident = incident(&store, id)?;
    terminal::require_terminal().map_err(|e| CliError(e.to_string()))?;
    let entries = crate::report::build(
        &incident.session,
        &incident.runbook,
        &crate::report::Options::default(),
        now(),
    )
    .timeline;
    let panel = IncidentPanel::new(&incident.figures, &entries).reviewing(
        incident.session.clone(),
        incident.runbook.clone(),
        incident.figures.clone(),
    );
    let open = latest_review(&store, id)?.filter(|(s, _)| s.state == State::Open);
    crate::config::load(store.home()).warn();
    if let Some((review, _)) = open {
        let screen = enter(mouse)?;
        return walk_existing_with(places, &store, &review.id, screen, Some(panel));
    }
    let loaded = places
        .library()?
        .resolve(REVIEW_RUNBOOK)
        .map_err(|d| diagnostics_error(&d))?;
    let setup = vec![
        machine::Msg::Link {
            session: id.to_string(),
            runbook: incident.session.runbook.clone(),
            relation: machine::Relation::Reviews,
        },
        machine::Msg::Answer {
            field: "incident_ref".into(),
            value: id.to_string(),
        },
    ];
    let screen = enter(mouse)?;
    walk_new_with(places, &store, loaded, screen, setup, Some(panel))
}

fn walk_new(
    places: &Places,
    store: &Store,
    loaded: Loaded,
    screen: Screen,
) -> Result<ExitCode, CliError> {
    walk_new_with(places, store, loaded, screen, Vec::new(), None)
}

/// A new session, with `setup` sent after the settings' own (a link, a
/// pre-filled answer) and the incident shown beside it when it is a review.
fn walk_new_with(
    places: &Places,
    store: &Store,
    loaded: Loaded,
    screen: Screen,
    setup: Vec<machine::Msg>,
    panel: Option<IncidentPanel>,
) -> Result<ExitCode, CliError> {
    let (session, open) = create_session(store, &loaded, setup)?;
    walk(
        places,
        store,
        loaded.runbook,
        session,
        open,
        None,
        screen,
        panel,
    )
}

/// A new session saved with its first events: the start, the settings'
/// own messages, then `setup`, then the first step entered.
fn create_session(
    store: &Store,
    loaded: &Loaded,
    setup: Vec<machine::Msg>,
) -> Result<(Session, OpenSession), CliError> {
    let now = now();
    let mut open = store.create(now, &loaded.text)?;
    let settings = settings(store);
    let (mut session, effects) =
        machine::start(&open.id, &loaded.runbook, &settings.operator_name(), now);
    effects::record(&mut open, &machine::to_persist(&effects), &[]).map_err(CliError)?;
    // The site's domain kept and its terms redacted, from the first event on.
    let first = loaded
        .runbook
        .steps
        .first()
        .map(|s| machine::Msg::Enter { step: s.id.clone() });
    for msg in settings
        .session_setup()
        .into_iter()
        .chain(setup)
        .chain(first)
    {
        // A setup message the runbook refuses is left out; a failed write is not.
        match effects::execute(
            &mut session,
            &loaded.runbook,
            &mut open,
            vec![msg],
            &[],
            now,
        ) {
            Ok(_) | Err(effects::Failure::Refused { .. }) => {}
            Err(effects::Failure::NotSaved(e)) => return Err(CliError(e)),
        }
    }
    open.publish()?;
    Ok((session, open))
}

fn walk_existing(
    places: &Places,
    store: &Store,
    id: &str,
    screen: Screen,
) -> Result<ExitCode, CliError> {
    walk_existing_with(places, store, id, screen, None)
}

fn walk_existing_with(
    places: &Places,
    store: &Store,
    id: &str,
    screen: Screen,
    panel: Option<IncidentPanel>,
) -> Result<ExitCode, CliError> {
    let (mut open, stored) = store.open(id)?;
    let loaded = Loaded::from_text(stored.runbook_text.clone(), &stored.runbook_path)
        .map_err(|d| diagnostics_error(&d))?;
    let mut session = stored.session()?;
    // Evidence attached from the shell while the session was closed.
    let applied =
        super::attach::apply_inbox(store, &mut open, &mut session, &loaded.runbook, now())?;
    let draft = match store.read_draft(id) {
        Ok(d) => d.map(|d| d.without_stale(&stored.events)),
        Err(e) => {
            drop(screen);
            return Err(e.into());
        }
    };
    let mut screen = screen;
    // The full warning names the journal's path, wider than a status line
    // at 80 columns; `runbook check` prints it whole.
    if stored.warning.is_some() {
        screen.notes.push(
            "A half-written record was dropped from the journal; every whole one is kept.".into(),
        );
    }
    let result = walk(
        places,
        store,
        loaded.runbook,
        session,
        open,
        draft,
        screen,
        panel,
    );
    for a in applied {
        if let super::attach::Applied::Refused { name, why } = a {
            eprintln!("runbook: warning: {name} from the inbox was not attached: {why}");
        }
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn walk(
    places: &Places,
    store: &Store,
    runbook: Runbook,
    session: Session,
    open: OpenSession,
    draft: Option<crate::store::Draft>,
    mut screen: Screen,
    panel: Option<IncidentPanel>,
) -> Result<ExitCode, CliError> {
    let id = session.id.clone();
    let dir = open.dir().to_path_buf();
    crash_note(&id, &dir);
    let mut app =
        App::new(runbook, session, Box::new(open), draft, now()).with_settings(settings(store));
    if let Some(panel) = panel {
        app = app.with_incident(panel);
    }
    for note in screen.notes.drain(..) {
        app.say_notice(note);
    }
    let ended = run_walk(places, store, &mut app, &mut screen);
    drop(screen.tui);
    let summary = leaving_words(&app, &dir, &settings(store));
    // After a hang-up there is no terminal to print to: never panic on it.
    use std::io::Write;
    match ended {
        Ok(Ended::Quit | Ended::Related(_)) => {
            let _ = std::io::stdout().write_all(summary.as_bytes());
            Ok(ExitCode::SUCCESS)
        }
        Ok(Ended::Signal(signal)) => {
            let _ = std::io::stderr().write_all(summary.as_bytes());
            Ok(ExitCode::from(signal.exit_status()))
        }
        Err(e) => Err(CliError(format!(
            "the terminal failed ({e}); session {id} is saved — `runbook resume {id}` continues it"
        ))),
    }
}

/// Runs a walk until it ends; a related runbook opened from it runs as a
/// linked session on the same screen, and the walk resumes when it ends.
fn run_walk(
    places: &Places,
    store: &Store,
    app: &mut App,
    screen: &mut Screen,
) -> std::io::Result<Ended> {
    loop {
        match run_app(&mut screen.tui, &screen.events, app, &screen.signals)? {
            Ended::Related(id) => {
                let mut child = match open_related(places, store, app, &id) {
                    Ok(child) => child,
                    Err(e) => {
                        app.say_error(e.0);
                        continue;
                    }
                };
                let ended = run_walk(places, store, &mut child, screen)?;
                if let Ended::Signal(_) = ended {
                    return Ok(ended);
                }
                app.back_from(child.session());
                // A panic from here on concerns this walk again.
                if let Some(dir) = app.session_dir() {
                    crash_note(&app.session().id, &dir);
                }
            }
            other => return Ok(other),
        }
    }
}

/// A new session of a related runbook, linked both ways.
fn open_related(
    places: &Places,
    store: &Store,
    parent: &mut App,
    runbook: &str,
) -> Result<App, CliError> {
    let loaded = places
        .library()?
        .resolve(runbook)
        .map_err(|d| diagnostics_error(&d))?;
    let from = parent.session();
    let setup = vec![machine::Msg::Link {
        session: from.id.clone(),
        runbook: from.runbook.clone(),
        relation: machine::Relation::OpenedFrom,
    }];
    let (session, open) = create_session(store, &loaded, setup)?;
    parent.link_opened(&session.id, runbook).map_err(CliError)?;
    crash_note(&session.id, open.dir());
    Ok(
        App::new(loaded.runbook, session, Box::new(open), None, now())
            .with_settings(settings(store)),
    )
}

/// What a panic prints after restoring the terminal: where the session is.
fn crash_note(id: &str, dir: &std::path::Path) {
    terminal::set_crash_note(format!(
        "runbook: session {id} is saved in {} — `runbook resume {id}` continues it",
        dir.display()
    ));
}

/// What stays in the scrollback after the full screen is gone.
fn leaving_words(app: &App, dir: &std::path::Path, settings: &crate::config::Settings) -> String {
    let session = app.session();
    let id = &session.id;
    if session.state == State::Open {
        return format!(
            "Session {id} ({}) is saved in {}.\nResume it with: runbook resume {id}\n",
            session.runbook,
            dir.display()
        );
    }
    let v = app.verdict();
    let mut out = verdict::text(id, &session.runbook, &v, None);
    out.push_str(&format!(
        "send to: {}\n",
        settings.where_to_send(&v.escalation)
    ));
    match app.report_path() {
        Some(path) => out.push_str(&format!("report: {}\n", path.display())),
        None => out.push_str(&format!(
            "report: not saved — `runbook report {id}` says why\n"
        )),
    }
    out.push_str(&format!("session folder: {}\n", dir.display()));
    out
}

fn progress(session: &Session, runbook: &Runbook) -> String {
    let (done, applying) = machine::Eval::new(session, runbook).progress();
    format!(", {done} of {applying} steps done")
}

fn age(then: Stamp, now: Stamp) -> String {
    let mins = now.signed_duration_since(then).num_minutes().max(0);
    match mins {
        0 => "just now".into(),
        1..=59 => format!("{mins} min ago"),
        60..=1439 => format!("{} h {} min ago", mins / 60, mins % 60),
        _ => format!("{} days ago", mins / 1440),
    }
}

fn io_error(e: std::io::Error) -> CliError {
    CliError(format!("the terminal failed: {e}"))
}
