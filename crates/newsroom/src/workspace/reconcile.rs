//! The scan at start: every file and every article, so that anything that happened while the
//! app was closed (or a crash between writing a file and recording it) is taken in.
//!
//! # Fast path
//! A library of 10,000 articles must not be rendered and hashed at every start. Two facts let
//! the scan skip nearly everything when nothing changed:
//! - an article not in the dirty set has not changed in the app since file and app last agreed
//!   (triggers record every change, and an article leaves the set only once its file agrees);
//! - a file whose size and modification time equal the stamp recorded at that agreement has not
//!   changed, unless the stamp is "racy" ([`FileStamp::is_racy`]): then it is read and hashed.
//!
//! A file with another stamp is read and hashed; if its bytes are the agreed ones (a `touch`,
//! a copy that kept the bytes) only the new stamp is recorded. Everything else goes through the
//! agreement rule as before.
//!
//! [`FileStamp::is_racy`]: crate::store::FileStamp::is_racy

use super::disk::{self, stamp_of};
use super::settle::better_stamp;
use super::{SyncReport, Workspace, WorkspaceError, layout};
use crate::Library;
use crate::error::Result;
use crate::model::ArticleId;
use crate::store::{FileStamp, WorkspaceFile};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A file found by the scan, with its stamp as listed.
struct Listed {
    path: PathBuf,
    stamp: FileStamp,
}

impl Library {
    /// Compares every file of the workspace with every article and settles each (see
    /// [`super`]): new and moved files first, then every article, then the articles changed in
    /// the app (as [`Library::mirror_workspace`] does). Holds the library for the whole scan;
    /// the sync loop instead calls [`Library::reconcile_workspace_files`] and then mirrors in
    /// batches.
    pub fn reconcile_workspace(&mut self, ws: &Workspace) -> Result<SyncReport> {
        let mut report = self.reconcile_workspace_files(ws)?;
        report.merge(self.mirror_workspace(ws)?);
        Ok(report)
    }

    /// The scan without the articles changed in the app, which are left in the dirty set for
    /// the mirror: files changed, created, moved or deleted while nobody watched are taken in,
    /// and articles without a file get one. A folder other than the one last synced starts
    /// over ([`Library::adopt_workspace`]). Unchanged files are not read (see the module
    /// documentation), so on an agreed workspace this costs a directory walk and one query.
    pub fn reconcile_workspace_files(&mut self, ws: &Workspace) -> Result<SyncReport> {
        self.adopt_workspace(ws)?;
        let mut listed = Vec::new();
        collect_files(ws.root(), &ws.inbox().join(layout::IMPORTED), &mut listed)?;
        let known: HashMap<String, WorkspaceFile> = self
            .store()
            .workspace_files()?
            .into_iter()
            .map(|file| (file.path.clone(), file))
            .collect();
        let dirty: HashSet<ArticleId> = self
            .store()
            .workspace_dirty(usize::MAX)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();

        let mut suspects = Vec::new();
        let mut present = HashSet::new();
        let mut restamps = Vec::new();
        for file in listed {
            let state = ws.relative(&file.path).and_then(|rel| known.get(&rel));
            let Some(state) = state else {
                suspects.push(file.path);
                continue;
            };
            present.insert(state.article_id);
            if dirty.contains(&state.article_id) {
                continue;
            }
            let trusted = state.stamp.is_some_and(|stamp| {
                stamp.matches(file.stamp.size, file.stamp.mtime_ns) && !stamp.is_racy()
            });
            if trusted {
                continue;
            }
            let on_disk = disk::read(&file.path)?;
            if on_disk.hash() == Some(state.file_hash.as_str()) {
                if better_stamp(state.stamp, on_disk.stamp()) {
                    restamps.extend(on_disk.stamp().map(|stamp| (state.article_id, stamp)));
                }
            } else {
                suspects.push(file.path);
            }
        }
        self.store_mut().restamp_workspace_files(&restamps)?;

        let mut report = self.ingest_workspace_paths(ws, &suspects)?;
        let with_file: HashSet<ArticleId> = known.values().map(|f| f.article_id).collect();
        for (id, trashed) in self.store().article_ids_trashed()? {
            let missing = if with_file.contains(&id) {
                !present.contains(&id)
            } else {
                !trashed
            };
            if missing && !dirty.contains(&id) {
                self.settle(ws, id, &mut report)?;
            }
        }
        Ok(report)
    }
}

/// Every file under `folder` with its stamp, skipping hidden folders and `skip` (the photos
/// already imported).
fn collect_files(folder: &Path, skip: &Path, out: &mut Vec<Listed>) -> Result<(), WorkspaceError> {
    let error = |source| WorkspaceError::Read {
        path: folder.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(folder).map_err(error)? {
        let entry = entry.map_err(error)?;
        let path = entry.path();
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        let file_type = entry.file_type().map_err(error)?;
        if file_type.is_dir() && !hidden && path != skip {
            collect_files(&path, skip, out)?;
        } else if file_type.is_file() {
            let stamp = stamp_of(&entry.metadata().map_err(error)?);
            out.push(Listed { path, stamp });
        }
    }
    Ok(())
}
