//! Conformance of address reuse, `bind`/`listen`/`getsockname`/`getpeername` argument
//! handling and option validity with Windows, as Wine's conformance tests (`dlls/ws2_32/tests/
//! sock.c`, run against real Windows) record it: `test_reuseaddr`, `test_ipv6only`,
//! `test_bind`, `test_listen`, `test_getsockname`. Expectations are Windows' answers,
//! including where Wine marks itself `todo_wine`.
//!
//! Every test takes its own port (an ephemeral one the host just handed out), because the
//! process-wide bind rules are what is being tested and tests run in parallel.

use std::mem::size_of;
use std::net::{Ipv4Addr, Ipv6Addr};

use translate::*;
use ws2_32::native::*;

mod util;
use util::{close_ok as close, err, sock, startup};

fn set_u32(s: SOCKET, level: i32, name: i32, v: u32) -> Result<(), i32> {
    // SAFETY: a live u32.
    let r = unsafe { setsockopt(s, level, name, (&v as *const u32).cast(), 4) };
    if r == 0 { Ok(()) } else { Err(err()) }
}

fn get_u32(s: SOCKET, level: i32, name: i32) -> Result<u32, i32> {
    let mut v: u32 = 0x1234;
    let mut len = 4i32;
    // SAFETY: a live u32 and its length.
    let r = unsafe { getsockopt(s, level, name, (&mut v as *mut u32).cast(), &mut len) };
    if r == 0 { Ok(if len == 1 { v & 0xff } else { v }) } else { Err(err()) }
}

/// A port free on the host right now.
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("ephemeral port");
    l.local_addr().expect("local addr").port()
}

/// The addresses a row binds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Addr {
    Any4,
    Lo4,
    Any6,
    Lo6,
    /// `::ffff:0.0.0.0`.
    Any6Mapped,
    /// `::ffff:127.0.0.1`.
    Lo6Mapped,
}

impl Addr {
    fn family(self) -> i32 {
        match self {
            Addr::Any4 | Addr::Lo4 => AF_INET,
            _ => AF_INET6,
        }
    }
}

/// A Windows sockaddr for `a` on `port`, as bytes and length.
fn win_addr(a: Addr, port: u16) -> ([u8; 28], i32) {
    let mut buf = [0u8; 28];
    let v6 = match a {
        Addr::Any4 | Addr::Lo4 => {
            let ip = if a == Addr::Any4 { Ipv4Addr::UNSPECIFIED } else { Ipv4Addr::LOCALHOST };
            buf[..2].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
            buf[2..4].copy_from_slice(&port.to_be_bytes());
            buf[4..8].copy_from_slice(&ip.octets());
            return (buf, 16);
        }
        Addr::Any6 => Ipv6Addr::UNSPECIFIED,
        Addr::Lo6 => Ipv6Addr::LOCALHOST,
        Addr::Any6Mapped => Ipv4Addr::UNSPECIFIED.to_ipv6_mapped(),
        Addr::Lo6Mapped => Ipv4Addr::LOCALHOST.to_ipv6_mapped(),
    };
    buf[..2].copy_from_slice(&(AF_INET6 as u16).to_ne_bytes());
    buf[2..4].copy_from_slice(&port.to_be_bytes());
    buf[8..24].copy_from_slice(&v6.octets());
    (buf, 28)
}

fn bind_to(s: SOCKET, a: Addr, port: u16) -> Result<(), i32> {
    let (buf, len) = win_addr(a, port);
    // SAFETY: `len` bytes of a live buffer.
    let r = unsafe { bind(s, buf.as_ptr().cast(), len) };
    if r == 0 { Ok(()) } else { Err(err()) }
}

fn listen_on(s: SOCKET) -> Result<(), i32> {
    // SAFETY: plain values.
    if unsafe { listen(s, 1) } == 0 { Ok(()) } else { Err(err()) }
}

fn connect_to(s: SOCKET, a: Addr, port: u16) -> Result<(), i32> {
    let (buf, len) = win_addr(a, port);
    // SAFETY: `len` bytes of a live buffer.
    let r = unsafe { connect(s, buf.as_ptr().cast(), len) };
    if r == 0 { Ok(()) } else { Err(err()) }
}

fn accept_on(s: SOCKET) -> Result<SOCKET, i32> {
    // SAFETY: NULL address arguments are allowed.
    let a = unsafe { accept(s, std::ptr::null_mut(), std::ptr::null_mut()) };
    if a == INVALID_SOCKET { Err(err()) } else { Ok(a) }
}

