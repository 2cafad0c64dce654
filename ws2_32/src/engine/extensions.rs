//! The engine side of the Microsoft extension functions whose operations wait on the reactor:
//! `AcceptEx` (a connection on the listener, then optionally the first data on the accepting
//! socket) and `ConnectEx` (the connection, then the optional first send).
//!
//! `AcceptEx` accepts *into* an existing socket: the accepted connection's fd replaces the
//! accepting socket's fd in place (`dup3`), so its `SOCKET` handle, its completion-port
//! association and its options stay what the application set up.
//!
//! Windows' answers follow Wine's conformance tests (`test_AcceptEx` in
//! `dlls/ws2_32/tests/sock.c`, run on real Windows): an address block needs room for the
//! address plus 16 spare bytes, a local block of 0 bytes is simply not written, and a block
//! that is too small does not fail at once: the `AcceptEx` pends, then fails with
//! `STATUS_BUFFER_TOO_SMALL` when a peer arrives, *without* consuming that connection (a
//! later `accept`/`AcceptEx` still gets it).

use std::io;
use std::sync::Arc;

use translate::sockaddr::HostSockAddr;
use translate::{STATUS_BUFFER_TOO_SMALL, STATUS_CANCELLED, STATUS_SUCCESS};

use super::Socket;
use super::ops::Attempt;
use super::overlapped::{Op, OpKind, Outcome};
use super::socket::{ConnState, State};
use crate::sys::syscall;

fn done(status: i32, bytes: usize) -> Attempt {
    Attempt::Done(Outcome { status, bytes: bytes as u32, flags: 0 })
}

fn failed(e: io::Error) -> Attempt {
    done(translate::error::errno_to_ntstatus(e.raw_os_error().unwrap_or(libc::EINVAL)), 0)
}

/// The room an `AcceptEx` address block needs for `family`: the address plus 16 bytes, as
/// Windows documents and enforces (`sizeof(sockaddr_in) + 4` is refused; Wine's
/// `test_AcceptEx`). The block itself is a 4-byte length, then the Windows address.
pub fn address_block_len(family: i32) -> usize {
    16 + translate::sockaddr::win_len_for_family(family as u16).unwrap_or(16)
}

/// Whether `room` bytes can hold an address block (`0` for the local block means "no local
/// address wanted": Windows accepts and leaves it unwritten).
pub fn block_fits(family: i32, room: u32, optional: bool) -> bool {
    (optional && room == 0) || room as usize >= address_block_len(family)
}

/// Writes an address block (`[i32 length][Windows sockaddr]`) at `dst`, `room` bytes.
///
/// # Safety
/// `dst` must be writable for `room` bytes.
unsafe fn write_block(dst: *mut u8, room: usize, addr: &HostSockAddr) {
    let mut win = [0u8; 128];
    let n = translate::sockaddr::host_to_win(addr, &mut win).unwrap_or(0);
    if room < 4 + n {
        return;
    }
    // SAFETY: `4 + n <= room` writable bytes at `dst`.
    unsafe {
        dst.cast::<i32>().write_unaligned(n as i32);
        std::ptr::copy_nonoverlapping(win.as_ptr(), dst.add(4), n);
    }
}

/// One try of an `AcceptEx` on `sock` (the listener, or the accepting socket once accepted).
pub fn attempt_accept(sock: &Socket, op: &mut Op) -> Attempt {
    let OpKind::Accept { acceptor, buf, recv_len, local_len, remote_len, accepted } = &mut op.kind else {
        unreachable!("attempt_accept on another kind of operation");
    };
    if !*accepted {
        if acceptor.is_closed() {
            return done(STATUS_CANCELLED, 0);
        }
        if !block_fits(sock.family, *local_len, true) || !block_fits(sock.family, *remote_len, false) {
            // Windows fails only once a peer is there, and leaves it queued (test_AcceptEx:
            // "The above connection request is not accepted" → accept() still succeeds).
            let mut pfd = [libc::pollfd { fd: sock.fd(), events: libc::POLLIN, revents: 0 }];
            return match crate::sys::poll(&mut pfd, 0) {
                Ok(1) => done(STATUS_BUFFER_TOO_SMALL, 0),
                _ => Attempt::Pending,
            };
        }
        let mut peer = HostSockAddr::new();
        let mut len = HostSockAddr::capacity();
        let fd = match crate::sys::retry_eintr(|| crate::api::socket::accept_fd(sock.fd(), peer.as_mut_ptr(), &mut len))
        {
            Ok(fd) => fd,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Attempt::Pending,
            Err(e) => return failed(e),
        };
        peer.set_len(len);
        if let Err(e) = install(acceptor, fd) {
            return failed(e);
        }
        let local = crate::api::socket::local_addr(acceptor).unwrap_or_default();
        let base = *buf as *mut u8;
        // SAFETY: the application's AcceptEx buffer holds recv_len + local_len + remote_len
        // bytes and stays valid until completion; `write_block` writes only what fits
        // (nothing into a 0-byte local block).
        unsafe {
            write_block(base.add(*recv_len as usize), *local_len as usize, &local);
            write_block(base.add(*recv_len as usize + *local_len as usize), *remote_len as usize, &peer);
        }
        *accepted = true;
    }
    if *recv_len == 0 {
        return done(STATUS_SUCCESS, 0);
    }
    // SAFETY: the data part of the application's buffer, valid until completion.
    let r = unsafe { libc::recv(acceptor.fd(), (*buf as *mut u8).cast(), *recv_len as usize, 0) };
    if r >= 0 {
        return done(STATUS_SUCCESS, r as usize);
    }
    let e = io::Error::last_os_error();
    if e.kind() != io::ErrorKind::WouldBlock {
        return failed(e);
    }
    if acceptor.handle == sock.handle { Attempt::Pending } else { Attempt::MoveTo(acceptor.clone()) }
}

