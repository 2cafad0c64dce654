//! Bit-flag conversions: `MSG_*`, `shutdown` how, `AI_*`/`NI_*`, `POLL*`.
//!
//! Windows and POSIX give most of these flags different bit values (`MSG_WAITALL` is 0x8 on
//! Windows and 0x100 on Linux; Windows `POLLRDNORM` is 0x100, Linux's is 0x40), so every
//! conversion is a table of `(windows bit, host bit)` pairs walked in both directions.
//!
//! Unknown input bits are refused rather than dropped, the way Windows refuses them:
//! * `send`/`recv`: a flag the call does not support → `WSAEOPNOTSUPP` (the documented answer
//!   for `MSG_PARTIAL` on a transport without partial messages, and what the AFD driver
//!   answers for unsupported flags). Hint-only flags (`MSG_PUSH_IMMEDIATE` on receive,
//!   `MSG_PARTIAL` on receive input, where `WSARecvEx` passes it) are accepted and dropped.
//! * `shutdown`: anything but `SD_RECEIVE`/`SD_SEND`/`SD_BOTH` → `WSAEINVAL`.
//! * `getaddrinfo`/`getnameinfo`: bits no Windows SDK defines → `WSAEINVAL` (`EAI_BADFLAGS` is
//!   `WSAEINVAL` on Windows); Windows-only resolver flags are accepted and dropped because the
//!   host resolver has no equivalent, except the documented conflict `AI_FQDN | AI_CANONNAME`.
//! * `WSAPoll`: only `POLLRDNORM`, `POLLRDBAND` and `POLLWRNORM` (so `POLLIN`/`POLLOUT`) may be
//!   requested; output-only bits (`POLLERR`, `POLLHUP`, `POLLNVAL`), `POLLPRI`, `POLLWRBAND` and
//!   unknown bits → `WSAEINVAL` (Windows does this; Wine's tests mark it `todo_wine`).
//!
//! `send` always gets the host's `MSG_NOSIGNAL` where it exists (Linux): Windows has no
//! `SIGPIPE`. Hosts without it (macOS) set `SO_NOSIGPIPE` on the socket instead; see
//! [`SEND_NEEDS_SO_NOSIGPIPE`].

use crate::consts::{
    AI_ADDRCONFIG, AI_ALL, AI_CANONNAME, AI_DISABLE_IDN_ENCODING, AI_DNS_ONLY, AI_EXTENDED, AI_FILESERVER, AI_FQDN,
    AI_NON_AUTHORITATIVE, AI_NUMERICHOST, AI_NUMERICSERV, AI_PASSIVE, AI_RESOLUTION_HANDLE, AI_RETURN_PREFERRED_NAMES,
    AI_SECURE, AI_V4MAPPED, MSG_CTRUNC, MSG_DONTROUTE, MSG_OOB, MSG_PARTIAL, MSG_PEEK, MSG_PUSH_IMMEDIATE, MSG_TRUNC,
    MSG_WAITALL, NI_DGRAM, NI_NAMEREQD, NI_NOFQDN, NI_NUMERICHOST, NI_NUMERICSERV, POLLERR, POLLHUP, POLLNVAL,
    POLLRDBAND, POLLRDNORM, POLLWRNORM, SD_BOTH, SD_RECEIVE, SD_SEND, WSAEINVAL, WSAEOPNOTSUPP,
};
use crate::error::WsaError;

/// Maps every set bit of `value` that appears in `table` (`(from, to)` pairs); returns the
/// mapped bits and the bits of `value` no pair covered.
fn map_bits<T>(value: T, table: &[(T, T)]) -> (T, T)
where
    T: Copy
        + Default
        + PartialEq
        + core::ops::BitAnd<Output = T>
        + core::ops::BitOr<Output = T>
        + core::ops::Not<Output = T>,
{
    let mut out = T::default();
    let mut seen = T::default();
    for &(from, to) in table {
        if value & from != T::default() {
            out = out | to;
            seen = seen | from;
        }
    }
    (out, value & !seen)
}

