//! Photos: image files taken into the media folder and attached to articles, and the editor's
//! changes to a photo's words, to its use in an article, and the photo trash.

use super::Library;
use crate::error::Result;
use crate::media::{self, EmbeddedText, ImageInfo};
use crate::model::{ArticleId, Photo, PhotoId, PhotoRole, PhotoUse};
use crate::store::{PhotoPatch, PhotoText};
use std::path::{Path, PathBuf};

/// What the editor said when attaching a photo file. Empty fields keep what the image's own
/// metadata suggested (EXIF/IPTC/XMP caption and credit).
#[derive(Debug, Clone, Default)]
pub struct AttachRequest {
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
    pub featured: bool,
}

impl Library {
    /// Takes an image file into the library (once per distinct content), with its caption and
    /// credit prefilled from embedded metadata. Returns the photo and whether it is new.
    pub fn import_photo(&mut self, path: &Path) -> Result<(Photo, bool)> {
        let (bytes, info, embedded) = media::import_file(path)?;
        self.add_photo_bytes(&bytes, &info, embedded, &file_name(path))
    }

    /// Stores checked image bytes in the media folder and adds (or finds) their photo row.
    fn add_photo_bytes(
        &mut self,
        bytes: &[u8],
        info: &ImageInfo,
        embedded: EmbeddedText,
        name: &str,
    ) -> Result<(Photo, bool)> {
        let file = self.media.store(bytes, info, name)?;
        let text = PhotoText {
            caption: embedded.caption.unwrap_or_default(),
            credit: embedded.credit.unwrap_or_default(),
            alt: embedded.alt.unwrap_or_default(),
        };
        Ok(self.store.add_photo(Some(&file), &text)?)
    }

    /// Imports an image file and attaches it to an article. The article is checked first, so a
    /// wrong id stores nothing.
    pub fn attach_photo_file(
        &mut self,
        article_id: ArticleId,
        path: &Path,
        request: &AttachRequest,
    ) -> Result<PhotoUse> {
        self.check_attachable(article_id)?;
        let (photo, _) = self.import_photo(path)?;
        self.attach_imported(article_id, photo, request)
    }

    /// Attaches several image files (a drop or a multiple choice in a file dialog) in order.
    /// With `featured`, the first becomes the featured photo and the rest are inline. Stops at
    /// the first file that cannot be taken: the ones before it stay attached.
    pub fn attach_photo_files(
        &mut self,
        article_id: ArticleId,
        paths: &[PathBuf],
        featured: bool,
    ) -> Result<Vec<PhotoUse>> {
        self.check_attachable(article_id)?;
        paths
            .iter()
            .enumerate()
            .map(|(i, path)| {
                let request = AttachRequest {
                    featured: featured && i == 0,
                    ..AttachRequest::default()
                };
                self.attach_photo_file(article_id, path, &request)
            })
            .collect()
    }

    /// Takes image bytes that came without a file (a pasted image) and attaches them to an
    /// article; `pasted_name` is only remembered as the photo's original name (its last path
    /// component).
    pub fn attach_photo_bytes(
        &mut self,
        article_id: ArticleId,
        pasted_name: &str,
        bytes: &[u8],
        request: &AttachRequest,
    ) -> Result<PhotoUse> {
        self.check_attachable(article_id)?;
        let name = file_name(Path::new(pasted_name));
        let info = media::inspect(bytes).map_err(|e| e.for_file(&name))?;
        let embedded = media::embedded_text(bytes, info.format);
        let (photo, _) = self.add_photo_bytes(bytes, &info, embedded, &name)?;
        self.attach_imported(article_id, photo, request)
    }

    /// An article that can take photos: it exists and is not in the trash.
    fn check_attachable(&self, article_id: ArticleId) -> Result<()> {
        let article = self.store.article(article_id)?;
        if article.trashed_at.is_some() {
            return Err(crate::store::StoreError::Trashed(article_id).into());
        }
        Ok(())
    }

    /// Applies the editor's words to a just imported photo and attaches it.
    fn attach_imported(
        &mut self,
        article_id: ArticleId,
        photo: Photo,
        request: &AttachRequest,
    ) -> Result<PhotoUse> {
        let patch = PhotoPatch {
            caption: request.caption.clone(),
            credit: request.credit.clone(),
            alt: request.alt.clone(),
        };
        if patch != PhotoPatch::default() {
            self.store.update_photo(photo.id, &patch)?;
        }
        let role = if request.featured {
            PhotoRole::Featured
        } else {
            PhotoRole::Inline
        };
        Ok(self.store.attach_photo(article_id, photo.id, role, None)?)
    }

    /// Gives a photo that awaits its image (from an import) the file at `path`.
    pub fn give_photo_file(&mut self, photo_id: PhotoId, path: &Path) -> Result<Photo> {
        self.store.photo(photo_id)?;
        let (bytes, info, _) = media::import_file(path)?;
        let file = self.media.store(&bytes, &info, &file_name(path))?;
        Ok(self.store.set_photo_file(photo_id, &file)?)
    }

