//! A body as its top-level blocks, each with its kind, for publishers whose target has blocks of
//! its own (WordPress's block editor) rather than one HTML fragment.
//!
//! The pipeline is [`super::render`]'s: the same parse, rewrite and sanitizer, so a block holds
//! exactly what the export shows. Only the formatting differs: each top-level node of the
//! rewritten tree is formatted and sanitized on its own, so each block's HTML is a balanced
//! fragment, and its kind is read from the tree rather than guessed from the HTML. comrak ends
//! every block with a newline and keeps no state from one top-level block to the next except
//! the footnotes, which it writes as one section at the end of the document; so the footnote
//! definitions (which comrak moves to the end) are formatted together as the last block, and
//! the blocks' HTML joined is [`super::render`]'s HTML whenever the sanitizer changes nothing,
//! which is the usual case.

use super::{ArticleId, PhotoId, Problem, Resolver, Target, markup, options, sanitize};
use comrak::nodes::{AstNode, ListType, NodeValue, TableAlignment};

/// A body as blocks, and what it refers to (as in [`super::Rendered`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderedBlocks {
    /// The top-level blocks in order. Blocks the target shows nothing of are left out, except
    /// a photo figure: a publisher must see every photo, even one awaiting its file.
    pub blocks: Vec<Block>,
    /// As [`super::Rendered::photos`].
    pub photos: Vec<PhotoId>,
    /// As [`super::Rendered::articles`].
    pub articles: Vec<ArticleId>,
    /// As [`super::Rendered::problems`].
    pub problems: Vec<Problem>,
}

/// One top-level block of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The block's sanitized HTML, as the target shows it (empty only for a photo the target
    /// shows nothing of).
    pub html: String,
}

/// What a top-level block is, read from the Markdown's tree, with what a publisher needs to
/// choose how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// `<h1>`…`<h6>`.
    Heading {
        level: u8,
    },
    List {
        ordered: bool,
        /// The first item's number (an ordered list may start anywhere); 1 for a bulleted list.
        start: usize,
    },
    Quote {
        /// Whether the quote holds only paragraphs (no lists, code, figures, nested quotes),
        /// which some targets' quote blocks require.
        only_paragraphs: bool,
    },
    Table {
        /// Whether any column is aligned (`:--`, `:-:`, `--:`), written as `align` on its cells.
        aligned: bool,
    },
    /// `<pre><code>`, fenced or indented.
    Code,
    /// `<hr />`.
    ThematicBreak,
    /// A library photo in a paragraph of its own, shown as a `<figure>` (or, in export, only
    /// its caption while it awaits its file, or nothing when it has no caption either).
    Photo(PhotoFigure),
    /// Anything else: the footnotes, an image that is not a library photo, a placeholder.
    Other,
}

/// A library photo as its figure shows it: the alt and caption written in the body win over the
/// library's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFigure {
    pub id: PhotoId,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

impl PhotoFigure {
    /// The HTML inside the figure's `<figcaption>`: the escaped caption, then the credit in
    /// `<span class="credit">`, exactly as the export writes it. Empty when there is neither.
    pub fn caption_html(&self) -> String {
        let mut html = String::new();
        markup::caption_and_credit(&mut html, &self.caption, &self.credit);
        html
    }
}

impl Block {
    /// The HTML inside the block's own element, so a publisher can write that element its own
    /// way: a paragraph's or heading's text, a list's items, a quote's paragraphs, a table's rows
    /// (`<thead>`, `<tbody>`), a code block's escaped text (inside both `<pre>` and `<code>`).
    ///
    /// `None` for a thematic break (it has no inside), a photo (its [`PhotoFigure`] is the
    /// data), [`BlockKind::Other`], and HTML that does not open and close with its kind's
    /// element (which [`render_blocks`] never hands out).
    pub fn inner_html(&self) -> Option<&str> {
        static HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let elements: &[&str] = match &self.kind {
            BlockKind::Paragraph => &["p"],
            BlockKind::Heading { level } => {
                std::slice::from_ref(HEADINGS.get(usize::from(*level).checked_sub(1)?)?)
            }
            BlockKind::List { ordered: true, .. } => &["ol"],
            BlockKind::List { ordered: false, .. } => &["ul"],
            BlockKind::Quote { .. } => &["blockquote"],
            BlockKind::Table { .. } => &["table"],
            BlockKind::Code => &["pre", "code"],
            BlockKind::ThematicBreak | BlockKind::Photo(_) | BlockKind::Other => return None,
        };
        let mut inner = self.html.trim_end_matches('\n');
        for element in elements {
            inner = inside(inner, element)?;
        }
        Some(inner)
    }
}

