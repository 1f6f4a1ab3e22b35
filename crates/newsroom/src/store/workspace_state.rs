//! The workspace mirror's state: where each article's file is, when file and app last agreed,
//! the articles changed since the mirror last looked, and unresolved conflicts.
//!
//! The rules that use this state live in [`crate::workspace`]; this file only reads and writes
//! it, and applies a file's fields to an article in one transaction so that a crash leaves
//! either the old or the new article, never half of each.

use super::articles::{self, load_live};
use super::{Store, StoreError, revisions};
use crate::model::{
    Article, ArticleId, ArticlePatch, Correction, DeskNote, NewArticle, PhotoId, PhotoRole,
    RelatedTarget, RevisionCause, Timestamp, count_words,
};
use rusqlite::{OptionalExtension, Row, params};

/// Where an article's file is and the content hashes of the last agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceFile {
    pub article_id: ArticleId,
    /// Relative to the workspace root, `/`-separated.
    pub path: String,
    /// SHA-256 (hex) of the bytes on disk when file and app last agreed.
    pub file_hash: String,
    /// SHA-256 (hex) of the app's rendering of the article at that moment.
    pub db_hash: String,
    /// The file's size and modification time when its bytes were hashed, if known.
    pub stamp: Option<FileStamp>,
}

/// A file's size and modification time as seen when its bytes were hashed, and when that was:
/// an unchanged stamp means unchanged bytes, except for a "racy" file (see
/// [`FileStamp::is_racy`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
    /// When the stamp was taken, Unix seconds.
    pub taken_at: i64,
}

impl FileStamp {
    /// Whether the file was modified so close to the moment its stamp was taken that a second
    /// write could have kept the same size and modification time (a file system's clock ticks
    /// coarsely): such a file must be read to know it is unchanged. Git's "racy clean" rule,
    /// with a second of margin on either side of the boundary.
    pub fn is_racy(&self) -> bool {
        self.mtime_ns.div_euclid(1_000_000_000) + 1 >= self.taken_at
    }

    /// Whether a file of `size` bytes modified at `mtime_ns` has this stamp.
    pub fn matches(&self, size: u64, mtime_ns: i64) -> bool {
        self.size == size && self.mtime_ns == mtime_ns
    }
}

/// An unresolved conflict as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredConflict {
    pub article_id: ArticleId,
    pub file_revision: u32,
    pub app_revision: u32,
    pub detected_at: Timestamp,
    /// Hash of the file's bytes kept in `file_text`, to notice a later edit of the file.
    pub file_hash: String,
    /// The file's whole text (front matter included) as it was when last seen.
    pub file_text: String,
}

/// What a file says about an article, beyond the patch of its scalar fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileVersion {
    pub patch: ArticlePatch,
    /// Photo uses in order: photo, role, caption override. Every photo must exist.
    pub photos: Vec<(PhotoId, PhotoRole, Option<String>)>,
    /// Related links in order, with the title of external ones. Every article must exist.
    pub related: Vec<(RelatedTarget, String)>,
    /// Front-matter fields Newsroom does not use, as YAML in the file's order (empty: none);
    /// kept so that writing the file again gives them back unchanged.
    pub extra: String,
    /// The story's corrections and updates, and the desk's notes, as the file has them.
    pub corrections: Vec<Correction>,
    pub notes: Vec<DeskNote>,
}

/// Who a new article made from a file is, when the file says: its uid (another library's
/// article arriving through a shared folder keeps its name) and when it was created.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIdentity {
    /// Must not belong to another article; a new one is drawn when `None`.
    pub uid: Option<String>,
    /// Now when `None`.
    pub created_at: Option<Timestamp>,
}

