//! Window-message notification: `WSAAsyncSelect`, and the Winsock 1.1 asynchronous database
//! lookups `WSAAsyncGetHostByName`, `WSAAsyncGetHostByAddr`, `WSAAsyncGetServByName`,
//! `WSAAsyncGetServByPort`, `WSAAsyncGetProtoByName`, `WSAAsyncGetProtoByNumber` and
//! `WSACancelAsyncRequest`.
//!
//! `WSAAsyncSelect` is `WSAEventSelect` with a window instead of an event: the engine's FD_*
//! state machine (`engine/notify.rs`) posts `WSAMAKESELECTREPLY(event, error)` with
//! `wParam` = the socket to the window through the host, so the message lands in the queue of
//! the thread that owns the window, whichever thread noticed the event.
//!
//! Each `WSAAsyncGetXByY` runs the blocking lookup (the `get*by*` functions of
//! `api/resolve/netdb.rs`) on a worker thread, copies the record into the caller's buffer with
//! every pointer relocated into that buffer (as Windows does, so the buffer can be used after
//! the call's per-thread storage is gone), and posts `(hwnd, msg, wParam = task handle,
//! lParam = WSAMAKEASYNCREPLY(length, error))`. A buffer too small gets `WSAENOBUFS` with the
//! size needed in the low word and is left untouched. Task handles are never 0 and never
//! reused, so `WSACancelAsyncRequest` can tell a finished task (`WSAEALREADY`) from a handle
//! that never was one (`WSAEINVAL`). A cancelled task neither writes the buffer nor posts;
//! the lookup itself is not interrupted.

use core::ffi::c_char;
use std::collections::HashSet;
use std::ffi::{CStr, CString};
use std::mem::{offset_of, size_of};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use translate::{
    FD_ALL_EVENTS, HANDLE, HOSTENT, HWND, PROTOENT, SERVENT, SOCKET, WSAEALREADY, WSAEFAULT, WSAEINVAL, WSAENOBUFS,
    WSANO_DATA, WsaError,
};

use super::{ret, status};
use crate::api::resolve::netdb;
use crate::engine::notify::{self, Target};
use crate::engine::{startup, table};
use crate::host::{self, host};

// ── WSAAsyncSelect ──────────────────────────────────────────────────────────────────────

/// Whether `hwnd` can receive messages. Only the default host's windows can be checked; a
/// loader's host owns its windows, so any non-NULL handle is taken on trust.
fn is_window(hwnd: HWND) -> bool {
    !hwnd.is_null() && (!host::is_default() || crate::host::default::window::window(hwnd as usize).is_some())
}

/// `WSAAsyncSelect`: selects `mask` network events to be posted to `hwnd` as `msg`
/// (`lParam = WSAMAKESELECTREPLY(event, error)`); replaces any `WSAEventSelect`, forgets
/// events recorded but not yet enumerated, and makes the socket non-blocking. A zero mask
/// cancels the selection (the socket stays non-blocking). Bits outside `FD_ALL_EVENTS`, or a
/// handle that is not a window, give `WSAEINVAL`.
pub fn wsa_async_select(s: SOCKET, hwnd: HWND, msg: u32, mask: i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        if mask & !FD_ALL_EVENTS != 0 || (mask != 0 && !is_window(hwnd)) {
            return Err(WsaError(WSAEINVAL));
        }
        sock.state().notify.pending = 0;
        let target = if mask == 0 { Target::None } else { Target::Window { hwnd: hwnd as usize, msg } };
        log::debug!(target: "ws2_32::async_select", "socket {s:#x}: {:?} to window {hwnd:p} as message {msg:#x}", translate::FdEvents(mask));
        notify::select(&sock, target, mask);
        sock.set_nonblocking(true);
        Ok(())
    })())
}

// ── task handles ────────────────────────────────────────────────────────────────────────

/// The first task handle (Wine's value; any non-zero value would do).
const FIRST_TASK: usize = 0xdead;
static NEXT_TASK: AtomicUsize = AtomicUsize::new(FIRST_TASK);
/// Tasks started and neither finished nor cancelled.
static PENDING: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

