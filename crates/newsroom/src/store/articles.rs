//! Articles: create, read, change metadata, list, trash, duplicate; slugs and the workflow.

use super::{Store, StoreError, revisions};
use crate::model::{
    Article, ArticleFilter, ArticleId, ArticlePatch, ArticleSummary, NewArticle, RevisionCause,
    Status, Timestamp, count_words,
};
use crate::proofing::Language;
use crate::slug;
use rusqlite::{OptionalExtension, Row, Transaction, params};

/// Columns of [`Article`], in the order [`article_from_row`] reads them.
pub(super) const ARTICLE_COLUMNS: &str = "a.id, a.slug, a.headline, a.dek, a.byline, a.section, \
     a.tags, a.status, a.dateline, a.author_id, a.created_at, a.updated_at, a.published_at, \
     a.trashed_at, a.word_count, a.body, \
     (SELECT photo_id FROM article_photos WHERE article_id = a.id AND role = 'featured'), a.uid, \
     a.kicker, a.seo_headline, a.social_headline, a.embargo, a.words_planned, a.language";

/// How many columns [`SUMMARY_COLUMNS`] names: a query that selects more after them reads
/// those from this index on.
pub(super) const SUMMARY_COLUMN_COUNT: usize = 11;

/// Columns of [`ArticleSummary`], in the order [`summary_from_row`] reads them. No body.
pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.slug, a.headline, a.section, a.status, \
     a.byline, a.updated_at, a.word_count, \
     (SELECT photo_id FROM article_photos WHERE article_id = a.id AND role = 'featured'), \
     a.kicker, a.embargo";

pub(super) fn article_from_row(row: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: row.get(0)?,
        slug: row.get(1)?,
        headline: row.get(2)?,
        dek: row.get(3)?,
        byline: row.get(4)?,
        section: row.get(5)?,
        tags: split_tags(&row.get::<_, String>(6)?),
        status: parse_status(row, 7)?,
        dateline: row.get(8)?,
        author_id: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
        published_at: row.get(12)?,
        trashed_at: row.get(13)?,
        word_count: row.get(14)?,
        body: row.get(15)?,
        featured_photo: row.get(16)?,
        uid: row.get(17)?,
        kicker: row.get(18)?,
        seo_headline: row.get(19)?,
        social_headline: row.get(20)?,
        embargo: row.get(21)?,
        words_planned: row.get(22)?,
        language: row.get(23)?,
    })
}

pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        slug: row.get(1)?,
        headline: row.get(2)?,
        section: row.get(3)?,
        status: parse_status(row, 4)?,
        byline: row.get(5)?,
        updated_at: row.get(6)?,
        word_count: row.get(7)?,
        featured_photo: row.get(8)?,
        kicker: row.get(9)?,
        embargo: row.get(10)?,
    })
}

fn parse_status(row: &Row<'_>, index: usize) -> rusqlite::Result<Status> {
    let text: String = row.get(index)?;
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Tags are stored one per line: the full-text index reads them as words as they are.
fn join_tags(tags: &[String]) -> String {
    normalize_tags(tags).join("\n")
}

fn split_tags(stored: &str) -> Vec<String> {
    stored.lines().map(str::to_string).collect()
}

/// Trims tags, drops empty ones and repeats (ignoring case in any script: "Économie" and
/// "ÉCONOMIE" are one tag), keeps the editor's order and the first spelling. The one rule: the
/// app shows the tags an update returns.
fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for tag in tags {
        let tag = one_line(tag);
        if !tag.is_empty() && seen.insert(tag.to_lowercase()) {
            kept.push(tag);
        }
    }
    kept
}

