//! The story budget: the desk's list of a day's stories, one row each with what the desk checks
//! before they go out (length against the plan, when, who, whether the featured photo is ready,
//! the last note). Filtered, sorted and paged in SQL, so the first screen of a 100,000-article
//! library reads one page of rows, never the library.
//!
//! A story's day is the day of its *time*: its embargo when it has one (when it may go out), else
//! when it was published, else when it was last changed (a story still being written belongs to
//! the day it is worked on). Newsroom keeps no schedule of its own on an article: a post
//! scheduled on a site is the site's, and an embargo is what holds a story here.

use super::articles::{filter_condition, filter_params};
use super::{Store, StoreError};
use crate::model::{ArticleFilter, ArticleId, DeskNote, Status, Timestamp};
use rusqlite::{Row, ToSql};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// The moment a story's day is counted by (see the module's documentation). Spelled exactly as
/// an index over it would have to be for SQLite to use that index.
const TIME: &str = "coalesce(a.embargo, a.published_at, a.updated_at)";

/// Whether the story's featured photo can go out as it is: it has its image, and the caption this
/// story prints, the credit and the alt text are all written (the store keeps them trimmed).
const PHOTOS_READY: &str =
    "EXISTS (SELECT 1 FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
     WHERE ap.article_id = a.id AND ap.role = 'featured' AND p.hash IS NOT NULL
       AND coalesce(ap.caption_override, p.caption) <> '' AND p.credit <> '' AND p.alt <> '')";

/// The newest note's id (notes are only ever appended, so the latest `at` wins, then the latest row).
const LAST_NOTE: &str = "(SELECT latest.id FROM article_notes latest WHERE latest.article_id = a.id
     ORDER BY latest.at DESC, latest.id DESC LIMIT 1)";

/// A day on the desk's calendar: the span of Unix seconds from its midnight (`start`, included)
/// to the next (`end`, excluded). The front end that shows the budget sets it in its own time
/// zone, where a day at a clock change lasts 23 or 25 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Day {
    #[ts(type = "number")]
    pub start: Timestamp,
    #[ts(type = "number")]
    pub end: Timestamp,
}

impl Day {
    /// `date` in UTC, the time zone the command line prints times in.
    pub fn utc(date: time::Date) -> Day {
        let start = date.midnight().assume_utc().unix_timestamp();
        Day {
            start,
            end: start + 86_400,
        }
    }
}

/// The column the budget is sorted by (`time` by default). `status` sorts in workflow order,
/// `photos` puts the stories whose photo is not ready first, `note` sorts by when the last note
/// was written; stories without a plan (`planned`) or a note come last either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum BudgetSort {
    Slug,
    Headline,
    Section,
    /// In workflow order (draft, editing, ready, published, archived), not alphabetically.
    Status,
    /// The planned length; stories without a plan come last either way.
    Planned,
    /// The length written.
    Words,
    /// The story's time (embargo, else published, else last changed): the desk's running order.
    #[default]
    Time,
    Byline,
    /// Photos not ready first (ascending), so what still needs work leads.
    Photos,
    /// When the last note was written; stories without notes come last either way.
    Note,
}

impl BudgetSort {
    /// Every column, in the budget's order.
    pub const ALL: [BudgetSort; 10] = [
        BudgetSort::Slug,
        BudgetSort::Headline,
        BudgetSort::Section,
        BudgetSort::Status,
        BudgetSort::Planned,
        BudgetSort::Words,
        BudgetSort::Time,
        BudgetSort::Byline,
        BudgetSort::Photos,
        BudgetSort::Note,
    ];

