//! Rendering Markdown for the preview pane.

use crate::error::CommandResult;
use crate::state::AppState;
use tauri::State;

/// Renders `markdown` to sanitized HTML with the library's photos and links resolved. Off the
/// main thread (`async`), like every command whose time grows with what the user typed or
/// imported, so no article can freeze the window; the page keeps one render in flight and
/// drops stale answers.
#[tauri::command(async)]
pub fn render_preview(state: State<'_, AppState>, markdown: String) -> CommandResult<String> {
    Ok(state
        .library()?
        .render_preview(&markdown, &state.media_urls())
        .html)
}
