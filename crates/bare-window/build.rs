//! Generates the bare window's Tauri context from its own tauri.conf.json beside this file.

fn main() {
    tauri_build::build();
}
