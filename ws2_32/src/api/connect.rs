//! Connection helpers layered on `accept`/`connect`/`shutdown`: `WSAAccept` (with its
//! condition function), `WSAConnect`, `WSAConnectByNameA/W`, `WSAConnectByList`,
//! `WSASendDisconnect`, `WSARecvDisconnect`.
//!
//! TCP carries no connect or disconnect data and this provider offers no QoS, so those
//! arguments are accepted and ignored as Windows' TCP provider does (returned data lengths
//! are set to 0). `WSAAccept`'s condition function runs on the caller's thread in the
//! caller's ABI. A connection the condition function defers (`CF_DEFER`) is kept aside,
//! out of the socket table, and handed out by the next `WSAAccept` or `accept` on the same
//! listener, which is what Windows does with the deferred connection.
//!
//! `WSAConnectByName` honours its `timeout` as Windows does (Wine ignores it): each
//! candidate address gets a non-blocking connect, then a wait bounded by what is left of
//! the timeout; running out gives `WSAETIMEDOUT`.

use core::ffi::{CStr, c_char, c_void};
use std::collections::HashMap;
use std::net::{SocketAddr, SocketAddrV6};
use std::sync::{Arc, Mutex};

use translate::sockaddr::{self, HostSockAddr};
use translate::{
    AF_INET, AF_INET6, CF_ACCEPT, CF_DEFER, CF_REJECT, GROUP, QOS, SD_RECEIVE, SD_SEND, SOCK_STREAM, SOCKADDR, SOCKET,
    SOCKET_ADDRESS_LIST, TIMEVAL, WSABUF, WSAEAFNOSUPPORT, WSAECONNABORTED, WSAECONNREFUSED, WSAEFAULT, WSAEINVAL,
    WSAEISCONN, WSAETIMEDOUT, WSAEWOULDBLOCK, WSAOVERLAPPED, WSATRY_AGAIN, WsaError,
};

use super::socket::{accept_impl, check_addr_room, connect_impl, local_addr, refresh_connecting, write_addr};
use super::{ret, set_last_error};
use crate::engine::socket::{ConnState, Direction};
use crate::engine::{self, Socket, table};
use crate::exports::Face;
use crate::sys::{Deadline, syscall};

/// `LPCONDITIONPROC` in the System V ABI.
type ConditionNative = unsafe extern "C" fn(
    *mut WSABUF,
    *mut WSABUF,
    *mut QOS,
    *mut QOS,
    *mut WSABUF,
    *mut WSABUF,
    *mut GROUP,
    usize,
) -> i32;

/// `LPCONDITIONPROC` in the Microsoft x64 ABI.
#[cfg(target_arch = "x86_64")]
type ConditionWin64 = unsafe extern "win64" fn(
    *mut WSABUF,
    *mut WSABUF,
    *mut QOS,
    *mut QOS,
    *mut WSABUF,
    *mut WSABUF,
    *mut GROUP,
    usize,
) -> i32;

/// Deferred connections, by listener handle; out of the socket table while they wait.
static DEFERRED: Mutex<Option<HashMap<SOCKET, Arc<Socket>>>> = Mutex::new(None);

fn defer(listener: SOCKET, sock: Arc<Socket>) {
    let _ = table::remove(sock.handle);
    let mut map = DEFERRED.lock().unwrap_or_else(|e| e.into_inner());
    let map = map.get_or_insert_with(HashMap::new);
    // Connections of listeners closed since then will never be asked for again.
    let stale: Vec<SOCKET> = map.keys().copied().filter(|l| !table::contains(*l)).collect();
    for l in stale {
        if let Some(s) = map.remove(&l) {
            engine::close(s);
        }
    }
    if let Some(old) = map.insert(listener, sock) {
        engine::close(old);
    }
}

/// Takes back the connection a condition function deferred on `listener`, re-entering it
/// in the socket table. `accept` and `WSAAccept` hand it out before accepting anew.
pub(crate) fn take_deferred(listener: SOCKET) -> Option<Arc<Socket>> {
    let sock = DEFERRED.lock().unwrap_or_else(|e| e.into_inner()).as_mut()?.remove(&listener)?;
    table::insert(sock.clone());
    Some(sock)
}

