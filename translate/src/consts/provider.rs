//! Service-provider catalogue values: what `WSAEnumProtocols` reports in `WSAPROTOCOL_INFO`
//! (`XP1_*`, `PFL_*`, chain lengths; `winsock2.h`, `ws2spi.h`) and the secure-socket settings
//! of `mstcpip.h`. `WSAPROTOCOL_LEN` and `MAX_PROTOCOL_CHAIN` live with the structures they
//! size, in [`crate::abi`].

named! {
    /// `XP1_*` service flag names by bit.
    XP1_NAMES: u32 = {
        /// Connectionless (datagram) service.
        XP1_CONNECTIONLESS = 0x0000_0001;
        /// Guaranteed delivery.
        XP1_GUARANTEED_DELIVERY = 0x0000_0002;
        /// Guaranteed order.
        XP1_GUARANTEED_ORDER = 0x0000_0004;
        /// Message boundaries are kept.
        XP1_MESSAGE_ORIENTED = 0x0000_0008;
        /// Message-oriented but boundaries ignored on receive.
        XP1_PSEUDO_STREAM = 0x0000_0010;
        /// Two-phase (graceful) close.
        XP1_GRACEFUL_CLOSE = 0x0000_0020;
        /// Urgent data.
        XP1_EXPEDITED_DATA = 0x0000_0040;
        /// Connect data.
        XP1_CONNECT_DATA = 0x0000_0080;
        /// Disconnect data.
        XP1_DISCONNECT_DATA = 0x0000_0100;
        /// Broadcast.
        XP1_SUPPORT_BROADCAST = 0x0000_0200;
        /// Multipoint.
        XP1_SUPPORT_MULTIPOINT = 0x0000_0400;
        /// Rooted multipoint control plane.
        XP1_MULTIPOINT_CONTROL_PLANE = 0x0000_0800;
        /// Rooted multipoint data plane.
        XP1_MULTIPOINT_DATA_PLANE = 0x0000_1000;
        /// QoS.
        XP1_QOS_SUPPORTED = 0x0000_2000;
        /// Reserved.
        XP1_INTERRUPT = 0x0000_4000;
        /// Send-only.
        XP1_UNI_SEND = 0x0000_8000;
        /// Receive-only.
        XP1_UNI_RECV = 0x0001_0000;
        /// Handles are file-system handles.
        XP1_IFS_HANDLES = 0x0002_0000;
        /// `MSG_PARTIAL` supported.
        XP1_PARTIAL_MESSAGE = 0x0004_0000;
        /// SDP.
        XP1_SAN_SUPPORT_SDP = 0x0008_0000;
    }
}

flag_set! {
    /// A `dwServiceFlags1` value, `Debug`-printed as `XP1_GUARANTEED_DELIVERY|…`.
    Xp1Flags(u32), XP1_NAMES
}

/// `dwProviderFlags`: several entries for one protocol.
pub const PFL_MULTIPLE_PROTO_ENTRIES: u32 = 0x0000_0001;
/// `dwProviderFlags`: the recommended entry.
pub const PFL_RECOMMENDED_PROTO_ENTRY: u32 = 0x0000_0002;
/// `dwProviderFlags`: hidden from `WSAEnumProtocols`.
pub const PFL_HIDDEN: u32 = 0x0000_0004;
/// `dwProviderFlags`: protocol 0 in `socket` matches this entry.
pub const PFL_MATCHES_PROTOCOL_ZERO: u32 = 0x0000_0008;
/// `dwProviderFlags`: NetworkDirect provider.
pub const PFL_NETWORKDIRECT_PROVIDER: u32 = 0x0000_0010;

/// `iNetworkByteOrder`: big-endian.
pub const BIGENDIAN: i32 = 0x0000;
/// `iNetworkByteOrder`: little-endian.
pub const LITTLEENDIAN: i32 = 0x0001;
/// `iSecurityScheme`: none.
pub const SECURITY_PROTOCOL_NONE: i32 = 0x0000;
/// `WSASocket` argument meaning "take it from the `WSAPROTOCOL_INFO`".
pub const FROM_PROTOCOL_INFO: i32 = -1;
/// `WSAPROTOCOLCHAIN::ChainLen` of a base provider.
pub const BASE_PROTOCOL: i32 = 1;
/// `WSAPROTOCOLCHAIN::ChainLen` of a layered provider.
pub const LAYERED_PROTOCOL: i32 = 0;
/// `WSPDATA::szDescription` holds `WSPDESCRIPTION_LEN + 1` characters.
pub const WSPDESCRIPTION_LEN: usize = 255;
/// SPI status: operation in progress.
pub const WSS_OPERATION_IN_PROGRESS: i32 = 0x0000_0103;

