//! The user32 subset the embedded default host provides (and the porting headers declare):
//! window classes, message-only windows, per-thread message queues and the message loop —
//! what a `WSAAsyncSelect` program needs (`RegisterClassEx`, `CreateWindowEx(…, HWND_MESSAGE,
//! …)`, `GetMessage`/`PeekMessage`/`DispatchMessage`, `PostMessage`, `PostQuitMessage`,
//! `MsgWaitForMultipleObjects`).
//!
//! The objects live in `host/default/window.rs`; this file is the Win32 surface: argument
//! checks, Win32 error codes, the A/W string flavours, and calling window procedures in the
//! ABI of the face the class was registered through. Everything that calls application code
//! (`DispatchMessage`, `CreateWindowEx`'s `WM_NCCREATE`/`WM_CREATE`, `DestroyWindow`'s
//! `WM_DESTROY`/`WM_NCDESTROY`) runs on the calling thread, which for `DispatchMessage` is
//! the window's owner — the one whose queue the message came from.
//!
//! Not provided: `SendMessage` (cross-thread sent messages need the owner to pump them),
//! timers, painting and input, parent/child windows, `GWLP_WNDPROC` subclassing.

#![allow(non_snake_case, non_camel_case_types)]

use core::ffi::{c_char, c_void};
use std::mem::{offset_of, size_of};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use translate::{
    BOOL, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, HANDLE, HWND, LPARAM, MAXIMUM_WAIT_OBJECTS,
    WAIT_FAILED, WAIT_OBJECT_0, WPARAM,
};

use crate::exports::Face;
use crate::host::default::objects::{self, current_thread};
use crate::host::default::wait;
use crate::host::default::window::{self, Class, ClassError, ClassName, Filter, Posted, Proc};
use crate::host::host;
use crate::sys::Deadline;

// ── constants (values from mingw-w64's winuser.h / winerror.h) ─────────────────────────

/// `WM_CREATE`.
pub const WM_CREATE: u32 = 0x0001;
/// `WM_DESTROY`.
pub const WM_DESTROY: u32 = 0x0002;
/// `WM_CLOSE`.
pub const WM_CLOSE: u32 = 0x0010;
/// `WM_QUIT`.
pub const WM_QUIT: u32 = window::WM_QUIT;
/// `WM_NCCREATE`.
pub const WM_NCCREATE: u32 = 0x0081;
/// `WM_NCDESTROY`.
pub const WM_NCDESTROY: u32 = 0x0082;
/// `WM_USER`: the first private message number.
pub const WM_USER: u32 = 0x0400;
/// `PM_NOREMOVE`.
pub const PM_NOREMOVE: u32 = 0x0000;
/// `PM_REMOVE`.
pub const PM_REMOVE: u32 = 0x0001;
/// `PM_NOYIELD` (ignored).
pub const PM_NOYIELD: u32 = 0x0002;
/// `QS_POSTMESSAGE`.
pub const QS_POSTMESSAGE: u32 = 0x0008;
/// `QS_ALLPOSTMESSAGE`.
pub const QS_ALLPOSTMESSAGE: u32 = 0x0100;
/// `QS_ALLEVENTS`.
pub const QS_ALLEVENTS: u32 = 0x04bf;
/// `QS_ALLINPUT`.
pub const QS_ALLINPUT: u32 = 0x04ff;
/// `MWMO_WAITALL`.
pub const MWMO_WAITALL: u32 = 0x0001;
/// `MWMO_ALERTABLE`.
pub const MWMO_ALERTABLE: u32 = 0x0002;
/// `MWMO_INPUTAVAILABLE`.
pub const MWMO_INPUTAVAILABLE: u32 = 0x0004;
/// `HWND_MESSAGE`: the parent that makes a window message-only.
pub const HWND_MESSAGE: HWND = -3isize as HWND;
/// `HWND_BROADCAST`: `PostMessage` to every top-level window (message-only windows are not
/// among them, so nothing is posted).
pub const HWND_BROADCAST: HWND = 0xffff as HWND;
/// `GWLP_USERDATA`.
pub const GWLP_USERDATA: i32 = -21;
/// `ERROR_ACCESS_DENIED`.
pub const ERROR_ACCESS_DENIED: i32 = 5;
/// `ERROR_INVALID_WINDOW_HANDLE`.
pub const ERROR_INVALID_WINDOW_HANDLE: i32 = 1400;
/// `ERROR_CANNOT_FIND_WND_CLASS`.
pub const ERROR_CANNOT_FIND_WND_CLASS: i32 = 1407;
/// `ERROR_WINDOW_OF_OTHER_THREAD`.
pub const ERROR_WINDOW_OF_OTHER_THREAD: i32 = 1408;
/// `ERROR_CLASS_ALREADY_EXISTS`.
pub const ERROR_CLASS_ALREADY_EXISTS: i32 = 1410;
/// `ERROR_CLASS_DOES_NOT_EXIST`.
pub const ERROR_CLASS_DOES_NOT_EXIST: i32 = 1411;
/// `ERROR_CLASS_HAS_WINDOWS`.
pub const ERROR_CLASS_HAS_WINDOWS: i32 = 1412;
/// `ERROR_INVALID_INDEX`.
pub const ERROR_INVALID_INDEX: i32 = 1413;
/// `ERROR_INVALID_THREAD_ID`.
pub const ERROR_INVALID_THREAD_ID: i32 = 1444;

