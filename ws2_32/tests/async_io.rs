//! The asynchronous engine through the exported API: overlapped I/O completing to events,
//! to completion ports and to completion routines; cancellation; WSAEventSelect.

use std::mem::size_of;
use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicU32, Ordering};

use translate::*;
use ws2_32::exports::kernel32::native::*;
use ws2_32::native::*;

mod util;
use util::{connect_to, listener, pair, startup};

#[test]
fn overlapped_recv_completes_to_its_event() {
    startup();
    let (c, a) = pair();
    // SAFETY: buffers, OVERLAPPED and event live until the operation completes (we wait).
    unsafe {
        let ev = WSACreateEvent();
        let mut ov = OVERLAPPED { hEvent: ev, ..Default::default() };
        let mut buf = [0u8; 32];
        let wsabuf = WSABUF { len: 32, buf: buf.as_mut_ptr().cast() };
        let (mut n, mut flags) = (0u32, 0u32);
        assert_eq!(WSARecv(a, &wsabuf, 1, &mut n, &mut flags, &mut ov, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSA_IO_PENDING);
        assert_eq!(ov.Internal, STATUS_PENDING as usize);
        let mut flags_out = 0;
        assert_eq!(WSAGetOverlappedResult(a, &mut ov, &mut n, 0, &mut flags_out), 0);
        assert_eq!(WSAGetLastError(), WSA_IO_INCOMPLETE);
        assert_eq!(send(c, b"ping".as_ptr(), 4, 0), 4);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 5000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAGetOverlappedResult(a, &mut ov, &mut n, 1, &mut flags_out), 1);
        assert_eq!(n, 4);
        assert_eq!(&buf[..4], b"ping");
        assert_eq!(ov.Internal, 0);
        assert_eq!(ov.InternalHigh, 4);
        WSACloseEvent(ev);
        closesocket(a);
        closesocket(c);
    }
}

#[test]
fn immediate_success_still_posts_to_the_port_unless_skipped() {
    startup();
    let (c, a) = pair();
    // SAFETY: as above; every pointer outlives the operation.
    unsafe {
        let port = CreateIoCompletionPort(usize::MAX as HANDLE, null_mut(), 0, 0);
        assert!(!port.is_null());
        assert_eq!(CreateIoCompletionPort(a as HANDLE, port, 77, 0), port);
        assert_eq!(send(c, b"abc".as_ptr(), 3, 0), 3);
        std::thread::sleep(std::time::Duration::from_millis(50));
        let mut buf = [0u8; 8];
        let wsabuf = WSABUF { len: 8, buf: buf.as_mut_ptr().cast() };
        let mut ov = OVERLAPPED::default();
        let (mut n, mut flags) = (0u32, 0u32);
        assert_eq!(WSARecv(a, &wsabuf, 1, &mut n, &mut flags, &mut ov, null_mut()), 0);
        assert_eq!(n, 3);
        let (mut bytes, mut key, mut got) = (0u32, 0usize, null_mut::<OVERLAPPED>());
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 1000), 1);
        assert_eq!((bytes, key, got), (3, 77, &mut ov as *mut OVERLAPPED));

        // With FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, an immediate success posts nothing.
        assert_eq!(SetFileCompletionNotificationModes(a as HANDLE, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), 1);
        assert_eq!(send(c, b"de".as_ptr(), 2, 0), 2);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(WSARecv(a, &wsabuf, 1, &mut n, &mut flags, &mut ov, null_mut()), 0);
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 0), 0);
        assert_eq!(GetLastError(), WAIT_TIMEOUT as u32);
        assert!(got.is_null());

        // A pending receive still completes through the port.
        assert_eq!(WSARecv(a, &wsabuf, 1, &mut n, &mut flags, &mut ov, null_mut()), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSA_IO_PENDING);
        assert_eq!(send(c, b"xyz".as_ptr(), 3, 0), 3);
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 5000), 1);
        assert_eq!((bytes, key), (3, 77));
        closesocket(a);
        closesocket(c);
        CloseHandle(port);
    }
}

