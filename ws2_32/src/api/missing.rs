//! The rest of ws2_32's exports: the namespace (RnR) service API, the service-provider
//! configuration (`WSC*`) and upcall (`WPU*`) functions, QoS and multipoint calls.
//!
//! This provider has a fixed, read-only catalogue and one namespace provider (DNS through
//! the host resolver, reached by `getaddrinfo` and friends). Where that gives a true answer
//! cheaply, it is given: `WSAEnumNameSpaceProviders` lists the DNS provider,
//! `WSCGetProviderPath` names mswsock.dll for the built-in providers, class lookups find no
//! installed class (`WSATYPE_NOT_FOUND`), lookup handles never exist (`WSA_INVALID_HANDLE`).
//! Everything else fails the way a Windows provider without the feature — or a user
//! without the right to change the catalogue — fails, with the function's documented
//! failure value, and logs once (`log_unimplemented_once!`).

use core::ffi::{c_char, c_void};

use translate::{
    BLOB, DWORD, GUID, HANDLE, NS_DNS, QOS, SOCKADDR, SOCKET, WSA_INVALID_HANDLE, WSABUF, WSACOMPLETION, WSAEACCES,
    WSAEFAULT, WSAEINVAL, WSAEOPNOTSUPP, WSANAMESPACE_INFOA, WSANAMESPACE_INFOW, WSANO_RECOVERY, WSAOVERLAPPED,
    WSAPROTOCOL_INFOW, WSAQUERYSETA, WSAQUERYSETW, WSASERVICE_NOT_FOUND, WSASERVICECLASSINFOA, WSASERVICECLASSINFOW,
    WSATYPE_NOT_FOUND, WsaError,
};

use super::protocols::spi_result;
use super::{ret, status};
use crate::engine::{catalog, startup, table};
use crate::log_unimplemented_once;

/// The Windows "Tcpip" (DNS) namespace provider.
const NSP_DNS: GUID = GUID::from_u128(0x22059D40_7E9E_11CF_AE5A_00AA00A7112B);
/// Its display name.
const NSP_DNS_NAME: &str = "Tcpip";

/// `WSANAMESPACE_INFOEXA`/`W` share this layout: `WSANAMESPACE_INFO` plus a provider blob.
#[allow(non_snake_case, non_camel_case_types)]
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct WSANAMESPACE_INFOEX {
    /// Provider GUID.
    pub NSProviderId: GUID,
    /// `NS_*`.
    pub dwNameSpace: DWORD,
    /// Whether the provider is active.
    pub fActive: i32,
    /// Provider version.
    pub dwVersion: DWORD,
    /// Display name (`CHAR*` or `WCHAR*`).
    pub lpszIdentifier: *mut c_void,
    /// Provider-specific data.
    pub ProviderSpecific: BLOB,
}
const _: () = {
    assert!(std::mem::size_of::<WSANAMESPACE_INFOEX>() == 56);
    assert!(std::mem::align_of::<WSANAMESPACE_INFOEX>() == 8);
    assert!(std::mem::offset_of!(WSANAMESPACE_INFOEX, dwNameSpace) == 16);
    assert!(std::mem::offset_of!(WSANAMESPACE_INFOEX, lpszIdentifier) == 32);
    assert!(std::mem::offset_of!(WSANAMESPACE_INFOEX, ProviderSpecific) == 40);
};

fn err<T>(code: i32) -> Result<T, WsaError> {
    Err(WsaError(code))
}

/// `Ok(())` when `p` is non-NULL, else `code`.
fn need<T>(p: *const T, code: i32) -> Result<(), WsaError> {
    if p.is_null() { err(code) } else { Ok(()) }
}

// ── namespace providers ──

