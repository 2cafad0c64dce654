//! Socket option levels and option names (`winsock2.h`, `ws2def.h`, `ws2ipdef.h`,
//! `ws2tcpip.h`, `mswsock.h`, `mstcpip.h`), in Winsock 2 numbering.
//!
//! The Winsock 1.1 numbering of the `IPPROTO_IP` options, which `wsock32.dll` callers use, is
//! in [`super::winsock1`]. [`sockopt_name`] turns a `(level, option)` pair into
//! `SOL_SOCKET/SO_RCVBUF` for logs.

use super::family::{IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP};

/// The socket-level option level (`0xffff`; Linux uses 1).
pub const SOL_SOCKET: i32 = 0xffff;

named! {
    /// `SOL_SOCKET` option names by value.
    SO_NAMES: i32 = {
        /// Record debugging information.
        SO_DEBUG = 0x0001;
        /// Socket is listening (get only).
        SO_ACCEPTCONN = 0x0002;
        /// Allow binding an address in use (Windows semantics: port sharing).
        SO_REUSEADDR = 0x0004;
        /// Send keep-alives.
        SO_KEEPALIVE = 0x0008;
        /// Bypass routing.
        SO_DONTROUTE = 0x0010;
        /// Permit sending broadcasts.
        SO_BROADCAST = 0x0020;
        /// Bypass hardware when possible.
        SO_USELOOPBACK = 0x0040;
        /// Linger on close if data is present (`LINGER` value).
        SO_LINGER = 0x0080;
        /// Leave received out-of-band data in line.
        SO_OOBINLINE = 0x0100;
        /// Do not linger on close: `(int)(~SO_LINGER)`.
        SO_DONTLINGER = !SO_LINGER;
        /// Exclusive use of the bound address: `(int)(~SO_REUSEADDR)`.
        SO_EXCLUSIVEADDRUSE = !SO_REUSEADDR;
        /// Send buffer size.
        SO_SNDBUF = 0x1001;
        /// Receive buffer size.
        SO_RCVBUF = 0x1002;
        /// Send low-water mark.
        SO_SNDLOWAT = 0x1003;
        /// Receive low-water mark.
        SO_RCVLOWAT = 0x1004;
        /// Send timeout (`DWORD` milliseconds).
        SO_SNDTIMEO = 0x1005;
        /// Receive timeout (`DWORD` milliseconds).
        SO_RCVTIMEO = 0x1006;
        /// Pending error, as a Winsock code; reading clears it.
        SO_ERROR = 0x1007;
        /// Socket type.
        SO_TYPE = 0x1008;
        /// Local and remote addresses as a `CSADDR_INFO` (Windows SDK; not in mingw-w64).
        SO_BSP_STATE = 0x1009;
        /// Group id.
        SO_GROUP_ID = 0x2001;
        /// Group priority.
        SO_GROUP_PRIORITY = 0x2002;
        /// Largest message the protocol carries.
        SO_MAX_MSG_SIZE = 0x2003;
        /// `WSAPROTOCOL_INFOA` of the socket.
        SO_PROTOCOL_INFOA = 0x2004;
        /// `WSAPROTOCOL_INFOW` of the socket.
        SO_PROTOCOL_INFOW = 0x2005;
        /// `SO_PROTOCOL_INFOA` (the non-Unicode default).
        SO_PROTOCOL_INFO = SO_PROTOCOL_INFOA;
        /// Service-provider configuration.
        PVD_CONFIG = 0x3001;
        /// Accept connections only through `WSAAccept`'s condition function.
        SO_CONDITIONAL_ACCEPT = 0x3002;
        /// Pause accepting (Windows SDK; not in mingw-w64).
        SO_PAUSE_ACCEPT = 0x3003;
        /// Network compartment (Windows SDK; not in mingw-w64).
        SO_COMPARTMENT_ID = 0x3004;
        /// Randomize the ephemeral port (Windows SDK; not in mingw-w64).
        SO_RANDOMIZE_PORT = 0x3005;
        /// Port scalability (Windows SDK; not in mingw-w64).
        SO_PORT_SCALABILITY = 0x3006;
        /// Share unicast ports (Windows SDK; not in mingw-w64).
        SO_REUSE_UNICASTPORT = 0x3007;
        /// Share multicast ports (Windows SDK; not in mingw-w64).
        SO_REUSE_MULTICASTPORT = 0x3008;
        /// Receive timestamps (`mstcpip.h`, Windows 10 RS5+ headers only).
        SO_TIMESTAMP = 0x300A;
        /// Timestamp ids (`mstcpip.h`, Windows 10 RS5+ headers only).
        SO_TIMESTAMP_ID = 0x300B;
        /// Original destination of a redirected connection (Windows SDK; not in mingw-w64).
        SO_ORIGINAL_DST = 0x300F;
        /// Connect data.
        SO_CONNDATA = 0x7000;
        /// Connect options.
        SO_CONNOPT = 0x7001;
        /// Disconnect data.
        SO_DISCDATA = 0x7002;
        /// Disconnect options.
        SO_DISCOPT = 0x7003;
        /// Connect data length.
        SO_CONNDATALEN = 0x7004;
        /// Connect options length.
        SO_CONNOPTLEN = 0x7005;
        /// Disconnect data length.
        SO_DISCDATALEN = 0x7006;
        /// Disconnect options length.
        SO_DISCOPTLEN = 0x7007;
        /// Per-thread default for new sockets' overlapped-ness (`SO_SYNCHRONOUS_*`).
        SO_OPENTYPE = 0x7008;
        /// Largest datagram.
        SO_MAXDG = 0x7009;
        /// Largest datagram to a given destination.
        SO_MAXPATHDG = 0x700A;
        /// Inherit the listener's properties after `AcceptEx`.
        SO_UPDATE_ACCEPT_CONTEXT = 0x700B;
        /// Seconds since the socket connected (`0xFFFFFFFF` if not).
        SO_CONNECT_TIME = 0x700C;
        /// Complete a socket's state after `ConnectEx`.
        SO_UPDATE_CONNECT_CONTEXT = 0x7010;
    }
}

