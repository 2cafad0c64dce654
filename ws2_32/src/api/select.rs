//! `select`, `__WSAFDIsSet` and `WSAPoll`.
//!
//! Both are one `poll(2)` in the caller's thread over the sockets' fds plus the thread's wake
//! fd (so `closesocket` from another thread interrupts them); a zero timeout never registers
//! anything. Windows' `fd_set` is a count and an array of `SOCKET`s, read for exactly
//! `fd_count` entries whatever `FD_SETSIZE` the caller compiled with — never a POSIX bitmap.
//!
//! Mapping (as Windows reports readiness):
//! * read set ← data, a pending connection, end of stream or reset (`POLLIN|POLLHUP|POLLERR`);
//! * write set ← send space or a *successful* connect (`POLLOUT` without `POLLERR`);
//! * except set ← out-of-band data (`POLLPRI`, unless `SO_OOBINLINE` makes it readable) or a
//!   *failed* connect;
//! * a stream socket neither connected, connecting nor listening is in no set (the host
//!   polls it as hung up and writable), except the except set after its connect failed.
//!
//! `WSAPoll` answers as Windows does (Wine's `test_WSAPoll` records it): handles are resolved
//! first (no valid one → `WSAENOTSOCK`, every entry `POLLNVAL`), then `events` are checked
//! (output-only or unknown bits → `WSAEINVAL`); invalid entries get `POLLNVAL` but are not
//! counted; the peer's shutdown or close is `POLLHUP` whatever was asked (with `POLLRDNORM`
//! only if data is left); a failed connect is `POLLWRNORM|POLLHUP|POLLERR`; a socket closed
//! during the wait is `POLLNVAL`. Both waits are alertable: queued user APCs run inside them.

use std::sync::Arc;

use translate::{
    FD_SET, INVALID_SOCKET, POLLERR, POLLHUP, POLLNVAL, POLLWRNORM, SOCKET, TIMEVAL, WSAEFAULT, WSAEINVAL, WSAENOTSOCK,
    WSAPOLLFD, WsaError,
};

use super::ret;
use crate::engine::socket::{ConnState, WaitRegistration};
use crate::engine::{Socket, startup, table, waker};
use crate::sys::{self, Deadline};

const SETS: usize = 3;
const READ: usize = 0;
const WRITE: usize = 1;
const EXCEPT: usize = 2;

/// Reads an `fd_set` as `fd_count` handles (any capacity).
///
/// # Safety
/// `set` must be NULL or point to a readable `fd_set` header followed by `fd_count` handles.
unsafe fn read_set(set: *const FD_SET) -> Vec<SOCKET> {
    if set.is_null() {
        return Vec::new();
    }
    // SAFETY: readable header, per the caller.
    let count = unsafe { std::ptr::addr_of!((*set).fd_count).read_unaligned() } as usize;
    // SAFETY: `fd_count` handles follow the header, per the caller.
    let array = unsafe { std::ptr::addr_of!((*set).fd_array).cast::<SOCKET>() };
    // SAFETY: as above.
    (0..count).map(|i| unsafe { array.add(i).read_unaligned() }).collect()
}

/// One distinct socket of a `select` call and the sets it appears in.
struct Member {
    sock: Arc<Socket>,
    in_set: [bool; SETS],
    ready: [bool; SETS],
}