/// Hook for `accept_impl` (api/socket.rs): the deferred connection of `listener`, if any,
/// with its peer address written to `(addr, addrlen)` as `accept` does.
///
/// # Safety
/// `addr`/`addrlen` must be NULL or valid (`*addrlen` bytes at `addr`).
pub(crate) unsafe fn accept_deferred(
    listener: SOCKET,
    addr: *mut SOCKADDR,
    addrlen: *mut i32,
) -> Option<Result<Arc<Socket>, WsaError>> {
    let sock = take_deferred(listener)?;
    if addr.is_null() {
        return Some(Ok(sock));
    }
    // SAFETY: forwarded caller contract.
    let written = peer_addr(&sock).and_then(|peer| unsafe { write_addr(&peer, addr, addrlen) });
    Some(written.map(|()| sock))
}

fn peer_addr(sock: &Socket) -> Result<HostSockAddr, WsaError> {
    let mut addr = HostSockAddr::new();
    let mut len = HostSockAddr::capacity();
    syscall!(getpeername(sock.fd(), addr.as_mut_ptr(), &mut len))?;
    addr.set_len(len);
    Ok(addr)
}

/// Closes an accepted connection the application refused, with a reset as Windows does.
fn reject(sock: Arc<Socket>) {
    let linger = libc::linger { l_onoff: 1, l_linger: 0 };
    // SAFETY: a live `linger` of the stated size on an fd held alive by `sock`.
    let _ = syscall!(setsockopt(
        sock.fd(),
        libc::SOL_SOCKET,
        libc::SO_LINGER,
        (&linger as *const libc::linger).cast(),
        std::mem::size_of::<libc::linger>() as libc::socklen_t
    ));
    if let Some(s) = table::remove(sock.handle) {
        engine::close(s);
    }
}

/// `WSAAccept`.
///
/// # Safety
/// `addr`/`addrlen` NULL or valid; `condition` NULL or an `LPCONDITIONPROC` of the caller's
/// ABI.
pub unsafe fn wsa_accept(
    face: Face,
    s: SOCKET,
    addr: *mut SOCKADDR,
    addrlen: *mut i32,
    condition: *mut c_void,
    data: usize,
) -> SOCKET {
    // SAFETY: forwarded caller contract.
    ret(unsafe { accept_with_condition(face, s, addr, addrlen, condition, data) })
}

unsafe fn accept_with_condition(
    face: Face,
    s: SOCKET,
    addr: *mut SOCKADDR,
    addrlen: *mut i32,
    condition: *mut c_void,
    data: usize,
) -> Result<SOCKET, WsaError> {
    let listener = table::get(s)?;
    if listener.state().conn != ConnState::Listening {
        return Err(WsaError(WSAEINVAL));
    }
    // SAFETY: forwarded caller contract.
    unsafe { check_addr_room(&listener, addr, addrlen) }?;
    let new = match take_deferred(s) {
        Some(n) => n,
        // SAFETY: NULL address arguments.
        None => unsafe { accept_impl(s, std::ptr::null_mut(), std::ptr::null_mut()) }?,
    };
    let peer = peer_addr(&new);
    if !condition.is_null() {
        let verdict = match &peer {
            // SAFETY: `condition` is the caller's LPCONDITIONPROC.
            Ok(peer) => unsafe { ask(face, condition, peer, &new, data) },
            Err(_) => CF_REJECT,
        };
        log::debug!(target: "ws2_32::connect", "WSAAccept({s:#x}): condition function says {verdict}");
        match verdict {
            CF_ACCEPT => {}
            CF_DEFER => {
                defer(s, new);
                return Err(WsaError(WSATRY_AGAIN));
            }
            CF_REJECT => {
                reject(new);
                return Err(WsaError(WSAECONNREFUSED));
            }
            _ => {
                reject(new);
                return Err(WsaError(WSAEINVAL));
            }
        }
    }
    if !addr.is_null() {
        // SAFETY: forwarded caller contract; room was checked above.
        let written = peer.and_then(|p| unsafe { write_addr(&p, addr, addrlen) });
        if let Err(e) = written {
            reject(new);
            return Err(e);
        }
    }
    Ok(new.handle)
}

