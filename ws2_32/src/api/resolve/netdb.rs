//! The BSD database calls: `gethostbyname`, `gethostbyaddr`, `gethostname`, `GetHostNameW`,
//! `getservbyname`, `getservbyport`, `getprotobyname`, `getprotobynumber`.
//!
//! Results live in per-thread buffers, one per kind, reused by the next call of that kind on
//! the same thread (Windows does so: Wine's `test_getservbyname` checks that two lookups in a
//! row return the same pointer). Each record is laid out the way Windows XP+ lays out a
//! `HOSTENT` (Wine's `test_dns`): the structure, then the alias pointer array, then the
//! address pointer array, then the addresses, then the strings.
//!
//! Sources: host names and addresses come from the host's reentrant `getaddrinfo`/
//! `getnameinfo`, except the machine's own name, which Windows answers with its adapters'
//! IPv4 addresses (from `getifaddrs`; loopback only when there is nothing else). Services come
//! from the host's `getservbyname_r`/`getservbyport_r` (`/etc/services`). Protocols come from
//! a built-in copy of Windows' own `protocol` database, whose entries and capitalised aliases
//! differ from Linux's `/etc/protocols` (Wine's `test_getprotobynumber` checks that every
//! other number is unknown). Failures: `WSAHOST_NOT_FOUND`/`WSANO_DATA`/`WSATRY_AGAIN`
//! for hosts, `WSANO_DATA` for services and protocols; `WSANOTINITIALISED` before
//! `WSAStartup`. Host ordering by route metric (Windows puts the default route's adapter
//! first) is not reproduced.

use core::ffi::c_char;
use std::cell::RefCell;
use std::mem::size_of;

use translate::{
    AF_INET, AF_INET6, HOSTENT, PROTOENT, SERVENT, WSAEAFNOSUPPORT, WSAEFAULT, WSAHOST_NOT_FOUND, WSANO_DATA, WsaError,
};

use super::addrinfo::{Hints, host_name, prepare, run};
use super::{cstr, to_utf16};
use crate::api::ret;
use crate::engine::startup;

// ---------------------------------------------------------------------------------------------
// Per-thread record buffers
// ---------------------------------------------------------------------------------------------

