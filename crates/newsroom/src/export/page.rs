//! One article's standalone page: what the template is given, and the rendering.

use super::dates::PageDate;
use super::images::Images;
use super::links::{ExportResolver, ExportedPages, RelatedItem, related_items};
use super::structured::{Facts, MetaTag, json_ld, open_graph};
use super::templates::stylesheet;
use super::{ExportError, ExportItem, ExportSource, SiteInfo};
use crate::model::{Author, PhotoUse};
use crate::render::{self, Target};
use askama::Template;
use std::cell::RefCell;

/// Everything shared by the pages of one export.
pub(super) struct PageMaker<'a, 'i> {
    pub source: &'a dyn ExportSource,
    pub pages: &'a ExportedPages,
    pub images: &'a RefCell<Images<'i>>,
    pub site: &'a SiteInfo,
    /// The site's address without a trailing slash, already checked to be http(s).
    pub base_url: Option<&'a str>,
    /// Whether an index page links the pages together.
    pub has_index: bool,
}

/// One article's page, as `templates/page.html` lays it out.
#[derive(Template)]
#[template(path = "page.html")]
struct Page<'a> {
    site: &'a SiteInfo,
    stylesheet: &'static str,
    has_index: bool,
    canonical: Option<String>,
    open_graph: Vec<MetaTag>,
    json_ld: String,
    article: ArticleView<'a>,
    featured: Option<FeaturedView<'a>>,
    body: String,
    related: Vec<RelatedItem>,
    corrections: Vec<CorrectionView<'a>>,
    author: Option<&'a Author>,
}

/// A correction or update as printed: "Correction, 3 December 2026:" and its text.
struct CorrectionView<'a> {
    label: &'static str,
    date: PageDate,
    text: &'a str,
}

struct ArticleView<'a> {
    /// The page's `<title>`: the SEO headline, or the headline.
    title: &'a str,
    kicker: &'a str,
    headline: &'a str,
    dek: &'a str,
    byline: &'a str,
    section: &'a str,
    dateline: &'a str,
    published: Option<PageDate>,
}

struct FeaturedView<'a> {
    /// Empty while the photo is awaiting its file: the caption is still printed.
    url: String,
    alt: &'a str,
    caption: &'a str,
    credit: &'a str,
    /// Width and height in pixels, when the file is there.
    size: Option<(u32, u32)>,
}

impl PageMaker<'_, '_> {
    /// The page's HTML. `item.article.slug` must already be validated.
    pub(super) fn render(&self, item: &ExportItem) -> Result<String, ExportError> {
        let article = &item.article;
        let featured = item
            .featured
            .as_ref()
            .map(|photo| self.featured(photo))
            .transpose()?;
        let resolver = ExportResolver::new(self.source, self.pages, self.images);
        let body = render::render(&article.body, Target::Export, &resolver).html;
        resolver.finish()?;

        let published = article.published_at.and_then(PageDate::from_timestamp);
        let modified = PageDate::from_timestamp(article.updated_at);
        let page_url = self.absolute(&format!("{}.html", article.slug));
        let image = featured
            .as_ref()
            .filter(|f| !f.url.is_empty() && self.images.borrow().are_files())
            .map(|f| self.absolute(&f.url).unwrap_or_else(|| f.url.clone()));
        let author_name = item
            .author
            .as_ref()
            .map(|a| a.name.as_str())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or(&article.byline);
        let corrections: Vec<CorrectionView<'_>> = item
            .corrections
            .iter()
            .filter_map(|c| {
                Some(CorrectionView {
                    label: c.kind.label(),
                    date: PageDate::from_timestamp(c.at)?,
                    text: &c.text,
                })
            })
            .collect();
        let facts = Facts {
            corrections: &item.corrections,
            headline: article.seo_title(),
            social_headline: article.social_title(),
            description: &article.dek,
            section: &article.section,
            tags: &article.tags,
            author: author_name,
            published: published.as_ref(),
            modified: modified.as_ref(),
            image: image.as_deref(),
            url: page_url.as_deref(),
        };
        let page = Page {
            site: self.site,
            stylesheet: stylesheet(),
            has_index: self.has_index,
            open_graph: open_graph(&facts, self.site),
            json_ld: json_ld(&facts, self.site),
            canonical: page_url.clone(),
            article: ArticleView {
                title: article.seo_title(),
                kicker: &article.kicker,
                headline: &article.headline,
                dek: &article.dek,
                byline: &article.byline,
                section: &article.section,
                dateline: &article.dateline,
                published,
            },
            featured,
            body,
            related: related_items(&item.related, self.pages, self.source),
            corrections,
            author: item.author.as_ref(),
        };
        page.render().map_err(|source| ExportError::Layout {
            page: format!("{}.html", article.slug),
            source,
        })
    }

    fn featured<'p>(&self, photo: &'p PhotoUse) -> Result<FeaturedView<'p>, ExportError> {
        let file = photo.photo.file.as_ref();
        Ok(FeaturedView {
            url: match file {
                Some(file) => self.images.borrow_mut().url(file)?,
                None => String::new(),
            },
            alt: &photo.photo.alt,
            caption: photo.caption(),
            credit: &photo.photo.credit,
            size: file.map(|f| (f.width, f.height)),
        })
    }

    /// `relative` under the site's address, when it is known.
    fn absolute(&self, relative: &str) -> Option<String> {
        self.base_url.map(|base| format!("{base}/{relative}"))
    }
}
