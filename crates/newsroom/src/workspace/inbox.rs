//! Photos dropped into `<workspace>/inbox/` join the photo library.
//!
//! An imported image is moved to `inbox/imported/` (never deleted), so the editor sees what
//! was taken and the same file is not imported twice. Anything else stays where it is, with a
//! message.

use super::{SyncReport, Workspace, WorkspaceError, layout};
use crate::Library;
use crate::durable::sync_folder;
use crate::error::{Error, Result};
use crate::regular_file::{self, NotRegular, Opened};
use std::path::{Path, PathBuf};

impl Library {
    /// Imports the inbox file `rel` (relative to the workspace) if it is still there.
    pub(super) fn take_inbox_file(
        &mut self,
        ws: &Workspace,
        rel: &str,
        report: &mut SyncReport,
    ) -> Result<()> {
        let path = ws.absolute(rel);
        match regular_file::open(&path) {
            // A permission problem is reported by the import below.
            Ok(Opened::File(..)) | Err(_) => {}
            Ok(Opened::Missing | Opened::NotRegular(NotRegular::Folder)) => return Ok(()),
            // A link (perhaps to a private image), a FIFO…: never read, said once.
            Ok(Opened::NotRegular(kind)) => {
                let message = format!("{}; it was left in the inbox", kind.sentence(&path));
                report.problem(path, message);
                return Ok(());
            }
        }
        match self.import_photo(&path) {
            Ok((photo, new)) => {
                move_to_imported(ws, &path)?;
                if new {
                    report.photos_added.push(photo.id);
                }
                Ok(())
            }
            Err(e @ Error::Store(_)) => Err(e),
            Err(e) => {
                report.problem(
                    path,
                    format!("This file in the inbox did not join the photo library: {e}; it was left in the inbox"),
                );
                Ok(())
            }
        }
    }
}

/// Moves an imported photo into `inbox/imported/`, under a free name.
fn move_to_imported(ws: &Workspace, path: &Path) -> Result<(), WorkspaceError> {
    let folder = ws.inbox().join(layout::IMPORTED);
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(error)?;
    let target = free_name(&folder, path);
    std::fs::rename(path, &target).map_err(error)?;
    sync_folder(&folder).map_err(error)?;
    sync_folder(ws.inbox()).map_err(error)
}

/// `folder/<name>`, or `folder/<stem>-2.<ext>`, `-3`... when taken.
fn free_name(folder: &Path, path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default();
    let candidate = folder.join(name);
    if !candidate.exists() {
        return candidate;
    }
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| folder.join(format!("{stem}-{n}{extension}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or(candidate)
}
