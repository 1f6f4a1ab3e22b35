//! Windows: `FlushFileBuffers`, `MoveFileExW` with `MOVEFILE_WRITE_THROUGH` retried while
//! another program holds the file, and a swap made of renames. See the parent module.
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

/// A file that any program has open (without sharing deletion, as SQLite and most editors
/// open them) cannot be replaced.
pub(crate) const CAN_REPLACE_OPEN_FILES: bool = false;

/// `FlushFileBuffers`, which needs a handle opened for writing.
pub(crate) fn sync_file(file: &File) -> io::Result<()> {
    file.sync_all()
}

/// A folder can only be opened with backup privileges and cannot be flushed; the renames into
/// it are durable through `MOVEFILE_WRITE_THROUGH` instead.
pub(crate) fn sync_folder(_: &Path) -> io::Result<()> {
    Ok(())
}

/// Windows has no call that swaps two files, so the swap is three renames: `b` aside (to
/// [`super::aside_path`] of `a`), `a` to `b`, the set-aside file to `a`. Each is atomic, the
/// whole is not: for microseconds there is no file at `b`. Another program saving then
/// creates a new file there, and the swap stops with [`io::ErrorKind::AlreadyExists`]: `b` is
/// that program's file, `a` is unchanged, `b`'s former file is left aside. A crash between the
/// first two renames leaves it aside too, where nothing deletes it.
/// What the caller relies on holds as on Linux and macOS: once this returns, `a` names the file
/// that was at `b` — the very file, so a program that had it open (sharing deletion) and
/// writes into it later writes into `a`. A program holding `b` without sharing deletion makes
/// the first rename fail; it is retried like any replace.
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    let aside = super::aside_path(a);
    super::with_retries(|| rename_new(b, &aside))?;
    if let Err(e) = rename_new(a, b) {
        // `a` is gone, or a file appeared at `b` between the two renames: `b`'s former file
        // goes back when the name is free, otherwise it stays aside, never deleted.
        if e.kind() != io::ErrorKind::AlreadyExists {
            let _ = rename_new(&aside, b);
        }
        return Err(e);
    }
    rename_new(&aside, a)
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
