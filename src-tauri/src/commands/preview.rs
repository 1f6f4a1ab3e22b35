//! Rendering Markdown for the preview pane.

use crate::error::CommandResult;
use crate::state::AppState;
use tauri::State;

/// Renders `markdown` to sanitized HTML with the library's photos and links resolved.
#[tauri::command]
pub fn render_preview(state: State<'_, AppState>, markdown: String) -> CommandResult<String> {
    Ok(state
        .library()?
        .render_preview(&markdown, &state.media_urls())
        .html)
}
