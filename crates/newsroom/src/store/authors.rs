//! Authors: the names and bios that close articles.

use super::{Store, StoreError};
use crate::model::{Author, AuthorId};
use rusqlite::{OptionalExtension, params};

pub(super) fn load(tx: &rusqlite::Connection, id: AuthorId) -> Result<Author, StoreError> {
    tx.query_row(
        "SELECT id, name, role, bio, photo_id FROM authors WHERE id = ?1",
        [id],
        |r| {
            Ok(Author {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                bio: r.get(3)?,
                photo_id: r.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::AuthorNotFound(id))
}

impl Store {
    /// Creates the author named `name` or updates their role and bio (empty values keep
    /// what is stored). Names match without regard to case.
    pub fn upsert_author(
        &mut self,
        name: &str,
        role: &str,
        bio: &str,
    ) -> Result<Author, StoreError> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(StoreError::NamelessAuthor);
        }
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO authors (name, role, bio) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET
                     role = CASE excluded.role WHEN '' THEN role ELSE excluded.role END,
                     bio = CASE excluded.bio WHEN '' THEN bio ELSE excluded.bio END",
                params![name, role.trim(), bio.trim()],
            )?;
            let id: AuthorId =
                tx.query_row("SELECT id FROM authors WHERE name = ?1", [&name], |r| {
                    r.get(0)
                })?;
            load(tx, id)
        })
    }

    /// The author with this id.
    pub fn author(&self, id: AuthorId) -> Result<Author, StoreError> {
        load(&self.conn, id)
    }

    /// The author with this name (names are unique, ignoring case), if there is one.
    pub fn author_named(&self, name: &str) -> Result<Option<Author>, StoreError> {
        let id: Option<AuthorId> = self
            .conn
            .prepare_cached("SELECT id FROM authors WHERE name = ?1")?
            .query_row([name.trim()], |row| row.get(0))
            .optional()?;
        id.map(|id| load(&self.conn, id)).transpose()
    }
}
