//! Linux and Windows: no native menu bar (see the parent module). Tauri adds a default menu
//! on macOS only, so leaving the builder alone keeps the window without one.

use tauri::{Builder, Runtime};

/// The builder, unchanged.
pub fn install<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
}
