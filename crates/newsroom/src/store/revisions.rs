//! Body saves while typing, and the revision history.
//!
//! # Coalescing
//! Autosave calls [`Store::save_body`] after every pause in typing. Each call is one short
//! transaction that updates the article row. A `Typing` revision (a full snapshot) is recorded
//! only when the newest revision is at least [`TYPING_WINDOW_SECS`] old, so continuous typing
//! leaves one snapshot every two minutes, not one per keystroke. Explicit saves, status
//! changes, imports and restores always record one.
//!
//! # Retention
//! See [`RETENTION`]: pruning runs for one article each time a revision is recorded for it.

use super::articles::{self, load_live};
use super::revision_desk::desk_text;
use super::{Store, StoreError};
use crate::model::{
    Article, ArticleId, Revision, RevisionCause, Timestamp, count_words, reading_minutes,
};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// While typing, a new snapshot is taken when the newest revision is this old.
pub const TYPING_WINDOW_SECS: Timestamp = 120;

/// The retention rule, as documented for editors.
pub const RETENTION: &str = "Every revision from the last 24 hours is kept. Older typing \
snapshots are thinned: for the last 30 days one per hour, before that one per day (the last of \
each). Saves, imports, restores, external edits and conflicts are always kept. An article keeps \
at most 500 revisions; past that the oldest typing snapshots go first.";

const DAY: Timestamp = 24 * 60 * 60;
const HOUR: Timestamp = 60 * 60;
const MAX_REVISIONS: usize = 500;

/// What a body save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SaveReceipt {
    #[ts(type = "number")]
    pub updated_at: Timestamp,
    pub word_count: u32,
    /// Minutes a reader needs for `word_count` ([`crate::model::reading_minutes`]), so that no
    /// front end keeps a rule of its own.
    pub reading_minutes: u32,
    /// The newest revision recorded by this save: a typing snapshot when the coalescing window
    /// had passed, or the other side's revision when the save found a conflict.
    pub revision: Option<u32>,
    /// False when the body was already exactly this text (nothing was written).
    pub changed: bool,
    /// True when the body had changed underneath the editor since the text its typing started
    /// from: both versions were kept and the article is now in conflict (see
    /// [`crate::Library::save_typing`]).
    pub conflict: bool,
}

/// A revision without its body, for history lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevisionInfo {
    pub number: u32,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    pub cause: RevisionCause,
    pub headline: String,
    pub word_count: u32,
}

/// Records a snapshot of `article` unless it equals the newest revision (`force` records it
/// anyway). Returns the new revision's number.
pub(super) fn record(
    tx: &rusqlite::Connection,
    article: &Article,
    cause: RevisionCause,
    now: Timestamp,
    force: bool,
) -> Result<Option<u32>, StoreError> {
    let newest: Option<(u32, String, String, String, String)> = tx
        .prepare_cached(
            "SELECT number, headline, dek, body, desk FROM revisions
             WHERE article_id = ?1 ORDER BY number DESC LIMIT 1",
        )?
        .query_row([article.id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let desk = desk_text(tx, article)?;
    if !force
        && let Some((_, headline, dek, body, newest_desk)) = &newest
        && (headline, dek, body, newest_desk)
            == (&article.headline, &article.dek, &article.body, &desk)
    {
        return Ok(None);
    }
    let number = newest.map_or(1, |(n, ..)| n + 1);
    tx.prepare_cached(
        "INSERT INTO revisions (article_id, number, created_at, cause, headline, dek, word_count,
             body, desk)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        article.id,
        number,
        now,
        cause.as_str(),
        article.headline,
        article.dek,
        article.word_count,
        article.body,
        desk,
    ])?;
    prune(tx, article.id, now)?;
    Ok(Some(number))
}

/// Applies [`RETENTION`] to one article's revisions.
fn prune(tx: &rusqlite::Connection, id: ArticleId, now: Timestamp) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT number, created_at, cause FROM revisions WHERE article_id = ?1 ORDER BY number",
    )?;
    let all: Vec<(u32, Timestamp, String)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for number in revisions_to_drop(&all, now) {
        tx.prepare_cached("DELETE FROM revisions WHERE article_id = ?1 AND number = ?2")?
            .execute(params![id, number])?;
    }
    Ok(())
}

