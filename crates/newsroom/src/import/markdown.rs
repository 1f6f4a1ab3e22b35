//! Markdown files: front matter for the metadata, the rest as the body.

use super::front_matter;
use super::text::normalize;
use super::{ImportError, ImportedArticle, fields};
use std::path::Path;

/// Parses a Markdown file; `file` (its name) is used in messages and as the last-resort headline.
pub(super) fn parse(text: &str, file: Option<&str>) -> Result<ImportedArticle, ImportError> {
    let text = normalize(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.map(str::to_string),
        });
    }
    let (fields, body) = front_matter::split(&text, file)?;
    let mut article = ImportedArticle::default();
    fields::apply(fields, &mut article);
    let mut body = body.to_string();
    match take_first_heading(&body) {
        // A title in the front matter and the same `# ` heading on top would print it twice.
        Some((heading, rest)) if article.headline.is_empty() || heading == article.headline => {
            article.headline = heading;
            body = rest;
        }
        _ if !article.headline.is_empty() => {}
        _ => match file {
            Some(name) => {
                article.headline = headline_from_file_name(name);
                article.warnings.push(format!(
                    "The headline “{}” was made from the file name; check it.",
                    article.headline
                ));
            }
            None => article
                .warnings
                .push("No headline was found; write one before saving.".to_string()),
        },
    }
    article.body = tidy(&body);
    Ok(article)
}

/// The text of the first level-one ATX heading (`# Title`) outside code blocks, and the body
/// without that line (and the blank line after it).
fn take_first_heading(body: &str) -> Option<(String, String)> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (Some(open), Some(m)) if open == m => fence = None,
            (None, Some(m)) if indent < 4 => fence = Some(m),
            (None, None) if indent < 4 => {
                if let Some(text) = heading_text(trimmed.trim_end()) {
                    let after = &body[offset + line.len()..];
                    // The blank line that separated the heading goes with it.
                    let after = after.strip_prefix('\n').unwrap_or(after);
                    let rest = format!("{}{after}", &body[..offset]);
                    return Some((text, rest));
                }
            }
            _ => {}
        }
        offset += line.len();
    }
    None
}

/// `# Title ##` → `Title`; `None` for anything but a level-one heading with text.
fn heading_text(line: &str) -> Option<String> {
    let rest = line.strip_prefix('#')?;
    if !(rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let text = rest.trim();
    // A closing sequence of `#` only counts after a space (CommonMark).
    let text = match text.trim_end_matches('#') {
        stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
        _ => text,
    };
    (!text.is_empty()).then(|| text.to_string())
}

/// A readable headline from a file name such as `2021-12-02-budget_vote.md`: "Budget vote".
fn headline_from_file_name(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    // Jekyll names posts YYYY-MM-DD-title: the date is not part of the title.
    let is_jekyll_date = words.len() > 3
        && words[..3]
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words[0].len() == 4;
    let words = if is_jekyll_date {
        &words[3..]
    } else {
        &words[..]
    };
    let mut headline = words.join(" ");
    if let Some(first) = headline.chars().next() {
        headline = first
            .to_uppercase()
            .chain(headline.chars().skip(1))
            .collect();
    }
    if headline.is_empty() {
        "Untitled".to_string()
    } else {
        headline
    }
}

/// The body without blank lines around it, ending with one newline (or empty).
fn tidy(body: &str) -> String {
    let trimmed = body.trim_start_matches('\n').trim_end();
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_heading_is_the_headline_when_there_is_no_front_matter() {
        let article = parse("Intro line\n\n# The vote ##\n\nText.\n", Some("x.md")).unwrap();
        assert_eq!(article.headline, "The vote");
        assert_eq!(article.body, "Intro line\n\nText.\n");
        assert!(article.warnings.is_empty());
    }

    #[test]
    fn headings_in_code_blocks_and_other_levels_are_not_headlines() {
        let text = "```\n# not a heading\n```\n\n## Sub\n\n#hashtag\n\n    # indented code\n";
        let article = parse(text, Some("2021-12-02-budget_vote.md")).unwrap();
        assert_eq!(article.headline, "Budget vote");
        assert_eq!(article.body, text);
        assert!(article.warnings[0].contains("made from the file name"));
    }

    #[test]
    fn a_front_matter_title_wins_and_a_repeated_heading_is_removed() {
        let article = parse("---\ntitle: Vote\n---\n# Vote\n\nText\n", None).unwrap();
        assert_eq!(
            (article.headline.as_str(), article.body.as_str()),
            ("Vote", "Text\n")
        );
        let article = parse("---\ntitle: Vote\n---\n# Other\n\nText\n", None).unwrap();
        assert_eq!(article.headline, "Vote");
        assert_eq!(article.body, "# Other\n\nText\n");
    }

    #[test]
    fn pasted_markdown_without_any_title_asks_for_one() {
        let article = parse("Just text.", None).unwrap();
        assert_eq!(article.headline, "");
        assert_eq!(article.body, "Just text.\n");
        assert!(article.warnings[0].contains("No headline"));
    }

    #[test]
    fn empty_input_is_refused() {
        let err = parse("\u{feff} \r\n\t", Some("e.md")).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        assert!(err.to_string().contains("“e.md” is empty"));
    }

    #[test]
    fn heading_text_follows_commonmark() {
        assert_eq!(heading_text("# A # B #").as_deref(), Some("A # B"));
        assert_eq!(heading_text("# C#").as_deref(), Some("C#"));
        assert_eq!(heading_text("# ##"), None);
        assert_eq!(heading_text("#"), None);
        assert_eq!(headline_from_file_name("---.md"), "Untitled");
    }
}
