//! [`WsaError`], and every conversion into Windows error codes: host `errno`, host `EAI_*`,
//! host `h_errno`, and NTSTATUS (both ways), plus NTSTATUS → Win32 for `GetLastError`.
//!
//! **Why these tables.** Windows is the reference; Wine's ws2_32 is a peer that met the same
//! problem, and its tables (`errno_from_unix`, `sock_errno_to_status`, `NtStatusToWSAError`,
//! `RtlNtStatusToDosError`, `addrinfo_err_from_unix`, `host_errno_from_unix`) record what
//! Windows answers in its conformance tests. The tables below follow Wine except where noted.
//!
//! **One status per error.** Windows reports an overlapped failure three ways: the raw
//! NTSTATUS in `OVERLAPPED.Internal`, the Winsock code from `WSAGetOverlappedResult`, and the
//! Win32 code from `GetOverlappedResult` / `GetQueuedCompletionStatus`. The engine decides on a
//! [`WsaError`] and stores [`wsa_to_ntstatus`] of it; [`ntstatus_to_wsa`] and
//! [`ntstatus_to_win32`] then give the other two. `wsa_to_ntstatus` picks the NTSTATUS Windows
//! uses where one maps back to the same code (`WSAECONNRESET` → `STATUS_CONNECTION_RESET` →
//! `ERROR_NETNAME_DELETED`, as on Windows), and otherwise carries the code itself as
//! `NTSTATUS_FROM_WIN32` (`0x8007xxxx`), which both reverse functions decode. So
//! `ntstatus_to_wsa(wsa_to_ntstatus(e)) == e` for every code, and a synchronous failure and an
//! overlapped one report the same error.
//!
//! **Decisions and deviations from Wine.**
//! * `EINPROGRESS` → `WSAEWOULDBLOCK`: a non-blocking `connect` on Windows fails with
//!   `WSAEWOULDBLOCK` (Wine agrees). `WSAEINPROGRESS` is a Winsock 1.1 blocking-call error.
//! * `EPIPE` → `WSAESHUTDOWN` (Wine: `WSAECONNRESET`). On Linux `EPIPE` means "send side shut
//!   down", which Windows reports as `WSAESHUTDOWN` after `shutdown(SD_SEND)`. Linux also gives
//!   `EPIPE` for sends after a reset whose `ECONNRESET` was already reported; an engine that
//!   tracks "peer reset" itself should report `WSAECONNRESET` there.
//! * `EBADF` → `WSAEBADF`; Windows reports `WSAENOTSOCK` for a bad SOCKET, but that is decided
//!   by the engine's socket table before any syscall.
//! * Unknown `errno` → `WSAEFAULT`, as Wine's `errno_from_unix` (the value Windows programs
//!   least often treat as "retry"). Unknown error NTSTATUS → `WSAEINVAL`, as Wine's
//!   `NtStatusToWSAError`.
//! * [`errno_to_ntstatus`] is `wsa_to_ntstatus(errno_to_wsa(errno))`, so it agrees with
//!   `errno_to_wsa` by construction. Wine's `sock_errno_to_status` differs for `EBADF`,
//!   `EALREADY`, `EDESTADDRREQ`, `ENOPROTOOPT`, `EPROTOTYPE`, the `E*NOSUPPORT` family and
//!   `EPIPE`, where its status turns into a different Winsock code than its own errno table.
//! * `STATUS_TOO_MANY_OPENED_FILES` → `WSAEMFILE` (Wine has no entry and answers `WSAEINVAL`).
//! * Host `EAI_NODATA`/`EAI_ADDRFAMILY` → `WSANO_DATA` (Wine: `WSAHOST_NOT_FOUND`): Windows
//!   distinguishes "no such name" (11001) from "name without addresses of that kind" (11004).
//!   `EAI_OVERFLOW` → `WSAEFAULT` (Windows' answer to a too-small `getnameinfo` buffer); an
//!   unknown `EAI_*` → `WSANO_RECOVERY` (Wine passes the raw value through).

use std::fmt;

use crate::consts::errors::{win32_error_info, wsa_error_info};
use crate::consts::ntstatus::{NT_ERROR, ntstatus_info};
use crate::consts::*;

/// A Windows error code as `WSAGetLastError` returns it: a `WSA*` code, a Win32 code used by
/// Winsock (`WSA_IO_PENDING` = 997, …), or 0 for success.
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct WsaError(pub i32);

impl WsaError {
    /// No error (0).
    pub const SUCCESS: WsaError = WsaError(0);

    /// The numeric code.
    pub const fn code(self) -> i32 {
        self.0
    }

    /// Whether this is 0, "no error".
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// The Windows name (`"WSAEWOULDBLOCK"`, `"ERROR_NETNAME_DELETED"`), if the code is known.
    /// Winsock names win where a Win32 name has the same value (`WSA_IO_PENDING`).
    pub const fn name(self) -> Option<&'static str> {
        match self.info() {
            Some((name, _)) => Some(name),
            None => None,
        }
    }

    /// A one-line description of the code, if known.
    pub const fn description(self) -> Option<&'static str> {
        match self.info() {
            Some((_, desc)) => Some(desc),
            None => None,
        }
    }

    const fn info(self) -> Option<(&'static str, &'static str)> {
        match wsa_error_info(self.0) {
            Some(info) => Some(info),
            None => win32_error_info(self.0),
        }
    }
}

impl fmt::Debug for WsaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Display for WsaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some((name, desc)) => write!(f, "{name} ({}): {desc}", self.0),
            None => write!(f, "Windows error {}", self.0),
        }
    }
}

impl std::error::Error for WsaError {}

impl From<i32> for WsaError {
    fn from(code: i32) -> Self {
        WsaError(code)
    }
}