fn pending() -> std::sync::MutexGuard<'static, Option<HashSet<usize>>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Takes `task` off the pending set: `true` if it was there (not cancelled).
fn finish(task: usize) -> bool {
    pending().as_mut().is_some_and(|p| p.remove(&task))
}

/// `WSACancelAsyncRequest`: `WSAEALREADY` for a task that has completed (or was cancelled),
/// `WSAEINVAL` for a value that never named a task.
pub fn wsa_cancel_async_request(task: HANDLE) -> i32 {
    status((|| {
        startup::ensure()?;
        let t = task as usize;
        if finish(t) {
            log::debug!(target: "ws2_32::async_select", "task {t:#x} cancelled");
            return Ok(());
        }
        let issued = (FIRST_TASK..NEXT_TASK.load(Ordering::Acquire)).contains(&t);
        Err(WsaError(if issued { WSAEALREADY } else { WSAEINVAL }))
    })())
}

// ── relocatable records ─────────────────────────────────────────────────────────────────

/// A record being laid out for a caller's buffer: bytes plus the places that hold pointers
/// (as offsets of their targets), fixed up once the buffer's address is known.
#[derive(Debug, Default)]
struct Image {
    bytes: Vec<u8>,
    /// `(where, target)`: the pointer at offset `where` points to offset `target`.
    relocs: Vec<(usize, usize)>,
}

impl Image {
    /// A zeroed area of `len` bytes aligned to `align`; its offset.
    fn alloc(&mut self, len: usize, align: usize) -> usize {
        let at = self.bytes.len().next_multiple_of(align);
        self.bytes.resize(at + len, 0);
        at
    }

    /// A NUL-terminated copy of `s`; its offset.
    fn string(&mut self, s: &[u8]) -> usize {
        let at = self.alloc(s.len() + 1, 1);
        self.bytes[at..at + s.len()].copy_from_slice(s);
        at
    }

    /// A NULL-terminated array of `n` pointers; its offset.
    fn ptr_array(&mut self, n: usize) -> usize {
        self.alloc((n + 1) * size_of::<usize>(), size_of::<usize>())
    }

    /// Makes the pointer at `at` point to `target`.
    fn point(&mut self, at: usize, target: usize) {
        self.relocs.push((at, target));
    }

    fn put_i16(&mut self, at: usize, v: i16) {
        self.bytes[at..at + 2].copy_from_slice(&v.to_ne_bytes());
    }

    /// Strings into the slots of the pointer array at `array`.
    fn strings_into(&mut self, array: usize, items: &[Vec<u8>]) {
        for (k, s) in items.iter().enumerate() {
            let at = self.string(s);
            self.point(array + k * size_of::<usize>(), at);
        }
    }

    /// Copies the record to `buf` and relocates its pointers.
    ///
    /// # Safety
    /// `buf` must be writable for `self.bytes.len()` bytes.
    unsafe fn place(&self, buf: *mut u8) {
        // SAFETY: writable for the length, per the caller.
        unsafe { std::ptr::copy_nonoverlapping(self.bytes.as_ptr(), buf, self.bytes.len()) };
        for &(at, target) in &self.relocs {
            // SAFETY: `at` is a pointer slot inside the record just copied.
            unsafe { buf.add(at).cast::<usize>().write_unaligned(buf as usize + target) };
        }
    }
}

/// The strings of a NULL-terminated `char*` array.
///
/// # Safety
/// `list` NULL or a NULL-terminated array of NUL-terminated strings.
unsafe fn read_strings(list: *mut *mut c_char) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut p = list;
    // SAFETY: NULL-terminated, per the caller.
    while !p.is_null() && !unsafe { *p }.is_null() {
        // SAFETY: as above.
        unsafe {
            out.push(CStr::from_ptr(*p).to_bytes().to_vec());
            p = p.add(1);
        }
    }
    out
}

/// # Safety
/// `p` NULL or NUL-terminated.
unsafe fn read_str(p: *const c_char) -> Vec<u8> {
    // SAFETY: per the contract.
    if p.is_null() { Vec::new() } else { unsafe { CStr::from_ptr(p) }.to_bytes().to_vec() }
}

