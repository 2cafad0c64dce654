//! Socket lifetime and connection calls: `socket`, `WSASocketA/W`, `closesocket`, `bind`,
//! `listen`, `accept`, `connect`, `shutdown`, `getsockname`, `getpeername`.

use std::sync::Arc;

use translate::sockaddr::{self, HostSockAddr};
use translate::{
    SD_BOTH, SD_RECEIVE, SD_SEND, SOCKADDR, SOCKET, WSA_FLAG_OVERLAPPED, WSAEADDRNOTAVAIL, WSAEAFNOSUPPORT,
    WSAEALREADY, WSAEFAULT, WSAEINVAL, WSAEISCONN, WSAENOTCONN, WSAEOPNOTSUPP, WSAEWOULDBLOCK, WSAPROTOCOL_INFOA,
    WSAPROTOCOL_INFOW, WsaError,
};

use super::{ret, status};
use crate::engine::socket::{ConnState, Direction};
use crate::engine::{self, Socket, startup, table};
use crate::sys::{self, Deadline, syscall};

/// `FROM_PROTOCOL_INFO`: take the field from the `WSAPROTOCOL_INFO` structure.
const FROM_PROTOCOL_INFO: i32 = -1;

/// `socket`: `WSASocketW(af, type, protocol, NULL, 0, WSA_FLAG_OVERLAPPED)`, as on Windows
/// (sockets are overlapped-capable by default).
pub fn socket(af: i32, ty: i32, protocol: i32) -> SOCKET {
    let flags = if super::options::open_type_is_synchronous() { 0 } else { WSA_FLAG_OVERLAPPED };
    ret(create(af, ty, protocol, flags))
}

/// `WSASocketA`.
///
/// # Safety
/// `info` must be NULL or point to a readable `WSAPROTOCOL_INFOA`.
pub unsafe fn wsa_socket_a(
    af: i32,
    ty: i32,
    protocol: i32,
    info: *mut WSAPROTOCOL_INFOA,
    _group: u32,
    flags: u32,
) -> SOCKET {
    // SAFETY: NULL or readable, per the caller.
    let info = unsafe { info.as_ref() }.map(|i| InfoFields {
        family: i.iAddressFamily,
        socktype: i.iSocketType,
        protocol: i.iProtocol,
        dup: (i.dwServiceFlags3, i.dwServiceFlags4),
    });
    ret(create_from_info(af, ty, protocol, info, flags))
}

/// `WSASocketW`.
///
/// # Safety
/// `info` must be NULL or point to a readable `WSAPROTOCOL_INFOW`.
pub unsafe fn wsa_socket_w(
    af: i32,
    ty: i32,
    protocol: i32,
    info: *mut WSAPROTOCOL_INFOW,
    _group: u32,
    flags: u32,
) -> SOCKET {
    // SAFETY: NULL or readable, per the caller.
    let info = unsafe { info.as_ref() }.map(|i| InfoFields {
        family: i.iAddressFamily,
        socktype: i.iSocketType,
        protocol: i.iProtocol,
        dup: (i.dwServiceFlags3, i.dwServiceFlags4),
    });
    ret(create_from_info(af, ty, protocol, info, flags))
}

/// The fields of a `WSAPROTOCOL_INFOA/W` that `WSASocket` reads.
struct InfoFields {
    family: i32,
    socktype: i32,
    protocol: i32,
    /// `dwServiceFlags3/4`: the marker of a `WSADuplicateSocket` structure.
    dup: (u32, u32),
}

fn create_from_info(af: i32, ty: i32, protocol: i32, info: Option<InfoFields>, flags: u32) -> Result<SOCKET, WsaError> {
    let Some(info) = info else { return create(af, ty, protocol, flags) };
    if let Some(dup) = super::protocols::adopt_duplicate(info.dup.0, info.dup.1, flags) {
        return dup;
    }
    let pick = |v: i32, from: i32| if v == FROM_PROTOCOL_INFO { from } else { v };
    create(pick(af, info.family), pick(ty, info.socktype), pick(protocol, info.protocol), flags)
}

fn create(af: i32, ty: i32, protocol: i32, flags: u32) -> Result<SOCKET, WsaError> {
    startup::ensure()?;
    let (af, ty, protocol) = engine::catalog::resolve(af, ty, protocol)?;
    let sock = engine::create(af, ty, protocol, flags & WSA_FLAG_OVERLAPPED != 0)?;
    Ok(sock.handle)
}

