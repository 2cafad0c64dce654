//! Resolver records: the BSD database entries (`hostent`, `servent`, `protoent`, `netent`)
//! and `getaddrinfo`'s `ADDRINFO*` lists.
//!
//! `servent` is the classic Win64 trap: the SDK swaps `s_proto` and `s_port` under `_WIN64`
//! so that the pointer stays aligned, so it cannot share a layout with the host's.

use core::ffi::c_void;

use super::{CHAR, GUID, SIZE_T, SOCKADDR, WCHAR, assert_layout, u_long, zeroed_default};

/// `HOSTENT` (`struct hostent`): a host database entry (`gethostbyname`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HOSTENT {
    /// Official name.
    pub h_name: *mut CHAR,
    /// Null-terminated alias list.
    pub h_aliases: *mut *mut CHAR,
    /// `AF_*` of the addresses.
    pub h_addrtype: i16,
    /// Length of each address.
    pub h_length: i16,
    /// Null-terminated address list (network order).
    pub h_addr_list: *mut *mut CHAR,
}
assert_layout!(
    HOSTENT,
    size = 32,
    align = 8,
    h_name = 0,
    h_aliases = 8,
    h_addrtype = 16,
    h_length = 18,
    h_addr_list = 24
);

/// `SERVENT` (`struct servent`): a service database entry, Win64 order (`s_proto` before
/// `s_port`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SERVENT {
    /// Official name.
    pub s_name: *mut CHAR,
    /// Null-terminated alias list.
    pub s_aliases: *mut *mut CHAR,
    /// Protocol name.
    pub s_proto: *mut CHAR,
    /// Port, network byte order.
    pub s_port: i16,
}
assert_layout!(SERVENT, size = 32, align = 8, s_name = 0, s_aliases = 8, s_proto = 16, s_port = 24);

/// `PROTOENT` (`struct protoent`): a protocol database entry.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct PROTOENT {
    /// Official name.
    pub p_name: *mut CHAR,
    /// Null-terminated alias list.
    pub p_aliases: *mut *mut CHAR,
    /// Protocol number.
    pub p_proto: i16,
}
assert_layout!(PROTOENT, size = 24, align = 8, p_name = 0, p_aliases = 8, p_proto = 16);

/// `struct netent`: a network database entry.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct NETENT {
    /// Official name.
    pub n_name: *mut CHAR,
    /// Null-terminated alias list.
    pub n_aliases: *mut *mut CHAR,
    /// `AF_*`.
    pub n_addrtype: i16,
    /// Network number.
    pub n_net: u_long,
}
assert_layout!(NETENT, size = 24, align = 8, n_name = 0, n_aliases = 8, n_addrtype = 16, n_net = 20);

/// Declares an `ADDRINFO` variant: the seven common leading fields, then its own ones.
macro_rules! addrinfo {
    ($($(#[$doc:meta])* $name:ident, $ch:ty, size = $size:literal {
        $($(#[$fdoc:meta])* $f:ident: $t:ty = $off:expr,)*
    })*) => {$(
        $(#[$doc])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            /// `AI_*` flags.
            pub ai_flags: i32,
            /// `AF_*`.
            pub ai_family: i32,
            /// `SOCK_*`.
            pub ai_socktype: i32,
            /// `IPPROTO_*`.
            pub ai_protocol: i32,
            /// Length of `ai_addr`.
            pub ai_addrlen: SIZE_T,
            /// Canonical name (first entry only).
            pub ai_canonname: *mut $ch,
            /// The address.
            pub ai_addr: *mut SOCKADDR,
            $($(#[$fdoc])* pub $f: $t,)*
        }
        assert_layout!($name, size = $size, align = 8,
            ai_flags = 0, ai_family = 4, ai_socktype = 8, ai_protocol = 12, ai_addrlen = 16,
            ai_canonname = 24, ai_addr = 32 $(, $f = $off)*);
        zeroed_default!($name);
    )*};
}
addrinfo! {
    /// `ADDRINFOA` (`struct addrinfo`): one `getaddrinfo` result, narrow.
    ADDRINFOA, CHAR, size = 48 {
        /// Next result.
        ai_next: *mut ADDRINFOA = 40,
    }
    /// `ADDRINFOW` (`struct addrinfoW`): one `GetAddrInfoW` result, UTF-16.
    ADDRINFOW, WCHAR, size = 48 {
        /// Next result.
        ai_next: *mut ADDRINFOW = 40,
    }
    /// `ADDRINFOEXA` (`struct addrinfoExA`): one `GetAddrInfoExA` result.
    ADDRINFOEXA, CHAR, size = 72 {
        /// Provider-specific data.
        ai_blob: *mut c_void = 40,
        /// Length of `ai_blob`.
        ai_bloblen: SIZE_T = 48,
        /// Namespace provider.
        ai_provider: *mut GUID = 56,
        /// Next result.
        ai_next: *mut ADDRINFOEXA = 64,
    }
    /// `ADDRINFOEXW` (`struct addrinfoExW`): one `GetAddrInfoExW` result.
    ADDRINFOEXW, WCHAR, size = 72 {
        /// Provider-specific data.
        ai_blob: *mut c_void = 40,
        /// Length of `ai_blob`.
        ai_bloblen: SIZE_T = 48,
        /// Namespace provider.
        ai_provider: *mut GUID = 56,
        /// Next result.
        ai_next: *mut ADDRINFOEXW = 64,
    }
}

zeroed_default!(HOSTENT, SERVENT, PROTOENT, NETENT);
