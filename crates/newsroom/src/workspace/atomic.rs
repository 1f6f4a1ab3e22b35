//! Writing and removing files so that a crash never leaves half a file, and so that a save made
//! by another program while we write is never replaced unseen.
//!
//! A write goes to a temporary file in the same folder (so the rename stays on one file
//! system), is flushed to disk, moved over the target and the folder flushed too: readers and
//! watchers see either the old file or the new one, whole.
//!
//! # The write window
//! The caller decided to write after looking at the file (its hash, `seen`). Writing the
//! temporary file and flushing it takes milliseconds, and another program may save the file
//! meanwhile. So the write only replaces the bytes the caller saw:
//! - the new file is swapped in ([`crate::durable::exchange`]: Linux's
//!   `renameat2(RENAME_EXCHANGE)`, macOS's `renamex_np(RENAME_SWAP)`, three renames on
//!   Windows), which leaves what it replaced at the temporary path; if that is not what the
//!   caller saw, it is someone else's save: it is swapped back in place and the write is given
//!   up ([`Replaced::Changed`]), handing the caller the bytes it put back to keep as the
//!   file's side of a conflict. Nothing is lost between the look and the swap, not even when
//!   that program read our bytes in the instant they were in place and saved over its own.
//! - on a file system without the swap (some network and FUSE ones, HFS+) the file is read
//!   again right before a plain rename, and the write is given up when it changed: a save
//!   landing in the microseconds between that check and the rename is still replaced.
//! - a new file is only created where there is none ([`crate::durable::rename_new`]).
//!
//! # Writers that still hold the old file
//! A program may have opened the file before the swap and write into it after: an editor
//! saving in place in several writes (the sync may even have read the first one, when it
//! already reads as an article, and decided on it), or one that keeps the file open. The swap
//! moves the name, not the open file, so those writes go into the file the swap displaced.
//! Nothing in POSIX says whether another process still has a file open, so the displaced file
//! is not deleted: the write hands it back (`displaced` in [`Replaced::Written`]) and the caller
//! holds it for a grace period ([`super::displaced`]), looking again on every pass. Bytes that
//! changed there are the other program's save: the file goes back in place of ours when ours
//! is still there (its later writes then land in the folder again) and the article is put in
//! conflict; otherwise that version is kept in the article's history as the file's side of a
//! conflict. Dropping the displaced file instead deletes it, as a plain rename would.
//!
//! Two alternatives were weighed and not taken:
//! - a Linux lease (`F_SETLEASE`), refused while another process has the file open for
//!   writing, taken before swapping. It needs the file's owner or `CAP_LEASE` and a local file
//!   system; the kernel signals the holder (`SIGIO`, fatal unless the whole process handles
//!   it) when someone opens the file meanwhile; and a writer whose open waited on the lease
//!   still gets the old file once the lease goes. It narrows the window without closing it,
//!   so the held file would be needed anyway.
//! - not deciding on a file modified in the last few milliseconds. The first half of such a
//!   save is not taken by the watcher (it waits 100 ms after the last event) but by the app's
//!   own passes: the mirror and a conflict's resolution read the file of the article they
//!   settle, however fresh. A delay only helps writers that pause less than it, and holds
//!   back every decision after a save.
//!
//! What remains: a writer that writes into the displaced file after the grace period (it held
//! the file open, idle, for seconds across our write); a crash between the swap and the hand
//! over to the caller (microseconds; the displaced file is then a temporary file the next
//! start removes after a minute); and on file systems without the swap, a plain rename, which
//! leaves nothing to hold. (On Windows a program holding the file open without sharing
//! deletion blocks the swap instead, which is retried and then reported: see
//! [`crate::durable`].) A crash between the swap and putting someone
//! else's save back leaves that save in our temporary file, likewise.

