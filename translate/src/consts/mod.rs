//! Windows constant values, named exactly as the Windows SDK names them.
//!
//! Each submodule covers one header area; everything is re-exported here and at the crate root.
//! The values are Windows' own, never the host's: `AF_INET6` is 23 here even though Linux says
//! 10, and converting between the two is the job of [`crate::sockaddr`], [`crate::sockopt`] and
//! [`crate::flags`]. Every value that mingw-w64's headers define is checked against them by the
//! layout oracle (`tests/oracle/consts.rs`); the few newer SDK values mingw-w64 lacks are marked
//! so in their docs.
//!
//! Types follow the C expression, so that a value compares equal in both languages: `int`
//! macros are `i32`, `DWORD`/unsigned ones `u32`, `SHORT` poll bits `i16`, and array lengths
//! `usize`. Families that logs print (levels, options, ioctls, event and flag masks) also get a
//! name table and a lookup function or `Debug`-printing wrapper, built by one macro.

pub mod errors;
pub mod ntstatus;

pub use errors::*;
pub use ntstatus::*;

/// Declares a group of constants of one type together with a `&[(&str, T)]` table of their
/// names, in declaration order (so a canonical name must come before its aliases).
macro_rules! named {
    (
        $(#[$tm:meta])* $table:ident: $t:ty = {
            $( $(#[$m:meta])* $name:ident = $v:expr; )*
        }
    ) => {
        $( $(#[$m])* pub const $name: $t = $v; )*
        $(#[$tm])*
        pub const $table: &[(&str, $t)] = &[ $( (stringify!($name), $name) ),* ];
    };
}

/// Declares a `#[repr(transparent)]` wrapper over a flag mask whose `Debug` prints the set
/// flags by name (`FD_READ|FD_CLOSE`), any unnamed bits in hex, and `0` for the empty mask.
macro_rules! flag_set {
    ($(#[$m:meta])* $name:ident($t:ty), $table:expr) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[repr(transparent)]
        pub struct $name(pub $t);

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use $crate::consts::Bits as _;
                $crate::consts::fmt_flags(f, self.0.bits(), $table.iter().map(|&(n, v)| (n, v.bits())))
            }
        }
    };
}

pub mod events;
pub mod family;
pub mod ioctl;
pub mod options;
pub mod provider;
pub mod resolve;
pub mod socket;
pub mod winsock1;

pub use events::*;
pub use family::*;
pub use ioctl::*;
pub use options::*;
pub use provider::*;
pub use resolve::*;
pub use socket::*;

/// A flag mask's bit pattern at its own width (`-1i16` is `0xffff`, not `u64::MAX`).
trait Bits: Copy {
    fn bits(self) -> u64;
}

impl Bits for i16 {
    fn bits(self) -> u64 {
        u64::from(self as u16)
    }
}

impl Bits for i32 {
    fn bits(self) -> u64 {
        u64::from(self as u32)
    }
}

impl Bits for u32 {
    fn bits(self) -> u64 {
        u64::from(self)
    }
}

/// Finds the first name in `table` whose value is `value`.
pub fn name_of<T: PartialEq + Copy>(table: &'static [(&'static str, T)], value: T) -> Option<&'static str> {
    table.iter().find(|&&(_, v)| v == value).map(|&(n, _)| n)
}

/// Writes `bits` as `A|B|0x…` using `flags` (name, mask) in order; a composite mask listed
/// before its parts wins. The empty mask prints `0`.
fn fmt_flags(
    f: &mut core::fmt::Formatter<'_>,
    bits: u64,
    flags: impl Iterator<Item = (&'static str, u64)>,
) -> core::fmt::Result {
    if bits == 0 {
        return f.write_str("0");
    }
    let mut rest = bits;
    let mut sep = "";
    for (name, mask) in flags {
        if mask != 0 && rest & mask == mask {
            write!(f, "{sep}{name}")?;
            rest &= !mask;
            sep = "|";
        }
    }
    if rest != 0 {
        write!(f, "{sep}{rest:#x}")?;
    }
    Ok(())
}
