//! `getsockopt` and `setsockopt`, driven by translate's option table
//! ([`translate::sockopt`]).
//!
//! Windows checks a call in this order, and so do we: `WSANOTINITIALISED`, `WSAENOTSOCK`
//! (a closed socket's out-parameters stay untouched), the level (`WSAEINVAL`), the option
//! (`WSAENOPROTOOPT`), whether the option suits this kind of socket, then the
//! `optval`/`optlen` rules of the option's row ([`sockopt::set_len`], [`sockopt::get_plan`]).
//!
//! Rows that map to a host option are one `setsockopt(2)`/`getsockopt(2)` with translate's
//! value conversion. [`Target::Emulated`] rows are kept here, in [`Stored`] (inside the
//! engine's per-socket `State`) or in the socket's timeout atomics, because the host has no
//! such option or means something else by it (see the module docs of `translate::sockopt`).
//!
//! Windows decisions worth knowing:
//! * `SO_RCVTIMEO`/`SO_SNDTIMEO` are stored exactly as given (DWORD milliseconds, 0 = no
//!   timeout). The 500 ms floor old Windows applied to small values was a Windows XP/2003
//!   behaviour; Wine's `test_timeout` (run on current Windows) times a blocking `recv` out
//!   after 100 ms, and `test_set_getsockopt` reads back exactly what it set.
//! * A pointer below 0x10000 passed as `optval` is `WSAEFAULT`: Windows never maps the first
//!   64 KiB, and Wine's tests pass `(char *)1` and expect `WSAEFAULT`.
//! * `SO_ERROR` reads back a value the application set (Windows; `test_set_getsockopt`),
//!   unless the socket has a real pending error.
//! * `IP_HDRINCL` on a non-raw socket is `WSAEINVAL` for get and set (Vista and later, per
//!   `test_set_getsockopt`); `IPPROTO_TCP` options on a non-stream socket and `SO_LINGER`/
//!   `SO_DONTLINGER` on a datagram socket are `WSAENOPROTOOPT` (`test_extendedSocketOptions`).
//! * `IPV6_V6ONLY` on an IPv4 socket succeeds (set is ignored, get answers FALSE): Windows
//!   answers where Wine fails (`test_ipv6only`); other IPv6-level options on an IPv4 socket
//!   are `WSAEINVAL`.
//! * `IP_DONTFRAGMENT` (either IP level) answers Windows' default until the application sets
//!   it: on for TCP, off otherwise (`test_set_getsockopt`); the host's defaults differ.
//! * Setting `SO_TYPE` is `WSAEINVAL` on a datagram socket, `WSAENOPROTOOPT` on a stream one
//!   (`test_WSASocket`). `SO_PROTOCOL_INFO` into a larger buffer leaves `optlen` as passed.

use std::cell::Cell;
use std::sync::atomic::Ordering;

use translate::sockopt::{self, Dir, Emulated, GetPlan, OptionSpec, Target};
use translate::{
    AF_INET, AF_INET6, BASE_PROTOCOL, BIGENDIAN, GUID, IP_DONTFRAGMENT, IP_HDRINCL, IPPROTO_IP, IPPROTO_IPV6,
    IPPROTO_TCP, IPPROTO_UDP, IPV6_DONTFRAG, IPV6_V6ONLY, PFL_HIDDEN, PFL_MATCHES_PROTOCOL_ZERO,
    PROTECTION_LEVEL_UNRESTRICTED, SO_DONTLINGER, SO_LINGER, SO_OPENTYPE, SO_TYPE, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM,
    SOCKET, SOL_SOCKET, WSAEFAULT, WSAEINVAL, WSAENOPROTOOPT, WSAPROTOCOL_INFOA, WSAPROTOCOL_INFOW, WsaError,
    XP1_CONNECTIONLESS, XP1_EXPEDITED_DATA, XP1_GRACEFUL_CLOSE, XP1_GUARANTEED_DELIVERY, XP1_GUARANTEED_ORDER,
    XP1_IFS_HANDLES, XP1_MESSAGE_ORIENTED, XP1_SUPPORT_BROADCAST, XP1_SUPPORT_MULTIPOINT,
};

