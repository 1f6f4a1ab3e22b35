//! The pass over comrak's tree between parsing and formatting.
//!
//! It resolves what only the library knows (photos, other articles), builds figures, and makes
//! the tree safe by construction, so the formatter can only write HTML the allowlist accepts:
//!
//! - raw HTML is removed (comrak's safe mode would only replace it with a comment);
//! - a code block's language is cut to the characters a class name allows (`rust,ignore` is
//!   written `language-rust`);
//! - every image is written by [`markup`] with a source checked against [`policy`];
//! - every link target is checked against [`policy`]; a link that fails, or an article link that
//!   leads nowhere, keeps its text but loses the link (marked `broken-link` in preview).
//!
//! It also notes which node each library photo's figure became, with the text the figure shows,
//! so that [`super::render_blocks`] can hand publishers the photo as data.
//!
//! The sanitizer still checks the result: this pass is what makes its fast path the usual one.

use super::markup::{self, Picture, Placement};
use super::policy::{self, TrustedSources};
use super::{ArticleRef, PhotoFigure, Problem, ResolvedArticle, Resolver, Target};
use crate::{ArticleId, PhotoId};
use comrak::Arena;
use comrak::nodes::{AstNode, NodeLink, NodeValue};

/// What the pass found out about the body.
#[derive(Debug, Default)]
pub(super) struct References<'a> {
    /// Library photos shown (known to the library), in order of first appearance.
    pub photos: Vec<PhotoId>,
    /// Articles linked to (known to the library), in order of first appearance.
    pub articles: Vec<ArticleId>,
    pub problems: Vec<Problem>,
    /// Image sources the resolver produced, which the sanitizer must let through.
    pub trusted: TrustedSources,
    /// Library photos shown as figures of their own (their file shown, or awaited), each with
    /// the raw node that holds its figure, in order of appearance.
    pub figures: Vec<(&'a AstNode<'a>, PhotoFigure)>,
}

/// Rewrites the tree under `root` in place for `target`.
pub(super) fn rewrite<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    target: Target,
    resolver: &dyn Resolver,
) -> References<'a> {
    let mut pass = Rewrite {
        arena,
        target,
        resolver,
        refs: References::default(),
    };
    let (raw, rest): (Vec<_>, Vec<_>) = root
        .descendants()
        .filter(|node| {
            matches!(
                node.data().value,
                NodeValue::Image(_)
                    | NodeValue::Link(_)
                    | NodeValue::WikiLink(_)
                    | NodeValue::CodeBlock(_)
                    | NodeValue::HtmlBlock(_)
                    | NodeValue::HtmlInline(_)
            )
        })
        .partition(|node| {
            matches!(
                node.data().value,
                NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_)
            )
        });
    // Raw HTML goes first, so that an image left alone in its paragraph becomes a figure.
    for node in raw {
        node.detach();
    }
    for node in rest {
        // An image's alt text is written as text, so anything nested in it is gone.
        if is_under(node, root) {
            pass.visit(node);
        }
    }
    pass.refs
}

struct Rewrite<'a, 'r> {
    arena: &'a Arena<'a>,
    target: Target,
    resolver: &'r dyn Resolver,
    refs: References<'a>,
}

