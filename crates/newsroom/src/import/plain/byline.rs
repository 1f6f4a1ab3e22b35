//! Who wrote the story: a "By Ana Ruiz" line near the top, or the author's name and note that
//! close many news pages ("George Holan" / "George Holan is chief editor at …").

use super::lines::{ends_sentence, word_count};

/// The top byline is looked for among the first units after the headline.
const SEARCH_TOP: usize = 4;
/// The closing author note is looked for among the last units.
const SEARCH_END: usize = 4;
/// "Ana Ruiz and Tom Lee, Reuters" at most.
const MAX_BYLINE_WORDS: usize = 10;

/// Removes a "By …" line from the top of the story and returns the names.
pub(super) fn take_top(units: &mut Vec<String>) -> Option<String> {
    let at = units
        .iter()
        .take(SEARCH_TOP)
        .position(|unit| top_byline(unit).is_some())?;
    let line = units.remove(at);
    top_byline(&line).map(str::to_string)
}

fn top_byline(line: &str) -> Option<&str> {
    let names = ["By ", "BY ", "by "]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix))?
        .trim();
    let looks_like_names = names.starts_with(char::is_uppercase)
        && word_count(names) <= MAX_BYLINE_WORDS
        && !ends_sentence(names);
    looks_like_names.then_some(names)
}

/// The author note that closes the story.
pub(super) struct AuthorNote {
    pub name: String,
    pub bio: String,
}

/// Removes the closing author note and returns it: a name line followed by a paragraph that
/// starts with that name, or (when the byline is already known) a last paragraph that does.
pub(super) fn take_closing(units: &mut Vec<String>, known_byline: &str) -> Option<AuthorNote> {
    let start = units.len().saturating_sub(SEARCH_END);
    let paired = (start..units.len().saturating_sub(1))
        .rev()
        .find(|&i| is_name(&units[i]) && starts_with_name(&units[i + 1], &units[i]));
    if let Some(i) = paired {
        let name = units.remove(i);
        let bio = units.remove(i);
        return Some(AuthorNote { name, bio });
    }
    let last = units.last()?;
    if !known_byline.is_empty() && units.len() > 1 && starts_with_name(last, known_byline) {
        let bio = units.pop()?;
        return Some(AuthorNote {
            name: known_byline.to_string(),
            bio,
        });
    }
    None
}

/// "George Holan", "Ana de la Cruz": two to five words, capitalised apart from particles.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && !ends_sentence(line)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "del" | "la" | "van" | "von" | "da" | "di" | "le" | "bin"
                )
        })
        && words[0].starts_with(char::is_uppercase)
}

/// `paragraph` begins with `name` as a whole word followed by more text ("George Holan is …").
fn starts_with_name(paragraph: &str, name: &str) -> bool {
    paragraph
        .strip_prefix(name)
        .is_some_and(|rest| rest.starts_with([' ', ',', '\u{a0}']) && word_count(rest) >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_by_line_near_the_top_is_the_byline() {
        let mut list = units(&["Caption.", "By Ana Ruiz and Tom Lee", "Body."]);
        assert_eq!(take_top(&mut list).as_deref(), Some("Ana Ruiz and Tom Lee"));
        assert_eq!(list, ["Caption.", "Body."]);
    }

    #[test]
    fn sentences_starting_with_by_are_not_bylines() {
        for line in [
            "By Monday, the vote was over.",
            "by the way",
            "By far the largest protest in a decade took place in the capital yesterday",
        ] {
            let mut list = units(&[line]);
            assert_eq!(take_top(&mut list), None, "{line}");
        }
    }

    #[test]
    fn the_closing_name_and_note_become_the_author() {
        let mut list = units(&[
            "Body.",
            "George Holan",
            "George Holan is chief editor at Plainsmen Post.",
        ]);
        let note = take_closing(&mut list, "").unwrap();
        assert_eq!(note.name, "George Holan");
        assert_eq!(note.bio, "George Holan is chief editor at Plainsmen Post.");
        assert_eq!(list, ["Body."]);
    }

    #[test]
    fn a_known_byline_finds_its_note_without_a_name_line() {
        let mut list = units(&["Body.", "Ana Ruiz covers Spain for the paper."]);
        let note = take_closing(&mut list, "Ana Ruiz").unwrap();
        assert_eq!(note.bio, "Ana Ruiz covers Spain for the paper.");
        assert_eq!(list, ["Body."]);
    }

    #[test]
    fn paragraphs_that_do_not_start_with_the_name_are_not_a_note() {
        let mut list = units(&["Body.", "Nightmare Scenario", "Lavrov has linked the two."]);
        assert!(take_closing(&mut list, "").is_none());
        assert_eq!(list.len(), 3);
        let mut list = units(&["Body.", "The end of the story came quickly."]);
        assert!(take_closing(&mut list, "Ana Ruiz").is_none());
        assert!(take_closing(&mut units(&["Ana Ruiz writes."]), "Ana Ruiz").is_none());
    }
}
