//! Reading an article file from disk, refusing what is not a reasonable text file.

use super::error::{ImportError, MAX_FILE_BYTES};
use super::text::normalize;
use crate::regular_file::{self, NotRegular, Opened};
use std::io::{ErrorKind, Read};
use std::path::Path;

/// Reads the UTF-8 text file at `path`, without a byte-order mark and with `\n` line endings.
///
/// Refuses folders, links, FIFOs and devices (never followed or waited on), files over
/// [`MAX_FILE_BYTES`] (checked before reading, and again while reading in case the file
/// grows), binary files (any NUL byte) and text in another encoding, each with its own error
/// so the editor knows what to do.
pub fn read_text_file(path: &Path) -> Result<String, ImportError> {
    let read_error = |source: std::io::Error| match source.kind() {
        ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Read {
            path: path.to_path_buf(),
            source,
        },
    };
    let (file, metadata) = match regular_file::open(path).map_err(read_error)? {
        Opened::File(file, metadata) => (file, metadata),
        Opened::Missing => {
            return Err(ImportError::NotFound {
                path: path.to_path_buf(),
            });
        }
        Opened::NotRegular(NotRegular::Folder) => {
            return Err(ImportError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Opened::NotRegular(kind) => {
            return Err(ImportError::NotRegular {
                path: path.to_path_buf(),
                kind,
            });
        }
    };
    let too_large = |bytes| ImportError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    decode(&bytes, path)
}

/// Turns bytes from anywhere (a file, standard input) into text with the same rules as
/// [`read_text_file`]: UTF-8 only, no NUL byte, no BOM, `\n` line endings. `name` says where
/// the bytes came from, for the message.
pub fn decode_text(bytes: &[u8], name: &str) -> Result<String, ImportError> {
    decode(bytes, Path::new(name))
}

fn decode(bytes: &[u8], path: &Path) -> Result<String, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    Ok(normalize(text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn text_is_returned_without_bom_and_with_unix_line_endings() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            &dir,
            "a.md",
            "\u{feff}# Título\r\n\r\n“Hola”\r\n".as_bytes(),
        );
        assert_eq!(read_text_file(&path).unwrap(), "# Título\n\n“Hola”\n");
    }

    #[test]
    fn bytes_from_standard_input_follow_the_same_rules() {
        assert_eq!(decode_text(b"a\r\nb", "standard input").unwrap(), "a\nb");
        let err = decode_text(b"\xff\xfe", "standard input").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("“standard input” is not UTF-8 text"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_text_file(&dir.path().join("gone.md")).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert!(err.to_string().contains("gone.md"), "{err}");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_text_file(dir.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_without_reading_what_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let secret = write(&dir, "credentials", b"password = hunter2\n");
        let link = dir.path().join("story.md");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let err = read_text_file(&link).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn binary_and_non_utf8_files_are_refused_with_different_advice() {
        let dir = tempfile::tempdir().unwrap();
        let png = write(&dir, "x.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let err = read_text_file(&png).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        let message = err.to_string();
        assert!(
            message.contains("x.md” is not UTF-8 text (it looks like a binary file)"),
            "{message}"
        );
        let latin1 = write(&dir, "old.txt", b"Espa\xf1a gana");
        let err = read_text_file(&latin1).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        assert!(err.to_string().contains("save it with UTF-8"), "{err}");
    }

    #[test]
    fn a_50_mb_file_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(50 * 1024 * 1024).unwrap();
        let err = read_text_file(&path).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::TooLarge);
        assert!(err.to_string().contains("50.0 MB"), "{err}");
    }

    #[test]
    fn a_file_at_the_limit_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "edge.txt", &vec![b'a'; MAX_FILE_BYTES as usize]);
        assert_eq!(read_text_file(&path).unwrap().len() as u64, MAX_FILE_BYTES);
    }
}
