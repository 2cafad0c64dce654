//! The layout oracle: every `#[repr(C)]` type's size, alignment and field offsets, and every
//! constant's value, checked against mingw-w64's own Windows headers.
//!
//! The Rust side describes what it believes ([`types::types`], [`consts::constants`]); this
//! file turns that into a C translation unit full of `_Static_assert`s and compiles it with
//! `x86_64-w64-mingw32-gcc`. A mismatch is a compile error naming the type, field or
//! constant. The test fails — it does not skip — when mingw-w64 is missing: the README's
//! set-up commands install it (`gcc-mingw-w64-x86-64`, `mingw-w64-x86-64-dev`).

mod consts;
mod consts_errors;
mod headers;
mod types;

use std::fmt::Write as _;
use std::process::Command;

/// What the Rust side says about one C type.
#[derive(Debug)]
pub struct TypeLayout {
    /// The C type name as the Windows headers spell it (`WSADATA`, `struct sockaddr_in6`).
    pub c_name: &'static str,
    /// `size_of` of the Rust type.
    pub size: usize,
    /// `align_of` of the Rust type.
    pub align: usize,
    /// `(C member designator, Rust offset)` for every field; nested designators such as
    /// `"S_un.S_addr"` are allowed.
    pub fields: Vec<(&'static str, usize)>,
}

/// What the Rust side says about one constant.
#[derive(Debug)]
pub struct Constant {
    /// A C expression naming the constant (usually just its name).
    pub c_expr: &'static str,
    /// The Rust value, widened losslessly.
    pub value: i128,
}

/// Builds a [`TypeLayout`] from a Rust type and its fields, the C type name defaulting to the
/// Rust name: `layout!(WSADATA { wVersion, szDescription })`,
/// `layout!(SOCKADDR_IN as "struct sockaddr_in" { sin_family, sin_port })`.
#[macro_export]
macro_rules! layout {
    ($t:ty as $c:literal { $($f:ident $(. $g:ident)* ),* $(,)? }) => {
        $crate::TypeLayout {
            c_name: $c,
            size: std::mem::size_of::<$t>(),
            align: std::mem::align_of::<$t>(),
            fields: vec![$( (concat!(stringify!($f) $(, ".", stringify!($g))*), std::mem::offset_of!($t, $f $(. $g)*)) ),*],
        }
    };
    ($t:ident { $($f:ident $(. $g:ident)* ),* $(,)? }) => {
        $crate::layout!($t as stringify!($t) { $($f $(. $g)*),* })
    };
}

/// Builds [`Constant`]s from Rust constants of the same name as the C macro:
/// `constants![AF_INET, AF_INET6]`.
#[macro_export]
macro_rules! constants {
    ($($(#[$m:meta])* $path:ident),* $(,)?) => {
        vec![$($crate::Constant { c_expr: stringify!($path), value: translate::$path as i128 }),*]
    };
}

const PRELUDE: &str = r#"
#define WIN32_LEAN_AND_MEAN
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
typedef LONG NTSTATUS;
#include <ntstatus.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>
#include <mstcpip.h>
#include <afunix.h>
#include <stddef.h>
#define CHECK_SIZE(T, n) _Static_assert(sizeof(T) == (n), "size of " #T)
#define CHECK_ALIGN(T, n) _Static_assert(_Alignof(T) == (n), "alignment of " #T)
#define CHECK_OFFSET(T, f, n) _Static_assert(offsetof(T, f) == (n), "offset of " #T "." #f)
#define CHECK_VALUE(e, v) _Static_assert((e) == (v), "value of " #e)
"#;

fn c_literal(v: i128) -> String {
    if v < 0 { format!("({v}LL)") } else { format!("{v}ULL") }
}

fn render(types: &[TypeLayout], consts: &[Constant]) -> String {
    let mut c = String::from(PRELUDE);
    c.push_str(&check_lines(types, consts));
    c
}

/// The `CHECK_*` lines for `types` and `consts`, without a prelude: the project-header test
/// (`headers.rs`) reuses them with its own prelude.
fn check_lines(types: &[TypeLayout], consts: &[Constant]) -> String {
    let mut c = String::new();
    for t in types {
        let _ = writeln!(c, "CHECK_SIZE({}, {});", t.c_name, t.size);
        let _ = writeln!(c, "CHECK_ALIGN({}, {});", t.c_name, t.align);
        for (f, off) in &t.fields {
            let _ = writeln!(c, "CHECK_OFFSET({}, {f}, {off});", t.c_name);
        }
    }
    for k in consts {
        // Compare in the constant's own C type: a negative Rust value must meet a signed C
        // value, and an unsigned 32-bit C value must be non-negative on the Rust side.
        let _ = writeln!(c, "CHECK_VALUE({}, {});", k.c_expr, c_literal(k.value));
    }
    c
}

#[test]
fn layouts_and_constants_match_mingw_w64() {
    let types = types::types();
    let mut consts = consts::constants();
    consts.extend(consts_errors::constants());
    let fields: usize = types.iter().map(|t| t.fields.len()).sum();
    assert!(types.len() >= 40, "oracle covers only {} types", types.len());
    assert!(consts.len() >= 400, "oracle covers only {} constants", consts.len());

    let dir = std::env::temp_dir().join(format!("translate-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("oracle.c");
    std::fs::write(&src, render(&types, &consts)).unwrap();
    let out = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-std=gnu11", "-fsyntax-only", "-Wall", "-Werror", "-fmax-errors=0"])
        .arg(&src)
        .output()
        .expect(
            "x86_64-w64-mingw32-gcc is required for the layout oracle: \
             apt-get install gcc-mingw-w64-x86-64 mingw-w64-x86-64-dev",
        );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failures: Vec<&str> = stderr.lines().filter(|l| l.contains("static assertion failed")).collect();
    assert!(
        out.status.success(),
        "{} mismatches against mingw-w64 ({}):\n{}\n{}",
        failures.len(),
        src.display(),
        failures.join("\n"),
        if failures.is_empty() { stderr.as_ref() } else { "" }
    );
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("oracle: {} types, {fields} fields, {} constants agree with mingw-w64", types.len(), consts.len());
}
