//! The default host's kernel objects and their handle table: events, threads (with their APC
//! queues), and I/O completion ports. Window objects live in [`super::window`].
//!
//! Handles share one value space with sockets (allocated by [`super::DefaultHost::alloc_handle`]),
//! as on Windows, so `CloseHandle` can tell them apart and a stale handle never names a newer
//! object.

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use super::parker::{Parker, Waiters};

/// Locks a mutex, ignoring poisoning (a panic elsewhere must not wedge the kernel objects).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The signalled state shared by events and thread handles.
#[derive(Debug, Default)]
pub struct SignalState {
    /// Whether the object is signalled.
    pub signaled: bool,
    /// Manual-reset (stays signalled after a wait) vs auto-reset (a wait consumes it).
    pub manual: bool,
    /// Threads waiting on the object.
    pub waiters: Waiters,
}

/// A waitable object: an event, or a thread's exit.
#[derive(Debug, Default)]
pub struct Signal {
    /// Guarded state.
    pub state: Mutex<SignalState>,
}

impl Signal {
    /// A new signal.
    pub fn new(manual: bool, signaled: bool) -> Arc<Signal> {
        Arc::new(Signal { state: Mutex::new(SignalState { signaled, manual, waiters: Waiters::default() }) })
    }

    /// `SetEvent`.
    pub fn set(&self) {
        let mut st = lock(&self.state);
        st.signaled = true;
        st.waiters.wake_all();
    }

    /// `ResetEvent`.
    pub fn reset(&self) {
        lock(&self.state).signaled = false;
    }
}

/// A user APC: a native function and its argument.
pub type Apc = (crate::host::ApcFn, usize);

/// A thread as the host sees it: its parker, its APC queue, and its exit signal.
#[derive(Debug)]
pub struct ThreadObj {
    /// What the thread sleeps on in every wait.
    pub parker: Arc<Parker>,
    /// Pending user APCs.
    pub apcs: Mutex<VecDeque<Apc>>,
    /// Signalled when the thread exits (thread handles are waitable).
    pub exit: Arc<Signal>,
    /// The exit code once exited (`STILL_ACTIVE` before).
    pub exit_code: Mutex<Option<u32>>,
    /// `GetCurrentThreadId`.
    pub id: u32,
    /// Posted window and thread messages (`PostMessage`, `GetMessage`; see [`super::window`]).
    pub messages: super::window::Queue,
    /// The thread's socket-wait waker, once it has made a blocking socket call: an APC must
    /// also interrupt a blocking `recv`/`accept`/`select`, which are alertable on Windows.
    socket_waker: Mutex<Option<Arc<crate::engine::waker::ThreadWaker>>>,
}

impl ThreadObj {
    fn new() -> Arc<ThreadObj> {
        Arc::new(ThreadObj {
            parker: Parker::new(),
            apcs: Mutex::new(VecDeque::new()),
            exit: Signal::new(true, false),
            exit_code: Mutex::new(None),
            id: next_thread_id(),
            messages: super::window::Queue::default(),
            socket_waker: Mutex::new(None),
        })
    }

    /// Queues an APC and wakes the thread if it waits.
    pub fn queue_apc(&self, apc: Apc) {
        lock(&self.apcs).push_back(apc);
        self.parker.unpark();
        if let Some(w) = lock(&self.socket_waker).as_ref() {
            w.wake();
        }
        if let Some(r) = crate::engine::reactor::running() {
            r.nudge_leader();
        }
    }

    /// Records (or forgets) the thread's socket-wait waker.
    pub fn set_socket_waker(&self, w: Option<Arc<crate::engine::waker::ThreadWaker>>) {
        *lock(&self.socket_waker) = w;
    }

    /// Whether APCs are pending.
    pub fn has_apcs(&self) -> bool {
        !lock(&self.apcs).is_empty()
    }

    /// Runs every pending APC on the calling thread (which must be this thread); returns
    /// how many ran.
    pub fn run_apcs(&self) -> usize {
        let mut n = 0;
        loop {
            let next = lock(&self.apcs).pop_front();
            let Some((f, ctx)) = next else { return n };
            // SAFETY: APC functions are the engine's own native trampolines (or the
            // application's routine wrapped by QueueUserAPC) and run on their target thread.
            unsafe { f(ctx) };
            n += 1;
        }
    }
}

fn next_thread_id() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0x100);
    NEXT.fetch_add(4, std::sync::atomic::Ordering::Relaxed)
}

thread_local! {
    static CURRENT: std::cell::OnceCell<Arc<ThreadObj>> = const { std::cell::OnceCell::new() };
}

static THREADS: Mutex<Option<HashMap<usize, Weak<ThreadObj>>>> = Mutex::new(None);

