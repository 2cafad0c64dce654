//! The project's porting headers (`include/`) against the same oracle: every type and
//! constant the Rust side checks against mingw-w64 must also agree in the project's own
//! headers, compiled natively (gcc, and clang when installed) as C and as C++. Rust ==
//! mingw-w64 is the other test in this file's crate, so the three agree.
//!
//! Also here: the names the oracle cannot list because they have no Rust twin (the
//! kernel32/user32 subset, `INVALID_SOCKET`, `WAIT_*`, ...), checked against mingw-w64 and
//! the project headers alike; and header hygiene: glibc headers before and after the
//! Winsock headers, the asm-label binding to `ws2_32_` symbols, and the WCHAR decision
//! (`u"..."` fits the W functions, `L"..."` does not).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{Constant, TypeLayout, check_lines, consts, consts_errors, types};

/// The `include/` directory of the repository.
fn include_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../include")
}

/// The native compilers to test with: gcc always, clang when it is installed.
fn compilers() -> Vec<&'static str> {
    let mut v = vec!["gcc"];
    let clang = Command::new("clang").arg("--version").output();
    if clang.is_ok_and(|o| o.status.success()) {
        v.push("clang");
    } else {
        eprintln!("headers: clang not installed, testing with gcc only");
    }
    v
}

/// One language mode: the flags that select it and the assertion spellings it needs.
struct Lang {
    name: &'static str,
    flags: &'static [&'static str],
    checks: &'static str,
}

const C: Lang = Lang {
    name: "C",
    flags: &["-x", "c", "-std=gnu11"],
    checks: r#"
#include <stddef.h>
#define CHECK_SIZE(T, n) _Static_assert(sizeof(T) == (n), "size of " #T)
#define CHECK_ALIGN(T, n) _Static_assert(_Alignof(T) == (n), "alignment of " #T)
#define CHECK_OFFSET(T, f, n) _Static_assert(offsetof(T, f) == (n), "offset of " #T "." #f)
#define CHECK_VALUE(e, v) _Static_assert((e) == (v), "value of " #e)
"#,
};

const CXX: Lang = Lang {
    name: "C++",
    flags: &["-x", "c++", "-std=gnu++17"],
    checks: r#"
#include <stddef.h>
#define CHECK_SIZE(T, n) static_assert(sizeof(T) == (n), "size of " #T)
#define CHECK_ALIGN(T, n) static_assert(alignof(T) == (n), "alignment of " #T)
#define CHECK_OFFSET(T, f, n) static_assert(offsetof(T, f) == (n), "offset of " #T "." #f)
#define CHECK_VALUE(e, v) static_assert((e) == (v), "value of " #e)
"#,
};

/// Every header the oracle's mingw-w64 prelude includes, in the same order.
const PROJECT_PRELUDE: &str = r#"
#define WIN32_LEAN_AND_MEAN
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2spi.h>
#include <mswsock.h>
#include <mstcpip.h>
#include <afunix.h>
"#;

const WARNINGS: &[&str] = &["-Wall", "-Wextra", "-Werror"];

