//! Building the test programs: the mingw-w64 PE images from `tests/pe/*.c` (with import
//! libraries made from the `.def` files, so some imports are by ordinal), and native C
//! programs against the porting headers and the project's `.so`s.
//!
//! Builds go into the caller's scratch directory (`CARGO_TARGET_TMPDIR`), once per test
//! process, and are skipped when the output is newer than its sources. A missing mingw
//! toolchain fails the test (scripts/install-deps installs it): a green run always means the
//! PE path ran.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The repository's `tests/pe` folder.
pub fn pe_sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("pe")
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repo root").to_path_buf()
}

/// The built PE test images.
#[derive(Debug)]
pub struct Images {
    /// Freestanding: ws2_32/wsock32 by ordinal, mswsock by name, loopback with itself.
    pub fs: PathBuf,
    /// CRT blocking client.
    pub client: PathBuf,
    /// CRT select() server.
    pub select_server: PathBuf,
    /// CRT IOCP echo server with worker threads.
    pub iocp_server: PathBuf,
}

impl Images {
    /// All of them, with a short name each.
    pub fn all(&self) -> [(&'static str, &Path); 4] {
        [
            ("fs", &self.fs),
            ("client", &self.client),
            ("select_server", &self.select_server),
            ("iocp_server", &self.iocp_server),
        ]
    }
}

fn newer(out: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(t) = out.metadata().and_then(|m| m.modified()) else { return false };
    inputs.iter().all(|i| i.metadata().and_then(|m| m.modified()).is_ok_and(|s| s <= t))
}

fn run(cmd: &mut Command) {
    let out =
        cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (scripts/install-deps installs mingw-w64)"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

const REPRO: [&str; 3] = ["-s", "-Wl,--no-insert-timestamp", "-O2"];

/// Builds (or reuses) every image under `dir/pe`.
pub fn images(dir: &Path) -> &'static Images {
    static IMAGES: OnceLock<Images> = OnceLock::new();
    IMAGES.get_or_init(|| {
        let out = dir.join("pe");
        std::fs::create_dir_all(&out).expect("create image dir");
        let src = pe_sources();
        for def in ["ws2_ord", "wsock32_ord", "mswsock"] {
            let lib = out.join(format!("lib{def}.a"));
            let d = src.join(format!("{def}.def"));
            if !newer(&lib, std::slice::from_ref(&d)) {
                run(Command::new("x86_64-w64-mingw32-dlltool").arg("-d").arg(&d).arg("-l").arg(&lib));
            }
        }
        let fs = out.join("fs.exe");
        let fs_inputs = ["fs.c", "ws2_ord.def", "wsock32_ord.def", "mswsock.def"].map(|f| src.join(f));
        if !newer(&fs, &fs_inputs) {
            run(Command::new("x86_64-w64-mingw32-gcc")
                .args(REPRO)
                .args(["-Wall", "-Werror", "-nostdlib", "-ffreestanding", "-fno-builtin", "-mno-stack-arg-probe"])
                .args(["-e", "start", "-o"])
                .arg(&fs)
                .arg(src.join("fs.c"))
                .arg("-L")
                .arg(&out)
                .args(["-lws2_ord", "-lwsock32_ord", "-lmswsock", "-lkernel32"]));
        }
        let crt = |name: &str| {
            let exe = out.join(format!("{name}.exe"));
            let c = src.join(format!("{name}.c"));
            if !newer(&exe, std::slice::from_ref(&c)) {
                run(Command::new("x86_64-w64-mingw32-gcc")
                    .args(REPRO)
                    .args(["-Wall", "-Werror", "-o"])
                    .arg(&exe)
                    .arg(&c)
                    .arg("-lws2_32"));
            }
            exe
        };
        Images { fs, client: crt("client"), select_server: crt("select_server"), iocp_server: crt("iocp_server") }
    })
}

/// The directory holding `libws2_32.so` for this test process: next to the test executable
/// (`target/<profile>/deps`, where `cargo test` leaves it) or its parent.
pub fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("current_exe");
    let deps = exe.parent().expect("exe dir").to_path_buf();
    if deps.join("libws2_32.so").exists() { deps } else { deps.parent().expect("profile dir").to_path_buf() }
}

/// Compiles a native C program against the porting headers and links `libs` from
/// [`lib_dir`] with an rpath; returns the executable.
pub fn native_c(dir: &Path, name: &str, sources: &[PathBuf], libs: &[&str]) -> PathBuf {
    let exe = dir.join(name);
    let lib = lib_dir();
    let mut cmd = Command::new("cc");
    cmd.args(["-std=gnu11", "-O1", "-Wall", "-Wno-unknown-pragmas", "-pthread", "-I"])
        .arg(repo_root().join("include"))
        .args(sources)
        .arg("-o")
        .arg(&exe)
        .arg(format!("-L{}", lib.display()))
        .arg(format!("-Wl,-rpath,{}", lib.display()));
    for l in libs {
        cmd.arg(format!("-l{l}"));
    }
    run(&mut cmd);
    exe
}
