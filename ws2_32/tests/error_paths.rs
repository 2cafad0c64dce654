//! Error paths across the exports, in their own process (this file is its own test binary
//! with a single test, so nothing else has called WSAStartup): every call before
//! `WSAStartup` fails with `WSANOTINITIALISED`; afterwards an unknown or closed handle gives
//! `WSAENOTSOCK` with outputs untouched, and NULL or short buffers give `WSAEFAULT`.

use std::ptr::{null, null_mut};

use translate::*;
use ws2_32::native::*;

/// Asserts `SOCKET_ERROR`-style failure with `err` as the last error.
macro_rules! fails {
    ($call:expr, $failed:expr, $err:expr) => {{
        WSASetLastError(0xdead);
        let r = $call;
        assert_eq!(r, $failed, "{} returned {:?}", stringify!($call), r);
        assert_eq!(WSAGetLastError(), $err, "{}: {:?}", stringify!($call), WsaError(WSAGetLastError()));
    }};
}

#[test]
fn error_paths_before_and_after_startup() {
    let bad: SOCKET = 0xdead0;
    let mut buf = [0u8; 64];
    let mut len: i32 = 64;
    let mut addr = SOCKADDR_IN { sin_family: AF_INET as u16, ..Default::default() };
    let a = (&mut addr as *mut SOCKADDR_IN).cast::<SOCKADDR>();
    let mut n = 0u32;
    let mut flags = 0u32;
    let wsabuf = WSABUF { len: 64, buf: buf.as_mut_ptr().cast() };
    // SAFETY: every pointer passed below is NULL or points to a live local of the stated size.
    unsafe {
        // ── before WSAStartup ──
        fails!(socket(AF_INET, SOCK_STREAM, 0), INVALID_SOCKET, WSANOTINITIALISED);
        fails!(WSASocketW(AF_INET, SOCK_STREAM, 0, null_mut(), 0, 0), INVALID_SOCKET, WSANOTINITIALISED);
        fails!(closesocket(bad), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(bind(bad, a, 16), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(listen(bad, 1), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(connect(bad, a, 16), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(accept(bad, null_mut(), null_mut()), INVALID_SOCKET, WSANOTINITIALISED);
        fails!(send(bad, buf.as_ptr(), 1, 0), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(recv(bad, buf.as_mut_ptr(), 1, 0), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(sendto(bad, buf.as_ptr(), 1, 0, a, 16), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(recvfrom(bad, buf.as_mut_ptr(), 1, 0, null_mut(), null_mut()), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(shutdown(bad, SD_BOTH), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(getsockname(bad, a, &mut len), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(getpeername(bad, a, &mut len), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(getsockopt(bad, SOL_SOCKET, SO_TYPE, buf.as_mut_ptr(), &mut len), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(setsockopt(bad, SOL_SOCKET, SO_KEEPALIVE, buf.as_ptr(), 4), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(ioctlsocket(bad, FIONBIO as i32, &mut n), SOCKET_ERROR, WSANOTINITIALISED);
        let mut set = FD_SET { fd_count: 1, ..Default::default() };
        set.fd_array[0] = bad;
        fails!(select(0, &mut set, null_mut(), null_mut(), null()), SOCKET_ERROR, WSANOTINITIALISED);
        let mut pfd = WSAPOLLFD { fd: bad, events: POLLRDNORM, revents: 0 };
        fails!(WSAPoll(&mut pfd, 1, 0), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(WSARecv(bad, &wsabuf, 1, &mut n, &mut flags, null_mut(), null_mut()), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(WSASend(bad, &wsabuf, 1, &mut n, 0, null_mut(), null_mut()), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(WSAEventSelect(bad, null_mut(), 0), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(gethostname(buf.as_mut_ptr().cast(), 64), SOCKET_ERROR, WSANOTINITIALISED);
        fails!(WSACleanup(), SOCKET_ERROR, WSANOTINITIALISED);

        // ── after WSAStartup ──
        let mut data = WSADATA::default();
        assert_eq!(WSAStartup(0x0202, &mut data), 0);
        assert_eq!(WSAStartup(0x0202, null_mut()), WSAEFAULT);
        assert_eq!(WSAStartup(0x0000, &mut data), WSAVERNOTSUPPORTED);
        fails!(closesocket(bad), SOCKET_ERROR, WSAENOTSOCK);
        fails!(closesocket(0), SOCKET_ERROR, WSAENOTSOCK);
        fails!(closesocket(INVALID_SOCKET), SOCKET_ERROR, WSAENOTSOCK);
        fails!(bind(bad, a, 16), SOCKET_ERROR, WSAENOTSOCK);
        fails!(listen(bad, 1), SOCKET_ERROR, WSAENOTSOCK);
        fails!(connect(bad, a, 16), SOCKET_ERROR, WSAENOTSOCK);
        fails!(accept(bad, null_mut(), null_mut()), INVALID_SOCKET, WSAENOTSOCK);
        fails!(send(bad, buf.as_ptr(), 1, 0), SOCKET_ERROR, WSAENOTSOCK);
        fails!(recv(bad, buf.as_mut_ptr(), 1, 0), SOCKET_ERROR, WSAENOTSOCK);
        fails!(shutdown(bad, SD_BOTH), SOCKET_ERROR, WSAENOTSOCK);
        len = 16;
        fails!(getsockname(bad, a, &mut len), SOCKET_ERROR, WSAENOTSOCK);
        assert_eq!(len, 16, "outputs untouched on WSAENOTSOCK");
        fails!(getpeername(bad, a, &mut len), SOCKET_ERROR, WSAENOTSOCK);
        len = 4;
        let mut v = 0x1234i32;
        fails!(getsockopt(bad, SOL_SOCKET, SO_TYPE, (&mut v as *mut i32).cast(), &mut len), SOCKET_ERROR, WSAENOTSOCK);
        assert_eq!(v, 0x1234);
        fails!(ioctlsocket(bad, FIONREAD as i32, &mut n), SOCKET_ERROR, WSAENOTSOCK);
        fails!(WSARecv(bad, &wsabuf, 1, &mut n, &mut flags, null_mut(), null_mut()), SOCKET_ERROR, WSAENOTSOCK);
        fails!(WSAEventSelect(bad, null_mut(), 0), SOCKET_ERROR, WSAENOTSOCK);
        fails!(WSAEnumNetworkEvents(bad, null_mut(), null_mut()), SOCKET_ERROR, WSAENOTSOCK);
        fails!(select(0, &mut set, null_mut(), null_mut(), null()), SOCKET_ERROR, WSAENOTSOCK);
        assert_eq!(set.fd_count, 1, "sets unchanged on WSAENOTSOCK");
        // WSAPoll: every entry invalid → WSAENOTSOCK; NULL with a count → WSAEFAULT; zero count → WSAEINVAL.
        fails!(WSAPoll(&mut pfd, 1, 0), SOCKET_ERROR, WSAENOTSOCK);
        fails!(WSAPoll(null_mut(), 1, 0), SOCKET_ERROR, WSAEFAULT);
        fails!(WSAPoll(null_mut(), 0, 0), SOCKET_ERROR, WSAEINVAL);

        // A closed socket is WSAENOTSOCK even when the kernel reuses its fd number.
        let s = socket(AF_INET, SOCK_DGRAM, 0);
        assert_ne!(s, INVALID_SOCKET);
        assert_eq!(closesocket(s), 0);
        let reused = socket(AF_INET, SOCK_DGRAM, 0);
        assert_ne!(reused, s, "handles are never reused");
        fails!(closesocket(s), SOCKET_ERROR, WSAENOTSOCK);

        // NULL and short buffers → WSAEFAULT.
        let t = socket(AF_INET, SOCK_STREAM, 0);
        fails!(bind(t, null(), 16), SOCKET_ERROR, WSAEFAULT);
        fails!(bind(t, a, 15), SOCKET_ERROR, WSAEFAULT);
        fails!(connect(t, null(), 16), SOCKET_ERROR, WSAEFAULT);
        fails!(send(reused, null(), 4, 0), SOCKET_ERROR, WSAEFAULT);
        fails!(recv(reused, buf.as_mut_ptr(), -1, 0), SOCKET_ERROR, WSAEFAULT);
        len = 16;
        let local = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
        assert_eq!(bind(t, (&local as *const SOCKADDR_IN).cast(), 16), 0);
        fails!(getsockname(t, null_mut(), &mut len), SOCKET_ERROR, WSAEFAULT);
        len = 8;
        fails!(getsockname(t, a, &mut len), SOCKET_ERROR, WSAEFAULT);
        assert_eq!(len, 8, "short namelen untouched");
        fails!(getsockopt(t, SOL_SOCKET, SO_TYPE, null_mut(), &mut len), SOCKET_ERROR, WSAEFAULT);
        fails!(WSARecv(t, null(), 1, &mut n, &mut flags, null_mut(), null_mut()), SOCKET_ERROR, WSAEINVAL);
        fails!(WSAEnumNetworkEvents(t, null_mut(), null_mut()), SOCKET_ERROR, WSAEFAULT);
        for s in [t, reused] {
            assert_eq!(closesocket(s), 0);
        }
        assert_eq!(WSACleanup(), 0);
        // The last cleanup closes what is left; a further one is WSANOTINITIALISED.
        assert_eq!(ws2_32::open_socket_count(), 0);
        fails!(WSACleanup(), SOCKET_ERROR, WSANOTINITIALISED);
    }
}
