//! Conformance of the extension functions (`AcceptEx`, `ConnectEx`, `DisconnectEx`,
//! `TransmitFile`, `SIO_GET_EXTENSION_FUNCTION_POINTER`) with the answers real Windows gives.
//!
//! The specification is Wine's `dlls/ws2_32/tests/sock.c` (commit 3379ee2e6b5f), whose
//! `ok()` lines were run against Windows: `test_AcceptEx`, `test_connect`,
//! `test_connecting_socket`, `test_DisconnectEx`, `test_TransmitFile`,
//! `test_get_extension_func`. Where Wine itself is marked `todo_wine`, Windows' answer is
//! what is asserted here. The expectations are re-expressed, not copied.

use std::mem::size_of;
use std::ptr::{null, null_mut};

use translate::*;
use ws2_32::exports::kernel32::native::*;
use ws2_32::native::*;

mod util;
use util::{close, connect_to, err, listener, pair, set_nonblocking, sock, startup};

type AcceptExFn = unsafe extern "C" fn(SOCKET, SOCKET, *mut u8, u32, u32, u32, *mut u32, *mut OVERLAPPED) -> BOOL;
type ConnectExFn = unsafe extern "C" fn(SOCKET, *const SOCKADDR, i32, *mut u8, u32, *mut u32, *mut OVERLAPPED) -> BOOL;
type GetSockaddrsFn =
    unsafe extern "C" fn(*mut u8, u32, u32, u32, *mut *mut SOCKADDR, *mut i32, *mut *mut SOCKADDR, *mut i32);
type DisconnectExFn = unsafe extern "C" fn(SOCKET, *mut OVERLAPPED, u32, u32) -> BOOL;
type TransmitFileFn =
    unsafe extern "C" fn(SOCKET, HANDLE, u32, u32, *mut OVERLAPPED, *mut TRANSMIT_FILE_BUFFERS, u32) -> BOOL;

const ERROR_INSUFFICIENT_BUFFER: u32 = 122;
const ERROR_OPERATION_ABORTED: u32 = 995;
const ERROR_CONNECTION_REFUSED: u32 = 1225;
const ERROR_INVALID_PARAMETER: i32 = 87;
/// `sizeof(struct sockaddr_in) + 16`: the address room Windows documents for AcceptEx.
const ROOM: u32 = 32;

/// The extension function for `guid`, looked up on a throw-away socket.
fn ext(guid: GUID) -> usize {
    let s = sock(AF_INET, SOCK_STREAM);
    let (r, f, n) = util::extension(s, guid);
    assert_eq!((r, n), (0, 8));
    close(&[s]);
    f
}

fn accept_ex() -> AcceptExFn {
    // SAFETY: the pointer SIO_GET_EXTENSION_FUNCTION_POINTER returns for WSAID_ACCEPTEX.
    unsafe { std::mem::transmute::<usize, AcceptExFn>(ext(WSAID_ACCEPTEX)) }
}
fn connect_ex() -> ConnectExFn {
    // SAFETY: as above, for ConnectEx.
    unsafe { std::mem::transmute::<usize, ConnectExFn>(ext(WSAID_CONNECTEX)) }
}
fn sockaddrs() -> GetSockaddrsFn {
    // SAFETY: as above, for GetAcceptExSockaddrs.
    unsafe { std::mem::transmute::<usize, GetSockaddrsFn>(ext(WSAID_GETACCEPTEXSOCKADDRS)) }
}
fn disconnect_ex() -> DisconnectExFn {
    // SAFETY: as above, for DisconnectEx.
    unsafe { std::mem::transmute::<usize, DisconnectExFn>(ext(WSAID_DISCONNECTEX)) }
}
fn transmit_file() -> TransmitFileFn {
    // SAFETY: as above, for TransmitFile.
    unsafe { std::mem::transmute::<usize, TransmitFileFn>(ext(WSAID_TRANSMITFILE)) }
}

/// An OVERLAPPED with a fresh auto-reset event.
fn ov_with_event() -> Box<OVERLAPPED> {
    // SAFETY: NULL attributes and name are allowed.
    let ev = unsafe { CreateEventW(null_mut(), 0, 0, null()) };
    assert!(!ev.is_null());
    Box::new(OVERLAPPED { hEvent: ev, ..Default::default() })
}

