//! An article's "related" list.

use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::model::{ArticleId, RelatedLink, RelatedTarget};
use tauri::State;

/// Appends a link to another article (`{id}`) or to a web page (`{url}`).
#[tauri::command]
pub fn add_related(
    state: State<'_, AppState>,
    article_id: ArticleId,
    target: RelatedTarget,
    title: String,
) -> CommandResult<RelatedLink> {
    Ok(state.library()?.add_related(article_id, &target, &title)?)
}

/// Removes the link at `position` (1-based).
#[tauri::command]
pub fn remove_related(
    state: State<'_, AppState>,
    article_id: ArticleId,
    position: u32,
) -> CommandResult<()> {
    Ok(state.library()?.remove_related(article_id, position)?)
}

/// Moves the link at position `from` to position `to` (both 1-based).
#[tauri::command]
pub fn move_related(
    state: State<'_, AppState>,
    article_id: ArticleId,
    from: u32,
    to: u32,
) -> CommandResult<()> {
    Ok(state.library()?.move_related(article_id, from, to)?)
}
