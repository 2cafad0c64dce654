//! Network-event notification as Windows records it, re-expressed from the expectations of
//! Wine's conformance tests (`dlls/ws2_32/tests/sock.c`: `test_accept_events`,
//! `test_connect_events`, `test_write_events`, `test_read_events`, `test_close_events`,
//! `test_oob_events`), which were run against real Windows. Where Wine marks its own answer
//! `todo_wine`, Windows' answer is the one asserted here.
//!
//! Each check is "wait up to `ms` for the event, then `WSAEnumNetworkEvents` must report
//! exactly these events" — with nothing expected, the wait must time out.

use std::ptr::null_mut;

use translate::*;
use ws2_32::native::*;

mod util;
use util::{close, connect_to, listener, pair, set_nonblocking, startup};

fn event() -> HANDLE {
    // SAFETY: no arguments.
    let ev = unsafe { WSACreateEvent() };
    assert!(!ev.is_null());
    ev
}

fn close_event(ev: HANDLE) {
    // SAFETY: an event from `event()`.
    assert_eq!(unsafe { WSACloseEvent(ev) }, 1);
}

fn shut(s: SOCKET, how: i32) -> i32 {
    // SAFETY: plain values.
    unsafe { shutdown(s, how) }
}

fn select_events(s: SOCKET, ev: HANDLE, mask: i32) {
    // SAFETY: plain values; the event lives until `close_event`.
    assert_eq!(unsafe { WSAEventSelect(s, ev, mask) }, 0);
}

/// Wine's `check_events` in event mode: the event is signalled within `ms` iff something is
/// expected, and exactly `expected` is enumerated (error codes in `codes`, `(bit, code)`).
#[track_caller]
fn check(s: SOCKET, ev: HANDLE, expected: i32, codes: &[(i32, i32)], ms: u32) {
    // SAFETY: one live handle.
    let w = unsafe { WSAWaitForMultipleEvents(1, &ev, 0, ms, 0) };
    if expected != 0 {
        assert_eq!(w, WSA_WAIT_EVENT_0, "expected {expected:#x} to be signalled");
    } else {
        assert_eq!(w, WSA_WAIT_TIMEOUT, "expected no signal");
    }
    let mut ne = WSANETWORKEVENTS::default();
    // SAFETY: a live WSANETWORKEVENTS.
    assert_eq!(unsafe { WSAEnumNetworkEvents(s, ev, &mut ne) }, 0);
    assert_eq!(ne.lNetworkEvents, expected, "events");
    for &(bit, code) in codes {
        assert_eq!(ne.iErrorCode[bit as usize], code, "error code of bit {bit}");
    }
}

/// Wine's repeated pattern after an event was enumerated: it is not recorded again, neither
/// by selecting `mask` again nor by deselecting (mask 0) and selecting `mask` again.
#[track_caller]
fn check_not_recorded_again(s: SOCKET, ev: HANDLE, mask: i32) {
    check(s, ev, 0, &[], 0);
    select_events(s, ev, mask);
    check(s, ev, 0, &[], 100);
    select_events(s, ev, 0);
    select_events(s, ev, mask);
    check(s, ev, 0, &[], 100);
}

/// A new event and a connected pair whose server side is selected for `mask` on it.
fn selected_pair(mask: i32) -> (HANDLE, SOCKET, SOCKET) {
    startup();
    let ev = event();
    let (c, s) = pair();
    select_events(s, ev, mask);
    (ev, c, s)
}

/// Five bytes, as Wine's tests send ("data" and its terminator).
const DATA: [u8; 5] = *b"data\0";

const READ_SIDE: i32 = FD_ACCEPT | FD_CLOSE | FD_CONNECT | FD_OOB | FD_READ;

// ── re-selecting ───────────────────────────────────────────────────────────────────────