impl From<WsaError> for i32 {
    fn from(e: WsaError) -> Self {
        e.0
    }
}

impl From<std::io::Error> for WsaError {
    /// An OS error goes through [`errno_to_wsa`]; an error built by Rust code (no errno) is
    /// mapped by its kind, `WSAEINVAL` when the kind says nothing more specific.
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        if let Some(errno) = e.raw_os_error() {
            return errno_to_wsa(errno);
        }
        WsaError(match e.kind() {
            K::WouldBlock => WSAEWOULDBLOCK,
            K::Interrupted => WSAEINTR,
            K::TimedOut => WSAETIMEDOUT,
            K::PermissionDenied => WSAEACCES,
            K::ConnectionRefused => WSAECONNREFUSED,
            K::ConnectionReset => WSAECONNRESET,
            K::ConnectionAborted => WSAECONNABORTED,
            K::NotConnected => WSAENOTCONN,
            K::AddrInUse => WSAEADDRINUSE,
            K::AddrNotAvailable => WSAEADDRNOTAVAIL,
            K::NetworkUnreachable => WSAENETUNREACH,
            K::HostUnreachable => WSAEHOSTUNREACH,
            K::NetworkDown => WSAENETDOWN,
            K::BrokenPipe => WSAESHUTDOWN,
            K::OutOfMemory => WSAENOBUFS,
            K::Unsupported => WSAEOPNOTSUPP,
            _ => WSAEINVAL,
        })
    }
}

/// Host `errno` → Windows code. First match wins, so aliases (`EAGAIN`/`EWOULDBLOCK`,
/// `EOPNOTSUPP`/`ENOTSUP`) may both be listed; the frequent `EAGAIN` comes first.
const ERRNO_TO_WSA: &[(libc::c_int, i32)] = &[
    (libc::EAGAIN, WSAEWOULDBLOCK),
    (libc::EWOULDBLOCK, WSAEWOULDBLOCK),
    (libc::EINPROGRESS, WSAEWOULDBLOCK),
    (0, 0),
    (libc::EINTR, WSAEINTR),
    (libc::EBADF, WSAEBADF),
    (libc::EPERM, WSAEACCES),
    (libc::EACCES, WSAEACCES),
    (libc::EROFS, WSAEACCES),
    (libc::EFAULT, WSAEFAULT),
    (libc::EINVAL, WSAEINVAL),
    (libc::EMFILE, WSAEMFILE),
    (libc::ENFILE, WSAEMFILE),
    (libc::EALREADY, WSAEALREADY),
    (libc::ENOTSOCK, WSAENOTSOCK),
    (libc::EDESTADDRREQ, WSAEDESTADDRREQ),
    (libc::EMSGSIZE, WSAEMSGSIZE),
    (libc::EPROTOTYPE, WSAEPROTOTYPE),
    (libc::ENOPROTOOPT, WSAENOPROTOOPT),
    (libc::EPROTONOSUPPORT, WSAEPROTONOSUPPORT),
    (libc::ESOCKTNOSUPPORT, WSAESOCKTNOSUPPORT),
    (libc::EOPNOTSUPP, WSAEOPNOTSUPP),
    (libc::ENOTSUP, WSAEOPNOTSUPP),
    (libc::ENOSYS, WSAEOPNOTSUPP),
    (libc::ENOTTY, WSAEOPNOTSUPP),
    (libc::EPFNOSUPPORT, WSAEPFNOSUPPORT),
    (libc::EAFNOSUPPORT, WSAEAFNOSUPPORT),
    (libc::EADDRINUSE, WSAEADDRINUSE),
    // AF_UNIX bind over an existing path: Windows reports the address as in use.
    (libc::EEXIST, WSAEADDRINUSE),
    (libc::EADDRNOTAVAIL, WSAEADDRNOTAVAIL),
    // bind/connect with an unknown sin6_scope_id or interface (Wine's server does the same).
    (libc::ENODEV, WSAEADDRNOTAVAIL),
    (libc::ENETDOWN, WSAENETDOWN),
    (libc::ENETUNREACH, WSAENETUNREACH),
    (libc::ENETRESET, WSAENETRESET),
    (libc::ECONNABORTED, WSAECONNABORTED),
    (libc::ECONNRESET, WSAECONNRESET),
    (libc::ENOBUFS, WSAENOBUFS),
    (libc::ENOMEM, WSAENOBUFS),
    (libc::EISCONN, WSAEISCONN),
    (libc::ENOTCONN, WSAENOTCONN),
    (libc::ESHUTDOWN, WSAESHUTDOWN),
    (libc::EPIPE, WSAESHUTDOWN),
    (libc::ETOOMANYREFS, WSAETOOMANYREFS),
    (libc::ETIMEDOUT, WSAETIMEDOUT),
    (libc::ECONNREFUSED, WSAECONNREFUSED),
    // AF_UNIX connect to a path nobody bound: no listener there, as far as Windows is concerned.
    (libc::ENOENT, WSAECONNREFUSED),
    (libc::ELOOP, WSAELOOP),
    (libc::ENAMETOOLONG, WSAENAMETOOLONG),
    (libc::EHOSTDOWN, WSAEHOSTDOWN),
    (libc::EHOSTUNREACH, WSAEHOSTUNREACH),
    (libc::ENOTEMPTY, WSAENOTEMPTY),
    #[cfg(any(target_vendor = "apple", target_os = "freebsd", target_os = "dragonfly"))]
    (libc::EPROCLIM, WSAEPROCLIM),
    (libc::EUSERS, WSAEUSERS),
    (libc::EDQUOT, WSAEDQUOT),
    (libc::ESTALE, WSAESTALE),
    (libc::EREMOTE, WSAEREMOTE),
    (libc::ECANCELED, WSA_OPERATION_ABORTED),
];

