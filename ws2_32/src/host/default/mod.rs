//! The embedded default host: in-process stand-ins for the Windows kernel objects
//! (events, threads and their APC queues, I/O completion ports, message-only windows),
//! so native programs and tests need nothing else. The kernel32/user32 functions of the
//! porting headers (`api/kernel32.rs`, `api/user32.rs`) operate on these objects.

pub(crate) mod objects;
pub(crate) mod parker;
pub(crate) mod wait;
pub(crate) mod window;

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{ApcFn, Host};
use crate::sys::Deadline;

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

    fn create_event(&self, manual: bool, initial: bool) -> usize {
        objects::insert(objects::Object::Event(objects::Signal::new(manual, initial)))
    }

    fn close_event(&self, event: usize) -> bool {
        matches!(objects::get(event), Some(objects::Object::Event(_))) && objects::remove(event).is_some()
    }

    fn set_event(&self, event: usize) -> bool {
        objects::event(event).map(|e| e.set()).is_some()
    }

    fn reset_event(&self, event: usize) -> bool {
        objects::event(event).map(|e| e.reset()).is_some()
    }

    fn post_completion(&self, port: usize, status: i32, bytes: u32, key: usize, overlapped: usize) -> bool {
        objects::port(port).map(|p| p.post(objects::Packet { status, bytes, key, overlapped })).is_some()
    }

    fn wait_event(&self, event: usize, timeout_ms: u32, alertable: bool) -> u32 {
        match objects::waitable(event) {
            Some(e) => wait::wait(&[e], false, Deadline::after_dword_ms(timeout_ms), alertable),
            None => wait::FAILED,
        }
    }

    fn current_thread(&self) -> usize {
        objects::current_token()
    }

    fn queue_apc(&self, thread: usize, f: ApcFn, ctx: usize) -> bool {
        objects::thread_by_token(thread).map(|t| t.queue_apc((f, ctx))).is_some()
    }

    fn post_message(&self, hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> bool {
        window::post_message(hwnd, msg, wparam, lparam)
    }
}
