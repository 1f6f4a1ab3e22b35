//! Files that are written whole and survive a crash or a power cut, on every platform.
//!
//! Everything the library writes for good (workspace files, photos, backups, a restored
//! library) goes the same way: a temporary file in the target's folder, flushed to the disk,
//! renamed over the target, and the folder flushed so the rename itself is on the disk. What
//! each step takes differs per system, so each has its file beside this one:
//! - `linux.rs`: `fsync` of the file and of its folder; `renameat2` swaps two files
//!   (`RENAME_EXCHANGE`) or creates one only where there is none (`RENAME_NOREPLACE`).
//! - `macos.rs`: `fsync` only hands the data to the drive, whose cache may still lose it on a
//!   power cut; `fcntl(F_FULLFSYNC)` is what makes it durable on Apple file systems (Apple's
//!   `fsync(2)` man page). `renamex_np` swaps (`RENAME_SWAP`) or creates (`RENAME_EXCL`).
//! - `windows.rs`: `FlushFileBuffers`; a folder cannot be flushed, so the rename itself is
//!   made durable with `MOVEFILE_WRITE_THROUGH`. A file another program holds open without
//!   sharing deletion (an editor, an antivirus scan, a sync client) cannot be replaced: the
//!   rename fails with a sharing violation and [`replace`] tries again for a moment before
//!   reporting it. There is no call that swaps two files: [`exchange`] renames three times.

use std::io;
use std::path::Path;
use std::time::Duration;
use tempfile::NamedTempFile;

#[cfg(any(target_os = "linux", target_os = "android"))]
#[path = "linux.rs"]
mod platform;
#[cfg(target_vendor = "apple")]
#[path = "macos.rs"]
mod platform;
#[cfg(windows)]
#[path = "windows.rs"]
mod platform;
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_vendor = "apple",
    windows
)))]
#[path = "other_unix.rs"]
mod platform;

#[cfg(test)]
pub(crate) mod tests;

pub(crate) use platform::{CAN_REPLACE_OPEN_FILES, sync_file, sync_folder};

/// How long [`replace`] waits before each new try while another program holds the target:
/// 715 ms in all, long enough for an antivirus scan or a sync client to let go of a freshly
/// written file, short enough that the caller (which may hold the library) is not held up.
const RETRY_DELAYS_MS: [u64; 7] = [5, 10, 20, 40, 80, 160, 400];

/// Swaps the files at `a` and `b` (atomically on Linux and macOS, in three renames on
/// Windows). An error of kind [`io::ErrorKind::Unsupported`] means this file system cannot; a
/// missing file is [`io::ErrorKind::NotFound`]. [`io::ErrorKind::AlreadyExists`] (Windows
/// only) means another program created a new file at `b` during the swap: `b` is that file,
/// `a` is unchanged, and `b`'s former file is at [`aside_path`]`(a)`.
pub(crate) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    platform::exchange(a, b)
}

/// Where a swap of `a` sets the other file aside on its way (Windows): `a` with `.aside`
/// added, hidden like `a` when `a` is.
pub(crate) fn aside_path(a: &Path) -> std::path::PathBuf {
    let mut aside = a.as_os_str().to_owned();
    aside.push(".aside");
    aside.into()
}

/// Moves the file at `from` to `to` only where there is no file yet (an existing one makes it
/// fail with [`io::ErrorKind::AlreadyExists`] and leaves both alone), durably.
pub(crate) fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    with_retries(|| platform::rename_new(from, to))?;
    sync_parent(to)
}

/// Moves the file at `from` over the one at `to` in one step: readers see the old file or the
/// new one, whole. Retries while another program holds `to` (Windows), then says so.
pub(crate) fn replace(from: &Path, to: &Path) -> io::Result<()> {
    with_retries(|| platform::rename_over(from, to))
}

/// Removes the file at `path`, retrying while another program holds it (Windows).
pub(crate) fn remove_file(path: &Path) -> io::Result<()> {
    with_retries(|| std::fs::remove_file(path))
}

/// Flushes the temporary file, moves it over `path` and flushes the folder: after this
/// returns, `path` holds the new bytes even after a power cut.
pub(crate) fn persist(temp: NamedTempFile, path: &Path) -> io::Result<()> {
    sync_file(temp.as_file())?;
    let temp = temp.into_temp_path();
    replace(&temp, path)?;
    // Renamed away: nothing is left to delete.
    let _ = temp.keep();
    sync_parent(path)
}

/// Flushes the folder holding `path`, so that a rename into it is durable.
pub(crate) fn sync_parent(path: &Path) -> io::Result<()> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => sync_folder(folder),
        None => sync_folder(Path::new(".")),
    }
}

/// Runs `attempt` again after each of [`RETRY_DELAYS_MS`] while it fails because another
/// program holds the file; the last failure is reported in words an editor understands.
fn with_retries(mut attempt: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    let mut delays = RETRY_DELAYS_MS.iter();
    loop {
        match attempt() {
            Err(e) if platform::is_held_by_another_program(&e) => match delays.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(held_error(e)),
            },
            outcome => return outcome,
        }
    }
}

/// The error for a file another program would not let go of.
fn held_error(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "the file is open in another program (an editor, an antivirus scan or a sync \
             client) that does not let it be replaced; nothing was lost, and it is written \
             again on the next try ({e})"
        ),
    )
}
