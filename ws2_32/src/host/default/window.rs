//! Message-only windows, window classes and per-thread message queues: the objects behind
//! `RegisterClass`, `CreateWindowEx`, `PostMessage`, `GetMessage`, `PeekMessage` and
//! `DispatchMessage` (the Win32 surface is `api/user32.rs`), and the target of
//! `WSAAsyncSelect` notifications and `WSAAsyncGetXByY` replies.
//!
//! Why it looks like this: Winsock programs written for `WSAAsyncSelect` need a window only
//! as a mailbox. On Windows a posted message goes to the queue of *the thread that created the
//! window*, whichever thread posts it (the socket engine's reactor, a resolver worker, another
//! application thread) — so each window records its owner [`ThreadObj`], each thread object
//! carries a [`Queue`], and posting wakes the owner's parker: the one thing the thread sleeps
//! on in `GetMessage`, `MsgWaitForMultipleObjects` and every other wait of the default host.
//! Nothing here runs application code; window procedures are called by `api/user32.rs` on the
//! owner thread, in the ABI of the face that registered the class.
//!
//! All windows are message-only (no painting, no input, no parent/child tree). A destroyed
//! window's posted messages are dropped from its owner's queue, as Windows does.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicU16, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};

use super::objects::{self, Object, ThreadObj, current_thread, lock};
use crate::exports::Face;

/// `WM_QUIT`.
pub const WM_QUIT: u32 = 0x0012;

/// A posted message as the queue keeps it (the `MSG` of `api/user32.rs` holds raw pointers,
/// which cannot cross threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posted {
    /// The target window; 0 for a thread message.
    pub hwnd: usize,
    /// The message number.
    pub message: u32,
    /// `wParam`.
    pub wparam: usize,
    /// `lParam`.
    pub lparam: isize,
    /// `GetTickCount()` when posted.
    pub time: u32,
}

/// A thread's message queue (a field of every [`ThreadObj`]): FIFO of posted messages plus
/// the quit flag of `PostQuitMessage`, which is reported only once no other posted message
/// matches (Windows' order).
#[derive(Debug, Default)]
pub struct Queue {
    state: Mutex<QueueState>,
}

#[derive(Debug, Default)]
struct QueueState {
    posted: VecDeque<Posted>,
    /// `PostQuitMessage(code)` pending: the exit code.
    quit: Option<i32>,
}

/// Which messages `GetMessage`/`PeekMessage` may return.
#[derive(Clone, Copy, Debug)]
pub struct Filter {
    /// 0: any; `usize::MAX` (`(HWND)-1`): thread messages only; else that window's messages.
    pub hwnd: usize,
    /// Lowest message number (with `last`: `0, 0` means every message).
    pub first: u32,
    /// Highest message number.
    pub last: u32,
}

impl Filter {
    fn matches(&self, p: &Posted) -> bool {
        let hwnd_ok = match self.hwnd {
            0 => true,
            usize::MAX => p.hwnd == 0,
            h => p.hwnd == h,
        };
        let range_ok = (self.first == 0 && self.last == 0) || (self.first..=self.last).contains(&p.message);
        hwnd_ok && range_ok
    }
}

impl Queue {
    /// Appends `p` (no wake-up: see [`post_to_thread`]).
    fn push(&self, p: Posted) {
        lock(&self.state).posted.push_back(p);
    }

    /// Sets the quit flag.
    fn quit(&self, code: i32) {
        lock(&self.state).quit = Some(code);
    }

    /// The first message `filter` admits (a `WM_QUIT` from the quit flag when nothing else
    /// does), removed when `remove`.
    pub fn take(&self, filter: &Filter, remove: bool) -> Option<Posted> {
        let mut st = lock(&self.state);
        if let Some(i) = st.posted.iter().position(|p| filter.matches(p)) {
            return if remove { st.posted.remove(i) } else { Some(st.posted[i]) };
        }
        let code = st.quit?;
        if remove {
            st.quit = None;
        }
        Some(Posted { hwnd: 0, message: WM_QUIT, wparam: code as isize as usize, lparam: 0, time: tick() })
    }