fn file_from_row(row: &Row<'_>) -> rusqlite::Result<WorkspaceFile> {
    let size: Option<i64> = row.get(4)?;
    let mtime_ns: Option<i64> = row.get(5)?;
    let taken_at: Option<i64> = row.get(6)?;
    let stamp = match (size, mtime_ns, taken_at) {
        (Some(size), Some(mtime_ns), Some(taken_at)) => {
            u64::try_from(size).ok().map(|size| FileStamp {
                size,
                mtime_ns,
                taken_at,
            })
        }
        _ => None,
    };
    Ok(WorkspaceFile {
        article_id: row.get(0)?,
        path: row.get(1)?,
        file_hash: row.get(2)?,
        db_hash: row.get(3)?,
        stamp,
    })
}

/// A stamp as the three columns that hold it (all NULL without one).
fn stamp_columns(stamp: Option<FileStamp>) -> (Option<i64>, Option<i64>, Option<i64>) {
    match stamp {
        Some(s) => (
            i64::try_from(s.size).ok(),
            Some(s.mtime_ns),
            Some(s.taken_at),
        ),
        None => (None, None, None),
    }
}

fn conflict_from_row(row: &Row<'_>) -> rusqlite::Result<StoredConflict> {
    Ok(StoredConflict {
        article_id: row.get(0)?,
        file_revision: row.get(1)?,
        app_revision: row.get(2)?,
        detected_at: row.get(3)?,
        file_hash: row.get(4)?,
        file_text: row.get(5)?,
    })
}

const FILE_COLUMNS: &str = "article_id, path, file_hash, db_hash, size, mtime_ns, stamped_at";
const CONFLICT_COLUMNS: &str =
    "article_id, file_revision, app_revision, detected_at, file_hash, file_text";

/// Records where an article's file is and the agreement (see [`Store::set_workspace_file`]).
fn upsert_file(tx: &rusqlite::Connection, file: &WorkspaceFile) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM workspace_files WHERE path = ?1 AND article_id <> ?2",
        params![file.path, file.article_id],
    )?;
    let (size, mtime_ns, stamped_at) = stamp_columns(file.stamp);
    tx.execute(
        "INSERT INTO workspace_files
             (article_id, path, file_hash, db_hash, size, mtime_ns, stamped_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (article_id) DO UPDATE SET
             path = excluded.path, file_hash = excluded.file_hash,
             db_hash = excluded.db_hash, size = excluded.size,
             mtime_ns = excluded.mtime_ns, stamped_at = excluded.stamped_at",
        params![
            file.article_id,
            file.path,
            file.file_hash,
            file.db_hash,
            size,
            mtime_ns,
            stamped_at
        ],
    )?;
    Ok(())
}

/// Applies a file's version to article `id` (see [`Store::apply_file_version`]).
fn apply_in(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    file: &FileVersion,
    now: Timestamp,
) -> Result<Article, StoreError> {
    let current = load_live(tx, id)?;
    revisions::record(tx, &current, RevisionCause::Typing, now, false)?;
    articles::update_in(tx, id, &file.patch, now, RevisionCause::External)?;
    replace_attachments(tx, id, file)?;
    tx.execute("DELETE FROM workspace_dirty WHERE article_id = ?1", [id])?;
    articles::load(tx, id)
}

/// Replaces the photo uses, related links, extra fields, corrections and notes of `id` with the
/// file's.
fn replace_attachments(
    tx: &rusqlite::Connection,
    id: ArticleId,
    file: &FileVersion,
) -> Result<(), StoreError> {
    super::desk_log::replace_from_file(tx, id, &file.corrections, &file.notes)?;
    tx.execute(
        "DELETE FROM article_extra_fields WHERE article_id = ?1",
        [id],
    )?;
    if !file.extra.is_empty() {
        tx.execute(
            "INSERT INTO article_extra_fields (article_id, fields) VALUES (?1, ?2)",
            params![id, file.extra],
        )?;
    }
    tx.execute("DELETE FROM article_photos WHERE article_id = ?1", [id])?;
    for (index, (photo, role, caption)) in file.photos.iter().enumerate() {
        tx.execute(
            "INSERT INTO article_photos (article_id, photo_id, role, position, caption_override)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, photo, role.as_str(), index as i64 + 1, caption],
        )?;
    }
    tx.execute("DELETE FROM related_links WHERE article_id = ?1", [id])?;
    for (index, (target, title)) in file.related.iter().enumerate() {
        let (target_id, url) = match target {
            RelatedTarget::Article { id } => (Some(*id), None),
            RelatedTarget::External { url } => (None, Some(url.as_str())),
        };
        tx.execute(
            "INSERT INTO related_links (article_id, position, target_id, url, title)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, index as i64 + 1, target_id, url, title],
        )?;
    }
    Ok(())
}

