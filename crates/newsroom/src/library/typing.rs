//! The editor's typing saves, which must never write over a change they did not see.
//!
//! The editor saves a moment after typing pauses. If the article changed in that moment (its
//! file was edited by another program and taken in, or another process wrote the database), a
//! blind save would put the editor's text over that change and resolve, silently, a conflict in
//! the app's favour. So each save names its *base*, the text the editor's typing started from
//! (what it loaded, or last saved). Over an unchanged base the save is the ordinary one; over a
//! changed one both versions are kept and the article is put in conflict, exactly as when the
//! sync finds a file and the app both changed: the editor's text is the app's side, the version
//! that arrived meanwhile the file's side, and "keep the app's version" / "take the file's"
//! work unchanged.

use crate::Library;
use crate::error::Result;
use crate::model::ArticleId;
use crate::store::{SaveReceipt, StoreError};

/// How many times a save tries again when the article keeps changing while the conflict is
/// being recorded (only another process writing the same article at that instant does that).
const ATTEMPTS: usize = 3;

impl Library {
    /// Saves `body`, typed in the editor over `base`. When the article's body is still `base`
    /// (or already `body`) this is [`crate::store::Store::save_body`], at the same cost.
    /// Otherwise the body changed underneath the editor: the editor's text becomes the article,
    /// the version found in its place is kept as the file's side of a conflict (both are
    /// `Conflict` revisions), and the receipt says `conflict: true`. The file is not written
    /// while the conflict lasts.
    pub fn save_typing(&mut self, id: ArticleId, body: &str, base: &str) -> Result<SaveReceipt> {
        for _ in 0..ATTEMPTS {
            if let Some(receipt) = self.store_mut().save_body_over(id, body, base)? {
                return Ok(receipt);
            }
            let theirs = self.render(id)?.ok_or(StoreError::ArticleNotFound(id))?;
            // The file as last agreed stays "seen": an edit of the file not yet taken in has
            // another hash, so the sync records it as the file's side, after this one.
            let file_hash = match self.store().workspace_file(id)? {
                Some(state) => state.file_hash,
                None => theirs.hash.clone(),
            };
            let other_side = (file_hash.as_str(), theirs.text.as_str());
            if let Some(receipt) =
                self.store_mut()
                    .save_body_in_conflict(id, body, &theirs.article, other_side)?
            {
                return Ok(receipt);
            }
        }
        Err(StoreError::Locked {
            path: self.store().path().map(Into::into).unwrap_or_default(),
        }
        .into())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, RevisionCause};
    use crate::workspace::Resolution;
    use crate::workspace::tests::{Fixture, fixture};
    use std::path::PathBuf;

    /// An article mirrored to its file, whose file was then edited by another program and
    /// taken in (as the watcher does) while the editor still had typing to save.
    fn edited_underneath() -> (Fixture, Article, PathBuf, String) {
        let mut fx = fixture();
        let article = fx.article("Contested", "", "Agreed.\n");
        let path = fx.file_of(article.id);
        let file_text = fx.read(&path).replace("Agreed.", "Edited outside.");
        std::fs::write(&path, &file_text).unwrap();
        let report = fx.ingest(std::slice::from_ref(&path));
        assert_eq!(report.changed, vec![article.id], "{report:?}");
        assert_eq!(fx.body(article.id), "Edited outside.\n");
        (fx, article, path, file_text)
    }

    #[test]
    fn typing_over_its_base_is_an_ordinary_save() {
        let mut fx = fixture();
        let article = fx.article("Calm", "", "One.\n");
        let receipt = fx
            .lib
            .save_typing(article.id, "One. Two.\n", "One.\n")
            .unwrap();
        assert!(receipt.changed && !receipt.conflict);
        assert_eq!(fx.body(article.id), "One. Two.\n");
        let again = fx
            .lib
            .save_typing(article.id, "One. Two.\n", "One.\n")
            .unwrap();
        assert!(!again.changed && !again.conflict, "{again:?}");
        assert!(fx.lib.conflict(article.id).unwrap().is_none());
        let path = fx.file_of(article.id);
        assert_eq!(fx.mirror().written, vec![article.id]);
        assert_eq!(fx.read(&path), fx.rendered(article.id));
    }

    #[test]
    fn typing_over_an_external_edit_keeps_both_and_leaves_the_file_alone() {
        let (mut fx, article, path, file_text) = edited_underneath();
        let receipt = fx
            .lib
            .save_typing(article.id, "Agreed. Typed.\n", "Agreed.\n")
            .unwrap();
        assert!(receipt.conflict && receipt.changed, "{receipt:?}");
        assert_eq!(fx.body(article.id), "Agreed. Typed.\n");
        let conflict = fx.lib.conflict(article.id).unwrap().expect("in conflict");
        let store = fx.lib.store();
        let file_rev = store.revision(article.id, conflict.file_revision).unwrap();
        let app_rev = store.revision(article.id, conflict.app_revision).unwrap();
        assert_eq!(file_rev.body, "Edited outside.\n");
        assert_eq!(app_rev.body, "Agreed. Typed.\n");
        assert_eq!(
            (file_rev.cause, app_rev.cause),
            (RevisionCause::Conflict, RevisionCause::Conflict)
        );
        // The sync neither writes the app's text over the file nor records the file again.
        let report = fx.mirror();
        assert!(report.is_empty(), "{report:?}");
        let report = fx.ingest(std::slice::from_ref(&path));
        assert!(report.is_empty(), "{report:?}");
        assert!(fx.reconcile().written.is_empty());
        assert_eq!(fx.read(&path), file_text);
        let comparison = fx.lib.compare_conflict(article.id).unwrap();
        assert_eq!(comparison.app.body, "Agreed. Typed.\n");
        assert_eq!(comparison.file.body, "Edited outside.\n");
    }