/// The Winsock code for a host `errno` from a socket call (0 → success, unknown → `WSAEFAULT`).
pub fn errno_to_wsa(errno: i32) -> WsaError {
    WsaError(lookup(ERRNO_TO_WSA, errno).unwrap_or(WSAEFAULT))
}

/// The NTSTATUS an overlapped operation that failed with host `errno` completes with; the same
/// as `wsa_to_ntstatus(errno_to_wsa(errno))`.
pub fn errno_to_ntstatus(errno: i32) -> NTSTATUS {
    wsa_to_ntstatus(errno_to_wsa(errno))
}

/// NTSTATUS → Winsock code, as Wine's `NtStatusToWSAError` (`dlls/ws2_32/socket.c`).
const NTSTATUS_TO_WSA: &[(NTSTATUS, i32)] = &[
    (STATUS_PENDING, WSA_IO_PENDING),
    (STATUS_BUFFER_OVERFLOW, WSAEMSGSIZE),
    (STATUS_NOT_IMPLEMENTED, WSAEOPNOTSUPP),
    (STATUS_ACCESS_VIOLATION, WSAEFAULT),
    (STATUS_PAGEFILE_QUOTA, WSAENOBUFS),
    (STATUS_INVALID_HANDLE, WSAENOTSOCK),
    (STATUS_NO_SUCH_DEVICE, WSAENETDOWN),
    (STATUS_NO_SUCH_FILE, WSAENETDOWN),
    (STATUS_NO_MEMORY, WSAENOBUFS),
    (STATUS_CONFLICTING_ADDRESSES, WSAENOBUFS),
    (STATUS_ACCESS_DENIED, WSAEACCES),
    (STATUS_BUFFER_TOO_SMALL, WSAEFAULT),
    (STATUS_OBJECT_TYPE_MISMATCH, WSAENOTSOCK),
    (STATUS_OBJECT_NAME_NOT_FOUND, WSAENETDOWN),
    (STATUS_OBJECT_PATH_NOT_FOUND, WSAENETDOWN),
    (STATUS_SHARING_VIOLATION, WSAEADDRINUSE),
    (STATUS_QUOTA_EXCEEDED, WSAENOBUFS),
    (STATUS_TOO_MANY_PAGING_FILES, WSAENOBUFS),
    (STATUS_INSUFFICIENT_RESOURCES, WSAENOBUFS),
    (STATUS_WORKING_SET_QUOTA, WSAENOBUFS),
    (STATUS_DEVICE_NOT_READY, WSAEWOULDBLOCK),
    (STATUS_PIPE_DISCONNECTED, WSAESHUTDOWN),
    (STATUS_IO_TIMEOUT, WSAETIMEDOUT),
    (STATUS_NOT_SUPPORTED, WSAEOPNOTSUPP),
    (STATUS_REMOTE_NOT_LISTENING, WSAECONNREFUSED),
    (STATUS_BAD_NETWORK_PATH, WSAENETUNREACH),
    (STATUS_NETWORK_BUSY, WSAENETDOWN),
    (STATUS_INVALID_NETWORK_RESPONSE, WSAENETDOWN),
    (STATUS_UNEXPECTED_NETWORK_ERROR, WSAENETDOWN),
    (STATUS_REQUEST_NOT_ACCEPTED, WSAEWOULDBLOCK),
    (STATUS_TOO_MANY_OPENED_FILES, WSAEMFILE), // not in Wine (it answers WSAEINVAL)
    (STATUS_CANCELLED, WSA_OPERATION_ABORTED),
    (STATUS_COMMITMENT_LIMIT, WSAENOBUFS),
    (STATUS_LOCAL_DISCONNECT, WSAECONNABORTED),
    (STATUS_REMOTE_DISCONNECT, WSAECONNRESET),
    (STATUS_REMOTE_RESOURCES, WSAENOBUFS),
    (STATUS_LINK_FAILED, WSAECONNRESET),
    (STATUS_LINK_TIMEOUT, WSAETIMEDOUT),
    (STATUS_INVALID_CONNECTION, WSAENOTCONN),
    (STATUS_INVALID_ADDRESS, WSAEADDRNOTAVAIL),
    (STATUS_INVALID_BUFFER_SIZE, WSAEMSGSIZE),
    (STATUS_INVALID_ADDRESS_COMPONENT, WSAEADDRNOTAVAIL),
    (STATUS_TOO_MANY_ADDRESSES, WSAENOBUFS),
    (STATUS_ADDRESS_ALREADY_EXISTS, WSAEADDRINUSE),
    (STATUS_CONNECTION_DISCONNECTED, WSAECONNRESET),
    (STATUS_CONNECTION_RESET, WSAECONNRESET),
    (STATUS_TRANSACTION_ABORTED, WSAECONNABORTED),
    (STATUS_CONNECTION_REFUSED, WSAECONNREFUSED),
    (STATUS_GRACEFUL_DISCONNECT, WSAEDISCON),
    (STATUS_CONNECTION_ACTIVE, WSAEISCONN),
    (STATUS_NETWORK_UNREACHABLE, WSAENETUNREACH),
    (STATUS_HOST_UNREACHABLE, WSAEHOSTUNREACH),
    (STATUS_PROTOCOL_UNREACHABLE, WSAENETUNREACH),
    (STATUS_PORT_UNREACHABLE, WSAECONNRESET),
    (STATUS_REQUEST_ABORTED, WSAEINTR),
    (STATUS_CONNECTION_ABORTED, WSAECONNABORTED),
    (STATUS_DATATYPE_MISALIGNMENT_ERROR, WSAEFAULT),
    (STATUS_HOST_DOWN, WSAEHOSTDOWN),
];

