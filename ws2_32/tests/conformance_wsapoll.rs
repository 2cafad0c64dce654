//! `WSAPoll` as Windows answers it, re-expressed from the expectations of Wine's conformance
//! test `test_WSAPoll` (`dlls/ws2_32/tests/sock.c`), which was run against real Windows. Where
//! Wine marks its own answer `todo_wine`, Windows' answer is the one asserted here.
//!
//! Each `check` polls one socket for a set of events (by default `POLLRDNORM | POLLRDBAND |
//! POLLWRNORM`) and requires exactly the expected `revents`, and a count of 1 iff any is set.

use std::ptr::null_mut;
use std::time::{Duration, Instant};

mod util;

use translate::*;
use util::{close, connect_to, listener, pair, set_nonblocking, startup};
use ws2_32::native::*;

fn accept_one(l: SOCKET) -> SOCKET {
    // SAFETY: NULL address out-parameters are allowed.
    let a = unsafe { accept(l, null_mut(), null_mut()) };
    assert_ne!(a, INVALID_SOCKET);
    a
}

fn last_error() -> i32 {
    // SAFETY: reads the thread's last error.
    unsafe { WSAGetLastError() }
}

fn set_last_error(e: i32) {
    // SAFETY: plain value.
    unsafe { WSASetLastError(e) };
}

fn entry(fd: SOCKET, events: i16) -> WSAPOLLFD {
    WSAPOLLFD { fd, events, revents: 0xdead_u16 as i16 }
}

fn poll(fds: &mut [WSAPOLLFD], ms: i32) -> i32 {
    // SAFETY: a live slice of the stated length.
    unsafe { WSAPoll(fds.as_mut_ptr(), fds.len() as u32, ms) }
}

/// Five bytes, as Wine's tests send ("data" and its terminator).
const DATA: [u8; 5] = *b"data\0";

const ALL: i16 = POLLRDNORM | POLLRDBAND | POLLWRNORM;

/// Wine's `check_poll_mask`: polling `s` for `mask` gives exactly `expected`.
#[track_caller]
fn check_mask(s: SOCKET, mask: i16, expected: i16) {
    let mut fds = [entry(s, mask)];
    let n = poll(&mut fds, if expected == 0 { 50 } else { 1000 });
    assert_eq!(fds[0].revents, expected, "revents {:#x}, expected {expected:#x}", fds[0].revents);
    assert_eq!(n, i32::from(expected != 0));
}

/// Wine's `check_poll`: the mask is `POLLRDNORM | POLLRDBAND | POLLWRNORM`.
#[track_caller]
fn check(s: SOCKET, expected: i16) {
    check_mask(s, ALL, expected);
}

fn send_bytes(s: SOCKET, data: &[u8], flags: i32) {
    // SAFETY: a live buffer of the stated length.
    assert_eq!(unsafe { send(s, data.as_ptr(), data.len() as i32, flags) }, data.len() as i32);
}

fn recv_bytes(s: SOCKET, n: usize, flags: i32) -> Vec<u8> {
    let mut b = vec![0u8; n];
    // SAFETY: a live buffer of the stated length.
    let r = unsafe { recv(s, b.as_mut_ptr(), n as i32, flags) };
    assert!(r >= 0, "recv failed: {}", last_error());
    b.truncate(r as usize);
    b
}

fn shut(s: SOCKET, how: i32) {
    // SAFETY: plain values.
    assert_eq!(unsafe { shutdown(s, how) }, 0);
}

/// A loopback address nobody listens on (a listener's port, closed).
fn refused_address() -> SOCKADDR_IN {
    let (l, at) = listener();
    close(&[l]);
    at
}

fn so_error(s: SOCKET) -> i32 {
    let mut v: i32 = -1;
    let mut len = 4;
    // SAFETY: a live i32 and its length.
    assert_eq!(unsafe { getsockopt(s, SOL_SOCKET, SO_ERROR, (&mut v as *mut i32).cast(), &mut len) }, 0);
    v
}

/// The `events` values Windows refuses (each alone): output-only bits, `POLLPRI`,
/// `POLLWRBAND` and every bit it does not define.
const INVALID_EVENTS: [i16; 13] = [
    POLLERR,
    POLLHUP,
    POLLNVAL,
    0x8,
    POLLWRBAND,
    0x40,
    0x80,
    POLLPRI,
    0x800,
    0x1000,
    0x2000,
    0x4000,
    0x8000_u16 as i16,
];

// ── parameters ─────────────────────────────────────────────────────────────────────────

