//! The protocol catalogue: which (family, type, protocol) triples this provider serves,
//! how `socket(af, 0, 0)`-style requests are completed, and what `WSAEnumProtocols`,
//! `WSCEnumProtocols` and `SO_PROTOCOL_INFO` report about each entry.
//!
//! Windows resolves a socket request against its catalogue in order: a zero type or
//! protocol takes the first matching entry's value (protocol 0 matches only entries
//! flagged "matches protocol zero"). `WSAEnumProtocols` lists the same entries, minus the
//! `PFL_HIDDEN` ones. The per-entry values (service flags, provider GUIDs, address sizes,
//! message sizes, names) are the ones Windows' MSAFD base providers report — programs
//! print them, LSP installers match on the GUIDs and catalogue ids, and Wine's conformance
//! tests check the `XP1_*` sets of the TCP and UDP entries.

use translate::{
    AF_INET, AF_INET6, AF_UNIX, AF_UNSPEC, BASE_PROTOCOL, BIGENDIAN, GUID, IPPROTO_TCP, IPPROTO_UDP, PFL_HIDDEN,
    PFL_MATCHES_PROTOCOL_ZERO, SECURITY_PROTOCOL_NONE, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, WSAEAFNOSUPPORT, WSAEINVAL,
    WSAEPROTONOSUPPORT, WSAESOCKTNOSUPPORT, WSAPROTOCOL_INFOA, WSAPROTOCOL_INFOW, WSAPROTOCOLCHAIN, WsaError,
    XP1_CONNECTIONLESS, XP1_EXPEDITED_DATA, XP1_GRACEFUL_CLOSE, XP1_GUARANTEED_DELIVERY, XP1_GUARANTEED_ORDER,
    XP1_IFS_HANDLES, XP1_MESSAGE_ORIENTED, XP1_SUPPORT_BROADCAST, XP1_SUPPORT_MULTIPOINT,
};

/// The MSAFD Tcpip provider of the IPv4 entries.
pub const PROVIDER_TCPIP: GUID = GUID::from_u128(0xE70F1AA0_AB8B_11CF_8CA3_00805F48A192);
/// The MSAFD Tcpip provider of the IPv6 entries.
pub const PROVIDER_TCPIP6: GUID = GUID::from_u128(0xF9EAB0C0_26D4_11D0_BBBF_00AA006C34E4);
/// The AF_UNIX provider (Windows 10 1803 and later).
pub const PROVIDER_AFUNIX: GUID = GUID::from_u128(0xA00943D9_9C2E_4633_9B59_0057A3160994);
/// Every provider GUID of the catalogue, with the DLL Windows names for it
/// (`WSCGetProviderPath`).
pub const PROVIDERS: &[(GUID, &str)] = &[
    (PROVIDER_TCPIP, "%SystemRoot%\\system32\\mswsock.dll"),
    (PROVIDER_TCPIP6, "%SystemRoot%\\system32\\mswsock.dll"),
    (PROVIDER_AFUNIX, "%SystemRoot%\\system32\\mswsock.dll"),
];

/// `XP1_*` of a reliable byte stream (TCP), as Windows reports them.
const STREAM_FLAGS: u32 =
    XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES;
/// `XP1_*` of a datagram service (UDP, raw IP).
const DGRAM_FLAGS: u32 =
    XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES;
/// `XP1_*` of the AF_UNIX stream provider (no urgent data).
const UNIX_FLAGS: u32 = XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_IFS_HANDLES;

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
    /// `dwServiceFlags1` (`XP1_*`).
    pub service_flags: u32,
    /// `ProviderId`.
    pub provider: GUID,
    /// `iMinSockAddr`.
    pub min_sockaddr: i32,
    /// `iMaxSockAddr`.
    pub max_sockaddr: i32,
    /// `dwMessageSize` (0 for streams).
    pub message_size: u32,
}

/// Builds an entry with the fields most entries share.
const fn entry(
    catalog_id: u32,
    family: i32,
    socktype: i32,
    protocol: i32,
    name: &'static str,
    provider: GUID,
    sockaddr: i32,
) -> Entry {
    let (service_flags, message_size) = match socktype {
        SOCK_STREAM => (STREAM_FLAGS, 0),
        SOCK_DGRAM => (DGRAM_FLAGS, 0xffbb),
        _ => (DGRAM_FLAGS, 0x8000),
    };
    let raw = socktype == SOCK_RAW;
    Entry {
        catalog_id,
        family,
        socktype,
        protocol,
        protocol_count: if raw { 256 } else { 1 },
        matches_zero: true,
        hidden: raw,
        name,
        service_flags,
        provider,
        min_sockaddr: sockaddr,
        max_sockaddr: sockaddr,
        message_size,
    }
}

