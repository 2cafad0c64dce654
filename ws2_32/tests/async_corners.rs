//! The Windows-documented corner cases of the async engine (issue 4), through the exported API:
//! what a pending operation completes with when its socket closes, targeted cancellation,
//! FD_CLOSE and FD_WRITE recording rules, `WSA_IO_INCOMPLETE`, `WAIT_IO_COMPLETION`, the
//! completion-port suppression rules (`hEvent` low bit, `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`),
//! per-socket FIFO completion, user APCs, and wait-all.
//!
//! Expected values are Windows' (as recorded by Wine's `dlls/ws2_32/tests/sock.c`, see
//! /work/shared/reference/reliability.md C1/E6), including where Wine itself differs.

use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

use translate::*;
use ws2_32::exports::kernel32::native::*;
use ws2_32::native::*;

mod util;
use util::{listener, pair, startup};

/// One buffer, one OVERLAPPED and a flags word for an overlapped receive, kept together so
/// everything the engine may touch lives until completion.
struct Slot {
    buf: Box<[u8]>,
    wsabuf: WSABUF,
    ov: Box<OVERLAPPED>,
    flags: Box<u32>,
}

impl Slot {
    fn new(len: usize, event: HANDLE) -> Slot {
        let mut buf = vec![0u8; len].into_boxed_slice();
        let wsabuf = WSABUF { len: len as u32, buf: buf.as_mut_ptr().cast() };
        Slot { buf, wsabuf, ov: Box::new(OVERLAPPED { hEvent: event, ..Default::default() }), flags: Box::new(0) }
    }

    fn ov(&mut self) -> *mut OVERLAPPED {
        &mut *self.ov
    }

    /// Issues an overlapped WSARecv; returns the call's result and error.
    fn recv(&mut self, s: SOCKET) -> (i32, i32) {
        let mut n = 0u32;
        *self.flags = 0;
        // SAFETY: buffer, flags and OVERLAPPED live in `self` until the operation completes.
        unsafe {
            let r = WSARecv(s, &self.wsabuf, 1, &mut n, &mut *self.flags, self.ov(), null_mut());
            (r, if r == 0 { 0 } else { WSAGetLastError() })
        }
    }

    fn pending(&self) -> bool {
        self.ov.Internal as u32 as i32 == STATUS_PENDING
    }
}

fn send_all(s: SOCKET, data: &[u8]) {
    // SAFETY: a live slice.
    assert_eq!(unsafe { send(s, data.as_ptr(), data.len() as i32, 0) }, data.len() as i32);
}

/// One packet from `port`: (ok, last error, bytes, key, overlapped).
fn dequeue(port: HANDLE, ms: u32) -> (BOOL, u32, u32, usize, *mut OVERLAPPED) {
    let (mut bytes, mut key, mut ov) = (0xdead_beef_u32, 0xdead_beef_usize, 0xdead_beef_usize as *mut OVERLAPPED);
    // SAFETY: live out-parameters.
    let ok = unsafe { GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut ov, ms) };
    // SAFETY: reads the calling thread's last error.
    (ok, unsafe { GetLastError() }, bytes, key, ov)
}

fn set_linger_abort(s: SOCKET) {
    let l = LINGER { l_onoff: 1, l_linger: 0 };
    // SAFETY: a live LINGER of the stated size.
    let r = unsafe { setsockopt(s, SOL_SOCKET, SO_LINGER, (&l as *const LINGER).cast(), 4) };
    assert_eq!(r, 0);
}

fn enum_events(s: SOCKET, ev: HANDLE) -> WSANETWORKEVENTS {
    let mut ne = WSANETWORKEVENTS::default();
    // SAFETY: a live WSANETWORKEVENTS.
    assert_eq!(unsafe { WSAEnumNetworkEvents(s, ev, &mut ne) }, 0);
    ne
}

