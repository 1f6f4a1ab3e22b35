//! What the window needs for its first paint, in one round trip.

use crate::background;
use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::library::ArticleView;
use newsroom::model::{ArticleFilter, ArticleSummary};
use serde::Serialize;
use tauri::{AppHandle, State};

/// The most rows the first screen carries, whatever the page asks (a window shows ~15).
const MOST_ROWS: u32 = 500;

/// The first screen: the article to open, and the library list as it opens (the working
/// articles, newest first), so that the list is drawn with the article rather than two round
/// trips (count, then rows) after it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct FirstScreen {
    /// The most recently updated article, opened; `null` for an empty library.
    view: Option<ArticleView>,
    /// How many articles the list holds (not counting the trash).
    #[ts(type = "number")]
    list_total: u64,
    /// Its first rows, at most as many as the page asked for.
    list_rows: Vec<ArticleSummary>,
}

/// Asked by the page before its editor modules have even loaded, so the database work overlaps
/// the script start-up instead of following it.
/// Serving it also starts the background work (workspace sync, daily backup), which must not
/// delay this answer. Off the main thread, like `open_article`: it renders the article, and
/// meanwhile the main thread serves the page's stylesheets, the preview frame and its frames.
#[tauri::command(async)]
pub fn first_screen(
    app: AppHandle,
    state: State<'_, AppState>,
    list_rows: u32,
) -> CommandResult<FirstScreen> {
    let screen = {
        let mut live = state.live_preview();
        let library = state.library()?;
        let list = ArticleFilter {
            limit: Some(list_rows.min(MOST_ROWS)),
            ..ArticleFilter::default()
        };
        FirstScreen {
            view: library.open_most_recent(&state.media_urls(), &mut live)?,
            list_total: library.count_articles(&list)?,
            list_rows: library.list_articles(&list)?,
        }
    };
    background::start_after_first_screen(&app);
    Ok(screen)
}
