//! What the library remembers of publishing: the sites, the post each article became on each
//! site, the photos uploaded, and every publication (see migration 0005).

use std::path::PathBuf;

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};
use crate::model::{ArticleId, Timestamp};
use crate::publish::{SecretPlace, Site, SiteKind};

/// The post an article became on a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPost {
    pub post_id: String,
    pub url: String,
    /// The site's last-modified time of the post when Newsroom last wrote it.
    pub modified: String,
}

/// A photo file as uploaded to a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedPhoto {
    pub media_id: String,
    pub url: String,
}

/// One publication of an article, for its history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Publication {
    pub site: String,
    pub site_url: String,
    pub post_id: String,
    /// Where the post is on the site.
    pub url: String,
    /// The post's state as the site reported it then (`draft`, `publish`, `future`…).
    pub status: String,
    #[ts(type = "number")]
    pub published_at: Timestamp,
}

fn site_from_row(row: &Row<'_>) -> rusqlite::Result<Site> {
    let kind: String = row.get(1)?;
    let secret_file: Option<String> = row.get(4)?;
    Ok(Site {
        name: row.get(0)?,
        kind: SiteKind::from_stored(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, kind.into())
        })?,
        url: row.get(2)?,
        user: row.get(3)?,
        secret: secret_file.map_or(SecretPlace::Keychain, |p| {
            SecretPlace::File(PathBuf::from(p))
        }),
    })
}

const SITE_COLUMNS: &str = "name, kind, url, user, secret_file";

impl Store {
    /// Records a site; `false` when one with that name (in any case) already exists.
    pub fn add_site(&mut self, site: &Site) -> Result<bool, StoreError> {
        let secret_file = match &site.secret {
            SecretPlace::Keychain => None,
            SecretPlace::File(path) => Some(path.to_string_lossy().into_owned()),
        };
        self.write(|tx, now| {
            let added = tx.execute(
                "INSERT INTO sites (name, kind, url, user, secret_file, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO NOTHING",
                params![
                    site.name,
                    site.kind.as_str(),
                    site.url,
                    site.user,
                    secret_file,
                    now
                ],
            )?;
            Ok(added == 1)
        })
    }

    /// The sites, by name.
    pub fn sites(&self) -> Result<Vec<Site>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {SITE_COLUMNS} FROM sites ORDER BY name"))?;
        let sites = statement
            .query_map([], site_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(sites)
    }

    /// The site called `name` (in any case).
    pub fn site(&self, name: &str) -> Result<Option<Site>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {SITE_COLUMNS} FROM sites WHERE name = ?1"))?
            .query_row([name.trim()], site_from_row)
            .optional()?)
    }

    /// Forgets a site; `false` when there was none. What was published to it is kept, so that
    /// adding it again updates the same posts.
    pub fn remove_site(&mut self, name: &str) -> Result<bool, StoreError> {
        self.write(|tx, _| Ok(tx.execute("DELETE FROM sites WHERE name = ?1", [name.trim()])? == 1))
    }

    /// The post `article` became on the site at `site_url`, if any.
    pub fn published_post(
        &self,
        article: ArticleId,
        site_url: &str,
    ) -> Result<Option<PublishedPost>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT post_id, url, modified FROM remote_posts
                 WHERE article_id = ?1 AND site_url = ?2",
            )?
            .query_row(params![article, site_url], |row| {
                Ok(PublishedPost {
                    post_id: row.get(0)?,
                    url: row.get(1)?,
                    modified: row.get(2)?,
                })
            })
            .optional()?)
    }

    /// Records what a publication wrote: the post, and a line in the article's history.
    pub fn record_publication(
        &mut self,
        article: ArticleId,
        site: &Site,
        post: &PublishedPost,
        status: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx, now| {
            tx.execute(
                "INSERT INTO remote_posts (article_id, site_url, post_id, url, modified)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (article_id, site_url) DO UPDATE SET
                   post_id = excluded.post_id, url = excluded.url, modified = excluded.modified",
                params![article, site.url, post.post_id, post.url, post.modified],
            )?;
            tx.execute(
                "INSERT INTO publications (article_id, site, site_url, post_id, url, status, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![article, site.name, site.url, post.post_id, post.url, status, now],
            )?;
            Ok(())
        })
    }

    /// An article's publications, newest first.
    pub fn publications(&self, article: ArticleId) -> Result<Vec<Publication>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT site, site_url, post_id, url, status, published_at FROM publications
             WHERE article_id = ?1 ORDER BY published_at DESC, id DESC",
        )?;
        let rows = statement
            .query_map([article], |row| {
                Ok(Publication {
                    site: row.get(0)?,
                    site_url: row.get(1)?,
                    post_id: row.get(2)?,
                    url: row.get(3)?,
                    status: row.get(4)?,
                    published_at: row.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The photo file with SHA-256 `hash` as uploaded to the site at `site_url`.
    pub fn uploaded_photo(
        &self,
        hash: &str,
        site_url: &str,
    ) -> Result<Option<UploadedPhoto>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT media_id, url FROM remote_media WHERE hash = ?1 AND site_url = ?2",
            )?
            .query_row(params![hash, site_url], |row| {
                Ok(UploadedPhoto {
                    media_id: row.get(0)?,
                    url: row.get(1)?,
                })
            })
            .optional()?)
    }

    /// Remembers an upload at once, so that a publish stopped after it never uploads the file
    /// again.
    pub fn record_upload(
        &mut self,
        hash: &str,
        site_url: &str,
        photo: &UploadedPhoto,
    ) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO remote_media (hash, site_url, media_id, url) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (hash, site_url) DO UPDATE SET media_id = excluded.media_id, url = excluded.url",
                params![hash, site_url, photo.media_id, photo.url],
            )?;
            Ok(())
        })
    }
}
