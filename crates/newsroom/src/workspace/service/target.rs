//! What the sync loop drives: the library and its workspace, or a fake in tests.

use crate::Library;
use crate::error::Result;
use crate::workspace::{SyncReport, Workspace, displaced};
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;

/// The four operations the sync loop needs. Implemented by [`LibraryTarget`] for real; tests
/// drive the loop with a fake to check its timing and ordering without a database.
///
/// Each call runs under the shared lock, so each is kept short: the articles changed in the
/// app are written by [`SyncTarget::mirror`] in batches, never by one long call.
pub trait SyncTarget: Send {
    /// A scan of the folder against the library (at start, and after lost events): returns
    /// the files changed, made, moved or deleted while nobody watched, for
    /// [`SyncTarget::ingest`] (see [`Library::scan_workspace`]). The articles changed in the
    /// app are left to [`SyncTarget::mirror`].
    fn reconcile(&mut self) -> Result<(SyncReport, Vec<PathBuf>)>;
    /// Takes in files a watcher saw change (absolute paths).
    fn ingest(&mut self, paths: &[PathBuf]) -> Result<SyncReport>;
    /// Writes at most `max_articles` of the articles changed in the app to their files;
    /// `true` when more are waiting.
    fn mirror(&mut self, max_articles: usize) -> Result<(SyncReport, bool)>;
    /// The database's change counter for other processes ([`crate::store::Store::data_version`]).
    fn data_version(&mut self) -> Result<i64>;
}

/// A library synced with a workspace folder. The desktop app keeps this (not a bare
/// [`Library`]) behind its `Arc<Mutex<..>>`, so its commands and the sync loop share one
/// connection and one lock; it dereferences to the library for everything else.
///
/// `workspace` is `None` while no folder can be used (it could not be created): the library
/// works as usual and the sync operations do nothing.
pub struct LibraryTarget {
    pub library: Library,
    pub workspace: Option<Workspace>,
}

impl Deref for LibraryTarget {
    type Target = Library;
    fn deref(&self) -> &Library {
        &self.library
    }
}

impl DerefMut for LibraryTarget {
    fn deref_mut(&mut self) -> &mut Library {
        &mut self.library
    }
}

impl SyncTarget for LibraryTarget {
    fn reconcile(&mut self) -> Result<(SyncReport, Vec<PathBuf>)> {
        match &self.workspace {
            Some(ws) => self.library.scan_workspace(ws),
            None => Ok((SyncReport::default(), Vec::new())),
        }
    }

    fn ingest(&mut self, paths: &[PathBuf]) -> Result<SyncReport> {
        match &self.workspace {
            Some(ws) => {
                let mut report = self.library.ingest_workspace_paths(ws, paths)?;
                // A late write into a file one of our writes displaced is an event in the
                // folder too: it is taken in now (see `workspace::displaced`).
                self.library
                    .settle_displaced(ws, displaced::now_ms(), &mut report)?;
                Ok(report)
            }
            None => Ok(SyncReport::default()),
        }
    }

    fn mirror(&mut self, max_articles: usize) -> Result<(SyncReport, bool)> {
        match &self.workspace {
            Some(ws) => self.library.mirror_workspace_batch(ws, max_articles),
            None => Ok((SyncReport::default(), false)),
        }
    }

    fn data_version(&mut self) -> Result<i64> {
        Ok(self.library.store().data_version()?)
    }
}
