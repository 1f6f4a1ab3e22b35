//! Generates the Tauri context (config, embedded frontend, permissions). The config sits at the
//! repository root beside this package's manifest; the capabilities stay in src-tauri/.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
}
