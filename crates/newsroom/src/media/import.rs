//! Taking a photo file from disk: reading it with errors that say what to do, then checking it
//! and reading its embedded text.

use std::io::{self, Read};
use std::path::Path;

use super::embedded::{EmbeddedText, embedded_text};
use super::error::{MediaError, Rejection};
use super::inspect::{ImageInfo, inspect};
use super::limits::MAX_FILE_BYTES;
use crate::regular_file::{self, NotRegular, Opened};

/// Reads the photo at `path`, checks it with [`inspect`] and reads its [`embedded_text`].
/// Rejections name the file. A file over the size limit is refused without reading it all.
pub fn import_file(path: &Path) -> Result<(Vec<u8>, ImageInfo, EmbeddedText), MediaError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = read_photo_file(path).map_err(|e| e.for_file(&name))?;
    let info = inspect(&bytes).map_err(|e| e.for_file(&name))?;
    let text = embedded_text(&bytes, info.format);
    Ok((bytes, info, text))
}

fn read_photo_file(path: &Path) -> Result<Vec<u8>, MediaError> {
    let failed = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => MediaError::NotFound {
            path: path.to_path_buf(),
        },
        io::ErrorKind::PermissionDenied => MediaError::PermissionDenied {
            path: path.to_path_buf(),
        },
        _ => MediaError::Read {
            path: path.to_path_buf(),
            source,
        },
    };
    let (file, metadata) = match regular_file::open(path).map_err(failed)? {
        Opened::File(file, metadata) => (file, metadata),
        Opened::Missing => {
            return Err(MediaError::NotFound {
                path: path.to_path_buf(),
            });
        }
        Opened::NotRegular(NotRegular::Folder) => {
            return Err(MediaError::IsFolder {
                path: path.to_path_buf(),
            });
        }
        Opened::NotRegular(kind) => {
            return Err(MediaError::NotRegular {
                path: path.to_path_buf(),
                kind,
            });
        }
    };
    let too_large = |bytes| MediaError::rejected(Rejection::TooLarge { bytes });
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    // Reads at most one byte past the limit, in case the file grew since it was measured.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
