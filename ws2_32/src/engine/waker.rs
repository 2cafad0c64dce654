//! Per-thread wake-up fds.
//!
//! Every fd is non-blocking at the OS level; a Windows "blocking" call is a `poll(2)` in
//! the calling thread on the socket's fd *plus* this thread's wake fd. Whoever must
//! interrupt the wait notifies it: `closesocket` from another thread (the call then fails
//! with `WSAEINTR`), or a user APC queued to the thread — blocking Winsock calls are
//! alertable on Windows, so the APC runs inside the wait and the call goes on waiting. No
//! thread hop is involved when the socket simply becomes ready.

use std::sync::Arc;

use crate::sys::WakeFd;

/// One thread's wake-up fd.
#[derive(Debug)]
pub struct ThreadWaker {
    wake: WakeFd,
}

impl ThreadWaker {
    fn new() -> Option<Arc<ThreadWaker>> {
        WakeFd::new().ok().map(|wake| Arc::new(ThreadWaker { wake }))
    }

    /// The fd to include in a `poll(2)` set (readable once woken).
    pub fn fd(&self) -> i32 {
        self.wake.fd()
    }

    /// Wakes the owning thread out of its current (or next) wait.
    pub fn wake(&self) {
        self.wake.notify();
    }

    /// Forgets pending wake-ups; called by the owner after its wait returns.
    pub fn reset(&self) {
        self.wake.drain();
    }
}

thread_local! {
    static CURRENT: std::cell::RefCell<Option<Arc<ThreadWaker>>> = const { std::cell::RefCell::new(None) };
}

/// The calling thread's waker, created on first use. `None` only when the process is out
/// of fds (or during thread teardown): callers then wait without interruptibility.
pub fn current() -> Option<Arc<ThreadWaker>> {
    CURRENT
        .try_with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = ThreadWaker::new();
                // Let the default host's APC queue interrupt this thread's socket waits.
                if let (Some(w), true) = (c.as_ref(), crate::host::is_default()) {
                    crate::host::default::objects::current_thread().set_socket_waker(Some(w.clone()));
                }
            }
            c.clone()
        })
        .ok()
        .flatten()
        .or_else(ThreadWaker::new)
}

/// Closes the calling thread's waker now (a thread that is about to exit), so its fd is gone
/// before anyone sees the thread finished.
pub fn release_current() {
    let _ = CURRENT.try_with(|c| c.borrow_mut().take());
    if crate::host::is_default() {
        crate::host::default::objects::current_thread().set_socket_waker(None);
    }
}

/// Runs the calling thread's pending user APCs, as an alertable Windows wait does (default
/// host only; a loader's host runs its APCs in its own waits). Returns how many ran.
pub fn run_apcs() -> usize {
    if !crate::host::is_default() {
        return 0;
    }
    crate::host::default::objects::current_thread().run_apcs()
}
