//! The kernel32 functions the porting headers declare, on the embedded default host:
//! events, waits, threads and APCs, I/O completion ports, and the file functions Windows
//! allows on socket handles (`CloseHandle`, `ReadFile`, `WriteFile`, `CancelIo(Ex)`,
//! `GetOverlappedResult`, `SetFileCompletionNotificationModes`).
//!
//! They return Win32 results (`BOOL`, `WAIT_*`) and set Win32 error codes, as kernel32 does.
//! A PE loader brings its own kernel32; it forwards socket handles to the engine through the
//! `ws2_32_socket_*` functions at the bottom of this file (see the integration contract).

use std::sync::Arc;

use translate::{
    BOOL, ERROR_ABANDONED_WAIT_0, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_IO_INCOMPLETE, ERROR_IO_PENDING,
    ERROR_NOT_FOUND, HANDLE, OVERLAPPED, OVERLAPPED_ENTRY, STATUS_PENDING, WAIT_FAILED, WAIT_IO_COMPLETION,
    WSA_WAIT_TIMEOUT as WAIT_TIMEOUT, WSABUF,
};

use crate::engine::overlapped::OvPtr;
use crate::engine::{self, table};
use crate::exports::Face;
use crate::host::default::objects::{self, Object, Packet, Port, Signal, lock};
use crate::host::default::wait;
use crate::host::host;
use crate::sys::Deadline;

/// `INVALID_HANDLE_VALUE`.
const INVALID_HANDLE_VALUE: usize = usize::MAX;
/// `GetCurrentThread()`'s pseudo-handle.
const CURRENT_THREAD: usize = usize::MAX - 1;
/// `GetCurrentProcess()`'s pseudo-handle.
const CURRENT_PROCESS: usize = usize::MAX;
/// `STILL_ACTIVE`.
const STILL_ACTIVE: u32 = 259;
/// `ERROR_SUCCESS`.
const OK: u32 = 0;
/// `WAIT_OBJECT_0`.
const WAIT_OBJECT_0: u32 = 0;

fn set_error(code: i32) {
    host().set_last_error(code as u32);
}

/// `FALSE` with `code` as the last error.
fn fail(code: i32) -> BOOL {
    set_error(code);
    0
}

fn bool_result(r: Result<(), u32>) -> BOOL {
    match r {
        Ok(()) => 1,
        Err(e) => fail(e as i32),
    }
}

// ── events ──────────────────────────────────────────────────────────────────────────────

/// `CreateEventA` / `CreateEventW` (the name is ignored: named events are process-local).
pub fn create_event(
    _attrs: *mut core::ffi::c_void,
    manual: BOOL,
    initial: BOOL,
    _name: *const core::ffi::c_void,
) -> HANDLE {
    set_error(OK as i32);
    objects::insert(Object::Event(Signal::new(manual != 0, initial != 0))) as HANDLE
}

/// `SetEvent`.
pub fn set_event(h: HANDLE) -> BOOL {
    match objects::event(h as usize) {
        Some(e) => {
            e.set();
            1
        }
        None => fail(ERROR_INVALID_HANDLE),
    }
}

/// `ResetEvent`.
pub fn reset_event(h: HANDLE) -> BOOL {
    match objects::event(h as usize) {
        Some(e) => {
            e.reset();
            1
        }
        None => fail(ERROR_INVALID_HANDLE),
    }
}

/// `CloseHandle`: sockets are closed as by `closesocket`; ports wake their waiters with
/// `ERROR_ABANDONED_WAIT_0`.
pub fn close_handle(h: HANDLE) -> BOOL {
    let h = h as usize;
    if let Some(sock) = table::remove(h) {
        engine::close(sock);
        return 1;
    }
    match objects::remove(h) {
        Some(Object::Port(p)) => {
            let mut st = lock(&p.state);
            st.closed = true;
            st.waiters.wake_all();
            1
        }
        Some(_) => 1,
        None => fail(ERROR_INVALID_HANDLE),
    }
}

// ── waits ───────────────────────────────────────────────────────────────────────────────

