//! Structures of the socket calls themselves: start-up (`WSADATA`), `select` (`fd_set`,
//! `timeval`), scatter/gather and message I/O (`WSABUF`, `WSAMSG`, control headers), event
//! and poll records, QoS, and the `TransmitFile`/`TransmitPackets` descriptors.
//!
//! Several of these differ from their POSIX namesakes in ways that silently corrupt memory if
//! confused: Windows' `fd_set` is a count plus an array of `SOCKET`s (not a bitmap),
//! `timeval` has two 32-bit fields, and `WSABUF` puts the length *before* the pointer.

use core::ffi::c_void;
use core::fmt;

use crate::consts::{FD_MAX_EVENTS, FD_SETSIZE, WSADESCRIPTION_LEN, WSASYS_STATUS_LEN};

use super::{
    CHAR, DWORD, FARPROC, HANDLE, HWND, INT, LARGE_INTEGER, OVERLAPPED, SERVICETYPE, SIZE_T, SOCKADDR, SOCKET, UINT,
    ULONG, ULONG_PTR, WORD, WPARAM, WSACOMPLETIONTYPE, assert_layout, opaque_debug, u_int, u_long, u_short,
    zeroed_default,
};

/// `WSADATA`: what `WSAStartup` reports, in the Win64 field order (the limits and vendor
/// pointer come *before* the strings; 408 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSADATA {
    /// Version the caller should use.
    pub wVersion: WORD,
    /// Highest version supported.
    pub wHighVersion: WORD,
    /// Obsolete (Winsock 1 socket limit).
    pub iMaxSockets: u_short,
    /// Obsolete (Winsock 1 datagram limit).
    pub iMaxUdpDg: u_short,
    /// Obsolete vendor pointer.
    pub lpVendorInfo: *mut CHAR,
    /// NUL-terminated description.
    pub szDescription: [CHAR; WSADESCRIPTION_LEN + 1],
    /// NUL-terminated status text.
    pub szSystemStatus: [CHAR; WSASYS_STATUS_LEN + 1],
}
assert_layout!(
    WSADATA,
    size = 408,
    align = 8,
    wVersion = 0,
    wHighVersion = 2,
    iMaxSockets = 4,
    iMaxUdpDg = 6,
    lpVendorInfo = 8,
    szDescription = 16,
    szSystemStatus = 273
);

/// `fd_set` with a capacity of `N` sockets: `fd_count` used entries of `fd_array`.
///
/// C programs choose the capacity by defining `FD_SETSIZE` before including `<winsock2.h>`,
/// and `select` is told only `fd_count`, so the engine reads whatever `N` the caller compiled
/// with; this generic type lets Rust code do the same.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct FD_SET_N<const N: usize> {
    /// Number of sockets in `fd_array`.
    pub fd_count: u_int,
    /// The sockets (only the first `fd_count` are meaningful).
    pub fd_array: [SOCKET; N],
}
/// `FD_SET` (`fd_set`): the default 64-socket set.
pub type FD_SET = FD_SET_N<FD_SETSIZE>;
/// `fd_set`: the C spelling of [`FD_SET`].
pub type fd_set = FD_SET;
assert_layout!(FD_SET, size = 520, align = 8, fd_count = 0, fd_array = 8);
assert_layout!(FD_SET_N<1>, size = 16, align = 8, fd_count = 0, fd_array = 8);

impl<const N: usize> FD_SET_N<N> {
    /// The sockets in use (`fd_count` clamped to the capacity).
    pub fn sockets(&self) -> &[SOCKET] {
        &self.fd_array[..(self.fd_count as usize).min(N)]
    }
}
impl<const N: usize> Default for FD_SET_N<N> {
    fn default() -> Self {
        Self { fd_count: 0, fd_array: [0; N] }
    }
}
impl<const N: usize> fmt::Debug for FD_SET_N<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FD_SET").field("fd_count", &self.fd_count).field("fd_array", &self.sockets()).finish()
    }
}

