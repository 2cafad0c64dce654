//! The kernel32 subset the embedded default host provides (and the porting headers
//! declare): events, waits, threads and APCs, completion ports, and the file functions on
//! socket handles. Native programs link these from `libws2_32.so`; the project's test loader
//! binds a PE image's kernel32 imports to this table. A loader with its own kernel32 ignores
//! it and installs its own host instead.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::c_void;

use translate::{BOOL, HANDLE, OVERLAPPED, OVERLAPPED_ENTRY};

use crate::api::kernel32 as k;

crate::winsock_exports! {
    @_ fn CreateEventA(attrs: *mut c_void, manual: BOOL, initial: BOOL, name: *const c_void) -> HANDLE => k::create_event;
    @_ fn CreateEventW(attrs: *mut c_void, manual: BOOL, initial: BOOL, name: *const c_void) -> HANDLE => k::create_event;
    @_ fn SetEvent(event: HANDLE) -> BOOL => k::set_event;
    @_ fn ResetEvent(event: HANDLE) -> BOOL => k::reset_event;
    @_ fn CloseHandle(handle: HANDLE) -> BOOL => k::close_handle;
    @_ fn WaitForSingleObject(handle: HANDLE, ms: u32) -> u32 => k::wait_for_single_object;
    @_ fn WaitForSingleObjectEx(handle: HANDLE, ms: u32, alertable: BOOL) -> u32 => k::wait_for_single_object_ex;
    @_ fn WaitForMultipleObjects(count: u32, handles: *const HANDLE, wait_all: BOOL, ms: u32) -> u32 => k::wait_for_multiple_objects;
    @_ fn WaitForMultipleObjectsEx(count: u32, handles: *const HANDLE, wait_all: BOOL, ms: u32, alertable: BOOL) -> u32 => k::wait_for_multiple_objects_ex;
    @_ fn Sleep(ms: u32) -> () => k::sleep;
    @_ fn SleepEx(ms: u32, alertable: BOOL) -> u32 => k::sleep_ex;
    @_ fn QueueUserAPC(func: *mut c_void, thread: HANDLE, data: usize) -> u32 => [face] k::queue_user_apc;
    @_ fn CreateThread(attrs: *mut c_void, stack: usize, start: *mut c_void, param: *mut c_void, flags: u32, tid: *mut u32) -> HANDLE => [face] k::create_thread;
    @_ fn GetExitCodeThread(thread: HANDLE, code: *mut u32) -> BOOL => k::get_exit_code_thread;
    @_ fn GetCurrentThread() -> HANDLE => k::get_current_thread;
    @_ fn GetCurrentProcess() -> HANDLE => k::get_current_process;
    @_ fn GetCurrentThreadId() -> u32 => k::get_current_thread_id;
    @_ fn GetCurrentProcessId() -> u32 => k::get_current_process_id;
    @_ fn GetLastError() -> u32 => k::get_last_error;
    @_ fn SetLastError(code: u32) -> () => k::set_last_error;
    @_ fn GetTickCount() -> u32 => k::get_tick_count;
    @_ fn GetTickCount64() -> u64 => k::get_tick_count64;
    @_ fn CreateIoCompletionPort(file: HANDLE, existing: HANDLE, key: usize, threads: u32) -> HANDLE => k::create_io_completion_port;
    @_ fn GetQueuedCompletionStatus(port: HANDLE, bytes: *mut u32, key: *mut usize, ov: *mut *mut OVERLAPPED, ms: u32) -> BOOL => k::get_queued_completion_status;
    @_ fn GetQueuedCompletionStatusEx(port: HANDLE, entries: *mut OVERLAPPED_ENTRY, count: u32, removed: *mut u32, ms: u32, alertable: BOOL) -> BOOL => k::get_queued_completion_status_ex;
    @_ fn PostQueuedCompletionStatus(port: HANDLE, bytes: u32, key: usize, ov: *mut OVERLAPPED) -> BOOL => k::post_queued_completion_status;
    @_ fn SetFileCompletionNotificationModes(handle: HANDLE, flags: u8) -> BOOL => k::set_file_completion_notification_modes;
    @_ fn CancelIo(handle: HANDLE) -> BOOL => k::cancel_io;
    @_ fn CancelIoEx(handle: HANDLE, ov: *mut OVERLAPPED) -> BOOL => k::cancel_io_ex;
    @_ fn GetOverlappedResult(handle: HANDLE, ov: *mut OVERLAPPED, bytes: *mut u32, wait: BOOL) -> BOOL => k::get_overlapped_result;
    @_ fn GetOverlappedResultEx(handle: HANDLE, ov: *mut OVERLAPPED, bytes: *mut u32, ms: u32, alertable: BOOL) -> BOOL => k::get_overlapped_result_ex;
    @_ fn ReadFile(handle: HANDLE, buf: *mut u8, len: u32, read: *mut u32, ov: *mut OVERLAPPED) -> BOOL => k::read_file;
    @_ fn WriteFile(handle: HANDLE, buf: *const u8, len: u32, written: *mut u32, ov: *mut OVERLAPPED) -> BOOL => k::write_file;
}