/// Waits up to `ms` for `ov` and returns `GetOverlappedResult`'s (ok, last error, bytes).
fn result(s: SOCKET, ov: &mut OVERLAPPED, ms: u32) -> (bool, u32, u32) {
    // SAFETY: a live OVERLAPPED with a live event.
    unsafe {
        assert_eq!(WaitForSingleObject(ov.hEvent, ms), 0, "operation did not complete");
        let mut n = 0xdead_beef;
        SetLastError(0xdead_beef);
        let ok = GetOverlappedResult(s as HANDLE, ov, &mut n, 0) != 0;
        (ok, GetLastError(), n)
    }
}

fn done_with(ov: impl std::ops::Deref<Target = OVERLAPPED>) {
    // SAFETY: the event handle created by ov_with_event.
    unsafe { CloseHandle(ov.hEvent) };
}

fn any_loopback() -> SOCKADDR_IN {
    SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0))
}

/// A new TCP socket bound to 127.0.0.1:0 (what ConnectEx requires).
fn bound_tcp() -> SOCKET {
    let s = sock(AF_INET, SOCK_STREAM);
    let a = any_loopback();
    // SAFETY: a live address of the stated size.
    assert_eq!(unsafe { bind(s, (&a as *const SOCKADDR_IN).cast(), 16) }, 0);
    s
}

fn local_of(s: SOCKET) -> SOCKADDR_IN {
    let mut a = SOCKADDR_IN::default();
    let mut len = 16;
    // SAFETY: a live address of the stated size.
    assert_eq!(unsafe { getsockname(s, (&mut a as *mut SOCKADDR_IN).cast(), &mut len) }, 0);
    a
}

/// Calls AcceptEx with a 1024-byte buffer and returns (result, last error).
fn call_accept_ex(
    l: SOCKET,
    a: SOCKET,
    buf: &mut [u8; 1024],
    recv_len: u32,
    local: u32,
    remote: u32,
    ov: *mut OVERLAPPED,
) -> (BOOL, i32) {
    let mut n = 0u32;
    // SAFETY: the buffer holds recv_len + local + remote bytes in every call below and, like
    // `ov`, outlives the operation (each test waits or cancels before returning).
    let r = unsafe { accept_ex()(l, a, buf.as_mut_ptr(), recv_len, local, remote, &mut n, ov) };
    (r, err())
}

// ── AcceptEx ──

#[test]
fn acceptex_validation_errors_leave_internal_pending() {
    startup();
    let l = sock(AF_INET, SOCK_STREAM);
    let a = sock(AF_INET, SOCK_STREAM);
    let at = any_loopback();
    // SAFETY: a live address of the stated size.
    assert_eq!(unsafe { bind(l, (&at as *const SOCKADDR_IN).cast(), 16) }, 0);
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    let data = 1024 - 2 * ROOM;

    // An invalid listening socket: WSAENOTSOCK, and Internal already reads STATUS_PENDING.
    ov.Internal = 0xdead_beef;
    assert_eq!(call_accept_ex(INVALID_SOCKET, a, &mut buf, data, ROOM, ROOM, &mut *ov), (0, WSAENOTSOCK));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);

    // A bound socket that does not listen yet: WSAEINVAL.
    ov.Internal = 0xdead_beef;
    assert_eq!(call_accept_ex(l, a, &mut buf, data, ROOM, ROOM, &mut *ov), (0, WSAEINVAL));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);

    // SAFETY: plain values.
    assert_eq!(unsafe { listen(l, 5) }, 0);

    ov.Internal = 0xdead_beef;
    assert_eq!(call_accept_ex(l, INVALID_SOCKET, &mut buf, data, ROOM, ROOM, &mut *ov), (0, WSAENOTSOCK));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);

    // A NULL buffer: WSAEFAULT.
    ov.Internal = 0xdead_beef;
    let mut n = 0u32;
    // SAFETY: the NULL buffer is rejected before anything is written.
    let r = unsafe { accept_ex()(l, a, null_mut(), data, ROOM, ROOM, &mut n, &mut *ov) };
    assert_eq!((r, err()), (0, WSAEFAULT));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);

    // A remote address length of 0: WSAEFAULT at once.
    ov.Internal = 0xdead_beef;
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, ROOM, 0, &mut *ov), (0, WSAEFAULT));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);

    // No OVERLAPPED: ERROR_INVALID_PARAMETER, whatever the sizes.
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, ROOM, ROOM, null_mut()), (0, ERROR_INVALID_PARAMETER));
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, 0, 0, null_mut()), (0, ERROR_INVALID_PARAMETER));

    done_with(ov);
    close(&[a, l]);
}

