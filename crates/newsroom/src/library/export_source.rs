//! Exporting library articles: gathering each article's author, featured photo and related
//! links, and answering the exporter's questions from the store and the media folder.

use super::{Library, linked_article};
use crate::error::Result;
use crate::export::{
    self, EmbargoRule, ExportError, ExportItem, ExportOptions, ExportReport, ExportSource, SiteInfo,
};
use crate::media::MediaFolder;
use crate::model::{ArticleId, Photo, PhotoFile, PhotoId, PhotoRole};
use crate::render::ArticleRef;
use crate::store::Store;
use std::path::Path;

/// Settings keys for the publication the pages belong to.
pub const SITE_NAME_KEY: &str = "site.name";
pub const SITE_BASE_URL_KEY: &str = "site.base_url";
pub const SITE_LANGUAGE_KEY: &str = "site.language";

struct LibrarySource<'a> {
    store: &'a Store,
    media: &'a MediaFolder,
}

impl ExportSource for LibrarySource<'_> {
    fn photo(&self, id: PhotoId) -> Option<Photo> {
        self.store.photo(id).ok()
    }

    fn photo_bytes(&self, file: &PhotoFile) -> Result<Vec<u8>, ExportError> {
        self.media.read(file).map_err(|source| ExportError::Photo {
            name: file.original_name.clone(),
            source,
        })
    }

    fn article_link(&self, link: ArticleRef<'_>) -> Option<(ArticleId, String, String)> {
        let article = linked_article(self.store, link)?;
        Some((article.id, article.slug, article.headline))
    }
}

impl Library {
    /// The publication's name, address and language, from the library's settings.
    pub fn site_info(&self) -> Result<SiteInfo> {
        let setting = |key: &str| self.store.setting(key);
        Ok(SiteInfo {
            name: setting(SITE_NAME_KEY)?.unwrap_or_else(|| "Newsroom".to_string()),
            base_url: setting(SITE_BASE_URL_KEY)?.filter(|u| !u.trim().is_empty()),
            language: setting(SITE_LANGUAGE_KEY)?.unwrap_or_else(|| "en".to_string()),
        })
    }

    /// Exports articles as standalone pages into `out_dir` (with `index.html` for several).
    /// Every id is checked before anything is written; an article under embargo stops the
    /// export unless `embargo` says to ignore it.
    pub fn export(
        &self,
        ids: &[ArticleId],
        out_dir: &Path,
        single_file: bool,
        embargo: EmbargoRule,
    ) -> Result<ExportReport> {
        let items = ids
            .iter()
            .map(|&id| self.export_item(id))
            .collect::<Result<Vec<_>>>()?;
        let options = ExportOptions {
            out_dir: out_dir.to_path_buf(),
            single_file,
            site: self.site_info()?,
            embargo,
        };
        let source = LibrarySource {
            store: &self.store,
            media: &self.media,
        };
        Ok(export::export(&items, &source, &options)?)
    }

    fn export_item(&self, id: ArticleId) -> Result<ExportItem> {
        let article = self.store.article(id)?;
        let author = article
            .author_id
            .map(|a| self.store.author(a))
            .transpose()?;
        let featured = self
            .store
            .photo_uses(id)?
            .into_iter()
            .find(|u| u.role == PhotoRole::Featured);
        let related = self.store.related(id)?;
        let corrections = self.store.corrections(id)?;
        Ok(ExportItem {
            article,
            author,
            featured,
            related,
            corrections,
        })
    }
}
