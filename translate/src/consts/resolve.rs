//! Name resolution: `getaddrinfo`/`getnameinfo` flags (`ws2tcpip.h`, `ws2def.h`) and the
//! Winsock 2 RnR namespace API's `NS_*`, `LUP_*`, `RES_*` values (`winsock2.h`, `mswsock.h`).

named! {
    /// `AI_*` flag names by bit.
    AI_NAMES: i32 = {
        /// The address is for `bind`.
        AI_PASSIVE = 0x01;
        /// Return the canonical name.
        AI_CANONNAME = 0x02;
        /// The node is a numeric address.
        AI_NUMERICHOST = 0x04;
        /// The service is a numeric port.
        AI_NUMERICSERV = 0x08;
        /// DNS only (Windows SDK; not in mingw-w64).
        AI_DNS_ONLY = 0x10;
        /// Skip the DNS cache (Windows SDK; not in mingw-w64).
        AI_BYPASS_DNS_CACHE = 0x40;
        /// Return TTLs (Windows SDK; not in mingw-w64).
        AI_RETURN_TTL = 0x80;
        /// With `AI_V4MAPPED`: IPv6 and v4-mapped addresses.
        AI_ALL = 0x0100;
        /// Only families with a configured address.
        AI_ADDRCONFIG = 0x0400;
        /// v4-mapped IPv6 addresses when no IPv6 is found.
        AI_V4MAPPED = 0x0800;
        /// Non-authoritative results.
        AI_NON_AUTHORITATIVE = 0x4000;
        /// Secure channel.
        AI_SECURE = 0x8000;
        /// Preferred names.
        AI_RETURN_PREFERRED_NAMES = 0x0001_0000;
        /// Fully qualified domain name.
        AI_FQDN = 0x0002_0000;
        /// File server hint.
        AI_FILESERVER = 0x0004_0000;
        /// No IDN encoding.
        AI_DISABLE_IDN_ENCODING = 0x0008_0000;
        /// Secure DNS with fallback (Windows SDK; not in mingw-w64).
        AI_SECURE_WITH_FALLBACK = 0x0010_0000;
        /// Only the custom servers (Windows SDK; not in mingw-w64).
        AI_EXCLUSIVE_CUSTOM_SERVERS = 0x0020_0000;
        /// Return response flags (Windows SDK; not in mingw-w64).
        AI_RETURN_RESPONSE_FLAGS = 0x1000_0000;
        /// Require secure resolution (Windows SDK; not in mingw-w64).
        AI_REQUIRE_SECURE = 0x2000_0000;
        /// Resolution handle (Windows SDK; not in mingw-w64).
        AI_RESOLUTION_HANDLE = 0x4000_0000;
        /// Extended `ADDRINFOEX` versions (Windows SDK; not in mingw-w64).
        AI_EXTENDED = i32::MIN;
    }
}

flag_set! {
    /// An `ai_flags` value, `Debug`-printed as `AI_PASSIVE|AI_NUMERICHOST`.
    AiFlags(i32), AI_NAMES
}

named! {
    /// `NI_*` flag names by bit.
    NI_NAMES: i32 = {
        /// Only the host part of a local name.
        NI_NOFQDN = 0x01;
        /// Numeric host.
        NI_NUMERICHOST = 0x02;
        /// Fail if the name is not found.
        NI_NAMEREQD = 0x04;
        /// Numeric service.
        NI_NUMERICSERV = 0x08;
        /// The service is datagram.
        NI_DGRAM = 0x10;
    }
}

flag_set! {
    /// A `getnameinfo` flags value, `Debug`-printed as `NI_NUMERICHOST|NI_NUMERICSERV`.
    NiFlags(i32), NI_NAMES
}

/// Host buffer size for `getnameinfo`.
pub const NI_MAXHOST: usize = 1025;
/// Service buffer size for `getnameinfo`.
pub const NI_MAXSERV: usize = 32;
/// Buffer size of `gai_strerror`'s message.
pub const GAI_STRERROR_BUFFER_SIZE: usize = 1024;

