//! Bringing one article and its file into agreement: the central rule of the mirror (see the
//! module documentation of [`super`]). Mirror, ingest, reconcile and conflict resolution all
//! end here, so the rule is written once.

use super::atomic::{self, Replaced, content_hash, remove_durably, replace_file};
use super::disk::{self, OnDisk};
use super::displaced;
use super::file_format::{ArticleFile, to_file};
use super::{SyncReport, Workspace, fields, layout};
use crate::Library;
use crate::error::Result;
use crate::model::{Article, ArticleId, RevisionCause};
use crate::store::{FileStamp, Store, StoreError, StoredConflict, WorkspaceFile};
use std::path::Path;

/// An article as the app has it, rendered as its file.
pub(crate) struct Rendered {
    pub article: Article,
    pub text: String,
    pub hash: String,
}

impl Library {
    /// The current article `id` and its file text, or `None` when it no longer exists.
    pub(crate) fn render(&self, id: ArticleId) -> Result<Option<Rendered>> {
        Ok(render_in(self.store(), id)?)
    }

    /// Looks at article `id` and its file and does what the agreement rule says.
    pub(super) fn settle(
        &mut self,
        ws: &Workspace,
        id: ArticleId,
        report: &mut SyncReport,
    ) -> Result<()> {
        let Some(app) = self.render(id)? else {
            return Ok(self.store_mut().forget_workspace_file(id)?);
        };
        if let Some(conflict) = self.store().workspace_conflict(id)? {
            return self.follow_conflict(ws, &app, conflict, report);
        }
        match self.store().workspace_file(id)? {
            None => self.first_write(ws, &app, report),
            Some(state) => self.settle_known(ws, &app, state, report),
        }
    }

    /// An article that has no file yet.
    fn first_write(
        &mut self,
        ws: &Workspace,
        app: &Rendered,
        report: &mut SyncReport,
    ) -> Result<()> {
        if app.article.trashed_at.is_some() {
            return Ok(());
        }
        let target = layout::article_path(&app.article);
        let path = ws.absolute(&target);
        let on_disk = disk::read(&path)?;
        let stamp = match on_disk.hash() {
            None if matches!(on_disk, OnDisk::Missing) => {
                match replace_file(&path, app.text.as_bytes(), None)? {
                    // Nothing is displaced where there was no file.
                    Replaced::Written { stamp, .. } => {
                        report.written.push(app.article.id);
                        Some(stamp)
                    }
                    // Another program made a file there meanwhile: look again.
                    Replaced::Changed { .. } => return self.come_back(app.article.id),
                }
            }
            Some(hash) if hash == app.hash => on_disk.stamp(),
            None if let OnDisk::NotAFile(kind) = on_disk => {
                let message = format!(
                    "{}; article {} was not written there",
                    kind.sentence(&path),
                    app.article.id
                );
                report.problem(path, message);
                return Ok(());
            }
            _ => {
                // Someone else's file is where this article's should go: never overwrite it.
                let theirs = disk::decode(&path, &on_disk, false).ok();
                if !theirs.is_some_and(|d| d.file.names(&app.article)) {
                    report.problem(
                        path,
                        format!(
                            "Article {} could not be written to its file because another file is already there; move or rename that file",
                            app.article.id
                        ),
                    );
                    return Ok(());
                }
                // Its own file from before the library knew it: both sides are kept.
                self.store_mut().set_workspace_file(&WorkspaceFile {
                    article_id: app.article.id,
                    path: target,
                    file_hash: String::new(),
                    db_hash: String::new(),
                    stamp: None,
                })?;
                return self.settle(ws, app.article.id, report);
            }
        };
        self.agree(app.article.id, &target, &app.hash, &app.hash, stamp)
    }

