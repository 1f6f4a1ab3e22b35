//! The revision history as the editor's history panel uses it: the list, one revision compared
//! with the current article (rendered, and as a side-by-side diff), and restoring one.
//!
//! Which revisions are kept is the store's rule, [`crate::store::RETENTION`], a sentence the
//! panel shows as it is.

use super::{Library, MediaUrls};
use crate::diff::{self, DEFAULT_CONTEXT, SideBySide};
use crate::error::Result;
use crate::model::{ArticleId, Revision};
use crate::store::RevisionInfo;
use serde::Serialize;

/// One revision set against the current article. The left side of every diff is the revision,
/// the right side the article as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RevisionComparison {
    pub revision: Revision,
    /// The revision's body rendered and sanitized like the live preview.
    pub preview_html: String,
    /// The headline's difference, or `None` when the revision has the current headline.
    pub headline_diff: Option<SideBySide>,
    /// The dek's difference, or `None` when it is unchanged.
    pub dek_diff: Option<SideBySide>,
    /// The difference in the desk's fields, corrections and notes (one line each), or `None`
    /// when they are as they were. Restoring brings back the text only, not these.
    pub desk_diff: Option<SideBySide>,
    /// The body's difference, unchanged runs folded to [`DEFAULT_CONTEXT`] lines.
    pub body_diff: SideBySide,
}

impl Library {
    /// The history of article `id`, newest first.
    pub fn revisions(&self, id: ArticleId) -> Result<Vec<RevisionInfo>> {
        Ok(self.store.revisions(id)?)
    }

    /// Revision `number` of article `id` as it was recorded: its fields and text.
    pub fn revision(&self, id: ArticleId, number: u32) -> Result<Revision> {
        Ok(self.store.revision(id, number)?)
    }

    /// Revision `number` of article `id`: its text, its rendering (photos addressed with
    /// `urls`) and what differs from the current article.
    pub fn compare_revision(
        &self,
        id: ArticleId,
        number: u32,
        urls: &MediaUrls,
    ) -> Result<RevisionComparison> {
        let revision = self.store.revision(id, number)?;
        let current = self.store.article(id)?;
        let field_diff =
            |old: &str, new: &str| (old != new).then(|| diff::side_by_side(old, new, None));
        Ok(RevisionComparison {
            preview_html: self.render_preview(&revision.body, urls).html,
            headline_diff: field_diff(&revision.headline, &current.headline),
            dek_diff: field_diff(&revision.dek, &current.dek),
            desk_diff: field_diff(&revision.desk, &self.store.desk_text(id)?),
            body_diff: diff::side_by_side(&revision.body, &current.body, Some(DEFAULT_CONTEXT)),
            revision,
        })
    }

    /// Brings back revision `number` of article `id` (the editor then reopens it). The current
    /// text is kept as a revision first and the restored text becomes a new `restore` revision,
    /// so nothing is lost and the step can itself be undone from the history. Made durable at
    /// once, like an explicit save.
    pub fn restore_revision(&mut self, id: ArticleId, number: u32) -> Result<()> {
        self.store.restore(id, number)?;
        Ok(self.store.checkpoint()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::RowKind;
    use crate::library::test_support::library;
    use crate::model::{NewArticle, RevisionCause, Timestamp};
    use crate::store::{RETENTION, Store, TYPING_WINDOW_SECS};
    use std::sync::atomic::{AtomicI64, Ordering};

    const URLS: MediaUrls = MediaUrls::RelativeToLibrary;

    /// An article whose history is: 1 (created, "First draft."), 2 (manual save of the edit).
    fn edited_article(lib: &mut Library) -> ArticleId {
        let store = lib.store_mut();
        let article = store
            .create_article(
                &NewArticle {
                    headline: "Harbour bridge".into(),
                    body: "# Traffic\n\nFirst draft of the *story*.\n".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        store
            .save_body(
                article.id,
                "# Traffic\n\nSecond draft of the *story*.\n\nA new line.\n",
            )
            .unwrap();
        lib.save_now(article.id).unwrap();
        article.id
    }

    #[test]
    fn the_history_lists_newest_first_with_causes() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        let history = lib.revisions(id).unwrap();
        let numbers: Vec<u32> = history.iter().map(|r| r.number).collect();
        assert_eq!(numbers.first(), Some(&(history.len() as u32)));
        assert_eq!(history[0].cause, RevisionCause::Manual);
        assert!(history.windows(2).all(|w| w[0].number > w[1].number));
        assert_eq!(
            lib.revisions(404).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn a_revision_is_rendered_and_compared_with_the_current_text() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        let comparison = lib.compare_revision(id, 1, &URLS).unwrap();
        assert_eq!(comparison.revision.number, 1);
        assert!(comparison.revision.body.starts_with("# Traffic"));
        assert!(
            comparison
                .preview_html
                .contains("First draft of the <em data-sourcepos=\"3:20-3:26\">story</em>"),
            "{}",
            comparison.preview_html
        );
        let body = &comparison.body_diff;
        let kinds: Vec<RowKind> = body.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RowKind::Same,
                RowKind::Same,
                RowKind::Changed,
                RowKind::Added,
                RowKind::Added
            ]
        );
        let changed = &body.rows[2];
        let marked = |line: &Option<diff::DiffLine>| -> Vec<String> {
            line.iter()
                .flat_map(|l| l.spans.iter().filter(|s| s.changed).map(|s| s.text.clone()))
                .collect()
        };
        assert_eq!(marked(&changed.left), vec!["First"]);
        assert_eq!(marked(&changed.right), vec!["Second"]);
        assert_eq!(comparison.headline_diff, None);
        assert_eq!(comparison.dek_diff, None);
    }

    #[test]
    fn a_changed_headline_is_compared_too() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        let patch = crate::model::ArticlePatch {
            headline: Some("Harbour bridge reopens".into()),
            ..Default::default()
        };
        lib.store_mut().update_article(id, &patch).unwrap();
        let comparison = lib.compare_revision(id, 1, &URLS).unwrap();
        let headline = comparison.headline_diff.expect("the headline changed");
        assert_eq!(headline.stats.changed, 1);
        assert!(comparison.dek_diff.is_none());
    }

    #[test]
    fn a_changed_desk_field_is_compared_too() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        assert!(
            lib.compare_revision(id, 1, &URLS)
                .unwrap()
                .desk_diff
                .is_none()
        );
        let patch = crate::model::ArticlePatch {
            kicker: Some("Exclusive".into()),
            ..Default::default()
        };
        lib.store_mut().update_article(id, &patch).unwrap();
        let comparison = lib.compare_revision(id, 1, &URLS).unwrap();
        let desk = comparison.desk_diff.expect("the kicker changed");
        assert_eq!(desk.stats.added, 1, "{desk:?}");
        assert!(comparison.headline_diff.is_none());
    }

