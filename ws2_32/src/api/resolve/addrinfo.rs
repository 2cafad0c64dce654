//! `getaddrinfo`, `GetAddrInfoW`, `GetAddrInfoExA/W` and their frees; `getnameinfo`,
//! `GetNameInfoW`.
//!
//! The host's `getaddrinfo` does the resolving (it is thread-safe and reads `/etc/hosts`, so
//! `localhost` and numeric names need no network). What Windows does differently is applied
//! around it (Wine's `test_getaddrinfo`/`test_GetAddrInfoW` record Windows' answers):
//! * NULL node and service → `WSAHOST_NOT_FOUND`; an empty node is the local host; an empty
//!   service is port 0; `[v6addr]` (with anything after `]`) is the bare address for
//!   `AF_UNSPEC`/`AF_INET6`.
//! * Hints are validated first: family (`WSAEAFNOSUPPORT`), socket type
//!   (`WSAESOCKTNOSUPPORT`), flags (`WSAEINVAL`), and `ai_addrlen`/`ai_canonname`/`ai_addr`/
//!   `ai_next`, which must be zero (`WSANO_RECOVERY`, as Microsoft documents). Any protocol is
//!   accepted.
//! * Each result carries the hints' socket type and protocol (0 and 0 without hints), one
//!   entry per address: the host's stream/datagram/raw triplets are merged.
//! * Results are Windows layouts in one `malloc` block per list (nodes, then 28-byte address
//!   slots, then the canonical name), so the free functions are one `free` each and accept
//!   NULL. They must be given the list head, as on Wine.
//! * The return value is the error code, also stored as the thread's last error (0 on
//!   success).
//!
//! Not reproduced: Windows returns only families for which the machine has a configured
//! address and resolves IDN names itself (`AI_DISABLE_IDN_ENCODING`); here the host
//! resolver's behaviour applies. `GetAddrInfoEx*` overlapped calls complete synchronously
//! (result stored, `Internal` set, event signalled, `ERROR_IO_PENDING` returned); completion
//! routines and cancel handles are not supported.

use core::ffi::{c_char, c_void};
use std::ffi::CString;
use std::mem::size_of;

use translate::error::eai_to_wsa;
use translate::flags::{ai_flags_to_host, ni_flags_to_host};
use translate::sockaddr::{HostSockAddr, af_from_host, host_to_win, win_to_host};
use translate::{
    ADDRINFOA, ADDRINFOEXA, ADDRINFOEXW, ADDRINFOW, AF_INET, AF_INET6, AF_UNSPEC, AI_CANONNAME, ERROR_IO_PENDING, GUID,
    HANDLE, OVERLAPPED, SOCKADDR, TIMEVAL, WSA_INVALID_HANDLE, WSA_NOT_ENOUGH_MEMORY, WSAEAFNOSUPPORT, WSAEFAULT,
    WSAEINVAL, WSAEOPNOTSUPP, WSAESOCKTNOSUPPORT, WSAHOST_NOT_FOUND, WSANO_DATA, WSANO_RECOVERY, WsaError,
};

use super::{cstr, to_utf16, utf16_to_utf8, wstr};
use crate::api::set_last_error;
use crate::engine::startup;
use crate::host::host;

/// Bytes reserved for each address in a result block (a `SOCKADDR_IN6`).
const ADDR_SLOT: usize = 28;

/// What the caller asked for, validated.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hints {
    pub flags: i32,
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
}

/// One resolved address in Windows form.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Entry {
    family: i32,
    len: usize,
    addr: [u8; ADDR_SLOT],
}

/// A resolution ready to run: every argument error has been reported already.
pub(crate) struct Query {
    node: Option<CString>,
    service: Option<CString>,
    hints: Hints,
    /// The node was empty: resolve the local host name, falling back to loopback.
    local: bool,
}

/// The resolved list before packing.
pub(crate) struct Resolved {
    entries: Vec<Entry>,
    canon: Option<Vec<u8>>,
    hints: Hints,
}

