//! Exactly-once stress with a ledger (issue 4, DESIGN property 8): ≥ 200,000 overlapped
//! `WSASend`/`WSARecv` operations from 4 threads on many loopback connections, with `CancelIoEx`,
//! `closesocket` under pending receives and peer resets (`SO_LINGER {1,0}`) injected at a few
//! percent, some sockets in `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` mode.
//!
//! The ledger records every issued operation by OVERLAPPED identity. An operation is *issued*
//! when the call returns success or `WSA_IO_PENDING` (an immediate failure delivers nothing, as
//! on Windows); it *completes* through its completion-port packet — or, for an immediate success
//! on a skip-on-success socket, at the call. After a quiesce the test asserts: every issued
//! operation completed exactly once; every status is in the allowed set; receives never lost
//! bytes (each connection's byte stream is checked as it arrives, and the connections that were
//! never reset or closed under load must deliver every byte sent); the process's fd count and
//! the engine's open socket count are back to their start.
//!
//! One test in this binary, so that the fd count is not disturbed by concurrent tests.

use std::ptr::null_mut;
use std::time::{Duration, Instant};

use translate::*;
use ws2_32::exports::kernel32::native::*;
use ws2_32::native::*;

const THREADS: usize = 4;
/// Operations issued per thread (4 × 52,000 = 208,000 ≥ 200,000).
const OPS_PER_THREAD: u64 = 52_000;
const CONNS_PER_THREAD: usize = 16;
const MAX_RECVS: usize = 4;
const MAX_SENDS: usize = 2;
const RECV_LEN: usize = 1024;
const MAX_SEND: usize = 2048;

/// A tiny xorshift64* generator: deterministic per seed, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability `per_mille`/1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

