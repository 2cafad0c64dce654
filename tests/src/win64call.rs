//! A hand-written Microsoft x64 caller (abi-and-loader-notes §4): calls a function pointer with
//! ten integer arguments — four in `rcx, rdx, r8, r9`, six on the stack above the 32-byte
//! shadow space — with `rsp % 16 == 0` at the `call`, after loading sentinels into every
//! register the callee must preserve (`rbx, rbp, rdi, rsi, r12–r15`, `xmm6–xmm15`), and
//! reports what those registers hold afterwards plus whether a canary just above the stack
//! arguments survived. Independent of rustc's own win64 codegen, so it checks the thunks
//! against the convention itself.

use std::arch::global_asm;

/// The sentinels loaded into `rbx, rbp, rdi, rsi, r12, r13, r14, r15` before the call.
pub const SENTINELS: [u64; 8] = [
    0x0b0b_0b0b_1111_0001,
    0x0b0b_0b0b_2222_0002,
    0x0b0b_0b0b_3333_0003,
    0x0b0b_0b0b_4444_0004,
    0x0b0b_0b0b_5555_0005,
    0x0b0b_0b0b_6666_0006,
    0x0b0b_0b0b_7777_0007,
    0x0b0b_0b0b_8888_0008,
];
/// The canary written just above the sixth stack argument.
pub const CANARY: u64 = 0x1122_3344_5566_7788;
/// Names of the checked general registers, in [`SENTINELS`] order.
pub const GPR_NAMES: [&str; 8] = ["rbx", "rbp", "rdi", "rsi", "r12", "r13", "r14", "r15"];

global_asm!(
    ".globl winsock_tests_win64_call9",
    "winsock_tests_win64_call9:",
    // rdi = target, rsi = args[10], rdx = out[10], rcx = xmm[20 × 16 bytes] (in: 0..10, out: 10..20)
    "push rbx",
    "push rbp",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "sub rsp, 0x98",
    "mov [rsp + 0x58], rdx",
    "mov [rsp + 0x60], rcx",
    "mov r10, rdi",
    "mov rax, [rsi + 0x20]",
    "mov [rsp + 0x20], rax",
    "mov rax, [rsi + 0x28]",
    "mov [rsp + 0x28], rax",
    "mov rax, [rsi + 0x30]",
    "mov [rsp + 0x30], rax",
    "mov rax, [rsi + 0x38]",
    "mov [rsp + 0x38], rax",
    "mov rax, [rsi + 0x40]",
    "mov [rsp + 0x40], rax",
    "mov rax, [rsi + 0x48]",
    "mov [rsp + 0x48], rax",
    "mov rax, 0x1122334455667788",
    "mov [rsp + 0x50], rax",
    "movdqu xmm6, [rcx + 0x00]",
    "movdqu xmm7, [rcx + 0x10]",
    "movdqu xmm8, [rcx + 0x20]",
    "movdqu xmm9, [rcx + 0x30]",
    "movdqu xmm10, [rcx + 0x40]",
    "movdqu xmm11, [rcx + 0x50]",
    "movdqu xmm12, [rcx + 0x60]",
    "movdqu xmm13, [rcx + 0x70]",
    "movdqu xmm14, [rcx + 0x80]",
    "movdqu xmm15, [rcx + 0x90]",
    "mov rcx, [rsi]",
    "mov rdx, [rsi + 8]",
    "mov r8, [rsi + 0x10]",
    "mov r9, [rsi + 0x18]",
    "mov rbx, 0x0b0b0b0b11110001",
    "mov rbp, 0x0b0b0b0b22220002",
    "mov rdi, 0x0b0b0b0b33330003",
    "mov rsi, 0x0b0b0b0b44440004",
    "mov r12, 0x0b0b0b0b55550005",
    "mov r13, 0x0b0b0b0b66660006",
    "mov r14, 0x0b0b0b0b77770007",
    "mov r15, 0x0b0b0b0b88880008",
    "call r10",
    "mov r10, [rsp + 0x58]",
    "mov [r10], rax",
    "mov [r10 + 8], rbx",
    "mov [r10 + 0x10], rbp",
    "mov [r10 + 0x18], rdi",
    "mov [r10 + 0x20], rsi",
    "mov [r10 + 0x28], r12",
    "mov [r10 + 0x30], r13",
    "mov [r10 + 0x38], r14",
    "mov [r10 + 0x40], r15",
    "mov rax, [rsp + 0x50]",
    "mov [r10 + 0x48], rax",
    "mov r11, [rsp + 0x60]",
    "movdqu [r11 + 0xa0], xmm6",
    "movdqu [r11 + 0xb0], xmm7",
    "movdqu [r11 + 0xc0], xmm8",
    "movdqu [r11 + 0xd0], xmm9",
    "movdqu [r11 + 0xe0], xmm10",
    "movdqu [r11 + 0xf0], xmm11",
    "movdqu [r11 + 0x100], xmm12",
    "movdqu [r11 + 0x110], xmm13",
    "movdqu [r11 + 0x120], xmm14",
    "movdqu [r11 + 0x130], xmm15",
    "add rsp, 0x98",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbp",
    "pop rbx",
    "ret",
);

unsafe extern "C" {
    fn winsock_tests_win64_call9(target: usize, args: *const u64, out: *mut u64, xmm: *mut u8);
}

/// What a checked call observed.
#[derive(Debug)]
pub struct Call {
    /// `rax` after the call.
    pub ret: u64,
    /// Registers (by name) that did not keep their sentinel, and a note if the canary above
    /// the stack arguments changed.
    pub clobbered: Vec<String>,
}

/// Calls `target` with the Microsoft x64 convention and `args`.
///
/// # Safety
/// `target` must be a win64 function that is safe to call with these arguments (it may
/// take fewer than ten).
pub unsafe fn call(target: usize, args: [u64; 10]) -> Call {
    let mut out = [0u64; 10];
    let mut xmm = [0u8; 320];
    for (i, b) in xmm[..160].iter_mut().enumerate() {
        *b = (0xa0 + i) as u8;
    }
    // SAFETY: the asm routine follows the SysV convention on its own side and the win64 one
    // towards `target`; the buffers have the sizes it uses.
    unsafe { winsock_tests_win64_call9(target, args.as_ptr(), out.as_mut_ptr(), xmm.as_mut_ptr()) };
    let mut clobbered: Vec<String> = GPR_NAMES
        .iter()
        .zip(SENTINELS)
        .zip(&out[1..9])
        .filter(|((_, s), v)| *s != **v)
        .map(|((n, _), _)| n.to_string())
        .collect();
    for r in 0..10 {
        if xmm[r * 16..r * 16 + 16] != xmm[160 + r * 16..160 + r * 16 + 16] {
            clobbered.push(format!("xmm{}", r + 6));
        }
    }
    if out[9] != CANARY {
        clobbered.push("stack canary above the arguments".into());
    }
    Call { ret: out[0], clobbered }
}
