//! Making progress on queued overlapped operations, and cancelling them.
//!
//! [`attempt`] performs one non-blocking try of an operation; [`progress`] retries the heads
//! of a socket's queues in FIFO order after readiness; [`cancel`] removes operations. All run
//! with the socket's state locked and hand finished operations back as a [`Done`] list, which
//! the caller delivers *after* unlocking (delivery talks to the host, which may take its own
//! locks).

use std::io;

use translate::error::errno_to_ntstatus;
use translate::flags::{recv_flags_to_host, recv_result_flags_to_win, send_flags_to_host};
use translate::sockaddr::HostSockAddr;
use translate::{STATUS_BUFFER_OVERFLOW, STATUS_CONNECTION_RESET, STATUS_SUCCESS};

use super::Socket;
use super::overlapped::{Op, OpKind, Outcome, deliver};
use super::socket::State;
use crate::sys::syscall;

/// Whether an attempt finished the operation.
#[derive(Debug)]
pub enum Attempt {
    /// Finished (successfully or not).
    Done(Outcome),
    /// The kernel would block: keep it queued.
    Pending,
    /// Continue on another socket's read queue (an `AcceptEx` waiting for its first data).
    MoveTo(std::sync::Arc<Socket>),
}

fn outcome(status: i32, bytes: usize, flags: u32) -> Attempt {
    Attempt::Done(Outcome { status, bytes: bytes as u32, flags })
}

fn failed(e: io::Error, sock: &Socket) -> Attempt {
    let errno = e.raw_os_error().unwrap_or(libc::EINVAL);
    // A connected datagram socket's stale ICMP error reads as a reset on Windows.
    let status = if errno == libc::ECONNREFUSED && !sock.is_stream() || errno == libc::EPIPE {
        STATUS_CONNECTION_RESET
    } else {
        errno_to_ntstatus(errno)
    };
    outcome(status, 0, 0)
}

/// One non-blocking try of `op` on `sock`, whose state `st` the caller holds locked.
pub fn attempt(sock: &Socket, st: &mut State, op: &mut Op) -> Attempt {
    if st.reset && matches!(op.kind, OpKind::Recv { .. } | OpKind::Send { .. }) {
        return outcome(STATUS_CONNECTION_RESET, 0, 0);
    }
    let r = attempt_once(sock, st, op);
    if let Attempt::Done(o) = &r {
        if o.status == STATUS_CONNECTION_RESET && sock.is_stream() {
            st.reset = true;
        }
    }
    r
}

