//! A bare Tauri v2 window: one static page, no plugins, no commands, no engine tuning.
//!
//! It exists to be measured, not shipped: `scripts/bench-app.sh` launches it in turn with
//! Newsroom in the same run (same Xvfb, same isolated profile, same wait) so that Newsroom's
//! memory is reported as its overhead over what Tauri and WebKitGTK cost by themselves
//! (issue 12, BENCHMARKS.md). Being a workspace member, it is built from the same Cargo.lock,
//! with the same tauri, wry and webkit2gtk, and the workspace's release profile. The benchmark
//! starts it with `WEBKIT_DISABLE_COMPOSITING_MODE=1`, the engine Newsroom runs (no GPU
//! compositing), and once more with WebKit's default.

// No console window on Windows in release builds, as for the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window could not run");
}
