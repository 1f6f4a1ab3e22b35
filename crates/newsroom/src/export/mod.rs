//! Standalone HTML pages for finished articles, with their images.
//!
//! [`export`] writes one page per article (`<slug>.html`), its images under `images/` (or inlined
//! for single-file pages) and, for several articles, an `index.html` listing them. It never
//! touches the database: what it needs from the library comes through an [`ExportSource`], so it
//! can be tested and benchmarked in memory.
//!
//! Guarantees: the same input gives the same bytes; nothing is written outside
//! [`ExportOptions::out_dir`]; every file appears whole or not at all; metadata is always
//! escaped and bodies are sanitized by [`crate::render`].

mod dates;
mod error;
mod images;
mod index;
mod links;
mod output;
mod page;
mod structured;
mod templates;
#[cfg(test)]
mod tests;

pub(crate) use dates::PageDate;
pub use error::ExportError;
pub use templates::stylesheet;

use crate::model::{
    Article, ArticleId, Author, Correction, Photo, PhotoFile, PhotoId, PhotoUse, RelatedLink,
};
use crate::render::ArticleRef;
use images::{Images, Placement};
use links::ExportedPages;
use output::OutDir;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashSet;
use std::path::PathBuf;
use ts_rs::TS;

/// What export needs from the library; the store implements it, tests use an in-memory one.
pub trait ExportSource {
    /// A photo named in a body (`photo:ID`), or `None` if the library has no such photo.
    fn photo(&self, id: PhotoId) -> Option<Photo>;
    /// The original bytes of a photo's file.
    fn photo_bytes(&self, file: &PhotoFile) -> Result<Vec<u8>, ExportError>;
    /// Any article by id or slug (for links in bodies and related lists): id, slug, headline.
    fn article_link(&self, link: ArticleRef<'_>) -> Option<(ArticleId, String, String)>;
}

/// One article to export, with what its page shows besides the body.
#[derive(Debug, Clone)]
pub struct ExportItem {
    pub article: Article,
    /// The author whose name, role and bio close the page.
    pub author: Option<Author>,
    pub featured: Option<PhotoUse>,
    pub related: Vec<RelatedLink>,
    /// Printed at the end of the story, oldest first, and listed for search engines.
    pub corrections: Vec<Correction>,
}

/// The publication the pages belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteInfo {
    /// Printed in titles and as the publisher.
    pub name: String,
    /// Where the pages will be published (`https://news.example.com`), to give Open Graph and
    /// search engines absolute addresses. Relative addresses are used without it.
    pub base_url: Option<String>,
    /// The pages' language, such as "en" or "es".
    pub language: String,
}

/// Where and how to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The folder to write into; created when missing.
    pub out_dir: PathBuf,
    /// Inline images as data URIs so that each page is one self-contained file.
    pub single_file: bool,
    pub site: SiteInfo,
    /// Whether an article still under embargo may be exported.
    pub embargo: EmbargoRule,
}

/// What an export does with an article whose embargo has not lifted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EmbargoRule {
    /// Refuse the export, naming the article and the embargo.
    #[default]
    Respect,
    /// The editor knows, and exports it anyway (to send to a partner under the same embargo).
    Ignore,
}

/// What an export wrote, every path inside the export folder. Serializes as the desktop UI
/// receives it (paths as strings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ExportReport {
    /// One page per article, in the order given.
    pub pages: Vec<PathBuf>,
    /// Image files, sorted, each written once.
    pub images: Vec<PathBuf>,
    /// The listing, written when several articles are exported.
    pub index: Option<PathBuf>,
}

/// Refuses the first article whose embargo still holds at `now`.
fn check_embargoes(items: &[ExportItem], now: crate::model::Timestamp) -> Result<(), ExportError> {
    match items.iter().find(|item| item.article.embargoed_at(now)) {
        Some(item) => Err(ExportError::Embargoed {
            headline: item.article.headline.clone(),
            until: item
                .article
                .embargo
                .map_or_else(String::new, dates::moment_in_words),
        }),
        None => Ok(()),
    }
}

/// Exports `items` as standalone pages into `options.out_dir`.
///
/// Every slug and the site address are checked before anything is written, so a refused export
/// leaves the folder as it was.
pub fn export(
    items: &[ExportItem],
    source: &dyn ExportSource,
    options: &ExportOptions,
) -> Result<ExportReport, ExportError> {
    let base_url = checked_base_url(&options.site)?;
    if options.embargo == EmbargoRule::Respect {
        check_embargoes(items, crate::store::system_clock())?;
    }
    let has_index = items.len() > 1;
    let pages = exported_pages(items, has_index)?;
    let out = OutDir::prepare(&options.out_dir)?;
    let placement = if options.single_file {
        Placement::Inline
    } else {
        Placement::Files(&out)
    };
    let images = RefCell::new(Images::new(source, placement));
    let maker = page::PageMaker {
        source,
        pages: &pages,
        images: &images,
        site: &options.site,
        base_url,
        has_index,
    };

    let mut report = ExportReport::default();
    for item in items {
        let html = maker.render(item)?;
        let path = out
            .page_path(&item.article.slug)
            .map_err(|source| invalid_slug(item, source))?;
        output::write_atomic(&path, html.as_bytes())?;
        report.pages.push(path);
    }
    if has_index {
        let html = index::render_index(items, &options.site)?;
        let path = out.index_path();
        output::write_atomic(&path, html.as_bytes())?;
        report.index = Some(path);
    }
    report.images = images.into_inner().into_written();
    Ok(report)
}

/// The site address without its trailing slash, refused unless it is http(s).
fn checked_base_url(site: &SiteInfo) -> Result<Option<&str>, ExportError> {
    let Some(url) = site.base_url.as_deref() else {
        return Ok(None);
    };
    let trimmed = url.trim().trim_end_matches('/');
    let lower = trimmed.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    if host.is_some_and(|host| !host.is_empty()) {
        Ok(Some(trimmed))
    } else {
        Err(ExportError::InvalidBaseUrl {
            url: url.to_string(),
        })
    }
}

/// Checks every slug and records the pages this export will write.
fn exported_pages(items: &[ExportItem], has_index: bool) -> Result<ExportedPages, ExportError> {
    let mut pages = ExportedPages::default();
    let mut seen = HashSet::new();
    for item in items {
        let slug = item.article.slug.as_str();
        crate::slug::validate(slug).map_err(|source| invalid_slug(item, source))?;
        if has_index && format!("{slug}.html") == output::INDEX_PAGE {
            return Err(ExportError::ReservedSlug {
                headline: item.article.headline.clone(),
            });
        }
        if !seen.insert(slug) {
            return Err(ExportError::DuplicateSlug {
                slug: slug.to_string(),
            });
        }
        pages.insert(item.article.id, slug);
    }
    Ok(pages)
}

fn invalid_slug(item: &ExportItem, source: crate::slug::SlugError) -> ExportError {
    ExportError::InvalidSlug {
        headline: item.article.headline.clone(),
        source,
    }
}
