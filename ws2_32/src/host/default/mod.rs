//! The embedded default host: an in-process stand-in for the Windows kernel objects, so
//! native programs and tests need nothing else.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Host;

thread_local! {
    /// `const`-initialised and `Copy`: no TLS destructor, so C code may call
    /// `WSAGetLastError` even from its own thread-exit destructors.
    static LAST_ERROR: Cell<u32> = const { Cell::new(0) };
}

/// The default host (see the module docs).
#[derive(Debug)]
pub struct DefaultHost {
    next_handle: AtomicUsize,
}

/// The process-wide default host instance.
pub static DEFAULT_HOST: DefaultHost = DefaultHost { next_handle: AtomicUsize::new(FIRST_HANDLE) };

/// Handle values start well above small integers so that a stray fd number or a `0`/`1`
/// passed by mistake never names a live object.
const FIRST_HANDLE: usize = 0x100;

impl DefaultHost {
    /// Allocates a handle value for any kind of object (sockets, events, threads, ports all
    /// share one space, as on Windows). Values are never reused: a monotonically increasing
    /// counter in steps of 4 makes a stale handle fail cleanly instead of naming a newer object.
    pub fn alloc_handle(&self) -> usize {
        self.next_handle.fetch_add(4, Ordering::Relaxed)
    }
}

impl Host for DefaultHost {
    #[inline]
    fn last_error(&self) -> u32 {
        LAST_ERROR.with(|e| e.get())
    }

    #[inline]
    fn set_last_error(&self, code: u32) {
        LAST_ERROR.with(|e| e.set(code));
    }

    fn alloc_socket_handle(&self) -> Option<usize> {
        Some(self.alloc_handle())
    }

    fn free_socket_handle(&self, _handle: usize) {}
}
