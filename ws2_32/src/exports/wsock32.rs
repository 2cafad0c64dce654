//! The wsock32.dll export table (Winsock 1.1), ordinals as Windows has them — they differ
//! from ws2_32's (#10 is `inet_addr` here, `ioctlsocket` there). Almost everything forwards
//! to ws2_32 (or to mswsock for the Microsoft extensions), as on Windows; the functions only
//! wsock32/mswsock have are defined once, in [`own`], and shared by both tables.
//!
//! Native ELF names: `wsock32_*` for the functions whose Windows names libc also has or whose
//! meaning differs from ws2_32's (`wsock32_getsockopt` renumbers `IP_*`), `mswsock_*` for
//! provider/service entry points a program might define itself (`ServiceMain`), plain names
//! for the rest (`WSARecvEx`, `AcceptEx`, … as `mswsock.h` declares them).

#![allow(non_snake_case, clippy::missing_safety_doc)]

use crate::exports::{Export, Target};

/// The wsock32/mswsock-only functions: both faces and the union table (use
/// [`EXPORTS`] and [`super::mswsock::EXPORTS`] for the per-DLL tables).
pub mod own {
    #![allow(non_snake_case, clippy::missing_safety_doc)]

    use core::ffi::{c_char, c_void};

    use translate::SOCKET;

    use crate::api::winsock1 as w;

    crate::winsock_exports! {
        @7    fn getsockopt(s: SOCKET, level: i32, optname: i32, optval: *mut u8, optlen: *mut i32) -> i32 as "wsock32_getsockopt" => w::ws1_getsockopt;
        @21   fn setsockopt(s: SOCKET, level: i32, optname: i32, optval: *const u8, optlen: i32) -> i32 as "wsock32_setsockopt" => w::ws1_setsockopt;
        @1001 fn WsControl(protocol: u32, action: u32, req: *mut c_void, reqlen: *mut u32, resp: *mut c_void, resplen: *mut u32) -> u32 => w::ws_control;
        @1100 fn inet_network(cp: *const c_char) -> u32 as "wsock32_inet_network" => w::inet_network;
        @1101 fn getnetbyname(name: *const c_char) -> *mut c_void as "wsock32_getnetbyname" => w::getnetbyname;
        @1102 fn rcmd() -> i32 as "wsock32_rcmd" => w::unsupported_stub;
        @1103 fn rexec() -> i32 as "wsock32_rexec" => w::unsupported_stub;
        @1104 fn rresvport() -> i32 as "wsock32_rresvport" => w::unsupported_stub;
        @1105 fn sethostname() -> i32 as "wsock32_sethostname" => w::unsupported_stub;
        @1106 fn dn_expand() -> i32 as "wsock32_dn_expand" => w::unsupported_stub;
        @1107 fn WSARecvEx(s: SOCKET, buf: *mut u8, len: i32, flags: *mut i32) -> i32 => w::wsa_recv_ex;
        @1108 fn s_perror(msg: *const c_char) -> () => w::s_perror;
        @1109 fn GetAddressByNameA() -> i32 => w::name_service_stub;
        @1110 fn GetAddressByNameW() -> i32 => w::name_service_stub;
        @1111 fn EnumProtocolsA(protocols: *const i32, buffer: *mut c_void, len: *mut u32) -> i32 => w::enum_protocols_a;
        @1112 fn EnumProtocolsW(protocols: *const i32, buffer: *mut c_void, len: *mut u32) -> i32 => w::enum_protocols_w;
        @1113 fn GetTypeByNameA() -> i32 => w::name_service_stub;
        @1114 fn GetTypeByNameW() -> i32 => w::name_service_stub;
        @1115 fn GetNameByTypeA() -> i32 => w::name_service_stub;
        @1116 fn GetNameByTypeW() -> i32 => w::name_service_stub;
        @1117 fn SetServiceA() -> i32 => w::name_service_stub;
        @1118 fn SetServiceW() -> i32 => w::name_service_stub;
        @1119 fn GetServiceA() -> i32 => w::name_service_stub;
        @1120 fn GetServiceW() -> i32 => w::name_service_stub;
        @1130 fn NPLoadNameSpaces() -> i32 as "mswsock_NPLoadNameSpaces" => w::name_service_stub;
        @_    fn MigrateWinsockConfiguration() -> i32 as "mswsock_MigrateWinsockConfiguration" => w::unsupported_stub;
        @_    fn NSPStartup() -> i32 as "mswsock_NSPStartup" => w::unsupported_stub;
        @_    fn WSPStartup() -> i32 as "mswsock_WSPStartup" => w::unsupported_stub;
        @_    fn ServiceMain() -> i32 as "mswsock_ServiceMain" => w::unsupported_stub;
        @_    fn StartWsdpService() -> i32 as "mswsock_StartWsdpService" => w::unsupported_stub;
        @_    fn StopWsdpService() -> i32 as "mswsock_StopWsdpService" => w::unsupported_stub;
        @_    fn SvchostPushServiceGlobals() -> i32 as "mswsock_SvchostPushServiceGlobals" => w::unsupported_stub;
    }
}