/// Calls the condition function with the peer (caller id) and local (callee id) addresses.
///
/// # Safety
/// `condition` must be an `LPCONDITIONPROC` of `face`'s ABI.
unsafe fn ask(face: Face, condition: *mut c_void, peer: &HostSockAddr, new: &Socket, data: usize) -> i32 {
    let (mut caller, caller_len) = sockaddr::host_to_win_storage(peer);
    let (mut callee, callee_len) =
        local_addr(new).map(|l| sockaddr::host_to_win_storage(&l)).unwrap_or_else(|_| Default::default());
    let mut caller_id =
        WSABUF { len: caller_len as u32, buf: (&mut caller as *mut translate::SOCKADDR_STORAGE).cast() };
    let mut callee_id =
        WSABUF { len: callee_len as u32, buf: (&mut callee as *mut translate::SOCKADDR_STORAGE).cast() };
    let mut group: GROUP = 0;
    let null = std::ptr::null_mut();
    match face {
        Face::Native => {
            // SAFETY: the caller passed a System V LPCONDITIONPROC.
            let f = unsafe { std::mem::transmute::<*mut c_void, ConditionNative>(condition) };
            // SAFETY: every pointer argument is a live local or NULL, as Windows passes them.
            unsafe { f(&mut caller_id, null, null.cast(), null.cast(), &mut callee_id, null, &mut group, data) }
        }
        #[cfg(target_arch = "x86_64")]
        Face::Win64 => {
            // SAFETY: the caller passed a Microsoft x64 LPCONDITIONPROC.
            let f = unsafe { std::mem::transmute::<*mut c_void, ConditionWin64>(condition) };
            // SAFETY: as above.
            unsafe { f(&mut caller_id, null, null.cast(), null.cast(), &mut callee_id, null, &mut group, data) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        Face::Win64 => CF_REJECT,
    }
}

/// Sets a returned data buffer's length to 0: TCP never returns connect/disconnect data.
///
/// # Safety
/// `buf` must be NULL or a writable `WSABUF`.
unsafe fn no_data(buf: *mut WSABUF) {
    // SAFETY: NULL or writable per the caller.
    if let Some(b) = unsafe { buf.as_mut() } {
        b.len = 0;
    }
}

/// `WSAConnect`: `connect`; connect data and QoS are ignored (TCP has neither).
///
/// # Safety
/// `name` NULL or valid for `namelen` bytes; the `WSABUF`/`QOS` pointers NULL or valid.
pub unsafe fn wsa_connect(
    s: SOCKET,
    name: *const SOCKADDR,
    namelen: i32,
    caller_data: *const WSABUF,
    callee_data: *mut WSABUF,
    sqos: *const QOS,
    gqos: *const QOS,
) -> i32 {
    // SAFETY: NULL or readable per the caller.
    if unsafe { caller_data.as_ref() }.is_some_and(|b| b.len > 0) || !sqos.is_null() || !gqos.is_null() {
        log::debug!(target: "ws2_32::connect", "WSAConnect({s:#x}): connect data and QoS are not supported by TCP; ignored");
    }
    // SAFETY: forwarded caller contract.
    let r = unsafe { connect_impl(s, name, namelen) };
    if r.is_ok() {
        // SAFETY: forwarded caller contract.
        unsafe { no_data(callee_data) };
    }
    super::status(r)
}

/// `WSASendDisconnect`: `shutdown(SD_SEND)`; disconnect data is ignored.
///
/// # Safety
/// `data` must be NULL or a readable `WSABUF`.
pub unsafe fn wsa_send_disconnect(s: SOCKET, _data: *const WSABUF) -> i32 {
    super::socket::shutdown(s, SD_SEND)
}

/// `WSARecvDisconnect`: `shutdown(SD_RECEIVE)`; no disconnect data is ever returned.
///
/// # Safety
/// `data` must be NULL or a writable `WSABUF`.
pub unsafe fn wsa_recv_disconnect(s: SOCKET, data: *mut WSABUF) -> i32 {
    let r = super::socket::shutdown(s, SD_RECEIVE);
    if r == 0 {
        // SAFETY: forwarded caller contract.
        unsafe { no_data(data) };
    }
    r
}

/// A `BOOL` result: `Ok` → TRUE with last error 0; `Err(e)` → FALSE with last error `e`.
fn bool_ret(r: Result<(), WsaError>) -> i32 {
    match r {
        Ok(()) => {
            set_last_error(0);
            1
        }
        Err(e) => {
            log::debug!(target: "ws2_32::connect", "failing with {e:?}");
            set_last_error(e.0);
            0
        }
    }
}

/// Where `WSAConnectByName`/`WSAConnectByList` report the two addresses.
struct Outputs {
    local_len: *mut u32,
    local: *mut SOCKADDR,
    remote_len: *mut u32,
    remote: *mut SOCKADDR,
}

impl Outputs {
    /// Writes the local and remote addresses of the now connected socket.
    ///
    /// # Safety
    /// Each pointer NULL or valid (`*len` bytes at the address buffer).
    unsafe fn fill(&self, sock: &Socket) -> Result<(), WsaError> {
        if !self.remote.is_null() && !self.remote_len.is_null() {
            // SAFETY: forwarded caller contract; DWORD and INT share their layout.
            unsafe { write_addr(&peer_addr(sock)?, self.remote, self.remote_len.cast()) }?;
        }
        if !self.local.is_null() && !self.local_len.is_null() {
            // SAFETY: as above.
            unsafe { write_addr(&local_addr(sock)?, self.local, self.local_len.cast()) }?;
        }
        Ok(())
    }
}

/// The deadline of a `WSAConnectByName` timeout (NULL = none).
///
/// # Safety
/// `timeout` must be NULL or readable.
unsafe fn deadline(timeout: *const TIMEVAL) -> Deadline {
    // SAFETY: NULL or readable per the caller.
    match unsafe { timeout.as_ref() } {
        None => Deadline::NEVER,
        Some(tv) => {
            let ms = i64::from(tv.tv_sec.max(0)) * 1000 + (i64::from(tv.tv_usec.max(0)) + 999) / 1000;
            Deadline::after_ms(ms.min(i64::from(i32::MAX)) as i32)
        }
    }
}

/// Checks the socket suits `WSAConnectByName`/`WSAConnectByList`: an unconnected IPv4 or
/// IPv6 stream socket.
fn check_socket(s: SOCKET) -> Result<Arc<Socket>, WsaError> {
    let sock = table::get(s)?;
    if sock.socktype != SOCK_STREAM {
        return Err(WsaError(WSAEINVAL));
    }
    if sock.family != AF_INET && sock.family != AF_INET6 {
        return Err(WsaError(WSAEAFNOSUPPORT));
    }
    refresh_connecting(&sock);
    let conn = sock.state().conn;
    match conn {
        ConnState::Connected => Err(WsaError(WSAEISCONN)),
        ConnState::Listening => Err(WsaError(WSAEINVAL)),
        _ => Ok(sock),
    }
}

/// Whether an IPv6 socket also reaches IPv4 addresses (`IPV6_V6ONLY` off).
fn dual_stack(sock: &Socket) -> bool {
    let mut v: libc::c_int = 1;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a live c_int and its length, on an fd held alive by `sock`.
    let r = unsafe {
        libc::getsockopt(
            sock.fd(),
            libc::IPPROTO_IPV6,
            libc::IPV6_V6ONLY,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    r == 0 && v == 0
}

/// `addr` as the socket's family can reach it: IPv4 on a dual-stack IPv6 socket becomes
/// its v4-mapped form; anything else of the wrong family is skipped.
fn fit(sock: &Socket, dual: bool, addr: SocketAddr) -> Option<SocketAddr> {
    match (sock.family, addr) {
        (AF_INET, SocketAddr::V4(_)) | (AF_INET6, SocketAddr::V6(_)) => Some(addr),
        (AF_INET6, SocketAddr::V4(a)) if dual => {
            Some(SocketAddr::V6(SocketAddrV6::new(a.ip().to_ipv6_mapped(), a.port(), 0, 0)))
        }
        _ => None,
    }
}

/// Connects to the first of `addrs` that answers before `deadline`.
///
/// # Safety
/// The output pointers must be valid as [`Outputs::fill`] requires.
unsafe fn connect_list(
    s: SOCKET,
    sock: &Socket,
    addrs: &[SocketAddr],
    deadline: Deadline,
    out: &Outputs,
) -> Result<(), WsaError> {
    let mut last = WsaError(WSAEINVAL);
    for addr in addrs {
        if deadline.expired() {
            return Err(WsaError(WSAETIMEDOUT));
        }
        match try_connect(s, sock, addr, deadline) {
            Ok(()) => {
                log::debug!(target: "ws2_32::connect", "{s:#x} connected to {addr}");
                // SAFETY: forwarded caller contract.
                return unsafe { out.fill(sock) };
            }
            Err(e) if e.0 == WSAETIMEDOUT => return Err(e),
            Err(e) => {
                log::debug!(target: "ws2_32::connect", "{s:#x}: {addr} failed with {e:?}");
                last = e;
            }
        }
    }
    Err(last)
}

/// One non-blocking connect attempt, waited for until `deadline`.
fn try_connect(s: SOCKET, sock: &Socket, addr: &SocketAddr, deadline: Deadline) -> Result<(), WsaError> {
    let mut win = [0u8; 28];
    let n = sockaddr::socket_addr_to_win(addr, &mut win)?;
    let was_nonblocking = sock.is_nonblocking();
    sock.set_nonblocking(true);
    // SAFETY: `win` holds `n` bytes of a Windows SOCKADDR.
    let attempt = || unsafe { connect_impl(s, win.as_ptr().cast(), n as i32) };
    // After a failed attempt Linux answers the next connect() once with ECONNABORTED (the
    // socket is being reset to "unconnected"); the one after that starts afresh.
    let r = match attempt() {
        Err(e) if e.0 == WSAECONNABORTED => attempt(),
        r => r,
    };
    sock.set_nonblocking(was_nonblocking);
    match r {
        Err(e) if e.0 == WSAEWOULDBLOCK => {
            sock.wait(Direction::Write, deadline)?;
            refresh_connecting(sock);
            let mut st = sock.state();
            match st.conn {
                ConnState::Connected => Ok(()),
                _ => Err(translate::error::errno_to_wsa(std::mem::take(&mut st.connect_errno))),
            }
        }
        r => r,
    }
}

/// Resolves `(node, service)` for a stream connection with the host resolver.
fn resolve(node: &CStr, service: &CStr) -> Result<Vec<SocketAddr>, WsaError> {
    // SAFETY: an all-zero addrinfo is the documented "no hints" value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = libc::AF_UNSPEC;
    hints.ai_socktype = libc::SOCK_STREAM;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings, live hints, and an out pointer freed below.
    let rc = unsafe { libc::getaddrinfo(node.as_ptr(), service.as_ptr(), &hints, &mut list) };
    if rc != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(translate::error::eai_to_wsa(rc, errno));
    }
    let mut out = Vec::new();
    let mut p = list;
    while !p.is_null() {
        // SAFETY: a node of the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        if !ai.ai_addr.is_null() {
            // SAFETY: `ai_addr` holds `ai_addrlen` bytes of a host sockaddr.
            let bytes = unsafe { std::slice::from_raw_parts(ai.ai_addr.cast::<u8>(), ai.ai_addrlen as usize) };
            let mut storage: libc::sockaddr_storage =
                // SAFETY: sockaddr_storage is plain old data.
                unsafe { std::mem::zeroed() };
            let n = bytes.len().min(std::mem::size_of::<libc::sockaddr_storage>());
            // SAFETY: `n` bytes fit in both buffers.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), (&mut storage as *mut libc::sockaddr_storage).cast(), n)
            };
            let host = HostSockAddr::from_raw(storage, n as libc::socklen_t);
            if let Ok(sa) = SocketAddr::try_from(&host) {
                if !out.contains(&sa) {
                    out.push(sa);
                }
            }
        }
        p = ai.ai_next;
    }
    // SAFETY: the list getaddrinfo returned, freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(out)
}

/// The body shared by `WSAConnectByNameA/W`.
///
/// # Safety
/// As [`wsa_connect_by_name_a`], with the strings already converted.
#[allow(clippy::too_many_arguments)]
unsafe fn connect_by_name(
    s: SOCKET,
    node: Option<&CStr>,
    service: Option<&CStr>,
    out: Outputs,
    timeout: *const TIMEVAL,
    reserved: *mut WSAOVERLAPPED,
) -> Result<(), WsaError> {
    let (Some(node), Some(service)) = (node, service) else { return Err(WsaError(WSAEINVAL)) };
    if !reserved.is_null() {
        return Err(WsaError(WSAEINVAL));
    }
    let sock = check_socket(s)?;
    // SAFETY: forwarded caller contract.
    let deadline = unsafe { deadline(timeout) };
    let dual = sock.family == AF_INET6 && dual_stack(&sock);
    let addrs: Vec<SocketAddr> = resolve(node, service)?.into_iter().filter_map(|a| fit(&sock, dual, a)).collect();
    if addrs.is_empty() {
        return Err(WsaError(translate::WSAHOST_NOT_FOUND));
    }
    // SAFETY: forwarded caller contract.
    unsafe { connect_list(s, &sock, &addrs, deadline, &out) }
}

/// `WSAConnectByNameA`.
///
/// # Safety
/// `node`/`service` NULL or NUL-terminated; each length/address pair NULL or valid;
/// `timeout` NULL or readable.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_connect_by_name_a(
    s: SOCKET,
    node: *const c_char,
    service: *const c_char,
    local_len: *mut u32,
    local: *mut SOCKADDR,
    remote_len: *mut u32,
    remote: *mut SOCKADDR,
    timeout: *const TIMEVAL,
    reserved: *mut WSAOVERLAPPED,
) -> i32 {
    // SAFETY: NULL or NUL-terminated per the caller.
    let node = (!node.is_null()).then(|| unsafe { CStr::from_ptr(node) });
    // SAFETY: as above.
    let service = (!service.is_null()).then(|| unsafe { CStr::from_ptr(service) });
    let out = Outputs { local_len, local, remote_len, remote };
    // SAFETY: forwarded caller contract.
    bool_ret(unsafe { connect_by_name(s, node, service, out, timeout, reserved) })
}