/// `SO_OPENTYPE` value: new sockets are synchronous, alertable waits.
pub const SO_SYNCHRONOUS_ALERT: i32 = 0x10;
/// `SO_OPENTYPE` value: new sockets are synchronous, non-alertable waits.
pub const SO_SYNCHRONOUS_NONALERT: i32 = 0x20;

named! {
    /// `IPPROTO_IP` option names by value (Winsock 2 numbering), preferred spelling first.
    IP_NAMES: i32 = {
        /// IP options to send.
        IP_OPTIONS = 1;
        /// Header is included with data.
        IP_HDRINCL = 2;
        /// Type of service.
        IP_TOS = 3;
        /// Time to live.
        IP_TTL = 4;
        /// Multicast interface.
        IP_MULTICAST_IF = 9;
        /// Multicast time to live.
        IP_MULTICAST_TTL = 10;
        /// Multicast loopback.
        IP_MULTICAST_LOOP = 11;
        /// Join a multicast group (`IP_MREQ`).
        IP_ADD_MEMBERSHIP = 12;
        /// Leave a multicast group.
        IP_DROP_MEMBERSHIP = 13;
        /// Set the don't-fragment bit.
        IP_DONTFRAGMENT = 14;
        /// Join a group for one source.
        IP_ADD_SOURCE_MEMBERSHIP = 15;
        /// Leave a group for one source.
        IP_DROP_SOURCE_MEMBERSHIP = 16;
        /// Block a source.
        IP_BLOCK_SOURCE = 17;
        /// Unblock a source.
        IP_UNBLOCK_SOURCE = 18;
        /// Receive `IN_PKTINFO` control data.
        IP_PKTINFO = 19;
        /// Receive the TTL as control data.
        IP_RECVTTL = 21;
        /// Same value as `IP_RECVTTL`.
        IP_HOPLIMIT = 21;
        /// Allow receiving broadcasts.
        IP_RECEIVE_BROADCAST = 22;
        /// Protection level (`PROTECTION_LEVEL_*`).
        IP_PROTECTION_LEVEL = 23;
        /// Receive the arrival interface.
        IP_RECVIF = 24;
        /// Receive the destination address.
        IP_RECVDSTADDR = 25;
        /// Enable the interface list.
        IP_IFLIST = 28;
        /// Add an interface to the list.
        IP_ADD_IFLIST = 29;
        /// Remove an interface from the list.
        IP_DEL_IFLIST = 30;
        /// Outgoing unicast interface (index in network byte order).
        IP_UNICAST_IF = 31;
        /// Routing header.
        IP_RTHDR = 32;
        /// Get the interface list.
        IP_GET_IFLIST = 33;
        /// Receive the routing header.
        IP_RECVRTHDR = 38;
        /// Traffic class.
        IP_TCLASS = 39;
        /// Receive the TOS byte as control data.
        IP_RECVTOS = 40;
        /// Same value as `IP_RECVTOS`.
        IP_RECVTCLASS = 40;
        /// Original arrival interface.
        IP_ORIGINAL_ARRIVAL_IF = 47;
        /// ECN codepoint.
        IP_ECN = 50;
        /// Extended packet info.
        IP_PKTINFO_EX = 51;
        /// WFP redirect records.
        IP_WFP_REDIRECT_RECORDS = 60;
        /// WFP redirect context.
        IP_WFP_REDIRECT_CONTEXT = 70;
        /// Path-MTU discovery mode (`IP_PMTUDISC_*`).
        IP_MTU_DISCOVER = 71;
        /// Current path MTU (get only).
        IP_MTU = 73;
        /// NRT interface.
        IP_NRT_INTERFACE = 74;
        /// Receive ICMP errors.
        IP_RECVERR = 75;
        /// User-set MTU.
        IP_USER_MTU = 76;
    }
}

