//! `ioctlsocket` and `WSAIoctl`: the synchronous control codes.
//!
//! `ioctlsocket(s, cmd, argp)` is `WSAIoctl(s, cmd, argp, 4, argp, 4, &ret, NULL, NULL)`, as
//! on Windows (Wine's notes, §2.11). Every code wants a non-NULL `lpcbBytesReturned`
//! (`WSAEFAULT` otherwise, Wine's `test_unsupported_ioctls`); unknown codes are
//! `WSAEOPNOTSUPP`.
//!
//! Windows decisions worth knowing:
//! * `FIONBIO` ignores the output buffer (apps pass unwritable ones), and clearing it while
//!   `WSAEventSelect`/`WSAAsyncSelect` is active is `WSAEINVAL` (`test_fionbio`).
//! * `FIONREAD` on a listening socket is 0 (the host fails it).
//! * `SIOCATMARK` is inverted with respect to POSIX: TRUE means *no* urgent data is waiting
//!   to be read with `MSG_OOB`; with `SO_OOBINLINE` it is always TRUE (Wine's
//!   `test_fionread_siocatmark` on Windows).
//! * `SIO_KEEPALIVE_VALS` takes milliseconds; the host wants seconds: rounded to nearest, at
//!   least 1.
//! * `SIO_ADDRESS_LIST_QUERY` and `SIO_ROUTING_INTERFACE_QUERY` report the size they need in
//!   `*lpcbBytesReturned` along with `WSAEFAULT` when the buffer is short.
//! * A pointer below 0x10000 is treated as invalid (`WSAEFAULT`): Wine's `test_ioctlsocket`
//!   passes `(u_long *)1` and Windows fails it.

use core::ffi::c_void;

use translate::sockaddr::{self, HostSockAddr};
use translate::{
    AF_INET, AF_INET6, FIONBIO, FIONREAD, GUID, IFF_BROADCAST, IFF_LOOPBACK, IFF_MULTICAST, IFF_POINTTOPOINT, IFF_UP,
    SIO_ADDRESS_LIST_QUERY, SIO_BASE_HANDLE, SIO_BSP_HANDLE, SIO_BSP_HANDLE_POLL, SIO_BSP_HANDLE_SELECT,
    SIO_ENABLE_CIRCULAR_QUEUEING, SIO_GET_EXTENSION_FUNCTION_POINTER, SIO_GET_INTERFACE_LIST,
    SIO_IDEAL_SEND_BACKLOG_QUERY, SIO_KEEPALIVE_VALS, SIO_ROUTING_INTERFACE_QUERY, SIO_UDP_CONNRESET, SIOCATMARK,
    SOCK_STREAM, SOCKET, WSAEAFNOSUPPORT, WSAEFAULT, WSAEINVAL, WSAEOPNOTSUPP, WSAOVERLAPPED, WsaError,
};

use super::options::bad_ptr;
use super::status;
use crate::engine::socket::ConnState;
use crate::engine::{Socket, startup, table};
use crate::exports::Face;
use crate::sys::syscall;

/// `ioctlsocket`.
///
/// # Safety
/// `argp` must be NULL or valid for reading and writing a `u_long`.
pub unsafe fn ioctlsocket(s: SOCKET, cmd: i32, argp: *mut u32) -> i32 {
    let mut ret = 0u32;
    let arg = argp.cast::<c_void>();
    // SAFETY: forwarded caller contract; `ret` is a live local.
    status(unsafe {
        ioctl(Face::Native, s, cmd as u32, arg, 4, arg, 4, &mut ret, std::ptr::null_mut(), std::ptr::null_mut())
    })
}

/// `WSAIoctl`.
///
/// # Safety
/// The buffers must be NULL or valid for their lengths; `bytes_returned` NULL or writable;
/// `overlapped` NULL or a valid `WSAOVERLAPPED`.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsa_ioctl(
    face: Face,
    s: SOCKET,
    code: u32,
    in_buf: *mut c_void,
    in_len: u32,
    out_buf: *mut c_void,
    out_len: u32,
    bytes_returned: *mut u32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut c_void,
) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { ioctl(face, s, code, in_buf, in_len, out_buf, out_len, bytes_returned, overlapped, completion) })
}

