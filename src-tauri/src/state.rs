//! What the app holds while it runs: the open library, where its photos are served from, the
//! pages the last export wrote, and the publishes under way.

use crate::error::UiError;
use crate::events::ShellEvents;
use crate::grants::Grants;
use crate::proofing::Proofing;
use crate::publishing::Publishing;
use crate::sync::WorkspaceSync;
use newsroom::Library;
use newsroom::launch_args::WorkspaceChoice;
use newsroom::library::{MediaFiles, MediaUrls};
use newsroom::live_preview::LivePreview;
use newsroom::workspace::LibraryTarget;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The app's state, shared by every command.
pub struct AppState {
    /// The open library with its workspace, or why it could not be opened (every command then
    /// reports that, so the window can explain instead of the app vanishing). Shared with the
    /// workspace sync, which takes the same lock for each step.
    library: Result<Arc<Mutex<LibraryTarget>>, UiError>,
    /// The library's database, for the work that opens a connection of its own
    /// ([`AppState::own_library`]).
    db: PathBuf,
    /// The workspace sync: started once the first screen is served (see `crate::sync`).
    pub sync: WorkspaceSync,
    /// Photos are served without taking the library's lock.
    media_files: Option<MediaFiles>,
    /// Pages (and index) the last export wrote: the only files `open_exported` opens.
    last_export: Mutex<Vec<PathBuf>>,
    /// The files and folders the editor chose in a dialog or dropped: the only paths commands
    /// take from the page.
    pub grants: Grants,
    /// The publishes running now.
    pub publishing: Publishing,
    /// What waits to be told to the page (sync events, publish steps, drops, the close button).
    pub events: ShellEvents,
    /// The spell and grammar checker.
    pub proofing: Proofing,
    /// The text the live preview shows and its blocks, between keystrokes.
    live_preview: Mutex<LivePreview>,
}

impl AppState {
    /// Opens the library at `db`, keeping a failure to report through the commands.
    /// `workspace` says which folder this run syncs with.
    pub fn open(db: &Path, workspace: WorkspaceChoice) -> AppState {
        let sync = WorkspaceSync::new(workspace);
        match Library::open(db) {
            Ok(library) => AppState {
                media_files: Some(library.media_files()),
                library: Ok(Arc::new(Mutex::new(LibraryTarget {
                    library,
                    workspace: None,
                }))),
                db: db.to_path_buf(),
                sync,
                last_export: Mutex::default(),
                grants: Grants::default(),
                publishing: Publishing::default(),
                events: ShellEvents::default(),
                proofing: Proofing::default(),
                live_preview: Mutex::default(),
            },
            Err(error) => AppState {
                library: Err(error.into()),
                db: db.to_path_buf(),
                sync,
                media_files: None,
                last_export: Mutex::default(),
                grants: Grants::default(),
                publishing: Publishing::default(),
                events: ShellEvents::default(),
                proofing: Proofing::default(),
                live_preview: Mutex::default(),
            },
        }
    }

    /// The library, locked for one command. Commands never leave the database half-changed
    /// (each change is one transaction), so a lock poisoned by a panic is still usable.
    pub fn library(&self) -> Result<LibraryGuard<'_>, UiError> {
        match &self.library {
            Ok(library) => {
                let guard = library.lock().unwrap_or_else(PoisonError::into_inner);
                let changes_before = guard.change_count();
                Ok(LibraryGuard {
                    guard,
                    changes_before,
                    sync: &self.sync,
                })
            }
            Err(error) => Err(error.clone()),
        }
    }

    /// A connection of its own to the library, for work that talks to a website (adding a
    /// site, publishing) and so takes seconds or minutes: holding the shared library's lock that
    /// long would stall every save. SQLite's WAL mode lets both connections work at once; the
    /// short writes of either wait for the other's on the busy timeout.
    pub fn own_library(&self) -> Result<Library, UiError> {
        if let Err(error) = &self.library {
            return Err(error.clone());
        }
        Ok(Library::open(&self.db)?)
    }

    /// The shared library itself, for the workspace sync.
    pub fn shared_library(&self) -> Result<Arc<Mutex<LibraryTarget>>, UiError> {
        self.library.clone()
    }

    /// Why the library could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&UiError> {
        self.library.as_ref().err()
    }

    /// The live preview's state, locked for one change or one opening of an article, always
    /// before the library's lock. A panic while it was held can only have left it between
    /// versions, which the page's next change finds out (`out_of_step`).
    pub fn live_preview(&self) -> MutexGuard<'_, LivePreview> {
        self.live_preview
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// How previews address photos: through the `media` scheme.
    pub fn media_urls(&self) -> MediaUrls {
        MediaUrls::Prefix(crate::media::base().to_string())
    }

    /// The media folder, for the `media` scheme.
    pub fn media_files(&self) -> Option<&MediaFiles> {
        self.media_files.as_ref()
    }

    /// Remembers what an export wrote, replacing the previous export's list.
    pub fn remember_export(&self, files: Vec<PathBuf>) {
        *self
            .last_export
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = files;
    }

    /// Whether `path` is one of the files the last export wrote.
    pub fn was_exported(&self, path: &Path) -> bool {
        self.last_export
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .any(|p| p == path)
    }
}

/// The library locked for one command. When a command that wrote to the database is done (the
/// guard dropped), the workspace sync is told: it writes the files of whatever changed once
/// edits settle. Reading commands (a preview rendered on every keystroke) tell it nothing.
pub struct LibraryGuard<'a> {
    guard: MutexGuard<'a, LibraryTarget>,
    /// The connection's change count when the command started (`Library::change_count`).
    changes_before: u64,
    sync: &'a WorkspaceSync,
}

impl Deref for LibraryGuard<'_> {
    type Target = LibraryTarget;
    fn deref(&self) -> &LibraryTarget {
        &self.guard
    }
}

impl DerefMut for LibraryGuard<'_> {
    fn deref_mut(&mut self) -> &mut LibraryTarget {
        &mut self.guard
    }
}

impl Drop for LibraryGuard<'_> {
    fn drop(&mut self) {
        if self.guard.change_count() != self.changes_before {
            self.sync.notify_changed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_reports_a_library_that_cannot_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lib.db");
        std::fs::write(&db, b"not a database at all, just some text").unwrap();
        let state = AppState::open(&db, WorkspaceChoice::Remembered);
        let error = state.library().err().unwrap();
        assert_eq!(error.kind, newsroom::ErrorKind::Unsupported);
        assert!(state.media_files().is_none());
    }

    #[test]
    fn only_files_of_the_last_export_count_as_exported() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(&dir.path().join("lib.db"), WorkspaceChoice::Remembered);
        assert!(state.open_error().is_none());
        state.remember_export(vec![PathBuf::from("/out/a.html")]);
        assert!(state.was_exported(Path::new("/out/a.html")));
        state.remember_export(vec![PathBuf::from("/out/b.html")]);
        assert!(!state.was_exported(Path::new("/out/a.html")));
        assert!(!state.was_exported(Path::new("/etc/passwd")));
    }
}
