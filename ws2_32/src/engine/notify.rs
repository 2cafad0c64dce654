//! Network-event notification: the state machine behind `WSAEventSelect`,
//! `WSAEnumNetworkEvents` and `WSAAsyncSelect`, with Windows' recording and re-enabling rules.
//!
//! Each `FD_*` event is *recorded* when its condition occurs while it is *enabled*; recording
//! disables it until the application calls its re-enabling function — so a busy socket
//! produces one notification per consumption, not a storm:
//!
//! | event | recorded when | re-enabled by |
//! |---|---|---|
//! | `FD_READ` | data is available | `recv`, `recvfrom`, `WSARecv`, `WSARecvFrom` |
//! | `FD_OOB` | urgent data is available | a receive with `MSG_OOB` |
//! | `FD_ACCEPT` | a connection is pending | `accept`, `WSAAccept` |
//! | `FD_CONNECT` | a connect finished (error in `iErrorCode`) | — (once per connect) |
//! | `FD_WRITE` | the connection is established / send space returns | a send that failed with `WSAEWOULDBLOCK` |
//! | `FD_CLOSE` | the peer closed (0) or reset (`WSAECONNABORTED`) | — (once) |
//!
//! After a re-enabling call, a condition that still holds is recorded again (data left
//! after a partial `recv` gives a new `FD_READ`). `WSAEventSelect` records events into the
//! socket and signals the event; `WSAEnumNetworkEvents` collects and clears them. With
//! `WSAAsyncSelect` every recording posts a message instead.
//!
//! What has been recorded and not re-enabled stays *reported* across selections: with
//! `WSAEventSelect`, selecting again (even after a zero mask) records nothing new for a
//! condition already reported, while an event left out of the previous mask is recorded as
//! soon as a selection includes it. `WSAAsyncSelect` forgets this and posts every condition
//! that holds again (Wine's `test_accept_events`/`test_close_events`, run on Windows).
//!
//! Detection rides on the reactor: the socket is armed for reading while a read-side event is
//! enabled and for writing while a write-side one is. A readable socket is classified with a
//! one-byte `MSG_PEEK`: data → `FD_READ`, end of stream → `FD_CLOSE`, error → `FD_CLOSE`
//! with that error. So that unread data cannot keep the reactor spinning, the read side is
//! disarmed while data waits and `FD_READ` is not enabled.

use translate::{
    FD_ACCEPT, FD_ACCEPT_BIT, FD_CLOSE, FD_CLOSE_BIT, FD_CONNECT, FD_CONNECT_BIT, FD_MAX_EVENTS, FD_OOB, FD_OOB_BIT,
    FD_READ, FD_READ_BIT, FD_WRITE, FD_WRITE_BIT, WSAECONNABORTED,
};

use super::Socket;
use super::socket::{ConnState, State};
use crate::host::host;

/// Where notifications go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// No selection.
    #[default]
    None,
    /// `WSAEventSelect`: this event handle.
    Event(usize),
    /// `WSAAsyncSelect`: this window and message.
    Window {
        /// The window.
        hwnd: usize,
        /// The message number.
        msg: u32,
    },
}

/// A socket's notification state.
#[derive(Debug, Default)]
pub struct Notify {
    /// Where to notify.
    pub target: Target,
    /// The selected `FD_*` mask.
    pub mask: i32,
    /// Recorded and not yet enumerated (`WSAEventSelect`).
    pub pending: i32,
    /// Events that may be recorded now.
    pub enabled: i32,
    /// Error code per event bit, for `WSAEnumNetworkEvents`.
    pub errors: [i32; FD_MAX_EVENTS],
    /// Unread data is waiting while `FD_READ` is disabled (see the module docs).
    pub data_waiting: bool,
    /// Recorded and not re-enabled since, whatever the mask (kept across `WSAEventSelect`
    /// calls; see the module docs).
    pub reported: i32,
}

const BITS: [(i32, i32); 6] = [
    (FD_READ, FD_READ_BIT),
    (FD_WRITE, FD_WRITE_BIT),
    (FD_OOB, FD_OOB_BIT),
    (FD_ACCEPT, FD_ACCEPT_BIT),
    (FD_CONNECT, FD_CONNECT_BIT),
    (FD_CLOSE, FD_CLOSE_BIT),
];

impl Notify {
    /// Whether the reactor should watch the read side.
    pub fn wants_read(&self) -> bool {
        self.target != Target::None
            && (self.enabled & (FD_READ | FD_ACCEPT | FD_OOB) != 0
                || (self.enabled & FD_CLOSE != 0 && !self.data_waiting))
    }

