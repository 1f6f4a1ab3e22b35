//! The SQLite database: articles, photos, related links, authors, revisions, settings.

/// Why the database refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no article with id {0}")]
    ArticleNotFound(i64),
}

impl StoreError {
    /// See [`crate::Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::ArticleNotFound(_) => "not_found",
        }
    }
}
