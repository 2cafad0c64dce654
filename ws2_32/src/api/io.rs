//! Data transfer without OVERLAPPED: `send`, `recv`, `sendto`, `recvfrom`, and the
//! synchronous forms of `WSASend`, `WSARecv`, `WSASendTo`, `WSARecvFrom`.
//!
//! Every call first tries the non-blocking syscall in the caller's thread; only a blocking-
//! mode socket that would block waits (see [`Socket::blocking`]). Windows semantics kept here:
//! * a blocking send on a stream completes only when everything is sent;
//! * a datagram larger than the buffers fills them and fails with `WSAEMSGSIZE`;
//! * `MSG_WAITALL` waits for a full buffer (emulated: the fd is non-blocking), and is refused
//!   on non-blocking and datagram sockets (`WSAEOPNOTSUPP`);
//! * after `shutdown`, the shut direction fails with `WSAESHUTDOWN`;
//! * `recvfrom` on a stream socket leaves the address arguments untouched.

use translate::flags::{recv_flags_to_host, recv_result_flags_to_win, send_flags_to_host};
use translate::sockaddr::HostSockAddr;
use translate::{
    FD_OOB, FD_READ, MSG_OOB, MSG_PARTIAL, MSG_PEEK, MSG_WAITALL, SOCKADDR, SOCKET, WSABUF, WSAECONNRESET, WSAEFAULT,
    WSAEINVAL, WSAEMSGSIZE, WSAEOPNOTSUPP, WSAESHUTDOWN, WSAOVERLAPPED, WsaError,
};

use super::ret;
use super::socket::{check_addr_room, read_host_addr, require_connected, write_addr};
use crate::engine::Socket;
use crate::engine::notify;
use crate::engine::ops;
use crate::engine::overlapped::{Op, OpKind, Outcome, OvPtr, Routine};
use crate::engine::socket::{ConnState, Direction};
use crate::engine::table;
use crate::exports::Face;
use crate::host::host;
use crate::sys::syscall;

/// An `iovec` list, on the stack for the common small cases.
#[derive(Debug)]
pub(crate) struct IoVecs {
    small: [libc::iovec; 8],
    large: Vec<libc::iovec>,
    len: usize,
}

impl IoVecs {
    /// From one buffer.
    pub(crate) fn one(ptr: *mut u8, len: usize) -> IoVecs {
        let mut v = IoVecs::empty();
        v.small[0] = libc::iovec { iov_base: ptr.cast(), iov_len: len };
        v.len = 1;
        v
    }

    fn empty() -> IoVecs {
        IoVecs { small: [libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }; 8], large: Vec::new(), len: 0 }
    }

    /// From a Windows `WSABUF` array: NULL or a zero count → `WSAEINVAL`.
    ///
    /// # Safety
    /// `bufs` must be NULL or point to `count` readable `WSABUF`s.
    pub(crate) unsafe fn from_wsabufs(bufs: *const WSABUF, count: u32) -> Result<IoVecs, WsaError> {
        if bufs.is_null() || count == 0 {
            return Err(WsaError(WSAEINVAL));
        }
        // SAFETY: non-NULL and `count` entries readable, per the caller.
        let bufs = unsafe { std::slice::from_raw_parts(bufs, count as usize) };
        let mut v = IoVecs::empty();
        let to_iov = |b: &WSABUF| libc::iovec { iov_base: b.buf.cast(), iov_len: b.len as usize };
        if bufs.len() <= v.small.len() {
            for (d, s) in v.small.iter_mut().zip(bufs) {
                *d = to_iov(s);
            }
        } else {
            v.large.try_reserve_exact(bufs.len()).map_err(|_| WsaError(translate::WSAENOBUFS))?;
            v.large.extend(bufs.iter().map(to_iov));
        }
        v.len = bufs.len();
        Ok(v)
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [libc::iovec] {
        if self.large.is_empty() { &mut self.small[..self.len] } else { &mut self.large[..] }
    }

    fn total(&mut self) -> usize {
        self.as_mut_slice().iter().map(|v| v.iov_len).sum()
    }

    /// Drops the first `n` bytes (after a partial send).
    pub(crate) fn advance_by(&mut self, n: usize) {
        self.advance(n);
    }

    /// Drops the first `n` bytes (consumed entries become empty) and returns the entries
    /// from the first non-empty one on.
    fn advance(&mut self, mut n: usize) -> &mut [libc::iovec] {
        let slice = self.as_mut_slice();
        for v in slice.iter_mut() {
            if n == 0 {
                break;
            }
            let take = n.min(v.iov_len);
            v.iov_base = v.iov_base.wrapping_add(take);
            v.iov_len -= take;
            n -= take;
        }
        let start = slice.iter().take_while(|v| v.iov_len == 0).count();
        if start == slice.len() { &mut slice[..0] } else { &mut slice[start..] }
    }
}