/// Which revisions [`RETENTION`] drops. `all` is oldest first; the newest is never dropped.
fn revisions_to_drop(all: &[(u32, Timestamp, String)], now: Timestamp) -> Vec<u32> {
    let typing = RevisionCause::Typing.as_str();
    let bucket = |created: Timestamp| -> Option<Timestamp> {
        let age = now - created;
        if age < DAY {
            None
        } else if age < 30 * DAY {
            Some(created.div_euclid(HOUR) * HOUR)
        } else {
            Some(created.div_euclid(DAY) * DAY)
        }
    };
    let mut drop = Vec::new();
    // A typing snapshot goes when the next revision is also a typing snapshot of the same
    // bucket: the last of each hour (or day) survives.
    for pair in all.windows(2) {
        let (number, created, cause) = &pair[0];
        let (_, next_created, next_cause) = &pair[1];
        if cause == typing
            && next_cause == typing
            && let Some(b) = bucket(*created)
            && bucket(*next_created) == Some(b)
        {
            drop.push(*number);
        }
    }
    let kept = all.len() - drop.len();
    if kept > MAX_REVISIONS {
        let mut excess = kept - MAX_REVISIONS;
        let newest = all.last().map(|(n, ..)| *n);
        for pass_typing_only in [true, false] {
            for (number, _, cause) in all {
                if excess == 0 {
                    break;
                }
                let eligible = (!pass_typing_only || cause == typing)
                    && Some(*number) != newest
                    && !drop.contains(number);
                if eligible {
                    drop.push(*number);
                    excess -= 1;
                }
            }
        }
    }
    drop
}

/// Writes `body` over the article's body when it differs and, with `base`, only when the body
/// is still `base`. Returns the word count it wrote, `None` when it wrote nothing. (Counting is
/// most of a long body's save: it is done once.)
pub(super) fn update_body(
    tx: &rusqlite::Connection,
    id: ArticleId,
    body: &str,
    base: Option<&str>,
    now: Timestamp,
) -> Result<Option<u32>, StoreError> {
    let word_count = count_words(body);
    let written = tx
        .prepare_cached(
            "UPDATE articles SET body = ?2, word_count = ?3, updated_at = ?4
             WHERE id = ?1 AND trashed_at IS NULL AND body IS NOT ?2
               AND (?5 IS NULL OR body = ?5)",
        )?
        .execute(params![id, body, word_count, now, base])?;
    Ok((written == 1).then_some(word_count))
}