#[test]
fn cancel_and_close_complete_pending_operations_once() {
    startup();
    let (c, a) = pair();
    // SAFETY: as above.
    unsafe {
        let port = CreateIoCompletionPort(a as HANDLE, null_mut(), 5, 0);
        let mut bufs = [[0u8; 4]; 3];
        let mut ovs = [OVERLAPPED::default(); 3];
        let wsabufs: Vec<WSABUF> = bufs.iter_mut().map(|b| WSABUF { len: 4, buf: b.as_mut_ptr().cast() }).collect();
        let (mut n, mut flags) = (0u32, 0u32);
        for i in 0..3 {
            assert_eq!(WSARecv(a, &wsabufs[i], 1, &mut n, &mut flags, &mut ovs[i], null_mut()), SOCKET_ERROR);
            assert_eq!(WSAGetLastError(), WSA_IO_PENDING);
        }
        // Cancel the middle one only.
        assert_eq!(CancelIoEx(a as HANDLE, &mut ovs[1]), 1);
        let (mut bytes, mut key, mut got) = (0u32, 0usize, null_mut::<OVERLAPPED>());
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 1000), 0);
        assert_eq!(GetLastError(), ERROR_OPERATION_ABORTED as u32);
        assert_eq!(got, &mut ovs[1] as *mut OVERLAPPED);
        assert_eq!(CancelIoEx(a as HANDLE, &mut ovs[1]), 0);
        assert_eq!(GetLastError(), ERROR_NOT_FOUND as u32);
        // Data goes to the first, in issue order.
        assert_eq!(send(c, b"1234".as_ptr(), 4, 0), 4);
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 5000), 1);
        assert_eq!(got, &mut ovs[0] as *mut OVERLAPPED);
        assert_eq!(&bufs[0], b"1234");
        // Closing the socket completes the last one, exactly once.
        closesocket(a);
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 1000), 0);
        assert_eq!(got, &mut ovs[2] as *mut OVERLAPPED);
        assert_eq!(GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut got, 100), 0);
        assert_eq!(GetLastError(), WAIT_TIMEOUT as u32);
        closesocket(c);
        CloseHandle(port);
    }
}

static ROUTINE_CALLS: AtomicU32 = AtomicU32::new(0);
static ROUTINE_BYTES: AtomicU32 = AtomicU32::new(0);

unsafe extern "C" fn on_complete(error: u32, bytes: u32, _ov: *mut OVERLAPPED, _flags: u32) {
    assert_eq!(error, 0);
    ROUTINE_CALLS.fetch_add(1, Ordering::SeqCst);
    ROUTINE_BYTES.store(bytes, Ordering::SeqCst);
}

#[test]
fn completion_routines_run_in_alertable_waits_on_the_issuing_thread() {
    startup();
    let (c, a) = pair();
    // SAFETY: as above.
    unsafe {
        let mut buf = [0u8; 16];
        let wsabuf = WSABUF { len: 16, buf: buf.as_mut_ptr().cast() };
        let mut ov = OVERLAPPED::default();
        let (mut n, mut flags) = (0u32, 0u32);
        let routine = on_complete as unsafe extern "C" fn(u32, u32, *mut OVERLAPPED, u32);
        let r = WSARecv(a, &wsabuf, 1, &mut n, &mut flags, &mut ov, routine as *mut _);
        assert_eq!((r, WSAGetLastError()), (SOCKET_ERROR, WSA_IO_PENDING));
        assert_eq!(send(c, b"hello!".as_ptr(), 6, 0), 6);
        // Not alertable: the routine must not run.
        Sleep(100);
        assert_eq!(ROUTINE_CALLS.load(Ordering::SeqCst), 0);
        assert_eq!(SleepEx(5000, 1), WAIT_IO_COMPLETION);
        assert_eq!(ROUTINE_CALLS.load(Ordering::SeqCst), 1);
        assert_eq!(ROUTINE_BYTES.load(Ordering::SeqCst), 6);
        assert_eq!(SleepEx(0, 1), 0);
        closesocket(a);
        closesocket(c);
    }
}

#[test]
fn event_select_records_and_reenables() {
    startup();
    let (c, a) = pair();
    // SAFETY: as above.
    unsafe {
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(a, ev, FD_READ | FD_WRITE | FD_CLOSE), 0);
        // FD_WRITE is recorded at once on a connected socket.
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 1000, 0), WSA_WAIT_EVENT_0);
        let mut ne = WSANETWORKEVENTS::default();
        assert_eq!(WSAEnumNetworkEvents(a, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_WRITE);
        // The socket is non-blocking now.
        let mut b = [0u8; 8];
        assert_eq!(recv(a, b.as_mut_ptr(), 8, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);
        assert_eq!(send(c, b"12345678".as_ptr(), 8, 0), 8);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 1000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAEnumNetworkEvents(a, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_READ);
        // A partial read leaves data: FD_READ is recorded again.
        assert_eq!(recv(a, b.as_mut_ptr(), 4, 0), 4);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 1000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAEnumNetworkEvents(a, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_READ);
        assert_eq!(recv(a, b.as_mut_ptr(), 8, 0), 4);
        // Graceful close: FD_CLOSE with error 0.
        closesocket(c);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 1000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAEnumNetworkEvents(a, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_CLOSE);
        assert_eq!(ne.iErrorCode[FD_CLOSE_BIT as usize], 0);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 100, 0), WSA_WAIT_TIMEOUT);
        closesocket(a);
        WSACloseEvent(ev);
        let _ = (null::<u8>(), size_of::<u8>());
    }
}

/// Gets an extension function pointer through WSAIoctl.
fn extension(s: SOCKET, guid: GUID) -> usize {
    let (r, f, n) = util::extension(s, guid);
    assert_eq!((r, n), (0, 8));
    f
}

type AcceptExFn = unsafe extern "C" fn(SOCKET, SOCKET, *mut u8, u32, u32, u32, *mut u32, *mut OVERLAPPED) -> BOOL;
type ConnectExFn = unsafe extern "C" fn(SOCKET, *const SOCKADDR, i32, *mut u8, u32, *mut u32, *mut OVERLAPPED) -> BOOL;
type GetSockaddrsFn =
    unsafe extern "C" fn(*mut u8, u32, u32, u32, *mut *mut SOCKADDR, *mut i32, *mut *mut SOCKADDR, *mut i32);

