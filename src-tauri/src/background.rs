//! Work that starts once the window has its first screen, so none of it delays the first
//! paint: the workspace sync (its start-up scan) and the day's backup of the library.

use crate::state::AppState;
use crate::sync;
use std::sync::Once;
use std::time::Duration;
use tauri::{AppHandle, Manager};

static STARTED: Once = Once::new();

/// How long the window has to draw its first screen before the background work competes with
/// it for the two cores of a small machine (the editor and preview are drawn ~0.3 s after the
/// first screen is served; the start-up scan of a 10,000-file workspace takes ~0.1 s of CPU).
/// Nothing is missed meanwhile: the scan takes in whatever changed before it ran.
const LET_THE_WINDOW_DRAW: Duration = Duration::from_secs(1);

/// Starts the background work, the first time only.
pub fn start_after_first_screen(app: &AppHandle) {
    STARTED.call_once(|| {
        let app = app.clone();
        tauri::async_runtime::spawn_blocking(move || {
            std::thread::sleep(LET_THE_WINDOW_DRAW);
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