named! {
    /// Protocol-independent multicast options, valid at `IPPROTO_IP` and `IPPROTO_IPV6`.
    MCAST_NAMES: i32 = {
        /// Join a group (`GROUP_REQ`).
        MCAST_JOIN_GROUP = 41;
        /// Leave a group.
        MCAST_LEAVE_GROUP = 42;
        /// Block a source.
        MCAST_BLOCK_SOURCE = 43;
        /// Unblock a source.
        MCAST_UNBLOCK_SOURCE = 44;
        /// Join a group for one source (`GROUP_SOURCE_REQ`).
        MCAST_JOIN_SOURCE_GROUP = 45;
        /// Leave a group for one source.
        MCAST_LEAVE_SOURCE_GROUP = 46;
    }
}

/// `IP_TOS` value meaning "not specified".
pub const IP_UNSPECIFIED_TYPE_OF_SERVICE: i32 = -1;
/// Hop-limit value meaning "not specified".
pub const IP_UNSPECIFIED_HOP_LIMIT: i32 = -1;
/// Default multicast TTL.
pub const IP_DEFAULT_MULTICAST_TTL: i32 = 1;
/// Default multicast loopback.
pub const IP_DEFAULT_MULTICAST_LOOP: i32 = 1;
/// Most memberships one socket may hold.
pub const IP_MAX_MEMBERSHIPS: i32 = 20;