    fn settle_known(
        &mut self,
        ws: &Workspace,
        app: &Rendered,
        state: WorkspaceFile,
        report: &mut SyncReport,
    ) -> Result<()> {
        let id = app.article.id;
        let path = ws.absolute(&state.path);
        let on_disk = disk::read(&path)?;
        let trashed = app.article.trashed_at.is_some();
        let target = layout::article_path(&app.article);
        if !trashed
            && target != state.path
            && disk::read(&ws.absolute(&target))?.hash() == Some(app.hash.as_str())
        {
            // A move that was written but not finished (a crash): finish it.
            return self.write_and_agree(ws, app, &state, on_disk.hash(), report);
        }
        if on_disk.hash() == Some(app.hash.as_str()) {
            // The file is the app's version: they agree, whatever the state says. A file
            // another program moved stays where it is until the app changes the article.
            if trashed {
                return self.leave_folder(ws, &state, report);
            }
            return self.agree(id, &state.path, &app.hash, &app.hash, on_disk.stamp());
        }
        let file_changed = on_disk.hash() != Some(state.file_hash.as_str());
        let db_changed = app.hash != state.db_hash;
        match (file_changed, db_changed, &on_disk) {
            // Unchanged bytes under a new stamp (touched, or read again after a racy stamp).
            (false, false, _) if better_stamp(state.stamp, on_disk.stamp()) => self.agree(
                id,
                &state.path,
                &state.file_hash,
                &state.db_hash,
                on_disk.stamp(),
            ),
            (false, false, _) => Ok(()),
            (false, true, _) if trashed => self.leave_folder(ws, &state, report),
            (false, true, _) => self.write_and_agree(ws, app, &state, on_disk.hash(), report),
            (true, _, OnDisk::Missing) if trashed => {
                Ok(self.store_mut().forget_workspace_file(id)?)
            }
            (true, false, OnDisk::Missing) => {
                self.store_mut().trash(id)?;
                self.store_mut().forget_workspace_file(id)?;
                report.trashed.push(id);
                Ok(())
            }
            (true, true, OnDisk::Missing) => {
                if !atomic::took_back_interrupted_swap(&path, &state.file_hash) {
                    report.problem(
                        path,
                        format!(
                            "The file of article {id} was deleted, but the article had changes not yet in the file, so it was written again; trash the article in the app to remove it"
                        ),
                    );
                }
                self.write_and_agree(ws, app, &state, None, report)
            }
            (true, db_changed, _) => {
                let decoded = match disk::decode(&path, &on_disk, true) {
                    Ok(decoded) => decoded,
                    Err(message) => {
                        report.problem(path, message);
                        return Ok(());
                    }
                };
                let file_hash = on_disk.hash().unwrap_or_default().to_string();
                if trashed {
                    let f = &decoded.file;
                    self.store_mut().record_file_text(
                        id,
                        (&f.headline, &f.dek, &f.body),
                        RevisionCause::External,
                    )?;
                    report.problem(
                        path,
                        format!(
                            "Article {id} is in the trash, so the edit made to its file was kept in its history and the file removed"
                        ),
                    );
                    return self.leave_folder(ws, &state, report);
                }
                if decoded.merge_conflict {
                    report.problem(
                        path,
                        format!(
                            "The file of article {id} holds a merge conflict (<<<<<<< … >>>>>>> lines, left by git or another merge); it is shown as a conflict with the other side's version, and the file was left as it is"
                        ),
                    );
                }
                if db_changed || decoded.merge_conflict {
                    return self.record_file_side(id, &decoded, &file_hash, report);
                }
                let seen = (file_hash.as_str(), on_disk.stamp());
                self.take_file(ws, id, &decoded.file, &state.path, seen, report)
            }
        }
    }

    /// Applies a changed file to its article (whose app side did not change) and records the
    /// new agreement in the same transaction; the file itself is left as the other program
    /// wrote it.
    fn take_file(
        &mut self,
        ws: &Workspace,
        id: ArticleId,
        file: &ArticleFile,
        path: &str,
        (file_hash, stamp): (&str, Option<FileStamp>),
        report: &mut SyncReport,
    ) -> Result<()> {
        let (version, notes) = fields::file_version(self.store(), Some(id), file)?;
        let abs_path = ws.absolute(path);
        let agreement = |store: &Store| {
            let app = render_in(store, id)?.ok_or(StoreError::ArticleNotFound(id))?;
            Ok(WorkspaceFile {
                article_id: id,
                path: path.to_string(),
                file_hash: file_hash.to_string(),
                db_hash: app.hash,
                stamp,
            })
        };
        if let Err(e) = self
            .store_mut()
            .apply_file_version_agreed(id, &version, agreement)
        {
            report.problem(
                abs_path,
                format!("The changes in the file of article {id} could not be taken in: {e}; nothing was changed"),
            );
            return Ok(());
        }
        for note in notes {
            report.problem(
                abs_path.clone(),
                format!("In the file of article {id}, {note}."),
            );
        }
        report.changed.push(id);
        Ok(())
    }