/// Byte `offset` of connection `id`'s stream.
fn pattern(id: u64, offset: u64) -> u8 {
    (offset ^ (offset >> 8) ^ (offset >> 17) ^ id.wrapping_mul(131)) as u8
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Send,
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RecState {
    Free,
    Pending,
}

/// One operation record; `ov` first, so a packet's OVERLAPPED pointer is the record.
#[repr(C)]
struct Rec {
    ov: OVERLAPPED,
    kind: Kind,
    state: RecState,
    slot: usize,
    generation: u64,
    /// Requested length (sends).
    len: u32,
    /// Issue order among the connection's receives.
    seq: u64,
    flags: u32,
    buf: Vec<u8>,
    wsabuf: WSABUF,
}

/// A connection pair: data flows client → server.
struct Conn {
    client: SOCKET,
    server: SOCKET,
    id: u64,
    generation: u64,
    /// Bytes handed to issued sends (the stream offset of the next send).
    send_off: u64,
    /// Bytes confirmed by completed sends.
    sent: u64,
    /// Bytes received and verified.
    recv_off: u64,
    pending_recvs: Vec<usize>,
    pending_sends: usize,
    /// Sequence number of the next issued receive.
    recv_seq_next: u64,
    /// Sequence number of the next receive to verify.
    recv_seq_verified: u64,
    /// Completed receives waiting for an earlier one (completions on a skip-on-success
    /// socket can be observed before an earlier operation's packet is dequeued).
    recv_done: std::collections::BTreeMap<u64, Vec<u8>>,
    skip_on_success: bool,
    /// Reset or closed under load: excluded from the all-bytes-delivered check.
    tainted: bool,
    /// After a reset: steps left before the server side closes too.
    dying: Option<u32>,
}

#[derive(Default, Debug)]
struct Ledger {
    issued: u64,
    completed_by_packet: u64,
    completed_at_issue: u64,
    failed_at_issue: u64,
    duplicates: u64,
    unknown_packets: u64,
    bad_status: Vec<(Kind, u32)>,
    statuses: std::collections::BTreeMap<u32, u64>,
    cancels: u64,
    cancels_not_found: u64,
    resets: u64,
    closes: u64,
    stream_errors: u64,
    stream_error_details: Vec<String>,
    lost_bytes: u64,
    healthy_bytes: u64,
}

/// Win32 codes an operation may complete with under this chaos.
const ALLOWED: [u32; 5] = [
    0,
    ERROR_OPERATION_ABORTED as u32,
    ERROR_NETNAME_DELETED as u32,
    ERROR_CONNECTION_ABORTED as u32,
    WSAECONNRESET as u32,
];

struct Worker {
    rng: Rng,
    port: HANDLE,
    listener: SOCKET,
    at: SOCKADDR_IN,
    conns: Vec<Conn>,
    /// Boxed: an OVERLAPPED must keep its address while the vector grows.
    #[allow(clippy::vec_box)]
    recs: Vec<Box<Rec>>,
    /// OVERLAPPED address → record index.
    by_addr: std::collections::HashMap<usize, usize>,
    free: Vec<usize>,
    ledger: Ledger,
    next_id: u64,
    in_flight: u64,
}

impl Worker {
    fn new(seed: u64, index: usize) -> Worker {
        // SAFETY: pointers to live locals.
        let (listener, at) = unsafe {
            let l = socket(AF_INET, SOCK_STREAM, 0);
            assert_ne!(l, INVALID_SOCKET);
            let addr = SOCKADDR_IN::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0));
            assert_eq!(bind(l, (&addr as *const SOCKADDR_IN).cast(), 16), 0);
            assert_eq!(listen(l, 64), 0);
            let mut bound = SOCKADDR_IN::default();
            let mut len = 16;
            assert_eq!(getsockname(l, (&mut bound as *mut SOCKADDR_IN).cast(), &mut len), 0);
            (l, bound)
        };
        // SAFETY: creating a port has no pointer arguments.
        let port = unsafe { CreateIoCompletionPort(usize::MAX as HANDLE, null_mut(), 0, 0) };
        assert!(!port.is_null());
        let mut w = Worker {
            rng: Rng(seed),
            port,
            listener,
            at,
            conns: Vec::new(),
            recs: Vec::new(),
            by_addr: std::collections::HashMap::new(),
            free: Vec::new(),
            ledger: Ledger::default(),
            next_id: (index as u64) << 32,
            in_flight: 0,
        };
        for _ in 0..CONNS_PER_THREAD {
            let c = w.connect();
            w.conns.push(c);
        }
        w
    }

    fn connect(&mut self) -> Conn {
        self.next_id += 1;
        let id = self.next_id;
        let skip = id % 4 == 0;
        // SAFETY: pointers to live locals; handles are ours.
        unsafe {
            let c = socket(AF_INET, SOCK_STREAM, 0);
            assert_ne!(c, INVALID_SOCKET);
            assert_eq!(connect(c, (&self.at as *const SOCKADDR_IN).cast(), 16), 0);
            let s = accept(self.listener, null_mut(), null_mut());
            assert_ne!(s, INVALID_SOCKET);
            for h in [c, s] {
                assert_eq!(CreateIoCompletionPort(h as HANDLE, self.port, id as usize, 0), self.port);
                if skip {
                    assert_eq!(
                        SetFileCompletionNotificationModes(h as HANDLE, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
                        1
                    );
                }
            }
            Conn {
                client: c,
                server: s,
                id,
                generation: id,
                send_off: 0,
                sent: 0,
                recv_off: 0,
                pending_recvs: Vec::new(),
                pending_sends: 0,
                recv_seq_next: 0,
                recv_seq_verified: 0,
                recv_done: std::collections::BTreeMap::new(),
                skip_on_success: skip,
                tainted: false,
                dying: None,
            }
        }
    }

    fn alloc(&mut self, kind: Kind, slot: usize) -> usize {
        let i = match self.free.pop() {
            Some(i) => i,
            None => {
                self.recs.push(Box::new(Rec {
                    ov: OVERLAPPED::default(),
                    kind,
                    state: RecState::Free,
                    slot,
                    generation: 0,
                    len: 0,
                    seq: 0,
                    flags: 0,
                    buf: vec![0u8; MAX_SEND.max(RECV_LEN)],
                    wsabuf: WSABUF { len: 0, buf: null_mut() },
                }));
                let i = self.recs.len() - 1;
                self.by_addr.insert(&self.recs[i].ov as *const OVERLAPPED as usize, i);
                i
            }
        };
        let generation = self.conns[slot].generation;
        let r = &mut self.recs[i];
        assert_eq!(r.state, RecState::Free);
        r.ov = OVERLAPPED::default();
        r.kind = kind;
        r.slot = slot;
        r.generation = generation;
        r.flags = 0;
        i
    }

    fn issue_send(&mut self, slot: usize) {
        let len = 1 + self.rng.below(MAX_SEND as u64) as usize;
        let i = self.alloc(Kind::Send, slot);
        let (id, off, sock) = (self.conns[slot].id, self.conns[slot].send_off, self.conns[slot].client);
        let r = &mut self.recs[i];
        for (k, b) in r.buf[..len].iter_mut().enumerate() {
            *b = pattern(id, off + k as u64);
        }
        r.len = len as u32;
        r.wsabuf = WSABUF { len: len as u32, buf: r.buf.as_mut_ptr().cast() };
        let mut n = 0u32;
        // SAFETY: the record (buffer, WSABUF, OVERLAPPED) stays allocated until the end.
        let (ret, err) = unsafe {
            let ret = WSASend(sock, &r.wsabuf, 1, &mut n, 0, &mut r.ov, null_mut());
            (ret, if ret == 0 { 0 } else { WSAGetLastError() })
        };
        self.account_issue(i, ret, err);
        if ret == 0 || err == WSA_IO_PENDING {
            let c = &mut self.conns[slot];
            c.send_off += len as u64;
        }
    }

    fn issue_recv(&mut self, slot: usize) {
        let i = self.alloc(Kind::Recv, slot);
        let sock = self.conns[slot].server;
        let r = &mut self.recs[i];
        r.wsabuf = WSABUF { len: RECV_LEN as u32, buf: r.buf.as_mut_ptr().cast() };
        let mut n = 0u32;
        // SAFETY: the record stays allocated until the end.
        let (ret, err) = unsafe {
            let ret = WSARecv(sock, &r.wsabuf, 1, &mut n, &mut r.flags, &mut r.ov, null_mut());
            (ret, if ret == 0 { 0 } else { WSAGetLastError() })
        };
        self.account_issue(i, ret, err);
    }

    /// Books the call's result: issued (pending or immediate success), or failed at issue.
    fn account_issue(&mut self, i: usize, ret: i32, err: i32) {
        let slot = self.recs[i].slot;
        let kind = self.recs[i].kind;
        if ret != 0 && err != WSA_IO_PENDING {
            // Nothing is delivered for an immediate failure.
            self.ledger.failed_at_issue += 1;
            self.free.push(i);
            return;
        }
        self.ledger.issued += 1;
        self.recs[i].state = RecState::Pending;
        match kind {
            Kind::Recv => {
                let c = &mut self.conns[slot];
                c.pending_recvs.push(i);
                self.recs[i].seq = c.recv_seq_next;
                c.recv_seq_next += 1;
            }
            Kind::Send => self.conns[slot].pending_sends += 1,
        }
        if ret == 0 && self.conns[slot].skip_on_success {
            // Completed at the call; no packet may follow.
            self.ledger.completed_at_issue += 1;
            assert_eq!(self.recs[i].ov.Internal, 0, "immediate success with a failure status");
            self.finish(i, 0);
            return;
        }
        self.in_flight += 1;
    }

    /// Records a completion of record `i` with Win32 status `win32`.
    fn finish(&mut self, i: usize, win32: u32) {
        let r = &mut self.recs[i];
        assert_eq!(r.state, RecState::Pending);
        r.state = RecState::Free;
        *self.ledger.statuses.entry(win32).or_default() += 1;
        if !ALLOWED.contains(&win32) {
            self.ledger.bad_status.push((r.kind, win32));
        }
        let bytes = r.ov.InternalHigh as u64;
        let (kind, slot, generation, len) = (r.kind, r.slot, r.generation, r.len);
        let current = self.conns[slot].generation == generation;
        if current {
            let c = &mut self.conns[slot];
            match kind {
                Kind::Recv => {
                    c.pending_recvs.retain(|&x| x != i);
                    // Verify in issue order: the stream continues exactly where the previous
                    // receive stopped — no byte lost, repeated or reordered.
                    c.recv_done.insert(self.recs[i].seq, self.recs[i].buf[..bytes as usize].to_vec());
                    while let Some(data) = c.recv_done.remove(&c.recv_seq_verified) {
                        c.recv_seq_verified += 1;
                        if let Some(k) =
                            data.iter().enumerate().position(|(k, b)| *b != pattern(c.id, c.recv_off + k as u64))
                        {
                            self.ledger.stream_errors += 1;
                            self.ledger.stream_error_details.push(format!(
                                "conn {:#x} (tainted {}, skip {}): receive of {} bytes at offset {} differs at +{k}; \
                                 sent {} issued {}",
                                c.id,
                                c.tainted,
                                c.skip_on_success,
                                data.len(),
                                c.recv_off,
                                c.sent,
                                c.send_off
                            ));
                        }
                        c.recv_off += data.len() as u64;
                    }
                }
                Kind::Send => {
                    c.pending_sends -= 1;
                    c.sent += bytes;
                    if win32 == 0 && bytes != len as u64 {
                        self.ledger.stream_errors += 1;
                    }
                    if win32 != 0 {
                        c.tainted = true;
                    }
                }
            }
        }
        self.free.push(i);
    }

    /// Takes packets from the port (waiting up to `ms` for the first).
    fn drain(&mut self, ms: u32) -> usize {
        // SAFETY: OVERLAPPED_ENTRY is plain data.
        let mut entries: [OVERLAPPED_ENTRY; 64] = unsafe { std::mem::zeroed() };
        let mut n = 0u32;
        // SAFETY: 64 writable entries and a writable count.
        let ok = unsafe { GetQueuedCompletionStatusEx(self.port, entries.as_mut_ptr(), 64, &mut n, ms, 0) };
        if ok == 0 {
            // SAFETY: reads the thread's last error.
            assert_eq!(unsafe { GetLastError() }, WAIT_TIMEOUT as u32);
            return 0;
        }
        for e in &entries[..n as usize] {
            let ov = e.lpOverlapped;
            let Some(&i) = self.by_addr.get(&(ov as usize)) else {
                self.ledger.unknown_packets += 1;
                continue;
            };
            if self.recs[i].state != RecState::Pending {
                self.ledger.duplicates += 1;
                continue;
            }
            assert_eq!(e.Internal, self.recs[i].ov.Internal);
            assert_eq!(e.dwNumberOfBytesTransferred as usize, self.recs[i].ov.InternalHigh);
            let win32 = if e.Internal == 0 {
                0
            } else {
                let mut bytes = 0u32;
                // SAFETY: a completed OVERLAPPED of ours; GetOverlappedResult translates its status.
                let r = unsafe { GetOverlappedResult(null_mut(), &mut self.recs[i].ov, &mut bytes, 0) };
                assert_eq!(r, 0);
                // SAFETY: reads the thread's last error.
                unsafe { GetLastError() }
            };
            self.in_flight -= 1;
            self.finish(i, win32);
        }
        n as usize
    }

    /// Replaces connection `slot` by a fresh pair, closing what is left of the old one.
    fn replace(&mut self, slot: usize) {
        let fresh = self.connect();
        let old = std::mem::replace(&mut self.conns[slot], fresh);
        // SAFETY: our sockets; closing completes whatever is pending on them.
        unsafe {
            closesocket(old.client);
            closesocket(old.server);
        }
        assert!(old.tainted, "only reset or closed connections are replaced");
    }

    fn step(&mut self) {
        let slot = self.rng.below(self.conns.len() as u64) as usize;
        if let Some(left) = self.conns[slot].dying {
            if left == 0 {
                self.replace(slot);
            } else {
                self.conns[slot].dying = Some(left - 1);
            }
            return;
        }
        let roll = self.rng.below(1000);
        match roll {
            // Peer reset: the client aborts; the server's pending receives see the reset.
            0..=9 => {
                self.ledger.resets += 1;
                let c = &mut self.conns[slot];
                c.tainted = true;
                let l = LINGER { l_onoff: 1, l_linger: 0 };
                // SAFETY: a live LINGER; our socket.
                unsafe {
                    setsockopt(c.client, SOL_SOCKET, SO_LINGER, (&l as *const LINGER).cast(), 4);
                    closesocket(c.client);
                }
                c.client = INVALID_SOCKET;
                c.dying = Some(3);
            }
            // closesocket under pending receives.
            10..=19 => {
                self.ledger.closes += 1;
                self.conns[slot].tainted = true;
                self.replace(slot);
            }
            // CancelIoEx of one pending receive (not a taint: no byte may be lost).
            20..=49 => {
                let c = &self.conns[slot];
                if let Some(&i) = c.pending_recvs.first() {
                    let target = if c.pending_recvs.len() > 1 && self.rng.chance(500) { c.pending_recvs[1] } else { i };
                    self.ledger.cancels += 1;
                    // SAFETY: our socket and OVERLAPPED.
                    let r = unsafe { CancelIoEx(c.server as HANDLE, &mut self.recs[target].ov) };
                    // SAFETY: reads the thread's last error.
                    if r == 0 && unsafe { GetLastError() } == ERROR_NOT_FOUND as u32 {
                        self.ledger.cancels_not_found += 1;
                    }
                }
            }
            50..=524 => {
                if self.conns[slot].pending_sends < MAX_SENDS {
                    self.issue_send(slot);
                }
            }
            _ => {
                if self.conns[slot].pending_recvs.len() < MAX_RECVS {
                    self.issue_recv(slot);
                }
            }
        }
    }

    fn run(&mut self) {
        while self.ledger.issued + self.ledger.failed_at_issue < OPS_PER_THREAD {
            self.step();
            while self.drain(0) > 0 {}
            // Never let the system run far ahead of its completions.
            if self.in_flight > (CONNS_PER_THREAD * (MAX_RECVS + MAX_SENDS)) as u64 {
                self.drain(100);
            }
        }
        // Quiesce 1: healthy connections receive everything that was sent.
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let mut behind = false;
            for slot in 0..self.conns.len() {
                let c = &self.conns[slot];
                if c.tainted || c.dying.is_some() {
                    continue;
                }
                if c.recv_off < c.send_off || c.pending_sends > 0 {
                    behind = true;
                    if c.pending_recvs.is_empty() {
                        self.issue_recv(slot);
                    }
                }
            }
            if !behind || Instant::now() > deadline {
                break;
            }
            self.drain(50);
        }
        // Quiesce 2: close everything; every pending operation completes.
        for slot in 0..self.conns.len() {
            let c = &self.conns[slot];
            if !c.tainted && c.dying.is_none() {
                let (sent, received) = (c.sent, c.recv_off);
                self.ledger.healthy_bytes += received;
                self.ledger.lost_bytes += sent.saturating_sub(received);
                self.conns[slot].tainted = true; // accounted
            }
            // SAFETY: our sockets (INVALID_SOCKET after a reset fails harmlessly).
            unsafe {
                closesocket(self.conns[slot].client);
                closesocket(self.conns[slot].server);
            }
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.in_flight > 0 && Instant::now() < deadline {
            self.drain(100);
        }
        // Late duplicates would arrive now.
        let quiet = Instant::now() + Duration::from_millis(300);
        while Instant::now() < quiet {
            self.drain(50);
        }
        // SAFETY: our listener and port.
        unsafe {
            closesocket(self.listener);
            CloseHandle(self.port);
        }
    }
}