named! {
    /// `IPPROTO_IPV6` option names by value, preferred spelling first.
    IPV6_NAMES: i32 = {
        /// Hop-by-hop options.
        IPV6_HOPOPTS = 1;
        /// Header is included with data.
        IPV6_HDRINCL = 2;
        /// Unicast hop limit.
        IPV6_UNICAST_HOPS = 4;
        /// Multicast interface (index).
        IPV6_MULTICAST_IF = 9;
        /// Multicast hop limit.
        IPV6_MULTICAST_HOPS = 10;
        /// Multicast loopback.
        IPV6_MULTICAST_LOOP = 11;
        /// Join a multicast group (`IPV6_MREQ`).
        IPV6_ADD_MEMBERSHIP = 12;
        /// RFC 3493 name of `IPV6_ADD_MEMBERSHIP`.
        IPV6_JOIN_GROUP = 12;
        /// Leave a multicast group.
        IPV6_DROP_MEMBERSHIP = 13;
        /// RFC 3493 name of `IPV6_DROP_MEMBERSHIP`.
        IPV6_LEAVE_GROUP = 13;
        /// Don't fragment.
        IPV6_DONTFRAG = 14;
        /// Receive `IN6_PKTINFO` control data.
        IPV6_PKTINFO = 19;
        /// Receive the hop limit as control data.
        IPV6_HOPLIMIT = 21;
        /// Protection level (`PROTECTION_LEVEL_*`).
        IPV6_PROTECTION_LEVEL = 23;
        /// Receive the arrival interface.
        IPV6_RECVIF = 24;
        /// Receive the destination address.
        IPV6_RECVDSTADDR = 25;
        /// Checksum offset for raw sockets.
        IPV6_CHECKSUM = 26;
        /// IPv6 only, no v4-mapped traffic (Windows default: on).
        IPV6_V6ONLY = 27;
        /// Enable the interface list.
        IPV6_IFLIST = 28;
        /// Add an interface to the list.
        IPV6_ADD_IFLIST = 29;
        /// Remove an interface from the list.
        IPV6_DEL_IFLIST = 30;
        /// Outgoing unicast interface.
        IPV6_UNICAST_IF = 31;
        /// Routing header.
        IPV6_RTHDR = 32;
        /// Get the interface list.
        IPV6_GET_IFLIST = 33;
        /// Receive the routing header.
        IPV6_RECVRTHDR = 38;
        /// Traffic class.
        IPV6_TCLASS = 39;
        /// Receive the traffic class as control data.
        IPV6_RECVTCLASS = 40;
        /// ECN codepoint.
        IPV6_ECN = 50;
        /// Extended packet info.
        IPV6_PKTINFO_EX = 51;
        /// WFP redirect records.
        IPV6_WFP_REDIRECT_RECORDS = 60;
        /// WFP redirect context.
        IPV6_WFP_REDIRECT_CONTEXT = 70;
        /// Path-MTU discovery mode.
        IPV6_MTU_DISCOVER = 71;
        /// Current path MTU (get only).
        IPV6_MTU = 72;
        /// NRT interface.
        IPV6_NRT_INTERFACE = 74;
        /// Receive ICMPv6 errors.
        IPV6_RECVERR = 75;
        /// User-set MTU.
        IPV6_USER_MTU = 76;
    }
}

/// `PROTECTION_LEVEL_*`: reachable from everywhere.
pub const PROTECTION_LEVEL_UNRESTRICTED: u32 = 10;
/// `PROTECTION_LEVEL_*`: reachable across the edge (Teredo).
pub const PROTECTION_LEVEL_EDGERESTRICTED: u32 = 20;
/// `PROTECTION_LEVEL_*`: site-local only.
pub const PROTECTION_LEVEL_RESTRICTED: u32 = 30;
/// `PROTECTION_LEVEL_*`: the system default, `(UINT)-1`.
pub const PROTECTION_LEVEL_DEFAULT: u32 = u32::MAX;

/// `PMTUD_STATE`: not set.
pub const IP_PMTUDISC_NOT_SET: i32 = 0;
/// `PMTUD_STATE`: always set don't-fragment.
pub const IP_PMTUDISC_DO: i32 = 1;
/// `PMTUD_STATE`: never set don't-fragment.
pub const IP_PMTUDISC_DONT: i32 = 2;
/// `PMTUD_STATE`: probe.
pub const IP_PMTUDISC_PROBE: i32 = 3;
/// `PMTUD_STATE`: count.
pub const IP_PMTUDISC_MAX: i32 = 4;

/// `MULTICAST_MODE_TYPE`: include-mode source filter.
pub const MCAST_INCLUDE: i32 = 0;
/// `MULTICAST_MODE_TYPE`: exclude-mode source filter.
pub const MCAST_EXCLUDE: i32 = 1;

/// Interface flag (`INTERFACE_INFO::iiFlags`): up.
pub const IFF_UP: u32 = 0x01;
/// Interface flag: broadcast capable.
pub const IFF_BROADCAST: u32 = 0x02;
/// Interface flag: loopback.
pub const IFF_LOOPBACK: u32 = 0x04;
/// Interface flag: point-to-point.
pub const IFF_POINTTOPOINT: u32 = 0x08;
/// Interface flag: multicast capable.
pub const IFF_MULTICAST: u32 = 0x10;

