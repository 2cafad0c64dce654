//! Export tables: every Windows export of a DLL with its name, its ordinal and its
//! `extern "win64"` entry point (or a forward), for PE loaders; plus the macro that gives
//! each export its two faces from one body (DESIGN property 4).
//!
//! One line per export in [`winsock_exports!`](crate::winsock_exports) generates:
//! * a native System V symbol (`#[no_mangle]`, or a prefixed ELF name such as
//!   `ws2_32_socket` for names libc also has — DESIGN property 2),
//! * an `extern "win64"` thunk (x86_64 only), reached through the table, never by ELF name,
//! * a row in the DLL's table.
//!
//! Both faces call the same body inside [`guard`], which turns a panic into the function's
//! failure value plus `WSASYSCALLFAILURE` instead of aborting the process at the FFI
//! boundary. Bodies that call back into the application take a [`Face`] first, so callbacks
//! are invoked in the caller's ABI.

pub mod extensions;
pub mod kernel32;
pub mod lookup;
pub mod mswsock;
pub mod user32;
pub mod ws2_32;
pub mod wsock32;

use std::panic::AssertUnwindSafe;

/// Which ABI a call came in through (and so which ABI its callbacks use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// System V: C programs compiled against the porting headers, Rust callers.
    Native,
    /// Microsoft x64: PE images bound through the export tables.
    Win64,
}

/// A Windows `FARPROC`: what `GetProcAddress` returns.
#[cfg(target_arch = "x86_64")]
pub type FarProc = unsafe extern "win64" fn() -> isize;

/// Where an export leads.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    /// The win64 entry point.
    #[cfg(target_arch = "x86_64")]
    Proc(FarProc),
    /// A forward, `"dll.function"` (e.g. `"kernel32.SetEvent"`), for the loader to resolve.
    Forward(&'static str),
}

/// One export of a DLL.
#[derive(Clone, Copy, Debug)]
pub struct Export {
    /// The exported name (`"WSAStartup"`).
    pub name: &'static str,
    /// The Windows ordinal, when the DLL gives the export a fixed one.
    pub ordinal: Option<u16>,
    /// The entry point or forward.
    pub target: Target,
}

/// The value a function returns when it fails before doing anything (a panic caught at the
/// boundary): `SOCKET_ERROR`, `INVALID_SOCKET`, `NULL`, ….
pub trait FailValue: Copy {
    /// The failure value.
    const FAILED: Self;
}

macro_rules! fail_value {
    ($($t:ty = $v:expr),* $(,)?) => { $(impl FailValue for $t { const FAILED: Self = $v; })* };
}
fail_value!(i32 = -1, u32 = u32::MAX, usize = usize::MAX, u16 = 0, u64 = u64::MAX, i16 = -1, () = ());

impl<T> FailValue for *mut T {
    const FAILED: Self = std::ptr::null_mut();
}
impl<T> FailValue for *const T {
    const FAILED: Self = std::ptr::null();
}

/// Runs an export body, converting a panic into `R::FAILED` with `WSASYSCALLFAILURE`.
#[inline(always)]
pub fn guard<R: FailValue>(body: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(_) => {
            log::error!(target: "ws2_32::exports", "internal panic caught at the API boundary; failing with WSASYSCALLFAILURE");
            crate::api::set_last_error(translate::WSASYSCALLFAILURE);
            R::FAILED
        }
    }
}

