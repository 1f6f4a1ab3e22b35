//! Serving photo files to a viewer (the desktop app's `media` scheme): originals and cached
//! thumbnails, addressed only by content hash and extension, so nothing outside the media
//! folder can ever be named.

use super::Library;
use crate::error::Result;
use crate::media::{self, MediaFolder};
use crate::model::{ImageFormat, PhotoFile};
use std::fs;
use std::io::Write;
use std::path::PathBuf;

/// Longest side of the thumbnails shown in lists and photo pickers.
pub const THUMBNAIL_SIDE: u32 = 256;

/// Folder inside the media folder that caches thumbnails. Its name cannot clash with the
/// two-hex-digit folders that hold the originals.
pub const THUMBNAILS_FOLDER: &str = "thumbs";

/// A photo file as a viewer asks for it: `<sha-256 hex>.<extension>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaName {
    hash: String,
    format: ImageFormat,
}

impl MediaName {
    /// Accepts exactly 64 lowercase hex digits, a dot and the library's extension for a format
    /// (`jpg`, `png`, `webp`, `gif`); anything else (paths, `..`, other names) is `None`.
    pub fn parse(name: &str) -> Option<MediaName> {
        let (hash, extension) = name.split_once('.')?;
        let is_hash =
            hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let format = ImageFormat::from_extension(extension)?;
        (is_hash && format.extension() == extension).then(|| MediaName {
            hash: hash.to_string(),
            format,
        })
    }

    /// The file as the media folder knows it; only the hash and format matter to it.
    fn as_photo_file(&self) -> PhotoFile {
        PhotoFile {
            hash: self.hash.clone(),
            format: self.format,
            width: 0,
            height: 0,
            bytes: 0,
            original_name: format!("{}.{}", self.hash, self.format.extension()),
        }
    }
}

/// Image bytes and their MIME type, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaBytes {
    pub bytes: Vec<u8>,
    pub mime: &'static str,
}

/// Read access to the media folder without the database: cheap to clone and usable from
/// another thread while the library is busy saving.
#[derive(Debug, Clone)]
pub struct MediaFiles {
    folder: MediaFolder,
}

impl MediaFiles {
    /// The original file, checked against its hash (a changed file is not served).
    pub fn original(&self, name: &MediaName) -> Result<MediaBytes> {
        let bytes = self.folder.read(&name.as_photo_file())?;
        Ok(MediaBytes {
            bytes,
            mime: name.format.mime(),
        })
    }

    /// A preview at most [`THUMBNAIL_SIDE`] pixels on its longer side (JPEG, or PNG when the
    /// photo has transparency), made once and then read from the thumbnail cache.
    pub fn thumbnail(&self, name: &MediaName) -> Result<MediaBytes> {
        let cached = self.thumbnail_path(name);
        if let Some(hit) = fs::read(&cached).ok().and_then(with_mime) {
            return Ok(hit);
        }
        let original = self.folder.read(&name.as_photo_file())?;
        let bytes = media::thumbnail(&original, name.format, THUMBNAIL_SIDE)?;
        // The cache only saves time: a thumbnail that cannot be written is still served.
        let _ = write_cache(&cached, &bytes);
        let mime = media::detect_format(&bytes).map_or(name.format.mime(), ImageFormat::mime);
        Ok(MediaBytes { bytes, mime })
    }

    fn thumbnail_path(&self, name: &MediaName) -> PathBuf {
        self.folder
            .root()
            .join(THUMBNAILS_FOLDER)
            .join(format!("{}-{THUMBNAIL_SIDE}", name.hash))
    }
}

/// Cached bytes with the MIME type of what they are; `None` for a damaged cache entry, which
/// is then made again.
fn with_mime(bytes: Vec<u8>) -> Option<MediaBytes> {
    let format = media::detect_format(&bytes)?;
    Some(MediaBytes {
        bytes,
        mime: format.mime(),
    })
}

/// Writes a cache entry whole or not at all (temporary file, then rename). No sync: a cache
/// entry lost to a power cut is simply made again.
fn write_cache(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(path);
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

impl Library {
    /// Read access to the media folder, for serving photos while the library does other work.
    pub fn media_files(&self) -> MediaFiles {
        MediaFiles {
            folder: self.media.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::test_support::{library, png};

    fn stored(lib: &Library, width: u32, height: u32) -> MediaName {
        let bytes = png(width, height);
        let info = media::inspect(&bytes).unwrap();
        let file = lib.media().store(&bytes, &info, "shot.png").unwrap();
        MediaName::parse(&format!("{}.png", file.hash)).unwrap()
    }

    #[test]
    fn names_are_a_hash_and_a_known_extension_only() {
        let hash = "ab".repeat(32);
        assert!(MediaName::parse(&format!("{hash}.jpg")).is_some());
        assert!(MediaName::parse(&format!("{hash}.webp")).is_some());
        for bad in [
            format!("{hash}.jpeg"),
            format!("{hash}.exe"),
            format!("{hash}.png.png"),
            format!("{}.png", "AB".repeat(32)),
            format!("{}.png", "ab".repeat(31)),
            format!("../{hash}.png"),
            format!("ab/{hash}.png"),
            "library.db".to_string(),
            String::new(),
        ] {
            assert_eq!(MediaName::parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn originals_are_served_with_their_type_and_checked() {
        let (lib, _dir) = library();
        let name = stored(&lib, 30, 20);
        let files = lib.media_files();
        let served = files.original(&name).unwrap();
        assert_eq!(served.mime, "image/png");
        assert_eq!(served.bytes, png(30, 20));

        let missing = MediaName::parse(&format!("{}.png", "0".repeat(64))).unwrap();
        assert_eq!(
            files.original(&missing).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );

        let path = lib.media().path(&name.as_photo_file());
        fs::write(&path, png(31, 20)).unwrap();
        assert_eq!(
            files.original(&name).unwrap_err().kind(),
            crate::ErrorKind::Corrupt
        );
    }

    #[test]
    fn thumbnails_are_small_cached_and_remade_when_damaged() {
        let (lib, _dir) = library();
        let name = stored(&lib, 600, 300);
        let files = lib.media_files();
        let thumb = files.thumbnail(&name).unwrap();
        assert_eq!(thumb.mime, "image/jpeg");
        let decoded = image::load_from_memory(&thumb.bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (256, 128));

        let cached = files.thumbnail_path(&name);
        assert_eq!(fs::read(&cached).unwrap(), thumb.bytes);
        assert_eq!(files.thumbnail(&name).unwrap(), thumb);

        fs::write(&cached, b"garbage").unwrap();
        assert_eq!(files.thumbnail(&name).unwrap(), thumb);
        assert_eq!(fs::read(&cached).unwrap(), thumb.bytes);
    }

    #[test]
    fn small_photos_are_not_enlarged_and_missing_ones_are_not_found() {
        let (lib, _dir) = library();
        let name = stored(&lib, 40, 30);
        let thumb = lib.media_files().thumbnail(&name).unwrap();
        let decoded = image::load_from_memory(&thumb.bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (40, 30));

        let missing = MediaName::parse(&format!("{}.gif", "f".repeat(64))).unwrap();
        let err = lib.media_files().thumbnail(&missing).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }
}