/// A TCP socket of `a`'s family; IPv6 ones are made dual-stack, as Wine's table does.
fn tcp_for(a: Addr, exclusive: bool) -> SOCKET {
    let s = sock(a.family(), SOCK_STREAM);
    if exclusive {
        assert_eq!(set_u32(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1), Ok(()));
    }
    if a.family() == AF_INET6 {
        assert_eq!(set_u32(s, IPPROTO_IPV6, IPV6_V6ONLY, 0), Ok(()));
    }
    s
}

/// One row of the exclusive-use table: (address, exclusive) of the first bind and of the
/// second, and Windows' answer to the second (0: success).
type Row = ((Addr, bool), (Addr, bool), i32);

/// `SO_EXCLUSIVEADDRUSE` between two binds of the same port: Wine's `tests_exclusive` table
/// of `test_reuseaddr` (first bind, second bind, Windows' answer for the second).
#[test]
fn exclusiveaddruse_matrix() {
    use Addr::*;
    const OK: i32 = 0;
    #[rustfmt::skip]
    let rows: [Row; 21] = [
        ((Any4, true), (Lo4, false), WSAEACCES),
        ((Any6, true), (Lo4, false), WSAEACCES),
        ((Any4, false), (Lo4, true), OK),
        ((Any4, true), (Lo4, true), WSAEACCES),
        ((Lo4, true), (Any4, false), OK),
        ((Lo4, false), (Any4, true), WSAEADDRINUSE),
        ((Lo4, false), (Any6, true), WSAEADDRINUSE),
        ((Lo6, false), (Any4, true), OK),
        ((Lo6, true), (Lo4, true), OK),
        ((Lo6Mapped, false), (Any4, true), WSAEADDRINUSE),
        ((Any6, true), (Any4, false), WSAEACCES),
        ((Any6, false), (Any4, true), OK),
        ((Any4, false), (Any4, true), WSAEADDRINUSE),
        ((Any4, false), (Any4, false), WSAEADDRINUSE),
        ((Any6, false), (Any4, false), OK),
        ((Any6Mapped, false), (Any4, false), WSAEADDRINUSE),
        ((Lo6Mapped, false), (Lo4, false), WSAEADDRINUSE),
        ((Lo4, false), (Lo6Mapped, false), WSAEADDRINUSE),
        ((Lo6, true), (Lo4, true), OK),
        ((Lo4, true), (Lo4, false), WSAEADDRINUSE),
        ((Lo4, false), (Lo4, true), WSAEADDRINUSE),
    ];
    startup();
    let mut failures = Vec::new();
    for (i, ((a0, x0), (a1, x1), want)) in rows.into_iter().enumerate() {
        let port = free_port();
        let s0 = tcp_for(a0, x0);
        let s1 = tcp_for(a1, x1);
        assert_eq!(bind_to(s0, a0, port), Ok(()), "row {i}: first bind");
        let got = bind_to(s1, a1, port).err().unwrap_or(OK);
        if got != want {
            failures.push(format!("row {i}: {a0:?}/{x0} then {a1:?}/{x1}: got {got}, Windows {want}"));
        }
        close(s0);
        close(s1);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `SO_REUSEADDR` on the second socket only: Windows refuses with `WSAEACCES`, not
/// `WSAEADDRINUSE` (`test_reuseaddr`).
#[test]
fn reuseaddr_on_second_socket_only_is_eacces() {
    startup();
    for (lo, af) in [(Addr::Lo4, "v4"), (Addr::Lo6, "v6")] {
        let port = free_port();
        let s1 = sock(lo.family(), SOCK_STREAM);
        assert_eq!(bind_to(s1, lo, port), Ok(()), "{af}");
        let s2 = sock(lo.family(), SOCK_STREAM);
        assert_eq!(set_u32(s2, SOL_SOCKET, SO_REUSEADDR, 1), Ok(()));
        assert_eq!(bind_to(s2, lo, port), Err(WSAEACCES), "{af}");
        close(s1);
        close(s2);
    }
}

/// `SO_REUSEADDR` on both: the second bind is refused until it sets the option too, and
/// defaults to off (`test_reuseaddr`).
#[test]
fn reuseaddr_on_both_sockets_shares_the_address() {
    startup();
    for lo in [Addr::Lo4, Addr::Lo6] {
        let port = free_port();
        let s1 = sock(lo.family(), SOCK_STREAM);
        assert_eq!(set_u32(s1, SOL_SOCKET, SO_REUSEADDR, 1), Ok(()));
        assert_eq!(bind_to(s1, lo, port), Ok(()));
        let s2 = sock(lo.family(), SOCK_STREAM);
        assert_eq!(get_u32(s2, SOL_SOCKET, SO_REUSEADDR), Ok(0));
        assert_eq!(bind_to(s2, lo, port), Err(WSAEADDRINUSE));
        assert_eq!(set_u32(s2, SOL_SOCKET, SO_REUSEADDR, 1), Ok(()));
        assert_eq!(bind_to(s2, lo, port), Ok(()));
        // The first to listen gets the connection.
        assert_eq!(listen_on(s1), Ok(()));
        let c = sock(lo.family(), SOCK_STREAM);
        assert_eq!(connect_to(c, lo, port), Ok(()));
        let a = accept_on(s1).expect("accept on the first listener");
        for s in [s1, s2, c, a] {
            close(s);
        }
    }
}

/// Two sockets bound to the same wildcard without reuse: `WSAEADDRINUSE` (`test_reuseaddr`).
#[test]
fn two_wildcard_binds_conflict() {
    startup();
    for any in [Addr::Any4, Addr::Any6] {
        let port = free_port();
        let s1 = sock(any.family(), SOCK_STREAM);
        let s2 = sock(any.family(), SOCK_STREAM);
        assert_eq!(bind_to(s1, any, port), Ok(()));
        assert_eq!(bind_to(s2, any, port), Err(WSAEADDRINUSE));
        close(s1);
        close(s2);
    }
}

/// Two reusing listeners on one address: Windows lets both listen (Wine: `todo_wine`); the
/// host refuses the second listen while the first listens.
#[test]
#[ignore = "differs from Windows: the host refuses a second listener on a shared address"]
fn reuseaddr_both_sockets_listen() {
    startup();
    let port = free_port();
    let s1 = sock(AF_INET, SOCK_STREAM);
    let s2 = sock(AF_INET, SOCK_STREAM);
    for s in [s1, s2] {
        assert_eq!(set_u32(s, SOL_SOCKET, SO_REUSEADDR, 1), Ok(()));
        assert_eq!(bind_to(s, Addr::Lo4, port), Ok(()));
    }
    assert_eq!(listen_on(s1), Ok(()));
    assert_eq!(listen_on(s2), Ok(()));
    close(s1);
    close(s2);
}

/// A specific address beside a listening wildcard (either order), without reuse options:
/// Windows binds and listens both, and gives a loopback connection to the loopback
/// listener (`test_reuseaddr`; Wine: `todo_wine`).
#[test]
fn specific_beside_listening_wildcard() {
    startup();
    for (first, second) in [(Addr::Any4, Addr::Lo4), (Addr::Lo4, Addr::Any4), (Addr::Any6, Addr::Lo6)] {
        let port = free_port();
        let s1 = sock(first.family(), SOCK_STREAM);
        assert_eq!(bind_to(s1, first, port), Ok(()));
        assert_eq!(listen_on(s1), Ok(()));
        let s2 = sock(second.family(), SOCK_STREAM);
        assert_eq!(bind_to(s2, second, port), Ok(()), "{first:?} then {second:?}");
        assert_eq!(listen_on(s2), Ok(()), "{first:?} then {second:?}");
        let lo = if first == Addr::Any4 || first == Addr::Any6 { second } else { first };
        let (specific, wildcard) = if lo == first { (s1, s2) } else { (s2, s1) };
        let c = sock(lo.family(), SOCK_STREAM);
        assert_eq!(connect_to(c, lo, port), Ok(()));
        for l in [specific, wildcard] {
            let mut on: u32 = 1;
            // SAFETY: a live u32.
            assert_eq!(unsafe { ioctlsocket(l, FIONBIO as i32, &mut on) }, 0);
        }
        let a = accept_on(specific).expect("the specific listener gets the connection");
        assert_eq!(accept_on(wildcard), Err(WSAEWOULDBLOCK));
        for s in [s1, s2, c, a] {
            close(s);
        }
    }
}

/// A specific address beside a bound (not listening) wildcard, either order, without any
/// reuse option: Windows allows it (`test_reuseaddr`, `tests_exclusive`).
#[test]
fn specific_beside_bound_wildcard() {
    startup();
    for (first, second) in [(Addr::Any4, Addr::Lo4), (Addr::Lo4, Addr::Any4), (Addr::Any6, Addr::Lo6)] {
        let port = free_port();
        let s1 = sock(first.family(), SOCK_STREAM);
        let s2 = sock(second.family(), SOCK_STREAM);
        assert_eq!(bind_to(s1, first, port), Ok(()));
        assert_eq!(bind_to(s2, second, port), Ok(()), "{first:?} then {second:?}");
        close(s1);
        close(s2);
    }
}

/// A closed socket's bind is forgotten: the address is free again at once.
#[test]
fn close_releases_the_address() {
    startup();
    let port = free_port();
    let s1 = sock(AF_INET, SOCK_STREAM);
    assert_eq!(set_u32(s1, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1), Ok(()));
    assert_eq!(bind_to(s1, Addr::Any4, port), Ok(()));
    close(s1);
    let s2 = sock(AF_INET, SOCK_STREAM);
    assert_eq!(bind_to(s2, Addr::Lo4, port), Ok(()));
    close(s2);
}

/// A v6-only socket (the Windows default) and an IPv4 one never meet on a port; a
/// dual-stack wildcard does meet the IPv4 wildcard when exclusive (`test_reuseaddr`).
#[test]
fn v6only_default_keeps_families_apart() {
    startup();
    let port = free_port();
    let s6 = sock(AF_INET6, SOCK_STREAM);
    assert_eq!(get_u32(s6, IPPROTO_IPV6, IPV6_V6ONLY), Ok(1));
    assert_eq!(set_u32(s6, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1), Ok(()));
    assert_eq!(bind_to(s6, Addr::Any6, port), Ok(()));
    let s4 = sock(AF_INET, SOCK_STREAM);
    assert_eq!(bind_to(s4, Addr::Any4, port), Ok(()));
    close(s6);
    close(s4);
}

fn set_last_error(e: i32) {
    // SAFETY: plain value.
    unsafe { WSASetLastError(e) };
}

fn sockaddr_in(ip: Ipv4Addr, port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN::from(std::net::SocketAddrV4::new(ip, port))
}

/// `getsockname` (Wine's `test_getsockname`): unbound → `WSAEINVAL` with the buffer
/// untouched; bound → success with last error 0, a real port and `sin_zero` cleared; a short
/// length → `WSAEFAULT` with the length untouched.
#[test]
fn getsockname_rules() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let mut out = [0xabu8; 16];
    let mut len = 16i32;
    set_last_error(0x0dea_dbee);
    // SAFETY: `len` bytes of a live buffer.
    unsafe {
        assert_eq!(getsockname(s, out.as_mut_ptr().cast(), &mut len), SOCKET_ERROR);
        assert_eq!(err(), WSAEINVAL);
        assert_eq!((out, len), ([0xab; 16], 16));
        let a = sockaddr_in(Ipv4Addr::UNSPECIFIED, 0);
        assert_eq!(bind(s, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        set_last_error(0x0dea_dbee);
        assert_eq!(getsockname(s, out.as_mut_ptr().cast(), &mut len), 0);
        assert_eq!(err(), 0);
        assert_eq!(len, 16);
        assert_eq!(u16::from_ne_bytes([out[0], out[1]]), AF_INET as u16);
        assert_ne!(u16::from_be_bytes([out[2], out[3]]), 0);
        assert_eq!(&out[4..8], &[0; 4]);
        assert_eq!(&out[8..16], &[0; 8], "sin_zero cleared");
        let mut short = 15;
        assert_eq!(getsockname(s, out.as_mut_ptr().cast(), &mut short), SOCKET_ERROR);
        assert_eq!((err(), short), (WSAEFAULT, 15));
        assert_eq!(getsockname(s, std::ptr::null_mut(), &mut len), SOCKET_ERROR);
        assert_eq!(err(), WSAEFAULT);
    }
    close(s);
    // The same address comes back for a UDP bind to a specific address.
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(bind_to(u, Addr::Lo4, 0), Ok(()));
    let mut len = 16i32;
    // SAFETY: `len` bytes of a live buffer.
    assert_eq!(unsafe { getsockname(u, out.as_mut_ptr().cast(), &mut len) }, 0);
    assert_eq!(&out[4..8], &[127, 0, 0, 1]);
    close(u);
}

/// `getpeername` (the Wine test suite's `test_getpeername`): a bad socket is
/// `WSAENOTSOCK` even with NULL buffers; an unconnected socket `WSAENOTCONN`; `sendto` does
/// not connect a UDP socket; a short buffer is `WSAEFAULT`; the answer is the address
/// connected to.
#[test]
fn getpeername_rules() {
    startup();
    // SAFETY: NULL buffers and live locals.
    unsafe {
        assert_eq!(getpeername(INVALID_SOCKET, std::ptr::null_mut(), std::ptr::null_mut()), SOCKET_ERROR);
        assert_eq!(err(), WSAENOTSOCK);
    }
    let t = sock(AF_INET, SOCK_STREAM);
    let mut out = [0u8; 16];
    let mut len = 16i32;
    // SAFETY: `len` bytes of a live buffer.
    unsafe {
        assert_eq!(getpeername(t, out.as_mut_ptr().cast(), &mut len), SOCKET_ERROR);
        assert_eq!(err(), WSAENOTCONN);
    }
    let u = sock(AF_INET, SOCK_DGRAM);
    let dst = sockaddr_in(Ipv4Addr::LOCALHOST, free_port());
    // SAFETY: live buffers of the stated sizes.
    unsafe {
        assert_eq!(sendto(u, b"x".as_ptr(), 1, 0, (&dst as *const SOCKADDR_IN).cast(), 16), 1);
        assert_eq!(getpeername(u, out.as_mut_ptr().cast(), &mut len), SOCKET_ERROR);
        assert_eq!(err(), WSAENOTCONN);
    }
    close(u);
    // Connected: short buffer, then the connect address.
    let port = free_port();
    let l = sock(AF_INET, SOCK_STREAM);
    assert_eq!(bind_to(l, Addr::Lo4, port), Ok(()));
    assert_eq!(listen_on(l), Ok(()));
    assert_eq!(connect_to(t, Addr::Lo4, port), Ok(()));
    let (want, _) = win_addr(Addr::Lo4, port);
    // SAFETY: `len` bytes of a live buffer.
    unsafe {
        let mut short = 15;
        assert_eq!(getpeername(t, out.as_mut_ptr().cast(), &mut short), SOCKET_ERROR);
        assert_eq!((err(), short), (WSAEFAULT, 15));
        assert_eq!(getpeername(t, out.as_mut_ptr().cast(), &mut len), 0);
    }
    assert_eq!((&out[..], len), (&want[..16], 16));
    let a = accept_on(l).expect("accept");
    for s in [a, t, l] {
        close(s);
    }
}

/// `listen` (the Wine test suite's `test_listen`): bad socket `WSAENOTSOCK`, UDP
/// `WSAEOPNOTSUPP`, unbound `WSAEINVAL`; `SO_ACCEPTCONN` follows; a second socket cannot
/// take a listening port (`WSAEADDRINUSE`) and then cannot listen (`WSAEINVAL`); listening
/// again is allowed.
#[test]
fn listen_rules() {
    startup();
    assert_eq!(listen_on(INVALID_SOCKET), Err(WSAENOTSOCK));
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(listen_on(u), Err(WSAEOPNOTSUPP));
    close(u);
    let t = sock(AF_INET, SOCK_STREAM);
    assert_eq!(listen_on(t), Err(WSAEINVAL));
    assert_eq!(get_u32(t, SOL_SOCKET, SO_ACCEPTCONN), Ok(0));
    let port = free_port();
    assert_eq!(bind_to(t, Addr::Lo4, port), Ok(()));
    assert_eq!(listen_on(t), Ok(()));
    assert_eq!(get_u32(t, SOL_SOCKET, SO_ACCEPTCONN), Ok(1));
    assert_eq!(listen_on(t), Ok(()), "listen twice");
    let t2 = sock(AF_INET, SOCK_STREAM);
    assert_eq!(bind_to(t2, Addr::Lo4, port), Err(WSAEADDRINUSE));
    assert_eq!(listen_on(t2), Err(WSAEINVAL));
    close(t2);
    close(t);
}

/// `bind` argument checks (the Wine test suite's `test_bind`): bad socket first, then NULL
/// or short addresses `WSAEFAULT`, a foreign family `WSAEAFNOSUPPORT`, an address not of this
/// host `WSAEADDRNOTAVAIL`, binding twice `WSAEINVAL`, a taken address `WSAEADDRINUSE`.
#[test]
fn bind_rules() {
    startup();
    let a = sockaddr_in(Ipv4Addr::LOCALHOST, 0);
    // SAFETY: live buffers of the stated sizes, or NULL.
    unsafe {
        assert_eq!(bind(INVALID_SOCKET, std::ptr::null(), 0), SOCKET_ERROR);
        assert_eq!(err(), WSAENOTSOCK);
        let s = sock(AF_INET, SOCK_STREAM);
        assert_eq!(bind(s, std::ptr::null(), 16), SOCKET_ERROR);
        assert_eq!(err(), WSAEFAULT);
        assert_eq!(bind(s, (&a as *const SOCKADDR_IN).cast(), 15), SOCKET_ERROR);
        assert_eq!(err(), WSAEFAULT);
        let (v6, _) = win_addr(Addr::Lo6, 0);
        assert_eq!(bind(s, v6.as_ptr().cast(), 28), SOCKET_ERROR);
        assert_eq!(err(), WSAEAFNOSUPPORT);
        let foreign = sockaddr_in(Ipv4Addr::new(192, 0, 2, 1), 0);
        assert_eq!(bind(s, (&foreign as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(err(), WSAEADDRNOTAVAIL);
        assert_eq!(bind(s, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(bind(s, (&a as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(err(), WSAEINVAL);
        let mut got = sockaddr_in(Ipv4Addr::UNSPECIFIED, 0);
        let mut len = 16;
        assert_eq!(getsockname(s, (&mut got as *mut SOCKADDR_IN).cast(), &mut len), 0);
        assert_eq!(listen(s, 1), 0);
        let s2 = sock(AF_INET, SOCK_STREAM);
        assert_eq!(bind(s2, (&got as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(err(), WSAEADDRINUSE);
        close(s2);
        close(s);
    }
}

/// `SO_TYPE` cannot be set: `WSAEINVAL` on a UDP socket, `WSAENOPROTOOPT` on a TCP one
/// (Wine's `test_WSASocket`; Wine: `todo_wine` for UDP).
#[test]
fn so_type_is_read_only() {
    startup();
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(set_u32(u, SOL_SOCKET, SO_TYPE, SOCK_STREAM as u32), Err(WSAEINVAL));
    assert_eq!(set_u32(u, SOL_SOCKET, SO_TYPE, SOCK_DGRAM as u32), Err(WSAEINVAL));
    close(u);
    let t = sock(AF_INET, SOCK_STREAM);
    assert_eq!(set_u32(t, SOL_SOCKET, SO_TYPE, SOCK_STREAM as u32), Err(WSAENOPROTOOPT));
    assert_eq!(set_u32(t, SOL_SOCKET, SO_TYPE, SOCK_DGRAM as u32), Err(WSAENOPROTOOPT));
    close(t);
}

/// `IP_DONTFRAGMENT` (and the IPv6 level's same option number): off by default on UDP, on
/// by default on TCP (Vista and later), settable both ways (Wine's `test_set_getsockopt`).
#[test]
fn dontfragment_defaults() {
    startup();
    for (af, level) in [(AF_INET, IPPROTO_IP), (AF_INET6, IPPROTO_IPV6)] {
        let u = sock(af, SOCK_DGRAM);
        assert_eq!(get_u32(u, level, IP_DONTFRAGMENT), Ok(0), "udp af {af}");
        assert_eq!(set_u32(u, level, IP_DONTFRAGMENT, 1), Ok(()));
        assert_eq!(get_u32(u, level, IP_DONTFRAGMENT), Ok(1));
        close(u);
        let t = sock(af, SOCK_STREAM);
        assert_eq!(get_u32(t, level, IP_DONTFRAGMENT), Ok(1), "tcp af {af}");
        assert_eq!(set_u32(t, level, IP_DONTFRAGMENT, 0), Ok(()));
        assert_eq!(get_u32(t, level, IP_DONTFRAGMENT), Ok(0));
        close(t);
    }
}

/// `SO_PROTOCOL_INFOA` into a buffer larger than the structure succeeds and leaves the
/// length as passed (Wine's `test_set_getsockopt`).
#[test]
fn protocol_info_large_buffer_keeps_length() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let mut buf = vec![0u8; 2 * size_of::<WSAPROTOCOL_INFOA>()];
    let mut len = buf.len() as i32;
    // SAFETY: `len` bytes of a live buffer.
    assert_eq!(unsafe { getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, buf.as_mut_ptr(), &mut len) }, 0);
    assert_eq!(len as usize, 2 * size_of::<WSAPROTOCOL_INFOA>());
    close(s);
}
