//! Listing, opening, creating and changing articles, and the typing save path.

use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::library::ArticleView;
use newsroom::model::{
    Article, ArticleFilter, ArticleId, ArticlePatch, ArticleSummary, Correction, CorrectionKind,
    DeskNote, NewArticle, SearchHit,
};
use newsroom::store::SaveReceipt;
use tauri::State;

#[tauri::command]
pub fn list_articles(
    state: State<'_, AppState>,
    filter: ArticleFilter,
) -> CommandResult<Vec<ArticleSummary>> {
    Ok(state.library()?.list_articles(&filter)?)
}

#[tauri::command]
pub fn count_articles(state: State<'_, AppState>, filter: ArticleFilter) -> CommandResult<u64> {
    Ok(state.library()?.count_articles(&filter)?)
}

/// Off the main thread (see `preview_edit`); the page drops answers to older queries.
#[tauri::command(async)]
pub fn search_articles(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> CommandResult<Vec<SearchHit>> {
    Ok(state.library()?.search(&query, limit)?)
}

#[tauri::command]
pub fn list_sections(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    Ok(state.library()?.sections()?)
}

/// Off the main thread (see `preview_edit`): it renders the article; the page ignores an
/// answer for an article it no longer opens. The live preview starts over at its body (its lock
/// before the library's, as in `preview_edit`).
#[tauri::command(async)]
pub fn open_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<ArticleView> {
    let mut live = state.live_preview();
    Ok(state
        .library()?
        .open_article(id, &state.media_urls(), &mut live)?)
}

/// Appends a correction (`update: false`) or an update to a published article, dated now.
#[tauri::command]
pub fn add_correction(
    state: State<'_, AppState>,
    id: ArticleId,
    update: bool,
    text: String,
) -> CommandResult<Correction> {
    let kind = if update {
        CorrectionKind::Update
    } else {
        CorrectionKind::Correction
    };
    Ok(state.library()?.add_correction(id, kind, &text)?)
}

/// Adds a note for the desk to an article, dated now.
#[tauri::command]
pub fn add_note(
    state: State<'_, AppState>,
    id: ArticleId,
    text: String,
) -> CommandResult<DeskNote> {
    Ok(state.library()?.add_note(id, &text)?)
}

#[tauri::command]
pub fn create_article(state: State<'_, AppState>, headline: String) -> CommandResult<Article> {
    let new = NewArticle {
        headline,
        ..NewArticle::default()
    };
    Ok(state.library()?.create_article(&new)?)
}

#[tauri::command]
pub fn duplicate_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Article> {
    Ok(state.library()?.duplicate_article(id)?)
}

#[tauri::command]
pub fn update_article(
    state: State<'_, AppState>,
    id: ArticleId,
    patch: ArticlePatch,
) -> CommandResult<Article> {
    Ok(state.library()?.update_article(id, &patch)?)
}

#[tauri::command]
pub fn trash_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<()> {
    Ok(state.library()?.trash_article(id)?)
}

#[tauri::command]
pub fn untrash_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<()> {
    Ok(state.library()?.untrash_article(id)?)
}

/// The typing path: the body is committed before the answer goes back. `base` is the text the
/// editor's typing started from (what it loaded or last saved): when the article changed
/// meanwhile (its file was edited, another process wrote it), both versions are kept and the
/// receipt says `conflict: true` instead of the editor's text silently winning. The preview is
/// not rendered here: the UI renders it on every change through `preview_edit`, without
/// waiting for the (debounced) save.
#[tauri::command]
pub fn save_body(
    state: State<'_, AppState>,
    id: ArticleId,
    body: String,
    base: String,
) -> CommandResult<SaveReceipt> {
    Ok(state.library()?.save_typing(id, &body, &base)?)
}

/// The editor's explicit save: a revision, and everything saved so far made durable.
#[tauri::command]
pub fn save_now(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Article> {
    Ok(state.library()?.save_now(id)?)
}
