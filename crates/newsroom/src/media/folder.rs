//! The media folder beside the library database: each photo file stored once, named by the
//! SHA-256 of its bytes, so the same photo imported twice takes the space of one and a file's
//! name proves its content.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tempfile::NamedTempFile;

use crate::model::PhotoFile;

use super::error::MediaError;
use super::inspect::ImageInfo;
use super::name::original_name;

/// The content-addressed folder: `<root>/<first two hex digits>/<hash>.<extension>`. The
/// two-digit subfolders keep any one folder small enough for file managers and sync tools.
#[derive(Debug, Clone)]
pub struct MediaFolder {
    root: PathBuf,
}

impl MediaFolder {
    /// Opens the folder at `root`, creating it if needed.
    pub fn open(root: &Path) -> Result<MediaFolder, MediaError> {
        fs::create_dir_all(root).map_err(|source| MediaError::Write {
            path: root.to_path_buf(),
            source,
        })?;
        Ok(MediaFolder {
            root: root.to_path_buf(),
        })
    }

    /// The folder's location.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Stores `bytes` (already checked by [`super::inspect`], which gave `info`) and describes the
    /// stored file. Storing bytes that are already there writes nothing. The file appears whole
    /// or not at all: it is written to a temporary file in the same folder, flushed to disk and
    /// renamed into place.
    pub fn store(
        &self,
        bytes: &[u8],
        info: &ImageInfo,
        original: &str,
    ) -> Result<PhotoFile, MediaError> {
        let file = PhotoFile {
            hash: hex_sha256(bytes),
            format: info.format,
            width: info.width,
            height: info.height,
            bytes: bytes.len() as u64,
            original_name: original_name(original, info.format),
        };
        let path = self.path(&file);
        // Compared byte for byte rather than trusted by name, so a damaged copy gets replaced.
        let already_stored = fs::read(&path).is_ok_and(|stored| stored == bytes);
        if !already_stored {
            write_atomically(&path, bytes)?;
        }
        Ok(file)
    }

    /// Where the file of `file` lives. Always inside the media folder: a hash that is not 64 hex
    /// digits (a damaged library row) maps to a name that cannot exist there, which
    /// [`MediaFolder::read`] reports as a damaged reference.
    pub fn path(&self, file: &PhotoFile) -> PathBuf {
        if !is_sha256_hex(&file.hash) {
            return self.root.join("invalid-reference");
        }
        self.root
            .join(&file.hash[..2])
            .join(format!("{}.{}", file.hash, file.format.extension()))
    }

    /// The bytes of `file`, checked against its hash so that a damaged or replaced file is not
    /// passed on as the photo.
    pub fn read(&self, file: &PhotoFile) -> Result<Vec<u8>, MediaError> {
        if !is_sha256_hex(&file.hash) {
            return Err(MediaError::BadReference {
                name: file.original_name.clone(),
            });
        }
        let path = self.path(file);
        let bytes = fs::read(&path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => MediaError::MissingFile {
                name: file.original_name.clone(),
                path: path.clone(),
            },
            _ => MediaError::Read {
                path: path.clone(),
                source,
            },
        })?;
        if hex_sha256(&bytes) != file.hash {
            return Err(MediaError::ChangedFile {
                name: file.original_name.clone(),
                path,
            });
        }
        Ok(bytes)
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_sha256_hex(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Writes `bytes` to `path` through a temporary file in the same folder (so the rename cannot
/// cross file systems), synced before the rename and followed by a sync of the folder, so that
/// neither a crash nor a power cut leaves half a photo under the final name.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), MediaError> {
    let dir = path.parent().unwrap_or(path);
    let failed = |source| MediaError::Write {
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(failed)?;
    let mut temp = NamedTempFile::new_in(dir).map_err(failed)?;
    temp.write_all(bytes).map_err(failed)?;
    crate::durable::persist(temp, path).map_err(failed)
}
