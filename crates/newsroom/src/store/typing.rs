//! Typing saves that know the text their typing started from (optimistic concurrency).
//!
//! The editor saves after a pause in typing; meanwhile the article may have changed underneath
//! it (its workspace file was edited and taken in, or another process wrote it). A save written
//! blindly would overwrite that change. So the editor sends the text it started from, its
//! *base*, and the body is written only over that base. When the body moved on, both versions
//! are kept in one transaction: the editor's text becomes the article and the other version the
//! "file" side of a workspace conflict. The rules that decide this live in
//! [`crate::Library::save_typing`]; this file only writes.

use super::articles::load_live;
use super::revisions::{save_typed, update_body};
use super::workspace_state::record_conflict_in;
use super::{SaveReceipt, Store, StoreError};
use crate::model::{Article, ArticleId};

impl Store {
    /// [`Store::save_body`], written only when the article's body is still `base` (or already
    /// `body`). `None`, with nothing written, when the body changed since `base`.
    pub fn save_body_over(
        &mut self,
        id: ArticleId,
        body: &str,
        base: &str,
    ) -> Result<Option<SaveReceipt>, StoreError> {
        self.write(|tx, now| save_typed(tx, id, body, Some(base), now))
    }

    /// Saves the editor's `body` over `theirs` (the article as it is now, changed underneath the
    /// editor) and records a conflict, in one transaction: `theirs` becomes the conflict's file
    /// side (`file_hash`, `file_text`: see [`Store::record_conflict`]) and the editor's text the
    /// article and its app side, both kept as `Conflict` revisions. `None`, with nothing
    /// written, when the article is no longer exactly `theirs`.
    pub fn save_body_in_conflict(
        &mut self,
        id: ArticleId,
        body: &str,
        theirs: &Article,
        (file_hash, file_text): (&str, &str),
    ) -> Result<Option<SaveReceipt>, StoreError> {
        self.write(|tx, now| {
            if load_live(tx, id)? != *theirs
                || update_body(tx, id, body, Some(&theirs.body), now)?.is_none()
            {
                return Ok(None);
            }
            let text = (
                theirs.headline.as_str(),
                theirs.dek.as_str(),
                theirs.body.as_str(),
            );
            let conflict = record_conflict_in(tx, id, text, (file_hash, file_text), now)?;
            let saved = load_live(tx, id)?;
            Ok(Some(SaveReceipt {
                updated_at: saved.updated_at,
                word_count: saved.word_count,
                reading_minutes: saved.reading_minutes(),
                revision: Some(conflict.file_revision),
                changed: true,
                conflict: true,
            }))
        })
    }
}
