//! Scalar aliases of the Windows SDK under LLP64, and the few small structures every other
//! module builds on (`GUID`, `OVERLAPPED`, `BLOB`).
//!
//! LLP64 is the trap: `long` (`LONG`, `ULONG`, `DWORD`, `u_long`) stays 32-bit on Win64 while
//! pointers and `SOCKET` are 64-bit, so the aliases spell out fixed widths rather than
//! borrowing the host's C types (`CHAR` is the exception: it is `c_char`, signed on x86_64 as
//! on Windows, and whatever native C code passes elsewhere).

use core::ffi::{c_char, c_void};

use super::{assert_layout, opaque_debug, zeroed_default};

/// `BYTE`: unsigned 8-bit.
pub type BYTE = u8;
/// `CHAR`: the C `char` of narrow (ANSI) strings.
pub type CHAR = c_char;
/// `WCHAR`: a UTF-16 code unit (16-bit on Windows, unlike Linux `wchar_t`).
pub type WCHAR = u16;
/// `WORD`: unsigned 16-bit.
pub type WORD = u16;
/// `DWORD`: unsigned 32-bit.
pub type DWORD = u32;
/// `BOOL`: a 32-bit int, nonzero for true.
pub type BOOL = i32;
/// `INT`: 32-bit `int`.
pub type INT = i32;
/// `UINT`: 32-bit `unsigned int`.
pub type UINT = u32;
/// `SHORT`: 16-bit `short`.
pub type SHORT = i16;
/// `USHORT`: 16-bit `unsigned short`.
pub type USHORT = u16;
/// `LONG`: 32-bit `long` (LLP64).
pub type LONG = i32;
/// `ULONG`: 32-bit `unsigned long` (LLP64).
pub type ULONG = u32;
/// `LARGE_INTEGER` (a union of a 64-bit integer and its two halves in the SDK): the 64-bit
/// view, which has the same size and alignment.
pub type LARGE_INTEGER = i64;
/// `u_char`: BSD-style unsigned char.
pub type u_char = u8;
/// `u_short`: BSD-style unsigned short.
pub type u_short = u16;
/// `u_int`: BSD-style unsigned int.
pub type u_int = u32;
/// `u_long`: BSD-style unsigned long — 32-bit on Windows x64.
pub type u_long = u32;
/// `ULONG_PTR`: pointer-sized unsigned integer.
pub type ULONG_PTR = usize;
/// `DWORD_PTR`: pointer-sized unsigned integer.
pub type DWORD_PTR = usize;
/// `UINT_PTR`: pointer-sized unsigned integer.
pub type UINT_PTR = usize;
/// `INT_PTR`: pointer-sized signed integer.
pub type INT_PTR = isize;
/// `SIZE_T`: pointer-sized unsigned integer.
pub type SIZE_T = usize;
/// `HANDLE`: an opaque kernel object handle.
pub type HANDLE = *mut c_void;
/// `WSAEVENT`: an event object `HANDLE`.
pub type WSAEVENT = HANDLE;
/// `HWND`: an opaque window handle.
pub type HWND = *mut c_void;
/// `LPARAM`: pointer-sized signed message parameter.
pub type LPARAM = isize;
/// `WPARAM`: pointer-sized unsigned message parameter.
pub type WPARAM = usize;
/// `SOCKET`: a socket handle (`UINT_PTR`), not a file descriptor.
pub type SOCKET = usize;
/// `GROUP`: a socket group id (`unsigned int`).
pub type GROUP = u32;
/// `ADDRESS_FAMILY`: the `AF_*` value at the start of every `SOCKADDR*`.
pub type ADDRESS_FAMILY = u16;
/// `socklen_t`: an `int` on Windows (signed, 32-bit).
pub type socklen_t = i32;
/// `SERVICETYPE`: a QoS service type (`ULONG`).
pub type SERVICETYPE = u32;
/// `WSAECOMPARATOR`: a C enum (`COMP_EQUAL` = 0, `COMP_NOTLESS` = 1).
pub type WSAECOMPARATOR = i32;
/// `WSACOMPLETIONTYPE`: a C enum (`NSP_NOTIFY_IMMEDIATELY` = 0 … `NSP_NOTIFY_APC` = 4).
pub type WSACOMPLETIONTYPE = i32;
/// `MULTICAST_MODE_TYPE`: a C enum (`MCAST_INCLUDE` = 0, `MCAST_EXCLUDE` = 1).
pub type MULTICAST_MODE_TYPE = i32;
/// `FARPROC`: an untyped code pointer. Callbacks stored in structures keep this type: whether
/// they use the win64 or the native C convention depends on which face supplied them.
pub type FARPROC = *mut c_void;

