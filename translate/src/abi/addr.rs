//! Addresses: `IN_ADDR`, `IN6_ADDR`, the `SOCKADDR*` family and the address lists built on it.
//!
//! Windows' socket addresses differ from the host's in the family numbers (`AF_INET6` is 23)
//! and in a few lengths (`SOCKADDR_STORAGE` is 128 bytes aligned to 8, `SOCKADDR_UN` has no
//! length byte), so the engine never hands these structures to the kernel directly: the
//! `sockaddr` module converts. Multi-byte address fields are in network byte order, as on
//! the wire.

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::consts::UNIX_PATH_MAX;

use super::{ADDRESS_FAMILY, CHAR, INT, ULONG, assert_layout, opaque_debug, u_char, u_long, u_short, zeroed_default};

/// `IN_ADDR` (`struct in_addr`): an IPv4 address in network byte order.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN_ADDR {
    /// The address, viewed as bytes, words or one `u_long`.
    pub S_un: IN_ADDR_0,
}
/// The `S_un` union of [`IN_ADDR`].
#[repr(C)]
#[derive(Clone, Copy)]
pub union IN_ADDR_0 {
    /// Four bytes, `s_b1` first on the wire.
    pub S_un_b: IN_ADDR_0_0,
    /// Two 16-bit words.
    pub S_un_w: IN_ADDR_0_1,
    /// The whole address as stored (network byte order).
    pub S_addr: u_long,
}
/// The byte view of [`IN_ADDR_0`].
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN_ADDR_0_0 {
    /// First byte.
    pub s_b1: u_char,
    /// Second byte.
    pub s_b2: u_char,
    /// Third byte.
    pub s_b3: u_char,
    /// Fourth byte.
    pub s_b4: u_char,
}
/// The word view of [`IN_ADDR_0`].
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN_ADDR_0_1 {
    /// First word.
    pub s_w1: u_short,
    /// Second word.
    pub s_w2: u_short,
}
assert_layout!(
    IN_ADDR,
    size = 4,
    align = 4,
    S_un.S_addr = 0,
    S_un.S_un_b.s_b1 = 0,
    S_un.S_un_b.s_b4 = 3,
    S_un.S_un_w.s_w2 = 2
);

impl IN_ADDR {
    /// The address from its four bytes in wire order.
    pub const fn from_octets(o: [u8; 4]) -> Self {
        Self { S_un: IN_ADDR_0 { S_addr: u32::from_ne_bytes(o) } }
    }
    /// The four bytes in wire order.
    pub const fn octets(&self) -> [u8; 4] {
        // SAFETY: all views of the union are plain integers covering the same four bytes, so
        // every bit pattern is a valid `u_long`.
        unsafe { self.S_un.S_addr }.to_ne_bytes()
    }
}
impl From<Ipv4Addr> for IN_ADDR {
    fn from(a: Ipv4Addr) -> Self {
        Self::from_octets(a.octets())
    }
}
impl From<IN_ADDR> for Ipv4Addr {
    fn from(a: IN_ADDR) -> Self {
        Ipv4Addr::from(a.octets())
    }
}
impl PartialEq for IN_ADDR_0 {
    fn eq(&self, other: &Self) -> bool {
        IN_ADDR { S_un: *self }.octets() == IN_ADDR { S_un: *other }.octets()
    }
}
impl Eq for IN_ADDR_0 {}
impl fmt::Debug for IN_ADDR_0 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Ipv4Addr::from(IN_ADDR { S_un: *self }))
    }
}
impl Default for IN_ADDR_0 {
    fn default() -> Self {
        Self { S_addr: 0 }
    }
}

/// `IN6_ADDR` (`struct in6_addr`): an IPv6 address in network byte order.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IN6_ADDR {
    /// The address, viewed as bytes or words.
    pub u: IN6_ADDR_0,
}
/// The `u` union of [`IN6_ADDR`].
#[repr(C)]
#[derive(Clone, Copy)]
pub union IN6_ADDR_0 {
    /// Sixteen bytes in wire order.
    pub Byte: [u_char; 16],
    /// Eight 16-bit words as stored.
    pub Word: [u_short; 8],
}
assert_layout!(IN6_ADDR, size = 16, align = 2, u.Byte = 0, u.Word = 0);

