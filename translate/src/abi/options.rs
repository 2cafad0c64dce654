//! Values of socket options and ioctls: multicast requests, packet-info control messages,
//! `SIO_KEEPALIVE_VALS`, `SIO_GET_INTERFACE_LIST` records.
//!
//! Windows orders some of these differently from POSIX (`IP_MREQ_SOURCE` puts the source
//! *between* group and interface; Linux `ip_mreq_source` puts it last), so option values are
//! converted field by field by the `sockopt` module, never copied.

use super::{
    IN_ADDR, IN6_ADDR, MULTICAST_MODE_TYPE, SOCKADDR_STORAGE, SOCKET_ADDRESS, UINT, ULONG, assert_layout, sockaddr_gen,
    u_long, zeroed_default,
};

/// `IP_MREQ` (`struct ip_mreq`): `IP_ADD_MEMBERSHIP`/`IP_DROP_MEMBERSHIP`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IP_MREQ {
    /// Group address.
    pub imr_multiaddr: IN_ADDR,
    /// Local interface address.
    pub imr_interface: IN_ADDR,
}
assert_layout!(IP_MREQ, size = 8, align = 4, imr_multiaddr = 0, imr_interface = 4);

/// `IP_MREQ_SOURCE` (`struct ip_mreq_source`): source-specific membership, Windows order.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IP_MREQ_SOURCE {
    /// Group address.
    pub imr_multiaddr: IN_ADDR,
    /// Source address.
    pub imr_sourceaddr: IN_ADDR,
    /// Local interface address.
    pub imr_interface: IN_ADDR,
}
assert_layout!(IP_MREQ_SOURCE, size = 12, align = 4, imr_multiaddr = 0, imr_sourceaddr = 4, imr_interface = 8);

/// `IP_MSFILTER` (`struct ip_msfilter`): IPv4 source filter; `imsf_slist` really has
/// `imsf_numsrc` entries.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct IP_MSFILTER {
    /// Group address.
    pub imsf_multiaddr: IN_ADDR,
    /// Local interface address.
    pub imsf_interface: IN_ADDR,
    /// `MCAST_INCLUDE` or `MCAST_EXCLUDE`.
    pub imsf_fmode: MULTICAST_MODE_TYPE,
    /// Number of sources.
    pub imsf_numsrc: ULONG,
    /// Sources (variable length).
    pub imsf_slist: [IN_ADDR; 1],
}
assert_layout!(
    IP_MSFILTER,
    size = 20,
    align = 4,
    imsf_multiaddr = 0,
    imsf_interface = 4,
    imsf_fmode = 8,
    imsf_numsrc = 12,
    imsf_slist = 16
);

/// `IPV6_MREQ` (`struct ipv6_mreq`): `IPV6_ADD_MEMBERSHIP`/`IPV6_DROP_MEMBERSHIP`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IPV6_MREQ {
    /// Group address.
    pub ipv6mr_multiaddr: IN6_ADDR,
    /// Interface index.
    pub ipv6mr_interface: u32,
}
assert_layout!(IPV6_MREQ, size = 20, align = 4, ipv6mr_multiaddr = 0, ipv6mr_interface = 16);

/// `IN_PKTINFO`: the `IP_PKTINFO` control message.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN_PKTINFO {
    /// Destination (receive) or source (send) address.
    pub ipi_addr: IN_ADDR,
    /// Interface index.
    pub ipi_ifindex: UINT,
}
assert_layout!(IN_PKTINFO, size = 8, align = 4, ipi_addr = 0, ipi_ifindex = 4);

/// `IN6_PKTINFO`: the `IPV6_PKTINFO` control message.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN6_PKTINFO {
    /// Destination (receive) or source (send) address.
    pub ipi6_addr: IN6_ADDR,
    /// Interface index.
    pub ipi6_ifindex: UINT,
}
assert_layout!(IN6_PKTINFO, size = 20, align = 4, ipi6_addr = 0, ipi6_ifindex = 16);