/// `closesocket`.
pub fn closesocket(s: SOCKET) -> i32 {
    status(startup::ensure().and_then(|()| table::remove(s).map(engine::close).ok_or(WsaError(translate::WSAENOTSOCK))))
}

/// Reads a Windows address argument: NULL or too short for its family → `WSAEFAULT`.
///
/// # Safety
/// `name` must be NULL or valid for `len` bytes.
unsafe fn read_addr(name: *const SOCKADDR, len: i32) -> Result<HostSockAddr, WsaError> {
    // SAFETY: forwarded caller contract.
    let bytes = unsafe { super::bytes(name.cast(), len) }?;
    sockaddr::win_to_host(bytes)
}

/// Checks that an address argument's family suits the socket.
fn check_family(sock: &Socket, addr: &HostSockAddr) -> Result<(), WsaError> {
    match sockaddr::af_from_host(addr.family()) {
        Some(f) if f == sock.family => Ok(()),
        _ => Err(WsaError(WSAEAFNOSUPPORT)),
    }
}

/// Writes `addr` to a Windows `(name, namelen)` pair: `namelen` NULL or too small →
/// `WSAEFAULT` with nothing written.
///
/// # Safety
/// `name`/`namelen` must be NULL or valid (`*namelen` bytes at `name`).
pub(crate) unsafe fn write_addr(addr: &HostSockAddr, name: *mut SOCKADDR, namelen: *mut i32) -> Result<(), WsaError> {
    if name.is_null() || namelen.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: non-NULL, readable per the caller.
    let cap = unsafe { namelen.read_unaligned() };
    // SAFETY: `cap` bytes are writable at `name`, per the caller.
    let out = unsafe { super::bytes_mut(name.cast(), cap) }?;
    let n = sockaddr::host_to_win(addr, out)?;
    // SAFETY: as above.
    unsafe { namelen.write_unaligned(n as i32) };
    Ok(())
}

/// Fails with `WSAEFAULT` when a `(name, namelen)` output pair could not hold an address
/// of the socket's family — checked *before* the operation so nothing is consumed.
///
/// # Safety
/// `namelen` must be NULL or readable.
pub(crate) unsafe fn check_addr_room(sock: &Socket, name: *mut SOCKADDR, namelen: *mut i32) -> Result<(), WsaError> {
    if name.is_null() {
        return Ok(());
    }
    if namelen.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: non-NULL and readable per the caller.
    let cap = unsafe { namelen.read_unaligned() };
    let need = sockaddr::win_len_for_family(sock.family as u16).unwrap_or(2);
    if cap < 0 || (cap as usize) < need { Err(WsaError(WSAEFAULT)) } else { Ok(()) }
}

/// `bind`.
///
/// # Safety
/// `name` must be NULL or valid for `namelen` bytes.
pub unsafe fn bind(s: SOCKET, name: *const SOCKADDR, namelen: i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        // SAFETY: forwarded caller contract.
        let addr = unsafe { read_addr(name, namelen) }?;
        check_family(&sock, &addr)?;
        let (bound, reuse, exclusive) = {
            let st = sock.state();
            (st.bound, st.reuse_addr, st.exclusive_addr_use)
        };
        if bound {
            return Err(WsaError(WSAEINVAL));
        }
        let tcp_addr = if sock.is_stream() { sockaddr_to_std(&addr).ok() } else { None };
        if let Some(sa) = tcp_addr {
            // A dual-stack IPv6 wildcard meets IPv4 binds (Wine's `test_reuseaddr`).
            let dual_stack = sock.family == translate::AF_INET6 && !crate::engine::bindings::host_v6only(sock.fd());
            let flags = crate::engine::bindings::BindFlags { reuse, exclusive, dual_stack };
            let beside = crate::engine::bindings::reserve(sock.handle, sa, flags)?;
            // Windows lets a specific address and a wildcard on one port both listen
            // (Wine's `test_reuseaddr`); the host needs `SO_REUSEPORT` on both for that.
            if !beside.is_empty() {
                crate::engine::bindings::set_host_reuseport(sock.fd());
                for other in beside.iter().filter_map(|&h| table::lookup(h)) {
                    crate::engine::bindings::set_host_reuseport(other.fd());
                }
            }
        }
        syscall!(bind(sock.fd(), addr.as_ptr(), addr.len())).map_err(|e| {
            crate::engine::bindings::release(sock.handle);
            match e.raw_os_error() {
                Some(libc::EINVAL) => WsaError(WSAEINVAL),
                _ => WsaError::from(e),
            }
        })?;
        sock.state().bound = true;
        Ok(())
    })())
}

