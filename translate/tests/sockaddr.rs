//! Windows SOCKADDR ↔ host sockaddr conversions: round trips and every error path.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use proptest::prelude::*;
use translate::sockaddr::*;
use translate::{SOCKADDR_IN, SOCKADDR_IN6, WSAEAFNOSUPPORT, WSAEFAULT, WSAEPROTONOSUPPORT, WSAESOCKTNOSUPPORT};

fn win_v4(port: u16, ip: [u8; 4]) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[..2].copy_from_slice(&2u16.to_le_bytes());
    b[2..4].copy_from_slice(&port.to_be_bytes());
    b[4..8].copy_from_slice(&ip);
    b
}

fn win_v6(port: u16, flow: u32, ip: [u8; 16], scope: u32) -> [u8; 28] {
    let mut b = [0u8; 28];
    b[..2].copy_from_slice(&23u16.to_le_bytes());
    b[2..4].copy_from_slice(&port.to_be_bytes());
    b[4..8].copy_from_slice(&flow.to_be_bytes());
    b[8..24].copy_from_slice(&ip);
    b[24..28].copy_from_slice(&scope.to_le_bytes());
    b
}

fn win_unix(path: &[u8]) -> Vec<u8> {
    let mut b = 1u16.to_le_bytes().to_vec();
    b.extend_from_slice(path);
    if path.len() < 108 {
        b.push(0);
    }
    b
}

proptest! {
    #[test]
    fn v4_round_trip(port: u16, ip: [u8; 4]) {
        let win = win_v4(port, ip);
        let host = win_to_host(&win).unwrap();
        prop_assert_eq!(host.family(), libc::AF_INET);
        prop_assert_eq!(SocketAddr::try_from(&host).unwrap(), SocketAddr::from((ip, port)));
        let mut out = [0xAAu8; 128];
        prop_assert_eq!(host_to_win(&host, &mut out).unwrap(), 16);
        prop_assert_eq!(&out[..16], &win[..]);
        prop_assert_eq!(out[16], 0xAA);
    }

    #[test]
    fn v6_round_trip(port: u16, flow in 0u32..(1 << 20), ip: [u8; 16], scope: u32) {
        let win = win_v6(port, flow, ip, scope);
        let host = win_to_host(&win).unwrap();
        prop_assert_eq!(host.family(), libc::AF_INET6);
        let sa = SocketAddrV6::new(Ipv6Addr::from(ip), port, flow, scope);
        prop_assert_eq!(SocketAddr::try_from(&host).unwrap(), SocketAddr::V6(sa));
        let mut out = [0u8; 28];
        prop_assert_eq!(host_to_win(&host, &mut out).unwrap(), 28);
        prop_assert_eq!(out, win);
        let (st, n) = host_to_win_storage(&host);
        prop_assert_eq!(n, 28);
        // SAFETY: SOCKADDR_STORAGE is 128 bytes of plain old data.
        let st_bytes: [u8; 128] = unsafe { core::mem::transmute(st) };
        prop_assert_eq!(&st_bytes[..28], &win[..]);
    }

    #[test]
    fn unix_round_trip(path in proptest::collection::vec(1u8..=255, 1..=108)) {
        let win = win_unix(&path);
        let host = win_to_host(&win).unwrap();
        prop_assert_eq!(host.family(), libc::AF_UNIX);
        prop_assert_eq!(host.unix_path().unwrap(), &path[..]);
        let mut out = [0u8; 110];
        let n = host_to_win(&host, &mut out).unwrap();
        prop_assert_eq!(&out[..n], &win[..]);
    }

    #[test]
    fn std_conversions(port: u16, ip: [u8; 4], ip6: [u8; 16], scope: u32) {
        let v4 = SocketAddrV4::new(Ipv4Addr::from(ip), port);
        let w: SOCKADDR_IN = v4.into();
        prop_assert_eq!(SocketAddrV4::from(&w), v4);
        let v6 = SocketAddrV6::new(Ipv6Addr::from(ip6), port, 0, scope);
        let w6: SOCKADDR_IN6 = v6.into();
        prop_assert_eq!(SocketAddrV6::from(&w6), v6);
        for sa in [SocketAddr::V4(v4), SocketAddr::V6(v6)] {
            let host = HostSockAddr::from(sa);
            prop_assert_eq!(SocketAddr::try_from(host).unwrap(), sa);
            let mut out = [0u8; 28];
            let n = socket_addr_to_win(&sa, &mut out).unwrap();
            prop_assert_eq!(win_to_socket_addr(&out[..n]).unwrap(), sa);
        }
    }

    #[test]
    fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..140)) {
        if let Ok(h) = win_to_host(&bytes) {
            let mut out = [0u8; 128];
            let _ = host_to_win(&h, &mut out);
        }
    }
}