impl Resolved {
    /// The IPv4 addresses, as four network-order bytes each.
    pub(crate) fn ipv4_addresses(&self) -> Vec<Vec<u8>> {
        self.entries.iter().filter(|e| e.family == AF_INET).map(|e| e.addr[4..8].to_vec()).collect()
    }
    /// The canonical name, when one was requested and returned.
    pub(crate) fn canonical_name(&self) -> Option<&[u8]> {
        self.canon.as_deref()
    }
}

fn err(code: i32) -> WsaError {
    WsaError(code)
}

/// The machine's host name (as `gethostname` reports it).
pub(crate) fn host_name() -> Result<Vec<u8>, WsaError> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } != 0 {
        return Err(WsaError::from(std::io::Error::last_os_error()));
    }
    let n = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
    Ok(buf[..n].to_vec())
}

/// Validates the arguments of the `getaddrinfo` family (everything but the host lookup).
pub(crate) fn prepare(
    node: Option<Vec<u8>>,
    service: Option<Vec<u8>>,
    hints: Option<Hints>,
) -> Result<Query, WsaError> {
    startup::ensure()?;
    if node.is_none() && service.is_none() {
        return Err(err(WSAHOST_NOT_FOUND));
    }
    let h = hints.unwrap_or_default();
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&h.family) {
        return Err(err(WSAEAFNOSUPPORT));
    }
    if !(0..=5).contains(&h.socktype) {
        return Err(err(WSAESOCKTNOSUPPORT));
    }
    ai_flags_to_host(h.flags)?;
    let mut local = false;
    let node = node.map(|mut n| {
        if n.is_empty() {
            local = true;
        } else if n.first() == Some(&b'[') && h.family != AF_INET {
            if let Some(close) = n.iter().position(|&c| c == b']') {
                n = n[1..close].to_vec();
            }
        }
        n
    });
    let service = service.map(|s| if s.is_empty() { b"0".to_vec() } else { s });
    let cs = |v: Vec<u8>| CString::new(v).map_err(|_| err(WSAHOST_NOT_FOUND));
    Ok(Query { node: node.map(cs).transpose()?, service: service.map(cs).transpose()?, hints: h, local })
}

