//! The main job's bundled Windows program (tests/demo/winsock_demo.c), compiled as
//! `scripts/run-demo` compiles it (the flags of `scripts/winsock-cc`) against the debug
//! build, and run: blocking, select and WSAPoll client/server paths, ending in "ALL OK".

use winsock_tests::c::{compile_with, repo_root, run_checked};

#[test]
fn demo_runs_all_three_paths() {
    let exe = compile_with(&["demo/winsock_demo.c"], "winsock_demo", &["-Wno-unknown-pragmas"]);
    let stdout = run_checked(&exe, &[]);
    for step in ["1. blocking sockets", "blocking path OK", "select path OK", "WSAPoll path OK"] {
        assert!(stdout.contains(step), "missing {step:?} in:\n{stdout}");
    }
    assert_eq!(stdout.lines().last(), Some("ALL OK"), "{stdout}");
}

#[test]
fn run_demo_script_is_executable() {
    use std::os::unix::fs::PermissionsExt;
    let script = repo_root().join("scripts/run-demo");
    let mode = std::fs::metadata(&script).expect("scripts/run-demo exists").permissions().mode();
    assert!(mode & 0o111 != 0, "scripts/main-job only runs scripts/run-demo when it is executable");
}
