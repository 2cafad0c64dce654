//! The Microsoft extension functions, reached through
//! `WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)` (and exported by mswsock.dll): `AcceptEx`,
//! `GetAcceptExSockaddrs`, `ConnectEx`, `DisconnectEx`, `TransmitFile`, `WSARecvMsg`,
//! `WSASendMsg`.
//!
//! `SIO_GET_EXTENSION_FUNCTION_POINTER` answers with a pointer in the *caller's* ABI: native
//! callers get the System V entry, PE callers the win64 thunk.
//!
//! Validation follows what Windows answers in Wine's conformance tests (`test_AcceptEx`,
//! `test_connect`, `test_DisconnectEx`, `test_TransmitFile` in `dlls/ws2_32/tests/sock.c`);
//! `ws2_32/tests/conformance_extensions.rs` re-expresses them. Notably, `AcceptEx` and
//! `ConnectEx` set `Internal = STATUS_PENDING` before validating, so it still reads that after a
//! synchronous failure (and `InternalHigh` is left alone).

use std::sync::Arc;

use translate::{
    BOOL, GUID, HANDLE, OVERLAPPED, SOCKADDR, SOCKET, TF_DISCONNECT, TF_REUSE_SOCKET, TRANSMIT_FILE_BUFFERS,
    WSA_IO_PENDING, WSAEALREADY, WSAEFAULT, WSAEINVAL, WSAEISCONN, WSAENOTCONN, WSAMSG, WsaError,
};

use super::set_last_error;
use crate::engine::overlapped::{Op, OpKind, Outcome, OvPtr};
use crate::engine::socket::ConnState;
use crate::engine::{self, Socket, ops, table};
use crate::exports::Face;
use crate::host::host;
use crate::sys::syscall;

/// `WSA_INVALID_PARAMETER` (`ERROR_INVALID_PARAMETER`): a missing OVERLAPPED.
const INVALID_PARAMETER: i32 = translate::WSA_INVALID_PARAMETER;