fn wait1(ev: HANDLE, ms: u32) -> u32 {
    // SAFETY: one live handle.
    unsafe { WSAWaitForMultipleEvents(1, &ev, 0, ms, 0) }
}

// ── closesocket with a pending receive ─────────────────────────────────────────────────

/// Shared body: a pending WSARecv on an IOCP-associated connected socket, then closesocket.
/// Returns (GQCS result, last error, bytes, key matches, overlapped matches, Internal) and
/// checks that exactly one packet arrives.
fn close_with_pending_recv() -> (BOOL, u32, u32, bool, bool, i32) {
    startup();
    let (c, a) = pair();
    let mut slot = Slot::new(512, null_mut());
    // SAFETY: handles and pointers are live; the slot outlives the operation (we dequeue it).
    unsafe {
        let port = CreateIoCompletionPort(a as HANDLE, null_mut(), 0x1234_5678, 0);
        assert!(!port.is_null());
        assert_eq!(slot.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        let (ok, err, ..) = dequeue(port, 100);
        assert_eq!((ok, err), (0, WAIT_TIMEOUT as u32));
        assert_eq!(closesocket(a), 0);
        let (ok, err, bytes, key, ov) = dequeue(port, 2000);
        let internal = slot.ov.Internal as u32 as i32;
        assert_eq!(slot.ov.InternalHigh, 0);
        // Exactly once.
        let (ok2, err2, ..) = dequeue(port, 200);
        assert_eq!((ok2, err2), (0, WAIT_TIMEOUT as u32), "a second packet for one operation");
        closesocket(c);
        CloseHandle(port);
        (ok, err, bytes, key == 0x1234_5678, ov == slot.ov(), internal)
    }
}

/// Windows (Vista and later) completes a connected TCP socket's pending receive with
/// `STATUS_CONNECTION_ABORTED` / `ERROR_CONNECTION_ABORTED` when the socket is closed
/// (Wine's `iocp_async_read_closesocket`, a todo_wine there).
#[test]
fn closesocket_with_pending_recv_completes_once_with_connection_aborted() {
    let (ok, err, bytes, key_ok, ov_ok, internal) = close_with_pending_recv();
    assert_eq!((ok, err, bytes), (0, ERROR_CONNECTION_ABORTED as u32, 0));
    assert_eq!(internal, STATUS_CONNECTION_ABORTED);
    assert!(key_ok && ov_ok);
}

// ── CancelIoEx of one of several ───────────────────────────────────────────────────────

#[test]
fn cancel_io_ex_cancels_only_the_named_operation() {
    startup();
    let (c, a) = pair();
    // SAFETY: events and slots live until every operation has completed (checked below).
    unsafe {
        let events: Vec<HANDLE> = (0..3).map(|_| WSACreateEvent()).collect();
        let mut slots: Vec<Slot> = events.iter().map(|e| Slot::new(4, *e)).collect();
        for s in &mut slots {
            assert_eq!(s.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        }
        // Cancel the middle one from another thread (CancelIoEx works from any thread).
        let target = slots[1].ov() as usize;
        let sock = a;
        let r = std::thread::spawn(move || CancelIoEx(sock as HANDLE, target as *mut OVERLAPPED)).join().unwrap();
        assert_eq!(r, 1);
        assert_eq!(WSAWaitForMultipleEvents(1, &events[1], 0, 2000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(slots[1].ov.Internal as u32 as i32, STATUS_CANCELLED);
        let (mut n, mut fl) = (7u32, 7u32);
        assert_eq!(WSAGetOverlappedResult(a, slots[1].ov(), &mut n, 0, &mut fl), 0);
        assert_eq!((WSAGetLastError(), n), (WSA_OPERATION_ABORTED, 0));
        assert_eq!(GetOverlappedResult(a as HANDLE, slots[1].ov(), &mut n, 0), 0);
        assert_eq!(GetLastError(), ERROR_OPERATION_ABORTED as u32);
        // The others are untouched.
        assert!(slots[0].pending() && slots[2].pending());
        assert_eq!(wait1(events[0], 0), WSA_WAIT_TIMEOUT);
        // Cancelling it again finds nothing.
        assert_eq!(CancelIoEx(a as HANDLE, slots[1].ov()), 0);
        assert_eq!(GetLastError(), ERROR_NOT_FOUND as u32);
        // Data goes to the survivors in issue order.
        send_all(c, b"abcdefgh");
        assert_eq!(WSAWaitForMultipleEvents(2, [events[0], events[2]].as_ptr(), 1, 2000, 0), WSA_WAIT_EVENT_0);
        assert_eq!((&slots[0].buf[..], &slots[2].buf[..]), (&b"abcd"[..], &b"efgh"[..]));
        assert_eq!((slots[0].ov.InternalHigh, slots[2].ov.InternalHigh), (4, 4));
        assert_eq!(&slots[1].buf[..], &[0u8; 4], "a cancelled receive took no bytes");
        for e in events {
            WSACloseEvent(e);
        }
        closesocket(a);
        closesocket(c);
    }
}

// ── FD_CLOSE: graceful vs reset ────────────────────────────────────────────────────────

#[test]
fn fd_close_after_graceful_close_has_error_zero() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles.
    unsafe {
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(a, ev, FD_READ | FD_CLOSE), 0);
        send_all(c, b"last words");
        assert_eq!(closesocket(c), 0);
        // Data first, then FD_CLOSE (possibly recorded together) with error 0.
        let mut seen = 0;
        let mut buf = [0u8; 64];
        let mut got = 0;
        for _ in 0..10 {
            if wait1(ev, 2000) != WSA_WAIT_EVENT_0 {
                break;
            }
            let ne = enum_events(a, ev);
            seen |= ne.lNetworkEvents;
            if ne.lNetworkEvents & FD_READ != 0 {
                assert_eq!(ne.iErrorCode[FD_READ_BIT as usize], 0);
                let n = recv(a, buf.as_mut_ptr(), 64, 0);
                if n > 0 {
                    got += n;
                }
            }
            if ne.lNetworkEvents & FD_CLOSE != 0 {
                assert_eq!(ne.iErrorCode[FD_CLOSE_BIT as usize], 0);
                break;
            }
        }
        assert_eq!(seen & FD_CLOSE, FD_CLOSE);
        assert_eq!(got, 10);
        // FD_CLOSE is recorded once.
        assert_eq!(wait1(ev, 200), WSA_WAIT_TIMEOUT);
        closesocket(a);
        WSACloseEvent(ev);
    }
}

/// Returns FD_CLOSE's error code after the peer resets the connection (SO_LINGER {1,0}).
fn fd_close_error_after_reset() -> i32 {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles.
    unsafe {
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(a, ev, FD_CLOSE), 0);
        set_linger_abort(c);
        assert_eq!(closesocket(c), 0);
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        let ne = enum_events(a, ev);
        assert_eq!(ne.lNetworkEvents, FD_CLOSE);
        let code = ne.iErrorCode[FD_CLOSE_BIT as usize];
        closesocket(a);
        WSACloseEvent(ev);
        code
    }
}

/// Windows reports a reset peer's FD_CLOSE with `WSAECONNABORTED` (Wine's `test_close_events`;
/// reliability.md E6).
#[test]
fn fd_close_after_reset_is_wsaeconnaborted() {
    assert_eq!(fd_close_error_after_reset(), WSAECONNABORTED);
}

// ── FD_WRITE re-enabling ───────────────────────────────────────────────────────────────

#[test]
fn fd_write_is_recorded_again_only_after_a_send_would_block() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles and buffers.
    unsafe {
        let small = 8192i32;
        assert_eq!(setsockopt(a, SOL_SOCKET, SO_SNDBUF, (&small as *const i32).cast(), 4), 0);
        assert_eq!(setsockopt(c, SOL_SOCKET, SO_RCVBUF, (&small as *const i32).cast(), 4), 0);
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(a, ev, FD_WRITE), 0);
        assert_eq!(wait1(ev, 1000), WSA_WAIT_EVENT_0);
        assert_eq!(enum_events(a, ev).lNetworkEvents, FD_WRITE);
        // Successful sends do not re-enable FD_WRITE.
        send_all(a, b"hello");
        assert_eq!(wait1(ev, 200), WSA_WAIT_TIMEOUT);
        // Fill the pipe until WSAEWOULDBLOCK.
        let chunk = [0x5au8; 4096];
        let mut queued = 5usize;
        loop {
            let n = send(a, chunk.as_ptr(), chunk.len() as i32, 0);
            if n == SOCKET_ERROR {
                assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);
                break;
            }
            queued += n as usize;
            assert!(queued < 64 << 20, "the send buffer never filled");
        }
        // The peer drains everything: space returns and FD_WRITE is recorded (it may already
        // be, as data in flight left the send buffer), once.
        let mut sink = vec![0u8; 65536];
        let mut drained = 0usize;
        while drained < queued {
            let n = recv(c, sink.as_mut_ptr(), sink.len() as i32, 0);
            assert!(n > 0);
            drained += n as usize;
        }
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        let ne = enum_events(a, ev);
        assert_eq!((ne.lNetworkEvents, ne.iErrorCode[FD_WRITE_BIT as usize]), (FD_WRITE, 0));
        assert_eq!(wait1(ev, 200), WSA_WAIT_TIMEOUT);
        closesocket(a);
        closesocket(c);
        WSACloseEvent(ev);
    }
}

