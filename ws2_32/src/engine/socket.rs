//! One socket: its fd, its Windows identity, its mode flags, and the blocking-wait
//! primitive every "blocking" Winsock call is built on.
//!
//! The fd is always `O_NONBLOCK | O_CLOEXEC`. A Windows blocking call first tries the
//! syscall in the caller's thread; if the kernel says `EAGAIN` and the socket is in
//! blocking mode, the thread `poll(2)`s the fd together with its own wake fd (see
//! [`waker`](super::waker)) until the socket is ready, the Windows timeout
//! (`SO_RCVTIMEO`/`SO_SNDTIMEO`, milliseconds) passes (`WSAETIMEDOUT`), or another thread
//! closes the socket (`WSAEINTR`, as Windows reports for a blocking call cut short by
//! `closesocket`).
//!
//! Closing is two-phase: `closesocket` removes the handle from the table, marks the socket
//! closed and wakes its waiters at once; the fd itself is closed when the last `Arc` drops —
//! after every call still running on it has returned — so an fd number is never closed
//! under a running syscall nor reused while this socket could still touch it.

use std::collections::VecDeque;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use translate::{SOCKET, WSAEINTR, WSAETIMEDOUT, WsaError};

use super::notify::Notify;
use super::overlapped::{Op, PortBinding};
use super::reactor::Registration;
use super::waker::{self, ThreadWaker};
use crate::sys::{self, Deadline};

/// Which way a blocking wait is waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Data, a connection to accept, or end of stream.
    Read,
    /// Send space, or the outcome of a connect.
    Write,
}

impl Direction {
    fn poll_events(self) -> i16 {
        match self {
            Direction::Read => libc::POLLIN | libc::POLLPRI,
            Direction::Write => libc::POLLOUT,
        }
    }
}

/// Connection progress, as Windows distinguishes it (`WSAEALREADY` vs `WSAEISCONN`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConnState {
    /// Neither connected nor listening.
    #[default]
    Idle,
    /// A non-blocking connect is in flight.
    Connecting,
    /// Connected (stream) or has a default peer (datagram).
    Connected,
    /// `listen` succeeded.
    Listening,
}

/// Mutable per-socket state that is not on the fast path.
#[derive(Debug, Default)]
pub struct State {
    /// Threads blocked on this socket, woken by `closesocket`.
    waiters: Vec<Arc<ThreadWaker>>,
    /// Connection progress.
    pub conn: ConnState,
    /// When the connection was established (`SO_CONNECT_TIME`).
    pub connected_at: Option<Instant>,
    /// Whether `bind` (explicit or implicit) has happened.
    pub bound: bool,
    /// Windows `SO_REUSEADDR` as the application set it.
    pub reuse_addr: bool,
    /// Windows `SO_EXCLUSIVEADDRUSE`.
    pub exclusive_addr_use: bool,
    /// The host errno of a failed non-blocking connect, kept for `SO_ERROR` (reading the
    /// kernel's `SO_ERROR` to learn the outcome clears it there).
    pub connect_errno: i32,
    /// The connection was reset by the peer. Linux reports `ECONNRESET` once and then end
    /// of stream; Windows keeps failing receives and sends with `WSAECONNRESET`
    /// (Wine's `test_tcp_reset`), so the engine remembers it.
    pub reset: bool,
    /// The last connect attempt failed (blocking or not): select reports it in the except
    /// set (Wine's `test_select`), even though a blocking failure leaves `SO_ERROR` at 0.
    pub connect_failed: bool,
    /// The connection was made by this socket's own connect (not accept): selecting
    /// `FD_CONNECT` afterwards still records it once (Wine's `test_connect_events`).
    pub connected_by_connect: bool,
    /// `SO_DEBUG` is stored only (Windows accepts it on every socket).
    pub debug: bool,
    /// `shutdown(SD_RECEIVE)`: later receives fail with `WSAESHUTDOWN`.
    pub shut_read: bool,
    /// `shutdown(SD_SEND)`: later sends fail with `WSAESHUTDOWN`.
    pub shut_write: bool,
    /// `SO_CONDITIONAL_ACCEPT` (read by `WSAAccept`).
    pub conditional_accept: bool,
    /// Network events selected by `WSAEventSelect`/`WSAAsyncSelect` (0 = none); while it is
    /// nonzero `FIONBIO` cannot make the socket blocking again (`WSAEINVAL`).
    pub select_mask: i32,
    /// Other emulated option values (`api::options`).
    pub opts: crate::api::options::Stored,
    /// Queued overlapped receives (FIFO).
    pub reads: VecDeque<Op>,
    /// Queued overlapped sends (FIFO).
    pub writes: VecDeque<Op>,
    /// The completion port association (`CreateIoCompletionPort`).
    pub port: Option<PortBinding>,
    /// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`.
    pub skip_port_on_success: bool,
    /// Reactor registration of the fd (see [`crate::engine::reactor`]).
    pub reg: Registration,
    /// `WSAEventSelect`/`WSAAsyncSelect` state.
    pub notify: Notify,
    /// `shutdown(SD_SEND)` arrived while buffered send data was queued: shut the host side
    /// once it is out.
    pub shutdown_after_writes: bool,
    /// The listener whose pending `AcceptEx` accepts into this socket: closing this socket
    /// aborts that `AcceptEx` (Wine's `test_AcceptEx`). Cleared when the accept completes.
    pub accepting_on: Option<std::sync::Weak<Socket>>,
}

