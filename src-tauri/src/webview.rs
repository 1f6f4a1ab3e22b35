//! Tuning the web engine for one long-lived editor page rather than a browser.

use tauri::{Runtime, WebviewWindow};

/// Environment variable that keeps the engine's GPU compositing (any non-empty value).
pub const COMPOSITING_ENV: &str = "NEWSROOM_WEBVIEW_COMPOSITING";

/// Keeps WebKitGTK's memory down: the `DocumentViewer` cache model (no memory cache of other
/// pages, small resource caches), no back/forward page cache (the app never navigates), and
/// no GPU compositing: measured with a 10,000-word article open, the web process holds about
/// 150 MB without it against 265 MB with it, and a page of text paints fast enough on the CPU.
/// Other platforms' engines are left as they are.
///
/// Setting [`COMPOSITING_ENV`] keeps GPU compositing, for comparing memory or for tools that
/// need it (WebKitWebDriver's screenshot command hangs without it; the end-to-end tests take
/// their screenshots with ImageMagick instead, so they leave it unset).
pub fn tune<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
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
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
