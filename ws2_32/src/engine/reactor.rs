//! The reactor: one `polling::Poller` (epoll on Linux, kqueue on the BSDs and macOS) for the
//! whole process, and who waits in it.
//!
//! # What is registered
//! A socket enters the poller the first time something must wait for its readiness (a queued
//! overlapped operation, a `WSAEventSelect`/`WSAAsyncSelect` selection) and stays there until
//! it closes. Registration is *edge-triggered* for both directions, so queueing an operation
//! costs no `epoll_ctl`: the dispatcher retries the heads of the socket's queues under the
//! socket's lock until the kernel says `EAGAIN`, and an operation queued after its own attempt
//! saw `EAGAIN` (under the same lock) cannot miss the next edge. A socket whose operations
//! complete at once never touches the poller at all (the fast path of
//! [`overlapped`](super::overlapped)). Where the poller offers no edge mode, registration falls
//! back to oneshot interest re-armed after each event.
//!
//! # Keys
//! The poller key is the `SOCKET` handle value, never the fd: handles are not reused, so an
//! event already in flight when a socket closed finds nothing in the table and is dropped,
//! even if the kernel has given the fd number to a new socket meanwhile (the classic fd-reuse
//! race). `Socket::drop` deletes the fd from the poller before closing it.
//!
//! # Who waits: leader, followers, and a fallback thread
//! A cross-CPU wake-up costs more than a whole echo on a small machine (see PERFORMANCE.md),
//! so the thread that is about to block anyway — an application thread in
//! `GetQueuedCompletionStatus` — waits in the poller itself ([`Reactor::drive_until`]) and
//! dispatches what becomes ready, usually completing its own packet without waking anyone.
//! One such thread at a time is the *leader* (it holds the driver lock); other waiting threads
//! are *followers* parked on their port, woken by the packets the leader's dispatching posts.
//! A background thread guarantees progress: when the lead has been vacant for [`GRACE`] it
//! promotes a parked follower, or, with none, drives the poller itself until an application
//! thread arrives and kicks it out. It is never woken on the fast path — it looks on a timer —
//! so a busy server that returns to `GetQueuedCompletionStatus` within microseconds never pays
//! for a hand-off.
//!
//! Whoever dispatches only moves bytes and records completions — events, packets, APCs and
//! messages go through the host; application code never runs here (DESIGN property 5).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use polling::{Event, Events, PollMode, Poller};

use super::{Socket, ops, table};
use crate::host::default::parker::Parker;
use crate::sys::Deadline;

/// How long the background thread lets the lead stay vacant before acting.
pub const GRACE: Duration = Duration::from_millis(2);

/// How often the background thread looks while an application thread leads.
const CHECK_PERIOD: Duration = Duration::from_millis(10);

/// A socket's registration with the poller, kept in its [`State`](super::socket::State).
#[derive(Clone, Copy, Debug, Default)]
pub struct Registration {
    /// The fd is known to the poller.
    pub registered: bool,
    /// Oneshot fallback only: armed for readability (until it fires).
    pub read: bool,
    /// Oneshot fallback only: armed for writability (until it fires).
    pub write: bool,
}

/// Who is waiting for the reactor (see the module docs).
#[derive(Debug)]
struct Coord {
    /// The background thread is (about to be) blocked in the poller.
    bg_in_wait: bool,
    /// Parked application threads, promoted to leader one at a time.
    followers: Vec<Arc<Parker>>,
}

/// See the module docs.
#[derive(Debug)]
pub struct Reactor {
    poller: Poller,
    edge: bool,
    driver: Mutex<()>,
    coord: Mutex<Coord>,
    /// An application thread holds the driver lock.
    app_leading: AtomicBool,
    /// When the last application leader let go of the driver lock (ns since `epoch`).
    last_leader_exit: AtomicU64,
    epoch: Instant,
}

thread_local! {
    static LEADING: Cell<bool> = const { Cell::new(false) };
    static EVENTS: Cell<Option<Events>> = const { Cell::new(None) };
}

static REACTOR: OnceLock<Reactor> = OnceLock::new();

