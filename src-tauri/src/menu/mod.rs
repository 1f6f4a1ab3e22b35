//! The native menu bar, as each platform expects it.
//!
//! macOS: every app has a menu bar, and WKWebView takes Cut, Copy, Paste, Undo and Select All
//! from its Edit menu: without one, ⌘C/⌘V/⌘X/⌘Z do nothing in the page. Linux and Windows keep
//! no menu bar: the window's toolbar and "⋯" menu carry the actions, and the page binds the
//! keyboard shortcuts itself. One module per platform, chosen here.

#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
use macos as platform;

#[cfg(not(target_os = "macos"))]
mod other;
#[cfg(not(target_os = "macos"))]
use other as platform;

pub use platform::install;