#[test]
fn acceptex_and_connectex_through_a_completion_port() {
    startup();
    // SAFETY: every buffer and OVERLAPPED outlives its operation (we wait for completions).
    unsafe {
        let (l, at) = listener();
        let any = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));

        let accept_ex: AcceptExFn = std::mem::transmute(extension(l, WSAID_ACCEPTEX));
        let connect_ex: ConnectExFn = std::mem::transmute(extension(l, WSAID_CONNECTEX));
        let sockaddrs: GetSockaddrsFn = std::mem::transmute(extension(l, WSAID_GETACCEPTEXSOCKADDRS));
        let (r, _, _) = util::extension(l, GUID::from_u128(1));
        assert_eq!((r, WSAGetLastError()), (SOCKET_ERROR, WSAEINVAL));

        let port = CreateIoCompletionPort(l as HANDLE, null_mut(), 1, 0);
        let acceptor = socket(AF_INET, SOCK_STREAM, 0);
        let mut abuf = [0u8; 16 + 2 * 64];
        let mut aov = OVERLAPPED::default();
        let mut got = 0u32;
        // With recv_len 16, AcceptEx waits for the first data.
        assert_eq!(accept_ex(l, acceptor, abuf.as_mut_ptr(), 16, 64, 64, &mut got, &mut aov), 0);
        assert_eq!(WSAGetLastError(), WSA_IO_PENDING);

        // ConnectEx needs a bound socket.
        let c = socket(AF_INET, SOCK_STREAM, 0);
        let mut cov = OVERLAPPED::default();
        let mut sent = 0u32;
        let mut hello = *b"hello acceptex!!";
        assert_eq!(
            connect_ex(c, (&at as *const SOCKADDR_IN).cast(), 16, hello.as_mut_ptr(), 16, &mut sent, &mut cov),
            0
        );
        assert_eq!(WSAGetLastError(), WSAEINVAL);
        assert_eq!(bind(c, (&any as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(CreateIoCompletionPort(c as HANDLE, port, 2, 0), port);
        let r = connect_ex(c, (&at as *const SOCKADDR_IN).cast(), 16, hello.as_mut_ptr(), 16, &mut sent, &mut cov);
        assert!(r == 1 || WSAGetLastError() == WSA_IO_PENDING);

        let mut seen = Vec::new();
        for _ in 0..2 {
            let (mut bytes, mut key, mut ov) = (0u32, 0usize, null_mut::<OVERLAPPED>());
            assert_eq!(
                GetQueuedCompletionStatus(port, &mut bytes, &mut key, &mut ov, 5000),
                1,
                "error {}",
                GetLastError()
            );
            seen.push((key, bytes));
        }
        seen.sort();
        assert_eq!(seen, vec![(1, 16), (2, 16)]);
        assert_eq!(&abuf[..16], b"hello acceptex!!");
        let (mut local, mut remote) = (null_mut::<SOCKADDR>(), null_mut::<SOCKADDR>());
        let (mut llen, mut rlen) = (0, 0);
        sockaddrs(abuf.as_mut_ptr(), 16, 64, 64, &mut local, &mut llen, &mut remote, &mut rlen);
        assert_eq!((llen, rlen), (16, 16));
        let local = &*(local as *const SOCKADDR_IN);
        assert_eq!(local.sin_port, at.sin_port);
        // The accepting socket is now connected: data flows both ways.
        assert_eq!(send(acceptor, b"back".as_ptr(), 4, 0), 4);
        let mut b = [0u8; 4];
        assert_eq!(recv(c, b.as_mut_ptr(), 4, 0), 4);
        assert_eq!(&b, b"back");
        for s in [acceptor, c, l] {
            closesocket(s);
        }
        CloseHandle(port);
    }
}

#[test]
fn accepted_sockets_inherit_the_event_selection() {
    startup();
    // SAFETY: all pointers point to live locals.
    unsafe {
        let (l, at) = listener();
        let ev = WSACreateEvent();
        assert_eq!(WSAEventSelect(l, ev, FD_ACCEPT | FD_READ | FD_CLOSE), 0);
        let c = connect_to(&at);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 2000, 0), WSA_WAIT_EVENT_0);
        let mut ne = WSANETWORKEVENTS::default();
        assert_eq!(WSAEnumNetworkEvents(l, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_ACCEPT);
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        // The accepted socket is non-blocking and signals the same event for FD_READ.
        let mut b = [0u8; 4];
        assert_eq!(recv(a, b.as_mut_ptr(), 4, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);
        assert_eq!(send(c, b"data".as_ptr(), 4, 0), 4);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 2000, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAEnumNetworkEvents(a, ev, &mut ne), 0);
        assert_eq!(ne.lNetworkEvents, FD_READ);
        for s in [a, c, l] {
            closesocket(s);
        }
        WSACloseEvent(ev);
    }
}