/// Writes one namespace-provider record plus its identifier (`units` code units of
/// `unit_size` bytes, NUL included) into `(buf, *len)`; too small → `WSAEFAULT` with the
/// size needed in `*len`, as Windows documents for `WSAEnumNameSpaceProviders`.
///
/// # Safety
/// `len` NULL or valid; `buf` NULL or valid for `*len` bytes.
unsafe fn enum_ns(len: *mut u32, buf: *mut u8, record: usize, name: &[u8]) -> Result<(*mut u8, *mut u8), WsaError> {
    startup::ensure()?;
    need(len, WSAEFAULT)?;
    let total = (record + name.len()) as u32;
    // SAFETY: non-NULL, valid per the caller.
    if buf.is_null() || unsafe { len.read_unaligned() } < total {
        // SAFETY: as above.
        unsafe { len.write_unaligned(total) };
        return err(WSAEFAULT);
    }
    // SAFETY: `total` bytes are writable at `buf`; the identifier goes after the record.
    let ident = unsafe { buf.add(record) };
    // SAFETY: as above.
    unsafe { std::ptr::copy_nonoverlapping(name.as_ptr(), ident, name.len()) };
    Ok((buf, ident))
}

fn name_a() -> Vec<u8> {
    NSP_DNS_NAME.bytes().chain(Some(0)).collect()
}

fn name_w() -> Vec<u8> {
    NSP_DNS_NAME.encode_utf16().chain(Some(0)).flat_map(u16::to_le_bytes).collect()
}

macro_rules! ns_record {
    ($ty:ident, $ident:expr) => {
        $ty { NSProviderId: NSP_DNS, dwNameSpace: NS_DNS, fActive: 1, dwVersion: 0, lpszIdentifier: $ident }
    };
}

/// `WSAEnumNameSpaceProvidersA`: the DNS provider.
///
/// # Safety
/// `len` NULL or valid; `buf` NULL or valid for `*len` bytes.
pub unsafe fn wsa_enum_name_space_providers_a(len: *mut u32, buf: *mut WSANAMESPACE_INFOA) -> i32 {
    ret((|| {
        let size = std::mem::size_of::<WSANAMESPACE_INFOA>();
        // SAFETY: forwarded caller contract.
        let (rec, ident) = unsafe { enum_ns(len, buf.cast(), size, &name_a()) }?;
        // SAFETY: room for the record was checked by `enum_ns`.
        unsafe { rec.cast::<WSANAMESPACE_INFOA>().write_unaligned(ns_record!(WSANAMESPACE_INFOA, ident.cast())) };
        Ok(1)
    })())
}

/// `WSAEnumNameSpaceProvidersW`: the DNS provider.
///
/// # Safety
/// As [`wsa_enum_name_space_providers_a`].
pub unsafe fn wsa_enum_name_space_providers_w(len: *mut u32, buf: *mut WSANAMESPACE_INFOW) -> i32 {
    ret((|| {
        let size = std::mem::size_of::<WSANAMESPACE_INFOW>();
        // SAFETY: forwarded caller contract.
        let (rec, ident) = unsafe { enum_ns(len, buf.cast(), size, &name_w()) }?;
        // SAFETY: room for the record was checked by `enum_ns`.
        unsafe { rec.cast::<WSANAMESPACE_INFOW>().write_unaligned(ns_record!(WSANAMESPACE_INFOW, ident.cast())) };
        Ok(1)
    })())
}

/// The `Ex` forms: the same provider with an empty provider blob.
///
/// # Safety
/// As [`wsa_enum_name_space_providers_a`].
unsafe fn enum_ns_ex(len: *mut u32, buf: *mut c_void, name: &[u8]) -> i32 {
    ret((|| {
        let size = std::mem::size_of::<WSANAMESPACE_INFOEX>();
        // SAFETY: forwarded caller contract.
        let (rec, ident) = unsafe { enum_ns(len, buf.cast(), size, name) }?;
        let info = WSANAMESPACE_INFOEX {
            NSProviderId: NSP_DNS,
            dwNameSpace: NS_DNS,
            fActive: 1,
            dwVersion: 0,
            lpszIdentifier: ident.cast(),
            ProviderSpecific: BLOB { cbSize: 0, pBlobData: std::ptr::null_mut() },
        };
        // SAFETY: room for the record was checked by `enum_ns`.
        unsafe { rec.cast::<WSANAMESPACE_INFOEX>().write_unaligned(info) };
        Ok(1)
    })())
}