/// A row of a hand-assembled table: an own function (its win64 thunk) …
macro_rules! proc_row {
    ($ord:expr, $name:ident) => {
        Export { name: stringify!($name), ordinal: $ord, target: target_in(own::EXPORTS, stringify!($name)) }
    };
    ($ord:expr, $name:ident in $table:expr) => {
        Export { name: stringify!($name), ordinal: $ord, target: target_in($table, stringify!($name)) }
    };
}

/// … or a forward.
macro_rules! fwd_row {
    ($ord:expr, $name:literal, $to:literal) => {
        Export { name: $name, ordinal: $ord, target: Target::Forward($to) }
    };
}
pub(crate) use proc_row;

/// The target of `name` in `t` (a `const fn` lookup, so the tables stay `static`).
#[cfg(target_arch = "x86_64")]
pub(crate) const fn target_in(t: &[Export], name: &str) -> Target {
    let mut i = 0;
    while i < t.len() {
        if const_eq(t[i].name, name) {
            return t[i].target;
        }
        i += 1;
    }
    panic!("no such export in the table")
}

#[cfg(target_arch = "x86_64")]
const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every wsock32.dll export with its Windows ordinal.
#[cfg(target_arch = "x86_64")]
pub static EXPORTS: &[Export] = &[
    fwd_row!(Some(1), "accept", "ws2_32.accept"),
    fwd_row!(Some(2), "bind", "ws2_32.bind"),
    fwd_row!(Some(3), "closesocket", "ws2_32.closesocket"),
    fwd_row!(Some(4), "connect", "ws2_32.connect"),
    fwd_row!(Some(5), "getpeername", "ws2_32.getpeername"),
    fwd_row!(Some(6), "getsockname", "ws2_32.getsockname"),
    proc_row!(Some(7), getsockopt),
    fwd_row!(Some(8), "htonl", "ws2_32.htonl"),
    fwd_row!(Some(9), "htons", "ws2_32.htons"),
    fwd_row!(Some(10), "inet_addr", "ws2_32.inet_addr"),
    fwd_row!(Some(11), "inet_ntoa", "ws2_32.inet_ntoa"),
    fwd_row!(Some(12), "ioctlsocket", "ws2_32.ioctlsocket"),
    fwd_row!(Some(13), "listen", "ws2_32.listen"),
    fwd_row!(Some(14), "ntohl", "ws2_32.ntohl"),
    fwd_row!(Some(15), "ntohs", "ws2_32.ntohs"),
    fwd_row!(Some(16), "recv", "ws2_32.recv"),
    fwd_row!(Some(17), "recvfrom", "ws2_32.recvfrom"),
    fwd_row!(Some(18), "select", "ws2_32.select"),
    fwd_row!(Some(19), "send", "ws2_32.send"),
    fwd_row!(Some(20), "sendto", "ws2_32.sendto"),
    proc_row!(Some(21), setsockopt),
    fwd_row!(Some(22), "shutdown", "ws2_32.shutdown"),
    fwd_row!(Some(23), "socket", "ws2_32.socket"),
    fwd_row!(Some(51), "gethostbyaddr", "ws2_32.gethostbyaddr"),
    fwd_row!(Some(52), "gethostbyname", "ws2_32.gethostbyname"),
    fwd_row!(Some(53), "getprotobyname", "ws2_32.getprotobyname"),
    fwd_row!(Some(54), "getprotobynumber", "ws2_32.getprotobynumber"),
    fwd_row!(Some(55), "getservbyname", "ws2_32.getservbyname"),
    fwd_row!(Some(56), "getservbyport", "ws2_32.getservbyport"),
    fwd_row!(Some(57), "gethostname", "ws2_32.gethostname"),
    fwd_row!(Some(101), "WSAAsyncSelect", "ws2_32.WSAAsyncSelect"),
    fwd_row!(Some(102), "WSAAsyncGetHostByAddr", "ws2_32.WSAAsyncGetHostByAddr"),
    fwd_row!(Some(103), "WSAAsyncGetHostByName", "ws2_32.WSAAsyncGetHostByName"),
    fwd_row!(Some(104), "WSAAsyncGetProtoByNumber", "ws2_32.WSAAsyncGetProtoByNumber"),
    fwd_row!(Some(105), "WSAAsyncGetProtoByName", "ws2_32.WSAAsyncGetProtoByName"),
    fwd_row!(Some(106), "WSAAsyncGetServByPort", "ws2_32.WSAAsyncGetServByPort"),
    fwd_row!(Some(107), "WSAAsyncGetServByName", "ws2_32.WSAAsyncGetServByName"),
    fwd_row!(Some(108), "WSACancelAsyncRequest", "ws2_32.WSACancelAsyncRequest"),
    fwd_row!(Some(109), "WSASetBlockingHook", "ws2_32.WSASetBlockingHook"),
    fwd_row!(Some(110), "WSAUnhookBlockingHook", "ws2_32.WSAUnhookBlockingHook"),
    fwd_row!(Some(111), "WSAGetLastError", "ws2_32.WSAGetLastError"),
    fwd_row!(Some(112), "WSASetLastError", "ws2_32.WSASetLastError"),
    fwd_row!(Some(113), "WSACancelBlockingCall", "ws2_32.WSACancelBlockingCall"),
    fwd_row!(Some(114), "WSAIsBlocking", "ws2_32.WSAIsBlocking"),
    fwd_row!(Some(115), "WSAStartup", "ws2_32.WSAStartup"),
    fwd_row!(Some(116), "WSACleanup", "ws2_32.WSACleanup"),
    fwd_row!(Some(151), "__WSAFDIsSet", "ws2_32.__WSAFDIsSet"),
    fwd_row!(Some(500), "WEP", "ws2_32.WEP"),
    fwd_row!(Some(1000), "WSApSetPostRoutine", "ws2_32.WSApSetPostRoutine"),
    proc_row!(Some(1001), WsControl),
    proc_row!(Some(1100), inet_network),
    proc_row!(Some(1101), getnetbyname),
    proc_row!(Some(1102), rcmd),
    proc_row!(Some(1103), rexec),
    proc_row!(Some(1104), rresvport),
    proc_row!(Some(1105), sethostname),
    proc_row!(Some(1106), dn_expand),
    proc_row!(Some(1107), WSARecvEx),
    proc_row!(Some(1108), s_perror),
    proc_row!(Some(1109), GetAddressByNameA),
    proc_row!(Some(1110), GetAddressByNameW),
    proc_row!(Some(1111), EnumProtocolsA),
    proc_row!(Some(1112), EnumProtocolsW),
    proc_row!(Some(1113), GetTypeByNameA),
    proc_row!(Some(1114), GetTypeByNameW),
    proc_row!(Some(1115), GetNameByTypeA),
    proc_row!(Some(1116), GetNameByTypeW),
    proc_row!(Some(1117), SetServiceA),
    proc_row!(Some(1118), SetServiceW),
    proc_row!(Some(1119), GetServiceA),
    proc_row!(Some(1120), GetServiceW),
    proc_row!(Some(1130), NPLoadNameSpaces),
    fwd_row!(Some(1140), "TransmitFile", "mswsock.TransmitFile"),
    fwd_row!(Some(1141), "AcceptEx", "mswsock.AcceptEx"),
    fwd_row!(Some(1142), "GetAcceptExSockaddrs", "mswsock.GetAcceptExSockaddrs"),
];
