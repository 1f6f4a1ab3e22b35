//! How the release binaries that ship (the app, its checker) are linked on Linux with glibc, for
//! their build scripts (`src-tauri/build.rs`, `crates/newsroom/build.rs`): what is loaded at
//! launch is most of a process's memory that is not its data (BENCHMARKS.md, issue 12).
//!
//! Both measures are for that platform's GNU toolchain only; other targets and debug builds link
//! as usual, so CI and the cross-checks never see them.

use std::env;
use std::path::Path;

/// The binaries of the calling package that a link argument is for.
#[derive(Debug, Clone, Copy)]
pub enum Bins {
    /// Every binary of the package.
    All,
    /// The binary of this name only.
    Named(&'static str),
}

impl Bins {
    fn link_arg(self, arg: &str) {
        match self {
            Bins::All => println!("cargo:rustc-link-arg-bins={arg}"),
            Bins::Named(name) => println!("cargo:rustc-link-arg-bin={name}={arg}"),
        }
    }
}

/// Whether the build script runs for a release build for Linux with glibc.
pub fn release_for_glibc() -> bool {
    let var = |name: &str| env::var(name).unwrap_or_default();
    var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("PROFILE") == "release"
}

/// The binaries store their relative relocations packed (`DT_RELR`): 24 bytes each become a bit
/// or two, and the loader touches fewer pages at launch (0.7 MB of the app, 0.4 MB of the
/// checker). Such a binary needs glibc 2.36 or later to start (Debian 12, Ubuntu 24.04, Fedora
/// 37): the link records the `GLIBC_ABI_DT_RELR` version, and the packages depend on that glibc
/// (tauri.conf.json), so an older system refuses to install them rather than failing at launch.
pub fn pack_relative_relocations(bins: Bins) {
    bins.link_arg("-Wl,-z,pack-relative-relocs");
}

/// The functions a session runs go first in the code, side by side: `script`, a path from the
/// calling package's manifest folder, is a linker script made by scripts/launch-order.sh that adds one output section before `.text` and leaves the rest
/// of the linker's layout as it is. The kernel maps code in 64 KB around each page that runs;
/// scattered through the binary, the app's launch code brought in 8.2 MB of its 9 MB, gathered
/// 3.6 MB (BENCHMARKS.md, issue 12). Names the list has and the build does not match nothing: a
/// stale list costs memory, never the build.
pub fn order_functions(bins: Bins, script: &str) {
    let script = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join(script);
    println!("cargo:rerun-if-changed={}", script.display());
    bins.link_arg(&format!("-Wl,-T,{}", script.display()));
}