/// `GetCurrentThread()`'s pseudo-handle (waitable in `MsgWaitForMultipleObjects`).
const CURRENT_THREAD: usize = usize::MAX - 1;

// ── structures (Windows x64 layouts, checked against mingw-w64's winuser.h) ────────────

/// `POINT`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct POINT {
    /// x.
    pub x: i32,
    /// y.
    pub y: i32,
}
const _: () = assert!(size_of::<POINT>() == 8 && offset_of!(POINT, y) == 4);

/// `MSG`: a queued message.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct MSG {
    /// The target window (NULL for a thread message).
    pub hwnd: HWND,
    /// The message number.
    pub message: u32,
    /// `wParam`.
    pub wParam: WPARAM,
    /// `lParam`.
    pub lParam: LPARAM,
    /// `GetTickCount()` when posted.
    pub time: u32,
    /// Cursor position when posted (always 0, 0 here).
    pub pt: POINT,
}
const _: () = assert!(size_of::<MSG>() == 48);
const _: () = assert!(offset_of!(MSG, message) == 8 && offset_of!(MSG, wParam) == 16 && offset_of!(MSG, lParam) == 24);
const _: () = assert!(offset_of!(MSG, time) == 32 && offset_of!(MSG, pt) == 36);

impl Default for MSG {
    fn default() -> Self {
        MSG { hwnd: std::ptr::null_mut(), message: 0, wParam: 0, lParam: 0, time: 0, pt: POINT::default() }
    }
}

impl From<Posted> for MSG {
    fn from(p: Posted) -> Self {
        MSG {
            hwnd: p.hwnd as HWND,
            message: p.message,
            wParam: p.wparam,
            lParam: p.lparam,
            time: p.time,
            pt: POINT::default(),
        }
    }
}

