//! The host interface: the kernel objects Winsock shares with the rest of Windows.
//!
//! On Windows a `SOCKET` lives in the process handle table next to events and completion
//! ports, `WSAGetLastError` *is* the thread's `GetLastError` slot, completion routines are
//! user APCs, and `WSAAsyncSelect` posts window messages. The engine therefore owns none of
//! these objects: it asks the [`Host`]. A PE loader installs its own implementation (backed
//! by its TEB and its handle table) with [`install`] — or, from C, with
//! [`ws2_32_install_host`] and a [`HostTable`] — before
//! the first Winsock call; everyone else gets the embedded [`default`] host, which also
//! provides the kernel32/user32 functions the porting headers declare.
//!
//! # Example: a loader's host
//!
//! ```no_run
//! use ws2_32::host::{Host, ApcFn, install};
//! struct MyLoader;
//! impl Host for MyLoader {
//!     fn last_error(&self) -> u32 { /* read the TEB's LastErrorValue */ 0 }
//!     fn set_last_error(&self, code: u32) { /* write it */ }
//!     fn alloc_socket_handle(&self) -> Option<usize> { /* from the loader's handle table */ Some(0x1000) }
//!     fn free_socket_handle(&self, _h: usize) {}
//!     fn create_event(&self, _manual: bool, _initial: bool) -> usize { 0x2000 }
//!     fn close_event(&self, _h: usize) -> bool { true }
//!     fn set_event(&self, _h: usize) -> bool { true }
//!     fn reset_event(&self, _h: usize) -> bool { true }
//!     fn post_completion(&self, _port: usize, _st: i32, _n: u32, _key: usize, _ov: usize) -> bool { true }
//!     fn wait_event(&self, _h: usize, _ms: u32, _alertable: bool) -> u32 { 0 }
//!     fn current_thread(&self) -> usize { 0 }
//!     fn queue_apc(&self, _thread: usize, _f: ApcFn, _ctx: usize) -> bool { true }
//!     fn post_message(&self, _hwnd: usize, _msg: u32, _w: usize, _l: isize) -> bool { true }
//! }
//! static LOADER: MyLoader = MyLoader;
//! assert!(install(&LOADER));
//! ```

pub mod default;

use std::sync::OnceLock;

/// A function the host runs on a thread's APC queue: `f(ctx)`. Always a native (System V)
/// function of the engine; the engine itself calls the application's routine inside it in
/// the application's ABI.
pub type ApcFn = unsafe extern "C" fn(ctx: usize);

