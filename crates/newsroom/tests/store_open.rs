//! Opening library files: new, foreign, damaged, newer, busy. A file that is refused is left
//! byte for byte as it was, with no journal files beside it.

#[allow(dead_code)]
mod common;

use common::{assert_error, draft};
use newsroom::model::RevisionCause;
use newsroom::store::{Store, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn open_err(path: &Path) -> StoreError {
    match Store::open(path) {
        Ok(_) => panic!("“{}” should have been refused", path.display()),
        Err(e) => e,
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Asserts that `path` still holds exactly `bytes` and that SQLite left no journal beside it.
fn assert_untouched(path: &Path, bytes: &[u8]) {
    assert!(
        std::fs::read(path).unwrap() == bytes,
        "the file was modified"
    );
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(!sidecar(path, suffix).exists(), "{suffix} was created");
    }
}

/// A closed library file with a few articles in it.
fn library_with_data(path: &Path) {
    let mut store = Store::open(path).unwrap();
    for i in 0..40 {
        let body = format!("Paragraph {i}. ").repeat(200);
        store
            .create_article(&draft(&format!("Story {i}"), &body), RevisionCause::Manual)
            .unwrap();
    }
    // Dropping the last connection checkpoints the WAL into the file and removes it.
}

#[test]
fn a_new_library_is_created_with_its_folder_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not/yet/there/library.db");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        store.integrity_check().unwrap();
        store
            .create_article(&draft("Kept", "text"), RevisionCause::Manual)
            .unwrap();
        store.checkpoint().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.article_by_slug("kept").unwrap().body, "text");
    store.integrity_check().unwrap();
    let journal: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_text_file_is_not_a_library_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "Meeting notes: call the desk at nine.\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let err = open_err(&path);
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_error(
        &err,
        newsroom::ErrorKind::Unsupported,
        &[
            &path.display().to_string(),
            "not a Newsroom library",
            "untouched",
        ],
    );
    assert_untouched(&path, text.as_bytes());
}

#[test]
fn another_programs_database_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    for version in [0, 7] {
        let path = dir.path().join(format!("app-{version}.sqlite"));
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');",
            )
            .unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        let err = open_err(&path);
        assert!(
            matches!(err, StoreError::ForeignDatabase { .. }),
            "version {version}: {err:?}"
        );
        assert_error(
            &err,
            newsroom::ErrorKind::Unsupported,
            &[&path.display().to_string(), "another program"],
        );
        assert_untouched(&path, &bytes);
    }
}

#[test]
fn a_library_from_a_newer_version_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    library_with_data(&path);
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    assert_untouched(&path, &bytes);
    let err = open_err(&path);
    assert!(
        matches!(
            err,
            StoreError::NewerVersion {
                found: 99,
                known: 7,
                ..
            }
        ),
        "{err:?}"
    );
    assert_error(
        &err,
        newsroom::ErrorKind::NewerVersion,
        &[&path.display().to_string(), "schema 99", "update Newsroom"],
    );
    assert_untouched(&path, &bytes);
}

/// Overwrites page `page` (1-based) of the database at `path` with garbage.
fn damage_page(path: &Path, page: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    let size = u64::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let start = ((page - 1) * size) as usize;
    assert!(
        start + size as usize <= bytes.len(),
        "page {page} is past the end"
    );
    for (i, b) in bytes[start..start + size as usize].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_library_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    library_with_data(&path);
    let pages = std::fs::metadata(&path).unwrap().len() / 4096;
    for page in [3, pages / 2] {
        let copy = dir.path().join(format!("damaged-{page}.db"));
        std::fs::copy(&path, &copy).unwrap();
        damage_page(&copy, page);
        let bytes = std::fs::read(&copy).unwrap();
        let err = open_err(&copy);
        assert!(
            matches!(err, StoreError::Corrupt { .. }),
            "page {page}: {err:?}"
        );
        assert_error(
            &err,
            newsroom::ErrorKind::Corrupt,
            &[&copy.display().to_string(), "damaged", "backup"],
        );
        assert_untouched(&copy, &bytes);
    }
}

#[test]
fn a_folder_that_cannot_be_made_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let path = file.join("library.db");
    let err = open_err(&path);
    assert_error(
        &err,
        newsroom::ErrorKind::Io,
        &[&path.display().to_string()],
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_write_while_another_program_writes_reports_busy_then_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut store = Store::open_with_timeout(&path, Duration::from_millis(200)).unwrap();
    let a = store
        .create_article(&draft("Story", "before"), RevisionCause::Manual)
        .unwrap();

    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let err = store.save_body(a.id, "typed while locked").unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert_error(
        &err,
        newsroom::ErrorKind::Locked,
        &[&path.display().to_string(), "busy", "try again"],
    );
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "the busy timeout was waited"
    );
    // Reading goes on while another program writes (WAL).
    assert_eq!(store.article(a.id).unwrap().body, "before");
    // Opening does not write, so it works too.
    let second = Store::open_with_timeout(&path, Duration::from_millis(200)).unwrap();
    assert_eq!(second.article(a.id).unwrap().body, "before");

    other.execute_batch("COMMIT").unwrap();
    store.save_body(a.id, "typed while locked").unwrap();
    assert_eq!(second.article(a.id).unwrap().body, "typed while locked");
}

#[test]
fn a_fresh_in_memory_library_passes_the_integrity_check() {
    let store = Store::open_in_memory().unwrap();
    store.integrity_check().unwrap();
    assert_eq!(store.path(), None);
}