    #[test]
    fn comparing_a_missing_revision_or_article_is_not_found() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        let err = lib.compare_revision(id, 99, &URLS).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert!(err.to_string().contains("99"), "{err}");
        assert_eq!(
            lib.compare_revision(404, 1, &URLS).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn restoring_brings_back_the_text_and_keeps_the_current_one() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        lib.store_mut()
            .save_body(id, "# Traffic\n\nUnsaved third draft.\n")
            .unwrap();
        lib.restore_revision(id, 1).unwrap();
        let view = lib.article_view(id, &URLS).unwrap();
        assert_eq!(
            view.article.body,
            "# Traffic\n\nFirst draft of the *story*.\n"
        );
        assert!(view.preview.blocks.concat().contains("First draft"));
        let history = lib.revisions(id).unwrap();
        assert_eq!(history[0].cause, RevisionCause::Restore);
        let kept = history
            .iter()
            .map(|r| lib.store().revision(id, r.number).unwrap().body)
            .any(|body| body == "# Traffic\n\nUnsaved third draft.\n");
        assert!(kept, "the text replaced by the restore is a revision");
    }

    #[test]
    fn restoring_into_a_trashed_article_or_from_a_missing_revision_is_refused() {
        let (mut lib, _dir) = library();
        let id = edited_article(&mut lib);
        assert_eq!(
            lib.restore_revision(id, 42).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
        lib.store_mut().trash(id).unwrap();
        let before = lib.revisions(id).unwrap();
        assert_eq!(
            lib.restore_revision(id, 1).unwrap_err().kind(),
            crate::ErrorKind::Trashed
        );
        assert_eq!(lib.revisions(id).unwrap(), before, "nothing was recorded");
    }

    static CLOCK: AtomicI64 = AtomicI64::new(1_000_000_000);

    fn test_clock() -> Timestamp {
        CLOCK.load(Ordering::SeqCst)
    }

    #[test]
    fn the_history_is_capped_at_500_revisions_dropping_old_typing_snapshots_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_memory().unwrap().with_clock(test_clock);
        let mut lib = Library::with_store(store, &dir.path().join("media")).unwrap();
        let article = lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Long story".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Import,
            )
            .unwrap();
        // Each save comes after the coalescing window, so each records a typing snapshot; all
        // are within the last day, so only the cap can drop them.
        for i in 0..510 {
            CLOCK.fetch_add(TYPING_WINDOW_SECS, Ordering::SeqCst);
            lib.store_mut()
                .save_body(article.id, &format!("Version {i}."))
                .unwrap();
        }
        let history = lib.revisions(article.id).unwrap();
        assert_eq!(history.len(), 500);
        assert_eq!(history[0].number, 511, "the newest is kept");
        let oldest = history.last().unwrap();
        assert_eq!(
            (oldest.number, oldest.cause),
            (1, RevisionCause::Import),
            "the import is kept; the oldest typing snapshots went"
        );
        assert_eq!(history[history.len() - 2].number, 13);
        assert!(
            RETENTION.contains("500"),
            "the documented rule names the cap"
        );
    }
}