/// An open Winsock socket.
#[derive(Debug)]
pub struct Socket {
    /// The `SOCKET` value the application holds.
    pub handle: SOCKET,
    fd: RawFd,
    /// Windows address family (`AF_INET6` is 23).
    pub family: i32,
    /// Windows socket type (`SOCK_STREAM`, …).
    pub socktype: i32,
    /// Protocol (`IPPROTO_TCP`, …; the same numbers on every host).
    pub protocol: i32,
    /// Created with `WSA_FLAG_OVERLAPPED` (the default for `socket()`).
    pub overlapped: bool,
    closed: AtomicBool,
    nonblocking: AtomicBool,
    /// A `WSAEventSelect`/`WSAAsyncSelect` selection is active (lets the receive and send
    /// paths skip re-enabling notifications without taking the state lock).
    pub selected: AtomicBool,
    /// `SO_RCVTIMEO` in milliseconds, 0 = none.
    pub rcv_timeout: AtomicU32,
    /// `SO_SNDTIMEO` in milliseconds, 0 = none.
    pub snd_timeout: AtomicU32,
    state: Mutex<State>,
}

impl Socket {
    /// Wraps an fd the caller owns (already non-blocking and close-on-exec).
    pub fn new(handle: SOCKET, fd: RawFd, family: i32, socktype: i32, protocol: i32, overlapped: bool) -> Socket {
        Socket {
            handle,
            fd,
            family,
            socktype,
            protocol,
            overlapped,
            closed: AtomicBool::new(false),
            nonblocking: AtomicBool::new(false),
            selected: AtomicBool::new(false),
            rcv_timeout: AtomicU32::new(0),
            snd_timeout: AtomicU32::new(0),
            state: Mutex::new(State::default()),
        }
    }

    /// The host fd. Valid for as long as the caller holds this `Socket`.
    #[inline]
    pub fn fd(&self) -> RawFd {
        self.fd
    }

    /// Locks the slow-path state.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `FIONBIO` (or an event/message selection) made the socket non-blocking.
    #[inline]
    pub fn is_nonblocking(&self) -> bool {
        self.nonblocking.load(Ordering::Relaxed)
    }

    /// Sets the Windows blocking mode (the fd itself always stays `O_NONBLOCK`).
    pub fn set_nonblocking(&self, on: bool) {
        self.nonblocking.store(on, Ordering::Relaxed);
    }

    /// Whether `closesocket` has been called.
    #[inline]
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// Whether this is a stream (connection-oriented) socket.
    pub fn is_stream(&self) -> bool {
        self.socktype == translate::SOCK_STREAM
    }

    /// Marks the socket closed and wakes every thread blocked on it. The fd is closed when
    /// the last reference drops.
    pub fn mark_closed(&self) {
        let waiters = {
            let mut st = self.state();
            self.closed.store(true, Ordering::Release);
            std::mem::take(&mut st.waiters)
        };
        for w in waiters {
            w.wake();
        }
    }