fn waitable(h: usize) -> Option<Arc<Signal>> {
    if h == CURRENT_THREAD {
        return Some(objects::current_thread().exit.clone());
    }
    objects::waitable(h)
}

/// `WaitForMultipleObjectsEx`.
///
/// # Safety
/// `handles` must point to `count` readable handles.
pub unsafe fn wait_for_multiple_objects_ex(
    count: u32,
    handles: *const HANDLE,
    wait_all: BOOL,
    ms: u32,
    alertable: BOOL,
) -> u32 {
    if count == 0 || count > 64 || handles.is_null() {
        set_error(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    // SAFETY: `count` readable handles, per the caller.
    let hs = unsafe { std::slice::from_raw_parts(handles, count as usize) };
    let mut objs = Vec::with_capacity(hs.len());
    for h in hs {
        match waitable(*h as usize) {
            Some(o) => objs.push(o),
            None => {
                set_error(ERROR_INVALID_HANDLE);
                return WAIT_FAILED;
            }
        }
    }
    wait::wait(&objs, wait_all != 0, Deadline::after_dword_ms(ms), alertable != 0)
}

/// `WaitForMultipleObjects`.
///
/// # Safety
/// As [`wait_for_multiple_objects_ex`].
pub unsafe fn wait_for_multiple_objects(count: u32, handles: *const HANDLE, wait_all: BOOL, ms: u32) -> u32 {
    // SAFETY: forwarded caller contract.
    unsafe { wait_for_multiple_objects_ex(count, handles, wait_all, ms, 0) }
}

/// `WaitForSingleObjectEx`.
pub fn wait_for_single_object_ex(h: HANDLE, ms: u32, alertable: BOOL) -> u32 {
    // SAFETY: one readable handle on our stack.
    unsafe { wait_for_multiple_objects_ex(1, &h, 0, ms, alertable) }
}

/// `WaitForSingleObject`.
pub fn wait_for_single_object(h: HANDLE, ms: u32) -> u32 {
    wait_for_single_object_ex(h, ms, 0)
}

/// `SleepEx`.
pub fn sleep_ex(ms: u32, alertable: BOOL) -> u32 {
    wait::sleep(Deadline::after_dword_ms(ms), alertable != 0)
}

/// `Sleep`.
pub fn sleep(ms: u32) {
    wait::sleep(Deadline::after_dword_ms(ms), false);
}

// ── threads and APCs ────────────────────────────────────────────────────────────────────

struct UserApc {
    func: usize,
    face: Face,
    data: usize,
}

unsafe extern "C" fn run_user_apc(ctx: usize) {
    // SAFETY: boxed by `queue_user_apc`, consumed once here.
    let apc = unsafe { Box::from_raw(ctx as *mut UserApc) };
    match apc.face {
        Face::Native => {
            // SAFETY: the application's PAPCFUNC in the native ABI.
            let f: unsafe extern "C" fn(usize) = unsafe { std::mem::transmute(apc.func) };
            // SAFETY: running the application's APC on its target thread.
            unsafe { f(apc.data) }
        }
        #[cfg(target_arch = "x86_64")]
        Face::Win64 => {
            // SAFETY: the application's PAPCFUNC in the win64 ABI.
            let f: unsafe extern "win64" fn(usize) = unsafe { std::mem::transmute(apc.func) };
            // SAFETY: as above.
            unsafe { f(apc.data) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        Face::Win64 => {}
    }
}

fn thread_object(h: usize) -> Option<Arc<objects::ThreadObj>> {
    if h == CURRENT_THREAD {
        return Some(objects::current_thread());
    }
    match objects::get(h)? {
        Object::Thread(t) => Some(t),
        _ => None,
    }
}

/// `QueueUserAPC`: returns non-zero on success.
pub fn queue_user_apc(face: Face, func: *mut core::ffi::c_void, thread: HANDLE, data: usize) -> u32 {
    if func.is_null() {
        set_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    let Some(t) = thread_object(thread as usize) else {
        set_error(ERROR_INVALID_HANDLE);
        return 0;
    };
    let ctx = Box::into_raw(Box::new(UserApc { func: func as usize, face, data })) as usize;
    t.queue_apc((run_user_apc, ctx));
    1
}

struct Start {
    func: usize,
    face: Face,
    param: usize,
}

// SAFETY: the start routine and parameter are the application's, handed to the new thread.
unsafe impl Send for Start {}

/// `CreateThread` (`CREATE_SUSPENDED` is not supported: `ERROR_INVALID_PARAMETER`).
///
/// # Safety
/// `start` must be a thread routine in the caller's ABI; `tid` NULL or writable.
pub unsafe fn create_thread(
    face: Face,
    _attrs: *mut core::ffi::c_void,
    stack: usize,
    start: *mut core::ffi::c_void,
    param: *mut core::ffi::c_void,
    flags: u32,
    tid: *mut u32,
) -> HANDLE {
    const CREATE_SUSPENDED: u32 = 4;
    if start.is_null() || flags & CREATE_SUSPENDED != 0 {
        set_error(ERROR_INVALID_PARAMETER);
        return std::ptr::null_mut();
    }
    let t = objects::new_thread();
    let handle = objects::insert(Object::Thread(t.clone()));
    let s = Start { func: start as usize, face, param: param as usize };
    let child = t.clone();
    let mut b = std::thread::Builder::new();
    if stack != 0 {
        b = b.stack_size(stack.max(64 * 1024));
    }
    let spawned = b.spawn(move || {
        objects::adopt_current(&child);
        let s = s;
        let code = match s.face {
            // SAFETY: the application's LPTHREAD_START_ROUTINE in its ABI.
            Face::Native => unsafe {
                let f: unsafe extern "C" fn(usize) -> u32 = std::mem::transmute(s.func);
                f(s.param)
            },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above, win64 ABI.
            Face::Win64 => unsafe {
                let f: unsafe extern "win64" fn(usize) -> u32 = std::mem::transmute(s.func);
                f(s.param)
            },
            #[cfg(not(target_arch = "x86_64"))]
            Face::Win64 => 0,
        };
        *lock(&child.exit_code) = Some(code);
        // Release the thread's wake-up fd before it is seen as finished.
        crate::engine::waker::release_current();
        child.exit.set();
    });
    if spawned.is_err() {
        objects::remove(handle);
        set_error(translate::ERROR_NOT_ENOUGH_MEMORY);
        return std::ptr::null_mut();
    }
    if !tid.is_null() {
        // SAFETY: writable, per the caller.
        unsafe { tid.write_unaligned(t.id) };
    }
    handle as HANDLE
}

/// `GetExitCodeThread`.
///
/// # Safety
/// `code` must be writable.
pub unsafe fn get_exit_code_thread(h: HANDLE, code: *mut u32) -> BOOL {
    let Some(t) = thread_object(h as usize) else { return fail(ERROR_INVALID_HANDLE) };
    if code.is_null() {
        return fail(translate::ERROR_NOACCESS);
    }
    let c = lock(&t.exit_code).unwrap_or(STILL_ACTIVE);
    // SAFETY: non-NULL, writable per the caller.
    unsafe { code.write_unaligned(c) };
    1
}

/// `GetCurrentThread` (a pseudo-handle).
pub fn get_current_thread() -> HANDLE {
    CURRENT_THREAD as HANDLE
}

/// `GetCurrentProcess` (a pseudo-handle).
pub fn get_current_process() -> HANDLE {
    CURRENT_PROCESS as HANDLE
}

/// `GetCurrentThreadId`.
pub fn get_current_thread_id() -> u32 {
    objects::current_thread().id
}

/// `GetCurrentProcessId`.
pub fn get_current_process_id() -> u32 {
    std::process::id()
}

/// `GetLastError`.
pub fn get_last_error() -> u32 {
    host().last_error()
}

/// `SetLastError`.
pub fn set_last_error(code: u32) {
    host().set_last_error(code);
}

/// `GetTickCount64`.
pub fn get_tick_count64() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a live timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1000 + ts.tv_nsec as u64 / 1_000_000
}

/// `GetTickCount`.
pub fn get_tick_count() -> u32 {
    get_tick_count64() as u32
}

// ── completion ports ────────────────────────────────────────────────────────────────────

/// `CreateIoCompletionPort`: creates a port (`file == INVALID_HANDLE_VALUE`), or associates a
/// socket with a new or existing port.
pub fn create_io_completion_port(file: HANDLE, existing: HANDLE, key: usize, _threads: u32) -> HANDLE {
    let (file, existing) = (file as usize, existing as usize);
    let port = if existing == 0 {
        objects::insert(Object::Port(Arc::new(Port::default())))
    } else if objects::port(existing).is_some() {
        existing
    } else {
        set_error(ERROR_INVALID_PARAMETER);
        return std::ptr::null_mut();
    };
    if file != INVALID_HANDLE_VALUE {
        if let Err(e) = engine::associate_port(file, port, key) {
            if existing == 0 {
                objects::remove(port);
            }
            set_error(e as i32);
            return std::ptr::null_mut();
        }
    } else if existing != 0 {
        set_error(ERROR_INVALID_PARAMETER);
        return std::ptr::null_mut();
    }
    set_error(OK as i32);
    port as HANDLE
}

/// `PostQueuedCompletionStatus`.
pub fn post_queued_completion_status(port: HANDLE, bytes: u32, key: usize, ov: *mut OVERLAPPED) -> BOOL {
    match objects::port(port as usize) {
        Some(p) => {
            p.post(Packet { status: 0, bytes, key, overlapped: ov as usize });
            1
        }
        None => fail(ERROR_INVALID_HANDLE),
    }
}

/// Takes up to `max` packets into `out` (returns how many), waiting as
/// `GetQueuedCompletionStatus(Ex)` does.
fn dequeue(
    port: &Port,
    max: usize,
    deadline: Deadline,
    alertable: bool,
    out: &mut dyn FnMut(Packet),
) -> Result<usize, u32> {
    let me = objects::current_thread();
    loop {
        if alertable && me.run_apcs() > 0 {
            return Err(WAIT_IO_COMPLETION);
        }
        {
            let mut st = lock(&port.state);
            if !st.packets.is_empty() {
                let n = st.packets.len().min(max);
                st.packets.drain(..n).for_each(&mut *out);
                return Ok(n);
            }
            if st.closed {
                return Err(ERROR_ABANDONED_WAIT_0 as u32);
            }
            if deadline.expired() {
                return Err(WAIT_TIMEOUT);
            }
            me.parker.clear();
            st.waiters.add(&me.parker);
        }
        if !(alertable && me.has_apcs()) {
            // A thread about to block leads the reactor itself when it can (see
            // `engine::reactor`): its own completion then needs no other thread to wake it.
            match crate::engine::reactor::running() {
                Some(r) => {
                    let ready = || {
                        let st = lock(&port.state);
                        !st.packets.is_empty() || st.closed || (alertable && me.has_apcs())
                    };
                    r.drive_until(deadline, &ready, &me.parker);
                }
                None => {
                    me.parker.park(deadline);
                }
            }
        }
        lock(&port.state).waiters.remove(&me.parker);
    }
}

/// `GetQueuedCompletionStatus`.
///
/// # Safety
/// The output pointers must be writable.
pub unsafe fn get_queued_completion_status(
    port: HANDLE,
    bytes: *mut u32,
    key: *mut usize,
    ov: *mut *mut OVERLAPPED,
    ms: u32,
) -> BOOL {
    let Some(p) = objects::port(port as usize) else { return fail(ERROR_INVALID_HANDLE) };
    if bytes.is_null() || key.is_null() || ov.is_null() {
        return fail(ERROR_INVALID_PARAMETER);
    }
    let mut got = None;
    match dequeue(&p, 1, Deadline::after_dword_ms(ms), false, &mut |pk| got = Some(pk)) {
        Ok(_) => {
            let pk = got.expect("dequeue took one packet");
            // SAFETY: non-NULL outputs, writable per the caller.
            unsafe {
                bytes.write_unaligned(pk.bytes);
                key.write_unaligned(pk.key);
                ov.write_unaligned(pk.overlapped as *mut OVERLAPPED);
            }
            if pk.status < 0 {
                fail(translate::error::ntstatus_to_win32(pk.status) as i32)
            } else {
                set_error(OK as i32);
                1
            }
        }
        Err(e) => {
            // SAFETY: as above.
            unsafe { ov.write_unaligned(std::ptr::null_mut()) };
            fail(e as i32)
        }
    }
}

/// `GetQueuedCompletionStatusEx`.
///
/// # Safety
/// `entries` must point to `count` writable entries; `removed` writable.
pub unsafe fn get_queued_completion_status_ex(
    port: HANDLE,
    entries: *mut OVERLAPPED_ENTRY,
    count: u32,
    removed: *mut u32,
    ms: u32,
    alertable: BOOL,
) -> BOOL {
    let Some(p) = objects::port(port as usize) else { return fail(ERROR_INVALID_HANDLE) };
    if entries.is_null() || removed.is_null() || count == 0 {
        return fail(ERROR_INVALID_PARAMETER);
    }
    let mut i = 0usize;
    let mut store = |pk: Packet| {
        let e = OVERLAPPED_ENTRY {
            lpCompletionKey: pk.key,
            lpOverlapped: pk.overlapped as *mut OVERLAPPED,
            Internal: pk.status as u32 as usize,
            dwNumberOfBytesTransferred: pk.bytes,
        };
        // SAFETY: `count` writable entries, per the caller; dequeue passes at most `count`.
        unsafe { entries.add(i).write_unaligned(e) };
        i += 1;
    };
    match dequeue(&p, count as usize, Deadline::after_dword_ms(ms), alertable != 0, &mut store) {
        Ok(n) => {
            // SAFETY: writable, per the caller.
            unsafe { removed.write_unaligned(n as u32) };
            set_error(OK as i32);
            1
        }
        Err(e) => {
            // SAFETY: writable, per the caller.
            unsafe { removed.write_unaligned(0) };
            fail(e as i32)
        }
    }
}

/// `SetFileCompletionNotificationModes`.
pub fn set_file_completion_notification_modes(h: HANDLE, flags: u8) -> BOOL {
    bool_result(engine::set_completion_modes(h as usize, flags))
}

// ── file functions on sockets ───────────────────────────────────────────────────────────

/// `CancelIoEx`: `ERROR_NOT_FOUND` when nothing matched.
pub fn cancel_io_ex(h: HANDLE, ov: *mut OVERLAPPED) -> BOOL {
    let ov = (!ov.is_null()).then_some(ov as usize);
    match engine::cancel_io(h as usize, ov, None) {
        Ok(0) => fail(ERROR_NOT_FOUND),
        Ok(_) => 1,
        Err(e) => fail(e as i32),
    }
}

/// `CancelIo`: the calling thread's operations on `h`.
pub fn cancel_io(h: HANDLE) -> BOOL {
    let me = host().current_thread();
    match engine::cancel_io(h as usize, None, Some(me)) {
        Ok(_) => 1,
        Err(e) => fail(e as i32),
    }
}

/// `GetOverlappedResultEx` (for socket operations; events and `INFINITE`/timeouts honoured).
///
/// # Safety
/// `ov` must point to a live OVERLAPPED; `bytes` writable.
pub unsafe fn get_overlapped_result_ex(
    _h: HANDLE,
    ov: *mut OVERLAPPED,
    bytes: *mut u32,
    ms: u32,
    alertable: BOOL,
) -> BOOL {
    if ov.is_null() || bytes.is_null() {
        return fail(ERROR_INVALID_PARAMETER);
    }
    let ov = OvPtr(ov as usize);
    match wait_overlapped(ov, Deadline::after_dword_ms(ms), alertable != 0) {
        Ok(()) => {}
        Err(e) => return fail(e as i32),
    }
    // SAFETY: writable, per the caller.
    unsafe { bytes.write_unaligned(ov.bytes()) };
    let st = ov.status();
    if st < 0 { fail(translate::error::ntstatus_to_win32(st) as i32) } else { 1 }
}

/// Waits until `ov` is no longer pending: `ERROR_IO_INCOMPLETE` for a zero timeout,
/// `WAIT_TIMEOUT`, or `WAIT_IO_COMPLETION` after an APC.
pub(crate) fn wait_overlapped(ov: OvPtr, deadline: Deadline, alertable: bool) -> Result<(), u32> {
    loop {
        if ov.status() != STATUS_PENDING {
            return Ok(());
        }
        if deadline.remaining_ms() == 0 {
            return Err(if deadline.expired() && alertable { WAIT_TIMEOUT } else { ERROR_IO_INCOMPLETE as u32 });
        }
        let event = ov.event() & !1;
        if event != 0 {
            let r = host().wait_event(event, deadline.remaining_ms().max(0) as u32, alertable);
            if r == WAIT_IO_COMPLETION {
                return Err(WAIT_IO_COMPLETION);
            }
            // Windows waits on the event and then reads `Internal`, whatever it holds: a
            // signalled event ends the wait even if the operation still reads pending (Wine's
            // `test_WSAGetOverlappedResult`: TRUE at once for a pre-signalled event).
            if r == WAIT_OBJECT_0 {
                return Ok(());
            }
            if r == WAIT_FAILED {
                crate::engine::overlapped::wait_for(ov, deadline);
            }
        } else {
            crate::engine::overlapped::wait_for(ov, deadline);
        }
        if deadline.expired() && ov.status() == STATUS_PENDING {
            return Err(WAIT_TIMEOUT);
        }
    }
}

/// `GetOverlappedResult`.
///
/// # Safety
/// As [`get_overlapped_result_ex`].
pub unsafe fn get_overlapped_result(h: HANDLE, ov: *mut OVERLAPPED, bytes: *mut u32, wait: BOOL) -> BOOL {
    // SAFETY: forwarded caller contract.
    unsafe { get_overlapped_result_ex(h, ov, bytes, if wait != 0 { u32::MAX } else { 0 }, 0) }
}

/// `ReadFile` on a socket: a `WSARecv` with one buffer and no flags.
///
/// # Safety
/// `buf` writable for `len` bytes; `read` NULL or writable; `ov` NULL or live.
pub unsafe fn read_file(h: HANDLE, buf: *mut u8, len: u32, read: *mut u32, ov: *mut OVERLAPPED) -> BOOL {
    let wsabuf = WSABUF { len, buf: buf.cast() };
    let mut flags = 0u32;
    // SAFETY: forwarded caller contract.
    let r = unsafe {
        crate::api::io::wsa_recv(Face::Native, h as usize, &wsabuf, 1, read, &mut flags, ov, std::ptr::null_mut())
    };
    file_result(r)
}

/// `WriteFile` on a socket: a `WSASend` with one buffer.
///
/// # Safety
/// `buf` readable for `len` bytes; `written` NULL or writable; `ov` NULL or live.
pub unsafe fn write_file(h: HANDLE, buf: *const u8, len: u32, written: *mut u32, ov: *mut OVERLAPPED) -> BOOL {
    let wsabuf = WSABUF { len, buf: buf.cast_mut().cast() };
    // SAFETY: forwarded caller contract.
    let r =
        unsafe { crate::api::io::wsa_send(Face::Native, h as usize, &wsabuf, 1, written, 0, ov, std::ptr::null_mut()) };
    file_result(r)
}

fn file_result(r: i32) -> BOOL {
    if r == 0 {
        return 1;
    }
    let e = host().last_error() as i32;
    let win32 = match e {
        translate::WSA_IO_PENDING => ERROR_IO_PENDING,
        translate::WSAENOTSOCK => ERROR_INVALID_HANDLE,
        other => other,
    };
    fail(win32)
}
