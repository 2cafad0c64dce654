//! The mswsock.dll export table. mswsock exports by name only; its functions are the ones
//! it shares with wsock32 (defined once in [`super::wsock32::own`]) plus provider and
//! service entry points that fail with a Windows error. `AcceptEx`, `GetAcceptExSockaddrs`
//! and `TransmitFile` are ws2_32's extension functions (the same bodies
//! `SIO_GET_EXTENSION_FUNCTION_POINTER` hands out), as on Windows where mswsock fetches them
//! from ws2_32.

#![cfg(target_arch = "x86_64")]

use super::extensions::EXPORTS as EXTENSIONS;
use super::wsock32::{own, proc_row, target_in};
use crate::exports::Export;

/// Every mswsock.dll export (none has a fixed ordinal).
pub static EXPORTS: &[Export] = &[
    proc_row!(None, AcceptEx in EXTENSIONS),
    proc_row!(None, EnumProtocolsA),
    proc_row!(None, EnumProtocolsW),
    proc_row!(None, GetAcceptExSockaddrs in EXTENSIONS),
    proc_row!(None, GetAddressByNameA),
    proc_row!(None, GetAddressByNameW),
    proc_row!(None, GetNameByTypeA),
    proc_row!(None, GetNameByTypeW),
    proc_row!(None, GetServiceA),
    proc_row!(None, GetServiceW),
    proc_row!(None, GetTypeByNameA),
    proc_row!(None, GetTypeByNameW),
    proc_row!(None, MigrateWinsockConfiguration),
    proc_row!(None, NPLoadNameSpaces),
    proc_row!(None, NSPStartup),
    proc_row!(None, ServiceMain),
    proc_row!(None, SetServiceA),
    proc_row!(None, SetServiceW),
    proc_row!(None, StartWsdpService),
    proc_row!(None, StopWsdpService),
    proc_row!(None, SvchostPushServiceGlobals),
    proc_row!(None, TransmitFile in EXTENSIONS),
    proc_row!(None, WSARecvEx),
    proc_row!(None, WSPStartup),
    proc_row!(None, dn_expand),
    proc_row!(None, getnetbyname),
    proc_row!(None, inet_network),
    proc_row!(None, rcmd),
    proc_row!(None, rexec),
    proc_row!(None, rresvport),
    proc_row!(None, s_perror),
    proc_row!(None, sethostname),
];
