//! A dev-only PE32+ loader: enough of Windows' image loader to run mingw-built x86_64 test
//! programs against the project's export tables (docs/loader-integration.md, "the test
//! loader"; abi-and-loader-notes §11–§17).
//!
//! * [`image`] — parse with the `object` crate (it tells ordinal imports from by-name ones;
//!   the hint is never mistaken for an ordinal), map at the preferred base or anywhere and
//!   apply the base relocations, bind the imports, protect the sections, find the TLS
//!   callbacks.
//! * [`imports`] — the resolver: the project's ws2_32/wsock32/mswsock/kernel32 tables plus
//!   the loader's own kernel32/msvcrt shims; an unresolved import is an error.
//! * [`shims`] — the kernel32/msvcrt functions a mingw console program's start-up needs.
//! * [`runtime`] — TEBs through `GS`, running an image on its own thread, `ExitProcess`
//!   ending that thread with the exit code.

pub mod image;
pub mod imports;
pub mod runtime;
pub mod shims;

pub use image::{Image, LoadError, Placement};
pub use runtime::run_image;