fn msghdr(iov: &mut [libc::iovec], addr: *mut libc::sockaddr, addrlen: libc::socklen_t) -> libc::msghdr {
    // SAFETY: msghdr is plain old data; zero is a valid "no control data" value.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_name = addr.cast();
    msg.msg_namelen = addrlen;
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len() as _;
    msg
}

/// Sends `iov` (all of it, in blocking mode on a stream), to `to` when given.
pub(crate) fn send_vectored(
    sock: &Socket,
    iov: &mut IoVecs,
    win_flags: i32,
    to: Option<&HostSockAddr>,
) -> Result<usize, WsaError> {
    let host_flags = send_flags_to_host(win_flags)?;
    if win_flags & MSG_OOB != 0 && !sock.is_stream() {
        return Err(WsaError(WSAEOPNOTSUPP));
    }
    check_send_state(sock)?;
    if sock.is_stream() && sock.is_nonblocking() {
        return send_nonblocking_stream(sock, iov, host_flags);
    }
    // A stream socket ignores the destination, as on Windows.
    let to = if sock.is_stream() { None } else { to };
    let (name, namelen) = to.map_or((std::ptr::null_mut(), 0), |a| (a.as_ptr().cast_mut(), a.len()));
    let total = iov.total();
    let mut sent = 0usize;
    loop {
        let rest = iov.advance(0);
        let msg = msghdr(rest, name, namelen);
        let single = (rest.len() == 1 && name.is_null()).then(|| (rest[0].iov_base, rest[0].iov_len));
        let r = sock.blocking(Direction::Write, || match single {
            // One buffer and no address: plain send(2), cheaper than sendmsg in the kernel.
            Some((base, len)) => syscall!(send(sock.fd(), base, len, host_flags)),
            None => syscall!(sendmsg(sock.fd(), &msg, host_flags)),
        });
        match r {
            Ok(n) => {
                sent += n as usize;
                if !sock.is_stream() || sent >= total || sock.is_nonblocking() {
                    break;
                }
                iov.advance(n as usize);
            }
            Err(e) if sent > 0 && sock.is_stream() => {
                log::debug!(target: "ws2_32::io", "send stopped after {sent} bytes: {e:?}");
                break;
            }
            Err(e) => return Err(map_send_error(sock, e)),
        }
    }
    if !sock.is_stream() {
        sock.state().bound = true;
    }
    Ok(sent)
}

/// A non-blocking stream send, as Windows does it: the whole buffer is accepted or the call
/// fails with `WSAEWOULDBLOCK`, never a partial count. What the kernel does not take at once
/// is kept by the engine and sent as space frees (`OpKind::SendBuffered`); while such data is
/// queued, further sends fail with `WSAEWOULDBLOCK` (and so re-enable `FD_WRITE`).
fn send_nonblocking_stream(sock: &Socket, iov: &mut IoVecs, host_flags: i32) -> Result<usize, WsaError> {
    let total = iov.total();
    let mut st = sock.state();
    if !st.writes.is_empty() {
        return Err(WsaError(translate::WSAEWOULDBLOCK));
    }
    let rest = iov.advance(0);
    let msg = msghdr(rest, std::ptr::null_mut(), 0);
    let single = (rest.len() == 1).then(|| (rest[0].iov_base, rest[0].iov_len));
    let sent = match crate::sys::retry_eintr(|| match single {
        Some((base, len)) => syscall!(send(sock.fd(), base, len, host_flags)),
        None => syscall!(sendmsg(sock.fd(), &msg, host_flags)),
    }) {
        Ok(n) => n as usize,
        Err(e) => {
            drop(st);
            return Err(map_send_error(sock, WsaError::from(e)));
        }
    };
    if sent < total {
        // Keep the remainder (copied: the caller's buffer is theirs again once we return).
        iov.advance(sent);
        let mut data = Vec::new();
        data.try_reserve_exact(total - sent).map_err(|_| WsaError(translate::WSAENOBUFS))?;
        for v in iov.as_mut_slice() {
            // SAFETY: each iovec points into the caller's buffers, valid during this call.
            data.extend_from_slice(unsafe { std::slice::from_raw_parts(v.iov_base.cast::<u8>(), v.iov_len) });
        }
        let op = Op::new(OpKind::SendBuffered { data, sent: 0 }, OvPtr(0), None, 0);
        st.writes.push_back(op);
        crate::engine::reactor::reactor().arm(sock, &mut st);
    }
    Ok(total)
}

