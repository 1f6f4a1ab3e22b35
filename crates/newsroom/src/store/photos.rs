//! Photo rows and their uses in articles. The files themselves live in the media folder
//! ([`crate::media`]); a row without a file is a photo awaiting its image.

use super::articles::{self, SUMMARY_COLUMNS, load_live, summary_from_row};
use super::{Store, StoreError};
use crate::model::{
    ArticleId, ArticleSummary, ImageFormat, Photo, PhotoFile, PhotoId, PhotoRole, PhotoUse,
};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The words that go with a photo.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoText {
    pub caption: String,
    pub credit: String,
    pub alt: String,
}

/// A change to a photo's words: only the fields that are `Some` change (as JSON, the others
/// are left out).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct PhotoPatch {
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

const PHOTO_COLUMNS: &str = "p.id, p.caption, p.credit, p.alt, p.created_at, p.trashed_at, \
     p.hash, p.format, p.width, p.height, p.bytes, p.original_name";

fn photo_from_row(row: &Row<'_>) -> rusqlite::Result<Photo> {
    let hash: Option<String> = row.get(6)?;
    let format: Option<String> = row.get(7)?;
    let file = match (
        hash,
        format.as_deref().and_then(ImageFormat::from_extension),
    ) {
        (Some(hash), Some(format)) => Some(PhotoFile {
            hash,
            format,
            width: row.get(8)?,
            height: row.get(9)?,
            bytes: row.get::<_, i64>(10)?.unsigned_abs(),
            original_name: row.get(11)?,
        }),
        _ => None,
    };
    Ok(Photo {
        id: row.get(0)?,
        caption: row.get(1)?,
        credit: row.get(2)?,
        alt: row.get(3)?,
        created_at: row.get(4)?,
        trashed_at: row.get(5)?,
        file,
    })
}

fn load(tx: &rusqlite::Connection, id: PhotoId) -> Result<Photo, StoreError> {
    tx.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos p WHERE p.id = ?1"
    ))?
    .query_row([id], photo_from_row)
    .optional()?
    .ok_or(StoreError::PhotoNotFound(id))
}