impl<'a> Rewrite<'a, '_> {
    fn visit(&mut self, node: &'a AstNode<'a>) {
        if let NodeValue::CodeBlock(code) = &mut node.data_mut().value {
            let language = policy::language(&code.info).len();
            code.info.truncate(language);
            return;
        }
        let value = node.data().value.clone();
        match value {
            NodeValue::Image(link) => self.image(node, &link),
            NodeValue::Link(link) => self.link(node, &link),
            NodeValue::WikiLink(wiki) => {
                let slug = wiki.url.trim();
                let untitled = node.collect_text() == wiki.url;
                let article = self.resolver.article(ArticleRef::Slug(slug));
                self.article_link(node, article, &format!("[[{slug}]]"), untitled);
            }
            _ => {}
        }
    }

    /// Replaces an image, or the paragraph it stands alone in, with the HTML of [`markup`].
    fn image(&mut self, node: &'a AstNode<'a>, link: &NodeLink) {
        let paragraph = node.parent().filter(|p| {
            matches!(p.data().value, NodeValue::Paragraph)
                && p.first_child().is_some_and(|c| std::ptr::eq(c, node))
                && p.last_child().is_some_and(|c| std::ptr::eq(c, node))
        });
        let replaced = paragraph.unwrap_or(node);
        let sourcepos = replaced.data().sourcepos.to_string();
        let at = Placement {
            block: paragraph.is_some(),
            target: self.target,
            sourcepos: &sourcepos,
        };
        let alt = node.collect_text();
        let (html, figure) = match link.url.strip_prefix("photo:") {
            Some(id) => self.library_photo(id, alt, &link.title, at),
            None => (self.plain_image(&link.url, alt, &link.title, at), None),
        };
        let raw = self.raw(html);
        replaced.insert_before(raw);
        replaced.detach();
        if let Some(figure) = figure.filter(|_| at.block) {
            self.refs.figures.push((raw, figure));
        }
    }

    /// The HTML of a library photo and, when its image or caption is shown, the photo as shown.
    fn library_photo(
        &mut self,
        id: &str,
        alt: String,
        title: &str,
        at: Placement<'_>,
    ) -> (String, Option<PhotoFigure>) {
        let Ok(id) = id.trim().parse::<PhotoId>() else {
            self.refs
                .problems
                .push(Problem::UnknownPhoto(format!("photo:{id}")));
            let html = markup::missing(&format!("“photo:{id}” is not a photo number"), at);
            return (html, None);
        };
        let Some(photo) = self.resolver.photo(id) else {
            self.refs
                .problems
                .push(Problem::UnknownPhoto(format!("photo:{id}")));
            let html = markup::missing(&format!("Photo {id} is not in the library"), at);
            return (html, None);
        };
        push_once(&mut self.refs.photos, id);
        let shown = PhotoFigure {
            id,
            alt: if alt.trim().is_empty() {
                photo.alt
            } else {
                alt
            },
            caption: if title.is_empty() {
                photo.caption
            } else {
                title.to_string()
            },
            credit: photo.credit,
        };
        if photo.url.is_empty() {
            self.refs.problems.push(Problem::PhotoAwaitingFile(id));
            let html = markup::awaiting(id, &shown.caption, &shown.credit, at);
            return (html, Some(shown));
        }
        if !self.refs.trusted.trust(&markup::url_as_read(&photo.url)) {
            self.refs.problems.push(Problem::ImageNotAllowed(photo.url));
            let why = format!("Photo {id} has an address that is not allowed");
            return (markup::missing(&why, at), None);
        }
        let picture = Picture {
            src: photo.url,
            alt: shown.alt.clone(),
            caption: shown.caption.clone(),
            credit: shown.credit.clone(),
            width: photo.width,
            height: photo.height,
        };
        (markup::picture(&picture, at), Some(shown))
    }

    fn plain_image(&mut self, url: &str, alt: String, title: &str, at: Placement<'_>) -> String {
        if !policy::image_allowed(&markup::url_as_read(url), &self.refs.trusted) {
            self.refs
                .problems
                .push(Problem::ImageNotAllowed(url.to_string()));
            return markup::missing("This image’s address is not allowed", at);
        }
        let picture = Picture {
            src: url.to_string(),
            alt,
            caption: title.to_string(),
            ..Picture::default()
        };
        markup::picture(&picture, at)
    }

    fn link(&mut self, node: &'a AstNode<'a>, link: &NodeLink) {
        if let Some(id) = link.url.strip_prefix("article:") {
            let article = id
                .trim()
                .parse::<ArticleId>()
                .ok()
                .and_then(|id| self.resolver.article(ArticleRef::Id(id)));
            self.article_link(node, article, &link.url, false);
        } else if !policy::link_allowed(&markup::url_as_read(&link.url)) {
            self.refs
                .problems
                .push(Problem::LinkNotAllowed(link.url.clone()));
            self.unlink(node, "This link’s address is not allowed");
        }
    }

    /// Points `node` at `article`'s page, or unlinks it when there is none. `untitled` links
    /// (`[[slug]]`) show the article's headline.
    fn article_link(
        &mut self,
        node: &'a AstNode<'a>,
        article: Option<ResolvedArticle>,
        written: &str,
        untitled: bool,
    ) {
        let Some(article) = article else {
            self.refs
                .problems
                .push(Problem::UnresolvedArticle(written.to_string()));
            self.unlink(node, &format!("No article matches “{written}”"));
            return;
        };
        push_once(&mut self.refs.articles, article.id);
        if untitled && !article.headline.is_empty() {
            while let Some(child) = node.first_child() {
                child.detach();
            }
            node.append(
                self.arena
                    .alloc(NodeValue::Text(article.headline.clone().into()).into()),
            );
        }
        if article.url.is_empty() || !policy::link_allowed(&markup::url_as_read(&article.url)) {
            self.refs
                .problems
                .push(Problem::UnresolvedArticle(written.to_string()));
            self.unlink(
                node,
                &format!("“{}” has no page in this output", article.headline),
            );
            return;
        }
        let title = match &node.data().value {
            NodeValue::Link(link) => link.title.clone(),
            _ => String::new(),
        };
        node.data_mut().value = NodeValue::Link(Box::new(NodeLink {
            url: article.url,
            title,
        }));
    }

    /// Keeps the text of a link without the link; in preview, marked so the editor notices.
    fn unlink(&mut self, node: &'a AstNode<'a>, why: &str) {
        let preview = self.target == Target::Preview;
        if preview {
            node.insert_before(self.raw(markup::broken_link_open(why)));
        }
        while let Some(child) = node.first_child() {
            node.insert_before(child);
        }
        if preview {
            node.insert_before(self.raw(markup::BROKEN_LINK_CLOSE.to_string()));
        }
        node.detach();
    }

    fn raw(&self, html: String) -> &'a AstNode<'a> {
        self.arena.alloc(NodeValue::Raw(html).into())
    }
}

/// Whether `node` is still in the tree under `root` (not removed with an ancestor).
fn is_under<'a>(node: &'a AstNode<'a>, root: &'a AstNode<'a>) -> bool {
    let mut current = node;
    while let Some(parent) = current.parent() {
        current = parent;
    }
    std::ptr::eq(current, root)
}

fn push_once(ids: &mut Vec<i64>, id: i64) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}
