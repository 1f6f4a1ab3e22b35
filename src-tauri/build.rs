//! Generates the Tauri context (config, embedded frontend, permissions). The config sits at the
//! repository root beside this package's manifest; the capabilities stay in src-tauri/.

use std::env;

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
    pack_relative_relocations();
}

/// A release app for Linux (glibc) stores its relative relocations packed (`DT_RELR`): 24 bytes
/// each become a bit or two, 0.7 MB of the binary, and the loader touches fewer pages at launch.
/// Such a binary needs glibc 2.36 or later to start (Debian 12, Ubuntu 24.04, Fedora 37): the link
/// records the `GLIBC_ABI_DT_RELR` version, and the packages depend on that glibc
/// (tauri.conf.json), so an older system refuses to install them rather than failing at launch.
fn pack_relative_relocations() {
    let var = |name: &str| env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("PROFILE") == "release"
    {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