named! {
    /// `NS_*` namespace names by value.
    NS_NAMES: u32 = {
        /// All namespaces.
        NS_ALL = 0;
        /// SAP.
        NS_SAP = 1;
        /// NDS.
        NS_NDS = 2;
        /// Peer browse.
        NS_PEER_BROWSE = 3;
        /// SLP.
        NS_SLP = 5;
        /// DHCP.
        NS_DHCP = 6;
        /// Local TCP/IP names.
        NS_TCPIP_LOCAL = 10;
        /// The hosts file.
        NS_TCPIP_HOSTS = 11;
        /// DNS.
        NS_DNS = 12;
        /// NetBIOS over TCP.
        NS_NETBT = 13;
        /// WINS.
        NS_WINS = 14;
        /// Network location awareness.
        NS_NLA = 15;
        /// Bluetooth.
        NS_BTH = 16;
        /// NBP.
        NS_NBP = 20;
        /// MS.
        NS_MS = 30;
        /// STDA.
        NS_STDA = 31;
        /// NTDS.
        NS_NTDS = 32;
        /// E-mail.
        NS_EMAIL = 37;
        /// PNRP names.
        NS_PNRPNAME = 38;
        /// PNRP clouds.
        NS_PNRPCLOUD = 39;
        /// X.500.
        NS_X500 = 40;
        /// NIS.
        NS_NIS = 41;
        /// NIS+.
        NS_NISPLUS = 42;
        /// WRQ.
        NS_WRQ = 50;
        /// NetDes.
        NS_NETDES = 60;
    }
}

/// The `NS_*` name of a namespace, for logs.
pub fn ns_name(ns: u32) -> Option<&'static str> {
    super::name_of(NS_NAMES, ns)
}

/// `SERVICE_INFO` flag: multiple instances.
pub const SERVICE_MULTIPLE: u32 = 0x0000_0001;

/// `WSASetService` `dwControlFlags`: unused.
pub const RES_UNUSED_1: u32 = 0x0000_0001;
/// `WSASetService`: flush the cache.
pub const RES_FLUSH_CACHE: u32 = 0x0000_0002;
/// `WSASetService`: service.
pub const RES_SERVICE: u32 = 0x0000_0004;

named! {
    /// `LUP_*` flag names by bit.
    LUP_NAMES: u32 = {
        /// Deep search.
        LUP_DEEP = 0x0001;
        /// Return containers only.
        LUP_CONTAINERS = 0x0002;
        /// Do not return containers.
        LUP_NOCONTAINERS = 0x0004;
        /// Nearest first.
        LUP_NEAREST = 0x0008;
        /// Return the name.
        LUP_RETURN_NAME = 0x0010;
        /// Return the type.
        LUP_RETURN_TYPE = 0x0020;
        /// Return the version.
        LUP_RETURN_VERSION = 0x0040;
        /// Return the comment.
        LUP_RETURN_COMMENT = 0x0080;
        /// Return the addresses.
        LUP_RETURN_ADDR = 0x0100;
        /// Return the blob.
        LUP_RETURN_BLOB = 0x0200;
        /// Return the aliases.
        LUP_RETURN_ALIASES = 0x0400;
        /// Return the query string.
        LUP_RETURN_QUERY_STRING = 0x0800;
        /// Flush the cache.
        LUP_FLUSHCACHE = 0x1000;
        /// Flush the previous result.
        LUP_FLUSHPREVIOUS = 0x2000;
        /// Non-authoritative results.
        LUP_NON_AUTHORITATIVE = 0x4000;
        /// Secure.
        LUP_SECURE = 0x8000;
        /// Preferred names.
        LUP_RETURN_PREFERRED_NAMES = 0x0001_0000;
        /// DNS only.
        LUP_DNS_ONLY = 0x0002_0000;
        /// Only configured families.
        LUP_ADDRCONFIG = 0x0010_0000;
        /// Dual addresses.
        LUP_DUAL_ADDR = 0x0020_0000;
        /// File server.
        LUP_FILESERVER = 0x0040_0000;
        /// No IDN encoding.
        LUP_DISABLE_IDN_ENCODING = 0x0080_0000;
        /// ANSI API.
        LUP_API_ANSI = 0x0100_0000;
        /// Resolution handle.
        LUP_RESOLUTION_HANDLE = 0x8000_0000;
    }
}

/// Every `LUP_RETURN_*` flag.
pub const LUP_RETURN_ALL: u32 = 0x0FF0;
/// `LUP_RES_SERVICE` (same bit as `LUP_SECURE`).
pub const LUP_RES_SERVICE: u32 = 0x8000;
/// Old misspelling of `LUP_RES_SERVICE`.
pub const LUP_RES_RESERVICE: u32 = 0x8000;

