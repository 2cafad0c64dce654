//! The async engine's acceptance programs (issue 4), written in Windows C against the porting
//! headers and linked with `libws2_32.so`: an overlapped-events echo, a completion-routine echo,
//! a multi-threaded IOCP echo server (AcceptEx + GetQueuedCompletionStatusEx), and an
//! event-select server with 64 events. Each program runs its server and clients in one process,
//! checks every byte itself (exact assertions, bounded waits) and exits with 0; here each is
//! compiled with the shared harness, run under a time limit, and its report checked.

use std::time::Duration;

use winsock_tests::c::{compile, run};

/// Builds and runs `tests/async/<name>.c`; returns its stdout after asserting exit code 0.
fn check(name: &str, limit: Duration) -> String {
    let exe = compile(&[&format!("async/{name}.c")], &format!("async-{name}"));
    let out = run(&exe, &[], limit);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} failed with {}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{name}: {}", stdout.trim());
    stdout
}

#[test]
fn overlapped_events_echo() {
    let out = check("overlapped_events_echo", Duration::from_secs(60));
    assert!(out.contains("overlapped-events echo: 24 connections"), "{out}");
}

#[test]
fn completion_routine_echo() {
    let out = check("completion_routine_echo", Duration::from_secs(60));
    assert!(out.contains("completion-routine echo: 16 connections"), "{out}");
}

#[test]
fn iocp_echo_server() {
    let out = check("iocp_echo_server", Duration::from_secs(90));
    assert!(out.contains("iocp echo: 4 workers, 48 connections"), "{out}");
}

#[test]
fn event_select_server() {
    let out = check("event_select_server", Duration::from_secs(90));
    assert!(out.contains("event-select echo: 63 connections"), "{out}");
}
