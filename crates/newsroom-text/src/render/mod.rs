//! Markdown to sanitized HTML: one renderer for the live preview and for export.
//!
//! Photos are referenced from Markdown by library id (`![alt](photo:12 "Caption")`) and other
//! articles by id (`[text](article:34)`) or by slug (`[[budget-vote]]`, `[[budget-vote|text]]`).
//! The renderer does not know where images live or what URL an article has: a [`Resolver`],
//! built by the caller for its target, answers that.
//!
//! # How it works, and why it is safe
//!
//! 1. comrak parses the Markdown (GFM, safe mode) into a tree (`options`).
//! 2. `rewrite` walks the tree: it resolves photos and article links, turns an image alone in
//!    its paragraph into a `<figure>`, removes raw HTML, and unlinks every URL the allowlist
//!    (`policy`) refuses. After it, the formatter can only write allowed markup.
//! 3. comrak formats the tree; text and attributes are escaped by comrak.
//! 4. `sanitize` checks the HTML against the same allowlist with a strict scanner
//!    (`validate`); anything it does not recognize goes through a full ammonia clean built from
//!    that allowlist. So every string handed out is sanitized, and the usual case costs a scan of
//!    the tags instead of a DOM round trip.
//!
//! [`render`] hands out the body as one fragment; [`render_blocks`] hands out the same HTML as
//! its top-level blocks, each with its kind, for a publisher that writes each block in the
//! target's own markup (see `blocks`).
//!
//! ```
//! use newsroom_text::render::{render, Standalone, Target};
//!
//! let out = render("Hello *world* [x](javascript:alert(1))", Target::Export, &Standalone);
//! assert_eq!(out.html, "<p>Hello <em>world</em> x</p>\n");
//! ```

mod blocks;
mod markup;
mod options;
mod policy;
mod rewrite;
mod sanitize;
#[cfg(test)]
mod tests;
mod validate;

use crate::{ArticleId, PhotoId};
use comrak::nodes::AstNode;

pub use blocks::{Block, BlockKind, PhotoFigure, RenderedBlocks, render_blocks};

/// What the HTML is for. Preview output carries `data-sourcepos` attributes for scroll sync;
/// export output does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Preview,
    Export,
}

/// How the body names another article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleRef<'a> {
    Id(ArticleId),
    Slug(&'a str),
}

/// A library photo as the target will show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolvedPhoto {
    /// Where the image is for this target: a preview URL, a relative export path or a data URI.
    /// Empty while the photo is awaiting its file.
    pub url: String,
    pub alt: String,
    pub caption: String,
    pub credit: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Another article as the target links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedArticle {
    pub id: ArticleId,
    /// Empty when the target has no page for it (e.g. an export that does not include it).
    pub url: String,
    pub headline: String,
}

/// Answers the renderer's questions about the library, for one target.
pub trait Resolver {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto>;
    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle>;
}

/// A resolver that knows no photos and no articles: for rendering a file outside any library.
pub struct Standalone;

impl Resolver for Standalone {
    fn photo(&self, _: PhotoId) -> Option<ResolvedPhoto> {
        None
    }
    fn article(&self, _: ArticleRef<'_>) -> Option<ResolvedArticle> {
        None
    }
}

/// The HTML of a body and what it refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Sanitized HTML fragment.
    pub html: String,
    /// Library photos the body shows, in order of first appearance (photos awaiting their file
    /// included, ids the library does not know left out: those are in `problems`).
    pub photos: Vec<PhotoId>,
    /// Articles the body links to, in order of first appearance (only articles the resolver
    /// knows; links to others are in `problems`).
    pub articles: Vec<ArticleId>,
    /// What the editor should fix, in order of appearance, so that export can warn before
    /// publishing a story with a gap in it.
    pub problems: Vec<Problem>,
}

/// Something in a body that could not be shown as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `photo:…` names no photo in the library (as written, e.g. `photo:12`).
    UnknownPhoto(String),
    /// The photo is in the library but its image file has not arrived.
    PhotoAwaitingFile(PhotoId),
    /// An image whose address may not be shown (e.g. `javascript:` or `data:text/html`).
    ImageNotAllowed(String),
    /// A link to another article (`article:34`, `[[slug]]`) that has no page in this output.
    UnresolvedArticle(String),
    /// A link whose address may not be followed (e.g. `javascript:`).
    LinkNotAllowed(String),
}

/// Renders a Markdown body for `target`. Never fails: what cannot be shown is left out of the
/// HTML (marked in preview) and listed in [`Rendered::problems`].
pub fn render(markdown: &str, target: Target, resolver: &dyn Resolver) -> Rendered {
    let options = options::for_target(target);
    let arena = comrak::Arena::new();
    let (root, refs) = parse(&arena, markdown, &options, target, resolver);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    format(root, &options, &mut html);
    Rendered {
        html: sanitize::sanitize(html, &refs.trusted),
        photos: refs.photos,
        articles: refs.articles,
        problems: refs.problems,
    }
}

/// Steps 1 and 2, shared by [`render`] and [`render_blocks`]: the body's tree, rewritten for
/// `target`, and what the rewrite found.
fn parse<'a>(
    arena: &'a comrak::Arena<'a>,
    markdown: &str,
    options: &comrak::Options<'_>,
    target: Target,
    resolver: &dyn Resolver,
) -> (&'a AstNode<'a>, rewrite::References<'a>) {
    let root = comrak::parse_document(arena, markdown, options);
    let refs = rewrite::rewrite(arena, root, target, resolver);
    (root, refs)
}

/// Step 3: appends the HTML comrak writes for `node` and everything under it.
fn format<'a>(node: &'a AstNode<'a>, options: &comrak::Options<'_>, html: &mut String) {
    // Writing into a String cannot fail.
    let _ = comrak::format_html(node, options, html);
}
