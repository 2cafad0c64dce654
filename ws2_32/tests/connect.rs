//! Connection helpers: `WSAAccept` with a condition function (accept, reject, defer),
//! `WSAConnect`, `WSAConnectByNameA/W`, `WSAConnectByList`, `WSASendDisconnect`,
//! `WSARecvDisconnect`.

use std::mem::size_of;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use translate::*;
use ws2_32::native::*;

mod util;
use util::startup;

fn v4(port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN::from(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
}

/// A listening loopback socket and its port.
fn listener() -> (SOCKET, u16) {
    listener_with_backlog(5)
}

/// A client connected to `port`, and its local port.
fn client(port: u16) -> (SOCKET, u16) {
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let to = v4(port);
        assert_eq!(connect(c, (&to as *const SOCKADDR_IN).cast(), 16), 0);
        let mut me = SOCKADDR_IN::default();
        let mut len = 16;
        assert_eq!(getsockname(c, (&mut me as *mut SOCKADDR_IN).cast(), &mut len), 0);
        (c, u16::from_be(me.sin_port))
    }
}

/// What the condition function saw: the caller's port, the callee's port, the callback data.
static SEEN: [AtomicI32; 3] = [AtomicI32::new(0), AtomicI32::new(0), AtomicI32::new(0)];

/// A condition function whose verdict is its callback data.
unsafe extern "C" fn condition(
    caller_id: *mut WSABUF,
    caller_data: *mut WSABUF,
    _sqos: *mut QOS,
    _gqos: *mut QOS,
    callee_id: *mut WSABUF,
    callee_data: *mut WSABUF,
    group: *mut GROUP,
    data: usize,
) -> i32 {
    // SAFETY: WSAAccept passes valid caller/callee ids and a group pointer.
    unsafe {
        assert!(caller_data.is_null() && callee_data.is_null());
        assert_eq!((*caller_id).len, 16);
        assert_eq!((*callee_id).len, 16);
        assert_eq!(*group, 0);
        let peer = &*(*caller_id).buf.cast::<SOCKADDR_IN>();
        let me = &*(*callee_id).buf.cast::<SOCKADDR_IN>();
        assert_eq!(peer.sin_family, AF_INET as u16);
        SEEN[0].store(i32::from(u16::from_be(peer.sin_port)), Ordering::SeqCst);
        SEEN[1].store(i32::from(u16::from_be(me.sin_port)), Ordering::SeqCst);
    }
    SEEN[2].store(data as i32, Ordering::SeqCst);
    data as i32
}

#[test]
fn wsa_accept_condition_accept_and_reject() {
    startup();
    let (l, port) = listener();
    let (c1, c1_port) = client(port);
    let mut peer = SOCKADDR_IN::default();
    let mut len = size_of::<SOCKADDR_IN>() as i32;
    // SAFETY: live locals; `condition` is a System V LPCONDITIONPROC.
    unsafe {
        let a = WSAAccept(l, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len, condition as *mut _, CF_ACCEPT as usize);
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(len, 16);
        assert_eq!(u16::from_be(peer.sin_port), c1_port);
        assert_eq!(SEEN[0].load(Ordering::SeqCst), i32::from(c1_port));
        assert_eq!(SEEN[1].load(Ordering::SeqCst), i32::from(port));
        assert_eq!(send(c1, b"hi".as_ptr(), 2, 0), 2);
        let mut buf = [0u8; 4];
        assert_eq!(recv(a, buf.as_mut_ptr(), 4, 0), 2);

        // Reject: the caller fails with WSAECONNREFUSED and the client sees the connection reset.
        let (c2, _) = client(port);
        let r = WSAAccept(l, null_mut(), null_mut(), condition as *mut _, CF_REJECT as usize);
        assert_eq!(r, INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSAECONNREFUSED);
        let mut fd = WSAPOLLFD { fd: c2, events: POLLRDNORM, revents: 0 };
        assert_eq!(WSAPoll(&mut fd, 1, 5000), 1);
        let n = recv(c2, buf.as_mut_ptr(), 4, 0);
        assert!(n == 0 || (n == SOCKET_ERROR && WSAGetLastError() == WSAECONNRESET), "recv -> {n}");

        // Without a condition function WSAAccept is accept.
        let (c3, c3_port) = client(port);
        let mut len = 16;
        let a3 = WSAAccept(l, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len, null_mut(), 0);
        assert_ne!(a3, INVALID_SOCKET);
        assert_eq!(u16::from_be(peer.sin_port), c3_port);

        // An address buffer too small fails before anything is accepted.
        let mut tiny = 4;
        let r = WSAAccept(l, (&mut peer as *mut SOCKADDR_IN).cast(), &mut tiny, null_mut(), 0);
        assert_eq!(r, INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSAEFAULT);

        for s in [a, a3, c1, c2, c3, l] {
            assert_eq!(closesocket(s), 0);
        }
    }
}