/// `listen`. Windows requires an explicit `bind` first (`WSAEINVAL`), refuses datagram
/// sockets (`WSAEOPNOTSUPP`) and connected ones (`WSAEISCONN`); `SOMAXCONN` and
/// `SOMAXCONN_HINT(n)` (a negative backlog) are honoured.
pub fn listen(s: SOCKET, backlog: i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        if !sock.is_stream() {
            return Err(WsaError(WSAEOPNOTSUPP));
        }
        {
            let st = sock.state();
            if st.conn == ConnState::Connected || st.conn == ConnState::Connecting {
                return Err(WsaError(WSAEISCONN));
            }
            if !st.bound {
                return Err(WsaError(WSAEINVAL));
            }
        }
        let host_backlog = match backlog {
            translate::SOMAXCONN => libc::SOMAXCONN,
            b if b < 0 => b.saturating_neg().clamp(200, 65535),
            b => b,
        };
        syscall!(listen(sock.fd(), host_backlog))?;
        sock.state().conn = ConnState::Listening;
        Ok(())
    })())
}

/// `accept`.
///
/// # Safety
/// `addr`/`addrlen` must be NULL or valid (`*addrlen` bytes at `addr`).
pub unsafe fn accept(s: SOCKET, addr: *mut SOCKADDR, addrlen: *mut i32) -> SOCKET {
    // SAFETY: forwarded caller contract.
    ret(unsafe { accept_impl(s, addr, addrlen) }.map(|n| n.handle))
}

/// `accept` returning the new socket, shared with `WSAAccept`.
///
/// # Safety
/// As [`accept`].
pub(crate) unsafe fn accept_impl(s: SOCKET, addr: *mut SOCKADDR, addrlen: *mut i32) -> Result<Arc<Socket>, WsaError> {
    let sock = table::get(s)?;
    if sock.state().conn != ConnState::Listening {
        return Err(WsaError(WSAEINVAL));
    }
    // SAFETY: forwarded caller contract.
    unsafe { check_addr_room(&sock, addr, addrlen) }?;
    // SAFETY: forwarded caller contract.
    if let Some(r) = unsafe { super::connect::accept_deferred(s, addr, addrlen) } {
        return r;
    }
    let mut peer = HostSockAddr::new();
    let fd = sock.blocking(Direction::Read, || {
        let mut len = HostSockAddr::capacity();
        let r = accept_fd(sock.fd(), peer.as_mut_ptr(), &mut len);
        peer.set_len(len);
        r
    })?;
    // accept re-enables FD_ACCEPT: a further pending connection is recorded again.
    crate::engine::notify::reenable(&sock, translate::FD_ACCEPT);
    let new = engine::adopt(fd, sock.family, sock.socktype, sock.protocol, sock.overlapped)?;
    new.set_nonblocking(sock.is_nonblocking());
    new.rcv_timeout
        .store(sock.rcv_timeout.load(std::sync::atomic::Ordering::Relaxed), std::sync::atomic::Ordering::Relaxed);
    new.snd_timeout
        .store(sock.snd_timeout.load(std::sync::atomic::Ordering::Relaxed), std::sync::atomic::Ordering::Relaxed);
    {
        let mut st = new.state();
        st.bound = true;
        st.conn = ConnState::Connected;
        st.connected_at = Some(std::time::Instant::now());
    }
    // "The newly created socket has the same properties as socket s, including the
    // asynchronous events registered with WSAAsyncSelect or WSAEventSelect" (accept docs).
    let (target, mask) = {
        let st = sock.state();
        (st.notify.target, st.notify.mask)
    };
    if target != crate::engine::notify::Target::None {
        crate::engine::notify::select(&new, target, mask);
    }
    if !addr.is_null() {
        // SAFETY: forwarded caller contract; room was checked above.
        if let Err(e) = unsafe { write_addr(&peer, addr, addrlen) } {
            if let Some(n) = table::remove(new.handle) {
                engine::close(n);
            }
            return Err(e);
        }
    }
    Ok(new)
}

#[cfg(not(target_vendor = "apple"))]
pub(crate) fn accept_fd(fd: i32, addr: *mut libc::sockaddr, len: &mut libc::socklen_t) -> std::io::Result<i32> {
    syscall!(accept4(fd, addr, len, libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC))
}

