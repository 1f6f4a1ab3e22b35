//! Tuning the web engine for one long-lived editor page rather than a browser.
//!
//! Only WebKitGTK (Linux) is tuned: its defaults suit a browser (page caches, GPU compositing)
//! and cost an editor hundreds of megabytes, and GTK's input methods take one of the page's
//! shortcuts for themselves. WebView2 (Windows) and WKWebView (macOS) are left as they are: their
//! memory was not measured to need it and their settings differ. One module per engine, chosen
//! here, so the rest of the shell calls the same functions everywhere.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as engine;

#[cfg(not(target_os = "linux"))]
mod other;
#[cfg(not(target_os = "linux"))]
use other as engine;

pub use engine::{hand_reserved_keys_to_page, prepare_environment, tune};
