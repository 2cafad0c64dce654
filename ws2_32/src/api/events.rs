//! Event objects and network-event selection: `WSACreateEvent`, `WSACloseEvent`,
//! `WSASetEvent`, `WSAResetEvent`, `WSAWaitForMultipleEvents`, `WSAEventSelect`,
//! `WSAEnumNetworkEvents`, and `WSAGetOverlappedResult`.
//!
//! `WSAEVENT`s are ordinary event handles of the host; in the PE export table `WSASetEvent`,
//! `WSAResetEvent` and `WSAWaitForMultipleEvents` are forwards to kernel32, as on Windows.

use translate::{
    BOOL, FD_ALL_EVENTS, FD_MAX_EVENTS, HANDLE, OVERLAPPED, SOCKET, WSA_INVALID_HANDLE, WSA_INVALID_PARAMETER,
    WSA_IO_INCOMPLETE, WSAEFAULT, WSAEINVAL, WSANETWORKEVENTS, WsaError,
};

use super::{ret, set_last_error, status};
use crate::engine::notify::{self, Target};
use crate::engine::overlapped::OvPtr;
use crate::engine::table;
use crate::host::host;
use crate::sys::Deadline;

/// `WSACreateEvent`: a manual-reset, non-signalled event.
pub fn wsa_create_event() -> HANDLE {
    let h = host().create_event(true, false);
    if h == 0 {
        set_last_error(translate::WSA_NOT_ENOUGH_MEMORY);
    }
    h as HANDLE
}

/// `WSACloseEvent`.
pub fn wsa_close_event(h: HANDLE) -> BOOL {
    if host().close_event(h as usize) {
        1
    } else {
        set_last_error(WSA_INVALID_HANDLE);
        0
    }
}

/// `WSASetEvent`.
pub fn wsa_set_event(h: HANDLE) -> BOOL {
    if host().set_event(h as usize) {
        1
    } else {
        set_last_error(WSA_INVALID_HANDLE);
        0
    }
}

/// `WSAResetEvent`.
pub fn wsa_reset_event(h: HANDLE) -> BOOL {
    if host().reset_event(h as usize) {
        1
    } else {
        set_last_error(WSA_INVALID_HANDLE);
        0
    }
}

/// `WSAWaitForMultipleEvents` (1–64 events).
///
/// # Safety
/// `events` must point to `count` readable handles.
pub unsafe fn wsa_wait_for_multiple_events(
    count: u32,
    events: *const HANDLE,
    wait_all: BOOL,
    ms: u32,
    alertable: BOOL,
) -> u32 {
    if count == 0 || count > 64 {
        set_last_error(WSA_INVALID_PARAMETER);
        return translate::WSA_WAIT_FAILED;
    }
    if events.is_null() {
        set_last_error(WSA_INVALID_HANDLE);
        return translate::WSA_WAIT_FAILED;
    }
    // SAFETY: forwarded caller contract.
    let r = unsafe { super::kernel32::wait_for_multiple_objects_ex(count, events, wait_all, ms, alertable) };
    if r == translate::WAIT_FAILED {
        set_last_error(WSA_INVALID_HANDLE);
    }
    r
}

/// `WSAEventSelect`: selects `mask` network events to signal `event`; the socket becomes
/// non-blocking. A zero mask cancels the selection.
pub fn wsa_event_select(s: SOCKET, event: HANDLE, mask: i32) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        if mask & !FD_ALL_EVENTS != 0 {
            return Err(WsaError(WSAEINVAL));
        }
        let target = if mask == 0 { Target::None } else { Target::Event(event as usize) };
        if mask != 0 && event.is_null() {
            return Err(WsaError(WSAEINVAL));
        }
        notify::select(&sock, target, mask);
        Ok(())
    })())
}

