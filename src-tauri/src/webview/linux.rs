//! WebKitGTK's tuning: fewer caches, no optimizing JIT, no GPU compositing.

use tauri::{Runtime, WebviewWindow};

/// Environment variable that keeps the engine's GPU compositing (any non-empty value).
pub const COMPOSITING_ENV: &str = "NEWSROOM_WEBVIEW_COMPOSITING";

/// The JavaScriptCore option for its optimizing compilers (DFG, and FTL above it), read from the
/// environment when the web process starts.
const OPTIMIZING_JIT_ENV: &str = "JSC_useDFGJIT";

/// Sets the web engine's environment variables this process should have, before GTK and WebKit
/// start; the web process inherits them. `app::run` calls it first, while the process has a
/// single thread: it changes the process environment.
///
/// JavaScriptCore's optimizing compilers are turned off, keeping its interpreter and baseline
/// JIT: measured with the 10,000-word article open, they held 11 MB once idle and 37 MB after a
/// burst of typing, while keystroke-to-preview latency stayed the same (p95 14 ms with them,
/// 15 ms without; with no JIT at all it rose to 18 ms). A value the user set wins. Programs
/// Newsroom starts (the browser an export is opened in) inherit it too: only a WebKitGTK
/// browser not already running would notice, as slower scripts.
pub fn prepare_environment() {
    for (name, value) in engine_environment(|name| std::env::var_os(name).is_some()) {
        // SAFETY: `app::run` calls this before anything starts a thread, so nothing else can be
        // reading the environment while it changes.
        unsafe { std::env::set_var(name, value) };
    }
}

/// The variables to set, given which are set already.
fn engine_environment(is_set: impl Fn(&str) -> bool) -> Vec<(&'static str, &'static str)> {
    [(OPTIMIZING_JIT_ENV, "0")]
        .into_iter()
        .filter(|(name, _)| !is_set(name))
        .collect()
}

/// Keeps WebKitGTK's memory down: the `DocumentViewer` cache model (no memory cache of other
/// pages, small resource caches), no back/forward page cache (the app never navigates), and
/// no GPU compositing: measured with a 10,000-word article open, the web process holds about
/// 150 MB without it against 300 MB with it (the whole app 270 against 416 MB), and a page of
/// text paints fast enough on the CPU.
///
/// Setting [`COMPOSITING_ENV`] keeps GPU compositing, for comparing memory or for tools that
/// need it (WebKitWebDriver's screenshot command hangs without it; the end-to-end tests take
/// their screenshots with ImageMagick instead, so they leave it unset).
pub fn tune<R: Runtime>(window: &WebviewWindow<R>) {
    let keep_compositing = std::env::var_os(COMPOSITING_ENV).is_some_and(|v| !v.is_empty());
    let tuned = window.with_webview(move |webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_enable_page_cache(false);
            if !keep_compositing {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
    });
    if let Err(error) = tuned {
        eprintln!("newsroom: could not tune the web view: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_the_optimizing_jit_off_unless_the_user_chose() {
        assert_eq!(engine_environment(|_| false), vec![("JSC_useDFGJIT", "0")]);
        assert!(engine_environment(|name| name == "JSC_useDFGJIT").is_empty());
    }
}
