//! WebView2 and WKWebView: nothing to tune (see the parent module).

use tauri::{Runtime, WebviewWindow};

/// No environment to prepare: these engines read no variables Newsroom sets.
pub fn prepare_environment() {}

/// The engine's defaults are kept.
pub fn tune<R: Runtime>(_window: &WebviewWindow<R>) {}

/// Every key reaches the page: no input method here claims one the page binds.
pub fn hand_reserved_keys_to_page<R: Runtime>(_window: &WebviewWindow<R>) {}
