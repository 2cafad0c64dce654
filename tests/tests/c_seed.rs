//! The seed article's example programs (tests/seed/): its WSCEnumProtocols enumerator, kept as
//! written (MSVC-isms included), and its blocking-server snippet completed with a client.
//! Both are built with the flags `scripts/winsock-cc` uses (`-Wno-unknown-pragmas`).

use winsock_tests::c::{compile_with, run_checked};

#[test]
fn enum_protocols_as_written() {
    // The article's `int _cdecl main(int argc, char** argv)` does not use its parameters.
    let exe = compile_with(
        &["seed/enum_protocols.c"],
        "seed_enum_protocols",
        &["-Wno-unknown-pragmas", "-Wno-unused-parameter"],
    );
    let stdout = run_checked(&exe, &[]);
    println!("{stdout}");
    let count: usize = stdout
        .lines()
        .find_map(|l| l.strip_suffix(" Protocols detected:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no protocol count in:\n{stdout}"));
    assert!(count >= 4, "{count} protocols");
    assert_eq!(stdout.matches("-------\n").count(), count);
    assert_eq!(stdout.matches("\tSocket Type: ").count(), count);
    for expected in ["Socket Type: STREAM", "Socket Type: DGRAM", "Protocol: TCP/IP", "Protocol: UDP/IP"] {
        assert!(stdout.contains(expected), "missing {expected:?}");
    }
    assert!(stdout.contains("Address Family: 2\n") && stdout.contains("Address Family: 23\n"));
    assert!(stdout.contains("Network Byte Order: Big Endian"));
    assert!(stdout.ends_with("Done"));
    // `wprintf(L"Protocol Name: %s\n", prot->szProtocol)`: the headers give wprintf Windows'
    // semantics (%s is a WCHAR string; mixing with printf works), so the names print.
    assert_eq!(stdout.matches("Protocol Name: ").count(), count);
    assert!(stdout.contains("Protocol Name: MSAFD Tcpip [TCP/IP]\n"), "{stdout}");
    assert!(stdout.contains("Protocol Name: MSAFD Tcpip [UDP/IPv6]\n"), "{stdout}");
}

#[test]
fn blocking_server_snippet() {
    let exe = compile_with(&["seed/blocking_server.cpp"], "seed_blocking_server", &["-Wno-unknown-pragmas"]);
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("addr").port();
    let stdout = run_checked(&exe, &[&port.to_string()]);
    assert!(stdout.contains("server: accepted a client from 127.0.0.1 (address length 16)"), "{stdout}");
    assert!(stdout.contains("server: received \"hello server\" (12 bytes)"), "{stdout}");
    assert!(stdout.contains("client: received \"hello client\", then end of stream (0)"), "{stdout}");
    assert!(stdout.contains("server: peer closed, recv returned 0"), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("OK"), "{stdout}");
}
