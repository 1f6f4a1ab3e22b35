//! The export folder: the only place export writes, and the only code that joins paths.
//!
//! Every file name is built here from parts that cannot name another folder: a slug that
//! passed [`crate::slug::validate`], or a hex digest with a fixed extension. Writes go to a
//! temporary file in the same folder and are renamed into place, so a reader (or a crash)
//! never sees half a page.

use super::ExportError;
use crate::model::ImageFormat;
use crate::slug;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the listing written when several articles are exported.
pub(super) const INDEX_PAGE: &str = "index.html";
/// Subfolder holding exported images.
pub(super) const IMAGES_DIR: &str = "images";

/// A folder that exists (created when missing) and that export may write into.
#[derive(Debug)]
pub(super) struct OutDir {
    root: PathBuf,
}

impl OutDir {
    /// Opens `root` for writing, creating it (and its parents) when missing; refuses a path
    /// that is a file.
    pub(super) fn prepare(root: &Path) -> Result<OutDir, ExportError> {
        ensure_folder(root, |p| fs::metadata(p))?;
        Ok(OutDir {
            root: root.to_path_buf(),
        })
    }

    /// Where the page of the article with this slug goes: `<root>/<slug>.html`.
    pub(super) fn page_path(&self, slug: &str) -> Result<PathBuf, slug::SlugError> {
        slug::validate(slug)?;
        Ok(self.root.join(format!("{slug}.html")))
    }

    /// Where the index listing goes.
    pub(super) fn index_path(&self) -> PathBuf {
        self.root.join(INDEX_PAGE)
    }

    /// Writes an image named by its digest under `<root>/images/`, creating that folder on the
    /// first image. Returns the path written and the page-relative URL.
    pub(super) fn write_image(
        &self,
        digest: &HexDigest,
        format: ImageFormat,
        bytes: &[u8],
    ) -> Result<(PathBuf, String), ExportError> {
        let dir = self.root.join(IMAGES_DIR);
        // Not following a symlink here keeps a planted `images` link from sending files
        // outside the export folder.
        ensure_folder(&dir, |p| fs::symlink_metadata(p))?;
        let name = format!("{}.{}", digest.as_str(), format.extension());
        let path = dir.join(&name);
        write_atomic(&path, bytes)?;
        Ok((path, format!("{IMAGES_DIR}/{name}")))
    }
}

/// A lowercase hex SHA-256, computed by export itself: safe as a file name by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HexDigest(String);

impl HexDigest {
    pub(super) fn of(bytes: &[u8]) -> HexDigest {
        use sha2::Digest;
        use std::fmt::Write as _;
        let digest = sha2::Sha256::digest(bytes);
        let mut hex = String::with_capacity(digest.len() * 2);
        for byte in digest.iter() {
            // Writing to a String cannot fail.
            let _ = write!(hex, "{byte:02x}");
        }
        HexDigest(hex)
    }

    pub(super) fn as_str(&self) -> &str {
        &self.0
    }
}

/// Makes sure `path` is a folder, creating it when nothing is there.
fn ensure_folder(
    path: &Path,
    metadata: fn(&Path) -> std::io::Result<fs::Metadata>,
) -> Result<(), ExportError> {
    match metadata(path) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(ExportError::NotAFolder {
            path: path.to_path_buf(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(path).map_err(|source| ExportError::CreateFolder {
                path: path.to_path_buf(),
                source,
            })
        }
        Err(source) => Err(ExportError::CreateFolder {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it.
///
/// A regular file that already holds exactly these bytes is left alone: exports are
/// deterministic, so re-exporting unchanged articles costs no writes (replacing a file by
/// rename makes ext4 flush it to disk, ten times the cost of the page itself) and keeps the
/// files' dates, which sync and deploy tools rely on.
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    if holds_exactly(path, bytes) {
        return Ok(());
    }
    let fail = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsroom-export-");
    // Pages and images are meant to be served, so they are world-readable like any file an
    // editor saves; temporary files start private.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut file = builder.tempfile_in(dir).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    // Replaced as it is (not flushed: an export can always be made again), retried while
    // another program holds the page.
    let file = file.into_temp_path();
    crate::durable::replace(&file, path).map_err(fail)?;
    let _ = file.keep();
    Ok(())
}

/// Whether `path` is a regular file (not a link) whose content is `bytes`.
fn holds_exactly(path: &Path, bytes: &[u8]) -> bool {
    let same_size = fs::symlink_metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.len() == bytes.len() as u64);
    same_size && fs::read(path).is_ok_and(|existing| existing == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folders_are_created_and_files_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let nested = tmp.path().join("a/b/site");
        OutDir::prepare(&nested).unwrap();
        assert!(nested.is_dir());

        let file = tmp.path().join("page.html");
        fs::write(&file, "x").unwrap();
        let err = OutDir::prepare(&file).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
        assert!(err.to_string().contains("not a folder"), "{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "x");
    }

    #[test]
    fn page_paths_stay_inside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::prepare(tmp.path()).unwrap();
        assert_eq!(
            out.page_path("budget").unwrap(),
            tmp.path().join("budget.html")
        );
        for bad in ["../x", "/abs", "a/b", "..\\x", "", ".", "a.b"] {
            assert!(out.page_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn images_are_named_by_digest_and_written_atomically() {
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::prepare(tmp.path()).unwrap();
        let digest = HexDigest::of(b"pixels");
        assert_eq!(digest.as_str().len(), 64);
        assert!(digest.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        let (path, url) = out
            .write_image(&digest, ImageFormat::Png, b"pixels")
            .unwrap();
        assert_eq!(url, format!("images/{}.png", digest.as_str()));
        assert_eq!(path, tmp.path().join(&url));
        assert_eq!(fs::read(&path).unwrap(), b"pixels");
        let leftovers: Vec<_> = fs::read_dir(tmp.path().join(IMAGES_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_images_symlink_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), tmp.path().join(IMAGES_DIR)).unwrap();
        let out = OutDir::prepare(tmp.path()).unwrap();
        let err = out
            .write_image(&HexDigest::of(b"x"), ImageFormat::Png, b"x")
            .unwrap_err();
        assert!(matches!(err, ExportError::NotAFolder { .. }), "{err}");
        assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_left_alone_and_changed_ones_replaced() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("p.html");
        write_atomic(&path, b"<p>one").unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        write_atomic(&path, b"<p>one").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode, "not rewritten");
        write_atomic(&path, b"<p>two").unwrap();
        assert_ne!(
            fs::metadata(&path).unwrap().ino(),
            inode,
            "replaced by rename"
        );
        assert_eq!(fs::read(&path).unwrap(), b"<p>two");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_replaced_even_when_its_target_matches() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("t.html");
        fs::write(&target, b"<p>same").unwrap();
        let path = tmp.path().join("p.html");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        write_atomic(&path, b"<p>same").unwrap();
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
        write_atomic(&path, b"<p>new").unwrap();
        assert_eq!(
            fs::read(&target).unwrap(),
            b"<p>same",
            "the outside file is untouched"
        );
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_a_web_server() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("p.html");
        write_atomic(&path, b"<p>").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}
