//! Names and addresses: the resolver (`getaddrinfo` family, `getnameinfo`), the BSD database
//! calls (`gethostbyname`, `getservbyname`, `getprotobyname`, …), address text conversions
//! (`inet_*`, `WSAStringToAddress*`, `WSAAddressToString*`) and byte-order helpers.
//!
//! Why it is split this way:
//! * [`text`] is pure parsing and formatting. Windows' parsers are not POSIX's (`inet_addr`
//!   accepts octal/hex parts and stops at white space; `inet_pton` rejects leading zeros;
//!   `inet_ntop` prints IPv4-compatible addresses in dotted form), so none of this is delegated
//!   to libc. Wine's conformance tables (`dlls/ws2_32/tests/protocol.c`) are the specification.
//! * [`addrinfo`] calls the host's thread-safe `getaddrinfo`/`getnameinfo` and re-packs the
//!   results in Windows layouts (`ADDRINFOA/W/EXA/EXW`, Windows `SOCKADDR`s) in one `malloc`
//!   block per list, so `freeaddrinfo` is a single `free`.
//! * [`netdb`] returns `HOSTENT`/`SERVENT`/`PROTOENT` in per-thread buffers reused from call to
//!   call, as Windows does, built with reentrant host calls only.
//! * [`byteorder`] is `htonl` and friends.
//!
//! Windows narrow strings are bytes in the ANSI code page; they are handed to the host as
//! bytes (UTF-8 on Linux). `WCHAR` strings are UTF-16 and are converted to UTF-8 and back.

pub mod addrinfo;
pub mod byteorder;
pub mod netdb;
pub mod text;

use core::ffi::c_char;

/// The bytes of a NUL-terminated narrow string, or `None` for NULL.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn cstr<'a>(p: *const c_char) -> Option<&'a [u8]> {
    if p.is_null() {
        return None;
    }
    // SAFETY: non-NULL and NUL-terminated per the caller.
    Some(unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes())
}

/// The code units of a NUL-terminated UTF-16 string, or `None` for NULL.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated UTF-16 string valid for `'a`.
pub(crate) unsafe fn wstr<'a>(p: *const u16) -> Option<&'a [u16]> {
    if p.is_null() {
        return None;
    }
    let mut n = 0;
    // SAFETY: the string is NUL-terminated, so every index up to the NUL is readable.
    while unsafe { *p.add(n) } != 0 {
        n += 1;
    }
    // SAFETY: `n` readable code units precede the NUL.
    Some(unsafe { std::slice::from_raw_parts(p, n) })
}

/// UTF-16 → UTF-8 bytes (unpaired surrogates become U+FFFD).
pub(crate) fn utf16_to_utf8(w: &[u16]) -> Vec<u8> {
    String::from_utf16_lossy(w).into_bytes()
}

/// UTF-16 → bytes for the address parsers: ASCII stays, anything else becomes 0xff (which no
/// parser accepts), so `InetPtonW` and `WSAStringToAddressW` reject non-ASCII input.
pub(crate) fn utf16_to_ascii(w: &[u16]) -> Vec<u8> {
    w.iter().map(|&c| if c < 0x80 { c as u8 } else { 0xff }).collect()
}

/// UTF-8 bytes (lossy) → UTF-16 code units, without a terminator.
pub(crate) fn to_utf16(s: &[u8]) -> Vec<u16> {
    String::from_utf8_lossy(s).encode_utf16().collect()
}
