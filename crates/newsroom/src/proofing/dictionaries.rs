//! Hunspell dictionaries: American English shipped inside the app, other languages read from
//! the system's folders the first time an article asks for them.

use super::language::Language;
use super::{ProofingError, system_dictionaries};
use spellbook::Dictionary;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SHIPPED_AFF: &str = include_str!("../../dictionaries/en_US.aff");
const SHIPPED_DIC: &str = include_str!("../../dictionaries/en_US.dic");

/// Larger dictionary files than this are not read (the biggest in Debian is ~20 MB).
const MAX_DICTIONARY_BYTES: u64 = 64 * 1024 * 1024;

/// The dictionaries loaded so far, by language.
#[derive(Default)]
pub struct DictionaryShelf {
    loaded: HashMap<Language, Arc<Dictionary>>,
    folders: Option<Vec<PathBuf>>,
}

impl DictionaryShelf {
    /// A shelf that looks in `folders` instead of the system's (for tests).
    pub fn with_folders(folders: Vec<PathBuf>) -> Self {
        DictionaryShelf {
            loaded: HashMap::new(),
            folders: Some(folders),
        }
    }

    /// The dictionary for a language, loading it on first use.
    pub fn get(&mut self, language: &Language) -> Result<Arc<Dictionary>, ProofingError> {
        if let Some(dictionary) = self.loaded.get(language) {
            return Ok(dictionary.clone());
        }
        let dictionary = Arc::new(self.load(language)?);
        self.loaded.insert(language.clone(), dictionary.clone());
        Ok(dictionary)
    }

    /// Every language a dictionary is available for, the shipped one first.
    pub fn available(&self) -> Vec<Language> {
        let mut languages = vec![Language::default_language()];
        for folder in self.folders() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let stem = path.file_stem().and_then(|s| s.to_str());
                let is_dic = path.extension().is_some_and(|e| e == "dic");
                if let (true, Some(language)) = (is_dic, stem.and_then(Language::parse))
                    && language.code() == stem.unwrap_or_default()
                    && path.with_extension("aff").is_file()
                    && !languages.contains(&language)
                {
                    languages.push(language);
                }
            }
        }
        languages[1..].sort_by_key(|l| l.code().to_string());
        languages
    }

    fn folders(&self) -> Vec<PathBuf> {
        self.folders
            .clone()
            .unwrap_or_else(system_dictionaries::folders)
    }

    fn load(&self, language: &Language) -> Result<Dictionary, ProofingError> {
        let found = self.folders().into_iter().find_map(|folder| {
            let dic = folder.join(format!("{}.dic", language.code()));
            dic.is_file()
                .then(|| (folder.join(format!("{}.aff", language.code())), dic))
        });
        let (aff, dic) = match found {
            Some((aff, dic)) => (read_text(&aff)?, read_text(&dic)?),
            None if *language == Language::default_language() => {
                (SHIPPED_AFF.to_string(), SHIPPED_DIC.to_string())
            }
            None => {
                return Err(ProofingError::NoDictionary {
                    language: language.display_name(),
                });
            }
        };
        Dictionary::new(&aff, &dic).map_err(|e| ProofingError::BadDictionary {
            language: language.display_name(),
            reason: e.to_string(),
        })
    }
}

/// A dictionary file as text: UTF-8, or the Latin-1 some older dictionaries still use.
fn read_text(path: &Path) -> Result<String, ProofingError> {
    let unreadable = |reason: String| ProofingError::BadDictionary {
        language: path.display().to_string(),
        reason,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(e.to_string()))?
        .len();
    if size > MAX_DICTIONARY_BYTES {
        return Err(unreadable(format!("the file is {size} bytes, too large")));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_dictionary_checks_english_without_any_system_folder() {
        let mut shelf = DictionaryShelf::with_folders(vec![]);
        let english = shelf.get(&Language::default_language()).unwrap();
        assert!(english.check("newspaper"));
        assert!(!english.check("newspapr"));
        assert_eq!(shelf.available(), [Language::default_language()]);
    }

    #[test]
    fn a_missing_language_is_named_in_the_error() {
        let mut shelf = DictionaryShelf::with_folders(vec![]);
        let err = shelf.get(&Language::parse("fr_FR").unwrap()).err().unwrap();
        assert!(err.to_string().contains("French (France)"), "{err}");
    }

    #[test]
    fn system_dictionaries_are_found_and_read_even_in_latin_1() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("es_ES.aff"), b"SET ISO8859-1\n").unwrap();
        std::fs::write(folder.path().join("es_ES.dic"), b"2\nni\xf1o\ncasa\n").unwrap();
        std::fs::write(folder.path().join("notes.dic"), b"1\nx\n").unwrap();
        let mut shelf = DictionaryShelf::with_folders(vec![folder.path().to_path_buf()]);
        let spanish = Language::parse("es_ES").unwrap();
        assert_eq!(
            shelf.available(),
            [Language::default_language(), spanish.clone()]
        );
        let dictionary = shelf.get(&spanish).unwrap();
        assert!(dictionary.check("niño") && dictionary.check("casa"));
        assert!(!dictionary.check("perro"));
    }
}