fn flip<T: Copy, const N: usize>(table: &[(T, T); N]) -> [(T, T); N] {
    table.map(|(a, b)| (b, a))
}

// ---------------------------------------------------------------------------------------------
// send / recv
// ---------------------------------------------------------------------------------------------

/// True on hosts without `MSG_NOSIGNAL`, where the engine must set `SO_NOSIGPIPE` on every
/// socket (Windows never raises a signal on a broken connection).
pub const SEND_NEEDS_SO_NOSIGPIPE: bool = !cfg!(any(target_os = "linux", target_os = "android"));

#[cfg(any(target_os = "linux", target_os = "android"))]
const HOST_NOSIGNAL: i32 = libc::MSG_NOSIGNAL;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const HOST_NOSIGNAL: i32 = 0;

/// Windows → host bits accepted by `send`/`sendto`/`WSASend*`.
const SEND_FLAGS: [(i32, i32); 2] = [(MSG_OOB, libc::MSG_OOB), (MSG_DONTROUTE, libc::MSG_DONTROUTE)];

/// Windows → host bits accepted by `recv`/`recvfrom`/`WSARecv*`; `MSG_PUSH_IMMEDIATE` and
/// `MSG_PARTIAL` (input of `WSARecvEx`) are accepted with no host bit; `MSG_DONTROUTE` is
/// meaningless on receive and dropped.
const RECV_FLAGS: [(i32, i32); 6] = [
    (MSG_OOB, libc::MSG_OOB),
    (MSG_PEEK, libc::MSG_PEEK),
    (MSG_WAITALL, libc::MSG_WAITALL),
    (MSG_DONTROUTE, 0),
    (MSG_PUSH_IMMEDIATE, 0),
    (MSG_PARTIAL, 0),
];

/// Windows send flags → host flags (with `MSG_NOSIGNAL` on Linux).
///
/// `MSG_OOB` and `MSG_DONTROUTE` are the only send flags; anything else (`MSG_PEEK`,
/// `MSG_WAITALL`, `MSG_PARTIAL` — TCP/UDP carry no partial messages — or unknown bits) →
/// `WSAEOPNOTSUPP`.
pub fn send_flags_to_host(win: i32) -> Result<i32, WsaError> {
    let (host, rest) = map_bits(win, &SEND_FLAGS);
    if rest != 0 {
        return Err(WsaError(WSAEOPNOTSUPP));
    }
    Ok(host | HOST_NOSIGNAL)
}

/// Windows receive flags → host flags.
///
/// Accepted: `MSG_OOB`, `MSG_PEEK`, `MSG_WAITALL`, and the hints `MSG_PUSH_IMMEDIATE`,
/// `MSG_PARTIAL`, `MSG_DONTROUTE` (no host bit). Anything else → `WSAEOPNOTSUPP`. Whether
/// `MSG_OOB`/`MSG_WAITALL` suit the socket (OOB on UDP, WAITALL on a non-blocking socket) is
/// the engine's check.
pub fn recv_flags_to_host(win: i32) -> Result<i32, WsaError> {
    let (host, rest) = map_bits(win, &RECV_FLAGS);
    if rest != 0 {
        return Err(WsaError(WSAEOPNOTSUPP));
    }
    Ok(host)
}

/// Host `msg_flags` of a completed `recvmsg` → Windows result flags (`MSG_TRUNC`,
/// `MSG_CTRUNC`, `MSG_OOB`). `MSG_BCAST`/`MSG_MCAST` come from packet info and are the
/// engine's to add; for `WSARecv`/`WSARecvEx` on a message socket, a truncated datagram is
/// reported as `MSG_PARTIAL`, see [`recv_partial_flag`].
pub fn recv_result_flags_to_win(host_msg_flags: i32) -> i32 {
    const T: [(i32, i32); 3] = [(libc::MSG_TRUNC, MSG_TRUNC), (libc::MSG_CTRUNC, MSG_CTRUNC), (libc::MSG_OOB, MSG_OOB)];
    map_bits(host_msg_flags, &T).0
}

