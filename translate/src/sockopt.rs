//! `(level, optname)` → host option, with the Windows value forms and length rules.
//!
//! # Why a table
//! Windows numbers every option differently from POSIX (`SOL_SOCKET` is 0xffff, `SO_LINGER`
//! 0x80, `IPV6_V6ONLY` 27 vs Linux 26), gives some options different value layouts (`LINGER`
//! is two `u_short`s, Linux `struct linger` two `int`s; `IP_MREQ_SOURCE` orders its fields
//! differently), and has options with no host counterpart at all. Each supported pair is one
//! [`OptionSpec`] row in a static table: its Windows value form and length rules ([`WinValue`],
//! [`LenRule`]), who may get/set it ([`Access`]), and where it goes ([`Target`]).
//!
//! # Why some options are emulated
//! [`Target::Emulated`] rows are options the engine must keep itself because the host either
//! has no such option or means something else by it:
//! * `SO_RCVTIMEO`/`SO_SNDTIMEO` are `DWORD` milliseconds applied by the engine's own blocking
//!   waits (every fd is non-blocking), never a host `struct timeval`.
//! * `SO_REUSEADDR`/`SO_EXCLUSIVEADDRUSE` have Windows semantics (address stealing rules) that
//!   the engine enforces with its bind table; the host `SO_REUSEADDR` is set separately.
//! * `SO_SNDBUF`/`SO_RCVBUF` answer the *advisory* value last set (Linux doubles it), while the
//!   host buffer is set to it (receive side at least 64 KiB).
//! * `SO_ERROR` is settable on Windows and reads back what was set; otherwise the host
//!   `SO_ERROR` converted to a WSA code ([`Conv::Error`]).
//! * `SO_DONTLINGER` is `!l_onoff` of `SO_LINGER` and must keep the current `l_linger`
//!   ([`dont_linger_to_host`]).
//! * Windows-only state: `SO_CONNECT_TIME`, `SO_PROTOCOL_INFOA/W`, `SO_MAX_MSG_SIZE`,
//!   `SO_OPENTYPE` (per thread, no socket needed), `SO_UPDATE_*_CONTEXT`, `SO_BSP_STATE`,
//!   `SO_GROUP_*`, `SO_CONDITIONAL_ACCEPT`, `SO_DEBUG`, `SO_DONTROUTE` (stored, "silently
//!   ignored" per MSDN), port-reuse flags, `IPV6_PROTECTION_LEVEL`, `IP_RECEIVE_BROADCAST`,
//!   `TCP_EXPEDITED_1122`/`TCP_BSDURGENT`, `UDP_NOCHECKSUM`.
//!
//! # Why BOOL answers are 1 or 4 bytes
//! Windows is not uniform (Wine's `test_set_getsockopt` `test_optsize` table, run on Windows):
//! `SO_KEEPALIVE`, `SO_DONTROUTE`, `TCP_NODELAY` and `IPV6_V6ONLY` read only the first byte of
//! `optval` on set and answer exactly 1 byte on get, whatever `optlen` is. Other `SOL_SOCKET`
//! BOOLs (`SO_BROADCAST`, `SO_OOBINLINE`, `SO_REUSEADDR`, …) answer 4 bytes, accept `optlen` 0
//! on set, and with a short get buffer write what fits but report 1. IP-level small integers
//! (`IP_TTL`, `IP_TOS`, `IP_MULTICAST_*`, `IPV6_*_HOPS`, …) accept 1–3 byte buffers and answer 1
//! byte into them. Options without short forms fail short buffers with `WSAEFAULT`, some
//! zeroing the buffer (`SO_LINGER`, `SO_RCVBUF`, `SO_SNDBUF`) and some resetting `*optlen` to 0
//! (IP/TCP-level DWORDs). A negative `optlen` on set is `WSAENOBUFS` except for 4-byte
//! `SOL_SOCKET` options, which read 4 bytes. [`LenRule`] encodes each of these per row and
//! [`set_len`]/[`get_plan`] apply them.
//!
//! Winsock 1 (`wsock32`) renumbers `IPPROTO_IP` options; that mapping lives in
//! [`crate::consts`], and this table uses Winsock 2 numbers only.

use crate::consts::*;
use crate::error::WsaError;

// ---------------------------------------------------------------------------------------------
// Table types
// ---------------------------------------------------------------------------------------------

/// Who may use an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `getsockopt` only (`setsockopt` → `WSAENOPROTOOPT`).
    Get,
    /// `setsockopt` only (`getsockopt` → `WSAENOPROTOOPT`).
    Set,
    /// Both.
    Both,
}

/// Direction of a call, for [`lookup_for`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// `getsockopt`.
    Get,
    /// `setsockopt`.
    Set,
}

/// The Windows form of an option value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WinValue {
    /// `BOOL`/`DWORD` used as a boolean: nonzero means TRUE, answers are 0 or 1.
    Bool,
    /// `DWORD`/`int`, any value.
    Int,
    /// `DWORD` that must be 0..=255 (TTL, TOS, hop counts, keep-alive count): larger →
    /// `WSAEINVAL`.
    Byte,
    /// `DWORD` milliseconds (`SO_RCVTIMEO`, `SO_SNDTIMEO`).
    Millis,
    /// `DWORD` seconds (`TCP_KEEPALIVE`, `TCP_KEEPINTVL`, `SO_CONNECT_TIME`).
    Seconds,
    /// `LINGER { u_short l_onoff; u_short l_linger; }` (4 bytes).
    Linger,
    /// `IN_ADDR` (4 bytes).
    InAddr,
    /// `IP_MREQ` (8 bytes).
    IpMreq,
    /// `IP_MREQ_SOURCE` in Windows order: multiaddr, sourceaddr, interface (12 bytes).
    IpMreqSource,
    /// `IPV6_MREQ` (16-byte group + `ULONG` interface index, 20 bytes).
    Ipv6Mreq,
    /// A `SOCKET` handle (`SO_UPDATE_ACCEPT_CONTEXT`; 8 bytes on x64).
    Socket,
    /// `WSAPROTOCOL_INFOA` (372 bytes).
    ProtocolInfoA,
    /// `WSAPROTOCOL_INFOW` (628 bytes).
    ProtocolInfoW,
    /// `CSADDR_INFO` followed by the local and remote addresses (`SO_BSP_STATE`).
    CsAddrInfo,
    /// Raw bytes (IP options, at most 40).
    Bytes,
}

