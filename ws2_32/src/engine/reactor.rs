//! The reactor: one `polling::Poller` (epoll on Linux, kqueue on the BSDs and macOS) for the
//! whole process, and the thread that guarantees progress.
//!
//! # What is registered
//! Only sockets with something waiting on readiness: queued overlapped operations, or a
//! `WSAEventSelect`/`WSAAsyncSelect` interest that is currently enabled. Interest is
//! *oneshot*: when an event fires, the socket is disarmed, the dispatcher makes progress under
//! the socket's lock, and re-arms exactly the directions that still have waiters. A socket
//! whose operations complete at once never touches the poller (the fast path of
//! [`overlapped`](super::overlapped)).
//!
//! # Keys
//! The poller key is the `SOCKET` handle value, never the fd: handles are not reused, so an
//! event that was already in flight when a socket closed finds nothing in the table and is
//! dropped, even if the kernel has meanwhile given the fd number to a new socket (the classic
//! fd-reuse race). `Socket::drop` deletes the fd from the poller before closing it.
//!
//! # Who waits
//! A background thread blocks in the poller and dispatches events; it only moves bytes and
//! records completions — application code never runs on it (DESIGN property 5): completions
//! reach events, completion ports, APC queues and message queues through the host.

use std::sync::OnceLock;
use std::time::Duration;

use polling::{Event, Events, Poller};

use super::{Socket, ops, table};

/// A socket's registration with the poller, kept in its [`State`](super::socket::State).
#[derive(Clone, Copy, Debug, Default)]
pub struct Registration {
    /// The fd is known to the poller.
    pub registered: bool,
    /// Armed for readability (until it fires).
    pub read: bool,
    /// Armed for writability (until it fires).
    pub write: bool,
}

/// See the module docs.
#[derive(Debug)]
pub struct Reactor {
    poller: Poller,
}

static REACTOR: OnceLock<Reactor> = OnceLock::new();

/// The process's reactor, started on first use.
pub fn reactor() -> &'static Reactor {
    REACTOR.get_or_init(|| {
        let poller = Poller::new().expect("the host refused to create an epoll/kqueue instance");
        std::thread::Builder::new()
            .name("ws2_32-reactor".into())
            .spawn(|| reactor().run())
            .expect("could not start the ws2_32 reactor thread");
        Reactor { poller }
    })
}

impl Reactor {
    /// Arms the socket for what its state still waits for (see the module docs). Called with
    /// the socket's state locked.
    pub fn arm(&self, sock: &Socket, st: &mut super::socket::State) {
        let read = !st.reads.is_empty() || st.notify.wants_read();
        let write = !st.writes.is_empty() || st.notify.wants_write();
        if st.reg.read == read && st.reg.write == write && (st.reg.registered || !(read || write)) {
            return;
        }
        let interest = Event::new(sock.handle, read, write);
        let result = if st.reg.registered {
            self.poller.modify(FdRef(sock.fd()), interest)
        } else {
            // SAFETY: the fd stays open until `Socket::drop`, which deletes it from the poller
            // before closing it (`st.reg.registered` tells it to).
            unsafe { self.poller.add(sock.fd(), interest) }
        };
        match result {
            Ok(()) => {
                st.reg = Registration { registered: true, read, write };
            }
            Err(e) => log::error!(target: "ws2_32::reactor", "cannot arm socket {:#x}: {e}", sock.handle),
        }
    }

    /// Removes an fd about to be closed.
    pub fn forget(&self, fd: i32) {
        let _ = self.poller.delete(FdRef(fd));
    }

    fn run(&self) {
        let mut events = Events::new();
        loop {
            events.clear();
            match self.poller.wait(&mut events, None) {
                Ok(_) => self.dispatch(&events),
                Err(e) => {
                    log::error!(target: "ws2_32::reactor", "poller wait failed: {e}");
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        }
    }

    fn dispatch(&self, events: &Events) {
        for ev in events.iter() {
            // A closed socket is gone from the table: its stale event is dropped here.
            let Some(sock) = table::lookup(ev.key) else { continue };
            let done = {
                let mut st = sock.state();
                st.reg.read = false;
                st.reg.write = false;
                let done = ops::progress(&sock, &mut st, ev.readable, ev.writable);
                super::notify::on_ready(&sock, &mut st, ev.readable, ev.writable);
                self.arm(&sock, &mut st);
                done
            };
            done.deliver();
        }
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
