//! The live preview: each change the editor makes, rendered, and only the changed blocks sent back.

use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::live_preview::{PreviewChange, PreviewPatch};
use tauri::State;

/// Brings the preview to `change` (an edit to the text it last sent, or to a text it names) and
/// answers the blocks to replace (`newsroom::live_preview`). Off the main thread (`async`), like
/// every command whose time grows with what the user typed or imported, so no article can freeze
/// the window; the page keeps one change in flight. The preview's own lock is taken before the
/// library's, as by the commands that open an article (which start the preview over).
#[tauri::command(async)]
pub fn preview_edit(
    state: State<'_, AppState>,
    change: PreviewChange,
) -> CommandResult<PreviewPatch> {
    let mut live = state.live_preview();
    Ok(state
        .library()?
        .update_preview(&mut live, &change, &state.media_urls())?)
}