/// `MSG_PARTIAL` when the host says the datagram was truncated, else 0 (the `lpFlags` output
/// of `WSARecv` and `WSARecvEx` on message-oriented sockets).
pub fn recv_partial_flag(host_msg_flags: i32) -> i32 {
    if host_msg_flags & libc::MSG_TRUNC != 0 { MSG_PARTIAL } else { 0 }
}

// ---------------------------------------------------------------------------------------------
// shutdown
// ---------------------------------------------------------------------------------------------

/// `SD_RECEIVE`/`SD_SEND`/`SD_BOTH` → `SHUT_RD`/`SHUT_WR`/`SHUT_RDWR`; anything else →
/// `WSAEINVAL`.
pub fn shutdown_how_to_host(how: i32) -> Result<i32, WsaError> {
    match how {
        SD_RECEIVE => Ok(libc::SHUT_RD),
        SD_SEND => Ok(libc::SHUT_WR),
        SD_BOTH => Ok(libc::SHUT_RDWR),
        _ => Err(WsaError(WSAEINVAL)),
    }
}

// ---------------------------------------------------------------------------------------------
// getaddrinfo / getnameinfo
// ---------------------------------------------------------------------------------------------

const AI_MAP: [(i32, i32); 7] = [
    (AI_PASSIVE, libc::AI_PASSIVE),
    (AI_CANONNAME, libc::AI_CANONNAME),
    (AI_NUMERICHOST, libc::AI_NUMERICHOST),
    (AI_NUMERICSERV, libc::AI_NUMERICSERV),
    (AI_ALL, libc::AI_ALL),
    (AI_ADDRCONFIG, libc::AI_ADDRCONFIG),
    (AI_V4MAPPED, libc::AI_V4MAPPED),
];

/// Windows-only resolver flags defined by the SDK (ws2def.h). The host resolver has no
/// equivalent: they are accepted and dropped. `AI_DNS_ONLY` and `AI_DISABLE_IDN_ENCODING` are
/// also exposed so the engine can honour them itself (Wine does the same on its PE side).
pub const AI_WINDOWS_ONLY: i32 = AI_DNS_ONLY
    | AI_NON_AUTHORITATIVE
    | AI_SECURE
    | AI_RETURN_PREFERRED_NAMES
    | AI_FQDN
    | AI_FILESERVER
    | AI_DISABLE_IDN_ENCODING
    | AI_BYPASS_DNS_CACHE
    | AI_RETURN_TTL
    | AI_SECURE_WITH_FALLBACK
    | AI_EXCLUSIVE_CUSTOM_SERVERS
    | AI_RETURN_RESPONSE_FLAGS
    | AI_REQUIRE_SECURE
    | AI_RESOLUTION_HANDLE
    | AI_EXTENDED;

// Newer ws2def.h flags (Windows 10 SDK and later) that mingw-w64 does not define yet.
// TODO: move to consts
const AI_BYPASS_DNS_CACHE: i32 = 0x40;
const AI_RETURN_TTL: i32 = 0x80;
const AI_SECURE_WITH_FALLBACK: i32 = 0x0010_0000;
const AI_EXCLUSIVE_CUSTOM_SERVERS: i32 = 0x0020_0000;
const AI_RETURN_RESPONSE_FLAGS: i32 = 0x1000_0000;
const AI_REQUIRE_SECURE: i32 = 0x2000_0000;

