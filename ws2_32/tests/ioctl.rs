//! `ioctlsocket` and the synchronous `WSAIoctl` codes, with Windows' error codes (Wine's
//! `test_ioctlsocket`, `test_fionbio`, `test_fionread_siocatmark`, `test_keepalive_vals`,
//! `test_get_interface_list`, `test_sioRoutingInterfaceQuery`, `test_base_handle`,
//! `test_unsupported_ioctls`, run on Windows, as the specification).

// Windows programs pass small integers as pointers; these tests check they fail cleanly.
#![allow(clippy::manual_dangling_ptr)]

use std::ffi::c_void;
use std::ptr::null_mut;

use translate::*;
use ws2_32::native::*;

mod util;
use util::{close_ok as close, err, pair, sock, startup};

fn lo(port: u16) -> SOCKADDR_IN {
    SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, port))
}

#[allow(clippy::too_many_arguments)]
fn ioctl(
    s: SOCKET,
    code: u32,
    inb: *mut c_void,
    inl: u32,
    outb: *mut c_void,
    outl: u32,
    ret: &mut u32,
) -> Result<(), i32> {
    // SAFETY: the callers pass live buffers of the stated lengths.
    let r = unsafe { WSAIoctl(s, code, inb, inl, outb, outl, ret, null_mut(), null_mut()) };
    if r == 0 { Ok(()) } else { Err(err()) }
}

#[test]
fn value_instead_of_pointer_is_efault() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    for cmd in [FIONBIO, FIONREAD, SIOCATMARK] {
        // SAFETY: the bogus pointer is never dereferenced (that is what is tested).
        assert_eq!(unsafe { ioctlsocket(s, cmd as i32, 1 as *mut u32) }, SOCKET_ERROR);
        assert_eq!(err(), WSAEFAULT);
    }
    close(s);
}

#[test]
fn fionbio_makes_recv_would_block() {
    startup();
    let (c, s) = pair();
    let mut one: u32 = 1;
    let mut buf = [0u8; 4];
    // SAFETY: live locals.
    unsafe {
        assert_eq!(ioctlsocket(s, FIONBIO as i32, &mut one), 0);
        assert_eq!(recv(s, buf.as_mut_ptr(), 4, 0), SOCKET_ERROR);
        assert_eq!(err(), WSAEWOULDBLOCK);
        // FIONBIO ignores the output buffer; NULL input → WSAEFAULT; NULL bytes-returned → WSAEFAULT.
        let mut ret = 0xdead_u32;
        let mut zero: u32 = 0;
        assert_eq!(ioctl(s, FIONBIO, (&mut zero as *mut u32).cast(), 4, 1 as *mut c_void, 4, &mut ret), Ok(()));
        assert_eq!(ret, 0);
        assert_eq!(ioctl(s, FIONBIO, null_mut(), 4, null_mut(), 0, &mut ret), Err(WSAEFAULT));
        assert_eq!(ioctl(s, FIONBIO, (&mut zero as *mut u32).cast(), 3, null_mut(), 0, &mut ret), Err(WSAEFAULT));
        assert_eq!(
            WSAIoctl(s, FIONBIO, (&mut one as *mut u32).cast(), 4, null_mut(), 0, null_mut(), null_mut(), null_mut()),
            SOCKET_ERROR
        );
        assert_eq!(err(), WSAEFAULT);
    }
    close(c);
    close(s);
}

