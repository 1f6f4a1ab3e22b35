//! The desk's side of an article as a revision keeps it: the desk's fields, corrections and
//! notes as lines of text, so that the history shows what changed in them beside the headline,
//! dek and body. Only fields that are set have a line, so an article without them keeps an
//! empty desk text (as every revision from before schema 7 has).

use super::StoreError;
use crate::model::{Article, ArticleId, Timestamp};
use rusqlite::Connection;
use std::fmt::Write;

/// The desk text of `article` as it stands in the database reached through `conn`.
pub(super) fn desk_text(conn: &Connection, article: &Article) -> Result<String, StoreError> {
    let mut text = String::new();
    let mut line = |label: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(text, "{label}: {value}");
        }
    };
    line("Kicker", &article.kicker);
    line("SEO headline", &article.seo_headline);
    line("Social headline", &article.social_headline);
    line("Embargo", &article.embargo.map(utc).unwrap_or_default());
    line(
        "Words planned",
        &article
            .words_planned
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    line("Language", &article.language);
    for (kind, at, entry) in entries(conn, article.id)? {
        let _ = writeln!(text, "{kind} ({}): {entry}", utc(at));
    }
    Ok(text)
}

/// The corrections, updates and notes of an article, each kind in order of time.
fn entries(
    conn: &Connection,
    id: ArticleId,
) -> Result<Vec<(&'static str, Timestamp, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT CASE kind WHEN 'update' THEN 1 ELSE 0 END, at, text FROM article_corrections
             WHERE article_id = ?1
         UNION ALL
         SELECT 2, at, text FROM article_notes WHERE article_id = ?1
         ORDER BY 1, 2",
    )?;
    let rows = stmt.query_map([id], |row| {
        let label = match row.get::<_, i64>(0)? {
            0 => "Correction",
            1 => "Update",
            _ => "Note",
        };
        Ok((label, row.get(1)?, row.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `2026-12-03 17:00 UTC`: the same for every desk, whatever its time zone.
fn utc(at: Timestamp) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| at.to_string())
}
