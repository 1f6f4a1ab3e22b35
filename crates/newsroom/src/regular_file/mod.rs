//! Opening a file only when it is a regular file, never through a symbolic link, and without
//! blocking on whatever else can sit at a path.
//!
//! A shared workspace (a git clone, a synced folder) is written by other people. A link there
//! (`world/leak.md → ~/.aws/credentials`) would make a private file an article that the sync
//! then writes back into the shared folder; a FIFO would block the read, and the library's
//! lock with it, until someone writes into it; a device never ends. So the sync, the inbox and
//! the importers open files through [`open`], which refuses all of those with a sentence
//! ([`NotRegular`]) instead of following or waiting:
//! - `unix.rs`: `open(O_NOFOLLOW | O_NONBLOCK)` (a link fails with `ELOOP`, a FIFO opens at
//!   once and is then refused by its type), then `fstat` on the opened file, so the type
//!   checked is the type of what is read.
//! - `windows.rs`: `FILE_FLAG_OPEN_REPARSE_POINT` opens a symbolic link or junction itself
//!   instead of its target, and the opened handle's type is checked. Windows has no FIFOs
//!   or sockets at ordinary paths.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

#[cfg(unix)]
#[path = "unix.rs"]
mod platform;
#[cfg(windows)]
#[path = "windows.rs"]
mod platform;

#[cfg(test)]
pub(crate) mod tests;

/// What is at a path that is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegular {
    Link,
    Folder,
    /// A named pipe: reading it waits for a writer.
    Fifo,
    Socket,
    Device,
    /// A folder on the way to the file is a link (it may lead out of the folder).
    LinkedFolder,
}

impl NotRegular {
    /// What `path` is, as the start of a sentence the caller ends with what it did. The file
    /// is named by its name: the caller's report says where it is.
    pub fn sentence(self, path: &Path) -> String {
        let what = match self {
            NotRegular::Link => "is a symbolic link",
            NotRegular::Folder => "is a folder",
            NotRegular::Fifo => "is a named pipe (FIFO)",
            NotRegular::Socket => "is a socket",
            NotRegular::Device => "is a device",
            NotRegular::LinkedFolder => "is inside a folder that is a symbolic link",
        };
        let name = file_name(path);
        format!(
            "“{name}” {what}, not a regular file; Newsroom never follows links or reads such files"
        )
    }
}

/// The name a sentence about `path` gives it: its file name (the whole path when it has none).
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The outcome of [`open`].
#[derive(Debug)]
pub enum Opened {
    /// A regular file, open for reading, and its metadata (taken from the open file).
    File(File, Metadata),
    Missing,
    NotRegular(NotRegular),
}

/// Opens `path` for reading if it is a regular file reached without a link as its last
/// component; `Missing` when nothing is there. Other errors (permissions) are returned.
pub fn open(path: &Path) -> io::Result<Opened> {
    let file = match platform::open_no_follow(path) {
        Ok(file) => file,
        Err(e) => {
            // A link refused (Wine reports its link as not found), a socket that cannot be
            // opened: say what it is.
            let missing = e.kind() == io::ErrorKind::NotFound;
            return match std::fs::symlink_metadata(path).map(|m| kind_of(&m)) {
                Ok(Some(kind)) => Ok(Opened::NotRegular(kind)),
                Err(_) | Ok(None) if missing => Ok(Opened::Missing),
                _ => Err(e),
            };
        }
    };
    let metadata = file.metadata()?;
    match kind_of(&metadata) {
        None => Ok(Opened::File(file, metadata)),
        Some(kind) => Ok(Opened::NotRegular(kind)),
    }
}

/// Opens `path` like [`open`], and also refuses it when the folder holding it is a link:
/// for paths inside a folder whose own path holds no link (the workspace's root is resolved
/// when it is opened), where a linked subfolder could lead anywhere.
pub fn open_in_folder(path: &Path) -> io::Result<Opened> {
    if path.parent().is_some_and(is_link) {
        return Ok(Opened::NotRegular(NotRegular::LinkedFolder));
    }
    open(path)
}

/// Whether `folder` itself is a symbolic link (a write must not go through it).
pub fn is_link(folder: &Path) -> bool {
    std::fs::symlink_metadata(folder).is_ok_and(|m| m.file_type().is_symlink())
}

/// `None` for a regular file, otherwise what it is.
fn kind_of(metadata: &Metadata) -> Option<NotRegular> {
    let kind = metadata.file_type();
    if kind.is_symlink() {
        Some(NotRegular::Link)
    } else if kind.is_dir() {
        Some(NotRegular::Folder)
    } else if kind.is_file() {
        None
    } else {
        Some(platform::special_kind(&kind))
    }
}
