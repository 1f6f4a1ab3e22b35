//! What spell checking needs from the library: the language each article is checked in, and
//! the library's own word list. The checking itself ([`crate::proofing::Proofreader`]) holds no
//! library lock, so front ends keep one beside the library.

use super::Library;
use super::export_source::SITE_LANGUAGE_KEY;
use crate::error::Result;
use crate::model::ArticleId;
use crate::proofing::{Language, OwnWords};

/// Settings key of the language articles are checked in unless they name their own.
pub const PROOFING_LANGUAGE_KEY: &str = "proofing.language";

/// Settings key of whether the app checks the open article as the editor types (`on`/`off`).
pub const AS_YOU_TYPE_KEY: &str = "proofing.as_you_type";

impl Library {
    /// The language an article is checked in: its own, else the library's default.
    pub fn proofing_language(&self, id: ArticleId) -> Result<Language> {
        let own = self.store().article(id)?.language;
        match Language::parse(&own) {
            Some(language) => Ok(language),
            None => self.default_proofing_language(),
        }
    }

    /// The library's default language for checking: the `proofing.language` setting, else the
    /// publication's language, else American English (the dictionary shipped with the app).
    pub fn default_proofing_language(&self) -> Result<Language> {
        for key in [PROOFING_LANGUAGE_KEY, SITE_LANGUAGE_KEY] {
            if let Some(language) = self
                .store()
                .setting(key)?
                .as_deref()
                .and_then(Language::parse)
            {
                return Ok(language);
            }
        }
        Ok(Language::default_language())
    }

    /// Sets the library's default language for checking (a tag such as `en-GB`).
    pub fn set_default_proofing_language(&mut self, tag: &str) -> Result<Language> {
        let language = Language::parse(tag)
            .ok_or_else(|| crate::store::StoreError::InvalidLanguage(tag.trim().to_string()))?;
        self.store_mut()
            .set_setting(PROOFING_LANGUAGE_KEY, language.code())?;
        Ok(language)
    }

    /// Whether the app underlines problems as the editor types. On unless switched off: a desk
    /// writing in a language with no dictionary here, or one that proofs at the end, turns it off.
    pub fn checks_as_you_type(&self) -> Result<bool> {
        Ok(self.store().setting(AS_YOU_TYPE_KEY)?.as_deref() != Some("off"))
    }

    /// Switches checking as the editor types on or off for this library.
    pub fn set_checks_as_you_type(&mut self, on: bool) -> Result<()> {
        let value = if on { "on" } else { "off" };
        Ok(self.store_mut().set_setting(AS_YOU_TYPE_KEY, value)?)
    }

    /// The library's own words, for a [`crate::proofing::Proofreader`].
    pub fn own_words(&self) -> Result<OwnWords> {
        Ok(OwnWords::new(self.store().dictionary_words()?))
    }

    /// Adds a word to the library's own list; returns it as kept (trimmed).
    pub fn add_to_dictionary(&mut self, word: &str) -> Result<String> {
        Ok(self.store_mut().add_dictionary_word(word)?)
    }

    /// Removes a word from the library's own list.
    pub fn remove_from_dictionary(&mut self, word: &str) -> Result<()> {
        Ok(self.store_mut().remove_dictionary_word(word)?)
    }

    /// The library's own words, sorted.
    pub fn dictionary_words(&self) -> Result<Vec<String>> {
        Ok(self.store().dictionary_words()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::test_support::library;
    use crate::model::{ArticleId, ArticlePatch, NewArticle, RevisionCause};

    fn story(lib: &mut Library, language: &str) -> ArticleId {
        let new = NewArticle {
            headline: "Vote".into(),
            language: language.into(),
            ..Default::default()
        };
        lib.store_mut()
            .create_article(&new, RevisionCause::Manual)
            .unwrap()
            .id
    }

    #[test]
    fn an_article_is_checked_in_its_own_language_else_the_librarys() {
        let (mut lib, _dir) = library();
        let id = story(&mut lib, "");
        assert_eq!(lib.proofing_language(id).unwrap().code(), "en_US");
        lib.store_mut()
            .set_setting(SITE_LANGUAGE_KEY, "en-AU")
            .unwrap();
        assert_eq!(lib.proofing_language(id).unwrap().code(), "en_AU");
        lib.set_default_proofing_language("en-gb").unwrap();
        assert_eq!(lib.proofing_language(id).unwrap().code(), "en_GB");
        let patch = ArticlePatch {
            language: Some("fr-fr".into()),
            ..Default::default()
        };
        lib.store_mut().update_article(id, &patch).unwrap();
        assert_eq!(lib.proofing_language(id).unwrap().code(), "fr_FR");
    }

    #[test]
    fn a_language_that_is_not_one_is_refused_and_the_article_keeps_its_own() {
        let (mut lib, _dir) = library();
        let id = story(&mut lib, "en-GB");
        let patch = ArticlePatch {
            language: Some("English please".into()),
            ..Default::default()
        };
        let err = lib.store_mut().update_article(id, &patch).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        assert_eq!(lib.store().article(id).unwrap().language, "en_GB");
        assert!(lib.set_default_proofing_language("??").is_err());
    }

    #[test]
    fn checking_as_you_type_is_on_until_switched_off_and_stays_as_set() {
        let (mut lib, _dir) = library();
        assert!(lib.checks_as_you_type().unwrap());
        lib.set_checks_as_you_type(false).unwrap();
        assert!(!lib.checks_as_you_type().unwrap());
        lib.set_checks_as_you_type(true).unwrap();
        assert!(lib.checks_as_you_type().unwrap());
    }
}
