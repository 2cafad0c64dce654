//! The socket table: `SOCKET` handle values → live [`Socket`]s.
//!
//! Handle values come from the host (they share the handle space with events, threads and
//! completion ports) and are never reused while stale, so a closed `SOCKET` keeps failing
//! with `WSAENOTSOCK` even after the kernel reuses its fd number (DESIGN property 6).
//! Lookups take a read lock and clone an `Arc`: a call in flight keeps its socket (and fd)
//! alive even if another thread closes it meanwhile, so an fd is never closed under a
//! running syscall and never reaches an unrelated file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, RwLock};

use translate::{SOCKET, WSAENOTSOCK, WsaError};

use super::Socket;
use super::startup;

/// Handle values are distinct multiples of 4: a multiplicative hash spreads them well.
#[derive(Default)]
struct HandleHasher(u64);

impl Hasher for HandleHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, v: usize) {
        self.0 = ((v as u64) >> 2).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Map = HashMap<SOCKET, Arc<Socket>, BuildHasherDefault<HandleHasher>>;

static TABLE: RwLock<Option<Map>> = RwLock::new(None);

/// The live socket named by `handle`: `WSANOTINITIALISED` before `WSAStartup`,
/// `WSAENOTSOCK` for anything that is not an open socket.
#[inline]
pub fn get(handle: SOCKET) -> Result<Arc<Socket>, WsaError> {
    startup::ensure()?;
    let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
    table.as_ref().and_then(|m| m.get(&handle)).cloned().ok_or(WsaError(WSAENOTSOCK))
}

/// The live sockets named by `handles` (one lock for the whole batch): `WSAENOTSOCK` if any
/// is not an open socket.
pub fn get_many(handles: impl Iterator<Item = SOCKET>) -> Result<Vec<Arc<Socket>>, WsaError> {
    startup::ensure()?;
    let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
    let map = table.as_ref().ok_or(WsaError(WSAENOTSOCK))?;
    handles.map(|h| map.get(&h).cloned().ok_or(WsaError(WSAENOTSOCK))).collect()
}

/// The live socket named by `handle`, without the start-up check (for the reactor).
pub fn lookup(handle: SOCKET) -> Option<Arc<Socket>> {
    let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
    table.as_ref().and_then(|m| m.get(&handle)).cloned()
}

/// Whether `handle` names an open socket (no startup check).
pub fn contains(handle: SOCKET) -> bool {
    let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
    table.as_ref().is_some_and(|m| m.contains_key(&handle))
}

/// Adds a newly created socket.
pub fn insert(sock: Arc<Socket>) {
    let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(Map::default).insert(sock.handle, sock);
}

/// Removes `handle`; the caller then closes the returned socket.
pub fn remove(handle: SOCKET) -> Option<Arc<Socket>> {
    let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
    table.as_mut().and_then(|m| m.remove(&handle))
}

/// Removes every socket (the last `WSACleanup`).
pub fn drain() -> Vec<Arc<Socket>> {
    let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
    table.as_mut().map(|m| m.drain().map(|(_, s)| s).collect()).unwrap_or_default()
}

/// Number of open sockets (for tests and leak checks).
pub fn len() -> usize {
    let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
    table.as_ref().map_or(0, |m| m.len())
}