/// `WSAEnumNameSpaceProvidersExA`.
///
/// # Safety
/// As [`wsa_enum_name_space_providers_a`].
pub unsafe fn wsa_enum_name_space_providers_ex_a(len: *mut u32, buf: *mut c_void) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { enum_ns_ex(len, buf, &name_a()) }
}

/// `WSAEnumNameSpaceProvidersExW`.
///
/// # Safety
/// As [`wsa_enum_name_space_providers_a`].
pub unsafe fn wsa_enum_name_space_providers_ex_w(len: *mut u32, buf: *mut c_void) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { enum_ns_ex(len, buf, &name_w()) }
}

// ── RnR service lookups and registration ──

/// `WSALookupServiceBeginA/W`: no query is served (the resolver functions are the way to
/// DNS here): a malformed query set → `WSAEINVAL`, otherwise `WSASERVICE_NOT_FOUND`.
fn lookup_begin(qs: *const c_void, size: u32, expected: usize, handle: *mut HANDLE) -> i32 {
    status((|| {
        startup::ensure()?;
        need(qs, WSAEFAULT)?;
        need(handle, WSAEFAULT)?;
        if size as usize != expected {
            return err(WSAEINVAL);
        }
        log_unimplemented_once!("WSALookupServiceBegin", WsaError(WSASERVICE_NOT_FOUND));
        err(WSASERVICE_NOT_FOUND)
    })())
}

/// `WSALookupServiceBeginA`.
///
/// # Safety
/// `qs` NULL or readable; `handle` NULL or writable.
pub unsafe fn wsa_lookup_service_begin_a(qs: *mut WSAQUERYSETA, _flags: u32, handle: *mut HANDLE) -> i32 {
    // SAFETY: NULL or readable per the caller.
    let size = unsafe { qs.as_ref() }.map_or(0, |q| q.dwSize);
    lookup_begin(qs.cast(), size, std::mem::size_of::<WSAQUERYSETA>(), handle)
}

/// `WSALookupServiceBeginW`.
///
/// # Safety
/// As [`wsa_lookup_service_begin_a`].
pub unsafe fn wsa_lookup_service_begin_w(qs: *mut WSAQUERYSETW, _flags: u32, handle: *mut HANDLE) -> i32 {
    // SAFETY: NULL or readable per the caller.
    let size = unsafe { qs.as_ref() }.map_or(0, |q| q.dwSize);
    lookup_begin(qs.cast(), size, std::mem::size_of::<WSAQUERYSETW>(), handle)
}

/// No lookup handle is ever handed out, so every handle is invalid.
fn bad_handle() -> i32 {
    status(startup::ensure().and(err(WSA_INVALID_HANDLE)))
}

/// `WSALookupServiceNextA`: `WSA_INVALID_HANDLE`.
pub fn wsa_lookup_service_next_a(_h: HANDLE, _flags: u32, _len: *mut u32, _qs: *mut WSAQUERYSETA) -> i32 {
    bad_handle()
}

/// `WSALookupServiceNextW`: `WSA_INVALID_HANDLE`.
pub fn wsa_lookup_service_next_w(_h: HANDLE, _flags: u32, _len: *mut u32, _qs: *mut WSAQUERYSETW) -> i32 {
    bad_handle()
}

/// `WSALookupServiceEnd`: `WSA_INVALID_HANDLE`.
pub fn wsa_lookup_service_end(_h: HANDLE) -> i32 {
    bad_handle()
}

