//! `WSAStartup` / `WSACleanup` reference counting.
//!
//! Windows counts successful `WSAStartup` calls per process; every other call fails with
//! `WSANOTINITIALISED` while the count is zero, and the `WSACleanup` that brings it to zero
//! closes every socket still open.

use std::sync::atomic::{AtomicU32, Ordering};

use translate::{WSANOTINITIALISED, WsaError};

static COUNT: AtomicU32 = AtomicU32::new(0);

/// Fails with `WSANOTINITIALISED` unless `WSAStartup` has succeeded more often than
/// `WSACleanup`.
#[inline]
pub fn ensure() -> Result<(), WsaError> {
    if COUNT.load(Ordering::Acquire) == 0 { Err(WsaError(WSANOTINITIALISED)) } else { Ok(()) }
}

/// Records one successful `WSAStartup`.
pub fn add_ref() {
    COUNT.fetch_add(1, Ordering::AcqRel);
}

/// Records one `WSACleanup`; `Ok(true)` when it was the last one.
pub fn release() -> Result<bool, WsaError> {
    let mut cur = COUNT.load(Ordering::Acquire);
    loop {
        if cur == 0 {
            return Err(WsaError(WSANOTINITIALISED));
        }
        match COUNT.compare_exchange(cur, cur - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return Ok(cur == 1),
            Err(now) => cur = now,
        }
    }
}
