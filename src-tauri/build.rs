//! Generates the Tauri context (config, embedded frontend, permissions). The config sits at the
//! repository root beside this package's manifest; the capabilities stay in src-tauri/.

use std::env;
use std::path::Path;

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
    let release_for_glibc = {
        let var = |name: &str| env::var(name).unwrap_or_default();
        var("CARGO_CFG_TARGET_OS") == "linux"
            && var("CARGO_CFG_TARGET_ENV") == "gnu"
            && var("PROFILE") == "release"
    };
    if release_for_glibc {
        pack_relative_relocations();
        order_functions();
    }
}

/// A release app for Linux (glibc) stores its relative relocations packed (`DT_RELR`): 24 bytes
/// each become a bit or two, 0.7 MB of the binary, and the loader touches fewer pages at launch.
/// Such a binary needs glibc 2.36 or later to start (Debian 12, Ubuntu 24.04, Fedora 37): the link
/// records the `GLIBC_ABI_DT_RELR` version, and the packages depend on that glibc
/// (tauri.conf.json), so an older system refuses to install them rather than failing at launch.
fn pack_relative_relocations() {
    println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
}

/// The functions an editing session runs go first in the code, side by side (the linker script
/// src-tauri/launch-order.ld, made by scripts/launch-order.sh, which adds one output section
/// before `.text` and leaves the rest of the linker's layout as it is). The kernel maps code in
/// 64 KB around each page that runs; scattered through the binary, launch code brought in
/// 8.2 MB of its 9 MB, gathered 3.6 MB (BENCHMARKS.md, issue 12). Names the list has and the
/// build does not match nothing: a stale list costs memory, never the build.
fn order_functions() {
    let script = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("src-tauri")
        .join("launch-order.ld");
    println!("cargo:rerun-if-changed={}", script.display());
    println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
}
