//! End-to-end smoke test of the native face over loopback.

use std::mem::size_of;
use std::ptr::{null, null_mut};

use translate::*;
use ws2_32::native::*;

mod util;
use util::{pair, startup};

fn v4(port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, port))
}

#[test]
fn tcp_exchange_over_loopback() {
    startup();
    // SAFETY: all pointers below point to live locals of the stated sizes.
    unsafe {
        let l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assert_ne!(l, INVALID_SOCKET);
        assert_eq!(l % 4, 0);
        let addr = v4(0);
        assert_eq!(bind(l, (&addr as *const SOCKADDR_IN).cast(), size_of::<SOCKADDR_IN>() as i32), 0);
        assert_eq!(listen(l, SOMAXCONN), 0);
        let mut bound = SOCKADDR_IN::default();
        let mut len = size_of::<SOCKADDR_IN>() as i32;
        assert_eq!(getsockname(l, (&mut bound as *mut SOCKADDR_IN).cast(), &mut len), 0);
        assert_eq!(len, 16);
        let port = u16::from_be(bound.sin_port);
        assert_ne!(port, 0);

        let c = socket(AF_INET, SOCK_STREAM, 0);
        let to = v4(port);
        assert_eq!(connect(c, (&to as *const SOCKADDR_IN).cast(), 16), 0);
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);

        assert_eq!(send(c, b"hello".as_ptr(), 5, 0), 5);
        let mut buf = [0u8; 16];
        assert_eq!(recv(a, buf.as_mut_ptr(), 16, 0), 5);
        assert_eq!(&buf[..5], b"hello");

        // Non-blocking receive with nothing queued.
        let mut fds = WSAPOLLFD { fd: a, events: POLLRDNORM, revents: 0 };
        assert_eq!(WSAPoll(&mut fds, 1, 0), 0);
        assert_eq!(shutdown(c, SD_SEND), 0);
        assert_eq!(WSAPoll(&mut fds, 1, 1000), 1);
        assert_eq!(recv(a, buf.as_mut_ptr(), 16, 0), 0);
        assert_eq!(send(c, b"x".as_ptr(), 1, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAESHUTDOWN);

        for s in [a, c, l] {
            assert_eq!(closesocket(s), 0);
        }
        assert_eq!(closesocket(l), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        assert_eq!(recv(a, buf.as_mut_ptr(), 1, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        let _ = null::<u8>();
    }
}

#[test]
fn select_merges_duplicates_and_aliased_sets() {
    startup();
    // SAFETY: all pointers point to live locals of the stated sizes.
    unsafe {
        let (c, a) = pair();
        assert_eq!(send(c, b"x".as_ptr(), 1, 0), 1);

        // The same socket twice in the read set counts once; the set is rewritten in place.
        let mut set = FD_SET { fd_count: 3, ..Default::default() };
        set.fd_array[0] = a;
        set.fd_array[1] = a;
        set.fd_array[2] = c;
        let tv = TIMEVAL { tv_sec: 1, tv_usec: 0 };
        assert_eq!(select(0, &mut set, null_mut(), null_mut(), &tv), 1);
        assert_eq!((set.fd_count, set.fd_array[0]), (1, a));

        // Read and write sets aliasing one fd_set: inputs are read before outputs are written.
        let mut both = FD_SET { fd_count: 1, ..Default::default() };
        both.fd_array[0] = a;
        let p: *mut FD_SET = &mut both;
        assert_eq!(select(0, p, p, null_mut(), &tv), 2);

        // An unknown handle fails the whole call with WSAENOTSOCK.
        let mut bad = FD_SET { fd_count: 1, ..Default::default() };
        bad.fd_array[0] = 0xdead0;
        assert_eq!(select(0, &mut bad, null_mut(), null_mut(), &tv), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        // All sets NULL or empty: WSAEINVAL.
        assert_eq!(select(0, null_mut(), null_mut(), null_mut(), &tv), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        for s in [a, c] {
            closesocket(s);
        }
    }
}
