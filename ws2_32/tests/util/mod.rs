//! Setup shared by the integration tests (`mod util;` in each): Winsock startup, sockets,
//! loopback TCP pairs, extension-function lookup. Each test binary uses a subset, hence `dead_code` is allowed here.
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

/// A new socket of `af` and `ty` (protocol 0), which must be created.
pub fn sock(af: i32, ty: i32) -> SOCKET {
    // SAFETY: plain values.
    let s = unsafe { socket(af, ty, 0) };
    assert_ne!(s, INVALID_SOCKET);
    s
}

/// The calling thread's last Winsock error.
pub fn err() -> i32 {
    // SAFETY: no arguments.
    unsafe { WSAGetLastError() }
}

/// Makes `s` non-blocking (`FIONBIO`), which must succeed.
pub fn set_nonblocking(s: SOCKET) {
    let mut on = 1u32;
    // SAFETY: a live u32.
    assert_eq!(unsafe { ioctlsocket(s, FIONBIO as i32, &mut on) }, 0);
}

/// Closes `s`, which must succeed.
pub fn close_ok(s: SOCKET) {
    // SAFETY: plain value.
    assert_eq!(unsafe { closesocket(s) }, 0);
}

/// `WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)` for `guid` on `s`: the result, the pointer
/// and the byte count returned.
pub fn extension(s: SOCKET, guid: GUID) -> (i32, usize, u32) {
    let mut f: usize = 0;
    let mut n = 0u32;
    // SAFETY: GUID in, pointer out, as SIO_GET_EXTENSION_FUNCTION_POINTER documents.
    let r = unsafe {
        WSAIoctl(
            s,
            SIO_GET_EXTENSION_FUNCTION_POINTER,
            (&guid as *const GUID).cast_mut().cast(),
            16,
            (&mut f as *mut usize).cast(),
            8,
            &mut n,
            null_mut(),
            null_mut(),
        )
    };
    (r, f, n)
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
    close_ok(l);
    (c, a)
}

/// Closes each handle, ignoring the result.
pub fn close(handles: &[SOCKET]) {
    for &s in handles {
        // SAFETY: plain values; a stale handle only fails.
        unsafe { closesocket(s) };
    }
}
