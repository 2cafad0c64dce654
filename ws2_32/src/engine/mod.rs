//! The engine: everything behind the DLL surfaces.
//!
//! * [`table`] — `SOCKET` handle → [`Socket`]; `WSAENOTSOCK` for anything else.
//! * [`socket`] — one socket's state and its blocking-wait primitive.
//! * [`waker`] — per-thread wake-up fds that let `closesocket` (and later APCs) interrupt a
//!   thread blocked in a socket call.
//! * [`startup`] — `WSAStartup` reference counting.

pub mod bindings;
pub mod catalog;
pub mod cmsg;
pub mod extensions;
pub mod lingering;
pub mod notify;
pub mod ops;
pub mod overlapped;
pub mod reactor;
pub mod socket;
pub mod startup;
pub mod table;
pub mod waker;

pub use socket::Socket;

use std::sync::Arc;

use translate::{AF_INET6, IPPROTO_TCP, SOCK_STREAM, WSAEMFILE, WSAENOBUFS, WsaError};

use crate::host::host;
use crate::sys::syscall;

/// Creates a socket for a resolved (family, type, protocol), applies the Windows defaults,
/// and enters it into the table.
pub fn create(family: i32, socktype: i32, protocol: i32, overlapped: bool) -> Result<Arc<Socket>, WsaError> {
    let host_af = translate::sockaddr::af_to_host(family)?;
    let host_ty = translate::sockaddr::socktype_to_host(socktype)?;
    let host_proto = if family == translate::AF_UNIX { 0 } else { translate::sockaddr::proto_to_host(protocol)? };
    let fd = open_fd(host_af, host_ty, host_proto)?;
    apply_defaults(fd, family, socktype);
    adopt(fd, family, socktype, protocol, overlapped)
}

/// Wraps a fresh, already non-blocking fd into a table entry.
pub fn adopt(fd: i32, family: i32, socktype: i32, protocol: i32, overlapped: bool) -> Result<Arc<Socket>, WsaError> {
    let Some(handle) = host().alloc_socket_handle() else {
        crate::sys::close_fd(fd);
        return Err(WsaError(WSAENOBUFS));
    };
    let sock = Arc::new(Socket::new(handle, fd, family, socktype, protocol, overlapped));
    table::insert(sock.clone());
    log::trace!(target: "ws2_32::socket", "socket {handle:#x} = fd {fd} (af {family}, type {socktype}, proto {protocol})");
    Ok(sock)
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
))]
fn open_fd(af: i32, ty: i32, proto: i32) -> Result<i32, WsaError> {
    syscall!(socket(af, ty | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC, proto)).map_err(map_create_error)
}

#[cfg(target_vendor = "apple")]
fn open_fd(af: i32, ty: i32, proto: i32) -> Result<i32, WsaError> {
    let fd = syscall!(socket(af, ty, proto)).map_err(map_create_error)?;
    let setup = || -> std::io::Result<()> {
        syscall!(fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC))?;
        syscall!(fcntl(fd, libc::F_SETFL, libc::O_NONBLOCK))?;
        let one: libc::c_int = 1;
        // SAFETY: a live c_int of the stated size; macOS has no MSG_NOSIGNAL, Windows no SIGPIPE.
        syscall!(setsockopt(fd, libc::SOL_SOCKET, libc::SO_NOSIGPIPE, (&one as *const libc::c_int).cast(), 4))?;
        Ok(())
    };
    setup().map_err(|e| {
        crate::sys::close_fd(fd);
        WsaError::from(e)
    })?;
    Ok(fd)
}

fn map_create_error(e: std::io::Error) -> WsaError {
    match e.raw_os_error() {
        Some(libc::ENFILE) | Some(libc::EMFILE) => WsaError(WSAEMFILE),
        Some(libc::EPERM) => WsaError(translate::WSAEACCES),
        _ => WsaError::from(e),
    }
}