#[test]
fn acceptex_refuses_udp_bound_and_connected_accept_sockets() {
    startup();
    let (l, _) = listener();
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    let udp = sock(AF_INET, SOCK_DGRAM);
    let bound = bound_tcp();
    let (c, s) = pair();
    for a in [udp, bound, c, s] {
        ov.Internal = 0xdead_beef;
        assert_eq!(call_accept_ex(l, a, &mut buf, 0, 0, ROOM, &mut *ov), (0, WSAEINVAL), "accept socket {a}");
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
    }
    done_with(ov);
    close(&[udp, bound, c, s, l]);
}

#[test]
fn acceptex_with_no_local_room_accepts_and_writes_only_the_remote_address() {
    startup();
    let (l, at) = listener();
    let a = sock(AF_INET, SOCK_STREAM);
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    ov.Internal = 0xdead_beef;
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, 0, ROOM, &mut *ov), (0, WSA_IO_PENDING));
    assert_eq!(ov.Internal, STATUS_PENDING as usize);
    let c = connect_to(&at);
    let peer = local_of(c);
    assert_eq!(result(l, &mut ov, 2000), (true, 0xdead_beef, 0));
    assert_eq!(ov.Internal, 0);

    let (mut local, mut remote) = (0xdead_beef_usize as *mut SOCKADDR, null_mut::<SOCKADDR>());
    let (mut llen, mut rlen) = (0x0bad_cafe, 0);
    // SAFETY: the AcceptEx buffer with the sizes it was given.
    unsafe { sockaddrs()(buf.as_mut_ptr(), 0, 0, ROOM, &mut local, &mut llen, &mut remote, &mut rlen) };
    assert_eq!(local as usize, 0xdead_beef, "no local block: the pointer is left alone");
    assert_eq!(llen, 0x0bad_cafe);
    assert_eq!(rlen, 16);
    // SAFETY: points into `buf`, at a 16-byte address.
    let remote = unsafe { (remote as *const SOCKADDR_IN).read_unaligned() };
    assert_eq!((remote.sin_port, remote.sin_addr.S_un), (peer.sin_port, peer.sin_addr.S_un));
    done_with(ov);
    close(&[c, a, l]);
}

#[test]
fn acceptex_with_too_little_address_room_fails_when_a_peer_arrives_and_leaves_it_queued() {
    startup();
    let (l, at) = listener();
    // 3 bytes, and sizeof(sockaddr_in) + 4 (room for the address but not the 16 spare bytes).
    for local in [3, 20] {
        let a = sock(AF_INET, SOCK_STREAM);
        let mut buf = [0u8; 1024];
        let mut ov = ov_with_event();
        ov.Internal = 0xdead_beef;
        assert_eq!(call_accept_ex(l, a, &mut buf, 0, local, ROOM, &mut *ov), (0, WSA_IO_PENDING), "local {local}");
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
        // SAFETY: a live event.
        assert_eq!(unsafe { WaitForSingleObject(ov.hEvent, 100) }, WAIT_TIMEOUT as u32, "pends until a peer connects");
        let c = connect_to(&at);
        assert_eq!(result(l, &mut ov, 2000), (false, ERROR_INSUFFICIENT_BUFFER, 0), "local {local}");
        assert_eq!(ov.Internal, STATUS_BUFFER_TOO_SMALL as u32 as usize);
        close(&[a]);
        // The connection was not consumed: accept() still gets it.
        // SAFETY: NULL address out-parameters are allowed.
        let got = unsafe { accept(l, null_mut(), null_mut()) };
        assert_ne!(got, INVALID_SOCKET, "error {}", err());
        close(&[got, c]);
        done_with(ov);
    }
    close(&[l]);
}

#[test]
fn acceptex_with_too_little_remote_room_pends_until_cancelled() {
    startup();
    let (l, _) = listener();
    let a = sock(AF_INET, SOCK_STREAM);
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    for (local, remote) in [(ROOM - 1, ROOM), (ROOM, ROOM - 1)] {
        ov.Internal = 0xdead_beef;
        assert_eq!(call_accept_ex(l, a, &mut buf, 0, local, remote, &mut *ov), (0, WSA_IO_PENDING));
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
        // SAFETY: a socket handle is a kernel handle for CancelIo.
        assert_eq!(unsafe { CancelIo(l as HANDLE) }, 1);
        let (ok, e, _) = result(l, &mut ov, 2000);
        assert_eq!((ok, e), (false, ERROR_OPERATION_ABORTED));
    }
    done_with(ov);
    close(&[a, l]);
}