fn fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

/// What the process's fds point to (for a leak report).
fn fd_list() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir("/proc/self/fd")
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| format!("{} -> {:?}", e.file_name().to_string_lossy(), std::fs::read_link(e.path()).ok()))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn exactly_once_under_cancels_closes_and_resets() {
    let mut data = WSADATA::default();
    // SAFETY: a valid WSADATA.
    assert_eq!(unsafe { WSAStartup(0x0202, &mut data) }, 0);
    // Warm up: run a few operations through the port so the reactor and its helpers (started
    // lazily, once per process) exist before counting.
    {
        let mut w = Worker::new(1, 99);
        for slot in 0..w.conns.len() {
            w.issue_recv(slot);
            w.issue_send(slot);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while w.in_flight > 0 && Instant::now() < deadline {
            w.drain(100);
        }
        // SAFETY: our sockets and port.
        unsafe {
            for c in &w.conns {
                closesocket(c.client);
                closesocket(c.server);
            }
        }
        while w.in_flight > 0 && Instant::now() < deadline {
            w.drain(100);
        }
        // SAFETY: our listener and port.
        unsafe {
            closesocket(w.listener);
            CloseHandle(w.port);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let sockets_before = ws2_32::open_socket_count();
    let fds_before = fd_count();
    let fd_list_before = fd_list();
    let seed = std::env::var("STRESS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_u64);
    let start = Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            std::thread::spawn(move || {
                let mut w = Worker::new(seed ^ (t as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15), t);
                w.run();
                let in_flight = w.in_flight;
                let pending = w.recs.iter().filter(|r| r.state == RecState::Pending).count();
                (w.ledger, in_flight, pending)
            })
        })
        .collect();
    let mut total = Ledger::default();
    for h in handles {
        let (l, in_flight, pending) = h.join().expect("worker panicked");
        assert_eq!((in_flight, pending), (0, 0), "operations never completed: {l:?}");
        total.issued += l.issued;
        total.completed_by_packet += l.issued - l.completed_at_issue;
        total.completed_at_issue += l.completed_at_issue;
        total.failed_at_issue += l.failed_at_issue;
        total.duplicates += l.duplicates;
        total.unknown_packets += l.unknown_packets;
        total.bad_status.extend(l.bad_status);
        for (k, v) in l.statuses {
            *total.statuses.entry(k).or_default() += v;
        }
        total.cancels += l.cancels;
        total.cancels_not_found += l.cancels_not_found;
        total.resets += l.resets;
        total.closes += l.closes;
        total.stream_errors += l.stream_errors;
        total.stream_error_details.extend(l.stream_error_details);
        total.lost_bytes += l.lost_bytes;
        total.healthy_bytes += l.healthy_bytes;
    }
    let elapsed = start.elapsed();
    eprintln!("stress: {elapsed:?}, {total:?}");
    let completions: u64 = total.statuses.values().sum();
    assert!(total.issued + total.failed_at_issue >= 200_000, "only {} operations", total.issued);
    assert_eq!(completions, total.issued, "completions != issued operations");
    assert_eq!(total.duplicates, 0, "duplicate completions");
    assert_eq!(total.unknown_packets, 0, "packets for unknown OVERLAPPEDs");
    assert!(total.bad_status.is_empty(), "statuses outside the allowed set: {:?}", total.bad_status);
    assert_eq!(
        total.stream_errors, 0,
        "byte streams corrupted (lost, repeated or reordered bytes): {:#?}",
        total.stream_error_details
    );
    assert_eq!(total.lost_bytes, 0, "bytes sent on healthy connections never arrived");
    assert!(total.cancels > 0 && total.resets > 0 && total.closes > 0);

    // Everything closed: the engine's sockets and the process's fds are back.
    let deadline = Instant::now() + Duration::from_secs(5);
    while (ws2_32::open_socket_count() != sockets_before || fd_count() != fds_before) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(ws2_32::open_socket_count(), sockets_before, "sockets leaked");
    assert_eq!(fd_count(), fds_before, "fds leaked: before {fd_list_before:#?}, after {:#?}", fd_list());
}
