//! Everything the editor shows for one open article, gathered in one call so the desktop app
//! opens an article with a single round trip.

use super::{Library, MediaUrls};
use crate::error::Result;
use crate::live_preview::{LivePreview, PreviewPatch};
use crate::model::{
    Article, ArticleFilter, ArticleId, ArticleSummary, Correction, DeskNote, PhotoUse, RelatedLink,
    Status,
};
use serde::Serialize;

/// An article as the editor opens it: the text, its photos and links, what links to it, the
/// rendered preview and the statuses its menu offers.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ArticleView {
    pub article: Article,
    /// Minutes a reader needs for the article's words, for the status bar.
    pub reading_minutes: u32,
    /// Featured photo first, then the inline ones in order.
    pub photos: Vec<PhotoUse>,
    pub related: Vec<RelatedLink>,
    /// Articles whose related list points here.
    pub backlinks: Vec<ArticleSummary>,
    /// The body rendered and sanitized for the preview pane, as the patch that draws it whole:
    /// its top-level blocks, and (from [`Library::open_article`]) the version of the live
    /// preview the page's first edit starts from.
    pub preview: PreviewPatch,
    /// The current status and those it may move to, in workflow order, for the status menu.
    pub allowed_statuses: Vec<Status>,
    /// Corrections and updates, oldest first (printed at the end of the story).
    pub corrections: Vec<Correction>,
    /// The desk's notes, oldest first (never exported or published).
    pub notes: Vec<DeskNote>,
}

/// The statuses a menu offers for an article in `current`: itself and its allowed moves.
pub fn status_choices(current: Status) -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|s| current.can_become(*s))
        .collect()
}

impl Library {
    /// Article `id` as the editor shows it (trashed articles too, to read them), its preview's
    /// photos addressed with `urls`; for reading it, outside a window's live preview.
    pub fn article_view(&self, id: ArticleId, urls: &MediaUrls) -> Result<ArticleView> {
        self.open_article(id, urls, &mut LivePreview::default())
    }

    /// Opens article `id` in a window whose live preview is `live`: the preview starts over at
    /// its body (see [`LivePreview::start`]).
    pub fn open_article(
        &self,
        id: ArticleId,
        urls: &MediaUrls,
        live: &mut LivePreview,
    ) -> Result<ArticleView> {
        let article = self.store.article(id)?;
        let photos = self.store.photo_uses(id)?;
        let related = self.store.related(id)?;
        let backlinks = self.store.backlinks(id)?;
        let preview = live.start(&article.body, self.render_preview(&article.body, urls).html);
        let allowed_statuses = status_choices(article.status);
        Ok(ArticleView {
            reading_minutes: article.reading_minutes(),
            corrections: self.store.corrections(id)?,
            notes: self.store.notes(id)?,
            article,
            photos,
            related,
            backlinks,
            preview,
            allowed_statuses,
        })
    }

    /// The most recently updated article outside the trash, opened in the window whose live
    /// preview is `live`: what the app shows at launch. `None` for an empty library.
    pub fn open_most_recent(
        &self,
        urls: &MediaUrls,
        live: &mut LivePreview,
    ) -> Result<Option<ArticleView>> {
        let newest = self.store.list(&ArticleFilter {
            limit: Some(1),
            ..ArticleFilter::default()
        })?;
        newest
            .first()
            .map(|summary| self.open_article(summary.id, urls, live))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::test_support::{library, png};
    use crate::model::{NewArticle, PhotoRole, RelatedTarget, RevisionCause};

    #[test]
    fn view_gathers_photos_links_backlinks_preview_and_status_choices() {
        let (mut lib, _dir) = library();
        let new = |headline: &str, body: &str| NewArticle {
            headline: headline.into(),
            body: body.into(),
            ..NewArticle::default()
        };
        let store = lib.store_mut();
        let a = store
            .create_article(&new("Budget vote", "Hello *world*."), RevisionCause::Manual)
            .unwrap();
        let b = store
            .create_article(&new("Reactions", ""), RevisionCause::Manual)
            .unwrap();
        store
            .add_related(b.id, &RelatedTarget::Article { id: a.id }, "")
            .unwrap();
        let photo_path = _dir.path().join("vote.png");
        std::fs::write(&photo_path, png(40, 30)).unwrap();
        let request = crate::library::AttachRequest {
            featured: true,
            ..Default::default()
        };
        let used = lib.attach_photo_file(a.id, &photo_path, &request).unwrap();
        let body = format!("![Vote](photo:{})\n\nHello *world*.", used.photo.id);
        lib.store_mut().save_body(a.id, &body).unwrap();

        let urls = MediaUrls::Prefix("media://localhost/".into());
        let view = lib.article_view(a.id, &urls).unwrap();
        assert_eq!(view.article.headline, "Budget vote");
        assert_eq!(view.photos.len(), 1);
        assert_eq!(view.photos[0].role, PhotoRole::Featured);
        assert!(view.related.is_empty());
        assert_eq!(view.backlinks.len(), 1);
        assert_eq!(view.backlinks[0].id, b.id);
        let html = view.preview.blocks.concat();
        assert!(view.preview.whole && html.contains("world</em>"), "{html}");
        let hash = &used.photo.file.as_ref().unwrap().hash;
        assert!(html.contains(&format!("media://localhost/{hash}.png")));
        assert_eq!(
            view.allowed_statuses,
            vec![Status::Draft, Status::Editing, Status::Archived]
        );
        assert!(view.corrections.is_empty() && view.notes.is_empty());

        lib.store_mut()
            .add_note(a.id, "Check the figures.")
            .unwrap();
        let view = lib.article_view(a.id, &urls).unwrap();
        assert_eq!(view.notes[0].text, "Check the figures.");
    }

    #[test]
    fn most_recent_view_opens_the_newest_working_article() {
        let (mut lib, _dir) = library();
        let urls = MediaUrls::RelativeToLibrary;
        let live = &mut LivePreview::default();
        assert_eq!(lib.open_most_recent(&urls, live).unwrap(), None);
        let store = lib.store_mut();
        let older = store
            .create_article(
                &NewArticle {
                    headline: "Older".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        let newer = store
            .create_article(
                &NewArticle {
                    headline: "Newer".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        let shown = lib.open_most_recent(&urls, live).unwrap().unwrap();
        assert_eq!(shown.article.id, newer.id);
        lib.store_mut().trash(newer.id).unwrap();
        let shown = lib.open_most_recent(&urls, live).unwrap().unwrap();
        assert_eq!(shown.article.id, older.id);
        assert_eq!(
            shown.preview.version, 2,
            "each opening starts the live preview over"
        );
    }

    #[test]
    fn unknown_article_is_not_found() {
        let (lib, _dir) = library();
        let err = lib
            .article_view(99, &MediaUrls::RelativeToLibrary)
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }

    #[test]
    fn status_choices_include_the_current_status() {
        assert_eq!(
            status_choices(Status::Ready),
            vec![
                Status::Draft,
                Status::Editing,
                Status::Ready,
                Status::Published,
                Status::Archived
            ]
        );
        assert_eq!(
            status_choices(Status::Archived),
            vec![Status::Draft, Status::Archived]
        );
    }
}