/// `test_accept_events`: with WSAEventSelect, an FD_ACCEPT already reported is not recorded
/// again by selecting again, nor by deselecting and selecting again; accept re-enables it.
#[test]
fn event_select_again_does_not_record_a_reported_event_again() {
    startup();
    let ev = event();
    let (l, at) = listener();
    let mask = FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT;
    select_events(l, ev, mask);
    check(l, ev, 0, &[], 0);
    let c = connect_to(&at);
    check(l, ev, FD_ACCEPT, &[(FD_ACCEPT_BIT, 0)], 1000);
    check_not_recorded_again(l, ev, mask);
    // SAFETY: NULL address out-parameters are allowed.
    let a = unsafe { accept(l, null_mut(), null_mut()) };
    assert_ne!(a, INVALID_SOCKET);
    check(l, ev, 0, &[], 100);
    // Accepting re-enabled FD_ACCEPT: the next connection is recorded.
    let c2 = connect_to(&at);
    check(l, ev, FD_ACCEPT, &[], 1000);
    close(&[a, c, c2, l]);
    close_event(ev);
}

/// `test_accept_events`: an event recorded but not enumerated stays recorded while a
/// selection without it is active (the event stays signalled), and is enumerated once a
/// selection includes it again.
#[test]
fn recorded_event_survives_a_selection_without_it() {
    startup();
    let ev = event();
    let (l, at) = listener();
    let full = FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT;
    let subset = FD_CONNECT | FD_READ | FD_OOB;
    select_events(l, ev, full);
    let c = connect_to(&at);
    // SAFETY: live handles.
    unsafe {
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 1000, 0), WSA_WAIT_EVENT_0);
        select_events(l, ev, subset);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 0, 0), WSA_WAIT_EVENT_0);
        assert_eq!(WSAResetEvent(ev), 1);
        select_events(l, ev, subset);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 0, 0), WSA_WAIT_TIMEOUT);
        select_events(l, ev, full);
        assert_eq!(WSAWaitForMultipleEvents(1, &ev, 0, 0, 0), WSA_WAIT_EVENT_0);
    }
    check(l, ev, FD_ACCEPT, &[], 0);
    close(&[c, l]);
    close_event(ev);
}

