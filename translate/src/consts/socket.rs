//! Flags and limits of the socket calls themselves: `send`/`recv` `MSG_*`, `shutdown` `SD_*`,
//! `listen` backlogs, `WSASocket` `WSA_FLAG_*`, `TransmitFile`/`TransmitPackets` `TF_*`/`TP_*`,
//! `WSAAccept` `CF_*`, groups, and the fixed sizes of `WSADATA` and `fd_set`.

/// The Winsock version this implementation reports (`MAKEWORD(2, 2)`).
pub const WINSOCK_VERSION: u16 = 0x0202;

/// `WSADATA::szDescription` holds `WSADESCRIPTION_LEN + 1` bytes.
pub const WSADESCRIPTION_LEN: usize = 256;
/// `WSADATA::szSystemStatus` holds `WSASYS_STATUS_LEN + 1` bytes.
pub const WSASYS_STATUS_LEN: usize = 128;
/// Sockets an `fd_set` holds (an array of handles, not a bitmap).
pub const FD_SETSIZE: usize = 64;
/// Buffer size `WSAAsyncGetHostBy*` needs.
pub const MAXGETHOSTSTRUCT: usize = 1024;

named! {
    /// `MSG_*` flag names by bit.
    MSG_NAMES: i32 = {
        /// Out-of-band data.
        MSG_OOB = 0x1;
        /// Peek without consuming.
        MSG_PEEK = 0x2;
        /// Bypass routing.
        MSG_DONTROUTE = 0x4;
        /// Wait for the full request.
        MSG_WAITALL = 0x8;
        /// Completion routine may interrupt (Windows CE).
        MSG_INTERRUPT = 0x10;
        /// Do not delay sending.
        MSG_PUSH_IMMEDIATE = 0x20;
        /// Datagram truncated (`WSARecvMsg` output).
        MSG_TRUNC = 0x0100;
        /// Control data truncated (`WSARecvMsg` output).
        MSG_CTRUNC = 0x0200;
        /// Received as broadcast (`WSARecvMsg` output).
        MSG_BCAST = 0x0400;
        /// Received as multicast (`WSARecvMsg` output).
        MSG_MCAST = 0x0800;
        /// Receive from the error queue (Windows SDK; not in mingw-w64).
        MSG_ERRQUEUE = 0x1000;
        /// Partial message (message-oriented `WSARecv` output).
        MSG_PARTIAL = 0x8000;
    }
}

/// Most buffers `WSASend`/`WSARecv` historically accepted (shares its value with
/// `MSG_INTERRUPT`; not a flag).
pub const MSG_MAXIOVLEN: i32 = 16;

flag_set! {
    /// A `send`/`recv` flags value, `Debug`-printed as `MSG_PEEK|MSG_OOB`.
    MsgFlags(i32), MSG_NAMES
}

/// `shutdown`: no more receives.
pub const SD_RECEIVE: i32 = 0;
/// `shutdown`: no more sends.
pub const SD_SEND: i32 = 1;
/// `shutdown`: neither.
pub const SD_BOTH: i32 = 2;

/// `listen` backlog meaning "a reasonable maximum".
pub const SOMAXCONN: i32 = 0x7fff_ffff;

/// `SOMAXCONN_HINT(b)`: a backlog the provider should take as exactly `b` connections
/// (encoded as `-b`).
#[allow(non_snake_case)]
pub const fn SOMAXCONN_HINT(b: i32) -> i32 {
    b.wrapping_neg()
}

/// The connection count a `listen` backlog asks for: `None` for [`SOMAXCONN`] (use the host's
/// maximum); a [`SOMAXCONN_HINT`] value clamped to 200..=65535 as Windows does; any other
/// value, with negatives other than hints impossible, as is.
pub const fn listen_backlog(backlog: i32) -> Option<i32> {
    if backlog == SOMAXCONN {
        None
    } else if backlog < 0 {
        let hint = backlog.unsigned_abs();
        Some(if hint < 200 {
            200
        } else if hint > 65535 {
            65535
        } else {
            hint as i32
        })
    } else {
        Some(backlog)
    }
}

named! {
    /// `WSA_FLAG_*` names by bit.
    WSA_FLAG_NAMES: u32 = {
        /// The socket supports overlapped I/O.
        WSA_FLAG_OVERLAPPED = 0x01;
        /// Multipoint control plane: root.
        WSA_FLAG_MULTIPOINT_C_ROOT = 0x02;
        /// Multipoint control plane: leaf.
        WSA_FLAG_MULTIPOINT_C_LEAF = 0x04;
        /// Multipoint data plane: root.
        WSA_FLAG_MULTIPOINT_D_ROOT = 0x08;
        /// Multipoint data plane: leaf.
        WSA_FLAG_MULTIPOINT_D_LEAF = 0x10;
        /// Allow setting a SACL on the socket.
        WSA_FLAG_ACCESS_SYSTEM_SECURITY = 0x40;
        /// The socket handle is not inheritable.
        WSA_FLAG_NO_HANDLE_INHERIT = 0x80;
        /// The socket is for Registered I/O.
        WSA_FLAG_REGISTERED_IO = 0x100;
    }
}

