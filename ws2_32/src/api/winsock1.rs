//! The functions only `wsock32.dll` and `mswsock.dll` have (everything else they export is a
//! forward to ws2_32). They live in the engine crate, under distinct ELF names, because
//! DESIGN property 1 forbids a second engine: `libwsock32.so`/`libmswsock.so` are linker
//! scripts over `libws2_32.so`, and the PE tables point at these bodies' win64 thunks.
//!
//! * Winsock 1.1 `getsockopt`/`setsockopt`: renumber the `IPPROTO_IP` options
//!   (`winsock.h` numbering → Winsock 2), then the ws2_32 code.
//! * `WSARecvEx`: `recv` that reports a truncated datagram as `MSG_PARTIAL` plus the byte
//!   count (Windows semantics), instead of `WSAEMSGSIZE`.
//! * `EnumProtocolsA/W`: the catalogue in the old `PROTOCOL_INFO` layout.
//! * (`AcceptEx`, `GetAcceptExSockaddrs`, `TransmitFile` are ws2_32's extension functions,
//!   `api/extensions.rs`; the mswsock table points at them.)
//! * The name-service and BSD leftovers (`GetAddressByName`, `rcmd`, …): fail with the error a
//!   Windows stub gives.

use core::ffi::{c_char, c_void};

use translate::{
    IPPROTO_IP, MSG_OOB, MSG_PARTIAL, MSG_PEEK, SOCKET, WSAEFAULT, WSAEMSGSIZE, WSAEOPNOTSUPP, WSANO_DATA,
    WSAPROTOCOL_INFOW, WsaError, consts::winsock1::ws1_to_ws2_ip_option,
};

use super::{last_error, set_last_error};

/// `ERROR_CALL_NOT_IMPLEMENTED`: what Windows' name-service stubs report.
const ERROR_CALL_NOT_IMPLEMENTED: i32 = 120;
/// `ERROR_INSUFFICIENT_BUFFER`: `EnumProtocols` with a short buffer.
const ERROR_INSUFFICIENT_BUFFER: i32 = 122;
const SOCKET_ERROR: i32 = -1;

// ── Winsock 1.1 socket options ──────────────────────────────────────────────────────────

fn ws1_option(level: i32, optname: i32) -> i32 {
    if level == IPPROTO_IP { ws1_to_ws2_ip_option(optname).unwrap_or(optname) } else { optname }
}

/// wsock32 `getsockopt` (#7): Winsock 1.1 `IP_*` numbers.
///
/// # Safety
/// As ws2_32 `getsockopt`.
pub unsafe fn ws1_getsockopt(s: SOCKET, level: i32, optname: i32, optval: *mut u8, optlen: *mut i32) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { super::options::getsockopt(s, level, ws1_option(level, optname), optval, optlen) }
}

/// wsock32 `setsockopt` (#21): Winsock 1.1 `IP_*` numbers.
///
/// # Safety
/// As ws2_32 `setsockopt`.
pub unsafe fn ws1_setsockopt(s: SOCKET, level: i32, optname: i32, optval: *const u8, optlen: i32) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { super::options::setsockopt(s, level, ws1_option(level, optname), optval, optlen) }
}

// ── WSARecvEx, inet_network, getnetbyname, s_perror ─────────────────────────────────────

/// `WSARecvEx` (wsock32 #1107, mswsock): `recv` whose `*flags` returns `MSG_PARTIAL` when a
/// datagram did not fit (the buffer holds its start and the byte count is returned).
///
/// # Safety
/// As `recv`; `flags` must be NULL or valid.
pub unsafe fn wsa_recv_ex(s: SOCKET, buf: *mut u8, len: i32, flags: *mut i32) -> i32 {
    if flags.is_null() {
        set_last_error(WSAEFAULT);
        return SOCKET_ERROR;
    }
    // SAFETY: non-NULL, caller-provided.
    let in_flags = unsafe { flags.read_unaligned() } & (MSG_OOB | MSG_PEEK);
    // SAFETY: forwarded caller contract.
    let n = unsafe { super::io::recv(s, buf, len, in_flags) };
    if n == SOCKET_ERROR {
        if last_error() == WSAEMSGSIZE {
            // SAFETY: as above.
            unsafe { flags.write_unaligned(MSG_PARTIAL) };
            set_last_error(0);
            return len;
        }
        return SOCKET_ERROR;
    }
    // SAFETY: as above.
    unsafe { flags.write_unaligned(0) };
    n
}

