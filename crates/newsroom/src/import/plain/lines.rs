//! Cutting copied text into its units: one paragraph (or caption, or subheading) each.

/// Text copied from a web page puts each paragraph on its own line, with or without a blank line
/// between them, so every line is a unit. Wire copy wraps paragraphs at a fixed width instead: a
/// line that does not end a sentence, followed in the same block by one that starts in lowercase,
/// is the same paragraph and the two are joined with a space.
pub(super) fn units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut previous_in_block = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            previous_in_block = false;
            continue;
        }
        match units.last_mut() {
            Some(last) if previous_in_block && continues(last, line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => units.push(line.to_string()),
        }
        previous_in_block = true;
    }
    units
}

/// Closing quotes and brackets, looked through to find a line's last punctuation.
const CLOSERS: [char; 8] = ['"', '”', '’', '\'', ')', ']', '»', '*'];
/// Punctuation after which a paragraph may end.
const FULL_STOPS: [char; 6] = ['.', '!', '?', ':', ';', '…'];
/// Punctuation that a title never ends with.
const SENTENCE_ENDS: [char; 7] = ['.', '!', '?', ':', ';', '…', ','];

/// A wrapped line: the previous line stops mid-sentence (a comma or a closing quote is not the
/// end of a paragraph) and the next one carries on in lowercase.
fn continues(previous: &str, next: &str) -> bool {
    !previous.trim_end_matches(CLOSERS).ends_with(FULL_STOPS)
        && next.starts_with(char::is_lowercase)
}

/// Sentence-ending punctuation, looked for after any closing quotes or brackets.
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(CLOSERS).ends_with(SENTENCE_ENDS)
}

/// Words as an editor counts them for "is this line short?".
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_of_web_copy_is_a_unit() {
        let text = "Headline | World\n\nCaption.\nCaption.Credit\n\n  First paragraph.  \nSecond\n";
        assert_eq!(
            units(text),
            [
                "Headline | World",
                "Caption.",
                "Caption.Credit",
                "First paragraph.",
                "Second"
            ]
        );
    }

    #[test]
    fn wrapped_wire_lines_are_joined() {
        let text = "The minister, who spoke on Monday,\nsaid that the\nvote would go ahead as planned.\nnext paragraph.\n\nnew block starts here.";
        assert_eq!(
            units(text),
            [
                "The minister, who spoke on Monday, said that the vote would go ahead as planned.",
                "next paragraph.",
                "new block starts here."
            ]
        );
    }

    #[test]
    fn sentence_ends_are_seen_through_quotes() {
        assert!(ends_sentence("“We will win.”"));
        assert!(!ends_sentence("“Nightmare scenario”"));
        assert!(!ends_sentence("What next"));
    }
}