#[cfg(target_vendor = "apple")]
pub(crate) fn accept_fd(fd: i32, addr: *mut libc::sockaddr, len: &mut libc::socklen_t) -> std::io::Result<i32> {
    let new = syscall!(accept(fd, addr, len))?;
    let _ = syscall!(fcntl(new, libc::F_SETFD, libc::FD_CLOEXEC));
    let _ = syscall!(fcntl(new, libc::F_SETFL, libc::O_NONBLOCK));
    let one: libc::c_int = 1;
    // SAFETY: a live c_int of the stated size on the fd we just accepted.
    let _ = syscall!(setsockopt(new, libc::SOL_SOCKET, libc::SO_NOSIGPIPE, (&one as *const libc::c_int).cast(), 4));
    Ok(new)
}

/// `connect`.
///
/// # Safety
/// `name` must be NULL or valid for `namelen` bytes.
pub unsafe fn connect(s: SOCKET, name: *const SOCKADDR, namelen: i32) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { connect_impl(s, name, namelen) })
}

/// `connect`, shared with `WSAConnect`.
///
/// # Safety
/// As [`connect`].
pub(crate) unsafe fn connect_impl(s: SOCKET, name: *const SOCKADDR, namelen: i32) -> Result<(), WsaError> {
    let sock = table::get(s)?;
    // SAFETY: forwarded caller contract.
    let addr = unsafe { read_addr(name, namelen) }?;
    let stream = sock.is_stream();
    if stream {
        check_family(&sock, &addr)?;
        refresh_connecting(&sock);
        match sock.state().conn {
            ConnState::Listening => return Err(WsaError(WSAEINVAL)),
            ConnState::Connecting => return Err(WsaError(WSAEALREADY)),
            ConnState::Connected => return Err(WsaError(WSAEISCONN)),
            ConnState::Idle => {}
        }
        // A socket a pending AcceptEx accepts into cannot connect (Wine's test_AcceptEx).
        if crate::engine::extensions::is_accept_target(&sock) {
            return Err(WsaError(WSAEINVAL));
        }
        // Windows refuses the unspecified address and port 0 as a destination.
        if let Ok(sa) = sockaddr_to_std(&addr) {
            if sa.port() == 0 || sa.ip().is_unspecified() {
                return Err(WsaError(WSAEADDRNOTAVAIL));
            }
        }
    }
    // A new attempt forgets the previous one's failure (SO_ERROR, select's except set).
    {
        let mut st = sock.state();
        st.connect_errno = 0;
        st.connect_failed = false;
    }
    match sys::retry_eintr(|| syscall!(connect(sock.fd(), addr.as_ptr(), addr.len()))) {
        Ok(_) => {
            mark_connected(&sock);
            Ok(())
        }
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {
            sock.state().conn = ConnState::Connecting;
            if sock.is_nonblocking() {
                return Err(WsaError(WSAEWOULDBLOCK));
            }
            sock.wait(Direction::Write, Deadline::NEVER)?;
            match pending_error(&sock) {
                0 => {
                    mark_connected(&sock);
                    Ok(())
                }
                errno => {
                    let mut st = sock.state();
                    st.conn = ConnState::Idle;
                    st.connect_failed = true;
                    Err(translate::error::errno_to_wsa(errno))
                }
            }
        }
        Err(e) => {
            if stream && !matches!(e.raw_os_error(), Some(libc::EALREADY) | Some(libc::EISCONN)) {
                sock.state().connect_failed = true;
            }
            Err(WsaError::from(e))
        }
    }
}

fn sockaddr_to_std(addr: &HostSockAddr) -> Result<std::net::SocketAddr, WsaError> {
    std::net::SocketAddr::try_from(addr).map_err(|_| WsaError(WSAEAFNOSUPPORT))
}

fn mark_connected(sock: &Socket) {
    let mut st = sock.state();
    st.conn = ConnState::Connected;
    st.bound = true;
    st.connected_at = Some(std::time::Instant::now());
    st.connected_by_connect = true;
}

/// The socket's pending error (`SO_ERROR`), clearing it.
pub(crate) fn pending_error(sock: &Socket) -> i32 {
    let mut err: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a live c_int and its length, on an fd held alive by `sock`.
    let r = unsafe {
        libc::getsockopt(sock.fd(), libc::SOL_SOCKET, libc::SO_ERROR, (&mut err as *mut libc::c_int).cast(), &mut len)
    };
    if r == -1 { std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL) } else { err }
}