// ── FD_ACCEPT re-enabling ──────────────────────────────────────────────────────────────

/// `accept` re-enables FD_ACCEPT, and a connection still waiting is recorded again at once
/// (WSAEventSelect docs: "FD_ACCEPT — re-enabling function: accept or WSAAccept").
#[test]
fn fd_accept_is_recorded_again_after_accept() {
    startup();
    let (l, at) = listener();
    // SAFETY: live handles and locals.
    unsafe {
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(l, ev, FD_ACCEPT), 0);
        let c1 = socket(AF_INET, SOCK_STREAM, 0);
        assert_eq!(connect(c1, (&at as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        assert_eq!(enum_events(l, ev).lNetworkEvents, FD_ACCEPT);
        let a1 = accept(l, null_mut(), null_mut());
        assert_ne!(a1, INVALID_SOCKET);
        // A later connection is recorded.
        let c2 = socket(AF_INET, SOCK_STREAM, 0);
        assert_eq!(connect(c2, (&at as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        assert_eq!(enum_events(l, ev).lNetworkEvents, FD_ACCEPT);
        let a2 = accept(l, null_mut(), null_mut());
        assert_ne!(a2, INVALID_SOCKET);
        for s in [a1, a2, c1, c2, l] {
            closesocket(s);
        }
        WSACloseEvent(ev);
    }
}

// ── WSA_IO_INCOMPLETE and WAIT_IO_COMPLETION ──────────────────────────────────────────

#[test]
fn get_overlapped_result_without_wait_is_io_incomplete() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles; the slot outlives the operation (we wait for it).
    unsafe {
        let ev = WSACreateEvent();
        let mut slot = Slot::new(16, ev);
        assert_eq!(slot.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        let (mut n, mut fl) = (0u32, 0u32);
        assert_eq!(WSAGetOverlappedResult(a, slot.ov(), &mut n, 0, &mut fl), 0);
        assert_eq!(WSAGetLastError(), WSA_IO_INCOMPLETE);
        assert_eq!(GetOverlappedResult(a as HANDLE, slot.ov(), &mut n, 0), 0);
        assert_eq!(GetLastError(), ERROR_IO_INCOMPLETE as u32);
        assert!(slot.pending());
        send_all(c, b"done");
        // fWait = TRUE blocks until completion.
        assert_eq!(WSAGetOverlappedResult(a, slot.ov(), &mut n, 1, &mut fl), 1);
        assert_eq!((n, &slot.buf[..4]), (4, &b"done"[..]));
        WSACloseEvent(ev);
        closesocket(a);
        closesocket(c);
    }
}

static ROUTINE_RUNS: AtomicU32 = AtomicU32::new(0);
static ROUTINE_THREAD: AtomicU32 = AtomicU32::new(0);

unsafe extern "C" fn count_routine(error: u32, _bytes: u32, _ov: *mut OVERLAPPED, _flags: u32) {
    assert_eq!(error, 0);
    // SAFETY: GetCurrentThreadId has no preconditions.
    ROUTINE_THREAD.store(unsafe { GetCurrentThreadId() }, Ordering::SeqCst);
    ROUTINE_RUNS.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn alertable_waits_return_wait_io_completion() {
    startup();
    let (c, a) = pair();
    let routine = count_routine as unsafe extern "C" fn(u32, u32, *mut OVERLAPPED, u32);
    // SAFETY: live handles; buffers and OVERLAPPEDs outlive the operations (routines ran).
    unsafe {
        let me = GetCurrentThreadId();
        let never = CreateEventA(null_mut(), 1, 0, std::ptr::null());
        let mut bufs = [[0u8; 8]; 2];
        let mut ovs = [OVERLAPPED::default(); 2];
        let mut flags = [0u32; 2];
        let before = ROUTINE_RUNS.load(Ordering::SeqCst);
        for (i, ov) in ovs.iter_mut().enumerate() {
            let wb = WSABUF { len: 8, buf: bufs[i].as_mut_ptr().cast() };
            let mut n = 0;
            let r = WSARecv(a, &wb, 1, &mut n, &mut flags[i], ov, routine as *mut c_void);
            assert_eq!((r, WSAGetLastError()), (SOCKET_ERROR, WSA_IO_PENDING));
        }
        send_all(c, b"12345678");
        // A non-alertable wait times out without running the routine.
        assert_eq!(WaitForSingleObjectEx(never, 100, 0), WAIT_TIMEOUT as u32);
        assert_eq!(ROUTINE_RUNS.load(Ordering::SeqCst), before);
        // An alertable wait on an unsignalled event returns WAIT_IO_COMPLETION.
        assert_eq!(WaitForSingleObjectEx(never, 5000, 1), WAIT_IO_COMPLETION);
        assert_eq!(ROUTINE_RUNS.load(Ordering::SeqCst), before + 1);
        assert_eq!(ROUTINE_THREAD.load(Ordering::SeqCst), me);
        send_all(c, b"abcdefgh");
        assert_eq!(WSAWaitForMultipleEvents(1, &never, 0, 5000, 1), WSA_WAIT_IO_COMPLETION);
        assert_eq!(ROUTINE_RUNS.load(Ordering::SeqCst), before + 2);
        assert_eq!((&bufs[0], &bufs[1]), (b"12345678", b"abcdefgh"));
        // Nothing queued: an alertable wait simply times out.
        assert_eq!(WaitForSingleObjectEx(never, 50, 1), WAIT_TIMEOUT as u32);
        CloseHandle(never);
        closesocket(a);
        closesocket(c);
    }
}

// ── completion-port suppression ────────────────────────────────────────────────────────

#[test]
fn event_low_bit_suppresses_the_port_packet() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles; the slots outlive their operations (events waited).
    unsafe {
        let port = CreateIoCompletionPort(a as HANDLE, null_mut(), 9, 0);
        assert!(!port.is_null());
        let ev = WSACreateEvent();
        // Pending, then completed: the event is set, no packet.
        let mut slot = Slot::new(8, (ev as usize | 1) as HANDLE);
        assert_eq!(slot.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        send_all(c, b"quiet");
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        let (mut n, mut fl) = (0u32, 0u32);
        assert_eq!(WSAGetOverlappedResult(a, slot.ov(), &mut n, 1, &mut fl), 1);
        assert_eq!(n, 5);
        assert_eq!(dequeue(port, 200).1, WAIT_TIMEOUT as u32);
        // Immediate success with the low bit: no packet either.
        assert!(WSAResetEvent(ev) != 0);
        send_all(c, b"now");
        std::thread::sleep(Duration::from_millis(50));
        let mut slot2 = Slot::new(8, (ev as usize | 1) as HANDLE);
        assert_eq!(slot2.recv(a), (0, 0));
        assert_eq!(wait1(ev, 0), WSA_WAIT_EVENT_0);
        assert_eq!(dequeue(port, 200).1, WAIT_TIMEOUT as u32);
        // Without the low bit, the packet comes.
        let mut slot3 = Slot::new(8, ev);
        assert_eq!(slot3.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        send_all(c, b"loud");
        let (ok, _, bytes, key, ov) = dequeue(port, 2000);
        assert_eq!((ok, bytes, key, ov), (1, 4, 9, slot3.ov()));
        WSACloseEvent(ev);
        closesocket(a);
        closesocket(c);
        CloseHandle(port);
    }
}

#[test]
fn skip_completion_port_on_success_only_skips_immediate_successes() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles; the slots outlive their operations.
    unsafe {
        let port = CreateIoCompletionPort(a as HANDLE, null_mut(), 3, 0);
        assert_eq!(SetFileCompletionNotificationModes(a as HANDLE, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), 1);
        // An immediate send success: no packet.
        let data = *b"payload!";
        let wb = WSABUF { len: 8, buf: data.as_ptr().cast_mut().cast() };
        let mut sov = OVERLAPPED::default();
        let mut n = 0u32;
        assert_eq!(WSASend(a, &wb, 1, &mut n, 0, &mut sov, null_mut()), 0);
        assert_eq!((n, sov.Internal, sov.InternalHigh), (8, 0, 8));
        assert_eq!(dequeue(port, 200).1, WAIT_TIMEOUT as u32);
        // An immediate receive success: no packet.
        send_all(c, b"ready");
        std::thread::sleep(Duration::from_millis(50));
        let mut slot = Slot::new(16, null_mut());
        assert_eq!(slot.recv(a), (0, 0));
        assert_eq!(slot.ov.InternalHigh, 5);
        assert_eq!(dequeue(port, 200).1, WAIT_TIMEOUT as u32);
        // A pending receive completes through the port.
        let mut slot2 = Slot::new(16, null_mut());
        assert_eq!(slot2.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        send_all(c, b"later");
        let (ok, _, bytes, key, ov) = dequeue(port, 2000);
        assert_eq!((ok, bytes, key, ov), (1, 5, 3, slot2.ov()));
        // A cancelled pending receive posts its failure too.
        let mut slot3 = Slot::new(16, null_mut());
        assert_eq!(slot3.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        assert_eq!(CancelIoEx(a as HANDLE, slot3.ov()), 1);
        let (ok, err, _, _, ov) = dequeue(port, 2000);
        assert_eq!((ok, err, ov), (0, ERROR_OPERATION_ABORTED as u32, slot3.ov()));
        closesocket(a);
        closesocket(c);
        CloseHandle(port);
    }
}

// ── FIFO order ─────────────────────────────────────────────────────────────────────────

#[test]
fn pending_receives_complete_in_issue_order() {
    startup();
    let (c, a) = pair();
    // More capacity than data: a receive may take fewer than 4 bytes.
    const N: usize = 24;
    // SAFETY: live handles; the slots outlive their operations (all dequeued).
    unsafe {
        let port = CreateIoCompletionPort(a as HANDLE, null_mut(), 1, 0);
        let mut slots: Vec<Slot> = (0..N).map(|_| Slot::new(4, null_mut())).collect();
        for s in &mut slots {
            assert_eq!(s.recv(a), (SOCKET_ERROR, WSA_IO_PENDING));
        }
        let data: Vec<u8> = (0..64u8).collect();
        // In small pieces, so several readiness rounds are needed.
        for chunk in data.chunks(6) {
            send_all(c, chunk);
        }
        let mut order = Vec::new();
        let mut received = Vec::new();
        while received.len() < data.len() {
            let (ok, _, bytes, _, ov) = dequeue(port, 2000);
            assert_eq!(ok, 1, "a receive did not complete");
            let i = slots.iter_mut().position(|s| s.ov() == ov).expect("a known OVERLAPPED");
            order.push(i);
            received.extend_from_slice(&slots[i].buf[..bytes as usize]);
        }
        assert_eq!(order, (0..order.len()).collect::<Vec<_>>(), "completions out of issue order");
        assert_eq!(received, data, "bytes out of order");
        // Any receive not needed is still pending; closing completes it.
        closesocket(a);
        loop {
            let (ok, err, ..) = dequeue(port, 200);
            if ok == 0 && err == WAIT_TIMEOUT as u32 {
                break;
            }
        }
        closesocket(c);
        CloseHandle(port);
    }
}

// ── user APCs and waits ────────────────────────────────────────────────────────────────

static APC_SUM: AtomicUsize = AtomicUsize::new(0);
static APC_THREAD: AtomicU32 = AtomicU32::new(0);

unsafe extern "C" fn add_apc(data: usize) {
    APC_SUM.fetch_add(data, Ordering::SeqCst);
    // SAFETY: no preconditions.
    APC_THREAD.store(unsafe { GetCurrentThreadId() }, Ordering::SeqCst);
}

unsafe extern "C" fn sleeper(_param: *mut c_void) -> u32 {
    // SAFETY: no preconditions.
    unsafe { SleepEx(10_000, 1) }
}

#[test]
fn queue_user_apc_runs_in_alertable_sleep_only() {
    // SAFETY: live handles; the APC function has the PAPCFUNC signature.
    unsafe {
        let apc = add_apc as unsafe extern "C" fn(usize);
        APC_SUM.store(0, Ordering::SeqCst);
        // To the current thread.
        assert_ne!(QueueUserAPC(apc as *mut c_void, GetCurrentThread(), 5), 0);
        Sleep(20);
        assert_eq!(APC_SUM.load(Ordering::SeqCst), 0, "an APC ran outside an alertable wait");
        assert_eq!(SleepEx(0, 1), WAIT_IO_COMPLETION);
        assert_eq!(APC_SUM.load(Ordering::SeqCst), 5);
        assert_eq!(APC_THREAD.load(Ordering::SeqCst), GetCurrentThreadId());
        assert_eq!(SleepEx(0, 1), 0);
        // To another thread, sleeping alertably: it wakes with WAIT_IO_COMPLETION.
        let start = sleeper as unsafe extern "C" fn(*mut c_void) -> u32;
        let mut tid = 0u32;
        let t = CreateThread(null_mut(), 0, start as *mut c_void, null_mut(), 0, &mut tid);
        assert!(!t.is_null());
        std::thread::sleep(Duration::from_millis(50));
        assert_ne!(QueueUserAPC(apc as *mut c_void, t, 7), 0);
        assert_eq!(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
        let mut code = 0u32;
        assert_eq!(GetExitCodeThread(t, &mut code), 1);
        assert_eq!(code, WAIT_IO_COMPLETION);
        assert_eq!(APC_SUM.load(Ordering::SeqCst), 12);
        assert_eq!(APC_THREAD.load(Ordering::SeqCst), tid);
        CloseHandle(t);
    }
}

#[test]
fn wait_for_multiple_objects_wait_all() {
    // SAFETY: live handles.
    unsafe {
        let auto1 = CreateEventA(null_mut(), 0, 0, std::ptr::null());
        let auto2 = CreateEventA(null_mut(), 0, 0, std::ptr::null());
        let manual = CreateEventA(null_mut(), 1, 0, std::ptr::null());
        let hs = [auto1, auto2, manual];
        assert_eq!(WaitForMultipleObjects(3, hs.as_ptr(), 1, 0), WAIT_TIMEOUT as u32);
        assert_eq!(SetEvent(auto1), 1);
        assert_eq!(SetEvent(manual), 1);
        // Not all signalled: wait-all times out and consumes nothing.
        assert_eq!(WaitForMultipleObjects(3, hs.as_ptr(), 1, 50), WAIT_TIMEOUT as u32);
        assert_eq!(WaitForSingleObject(auto1, 0), WAIT_OBJECT_0, "wait-all consumed a partial set");
        assert_eq!(SetEvent(auto1), 1);
        // Wait-any returns the lowest signalled index (and consumes only that auto event).
        assert_eq!(WaitForMultipleObjects(3, hs.as_ptr(), 0, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForMultipleObjects(3, hs.as_ptr(), 0, 0), WAIT_OBJECT_0 + 2);
        // Completed by another thread while waiting.
        assert_eq!(SetEvent(auto1), 1);
        let a2 = auto2 as usize;
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            SetEvent(a2 as HANDLE)
        });
        assert_eq!(WaitForMultipleObjects(3, hs.as_ptr(), 1, 5000), WAIT_OBJECT_0);
        assert_eq!(setter.join().unwrap(), 1);
        // All auto-reset events were consumed together; the manual one stays set.
        assert_eq!(WaitForSingleObject(auto1, 0), WAIT_TIMEOUT as u32);
        assert_eq!(WaitForSingleObject(auto2, 0), WAIT_TIMEOUT as u32);
        assert_eq!(WaitForSingleObject(manual, 0), WAIT_OBJECT_0);
        for h in hs {
            assert_eq!(CloseHandle(h), 1);
        }
        assert_eq!(WaitForSingleObject(auto1, 0), WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE as u32);
    }
}

// ── lpFlags of a pending receive ───────────────────────────────────────────────────────

/// Windows reads `lpFlags` when an overlapped `WSARecv` is issued and reports the result
/// flags through `WSAGetOverlappedResult(lpdwFlags)`; it does not write the caller's `lpFlags`
/// when a *pending* receive completes later. Programs routinely pass a stack variable of a
/// function that has returned by then (the Windows SDK IOCP samples, .NET's `ref` flags).
#[test]
fn pending_recv_does_not_write_lpflags_at_completion() {
    startup();
    let (c, a) = pair();
    // SAFETY: live handles; `flags` stays allocated (we check it was not written).
    unsafe {
        let ev = WSACreateEvent();
        let mut buf = [0u8; 8];
        let wb = WSABUF { len: 8, buf: buf.as_mut_ptr().cast() };
        let mut ov = OVERLAPPED { hEvent: ev, ..Default::default() };
        let mut flags = Box::new(0u32);
        let mut n = 0u32;
        assert_eq!(WSARecv(a, &wb, 1, &mut n, &mut *flags, &mut ov, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSA_IO_PENDING);
        // The variable now belongs to something else.
        *flags = 0xdead_beef;
        send_all(c, b"x");
        assert_eq!(wait1(ev, 2000), WSA_WAIT_EVENT_0);
        let mut fl = 7u32;
        assert_eq!(WSAGetOverlappedResult(a, &mut ov, &mut n, 1, &mut fl), 1);
        assert_eq!((n, fl), (1, 0));
        assert_eq!(*flags, 0xdead_beef, "lpFlags was written after the call returned");
        WSACloseEvent(ev);
        closesocket(a);
        closesocket(c);
    }
}