/// Winsock code → the NTSTATUS Windows puts in `OVERLAPPED.Internal` for it. Every row maps
/// back to its own code through [`NTSTATUS_TO_WSA`] (checked by the tests); codes without a
/// row travel as `NTSTATUS_FROM_WIN32`.
const WSA_TO_NTSTATUS: &[(i32, NTSTATUS)] = &[
    (0, STATUS_SUCCESS),
    (WSA_IO_PENDING, STATUS_PENDING),
    (WSA_OPERATION_ABORTED, STATUS_CANCELLED),
    (WSAEINTR, STATUS_REQUEST_ABORTED),
    (WSAEACCES, STATUS_ACCESS_DENIED),
    (WSAEFAULT, STATUS_ACCESS_VIOLATION),
    (WSAEINVAL, STATUS_INVALID_PARAMETER),
    (WSAEMFILE, STATUS_TOO_MANY_OPENED_FILES),
    (WSAEWOULDBLOCK, STATUS_DEVICE_NOT_READY),
    (WSAENOTSOCK, STATUS_INVALID_HANDLE),
    (WSAEMSGSIZE, STATUS_BUFFER_OVERFLOW),
    (WSAEOPNOTSUPP, STATUS_NOT_SUPPORTED),
    (WSAEADDRINUSE, STATUS_SHARING_VIOLATION),
    (WSAEADDRNOTAVAIL, STATUS_INVALID_ADDRESS_COMPONENT),
    (WSAENETDOWN, STATUS_NETWORK_BUSY),
    (WSAENETUNREACH, STATUS_NETWORK_UNREACHABLE),
    (WSAECONNABORTED, STATUS_CONNECTION_ABORTED),
    (WSAECONNRESET, STATUS_CONNECTION_RESET),
    (WSAENOBUFS, STATUS_INSUFFICIENT_RESOURCES),
    (WSAEISCONN, STATUS_CONNECTION_ACTIVE),
    (WSAENOTCONN, STATUS_INVALID_CONNECTION),
    (WSAESHUTDOWN, STATUS_PIPE_DISCONNECTED),
    (WSAETIMEDOUT, STATUS_IO_TIMEOUT),
    (WSAECONNREFUSED, STATUS_CONNECTION_REFUSED),
    (WSAEHOSTDOWN, STATUS_HOST_DOWN),
    (WSAEHOSTUNREACH, STATUS_HOST_UNREACHABLE),
    (WSAEDISCON, STATUS_GRACEFUL_DISCONNECT),
];

/// `NTSTATUS_FROM_WIN32(code)`: a Win32 code wrapped as a warning status of facility 7.
pub const fn ntstatus_from_win32(code: i32) -> NTSTATUS {
    if code <= 0 { code } else { (0x8007_0000 | (code as u32 & 0xffff)) as i32 }
}

/// The Win32 code a facility-Win32 (`0x8007xxxx`, `0xC007xxxx`) or RPC-facility
/// (`0xC001xxxx`) status carries, as `RtlNtStatusToDosError` unwraps it.
const fn carried_win32(status: NTSTATUS) -> Option<i32> {
    match (status as u32) >> 16 {
        0x8007 | 0xc007 | 0xc001 => Some((status as u32 & 0xffff) as i32),
        _ => None,
    }
}

/// The Winsock code for an NTSTATUS, as `WSAGetOverlappedResult` and completion routines
/// report it. `STATUS_SUCCESS` → 0; other non-error statuses → their Win32 code; unknown error
/// statuses → `WSAEINVAL` (all as Wine's `NtStatusToWSAError`).
pub fn ntstatus_to_wsa(status: NTSTATUS) -> WsaError {
    if let Some(code) = lookup(NTSTATUS_TO_WSA, status) {
        return WsaError(code);
    }
    if let Some(code) = carried_win32(status) {
        return WsaError(code);
    }
    if NT_ERROR(status) { WsaError(WSAEINVAL) } else { WsaError(ntstatus_to_win32(status) as i32) }
}

/// The NTSTATUS for a Winsock code, for the engine to store in `OVERLAPPED.Internal`:
/// `WSA_OPERATION_ABORTED` → `STATUS_CANCELLED`, `WSAECONNRESET` → `STATUS_CONNECTION_RESET`,
/// … and `NTSTATUS_FROM_WIN32(code)` for codes without a status of their own. Always
/// `ntstatus_to_wsa(wsa_to_ntstatus(e)) == e`.
pub fn wsa_to_ntstatus(error: WsaError) -> NTSTATUS {
    lookup(WSA_TO_NTSTATUS, error.0).unwrap_or_else(|| ntstatus_from_win32(error.0))
}

/// The Win32 code for an NTSTATUS, as `GetOverlappedResult` / `GetQueuedCompletionStatus` set
/// it through `RtlNtStatusToDosError`. Statuses this crate does not name give
/// `ERROR_MR_MID_NOT_FOUND` (317), as on Windows.
pub fn ntstatus_to_win32(status: NTSTATUS) -> u32 {
    // Success, and customer-defined statuses (bit 29), pass through unchanged.
    if status == 0 || status as u32 & 0x2000_0000 != 0 {
        return status as u32;
    }
    // 0xD… is treated as 0xC… (bit 28, the reserved bit, is ignored).
    let status = if status as u32 >> 28 == 0xd { (status as u32 & !0x1000_0000) as i32 } else { status };
    if let Some((_, _, win32)) = ntstatus_info(status) {
        return win32 as u32;
    }
    match carried_win32(status) {
        Some(code) => code as u32,
        None => ERROR_MR_MID_NOT_FOUND as u32,
    }
}

/// glibc's `EAI_ADDRFAMILY` (not in the `libc` crate): the host has no address of that family.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HOST_EAI_ADDRFAMILY: libc::c_int = -9;

