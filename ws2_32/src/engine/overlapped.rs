//! The overlapped-operation lifecycle: how an operation is issued, parked, completed and
//! delivered — exactly once (DESIGN property 8).
//!
//! # Issue
//! An overlapped `WSARecv`/`WSASend`/… first tries its non-blocking syscall in the caller's
//! thread — but only when no earlier operation of the same direction is queued on the socket,
//! so same-kind operations on a stream complete in issue order. If the kernel has the data (or
//! the space), the operation completes *now*; otherwise it becomes an [`Op`] at the back of the
//! socket's read or write queue, `OVERLAPPED.Internal` reads `STATUS_PENDING`, the reactor is
//! armed for that direction, and the call fails with `WSA_IO_PENDING`.
//!
//! # Complete
//! The reactor (or any thread that drives it) retries the head of a queue when the fd becomes
//! ready, in FIFO order, until one would block. Cancellation (`CancelIo`, `CancelIoEx`,
//! `closesocket`) removes queued operations and completes them with `STATUS_CANCELLED`. An
//! [`Op`] is owned by exactly one queue or one completing thread at a time and is consumed by
//! [`deliver`], so it cannot complete twice.
//!
//! # Deliver
//! As Windows does, whether the operation completed at once or later:
//! 1. `OVERLAPPED.InternalHigh` = bytes, then `OVERLAPPED.Internal` = the NTSTATUS (release
//!    store: a thread spinning on `HasOverlappedIoCompleted` then sees the byte count);
//! 2. with a completion routine: an APC on the issuing thread, run when it waits alertably
//!    (the routine is called in the issuing face's ABI); `hEvent` is then the application's;
//! 3. otherwise `hEvent` (low bit masked) is set, and if the socket is associated with a
//!    completion port a packet is posted — unless `hEvent`'s low bit is set, or the operation
//!    succeeded at once and the socket has `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`.
//! 4. waiters of `WSAGetOverlappedResult` on an operation without an event are woken.
//!
//! Application code never runs here: only the host is told (DESIGN property 5).
//!
//! # Internal operations
//! The engine queues one kind of operation for itself: the remainder of a non-blocking stream
//! `send` that the kernel did not take at once ([`OpKind::SendBuffered`]; Windows reports the
//! whole buffer sent and keeps the rest). It has no OVERLAPPED (`ov` is 0), is never
//! delivered nor cancelled by `CancelIo(Ex)`, keeps the write queue's FIFO order, delays a
//! `shutdown(SD_SEND)` until it is out, and keeps a closed socket alive (`engine::lingering`)
//! until it has been flushed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use translate::sockaddr::HostSockAddr;
use translate::{OVERLAPPED, STATUS_PENDING};

use crate::api::io::IoVecs;
use crate::exports::Face;
use crate::host::host;

/// The raw `OVERLAPPED*` of an operation, as an address. The application guarantees it stays
/// valid until the operation completes (the Winsock contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OvPtr(pub usize);

impl OvPtr {
    fn field(&self, offset: usize) -> &AtomicUsize {
        // SAFETY: a live OVERLAPPED (the caller's contract); `Internal`/`InternalHigh` are
        // naturally aligned ULONG_PTRs, which may be read concurrently by the application
        // (HasOverlappedIoCompleted), hence atomic access.
        unsafe { AtomicUsize::from_ptr((self.0 + offset) as *mut usize) }
    }

    /// Marks the operation pending (`Internal = STATUS_PENDING`). `InternalHigh` keeps the
    /// application's value until completion, as on Windows (Wine's
    /// `test_nonblocking_async_recv` sees 0xdeadbeef there while the receive is pending).
    pub fn set_pending(&self) {
        self.field(0).store(STATUS_PENDING as u32 as usize, Ordering::Release);
    }

    /// Records the outcome.
    pub fn set_result(&self, status: i32, bytes: u32) {
        self.field(8).store(bytes as usize, Ordering::Relaxed);
        self.field(0).store(status as u32 as usize, Ordering::Release);
    }

    /// `Internal` as an NTSTATUS.
    pub fn status(&self) -> i32 {
        self.field(0).load(Ordering::Acquire) as u32 as i32
    }

    /// `InternalHigh` (bytes transferred).
    pub fn bytes(&self) -> u32 {
        self.field(8).load(Ordering::Relaxed) as u32
    }

    /// `hEvent` as given by the application (low bit included).
    pub fn event(&self) -> usize {
        // SAFETY: a live OVERLAPPED; hEvent is only read.
        unsafe { (*(self.0 as *const OVERLAPPED)).hEvent as usize }
    }
}

/// A completion routine and where to run it.
#[derive(Clone, Copy, Debug)]
pub struct Routine {
    /// `LPWSAOVERLAPPED_COMPLETION_ROUTINE`, in `face`'s ABI.
    pub func: usize,
    /// The ABI the routine expects.
    pub face: Face,
    /// The issuing thread's host token.
    pub thread: usize,
}