/// `INVALID_SOCKET`: `(SOCKET)(~0)`.
pub const INVALID_SOCKET: SOCKET = !0;
/// `SOCKET_ERROR`: the `-1` most Winsock functions return on failure.
pub const SOCKET_ERROR: i32 = -1;

/// `GUID`: a 128-bit identifier (extension functions, providers, service classes).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GUID {
    /// First 32 bits.
    pub Data1: u32,
    /// Next 16 bits.
    pub Data2: u16,
    /// Next 16 bits.
    pub Data3: u16,
    /// Last 64 bits, as bytes.
    pub Data4: [u8; 8],
}
assert_layout!(GUID, size = 16, align = 4, Data1 = 0, Data2 = 4, Data3 = 6, Data4 = 8);

impl GUID {
    /// The GUID written `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` as one 128-bit number.
    pub const fn from_u128(v: u128) -> Self {
        let d4 = (v as u64).to_be_bytes();
        Self { Data1: (v >> 96) as u32, Data2: (v >> 80) as u16, Data3: (v >> 64) as u16, Data4: d4 }
    }
}

/// `OVERLAPPED` (= `WSAOVERLAPPED`): the state of one asynchronous operation.
///
/// `Internal` holds the NTSTATUS (`STATUS_PENDING` while in flight) and `InternalHigh` the
/// byte count; programs read them through `HasOverlappedIoCompleted` and
/// `WSAGetOverlappedResult`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct OVERLAPPED {
    /// Status code of the operation (an NTSTATUS).
    pub Internal: ULONG_PTR,
    /// Bytes transferred.
    pub InternalHigh: ULONG_PTR,
    /// File offset, or a pointer (anonymous union in the SDK).
    pub Anonymous: OVERLAPPED_0,
    /// Event signalled on completion, or null.
    pub hEvent: HANDLE,
}
/// The anonymous union of [`OVERLAPPED`].
#[repr(C)]
#[derive(Clone, Copy)]
pub union OVERLAPPED_0 {
    /// The file offset as two halves.
    pub Anonymous: OVERLAPPED_0_0,
    /// Reserved pointer view.
    pub Pointer: *mut c_void,
}
/// The offset halves of [`OVERLAPPED_0`].
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct OVERLAPPED_0_0 {
    /// Low 32 bits of the file offset.
    pub Offset: DWORD,
    /// High 32 bits of the file offset.
    pub OffsetHigh: DWORD,
}
/// `WSAOVERLAPPED`: the same structure as [`OVERLAPPED`].
pub type WSAOVERLAPPED = OVERLAPPED;
assert_layout!(
    OVERLAPPED,
    size = 32,
    align = 8,
    Internal = 0,
    InternalHigh = 8,
    Anonymous.Anonymous.Offset = 16,
    Anonymous.Anonymous.OffsetHigh = 20,
    Anonymous.Pointer = 16,
    hEvent = 24
);

impl OVERLAPPED {
    /// The 64-bit file offset stored in `Offset`/`OffsetHigh`.
    pub fn offset(&self) -> u64 {
        // SAFETY: both views of the union are plain data of which every bit pattern is valid;
        // reading the two 32-bit halves is always defined.
        let o = unsafe { self.Anonymous.Anonymous };
        u64::from(o.OffsetHigh) << 32 | u64::from(o.Offset)
    }
}

/// `OVERLAPPED_ENTRY`: one packet returned by `GetQueuedCompletionStatusEx`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct OVERLAPPED_ENTRY {
    /// The completion key the handle was associated with.
    pub lpCompletionKey: ULONG_PTR,
    /// The operation's `OVERLAPPED`.
    pub lpOverlapped: *mut OVERLAPPED,
    /// Status (an NTSTATUS).
    pub Internal: ULONG_PTR,
    /// Bytes transferred.
    pub dwNumberOfBytesTransferred: DWORD,
}
assert_layout!(
    OVERLAPPED_ENTRY,
    size = 32,
    align = 8,
    lpCompletionKey = 0,
    lpOverlapped = 8,
    Internal = 16,
    dwNumberOfBytesTransferred = 24
);

/// `BLOB`: a counted byte buffer (name-service queries).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct BLOB {
    /// Length of `pBlobData` in bytes.
    pub cbSize: ULONG,
    /// The bytes.
    pub pBlobData: *mut BYTE,
}
assert_layout!(BLOB, size = 16, align = 8, cbSize = 0, pBlobData = 8);

opaque_debug!(OVERLAPPED_0);
zeroed_default!(OVERLAPPED, OVERLAPPED_0, OVERLAPPED_ENTRY, BLOB);
