//! Network events (`WSAEventSelect`/`WSAAsyncSelect` `FD_*`), `WSAPoll` bits (`POLL*`) and
//! wait results (`WSA_WAIT_*`, `WAIT_*`).
//!
//! [`FdEvents`] and [`PollEvents`] wrap masks so that logs read `FD_READ|FD_CLOSE` rather
//! than `33`. Windows' `POLL*` values differ from Linux' (`POLLIN` is `0x300`, not `1`);
//! [`crate::flags`] converts.

/// Bit number of `FD_READ` in `WSANETWORKEVENTS::iErrorCode`.
pub const FD_READ_BIT: i32 = 0;
/// Bit number of `FD_WRITE`.
pub const FD_WRITE_BIT: i32 = 1;
/// Bit number of `FD_OOB`.
pub const FD_OOB_BIT: i32 = 2;
/// Bit number of `FD_ACCEPT`.
pub const FD_ACCEPT_BIT: i32 = 3;
/// Bit number of `FD_CONNECT`.
pub const FD_CONNECT_BIT: i32 = 4;
/// Bit number of `FD_CLOSE`.
pub const FD_CLOSE_BIT: i32 = 5;
/// Bit number of `FD_QOS`.
pub const FD_QOS_BIT: i32 = 6;
/// Bit number of `FD_GROUP_QOS`.
pub const FD_GROUP_QOS_BIT: i32 = 7;
/// Bit number of `FD_ROUTING_INTERFACE_CHANGE`.
pub const FD_ROUTING_INTERFACE_CHANGE_BIT: i32 = 8;
/// Bit number of `FD_ADDRESS_LIST_CHANGE`.
pub const FD_ADDRESS_LIST_CHANGE_BIT: i32 = 9;
/// Number of network events (length of `WSANETWORKEVENTS::iErrorCode`).
pub const FD_MAX_EVENTS: usize = 10;

named! {
    /// `FD_*` event names by mask bit.
    FD_EVENT_NAMES: i32 = {
        /// Data to read.
        FD_READ = 1 << FD_READ_BIT;
        /// Room to write.
        FD_WRITE = 1 << FD_WRITE_BIT;
        /// Out-of-band data to read.
        FD_OOB = 1 << FD_OOB_BIT;
        /// A connection to accept.
        FD_ACCEPT = 1 << FD_ACCEPT_BIT;
        /// A connect completed (successfully or not).
        FD_CONNECT = 1 << FD_CONNECT_BIT;
        /// The peer closed, or the connection failed.
        FD_CLOSE = 1 << FD_CLOSE_BIT;
        /// QoS changed.
        FD_QOS = 1 << FD_QOS_BIT;
        /// Group QoS changed.
        FD_GROUP_QOS = 1 << FD_GROUP_QOS_BIT;
        /// The routing interface changed (`SIO_ROUTING_INTERFACE_CHANGE`).
        FD_ROUTING_INTERFACE_CHANGE = 1 << FD_ROUTING_INTERFACE_CHANGE_BIT;
        /// The local address list changed (`SIO_ADDRESS_LIST_CHANGE`).
        FD_ADDRESS_LIST_CHANGE = 1 << FD_ADDRESS_LIST_CHANGE_BIT;
    }
}

/// Every `FD_*` event.
pub const FD_ALL_EVENTS: i32 = (1 << FD_MAX_EVENTS) - 1;

flag_set! {
    /// A `WSAEventSelect` mask / `lNetworkEvents` value, `Debug`-printed as `FD_READ|FD_CLOSE`.
    FdEvents(i32), FD_EVENT_NAMES
}

/// The bit numbers of the events set in `mask`, low to high (for filling `iErrorCode`).
pub fn fd_event_bits(mask: i32) -> impl Iterator<Item = usize> {
    (0..FD_MAX_EVENTS).filter(move |&bit| mask & (1 << bit) != 0)
}