/// What `setsockopt` does with a negative `optlen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NegativeLen {
    /// `WSAENOBUFS` (non-`SOL_SOCKET` options and 1-byte options).
    NoBufs,
    /// Read [`LenRule::size`] bytes as if `optlen` were big enough (4-byte `SOL_SOCKET`
    /// options).
    AsSize,
}

/// What `getsockopt` does when `0 < optlen < get_size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortGet {
    /// `WSAEFAULT`; buffer and `*optlen` untouched.
    Fault,
    /// `WSAEFAULT`; the `optlen` bytes of the buffer are zeroed, `*optlen` untouched.
    FaultZeroed,
    /// `WSAEFAULT`; `*optlen` set to 0.
    FaultLenZero,
    /// `WSAEFAULT`; `*optlen` set to the needed size (`SO_PROTOCOL_INFO*`).
    FaultLenNeeded,
    /// Success: the first byte of the value is written and `*optlen` becomes 1.
    OneByte,
    /// Success: `optlen` bytes of the value are written and `*optlen` becomes 1 (Windows'
    /// `SOL_SOCKET` BOOLs do exactly this).
    PartialReportOne,
    /// Success: `optlen` bytes written, `*optlen` unchanged (raw byte values).
    Truncate,
}

/// Windows `optlen` rules of one option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LenRule {
    /// Size of the Windows value: the most `setsockopt` reads and what a full `getsockopt`
    /// holds.
    pub size: u16,
    /// Smallest `optlen` `setsockopt` accepts (smaller → `WSAEFAULT`).
    pub set_min: u16,
    /// `setsockopt` with `optlen < 0`.
    pub set_negative: NegativeLen,
    /// `setsockopt` accepts a NULL `optval` (only `SO_UPDATE_CONNECT_CONTEXT`, which is called
    /// with `NULL, 0`).
    pub set_null_ok: bool,
    /// Bytes `getsockopt` writes and reports with a big enough buffer.
    pub get_size: u16,
    /// `getsockopt` with `0 < optlen < get_size`.
    pub get_short: ShortGet,
    /// `getsockopt` with a negative `optlen` succeeds as if it were `get_size` (`SO_OPENTYPE`).
    pub get_negative_ok: bool,
}

impl LenRule {
    /// A `DWORD`-sized value with no short forms.
    const fn dword(short: ShortGet, neg: NegativeLen) -> LenRule {
        LenRule {
            size: 4,
            set_min: 4,
            set_negative: neg,
            set_null_ok: false,
            get_size: 4,
            get_short: short,
            get_negative_ok: false,
        }
    }
    /// A fixed-size structure with no short forms.
    const fn fixed(size: u16, short: ShortGet, neg: NegativeLen) -> LenRule {
        LenRule {
            size,
            set_min: size,
            set_negative: neg,
            set_null_ok: false,
            get_size: size,
            get_short: short,
            get_negative_ok: false,
        }
    }
}

/// `SO_KEEPALIVE`, `SO_DONTROUTE`, `TCP_NODELAY`, `IPV6_V6ONLY`: one byte in, one byte out.
const BYTE_BOOL: LenRule = LenRule {
    size: 1,
    set_min: 1,
    set_negative: NegativeLen::NoBufs,
    set_null_ok: false,
    get_size: 1,
    get_short: ShortGet::Fault,
    get_negative_ok: false,
};
/// Other `SOL_SOCKET` BOOLs: `optlen` 0 accepted on set, short get writes what fits, says 1.
const SOCK_BOOL: LenRule = LenRule {
    size: 4,
    set_min: 0,
    set_negative: NegativeLen::AsSize,
    set_null_ok: false,
    get_size: 4,
    get_short: ShortGet::PartialReportOne,
    get_negative_ok: false,
};
/// IP-level small integers and BOOLs that accept 1–3 byte buffers.
const IP_SHORT: LenRule = LenRule {
    size: 4,
    set_min: 1,
    set_negative: NegativeLen::NoBufs,
    set_null_ok: false,
    get_size: 4,
    get_short: ShortGet::OneByte,
    get_negative_ok: false,
};
/// `SO_RCVBUF`, `SO_SNDBUF`: short get zeroes the buffer.
const SOCK_DWORD_ZEROED: LenRule = LenRule::dword(ShortGet::FaultZeroed, NegativeLen::AsSize);
/// `SO_RCVTIMEO`, `SO_SNDTIMEO`, `SO_ERROR`, … : plain `WSAEFAULT`.
const SOCK_DWORD: LenRule = LenRule::dword(ShortGet::Fault, NegativeLen::AsSize);
/// TCP/IP/IPv6 `DWORD`s with no short form: short get resets `*optlen` to 0.
const PROTO_DWORD: LenRule = LenRule::dword(ShortGet::FaultLenZero, NegativeLen::NoBufs);
/// `SO_OPENTYPE`: like [`SOCK_DWORD`] but a negative `optlen` on get is accepted.
const OPENTYPE_LEN: LenRule = LenRule { get_negative_ok: true, ..LenRule::dword(ShortGet::Fault, NegativeLen::AsSize) };
const LINGER_LEN: LenRule = LenRule::fixed(4, ShortGet::FaultZeroed, NegativeLen::AsSize);

const fn strukt(size: usize) -> LenRule {
    LenRule::fixed(size as u16, ShortGet::Fault, NegativeLen::NoBufs)
}