/// `struct tcp_keepalive`: the input of `SIO_KEEPALIVE_VALS` (times in milliseconds).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct tcp_keepalive {
    /// Nonzero to enable keep-alive.
    pub onoff: u_long,
    /// Idle time before the first probe, ms.
    pub keepalivetime: u_long,
    /// Interval between probes, ms.
    pub keepaliveinterval: u_long,
}
assert_layout!(tcp_keepalive, size = 12, align = 4, onoff = 0, keepalivetime = 4, keepaliveinterval = 8);

/// `INTERFACE_INFO`: one record of `SIO_GET_INTERFACE_LIST`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct INTERFACE_INFO {
    /// `IFF_*` flags.
    pub iiFlags: u_long,
    /// Interface address.
    pub iiAddress: sockaddr_gen,
    /// Broadcast address.
    pub iiBroadcastAddress: sockaddr_gen,
    /// Network mask.
    pub iiNetmask: sockaddr_gen,
}
assert_layout!(
    INTERFACE_INFO,
    size = 76,
    align = 4,
    iiFlags = 0,
    iiAddress = 4,
    iiBroadcastAddress = 28,
    iiNetmask = 52
);

/// `INTERFACE_INFO_EX`: one record of `SIO_GET_INTERFACE_LIST_EX`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct INTERFACE_INFO_EX {
    /// `IFF_*` flags.
    pub iiFlags: u_long,
    /// Interface address.
    pub iiAddress: SOCKET_ADDRESS,
    /// Broadcast address.
    pub iiBroadcastAddress: SOCKET_ADDRESS,
    /// Network mask.
    pub iiNetmask: SOCKET_ADDRESS,
}
assert_layout!(
    INTERFACE_INFO_EX,
    size = 56,
    align = 8,
    iiFlags = 0,
    iiAddress = 8,
    iiBroadcastAddress = 24,
    iiNetmask = 40
);

/// `GROUP_REQ` (`struct group_req`): `MCAST_JOIN_GROUP`/`MCAST_LEAVE_GROUP`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct GROUP_REQ {
    /// Interface index.
    pub gr_interface: ULONG,
    /// Group address.
    pub gr_group: SOCKADDR_STORAGE,
}
assert_layout!(GROUP_REQ, size = 136, align = 8, gr_interface = 0, gr_group = 8);

/// `GROUP_SOURCE_REQ` (`struct group_source_req`): source-specific `MCAST_*` requests.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct GROUP_SOURCE_REQ {
    /// Interface index.
    pub gsr_interface: ULONG,
    /// Group address.
    pub gsr_group: SOCKADDR_STORAGE,
    /// Source address.
    pub gsr_source: SOCKADDR_STORAGE,
}
assert_layout!(GROUP_SOURCE_REQ, size = 264, align = 8, gsr_interface = 0, gsr_group = 8, gsr_source = 136);

/// `GROUP_FILTER` (`struct group_filter`): protocol-independent source filter; `gf_slist`
/// really has `gf_numsrc` entries.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct GROUP_FILTER {
    /// Interface index.
    pub gf_interface: ULONG,
    /// Group address.
    pub gf_group: SOCKADDR_STORAGE,
    /// `MCAST_INCLUDE` or `MCAST_EXCLUDE`.
    pub gf_fmode: MULTICAST_MODE_TYPE,
    /// Number of sources.
    pub gf_numsrc: ULONG,
    /// Sources (variable length).
    pub gf_slist: [SOCKADDR_STORAGE; 1],
}
assert_layout!(
    GROUP_FILTER,
    size = 272,
    align = 8,
    gf_interface = 0,
    gf_group = 8,
    gf_fmode = 136,
    gf_numsrc = 140,
    gf_slist = 144
);

zeroed_default!(INTERFACE_INFO, INTERFACE_INFO_EX);
