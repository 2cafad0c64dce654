//! The kernel32 and msvcrt functions a mingw console program's start-up and our test
//! programs need beyond the project's tables (abi-and-loader-notes §13, §15): console
//! output, `ExitProcess`, `CreateThread` with a TEB, critical sections, TLS slots, memory
//! queries, and a minimal msvcrt (heap, strings, stdio as the mingw CRT drives it, argv,
//! `atexit`, `_initterm`). Every function is `extern "win64"`: the image calls it directly.
//!
//! Formatted output is done by mingw's own `printf` inside the image (Debian's mingw
//! defaults to `__USE_MINGW_ANSI_STDIO=1`); it reaches us as `fputc`/`fwrite` on the
//! `__iob_func()` streams. The msvcrt `printf` family here only serves error paths: it writes
//! the format string unformatted.

#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::{c_char, c_void};
use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;
use std::ffi::CString;
use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use ws2_32::exports::kernel32::native as k32;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

// ── console output ──────────────────────────────────────────────────────────────────────

/// Pseudo handles of the standard streams: odd, so never a socket (multiples of 4).
const STD_HANDLE_BASE: usize = 0x1_0000_0001;

static OUT: Mutex<[Vec<u8>; 3]> = Mutex::new([Vec::new(), Vec::new(), Vec::new()]);

fn write_fd(fd: usize, bytes: &[u8]) {
    let mut out = lock(&OUT);
    let Some(buf) = out.get_mut(fd) else { return };
    buf.extend_from_slice(bytes);
    if buf.contains(&b'\n') || buf.len() > 4096 {
        flush_one(fd as i32, buf);
    }
}

fn flush_one(fd: i32, buf: &mut Vec<u8>) {
    let mut rest: &[u8] = buf;
    while !rest.is_empty() {
        // SAFETY: writing our own buffer to a standard fd.
        let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if n <= 0 {
            break;
        }
        rest = &rest[n as usize..];
    }
    buf.clear();
}

/// Writes out anything buffered for stdout/stderr.
pub fn flush_output() {
    let mut out = lock(&OUT);
    for (fd, buf) in out.iter_mut().enumerate() {
        flush_one(fd as i32, buf);
    }
}

// ── argv ────────────────────────────────────────────────────────────────────────────────

struct Args {
    argc: i32,
    argv: usize,
    envp: usize,
    cmdline: usize,
}

static ARGS: OnceLock<Args> = OnceLock::new();
static INITENV: AtomicPtr<*mut c_char> = AtomicPtr::new(std::ptr::null_mut());
static ACMDLN: AtomicPtr<c_char> = AtomicPtr::new(std::ptr::null_mut());
static FMODE: AtomicI32 = AtomicI32::new(0);
static COMMODE: AtomicI32 = AtomicI32::new(0);

fn leak_cstr(s: &str) -> *mut c_char {
    CString::new(s.replace('\0', "")).unwrap_or_default().into_raw()
}

/// Sets the program's argv (and an empty environment) for `__getmainargs`/`_acmdln`.
pub fn set_args(args: Vec<String>) {
    let mut v: Vec<*mut c_char> = args.iter().map(|a| leak_cstr(a)).collect();
    v.push(std::ptr::null_mut());
    let env: Vec<*mut c_char> = vec![std::ptr::null_mut()];
    let argv = Box::leak(v.into_boxed_slice()).as_mut_ptr();
    let envp = Box::leak(env.into_boxed_slice()).as_mut_ptr();
    let cmdline = leak_cstr(&args.join(" "));
    INITENV.store(envp, Ordering::SeqCst);
    ACMDLN.store(cmdline, Ordering::SeqCst);
    let _ =
        ARGS.set(Args { argc: args.len() as i32, argv: argv as usize, envp: envp as usize, cmdline: cmdline as usize });
}

// ── recursive locks (critical sections, msvcrt _lock) ───────────────────────────────────

#[derive(Default)]
struct RecLock {
    state: Mutex<(i64, u32)>,
    cv: Condvar,
}