/// Compiles `src` (written to a scratch file) with `cc` in `lang`, plus `extra` arguments.
fn compile(cc: &str, lang: &Lang, src: &str, extra: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("translate-headers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("t{}.src", rand_id()));
    std::fs::write(&file, src).unwrap();
    let out = Command::new(cc)
        .args(lang.flags)
        .args(WARNINGS)
        .arg("-I")
        .arg(include_dir())
        .args(extra)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{cc} is required for the header tests: {e}"));
    let _ = std::fs::remove_file(&file);
    out
}

/// A process-unique number for scratch file names (tests run in parallel).
fn rand_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Asserts that `src` compiles cleanly (`-fsyntax-only`), naming failed static assertions.
fn assert_compiles(cc: &str, lang: &Lang, what: &str, src: &str) {
    let out = compile(cc, lang, src, &["-fsyntax-only", "-fmax-errors=0"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failures: Vec<&str> = stderr.lines().filter(|l| l.contains("static assert")).collect();
    assert!(
        out.status.success(),
        "{what}: {cc} ({}) failed, {} assertion(s):\n{}\n{}",
        lang.name,
        failures.len(),
        failures.join("\n"),
        if failures.is_empty() { stderr.as_ref() } else { "" }
    );
}

/// Types and values without a Rust twin that the headers must still get right: the
/// Windows-only base types and the kernel32/user32 subset. The numbers are Windows x64's;
/// [`extras_match_mingw_w64`] proves them against mingw-w64 too.
fn extras() -> (Vec<TypeLayout>, Vec<Constant>) {
    let t = |c_name, size, align| TypeLayout { c_name, size, align, fields: Vec::new() };
    let types = vec![
        t("BYTE", 1, 1),
        t("WORD", 2, 2),
        t("DWORD", 4, 4),
        t("LONG", 4, 4),
        t("ULONG", 4, 4),
        t("u_long", 4, 4),
        t("BOOL", 4, 4),
        t("WCHAR", 2, 2),
        t("HANDLE", 8, 8),
        t("HWND", 8, 8),
        t("SOCKET", 8, 8),
        t("UINT_PTR", 8, 8),
        t("ULONG_PTR", 8, 8),
        t("DWORD_PTR", 8, 8),
        t("LONG_PTR", 8, 8),
        t("SIZE_T", 8, 8),
        t("WPARAM", 8, 8),
        t("LPARAM", 8, 8),
        t("LRESULT", 8, 8),
        t("LARGE_INTEGER", 8, 8),
        TypeLayout {
            c_name: "MSG",
            size: 48,
            align: 8,
            fields: vec![("hwnd", 0), ("message", 8), ("wParam", 16), ("lParam", 24), ("time", 32), ("pt", 36)],
        },
        TypeLayout {
            c_name: "WNDCLASSA",
            size: 72,
            align: 8,
            fields: vec![("lpfnWndProc", 8), ("hInstance", 24), ("lpszClassName", 64)],
        },
        TypeLayout {
            c_name: "WNDCLASSEXA",
            size: 80,
            align: 8,
            fields: vec![("lpfnWndProc", 8), ("hInstance", 24), ("lpszClassName", 64), ("hIconSm", 72)],
        },
        TypeLayout {
            c_name: "SECURITY_ATTRIBUTES",
            size: 24,
            align: 8,
            fields: vec![("lpSecurityDescriptor", 8), ("bInheritHandle", 16)],
        },
    ];
    let k = |c_expr, value: i128| Constant { c_expr, value };
    let consts = vec![
        k("INVALID_SOCKET", u64::MAX.into()),
        k("SOCKET_ERROR", -1),
        k("INADDR_LOOPBACK", 0x7f00_0001),
        k("WAIT_OBJECT_0", 0),
        k("WAIT_ABANDONED", 0x80),
        k("WAIT_IO_COMPLETION", 0xc0),
        k("WSA_WAIT_EVENT_0", 0),
        k("WSA_WAIT_IO_COMPLETION", 0xc0),
        k("TRUE", 1),
        k("FALSE", 0),
        k("MAKEWORD(2, 2)", 0x0202),
        k("LOBYTE(0x1234)", 0x34),
        k("HIBYTE(0x1234)", 0x12),
        k("LOWORD(0x12345678)", 0x5678),
        k("HIWORD(0x12345678)", 0x1234),
        k("(LONG_PTR)HWND_MESSAGE", -3),
        k("(LONG_PTR)INVALID_HANDLE_VALUE", -1),
        k("WM_USER", 0x400),
        k("WM_QUIT", 0x12),
        k("PM_NOREMOVE", 0),
        k("PM_REMOVE", 1),
        k("sizeof(fd_set)", 520),
        k("sizeof(struct timeval)", 8),
        k("sizeof(OVERLAPPED)", 32),
    ];
    (types, consts)
}

/// Rust types == project headers, for every type and constant the oracle lists, in C and
/// C++, with every available native compiler.
#[test]
fn project_headers_match_the_oracle() {
    let types = types::types();
    let mut consts = consts::constants();
    consts.extend(consts_errors::constants());
    let (extra_types, extra_consts) = extras();
    let mut body = check_lines(&types, &consts);
    body.push_str(&check_lines(&extra_types, &extra_consts));
    // C++ constant expressions cannot cast pointers to integers (HWND_MESSAGE is a pointer):
    // those rows are checked in C only.
    let cxx_body: String = body.lines().filter(|l| !l.contains("(LONG_PTR)")).flat_map(|l| [l, "\n"]).collect();
    for cc in compilers() {
        for lang in [&C, &CXX] {
            let body = if lang.name == "C" { &body } else { &cxx_body };
            let src = format!("{PROJECT_PRELUDE}{}{body}", lang.checks);
            assert_compiles(cc, lang, "project headers vs the oracle", &src);
        }
    }
    eprintln!(
        "headers: {} types, {} constants (+{} extra types, {} extra constants) agree in C and C++",
        types.len(),
        consts.len(),
        extra_types.len(),
        extra_consts.len()
    );
}

/// The extra (non-Rust) expectations hold for mingw-w64's headers too, so they are Windows'.
#[test]
fn extras_match_mingw_w64() {
    let (types, consts) = extras();
    let src = format!("{}{}", crate::PRELUDE, check_lines(&types, &consts));
    let dir = std::env::temp_dir().join(format!("translate-headers-mingw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("extras.c");
    std::fs::write(&file, src).unwrap();
    let out = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-std=gnu11", "-fsyntax-only", "-Wall", "-Werror", "-fmax-errors=0"])
        .arg(&file)
        .output()
        .expect("x86_64-w64-mingw32-gcc is required for the layout oracle");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "extras disagree with mingw-w64:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// Code that uses both glibc's and the Windows names that clash.
const USES: &str = r#"
int uses(void);
int uses(void)
{
    WSADATA wsa;
    fd_set set;
    FD_SET *alias = &set;
    struct timeval tv = {1, 500};
    u_long nb = 1;
    socklen_t len = 0;
    char host[64];
    char *p = (char *)malloc(16);
    _Static_assert(sizeof(u_long) == 4, "u_long");
    _Static_assert(sizeof(struct timeval) == 8, "timeval");
    _Static_assert(sizeof(fd_set) == 8 + 8 * FD_SETSIZE, "fd_set");
    FD_ZERO(&set);
    FD_SET((SOCKET)4, &set);
    FD_CLR((SOCKET)8, alias);
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return 1;
    if (select(0, &set, NULL, NULL, &tv) == SOCKET_ERROR) return 2;
    if (ioctlsocket((SOCKET)4, FIONBIO, &nb) != 0) return 3;
    if (gethostname(host, (int)sizeof host) != 0) return 4;
    printf("%s %d %ld %d\n", host, FD_ISSET((SOCKET)4, &set), (long)time(NULL), (int)len);
    ZeroMemory(p, 16);
    free(p);
    return (int)strlen(host) + (int)getpid() + (int)(pthread_self() != 0);
}
"#;

const LIBC_HEADERS: &str = r#"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/time.h>
#include <sys/select.h>
#include <unistd.h>
#include <pthread.h>
"#;

const WINSOCK_HEADERS: &str = r#"
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
"#;

/// glibc headers before and after the Winsock headers, in C and C++, and a program's own
/// FD_SETSIZE surviving either order.
#[test]
fn headers_coexist_with_glibc_in_either_order() {
    let orders = [
        ("glibc first", format!("{LIBC_HEADERS}{WINSOCK_HEADERS}")),
        ("winsock first", format!("{WINSOCK_HEADERS}{LIBC_HEADERS}")),
        (
            "case variants",
            format!(
                "#include <WinSock2.h>\n#include <Ws2tcpip.h>\n#include <MSWSock.h>\n#include <Windows.h>\n{LIBC_HEADERS}"
            ),
        ),
        (
            "lean windows.h first",
            format!("#define WIN32_LEAN_AND_MEAN\n#include <windows.h>\n{LIBC_HEADERS}{WINSOCK_HEADERS}"),
        ),
    ];
    for cc in compilers() {
        for lang in [&C, &CXX] {
            for (what, headers) in &orders {
                let uses =
                    if lang.name == "C" { USES.to_string() } else { USES.replace("_Static_assert", "static_assert") };
                assert_compiles(cc, lang, what, &format!("{headers}{uses}"));
            }
            for (what, headers) in [
                ("FD_SETSIZE, winsock first", format!("{WINSOCK_HEADERS}{LIBC_HEADERS}")),
                ("FD_SETSIZE, glibc first", format!("{LIBC_HEADERS}{WINSOCK_HEADERS}")),
            ] {
                let src = format!(
                    "#define FD_SETSIZE 1024\n{headers}\nstatic char size_check[sizeof(fd_set) == 8 + 8 * 1024 ? 1 : -1];\nchar *use_it(void);\nchar *use_it(void) {{ return size_check; }}\n"
                );
                if what.contains("glibc first") {
                    // glibc redefines FD_SETSIZE itself when it comes first; Windows
                    // programs define it right before <winsock2.h>, which is what this checks.
                    let src = format!(
                        "{LIBC_HEADERS}#undef FD_SETSIZE\n#define FD_SETSIZE 1024\n{WINSOCK_HEADERS}\nstatic char size_check[sizeof(fd_set) == 8 + 8 * 1024 ? 1 : -1];\nchar *use_it(void);\nchar *use_it(void) {{ return size_check; }}\n"
                    );
                    assert_compiles(cc, lang, what, &src);
                } else {
                    assert_compiles(cc, lang, what, &src);
                }
            }
        }
    }
}

/// The Windows names libc also has bind to the project's `ws2_32_` symbols; the others
/// keep their names.
#[test]
fn asm_labels_bind_prefixed_symbols() {
    let src = format!(
        "{WINSOCK_HEADERS}int f(void);\nint f(void) {{ return (int)socket(2, 1, 0) + htons(80) + closesocket(0) + WSAGetLastError(); }}\n"
    );
    for cc in compilers() {
        for lang in [&C, &CXX] {
            let dir = std::env::temp_dir().join(format!(
                "translate-headers-nm-{}-{cc}-{}",
                std::process::id(),
                lang.flags[1]
            ));
            std::fs::create_dir_all(&dir).unwrap();
            let obj = dir.join("f.o");
            let out = compile(cc, lang, &src, &["-c", "-o", obj.to_str().unwrap()]);
            assert!(out.status.success(), "{cc} ({}): {}", lang.name, String::from_utf8_lossy(&out.stderr));
            let nm = Command::new("nm").arg(&obj).output().expect("nm (binutils) is required");
            let syms = String::from_utf8_lossy(&nm.stdout);
            let undefined: Vec<&str> = syms.lines().filter_map(|l| l.trim().strip_prefix("U ")).collect();
            for want in ["ws2_32_socket", "ws2_32_htons", "closesocket", "WSAGetLastError"] {
                assert!(undefined.contains(&want), "{cc} ({}): {want} not referenced in {syms}", lang.name);
            }
            assert!(!undefined.contains(&"socket"), "{cc} ({}): plain socket referenced", lang.name);
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// WCHAR is 16-bit UTF-16: `u"..."` literals fit the W functions in C and C++; `L"..."`
/// (32-bit wchar_t on Linux) is rejected rather than silently misread.
#[test]
fn wide_strings_are_utf16_literals() {
    let ok = format!(
        "{WINSOCK_HEADERS}HANDLE f(void);\nHANDLE f(void) {{ ADDRINFOW *ai = NULL; (void)GetAddrInfoW(u\"localhost\", u\"80\", NULL, &ai); return CreateEventW(NULL, TRUE, FALSE, u\"name\"); }}\n"
    );
    let bad = format!(
        "{WINSOCK_HEADERS}HANDLE f(void);\nHANDLE f(void) {{ return CreateEventW(NULL, TRUE, FALSE, L\"name\"); }}\n"
    );
    for cc in compilers() {
        for lang in [&C, &CXX] {
            assert_compiles(cc, lang, "u\"...\" for W functions", &ok);
            let out = compile(cc, lang, &bad, &["-fsyntax-only"]);
            assert!(!out.status.success(), "{cc} ({}): L\"...\" was accepted for LPCWSTR", lang.name);
        }
    }
}