/// `WSANSPIoctl`: `WSA_INVALID_HANDLE` (no lookup handle exists).
#[allow(clippy::too_many_arguments)]
pub fn wsa_nsp_ioctl(
    _h: HANDLE,
    _code: u32,
    _inp: *mut c_void,
    _inlen: u32,
    _out: *mut c_void,
    _outlen: u32,
    _returned: *mut u32,
    _completion: *mut WSACOMPLETION,
) -> i32 {
    bad_handle()
}

fn set_service(qs: *const c_void) -> i32 {
    status((|| {
        startup::ensure()?;
        need(qs, WSAEINVAL)?;
        log_unimplemented_once!("WSASetService", WsaError(WSAEOPNOTSUPP));
        err(WSAEOPNOTSUPP)
    })())
}

/// `WSASetServiceA`: service registration is not offered (`WSAEOPNOTSUPP`).
pub fn wsa_set_service_a(qs: *mut WSAQUERYSETA, _op: i32, _flags: u32) -> i32 {
    set_service(qs.cast())
}

/// `WSASetServiceW`: service registration is not offered (`WSAEOPNOTSUPP`).
pub fn wsa_set_service_w(qs: *mut WSAQUERYSETW, _op: i32, _flags: u32) -> i32 {
    set_service(qs.cast())
}

fn install_class(info: *const c_void) -> i32 {
    status((|| {
        startup::ensure()?;
        need(info, WSAEINVAL)?;
        log_unimplemented_once!("WSAInstallServiceClass", WsaError(WSAEACCES));
        err(WSAEACCES)
    })())
}

/// `WSAInstallServiceClassA`: the class store is read-only (`WSAEACCES`).
pub fn wsa_install_service_class_a(info: *mut WSASERVICECLASSINFOA) -> i32 {
    install_class(info.cast())
}

/// `WSAInstallServiceClassW`: the class store is read-only (`WSAEACCES`).
pub fn wsa_install_service_class_w(info: *mut WSASERVICECLASSINFOW) -> i32 {
    install_class(info.cast())
}

/// `WSARemoveServiceClass`: no class is installed (`WSATYPE_NOT_FOUND`).
pub fn wsa_remove_service_class(id: *mut GUID) -> i32 {
    status(startup::ensure().and(need(id, WSAEINVAL)).and(err(WSATYPE_NOT_FOUND)))
}

fn class_lookup(class: *const GUID, len: *const u32) -> i32 {
    status(startup::ensure().and(need(class, WSAEINVAL)).and(need(len, WSAEFAULT)).and(err(WSATYPE_NOT_FOUND)))
}

/// `WSAGetServiceClassInfoA`: no class is installed (`WSATYPE_NOT_FOUND`).
pub fn wsa_get_service_class_info_a(
    _provider: *mut GUID,
    class: *mut GUID,
    len: *mut u32,
    _info: *mut WSASERVICECLASSINFOA,
) -> i32 {
    class_lookup(class, len)
}

/// `WSAGetServiceClassInfoW`: no class is installed (`WSATYPE_NOT_FOUND`).
pub fn wsa_get_service_class_info_w(
    _provider: *mut GUID,
    class: *mut GUID,
    len: *mut u32,
    _info: *mut WSASERVICECLASSINFOW,
) -> i32 {
    class_lookup(class, len)
}

/// `WSAGetServiceClassNameByClassIdA`: no class is installed (`WSATYPE_NOT_FOUND`).
pub fn wsa_get_service_class_name_by_class_id_a(class: *mut GUID, _name: *mut c_char, len: *mut u32) -> i32 {
    class_lookup(class, len)
}

/// `WSAGetServiceClassNameByClassIdW`: no class is installed (`WSATYPE_NOT_FOUND`).
pub fn wsa_get_service_class_name_by_class_id_w(class: *mut GUID, _name: *mut u16, len: *mut u32) -> i32 {
    class_lookup(class, len)
}

// ── QoS, multipoint, catalogue change notification ──

