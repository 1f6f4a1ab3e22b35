//! The listing page written when several articles are exported together.

use super::dates::PageDate;
use super::templates::{self, stylesheet};
use super::{ExportError, ExportItem, SiteInfo};
use minijinja::Environment;
use serde::Serialize;

#[derive(Serialize)]
struct IndexContext<'a> {
    site: &'a SiteInfo,
    stylesheet: &'static str,
    entries: Vec<IndexEntry<'a>>,
}

#[derive(Serialize)]
struct IndexEntry<'a> {
    headline: &'a str,
    dek: &'a str,
    section: &'a str,
    /// The page's relative address; slugs are validated before any page is rendered.
    url: String,
    published: Option<PageDate>,
}

/// The index's HTML, listing `items` in the order given.
pub(super) fn render_index(
    env: &Environment<'static>,
    items: &[ExportItem],
    site: &SiteInfo,
) -> Result<String, ExportError> {
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
    let context = IndexContext {
        site,
        stylesheet: stylesheet(),
        entries,
    };
    env.get_template(templates::INDEX)
        .and_then(|t| t.render(minijinja::value::Serde(&context)))
        .map_err(|source| ExportError::Layout {
            page: templates::INDEX.to_string(),
            source,
        })
}
