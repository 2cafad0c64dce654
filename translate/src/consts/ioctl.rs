//! `ioctlsocket` / `WSAIoctl` control codes (`winsock2.h`, `ws2tcpip.h`, `mswsock.h`,
//! `mstcpip.h`, `afunix.h`) and the macros that encode them.
//!
//! A code packs a direction (`IOC_IN`/`IOC_OUT`/`IOC_VOID`), a family (`IOC_WS2`,
//! `IOC_PROTOCOL`, `IOC_VENDOR`) or a BSD-style group letter and argument size, and a number.
//! Codes are `u32` throughout: C types some of them `long` and some `unsigned long`, but they
//! are compared as bit patterns and every value is non-negative as `u32`.

/// Mask of the argument-size field of BSD-style codes (`0x7f`).
pub const IOCPARM_MASK: u32 = 0x7f;
/// No parameters.
pub const IOC_VOID: u32 = 0x2000_0000;
/// Copies parameters out.
pub const IOC_OUT: u32 = 0x4000_0000;
/// Copies parameters in.
pub const IOC_IN: u32 = 0x8000_0000;
/// Copies parameters in and out.
pub const IOC_INOUT: u32 = IOC_IN | IOC_OUT;
/// Family: BSD Unix compatible (`FIONBIO` and friends).
pub const IOC_UNIX: u32 = 0x0000_0000;
/// Family: Winsock 2 defined.
pub const IOC_WS2: u32 = 0x0800_0000;
/// Family: protocol specific.
pub const IOC_PROTOCOL: u32 = 0x1000_0000;
/// Family: vendor specific.
pub const IOC_VENDOR: u32 = 0x1800_0000;

/// `_IO(x, y)`: a BSD-style code without argument.
pub const fn _IO(x: u8, y: u8) -> u32 {
    IOC_VOID | (x as u32) << 8 | y as u32
}

/// `_IOR(x, y, t)`: a BSD-style code returning a `size`-byte argument (`sizeof(t)`; note that
/// `u_long` is 4 bytes on Windows).
pub const fn _IOR(x: u8, y: u8, size: u32) -> u32 {
    IOC_OUT | (size & IOCPARM_MASK) << 16 | (x as u32) << 8 | y as u32
}

/// `_IOW(x, y, t)`: a BSD-style code taking a `size`-byte argument.
pub const fn _IOW(x: u8, y: u8, size: u32) -> u32 {
    IOC_IN | (size & IOCPARM_MASK) << 16 | (x as u32) << 8 | y as u32
}

/// `_WSAIO(x, y)`: a Winsock 2 code without buffers.
pub const fn _WSAIO(x: u32, y: u32) -> u32 {
    IOC_VOID | x | y
}

/// `_WSAIOR(x, y)`: a Winsock 2 code with an output buffer.
pub const fn _WSAIOR(x: u32, y: u32) -> u32 {
    IOC_OUT | x | y
}

/// `_WSAIOW(x, y)`: a Winsock 2 code with an input buffer.
pub const fn _WSAIOW(x: u32, y: u32) -> u32 {
    IOC_IN | x | y
}

/// `_WSAIORW(x, y)`: a Winsock 2 code with input and output buffers.
pub const fn _WSAIORW(x: u32, y: u32) -> u32 {
    IOC_INOUT | x | y
}

/// `sizeof(u_long)` on Windows.
const U_LONG: u32 = 4;

