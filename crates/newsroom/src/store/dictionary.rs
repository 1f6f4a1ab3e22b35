//! The library's own word list for spell checking ("Add to dictionary"): names and places the
//! desk writes often.

use super::articles::one_line;
use super::{Store, StoreError};

/// The longest word the list takes, in characters.
const MAX_WORD_CHARS: usize = 64;

impl Store {
    /// Adds a word (as written: "Brankovic", "vlog"); adding one already there changes nothing.
    pub fn add_dictionary_word(&mut self, word: &str) -> Result<String, StoreError> {
        let word = valid_word(word)?;
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO dictionary_words (word) VALUES (?1) ON CONFLICT DO NOTHING",
                [&word],
            )?;
            Ok(())
        })?;
        Ok(word)
    }

    /// Removes a word; removing one that is not there changes nothing.
    pub fn remove_dictionary_word(&mut self, word: &str) -> Result<(), StoreError> {
        let word = word.trim().to_string();
        self.write(|tx, _| {
            tx.execute("DELETE FROM dictionary_words WHERE word = ?1", [&word])?;
            Ok(())
        })
    }

    /// Every word of the list, sorted.
    pub fn dictionary_words(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT word FROM dictionary_words ORDER BY word")?;
        let words = statement.query_map([], |row| row.get(0))?;
        Ok(words.collect::<Result<_, _>>()?)
    }
}

/// One word: letters with the apostrophes, hyphens and dots names have, no spaces.
fn valid_word(word: &str) -> Result<String, StoreError> {
    let trimmed = word.trim();
    let ok = trimmed.chars().count() <= MAX_WORD_CHARS
        && trimmed.chars().any(char::is_alphabetic)
        && trimmed
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.'));
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(StoreError::InvalidWord(
            one_line(word).chars().take(80).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_kept_once_sorted_and_removed() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(
            store.add_dictionary_word("  Brankovic ").unwrap(),
            "Brankovic"
        );
        store.add_dictionary_word("Brankovic").unwrap();
        store.add_dictionary_word("Al-Sisi").unwrap();
        assert_eq!(store.dictionary_words().unwrap(), ["Al-Sisi", "Brankovic"]);
        store.remove_dictionary_word("Al-Sisi").unwrap();
        store.remove_dictionary_word("never added").unwrap();
        assert_eq!(store.dictionary_words().unwrap(), ["Brankovic"]);
    }

    #[test]
    fn phrases_symbols_and_long_words_are_refused_and_nothing_is_added() {
        let mut store = Store::open_in_memory().unwrap();
        for bad in ["two words", "", "  ", "1234", "<script>", &"a".repeat(65)] {
            let err = store.add_dictionary_word(bad).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Invalid, "{bad}");
            assert!(err.to_string().contains("one word"), "{err}");
        }
        assert!(store.dictionary_words().unwrap().is_empty());
    }
}