/// A NUL-terminated UTF-16 string as a C string in UTF-8 (`None` for NULL or an interior
/// NUL after conversion).
///
/// # Safety
/// `p` must be NULL or NUL-terminated.
unsafe fn wide_to_cstring(p: *const u16) -> Option<std::ffi::CString> {
    if p.is_null() {
        return None;
    }
    let mut n = 0;
    // SAFETY: NUL-terminated per the caller; we stop at the terminator.
    while unsafe { p.add(n).read_unaligned() } != 0 {
        n += 1;
    }
    // SAFETY: `n` readable units before the terminator.
    let units: Vec<u16> = (0..n).map(|i| unsafe { p.add(i).read_unaligned() }).collect();
    std::ffi::CString::new(String::from_utf16_lossy(&units)).ok()
}

/// `WSAConnectByNameW`.
///
/// # Safety
/// As [`wsa_connect_by_name_a`], with UTF-16 strings.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_connect_by_name_w(
    s: SOCKET,
    node: *const u16,
    service: *const u16,
    local_len: *mut u32,
    local: *mut SOCKADDR,
    remote_len: *mut u32,
    remote: *mut SOCKADDR,
    timeout: *const TIMEVAL,
    reserved: *mut WSAOVERLAPPED,
) -> i32 {
    // SAFETY: NULL or NUL-terminated per the caller.
    let node = unsafe { wide_to_cstring(node) };
    // SAFETY: as above.
    let service = unsafe { wide_to_cstring(service) };
    let out = Outputs { local_len, local, remote_len, remote };
    // SAFETY: forwarded caller contract.
    bool_ret(unsafe { connect_by_name(s, node.as_deref(), service.as_deref(), out, timeout, reserved) })
}