named! {
    /// Control code names by value.
    IOCTL_NAMES: u32 = {
        /// Set/clear non-blocking mode.
        FIONBIO = _IOW(b'f', 126, U_LONG);
        /// Bytes available to read.
        FIONREAD = _IOR(b'f', 127, U_LONG);
        /// Set/clear async I/O.
        FIOASYNC = _IOW(b'f', 125, U_LONG);
        /// Set high watermark.
        SIOCSHIWAT = _IOW(b's', 0, U_LONG);
        /// Get high watermark.
        SIOCGHIWAT = _IOR(b's', 1, U_LONG);
        /// Set low watermark.
        SIOCSLOWAT = _IOW(b's', 2, U_LONG);
        /// Get low watermark.
        SIOCGLOWAT = _IOR(b's', 3, U_LONG);
        /// All out-of-band data read? (TRUE when **no** OOB data is pending, unlike Unix.)
        SIOCATMARK = _IOR(b's', 7, U_LONG);
        /// Associate the socket with a companion API handle.
        SIO_ASSOCIATE_HANDLE = _WSAIOW(IOC_WS2, 1);
        /// Let the oldest queued data be discarded on overflow.
        SIO_ENABLE_CIRCULAR_QUEUEING = _WSAIO(IOC_WS2, 2);
        /// Find a route to an address.
        SIO_FIND_ROUTE = _WSAIOR(IOC_WS2, 3);
        /// Discard the send queue.
        SIO_FLUSH = _WSAIO(IOC_WS2, 4);
        /// The broadcast address of the family.
        SIO_GET_BROADCAST_ADDRESS = _WSAIOR(IOC_WS2, 5);
        /// Fetch an extension function (`AcceptEx`, `ConnectEx`, …) by GUID.
        SIO_GET_EXTENSION_FUNCTION_POINTER = _WSAIORW(IOC_WS2, 6);
        /// Get the socket's QoS.
        SIO_GET_QOS = _WSAIORW(IOC_WS2, 7);
        /// Get the group's QoS.
        SIO_GET_GROUP_QOS = _WSAIORW(IOC_WS2, 8);
        /// Multipoint loopback.
        SIO_MULTIPOINT_LOOPBACK = _WSAIOW(IOC_WS2, 9);
        /// Multicast scope.
        SIO_MULTICAST_SCOPE = _WSAIOW(IOC_WS2, 10);
        /// Set the socket's QoS.
        SIO_SET_QOS = _WSAIOW(IOC_WS2, 11);
        /// Set the group's QoS.
        SIO_SET_GROUP_QOS = _WSAIOW(IOC_WS2, 12);
        /// Translate to a companion API handle.
        SIO_TRANSLATE_HANDLE = _WSAIORW(IOC_WS2, 13);
        /// The local interface that routes to an address.
        SIO_ROUTING_INTERFACE_QUERY = _WSAIORW(IOC_WS2, 20);
        /// Notify when that routing interface changes.
        SIO_ROUTING_INTERFACE_CHANGE = _WSAIOW(IOC_WS2, 21);
        /// The local addresses (`SOCKET_ADDRESS_LIST`).
        SIO_ADDRESS_LIST_QUERY = _WSAIOR(IOC_WS2, 22);
        /// Notify when the local address list changes.
        SIO_ADDRESS_LIST_CHANGE = _WSAIO(IOC_WS2, 23);
        /// The underlying PnP handle.
        SIO_QUERY_TARGET_PNP_HANDLE = _WSAIOR(IOC_WS2, 24);
        /// Sort addresses for connecting (RFC 3484).
        SIO_ADDRESS_LIST_SORT = _WSAIORW(IOC_WS2, 25);
        /// Namespace provider change notification.
        SIO_NSP_NOTIFY_CHANGE = _WSAIOW(IOC_WS2, 25);
        /// Reserved.
        SIO_RESERVED_1 = _WSAIOW(IOC_WS2, 26);
        /// The base service provider's handle, through any LSP.
        SIO_BSP_HANDLE = _WSAIOR(IOC_WS2, 27);
        /// The base handle to use with `select`.
        SIO_BSP_HANDLE_SELECT = _WSAIOR(IOC_WS2, 28);
        /// The base handle to use with `WSAPoll`.
        SIO_BSP_HANDLE_POLL = _WSAIOR(IOC_WS2, 29);
        /// Extended select.
        SIO_EXT_SELECT = _WSAIORW(IOC_WS2, 30);
        /// Extended poll.
        SIO_EXT_POLL = _WSAIORW(IOC_WS2, 31);
        /// Extended sendmsg.
        SIO_EXT_SENDMSG = _WSAIORW(IOC_WS2, 32);
        /// Reserved.
        SIO_RESERVED_2 = _WSAIOW(IOC_WS2, 33);
        /// The base provider's socket handle.
        SIO_BASE_HANDLE = _WSAIOR(IOC_WS2, 34);
        /// The IPv4 interface list (`INTERFACE_INFO` array).
        SIO_GET_INTERFACE_LIST = _IOR(b't', 127, U_LONG);
        /// The interface list with IPv6 (`INTERFACE_INFO_EX` array).
        SIO_GET_INTERFACE_LIST_EX = _IOR(b't', 126, U_LONG);
        /// Set a multicast source filter.
        SIO_SET_MULTICAST_FILTER = _IOW(b't', 125, U_LONG);
        /// Get a multicast source filter.
        SIO_GET_MULTICAST_FILTER = _IOW(b't', 124, U_LONG);
        /// Change of the ideal send backlog (Windows SDK; not in mingw-w64).
        SIO_IDEAL_SEND_BACKLOG_CHANGE = _IO(b't', 122);
        /// Ideal send backlog in bytes (Windows SDK; not in mingw-w64).
        SIO_IDEAL_SEND_BACKLOG_QUERY = _IOR(b't', 123, U_LONG);
        /// Receive all packets.
        SIO_RCVALL = _WSAIOW(IOC_VENDOR, 1);
        /// Receive all multicast packets.
        SIO_RCVALL_MCAST = _WSAIOW(IOC_VENDOR, 2);
        /// Receive all IGMP multicast packets.
        SIO_RCVALL_IGMPMCAST = _WSAIOW(IOC_VENDOR, 3);
        /// Per-socket keep-alive (`tcp_keepalive`: on/off, time, interval in ms).
        SIO_KEEPALIVE_VALS = _WSAIOW(IOC_VENDOR, 4);
        /// Absorb router alerts.
        SIO_ABSORB_RTRALERT = _WSAIOW(IOC_VENDOR, 5);
        /// Unicast interface.
        SIO_UCAST_IF = _WSAIOW(IOC_VENDOR, 6);
        /// Limit broadcasts.
        SIO_LIMIT_BROADCASTS = _WSAIOW(IOC_VENDOR, 7);
        /// Bind to an interface index.
        SIO_INDEX_BIND = _WSAIOW(IOC_VENDOR, 8);
        /// Multicast interface by index.
        SIO_INDEX_MCASTIF = _WSAIOW(IOC_VENDOR, 9);
        /// Add a multicast group by index.
        SIO_INDEX_ADD_MCAST = _WSAIOW(IOC_VENDOR, 10);
        /// Drop a multicast group by index.
        SIO_INDEX_DEL_MCAST = _WSAIOW(IOC_VENDOR, 11);
        /// Report ICMP port-unreachable on UDP sockets as `WSAECONNRESET` (or not).
        SIO_UDP_CONNRESET = _WSAIOW(IOC_VENDOR, 12);
        /// Receive all multicast on an interface.
        SIO_RCVALL_MCAST_IF = _WSAIOW(IOC_VENDOR, 13);
        /// Socket close notification (`mswsock.h`, XP-era headers only).
        SIO_SOCKET_CLOSE_NOTIFY = _WSAIOW(IOC_VENDOR, 13);
        /// Receive all on an interface.
        SIO_RCVALL_IF = _WSAIOW(IOC_VENDOR, 14);
        /// Loopback fast path.
        SIO_LOOPBACK_FAST_PATH = _WSAIOW(IOC_VENDOR, 16);
        /// Initial RTO.
        SIO_TCP_INITIAL_RTO = _WSAIOW(IOC_VENDOR, 17);
        /// Apply a transport setting.
        SIO_APPLY_TRANSPORT_SETTING = _WSAIOW(IOC_VENDOR, 19);
        /// Query a transport setting.
        SIO_QUERY_TRANSPORT_SETTING = _WSAIOW(IOC_VENDOR, 20);
        /// CPU affinity (`mstcpip.h`, newer headers only).
        SIO_CPU_AFFINITY = _WSAIOW(IOC_VENDOR, 21);
        /// Initial congestion window.
        SIO_TCP_SET_ICW = _WSAIOW(IOC_VENDOR, 22);
        /// ACK frequency.
        SIO_TCP_SET_ACK_FREQUENCY = _WSAIOW(IOC_VENDOR, 23);
        /// Priority hint (`mstcpip.h`, newer headers only).
        SIO_SET_PRIORITY_HINT = _WSAIOW(IOC_VENDOR, 24);
        /// Newer name of `SIO_SET_PRIORITY_HINT`.
        SIO_PRIORITY_HINT = SIO_SET_PRIORITY_HINT;
        /// TCP statistics (`TCP_INFO_v0`/`v1`; `mstcpip.h`, newer headers only).
        SIO_TCP_INFO = _WSAIORW(IOC_VENDOR, 39);
        /// Reserve a port block.
        SIO_ACQUIRE_PORT_RESERVATION = _WSAIOW(IOC_VENDOR, 100);
        /// Release a port block.
        SIO_RELEASE_PORT_RESERVATION = _WSAIOW(IOC_VENDOR, 101);
        /// Associate a port block with the socket.
        SIO_ASSOCIATE_PORT_RESERVATION = _WSAIOW(IOC_VENDOR, 102);
        /// Transmit timestamp (`mstcpip.h`, newer headers only).
        SIO_GET_TX_TIMESTAMP = _WSAIOW(IOC_VENDOR, 234);
        /// Timestamping configuration (`mstcpip.h`, newer headers only).
        SIO_TIMESTAMPING = _WSAIOW(IOC_VENDOR, 235);
        /// Compatibility mode (Windows SDK; not in mingw-w64).
        SIO_SET_COMPATIBILITY_MODE = _WSAIOW(IOC_VENDOR, 300);
        /// Peer process id of an `AF_UNIX` socket (`afunix.h`).
        SIO_AF_UNIX_GETPEERPID = _WSAIOR(IOC_VENDOR, 256);
    }
}