/// What an operation does when retried.
#[derive(Debug)]
pub enum OpKind {
    /// `WSARecv`/`WSARecvFrom`: the buffers, the flags requested, and where to write the
    /// result flags and source address.
    Recv {
        /// The application's buffers.
        iov: IoVecs,
        /// Windows receive flags.
        win_flags: i32,
        /// `lpFlags` (written at completion), or 0.
        flags_out: usize,
        /// `lpFrom`, or 0.
        from: usize,
        /// `lpFromlen`, or 0.
        fromlen: usize,
        /// `WSARecvMsg`'s `Control` WSABUF (filled at completion), or 0.
        control: usize,
    },
    /// `AcceptEx`, waiting on the listener for a connection, then (with `recv_len > 0`) on
    /// the accepting socket for the first data.
    Accept {
        /// The socket that takes the connection.
        acceptor: std::sync::Arc<super::Socket>,
        /// The application's output buffer: data, then the local and remote address blocks.
        buf: usize,
        /// Bytes of data to receive before completing.
        recv_len: u32,
        /// Size of the local address block.
        local_len: u32,
        /// Size of the remote address block.
        remote_len: u32,
        /// The connection is accepted; waiting for data.
        accepted: bool,
    },
    /// `ConnectEx`: waiting for the connection, then sending the optional buffer.
    Connect {
        /// The data to send once connected.
        iov: IoVecs,
        /// Bytes sent so far.
        sent: usize,
        /// The connection is established.
        connected: bool,
    },
    /// An operation the issuing call finished itself (a synchronous ioctl, `DisconnectEx`),
    /// delivered through the usual routes.
    Finished,
    /// The rest of a non-blocking stream `send` that the kernel did not take at once: Windows
    /// reports the whole buffer sent and keeps the remainder itself, so the engine does too
    /// (an internal operation: no OVERLAPPED, nothing to deliver).
    SendBuffered {
        /// The bytes still to send.
        data: Vec<u8>,
        /// How many of them went out.
        sent: usize,
    },
    /// `WSASend`/`WSASendTo`: the buffers (advanced as bytes go out) and the destination.
    Send {
        /// The application's buffers, with what was already sent dropped.
        iov: IoVecs,
        /// Windows send flags.
        win_flags: i32,
        /// Destination for datagram sockets.
        to: Option<HostSockAddr>,
        /// Bytes sent so far (a stream send completes when all are sent).
        sent: usize,
    },
}

/// A queued overlapped operation.
#[derive(Debug)]
pub struct Op {
    /// What to retry.
    pub kind: OpKind,
    /// The application's OVERLAPPED.
    pub ov: OvPtr,
    /// Completion routine, if any.
    pub routine: Option<Routine>,
    /// Host token of the issuing thread (for `CancelIo`).
    pub thread: usize,
    /// The completion port of the socket the operation was issued on, captured at issue
    /// (an `AcceptEx` finishing on the accepting socket still completes to the listener's).
    pub port: Option<PortBinding>,
    /// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` of that socket.
    pub skip_port_on_success: bool,
}

impl Op {
    /// Whether the engine issued this operation for itself (no OVERLAPPED, never delivered,
    /// never cancelled by CancelIo/CancelIoEx).
    pub fn is_internal(&self) -> bool {
        self.ov.0 == 0
    }

    /// A new operation; the port binding is captured by `ops::issue`.
    pub fn new(kind: OpKind, ov: OvPtr, routine: Option<Routine>, thread: usize) -> Op {
        Op { kind, ov, routine, thread, port: None, skip_port_on_success: false }
    }
}

// SAFETY: the raw pointers inside an Op (buffers, OVERLAPPED, output pointers) are the
// application's, valid until completion by the Winsock contract; the Op is owned by one
// thread at a time (a queue under the socket lock, or the completing thread).
unsafe impl Send for Op {}

/// Where a socket's completions go, besides the event and routine.
#[derive(Clone, Copy, Debug, Default)]
pub struct PortBinding {
    /// The completion port handle.
    pub port: usize,
    /// The key given to `CreateIoCompletionPort`.
    pub key: usize,
}

/// The outcome of an operation.
#[derive(Clone, Copy, Debug)]
pub struct Outcome {
    /// NTSTATUS.
    pub status: i32,
    /// Bytes transferred.
    pub bytes: u32,
    /// Windows result flags (receives).
    pub flags: u32,
}

/// Threads in [`wait_for`]: `deliver` takes the lock and notifies only when there are some,
/// so the common completion touches no shared cache line and makes no futex syscall.
static WAITERS: AtomicUsize = AtomicUsize::new(0);
static WAKE: (Mutex<()>, Condvar) = (Mutex::new(()), Condvar::new());

