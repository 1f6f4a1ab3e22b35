//! The story budget: a page of it for the budget view, and the whole of it as a CSV file written
//! where the editor chooses in the app's own save dialog.

use super::{dialogs, in_background};
use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::store::{BudgetPage, BudgetQuery};
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, State, WebviewWindow};

/// What an export of the budget wrote.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct BudgetExport {
    /// The file the editor chose in the save dialog.
    path: PathBuf,
    /// How many stories it holds.
    #[ts(type = "number")]
    rows: u64,
}

/// One page of the budget and the number of matching stories. Off the main thread (see
/// `search_articles`): a query over every day sorts the whole library; the page drops answers to
/// a query it moved past.
#[tauri::command(async)]
pub fn budget_page(state: State<'_, AppState>, query: BudgetQuery) -> CommandResult<BudgetPage> {
    Ok(state.library()?.budget(&query)?)
}

/// Writes every story `query` matches (its paging ignored) as CSV to a file the editor names in a
/// save dialog shown here: the page never names the path. `None`: the dialog was cancelled.
#[tauri::command]
pub async fn export_budget_csv(
    app: AppHandle,
    window: WebviewWindow,
    query: BudgetQuery,
) -> CommandResult<Option<BudgetExport>> {
    let name = newsroom::library::budget_csv_name(&query);
    let Some(path) = dialogs::csv_location(app.clone(), window, name).await? else {
        return Ok(None);
    };
    in_background(app, move |state| {
        let rows = state.library()?.export_budget_csv(&query, &path)?;
        Ok(Some(BudgetExport { path, rows }))
    })
    .await
}
