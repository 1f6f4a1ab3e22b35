//! The open and save dialogs, shown from Rust so that what the editor picks is known here: each
//! path an open dialog returns is granted (see [`crate::grants`]) before the page sees it, and the
//! commands that take paths accept only granted ones; the save dialog's path never reaches the
//! page at all. The page has no permission to open dialogs itself. Each dialog belongs to the
//! window that asked (modal to it, as the page's own dialogs were).

use crate::error::{CommandResult, UiError};
use crate::state::AppState;
use newsroom::model::ImageFormat;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Image files to attach (several with `multiple`), or `None` when the editor cancelled.
#[tauri::command]
pub async fn pick_images(
    app: AppHandle,
    window: WebviewWindow,
    multiple: bool,
    title: String,
) -> CommandResult<Option<Vec<PathBuf>>> {
    let chosen = ask(app.clone(), move |handle| {
        let dialog = handle
            .dialog()
            .file()
            .set_parent(&window)
            .set_title(title)
            .add_filter("Images", &ImageFormat::FILE_EXTENSIONS);
        if multiple {
            dialog.blocking_pick_files()
        } else {
            dialog.blocking_pick_file().map(|file| vec![file])
        }
    })
    .await?;
    if let Some(paths) = &chosen {
        app.state::<AppState>().grants.grant_files(paths);
    }
    Ok(chosen)
}

/// A folder (to export into, or to sync with), or `None` when the editor cancelled.
#[tauri::command]
pub async fn pick_folder(
    app: AppHandle,
    window: WebviewWindow,
    title: String,
) -> CommandResult<Option<PathBuf>> {
    let chosen = ask(app.clone(), move |handle| {
        handle
            .dialog()
            .file()
            .set_parent(&window)
            .set_title(title)
            .blocking_pick_folder()
            .map(|folder| vec![folder])
    })
    .await?;
    let folder = chosen.and_then(|paths| paths.into_iter().next());
    if let Some(folder) = &folder {
        app.state::<AppState>().grants.grant_folder(folder);
    }
    Ok(folder)
}

/// Where to keep a site's secret on a computer without a keychain: a save dialog, since the
/// file is new. Called by the command that adds the site, which uses the path itself; `None`
/// when the editor cancelled.
pub(super) async fn secret_file_location(
    app: AppHandle,
    window: WebviewWindow,
    site: &str,
) -> CommandResult<Option<PathBuf>> {
    let title = format!("Keep the secret for “{site}” in this file");
    let file_name = format!("{}.secret", newsroom::slug::slugify(site));
    save_location(app, window, title, file_name, None).await
}

/// Where to save the story budget as CSV, offering `file_name`: a save dialog whose path the
/// command that asked writes itself; `None` when the editor cancelled.
pub(super) async fn csv_location(
    app: AppHandle,
    window: WebviewWindow,
    file_name: String,
) -> CommandResult<Option<PathBuf>> {
    let title = "Export the budget as CSV".to_string();
    save_location(app, window, title, file_name, Some(("CSV", &["csv"]))).await
}

/// A save dialog over `window`, offering `file_name` (and files of one type, `filter`); the
/// path is for the command that asked, never handed to the page.
async fn save_location(
    app: AppHandle,
    window: WebviewWindow,
    title: String,
    file_name: String,
    filter: Option<(&'static str, &'static [&'static str])>,
) -> CommandResult<Option<PathBuf>> {
    let chosen = ask(app, move |handle| {
        let mut dialog = handle
            .dialog()
            .file()
            .set_parent(&window)
            .set_title(title)
            .set_file_name(file_name);
        if let Some((name, extensions)) = filter {
            dialog = dialog.add_filter(name, extensions);
        }
        dialog.blocking_save_file().map(|file| vec![file])
    })
    .await?;
    Ok(chosen.and_then(|paths| paths.into_iter().next()))
}

/// Shows a dialog off the main thread (the plugin hands it to the main thread and waits) and
/// turns its answer into paths.
async fn ask(
    app: AppHandle,
    show: impl FnOnce(&AppHandle) -> Option<Vec<FilePath>> + Send + 'static,
) -> CommandResult<Option<Vec<PathBuf>>> {
    tauri::async_runtime::spawn_blocking(move || {
        #[cfg(debug_assertions)]
        if let Some(answer) = test_answers::next()? {
            return Ok(answer);
        }
        show(&app)
            .map(|files| {
                files
                    .into_iter()
                    .map(|file| {
                        file.into_path().map_err(|_| {
                            UiError::invalid("the dialog returned a location that is not a file on this computer; choose another")
                        })
                    })
                    .collect()
            })
            .transpose()
    })
    .await
    .map_err(|_| UiError::io("the dialog stopped unexpectedly; try again"))?
}

/// End-to-end tests cannot drive a native dialog: in debug builds only, when
/// `NEWSROOM_E2E_DIALOG_ANSWERS` names a file (set by the test that starts the app, never by
/// the page), each dialog takes the next answer queued there instead of opening: a JSON list
/// whose items are `null` (cancelled) or a list of paths.
#[cfg(debug_assertions)]
mod test_answers {
    use crate::error::UiError;
    use std::path::PathBuf;

    const ANSWERS_ENV: &str = "NEWSROOM_E2E_DIALOG_ANSWERS";

    /// What a dialog returns: the paths chosen, `None` when cancelled.
    type Answer = Option<Vec<PathBuf>>;

    /// `None` when no answers file is set; otherwise the next answer, consumed.
    pub(super) fn next() -> Result<Option<Answer>, UiError> {
        let Some(file) = std::env::var_os(ANSWERS_ENV) else {
            return Ok(None);
        };
        let broken = |what: String| UiError::invalid(format!("e2e dialog answers: {what}"));
        let text = std::fs::read_to_string(&file).map_err(|e| broken(e.to_string()))?;
        let mut queue: Vec<Answer> =
            serde_json::from_str(&text).map_err(|e| broken(e.to_string()))?;
        if queue.is_empty() {
            return Err(broken("a dialog opened with no answer queued".into()));
        }
        let answer = queue.remove(0);
        let rest = serde_json::to_string(&queue).map_err(|e| broken(e.to_string()))?;
        std::fs::write(&file, rest).map_err(|e| broken(e.to_string()))?;
        Ok(Some(answer))
    }
}
