//! The ws2_32.dll surface, one file per theme. Bodies check arguments in Windows' order,
//! call the engine, and turn results into Windows return values and last-error codes.
//!
//! Windows sets the thread's last error on failure *and clears it on success* for the
//! status-returning socket calls (a test run on Windows: after `WSASetLastError(0xdeadbeef)`
//! a successful `recv` leaves `WSAGetLastError() == 0`); [`ret`] and [`status`] do both.

pub mod async_select;
pub mod connect;
pub mod events;
pub mod extensions;
pub mod io;
pub mod ioctl;
pub mod kernel32;
pub mod legacy;
pub mod loader;
pub mod missing;
pub mod options;
pub mod protocols;
pub mod resolve;
pub mod select;
pub mod socket;
pub mod startup;
pub mod user32;
pub mod winsock1;

use translate::{WSAEFAULT, WsaError};

use crate::exports::FailValue;
use crate::host::host;

/// Sets the calling thread's last error (`WSASetLastError`).
#[inline]
pub fn set_last_error(code: i32) {
    host().set_last_error(code as u32);
}

/// Reads the calling thread's last error (`WSAGetLastError`).
#[inline]
pub fn last_error() -> i32 {
    host().last_error() as i32
}

/// `Ok(v)` → `v` with last error 0; `Err(e)` → the function's failure value with last error `e`.
#[inline]
pub fn ret<T: FailValue>(r: Result<T, WsaError>) -> T {
    match r {
        Ok(v) => {
            set_last_error(0);
            v
        }
        Err(e) => {
            log::debug!(target: "ws2_32::api", "failing with {e:?}");
            set_last_error(e.0);
            T::FAILED
        }
    }
}

/// `Ok(())` → 0, `Err(e)` → `SOCKET_ERROR` with last error `e`.
#[inline]
pub fn status(r: Result<(), WsaError>) -> i32 {
    ret(r.map(|()| 0))
}

/// A non-NULL pointer, or `WSAEFAULT`.
#[inline]
pub fn non_null<T>(p: *mut T) -> Result<*mut T, WsaError> {
    if p.is_null() { Err(WsaError(WSAEFAULT)) } else { Ok(p) }
}

/// Views `len` bytes at `p` (`NULL` or a negative length → `WSAEFAULT`).
///
/// # Safety
/// When non-NULL, `p` must be valid for reads of `len` bytes for `'a`.
#[inline]
pub unsafe fn bytes<'a>(p: *const u8, len: i32) -> Result<&'a [u8], WsaError> {
    if p.is_null() || len < 0 {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(p, len as usize) })
}

/// Views `len` writable bytes at `p` (`NULL` or a negative length → `WSAEFAULT`).
///
/// # Safety
/// When non-NULL, `p` must be valid for writes of `len` bytes for `'a`.
#[inline]
pub unsafe fn bytes_mut<'a>(p: *mut u8, len: i32) -> Result<&'a mut [u8], WsaError> {
    if p.is_null() || len < 0 {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: non-NULL, and the caller guarantees `len` writable bytes.
    Ok(unsafe { std::slice::from_raw_parts_mut(p, len as usize) })
}

/// Logs, once per process and function, that an unimplemented export was called.
#[macro_export]
macro_rules! log_unimplemented_once {
    ($name:literal, $err:expr) => {{
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            log::warn!(target: "ws2_32::missing", "{} is not implemented; failing with {:?}", $name, $err)
        });
    }};
}
