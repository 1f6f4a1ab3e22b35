//! Linux (and Android): `fsync`, and `renameat2` for swapping and for creating without
//! replacing. See the parent module.

use rustix::fs::{CWD, RenameFlags, renameat_with};
use rustix::io::Errno;
use std::fs::File;
use std::io;
use std::path::Path;

/// Open files can be replaced: their holders keep what they opened.
pub(crate) const CAN_REPLACE_OPEN_FILES: bool = true;

pub(crate) fn sync_file(file: &File) -> io::Result<()> {
    file.sync_all()
}

/// Flushes the folder's list of names, which is where a rename is recorded.
pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(unsupported_as_such)
}

pub(super) fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(()),
        // A file system without the flag: a hard link fails where a file exists, the same.
        Err(e) if is_unsupported(e) => {
            std::fs::hard_link(from, to)?;
            std::fs::remove_file(from)
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)
}

/// Linux lets any file be replaced, open or not.
pub(super) fn is_held_by_another_program(_: &io::Error) -> bool {
    false
}

/// What some network and FUSE file systems answer to `renameat2`'s flags.
fn is_unsupported(e: Errno) -> bool {
    [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP].contains(&e)
}

fn unsupported_as_such(e: Errno) -> io::Error {
    if is_unsupported(e) {
        io::Error::new(io::ErrorKind::Unsupported, io::Error::from(e))
    } else {
        e.into()
    }
}