/// Settles a non-blocking connect that finished since we last looked.
pub(crate) fn refresh_connecting(sock: &Socket) {
    if sock.state().conn != ConnState::Connecting {
        return;
    }
    let mut pfd = [libc::pollfd { fd: sock.fd(), events: libc::POLLOUT, revents: 0 }];
    if matches!(sys::poll(&mut pfd, 0), Ok(1)) {
        let err = pending_error(sock);
        if err == 0 {
            mark_connected(sock);
        } else {
            let mut st = sock.state();
            st.conn = ConnState::Idle;
            st.connect_errno = err;
            st.connect_failed = true;
        }
    }
}

/// A stream operation that needs a connection: settles a pending connect, then `WSAENOTCONN`
/// unless the socket is connected (Windows answers so while a connect is still in progress).
pub(crate) fn require_connected(sock: &Socket) -> Result<(), WsaError> {
    refresh_connecting(sock);
    if sock.state().conn == ConnState::Connected { Ok(()) } else { Err(WsaError(WSAENOTCONN)) }
}

/// `shutdown`.
pub fn shutdown(s: SOCKET, how: i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        if !matches!(how, SD_RECEIVE | SD_SEND | SD_BOTH) {
            return Err(WsaError(WSAEINVAL));
        }
        if sock.is_stream() {
            require_connected(&sock)?;
        }
        // Buffered send data goes out first: the host side is shut when it has.
        if how != SD_RECEIVE && !sock.state().writes.is_empty() {
            let mut st = sock.state();
            st.shutdown_after_writes = true;
            st.shut_read |= how != SD_SEND;
            st.shut_write = true;
            return Ok(());
        }
        // SD_RECEIVE is recorded only: later receives fail with WSAESHUTDOWN, as on Windows.
        if how != SD_RECEIVE {
            match syscall!(shutdown(sock.fd(), libc::SHUT_WR)) {
                Ok(_) => {}
                Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) && sock.is_stream() => {
                    return Err(WsaError(WSAENOTCONN));
                }
                Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let mut st = sock.state();
        st.shut_read |= how != SD_SEND;
        st.shut_write |= how != SD_RECEIVE;
        Ok(())
    })())
}

/// `getsockname`: an unbound socket fails with `WSAEINVAL`.
///
/// # Safety
/// `name`/`namelen` must be NULL or valid.
pub unsafe fn getsockname(s: SOCKET, name: *mut SOCKADDR, namelen: *mut i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        let addr = local_addr(&sock)?;
        if is_unbound(&sock, &addr) {
            return Err(WsaError(WSAEINVAL));
        }
        // SAFETY: forwarded caller contract.
        unsafe { write_addr(&addr, name, namelen) }
    })())
}

/// The host's idea of the local address.
pub(crate) fn local_addr(sock: &Socket) -> Result<HostSockAddr, WsaError> {
    let mut addr = HostSockAddr::new();
    let mut len = HostSockAddr::capacity();
    syscall!(getsockname(sock.fd(), addr.as_mut_ptr(), &mut len))?;
    addr.set_len(len);
    Ok(addr)
}

fn is_unbound(sock: &Socket, addr: &HostSockAddr) -> bool {
    if sock.state().bound {
        return false;
    }
    match sockaddr_to_std(addr) {
        Ok(sa) => sa.port() == 0 && sa.ip().is_unspecified(),
        Err(_) => addr.unix_path().is_some_and(|p| p.is_empty()),
    }
}

/// `getpeername`.
///
/// # Safety
/// `name`/`namelen` must be NULL or valid.
pub unsafe fn getpeername(s: SOCKET, name: *mut SOCKADDR, namelen: *mut i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        refresh_connecting(&sock);
        let mut addr = HostSockAddr::new();
        let mut len = HostSockAddr::capacity();
        syscall!(getpeername(sock.fd(), addr.as_mut_ptr(), &mut len)).map_err(|e| match e.raw_os_error() {
            Some(libc::ENOTCONN) => WsaError(WSAENOTCONN),
            _ => WsaError::from(e),
        })?;
        addr.set_len(len);
        // SAFETY: forwarded caller contract.
        unsafe { write_addr(&addr, name, namelen) }
    })())
}

/// Reads an optional destination address for `sendto`-style calls (NULL → none).
///
/// # Safety
/// `to` must be NULL or valid for `tolen` bytes.
pub(crate) unsafe fn read_host_addr(
    sock: &Socket,
    to: *const SOCKADDR,
    tolen: i32,
) -> Result<Option<HostSockAddr>, WsaError> {
    if to.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded caller contract.
    let addr = unsafe { read_addr(to, tolen) }?;
    check_family(sock, &addr)?;
    Ok(Some(addr))
}