/// What is between `html`'s opening `<element …>` and its closing `</element>`, when it opens
/// and closes with them. Attribute values never hold `>`: the formatter escapes it, and the
/// allowlist admits no such value on a block element (numbers, positions, `language-…`).
fn inside<'h>(html: &'h str, element: &str) -> Option<&'h str> {
    let rest = html.strip_prefix('<')?.strip_prefix(element)?;
    if !rest.starts_with(['>', ' ']) {
        return None;
    }
    let content = &rest[rest.find('>')? + 1..];
    content
        .strip_suffix('>')?
        .strip_suffix(element)?
        .strip_suffix("</")
}

/// Renders a Markdown body for `target` as its top-level blocks. Never fails, like
/// [`super::render`], and reports the same photos, articles and problems.
pub fn render_blocks(markdown: &str, target: Target, resolver: &dyn Resolver) -> RenderedBlocks {
    let options = options::for_target(target);
    let arena = comrak::Arena::new();
    let (root, mut refs) = super::parse(&arena, markdown, &options, target, resolver);
    let mut blocks = Vec::new();
    let top: Vec<_> = root.children().collect();
    for node in top {
        if matches!(node.data().value, NodeValue::FootnoteDefinition(_)) {
            continue;
        }
        let kind = kind(node, &mut refs.figures);
        let mut html = String::new();
        super::format(node, &options, &mut html);
        node.detach();
        let html = sanitize::sanitize(html, &refs.trusted);
        if !html.is_empty() || matches!(kind, BlockKind::Photo(_)) {
            blocks.push(Block { kind, html });
        }
    }
    // Only the footnote definitions are left under the root: formatted from there, comrak
    // writes them as one section, closed as at the end of the whole document.
    if root.first_child().is_some() {
        let mut html = String::new();
        super::format(root, &options, &mut html);
        blocks.push(Block {
            kind: BlockKind::Other,
            html: sanitize::sanitize(html, &refs.trusted),
        });
    }
    RenderedBlocks {
        blocks,
        photos: refs.photos,
        articles: refs.articles,
        problems: refs.problems,
    }
}

/// The kind of the top-level `node`; a photo figure's data is taken from `figures`.
fn kind<'a>(node: &'a AstNode<'a>, figures: &mut Vec<(&'a AstNode<'a>, PhotoFigure)>) -> BlockKind {
    match &node.data().value {
        NodeValue::Paragraph => BlockKind::Paragraph,
        NodeValue::Heading(heading) => BlockKind::Heading {
            level: heading.level,
        },
        NodeValue::List(list) => {
            let ordered = list.list_type == ListType::Ordered;
            BlockKind::List {
                ordered,
                start: if ordered { list.start } else { 1 },
            }
        }
        NodeValue::BlockQuote => BlockKind::Quote {
            only_paragraphs: node
                .children()
                .all(|child| matches!(child.data().value, NodeValue::Paragraph)),
        },
        NodeValue::Table(table) => BlockKind::Table {
            aligned: table
                .alignments
                .iter()
                .any(|alignment| *alignment != TableAlignment::None),
        },
        NodeValue::CodeBlock(_) => BlockKind::Code,
        NodeValue::ThematicBreak => BlockKind::ThematicBreak,
        _ => match figures.iter().position(|(raw, _)| std::ptr::eq(*raw, node)) {
            Some(at) => BlockKind::Photo(figures.swap_remove(at).1),
            None => BlockKind::Other,
        },
    }
}