/// The catalogue, in Windows' order.
pub const ENTRIES: &[Entry] = &[
    entry(1001, AF_INET, SOCK_STREAM, IPPROTO_TCP, "MSAFD Tcpip [TCP/IP]", PROVIDER_TCPIP, 16),
    entry(1002, AF_INET, SOCK_DGRAM, IPPROTO_UDP, "MSAFD Tcpip [UDP/IP]", PROVIDER_TCPIP, 16),
    entry(1003, AF_INET, SOCK_RAW, 0, "MSAFD Tcpip [RAW/IP]", PROVIDER_TCPIP, 16),
    entry(1004, AF_INET6, SOCK_STREAM, IPPROTO_TCP, "MSAFD Tcpip [TCP/IPv6]", PROVIDER_TCPIP6, 28),
    entry(1005, AF_INET6, SOCK_DGRAM, IPPROTO_UDP, "MSAFD Tcpip [UDP/IPv6]", PROVIDER_TCPIP6, 28),
    entry(1006, AF_INET6, SOCK_RAW, 0, "MSAFD Tcpip [RAW/IPv6]", PROVIDER_TCPIP6, 28),
    Entry {
        service_flags: UNIX_FLAGS,
        min_sockaddr: 2,
        max_sockaddr: 110,
        ..entry(1007, AF_UNIX, SOCK_STREAM, 0, "AF_UNIX", PROVIDER_AFUNIX, 110)
    },
];

/// The entry describing an open socket of this (family, type, protocol), if any.
pub fn entry_for(family: i32, socktype: i32, protocol: i32) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.family == family && e.socktype == socktype && e.serves(protocol))
}

/// The `WSAPROTOCOL_INFOW` Windows reports for `entry`.
pub fn protocol_info(entry: &Entry) -> WSAPROTOCOL_INFOW {
    let mut info = WSAPROTOCOL_INFOW {
        dwServiceFlags1: entry.service_flags,
        dwProviderFlags: (PFL_MATCHES_PROTOCOL_ZERO * u32::from(entry.matches_zero))
            | (PFL_HIDDEN * u32::from(entry.hidden)),
        ProviderId: entry.provider,
        dwCatalogEntryId: entry.catalog_id,
        ProtocolChain: WSAPROTOCOLCHAIN { ChainLen: BASE_PROTOCOL, ChainEntries: [0; 7] },
        iVersion: 2,
        iAddressFamily: entry.family,
        iMaxSockAddr: entry.max_sockaddr,
        iMinSockAddr: entry.min_sockaddr,
        iSocketType: entry.socktype,
        iProtocol: entry.protocol,
        iProtocolMaxOffset: entry.protocol_count - 1,
        iNetworkByteOrder: BIGENDIAN,
        iSecurityScheme: SECURITY_PROTOCOL_NONE,
        dwMessageSize: entry.message_size,
        ..WSAPROTOCOL_INFOW::default()
    };
    for (d, s) in info.szProtocol.iter_mut().zip(entry.name.encode_utf16()) {
        *d = s;
    }
    info
}

/// The narrow form of a `WSAPROTOCOL_INFOW` (catalogue names are ASCII).
pub fn to_ansi(w: &WSAPROTOCOL_INFOW) -> WSAPROTOCOL_INFOA {
    let mut a = WSAPROTOCOL_INFOA {
        dwServiceFlags1: w.dwServiceFlags1,
        dwServiceFlags2: w.dwServiceFlags2,
        dwServiceFlags3: w.dwServiceFlags3,
        dwServiceFlags4: w.dwServiceFlags4,
        dwProviderFlags: w.dwProviderFlags,
        ProviderId: w.ProviderId,
        dwCatalogEntryId: w.dwCatalogEntryId,
        ProtocolChain: w.ProtocolChain,
        iVersion: w.iVersion,
        iAddressFamily: w.iAddressFamily,
        iMaxSockAddr: w.iMaxSockAddr,
        iMinSockAddr: w.iMinSockAddr,
        iSocketType: w.iSocketType,
        iProtocol: w.iProtocol,
        iProtocolMaxOffset: w.iProtocolMaxOffset,
        iNetworkByteOrder: w.iNetworkByteOrder,
        iSecurityScheme: w.iSecurityScheme,
        dwMessageSize: w.dwMessageSize,
        dwProviderReserved: w.dwProviderReserved,
        ..WSAPROTOCOL_INFOA::default()
    };
    for (d, &s) in a.szProtocol.iter_mut().zip(w.szProtocol.iter().take_while(|&&c| c != 0)) {
        *d = if s < 0x80 { s as core::ffi::c_char } else { b'?' as core::ffi::c_char };
    }
    a
}

impl Entry {
    /// Whether a request for `protocol` (0 = "any") is served by this entry.
    pub fn serves(&self, protocol: i32) -> bool {
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
    fn protocol_info_reports_windows_values() {
        let tcp = protocol_info(entry_for(AF_INET, SOCK_STREAM, IPPROTO_TCP).unwrap());
        assert_eq!(tcp.dwServiceFlags1, 0x20066);
        assert_eq!(tcp.dwProviderFlags, PFL_MATCHES_PROTOCOL_ZERO);
        assert_eq!(tcp.ProviderId, PROVIDER_TCPIP);
        assert_eq!((tcp.iMaxSockAddr, tcp.iMinSockAddr, tcp.dwMessageSize), (16, 16, 0));
        let raw6 = protocol_info(entry_for(AF_INET6, SOCK_RAW, 58).unwrap());
        assert_eq!(raw6.dwProviderFlags, PFL_MATCHES_PROTOCOL_ZERO | PFL_HIDDEN);
        assert_eq!((raw6.iProtocolMaxOffset, raw6.dwMessageSize, raw6.iMaxSockAddr), (255, 0x8000, 28));
        let a = to_ansi(&raw6);
        assert_eq!(a.szProtocol[..22].iter().map(|&c| c as u8).collect::<Vec<_>>(), b"MSAFD Tcpip [RAW/IPv6]");
        assert_eq!(a.szProtocol[22], 0);
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