/// Host-side value conversion of a [`Target::Host`] option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// `int` both sides.
    Int,
    /// `int` normalised to 0/1 both ways.
    Bool,
    /// `int` 0..=255 (larger Windows values → `WSAEINVAL`).
    Byte,
    /// Windows `LINGER` (2 × `u_short`) ↔ host `struct linger` (2 × `int`).
    Linger,
    /// Windows BOOL ↔ Linux `IP_MTU_DISCOVER` (`IP_PMTUDISC_DO` / `IP_PMTUDISC_DONT`).
    MtuDiscover,
    /// `IN_ADDR` ↔ `struct in_addr` (same bytes).
    InAddr,
    /// `IP_MREQ` ↔ `struct ip_mreq` (same layout).
    Mreq,
    /// `IP_MREQ_SOURCE` (multiaddr, sourceaddr, interface) ↔ host `ip_mreq_source` (Linux:
    /// multiaddr, interface, sourceaddr; BSD: Windows order).
    MreqSource,
    /// `IPV6_MREQ` ↔ `struct ipv6_mreq` (same layout; interface index unchanged).
    Ipv6Mreq,
    /// Host `SOCK_*` → Windows `SOCK_*` (get only).
    SockType,
    /// Host errno → WSA error code (get only).
    Error,
    /// Raw bytes, copied.
    Bytes,
}

/// What the engine keeps itself for an emulated option. See the module docs for why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emulated {
    /// `SO_RCVTIMEO`: receive timeout in ms, applied by the engine's waits.
    RcvTimeo,
    /// `SO_SNDTIMEO`: send timeout in ms.
    SndTimeo,
    /// `SO_REUSEADDR` with Windows semantics (bind table).
    ReuseAddr,
    /// `SO_EXCLUSIVEADDRUSE` (bind table; both set → `WSAEINVAL`).
    ExclusiveAddrUse,
    /// `SO_SNDBUF`: advisory value answered back; host `SO_SNDBUF` set to it.
    SndBuf,
    /// `SO_RCVBUF`: advisory value answered back; host `SO_RCVBUF` set to max(value, 64 KiB).
    RcvBuf,
    /// `SO_ERROR`: value set by the app, else host `SO_ERROR` through [`Conv::Error`].
    Error,
    /// `SO_DONTLINGER`: `!l_onoff` of the host linger, see [`dont_linger_to_host`].
    DontLinger,
    /// `SO_DEBUG`: stored flag.
    Debug,
    /// `SO_DONTROUTE`: stored, no host effect.
    DontRoute,
    /// `SO_CONNECT_TIME`: seconds since connect, 0xFFFFFFFF when not connected.
    ConnectTime,
    /// `SO_PROTOCOL_INFOA`: the socket's catalogue entry.
    ProtocolInfoA,
    /// `SO_PROTOCOL_INFOW`.
    ProtocolInfoW,
    /// `SO_MAX_MSG_SIZE`: 65507 for UDP over IPv4, 65527 for IPv6, large for streams.
    MaxMsgSize,
    /// `SO_OPENTYPE`: per-thread value, no socket needed.
    OpenType,
    /// `SO_UPDATE_ACCEPT_CONTEXT`: accepted, inherits listener properties.
    UpdateAcceptContext,
    /// `SO_UPDATE_CONNECT_CONTEXT`: accepted after `ConnectEx`.
    UpdateConnectContext,
    /// `SO_BSP_STATE`: `CSADDR_INFO` built from getsockname/getpeername.
    BspState,
    /// `SO_GROUP_ID`: always 0.
    GroupId,
    /// `SO_GROUP_PRIORITY`: stored.
    GroupPriority,
    /// `SO_CONDITIONAL_ACCEPT`: stored, drives `WSAAccept`.
    ConditionalAccept,
    /// `SO_RANDOMIZE_PORT`: stored.
    RandomizePort,
    /// `SO_PORT_SCALABILITY`: stored.
    PortScalability,
    /// `SO_REUSE_UNICASTPORT`: stored.
    ReuseUnicastPort,
    /// `SO_REUSE_MULTICASTPORT`: stored.
    ReuseMulticastPort,
    /// `IP_RECEIVE_BROADCAST`: stored (hosts always receive broadcasts).
    ReceiveBroadcast,
    /// `IPV6_PROTECTION_LEVEL`: stored, default `PROTECTION_LEVEL_UNRESTRICTED`.
    ProtectionLevel,
    /// `TCP_EXPEDITED_1122` / `TCP_BSDURGENT`: urgent-pointer interpretation, stored.
    Expedited,
    /// `UDP_NOCHECKSUM`: stored.
    UdpNoChecksum,
}

/// Where an option goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A host `setsockopt`/`getsockopt` with these numbers and this value conversion.
    Host {
        /// Host level (`libc::SOL_SOCKET`, `libc::IPPROTO_TCP`, …).
        level: i32,
        /// Host option name.
        name: i32,
        /// Value conversion.
        conv: Conv,
    },
    /// Kept by the engine.
    Emulated(Emulated),
}

/// One row of the option table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    /// Windows option name, for logs.
    pub name: &'static str,
    /// Windows level.
    pub level: i32,
    /// Windows option number.
    pub optname: i32,
    /// Windows value form.
    pub value: WinValue,
    /// Windows `optlen` rules.
    pub len: LenRule,
    /// Get/set permission.
    pub access: Access,
    /// Host mapping or emulation.
    pub target: Target,
}

// ---------------------------------------------------------------------------------------------
// Host numbers per OS
// ---------------------------------------------------------------------------------------------

mod host {
    pub const SOL_SOCKET: i32 = libc::SOL_SOCKET;
    pub const IPPROTO_IP: i32 = libc::IPPROTO_IP;
    pub const IPPROTO_IPV6: i32 = libc::IPPROTO_IPV6;
    pub const IPPROTO_TCP: i32 = libc::IPPROTO_TCP;

    /// Windows `TCP_KEEPALIVE` (idle seconds).
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    pub const TCP_KEEPIDLE: i32 = libc::TCP_KEEPALIVE;
    #[cfg(not(any(target_os = "macos", target_os = "ios")))]
    pub const TCP_KEEPIDLE: i32 = libc::TCP_KEEPIDLE;

