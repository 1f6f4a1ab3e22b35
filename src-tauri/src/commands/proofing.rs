//! Spell and grammar checking, and the library's own word list.

use crate::error::CommandResult;
use crate::state::AppState;
use newsroom::model::ArticleId;
use newsroom::proofing::Problem;
use serde::Serialize;
use tauri::State;

/// The problems of `text`, the open article's body as the editor has it now, in the article's
/// language. The library is locked only to read the language (and, the first time, the word
/// list); the check itself runs in the checker's own process.
#[tauri::command]
pub async fn proofread(
    state: State<'_, AppState>,
    id: ArticleId,
    text: String,
) -> CommandResult<Vec<Problem>> {
    let language = state.library()?.proofing_language(id)?;
    let own_words = match state.proofing.needs_own_words() {
        true => Some(state.library()?.own_words()?),
        false => None,
    };
    state.proofing.check(text, language, own_words).await
}

/// Adds a word to the library's own list; later checks accept it.
#[tauri::command]
pub fn add_to_dictionary(state: State<'_, AppState>, word: String) -> CommandResult<()> {
    let mut library = state.library()?;
    library.add_to_dictionary(&word)?;
    state.proofing.set_own_words(library.own_words()?);
    Ok(())
}

/// Removes a word from the library's own list.
#[tauri::command]
pub fn remove_from_dictionary(state: State<'_, AppState>, word: String) -> CommandResult<()> {
    let mut library = state.library()?;
    library.remove_from_dictionary(&word)?;
    state.proofing.set_own_words(library.own_words()?);
    Ok(())
}

/// The library's own words, sorted.
#[tauri::command]
pub fn dictionary_words(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    Ok(state.library()?.dictionary_words()?)
}

/// A language an article can be checked in.
#[derive(Serialize, ts_rs::TS)]
pub struct LanguageChoice {
    /// The Hunspell name, such as `en_GB`, which `update_article` takes as `language`.
    code: String,
    /// As editors read it: "English (United Kingdom)".
    name: String,
}

/// The languages with a dictionary on this computer, and the library's default.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ProofingLanguages {
    default: LanguageChoice,
    available: Vec<LanguageChoice>,
}

#[tauri::command(async)]
pub fn proofing_languages(state: State<'_, AppState>) -> CommandResult<ProofingLanguages> {
    let choice = |language: newsroom::proofing::Language| LanguageChoice {
        name: language.display_name(),
        code: language.code().to_string(),
    };
    let default = state.library()?.default_proofing_language()?;
    Ok(ProofingLanguages {
        default: choice(default),
        available: state.proofing.languages().into_iter().map(choice).collect(),
    })
}

/// Whether the app checks the open article as the editor types (a setting of the library).
#[tauri::command]
pub fn checks_as_you_type(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(state.library()?.checks_as_you_type()?)
}

/// Switches checking as the editor types on or off for this library; off, the checker process
/// ends and its memory comes back ([`crate::proofing::Proofing::unload`]).
#[tauri::command]
pub fn set_checks_as_you_type(state: State<'_, AppState>, on: bool) -> CommandResult<()> {
    state.library()?.set_checks_as_you_type(on)?;
    if !on {
        state.proofing.unload();
    }
    Ok(())
}
