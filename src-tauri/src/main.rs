//! Newsroom's desktop app: a Tauri window over the `newsroom` core. See `app.rs` for the
//! wiring and `commands/` for what the web UI may ask.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod background;
mod commands;
mod display;
mod error;
mod events;
mod grants;
#[cfg(test)]
mod ipc_types;
mod launch;
#[cfg(all(test, target_os = "linux"))]
mod launch_order;
mod locks;
mod media;
mod menu;
mod post_link;
mod proofing;
mod publishing;
mod state;
mod sync;
mod webview;

fn main() -> std::process::ExitCode {
    app::run()
}
