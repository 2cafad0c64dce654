//! The protocol catalogue: which (family, type, protocol) triples this provider serves,
//! and how `socket(af, 0, 0)`-style requests are completed, as Windows' base providers do.
//!
//! Windows resolves a socket request against its catalogue in order: a zero type or
//! protocol takes the first matching entry's value (protocol 0 matches only entries
//! flagged "matches protocol zero"). `WSAEnumProtocols` lists the same entries.

use translate::{
    AF_INET, AF_INET6, AF_UNIX, AF_UNSPEC, IPPROTO_TCP, IPPROTO_UDP, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM,
    WSAEAFNOSUPPORT, WSAEINVAL, WSAEPROTONOSUPPORT, WSAESOCKTNOSUPPORT, WsaError,
};

/// One catalogue entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Windows catalogue id (`dwCatalogEntryId`), as Windows' MSAFD providers number them.
    pub catalog_id: u32,
    /// Windows address family.
    pub family: i32,
    /// Windows socket type.
    pub socktype: i32,
    /// The protocol, or the lowest of a range.
    pub protocol: i32,
    /// Number of protocols starting at `protocol` (`iProtocolMaxOffset` + 1).
    pub protocol_count: i32,
    /// Whether `protocol == 0` in a request selects this entry.
    pub matches_zero: bool,
    /// Hidden from `WSAEnumProtocols` (`PFL_HIDDEN`).
    pub hidden: bool,
    /// `szProtocol`.
    pub name: &'static str,
}

/// The catalogue, in Windows' order.
pub const ENTRIES: &[Entry] = &[
    Entry {
        catalog_id: 1001,
        family: AF_INET,
        socktype: SOCK_STREAM,
        protocol: IPPROTO_TCP,
        protocol_count: 1,
        matches_zero: true,
        hidden: false,
        name: "MSAFD Tcpip [TCP/IP]",
    },
    Entry {
        catalog_id: 1002,
        family: AF_INET,
        socktype: SOCK_DGRAM,
        protocol: IPPROTO_UDP,
        protocol_count: 1,
        matches_zero: true,
        hidden: false,
        name: "MSAFD Tcpip [UDP/IP]",
    },
    Entry {
        catalog_id: 1003,
        family: AF_INET,
        socktype: SOCK_RAW,
        protocol: 0,
        protocol_count: 256,
        matches_zero: true,
        hidden: true,
        name: "MSAFD Tcpip [RAW/IP]",
    },
    Entry {
        catalog_id: 1004,
        family: AF_INET6,
        socktype: SOCK_STREAM,
        protocol: IPPROTO_TCP,
        protocol_count: 1,
        matches_zero: true,
        hidden: false,
        name: "MSAFD Tcpip [TCP/IPv6]",
    },
    Entry {
        catalog_id: 1005,
        family: AF_INET6,
        socktype: SOCK_DGRAM,
        protocol: IPPROTO_UDP,
        protocol_count: 1,
        matches_zero: true,
        hidden: false,
        name: "MSAFD Tcpip [UDP/IPv6]",
    },
    Entry {
        catalog_id: 1006,
        family: AF_INET6,
        socktype: SOCK_RAW,
        protocol: 0,
        protocol_count: 256,
        matches_zero: true,
        hidden: true,
        name: "MSAFD Tcpip [RAW/IPv6]",
    },
    Entry {
        catalog_id: 1007,
        family: AF_UNIX,
        socktype: SOCK_STREAM,
        protocol: 0,
        protocol_count: 1,
        matches_zero: true,
        hidden: false,
        name: "AF_UNIX",
    },
];

impl Entry {
    fn serves(&self, protocol: i32) -> bool {
        if protocol == 0 {
            self.matches_zero
        } else {
            (self.protocol..self.protocol + self.protocol_count).contains(&protocol)
        }
    }
}

/// Completes a `socket`/`WSASocket` request to a concrete (family, type, protocol).
pub fn resolve(family: i32, socktype: i32, protocol: i32) -> Result<(i32, i32, i32), WsaError> {
    if family == AF_UNSPEC && protocol == 0 {
        return Err(WsaError(WSAEINVAL));
    }
    if family != AF_UNSPEC && !ENTRIES.iter().any(|e| e.family == family) {
        return Err(WsaError(WSAEAFNOSUPPORT));
    }
    if socktype != 0 && !ENTRIES.iter().any(|e| e.socktype == socktype) {
        return Err(WsaError(WSAESOCKTNOSUPPORT));
    }
    let candidates = ENTRIES
        .iter()
        .filter(|e| family == AF_UNSPEC || e.family == family)
        .filter(|e| socktype == 0 || e.socktype == socktype);
    let mut saw_type = false;
    for e in candidates {
        saw_type = true;
        if e.serves(protocol) {
            let proto = if protocol == 0 { e.protocol } else { protocol };
            return Ok((e.family, e.socktype, proto));
        }
    }
    // The family exists but not with this type; or the protocol does not fit the type,
    // which Windows reports as WSAEPROTONOSUPPORT (never WSAEPROTOTYPE).
    if !saw_type {
        return Err(WsaError(WSAESOCKTNOSUPPORT));
    }
    Err(WsaError(WSAEPROTONOSUPPORT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_fields_take_the_first_matching_entry() {
        assert_eq!(resolve(AF_INET, 0, 0), Ok((AF_INET, SOCK_STREAM, IPPROTO_TCP)));
        assert_eq!(resolve(AF_INET, SOCK_DGRAM, 0), Ok((AF_INET, SOCK_DGRAM, IPPROTO_UDP)));
        assert_eq!(resolve(AF_INET6, 0, IPPROTO_UDP), Ok((AF_INET6, SOCK_DGRAM, IPPROTO_UDP)));
        assert_eq!(resolve(AF_UNSPEC, SOCK_STREAM, IPPROTO_TCP), Ok((AF_INET, SOCK_STREAM, IPPROTO_TCP)));
    }

    #[test]
    fn bad_requests_get_windows_errors() {
        assert_eq!(resolve(AF_UNSPEC, 0, 0), Err(WsaError(WSAEINVAL)));
        assert_eq!(resolve(0xdead, SOCK_STREAM, 0), Err(WsaError(WSAEAFNOSUPPORT)));
        assert_eq!(resolve(AF_INET, 0xdead, 0), Err(WsaError(WSAESOCKTNOSUPPORT)));
        assert_eq!(resolve(AF_INET, SOCK_STREAM, IPPROTO_UDP), Err(WsaError(WSAEPROTONOSUPPORT)));
        assert_eq!(resolve(AF_INET, SOCK_STREAM, 200), Err(WsaError(WSAEPROTONOSUPPORT)));
    }
}
