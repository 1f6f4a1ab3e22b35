//! The listing page written when several articles are exported together.

use super::dates::PageDate;
use super::templates::stylesheet;
use super::{ExportError, ExportItem, SiteInfo};
use askama::Template;

/// The index page, as `templates/index.html` lays it out.
#[derive(Template)]
#[template(path = "index.html")]
struct Index<'a> {
    site: &'a SiteInfo,
    stylesheet: &'static str,
    entries: Vec<IndexEntry<'a>>,
}

struct IndexEntry<'a> {
    headline: &'a str,
    dek: &'a str,
    section: &'a str,
    /// The page's relative address; slugs are validated before any page is rendered.
    url: String,
    published: Option<PageDate>,
}

/// The index's HTML, listing `items` in the order given.
pub(super) fn render_index(items: &[ExportItem], site: &SiteInfo) -> Result<String, ExportError> {
    let entries = items
        .iter()
        .map(|item| IndexEntry {
            headline: &item.article.headline,
            dek: &item.article.dek,
            section: &item.article.section,
            url: format!("{}.html", item.article.slug),
            published: item.article.published_at.and_then(PageDate::from_timestamp),
        })
        .collect();
    let index = Index {
        site,
        stylesheet: stylesheet(),
        entries,
    };
    index.render().map_err(|source| ExportError::Layout {
        page: "index.html".to_string(),
        source,
    })
}
