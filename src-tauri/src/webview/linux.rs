//! WebKitGTK's tuning: fewer caches, no optimizing JIT, no GPU compositing; and the page's
//! shortcuts that GTK's input methods would take.

use gtk::gdk::{self, ModifierType};
use gtk::glib::Propagation;
use gtk::prelude::WidgetExt;
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

/// Ctrl+Shift+U is the page's Publish shortcut, and also the key with which GTK's own input
/// method and IBus start typing a character by its Unicode number: inside a text field (the
/// editor above all) the input method takes it and the page never sees it. So the key is taken
/// here first, before the input method, and handed to the focused element as the keydown it
/// would have been; the page's keymap then does what it does with it everywhere else. (Inside
/// Newsroom, Ctrl+Shift+U no longer starts a Unicode number; other programs keep it.)
pub fn hand_reserved_keys_to_page<R: Runtime>(window: &WebviewWindow<R>) {
    let page = window.clone();
    let connected = window.with_webview(move |webview| {
        webview.inner().connect_key_press_event(move |_, event| {
            if !is_reserved_by_input_methods(event.keyval(), event.state()) {
                return Propagation::Proceed;
            }
            match page.eval(PUBLISH_KEYDOWN) {
                Ok(()) => Propagation::Stop,
                Err(error) => {
                    eprintln!("newsroom: the Publish shortcut could not reach the page: {error}");
                    Propagation::Proceed
                }
            }
        });
    });
    if let Err(error) = connected {
        eprintln!("newsroom: the Publish shortcut may not work in text fields: {error}");
    }
}

/// The keydown Ctrl+Shift+U gives the page, sent to the element with the focus.
const PUBLISH_KEYDOWN: &str = "(document.activeElement || document.body).dispatchEvent(new KeyboardEvent('keydown', \
    {key: 'U', code: 'KeyU', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true, composed: true}));";

/// Whether the key is Ctrl+Shift+U and nothing more (Caps Lock and Num Lock aside).
fn is_reserved_by_input_methods(key: gdk::keys::Key, state: ModifierType) -> bool {
    let modifiers = ModifierType::CONTROL_MASK
        | ModifierType::SHIFT_MASK
        | ModifierType::MOD1_MASK
        | ModifierType::SUPER_MASK
        | ModifierType::META_MASK
        | ModifierType::HYPER_MASK;
    state & modifiers == ModifierType::CONTROL_MASK | ModifierType::SHIFT_MASK
        && key.to_lower() == gdk::keys::constants::u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ctrl_shift_u_is_taken_from_the_input_method() {
        use gdk::keys::constants::{U, a, u};
        let ctrl_shift = ModifierType::CONTROL_MASK | ModifierType::SHIFT_MASK;
        assert!(is_reserved_by_input_methods(U, ctrl_shift));
        assert!(is_reserved_by_input_methods(
            u,
            ctrl_shift | ModifierType::LOCK_MASK
        ));
        assert!(!is_reserved_by_input_methods(u, ModifierType::CONTROL_MASK));
        assert!(!is_reserved_by_input_methods(
            U,
            ctrl_shift | ModifierType::MOD1_MASK
        ));
        assert!(!is_reserved_by_input_methods(a, ctrl_shift));
    }

    #[test]
    fn turns_the_optimizing_jit_off_unless_the_user_chose() {
        assert_eq!(engine_environment(|_| false), vec![("JSC_useDFGJIT", "0")]);
        assert!(engine_environment(|name| name == "JSC_useDFGJIT").is_empty());
    }
}