/// Delivers a finished operation (see the module docs). `at_once` is true when the issuing
/// call itself completed it (success before returning).
pub fn deliver(op: Op, out: Outcome, at_once: bool) {
    if op.is_internal() {
        return;
    }
    let (port, skip_port_on_success) = (op.port, op.skip_port_on_success);
    // `lpFlags` is written only by a call that completes at once: once the call has returned
    // pending, the caller's flags variable is usually a dead stack slot (Windows reports the
    // flags of a later completion through WSAGetOverlappedResult instead).
    if let OpKind::Recv { flags_out, .. } = &op.kind {
        if at_once && *flags_out != 0 {
            // SAFETY: the application's lpFlags, valid during the call that completes here.
            unsafe { (*flags_out as *mut u32).write_unaligned(out.flags) };
        }
    }
    op.ov.set_result(out.status, out.bytes);
    let event = op.ov.event();
    if let Some(r) = op.routine {
        let error = translate::error::ntstatus_to_wsa(out.status).0 as u32;
        let ctx = Box::new(RoutineCall { routine: r, error, bytes: out.bytes, ov: op.ov.0, flags: out.flags });
        if !host().queue_apc(r.thread, run_routine, Box::into_raw(ctx) as usize) {
            log::warn!(target: "ws2_32::overlapped", "issuing thread is gone; completion routine dropped");
        }
    } else {
        if event & !1 != 0 {
            host().set_event(event & !1);
        }
        if let Some(p) = port {
            let skip = event & 1 != 0 || (at_once && skip_port_on_success && out.status >= 0);
            if !skip {
                host().post_completion(p.port, out.status, out.bytes, p.key, op.ov.0);
            }
        }
    }
    // Pairs with the fence in `wait_for`: a waiter either sees the status written above or is
    // counted here and notified under the lock.
    std::sync::atomic::fence(Ordering::SeqCst);
    if WAITERS.load(Ordering::SeqCst) > 0 {
        let (m, cv) = &WAKE;
        let _guard = m.lock().unwrap_or_else(|e| e.into_inner());
        cv.notify_all();
    }
}

/// Completes an operation the calling thread finished itself, through the socket's usual
/// routes (event, completion port, completion routine). `at_once` applies the
/// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` rule.
pub fn complete_now(sock: &super::Socket, ov: OvPtr, routine: Option<Routine>, out: Outcome, at_once: bool) {
    let mut op = Op::new(OpKind::Finished, ov, routine, host().current_thread());
    {
        let st = sock.state();
        op.port = st.port;
        op.skip_port_on_success = st.skip_port_on_success;
    }
    deliver(op, out, at_once);
}

/// Blocks until `ov` is no longer pending or the deadline passes. Used by
/// `WSAGetOverlappedResult`/`GetOverlappedResult` when the OVERLAPPED has no event.
pub fn wait_for(ov: OvPtr, deadline: crate::sys::Deadline) {
    WAITERS.fetch_add(1, Ordering::SeqCst);
    std::sync::atomic::fence(Ordering::SeqCst);
    let (m, cv) = &WAKE;
    let mut guard = m.lock().unwrap_or_else(|e| e.into_inner());
    while ov.status() == STATUS_PENDING && !deadline.expired() {
        let ms = deadline.remaining_ms();
        let dur =
            if ms < 0 { std::time::Duration::from_secs(3600) } else { std::time::Duration::from_millis(ms as u64) };
        guard = cv.wait_timeout(guard, dur).unwrap_or_else(|e| e.into_inner()).0;
    }
    drop(guard);
    WAITERS.fetch_sub(1, Ordering::SeqCst);
}

struct RoutineCall {
    routine: Routine,
    error: u32,
    bytes: u32,
    ov: usize,
    flags: u32,
}

/// The APC that runs a completion routine on the issuing thread.
unsafe extern "C" fn run_routine(ctx: usize) {
    // SAFETY: `ctx` came from Box::into_raw in `deliver` and is consumed exactly once here.
    let call = unsafe { Box::from_raw(ctx as *mut RoutineCall) };
    let r = call.routine;
    match r.face {
        Face::Native => {
            // SAFETY: the application passed a native completion routine of this signature.
            let f: unsafe extern "C" fn(u32, u32, *mut OVERLAPPED, u32) = unsafe { std::mem::transmute(r.func) };
            // SAFETY: calling the application's routine on its own thread, as Windows does.
            unsafe { f(call.error, call.bytes, call.ov as *mut OVERLAPPED, call.flags) };
        }
        #[cfg(target_arch = "x86_64")]
        Face::Win64 => {
            // SAFETY: the application passed a win64 completion routine of this signature.
            let f: unsafe extern "win64" fn(u32, u32, *mut OVERLAPPED, u32) = unsafe { std::mem::transmute(r.func) };
            // SAFETY: as above.
            unsafe { f(call.error, call.bytes, call.ov as *mut OVERLAPPED, call.flags) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        Face::Win64 => {}
    }
}
