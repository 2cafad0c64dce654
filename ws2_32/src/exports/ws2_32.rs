//! The ws2_32.dll export table: every export with its Windows ordinal (the fixed ordinals
//! 1–23, 51–57, 101–116, 151; the rest are exported by name), both faces generated from
//! one body each. Names that libc also has get a `ws2_32_` ELF prefix (DESIGN property 2);
//! the porting headers bind the Windows names to them.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::c_void;

use translate::{
    FD_SET, SOCKADDR, SOCKET, TIMEVAL, WSABUF, WSADATA, WSAOVERLAPPED, WSAPOLLFD, WSAPROTOCOL_INFOA, WSAPROTOCOL_INFOW,
};

use translate::{BOOL, HANDLE, WSAMSG, WSANETWORKEVENTS};

use crate::api::{events, extensions, io, select, socket, startup};

crate::winsock_exports! {
    // ── start-up, sockets, data transfer, select/WSAPoll: api/{startup,socket,io,select}.rs ──
    @1   fn accept(s: SOCKET, addr: *mut SOCKADDR, addrlen: *mut i32) -> SOCKET as "ws2_32_accept" => socket::accept;
    @2   fn bind(s: SOCKET, name: *const SOCKADDR, namelen: i32) -> i32 as "ws2_32_bind" => socket::bind;
    @3   fn closesocket(s: SOCKET) -> i32 => socket::closesocket;
    @4   fn connect(s: SOCKET, name: *const SOCKADDR, namelen: i32) -> i32 as "ws2_32_connect" => socket::connect;
    @5   fn getpeername(s: SOCKET, name: *mut SOCKADDR, namelen: *mut i32) -> i32 as "ws2_32_getpeername" => socket::getpeername;
    @6   fn getsockname(s: SOCKET, name: *mut SOCKADDR, namelen: *mut i32) -> i32 as "ws2_32_getsockname" => socket::getsockname;
    @13  fn listen(s: SOCKET, backlog: i32) -> i32 as "ws2_32_listen" => socket::listen;
    @16  fn recv(s: SOCKET, buf: *mut u8, len: i32, flags: i32) -> i32 as "ws2_32_recv" => io::recv;
    @17  fn recvfrom(s: SOCKET, buf: *mut u8, len: i32, flags: i32, from: *mut SOCKADDR, fromlen: *mut i32) -> i32 as "ws2_32_recvfrom" => io::recvfrom;
    @18  fn select(nfds: i32, readfds: *mut FD_SET, writefds: *mut FD_SET, exceptfds: *mut FD_SET, timeout: *const TIMEVAL) -> i32 as "ws2_32_select" => select::select;
    @19  fn send(s: SOCKET, buf: *const u8, len: i32, flags: i32) -> i32 as "ws2_32_send" => io::send;
    @20  fn sendto(s: SOCKET, buf: *const u8, len: i32, flags: i32, to: *const SOCKADDR, tolen: i32) -> i32 as "ws2_32_sendto" => io::sendto;
    @22  fn shutdown(s: SOCKET, how: i32) -> i32 as "ws2_32_shutdown" => socket::shutdown;
    @23  fn socket(af: i32, ty: i32, protocol: i32) -> SOCKET as "ws2_32_socket" => socket::socket;
    @111 fn WSAGetLastError() -> i32 => startup::wsa_get_last_error;
    @112 fn WSASetLastError(code: i32) -> () => startup::wsa_set_last_error;
    @115 fn WSAStartup(version: u16, data: *mut WSADATA) -> i32 => startup::wsa_startup;
    @116 fn WSACleanup() -> i32 => startup::wsa_cleanup;
    @151 fn __WSAFDIsSet(s: SOCKET, set: *mut FD_SET) -> i32 => select::wsa_fd_is_set;
    @_   fn WSAPoll(fds: *mut WSAPOLLFD, nfds: u32, timeout: i32) -> i32 => select::wsa_poll;
    @_   fn WSARecv(s: SOCKET, bufs: *const WSABUF, count: u32, received: *mut u32, flags: *mut u32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => [face] io::wsa_recv;
    @_   fn WSARecvFrom(s: SOCKET, bufs: *const WSABUF, count: u32, received: *mut u32, flags: *mut u32, from: *mut SOCKADDR, fromlen: *mut i32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => [face] io::wsa_recv_from;
    @_   fn WSASend(s: SOCKET, bufs: *const WSABUF, count: u32, sent: *mut u32, flags: u32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => [face] io::wsa_send;
    @_   fn WSASendTo(s: SOCKET, bufs: *const WSABUF, count: u32, sent: *mut u32, flags: u32, to: *const SOCKADDR, tolen: i32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => [face] io::wsa_send_to;
    @_   fn WSASocketA(af: i32, ty: i32, protocol: i32, info: *mut WSAPROTOCOL_INFOA, group: u32, flags: u32) -> SOCKET => socket::wsa_socket_a;
    @_   fn WSASocketW(af: i32, ty: i32, protocol: i32, info: *mut WSAPROTOCOL_INFOW, group: u32, flags: u32) -> SOCKET => socket::wsa_socket_w;
    // ── end core ──
    // ── options and ioctls: api/{options,ioctl}.rs ──
    @7   fn getsockopt(s: SOCKET, level: i32, optname: i32, optval: *mut u8, optlen: *mut i32) -> i32 as "ws2_32_getsockopt" => crate::api::options::getsockopt;
    @10  fn ioctlsocket(s: SOCKET, cmd: i32, argp: *mut u32) -> i32 => crate::api::ioctl::ioctlsocket;
    @21  fn setsockopt(s: SOCKET, level: i32, optname: i32, optval: *const u8, optlen: i32) -> i32 as "ws2_32_setsockopt" => crate::api::options::setsockopt;
    @_   fn WSAIoctl(s: SOCKET, code: u32, in_buf: *mut c_void, in_len: u32, out_buf: *mut c_void, out_len: u32, bytes_returned: *mut u32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => [face] crate::api::ioctl::wsa_ioctl;
    // ── end options ──
    // ── names and addresses: api/resolve.rs ──
    @8   fn htonl(v: u32) -> u32 as "ws2_32_htonl" => crate::api::resolve::byteorder::htonl;
    @9   fn htons(v: u16) -> u16 as "ws2_32_htons" => crate::api::resolve::byteorder::htons;
    @11  fn inet_addr(cp: *const core::ffi::c_char) -> u32 as "ws2_32_inet_addr" => crate::api::resolve::text::inet_addr;
    @12  fn inet_ntoa(addr: translate::IN_ADDR) -> *mut core::ffi::c_char as "ws2_32_inet_ntoa" => crate::api::resolve::text::inet_ntoa;
    @14  fn ntohl(v: u32) -> u32 as "ws2_32_ntohl" => crate::api::resolve::byteorder::ntohl;
    @15  fn ntohs(v: u16) -> u16 as "ws2_32_ntohs" => crate::api::resolve::byteorder::ntohs;
    @51  fn gethostbyaddr(addr: *const core::ffi::c_char, len: i32, family: i32) -> *mut translate::HOSTENT as "ws2_32_gethostbyaddr" => crate::api::resolve::netdb::gethostbyaddr;
    @52  fn gethostbyname(name: *const core::ffi::c_char) -> *mut translate::HOSTENT as "ws2_32_gethostbyname" => crate::api::resolve::netdb::gethostbyname;
    @53  fn getprotobyname(name: *const core::ffi::c_char) -> *mut translate::PROTOENT as "ws2_32_getprotobyname" => crate::api::resolve::netdb::getprotobyname;
    @54  fn getprotobynumber(number: i32) -> *mut translate::PROTOENT as "ws2_32_getprotobynumber" => crate::api::resolve::netdb::getprotobynumber;
    @55  fn getservbyname(name: *const core::ffi::c_char, proto: *const core::ffi::c_char) -> *mut translate::SERVENT as "ws2_32_getservbyname" => crate::api::resolve::netdb::getservbyname;
    @56  fn getservbyport(port: i32, proto: *const core::ffi::c_char) -> *mut translate::SERVENT as "ws2_32_getservbyport" => crate::api::resolve::netdb::getservbyport;
    @57  fn gethostname(name: *mut core::ffi::c_char, len: i32) -> i32 as "ws2_32_gethostname" => crate::api::resolve::netdb::gethostname;
    @_   fn GetHostNameW(name: *mut u16, len: i32) -> i32 => crate::api::resolve::netdb::get_host_name_w;
    @_   fn getaddrinfo(node: *const core::ffi::c_char, service: *const core::ffi::c_char, hints: *const translate::ADDRINFOA, res: *mut *mut translate::ADDRINFOA) -> i32 as "ws2_32_getaddrinfo" => crate::api::resolve::addrinfo::getaddrinfo;
    @_   fn freeaddrinfo(ai: *mut translate::ADDRINFOA) -> () as "ws2_32_freeaddrinfo" => crate::api::resolve::addrinfo::freeaddrinfo;
    @_   fn GetAddrInfoW(node: *const u16, service: *const u16, hints: *const translate::ADDRINFOW, res: *mut *mut translate::ADDRINFOW) -> i32 => crate::api::resolve::addrinfo::get_addr_info_w;
    @_   fn FreeAddrInfoW(ai: *mut translate::ADDRINFOW) -> () => crate::api::resolve::addrinfo::free_addr_info_w;
    @_   fn GetAddrInfoExA(name: *const core::ffi::c_char, service: *const core::ffi::c_char, namespace: u32, nspid: *mut translate::GUID, hints: *const translate::ADDRINFOEXA, res: *mut *mut translate::ADDRINFOEXA, timeout: *mut TIMEVAL, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void, handle: *mut translate::HANDLE) -> i32 => crate::api::resolve::addrinfo::get_addr_info_ex_a;
    @_   fn GetAddrInfoExW(name: *const u16, service: *const u16, namespace: u32, nspid: *mut translate::GUID, hints: *const translate::ADDRINFOEXW, res: *mut *mut translate::ADDRINFOEXW, timeout: *mut TIMEVAL, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void, handle: *mut translate::HANDLE) -> i32 => crate::api::resolve::addrinfo::get_addr_info_ex_w;
    @_   fn FreeAddrInfoEx(ai: *mut translate::ADDRINFOEXA) -> () => crate::api::resolve::addrinfo::free_addr_info_ex_a;
    @_   fn FreeAddrInfoExW(ai: *mut translate::ADDRINFOEXW) -> () => crate::api::resolve::addrinfo::free_addr_info_ex_w;
    @_   fn GetAddrInfoExCancel(handle: *mut translate::HANDLE) -> i32 => crate::api::resolve::addrinfo::get_addr_info_ex_cancel;
    @_   fn GetAddrInfoExOverlappedResult(overlapped: *mut WSAOVERLAPPED) -> i32 => crate::api::resolve::addrinfo::get_addr_info_ex_overlapped_result;
    @_   fn getnameinfo(sa: *const SOCKADDR, salen: i32, host: *mut core::ffi::c_char, hostlen: u32, serv: *mut core::ffi::c_char, servlen: u32, flags: i32) -> i32 as "ws2_32_getnameinfo" => crate::api::resolve::addrinfo::getnameinfo;
    @_   fn GetNameInfoW(sa: *const SOCKADDR, salen: i32, host: *mut u16, hostlen: u32, serv: *mut u16, servlen: u32, flags: i32) -> i32 => crate::api::resolve::addrinfo::get_name_info_w;
    @_   fn inet_pton(family: i32, s: *const core::ffi::c_char, addr: *mut c_void) -> i32 as "ws2_32_inet_pton" => crate::api::resolve::text::inet_pton;
    @_   fn inet_ntop(family: i32, addr: *const c_void, buf: *mut core::ffi::c_char, size: usize) -> *const core::ffi::c_char as "ws2_32_inet_ntop" => crate::api::resolve::text::inet_ntop;
    @_   fn InetPtonW(family: i32, s: *const u16, addr: *mut c_void) -> i32 => crate::api::resolve::text::inet_pton_w;
    @_   fn InetNtopW(family: i32, addr: *const c_void, buf: *mut u16, size: usize) -> *const u16 => crate::api::resolve::text::inet_ntop_w;
    @_   fn WSAStringToAddressA(s: *mut core::ffi::c_char, family: i32, info: *mut WSAPROTOCOL_INFOA, addr: *mut SOCKADDR, len: *mut i32) -> i32 => crate::api::resolve::text::wsa_string_to_address_a;
    @_   fn WSAStringToAddressW(s: *mut u16, family: i32, info: *mut WSAPROTOCOL_INFOW, addr: *mut SOCKADDR, len: *mut i32) -> i32 => crate::api::resolve::text::wsa_string_to_address_w;
    @_   fn WSAAddressToStringA(addr: *mut SOCKADDR, addrlen: u32, info: *mut WSAPROTOCOL_INFOA, out: *mut core::ffi::c_char, outlen: *mut u32) -> i32 => crate::api::resolve::text::wsa_address_to_string_a;
    @_   fn WSAAddressToStringW(addr: *mut SOCKADDR, addrlen: u32, info: *mut WSAPROTOCOL_INFOW, out: *mut u16, outlen: *mut u32) -> i32 => crate::api::resolve::text::wsa_address_to_string_w;
    @_   fn WSAHtonl(s: SOCKET, v: u32, out: *mut u32) -> i32 => crate::api::resolve::byteorder::wsa_htonl;
    @_   fn WSAHtons(s: SOCKET, v: u16, out: *mut u16) -> i32 => crate::api::resolve::byteorder::wsa_htons;
    @_   fn WSANtohl(s: SOCKET, v: u32, out: *mut u32) -> i32 => crate::api::resolve::byteorder::wsa_ntohl;
    @_   fn WSANtohs(s: SOCKET, v: u16, out: *mut u16) -> i32 => crate::api::resolve::byteorder::wsa_ntohs;
    // ── end resolve ──
    // ── protocols, connection helpers, legacy calls, unimplemented exports: api/{protocols,connect,legacy,missing}.rs ──
    @109 fn WSASetBlockingHook(hook: *mut c_void) -> *mut c_void => [face] crate::api::legacy::wsa_set_blocking_hook;
    @110 fn WSAUnhookBlockingHook() -> i32 => crate::api::legacy::wsa_unhook_blocking_hook;
    @113 fn WSACancelBlockingCall() -> i32 => crate::api::legacy::wsa_cancel_blocking_call;
    @114 fn WSAIsBlocking() -> i32 => crate::api::legacy::wsa_is_blocking;
    @500 fn WEP() -> i32 => crate::api::legacy::wep;
    @_   fn WSAEnumProtocolsA(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOA, len: *mut u32) -> i32 => crate::api::protocols::wsa_enum_protocols_a;
    @_   fn WSAEnumProtocolsW(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOW, len: *mut u32) -> i32 => crate::api::protocols::wsa_enum_protocols_w;
    @_   fn WSCEnumProtocols(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOW, len: *mut u32, errno: *mut i32) -> i32 => crate::api::protocols::wsc_enum_protocols;
    @_   fn WSCEnumProtocols32(protocols: *const i32, buffer: *mut WSAPROTOCOL_INFOW, len: *mut u32, errno: *mut i32) -> i32 => crate::api::protocols::wsc_enum_protocols;
    @_   fn WSADuplicateSocketA(s: SOCKET, pid: u32, info: *mut WSAPROTOCOL_INFOA) -> i32 => crate::api::protocols::wsa_duplicate_socket_a;
    @_   fn WSADuplicateSocketW(s: SOCKET, pid: u32, info: *mut WSAPROTOCOL_INFOW) -> i32 => crate::api::protocols::wsa_duplicate_socket_w;
    @_   fn WSAAccept(s: SOCKET, addr: *mut SOCKADDR, addrlen: *mut i32, condition: *mut c_void, data: usize) -> SOCKET => [face] crate::api::connect::wsa_accept;
    @_   fn WSAConnect(s: SOCKET, name: *const SOCKADDR, namelen: i32, caller_data: *const WSABUF, callee_data: *mut WSABUF, sqos: *const translate::QOS, gqos: *const translate::QOS) -> i32 => crate::api::connect::wsa_connect;
    @_   fn WSAConnectByNameA(s: SOCKET, node: *const core::ffi::c_char, service: *const core::ffi::c_char, local_len: *mut u32, local: *mut SOCKADDR, remote_len: *mut u32, remote: *mut SOCKADDR, timeout: *const TIMEVAL, reserved: *mut WSAOVERLAPPED) -> i32 => crate::api::connect::wsa_connect_by_name_a;
    @_   fn WSAConnectByNameW(s: SOCKET, node: *const u16, service: *const u16, local_len: *mut u32, local: *mut SOCKADDR, remote_len: *mut u32, remote: *mut SOCKADDR, timeout: *const TIMEVAL, reserved: *mut WSAOVERLAPPED) -> i32 => crate::api::connect::wsa_connect_by_name_w;
    @_   fn WSAConnectByList(s: SOCKET, list: *const translate::SOCKET_ADDRESS_LIST, local_len: *mut u32, local: *mut SOCKADDR, remote_len: *mut u32, remote: *mut SOCKADDR, timeout: *const TIMEVAL, reserved: *mut WSAOVERLAPPED) -> i32 => crate::api::connect::wsa_connect_by_list;
    @_   fn WSASendDisconnect(s: SOCKET, data: *const WSABUF) -> i32 => crate::api::connect::wsa_send_disconnect;
    @_   fn WSARecvDisconnect(s: SOCKET, data: *mut WSABUF) -> i32 => crate::api::connect::wsa_recv_disconnect;
    @_   fn WSAEnumNameSpaceProvidersA(len: *mut u32, buffer: *mut translate::WSANAMESPACE_INFOA) -> i32 => crate::api::missing::wsa_enum_name_space_providers_a;
    @_   fn WSAEnumNameSpaceProvidersW(len: *mut u32, buffer: *mut translate::WSANAMESPACE_INFOW) -> i32 => crate::api::missing::wsa_enum_name_space_providers_w;
    @_   fn WSAEnumNameSpaceProvidersExA(len: *mut u32, buffer: *mut c_void) -> i32 => crate::api::missing::wsa_enum_name_space_providers_ex_a;
    @_   fn WSAEnumNameSpaceProvidersExW(len: *mut u32, buffer: *mut c_void) -> i32 => crate::api::missing::wsa_enum_name_space_providers_ex_w;
    @_   fn WSALookupServiceBeginA(qs: *mut translate::WSAQUERYSETA, flags: u32, handle: *mut translate::HANDLE) -> i32 => crate::api::missing::wsa_lookup_service_begin_a;
    @_   fn WSALookupServiceBeginW(qs: *mut translate::WSAQUERYSETW, flags: u32, handle: *mut translate::HANDLE) -> i32 => crate::api::missing::wsa_lookup_service_begin_w;
    @_   fn WSALookupServiceNextA(handle: translate::HANDLE, flags: u32, len: *mut u32, qs: *mut translate::WSAQUERYSETA) -> i32 => crate::api::missing::wsa_lookup_service_next_a;
    @_   fn WSALookupServiceNextW(handle: translate::HANDLE, flags: u32, len: *mut u32, qs: *mut translate::WSAQUERYSETW) -> i32 => crate::api::missing::wsa_lookup_service_next_w;
    @_   fn WSALookupServiceEnd(handle: translate::HANDLE) -> i32 => crate::api::missing::wsa_lookup_service_end;
    @_   fn WSANSPIoctl(handle: translate::HANDLE, code: u32, inp: *mut c_void, inlen: u32, out: *mut c_void, outlen: u32, returned: *mut u32, completion: *mut translate::WSACOMPLETION) -> i32 => crate::api::missing::wsa_nsp_ioctl;
    @_   fn WSASetServiceA(qs: *mut translate::WSAQUERYSETA, op: i32, flags: u32) -> i32 => crate::api::missing::wsa_set_service_a;
    @_   fn WSASetServiceW(qs: *mut translate::WSAQUERYSETW, op: i32, flags: u32) -> i32 => crate::api::missing::wsa_set_service_w;
    @_   fn WSAInstallServiceClassA(info: *mut translate::WSASERVICECLASSINFOA) -> i32 => crate::api::missing::wsa_install_service_class_a;
    @_   fn WSAInstallServiceClassW(info: *mut translate::WSASERVICECLASSINFOW) -> i32 => crate::api::missing::wsa_install_service_class_w;
    @_   fn WSARemoveServiceClass(id: *mut translate::GUID) -> i32 => crate::api::missing::wsa_remove_service_class;
    @_   fn WSAGetServiceClassInfoA(provider: *mut translate::GUID, class: *mut translate::GUID, len: *mut u32, info: *mut translate::WSASERVICECLASSINFOA) -> i32 => crate::api::missing::wsa_get_service_class_info_a;
    @_   fn WSAGetServiceClassInfoW(provider: *mut translate::GUID, class: *mut translate::GUID, len: *mut u32, info: *mut translate::WSASERVICECLASSINFOW) -> i32 => crate::api::missing::wsa_get_service_class_info_w;
    @_   fn WSAGetServiceClassNameByClassIdA(class: *mut translate::GUID, name: *mut core::ffi::c_char, len: *mut u32) -> i32 => crate::api::missing::wsa_get_service_class_name_by_class_id_a;
    @_   fn WSAGetServiceClassNameByClassIdW(class: *mut translate::GUID, name: *mut u16, len: *mut u32) -> i32 => crate::api::missing::wsa_get_service_class_name_by_class_id_w;
    @_   fn WSAGetQOSByName(s: SOCKET, name: *mut WSABUF, qos: *mut translate::QOS) -> i32 => crate::api::missing::wsa_get_qos_by_name;
    @_   fn WSAJoinLeaf(s: SOCKET, name: *const SOCKADDR, namelen: i32, caller_data: *mut WSABUF, callee_data: *mut WSABUF, sqos: *mut translate::QOS, gqos: *mut translate::QOS, flags: u32) -> SOCKET => crate::api::missing::wsa_join_leaf;
    @_   fn WSAProviderConfigChange(handle: *mut translate::HANDLE, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => crate::api::missing::wsa_provider_config_change;
    @_   fn WPUCompleteOverlappedRequest(s: SOCKET, overlapped: *mut WSAOVERLAPPED, error: u32, bytes: u32, errno: *mut i32) -> i32 => crate::api::missing::wpu_complete_overlapped_request;
    @_   fn WSApSetPostRoutine(routine: *mut c_void) -> i32 => crate::api::missing::wsap_set_post_routine;
    @_   fn WSCDeinstallProvider(id: *mut translate::GUID, errno: *mut i32) -> i32 => crate::api::missing::wsc_deinstall_provider;
    @_   fn WSCEnableNSProvider(id: *mut translate::GUID, enable: i32) -> i32 => crate::api::missing::wsc_enable_ns_provider;
    @_   fn WSCGetApplicationCategory(path: *const u16, path_len: u32, extra: *const u16, extra_len: u32, category: *mut u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_get_application_category;
    @_   fn WSCGetProviderInfo(id: *mut translate::GUID, info_type: i32, info: *mut u8, size: *mut usize, flags: u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_get_provider_info;
    @_   fn WSCGetProviderPath(id: *mut translate::GUID, path: *mut u16, len: *mut i32, errno: *mut i32) -> i32 => crate::api::missing::wsc_get_provider_path;
    @_   fn WSCInstallNameSpace(ident: *mut u16, path: *mut u16, namespace: u32, version: u32, id: *mut translate::GUID) -> i32 => crate::api::missing::wsc_install_name_space;
    @_   fn WSCInstallProvider(id: *mut translate::GUID, path: *const u16, list: *const WSAPROTOCOL_INFOW, count: u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_install_provider;
    @_   fn WSCInstallProvider64_32(id: *mut translate::GUID, path: *const u16, list: *const WSAPROTOCOL_INFOW, count: u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_install_provider64_32;
    @_   fn WSCSetApplicationCategory(path: *const u16, path_len: u32, extra: *const u16, extra_len: u32, category: u32, prev: *mut u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_set_application_category;
    @_   fn WSCUnInstallNameSpace(id: *mut translate::GUID) -> i32 => crate::api::missing::wsc_uninstall_name_space;
    @_   fn WSCUpdateProvider(id: *mut translate::GUID, path: *const u16, list: *const WSAPROTOCOL_INFOW, count: u32, errno: *mut i32) -> i32 => crate::api::missing::wsc_update_provider;
    @_   fn WSCWriteNameSpaceOrder(ids: *mut translate::GUID, count: u32) -> i32 => crate::api::missing::wsc_write_name_space_order;
    @_   fn WSCWriteProviderOrder(ids: *mut u32, count: u32) -> i32 => crate::api::missing::wsc_write_provider_order;
    // ── end protocols ──
    // ── events, WSAAsyncSelect, overlapped I/O: api/{events,async_select,overlapped}.rs ──
    @_   fn WSACreateEvent() -> HANDLE => events::wsa_create_event;
    @_   fn WSACloseEvent(event: HANDLE) -> BOOL => events::wsa_close_event;
    @_   fn WSASetEvent(event: HANDLE) -> BOOL => events::wsa_set_event; forward "kernel32.SetEvent";
    @_   fn WSAResetEvent(event: HANDLE) -> BOOL => events::wsa_reset_event; forward "kernel32.ResetEvent";
    @_   fn WSAWaitForMultipleEvents(count: u32, events: *const HANDLE, wait_all: BOOL, ms: u32, alertable: BOOL) -> u32 => events::wsa_wait_for_multiple_events; forward "kernel32.WaitForMultipleObjectsEx";
    @_   fn WSAEventSelect(s: SOCKET, event: HANDLE, mask: i32) -> i32 => events::wsa_event_select;
    @_   fn WSAEnumNetworkEvents(s: SOCKET, event: HANDLE, out: *mut WSANETWORKEVENTS) -> i32 => events::wsa_enum_network_events;
    @_   fn WSAGetOverlappedResult(s: SOCKET, ov: *mut WSAOVERLAPPED, bytes: *mut u32, wait: BOOL, flags: *mut u32) -> BOOL => events::wsa_get_overlapped_result;
    @_   fn WSASendMsg(s: SOCKET, msg: *mut WSAMSG, flags: u32, bytes: *mut u32, ov: *mut WSAOVERLAPPED, routine: *mut c_void) -> i32 => [face] extensions::wsa_send_msg;
    @101 fn WSAAsyncSelect(s: SOCKET, hwnd: translate::HWND, msg: u32, mask: i32) -> i32 => crate::api::async_select::wsa_async_select;
    @102 fn WSAAsyncGetHostByAddr(hwnd: translate::HWND, msg: u32, addr: *const core::ffi::c_char, len: i32, family: i32, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_host_by_addr;
    @103 fn WSAAsyncGetHostByName(hwnd: translate::HWND, msg: u32, name: *const core::ffi::c_char, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_host_by_name;
    @104 fn WSAAsyncGetProtoByNumber(hwnd: translate::HWND, msg: u32, number: i32, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_proto_by_number;
    @105 fn WSAAsyncGetProtoByName(hwnd: translate::HWND, msg: u32, name: *const core::ffi::c_char, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_proto_by_name;
    @106 fn WSAAsyncGetServByPort(hwnd: translate::HWND, msg: u32, port: i32, proto: *const core::ffi::c_char, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_serv_by_port;
    @107 fn WSAAsyncGetServByName(hwnd: translate::HWND, msg: u32, name: *const core::ffi::c_char, proto: *const core::ffi::c_char, buf: *mut core::ffi::c_char, buflen: i32) -> HANDLE => crate::api::async_select::wsa_async_get_serv_by_name;
    @108 fn WSACancelAsyncRequest(task: HANDLE) -> i32 => crate::api::async_select::wsa_cancel_async_request;
    // ── end events ──
}
