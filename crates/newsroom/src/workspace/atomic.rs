//! Writing and removing files so that a crash never leaves half a file.
//!
//! A write goes to a temporary file in the same folder (so the rename stays on one file
//! system), is flushed to disk, renamed over the target and the folder flushed too: readers and
//! watchers see either the old file or the new one, whole.

use super::WorkspaceError;
use super::disk::stamp_of;
use super::layout::TEMP_PREFIX;
use crate::store::{FileStamp, sync_folder};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// SHA-256 of `bytes`, lowercase hex: the content hash agreement is based on.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Replaces (or creates) the file at `path` with `bytes`, atomically and durably, creating its
/// folder when needed. Returns the file's stamp, taken before the rename (which keeps it) so
/// that a write by someone else after the rename cannot hide behind it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<FileStamp, WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(error)?;
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    let stamp = stamp_of(&temp.as_file().metadata().map_err(error)?);
    temp.persist(path).map_err(|e| error(e.error))?;
    sync_folder(folder).map_err(error)?;
    Ok(stamp)
}

/// Removes the file at `path` (already gone is fine) and flushes its folder.
pub fn remove_durably(path: &Path) -> Result<(), WorkspaceError> {
    let error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(error(e)),
        _ => {}
    }
    match path.parent() {
        Some(folder) if folder.exists() => sync_folder(folder).map_err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("world").join("a.md");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.md")]);
        remove_durably(&path).unwrap();
        remove_durably(&path).unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