    /// Whether any posted message (or a quit) is waiting (`QS_POSTMESSAGE`).
    pub fn has_posted(&self) -> bool {
        let st = lock(&self.state);
        !st.posted.is_empty() || st.quit.is_some()
    }

    /// Drops the messages posted to `hwnd` (it was destroyed).
    fn purge(&self, hwnd: usize) {
        lock(&self.state).posted.retain(|p| p.hwnd != hwnd);
    }
}

fn tick() -> u32 {
    crate::api::kernel32::get_tick_count()
}

// ── threads with a queue ────────────────────────────────────────────────────────────────

/// Threads that have used a user32 function, by thread id (`PostThreadMessage` fails with
/// `ERROR_INVALID_THREAD_ID` for a thread that never created its queue, as on Windows).
static QUEUE_THREADS: Mutex<Option<HashMap<u32, Weak<ThreadObj>>>> = Mutex::new(None);

thread_local! {
    static HAS_QUEUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The calling thread's object, its message queue marked as in use.
pub fn queue_thread() -> Arc<ThreadObj> {
    let me = current_thread();
    if !HAS_QUEUE.with(|c| c.replace(true)) {
        let mut m = lock(&QUEUE_THREADS);
        let m = m.get_or_insert_with(HashMap::new);
        m.retain(|_, w| w.strong_count() > 0);
        m.insert(me.id, Arc::downgrade(&me));
    }
    me
}

/// The live thread with id `tid` that has a message queue.
pub fn thread_by_id(tid: u32) -> Option<Arc<ThreadObj>> {
    lock(&QUEUE_THREADS).as_ref().and_then(|m| m.get(&tid)).and_then(Weak::upgrade)
}

/// Queues `p` on `t` and wakes it (from any thread).
pub fn post_to_thread(t: &ThreadObj, p: Posted) {
    t.messages.push(p);
    t.parker.unpark();
}

/// `PostQuitMessage` on the calling thread.
pub fn post_quit(code: i32) {
    let me = queue_thread();
    me.messages.quit(code);
    me.parker.unpark();
}

// ── classes ─────────────────────────────────────────────────────────────────────────────

/// What `DispatchMessage` calls for a class's windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proc {
    /// The built-in `DefWindowProc` (predefined classes such as `"Message"`).
    Default,
    /// The application's `WNDPROC`, in the ABI of the face it was registered through.
    App {
        /// The function's address.
        func: usize,
        /// Its ABI.
        face: Face,
    },
}

/// A registered window class.
#[derive(Debug)]
pub struct Class {
    /// The name, ASCII-lower-cased (class names compare case-insensitively).
    key: String,
    /// The class atom.
    pub atom: u16,
    /// The window procedure.
    pub proc_: Proc,
    /// `cbWndExtra`: bytes of per-window storage for `SetWindowLongPtr(hwnd, n ≥ 0, …)`.
    pub wnd_extra: usize,
    /// Predefined (cannot be unregistered).
    builtin: bool,
    /// Live windows of the class (`UnregisterClass` fails while non-zero).
    windows: AtomicUsize,
}

/// A class name as given to `CreateWindowEx`/`UnregisterClass`: a string or an atom
/// (`MAKEINTATOM`).
#[derive(Clone, Debug)]
pub enum ClassName {
    /// An atom.
    Atom(u16),
    /// A name.
    Name(String),
}

/// Class registration failures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassError {
    /// `ERROR_CLASS_ALREADY_EXISTS`.
    Exists,
    /// `ERROR_CLASS_DOES_NOT_EXIST`.
    Missing,
    /// `ERROR_CLASS_HAS_WINDOWS`.
    HasWindows,
}

/// The predefined classes a message-only window is usually created with.
const BUILTIN_CLASSES: [&str; 2] = ["message", "static"];

static CLASSES: Mutex<Vec<Arc<Class>>> = Mutex::new(Vec::new());
static NEXT_ATOM: AtomicU16 = AtomicU16::new(0xC000);

