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
//! A file with another stamp (or a racy one) is taken in like a file the watcher reported: read
//! and hashed, in chunks with the library free between them (see [`Library::scan_workspace`]);
//! if its bytes are the agreed ones (a `touch`, a copy that kept the bytes) only the new stamp
//! is recorded. Everything else goes through the agreement rule as before.
//!
//! # Leftovers
//! A crash during an atomic write leaves our temporary file behind (see [`super::atomic`]).
//! The scan removes those older than a minute (a write in progress, perhaps by another process
//! syncing the same folder, is younger), and only files named exactly as our writes name them.
//!
//! [`FileStamp::is_racy`]: crate::store::FileStamp::is_racy

use super::atomic::{LEFTOVER_AGE, is_our_temp_file};
use super::disk::stamp_of;
use super::{SyncReport, Workspace, WorkspaceError, displaced, layout};
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
        let (mut report, to_take_in) = self.scan_workspace(ws)?;
        report.merge(self.ingest_workspace_paths(ws, &to_take_in)?);
        Ok(report)
    }

    /// [`Library::reconcile_workspace_files`] up to the files it must take in, which it
    /// returns instead (for [`Library::ingest_workspace_paths`], all at once or in chunks):
    /// the files that changed or appeared, then the old paths of articles whose files are gone
    /// (taken in after every new file, a moved file is found before its article is trashed).
    /// Taking files in holds the library for as long as their text takes to save; the sync
    /// loop queues them in chunks, as it does the watcher's, so no start-up holds it long.
    pub fn scan_workspace(&mut self, ws: &Workspace) -> Result<(SyncReport, Vec<PathBuf>)> {
        self.adopt_workspace(ws)?;
        let mut report = SyncReport::default();
        // Files displaced before a crash or a stop: late writes into them are taken in before
        // the scan looks at the article files they may go back to.
        self.settle_displaced(ws, displaced::now_ms(), &mut report)?;
        let mut scan = Scan::default();
        scan.collect(ws.root(), &ws.inbox().join(layout::IMPORTED))?;
        remove_leftovers(&scan.leftovers, &mut report);
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

        let mut suspects = std::mem::take(&mut scan.not_files);
        let mut present = HashSet::new();
        for file in scan.listed {
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
            if !trusted {
                suspects.push(file.path);
            }
        }

        let mut gone: Vec<PathBuf> = known
            .values()
            .filter(|f| !present.contains(&f.article_id) && !dirty.contains(&f.article_id))
            .map(|f| ws.absolute(&f.path))
            .collect();
        gone.sort();
        let with_file: HashSet<ArticleId> = known.values().map(|f| f.article_id).collect();
        for (id, trashed) in self.store().article_ids_trashed()? {
            if !trashed && !with_file.contains(&id) && !dirty.contains(&id) {
                self.settle(ws, id, &mut report)?;
            }
        }
        suspects.extend(gone);
        Ok((report, suspects))
    }
}

/// What the scan found in the folder.
#[derive(Default)]
struct Scan {
    /// Every file, with its stamp as listed.
    listed: Vec<Listed>,
    /// Our temporary files old enough to have been left by a crash.
    leftovers: Vec<PathBuf>,
    /// What is neither a file nor a folder (links, FIFOs, sockets): never read, but reported.
    not_files: Vec<PathBuf>,
}

impl Scan {
    /// Lists the files under `folder`, skipping hidden folders and `skip` (the photos already
    /// imported).
    fn collect(&mut self, folder: &Path, skip: &Path) -> Result<(), WorkspaceError> {
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
                self.collect(&path, skip)?;
            } else if !file_type.is_file() && !file_type.is_dir() {
                // A link, a FIFO…: looked at like a new file, which names it and reads nothing.
                self.not_files.push(path);
            } else if file_type.is_file() {
                let metadata = entry.metadata().map_err(error)?;
                if is_our_temp_file(&name.to_string_lossy()) {
                    let age = metadata.modified().ok().and_then(|m| m.elapsed().ok());
                    if age.is_some_and(|age| age >= LEFTOVER_AGE) {
                        self.leftovers.push(path);
                    }
                    continue;
                }
                let stamp = stamp_of(&metadata);
                self.listed.push(Listed { path, stamp });
            }
        }
        Ok(())
    }
}

/// Removes the temporary files of writes a crash interrupted (the file they were meant for
/// was either replaced whole before or never touched). One that cannot be removed is only
/// reported: it is harmless.
fn remove_leftovers(leftovers: &[PathBuf], report: &mut SyncReport) {
    for path in leftovers {
        let removed = std::fs::remove_file(path);
        if let Err(e) = removed.or_else(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Ok(()),
            _ => Err(e),
        }) {
            report.problem(
                path.clone(),
                format!(
                    "A temporary file left by an interrupted save could not be removed ({e}); you can delete it"
                ),
            );
        }
    }
}