use super::status;
use crate::engine::socket::ConnState;
use crate::engine::{Socket, catalog, startup, table};
use crate::sys::syscall;

/// Emulated option values of one socket, kept in the engine's `State` (`State::opts`).
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    /// `SO_SNDBUF` as the application set it (`None`: answer the host value).
    pub sndbuf: Option<u32>,
    /// `SO_RCVBUF` as the application set it.
    pub rcvbuf: Option<u32>,
    /// `SO_ERROR` as the application set it.
    pub error: u32,
    /// `SO_DONTROUTE` (stored, "silently ignored" per MSDN).
    pub dont_route: bool,
    /// `SO_GROUP_PRIORITY`.
    pub group_priority: u32,
    /// `SO_RANDOMIZE_PORT`.
    pub randomize_port: bool,
    /// `SO_PORT_SCALABILITY`.
    pub port_scalability: bool,
    /// `SO_REUSE_UNICASTPORT`.
    pub reuse_unicast_port: bool,
    /// `SO_REUSE_MULTICASTPORT`.
    pub reuse_multicast_port: bool,
    /// `IP_RECEIVE_BROADCAST` (default TRUE).
    pub receive_broadcast: bool,
    /// `IPV6_PROTECTION_LEVEL`.
    pub protection_level: u32,
    /// `TCP_EXPEDITED_1122` / `TCP_BSDURGENT`.
    pub expedited: bool,
    /// `UDP_NOCHECKSUM`.
    pub udp_no_checksum: bool,
    /// Whether the application set `IP_DONTFRAGMENT`/`IPV6_DONTFRAG` (until then the
    /// Windows default is answered, see [`dont_fragment_default`]).
    pub dont_fragment_set: bool,
}

impl Default for Stored {
    fn default() -> Self {
        Stored {
            sndbuf: None,
            rcvbuf: None,
            error: 0,
            dont_route: false,
            group_priority: 0,
            randomize_port: false,
            port_scalability: false,
            reuse_unicast_port: false,
            reuse_multicast_port: false,
            receive_broadcast: true,
            protection_level: PROTECTION_LEVEL_UNRESTRICTED,
            expedited: false,
            udp_no_checksum: false,
            dont_fragment_set: false,
        }
    }
}

thread_local! {
    /// `SO_OPENTYPE`: a per-thread value on Windows, settable without a socket.
    static OPEN_TYPE: Cell<u32> = const { Cell::new(0) };
}

/// Whether this thread's `SO_OPENTYPE` makes `socket()` create non-overlapped sockets
/// (`SO_SYNCHRONOUS_ALERT`/`SO_SYNCHRONOUS_NONALERT`, or any nonzero value, as Windows).
/// For `api/socket.rs`, which does not consult it yet.
pub(crate) fn open_type_is_synchronous() -> bool {
    OPEN_TYPE.with(|c| c.get() != 0)
}

/// A pointer an application may have meant as a buffer: non-NULL and above the first
/// 64 KiB, which Windows never maps (apps that pass a value instead of a pointer get
/// `WSAEFAULT`, not a crash).
pub(crate) fn bad_ptr<T>(p: *const T) -> bool {
    (p as usize) < 0x10000
}

/// Largest Windows option value (`WSAPROTOCOL_INFOW`).
const VALUE_MAX: usize = std::mem::size_of::<WSAPROTOCOL_INFOW>();

/// `getsockopt`.
///
/// # Safety
/// `optlen` must be NULL or readable/writable; `optval` NULL or valid for `*optlen` bytes.
pub unsafe fn getsockopt(s: SOCKET, level: i32, optname: i32, optval: *mut u8, optlen: *mut i32) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { get(s, level, optname, optval, optlen) })
}

/// `setsockopt`.
///
/// # Safety
/// `optval` must be NULL or valid for `optlen` bytes.
pub unsafe fn setsockopt(s: SOCKET, level: i32, optname: i32, optval: *const u8, optlen: i32) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { set(s, level, optname, optval, optlen) })
}

fn is_open_type(level: i32, optname: i32) -> bool {
    level == SOL_SOCKET && optname == SO_OPENTYPE
}