#[test]
fn short_names_are_efault() {
    assert_eq!(win_to_host(&[]).unwrap_err().0, WSAEFAULT);
    assert_eq!(win_to_host(&[2]).unwrap_err().0, WSAEFAULT);
    let v4 = win_v4(80, [127, 0, 0, 1]);
    assert_eq!(win_to_host(&v4[..15]).unwrap_err().0, WSAEFAULT);
    assert!(win_to_host(&v4).is_ok());
    let v6 = win_v6(80, 0, [0; 16], 0);
    // The 24-byte sockaddr_in6_old is refused, as Windows bind does.
    assert_eq!(win_to_host(&v6[..24]).unwrap_err().0, WSAEFAULT);
    assert_eq!(win_to_host(&v6[..27]).unwrap_err().0, WSAEFAULT);
    // Longer names (e.g. sizeof(SOCKADDR_STORAGE)) are fine.
    let mut big = [0u8; 128];
    big[..28].copy_from_slice(&v6);
    assert!(win_to_host(&big).is_ok());
}

#[test]
fn unknown_families_are_eafnosupport() {
    for fam in [0u16, 3, 6, 10, 26, 32, 0xffff] {
        let mut b = [0u8; 32];
        b[..2].copy_from_slice(&fam.to_le_bytes());
        assert_eq!(win_to_host(&b).unwrap_err().0, WSAEAFNOSUPPORT, "family {fam}");
        assert_eq!(win_len_for_family(fam), None);
    }
    assert_eq!(win_len_for_family(2), Some(16));
    assert_eq!(win_len_for_family(23), Some(28));
    assert_eq!(win_len_for_family(1), Some(110));
}

#[test]
fn short_output_is_efault_and_untouched() {
    let host = HostSockAddr::from(SocketAddr::from(([10, 1, 2, 3], 9)));
    let mut out = [0x55u8; 15];
    assert_eq!(host_to_win(&host, &mut out).unwrap_err().0, WSAEFAULT);
    assert_eq!(out, [0x55; 15]);
    let host6 = HostSockAddr::from(SocketAddr::from((Ipv6Addr::LOCALHOST, 9)));
    let mut out = [0x55u8; 27];
    assert_eq!(host_to_win(&host6, &mut out).unwrap_err().0, WSAEFAULT);
    assert_eq!(out, [0x55; 27]);
    assert_eq!(win_len_of(&host6).unwrap(), 28);
    let mut o = [0u8; 8];
    assert_eq!(socket_addr_to_win(&SocketAddr::from(([1, 2, 3, 4], 5)), &mut o).unwrap_err().0, WSAEFAULT);
}

#[test]
fn host_family_without_windows_form() {
    let empty = HostSockAddr::new();
    assert!(empty.is_empty());
    let mut out = [0u8; 128];
    assert_eq!(host_to_win(&empty, &mut out).unwrap_err().0, WSAEAFNOSUPPORT);
    assert_eq!(host_to_win_storage(&empty).1, 0);
    assert_eq!(SocketAddr::try_from(&empty).unwrap_err().0, WSAEAFNOSUPPORT);
}

