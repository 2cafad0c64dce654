//! The Winsock 1.1 blocking-hook era: `WSAIsBlocking`, `WSASetBlockingHook`,
//! `WSAUnhookBlockingHook`, `WSACancelBlockingCall`, and the Win16 exit procedure `WEP`.
//!
//! Winsock 2 removed pseudo-blocking: for applications that negotiated version 2.x these
//! calls fail with `WSAEOPNOTSUPP`, as Windows' ws2_32 does. Winsock 1.x applications
//! (wsock32 callers) may still install a hook; it is stored and returned as Windows does,
//! but never called, because blocking calls here block the thread for real — so
//! `WSAIsBlocking` is always FALSE and there is never a blocking call for
//! `WSACancelBlockingCall` to cancel (`WSAEINVAL`, its documented answer for that case).

use core::ffi::c_void;
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};

use translate::{WSAEINVAL, WSAEOPNOTSUPP, WsaError};

use super::{ret, status};
use crate::engine::startup;
use crate::exports::Face;

/// The version the last `WSAStartup` granted (`MAKEWORD(major, minor)`); 2.2 until told.
static VERSION: AtomicU16 = AtomicU16::new(0x0202);
/// The installed blocking hook; 0 = the default one.
static HOOK: AtomicUsize = AtomicUsize::new(0);

/// Hook for `WSAStartup` (api/startup.rs): records the granted version, which decides
/// whether the blocking-hook calls are available (1.x) or not (2.x).
pub(crate) fn record_version(granted: u16) {
    VERSION.store(granted, Ordering::Relaxed);
}

/// Fails with `WSAEOPNOTSUPP` for Winsock 2 callers, `WSANOTINITIALISED` before startup.
fn winsock1_only() -> Result<(), WsaError> {
    startup::ensure()?;
    if VERSION.load(Ordering::Relaxed) & 0xff >= 2 { Err(WsaError(WSAEOPNOTSUPP)) } else { Ok(()) }
}

/// The default blocking hook (native face): reports that no message was processed.
extern "C" fn default_hook_native() -> i32 {
    0
}

/// The default blocking hook (PE face).
#[cfg(target_arch = "x86_64")]
extern "win64" fn default_hook_win64() -> i32 {
    0
}

fn default_hook(face: Face) -> *mut c_void {
    match face {
        #[cfg(target_arch = "x86_64")]
        Face::Win64 => default_hook_win64 as *mut c_void,
        _ => default_hook_native as *mut c_void,
    }
}

/// `WSAIsBlocking`: always FALSE (no pseudo-blocking call is ever in progress).
pub fn wsa_is_blocking() -> i32 {
    0
}

/// `WSASetBlockingHook`: Winsock 1.x stores the hook and returns the previous one;
/// Winsock 2 → NULL with `WSAEOPNOTSUPP`.
pub fn wsa_set_blocking_hook(face: Face, hook: *mut c_void) -> *mut c_void {
    ret((|| {
        winsock1_only()?;
        if hook.is_null() {
            return Err(WsaError(translate::WSAEFAULT));
        }
        let prev = HOOK.swap(hook as usize, Ordering::AcqRel);
        Ok(if prev == 0 { default_hook(face) } else { prev as *mut c_void })
    })())
}

/// `WSAUnhookBlockingHook`: reinstalls the default hook (Winsock 1.x); `WSAEOPNOTSUPP` for
/// Winsock 2.
pub fn wsa_unhook_blocking_hook() -> i32 {
    status(winsock1_only().map(|()| HOOK.store(0, Ordering::Release)))
}

/// `WSACancelBlockingCall`: `WSAEOPNOTSUPP` for Winsock 2; `WSAEINVAL` ("no outstanding
/// blocking call") for Winsock 1.x.
pub fn wsa_cancel_blocking_call() -> i32 {
    status(winsock1_only().and(Err(WsaError(WSAEINVAL))))
}

/// `WEP`: the Win16 DLL exit procedure; nothing to do.
pub fn wep() -> i32 {
    1
}
