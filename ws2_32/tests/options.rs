//! `getsockopt`/`setsockopt`: round trips through the host, emulated options, and the
//! Windows error codes for bad levels, options and lengths (Wine's `test_set_getsockopt`,
//! `test_optsize` table and `test_extendedSocketOptions`, run on Windows, as the
//! specification).

// Windows programs pass small integers as pointers; these tests check they fail cleanly.
#![allow(clippy::manual_dangling_ptr)]

use std::mem::size_of;
use std::ptr::{null, null_mut};
use std::time::{Duration, Instant};

use translate::*;
use ws2_32::native::*;

mod util;
use util::{close_ok as close, sock, startup};

fn set_u32(s: SOCKET, level: i32, name: i32, v: u32) -> Result<(), i32> {
    // SAFETY: a live u32.
    let r = unsafe { setsockopt(s, level, name, (&v as *const u32).cast(), 4) };
    // SAFETY: no arguments.
    if r == 0 { Ok(()) } else { Err(unsafe { WSAGetLastError() }) }
}

/// Reads an option into a 4-byte buffer pre-filled with 0xdeadbeef; returns (value, optlen).
fn get_u32(s: SOCKET, level: i32, name: i32) -> Result<(u32, i32), i32> {
    let mut v: u32 = 0xdead_beef;
    let mut len = 4i32;
    // SAFETY: a live u32 and its length.
    let r = unsafe { getsockopt(s, level, name, (&mut v as *mut u32).cast(), &mut len) };
    // SAFETY: no arguments.
    if r == 0 { Ok((v, len)) } else { Err(unsafe { WSAGetLastError() }) }
}

fn get_val(s: SOCKET, level: i32, name: i32) -> u32 {
    let (v, len) = get_u32(s, level, name).unwrap_or_else(|e| panic!("getsockopt({level}, {name}) failed: {e}"));
    if len == 1 { v & 0xff } else { v }
}

/// socket2-style round trips: set each value, read it back (as Windows normalises it).
macro_rules! test {
    ($name:ident, $af:expr, $ty:expr, $level:expr, $opt:expr, [$($set:expr => $want:expr),+ $(,)?]) => {
        #[test]
        fn $name() {
            startup();
            let s = sock($af, $ty);
            $(
                set_u32(s, $level, $opt, $set).unwrap_or_else(|e| panic!("set {} = {}: {e}", stringify!($opt), $set));
                assert_eq!(get_val(s, $level, $opt), $want, "{} after setting {}", stringify!($opt), $set);
            )+
            close(s);
        }
    };
}

