//! Pure Windows x64 (LLP64) Winsock ABI: the `#[repr(C)]` types, the constants, and every
//! Windows ↔ POSIX conversion the three DLL surfaces need.
//!
//! Nothing here performs I/O or holds global state: the crate is a dictionary between two
//! worlds. The `ws2_32` engine calls it on every operation, so conversions are plain `match`
//! tables and `const` data — no allocation, no locks.
//!
//! * [`abi`] — the Windows types exactly as the x64 Windows SDK lays them out (mingw-w64's
//!   headers are the oracle; see `tests/oracle`).
//! * [`consts`] — Windows constant values (`AF_INET6` is 23, `SOL_SOCKET` is `0xffff`, …).
//! * [`error`] — `WsaError`, and errno / `EAI_*` / `h_errno` / NTSTATUS → Windows error codes.
//! * [`sockaddr`] — Windows `SOCKADDR*` ↔ host `sockaddr*`, with Windows length rules.
//! * [`sockopt`] — `(level, option)` → host option, with value conversion.
//! * [`flags`] — `MSG_*`, `shutdown` how, `AI_*`/`NI_*`, `POLL*` bit conversions.
//!
//! Conventions: Windows names are kept verbatim (`WSADATA`, `SOCKADDR_IN6`, `WSAEWOULDBLOCK`)
//! so code reads like the Microsoft documentation; host values come from `libc`.
#![deny(missing_docs)]
#![allow(non_camel_case_types, non_snake_case, clippy::upper_case_acronyms)]

pub mod abi;
pub mod consts;
pub mod error;
pub mod flags;
pub mod sockaddr;
pub mod sockopt;

pub use abi::*;
pub use consts::*;
pub use error::WsaError;