/// `WSAQUERYSET::dwOutputFlags`: the result is an alias.
pub const RESULT_IS_ALIAS: u32 = 0x0001;
/// The result was added.
pub const RESULT_IS_ADDED: u32 = 0x0010;
/// The result changed.
pub const RESULT_IS_CHANGED: u32 = 0x0020;
/// The result was deleted.
pub const RESULT_IS_DELETED: u32 = 0x0040;

/// `WSACOMPLETIONTYPE`: complete immediately.
pub const NSP_NOTIFY_IMMEDIATELY: i32 = 0;
/// `WSACOMPLETIONTYPE`: post a window message.
pub const NSP_NOTIFY_HWND: i32 = 1;
/// `WSACOMPLETIONTYPE`: signal an event.
pub const NSP_NOTIFY_EVENT: i32 = 2;
/// `WSACOMPLETIONTYPE`: post to a completion port.
pub const NSP_NOTIFY_PORT: i32 = 3;
/// `WSACOMPLETIONTYPE`: queue an APC.
pub const NSP_NOTIFY_APC: i32 = 4;

/// `WSAECOMPARATOR`: equal version.
pub const COMP_EQUAL: i32 = 0;
/// `WSAECOMPARATOR`: version not less.
pub const COMP_NOTLESS: i32 = 1;

/// `WSAESETSERVICEOP`: register.
pub const RNRSERVICE_REGISTER: i32 = 0;
/// `WSAESETSERVICEOP`: deregister.
pub const RNRSERVICE_DEREGISTER: i32 = 1;
/// `WSAESETSERVICEOP`: delete.
pub const RNRSERVICE_DELETE: i32 = 2;

/// NLA query flag: all users' networks.
pub const NLA_ALLUSERS_NETWORK: u32 = 0x0000_0001;
/// NLA query flag: friendly name.
pub const NLA_FRIENDLY_NAME: u32 = 0x0000_0002;
/// `NLA_BLOB_DATA_TYPE`: raw.
pub const NLA_RAW_DATA: i32 = 0;
/// `NLA_BLOB_DATA_TYPE`: interface.
pub const NLA_INTERFACE: i32 = 1;
/// `NLA_BLOB_DATA_TYPE`: 802.1X location.
pub const NLA_802_1X_LOCATION: i32 = 2;
/// `NLA_BLOB_DATA_TYPE`: connectivity.
pub const NLA_CONNECTIVITY: i32 = 3;
/// `NLA_BLOB_DATA_TYPE`: ICS.
pub const NLA_ICS: i32 = 4;
/// `NLA_CONNECTIVITY_TYPE`: ad hoc.
pub const NLA_NETWORK_AD_HOC: i32 = 0;
/// `NLA_CONNECTIVITY_TYPE`: managed.
pub const NLA_NETWORK_MANAGED: i32 = 1;
/// `NLA_CONNECTIVITY_TYPE`: unmanaged.
pub const NLA_NETWORK_UNMANAGED: i32 = 2;
/// `NLA_CONNECTIVITY_TYPE`: unknown.
pub const NLA_NETWORK_UNKNOWN: i32 = 3;
/// `NLA_INTERNET`: unknown.
pub const NLA_INTERNET_UNKNOWN: i32 = 0;
/// `NLA_INTERNET`: no.
pub const NLA_INTERNET_NO: i32 = 1;
/// `NLA_INTERNET`: yes.
pub const NLA_INTERNET_YES: i32 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolver_flag_names() {
        assert_eq!(format!("{:?}", AiFlags(AI_PASSIVE | AI_NUMERICHOST)), "AI_PASSIVE|AI_NUMERICHOST");
        assert_eq!(format!("{:?}", AiFlags(AI_EXTENDED | 0x20)), "AI_EXTENDED|0x20");
        assert_eq!(format!("{:?}", NiFlags(NI_NUMERICHOST | NI_NUMERICSERV)), "NI_NUMERICHOST|NI_NUMERICSERV");
        assert_eq!(ns_name(NS_DNS), Some("NS_DNS"));
        assert_eq!(ns_name(4), None);
        assert_eq!(
            LUP_RETURN_ALL,
            LUP_NAMES
                .iter()
                .filter(|(n, _)| n.starts_with("LUP_RETURN_") && *n != "LUP_RETURN_PREFERRED_NAMES")
                .fold(0, |a, (_, v)| a | v)
        );
    }
}