impl IN6_ADDR {
    /// The address from its sixteen bytes in wire order.
    pub const fn from_octets(o: [u8; 16]) -> Self {
        Self { u: IN6_ADDR_0 { Byte: o } }
    }
    /// The sixteen bytes in wire order.
    pub const fn octets(&self) -> [u8; 16] {
        // SAFETY: both views of the union are integer arrays covering the same sixteen bytes.
        unsafe { self.u.Byte }
    }
}
impl From<Ipv6Addr> for IN6_ADDR {
    fn from(a: Ipv6Addr) -> Self {
        Self::from_octets(a.octets())
    }
}
impl From<IN6_ADDR> for Ipv6Addr {
    fn from(a: IN6_ADDR) -> Self {
        Ipv6Addr::from(a.octets())
    }
}
impl PartialEq for IN6_ADDR_0 {
    fn eq(&self, other: &Self) -> bool {
        IN6_ADDR { u: *self }.octets() == IN6_ADDR { u: *other }.octets()
    }
}
impl Eq for IN6_ADDR_0 {}
impl fmt::Debug for IN6_ADDR_0 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Ipv6Addr::from(IN6_ADDR { u: *self }))
    }
}
impl Default for IN6_ADDR_0 {
    fn default() -> Self {
        Self { Byte: [0; 16] }
    }
}

/// `SOCKADDR` (`struct sockaddr`): the generic address header.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SOCKADDR {
    /// Address family (`AF_*`, Windows numbering).
    pub sa_family: ADDRESS_FAMILY,
    /// Family-specific bytes.
    pub sa_data: [CHAR; 14],
}
assert_layout!(SOCKADDR, size = 16, align = 2, sa_family = 0, sa_data = 2);

/// `SOCKADDR_IN` (`struct sockaddr_in`): an IPv4 socket address.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SOCKADDR_IN {
    /// `AF_INET` (2).
    pub sin_family: ADDRESS_FAMILY,
    /// Port, network byte order.
    pub sin_port: u_short,
    /// Address.
    pub sin_addr: IN_ADDR,
    /// Zero padding.
    pub sin_zero: [CHAR; 8],
}
assert_layout!(SOCKADDR_IN, size = 16, align = 4, sin_family = 0, sin_port = 2, sin_addr = 4, sin_zero = 8);

/// `SCOPE_ID`: an IPv6 scope as a 28-bit zone and a 4-bit level (C bit-fields over one
/// `ULONG`, zone in the low bits).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SCOPE_ID {
    /// The whole 32-bit value.
    pub Value: ULONG,
}
assert_layout!(SCOPE_ID, size = 4, align = 4, Value = 0);

impl SCOPE_ID {
    /// The zone (interface index for link-local scopes): the low 28 bits.
    pub const fn Zone(&self) -> ULONG {
        self.Value & 0x0fff_ffff
    }
    /// The scope level (`ScopeLevel*`): the high 4 bits.
    pub const fn Level(&self) -> ULONG {
        self.Value >> 28
    }
}

/// `SOCKADDR_IN6` (`struct sockaddr_in6`): an IPv6 socket address.
///
/// In the SDK `sin6_scope_id` shares an anonymous union with `sin6_scope_struct`
/// ([`SCOPE_ID`]); both are the same four bytes, so it is a plain field here.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SOCKADDR_IN6 {
    /// `AF_INET6` (23).
    pub sin6_family: ADDRESS_FAMILY,
    /// Port, network byte order.
    pub sin6_port: u_short,
    /// Flow information, network byte order.
    pub sin6_flowinfo: u_long,
    /// Address.
    pub sin6_addr: IN6_ADDR,
    /// Scope (interface) id.
    pub sin6_scope_id: u_long,
}
assert_layout!(
    SOCKADDR_IN6,
    size = 28,
    align = 4,
    sin6_family = 0,
    sin6_port = 2,
    sin6_flowinfo = 4,
    sin6_addr = 8,
    sin6_scope_id = 24
);

/// `struct sockaddr_in6_old`: the 24-byte IPv6 address of early Windows (no scope id).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SOCKADDR_IN6_OLD {
    /// `AF_INET6` (23).
    pub sin6_family: ADDRESS_FAMILY,
    /// Port, network byte order.
    pub sin6_port: u_short,
    /// Flow information.
    pub sin6_flowinfo: u_long,
    /// Address.
    pub sin6_addr: IN6_ADDR,
}
assert_layout!(
    SOCKADDR_IN6_OLD,
    size = 24,
    align = 4,
    sin6_family = 0,
    sin6_port = 2,
    sin6_flowinfo = 4,
    sin6_addr = 8
);

