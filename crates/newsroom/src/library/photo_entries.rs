//! The photo library as the editor browses it: each photo with the articles that use it, so
//! the editor sees what a caption change or a trash would affect.

use super::Library;
use crate::error::Result;
use crate::model::{ArticleSummary, Photo};
use serde::Serialize;
use ts_rs::TS;

/// A photo and the articles it appears in (most recently updated first).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PhotoEntry {
    pub photo: Photo,
    pub usage: Vec<ArticleSummary>,
}

impl Library {
    /// Photos matching `query` (caption, credit, alt text or file name; all when `None` or
    /// blank), from the trash when `trashed`, newest first, each with its usage.
    pub fn photo_entries(&self, query: Option<&str>, trashed: bool) -> Result<Vec<PhotoEntry>> {
        let query = query.map(str::trim).filter(|q| !q.is_empty());
        self.store
            .photos(query, trashed)?
            .into_iter()
            .map(|photo| {
                let usage = self.store.photo_usage(photo.id)?;
                Ok(PhotoEntry { photo, usage })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::library::AttachRequest;
    use crate::library::test_support::{library, png};
    use crate::model::{NewArticle, RevisionCause};
    use crate::store::PhotoText;

    #[test]
    fn entries_carry_their_usage_and_follow_the_query_and_trash() {
        let (mut lib, dir) = library();
        let article = lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: "Harbour fire".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        let path = dir.path().join("fire.png");
        std::fs::write(&path, png(20, 10)).unwrap();
        let used = lib
            .attach_photo_file(
                article.id,
                &path,
                &AttachRequest {
                    caption: Some("Smoke over the quay".into()),
                    ..AttachRequest::default()
                },
            )
            .unwrap();
        let text = PhotoText {
            caption: "Mayor at the podium".into(),
            ..PhotoText::default()
        };
        let (unused, _) = lib.store_mut().add_photo(None, &text).unwrap();

        let all = lib.photo_entries(None, false).unwrap();
        assert_eq!(all.len(), 2);
        let fire = all.iter().find(|e| e.photo.id == used.photo.id).unwrap();
        assert_eq!(fire.usage.len(), 1);
        assert_eq!(fire.usage[0].headline, "Harbour fire");
        let mayor = all.iter().find(|e| e.photo.id == unused.id).unwrap();
        assert!(mayor.usage.is_empty());

        let smoke = lib.photo_entries(Some("  smoke "), false).unwrap();
        assert_eq!(smoke.len(), 1);
        assert_eq!(smoke[0].photo.id, used.photo.id);
        assert_eq!(lib.photo_entries(Some("   "), false).unwrap().len(), 2);

        lib.store_mut().trash_photo(unused.id).unwrap();
        let trash = lib.photo_entries(None, true).unwrap();
        assert_eq!(trash.len(), 1);
        assert_eq!(trash[0].photo.id, unused.id);
    }
}