#[test]
fn acceptex_into_a_socket_already_being_accepted_into_is_einval() {
    startup();
    let (l, at) = listener();
    let a = sock(AF_INET, SOCK_STREAM);
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, ROOM, ROOM, &mut *ov), (0, WSA_IO_PENDING));
    ov.Internal = 0xdead_beef;
    let mut buf2 = [0u8; 1024];
    let mut ov2 = ov_with_event();
    assert_eq!(call_accept_ex(l, a, &mut buf2, 0, ROOM, ROOM, &mut *ov2), (0, WSAEINVAL));
    assert_eq!(ov2.Internal, STATUS_PENDING as usize);
    // ConnectEx on the socket being accepted into is refused too.
    let mut n = 0;
    // SAFETY: live address and OVERLAPPED.
    let r = unsafe { connect_ex()(a, (&at as *const SOCKADDR_IN).cast(), 16, null_mut(), 0, &mut n, &mut *ov2) };
    assert_eq!((r, err()), (0, WSAEINVAL));
    // And so is connect().
    // SAFETY: a live address of the stated size.
    let r = unsafe { connect(a, (&at as *const SOCKADDR_IN).cast(), 16) };
    assert_eq!((r, err()), (SOCKET_ERROR, WSAEINVAL));
    // The first AcceptEx is unaffected.
    let c = connect_to(&at);
    assert_eq!(result(l, &mut ov, 2000), (true, 0xdead_beef, 0));
    done_with(ov);
    done_with(ov2);
    close(&[c, a, l]);
}

#[test]
fn acceptex_with_a_receive_length_completes_only_when_data_arrives() {
    startup();
    let (l, at) = listener();
    let a = sock(AF_INET, SOCK_STREAM);
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    assert_eq!(call_accept_ex(l, a, &mut buf, 2, ROOM, ROOM, &mut *ov), (0, WSA_IO_PENDING));
    let c = connect_to(&at);
    // SAFETY: a live event.
    assert_eq!(unsafe { WaitForSingleObject(ov.hEvent, 200) }, WAIT_TIMEOUT as u32);
    assert_eq!(ov.Internal, STATUS_PENDING as usize);
    // SAFETY: a live buffer.
    assert_eq!(unsafe { send(c, b"x".as_ptr(), 1, 0) }, 1);
    assert_eq!(result(l, &mut ov, 2000), (true, 0xdead_beef, 1));
    assert_eq!(buf[0], b'x');
    let (mut local, mut remote) = (null_mut::<SOCKADDR>(), null_mut::<SOCKADDR>());
    let (mut llen, mut rlen) = (0, 0);
    // SAFETY: the AcceptEx buffer with the sizes it was given.
    unsafe { sockaddrs()(buf.as_mut_ptr(), 2, ROOM, ROOM, &mut local, &mut llen, &mut remote, &mut rlen) };
    assert_eq!((llen, rlen), (16, 16));
    // SAFETY: both point into `buf`, at 16-byte addresses.
    let (local, remote) =
        unsafe { ((local as *const SOCKADDR_IN).read_unaligned(), (remote as *const SOCKADDR_IN).read_unaligned()) };
    assert_eq!(local.sin_port, at.sin_port);
    assert_eq!(remote.sin_port, local_of(c).sin_port);
    done_with(ov);
    close(&[c, a, l]);
}

#[test]
fn closing_the_listener_aborts_a_pending_acceptex() {
    startup();
    let (l, _) = listener();
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    let a = sock(AF_INET, SOCK_STREAM);
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, ROOM, ROOM, &mut *ov), (0, WSA_IO_PENDING));
    close(&[l]);
    let (ok, e, n) = result(l, &mut ov, 2000);
    assert_eq!((ok, e, n), (false, ERROR_OPERATION_ABORTED, 0));
    assert_eq!(ov.Internal, STATUS_CANCELLED as u32 as usize);
    done_with(ov);
    close(&[a]);
}

#[test]
fn closing_the_accept_socket_aborts_a_pending_acceptex() {
    startup();
    let (l, _) = listener();
    let mut buf = [0u8; 1024];
    let mut ov = ov_with_event();
    let a = sock(AF_INET, SOCK_STREAM);
    assert_eq!(call_accept_ex(l, a, &mut buf, 0, ROOM, ROOM, &mut *ov), (0, WSA_IO_PENDING));
    close(&[a]);
    let (ok, e, _) = result(l, &mut ov, 2000);
    assert_eq!((ok, e), (false, ERROR_OPERATION_ABORTED));
    done_with(ov);
    close(&[l]);
}