#[test]
fn wsa_accept_defer_keeps_the_connection_for_the_next_accept() {
    startup();
    let (l, port) = listener();
    let (c, c_port) = client(port);
    let mut peer = SOCKADDR_IN::default();
    // SAFETY: live locals; `condition` is a System V LPCONDITIONPROC.
    unsafe {
        let r = WSAAccept(l, null_mut(), null_mut(), condition as *mut _, CF_DEFER as usize);
        assert_eq!(r, INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSATRY_AGAIN);
        // The next WSAAccept is offered the same connection.
        let mut len = 16;
        let a = WSAAccept(l, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len, condition as *mut _, CF_ACCEPT as usize);
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(SEEN[0].load(Ordering::SeqCst), i32::from(c_port));
        assert_eq!(u16::from_be(peer.sin_port), c_port);
        assert_eq!(send(a, b"ok".as_ptr(), 2, 0), 2);
        let mut buf = [0u8; 4];
        assert_eq!(recv(c, buf.as_mut_ptr(), 4, 0), 2);
        for s in [a, c, l] {
            assert_eq!(closesocket(s), 0);
        }
    }
}

#[test]
fn plain_accept_takes_a_deferred_connection() {
    startup();
    let (l, port) = listener();
    let (c, c_port) = client(port);
    // SAFETY: live locals; `condition` is a System V LPCONDITIONPROC.
    unsafe {
        assert_eq!(WSAAccept(l, null_mut(), null_mut(), condition as *mut _, CF_DEFER as usize), INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSATRY_AGAIN);
    }
    // If accept ignored the deferred connection it would block: bound the wait.
    let (tx, rx) = std::sync::mpsc::channel();
    let t = std::thread::spawn(move || {
        let mut peer = SOCKADDR_IN::default();
        let mut len = 16;
        // SAFETY: live locals.
        let a = unsafe { accept(l, (&mut peer as *mut SOCKADDR_IN).cast(), &mut len) };
        let _ = tx.send((a, u16::from_be(peer.sin_port)));
    });
    let got = rx.recv_timeout(Duration::from_secs(3));
    // SAFETY: plain handle calls.
    unsafe {
        if got.is_err() {
            closesocket(l);
        }
        let _ = t.join();
        let (a, p) = got.expect("accept did not return the deferred connection");
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(p, c_port);
        for s in [a, c, l] {
            closesocket(s);
        }
    }
}