    #[test]
    fn typing_on_during_the_conflict_stays_in_it_without_new_conflicts() {
        let (mut fx, article, path, file_text) = edited_underneath();
        fx.lib
            .save_typing(article.id, "Agreed. Typed.\n", "Agreed.\n")
            .unwrap();
        let conflict = fx.lib.conflict(article.id).unwrap().unwrap();
        let revisions = fx.lib.store().revisions(article.id).unwrap().len();
        let receipt = fx
            .lib
            .save_typing(article.id, "Agreed. Typed more.\n", "Agreed. Typed.\n")
            .unwrap();
        assert!(receipt.changed && !receipt.conflict, "{receipt:?}");
        assert_eq!(fx.lib.conflict(article.id).unwrap(), Some(conflict));
        assert_eq!(fx.lib.workspace_conflicts().unwrap().len(), 1);
        assert_eq!(
            fx.lib.store().revisions(article.id).unwrap().len(),
            revisions
        );
        assert!(fx.mirror().written.is_empty());
        assert_eq!(fx.read(&path), file_text);
    }

    #[test]
    fn either_side_can_be_taken_after_a_typing_conflict() {
        for (resolution, body) in [
            (Resolution::KeepFile, "Edited outside.\n"),
            (Resolution::KeepApp, "Agreed. Typed.\n"),
        ] {
            let (mut fx, article, path, _) = edited_underneath();
            fx.lib
                .save_typing(article.id, "Agreed. Typed.\n", "Agreed.\n")
                .unwrap();
            let kept = fx
                .lib
                .resolve_conflict(&fx.ws, article.id, resolution)
                .unwrap();
            assert_eq!(kept.body, body);
            assert_eq!(fx.read(&path), fx.rendered(article.id));
            assert!(fx.mirror().is_empty());
        }
    }

    #[test]
    fn a_change_by_another_process_is_kept_as_the_other_side() {
        let mut fx = fixture();
        let article = fx.article("Shared", "", "Start.\n");
        let path = fx.file_of(article.id);
        let agreed = fx.read(&path);
        // Another process (the CLI) saved the body; the mirror has not written it yet.
        fx.lib
            .store_mut()
            .save_body(article.id, "From the CLI.\n")
            .unwrap();
        let receipt = fx
            .lib
            .save_typing(article.id, "Start. Typed.\n", "Start.\n")
            .unwrap();
        assert!(receipt.conflict);
        assert!(fx.mirror().written.is_empty());
        assert_eq!(fx.read(&path), agreed);
        let comparison = fx.lib.compare_conflict(article.id).unwrap();
        assert_eq!(comparison.file.body, "From the CLI.\n");
        let kept = fx
            .lib
            .resolve_conflict(&fx.ws, article.id, Resolution::KeepFile)
            .unwrap();
        assert_eq!(kept.body, "From the CLI.\n");
        assert_eq!(fx.read(&path), fx.rendered(article.id));
    }

    #[test]
    fn a_file_edit_not_yet_taken_in_joins_the_conflict_as_the_newer_file_side() {
        let (mut fx, article, path, _) = edited_underneath();
        fx.lib
            .save_typing(article.id, "Agreed. Typed.\n", "Agreed.\n")
            .unwrap();
        let newer = fx.read(&path).replace("Edited outside.", "Edited again.");
        std::fs::write(&path, &newer).unwrap();
        let report = fx.ingest(std::slice::from_ref(&path));
        assert_eq!(report.conflicts, vec![article.id], "{report:?}");
        let comparison = fx.lib.compare_conflict(article.id).unwrap();
        assert_eq!(comparison.file.body, "Edited again.\n");
        assert_eq!(comparison.app.body, "Agreed. Typed.\n");
        let bodies = fx.revision_bodies(article.id);
        assert!(
            bodies.contains(&"Edited outside.\n".to_string()),
            "{bodies:?}"
        );
        assert_eq!(fx.read(&path), newer);
    }

    #[test]
    fn bad_saves_are_refused_with_nothing_changed() {
        let mut fx = fixture();
        assert_eq!(
            fx.lib.save_typing(99, "Text.", "").unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
        let article = fx.article("Gone", "", "Body.\n");
        fx.lib.store_mut().trash(article.id).unwrap();
        let err = fx
            .lib
            .save_typing(article.id, "Body. More.\n", "Body.\n")
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Trashed);
        let err = fx
            .lib
            .save_typing(article.id, "Body. More.\n", "Older.\n")
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Trashed);
        assert_eq!(fx.body(article.id), "Body.\n");
        assert!(fx.lib.conflict(article.id).unwrap().is_none());
    }
}