// ── ConnectEx ──

#[test]
fn connectex_validation_errors() {
    startup();
    let (l, at) = listener();
    let mut ov = ov_with_event();
    let mut n = 0u32;
    let to = (&at as *const SOCKADDR_IN).cast::<SOCKADDR>();
    // SAFETY: live address, OVERLAPPED and counters in every call.
    unsafe {
        // On a listening socket: WSAEINVAL; Internal reads STATUS_PENDING, InternalHigh untouched.
        ov.Internal = 0xdead_beef;
        ov.InternalHigh = 0xdead_beef;
        assert_eq!(connect_ex()(l, to, 16, null_mut(), 0, &mut n, &mut *ov), 0);
        assert_eq!(err(), WSAEINVAL);
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
        assert_eq!(ov.InternalHigh, 0xdead_beef);

        assert_eq!(connect_ex()(INVALID_SOCKET, to, 16, null_mut(), 0, &mut n, &mut *ov), 0);
        assert_eq!(err(), WSAENOTSOCK);

        // Unbound: WSAEINVAL.
        let c = sock(AF_INET, SOCK_STREAM);
        assert_eq!(connect_ex()(c, to, 16, null_mut(), 0, &mut n, &mut *ov), 0);
        assert_eq!(err(), WSAEINVAL);
        close(&[c]);

        // Bound, but no OVERLAPPED: ERROR_INVALID_PARAMETER.
        let c = bound_tcp();
        assert_eq!(connect_ex()(c, to, 16, null_mut(), 0, &mut n, null_mut()), 0);
        assert_eq!(err(), ERROR_INVALID_PARAMETER);
        close(&[c]);
    }
    done_with(ov);
    close(&[l]);
}

#[test]
fn connectex_sends_its_buffer_then_refuses_a_second_connection() {
    startup();
    let (l, at) = listener();
    let mut ov = ov_with_event();
    let mut n = 0u32;
    let to = (&at as *const SOCKADDR_IN).cast::<SOCKADDR>();
    let c = bound_tcp();
    let mut data = *b"123";
    // SAFETY: live address, buffer and OVERLAPPED until completion (we wait).
    unsafe {
        let r = connect_ex()(c, to, 16, data.as_mut_ptr(), 3, &mut n, &mut *ov);
        assert!(r == 0 && err() == WSA_IO_PENDING || r == 1, "ConnectEx: {r} {}", err());
    }
    assert_eq!(result(c, &mut ov, 5000), (true, 0xdead_beef, 3));
    // SAFETY: NULL address out-parameters are allowed.
    let a = unsafe { accept(l, null_mut(), null_mut()) };
    assert_ne!(a, INVALID_SOCKET);
    let mut got = [0u8; 3];
    // SAFETY: a live buffer.
    assert_eq!(unsafe { recv(a, got.as_mut_ptr(), 3, 0) }, 3);
    assert_eq!(&got, b"123");
    // Either end of a connection: WSAEISCONN, Internal STATUS_PENDING, InternalHigh untouched.
    for s in [c, a] {
        ov.Internal = 0xdead_beef;
        ov.InternalHigh = 0xdead_beef;
        // SAFETY: as above.
        let r = unsafe { connect_ex()(s, to, 16, null_mut(), 0, &mut n, &mut *ov) };
        assert_eq!((r, err()), (0, WSAEISCONN));
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
        assert_eq!(ov.InternalHigh, 0xdead_beef);
    }
    done_with(ov);
    close(&[c, a, l]);
}

#[test]
fn connectex_to_a_closed_port_completes_with_connection_refused() {
    startup();
    // A port nobody listens on: bind one, note it, close it.
    let (l, at) = listener();
    close(&[l]);
    let c = bound_tcp();
    let mut ov = ov_with_event();
    let mut n = 0u32;
    // SAFETY: live address and OVERLAPPED until completion (we wait).
    let r = unsafe { connect_ex()(c, (&at as *const SOCKADDR_IN).cast(), 16, null_mut(), 0, &mut n, &mut *ov) };
    assert_eq!((r, err()), (0, WSA_IO_PENDING));
    let (ok, e, _) = result(c, &mut ov, 5000);
    assert_eq!((ok, e), (false, ERROR_CONNECTION_REFUSED));
    done_with(ov);
    close(&[c]);
}

