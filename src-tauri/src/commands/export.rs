//! Exporting articles as standalone pages, and opening what was exported.

use super::in_background;
use crate::error::{CommandResult, UiError};
use crate::state::AppState;
use newsroom::export::{EmbargoRule, ExportReport};
use newsroom::model::ArticleId;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// Exports the articles into the folder `path` (one page each, plus an index for several). An
/// article under embargo is refused (kind `embargoed`) unless `ignore_embargo` is true: the
/// editor was told and chose to export it anyway.
#[tauri::command]
pub async fn export_articles(
    app: AppHandle,
    ids: Vec<ArticleId>,
    path: PathBuf,
    single_file: bool,
    ignore_embargo: Option<bool>,
) -> CommandResult<ExportReport> {
    in_background(app, move |state| {
        state.grants.check_folder(&path)?;
        let embargo = match ignore_embargo {
            Some(true) => EmbargoRule::Ignore,
            _ => EmbargoRule::Respect,
        };
        let report = state.library()?.export(&ids, &path, single_file, embargo)?;
        let openable = report.pages.iter().chain(&report.index).cloned().collect();
        state.remember_export(openable);
        Ok(report)
    })
    .await
}

/// Opens a page of the last export in the default browser. Only those pages: the webview
/// cannot make the app open anything else.
#[tauri::command]
pub fn open_exported(
    app: AppHandle,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    if !state.was_exported(&path) {
        return Err(UiError::invalid(format!(
            "“{}” is not a page of the last export; export again to open it",
            path.display()
        )));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            UiError::io(format!(
                "could not open “{}” in a browser: {e}",
                path.display()
            ))
        })
}
