//! A non-blocking stream `send` never reports a partial count (Windows keeps what the kernel
//! does not take at once); while such data is buffered further sends fail with
//! `WSAEWOULDBLOCK`; `shutdown(SD_SEND)` and `closesocket` let it flush first.

use translate::*;
use ws2_32::native::*;

mod util;
use util::{pair, startup};

fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 31 % 251) as u8).collect()
}

/// Reads until end of stream (blocking), bounded in time.
fn drain(s: SOCKET, expect: usize) -> Vec<u8> {
    let mut got = Vec::with_capacity(expect);
    let mut buf = vec![0u8; 65536];
    let start = std::time::Instant::now();
    loop {
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "drain timed out after {} bytes", got.len());
        // SAFETY: a live buffer.
        let n = unsafe { recv(s, buf.as_mut_ptr(), buf.len() as i32, 0) };
        // SAFETY: a plain call.
        let err = unsafe { WSAGetLastError() };
        assert!(n >= 0, "recv failed: {err}");
        if n == 0 {
            return got;
        }
        got.extend_from_slice(&buf[..n as usize]);
    }
}

#[test]
fn whole_buffer_or_wouldblock_then_flushed_by_shutdown() {
    startup();
    let (c, a) = pair();
    // SAFETY: live buffers and locals.
    unsafe {
        let small: i32 = 8192;
        assert_eq!(setsockopt(c, SOL_SOCKET, SO_SNDBUF, (&small as *const i32).cast(), 4), 0);
        let mut on: u32 = 1;
        assert_eq!(ioctlsocket(c, FIONBIO as i32, &mut on), 0);
        let big = pattern(4 << 20);
        // The peer is not reading: the kernel cannot take 4 MiB, yet the count is whole.
        assert_eq!(send(c, big.as_ptr(), big.len() as i32, 0), big.len() as i32);
        // While the remainder is buffered, another send would block.
        assert_eq!(send(c, b"x".as_ptr(), 1, 0), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAEWOULDBLOCK);
        // shutdown(SD_SEND) waits for the buffered bytes; the peer gets everything, then EOF.
        assert_eq!(shutdown(c, SD_SEND), 0);
        let got = drain(a, big.len());
        assert_eq!(got.len(), big.len());
        assert!(got == big, "stream corrupted");
        closesocket(a);
        closesocket(c);
    }
}

#[test]
fn closesocket_flushes_buffered_data() {
    startup();
    let (c, a) = pair();
    // SAFETY: live buffers and locals.
    unsafe {
        let mut on: u32 = 1;
        assert_eq!(ioctlsocket(c, FIONBIO as i32, &mut on), 0);
        let big = pattern(3 << 20);
        assert_eq!(send(c, big.as_ptr(), big.len() as i32, 0), big.len() as i32);
        // Graceful close right away: the handle is dead at once, the data still arrives.
        assert_eq!(closesocket(c), 0);
        assert_eq!(closesocket(c), SOCKET_ERROR);
        assert_eq!(WSAGetLastError(), WSAENOTSOCK);
        let got = drain(a, big.len());
        assert!(got == big, "stream corrupted or short: {} of {}", got.len(), big.len());
        closesocket(a);
    }
}
