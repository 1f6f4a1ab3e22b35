//! The dateline that opens wire stories: "MADRID —", "WASHINGTON (Reuters) -",
//! "SAN JUAN, Puerto Rico –". It names where the story was filed and is printed by the
//! template, so it moves to its own field.

use super::lines::word_count;

/// Separators between the dateline and the story, longest first so " — " wins over "—".
const SEPARATORS: &[&str] = &[" — ", " – ", " -- ", " - ", ".- ", "—", "–"];
/// "WASHINGTON, Dec 2 (Reuters)" at most.
const MAX_WORDS: usize = 8;

/// Splits a dateline off the start of `paragraph`: `(dateline, rest of the paragraph)`.
pub(super) fn split(paragraph: &str) -> Option<(&str, &str)> {
    let (at, separator) = SEPARATORS
        .iter()
        .filter_map(|sep| paragraph.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, sep)| (*at, std::cmp::Reverse(sep.len())))?;
    let place = paragraph[..at].trim();
    let rest = paragraph[at + separator.len()..].trim_start();
    let plausible = word_count(place) <= MAX_WORDS
        && starts_with_capitals(place)
        && !rest.is_empty()
        && !place.ends_with(['.', ',', ':']);
    plausible.then_some((place, rest))
}

/// The first word is a place in capitals ("MADRID", "NEW YORK", "ST. LOUIS"), not an acronym
/// opening a sentence: all its letters are uppercase and there are at least three.
fn starts_with_capitals(text: &str) -> bool {
    let head: String = text
        .chars()
        .take_while(|c| !matches!(c, ',' | '('))
        .collect();
    let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && head
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_are_split_off() {
        for (paragraph, place) in [
            ("MADRID — The government said.", "MADRID"),
            (
                "WASHINGTON (Reuters) - The US said.",
                "WASHINGTON (Reuters)",
            ),
            (
                "SAN JUAN, Puerto Rico – Power returned.",
                "SAN JUAN, Puerto Rico",
            ),
            (
                "WASHINGTON, Dec 2 (Reuters) - The US said.",
                "WASHINGTON, Dec 2 (Reuters)",
            ),
            (
                "MADRID, 2 dic (EFE).- El Gobierno dijo.",
                "MADRID, 2 dic (EFE)",
            ),
            ("ST. LOUIS—Storms hit.", "ST. LOUIS"),
        ] {
            let (found, rest) = split(paragraph).unwrap_or_else(|| panic!("{paragraph}"));
            assert_eq!(found, place);
            assert!(rest.starts_with(|c: char| c.is_uppercase()), "{rest}");
        }
    }

    #[test]
    fn ordinary_openings_are_left_alone() {
        for paragraph in [
            "The US Secretary of State — Antony Blinken — said.",
            "NATO is a — controversial — alliance.",
            "It was a long-term deal - a good one.",
            "UN — the body said.",
            "MADRID —",
            "Madrid — the capital said.",
        ] {
            assert_eq!(split(paragraph), None, "{paragraph}");
        }
    }
}
