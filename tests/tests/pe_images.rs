//! The mingw-built test images under the test loader (`pe-run`), each at its preferred base
//! and relocated, talking over loopback to native Rust peers; plus the static check that
//! every import of every image resolves against the project's tables and the loader's shims.
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use winsock_tests::build::{self, Images};
use winsock_tests::loader::image::list_imports;
use winsock_tests::loader::imports::{Wanted, resolve};

fn images() -> &'static Images {
    build::images(Path::new(env!("CARGO_TARGET_TMPDIR")))
}

const PLACEMENTS: [bool; 2] = [false, true];

fn pe_run(image: &Path, relocate: bool, args: &[&str]) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pe-run"));
    if relocate {
        cmd.arg("--relocate");
    }
    cmd.arg(image).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn pe-run")
}

/// Waits with a deadline (a hung image fails the test instead of hanging it).
fn finish(mut child: Child, secs: u64) -> Output {
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    while child.try_wait().expect("try_wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!("image timed out; stdout:\n{}\nstderr:\n{}", text(&out.stdout), text(&out.stderr));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Checks exit code 0 and where the image was mapped; returns stdout.
fn check(out: &Output, relocate: bool) -> String {
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "exit code; stdout:\n{stdout}\nstderr:\n{stderr}");
    let line = stderr.lines().find(|l| l.starts_with("pe-run: base=")).expect("placement line");
    let mut it = line.split(['=', ' ']).filter(|s| s.starts_with("0x"));
    let (base, preferred) = (it.next().unwrap(), it.next().unwrap());
    assert_eq!(base != preferred, relocate, "{line}");
    stdout
}

#[test]
fn every_import_of_every_image_resolves() {
    let mut by_ordinal = std::collections::BTreeSet::new();
    for (name, path) in images().all() {
        let data = std::fs::read(path).unwrap();
        let imports = list_imports(&data).unwrap();
        assert!(!imports.is_empty(), "{name}");
        let missing: Vec<String> =
            imports.iter().filter(|i| resolve(&i.dll, &i.wanted).is_none()).map(|i| format!("{name}: {i}")).collect();
        assert!(missing.is_empty(), "unresolved: {missing:?}");
        for i in imports {
            if let Wanted::Ordinal(o) = i.wanted {
                by_ordinal.insert((i.dll.to_ascii_lowercase(), o));
            }
        }
    }
    // fs.exe really imports by ordinal from both DLLs (wsock32 #10 is inet_addr, #1107 WSARecvEx).
    for want in
        [("ws2_32.dll", 16), ("ws2_32.dll", 11), ("wsock32.dll", 10), ("wsock32.dll", 1107), ("wsock32.dll", 21)]
    {
        assert!(by_ordinal.contains(&(want.0.to_owned(), want.1)), "{want:?} in {by_ordinal:?}");
    }
    // and mswsock by name.
    let fs = list_imports(&std::fs::read(&images().fs).unwrap()).unwrap();
    assert!(
        fs.iter().any(|i| i.dll.eq_ignore_ascii_case("mswsock.dll") && i.wanted == Wanted::Name("WSARecvEx".into()))
    );
}

#[test]
fn freestanding_image_loopback_by_ordinal() {
    for relocate in PLACEMENTS {
        let out = finish(pe_run(&images().fs, relocate, &[]), 30);
        let stdout = check(&out, relocate);
        assert_eq!(stdout, "fs: ok two\n");
    }
}

/// A native echo server for `count` connections.
fn echo_server(count: usize) -> (u16, std::thread::JoinHandle<usize>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let t = std::thread::spawn(move || {
        let mut total = 0;
        for _ in 0..count {
            let (mut s, _) = l.accept().unwrap();
            s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
            let mut buf = [0u8; 1024];
            loop {
                let n = s.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                s.write_all(&buf[..n]).unwrap();
                total += n;
            }
        }
        total
    });
    (port, t)
}

#[test]
fn crt_client_against_native_echo_server() {
    for relocate in PLACEMENTS {
        let (port, server) = echo_server(1);
        let out = finish(pe_run(&images().client, relocate, &[&port.to_string(), "5"]), 30);
        let stdout = check(&out, relocate);
        for i in 1..=5 {
            assert!(stdout.contains(&format!("echo {i}: message {i} of 5\n")), "{stdout}");
        }
        let bytes: usize = (1..=5).map(|i| format!("message {i} of 5").len()).sum();
        assert!(stdout.ends_with(&format!("client done: 5 messages, {bytes} bytes, eof=1\n")), "{stdout}");
        assert_eq!(server.join().unwrap(), bytes);
    }
}

/// Reads the image's "port N" line.
fn read_port(child: &mut Child) -> (u16, BufReader<std::process::ChildStdout>) {
    let mut r = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    r.read_line(&mut line).unwrap();
    let port = line.trim().strip_prefix("port ").unwrap_or_else(|| panic!("no port line: {line:?}")).parse().unwrap();
    (port, r)
}

/// `clients` native clients, concurrently, each sending `msgs` messages and checking
/// `expect(msg)` comes back. Returns the bytes sent.
fn native_clients(port: u16, clients: usize, msgs: usize, expect: fn(&str) -> String) -> usize {
    let ts: Vec<_> = (0..clients)
        .map(|c| {
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
                let mut sent = 0;
                for m in 0..msgs {
                    let msg = format!("client {c} says hello {m}");
                    s.write_all(msg.as_bytes()).unwrap();
                    let mut back = vec![0u8; msg.len()];
                    s.read_exact(&mut back).unwrap();
                    assert_eq!(text(&back), expect(&msg));
                    sent += msg.len();
                }
                sent
            })
        })
        .collect();
    ts.into_iter().map(|t| t.join().unwrap()).sum()
}

