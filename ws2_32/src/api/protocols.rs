//! The transport catalogue as applications see it — `WSAEnumProtocolsA/W`,
//! `WSCEnumProtocols(32)` — and `WSADuplicateSocketA/W`.
//!
//! The enumerations are views of [`catalog::ENTRIES`]: the API form hides `PFL_HIDDEN`
//! entries (Wine's conformance tests check that Windows never returns one), while the SPI
//! form `WSCEnumProtocols`, which LSP installers and catalogue dumpers use, lists every
//! entry, needs no `WSAStartup`, and reports errors through `*lpErrno`.
//!
//! `WSADuplicateSocket` works within the process only (there is no other process to hand a
//! descriptor to): it duplicates the fd at once — the source may be closed before the copy
//! is opened — and marks the returned `WSAPROTOCOL_INFO` (`dwServiceFlags3` = a token,
//! `dwServiceFlags4` = [`DUPLICATE_MAGIC`]); `WSASocket` given that structure adopts the
//! duplicate through [`adopt_duplicate`], once, as Windows allows.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use translate::{
    SOCKET, WSA_FLAG_OVERLAPPED, WSAEFAULT, WSAEINVAL, WSAENOBUFS, WSAPROTOCOL_INFOA, WSAPROTOCOL_INFOW, WsaError,
};

use super::ret;
use crate::engine::socket::ConnState;
use crate::engine::{self, catalog, startup, table};
use crate::sys::syscall;

/// `dwServiceFlags4` of a `WSAPROTOCOL_INFO` made by `WSADuplicateSocket`.
pub const DUPLICATE_MAGIC: u32 = 0xff00_ff00;

/// The catalogue entries selected by a zero-terminated `lpiProtocols` filter (NULL = all).
///
/// # Safety
/// `filter` must be NULL or point to a zero-terminated array of `INT`.
unsafe fn select(filter: *const i32, include_hidden: bool) -> Vec<WSAPROTOCOL_INFOW> {
    let mut wanted = Vec::new();
    if !filter.is_null() {
        let mut p = filter;
        loop {
            // SAFETY: the array is zero-terminated, per the caller; we stop at the terminator.
            let v = unsafe { p.read_unaligned() };
            if v == 0 {
                break;
            }
            wanted.push(v);
            // SAFETY: still inside the array (the terminator has not been read yet).
            p = unsafe { p.add(1) };
        }
    }
    catalog::ENTRIES
        .iter()
        .filter(|e| include_hidden || !e.hidden)
        .filter(|e| filter.is_null() || wanted.iter().any(|&p| e.serves(p)))
        .map(catalog::protocol_info)
        .collect()
}

/// Copies `items` to `(buffer, *len)`: `*len` too small or `buffer` NULL → `WSAENOBUFS`
/// with the size needed in `*len`; `len` NULL → `WSAEFAULT`.
///
/// # Safety
/// `len` must be NULL or valid; `buffer` NULL or valid for `*len` bytes.
unsafe fn copy_out<T: Copy>(items: &[T], buffer: *mut T, len: *mut u32) -> Result<i32, WsaError> {
    if len.is_null() {
        return Err(WsaError(WSAEFAULT));
    }
    let need = std::mem::size_of_val(items) as u32;
    // SAFETY: non-NULL and valid per the caller.
    let have = unsafe { len.read_unaligned() };
    if buffer.is_null() || have < need {
        // SAFETY: as above.
        unsafe { len.write_unaligned(need) };
        return Err(WsaError(WSAENOBUFS));
    }
    for (i, item) in items.iter().enumerate() {
        // SAFETY: `have >= need` bytes are writable at `buffer`, room for every item.
        unsafe { buffer.add(i).write_unaligned(*item) };
    }
    Ok(items.len() as i32)
}

/// `WSAEnumProtocolsW`.
///
/// # Safety
/// `protocols` NULL or zero-terminated; `len` NULL or valid; `buffer` NULL or valid for
/// `*len` bytes.
pub unsafe fn wsa_enum_protocols_w(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOW, len: *mut u32) -> i32 {
    ret((|| {
        startup::ensure()?;
        // SAFETY: forwarded caller contract.
        let items = unsafe { select(protocols, false) };
        // SAFETY: forwarded caller contract.
        unsafe { copy_out(&items, buffer, len) }
    })())
}

/// `WSAEnumProtocolsA`.
///
/// # Safety
/// As [`wsa_enum_protocols_w`].
pub unsafe fn wsa_enum_protocols_a(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOA, len: *mut u32) -> i32 {
    ret((|| {
        startup::ensure()?;
        // SAFETY: forwarded caller contract.
        let items: Vec<_> = unsafe { select(protocols, false) }.iter().map(catalog::to_ansi).collect();
        // SAFETY: forwarded caller contract.
        unsafe { copy_out(&items, buffer, len) }
    })())
}

/// `WSCEnumProtocols`: every entry, hidden ones included; no `WSAStartup` needed; the
/// error goes to `*errno` (the thread's last error is left alone).
///
/// # Safety
/// As [`wsa_enum_protocols_w`]; `errno` NULL or writable.
pub unsafe fn wsc_enum_protocols(
    protocols: *const i32,
    buffer: *mut WSAPROTOCOL_INFOW,
    len: *mut u32,
    errno: *mut i32,
) -> i32 {
    // SAFETY: forwarded caller contract.
    let items = unsafe { select(protocols, true) };
    // SAFETY: forwarded caller contract.
    let r = unsafe { copy_out(&items, buffer, len) };
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(r, errno) }
}

