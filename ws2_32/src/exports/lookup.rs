//! Finding exports the way a loader asks for them: a DLL name as an import table spells it
//! (`WS2_32.dll`, `wsock32`, any case, with or without `.dll`) and a function name or ordinal.
//!
//! [`lookup_export`]/[`lookup_ordinal`] return the table row (a forward stays a forward, so a
//! loader with its own kernel32 can resolve `kernel32.SetEvent` itself); [`resolve_name`]/
//! [`resolve_ordinal`] follow forwards inside the project's own DLLs down to a win64 entry
//! point. The C accessors `ws2_32_win64_proc_by_name`/`ws2_32_win64_proc_by_ordinal` are the
//! latter for loaders written in C.
#![cfg(target_arch = "x86_64")]

use core::ffi::{CStr, c_char, c_void};

use super::{Export, FarProc, Target};

/// The project's DLLs and their tables.
static TABLES: &[(&str, &[Export])] = &[
    ("ws2_32", super::ws2_32::EXPORTS),
    ("wsock32", super::wsock32::EXPORTS),
    ("mswsock", super::mswsock::EXPORTS),
    ("kernel32", super::kernel32::EXPORTS),
    ("user32", super::user32::EXPORTS),
];

/// The DLL names [`table`] knows, lower case without `.dll`.
pub fn dll_names() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|&(n, _)| n)
}

/// `WS2_32.dll` → `ws2_32`: lower case, `.dll` suffix removed.
fn normalise(dll: &str) -> String {
    let lower = dll.to_ascii_lowercase();
    match lower.strip_suffix(".dll") {
        Some(stem) => stem.to_owned(),
        None => lower,
    }
}

/// The export table of a DLL (case-insensitive, with or without `.dll`).
pub fn table(dll: &str) -> Option<&'static [Export]> {
    let want = normalise(dll);
    TABLES.iter().find(|&&(n, _)| n == want).map(|&(_, t)| t)
}

/// A DLL's export by name (exact, case-sensitive, as `GetProcAddress`).
pub fn lookup_export(dll: &str, name: &str) -> Option<&'static Export> {
    super::by_name(table(dll)?, name)
}

/// A DLL's export by ordinal.
pub fn lookup_ordinal(dll: &str, ordinal: u16) -> Option<&'static Export> {
    super::by_ordinal(table(dll)?, ordinal)
}

/// Follows a row to a win64 entry point through forwards inside the project's DLLs
/// (`ws2_32.accept`, `kernel32.SetEvent`, `mswsock.AcceptEx`); `None` when a forward leaves
/// them or its target does not exist.
pub fn follow(export: &'static Export) -> Option<FarProc> {
    let mut e = export;
    for _ in 0..8 {
        match e.target {
            Target::Proc(p) => return Some(p),
            Target::Forward(to) => {
                let (dll, name) = to.split_once('.')?;
                e = lookup_export(dll, name)?;
            }
        }
    }
    None
}

/// The win64 entry point of `dll!name`, forwards followed.
pub fn resolve_name(dll: &str, name: &str) -> Option<FarProc> {
    follow(lookup_export(dll, name)?)
}

/// The win64 entry point of `dll!#ordinal`, forwards followed.
pub fn resolve_ordinal(dll: &str, ordinal: u16) -> Option<FarProc> {
    follow(lookup_ordinal(dll, ordinal)?)
}

/// # Safety
/// `p` NULL or a C string.
unsafe fn c_str<'a>(p: *const c_char) -> Option<&'a str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a NUL-terminated string, per the caller.
    unsafe { CStr::from_ptr(p) }.to_str().ok()
}

/// C: the win64 entry point (`FARPROC`) of `dll!name`, forwards inside the project's DLLs
/// followed; NULL when there is none.
///
/// # Safety
/// `dll` and `name` must be NULL or C strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ws2_32_win64_proc_by_name(dll: *const c_char, name: *const c_char) -> *const c_void {
    // SAFETY: per the caller.
    let (Some(dll), Some(name)) = (unsafe { c_str(dll) }, unsafe { c_str(name) }) else {
        return std::ptr::null();
    };
    resolve_name(dll, name).map_or(std::ptr::null(), |p| p as *const c_void)
}

/// C: the win64 entry point of `dll!#ordinal`; NULL when there is none.
///
/// # Safety
/// `dll` must be NULL or a C string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ws2_32_win64_proc_by_ordinal(dll: *const c_char, ordinal: u16) -> *const c_void {
    // SAFETY: per the caller.
    let Some(dll) = (unsafe { c_str(dll) }) else { return std::ptr::null() };
    resolve_ordinal(dll, ordinal).map_or(std::ptr::null(), |p| p as *const c_void)
}