fn finish_with_reader(child: Child, mut rest: BufReader<std::process::ChildStdout>, secs: u64) -> (Output, String) {
    let out = finish(child, secs);
    let mut tail = String::new();
    rest.read_to_string(&mut tail).unwrap();
    (out, tail)
}

#[test]
fn crt_select_server_serves_native_clients() {
    for relocate in PLACEMENTS {
        let mut child = pe_run(&images().select_server, relocate, &["3"]);
        let (port, rest) = read_port(&mut child);
        let sent = native_clients(port, 3, 4, |m| m.to_uppercase());
        let (out, tail) = finish_with_reader(child, rest, 30);
        check(&out, relocate);
        assert_eq!(tail, format!("served 3 clients, {sent} bytes\n"));
    }
}

#[test]
fn crt_iocp_server_with_workers_matches_native_build() {
    let mut summaries = Vec::new();
    for relocate in PLACEMENTS {
        let mut child = pe_run(&images().iocp_server, relocate, &["4", "2"]);
        let (port, rest) = read_port(&mut child);
        let sent = native_clients(port, 4, 5, |m| m.to_owned());
        let (out, tail) = finish_with_reader(child, rest, 30);
        check(&out, relocate);
        assert_eq!(tail, format!("served 4 clients with 2 workers, {sent} bytes echoed\n"));
        summaries.push(tail);
    }
    // The same source compiled natively against the porting headers.
    let exe = build::native_c(
        Path::new(env!("CARGO_TARGET_TMPDIR")),
        "iocp_server_native",
        &[build::pe_sources().join("iocp_server.c")],
        &["ws2_32"],
    );
    let mut child = Command::new(exe)
        .env_remove("LD_LIBRARY_PATH")
        .args(["4", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("native server");
    let (port, rest) = read_port(&mut child);
    native_clients(port, 4, 5, |m| m.to_owned());
    let (out, tail) = finish_with_reader(child, rest, 30);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(tail, summaries[0], "native and PE runs differ");
}
