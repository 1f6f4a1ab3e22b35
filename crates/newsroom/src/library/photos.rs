//! Photo actions that touch both the media folder and the database.

use super::Library;
use crate::error::Result;
use crate::media;
use crate::model::{ArticleId, Photo, PhotoId, PhotoRole, PhotoUse};
use crate::store::{PhotoPatch, PhotoText};
use std::path::Path;

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
        let file = self.media.store(&bytes, &info, &file_name(path))?;
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
        let article = self.store.article(article_id)?;
        if article.trashed_at.is_some() {
            return Err(crate::store::StoreError::Trashed(article_id).into());
        }
        let (photo, _) = self.import_photo(path)?;
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
}

/// The last component of a path, which is all the library remembers of where a file came from.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