static LOCKS: Mutex<Option<HashMap<usize, Arc<RecLock>>>> = Mutex::new(None);

fn rec_lock(key: usize) -> Arc<RecLock> {
    lock(&LOCKS).get_or_insert_with(HashMap::new).entry(key).or_default().clone()
}

fn tid() -> i64 {
    // SAFETY: gettid has no preconditions.
    i64::from(unsafe { libc::gettid() })
}

fn enter(key: usize) {
    let l = rec_lock(key);
    let me = tid();
    let mut g = lock(&l.state);
    while g.1 != 0 && g.0 != me {
        g = l.cv.wait(g).unwrap_or_else(|e| e.into_inner());
    }
    *g = (me, g.1 + 1);
}

fn leave(key: usize) {
    let l = rec_lock(key);
    let mut g = lock(&l.state);
    if g.1 > 0 {
        g.1 -= 1;
        if g.1 == 0 {
            g.0 = 0;
            l.cv.notify_one();
        }
    }
}

// ── kernel32 ────────────────────────────────────────────────────────────────────────────

unsafe extern "win64" fn ExitProcess(code: u32) {
    super::runtime::exit_process(code)
}

unsafe extern "win64" fn GetStdHandle(which: u32) -> usize {
    match which as i32 {
        -10 => STD_HANDLE_BASE,
        -11 => STD_HANDLE_BASE + 4,
        -12 => STD_HANDLE_BASE + 8,
        _ => usize::MAX,
    }
}

unsafe extern "win64" fn WriteFile(h: usize, buf: *const u8, len: u32, written: *mut u32, ov: *mut c_void) -> i32 {
    if (STD_HANDLE_BASE..STD_HANDLE_BASE + 12).contains(&h) {
        let fd = (h - STD_HANDLE_BASE) / 4;
        if !buf.is_null() {
            // SAFETY: the caller's buffer of `len` bytes.
            write_fd(fd, unsafe { std::slice::from_raw_parts(buf, len as usize) });
        }
        if !written.is_null() {
            // SAFETY: caller-provided out pointer.
            unsafe { written.write_unaligned(len) };
        }
        return 1;
    }
    // SAFETY: a socket (or other project handle): the project's WriteFile.
    unsafe { k32::WriteFile(h as _, buf, len, written, ov.cast()) }
}

unsafe extern "win64" fn GetEnvironmentVariableA(_name: *const c_char, _buf: *mut c_char, _size: u32) -> u32 {
    ws2_32::host::host().set_last_error(203); // ERROR_ENVVAR_NOT_FOUND: a hermetic environment
    0
}

struct ThreadStart {
    func: usize,
    param: usize,
}

unsafe extern "C" fn thread_trampoline(arg: usize) -> u32 {
    // SAFETY: the Box leaked by CreateThread below.
    let s = unsafe { Box::from_raw(arg as *mut ThreadStart) };
    super::runtime::enter_created_thread();
    // SAFETY: the application's LPTHREAD_START_ROUTINE, win64 ABI.
    unsafe { std::mem::transmute::<usize, unsafe extern "win64" fn(usize) -> u32>(s.func)(s.param) }
}

unsafe extern "win64" fn CreateThread(
    attrs: *mut c_void,
    stack: usize,
    start: usize,
    param: usize,
    flags: u32,
    tid: *mut u32,
) -> usize {
    let arg = Box::into_raw(Box::new(ThreadStart { func: start, param })) as usize;
    // SAFETY: the project's CreateThread with a native start routine that gives the new
    // thread its TEB before calling the PE routine.
    let h =
        unsafe { k32::CreateThread(attrs, stack, thread_trampoline as *mut c_void, arg as *mut c_void, flags, tid) };
    if h.is_null() {
        // SAFETY: not handed to any thread.
        drop(unsafe { Box::from_raw(arg as *mut ThreadStart) });
    }
    h as usize
}

