//! Message-only windows and their message queues (`RegisterClass`, `CreateWindowEx`,
//! `PostMessage`, `GetMessage`, `PeekMessage`, `DispatchMessage`), the target of
//! `WSAAsyncSelect` notifications. (Being written.)

/// A window.
#[derive(Debug, Default)]
pub struct Window {}

/// `PostMessage` into `hwnd`'s queue. (Being written: always fails for now.)
pub fn post_message(_hwnd: usize, _msg: u32, _wparam: usize, _lparam: isize) -> bool {
    false
}
