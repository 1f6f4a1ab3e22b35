//! Rendering Markdown for the preview pane, and how the preview reaches photos.

use crate::error::CommandResult;
use crate::state::{self, AppState};
use serde::Serialize;
use tauri::State;

/// Renders `markdown` to sanitized HTML with the library's photos and links resolved.
#[tauri::command]
pub fn render_preview(state: State<'_, AppState>, markdown: String) -> CommandResult<String> {
    Ok(state
        .library()?
        .render_preview(&markdown, &state.media_urls())
        .html)
}

/// Where the preview finds photo files.
#[derive(Debug, Serialize)]
pub struct PreviewAssets {
    /// Prefix of photo URLs: `<media_base><hash>.<ext>`, `<media_base>thumb/<hash>.<ext>`.
    media_base: &'static str,
}

#[tauri::command]
pub fn preview_assets() -> PreviewAssets {
    PreviewAssets {
        media_base: state::media_base(),
    }
}