use super::WorkspaceError;
use super::disk::{self, OnDisk, stamp_of};
use super::layout::TEMP_PREFIX;
use crate::durable::{self, sync_folder};
use crate::store::FileStamp;
use sha2::{Digest, Sha256};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempPath;

/// Suffix of our temporary files (their prefix is [`TEMP_PREFIX`]).
const TEMP_SUFFIX: &str = ".tmp";
/// Random characters between the prefix and the suffix of our temporary files.
const TEMP_RANDOM_CHARS: usize = 6;
/// Age from which one of our temporary files is a leftover: a write takes milliseconds, so an
/// older one was left by a crash (of this app or of another process syncing the folder).
pub(super) const LEFTOVER_AGE: Duration = Duration::from_secs(60);

/// SHA-256 of `bytes`, lowercase hex: the content hash agreement is based on.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a file name is one of our temporary files: exactly the names [`replace_file`]
/// gives them, so that no file of anyone else is taken for one.
pub(super) fn is_our_temp_file(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Whether a file name is one that a swap of ours set aside on Windows
/// ([`durable::exchange`]): one of our temporary files' names with [`durable::aside_path`]'s
/// `.aside` added.
fn is_our_aside_file(name: &str) -> bool {
    name.strip_suffix(".aside").is_some_and(is_our_temp_file)
}

/// Whether `path` is missing because a swap of ours over it was cut short: on Windows a swap is
/// three renames, and a crash between the first two leaves no file at `path` and the file that
/// was there set aside next to it ([`durable::exchange`]). Such a file holds the bytes last
/// agreed (hashed `agreed`), which the library has: it is removed, and the caller writes the
/// article again, as a repair rather than as a deletion by someone.
pub(super) fn took_back_interrupted_swap(path: &Path, agreed: &str) -> bool {
    let Some(entries) = path
        .parent()
        .and_then(|folder| std::fs::read_dir(folder).ok())
    else {
        return false;
    };
    for entry in entries.flatten() {
        if !is_our_aside_file(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let aside = entry.path();
        if disk::read(&aside).is_ok_and(|held| held.hash() == Some(agreed)) {
            return durable::remove_file(&aside).is_ok();
        }
    }
    false
}

/// What [`replace_file`] did.
#[derive(Debug)]
pub enum Replaced {
    /// The file holds the new bytes.
    Written {
        /// The stamp of the new bytes, taken before the rename (which keeps it) so that a
        /// write by someone else after the rename cannot hide behind it.
        stamp: FileStamp,
        /// The file that was replaced (it held the bytes the caller saw), under a temporary
        /// name, for the caller to hold a while in case a program still writes into it (see
        /// the module documentation); dropping it deletes it. `None` when nothing was
        /// replaced or the system cannot hand it over.
        displaced: Option<TempPath>,
    },
    /// The file was no longer what the caller saw (another program saved, created or deleted
    /// it meanwhile): it was left as that program made it and nothing was written.
    Changed {
        /// The other program's save when the swap took it out and put it back. The caller
        /// keeps it (as the file's side of a conflict) rather than reading the file again:
        /// for the instant our bytes were in place, that program may have read them, and its
        /// next save then replaces this one without holding it.
        theirs: Option<OnDisk>,
    },
}

/// Replaces the file at `path` with `bytes`, atomically and durably, creating its folder when
/// needed, but only while the file is the one the caller looked at: `seen` is the hash of the
/// bytes it read, `None` when there was no file. See the module documentation.
pub fn replace_file(
    path: &Path,
    bytes: &[u8],
    seen: Option<&str>,
) -> Result<Replaced, WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(error)?;
    if crate::regular_file::is_link(folder) {
        return Err(WorkspaceError::LinkedFolder {
            folder: folder.to_path_buf(),
        });
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(folder)
        .map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    durable::sync_file(temp.as_file()).map_err(error)?;
    let stamp = stamp_of(&temp.as_file().metadata().map_err(error)?);
    #[cfg(test)]
    run_before_replace_hook();
    let temp = temp.into_temp_path();
    let swapped = match seen {
        None => create_new(temp, path)?,
        Some(seen) => swap_in(temp, path, seen, &content_hash(bytes))?,
    };
    let outcome = match swapped {
        Swapped::In(displaced) => Replaced::Written { stamp, displaced },
        Swapped::Changed(theirs) => Replaced::Changed { theirs },
    };
    sync_folder(folder).map_err(error)?;
    Ok(outcome)
}

/// What [`create_new`] or [`swap_in`] did.
enum Swapped {
    /// The new file is in place; what it replaced, when there was one and it could be kept.
    In(Option<TempPath>),
    /// The file was not the one seen: nothing was written. What it held when the swap took
    /// it out, if it did and put it back (see [`Replaced::Changed`]).
    Changed(Option<OnDisk>),
}

/// Moves `temp` to `path` where there is no file yet (a file that appeared meanwhile is left
/// alone and `temp` removed).
fn create_new(temp: TempPath, path: &Path) -> Result<Swapped, WorkspaceError> {
    match durable::rename_new(&temp, path) {
        Ok(()) => {
            // Renamed away: nothing is left to delete.
            let _ = temp.keep();
            Ok(Swapped::In(None))
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(Swapped::Changed(None)),
        Err(source) => Err(WorkspaceError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Moves `temp` over `path` if `path` still holds the bytes hashed `seen`: by swapping them
/// and looking at what came out where the system can, by looking first elsewhere.
fn swap_in(temp: TempPath, path: &Path, seen: &str, ours: &str) -> Result<Swapped, WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    match durable::exchange(&temp, path) {
        Ok(()) => {}
        // Deleted since the caller looked: that is a change too.
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Swapped::Changed(None)),
        // A file system without the swap (some network and FUSE ones, HFS+).
        Err(e) if e.kind() == ErrorKind::Unsupported => {
            return check_and_rename(temp, path, seen);
        }
        // Windows: another program saved a new file in the middle of the swap.
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            settle_aside(&temp, path, seen)?;
            return Ok(Swapped::Changed(None));
        }
        Err(e) => return Err(error(e)),
    }
    // `temp` now names what was at `path` a moment ago.
    let theirs = disk::read(&temp)?;
    if theirs.hash() == Some(seen) {
        return Ok(Swapped::In(Some(temp)));
    }
    // Someone else's save: it goes back where it was, and `temp` gets what was at `path`
    // since the swap — our bytes, unless yet another save replaced them meanwhile.
    if let Err(e) = durable::exchange(&temp, path) {
        let newer_save = e.kind() == ErrorKind::AlreadyExists;
        if newer_save {
            settle_aside(&temp, path, ours)?;
        }
        // Their save stays in `temp`, kept next to `path` as a file of its own.
        keep_aside(temp, path)?;
        return if newer_save {
            Ok(Swapped::Changed(None))
        } else {
            Err(error(e))
        };
    }
    if disk::read(&temp)?.hash() == Some(ours) {
        temp.close().map_err(error)?;
    } else {
        keep_aside(temp, path)?;
    }
    Ok(Swapped::Changed(Some(theirs)))
}

/// Swaps `held` (a file a write displaced, written into since) back to `path`, in place of
/// that write, whose bytes' hash starts with `ours`; returns whether it did (not when `path`
/// is gone, or where files cannot be swapped). What comes out at `held` is left there for the
/// caller: that write, which a program may have opened meanwhile to save into it (so it is
/// held in turn, not deleted), or a save landing in between, to be taken in like the held file
/// was.
pub(super) fn put_back(held: &Path, path: &Path, ours: &str) -> Result<bool, WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    match durable::exchange(held, path) {
        Ok(()) => {}
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::Unsupported) => {
            return Ok(false);
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            settle_aside(held, path, ours)?;
            return Ok(false);
        }
        Err(e) => return Err(error(e)),
    }
    if let Some(folder) = path.parent() {
        sync_folder(folder).map_err(error)?;
    }
    Ok(true)
}

/// Reads `path` again and renames `temp` over it only if it still holds the bytes hashed
/// `seen`; the replaced file is gone with the rename, so there is nothing to hold.
fn check_and_rename(temp: TempPath, path: &Path, seen: &str) -> Result<Swapped, WorkspaceError> {
    if disk::read(path)?.hash() != Some(seen) {
        return Ok(Swapped::Changed(None));
    }
    durable::replace(&temp, path).map_err(|source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    let _ = temp.keep();
    Ok(Swapped::In(None))
}

/// After a swap of `swapped` with `path` that another program's new file cut short (Windows,
/// see [`durable::exchange`]): the file set aside on the way is removed when its bytes' hash
/// starts with `expected` (nothing is lost), and otherwise kept next to `path` like any save
/// that cannot go back.
fn settle_aside(swapped: &Path, path: &Path, expected: &str) -> Result<(), WorkspaceError> {
    let aside = durable::aside_path(swapped);
    match disk::read(&aside)?.hash() {
        None => Ok(()),
        Some(hash) if hash.starts_with(expected) => remove_durably(&aside),
        Some(_) => {
            let aside =
                TempPath::try_from_path(&aside).map_err(|source| WorkspaceError::Write {
                    path: aside.clone(),
                    source,
                })?;
            keep_aside(aside, path).map(|_| ())
        }
    }
}

/// Keeps a file that another program saved but that cannot go back to `path` (a second save
/// took its place) next to it, as `<name> (kept N).md`: the sync sees a new file and makes it
/// a new article, saying why, so nothing is lost.
pub(super) fn keep_aside(temp: TempPath, path: &Path) -> Result<PathBuf, WorkspaceError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Never deleted, whatever happens: under its temporary name it is at least still there.
    let temp = temp.keep().map_err(|e| WorkspaceError::Write {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    let mut n = 1;
    loop {
        let kept = path.with_file_name(format!("{stem} (kept {n}).md"));
        match durable::rename_new(&temp, &kept) {
            Ok(()) => return Ok(kept),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(source) => return Err(WorkspaceError::Write { path: kept, source }),
        }
    }
}

/// Removes the file at `path` (already gone is fine) and flushes its folder.
pub fn remove_durably(path: &Path) -> Result<(), WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    match durable::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => return Err(error(e)),
        _ => {}
    }
    match path.parent() {
        Some(folder) if folder.exists() => sync_folder(folder).map_err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
thread_local! {
    /// Run once by the next write on this thread between its fsync and its rename: tests play
    /// another program saving the file in that window.
    pub(super) static BEFORE_REPLACE: std::cell::RefCell<Option<Box<dyn FnOnce()>>> =
        std::cell::RefCell::new(None);
}

#[cfg(test)]
fn run_before_replace_hook() {
    if let Some(hook) = BEFORE_REPLACE.with(|hook| hook.borrow_mut().take()) {
        hook();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::durable::tests::names;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("world").join("a.md");
        assert!(matches!(
            replace_file(&path, b"first", None).unwrap(),
            Replaced::Written {
                displaced: None,
                ..
            }
        ));
        let seen = content_hash(b"first");
        assert!(matches!(
            replace_file(&path, b"second", Some(&seen)).unwrap(),
            Replaced::Written { .. }
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(names(path.parent().unwrap()), vec!["a.md"]);
        remove_durably(&path).unwrap();
        remove_durably(&path).unwrap();
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_through_a_linked_folder() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("world")).unwrap();
        let path = dir.path().join("world").join("a.md");
        let outcome = replace_file(&path, b"ours", None);
        assert!(
            matches!(outcome, Err(WorkspaceError::LinkedFolder { .. })),
            "{outcome:?}"
        );
        assert!(names(elsewhere.path()).is_empty());
    }

    #[test]
    fn a_file_that_is_not_the_one_seen_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "theirs").unwrap();
        let outcome = replace_file(&path, b"ours", Some(&content_hash(b"what we saw"))).unwrap();
        assert!(matches!(outcome, Replaced::Changed { .. }));
        assert!(matches!(
            replace_file(&path, b"ours", None).unwrap(),
            Replaced::Changed { .. }
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(names(dir.path()), vec!["a.md"]);
        let gone = dir.path().join("gone.md");
        let outcome = replace_file(&gone, b"ours", Some(&content_hash(b"old"))).unwrap();
        assert!(
            matches!(outcome, Replaced::Changed { .. }),
            "a deleted file is a change too"
        );
        assert!(!gone.exists());
    }

    #[test]
    fn a_save_during_the_write_is_put_back_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        let theirs = path.clone();
        BEFORE_REPLACE.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move || std::fs::write(theirs, "theirs").unwrap()))
        });
        let outcome = replace_file(&path, b"ours", Some(&content_hash(b"old"))).unwrap();
        let Replaced::Changed {
            theirs: Some(theirs),
        } = outcome
        else {
            panic!("the save put back is handed over, got {outcome:?}");
        };
        assert_eq!(theirs.hash(), Some(content_hash(b"theirs").as_str()));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(names(dir.path()), vec!["a.md"]);
    }

    #[test]
    fn the_replaced_file_is_handed_back_and_can_be_put_back_in_place() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        // Another program has the file open, written in part, when the write swaps it out.
        let mut theirs = std::fs::File::create(&path).unwrap();
        theirs.write_all(b"their first half").unwrap();
        let seen = content_hash(b"their first half");
        let Replaced::Written {
            displaced: Some(displaced),
            ..
        } = replace_file(&path, b"ours", Some(&seen)).unwrap()
        else {
            panic!("the write hands back what it replaced");
        };
        theirs.write_all(b", second half").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"ours");
        assert_eq!(
            std::fs::read(&displaced).unwrap(),
            b"their first half, second half",
            "the late write is in the displaced file, which is still there"
        );
        let held = displaced.keep().unwrap();
        assert!(put_back(&held, &path, &content_hash(b"ours")[..32]).unwrap());
        assert_eq!(
            std::fs::read(&held).unwrap(),
            b"ours",
            "our bytes came out, for the caller to hold in turn"
        );
        theirs.write_all(b", and more").unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"their first half, second half, and more",
            "back in place, the program writes into the folder again"
        );
        assert!(!put_back(&held, &dir.path().join("gone.md"), "00").unwrap());
    }

    #[test]
    fn a_save_that_cannot_go_back_is_kept_next_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        for n in 1..=2 {
            let temp = dir.path().join(format!(".newsroom-Ab12C{n}.tmp"));
            std::fs::write(&temp, format!("save {n}")).unwrap();
            let kept = keep_aside(TempPath::try_from_path(&temp).unwrap(), &path).unwrap();
            assert_eq!(kept, dir.path().join(format!("story (kept {n}).md")));
            assert_eq!(std::fs::read_to_string(&kept).unwrap(), format!("save {n}"));
        }
        assert_eq!(
            names(dir.path()),
            vec!["story (kept 1).md", "story (kept 2).md"]
        );
    }

    #[test]
    fn only_the_names_our_writes_use_are_our_temporary_files() {
        assert!(is_our_temp_file(".newsroom-Ab12Cd.tmp"));
        for name in [
            ".newsroom-notes.txt",
            "newsroom-Ab12Cd.tmp",
            ".newsroom-Ab12Cd.tmp.md",
            ".newsroom-Ab12.tmp",
            ".newsroom-Ab-2Cd.tmp",
            ".other-Ab12Cd.tmp",
        ] {
            assert!(!is_our_temp_file(name), "{name}");
        }
    }

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