/// Windows defaults that differ from the host's: IPv6 sockets are v6-only.
fn apply_defaults(fd: i32, family: i32, socktype: i32) {
    let one: libc::c_int = 1;
    if family == AF_INET6 {
        // SAFETY: a live c_int of the stated size on an fd we own.
        let _ = syscall!(setsockopt(fd, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, (&one as *const libc::c_int).cast(), 4));
    }
    if socktype == SOCK_STREAM {
        // Windows lets a port with TIME_WAIT connections be bound again; bindings.rs keeps
        // Windows' conflicts between the process's own sockets (see there).
        // SAFETY: a live c_int of the stated size on an fd we own.
        let _ = syscall!(setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, (&one as *const libc::c_int).cast(), 4));
    }
    let _ = IPPROTO_TCP;
}

/// Closes a socket already removed from the table: wakes its waiters, returns the handle
/// value to the host. The fd closes when the last in-flight call lets go of it.
pub fn close(sock: Arc<Socket>) {
    sock.mark_closed();
    // A listener's AcceptEx into this socket ends with it (Windows: ERROR_OPERATION_ABORTED).
    extensions::abort_accepts_into(&sock);
    bindings::release(sock.handle);
    let done = {
        let mut st = sock.state();
        st.notify = notify::Notify::default();
        // Windows aborts a connected stream's pending I/O as a lost connection
        // (ERROR_CONNECTION_ABORTED); anything else is simply cancelled (ERROR_OPERATION_ABORTED).
        let status = if sock.is_stream() && st.conn == socket::ConnState::Connected {
            translate::STATUS_CONNECTION_ABORTED
        } else {
            translate::STATUS_CANCELLED
        };
        let done = ops::cancel(&mut st, status, |op| !op.is_internal());
        // Buffered send data still goes out (closesocket is graceful): keep the socket
        // until it has (see `lingering`).
        if !st.writes.is_empty() {
            lingering::keep(sock.clone());
        }
        done
    };
    done.deliver();
    host().free_socket_handle(sock.handle);
    log::trace!(target: "ws2_32::socket", "closesocket {:#x}", sock.handle);
}

/// Associates a socket with a completion port (`CreateIoCompletionPort` on a socket handle).
/// A socket can be associated once (`ERROR_INVALID_PARAMETER` the second time).
pub fn associate_port(handle: usize, port: usize, key: usize) -> Result<(), u32> {
    let sock = table::lookup(handle).ok_or(translate::ERROR_INVALID_HANDLE as u32)?;
    let mut st = sock.state();
    if st.port.is_some() {
        return Err(translate::ERROR_INVALID_PARAMETER as u32);
    }
    st.port = Some(overlapped::PortBinding { port, key });
    Ok(())
}

/// `SetFileCompletionNotificationModes` on a socket.
pub fn set_completion_modes(handle: usize, flags: u8) -> Result<(), u32> {
    let sock = table::lookup(handle).ok_or(translate::ERROR_INVALID_HANDLE as u32)?;
    sock.state().skip_port_on_success = flags & translate::FILE_SKIP_COMPLETION_PORT_ON_SUCCESS != 0;
    Ok(())
}

/// Cancels a socket's queued operations: the one with `overlapped` (`CancelIoEx`), all of
/// them (`CancelIoEx` with NULL), or those issued by `thread` (`CancelIo`). Returns how many.
pub fn cancel_io(handle: usize, overlapped: Option<usize>, thread: Option<usize>) -> Result<usize, u32> {
    let sock = table::lookup(handle).ok_or(translate::ERROR_INVALID_HANDLE as u32)?;
    let done = {
        let mut st = sock.state();
        let done = ops::cancel(&mut st, translate::STATUS_CANCELLED, |op| {
            !op.is_internal() && overlapped.is_none_or(|ov| op.ov.0 == ov) && thread.is_none_or(|t| op.thread == t)
        });
        reactor::reactor().arm(&sock, &mut st);
        done
    };
    let n = done.len();
    done.deliver();
    Ok(n)
}