/// `WSAGetQOSByName`: no QoS template is installed → FALSE with `WSAEINVAL`.
pub fn wsa_get_qos_by_name(s: SOCKET, _name: *mut WSABUF, _qos: *mut QOS) -> i32 {
    let r = table::get(s).and(err::<()>(WSAEINVAL));
    let _ = ret(r.map(|()| 0));
    0
}

/// `WSAJoinLeaf`: multipoint sessions are not offered (`WSAEOPNOTSUPP`, `INVALID_SOCKET`).
#[allow(clippy::too_many_arguments)]
pub fn wsa_join_leaf(
    s: SOCKET,
    _name: *const SOCKADDR,
    _namelen: i32,
    _caller: *mut WSABUF,
    _callee: *mut WSABUF,
    _sqos: *mut QOS,
    _gqos: *mut QOS,
    _flags: u32,
) -> SOCKET {
    ret((|| {
        table::get(s)?;
        log_unimplemented_once!("WSAJoinLeaf", WsaError(WSAEOPNOTSUPP));
        err(WSAEOPNOTSUPP)
    })())
}

/// `WSAProviderConfigChange`: the catalogue never changes and no notification handle is
/// offered (`WSAEOPNOTSUPP`).
pub fn wsa_provider_config_change(handle: *mut HANDLE, _ov: *mut WSAOVERLAPPED, _routine: *mut c_void) -> i32 {
    status((|| {
        startup::ensure()?;
        need(handle, WSAEFAULT)?;
        log_unimplemented_once!("WSAProviderConfigChange", WsaError(WSAEOPNOTSUPP));
        err(WSAEOPNOTSUPP)
    })())
}

// ── upcalls ──

/// `WPUCompleteOverlappedRequest`: only layered providers call it; none can be installed
/// here (`SOCKET_ERROR`, `*errno = WSAEINVAL`).
///
/// # Safety
/// `errno` must be NULL or writable.
pub unsafe fn wpu_complete_overlapped_request(
    _s: SOCKET,
    _ov: *mut WSAOVERLAPPED,
    _error: u32,
    _bytes: u32,
    errno: *mut i32,
) -> i32 {
    log_unimplemented_once!("WPUCompleteOverlappedRequest", WsaError(WSAEINVAL));
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(err(WSAEINVAL), errno) }
}

/// `WSApSetPostRoutine`: the Winsock 1.1 shim's message-posting routine; messages go
/// through the host here, so it is accepted and not used.
pub fn wsap_set_post_routine(_routine: *mut c_void) -> i32 {
    log::debug!(target: "ws2_32::missing", "WSApSetPostRoutine: routine ignored (messages go through the host)");
    0
}

// ── catalogue configuration (WSC*) ──

/// Whether `id` names one of the built-in providers (transport or namespace).
///
/// # Safety
/// `id` must be NULL or readable.
unsafe fn known_provider(id: *const GUID) -> Result<bool, WsaError> {
    // SAFETY: NULL or readable per the caller.
    let id = unsafe { id.as_ref() }.ok_or(WsaError(WSAEFAULT))?;
    Ok(*id == NSP_DNS || catalog::PROVIDERS.iter().any(|(g, _)| g == id))
}

/// Refuses a catalogue change: unknown provider → `WSAEINVAL` when `must_exist`, otherwise
/// the catalogue is read-only → `WSAEACCES`.
///
/// # Safety
/// `id` must be NULL or readable.
unsafe fn refuse_change(name: &'static str, id: *const GUID, must_exist: bool) -> Result<i32, WsaError> {
    // SAFETY: forwarded caller contract.
    if must_exist && !unsafe { known_provider(id) }? {
        return err(WSAEINVAL);
    }
    need(id, WSAEFAULT)?;
    log::warn!(target: "ws2_32::missing", "{name}: the protocol catalogue is read-only; failing with WSAEACCES");
    err(WSAEACCES)
}

/// `WSCDeinstallProvider`: unknown → `WSAEINVAL`; built-in → `WSAEACCES`.
///
/// # Safety
/// `id` NULL or readable; `errno` NULL or writable.
pub unsafe fn wsc_deinstall_provider(id: *mut GUID, errno: *mut i32) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(refuse_change("WSCDeinstallProvider", id, true), errno) }
}

