//! The workspace folder: every article mirrored as a Markdown file with front matter, kept in
//! sync both ways with the library.
//!
//! # Agreement by content hash
//! For each article the store keeps the SHA-256 of the bytes on disk and of the app's rendering
//! ([`file_format::to_file`]) at the moment both last agreed. Comparing the current hashes with
//! them says which side changed since: only the file (the article takes the file's fields, an
//! `External` revision), only the app (the file is rewritten atomically), both (a conflict:
//! both kept as revisions, the file left alone until an editor resolves it). Bytes on disk equal
//! to the current rendering mean agreement whatever the table says, which repairs a crash
//! between writing a file and recording it. Our own writes set the file hash, so they never come
//! back as external edits.
//!
//! The engine here is synchronous and has no threads: [`Library::reconcile_workspace`] (a full
//! scan, at start), [`Library::ingest_workspace_paths`] (files a watcher saw change) and
//! [`Library::mirror_workspace`] (articles changed in the app) are called by whoever drives the
//! sync.
//!
//! [`Library::reconcile_workspace`]: crate::Library::reconcile_workspace
//! [`Library::ingest_workspace_paths`]: crate::Library::ingest_workspace_paths
//! [`Library::mirror_workspace`]: crate::Library::mirror_workspace

mod atomic;
mod conflicts;
mod disk;
mod displaced;
mod fields;
pub mod file_format;
mod inbox;
mod ingest;
pub mod layout;
mod location;
mod merge_markers;
mod mirror;
mod names;
mod reconcile;
mod report;
mod service;
mod settle;
mod watcher;

#[cfg(test)]
pub(crate) mod tests;

pub use location::{WORKSPACE_ENV, WORKSPACE_SETTING};
pub use names::NameRules;
pub use report::{Conflict, FileProblem, Resolution, SyncReport};
pub use service::{LibraryTarget, SyncEvent, SyncOptions, SyncService, SyncTarget};
pub use watcher::{
    FORCED_POLLING, WatchBatch, WatchError, WatchMode, WatchOptions, WorkspaceWatcher,
};

use crate::ErrorKind;
use std::path::{Path, PathBuf};

/// Name of the workspace folder inside the documents folder.
pub const DEFAULT_FOLDER_NAME: &str = "Newsroom";

/// Why the workspace could not be used. Problems with single files are not errors: they are
/// reported in [`SyncReport::problems`] and the sync goes on.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "could not create or open the workspace folder “{}” ({source}); check that the folder can be written, or choose another one in the settings",
        .path.display()
    )]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "could not write “{}” in the workspace ({source}); check the folder's permissions and free space",
        .path.display()
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "could not read “{}” in the workspace ({source}); check the file's permissions",
        .path.display()
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the folder “{}” in the workspace is a symbolic link, and Newsroom never writes through links (it could lead outside the workspace); replace it with a real folder",
        .folder.display()
    )]
    LinkedFolder { folder: PathBuf },
    #[error("article {0} has no conflict between its file and the app to resolve")]
    NoConflict(crate::model::ArticleId),
}

impl WorkspaceError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            WorkspaceError::Folder { .. }
            | WorkspaceError::Write { .. }
            | WorkspaceError::Read { .. } => ErrorKind::Io,
            WorkspaceError::LinkedFolder { .. } => ErrorKind::Invalid,
            WorkspaceError::NoConflict(_) => ErrorKind::NotFound,
        }
    }
}

/// An open workspace folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
    inbox: PathBuf,
    names: NameRules,
}

impl Workspace {
    /// Opens the workspace at `root`, creating it and its `inbox/` folder when missing.
    pub fn open(root: &Path) -> Result<Workspace, WorkspaceError> {
        let folder_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| WorkspaceError::Folder { path, source }
        };
        std::fs::create_dir_all(root).map_err(folder_error(root))?;
        // Paths from a watcher are absolute and resolved; ours must compare equal to them.
        let root = std::fs::canonicalize(root).map_err(folder_error(root))?;
        let inbox = root.join(layout::INBOX);
        std::fs::create_dir_all(&inbox).map_err(folder_error(&inbox))?;
        let names = NameRules::probe(&root);
        Ok(Workspace { root, inbox, names })
    }

    /// The workspace folder (absolute).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder where dropped photos join the library.
    pub fn inbox(&self) -> &Path {
        &self.inbox
    }

    /// Whether the sync cares about `path`: a Markdown file under the root outside the inbox,
    /// or a file directly in the inbox (images join the library, anything else is reported);
    /// never a hidden file, an editor's temporary file or
    /// one of our own temporary files.
    pub fn is_ours(&self, path: &Path) -> bool {
        self.relative(path)
            .is_some_and(|rel| layout::is_article_path(&rel) || layout::is_inbox_path(&rel))
    }

    /// How the folder's file system compares names.
    pub fn name_rules(&self) -> NameRules {
        self.names
    }

    /// `path` relative to the root, `/`-separated, when it is inside the workspace: the one
    /// form the workspace knows the file by ([`NameRules::key`]).
    pub(crate) fn relative(&self, path: &Path) -> Option<String> {
        layout::relative(&self.root, path).map(|rel| self.names.key(rel))
    }

    /// The absolute path of a relative workspace path.
    pub(crate) fn absolute(&self, relative: &str) -> PathBuf {
        relative
            .split('/')
            .fold(self.root.clone(), |path, part| path.join(part))
    }
}

/// Where the workspace is when none is chosen: `<documents>/Newsroom` (the platform's documents
/// folder, or `~/Documents` when the platform names none).
pub fn default_workspace_root() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let documents = dirs
        .document_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.home_dir().join("Documents"));
    Some(documents.join(DEFAULT_FOLDER_NAME))
}