/// LSP category: system.
pub const LSP_SYSTEM: u32 = 0x8000_0000;
/// LSP category: inspector.
pub const LSP_INSPECTOR: u32 = 0x0000_0001;
/// LSP category: redirector.
pub const LSP_REDIRECTOR: u32 = 0x0000_0002;
/// LSP category: proxy.
pub const LSP_PROXY: u32 = 0x0000_0004;
/// LSP category: firewall.
pub const LSP_FIREWALL: u32 = 0x0000_0008;
/// LSP category: inbound modify.
pub const LSP_INBOUND_MODIFY: u32 = 0x0000_0010;
/// LSP category: outbound modify.
pub const LSP_OUTBOUND_MODIFY: u32 = 0x0000_0020;
/// LSP category: crypto/compress.
pub const LSP_CRYPTO_COMPRESS: u32 = 0x0000_0040;
/// LSP category: local cache.
pub const LSP_LOCAL_CACHE: u32 = 0x0000_0080;

/// `SOCKET_SECURITY_PROTOCOL`: default.
pub const SOCKET_SECURITY_PROTOCOL_DEFAULT: i32 = 0;
/// `SOCKET_SECURITY_PROTOCOL`: IPsec.
pub const SOCKET_SECURITY_PROTOCOL_IPSEC: i32 = 1;
/// `SOCKET_SECURITY_PROTOCOL`: IPsec v2.
pub const SOCKET_SECURITY_PROTOCOL_IPSEC2: i32 = 2;
/// `SOCKET_SECURITY_PROTOCOL`: invalid.
pub const SOCKET_SECURITY_PROTOCOL_INVALID: i32 = 3;
/// `SOCKET_SECURITY_SETTINGS` flag: guarantee encryption.
pub const SOCKET_SETTINGS_GUARANTEE_ENCRYPTION: u32 = 0x1;
/// `SOCKET_SECURITY_SETTINGS` flag: allow insecure.
pub const SOCKET_SETTINGS_ALLOW_INSECURE: u32 = 0x2;
/// IPsec settings flag: skip filter instantiation.
pub const SOCKET_SETTINGS_IPSEC_SKIP_FILTER_INSTANTIATION: u32 = 0x1;
/// `SOCKET_SECURITY_QUERY_INFO` flag: secured.
pub const SOCKET_INFO_CONNECTION_SECURED: u32 = 0x1;
/// `SOCKET_SECURITY_QUERY_INFO` flag: encrypted.
pub const SOCKET_INFO_CONNECTION_ENCRYPTED: u32 = 0x2;
/// `SOCKET_SECURITY_QUERY_INFO` flag: impersonated.
pub const SOCKET_INFO_CONNECTION_IMPERSONATED: u32 = 0x4;
/// `SOCKET_USAGE_TYPE`: system-critical socket.
pub const SYSTEM_CRITICAL_SOCKET: i32 = 1;

/// `CONTROL_CHANNEL_TRIGGER_STATUS`: invalid.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_INVALID: i32 = 0;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: software slot allocated.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_SOFTWARE_SLOT_ALLOCATED: i32 = 1;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: hardware slot allocated.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_HARDWARE_SLOT_ALLOCATED: i32 = 2;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: policy error.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_POLICY_ERROR: i32 = 3;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: system error.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_SYSTEM_ERROR: i32 = 4;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: transport disconnected.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_TRANSPORT_DISCONNECTED: i32 = 5;
/// `CONTROL_CHANNEL_TRIGGER_STATUS`: service unavailable.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_SERVICE_UNAVAILABLE: i32 = 6;
/// `CONTROL_CHANNEL_TRIGGER_STATUS_MAX` as mingw-w64 defines it.
pub const CONTROL_CHANNEL_TRIGGER_STATUS_MAX: i32 = CONTROL_CHANNEL_TRIGGER_STATUS_SYSTEM_ERROR;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xp1_debug() {
        let tcp =
            XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES;
        assert_eq!(
            format!("{:?}", Xp1Flags(tcp)),
            "XP1_GUARANTEED_DELIVERY|XP1_GUARANTEED_ORDER|XP1_GRACEFUL_CLOSE|XP1_EXPEDITED_DATA|XP1_IFS_HANDLES"
        );
    }
}
