//! A per-thread parker: the one thing a waiting thread sleeps on, whatever it waits for.
//!
//! Every waitable object keeps a list of the parkers of the threads waiting on it and
//! unparks them when it changes; a thread's APC queue unparks its owner. A wait registers
//! first, then checks its condition, then parks — so a change that lands between the check
//! and the park is never lost (the unpark leaves a token the park consumes at once).

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use crate::sys::Deadline;

const EMPTY: u32 = 0;
const NOTIFIED: u32 = 1;
const PARKED: u32 = 2;

/// See the module docs. The state is atomic so that waking a thread that is not asleep —
/// the common case when the thread leads the reactor and completes its own operation — costs
/// no lock and no futex syscall (the scheme of `std::thread::park`).
#[derive(Debug, Default)]
pub struct Parker {
    state: AtomicU32,
    lock: Mutex<()>,
    cv: Condvar,
}

impl Parker {
    /// A new parker with no token.
    pub fn new() -> Arc<Parker> {
        Arc::new(Parker::default())
    }

    /// Wakes the owner (or makes its next park return at once).
    pub fn unpark(&self) {
        if self.state.swap(NOTIFIED, Ordering::SeqCst) == PARKED {
            // Take the lock so the wake cannot fall between the owner's PARKED store and its
            // wait.
            drop(self.lock.lock().unwrap_or_else(|e| e.into_inner()));
            self.cv.notify_one();
        }
    }

    /// Sleeps until unparked or the deadline passes; `true` when unparked.
    pub fn park(&self, deadline: Deadline) -> bool {
        if self.state.compare_exchange(NOTIFIED, EMPTY, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return true;
        }
        let mut guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if self.state.compare_exchange(EMPTY, PARKED, Ordering::SeqCst, Ordering::SeqCst).is_err() {
            // Notified between the first check and the lock.
            self.state.store(EMPTY, Ordering::SeqCst);
            return true;
        }
        loop {
            let ms = deadline.remaining_ms();
            if ms == 0 {
                // Timed out, unless a notification raced in.
                return self.state.swap(EMPTY, Ordering::SeqCst) == NOTIFIED;
            }
            guard = if ms < 0 {
                self.cv.wait(guard).unwrap_or_else(|e| e.into_inner())
            } else {
                self.cv
                    .wait_timeout(guard, std::time::Duration::from_millis(ms as u64))
                    .unwrap_or_else(|e| e.into_inner())
                    .0
            };
            if self.state.compare_exchange(NOTIFIED, EMPTY, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                return true;
            }
        }
    }

    /// Drops a pending token (before registering for a new wait).
    pub fn clear(&self) {
        let _ = self.state.compare_exchange(NOTIFIED, EMPTY, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// A list of parked waiters, kept inside an object's own lock.
#[derive(Debug, Default)]
pub struct Waiters(Vec<Arc<Parker>>);

impl Waiters {
    /// Adds a waiter.
    pub fn add(&mut self, p: &Arc<Parker>) {
        self.0.push(p.clone());
    }

    /// Removes a waiter (if present).
    pub fn remove(&mut self, p: &Arc<Parker>) {
        if let Some(i) = self.0.iter().position(|x| Arc::ptr_eq(x, p)) {
            self.0.swap_remove(i);
        }
    }

    /// Wakes every waiter.
    pub fn wake_all(&self) {
        for p in &self.0 {
            p.unpark();
        }
    }

    /// Wakes the most recent waiter and takes it off the list (completion ports release
    /// threads LIFO, as Windows does). Taking it off makes the next post wake a *different*
    /// thread, so two quick posts never spend both wake-ups on one waiter.
    pub fn wake_last(&mut self) {
        if let Some(p) = self.0.pop() {
            p.unpark();
        }
    }
}