/// A listener whose backlog is full (backlog 0 and one unaccepted connection), so Linux
/// drops further SYNs and a connection to it stays in progress; and that first connection.
fn full_listener() -> (SOCKET, SOCKADDR_IN, SOCKET) {
    let l = bound_tcp();
    // SAFETY: plain values.
    assert_eq!(unsafe { listen(l, 0) }, 0);
    let at = local_of(l);
    let first = connect_to(&at);
    std::thread::sleep(std::time::Duration::from_millis(50));
    (l, at, first)
}

/// Starts a ConnectEx from a new bound socket to `at`; `None` when it completed at once
/// (the host accepted the SYN after all: nothing to observe).
fn start_connecting(at: &SOCKADDR_IN, ov: &mut OVERLAPPED) -> Option<SOCKET> {
    let c = bound_tcp();
    let mut n = 0u32;
    // SAFETY: live address and OVERLAPPED; the caller closes `c` (aborting it) before `ov` goes.
    unsafe {
        assert_eq!(connect_ex()(c, (at as *const SOCKADDR_IN).cast(), 16, null_mut(), 0, &mut n, ov), 0);
        assert_eq!(err(), WSA_IO_PENDING);
        if WaitForSingleObject(ov.hEvent, 100) == 0 {
            eprintln!("connection completed: the full-backlog trick did not hold");
            close(&[c]);
            return None;
        }
    }
    Some(c)
}

#[test]
fn a_connecting_socket_refuses_connectex_and_has_no_peer() {
    startup();
    let (l, at, first) = full_listener();
    let mut ov = ov_with_event();
    let mut ov2 = ov_with_event();
    if let Some(c) = start_connecting(&at, &mut ov) {
        let mut n = 0u32;
        // SAFETY: live address, OVERLAPPED and out-parameters.
        unsafe {
            let to = (&at as *const SOCKADDR_IN).cast::<SOCKADDR>();
            assert_eq!(connect_ex()(c, to, 16, null_mut(), 0, &mut n, &mut *ov2), 0);
            assert_eq!(err(), WSAEINVAL);
            let mut peer = SOCKADDR_IN::default();
            let mut len = 16;
            assert_eq!(getpeername(c, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len), SOCKET_ERROR);
            assert_eq!(err(), WSAENOTCONN);
        }
        // Closing it aborts the ConnectEx.
        close(&[c]);
        let (ok, e, _) = result(c, &mut ov, 2000);
        assert_eq!((ok, e), (false, ERROR_OPERATION_ABORTED));
    }
    done_with(ov);
    done_with(ov2);
    close(&[first, l]);
}

#[test]
fn send_and_recv_on_a_connecting_socket_are_not_connected() {
    startup();
    let (l, at, first) = full_listener();
    let mut ov = ov_with_event();
    if let Some(c) = start_connecting(&at, &mut ov) {
        // SAFETY: live buffers.
        unsafe {
            assert_eq!(send(c, b"x".as_ptr(), 1, 0), SOCKET_ERROR);
            assert_eq!(err(), WSAENOTCONN);
            let mut b = [0u8; 1];
            assert_eq!(recv(c, b.as_mut_ptr(), 1, 0), SOCKET_ERROR);
            assert_eq!(err(), WSAENOTCONN);
        }
        close(&[c]);
        let _ = result(c, &mut ov, 2000);
    }
    done_with(ov);
    close(&[first, l]);
}

// ── DisconnectEx ──

#[test]
fn disconnectex_validation() {
    startup();
    let mut ov = ov_with_event();
    let c = sock(AF_INET, SOCK_STREAM);
    // SAFETY: a live OVERLAPPED; every call fails before using it.
    unsafe {
        assert_eq!(disconnect_ex()(INVALID_SOCKET, &mut *ov, 0, 0), 0);
        assert_eq!(err(), WSAENOTSOCK);
        assert_eq!(disconnect_ex()(c, &mut *ov, 0, 0), 0);
        assert_eq!(err(), WSAENOTCONN);
        let (a, b) = pair();
        // Reserved must be 0; only TF_REUSE_SOCKET is a valid flag.
        assert_eq!(disconnect_ex()(a, null_mut(), 0, 1), 0);
        assert_eq!(err(), WSAEINVAL);
        assert_eq!(disconnect_ex()(a, null_mut(), TF_DISCONNECT | 0x100, 0), 0);
        assert_eq!(err(), WSAEINVAL);
        close(&[a, b]);
    }
    done_with(ov);
    close(&[c]);
}