fn classes() -> std::sync::MutexGuard<'static, Vec<Arc<Class>>> {
    let mut c = lock(&CLASSES);
    if c.is_empty() {
        for name in BUILTIN_CLASSES {
            c.push(Arc::new(Class {
                key: name.to_owned(),
                atom: NEXT_ATOM.fetch_add(1, Ordering::Relaxed),
                proc_: Proc::Default,
                wnd_extra: 0,
                builtin: true,
                windows: AtomicUsize::new(0),
            }));
        }
    }
    c
}

fn find(list: &[Arc<Class>], name: &ClassName) -> Option<usize> {
    list.iter().position(|c| match name {
        ClassName::Atom(a) => c.atom == *a,
        ClassName::Name(n) => c.key.eq_ignore_ascii_case(n),
    })
}

/// `RegisterClass*`: the new class's atom.
pub fn register_class(name: &str, proc_: Proc, wnd_extra: usize) -> Result<u16, ClassError> {
    let mut list = classes();
    if find(&list, &ClassName::Name(name.to_owned())).is_some() {
        return Err(ClassError::Exists);
    }
    let atom = NEXT_ATOM.fetch_add(1, Ordering::Relaxed);
    list.push(Arc::new(Class {
        key: name.to_ascii_lowercase(),
        atom,
        proc_,
        wnd_extra,
        builtin: false,
        windows: AtomicUsize::new(0),
    }));
    Ok(atom)
}

/// `UnregisterClass`.
pub fn unregister_class(name: &ClassName) -> Result<(), ClassError> {
    let mut list = classes();
    let i = find(&list, name).ok_or(ClassError::Missing)?;
    if list[i].builtin {
        return Err(ClassError::Missing);
    }
    if list[i].windows.load(Ordering::Acquire) != 0 {
        return Err(ClassError::HasWindows);
    }
    list.remove(i);
    Ok(())
}

/// The class named `name`.
pub fn class(name: &ClassName) -> Option<Arc<Class>> {
    let list = classes();
    find(&list, name).map(|i| list[i].clone())
}

// ── windows ─────────────────────────────────────────────────────────────────────────────

/// A message-only window.
#[derive(Debug)]
pub struct Window {
    /// The thread that created it: its queue receives the window's messages.
    pub owner: Arc<ThreadObj>,
    /// Its class.
    pub class: Arc<Class>,
    /// `GWLP_USERDATA`.
    pub userdata: AtomicIsize,
    /// The class's `cbWndExtra` bytes.
    pub extra: Mutex<Vec<u8>>,
    /// `DestroyWindow` has begun (a second call while `WM_DESTROY` runs does nothing).
    pub destroying: AtomicBool,
}

/// Creates a window of `class` owned by the calling thread; returns its handle.
pub fn create(class: Arc<Class>) -> usize {
    class.windows.fetch_add(1, Ordering::AcqRel);
    let extra = vec![0; class.wnd_extra];
    let w = Window {
        owner: queue_thread(),
        class,
        userdata: AtomicIsize::new(0),
        extra: Mutex::new(extra),
        destroying: AtomicBool::new(false),
    };
    objects::insert(Object::Window(Arc::new(w)))
}

/// The window named by `hwnd`.
pub fn window(hwnd: usize) -> Option<Arc<Window>> {
    match objects::get(hwnd)? {
        Object::Window(w) => Some(w),
        _ => None,
    }
}

/// Removes a window from the handle table and its pending messages from its owner's queue
/// (after `api/user32.rs` has sent `WM_DESTROY`/`WM_NCDESTROY`).
pub fn remove(hwnd: usize) {
    if let Some(Object::Window(w)) = objects::remove(hwnd) {
        w.owner.messages.purge(hwnd);
        w.class.windows.fetch_sub(1, Ordering::AcqRel);
    }
}

/// `PostMessage` into `hwnd`'s owner's queue (from any thread); `false` if `hwnd` is not a
/// window.
pub fn post_message(hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> bool {
    let Some(w) = window(hwnd) else { return false };
    post_to_thread(&w.owner, Posted { hwnd, message: msg, wparam, lparam, time: tick() });
    true
}