fn map_send_error(sock: &Socket, e: WsaError) -> WsaError {
    // The kernel says EPIPE (mapped to WSAESHUTDOWN) when the peer reset the connection;
    // our own shutdown was caught before the syscall.
    let e = if e.0 == WSAESHUTDOWN && !sock.state().shut_write { WsaError(WSAECONNRESET) } else { e };
    note_reset(sock, e)
}

/// Remembers a reset seen by a synchronous call (see `State::reset`).
fn note_reset(sock: &Socket, e: WsaError) -> WsaError {
    if e.0 == WSAECONNRESET && sock.is_stream() {
        sock.state().reset = true;
    }
    e
}

/// What a receive produced.
pub(crate) struct Received {
    pub bytes: usize,
    /// Host `msg_flags` of the last `recvmsg`.
    pub host_flags: i32,
    pub from: HostSockAddr,
    /// `MSG_CTRUNC` when `WSARecvMsg` control data did not fit.
    pub ctrl_flags: i32,
}

/// Receives into `iov`, honouring `MSG_WAITALL` and Windows' checks.
pub(crate) fn recv_vectored(
    sock: &Socket,
    iov: &mut IoVecs,
    win_flags: i32,
    want_from: bool,
    control: *mut WSABUF,
) -> Result<Received, WsaError> {
    let host_flags = recv_flags_to_host(win_flags)?;
    let waitall = win_flags & MSG_WAITALL != 0;
    if waitall && (!sock.is_stream() || sock.is_nonblocking() || win_flags & (MSG_OOB | MSG_PEEK | MSG_PARTIAL) != 0) {
        return Err(WsaError(WSAEOPNOTSUPP));
    }
    let host_flags = host_flags & !libc::MSG_WAITALL;
    check_recv_state(sock)?;
    let total = iov.total();
    let mut got = Received { bytes: 0, host_flags: 0, from: HostSockAddr::new(), ctrl_flags: 0 };
    let mut host_control = crate::engine::cmsg::HostControl::new();
    loop {
        let rest = iov.advance(0);
        let (name, namelen) =
            if want_from { (got.from.as_mut_ptr(), HostSockAddr::capacity()) } else { (std::ptr::null_mut(), 0) };
        // One buffer on a stream: plain recv(2) (recvmsg makes the kernel copy a msghdr and an
        // iovec array in; a stream has no truncation or address to report).
        if sock.is_stream() && rest.len() == 1 && control.is_null() {
            let (base, len) = (rest[0].iov_base, rest[0].iov_len);
            let r = sock.blocking(Direction::Read, || syscall!(recv(sock.fd(), base, len, host_flags)));
            match r {
                Ok(n) => {
                    got.bytes += n as usize;
                    if !waitall || n == 0 || got.bytes >= total {
                        break;
                    }
                    iov.advance(n as usize);
                    continue;
                }
                Err(e) if got.bytes > 0 => {
                    log::debug!(target: "ws2_32::io", "MSG_WAITALL receive stopped after {} bytes: {e:?}", got.bytes);
                    break;
                }
                Err(e) => return Err(note_reset(sock, e)),
            }
        }
        let mut msg = msghdr(rest, name, namelen);
        if !control.is_null() {
            host_control.attach(&mut msg);
        }
        let r = sock.blocking(Direction::Read, || syscall!(recvmsg(sock.fd(), &mut msg, host_flags)));
        match r {
            Ok(n) => {
                if want_from {
                    got.from.set_len(msg.msg_namelen);
                }
                if !control.is_null() {
                    // SAFETY: the application's WSAMSG Control (caller's contract).
                    got.ctrl_flags = unsafe { crate::engine::cmsg::deliver_to(&msg, control) };
                }
                got.host_flags = msg.msg_flags;
                got.bytes += n as usize;
                if !waitall || n == 0 || got.bytes >= total {
                    break;
                }
                iov.advance(n as usize);
            }
            Err(e) if got.bytes > 0 => {
                log::debug!(target: "ws2_32::io", "MSG_WAITALL receive stopped after {} bytes: {e:?}", got.bytes);
                break;
            }
            Err(e) if e.0 == translate::WSAECONNREFUSED && !sock.is_stream() => {
                return Err(WsaError(WSAECONNRESET));
            }
            Err(e) => return Err(note_reset(sock, e)),
        }
    }
    Ok(got)
}

