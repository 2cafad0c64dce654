//! A handle-keyed map split into independently locked shards.
//!
//! Every Winsock call looks its `SOCKET` up, and every completion its port: with one lock for
//! the whole table, threads working on different sockets would still bounce that lock's cache
//! line between CPUs on every call. Handles are distinct multiples of 4 handed out in
//! sequence, so `handle / 4 % SHARDS` spreads them evenly.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

const SHARDS: usize = 64;

/// Handle values are distinct multiples of 4: a multiplicative hash spreads them well.
#[derive(Default)]
pub struct HandleHasher(u64);

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

type Shard<V> = RwLock<Option<HashMap<usize, V, BuildHasherDefault<HandleHasher>>>>;

/// See the module docs.
#[derive(Debug)]
pub struct ShardedMap<V> {
    shards: [Shard<V>; SHARDS],
}

impl<V: Clone> ShardedMap<V> {
    /// An empty map (usable in a `static`).
    pub const fn new() -> Self {
        ShardedMap { shards: [const { RwLock::new(None) }; SHARDS] }
    }

    fn shard(&self, h: usize) -> &Shard<V> {
        &self.shards[(h >> 2) % SHARDS]
    }

    fn read(&self, h: usize) -> RwLockReadGuard<'_, Option<HashMap<usize, V, BuildHasherDefault<HandleHasher>>>> {
        self.shard(h).read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self, h: usize) -> RwLockWriteGuard<'_, Option<HashMap<usize, V, BuildHasherDefault<HandleHasher>>>> {
        self.shard(h).write().unwrap_or_else(|e| e.into_inner())
    }

    /// The value for `h`, cloned.
    #[inline]
    pub fn get(&self, h: usize) -> Option<V> {
        self.read(h).as_ref().and_then(|m| m.get(&h)).cloned()
    }

    /// Whether `h` is present.
    pub fn contains(&self, h: usize) -> bool {
        self.read(h).as_ref().is_some_and(|m| m.contains_key(&h))
    }

    /// Inserts (or replaces) `h`.
    pub fn insert(&self, h: usize, v: V) {
        self.write(h).get_or_insert_with(HashMap::default).insert(h, v);
    }

    /// Removes `h`.
    pub fn remove(&self, h: usize) -> Option<V> {
        self.write(h).as_mut().and_then(|m| m.remove(&h))
    }

    /// Removes everything.
    pub fn drain(&self) -> Vec<V> {
        let mut out = Vec::new();
        for s in &self.shards {
            if let Some(m) = s.write().unwrap_or_else(|e| e.into_inner()).as_mut() {
                out.extend(m.drain().map(|(_, v)| v));
            }
        }
        out
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| s.read().unwrap_or_else(|e| e.into_inner()).as_ref().map_or(0, |m| m.len())).sum()
    }
}
