//! Publishing an article to a site, with a progress event per step, and what the article
//! became on its sites.
//!
//! A publish runs on the blocking pool with a library connection of its own
//! ([`AppState::own_library`]): it waits on the network for seconds or minutes, and the shared
//! library's lock must stay free for typing and autosave meanwhile.

use super::in_background;
use crate::error::{CommandResult, UiError};
use crate::events::ShellEvent;
use crate::post_link;
use crate::state::AppState;
use newsroom::library::{Progress, PublishOutcome, PublishRequest, WebEditComparison};
use newsroom::model::{ArticleId, Timestamp};
use newsroom::publish::{PostStatus, PublishError};
use newsroom::store::Publication;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// How the post should stand on the site, as the page sends it: a draft, published now, or
/// scheduled for `at` (Unix seconds, in the future).
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StatusChoice {
    Draft,
    Publish,
    /// Published by the site at `at`, in the future.
    Scheduled {
        #[ts(type = "number")]
        at: Timestamp,
    },
}

impl From<StatusChoice> for PostStatus {
    fn from(choice: StatusChoice) -> PostStatus {
        match choice {
            StatusChoice::Draft => PostStatus::Draft,
            StatusChoice::Publish => PostStatus::Publish,
            StatusChoice::Scheduled { at } => PostStatus::Scheduled(at),
        }
    }
}

/// One step of a publish, as a line for the editor (the core's sentence for it), told to the
/// page as a `publish_progress` event (`crate::events`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "PublishProgress")]
pub(crate) struct ProgressLine {
    #[ts(type = "number")]
    article_id: ArticleId,
    line: String,
}

/// How a publish ended when it did not fail: the post, or a post edited on the web that the
/// editor must compare before it is overwritten.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum PublishAnswer {
    Published(PublishOutcome),
    EditedOnTheWeb(WebEditComparison),
}

/// Publishes the article (its saved text: the page flushes its typing first) to the site named
/// `site`. Each step is told to the page as a `publish_progress` event; [`cancel_publish`] stops it
/// between steps.
#[tauri::command]
pub async fn publish_article(
    app: AppHandle,
    article_id: ArticleId,
    site: String,
    status: StatusChoice,
    overwrite_web_edits: bool,
) -> CommandResult<PublishAnswer> {
    in_background(app, move |state| {
        let running = state.publishing.start(article_id)?;
        let mut library = state.own_library()?;
        let request = PublishRequest {
            article: article_id,
            site,
            status: status.into(),
            overwrite_web_edits,
        };
        let mut announce = |step: Progress| {
            let step = ProgressLine {
                article_id,
                line: step.to_string(),
            };
            state.events.tell(ShellEvent::PublishProgress { step });
        };
        match library.publish(&request, &mut announce, running.cancel_flag()) {
            Ok(outcome) => Ok(PublishAnswer::Published(outcome)),
            Err(newsroom::Error::Publish(PublishError::EditedOnTheWeb(edit))) => Ok(
                PublishAnswer::EditedOnTheWeb(library.compare_web_edit(article_id, *edit)?),
            ),
            Err(other) => Err(other.into()),
        }
    })
    .await
}

/// Stops the article's publish before its next step; whether one was running.
#[tauri::command]
pub fn cancel_publish(state: State<'_, AppState>, article_id: ArticleId) -> bool {
    state.publishing.cancel(article_id)
}

/// Every publication of the article, newest first.
#[tauri::command]
pub fn article_publications(
    state: State<'_, AppState>,
    article_id: ArticleId,
) -> CommandResult<Vec<Publication>> {
    Ok(state.library()?.publications(article_id)?)
}

/// Opens in the default browser the post the article became on `site` (the address the site
/// answered, looked up here: the page names the article and the site, never a URL).
#[tauri::command]
pub fn open_published_post(
    app: AppHandle,
    state: State<'_, AppState>,
    article_id: ArticleId,
    site: String,
) -> CommandResult<()> {
    let publications = state.library()?.publications(article_id)?;
    let url = post_link::post_address(&publications, &site)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| UiError::io(format!("could not open {url} in a browser: {e}")))
}