/// `inet_network` (wsock32 #1100): the address in host byte order.
///
/// # Safety
/// `cp` NULL or a C string.
pub unsafe fn inet_network(cp: *const c_char) -> u32 {
    // SAFETY: forwarded caller contract.
    u32::from_be(unsafe { super::resolve::text::inet_addr(cp) })
}

/// `getnetbyname` (wsock32 #1101): no networks database on Windows either; NULL.
pub fn getnetbyname(_name: *const c_char) -> *mut c_void {
    set_last_error(WSANO_DATA);
    std::ptr::null_mut()
}

/// `s_perror` (wsock32 #1108): prints `msg: <last Winsock error>` to stderr.
///
/// # Safety
/// `msg` NULL or a C string.
pub unsafe fn s_perror(msg: *const c_char) {
    let err = last_error();
    let text = if msg.is_null() {
        String::new()
    } else {
        // SAFETY: a C string, per the caller.
        unsafe { std::ffi::CStr::from_ptr(msg) }.to_string_lossy().into_owned()
    };
    eprintln!("{text}: {:?}", WsaError(err));
}

// ── EnumProtocolsA/W ────────────────────────────────────────────────────────────────────

/// `PROTOCOL_INFOA`/`PROTOCOL_INFOW` (`nspapi.h`): the pre-Winsock-2 catalogue entry.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct ProtocolInfo {
    service_flags: u32,
    address_family: i32,
    max_sockaddr: i32,
    min_sockaddr: i32,
    socket_type: i32,
    protocol: i32,
    message_size: u32,
    name: *mut c_void,
}
const _: () = assert!(std::mem::size_of::<ProtocolInfo>() == 40);
const _: () = assert!(std::mem::offset_of!(ProtocolInfo, name) == 32);

/// `XP1_*` (WSAPROTOCOL_INFO) → `XP_*` (PROTOCOL_INFO): bits 0x1–0x200 agree; the rest move.
fn xp_flags(xp1: u32) -> u32 {
    const MOVED: [(u32, u32); 4] = [
        (0x0000_0400, 0x0400), // XP1_SUPPORT_MULTIPOINT → XP_SUPPORTS_MULTICAST
        (0x0000_2000, 0x0800), // XP1_QOS_SUPPORTED → XP_BANDWIDTH_ALLOCATION
        (0x0004_0000, 0x1000), // XP1_PARTIAL_MESSAGE → XP_FRAGMENTATION
        (0, 0),
    ];
    MOVED.iter().fold(xp1 & 0x3ff, |acc, &(from, to)| if from != 0 && xp1 & from != 0 { acc | to } else { acc })
}

