//! Control data for `WSARecvMsg`: the host's ancillary messages re-packed in Windows'
//! `WSACMSGHDR` format.
//!
//! Windows lays each message out as a 16-byte header (`SIZE_T cmsg_len`, `INT cmsg_level`,
//! `INT cmsg_type`) followed by the data, the next header starting at an 8-byte boundary
//! (`WSA_CMSG_SPACE`). The values differ from the host's too: Windows' `IP_PKTINFO` is 19 with
//! `IN_PKTINFO { ipi_addr, ipi_ifindex }`, Linux's is 8 with `in_pktinfo { ifindex, spec_dst,
//! addr }`; `IP_TOS` arrives from Linux as one byte but is an `INT` on Windows. The messages
//! Windows' providers deliver are converted — `IP_PKTINFO`, `IP_TTL`, `IP_TOS`,
//! `IPV6_PKTINFO`, `IPV6_HOPLIMIT`, `IPV6_TCLASS` — others are dropped. A buffer too small for
//! the next message sets `MSG_CTRUNC`, as on Windows.

use translate::{IN_ADDR, IN_PKTINFO, IN6_ADDR, IN6_PKTINFO, IPPROTO_IP, IPPROTO_IPV6, WSACMSGHDR};

/// Room for the host's ancillary data of one receive.
pub const HOST_CONTROL_LEN: usize = 256;

const HDR: usize = std::mem::size_of::<WSACMSGHDR>();

fn align8(n: usize) -> usize {
    (n + 7) & !7
}

/// Converted control data: bytes used in the Windows buffer, and whether something did not fit.
#[derive(Clone, Copy, Debug, Default)]
pub struct Converted {
    /// Bytes written (the new `Control.len`).
    pub len: usize,
    /// A message was dropped for lack of room (`MSG_CTRUNC`).
    pub truncated: bool,
}

/// Windows (level, type, data) for one host message, or `None` when Windows has no such
/// message. `data` is written into `out`; returns its length.
fn windows_message(level: i32, ty: i32, data: &[u8], out: &mut [u8; 32]) -> Option<(i32, i32, usize)> {
    fn int(data: &[u8]) -> i32 {
        match data.len() {
            1 => i32::from(data[0]),
            n if n >= 4 => i32::from_ne_bytes([data[0], data[1], data[2], data[3]]),
            _ => 0,
        }
    }
    fn put<T: Copy>(out: &mut [u8; 32], v: T) -> usize {
        let n = std::mem::size_of::<T>();
        // SAFETY: `T` is a plain-old-data Windows structure of at most 32 bytes (checked by
        // the callers' types); the write is unaligned-safe.
        unsafe { out.as_mut_ptr().cast::<T>().write_unaligned(v) };
        n
    }
    match (level, ty) {
        (libc::IPPROTO_IP, libc::IP_PKTINFO) if data.len() >= std::mem::size_of::<libc::in_pktinfo>() => {
            // SAFETY: the kernel wrote an in_pktinfo (length checked).
            let p = unsafe { data.as_ptr().cast::<libc::in_pktinfo>().read_unaligned() };
            let addr = std::net::Ipv4Addr::from(u32::from_be(p.ipi_addr.s_addr));
            let v = IN_PKTINFO { ipi_addr: IN_ADDR::from(addr), ipi_ifindex: p.ipi_ifindex as u32 };
            Some((IPPROTO_IP, translate::IP_PKTINFO, put(out, v)))
        }
        (libc::IPPROTO_IP, libc::IP_TTL) => Some((IPPROTO_IP, translate::IP_TTL, put(out, int(data)))),
        (libc::IPPROTO_IP, libc::IP_TOS) => Some((IPPROTO_IP, translate::IP_TOS, put(out, int(data)))),
        (libc::IPPROTO_IPV6, libc::IPV6_PKTINFO) if data.len() >= std::mem::size_of::<libc::in6_pktinfo>() => {
            // SAFETY: the kernel wrote an in6_pktinfo (length checked).
            let p = unsafe { data.as_ptr().cast::<libc::in6_pktinfo>().read_unaligned() };
            let addr = std::net::Ipv6Addr::from(p.ipi6_addr.s6_addr);
            let v = IN6_PKTINFO { ipi6_addr: IN6_ADDR::from(addr), ipi6_ifindex: p.ipi6_ifindex };
            Some((IPPROTO_IPV6, translate::IPV6_PKTINFO, put(out, v)))
        }
        (libc::IPPROTO_IPV6, libc::IPV6_HOPLIMIT) => {
            Some((IPPROTO_IPV6, translate::IPV6_HOPLIMIT, put(out, int(data))))
        }
        (libc::IPPROTO_IPV6, libc::IPV6_TCLASS) => Some((IPPROTO_IPV6, translate::IPV6_TCLASS, put(out, int(data)))),
        _ => None,
    }
}