fn is_bound_now(sock: &Socket) -> bool {
    super::socket::local_addr(sock).is_ok_and(|a| match std::net::SocketAddr::try_from(&a) {
        Ok(sa) => sa.port() != 0,
        Err(_) => true,
    })
}

fn truncated(sock: &Socket, r: &Received) -> bool {
    !sock.is_stream() && r.host_flags & libc::MSG_TRUNC != 0
}

/// `send`.
///
/// # Safety
/// `buf` must be valid for `len` bytes.
pub unsafe fn send(s: SOCKET, buf: *const u8, len: i32, flags: i32) -> i32 {
    ret((|| {
        let sock = table::get(s)?;
        if len < 0 || (buf.is_null() && len > 0) {
            return Err(WsaError(WSAEFAULT));
        }
        let mut iov = IoVecs::one(buf.cast_mut(), len as usize);
        reenable_write_on_block(&sock, send_vectored(&sock, &mut iov, flags, None)).map(|n| n as i32)
    })())
}

/// `sendto`.
///
/// # Safety
/// `buf` must be valid for `len` bytes; `to` NULL or valid for `tolen` bytes.
pub unsafe fn sendto(s: SOCKET, buf: *const u8, len: i32, flags: i32, to: *const SOCKADDR, tolen: i32) -> i32 {
    ret((|| {
        let sock = table::get(s)?;
        if len < 0 || (buf.is_null() && len > 0) {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: forwarded caller contract.
        let to = if sock.is_stream() { None } else { unsafe { read_host_addr(&sock, to, tolen) }? };
        let mut iov = IoVecs::one(buf.cast_mut(), len as usize);
        reenable_write_on_block(&sock, send_vectored(&sock, &mut iov, flags, to.as_ref())).map(|n| n as i32)
    })())
}

/// `recv`.
///
/// # Safety
/// `buf` must be valid for writes of `len` bytes.
pub unsafe fn recv(s: SOCKET, buf: *mut u8, len: i32, flags: i32) -> i32 {
    ret((|| {
        let sock = table::get(s)?;
        if len < 0 || (buf.is_null() && len > 0) {
            return Err(WsaError(WSAEFAULT));
        }
        let mut iov = IoVecs::one(buf, len as usize);
        let r = recv_vectored(&sock, &mut iov, flags, false, std::ptr::null_mut());
        notify::reenable(&sock, FD_READ | if flags & MSG_OOB != 0 { FD_OOB } else { 0 });
        let r = r?;
        if truncated(&sock, &r) { Err(WsaError(WSAEMSGSIZE)) } else { Ok(r.bytes as i32) }
    })())
}

/// `recvfrom`.
///
/// # Safety
/// `buf` valid for `len` writable bytes; `from`/`fromlen` NULL or valid.
pub unsafe fn recvfrom(s: SOCKET, buf: *mut u8, len: i32, flags: i32, from: *mut SOCKADDR, fromlen: *mut i32) -> i32 {
    ret((|| {
        let sock = table::get(s)?;
        if len < 0 || (buf.is_null() && len > 0) {
            return Err(WsaError(WSAEFAULT));
        }
        let want_from = !sock.is_stream() && !from.is_null();
        if want_from {
            // SAFETY: forwarded caller contract.
            unsafe { check_addr_room(&sock, from, fromlen) }?;
        }
        let mut iov = IoVecs::one(buf, len as usize);
        let r = recv_vectored(&sock, &mut iov, flags, want_from, std::ptr::null_mut());
        notify::reenable(&sock, FD_READ | if flags & MSG_OOB != 0 { FD_OOB } else { 0 });
        let r = r?;
        if want_from && !r.from.is_empty() {
            // SAFETY: forwarded caller contract; room checked above.
            unsafe { write_addr(&r.from, from, fromlen) }?;
        }
        if truncated(&sock, &r) { Err(WsaError(WSAEMSGSIZE)) } else { Ok(r.bytes as i32) }
    })())
}

fn routine(face: Face, completion: *mut core::ffi::c_void) -> Option<Routine> {
    (!completion.is_null()).then(|| Routine { func: completion as usize, face, thread: host().current_thread() })
}

/// A warning outcome (a truncated datagram) fails the call with its Winsock error.
fn outcome_result(out: Outcome) -> Result<(), WsaError> {
    if out.status == 0 { Ok(()) } else { Err(translate::error::ntstatus_to_wsa(out.status)) }
}

/// `WSASend`.
///
/// # Safety
/// Pointers as the Windows contract requires.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_send(
    face: Face,
    s: SOCKET,
    bufs: *const WSABUF,
    count: u32,
    sent: *mut u32,
    flags: u32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut core::ffi::c_void,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { wsa_send_to(face, s, bufs, count, sent, flags, std::ptr::null(), 0, overlapped, completion) }
}