/// Lays out a `HOSTENT` as Windows does: the structure, the alias pointers, the address
/// pointers, the addresses, then the strings.
///
/// # Safety
/// `h` points to a valid record from `gethostby*`.
unsafe fn host_image(h: &HOSTENT) -> Image {
    // SAFETY: valid lists and strings, per the caller.
    let (name, aliases) = unsafe { (read_str(h.h_name), read_strings(h.h_aliases)) };
    let len = h.h_length.max(0) as usize;
    let mut addrs = Vec::new();
    let mut p = h.h_addr_list;
    // SAFETY: a NULL-terminated list of `h_length`-byte addresses.
    while !p.is_null() && !unsafe { *p }.is_null() {
        // SAFETY: as above.
        unsafe {
            addrs.push(std::slice::from_raw_parts((*p).cast::<u8>(), len).to_vec());
            p = p.add(1);
        }
    }
    let mut img = Image::default();
    let base = img.alloc(size_of::<HOSTENT>(), 8);
    let alias_arr = img.ptr_array(aliases.len());
    let addr_arr = img.ptr_array(addrs.len());
    for (k, a) in addrs.iter().enumerate() {
        let at = img.alloc(a.len(), 4);
        img.bytes[at..at + a.len()].copy_from_slice(a);
        img.point(addr_arr + k * size_of::<usize>(), at);
    }
    let name_at = img.string(&name);
    img.strings_into(alias_arr, &aliases);
    img.point(base + offset_of!(HOSTENT, h_name), name_at);
    img.point(base + offset_of!(HOSTENT, h_aliases), alias_arr);
    img.point(base + offset_of!(HOSTENT, h_addr_list), addr_arr);
    img.put_i16(base + offset_of!(HOSTENT, h_addrtype), h.h_addrtype);
    img.put_i16(base + offset_of!(HOSTENT, h_length), h.h_length);
    img
}

/// Lays out a `SERVENT`.
///
/// # Safety
/// `s` points to a valid record from `getservby*`.
unsafe fn serv_image(s: &SERVENT) -> Image {
    // SAFETY: valid lists and strings, per the caller.
    let (name, aliases, proto) = unsafe { (read_str(s.s_name), read_strings(s.s_aliases), read_str(s.s_proto)) };
    let mut img = Image::default();
    let base = img.alloc(size_of::<SERVENT>(), 8);
    let alias_arr = img.ptr_array(aliases.len());
    let name_at = img.string(&name);
    img.strings_into(alias_arr, &aliases);
    let proto_at = img.string(&proto);
    img.point(base + offset_of!(SERVENT, s_name), name_at);
    img.point(base + offset_of!(SERVENT, s_aliases), alias_arr);
    img.point(base + offset_of!(SERVENT, s_proto), proto_at);
    img.put_i16(base + offset_of!(SERVENT, s_port), s.s_port);
    img
}

/// Lays out a `PROTOENT`.
///
/// # Safety
/// `p` points to a valid record from `getprotoby*`.
unsafe fn proto_image(p: &PROTOENT) -> Image {
    // SAFETY: valid lists and strings, per the caller.
    let (name, aliases) = unsafe { (read_str(p.p_name), read_strings(p.p_aliases)) };
    let mut img = Image::default();
    let base = img.alloc(size_of::<PROTOENT>(), 8);
    let alias_arr = img.ptr_array(aliases.len());
    let name_at = img.string(&name);
    img.strings_into(alias_arr, &aliases);
    img.point(base + offset_of!(PROTOENT, p_name), name_at);
    img.point(base + offset_of!(PROTOENT, p_aliases), alias_arr);
    img.put_i16(base + offset_of!(PROTOENT, p_proto), p.p_proto);
    img
}

// ── lookups ─────────────────────────────────────────────────────────────────────────────

/// A lookup, with its arguments copied at initiation (the caller's strings need not outlive
/// the call).
#[derive(Debug)]
enum Query {
    HostByName(CString),
    HostByAddr { addr: Vec<u8>, len: i32, family: i32 },
    ServByName(CString, Option<CString>),
    ServByPort(i32, Option<CString>),
    ProtoByName(CString),
    ProtoByNumber(i32),
}

