//! Why the workspace folder could not be watched.

use crate::ErrorKind;
use std::path::PathBuf;

/// A failure to start watching the workspace folder. Every message names the folder and says
/// what to do.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("the workspace folder “{0}” does not exist; create it or choose another folder")]
    Missing(PathBuf),
    #[error("the workspace “{0}” is a file, not a folder; choose a folder")]
    NotAFolder(PathBuf),
    #[error(
        "the workspace folder “{0}” cannot be read (permission denied); fix its permissions or choose another folder"
    )]
    PermissionDenied(PathBuf),
    #[error("the workspace folder “{path}” cannot be read: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the workspace folder “{path}” cannot be watched, not even by polling ({detail}); check that the folder is reachable"
    )]
    Unwatchable { path: PathBuf, detail: String },
    #[error(
        "could not start syncing the workspace folder ({0}); close some programs and try again"
    )]
    NoThread(std::io::Error),
}

impl WatchError {
    /// A stable name for the kind of failure, as [`crate::Error::kind`] gives.
    pub fn kind(&self) -> ErrorKind {
        match self {
            WatchError::Missing(_) => ErrorKind::NotFound,
            WatchError::NotAFolder(_) => ErrorKind::Invalid,
            WatchError::PermissionDenied(_)
            | WatchError::Unreadable { .. }
            | WatchError::NoThread(_) => ErrorKind::Io,
            WatchError::Unwatchable { .. } => ErrorKind::Unsupported,
        }
    }
}

/// Checks that `root` is a folder this process can list, so a bad workspace is reported in
/// plain words instead of as a watcher failure.
pub(super) fn check_root(root: &std::path::Path) -> Result<(), WatchError> {
    let path = root.to_path_buf();
    let meta = match std::fs::metadata(root) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(WatchError::Missing(path));
        }
        Err(e) => return Err(io_error(path, e)),
    };
    if !meta.is_dir() {
        return Err(WatchError::NotAFolder(path));
    }
    std::fs::read_dir(root).map_err(|e| io_error(path, e))?;
    Ok(())
}

fn io_error(path: PathBuf, source: std::io::Error) -> WatchError {
    if source.kind() == std::io::ErrorKind::PermissionDenied {
        WatchError::PermissionDenied(path)
    } else {
        WatchError::Unreadable { path, source }
    }
}