/// `select`. `nfds` is ignored, as on Windows.
///
/// # Safety
/// Each set must be NULL or a valid Windows `fd_set`; `timeout` NULL or readable.
pub unsafe fn select(
    _nfds: i32,
    readfds: *mut FD_SET,
    writefds: *mut FD_SET,
    exceptfds: *mut FD_SET,
    timeout: *const TIMEVAL,
) -> i32 {
    ret((|| {
        startup::ensure()?;
        let sets = [readfds, writefds, exceptfds];
        // SAFETY: forwarded caller contract. All inputs are read before any output is
        // written, so aliased sets work.
        let inputs: [Vec<SOCKET>; SETS] = sets.map(|s| unsafe { read_set(s) });
        if inputs.iter().all(|v| v.is_empty()) {
            return Err(WsaError(WSAEINVAL));
        }
        // Distinct handles with their set memberships: sort and merge (O(n log n)).
        let mut tagged: Vec<(SOCKET, usize)> =
            inputs.iter().enumerate().flat_map(|(k, v)| v.iter().map(move |h| (*h, k))).collect();
        tagged.sort_unstable();
        let mut members: Vec<Member> = Vec::with_capacity(tagged.len());
        for (h, k) in tagged {
            match members.last_mut() {
                Some(m) if m.sock.handle == h => m.in_set[k] = true,
                _ => {
                    let sock = table::get(h).map_err(|_| WsaError(WSAENOTSOCK))?;
                    let mut in_set = [false; SETS];
                    in_set[k] = true;
                    members.push(Member { sock, in_set, ready: [false; SETS] });
                }
            }
        }
        // SAFETY: NULL or readable, per the caller.
        let deadline = match unsafe { timeout.as_ref() } {
            None => Deadline::NEVER,
            Some(tv) if tv.tv_sec < 0 || tv.tv_usec < 0 => Deadline::NEVER,
            Some(tv) => {
                let ms = i64::from(tv.tv_sec) * 1000 + (i64::from(tv.tv_usec) + 999) / 1000;
                Deadline::after_ms(ms.min(i64::from(i32::MAX)) as i32)
            }
        };
        let mut closed_in_wait = false;
        poll_members(&mut members, deadline, &mut closed_in_wait)?;
        // A socket closed during the wait is reported readable if it was in the read set;
        // otherwise the call fails with WSAENOTSOCK.
        for m in &mut members {
            if m.sock.is_closed() {
                if m.in_set[READ] {
                    m.ready = [true, false, false];
                } else {
                    return Err(WsaError(WSAENOTSOCK));
                }
            }
        }
        let mut total = 0;
        for (k, set) in sets.iter().enumerate() {
            if set.is_null() {
                continue;
            }
            let mut n = 0usize;
            for h in &inputs[k] {
                let i = members.binary_search_by_key(h, |m| m.sock.handle).expect("every input is a member");
                // Taking the flag reports a handle listed twice only once.
                if std::mem::take(&mut members[i].ready[k]) {
                    // SAFETY: forwarded caller contract; n < the set's original count (inputs
                    // were copied out before any write).
                    unsafe { std::ptr::addr_of_mut!((**set).fd_array).cast::<SOCKET>().add(n).write_unaligned(*h) };
                    n += 1;
                }
            }
            // SAFETY: as above.
            unsafe { std::ptr::addr_of_mut!((**set).fd_count).write_unaligned(n as u32) };
            total += n;
        }
        Ok(total as i32)
    })())
}

/// What a stream socket that is neither connected, connecting nor listening reports: nothing,
/// except a failed connect in the except set (Wine's `test_select`, run on Windows: fresh
/// sockets are in no set; a refused connect is in the except set only, select after select).
/// The host polls such a socket as hung up and writable, so it is left out of the poll.
/// Returns that fixed answer, or `None` and whether a connect is in flight.
fn unconnected_stream(m: &Member) -> (Option<[bool; SETS]>, bool) {
    if !m.sock.is_stream() {
        return (None, false);
    }
    if m.sock.state().conn == ConnState::Connecting {
        super::socket::refresh_connecting(&m.sock);
    }
    let st = m.sock.state();
    match st.conn {
        ConnState::Idle => {
            (Some([false, false, m.in_set[EXCEPT] && (st.connect_errno != 0 || st.connect_failed)]), false)
        }
        conn => (None, conn == ConnState::Connecting),
    }
}

/// Whether urgent data is read inline (`SO_OOBINLINE`): then it makes the socket readable,
/// not exceptional (Wine's `test_select`).
fn oob_inline(s: &Socket) -> bool {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a live c_int and its length, on an fd held alive by `s`.
    let r = unsafe {
        libc::getsockopt(s.fd(), libc::SOL_SOCKET, libc::SO_OOBINLINE, (&mut v as *mut libc::c_int).cast(), &mut len)
    };
    r == 0 && v != 0
}

