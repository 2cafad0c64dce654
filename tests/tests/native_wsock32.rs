//! `libwsock32.so`/`libmswsock.so` are linker scripts over the one engine: a C program linking
//! only `-lwsock32 -lmswsock` links and runs, and its sockets are the engine's.
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::path::Path;

const PROGRAM: &str = r#"
#include <winsock.h>
#include <mswsock.h>
#include <stdio.h>
int main(void) {
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(1, 1), &wsa) != 0) return 1;
    SOCKET u = socket(AF_INET, SOCK_DGRAM, 0);
    if (u == INVALID_SOCKET) return 2;
    struct sockaddr_in a = {0};
    int alen = sizeof a;
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(u, (struct sockaddr *)&a, sizeof a) || getsockname(u, (struct sockaddr *)&a, &alen)) return 3;
    char big[64] = {0}, buf[8];
    if (sendto(u, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a) != sizeof big) return 4;
    int flags = 0;
    int n = WSARecvEx(u, buf, sizeof buf, &flags);
    if (n != 8 || !(flags & MSG_PARTIAL)) { printf("WSARecvEx %d flags %#x err %d\n", n, flags, WSAGetLastError()); return 5; }
    closesocket(u);
    if (closesocket(u) != SOCKET_ERROR || WSAGetLastError() != WSAENOTSOCK) return 6;
    WSACleanup();
    printf("wsock32 ok\n");
    return 0;
}
"#;

#[test]
fn c_program_linking_only_wsock32_and_mswsock() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let src = dir.join("wsock32_only.c");
    std::fs::write(&src, PROGRAM).unwrap();
    let lib = winsock_tests::build::lib_dir();
    for script in ["libwsock32.so", "libmswsock.so"] {
        let text = std::fs::read_to_string(lib.join(script)).unwrap_or_else(|e| panic!("{script}: {e}"));
        assert!(text.contains("INPUT(-lws2_32)"), "{text}");
    }
    let exe = winsock_tests::build::native_c(dir, "wsock32_only", &[src], &["wsock32", "mswsock"]);
    // cargo's LD_LIBRARY_PATH may name a stale uplifted libws2_32.so; the rpath is right.
    let out = std::process::Command::new(exe).env_remove("LD_LIBRARY_PATH").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "wsock32 ok\n");
}

#[test]
fn enum_protocols_uses_the_old_layout() {
    use ws2_32::exports::wsock32::own::native::EnumProtocolsA;
    use ws2_32::native::{WSACleanup, WSAStartup};
    // SAFETY: plain calls with valid buffers.
    unsafe {
        let mut wsa: translate::WSADATA = std::mem::zeroed();
        assert_eq!(WSAStartup(0x0202, &mut wsa), 0);
        let mut len = 0u32;
        assert_eq!(EnumProtocolsA(std::ptr::null(), std::ptr::null_mut(), &mut len), -1);
        assert!(len >= 40, "{len}");
        let mut buf = vec![0u64; len as usize / 8 + 1];
        let n = EnumProtocolsA(std::ptr::null(), buf.as_mut_ptr().cast(), &mut len);
        assert!(n > 0, "{n}");
        // Entry 0: PROTOCOL_INFOA { dwServiceFlags, iAddressFamily, …, lpProtocol }.
        let p = buf.as_ptr().cast::<u8>();
        let family = p.add(4).cast::<i32>().read();
        let name = std::ffi::CStr::from_ptr(p.add(32).cast::<*const std::ffi::c_char>().read());
        assert!([2, 23].contains(&family), "{family}");
        assert!(!name.to_bytes().is_empty());
        assert_eq!(WSACleanup(), 0);
    }
}