/// `test_accept_events`/`test_close_events`: a condition that arose while its event was left
/// out of the mask is recorded as soon as a selection includes it.
#[test]
fn event_left_out_of_the_mask_is_recorded_when_selected() {
    startup();
    let ev = event();
    let (l, at) = listener();
    select_events(l, ev, FD_CONNECT | FD_READ | FD_OOB);
    let c = connect_to(&at);
    check(l, ev, 0, &[], 200);
    select_events(l, ev, FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
    check(l, ev, FD_ACCEPT, &[], 1000);
    close(&[c, l]);

    let (c, s) = pair();
    select_events(s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ);
    close(&[c]);
    check(s, ev, 0, &[], 200);
    select_events(s, ev, READ_SIDE);
    check(s, ev, FD_CLOSE, &[(FD_CLOSE_BIT, 0)], 1000);
    close(&[s]);
    close_event(ev);
}

/// `test_accept_events`: calling accept before selecting leaves nothing to record.
#[test]
fn accept_before_selecting_leaves_nothing_to_record() {
    startup();
    let ev = event();
    let (l, at) = listener();
    select_events(l, ev, FD_CONNECT | FD_READ | FD_OOB);
    let c = connect_to(&at);
    std::thread::sleep(std::time::Duration::from_millis(100));
    // SAFETY: NULL address out-parameters are allowed.
    let a = unsafe { accept(l, null_mut(), null_mut()) };
    assert_ne!(a, INVALID_SOCKET);
    select_events(l, ev, FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
    check(l, ev, 0, &[], 200);
    close(&[a, c, l]);
    close_event(ev);
}

// ── connect and write ──────────────────────────────────────────────────────────────────

/// `test_connect_events`: a non-blocking connect made while selected records FD_CONNECT and
/// FD_WRITE; selecting again records neither again.
#[test]
fn connect_while_selected_records_connect_and_write_once() {
    startup();
    let ev = event();
    let (l, at) = listener();
    // SAFETY: a live address of the stated size.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, 0);
        let all = FD_ACCEPT | FD_CLOSE | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE;
        select_events(c, ev, all);
        check(c, ev, 0, &[], 0);
        let r = connect(c, (&at as *const SOCKADDR_IN).cast(), 16);
        assert!(r == 0 || WSAGetLastError() == WSAEWOULDBLOCK);
        check(c, ev, FD_CONNECT | FD_WRITE, &[(FD_CONNECT_BIT, 0), (FD_WRITE_BIT, 0)], 1000);
        check(c, ev, 0, &[], 0);
        select_events(c, ev, 0);
        select_events(c, ev, all);
        check(c, ev, 0, &[], 100);
        // The accepted side gets FD_WRITE, and never FD_CONNECT.
        let a = accept(l, null_mut(), null_mut());
        assert_ne!(a, INVALID_SOCKET);
        select_events(a, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
        check(a, ev, FD_WRITE, &[], 1000);
        close(&[a, c, l]);
    }
    close_event(ev);
}

/// `test_connect_events` ("Connect and then select"): selecting after a completed connect
/// records FD_CONNECT as well as FD_WRITE with WSAEventSelect.
#[test]
fn select_after_connect_records_fd_connect() {
    startup();
    let ev = event();
    let (l, at) = listener();
    let c = connect_to(&at);
    select_events(c, ev, FD_ACCEPT | FD_CLOSE | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    check(c, ev, FD_CONNECT | FD_WRITE, &[], 1000);
    close(&[c, l]);
    close_event(ev);
}

/// `test_write_events`: FD_WRITE is recorded once; selecting again does not repeat it, and a
/// successful send does not clear a recorded one.
#[test]
fn fd_write_is_not_repeated_by_selecting_again_and_not_cleared_by_send() {
    let all = FD_ACCEPT | FD_CLOSE | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE;
    let (ev, c, s) = selected_pair(all);
    check(s, ev, FD_WRITE, &[], 1000);
    check_not_recorded_again(s, ev, all);
    // SAFETY: a live buffer.
    assert_eq!(unsafe { send(s, DATA.as_ptr(), 5, 0) }, 5);
    check(s, ev, 0, &[], 100);
    close(&[c, s]);

    let (c, s) = pair();
    select_events(s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    // SAFETY: a live buffer.
    assert_eq!(unsafe { send(s, DATA.as_ptr(), 5, 0) }, 5);
    check(s, ev, FD_WRITE, &[], 1000);
    close(&[c, s]);
    close_event(ev);
}

// ── read ───────────────────────────────────────────────────────────────────────────────

/// `test_read_events`: FD_READ once per arrival, not repeated by selecting again; data that
/// arrived while not selected is recorded by the next selection.
#[test]
fn fd_read_is_not_repeated_by_selecting_again() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    check(s, ev, 0, &[], 0);
    // SAFETY: live buffers.
    unsafe {
        assert_eq!(send(c, DATA.as_ptr(), 5, 0), 5);
        check(s, ev, FD_READ, &[(FD_READ_BIT, 0)], 1000);
        check_not_recorded_again(s, ev, READ_SIDE);
        let mut b = [0u8; 16];
        assert_eq!(recv(s, b.as_mut_ptr(), 16, 0), 5);
        check(s, ev, 0, &[], 100);
        // Data sent while not selecting is recorded when selecting again.
        select_events(s, ev, 0);
        assert_eq!(send(c, DATA.as_ptr(), 5, 0), 5);
        std::thread::sleep(std::time::Duration::from_millis(50));
        select_events(s, ev, READ_SIDE);
        check(s, ev, FD_READ, &[], 1000);
        assert_eq!(recv(s, b.as_mut_ptr(), 16, 0), 5);
    }
    close(&[c, s]);
    close_event(ev);
}

// ── close ──────────────────────────────────────────────────────────────────────────────

/// `test_close_events`: a graceful close is one FD_CLOSE (error 0), not repeated by selecting
/// again; reading the end of stream records nothing.
#[test]
fn fd_close_is_recorded_once() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    close(&[c]);
    check(s, ev, FD_CLOSE, &[(FD_CLOSE_BIT, 0)], 2000);
    check_not_recorded_again(s, ev, READ_SIDE);
    let mut b = [0u8; 5];
    // SAFETY: a live buffer.
    assert_eq!(unsafe { recv(s, b.as_mut_ptr(), 5, 0) }, 0);
    check(s, ev, 0, &[], 100);
    close(&[s]);

    // Close, then select.
    let (c, s) = pair();
    close(&[c]);
    select_events(s, ev, READ_SIDE);
    check(s, ev, FD_CLOSE, &[], 2000);
    close(&[s]);
    close_event(ev);
}

/// `test_close_events`: the peer's shutdown(SD_SEND) is FD_CLOSE; its later closesocket
/// records nothing more.
#[test]
fn peer_half_close_is_fd_close_once() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    assert_eq!(shut(c, SD_SEND), 0);
    check(s, ev, FD_CLOSE, &[(FD_CLOSE_BIT, 0)], 2000);
    check(s, ev, 0, &[], 0);
    close(&[c]);
    check(s, ev, 0, &[], 200);
    close(&[s]);
    close_event(ev);
}

/// `test_close_events` ("No other shutdown() call generates an event"): the peer's
/// shutdown(SD_RECEIVE) and our own shutdown(SD_BOTH) record nothing.
#[test]
fn own_shutdown_records_no_event() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    assert_eq!(shut(c, SD_RECEIVE), 0);
    assert_eq!(shut(s, SD_BOTH), 0);
    check(s, ev, 0, &[], 200);
    close(&[c, s]);
    close_event(ev);
}

