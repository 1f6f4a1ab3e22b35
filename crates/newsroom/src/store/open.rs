//! Opening a library safely: check first, then migrate.
//!
//! An existing file is inspected through a read-only connection before the read-write one is
//! made, so a foreign, damaged or newer database is reported without a single byte written
//! (not even the WAL switch).

use super::StoreError;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};
use std::path::Path;
use std::time::Duration;

/// The schema, one migration per version. Never edit a released migration: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_library.sql"),
    include_str!("migrations/0002_workspace.sql"),
    include_str!("migrations/0003_extra_fields.sql"),
    include_str!("migrations/0004_article_uids.sql"),
    include_str!("migrations/0005_publishing.sql"),
    include_str!("migrations/0006_desk_fields.sql"),
    include_str!("migrations/0007_proofing.sql"),
];

/// The migration that runs code after its SQL, by its number (0006: the desk's fields).
const DESK_FIELDS: usize = 6;

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(index, sql)| match index + 1 {
                DESK_FIELDS => M::up_with_hook(sql, super::desk_fields::adopt_from_extra_fields),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// Migrates a test's database to `version` exactly.
#[cfg(test)]
pub(super) fn migrations_to(conn: &mut Connection, version: usize) {
    migrations().to_version(conn, version).expect("migrations");
}

/// The schema version this build writes.
pub(crate) fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub(super) fn open_file(path: &Path, busy_timeout: Duration) -> Result<Connection, StoreError> {
    let exists = path.exists();
    if exists {
        inspect_existing(path, busy_timeout).map_err(|e| e.at(path))?;
    } else if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let mut conn = Connection::open(path).map_err(|e| open_error(path, e))?;
    configure(&conn, busy_timeout).map_err(|e| e.at(path))?;
    migrate(&mut conn).map_err(|e| e.at(path))?;
    Ok(conn)
}

pub(super) fn open_memory() -> Result<Connection, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, Duration::ZERO)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(ref f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
            StoreError::Open {
                path: path.to_path_buf(),
                source: std::io::Error::other(
                    "the file cannot be opened (check the folder and its permissions)",
                ),
            }
        }
        other => StoreError::from(other).at(path),
    }
}

/// Opens `path` for inspection, creating nothing beside it.
///
/// A read-only connection to a WAL database creates `-wal` and `-shm` files and, unable to
/// checkpoint, leaves them behind. Without a `-wal` file the database file alone is the whole
/// database, so it is read as immutable, which needs neither; with one, the files are already
/// there (another connection is open, or the last one did not close cleanly) and are used.
fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let immutable = std::path::absolute(path)
        .ok()
        .filter(|_| !Path::new(&wal).exists())
        .and_then(|abs| url::Url::from_file_path(abs).ok());
    match immutable {
        Some(mut uri) => {
            uri.set_query(Some("immutable=1"));
            Connection::open_with_flags(uri.as_str(), flags | OpenFlags::SQLITE_OPEN_URI)
        }
        None => Connection::open_with_flags(path, flags),
    }
    .map_err(|e| open_error(path, e))
}

/// Libraries up to this size are checked page by page (`quick_check`) before they are opened
/// for writing. A full check of a large library costs seconds (3.6 s for 800 MB here), too much
/// for every launch; there, SQLite still reports a damaged page as soon as a statement reads
/// it, before anything is written over it.
const QUICK_CHECK_MAX_BYTES: u64 = 64 * 1024 * 1024;

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Checks, without writing anything, that `path` holds a Newsroom library this version can
/// open: the same checks as opening, and an empty database is refused too.
pub(crate) fn check_library_file(path: &Path) -> Result<(), StoreError> {
    let checked = inspect_existing(path, Duration::ZERO).and_then(|()| {
        let conn = open_read_only(path)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version == 0 {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        Ok(())
    });
    checked.map_err(|e| e.at(path))
}

/// Reads the header and schema version without writing anything.
fn inspect_existing(path: &Path, busy_timeout: Duration) -> Result<(), StoreError> {
    let conn = open_read_only(path)?;
    conn.busy_timeout(busy_timeout)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        [],
        |row| row.get(0),
    )?;
    let has_articles: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
        [],
        |row| row.get(0),
    )?;
    // Other programs set `user_version` too: only a file with our tables is one of ours, and
    // only one of ours can be from a newer Newsroom.
    let foreign = if version == 0 {
        tables > 0
    } else {
        !has_articles
    };
    if foreign {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if version > latest_version() {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        });
    }
    if version > 0 && file_len(path) <= QUICK_CHECK_MAX_BYTES {
        let quick: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
        if quick != "ok" {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: quick,
            });
        }
    }
    Ok(())
}

/// WAL so readers never wait for the writer; NORMAL sync, which in WAL mode is safe against a
/// crash of the app (explicit saves checkpoint for power-loss safety); foreign keys enforced.
fn configure(conn: &Connection, busy_timeout: Duration) -> Result<(), StoreError> {
    conn.busy_timeout(busy_timeout)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrations().to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
        other => StoreError::UpgradeFailed(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }

    /// The bundled SQLite is built as `.cargo/config.toml` says: full-text search (FTS5) in, and
    /// no way for a query or a database file to load an extension.
    #[test]
    fn sqlite_has_full_text_search_and_cannot_load_extensions() {
        let conn = super::open_memory().unwrap();
        let options: Vec<String> = conn
            .prepare("PRAGMA compile_options")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for expected in ["ENABLE_FTS5", "OMIT_LOAD_EXTENSION", "OMIT_JSON"] {
            assert!(
                options.iter().any(|o| o == expected),
                "{expected}: {options:?}"
            );
        }
        for left_out in ["ENABLE_FTS3", "ENABLE_RTREE"] {
            assert!(!options.iter().any(|o| o == left_out), "{left_out}");
        }
        let refused = conn
            .query_row("SELECT load_extension('/tmp/anything')", [], |_| Ok(()))
            .unwrap_err();
        assert!(
            refused.to_string().contains("no such function"),
            "{refused}"
        );
    }

    /// Articles made before uids get one each, all different, when the library is upgraded.
    #[test]
    fn upgrading_to_uids_gives_every_article_its_own() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_version(&mut conn, 3).unwrap();
        for slug in ["one", "two", "three"] {
            conn.execute(
                "INSERT INTO articles (slug, headline, created_at, updated_at) VALUES (?1, ?1, 0, 0)",
                [slug],
            )
            .unwrap();
        }
        super::migrate(&mut conn).unwrap();
        let uids: Vec<String> = conn
            .prepare("SELECT DISTINCT uid FROM articles")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(uids.len(), 3, "{uids:?}");
        assert!(
            uids.iter()
                .all(|uid| uid.len() == 32 && uid.chars().all(|c| c.is_ascii_hexdigit())),
            "{uids:?}"
        );
    }
}