/// The Winsock code for a host `getaddrinfo`/`getnameinfo` result. `errno` is consulted only
/// for `EAI_SYSTEM`: non-zero → [`errno_to_wsa`], zero → `WSAHOST_NOT_FOUND` (glibc returns
/// `EAI_SYSTEM` with errno 0 for some lookups that simply found nothing).
pub fn eai_to_wsa(host_eai: i32, errno: i32) -> WsaError {
    WsaError(match host_eai {
        0 => 0,
        libc::EAI_AGAIN => WSATRY_AGAIN,
        libc::EAI_BADFLAGS => WSAEINVAL,
        libc::EAI_FAIL => WSANO_RECOVERY,
        libc::EAI_FAMILY => WSAEAFNOSUPPORT,
        libc::EAI_MEMORY => WSA_NOT_ENOUGH_MEMORY,
        libc::EAI_NONAME => WSAHOST_NOT_FOUND,
        #[cfg(not(any(target_os = "freebsd", target_os = "dragonfly")))]
        libc::EAI_NODATA => WSANO_DATA,
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        HOST_EAI_ADDRFAMILY => WSANO_DATA,
        libc::EAI_SERVICE => WSATYPE_NOT_FOUND,
        libc::EAI_SOCKTYPE => WSAESOCKTNOSUPPORT,
        libc::EAI_OVERFLOW => WSAEFAULT,
        libc::EAI_SYSTEM if errno != 0 => return errno_to_wsa(errno),
        libc::EAI_SYSTEM => WSAHOST_NOT_FOUND,
        _ => WSANO_RECOVERY,
    })
}

/// `h_errno` values, identical on glibc, musl and the BSDs (`<netdb.h>`).
mod host_h_errno {
    pub const HOST_NOT_FOUND: i32 = 1;
    pub const TRY_AGAIN: i32 = 2;
    pub const NO_RECOVERY: i32 = 3;
    pub const NO_DATA: i32 = 4;
}

/// The Winsock code for a host `h_errno` from `gethostbyname`/`gethostbyaddr`: 0 → 0, the four
/// resolver codes → their `WSA*` twins, anything else (`NETDB_INTERNAL`, …) →
/// `WSANO_RECOVERY`. Callers holding an errno for `NETDB_INTERNAL` should use
/// [`errno_to_wsa`] instead.
pub fn h_errno_to_wsa(h: i32) -> WsaError {
    WsaError(match h {
        0 => 0,
        host_h_errno::HOST_NOT_FOUND => WSAHOST_NOT_FOUND,
        host_h_errno::TRY_AGAIN => WSATRY_AGAIN,
        host_h_errno::NO_RECOVERY => WSANO_RECOVERY,
        host_h_errno::NO_DATA => WSANO_DATA,
        _ => WSANO_RECOVERY,
    })
}

