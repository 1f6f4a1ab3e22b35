//! Reading the renderer's sanitized HTML as tags, for the live preview: where its top-level
//! blocks start and end, and the source positions (`data-sourcepos`) its tags carry.
//!
//! The HTML is the renderer's output only: every element is closed (or void, or written
//! `<hr />`), attribute values are quoted, and `<` in text is escaped, so any `<` starts a tag or
//! a comment. Anything else makes the scanner give up (`None`), and the caller falls back to
//! sending the whole body.

use std::ops::Range;

/// Elements that never have a closing tag.
const VOID: [&str; 10] = [
    "area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr",
];

/// The attribute holding a tag's source position, `line:column-line:column`.
const SOURCEPOS: &str = "data-sourcepos";

/// One tag or comment: its byte range in the HTML, what it is, and where its attributes are.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag<'a> {
    range: Range<usize>,
    kind: TagKind<'a>,
    /// The attributes' values, as byte ranges of the HTML, by name.
    attributes: Vec<(&'a str, Range<usize>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind<'a> {
    /// A start tag that a closing tag must match (`<p …>`).
    Open(&'a str),
    /// A void or self-closed element (`<br />`): complete in itself.
    Void,
    /// `</p>`.
    Close(&'a str),
    /// `<!-- … -->`.
    Comment,
}

/// The tags of `html` in order; an item is `None` where the HTML is not what the renderer writes
/// (and the last item then).
fn tags(html: &str) -> impl Iterator<Item = Option<Tag<'_>>> {
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let from = at?;
        let start = from + html[from..].find('<')?;
        let tag = read_tag(html, start);
        at = tag.as_ref().map(|t| t.range.end);
        Some(tag)
    })
}

fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let rest = &html[start..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = start + 4 + comment.find("-->")? + 3;
        return Some(Tag {
            range: start..end,
            kind: TagKind::Comment,
            attributes: Vec::new(),
        });
    }
    let closing = rest.starts_with("</");
    let name_at = start + if closing { 2 } else { 1 };
    let name_end = html[name_at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(html.len(), |n| name_at + n);
    let name = &html[name_at..name_end];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (attributes, end, self_closed) = read_attributes(html, name_end)?;
    let kind = if closing {
        TagKind::Close(name)
    } else if self_closed || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
        TagKind::Void
    } else {
        TagKind::Open(name)
    };
    Some(Tag {
        range: start..end,
        kind,
        attributes,
    })
}

/// The attributes from `at` (just after a tag's name) to the tag's end: their values by name,
/// where the tag ends, and whether it ends in `/>`.
type Attributes<'a> = (Vec<(&'a str, Range<usize>)>, usize, bool);

fn read_attributes(html: &str, mut at: usize) -> Option<Attributes<'_>> {
    let bytes = html.as_bytes();
    let mut attributes = Vec::new();
    loop {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        match (bytes.get(at)?, bytes.get(at + 1)) {
            (b'>', _) => return Some((attributes, at + 1, false)),
            (b'/', Some(b'>')) => return Some((attributes, at + 2, true)),
            _ => {}
        }
        let name_start = at;
        while bytes.get(at).is_some_and(|b| {
            !matches!(b, b'=' | b'>' | b'/' | b'"' | b'\'') && !b.is_ascii_whitespace()
        }) {
            at += 1;
        }
        if at == name_start {
            return None;
        }
        let name = &html[name_start..at];
        if bytes.get(at) != Some(&b'=') {
            attributes.push((name, at..at));
            continue;
        }
        let quote = *bytes.get(at + 1)?;
        if !matches!(quote, b'"' | b'\'') {
            return None;
        }
        let value_start = at + 2;
        let value_end = value_start + html[value_start..].find(quote as char)?;
        attributes.push((name, value_start..value_end));
        at = value_end + 1;
    }
}

/// `html` as its top-level nodes (elements and comments), or `None` when it is not a plain run
/// of them (text at the top level, unbalanced tags).
pub(super) fn split_blocks(html: &str) -> Option<Vec<String>> {
    let mut blocks = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let mut block_start = 0;
    let mut last = 0;
    for tag in tags(html) {
        let tag = tag?;
        if open.is_empty() {
            if !html[last..tag.range.start].trim().is_empty() {
                return None;
            }
            block_start = tag.range.start;
        }
        match tag.kind {
            TagKind::Open(name) => open.push(name),
            TagKind::Close(name) if open.pop()?.eq_ignore_ascii_case(name) => {}
            TagKind::Close(_) => return None,
            TagKind::Void | TagKind::Comment => {}
        }
        last = tag.range.end;
        if open.is_empty() {
            blocks.push(html[block_start..last].to_owned());
        }
    }
    (open.is_empty() && html[last..].trim().is_empty()).then_some(blocks)
}