    /// Whether the reactor should watch the write side.
    pub fn wants_write(&self) -> bool {
        self.target != Target::None && self.enabled & (FD_WRITE | FD_CONNECT) != 0
    }

    /// Records `event` with `error` if it is enabled, and notifies.
    fn record(&mut self, sock: &Socket, event: i32, error: i32) {
        if self.enabled & event == 0 {
            return;
        }
        self.enabled &= !event;
        self.reported |= event;
        if let Some((_, bit)) = BITS.iter().find(|(e, _)| *e == event) {
            self.errors[*bit as usize] = error;
        }
        match self.target {
            Target::None => {}
            Target::Event(h) => {
                self.pending |= event;
                host().set_event(h);
            }
            Target::Window { hwnd, msg } => {
                let lparam = ((error as u32 as isize) << 16) | event as isize;
                host().post_message(hwnd, msg, sock.handle, lparam);
            }
        }
        log::trace!(target: "ws2_32::notify", "socket {:#x}: recorded {:?}", sock.handle, translate::FdEvents(event));
    }
}

/// Classifies readiness and records what it means (called by the reactor and on selection).
pub fn on_ready(sock: &Socket, st: &mut State, readable: bool, writable: bool) {
    if st.notify.target == Target::None {
        return;
    }
    let mut n = std::mem::take(&mut st.notify);
    if writable {
        if st.conn == ConnState::Connecting {
            let err = crate::api::socket::pending_error(sock);
            if err == 0 {
                st.conn = ConnState::Connected;
                st.bound = true;
                st.connected_at = Some(std::time::Instant::now());
                st.connected_by_connect = true;
                n.record(sock, FD_CONNECT, 0);
                n.record(sock, FD_WRITE, 0);
            } else {
                st.conn = ConnState::Idle;
                st.connect_errno = err;
                st.connect_failed = true;
                n.record(sock, FD_CONNECT, translate::error::errno_to_wsa(err).0);
            }
        } else if st.conn == ConnState::Connected || !sock.is_stream() {
            // A connection this socket made itself still owes FD_CONNECT when FD_CONNECT is
            // selected after it completed (Wine's `test_connect_events`); `record` reports it
            // once, so selecting again does not repeat it.
            if st.connected_by_connect {
                n.record(sock, FD_CONNECT, 0);
            }
            n.record(sock, FD_WRITE, 0);
        } else if st.conn == ConnState::Idle && n.enabled & FD_CONNECT != 0 && has_peer(sock) {
            // A loopback connect can complete inside connect(2), and the reactor can see it
            // before `connect` has marked the socket as connecting; no further edge follows,
            // so record it now (Wine's `test_connect_events`: FD_CONNECT then FD_WRITE).
            st.conn = ConnState::Connected;
            st.bound = true;
            st.connected_at = Some(std::time::Instant::now());
            st.connected_by_connect = true;
            n.record(sock, FD_CONNECT, 0);
            n.record(sock, FD_WRITE, 0);
        }
    }
    if readable {
        if st.conn == ConnState::Listening {
            n.record(sock, FD_ACCEPT, 0);
        } else if sock.is_stream() && st.conn != ConnState::Connected {
            // A stream that is not connected (new, or its connect failed) polls as hung up;
            // that is no FD_CLOSE: Windows records nothing for a fresh socket and only
            // FD_CONNECT for a failed connect (Wine's `test_connect_events`).
        } else {
            let mut b = [0u8; 1];
            // Urgent data waiting to be read with MSG_OOB is FD_OOB (Wine's `test_oob_events`:
            // Windows records it for `send(MSG_OOB)`); the kernel reports it as POLLPRI, which
            // the reactor counts as readable.
            if n.enabled & FD_OOB != 0 && sock.is_stream() {
                // SAFETY: a one-byte local buffer on an fd held alive by `sock`.
                let r = unsafe {
                    libc::recv(sock.fd(), b.as_mut_ptr().cast(), 1, libc::MSG_OOB | libc::MSG_PEEK | libc::MSG_DONTWAIT)
                };
                if r > 0 {
                    n.record(sock, FD_OOB, 0);
                }
            }
            // SAFETY: a one-byte local buffer on an fd held alive by `sock`.
            let r = unsafe { libc::recv(sock.fd(), b.as_mut_ptr().cast(), 1, libc::MSG_PEEK | libc::MSG_DONTWAIT) };
            if r > 0 || (r == 0 && !sock.is_stream()) {
                if n.enabled & FD_READ != 0 {
                    n.record(sock, FD_READ, 0);
                } else {
                    n.data_waiting = true;
                }
            } else if r == 0 {
                // The end of stream our own shutdown(SD_RECEIVE/SD_BOTH) causes is no FD_CLOSE
                // (Wine's `test_close_events`: "No other shutdown() call generates an event").
                if !st.shut_read {
                    n.record(sock, FD_CLOSE, 0);
                }
            } else {
                let e = std::io::Error::last_os_error();
                if e.kind() != std::io::ErrorKind::WouldBlock {
                    // Windows reports a reset peer's FD_CLOSE as WSAECONNABORTED.
                    let code = match e.raw_os_error() {
                        Some(libc::ECONNRESET) | Some(libc::EPIPE) => WSAECONNABORTED,
                        _ => translate::WsaError::from(e).0,
                    };
                    n.record(sock, FD_CLOSE, code);
                }
            }
        }
    }
    st.notify = n;
}

