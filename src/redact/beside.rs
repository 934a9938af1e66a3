//! The second thread a stream's work is split onto, kept from one stream to
//! the next. A regex keeps a cache (its lazy DFA's states, its capture
//! engines' tables) for each thread that searches with it: a thread made
//! afresh for each pass (learning, then redacting a text past the scan
//! cache) built every cache a second time, with memory of its own, and
//! left the first pass's copies behind.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread::Builder;

type Job = Box<dyn FnOnce() + Send>;

/// The kept thread, reached through the queue of its jobs.
struct Kept {
    jobs: Sender<Job>,
}

impl Kept {
    fn start() -> Option<Kept> {
        let (jobs, queue) = channel::<Job>();
        spawn(move || queue.into_iter().for_each(|job| job()))?;
        Some(Kept { jobs })
    }
}

fn spawn(work: impl FnOnce() + Send + 'static) -> Option<()> {
    Builder::new()
        .name("redact beside".into())
        .spawn(work)
        .ok()
        .map(drop)
}

/// A thread kept for jobs, held by the stream whose job it runs; another
/// stream at the same time (a test beside a test, a second engine) gets a
/// thread of its own rather than wait.
struct Keeper(Mutex<Option<Kept>>);

/// The process's kept thread.
static KEEPER: Keeper = Keeper::new();

/// A job running beside the caller.
pub(crate) struct Beside<'k> {
    done: Receiver<std::thread::Result<()>>,
    /// Held while the job may run: the kept thread is this stream's.
    _kept: Option<MutexGuard<'k, Option<Kept>>>,
}

impl Beside<'_> {
    /// Waits for the job to end; its panic, if it had one, is raised here.
    pub(crate) fn join(self) {
        match self.done.recv() {
            Ok(Ok(())) => {}
            Ok(Err(panic)) => resume_unwind(panic),
            Err(_) => panic!("a job beside the stream ended without a word"),
        }
    }

    #[cfg(test)]
    fn on_kept_thread(&self) -> bool {
        self._kept.is_some()
    }
}

/// Runs `job` on the kept thread, or on a thread of its own when another
/// stream has the kept one; `None` when no thread can be had, and the
/// caller does the work itself.
pub(crate) fn run_beside(job: impl FnOnce() + Send + 'static) -> Option<Beside<'static>> {
    KEEPER.run(job)
}

impl Keeper {
    const fn new() -> Keeper {
        Keeper(Mutex::new(None))
    }

    fn run(&self, job: impl FnOnce() + Send + 'static) -> Option<Beside<'_>> {
        let (report, done) = sync_channel(1);
        let job: Job = Box::new(move || {
            // A panic ends the job, not the thread: it is raised by `join`.
            let _ = report.send(catch_unwind(AssertUnwindSafe(job)));
        });
        let kept = match self.0.try_lock() {
            Ok(guard) => Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        };
        let Some(mut kept) = kept else {
            spawn(job)?;
            return Some(Beside { done, _kept: None });
        };
        if kept.is_none() {
            *kept = Kept::start();
        }
        let job = match kept.as_ref() {
            Some(thread) => match thread.jobs.send(job) {
                Ok(()) => {
                    return Some(Beside {
                        done,
                        _kept: Some(kept),
                    });
                }
                Err(returned) => {
                    // The kept thread is gone: the next stream starts another.
                    *kept = None;
                    returned.0
                }
            },
            None => job,
        };
        drop(kept);
        spawn(job)?;
        Some(Beside { done, _kept: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_job_is_raised_where_it_is_joined() {
        let keeper = Keeper::new();
        let beside = keeper.run(|| panic!("detector bug")).expect("a thread");
        let raised = catch_unwind(AssertUnwindSafe(|| beside.join())).expect_err("raised");
        assert_eq!(raised.downcast_ref::<&str>(), Some(&"detector bug"));
        // The kept thread lives on for the next job.
        let (tx, rx) = sync_channel(1);
        keeper.run(move || tx.send(7).unwrap()).unwrap().join();
        assert_eq!(rx.recv().unwrap(), 7);
    }

    #[test]
    fn a_second_stream_does_not_wait_for_the_first() {
        let keeper = Keeper::new();
        let (release, held) = sync_channel::<()>(1);
        let first = keeper.run(move || held.recv().unwrap()).expect("a thread");
        assert!(first.on_kept_thread());
        let (tx, rx) = sync_channel(1);
        let second = keeper.run(move || tx.send("second ran").unwrap());
        let second = second.expect("a thread");
        assert!(!second.on_kept_thread());
        // Were the second queued behind the first, this would wait forever.
        assert_eq!(rx.recv().unwrap(), "second ran");
        second.join();
        release.send(()).unwrap();
        first.join();
    }

    #[test]
    fn one_stream_after_another_is_served_by_the_same_thread() {
        let keeper = Keeper::new();
        let thread_of_job = || {
            let (tx, rx) = sync_channel(1);
            let beside = keeper.run(move || tx.send(std::thread::current().id()).unwrap());
            let beside = beside.expect("a thread");
            assert!(beside.on_kept_thread());
            beside.join();
            rx.recv().unwrap()
        };
        let first = thread_of_job();
        assert_ne!(first, std::thread::current().id());
        assert_eq!(thread_of_job(), first);
        assert_eq!(thread_of_job(), first);
    }
}
