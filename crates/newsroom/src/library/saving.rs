//! Explicit saves and making saved work durable.
//!
//! Typing saves ([`crate::store::Store::save_body`]) are committed before they are
//! acknowledged, which survives a crash of the app; a checkpoint also makes them survive a power
//! cut. Front ends call [`Library::save_now`] when the editor asks to save and
//! [`Library::flush`] when they quit.

use super::Library;
use crate::error::Result;
use crate::model::{Article, ArticleId, RevisionCause};

impl Library {
    /// The editor's "Save": records the article as a `Manual` revision (unless it equals the
    /// newest one) and makes everything saved so far durable.
    pub fn save_now(&mut self, id: ArticleId) -> Result<Article> {
        self.store.snapshot(id, RevisionCause::Manual)?;
        self.store.checkpoint()?;
        Ok(self.store.article(id)?)
    }

    /// Makes every committed save durable against power loss; called when the app quits, and
    /// after changes that must survive a power cut at once (a status change, a restore).
    pub fn flush(&self) -> Result<()> {
        Ok(self.store.checkpoint()?)
    }

    /// How many rows this library's connection has written since it opened. A front end
    /// compares it around a command to learn whether the command wrote anything (the app then
    /// tells its workspace sync); reads, such as rendering a preview, leave it alone.
    pub fn change_count(&self) -> u64 {
        self.store.change_count()
    }
}

#[cfg(test)]
mod tests {
    use crate::library::test_support::library;
    use crate::model::{NewArticle, RevisionCause};

    #[test]
    fn save_now_records_a_manual_revision_once_per_change() {
        let (mut lib, _dir) = library();
        let article = lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Late edition".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        lib.store_mut()
            .save_body(article.id, "First words.")
            .unwrap();
        let saved = lib.save_now(article.id).unwrap();
        assert_eq!(saved.body, "First words.");
        let history = lib.store().revisions(article.id).unwrap();
        assert_eq!(history[0].cause, RevisionCause::Manual);
        let count = history.len();
        lib.save_now(article.id).unwrap();
        assert_eq!(lib.store().revisions(article.id).unwrap().len(), count);
        lib.flush().unwrap();
    }

    #[test]
    fn save_now_of_unknown_or_trashed_article_is_refused() {
        let (mut lib, _dir) = library();
        assert_eq!(
            lib.save_now(7).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
        let article = lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Gone".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        lib.store_mut().trash(article.id).unwrap();
        assert_eq!(
            lib.save_now(article.id).unwrap_err().kind(),
            crate::ErrorKind::Trashed
        );
    }
}