/// `html` with every tag's source position moved down `lines` lines (up, when negative): what a
/// block shows once lines were added or removed above it. A value that is not
/// `line:column-line:column` in digits is left as it is, as the page leaves it.
pub(super) fn shift_lines(html: &str, lines: i64) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 16);
    let mut copied = 0;
    for tag in tags(html) {
        for (name, value) in tag?.attributes {
            let moved = (name == SOURCEPOS)
                .then(|| shifted_position(&html[value.clone()], lines))
                .flatten();
            if let Some(moved) = moved {
                out.push_str(&html[copied..value.start]);
                out.push_str(&moved);
                copied = value.end;
            }
        }
    }
    out.push_str(&html[copied..]);
    Some(out)
}

/// `l1:c1-l2:c2` with both lines moved by `lines`; `None` when it is not of that form or a line
/// would fall before the first.
fn shifted_position(value: &str, lines: i64) -> Option<String> {
    let number = |digits: &str| -> Option<i64> {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let point = |part: &str| -> Option<(i64, i64)> {
        let (line, column) = part.split_once(':')?;
        Some((number(line)?, number(column)?))
    };
    let (from, to) = value.split_once('-')?;
    let ((l1, c1), (l2, c2)) = (point(from)?, point(to)?);
    let (l1, l2) = (l1.checked_add(lines)?, l2.checked_add(lines)?);
    (l1 >= 1 && l2 >= 1).then(|| format!("{l1}:{c1}-{l2}:{c2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_top_level_elements_and_comments() {
        let html = "<h2 data-sourcepos=\"1:1-1:9\">Hi &lt;b&gt;</h2>\n<p title=\"a > b\">x<br />y<img src=\"a.jpg\" alt=\"\"></p>\n<!-- raw HTML omitted -->\n<ul>\n<li><p>a</p></li>\n</ul>\n<hr />\n";
        assert_eq!(
            split_blocks(html).unwrap(),
            [
                "<h2 data-sourcepos=\"1:1-1:9\">Hi &lt;b&gt;</h2>",
                "<p title=\"a > b\">x<br />y<img src=\"a.jpg\" alt=\"\"></p>",
                "<!-- raw HTML omitted -->",
                "<ul>\n<li><p>a</p></li>\n</ul>",
                "<hr />",
            ]
        );
        assert_eq!(split_blocks("").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn refuses_what_is_not_a_run_of_blocks() {
        for html in [
            "loose text <p>x</p>",
            "<p>x</p> trailing",
            "<p>unclosed",
            "<p><em>crossed</p></em>",
            "</p>",
            "<p title=unquoted>x</p>",
            "<p title=\"open>x</p>",
            "<!-- never closed",
            "< p>x</p>",
        ] {
            assert_eq!(split_blocks(html), None, "{html}");
        }
    }

    #[test]
    fn moves_only_the_source_positions_of_tags() {
        let html = "<blockquote data-sourcepos=\"3:1-4:7\">\n<p data-sourcepos=\"3:3-4:7\">data-sourcepos=&quot;1:1-1:1&quot; <em title=\"data-sourcepos=\">x</em></p>\n</blockquote>";
        assert_eq!(
            shift_lines(html, 2).unwrap(),
            "<blockquote data-sourcepos=\"5:1-6:7\">\n<p data-sourcepos=\"5:3-6:7\">data-sourcepos=&quot;1:1-1:1&quot; <em title=\"data-sourcepos=\">x</em></p>\n</blockquote>"
        );
        assert_eq!(shift_lines(html, 0).unwrap(), html);
        assert_eq!(
            shift_lines("<p data-sourcepos=\"3:1-3:4\">x</p>", -2).unwrap(),
            "<p data-sourcepos=\"1:1-1:4\">x</p>"
        );
    }

    #[test]
    fn leaves_positions_it_cannot_read() {
        for value in ["", "1:1", "a:1-1:1", "+1:1-1:1", "1:1-1:1-2"] {
            let html = format!("<p data-sourcepos=\"{value}\">x</p>");
            assert_eq!(shift_lines(&html, 5).unwrap(), html, "{value}");
        }
        let html = "<p data-sourcepos=\"2:1-2:1\">x</p>";
        assert_eq!(
            shift_lines(html, -2).unwrap(),
            html,
            "no line before the first"
        );
    }
}
