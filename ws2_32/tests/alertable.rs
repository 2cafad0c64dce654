//! Blocking Winsock calls are alertable on Windows: a user APC queued to a thread blocked in
//! `recv` runs inside the call, and the call then goes on waiting for its data.

use std::ptr::null_mut;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

use translate::*;
use ws2_32::exports::kernel32::native::*;
use ws2_32::native::*;

mod util;
use util::{pair, startup};

static APC_THREAD: AtomicU32 = AtomicU32::new(0);
static RECV_THREAD: AtomicU32 = AtomicU32::new(0);
static RECEIVED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn apc(_data: usize) {
    // SAFETY: a plain call.
    APC_THREAD.store(unsafe { GetCurrentThreadId() }, Ordering::SeqCst);
}

extern "C" fn receiver(s: *mut core::ffi::c_void) -> u32 {
    let mut buf = [0u8; 8];
    // SAFETY: a plain call; the buffer is live.
    unsafe {
        RECV_THREAD.store(GetCurrentThreadId(), Ordering::SeqCst);
        let n = recv(s as SOCKET, buf.as_mut_ptr(), 8, 0);
        RECEIVED.store(n.max(0) as usize, Ordering::SeqCst);
    }
    0
}

#[test]
fn an_apc_runs_inside_a_blocking_recv() {
    startup();
    let (c, a) = pair();
    // SAFETY: pointers to live locals; the socket outlives the receiving thread (we wait for it).
    unsafe {
        let routine = receiver as extern "C" fn(*mut core::ffi::c_void) -> u32;
        let t = CreateThread(null_mut(), 0, routine as *mut _, a as *mut _, 0, null_mut());
        assert!(!t.is_null());
        // Let it block in recv, then queue the APC.
        Sleep(200);
        assert_eq!(WaitForSingleObject(t, 0), WAIT_TIMEOUT as u32);
        let f = apc as extern "C" fn(usize);
        assert_ne!(QueueUserAPC(f as *mut _, t, 7), 0);
        let start = std::time::Instant::now();
        while APC_THREAD.load(Ordering::SeqCst) == 0 && start.elapsed() < std::time::Duration::from_secs(5) {
            Sleep(10);
        }
        assert_eq!(
            APC_THREAD.load(Ordering::SeqCst),
            RECV_THREAD.load(Ordering::SeqCst),
            "the APC ran on the blocked thread"
        );
        // The recv went on waiting, and completes with the data.
        assert_eq!(WaitForSingleObject(t, 0), WAIT_TIMEOUT as u32);
        assert_eq!(send(c, b"after".as_ptr(), 5, 0), 5);
        assert_eq!(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
        assert_eq!(RECEIVED.load(Ordering::SeqCst), 5);
        CloseHandle(t);
        for s in [a, c] {
            closesocket(s);
        }
    }
}