/// `EnumProtocolsA/W` (wsock32 #1111/#1112, mswsock): the entries, then their names.
///
/// # Safety
/// `protocols` NULL or zero-terminated; `len` valid; `buffer` valid for `*len` bytes.
unsafe fn enum_protocols(protocols: *const i32, buffer: *mut c_void, len: *mut u32, wide: bool) -> i32 {
    if len.is_null() {
        set_last_error(WSAEFAULT);
        return SOCKET_ERROR;
    }
    let mut need = 0u32;
    // SAFETY: NULL buffer with a zero length asks for the size.
    let r = unsafe { super::protocols::wsa_enum_protocols_w(protocols, std::ptr::null_mut(), &mut need) };
    let mut items: Vec<WSAPROTOCOL_INFOW> = Vec::new();
    if r == SOCKET_ERROR && need > 0 {
        let n = need as usize / std::mem::size_of::<WSAPROTOCOL_INFOW>() + 1;
        // SAFETY: all-zero is a valid WSAPROTOCOL_INFOW (integers and arrays).
        items = vec![unsafe { std::mem::zeroed() }; n];
        let mut cap = (n * std::mem::size_of::<WSAPROTOCOL_INFOW>()) as u32;
        // SAFETY: `items` has `cap` bytes.
        let got = unsafe { super::protocols::wsa_enum_protocols_w(protocols, items.as_mut_ptr(), &mut cap) };
        if got < 0 {
            return SOCKET_ERROR;
        }
        items.truncate(got as usize);
    } else if r == SOCKET_ERROR {
        return SOCKET_ERROR;
    }
    let names: Vec<Vec<u16>> = items
        .iter()
        .map(|p| {
            let end = p.szProtocol.iter().position(|&c| c == 0).unwrap_or(p.szProtocol.len());
            p.szProtocol[..=end.min(p.szProtocol.len() - 1)].to_vec()
        })
        .collect();
    let unit = if wide { 2 } else { 1 };
    let strings: usize = names.iter().map(|n| n.len() * unit).sum();
    let total = items.len() * std::mem::size_of::<ProtocolInfo>() + strings;
    // SAFETY: `len` is valid per the caller.
    if buffer.is_null() || (unsafe { len.read_unaligned() } as usize) < total {
        // SAFETY: as above.
        unsafe { len.write_unaligned(total as u32) };
        set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return SOCKET_ERROR;
    }
    let base = buffer.cast::<u8>();
    let mut text = items.len() * std::mem::size_of::<ProtocolInfo>();
    for (i, (p, name)) in items.iter().zip(&names).enumerate() {
        // SAFETY: `text + name` stays inside the `total` bytes checked above.
        let name_ptr = unsafe { base.add(text) };
        for (k, &c) in name.iter().enumerate() {
            // SAFETY: as above; ANSI names are the catalogue's ASCII.
            unsafe {
                if wide {
                    name_ptr.cast::<u16>().add(k).write_unaligned(c);
                } else {
                    name_ptr.add(k).write(c as u8);
                }
            }
        }
        text += name.len() * unit;
        let info = ProtocolInfo {
            service_flags: xp_flags(p.dwServiceFlags1),
            address_family: p.iAddressFamily,
            max_sockaddr: p.iMaxSockAddr,
            min_sockaddr: p.iMinSockAddr,
            socket_type: p.iSocketType,
            protocol: p.iProtocol,
            message_size: p.dwMessageSize,
            name: name_ptr.cast(),
        };
        // SAFETY: entry `i` lies in the checked buffer.
        unsafe { base.cast::<ProtocolInfo>().add(i).write_unaligned(info) };
    }
    set_last_error(0);
    items.len() as i32
}

/// `EnumProtocolsA`.
///
/// # Safety
/// See [`enum_protocols`].
pub unsafe fn enum_protocols_a(protocols: *const i32, buffer: *mut c_void, len: *mut u32) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { enum_protocols(protocols, buffer, len, false) }
}

/// `EnumProtocolsW`.
///
/// # Safety
/// See [`enum_protocols`].
pub unsafe fn enum_protocols_w(protocols: *const i32, buffer: *mut c_void, len: *mut u32) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { enum_protocols(protocols, buffer, len, true) }
}

// ── stubs with Windows errors ───────────────────────────────────────────────────────────

/// Name-service leftovers (`GetAddressByName*`, `GetTypeByName*`, `GetNameByType*`,
/// `SetService*`, `GetService*`, `NPLoadNameSpaces`): `SOCKET_ERROR` with
/// `ERROR_CALL_NOT_IMPLEMENTED`, as Windows' (and Wine's) stubs. Takes no arguments: the
/// win64 caller cleans its own stack, so ignoring them is ABI-safe.
pub fn name_service_stub() -> i32 {
    crate::log_unimplemented_once!("wsock32/mswsock name-service function", WsaError(ERROR_CALL_NOT_IMPLEMENTED));
    set_last_error(ERROR_CALL_NOT_IMPLEMENTED);
    SOCKET_ERROR
}

/// BSD leftovers and mswsock provider entry points (`rcmd`, `rexec`, `rresvport`,
/// `sethostname`, `dn_expand`, `NSPStartup`, `WSPStartup`, `ServiceMain`, …):
/// `SOCKET_ERROR` with `WSAEOPNOTSUPP`.
pub fn unsupported_stub() -> i32 {
    crate::log_unimplemented_once!("wsock32/mswsock legacy function", WsaError(WSAEOPNOTSUPP));
    set_last_error(WSAEOPNOTSUPP);
    SOCKET_ERROR
}

/// `WsControl` (wsock32 #1001, a Win9x TCP/IP query interface): `WSAEOPNOTSUPP` as a DWORD.
pub fn ws_control(
    _protocol: u32,
    _action: u32,
    _req: *mut c_void,
    _reqlen: *mut u32,
    _resp: *mut c_void,
    _resplen: *mut u32,
) -> u32 {
    crate::log_unimplemented_once!("WsControl", WsaError(WSAEOPNOTSUPP));
    WSAEOPNOTSUPP as u32
}