/// Records a revision of `article` carrying another version's text (the file's side of a
/// conflict, or the words of a file whose article is in the trash). Returns its number.
fn record_text(
    tx: &rusqlite::Connection,
    article: &Article,
    (headline, dek, body): (&str, &str, &str),
    cause: RevisionCause,
    now: Timestamp,
) -> Result<u32, StoreError> {
    let mut version = article.clone();
    version.headline = headline.to_string();
    version.dek = dek.to_string();
    version.body = body.to_string();
    version.word_count = count_words(body);
    let number = revisions::record(tx, &version, cause, now, true)?;
    number.ok_or_else(|| StoreError::RevisionNotRecorded)
}

/// [`Store::record_conflict`] inside a transaction already open, so that a save that finds a
/// conflict can record it in the same transaction (see `Store::save_body_in_conflict`).
pub(super) fn record_conflict_in(
    tx: &rusqlite::Connection,
    id: ArticleId,
    text: (&str, &str, &str),
    (file_hash, file_text): (&str, &str),
    now: Timestamp,
) -> Result<StoredConflict, StoreError> {
    let article = articles::load(tx, id)?;
    let existing = tx
        .prepare_cached(&format!(
            "SELECT {CONFLICT_COLUMNS} FROM workspace_conflicts WHERE article_id = ?1"
        ))?
        .query_row([id], conflict_from_row)
        .optional()?;
    let app_revision = match existing {
        Some(conflict) => conflict.app_revision,
        None => revisions::record(tx, &article, RevisionCause::Conflict, now, true)?
            .ok_or_else(|| StoreError::RevisionNotRecorded)?,
    };
    let file_revision = record_text(tx, &article, text, RevisionCause::Conflict, now)?;
    tx.execute(
        "INSERT OR REPLACE INTO workspace_conflicts
             (article_id, file_revision, app_revision, detected_at, file_hash, file_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, file_revision, app_revision, now, file_hash, file_text],
    )?;
    tx.execute("DELETE FROM workspace_dirty WHERE article_id = ?1", [id])?;
    Ok(StoredConflict {
        article_id: id,
        file_revision,
        app_revision,
        detected_at: now,
        file_hash: file_hash.to_string(),
        file_text: file_text.to_string(),
    })
}