    /// Windows `IP_DONTFRAGMENT`: Linux has `IP_MTU_DISCOVER`, the BSDs `IP_DONTFRAG`.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const DONTFRAG: (i32, super::Conv) = (libc::IP_MTU_DISCOVER, super::Conv::MtuDiscover);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const DONTFRAG: (i32, super::Conv) = (libc::IP_DONTFRAG, super::Conv::Bool);

    /// Windows `IP_PKTINFO` (receive destination info): BSDs use `IP_RECVDSTADDR`.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const IP_PKTINFO: i32 = libc::IP_PKTINFO;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const IP_PKTINFO: i32 = libc::IP_RECVDSTADDR;

    /// Windows `IP_UNICAST_IF` / `IPV6_UNICAST_IF` (Linux only; BSD `IP_BOUND_IF` differs).
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const IP_UNICAST_IF: i32 = libc::IP_UNICAST_IF;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const IPV6_UNICAST_IF: i32 = libc::IPV6_UNICAST_IF;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const IP_UNICAST_IF: i32 = -1;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const IPV6_UNICAST_IF: i32 = -1;
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

const fn h(level: i32, name: i32, conv: Conv) -> Target {
    Target::Host { level, name, conv }
}
const fn e(what: Emulated) -> Target {
    Target::Emulated(what)
}

macro_rules! rows {
    ($( $level:expr, $opt:ident, $value:ident, $len:expr, $access:ident, $target:expr; )*) => {
        &[ $( OptionSpec {
            name: stringify!($opt),
            level: $level,
            optname: $opt,
            value: WinValue::$value,
            len: $len,
            access: Access::$access,
            target: $target,
        }, )* ]
    };
}

use host as H;

const PROTOINFO_A_LEN: LenRule = LenRule::fixed(
    core::mem::size_of::<crate::abi::WSAPROTOCOL_INFOA>() as u16,
    ShortGet::FaultLenNeeded,
    NegativeLen::NoBufs,
);
const PROTOINFO_W_LEN: LenRule = LenRule::fixed(
    core::mem::size_of::<crate::abi::WSAPROTOCOL_INFOW>() as u16,
    ShortGet::FaultLenNeeded,
    NegativeLen::NoBufs,
);
const BSP_LEN: LenRule = strukt(core::mem::size_of::<crate::abi::CSADDR_INFO>());
const UPDATE_CONNECT_LEN: LenRule = LenRule {
    size: 0,
    set_min: 0,
    set_negative: NegativeLen::AsSize,
    set_null_ok: true,
    get_size: 0,
    get_short: ShortGet::Fault,
    get_negative_ok: false,
};
const IP_OPTIONS_LEN: LenRule = LenRule {
    size: 40,
    set_min: 0,
    set_negative: NegativeLen::NoBufs,
    set_null_ok: false,
    get_size: 40,
    get_short: ShortGet::Truncate,
    get_negative_ok: false,
};

/// Every supported `(level, optname)` pair.
pub static OPTIONS: &[OptionSpec] = rows![
    // SOL_SOCKET
    SOL_SOCKET, SO_DEBUG, Bool, SOCK_BOOL, Both, e(Emulated::Debug);
    SOL_SOCKET, SO_ACCEPTCONN, Bool, SOCK_DWORD, Get, h(H::SOL_SOCKET, libc::SO_ACCEPTCONN, Conv::Bool);
    SOL_SOCKET, SO_REUSEADDR, Bool, SOCK_BOOL, Both, e(Emulated::ReuseAddr);
    SOL_SOCKET, SO_EXCLUSIVEADDRUSE, Bool, SOCK_BOOL, Both, e(Emulated::ExclusiveAddrUse);
    SOL_SOCKET, SO_KEEPALIVE, Bool, BYTE_BOOL, Both, h(H::SOL_SOCKET, libc::SO_KEEPALIVE, Conv::Bool);
    SOL_SOCKET, SO_DONTROUTE, Bool, BYTE_BOOL, Both, e(Emulated::DontRoute);
    SOL_SOCKET, SO_BROADCAST, Bool, SOCK_BOOL, Both, h(H::SOL_SOCKET, libc::SO_BROADCAST, Conv::Bool);
    SOL_SOCKET, SO_LINGER, Linger, LINGER_LEN, Both, h(H::SOL_SOCKET, libc::SO_LINGER, Conv::Linger);
    SOL_SOCKET, SO_DONTLINGER, Bool, SOCK_BOOL, Both, e(Emulated::DontLinger);
    SOL_SOCKET, SO_OOBINLINE, Bool, SOCK_BOOL, Both, h(H::SOL_SOCKET, libc::SO_OOBINLINE, Conv::Bool);
    SOL_SOCKET, SO_SNDBUF, Int, SOCK_DWORD_ZEROED, Both, e(Emulated::SndBuf);
    SOL_SOCKET, SO_RCVBUF, Int, SOCK_DWORD_ZEROED, Both, e(Emulated::RcvBuf);
    SOL_SOCKET, SO_SNDTIMEO, Millis, SOCK_DWORD, Both, e(Emulated::SndTimeo);
    SOL_SOCKET, SO_RCVTIMEO, Millis, SOCK_DWORD, Both, e(Emulated::RcvTimeo);
    SOL_SOCKET, SO_ERROR, Int, SOCK_DWORD, Both, e(Emulated::Error);
    SOL_SOCKET, SO_TYPE, Int, SOCK_DWORD, Get, h(H::SOL_SOCKET, libc::SO_TYPE, Conv::SockType);
    SOL_SOCKET, SO_BSP_STATE, CsAddrInfo, BSP_LEN, Get, e(Emulated::BspState);
    SOL_SOCKET, SO_GROUP_ID, Int, SOCK_DWORD, Get, e(Emulated::GroupId);
    SOL_SOCKET, SO_GROUP_PRIORITY, Int, SOCK_DWORD, Both, e(Emulated::GroupPriority);
    SOL_SOCKET, SO_MAX_MSG_SIZE, Int, SOCK_DWORD, Get, e(Emulated::MaxMsgSize);
    SOL_SOCKET, SO_PROTOCOL_INFOA, ProtocolInfoA, PROTOINFO_A_LEN, Get, e(Emulated::ProtocolInfoA);
    SOL_SOCKET, SO_PROTOCOL_INFOW, ProtocolInfoW, PROTOINFO_W_LEN, Get, e(Emulated::ProtocolInfoW);
    SOL_SOCKET, SO_CONDITIONAL_ACCEPT, Bool, SOCK_BOOL, Both, e(Emulated::ConditionalAccept);
    SOL_SOCKET, SO_RANDOMIZE_PORT, Bool, SOCK_BOOL, Both, e(Emulated::RandomizePort);
    SOL_SOCKET, SO_PORT_SCALABILITY, Bool, SOCK_BOOL, Both, e(Emulated::PortScalability);
    SOL_SOCKET, SO_REUSE_UNICASTPORT, Bool, SOCK_BOOL, Both, e(Emulated::ReuseUnicastPort);
    SOL_SOCKET, SO_REUSE_MULTICASTPORT, Bool, SOCK_BOOL, Both, e(Emulated::ReuseMulticastPort);
    SOL_SOCKET, SO_OPENTYPE, Int, OPENTYPE_LEN, Both, e(Emulated::OpenType);
    SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, Socket, strukt(8), Set, e(Emulated::UpdateAcceptContext);
    SOL_SOCKET, SO_CONNECT_TIME, Seconds, SOCK_DWORD, Get, e(Emulated::ConnectTime);
    SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, Bytes, UPDATE_CONNECT_LEN, Set, e(Emulated::UpdateConnectContext);
    // IPPROTO_TCP
    IPPROTO_TCP, TCP_NODELAY, Bool, BYTE_BOOL, Both, h(H::IPPROTO_TCP, libc::TCP_NODELAY, Conv::Bool);
    IPPROTO_TCP, TCP_EXPEDITED_1122, Bool, PROTO_DWORD, Both, e(Emulated::Expedited);
    IPPROTO_TCP, TCP_KEEPALIVE, Seconds, PROTO_DWORD, Both, h(H::IPPROTO_TCP, H::TCP_KEEPIDLE, Conv::Int);
    IPPROTO_TCP, TCP_MAXSEG, Int, PROTO_DWORD, Both, h(H::IPPROTO_TCP, libc::TCP_MAXSEG, Conv::Int);
    IPPROTO_TCP, TCP_KEEPCNT, Byte, PROTO_DWORD, Both, h(H::IPPROTO_TCP, libc::TCP_KEEPCNT, Conv::Byte);
    IPPROTO_TCP, TCP_KEEPINTVL, Seconds, PROTO_DWORD, Both, h(H::IPPROTO_TCP, libc::TCP_KEEPINTVL, Conv::Int);
    IPPROTO_TCP, TCP_BSDURGENT, Bool, PROTO_DWORD, Both, e(Emulated::Expedited);
    // IPPROTO_IP (Winsock 2 numbers)
    IPPROTO_IP, IP_OPTIONS, Bytes, IP_OPTIONS_LEN, Both, h(H::IPPROTO_IP, libc::IP_OPTIONS, Conv::Bytes);
    IPPROTO_IP, IP_HDRINCL, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IP, libc::IP_HDRINCL, Conv::Bool);
    IPPROTO_IP, IP_TOS, Byte, IP_SHORT, Both, h(H::IPPROTO_IP, libc::IP_TOS, Conv::Byte);
    IPPROTO_IP, IP_TTL, Byte, IP_SHORT, Both, h(H::IPPROTO_IP, libc::IP_TTL, Conv::Byte);
    IPPROTO_IP, IP_MULTICAST_IF, InAddr, PROTO_DWORD, Both, h(H::IPPROTO_IP, libc::IP_MULTICAST_IF, Conv::InAddr);
    IPPROTO_IP, IP_MULTICAST_TTL, Byte, IP_SHORT, Both, h(H::IPPROTO_IP, libc::IP_MULTICAST_TTL, Conv::Byte);
    IPPROTO_IP, IP_MULTICAST_LOOP, Bool, IP_SHORT, Both, h(H::IPPROTO_IP, libc::IP_MULTICAST_LOOP, Conv::Bool);
    IPPROTO_IP, IP_ADD_MEMBERSHIP, IpMreq, strukt(8), Set, h(H::IPPROTO_IP, libc::IP_ADD_MEMBERSHIP, Conv::Mreq);
    IPPROTO_IP, IP_DROP_MEMBERSHIP, IpMreq, strukt(8), Set, h(H::IPPROTO_IP, libc::IP_DROP_MEMBERSHIP, Conv::Mreq);
    IPPROTO_IP, IP_DONTFRAGMENT, Bool, IP_SHORT, Both, h(H::IPPROTO_IP, H::DONTFRAG.0, H::DONTFRAG.1);
    IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, IpMreqSource, strukt(12), Set, h(H::IPPROTO_IP, libc::IP_ADD_SOURCE_MEMBERSHIP, Conv::MreqSource);
    IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP, IpMreqSource, strukt(12), Set, h(H::IPPROTO_IP, libc::IP_DROP_SOURCE_MEMBERSHIP, Conv::MreqSource);
    IPPROTO_IP, IP_BLOCK_SOURCE, IpMreqSource, strukt(12), Set, h(H::IPPROTO_IP, libc::IP_BLOCK_SOURCE, Conv::MreqSource);
    IPPROTO_IP, IP_UNBLOCK_SOURCE, IpMreqSource, strukt(12), Set, h(H::IPPROTO_IP, libc::IP_UNBLOCK_SOURCE, Conv::MreqSource);
    IPPROTO_IP, IP_PKTINFO, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IP, H::IP_PKTINFO, Conv::Bool);
    IPPROTO_IP, IP_RECVTTL, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IP, libc::IP_RECVTTL, Conv::Bool);
    IPPROTO_IP, IP_RECEIVE_BROADCAST, Bool, PROTO_DWORD, Both, e(Emulated::ReceiveBroadcast);
    IPPROTO_IP, IP_UNICAST_IF, Int, PROTO_DWORD, Both, h(H::IPPROTO_IP, H::IP_UNICAST_IF, Conv::Int);
    IPPROTO_IP, IP_RECVTOS, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IP, libc::IP_RECVTOS, Conv::Bool);
    // IPPROTO_IPV6
    IPPROTO_IPV6, IPV6_UNICAST_HOPS, Byte, IP_SHORT, Both, h(H::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS, Conv::Byte);
    IPPROTO_IPV6, IPV6_MULTICAST_IF, Int, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, libc::IPV6_MULTICAST_IF, Conv::Int);
    IPPROTO_IPV6, IPV6_MULTICAST_HOPS, Byte, IP_SHORT, Both, h(H::IPPROTO_IPV6, libc::IPV6_MULTICAST_HOPS, Conv::Byte);
    IPPROTO_IPV6, IPV6_MULTICAST_LOOP, Bool, IP_SHORT, Both, h(H::IPPROTO_IPV6, libc::IPV6_MULTICAST_LOOP, Conv::Bool);
    IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, Ipv6Mreq, strukt(20), Set, h(H::IPPROTO_IPV6, libc::IPV6_ADD_MEMBERSHIP, Conv::Ipv6Mreq);
    IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, Ipv6Mreq, strukt(20), Set, h(H::IPPROTO_IPV6, libc::IPV6_DROP_MEMBERSHIP, Conv::Ipv6Mreq);
    IPPROTO_IPV6, IPV6_DONTFRAG, Bool, IP_SHORT, Both, h(H::IPPROTO_IPV6, libc::IPV6_DONTFRAG, Conv::Bool);
    IPPROTO_IPV6, IPV6_PKTINFO, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, libc::IPV6_RECVPKTINFO, Conv::Bool);
    IPPROTO_IPV6, IPV6_HOPLIMIT, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, libc::IPV6_RECVHOPLIMIT, Conv::Bool);
    IPPROTO_IPV6, IPV6_PROTECTION_LEVEL, Int, PROTO_DWORD, Both, e(Emulated::ProtectionLevel);
    IPPROTO_IPV6, IPV6_V6ONLY, Bool, BYTE_BOOL, Both, h(H::IPPROTO_IPV6, libc::IPV6_V6ONLY, Conv::Bool);
    IPPROTO_IPV6, IPV6_UNICAST_IF, Int, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, H::IPV6_UNICAST_IF, Conv::Int);
    IPPROTO_IPV6, IPV6_TCLASS, Byte, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, libc::IPV6_TCLASS, Conv::Byte);
    IPPROTO_IPV6, IPV6_RECVTCLASS, Bool, PROTO_DWORD, Both, h(H::IPPROTO_IPV6, libc::IPV6_RECVTCLASS, Conv::Bool);
    // IPPROTO_UDP
    IPPROTO_UDP, UDP_NOCHECKSUM, Bool, PROTO_DWORD, Both, e(Emulated::UdpNoChecksum);
];

