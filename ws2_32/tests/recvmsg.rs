//! `WSARecvMsg` control data: `IP_PKTINFO`/`IPV6_PKTINFO` delivered in Windows' `WSACMSGHDR`
//! format (16-byte header, data at offset 16), `MSG_CTRUNC` when the buffer is too small.

use std::ptr::null_mut;

use translate::*;
use ws2_32::native::*;

mod util;
use util::startup;

type RecvMsgFn = unsafe extern "C" fn(SOCKET, *mut WSAMSG, *mut u32, *mut OVERLAPPED, *mut u8) -> i32;

/// A bound UDP socket of `family` with packet info enabled; returns it and its address.
fn udp(family: i32) -> (SOCKET, SOCKADDR_STORAGE, i32) {
    // SAFETY: pointers to live locals.
    unsafe {
        let s = socket(family, SOCK_DGRAM, 0);
        assert_ne!(s, INVALID_SOCKET);
        let mut addr = SOCKADDR_STORAGE::default();
        let len = if family == AF_INET {
            let a = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
            std::ptr::write((&mut addr as *mut SOCKADDR_STORAGE).cast(), a);
            16
        } else {
            let a = SOCKADDR_IN6::from(std::net::SocketAddrV6::new(std::net::Ipv6Addr::LOCALHOST, 0, 0, 0));
            std::ptr::write((&mut addr as *mut SOCKADDR_STORAGE).cast(), a);
            28
        };
        assert_eq!(bind(s, (&addr as *const SOCKADDR_STORAGE).cast(), len), 0);
        let mut l = len;
        assert_eq!(getsockname(s, (&mut addr as *mut SOCKADDR_STORAGE).cast(), &mut l), 0);
        let on: u32 = 1;
        let (level, opt) = if family == AF_INET { (IPPROTO_IP, IP_PKTINFO) } else { (IPPROTO_IPV6, IPV6_PKTINFO) };
        assert_eq!(setsockopt(s, level, opt, (&on as *const u32).cast(), 4), 0);
        (s, addr, len)
    }
}

fn recv_msg_fn(s: SOCKET) -> RecvMsgFn {
    let (r, f, _) = util::extension(s, WSAID_WSARECVMSG);
    assert_eq!(r, 0);
    // SAFETY: the engine returned WSARecvMsg's native entry point.
    unsafe { std::mem::transmute::<usize, RecvMsgFn>(f) }
}

#[test]
fn pktinfo_in_windows_format() {
    startup();
    for family in [AF_INET, AF_INET6] {
        let (s, addr, len) = udp(family);
        let recv_msg = recv_msg_fn(s);
        // SAFETY: every buffer lives across the calls.
        unsafe {
            assert_eq!(sendto(s, b"ping".as_ptr(), 4, 0, (&addr as *const SOCKADDR_STORAGE).cast(), len), 4);
            let mut data = [0u8; 16];
            let mut wsabuf = WSABUF { len: 16, buf: data.as_mut_ptr().cast() };
            let mut control = [0u64; 16];
            let mut from = SOCKADDR_STORAGE::default();
            let mut msg = WSAMSG {
                name: (&mut from as *mut SOCKADDR_STORAGE).cast(),
                namelen: 128,
                lpBuffers: &mut wsabuf,
                dwBufferCount: 1,
                Control: WSABUF { len: 128, buf: control.as_mut_ptr().cast() },
                dwFlags: 0,
            };
            let mut n = 0u32;
            assert_eq!(recv_msg(s, &mut msg, &mut n, null_mut(), null_mut()), 0, "error {}", WSAGetLastError());
            assert_eq!((n, &data[..4]), (4, &b"ping"[..]));
            let hdr = &*(control.as_ptr() as *const WSACMSGHDR);
            let payload = control.as_ptr().cast::<u8>().add(16);
            if family == AF_INET {
                assert_eq!(msg.Control.len, 16 + 8);
                assert_eq!((hdr.cmsg_len, hdr.cmsg_level, hdr.cmsg_type), (16 + 8, IPPROTO_IP, IP_PKTINFO));
                let info = &*(payload as *const IN_PKTINFO);
                assert_eq!(std::net::Ipv4Addr::from(info.ipi_addr), std::net::Ipv4Addr::LOCALHOST);
                assert_ne!(info.ipi_ifindex, 0);
            } else {
                assert_eq!(msg.Control.len, 16 + 24);
                assert_eq!((hdr.cmsg_len, hdr.cmsg_level, hdr.cmsg_type), (16 + 20, IPPROTO_IPV6, IPV6_PKTINFO));
                let info = &*(payload as *const IN6_PKTINFO);
                assert_eq!(std::net::Ipv6Addr::from(info.ipi6_addr), std::net::Ipv6Addr::LOCALHOST);
            }
            assert_eq!(msg.dwFlags & MSG_CTRUNC as u32, 0);

            // Too small for the packet info: MSG_CTRUNC, nothing written.
            assert_eq!(sendto(s, b"pong".as_ptr(), 4, 0, (&addr as *const SOCKADDR_STORAGE).cast(), len), 4);
            msg.Control.len = 8;
            msg.dwFlags = 0;
            assert_eq!(recv_msg(s, &mut msg, &mut n, null_mut(), null_mut()), 0);
            assert_eq!(msg.Control.len, 0);
            assert_ne!(msg.dwFlags & MSG_CTRUNC as u32, 0);

            // Overlapped: the control data is there at completion.
            let ev = WSACreateEvent();
            let mut ov = OVERLAPPED { hEvent: ev, ..Default::default() };
            msg.Control.len = 128;
            control.fill(0);
            let r = recv_msg(s, &mut msg, &mut n, &mut ov, null_mut());
            assert_eq!((r, WSAGetLastError()), (SOCKET_ERROR, WSA_IO_PENDING));
            assert_eq!(sendto(s, b"late".as_ptr(), 4, 0, (&addr as *const SOCKADDR_STORAGE).cast(), len), 4);
            assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 5000, 0), WSA_WAIT_EVENT_0);
            let mut flags = 0;
            assert_eq!(WSAGetOverlappedResult(s, &mut ov, &mut n, 1, &mut flags), 1);
            assert_eq!(n, 4);
            let hdr = &*(control.as_ptr() as *const WSACMSGHDR);
            assert_eq!(hdr.cmsg_type, if family == AF_INET { IP_PKTINFO } else { IPV6_PKTINFO });
            WSACloseEvent(ev);
            closesocket(s);
        }
    }
}
