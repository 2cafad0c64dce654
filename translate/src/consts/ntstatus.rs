//! NTSTATUS values that appear in `OVERLAPPED.Internal` (the `IO_STATUS_BLOCK.Status` of an
//! overlapped socket operation), each with the Win32 code `RtlNtStatusToDosError` gives it.
//!
//! Applications see these raw: `HasOverlappedIoCompleted` compares `Internal` with
//! [`STATUS_PENDING`], and some programs read the final status directly. `GetOverlappedResult`
//! and `GetQueuedCompletionStatus` report the Win32 code, `WSAGetOverlappedResult` the
//! Winsock code (see [`crate::error`]).
//!
//! **Type.** mingw-w64's `ntstatus.h` defines every value as `((NTSTATUS)0x…)`, and
//! `NTSTATUS` is `LONG`, a signed 32-bit integer, so the error codes (`0xC…`) are negative.
//! [`NTSTATUS`] is therefore `i32`: that is what the Windows type is, and what the oracle's
//! sign-sensitive comparison requires. `OVERLAPPED.Internal` is a `ULONG_PTR`; store a status
//! there sign-extended (`status as isize as usize`) as Windows does, and read it back with a
//! truncating `as i32`.
//!
//! **Win32 column.** The `ERROR_*` code next to each status is the answer of
//! `RtlNtStatusToDosError` (Wine's `dlls/ntdll/error.c` tables, which Wine tests against
//! Windows). `ERROR_MR_MID_NOT_FOUND` marks a status that has no Win32 equivalent.

use super::errors::*;

/// The Windows `NTSTATUS` type: a signed 32-bit `LONG`.
pub type NTSTATUS = i32;