/// `Ok(record)` or the lookup's error, from a `get*by*` result on this thread.
fn outcome<T>(p: *mut T, image: unsafe fn(&T) -> Image) -> Result<Image, i32> {
    // SAFETY: a non-NULL result of `get*by*` is a valid record in this thread's buffer.
    match unsafe { p.as_ref() } {
        // SAFETY: as above; `image` only reads the record.
        Some(r) => Ok(unsafe { image(r) }),
        None => Err(match super::last_error() {
            0 => WSANO_DATA,
            e => e,
        }),
    }
}

impl Query {
    /// Runs the blocking lookup (on the worker thread).
    fn run(&self) -> Result<Image, i32> {
        let opt = |p: &Option<CString>| p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        match self {
            Query::HostByName(n) => {
                // SAFETY: a NUL-terminated string owned by `self`.
                outcome(unsafe { netdb::gethostbyname(n.as_ptr()) }, host_image)
            }
            Query::HostByAddr { addr, len, family } => {
                // SAFETY: `addr` holds `len` bytes.
                outcome(unsafe { netdb::gethostbyaddr(addr.as_ptr().cast(), *len, *family) }, host_image)
            }
            Query::ServByName(n, p) => {
                // SAFETY: NUL-terminated strings (or NULL) owned by `self`.
                outcome(unsafe { netdb::getservbyname(n.as_ptr(), opt(p)) }, serv_image)
            }
            Query::ServByPort(port, p) => {
                // SAFETY: a NUL-terminated string (or NULL) owned by `self`.
                outcome(unsafe { netdb::getservbyport(*port, opt(p)) }, serv_image)
            }
            Query::ProtoByName(n) => {
                // SAFETY: a NUL-terminated string owned by `self`.
                outcome(unsafe { netdb::getprotobyname(n.as_ptr()) }, proto_image)
            }
            Query::ProtoByNumber(n) => outcome(netdb::getprotobynumber(*n), proto_image),
        }
    }
}

/// A started lookup: where its answer goes.
struct Task {
    handle: usize,
    hwnd: usize,
    msg: u32,
    buf: usize,
    buflen: usize,
    query: Query,
}

/// `WSAMAKEASYNCREPLY(buflen, error)` as an `LPARAM` (`MAKELONG`: 16 bits each).
fn async_reply(len: usize, error: i32) -> isize {
    (((error as u32 & 0xffff) << 16) | (len.min(0xffff) as u32)) as i32 as isize
}

impl Task {
    fn complete(self) {
        let result = self.query.run();
        if !finish(self.handle) {
            return;
        }
        let lparam = match result {
            Ok(img) if img.bytes.len() <= self.buflen => {
                // SAFETY: the application keeps `buf` (`buflen` writable bytes) valid until the
                // reply is posted, as the Windows documentation requires.
                unsafe { img.place(self.buf as *mut u8) };
                async_reply(img.bytes.len(), 0)
            }
            Ok(img) => async_reply(img.bytes.len(), WSAENOBUFS),
            Err(e) => async_reply(0, e),
        };
        log::debug!(target: "ws2_32::async_select", "task {:#x}: {:?} → lParam {lparam:#x}", self.handle, self.query);
        host().post_message(self.hwnd, self.msg, self.handle, lparam);
    }
}

/// Starts `query`; returns the task handle (NULL with the error on failure).
fn start(hwnd: HWND, msg: u32, buf: *mut c_char, buflen: i32, query: Query) -> Result<HANDLE, WsaError> {
    startup::ensure()?;
    if buf.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    let handle = NEXT_TASK.fetch_add(1, Ordering::AcqRel);
    pending().get_or_insert_with(HashSet::new).insert(handle);
    let task = Task { handle, hwnd: hwnd as usize, msg, buf: buf as usize, buflen: buflen.max(0) as usize, query };
    let spawned = std::thread::Builder::new().name("ws2_32 async lookup".into()).spawn(move || task.complete());
    if spawned.is_err() {
        finish(handle);
        return Err(WsaError(WSAENOBUFS));
    }
    Ok(handle as HANDLE)
}