    /// Changes a photo's caption, credit or alt text everywhere it is used.
    pub fn update_photo(&mut self, photo_id: PhotoId, patch: &PhotoPatch) -> Result<Photo> {
        Ok(self.store.update_photo(photo_id, patch)?)
    }

    /// Sets the caption this article prints for one of its photos, or with `None` goes back to
    /// the photo's own caption.
    pub fn set_caption_override(
        &mut self,
        article_id: ArticleId,
        photo_id: PhotoId,
        caption: Option<&str>,
    ) -> Result<PhotoUse> {
        Ok(self
            .store
            .set_caption_override(article_id, photo_id, caption)?)
    }

    /// Makes one of the library's photos the article's featured photo; the previous featured
    /// photo becomes an inline one.
    pub fn set_featured_photo(
        &mut self,
        article_id: ArticleId,
        photo_id: PhotoId,
    ) -> Result<PhotoUse> {
        Ok(self
            .store
            .attach_photo(article_id, photo_id, PhotoRole::Featured, None)?)
    }

    /// Takes a photo out of an article; it stays in the library.
    pub fn detach_photo(&mut self, article_id: ArticleId, photo_id: PhotoId) -> Result<()> {
        Ok(self.store.detach_photo(article_id, photo_id)?)
    }

    /// Moves a photo no article uses to the trash (a used one is refused, naming its articles).
    pub fn trash_photo(&mut self, photo_id: PhotoId) -> Result<()> {
        Ok(self.store.trash_photo(photo_id)?)
    }

    /// Brings a photo back from the trash.
    pub fn untrash_photo(&mut self, photo_id: PhotoId) -> Result<()> {
        Ok(self.store.untrash_photo(photo_id)?)
    }
}

/// The last component of a path, which is all the library remembers of where a file came from.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::test_support::{library, png};
    use crate::model::{NewArticle, RevisionCause};

    fn article(lib: &mut Library) -> ArticleId {
        let new = NewArticle {
            headline: "Storm".into(),
            ..NewArticle::default()
        };
        let store = lib.store_mut();
        store
            .create_article(&new, RevisionCause::Manual)
            .unwrap()
            .id
    }

    #[test]
    fn pasted_bytes_become_an_attached_photo_named_after_the_last_component() {
        let (mut lib, _dir) = library();
        let id = article(&mut lib);
        let used = lib
            .attach_photo_bytes(
                id,
                "../../etc/clip.png",
                &png(12, 8),
                &AttachRequest::default(),
            )
            .unwrap();
        let file = used.photo.file.as_ref().unwrap();
        assert_eq!(file.original_name, "clip.png");
        assert_eq!((file.width, file.height), (12, 8));
        assert_eq!(used.role, PhotoRole::Inline);
        assert!(lib.media().path(file).starts_with(lib.media().root()));
    }

    #[test]
    fn pasted_bytes_that_are_not_an_image_are_refused_and_store_nothing() {
        let (mut lib, _dir) = library();
        let id = article(&mut lib);
        let err = lib
            .attach_photo_bytes(id, "notes.png", b"plain text", &AttachRequest::default())
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Unsupported);
        assert!(err.to_string().contains("notes.png"), "{err}");
        assert!(lib.photo_entries(None, false).unwrap().is_empty());

        let err = lib
            .attach_photo_bytes(99, "a.png", &png(2, 2), &AttachRequest::default())
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert!(lib.photo_entries(None, false).unwrap().is_empty());
    }

    #[test]
    fn several_files_attach_in_order_with_only_the_first_featured() {
        let (mut lib, dir) = library();
        let id = article(&mut lib);
        let paths: Vec<PathBuf> = (1..=3)
            .map(|i| {
                let path = dir.path().join(format!("p{i}.png"));
                std::fs::write(&path, png(10 + i, 10)).unwrap();
                path
            })
            .collect();
        let uses = lib.attach_photo_files(id, &paths, true).unwrap();
        let roles: Vec<PhotoRole> = uses.iter().map(|u| u.role).collect();
        assert_eq!(
            roles,
            vec![PhotoRole::Featured, PhotoRole::Inline, PhotoRole::Inline]
        );

        let missing = vec![dir.path().join("p1.png"), dir.path().join("nope.png")];
        let err = lib.attach_photo_files(id, &missing, false).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert!(err.to_string().contains("nope.png"), "{err}");
    }

    #[test]
    fn trashed_articles_take_no_photos() {
        let (mut lib, _dir) = library();
        let id = article(&mut lib);
        lib.store_mut().trash(id).unwrap();
        let err = lib
            .attach_photo_bytes(id, "a.png", &png(2, 2), &AttachRequest::default())
            .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Trashed);
    }
}
