//! The dated entries an article gathers: its corrections and updates (public, printed at the
//! end of the story) and the desk's notes about it (private). Both are appended by the editor;
//! a workspace file's version replaces them whole, as it does photos and related links.

use super::articles::{self, load_live, one_line};
use super::{Store, StoreError, revisions};
use crate::model::{ArticleId, Correction, CorrectionKind, DeskNote, RevisionCause};
use rusqlite::params;

impl Store {
    /// Appends a correction or update to a published story, dated now. The story's modified
    /// time moves on (search engines read it) and the history records the moment.
    pub fn add_correction(
        &mut self,
        id: ArticleId,
        kind: CorrectionKind,
        text: &str,
    ) -> Result<Correction, StoreError> {
        // One paragraph, as printed: line breaks and runs of spaces become single spaces.
        let text = one_line(text);
        if text.is_empty() {
            return Err(StoreError::EmptyDeskEntry(kind.as_str()));
        }
        self.write(|tx, now| {
            let mut article = load_live(tx, id)?;
            if article.published_at.is_none() {
                return Err(StoreError::NotPublished {
                    id,
                    entry: kind.as_str(),
                });
            }
            tx.execute(
                "INSERT INTO article_corrections (article_id, kind, text, at) VALUES (?1, ?2, ?3, ?4)",
                params![id, kind.as_str(), text, now],
            )?;
            tx.execute(
                "UPDATE articles SET updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            article.updated_at = now;
            revisions::record(tx, &article, RevisionCause::Manual, now, true)?;
            Ok(Correction {
                kind,
                text,
                at: now,
            })
        })
    }

    /// The story's corrections and updates, oldest first (as printed).
    pub fn corrections(&self, id: ArticleId) -> Result<Vec<Correction>, StoreError> {
        articles::load(&self.conn, id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, text, at FROM article_corrections WHERE article_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([id], |row| {
            let kind: String = row.get(0)?;
            Ok(Correction {
                kind: if kind == "update" {
                    CorrectionKind::Update
                } else {
                    CorrectionKind::Correction
                },
                text: row.get(1)?,
                at: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a note for the desk to a story, dated now.
    pub fn add_note(&mut self, id: ArticleId, text: &str) -> Result<DeskNote, StoreError> {
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(StoreError::EmptyNote);
        }
        self.write(|tx, now| {
            load_live(tx, id)?;
            tx.execute(
                "INSERT INTO article_notes (article_id, text, at) VALUES (?1, ?2, ?3)",
                params![id, text, now],
            )?;
            Ok(DeskNote { text, at: now })
        })
    }

    /// The desk's notes about a story, oldest first.
    pub fn notes(&self, id: ArticleId) -> Result<Vec<DeskNote>, StoreError> {
        articles::load(&self.conn, id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT text, at FROM article_notes WHERE article_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([id], |row| {
            Ok(DeskNote {
                text: row.get(0)?,
                at: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Replaces the corrections and notes of `id` with a file's.
pub(super) fn replace_from_file(
    tx: &rusqlite::Connection,
    id: ArticleId,
    corrections: &[Correction],
    notes: &[DeskNote],
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM article_corrections WHERE article_id = ?1",
        [id],
    )?;
    for c in corrections.iter().filter(|c| !c.text.trim().is_empty()) {
        tx.execute(
            "INSERT INTO article_corrections (article_id, kind, text, at) VALUES (?1, ?2, ?3, ?4)",
            params![id, c.kind.as_str(), one_line(&c.text), c.at],
        )?;
    }
    tx.execute("DELETE FROM article_notes WHERE article_id = ?1", [id])?;
    for n in notes.iter().filter(|n| !n.text.trim().is_empty()) {
        tx.execute(
            "INSERT INTO article_notes (article_id, text, at) VALUES (?1, ?2, ?3)",
            params![id, n.text.trim(), n.at],
        )?;
    }
    Ok(())
}
