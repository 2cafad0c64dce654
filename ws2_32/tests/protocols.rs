//! The protocol catalogue (`WSAEnumProtocolsA/W`, `WSCEnumProtocols`), the seed article's
//! provider enumerator, `WSADuplicateSocket`, and the answers of the unimplemented exports.

use std::mem::size_of;
use std::ptr::{null, null_mut};

use translate::*;
use ws2_32::native::*;

mod util;
use util::startup;

fn wide(s: &[u16]) -> String {
    String::from_utf16_lossy(&s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())])
}

/// `WSAEnumProtocolsW` the usual two-call way.
fn enum_w(filter: Option<&[i32]>) -> Vec<WSAPROTOCOL_INFOW> {
    let f = filter.map_or(null(), |f| f.as_ptr());
    let mut len = 0u32;
    // SAFETY: NULL buffer with a valid length pointer: a size query.
    unsafe {
        assert_eq!(WSAEnumProtocolsW(f, null_mut(), &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOBUFS);
    }
    assert_eq!(len as usize % size_of::<WSAPROTOCOL_INFOW>(), 0);
    let mut buf = vec![WSAPROTOCOL_INFOW::default(); len as usize / size_of::<WSAPROTOCOL_INFOW>()];
    // SAFETY: `buf` holds `len` bytes.
    let n = unsafe { WSAEnumProtocolsW(f, buf.as_mut_ptr(), &mut len) };
    assert_eq!(n as usize, buf.len());
    buf
}

const TCP_FLAGS: u32 =
    XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES;
const UDP_FLAGS: u32 =
    XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES;

#[test]
fn enum_protocols_lists_the_visible_entries_with_windows_fields() {
    startup();
    let all = enum_w(None);
    assert!(all.len() >= 4);
    for p in &all {
        assert_eq!(p.dwProviderFlags & PFL_HIDDEN, 0, "{}", wide(&p.szProtocol));
        assert!(!wide(&p.szProtocol).is_empty());
        assert_eq!(p.ProtocolChain.ChainLen, BASE_PROTOCOL);
        assert_eq!(p.iVersion, 2);
    }
    let tcp = all.iter().find(|p| p.iAddressFamily == AF_INET && p.iProtocol == IPPROTO_TCP).unwrap();
    assert_eq!(wide(&tcp.szProtocol), "MSAFD Tcpip [TCP/IP]");
    assert_eq!(tcp.dwServiceFlags1, TCP_FLAGS);
    assert_eq!(tcp.dwProviderFlags, PFL_MATCHES_PROTOCOL_ZERO);
    assert_eq!(tcp.ProviderId, GUID::from_u128(0xE70F1AA0_AB8B_11CF_8CA3_00805F48A192));
    assert_eq!(tcp.dwCatalogEntryId, 1001);
    assert_eq!((tcp.iMinSockAddr, tcp.iMaxSockAddr), (16, 16));
    assert_eq!((tcp.iSocketType, tcp.iProtocolMaxOffset), (SOCK_STREAM, 0));
    assert_eq!((tcp.iNetworkByteOrder, tcp.iSecurityScheme, tcp.dwMessageSize), (BIGENDIAN, SECURITY_PROTOCOL_NONE, 0));

    let udp6 = all.iter().find(|p| p.iAddressFamily == AF_INET6 && p.iProtocol == IPPROTO_UDP).unwrap();
    assert_eq!(wide(&udp6.szProtocol), "MSAFD Tcpip [UDP/IPv6]");
    assert_eq!(udp6.dwServiceFlags1, UDP_FLAGS);
    assert_eq!(udp6.ProviderId, GUID::from_u128(0xF9EAB0C0_26D4_11D0_BBBF_00AA006C34E4));
    assert_eq!((udp6.iMinSockAddr, udp6.iMaxSockAddr), (28, 28));
    assert_eq!((udp6.iSocketType, udp6.dwMessageSize), (SOCK_DGRAM, 0xffbb));
}

#[test]
fn enum_protocols_size_errors() {
    startup();
    let mut one = WSAPROTOCOL_INFOA::default();
    let mut len = 0u32;
    // SAFETY: a one-entry buffer announced as 0 bytes; then a NULL length pointer.
    unsafe {
        assert_eq!(WSAEnumProtocolsA(null(), &mut one, &mut len), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOBUFS);
        assert_eq!(len as usize % size_of::<WSAPROTOCOL_INFOA>(), 0);
        assert!(len as usize >= 4 * size_of::<WSAPROTOCOL_INFOA>());
        // One entry's room is still too small for the whole list.
        let mut small = size_of::<WSAPROTOCOL_INFOA>() as u32;
        assert_eq!(WSAEnumProtocolsA(null(), &mut one, &mut small), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOBUFS);
        assert_eq!(small, len);
        assert_eq!(WSAEnumProtocolsW(null(), null_mut(), null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);

        let mut buf = vec![WSAPROTOCOL_INFOA::default(); len as usize / size_of::<WSAPROTOCOL_INFOA>()];
        let n = WSAEnumProtocolsA(null(), buf.as_mut_ptr(), &mut len);
        assert_eq!(n as usize, buf.len());
        let name = std::ffi::CStr::from_ptr(buf[0].szProtocol.as_ptr());
        assert_eq!(name.to_str().unwrap(), "MSAFD Tcpip [TCP/IP]");
    }
}

#[test]
fn enum_protocols_filters_by_protocol() {
    startup();
    // Wine's test array: unknown numbers are ignored, TCP and UDP are found.
    let ptest = [0xdead, IPPROTO_TCP, 0xcafe, IPPROTO_UDP, 0xbeef, 0];
    let got = enum_w(Some(&ptest));
    assert_eq!(got.len(), 4);
    let mut found = 0;
    for p in &got {
        if let Some(j) = ptest.iter().position(|&x| x == p.iProtocol) {
            found |= 1 << j;
        }
    }
    assert_eq!(found, 0x0a);
    let udp_only = enum_w(Some(&[IPPROTO_UDP, 0]));
    assert!(udp_only.iter().all(|p| p.iProtocol == IPPROTO_UDP && p.dwServiceFlags1 == UDP_FLAGS));
    assert_eq!(udp_only.len(), 2);
}

#[test]
fn wsc_enum_protocols_includes_hidden_entries_and_reports_through_errno() {
    let mut len = 0u32;
    let mut err = 0;
    // SAFETY: a size query with valid pointers.
    unsafe {
        assert_eq!(WSCEnumProtocols(null(), null_mut(), &mut len, &mut err), SOCKET_ERROR);
    }
    assert_eq!(err, WSAENOBUFS);
    let mut buf = vec![WSAPROTOCOL_INFOW::default(); len as usize / size_of::<WSAPROTOCOL_INFOW>()];
    // SAFETY: `buf` holds `len` bytes.
    let n = unsafe { WSCEnumProtocols(null(), buf.as_mut_ptr(), &mut len, &mut err) };
    assert_eq!(n as usize, buf.len());
    let raw = buf.iter().find(|p| p.iSocketType == SOCK_RAW && p.iAddressFamily == AF_INET).unwrap();
    assert_eq!(wide(&raw.szProtocol), "MSAFD Tcpip [RAW/IP]");
    assert_eq!(raw.dwProviderFlags, PFL_MATCHES_PROTOCOL_ZERO | PFL_HIDDEN);
    assert_eq!((raw.iProtocolMaxOffset, raw.dwMessageSize), (255, 0x8000));
    // The 32-bit catalogue view is the same.
    let mut len32 = 0u32;
    // SAFETY: a size query.
    unsafe { WSCEnumProtocols32(null(), null_mut(), &mut len32, &mut err) };
    assert_eq!(len32, len);
}

/// The seed article's `ExpandServiceFlags`, without the leak.
fn expand_service_flags(flags: u32) -> String {
    let names = [
        (XP1_CONNECTIONLESS, "Connectionless"),
        (XP1_GUARANTEED_ORDER, "Guaranteed Order"),
        (XP1_GUARANTEED_DELIVERY, "Message Oriented"),
        (XP1_CONNECT_DATA, "Connect Data"),
        (XP1_DISCONNECT_DATA, "Disconnect Data"),
        (XP1_SUPPORT_BROADCAST, "Broadcast Supported"),
        (XP1_EXPEDITED_DATA, "Urgent Data"),
        (XP1_QOS_SUPPORTED, "QoS supported"),
    ];
    names.iter().filter(|(f, _)| flags & f != 0).map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
}

/// The seed article's `PrintProtocolInfo`, writing to a string.
fn print_protocol_info(p: &WSAPROTOCOL_INFOW, out: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(out, "Protocol Name: {}", wide(&p.szProtocol));
    let _ = writeln!(out, "\tServiceFlags1: {} ({})", p.dwServiceFlags1, expand_service_flags(p.dwServiceFlags1));
    let _ = writeln!(out, "\tProvider Flags: {}", p.dwProviderFlags);
    let order = if p.iNetworkByteOrder == BIGENDIAN { "Big Endian" } else { "Little Endian" };
    let _ = writeln!(out, "\tNetwork Byte Order: {order}");
    let _ = writeln!(out, "\tVersion: {}", p.iVersion);
    let _ = writeln!(out, "\tAddress Family: {}", p.iAddressFamily);
    let ty = match p.iSocketType {
        SOCK_STREAM => "STREAM",
        SOCK_DGRAM => "DGRAM",
        SOCK_RAW => "RAW",
        _ => " Some other type",
    };
    let _ = writeln!(out, "\tSocket Type: {ty}");
    let proto = match p.iProtocol {
        IPPROTO_TCP => "TCP/IP",
        IPPROTO_UDP => "UDP/IP",
        _ => "some other protocol",
    };
    let _ = writeln!(out, "\tProtocol: {proto}");
}

#[test]
fn seed_article_protocol_enumerator() {
    // The article calls WSCEnumProtocols first with a NULL buffer and a zero size, mallocs
    // what it is told, and calls again (no WSAStartup needed for the SPI call).
    let mut size = 0u32;
    let mut error = 0;
    // SAFETY: a size query, as the article does it.
    unsafe { WSCEnumProtocols(null(), null_mut(), &mut size, &mut error) };
    assert!(size > 0);
    let mut buf = vec![WSAPROTOCOL_INFOW::default(); size as usize / size_of::<WSAPROTOCOL_INFOW>()];
    // SAFETY: `buf` holds `size` bytes.
    let n = unsafe { WSCEnumProtocols(null(), buf.as_mut_ptr(), &mut size, &mut error) };
    assert_ne!(n, SOCKET_ERROR, "Darn! Can't Enum!!");
    let mut out = format!("{n} Protocols detected:\n");
    for p in &buf[..n as usize] {
        print_protocol_info(p, &mut out);
        out.push_str("-------\n");
    }
    assert!(out.contains("Protocol Name: MSAFD Tcpip [TCP/IP]\n\tServiceFlags1: 131174 (Guaranteed Order, Message Oriented, Urgent Data)\n\tProvider Flags: 8\n\tNetwork Byte Order: Big Endian\n\tVersion: 2\n\tAddress Family: 2\n\tSocket Type: STREAM\n\tProtocol: TCP/IP\n"), "{out}");
    assert!(
        out.contains(
            "Protocol Name: MSAFD Tcpip [UDP/IPv6]\n\tServiceFlags1: 132617 (Connectionless, Broadcast Supported)\n"
        ),
        "{out}"
    );
    assert!(out.contains("Socket Type: RAW"), "{out}");
}

fn loopback_pair() -> (SOCKET, SOCKET, SOCKET) {
    // SAFETY: all pointers point to live locals of the stated sizes.
    unsafe {
        let l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        let any = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
        assert_eq!(bind(l, (&any as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(listen(l, 5), 0);
        let mut a = SOCKADDR_IN::default();
        let mut len = 16;
        assert_eq!(getsockname(l, (&mut a as *mut SOCKADDR_IN).cast(), &mut len), 0);
        let c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assert_eq!(connect(c, (&a as *const SOCKADDR_IN).cast(), 16), 0);
        let s = accept(l, null_mut(), null_mut());
        assert_ne!(s, INVALID_SOCKET);
        (l, c, s)
    }
}

#[test]
fn duplicate_socket_in_process_gives_a_working_second_handle() {
    startup();
    let (l, c, s) = loopback_pair();
    let mut info = WSAPROTOCOL_INFOW::default();
    // SAFETY: live locals; buffers of the stated sizes.
    unsafe {
        assert_eq!(WSADuplicateSocketW(s, 0x7fff_fff0, &mut info), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(WSADuplicateSocketW(s, std::process::id(), null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(WSADuplicateSocketW(s, std::process::id(), &mut info), 0);
        assert_eq!((info.iAddressFamily, info.iSocketType, info.iProtocol), (AF_INET, SOCK_STREAM, IPPROTO_TCP));
        // The source may go away before the copy is opened.
        assert_eq!(closesocket(s), 0);
        let d = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &mut info, 0, 0);
        assert_ne!(d, INVALID_SOCKET);
        assert_ne!(d, s);
        assert_eq!(send(d, b"dup".as_ptr(), 3, 0), 3);
        let mut buf = [0u8; 8];
        assert_eq!(recv(c, buf.as_mut_ptr(), 8, 0), 3);
        assert_eq!(&buf[..3], b"dup");
        assert_eq!(send(c, b"back".as_ptr(), 4, 0), 4);
        assert_eq!(recv(d, buf.as_mut_ptr(), 8, 0), 4);
        // A duplicate's structure is good for one WSASocket only.
        assert_eq!(
            WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &mut info, 0, 0),
            INVALID_SOCKET
        );
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        let mut ainfo = WSAPROTOCOL_INFOA::default();
        assert_eq!(WSADuplicateSocketA(d, std::process::id(), &mut ainfo), 0);
        let d2 = WSASocketA(AF_INET, SOCK_STREAM, 0, &mut ainfo, 0, 0);
        assert_ne!(d2, INVALID_SOCKET);
        assert_eq!(closesocket(d), 0);
        assert_eq!(send(d2, b"x".as_ptr(), 1, 0), 1);
        assert_eq!(recv(c, buf.as_mut_ptr(), 8, 0), 1);
        for h in [d2, c, l] {
            assert_eq!(closesocket(h), 0);
        }
    }
}

#[test]
fn namespace_providers_and_service_lookups() {
    startup();
    let mut len = 0u32;
    // SAFETY: live locals; the buffer is a u64 array big enough for what is announced.
    unsafe {
        assert_eq!(WSAEnumNameSpaceProvidersW(&mut len, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert!(len as usize > size_of::<WSANAMESPACE_INFOW>());
        assert_eq!(WSAEnumNameSpaceProvidersW(null_mut(), null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        let mut buf = vec![0u64; (len as usize).div_ceil(8)];
        let info = buf.as_mut_ptr().cast::<WSANAMESPACE_INFOW>();
        assert_eq!(WSAEnumNameSpaceProvidersW(&mut len, info), 1);
        assert_eq!((*info).dwNameSpace, NS_DNS);
        assert_eq!((*info).fActive, 1);
        let ident = std::slice::from_raw_parts((*info).lpszIdentifier, 6);
        assert_eq!(wide(ident), "Tcpip");
        let mut abuf = vec![0u64; 16];
        let mut alen = 128u32;
        assert_eq!(WSAEnumNameSpaceProvidersA(&mut alen, abuf.as_mut_ptr().cast()), 1);

        let mut handle: HANDLE = null_mut();
        assert_eq!(WSALookupServiceBeginW(null_mut(), 0, &mut handle), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        let mut qs = WSAQUERYSETW::default();
        assert_eq!(WSALookupServiceBeginW(&mut qs, 0, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEFAULT);
        assert_eq!(WSALookupServiceBeginW(&mut qs, 0, &mut handle), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(WSALookupServiceEnd(null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSA_INVALID_HANDLE);
        let mut size = 0u32;
        assert_eq!(WSALookupServiceNextW(null_mut(), 0, &mut size, &mut qs), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSA_INVALID_HANDLE);

        let mut class = GUID::from_u128(0x1234);
        assert_eq!(WSARemoveServiceClass(&mut class), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSATYPE_NOT_FOUND);
        let mut n = 0u32;
        assert_eq!(WSAGetServiceClassInfoW(null_mut(), &mut class, &mut n, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSATYPE_NOT_FOUND);
        let mut sci = WSASERVICECLASSINFOW::default();
        assert_eq!(WSAInstallServiceClassW(&mut sci), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEACCES);
    }
}

#[test]
fn provider_configuration_answers() {
    startup();
    let mut tcpip = GUID::from_u128(0xE70F1AA0_AB8B_11CF_8CA3_00805F48A192);
    let mut unknown = GUID::from_u128(0xdead_beef);
    let mut path = [0u16; 260];
    let mut err = 0;
    // SAFETY: live locals of the stated sizes.
    unsafe {
        let mut len = path.len() as i32;
        assert_eq!(WSCGetProviderPath(&mut tcpip, path.as_mut_ptr(), &mut len, &mut err), 0);
        assert_eq!(wide(&path), "%SystemRoot%\\system32\\mswsock.dll");
        let mut short = 4;
        assert_eq!(WSCGetProviderPath(&mut tcpip, path.as_mut_ptr(), &mut short, &mut err), SOCKET_ERROR);
        assert_eq!((err, short), (WSAEFAULT, 34));
        let mut len = path.len() as i32;
        assert_eq!(WSCGetProviderPath(&mut unknown, path.as_mut_ptr(), &mut len, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEINVAL);
        assert_eq!(WSCGetProviderPath(null_mut(), path.as_mut_ptr(), &mut len, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEFAULT);

        assert_eq!(WSCDeinstallProvider(&mut unknown, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEINVAL);
        assert_eq!(WSCDeinstallProvider(&mut tcpip, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEACCES);
        let pi = WSAPROTOCOL_INFOW::default();
        assert_eq!(WSCInstallProvider(&mut unknown, [0u16].as_ptr(), &pi, 1, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEACCES);
        assert_eq!(WSCGetProviderInfo(null_mut(), 0, null_mut(), null_mut(), 0, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEFAULT);
        assert_eq!(WSCWriteProviderOrder(null_mut(), 0), WSAEINVAL);
        err = 0;
        assert_eq!(WPUCompleteOverlappedRequest(0, null_mut(), 0, 0, &mut err), SOCKET_ERROR);
        assert_eq!(err, WSAEINVAL);
    }
}

/// A Winsock 1.1 blocking hook.
extern "C" fn hook() -> i32 {
    0
}

#[test]
fn legacy_and_multipoint_calls_fail_as_winsock2_does() {
    startup();
    // SAFETY: no pointer is dereferenced for these calls.
    unsafe {
        assert_eq!(WSAIsBlocking(), 0);
        assert!(WSASetBlockingHook(hook as *mut core::ffi::c_void).is_null());
        assert_eq!(WSAGetLastError(), WSAEOPNOTSUPP);
        assert_eq!(WSAUnhookBlockingHook(), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEOPNOTSUPP);
        assert_eq!(WSACancelBlockingCall(), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEOPNOTSUPP);
        let s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        let to = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::new(239, 1, 2, 3), 5000));
        let leaf =
            WSAJoinLeaf(s, (&to as *const SOCKADDR_IN).cast(), 16, null_mut(), null_mut(), null_mut(), null_mut(), 0);
        assert_eq!(leaf, INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSAEOPNOTSUPP);
        assert_eq!(WSAGetQOSByName(s, null_mut(), null_mut()), 0);
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(closesocket(s), 0);
        assert_eq!(WSAJoinLeaf(s, null(), 0, null_mut(), null_mut(), null_mut(), null_mut(), 0), INVALID_SOCKET);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
    }
}
