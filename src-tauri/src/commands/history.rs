//! The revision history: the list, one revision compared with the current text, restoring one,
//! and the retention rule the history panel shows.

use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::library::{ArticleView, RevisionComparison};
use newsroom::model::ArticleId;
use newsroom::store::{RETENTION, RevisionInfo};
use tauri::State;

#[tauri::command]
pub fn list_revisions(
    state: State<'_, AppState>,
    id: ArticleId,
) -> CommandResult<Vec<RevisionInfo>> {
    Ok(state.library()?.revisions(id)?)
}

#[tauri::command(async)]
pub fn compare_revision(
    state: State<'_, AppState>,
    id: ArticleId,
    number: u32,
) -> CommandResult<RevisionComparison> {
    Ok(state
        .library()?
        .compare_revision(id, number, &state.media_urls())?)
}

/// Restores revision `number` (the current text is kept as a revision) and answers with the
/// article as the editor reloads it.
#[tauri::command]
pub fn restore_revision(
    state: State<'_, AppState>,
    id: ArticleId,
    number: u32,
) -> CommandResult<ArticleView> {
    let mut live = state.live_preview();
    let mut library = state.library()?;
    library.restore_revision(id, number)?;
    Ok(library.open_article(id, &state.media_urls(), &mut live)?)
}

/// Which revisions are kept, as a sentence for editors.
#[tauri::command]
pub fn revision_retention() -> &'static str {
    RETENTION
}