    /// Writes the app's version where the article's file belongs (moving it when its slug or
    /// section changed) and records the agreement. `seen` is the hash of the file at the
    /// recorded path when the caller decided to write (`None`: there was none): only that file
    /// is replaced. One saved by another program since is left alone, and the article looked
    /// at again, which takes the save in.
    pub(super) fn write_and_agree(
        &mut self,
        ws: &Workspace,
        app: &Rendered,
        state: &WorkspaceFile,
        seen: Option<&str>,
        report: &mut SyncReport,
    ) -> Result<()> {
        let id = app.article.id;
        let target = layout::article_path(&app.article);
        let target_path = ws.absolute(&target);
        let current = disk::read(&target_path)?;
        let mut stamp = current.stamp();
        if current.hash() != Some(app.hash.as_str()) {
            let moving = target != state.path;
            if moving && !matches!(current, OnDisk::Missing) {
                match self.store().workspace_file_at(&target)? {
                    // Another article is leaving that path in this same pass: try again after.
                    Some(_) => self.store_mut().mark_workspace_dirty(id)?,
                    None => report.problem(
                        target_path,
                        format!(
                            "Article {id} could not be moved to this file because another file is already there; move or rename that file"
                        ),
                    ),
                }
                return Ok(());
            }
            let expected = if moving { None } else { seen };
            if current.hash() != expected {
                return self.come_back(id);
            }
            match replace_file(&target_path, app.text.as_bytes(), expected)? {
                Replaced::Written {
                    stamp: written,
                    displaced,
                } => {
                    stamp = Some(written);
                    // A program may still be writing into the file just replaced: held a
                    // while, its late writes are taken in (see `displaced`).
                    if let (Some(file), Some(seen)) = (displaced, expected) {
                        displaced::hold(ws, id, file, seen, &app.hash);
                    }
                }
                Replaced::Changed { theirs } => {
                    return self.keep_put_back(id, &target_path, theirs, report);
                }
            }
            report.written.push(id);
        }
        if target != state.path {
            self.remove_old_file(ws, state, report)?;
        }
        self.agree(id, &target, &app.hash, &app.hash, stamp)
    }

    /// The file of article `id` changed while the sync was about to write it: nothing was
    /// written, and the article stays in the dirty set so the mirror looks at it again (the
    /// watcher reports the save too); the other program's version is then taken in, as the
    /// file's side of a conflict when the app changed too.
    fn come_back(&mut self, id: ArticleId) -> Result<()> {
        Ok(self.store_mut().mark_workspace_dirty(id)?)
    }

    /// Removes the file an article left behind by a rename, only when nobody changed it since
    /// the last agreement (otherwise it stays, and the editor is told).
    fn remove_old_file(
        &mut self,
        ws: &Workspace,
        state: &WorkspaceFile,
        report: &mut SyncReport,
    ) -> Result<()> {
        let old = ws.absolute(&state.path);
        match disk::read(&old)? {
            OnDisk::Missing => Ok(()),
            on_disk if on_disk.hash() == Some(state.file_hash.as_str()) => {
                remove_durably(&old)?;
                report.removed_files.push(old);
                Ok(())
            }
            _ => {
                report.problem(
                    old,
                    format!(
                        "Article {} moved to a new file, but this old file was changed by another program, so it was kept; delete it when you no longer need it",
                        state.article_id
                    ),
                );
                Ok(())
            }
        }
    }

    /// A trashed article's unchanged file leaves the folder.
    fn leave_folder(
        &mut self,
        ws: &Workspace,
        state: &WorkspaceFile,
        report: &mut SyncReport,
    ) -> Result<()> {
        let path = ws.absolute(&state.path);
        remove_durably(&path)?;
        report.removed_files.push(path);
        Ok(self.store_mut().forget_workspace_file(state.article_id)?)
    }

