//! Closed sockets that still flush buffered send data.
//!
//! A non-blocking `send` reports its whole buffer sent and the engine keeps what the kernel
//! did not take (see `OpKind::SendBuffered`). `closesocket` is graceful on Windows: that data
//! still goes out. So a socket closed with buffered data leaves the table (its handle is
//! dead at once) but stays here, registered with the reactor, until its writes drain; then
//! it is released and its fd closed.

use std::sync::Arc;

use super::Socket;
use crate::shard::ShardedMap;

static LINGERING: ShardedMap<Arc<Socket>> = ShardedMap::new();

/// Keeps a closed socket until its buffered writes are out.
pub fn keep(sock: Arc<Socket>) {
    LINGERING.insert(sock.handle, sock);
}

/// A lingering socket by handle (for the reactor).
pub fn lookup(handle: usize) -> Option<Arc<Socket>> {
    LINGERING.get(handle)
}

/// Lets go of a socket whose writes have drained.
pub fn release(handle: usize) {
    LINGERING.remove(handle);
}