/// The name of an `ioctlsocket`/`WSAIoctl` code, for logs.
pub fn ioctl_name(code: u32) -> Option<&'static str> {
    super::name_of(IOCTL_NAMES, code)
}

/// `RCVALL_VALUE`: off.
pub const RCVALL_OFF: u32 = 0;
/// `RCVALL_VALUE`: on.
pub const RCVALL_ON: u32 = 1;
/// `RCVALL_VALUE`: socket level only.
pub const RCVALL_SOCKETLEVELONLY: u32 = 2;
/// `RCVALL_VALUE`: IP level.
pub const RCVALL_IPLEVEL: u32 = 3;
/// Highest `RCVALL_VALUE`.
pub const RCVALL_MAX: u32 = RCVALL_IPLEVEL;

/// `TCP_ICW_LEVEL` for `SIO_TCP_SET_ICW`: default.
pub const TCP_ICW_LEVEL_DEFAULT: i32 = 0;
/// `TCP_ICW_LEVEL`: high.
pub const TCP_ICW_LEVEL_HIGH: i32 = 1;
/// `TCP_ICW_LEVEL`: very high.
pub const TCP_ICW_LEVEL_VERY_HIGH: i32 = 2;
/// `TCP_ICW_LEVEL`: aggressive.
pub const TCP_ICW_LEVEL_AGGRESSIVE: i32 = 3;
/// `TCP_ICW_LEVEL`: experimental.
pub const TCP_ICW_LEVEL_EXPERIMENTAL: i32 = 4;
/// `TCP_ICW_LEVEL`: compat.
pub const TCP_ICW_LEVEL_COMPAT: i32 = 254;
/// `TCP_ICW_LEVEL`: max.
pub const TCP_ICW_LEVEL_MAX: i32 = 255;