/// Finds an export by name (exact, as Windows' `GetProcAddress`).
pub fn by_name(table: &'static [Export], name: &str) -> Option<&'static Export> {
    table.iter().find(|e| e.name == name)
}

/// Finds an export by ordinal.
pub fn by_ordinal(table: &'static [Export], ordinal: u16) -> Option<&'static Export> {
    table.iter().find(|e| e.ordinal == Some(ordinal))
}

#[doc(hidden)]
#[macro_export]
macro_rules! __export_ordinal {
    (_) => {
        None
    };
    ($n:literal) => {
        Some($n)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __export_call {
    ([face] $body:path, $f:expr, $($a:expr),*) => { $body($f, $($a),*) };
    ([] $body:path, $f:expr, $($a:expr),*) => { $body($($a),*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __export_native {
    ([$elf:literal] $(#[$m:meta])* fn $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty $b:block) => {
        $(#[$m])*
        #[unsafe(export_name = $elf)]
        pub unsafe extern "C" fn $name($($arg: $ty),*) -> $ret $b
    };
    ([] $(#[$m:meta])* fn $name:ident ($($arg:ident : $ty:ty),*) -> $ret:ty $b:block) => {
        $(#[$m])*
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($arg: $ty),*) -> $ret $b
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __export_target {
    ([$fwd:literal] $thunk:expr) => {
        $crate::exports::Target::Forward($fwd)
    };
    ([] $thunk:expr) => {
        $crate::exports::Target::Proc($thunk)
    };
}

/// Declares a DLL's exports; see the module docs. Syntax, one line per export:
///
/// ```text
/// @23 fn socket(af: i32, ty: i32, proto: i32) -> SOCKET as "ws2_32_socket" => api::socket::socket;
/// @_  fn WSARecv(...) -> i32 => [face] api::io::wsa_recv;            // body takes a Face first
/// @_  fn WSASetEvent(e: HANDLE) -> BOOL => api::events::set_event; forward "kernel32.SetEvent"
/// ```
#[macro_export]
macro_rules! winsock_exports {
    ($(
        $(#[$m:meta])*
        @$ord:tt fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty
            $(as $elf:literal)? => $([$face:ident])? $body:path $(; forward $fwd:literal)? ;
    )*) => {
        /// The native (System V) face: the ELF symbols of the shared library.
        pub mod native {
            #[allow(unused_imports)]
            use super::*;
            $(
                $crate::__export_native! {
                    [$($elf)?]
                    $(#[$m])*
                    ///
                    /// # Safety
                    /// Pointer arguments must be valid as the Windows documentation of this
                    /// function requires (NULL where it is allowed).
                    fn $name($($arg: $ty),*) -> $ret {
                        $crate::exports::guard(|| {
                            // SAFETY: the caller upholds this export's Windows contract.
                            #[allow(unused_unsafe)]
                            unsafe { $crate::__export_call!([$($face)?] $body, $crate::exports::Face::Native, $($arg),*) }
                        })
                    }
                }
            )*
        }

        /// The PE face: `extern "win64"` thunks, reached through [`EXPORTS`].
        #[cfg(target_arch = "x86_64")]
        pub mod win64 {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$m])*
                ///
                /// # Safety
                /// As for the native face; called with the Microsoft x64 convention.
                #[allow(clippy::too_many_arguments)]
                pub unsafe extern "win64" fn $name($($arg: $ty),*) -> $ret {
                    $crate::exports::guard(|| {
                        // SAFETY: the caller upholds this export's Windows contract.
                        #[allow(unused_unsafe)]
                        unsafe { $crate::__export_call!([$($face)?] $body, $crate::exports::Face::Win64, $($arg),*) }
                    })
                }
            )*
        }

        /// Every export: name, Windows ordinal, win64 entry point or forward.
        #[cfg(target_arch = "x86_64")]
        pub static EXPORTS: &[$crate::exports::Export] = &[
            $(
                $crate::exports::Export {
                    name: stringify!($name),
                    ordinal: $crate::__export_ordinal!($ord),
                    target: $crate::__export_target!([$($fwd)?]
                        // SAFETY: every win64 thunk is an `unsafe extern "win64" fn`; a loader
                        // casts the FARPROC back to the real signature before calling it, as
                        // GetProcAddress users do on Windows.
                        unsafe { std::mem::transmute::<unsafe extern "win64" fn($($ty),*) -> $ret, $crate::exports::FarProc>(win64::$name) }
                    ),
                },
            )*
        ];
    };
}
