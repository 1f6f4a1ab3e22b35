//! Every command the web UI may call, one file per group, exactly as docs/IPC.md lists them.
//! Each is a few lines: lock the library, call the core, map its error.
//!
//! Commands that only touch the database run in order on the main thread, so saves arrive in
//! the order the editor made them. Those whose time grows with the input (rendering, search,
//! opening an article) run on the async runtime, and those that read or write photo files or
//! export pages hand their work to the blocking pool ([`in_background`]), so the window never
//! stalls on them (docs/IPC.md, "Threads"); so do those that talk to a website (sites,
//! publishing), with a library connection of their own. Paths come only from the app's own
//! dialogs and drops ([`crate::grants`]).

mod articles;
mod budget;
mod conflicts;
mod dialogs;
mod events;
mod export;
mod history;
mod photos;
mod preview;
mod proofing;
mod publishing;
mod related;
mod sites;
mod startup;
mod workspace;

/// The types of the commands' arguments and answers that the shell defines (the others are the
/// core's), for the TypeScript written from them (`crate::ipc_types`).
pub(crate) use publishing::ProgressLine;
#[cfg(test)]
pub(crate) use {
    budget::BudgetExport,
    proofing::{LanguageChoice, ProofingLanguages},
    publishing::{PublishAnswer, StatusChoice},
    sites::SiteForm,
    startup::FirstScreen,
};

use crate::error::{CommandResult, UiError};
use crate::state::AppState;
use tauri::Manager;
use tauri::ipc::Invoke;

/// The invoke handler registering every command.
pub fn handler() -> impl Fn(Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        articles::list_articles,
        articles::count_articles,
        articles::search_articles,
        articles::list_sections,
        articles::open_article,
        articles::create_article,
        articles::duplicate_article,
        articles::update_article,
        articles::add_correction,
        articles::add_note,
        articles::trash_article,
        articles::untrash_article,
        articles::save_body,
        articles::save_now,
        budget::budget_page,
        budget::export_budget_csv,
        preview::preview_edit,
        proofing::proofread,
        proofing::add_to_dictionary,
        proofing::remove_from_dictionary,
        proofing::dictionary_words,
        proofing::proofing_languages,
        proofing::checks_as_you_type,
        proofing::set_checks_as_you_type,
        startup::first_screen,
        workspace::workspace_status,
        workspace::choose_workspace,
        photos::attach_photo_files,
        photos::attach_photo_bytes,
        photos::update_photo,
        photos::set_caption_override,
        photos::set_featured_photo,
        photos::detach_photo,
        photos::list_photos,
        photos::give_photo_file,
        photos::trash_photo,
        photos::untrash_photo,
        related::add_related,
        related::remove_related,
        related::move_related,
        history::list_revisions,
        history::compare_revision,
        history::restore_revision,
        history::revision_retention,
        conflicts::list_conflicts,
        conflicts::compare_conflict,
        conflicts::resolve_conflict,
        export::export_articles,
        export::open_exported,
        dialogs::pick_images,
        dialogs::pick_folder,
        events::next_events,
        events::answer_close,
        sites::list_sites,
        sites::add_site,
        sites::remove_site,
        publishing::publish_article,
        publishing::cancel_publish,
        publishing::article_publications,
        publishing::open_published_post,
    ]
}

/// Runs `work` (file reading, image decoding, page writing) on the blocking pool, so that
/// neither the window nor the async workers wait for it.
async fn in_background<T: Send + 'static>(
    app: tauri::AppHandle,
    work: impl FnOnce(&AppState) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|_| UiError::io("the operation stopped unexpectedly; try again"))?
}
