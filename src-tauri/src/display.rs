//! Refusing to start without a graphical display, with a sentence instead of GTK's abort.

/// What to tell someone who started the app where no display is reachable (a server or a
/// plain SSH session); `None` when a display is there or the platform always has one.
pub fn missing_display_message() -> Option<&'static str> {
    let on_x11_or_wayland = cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    ));
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (on_x11_or_wayland && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some(
        "Newsroom needs a graphical display. On a server, run it under Xvfb: xvfb-run newsroom-app",
    )
}