fn attempt_once(sock: &Socket, st: &mut State, op: &mut Op) -> Attempt {
    match &mut op.kind {
        OpKind::Accept { .. } => super::extensions::attempt_accept(sock, op),
        OpKind::Connect { .. } => super::extensions::attempt_connect(sock, st, op),
        OpKind::Finished => outcome(STATUS_SUCCESS, 0, 0),
        OpKind::SendBuffered { data, sent } => loop {
            let rest = &data[*sent..];
            if rest.is_empty() {
                return outcome(STATUS_SUCCESS, *sent, 0);
            }
            let flags = send_flags_to_host(0).unwrap_or(0);
            // SAFETY: `rest` is a live slice of the operation's own buffer.
            let r = unsafe { libc::send(sock.fd(), rest.as_ptr().cast(), rest.len(), flags) };
            if r >= 0 {
                *sent += r as usize;
                continue;
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => continue,
                io::ErrorKind::WouldBlock => return Attempt::Pending,
                _ => return failed(e, sock),
            }
        },
        OpKind::Recv { iov, win_flags, from, fromlen, control, .. } => {
            let host_flags = match recv_flags_to_host(*win_flags) {
                Ok(f) => f & !libc::MSG_WAITALL,
                Err(e) => return outcome(translate::error::wsa_to_ntstatus(e), 0, 0),
            };
            let mut addr = HostSockAddr::new();
            let want_from = *from != 0 && !sock.is_stream();
            // SAFETY: msghdr is plain old data.
            let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
            let slice = iov.as_mut_slice();
            msg.msg_iov = slice.as_mut_ptr();
            msg.msg_iovlen = slice.len() as _;
            if want_from {
                msg.msg_name = addr.as_mut_ptr().cast();
                msg.msg_namelen = HostSockAddr::capacity();
            }
            let mut host_control = super::cmsg::HostControl::new();
            if *control != 0 {
                host_control.attach(&mut msg);
            }
            match crate::sys::retry_eintr(|| syscall!(recvmsg(sock.fd(), &mut msg, host_flags))) {
                Ok(n) => {
                    if want_from {
                        addr.set_len(msg.msg_namelen);
                        // SAFETY: the application's lpFrom/lpFromlen, valid until completion;
                        // room was checked when the operation was issued.
                        let _ = unsafe { crate::api::socket::write_addr(&addr, *from as *mut _, *fromlen as *mut i32) };
                    }
                    let truncated = !sock.is_stream() && msg.msg_flags & libc::MSG_TRUNC != 0;
                    let mut flags = (recv_result_flags_to_win(msg.msg_flags)
                        & !translate::MSG_TRUNC
                        & !translate::MSG_CTRUNC) as u32;
                    if *control != 0 {
                        // SAFETY: the application's WSAMSG Control, valid until completion.
                        flags |= unsafe { super::cmsg::deliver_to(&msg, *control as *mut translate::WSABUF) } as u32;
                    }
                    let status = if truncated { STATUS_BUFFER_OVERFLOW } else { STATUS_SUCCESS };
                    outcome(status, n as usize, flags)
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => Attempt::Pending,
                Err(e) => failed(e, sock),
            }
        }
        OpKind::Send { iov, win_flags, to, sent } => {
            let host_flags = match send_flags_to_host(*win_flags) {
                Ok(f) => f,
                Err(e) => return outcome(translate::error::wsa_to_ntstatus(e), 0, 0),
            };
            loop {
                // SAFETY: msghdr is plain old data.
                let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
                let slice = iov.as_mut_slice();
                msg.msg_iov = slice.as_mut_ptr();
                msg.msg_iovlen = slice.len() as _;
                if let Some(a) = to.as_ref().filter(|_| !sock.is_stream()) {
                    msg.msg_name = a.as_ptr().cast_mut().cast();
                    msg.msg_namelen = a.len();
                }
                let remaining: usize = slice.iter().map(|v| v.iov_len).sum();
                match crate::sys::retry_eintr(|| syscall!(sendmsg(sock.fd(), &msg, host_flags))) {
                    Ok(n) => {
                        *sent += n as usize;
                        if !sock.is_stream() || n as usize >= remaining {
                            return outcome(STATUS_SUCCESS, *sent, 0);
                        }
                        iov.advance_by(n as usize);
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Attempt::Pending,
                    Err(e) => return failed(e, sock),
                }
            }
        }
    }
}

/// Finished operations, to deliver once the socket lock is released; operations moving to
/// another socket's queue travel here too. The first finished operation is kept inline: one
/// completion per readiness event is the common case, and it should not allocate.
#[derive(Debug, Default)]
pub struct Done {
    ops: Inline<(Op, Outcome)>,
    moved: Vec<(Op, std::sync::Arc<Socket>)>,
}

/// A list whose first element needs no allocation.
#[derive(Debug)]
struct Inline<T> {
    first: Option<T>,
    rest: Vec<T>,
}

impl<T> Default for Inline<T> {
    fn default() -> Self {
        Inline { first: None, rest: Vec::new() }
    }
}

impl<T> Inline<T> {
    fn push(&mut self, v: T) {
        if self.first.is_none() { self.first = Some(v) } else { self.rest.push(v) }
    }

    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    fn into_iter(self) -> impl Iterator<Item = T> {
        self.first.into_iter().chain(self.rest)
    }
}

impl Done {
    fn new(_st: &State) -> Done {
        Done::default()
    }

    /// Delivers every finished operation, in order, and requeues moved ones.
    pub fn deliver(self) {
        for (op, out) in self.ops.into_iter() {
            deliver(op, out, false);
        }
        for (op, target) in self.moved {
            requeue_read(&target, op);
        }
    }
}

/// Puts `op` at the back of `sock`'s read queue (trying it first if the queue is empty).
fn requeue_read(sock: &std::sync::Arc<Socket>, mut op: Op) {
    let mut st = sock.state();
    if st.reads.is_empty() {
        match attempt(sock, &mut st, &mut op) {
            Attempt::Done(out) => {
                drop(st);
                deliver(op, out, false);
                return;
            }
            Attempt::MoveTo(other) => {
                drop(st);
                requeue_read(&other, op);
                return;
            }
            Attempt::Pending => {}
        }
    }
    st.reads.push_back(op);
    super::reactor::reactor().arm(sock, &mut st);
}

/// Issues an overlapped operation (see [`crate::engine::overlapped`]): `Ok` when it
/// completed at once (already delivered), `Err(WSA_IO_PENDING)` when queued, another error
/// when it failed at once (nothing is delivered then, as Windows documents). With
/// `try_first == false` the operation is queued without a first attempt (a `ConnectEx`
/// whose connect is in progress).
pub fn issue(
    sock: &std::sync::Arc<Socket>,
    mut op: Op,
    write: bool,
    try_first: bool,
) -> Result<Outcome, translate::WsaError> {
    op.ov.set_pending();
    let mut st = sock.state();
    op.port = st.port;
    op.skip_port_on_success = st.skip_port_on_success;
    let queue_empty = if write { st.writes.is_empty() } else { st.reads.is_empty() };
    if queue_empty && try_first {
        match attempt(sock, &mut st, &mut op) {
            Attempt::Done(out) => {
                drop(st);
                if (out.status as u32) >> 30 == 3 {
                    op.ov.set_result(out.status, out.bytes);
                    return Err(translate::error::ntstatus_to_wsa(out.status));
                }
                deliver(op, out, true);
                return Ok(out);
            }
            Attempt::MoveTo(target) => {
                drop(st);
                requeue_read(&target, op);
                return Err(translate::WsaError(translate::WSA_IO_PENDING));
            }
            Attempt::Pending => {}
        }
    }
    if write {
        st.writes.push_back(op);
    } else {
        st.reads.push_back(op);
    }
    super::reactor::reactor().arm(sock, &mut st);
    Err(translate::WsaError(translate::WSA_IO_PENDING))
}

/// Retries queued operations after readiness, FIFO per direction, until one would block.
pub fn progress(sock: &Socket, st: &mut State, readable: bool, writable: bool) -> Done {
    let mut done = Done::new(st);
    if readable && !st.reads.is_empty() {
        let mut q = std::mem::take(&mut st.reads);
        drain(sock, st, &mut q, &mut done);
        st.reads = q;
    }
    if writable && !st.writes.is_empty() {
        let mut q = std::mem::take(&mut st.writes);
        drain(sock, st, &mut q, &mut done);
        st.writes = q;
    }
    done
}

fn drain(sock: &Socket, st: &mut State, queue: &mut std::collections::VecDeque<Op>, done: &mut Done) {
    while let Some(op) = queue.front_mut() {
        match attempt(sock, st, op) {
            Attempt::Pending => break,
            Attempt::Done(out) => {
                let op = queue.pop_front().expect("front exists");
                done.ops.push((op, out));
            }
            Attempt::MoveTo(target) => {
                let op = queue.pop_front().expect("front exists");
                done.moved.push((op, target));
            }
        }
    }
}

/// What must happen once a socket's writes have drained: a `shutdown(SD_SEND)` that waited
/// for buffered data, and the release of a closed socket that stayed open only to flush it.
pub fn after_writes(sock: &Socket, st: &mut State) {
    if !st.writes.is_empty() {
        return;
    }
    if std::mem::take(&mut st.shutdown_after_writes) {
        // SAFETY: shutdown on an fd held alive by `sock`.
        unsafe { libc::shutdown(sock.fd(), libc::SHUT_WR) };
    }
    if sock.is_closed() {
        super::lingering::release(sock.handle);
    }
}

/// Removes every queued operation `matches` selects and completes it with `status`
/// (`STATUS_CANCELLED` for CancelIo/CancelIoEx). Returns how many were cancelled.
pub fn cancel(st: &mut State, status: i32, mut matches: impl FnMut(&Op) -> bool) -> Done {
    let mut done = Done::new(st);
    for queue in [&mut st.reads, &mut st.writes] {
        let mut keep = std::collections::VecDeque::with_capacity(queue.len());
        for op in queue.drain(..) {
            if matches(&op) {
                let bytes = match &op.kind {
                    OpKind::Send { sent, .. } | OpKind::Connect { sent, .. } | OpKind::SendBuffered { sent, .. } => {
                        *sent as u32
                    }
                    OpKind::Recv { .. } | OpKind::Accept { .. } | OpKind::Finished => 0,
                };
                done.ops.push((op, Outcome { status, bytes, flags: 0 }));
            } else {
                keep.push_back(op);
            }
        }
        *queue = keep;
    }
    done
}

#[allow(clippy::len_without_is_empty)]
impl Done {
    /// Number of operations finished.
    pub fn len(&self) -> usize {
        self.ops.len()
    }
}