/// The extension-function table (`SIO_GET_EXTENSION_FUNCTION_POINTER`).
///
/// HOOK(async engine): returns the entry point of `AcceptEx`, `ConnectEx`,
/// `DisconnectEx`, `GetAcceptExSockaddrs`, `TransmitFile`, `TransmitPackets`, `WSARecvMsg`
/// and `WSASendMsg` for their `WSAID_*` GUIDs once those exist. Unknown GUIDs stay `None`,
/// which Windows reports as `WSAEINVAL`.
pub(crate) fn extension_function(face: Face, guid: &GUID) -> Option<*const c_void> {
    crate::api::extensions::function_pointer(face, guid)
}

/// A caller buffer: NULL (or a bogus low address) → `None`.
///
/// # Safety
/// When plausible, `p` must be valid for `len` bytes for `'a`.
unsafe fn buf<'a>(p: *mut c_void, len: u32) -> Option<&'a mut [u8]> {
    if bad_ptr(p) {
        None
    } else {
        // SAFETY: non-NULL, and the caller guarantees `len` bytes.
        Some(unsafe { std::slice::from_raw_parts_mut(p.cast::<u8>(), len as usize) })
    }
}

/// The input buffer of at least `n` bytes, else `WSAEFAULT`.
fn input(b: &Option<&mut [u8]>, n: usize) -> Result<(), WsaError> {
    match b {
        Some(b) if b.len() >= n => Ok(()),
        _ => Err(WsaError(WSAEFAULT)),
    }
}

#[allow(clippy::too_many_arguments)]
unsafe fn ioctl(
    face: Face,
    s: SOCKET,
    code: u32,
    in_buf: *mut c_void,
    in_len: u32,
    out_buf: *mut c_void,
    out_len: u32,
    bytes_returned: *mut u32,
    overlapped: *mut WSAOVERLAPPED,
    completion: *mut c_void,
) -> Result<(), WsaError> {
    startup::ensure()?;
    let sock = table::get(s)?;
    if bytes_returned.is_null() || bad_ptr(bytes_returned) {
        return Err(WsaError(WSAEFAULT));
    }
    // SAFETY: the caller guarantees the buffers for their lengths.
    let (inb, outb) = unsafe { (buf(in_buf, in_len), buf(out_buf, out_len)) };
    let mut returned = 0usize;
    let r = dispatch(face, &sock, code, inb, outb, &mut returned);
    log::debug!(target: "ws2_32::ioctl", "WSAIoctl({s:#x}, {}) -> {r:?}",
        translate::ioctl_name(code).unwrap_or("unknown code"));
    if r.is_ok() || returned != 0 {
        // SAFETY: non-NULL and writable per the caller.
        unsafe { bytes_returned.write_unaligned(returned as u32) };
    }
    if !overlapped.is_null() {
        // Overlapped: a code that completed reports its completion through the usual routes,
        // as Windows does even for immediate success; an unsupported code pends and then
        // completes with STATUS_NOT_SUPPORTED. Other failures are reported at once only.
        use crate::engine::overlapped::{self as ov, Outcome, OvPtr, Routine};
        let ovp = OvPtr(overlapped as usize);
        let routine = (!completion.is_null()).then(|| Routine {
            func: completion as usize,
            face,
            thread: crate::host::host().current_thread(),
        });
        match r {
            Ok(()) => {
                let out = Outcome { status: 0, bytes: returned as u32, flags: 0 };
                ov::complete_now(&sock, ovp, routine, out, true);
            }
            Err(e) if e.0 == WSAEOPNOTSUPP => {
                ovp.set_pending();
                let out = Outcome { status: translate::STATUS_NOT_SUPPORTED, bytes: 0, flags: 0 };
                ov::complete_now(&sock, ovp, routine, out, false);
                return Err(WsaError(translate::WSA_IO_PENDING));
            }
            Err(_) => {}
        }
    }
    r
}

fn write_u32(out: Option<&mut [u8]>, v: u32, returned: &mut usize) -> Result<(), WsaError> {
    match out {
        Some(o) if o.len() >= 4 => {
            o[..4].copy_from_slice(&v.to_le_bytes());
            *returned = 4;
            Ok(())
        }
        _ => Err(WsaError(WSAEFAULT)),
    }
}