/// `TIMEVAL` (`struct timeval`): two 32-bit `long`s on Windows, unlike the host's.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TIMEVAL {
    /// Seconds.
    pub tv_sec: i32,
    /// Microseconds.
    pub tv_usec: i32,
}
assert_layout!(TIMEVAL, size = 8, align = 4, tv_sec = 0, tv_usec = 4);

/// `LINGER` (`struct linger`): `SO_LINGER`'s value, two 16-bit fields on Windows.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LINGER {
    /// Nonzero to linger.
    pub l_onoff: u_short,
    /// Linger time in seconds.
    pub l_linger: u_short,
}
assert_layout!(LINGER, size = 4, align = 2, l_onoff = 0, l_linger = 2);

/// `WSABUF`: one scatter/gather buffer — length first, then the pointer (16 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSABUF {
    /// Length in bytes.
    pub len: u_long,
    /// The buffer.
    pub buf: *mut CHAR,
}
assert_layout!(WSABUF, size = 16, align = 8, len = 0, buf = 8);

/// `WSAMSG`: the message descriptor of `WSARecvMsg`/`WSASendMsg`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSAMSG {
    /// Peer address (optional).
    pub name: *mut SOCKADDR,
    /// Length of `name`.
    pub namelen: INT,
    /// Data buffers.
    pub lpBuffers: *mut WSABUF,
    /// Number of data buffers.
    pub dwBufferCount: DWORD,
    /// Control (ancillary) data buffer.
    pub Control: WSABUF,
    /// `MSG_*` flags.
    pub dwFlags: DWORD,
}
assert_layout!(
    WSAMSG,
    size = 56,
    align = 8,
    name = 0,
    namelen = 8,
    lpBuffers = 16,
    dwBufferCount = 24,
    Control = 32,
    dwFlags = 48
);

/// `WSACMSGHDR`: the header of one control message in `WSAMSG::Control`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct WSACMSGHDR {
    /// Length including this header.
    pub cmsg_len: SIZE_T,
    /// Originating protocol level.
    pub cmsg_level: INT,
    /// Protocol-specific type.
    pub cmsg_type: INT,
}
assert_layout!(WSACMSGHDR, size = 16, align = 8, cmsg_len = 0, cmsg_level = 8, cmsg_type = 12);

/// `WSANETWORKEVENTS`: what `WSAEnumNetworkEvents` reports.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct WSANETWORKEVENTS {
    /// `FD_*` bits that occurred.
    pub lNetworkEvents: i32,
    /// Error code per event, indexed by `FD_*_BIT`.
    pub iErrorCode: [INT; FD_MAX_EVENTS],
}
assert_layout!(WSANETWORKEVENTS, size = 44, align = 4, lNetworkEvents = 0, iErrorCode = 4);

/// `WSAPOLLFD` (`struct pollfd`): one entry of `WSAPoll`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WSAPOLLFD {
    /// The socket.
    pub fd: SOCKET,
    /// Requested `POLL*` events.
    pub events: i16,
    /// Returned `POLL*` events.
    pub revents: i16,
}
assert_layout!(WSAPOLLFD, size = 16, align = 8, fd = 0, events = 8, revents = 10);

/// `WSAPOLLDATA`: the in/out block of `SIO_...` poll requests; `fdArray` really has `fds`
/// entries.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct WSAPOLLDATA {
    /// Result.
    pub result: INT,
    /// Number of entries.
    pub fds: ULONG,
    /// Timeout in milliseconds.
    pub timeout: INT,
    /// The entries (variable length).
    pub fdArray: [WSAPOLLFD; 0],
}
assert_layout!(WSAPOLLDATA, size = 16, align = 8, result = 0, fds = 4, timeout = 8, fdArray = 16);

