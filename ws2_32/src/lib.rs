//! The Winsock engine and the `ws2_32.dll` surface.
//!
//! * [`api`] — the DLL surface, one module per theme (argument checks, Windows errors).
//! * [`engine`] — socket table, sockets, blocking waits.
//! * [`host`] — the host interface (last error, handles, kernel objects) and its default.
//! * [`exports`] — the export tables and the two-face export macro.

pub(crate) mod api;
pub(crate) mod engine;
pub mod exports;
pub mod host;
mod sys;

pub use exports::ws2_32::native;