#[test]
fn fionread_counts_queued_bytes() {
    startup();
    let (c, s) = pair();
    // SAFETY: live locals.
    unsafe {
        let mut n: u32 = 0xdead;
        assert_eq!(ioctlsocket(s, FIONREAD as i32, &mut n), 0);
        assert_eq!(n, 0);
        assert_eq!(send(c, b"hello world".as_ptr(), 11, 0), 11);
        let mut tries = 0;
        loop {
            assert_eq!(ioctlsocket(s, FIONREAD as i32, &mut n), 0);
            if n == 11 || tries > 200 {
                break;
            }
            tries += 1;
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(n, 11);
        let mut ret = 0;
        let mut out: u32 = 0;
        assert_eq!(ioctl(s, FIONREAD, null_mut(), 0, (&mut out as *mut u32).cast(), 4, &mut ret), Ok(()));
        assert_eq!((out, ret), (11, 4));
        assert_eq!(ioctl(s, FIONREAD, null_mut(), 0, (&mut out as *mut u32).cast(), 3, &mut ret), Err(WSAEFAULT));
        // SIOCATMARK: TRUE when no urgent data waits.
        let mut mark: u32 = 0;
        assert_eq!(ioctlsocket(s, SIOCATMARK as i32, &mut mark), 0);
        assert_eq!(mark, 1);
        assert_eq!(send(c, b"!".as_ptr(), 1, MSG_OOB), 1);
        let mut tries = 0;
        loop {
            assert_eq!(ioctlsocket(s, SIOCATMARK as i32, &mut mark), 0);
            if mark == 0 || tries > 200 {
                break;
            }
            tries += 1;
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(mark, 0, "urgent data pending: SIOCATMARK is FALSE");
    }
    close(c);
    close(s);

    // A listening socket answers 0.
    let l = sock(AF_INET, SOCK_STREAM);
    let a = lo(0);
    // SAFETY: live locals.
    unsafe {
        assert_eq!(bind(l, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(listen(l, 1), 0);
        let mut n: u32 = 0xdead;
        assert_eq!(ioctlsocket(l, FIONREAD as i32, &mut n), 0);
        assert_eq!(n, 0);
    }
    close(l);
}

#[test]
fn keepalive_vals_apply_to_the_host() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let mut ka = tcp_keepalive { onoff: 1, keepalivetime: 7_400, keepaliveinterval: 1_600 };
    let mut ret = 0xdead;
    let p = (&mut ka as *mut tcp_keepalive).cast();
    assert_eq!(ioctl(s, SIO_KEEPALIVE_VALS, p, 12, null_mut(), 0, &mut ret), Ok(()));
    assert_eq!(ret, 0);
    let mut v: u32 = 0;
    let mut len = 4;
    // SAFETY: live locals.
    unsafe {
        assert_eq!(getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (&mut v as *mut u32).cast(), &mut len), 0);
        assert_eq!(v & 0xff, 1);
        len = 4;
        assert_eq!(getsockopt(s, IPPROTO_TCP, TCP_KEEPALIVE, (&mut v as *mut u32).cast(), &mut len), 0);
        assert_eq!(v, 7, "7400 ms rounds to 7 s");
        len = 4;
        assert_eq!(getsockopt(s, IPPROTO_TCP, TCP_KEEPINTVL, (&mut v as *mut u32).cast(), &mut len), 0);
        assert_eq!(v, 2, "1600 ms rounds to 2 s");
    }
    assert_eq!(ioctl(s, SIO_KEEPALIVE_VALS, p, 11, null_mut(), 0, &mut ret), Err(WSAEFAULT));
    assert_eq!(ioctl(s, SIO_KEEPALIVE_VALS, null_mut(), 12, null_mut(), 0, &mut ret), Err(WSAEFAULT));
    ka.onoff = 0;
    let p = (&mut ka as *mut tcp_keepalive).cast();
    assert_eq!(ioctl(s, SIO_KEEPALIVE_VALS, p, 12, null_mut(), 0, &mut ret), Ok(()));
    len = 4;
    // SAFETY: live locals.
    unsafe { assert_eq!(getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (&mut v as *mut u32).cast(), &mut len), 0) };
    assert_eq!(v & 0xff, 0);
    close(s);
}

#[test]
fn interface_list_contains_loopback() {
    startup();
    let s = sock(AF_INET, SOCK_DGRAM);
    let mut list = [0u32; 76 * 32 / 4];
    let mut ret = 0;
    let out = list.as_mut_ptr().cast();
    assert_eq!(ioctl(s, SIO_GET_INTERFACE_LIST, null_mut(), 0, out, (list.len() * 4) as u32, &mut ret), Ok(()));
    assert!(ret > 0 && ret % 76 == 0, "{ret}");
    let bytes: &[u8] = bytemuck_bytes(&list);
    let found = (0..ret as usize / 76).any(|i| {
        let r = &bytes[i * 76..(i + 1) * 76];
        let flags = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        r[4..6] == (AF_INET as u16).to_le_bytes() && r[8..12] == [127, 0, 0, 1] && flags & IFF_LOOPBACK != 0
    });
    assert!(found, "127.0.0.1 in the interface list");
    assert_eq!(ioctl(s, SIO_GET_INTERFACE_LIST, null_mut(), 0, out, ret - 1, &mut ret), Err(WSAEFAULT));
    close(s);
}

fn bytemuck_bytes(v: &[u32]) -> &[u8] {
    // SAFETY: u32s viewed as their bytes.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast(), v.len() * 4) }
}

#[test]
fn routing_interface_for_loopback() {
    startup();
    let s = sock(AF_INET, SOCK_DGRAM);
    let mut dest = lo(80);
    let mut out = SOCKADDR_IN::default();
    let mut ret = 0;
    let d = (&mut dest as *mut SOCKADDR_IN).cast();
    let o = (&mut out as *mut SOCKADDR_IN).cast();
    assert_eq!(ioctl(s, SIO_ROUTING_INTERFACE_QUERY, d, 16, o, 16, &mut ret), Ok(()));
    assert_eq!(ret, 16);
    assert_eq!(out.sin_family, AF_INET as u16);
    // SAFETY: the union's address view.
    assert_eq!(u32::from_be(unsafe { out.sin_addr.S_un.S_addr }), 0x7f00_0001);
    // Short output: WSAEFAULT with the needed size.
    ret = 0;
    assert_eq!(ioctl(s, SIO_ROUTING_INTERFACE_QUERY, d, 16, o, 8, &mut ret), Err(WSAEFAULT));
    assert_eq!(ret, 16);
    assert_eq!(ioctl(s, SIO_ROUTING_INTERFACE_QUERY, null_mut(), 0, o, 16, &mut ret), Err(WSAEFAULT));
    // IPv6 too.
    let mut d6 = SOCKADDR_IN6::from(std::net::SocketAddrV6::new(std::net::Ipv6Addr::LOCALHOST, 80, 0, 0));
    let mut o6 = SOCKADDR_IN6::default();
    let r6 = ioctl(
        s,
        SIO_ROUTING_INTERFACE_QUERY,
        (&mut d6 as *mut SOCKADDR_IN6).cast(),
        28,
        (&mut o6 as *mut SOCKADDR_IN6).cast(),
        28,
        &mut ret,
    );
    if r6.is_ok() {
        assert_eq!((ret, o6.sin6_family), (28, AF_INET6 as u16));
    }
    close(s);
}

#[test]
fn address_list_query_reports_its_size() {
    startup();
    let s = sock(AF_INET, SOCK_DGRAM);
    let mut ret = 0;
    assert_eq!(ioctl(s, SIO_ADDRESS_LIST_QUERY, null_mut(), 0, null_mut(), 0, &mut ret), Err(WSAEFAULT));
    assert!(ret >= 8, "{ret}");
    let mut buf = vec![0u64; (ret as usize).div_ceil(8)];
    let need = ret;
    assert_eq!(ioctl(s, SIO_ADDRESS_LIST_QUERY, null_mut(), 0, buf.as_mut_ptr().cast(), need, &mut ret), Ok(()));
    assert_eq!(ret, need);
    // SAFETY: the buffer now holds a SOCKET_ADDRESS_LIST.
    let list = unsafe { &*(buf.as_ptr() as *const SOCKET_ADDRESS_LIST) };
    assert_eq!(8 + list.iAddressCount as u32 * (16 + 16), need);
    close(s);
}

#[test]
fn handles_backlog_and_accepted_noops() {
    startup();
    let (c, s) = pair();
    let mut ret = 0;
    let mut h: SOCKET = 0;
    let hp = (&mut h as *mut SOCKET).cast();
    for code in [SIO_BASE_HANDLE, SIO_BSP_HANDLE, SIO_BSP_HANDLE_SELECT, SIO_BSP_HANDLE_POLL] {
        h = 0;
        assert_eq!(ioctl(c, code, null_mut(), 0, hp, 8, &mut ret), Ok(()));
        assert_eq!((h, ret), (c, 8));
        assert_eq!(ioctl(c, code, null_mut(), 0, hp, 4, &mut ret), Err(WSAEFAULT));
    }
    let mut v: u32 = 0;
    assert_eq!(ioctl(c, SIO_IDEAL_SEND_BACKLOG_QUERY, null_mut(), 0, (&mut v as *mut u32).cast(), 4, &mut ret), Ok(()));
    assert_eq!((v, ret), (0x10000, 4));
    let fresh = sock(AF_INET, SOCK_STREAM);
    assert_eq!(
        ioctl(fresh, SIO_IDEAL_SEND_BACKLOG_QUERY, null_mut(), 0, (&mut v as *mut u32).cast(), 4, &mut ret),
        Err(WSAENOTCONN)
    );
    let u = sock(AF_INET, SOCK_DGRAM);
    assert_eq!(
        ioctl(u, SIO_IDEAL_SEND_BACKLOG_QUERY, null_mut(), 0, (&mut v as *mut u32).cast(), 4, &mut ret),
        Err(WSAEOPNOTSUPP)
    );
    let mut f: u32 = 0;
    assert_eq!(ioctl(u, SIO_UDP_CONNRESET, (&mut f as *mut u32).cast(), 4, null_mut(), 0, &mut ret), Ok(()));
    assert_eq!(ioctl(u, SIO_ENABLE_CIRCULAR_QUEUEING, null_mut(), 0, null_mut(), 0, &mut ret), Ok(()));
    for x in [c, s, fresh, u] {
        close(x);
    }
}

#[test]
fn unsupported_codes_and_unknown_guids() {
    startup();
    let s = sock(AF_INET, SOCK_STREAM);
    let mut ret = 0;
    for code in [0xdead_beef, FIOASYNC, 0x667e, SIO_FLUSH] {
        assert_eq!(ioctl(s, code, null_mut(), 0, null_mut(), 0, &mut ret), Err(WSAEOPNOTSUPP), "{code:#x}");
    }
    assert_eq!(
        // SAFETY: NULL bytes-returned is what is tested.
        unsafe { WSAIoctl(s, 0xdead_beef, null_mut(), 0, null_mut(), 0, null_mut(), null_mut(), null_mut()) },
        SOCKET_ERROR
    );
    assert_eq!(err(), WSAEFAULT);
    let mut guid = GUID::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
    let mut f: usize = 0;
    let g = (&mut guid as *mut GUID).cast();
    let fp = (&mut f as *mut usize).cast();
    assert_eq!(ioctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, g, 16, fp, 8, &mut ret), Err(WSAEINVAL));
    assert_eq!(ioctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, g, 15, fp, 8, &mut ret), Err(WSAEFAULT));
    close(s);
    // A closed socket.
    assert_eq!(ioctl(s, FIONREAD, null_mut(), 0, fp, 8, &mut ret), Err(WSAENOTSOCK));
}
