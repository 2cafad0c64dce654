//! Windows `SOCKADDR*` ↔ host `sockaddr*`, with the Windows length rules.
//!
//! Windows and POSIX agree on the *shape* of IPv4 and IPv6 addresses (port and address bytes in
//! network order at the same offsets) but not on the family numbers (`AF_INET6` is 23 on
//! Windows, 10 on Linux, 30 on macOS, 28 on FreeBSD), nor on the header (BSD hosts start with a
//! `sa_len` byte), nor on the length rules. So conversion is done field by field, reading the
//! Windows side as bytes at the offsets the Windows SDK fixes: the caller builds the slice from
//! the user's pointer and `namelen`, and no Windows structure is ever read past `namelen`.
//!
//! Length rules follow Windows (Wine's `test_bind`, `test_getsockname`, `test_accept` record
//! them): a name shorter than the family's structure is `WSAEFAULT` — including the 24-byte
//! pre-RFC 2553 `sockaddr_in6_old`, which `bind` rejects — an unknown family is
//! `WSAEAFNOSUPPORT`, and an output buffer shorter than the structure to be written is
//! `WSAEFAULT` with nothing written. `AF_UNIX` names may be shorter than `SOCKADDR_UN`: the path
//! ends at the first NUL or at `namelen`, like on both systems.
//!
//! Family, socket type and protocol numbers are translated here too ([`af_to_host`],
//! [`socktype_to_host`], [`proto_to_host`]).

use core::mem::size_of;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use crate::abi::{SOCKADDR_IN, SOCKADDR_IN6, SOCKADDR_STORAGE, SOCKADDR_UN};
use crate::consts::{
    AF_INET, AF_INET6, AF_UNIX, AF_UNSPEC, WSAEAFNOSUPPORT, WSAEFAULT, WSAEPROTONOSUPPORT, WSAESOCKTNOSUPPORT,
};
use crate::error::WsaError;

/// Size of the Windows `SOCKADDR_IN` (16 bytes).
pub const WIN_SOCKADDR_IN_LEN: usize = 16;
/// Size of the Windows `SOCKADDR_IN6` (28 bytes; the 24-byte `sockaddr_in6_old` is refused).
pub const WIN_SOCKADDR_IN6_LEN: usize = 28;
/// Size of the Windows `SOCKADDR_UN` (2-byte family + 108-byte path).
pub const WIN_SOCKADDR_UN_LEN: usize = 110;
/// Size of the Windows `SOCKADDR_STORAGE` (128 bytes).
pub const WIN_SOCKADDR_STORAGE_LEN: usize = 128;
/// Length of `sun_path`, the same on Windows (`UNIX_PATH_MAX`) and Linux.
pub const UNIX_PATH_LEN: usize = 108;

const _: () = {
    assert!(size_of::<SOCKADDR_IN>() == WIN_SOCKADDR_IN_LEN);
    assert!(size_of::<SOCKADDR_IN6>() == WIN_SOCKADDR_IN6_LEN);
    assert!(size_of::<SOCKADDR_UN>() == WIN_SOCKADDR_UN_LEN);
    assert!(size_of::<SOCKADDR_STORAGE>() == WIN_SOCKADDR_STORAGE_LEN);
};

fn err(code: i32) -> WsaError {
    WsaError(code)
}

// ---------------------------------------------------------------------------------------------
// Host address holder
// ---------------------------------------------------------------------------------------------

/// A host socket address: a `sockaddr_storage` and the length that is meaningful in it.
///
/// This is what the engine hands to `bind`/`connect`/`sendto` and receives from
/// `accept`/`getsockname`/`recvfrom`.
#[derive(Clone, Copy)]
pub struct HostSockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl core::fmt::Debug for HostSockAddr {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match SocketAddr::try_from(self) {
            Ok(sa) => write!(f, "HostSockAddr({sa})"),
            Err(_) => f.debug_struct("HostSockAddr").field("family", &self.family()).field("len", &self.len).finish(),
        }
    }
}