/// The levels Windows knows; any other level is `WSAEINVAL`.
pub const KNOWN_LEVELS: [i32; 5] = [SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_UDP];

/// Finds the row for `(level, optname)`.
///
/// Unknown level (anything but `SOL_SOCKET`, `IPPROTO_TCP`, `IPPROTO_IP`, `IPPROTO_IPV6`,
/// `IPPROTO_UDP`, e.g. `0xffffffff` or `0x8000`) → `WSAEINVAL`; unknown option at a known
/// level → `WSAENOPROTOOPT`.
pub fn lookup(level: i32, optname: i32) -> Result<&'static OptionSpec, WsaError> {
    if !KNOWN_LEVELS.contains(&level) {
        return Err(WsaError(WSAEINVAL));
    }
    OPTIONS.iter().find(|o| o.level == level && o.optname == optname).ok_or(WsaError(WSAENOPROTOOPT))
}

/// [`lookup`] plus the access check: getting a set-only option or setting a get-only one →
/// `WSAENOPROTOOPT`.
pub fn lookup_for(level: i32, optname: i32, dir: Dir) -> Result<&'static OptionSpec, WsaError> {
    let spec = lookup(level, optname)?;
    let ok = matches!((spec.access, dir), (Access::Both, _) | (Access::Get, Dir::Get) | (Access::Set, Dir::Set));
    if ok { Ok(spec) } else { Err(WsaError(WSAENOPROTOOPT)) }
}

