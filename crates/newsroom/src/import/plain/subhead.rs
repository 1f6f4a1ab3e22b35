//! Subheadings: the short title-like lines pages put between groups of paragraphs.

use super::lines::{ends_sentence, word_count};

/// A subheading is a few words...
const MAX_WORDS: usize = 10;
const MAX_CHARS: usize = 80;

/// Whether `line` reads like a subheading rather than a sentence: short, starting with a
/// capital, digit or quote, and without final punctuation (a short line ending with a period,
/// like "He refused.", stays a paragraph).
pub(super) fn looks_like_subheading(line: &str) -> bool {
    word_count(line) <= MAX_WORDS
        && line.chars().count() <= MAX_CHARS
        && !ends_sentence(line)
        && line.starts_with(|c: char| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '“' | '"' | '‘' | '\'' | '«' | '¿' | '¡')
        })
}

/// Marks which units are subheadings: title-like lines with a paragraph on each side.
pub(super) fn mark(units: &[String]) -> Vec<bool> {
    let candidate: Vec<bool> = units.iter().map(|u| looks_like_subheading(u)).collect();
    (0..units.len())
        .map(|i| {
            let paragraph_at = |j: Option<usize>| j.and_then(|j| candidate.get(j)) == Some(&false);
            candidate[i] && paragraph_at(i.checked_sub(1)) && paragraph_at(Some(i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn short_titles_between_paragraphs_are_subheadings() {
        let units = owned(&[
            "Para one.",
            "“Nightmare scenario”",
            "Para two.",
            "What next",
            "Para three.",
        ]);
        assert_eq!(mark(&units), [false, true, false, true, false]);
    }

    #[test]
    fn short_sentences_and_edges_stay_paragraphs() {
        let units = owned(&[
            "Opening line",
            "He refused.",
            "“We will win.”",
            "Why?",
            "Closing line",
        ]);
        assert_eq!(mark(&units), [false; 5]);
        let units = owned(&["Para.", "Two short", "Lines in a row", "Para."]);
        assert_eq!(mark(&units), [false; 4]);
        assert!(!looks_like_subheading("lowercase start"));
        assert!(!looks_like_subheading(&"Word ".repeat(11)));
    }
}
