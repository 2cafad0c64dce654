//! The Winsock engine and the `ws2_32.dll` surface, for Linux and the BSDs.
//!
//! Three ways in:
//! * **Native C ABI** — `libws2_32.so` exports every ws2_32 function (names libc also has are
//!   prefixed `ws2_32_`; the porting headers in `include/` bind the Windows names to them),
//!   plus the kernel32/user32 subset of the embedded default host and the extension functions.
//!   From Rust the same symbols are [`native`] (and `exports::<dll>::native`).
//! * **PE face** — [`exports`] holds one table per DLL (`ws2_32`, `kernel32`, extension
//!   functions, …) of `extern "win64"` entry points with their Windows names and ordinals, for
//!   loaders that bind a Windows executable's imports.
//! * **Host interface** — [`host`]: a loader plugs its own kernel objects in (events,
//!   completion ports, APCs, window messages, last error); otherwise the embedded default host
//!   provides them in-process.
//!
//! Inside, `api/` holds the DLL surface (one file per theme: argument checks in Windows'
//! order, Windows error codes), and `engine/` the machinery: the socket table, blocking waits,
//! the reactor on `polling`, the overlapped-operation lifecycle and network-event notification.
//! The module pages of `engine::reactor` and `engine::overlapped` explain the design.

pub(crate) mod api;
pub(crate) mod engine;
pub mod exports;
pub mod host;
mod shard;
mod sys;

pub use exports::ws2_32::native;

/// Number of sockets currently open in the engine (for leak checks in tests and tools).
pub fn open_socket_count() -> usize {
    engine::table::len()
}