// ---------------------------------------------------------------------------------------------
// optlen rules
// ---------------------------------------------------------------------------------------------

/// `setsockopt` argument check: how many bytes of `optval` to read.
///
/// NULL `optval` → `WSAEFAULT` (even with `optlen` 0), except where the option is set with
/// `NULL, 0` by design; negative `optlen` → per [`LenRule::set_negative`]; `optlen` below
/// [`LenRule::set_min`] → `WSAEFAULT`. Longer buffers are fine: at most [`LenRule::size`]
/// bytes are read.
pub fn set_len(spec: &OptionSpec, optval_is_null: bool, optlen: i32) -> Result<usize, WsaError> {
    let rule = &spec.len;
    if optval_is_null {
        return if rule.set_null_ok { Ok(0) } else { Err(WsaError(WSAEFAULT)) };
    }
    if optlen < 0 {
        return match rule.set_negative {
            NegativeLen::NoBufs => Err(WsaError(WSAENOBUFS)),
            NegativeLen::AsSize => Ok(rule.size as usize),
        };
    }
    let optlen = optlen as usize;
    if optlen < rule.set_min as usize {
        return Err(WsaError(WSAEFAULT));
    }
    Ok(optlen.min(rule.size as usize))
}

/// What `getsockopt` must do with the caller's buffer, from [`get_plan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GetPlan {
    /// Write the first `write` bytes of the Windows value and set `*optlen = report`.
    Write {
        /// Bytes of the value to copy out.
        write: usize,
        /// New `*optlen`.
        report: i32,
    },
    /// Fail with `error`, after zeroing the first `zero` bytes of the buffer and, when
    /// `optlen` is `Some`, setting `*optlen` to it.
    Fail {
        /// The error to return.
        error: WsaError,
        /// Bytes of the caller's buffer to zero.
        zero: usize,
        /// New `*optlen`, if it changes.
        optlen: Option<i32>,
    },
}

