//! The wsock32.dll surface, for Rust users: its export table (Windows ordinals, forwards to
//! ws2_32/mswsock, the Winsock 1.1 `getsockopt`/`setsockopt`, `WSARecvEx`, …).
//!
//! DESIGN property 1 (one engine per process) is why this crate holds no code of its own:
//! the wsock32-only functions are compiled into the engine crate (`ws2_32::exports::wsock32`)
//! under distinct ELF names, and the native `libwsock32.so` is a GNU ld linker script
//! (`INPUT(-lws2_32)`) that this crate's build script writes next to `libws2_32.so`, so a C
//! program linking `-lwsock32` gets the single engine.

#[cfg(target_arch = "x86_64")]
pub use ws2_32::exports::wsock32::EXPORTS;
pub use ws2_32::exports::wsock32::own::native;