/// `WSCInstallProvider`: the catalogue is read-only (`WSAEACCES`).
///
/// # Safety
/// `id` NULL or readable; `errno` NULL or writable.
pub unsafe fn wsc_install_provider(
    id: *mut GUID,
    _path: *const u16,
    _list: *const WSAPROTOCOL_INFOW,
    _count: u32,
    errno: *mut i32,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(refuse_change("WSCInstallProvider", id, false), errno) }
}

/// `WSCInstallProvider64_32`: as [`wsc_install_provider`].
///
/// # Safety
/// As [`wsc_install_provider`].
pub unsafe fn wsc_install_provider64_32(
    id: *mut GUID,
    path: *const u16,
    list: *const WSAPROTOCOL_INFOW,
    count: u32,
    errno: *mut i32,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { wsc_install_provider(id, path, list, count, errno) }
}

/// `WSCUpdateProvider`: unknown → `WSAEINVAL`; built-in → `WSAEACCES`.
///
/// # Safety
/// As [`wsc_install_provider`].
pub unsafe fn wsc_update_provider(
    id: *mut GUID,
    _path: *const u16,
    _list: *const WSAPROTOCOL_INFOW,
    _count: u32,
    errno: *mut i32,
) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(refuse_change("WSCUpdateProvider", id, true), errno) }
}

/// `WSCGetProviderPath`: `%SystemRoot%\system32\mswsock.dll` for the built-in transport
/// providers, as Windows answers; unknown → `WSAEINVAL`; a short buffer → `WSAEFAULT` with
/// the length needed (characters, NUL included) in `*len`.
///
/// # Safety
/// `id` NULL or readable; `len` NULL or valid; `path` NULL or valid for `*len` characters;
/// `errno` NULL or writable.
pub unsafe fn wsc_get_provider_path(id: *mut GUID, path: *mut u16, len: *mut i32, errno: *mut i32) -> i32 {
    let r = (|| {
        need(len, WSAEFAULT)?;
        // SAFETY: NULL or readable per the caller.
        let id = unsafe { id.as_ref() }.ok_or(WsaError(WSAEFAULT))?;
        let dll = catalog::PROVIDERS.iter().find(|(g, _)| g == id).map(|(_, p)| *p).ok_or(WsaError(WSAEINVAL))?;
        let wide: Vec<u16> = dll.encode_utf16().chain(Some(0)).collect();
        // SAFETY: non-NULL, valid per the caller.
        let cap = unsafe { len.read_unaligned() };
        if path.is_null() || cap < wide.len() as i32 {
            // SAFETY: as above.
            unsafe { len.write_unaligned(wide.len() as i32) };
            return err(WSAEFAULT);
        }
        // SAFETY: `cap >= wide.len()` characters are writable at `path`.
        unsafe { std::ptr::copy_nonoverlapping(wide.as_ptr(), path, wide.len()) };
        // SAFETY: as above.
        unsafe { len.write_unaligned(wide.len() as i32 - 1) };
        Ok(0)
    })();
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(r, errno) }
}

/// `WSCGetProviderInfo`: NULL provider → `WSAEFAULT`; otherwise no per-provider
/// information is kept (`WSANO_RECOVERY`).
///
/// # Safety
/// `errno` NULL or writable.
pub unsafe fn wsc_get_provider_info(
    id: *mut GUID,
    _ty: i32,
    _info: *mut u8,
    _size: *mut usize,
    _flags: u32,
    errno: *mut i32,
) -> i32 {
    let r = need(id, WSAEFAULT).and_then(|()| {
        log_unimplemented_once!("WSCGetProviderInfo", WsaError(WSANO_RECOVERY));
        err(WSANO_RECOVERY)
    });
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(r, errno) }
}