/// Invalid `events` on a listening or a connected socket → -1, `WSAEINVAL`.
#[test]
fn output_only_or_unknown_event_bits_are_einval() {
    startup();
    let (l, at) = listener();
    let c = connect_to(&at);
    let s = accept_one(l);
    for sock in [l, s] {
        for ev in INVALID_EVENTS {
            let mut fds = [entry(sock, ev)];
            set_last_error(0xdead);
            assert_eq!(poll(&mut fds, 0), SOCKET_ERROR, "events {ev:#x}");
            assert_eq!(last_error(), WSAEINVAL, "events {ev:#x}");
        }
    }
    close(&[c, s, l]);
}

/// An `INVALID_SOCKET` entry is `POLLNVAL` (its events are not looked at) and is not
/// counted; the call succeeds with last error 0.
#[test]
fn invalid_socket_entry_is_pollnval_and_not_counted() {
    startup();
    let (l, _) = listener();
    let mut fds = [entry(INVALID_SOCKET, POLLERR), entry(l, POLLIN)];
    set_last_error(0xdead);
    assert_eq!(poll(&mut fds, 0), 0);
    assert_eq!(last_error(), 0);
    assert_eq!((fds[0].revents, fds[1].revents), (POLLNVAL, 0));
    close(&[l]);
}

/// An unknown handle is `POLLNVAL` and not counted.
#[test]
fn unknown_handle_entry_is_pollnval_and_not_counted() {
    startup();
    let (l, _) = listener();
    let mut fds = [entry(l, POLLIN), entry(0xabacab, POLLIN)];
    set_last_error(0xdead);
    assert_eq!(poll(&mut fds, 0), 0);
    assert_eq!(last_error(), 0);
    assert_eq!((fds[0].revents, fds[1].revents), (0, POLLNVAL));
    close(&[l]);
}

/// An unknown handle's events are validated (unlike `INVALID_SOCKET`'s): -1, `WSAEINVAL`,
/// every `revents` cleared.
#[test]
fn unknown_handle_with_invalid_events_is_einval() {
    startup();
    let (l, _) = listener();
    let mut fds = [entry(l, POLLIN), entry(0xabacab, POLLERR)];
    set_last_error(0xdead);
    assert_eq!(poll(&mut fds, 0), SOCKET_ERROR);
    assert_eq!(last_error(), WSAEINVAL);
    assert_eq!((fds[0].revents, fds[1].revents), (0, 0));
    close(&[l]);
}

/// No valid socket at all → -1, `WSAENOTSOCK`, each entry `POLLNVAL` (even with invalid
/// events).
#[test]
fn all_invalid_entries_are_enotsock_with_pollnval() {
    startup();
    let mut fds = [entry(INVALID_SOCKET, POLLERR), entry(0xabacab, POLLERR)];
    set_last_error(0xdead);
    assert_eq!(poll(&mut fds, 0), SOCKET_ERROR);
    assert_eq!(last_error(), WSAENOTSOCK);
    assert_eq!((fds[0].revents, fds[1].revents), (POLLNVAL, POLLNVAL));
}

// ── timeouts ───────────────────────────────────────────────────────────────────────────

/// 0 returns at once, a positive timeout waits about that long, -1 waits until an event.
#[test]
fn timeouts_zero_positive_and_infinite() {
    startup();
    let (l, at) = listener();
    let mut fds = [entry(l, POLLIN)];
    let t = Instant::now();
    assert_eq!(poll(&mut fds, 0), 0);
    assert!(t.elapsed() < Duration::from_millis(100));
    let t = Instant::now();
    assert_eq!(poll(&mut fds, 200), 0);
    assert!(t.elapsed() >= Duration::from_millis(180), "{:?}", t.elapsed());
    assert_eq!(fds[0].revents, 0);
    let connector = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        connect_to(&at)
    });
    assert_eq!(poll(&mut fds, -1), 1);
    assert_eq!(fds[0].revents, POLLRDNORM);
    let c = connector.join().unwrap();
    close(&[c, l]);
}

// ── listening and connected sockets ────────────────────────────────────────────────────