/// Per-socket-kind validity, after the table lookup.
fn check_kind(sock: &Socket, spec: &OptionSpec) -> Result<(), WsaError> {
    let no = |e: i32| Err(WsaError(e));
    match spec.level {
        IPPROTO_TCP if sock.socktype != SOCK_STREAM => no(WSAENOPROTOOPT),
        IPPROTO_UDP if sock.socktype != SOCK_DGRAM => no(WSAENOPROTOOPT),
        SOL_SOCKET if matches!(spec.optname, SO_LINGER | SO_DONTLINGER) && sock.socktype != SOCK_STREAM => {
            no(WSAENOPROTOOPT)
        }
        IPPROTO_IP if spec.optname == IP_HDRINCL && sock.socktype != SOCK_RAW => no(WSAEINVAL),
        IPPROTO_IPV6 if sock.family == AF_INET && spec.optname != IPV6_V6ONLY => no(WSAEINVAL),
        IPPROTO_IP | IPPROTO_IPV6 if sock.family != AF_INET && sock.family != AF_INET6 => no(WSAEINVAL),
        _ => Ok(()),
    }
}

/// `IP_DONTFRAGMENT` at either IP level (`IPV6_DONTFRAG` has the same number).
fn is_dont_fragment(spec: &OptionSpec) -> bool {
    (spec.level == IPPROTO_IP && spec.optname == IP_DONTFRAGMENT)
        || (spec.level == IPPROTO_IPV6 && spec.optname == IPV6_DONTFRAG)
}

/// Windows' `IP_DONTFRAGMENT` before the application sets it: on for TCP (Vista and later),
/// off for UDP and raw sockets, at both IP levels (Wine's `test_set_getsockopt`). The host's
/// defaults differ (Linux answers path-MTU "want" for both, and IPv6 "off" for both).
fn dont_fragment_default(sock: &Socket) -> bool {
    sock.socktype == SOCK_STREAM
}

/// `IPV6_V6ONLY` asked of an IPv4 socket: Windows answers instead of failing.
fn v6only_on_v4(sock: &Socket, spec: &OptionSpec) -> bool {
    spec.level == IPPROTO_IPV6 && spec.optname == IPV6_V6ONLY && sock.family == AF_INET
}