test!(so_broadcast_v4_udp, AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, [1 => 1, 0 => 0, 7 => 1]);
test!(so_broadcast_v6_udp, AF_INET6, SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, [1 => 1, 0 => 0]);
test!(so_keepalive_v4, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, [1 => 1, 0 => 0]);
test!(so_keepalive_v6, AF_INET6, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, [1 => 1, 0 => 0]);
test!(so_oobinline_v4, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_OOBINLINE, [1 => 1, 0 => 0]);
test!(so_reuseaddr_v4, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, [1 => 1, 0 => 0]);
test!(so_reuseaddr_udp, AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR, [1 => 1, 0 => 0]);
test!(so_exclusiveaddruse, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, [1 => 1, 0 => 0]);
test!(so_sndbuf_answers_what_was_set, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_SNDBUF, [4096 => 4096, 0 => 0]);
test!(so_rcvbuf_answers_what_was_set, AF_INET6, SOCK_STREAM, SOL_SOCKET, SO_RCVBUF, [4096 => 4096, 0 => 0]);
test!(so_rcvtimeo, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_RCVTIMEO, [63000 => 63000, 0 => 0, 1 => 1]);
test!(so_sndtimeo, AF_INET6, SOCK_DGRAM, SOL_SOCKET, SO_SNDTIMEO, [997000 => 997000, 0 => 0]);
test!(so_debug, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DEBUG, [1 => 1, 0 => 0]);
test!(so_dontroute, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DONTROUTE, [1 => 1, 0 => 0]);
test!(so_conditional_accept, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_CONDITIONAL_ACCEPT, [1 => 1, 0 => 0]);
test!(so_dontlinger, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DONTLINGER, [0 => 0, 1 => 1]);
test!(tcp_nodelay_v4, AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_NODELAY, [1 => 1, 0 => 0, 0x100 => 0]);
test!(tcp_nodelay_v6, AF_INET6, SOCK_STREAM, IPPROTO_TCP, TCP_NODELAY, [1 => 1, 0 => 0]);
test!(tcp_keepalive_secs, AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPALIVE, [3600 => 3600, 10 => 10]);
test!(tcp_keepcnt, AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPCNT, [5 => 5]);
test!(tcp_keepintvl, AF_INET6, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPINTVL, [5 => 5]);
test!(ip_ttl_tcp, AF_INET, SOCK_STREAM, IPPROTO_IP, IP_TTL, [33 => 33, 128 => 128]);
test!(ip_ttl_udp, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TTL, [1 => 1, 255 => 255]);
test!(ip_tos, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TOS, [0x10 => 0x10, 0 => 0]);
test!(ip_multicast_ttl, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_MULTICAST_TTL, [10 => 10, 1 => 1]);
test!(ip_multicast_loop, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_MULTICAST_LOOP, [0 => 0, 1 => 1]);
test!(ip_pktinfo, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_PKTINFO, [1 => 1, 0 => 0]);
test!(ip_recvttl, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_RECVTTL, [1 => 1, 0 => 0]);
test!(ip_recvtos, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_RECVTOS, [1 => 1, 0 => 0]);
test!(ip_dontfragment_udp, AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_DONTFRAGMENT, [1 => 1, 0xdead => 1, 0 => 0]);
test!(ipv6_unicast_hops, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_UNICAST_HOPS, [7 => 7, 64 => 64]);
test!(ipv6_multicast_hops, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, [3 => 3]);
test!(ipv6_multicast_loop, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, [0 => 0, 1 => 1]);
test!(ipv6_pktinfo, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_PKTINFO, [1 => 1, 0 => 0]);
test!(ipv6_hoplimit, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_HOPLIMIT, [1 => 1, 0 => 0]);
test!(ipv6_recvtclass, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_RECVTCLASS, [1 => 1, 0 => 0]);
test!(ipv6_v6only_tcp, AF_INET6, SOCK_STREAM, IPPROTO_IPV6, IPV6_V6ONLY, [0 => 0, 1 => 1]);
test!(ipv6_dontfrag, AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_DONTFRAG, [1 => 1, 0 => 0]);

#[test]
fn ipv6_sockets_default_to_v6only() {
    startup();
    let s = sock(AF_INET6, SOCK_DGRAM);
    assert_eq!(get_u32(s, IPPROTO_IPV6, IPV6_V6ONLY).map(|(v, l)| (v & 0xff, l)), Ok((1, 1)));
    close(s);
}