unsafe extern "win64" fn InitializeCriticalSection(_cs: *mut c_void) {}
unsafe extern "win64" fn DeleteCriticalSection(_cs: *mut c_void) {}
unsafe extern "win64" fn EnterCriticalSection(cs: *mut c_void) {
    enter(cs as usize);
}
unsafe extern "win64" fn LeaveCriticalSection(cs: *mut c_void) {
    leave(cs as usize);
}

unsafe extern "win64" fn GetStartupInfoA(info: *mut u8) {
    if !info.is_null() {
        // SAFETY: a STARTUPINFOA is 104 bytes; `cb` first.
        unsafe {
            std::ptr::write_bytes(info, 0, 104);
            info.cast::<u32>().write_unaligned(104);
        }
    }
}

unsafe extern "win64" fn IsDBCSLeadByteEx(_cp: u32, _c: u8) -> i32 {
    0
}

unsafe extern "win64" fn SetUnhandledExceptionFilter(_f: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

thread_local! {
    static TLS_SLOTS: UnsafeCell<[usize; 64]> = const { UnsafeCell::new([0; 64]) };
    static ERRNO: Cell<i32> = const { Cell::new(0) };
}
static NEXT_TLS: AtomicU32 = AtomicU32::new(0);

unsafe extern "win64" fn TlsAlloc() -> u32 {
    let i = NEXT_TLS.fetch_add(1, Ordering::SeqCst);
    if i < 64 { i } else { u32::MAX }
}
unsafe extern "win64" fn TlsFree(_i: u32) -> i32 {
    1
}
unsafe extern "win64" fn TlsGetValue(i: u32) -> usize {
    // SAFETY: this thread's slots; no reference escapes.
    TLS_SLOTS.with(|s| unsafe { (*s.get()).get(i as usize).copied().unwrap_or(0) })
}
unsafe extern "win64" fn TlsSetValue(i: u32, v: usize) -> i32 {
    // SAFETY: as above.
    TLS_SLOTS.with(|s| unsafe { (*s.get()).get_mut(i as usize).map(|slot| *slot = v).is_some() as i32 })
}

unsafe extern "win64" fn MultiByteToWideChar(
    _cp: u32,
    _f: u32,
    src: *const u8,
    len: i32,
    dst: *mut u16,
    cap: i32,
) -> i32 {
    if src.is_null() {
        return 0;
    }
    // SAFETY: a NUL-terminated string (len -1) or `len` bytes, per the caller.
    let n = if len < 0 { (unsafe { libc::strlen(src.cast()) }) + 1 } else { len as usize };
    if cap == 0 {
        return n as i32;
    }
    let n = n.min(cap as usize);
    for i in 0..n {
        // SAFETY: within both buffers (bytes widen one to one).
        unsafe { dst.add(i).write_unaligned(u16::from(*src.add(i))) };
    }
    n as i32
}

#[allow(clippy::too_many_arguments)]
unsafe extern "win64" fn WideCharToMultiByte(
    _cp: u32,
    _f: u32,
    src: *const u16,
    len: i32,
    dst: *mut u8,
    cap: i32,
    _def: *const c_char,
    _used: *mut i32,
) -> i32 {
    if src.is_null() {
        return 0;
    }
    let n = if len < 0 {
        let mut i = 0;
        // SAFETY: NUL-terminated, per the caller.
        while unsafe { src.add(i).read_unaligned() } != 0 {
            i += 1;
        }
        i + 1
    } else {
        len as usize
    };
    if cap == 0 {
        return n as i32;
    }
    let n = n.min(cap as usize);
    for i in 0..n {
        // SAFETY: within both buffers.
        let c = unsafe { src.add(i).read_unaligned() };
        // SAFETY: as above.
        unsafe { dst.add(i).write(if c < 0x100 { c as u8 } else { b'?' }) };
    }
    n as i32
}

unsafe extern "win64" fn VirtualQuery(addr: usize, info: *mut u8, len: usize) -> usize {
    if info.is_null() || len < 48 {
        return 0;
    }
    let page = addr & !0xfff;
    // SAFETY: a MEMORY_BASIC_INFORMATION (48 bytes), per the caller.
    unsafe {
        std::ptr::write_bytes(info, 0, 48);
        (info as *mut usize).write_unaligned(page);
        (info.add(8) as *mut usize).write_unaligned(page);
        (info.add(16) as *mut u32).write_unaligned(0x40); // PAGE_EXECUTE_READWRITE
        (info.add(24) as *mut usize).write_unaligned(0x1000);
        (info.add(32) as *mut u32).write_unaligned(0x1000); // MEM_COMMIT
        (info.add(36) as *mut u32).write_unaligned(0x40);
        (info.add(40) as *mut u32).write_unaligned(0x100_0000); // MEM_IMAGE
    }
    48
}

unsafe extern "win64" fn VirtualProtect(addr: usize, size: usize, _new: u32, old: *mut u32) -> i32 {
    let start = addr & !0xfff;
    let end = (addr + size + 0xfff) & !0xfff;
    // SAFETY: pages of the image (mingw's pseudo-relocator patches its own sections).
    unsafe { libc::mprotect(start as *mut _, end - start, libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC) };
    if !old.is_null() {
        // SAFETY: caller-provided out pointer.
        unsafe { old.write_unaligned(0x40) };
    }
    1
}

// ── msvcrt ──────────────────────────────────────────────────────────────────────────────

/// `_IOB_ENTRIES` msvcrt `FILE`s of 48 bytes; mingw's `_lock_file` writes their `_flag`.
struct Iob(UnsafeCell<[u8; 20 * 48]>);
// SAFETY: only the image touches the bytes (its own locking); we compare addresses.
unsafe impl Sync for Iob {}
static IOB: Iob = Iob(UnsafeCell::new([0; 20 * 48]));

fn stream_fd(f: *mut c_void) -> Option<usize> {
    let base = IOB.0.get() as usize;
    let i = (f as usize).checked_sub(base)? / 48;
    (i < 3).then_some(i)
}

static ONEXIT: Mutex<Vec<usize>> = Mutex::new(Vec::new());

fn run_onexit() {
    loop {
        let Some(f) = lock(&ONEXIT).pop() else { break };
        // SAFETY: an `_onexit` handler of the image, win64 ABI.
        unsafe { std::mem::transmute::<usize, unsafe extern "win64" fn()>(f)() };
    }
}

unsafe extern "win64" fn __iob_func() -> *mut c_void {
    IOB.0.get().cast()
}
unsafe extern "win64" fn __getmainargs(
    argc: *mut i32,
    argv: *mut usize,
    envp: *mut usize,
    _wild: i32,
    _si: *mut c_void,
) -> i32 {
    let Some(a) = ARGS.get() else { return -1 };
    // SAFETY: caller-provided out pointers.
    unsafe {
        argc.write_unaligned(a.argc);
        argv.write_unaligned(a.argv);
        envp.write_unaligned(a.envp);
    }
    0
}
unsafe extern "win64" fn __set_app_type(_t: i32) {}
unsafe extern "win64" fn __setusermatherr(_f: *mut c_void) {}
unsafe extern "win64" fn ___lc_codepage_func() -> u32 {
    0
}
unsafe extern "win64" fn ___mb_cur_max_func() -> i32 {
    1
}
unsafe extern "win64" fn __C_specific_handler() -> i32 {
    1 // ExceptionContinueSearch: there is no SEH dispatch; a fault is a SIGSEGV
}
unsafe extern "win64" fn _initterm(begin: *const usize, end: *const usize) {
    let mut p = begin;
    while p < end {
        // SAFETY: the image's initializer table.
        let f = unsafe { p.read_unaligned() };
        if f != 0 {
            // SAFETY: a win64 `void (*)(void)` of the image.
            unsafe { std::mem::transmute::<usize, unsafe extern "win64" fn()>(f)() };
        }
        // SAFETY: within [begin, end).
        p = unsafe { p.add(1) };
    }
}
unsafe extern "win64" fn _onexit(f: usize) -> usize {
    lock(&ONEXIT).push(f);
    f
}
unsafe extern "win64" fn _cexit() {
    run_onexit();
    flush_output();
}
unsafe extern "win64" fn exit(code: i32) {
    run_onexit();
    super::runtime::exit_process(code as u32)
}
unsafe extern "win64" fn _exit(code: i32) {
    super::runtime::exit_process(code as u32)
}
unsafe extern "win64" fn abort() {
    flush_output();
    // SAFETY: plain abort.
    unsafe { libc::abort() }
}
unsafe extern "win64" fn _amsg_exit(code: i32) {
    write_fd(2, format!("runtime error {code}\n").as_bytes());
    super::runtime::exit_process(255)
}
unsafe extern "win64" fn _lock(n: i32) {
    enter((1usize << 63) | n as usize);
}
unsafe extern "win64" fn _unlock(n: i32) {
    leave((1usize << 63) | n as usize);
}
unsafe extern "win64" fn _errno() -> *mut i32 {
    ERRNO.with(|e| e.as_ptr())
}
unsafe extern "win64" fn signal(_sig: i32, _f: usize) -> usize {
    0
}
unsafe extern "win64" fn strerror(_e: i32) -> *const c_char {
    c"error".as_ptr()
}
/// `struct lconv`: `decimal_point` first; the rest empty strings.
#[allow(dead_code)] // read by the image, not by us
struct Lconv([*const c_char; 10]);
// SAFETY: points at immutable static strings.
unsafe impl Sync for Lconv {}
static LCONV: Lconv = Lconv([
    c".".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
    c"".as_ptr(),
]);
unsafe extern "win64" fn localeconv() -> *const c_void {
    (&LCONV as *const Lconv).cast()
}

unsafe extern "win64" fn fputc(c: i32, f: *mut c_void) -> i32 {
    if let Some(fd) = stream_fd(f) {
        write_fd(fd, &[c as u8]);
    }
    c & 0xff
}
unsafe extern "win64" fn putchar(c: i32) -> i32 {
    write_fd(1, &[c as u8]);
    c & 0xff
}
unsafe extern "win64" fn fwrite(p: *const u8, size: usize, n: usize, f: *mut c_void) -> usize {
    if let (Some(fd), false) = (stream_fd(f), p.is_null()) {
        // SAFETY: `size * n` bytes of the caller.
        write_fd(fd, unsafe { std::slice::from_raw_parts(p, size.saturating_mul(n)) });
    }
    n
}
unsafe extern "win64" fn puts(s: *const c_char) -> i32 {
    if !s.is_null() {
        // SAFETY: a C string.
        write_fd(1, unsafe { std::ffi::CStr::from_ptr(s) }.to_bytes());
    }
    write_fd(1, b"\n");
    0
}
unsafe extern "win64" fn fflush(_f: *mut c_void) -> i32 {
    flush_output();
    0
}
/// Error paths only (see the module docs): the format string, unformatted.
unsafe extern "win64" fn fprintf(f: *mut c_void, fmt: *const c_char) -> i32 {
    if let (Some(fd), false) = (stream_fd(f), fmt.is_null()) {
        // SAFETY: a C string.
        write_fd(fd, unsafe { std::ffi::CStr::from_ptr(fmt) }.to_bytes());
    }
    0
}
unsafe extern "win64" fn printf(fmt: *const c_char) -> i32 {
    // SAFETY: forwarded.
    unsafe { fprintf(IOB.0.get().cast::<u8>().add(48).cast(), fmt) }
}

unsafe extern "win64" fn malloc(n: usize) -> *mut c_void {
    // SAFETY: libc heap.
    unsafe { libc::malloc(n) }
}
unsafe extern "win64" fn calloc(n: usize, m: usize) -> *mut c_void {
    // SAFETY: libc heap.
    unsafe { libc::calloc(n, m) }
}
unsafe extern "win64" fn realloc(p: *mut c_void, n: usize) -> *mut c_void {
    // SAFETY: libc heap.
    unsafe { libc::realloc(p, n) }
}
unsafe extern "win64" fn free(p: *mut c_void) {
    // SAFETY: libc heap.
    unsafe { libc::free(p) }
}
unsafe extern "win64" fn memcpy(d: *mut c_void, s: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: forwarded caller contract.
    unsafe { libc::memcpy(d, s, n) }
}
unsafe extern "win64" fn memmove(d: *mut c_void, s: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: forwarded caller contract.
    unsafe { libc::memmove(d, s, n) }
}
unsafe extern "win64" fn memset(d: *mut c_void, c: i32, n: usize) -> *mut c_void {
    // SAFETY: forwarded caller contract.
    unsafe { libc::memset(d, c, n) }
}
unsafe extern "win64" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { libc::memcmp(a, b, n) }
}
unsafe extern "win64" fn strlen(s: *const c_char) -> usize {
    // SAFETY: forwarded caller contract.
    unsafe { libc::strlen(s) }
}
unsafe extern "win64" fn strcmp(a: *const c_char, b: *const c_char) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { libc::strcmp(a, b) }
}
unsafe extern "win64" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { libc::strncmp(a, b, n) }
}
unsafe extern "win64" fn strcpy(d: *mut c_char, s: *const c_char) -> *mut c_char {
    // SAFETY: forwarded caller contract.
    unsafe { libc::strcpy(d, s) }
}
unsafe extern "win64" fn wcslen(s: *const u16) -> usize {
    let mut i = 0;
    // SAFETY: a NUL-terminated UTF-16 string (Windows' 16-bit wchar_t).
    while unsafe { s.add(i).read_unaligned() } != 0 {
        i += 1;
    }
    i
}
unsafe extern "win64" fn atoi(s: *const c_char) -> i32 {
    // SAFETY: forwarded caller contract.
    unsafe { libc::atoi(s) }
}
unsafe extern "win64" fn toupper(c: i32) -> i32 {
    if (i32::from(b'a')..=i32::from(b'z')).contains(&c) { c - 32 } else { c }
}
unsafe extern "win64" fn tolower(c: i32) -> i32 {
    if (i32::from(b'A')..=i32::from(b'Z')).contains(&c) { c + 32 } else { c }
}