#[test]
fn unix_details() {
    // Path ends at the first NUL inside namelen.
    let mut b = win_unix(b"/tmp/a");
    b.extend_from_slice(b"garbage");
    let h = win_to_host(&b).unwrap();
    assert_eq!(h.unix_path().unwrap(), b"/tmp/a");
    // Unterminated path within namelen.
    let h = win_to_host(&[1, 0, b'x', b'y']).unwrap();
    assert_eq!(h.unix_path().unwrap(), b"xy");
    // Unnamed: the family alone.
    let h = win_to_host(&[1, 0]).unwrap();
    let mut out = [0u8; 110];
    assert_eq!(host_to_win(&h, &mut out).unwrap(), 2);
    // A full 108-byte path has no room for a NUL.
    let p = [b'a'; 108];
    let h = HostSockAddr::from_unix_path(&p).unwrap();
    assert_eq!(host_to_win(&h, &mut out).unwrap(), 110);
    assert!(HostSockAddr::from_unix_path(&[b'a'; 109]).is_none());
}

#[test]
fn raw_accessors() {
    let h = HostSockAddr::from(SocketAddr::from(([127, 0, 0, 1], 80)));
    assert_eq!(h.len() as usize, core::mem::size_of::<libc::sockaddr_in>());
    assert!(!h.as_ptr().is_null());
    // SAFETY: as_ptr points at a sockaddr_storage of at least len bytes.
    let st: libc::sockaddr_storage = unsafe { *(h.as_ptr() as *const libc::sockaddr_storage) };
    assert_eq!(HostSockAddr::from_raw(st, h.len()), h);
    let mut g = HostSockAddr::new();
    // SAFETY: capacity() bytes are writable at as_mut_ptr().
    unsafe { core::ptr::copy_nonoverlapping(h.as_ptr() as *const u8, g.as_mut_ptr() as *mut u8, h.len() as usize) };
    g.set_len(h.len());
    assert_eq!(g, h);
    assert_eq!(format!("{h:?}"), "HostSockAddr(127.0.0.1:80)");
}

#[test]
fn family_type_protocol() {
    assert_eq!(af_to_host(2).unwrap(), libc::AF_INET);
    assert_eq!(af_to_host(23).unwrap(), libc::AF_INET6);
    assert_eq!(af_to_host(1).unwrap(), libc::AF_UNIX);
    assert_eq!(af_to_host(0).unwrap(), libc::AF_UNSPEC);
    for bad in [6, 10, 26, 32, -1, 1000] {
        assert_eq!(af_to_host(bad).unwrap_err().0, WSAEAFNOSUPPORT);
    }
    for w in [0, 1, 2, 23] {
        assert_eq!(af_from_host(af_to_host(w).unwrap()), Some(w));
    }
    assert_eq!(af_from_host(libc::AF_PACKET), None);

    assert_eq!(socktype_to_host(1).unwrap(), libc::SOCK_STREAM);
    assert_eq!(socktype_to_host(2).unwrap(), libc::SOCK_DGRAM);
    assert_eq!(socktype_to_host(3).unwrap(), libc::SOCK_RAW);
    for bad in [0, 4, 5, 6, -1, 1 | libc::SOCK_NONBLOCK] {
        assert_eq!(socktype_to_host(bad).unwrap_err().0, WSAESOCKTNOSUPPORT);
    }
    for t in 1..=5 {
        let host =
            [libc::SOCK_STREAM, libc::SOCK_DGRAM, libc::SOCK_RAW, libc::SOCK_RDM, libc::SOCK_SEQPACKET][t as usize - 1];
        assert_eq!(socktype_from_host(host), Some(t));
        assert_eq!(socktype_from_host(host | libc::SOCK_CLOEXEC), Some(t));
    }
    assert_eq!(socktype_from_host(99), None);

    for p in [0, 1, 2, 4, 6, 17, 41, 58, 255] {
        assert_eq!(proto_to_host(p).unwrap(), p);
        assert_eq!(proto_from_host(p), Some(p));
    }
    assert_eq!(proto_to_host(256).unwrap_err().0, WSAEPROTONOSUPPORT);
    assert_eq!(proto_to_host(-1).unwrap_err().0, WSAEPROTONOSUPPORT);
}
