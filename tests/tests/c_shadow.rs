//! libws2_32.so must not shadow libc: none of the names libc also exports may be defined in
//! any shipped `.so` (the project's headers bind them to `ws2_32_*` symbols instead), and a
//! program mixing a POSIX socket user and a Winsock user must have both work.

use std::path::Path;
use std::process::Command;

use winsock_tests::c::{check_program, compile, lib_dir, run_checked};

/// Every name of the Winsock API that libc exports too.
const LIBC_NAMES: &[&str] = &[
    "socket",
    "bind",
    "connect",
    "accept",
    "listen",
    "send",
    "recv",
    "sendto",
    "recvfrom",
    "select",
    "shutdown",
    "getsockopt",
    "setsockopt",
    "getsockname",
    "getpeername",
    "gethostbyname",
    "gethostbyaddr",
    "gethostname",
    "getservbyname",
    "getservbyport",
    "getprotobyname",
    "getprotobynumber",
    "getaddrinfo",
    "freeaddrinfo",
    "getnameinfo",
    "inet_addr",
    "inet_ntoa",
    "inet_ntop",
    "inet_pton",
    "htonl",
    "htons",
    "ntohl",
    "ntohs",
    "poll",
    "close",
    "read",
    "write",
    "ioctl",
];

/// The dynamic symbols a shared object defines (`nm -D --defined-only`), without versions.
fn defined_symbols(so: &Path) -> Vec<String> {
    let out = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(so)
        .output()
        .unwrap_or_else(|e| panic!("could not run nm: {e}"));
    assert!(out.status.success(), "nm {} failed: {}", so.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .map(|sym| sym.split('@').next().unwrap_or(sym).to_string())
        .collect()
}

fn is_elf(path: &Path) -> bool {
    std::fs::read(path).map(|b| b.starts_with(b"\x7fELF")).unwrap_or(false)
}

#[test]
fn no_shipped_library_exports_a_libc_name() {
    let dir = lib_dir();
    let mut checked = 0;
    for name in ["libws2_32.so", "libwsock32.so", "libmswsock.so"] {
        let path = dir.join(name);
        if !path.exists() {
            assert_ne!(name, "libws2_32.so", "{} is missing", path.display());
            continue;
        }
        if !is_elf(&path) {
            // A GNU ld script (`INPUT(-lws2_32)`): it defines nothing itself.
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(text.contains("INPUT(") || text.contains("GROUP("), "{name} is neither ELF nor a linker script");
            println!("{name}: linker script, skipped");
            continue;
        }
        let symbols = defined_symbols(&path);
        let shadowing: Vec<&str> = LIBC_NAMES.iter().copied().filter(|n| symbols.iter().any(|s| s == n)).collect();
        assert!(shadowing.is_empty(), "{name} defines libc names: {shadowing:?}");
        println!("{name}: {} dynamic symbols, none a libc name", symbols.len());
        checked += 1;
    }
    assert!(checked >= 1);

    // The check has teeth: the prefixed and the Windows-only names are there.
    let ws2 = defined_symbols(&dir.join("libws2_32.so"));
    for expected in ["ws2_32_socket", "ws2_32_select", "ws2_32_htons", "WSAStartup", "closesocket", "WSAPoll"] {
        assert!(ws2.iter().any(|s| s == expected), "libws2_32.so does not define {expected}");
    }
}

/// A POSIX socket user (tests/c/posix_user.c, glibc headers) and a Winsock user
/// (tests/c/mixed_winsock.c, the project's headers) in one executable talk to each other.
#[test]
fn posix_and_winsock_users_in_one_program() {
    let exe = compile(&["c/mixed_winsock.c", "c/posix_user.c"], "mixed_winsock");
    let stdout = run_checked(&exe, &[]);
    assert_eq!(stdout.lines().last(), Some("PASS"), "{stdout}");
    // The program itself does not reference libc's socket symbols through the engine.
    let undefined = Command::new("nm").args(["-D", "--undefined-only"]).arg(&exe).output().expect("nm");
    let undefined = String::from_utf8_lossy(&undefined.stdout);
    assert!(undefined.contains("ws2_32_socket"), "the Winsock half binds socket() to ws2_32_socket");
    assert!(undefined.lines().any(|l| l.split_whitespace().last().is_some_and(|s| s.starts_with("socket@"))));
}

/// The same engine answers through a second, independent compile (the error program):
/// WSANOTINITIALISED before WSAStartup proves the Winsock names did not fall through to libc.
#[test]
fn winsock_names_reach_the_engine() {
    let out = check_program("errors", &[]);
    assert!(out.contains("WSANOTINITIALISED"));
}