/// `getsockopt` argument check for a caller buffer of `optlen` bytes.
///
/// NULL `optval` or `optlen <= 0` → `WSAEFAULT` (except `SO_OPENTYPE`, which takes a negative
/// `optlen` as large enough); a short buffer → per [`LenRule::get_short`].
/// Variable-size values (`SO_BSP_STATE`, `IP_OPTIONS`) need at least `get_size`; the engine
/// reports their real length.
pub fn get_plan(spec: &OptionSpec, optval_is_null: bool, optlen: i32) -> GetPlan {
    let rule = &spec.len;
    let fault = |zero: usize, optlen: Option<i32>| GetPlan::Fail { error: WsaError(WSAEFAULT), zero, optlen };
    let full = GetPlan::Write { write: rule.get_size as usize, report: i32::from(rule.get_size) };
    if optval_is_null {
        return fault(0, None);
    }
    if optlen < 0 && rule.get_negative_ok {
        return full;
    }
    if optlen <= 0 {
        return fault(0, None);
    }
    if optlen >= i32::from(rule.get_size) {
        return full;
    }
    let n = optlen as usize;
    match rule.get_short {
        ShortGet::Fault => fault(0, None),
        ShortGet::FaultZeroed => fault(n, None),
        ShortGet::FaultLenZero => fault(0, Some(0)),
        ShortGet::FaultLenNeeded => fault(0, Some(i32::from(rule.get_size))),
        ShortGet::OneByte => GetPlan::Write { write: 1, report: 1 },
        ShortGet::PartialReportOne => GetPlan::Write { write: n, report: 1 },
        ShortGet::Truncate => GetPlan::Write { write: n, report: optlen },
    }
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// Largest host option value this module produces (`ipv6_mreq` = 20, IP options = 40).
pub const HOST_VALUE_MAX: usize = 40;

/// A host option value: a small fixed buffer and its length (no allocation).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct HostValue {
    buf: [u8; HOST_VALUE_MAX],
    len: u8,
}

impl core::fmt::Debug for HostValue {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("HostValue").field(&self.as_bytes()).finish()
    }
}

impl HostValue {
    /// The value bytes (pass `as_bytes().as_ptr()` and `len()` to `setsockopt`).
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.len as usize
    }
    /// True for a zero-length value.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn from_bytes(b: &[u8]) -> HostValue {
        let mut v = HostValue { buf: [0; HOST_VALUE_MAX], len: b.len() as u8 };
        v.buf[..b.len()].copy_from_slice(b);
        v
    }
    fn int(x: i32) -> HostValue {
        HostValue::from_bytes(&x.to_ne_bytes())
    }
}

/// Size of the host buffer to pass to `getsockopt` for a conversion.
pub fn host_value_size(conv: Conv) -> usize {
    match conv {
        Conv::Linger => core::mem::size_of::<libc::linger>(),
        Conv::Mreq => core::mem::size_of::<libc::ip_mreq>(),
        Conv::MreqSource => core::mem::size_of::<libc::ip_mreq_source>(),
        Conv::Ipv6Mreq => core::mem::size_of::<libc::ipv6_mreq>(),
        Conv::Bytes => 40,
        _ => core::mem::size_of::<libc::c_int>(),
    }
}

/// Little-endian, zero-extended integer from up to 4 Windows bytes (Windows reads
/// `min(optlen, 4)` bytes of a `DWORD` option).
pub fn win_u32(win: &[u8]) -> u32 {
    let mut b = [0u8; 4];
    let n = win.len().min(4);
    b[..n].copy_from_slice(&win[..n]);
    u32::from_le_bytes(b)
}

/// The integer a Windows `setsockopt` means for an integer-like [`WinValue`], with Windows'
/// checks: `Bool` → 0/1, `Byte` above 255 → `WSAEINVAL`. Use for emulated options too.
pub fn win_int_value(value: WinValue, win: &[u8]) -> Result<u32, WsaError> {
    let v = win_u32(win);
    match value {
        WinValue::Bool => Ok(u32::from(v != 0)),
        WinValue::Byte if v > 255 => Err(WsaError(WSAEINVAL)),
        _ => Ok(v),
    }
}

/// Host `int` from the host's answer (1 or 4 bytes, native order).
fn host_int(host: &[u8]) -> i32 {
    match host.len() {
        0 => 0,
        1..=3 => i32::from(host[0]),
        _ => i32::from_ne_bytes([host[0], host[1], host[2], host[3]]),
    }
}

fn need(win: &[u8], n: usize) -> Result<(), WsaError> {
    if win.len() < n { Err(WsaError(WSAEFAULT)) } else { Ok(()) }
}

