//! Related posts: an ordered list per article of links to other articles (by id, so they
//! survive renames) or to outside pages. Backlinks come from the same table.

use super::articles::{SUMMARY_COLUMNS, load, load_live, summary_from_row};
use super::{Store, StoreError};
use crate::model::{ArticleId, ArticleSummary, RelatedLink, RelatedTarget};
use rusqlite::params;

/// Accepts only absolute http(s) addresses with a host: related links are printed on the
/// published page, where anything else is either broken or dangerous.
fn check_url(url: &str) -> Result<String, StoreError> {
    let trimmed = url.trim();
    let parsed = url::Url::parse(trimmed).map_err(|_| StoreError::InvalidUrl(url.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(StoreError::InvalidUrl(url.to_string()));
    }
    Ok(parsed.to_string())
}

impl Store {
    /// Appends a related link to an article's list. Internal links take the other article's
    /// headline as their title; external ones need a title (the host is used when empty).
    pub fn add_related(
        &mut self,
        article_id: ArticleId,
        target: &RelatedTarget,
        title: &str,
    ) -> Result<RelatedLink, StoreError> {
        self.write(|tx, _| {
            load_live(tx, article_id)?;
            let (target_id, url, title, described) = match target {
                RelatedTarget::Article { id } => {
                    if *id == article_id {
                        return Err(StoreError::SelfRelation);
                    }
                    let other = load(tx, *id)?;
                    (
                        Some(*id),
                        None,
                        String::new(),
                        format!("article {}", other.id),
                    )
                }
                RelatedTarget::External { url } => {
                    let url = check_url(url)?;
                    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                    let title = if title.is_empty() {
                        url::Url::parse(&url)
                            .ok()
                            .and_then(|u| u.host_str().map(str::to_string))
                            .unwrap_or_default()
                    } else {
                        title
                    };
                    (None, Some(url.clone()), title, url)
                }
            };
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM related_links
                     WHERE article_id = ?1 AND (target_id = ?2 OR url = ?3))",
                params![article_id, target_id, url],
                |r| r.get(0),
            )?;
            if exists {
                return Err(StoreError::AlreadyRelated {
                    id: article_id,
                    target: described,
                });
            }
            tx.execute(
                "INSERT INTO related_links (article_id, position, target_id, url, title)
                 VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM related_links
                              WHERE article_id = ?1), ?2, ?3, ?4)",
                params![article_id, target_id, url, title],
            )?;
            let links = related_of(tx, article_id)?;
            links
                .into_iter()
                .last()
                .ok_or_else(|| StoreError::RelatedNotSaved)
        })
    }

    /// The related list of an article, in order. Positions are 1, 2, 3...
    pub fn related(&self, article_id: ArticleId) -> Result<Vec<RelatedLink>, StoreError> {
        load(&self.conn, article_id)?;
        related_of(&self.conn, article_id)
    }

    /// Removes the link at `position` (1-based); the ones after it move up.
    pub fn remove_related(
        &mut self,
        article_id: ArticleId,
        position: u32,
    ) -> Result<(), StoreError> {
        self.reorder(article_id, |links| {
            let index = position.checked_sub(1).map(|p| p as usize);
            match index.filter(|i| *i < links.len()) {
                Some(i) => {
                    links.remove(i);
                    Ok(())
                }
                None => Err(StoreError::RelatedNotFound {
                    id: article_id,
                    position,
                }),
            }
        })
    }

    /// Moves the link at position `from` to position `to` (both 1-based).
    pub fn move_related(
        &mut self,
        article_id: ArticleId,
        from: u32,
        to: u32,
    ) -> Result<(), StoreError> {
        self.reorder(article_id, |links| {
            let len = links.len() as u32;
            for position in [from, to] {
                if position == 0 || position > len {
                    return Err(StoreError::RelatedNotFound {
                        id: article_id,
                        position,
                    });
                }
            }
            let link = links.remove(from as usize - 1);
            links.insert(to as usize - 1, link);
            Ok(())
        })
    }

    /// Rewrites the list of related link row ids in a new order, renumbering 1, 2, 3...
    fn reorder(
        &mut self,
        article_id: ArticleId,
        change: impl FnOnce(&mut Vec<i64>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.write(|tx, _| {
            load_live(tx, article_id)?;
            let mut stmt = tx.prepare_cached(
                "SELECT id FROM related_links WHERE article_id = ?1 ORDER BY position",
            )?;
            let before: Vec<i64> = stmt
                .query_map([article_id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mut after = before.clone();
            change(&mut after)?;
            for gone in before.iter().filter(|id| !after.contains(id)) {
                tx.execute("DELETE FROM related_links WHERE id = ?1", [gone])?;
            }
            for (index, id) in after.iter().enumerate() {
                tx.execute(
                    "UPDATE related_links SET position = ?2 WHERE id = ?1",
                    params![id, index as i64 + 1],
                )?;
            }
            Ok(())
        })
    }

    /// Articles whose related list points to this one ("linked from"), trash excluded.
    pub fn backlinks(&self, article_id: ArticleId) -> Result<Vec<ArticleSummary>, StoreError> {
        load(&self.conn, article_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a
             WHERE a.trashed_at IS NULL
               AND a.id IN (SELECT article_id FROM related_links WHERE target_id = ?1)
             ORDER BY a.updated_at DESC, a.id DESC"
        ))?;
        let rows = stmt.query_map([article_id], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn related_of(
    conn: &rusqlite::Connection,
    article_id: ArticleId,
) -> Result<Vec<RelatedLink>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.target_id, r.url, coalesce(t.headline, r.title), r.position
         FROM related_links r LEFT JOIN articles t ON t.id = r.target_id
         WHERE r.article_id = ?1 ORDER BY r.position",
    )?;
    let rows = stmt.query_map([article_id], |r| {
        let target_id: Option<ArticleId> = r.get(0)?;
        let url: Option<String> = r.get(1)?;
        let target = match target_id {
            Some(id) => RelatedTarget::Article { id },
            None => RelatedTarget::External {
                url: url.unwrap_or_default(),
            },
        };
        Ok(RelatedLink {
            target,
            title: r.get(2)?,
            position: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