/// The typing save (see [`Store::save_body`]), written only over `base` when one is given.
/// `None` (nothing written) when the body is neither `base` nor already `body`.
pub(super) fn save_typed(
    tx: &rusqlite::Connection,
    id: ArticleId,
    body: &str,
    base: Option<&str>,
    now: Timestamp,
) -> Result<Option<SaveReceipt>, StoreError> {
    let Some(word_count) = update_body(tx, id, body, base, now)? else {
        let article = load_live(tx, id)?;
        if article.body != body {
            return Ok(None);
        }
        return Ok(Some(SaveReceipt {
            updated_at: article.updated_at,
            word_count: article.word_count,
            reading_minutes: article.reading_minutes(),
            revision: None,
            changed: false,
            conflict: false,
        }));
    };
    let newest: Option<Timestamp> = tx
        .prepare_cached(
            "SELECT created_at FROM revisions WHERE article_id = ?1
             ORDER BY number DESC LIMIT 1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let revision = match newest {
        Some(at) if now - at < TYPING_WINDOW_SECS => None,
        _ => {
            let article = articles::load(tx, id)?;
            record(tx, &article, RevisionCause::Typing, now, false)?
        }
    };
    Ok(Some(SaveReceipt {
        updated_at: now,
        word_count,
        reading_minutes: reading_minutes(word_count),
        revision,
        changed: true,
        conflict: false,
    }))
}

impl Store {
    /// Saves the body typed in the editor: one short transaction, acknowledged only once
    /// committed. Records a `Typing` revision when the coalescing window has passed.
    pub fn save_body(&mut self, id: ArticleId, body: &str) -> Result<SaveReceipt, StoreError> {
        self.write(|tx, now| {
            save_typed(tx, id, body, None, now)?.ok_or_else(|| StoreError::NotSaved(id))
        })
    }

    /// Records the article's current state as a revision with `cause` (an explicit save, for
    /// instance), unless it equals the newest revision.
    pub fn snapshot(
        &mut self,
        id: ArticleId,
        cause: RevisionCause,
    ) -> Result<Option<u32>, StoreError> {
        self.write(|tx, now| {
            let article = load_live(tx, id)?;
            record(tx, &article, cause, now, false)
        })
    }

    /// The history of an article, newest first.
    pub fn revisions(&self, id: ArticleId) -> Result<Vec<RevisionInfo>, StoreError> {
        articles::load(&self.conn, id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, created_at, cause, headline, word_count FROM revisions
             WHERE article_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            let cause: String = r.get(2)?;
            Ok(RevisionInfo {
                number: r.get(0)?,
                created_at: r.get(1)?,
                cause: RevisionCause::parse(&cause).unwrap_or(RevisionCause::Manual),
                headline: r.get(3)?,
                word_count: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The desk's fields, corrections and notes of article `id` now, as a revision keeps them.
    pub fn desk_text(&self, id: ArticleId) -> Result<String, StoreError> {
        desk_text(&self.conn, &articles::load(&self.conn, id)?)
    }

    /// One revision in full.
    pub fn revision(&self, id: ArticleId, number: u32) -> Result<Revision, StoreError> {
        articles::load(&self.conn, id)?;
        self.conn
            .prepare_cached(
                "SELECT created_at, cause, headline, dek, body, word_count, desk FROM revisions
                 WHERE article_id = ?1 AND number = ?2",
            )?
            .query_row(params![id, number], |r| {
                let cause: String = r.get(1)?;
                Ok(Revision {
                    article_id: id,
                    number,
                    created_at: r.get(0)?,
                    cause: RevisionCause::parse(&cause).unwrap_or(RevisionCause::Manual),
                    headline: r.get(2)?,
                    dek: r.get(3)?,
                    body: r.get(4)?,
                    word_count: r.get(5)?,
                    desk: r.get(6)?,
                })
            })
            .optional()?
            .ok_or(StoreError::RevisionNotFound { id, number })
    }

    /// Brings back the headline, dek and body of revision `number`.
    ///
    /// Nothing is lost: the current text is first kept as a revision (if it is not one
    /// already), then the restored text becomes the article and a new `Restore` revision.
    pub fn restore(&mut self, id: ArticleId, number: u32) -> Result<Article, StoreError> {
        let old = self.revision(id, number)?;
        self.write(|tx, now| {
            let current = load_live(tx, id)?;
            record(tx, &current, RevisionCause::Typing, now, false)?;
            tx.execute(
                "UPDATE articles SET headline = ?2, dek = ?3, body = ?4, word_count = ?5,
                     updated_at = ?6
                 WHERE id = ?1",
                params![id, old.headline, old.dek, old.body, old.word_count, now],
            )?;
            let restored = articles::load(tx, id)?;
            record(tx, &restored, RevisionCause::Restore, now, true)?;
            Ok(restored)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(number: u32, created: Timestamp, cause: RevisionCause) -> (u32, Timestamp, String) {
        (number, created, cause.as_str().to_string())
    }

    #[test]
    fn recent_revisions_are_all_kept() {
        let now = 100 * DAY;
        let all: Vec<_> = (0..50)
            .map(|i| rev(i + 1, now - 1000 + i as Timestamp, RevisionCause::Typing))
            .collect();
        assert!(revisions_to_drop(&all, now).is_empty());
    }

    #[test]
    fn old_typing_snapshots_thin_to_the_last_of_each_hour_but_saves_stay() {
        let now = 100 * DAY;
        let start = now - 3 * DAY;
        let start = start - start.rem_euclid(HOUR);
        let all = vec![
            rev(1, start, RevisionCause::Typing),
            rev(2, start + 120, RevisionCause::Typing),
            rev(3, start + 240, RevisionCause::Manual),
            rev(4, start + 360, RevisionCause::Typing),
            rev(5, start + 480, RevisionCause::Typing),
            rev(6, start + HOUR + 10, RevisionCause::Typing),
        ];
        assert_eq!(revisions_to_drop(&all, now), vec![1, 4]);
    }

    #[test]
    fn very_old_snapshots_keep_one_per_day() {
        let now = 400 * DAY;
        let day = now - 60 * DAY;
        let all = vec![
            rev(1, day, RevisionCause::Typing),
            rev(2, day + 5 * HOUR, RevisionCause::Typing),
            rev(3, day + 9 * HOUR, RevisionCause::Typing),
            rev(4, day + DAY, RevisionCause::Typing),
        ];
        assert_eq!(revisions_to_drop(&all, now), vec![1, 2]);
    }

    #[test]
    fn the_cap_drops_oldest_typing_snapshots_first_and_never_the_newest() {
        let now = 10 * DAY;
        let mut all = vec![rev(1, now - 10, RevisionCause::Import)];
        all.extend((2..=(MAX_REVISIONS as u32 + 3)).map(|n| rev(n, now, RevisionCause::Typing)));
        let drop = revisions_to_drop(&all, now);
        assert_eq!(drop, vec![2, 3, 4]);
    }
}