thread_local! {
    static HOST_BUF: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static SERV_BUF: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static PROTO_BUF: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Bump allocation inside a per-thread buffer.
struct Packer {
    base: *mut u8,
    at: usize,
}

impl Packer {
    fn take(&mut self, len: usize, align: usize) -> *mut u8 {
        self.at = self.at.next_multiple_of(align);
        // SAFETY: the buffer was sized with `bound` for everything taken from it.
        let p = unsafe { self.base.add(self.at) };
        self.at += len;
        p
    }
    /// A NUL-terminated copy of `s`.
    fn str(&mut self, s: &[u8]) -> *mut c_char {
        let p = self.take(s.len() + 1, 1);
        // SAFETY: `s.len() + 1` bytes were just taken for it.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
        p.cast()
    }
    /// A NULL-terminated pointer array of `n` slots.
    fn ptrs(&mut self, n: usize) -> *mut *mut c_char {
        let p = self.take((n + 1) * size_of::<usize>(), 8).cast::<*mut c_char>();
        // SAFETY: `n + 1` pointer slots were just taken for it.
        unsafe { (0..=n).for_each(|k| *p.add(k) = std::ptr::null_mut()) };
        p
    }
}

/// An upper bound of the bytes a record with these parts needs.
fn bound(header: usize, strings: &[&[u8]], arrays: usize, raw: usize) -> usize {
    header + strings.iter().map(|s| s.len() + 1).sum::<usize>() + (arrays + 2) * 8 + raw + 32
}

/// Runs `fill` on this thread's buffer of `key`, grown to `size` bytes if needed; the address
/// stays stable while the record fits.
fn with_buffer<R>(
    key: &'static std::thread::LocalKey<RefCell<Vec<u64>>>,
    size: usize,
    fill: impl FnOnce(&mut Packer) -> R,
) -> R {
    key.with(|b| {
        let mut b = b.borrow_mut();
        let words = size.div_ceil(8);
        if b.len() < words {
            b.resize(words, 0);
        }
        let mut p = Packer { base: b.as_mut_ptr().cast(), at: 0 };
        fill(&mut p)
    })
}

// ---------------------------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------------------------

/// Packs a `HOSTENT` into this thread's host buffer.
fn pack_hostent(name: &[u8], aliases: &[Vec<u8>], family: i32, addrs: &[Vec<u8>]) -> *mut HOSTENT {
    let alen = addrs.first().map_or(4, Vec::len);
    let strs: Vec<&[u8]> = std::iter::once(name).chain(aliases.iter().map(Vec::as_slice)).collect();
    let size = bound(size_of::<HOSTENT>(), &strs, aliases.len() + addrs.len(), addrs.len() * 16);
    with_buffer(&HOST_BUF, size, |p| {
        let h = p.take(size_of::<HOSTENT>(), 8).cast::<HOSTENT>();
        let alias_arr = p.ptrs(aliases.len());
        let addr_arr = p.ptrs(addrs.len());
        // SAFETY: every pointer written below was taken from the buffer for that purpose.
        unsafe {
            for (k, a) in addrs.iter().enumerate() {
                let slot = p.take(a.len(), 4);
                std::ptr::copy_nonoverlapping(a.as_ptr(), slot, a.len());
                *addr_arr.add(k) = slot.cast();
            }
            let name_p = p.str(name);
            for (k, a) in aliases.iter().enumerate() {
                *alias_arr.add(k) = p.str(a);
            }
            h.write(HOSTENT {
                h_name: name_p,
                h_aliases: alias_arr,
                h_addrtype: family as i16,
                h_length: alen as i16,
                h_addr_list: addr_arr,
            });
        }
        h
    })
}

/// The IPv4 addresses of the machine's interfaces that are up, loopback last and only if
/// nothing else is configured.
fn local_ipv4() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut ifs: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: `ifs` is writable; the list is freed below.
    if unsafe { libc::getifaddrs(&mut ifs) } == 0 {
        let mut p = ifs;
        while !p.is_null() {
            // SAFETY: a node of the list getifaddrs returned.
            let i = unsafe { &*p };
            if !i.ifa_addr.is_null()
                // SAFETY: `ifa_addr` is non-NULL; its family field is always readable.
                && i32::from(unsafe { (*i.ifa_addr).sa_family }) == libc::AF_INET
                && i.ifa_flags & libc::IFF_UP as u32 != 0
                && i.ifa_flags & libc::IFF_LOOPBACK as u32 == 0
            {
                // SAFETY: an AF_INET address is a sockaddr_in.
                let a = unsafe { &*i.ifa_addr.cast::<libc::sockaddr_in>() };
                let o = a.sin_addr.s_addr.to_ne_bytes().to_vec();
                if !out.contains(&o) {
                    out.push(o);
                }
            }
            p = i.ifa_next;
        }
        // SAFETY: `ifs` came from getifaddrs and is freed once.
        unsafe { libc::freeifaddrs(ifs) };
    }
    if out.is_empty() {
        out.push(vec![127, 0, 0, 1]);
    }
    out
}

fn host_by_name(name: Option<&[u8]>) -> Result<*mut HOSTENT, WsaError> {
    startup::ensure()?;
    let local = host_name()?;
    let name = match name {
        None | Some(b"") => local.as_slice(),
        Some(n) => n,
    };
    if name.eq_ignore_ascii_case(&local) {
        return Ok(pack_hostent(&local, &[], AF_INET, &local_ipv4()));
    }
    let hints = Hints { flags: translate::AI_CANONNAME, family: AF_INET, socktype: 1, protocol: 0 };
    let r = run(&prepare(Some(name.to_vec()), None, Some(hints))?)?;
    let addrs: Vec<Vec<u8>> = r.ipv4_addresses();
    if addrs.is_empty() {
        return Err(WsaError(WSANO_DATA));
    }
    let official = r.canonical_name().unwrap_or(name).to_vec();
    let aliases = if official.eq_ignore_ascii_case(name) { vec![] } else { vec![name.to_vec()] };
    Ok(pack_hostent(&official, &aliases, AF_INET, &addrs))
}