fn dispatch(
    face: Face,
    sock: &Socket,
    code: u32,
    inb: Option<&mut [u8]>,
    outb: Option<&mut [u8]>,
    returned: &mut usize,
) -> Result<(), WsaError> {
    match code {
        FIONBIO => {
            input(&inb, 4)?;
            let on = translate::sockopt::win_u32(inb.as_deref().unwrap_or(&[])) != 0;
            if !on && sock.state().select_mask != 0 {
                return Err(WsaError(WSAEINVAL));
            }
            sock.set_nonblocking(on);
            Ok(())
        }
        FIONREAD => {
            let n = if sock.state().conn == ConnState::Listening { 0 } else { host_ioctl_int(sock, libc::FIONREAD)? };
            write_u32(outb, n as u32, returned)
        }
        SIOCATMARK => {
            let at_mark = !oob_pending(sock);
            write_u32(outb, u32::from(at_mark), returned)
        }
        SIO_KEEPALIVE_VALS => {
            input(&inb, 12)?;
            let b = inb.as_deref().unwrap_or(&[]);
            let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
            keepalive_vals(sock, word(0) != 0, word(4), word(8))
        }
        SIO_GET_INTERFACE_LIST => interface_list(outb, returned),
        SIO_ADDRESS_LIST_QUERY => address_list(sock, outb, returned),
        SIO_ROUTING_INTERFACE_QUERY => routing_interface(inb.as_deref(), outb, returned),
        SIO_BASE_HANDLE | SIO_BSP_HANDLE | SIO_BSP_HANDLE_SELECT | SIO_BSP_HANDLE_POLL => match outb {
            Some(o) if o.len() >= 8 => {
                o[..8].copy_from_slice(&(sock.handle as u64).to_le_bytes());
                *returned = 8;
                Ok(())
            }
            _ => Err(WsaError(WSAEFAULT)),
        },
        SIO_IDEAL_SEND_BACKLOG_QUERY => {
            if sock.socktype != SOCK_STREAM {
                return Err(WsaError(WSAEOPNOTSUPP));
            }
            super::socket::require_connected(sock)?;
            // Windows' ideal send backlog on loopback and LANs; the value Wine reports.
            write_u32(outb, 0x10000, returned)
        }
        SIO_UDP_CONNRESET | SIO_ENABLE_CIRCULAR_QUEUEING => Ok(()),
        SIO_GET_EXTENSION_FUNCTION_POINTER => {
            input(&inb, std::mem::size_of::<GUID>())?;
            let b = inb.as_deref().unwrap_or(&[]);
            let guid = GUID {
                Data1: u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                Data2: u16::from_le_bytes([b[4], b[5]]),
                Data3: u16::from_le_bytes([b[6], b[7]]),
                Data4: [b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]],
            };
            let f = extension_function(face, &guid).ok_or(WsaError(WSAEINVAL))?;
            match outb {
                Some(o) if o.len() >= 8 => {
                    o[..8].copy_from_slice(&(f as usize as u64).to_le_bytes());
                    *returned = 8;
                    Ok(())
                }
                _ => Err(WsaError(WSAEFAULT)),
            }
        }
        _ => {
            crate::log_unimplemented_once!("WSAIoctl (unknown control code)", WsaError(WSAEOPNOTSUPP));
            Err(WsaError(WSAEOPNOTSUPP))
        }
    }
}

fn host_ioctl_int(sock: &Socket, req: libc::c_ulong) -> Result<i32, WsaError> {
    let mut v: libc::c_int = 0;
    // SAFETY: `req` takes an `int *`; `v` is a live c_int; the fd is kept open by `sock`.
    syscall!(ioctl(sock.fd(), req as _, &mut v as *mut libc::c_int))?;
    Ok(v)
}