/// `WSCGetApplicationCategory`: bad arguments → `WSAEINVAL`; no LSP category store
/// (`WSANO_RECOVERY`).
///
/// # Safety
/// `errno` NULL or writable.
pub unsafe fn wsc_get_application_category(
    path: *const u16,
    path_len: u32,
    _extra: *const u16,
    _extra_len: u32,
    category: *mut u32,
    errno: *mut i32,
) -> i32 {
    let r = (|| {
        if path.is_null() || path_len == 0 || category.is_null() {
            return err(WSAEINVAL);
        }
        log_unimplemented_once!("WSCGetApplicationCategory", WsaError(WSANO_RECOVERY));
        err(WSANO_RECOVERY)
    })();
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(r, errno) }
}

/// `WSCSetApplicationCategory`: bad arguments → `WSAEINVAL`; no LSP category store
/// (`WSANO_RECOVERY`).
///
/// # Safety
/// `errno` NULL or writable.
#[allow(clippy::too_many_arguments)]
pub unsafe fn wsc_set_application_category(
    path: *const u16,
    path_len: u32,
    _extra: *const u16,
    _extra_len: u32,
    _category: u32,
    _prev: *mut u32,
    errno: *mut i32,
) -> i32 {
    let r = (|| {
        if path.is_null() || path_len == 0 {
            return err(WSAEINVAL);
        }
        log_unimplemented_once!("WSCSetApplicationCategory", WsaError(WSANO_RECOVERY));
        err(WSANO_RECOVERY)
    })();
    // SAFETY: forwarded caller contract.
    unsafe { spi_result(r, errno) }
}

/// `WSCInstallNameSpace`: the namespace catalogue is read-only (`WSAEACCES` via
/// `WSAGetLastError`).
///
/// # Safety
/// `id` NULL or readable.
pub unsafe fn wsc_install_name_space(_ident: *mut u16, _path: *mut u16, _ns: u32, _version: u32, id: *mut GUID) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { refuse_change("WSCInstallNameSpace", id, false) }.map(drop))
}

/// `WSCUnInstallNameSpace`: unknown → `WSAEINVAL`; the DNS provider → `WSAEACCES`.
///
/// # Safety
/// `id` NULL or readable.
pub unsafe fn wsc_uninstall_name_space(id: *mut GUID) -> i32 {
    // SAFETY: forwarded caller contract.
    status(unsafe { refuse_change("WSCUnInstallNameSpace", id, true) }.map(drop))
}

/// `WSCEnableNSProvider`: enabling the (always active) DNS provider succeeds; disabling it
/// → `WSAEACCES`; unknown → `WSAEINVAL`.
///
/// # Safety
/// `id` NULL or readable.
pub unsafe fn wsc_enable_ns_provider(id: *mut GUID, enable: i32) -> i32 {
    status((|| {
        // SAFETY: forwarded caller contract.
        let known = unsafe { known_provider(id) }?;
        // SAFETY: as above; `known_provider` rejected NULL.
        if !known || unsafe { *id } != NSP_DNS {
            return err(WSAEINVAL);
        }
        if enable != 0 { Ok(()) } else { err(WSAEACCES) }
    })())
}

/// `WSCWriteProviderOrder`: returns the error directly; the order is fixed (`WSAEACCES`),
/// NULL → `WSAEINVAL`.
pub fn wsc_write_provider_order(ids: *mut u32, _count: u32) -> i32 {
    if ids.is_null() {
        return WSAEINVAL;
    }
    log_unimplemented_once!("WSCWriteProviderOrder", WsaError(WSAEACCES));
    WSAEACCES
}

/// `WSCWriteNameSpaceOrder`: as [`wsc_write_provider_order`].
pub fn wsc_write_name_space_order(ids: *mut GUID, _count: u32) -> i32 {
    if ids.is_null() {
        return WSAEINVAL;
    }
    log_unimplemented_once!("WSCWriteNameSpaceOrder", WsaError(WSAEACCES));
    WSAEACCES
}