#[test]
fn connect_by_name_to_numeric_and_named_hosts() {
    startup();
    let (l, port) = listener();
    let service = format!("{port}\0");
    let tv = TIMEVAL { tv_sec: 5, tv_usec: 0 };
    // SAFETY: live locals of the stated sizes; NUL-terminated strings.
    unsafe {
        let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let mut local = SOCKADDR_IN::default();
        let mut remote = SOCKADDR_IN::default();
        let (mut llen, mut rlen) = (16u32, 16u32);
        let ok = WSAConnectByNameA(
            s,
            c"127.0.0.1".as_ptr(),
            service.as_ptr().cast(),
            &mut llen,
            (&mut local as *mut SOCKADDR_IN).cast(),
            &mut rlen,
            (&mut remote as *mut SOCKADDR_IN).cast(),
            &tv,
            null_mut(),
        );
        assert_eq!(ok, 1, "error {}", WSAGetLastError());
        assert_eq!((llen, rlen), (16, 16));
        assert_eq!(u16::from_be(remote.sin_port), port);
        assert_eq!(remote.sin_addr, v4(0).sin_addr);
        assert_ne!(u16::from_be(local.sin_port), 0);
        let mut peer = SOCKADDR_IN::default();
        let mut plen = 16;
        assert_eq!(getpeername(s, (&mut peer as *mut SOCKADDR_IN).cast(), &mut plen), 0);
        assert_eq!(u16::from_be(peer.sin_port), port);
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(send(s, b"x".as_ptr(), 1, 0), 1);
        // Already connected.
        let again = WSAConnectByNameA(
            s,
            c"127.0.0.1".as_ptr(),
            service.as_ptr().cast(),
            null_mut(),
            null_mut(),
            null_mut(),
            null_mut(),
            null(),
            null_mut(),
        );
        assert_eq!(again, 0);
        assert_eq!(WSAGetLastError(), WSAEISCONN);
        closesocket(a);
        closesocket(s);

        // "localhost" and a UTF-16 service, no output buffers, no timeout.
        let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let node: Vec<u16> = "localhost\0".encode_utf16().collect();
        let wservice: Vec<u16> = service.encode_utf16().collect();
        let ok = WSAConnectByNameW(
            s,
            node.as_ptr(),
            wservice.as_ptr(),
            null_mut(),
            null_mut(),
            null_mut(),
            null_mut(),
            null(),
            null_mut(),
        );
        assert_eq!(ok, 1, "error {}", WSAGetLastError());
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        closesocket(a);
        closesocket(s);

        // Bad arguments.
        let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assert_eq!(
            WSAConnectByNameA(
                s,
                null(),
                c"80".as_ptr(),
                null_mut(),
                null_mut(),
                null_mut(),
                null_mut(),
                null(),
                null_mut()
            ),
            0
        );
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        let mut ov = WSAOVERLAPPED::default();
        assert_eq!(
            WSAConnectByNameA(
                s,
                c"127.0.0.1".as_ptr(),
                c"80".as_ptr(),
                null_mut(),
                null_mut(),
                null_mut(),
                null_mut(),
                null(),
                &mut ov
            ),
            0
        );
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        closesocket(s);
        closesocket(l);
    }
}

#[test]
fn connect_by_name_refused_and_timeout() {
    startup();
    // Port 1 on loopback: nobody listens there, and no ephemeral port can self-connect to it.
    // SAFETY: live locals; NUL-terminated strings.
    unsafe {
        let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let tv = TIMEVAL { tv_sec: 2, tv_usec: 0 };
        let ok = WSAConnectByNameA(
            s,
            c"127.0.0.1".as_ptr(),
            c"1".as_ptr(),
            null_mut(),
            null_mut(),
            null_mut(),
            null_mut(),
            &tv,
            null_mut(),
        );
        assert_eq!(ok, 0);
        assert_eq!(WSAGetLastError(), WSAECONNREFUSED);
        closesocket(s);

        // A listener whose accept queue is full drops new SYNs: the timeout bounds the
        // attempt. Fill the queue with connections nobody accepts until one times out.
        let (l, port) = listener_with_backlog(0);
        let service = format!("{port}\0");
        let mut clients = Vec::new();
        let mut timed_out = false;
        for _ in 0..8 {
            let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            let tv = TIMEVAL { tv_sec: 0, tv_usec: 300_000 };
            let start = Instant::now();
            let ok = WSAConnectByNameA(
                s,
                c"127.0.0.1".as_ptr(),
                service.as_ptr().cast(),
                null_mut(),
                null_mut(),
                null_mut(),
                null_mut(),
                &tv,
                null_mut(),
            );
            clients.push(s);
            if ok == 0 {
                assert_eq!(WSAGetLastError(), WSAETIMEDOUT);
                let took = start.elapsed();
                assert!(took >= Duration::from_millis(250) && took < Duration::from_secs(3), "{took:?}");
                timed_out = true;
                break;
            }
        }
        assert!(timed_out);
        for s in clients {
            closesocket(s);
        }
        closesocket(l);
    }
}

