//! The article's blocks of prose, found with the same Markdown parser that renders it, so that
//! code, raw HTML and front matter are never checked and each paragraph can be checked (and
//! remembered) on its own.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use std::ops::Range;

/// Byte ranges of the top-level blocks worth checking (paragraphs, headings, lists, quotes),
/// in order. Whole lines: a block starts at the beginning of its first line and ends at the
/// end of its last.
pub fn prose_blocks(text: &str) -> Vec<Range<usize>> {
    let arena = Arena::new();
    let mut options = Options::default();
    // A body pasted with its front matter still on top: never prose.
    options.extension.front_matter_delimiter = Some("---".to_string());
    let root = parse_document(&arena, text, &options);
    let lines = LineStarts::new(text);
    root.children()
        .filter_map(|node| {
            let data = node.data.borrow();
            let prose = !matches!(
                data.value,
                NodeValue::CodeBlock(_)
                    | NodeValue::HtmlBlock(_)
                    | NodeValue::FrontMatter(_)
                    | NodeValue::ThematicBreak
            );
            let pos = data.sourcepos;
            prose.then(|| lines.start(pos.start.line)..lines.end(pos.end.line))
        })
        .filter(|range| !range.is_empty())
        .collect()
}

/// Where each line of a text begins, by 1-based line number.
struct LineStarts<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineStarts<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts { text, starts }
    }

    fn start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The end of the line, before its line break.
    fn end(&self, line: usize) -> usize {
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<&str> {
        prose_blocks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_headings_and_lists_are_prose_and_code_is_not() {
        let text = "# Headline\n\nFirst para\nstill first.\n\n```\nlet x = teh;\n\nmore code\n```\n\n- one\n- two\n\n<div>raw</div>\n\n---\n\nLast.";
        assert_eq!(
            blocks(text),
            [
                "# Headline",
                "First para\nstill first.",
                "- one\n- two",
                "Last."
            ]
        );
    }

    #[test]
    fn front_matter_on_top_is_skipped_and_crlf_lines_end_before_the_return() {
        assert_eq!(
            blocks("---\ntitle: teh\n---\n\nBody.\r\n\r\nMore."),
            ["Body.", "More."]
        );
    }

    #[test]
    fn an_empty_body_has_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n\n  \n").is_empty());
    }
}