/// Records that an `AcceptEx` on `listener` accepts into `acceptor`, so that closing the
/// accepting socket can abort it (Windows: `ERROR_OPERATION_ABORTED` on the listener's
/// OVERLAPPED; Wine's `test_AcceptEx` "Test closing with pending requests"). Weak: the link
/// never keeps the listener alive.
pub fn note_pending_accept(acceptor: &Arc<Socket>, listener: &Arc<Socket>) {
    acceptor.state().accepting_on = Some(Arc::downgrade(listener));
}

/// Whether a listener has a pending `AcceptEx` into `acceptor` (then `connect` on it is
/// `WSAEINVAL`).
pub fn is_accept_target(acceptor: &Arc<Socket>) -> bool {
    let listener = acceptor.state().accepting_on.as_ref().and_then(|l| l.upgrade());
    listener.is_some_and(|l| is_being_accepted_into(&l.state(), acceptor))
}

/// Whether `listener` has a queued `AcceptEx` into `acceptor` (a second one is `WSAEINVAL`).
pub fn is_being_accepted_into(st: &State, acceptor: &Arc<Socket>) -> bool {
    st.reads.iter().any(|op| matches!(&op.kind, OpKind::Accept { acceptor: a, .. } if Arc::ptr_eq(a, acceptor)))
}

/// Aborts (`STATUS_CANCELLED`) the `AcceptEx` operations accepting into `acceptor`, which is
/// being closed; called by `engine::close`.
pub fn abort_accepts_into(acceptor: &Socket) {
    let Some(listener) = acceptor.state().accepting_on.take().and_then(|l| l.upgrade()) else {
        return;
    };
    let done = {
        let mut st = listener.state();
        let done = super::ops::cancel(
            &mut st,
            STATUS_CANCELLED,
            |op| matches!(&op.kind, OpKind::Accept { acceptor: a, accepted: false, .. } if std::ptr::eq(Arc::as_ptr(a), acceptor)),
        );
        super::reactor::reactor().arm(&listener, &mut st);
        done
    };
    done.deliver();
}

/// Moves an accepted connection's fd into `acceptor` (keeping its handle and associations).
fn install(acceptor: &Arc<Socket>, fd: i32) -> io::Result<()> {
    let mut st = acceptor.state();
    if st.reg.registered {
        super::reactor::reactor().forget(acceptor.fd());
        st.reg = Default::default();
    }
    let r = dup_over(fd, acceptor.fd());
    crate::sys::close_fd(fd);
    r?;
    st.conn = ConnState::Connected;
    st.bound = true;
    st.connected_at = Some(std::time::Instant::now());
    st.accepting_on = None;
    Ok(())
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn dup_over(from: i32, to: i32) -> io::Result<()> {
    syscall!(dup3(from, to, libc::O_CLOEXEC)).map(drop)
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn dup_over(from: i32, to: i32) -> io::Result<()> {
    syscall!(dup2(from, to))?;
    syscall!(fcntl(to, libc::F_SETFD, libc::FD_CLOEXEC)).map(drop)
}

/// One try of a `ConnectEx`: settle the connection, then send the optional data.
pub fn attempt_connect(sock: &Socket, st: &mut State, op: &mut Op) -> Attempt {
    let OpKind::Connect { iov, sent, connected } = &mut op.kind else {
        unreachable!("attempt_connect on another kind of operation");
    };
    if !*connected {
        match st.conn {
            ConnState::Connected => *connected = true,
            ConnState::Idle if st.connect_errno != 0 => {
                let errno = std::mem::take(&mut st.connect_errno);
                return done(translate::error::errno_to_ntstatus(errno), 0);
            }
            _ => {
                let mut pfd = [libc::pollfd { fd: sock.fd(), events: libc::POLLOUT, revents: 0 }];
                if !matches!(crate::sys::poll(&mut pfd, 0), Ok(1)) {
                    return Attempt::Pending;
                }
                let errno = crate::api::socket::pending_error(sock);
                if errno != 0 {
                    st.conn = ConnState::Idle;
                    return done(translate::error::errno_to_ntstatus(errno), 0);
                }
                st.conn = ConnState::Connected;
                st.bound = true;
                st.connected_at = Some(std::time::Instant::now());
                st.connected_by_connect = true;
                *connected = true;
            }
        }
    }
    loop {
        let slice = iov.as_mut_slice();
        let remaining: usize = slice.iter().map(|v| v.iov_len).sum();
        if remaining == 0 {
            return done(STATUS_SUCCESS, *sent);
        }
        // SAFETY: msghdr is plain old data; the iovecs point into the application's buffer.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = slice.as_mut_ptr();
        msg.msg_iovlen = slice.len() as _;
        match crate::sys::retry_eintr(|| {
            syscall!(sendmsg(sock.fd(), &msg, translate::flags::send_flags_to_host(0).unwrap_or(0)))
        }) {
            Ok(n) => {
                *sent += n as usize;
                iov.advance_by(n as usize);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Attempt::Pending,
            Err(e) => return failed(e),
        }
    }
}