impl PartialEq for HostSockAddr {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}
impl Eq for HostSockAddr {}

impl HostSockAddr {
    /// An empty address (family `AF_UNSPEC`, length 0), to be filled through
    /// [`as_mut_ptr`](Self::as_mut_ptr) and [`set_len`](Self::set_len).
    pub fn new() -> Self {
        // SAFETY: sockaddr_storage is plain old data; all-zero is a valid (AF_UNSPEC) value.
        let storage = unsafe { core::mem::zeroed::<libc::sockaddr_storage>() };
        HostSockAddr { storage, len: 0 }
    }

    /// Wraps a host address returned by the kernel. `len` is clamped to the storage size.
    pub fn from_raw(storage: libc::sockaddr_storage, len: libc::socklen_t) -> Self {
        let len = len.min(size_of::<libc::sockaddr_storage>() as libc::socklen_t);
        HostSockAddr { storage, len }
    }

    /// Pointer for `bind`/`connect`/`sendto`.
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    /// Pointer for `accept`/`getsockname`/`recvfrom` to write into; the capacity is
    /// [`capacity`](Self::capacity), and the kernel's answer goes to [`set_len`](Self::set_len).
    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }

    /// Size of the underlying storage (what to pass as the in/out length to the kernel).
    pub const fn capacity() -> libc::socklen_t {
        size_of::<libc::sockaddr_storage>() as libc::socklen_t
    }

    /// Records the length the kernel wrote (clamped to the storage size).
    pub fn set_len(&mut self, len: libc::socklen_t) {
        self.len = len.min(Self::capacity());
    }

    /// Meaningful length in bytes.
    pub fn len(&self) -> libc::socklen_t {
        self.len
    }

    /// True when no address was stored (length 0).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Host address family (`libc::AF_*`).
    pub fn family(&self) -> i32 {
        i32::from(self.storage.ss_family)
    }

    /// The meaningful bytes (`len` of them).
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `storage` is a plain-old-data struct of `capacity()` bytes and `len` never
        // exceeds that; the slice borrows `self`.
        let all = unsafe {
            core::slice::from_raw_parts(
                (&self.storage as *const libc::sockaddr_storage).cast::<u8>(),
                size_of::<libc::sockaddr_storage>(),
            )
        };
        &all[..self.len as usize]
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_bytes`; every byte pattern is a valid sockaddr_storage.
        unsafe {
            core::slice::from_raw_parts_mut(
                (&mut self.storage as *mut libc::sockaddr_storage).cast::<u8>(),
                size_of::<libc::sockaddr_storage>(),
            )
        }
    }

    /// Builds a host `AF_INET` address.
    pub fn from_v4(addr: &SocketAddrV4) -> Self {
        let mut h = HostSockAddr::new();
        // SAFETY: sockaddr_in is plain old data; all-zero is valid.
        let mut sin = unsafe { core::mem::zeroed::<libc::sockaddr_in>() };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = addr.port().to_be();
        sin.sin_addr.s_addr = u32::from_ne_bytes(addr.ip().octets());
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            sin.sin_len = size_of::<libc::sockaddr_in>() as u8;
        }
        h.put(&sin);
        h
    }

    /// Builds a host `AF_INET6` address (flow info and scope id kept).
    pub fn from_v6(addr: &SocketAddrV6) -> Self {
        let mut h = HostSockAddr::new();
        // SAFETY: sockaddr_in6 is plain old data; all-zero is valid.
        let mut sin6 = unsafe { core::mem::zeroed::<libc::sockaddr_in6>() };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_port = addr.port().to_be();
        sin6.sin6_flowinfo = addr.flowinfo().to_be();
        sin6.sin6_addr.s6_addr = addr.ip().octets();
        sin6.sin6_scope_id = addr.scope_id();
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            sin6.sin6_len = size_of::<libc::sockaddr_in6>() as u8;
        }
        h.put(&sin6);
        h
    }

    /// Builds a host `AF_UNIX` address from path bytes (at most 108; a NUL is appended when
    /// there is room, as the kernel reports it).
    pub fn from_unix_path(path: &[u8]) -> Option<Self> {
        if path.len() > UNIX_PATH_LEN {
            return None;
        }
        let mut h = HostSockAddr::new();
        let path_off = core::mem::offset_of!(libc::sockaddr_un, sun_path);
        let b = h.bytes_mut();
        b[path_off..path_off + path.len()].copy_from_slice(path);
        let mut len = path_off + path.len();
        if path.len() < UNIX_PATH_LEN && !path.is_empty() {
            len += 1; // the NUL (storage is zeroed)
        }
        h.storage.ss_family = libc::AF_UNIX as libc::sa_family_t;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            h.storage.ss_len = len as u8;
        }
        h.len = len as libc::socklen_t;
        Some(h)
    }

    fn put<T: Copy>(&mut self, v: &T) {
        const { assert!(size_of::<T>() <= size_of::<libc::sockaddr_storage>()) };
        // SAFETY: T fits in the storage (checked above), the storage is suitably aligned for
        // any sockaddr type, and T is a plain-old-data sockaddr struct.
        unsafe { core::ptr::write((&mut self.storage as *mut libc::sockaddr_storage).cast::<T>(), *v) };
        self.len = size_of::<T>() as libc::socklen_t;
    }

    fn get<T: Copy>(&self) -> Option<T> {
        const { assert!(size_of::<T>() <= size_of::<libc::sockaddr_storage>()) };
        if (self.len as usize) < size_of::<T>() {
            return None;
        }
        // SAFETY: T fits in the storage, the storage is aligned for any sockaddr type, and
        // every bit pattern is a valid plain-old-data sockaddr.
        Some(unsafe { core::ptr::read((&self.storage as *const libc::sockaddr_storage).cast::<T>()) })
    }

    /// The `AF_UNIX` path bytes (up to the first NUL), if this is a Unix address.
    pub fn unix_path(&self) -> Option<&[u8]> {
        if self.family() != libc::AF_UNIX {
            return None;
        }
        let off = core::mem::offset_of!(libc::sockaddr_un, sun_path);
        let bytes = self.as_bytes();
        if bytes.len() < off {
            return Some(&[]);
        }
        let path = &bytes[off..];
        // Linux abstract names start with a NUL: keep them whole.
        if path.first() == Some(&0) {
            return Some(path);
        }
        let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
        Some(&path[..end])
    }
}

impl Default for HostSockAddr {
    fn default() -> Self {
        Self::new()
    }
}

impl From<SocketAddr> for HostSockAddr {
    fn from(sa: SocketAddr) -> Self {
        match sa {
            SocketAddr::V4(a) => HostSockAddr::from_v4(&a),
            SocketAddr::V6(a) => HostSockAddr::from_v6(&a),
        }
    }
}

impl From<SocketAddrV4> for HostSockAddr {
    fn from(sa: SocketAddrV4) -> Self {
        HostSockAddr::from_v4(&sa)
    }
}

impl From<SocketAddrV6> for HostSockAddr {
    fn from(sa: SocketAddrV6) -> Self {
        HostSockAddr::from_v6(&sa)
    }
}

impl TryFrom<&HostSockAddr> for SocketAddr {
    type Error = WsaError;
    /// Fails with `WSAEAFNOSUPPORT` for non-IP families and `WSAEFAULT` when truncated.
    fn try_from(h: &HostSockAddr) -> Result<Self, WsaError> {
        match h.family() {
            libc::AF_INET => {
                let sin: libc::sockaddr_in = h.get().ok_or(err(WSAEFAULT))?;
                Ok(SocketAddr::V4(SocketAddrV4::new(
                    Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes()),
                    u16::from_be(sin.sin_port),
                )))
            }
            libc::AF_INET6 => {
                let s6: libc::sockaddr_in6 = h.get().ok_or(err(WSAEFAULT))?;
                Ok(SocketAddr::V6(SocketAddrV6::new(
                    Ipv6Addr::from(s6.sin6_addr.s6_addr),
                    u16::from_be(s6.sin6_port),
                    u32::from_be(s6.sin6_flowinfo),
                    s6.sin6_scope_id,
                )))
            }
            _ => Err(err(WSAEAFNOSUPPORT)),
        }
    }
}

impl TryFrom<HostSockAddr> for SocketAddr {
    type Error = WsaError;
    fn try_from(h: HostSockAddr) -> Result<Self, WsaError> {
        SocketAddr::try_from(&h)
    }
}

// ---------------------------------------------------------------------------------------------
// Windows byte layouts (offsets fixed by the Windows SDK; both sides little-endian hosts)
// ---------------------------------------------------------------------------------------------

fn rd_u16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn rd_u32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Length of the Windows structure for a Windows family, or `None` for families this crate
/// does not convert. `AF_UNIX` answers the full `SOCKADDR_UN` size (names may be shorter).
pub fn win_len_for_family(family: u16) -> Option<usize> {
    match i32::from(family) {
        f if f == AF_INET => Some(WIN_SOCKADDR_IN_LEN),
        f if f == AF_INET6 => Some(WIN_SOCKADDR_IN6_LEN),
        f if f == AF_UNIX => Some(WIN_SOCKADDR_UN_LEN),
        _ => None,
    }
}

/// Reads the Windows family of a name (`WSAEFAULT` when shorter than the 2-byte family).
pub fn win_family(win: &[u8]) -> Result<u16, WsaError> {
    if win.len() < 2 {
        return Err(err(WSAEFAULT));
    }
    Ok(rd_u16(win, 0))
}

/// Converts a Windows `SOCKADDR` (the caller's `name`, `namelen` bytes) to a host address.
///
/// Errors: fewer than 2 bytes → `WSAEFAULT`; unknown family (including `AF_UNSPEC`) →
/// `WSAEAFNOSUPPORT`; fewer bytes than the family's structure (16 for `AF_INET`, 28 for
/// `AF_INET6`) → `WSAEFAULT`. Bytes past the structure are ignored, as Windows does when
/// `namelen` is larger (e.g. `sizeof(SOCKADDR_STORAGE)`).
pub fn win_to_host(win: &[u8]) -> Result<HostSockAddr, WsaError> {
    let family = i32::from(win_family(win)?);
    if family == AF_INET {
        if win.len() < WIN_SOCKADDR_IN_LEN {
            return Err(err(WSAEFAULT));
        }
        let port = u16::from_be_bytes([win[2], win[3]]);
        let ip = Ipv4Addr::new(win[4], win[5], win[6], win[7]);
        Ok(HostSockAddr::from_v4(&SocketAddrV4::new(ip, port)))
    } else if family == AF_INET6 {
        if win.len() < WIN_SOCKADDR_IN6_LEN {
            return Err(err(WSAEFAULT));
        }
        let port = u16::from_be_bytes([win[2], win[3]]);
        let flow = u32::from_be_bytes([win[4], win[5], win[6], win[7]]);
        let mut octets = [0u8; 16];
        octets.copy_from_slice(&win[8..24]);
        let scope = rd_u32(win, 24);
        Ok(HostSockAddr::from_v6(&SocketAddrV6::new(Ipv6Addr::from(octets), port, flow, scope)))
    } else if family == AF_UNIX {
        let path = &win[2..win.len().min(WIN_SOCKADDR_UN_LEN)];
        let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
        HostSockAddr::from_unix_path(&path[..end]).ok_or(err(WSAEFAULT))
    } else {
        Err(err(WSAEAFNOSUPPORT))
    }
}

/// Writes the Windows form of a host address into `out` and returns its length.
///
/// `out` shorter than the Windows structure → `WSAEFAULT` and nothing written (Windows
/// `getsockname`/`getpeername`/`accept` behave so). A host family with no Windows form →
/// `WSAEAFNOSUPPORT`. An `AF_UNIX` name is written as family + path + NUL (when it fits in
/// 108 bytes); an unnamed socket is the 2-byte family alone.
pub fn host_to_win(host: &HostSockAddr, out: &mut [u8]) -> Result<usize, WsaError> {
    let mut buf = [0u8; WIN_SOCKADDR_STORAGE_LEN];
    let n = encode_win(host, &mut buf)?;
    if out.len() < n {
        return Err(err(WSAEFAULT));
    }
    out[..n].copy_from_slice(&buf[..n]);
    Ok(n)
}

/// Windows length [`host_to_win`] would write for `host`, or `WSAEAFNOSUPPORT`.
pub fn win_len_of(host: &HostSockAddr) -> Result<usize, WsaError> {
    let mut buf = [0u8; WIN_SOCKADDR_STORAGE_LEN];
    encode_win(host, &mut buf)
}

/// The Windows form of a host address in a `SOCKADDR_STORAGE`, with its length (0 and a
/// zeroed storage for families with no Windows form).
pub fn host_to_win_storage(host: &HostSockAddr) -> (SOCKADDR_STORAGE, usize) {
    let mut buf = [0u8; WIN_SOCKADDR_STORAGE_LEN];
    let n = encode_win(host, &mut buf).unwrap_or(0);
    if n == 0 {
        buf = [0u8; WIN_SOCKADDR_STORAGE_LEN];
    }
    // SAFETY: SOCKADDR_STORAGE is a 128-byte repr(C) plain-old-data struct (asserted above);
    // any byte pattern is a valid value, and read_unaligned copes with the byte array's
    // alignment.
    let storage = unsafe { core::ptr::read_unaligned(buf.as_ptr().cast::<SOCKADDR_STORAGE>()) };
    (storage, n)
}

fn encode_win(host: &HostSockAddr, out: &mut [u8; WIN_SOCKADDR_STORAGE_LEN]) -> Result<usize, WsaError> {
    match host.family() {
        libc::AF_INET | libc::AF_INET6 => {
            let sa = SocketAddr::try_from(host)?;
            Ok(encode_socket_addr(&sa, out))
        }
        libc::AF_UNIX => {
            let path = host.unix_path().unwrap_or(&[]);
            out[..2].copy_from_slice(&(AF_UNIX as u16).to_le_bytes());
            let n = path.len().min(UNIX_PATH_LEN);
            out[2..2 + n].copy_from_slice(&path[..n]);
            let mut len = 2 + n;
            if n > 0 && n < UNIX_PATH_LEN && path[0] != 0 {
                out[len] = 0;
                len += 1;
            }
            Ok(len)
        }
        _ => Err(err(WSAEAFNOSUPPORT)),
    }
}

fn encode_socket_addr(sa: &SocketAddr, out: &mut [u8]) -> usize {
    match sa {
        SocketAddr::V4(a) => {
            out[..WIN_SOCKADDR_IN_LEN].fill(0);
            out[..2].copy_from_slice(&(AF_INET as u16).to_le_bytes());
            out[2..4].copy_from_slice(&a.port().to_be_bytes());
            out[4..8].copy_from_slice(&a.ip().octets());
            WIN_SOCKADDR_IN_LEN
        }
        SocketAddr::V6(a) => {
            out[..2].copy_from_slice(&(AF_INET6 as u16).to_le_bytes());
            out[2..4].copy_from_slice(&a.port().to_be_bytes());
            out[4..8].copy_from_slice(&a.flowinfo().to_be_bytes());
            out[8..24].copy_from_slice(&a.ip().octets());
            out[24..28].copy_from_slice(&a.scope_id().to_le_bytes());
            WIN_SOCKADDR_IN6_LEN
        }
    }
}

/// Writes a `SocketAddr` in Windows form (`SOCKADDR_IN` or `SOCKADDR_IN6`) into `out`;
/// `WSAEFAULT` when `out` is too short. Returns the length written.
pub fn socket_addr_to_win(sa: &SocketAddr, out: &mut [u8]) -> Result<usize, WsaError> {
    let need = match sa {
        SocketAddr::V4(_) => WIN_SOCKADDR_IN_LEN,
        SocketAddr::V6(_) => WIN_SOCKADDR_IN6_LEN,
    };
    if out.len() < need {
        return Err(err(WSAEFAULT));
    }
    Ok(encode_socket_addr(sa, out))
}

/// Reads a Windows `SOCKADDR_IN`/`SOCKADDR_IN6` as a `SocketAddr` (same errors as
/// [`win_to_host`]; `AF_UNIX` → `WSAEAFNOSUPPORT`).
pub fn win_to_socket_addr(win: &[u8]) -> Result<SocketAddr, WsaError> {
    let fam = i32::from(win_family(win)?);
    if fam != AF_INET && fam != AF_INET6 {
        return Err(err(WSAEAFNOSUPPORT));
    }
    SocketAddr::try_from(&win_to_host(win)?)
}

fn pod_bytes<T>(v: &T) -> &[u8] {
    // SAFETY: only used on the repr(C) Windows sockaddr types, which have no padding and are
    // plain old data; the slice borrows `v`.
    unsafe { core::slice::from_raw_parts((v as *const T).cast::<u8>(), size_of::<T>()) }
}

fn pod_from_bytes<T>(b: &[u8]) -> T {
    assert!(b.len() >= size_of::<T>());
    // SAFETY: `b` holds at least size_of::<T>() bytes; T is a repr(C) plain-old-data Windows
    // sockaddr type for which every byte pattern is valid; read_unaligned copes with alignment.
    unsafe { core::ptr::read_unaligned(b.as_ptr().cast::<T>()) }
}

impl From<SocketAddrV4> for SOCKADDR_IN {
    fn from(a: SocketAddrV4) -> Self {
        let mut b = [0u8; WIN_SOCKADDR_IN_LEN];
        encode_socket_addr(&SocketAddr::V4(a), &mut b);
        pod_from_bytes(&b)
    }
}

impl From<&SOCKADDR_IN> for SocketAddrV4 {
    /// The family field is not checked.
    fn from(w: &SOCKADDR_IN) -> Self {
        let b = pod_bytes(w);
        SocketAddrV4::new(Ipv4Addr::new(b[4], b[5], b[6], b[7]), u16::from_be_bytes([b[2], b[3]]))
    }
}

impl From<SocketAddrV6> for SOCKADDR_IN6 {
    fn from(a: SocketAddrV6) -> Self {
        let mut b = [0u8; WIN_SOCKADDR_IN6_LEN];
        encode_socket_addr(&SocketAddr::V6(a), &mut b);
        pod_from_bytes(&b)
    }
}

impl From<&SOCKADDR_IN6> for SocketAddrV6 {
    /// The family field is not checked.
    fn from(w: &SOCKADDR_IN6) -> Self {
        let b = pod_bytes(w);
        let mut octets = [0u8; 16];
        octets.copy_from_slice(&b[8..24]);
        SocketAddrV6::new(
            Ipv6Addr::from(octets),
            u16::from_be_bytes([b[2], b[3]]),
            u32::from_be_bytes([b[4], b[5], b[6], b[7]]),
            rd_u32(b, 24),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Family, type, protocol numbers
// ---------------------------------------------------------------------------------------------

/// Windows address family → host `AF_*` (`WSAEAFNOSUPPORT` for families the host side does not
/// implement). `AF_UNSPEC` (0) maps to host `AF_UNSPEC` (used by `getaddrinfo` hints and
/// `socket(0, ...)` with a protocol info).
pub fn af_to_host(win: i32) -> Result<i32, WsaError> {
    match win {
        f if f == AF_UNSPEC => Ok(libc::AF_UNSPEC),
        f if f == AF_INET => Ok(libc::AF_INET),
        f if f == AF_INET6 => Ok(libc::AF_INET6),
        f if f == AF_UNIX => Ok(libc::AF_UNIX),
        _ => Err(err(WSAEAFNOSUPPORT)),
    }
}

/// Host `AF_*` → Windows family, `None` when Windows has no equivalent here.
pub fn af_from_host(host: i32) -> Option<i32> {
    match host {
        libc::AF_UNSPEC => Some(AF_UNSPEC),
        libc::AF_INET => Some(AF_INET),
        libc::AF_INET6 => Some(AF_INET6),
        libc::AF_UNIX => Some(AF_UNIX),
        _ => None,
    }
}

/// Windows socket types, which equal the POSIX numbers (`SOCK_STREAM` 1 … `SOCK_SEQPACKET` 5).
const WIN_SOCK_STREAM: i32 = 1;
const WIN_SOCK_DGRAM: i32 = 2;
const WIN_SOCK_RAW: i32 = 3;
const WIN_SOCK_RDM: i32 = 4;
const WIN_SOCK_SEQPACKET: i32 = 5;

/// Windows `SOCK_*` → host `SOCK_*`. Windows' TCP/IP provider offers only STREAM, DGRAM and
/// RAW; RDM and SEQPACKET (and anything else, including host-only flag bits such as
/// `SOCK_NONBLOCK`) → `WSAESOCKTNOSUPPORT`, as Wine's `init_socket` answers.
pub fn socktype_to_host(win: i32) -> Result<i32, WsaError> {
    match win {
        WIN_SOCK_STREAM => Ok(libc::SOCK_STREAM),
        WIN_SOCK_DGRAM => Ok(libc::SOCK_DGRAM),
        WIN_SOCK_RAW => Ok(libc::SOCK_RAW),
        _ => Err(err(WSAESOCKTNOSUPPORT)),
    }
}

/// Host `SOCK_*` (flag bits ignored) → Windows `SOCK_*`; `None` when unknown.
pub fn socktype_from_host(host: i32) -> Option<i32> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let host = host & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    match host {
        libc::SOCK_STREAM => Some(WIN_SOCK_STREAM),
        libc::SOCK_DGRAM => Some(WIN_SOCK_DGRAM),
        libc::SOCK_RAW => Some(WIN_SOCK_RAW),
        libc::SOCK_RDM => Some(WIN_SOCK_RDM),
        libc::SOCK_SEQPACKET => Some(WIN_SOCK_SEQPACKET),
        _ => None,
    }
}

/// Windows `IPPROTO_*` → host protocol number.
///
/// The IANA numbers are shared, so this is the identity for `IPPROTO_IP` (0), ICMP (1),
/// IGMP (2), TCP (6), UDP (17), IPV6 (41), ICMPV6 (58) and RAW (255); Windows `IPPROTO_IPV4`
/// (4) is the host's `IPPROTO_IPIP` (also 4). Negative values or values above 255 (Windows
/// `IPPROTO_RESERVED_*` and provider-private numbers) → `WSAEPROTONOSUPPORT`.
pub fn proto_to_host(win: i32) -> Result<i32, WsaError> {
    if (0..=255).contains(&win) { Ok(win) } else { Err(err(WSAEPROTONOSUPPORT)) }
}

/// Host protocol number → Windows (identity for 0..=255, see [`proto_to_host`]).
pub fn proto_from_host(host: i32) -> Option<i32> {
    (0..=255).contains(&host).then_some(host)
}
