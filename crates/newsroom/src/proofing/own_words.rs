//! The library's own word list: names and places the desk writes often, added with "Add to
//! dictionary" and kept in the library (store/dictionary.rs).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Words the library accepts on top of the language's dictionary (a plain list of words on the
/// checker process's wire).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OwnWords(HashSet<String>);

impl OwnWords {
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        OwnWords(words.into_iter().collect())
    }

    /// Whether `word` is one of the list's, as written or in a form a sentence gives it: a
    /// lower-case entry also accepts its capitalised and upper-case forms ("blog" → "Blog"), any
    /// entry accepts its possessive ("Brankovic's"), never the other way round ("NATO" does not
    /// accept "nato").
    pub fn contains(&self, word: &str) -> bool {
        let word = word.replace('’', "'");
        let stem = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(&word);
        [word.as_str(), stem].into_iter().any(|form| {
            self.0.contains(form)
                || self.0.contains(&form.to_lowercase())
                    && (is_capitalised(form) || form.chars().all(|c| !c.is_lowercase()))
        })
    }
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_accept_their_sentence_forms_only() {
        let words = OwnWords::new([
            "Brankovic".to_string(),
            "vlog".to_string(),
            "NATO".to_string(),
        ]);
        for yes in [
            "Brankovic",
            "Brankovic's",
            "Brankovic’s",
            "vlog",
            "Vlog",
            "VLOG",
            "NATO",
        ] {
            assert!(words.contains(yes), "{yes}");
        }
        for no in ["brankovic", "BRANKOVIC", "vLog", "nato", "Nato", "vlogs"] {
            assert!(!words.contains(no), "{no}");
        }
    }
}