/// The entry point for an extension GUID in `face`'s ABI.
pub fn function_pointer(face: Face, guid: &GUID) -> Option<*const core::ffi::c_void> {
    use crate::exports::extensions as ext;
    use crate::exports::ws2_32 as ws;
    let name = translate::EXTENSION_FUNCTIONS.iter().find(|(g, _)| g == guid).map(|(_, n)| *n)?;
    match face {
        Face::Native => Some(match name {
            "AcceptEx" => ext::native::AcceptEx as *const _,
            "ConnectEx" => ext::native::ConnectEx as *const _,
            "DisconnectEx" => ext::native::DisconnectEx as *const _,
            "GetAcceptExSockaddrs" => ext::native::GetAcceptExSockaddrs as *const _,
            "TransmitFile" => ext::native::TransmitFile as *const _,
            "WSARecvMsg" => ext::native::WSARecvMsg as *const _,
            "WSASendMsg" => ws::native::WSASendMsg as *const _,
            _ => return None,
        }),
        #[cfg(target_arch = "x86_64")]
        Face::Win64 => {
            let table = if name == "WSASendMsg" { ws::EXPORTS } else { ext::EXPORTS };
            match crate::exports::by_name(table, name)?.target {
                crate::exports::Target::Proc(p) => Some(p as *const _),
                crate::exports::Target::Forward(_) => None,
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        Face::Win64 => None,
    }
}

/// `BOOL` results of the extension functions: `TRUE` with last error 0, or `FALSE` with the
/// error (`WSA_IO_PENDING` for an operation in progress).
fn bool_ret(r: Result<(), WsaError>) -> BOOL {
    match r {
        Ok(()) => {
            set_last_error(0);
            1
        }
        Err(e) => {
            set_last_error(e.0);
            0
        }
    }
}

/// `Internal = STATUS_PENDING`, as Windows stores it on entry to `AcceptEx`/`ConnectEx`, even
/// when the call then fails synchronously (test_AcceptEx, test_connect).
fn mark_pending(ov: *mut OVERLAPPED) {
    if !ov.is_null() {
        OvPtr(ov as usize).set_pending();
    }
}

fn ov_ptr(ov: *mut OVERLAPPED) -> Result<OvPtr, WsaError> {
    if ov.is_null() { Err(WsaError(INVALID_PARAMETER)) } else { Ok(OvPtr(ov as usize)) }
}

/// `AcceptEx`: accepts the next connection on `listen` into `accept`, optionally with the
/// first `recv_len` bytes, writing the local and remote addresses after the data.
///
/// # Safety
/// `buf` must hold `recv_len + local_len + remote_len` bytes and, like `ov`, stay valid until
/// completion; `received` NULL or writable.
#[allow(clippy::too_many_arguments)]
pub unsafe fn accept_ex(
    listen: SOCKET,
    accept: SOCKET,
    buf: *mut core::ffi::c_void,
    recv_len: u32,
    local_len: u32,
    remote_len: u32,
    received: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    mark_pending(ov);
    bool_ret((|| {
        let listener = table::get(listen)?;
        let acceptor = table::get(accept)?;
        let ovp = ov_ptr(ov)?;
        // A NULL buffer or no room for the remote address: WSAEFAULT at once (test_AcceptEx).
        if buf.is_null() || remote_len == 0 {
            return Err(WsaError(WSAEFAULT));
        }
        if listener.state().conn != ConnState::Listening
            || Arc::ptr_eq(&listener, &acceptor)
            || !acceptor.is_stream()
            || acceptor.family != listener.family
        {
            return Err(WsaError(WSAEINVAL));
        }
        {
            // Bound or connected accepting sockets are refused (test_AcceptEx).
            let st = acceptor.state();
            if st.bound || st.conn != ConnState::Idle {
                return Err(WsaError(WSAEINVAL));
            }
        }
        // The same accepting socket twice: WSAEINVAL (test_AcceptEx "accept into the same
        // socket twice").
        if engine::extensions::is_being_accepted_into(&listener.state(), &acceptor) {
            return Err(WsaError(WSAEINVAL));
        }
        // Address blocks too small to hold an address: the call still pends and fails only
        // when a peer arrives (engine::extensions::attempt_accept), so no first try here.
        let fits = engine::extensions::block_fits(listener.family, local_len, true)
            && engine::extensions::block_fits(listener.family, remote_len, false);
        engine::extensions::note_pending_accept(&acceptor, &listener);
        let kind = OpKind::Accept { acceptor, buf: buf as usize, recv_len, local_len, remote_len, accepted: false };
        let op = Op::new(kind, ovp, None, host().current_thread());
        let out = ops::issue(&listener, op, false, fits)?;
        if !received.is_null() {
            // SAFETY: writable, per the caller.
            unsafe { received.write_unaligned(out.bytes) };
        }
        Ok(())
    })())
}

/// `GetAcceptExSockaddrs`: points into an `AcceptEx` buffer at the two addresses. A block
/// whose size cannot hold an address (a local size of 0) is skipped, its outputs untouched.
///
/// # Safety
/// `buf` must be an `AcceptEx` buffer of the given sizes; the outputs NULL or writable.
#[allow(clippy::too_many_arguments)]
pub unsafe fn get_accept_ex_sockaddrs(
    buf: *mut core::ffi::c_void,
    recv_len: u32,
    local_len: u32,
    remote_len: u32,
    local: *mut *mut SOCKADDR,
    local_size: *mut i32,
    remote: *mut *mut SOCKADDR,
    remote_size: *mut i32,
) {
    if buf.is_null() {
        return;
    }
    let base = buf as *mut u8;
    let blocks = [
        (recv_len as usize, local_len, local, local_size),
        (recv_len as usize + local_len as usize, remote_len, remote, remote_size),
    ];
    for (offset, room, addr, size) in blocks {
        // A block with no room for a length and an address family (a local length of 0,
        // which AcceptEx accepts) is left alone, outputs included (test_AcceptEx).
        if room < 6 {
            continue;
        }
        // SAFETY: the block lies inside the AcceptEx buffer (caller's contract).
        unsafe {
            let block = base.add(offset);
            if !size.is_null() {
                size.write_unaligned(block.cast::<i32>().read_unaligned());
            }
            if !addr.is_null() {
                addr.write_unaligned(block.add(4).cast());
            }
        }
    }
}

/// `ConnectEx`: connects a *bound* socket, then sends the optional buffer.
///
/// # Safety
/// `name` valid for `namelen` bytes; `send_buf` valid for `send_len` bytes until completion;
/// `sent` NULL or writable; `ov` valid until completion.
#[allow(clippy::too_many_arguments)]
pub unsafe fn connect_ex(
    s: SOCKET,
    name: *const SOCKADDR,
    namelen: i32,
    send_buf: *mut core::ffi::c_void,
    send_len: u32,
    sent: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    mark_pending(ov);
    bool_ret((|| {
        let sock = table::get(s)?;
        let ovp = ov_ptr(ov)?;
        // SAFETY: forwarded caller contract.
        let bytes = unsafe { super::bytes(name.cast(), namelen) }?;
        let addr = translate::sockaddr::win_to_host(bytes)?;
        if !sock.is_stream() {
            return Err(WsaError(WSAEINVAL));
        }
        {
            let st = sock.state();
            match st.conn {
                ConnState::Connected => return Err(WsaError(WSAEISCONN)),
                ConnState::Listening | ConnState::Connecting => return Err(WsaError(WSAEINVAL)),
                ConnState::Idle => {}
            }
            if !st.bound {
                return Err(WsaError(WSAEINVAL));
            }
        }
        let iov = if send_buf.is_null() || send_len == 0 {
            super::io::IoVecs::one(std::ptr::null_mut(), 0)
        } else {
            super::io::IoVecs::one(send_buf.cast(), send_len as usize)
        };
        let started = crate::sys::retry_eintr(|| syscall!(connect(sock.fd(), addr.as_ptr(), addr.len())));
        let connected = match started {
            Ok(_) => true,
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => false,
            Err(e) if e.raw_os_error() == Some(libc::EALREADY) => return Err(WsaError(WSAEALREADY)),
            Err(e) => return Err(e.into()),
        };
        sock.state().conn = if connected { ConnState::Connected } else { ConnState::Connecting };
        let op = Op::new(OpKind::Connect { iov, sent: 0, connected }, ovp, None, host().current_thread());
        let out = ops::issue(&sock, op, true, connected)?;
        if !sent.is_null() {
            // SAFETY: writable, per the caller.
            unsafe { sent.write_unaligned(out.bytes) };
        }
        Ok(())
    })())
}

/// Ends a connection for `DisconnectEx`/`TransmitFile`: `shutdown(SD_SEND)`, and with
/// `TF_REUSE_SOCKET` a fresh unconnected fd in place of the old one, so the same `SOCKET`
/// can go to `AcceptEx` or `ConnectEx` again.
fn disconnect(sock: &Socket, flags: u32) -> Result<(), WsaError> {
    let _ = syscall!(shutdown(sock.fd(), libc::SHUT_WR));
    sock.state().shut_write = true;
    if flags & TF_REUSE_SOCKET != 0 {
        let af = translate::sockaddr::af_to_host(sock.family)?;
        let fresh = syscall!(socket(af, libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC, 0))?;
        let mut st = sock.state();
        if st.reg.registered {
            engine::reactor::reactor().forget(sock.fd());
            st.reg = Default::default();
        }
        let r = syscall!(dup3(fresh, sock.fd(), libc::O_CLOEXEC));
        crate::sys::close_fd(fresh);
        r?;
        st.conn = ConnState::Idle;
        st.bound = false;
        st.shut_read = false;
        st.shut_write = false;
        st.connected_at = None;
    }
    Ok(())
}

/// `DisconnectEx`. With an OVERLAPPED the completion is reported as pending and delivered
/// (packet, event) even though the shutdown is immediate, as Windows reports it.
///
/// # Safety
/// `ov` NULL or valid until completion.
pub unsafe fn disconnect_ex(s: SOCKET, ov: *mut OVERLAPPED, flags: u32, reserved: u32) -> BOOL {
    bool_ret((|| {
        let sock = table::get(s)?;
        if reserved != 0 || flags & !TF_REUSE_SOCKET != 0 {
            return Err(WsaError(WSAEINVAL));
        }
        if sock.state().conn != ConnState::Connected {
            return Err(WsaError(WSAENOTCONN));
        }
        disconnect(&sock, flags)?;
        if ov.is_null() {
            return Ok(());
        }
        let ovp = OvPtr(ov as usize);
        ovp.set_pending();
        crate::engine::overlapped::complete_now(&sock, ovp, None, Outcome { status: 0, bytes: 0, flags: 0 }, false);
        Err(WsaError(WSA_IO_PENDING))
    })())
}

/// `TransmitFile`: sends the head buffer, the file, and the tail buffer, then honours
/// `TF_DISCONNECT`/`TF_REUSE_SOCKET`. Only `hFile == NULL` (buffers alone) is supported: the
/// project has no file handles of its own (`WSAEOPNOTSUPP`, logged once).
///
/// # Safety
/// `buffers` NULL or valid with its buffers; `ov` NULL or valid until completion.
pub unsafe fn transmit_file(
    s: SOCKET,
    file: HANDLE,
    _bytes: u32,
    _per_send: u32,
    ov: *mut OVERLAPPED,
    buffers: *mut TRANSMIT_FILE_BUFFERS,
    flags: u32,
) -> BOOL {
    bool_ret((|| {
        let sock = table::get(s)?;
        if !sock.is_stream() || sock.state().conn != ConnState::Connected {
            return Err(WsaError(WSAENOTCONN));
        }
        if !file.is_null() {
            crate::log_unimplemented_once!("TransmitFile with a file handle", WsaError(translate::WSAEOPNOTSUPP));
            return Err(WsaError(translate::WSAEOPNOTSUPP));
        }
        let mut total = 0usize;
        // SAFETY: NULL or valid, per the caller.
        if let Some(b) = unsafe { buffers.as_ref() } {
            for (p, n) in [(b.Head, b.HeadLength), (b.Tail, b.TailLength)] {
                if p.is_null() || n == 0 {
                    continue;
                }
                total += send_all(&sock, p.cast(), n as usize)?;
            }
        }
        if flags & (TF_DISCONNECT | TF_REUSE_SOCKET) != 0 {
            disconnect(&sock, flags)?;
        }
        if ov.is_null() {
            return Ok(());
        }
        let ovp = OvPtr(ov as usize);
        ovp.set_pending();
        crate::engine::overlapped::complete_now(
            &sock,
            ovp,
            None,
            Outcome { status: 0, bytes: total as u32, flags: 0 },
            false,
        );
        Err(WsaError(WSA_IO_PENDING))
    })())
}

/// Sends everything, waiting for space whatever the socket's mode (TransmitFile blocks).
fn send_all(sock: &Socket, p: *const u8, n: usize) -> Result<usize, WsaError> {
    let mut off = 0;
    while off < n {
        // SAFETY: `p` is valid for `n` bytes (caller's contract).
        let r = unsafe {
            libc::send(sock.fd(), p.add(off).cast(), n - off, translate::flags::send_flags_to_host(0).unwrap_or(0))
        };
        if r >= 0 {
            off += r as usize;
            continue;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() == std::io::ErrorKind::WouldBlock {
            sock.wait(crate::engine::socket::Direction::Write, crate::sys::Deadline::NEVER)?;
        } else if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e.into());
        }
    }
    Ok(n)
}

/// `WSARecvMsg`: a `WSARecvFrom` over the message's buffers and address, with the result
/// flags in `dwFlags` and the control data (`IP_PKTINFO`, `IPV6_PKTINFO`, TTL/hop limit,
/// TOS/traffic class) re-packed in Windows' format into `Control` (see `engine::cmsg`).
///
/// # Safety
/// `msg` valid (and, overlapped, until completion); `bytes` NULL or writable.
pub unsafe fn wsa_recv_msg(
    face: Face,
    s: SOCKET,
    msg: *mut WSAMSG,
    bytes: *mut u32,
    ov: *mut OVERLAPPED,
    routine: *mut core::ffi::c_void,
) -> i32 {
    if msg.is_null() {
        return super::status(Err(WsaError(WSAEFAULT)));
    }
    // SAFETY: non-NULL, valid per the caller.
    let m = unsafe { &mut *msg };
    // dwFlags also carries the previous call's output flags: those are not requests.
    m.dwFlags &= !((translate::MSG_TRUNC | translate::MSG_CTRUNC | translate::MSG_BCAST | translate::MSG_MCAST) as u32);
    let namelen = if m.name.is_null() { std::ptr::null_mut() } else { &mut m.namelen as *mut i32 };
    // SAFETY: forwarded caller contract.
    unsafe {
        super::io::recv_from_impl(
            face,
            s,
            m.lpBuffers,
            m.dwBufferCount,
            bytes,
            &mut m.dwFlags,
            m.name,
            namelen,
            &mut m.Control,
            ov,
            routine,
        )
    }
}

/// `WSASendMsg`: a `WSASendTo` over the message's buffers and address (control data is
/// ignored, as by Wine).
///
/// # Safety
/// `msg` valid; `bytes` NULL or writable; `ov` NULL or valid until completion.
pub unsafe fn wsa_send_msg(
    face: Face,
    s: SOCKET,
    msg: *mut WSAMSG,
    flags: u32,
    bytes: *mut u32,
    ov: *mut OVERLAPPED,
    routine: *mut core::ffi::c_void,
) -> i32 {
    if msg.is_null() {
        return super::status(Err(WsaError(WSAEFAULT)));
    }
    // SAFETY: non-NULL, valid per the caller.
    let m = unsafe { &*msg };
    // SAFETY: forwarded caller contract.
    unsafe {
        super::io::wsa_send_to(face, s, m.lpBuffers, m.dwBufferCount, bytes, flags, m.name, m.namelen, ov, routine)
    }
}