/// `FLOWSPEC`: one direction of a QoS specification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct FLOWSPEC {
    /// Bytes per second.
    pub TokenRate: ULONG,
    /// Bytes.
    pub TokenBucketSize: ULONG,
    /// Bytes per second.
    pub PeakBandwidth: ULONG,
    /// Microseconds.
    pub Latency: ULONG,
    /// Microseconds.
    pub DelayVariation: ULONG,
    /// `SERVICETYPE_*`.
    pub ServiceType: SERVICETYPE,
    /// Bytes.
    pub MaxSduSize: ULONG,
    /// Bytes.
    pub MinimumPolicedSize: ULONG,
}
assert_layout!(
    FLOWSPEC,
    size = 32,
    align = 4,
    TokenRate = 0,
    TokenBucketSize = 4,
    PeakBandwidth = 8,
    Latency = 12,
    DelayVariation = 16,
    ServiceType = 20,
    MaxSduSize = 24,
    MinimumPolicedSize = 28
);

/// `QOS`: quality of service for `WSAConnect`/`WSAAccept` conditions.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct QOS {
    /// Outgoing direction.
    pub SendingFlowspec: FLOWSPEC,
    /// Incoming direction.
    pub ReceivingFlowspec: FLOWSPEC,
    /// Provider-specific data.
    pub ProviderSpecific: WSABUF,
}
assert_layout!(QOS, size = 80, align = 8, SendingFlowspec = 0, ReceivingFlowspec = 32, ProviderSpecific = 64);

/// `WSACOMPLETION`: how `WSANSPIoctl` reports completion.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSACOMPLETION {
    /// `NSP_NOTIFY_*`: which member of `Parameters` applies.
    pub Type: WSACOMPLETIONTYPE,
    /// The notification target.
    pub Parameters: WSACOMPLETION_0,
}
/// The `Parameters` union of [`WSACOMPLETION`].
#[repr(C)]
#[derive(Clone, Copy)]
pub union WSACOMPLETION_0 {
    /// `NSP_NOTIFY_HWND`.
    pub WindowMessage: WSACOMPLETION_0_0,
    /// `NSP_NOTIFY_EVENT`.
    pub Event: WSACOMPLETION_0_1,
    /// `NSP_NOTIFY_APC`.
    pub Apc: WSACOMPLETION_0_2,
    /// `NSP_NOTIFY_PORT`.
    pub Port: WSACOMPLETION_0_3,
}
/// `WSACOMPLETION::Parameters.WindowMessage`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSACOMPLETION_0_0 {
    /// Window to post to.
    pub hWnd: HWND,
    /// Message number.
    pub uMsg: UINT,
    /// Message `wParam`.
    pub context: WPARAM,
}
/// `WSACOMPLETION::Parameters.Event`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSACOMPLETION_0_1 {
    /// Overlapped whose event is signalled.
    pub lpOverlapped: *mut OVERLAPPED,
}
/// `WSACOMPLETION::Parameters.Apc`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSACOMPLETION_0_2 {
    /// Overlapped passed to the routine.
    pub lpOverlapped: *mut OVERLAPPED,
    /// The completion routine (`LPWSAOVERLAPPED_COMPLETION_ROUTINE`).
    pub lpfnCompletionProc: FARPROC,
}
/// `WSACOMPLETION::Parameters.Port`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSACOMPLETION_0_3 {
    /// Overlapped of the packet.
    pub lpOverlapped: *mut OVERLAPPED,
    /// Completion port.
    pub hPort: HANDLE,
    /// Completion key.
    pub Key: ULONG_PTR,
}
assert_layout!(
    WSACOMPLETION,
    size = 32,
    align = 8,
    Type = 0,
    Parameters.WindowMessage.hWnd = 8,
    Parameters.WindowMessage.uMsg = 16,
    Parameters.WindowMessage.context = 24,
    Parameters.Event.lpOverlapped = 8,
    Parameters.Apc.lpOverlapped = 8,
    Parameters.Apc.lpfnCompletionProc = 16,
    Parameters.Port.lpOverlapped = 8,
    Parameters.Port.hPort = 16,
    Parameters.Port.Key = 24
);