/// Every shim's name per DLL (for reports and tests).
pub fn names(dll: &str) -> Vec<&'static str> {
    let all: &[&str] = match dll {
        "kernel32" => &KERNEL32_NAMES,
        "msvcrt" => &MSVCRT_NAMES,
        _ => &[],
    };
    all.to_vec()
}

const KERNEL32_NAMES: [&str; 23] = [
    "ExitProcess",
    "GetStdHandle",
    "WriteFile",
    "GetEnvironmentVariableA",
    "CreateThread",
    "InitializeCriticalSection",
    "DeleteCriticalSection",
    "EnterCriticalSection",
    "LeaveCriticalSection",
    "GetStartupInfoA",
    "IsDBCSLeadByteEx",
    "SetUnhandledExceptionFilter",
    "TlsAlloc",
    "TlsFree",
    "TlsGetValue",
    "TlsSetValue",
    "MultiByteToWideChar",
    "WideCharToMultiByte",
    "VirtualQuery",
    "VirtualProtect",
    "InitializeCriticalSectionAndSpinCount",
    "GetModuleHandleA",
    "GetCommandLineA",
];
const MSVCRT_NAMES: [&str; 52] = [
    "__iob_func",
    "__getmainargs",
    "__set_app_type",
    "__setusermatherr",
    "___lc_codepage_func",
    "___mb_cur_max_func",
    "__C_specific_handler",
    "_initterm",
    "_onexit",
    "_cexit",
    "exit",
    "_exit",
    "abort",
    "_amsg_exit",
    "_lock",
    "_unlock",
    "_errno",
    "signal",
    "strerror",
    "localeconv",
    "fputc",
    "putchar",
    "fwrite",
    "puts",
    "fflush",
    "fprintf",
    "vfprintf",
    "printf",
    "vprintf",
    "malloc",
    "calloc",
    "realloc",
    "free",
    "memcpy",
    "memmove",
    "memset",
    "memcmp",
    "strlen",
    "strcmp",
    "strncmp",
    "strcpy",
    "wcslen",
    "atoi",
    "toupper",
    "tolower",
    "__initenv",
    "_acmdln",
    "_fmode",
    "_commode",
    "atexit",
    "_XcptFilter",
    "__dllonexit",
];

