//! Where links and images point in an export.
//!
//! One rule for bodies and related lists alike: an article that is part of the export is linked
//! relatively (`other-slug.html`); one that is not is named without a link (the export has no
//! page for it); an external address is kept only if it is http, https or mailto.

use super::images::Images;
use super::{ExportError, ExportSource};
use crate::model::{ArticleId, PhotoId, RelatedLink, RelatedTarget};
use crate::render::{ArticleRef, ResolvedArticle, ResolvedPhoto, Resolver};
use std::cell::RefCell;
use std::collections::HashMap;

/// The articles this export writes a page for, by id, with their (validated) slugs.
#[derive(Debug, Default)]
pub(super) struct ExportedPages {
    slugs: HashMap<ArticleId, String>,
}

impl ExportedPages {
    pub(super) fn insert(&mut self, id: ArticleId, slug: &str) {
        self.slugs.insert(id, slug.to_string());
    }

    /// The relative URL of the article's page, or `None` when the export has none.
    pub(super) fn url(&self, id: ArticleId) -> Option<String> {
        self.slugs.get(&id).map(|slug| format!("{slug}.html"))
    }
}

/// One entry of a page's related list, ready for the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RelatedItem {
    pub title: String,
    /// `None` shows the title as plain text.
    pub url: Option<String>,
}

/// Resolves an article's related links, in the editor's order.
pub(super) fn related_items(
    links: &[RelatedLink],
    pages: &ExportedPages,
    source: &dyn ExportSource,
) -> Vec<RelatedItem> {
    let mut links: Vec<&RelatedLink> = links.iter().collect();
    links.sort_by_key(|link| link.position);
    links
        .into_iter()
        .map(|link| match &link.target {
            RelatedTarget::Article { id } => RelatedItem {
                title: if link.title.trim().is_empty() {
                    source
                        .article_link(ArticleRef::Id(*id))
                        .map(|(_, _, headline)| headline)
                        .unwrap_or_default()
                } else {
                    link.title.clone()
                },
                url: pages.url(*id),
            },
            RelatedTarget::External { url } => RelatedItem {
                title: if link.title.trim().is_empty() {
                    url.clone()
                } else {
                    link.title.clone()
                },
                url: safe_external_url(url).map(str::to_string),
            },
        })
        .filter(|item| !item.title.trim().is_empty())
        .collect()
}

/// The address trimmed, if its scheme is one a reader can safely follow.
pub(super) fn safe_external_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_end = url.find(':')?;
    let scheme = url[..scheme_end].to_ascii_lowercase();
    let has_host = url[scheme_end..].starts_with("://");
    match scheme.as_str() {
        "http" | "https" if has_host => Some(url),
        "mailto" => Some(url),
        _ => None,
    }
}

/// The renderer's view of the library during an export.
///
/// The [`Resolver`] trait cannot fail, so the first image that cannot be prepared is kept and
/// reported by [`ExportResolver::finish`] once the body is rendered: the export stops rather
/// than publish a page with a missing image.
pub(super) struct ExportResolver<'a, 'i> {
    source: &'a dyn ExportSource,
    pages: &'a ExportedPages,
    images: &'a RefCell<Images<'i>>,
    failure: RefCell<Option<ExportError>>,
}

impl<'a, 'i> ExportResolver<'a, 'i> {
    pub(super) fn new(
        source: &'a dyn ExportSource,
        pages: &'a ExportedPages,
        images: &'a RefCell<Images<'i>>,
    ) -> Self {
        ExportResolver {
            source,
            pages,
            images,
            failure: RefCell::new(None),
        }
    }

    /// The first failure met while resolving, if any.
    pub(super) fn finish(self) -> Result<(), ExportError> {
        self.failure.into_inner().map_or(Ok(()), Err)
    }
}

impl Resolver for ExportResolver<'_, '_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.source.photo(id)?;
        let url = match &photo.file {
            Some(file) => match self.images.borrow_mut().url(file) {
                Ok(url) => url,
                Err(e) => {
                    self.failure.borrow_mut().get_or_insert(e);
                    String::new()
                }
            },
            None => String::new(),
        };
        Some(photo.resolved(url))
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let (id, _slug, headline) = self.source.article_link(link)?;
        Some(ResolvedArticle {
            id,
            url: self.pages.url(id).unwrap_or_default(),
            headline,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_https_and_mailto_are_followed() {
        assert_eq!(
            safe_external_url(" https://example.com/a?b=1 "),
            Some("https://example.com/a?b=1")
        );
        assert_eq!(safe_external_url("HTTP://x.org"), Some("HTTP://x.org"));
        assert_eq!(
            safe_external_url("mailto:desk@x.org"),
            Some("mailto:desk@x.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "file:///etc/passwd",
            "http:evil",
            "//evil.example.com",
            "relative/page.html",
            "",
        ] {
            assert_eq!(safe_external_url(bad), None, "{bad}");
        }
    }
}