/// Returns an SPI function's result: `Ok(v)` → `v`; `Err(e)` → `SOCKET_ERROR` with `e` in
/// `*errno` (when not NULL).
///
/// # Safety
/// `errno` must be NULL or writable.
pub(crate) unsafe fn spi_result(r: Result<i32, WsaError>, errno: *mut i32) -> i32 {
    match r {
        Ok(v) => v,
        Err(e) => {
            log::debug!(target: "ws2_32::protocols", "SPI call failing with {e:?}");
            if !errno.is_null() {
                // SAFETY: non-NULL and writable per the caller.
                unsafe { errno.write_unaligned(e.0) };
            }
            translate::SOCKET_ERROR
        }
    }
}

/// A duplicated descriptor waiting for `WSASocket`.
#[derive(Debug)]
struct Pending {
    fd: i32,
    family: i32,
    socktype: i32,
    protocol: i32,
    nonblocking: bool,
    conn: ConnState,
    bound: bool,
}

static PENDING: Mutex<Option<HashMap<u32, Pending>>> = Mutex::new(None);
static NEXT_TOKEN: AtomicU32 = AtomicU32::new(1);

fn duplicate(s: SOCKET, pid: u32) -> Result<WSAPROTOCOL_INFOW, WsaError> {
    let sock = table::get(s)?;
    if pid != std::process::id() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            log::warn!(target: "ws2_32::protocols", "WSADuplicateSocket into another process (pid {pid}) is not supported; failing with WSAEINVAL")
        });
        return Err(WsaError(WSAEINVAL));
    }
    let entry = catalog::entry_for(sock.family, sock.socktype, sock.protocol).ok_or(WsaError(WSAEINVAL))?;
    let fd = syscall!(fcntl(sock.fd(), libc::F_DUPFD_CLOEXEC, 0))?;
    let (conn, bound) = {
        let st = sock.state();
        (st.conn, st.bound)
    };
    let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
    let pending = Pending {
        fd,
        family: sock.family,
        socktype: sock.socktype,
        protocol: sock.protocol,
        nonblocking: sock.is_nonblocking(),
        conn,
        bound,
    };
    PENDING.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashMap::new).insert(token, pending);
    let mut info = catalog::protocol_info(entry);
    info.iProtocol = sock.protocol;
    info.dwServiceFlags3 = token;
    info.dwServiceFlags4 = DUPLICATE_MAGIC;
    log::debug!(target: "ws2_32::protocols", "WSADuplicateSocket({s:#x}) -> token {token}");
    Ok(info)
}

/// `WSADuplicateSocketW`: in-process only (another `pid` → `WSAEINVAL`).
///
/// # Safety
/// `info` must be NULL or writable.
pub unsafe fn wsa_duplicate_socket_w(s: SOCKET, pid: u32, info: *mut WSAPROTOCOL_INFOW) -> i32 {
    ret((|| {
        let out = super::non_null(info)?;
        let dup = duplicate(s, pid)?;
        // SAFETY: non-NULL and writable per the caller.
        unsafe { out.write_unaligned(dup) };
        Ok(0)
    })())
}

/// `WSADuplicateSocketA`.
///
/// # Safety
/// `info` must be NULL or writable.
pub unsafe fn wsa_duplicate_socket_a(s: SOCKET, pid: u32, info: *mut WSAPROTOCOL_INFOA) -> i32 {
    ret((|| {
        let out = super::non_null(info)?;
        let dup = duplicate(s, pid)?;
        // SAFETY: non-NULL and writable per the caller.
        unsafe { out.write_unaligned(catalog::to_ansi(&dup)) };
        Ok(0)
    })())
}

/// Hook for `WSASocketA/W` (api/socket.rs): when the `WSAPROTOCOL_INFO` passed in came
/// from `WSADuplicateSocket` (its `dwServiceFlags3`/`dwServiceFlags4`), opens the duplicate
/// as a new `SOCKET` sharing the connection and returns `Some(result)`; otherwise `None`
/// and `WSASocket` proceeds as usual. A marked structure can be used once: a second use
/// fails with `WSAEINVAL`.
pub(crate) fn adopt_duplicate(
    service_flags3: u32,
    service_flags4: u32,
    flags: u32,
) -> Option<Result<SOCKET, WsaError>> {
    if service_flags4 != DUPLICATE_MAGIC {
        return None;
    }
    if let Err(e) = startup::ensure() {
        return Some(Err(e));
    }
    let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner()).as_mut().and_then(|m| m.remove(&service_flags3));
    let Some(p) = pending else {
        return Some(Err(WsaError(WSAEINVAL)));
    };
    let r = engine::adopt(p.fd, p.family, p.socktype, p.protocol, flags & WSA_FLAG_OVERLAPPED != 0).map(|sock| {
        sock.set_nonblocking(p.nonblocking);
        let mut st = sock.state();
        st.conn = p.conn;
        st.bound = p.bound;
        if p.conn == ConnState::Connected {
            st.connected_at = Some(std::time::Instant::now());
        }
        sock.handle
    });
    Some(r)
}
