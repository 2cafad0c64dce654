//! Compiling and running the C (and C++) programs of the test suite against the porting
//! headers and the freshly built `libws2_32.so`.
//!
//! This is how users meet the project: a Windows socket source compiled by gcc against
//! `include/` and linked with `-lws2_32`. The tests therefore drive the real compiler and the
//! real dynamic linker rather than calling the engine from Rust.
//!
//! Where the library is: `cargo test` builds every dependency's cdylib into
//! `target/<profile>/deps` but only `cargo build` copies it up to `target/<profile>`, so the
//! directory is found next to the running test executable (`current_exe()`), or its parent.
//! The programs are linked with an rpath to it, so no `LD_LIBRARY_PATH` is needed.
//!
//! Every program is built once per test process and name (concurrent tests asking for the
//! same name wait for the one build), into `target/tmp/c-programs`, written under a temporary
//! name and renamed, so a concurrently running copy from another test binary is never
//! overwritten in place. Every run has a hard timeout: the child is killed on expiry.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The default timeout of [`run_checked`]: generous, every program bounds its own waits.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The directory holding `libws2_32.so` for the running test: `target/<profile>/deps` during
/// `cargo test` (next to the test executable), else `target/<profile>`.
pub fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("current_exe");
    let deps = exe.parent().expect("the test executable has a directory").to_path_buf();
    for dir in [&deps, &deps.parent().map(Path::to_path_buf).unwrap_or_default()] {
        if dir.join("libws2_32.so").exists() {
            return dir.clone();
        }
    }
    panic!(
        "libws2_32.so is neither in {} nor in its parent: the tests crate depends on ws2_32, so \
         cargo should have built the cdylib before running the tests",
        deps.display()
    );
}

/// Where the programs are built: `target/tmp/c-programs` (the directory cargo names
/// `CARGO_TARGET_TMPDIR` for integration tests), falling back to the system temp dir.
pub fn out_dir() -> PathBuf {
    let lib = lib_dir();
    // lib is target/<profile>/deps or target/<profile>; target/tmp is beside target/<profile>.
    let profile = if lib.ends_with("deps") { lib.parent() } else { Some(lib.as_path()) };
    let dir = match profile.and_then(Path::parent) {
        Some(target) => target.join("tmp").join("c-programs"),
        None => std::env::temp_dir().join("winsock-tests-c-programs"),
    };
    std::fs::create_dir_all(&dir).expect("create the C program output directory");
    dir
}

/// Compiles `sources` (paths relative to the tests crate, e.g. `"c/udp.c"`) into an
/// executable named `out`, with the project's strict flags:
/// `-std=gnu11 -Wall -Wextra -Werror -pthread -I<repo>/include -lws2_32` (C++ sources:
/// `-std=gnu++17`, with `$CXX`/`c++`). Panics with the compiler's output on failure.
pub fn compile(sources: &[&str], out: &str) -> PathBuf {
    compile_with(sources, out, &[])
}

/// [`compile`] with extra compiler flags (e.g. `-Wno-unknown-pragmas` for a source with
/// `#pragma comment(lib, ...)`, as `scripts/winsock-cc` passes).
pub fn compile_with(sources: &[&str], out: &str, extra_flags: &[&str]) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, Arc<OnceLock<PathBuf>>>>> = OnceLock::new();
    let slot = {
        let mut built = BUILT.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        built.entry(out.to_string()).or_default().clone()
    };
    slot.get_or_init(|| build(sources, out, extra_flags)).clone()
}

fn build(sources: &[&str], out: &str, extra_flags: &[&str]) -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = repo_root();
    let lib = lib_dir();
    let cxx = sources.iter().any(|s| [".cpp", ".cc", ".cxx"].iter().any(|ext| s.ends_with(ext)));
    let compiler = if cxx {
        std::env::var("CXX").unwrap_or_else(|_| "c++".into())
    } else {
        std::env::var("CC").unwrap_or_else(|_| "cc".into())
    };
    let dest = out_dir().join(out);
    let tmp = out_dir().join(format!(".{out}.{}.tmp", std::process::id()));

    let mut cmd = Command::new(&compiler);
    cmd.arg(if cxx { "-std=gnu++17" } else { "-std=gnu11" })
        .args(["-g", "-Wall", "-Wextra", "-Werror", "-pthread"])
        .arg(format!("-I{}", root.join("include").display()))
        .args(extra_flags)
        .args(sources.iter().map(|s| crate_dir.join(s)))
        .arg("-o")
        .arg(&tmp)
        .arg(format!("-L{}", lib.display()))
        .arg("-lws2_32")
        .arg(format!("-Wl,-rpath,{}", lib.display()));
    let output = cmd.output().unwrap_or_else(|e| panic!("could not run the C compiler `{compiler}`: {e}"));
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        panic!(
            "compiling {out} failed ({}):\n{:?}\n--- compiler output ---\n{}{}",
            output.status,
            cmd,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::rename(&tmp, &dest).expect("move the built program into place");
    dest
}

/// Runs `exe` with `args`, capturing its output; kills it and panics (showing what it printed
/// so far) if it runs longer than `timeout`.
pub fn run(exe: &Path, args: &[&str], timeout: Duration) -> Output {
    // cargo's LD_LIBRARY_PATH may name a stale uplifted libws2_32.so; the rpath names the
    // one this test binary was built with.
    let mut child = Command::new(exe)
        .env_remove("LD_LIBRARY_PATH")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {}: {e}", exe.display()));
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));

    let start = Instant::now();
    let status: Option<ExitStatus> = loop {
        match child.try_wait().expect("wait for the C program") {
            Some(status) => break Some(status),
            None if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    match status {
        Some(status) => Output { status, stdout, stderr },
        None => panic!(
            "{} {:?} did not finish within {:?} and was killed\n--- stdout ---\n{}--- stderr ---\n{}",
            exe.display(),
            args,
            timeout,
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr)
        ),
    }
}

/// Runs a program and asserts it exited with status 0; returns its stdout. The failure
/// message carries the program's whole output, whose last line names the failed check.
pub fn run_checked(exe: &Path, args: &[&str]) -> String {
    let output = run(exe, args, DEFAULT_TIMEOUT);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{} {:?} failed ({})\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
        exe.display(),
        args,
        output.status
    );
    stdout
}

/// Compiles `tests/c/<name>.c` and runs it with `args`, asserting it exits with status 0 and
/// ends with `PASS`. Returns its stdout.
pub fn check_program(name: &str, args: &[&str]) -> String {
    let source = format!("c/{name}.c");
    let exe = compile(&[&source], name);
    let stdout = run_checked(&exe, args);
    assert_eq!(stdout.lines().last(), Some("PASS"), "{name} {args:?} did not finish its checks:\n{stdout}");
    stdout
}