    /// Records that the file at `path` (whose bytes had `stamp` when hashed) and the app agree.
    pub(super) fn agree(
        &mut self,
        id: ArticleId,
        path: &str,
        file_hash: &str,
        db_hash: &str,
        stamp: Option<FileStamp>,
    ) -> Result<()> {
        Ok(self.store_mut().set_workspace_file(&WorkspaceFile {
            article_id: id,
            path: path.to_string(),
            file_hash: file_hash.to_string(),
            db_hash: db_hash.to_string(),
            stamp,
        })?)
    }

    /// An article in conflict: its file is not written; a newer version of the file replaces
    /// the file's side of the conflict, and a file edited back to the app's version ends it.
    fn follow_conflict(
        &mut self,
        ws: &Workspace,
        app: &Rendered,
        conflict: StoredConflict,
        report: &mut SyncReport,
    ) -> Result<()> {
        let id = app.article.id;
        let Some(state) = self.store().workspace_file(id)? else {
            return Ok(());
        };
        let path = ws.absolute(&state.path);
        let on_disk = disk::read(&path)?;
        let Some(hash) = on_disk.hash().map(str::to_string) else {
            return Ok(());
        };
        if hash == app.hash {
            self.store_mut().clear_workspace_conflict(id)?;
            return self.agree(id, &state.path, &hash, &app.hash, on_disk.stamp());
        }
        if hash == conflict.file_hash {
            return Ok(());
        }
        match disk::decode(&path, &on_disk, true) {
            Ok(decoded) => self.record_file_side(id, &decoded, &hash, report),
            Err(message) => {
                report.problem(path, message);
                Ok(())
            }
        }
    }

    /// Puts article `id` in conflict with a version of its file (`decoded`, whose bytes hash
    /// to `file_hash`), kept in its history as the file's side; an article already in conflict
    /// gets the newer version as that side.
    pub(super) fn record_file_side(
        &mut self,
        id: ArticleId,
        decoded: &disk::Decoded,
        file_hash: &str,
        report: &mut SyncReport,
    ) -> Result<()> {
        let f = &decoded.file;
        self.store_mut().record_conflict(
            id,
            (&f.headline, &f.dek, &f.body),
            file_hash,
            &decoded.text,
        )?;
        report.conflicts.push(id);
        Ok(())
    }

    /// Another program's save that a write found in its way and put back (see
    /// [`Replaced::Changed`]): the file's side of a conflict at once, since that program may
    /// replace it before the next pass reads it. One that does not read as an article yet (a
    /// save half done) is left to that pass.
    fn keep_put_back(
        &mut self,
        id: ArticleId,
        path: &Path,
        theirs: Option<OnDisk>,
        report: &mut SyncReport,
    ) -> Result<()> {
        if let Some(theirs) = theirs
            && let (Ok(decoded), Some(hash)) = (disk::decode(path, &theirs, true), theirs.hash())
        {
            self.record_file_side(id, &decoded, hash, report)?;
        }
        self.come_back(id)
    }
}

/// Article `id` in `store` and its file text, or `None` when it no longer exists.
pub(super) fn render_in(store: &Store, id: ArticleId) -> Result<Option<Rendered>, StoreError> {
    let article = match store.article(id) {
        Ok(article) => article,
        Err(StoreError::ArticleNotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let photos = store.photo_uses(id)?;
    let related = store.related(id)?;
    let author = match article.author_id {
        Some(author) => Some(store.author(author)?.name),
        None => None,
    };
    let file = ArticleFile {
        extra: store.extra_fields(id)?,
        corrections: store.corrections(id)?,
        notes: store.notes(id)?,
        author,
        ..ArticleFile::from_article(&article, &photos, &related, |id| {
            store.article(id).ok().map(|related| related.uid)
        })
    };
    let text = to_file(&file);
    let hash = content_hash(text.as_bytes());
    Ok(Some(Rendered {
        article,
        text,
        hash,
    }))
}

/// Whether `seen` (the stamp of bytes just read and found unchanged) is worth recording over
/// `recorded`: it differs, or it is no longer racy.
pub(super) fn better_stamp(recorded: Option<FileStamp>, seen: Option<FileStamp>) -> bool {
    match (recorded, seen) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(old), Some(new)) => {
            !old.matches(new.size, new.mtime_ns) || (old.is_racy() && !new.is_racy())
        }
    }
}
