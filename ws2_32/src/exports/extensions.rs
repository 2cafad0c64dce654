//! The extension functions' entry points (see `api/extensions.rs`). They are not ws2_32.dll
//! exports: PE code reaches them through `SIO_GET_EXTENSION_FUNCTION_POINTER` (or through
//! mswsock.dll's table, which points here); native code may also call them by name, as
//! `mswsock.h` declares them.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::c_void;

use translate::{BOOL, HANDLE, OVERLAPPED, SOCKADDR, SOCKET, TRANSMIT_FILE_BUFFERS, WSAMSG};

use crate::api::extensions as x;

crate::winsock_exports! {
    @_ fn AcceptEx(listen: SOCKET, accept: SOCKET, buf: *mut c_void, recv_len: u32, local_len: u32, remote_len: u32, received: *mut u32, ov: *mut OVERLAPPED) -> BOOL => x::accept_ex;
    @_ fn GetAcceptExSockaddrs(buf: *mut c_void, recv_len: u32, local_len: u32, remote_len: u32, local: *mut *mut SOCKADDR, local_size: *mut i32, remote: *mut *mut SOCKADDR, remote_size: *mut i32) -> () => x::get_accept_ex_sockaddrs;
    @_ fn ConnectEx(s: SOCKET, name: *const SOCKADDR, namelen: i32, send_buf: *mut c_void, send_len: u32, sent: *mut u32, ov: *mut OVERLAPPED) -> BOOL => x::connect_ex;
    @_ fn DisconnectEx(s: SOCKET, ov: *mut OVERLAPPED, flags: u32, reserved: u32) -> BOOL => x::disconnect_ex;
    @_ fn TransmitFile(s: SOCKET, file: HANDLE, bytes: u32, per_send: u32, ov: *mut OVERLAPPED, buffers: *mut TRANSMIT_FILE_BUFFERS, flags: u32) -> BOOL => x::transmit_file;
    @_ fn WSARecvMsg(s: SOCKET, msg: *mut WSAMSG, bytes: *mut u32, ov: *mut OVERLAPPED, routine: *mut c_void) -> i32 => [face] x::wsa_recv_msg;
}
