//! Builds and runs the app: plugins, state, commands, the `media` scheme, the menu bar (macOS)
//! and the window.

use crate::events::ShellEvent;
use crate::launch::{self, Stop};
use crate::state::AppState;
use crate::{commands, display, media, menu, webview};
use std::process::ExitCode;
use std::time::Instant;
use tauri::{AppHandle, Manager, RunEvent, WebviewEvent, Window, WindowEvent};

/// The label of the one editor window (tauri.conf.json, capabilities/main.json).
const MAIN_WINDOW: &str = "main";

/// Starts Newsroom and returns when it quits.
pub fn run() -> ExitCode {
    // First: it changes the environment, which is only sound before any thread starts.
    webview::prepare_environment();
    // Before the display check, so --help and --version answer on a server too.
    let launch = match launch::from_process() {
        Ok(launch) => launch,
        Err(Stop::Asked(answer)) => {
            // Printing help or the version can fail only when standard output is closed.
            let _ = answer.print();
            return ExitCode::SUCCESS;
        }
        Err(Stop::Refused(sentence)) => {
            eprintln!("newsroom: {sentence}");
            return ExitCode::FAILURE;
        }
    };
    // Checked before GTK is touched: without a display it aborts with a message about
    // failing to initialize, which tells an editor nothing.
    if let Some(message) = display::missing_display_message() {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    let state = AppState::open(&launch.db, launch.workspace);
    if let Some(error) = state.open_error() {
        // The window still opens and shows this; the terminal gets it too.
        eprintln!("newsroom: {}", error.message);
    }
    let media = media::handler(state.media_files().cloned());

    // Both plugins on every platform: one running instance per user (a second launch focuses
    // it), and the window's size and position kept between runs.
    let builder = tauri::Builder::default()
        // First, so a second launch hands over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _, _| {
            focus_main_window(app)
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .on_webview_event(tell_page_about_drags)
        .on_window_event(ask_page_before_closing)
        .register_asynchronous_uri_scheme_protocol(media::SCHEME, media)
        .invoke_handler(commands::handler());
    let built = menu::install(builder)
        .setup(|app| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                webview::tune(&window);
                webview::hand_reserved_keys_to_page(&window);
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    let app = match built {
        Ok(app) => app,
        Err(error) => {
            eprintln!("newsroom: the window could not be created: {error}");
            return ExitCode::FAILURE;
        }
    };
    let code = app.run_return(|app, event| {
        if let RunEvent::Exit = event {
            flush(app);
        }
    });
    if code == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A second launch brings the running window forward instead of opening the library twice.
fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Files dragged over or dropped on the window: see [`ShellEvent::of_drag`].
fn tell_page_about_drags(webview: &tauri::Webview, event: &WebviewEvent) {
    let WebviewEvent::DragDrop(drag) = event else {
        return;
    };
    let state = webview.state::<AppState>();
    if let Some(told) = ShellEvent::of_drag(drag, &state.grants) {
        state.events.tell(told);
    }
}

/// The close button: the page saves the last edit first, then closes the window itself
/// (`answer_close`). See `ShellEvents::close_requested` for when the window closes at once.
fn ask_page_before_closing(window: &Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event
        && window
            .state::<AppState>()
            .events
            .close_requested(Instant::now())
    {
        api.prevent_close();
    }
}

/// On quitting: every save the UI was told about is already committed; the sync writes their
/// files and the checkpoint makes them durable against a power cut too. Taking the lock waits
/// for a command still running.
fn flush(app: &AppHandle) {
    let state = app.state::<AppState>();
    // The workspace files of the last edits are written before the database checkpoint.
    state.sync.stop();
    let Ok(library) = state.library() else {
        return;
    };
    if let Err(error) = library.flush() {
        eprintln!("newsroom: {error}");
    }
}