/// A listening loopback socket with the given backlog, and its port.
fn listener_with_backlog(backlog: i32) -> (SOCKET, u16) {
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let a = v4(0);
        assert_eq!(bind(l, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(listen(l, backlog), 0);
        let mut b = SOCKADDR_IN::default();
        let mut len = 16;
        assert_eq!(getsockname(l, (&mut b as *mut SOCKADDR_IN).cast(), &mut len), 0);
        (l, u16::from_be(b.sin_port))
    }
}

#[test]
fn connect_by_list_tries_each_address() {
    startup();
    let (l, port) = listener();
    // Port 1 refuses; the listener answers.
    let mut addrs = [v4(1), v4(port)];
    #[repr(C)]
    struct List2 {
        count: i32,
        addrs: [SOCKET_ADDRESS; 2],
    }
    let mut list = List2 {
        count: 2,
        addrs: [
            SOCKET_ADDRESS { lpSockaddr: (&mut addrs[0] as *mut SOCKADDR_IN).cast(), iSockaddrLength: 16 },
            SOCKET_ADDRESS { lpSockaddr: (&mut addrs[1] as *mut SOCKADDR_IN).cast(), iSockaddrLength: 16 },
        ],
    };
    // SAFETY: `List2` has SOCKET_ADDRESS_LIST's layout with two entries; live locals.
    unsafe {
        let s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let mut remote = SOCKADDR_IN::default();
        let mut rlen = 16u32;
        let tv = TIMEVAL { tv_sec: 5, tv_usec: 0 };
        let list_ptr = (&mut list as *mut List2).cast::<SOCKET_ADDRESS_LIST>();
        let ok = WSAConnectByList(
            s,
            list_ptr,
            null_mut(),
            null_mut(),
            &mut rlen,
            (&mut remote as *mut SOCKADDR_IN).cast(),
            &tv,
            null_mut(),
        );
        assert_eq!(ok, 1, "error {}", WSAGetLastError());
        assert_eq!(u16::from_be(remote.sin_port), port);
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        assert_eq!(WSAConnectByList(s, null(), null_mut(), null_mut(), null_mut(), null_mut(), null(), null_mut()), 0);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        for h in [a, s, l] {
            closesocket(h);
        }
    }
}

#[test]
fn wsa_connect_and_disconnects() {
    startup();
    let (l, port) = listener();
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let to = v4(port);
        let mut callee = WSABUF { len: 99, buf: null_mut() };
        assert_eq!(WSAConnect(c, (&to as *const SOCKADDR_IN).cast(), 16, null(), &mut callee, null(), null()), 0);
        assert_eq!(callee.len, 0);
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);

        // WSASendDisconnect: the peer reads end of stream.
        assert_eq!(WSASendDisconnect(c, null()), 0);
        let mut buf = [0u8; 4];
        assert_eq!(recv(a, buf.as_mut_ptr(), 4, 0), 0);
        assert_eq!(send(c, b"x".as_ptr(), 1, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAESHUTDOWN);

        // WSARecvDisconnect: later receives fail with WSAESHUTDOWN; no data comes back.
        let mut data = WSABUF { len: 7, buf: null_mut() };
        assert_eq!(WSARecvDisconnect(a, &mut data), 0);
        assert_eq!(data.len, 0);
        assert_eq!(recv(a, buf.as_mut_ptr(), 4, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAESHUTDOWN);

        // Not connected.
        let u = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assert_eq!(WSASendDisconnect(u, null()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTCONN);
        for h in [a, c, u, l] {
            closesocket(h);
        }
    }
}