/// Windows `setsockopt` value (the bytes [`set_len`] allowed) → host value.
///
/// Structures shorter than their Windows size → `WSAEFAULT`; `Byte` values above 255 →
/// `WSAEINVAL`. `SockType`/`Error` are get-only and converted as plain `int`s.
pub fn win_to_host_value(conv: Conv, win: &[u8]) -> Result<HostValue, WsaError> {
    Ok(match conv {
        Conv::Int | Conv::SockType | Conv::Error => HostValue::int(win_u32(win) as i32),
        Conv::Bool => HostValue::int(i32::from(win_u32(win) != 0)),
        Conv::Byte => HostValue::int(win_int_value(WinValue::Byte, win)? as i32),
        Conv::MtuDiscover => HostValue::int(mtu_discover_to_host(win_u32(win) != 0)),
        Conv::Linger => {
            need(win, 4)?;
            let l = libc::linger {
                l_onoff: i32::from(u16::from_le_bytes([win[0], win[1]])),
                l_linger: i32::from(u16::from_le_bytes([win[2], win[3]])),
            };
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&l.l_onoff.to_ne_bytes());
            b[4..].copy_from_slice(&l.l_linger.to_ne_bytes());
            HostValue::from_bytes(&b)
        }
        Conv::InAddr => {
            need(win, 4)?;
            HostValue::from_bytes(&win[..4])
        }
        Conv::Mreq => {
            need(win, 8)?;
            HostValue::from_bytes(&win[..8])
        }
        Conv::MreqSource => {
            need(win, 12)?;
            // Windows: multiaddr, sourceaddr, interface.
            let (multi, source, iface) = (&win[0..4], &win[4..8], &win[8..12]);
            let mut b = [0u8; 12];
            b[0..4].copy_from_slice(multi);
            if cfg!(any(target_os = "linux", target_os = "android")) {
                // Linux: multiaddr, interface, sourceaddr.
                b[4..8].copy_from_slice(iface);
                b[8..12].copy_from_slice(source);
            } else {
                b[4..8].copy_from_slice(source);
                b[8..12].copy_from_slice(iface);
            }
            HostValue::from_bytes(&b)
        }
        Conv::Ipv6Mreq => {
            need(win, 20)?;
            let mut b = [0u8; 20];
            b[..16].copy_from_slice(&win[..16]);
            b[16..].copy_from_slice(&u32::from_le_bytes([win[16], win[17], win[18], win[19]]).to_ne_bytes());
            HostValue::from_bytes(&b)
        }
        Conv::Bytes => HostValue::from_bytes(&win[..win.len().min(HOST_VALUE_MAX)]),
    })
}

/// Host `getsockopt` answer → Windows value bytes in `out`; returns the Windows length.
///
/// `out` shorter than the Windows value → `WSAEFAULT` (size it with the row's
/// [`LenRule::size`]; [`get_plan`] then decides how much reaches the caller).
pub fn host_to_win_value(conv: Conv, host: &[u8], out: &mut [u8]) -> Result<usize, WsaError> {
    let put4 = |out: &mut [u8], v: u32| -> Result<usize, WsaError> {
        need(out, 4)?;
        out[..4].copy_from_slice(&v.to_le_bytes());
        Ok(4)
    };
    match conv {
        Conv::Int => put4(out, host_int(host) as u32),
        Conv::Bool => put4(out, u32::from(host_int(host) != 0)),
        Conv::Byte => put4(out, host_int(host) as u32),
        Conv::MtuDiscover => put4(out, u32::from(mtu_discover_from_host(host_int(host)))),
        Conv::SockType => put4(out, crate::sockaddr::socktype_from_host(host_int(host)).unwrap_or(0) as u32),
        Conv::Error => {
            let errno = host_int(host);
            let wsa = if errno == 0 { 0 } else { crate::error::errno_to_wsa(errno).0 };
            put4(out, wsa as u32)
        }
        Conv::Linger => {
            need(host, 8)?;
            need(out, 4)?;
            let onoff = i32::from_ne_bytes([host[0], host[1], host[2], host[3]]);
            let linger = i32::from_ne_bytes([host[4], host[5], host[6], host[7]]);
            out[..2].copy_from_slice(&(onoff.clamp(0, 0xffff) as u16).to_le_bytes());
            out[2..4].copy_from_slice(&(linger.clamp(0, 0xffff) as u16).to_le_bytes());
            Ok(4)
        }
        Conv::InAddr => copy_n(host, out, 4),
        Conv::Mreq => copy_n(host, out, 8),
        Conv::MreqSource => {
            need(host, 12)?;
            need(out, 12)?;
            out[0..4].copy_from_slice(&host[0..4]);
            if cfg!(any(target_os = "linux", target_os = "android")) {
                out[4..8].copy_from_slice(&host[8..12]);
                out[8..12].copy_from_slice(&host[4..8]);
            } else {
                out[4..12].copy_from_slice(&host[4..12]);
            }
            Ok(12)
        }
        Conv::Ipv6Mreq => {
            need(host, 20)?;
            need(out, 20)?;
            out[..16].copy_from_slice(&host[..16]);
            let idx = u32::from_ne_bytes([host[16], host[17], host[18], host[19]]);
            out[16..20].copy_from_slice(&idx.to_le_bytes());
            Ok(20)
        }
        Conv::Bytes => {
            let n = host.len();
            need(out, n)?;
            out[..n].copy_from_slice(host);
            Ok(n)
        }
    }
}

fn copy_n(host: &[u8], out: &mut [u8], n: usize) -> Result<usize, WsaError> {
    need(host, n)?;
    need(out, n)?;
    out[..n].copy_from_slice(&host[..n]);
    Ok(n)
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn mtu_discover_to_host(dont_fragment: bool) -> i32 {
    if dont_fragment { libc::IP_PMTUDISC_DO } else { libc::IP_PMTUDISC_DONT }
}
#[cfg(any(target_os = "linux", target_os = "android"))]
fn mtu_discover_from_host(v: i32) -> bool {
    v != libc::IP_PMTUDISC_DONT
}
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn mtu_discover_to_host(dont_fragment: bool) -> i32 {
    i32::from(dont_fragment)
}
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn mtu_discover_from_host(v: i32) -> bool {
    v != 0
}

/// `SO_DONTLINGER` set: the host linger to apply, keeping the current timeout (Windows
/// documents `SO_DONTLINGER = TRUE` as `l_onoff = 0`; FALSE re-enables lingering with the
/// previous `l_linger`).
pub fn dont_linger_to_host(dont_linger: bool, current: libc::linger) -> libc::linger {
    libc::linger { l_onoff: i32::from(!dont_linger), l_linger: current.l_linger }
}

/// `SO_DONTLINGER` get: TRUE when the host linger is off.
pub fn dont_linger_from_host(current: libc::linger) -> bool {
    current.l_onoff == 0
}
