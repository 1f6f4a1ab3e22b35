//! Putting a backup back in place of the library, without ever losing the current one.
//!
//! The order matters: the backup is checked first (a bad file changes nothing), the library
//! is made whole in its one file and locked against other programs, a safety copy of it is
//! written, and only then is the backup renamed over it. The old `-wal` and `-shm` files are
//! gone before the rename, so SQLite can never replay the old library's log onto the restored
//! one.

use super::backups::{SAFETY_PREFIX, SUFFIX, backups_folder};
use crate::durable::{self, sync_folder};
use crate::error::Result;
use crate::store::{StoreError, check_library_file};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use time::macros::format_description;

/// Replaces the library at `db_path` with the backup file `backup` and returns the safety copy
/// of the library as it was (in `backups/`, named `library-before-restore-<UTC time>.db`), or
/// `None` when there was no library yet.
///
/// Refused, with nothing changed: a missing backup, one that is not a Newsroom library, is
/// damaged or comes from a newer Newsroom, and a library that another program has open.
pub fn restore_backup(db_path: &Path, backup: &Path) -> Result<Option<PathBuf>> {
    if !backup.is_file() {
        return Err(StoreError::BackupNotFound {
            path: backup.to_path_buf(),
        }
        .into());
    }
    check_library_file(backup)?;
    let folder = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::BackupFile { path, source }
    };
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    let staged = tempfile::Builder::new()
        .prefix(".restore-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(io(db_path))?;
    std::fs::copy(backup, staged.path()).map_err(io(backup))?;
    // The restored library keeps the permissions of the one it replaces.
    if let Ok(meta) = std::fs::metadata(db_path) {
        staged
            .as_file()
            .set_permissions(meta.permissions())
            .map_err(io(db_path))?;
    }
    durable::sync_file(staged.as_file()).map_err(io(db_path))?;
    // Held until the rename where open files can be replaced: no other program can open the
    // old library in between. Windows cannot replace an open file, so there the lock goes
    // just before the rename; a program opening the library in that moment makes the rename
    // fail (retried, then reported) with the library and its safety copy intact.
    let mut lock = if db_path.exists() {
        Some(lock_alone(db_path)?)
    } else {
        None
    };
    let safety = lock.as_ref().map(|_| safety_copy(db_path)).transpose()?;
    for companion in ["-wal", "-shm"] {
        remove_if_present(&sibling(db_path, companion)).map_err(io(db_path))?;
    }
    let staged = staged.into_temp_path();
    if !durable::CAN_REPLACE_OPEN_FILES {
        drop(lock.take());
    }
    durable::replace(&staged, db_path).map_err(io(db_path))?;
    // Renamed away: nothing is left to delete.
    let _ = staged.keep();
    sync_folder(folder).map_err(io(db_path))?;
    drop(lock);
    Ok(safety)
}

/// How long a restore waits for another program's save to finish before reporting it in use.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Opens the library as its only user: its log is folded into the database file (leaving it
/// complete on its own) and an exclusive lock is taken. Another program holding it open makes
/// this fail with [`StoreError::InUse`].
fn lock_alone(db_path: &Path) -> Result<Connection> {
    let in_use = || StoreError::InUse {
        path: db_path.to_path_buf(),
    };
    let conn = Connection::open(db_path).map_err(|e| StoreError::from(e).at(db_path))?;
    conn.busy_timeout(LOCK_WAIT)
        .map_err(|e| StoreError::from(e).at(db_path))?;
    // Leaving WAL mode needs every other connection closed; SQLite checks that for us.
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))
        .map_err(|e| locked_or(e, db_path, in_use()))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(in_use().into());
    }
    conn.execute_batch("BEGIN EXCLUSIVE")
        .map_err(|e| locked_or(e, db_path, in_use()))?;
    Ok(conn)
}

/// A busy error is the library being in use; anything else is reported as it is.
fn locked_or(e: rusqlite::Error, db_path: &Path, in_use: StoreError) -> StoreError {
    match StoreError::from(e).at(db_path) {
        StoreError::Locked { .. } => in_use,
        other => other,
    }
}

/// Copies the (locked, self-contained) library into the backups folder under a name no other
/// file has.
fn safety_copy(db_path: &Path) -> Result<PathBuf> {
    let folder = backups_folder(db_path);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::BackupFile { path, source }
    };
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let stamp = OffsetDateTime::now_utc()
        .format(format_description!(
            "[year]-[month]-[day]T[hour][minute][second]"
        ))
        .map_err(|e| io(&folder)(std::io::Error::other(e)))?;
    let mut target = folder.join(format!("{SAFETY_PREFIX}{stamp}{SUFFIX}"));
    let mut n = 2;
    while target.exists() {
        target = folder.join(format!("{SAFETY_PREFIX}{stamp}-{n}{SUFFIX}"));
        n += 1;
    }
    std::fs::copy(db_path, &target).map_err(io(&target))?;
    // Opened for writing: Windows flushes only a file handle that may write.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .and_then(|f| durable::sync_file(&f))
        .map_err(io(&target))?;
    sync_folder(&folder).map_err(io(&folder))?;
    Ok(target)
}

/// `library.db` + `-wal` → `library.db-wal`.
fn sibling(db_path: &Path, suffix: &str) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