#[test]
fn linger_round_trips_as_two_u_shorts() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    for (onoff, secs) in [(0u16, 0u16), (1, 0), (5, 189)] {
        let l = LINGER { l_onoff: onoff, l_linger: secs };
        // SAFETY: a live LINGER.
        assert_eq!(unsafe { setsockopt(s, SOL_SOCKET, SO_LINGER, (&l as *const LINGER).cast(), 4) }, 0);
        let mut got = LINGER { l_onoff: 0xaaaa, l_linger: 0xbbbb };
        let mut len = 4;
        // SAFETY: a live LINGER and its length.
        assert_eq!(unsafe { getsockopt(s, SOL_SOCKET, SO_LINGER, (&mut got as *mut LINGER).cast(), &mut len) }, 0);
        assert_eq!(len, 4);
        assert_eq!(got.l_onoff != 0, onoff != 0);
        if onoff != 0 {
            assert_eq!(got.l_linger, secs);
        }
        // SO_DONTLINGER is the inverse of l_onoff.
        assert_eq!(get_val(s, SOL_SOCKET, SO_DONTLINGER), u32::from(onoff == 0));
    }
    // NULL optval: WSAEFAULT, with or without a length.
    // SAFETY: NULL is what is being tested.
    unsafe {
        assert_eq!(setsockopt(s, SOL_SOCKET, SO_LINGER, null(), 4), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(setsockopt(s, SOL_SOCKET, SO_LINGER, null(), 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(setsockopt(s, SOL_SOCKET, SO_DONTLINGER, null(), 4), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
    }
    close(s);
    // SO_LINGER/SO_DONTLINGER on a datagram socket: WSAENOPROTOOPT.
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(get_u32(u, SOL_SOCKET, SO_LINGER), Err(WSAENOPROTOOPT));
    assert_eq!(set_u32(u, SOL_SOCKET, SO_DONTLINGER, 1), Err(WSAENOPROTOOPT));
    close(u);
}

#[test]
fn bad_level_option_and_socket() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    for level in [0xffff_ffffu32 as i32, 0x8000, 0x1234_ffff] {
        assert_eq!(set_u32(s, level, SO_RCVTIMEO, 100), Err(WSAEINVAL), "level {level:#x}");
        assert_eq!(get_u32(s, level, SO_RCVTIMEO), Err(WSAEINVAL), "level {level:#x}");
    }
    assert_eq!(get_u32(s, SOL_SOCKET, 0x7777), Err(WSAENOPROTOOPT));
    assert_eq!(set_u32(s, IPPROTO_TCP, 0x7777, 1), Err(WSAENOPROTOOPT));
    // Get-only and set-only options.
    assert_eq!(set_u32(s, SOL_SOCKET, SO_ACCEPTCONN, 1), Err(WSAENOPROTOOPT));
    assert_eq!(get_u32(s, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT), Err(WSAENOPROTOOPT));
    // TCP options on a UDP socket; IP_HDRINCL on a non-raw socket (Vista+: WSAEINVAL).
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(set_u32(u, IPPROTO_TCP, TCP_NODELAY, 1), Err(WSAENOPROTOOPT));
    assert_eq!(get_u32(u, IPPROTO_TCP, TCP_NODELAY), Err(WSAENOPROTOOPT));
    assert_eq!(set_u32(u, IPPROTO_IP, IP_HDRINCL, 1), Err(WSAEINVAL));
    assert_eq!(get_u32(u, IPPROTO_IP, IP_HDRINCL), Err(WSAEINVAL));
    close(u);
    close(s);
    // A closed socket: WSAENOTSOCK and the buffer untouched.
    let mut v: u32 = 1234;
    let mut len = 4;
    // SAFETY: live locals.
    unsafe {
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_ERROR, (&mut v as *mut u32).cast(), &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        assert_eq!(getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_PROTOCOL_INFOA, null_mut(), null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
    }
    assert_eq!((v, len), (1234, 4));
}

#[test]
fn value_passed_as_pointer_is_efault() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    // SAFETY: the bogus pointer is never dereferenced (that is what is tested).
    unsafe {
        assert_eq!(setsockopt(s, SOL_SOCKET, SO_DONTROUTE, 1 as *const u8, 1), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        let mut len = 4;
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_TYPE, 1 as *mut u8, &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
    }
    close(s);
}

#[test]
fn tcp_nodelay_length_rules() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let one: u32 = 1;
    // SAFETY: `one` is live; lengths above 4 read only the first byte.
    unsafe {
        for len in [1, 4, 42] {
            assert_eq!(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (&one as *const u32).cast(), len), 0, "len {len}");
            assert_eq!(get_val(s, IPPROTO_TCP, TCP_NODELAY), 1);
            assert_eq!(set_u32(s, IPPROTO_TCP, TCP_NODELAY, 0), Ok(()));
        }
        assert_eq!(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (&one as *const u32).cast(), 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (&one as *const u32).cast(), -1), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOBUFS);
    }
    assert_eq!(get_val(s, IPPROTO_TCP, TCP_NODELAY), 0);
    close(s);
}

/// One row of Wine's `test_optsize`: for optlen 1, 2 and 4, what set/get answer.
struct OptSize {
    af: i32,
    ty: i32,
    level: i32,
    opt: i32,
    short_ok: bool,
    sizes: [i32; 3],
    /// Expected buffer after the get (0 = the value 1 as written).
    values: [u32; 3],
    bool_value: bool,
}