named! {
    /// `IPPROTO_TCP` option names by value, preferred spelling first.
    TCP_NAMES: i32 = {
        /// Disable Nagle's algorithm.
        TCP_NODELAY = 1;
        /// RFC 1122 urgent-pointer semantics.
        TCP_EXPEDITED_1122 = 2;
        /// Keep-alive idle time, seconds (Windows SDK; not in mingw-w64).
        TCP_KEEPALIVE = 3;
        /// Same value as `TCP_KEEPALIVE` (Windows SDK; not in mingw-w64).
        TCP_KEEPIDLE = 3;
        /// Maximum segment size (Windows SDK; not in mingw-w64).
        TCP_MAXSEG = 4;
        /// Retransmission timeout, seconds (Windows SDK; not in mingw-w64).
        TCP_MAXRT = 5;
        /// Urgent-data semantics (Windows SDK; not in mingw-w64).
        TCP_STDURG = 6;
        /// No urgent data (Windows SDK; not in mingw-w64).
        TCP_NOURG = 7;
        /// At urgent mark (Windows SDK; not in mingw-w64).
        TCP_ATMARK = 8;
        /// No SYN retries (Windows SDK; not in mingw-w64).
        TCP_NOSYNRETRIES = 9;
        /// RFC 1323 timestamps (Windows SDK; not in mingw-w64).
        TCP_TIMESTAMPS = 10;
        /// Offload preference (Windows SDK; not in mingw-w64).
        TCP_OFFLOAD_PREFERENCE = 11;
        /// Congestion algorithm (Windows SDK; not in mingw-w64).
        TCP_CONGESTION_ALGORITHM = 12;
        /// Delay the FIN's ACK (Windows SDK; not in mingw-w64).
        TCP_DELAY_FIN_ACK = 13;
        /// Retransmission timeout, milliseconds (Windows SDK; not in mingw-w64).
        TCP_MAXRTMS = 14;
        /// TCP Fast Open (Windows SDK; not in mingw-w64).
        TCP_FASTOPEN = 15;
        /// Keep-alive probe count (Windows SDK; not in mingw-w64).
        TCP_KEEPCNT = 16;
        /// Keep-alive probe interval, seconds (Windows SDK; not in mingw-w64).
        TCP_KEEPINTVL = 17;
        /// Fail `connect` on ICMP errors (Windows SDK; not in mingw-w64).
        TCP_FAIL_CONNECT_ON_ICMP_ERROR = 18;
        /// Last ICMP error (Windows SDK; not in mingw-w64).
        TCP_ICMP_ERROR_INFO = 19;
        /// BSD urgent-pointer semantics (`mswsock.h`).
        TCP_BSDURGENT = 0x7000;
    }
}

named! {
    /// `IPPROTO_UDP` option names by value, preferred spelling first.
    UDP_NAMES: i32 = {
        /// Send without a checksum.
        UDP_NOCHECKSUM = 1;
        /// Segment size for send offload (Windows SDK; not in mingw-w64).
        UDP_SEND_MSG_SIZE = 2;
        /// Receive coalescing limit (Windows SDK; not in mingw-w64).
        UDP_RECV_MAX_COALESCED_SIZE = 3;
        /// Same value as `UDP_RECV_MAX_COALESCED_SIZE` (Windows SDK; not in mingw-w64).
        UDP_COALESCED_INFO = 3;
        /// UDP-Lite checksum coverage.
        UDP_CHECKSUM_COVERAGE = 20;
    }
}

named! {
    /// `TCPSTATE` values (`TCP_INFO_v0::State`) by value.
    TCPSTATE_NAMES: i32 = {
        /// Closed.
        TCPSTATE_CLOSED = 0;
        /// Listening.
        TCPSTATE_LISTEN = 1;
        /// SYN sent.
        TCPSTATE_SYN_SENT = 2;
        /// SYN received.
        TCPSTATE_SYN_RCVD = 3;
        /// Established.
        TCPSTATE_ESTABLISHED = 4;
        /// FIN wait 1.
        TCPSTATE_FIN_WAIT_1 = 5;
        /// FIN wait 2.
        TCPSTATE_FIN_WAIT_2 = 6;
        /// Close wait.
        TCPSTATE_CLOSE_WAIT = 7;
        /// Closing.
        TCPSTATE_CLOSING = 8;
        /// Last ACK.
        TCPSTATE_LAST_ACK = 9;
        /// Time wait.
        TCPSTATE_TIME_WAIT = 10;
        /// Count of states.
        TCPSTATE_MAX = 11;
    }
}