/// `test_close_events`: a reset is FD_CLOSE with WSAECONNABORTED, once.
#[test]
fn reset_is_fd_close_once_even_when_selecting_again() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    let l = LINGER { l_onoff: 1, l_linger: 0 };
    // SAFETY: a live LINGER of the stated size.
    assert_eq!(unsafe { setsockopt(c, SOL_SOCKET, SO_LINGER, (&l as *const LINGER).cast(), 4) }, 0);
    close(&[c]);
    check(s, ev, FD_CLOSE, &[(FD_CLOSE_BIT, WSAECONNABORTED)], 2000);
    check_not_recorded_again(s, ev, READ_SIDE);
    close(&[s]);
    close_event(ev);
}

// ── out-of-band data ───────────────────────────────────────────────────────────────────

/// `test_oob_events`: urgent data (`send(MSG_OOB)`) is FD_OOB, once; selecting again does not
/// repeat it; urgent data sent while not selected is recorded by the next selection.
#[test]
fn urgent_data_is_fd_oob() {
    let (ev, c, s) = selected_pair(READ_SIDE);
    check(s, ev, 0, &[], 0);
    // SAFETY: live buffers.
    unsafe {
        assert_eq!(send(c, b"a".as_ptr(), 1, MSG_OOB), 1);
        check(s, ev, FD_OOB, &[(FD_OOB_BIT, 0)], 1000);
        check_not_recorded_again(s, ev, READ_SIDE);
        let mut b = [0u8; 1];
        assert_eq!(recv(s, b.as_mut_ptr(), 1, MSG_OOB), 1);
        assert_eq!(&b, b"a");
        check(s, ev, 0, &[], 100);

        select_events(s, ev, 0);
        assert_eq!(send(c, b"b".as_ptr(), 1, MSG_OOB), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        select_events(s, ev, READ_SIDE);
        check(s, ev, FD_OOB, &[], 1000);
        assert_eq!(recv(s, b.as_mut_ptr(), 1, MSG_OOB), 1);
        assert_eq!(&b, b"b");
    }
    close(&[c, s]);
    close_event(ev);
}

// ── select ─────────────────────────────────────────────────────────────────────────────

/// A Windows `fd_set` with these handles.
fn set_of(handles: &[SOCKET]) -> FD_SET {
    let mut set = FD_SET::default();
    for (i, &h) in handles.iter().enumerate() {
        set.fd_array[i] = h;
    }
    set.fd_count = handles.len() as u32;
    set
}

fn members(set: &FD_SET) -> Vec<SOCKET> {
    set.fd_array[..set.fd_count as usize].to_vec()
}

/// select over `r`, `w`, `e` with a timeout in ms; returns the result and the three sets.
fn select_ms(r: &[SOCKET], w: &[SOCKET], e: &[SOCKET], ms: i32) -> (i32, [Vec<SOCKET>; 3]) {
    let (mut rs, mut ws, mut es) = (set_of(r), set_of(w), set_of(e));
    let tv = TIMEVAL { tv_sec: ms / 1000, tv_usec: (ms % 1000) * 1000 };
    let p = |s: &mut FD_SET, h: &[SOCKET]| if h.is_empty() { null_mut() } else { s as *mut FD_SET };
    let (rp, wp, ep) = (p(&mut rs, r), p(&mut ws, w), p(&mut es, e));
    // SAFETY: live sets (or NULL) and a live TIMEVAL.
    let n = unsafe { select(0, rp, wp, ep, &tv) };
    (n, [members(&rs), members(&ws), members(&es)])
}

/// A loopback address nobody listens on (a listener's port, closed).
fn refused_address() -> SOCKADDR_IN {
    let (l, at) = listener();
    close(&[l]);
    at
}

/// Closes `s` from another thread after 200 ms (while this one waits in select).
fn close_later(s: SOCKET) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        close(&[s]);
    })
}

