//! Windows address-reuse rules for TCP binds, kept process-wide.
//!
//! Every TCP socket gets the host's `SO_REUSEADDR` at creation, because Windows lets a new
//! socket bind a port whose old connections linger in TIME_WAIT — the host rule without it
//! refuses. The host option is more permissive than Windows in one respect: two sockets that
//! are not listening may bind the same address. This table restores Windows' answer among the
//! process's own sockets.
//!
//! Windows' rules (Wine's `test_reuseaddr`, run on current Windows, records them), for an
//! earlier bind A and a new bind B on the same port:
//! * A and B name the same address (an IPv4-mapped IPv6 address is the IPv4 address it maps):
//!   success when both set `SO_REUSEADDR`; `WSAEACCES` when only B did; `WSAEADDRINUSE`
//!   otherwise (exclusive or not).
//! * A is a wildcard covering B's specific address: success, unless A holds it with
//!   `SO_EXCLUSIVEADDRUSE` (`WSAEACCES`).
//! * B is a wildcard covering A: success, unless B asks for `SO_EXCLUSIVEADDRUSE`
//!   (`WSAEADDRINUSE`).
//!
//! A dual-stack IPv6 wildcard (`IPV6_V6ONLY` off) covers every IPv4 address, the IPv4
//! wildcard included; a v6-only socket and an IPv4 socket never meet.
//!
//! The host refuses any overlapping bind next to a listening socket, and a second listener
//! next to a bound one. Windows lets a wildcard and a specific address listen side by side
//! and gives a connection to the more specific one; the host does the same when both sockets
//! carry its `SO_REUSEPORT`, which `bind` sets on such pairs ([`reserve`] names them). Two
//! reusing sockets on the very same address still cannot both listen (Windows allows it):
//! `SO_REUSEPORT` there would spread connections between them, where Windows gives every
//! connection to the first.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use translate::{SOCKET, WSAEACCES, WSAEADDRINUSE, WsaError};

use crate::sys::syscall;

/// One bind as the rules see it.
#[derive(Debug, Clone, Copy)]
struct Binding {
    handle: SOCKET,
    port: u16,
    /// The address, IPv4-mapped IPv6 addresses folded to IPv4.
    ip: IpAddr,
    /// An IPv6 wildcard that also accepts IPv4.
    dual: bool,
    reuse: bool,
    exclusive: bool,
}

/// How an earlier bind relates to a new one.
#[derive(Debug, PartialEq, Eq)]
enum Relation {
    Disjoint,
    Same,
    /// The earlier bind's wildcard covers the new address.
    EarlierCovers,
    /// The new bind's wildcard covers the earlier address.
    NewCovers,
}

impl Binding {
    /// Whether this bind's address includes `other`'s, being a wildcard for it.
    fn covers(&self, other: &Binding) -> bool {
        self.ip.is_unspecified() && (self.ip.is_ipv4() == other.ip.is_ipv4() || (self.dual && other.ip.is_ipv4()))
    }

    fn relation(&self, new: &Binding) -> Relation {
        if self.port != new.port {
            Relation::Disjoint
        } else if self.ip == new.ip {
            Relation::Same
        } else if self.covers(new) {
            Relation::EarlierCovers
        } else if new.covers(self) {
            Relation::NewCovers
        } else {
            Relation::Disjoint
        }
    }

    /// Windows' answer for binding `new` while `self` holds its address.
    fn check(&self, new: &Binding) -> Result<(), WsaError> {
        match self.relation(new) {
            Relation::Disjoint => Ok(()),
            Relation::Same if self.reuse && new.reuse => Ok(()),
            Relation::Same if new.reuse => Err(WsaError(WSAEACCES)),
            Relation::Same => Err(WsaError(WSAEADDRINUSE)),
            Relation::EarlierCovers if self.exclusive => Err(WsaError(WSAEACCES)),
            Relation::NewCovers if new.exclusive => Err(WsaError(WSAEADDRINUSE)),
            Relation::EarlierCovers | Relation::NewCovers => Ok(()),
        }
    }
}

static BINDINGS: Mutex<Vec<Binding>> = Mutex::new(Vec::new());