/// `TRANSMIT_FILE_BUFFERS`: data sent before and after the file by `TransmitFile`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TRANSMIT_FILE_BUFFERS {
    /// Data sent first.
    pub Head: *mut c_void,
    /// Its length.
    pub HeadLength: DWORD,
    /// Data sent last.
    pub Tail: *mut c_void,
    /// Its length.
    pub TailLength: DWORD,
}
assert_layout!(TRANSMIT_FILE_BUFFERS, size = 32, align = 8, Head = 0, HeadLength = 8, Tail = 16, TailLength = 24);

/// `TRANSMIT_PACKETS_ELEMENT`: one element of `TransmitPackets` — a memory buffer or a file
/// range, chosen by `TP_ELEMENT_*` in `dwElFlags`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TRANSMIT_PACKETS_ELEMENT {
    /// `TP_ELEMENT_MEMORY`, `TP_ELEMENT_FILE`, `TP_ELEMENT_EOP`.
    pub dwElFlags: ULONG,
    /// Bytes to send (0 with a file: to its end).
    pub cLength: ULONG,
    /// Buffer or file range (anonymous union in the SDK).
    pub Anonymous: TRANSMIT_PACKETS_ELEMENT_0,
}
/// The anonymous union of [`TRANSMIT_PACKETS_ELEMENT`].
#[repr(C)]
#[derive(Clone, Copy)]
pub union TRANSMIT_PACKETS_ELEMENT_0 {
    /// File range (`TP_ELEMENT_FILE`).
    pub Anonymous: TRANSMIT_PACKETS_ELEMENT_0_0,
    /// Memory buffer (`TP_ELEMENT_MEMORY`).
    pub pBuffer: *mut c_void,
}
/// The file range of [`TRANSMIT_PACKETS_ELEMENT_0`].
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TRANSMIT_PACKETS_ELEMENT_0_0 {
    /// Offset in the file (-1: the current position).
    pub nFileOffset: LARGE_INTEGER,
    /// The file.
    pub hFile: HANDLE,
}
assert_layout!(
    TRANSMIT_PACKETS_ELEMENT,
    size = 24,
    align = 8,
    dwElFlags = 0,
    cLength = 4,
    Anonymous.Anonymous.nFileOffset = 8,
    Anonymous.Anonymous.hFile = 16,
    Anonymous.pBuffer = 8
);

/// `WSASENDMSG`: the argument block of `SIO_EXT_SENDMSG`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSASENDMSG {
    /// The message.
    pub lpMsg: *mut WSAMSG,
    /// `MSG_*` flags.
    pub dwFlags: DWORD,
    /// Receives the byte count.
    pub lpNumberOfBytesSent: *mut DWORD,
    /// Overlapped, or null.
    pub lpOverlapped: *mut OVERLAPPED,
    /// Completion routine (`LPWSAOVERLAPPED_COMPLETION_ROUTINE`), or null.
    pub lpCompletionRoutine: FARPROC,
}
assert_layout!(
    WSASENDMSG,
    size = 40,
    align = 8,
    lpMsg = 0,
    dwFlags = 8,
    lpNumberOfBytesSent = 16,
    lpOverlapped = 24,
    lpCompletionRoutine = 32
);

opaque_debug!(WSACOMPLETION_0, TRANSMIT_PACKETS_ELEMENT_0);
zeroed_default!(
    WSADATA,
    WSABUF,
    WSAMSG,
    QOS,
    WSACOMPLETION,
    WSACOMPLETION_0,
    WSACOMPLETION_0_0,
    WSACOMPLETION_0_1,
    WSACOMPLETION_0_2,
    WSACOMPLETION_0_3,
    TRANSMIT_FILE_BUFFERS,
    TRANSMIT_PACKETS_ELEMENT,
    TRANSMIT_PACKETS_ELEMENT_0,
    TRANSMIT_PACKETS_ELEMENT_0_0,
    WSASENDMSG,
);