/// `WSASendTo`.
///
/// # Safety
/// Pointers as the Windows contract requires.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_send_to(
    face: Face,
    s: SOCKET,
    bufs: *const WSABUF,
    count: u32,
    sent: *mut u32,
    flags: u32,
    to: *const SOCKADDR,
    tolen: i32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut core::ffi::c_void,
) -> i32 {
    super::status((|| {
        let sock = table::get(s)?;
        // SAFETY: forwarded caller contract.
        let mut iov = unsafe { IoVecs::from_wsabufs(bufs, count) }?;
        if sent.is_null() && overlapped.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: forwarded caller contract.
        let to = if to.is_null() || sock.is_stream() { None } else { unsafe { read_host_addr(&sock, to, tolen) }? };
        if overlapped.is_null() {
            let n = send_vectored(&sock, &mut iov, flags as i32, to.as_ref());
            let n = reenable_write_on_block(&sock, n)?;
            // SAFETY: non-NULL (checked), writable per the caller.
            unsafe { sent.write_unaligned(n as u32) };
            return Ok(());
        }
        send_flags_to_host(flags as i32)?;
        check_send_state(&sock)?;
        let op = Op::new(
            OpKind::Send { iov, win_flags: flags as i32, to, sent: 0 },
            OvPtr(overlapped as usize),
            routine(face, completion),
            host().current_thread(),
        );
        let out = ops::issue(&sock, op, true, true)?;
        if !sent.is_null() {
            // SAFETY: writable per the caller.
            unsafe { sent.write_unaligned(out.bytes) };
        }
        outcome_result(out)
    })())
}

/// `WSARecv`.
///
/// # Safety
/// Pointers as the Windows contract requires.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_recv(
    face: Face,
    s: SOCKET,
    bufs: *const WSABUF,
    count: u32,
    received: *mut u32,
    flags: *mut u32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut core::ffi::c_void,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe {
        wsa_recv_from(
            face,
            s,
            bufs,
            count,
            received,
            flags,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            overlapped,
            completion,
        )
    }
}

/// `WSARecvFrom`.
///
/// # Safety
/// Pointers as the Windows contract requires.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_recv_from(
    face: Face,
    s: SOCKET,
    bufs: *const WSABUF,
    count: u32,
    received: *mut u32,
    flags: *mut u32,
    from: *mut SOCKADDR,
    fromlen: *mut i32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut core::ffi::c_void,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe {
        recv_from_impl(
            face,
            s,
            bufs,
            count,
            received,
            flags,
            from,
            fromlen,
            std::ptr::null_mut(),
            overlapped,
            completion,
        )
    }
}

