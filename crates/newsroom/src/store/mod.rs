//! The SQLite database: articles, photos, related links, authors, revisions and settings.
//!
//! One [`Store`] wraps one connection. The database runs in WAL mode with foreign keys on and a
//! busy timeout, its schema is versioned by migrations kept in `migrations/`, and a full-text
//! index is kept in step by triggers. Opening never modifies a file that is not a Newsroom
//! library, is damaged, or comes from a newer version of the app: it is reported instead.

mod articles;
mod authors;
mod backup;
mod budget;
mod changes;
mod checkpoints;
mod desk_fields;
mod desk_log;
mod dictionary;
mod error;
mod open;
mod photos;
mod publishing;
mod related;
mod revision_desk;
mod revisions;
mod search;
mod settings;
mod typing;
mod workspace_state;

pub use budget::{BudgetPage, BudgetQuery, BudgetRow, BudgetSort, Day, TimeKind};
pub use error::StoreError;
pub(crate) use open::check_library_file;
pub use photos::{PhotoPatch, PhotoText};
pub use publishing::{Publication, PublishedPost, UploadedPhoto};
pub use revisions::{RETENTION, RevisionInfo, SaveReceipt, TYPING_WINDOW_SECS};
pub use workspace_state::{FileIdentity, FileStamp, FileVersion, StoredConflict, WorkspaceFile};

use crate::model::Timestamp;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often a long-running front end checkpoints the WAL in the background
/// ([`Store::checkpoint_in_background`]).
pub const BACKGROUND_CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// How long a write waits for another process (the app, the CLI) to finish its own.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(3);

/// The library database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    clock: fn() -> Timestamp,
    /// Declared after `conn`: dropped (stopped) after the connection closes.
    checkpointer: Option<checkpoints::Checkpointer>,
}

/// The current time, in seconds since the epoch.
pub fn system_clock() -> Timestamp {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as Timestamp)
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if needed) the library database at `path`.
    ///
    /// A missing file is created together with its folder. An existing file is checked before
    /// anything is written to it: see [`StoreError`] for what is refused.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open`] with a chosen busy timeout.
    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        let conn = open::open_file(path, busy_timeout)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            clock: system_clock,
            checkpointer: None,
        })
    }

    /// A fresh library held in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = open::open_memory()?;
        Ok(Store {
            conn,
            path: None,
            clock: system_clock,
            checkpointer: None,
        })
    }

    /// Replaces the clock, so tests can control revision coalescing and timestamps.
    pub fn with_clock(mut self, clock: fn() -> Timestamp) -> Store {
        self.clock = clock;
        self
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Runs `f` in an IMMEDIATE transaction: the write lock is taken up front, so a busy
    /// database is reported at once instead of half-way through. A busy or damaged file is
    /// named in the error.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, Timestamp) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let now = self.now();
        let result = (|| -> Result<T, StoreError> {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let value = f(&tx, now)?;
            tx.commit()?;
            Ok(value)
        })();
        match &self.path {
            Some(path) => result.map_err(|e| e.at(path)),
            None => result,
        }
    }

    /// Makes everything committed so far durable against power loss (a WAL checkpoint), for
    /// explicit saves and quitting; ordinary saves are only safe against crashes of the app.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(FULL)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Verifies the database file page by page (`PRAGMA integrity_check`).
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone().unwrap_or_default(),
                detail: result,
            })
        }
    }
}