/// `gethostbyname`: NULL or `""` is the local host.
///
/// # Safety
/// `name` NULL or NUL-terminated.
pub unsafe fn gethostbyname(name: *const c_char) -> *mut HOSTENT {
    // SAFETY: per the contract.
    ret(host_by_name(unsafe { cstr(name) }))
}

/// `gethostbyaddr`: `AF_INET` (4 bytes) or `AF_INET6` (16 bytes), reverse lookup.
///
/// # Safety
/// `addr` NULL or readable for `len` bytes.
pub unsafe fn gethostbyaddr(addr: *const c_char, len: i32, family: i32) -> *mut HOSTENT {
    let r = (|| {
        startup::ensure()?;
        let need = match family {
            AF_INET => 4,
            AF_INET6 => 16,
            _ => return Err(WsaError(WSAEAFNOSUPPORT)),
        };
        if len < need {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: `len` ≥ `need` readable bytes per the contract.
        let a = unsafe { crate::api::bytes(addr.cast(), need) }?.to_vec();
        use std::net::{SocketAddrV4, SocketAddrV6};
        use translate::sockaddr::HostSockAddr;
        let h = if family == AF_INET {
            let o: [u8; 4] = a.as_slice().try_into().expect("4 bytes");
            HostSockAddr::from_v4(&SocketAddrV4::new(o.into(), 0))
        } else {
            let o: [u8; 16] = a.as_slice().try_into().expect("16 bytes");
            HostSockAddr::from_v6(&SocketAddrV6::new(o.into(), 0, 0, 0))
        };
        let mut buf = [0u8; 1025];
        // SAFETY: `h` is a valid host address, `buf` writable for its length.
        let rc = unsafe {
            libc::getnameinfo(
                h.as_ptr(),
                h.len(),
                buf.as_mut_ptr().cast(),
                buf.len() as u32,
                std::ptr::null_mut(),
                0,
                libc::NI_NAMEREQD,
            )
        };
        if rc != 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            let e = translate::error::eai_to_wsa(rc, errno);
            return Err(if e.0 == WSAEFAULT { WsaError(WSAHOST_NOT_FOUND) } else { e });
        }
        let n = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
        Ok(pack_hostent(&buf[..n], &[], family, &[a]))
    })();
    ret(r)
}

/// `gethostname`: `WSAEFAULT` for NULL or a buffer not larger than the name (left untouched).
///
/// # Safety
/// `name` NULL or writable for `len` bytes.
pub unsafe fn gethostname(name: *mut c_char, len: i32) -> i32 {
    let r = (|| {
        startup::ensure()?;
        let h = host_name()?;
        if name.is_null() || len < 0 || h.len() >= len as usize {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: `len` > name length writable bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(h.as_ptr(), name.cast::<u8>(), h.len());
            *name.add(h.len()) = 0;
        }
        Ok(())
    })();
    crate::api::status(r)
}

/// `GetHostNameW` (`len` in `WCHAR`s).
///
/// # Safety
/// `name` NULL or writable for `len` units.
pub unsafe fn get_host_name_w(name: *mut u16, len: i32) -> i32 {
    let r = (|| {
        startup::ensure()?;
        let h = to_utf16(&host_name()?);
        if name.is_null() || len < 0 || h.len() >= len as usize {
            return Err(WsaError(WSAEFAULT));
        }
        // SAFETY: `len` > name length writable units.
        unsafe {
            std::ptr::copy_nonoverlapping(h.as_ptr(), name, h.len());
            *name.add(h.len()) = 0;
        }
        Ok(())
    })();
    crate::api::status(r)
}

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

