//! macOS's menu bar: the application menu, Edit and Window, built from Tauri's predefined
//! items, which call the system's own actions (`copy:`, `undo:`, `performZoom:`…) so they behave
//! as in every other Mac app.
//!
//! The page sees a key press before the menu does: CodeMirror's own ⌘Z/⇧⌘Z (its undo history)
//! win inside the editor; ⌘C/⌘X/⌘V/⌘A reach the menu and WebKit runs them on the focused field.

use tauri::menu::{
    AboutMetadata, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder, WINDOW_SUBMENU_ID,
};
use tauri::{AppHandle, Builder, Manager, Runtime};

/// The id of our own Quit item (see [`quit`]).
const QUIT: &str = "newsroom-quit";

/// Gives the app its menu bar and handles the items that are ours.
pub fn install<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.menu(build).on_menu_event(on_menu_event)
}

fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let name = app.package_info().name.clone();
    let about = AboutMetadata {
        name: Some(name.clone()),
        version: Some(app.package_info().version.to_string()),
        copyright: app.config().bundle.copyright.clone(),
        ..Default::default()
    };
    let quit = MenuItemBuilder::with_id(QUIT, format!("Quit {name}"))
        .accelerator("CmdOrCtrl+Q")
        .build(app)?;
    let application = SubmenuBuilder::new(app, &name)
        .about(Some(about))
        .separator()
        .services()
        .separator()
        .hide()
        .hide_others()
        .show_all()
        .separator()
        .item(&quit)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    // This id makes Tauri hand the submenu to macOS as the Window menu, which lists the windows.
    let window = SubmenuBuilder::with_id(app, WINDOW_SUBMENU_ID, "Window")
        .minimize()
        .maximize()
        .separator()
        .close_window()
        .separator()
        .bring_all_to_front()
        .build()?;
    MenuBuilder::new(app)
        .items(&[&application, &edit, &window])
        .build()
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if event.id() == QUIT {
        quit(app);
    }
}

/// Quits the way closing the window does, so the page first saves the typing its save queue
/// still holds (it is told `close_requested`, `crate::events`) and the app exits once the
/// window has gone. The predefined Quit item would call `terminate:`, which ends the app without
/// asking the window.
/// (Quit from the Dock still does: Tauri offers no hook for it; the shell's own flush on exit
/// still runs.)
fn quit<R: Runtime>(app: &AppHandle<R>) {
    let windows = app.webview_windows();
    if windows.is_empty() {
        app.exit(0);
    }
    for window in windows.values() {
        if let Err(error) = window.close() {
            eprintln!("newsroom: the window could not be closed, quitting: {error}");
            app.exit(0);
        }
    }
}