/// Whether the host socket has a peer (its connect has completed).
fn has_peer(sock: &Socket) -> bool {
    // SAFETY: zeroed storage is a valid sockaddr_storage.
    let mut addr: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: live storage and its length, on an fd held alive by `sock`.
    unsafe { libc::getpeername(sock.fd(), (&mut addr as *mut libc::sockaddr_storage).cast(), &mut len) == 0 }
}

/// Re-enables `events` after the application called their re-enabling function, and rearms
/// the reactor so a condition that still holds is recorded again.
pub fn reenable(sock: &Socket, events: i32) {
    if !sock.selected.load(std::sync::atomic::Ordering::Acquire) {
        return;
    }
    let mut st = sock.state();
    if st.notify.target == Target::None {
        return;
    }
    let mask = st.notify.mask;
    st.notify.enabled |= events & mask;
    st.notify.reported &= !events;
    if events & FD_READ != 0 {
        st.notify.data_waiting = false;
    }
    // An edge-triggered registration reports only new changes: re-check what still holds.
    if super::reactor::reactor().is_edge() {
        check_now(sock, &mut st);
    }
    super::reactor::reactor().arm(sock, &mut st);
}

/// Records what the socket's current readiness means (a zero-timeout `poll`).
fn check_now(sock: &Socket, st: &mut State) {
    let mut pfd = [libc::pollfd { fd: sock.fd(), events: libc::POLLIN | libc::POLLPRI | libc::POLLOUT, revents: 0 }];
    if crate::sys::poll(&mut pfd, 0).is_ok() {
        let r = pfd[0].revents;
        let readable = r & (libc::POLLIN | libc::POLLPRI | libc::POLLHUP | libc::POLLERR) != 0;
        let writable = r & (libc::POLLOUT | libc::POLLERR | libc::POLLHUP) != 0;
        if readable || writable {
            on_ready(sock, st, readable, writable);
        }
    }
}

/// Starts (or with `mask == 0`, stops) notification to `target`; checks the current
/// conditions at once, as Windows does, so nothing that already happened is lost.
pub fn select(sock: &Socket, target: Target, mask: i32) {
    let mut st = sock.state();
    sock.selected.store(mask != 0 && target != Target::None, std::sync::atomic::Ordering::Release);
    if mask == 0 || target == Target::None {
        st.notify.target = Target::None;
        st.notify.mask = 0;
        st.notify.enabled = 0;
        st.select_mask = 0;
        super::reactor::reactor().arm(sock, &mut st);
        return;
    }
    sock.set_nonblocking(true);
    st.notify.target = target;
    st.notify.mask = mask;
    st.select_mask = mask;
    // WSAEventSelect keeps what was reported (selecting again records nothing new for it);
    // WSAAsyncSelect posts every condition that holds again (Wine's `test_accept_events`,
    // `test_read_events`, `test_close_events`: re-selecting in message mode repeats the
    // message, in event mode it does not).
    if let Target::Window { .. } = target {
        st.notify.reported = 0;
    }
    st.notify.enabled = mask & !st.notify.pending & !st.notify.reported;
    st.notify.data_waiting = false;
    if let Target::Event(h) = target {
        if st.notify.pending & mask != 0 {
            host().set_event(h);
        }
    }
    check_now(sock, &mut st);
    super::reactor::reactor().arm(sock, &mut st);
}
