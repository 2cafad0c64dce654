//! Windows address-reuse rules for TCP binds, kept process-wide.
//!
//! Every TCP socket gets the host's `SO_REUSEADDR` at creation, because Windows lets a new
//! socket bind a port whose old connections linger in TIME_WAIT — the host rule without it
//! refuses. The host option is more permissive than Windows in one respect: two sockets that
//! are not listening may bind the same address. This table restores Windows' answer among the
//! process's own sockets: a conflicting bind fails with `WSAEADDRINUSE`, or `WSAEACCES` when
//! the earlier socket holds the address with `SO_EXCLUSIVEADDRUSE`; a socket that set Windows'
//! `SO_REUSEADDR` may share (as on Windows).

use std::net::SocketAddr;
use std::sync::Mutex;

use translate::{SOCKET, WSAEACCES, WSAEADDRINUSE, WsaError};

#[derive(Debug)]
struct Binding {
    handle: SOCKET,
    addr: SocketAddr,
    exclusive: bool,
}

static BINDINGS: Mutex<Vec<Binding>> = Mutex::new(Vec::new());

fn overlaps(a: &SocketAddr, b: &SocketAddr) -> bool {
    a.port() == b.port()
        && a.is_ipv4() == b.is_ipv4()
        && (a.ip() == b.ip() || a.ip().is_unspecified() || b.ip().is_unspecified())
}

/// Checks a TCP bind of `handle` to `addr` against the process's other binds and reserves
/// it; `bind` must follow, and [`release`] undo it on failure or close.
pub fn reserve(handle: SOCKET, addr: SocketAddr, reuse: bool, exclusive: bool) -> Result<(), WsaError> {
    if addr.port() == 0 {
        return Ok(());
    }
    let mut all = BINDINGS.lock().unwrap_or_else(|e| e.into_inner());
    for b in all.iter().filter(|b| b.handle != handle && overlaps(&b.addr, &addr)) {
        if b.exclusive {
            return Err(WsaError(WSAEACCES));
        }
        if !reuse || exclusive {
            return Err(WsaError(WSAEADDRINUSE));
        }
    }
    all.push(Binding { handle, addr, exclusive });
    Ok(())
}

/// Forgets `handle`'s bind (close, failed bind, socket reuse).
pub fn release(handle: SOCKET) {
    let mut all = BINDINGS.lock().unwrap_or_else(|e| e.into_inner());
    all.retain(|b| b.handle != handle);
}
