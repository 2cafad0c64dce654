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
use translate::{STATUS_BUFFER_OVERFLOW, STATUS_CANCELLED, STATUS_CONNECTION_RESET, STATUS_SUCCESS};

use super::Socket;
use super::overlapped::{Op, OpKind, Outcome, PortBinding, deliver};
use super::socket::State;
use crate::sys::syscall;

/// Whether an attempt finished the operation.
#[derive(Debug)]
pub enum Attempt {
    /// Finished (successfully or not).
    Done(Outcome),
    /// The kernel would block: keep it queued.
    Pending,
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

/// One non-blocking try of `op` on `sock`.
pub fn attempt(sock: &Socket, op: &mut Op) -> Attempt {
    match &mut op.kind {
        OpKind::Recv { iov, win_flags, from, fromlen, .. } => {
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
            match crate::sys::retry_eintr(|| syscall!(recvmsg(sock.fd(), &mut msg, host_flags))) {
                Ok(n) => {
                    if want_from {
                        addr.set_len(msg.msg_namelen);
                        // SAFETY: the application's lpFrom/lpFromlen, valid until completion;
                        // room was checked when the operation was issued.
                        let _ = unsafe {
                            crate::api::socket::write_addr(&addr, *from as *mut _, *fromlen as *mut i32)
                        };
                    }
                    let truncated = !sock.is_stream() && msg.msg_flags & libc::MSG_TRUNC != 0;
                    let flags = recv_result_flags_to_win(msg.msg_flags) as u32 & !(translate::MSG_TRUNC as u32);
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

/// Finished operations, to deliver once the socket lock is released.
#[derive(Debug, Default)]
pub struct Done {
    ops: Vec<(Op, Outcome)>,
    port: Option<PortBinding>,
    skip_port_on_success: bool,
}

impl Done {
    fn new(st: &State) -> Done {
        Done { ops: Vec::new(), port: st.port, skip_port_on_success: st.skip_port_on_success }
    }

    /// Delivers every finished operation, in order.
    pub fn deliver(self) {
        for (op, out) in self.ops {
            deliver(op, out, self.port, self.skip_port_on_success, false);
        }
    }
}

/// Retries queued operations after readiness, FIFO per direction, until one would block.
pub fn progress(sock: &Socket, st: &mut State, readable: bool, writable: bool) -> Done {
    let mut done = Done::new(st);
    if readable {
        drain(sock, &mut st.reads, &mut done);
    }
    if writable {
        drain(sock, &mut st.writes, &mut done);
    }
    done
}

fn drain(sock: &Socket, queue: &mut std::collections::VecDeque<Op>, done: &mut Done) {
    while let Some(op) = queue.front_mut() {
        match attempt(sock, op) {
            Attempt::Pending => break,
            Attempt::Done(out) => {
                let op = queue.pop_front().expect("front exists");
                done.ops.push((op, out));
            }
        }
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
                    OpKind::Send { sent, .. } => *sent as u32,
                    OpKind::Recv { .. } => 0,
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

impl Done {
    /// Number of operations finished.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether nothing finished.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// The status a closed socket's pending operations complete with.
pub const CLOSED_STATUS: i32 = STATUS_CANCELLED;
