//! `pe-run [--relocate] [--list-imports] IMAGE.exe [ARGS…]`: loads a mingw-built x86_64 PE
//! image with the project's test loader, runs it, and exits with its exit code. The tests
//! run each image in its own process this way, because a CRT program's state (argv, the
//! `atexit` list, stdio) is process-global.
//!
//! Prints `pe-run: base=… preferred=…` on stderr first, so a test can check the placement.

#[cfg(target_arch = "x86_64")]
fn main() {
    use winsock_tests::loader::{Image, Placement, run_image, shims};

    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut placement = Placement::Preferred;
    let mut list = false;
    while let Some(a) = args.first() {
        match a.as_str() {
            "--relocate" => placement = Placement::Relocated,
            "--list-imports" => list = true,
            _ => break,
        }
        args.remove(0);
    }
    let Some(path) = args.first().cloned() else {
        eprintln!("usage: pe-run [--relocate] [--list-imports] IMAGE.exe [ARGS...]");
        std::process::exit(2);
    };
    let data = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("pe-run: {path}: {e}");
        std::process::exit(2)
    });
    let image = Image::load(&data, placement).unwrap_or_else(|e| {
        eprintln!("pe-run: {path}: {e}");
        std::process::exit(2)
    });
    eprintln!("pe-run: base={:#x} preferred={:#x}", image.base, image.preferred_base);
    if list {
        for (i, addr) in &image.imports {
            eprintln!("pe-run: import {i} -> {addr:#x}");
        }
    }
    shims::set_module_handle(image.base);
    let code = run_image(&image, args);
    std::process::exit(code as i32);
}

#[cfg(not(target_arch = "x86_64"))]
fn main() {
    eprintln!("pe-run: x86_64 only");
    std::process::exit(2);
}