/// What the engine needs from the surrounding "kernel". Every method may be called from any
/// thread, including the engine's reactor thread — so none may run application code inline.
pub trait Host: Send + Sync {
    /// The calling thread's last-error slot (`GetLastError`).
    fn last_error(&self) -> u32;
    /// Sets the calling thread's last-error slot (`SetLastError`).
    fn set_last_error(&self, code: u32);
    /// A fresh handle value for a new socket: non-zero, a multiple of 4, not
    /// `INVALID_SOCKET`, not reused while a stale copy could still be in use.
    fn alloc_socket_handle(&self) -> Option<usize>;
    /// Returns a closed socket's handle value.
    fn free_socket_handle(&self, handle: usize);
    /// `CreateEvent(NULL, manual, initial, NULL)` (for `WSACreateEvent`); 0 on failure.
    fn create_event(&self, manual: bool, initial: bool) -> usize;
    /// `CloseHandle` on an event (for `WSACloseEvent`).
    fn close_event(&self, event: usize) -> bool;
    /// `SetEvent` on an event handle (a `WSAEVENT` or an `OVERLAPPED.hEvent`).
    fn set_event(&self, event: usize) -> bool;
    /// `ResetEvent` (`WSAEnumNetworkEvents` resets the event it is given).
    fn reset_event(&self, event: usize) -> bool;
    /// Queues a completion packet on a completion port: `status` is the NTSTATUS that
    /// `GetQueuedCompletionStatus` turns into its result (`FALSE` + last error on failure),
    /// `bytes` its byte count, `key` the port association's key, `overlapped` the
    /// application's `OVERLAPPED` pointer.
    fn post_completion(&self, port: usize, status: i32, bytes: u32, key: usize, overlapped: usize) -> bool;
    /// Waits for an event handle (`WaitForSingleObjectEx`): returns `WAIT_OBJECT_0`,
    /// `WAIT_TIMEOUT`, `WAIT_IO_COMPLETION` (alertable, an APC ran) or `WAIT_FAILED`.
    fn wait_event(&self, event: usize, timeout_ms: u32, alertable: bool) -> u32;
    /// An opaque token naming the calling thread, for [`queue_apc`](Host::queue_apc).
    fn current_thread(&self) -> usize;
    /// Queues `f(ctx)` as a user APC to `thread`; it runs when that thread next waits
    /// alertably. Returns `false` if the thread is gone.
    fn queue_apc(&self, thread: usize, f: ApcFn, ctx: usize) -> bool;
    /// `PostMessage(hwnd, msg, wparam, lparam)` into the window's queue.
    fn post_message(&self, hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> bool;
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

/// Whether the embedded default host is the one in use (its kernel32 functions then own
/// events, ports and threads).
pub fn is_default() -> bool {
    std::ptr::addr_eq(host() as *const dyn Host, &default::DEFAULT_HOST as &dyn Host as *const dyn Host)
}

/// The host interface as a C function table, for loaders written in C. Every entry is
/// required; the `ctx` pointer is passed back to each function.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HostTable {
    /// Passed as the first argument of every function.
    pub ctx: usize,
    /// See [`Host::last_error`].
    pub last_error: unsafe extern "C" fn(ctx: usize) -> u32,
    /// See [`Host::set_last_error`].
    pub set_last_error: unsafe extern "C" fn(ctx: usize, code: u32),
    /// See [`Host::alloc_socket_handle`]; 0 for failure.
    pub alloc_socket_handle: unsafe extern "C" fn(ctx: usize) -> usize,
    /// See [`Host::free_socket_handle`].
    pub free_socket_handle: unsafe extern "C" fn(ctx: usize, handle: usize),
    /// See [`Host::create_event`].
    pub create_event: unsafe extern "C" fn(ctx: usize, manual: i32, initial: i32) -> usize,
    /// See [`Host::close_event`]; non-zero for success.
    pub close_event: unsafe extern "C" fn(ctx: usize, event: usize) -> i32,
    /// See [`Host::set_event`]; non-zero for success.
    pub set_event: unsafe extern "C" fn(ctx: usize, event: usize) -> i32,
    /// See [`Host::reset_event`]; non-zero for success.
    pub reset_event: unsafe extern "C" fn(ctx: usize, event: usize) -> i32,
    /// See [`Host::post_completion`]; non-zero for success.
    pub post_completion:
        unsafe extern "C" fn(ctx: usize, port: usize, status: i32, bytes: u32, key: usize, overlapped: usize) -> i32,
    /// See [`Host::wait_event`].
    pub wait_event: unsafe extern "C" fn(ctx: usize, event: usize, timeout_ms: u32, alertable: i32) -> u32,
    /// See [`Host::current_thread`].
    pub current_thread: unsafe extern "C" fn(ctx: usize) -> usize,
    /// See [`Host::queue_apc`]; non-zero for success.
    pub queue_apc: unsafe extern "C" fn(ctx: usize, thread: usize, f: ApcFn, apc_ctx: usize) -> i32,
    /// See [`Host::post_message`]; non-zero for success.
    pub post_message: unsafe extern "C" fn(ctx: usize, hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> i32,
}

const _: () = assert!(std::mem::size_of::<HostTable>() == 14 * 8);
const _: () = assert!(std::mem::offset_of!(HostTable, post_message) == 104);

struct TableHost(HostTable);

impl Host for TableHost {
    fn last_error(&self) -> u32 {
        // SAFETY: the loader promised valid function pointers in the table (see `ws2_32_install_host`).
        unsafe { (self.0.last_error)(self.0.ctx) }
    }
    fn set_last_error(&self, code: u32) {
        // SAFETY: as above.
        unsafe { (self.0.set_last_error)(self.0.ctx, code) }
    }
    fn alloc_socket_handle(&self) -> Option<usize> {
        // SAFETY: as above.
        let h = unsafe { (self.0.alloc_socket_handle)(self.0.ctx) };
        (h != 0).then_some(h)
    }
    fn free_socket_handle(&self, handle: usize) {
        // SAFETY: as above.
        unsafe { (self.0.free_socket_handle)(self.0.ctx, handle) }
    }
    fn create_event(&self, manual: bool, initial: bool) -> usize {
        // SAFETY: as above.
        unsafe { (self.0.create_event)(self.0.ctx, i32::from(manual), i32::from(initial)) }
    }
    fn close_event(&self, event: usize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.close_event)(self.0.ctx, event) != 0 }
    }
    fn set_event(&self, event: usize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.set_event)(self.0.ctx, event) != 0 }
    }
    fn reset_event(&self, event: usize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.reset_event)(self.0.ctx, event) != 0 }
    }
    fn post_completion(&self, port: usize, status: i32, bytes: u32, key: usize, overlapped: usize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.post_completion)(self.0.ctx, port, status, bytes, key, overlapped) != 0 }
    }
    fn wait_event(&self, event: usize, timeout_ms: u32, alertable: bool) -> u32 {
        // SAFETY: as above.
        unsafe { (self.0.wait_event)(self.0.ctx, event, timeout_ms, i32::from(alertable)) }
    }
    fn current_thread(&self) -> usize {
        // SAFETY: as above.
        unsafe { (self.0.current_thread)(self.0.ctx) }
    }
    fn queue_apc(&self, thread: usize, f: ApcFn, ctx: usize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.queue_apc)(self.0.ctx, thread, f, ctx) != 0 }
    }
    fn post_message(&self, hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> bool {
        // SAFETY: as above.
        unsafe { (self.0.post_message)(self.0.ctx, hwnd, msg, wparam, lparam) != 0 }
    }
}

/// Installs a host given as a C function table (copied). Returns 1 on success, 0 when a host
/// is already installed or `table` is NULL.
///
/// # Safety
/// `table` must be NULL or point to a `HostTable` whose function pointers stay valid for the
/// life of the process and behave as [`Host`] documents.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ws2_32_install_host(table: *const HostTable) -> i32 {
    // SAFETY: NULL or readable, per the caller.
    let Some(table) = (unsafe { table.as_ref() }) else { return 0 };
    let leaked: &'static TableHost = Box::leak(Box::new(TableHost(*table)));
    i32::from(install(leaked))
}