/// `WSAConnectByList`: tries each address of the list in order.
///
/// # Safety
/// `list` NULL or a readable `SOCKET_ADDRESS_LIST` with `iAddressCount` entries, each
/// pointing to a readable address; outputs as [`wsa_connect_by_name_a`].
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_connect_by_list(
    s: SOCKET,
    list: *const SOCKET_ADDRESS_LIST,
    local_len: *mut u32,
    local: *mut SOCKADDR,
    remote_len: *mut u32,
    remote: *mut SOCKADDR,
    timeout: *const TIMEVAL,
    reserved: *mut WSAOVERLAPPED,
) -> i32 {
    bool_ret((|| {
        if !reserved.is_null() {
            return Err(WsaError(WSAEINVAL));
        }
        if list.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        let sock = check_socket(s)?;
        let dual = sock.family == AF_INET6 && dual_stack(&sock);
        // SAFETY: readable per the caller.
        let count = unsafe { std::ptr::addr_of!((*list).iAddressCount).read_unaligned() };
        // SAFETY: the entries follow `iAddressCount` in the caller's list.
        let first = unsafe { std::ptr::addr_of!((*list).Address).cast::<translate::SOCKET_ADDRESS>() };
        let mut addrs = Vec::new();
        for i in 0..count.max(0) as usize {
            // SAFETY: entry `i` < `iAddressCount`, readable per the caller.
            let entry = unsafe { first.add(i).read_unaligned() };
            // SAFETY: the entry points to `iSockaddrLength` readable bytes.
            let bytes = unsafe { super::bytes(entry.lpSockaddr.cast(), entry.iSockaddrLength) }?;
            let sa = sockaddr::win_to_socket_addr(bytes)?;
            if let Some(a) = fit(&sock, dual, sa) {
                addrs.push(a);
            }
        }
        if addrs.is_empty() {
            return Err(WsaError(WSAEINVAL));
        }
        // SAFETY: forwarded caller contract.
        let deadline = unsafe { deadline(timeout) };
        let out = Outputs { local_len, local, remote_len, remote };
        // SAFETY: forwarded caller contract.
        unsafe { connect_list(s, &sock, &addrs, deadline, &out) }
    })())
}
