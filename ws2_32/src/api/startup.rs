//! `WSAStartup`, `WSACleanup`, `WSAGetLastError`, `WSASetLastError`.

use translate::{WSADATA, WSAEFAULT, WSAVERNOTSUPPORTED};

use super::{last_error, set_last_error, status};
use crate::engine::{startup, table};

/// The highest Winsock version this implementation offers (2.2).
const HIGH_VERSION: u16 = 0x0202;

/// `WSAStartup`: version negotiation as Windows does it. Returns the error code directly
/// (it is not reported through `WSAGetLastError`).
///
/// * major version 0 → `WSAVERNOTSUPPORTED`;
/// * 1.0 … 2.2 → that version; anything above 2.2 (minor 3+ of major 2, or major ≥ 3)
///   → 2.2;
/// * `lpWSAData` NULL → `WSAEFAULT`.
///
/// # Safety
/// `data` must be NULL or point to a writable `WSADATA`.
pub unsafe fn wsa_startup(version: u16, data: *mut WSADATA) -> i32 {
    let (major, minor) = ((version & 0xff) as u8, (version >> 8) as u8);
    if major == 0 {
        return WSAVERNOTSUPPORTED;
    }
    if data.is_null() {
        return WSAEFAULT;
    }
    let granted = if major > 2 || (major == 2 && minor > 2) { HIGH_VERSION } else { version };
    // Winsock 1.x callers read these limits; 2.x reports 0 (ignored), as Windows does.
    let (max_sockets, max_udp) = if major == 1 { (32767, 65467) } else { (0, 0) };
    let mut wsa = WSADATA {
        wVersion: granted,
        wHighVersion: HIGH_VERSION,
        iMaxSockets: max_sockets,
        iMaxUdpDg: max_udp,
        ..WSADATA::default()
    };
    copy_cstr(&mut wsa.szDescription, b"WinSock 2.0");
    copy_cstr(&mut wsa.szSystemStatus, b"Running");
    // SAFETY: `data` is non-NULL and the caller provides a writable WSADATA.
    unsafe { data.write(wsa) };
    super::legacy::record_version(granted);
    startup::add_ref();
    log::debug!(target: "ws2_32::startup", "WSAStartup({major}.{minor}) -> {}.{}", granted & 0xff, granted >> 8);
    0
}

fn copy_cstr(dst: &mut [core::ffi::c_char], src: &[u8]) {
    for (d, s) in dst.iter_mut().zip(src.iter().chain(std::iter::once(&0))) {
        *d = *s as core::ffi::c_char;
    }
}

/// `WSACleanup`: the last matching call closes every socket still open.
pub fn wsa_cleanup() -> i32 {
    status(startup::release().map(|last| {
        if last {
            for sock in table::drain() {
                crate::engine::close(sock);
            }
        }
    }))
}

/// `WSAGetLastError`.
pub fn wsa_get_last_error() -> i32 {
    last_error()
}

/// `WSASetLastError`.
pub fn wsa_set_last_error(code: i32) {
    set_last_error(code);
}
