//! The word count an editor sees in the status bar and on the budget, and that every save
//! writes to the article's row.

/// Counts words the way editors do: what a reader reads. Runs of letters or digits are words,
/// with inner apostrophes and hyphens kept ("don't", "well-known" are one word), as are numbers
/// ("114,000", "3.5"). Markdown punctuation is not counted, nor are the destinations of links and
/// images (`[text](https://…)` counts "text"; `![alt](photo:12 "caption")` counts the alt text)
/// or `<https://…>` autolinks.
pub fn count_words(text: &str) -> u32 {
    let mut count = 0u32;
    let mut in_word = false;
    let mut prev_joiner = false;
    let mut prev_digit = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let skipped = match c {
            ']' if chars.peek() == Some(&'(') => skip_until_close(&mut chars, '(', ')'),
            '<' if chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) => {
                skip_autolink(&mut chars)
            }
            _ => false,
        };
        if skipped {
            in_word = false;
            prev_joiner = false;
            continue;
        }
        if c.is_alphanumeric() {
            if !in_word {
                count += 1;
                in_word = true;
            }
            prev_joiner = false;
            prev_digit = c.is_ascii_digit();
        } else if in_word
            && !prev_joiner
            && (matches!(c, '\'' | '’' | '-') || (prev_digit && matches!(c, ',' | '.')))
        {
            prev_joiner = true;
        } else {
            in_word = false;
            prev_joiner = false;
        }
    }
    count
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Consumes a bracketed run such as a link destination `(…)`, nested brackets included. A run
/// that never closes on its line is left alone (it was prose, not a destination).
fn skip_until_close(chars: &mut Chars<'_>, open: char, close: char) -> bool {
    let ahead = chars.clone();
    let mut depth = 0usize;
    let mut consumed = 0usize;
    for c in ahead {
        consumed += 1;
        if c == '\n' {
            return false;
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                chars.nth(consumed - 1);
                return true;
            }
        }
    }
    false
}

/// Consumes `<scheme:…>` (an autolink) after its `<`; anything else is left alone.
fn skip_autolink(chars: &mut Chars<'_>) -> bool {
    let ahead: String = chars
        .clone()
        .take_while(|c| *c != '>' && *c != '\n')
        .collect();
    let is_autolink = ahead.contains(':') && !ahead.contains(char::is_whitespace);
    let closed = chars.clone().nth(ahead.chars().count()) == Some('>');
    if is_autolink && closed {
        chars.nth(ahead.chars().count());
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_like_an_editor_counts_them() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("## Hello, *world*!"), 2);
        assert_eq!(count_words("Don't stop the well-known 114,000 troops"), 6);
        assert_eq!(count_words("See [the report](https://x.org/a-b) now"), 4);
        assert_eq!(count_words("![A chart](photo:12 \"The chart\")"), 2);
        assert_eq!(count_words("<https://example.org>"), 0);
        assert_eq!(count_words("a (b) [c] (d"), 4);
        assert_eq!(count_words("x <b and c> y"), 5);
        assert_eq!(count_words("a - b -- c"), 3);
        assert_eq!(count_words("Åsa köpte 3.5 kg äpplen"), 5);
    }

    #[test]
    fn destinations_with_nested_parentheses_are_skipped_and_unclosed_ones_stay_prose() {
        assert_eq!(
            count_words("[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) says"),
            2
        );
        assert_eq!(count_words("[a](b c\nd e) f"), 6);
        assert_eq!(count_words("[a](unclosed destination"), 3);
        assert_eq!(
            count_words("<not an autolink> <mailto:x@y.org> <b>bold</b>"),
            6
        );
        assert_eq!(count_words("Visit <https://x.org\nnow"), 5);
    }
}