/// How a socket asks to bind: its Windows `SO_REUSEADDR`, `SO_EXCLUSIVEADDRUSE` and, for an
/// IPv6 socket, whether `IPV6_V6ONLY` is off.
#[derive(Debug, Clone, Copy, Default)]
pub struct BindFlags {
    /// `SO_REUSEADDR`.
    pub reuse: bool,
    /// `SO_EXCLUSIVEADDRUSE`.
    pub exclusive: bool,
    /// IPv6 socket accepting IPv4 too.
    pub dual_stack: bool,
}

/// Checks a TCP bind of `handle` to `addr` against the process's other binds and reserves
/// it; `bind` must follow, and [`release`] undo it on failure or close.
///
/// Returns the sockets whose address overlaps the new one as wildcard and specific address:
/// Windows lets such pairs listen side by side, and the host only does when both carry its
/// `SO_REUSEPORT` (it then gives a connection to the listener with the more specific address,
/// as Windows does), so the caller sets that option on all of them before binding.
pub fn reserve(handle: SOCKET, addr: SocketAddr, flags: BindFlags) -> Result<Vec<SOCKET>, WsaError> {
    if addr.port() == 0 {
        return Ok(Vec::new());
    }
    let ip = match addr.ip() {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    let new = Binding {
        handle,
        port: addr.port(),
        ip,
        // Only the IPv6 wildcard itself reaches IPv4 addresses beyond the one it names.
        dual: flags.dual_stack && ip.is_ipv6() && ip.is_unspecified(),
        reuse: flags.reuse,
        exclusive: flags.exclusive,
    };
    let mut all = BINDINGS.lock().unwrap_or_else(|e| e.into_inner());
    let mut beside = Vec::new();
    for b in all.iter().filter(|b| b.handle != handle) {
        b.check(&new)?;
        if matches!(b.relation(&new), Relation::EarlierCovers | Relation::NewCovers) {
            beside.push(b.handle);
        }
    }
    all.push(new);
    Ok(beside)
}

/// Forgets `handle`'s bind (close, failed bind, socket reuse).
pub fn release(handle: SOCKET) {
    let mut all = BINDINGS.lock().unwrap_or_else(|e| e.into_inner());
    all.retain(|b| b.handle != handle);
}

/// Sets the host's `SO_REUSEPORT` on `fd` (best effort: without it a later listen beside a
/// wildcard is refused by the host, which is the answer before this emulation).
pub fn set_host_reuseport(fd: i32) {
    let one: libc::c_int = 1;
    // SAFETY: a live c_int of the stated size.
    let _ = syscall!(setsockopt(
        fd,
        libc::SOL_SOCKET,
        libc::SO_REUSEPORT,
        (&one as *const libc::c_int).cast(),
        std::mem::size_of::<libc::c_int>() as libc::socklen_t
    ));
}

/// The host's `IPV6_V6ONLY` of an IPv6 socket's `fd` (true when it cannot be read).
pub fn host_v6only(fd: i32) -> bool {
    let mut v: libc::c_int = 1;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a live c_int and its length.
    let r =
        syscall!(getsockopt(fd, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, (&mut v as *mut libc::c_int).cast(), &mut len));
    r.is_err() || v != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(ip: &str, dual: bool, reuse: bool, exclusive: bool) -> Binding {
        Binding { handle: 0, port: 1, ip: ip.parse().unwrap(), dual, reuse, exclusive }
    }

    #[test]
    fn relations() {
        let any4 = b("0.0.0.0", false, false, false);
        let lo4 = b("127.0.0.1", false, false, false);
        let any6 = b("::", false, false, false);
        let dual = b("::", true, false, false);
        assert_eq!(any4.relation(&lo4), Relation::EarlierCovers);
        assert_eq!(lo4.relation(&any4), Relation::NewCovers);
        assert_eq!(any6.relation(&lo4), Relation::Disjoint);
        assert_eq!(dual.relation(&any4), Relation::EarlierCovers);
        assert_eq!(any4.relation(&dual), Relation::NewCovers);
        assert_eq!(any6.relation(&dual), Relation::Same);
        assert_eq!(lo4.relation(&lo4), Relation::Same);
    }
}
