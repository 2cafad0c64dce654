//! Setup shared by the integration tests (`mod util;` in each): Winsock startup and loopback
//! TCP sockets. Each test binary uses a subset, hence `dead_code` is allowed here.
#![allow(dead_code)]

use std::ptr::null_mut;

use translate::*;
use ws2_32::native::*;

/// `WSAStartup(2.2)`, which must succeed.
pub fn startup() {
    let mut data = WSADATA::default();
    // SAFETY: a valid WSADATA.
    assert_eq!(unsafe { WSAStartup(0x0202, &mut data) }, 0);
}

/// A listening loopback socket and its address.
pub fn listener() -> (SOCKET, SOCKADDR_IN) {
    // SAFETY: pointers to live locals of the stated sizes.
    unsafe {
        let l = socket(AF_INET, SOCK_STREAM, 0);
        assert_ne!(l, INVALID_SOCKET);
        let addr = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
        assert_eq!(bind(l, (&addr as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(listen(l, 16), 0);
        let mut bound = SOCKADDR_IN::default();
        let mut len = 16;
        assert_eq!(getsockname(l, (&mut bound as *mut SOCKADDR_IN).cast(), &mut len), 0);
        (l, bound)
    }
}

/// A new blocking TCP socket connected to `at`.
pub fn connect_to(at: &SOCKADDR_IN) -> SOCKET {
    // SAFETY: a live address of the stated size.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, 0);
        assert_ne!(c, INVALID_SOCKET);
        assert_eq!(connect(c, (at as *const SOCKADDR_IN).cast(), 16), 0);
        c
    }
}

/// A connected loopback TCP pair (client, server side); the listener is closed.
pub fn pair() -> (SOCKET, SOCKET) {
    let (l, at) = listener();
    let c = connect_to(&at);
    // SAFETY: NULL address out-parameters are allowed.
    let a = unsafe { accept(l, null_mut(), null_mut()) };
    assert_ne!(a, INVALID_SOCKET);
    close(&[l]);
    (c, a)
}

/// Closes each handle, ignoring the result.
pub fn close(handles: &[SOCKET]) {
    for &s in handles {
        // SAFETY: plain values; a stale handle only fails.
        unsafe { closesocket(s) };
    }
}
