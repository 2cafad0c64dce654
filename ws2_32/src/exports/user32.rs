//! The user32 subset the embedded default host provides (and the porting headers declare):
//! window classes, message-only windows and the message loop, for `WSAAsyncSelect` programs.
//! Native programs link these from `libws2_32.so`; the project's test loader binds a PE
//! image's user32 imports to this table. A loader with its own user32 ignores it and installs
//! its own host, whose `post_message` reaches its windows.
//!
//! The structures and constants are re-exported here for Rust callers and tests.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::{c_char, c_void};

use translate::{BOOL, HANDLE, HWND, LPARAM, WPARAM};

use crate::api::user32 as u;
pub use crate::api::user32::{
    CREATESTRUCTA, ERROR_ACCESS_DENIED, ERROR_CANNOT_FIND_WND_CLASS, ERROR_CLASS_ALREADY_EXISTS,
    ERROR_CLASS_DOES_NOT_EXIST, ERROR_CLASS_HAS_WINDOWS, ERROR_INVALID_INDEX, ERROR_INVALID_THREAD_ID,
    ERROR_INVALID_WINDOW_HANDLE, ERROR_WINDOW_OF_OTHER_THREAD, GWLP_USERDATA, HWND_BROADCAST, HWND_MESSAGE, MSG,
    MWMO_ALERTABLE, MWMO_INPUTAVAILABLE, MWMO_WAITALL, PM_NOREMOVE, PM_NOYIELD, PM_REMOVE, POINT, QS_ALLEVENTS,
    QS_ALLINPUT, QS_ALLPOSTMESSAGE, QS_POSTMESSAGE, WM_CLOSE, WM_CREATE, WM_DESTROY, WM_NCCREATE, WM_NCDESTROY,
    WM_QUIT, WM_USER, WNDCLASSA, WNDCLASSEXA, WNDCLASSEXW, WNDCLASSW,
};

/// `LRESULT` (window procedure results) fails as 0, as user32 does.
impl super::FailValue for isize {
    const FAILED: Self = 0;
}

crate::winsock_exports! {
    @_ fn RegisterClassA(wc: *const WNDCLASSA) -> u16 => [face] u::register_class_a;
    @_ fn RegisterClassW(wc: *const WNDCLASSW) -> u16 => [face] u::register_class_w;
    @_ fn RegisterClassExA(wc: *const WNDCLASSEXA) -> u16 => [face] u::register_class_ex_a;
    @_ fn RegisterClassExW(wc: *const WNDCLASSEXW) -> u16 => [face] u::register_class_ex_w;
    @_ fn UnregisterClassA(name: *const c_char, instance: HANDLE) -> BOOL => u::unregister_class_a;
    @_ fn UnregisterClassW(name: *const u16, instance: HANDLE) -> BOOL => u::unregister_class_w;
    @_ fn CreateWindowExA(ex_style: u32, class: *const c_char, name: *const c_char, style: u32, x: i32, y: i32, cx: i32, cy: i32, parent: HWND, menu: HANDLE, instance: HANDLE, param: *mut c_void) -> HWND => u::create_window_ex_a;
    @_ fn CreateWindowExW(ex_style: u32, class: *const u16, name: *const u16, style: u32, x: i32, y: i32, cx: i32, cy: i32, parent: HWND, menu: HANDLE, instance: HANDLE, param: *mut c_void) -> HWND => u::create_window_ex_w;
    @_ fn DestroyWindow(hwnd: HWND) -> BOOL => u::destroy_window;
    @_ fn IsWindow(hwnd: HWND) -> BOOL => u::is_window;
    @_ fn GetWindowThreadProcessId(hwnd: HWND, pid: *mut u32) -> u32 => u::get_window_thread_process_id;
    @_ fn DefWindowProcA(hwnd: HWND, msg: u32, wparam: WPARAM, lparam: LPARAM) -> isize => u::def_window_proc;
    @_ fn DefWindowProcW(hwnd: HWND, msg: u32, wparam: WPARAM, lparam: LPARAM) -> isize => u::def_window_proc;
    @_ fn GetWindowLongPtrA(hwnd: HWND, index: i32) -> isize => u::get_window_long_ptr;
    @_ fn GetWindowLongPtrW(hwnd: HWND, index: i32) -> isize => u::get_window_long_ptr;
    @_ fn SetWindowLongPtrA(hwnd: HWND, index: i32, value: isize) -> isize => u::set_window_long_ptr;
    @_ fn SetWindowLongPtrW(hwnd: HWND, index: i32, value: isize) -> isize => u::set_window_long_ptr;
    @_ fn PostMessageA(hwnd: HWND, msg: u32, wparam: WPARAM, lparam: LPARAM) -> BOOL => u::post_message;
    @_ fn PostMessageW(hwnd: HWND, msg: u32, wparam: WPARAM, lparam: LPARAM) -> BOOL => u::post_message;
    @_ fn PostThreadMessageA(tid: u32, msg: u32, wparam: WPARAM, lparam: LPARAM) -> BOOL => u::post_thread_message;
    @_ fn PostThreadMessageW(tid: u32, msg: u32, wparam: WPARAM, lparam: LPARAM) -> BOOL => u::post_thread_message;
    @_ fn PostQuitMessage(code: i32) -> () => u::post_quit_message;
    @_ fn GetMessageA(msg: *mut MSG, hwnd: HWND, first: u32, last: u32) -> BOOL => u::get_message;
    @_ fn GetMessageW(msg: *mut MSG, hwnd: HWND, first: u32, last: u32) -> BOOL => u::get_message;
    @_ fn PeekMessageA(msg: *mut MSG, hwnd: HWND, first: u32, last: u32, flags: u32) -> BOOL => u::peek_message;
    @_ fn PeekMessageW(msg: *mut MSG, hwnd: HWND, first: u32, last: u32, flags: u32) -> BOOL => u::peek_message;
    @_ fn TranslateMessage(msg: *const MSG) -> BOOL => u::translate_message;
    @_ fn DispatchMessageA(msg: *const MSG) -> isize => u::dispatch_message;
    @_ fn DispatchMessageW(msg: *const MSG) -> isize => u::dispatch_message;
    @_ fn MsgWaitForMultipleObjects(count: u32, handles: *const HANDLE, wait_all: BOOL, ms: u32, mask: u32) -> u32 => u::msg_wait_for_multiple_objects;
    @_ fn MsgWaitForMultipleObjectsEx(count: u32, handles: *const HANDLE, ms: u32, mask: u32, flags: u32) -> u32 => u::msg_wait_for_multiple_objects_ex;
}
