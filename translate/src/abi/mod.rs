//! The Windows x64 (LLP64) Winsock ABI: `#[repr(C)]` types laid out exactly as the x64 Windows
//! SDK lays them out.
//!
//! Programs hand these structures to ws2_32 by pointer, so every byte offset is part of the
//! contract: `u_long`/`DWORD`/`LONG` are 32-bit, `SOCKET` is pointer-sized, `WSADATA` and
//! `servent` use their `_WIN64` field orders, `timeval` is two 32-bit fields. Each type carries
//! `const` size/offset assertions next to its definition, and `tests/oracle` checks all of them
//! against mingw-w64's headers with a C compiler.
//!
//! Naming: Windows names are kept verbatim (types, fields, constants). Members that the SDK
//! declares inside *anonymous* unions or structs are reached through a field named
//! `Anonymous`, and the helper types are named `T_0`, `T_0_0`, … — the convention of the
//! `windows-sys` crate, so code written against it reads the same here. The one exception is
//! `SOCKADDR_IN6::sin6_scope_id`, a plain field (its union partner [`SCOPE_ID`] has the same
//! four bytes).
//!
//! Every type is `Copy` and has a `Default` that is all zero bytes — what Windows programs get
//! from `memset(&x, 0, sizeof x)` — and a `Debug` (unions print opaquely unless all their
//! views are plain integers).

mod addr;
mod basic;
mod extensions;
mod io;
mod options;
mod protocol;
mod resolve;

pub use addr::*;
pub use basic::*;
pub use extensions::*;
pub use io::*;
pub use options::*;
pub use protocol::*;
pub use resolve::*;

/// Asserts at compile time a type's size, alignment and field offsets (`a.b` paths allowed).
macro_rules! assert_layout {
    ($t:ty, size = $size:expr, align = $align:expr $(, $($f:ident).+ = $off:expr)* $(,)?) => {
        const _: () = {
            assert!(::core::mem::size_of::<$t>() == $size);
            assert!(::core::mem::align_of::<$t>() == $align);
            $(assert!(::core::mem::offset_of!($t, $($f).+) == $off);)*
        };
    };
}
pub(crate) use assert_layout;

/// `impl Default` as all zero bytes, for types made only of integers, raw pointers, arrays and
/// unions of those (every type in this module).
macro_rules! zeroed_default {
    ($($t:ty),* $(,)?) => {$(
        impl Default for $t {
            fn default() -> Self {
                // SAFETY: the type consists only of integers, raw pointers and arrays/unions
                // of them, for all of which the all-zero bit pattern is a valid value.
                unsafe { ::core::mem::zeroed() }
            }
        }
    )*};
}
pub(crate) use zeroed_default;

/// `impl Debug` for a union whose views are not all plain integers: prints only its name.
macro_rules! opaque_debug {
    ($($t:ty),* $(,)?) => {$(
        impl ::core::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(stringify!($t)).finish_non_exhaustive()
            }
        }
    )*};
}
pub(crate) use opaque_debug;

#[cfg(test)]
mod tests {
    use super::*;
    use core::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn in_addr_views_agree() {
        let a = IN_ADDR::from(Ipv4Addr::new(192, 168, 1, 20));
        // SAFETY: every view of the union is a plain integer over the same bytes.
        let (b, addr) = unsafe { (a.S_un.S_un_b, a.S_un.S_addr) };
        assert_eq!((b.s_b1, b.s_b4), (192, 20));
        assert_eq!(addr, u32::from_be_bytes([192, 168, 1, 20]).to_be());
        assert_eq!(Ipv4Addr::from(a), Ipv4Addr::new(192, 168, 1, 20));
        assert_eq!(format!("{:?}", a.S_un), "192.168.1.20");
    }

    #[test]
    fn in6_addr_round_trips() {
        let ip: Ipv6Addr = "fe80::1:2".parse().unwrap();
        assert_eq!(Ipv6Addr::from(IN6_ADDR::from(ip)), ip);
        assert_eq!(IN6_ADDR::default().octets(), [0; 16]);
    }

    #[test]
    fn scope_id_splits_zone_and_level() {
        let s = SCOPE_ID { Value: (2 << 28) | 7 };
        assert_eq!((s.Zone(), s.Level()), (7, 2));
    }

    #[test]
    fn fd_set_reports_only_used_entries_within_capacity() {
        let mut s = FD_SET::default();
        s.fd_array[..2].copy_from_slice(&[4, 8]);
        s.fd_count = 2;
        assert_eq!(s.sockets(), &[4, 8]);
        s.fd_count = 1000;
        assert_eq!(s.sockets().len(), 64);
        let small = FD_SET_N::<2> { fd_count: 3, fd_array: [4, 8] };
        assert_eq!(small.sockets(), &[4, 8]);
    }

    #[test]
    fn defaults_are_zero_and_overlapped_offset_joins_halves() {
        let mut ov = OVERLAPPED::default();
        assert_eq!((ov.Internal, ov.offset()), (0, 0));
        ov.Anonymous.Anonymous = OVERLAPPED_0_0 { Offset: 1, OffsetHigh: 2 };
        assert_eq!(ov.offset(), (2 << 32) | 1);
        assert_eq!(SOCKADDR_STORAGE::default().ss_family, 0);
        assert!(WSADATA::default().lpVendorInfo.is_null());
        assert_eq!(INVALID_SOCKET, usize::MAX);
    }
}
