//! What the window needs for its first paint, in one round trip.

use crate::background;
use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::library::ArticleView;
use serde::Serialize;
use tauri::{AppHandle, State};

/// The first screen: the article to open.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct FirstScreen {
    /// The most recently updated article, opened; `null` for an empty library.
    view: Option<ArticleView>,
}

/// Asked by the page before its editor modules have even loaded, so the database work overlaps
/// the script start-up instead of following it.
/// Serving it also starts the background work (workspace sync, daily backup), which must not
/// delay this answer.
#[tauri::command]
pub fn first_screen(app: AppHandle, state: State<'_, AppState>) -> CommandResult<FirstScreen> {
    let view = state.library()?.most_recent_view(&state.media_urls())?;
    background::start_after_first_screen(&app);
    Ok(FirstScreen { view })
}
