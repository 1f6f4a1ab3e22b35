//! Rendering a body for the live preview, with photos and article links resolved from the
//! library.

use super::{Library, linked_article};
use crate::live_preview::{LivePreview, PreviewChange, PreviewError, PreviewPatch};
use crate::media::MediaFolder;
use crate::model::{PhotoFile, PhotoId};
use crate::render::{self, ArticleRef, Rendered, ResolvedArticle, ResolvedPhoto, Resolver, Target};
use crate::store::Store;

/// How the preview addresses photo files: front ends differ (HTML saved beside the library
/// opens with relative paths; the desktop app serves the media folder under its own scheme).
/// `file://` URLs are never used: the renderer refuses them, as a page must not read local files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaUrls {
    /// Paths relative to the library's folder: `media/<hh>/<hash>.<ext>`.
    RelativeToLibrary,
    /// `<prefix><hash>.<ext>`, e.g. the desktop app's media protocol.
    Prefix(String),
}

impl MediaUrls {
    fn url(&self, media: &MediaFolder, file: &PhotoFile) -> String {
        match self {
            MediaUrls::RelativeToLibrary => {
                let path = media.path(file);
                let inside = path.strip_prefix(media.root()).unwrap_or(&path);
                let parts: Vec<String> = inside
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                format!("{}/{}", super::MEDIA_FOLDER_NAME, parts.join("/"))
            }
            MediaUrls::Prefix(prefix) => {
                format!("{prefix}{}.{}", file.hash, file.format.extension())
            }
        }
    }
}

/// Where preview links to other articles point: the desktop UI intercepts these and opens the
/// article instead of navigating.
pub fn preview_article_url(id: crate::model::ArticleId) -> String {
    format!("#article-{id}")
}

struct PreviewResolver<'a> {
    store: &'a Store,
    media: &'a MediaFolder,
    urls: &'a MediaUrls,
}

impl Resolver for PreviewResolver<'_> {
    fn photo(&self, id: PhotoId) -> Option<ResolvedPhoto> {
        let photo = self.store.photo(id).ok()?;
        let url = photo
            .file
            .as_ref()
            .map(|f| self.urls.url(self.media, f))
            .unwrap_or_default();
        Some(photo.resolved(url))
    }

    fn article(&self, link: ArticleRef<'_>) -> Option<ResolvedArticle> {
        let article = linked_article(self.store, link)?;
        Some(ResolvedArticle {
            id: article.id,
            url: preview_article_url(article.id),
            headline: article.headline,
        })
    }
}

impl Library {
    /// The sanitized preview HTML of `markdown`, photos and links resolved from this library.
    pub fn render_preview(&self, markdown: &str, urls: &MediaUrls) -> Rendered {
        let resolver = PreviewResolver {
            store: &self.store,
            media: &self.media,
            urls,
        };
        render::render(markdown, Target::Preview, &resolver)
    }

    /// Brings the live preview `live` to `change` and says which of its blocks changed, rendering
    /// as [`Library::render_preview`] does.
    pub fn update_preview(
        &self,
        live: &mut LivePreview,
        change: &PreviewChange,
        urls: &MediaUrls,
    ) -> Result<PreviewPatch, PreviewError> {
        live.apply(change, |text| self.render_preview(text, urls).html)
    }
}