impl Store {
    /// The front-matter fields of article `id` that Newsroom keeps without using (YAML; empty
    /// when there are none).
    pub fn extra_fields(&self, id: ArticleId) -> Result<String, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT fields FROM article_extra_fields WHERE article_id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?
            .unwrap_or_default())
    }

    /// The article (trashed ones included) whose workspace file names it `uid`.
    pub fn article_with_uid(&self, uid: &str) -> Result<Option<ArticleId>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE uid = ?1")?
            .query_row([uid], |row| row.get(0))
            .optional()?)
    }

    /// The file of an article, if it has one.
    pub fn workspace_file(&self, id: ArticleId) -> Result<Option<WorkspaceFile>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {FILE_COLUMNS} FROM workspace_files WHERE article_id = ?1"
            ))?
            .query_row([id], file_from_row)
            .optional()?)
    }

    /// The article whose file is at `path` (relative, `/`-separated).
    pub fn workspace_file_at(&self, path: &str) -> Result<Option<WorkspaceFile>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {FILE_COLUMNS} FROM workspace_files WHERE path = ?1"
            ))?
            .query_row([path], file_from_row)
            .optional()?)
    }

    /// Every article file known to the mirror.
    pub fn workspace_files(&self) -> Result<Vec<WorkspaceFile>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {FILE_COLUMNS} FROM workspace_files"))?;
        let rows = stmt.query_map([], file_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that file and app agree (or where the file now is). Another article's claim on
    /// the same path is dropped: a path holds one file.
    pub fn set_workspace_file(&mut self, file: &WorkspaceFile) -> Result<(), StoreError> {
        self.write(|tx, _| upsert_file(tx, file))
    }

    /// Forgets an article's file (it left the folder).
    pub fn forget_workspace_file(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute("DELETE FROM workspace_files WHERE article_id = ?1", [id])?;
            Ok(())
        })
    }

    /// Forgets every file recorded for another workspace folder and marks every article
    /// changed, so the next sync writes the whole library into the new folder instead of
    /// reading the old folder's files as deleted. Conflicts stay: they hold both versions.
    pub fn start_over_in_workspace(&mut self) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute("DELETE FROM workspace_files", [])?;
            tx.execute(
                "INSERT INTO workspace_dirty (article_id) SELECT id FROM articles WHERE true
                 ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1",
                [],
            )?;
            Ok(())
        })
    }

    /// Every article id, trashed ones included, for a full reconcile.
    pub fn all_article_ids(&self) -> Result<Vec<ArticleId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every article id with whether it is in the trash, for a full reconcile.
    pub fn article_ids_trashed(&self) -> Result<Vec<(ArticleId, bool)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, trashed_at IS NOT NULL FROM articles ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Up to `limit` of the articles changed in the database since file and app last agreed,
    /// lowest id first, each with its generation (see [`Store::clear_workspace_dirty`]).
    pub fn workspace_dirty(&self, limit: usize) -> Result<Vec<(ArticleId, i64)>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT article_id, generation FROM workspace_dirty ORDER BY article_id LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Takes `id` out of the dirty set once its file agrees with the `generation` looked at:
    /// a change made meanwhile (by another process) raised the generation and keeps it in.
    /// Returns whether it left.
    pub fn clear_workspace_dirty(
        &mut self,
        id: ArticleId,
        generation: i64,
    ) -> Result<bool, StoreError> {
        self.write(|tx, _| {
            let removed = tx.execute(
                "DELETE FROM workspace_dirty WHERE article_id = ?1 AND generation = ?2",
                params![id, generation],
            )?;
            Ok(removed > 0)
        })
    }

    /// Puts `id` in the dirty set again (the mirror must come back to it).
    pub fn mark_workspace_dirty(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO workspace_dirty (article_id) VALUES (?1)
                 ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1",
                [id],
            )?;
            Ok(())
        })
    }

    /// Applies a file's version to an article in one transaction: the current text is first
    /// kept as a revision (nothing is lost), then the fields, photos and links are replaced and
    /// an `External` revision recorded. The article does not come back as dirty: the change
    /// came from its file.
    pub fn apply_file_version(
        &mut self,
        id: ArticleId,
        file: &FileVersion,
    ) -> Result<Article, StoreError> {
        self.write(|tx, now| apply_in(tx, id, file, now))
    }

    /// Like [`Store::apply_file_version`], and records in the same transaction the agreement
    /// between the file and the article that `agreement` returns. `agreement` is called with
    /// the store as it is inside the transaction (the file's version applied), so it can
    /// render the new article. A crash then leaves either the old article and the old
    /// agreement or both new ones: never an article that took its file's fields while the
    /// agreement still names the old ones, which the next start would take for a conflict.
    pub fn apply_file_version_agreed(
        &mut self,
        id: ArticleId,
        file: &FileVersion,
        agreement: impl FnOnce(&Store) -> Result<WorkspaceFile, StoreError>,
    ) -> Result<Article, StoreError> {
        self.write_reading(|tx, store, now| {
            let article = apply_in(tx, id, file, now)?;
            upsert_file(tx, &agreement(store)?)?;
            Ok(article)
        })
    }

    /// Makes a new article from a file that appeared in the workspace, in one transaction:
    /// the article (an `Import` revision) with the uid and creation time of `identity`, the
    /// photos, links and author that `version` finds in the file for it (see [`Store::apply_file_version`] for the rules), and the agreement
    /// between file and article that `agreement` returns. Both are called with the store as it
    /// is inside the transaction and the new article's id. A crash then leaves either no
    /// article (the file is new again at the next start) or the article with its file known:
    /// never an article whose file the next start would import a second time.
    pub fn create_from_file_agreed(
        &mut self,
        new: &NewArticle,
        identity: &FileIdentity,
        version: impl FnOnce(&Store, ArticleId) -> Result<FileVersion, StoreError>,
        agreement: impl FnOnce(&Store, ArticleId) -> Result<WorkspaceFile, StoreError>,
    ) -> Result<Article, StoreError> {
        self.write_reading(|tx, store, now| {
            let id = articles::create_in(tx, new, RevisionCause::Import, now)?.id;
            if let Some(uid) = &identity.uid {
                tx.execute(
                    "UPDATE articles SET uid = ?2 WHERE id = ?1",
                    params![id, uid],
                )?;
            }
            if let Some(created_at) = identity.created_at {
                tx.execute(
                    "UPDATE articles SET created_at = ?2 WHERE id = ?1",
                    params![id, created_at],
                )?;
            }
            let file = version(store, id)?;
            if file.patch.author_id.is_some() {
                articles::update_in(tx, id, &file.patch, now, RevisionCause::Import)?;
            }
            replace_attachments(tx, id, &file)?;
            upsert_file(tx, &agreement(store, id)?)?;
            articles::load(tx, id)
        })
    }

    /// Like [`Store::write`], for work that must also read the store through its ordinary
    /// methods inside the transaction (to render the article as it is about to be committed).
    /// `Store::write` needs the store mutably, so this transaction is opened on the shared
    /// connection instead.
    fn write_reading<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &Store, Timestamp) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let now = self.now();
        let store: &Store = self;
        let result = (|| -> Result<T, StoreError> {
            let tx = rusqlite::Transaction::new_unchecked(
                &store.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let value = f(&tx, store, now)?;
            tx.commit()?;
            Ok(value)
        })();
        match &self.path {
            Some(path) => result.map_err(|e| e.at(path)),
            None => result,
        }
    }

    /// Keeps the words of a file as a revision of `id` (a trashed article whose file was
    /// edited before it left the folder).
    pub fn record_file_text(
        &mut self,
        id: ArticleId,
        text: (&str, &str, &str),
        cause: RevisionCause,
    ) -> Result<u32, StoreError> {
        self.write(|tx, now| {
            let article = articles::load(tx, id)?;
            record_text(tx, &article, text, cause, now)
        })
    }

    /// Records a conflict: the app's version and the file's (`text`: headline, dek, body) are
    /// both kept as `Conflict` revisions and the article is marked. A conflict already
    /// recorded keeps its app revision and takes the file's newer version.
    pub fn record_conflict(
        &mut self,
        id: ArticleId,
        text: (&str, &str, &str),
        file_hash: &str,
        file_text: &str,
    ) -> Result<StoredConflict, StoreError> {
        self.write(|tx, now| record_conflict_in(tx, id, text, (file_hash, file_text), now))
    }

    /// The unresolved conflict of an article, if any.
    pub fn workspace_conflict(&self, id: ArticleId) -> Result<Option<StoredConflict>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {CONFLICT_COLUMNS} FROM workspace_conflicts WHERE article_id = ?1"
            ))?
            .query_row([id], conflict_from_row)
            .optional()?)
    }

    /// Every unresolved conflict, oldest first.
    pub fn workspace_conflicts(&self) -> Result<Vec<StoredConflict>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONFLICT_COLUMNS} FROM workspace_conflicts ORDER BY detected_at, article_id"
        ))?;
        let rows = stmt.query_map([], conflict_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a conflict resolved.
    pub fn clear_workspace_conflict(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute(
                "DELETE FROM workspace_conflicts WHERE article_id = ?1",
                [id],
            )?;
            Ok(())
        })
    }
}
