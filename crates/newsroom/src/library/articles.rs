//! The library list and the editor's changes to one article: finding, creating, duplicating,
//! editing, the trash, and the desk's corrections and notes.
//!
//! Typing goes through [`Library::save_typing`] and explicit saves through
//! [`Library::save_now`]; opening an article for the editor through [`Library::article_view`].

use super::Library;
use crate::error::Result;
use crate::model::{
    Article, ArticleFilter, ArticleId, ArticlePatch, ArticleSummary, Correction, CorrectionKind,
    DeskNote, NewArticle, RevisionCause, SearchHit,
};

impl Library {
    /// One page of the library list, most recently updated first.
    pub fn list_articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>> {
        Ok(self.store.list(filter)?)
    }

    /// How many articles the list of `filter` holds in all (its `limit` and `offset` ignored),
    /// so a paged list can show its length.
    pub fn count_articles(&self, filter: &ArticleFilter) -> Result<u64> {
        Ok(self.store.count(filter)?)
    }

    /// Full-text search over headlines, deks, bodies, tags and photo captions: articles
    /// matching every word of `query` (the last one as a prefix), best first, trash excluded,
    /// at most `limit`.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        Ok(self.store.search(query, limit)?)
    }

    /// The sections in use, for filters and pickers.
    pub fn sections(&self) -> Result<Vec<String>> {
        Ok(self.store.sections()?)
    }

    /// The article with this id, trashed ones included (see `trashed_at`).
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        Ok(self.store.article(id)?)
    }

    /// The article that has this slug, or had it before a rename.
    pub fn article_by_slug(&self, slug: &str) -> Result<Article> {
        Ok(self.store.article_by_slug(slug)?)
    }

    /// Creates an article written by the editor, its first revision recorded. Without a slug,
    /// one is derived from the headline (numbered when taken); a slug given and taken is
    /// refused.
    pub fn create_article(&mut self, new: &NewArticle) -> Result<Article> {
        Ok(self.store.create_article(new, RevisionCause::Manual)?)
    }

    /// Copies an article as a new draft, its headline followed by "(copy)", with its photos and
    /// related links, under a fresh slug.
    pub fn duplicate_article(&mut self, id: ArticleId) -> Result<Article> {
        Ok(self.store.duplicate(id)?)
    }

    /// Changes the fields set in `patch` in one transaction, recording a revision when the text
    /// or the status changed. Status changes follow the workflow; a new slug must be valid and
    /// free, and the old one keeps resolving for `[[old-slug]]` links.
    pub fn update_article(&mut self, id: ArticleId, patch: &ArticlePatch) -> Result<Article> {
        Ok(self.store.update_article(id, patch)?)
    }

    /// Moves an article to the trash; it keeps its slug, photos and links, and can come back.
    pub fn trash_article(&mut self, id: ArticleId) -> Result<()> {
        Ok(self.store.trash(id)?)
    }

    /// Brings an article back from the trash.
    pub fn untrash_article(&mut self, id: ArticleId) -> Result<()> {
        Ok(self.store.untrash(id)?)
    }

    /// Appends a correction or an update to a published story, dated now: its modified time
    /// moves on and its history records the moment. Not yet made durable against power loss
    /// (see [`Library::flush`]).
    pub fn add_correction(
        &mut self,
        id: ArticleId,
        kind: CorrectionKind,
        text: &str,
    ) -> Result<Correction> {
        Ok(self.store.add_correction(id, kind, text)?)
    }

    /// Adds a note for the desk to a story, dated now (never exported or published).
    pub fn add_note(&mut self, id: ArticleId, text: &str) -> Result<DeskNote> {
        Ok(self.store.add_note(id, text)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::library::test_support::library;
    use crate::model::{ArticleFilter, ArticlePatch, CorrectionKind, NewArticle, Status};

    fn new(headline: &str) -> NewArticle {
        NewArticle {
            headline: headline.into(),
            section: "City".into(),
            body: "The council met on Tuesday.".into(),
            ..NewArticle::default()
        }
    }

    #[test]
    fn created_articles_are_listed_counted_found_and_trashed() {
        let (mut lib, _dir) = library();
        let first = lib.create_article(&new("Council budget")).unwrap();
        let copy = lib.duplicate_article(first.id).unwrap();
        assert_eq!(copy.headline, "Council budget (copy)");
        let all = ArticleFilter::default();
        assert_eq!(lib.list_articles(&all).unwrap().len(), 2);
        assert_eq!(lib.count_articles(&all).unwrap(), 2);
        assert_eq!(lib.sections().unwrap(), vec!["City".to_string()]);
        assert_eq!(lib.article_by_slug(&first.slug).unwrap().id, first.id);
        assert_eq!(lib.search("council", 10).unwrap().len(), 2);

        lib.trash_article(copy.id).unwrap();
        assert_eq!(lib.count_articles(&all).unwrap(), 1);
        assert!(lib.article(copy.id).unwrap().trashed_at.is_some());
        lib.untrash_article(copy.id).unwrap();
        assert_eq!(lib.count_articles(&all).unwrap(), 2);
        assert_eq!(
            lib.article(404).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn edits_corrections_and_notes_reach_the_article() {
        let (mut lib, _dir) = library();
        let published = NewArticle {
            status: Some(Status::Published),
            ..new("Harbour strike")
        };
        let id = lib.create_article(&published).unwrap().id;
        let patch = ArticlePatch {
            dek: Some("Talks resume.".into()),
            ..ArticlePatch::default()
        };
        let article = lib.update_article(id, &patch).unwrap();
        assert_eq!(article.dek, "Talks resume.");
        let added = lib
            .add_correction(
                id,
                CorrectionKind::Correction,
                "The strike began on Monday.",
            )
            .unwrap();
        assert_eq!(added.kind, CorrectionKind::Correction);
        assert_eq!(
            lib.add_note(id, "Call the union.").unwrap().text,
            "Call the union."
        );
    }
}