/// `sockaddr_gen`: the address union of [`INTERFACE_INFO`](super::INTERFACE_INFO).
#[repr(C)]
#[derive(Clone, Copy)]
pub union sockaddr_gen {
    /// Generic view.
    pub Address: SOCKADDR,
    /// IPv4 view.
    pub AddressIn: SOCKADDR_IN,
    /// IPv6 view (old, 24-byte form).
    pub AddressIn6: SOCKADDR_IN6_OLD,
}
assert_layout!(sockaddr_gen, size = 24, align = 4, Address = 0, AddressIn = 0, AddressIn6 = 0);

/// `SOCKADDR_STORAGE` (`struct sockaddr_storage`): room for any address, 128 bytes aligned
/// to 8.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOCKADDR_STORAGE {
    /// Address family.
    pub ss_family: ADDRESS_FAMILY,
    /// Padding up to the alignment field.
    pub __ss_pad1: [CHAR; 6],
    /// Forces 8-byte alignment.
    pub __ss_align: i64,
    /// Padding up to 128 bytes.
    pub __ss_pad2: [CHAR; 112],
}
assert_layout!(SOCKADDR_STORAGE, size = 128, align = 8, ss_family = 0, __ss_pad1 = 2, __ss_align = 8, __ss_pad2 = 16);

/// `SOCKADDR_UN` (`struct sockaddr_un`, `<afunix.h>`): an `AF_UNIX` path address.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOCKADDR_UN {
    /// `AF_UNIX` (1).
    pub sun_family: ADDRESS_FAMILY,
    /// NUL-terminated path (`UNIX_PATH_MAX` = 108 bytes).
    pub sun_path: [CHAR; UNIX_PATH_MAX],
}
assert_layout!(SOCKADDR_UN, size = 110, align = 2, sun_family = 0, sun_path = 2);

/// `SOCKADDR_INET`: an IPv4 or IPv6 address, told apart by `si_family`.
#[repr(C)]
#[derive(Clone, Copy)]
pub union SOCKADDR_INET {
    /// IPv4 view.
    pub Ipv4: SOCKADDR_IN,
    /// IPv6 view.
    pub Ipv6: SOCKADDR_IN6,
    /// The family shared by both.
    pub si_family: ADDRESS_FAMILY,
}
assert_layout!(SOCKADDR_INET, size = 28, align = 4, Ipv4 = 0, Ipv6 = 0, si_family = 0);

/// `SOCKADDR_IN6_PAIR`: a source and destination IPv6 address.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOCKADDR_IN6_PAIR {
    /// Source address.
    pub SourceAddress: *mut SOCKADDR_IN6,
    /// Destination address.
    pub DestinationAddress: *mut SOCKADDR_IN6,
}
assert_layout!(SOCKADDR_IN6_PAIR, size = 16, align = 8, SourceAddress = 0, DestinationAddress = 8);

/// `SOCKET_ADDRESS`: a pointer to an address and its length.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOCKET_ADDRESS {
    /// The address.
    pub lpSockaddr: *mut SOCKADDR,
    /// Its length in bytes.
    pub iSockaddrLength: INT,
}
assert_layout!(SOCKET_ADDRESS, size = 16, align = 8, lpSockaddr = 0, iSockaddrLength = 8);

/// `SOCKET_ADDRESS_LIST`: a counted list of addresses (`SIO_ADDRESS_LIST_QUERY`); `Address`
/// really has `iAddressCount` entries.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOCKET_ADDRESS_LIST {
    /// Number of entries.
    pub iAddressCount: INT,
    /// The entries (variable length).
    pub Address: [SOCKET_ADDRESS; 1],
}
assert_layout!(SOCKET_ADDRESS_LIST, size = 24, align = 8, iAddressCount = 0, Address = 8);

/// `CSADDR_INFO`: a local/remote address pair with socket type and protocol.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CSADDR_INFO {
    /// Local address.
    pub LocalAddr: SOCKET_ADDRESS,
    /// Remote address.
    pub RemoteAddr: SOCKET_ADDRESS,
    /// `SOCK_*`.
    pub iSocketType: INT,
    /// `IPPROTO_*`.
    pub iProtocol: INT,
}
assert_layout!(CSADDR_INFO, size = 40, align = 8, LocalAddr = 0, RemoteAddr = 16, iSocketType = 32, iProtocol = 36);

opaque_debug!(sockaddr_gen, SOCKADDR_INET);
zeroed_default!(
    sockaddr_gen,
    SOCKADDR_STORAGE,
    SOCKADDR_UN,
    SOCKADDR_INET,
    SOCKADDR_IN6_PAIR,
    SOCKET_ADDRESS,
    SOCKET_ADDRESS_LIST,
    CSADDR_INFO,
);
