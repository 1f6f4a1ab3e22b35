//! Generates the Tauri context (config, embedded frontend, permissions). The config sits at the
//! repository root beside this package's manifest; the capabilities stay in src-tauri/. A release
//! app for Linux is linked lean (crates/release-link).

use release_link::Bins;

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
    if release_link::release_for_glibc() {
        release_link::pack_relative_relocations(Bins::All);
        release_link::order_functions(Bins::All, "src-tauri/launch-order.ld");
    }
}
