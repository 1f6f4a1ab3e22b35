//! Unix: `O_NOFOLLOW` refuses a link as the last component (`ELOOP`), `O_NONBLOCK` keeps the
//! open of a FIFO from waiting for a writer. See the parent module.

use super::NotRegular;
use std::fs::{File, FileType, OpenOptions};
use std::io;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

pub(super) fn open_no_follow(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

pub(super) fn special_kind(kind: &FileType) -> NotRegular {
    if kind.is_fifo() {
        NotRegular::Fifo
    } else if kind.is_socket() {
        NotRegular::Socket
    } else {
        NotRegular::Device
    }
}
