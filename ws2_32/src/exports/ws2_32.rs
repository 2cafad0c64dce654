//! The ws2_32.dll export table: every export with its Windows ordinal (the fixed ordinals
//! 1–23, 51–57, 101–116, 151; the rest are exported by name), both faces generated from
//! one body each. Names that libc also has get a `ws2_32_` ELF prefix (DESIGN property 2);
//! the porting headers bind the Windows names to them.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::c_void;

use translate::{
    FD_SET, SOCKADDR, SOCKET, TIMEVAL, WSABUF, WSADATA, WSAOVERLAPPED, WSAPOLLFD, WSAPROTOCOL_INFOA, WSAPROTOCOL_INFOW,
};

use crate::api::{io, select, socket, startup};

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
    @_   fn WSARecv(s: SOCKET, bufs: *const WSABUF, count: u32, received: *mut u32, flags: *mut u32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => io::wsa_recv;
    @_   fn WSARecvFrom(s: SOCKET, bufs: *const WSABUF, count: u32, received: *mut u32, flags: *mut u32, from: *mut SOCKADDR, fromlen: *mut i32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => io::wsa_recv_from;
    @_   fn WSASend(s: SOCKET, bufs: *const WSABUF, count: u32, sent: *mut u32, flags: u32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => io::wsa_send;
    @_   fn WSASendTo(s: SOCKET, bufs: *const WSABUF, count: u32, sent: *mut u32, flags: u32, to: *const SOCKADDR, tolen: i32, overlapped: *mut WSAOVERLAPPED, completion: *mut c_void) -> i32 => io::wsa_send_to;
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
    // ── end resolve ──
    // ── protocols, connection helpers, legacy calls, unimplemented exports: api/{protocols,connect,legacy,missing}.rs ──
    // ── end protocols ──
    // ── events, WSAAsyncSelect, overlapped I/O: api/{events,async_select,overlapped}.rs ──
    // ── end events ──
}