/// Polls the members until one is ready, the deadline passes or one is closed.
fn poll_members(members: &mut [Member], deadline: Deadline, closed: &mut bool) -> Result<usize, WsaError> {
    let (fixed, connecting): (Vec<Option<[bool; SETS]>>, Vec<bool>) = members.iter().map(unconnected_stream).unzip();
    let fixed_ready = fixed.iter().flatten().any(|r| r.iter().any(|b| *b));
    let mut fds: Vec<libc::pollfd> = members
        .iter()
        .zip(fixed.iter().zip(&connecting))
        .map(|(m, (fixed, connecting))| {
            if fixed.is_some() {
                return libc::pollfd { fd: -1, events: 0, revents: 0 };
            }
            let mut events = 0;
            if m.in_set[READ] {
                events |= libc::POLLIN;
            }
            if m.in_set[WRITE] {
                events |= libc::POLLOUT;
            }
            if m.in_set[EXCEPT] {
                events |= libc::POLLPRI;
                // Only a connect in flight needs the write side (its failure); asking it of a
                // connected socket would end the wait at once with nothing to report (Wine's
                // `test_select`: closesocket during a select on the except set).
                if *connecting {
                    events |= libc::POLLOUT;
                }
            }
            libc::pollfd { fd: m.sock.fd(), events, revents: 0 }
        })
        .collect();
    let n = sys::poll(&mut fds, 0).map_err(WsaError::from)?;
    if n == 0 && !fixed_ready && deadline.remaining_ms() != 0 {
        let me = waker::current();
        let socks: Vec<&Socket> = members.iter().map(|m| &*m.sock).collect();
        let registration = WaitRegistration::new(&socks, me.as_ref());
        if registration.is_err() {
            *closed = true;
            return Ok(0);
        }
        fds.push(libc::pollfd { fd: me.as_ref().map_or(-1, |w| w.fd()), events: libc::POLLIN, revents: 0 });
        loop {
            // Alertable, as on Windows: queued user APCs run here and the wait goes on.
            waker::run_apcs();
            sys::poll(&mut fds, deadline.remaining_ms()).map_err(WsaError::from)?;
            let woken = fds.last().is_some_and(|f| f.revents != 0);
            if woken {
                if let Some(w) = &me {
                    w.reset();
                }
                fds.last_mut().unwrap().revents = 0;
                if members.iter().any(|m| m.sock.is_closed()) {
                    *closed = true;
                    break;
                }
                continue;
            }
            break;
        }
        fds.pop();
    }
    let mut ready = 0;
    for ((m, f), fixed) in members.iter_mut().zip(&fds).zip(&fixed) {
        if let Some(fixed) = fixed {
            m.ready = *fixed;
            ready += m.ready.iter().filter(|b| **b).count();
            continue;
        }
        let mut r = f.revents;
        if r & libc::POLLPRI != 0 && oob_inline(&m.sock) {
            r = (r & !libc::POLLPRI) | libc::POLLIN;
        }
        if r == 0 {
            continue;
        }
        let connecting = m.sock.state().conn == ConnState::Connecting;
        let failed_connect = connecting && r & libc::POLLERR != 0;
        if connecting {
            super::socket::refresh_connecting(&m.sock);
        }
        m.ready[READ] = m.in_set[READ] && r & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0 && !failed_connect;
        m.ready[WRITE] = m.in_set[WRITE] && r & libc::POLLOUT != 0 && r & libc::POLLERR == 0;
        m.ready[EXCEPT] = m.in_set[EXCEPT] && (r & libc::POLLPRI != 0 || failed_connect);
        ready += m.ready.iter().filter(|b| **b).count();
    }
    Ok(ready)
}

/// Whether a stream socket has unread data, as a peek sees it: `Some(true)` data,
/// `Some(false)` end of stream, `None` nothing yet (or an error).
fn stream_data_pending(s: &Socket) -> Option<bool> {
    let mut b = [0u8; 1];
    // SAFETY: a one-byte local buffer on an fd held alive by `s`.
    let n = unsafe { libc::recv(s.fd(), b.as_mut_ptr().cast(), 1, libc::MSG_PEEK | libc::MSG_DONTWAIT) };
    match n {
        n if n > 0 => Some(true),
        0 => Some(false),
        _ => None,
    }
}

/// `__WSAFDIsSet`: whether `s` is in `set` (the `FD_ISSET` macro calls it).
///
/// # Safety
/// `set` must be NULL or a valid Windows `fd_set`.
pub unsafe fn wsa_fd_is_set(s: SOCKET, set: *mut FD_SET) -> i32 {
    // SAFETY: forwarded caller contract.
    i32::from(unsafe { read_set(set) }.contains(&s))
}