/// After DisconnectEx (no reuse) the socket still counts as connected: `connect` gives
/// WSAEISCONN, `send` WSAESHUTDOWN, the peer sees EOF but can still send back, and both
/// addresses are still known.
fn check_half_closed(client: SOCKET, server: SOCKET, server_addr: &SOCKADDR_IN) {
    // SAFETY: live buffers and addresses.
    unsafe {
        assert_eq!(connect(client, (server_addr as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(err(), WSAEISCONN);
        assert_eq!(send(client, c"test".as_ptr().cast(), 5, 0), SOCKET_ERROR);
        assert_eq!(err(), WSAESHUTDOWN);
        let mut b = [0u8; 5];
        assert_eq!(recv(server, b.as_mut_ptr(), 5, 0), 0);
        assert_eq!(send(server, c"test".as_ptr().cast(), 5, 0), 5);
        assert_eq!(recv(client, b.as_mut_ptr(), 5, 0), 5);
        assert_eq!(&b, b"test\0");
        let mut peer = SOCKADDR_IN::default();
        let mut len = 16;
        assert_eq!(getpeername(client, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len), 0);
        assert_eq!(peer.sin_port, server_addr.sin_port);
    }
}

#[test]
fn disconnectex_overlapped_and_synchronous() {
    startup();
    let (l, at) = listener();
    let mut ov = ov_with_event();
    // SAFETY: live OVERLAPPED until completion (we wait).
    unsafe {
        let c = connect_to(&at);
        let s = accept(l, null_mut(), null_mut());
        assert_eq!(disconnect_ex()(c, &mut *ov, 0, 0), 0);
        assert_eq!(err(), WSA_IO_PENDING);
        assert_eq!(result(c, &mut ov, 1000), (true, 0xdead_beef, 0));
        check_half_closed(c, s, &at);
        close(&[c, s]);

        let c = connect_to(&at);
        let s = accept(l, null_mut(), null_mut());
        SetLastError(0xdead_beef);
        assert_eq!(disconnect_ex()(c, null_mut(), 0, 0), 1);
        assert_eq!(err(), 0);
        // A second synchronous DisconnectEx succeeds as well.
        assert_eq!(disconnect_ex()(c, null_mut(), 0, 0), 1);
        assert_eq!(err(), 0);
        check_half_closed(c, s, &at);
        close(&[c, s]);
    }
    done_with(ov);
    close(&[l]);
}

#[test]
fn disconnectex_reuse_socket_allows_connectex_and_acceptex_again() {
    startup();
    let (l, at) = listener();
    let mut ov = ov_with_event();
    let mut n = 0u32;
    let to = (&at as *const SOCKADDR_IN).cast::<SOCKADDR>();
    // SAFETY: live address, buffers and OVERLAPPED until completion (we wait).
    unsafe {
        // Reuse for ConnectEx.
        let c = connect_to(&at);
        let s = accept(l, null_mut(), null_mut());
        assert_eq!(disconnect_ex()(c, null_mut(), TF_REUSE_SOCKET, 0), 1);
        let a = any_loopback();
        assert_eq!(bind(c, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        let r = connect_ex()(c, to, 16, null_mut(), 0, &mut n, &mut *ov);
        assert!(r == 1 || err() == WSA_IO_PENDING, "ConnectEx after reuse: {}", err());
        assert!(result(c, &mut ov, 2000).0);
        let s2 = accept(l, null_mut(), null_mut());
        assert_ne!(s2, INVALID_SOCKET);
        close(&[s, s2]);

        // Reuse (the server side) for AcceptEx.
        let peer = connect_to(&at);
        let s = accept(l, null_mut(), null_mut());
        assert_eq!(disconnect_ex()(s, null_mut(), TF_REUSE_SOCKET, 0), 1);
        let mut buf = [0u8; 1024];
        assert_eq!(call_accept_ex(l, s, &mut buf, 0, ROOM, ROOM, &mut *ov), (0, WSA_IO_PENDING));
        let c2 = connect_to(&at);
        assert_eq!(result(l, &mut ov, 2000), (true, 0xdead_beef, 0));
        assert_eq!(send(c2, b"z".as_ptr(), 1, 0), 1);
        let mut b = [0u8; 1];
        assert_eq!(recv(s, b.as_mut_ptr(), 1, 0), 1);
        close(&[c, peer, s, c2]);
    }
    done_with(ov);
    close(&[l]);
}

// ── TransmitFile ──

#[test]
fn transmitfile_validation() {
    startup();
    let c = sock(AF_INET, SOCK_STREAM);
    let u = sock(AF_INET, SOCK_DGRAM);
    // SAFETY: NULL file, buffers and OVERLAPPED are allowed.
    unsafe {
        assert_eq!(transmit_file()(INVALID_SOCKET, null_mut(), 0, 0, null_mut(), null_mut(), 0), 0);
        assert_eq!(err(), WSAENOTSOCK);
        assert_eq!(transmit_file()(c, null_mut(), 0, 0, null_mut(), null_mut(), TF_REUSE_SOCKET), 0);
        assert_eq!(err(), WSAENOTCONN);
        assert_eq!(transmit_file()(u, null_mut(), 0, 0, null_mut(), null_mut(), 0), 0);
        assert_eq!(err(), WSAENOTCONN);
    }
    close(&[c, u]);
}

#[test]
fn transmitfile_without_a_file_sends_exactly_the_head_then_the_tail() {
    startup();
    let (c, s) = pair();
    set_nonblocking(s);
    let mut head = *b"hello world\0";
    let mut tail = *b"goodbye!!!\0";
    let mut got = [0u8; 256];
    // SAFETY: live buffers; the calls are synchronous.
    unsafe {
        // Nothing at all: success, nothing sent.
        assert_eq!(transmit_file()(c, null_mut(), 0, 0, null_mut(), null_mut(), 0), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(recv(s, got.as_mut_ptr(), 256, 0), SOCKET_ERROR);
        assert_eq!(err(), WSAEWOULDBLOCK);

        let mut tfb = TRANSMIT_FILE_BUFFERS {
            Head: head.as_mut_ptr().cast(),
            HeadLength: 12,
            Tail: tail.as_mut_ptr().cast(),
            TailLength: 11,
        };
        assert_eq!(transmit_file()(c, null_mut(), 0, 0, null_mut(), &mut tfb, 0), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(recv(s, got.as_mut_ptr(), 256, 0), 23);
        assert_eq!(&got[..12], &head);
        assert_eq!(&got[12..23], &tail);

        // Overlapped: pending, then the byte count of both buffers.
        let mut ov = ov_with_event();
        assert_eq!(transmit_file()(c, null_mut(), 0, 0, &mut *ov, &mut tfb, 0), 0);
        assert_eq!(err(), WSA_IO_PENDING);
        assert_eq!(result(c, &mut ov, 2000), (true, 0xdead_beef, 23));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(recv(s, got.as_mut_ptr(), 256, 0), 23);
        done_with(ov);

        // TF_DISCONNECT: the data, then the peer sees the end of the stream.
        assert_eq!(transmit_file()(c, null_mut(), 0, 0, null_mut(), &mut tfb, TF_DISCONNECT), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(recv(s, got.as_mut_ptr(), 256, 0), 23);
        assert_eq!(recv(s, got.as_mut_ptr(), 256, 0), 0);
    }
    close(&[c, s]);
}

// ── SIO_GET_EXTENSION_FUNCTION_POINTER ──

#[test]
fn extension_pointer_lookup_errors() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let (r, _, _) = util::extension(s, GUID::from_u128(0x1234));
    assert_eq!((r, err()), (SOCKET_ERROR, WSAEINVAL));
    for guid in [WSAID_ACCEPTEX, WSAID_CONNECTEX, WSAID_DISCONNECTEX, WSAID_TRANSMITFILE, WSAID_GETACCEPTEXSOCKADDRS] {
        let (r, f, n) = util::extension(s, guid);
        assert_eq!((r, n as usize), (0, size_of::<usize>()));
        assert_ne!(f, 0);
    }
    // An output buffer smaller than a pointer: WSAEFAULT.
    let guid = WSAID_ACCEPTEX;
    let mut f = 0usize;
    let mut n = 0u32;
    // SAFETY: GUID in, 4 writable bytes out.
    let r = unsafe {
        WSAIoctl(
            s,
            SIO_GET_EXTENSION_FUNCTION_POINTER,
            (&guid as *const GUID).cast_mut().cast(),
            16,
            (&mut f as *mut usize).cast(),
            4,
            &mut n,
            null_mut(),
            null_mut(),
        )
    };
    assert_eq!((r, err()), (SOCKET_ERROR, WSAEFAULT));
    close(&[s]);
}
