//! Thin host-syscall helpers: the only place that turns `-1` + `errno` into `io::Error`.
//!
//! Everything calls libc through its real names; the project never exports a libc name
//! (DESIGN property 2), so there is no risk of calling ourselves.

use std::io;
use std::os::fd::RawFd;

/// Calls a libc function; `-1` becomes `Err(io::Error::last_os_error())`, captured before
/// anything else can clobber `errno`.
macro_rules! syscall {
    ($fn:ident ( $($arg:expr),* $(,)? )) => {{
        // SAFETY: the caller's arguments satisfy the libc function's contract; each call
        // site documents why (pointers valid for the lengths passed, fds owned).
        let res = unsafe { libc::$fn($($arg),*) };
        if res == -1 { Err(std::io::Error::last_os_error()) } else { Ok(res) }
    }};
}
pub(crate) use syscall;

/// Retries `f` while it fails with `EINTR`: Windows has no `EINTR` for socket calls.
pub(crate) fn retry_eintr<T>(mut f: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    loop {
        match f() {
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            r => return r,
        }
    }
}

/// Closes an fd the caller owns, ignoring `EINTR` (Linux closes the fd regardless).
pub(crate) fn close_fd(fd: RawFd) {
    // SAFETY: the caller owns `fd` and never uses it again.
    unsafe { libc::close(fd) };
}

/// `poll(2)` over `fds` with a millisecond timeout (`-1` = infinite), retrying on `EINTR`
/// with the remaining time.
pub(crate) fn poll(fds: &mut [libc::pollfd], timeout_ms: i32) -> io::Result<usize> {
    let deadline = Deadline::after_ms(timeout_ms);
    loop {
        let t = deadline.remaining_ms();
        // SAFETY: `fds` is a valid, exclusively borrowed array of `fds.len()` pollfds.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, t) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

/// A point in time to wait until, or forever. A zero timeout — the common "poll once" of
/// `select`/`WSAPoll` — never reads the clock.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Deadline {
    /// Wait forever.
    Never,
    /// Do not wait at all.
    Now,
    /// Wait until then.
    At(std::time::Instant),
}

impl Deadline {
    /// Forever.
    pub(crate) const NEVER: Deadline = Deadline::Never;

    /// `ms` milliseconds from now; negative means forever.
    pub(crate) fn after_ms(ms: i32) -> Deadline {
        match ms {
            ms if ms < 0 => Deadline::Never,
            0 => Deadline::Now,
            ms => Deadline::At(std::time::Instant::now() + std::time::Duration::from_millis(ms as u64)),
        }
    }

    /// A Windows DWORD timeout (`INFINITE` = 0xffffffff is forever, as are values ≥ 2^31).
    pub(crate) fn after_dword_ms(ms: u32) -> Deadline {
        if ms == u32::MAX { Deadline::NEVER } else { Deadline::after_ms(ms.min(i32::MAX as u32) as i32) }
    }

    /// Milliseconds left for `poll(2)`: `-1` for forever, rounded up so a wait never ends early.
    pub(crate) fn remaining_ms(&self) -> i32 {
        match self {
            Deadline::Never => -1,
            Deadline::Now => 0,
            Deadline::At(t) => {
                let left = t.saturating_duration_since(std::time::Instant::now());
                let ms = left.as_micros().div_ceil(1000);
                ms.min(i32::MAX as u128) as i32
            }
        }
    }

    /// Whether the deadline has passed.
    pub(crate) fn expired(&self) -> bool {
        match self {
            Deadline::Never => false,
            Deadline::Now => true,
            Deadline::At(t) => std::time::Instant::now() >= *t,
        }
    }
}

/// A wake-up fd pair: an `eventfd` on Linux, a pipe elsewhere. Readable after [`notify`].
///
/// [`notify`]: WakeFd::notify
#[derive(Debug)]
pub(crate) struct WakeFd {
    read: RawFd,
    write: RawFd,
}

impl WakeFd {
    pub(crate) fn new() -> io::Result<WakeFd> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        {
            let fd = syscall!(eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK))?;
            Ok(WakeFd { read: fd, write: fd })
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        {
            let mut fds = [0; 2];
            syscall!(pipe(fds.as_mut_ptr()))?;
            for fd in fds {
                syscall!(fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC))?;
                syscall!(fcntl(fd, libc::F_SETFL, libc::O_NONBLOCK))?;
            }
            Ok(WakeFd { read: fds[0], write: fds[1] })
        }
    }

    /// The fd to poll for `POLLIN`.
    pub(crate) fn fd(&self) -> RawFd {
        self.read
    }

    /// Makes [`fd`](WakeFd::fd) readable (idempotent until drained).
    pub(crate) fn notify(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a live u64 to our own fd; failure (full) is harmless.
        unsafe { libc::write(self.write, (&one as *const u64).cast(), 8) };
    }

    /// Consumes pending notifications.
    pub(crate) fn drain(&self) {
        let mut buf = [0u8; 64];
        // SAFETY: reads into a live local buffer of the stated size from our own fd.
        while unsafe { libc::read(self.read, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
    }
}

impl Drop for WakeFd {
    fn drop(&mut self) {
        close_fd(self.read);
        if self.write != self.read {
            close_fd(self.write);
        }
    }
}
