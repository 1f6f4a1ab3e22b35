//! Windows: with `FILE_FLAG_OPEN_REPARSE_POINT`, `CreateFileW` opens a symbolic link or a
//! junction itself rather than what it points to (Microsoft's documentation of `CreateFileW`,
//! "Symbolic link behavior"), and the handle then reports a link. See the parent module.

use super::NotRegular;
use std::fs::{File, FileType, OpenOptions};
use std::io;
use std::os::windows::fs::OpenOptionsExt;
use std::path::Path;
use windows_sys::Win32::Storage::FileSystem::FILE_FLAG_OPEN_REPARSE_POINT;

pub(super) fn open_no_follow(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path)
}

/// Neither a file, a folder nor a link: on Windows, a device (`\\.\…`).
pub(super) fn special_kind(_: &FileType) -> NotRegular {
    NotRegular::Device
}