/// `TCP_INITIAL_RTO_PARAMETERS::Rtt`: leave unchanged.
pub const TCP_INITIAL_RTO_UNSPECIFIED_RTT: u16 = u16::MAX;
/// `TCP_INITIAL_RTO_PARAMETERS::MaxSynRetransmissions`: leave unchanged.
pub const TCP_INITIAL_RTO_UNSPECIFIED_MAX_SYN_RETRANSMISSIONS: u8 = u8::MAX;
/// `Rtt`: the system default.
pub const TCP_INITIAL_RTO_DEFAULT_RTT: u16 = 0;
/// `MaxSynRetransmissions`: the system default.
pub const TCP_INITIAL_RTO_DEFAULT_MAX_SYN_RETRANSMISSIONS: u8 = 0;
/// `MaxSynRetransmissions`: none.
pub const TCP_INITIAL_RTO_NO_SYN_RETRANSMISSIONS: u8 = u8::MAX - 1;

/// `SIO_ACQUIRE_PORT_RESERVATION`'s invalid token.
pub const INVALID_PORT_RESERVATION_TOKEN: u64 = 0;

/// `TIMESTAMPING_CONFIG::Flags`: receive timestamps (newer headers only).
pub const TIMESTAMPING_FLAG_RX: u32 = 0x1;
/// `TIMESTAMPING_CONFIG::Flags`: transmit timestamps (newer headers only).
pub const TIMESTAMPING_FLAG_TX: u32 = 0x2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(FIONBIO, 0x8004_667E);
        assert_eq!(FIONREAD, 0x4004_667F);
        assert_eq!(SIOCATMARK, 0x4004_7307);
        assert_eq!(SIO_GET_EXTENSION_FUNCTION_POINTER, 0xC800_0006);
        assert_eq!(SIO_KEEPALIVE_VALS, 0x9800_0004);
        assert_eq!(SIO_IDEAL_SEND_BACKLOG_QUERY, 0x4004_747B);
        assert_eq!(SIO_SET_COMPATIBILITY_MODE, 0x9800_012C);
        assert_eq!(SIO_TCP_INFO, 0xD800_0027);
    }

    #[test]
    fn names() {
        assert_eq!(ioctl_name(0x8004_667E), Some("FIONBIO"));
        assert_eq!(ioctl_name(SIO_UDP_CONNRESET), Some("SIO_UDP_CONNRESET"));
        assert_eq!(ioctl_name(_WSAIOW(IOC_VENDOR, 13)), Some("SIO_RCVALL_MCAST_IF"));
        assert_eq!(ioctl_name(0), None);
    }
}
