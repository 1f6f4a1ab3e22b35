//! Work that starts once the window has its first screen, so none of it delays the first
//! paint: the workspace sync (its start-up scan) and the day's backup of the library.

use crate::state::AppState;
use crate::sync;
use std::sync::Once;
use tauri::{AppHandle, Manager};

static STARTED: Once = Once::new();

/// Starts the background work, the first time only.
pub fn start_after_first_screen(app: &AppHandle) {
    STARTED.call_once(|| {
        let app = app.clone();
        tauri::async_runtime::spawn_blocking(move || {
            sync::start_default(&app);
            daily_backup(&app);
        });
    });
}

/// At most one backup a day, kept a week (`Library::daily_backup`); a failure is printed, not
/// shown: it must never stop an editor from working.
fn daily_backup(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(library) = state.library() else { return };
    if let Err(error) = library.daily_backup() {
        eprintln!("newsroom: today's backup of the library failed: {error}");
    }
}