unsafe fn get(s: SOCKET, level: i32, optname: i32, optval: *mut u8, optlen: *mut i32) -> Result<(), WsaError> {
    startup::ensure()?;
    let sock = if is_open_type(level, optname) { None } else { Some(table::get(s)?) };
    let spec = sockopt::lookup_for(level, optname, Dir::Get)?;
    if let Some(sock) = &sock {
        check_kind(sock, spec)?;
    }
    if optlen.is_null() || bad_ptr(optlen) {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: non-NULL and readable per the caller.
    let len = unsafe { optlen.read_unaligned() };
    let null = optval.is_null() || bad_ptr(optval);
    match sockopt::get_plan(spec, null, len) {
        GetPlan::Fail { error, zero, optlen: new_len } => {
            if zero > 0 && !null {
                // SAFETY: `zero <= len` bytes of the caller's buffer are writable.
                unsafe { optval.write_bytes(0, zero) };
            }
            if let Some(n) = new_len {
                // SAFETY: as above.
                unsafe { optlen.write_unaligned(n) };
            }
            Err(error)
        }
        GetPlan::Write { write, report } => {
            let Some(sock) = sock else {
                // SO_OPENTYPE: no socket.
                let v = OPEN_TYPE.with(|c| c.get()).to_le_bytes();
                // SAFETY: the plan allows `write` (<= 4) bytes.
                unsafe { std::ptr::copy_nonoverlapping(v.as_ptr(), optval, write.min(4)) };
                // SAFETY: as above.
                unsafe { optlen.write_unaligned(report) };
                return Ok(());
            };
            if let Target::Emulated(Emulated::BspState) = spec.target {
                // SAFETY: `len` bytes are writable at `optval` per the caller.
                let out = unsafe { std::slice::from_raw_parts_mut(optval, len.max(0) as usize) };
                let n = bsp_state(&sock, out)?;
                // SAFETY: as above.
                unsafe { optlen.write_unaligned(n as i32) };
                return Ok(());
            }
            // SO_PROTOCOL_INFO into a larger buffer keeps the length as passed
            // (Wine's `test_set_getsockopt`).
            let report = match spec.target {
                Target::Emulated(Emulated::ProtocolInfoA | Emulated::ProtocolInfoW) => report.max(len),
                _ => report,
            };
            let mut value = [0u8; VALUE_MAX];
            let n = get_value(&sock, spec, &mut value)?;
            log::debug!(target: "ws2_32::options", "getsockopt({:#x}, {}) -> {:?}", s, spec.name, &value[..n.min(8)]);
            let w = write.min(value.len());
            // SAFETY: the plan allows `w` bytes of the caller's buffer.
            unsafe { std::ptr::copy_nonoverlapping(value.as_ptr(), optval, w) };
            // SAFETY: as above.
            unsafe { optlen.write_unaligned(report) };
            Ok(())
        }
    }
}

unsafe fn set(s: SOCKET, level: i32, optname: i32, optval: *const u8, optlen: i32) -> Result<(), WsaError> {
    startup::ensure()?;
    let sock = if is_open_type(level, optname) { None } else { Some(table::get(s)?) };
    // Setting SO_TYPE: a datagram socket says WSAEINVAL, a stream one WSAENOPROTOOPT (the
    // get-only answer). Wine's `test_WSASocket` records both.
    if level == SOL_SOCKET && optname == SO_TYPE && sock.as_ref().is_some_and(|s| s.socktype == SOCK_DGRAM) {
        return Err(WsaError(WSAEINVAL));
    }
    let spec = sockopt::lookup_for(level, optname, Dir::Set)?;
    if let Some(sock) = &sock {
        check_kind(sock, spec)?;
    }
    let null = optval.is_null() || (bad_ptr(optval) && optlen != 0);
    let n = sockopt::set_len(spec, null, optlen)?;
    let win: &[u8] = if n == 0 || optval.is_null() {
        &[]
    } else {
        // SAFETY: `set_len` allowed `n` bytes, which the caller guarantees readable.
        unsafe { std::slice::from_raw_parts(optval, n) }
    };
    log::debug!(target: "ws2_32::options", "setsockopt({:#x}, {}, {:?})", s, spec.name, win);
    let Some(sock) = sock else {
        OPEN_TYPE.with(|c| c.set(sockopt::win_u32(win)));
        return Ok(());
    };
    set_value(&sock, spec, win)
}

// ---------------------------------------------------------------------------------------------
// Host options
// ---------------------------------------------------------------------------------------------

fn host_get(sock: &Socket, level: i32, name: i32, buf: &mut [u8]) -> Result<usize, WsaError> {
    let mut len = buf.len() as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes; the fd is kept open by `sock`.
    syscall!(getsockopt(sock.fd(), level, name, buf.as_mut_ptr().cast(), &mut len))?;
    Ok(len as usize)
}

fn host_set(sock: &Socket, level: i32, name: i32, value: &[u8]) -> Result<(), WsaError> {
    // SAFETY: `value` is readable for its length; the fd is kept open by `sock`.
    syscall!(setsockopt(sock.fd(), level, name, value.as_ptr().cast(), value.len() as libc::socklen_t))?;
    Ok(())
}

fn host_get_int(sock: &Socket, level: i32, name: i32) -> Result<i32, WsaError> {
    let mut b = [0u8; 4];
    host_get(sock, level, name, &mut b)?;
    Ok(i32::from_ne_bytes(b))
}

fn host_set_int(sock: &Socket, level: i32, name: i32, v: i32) -> Result<(), WsaError> {
    host_set(sock, level, name, &v.to_ne_bytes())
}

fn host_linger(sock: &Socket) -> Result<libc::linger, WsaError> {
    let mut b = [0u8; 8];
    host_get(sock, libc::SOL_SOCKET, libc::SO_LINGER, &mut b)?;
    Ok(libc::linger {
        l_onoff: i32::from_ne_bytes([b[0], b[1], b[2], b[3]]),
        l_linger: i32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
    })
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

fn put_u32(out: &mut [u8], v: u32) -> usize {
    out[..4].copy_from_slice(&v.to_le_bytes());
    4
}

/// The Windows value of an option, into `out`; returns its length.
fn get_value(sock: &Socket, spec: &OptionSpec, out: &mut [u8]) -> Result<usize, WsaError> {
    let e = match spec.target {
        Target::Host { level, name, conv } => {
            if v6only_on_v4(sock, spec) {
                return Ok(put_u32(out, 0));
            }
            if is_dont_fragment(spec) && !sock.state().opts.dont_fragment_set {
                return Ok(put_u32(out, u32::from(dont_fragment_default(sock))));
            }
            let mut host = [0u8; sockopt::HOST_VALUE_MAX];
            let size = sockopt::host_value_size(conv).min(host.len());
            let n = host_get(sock, level, name, &mut host[..size])?;
            return sockopt::host_to_win_value(conv, &host[..n], out);
        }
        Target::Emulated(e) => e,
    };
    let b = u32::from;
    let v: u32 = match e {
        Emulated::RcvTimeo => sock.rcv_timeout.load(Ordering::Relaxed),
        Emulated::SndTimeo => sock.snd_timeout.load(Ordering::Relaxed),
        Emulated::ReuseAddr => b(sock.state().reuse_addr),
        Emulated::ExclusiveAddrUse => b(sock.state().exclusive_addr_use),
        Emulated::SndBuf => match sock.state().opts.sndbuf {
            Some(v) => v,
            None => host_get_int(sock, libc::SOL_SOCKET, libc::SO_SNDBUF)? as u32,
        },
        Emulated::RcvBuf => match sock.state().opts.rcvbuf {
            Some(v) => v,
            None => host_get_int(sock, libc::SOL_SOCKET, libc::SO_RCVBUF)? as u32,
        },
        Emulated::Error => socket_error(sock),
        Emulated::DontLinger => b(sockopt::dont_linger_from_host(host_linger(sock)?)),
        Emulated::Debug => b(sock.state().debug),
        Emulated::DontRoute => b(sock.state().opts.dont_route),
        Emulated::ConnectTime => {
            super::socket::refresh_connecting(sock);
            let st = sock.state();
            match (st.conn, st.connected_at) {
                (ConnState::Connected, Some(t)) => t.elapsed().as_secs().min(u64::from(u32::MAX - 1)) as u32,
                _ => u32::MAX,
            }
        }
        Emulated::ProtocolInfoA => {
            let info = protocol_info_a(sock);
            // SAFETY: a plain-data #[repr(C)] struct viewed as its bytes.
            let bytes = unsafe { as_bytes(&info) };
            out[..bytes.len()].copy_from_slice(bytes);
            return Ok(bytes.len());
        }
        Emulated::ProtocolInfoW => {
            let info = protocol_info_w(sock);
            // SAFETY: a plain-data #[repr(C)] struct viewed as its bytes.
            let bytes = unsafe { as_bytes(&info) };
            out[..bytes.len()].copy_from_slice(bytes);
            return Ok(bytes.len());
        }
        Emulated::MaxMsgSize => max_msg_size(sock),
        Emulated::OpenType => OPEN_TYPE.with(|c| c.get()),
        Emulated::GroupId => 0,
        Emulated::GroupPriority => sock.state().opts.group_priority,
        Emulated::ConditionalAccept => b(sock.state().conditional_accept),
        Emulated::RandomizePort => b(sock.state().opts.randomize_port),
        Emulated::PortScalability => b(sock.state().opts.port_scalability),
        Emulated::ReuseUnicastPort => b(sock.state().opts.reuse_unicast_port),
        Emulated::ReuseMulticastPort => b(sock.state().opts.reuse_multicast_port),
        Emulated::ReceiveBroadcast => b(sock.state().opts.receive_broadcast),
        Emulated::ProtectionLevel => sock.state().opts.protection_level,
        Emulated::Expedited => b(sock.state().opts.expedited),
        Emulated::UdpNoChecksum => b(sock.state().opts.udp_no_checksum),
        // Set-only or handled by the caller.
        Emulated::UpdateAcceptContext | Emulated::UpdateConnectContext | Emulated::BspState => {
            return Err(WsaError(WSAENOPROTOOPT));
        }
    };
    Ok(put_u32(out, v))
}

/// `SO_ERROR`: a real pending error first (a failed non-blocking connect the engine already
/// read from the kernel, then the kernel's own), else what the application set. Reading it
/// does not clear a failed connect's error: Windows answers it again (Wine's `test_select`
/// reads it twice); the next connect attempt clears it.
fn socket_error(sock: &Socket) -> u32 {
    super::socket::refresh_connecting(sock);
    let recorded = sock.state().connect_errno;
    let errno = if recorded != 0 { recorded } else { super::socket::pending_error(sock) };
    if errno != 0 {
        return translate::error::errno_to_wsa(errno).0 as u32;
    }
    sock.state().opts.error
}

/// `SO_MAX_MSG_SIZE`: the largest UDP payload (65535 minus the IPv4 and UDP headers; IPv6's
/// payload length excludes its own header) — the two values Wine's
/// `test_extendedSocketOptions` accepts from Windows; streams have no message boundary.
fn max_msg_size(sock: &Socket) -> u32 {
    match (sock.socktype, sock.family) {
        (SOCK_STREAM, _) => u32::MAX,
        (_, AF_INET6) => 65527,
        _ => 65507,
    }
}

/// Applies a Windows `setsockopt` value.
fn set_value(sock: &Socket, spec: &OptionSpec, win: &[u8]) -> Result<(), WsaError> {
    let e = match spec.target {
        Target::Host { level, name, conv } => {
            if v6only_on_v4(sock, spec) {
                return Ok(());
            }
            let host = sockopt::win_to_host_value(conv, win)?;
            host_set(sock, level, name, host.as_bytes())?;
            if is_dont_fragment(spec) {
                sock.state().opts.dont_fragment_set = true;
            }
            return Ok(());
        }
        Target::Emulated(e) => e,
    };
    let v = sockopt::win_int_value(spec.value, win)?;
    let on = v != 0;
    match e {
        Emulated::RcvTimeo => sock.rcv_timeout.store(v, Ordering::Relaxed),
        Emulated::SndTimeo => sock.snd_timeout.store(v, Ordering::Relaxed),
        Emulated::ReuseAddr => {
            let mut st = sock.state();
            if on && st.exclusive_addr_use {
                return Err(WsaError(WSAEINVAL));
            }
            // Datagram sockets share ports through the host; stream sockets follow the
            // engine's bind rules.
            if sock.socktype != SOCK_STREAM {
                host_set_int(sock, libc::SOL_SOCKET, libc::SO_REUSEADDR, i32::from(on))?;
            }
            st.reuse_addr = on;
        }
        Emulated::ExclusiveAddrUse => {
            let mut st = sock.state();
            if on && st.reuse_addr {
                return Err(WsaError(WSAEINVAL));
            }
            st.exclusive_addr_use = on;
        }
        Emulated::SndBuf => {
            host_set_int(sock, libc::SOL_SOCKET, libc::SO_SNDBUF, v.min(i32::MAX as u32 / 2) as i32)?;
            sock.state().opts.sndbuf = Some(v);
        }
        Emulated::RcvBuf => {
            let host = v.clamp(65536, i32::MAX as u32 / 2) as i32;
            host_set_int(sock, libc::SOL_SOCKET, libc::SO_RCVBUF, host)?;
            sock.state().opts.rcvbuf = Some(v);
        }
        Emulated::Error => sock.state().opts.error = v,
        Emulated::DontLinger => {
            let l = sockopt::dont_linger_to_host(on, host_linger(sock)?);
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&l.l_onoff.to_ne_bytes());
            b[4..].copy_from_slice(&l.l_linger.to_ne_bytes());
            host_set(sock, libc::SOL_SOCKET, libc::SO_LINGER, &b)?;
        }
        Emulated::Debug => sock.state().debug = on,
        Emulated::DontRoute => sock.state().opts.dont_route = on,
        Emulated::GroupPriority => sock.state().opts.group_priority = v,
        Emulated::ConditionalAccept => sock.state().conditional_accept = on,
        Emulated::RandomizePort => sock.state().opts.randomize_port = on,
        Emulated::PortScalability => sock.state().opts.port_scalability = on,
        Emulated::ReuseUnicastPort => sock.state().opts.reuse_unicast_port = on,
        Emulated::ReuseMulticastPort => sock.state().opts.reuse_multicast_port = on,
        Emulated::ReceiveBroadcast => sock.state().opts.receive_broadcast = on,
        Emulated::ProtectionLevel => sock.state().opts.protection_level = v,
        Emulated::Expedited => sock.state().opts.expedited = on,
        Emulated::UdpNoChecksum => sock.state().opts.udp_no_checksum = on,
        // Accepted and ignored: our sockets carry their state already (as Wine does).
        Emulated::UpdateAcceptContext | Emulated::UpdateConnectContext => {}
        Emulated::OpenType => OPEN_TYPE.with(|c| c.set(v)),
        Emulated::ConnectTime
        | Emulated::ProtocolInfoA
        | Emulated::ProtocolInfoW
        | Emulated::MaxMsgSize
        | Emulated::GroupId
        | Emulated::BspState => return Err(WsaError(WSAENOPROTOOPT)),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// SO_BSP_STATE
// ---------------------------------------------------------------------------------------------

/// `SO_BSP_STATE`: a `CSADDR_INFO` whose address pointers lead into the caller's buffer,
/// right after the structure. Needs room for both addresses of the family, else
/// `WSAEFAULT` (Wine's test: 40 + 2 × 16 bytes for IPv4, one byte less fails).
fn bsp_state(sock: &Socket, out: &mut [u8]) -> Result<usize, WsaError> {
    use translate::sockaddr::{self, HostSockAddr};
    const HDR: usize = std::mem::size_of::<translate::CSADDR_INFO>();
    let addr_len = sockaddr::win_len_for_family(sock.family as u16).ok_or(WsaError(translate::WSAEAFNOSUPPORT))?;
    if out.len() < HDR + 2 * addr_len {
        return Err(WsaError(WSAEFAULT));
    }
    let name = |peer: bool| -> Option<HostSockAddr> {
        let mut a = HostSockAddr::new();
        let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `a` is a sockaddr_storage-sized buffer and `len` its size.
        let r = unsafe {
            if peer {
                libc::getpeername(sock.fd(), a.as_mut_ptr(), &mut len)
            } else {
                libc::getsockname(sock.fd(), a.as_mut_ptr(), &mut len)
            }
        };
        if r != 0 {
            return None;
        }
        a.set_len(len);
        Some(a)
    };
    let bound = sock.state().bound;
    let local = if bound { name(false) } else { None };
    let remote = name(true);
    let base = out.as_mut_ptr() as usize;
    let mut info = translate::CSADDR_INFO {
        LocalAddr: translate::SOCKET_ADDRESS { lpSockaddr: std::ptr::null_mut(), iSockaddrLength: 0 },
        RemoteAddr: translate::SOCKET_ADDRESS { lpSockaddr: std::ptr::null_mut(), iSockaddrLength: 0 },
        iSocketType: sock.socktype,
        iProtocol: sock.protocol,
    };
    for (i, addr) in [local, remote].into_iter().enumerate() {
        let Some(addr) = addr else { continue };
        let off = HDR + i * addr_len;
        let n = sockaddr::host_to_win(&addr, &mut out[off..off + addr_len])?;
        let slot = translate::SOCKET_ADDRESS {
            lpSockaddr: (base + off) as *mut translate::SOCKADDR,
            iSockaddrLength: n as i32,
        };
        if i == 0 {
            info.LocalAddr = slot;
        } else {
            info.RemoteAddr = slot;
        }
    }
    // SAFETY: a plain-data #[repr(C)] struct viewed as its bytes.
    out[..HDR].copy_from_slice(unsafe { as_bytes(&info) });
    Ok(HDR + 2 * addr_len)
}

// ---------------------------------------------------------------------------------------------
// SO_PROTOCOL_INFO
// ---------------------------------------------------------------------------------------------

/// Views a plain-data value as bytes.
///
/// # Safety
/// `T` must be a `#[repr(C)]` type without padding-dependent invariants (any bytes readable).
unsafe fn as_bytes<T>(v: &T) -> &[u8] {
    // SAFETY: `v` is a live `T`; the caller vouches that its bytes may be read.
    unsafe { std::slice::from_raw_parts((v as *const T).cast(), std::mem::size_of::<T>()) }
}

/// Provider GUIDs of Windows' MSAFD Tcpip providers.
const PROVIDER_V4: GUID = GUID::from_u128(0xE70F1AA0_AB8B_11CF_8CA3_00805F48A192);
const PROVIDER_V6: GUID = GUID::from_u128(0xF9EAB0C0_26D4_11D0_BBBF_00AA006C34E4);

/// The socket's catalogue entry as Windows reports it for `SO_PROTOCOL_INFOW` (the entry's
/// own `iProtocol`: 0 for raw sockets, as Windows answers in Wine's `test_WSASocket`).
///
/// TODO(protocols): replace with `catalog::protocol_info(catalog::entry_for(..))` once the
/// catalogue work that adds them is committed.
fn protocol_info_w(sock: &Socket) -> WSAPROTOCOL_INFOW {
    let mut info = WSAPROTOCOL_INFOW {
        iAddressFamily: sock.family,
        iSocketType: sock.socktype,
        iProtocol: sock.protocol,
        iVersion: 2,
        iNetworkByteOrder: BIGENDIAN,
        ..WSAPROTOCOL_INFOW::default()
    };
    info.ProtocolChain.ChainLen = BASE_PROTOCOL;
    let addr_len = translate::sockaddr::win_len_for_family(sock.family as u16).unwrap_or(16) as i32;
    (info.iMaxSockAddr, info.iMinSockAddr) = (addr_len, addr_len);
    info.ProviderId = if sock.family == AF_INET6 { PROVIDER_V6 } else { PROVIDER_V4 };
    let dgram = XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT;
    (info.dwServiceFlags1, info.dwMessageSize) = match sock.socktype {
        SOCK_STREAM => (XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA, 0),
        SOCK_DGRAM => (dgram, 0xffbb),
        _ => (dgram, 0x8000),
    };
    info.dwServiceFlags1 |= XP1_IFS_HANDLES;
    let entry = catalog::ENTRIES.iter().find(|e| {
        e.family == sock.family
            && e.socktype == sock.socktype
            && (e.protocol..e.protocol + e.protocol_count).contains(&sock.protocol)
    });
    if let Some(e) = entry {
        info.dwCatalogEntryId = e.catalog_id;
        info.iProtocol = e.protocol;
        info.iProtocolMaxOffset = e.protocol_count - 1;
        info.dwProviderFlags =
            (PFL_MATCHES_PROTOCOL_ZERO * u32::from(e.matches_zero)) | (PFL_HIDDEN * u32::from(e.hidden));
        for (d, c) in info.szProtocol.iter_mut().zip(e.name.encode_utf16()) {
            *d = c;
        }
    }
    info
}

/// `SO_PROTOCOL_INFOA`: the same fields, the name in ASCII.
fn protocol_info_a(sock: &Socket) -> WSAPROTOCOL_INFOA {
    let w = protocol_info_w(sock);
    let mut a = WSAPROTOCOL_INFOA::default();
    let head = std::mem::offset_of!(WSAPROTOCOL_INFOW, szProtocol);
    // SAFETY: both structs share the layout of their first `head` bytes (only the name's
    // element type differs, asserted by translate's layout checks); both are plain data.
    unsafe {
        std::ptr::copy_nonoverlapping(
            (&w as *const WSAPROTOCOL_INFOW).cast::<u8>(),
            (&mut a as *mut WSAPROTOCOL_INFOA).cast::<u8>(),
            head,
        )
    };
    for (d, &c) in a.szProtocol.iter_mut().zip(w.szProtocol.iter()) {
        *d = if c < 0x80 { c as libc::c_char } else { b'?' as libc::c_char };
    }
    a
}
