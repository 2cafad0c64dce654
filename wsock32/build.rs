//! Writes `libwsock32.so` — a GNU ld linker script, `INPUT(-lws2_32)` — into
//! `target/<profile>/` and `target/<profile>/deps/`, next to where cargo puts
//! `libws2_32.so` (`cargo build` and `cargo test` respectively). A C program linking
//! `-lwsock32` thus links the one engine (DESIGN property 1).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    // OUT_DIR is target/<profile>/build/<pkg>-<hash>/out.
    let Some(profile_dir) = out.ancestors().nth(3) else { return };
    let script = "/* GNU ld script: wsock32 is part of the one Winsock engine, libws2_32.so. */\nINPUT(-lws2_32)\n";
    for dir in [profile_dir.to_path_buf(), profile_dir.join("deps")] {
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("libwsock32.so");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(script) {
            std::fs::write(&path, script).expect("write libwsock32.so linker script");
        }
    }
}