flag_set! {
    /// A `WSASocket` `dwFlags` value, `Debug`-printed as `WSA_FLAG_OVERLAPPED|…`.
    WsaFlags(u32), WSA_FLAG_NAMES
}

/// `TransmitFile`: disconnect after sending.
pub const TF_DISCONNECT: u32 = 0x01;
/// `TransmitFile`: the socket may be reused after disconnecting.
pub const TF_REUSE_SOCKET: u32 = 0x02;
/// `TransmitFile`: complete without waiting for acknowledgement.
pub const TF_WRITE_BEHIND: u32 = 0x04;
/// `TransmitFile`: use the default worker.
pub const TF_USE_DEFAULT_WORKER: u32 = 0x00;
/// `TransmitFile`: use system threads.
pub const TF_USE_SYSTEM_THREAD: u32 = 0x10;
/// `TransmitFile`: use kernel APCs.
pub const TF_USE_KERNEL_APC: u32 = 0x20;

/// `TRANSMIT_PACKETS_ELEMENT::dwElFlags`: a memory buffer.
pub const TP_ELEMENT_MEMORY: u32 = 1;
/// `TRANSMIT_PACKETS_ELEMENT::dwElFlags`: a file range.
pub const TP_ELEMENT_FILE: u32 = 2;
/// `TRANSMIT_PACKETS_ELEMENT::dwElFlags`: end of packet.
pub const TP_ELEMENT_EOP: u32 = 4;
/// `TransmitPackets`: disconnect after sending (`TF_DISCONNECT`).
pub const TP_DISCONNECT: u32 = TF_DISCONNECT;
/// `TransmitPackets`: reusable socket (`TF_REUSE_SOCKET`).
pub const TP_REUSE_SOCKET: u32 = TF_REUSE_SOCKET;
/// `TransmitPackets`: default worker.
pub const TP_USE_DEFAULT_WORKER: u32 = TF_USE_DEFAULT_WORKER;
/// `TransmitPackets`: system threads.
pub const TP_USE_SYSTEM_THREAD: u32 = TF_USE_SYSTEM_THREAD;
/// `TransmitPackets`: kernel APCs.
pub const TP_USE_KERNEL_APC: u32 = TF_USE_KERNEL_APC;
/// `DisconnectEx`: the socket may be reused (`TF_REUSE_SOCKET`).
pub const DE_REUSE_SOCKET: u32 = TF_REUSE_SOCKET;

/// `WSAAccept` condition function: accept.
pub const CF_ACCEPT: i32 = 0x0000;
/// `WSAAccept` condition function: reject.
pub const CF_REJECT: i32 = 0x0001;
/// `WSAAccept` condition function: defer.
pub const CF_DEFER: i32 = 0x0002;

/// Socket group: unconstrained.
pub const SG_UNCONSTRAINED_GROUP: u32 = 0x01;
/// Socket group: constrained.
pub const SG_CONSTRAINED_GROUP: u32 = 0x02;

/// `WSAJoinLeaf`: sender only.
pub const JL_SENDER_ONLY: u32 = 0x01;
/// `WSAJoinLeaf`: receiver only.
pub const JL_RECEIVER_ONLY: u32 = 0x02;
/// `WSAJoinLeaf`: both.
pub const JL_BOTH: u32 = 0x04;

/// `SIO_ASSOCIATE_HANDLE`/`SIO_TRANSLATE_HANDLE` companion API: NetDevice.
pub const TH_NETDEV: u32 = 0x0000_0001;
/// `SIO_ASSOCIATE_HANDLE`/`SIO_TRANSLATE_HANDLE` companion API: TAPI.
pub const TH_TAPI: u32 = 0x0000_0002;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msg_flags_debug() {
        assert_eq!(format!("{:?}", MsgFlags(MSG_PEEK | MSG_OOB)), "MSG_OOB|MSG_PEEK");
        assert_eq!(format!("{:?}", MsgFlags(MSG_PARTIAL | 0x40)), "MSG_PARTIAL|0x40");
        assert_eq!(format!("{:?}", MsgFlags(0)), "0");
        assert_eq!(
            format!("{:?}", WsaFlags(WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)),
            "WSA_FLAG_OVERLAPPED|WSA_FLAG_NO_HANDLE_INHERIT"
        );
    }

    #[test]
    fn backlogs() {
        assert_eq!(listen_backlog(SOMAXCONN), None);
        assert_eq!(listen_backlog(5), Some(5));
        assert_eq!(listen_backlog(0), Some(0));
        assert_eq!(listen_backlog(SOMAXCONN_HINT(1)), Some(200));
        assert_eq!(listen_backlog(SOMAXCONN_HINT(1000)), Some(1000));
        assert_eq!(listen_backlog(SOMAXCONN_HINT(100_000)), Some(65535));
        assert_eq!(listen_backlog(i32::MIN), Some(65535));
        assert_eq!(SOMAXCONN_HINT(i32::MIN), i32::MIN);
    }
}
