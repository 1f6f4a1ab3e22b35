//! Photos: attaching files and pasted images, their words, their use in articles, the trash.

use super::in_background;
use crate::error::{CommandResult, UiError};
use crate::state::AppState;
use base64::Engine;
use newsroom::library::{AttachRequest, PhotoEntry};
use newsroom::model::{ArticleId, Photo, PhotoId, PhotoUse};
use newsroom::store::PhotoPatch;
use std::path::PathBuf;
use tauri::{AppHandle, State};

/// Attaches image files (from a drop or the open dialog); with `featured`, the first one
/// becomes the featured photo.
#[tauri::command]
pub async fn attach_photo_files(
    app: AppHandle,
    article_id: ArticleId,
    paths: Vec<PathBuf>,
    featured: bool,
) -> CommandResult<Vec<PhotoUse>> {
    in_background(app, move |state| {
        state.grants.check_files(&paths)?;
        Ok(state
            .library()?
            .attach_photo_files(article_id, &paths, featured)?)
    })
    .await
}

/// Attaches a pasted image, sent as base64 since it has no file.
#[tauri::command]
pub async fn attach_photo_bytes(
    app: AppHandle,
    article_id: ArticleId,
    file_name: String,
    base64: String,
) -> CommandResult<PhotoUse> {
    in_background(app, move |state| {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(base64.trim())
            .map_err(|_| {
                UiError::invalid(format!(
                    "the pasted image “{file_name}” arrived damaged; paste it again"
                ))
            })?;
        let request = AttachRequest::default();
        Ok(state
            .library()?
            .attach_photo_bytes(article_id, &file_name, &bytes, &request)?)
    })
    .await
}

#[tauri::command]
pub fn update_photo(
    state: State<'_, AppState>,
    photo_id: PhotoId,
    patch: PhotoPatch,
) -> CommandResult<Photo> {
    Ok(state.library()?.update_photo(photo_id, &patch)?)
}

/// Sets (or with `null` clears) the caption this article prints for the photo.
#[tauri::command]
pub fn set_caption_override(
    state: State<'_, AppState>,
    article_id: ArticleId,
    photo_id: PhotoId,
    caption: Option<String>,
) -> CommandResult<PhotoUse> {
    Ok(state
        .library()?
        .set_caption_override(article_id, photo_id, caption.as_deref())?)
}

/// Makes the photo the article's featured one (the previous one becomes inline).
#[tauri::command]
pub fn set_featured_photo(
    state: State<'_, AppState>,
    article_id: ArticleId,
    photo_id: PhotoId,
) -> CommandResult<PhotoUse> {
    Ok(state.library()?.set_featured_photo(article_id, photo_id)?)
}

#[tauri::command]
pub fn detach_photo(
    state: State<'_, AppState>,
    article_id: ArticleId,
    photo_id: PhotoId,
) -> CommandResult<()> {
    Ok(state.library()?.detach_photo(article_id, photo_id)?)
}

/// The photo library, each photo with the articles that use it.
#[tauri::command]
pub fn list_photos(
    state: State<'_, AppState>,
    query: Option<String>,
    trashed: bool,
) -> CommandResult<Vec<PhotoEntry>> {
    Ok(state.library()?.photo_entries(query.as_deref(), trashed)?)
}

/// Gives a photo awaiting its image (from an import) the file at `path`.
#[tauri::command]
pub async fn give_photo_file(
    app: AppHandle,
    photo_id: PhotoId,
    path: PathBuf,
) -> CommandResult<Photo> {
    in_background(app, move |state| {
        state.grants.check_files(std::slice::from_ref(&path))?;
        Ok(state.library()?.give_photo_file(photo_id, &path)?)
    })
    .await
}

#[tauri::command]
pub fn trash_photo(state: State<'_, AppState>, photo_id: PhotoId) -> CommandResult<()> {
    Ok(state.library()?.trash_photo(photo_id)?)
}

#[tauri::command]
pub fn untrash_photo(state: State<'_, AppState>, photo_id: PhotoId) -> CommandResult<()> {
    Ok(state.library()?.untrash_photo(photo_id)?)
}