/// Re-packs the control data the kernel left in `msg` into the Windows buffer `out`.
pub fn convert(msg: &libc::msghdr, out: &mut [u8]) -> Converted {
    let mut done = Converted::default();
    if msg.msg_controllen == 0 {
        return done;
    }
    // SAFETY: `msg` came back from recvmsg with its control buffer and length set by the
    // kernel; the CMSG macros walk that buffer only.
    let mut c = unsafe { libc::CMSG_FIRSTHDR(msg) };
    while !c.is_null() {
        // SAFETY: `c` points to a complete header inside the control buffer (CMSG_* contract).
        let (level, ty, len) = unsafe { ((*c).cmsg_level, (*c).cmsg_type, (*c).cmsg_len as usize) };
        // SAFETY: as above; the data runs to `cmsg_len` from the header.
        let data_len = len.saturating_sub(unsafe { libc::CMSG_LEN(0) } as usize);
        // SAFETY: CMSG_DATA of a valid header, `data_len` bytes inside the buffer.
        let data = unsafe { std::slice::from_raw_parts(libc::CMSG_DATA(c), data_len) };
        let mut buf = [0u8; 32];
        if let Some((wl, wt, n)) = windows_message(level, ty, data, &mut buf) {
            let space = HDR + align8(n);
            if done.len + HDR + n > out.len() {
                done.truncated = true;
                break;
            }
            let hdr = WSACMSGHDR { cmsg_len: HDR + n, cmsg_level: wl, cmsg_type: wt };
            // SAFETY: `out` has room for the header and the data (checked above).
            unsafe { out.as_mut_ptr().add(done.len).cast::<WSACMSGHDR>().write_unaligned(hdr) };
            out[done.len + HDR..done.len + HDR + n].copy_from_slice(&buf[..n]);
            done.len = (done.len + space).min(out.len());
        }
        // SAFETY: advancing within the kernel-filled control buffer.
        c = unsafe { libc::CMSG_NXTHDR(msg, c) };
    }
    done
}

/// A host control buffer for one `recvmsg`, aligned for `cmsghdr`.
#[derive(Debug)]
pub struct HostControl([u64; HOST_CONTROL_LEN / 8]);

impl HostControl {
    /// An empty buffer.
    pub fn new() -> HostControl {
        HostControl([0; HOST_CONTROL_LEN / 8])
    }

    /// Attaches the buffer to `msg` (when the caller wants control data).
    pub fn attach(&mut self, msg: &mut libc::msghdr) {
        msg.msg_control = self.0.as_mut_ptr().cast();
        msg.msg_controllen = HOST_CONTROL_LEN as _;
    }
}

impl Default for HostControl {
    fn default() -> Self {
        HostControl::new()
    }
}

/// Converts what `msg` received into the application's `WSABUF` `control` (its `len` is the
/// capacity on entry and the bytes used on return); returns `MSG_CTRUNC` when something did
/// not fit, else 0.
///
/// # Safety
/// `control` must point to the application's valid `WSABUF` (buffer writable for `len`).
pub unsafe fn deliver_to(msg: &libc::msghdr, control: *mut translate::WSABUF) -> i32 {
    // SAFETY: the caller's contract.
    let wb = unsafe { &mut *control };
    let out: &mut [u8] = if wb.buf.is_null() {
        &mut []
    } else {
        // SAFETY: `len` writable bytes at `buf`, per the caller.
        unsafe { std::slice::from_raw_parts_mut(wb.buf.cast::<u8>(), wb.len as usize) }
    };
    let c = convert(msg, out);
    wb.len = c.len as u32;
    if c.truncated || msg.msg_flags & libc::MSG_CTRUNC != 0 { translate::MSG_CTRUNC } else { 0 }
}