macro_rules! wndclass {
    ($(#[$doc:meta])* $name:ident, $ch:ty) => {
        $(#[$doc])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            /// `CS_*` styles (ignored).
            pub style: u32,
            /// The `WNDPROC`, in the caller's ABI.
            pub lpfnWndProc: *mut c_void,
            /// Extra class bytes (ignored).
            pub cbClsExtra: i32,
            /// Extra bytes per window, for `SetWindowLongPtr(hwnd, n ≥ 0, …)`.
            pub cbWndExtra: i32,
            /// Module (ignored: classes are process-wide).
            pub hInstance: HANDLE,
            /// Ignored.
            pub hIcon: HANDLE,
            /// Ignored.
            pub hCursor: HANDLE,
            /// Ignored.
            pub hbrBackground: HANDLE,
            /// Ignored.
            pub lpszMenuName: *const $ch,
            /// The class name (or an atom, `MAKEINTATOM`).
            pub lpszClassName: *const $ch,
        }
        const _: () = assert!(size_of::<$name>() == 72);
        const _: () = assert!(offset_of!($name, lpfnWndProc) == 8 && offset_of!($name, cbWndExtra) == 20);
        const _: () = assert!(offset_of!($name, hInstance) == 24 && offset_of!($name, lpszClassName) == 64);
    };
}

macro_rules! wndclassex {
    ($(#[$doc:meta])* $name:ident, $ch:ty) => {
        $(#[$doc])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            /// `sizeof` the structure (80).
            pub cbSize: u32,
            /// `CS_*` styles (ignored).
            pub style: u32,
            /// The `WNDPROC`, in the caller's ABI.
            pub lpfnWndProc: *mut c_void,
            /// Extra class bytes (ignored).
            pub cbClsExtra: i32,
            /// Extra bytes per window, for `SetWindowLongPtr(hwnd, n ≥ 0, …)`.
            pub cbWndExtra: i32,
            /// Module (ignored: classes are process-wide).
            pub hInstance: HANDLE,
            /// Ignored.
            pub hIcon: HANDLE,
            /// Ignored.
            pub hCursor: HANDLE,
            /// Ignored.
            pub hbrBackground: HANDLE,
            /// Ignored.
            pub lpszMenuName: *const $ch,
            /// The class name (or an atom, `MAKEINTATOM`).
            pub lpszClassName: *const $ch,
            /// Ignored.
            pub hIconSm: HANDLE,
        }
        const _: () = assert!(size_of::<$name>() == 80);
        const _: () = assert!(offset_of!($name, style) == 4 && offset_of!($name, lpfnWndProc) == 8);
        const _: () = assert!(offset_of!($name, cbWndExtra) == 20 && offset_of!($name, hInstance) == 24);
        const _: () = assert!(offset_of!($name, lpszClassName) == 64 && offset_of!($name, hIconSm) == 72);
    };
}

wndclass!(
    /// `WNDCLASSA`.
    WNDCLASSA, c_char
);
wndclass!(
    /// `WNDCLASSW`.
    WNDCLASSW, u16
);
wndclassex!(
    /// `WNDCLASSEXA`.
    WNDCLASSEXA, c_char
);
wndclassex!(
    /// `WNDCLASSEXW`.
    WNDCLASSEXW, u16
);

/// `CREATESTRUCTA` (`CREATESTRUCTW` has the same layout with `WCHAR` strings): the `lParam`
/// of `WM_NCCREATE` and `WM_CREATE`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CREATESTRUCTA {
    /// `CreateWindowEx`'s `lpParam`.
    pub lpCreateParams: *mut c_void,
    /// `hInstance`.
    pub hInstance: HANDLE,
    /// `hMenu`.
    pub hMenu: HANDLE,
    /// `hWndParent`.
    pub hwndParent: HWND,
    /// Height.
    pub cy: i32,
    /// Width.
    pub cx: i32,
    /// y.
    pub y: i32,
    /// x.
    pub x: i32,
    /// `WS_*` style.
    pub style: i32,
    /// The window name.
    pub lpszName: *const c_char,
    /// The class name.
    pub lpszClass: *const c_char,
    /// `WS_EX_*` style.
    pub dwExStyle: u32,
}
const _: () = assert!(size_of::<CREATESTRUCTA>() == 80 && offset_of!(CREATESTRUCTA, hwndParent) == 24);
const _: () = assert!(offset_of!(CREATESTRUCTA, cy) == 32 && offset_of!(CREATESTRUCTA, x) == 44);
const _: () = assert!(offset_of!(CREATESTRUCTA, style) == 48 && offset_of!(CREATESTRUCTA, lpszName) == 56);
const _: () = assert!(offset_of!(CREATESTRUCTA, lpszClass) == 64 && offset_of!(CREATESTRUCTA, dwExStyle) == 72);

// ── helpers ─────────────────────────────────────────────────────────────────────────────

fn set_error(code: i32) {
    host().set_last_error(code as u32);
}

fn fail<T: Default>(code: i32) -> T {
    set_error(code);
    T::default()
}

/// Narrow (`…A`) or wide (`…W`) strings.
#[derive(Clone, Copy, Debug)]
enum Chars {
    Ansi,
    Wide,
}

/// A NUL-terminated string of either flavour, as Rust text.
///
/// # Safety
/// `p` must be non-NULL and NUL-terminated in the flavour's code units.
unsafe fn text(p: *const c_void, chars: Chars) -> String {
    match chars {
        // SAFETY: NUL-terminated narrow string, per the caller.
        Chars::Ansi => unsafe { std::ffi::CStr::from_ptr(p.cast()) }.to_string_lossy().into_owned(),
        Chars::Wide => {
            let w = p.cast::<u16>();
            let mut n = 0;
            // SAFETY: NUL-terminated, so every unit up to the NUL is readable.
            while unsafe { *w.add(n) } != 0 {
                n += 1;
            }
            // SAFETY: `n` readable units.
            String::from_utf16_lossy(unsafe { std::slice::from_raw_parts(w, n) })
        }
    }
}

/// A class name argument: NULL → `None`, a value below 0x10000 → an atom (`MAKEINTATOM`).
///
/// # Safety
/// Otherwise `p` must be a NUL-terminated string of the flavour.
unsafe fn class_name(p: *const c_void, chars: Chars) -> Option<ClassName> {
    match p as usize {
        0 => None,
        // SAFETY: `MAKEINTATOM` values are never dereferenced.
        a if a < 0x10000 => Some(ClassName::Atom(a as u16)),
        // SAFETY: a string, per the caller.
        _ => Some(ClassName::Name(unsafe { text(p, chars) })),
    }
}

/// Calls `class`'s window procedure (or `DefWindowProc`) in its registration ABI.
fn call_proc(class: &Class, hwnd: usize, msg: u32, w: WPARAM, l: LPARAM) -> isize {
    match class.proc_ {
        Proc::Default => def_window_proc(hwnd as HWND, msg, w, l),
        Proc::App { func, face: Face::Native } => {
            // SAFETY: registered through the native face as a `WNDPROC` (System V ABI).
            let f: unsafe extern "C" fn(HWND, u32, WPARAM, LPARAM) -> isize = unsafe { std::mem::transmute(func) };
            // SAFETY: running the application's window procedure on the calling thread.
            unsafe { f(hwnd as HWND, msg, w, l) }
        }
        #[cfg(target_arch = "x86_64")]
        Proc::App { func, face: Face::Win64 } => {
            // SAFETY: registered through the PE face as a `WNDPROC` (Microsoft x64 ABI).
            let f: unsafe extern "win64" fn(HWND, u32, WPARAM, LPARAM) -> isize = unsafe { std::mem::transmute(func) };
            // SAFETY: as above.
            unsafe { f(hwnd as HWND, msg, w, l) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        Proc::App { face: Face::Win64, .. } => 0,
    }
}

fn class_error(e: ClassError) -> i32 {
    match e {
        ClassError::Exists => ERROR_CLASS_ALREADY_EXISTS,
        ClassError::Missing => ERROR_CLASS_DOES_NOT_EXIST,
        ClassError::HasWindows => ERROR_CLASS_HAS_WINDOWS,
    }
}

// ── classes ─────────────────────────────────────────────────────────────────────────────

/// The fields of a `WNDCLASS*` that matter here.
fn register(face: Face, proc_: *mut c_void, wnd_extra: i32, name: *const c_void, chars: Chars) -> u16 {
    if proc_.is_null() || wnd_extra < 0 || (name as usize) < 0x10000 {
        return fail(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: a non-atom class name is a NUL-terminated string (the caller's contract).
    let name = unsafe { text(name, chars) };
    match window::register_class(&name, Proc::App { func: proc_ as usize, face }, wnd_extra as usize) {
        Ok(atom) => {
            log::debug!(target: "ws2_32::user32", "registered class {name:?} as atom {atom:#x} ({face:?})");
            atom
        }
        Err(e) => fail(class_error(e)),
    }
}

macro_rules! register_fns {
    ($($(#[$doc:meta])* $fn:ident($ty:ty, $chars:expr, $size:expr);)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// `wc` must be NULL or point to a readable structure whose class name is a string.
        pub unsafe fn $fn(face: Face, wc: *const $ty) -> u16 {
            // SAFETY: NULL or readable, per the caller.
            let Some(wc) = (unsafe { wc.as_ref() }) else { return fail(ERROR_NOACCESS) };
            let declared: fn(&$ty) -> usize = $size;
            if declared(wc) != size_of::<$ty>() {
                return fail(ERROR_INVALID_PARAMETER);
            }
            register(face, wc.lpfnWndProc, wc.cbWndExtra, wc.lpszClassName.cast(), $chars)
        }
    )*};
}

register_fns! {
    /// `RegisterClassA`: returns the class atom (0 on failure).
    register_class_a(WNDCLASSA, Chars::Ansi, |_| size_of::<WNDCLASSA>());
    /// `RegisterClassW`.
    register_class_w(WNDCLASSW, Chars::Wide, |_| size_of::<WNDCLASSW>());
    /// `RegisterClassExA` (`cbSize` must be 80, else `ERROR_INVALID_PARAMETER`).
    register_class_ex_a(WNDCLASSEXA, Chars::Ansi, |wc| wc.cbSize as usize);
    /// `RegisterClassExW`.
    register_class_ex_w(WNDCLASSEXW, Chars::Wide, |wc| wc.cbSize as usize);
}

fn unregister(name: *const c_void, chars: Chars) -> BOOL {
    // SAFETY: the caller passes a string or an atom.
    let Some(name) = (unsafe { class_name(name, chars) }) else { return fail(ERROR_CLASS_DOES_NOT_EXIST) };
    match window::unregister_class(&name) {
        Ok(()) => 1,
        Err(e) => fail(class_error(e)),
    }
}

/// `UnregisterClassA` (the module handle is ignored).
///
/// # Safety
/// `name` is an atom or a NUL-terminated string.
pub unsafe fn unregister_class_a(name: *const c_char, _instance: HANDLE) -> BOOL {
    unregister(name.cast(), Chars::Ansi)
}

/// `UnregisterClassW`.
///
/// # Safety
/// As [`unregister_class_a`].
pub unsafe fn unregister_class_w(name: *const u16, _instance: HANDLE) -> BOOL {
    unregister(name.cast(), Chars::Wide)
}

// ── windows ─────────────────────────────────────────────────────────────────────────────

/// The arguments of `CreateWindowEx` after the class.
#[derive(Clone, Copy)]
struct Create {
    ex_style: u32,
    name: *const c_void,
    style: u32,
    x: i32,
    y: i32,
    cx: i32,
    cy: i32,
    parent: HWND,
    menu: HANDLE,
    instance: HANDLE,
    param: *mut c_void,
}

fn create_window(class_ptr: *const c_void, chars: Chars, c: Create) -> HWND {
    // SAFETY: the caller passes a string or an atom.
    let Some(class) = (unsafe { class_name(class_ptr, chars) }).and_then(|n| window::class(&n)) else {
        return fail::<usize>(ERROR_CANNOT_FIND_WND_CLASS) as HWND;
    };
    let parent = c.parent as usize;
    if parent != 0 && c.parent != HWND_MESSAGE && window::window(parent).is_none() {
        return fail::<usize>(ERROR_INVALID_WINDOW_HANDLE) as HWND;
    }
    let hwnd = window::create(class.clone());
    let cs = CREATESTRUCTA {
        lpCreateParams: c.param,
        hInstance: c.instance,
        hMenu: c.menu,
        hwndParent: c.parent,
        cy: c.cy,
        cx: c.cx,
        y: c.y,
        x: c.x,
        style: c.style as i32,
        lpszName: c.name.cast(),
        lpszClass: class_ptr.cast(),
        dwExStyle: c.ex_style,
    };
    let lp = &cs as *const CREATESTRUCTA as LPARAM;
    if call_proc(&class, hwnd, WM_NCCREATE, 0, lp) == 0 {
        call_proc(&class, hwnd, WM_NCDESTROY, 0, 0);
        window::remove(hwnd);
        return std::ptr::null_mut();
    }
    if call_proc(&class, hwnd, WM_CREATE, 0, lp) == -1 {
        destroy_window(hwnd as HWND);
        return std::ptr::null_mut();
    }
    log::debug!(target: "ws2_32::user32", "created window {hwnd:#x}");
    hwnd as HWND
}

/// `CreateWindowExA`: every window is message-only; the parent must be NULL, `HWND_MESSAGE`
/// or a window. Sends `WM_NCCREATE` (0 fails the creation) and `WM_CREATE` (-1 fails it).
///
/// # Safety
/// `class` an atom or a NUL-terminated string; `name` NULL or NUL-terminated.
#[allow(clippy::too_many_arguments)]
pub unsafe fn create_window_ex_a(
    ex_style: u32,
    class: *const c_char,
    name: *const c_char,
    style: u32,
    x: i32,
    y: i32,
    cx: i32,
    cy: i32,
    parent: HWND,
    menu: HANDLE,
    instance: HANDLE,
    param: *mut c_void,
) -> HWND {
    let c = Create { ex_style, name: name.cast(), style, x, y, cx, cy, parent, menu, instance, param };
    create_window(class.cast(), Chars::Ansi, c)
}

/// `CreateWindowExW`.
///
/// # Safety
/// As [`create_window_ex_a`], with wide strings.
#[allow(clippy::too_many_arguments)]
pub unsafe fn create_window_ex_w(
    ex_style: u32,
    class: *const u16,
    name: *const u16,
    style: u32,
    x: i32,
    y: i32,
    cx: i32,
    cy: i32,
    parent: HWND,
    menu: HANDLE,
    instance: HANDLE,
    param: *mut c_void,
) -> HWND {
    let c = Create { ex_style, name: name.cast(), style, x, y, cx, cy, parent, menu, instance, param };
    create_window(class.cast(), Chars::Wide, c)
}

/// `DestroyWindow`: only the owner thread may destroy a window (`ERROR_ACCESS_DENIED`);
/// sends `WM_DESTROY` and `WM_NCDESTROY`, then drops the window's queued messages.
pub fn destroy_window(hwnd: HWND) -> BOOL {
    let h = hwnd as usize;
    let Some(w) = window::window(h) else { return fail(ERROR_INVALID_WINDOW_HANDLE) };
    if !Arc::ptr_eq(&w.owner, &current_thread()) {
        return fail(ERROR_ACCESS_DENIED);
    }
    if w.destroying.swap(true, Ordering::AcqRel) {
        return 1;
    }
    call_proc(&w.class, h, WM_DESTROY, 0, 0);
    call_proc(&w.class, h, WM_NCDESTROY, 0, 0);
    window::remove(h);
    1
}

/// `IsWindow`.
pub fn is_window(hwnd: HWND) -> BOOL {
    BOOL::from(window::window(hwnd as usize).is_some())
}

/// `GetWindowThreadProcessId`: the owner thread's id (0 for a bad window).
///
/// # Safety
/// `pid` NULL or writable.
pub unsafe fn get_window_thread_process_id(hwnd: HWND, pid: *mut u32) -> u32 {
    let Some(w) = window::window(hwnd as usize) else { return fail(ERROR_INVALID_WINDOW_HANDLE) };
    if !pid.is_null() {
        // SAFETY: writable, per the caller.
        unsafe { pid.write_unaligned(std::process::id()) };
    }
    w.owner.id
}

/// `DefWindowProcA`/`W`: `TRUE` for `WM_NCCREATE`, `DestroyWindow` for `WM_CLOSE`, else 0.
pub fn def_window_proc(hwnd: HWND, msg: u32, _w: WPARAM, _l: LPARAM) -> isize {
    match msg {
        WM_NCCREATE => 1,
        WM_CLOSE => {
            destroy_window(hwnd);
            0
        }
        _ => 0,
    }
}

/// `GetWindowLongPtrA`/`W`: `GWLP_USERDATA` or an offset into the `cbWndExtra` bytes.
pub fn get_window_long_ptr(hwnd: HWND, index: i32) -> isize {
    window_long(hwnd, index, None)
}

/// `SetWindowLongPtrA`/`W`: returns the previous value (0 with the last error untouched when
/// it was 0, as Windows does).
pub fn set_window_long_ptr(hwnd: HWND, index: i32, value: isize) -> isize {
    window_long(hwnd, index, Some(value))
}

fn window_long(hwnd: HWND, index: i32, new: Option<isize>) -> isize {
    let Some(w) = window::window(hwnd as usize) else { return fail(ERROR_INVALID_WINDOW_HANDLE) };
    if index == GWLP_USERDATA {
        return match new {
            Some(v) => w.userdata.swap(v, Ordering::AcqRel),
            None => w.userdata.load(Ordering::Acquire),
        };
    }
    let mut extra = objects::lock(&w.extra);
    let n = size_of::<isize>();
    let Some(slot) = usize::try_from(index).ok().and_then(|i| extra.get_mut(i..i.checked_add(n)?)) else {
        return fail(ERROR_INVALID_INDEX);
    };
    let old = isize::from_ne_bytes(slot.try_into().expect("pointer-sized slot"));
    if let Some(v) = new {
        slot.copy_from_slice(&v.to_ne_bytes());
    }
    old
}

// ── posting ─────────────────────────────────────────────────────────────────────────────

/// `PostMessageA`/`W`: into the queue of the thread that owns `hwnd` (NULL: the calling
/// thread, as a thread message), from any thread.
pub fn post_message(hwnd: HWND, msg: u32, w: WPARAM, l: LPARAM) -> BOOL {
    match hwnd as usize {
        0 => {
            let me = window::queue_thread();
            let time = crate::api::kernel32::get_tick_count();
            window::post_to_thread(&me, Posted { hwnd: 0, message: msg, wparam: w, lparam: l, time });
            1
        }
        0xffff => 1,
        h if window::post_message(h, msg, w, l) => 1,
        _ => fail(ERROR_INVALID_WINDOW_HANDLE),
    }
}

/// `PostThreadMessageA`/`W`: `ERROR_INVALID_THREAD_ID` unless the thread has a message queue
/// (has called a user32 function).
pub fn post_thread_message(tid: u32, msg: u32, w: WPARAM, l: LPARAM) -> BOOL {
    let Some(t) = window::thread_by_id(tid) else { return fail(ERROR_INVALID_THREAD_ID) };
    let time = crate::api::kernel32::get_tick_count();
    window::post_to_thread(&t, Posted { hwnd: 0, message: msg, wparam: w, lparam: l, time });
    1
}

/// `PostQuitMessage`: `GetMessage` returns 0 once no other message is queued.
pub fn post_quit_message(code: i32) {
    window::post_quit(code);
}

// ── retrieving ──────────────────────────────────────────────────────────────────────────

/// Checks the window filter of `GetMessage`/`PeekMessage`.
fn filter(hwnd: HWND, first: u32, last: u32) -> Result<Filter, i32> {
    let h = hwnd as usize;
    if h != 0 && h != usize::MAX && window::window(h).is_none() {
        return Err(ERROR_INVALID_WINDOW_HANDLE);
    }
    Ok(Filter { hwnd: h, first, last })
}

/// `GetMessageA`/`W`: waits for a message matching the filters (`hwnd` NULL: any; `-1`: thread
/// messages; `first`/`last` both 0: any number); returns 0 for `WM_QUIT`, -1 on error.
/// Not alertable (APCs stay queued).
///
/// # Safety
/// `msg` must be NULL or writable.
pub unsafe fn get_message(msg: *mut MSG, hwnd: HWND, first: u32, last: u32) -> BOOL {
    if msg.is_null() {
        set_error(ERROR_NOACCESS);
        return -1;
    }
    let f = match filter(hwnd, first, last) {
        Ok(f) => f,
        Err(e) => {
            set_error(e);
            return -1;
        }
    };
    let me = window::queue_thread();
    loop {
        me.parker.clear();
        if let Some(p) = me.messages.take(&f, true) {
            // SAFETY: non-NULL and writable, per the caller.
            unsafe { msg.write_unaligned(MSG::from(p)) };
            return BOOL::from(p.message != WM_QUIT);
        }
        me.parker.park(Deadline::NEVER);
    }
}

/// `PeekMessageA`/`W`: the first matching message, if any (`PM_REMOVE` takes it off the
/// queue; `PM_NOYIELD` and `PM_QS_*` are ignored).
///
/// # Safety
/// `msg` must be NULL or writable.
pub unsafe fn peek_message(msg: *mut MSG, hwnd: HWND, first: u32, last: u32, flags: u32) -> BOOL {
    if msg.is_null() {
        return fail(ERROR_NOACCESS);
    }
    let f = match filter(hwnd, first, last) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    match window::queue_thread().messages.take(&f, flags & PM_REMOVE != 0) {
        Some(p) => {
            // SAFETY: non-NULL and writable, per the caller.
            unsafe { msg.write_unaligned(MSG::from(p)) };
            1
        }
        None => 0,
    }
}

/// `TranslateMessage`: there is no keyboard input, so nothing is ever translated (FALSE, as
/// Windows returns for every non-key message).
pub fn translate_message(_msg: *const MSG) -> BOOL {
    0
}

/// `DispatchMessageA`/`W`: calls the window's procedure with the message and returns its
/// result (0 for a thread message or a bad window).
///
/// # Safety
/// `msg` must be NULL or readable.
pub unsafe fn dispatch_message(msg: *const MSG) -> isize {
    if msg.is_null() {
        return fail(ERROR_NOACCESS);
    }
    // SAFETY: non-NULL and readable, per the caller.
    let m = unsafe { msg.read_unaligned() };
    if m.hwnd.is_null() {
        return 0;
    }
    let Some(w) = window::window(m.hwnd as usize) else { return fail(ERROR_INVALID_WINDOW_HANDLE) };
    if !Arc::ptr_eq(&w.owner, &current_thread()) {
        return fail(ERROR_WINDOW_OF_OTHER_THREAD);
    }
    call_proc(&w.class, m.hwnd as usize, m.message, m.wParam, m.lParam)
}

/// `MsgWaitForMultipleObjectsEx`: waits for the handles or, when `mask` has
/// `QS_POSTMESSAGE`/`QS_ALLPOSTMESSAGE`, for a posted message in the calling thread's queue
/// (`WAIT_OBJECT_0 + count`). A message already queued counts, whether or not it has been
/// seen (the `MWMO_INPUTAVAILABLE` behaviour); with `MWMO_WAITALL` a message still ends the
/// wait on its own.
///
/// # Safety
/// `handles` must point to `count` readable handles (may be NULL when `count` is 0).
pub unsafe fn msg_wait_for_multiple_objects_ex(
    count: u32,
    handles: *const HANDLE,
    ms: u32,
    mask: u32,
    flags: u32,
) -> u32 {
    if count as usize >= MAXIMUM_WAIT_OBJECTS || (count > 0 && handles.is_null()) {
        set_error(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    let hs: &[HANDLE] = if count == 0 {
        &[]
    } else {
        // SAFETY: `count` readable handles, per the caller.
        unsafe { std::slice::from_raw_parts(handles, count as usize) }
    };
    let mut objs = Vec::with_capacity(hs.len());
    for &h in hs {
        let o = if h as usize == CURRENT_THREAD {
            Some(current_thread().exit.clone())
        } else {
            objects::waitable(h as usize)
        };
        match o {
            Some(o) => objs.push(o),
            None => {
                set_error(ERROR_INVALID_HANDLE);
                return WAIT_FAILED;
            }
        }
    }
    let me = window::queue_thread();
    let watch = mask & (QS_POSTMESSAGE | QS_ALLPOSTMESSAGE) != 0;
    let ready = || watch && me.messages.has_posted();
    let wait_all = flags & MWMO_WAITALL != 0 && count > 0;
    wait::wait_or(
        &objs,
        wait_all,
        Deadline::after_dword_ms(ms),
        flags & MWMO_ALERTABLE != 0,
        Some((&ready, WAIT_OBJECT_0 + count)),
    )
}

/// `MsgWaitForMultipleObjects`.
///
/// # Safety
/// As [`msg_wait_for_multiple_objects_ex`].
pub unsafe fn msg_wait_for_multiple_objects(
    count: u32,
    handles: *const HANDLE,
    wait_all: BOOL,
    ms: u32,
    mask: u32,
) -> u32 {
    let flags = if wait_all != 0 { MWMO_WAITALL } else { 0 };
    // SAFETY: forwarded caller contract.
    unsafe { msg_wait_for_multiple_objects_ex(count, handles, ms, mask, flags) }
}
