//! Misspelt words: every word Harper's Markdown parser found in prose, looked up in the
//! language's Hunspell dictionary and the library's own words.

use super::Finding;
use super::ProblemKind;
use super::own_words::OwnWords;
use harper_core::{Document, Span, TokenKind};
use spellbook::Dictionary;
use std::collections::HashMap;

/// How many replacements a misspelling offers.
const MAX_SUGGESTIONS: usize = 5;

/// Suggestions remembered per word: Hunspell's suggester takes milliseconds a word, and an
/// article repeats its unknown names.
#[derive(Default)]
pub struct Suggestions(HashMap<String, Vec<String>>);

impl Suggestions {
    fn for_word(&mut self, dictionary: &Dictionary, word: &str) -> Vec<String> {
        if self.0.len() > 10_000 {
            self.0.clear();
        }
        self.0
            .entry(word.to_string())
            .or_insert_with(|| {
                let mut found = Vec::new();
                dictionary.suggest(word, &mut found);
                found.truncate(MAX_SUGGESTIONS);
                found
            })
            .clone()
    }
}

/// The misspelt words of a document, as character spans of its source.
pub fn misspellings(
    document: &Document,
    dictionary: &Dictionary,
    own_words: &OwnWords,
    suggestions: &mut Suggestions,
) -> Vec<Finding> {
    let source = document.get_source();
    document
        .tokens()
        .filter(|token| matches!(token.kind, TokenKind::Word(_)))
        .filter_map(|token| {
            let written: String = token.span.get_content(source).iter().collect();
            let word = written.replace('’', "'");
            let word = word.trim_matches('\'');
            if !worth_checking(word) || dictionary.check(word) || own_words.contains(word) {
                return None;
            }
            Some(Finding {
                span: Span::new(token.span.start, token.span.end),
                kind: ProblemKind::Spelling,
                message: format!("“{written}” is not in the dictionary."),
                suggestions: suggestions.for_word(dictionary, word),
                word: written,
            })
        })
        .collect()
}

/// Words a desk does not want flagged whatever the dictionary says: single letters,
/// anything with a digit (4G, 2020s, COVID-19) and upper-case abbreviations (NHS, UNHCR).
fn worth_checking(word: &str) -> bool {
    let mut letters = 0;
    let mut lower = false;
    for c in word.chars() {
        if c.is_numeric() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
            lower |= c.is_lowercase();
        }
    }
    letters > 1 && lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_digits_and_abbreviations_are_left_alone() {
        for skip in ["a", "4G", "2020s", "NHS", "COVID", "'"] {
            assert!(!worth_checking(skip), "{skip}");
        }
        for check in ["teh", "Teh", "iPhone", "café"] {
            assert!(worth_checking(check), "{check}");
        }
    }
}
