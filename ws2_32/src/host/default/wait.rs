//! Waits on several objects (`WaitForMultipleObjectsEx`, `SleepEx`), with Windows' rules:
//! wait-any returns the lowest signalled index and consumes an auto-reset event; wait-all
//! returns only when every object is signalled at once; an alertable wait runs the thread's
//! pending APCs and returns `WAIT_IO_COMPLETION`.

use std::sync::Arc;

use translate::{WAIT_FAILED, WAIT_IO_COMPLETION, WAIT_OBJECT_0, WSA_WAIT_TIMEOUT as WAIT_TIMEOUT};

use super::objects::{Signal, current_thread, lock};
use crate::sys::Deadline;

/// Waits for `objects`; see the module docs.
pub fn wait(objects: &[Arc<Signal>], wait_all: bool, deadline: Deadline, alertable: bool) -> u32 {
    wait_or(objects, wait_all, deadline, alertable, None)
}

/// As [`wait`], but also ends with `other.1` as soon as `other.0()` holds (checked after the
/// objects). Whoever makes it hold must unpark the waiting thread's parker. This is how
/// `MsgWaitForMultipleObjects` wakes for a posted message (`window::post_to_thread`).
pub fn wait_or(
    objects: &[Arc<Signal>],
    wait_all: bool,
    deadline: Deadline,
    alertable: bool,
    other: Option<(&dyn Fn() -> bool, u32)>,
) -> u32 {
    let me = current_thread();
    let extra = || other.and_then(|(ready, r)| ready().then_some(r));
    loop {
        if alertable && me.run_apcs() > 0 {
            return WAIT_IO_COMPLETION;
        }
        me.parker.clear();
        for o in objects {
            lock(&o.state).waiters.add(&me.parker);
        }
        let result = try_acquire(objects, wait_all).or_else(extra);
        if result.is_none() && !(alertable && me.has_apcs()) && !deadline.expired() {
            me.parker.park(deadline);
        }
        for o in objects {
            lock(&o.state).waiters.remove(&me.parker);
        }
        if let Some(r) = result.or_else(|| try_acquire(objects, wait_all)).or_else(extra) {
            return r;
        }
        if alertable && me.has_apcs() {
            continue;
        }
        if deadline.expired() {
            return WAIT_TIMEOUT;
        }
    }
}

/// Checks and consumes; `Some(WAIT_OBJECT_0 + i)` when the wait is satisfied.
fn try_acquire(objects: &[Arc<Signal>], wait_all: bool) -> Option<u32> {
    if !wait_all {
        for (i, o) in objects.iter().enumerate() {
            let mut st = lock(&o.state);
            if st.signaled {
                if !st.manual {
                    st.signaled = false;
                }
                return Some(WAIT_OBJECT_0 + i as u32);
            }
        }
        return None;
    }
    // Lock every distinct object in address order, so two wait-all calls cannot deadlock.
    let mut order: Vec<&Arc<Signal>> = objects.iter().collect();
    order.sort_by_key(|o| Arc::as_ptr(o) as usize);
    order.dedup_by_key(|o| Arc::as_ptr(o) as usize);
    let mut guards: Vec<_> = order.iter().map(|o| lock(&o.state)).collect();
    if guards.iter().all(|g| g.signaled) {
        for g in guards.iter_mut() {
            if !g.manual {
                g.signaled = false;
            }
        }
        return Some(WAIT_OBJECT_0);
    }
    None
}

/// `SleepEx`: returns 0 after the time, or `WAIT_IO_COMPLETION` if alertable and an APC ran.
pub fn sleep(deadline: Deadline, alertable: bool) -> u32 {
    let me = current_thread();
    loop {
        if alertable && me.run_apcs() > 0 {
            return WAIT_IO_COMPLETION;
        }
        if deadline.expired() {
            return 0;
        }
        if alertable {
            me.parker.clear();
            if me.has_apcs() {
                continue;
            }
            me.parker.park(deadline);
        } else {
            let ms = deadline.remaining_ms();
            if ms < 0 {
                std::thread::park();
            } else {
                std::thread::sleep(std::time::Duration::from_millis(ms as u64));
            }
        }
    }
}

/// `WAIT_FAILED`, for callers that found a bad handle.
pub const FAILED: u32 = WAIT_FAILED;