/// Reads a host `servent` filled by `getservby*_r` into this thread's `SERVENT`.
///
/// # Safety
/// `s` was filled by a successful `getservby*_r`; its strings are valid.
unsafe fn pack_servent(s: &libc::servent) -> *mut SERVENT {
    // SAFETY: per the contract.
    let (name, proto) = unsafe { (cstr(s.s_name).unwrap_or_default(), cstr(s.s_proto).unwrap_or_default()) };
    let mut aliases = Vec::new();
    let mut p = s.s_aliases;
    // SAFETY: the alias list is NULL-terminated.
    while !p.is_null() && !unsafe { *p }.is_null() {
        // SAFETY: as above.
        unsafe {
            aliases.push(cstr(*p).unwrap_or_default());
            p = p.add(1);
        }
    }
    let strs: Vec<&[u8]> = [name, proto].into_iter().chain(aliases.iter().copied()).collect();
    let size = bound(size_of::<SERVENT>(), &strs, aliases.len(), 0);
    with_buffer(&SERV_BUF, size, |pk| {
        let e = pk.take(size_of::<SERVENT>(), 8).cast::<SERVENT>();
        let arr = pk.ptrs(aliases.len());
        // SAFETY: every pointer written below was taken from the buffer for that purpose.
        unsafe {
            let name_p = pk.str(name);
            let proto_p = pk.str(proto);
            for (k, a) in aliases.iter().enumerate() {
                *arr.add(k) = pk.str(a);
            }
            e.write(SERVENT { s_name: name_p, s_aliases: arr, s_proto: proto_p, s_port: s.s_port as u16 as i16 });
        }
        e
    })
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
mod host_serv {
    //! The reentrant service lookups (not declared by the `libc` crate).
    use core::ffi::{c_char, c_int};
    unsafe extern "C" {
        pub fn getservbyname_r(
            name: *const c_char,
            proto: *const c_char,
            ent: *mut libc::servent,
            buf: *mut c_char,
            len: usize,
            out: *mut *mut libc::servent,
        ) -> c_int;
        pub fn getservbyport_r(
            port: c_int,
            proto: *const c_char,
            ent: *mut libc::servent,
            buf: *mut c_char,
            len: usize,
            out: *mut *mut libc::servent,
        ) -> c_int;
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "freebsd")))]
mod host_serv {
    //! Hosts without the reentrant forms: the classic calls, serialised, the answer copied
    //! into the caller's `servent` before the lock is released.
    use core::ffi::{c_char, c_int};
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    unsafe fn copy(r: *mut libc::servent, ent: *mut libc::servent, out: *mut *mut libc::servent) -> c_int {
        if r.is_null() {
            return -1;
        }
        // SAFETY: `r` is the library's static record; the strings stay valid until the next
        // call, which the lock excludes until the caller has packed them.
        unsafe {
            *ent = *r;
            *out = ent;
        }
        0
    }
    pub unsafe fn getservbyname_r(
        name: *const c_char,
        proto: *const c_char,
        ent: *mut libc::servent,
        _buf: *mut c_char,
        _len: usize,
        out: *mut *mut libc::servent,
    ) -> c_int {
        let _g = LOCK.lock();
        // SAFETY: NUL-terminated arguments per the caller.
        unsafe { copy(libc::getservbyname(name, proto), ent, out) }
    }
    pub unsafe fn getservbyport_r(
        port: c_int,
        proto: *const c_char,
        ent: *mut libc::servent,
        _buf: *mut c_char,
        _len: usize,
        out: *mut *mut libc::servent,
    ) -> c_int {
        let _g = LOCK.lock();
        // SAFETY: NUL-terminated argument per the caller.
        unsafe { copy(libc::getservbyport(port, proto), ent, out) }
    }
}

/// Runs a `getservby*_r` call with a scratch buffer and packs its answer.
fn serv_lookup(
    f: impl FnOnce(&mut libc::servent, &mut [c_char], &mut *mut libc::servent) -> i32,
) -> Result<*mut SERVENT, WsaError> {
    // SAFETY: an all-zero servent is valid (NULL pointers, port 0).
    let mut ent: libc::servent = unsafe { std::mem::zeroed() };
    let mut scratch = vec![0 as c_char; 4096];
    let mut out: *mut libc::servent = std::ptr::null_mut();
    let rc = f(&mut ent, &mut scratch, &mut out);
    if rc != 0 || out.is_null() {
        return Err(WsaError(WSANO_DATA));
    }
    // SAFETY: the call succeeded and filled `ent`, whose strings live in `scratch`.
    Ok(unsafe { pack_servent(&ent) })
}