/// `WSARecvFrom`, and `WSARecvMsg` when `control` (its `Control` WSABUF) is non-NULL.
///
/// # Safety
/// Pointers as the Windows contract requires.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn recv_from_impl(
    face: Face,
    s: SOCKET,
    bufs: *const WSABUF,
    count: u32,
    received: *mut u32,
    flags: *mut u32,
    from: *mut SOCKADDR,
    fromlen: *mut i32,
    control: *mut WSABUF,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut core::ffi::c_void,
) -> i32 {
    super::status((|| {
        let sock = table::get(s)?;
        // SAFETY: forwarded caller contract.
        let mut iov = unsafe { IoVecs::from_wsabufs(bufs, count) }?;
        if flags.is_null() || (received.is_null() && overlapped.is_null()) {
            return Err(WsaError(WSAEFAULT));
        }
        let want_from = !sock.is_stream() && !from.is_null();
        if want_from {
            // SAFETY: forwarded caller contract.
            unsafe { check_addr_room(&sock, from, fromlen) }?;
        }
        // SAFETY: non-NULL, readable per the caller.
        let win_flags = unsafe { flags.read_unaligned() } as i32;
        if overlapped.is_null() {
            let r = recv_vectored(&sock, &mut iov, win_flags, want_from, control);
            notify::reenable(&sock, FD_READ | if win_flags & MSG_OOB != 0 { FD_OOB } else { 0 });
            let r = r?;
            if want_from && !r.from.is_empty() {
                // SAFETY: forwarded caller contract; room checked above.
                unsafe { write_addr(&r.from, from, fromlen) }?;
            }
            // SAFETY: non-NULL (checked), writable per the caller.
            unsafe {
                received.write_unaligned(r.bytes as u32);
                let win = recv_result_flags_to_win(r.host_flags) & !translate::MSG_TRUNC & !translate::MSG_CTRUNC;
                flags.write_unaligned((win | r.ctrl_flags) as u32);
            }
            return if truncated(&sock, &r) { Err(WsaError(WSAEMSGSIZE)) } else { Ok(()) };
        }
        recv_flags_to_host(win_flags)?;
        if win_flags & MSG_WAITALL != 0 && !sock.is_stream() {
            return Err(WsaError(WSAEOPNOTSUPP));
        }
        check_recv_state(&sock)?;
        let op = Op::new(
            OpKind::Recv {
                iov,
                win_flags,
                flags_out: flags as usize,
                from: if want_from { from as usize } else { 0 },
                fromlen: if want_from { fromlen as usize } else { 0 },
                control: control as usize,
            },
            OvPtr(overlapped as usize),
            routine(face, completion),
            host().current_thread(),
        );
        let r = ops::issue(&sock, op, false, true);
        notify::reenable(&sock, FD_READ);
        let out = r?;
        if !received.is_null() {
            // SAFETY: writable per the caller.
            unsafe { received.write_unaligned(out.bytes) };
        }
        outcome_result(out)
    })())
}

/// The checks a send makes before touching the kernel (shared by both forms).
fn check_send_state(sock: &Socket) -> Result<(), WsaError> {
    let st = sock.state();
    if st.shut_write {
        return Err(WsaError(WSAESHUTDOWN));
    }
    if st.reset {
        return Err(WsaError(WSAECONNRESET));
    }
    if sock.is_stream() && st.conn != ConnState::Connected {
        drop(st);
        return require_connected(sock);
    }
    Ok(())
}

/// The checks a receive makes before touching the kernel (shared by both forms): shut down
/// → `WSAESHUTDOWN`, an unconnected stream → `WSAENOTCONN`, an unbound datagram socket →
/// `WSAEINVAL`.
fn check_recv_state(sock: &Socket) -> Result<(), WsaError> {
    let st = sock.state();
    if st.shut_read {
        return Err(WsaError(WSAESHUTDOWN));
    }
    if st.reset {
        return Err(WsaError(WSAECONNRESET));
    }
    if sock.is_stream() && st.conn != ConnState::Connected {
        drop(st);
        return require_connected(sock);
    }
    if !sock.is_stream() && !st.bound {
        drop(st);
        if !is_bound_now(sock) {
            return Err(WsaError(WSAEINVAL));
        }
        sock.state().bound = true;
    }
    Ok(())
}

/// A send that failed with `WSAEWOULDBLOCK` re-enables `FD_WRITE` (Windows: only then).
fn reenable_write_on_block(sock: &Socket, r: Result<usize, WsaError>) -> Result<usize, WsaError> {
    if let Err(e) = &r {
        if e.0 == translate::WSAEWOULDBLOCK {
            notify::reenable(sock, translate::FD_WRITE);
        }
    }
    r
}