#[test]
fn optsize_table() {
    startup();
    #[rustfmt::skip]
    let rows = [
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: SOL_SOCKET, opt: SO_BROADCAST, short_ok: true, sizes: [1, 1, 4], values: [0, 0xdead_0001, 0], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_DONTLINGER, short_ok: true, sizes: [1, 1, 4], values: [0, 0xdead_0001, 0], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_LINGER, short_ok: false, sizes: [1, 2, 4], values: [0xdead_be00, 0xdead_0000, 0], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_OOBINLINE, short_ok: true, sizes: [1, 1, 4], values: [0, 0xdead_0001, 0], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_RCVBUF, short_ok: false, sizes: [1, 2, 4], values: [0xdead_be00, 0xdead_0000, 0], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_KEEPALIVE, short_ok: true, sizes: [1, 1, 1], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_DONTROUTE, short_ok: true, sizes: [1, 1, 1], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_RCVTIMEO, short_ok: false, sizes: [1, 2, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_REUSEADDR, short_ok: true, sizes: [1, 1, 4], values: [0, 0xdead_0001, 0], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_EXCLUSIVEADDRUSE, short_ok: true, sizes: [1, 1, 4], values: [0, 0xdead_0001, 0], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_SNDBUF, short_ok: false, sizes: [1, 2, 4], values: [0xdead_be00, 0xdead_0000, 0], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_SNDTIMEO, short_ok: false, sizes: [1, 2, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: SOL_SOCKET, opt: SO_OPENTYPE, short_ok: false, sizes: [1, 2, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: IPPROTO_TCP, opt: TCP_NODELAY, short_ok: true, sizes: [1, 1, 1], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_STREAM, level: IPPROTO_TCP, opt: TCP_KEEPALIVE, short_ok: false, sizes: [0, 0, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: IPPROTO_IP, opt: IP_MULTICAST_LOOP, short_ok: true, sizes: [1, 1, 4], values: [0; 3], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: IPPROTO_IP, opt: IP_MULTICAST_TTL, short_ok: true, sizes: [1, 1, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: IPPROTO_IP, opt: IP_PKTINFO, short_ok: false, sizes: [0, 0, 4], values: [0; 3], bool_value: true },
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: IPPROTO_IP, opt: IP_TOS, short_ok: true, sizes: [1, 1, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET, ty: SOCK_DGRAM, level: IPPROTO_IP, opt: IP_TTL, short_ok: true, sizes: [1, 1, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET6, ty: SOCK_DGRAM, level: IPPROTO_IPV6, opt: IPV6_HOPLIMIT, short_ok: false, sizes: [0, 0, 4], values: [0; 3], bool_value: true },
        OptSize { af: AF_INET6, ty: SOCK_DGRAM, level: IPPROTO_IPV6, opt: IPV6_UNICAST_HOPS, short_ok: true, sizes: [1, 1, 4], values: [0; 3], bool_value: false },
        OptSize { af: AF_INET6, ty: SOCK_DGRAM, level: IPPROTO_IPV6, opt: IPV6_V6ONLY, short_ok: true, sizes: [1, 1, 1], values: [0; 3], bool_value: false },
    ];
    for r in &rows {
        let ctx = format!("level {} opt {:#x}", r.level, r.opt);
        let s = sock(r.af, r.ty);
        // SAFETY: every pointer below is a live local of at least the length passed.
        unsafe {
            // Negative optlen on set: 4-byte SOL_SOCKET options read 4 bytes, others WSAENOBUFS.
            let one: u32 = 1;
            let neg = setsockopt(s, r.level, r.opt, (&one as *const u32).cast(), -1);
            if r.sizes[2] == 1 || r.level != SOL_SOCKET {
                assert_eq!((neg, WSAGetLastError()), (SOCKET_ERROR, WSAENOBUFS), "{ctx}: set -1");
            } else {
                assert_eq!(neg, 0, "{ctx}: set -1");
            }
            // Negative optlen on get: WSAEFAULT except SO_OPENTYPE.
            let mut v: u32 = 0xdead_beef;
            let mut len = -1;
            let g = getsockopt(s, r.level, r.opt, (&mut v as *mut u32).cast(), &mut len);
            if r.opt == SO_OPENTYPE && r.level == SOL_SOCKET {
                assert_eq!((g, len), (0, 4), "{ctx}: get -1");
            } else {
                assert_eq!((g, WSAGetLastError(), len), (SOCKET_ERROR, WSAEFAULT, -1), "{ctx}: get -1");
            }
            // optlen 0 on set: accepted by SOL_SOCKET BOOLs only.
            let z = setsockopt(s, r.level, r.opt, (&one as *const u32).cast(), 0);
            if r.level == SOL_SOCKET && r.bool_value {
                assert_eq!(z, 0, "{ctx}: set 0");
            } else {
                assert_eq!((z, WSAGetLastError()), (SOCKET_ERROR, WSAEFAULT), "{ctx}: set 0");
            }
            let mut len = 0;
            assert_eq!(getsockopt(s, r.level, r.opt, (&mut v as *mut u32).cast(), &mut len), SOCKET_ERROR);
            assert_eq!(WSAGetLastError(), WSAEFAULT, "{ctx}: get 0");
            // optlen 1, 2, 4.
            for (j, size) in [1i32, 2, 4].into_iter().enumerate() {
                let value: u32 = 1;
                let ok = r.short_ok || size == 4;
                let set = setsockopt(s, r.level, r.opt, (&value as *const u32).cast(), size);
                let mut got: u32 = 0xdead_beef;
                let mut len = size;
                let get = getsockopt(s, r.level, r.opt, (&mut got as *mut u32).cast(), &mut len);
                if ok {
                    assert_eq!((set, get), (0, 0), "{ctx}: len {size}");
                } else {
                    assert_eq!(set, SOCKET_ERROR, "{ctx}: set len {size}");
                    assert_eq!((get, WSAGetLastError()), (SOCKET_ERROR, WSAEFAULT), "{ctx}: get len {size}");
                }
                let want = if r.values[j] != 0 {
                    r.values[j]
                } else if ok {
                    let mut w = 0xdead_beefu32.to_le_bytes();
                    let n = r.sizes[j] as usize;
                    w[..n].copy_from_slice(&value.to_le_bytes()[..n]);
                    u32::from_le_bytes(w)
                } else {
                    0xdead_beef
                };
                assert_eq!(got, want, "{ctx}: value after len {size}");
                assert_eq!(len, r.sizes[j], "{ctx}: optlen after len {size}");
            }
        }
        close(s);
    }
}

#[test]
fn so_error_reads_back_what_was_set() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    assert_eq!(set_u32(s, SOL_SOCKET, SO_ERROR, 1234), Ok(()));
    assert_eq!(get_u32(s, SOL_SOCKET, SO_ERROR), Ok((1234, 4)));
    let mut v = 0u32;
    let mut len = 1;
    // SAFETY: live locals.
    unsafe {
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_ERROR, (&mut v as *mut u32).cast(), &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
    }
    close(s);
}

#[test]
fn reuseaddr_and_exclusiveaddruse_exclude_each_other() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    assert_eq!(set_u32(s, SOL_SOCKET, SO_REUSEADDR, 1), Ok(()));
    assert_eq!(set_u32(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1), Err(WSAEINVAL));
    assert_eq!(set_u32(s, SOL_SOCKET, SO_REUSEADDR, 0), Ok(()));
    assert_eq!(set_u32(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1), Ok(()));
    assert_eq!(set_u32(s, SOL_SOCKET, SO_REUSEADDR, 1), Err(WSAEINVAL));
    close(s);
}

#[test]
fn read_only_facts() {
    startup();
    let t = sock(AF_INET, SOCK_STREAM);
    let u = sock(AF_INET, SOCK_DGRAM);
    let u6 = sock(AF_INET6, SOCK_DGRAM);
    assert_eq!(get_val(t, SOL_SOCKET, SO_TYPE), SOCK_STREAM as u32);
    assert_eq!(get_val(u, SOL_SOCKET, SO_TYPE), SOCK_DGRAM as u32);
    assert_eq!(get_val(t, SOL_SOCKET, SO_ACCEPTCONN), 0);
    assert_eq!(get_val(u, SOL_SOCKET, SO_MAX_MSG_SIZE), 65507);
    assert_eq!(get_val(u6, SOL_SOCKET, SO_MAX_MSG_SIZE), 65527);
    assert_eq!(get_val(t, SOL_SOCKET, SO_CONNECT_TIME), 0xffff_ffff);
    assert_eq!(get_val(t, SOL_SOCKET, SO_GROUP_ID), 0);
    // SO_OPENTYPE needs no socket and is per thread.
    assert_eq!(set_u32(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, SO_SYNCHRONOUS_NONALERT as u32), Ok(()));
    assert_eq!(get_u32(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE), Ok((SO_SYNCHRONOUS_NONALERT as u32, 4)));
    std::thread::spawn(|| assert_eq!(get_u32(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE), Ok((0, 4)))).join().unwrap();
    assert_eq!(set_u32(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, 0), Ok(()));
    // IPV6_V6ONLY on an IPv4 socket: Windows answers.
    assert_eq!(set_u32(t, IPPROTO_IPV6, IPV6_V6ONLY, 1), Ok(()));
    assert!(get_u32(t, IPPROTO_IPV6, IPV6_V6ONLY).is_ok());
    for s in [t, u, u6] {
        close(s);
    }
}

#[test]
fn connect_time_and_acceptconn() {
    startup();
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let l = sock(AF_INET, SOCK_STREAM);
        let mut a = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
        assert_eq!(bind(l, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(listen(l, 1), 0);
        assert_eq!(get_val(l, SOL_SOCKET, SO_ACCEPTCONN), 1);
        let mut len = 16;
        assert_eq!(getsockname(l, (&mut a as *mut SOCKADDR_IN).cast(), &mut len), 0);
        let c = sock(AF_INET, SOCK_STREAM);
        assert_eq!(connect(c, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        let x = accept(l, null_mut(), null_mut());
        assert_ne!(x, INVALID_SOCKET);
        assert!(get_val(c, SOL_SOCKET, SO_CONNECT_TIME) < 5);
        assert!(get_val(x, SOL_SOCKET, SO_CONNECT_TIME) < 5);
        assert_eq!(get_val(c, SOL_SOCKET, SO_ERROR), 0);
        for s in [x, c, l] {
            close(s);
        }
    }
}

#[test]
fn protocol_info() {
    startup();
    for (af, ty, proto) in [
        (AF_INET, SOCK_STREAM, IPPROTO_TCP),
        (AF_INET, SOCK_DGRAM, IPPROTO_UDP),
        (AF_INET6, SOCK_STREAM, IPPROTO_TCP),
        (AF_INET6, SOCK_DGRAM, IPPROTO_UDP),
    ] {
        let s = sock(af, ty);
        // SAFETY: live structures of the stated sizes.
        unsafe {
            let mut a = WSAPROTOCOL_INFOA::default();
            let mut len = size_of::<WSAPROTOCOL_INFOA>() as i32;
            assert_eq!(
                getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (&mut a as *mut WSAPROTOCOL_INFOA).cast(), &mut len),
                0
            );
            assert_eq!(len, 372);
            let mut w = WSAPROTOCOL_INFOW::default();
            let mut len = size_of::<WSAPROTOCOL_INFOW>() as i32;
            assert_eq!(
                getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, (&mut w as *mut WSAPROTOCOL_INFOW).cast(), &mut len),
                0
            );
            assert_eq!(len, 628);
            assert_eq!((a.iAddressFamily, a.iSocketType, a.iProtocol), (af, ty, proto));
            assert_eq!((w.iAddressFamily, w.iSocketType, w.iProtocol), (af, ty, proto));
            assert_ne!(a.szProtocol[0], 0);
            assert_eq!(a.szProtocol[0] as u16, w.szProtocol[0]);
            assert_eq!(a.dwCatalogEntryId, w.dwCatalogEntryId);
            // Too small: WSAEFAULT and the needed size.
            let mut len = 372 / 2;
            assert_eq!(
                getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (&mut a as *mut WSAPROTOCOL_INFOA).cast(), &mut len),
                SOCKET_ERROR
            );
            assert_eq!((WSAGetLastError(), len), (WSAEFAULT, 372));
            assert_eq!(getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, null_mut(), null_mut()), SOCKET_ERROR);
            assert_eq!(WSAGetLastError(), WSAEFAULT);
            assert_eq!(
                getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (&mut a as *mut WSAPROTOCOL_INFOA).cast(), null_mut()),
                SOCKET_ERROR
            );
            assert_eq!(WSAGetLastError(), WSAEFAULT);
        }
        close(s);
    }
}

#[test]
fn rcvtimeo_times_out_a_blocking_recv() {
    startup();
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let u = sock(AF_INET, SOCK_DGRAM);
        let a = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
        assert_eq!(bind(u, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(set_u32(u, SOL_SOCKET, SO_RCVTIMEO, 200), Ok(()));
        let t = Instant::now();
        let mut buf = [0u8; 8];
        assert_eq!(recv(u, buf.as_mut_ptr(), 8, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAETIMEDOUT);
        let took = t.elapsed();
        assert!(took >= Duration::from_millis(190) && took < Duration::from_secs(5), "{took:?}");
        close(u);
    }
}

#[test]
fn bsp_state() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let mut words = [0u64; 16];
    let buf = words.as_mut_ptr().cast::<u8>();
    let mut len = 128;
    // SAFETY: live locals.
    unsafe {
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_BSP_STATE, buf, &mut len), 0);
        let info = &*(buf as *const CSADDR_INFO);
        assert!(info.LocalAddr.lpSockaddr.is_null() && info.RemoteAddr.lpSockaddr.is_null());
        assert_eq!((info.iSocketType, info.iProtocol), (SOCK_STREAM, IPPROTO_TCP));
        let mut len = 40 + 2 * 16 - 1;
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_BSP_STATE, buf, &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
    }
    close(s);
}