static HINSTANCE: AtomicUsize = AtomicUsize::new(0);

unsafe extern "win64" fn InitializeCriticalSectionAndSpinCount(_cs: *mut c_void, _spin: u32) -> i32 {
    1
}
unsafe extern "win64" fn GetModuleHandleA(_name: *const c_char) -> usize {
    HINSTANCE.load(Ordering::Relaxed)
}
unsafe extern "win64" fn GetCommandLineA() -> *const c_char {
    ARGS.get().map_or(c"".as_ptr(), |a| a.cmdline as *const c_char)
}
unsafe extern "win64" fn atexit(f: usize) -> i32 {
    lock(&ONEXIT).push(f);
    0
}
unsafe extern "win64" fn _XcptFilter() -> i32 {
    0
}
unsafe extern "win64" fn __dllonexit(f: usize, _b: *mut c_void, _e: *mut c_void) -> usize {
    lock(&ONEXIT).push(f);
    f
}

/// Records the image base for `GetModuleHandleA(NULL)`.
pub fn set_module_handle(base: usize) {
    HINSTANCE.store(base, Ordering::Relaxed);
}

/// The address a shim import binds to (`dll` lower case without `.dll`): a function, or
/// for the msvcrt data imports (`_fmode`, `_commode`, `__initenv`, `_acmdln`) the
/// variable's address.
pub fn lookup(dll: &str, name: &str) -> Option<usize> {
    let f: usize = match (dll, name) {
        ("kernel32", "ExitProcess") => ExitProcess as *const () as usize,
        ("kernel32", "GetStdHandle") => GetStdHandle as *const () as usize,
        ("kernel32", "WriteFile") => WriteFile as *const () as usize,
        ("kernel32", "GetEnvironmentVariableA") => GetEnvironmentVariableA as *const () as usize,
        ("kernel32", "CreateThread") => CreateThread as *const () as usize,
        ("kernel32", "InitializeCriticalSection") => InitializeCriticalSection as *const () as usize,
        ("kernel32", "InitializeCriticalSectionAndSpinCount") => {
            InitializeCriticalSectionAndSpinCount as *const () as usize
        }
        ("kernel32", "DeleteCriticalSection") => DeleteCriticalSection as *const () as usize,
        ("kernel32", "EnterCriticalSection") => EnterCriticalSection as *const () as usize,
        ("kernel32", "LeaveCriticalSection") => LeaveCriticalSection as *const () as usize,
        ("kernel32", "GetStartupInfoA") => GetStartupInfoA as *const () as usize,
        ("kernel32", "IsDBCSLeadByteEx") => IsDBCSLeadByteEx as *const () as usize,
        ("kernel32", "SetUnhandledExceptionFilter") => SetUnhandledExceptionFilter as *const () as usize,
        ("kernel32", "TlsAlloc") => TlsAlloc as *const () as usize,
        ("kernel32", "TlsFree") => TlsFree as *const () as usize,
        ("kernel32", "TlsGetValue") => TlsGetValue as *const () as usize,
        ("kernel32", "TlsSetValue") => TlsSetValue as *const () as usize,
        ("kernel32", "MultiByteToWideChar") => MultiByteToWideChar as *const () as usize,
        ("kernel32", "WideCharToMultiByte") => WideCharToMultiByte as *const () as usize,
        ("kernel32", "VirtualQuery") => VirtualQuery as *const () as usize,
        ("kernel32", "VirtualProtect") => VirtualProtect as *const () as usize,
        ("kernel32", "GetModuleHandleA") => GetModuleHandleA as *const () as usize,
        ("kernel32", "GetCommandLineA") => GetCommandLineA as *const () as usize,
        ("msvcrt", "__iob_func") => __iob_func as *const () as usize,
        ("msvcrt", "__getmainargs") => __getmainargs as *const () as usize,
        ("msvcrt", "__set_app_type") => __set_app_type as *const () as usize,
        ("msvcrt", "__setusermatherr") => __setusermatherr as *const () as usize,
        ("msvcrt", "___lc_codepage_func") => ___lc_codepage_func as *const () as usize,
        ("msvcrt", "___mb_cur_max_func") => ___mb_cur_max_func as *const () as usize,
        ("msvcrt", "__C_specific_handler") => __C_specific_handler as *const () as usize,
        ("msvcrt", "_initterm") => _initterm as *const () as usize,
        ("msvcrt", "_onexit") => _onexit as *const () as usize,
        ("msvcrt", "__dllonexit") => __dllonexit as *const () as usize,
        ("msvcrt", "atexit") => atexit as *const () as usize,
        ("msvcrt", "_cexit") => _cexit as *const () as usize,
        ("msvcrt", "exit") => exit as *const () as usize,
        ("msvcrt", "_exit") => _exit as *const () as usize,
        ("msvcrt", "abort") => abort as *const () as usize,
        ("msvcrt", "_amsg_exit") => _amsg_exit as *const () as usize,
        ("msvcrt", "_XcptFilter") => _XcptFilter as *const () as usize,
        ("msvcrt", "_lock") => _lock as *const () as usize,
        ("msvcrt", "_unlock") => _unlock as *const () as usize,
        ("msvcrt", "_errno") => _errno as *const () as usize,
        ("msvcrt", "signal") => signal as *const () as usize,
        ("msvcrt", "strerror") => strerror as *const () as usize,
        ("msvcrt", "localeconv") => localeconv as *const () as usize,
        ("msvcrt", "fputc") => fputc as *const () as usize,
        ("msvcrt", "putchar") => putchar as *const () as usize,
        ("msvcrt", "fwrite") => fwrite as *const () as usize,
        ("msvcrt", "puts") => puts as *const () as usize,
        ("msvcrt", "fflush") => fflush as *const () as usize,
        ("msvcrt", "fprintf" | "vfprintf") => fprintf as *const () as usize,
        ("msvcrt", "printf" | "vprintf") => printf as *const () as usize,
        ("msvcrt", "malloc") => malloc as *const () as usize,
        ("msvcrt", "calloc") => calloc as *const () as usize,
        ("msvcrt", "realloc") => realloc as *const () as usize,
        ("msvcrt", "free") => free as *const () as usize,
        ("msvcrt", "memcpy") => memcpy as *const () as usize,
        ("msvcrt", "memmove") => memmove as *const () as usize,
        ("msvcrt", "memset") => memset as *const () as usize,
        ("msvcrt", "memcmp") => memcmp as *const () as usize,
        ("msvcrt", "strlen") => strlen as *const () as usize,
        ("msvcrt", "strcmp") => strcmp as *const () as usize,
        ("msvcrt", "strncmp") => strncmp as *const () as usize,
        ("msvcrt", "strcpy") => strcpy as *const () as usize,
        ("msvcrt", "wcslen") => wcslen as *const () as usize,
        ("msvcrt", "atoi") => atoi as *const () as usize,
        ("msvcrt", "toupper") => toupper as *const () as usize,
        ("msvcrt", "tolower") => tolower as *const () as usize,
        ("msvcrt", "__initenv") => &INITENV as *const _ as usize,
        ("msvcrt", "_acmdln") => &ACMDLN as *const _ as usize,
        ("msvcrt", "_fmode") => &FMODE as *const _ as usize,
        ("msvcrt", "_commode") => &COMMODE as *const _ as usize,
        _ => return None,
    };
    Some(f)
}
