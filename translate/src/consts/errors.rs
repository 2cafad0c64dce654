//! Winsock error codes (`WSAE*`, `WSA_*`, `WSAHOST_NOT_FOUND`, …), the Win32 `ERROR_*` codes
//! the engine reports through `GetLastError`, and the resolver aliases (`EAI_*`,
//! `HOST_NOT_FOUND`, …) Windows defines on top of them.
//!
//! Values and C types follow the Windows SDK as mingw-w64 spells it (`winerror.h`,
//! `winsock2.h`, `ws2tcpip.h`): `WSA*` codes are plain `int`, `ERROR_*` codes are
//! `__MSABI_LONG(n)` — a 32-bit signed `long` on LLP64 — so both are `i32` here.
//!
//! Each list is a single `error_table!` invocation: it declares the constants *and* the
//! lookup that [`crate::error::WsaError`] uses to print names, so a constant cannot exist
//! without a name (or the other way round). A duplicated value in one list is an
//! unreachable match arm and fails the lint.

/// Declares `pub const NAME: i32 = value;` for every row, documented by its description,
/// plus a `const fn` lookup `value → (name, description)` and a slice of every row.
macro_rules! error_table {
    (
        $(#[$lm:meta])* fn $lookup:ident;
        $(#[$tm:meta])* const $table:ident;
        $( $name:ident = $value:expr, $desc:literal; )*
    ) => {
        $( #[doc = $desc] pub const $name: i32 = $value; )*

        $(#[$lm])*
        pub(crate) const fn $lookup(code: i32) -> Option<(&'static str, &'static str)> {
            match code {
                $( $name => Some((stringify!($name), $desc)), )*
                _ => None,
            }
        }

        $(#[$tm])*
        pub const $table: &[(&str, i32)] = &[$( (stringify!($name), $name) ),*];
    };
}

/// `WSABASEERR`: every `WSAE*` code is this plus the BSD errno number.
pub const WSABASEERR: i32 = 10000;

error_table! {
    /// The name and description of a Winsock (`WSA*`) error code.
    fn wsa_error_info;
    /// Every Winsock error code as `(name, value)`, in `winerror.h` order.
    const WSA_ERRORS;
    WSAEINTR = WSABASEERR + 4, "A blocking call was interrupted (WSACancelBlockingCall).";
    WSAEBADF = WSABASEERR + 9, "The file handle supplied is not valid.";
    WSAEACCES = WSABASEERR + 13, "Permission denied.";
    WSAEFAULT = WSABASEERR + 14, "Bad address: a pointer argument is invalid or a buffer too small.";
    WSAEINVAL = WSABASEERR + 22, "Invalid argument.";
    WSAEMFILE = WSABASEERR + 24, "Too many open sockets.";
    WSAEWOULDBLOCK = WSABASEERR + 35, "Resource temporarily unavailable: the operation would block.";
    WSAEINPROGRESS = WSABASEERR + 36, "A blocking operation is currently executing.";
    WSAEALREADY = WSABASEERR + 37, "An operation is already in progress on this non-blocking socket.";
    WSAENOTSOCK = WSABASEERR + 38, "The handle is not a socket.";
    WSAEDESTADDRREQ = WSABASEERR + 39, "A destination address is required.";
    WSAEMSGSIZE = WSABASEERR + 40, "The message is too long for the buffer or the protocol.";
    WSAEPROTOTYPE = WSABASEERR + 41, "Protocol wrong type for socket.";
    WSAENOPROTOOPT = WSABASEERR + 42, "Bad protocol option: unknown or unsupported option or level.";
    WSAEPROTONOSUPPORT = WSABASEERR + 43, "Protocol not supported.";
    WSAESOCKTNOSUPPORT = WSABASEERR + 44, "Socket type not supported.";
    WSAEOPNOTSUPP = WSABASEERR + 45, "Operation not supported on this socket.";
    WSAEPFNOSUPPORT = WSABASEERR + 46, "Protocol family not supported.";
    WSAEAFNOSUPPORT = WSABASEERR + 47, "Address family not supported by protocol family.";
    WSAEADDRINUSE = WSABASEERR + 48, "Address already in use.";
    WSAEADDRNOTAVAIL = WSABASEERR + 49, "Cannot assign requested address.";
    WSAENETDOWN = WSABASEERR + 50, "Network is down.";
    WSAENETUNREACH = WSABASEERR + 51, "Network is unreachable.";
    WSAENETRESET = WSABASEERR + 52, "Network dropped connection on reset.";
    WSAECONNABORTED = WSABASEERR + 53, "Software caused connection abort.";
    WSAECONNRESET = WSABASEERR + 54, "Connection reset by peer.";
    WSAENOBUFS = WSABASEERR + 55, "No buffer space available.";
    WSAEISCONN = WSABASEERR + 56, "Socket is already connected.";
    WSAENOTCONN = WSABASEERR + 57, "Socket is not connected.";
    WSAESHUTDOWN = WSABASEERR + 58, "Cannot send after socket shutdown.";
    WSAETOOMANYREFS = WSABASEERR + 59, "Too many references.";
    WSAETIMEDOUT = WSABASEERR + 60, "Connection timed out.";
    WSAECONNREFUSED = WSABASEERR + 61, "Connection refused.";
    WSAELOOP = WSABASEERR + 62, "Cannot translate name.";
    WSAENAMETOOLONG = WSABASEERR + 63, "Name too long.";
    WSAEHOSTDOWN = WSABASEERR + 64, "Host is down.";
    WSAEHOSTUNREACH = WSABASEERR + 65, "No route to host.";
    WSAENOTEMPTY = WSABASEERR + 66, "Directory not empty.";
    WSAEPROCLIM = WSABASEERR + 67, "Too many processes use Winsock.";
    WSAEUSERS = WSABASEERR + 68, "User quota exceeded.";
    WSAEDQUOT = WSABASEERR + 69, "Disk quota exceeded.";
    WSAESTALE = WSABASEERR + 70, "Stale file handle reference.";
    WSAEREMOTE = WSABASEERR + 71, "Item is remote.";
    WSASYSNOTREADY = WSABASEERR + 91, "Network subsystem is unavailable.";
    WSAVERNOTSUPPORTED = WSABASEERR + 92, "Winsock version out of range.";
    WSANOTINITIALISED = WSABASEERR + 93, "WSAStartup has not been called successfully.";
    WSAEDISCON = WSABASEERR + 101, "Graceful shutdown in progress.";
    WSAENOMORE = WSABASEERR + 102, "No more results.";
    WSAECANCELLED = WSABASEERR + 103, "Call has been cancelled.";
    WSAEINVALIDPROCTABLE = WSABASEERR + 104, "Procedure call table is invalid.";
    WSAEINVALIDPROVIDER = WSABASEERR + 105, "Service provider is invalid.";
    WSAEPROVIDERFAILEDINIT = WSABASEERR + 106, "Service provider failed to initialize.";
    WSASYSCALLFAILURE = WSABASEERR + 107, "System call failure.";
    WSASERVICE_NOT_FOUND = WSABASEERR + 108, "Service not found.";
    WSATYPE_NOT_FOUND = WSABASEERR + 109, "Class type not found.";
    WSA_E_NO_MORE = WSABASEERR + 110, "No more results.";
    WSA_E_CANCELLED = WSABASEERR + 111, "Call was cancelled.";
    WSAEREFUSED = WSABASEERR + 112, "Database query was refused.";
    WSAHOST_NOT_FOUND = WSABASEERR + 1001, "Host not found.";
    WSATRY_AGAIN = WSABASEERR + 1002, "Non-authoritative host not found; try again.";
    WSANO_RECOVERY = WSABASEERR + 1003, "A non-recoverable name server error occurred.";
    WSANO_DATA = WSABASEERR + 1004, "Valid name, no data record of the requested type.";
    WSA_QOS_RECEIVERS = WSABASEERR + 1005, "QoS: at least one reserve has arrived.";
    WSA_QOS_SENDERS = WSABASEERR + 1006, "QoS: at least one path has arrived.";
    WSA_QOS_NO_SENDERS = WSABASEERR + 1007, "QoS: there are no senders.";
    WSA_QOS_NO_RECEIVERS = WSABASEERR + 1008, "QoS: there are no receivers.";
    WSA_QOS_REQUEST_CONFIRMED = WSABASEERR + 1009, "QoS: the reserve has been confirmed.";
    WSA_QOS_ADMISSION_FAILURE = WSABASEERR + 1010, "QoS: admission error (lack of resources).";
    WSA_QOS_POLICY_FAILURE = WSABASEERR + 1011, "QoS: rejected for administrative reasons.";
    WSA_QOS_BAD_STYLE = WSABASEERR + 1012, "QoS: unknown or conflicting style.";
    WSA_QOS_BAD_OBJECT = WSABASEERR + 1013, "QoS: bad FILTERSPEC or provider-specific object.";
    WSA_QOS_TRAFFIC_CTRL_ERROR = WSABASEERR + 1014, "QoS: problem with the FLOWSPEC.";
    WSA_QOS_GENERIC_ERROR = WSABASEERR + 1015, "QoS: general error.";
    WSA_QOS_ESERVICETYPE = WSABASEERR + 1016, "QoS: invalid or unrecognized service type.";
    WSA_QOS_EFLOWSPEC = WSABASEERR + 1017, "QoS: invalid or inconsistent FLOWSPEC.";
    WSA_QOS_EPROVSPECBUF = WSABASEERR + 1018, "QoS: invalid provider-specific buffer.";
    WSA_QOS_EFILTERSTYLE = WSABASEERR + 1019, "QoS: invalid filter style.";
    WSA_QOS_EFILTERTYPE = WSABASEERR + 1020, "QoS: invalid filter type.";
    WSA_QOS_EFILTERCOUNT = WSABASEERR + 1021, "QoS: incorrect number of FILTERSPECs.";
    WSA_QOS_EOBJLENGTH = WSABASEERR + 1022, "QoS: invalid object length.";
    WSA_QOS_EFLOWCOUNT = WSABASEERR + 1023, "QoS: incorrect number of flow descriptors.";
    WSA_QOS_EUNKNOWNPSOBJ = WSABASEERR + 1024, "QoS: unrecognized object in the provider-specific buffer.";
    WSA_QOS_EPOLICYOBJ = WSABASEERR + 1025, "QoS: invalid policy object.";
    WSA_QOS_EFLOWDESC = WSABASEERR + 1026, "QoS: invalid flow descriptor.";
    WSA_QOS_EPSFLOWSPEC = WSABASEERR + 1027, "QoS: invalid provider-specific FLOWSPEC.";
    WSA_QOS_EPSFILTERSPEC = WSABASEERR + 1028, "QoS: invalid provider-specific FILTERSPEC.";
    WSA_QOS_ESDMODEOBJ = WSABASEERR + 1029, "QoS: invalid shape discard mode object.";
    WSA_QOS_ESHAPERATEOBJ = WSABASEERR + 1030, "QoS: invalid shaping rate object.";
    WSA_QOS_RESERVED_PETYPE = WSABASEERR + 1031, "QoS: reserved policy element type.";
    WSA_SECURE_HOST_NOT_FOUND = WSABASEERR + 1032, "No secure host record was found (IPsec name policy).";
    WSA_IPSEC_NAME_POLICY_ERROR = WSABASEERR + 1033, "Name-based IPsec policy could not be added.";
    WSA_INVALID_HANDLE = 6, "Specified event object handle is invalid.";
    WSA_NOT_ENOUGH_MEMORY = 8, "Insufficient memory available.";
    WSA_INVALID_PARAMETER = 87, "One or more parameters are invalid.";
    WSA_OPERATION_ABORTED = 995, "Overlapped operation aborted (socket closed or I/O cancelled).";
    WSA_IO_INCOMPLETE = 996, "Overlapped I/O event object not in signaled state.";
    WSA_IO_PENDING = 997, "Overlapped operations will complete later.";
}

/// `WSA_QOS_EUNKOWNPSOBJ`: the SDK's misspelt alias of [`WSA_QOS_EUNKNOWNPSOBJ`].
pub const WSA_QOS_EUNKOWNPSOBJ: i32 = WSA_QOS_EUNKNOWNPSOBJ;
/// `WSANO_ADDRESS`: alias of [`WSANO_DATA`].
pub const WSANO_ADDRESS: i32 = WSANO_DATA;

error_table! {
    /// The name and description of a Win32 `ERROR_*` code.
    fn win32_error_info;
    /// Every Win32 error code this crate names, as `(name, value)`.
    const WIN32_ERRORS;
    ERROR_SUCCESS = 0, "The operation completed successfully.";
    ERROR_INVALID_FUNCTION = 1, "Incorrect function.";
    ERROR_FILE_NOT_FOUND = 2, "The system cannot find the file specified.";
    ERROR_PATH_NOT_FOUND = 3, "The system cannot find the path specified.";
    ERROR_TOO_MANY_OPEN_FILES = 4, "The system cannot open the file.";
    ERROR_ACCESS_DENIED = 5, "Access is denied.";
    ERROR_INVALID_HANDLE = 6, "The handle is invalid.";
    ERROR_NOT_ENOUGH_MEMORY = 8, "Not enough memory resources are available.";
    ERROR_NOT_READY = 21, "The device is not ready.";
    ERROR_BAD_COMMAND = 22, "The device does not recognize the command.";
    ERROR_GEN_FAILURE = 31, "A device attached to the system is not functioning.";
    ERROR_SHARING_VIOLATION = 32, "The file is being used by another process.";
    ERROR_HANDLE_EOF = 38, "Reached the end of the file.";
    ERROR_NOT_SUPPORTED = 50, "The request is not supported.";
    ERROR_REM_NOT_LIST = 51, "The remote computer is not available.";
    ERROR_DUP_NAME = 52, "A duplicate name exists on the network.";
    ERROR_BAD_NETPATH = 53, "The network path was not found.";
    ERROR_NETWORK_BUSY = 54, "The network is busy.";
    ERROR_DEV_NOT_EXIST = 55, "The network resource or device is no longer available.";
    ERROR_BAD_NET_RESP = 58, "The specified server cannot perform the requested operation.";
    ERROR_UNEXP_NET_ERR = 59, "An unexpected network error occurred.";
    ERROR_NETNAME_DELETED = 64, "The specified network name is no longer available.";
    ERROR_NETWORK_ACCESS_DENIED = 65, "Network access is denied.";
    ERROR_BAD_NET_NAME = 67, "The network name cannot be found.";
    ERROR_TOO_MANY_NAMES = 68, "The name limit for the network adapter was exceeded.";
    ERROR_REQ_NOT_ACCEP = 71, "No more connections can be made to the remote computer.";
    ERROR_INVALID_PARAMETER = 87, "The parameter is incorrect.";
    ERROR_BROKEN_PIPE = 109, "The pipe has been ended.";
    ERROR_CALL_NOT_IMPLEMENTED = 120, "This function is not supported on this system.";
    ERROR_SEM_TIMEOUT = 121, "The semaphore timeout period has expired.";
    ERROR_INSUFFICIENT_BUFFER = 122, "The data area passed to a system call is too small.";
    ERROR_BUSY = 170, "The requested resource is in use.";
    ERROR_ALREADY_EXISTS = 183, "Cannot create a file when that file already exists.";
    ERROR_FILENAME_EXCED_RANGE = 206, "The filename or extension is too long.";
    ERROR_NO_DATA = 232, "The pipe is being closed.";
    ERROR_PIPE_NOT_CONNECTED = 233, "No process is on the other end of the pipe.";
    ERROR_MORE_DATA = 234, "More data is available.";
    WAIT_TIMEOUT = 258, "The wait operation timed out.";
    ERROR_NO_MORE_ITEMS = 259, "No more data is available.";
    ERROR_DIRECTORY = 267, "The directory name is invalid.";
    ERROR_PARTIAL_COPY = 299, "Only part of a memory read or write request was completed.";
    ERROR_MR_MID_NOT_FOUND = 317, "No message text exists for this code (no NTSTATUS mapping).";
    ERROR_INVALID_ADDRESS = 487, "Attempt to access invalid address.";
    ERROR_ARITHMETIC_OVERFLOW = 534, "Arithmetic result exceeded 32 bits.";
    ERROR_ABANDONED_WAIT_0 = 735, "An abandoned wait was satisfied.";
    ERROR_OPERATION_ABORTED = 995, "The I/O operation has been aborted (thread exit or application request).";
    ERROR_IO_INCOMPLETE = 996, "Overlapped I/O event is not in a signaled state.";
    ERROR_IO_PENDING = 997, "Overlapped I/O operation is in progress.";
    ERROR_NOACCESS = 998, "Invalid access to memory location.";
    ERROR_NO_DATA_DETECTED = 1104, "No more data is on the tape.";
    ERROR_IO_DEVICE = 1117, "The request could not be performed because of an I/O device error.";
    ERROR_NOT_FOUND = 1168, "Element not found.";
    ERROR_INVALID_NETNAME = 1214, "The format of the specified network name is invalid.";
    ERROR_CONNECTION_REFUSED = 1225, "The remote computer refused the network connection.";
    ERROR_GRACEFUL_DISCONNECT = 1226, "The network connection was gracefully closed.";
    ERROR_ADDRESS_ALREADY_ASSOCIATED = 1227, "The endpoint already has an address.";
    ERROR_ADDRESS_NOT_ASSOCIATED = 1228, "An address has not yet been associated with the endpoint.";
    ERROR_CONNECTION_INVALID = 1229, "Operation attempted on a nonexistent network connection.";
    ERROR_CONNECTION_ACTIVE = 1230, "Operation attempted on an active network connection.";
    ERROR_NETWORK_UNREACHABLE = 1231, "The network location cannot be reached.";
    ERROR_HOST_UNREACHABLE = 1232, "The network location cannot be reached.";
    ERROR_PROTOCOL_UNREACHABLE = 1233, "The network location cannot be reached.";
    ERROR_PORT_UNREACHABLE = 1234, "No service is operating at the destination network endpoint.";
    ERROR_REQUEST_ABORTED = 1235, "The request has been aborted.";
    ERROR_CONNECTION_ABORTED = 1236, "The network connection was aborted by the local system.";
    ERROR_RETRY = 1237, "The operation could not be completed. A retry should be performed.";
    ERROR_CONNECTION_COUNT_LIMIT = 1238, "The connection limit for this host was reached.";
    ERROR_HOST_DOWN = 1256, "The remote system is not available.";
    ERROR_NO_SYSTEM_RESOURCES = 1450, "Insufficient system resources exist.";
    ERROR_WORKING_SET_QUOTA = 1453, "Insufficient quota to complete the requested service.";
    ERROR_PAGEFILE_QUOTA = 1454, "Insufficient quota to complete the requested service.";
    ERROR_COMMITMENT_LIMIT = 1455, "The paging file is too small for this operation.";
    ERROR_TIMEOUT = 1460, "This operation returned because the timeout period expired.";
    ERROR_INVALID_USER_BUFFER = 1784, "The supplied user buffer is not valid.";
    ERROR_NOT_ENOUGH_QUOTA = 1816, "Not enough quota is available.";
    ERROR_DEVICE_IN_USE = 2404, "The device is in use.";
}

/// `NO_ERROR`: alias of [`ERROR_SUCCESS`].
pub const NO_ERROR: i32 = ERROR_SUCCESS;

// Resolver aliases. `getaddrinfo` / `getnameinfo` return these from `ws2tcpip.h`, the
// `gethostby*` family reports the `h_errno` names through `WSAGetLastError`.

/// `EAI_AGAIN` (Windows): temporary name-resolution failure, = [`WSATRY_AGAIN`].
pub const EAI_AGAIN: i32 = WSATRY_AGAIN;
/// `EAI_BADFLAGS` (Windows): invalid `ai_flags`, = [`WSAEINVAL`].
pub const EAI_BADFLAGS: i32 = WSAEINVAL;
/// `EAI_FAIL` (Windows): non-recoverable failure, = [`WSANO_RECOVERY`].
pub const EAI_FAIL: i32 = WSANO_RECOVERY;
/// `EAI_FAMILY` (Windows): `ai_family` not supported, = [`WSAEAFNOSUPPORT`].
pub const EAI_FAMILY: i32 = WSAEAFNOSUPPORT;
/// `EAI_MEMORY` (Windows): memory allocation failure, = [`WSA_NOT_ENOUGH_MEMORY`].
pub const EAI_MEMORY: i32 = WSA_NOT_ENOUGH_MEMORY;
/// `EAI_NOSECURENAME` (Windows): no secure name record, = [`WSA_SECURE_HOST_NOT_FOUND`].
pub const EAI_NOSECURENAME: i32 = WSA_SECURE_HOST_NOT_FOUND;
/// `EAI_NONAME` (Windows): name does not resolve, = [`WSAHOST_NOT_FOUND`].
pub const EAI_NONAME: i32 = WSAHOST_NOT_FOUND;
/// `EAI_SERVICE` (Windows): service not recognised for the socket type, = [`WSATYPE_NOT_FOUND`].
pub const EAI_SERVICE: i32 = WSATYPE_NOT_FOUND;
/// `EAI_SOCKTYPE` (Windows): `ai_socktype` not supported, = [`WSAESOCKTNOSUPPORT`].
pub const EAI_SOCKTYPE: i32 = WSAESOCKTNOSUPPORT;
/// `EAI_NODATA` (Windows): no address for the name, = [`WSANO_DATA`] (11004).
///
/// mingw-w64 defines 11004; the Microsoft SDK defines it as `EAI_NONAME` (11001). The oracle
/// is mingw-w64, and 11004 is also the code Windows' `getaddrinfo` reports for a name that
/// exists without records of the requested type.
pub const EAI_NODATA: i32 = WSANO_DATA;
/// `EAI_IPSECPOLICY` (Windows): IPsec name policy error, = [`WSA_IPSEC_NAME_POLICY_ERROR`].
pub const EAI_IPSECPOLICY: i32 = WSA_IPSEC_NAME_POLICY_ERROR;

/// `HOST_NOT_FOUND` (Windows `h_errno` name), = [`WSAHOST_NOT_FOUND`].
pub const HOST_NOT_FOUND: i32 = WSAHOST_NOT_FOUND;
/// `TRY_AGAIN` (Windows `h_errno` name), = [`WSATRY_AGAIN`].
pub const TRY_AGAIN: i32 = WSATRY_AGAIN;
/// `NO_RECOVERY` (Windows `h_errno` name), = [`WSANO_RECOVERY`].
pub const NO_RECOVERY: i32 = WSANO_RECOVERY;
/// `NO_DATA` (Windows `h_errno` name), = [`WSANO_DATA`].
pub const NO_DATA: i32 = WSANO_DATA;
/// `NO_ADDRESS` (Windows `h_errno` name), = [`WSANO_ADDRESS`].
pub const NO_ADDRESS: i32 = WSANO_ADDRESS;