/// Runs the host lookup and converts the answers to Windows form.
pub(crate) fn run(q: &Query) -> Result<Resolved, WsaError> {
    let h = q.hints;
    let host_family = match h.family {
        AF_INET => libc::AF_INET,
        AF_INET6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    let host_socktype = match (h.socktype, h.protocol) {
        (1, _) | (0, libc::IPPROTO_TCP) => libc::SOCK_STREAM,
        (2, _) | (0, libc::IPPROTO_UDP) => libc::SOCK_DGRAM,
        _ => 0,
    };
    let flags = ai_flags_to_host(h.flags)?;
    let lookup = |node: Option<&CString>, service: Option<&CString>| {
        host_lookup(node, service, host_family, host_socktype, flags, h.flags & AI_CANONNAME != 0)
    };
    let (entries, canon) = if q.local {
        let name = CString::new(host_name()?).map_err(|_| err(WSAHOST_NOT_FOUND))?;
        match lookup(Some(&name), q.service.as_ref()) {
            Ok(r) => r,
            Err(_) => {
                // Not in the hosts database: answer with loopback, as Wine does.
                let zero = CString::new("0").expect("no NUL");
                lookup(None, Some(q.service.as_ref().unwrap_or(&zero)))?
            }
        }
    } else {
        lookup(q.node.as_ref(), q.service.as_ref())?
    };
    if entries.is_empty() {
        return Err(err(WSANO_DATA));
    }
    Ok(Resolved { entries, canon, hints: h })
}

/// One host `getaddrinfo` call; results converted, deduplicated, canonical name kept.
fn host_lookup(
    node: Option<&CString>,
    service: Option<&CString>,
    family: i32,
    socktype: i32,
    flags: i32,
    want_canon: bool,
) -> Result<(Vec<Entry>, Option<Vec<u8>>), WsaError> {
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let np = node.map_or(std::ptr::null(), |c| c.as_ptr());
    let sp = service.map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: strings are NUL-terminated or NULL, hints is initialised, res is writable.
    let rc = unsafe { libc::getaddrinfo(np, sp, &hints, &mut res) };
    if rc != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        let e = eai_to_wsa(rc, errno);
        log::debug!(target: "ws2_32::resolve", "host getaddrinfo({node:?}, {service:?}) failed: {rc} → {e:?}");
        return Err(e);
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut canon = None;
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` is a node of the list the host returned, alive until freeaddrinfo.
        let ai = unsafe { &*p };
        if want_canon && canon.is_none() && !ai.ai_canonname.is_null() {
            // SAFETY: the host's canonical name is NUL-terminated.
            canon = unsafe { cstr(ai.ai_canonname) }.map(<[u8]>::to_vec);
        }
        if let Some(e) = convert_addr(ai) {
            if !entries.contains(&e) {
                entries.push(e);
            }
        }
        p = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok((entries, canon))
}

fn convert_addr(ai: &libc::addrinfo) -> Option<Entry> {
    let family = af_from_host(ai.ai_family)?;
    if (family != AF_INET && family != AF_INET6) || ai.ai_addr.is_null() {
        return None;
    }
    // SAFETY: an all-zero sockaddr_storage is valid.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let len = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
    // SAFETY: the host's `ai_addr` holds `ai_addrlen` bytes; `storage` is larger.
    unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), (&raw mut storage).cast::<u8>(), len) };
    let h = HostSockAddr::from_raw(storage, len as libc::socklen_t);
    let mut addr = [0u8; ADDR_SLOT];
    let n = host_to_win(&h, &mut addr).ok()?;
    Some(Entry { family, len: n, addr })
}

// ---------------------------------------------------------------------------------------------
// Packing into Windows ADDRINFO lists
// ---------------------------------------------------------------------------------------------

/// The four Windows result node types, packed by one routine.
pub(crate) trait Node: Sized {
    /// `CHAR` or `WCHAR`.
    type Char: Copy;
    /// The canonical name in this type's encoding, NUL-terminated.
    fn encode(s: &[u8]) -> Vec<Self::Char>;
    /// A node with the common fields set and every other field zero.
    fn make(
        socktype: i32,
        protocol: i32,
        family: i32,
        addrlen: usize,
        canon: *mut Self::Char,
        addr: *mut SOCKADDR,
    ) -> Self;
    /// Links `next`.
    fn set_next(&mut self, next: *mut Self);
}

macro_rules! node {
    ($t:ty, $ch:ty, $enc:expr) => {
        impl Node for $t {
            type Char = $ch;
            fn encode(s: &[u8]) -> Vec<$ch> {
                $enc(s)
            }
            fn make(
                socktype: i32,
                protocol: i32,
                family: i32,
                addrlen: usize,
                canon: *mut $ch,
                addr: *mut SOCKADDR,
            ) -> Self {
                Self {
                    ai_family: family,
                    ai_socktype: socktype,
                    ai_protocol: protocol,
                    ai_addrlen: addrlen,
                    ai_canonname: canon,
                    ai_addr: addr,
                    ..Default::default()
                }
            }
            fn set_next(&mut self, next: *mut Self) {
                self.ai_next = next;
            }
        }
    };
}

fn narrow(s: &[u8]) -> Vec<c_char> {
    s.iter().map(|&b| b as c_char).chain([0]).collect()
}
fn wide(s: &[u8]) -> Vec<u16> {
    let mut w = to_utf16(s);
    w.push(0);
    w
}

node!(ADDRINFOA, c_char, narrow);
node!(ADDRINFOW, u16, wide);
node!(ADDRINFOEXA, c_char, narrow);
node!(ADDRINFOEXW, u16, wide);

/// Packs a resolved list into one `malloc` block: nodes, address slots, canonical name.
pub(crate) fn pack<N: Node>(r: &Resolved) -> Result<*mut N, WsaError> {
    let n = r.entries.len();
    let canon = r.canon.as_deref().map(N::encode);
    let nodes_len = n * size_of::<N>();
    let addrs_len = n * ADDR_SLOT;
    let canon_len = canon.as_ref().map_or(0, |c| c.len() * size_of::<N::Char>());
    // SAFETY: calloc of a non-zero size; the result is checked.
    let base = unsafe { libc::calloc(1, nodes_len + addrs_len + canon_len) }.cast::<u8>();
    if base.is_null() {
        return Err(err(WSA_NOT_ENOUGH_MEMORY));
    }
    let nodes = base.cast::<N>();
    // SAFETY: every offset below stays inside the block just allocated: `n` nodes (size a
    // multiple of 8, so the block's malloc alignment holds for them), then `n` 28-byte address
    // slots (4-aligned), then the canonical name (2-aligned units); all of it zeroed by calloc.
    unsafe {
        let addrs = base.add(nodes_len);
        let canon_ptr = match &canon {
            Some(c) => {
                let p = base.add(nodes_len + addrs_len).cast::<N::Char>();
                std::ptr::copy_nonoverlapping(c.as_ptr(), p, c.len());
                p
            }
            None => std::ptr::null_mut(),
        };
        for (k, e) in r.entries.iter().enumerate() {
            let slot = addrs.add(k * ADDR_SLOT);
            std::ptr::copy_nonoverlapping(e.addr.as_ptr(), slot, e.len);
            let cp = if k == 0 { canon_ptr } else { std::ptr::null_mut() };
            let mut node = N::make(r.hints.socktype, r.hints.protocol, e.family, e.len, cp, slot.cast());
            node.set_next(if k + 1 < n { nodes.add(k + 1) } else { std::ptr::null_mut() });
            nodes.add(k).write(node);
        }
    }
    Ok(nodes)
}

/// Frees a list made by [`pack`] (NULL is fine).
///
/// # Safety
/// `p` is NULL or a list head returned by this module and not yet freed.
pub unsafe fn free_list<N: Node>(p: *mut N) {
    if !p.is_null() {
        // SAFETY: the whole list is the single malloc block that starts at its head.
        unsafe { libc::free(p.cast()) };
    }
}

/// Reads and checks caller hints of any node type; the reserved fields must be zero.
fn read_hints(flags: i32, family: i32, socktype: i32, protocol: i32, reserved_zero: bool) -> Result<Hints, WsaError> {
    if !reserved_zero {
        return Err(err(WSANO_RECOVERY));
    }
    Ok(Hints { flags, family, socktype, protocol })
}

macro_rules! hints_of {
    ($h:expr) => {{
        let h = $h;
        read_hints(
            h.ai_flags,
            h.ai_family,
            h.ai_socktype,
            h.ai_protocol,
            h.ai_addrlen == 0 && h.ai_canonname.is_null() && h.ai_addr.is_null() && h.ai_next.is_null(),
        )
    }};
}

/// Common tail of the synchronous entry points: resolve, pack, store, return the code (also
/// set as last error).
///
/// # Safety
/// `res` is NULL or writable.
unsafe fn finish<N: Node>(query: Result<Query, WsaError>, res: *mut *mut N) -> i32 {
    let r = (|| {
        if res.is_null() {
            return Err(err(WSAEINVAL));
        }
        // SAFETY: non-NULL and writable per the contract.
        unsafe { *res = std::ptr::null_mut() };
        let list = pack::<N>(&run(&query?)?)?;
        // SAFETY: as above.
        unsafe { *res = list };
        Ok(())
    })();
    let code = r.err().map_or(0, |e| e.0);
    set_last_error(code);
    code
}

/// `getaddrinfo`.
///
/// # Safety
/// Strings NUL-terminated or NULL; `hints` NULL or valid; `res` writable.
pub unsafe fn getaddrinfo(
    node: *const c_char,
    service: *const c_char,
    hints: *const ADDRINFOA,
    res: *mut *mut ADDRINFOA,
) -> i32 {
    // SAFETY: per the contract.
    let q = unsafe {
        let h = if hints.is_null() { None } else { Some(hints_of!(&*hints)) };
        h.transpose().and_then(|h| prepare(cstr(node).map(<[u8]>::to_vec), cstr(service).map(<[u8]>::to_vec), h))
    };
    // SAFETY: per the contract.
    unsafe { finish(q, res) }
}

/// `GetAddrInfoW`: UTF-16 in and out.
///
/// # Safety
/// As [`getaddrinfo`].
pub unsafe fn get_addr_info_w(
    node: *const u16,
    service: *const u16,
    hints: *const ADDRINFOW,
    res: *mut *mut ADDRINFOW,
) -> i32 {
    // SAFETY: per the contract.
    let q = unsafe {
        let h = if hints.is_null() { None } else { Some(hints_of!(&*hints)) };
        h.transpose().and_then(|h| prepare(wstr(node).map(utf16_to_utf8), wstr(service).map(utf16_to_utf8), h))
    };
    // SAFETY: per the contract.
    unsafe { finish(q, res) }
}

/// `freeaddrinfo`.
///
/// # Safety
/// NULL or a list head from `getaddrinfo`.
pub unsafe fn freeaddrinfo(p: *mut ADDRINFOA) {
    // SAFETY: per the contract.
    unsafe { free_list(p) }
}

/// `FreeAddrInfoW`.
///
/// # Safety
/// NULL or a list head from `GetAddrInfoW`.
pub unsafe fn free_addr_info_w(p: *mut ADDRINFOW) {
    // SAFETY: per the contract.
    unsafe { free_list(p) }
}

/// `FreeAddrInfoEx` (narrow).
///
/// # Safety
/// NULL or a list head from `GetAddrInfoExA`.
pub unsafe fn free_addr_info_ex_a(p: *mut ADDRINFOEXA) {
    // SAFETY: per the contract.
    unsafe { free_list(p) }
}

/// `FreeAddrInfoExW`.
///
/// # Safety
/// NULL or a list head from `GetAddrInfoExW`.
pub unsafe fn free_addr_info_ex_w(p: *mut ADDRINFOEXW) {
    // SAFETY: per the contract.
    unsafe { free_list(p) }
}

/// Namespaces `GetAddrInfoEx` can answer from the host resolver: `NS_ALL`, `NS_TCPIP_LOCAL`,
/// `NS_TCPIP_HOSTS`, `NS_DNS`.
const NAMESPACES: [u32; 4] = [0, 10, 11, 12];

/// Shared body of `GetAddrInfoExA/W` once strings are decoded.
///
/// # Safety
/// Pointers as Windows documents.
#[allow(clippy::too_many_arguments)]
unsafe fn get_addr_info_ex<N: Node>(
    query: impl FnOnce() -> Result<Query, WsaError>,
    namespace: u32,
    nspid: *mut GUID,
    res: *mut *mut N,
    timeout: *mut TIMEVAL,
    overlapped: *mut OVERLAPPED,
    completion: *mut c_void,
    handle: *mut HANDLE,
) -> i32 {
    let fail = |code: i32| {
        set_last_error(code);
        code
    };
    if !handle.is_null() {
        // SAFETY: writable per the contract; no cancel handle is ever handed out.
        unsafe { *handle = std::ptr::null_mut() };
    }
    if !NAMESPACES.contains(&namespace) {
        log::debug!(target: "ws2_32::resolve", "GetAddrInfoEx: namespace {namespace} not supported");
        return fail(WSAEINVAL);
    }
    if !nspid.is_null() {
        log::debug!(target: "ws2_32::resolve", "GetAddrInfoEx: namespace provider id ignored");
    }
    if overlapped.is_null() {
        if !timeout.is_null() || !completion.is_null() {
            crate::log_unimplemented_once!("GetAddrInfoEx timeout/completion without overlapped", WsaError(WSAEINVAL));
            return fail(WSAEINVAL);
        }
        // SAFETY: per the contract.
        return unsafe { finish(query(), res) };
    }
    // SAFETY: `overlapped` is non-NULL and valid per the contract.
    let ov = unsafe { &mut *overlapped };
    if !completion.is_null() {
        if !ov.hEvent.is_null() {
            return fail(WSAEINVAL);
        }
        crate::log_unimplemented_once!("GetAddrInfoEx completion routine", WsaError(WSAEOPNOTSUPP));
        return fail(WSAEOPNOTSUPP);
    }
    // Argument errors are reported directly; lookup results go through the OVERLAPPED.
    let q = match query() {
        Ok(q) => q,
        Err(e) => {
            if !res.is_null() {
                // SAFETY: writable per the contract.
                unsafe { *res = std::ptr::null_mut() };
            }
            return fail(e.0);
        }
    };
    // SAFETY: per the contract.
    let code = unsafe { finish(Ok(q), res) };
    ov.Internal = code as u32 as usize;
    ov.Anonymous.Pointer = res.cast();
    if !ov.hEvent.is_null() {
        host().set_event(ov.hEvent as usize);
    }
    fail(ERROR_IO_PENDING)
}

/// `GetAddrInfoExA`.
///
/// # Safety
/// As Windows documents.
#[allow(clippy::too_many_arguments)]
pub unsafe fn get_addr_info_ex_a(
    name: *const c_char,
    service: *const c_char,
    namespace: u32,
    nspid: *mut GUID,
    hints: *const ADDRINFOEXA,
    res: *mut *mut ADDRINFOEXA,
    timeout: *mut TIMEVAL,
    overlapped: *mut OVERLAPPED,
    completion: *mut c_void,
    handle: *mut HANDLE,
) -> i32 {
    let query = || {
        // SAFETY: per the contract.
        unsafe {
            let h = if hints.is_null() { None } else { Some(hints_of!(&*hints)) };
            h.transpose().and_then(|h| prepare(cstr(name).map(<[u8]>::to_vec), cstr(service).map(<[u8]>::to_vec), h))
        }
    };
    // SAFETY: per the contract.
    unsafe { get_addr_info_ex(query, namespace, nspid, res, timeout, overlapped, completion, handle) }
}

/// `GetAddrInfoExW`.
///
/// # Safety
/// As Windows documents.
#[allow(clippy::too_many_arguments)]
pub unsafe fn get_addr_info_ex_w(
    name: *const u16,
    service: *const u16,
    namespace: u32,
    nspid: *mut GUID,
    hints: *const ADDRINFOEXW,
    res: *mut *mut ADDRINFOEXW,
    timeout: *mut TIMEVAL,
    overlapped: *mut OVERLAPPED,
    completion: *mut c_void,
    handle: *mut HANDLE,
) -> i32 {
    let query = || {
        // SAFETY: per the contract.
        unsafe {
            let h = if hints.is_null() { None } else { Some(hints_of!(&*hints)) };
            h.transpose().and_then(|h| prepare(wstr(name).map(utf16_to_utf8), wstr(service).map(utf16_to_utf8), h))
        }
    };
    // SAFETY: per the contract.
    unsafe { get_addr_info_ex(query, namespace, nspid, res, timeout, overlapped, completion, handle) }
}

/// `GetAddrInfoExCancel`: no lookup is ever left pending, so every handle is invalid.
pub fn get_addr_info_ex_cancel(_handle: *mut HANDLE) -> i32 {
    set_last_error(WSA_INVALID_HANDLE);
    WSA_INVALID_HANDLE
}

/// `GetAddrInfoExOverlappedResult`: the code stored in `Internal` (NULL → `WSAEINVAL`).
///
/// # Safety
/// NULL or a valid `OVERLAPPED`.
pub unsafe fn get_addr_info_ex_overlapped_result(ov: *mut OVERLAPPED) -> i32 {
    if ov.is_null() {
        return WSAEINVAL;
    }
    // SAFETY: valid per the contract.
    unsafe { (*ov).Internal as u32 as i32 }
}

// ---------------------------------------------------------------------------------------------
// getnameinfo
// ---------------------------------------------------------------------------------------------

/// Host and service text (`None` for a part not asked for).
type NameInfo = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The host and service text of a Windows address (`None` for the parts not wanted).
///
/// # Safety
/// `sa` NULL or readable for `salen` bytes.
unsafe fn name_info(
    sa: *const SOCKADDR,
    salen: i32,
    want_host: bool,
    want_serv: bool,
    flags: i32,
) -> Result<NameInfo, WsaError> {
    startup::ensure()?;
    // SAFETY: per the contract.
    let bytes = unsafe { crate::api::bytes(sa.cast(), salen) }?;
    let h = win_to_host(bytes)?;
    if h.family() != libc::AF_INET && h.family() != libc::AF_INET6 {
        return Err(err(WSAEAFNOSUPPORT));
    }
    if !want_host && !want_serv {
        return Err(err(WSAHOST_NOT_FOUND));
    }
    let host_flags = ni_flags_to_host(flags)?;
    let mut hbuf = [0u8; 1025];
    let mut sbuf = [0u8; 32];
    let (hp, hl) = if want_host { (hbuf.as_mut_ptr().cast(), hbuf.len() as u32) } else { (std::ptr::null_mut(), 0) };
    let (sp, sl) = if want_serv { (sbuf.as_mut_ptr().cast(), sbuf.len() as u32) } else { (std::ptr::null_mut(), 0) };
    // SAFETY: `h` is a valid host address; buffers are writable for their lengths or NULL/0.
    let rc = unsafe { libc::getnameinfo(h.as_ptr(), h.len(), hp, hl, sp, sl, host_flags) };
    if rc != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(eai_to_wsa(rc, errno));
    }
    let text = |b: &[u8]| b[..b.iter().position(|&c| c == 0).unwrap_or(b.len())].to_vec();
    Ok((want_host.then(|| text(&hbuf)), want_serv.then(|| text(&sbuf))))
}

/// Copies `text` + NUL into `buf` of `cap` units, `WSAEFAULT` when it does not fit.
///
/// # Safety
/// `buf` writable for `cap` units.
unsafe fn put<T: Copy + Default>(buf: *mut T, cap: u32, text: &[T]) -> Result<(), WsaError> {
    if text.len() >= cap as usize {
        return Err(err(WSAEFAULT));
    }
    // SAFETY: `cap` > text length writable units.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len());
        *buf.add(text.len()) = T::default();
    }
    Ok(())
}

/// `getnameinfo`: returns the error code, also set as last error.
///
/// # Safety
/// As Windows documents.
pub unsafe fn getnameinfo(
    sa: *const SOCKADDR,
    salen: i32,
    host: *mut c_char,
    hostlen: u32,
    serv: *mut c_char,
    servlen: u32,
    flags: i32,
) -> i32 {
    let (wh, ws) = (!host.is_null() && hostlen > 0, !serv.is_null() && servlen > 0);
    // SAFETY: per the contract.
    let r = unsafe { name_info(sa, salen, wh, ws, flags) }.and_then(|(h, s)| {
        let n = |v: Vec<u8>| v.into_iter().map(|b| b as c_char).collect::<Vec<_>>();
        // SAFETY: buffers writable for their sizes per the contract.
        unsafe {
            if let Some(h) = h {
                put(host, hostlen, &n(h))?;
            }
            if let Some(s) = s {
                put(serv, servlen, &n(s))?;
            }
        }
        Ok(())
    });
    let code = r.err().map_or(0, |e| e.0);
    set_last_error(code);
    code
}

/// `GetNameInfoW` (buffer sizes in `WCHAR`s).
///
/// # Safety
/// As Windows documents.
pub unsafe fn get_name_info_w(
    sa: *const SOCKADDR,
    salen: i32,
    host: *mut u16,
    hostlen: u32,
    serv: *mut u16,
    servlen: u32,
    flags: i32,
) -> i32 {
    let (wh, ws) = (!host.is_null() && hostlen > 0, !serv.is_null() && servlen > 0);
    // SAFETY: per the contract.
    let r = unsafe { name_info(sa, salen, wh, ws, flags) }.and_then(|(h, s)| {
        // SAFETY: buffers writable for their sizes per the contract.
        unsafe {
            if let Some(h) = h {
                put(host, hostlen, &to_utf16(&h))?;
            }
            if let Some(s) = s {
                put(serv, servlen, &to_utf16(&s))?;
            }
        }
        Ok(())
    });
    let code = r.err().map_or(0, |e| e.0);
    set_last_error(code);
    code
}
