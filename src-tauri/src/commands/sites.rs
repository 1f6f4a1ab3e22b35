//! The sites articles are published to: listed, added (after signing in), removed.
//!
//! Adding and removing talk to a website or the system's keychain, which can take seconds: they
//! run on the blocking pool with a library connection of their own, so the shared library (and
//! every save waiting for it) is never held meanwhile.

use super::{dialogs, in_background};
use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::library::NewSite;
use newsroom::publish::{Site, SiteKind};
use serde::Deserialize;
use tauri::{AppHandle, State, WebviewWindow};

/// A site as the editor describes it in the Sites dialog (a user for WordPress only).
#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct SiteForm {
    name: String,
    kind: SiteKind,
    url: String,
    user: Option<String>,
}

/// The sites, by name.
#[tauri::command]
pub fn list_sites(state: State<'_, AppState>) -> CommandResult<Vec<Site>> {
    Ok(state.library()?.sites()?)
}

/// Adds a site once its secret (an Application Password, an Admin API key) signs in. The secret goes to the
/// keychain, or with `in_file` (a computer without one) to a file the editor names in a save
/// dialog shown here, whose path the page never sees. `None`: that dialog was cancelled.
#[tauri::command]
pub async fn add_site(
    app: AppHandle,
    window: WebviewWindow,
    site: SiteForm,
    secret: String,
    in_file: bool,
) -> CommandResult<Option<Site>> {
    let secret_file = if in_file {
        match dialogs::secret_file_location(app.clone(), window, &site.name).await? {
            Some(path) => Some(path),
            None => return Ok(None),
        }
    } else {
        None
    };
    let new = NewSite {
        name: site.name,
        kind: site.kind,
        url: site.url,
        user: site.user,
        secret_file,
    };
    in_background(app, move |state| {
        Ok(Some(state.own_library()?.add_site(new, &secret)?))
    })
    .await
}

/// Removes a site and forgets its secret; what was published to it stays recorded.
#[tauri::command]
pub async fn remove_site(app: AppHandle, name: String) -> CommandResult<Site> {
    in_background(app, move |state| {
        Ok(state.own_library()?.remove_site(&name)?)
    })
    .await
}
