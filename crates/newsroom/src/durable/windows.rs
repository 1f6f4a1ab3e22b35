//! Windows: `FlushFileBuffers`, and `MoveFileExW` with `MOVEFILE_WRITE_THROUGH`, retried while
//! another program holds the file. See the parent module.
//!
//! Behaviour relied on, from Microsoft's documentation of `MoveFileExW` and of file sharing:
//! - `MOVEFILE_WRITE_THROUGH`: the function does not return until the file is actually moved
//!   on the disk, which is what a flushed folder gives on Unix.
//! - `MOVEFILE_REPLACE_EXISTING` replaces a file that other handles have open only if they all
//!   opened it with `FILE_SHARE_DELETE`; otherwise the call fails with
//!   `ERROR_SHARING_VIOLATION` or `ERROR_ACCESS_DENIED`. Rust's own `File::open` shares
//!   deletion, most editors do not, antivirus scanners briefly hold new files.
//! - Without `MOVEFILE_REPLACE_EXISTING` an existing target fails the call
//!   (`ERROR_ALREADY_EXISTS`), which is how a file is created only where there is none.
//! - Paths longer than `MAX_PATH` (260) work when given in the `\\?\` form.
//!
//! Wine (which runs the core's tests here) follows the same rules for handles within its
//! processes.

use std::fs::File;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION,
};
use windows_sys::Win32::Storage::FileSystem::{
    MOVE_FILE_FLAGS, MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH, MoveFileExW,
};

pub(crate) fn sync_file(file: &File) -> io::Result<()> {
    file.sync_all()
}

/// A folder can only be opened with backup privileges and cannot be flushed; the renames into
/// it are durable through `MOVEFILE_WRITE_THROUGH` instead.
pub(crate) fn sync_folder(_: &Path) -> io::Result<()> {
    Ok(())
}

pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "Windows cannot swap two files",
    ))
}

pub(super) fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    move_file(from, to, MOVEFILE_WRITE_THROUGH)
}

pub(super) fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    move_file(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)
}

/// The answers of a rename over a file that another program holds open without sharing it.
pub(super) fn is_held_by_another_program(e: &io::Error) -> bool {
    e.raw_os_error().is_some_and(|code| {
        [
            ERROR_SHARING_VIOLATION,
            ERROR_ACCESS_DENIED,
            ERROR_LOCK_VIOLATION,
        ]
        .contains(&(code as u32))
    })
}

fn move_file(from: &Path, to: &Path, flags: MOVE_FILE_FLAGS) -> io::Result<()> {
    let (from, to) = (wide(from)?, wide(to)?);
    // SAFETY: both are NUL-terminated UTF-16 strings that outlive the call.
    if unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), flags) } != 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `path` as a NUL-terminated UTF-16 string in the `\\?\` form, so that its length is not
/// limited to `MAX_PATH`: `C:\a` → `\\?\C:\a`, `\\server\share\a` → `\\?\UNC\server\share\a`.
/// `absolute` first resolves `.`, `..` and forward slashes, which the verbatim form would not.
fn wide(path: &Path) -> io::Result<Vec<u16>> {
    let units: Vec<u16> = std::path::absolute(path)?
        .as_os_str()
        .encode_wide()
        .collect();
    if units.contains(&0) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a path holds a NUL character",
        ));
    }
    let utf16 = |text: &str| text.encode_utf16().collect::<Vec<u16>>();
    let mut wide = if units.starts_with(&utf16(r"\\?\")) {
        units
    } else if let Some(unc) = units.strip_prefix(utf16(r"\\").as_slice()) {
        [utf16(r"\\?\UNC\").as_slice(), unc].concat()
    } else {
        [utf16(r"\\?\").as_slice(), &units].concat()
    };
    wide.push(0);
    Ok(wide)
}
