//! macOS (and the other Apple systems): `F_FULLFSYNC`, and `renamex_np` for swapping and for
//! creating without replacing. See the parent module.

use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Open files can be replaced: their holders keep what they opened.
pub(crate) const CAN_REPLACE_OPEN_FILES: bool = true;

/// `fsync` leaves the data in the drive's cache; `F_FULLFSYNC` asks the drive to write it out.
/// File systems that do not support it (some network ones) answer with an error, and then a
/// plain `fsync` is the best there is.
pub(crate) fn sync_file(file: &File) -> io::Result<()> {
    // SAFETY: fcntl with F_FULLFSYNC takes no pointer; the descriptor is open for the call.
    if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_FULLFSYNC) } == 0 {
        return Ok(());
    }
    file.sync_all()
}

pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    sync_file(&File::open(folder)?)
}

pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renamex(a, b, libc::RENAME_SWAP).map_err(|e| match e.raw_os_error() {
        // HFS+ volumes, network shares and FAT disks have no swap.
        Some(libc::ENOTSUP | libc::EINVAL) => io::Error::new(io::ErrorKind::Unsupported, e),
        _ => e,
    })
}

pub(super) fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    match renamex(from, to, libc::RENAME_EXCL) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTSUP | libc::EINVAL)) => {
            // No exclusive rename on this volume: a hard link fails where a file exists.
            std::fs::hard_link(from, to)?;
            std::fs::remove_file(from)
        }
        outcome => outcome,
    }
}

pub(super) fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)
}

/// macOS lets any file be replaced, open or not.
pub(super) fn is_held_by_another_program(_: &io::Error) -> bool {
    false
}

fn renamex(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    let c = |path: &Path| {
        CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path holds a NUL byte"))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: both are NUL-terminated strings that outlive the call.
    if unsafe { libc::renamex_np(from.as_ptr(), to.as_ptr(), flags) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}
