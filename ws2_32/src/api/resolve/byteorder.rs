//! Byte order: `htonl`, `htons`, `ntohl`, `ntohs` and the socket-aware `WSAHton*`/`WSANtoh*`.
//!
//! The `WSA*` forms take a socket (the provider decides the network order; for TCP/IP it is
//! big-endian) and return their error code *directly* — 0, `WSANOTINITIALISED`,
//! `WSAENOTSOCK` or `WSAEFAULT` — without touching the thread's last error, as Wine does.

use translate::{SOCKET, WSAEFAULT};

use crate::engine::table;

/// `htonl`.
pub fn htonl(v: u32) -> u32 {
    v.to_be()
}

/// `htons`.
pub fn htons(v: u16) -> u16 {
    v.to_be()
}

/// `ntohl`.
pub fn ntohl(v: u32) -> u32 {
    u32::from_be(v)
}

/// `ntohs`.
pub fn ntohs(v: u16) -> u16 {
    u16::from_be(v)
}

/// Checks the socket and the output pointer, then stores `v`.
///
/// # Safety
/// `out` is NULL or writable.
unsafe fn store<T>(s: SOCKET, out: *mut T, v: T) -> i32 {
    if let Err(e) = table::get(s) {
        return e.0;
    }
    if out.is_null() {
        return WSAEFAULT;
    }
    // SAFETY: non-NULL and writable per the contract.
    unsafe { out.write_unaligned(v) };
    0
}

/// `WSAHtonl`.
///
/// # Safety
/// `out` is NULL or writable.
pub unsafe fn wsa_htonl(s: SOCKET, v: u32, out: *mut u32) -> i32 {
    // SAFETY: per the contract.
    unsafe { store(s, out, v.to_be()) }
}

/// `WSAHtons`.
///
/// # Safety
/// `out` is NULL or writable.
pub unsafe fn wsa_htons(s: SOCKET, v: u16, out: *mut u16) -> i32 {
    // SAFETY: per the contract.
    unsafe { store(s, out, v.to_be()) }
}

/// `WSANtohl`.
///
/// # Safety
/// `out` is NULL or writable.
pub unsafe fn wsa_ntohl(s: SOCKET, v: u32, out: *mut u32) -> i32 {
    // SAFETY: per the contract.
    unsafe { store(s, out, u32::from_be(v)) }
}

/// `WSANtohs`.
///
/// # Safety
/// `out` is NULL or writable.
pub unsafe fn wsa_ntohs(s: SOCKET, v: u16, out: *mut u16) -> i32 {
    // SAFETY: per the contract.
    unsafe { store(s, out, u16::from_be(v)) }
}