/// The calling thread's object, created on first use (threads the host did not create
/// included).
pub fn current_thread() -> Arc<ThreadObj> {
    CURRENT
        .try_with(|c| {
            c.get_or_init(|| {
                let t = ThreadObj::new();
                lock(&THREADS).get_or_insert_with(HashMap::new).insert(token(&t), Arc::downgrade(&t));
                t
            })
            .clone()
        })
        .unwrap_or_else(|_| ThreadObj::new())
}

/// Makes `t` the calling thread's object (for threads started by `CreateThread`, whose
/// handle already names `t`).
pub fn adopt_current(t: &Arc<ThreadObj>) {
    let _ = CURRENT.try_with(|c| c.set(t.clone()));
    lock(&THREADS).get_or_insert_with(HashMap::new).insert(token(t), Arc::downgrade(t));
}

/// A thread object for a thread about to be started.
pub fn new_thread() -> Arc<ThreadObj> {
    ThreadObj::new()
}

/// The calling thread's token (see [`token`]), cached: operations record their issuing
/// thread, so this is on the fast path.
pub fn current_token() -> usize {
    thread_local! {
        static TOKEN: Cell<usize> = const { Cell::new(0) };
    }
    TOKEN
        .try_with(|t| {
            if t.get() == 0 {
                t.set(token(&current_thread()));
            }
            t.get()
        })
        .unwrap_or_else(|_| token(&current_thread()))
}

/// The opaque token naming a thread for [`crate::host::Host::queue_apc`].
pub fn token(t: &Arc<ThreadObj>) -> usize {
    Arc::as_ptr(t) as usize
}

/// The live thread named by `token`.
pub fn thread_by_token(token: usize) -> Option<Arc<ThreadObj>> {
    lock(&THREADS).as_ref().and_then(|m| m.get(&token)).and_then(Weak::upgrade)
}

/// A completion packet.
#[derive(Clone, Copy, Debug)]
pub struct Packet {
    /// NTSTATUS of the I/O (0 for `PostQueuedCompletionStatus`).
    pub status: i32,
    /// Bytes transferred.
    pub bytes: u32,
    /// Completion key.
    pub key: usize,
    /// The `OVERLAPPED` pointer (any value for posted packets).
    pub overlapped: usize,
}

/// An I/O completion port.
#[derive(Debug, Default)]
pub struct Port {
    /// Queued packets and waiting threads.
    pub state: Mutex<PortState>,
}

/// A port's guarded state.
#[derive(Debug, Default)]
pub struct PortState {
    /// FIFO of packets.
    pub packets: VecDeque<Packet>,
    /// Threads in `GetQueuedCompletionStatus`, released LIFO.
    pub waiters: Waiters,
    /// Set by `CloseHandle`: waiters fail with `ERROR_ABANDONED_WAIT_0`.
    pub closed: bool,
}

impl Port {
    /// Queues a packet and releases one waiting thread.
    pub fn post(&self, p: Packet) {
        {
            let mut st = lock(&self.state);
            st.packets.push_back(p);
            st.waiters.wake_last();
        }
        // The waiter may be leading the reactor (blocked in the poller, not on its parker).
        if let Some(r) = crate::engine::reactor::running() {
            r.nudge_leader();
        }
    }
}

/// Anything the default host's handle table can name.
#[derive(Clone, Debug)]
pub enum Object {
    /// An event (`CreateEvent`, `WSACreateEvent`).
    Event(Arc<Signal>),
    /// A thread (`CreateThread`).
    Thread(Arc<ThreadObj>),
    /// A completion port.
    Port(Arc<Port>),
    /// A message-only window.
    Window(Arc<super::window::Window>),
}

static OBJECTS: crate::shard::ShardedMap<Object> = crate::shard::ShardedMap::new();

/// Enters `obj` under a fresh handle.
pub fn insert(obj: Object) -> usize {
    let h = super::DEFAULT_HOST.alloc_handle();
    OBJECTS.insert(h, obj);
    h
}

/// The object named by `h`.
pub fn get(h: usize) -> Option<Object> {
    OBJECTS.get(h)
}

/// Removes `h`.
pub fn remove(h: usize) -> Option<Object> {
    OBJECTS.remove(h)
}

/// The event named by `h`.
pub fn event(h: usize) -> Option<Arc<Signal>> {
    match get(h)? {
        Object::Event(e) => Some(e),
        _ => None,
    }
}

/// The port named by `h`.
pub fn port(h: usize) -> Option<Arc<Port>> {
    match get(h)? {
        Object::Port(p) => Some(p),
        _ => None,
    }
}

/// The waitable signal behind `h` (event or thread), with the pseudo-handle for the current
/// thread resolved.
pub fn waitable(h: usize) -> Option<Arc<Signal>> {
    match get(h)? {
        Object::Event(e) => Some(e),
        Object::Thread(t) => Some(t.exit.clone()),
        _ => None,
    }
}