/// `test_select`: sockets that are neither connected nor listening are in no set.
#[test]
fn select_reports_nothing_for_unconnected_stream_sockets() {
    startup();
    // SAFETY: plain values.
    let (a, b) = unsafe { (socket(AF_INET, SOCK_STREAM, 0), socket(AF_INET, SOCK_STREAM, 0)) };
    let all = [a, b];
    let (n, sets) = select_ms(&all, &all, &all, 0);
    assert_eq!((n, sets), (0, [vec![], vec![], vec![]]));
    let (n, _) = select_ms(&all, &all, &all, 1);
    assert_eq!(n, 0);
    close(&all);
}

/// `test_select`: an unbound UDP socket is writable only.
#[test]
fn select_reports_an_unbound_udp_socket_writable_only() {
    startup();
    // SAFETY: plain values.
    let u = unsafe { socket(AF_INET, SOCK_DGRAM, 0) };
    let (n, sets) = select_ms(&[u], &[u], &[u], 250);
    assert_eq!((n, sets), (1, [vec![], vec![u], vec![]]));
    close(&[u]);
}

/// `test_select`: a failed non-blocking connect is in the except set only, and stays there
/// for a later select.
#[test]
fn select_reports_a_failed_connect_in_the_except_set_only() {
    startup();
    let at = refused_address();
    // SAFETY: a live address of the stated size.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, 0);
        set_nonblocking(c);
        assert_eq!(connect(c, (&at as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);
        let (n, sets) = select_ms(&[c], &[c], &[c], 5000);
        assert_eq!((n, sets), (1, [vec![], vec![], vec![c]]));
        let (n, sets) = select_ms(&[c], &[c], &[c], 1000);
        assert_eq!((n, sets), (1, [vec![], vec![], vec![c]]));
        close(&[c]);
    }
}

/// `test_errors`/`test_select`: after a blocking connect failed, the socket is not writable
/// (the except set reports the failure).
#[test]
fn select_after_a_failed_blocking_connect_is_not_writable() {
    startup();
    let at = refused_address();
    // SAFETY: a live address of the stated size.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, 0);
        assert_eq!(connect(c, (&at as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAECONNREFUSED);
        let (n, sets) = select_ms(&[], &[c], &[], 50);
        assert_eq!((n, sets), (0, [vec![], vec![], vec![]]));
        close(&[c]);
    }
}

/// `test_select` ("test polling after a (synchronous) failure"): the except set reports a
/// blocking connect's failure too.
#[test]
fn select_reports_a_failed_blocking_connect_in_the_except_set() {
    startup();
    let at = refused_address();
    // SAFETY: a live address of the stated size.
    unsafe {
        let c = socket(AF_INET, SOCK_STREAM, 0);
        assert_eq!(connect(c, (&at as *const SOCKADDR_IN).cast(), 16), SOCKET_ERROR);
        let (n, sets) = select_ms(&[c], &[c], &[c], 0);
        assert_eq!((n, sets), (1, [vec![], vec![], vec![c]]));
        close(&[c]);
    }
}

/// `test_select`: urgent data puts the socket in the except set (not the read set); with
/// SO_OOBINLINE it is in the read set instead.
#[test]
fn select_reports_urgent_data_in_except_set_unless_inline() {
    startup();
    let (c, s) = pair();
    // SAFETY: live buffers.
    unsafe {
        assert_eq!(send(c, b"A".as_ptr(), 1, MSG_OOB), 1);
        let (n, sets) = select_ms(&[s], &[], &[s], 1000);
        assert_eq!((n, sets), (1, [vec![], vec![], vec![s]]));
        let mut b = [0u8; 4];
        assert_eq!(recv(s, b.as_mut_ptr(), 4, MSG_OOB), 1);
        assert_eq!(b[0], b'A');

        let on: i32 = 1;
        assert_eq!(setsockopt(s, SOL_SOCKET, SO_OOBINLINE, (&on as *const i32).cast(), 4), 0);
        assert_eq!(send(c, b"B".as_ptr(), 1, MSG_OOB), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        let (n, sets) = select_ms(&[s], &[], &[s], 1000);
        assert_eq!((n, sets), (1, [vec![s], vec![], vec![]]));
    }
    close(&[c, s]);
}

/// `test_select`: a socket closed by another thread during select is reported readable if it
/// was in the read set; in the except set only, select fails with WSAENOTSOCK.
#[test]
fn closesocket_during_select_from_another_thread() {
    startup();
    let (c, s) = pair();
    let closer = close_later(s);
    let (n, sets) = select_ms(&[s], &[], &[s], 5000);
    closer.join().unwrap();
    assert_eq!((n, &sets[0]), (1, &vec![s]));
    close(&[c]);

    let (c, s) = pair();
    let closer = close_later(s);
    let (n, _) = select_ms(&[], &[], &[s], 5000);
    closer.join().unwrap();
    assert_eq!(n, SOCKET_ERROR);
    // SAFETY: reads the thread's last error.
    assert_eq!(unsafe { WSAGetLastError() }, WSAENOTSOCK);
    close(&[c]);
}

/// `test_WSAEnumNetworkEvents`: selecting FD_READ|FD_WRITE repeatedly records nothing for a
/// bound, unconnected TCP socket, and FD_WRITE once only for a bound UDP socket or a
/// connected TCP socket (enumerating with or without the event handle).
#[test]
fn repeated_selection_records_fd_write_once() {
    startup();
    for with_event in [true, false] {
        for kind in 0..3 {
            let (s, other) = if kind == 2 {
                let (c, a) = pair();
                (a, Some(c))
            } else {
                let ty = if kind == 0 { SOCK_STREAM } else { SOCK_DGRAM };
                let addr = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::UNSPECIFIED, 0));
                // SAFETY: a live address of the stated size.
                unsafe {
                    let s = socket(AF_INET, ty, 0);
                    assert_eq!(bind(s, (&addr as *const SOCKADDR_IN).cast(), 16), 0);
                    (s, None)
                }
            };
            let ev = event();
            for round in 0..5 {
                select_events(s, ev, FD_READ | FD_WRITE);
                std::thread::sleep(std::time::Duration::from_millis(20));
                let mut ne = WSANETWORKEVENTS { lNetworkEvents: 0, iErrorCode: [0xabab_abab_u32 as i32; 10] };
                let h = if with_event { ev } else { null_mut() };
                // SAFETY: a live WSANETWORKEVENTS.
                assert_eq!(unsafe { WSAEnumNetworkEvents(s, h, &mut ne) }, 0);
                let expected = if kind >= 1 && round == 0 { FD_WRITE } else { 0 };
                assert_eq!(ne.lNetworkEvents, expected, "kind {kind} round {round}");
                for (bit, code) in ne.iErrorCode.iter().enumerate() {
                    let want = if expected & (1 << bit) != 0 { 0 } else { 0xabab_abab_u32 as i32 };
                    assert_eq!(*code, want, "kind {kind} bit {bit}");
                }
            }
            close(&[s]);
            if let Some(o) = other {
                close(&[o]);
            }
            close_event(ev);
        }
    }
}