/// The reactor if something has started it (waits need not start one just to block).
pub fn running() -> Option<&'static Reactor> {
    REACTOR.get()
}

/// The process's reactor, started on first use.
pub fn reactor() -> &'static Reactor {
    REACTOR.get_or_init(|| {
        let poller = Poller::new().expect("the host refused to create an epoll/kqueue instance");
        let edge = poller.supports_edge();
        std::thread::Builder::new()
            .name("ws2_32-reactor".into())
            .spawn(|| reactor().background())
            .expect("could not start the ws2_32 reactor thread");
        Reactor {
            poller,
            edge,
            driver: Mutex::new(()),
            coord: Mutex::new(Coord { bg_in_wait: false, followers: Vec::new() }),
            app_leading: AtomicBool::new(false),
            last_leader_exit: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    })
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Reactor {
    /// Makes sure the poller watches the socket for what its state waits for. Called with the
    /// socket's state locked.
    pub fn arm(&self, sock: &Socket, st: &mut super::socket::State) {
        let read = !st.reads.is_empty() || st.notify.wants_read();
        let write = !st.writes.is_empty() || st.notify.wants_write();
        if self.edge {
            if st.reg.registered || !(read || write) {
                return;
            }
            // SAFETY: the fd stays open until `Socket::drop`, which deletes it from the poller
            // before closing it (`st.reg.registered` tells it to).
            match unsafe { self.poller.add_with_mode(sock.fd(), Event::all(sock.handle), PollMode::Edge) } {
                Ok(()) => st.reg.registered = true,
                Err(e) => log::error!(target: "ws2_32::reactor", "cannot register socket {:#x}: {e}", sock.handle),
            }
            return;
        }
        if st.reg.read == read && st.reg.write == write && (st.reg.registered || !(read || write)) {
            return;
        }
        let interest = Event::new(sock.handle, read, write);
        let result = if st.reg.registered {
            self.poller.modify(FdRef(sock.fd()), interest)
        } else {
            // SAFETY: as above.
            unsafe { self.poller.add(sock.fd(), interest) }
        };
        match result {
            Ok(()) => st.reg = Registration { registered: true, read, write },
            Err(e) => log::error!(target: "ws2_32::reactor", "cannot arm socket {:#x}: {e}", sock.handle),
        }
    }

    /// Removes an fd about to be closed (or replaced).
    pub fn forget(&self, fd: i32) {
        let _ = self.poller.delete(FdRef(fd));
    }

    /// Wakes whoever waits in the poller when a completion reached a port from outside the
    /// dispatcher (`PostQueuedCompletionStatus`, an immediate completion on another thread):
    /// the leader may be waiting in the poller rather than on its port.
    pub fn nudge_leader(&self) {
        if self.app_leading.load(Ordering::Acquire) && !LEADING.with(Cell::get) {
            let _ = self.poller.notify();
        }
    }

    /// Blocks the calling application thread until `ready()` or the deadline, driving the
    /// poller as the leader when it can, parking on `parker` as a follower otherwise. The
    /// caller has registered `parker` with whatever else can make `ready()` true (its port),
    /// so a post wakes it.
    pub fn drive_until(&self, deadline: Deadline, ready: &dyn Fn() -> bool, parker: &Arc<Parker>) {
        EVENTS.with(|cell| {
            // Reuse this thread's event buffer (allocating one per wait shows in profiles).
            let mut events = cell.take().unwrap_or_default();
            self.lead_or_follow(deadline, ready, parker, &mut events);
            cell.set(Some(events));
        });
    }

    fn lead_or_follow(&self, deadline: Deadline, ready: &dyn Fn() -> bool, parker: &Arc<Parker>, events: &mut Events) {
        while !ready() && !deadline.expired() {
            match self.driver.try_lock() {
                Ok(guard) => {
                    self.app_leading.store(true, Ordering::Release);
                    LEADING.with(|l| l.set(true));
                    if !ready() {
                        events.clear();
                        let ms = deadline.remaining_ms();
                        let timeout = (ms >= 0).then(|| Duration::from_millis(ms as u64));
                        if self.poller.wait(events, timeout).is_ok() {
                            self.dispatch(events);
                        }
                    }
                    LEADING.with(|l| l.set(false));
                    self.last_leader_exit.store(self.now_ns(), Ordering::Release);
                    self.app_leading.store(false, Ordering::Release);
                    drop(guard);
                }
                Err(_) => {
                    parker.clear();
                    {
                        let mut c = lock(&self.coord);
                        // The background thread holds the poller: kick it out; it hands the
                        // lead to a follower when it lets go.
                        if c.bg_in_wait {
                            let _ = self.poller.notify();
                        }
                        c.followers.push(parker.clone());
                    }
                    if !ready() {
                        parker.park(deadline);
                    }
                    let mut c = lock(&self.coord);
                    if let Some(i) = c.followers.iter().position(|p| Arc::ptr_eq(p, parker)) {
                        c.followers.swap_remove(i);
                    }
                }
            }
        }
    }

    fn now_ns(&self) -> u64 {
        self.epoch.elapsed().as_nanos() as u64
    }

    /// How long no application thread has led the poller (zero while one does).
    fn leaderless_for(&self) -> Duration {
        if self.app_leading.load(Ordering::Acquire) {
            return Duration::ZERO;
        }
        Duration::from_nanos(self.now_ns().saturating_sub(self.last_leader_exit.load(Ordering::Acquire)))
    }

    /// The background thread. It is never woken on the fast path: it looks every few
    /// milliseconds, and only when no application thread has led for [`GRACE`] does it act —
    /// handing the lead to a parked follower if there is one, driving the poller itself if not.
    fn background(&self) {
        let mut events = Events::new();
        loop {
            let idle = self.leaderless_for();
            if idle < GRACE {
                std::thread::sleep(if idle.is_zero() { CHECK_PERIOD } else { GRACE - idle });
                continue;
            }
            {
                let mut c = lock(&self.coord);
                if let Some(p) = c.followers.pop() {
                    drop(c);
                    // Give the promoted follower its grace period before looking again.
                    self.last_leader_exit.store(self.now_ns(), Ordering::Release);
                    p.unpark();
                    continue;
                }
                c.bg_in_wait = true;
            }
            let guard = lock(&self.driver);
            if !self.app_leading.load(Ordering::Acquire) {
                events.clear();
                match self.poller.wait(&mut events, None) {
                    Ok(_) => self.dispatch(&events),
                    Err(e) => {
                        log::error!(target: "ws2_32::reactor", "poller wait failed: {e}");
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
            }
            drop(guard);
            let mut c = lock(&self.coord);
            c.bg_in_wait = false;
            // Someone kicked us out to lead: hand over.
            if let Some(p) = c.followers.pop() {
                self.last_leader_exit.store(self.now_ns(), Ordering::Release);
                p.unpark();
            }
        }
    }

    fn dispatch(&self, events: &Events) {
        for ev in events.iter() {
            // A closed socket is gone from the table: its stale event is dropped here.
            let Some(sock) = table::lookup(ev.key).or_else(|| super::lingering::lookup(ev.key)) else { continue };
            let done = {
                let mut st = sock.state();
                if !self.edge {
                    st.reg.read = false;
                    st.reg.write = false;
                }
                let done = ops::progress(&sock, &mut st, ev.readable, ev.writable);
                ops::after_writes(&sock, &mut st);
                super::notify::on_ready(&sock, &mut st, ev.readable, ev.writable);
                if !self.edge {
                    self.arm(&sock, &mut st);
                }
                done
            };
            done.deliver();
        }
    }

    /// Whether registrations are edge-triggered (notification then re-checks conditions
    /// itself when an event is re-enabled).
    pub fn is_edge(&self) -> bool {
        self.edge
    }
}

/// A borrowed fd for `polling`'s `modify`/`delete`.
struct FdRef(i32);

impl std::os::fd::AsFd for FdRef {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        // SAFETY: the fd is open for the duration of the call (the socket holding it is alive,
        // or is being dropped and has not closed it yet).
        unsafe { std::os::fd::BorrowedFd::borrow_raw(self.0) }
    }
}
