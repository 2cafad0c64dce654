//! Running an image: a TEB per PE thread through `GS`, the entry point called in the win64
//! ABI on a thread of its own, and `ExitProcess` ending that thread with the exit code.
//!
//! Why a thread and not a long jump: `ExitProcess` is called deep inside PE frames that have
//! no unwind information Linux could use; a `longjmp` over them works but skips nothing we
//! need only by luck. Here the image's main thread is a plain pthread; `ExitProcess` stores
//! the code and ends that kernel thread with `SYS_exit` (glibc's `pthread_join` still sees it
//! end: the kernel clears the thread id). The loader's thread joins and returns the code.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use super::image::Image;

/// TEB field offsets (x64).
mod teb {
    pub const STACK_BASE: usize = 0x08;
    pub const STACK_LIMIT: usize = 0x10;
    pub const SELF: usize = 0x30;
    pub const PROCESS_ID: usize = 0x40;
    pub const THREAD_ID: usize = 0x48;
    pub const TLS_POINTER: usize = 0x58;
    pub const PEB: usize = 0x60;
    pub const SIZE: usize = 0x1000;
}
/// `PEB.ImageBaseAddress`.
const PEB_IMAGE_BASE: usize = 0x10;

const ARCH_SET_GS: libc::c_int = 0x1001;
const DLL_PROCESS_ATTACH: u32 = 1;
const DLL_THREAD_ATTACH: u32 = 2;

/// What every PE thread of the running image needs.
#[derive(Debug)]
struct Process {
    peb: usize,
    base: usize,
    tls_template: Option<(usize, usize, usize)>,
    tls_callbacks: Vec<usize>,
}

static PROCESS: OnceLock<Process> = OnceLock::new();
static EXIT_CODE: AtomicU32 = AtomicU32::new(0);

thread_local! {
    static IS_MAIN_PE_THREAD: Cell<bool> = const { Cell::new(false) };
}

type TlsCallback = unsafe extern "win64" fn(usize, u32, usize);
type Entry = unsafe extern "win64" fn(usize) -> u32;

/// Gives the calling thread a TEB in `GS` (stack bounds, self pointer, ids, a copy of the TLS
/// template, the PEB) and runs the TLS callbacks with `reason`. The TEB is leaked: it lives
/// as long as the thread may run PE code.
fn enter_pe_thread(reason: u32) {
    let Some(p) = PROCESS.get() else { return };
    let teb = Box::leak(vec![0u8; teb::SIZE].into_boxed_slice()).as_mut_ptr() as usize;
    // SAFETY: pthread_getattr_np fills `attr` for the running thread; the TEB writes stay in
    // the zeroed block above; ARCH_SET_GS changes only this thread's GS base, which neither
    // glibc nor Rust uses on x86_64 Linux.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let (mut addr, mut size) = (std::ptr::null_mut::<libc::c_void>(), 0usize);
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
        }
        let w = |off: usize, v: usize| ((teb + off) as *mut usize).write(v);
        w(teb::STACK_BASE, addr as usize + size);
        w(teb::STACK_LIMIT, addr as usize);
        w(teb::SELF, teb);
        w(teb::PROCESS_ID, libc::getpid() as usize);
        w(teb::THREAD_ID, libc::gettid() as usize);
        w(teb::PEB, p.peb);
        if let Some((start, end, zero)) = p.tls_template {
            let len = end.saturating_sub(start);
            let block = Box::leak(vec![0u8; len + zero + 16].into_boxed_slice()).as_mut_ptr();
            std::ptr::copy_nonoverlapping(start as *const u8, block, len);
            let slots = Box::leak(Box::new([block as usize; 1]));
            w(teb::TLS_POINTER, slots.as_ptr() as usize);
        }
        libc::syscall(libc::SYS_arch_prctl, ARCH_SET_GS, teb);
        for &cb in &p.tls_callbacks {
            let f: TlsCallback = std::mem::transmute::<usize, TlsCallback>(cb);
            f(p.base, reason, 0);
        }
    }
}

/// Sets up a thread created for PE code (`CreateThread`): TEB and `DLL_THREAD_ATTACH`.
pub fn enter_created_thread() {
    enter_pe_thread(DLL_THREAD_ATTACH);
}

/// `ExitProcess(code)`: on the image's main thread, records the code and ends that thread;
/// on any other thread, ends the process with the code (after flushing the shims' output).
pub fn exit_process(code: u32) -> ! {
    super::shims::flush_output();
    EXIT_CODE.store(code, Ordering::SeqCst);
    if IS_MAIN_PE_THREAD.with(Cell::get) {
        // SAFETY: ends only this kernel thread; the loader joins it. Nothing on this thread's
        // stack is used afterwards (its Rust thread-locals have no destructors to run).
        unsafe { libc::syscall(libc::SYS_exit, 0) };
    }
    // SAFETY: plain process exit.
    unsafe { libc::_exit(code as i32) }
}

struct Start {
    entry: usize,
    peb: usize,
}

extern "C" fn pe_main(arg: *mut libc::c_void) -> *mut libc::c_void {
    // SAFETY: `arg` is the Box<Start> leaked by `run_image`.
    let start = unsafe { Box::from_raw(arg.cast::<Start>()) };
    IS_MAIN_PE_THREAD.with(|c| c.set(true));
    enter_pe_thread(DLL_PROCESS_ATTACH);
    // SAFETY: the image's entry point, a win64 function taking the PEB.
    let code = unsafe { std::mem::transmute::<usize, Entry>(start.entry)(start.peb) };
    exit_process(code)
}

/// Runs a loaded image to completion: TLS callbacks, then the entry point on a new thread
/// with an 8 MiB stack; returns the `ExitProcess` code (or the entry point's return value).
/// `args` become the program's `argv` (`args[0]` is the program name). One image per
/// process: the CRT shims' state (argv, `atexit` list, stdio) is process-global.
pub fn run_image(image: &Image, args: Vec<String>) -> u32 {
    super::shims::set_args(args);
    let peb = Box::leak(vec![0u8; 0x1000].into_boxed_slice()).as_mut_ptr() as usize;
    // SAFETY: inside the zeroed PEB block.
    unsafe { ((peb + PEB_IMAGE_BASE) as *mut usize).write(image.base) };
    PROCESS
        .set(Process {
            peb,
            base: image.base,
            tls_template: image.tls_template,
            tls_callbacks: image.tls_callbacks.clone(),
        })
        .expect("one image per process");
    let start = Box::into_raw(Box::new(Start { entry: image.entry, peb }));
    // SAFETY: standard pthread creation with a joinable thread and an 8 MiB stack.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        libc::pthread_attr_init(&mut attr);
        libc::pthread_attr_setstacksize(&mut attr, 8 << 20);
        let mut t: libc::pthread_t = 0;
        let rc = libc::pthread_create(&mut t, &attr, pe_main, start.cast());
        libc::pthread_attr_destroy(&mut attr);
        assert_eq!(rc, 0, "pthread_create");
        libc::pthread_join(t, std::ptr::null_mut());
    }
    super::shims::flush_output();
    EXIT_CODE.load(Ordering::SeqCst)
}