/// A listener reports nothing while idle, and `POLLRDNORM` (only) for a pending connection.
#[test]
fn listener_reports_pending_connection_as_rdnorm() {
    startup();
    let (l, at) = listener();
    check(l, 0);
    let c = connect_to(&at);
    let mut fds = [entry(l, POLLIN)];
    assert_eq!(poll(&mut fds, 100), 1);
    assert_eq!(fds[0].revents, POLLRDNORM);
    fds[0].revents = 0xdead_u16 as i16;
    assert_eq!(poll(&mut fds, 0), 1);
    assert_eq!(fds[0].revents, POLLRDNORM);
    let mut fds = [entry(l, POLLRDBAND | POLLWRNORM)];
    assert_eq!(poll(&mut fds, 0), 0);
    assert_eq!(fds[0].revents, 0);
    let s = accept_one(l);
    // Connected sockets are writable only; the listener has nothing left.
    let mut fds = [entry(l, ALL), entry(s, ALL), entry(c, ALL)];
    assert_eq!(poll(&mut fds, 0), 2);
    assert_eq!(fds.map(|f| f.revents), [0, POLLWRNORM, POLLWRNORM]);
    close(&[c, s, l]);
}

/// Received data is `POLLRDNORM` until read.
#[test]
fn received_data_is_rdnorm() {
    startup();
    let (c, s) = pair();
    set_nonblocking(c);
    set_nonblocking(s);
    send_bytes(s, b"1234", 0);
    check_mask(c, POLLRDNORM | POLLRDBAND, POLLRDNORM);
    check(c, POLLRDNORM | POLLWRNORM);
    check(s, POLLWRNORM);
    assert_eq!(recv_bytes(c, 6, 0), b"1234");
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);
    close(&[c, s]);
}

/// Urgent data is `POLLRDBAND` (not `POLLRDNORM`) until read with `MSG_OOB`; with
/// `SO_OOBINLINE` it is ordinary data, `POLLRDNORM`.
#[test]
fn urgent_data_is_rdband_unless_inline() {
    startup();
    let (c, s) = pair();
    send_bytes(c, b"A", MSG_OOB);
    check(c, POLLWRNORM);
    check_mask(s, POLLRDNORM | POLLRDBAND, POLLRDBAND);
    check(s, POLLWRNORM | POLLRDBAND);
    assert_eq!(recv_bytes(s, 1, MSG_OOB), b"A");
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);

    let on: i32 = 1;
    // SAFETY: a live i32.
    assert_eq!(unsafe { setsockopt(s, SOL_SOCKET, SO_OOBINLINE, (&on as *const i32).cast(), 4) }, 0);
    send_bytes(c, b"A", MSG_OOB);
    check(c, POLLWRNORM);
    check_mask(s, POLLRDNORM | POLLRDBAND, POLLRDNORM);
    check(s, POLLWRNORM | POLLRDNORM);
    close(&[c, s]);
}

/// Once the inline urgent byte is read nothing is readable — also after an earlier urgent
/// byte was read with `MSG_OOB` before `SO_OOBINLINE` was set.
#[test]
#[ignore = "differs from Windows: Linux puts an urgent byte already read with MSG_OOB back in the stream once SO_OOBINLINE is set"]
fn inline_urgent_byte_read_leaves_nothing_readable() {
    startup();
    let (c, s) = pair();
    send_bytes(c, b"A", MSG_OOB);
    check_mask(s, POLLRDNORM | POLLRDBAND, POLLRDBAND);
    assert_eq!(recv_bytes(s, 1, MSG_OOB), b"A");
    let on: i32 = 1;
    // SAFETY: a live i32.
    assert_eq!(unsafe { setsockopt(s, SOL_SOCKET, SO_OOBINLINE, (&on as *const i32).cast(), 4) }, 0);
    send_bytes(c, b"A", MSG_OOB);
    check_mask(s, POLLRDNORM | POLLRDBAND, POLLRDNORM);
    assert_eq!(recv_bytes(s, 1, 0), b"A");
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);
    close(&[c, s]);
}

// ── shutdown and close ─────────────────────────────────────────────────────────────────

/// `shutdown(SD_RECEIVE)` changes nothing on either side; the peer's `SD_SEND` is `POLLHUP`
/// (always reported) and *not* `POLLRDNORM` when no data is left.
#[test]
fn peer_send_shutdown_is_pollhup_without_rdnorm() {
    startup();
    let (c, s) = pair();
    shut(c, SD_RECEIVE);
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);
    shut(c, SD_SEND);
    check(c, POLLWRNORM);
    check_mask(s, 0, POLLHUP);
    check(s, POLLWRNORM | POLLHUP);
    close(&[c, s]);
}

/// The peer's `closesocket` (graceful) is `POLLHUP`, even with no event requested.
#[test]
fn peer_close_is_pollhup() {
    startup();
    let (c, s) = pair();
    close(&[c]);
    check_mask(s, 0, POLLHUP);
    check(s, POLLWRNORM | POLLHUP);
    close(&[s]);
}