    /// The name used on the command line and in the IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetSort::Slug => "slug",
            BudgetSort::Headline => "headline",
            BudgetSort::Section => "section",
            BudgetSort::Status => "status",
            BudgetSort::Planned => "planned",
            BudgetSort::Words => "words",
            BudgetSort::Time => "time",
            BudgetSort::Byline => "byline",
            BudgetSort::Photos => "photos",
            BudgetSort::Note => "note",
        }
    }

    /// The SQL the rows are ordered by, and whether it can be NULL (such rows go last).
    fn key(self) -> (&'static str, bool) {
        match self {
            BudgetSort::Slug => ("a.slug", false),
            BudgetSort::Headline => ("a.headline COLLATE NOCASE", false),
            BudgetSort::Section => ("a.section COLLATE NOCASE", false),
            BudgetSort::Status => (
                "CASE a.status WHEN 'draft' THEN 0 WHEN 'editing' THEN 1 WHEN 'ready' THEN 2
                     WHEN 'published' THEN 3 ELSE 4 END",
                false,
            ),
            BudgetSort::Planned => ("a.words_planned", true),
            BudgetSort::Words => ("a.word_count", false),
            BudgetSort::Time => (TIME, false),
            BudgetSort::Byline => ("a.byline COLLATE NOCASE", false),
            BudgetSort::Photos => (PHOTOS_READY, false),
            BudgetSort::Note => ("n.at", true),
        }
    }
}

impl fmt::Display for BudgetSort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BudgetSort {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        BudgetSort::ALL
            .into_iter()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<_> = BudgetSort::ALL.iter().map(|c| c.as_str()).collect();
                StoreError::UnknownBudgetColumn {
                    column: s.to_string(),
                    known: names.join(", "),
                }
            })
    }
}

/// Which stories the budget lists, in what order, and which page of them. Every field may be
/// left out: `{}` is every story outside the trash, by time, unpaged.
// The fields serde defaults are optional in TypeScript too (`as = "Option<_>"` for the others).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct BudgetQuery {
    /// Only the stories whose time falls in this day.
    pub day: Option<Day>,
    /// Only this section (ignoring case, as the library list does).
    pub section: Option<String>,
    pub status: Option<Status>,
    /// By time when left out.
    #[ts(as = "Option<_>")]
    pub sort: BudgetSort,
    #[ts(as = "Option<_>")]
    pub descending: bool,
    #[ts(as = "Option<_>")]
    pub offset: u32,
    /// Page size; `None` lists every matching story.
    pub limit: Option<u32>,
}

/// What a story's time is (see [`BudgetRow::time`]): its embargo, its first publication, or
/// (neither) its last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    /// Its embargo: it must not go out before then.
    Embargo,
    /// When it was first published.
    Published,
    /// Neither: when it was last changed.
    Updated,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Embargo => "embargo",
            TimeKind::Published => "published",
            TimeKind::Updated => "updated",
        }
    }
}

/// One story on the budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BudgetRow {
    #[ts(type = "number")]
    pub id: ArticleId,
    pub slug: String,
    pub headline: String,
    pub section: String,
    pub status: Status,
    pub words_planned: Option<u32>,
    pub word_count: u32,
    /// The moment the story's day is counted by: its embargo, else its publication, else its
    /// last change, as `time_kind` says.
    #[ts(type = "number")]
    pub time: Timestamp,
    pub time_kind: TimeKind,
    pub byline: String,
    /// A featured photo with its image, caption, credit and alt text.
    pub photos_ready: bool,
    /// The desk's newest note about the story.
    pub last_note: Option<DeskNote>,
}

/// A page of the budget, and how many stories the query matches in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BudgetPage {
    pub rows: Vec<BudgetRow>,
    /// How many stories the query matches in all (paging ignored).
    #[ts(type = "number")]
    pub total: u64,
}

impl Store {
    /// One page of the budget (`query.offset`, `query.limit`) and the number of matching stories.
    /// Stories in the trash are never listed.
    pub fn budget(&self, query: &BudgetQuery) -> Result<BudgetPage, StoreError> {
        let mut rows = Vec::with_capacity(query.limit.unwrap_or(0).min(1_000) as usize);
        self.for_each_budget_row(query, |row| {
            rows.push(row);
            Ok::<_, StoreError>(())
        })?;
        Ok(BudgetPage {
            rows,
            total: self.budget_count(query)?,
        })
    }