/// Whether urgent data is waiting to be read with `MSG_OOB` (never with `SO_OOBINLINE`,
/// where it arrives in the normal stream).
fn oob_pending(sock: &Socket) -> bool {
    if sock.socktype != SOCK_STREAM {
        return false;
    }
    let mut inline: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a live c_int and its length; the fd is kept open by `sock`.
    let r = unsafe {
        libc::getsockopt(
            sock.fd(),
            libc::SOL_SOCKET,
            libc::SO_OOBINLINE,
            (&mut inline as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if r == 0 && inline != 0 {
        return false;
    }
    let mut byte = 0u8;
    // SAFETY: one writable byte; the fd is kept open by `sock`.
    let n = unsafe {
        libc::recv(sock.fd(), (&mut byte as *mut u8).cast(), 1, libc::MSG_OOB | libc::MSG_PEEK | libc::MSG_DONTWAIT)
    };
    n >= 0
}

/// `SIO_KEEPALIVE_VALS`: `SO_KEEPALIVE` and, when enabled, the idle time and interval,
/// milliseconds rounded to the nearest second (at least 1).
fn keepalive_vals(sock: &Socket, on: bool, time_ms: u32, interval_ms: u32) -> Result<(), WsaError> {
    let set = |level: i32, name: i32, v: i32| -> Result<(), WsaError> {
        // SAFETY: a live c_int of the stated size; the fd is kept open by `sock`.
        syscall!(setsockopt(sock.fd(), level, name, (&v as *const i32).cast(), 4))?;
        Ok(())
    };
    let secs = |ms: u32| (ms.saturating_add(500) / 1000).clamp(1, i32::MAX as u32) as i32;
    set(libc::SOL_SOCKET, libc::SO_KEEPALIVE, i32::from(on))?;
    if on && sock.socktype == SOCK_STREAM {
        #[cfg(target_vendor = "apple")]
        set(libc::IPPROTO_TCP, libc::TCP_KEEPALIVE, secs(time_ms))?;
        #[cfg(not(target_vendor = "apple"))]
        set(libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, secs(time_ms))?;
        set(libc::IPPROTO_TCP, libc::TCP_KEEPINTVL, secs(interval_ms))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Interfaces and addresses
// ---------------------------------------------------------------------------------------------

/// One address of a local interface.
struct IfAddr {
    flags: u32,
    addr: HostSockAddr,
    netmask: Option<HostSockAddr>,
}

fn host_addr(p: *const libc::sockaddr) -> Option<HostSockAddr> {
    if p.is_null() {
        return None;
    }
    // SAFETY: getifaddrs hands out valid sockaddrs; the family says how long it is.
    let family = i32::from(unsafe { (*p).sa_family });
    let len = match family {
        libc::AF_INET => std::mem::size_of::<libc::sockaddr_in>(),
        libc::AF_INET6 => std::mem::size_of::<libc::sockaddr_in6>(),
        _ => return None,
    };
    let mut a = HostSockAddr::new();
    // SAFETY: `len` bytes are readable at `p` (per the family) and fit a sockaddr_storage.
    unsafe { std::ptr::copy_nonoverlapping(p.cast::<u8>(), a.as_mut_ptr().cast::<u8>(), len) };
    a.set_len(len as libc::socklen_t);
    Some(a)
}

/// Every up interface address of the host family `family`, from `getifaddrs(3)`.
fn interfaces(family: i32) -> Result<Vec<IfAddr>, WsaError> {
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    syscall!(getifaddrs(&mut head))?;
    let mut out = Vec::new();
    let mut p = head;
    while !p.is_null() {
        // SAFETY: a node of the list getifaddrs returned, freed below.
        let ifa = unsafe { &*p };
        p = ifa.ifa_next;
        let Some(addr) = host_addr(ifa.ifa_addr) else { continue };
        if addr.family() != family || ifa.ifa_flags & libc::IFF_UP as u32 == 0 {
            continue;
        }
        let f = ifa.ifa_flags;
        let mut flags = IFF_UP;
        for (host, win) in [
            (libc::IFF_BROADCAST, IFF_BROADCAST),
            (libc::IFF_LOOPBACK, IFF_LOOPBACK),
            (libc::IFF_POINTOPOINT, IFF_POINTTOPOINT),
            (libc::IFF_MULTICAST, IFF_MULTICAST),
        ] {
            if f & host as u32 != 0 {
                flags |= win;
            }
        }
        out.push(IfAddr { flags, addr, netmask: host_addr(ifa.ifa_netmask) });
    }
    // SAFETY: the list getifaddrs allocated, no longer referenced.
    unsafe { libc::freeifaddrs(head) };
    Ok(out)
}

fn v4_octets(a: &HostSockAddr) -> [u8; 4] {
    match std::net::SocketAddr::try_from(a) {
        Ok(std::net::SocketAddr::V4(v)) => v.ip().octets(),
        _ => [0; 4],
    }
}

/// `SIO_GET_INTERFACE_LIST`: an `INTERFACE_INFO` per IPv4 address (as Windows, IPv4 only);
/// a buffer too small for all of them is `WSAEFAULT`.
fn interface_list(out: Option<&mut [u8]>, returned: &mut usize) -> Result<(), WsaError> {
    const REC: usize = std::mem::size_of::<translate::INTERFACE_INFO>();
    const GEN: usize = 24; // sockaddr_gen
    let list = interfaces(libc::AF_INET)?;
    let need = list.len() * REC;
    let out = match out {
        Some(o) if o.len() >= need => o,
        _ => return Err(WsaError(WSAEFAULT)),
    };
    for (i, ifa) in list.iter().enumerate() {
        let rec = &mut out[i * REC..(i + 1) * REC];
        rec.fill(0);
        rec[..4].copy_from_slice(&ifa.flags.to_le_bytes());
        let addr = v4_octets(&ifa.addr);
        let mask = ifa.netmask.as_ref().map_or([0; 4], v4_octets);
        // Windows reports the broadcast address as addr | ~mask (Wine does the same).
        let bcast: [u8; 4] = std::array::from_fn(|k| addr[k] | !mask[k]);
        for (slot, ip) in [addr, bcast, mask].into_iter().enumerate() {
            let off = 4 + slot * GEN;
            rec[off..off + 2].copy_from_slice(&(AF_INET as u16).to_le_bytes());
            rec[off + 4..off + 8].copy_from_slice(&ip);
        }
    }
    *returned = need;
    Ok(())
}

/// `SIO_ADDRESS_LIST_QUERY`: a `SOCKET_ADDRESS_LIST` of the host's non-loopback addresses
/// of the socket's family, the addresses stored after the array in the caller's buffer.
fn address_list(sock: &Socket, out: Option<&mut [u8]>, returned: &mut usize) -> Result<(), WsaError> {
    const HDR: usize = 8; // iAddressCount + padding to the pointer-aligned array
    const ENTRY: usize = std::mem::size_of::<translate::SOCKET_ADDRESS>();
    let host_family = sockaddr::af_to_host(sock.family).map_err(|_| WsaError(WSAEINVAL))?;
    let addr_len = sockaddr::win_len_for_family(sock.family as u16).ok_or(WsaError(WSAEINVAL))?;
    let list: Vec<IfAddr> = interfaces(host_family)?.into_iter().filter(|i| i.flags & IFF_LOOPBACK == 0).collect();
    let need = HDR + list.len() * (ENTRY + addr_len);
    let out = match out {
        Some(o) if o.len() >= need => o,
        _ => {
            *returned = need;
            return Err(WsaError(WSAEFAULT));
        }
    };
    let base = out.as_mut_ptr() as usize;
    out[..HDR].fill(0);
    out[..4].copy_from_slice(&(list.len() as i32).to_le_bytes());
    let addrs_at = HDR + list.len() * ENTRY;
    for (i, ifa) in list.iter().enumerate() {
        let off = addrs_at + i * addr_len;
        let n = sockaddr::host_to_win(&ifa.addr, &mut out[off..off + addr_len])?;
        let e = HDR + i * ENTRY;
        out[e..e + ENTRY].fill(0);
        out[e..e + 8].copy_from_slice(&((base + off) as u64).to_le_bytes());
        out[e + 8..e + 12].copy_from_slice(&(n as i32).to_le_bytes());
    }
    *returned = need;
    Ok(())
}

/// `SIO_ROUTING_INTERFACE_QUERY`: the local address the host would use to reach the
/// destination — learnt by connecting a throwaway UDP socket (no packet is sent).
fn routing_interface(inb: Option<&[u8]>, out: Option<&mut [u8]>, returned: &mut usize) -> Result<(), WsaError> {
    let inb = inb.ok_or(WsaError(WSAEFAULT))?;
    let family = sockaddr::win_family(inb).map_err(|_| WsaError(WSAEFAULT))?;
    if i32::from(family) != AF_INET && i32::from(family) != AF_INET6 {
        return Err(WsaError(WSAEAFNOSUPPORT));
    }
    let dest = sockaddr::win_to_host(inb)?;
    let mut dest = std::net::SocketAddr::try_from(&dest).map_err(|_| WsaError(WSAEINVAL))?;
    if dest.port() == 0 {
        dest.set_port(9); // any port routes the same; connect(2) wants one
    }
    let dest = HostSockAddr::from(dest);
    let host_af = sockaddr::af_to_host(i32::from(family))?;
    let fd = syscall!(socket(host_af, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0))?;
    let local = (|| -> Result<HostSockAddr, WsaError> {
        syscall!(connect(fd, dest.as_ptr(), dest.len()))?;
        let mut a = HostSockAddr::new();
        let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        syscall!(getsockname(fd, a.as_mut_ptr(), &mut len))?;
        a.set_len(len);
        Ok(a)
    })();
    crate::sys::close_fd(fd);
    let local = local?;
    // Windows reports the interface address without a port.
    let mut local = std::net::SocketAddr::try_from(&local).map_err(|_| WsaError(WSAEINVAL))?;
    local.set_port(0);
    let local = HostSockAddr::from(local);
    let need = sockaddr::win_len_of(&local)?;
    let out = match out {
        Some(o) if o.len() >= need => o,
        _ => {
            *returned = need;
            return Err(WsaError(WSAEFAULT));
        }
    };
    *returned = sockaddr::host_to_win(&local, out)?;
    Ok(())
}