/// `getservbyname` (`proto` may be NULL: any protocol).
///
/// # Safety
/// Strings NUL-terminated or NULL.
pub unsafe fn getservbyname(name: *const c_char, proto: *const c_char) -> *mut SERVENT {
    let r = (|| {
        startup::ensure()?;
        if name.is_null() {
            return Err(WsaError(WSAEFAULT));
        }
        serv_lookup(|ent, buf, out| {
            // SAFETY: NUL-terminated strings (or NULL proto), writable buffers of the given size.
            unsafe { host_serv::getservbyname_r(name, proto, ent, buf.as_mut_ptr(), buf.len(), out) }
        })
    })();
    ret(r)
}

/// `getservbyport` (`port` in network byte order).
///
/// # Safety
/// `proto` NUL-terminated or NULL.
pub unsafe fn getservbyport(port: i32, proto: *const c_char) -> *mut SERVENT {
    let r = (|| {
        startup::ensure()?;
        let port = i32::from(port as u16);
        serv_lookup(|ent, buf, out| {
            // SAFETY: NUL-terminated proto (or NULL), writable buffers of the given size.
            unsafe { host_serv::getservbyport_r(port, proto, ent, buf.as_mut_ptr(), buf.len(), out) }
        })
    })();
    ret(r)
}

// ---------------------------------------------------------------------------------------------
// Protocols
// ---------------------------------------------------------------------------------------------

/// Windows' `%SystemRoot%\system32\drivers\etc\protocol`: number, name, alias.
const PROTOCOLS: [(i16, &str, &str); 19] = [
    (0, "ip", "IP"),
    (1, "icmp", "ICMP"),
    (3, "ggp", "GGP"),
    (6, "tcp", "TCP"),
    (8, "egp", "EGP"),
    (12, "pup", "PUP"),
    (17, "udp", "UDP"),
    (20, "hmp", "HMP"),
    (22, "xns-idp", "XNS-IDP"),
    (27, "rdp", "RDP"),
    (41, "ipv6", "IPv6"),
    (43, "ipv6-route", "IPv6-Route"),
    (44, "ipv6-frag", "IPv6-Frag"),
    (50, "esp", "ESP"),
    (51, "ah", "AH"),
    (58, "ipv6-icmp", "IPv6-ICMP"),
    (59, "ipv6-nonxt", "IPv6-NoNxt"),
    (60, "ipv6-opts", "IPv6-Opts"),
    (66, "rvd", "RVD"),
];

fn pack_protoent(&(number, name, alias): &(i16, &str, &str)) -> *mut PROTOENT {
    let size = bound(size_of::<PROTOENT>(), &[name.as_bytes(), alias.as_bytes()], 1, 0);
    with_buffer(&PROTO_BUF, size, |pk| {
        let e = pk.take(size_of::<PROTOENT>(), 8).cast::<PROTOENT>();
        let arr = pk.ptrs(1);
        // SAFETY: every pointer written below was taken from the buffer for that purpose.
        unsafe {
            let name_p = pk.str(name.as_bytes());
            *arr = pk.str(alias.as_bytes());
            e.write(PROTOENT { p_name: name_p, p_aliases: arr, p_proto: number });
        }
        e
    })
}

/// `getprotobyname`: name or alias, case-insensitive.
///
/// # Safety
/// `name` NULL or NUL-terminated.
pub unsafe fn getprotobyname(name: *const c_char) -> *mut PROTOENT {
    let r = (|| {
        startup::ensure()?;
        // SAFETY: per the contract.
        let n = unsafe { cstr(name) }.ok_or(WsaError(WSAEFAULT))?;
        PROTOCOLS
            .iter()
            .find(|(_, a, b)| n.eq_ignore_ascii_case(a.as_bytes()) || n.eq_ignore_ascii_case(b.as_bytes()))
            .map(pack_protoent)
            .ok_or(WsaError(WSANO_DATA))
    })();
    ret(r)
}

/// `getprotobynumber`.
pub fn getprotobynumber(number: i32) -> *mut PROTOENT {
    let r = (|| {
        startup::ensure()?;
        PROTOCOLS.iter().find(|p| i32::from(p.0) == number).map(pack_protoent).ok_or(WsaError(WSANO_DATA))
    })();
    ret(r)
}
