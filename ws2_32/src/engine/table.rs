//! The socket table: `SOCKET` handle values → live [`Socket`]s.
//!
//! Handle values come from the host (they share the handle space with events, threads and
//! completion ports) and are never reused while stale, so a closed `SOCKET` keeps failing
//! with `WSAENOTSOCK` even after the kernel reuses its fd number (DESIGN property 6).
//! Lookups take a read lock and clone an `Arc`: a call in flight keeps its socket (and fd)
//! alive even if another thread closes it meanwhile, so an fd is never closed under a
//! running syscall and never reaches an unrelated file.

use std::sync::Arc;

use translate::{SOCKET, WSAENOTSOCK, WsaError};

use super::Socket;
use super::startup;
use crate::shard::ShardedMap;

static TABLE: ShardedMap<Arc<Socket>> = ShardedMap::new();

/// The live socket named by `handle`: `WSANOTINITIALISED` before `WSAStartup`,
/// `WSAENOTSOCK` for anything that is not an open socket.
#[inline]
pub fn get(handle: SOCKET) -> Result<Arc<Socket>, WsaError> {
    startup::ensure()?;
    TABLE.get(handle).ok_or(WsaError(WSAENOTSOCK))
}

/// The live socket named by `handle`, without the start-up check (for the reactor).
pub fn lookup(handle: SOCKET) -> Option<Arc<Socket>> {
    TABLE.get(handle)
}

/// Whether `handle` names an open socket (no startup check).
pub fn contains(handle: SOCKET) -> bool {
    TABLE.contains(handle)
}

/// Adds a newly created socket.
pub fn insert(sock: Arc<Socket>) {
    TABLE.insert(sock.handle, sock);
}

/// Removes `handle`; the caller then closes the returned socket.
pub fn remove(handle: SOCKET) -> Option<Arc<Socket>> {
    TABLE.remove(handle)
}

/// Removes every socket (the last `WSACleanup`).
pub fn drain() -> Vec<Arc<Socket>> {
    TABLE.drain()
}

/// Number of open sockets (for tests and leak checks).
pub fn len() -> usize {
    TABLE.len()
}