/// `WSAPoll`.
///
/// Follows Wine's `test_WSAPoll` (run on Windows): an `INVALID_SOCKET` or unknown handle is
/// `POLLNVAL` and not counted; no valid handle at all → `WSAENOTSOCK` (before any check of
/// `events`); then every entry but `INVALID_SOCKET` ones must ask only for `POLLRDNORM`,
/// `POLLRDBAND` or `POLLWRNORM`, else `WSAEINVAL` with every `revents` cleared.
///
/// # Safety
/// `fds` must be NULL or point to `nfds` writable `WSAPOLLFD`s.
pub unsafe fn wsa_poll(fds: *mut WSAPOLLFD, nfds: u32, timeout: i32) -> i32 {
    ret((|| {
        startup::ensure()?;
        if nfds == 0 {
            return Err(WsaError(WSAEINVAL));
        }
        if fds.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: non-NULL, `nfds` writable entries per the caller.
        let entries = unsafe { std::slice::from_raw_parts_mut(fds, nfds as usize) };
        let socks: Vec<Option<Arc<Socket>>> = entries.iter().map(|e| table::get(e.fd).ok()).collect();
        if socks.iter().all(Option::is_none) {
            for e in entries.iter_mut() {
                e.revents = POLLNVAL;
            }
            return Err(WsaError(WSAENOTSOCK));
        }
        let mut host: Vec<libc::pollfd> = Vec::with_capacity(entries.len() + 1);
        for (e, s) in entries.iter_mut().zip(&socks) {
            let events = if e.fd == INVALID_SOCKET { Ok(0) } else { translate::flags::poll_events_to_host(e.events) };
            let Ok(mut events) = events else {
                for e in entries.iter_mut() {
                    e.revents = 0;
                }
                return Err(WsaError(WSAEINVAL));
            };
            // A stream's end of stream is always reported (POLLHUP), so always watched.
            if s.as_ref().is_some_and(|s| s.is_stream()) {
                events |= libc::POLLRDHUP;
            }
            host.push(libc::pollfd { fd: s.as_ref().map_or(-1, |s| s.fd()), events, revents: 0 });
        }
        for e in entries.iter_mut() {
            e.revents = 0;
        }
        let deadline = Deadline::after_ms(timeout);
        let n = sys::poll(&mut host, 0).map_err(WsaError::from)?;
        if n == 0 && deadline.remaining_ms() != 0 {
            let me = waker::current();
            let live: Vec<&Socket> = socks.iter().flatten().map(|s| &**s).collect();
            if let Ok(_registration) = WaitRegistration::new(&live, me.as_ref()) {
                host.push(libc::pollfd { fd: me.as_ref().map_or(-1, |w| w.fd()), events: libc::POLLIN, revents: 0 });
                loop {
                    // Alertable, as on Windows: queued user APCs run here and the wait goes on.
                    waker::run_apcs();
                    sys::poll(&mut host, deadline.remaining_ms()).map_err(WsaError::from)?;
                    let woken = host.last().is_some_and(|f| f.revents != 0);
                    if !woken {
                        break;
                    }
                    if let Some(w) = &me {
                        w.reset();
                    }
                    host.last_mut().unwrap().revents = 0;
                    if live.iter().any(|s| s.is_closed()) {
                        break;
                    }
                }
                host.pop();
            }
        }
        let mut count = 0;
        for ((e, f), s) in entries.iter_mut().zip(&host).zip(&socks) {
            let Some(s) = s else {
                // Invalid handles are flagged but not counted (`test_WSAPoll`: result 0).
                e.revents = POLLNVAL;
                continue;
            };
            e.revents = socket_revents(s, f.revents, e.events);
            if e.revents != 0 {
                count += 1;
            }
        }
        Ok(count)
    })())
}

/// One valid entry's Windows `revents` from the host's, masked by `events` plus the always
/// reported `POLLHUP | POLLERR | POLLNVAL` (`test_WSAPoll`, on Windows).
fn socket_revents(s: &Socket, mut host: i16, events: i16) -> i16 {
    // Closed by another thread during the wait: POLLNVAL, counted.
    if s.is_closed() {
        return POLLNVAL;
    }
    if !s.is_stream() {
        return translate::flags::poll_revents_from_host(host, events);
    }
    if s.state().conn == ConnState::Connecting {
        super::socket::refresh_connecting(s);
    }
    let (conn, connect_errno) = {
        let st = s.state();
        (st.conn, st.connect_errno)
    };
    // A failed connect (non-blocking or blocking) stays POLLWRNORM|POLLHUP|POLLERR, even after
    // SO_ERROR was read; never POLLRDNORM. A blocking connect's failure is not recorded, but the
    // host shows it: a stream socket that never connected is shut down for receiving only
    // after a connection attempt failed (a fresh one reports POLLOUT|POLLHUP alone).
    let attempt_failed = connect_errno != 0 || host & (libc::POLLRDHUP | libc::POLLERR) != 0;
    if conn == ConnState::Idle && attempt_failed {
        return (POLLWRNORM & events) | POLLHUP | POLLERR;
    }
    // Urgent data is POLLRDBAND, or ordinary data with SO_OOBINLINE.
    if host & libc::POLLPRI != 0 && oob_inline(s) {
        host = (host & !libc::POLLPRI) | libc::POLLIN;
    }
    // The peer's shutdown(SD_SEND) or close: POLLHUP, and POLLRDNORM only while data is left
    // (the host reports the end of stream itself as readable).
    if host & libc::POLLRDHUP != 0 && conn != ConnState::Listening {
        host = (host & !(libc::POLLRDHUP | libc::POLLIN)) | libc::POLLHUP;
        if stream_data_pending(s) == Some(true) {
            host |= libc::POLLIN;
        }
    }
    translate::flags::poll_revents_from_host(host & !libc::POLLRDHUP, events)
}
