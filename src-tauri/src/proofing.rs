//! The app's one spell and grammar checker, kept beside the library rather than inside its
//! lock: a check of a long article takes a fraction of a second, during which saves go on (the
//! core refuses a text too long to check quickly).

use crate::error::CommandResult;
use newsroom::proofing::{DictionaryShelf, Language, OwnWords, Problem, Proofreader};
use std::sync::{Mutex, PoisonError};

/// The checker, built on first use (its dictionaries load then).
#[derive(Default)]
pub struct Proofing(Mutex<Option<Proofreader>>);

impl Proofing {
    /// Checks `text` in `language`; `own_words` gives the library's word list the first time.
    pub fn check(
        &self,
        text: &str,
        language: &Language,
        own_words: impl FnOnce() -> CommandResult<OwnWords>,
    ) -> CommandResult<Vec<Problem>> {
        let mut checker = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let reader = match checker.as_mut() {
            Some(reader) => reader,
            None => checker.insert(Proofreader::new(DictionaryShelf::default(), own_words()?)),
        };
        Ok(reader
            .check(text, language)
            .map_err(newsroom::Error::from)?)
    }

    /// Tells the checker the library's word list changed.
    pub fn set_own_words(&self, own_words: OwnWords) {
        let mut checker = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(reader) = checker.as_mut() {
            reader.set_own_words(own_words);
        }
    }

    /// Languages with a dictionary on this computer, the shipped one first.
    pub fn languages(&self) -> Vec<Language> {
        DictionaryShelf::default().available()
    }
}