/// Single-line fields (headline, byline...) lose line breaks and outer spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article that currently has `slug`, or had it before a rename.
pub(super) fn owner_of_slug(
    tx: &rusqlite::Connection,
    slug: &str,
) -> Result<Option<ArticleId>, StoreError> {
    let current = tx
        .query_row("SELECT id FROM articles WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?;
    if current.is_some() {
        return Ok(current);
    }
    Ok(tx
        .query_row(
            "SELECT article_id FROM slug_aliases WHERE slug = ?1",
            [slug],
            |r| r.get(0),
        )
        .optional()?)
}

fn slug_taken(tx: &rusqlite::Connection, slug: &str) -> Result<Option<ArticleId>, StoreError> {
    Ok(tx
        .query_row("SELECT id FROM articles WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The first free slug among `base`, `base-2`, `base-3`... Former slugs of renamed articles
/// count as taken, so `[[old-slug]]` links keep pointing at the article they were written for.
pub(super) fn free_slug(tx: &rusqlite::Connection, base: &str) -> Result<String, StoreError> {
    free_slug_for(tx, base, None)
}

/// [`free_slug`] for an article that may keep or take back a slug of its own.
fn free_slug_for(
    tx: &rusqlite::Connection,
    base: &str,
    own: Option<ArticleId>,
) -> Result<String, StoreError> {
    let mut n = 1;
    loop {
        let candidate = slug::numbered(base, n);
        match owner_of_slug(tx, &candidate)? {
            None => return Ok(candidate),
            Some(owner) if Some(owner) == own => return Ok(candidate),
            Some(_) => n += 1,
        }
    }
}

/// Whether `slug` is still the one derived from `headline` (`budget` or a numbered `budget-2`),
/// i.e. nobody chose it by hand.
fn derived_from(slug: &str, headline: &str) -> bool {
    let base = slug::slugify(headline);
    slug == base
        || slug
            .strip_prefix(&base)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads an article inside a transaction.
pub(super) fn load(tx: &rusqlite::Connection, id: ArticleId) -> Result<Article, StoreError> {
    tx.query_row(
        &format!("SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?1"),
        [id],
        article_from_row,
    )
    .optional()?
    .ok_or(StoreError::ArticleNotFound(id))
}

/// Reads an article that may be changed: it must exist and not be in the trash.
pub(super) fn load_live(tx: &rusqlite::Connection, id: ArticleId) -> Result<Article, StoreError> {
    let article = load(tx, id)?;
    if article.trashed_at.is_some() {
        return Err(StoreError::Trashed(id));
    }
    Ok(article)
}

fn insert(tx: &Transaction<'_>, new: &NewArticle, now: Timestamp) -> Result<ArticleId, StoreError> {
    let headline = one_line(&new.headline);
    if headline.is_empty() {
        return Err(StoreError::EmptyHeadline);
    }
    let slug = match &new.slug {
        Some(wanted) => {
            slug::validate(wanted)?;
            if let Some(owner) = slug_taken(tx, wanted)? {
                return Err(StoreError::DuplicateSlug {
                    slug: wanted.clone(),
                    owner,
                });
            }
            wanted.clone()
        }
        None => free_slug(tx, &slug::slugify(&headline))?,
    };
    let status = new.status.unwrap_or(Status::Draft);
    let published_at = match status {
        Status::Published => Some(new.published_at.unwrap_or(now)),
        _ => new.published_at,
    };
    let words_planned = planned_words(new.words_planned)?;
    tx.execute(
        "INSERT INTO articles (slug, headline, dek, byline, section, tags, status, dateline,
             created_at, updated_at, published_at, word_count, body, uid,
             kicker, seo_headline, social_headline, embargo, words_planned, language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, lower(hex(randomblob(16))),
             ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            slug,
            headline,
            new.dek.trim(),
            one_line(&new.byline),
            one_line(&new.section),
            join_tags(&new.tags),
            status.as_str(),
            one_line(&new.dateline),
            now,
            published_at,
            count_words(&new.body),
            new.body,
            one_line(&new.kicker),
            one_line(&new.seo_headline),
            one_line(&new.social_headline),
            new.embargo,
            words_planned,
            language_code(&new.language)?,
        ],
    )?;
    // Another article may have had this slug before a rename: it is this article's now.
    tx.execute("DELETE FROM slug_aliases WHERE slug = ?1", [&slug])?;
    Ok(tx.last_insert_rowid())
}

/// Creates an article and records its first revision inside a transaction already open (see
/// [`Store::create_article`]).
pub(super) fn create_in(
    tx: &Transaction<'_>,
    new: &NewArticle,
    cause: RevisionCause,
    now: Timestamp,
) -> Result<Article, StoreError> {
    let id = insert(tx, new, now)?;
    let article = load(tx, id)?;
    revisions::record(tx, &article, cause, now, true)?;
    Ok(article)
}

impl Store {
    /// Creates an article and records its first revision (`cause`: typically `Manual`, or
    /// `Import` for imported stories).
    ///
    /// Without an explicit slug, one is derived from the headline and numbered if taken
    /// (`budget`, `budget-2`); an explicit slug that is taken is refused.
    pub fn create_article(
        &mut self,
        new: &NewArticle,
        cause: RevisionCause,
    ) -> Result<Article, StoreError> {
        self.write(|tx, now| create_in(tx, new, cause, now))
    }

    /// The article with this id (trashed ones included: check `trashed_at`).
    pub fn article(&self, id: ArticleId) -> Result<Article, StoreError> {
        load(&self.conn, id)
    }

    /// The article that has, or had before a rename, this slug.
    pub fn article_by_slug(&self, slug: &str) -> Result<Article, StoreError> {
        match owner_of_slug(&self.conn, slug)? {
            Some(id) => self.article(id),
            None => Err(StoreError::SlugNotFound(slug.to_string())),
        }
    }

    /// Changes the fields set in `patch`, in one transaction, and records a `Manual` revision
    /// when the text or the status changed.
    ///
    /// Status changes follow the workflow ([`Status::can_become`]); publishing sets
    /// `published_at` the first time. A new slug must be valid and free; the old one keeps
    /// resolving for `[[old-slug]]` links.
    pub fn update_article(
        &mut self,
        id: ArticleId,
        patch: &ArticlePatch,
    ) -> Result<Article, StoreError> {
        self.write(|tx, now| update_in(tx, id, patch, now, RevisionCause::Manual))
    }

    /// One page of the library list, most recently updated first.
    pub fn list(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE ");
        sql.push_str(&filter_condition(filter));
        sql.push_str(if filter.trashed {
            " ORDER BY a.trashed_at DESC, a.id DESC"
        } else {
            " ORDER BY a.updated_at DESC, a.id DESC"
        });
        sql.push_str(" LIMIT :limit OFFSET :offset");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let status = filter.status.map(Status::as_str);
        let limit = filter.limit.map_or(-1, i64::from);
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> =
            vec![(":limit", &limit), (":offset", &filter.offset)];
        named.extend(filter_params(filter, &status));
        let rows = stmt.query_map(named.as_slice(), summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many articles the list of `filter` holds in all (its `limit` and `offset` ignored),
    /// so a paged list can show its length.
    pub fn count(&self, filter: &ArticleFilter) -> Result<u64, StoreError> {
        let sql = format!(
            "SELECT count(*) FROM articles a WHERE {}",
            filter_condition(filter)
        );
        let status = filter.status.map(Status::as_str);
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(filter_params(filter, &status).as_slice(), |r| r.get(0))?;
        Ok(count.unsigned_abs())
    }

    /// The sections in use, for filters and pickers.
    pub fn sections(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT section FROM articles
             WHERE trashed_at IS NULL AND section <> '' ORDER BY section COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Moves an article to the trash. It keeps its slug, photos and links, and can be restored.
    pub fn trash(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.write(|tx, now| {
            load_live(tx, id)?;
            tx.execute(
                "UPDATE articles SET trashed_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            Ok(())
        })
    }

    /// Brings an article back from the trash.
    pub fn untrash(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.write(|tx, now| {
            let article = load(tx, id)?;
            if article.trashed_at.is_none() {
                return Err(StoreError::NotTrashed(id));
            }
            tx.execute(
                "UPDATE articles SET trashed_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            Ok(())
        })
    }

    /// Copies an article as a new draft ("<headline> (copy)"), with its photos and related
    /// links, under a fresh slug.
    pub fn duplicate(&mut self, id: ArticleId) -> Result<Article, StoreError> {
        self.write(|tx, now| {
            let original = load(tx, id)?;
            let copy = NewArticle {
                headline: format!("{} (copy)", original.headline),
                dek: original.dek.clone(),
                byline: original.byline.clone(),
                section: original.section.clone(),
                tags: original.tags.clone(),
                dateline: original.dateline.clone(),
                body: original.body.clone(),
                slug: None,
                status: None,
                published_at: None,
                kicker: original.kicker.clone(),
                seo_headline: original.seo_headline.clone(),
                social_headline: original.social_headline.clone(),
                embargo: original.embargo,
                words_planned: original.words_planned,
                language: original.language.clone(),
            };
            let new_id = insert(tx, &copy, now)?;
            tx.execute(
                "UPDATE articles SET author_id = ?2 WHERE id = ?1",
                params![new_id, original.author_id],
            )?;
            tx.execute(
                "INSERT INTO article_photos (article_id, photo_id, role, position, caption_override)
                 SELECT ?2, photo_id, role, position, caption_override
                 FROM article_photos WHERE article_id = ?1",
                params![id, new_id],
            )?;
            tx.execute(
                "INSERT INTO related_links (article_id, position, target_id, url, title)
                 SELECT ?2, position, target_id, url, title
                 FROM related_links WHERE article_id = ?1 AND target_id IS NOT ?2",
                params![id, new_id],
            )?;
            let article = load(tx, new_id)?;
            revisions::record(tx, &article, RevisionCause::Manual, now, true)?;
            Ok(article)
        })
    }

    /// Number of articles outside the trash.
    pub fn article_count(&self) -> Result<u64, StoreError> {
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE trashed_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(count.unsigned_abs())
    }
}

/// [`Store::update_article`] inside a transaction, recording any revision with `cause` (the
/// workspace mirror applies a file's fields as an `External` change).
pub(super) fn update_in(
    tx: &Transaction<'_>,
    id: ArticleId,
    patch: &ArticlePatch,
    now: Timestamp,
    cause: RevisionCause,
) -> Result<Article, StoreError> {
    let before = load_live(tx, id)?;
    let mut after = before.clone();
    apply_patch(tx, &mut after, patch, now)?;
    if after == before {
        return Ok(before);
    }
    after.updated_at = now;
    after.word_count = count_words(&after.body);
    tx.execute(
        "UPDATE articles SET slug = ?2, headline = ?3, dek = ?4, byline = ?5, section = ?6,
                 tags = ?7, status = ?8, dateline = ?9, author_id = ?10, updated_at = ?11,
                 published_at = ?12, word_count = ?13, body = ?14, kicker = ?15,
                 seo_headline = ?16, social_headline = ?17, embargo = ?18, words_planned = ?19,
                 language = ?20
             WHERE id = ?1",
        params![
            id,
            after.slug,
            after.headline,
            after.dek,
            after.byline,
            after.section,
            join_tags(&after.tags),
            after.status.as_str(),
            after.dateline,
            after.author_id,
            after.updated_at,
            after.published_at,
            after.word_count,
            after.body,
            after.kicker,
            after.seo_headline,
            after.social_headline,
            after.embargo,
            after.words_planned,
            after.language,
        ],
    )?;
    if after.slug != before.slug {
        tx.execute("DELETE FROM slug_aliases WHERE slug = ?1", [&after.slug])?;
        tx.execute(
            "INSERT OR REPLACE INTO slug_aliases (slug, article_id) VALUES (?1, ?2)",
            params![before.slug, id],
        )?;
    }
    // A status change is always kept, even with the same text: the history shows
    // what was sent on and what was published.
    // Otherwise one is kept when the text or the desk's fields changed (tags, byline and the
    // like are not in revisions).
    let status_changed = after.status != before.status;
    let text_changed =
        (&after.headline, &after.dek, &after.body) != (&before.headline, &before.dek, &before.body);
    if text_changed || status_changed || desk_fields_changed(&before, &after) {
        revisions::record(tx, &after, cause, now, status_changed)?;
    }
    Ok(after)
}

/// The WHERE condition of the library list for `filter` (trash, status, section), with
/// `:status` and `:section` parameters bound by [`filter_params`].
pub(super) fn filter_condition(filter: &ArticleFilter) -> String {
    // Spelled out literally so SQLite can use the partial indexes.
    let mut sql = String::from(if filter.trashed {
        "a.trashed_at IS NOT NULL"
    } else {
        "a.trashed_at IS NULL"
    });
    if filter.status.is_some() {
        sql.push_str(" AND a.status = :status");
    }
    if filter.section.is_some() {
        sql.push_str(" AND a.section = :section COLLATE NOCASE");
    }
    sql
}

/// The parameters [`filter_condition`] names; `status` is the filter's status as stored.
pub(super) fn filter_params<'a>(
    filter: &'a ArticleFilter,
    status: &'a Option<&'static str>,
) -> Vec<(&'static str, &'a dyn rusqlite::ToSql)> {
    let mut named: Vec<(&'static str, &'a dyn rusqlite::ToSql)> = Vec::new();
    if let Some(status) = status {
        named.push((":status", status));
    }
    if let Some(section) = &filter.section {
        named.push((":section", section));
    }
    named
}

/// A planned length: a number of words, or none; zero plans nothing and is refused.
fn planned_words(words: Option<u32>) -> Result<Option<u32>, StoreError> {
    match words {
        Some(0) => Err(StoreError::NoPlannedWords),
        other => Ok(other),
    }
}

/// Whether a revision's desk text would differ ([`super::revision_desk`]).
fn desk_fields_changed(before: &Article, after: &Article) -> bool {
    (
        &before.kicker,
        &before.seo_headline,
        &before.social_headline,
        before.embargo,
        before.words_planned,
        &before.language,
    ) != (
        &after.kicker,
        &after.seo_headline,
        &after.social_headline,
        after.embargo,
        after.words_planned,
        &after.language,
    )
}

/// A language tag as the Hunspell name it is stored under (`en-gb` → `en_GB`); empty stays
/// empty (the library's default).
fn language_code(tag: &str) -> Result<String, StoreError> {
    Language::stored_form(tag).ok_or_else(|| StoreError::InvalidLanguage(one_line(tag)))
}

/// Applies `patch` to `article` in memory, checking every rule that needs the database.
fn apply_patch(
    tx: &Transaction<'_>,
    article: &mut Article,
    patch: &ArticlePatch,
    now: Timestamp,
) -> Result<(), StoreError> {
    if let Some(headline) = &patch.headline {
        let headline = one_line(headline);
        if headline.is_empty() {
            return Err(StoreError::EmptyHeadline);
        }
        // Until it is published (its address public) or chosen by hand, the slug follows the
        // headline, so a new "Untitled article" does not keep the slug "untitled-article".
        if patch.slug.is_none()
            && article.published_at.is_none()
            && derived_from(&article.slug, &article.headline)
            && slug::slugify(&headline) != slug::slugify(&article.headline)
        {
            article.slug = free_slug_for(tx, &slug::slugify(&headline), Some(article.id))?;
        }
        article.headline = headline;
    }
    if let Some(dek) = &patch.dek {
        article.dek = dek.trim().to_string();
    }
    if let Some(byline) = &patch.byline {
        article.byline = one_line(byline);
    }
    if let Some(section) = &patch.section {
        article.section = one_line(section);
    }
    if let Some(dateline) = &patch.dateline {
        article.dateline = one_line(dateline);
    }
    if let Some(tags) = &patch.tags {
        article.tags = normalize_tags(tags);
    }
    if let Some(kicker) = &patch.kicker {
        article.kicker = one_line(kicker);
    }
    if let Some(seo) = &patch.seo_headline {
        article.seo_headline = one_line(seo);
    }
    if let Some(social) = &patch.social_headline {
        article.social_headline = one_line(social);
    }
    if let Some(embargo) = patch.embargo {
        article.embargo = embargo;
    }
    if let Some(words) = patch.words_planned {
        article.words_planned = planned_words(words)?;
    }
    if let Some(language) = &patch.language {
        article.language = language_code(language)?;
    }
    if let Some(body) = &patch.body {
        article.body = body.clone();
    }
    if let Some(author) = patch.author_id {
        if let Some(author_id) = author {
            super::authors::load(tx, author_id)?;
        }
        article.author_id = author;
    }
    if let Some(wanted) = &patch.slug
        && *wanted != article.slug
    {
        slug::validate(wanted)?;
        if let Some(owner) = slug_taken(tx, wanted)? {
            return Err(StoreError::DuplicateSlug {
                slug: wanted.clone(),
                owner,
            });
        }
        article.slug = wanted.clone();
    }
    if let Some(next) = patch.status {
        if !article.status.can_become(next) {
            let allowed = article
                .status
                .next_allowed()
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" or ");
            return Err(StoreError::InvalidTransition {
                id: article.id,
                from: article.status,
                to: next,
                allowed,
            });
        }
        if next == Status::Published && article.published_at.is_none() {
            article.published_at = Some(now);
        }
        article.status = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tags_are_trimmed_and_kept_once_ignoring_case_in_any_script() {
        let typed = [
            "  Économie ",
            "ÉCONOMIE",
            "trade\n talks",
            "",
            "Trade  Talks",
            "Straße",
        ];
        let typed: Vec<String> = typed.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            super::normalize_tags(&typed),
            ["Économie", "trade talks", "Straße"]
        );
    }

    #[test]
    fn the_summary_column_count_matches_the_list() {
        let named = super::SUMMARY_COLUMNS.split(',').count();
        assert_eq!(named, super::SUMMARY_COLUMN_COUNT);
    }
}