    /// The deadline for a blocking wait in `dir`, from `SO_RCVTIMEO`/`SO_SNDTIMEO`.
    pub fn deadline(&self, dir: Direction) -> Deadline {
        let ms = match dir {
            Direction::Read => self.rcv_timeout.load(Ordering::Relaxed),
            Direction::Write => self.snd_timeout.load(Ordering::Relaxed),
        };
        if ms == 0 { Deadline::NEVER } else { Deadline::after_dword_ms(ms) }
    }

    /// Blocks the calling thread until the fd is ready in `dir`, the deadline passes
    /// (`WSAETIMEDOUT`) or the socket is closed (`WSAEINTR`).
    pub fn wait(&self, dir: Direction, deadline: Deadline) -> Result<(), WsaError> {
        let me = waker::current();
        let _registration = WaitRegistration::new(std::slice::from_ref(&self), me.as_ref())?;
        let mut fds = [
            libc::pollfd { fd: self.fd, events: dir.poll_events(), revents: 0 },
            libc::pollfd { fd: me.as_ref().map_or(-1, |w| w.fd()), events: libc::POLLIN, revents: 0 },
        ];
        loop {
            // An alertable wait: APCs queued to this thread run here (Windows runs them inside
            // blocking Winsock calls), then the call goes on waiting.
            waker::run_apcs();
            let n = sys::poll(&mut fds, deadline.remaining_ms()).map_err(WsaError::from)?;
            if self.is_closed() {
                return Err(WsaError(WSAEINTR));
            }
            if fds[0].revents != 0 {
                return Ok(());
            }
            if fds[1].revents != 0 {
                if let Some(w) = &me {
                    w.reset();
                }
                fds[1].revents = 0;
                continue;
            }
            if n == 0 || deadline.expired() {
                return Err(WsaError(WSAETIMEDOUT));
            }
        }
    }

    /// Runs `op` (a non-blocking syscall) until it stops saying `EAGAIN`, waiting in
    /// between as Windows blocking mode requires; in non-blocking mode `EAGAIN` becomes
    /// `WSAEWOULDBLOCK` at once.
    pub fn blocking<T>(&self, dir: Direction, mut op: impl FnMut() -> std::io::Result<T>) -> Result<T, WsaError> {
        let mut deadline = None;
        loop {
            match sys::retry_eintr(&mut op) {
                Ok(v) => return Ok(v),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && !self.is_nonblocking() => {
                    let d = *deadline.get_or_insert_with(|| self.deadline(dir));
                    self.wait(dir, d)?;
                }
                Err(e) => return Err(WsaError::from(e)),
            }
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // The poller must forget the fd before it is closed (`polling`'s contract).
        let st = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        if st.reg.registered {
            super::reactor::reactor().forget(self.fd);
        }
        sys::close_fd(self.fd);
    }
}

/// Registers the calling thread's waker on a set of sockets for the duration of a wait,
/// so that `closesocket` on any of them interrupts it.
pub struct WaitRegistration<'a> {
    sockets: &'a [&'a Socket],
    me: Option<Arc<ThreadWaker>>,
}

impl<'a> WaitRegistration<'a> {
    /// Registers; fails with `WSAEINTR` if one of the sockets is already closed.
    pub fn new(sockets: &'a [&'a Socket], me: Option<&Arc<ThreadWaker>>) -> Result<Self, WsaError> {
        let Some(w) = me else {
            return Ok(WaitRegistration { sockets: &[], me: None });
        };
        for (i, s) in sockets.iter().enumerate() {
            let mut st = s.state();
            if s.is_closed() {
                drop(st);
                // Unregister from the sockets already done.
                drop(WaitRegistration { sockets: &sockets[..i], me: Some(w.clone()) });
                return Err(WsaError(WSAEINTR));
            }
            st.waiters.push(w.clone());
        }
        Ok(WaitRegistration { sockets, me: Some(w.clone()) })
    }
}

impl Drop for WaitRegistration<'_> {
    fn drop(&mut self) {
        let Some(w) = &self.me else { return };
        for s in self.sockets {
            let mut st = s.state();
            if let Some(i) = st.waiters.iter().position(|x| Arc::ptr_eq(x, w)) {
                st.waiters.swap_remove(i);
            }
        }
    }
}

impl std::fmt::Debug for WaitRegistration<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WaitRegistration").field("sockets", &self.sockets.len()).finish()
    }
}
