//! Conflicts between the app and the workspace folder: which articles have one, both versions
//! compared, and ending one the way the editor chose.

use crate::error::{CommandResult, UiError};
use crate::state::AppState;
use newsroom::library::{ArticleView, ConflictComparison};
use newsroom::model::ArticleId;
use newsroom::workspace::{Conflict, Resolution};
use tauri::State;

/// Every article in conflict, oldest first.
#[tauri::command]
pub fn list_conflicts(state: State<'_, AppState>) -> CommandResult<Vec<Conflict>> {
    Ok(state.library()?.workspace_conflicts()?)
}

/// The conflict of article `id`: the app's version, the file's, and their differences.
#[tauri::command(async)]
pub fn compare_conflict(
    state: State<'_, AppState>,
    id: ArticleId,
) -> CommandResult<ConflictComparison> {
    Ok(state.library()?.compare_conflict(id)?)
}

/// Ends the conflict of article `id` (`{"take":"app"}`, `{"take":"file"}` or
/// `{"take":"merged","body":"..."}`); the chosen version is written to the file and the article
/// is answered as the editor reloads it.
#[tauri::command]
pub fn resolve_conflict(
    state: State<'_, AppState>,
    id: ArticleId,
    resolution: Resolution,
) -> CommandResult<ArticleView> {
    let mut live = state.live_preview();
    let mut target = state.library()?;
    let target = &mut *target;
    let workspace = target.workspace.as_ref().ok_or_else(|| {
        UiError::io(
            "the workspace folder is not open, so the conflict cannot be resolved now; check the folder in the ⋯ menu (Workspace folder…) and try again",
        )
    })?;
    target.library.resolve_conflict(workspace, id, resolution)?;
    Ok(target
        .library
        .open_article(id, &state.media_urls(), &mut live)?)
}
