//! The workspace folder: where it is, how it is watched, and choosing another one.

use super::in_background;
use crate::error::CommandResult;
use crate::state::AppState;
use crate::sync::{self, WorkspaceStatus};
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn workspace_status(state: State<'_, AppState>) -> WorkspaceStatus {
    state.sync.status()
}

/// Moves the sync to `path`, a folder the editor picked in the folder dialog (no other).
/// Async: the old folder's pending writes are finished first.
#[tauri::command]
pub async fn choose_workspace(
    app: tauri::AppHandle,
    path: PathBuf,
) -> CommandResult<WorkspaceStatus> {
    let handle = app.clone();
    in_background(app, move |state| {
        state.grants.check_folder(&path)?;
        sync::choose(&handle, &path)
    })
    .await
}