named! {
    /// `POLL*` names by mask, composite masks first.
    POLL_NAMES: i16 = {
        /// Readable: `POLLRDNORM | POLLRDBAND`.
        POLLIN = POLLRDNORM | POLLRDBAND;
        /// Writable: `POLLWRNORM`.
        POLLOUT = POLLWRNORM;
        /// Normal data readable.
        POLLRDNORM = 0x0100;
        /// Priority band data readable.
        POLLRDBAND = 0x0200;
        /// Urgent data readable.
        POLLPRI = 0x0400;
        /// Normal data writable.
        POLLWRNORM = 0x0010;
        /// Priority data writable.
        POLLWRBAND = 0x0020;
        /// An error occurred (returned only).
        POLLERR = 0x0001;
        /// Hung up (returned only).
        POLLHUP = 0x0002;
        /// Invalid socket (returned only).
        POLLNVAL = 0x0004;
    }
}

flag_set! {
    /// A `WSAPOLLFD::events`/`revents` value, `Debug`-printed as `POLLIN|POLLHUP`.
    PollEvents(i16), POLL_NAMES
}

/// Most events `WSAWaitForMultipleEvents` waits on (`MAXIMUM_WAIT_OBJECTS`).
pub const WSA_MAXIMUM_WAIT_EVENTS: usize = MAXIMUM_WAIT_OBJECTS;
/// Most handles `WaitForMultipleObjects` waits on.
pub const MAXIMUM_WAIT_OBJECTS: usize = 64;
/// The null event handle `WSACreateEvent` returns on failure.
pub const WSA_INVALID_EVENT: usize = 0;
/// Wait forever.
pub const INFINITE: u32 = 0xFFFF_FFFF;
/// `WSAWaitForMultipleEvents` timeout meaning forever (`INFINITE`).
pub const WSA_INFINITE: u32 = INFINITE;
/// First signalled-object result (`STATUS_WAIT_0`; the oracle cannot see it, as its header
/// spelling needs `NTSTATUS`).
pub const WAIT_OBJECT_0: u32 = 0;
/// First abandoned-mutex result.
pub const WAIT_ABANDONED_0: u32 = 0x80;
/// The wait was ended by an APC or I/O completion routine (`STATUS_USER_APC`).
pub const WAIT_IO_COMPLETION: u32 = 0xC0;
/// The wait failed.
pub const WAIT_FAILED: u32 = 0xFFFF_FFFF;
/// `WSAWaitForMultipleEvents`: first signalled event.
pub const WSA_WAIT_EVENT_0: u32 = WAIT_OBJECT_0;
/// `WSAWaitForMultipleEvents`: ended by an I/O completion routine.
pub const WSA_WAIT_IO_COMPLETION: u32 = WAIT_IO_COMPLETION;
/// `WSAWaitForMultipleEvents`: timed out (`WAIT_TIMEOUT`, which [`super::errors`] defines as
/// the error code it also is).
pub const WSA_WAIT_TIMEOUT: u32 = 0x102;
/// `WSAWaitForMultipleEvents`: failed.
pub const WSA_WAIT_FAILED: u32 = WAIT_FAILED;

/// `SetFileCompletionNotificationModes`: no completion packet when an operation completes
/// synchronously.
pub const FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: u8 = 0x1;
/// `SetFileCompletionNotificationModes`: do not signal the handle's event on completion.
pub const FILE_SKIP_SET_EVENT_ON_HANDLE: u8 = 0x2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fd_events_debug() {
        assert_eq!(format!("{:?}", FdEvents(FD_READ | FD_CLOSE)), "FD_READ|FD_CLOSE");
        assert_eq!(format!("{:?}", FdEvents(0)), "0");
        assert_eq!(format!("{:?}", FdEvents(FD_ACCEPT | 0x4000)), "FD_ACCEPT|0x4000");
        assert_eq!(
            format!("{:?}", FdEvents(-1)),
            format!("{}|0xfffffc00", FD_EVENT_NAMES.iter().map(|e| e.0).collect::<Vec<_>>().join("|"))
        );
        assert_eq!(FD_ALL_EVENTS, 0x3ff);
        assert_eq!(fd_event_bits(FD_WRITE | FD_CLOSE).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn poll_events_debug() {
        assert_eq!(format!("{:?}", PollEvents(POLLIN | POLLOUT)), "POLLIN|POLLOUT");
        assert_eq!(format!("{:?}", PollEvents(POLLRDNORM | POLLHUP)), "POLLRDNORM|POLLHUP");
        assert_eq!(format!("{:?}", PollEvents(POLLNVAL | 0x4000)), "POLLNVAL|0x4000");
        assert_eq!(format!("{:?}", PollEvents(i16::MIN)), "0x8000");
    }
}