fn lookup<K: Copy + PartialEq, V: Copy>(table: &[(K, V)], key: K) -> Option<V> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::errors::{WIN32_ERRORS, WSA_ERRORS};
    use crate::consts::ntstatus::NTSTATUS_VALUES;

    #[test]
    fn names_print_as_windows_spells_them() {
        assert_eq!(format!("{:?}", WsaError(WSAEWOULDBLOCK)), "WSAEWOULDBLOCK");
        assert_eq!(format!("{:?}", WsaError(10035)), "WSAEWOULDBLOCK");
        assert_eq!(format!("{:?}", WsaError(WSA_IO_PENDING)), "WSA_IO_PENDING");
        assert_eq!(format!("{:?}", WsaError(ERROR_NETNAME_DELETED)), "ERROR_NETNAME_DELETED");
        assert_eq!(format!("{:?}", WsaError(0)), "ERROR_SUCCESS");
        assert_eq!(format!("{:?}", WsaError(123456)), "123456");
        assert_eq!(format!("{:?}", WsaError(-1)), "-1");
        assert_eq!(WsaError(WSAECONNRESET).name(), Some("WSAECONNRESET"));
        assert_eq!(WsaError(99999).name(), None);
        assert_eq!(WsaError(99999).description(), None);
        let shown = WsaError(WSAECONNREFUSED).to_string();
        assert!(shown.starts_with("WSAECONNREFUSED (10061): "), "{shown}");
        assert_eq!(WsaError(424242).to_string(), "Windows error 424242");
        assert!(WsaError::SUCCESS.is_success() && !WsaError(WSAEINTR).is_success());
        assert_eq!(i32::from(WsaError::from(WSAEINTR)), 10004);
    }

    #[test]
    fn every_named_constant_names_itself() {
        for &(name, value) in WSA_ERRORS {
            assert_eq!(WsaError(value).name(), Some(name));
            assert!(WsaError(value).description().is_some_and(|d| !d.is_empty()));
        }
        for &(name, value) in WIN32_ERRORS {
            // The few Win32 codes Winsock renames (ERROR_IO_PENDING = WSA_IO_PENDING, …)
            // print under their Winsock name.
            let expect = WSA_ERRORS.iter().find(|&&(_, v)| v == value).map_or(name, |&(n, _)| n);
            assert_eq!(WsaError(value).name(), Some(expect));
        }
        assert_eq!(WSA_ERRORS.len(), 97);
        for &(name, status) in NTSTATUS_VALUES {
            assert_eq!(ntstatus_name(status), Some(name));
        }
        assert_eq!(ntstatus_name(0x1234_5678), None);
    }

    #[test]
    fn winsock_values_are_windows_values() {
        assert_eq!(WSAEINTR, 10004);
        assert_eq!(WSAEWOULDBLOCK, 10035);
        assert_eq!(WSAECONNRESET, 10054);
        assert_eq!(WSAEREFUSED, 10112);
        assert_eq!(WSAHOST_NOT_FOUND, 11001);
        assert_eq!(WSA_QOS_RESERVED_PETYPE, 11031);
        assert_eq!((WSA_IO_PENDING, WSA_IO_INCOMPLETE, WSA_OPERATION_ABORTED), (997, 996, 995));
        assert_eq!((WSA_INVALID_HANDLE, WSA_INVALID_PARAMETER, WSA_NOT_ENOUGH_MEMORY), (6, 87, 8));
        assert_eq!((EAI_NONAME, EAI_AGAIN, EAI_NODATA, EAI_MEMORY), (11001, 11002, 11004, 8));
        assert_eq!(STATUS_PENDING, 0x103);
        assert_eq!(STATUS_CANCELLED as u32, 0xC000_0120);
        assert!(NT_ERROR(STATUS_CANCELLED) && !NT_ERROR(STATUS_BUFFER_OVERFLOW));
        assert!(NT_SUCCESS(STATUS_PENDING) && !NT_SUCCESS(STATUS_BUFFER_OVERFLOW));
    }

    #[test]
    fn errno_table() {
        let cases = [
            (0, 0),
            (libc::EAGAIN, WSAEWOULDBLOCK),
            (libc::EWOULDBLOCK, WSAEWOULDBLOCK),
            (libc::EINPROGRESS, WSAEWOULDBLOCK),
            (libc::EINTR, WSAEINTR),
            (libc::EBADF, WSAEBADF),
            (libc::EPERM, WSAEACCES),
            (libc::EACCES, WSAEACCES),
            (libc::EFAULT, WSAEFAULT),
            (libc::EINVAL, WSAEINVAL),
            (libc::EMFILE, WSAEMFILE),
            (libc::ENFILE, WSAEMFILE),
            (libc::EALREADY, WSAEALREADY),
            (libc::ENOTSOCK, WSAENOTSOCK),
            (libc::EDESTADDRREQ, WSAEDESTADDRREQ),
            (libc::EMSGSIZE, WSAEMSGSIZE),
            (libc::EPROTOTYPE, WSAEPROTOTYPE),
            (libc::ENOPROTOOPT, WSAENOPROTOOPT),
            (libc::EPROTONOSUPPORT, WSAEPROTONOSUPPORT),
            (libc::ESOCKTNOSUPPORT, WSAESOCKTNOSUPPORT),
            (libc::EOPNOTSUPP, WSAEOPNOTSUPP),
            (libc::ENOTSUP, WSAEOPNOTSUPP),
            (libc::EPFNOSUPPORT, WSAEPFNOSUPPORT),
            (libc::EAFNOSUPPORT, WSAEAFNOSUPPORT),
            (libc::EADDRINUSE, WSAEADDRINUSE),
            (libc::EADDRNOTAVAIL, WSAEADDRNOTAVAIL),
            (libc::ENETDOWN, WSAENETDOWN),
            (libc::ENETUNREACH, WSAENETUNREACH),
            (libc::ENETRESET, WSAENETRESET),
            (libc::ECONNABORTED, WSAECONNABORTED),
            (libc::ECONNRESET, WSAECONNRESET),
            (libc::ENOBUFS, WSAENOBUFS),
            (libc::ENOMEM, WSAENOBUFS),
            (libc::EISCONN, WSAEISCONN),
            (libc::ENOTCONN, WSAENOTCONN),
            (libc::ESHUTDOWN, WSAESHUTDOWN),
            (libc::EPIPE, WSAESHUTDOWN),
            (libc::ETOOMANYREFS, WSAETOOMANYREFS),
            (libc::ETIMEDOUT, WSAETIMEDOUT),
            (libc::ECONNREFUSED, WSAECONNREFUSED),
            (libc::ELOOP, WSAELOOP),
            (libc::ENAMETOOLONG, WSAENAMETOOLONG),
            (libc::EHOSTDOWN, WSAEHOSTDOWN),
            (libc::EHOSTUNREACH, WSAEHOSTUNREACH),
            (libc::ENOTEMPTY, WSAENOTEMPTY),
            (libc::EUSERS, WSAEUSERS),
            (libc::EDQUOT, WSAEDQUOT),
            (libc::ESTALE, WSAESTALE),
            (libc::EREMOTE, WSAEREMOTE),
            (libc::ECANCELED, WSA_OPERATION_ABORTED),
            (libc::ENODEV, WSAEADDRNOTAVAIL),
        ];
        for (errno, wsa) in cases {
            assert_eq!(errno_to_wsa(errno), WsaError(wsa), "errno {errno}");
        }
        // Unknown errno → WSAEFAULT, as Wine's errno_from_unix.
        assert_eq!(errno_to_wsa(libc::EIO), WsaError(WSAEFAULT));
        assert_eq!(errno_to_wsa(-5), WsaError(WSAEFAULT));
        assert_eq!(errno_to_wsa(100_000), WsaError(WSAEFAULT));
        // Every row of the table answers with its own value (an alias listed twice must agree).
        for &(errno, wsa) in ERRNO_TO_WSA {
            assert_eq!(errno_to_wsa(errno), WsaError(wsa), "errno {errno}");
        }
    }

    #[test]
    fn errno_to_ntstatus_agrees_with_errno_to_wsa() {
        for errno in -2..200 {
            let status = errno_to_ntstatus(errno);
            assert_eq!(ntstatus_to_wsa(status), errno_to_wsa(errno), "errno {errno}");
        }
        assert_eq!(errno_to_ntstatus(0), STATUS_SUCCESS);
        assert_eq!(errno_to_ntstatus(libc::EAGAIN), STATUS_DEVICE_NOT_READY);
        assert_eq!(errno_to_ntstatus(libc::ECONNRESET), STATUS_CONNECTION_RESET);
        assert_eq!(errno_to_ntstatus(libc::ECONNABORTED), STATUS_CONNECTION_ABORTED);
        assert_eq!(errno_to_ntstatus(libc::ECONNREFUSED), STATUS_CONNECTION_REFUSED);
        assert_eq!(errno_to_ntstatus(libc::EADDRINUSE), STATUS_SHARING_VIOLATION);
        assert_eq!(errno_to_ntstatus(libc::EMSGSIZE), STATUS_BUFFER_OVERFLOW);
        assert_eq!(errno_to_ntstatus(libc::ETIMEDOUT), STATUS_IO_TIMEOUT);
        assert_eq!(errno_to_ntstatus(libc::ENOTCONN), STATUS_INVALID_CONNECTION);
        assert_eq!(errno_to_ntstatus(libc::ESHUTDOWN), STATUS_PIPE_DISCONNECTED);
        assert_eq!(errno_to_ntstatus(libc::ENETUNREACH), STATUS_NETWORK_UNREACHABLE);
        assert_eq!(errno_to_ntstatus(libc::EHOSTUNREACH), STATUS_HOST_UNREACHABLE);
        assert_eq!(errno_to_ntstatus(libc::EISCONN), STATUS_CONNECTION_ACTIVE);
        // No status of its own: the code travels as NTSTATUS_FROM_WIN32.
        assert_eq!(errno_to_ntstatus(libc::EBADF) as u32, 0x8007_0000 | WSAEBADF as u32);
    }

    #[test]
    fn ntstatus_table() {
        for &(status, wsa) in NTSTATUS_TO_WSA {
            assert_eq!(ntstatus_to_wsa(status), WsaError(wsa), "{:?}", ntstatus_name(status));
            assert!(ntstatus_name(status).is_some(), "{status:#x} is not a named constant");
        }
        assert_eq!(ntstatus_to_wsa(STATUS_SUCCESS), WsaError(0));
        assert_eq!(ntstatus_to_wsa(STATUS_PENDING), WsaError(WSA_IO_PENDING));
        assert_eq!(ntstatus_to_wsa(STATUS_CANCELLED), WsaError(WSA_OPERATION_ABORTED));
        assert_eq!(ntstatus_to_wsa(STATUS_PORT_UNREACHABLE), WsaError(WSAECONNRESET));
        // Wine's ERROR_IO_INCOMPLETE rows, covered by the facility rule.
        for s in [0x8007_0000u32 | 996, 0xC001_0000 | 996, 0xC007_0000 | 996] {
            assert_eq!(ntstatus_to_wsa(s as i32), WsaError(WSA_IO_INCOMPLETE));
        }
        // Unknown error statuses → WSAEINVAL; unknown non-errors → their Win32 code.
        assert_eq!(ntstatus_to_wsa(STATUS_INVALID_PARAMETER), WsaError(WSAEINVAL));
        assert_eq!(ntstatus_to_wsa(STATUS_ADDRESS_ALREADY_ASSOCIATED), WsaError(WSAEINVAL));
        assert_eq!(ntstatus_to_wsa(STATUS_UNSUCCESSFUL), WsaError(WSAEINVAL));
        assert_eq!(ntstatus_to_wsa(0xC0FF_FFFFu32 as i32), WsaError(WSAEINVAL));
        assert_eq!(ntstatus_to_wsa(STATUS_TIMEOUT), WsaError(ERROR_TIMEOUT));
        assert_eq!(ntstatus_to_wsa(STATUS_DEVICE_BUSY), WsaError(ERROR_BUSY));
        assert_eq!(ntstatus_to_wsa(0x0000_0999), WsaError(ERROR_MR_MID_NOT_FOUND));
    }

    #[test]
    fn wsa_to_ntstatus_round_trips_every_code() {
        for &(wsa, status) in WSA_TO_NTSTATUS {
            assert_eq!(wsa_to_ntstatus(WsaError(wsa)), status);
            assert_eq!(ntstatus_to_wsa(status), WsaError(wsa), "{:?}", WsaError(wsa));
        }
        for code in 0..=0xffff {
            let e = WsaError(code);
            assert_eq!(ntstatus_to_wsa(wsa_to_ntstatus(e)), e, "{e:?}");
        }
        assert_eq!(wsa_to_ntstatus(WsaError(WSA_OPERATION_ABORTED)), STATUS_CANCELLED);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAECONNRESET)), STATUS_CONNECTION_RESET);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAECONNABORTED)), STATUS_CONNECTION_ABORTED);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAEWOULDBLOCK)), STATUS_DEVICE_NOT_READY);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAEMSGSIZE)), STATUS_BUFFER_OVERFLOW);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAETIMEDOUT)), STATUS_IO_TIMEOUT);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAENOTCONN)), STATUS_INVALID_CONNECTION);
        assert_eq!(wsa_to_ntstatus(WsaError(WSAESHUTDOWN)), STATUS_PIPE_DISCONNECTED);
        assert_eq!(wsa_to_ntstatus(WsaError(WSA_IO_PENDING)), STATUS_PENDING);
        assert_eq!(wsa_to_ntstatus(WsaError(0)), STATUS_SUCCESS);
    }

    #[test]
    fn ntstatus_to_win32_matches_rtl() {
        let cases = [
            (STATUS_SUCCESS, ERROR_SUCCESS),
            (STATUS_PENDING, ERROR_IO_PENDING),
            (STATUS_CANCELLED, ERROR_OPERATION_ABORTED),
            (STATUS_CONNECTION_RESET, ERROR_NETNAME_DELETED),
            (STATUS_CONNECTION_ABORTED, ERROR_CONNECTION_ABORTED),
            (STATUS_CONNECTION_REFUSED, ERROR_CONNECTION_REFUSED),
            (STATUS_IO_TIMEOUT, ERROR_SEM_TIMEOUT),
            (STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA),
            (STATUS_INVALID_CONNECTION, ERROR_UNEXP_NET_ERR),
            (STATUS_PIPE_DISCONNECTED, ERROR_PIPE_NOT_CONNECTED),
            (STATUS_NOT_SUPPORTED, ERROR_NOT_SUPPORTED),
            (STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER),
            (STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER),
            (STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE),
            (STATUS_HOST_UNREACHABLE, ERROR_HOST_UNREACHABLE),
            (STATUS_NETWORK_UNREACHABLE, ERROR_NETWORK_UNREACHABLE),
            (STATUS_PORT_UNREACHABLE, ERROR_PORT_UNREACHABLE),
            (STATUS_PROTOCOL_UNREACHABLE, ERROR_PROTOCOL_UNREACHABLE),
            (STATUS_GRACEFUL_DISCONNECT, ERROR_GRACEFUL_DISCONNECT),
            (STATUS_ADDRESS_ALREADY_EXISTS, ERROR_DUP_NAME),
            (STATUS_SHARING_VIOLATION, ERROR_SHARING_VIOLATION),
            (STATUS_ACCESS_VIOLATION, ERROR_NOACCESS),
            (STATUS_DEVICE_NOT_READY, ERROR_NOT_READY),
            (STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY),
            (STATUS_INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES),
            (STATUS_TIMEOUT, ERROR_TIMEOUT),
            (STATUS_HOST_DOWN, ERROR_HOST_DOWN),
            (STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION),
        ];
        for (status, win32) in cases {
            assert_eq!(ntstatus_to_win32(status), win32 as u32, "{:?}", ntstatus_name(status));
        }
        // 0xD… behaves as 0xC…; facility-Win32 statuses carry their code; customer statuses
        // pass through; anything else has no mapping.
        assert_eq!(ntstatus_to_win32((STATUS_CANCELLED as u32 | 0x1000_0000) as i32), 995);
        assert_eq!(ntstatus_to_win32(ntstatus_from_win32(WSAEBADF)), WSAEBADF as u32);
        assert_eq!(ntstatus_to_win32(0xE000_0001u32 as i32), 0xE000_0001);
        assert_eq!(ntstatus_to_win32(0xC0FF_FFFFu32 as i32), ERROR_MR_MID_NOT_FOUND as u32);
        // Every named status has a Win32 code that is itself named.
        for &(name, status) in NTSTATUS_VALUES {
            let win32 = ntstatus_to_win32(status) as i32;
            assert!(WsaError(win32).name().is_some(), "{name} → {win32}");
        }
    }

    #[test]
    fn resolver_errors() {
        let cases = [
            (0, WSAEFAULT, 0),
            (libc::EAI_AGAIN, 0, WSATRY_AGAIN),
            (libc::EAI_BADFLAGS, 0, WSAEINVAL),
            (libc::EAI_FAIL, 0, WSANO_RECOVERY),
            (libc::EAI_FAMILY, 0, WSAEAFNOSUPPORT),
            (libc::EAI_MEMORY, 0, WSA_NOT_ENOUGH_MEMORY),
            (libc::EAI_NONAME, 0, WSAHOST_NOT_FOUND),
            (libc::EAI_SERVICE, 0, WSATYPE_NOT_FOUND),
            (libc::EAI_SOCKTYPE, 0, WSAESOCKTNOSUPPORT),
            (libc::EAI_OVERFLOW, 0, WSAEFAULT),
            (libc::EAI_SYSTEM, libc::ECONNREFUSED, WSAECONNREFUSED),
            (libc::EAI_SYSTEM, 0, WSAHOST_NOT_FOUND),
            (12345, 0, WSANO_RECOVERY),
            #[cfg(not(any(target_os = "freebsd", target_os = "dragonfly")))]
            (libc::EAI_NODATA, 0, WSANO_DATA),
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            (HOST_EAI_ADDRFAMILY, 0, WSANO_DATA),
        ];
        for (eai, errno, wsa) in cases {
            assert_eq!(eai_to_wsa(eai, errno), WsaError(wsa), "EAI {eai}");
        }
        assert_eq!(EAI_AGAIN, WSATRY_AGAIN);
        assert_eq!(EAI_FAIL, WSANO_RECOVERY);

        let cases = [
            (0, 0),
            (1, WSAHOST_NOT_FOUND),
            (2, WSATRY_AGAIN),
            (3, WSANO_RECOVERY),
            (4, WSANO_DATA),
            (-1, WSANO_RECOVERY),
            (99, WSANO_RECOVERY),
        ];
        for (h, wsa) in cases {
            assert_eq!(h_errno_to_wsa(h), WsaError(wsa), "h_errno {h}");
        }
        assert_eq!((HOST_NOT_FOUND, TRY_AGAIN, NO_RECOVERY, NO_DATA), (11001, 11002, 11003, 11004));
        assert_eq!(NO_ADDRESS, NO_DATA);
    }

    #[test]
    fn io_error_conversion() {
        use std::io::{Error, ErrorKind};
        let os = Error::from_raw_os_error(libc::ECONNRESET);
        assert_eq!(WsaError::from(os), WsaError(WSAECONNRESET));
        assert_eq!(WsaError::from(Error::from(ErrorKind::WouldBlock)), WsaError(WSAEWOULDBLOCK));
        assert_eq!(WsaError::from(Error::from(ErrorKind::BrokenPipe)), WsaError(WSAESHUTDOWN));
        assert_eq!(WsaError::from(Error::from(ErrorKind::TimedOut)), WsaError(WSAETIMEDOUT));
        assert_eq!(WsaError::from(Error::other("x")), WsaError(WSAEINVAL));
        let e: Box<dyn std::error::Error> = Box::new(WsaError(WSAEINTR));
        assert!(e.to_string().contains("WSAEINTR"));
    }
}
