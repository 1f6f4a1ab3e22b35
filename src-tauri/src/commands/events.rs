//! The page's side of `crate::events`: it asks for what the shell has to tell, and answers the
//! close button.

use crate::error::{CommandResult, UiError};
use crate::events::ShellEvent;
use crate::state::AppState;
use tauri::{State, Window};

/// Every event waiting for the page, in order; answers once there is at least one. The page
/// asks again as soon as it has its answer, so one of these is always pending.
#[tauri::command]
pub async fn next_events(state: State<'_, AppState>) -> CommandResult<Vec<ShellEvent>> {
    Ok(state.events.next().await)
}

/// The page's answer to the close button (`close_requested`): close the window now (the last
/// edit is saved, or the editor was warned it could not be), or keep it open.
#[tauri::command]
pub fn answer_close(window: Window, state: State<'_, AppState>, close: bool) -> CommandResult<()> {
    state.events.close_answered();
    if close {
        window
            .destroy()
            .map_err(|error| UiError::io(format!("the window could not be closed: {error}")))?;
    }
    Ok(())
}