/// The peer's `SD_SEND` with data still unread: `POLLRDNORM` and `POLLHUP` together.
#[test]
fn peer_send_shutdown_with_unread_data_is_rdnorm_and_pollhup() {
    startup();
    let (c, s) = pair();
    send_bytes(c, &DATA, 0);
    check(c, POLLWRNORM);
    check_mask(s, POLLRDNORM | POLLRDBAND, POLLRDNORM);
    check(s, POLLWRNORM | POLLRDNORM);
    shut(c, SD_SEND);
    check(c, POLLWRNORM);
    check_mask(s, 0, POLLHUP);
    check(s, POLLWRNORM | POLLRDNORM | POLLHUP);
    close(&[c, s]);
}

/// `closesocket` from another thread during the wait: the call returns 1 with `POLLNVAL`.
#[test]
fn closesocket_during_wsapoll_is_pollnval() {
    startup();
    let (c, s) = pair();
    let closer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        close(&[c]);
    });
    let mut fds = [entry(c, POLLRDNORM | POLLRDBAND)];
    let t = Instant::now();
    assert_eq!(poll(&mut fds, 2000), 1);
    assert!(t.elapsed() < Duration::from_millis(1500));
    assert_eq!(fds[0].revents, POLLNVAL);
    closer.join().unwrap();
    close(&[s]);
}

// ── failed connections ─────────────────────────────────────────────────────────────────

/// A refused non-blocking connect is `POLLWRNORM | POLLHUP | POLLERR` (no `POLLRDNORM`), and
/// stays so after `SO_ERROR` (which keeps reporting `WSAECONNREFUSED`) has been read.
#[test]
fn failed_nonblocking_connect_is_wrnorm_hup_err() {
    startup();
    let at = refused_address();
    // SAFETY: plain values.
    let c = unsafe { socket(AF_INET, SOCK_STREAM, 0) };
    set_nonblocking(c);
    // SAFETY: a live address of the stated size.
    assert_eq!(unsafe { connect(c, (&at as *const SOCKADDR_IN).cast(), 16) }, SOCKET_ERROR);
    assert_eq!(last_error(), WSAEWOULDBLOCK);
    let mut fds = [entry(c, ALL)];
    assert_eq!(poll(&mut fds, 10000), 1);
    assert_eq!(fds[0].revents, POLLWRNORM | POLLHUP | POLLERR);
    assert_eq!(so_error(c), WSAECONNREFUSED);
    assert_eq!(so_error(c), WSAECONNREFUSED);
    check(c, POLLWRNORM | POLLHUP | POLLERR);
    close(&[c]);
}

/// After a refused blocking connect, polling reports `POLLWRNORM | POLLHUP | POLLERR`.
#[test]
fn failed_blocking_connect_is_wrnorm_hup_err() {
    startup();
    let at = refused_address();
    // SAFETY: plain values.
    let c = unsafe { socket(AF_INET, SOCK_STREAM, 0) };
    // SAFETY: a live address of the stated size.
    assert_eq!(unsafe { connect(c, (&at as *const SOCKADDR_IN).cast(), 16) }, SOCKET_ERROR);
    assert_eq!(last_error(), WSAECONNREFUSED);
    check(c, POLLWRNORM | POLLHUP | POLLERR);
    close(&[c]);
}

// ── datagrams ──────────────────────────────────────────────────────────────────────────

/// UDP sockets are writable, bound or not; a datagram is `POLLRDNORM`.
#[test]
fn udp_is_writable_and_datagram_is_rdnorm() {
    startup();
    // SAFETY: plain values.
    let (c, s) = unsafe { (socket(AF_INET, SOCK_DGRAM, 0), socket(AF_INET, SOCK_DGRAM, 0)) };
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);
    let addr = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
    let mut bound = SOCKADDR_IN::default();
    let mut len = 16;
    // SAFETY: live addresses of the stated sizes.
    unsafe {
        assert_eq!(bind(c, (&addr as *const SOCKADDR_IN).cast(), 16), 0);
        assert_eq!(getsockname(c, (&mut bound as *mut SOCKADDR_IN).cast(), &mut len), 0);
    }
    check(c, POLLWRNORM);
    check(s, POLLWRNORM);
    // SAFETY: a live buffer and address.
    let n = unsafe { sendto(s, DATA.as_ptr(), 5, 0, (&bound as *const SOCKADDR_IN).cast(), 16) };
    assert_eq!(n, 5);
    check_mask(c, POLLRDNORM | POLLRDBAND, POLLRDNORM);
    check(c, POLLWRNORM | POLLRDNORM);
    check(s, POLLWRNORM);
    close(&[c, s]);
}
