//! C-ABI entry points for loaders with their own kernel32: what their `CloseHandle`,
//! `CreateIoCompletionPort`, `CancelIo(Ex)` and `SetFileCompletionNotificationModes` call
//! when the handle is a socket (SOCKET values live in the loader's handle space, see
//! `docs/loader-integration.md`). Rust loaders can call the same functions directly.
//!
//! They return Win32 error codes (0 = success) rather than touching the last error, so the
//! loader decides what its kernel32 function reports.

use translate::SOCKET;

use crate::engine;

/// Whether `h` is an open socket of the engine (1) or not (0).
#[unsafe(no_mangle)]
pub extern "C" fn ws2_32_is_socket(h: usize) -> i32 {
    i32::from(engine::table::contains(h as SOCKET))
}

/// `CreateIoCompletionPort(s, port, key, …)` on a socket: completions of its overlapped
/// operations go to `port` (through the host's `post_completion`) with `key`. Returns 0, or
/// `ERROR_INVALID_HANDLE`/`ERROR_INVALID_PARAMETER` (already associated).
#[unsafe(no_mangle)]
pub extern "C" fn ws2_32_socket_associate_port(s: usize, port: usize, key: usize) -> u32 {
    engine::associate_port(s, port, key).err().unwrap_or(0)
}

/// `SetFileCompletionNotificationModes(s, flags)` on a socket. Returns 0 or
/// `ERROR_INVALID_HANDLE`.
#[unsafe(no_mangle)]
pub extern "C" fn ws2_32_socket_set_completion_modes(s: usize, flags: u8) -> u32 {
    engine::set_completion_modes(s, flags).err().unwrap_or(0)
}

/// `CancelIoEx(s, ov)` (`ov` NULL: every operation) or, with `only_current_thread` non-zero,
/// `CancelIo(s)` (the calling thread's operations, as the host's `current_thread` names it).
/// Each cancelled operation completes with `STATUS_CANCELLED` through its usual route.
/// Returns 0, `ERROR_NOT_FOUND` (`CancelIoEx` matched nothing) or `ERROR_INVALID_HANDLE`.
#[unsafe(no_mangle)]
pub extern "C" fn ws2_32_socket_cancel_io(s: usize, ov: usize, only_current_thread: i32) -> u32 {
    let thread = (only_current_thread != 0).then(|| crate::host::host().current_thread());
    let ov = (ov != 0).then_some(ov);
    match engine::cancel_io(s, ov, thread) {
        Ok(0) if thread.is_none() => translate::ERROR_NOT_FOUND as u32,
        Ok(_) => 0,
        Err(e) => e,
    }
}

/// `CloseHandle(s)` on a socket: as `closesocket`. Returns 0 or `ERROR_INVALID_HANDLE`.
#[unsafe(no_mangle)]
pub extern "C" fn ws2_32_socket_close(s: usize) -> u32 {
    match engine::table::remove(s as SOCKET) {
        Some(sock) => {
            engine::close(sock);
            0
        }
        None => translate::ERROR_INVALID_HANDLE as u32,
    }
}
