//! The mswsock.dll surface, for Rust users: its export table (`AcceptEx`,
//! `GetAcceptExSockaddrs`, `TransmitFile` through ws2_32's extension functions, `WSARecvEx`,
//! `EnumProtocols`, and the provider/service entry points as Windows-error stubs).
//!
//! As for wsock32, the code lives in the engine crate (one engine per process) and the
//! native `libmswsock.so` is a linker script (`INPUT(-lws2_32)`) written by the build script.

#[cfg(target_arch = "x86_64")]
pub use ws2_32::exports::mswsock::EXPORTS;
