//! Escaping prose so that Markdown prints it as written.
//!
//! Copied text is not Markdown: a paragraph that starts with "1." or "#" or "- " would become a
//! list or a heading, and `*`, `_`, `` ` ``, `[` or `<` inside it could turn into formatting or
//! raw HTML. Only those characters are escaped, so the body stays readable in the editor;
//! everything else (curly quotes included) is left exactly as it came.

/// A paragraph of prose as Markdown.
pub(crate) fn paragraph(text: &str) -> String {
    let inline = inline(text);
    let first = inline.chars().next();
    let second = inline.chars().nth(1);
    let blank_or_end = |c: Option<char>| c.is_none_or(char::is_whitespace);
    match first {
        Some('#' | '>') => format!("\\{inline}"),
        Some('-' | '+') if blank_or_end(second) || second == Some('-') => format!("\\{inline}"),
        Some('=') if inline.chars().all(|c| c == '=') => format!("\\{inline}"),
        Some(c) if c.is_ascii_digit() => escape_ordered_marker(inline),
        _ => inline,
    }
}

/// `1. text` / `1) text` would start an ordered list: escape the dot or parenthesis.
fn escape_ordered_marker(text: String) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    let marker = rest.starts_with(['.', ')']);
    let after = rest.chars().nth(1);
    if digits <= 9 && marker && after.is_none_or(char::is_whitespace) {
        format!("{}\\{}", &text[..digits], rest)
    } else {
        text
    }
}

/// Inline text (a paragraph or a subheading) as Markdown.
pub(super) fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            // snake_case words are safe: intraword underscores never emphasise.
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || matches!(a, '/' | '!' | '?')),
            '&' => starts_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text after an `&` reads as an HTML entity such as `&amp;` or `&#39;`.
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && name <= 32 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_markdown_would_misread_are_escaped() {
        assert_eq!(paragraph("1. The first point."), "1\\. The first point.");
        assert_eq!(paragraph("2021) was a year"), "2021\\) was a year");
        assert_eq!(paragraph("2021. A year."), "2021\\. A year.");
        assert_eq!(paragraph("3.5 million people"), "3.5 million people");
        assert_eq!(
            paragraph("1234567890. Too long for a list"),
            "1234567890. Too long for a list"
        );
        assert_eq!(paragraph("# hashtag"), "\\# hashtag");
        assert_eq!(paragraph("#MeToo spread."), "\\#MeToo spread.");
        assert_eq!(paragraph("> quoted"), "\\> quoted");
        assert_eq!(paragraph("- a dash"), "\\- a dash");
        assert_eq!(paragraph("---"), "\\---");
        assert_eq!(paragraph("+ plus"), "\\+ plus");
        assert_eq!(paragraph("-5 degrees"), "-5 degrees");
        assert_eq!(paragraph("==="), "\\===");
    }

    #[test]
    fn inline_markup_characters_are_escaped_and_quotes_kept() {
        assert_eq!(
            inline("“a *high* price” for [them] `x` <b> & AT&T &amp; snake_case _x_ 2<3 ~~y~~ \\"),
            "“a \\*high\\* price” for \\[them\\] \\`x\\` \\<b> & AT&T \\&amp; snake_case \\_x\\_ 2<3 \\~\\~y\\~\\~ \\\\"
        );
    }

    /// The escaped text, rendered by comrak with GitHub's extensions, is the original prose.
    #[test]
    fn escaped_prose_renders_as_written() {
        let mut options = comrak::Options::default();
        options.extension.strikethrough = true;
        options.extension.table = true;
        options.extension.autolink = true;
        options.extension.tasklist = true;
        for line in [
            "1. The first point.",
            "2) The second.",
            "# of entries rose.",
            "> not a quote",
            "- not a list",
            "+ not a list",
            "* not a list",
            "---",
            "***",
            "===",
            "[x] not a task",
            "[link](page.html) and ![image](x.png)",
            "a *b* c _d_ e __f__ g `h` ~~i~~ j \\ k",
            "<script>alert(1)</script> and <!-- comment -->",
            "&amp; &copy; &#39; AT&T",
            "“Curly” ‘quotes’ and snake_case_words stay.",
        ] {
            let html = comrak::markdown_to_html(&paragraph(line), &options);
            let expected = line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert_eq!(html, format!("<p>{expected}</p>\n"), "{line}");
        }
    }
}
