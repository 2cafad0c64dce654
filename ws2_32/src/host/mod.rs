//! The host interface: the kernel objects Winsock shares with the rest of Windows.
//!
//! On Windows a `SOCKET` lives in the process handle table next to events and completion
//! ports, `WSAGetLastError` *is* the thread's `GetLastError` slot, and completions reach
//! events, ports, APC queues and window message queues owned by the kernel. The engine
//! therefore never owns these objects itself: it asks the [`Host`]. A PE loader installs
//! its own implementation (backed by its TEB and handle table) with [`install`] before the
//! first Winsock call; everyone else gets the embedded [`default`] host.

pub mod default;

use std::sync::OnceLock;

/// What the engine needs from the surrounding "kernel".
///
/// Implementations must be thread-safe: every method may be called from any thread.
pub trait Host: Send + Sync {
    /// The calling thread's last-error slot (`GetLastError`).
    fn last_error(&self) -> u32;
    /// Sets the calling thread's last-error slot (`SetLastError`).
    fn set_last_error(&self, code: u32);
    /// Allocates a fresh handle value for a new socket: non-zero, a multiple of 4, not
    /// `INVALID_SOCKET`, and not reused while a stale copy could still be in use.
    fn alloc_socket_handle(&self) -> Option<usize>;
    /// Returns a socket handle value to the host once the socket is closed.
    fn free_socket_handle(&self, handle: usize);
}

static HOST: OnceLock<&'static dyn Host> = OnceLock::new();

/// Installs `host` as the process's host. Must happen before the first Winsock call;
/// returns `false` (and changes nothing) when a host is already in place.
pub fn install(host: &'static dyn Host) -> bool {
    HOST.set(host).is_ok()
}

/// The installed host, or the embedded default one.
#[inline]
pub fn host() -> &'static dyn Host {
    *HOST.get_or_init(|| &default::DEFAULT_HOST)
}