/// Windows `ADDRINFO.ai_flags` → host `ai_flags`.
///
/// The seven POSIX flags are renumbered; Windows-only flags ([`AI_WINDOWS_ONLY`]) are dropped;
/// `AI_FQDN` together with `AI_CANONNAME` (documented as mutually exclusive) and bits no SDK
/// defines → `WSAEINVAL` (= `EAI_BADFLAGS`).
pub fn ai_flags_to_host(win: i32) -> Result<i32, WsaError> {
    if win & AI_FQDN != 0 && win & AI_CANONNAME != 0 {
        return Err(WsaError(WSAEINVAL));
    }
    let (host, rest) = map_bits(win, &AI_MAP);
    if rest & !AI_WINDOWS_ONLY != 0 {
        return Err(WsaError(WSAEINVAL));
    }
    Ok(host)
}

/// Host `ai_flags` → Windows (host-only bits are dropped).
pub fn ai_flags_from_host(host: i32) -> i32 {
    map_bits(host, &flip(&AI_MAP)).0
}

const NI_MAP: [(i32, i32); 5] = [
    (NI_NOFQDN, libc::NI_NOFQDN),
    (NI_NUMERICHOST, libc::NI_NUMERICHOST),
    (NI_NAMEREQD, libc::NI_NAMEREQD),
    (NI_NUMERICSERV, libc::NI_NUMERICSERV),
    (NI_DGRAM, libc::NI_DGRAM),
];

/// Windows `getnameinfo` flags → host; unknown bits → `WSAEINVAL` (`EAI_BADFLAGS`).
pub fn ni_flags_to_host(win: i32) -> Result<i32, WsaError> {
    let (host, rest) = map_bits(win, &NI_MAP);
    if rest != 0 {
        return Err(WsaError(WSAEINVAL));
    }
    Ok(host)
}

/// Host `getnameinfo` flags → Windows (host-only bits such as `NI_IDN` dropped).
pub fn ni_flags_from_host(host: i32) -> i32 {
    map_bits(host, &flip(&NI_MAP)).0
}

// ---------------------------------------------------------------------------------------------
// WSAPoll
// ---------------------------------------------------------------------------------------------

const POLL_REQUEST: [(i16, i16); 3] =
    [(POLLRDNORM, libc::POLLIN), (POLLRDBAND, libc::POLLPRI), (POLLWRNORM, libc::POLLOUT)];

/// Windows `WSAPOLLFD.events` → host `pollfd.events`.
///
/// `POLLRDNORM` → `POLLIN`, `POLLRDBAND` (out-of-band data) → `POLLPRI`, `POLLWRNORM` →
/// `POLLOUT`. Anything else — `POLLPRI` and `POLLWRBAND` (not supported by the Microsoft
/// provider), output-only `POLLERR`/`POLLHUP`/`POLLNVAL`, unknown bits — → `WSAEINVAL`.
pub fn poll_events_to_host(win_events: i16) -> Result<i16, WsaError> {
    let (host, rest) = map_bits(win_events, &POLL_REQUEST);
    if rest != 0 {
        return Err(WsaError(WSAEINVAL));
    }
    Ok(host)
}

/// Host `revents` → Windows `revents`, masked by what was requested plus the always-reported
/// `POLLHUP`, `POLLERR` and `POLLNVAL` (as Windows does).
pub fn poll_revents_from_host(host_revents: i16, requested_win_events: i16) -> i16 {
    const T: [(i16, i16); 6] = [
        (libc::POLLIN, POLLRDNORM),
        (libc::POLLRDNORM, POLLRDNORM),
        (libc::POLLPRI, POLLRDBAND),
        (libc::POLLRDBAND, POLLRDBAND),
        (libc::POLLOUT, POLLWRNORM),
        (libc::POLLWRNORM, POLLWRNORM),
    ];
    const ALWAYS: [(i16, i16); 3] = [(libc::POLLHUP, POLLHUP), (libc::POLLERR, POLLERR), (libc::POLLNVAL, POLLNVAL)];
    let (data, _) = map_bits(host_revents, &T);
    let (always, _) = map_bits(host_revents, &ALWAYS);
    (data & requested_win_events) | always
}