fn by_hash(tx: &rusqlite::Connection, hash: &str) -> Result<Option<Photo>, StoreError> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {PHOTO_COLUMNS} FROM photos p WHERE p.hash = ?1"
        ))?
        .query_row([hash], photo_from_row)
        .optional()?)
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Store {
    /// Adds a photo to the library. With a file whose bytes are already in the library, the
    /// existing photo is returned instead (and its empty caption, credit or alt filled in).
    /// Without a file, the photo awaits its image. Returns the photo and whether it is new.
    pub fn add_photo(
        &mut self,
        file: Option<&PhotoFile>,
        text: &PhotoText,
    ) -> Result<(Photo, bool), StoreError> {
        self.write(|tx, now| {
            if let Some(existing) = file.map(|f| by_hash(tx, &f.hash)).transpose()?.flatten() {
                tx.execute(
                    "UPDATE photos SET
                         caption = CASE caption WHEN '' THEN ?2 ELSE caption END,
                         credit = CASE credit WHEN '' THEN ?3 ELSE credit END,
                         alt = CASE alt WHEN '' THEN ?4 ELSE alt END,
                         trashed_at = NULL
                     WHERE id = ?1",
                    params![
                        existing.id,
                        clean(&text.caption),
                        clean(&text.credit),
                        clean(&text.alt)
                    ],
                )?;
                return Ok((load(tx, existing.id)?, false));
            }
            tx.execute(
                "INSERT INTO photos (hash, format, width, height, bytes, original_name,
                     caption, credit, alt, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    file.map(|f| &f.hash),
                    file.map(|f| f.format.extension()),
                    file.map(|f| f.width),
                    file.map(|f| f.height),
                    file.map(|f| f.bytes as i64),
                    file.map_or("", |f| &f.original_name),
                    clean(&text.caption),
                    clean(&text.credit),
                    clean(&text.alt),
                    now,
                ],
            )?;
            Ok((load(tx, tx.last_insert_rowid())?, true))
        })
    }

    /// The photo with this id.
    pub fn photo(&self, id: PhotoId) -> Result<Photo, StoreError> {
        load(&self.conn, id)
    }

    /// The photo whose file has this SHA-256 (hex), if the library has it.
    pub fn photo_with_hash(&self, hash: &str) -> Result<Option<Photo>, StoreError> {
        by_hash(&self.conn, hash)
    }

    /// Photos of the library, newest first; `query` matches caption, credit, alt text or file
    /// name (case-insensitive).
    pub fn photos(&self, query: Option<&str>, trashed: bool) -> Result<Vec<Photo>, StoreError> {
        let pattern = query.map(|q| format!("%{}%", q.trim().replace(['%', '_'], "")));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PHOTO_COLUMNS} FROM photos p
             WHERE (p.trashed_at IS NOT NULL) = ?1
               AND (?2 IS NULL OR p.caption LIKE ?2 OR p.credit LIKE ?2 OR p.alt LIKE ?2
                    OR p.original_name LIKE ?2)
             ORDER BY p.created_at DESC, p.id DESC"
        ))?;
        let rows = stmt.query_map(params![trashed, pattern], photo_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes a photo's caption, credit or alt text everywhere it is used.
    pub fn update_photo(&mut self, id: PhotoId, patch: &PhotoPatch) -> Result<Photo, StoreError> {
        self.write(|tx, _| {
            let photo = load(tx, id)?;
            tx.execute(
                "UPDATE photos SET caption = ?2, credit = ?3, alt = ?4 WHERE id = ?1",
                params![
                    id,
                    patch.caption.as_deref().map_or(photo.caption, clean),
                    patch.credit.as_deref().map_or(photo.credit, clean),
                    patch.alt.as_deref().map_or(photo.alt, clean),
                ],
            )?;
            load(tx, id)
        })
    }

    /// Gives a photo that awaits its image (or has a wrong one) its file.
    pub fn set_photo_file(&mut self, id: PhotoId, file: &PhotoFile) -> Result<Photo, StoreError> {
        self.write(|tx, _| {
            load(tx, id)?;
            if let Some(other) = by_hash(tx, &file.hash)?
                && other.id != id
            {
                return Err(StoreError::PhotoFileTaken(other.id));
            }
            tx.execute(
                "UPDATE photos SET hash = ?2, format = ?3, width = ?4, height = ?5, bytes = ?6,
                     original_name = ?7
                 WHERE id = ?1",
                params![
                    id,
                    file.hash,
                    file.format.extension(),
                    file.width,
                    file.height,
                    file.bytes as i64,
                    file.original_name
                ],
            )?;
            load(tx, id)
        })
    }

    /// Moves an unused photo to the trash (used photos are refused, naming their articles).
    pub fn trash_photo(&mut self, id: PhotoId) -> Result<(), StoreError> {
        let users = self.photo_usage(id)?;
        if !users.is_empty() {
            let articles = users
                .iter()
                .map(|a| format!("“{}” ({})", a.headline, a.id))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(StoreError::PhotoInUse {
                photo: id,
                articles,
            });
        }
        self.write(|tx, now| {
            tx.execute(
                "UPDATE photos SET trashed_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            Ok(())
        })
    }

    /// Brings a photo back from the trash.
    pub fn untrash_photo(&mut self, id: PhotoId) -> Result<(), StoreError> {
        self.write(|tx, _| {
            load(tx, id)?;
            tx.execute("UPDATE photos SET trashed_at = NULL WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Attaches a photo to an article (or changes how it is attached). Making it `Featured`
    /// turns the previous featured photo into an inline one.
    pub fn attach_photo(
        &mut self,
        article_id: ArticleId,
        photo_id: PhotoId,
        role: PhotoRole,
        caption_override: Option<&str>,
    ) -> Result<PhotoUse, StoreError> {
        self.write(|tx, now| {
            load_live(tx, article_id)?;
            let photo = load(tx, photo_id)?;
            if role == PhotoRole::Featured {
                tx.execute(
                    "UPDATE article_photos SET role = 'inline'
                     WHERE article_id = ?1 AND role = 'featured' AND photo_id <> ?2",
                    params![article_id, photo_id],
                )?;
            }
            let caption_override = caption_override
                .map(clean)
                .filter(|c| !c.is_empty() && *c != photo.caption);
            tx.execute(
                "INSERT INTO article_photos (article_id, photo_id, role, position, caption_override)
                 VALUES (?1, ?2, ?3,
                         (SELECT coalesce(max(position), 0) + 1 FROM article_photos WHERE article_id = ?1),
                         ?4)
                 ON CONFLICT (article_id, photo_id) DO UPDATE SET
                     role = excluded.role,
                     caption_override = coalesce(excluded.caption_override, caption_override)",
                params![article_id, photo_id, role.as_str(), caption_override],
            )?;
            tx.execute(
                "UPDATE articles SET updated_at = ?2 WHERE id = ?1",
                params![article_id, now],
            )?;
            use_of(tx, article_id, photo_id)
        })
    }

    /// Sets or clears the caption this article prints for one of its photos.
    pub fn set_caption_override(
        &mut self,
        article_id: ArticleId,
        photo_id: PhotoId,
        caption: Option<&str>,
    ) -> Result<PhotoUse, StoreError> {
        self.write(|tx, _| {
            use_of(tx, article_id, photo_id)?;
            tx.execute(
                "UPDATE article_photos SET caption_override = ?3 WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id, caption.map(clean).filter(|c| !c.is_empty())],
            )?;
            use_of(tx, article_id, photo_id)
        })
    }

    /// Removes a photo from an article (the photo stays in the library).
    pub fn detach_photo(
        &mut self,
        article_id: ArticleId,
        photo_id: PhotoId,
    ) -> Result<(), StoreError> {
        self.write(|tx, _| {
            load_live(tx, article_id)?;
            let removed = tx.execute(
                "DELETE FROM article_photos WHERE article_id = ?1 AND photo_id = ?2",
                params![article_id, photo_id],
            )?;
            if removed == 0 {
                return Err(StoreError::PhotoNotAttached {
                    photo: photo_id,
                    article: article_id,
                });
            }
            Ok(())
        })
    }

    /// The photos of an article: the featured one first, then in the order they were attached.
    pub fn photo_uses(&self, article_id: ArticleId) -> Result<Vec<PhotoUse>, StoreError> {
        articles::load(&self.conn, article_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PHOTO_COLUMNS}, ap.role, ap.position, ap.caption_override
             FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
             WHERE ap.article_id = ?1
             ORDER BY ap.role = 'featured' DESC, ap.position"
        ))?;
        let rows = stmt.query_map([article_id], |r| use_from_row(article_id, r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The articles that use a photo.
    pub fn photo_usage(&self, photo_id: PhotoId) -> Result<Vec<ArticleSummary>, StoreError> {
        load(&self.conn, photo_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a
             WHERE a.id IN (SELECT article_id FROM article_photos WHERE photo_id = ?1)
             ORDER BY a.updated_at DESC"
        ))?;
        let rows = stmt.query_map([photo_id], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn use_from_row(article_id: ArticleId, row: &Row<'_>) -> rusqlite::Result<PhotoUse> {
    let role: String = row.get(12)?;
    Ok(PhotoUse {
        article_id,
        photo: photo_from_row(row)?,
        role: if role == "featured" {
            PhotoRole::Featured
        } else {
            PhotoRole::Inline
        },
        position: row.get(13)?,
        caption_override: row.get(14)?,
    })
}

fn use_of(
    tx: &rusqlite::Connection,
    article_id: ArticleId,
    photo_id: PhotoId,
) -> Result<PhotoUse, StoreError> {
    tx.prepare_cached(&format!(
        "SELECT {PHOTO_COLUMNS}, ap.role, ap.position, ap.caption_override
         FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ?1 AND ap.photo_id = ?2"
    ))?
    .query_row(params![article_id, photo_id], |r| {
        use_from_row(article_id, r)
    })
    .optional()?
    .ok_or_else(|| StoreError::PhotoNotAttached {
        photo: photo_id,
        article: article_id,
    })
}