/// Declares `pub const NAME: NTSTATUS` for every row, documented by its description, and a
/// `const fn` lookup `status → (name, description, Win32 error)`.
macro_rules! ntstatus_table {
    ($( $name:ident = $value:literal, $win32:ident, $desc:literal; )*) => {
        $( #[doc = $desc] pub const $name: NTSTATUS = $value as u32 as i32; )*

        /// The name, description and `RtlNtStatusToDosError` Win32 code of a known status.
        pub(crate) const fn ntstatus_info(status: NTSTATUS) -> Option<(&'static str, &'static str, i32)> {
            match status {
                $( $name => Some((stringify!($name), $desc, $win32)), )*
                _ => None,
            }
        }

        /// Every NTSTATUS this crate names, as `(name, value)`, in numeric order per severity.
        pub const NTSTATUS_VALUES: &[(&str, NTSTATUS)] = &[$( (stringify!($name), $name) ),*];
    };
}

ntstatus_table! {
    STATUS_SUCCESS = 0x00000000, ERROR_SUCCESS, "`STATUS_SUCCESS`: The operation completed successfully.";
    STATUS_ABANDONED_WAIT_0 = 0x00000080, ERROR_MR_MID_NOT_FOUND, "`STATUS_ABANDONED_WAIT_0`: A wait was satisfied by an abandoned mutant.";
    STATUS_USER_APC = 0x000000C0, ERROR_MR_MID_NOT_FOUND, "`STATUS_USER_APC`: An alertable wait was ended by a user APC.";
    STATUS_KERNEL_APC = 0x00000100, ERROR_MR_MID_NOT_FOUND, "`STATUS_KERNEL_APC`: A kernel APC was delivered during a wait.";
    STATUS_ALERTED = 0x00000101, ERROR_MR_MID_NOT_FOUND, "`STATUS_ALERTED`: The wait was ended by an alert.";
    STATUS_TIMEOUT = 0x00000102, ERROR_TIMEOUT, "`STATUS_TIMEOUT`: A wait timed out (success code, not an I/O timeout).";
    STATUS_PENDING = 0x00000103, ERROR_IO_PENDING, "`STATUS_PENDING`: The operation has not completed yet; `OVERLAPPED.Internal` reads this while I/O is in flight.";
    STATUS_MORE_ENTRIES = 0x00000105, ERROR_MORE_DATA, "`STATUS_MORE_ENTRIES`: More entries are available.";
    STATUS_DATATYPE_MISALIGNMENT = 0x80000002, ERROR_NOACCESS, "`STATUS_DATATYPE_MISALIGNMENT`: A datatype misalignment was detected.";
    STATUS_BUFFER_OVERFLOW = 0x80000005, ERROR_MORE_DATA, "`STATUS_BUFFER_OVERFLOW`: The data was too large for the buffer; it was truncated (datagram larger than the buffer).";
    STATUS_HANDLES_CLOSED = 0x8000000A, ERROR_MR_MID_NOT_FOUND, "`STATUS_HANDLES_CLOSED`: The object's handles were closed while I/O was outstanding.";
    STATUS_PARTIAL_COPY = 0x8000000D, ERROR_PARTIAL_COPY, "`STATUS_PARTIAL_COPY`: Only part of a read or write request was completed.";
    STATUS_DEVICE_BUSY = 0x80000011, ERROR_BUSY, "`STATUS_DEVICE_BUSY`: The device is busy.";
    STATUS_NO_MORE_ENTRIES = 0x8000001A, ERROR_NO_MORE_ITEMS, "`STATUS_NO_MORE_ENTRIES`: No more entries are available.";
    STATUS_NO_DATA_DETECTED = 0x80000022, ERROR_NO_DATA_DETECTED, "`STATUS_NO_DATA_DETECTED`: No more data was detected.";
    STATUS_UNSUCCESSFUL = 0xC0000001, ERROR_GEN_FAILURE, "`STATUS_UNSUCCESSFUL`: The operation was unsuccessful (generic failure).";
    STATUS_NOT_IMPLEMENTED = 0xC0000002, ERROR_INVALID_FUNCTION, "`STATUS_NOT_IMPLEMENTED`: The requested operation is not implemented.";
    STATUS_ACCESS_VIOLATION = 0xC0000005, ERROR_NOACCESS, "`STATUS_ACCESS_VIOLATION`: Invalid access to memory (bad user pointer).";
    STATUS_PAGEFILE_QUOTA = 0xC0000007, ERROR_PAGEFILE_QUOTA, "`STATUS_PAGEFILE_QUOTA`: The pagefile quota was exceeded.";
    STATUS_INVALID_HANDLE = 0xC0000008, ERROR_INVALID_HANDLE, "`STATUS_INVALID_HANDLE`: An invalid handle was specified.";
    STATUS_INVALID_PARAMETER = 0xC000000D, ERROR_INVALID_PARAMETER, "`STATUS_INVALID_PARAMETER`: An invalid parameter was passed.";
    STATUS_NO_SUCH_DEVICE = 0xC000000E, ERROR_FILE_NOT_FOUND, "`STATUS_NO_SUCH_DEVICE`: The device does not exist.";
    STATUS_NO_SUCH_FILE = 0xC000000F, ERROR_FILE_NOT_FOUND, "`STATUS_NO_SUCH_FILE`: The file does not exist.";
    STATUS_INVALID_DEVICE_REQUEST = 0xC0000010, ERROR_INVALID_FUNCTION, "`STATUS_INVALID_DEVICE_REQUEST`: The request is not valid for this device.";
    STATUS_END_OF_FILE = 0xC0000011, ERROR_HANDLE_EOF, "`STATUS_END_OF_FILE`: The end of the file was reached.";
    STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016, ERROR_MORE_DATA, "`STATUS_MORE_PROCESSING_REQUIRED`: More processing is required to complete the request.";
    STATUS_NO_MEMORY = 0xC0000017, ERROR_NOT_ENOUGH_MEMORY, "`STATUS_NO_MEMORY`: Not enough virtual memory or paging file quota.";
    STATUS_CONFLICTING_ADDRESSES = 0xC0000018, ERROR_INVALID_ADDRESS, "`STATUS_CONFLICTING_ADDRESSES`: The address range conflicts with an existing one.";
    STATUS_ACCESS_DENIED = 0xC0000022, ERROR_ACCESS_DENIED, "`STATUS_ACCESS_DENIED`: Access was denied.";
    STATUS_BUFFER_TOO_SMALL = 0xC0000023, ERROR_INSUFFICIENT_BUFFER, "`STATUS_BUFFER_TOO_SMALL`: The buffer is too small to contain the entry.";
    STATUS_OBJECT_TYPE_MISMATCH = 0xC0000024, ERROR_INVALID_HANDLE, "`STATUS_OBJECT_TYPE_MISMATCH`: The handle refers to an object of the wrong type (not a socket).";
    STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034, ERROR_FILE_NOT_FOUND, "`STATUS_OBJECT_NAME_NOT_FOUND`: The object name was not found.";
    STATUS_PORT_DISCONNECTED = 0xC0000037, ERROR_INVALID_HANDLE, "`STATUS_PORT_DISCONNECTED`: The port was disconnected.";
    STATUS_OBJECT_PATH_NOT_FOUND = 0xC000003A, ERROR_PATH_NOT_FOUND, "`STATUS_OBJECT_PATH_NOT_FOUND`: The object path was not found.";
    STATUS_SHARING_VIOLATION = 0xC0000043, ERROR_SHARING_VIOLATION, "`STATUS_SHARING_VIOLATION`: A sharing violation occurred (address already in use).";
    STATUS_QUOTA_EXCEEDED = 0xC0000044, ERROR_NOT_ENOUGH_QUOTA, "`STATUS_QUOTA_EXCEEDED`: A quota was exceeded.";
    STATUS_INTEGER_OVERFLOW = 0xC0000095, ERROR_ARITHMETIC_OVERFLOW, "`STATUS_INTEGER_OVERFLOW`: An integer overflow occurred.";
    STATUS_TOO_MANY_PAGING_FILES = 0xC0000097, ERROR_NOT_ENOUGH_MEMORY, "`STATUS_TOO_MANY_PAGING_FILES`: Too many paging files.";
    STATUS_INSUFFICIENT_RESOURCES = 0xC000009A, ERROR_NO_SYSTEM_RESOURCES, "`STATUS_INSUFFICIENT_RESOURCES`: Insufficient system resources.";
    STATUS_WORKING_SET_QUOTA = 0xC00000A1, ERROR_WORKING_SET_QUOTA, "`STATUS_WORKING_SET_QUOTA`: The working set quota was exceeded.";
    STATUS_DEVICE_NOT_READY = 0xC00000A3, ERROR_NOT_READY, "`STATUS_DEVICE_NOT_READY`: The device is not ready (the operation would block).";
    STATUS_PIPE_DISCONNECTED = 0xC00000B0, ERROR_PIPE_NOT_CONNECTED, "`STATUS_PIPE_DISCONNECTED`: The other end is disconnected (I/O after shutdown).";
    STATUS_IO_TIMEOUT = 0xC00000B5, ERROR_SEM_TIMEOUT, "`STATUS_IO_TIMEOUT`: The I/O operation timed out.";
    STATUS_NOT_SUPPORTED = 0xC00000BB, ERROR_NOT_SUPPORTED, "`STATUS_NOT_SUPPORTED`: The request is not supported.";
    STATUS_REMOTE_NOT_LISTENING = 0xC00000BC, ERROR_REM_NOT_LIST, "`STATUS_REMOTE_NOT_LISTENING`: The remote computer is not listening.";
    STATUS_BAD_NETWORK_PATH = 0xC00000BE, ERROR_BAD_NETPATH, "`STATUS_BAD_NETWORK_PATH`: The network path cannot be located.";
    STATUS_NETWORK_BUSY = 0xC00000BF, ERROR_NETWORK_BUSY, "`STATUS_NETWORK_BUSY`: The network is busy.";
    STATUS_DEVICE_DOES_NOT_EXIST = 0xC00000C0, ERROR_DEV_NOT_EXIST, "`STATUS_DEVICE_DOES_NOT_EXIST`: The device does not exist.";
    STATUS_INVALID_NETWORK_RESPONSE = 0xC00000C3, ERROR_BAD_NET_RESP, "`STATUS_INVALID_NETWORK_RESPONSE`: The network responded incorrectly.";
    STATUS_UNEXPECTED_NETWORK_ERROR = 0xC00000C4, ERROR_UNEXP_NET_ERR, "`STATUS_UNEXPECTED_NETWORK_ERROR`: An unexpected network error occurred.";
    STATUS_NETWORK_NAME_DELETED = 0xC00000C9, ERROR_NETNAME_DELETED, "`STATUS_NETWORK_NAME_DELETED`: The network name was deleted.";
    STATUS_NETWORK_ACCESS_DENIED = 0xC00000CA, ERROR_NETWORK_ACCESS_DENIED, "`STATUS_NETWORK_ACCESS_DENIED`: Network access is denied.";
    STATUS_BAD_NETWORK_NAME = 0xC00000CC, ERROR_BAD_NET_NAME, "`STATUS_BAD_NETWORK_NAME`: The network name cannot be found.";
    STATUS_REQUEST_NOT_ACCEPTED = 0xC00000D0, ERROR_REQ_NOT_ACCEP, "`STATUS_REQUEST_NOT_ACCEPTED`: No more connections can be made to the remote computer.";
    STATUS_CANT_WAIT = 0xC00000D8, ERROR_MR_MID_NOT_FOUND, "`STATUS_CANT_WAIT`: The operation cannot be performed without waiting.";
    STATUS_INVALID_USER_BUFFER = 0xC00000E8, ERROR_INVALID_USER_BUFFER, "`STATUS_INVALID_USER_BUFFER`: The user buffer is invalid.";
    STATUS_NOT_A_DIRECTORY = 0xC0000103, ERROR_DIRECTORY, "`STATUS_NOT_A_DIRECTORY`: The file is not a directory.";
    STATUS_NAME_TOO_LONG = 0xC0000106, ERROR_FILENAME_EXCED_RANGE, "`STATUS_NAME_TOO_LONG`: A name exceeds the allowed length.";
    STATUS_CONNECTION_IN_USE = 0xC0000108, ERROR_DEVICE_IN_USE, "`STATUS_CONNECTION_IN_USE`: The connection is in use.";
    STATUS_TOO_MANY_OPENED_FILES = 0xC000011F, ERROR_TOO_MANY_OPEN_FILES, "`STATUS_TOO_MANY_OPENED_FILES`: Too many files (sockets) are open.";
    STATUS_CANCELLED = 0xC0000120, ERROR_OPERATION_ABORTED, "`STATUS_CANCELLED`: The I/O request was cancelled (CancelIo, or the socket was closed).";
    STATUS_FILE_CLOSED = 0xC0000128, ERROR_INVALID_HANDLE, "`STATUS_FILE_CLOSED`: The handle was closed.";
    STATUS_COMMITMENT_LIMIT = 0xC000012D, ERROR_COMMITMENT_LIMIT, "`STATUS_COMMITMENT_LIMIT`: The commitment limit was reached.";
    STATUS_LOCAL_DISCONNECT = 0xC000013B, ERROR_NETNAME_DELETED, "`STATUS_LOCAL_DISCONNECT`: The local side disconnected the circuit.";
    STATUS_REMOTE_DISCONNECT = 0xC000013C, ERROR_NETNAME_DELETED, "`STATUS_REMOTE_DISCONNECT`: The remote side disconnected the circuit.";
    STATUS_REMOTE_RESOURCES = 0xC000013D, ERROR_REM_NOT_LIST, "`STATUS_REMOTE_RESOURCES`: The remote side lacks resources.";
    STATUS_LINK_FAILED = 0xC000013E, ERROR_UNEXP_NET_ERR, "`STATUS_LINK_FAILED`: The network link failed.";
    STATUS_LINK_TIMEOUT = 0xC000013F, ERROR_UNEXP_NET_ERR, "`STATUS_LINK_TIMEOUT`: The network link timed out.";
    STATUS_INVALID_CONNECTION = 0xC0000140, ERROR_UNEXP_NET_ERR, "`STATUS_INVALID_CONNECTION`: The connection is not valid (not connected).";
    STATUS_INVALID_ADDRESS = 0xC0000141, ERROR_UNEXP_NET_ERR, "`STATUS_INVALID_ADDRESS`: The address is not valid.";
    STATUS_INVALID_DEVICE_STATE = 0xC0000184, ERROR_BAD_COMMAND, "`STATUS_INVALID_DEVICE_STATE`: The device is not in a valid state for this request.";
    STATUS_IO_DEVICE_ERROR = 0xC0000185, ERROR_IO_DEVICE, "`STATUS_IO_DEVICE_ERROR`: An I/O device error occurred.";
    STATUS_INVALID_BUFFER_SIZE = 0xC0000206, ERROR_INVALID_USER_BUFFER, "`STATUS_INVALID_BUFFER_SIZE`: The buffer size is invalid.";
    STATUS_INVALID_ADDRESS_COMPONENT = 0xC0000207, ERROR_INVALID_NETNAME, "`STATUS_INVALID_ADDRESS_COMPONENT`: A component of the address is invalid (address not available).";
    STATUS_TOO_MANY_ADDRESSES = 0xC0000209, ERROR_TOO_MANY_NAMES, "`STATUS_TOO_MANY_ADDRESSES`: Too many addresses.";
    STATUS_ADDRESS_ALREADY_EXISTS = 0xC000020A, ERROR_DUP_NAME, "`STATUS_ADDRESS_ALREADY_EXISTS`: The address already exists.";
    STATUS_ADDRESS_CLOSED = 0xC000020B, ERROR_NETNAME_DELETED, "`STATUS_ADDRESS_CLOSED`: The address handle was closed.";
    STATUS_CONNECTION_DISCONNECTED = 0xC000020C, ERROR_NETNAME_DELETED, "`STATUS_CONNECTION_DISCONNECTED`: The connection was disconnected.";
    STATUS_CONNECTION_RESET = 0xC000020D, ERROR_NETNAME_DELETED, "`STATUS_CONNECTION_RESET`: The connection was reset by the peer.";
    STATUS_TRANSACTION_ABORTED = 0xC000020F, ERROR_UNEXP_NET_ERR, "`STATUS_TRANSACTION_ABORTED`: The transport transaction was aborted.";
    STATUS_NOT_FOUND = 0xC0000225, ERROR_NOT_FOUND, "`STATUS_NOT_FOUND`: The object was not found.";
    STATUS_RETRY = 0xC000022D, ERROR_RETRY, "`STATUS_RETRY`: The operation should be retried.";
    STATUS_CONNECTION_REFUSED = 0xC0000236, ERROR_CONNECTION_REFUSED, "`STATUS_CONNECTION_REFUSED`: The remote system refused the connection.";
    STATUS_GRACEFUL_DISCONNECT = 0xC0000237, ERROR_GRACEFUL_DISCONNECT, "`STATUS_GRACEFUL_DISCONNECT`: The connection was gracefully closed.";
    STATUS_ADDRESS_ALREADY_ASSOCIATED = 0xC0000238, ERROR_ADDRESS_ALREADY_ASSOCIATED, "`STATUS_ADDRESS_ALREADY_ASSOCIATED`: The endpoint already has an address.";
    STATUS_ADDRESS_NOT_ASSOCIATED = 0xC0000239, ERROR_ADDRESS_NOT_ASSOCIATED, "`STATUS_ADDRESS_NOT_ASSOCIATED`: The endpoint has no address yet.";
    STATUS_CONNECTION_INVALID = 0xC000023A, ERROR_CONNECTION_INVALID, "`STATUS_CONNECTION_INVALID`: Operation on a nonexistent connection.";
    STATUS_CONNECTION_ACTIVE = 0xC000023B, ERROR_CONNECTION_ACTIVE, "`STATUS_CONNECTION_ACTIVE`: Operation on an already active connection.";
    STATUS_NETWORK_UNREACHABLE = 0xC000023C, ERROR_NETWORK_UNREACHABLE, "`STATUS_NETWORK_UNREACHABLE`: The network is unreachable.";
    STATUS_HOST_UNREACHABLE = 0xC000023D, ERROR_HOST_UNREACHABLE, "`STATUS_HOST_UNREACHABLE`: The host is unreachable.";
    STATUS_PROTOCOL_UNREACHABLE = 0xC000023E, ERROR_PROTOCOL_UNREACHABLE, "`STATUS_PROTOCOL_UNREACHABLE`: The protocol is unreachable at the destination.";
    STATUS_PORT_UNREACHABLE = 0xC000023F, ERROR_PORT_UNREACHABLE, "`STATUS_PORT_UNREACHABLE`: The destination port is unreachable.";
    STATUS_REQUEST_ABORTED = 0xC0000240, ERROR_REQUEST_ABORTED, "`STATUS_REQUEST_ABORTED`: The request was aborted.";
    STATUS_CONNECTION_ABORTED = 0xC0000241, ERROR_CONNECTION_ABORTED, "`STATUS_CONNECTION_ABORTED`: The connection was aborted by the local system.";
    STATUS_CONNECTION_COUNT_LIMIT = 0xC0000246, ERROR_CONNECTION_COUNT_LIMIT, "`STATUS_CONNECTION_COUNT_LIMIT`: The connection limit was reached.";
    STATUS_DATATYPE_MISALIGNMENT_ERROR = 0xC00002C5, ERROR_NOACCESS, "`STATUS_DATATYPE_MISALIGNMENT_ERROR`: A datatype misalignment error was detected.";
    STATUS_HOST_DOWN = 0xC0000350, ERROR_HOST_DOWN, "`STATUS_HOST_DOWN`: The remote host is down.";
}

/// `STATUS_WAIT_0`: the first object of a wait was signalled; alias of [`STATUS_SUCCESS`].
pub const STATUS_WAIT_0: NTSTATUS = STATUS_SUCCESS;

/// The name of a known NTSTATUS value (`"STATUS_CANCELLED"`), for logs and `Debug` output.
pub const fn ntstatus_name(status: NTSTATUS) -> Option<&'static str> {
    match ntstatus_info(status) {
        Some((name, _, _)) => Some(name),
        None => None,
    }
}

/// `NT_SUCCESS(status)`: success and informational values (severity 0 or 1).
pub const fn NT_SUCCESS(status: NTSTATUS) -> bool {
    status >= 0
}

/// `NT_ERROR(status)`: error values (severity 3, `0xC…`).
pub const fn NT_ERROR(status: NTSTATUS) -> bool {
    (status as u32) >> 30 == 3
}