    /// Hands each row of the query's page to `each`, in order, without holding them all: an
    /// export of every story streams them. Returns how many there were.
    pub fn for_each_budget_row<E: From<StoreError>>(
        &self,
        query: &BudgetQuery,
        mut each: impl FnMut(BudgetRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        check(query)?;
        let filter = list_filter(query);
        let sql = page_sql(query);
        let status = query.status.map(Status::as_str);
        let limit = query.limit.map_or(-1, i64::from);
        let mut named = params(query, &filter, &status);
        named.push((":limit", &limit));
        named.push((":offset", &query.offset));
        let mut stmt = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let rows = stmt
            .query_map(named.as_slice(), row_from)
            .map_err(StoreError::from)?;
        let mut count = 0;
        for row in rows {
            each(row.map_err(StoreError::from)?)?;
            count += 1;
        }
        Ok(count)
    }

    /// How many stories the query matches, its paging ignored.
    pub fn budget_count(&self, query: &BudgetQuery) -> Result<u64, StoreError> {
        check(query)?;
        let filter = list_filter(query);
        let sql = format!("SELECT count(*) FROM articles a WHERE {}", condition(query));
        let status = query.status.map(Status::as_str);
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params(query, &filter, &status).as_slice(), |r| r.get(0))?;
        Ok(count.unsigned_abs())
    }
}

/// The page's statement: its rows, ordered, with `:limit` and `:offset` to bind.
fn page_sql(query: &BudgetQuery) -> String {
    let (key, nullable) = query.sort.key();
    let direction = if query.descending { "DESC" } else { "ASC" };
    let nulls_last = if nullable {
        format!("{key} IS NULL, ")
    } else {
        String::new()
    };
    format!(
        "SELECT a.id, a.slug, a.headline, a.section, a.status, a.words_planned, a.word_count,
                {TIME}, a.embargo IS NOT NULL, a.published_at IS NOT NULL, a.byline,
                {PHOTOS_READY}, n.text, n.at
         FROM articles a LEFT JOIN article_notes n ON n.id = {LAST_NOTE}
         WHERE {}
         ORDER BY {nulls_last}{key} {direction}, a.id {direction}
         LIMIT :limit OFFSET :offset",
        condition(query)
    )
}

fn check(query: &BudgetQuery) -> Result<(), StoreError> {
    match query.day {
        Some(day) if day.end <= day.start => Err(StoreError::EmptyDay),
        _ => Ok(()),
    }
}

/// The library list's filter the budget shares: outside the trash, by status and section (a
/// section ignoring case).
fn list_filter(query: &BudgetQuery) -> ArticleFilter {
    ArticleFilter {
        status: query.status,
        section: query.section.clone(),
        ..ArticleFilter::default()
    }
}

/// The query's filter: the library list's, and the day, whose time expression is spelled
/// literally so that SQLite can use the partial index written the same way.
fn condition(query: &BudgetQuery) -> String {
    let mut sql = filter_condition(&list_filter(query));
    if query.day.is_some() {
        sql.push_str(&format!(" AND {TIME} >= :day_start AND {TIME} < :day_end"));
    }
    sql
}

/// The parameters [`condition`] names; `status` is the query's status as stored.
fn params<'a>(
    query: &'a BudgetQuery,
    filter: &'a ArticleFilter,
    status: &'a Option<&'static str>,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    let mut named = filter_params(filter, status);
    if let Some(day) = &query.day {
        named.push((":day_start", &day.start));
        named.push((":day_end", &day.end));
    }
    named
}

fn row_from(row: &Row<'_>) -> rusqlite::Result<BudgetRow> {
    let status: String = row.get(4)?;
    let status = status.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let time_kind = match (row.get::<_, bool>(8)?, row.get::<_, bool>(9)?) {
        (true, _) => TimeKind::Embargo,
        (false, true) => TimeKind::Published,
        (false, false) => TimeKind::Updated,
    };
    let note_text: Option<String> = row.get(12)?;
    let note_at: Option<Timestamp> = row.get(13)?;
    Ok(BudgetRow {
        id: row.get(0)?,
        slug: row.get(1)?,
        headline: row.get(2)?,
        section: row.get(3)?,
        status,
        words_planned: row.get(5)?,
        word_count: row.get(6)?,
        time: row.get(7)?,
        time_kind,
        byline: row.get(10)?,
        photos_ready: row.get(11)?,
        last_note: note_text
            .zip(note_at)
            .map(|(text, at)| DeskNote { text, at }),
    })
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;