/// The name of an option level (`SOL_SOCKET`, `IPPROTO_TCP`, …), for logs.
pub fn level_name(level: i32) -> Option<&'static str> {
    if level == SOL_SOCKET { Some("SOL_SOCKET") } else { super::family::ipproto_name(level) }
}

/// The name of option `opt` at `level` (`SO_RCVBUF`, `IPV6_V6ONLY`, …), for logs.
pub fn option_name(level: i32, opt: i32) -> Option<&'static str> {
    use super::name_of;
    match level {
        SOL_SOCKET => name_of(SO_NAMES, opt),
        IPPROTO_IP => name_of(IP_NAMES, opt).or_else(|| name_of(MCAST_NAMES, opt)),
        IPPROTO_IPV6 => name_of(IPV6_NAMES, opt).or_else(|| name_of(MCAST_NAMES, opt)),
        IPPROTO_TCP => name_of(TCP_NAMES, opt),
        IPPROTO_UDP => name_of(UDP_NAMES, opt),
        _ => None,
    }
}

/// A `(level, option)` pair that prints as `SOL_SOCKET/SO_RCVBUF`, or with numbers where a
/// name is unknown (`IPPROTO_TCP/0x1234`, `0x29a/7`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SockoptName(pub i32, pub i32);

impl core::fmt::Debug for SockoptName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(self, f)
    }
}

impl core::fmt::Display for SockoptName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let Self(level, opt) = *self;
        match level_name(level) {
            Some(l) => f.write_str(l)?,
            None => write!(f, "{level:#x}")?,
        }
        match option_name(level, opt) {
            Some(o) => write!(f, "/{o}"),
            None => write!(f, "/{opt:#x}"),
        }
    }
}

/// `SockoptName(level, opt)` for logs: `format!("{}", sockopt_name(SOL_SOCKET, SO_RCVBUF))`
/// gives `SOL_SOCKET/SO_RCVBUF`.
pub fn sockopt_name(level: i32, opt: i32) -> SockoptName {
    SockoptName(level, opt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_socket_options() {
        assert_eq!(SO_DONTLINGER, -129);
        assert_eq!(SO_EXCLUSIVEADDRUSE as u32, 0xFFFF_FFFB);
    }

    #[test]
    fn option_names() {
        assert_eq!(level_name(SOL_SOCKET), Some("SOL_SOCKET"));
        assert_eq!(level_name(IPPROTO_IPV6), Some("IPPROTO_IPV6"));
        assert_eq!(option_name(SOL_SOCKET, SO_RCVBUF), Some("SO_RCVBUF"));
        assert_eq!(option_name(SOL_SOCKET, SO_EXCLUSIVEADDRUSE), Some("SO_EXCLUSIVEADDRUSE"));
        assert_eq!(option_name(IPPROTO_IP, 21), Some("IP_RECVTTL"));
        assert_eq!(option_name(IPPROTO_IP, MCAST_JOIN_GROUP), Some("MCAST_JOIN_GROUP"));
        assert_eq!(option_name(IPPROTO_IPV6, 12), Some("IPV6_ADD_MEMBERSHIP"));
        assert_eq!(option_name(IPPROTO_TCP, 3), Some("TCP_KEEPALIVE"));
        assert_eq!(option_name(IPPROTO_UDP, 3), Some("UDP_RECV_MAX_COALESCED_SIZE"));
        assert_eq!(option_name(IPPROTO_TCP, 999), None);
        assert_eq!(sockopt_name(SOL_SOCKET, SO_RCVBUF).to_string(), "SOL_SOCKET/SO_RCVBUF");
        assert_eq!(format!("{:?}", sockopt_name(IPPROTO_TCP, 0x1234)), "IPPROTO_TCP/0x1234");
        assert_eq!(sockopt_name(666, 7).to_string(), "0x29a/0x7");
    }
}