/// A copy of a required string argument (NULL → `WSAEFAULT`).
///
/// # Safety
/// `p` NULL or NUL-terminated.
unsafe fn required(p: *const c_char) -> Result<CString, WsaError> {
    if p.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: NUL-terminated, per the caller.
    Ok(unsafe { CStr::from_ptr(p) }.to_owned())
}

/// # Safety
/// `p` NULL or NUL-terminated.
unsafe fn optional(p: *const c_char) -> Option<CString> {
    // SAFETY: per the contract.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_owned())
}

/// `WSAAsyncGetHostByName`.
///
/// # Safety
/// `name` NUL-terminated; `buf` writable for `buflen` bytes until the reply is posted.
pub unsafe fn wsa_async_get_host_by_name(
    hwnd: HWND,
    msg: u32,
    name: *const c_char,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    // SAFETY: per the contract.
    ret(unsafe { required(name) }.and_then(|n| start(hwnd, msg, buf, buflen, Query::HostByName(n))))
}

/// `WSAAsyncGetHostByAddr`.
///
/// # Safety
/// `addr` readable for `len` bytes; `buf` as for [`wsa_async_get_host_by_name`].
pub unsafe fn wsa_async_get_host_by_addr(
    hwnd: HWND,
    msg: u32,
    addr: *const c_char,
    len: i32,
    family: i32,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    let r = (|| {
        // At most an IPv6 address is read; the lookup checks `len` against the family.
        let n = len.clamp(0, 16);
        // SAFETY: `len` readable bytes, per the contract.
        let a = unsafe { super::bytes(addr.cast(), n) }?.to_vec();
        start(hwnd, msg, buf, buflen, Query::HostByAddr { addr: a, len: n, family })
    })();
    ret(r)
}

/// `WSAAsyncGetServByName` (`proto` NULL: any protocol).
///
/// # Safety
/// Strings NUL-terminated (`proto` may be NULL); `buf` as for [`wsa_async_get_host_by_name`].
pub unsafe fn wsa_async_get_serv_by_name(
    hwnd: HWND,
    msg: u32,
    name: *const c_char,
    proto: *const c_char,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    let r = (|| {
        // SAFETY: NUL-terminated, per the contract.
        let n = unsafe { required(name) }?;
        // SAFETY: NULL or NUL-terminated, per the contract.
        let p = unsafe { optional(proto) };
        start(hwnd, msg, buf, buflen, Query::ServByName(n, p))
    })();
    ret(r)
}

/// `WSAAsyncGetServByPort` (`port` in network byte order).
///
/// # Safety
/// `proto` NULL or NUL-terminated; `buf` as for [`wsa_async_get_host_by_name`].
pub unsafe fn wsa_async_get_serv_by_port(
    hwnd: HWND,
    msg: u32,
    port: i32,
    proto: *const c_char,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    // SAFETY: per the contract.
    let q = Query::ServByPort(port, unsafe { optional(proto) });
    ret(start(hwnd, msg, buf, buflen, q))
}

/// `WSAAsyncGetProtoByName`.
///
/// # Safety
/// `name` NUL-terminated; `buf` as for [`wsa_async_get_host_by_name`].
pub unsafe fn wsa_async_get_proto_by_name(
    hwnd: HWND,
    msg: u32,
    name: *const c_char,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    // SAFETY: per the contract.
    ret(unsafe { required(name) }.and_then(|n| start(hwnd, msg, buf, buflen, Query::ProtoByName(n))))
}

/// `WSAAsyncGetProtoByNumber`.
///
/// # Safety
/// `buf` as for [`wsa_async_get_host_by_name`].
pub unsafe fn wsa_async_get_proto_by_number(
    hwnd: HWND,
    msg: u32,
    number: i32,
    buf: *mut c_char,
    buflen: i32,
) -> HANDLE {
    ret(start(hwnd, msg, buf, buflen, Query::ProtoByNumber(number)))
}