/// `WSAEnumNetworkEvents`: collects and clears the recorded events (and their error codes —
/// only the entries of reported events are written), resetting `event` if given.
///
/// # Safety
/// `out` must be NULL or writable.
pub unsafe fn wsa_enum_network_events(s: SOCKET, event: HANDLE, out: *mut WSANETWORKEVENTS) -> i32 {
    status((|| {
        let sock = table::get(s)?;
        if out.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        let (events, errors) = {
            let mut st = sock.state();
            let n = &mut st.notify;
            let events = n.pending & n.mask;
            n.pending &= !events;
            (events, n.errors)
        };
        if !event.is_null() {
            host().reset_event(event as usize);
        }
        // SAFETY: non-NULL, writable per the caller; only reported entries are written.
        unsafe {
            std::ptr::addr_of_mut!((*out).lNetworkEvents).write_unaligned(events);
            let codes = std::ptr::addr_of_mut!((*out).iErrorCode).cast::<i32>();
            for (bit, code) in errors.iter().enumerate().take(FD_MAX_EVENTS) {
                if events & (1 << bit) != 0 {
                    codes.add(bit).write_unaligned(*code);
                }
            }
        }
        Ok(())
    })())
}

/// `WSAGetOverlappedResult`.
///
/// # Safety
/// `ov` must point to the operation's OVERLAPPED; `bytes`/`flags` writable.
pub unsafe fn wsa_get_overlapped_result(
    s: SOCKET,
    ov: *mut OVERLAPPED,
    bytes: *mut u32,
    wait: BOOL,
    flags: *mut u32,
) -> BOOL {
    let r = (|| -> Result<BOOL, WsaError> {
        let _sock = table::get(s)?;
        if ov.is_null() || bytes.is_null() || flags.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        let ovp = OvPtr(ov as usize);
        let deadline = if wait != 0 { Deadline::NEVER } else { Deadline::after_ms(0) };
        super::kernel32::wait_overlapped(ovp, deadline, false).map_err(|_| WsaError(WSA_IO_INCOMPLETE))?;
        // SAFETY: non-NULL, writable per the caller.
        unsafe {
            bytes.write_unaligned(ovp.bytes());
            flags.write_unaligned(0);
        }
        let st = ovp.status();
        if st < 0 { Err(failure_code(st)) } else { Ok(1) }
    })();
    match r {
        Ok(v) => v,
        Err(e) => {
            ret::<i32>(Err(e));
            0
        }
    }
}

/// The Winsock code `WSAGetOverlappedResult` gives for a failure status in `Internal`.
/// Windows maps failure statuses through ws2_32's own table and anything it does not name to
/// `WSAEINVAL` (Wine's `test_WSAGetOverlappedResult` walks whole ranges): warnings other than
/// `STATUS_BUFFER_OVERFLOW` and the facility-Win32/RPC statuses (`0x8007xxxx`, `0xC007xxxx`,
/// `0xC001xxxx`) other than `ERROR_IO_INCOMPLETE` all read `WSAEINVAL`. One exception is kept:
/// `0x8007xxxx` carrying a Winsock code is how the engine stores a code that has no NTSTATUS
/// of its own (`translate::error::wsa_to_ntstatus`), so it gives that code back.
fn failure_code(st: i32) -> WsaError {
    let carried = (st as u32 & 0xffff) as i32;
    match st as u32 >> 16 {
        0x8007 if (translate::WSABASEERR..translate::WSABASEERR + 2000).contains(&carried) => WsaError(carried),
        0x8007 | 0xc007 | 0xc001 if carried == WSA_IO_INCOMPLETE => WsaError(WSA_IO_INCOMPLETE),
        0x8007 | 0xc007 | 0xc001 => WsaError(WSAEINVAL),
        _ => match translate::error::ntstatus_to_wsa(st) {
            // Table entries are Winsock codes (or WSA_OPERATION_ABORTED); a plain Win32 code
            // means the status is not in the table.
            e if e.0 >= translate::WSABASEERR || e.0 == translate::WSA_OPERATION_ABORTED => e,
            _ => WsaError(WSAEINVAL),
        },
    }
}
