//! Other Unix systems (the BSDs): `fsync` and plain renames, no swap. See the parent module.

use std::fs::File;
use std::io;
use std::path::Path;

/// Open files can be replaced: their holders keep what they opened.
pub(crate) const CAN_REPLACE_OPEN_FILES: bool = true;

pub(crate) fn sync_file(file: &File) -> io::Result<()> {
    file.sync_all()
}

pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "this system cannot swap two files",
    ))
}

/// A hard link fails where a file exists; the name is then removed from its old place.
pub(super) fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::hard_link(from, to)?;
    std::fs::remove_file(from)
}

pub(super) fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)
}

pub(super) fn is_held_by_another_program(_: &io::Error) -> bool {
    false
}
