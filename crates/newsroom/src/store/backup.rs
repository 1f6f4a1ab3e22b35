//! Copies of the whole library taken while it is open (SQLite's online backup).
//!
//! A backup is written under a temporary name in the destination folder, checked, flushed to
//! disk and only then renamed: a file with the final name is always a complete library.

use super::{Store, StoreError};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use std::path::Path;

impl Store {
    /// Writes a complete, checked copy of the library to `dest`, replacing any file there.
    ///
    /// Saves made meanwhile by other connections wait for the copy; the copy holds everything
    /// committed before it started.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let io = |source| StoreError::BackupFile {
            path: dest.to_path_buf(),
            source,
        };
        let folder = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(io)?;
        let temp = tempfile::Builder::new()
            .prefix(".backup-")
            .suffix(".tmp")
            .tempfile_in(folder)
            .map_err(io)?;
        self.copy_into(temp.path())?;
        crate::durable::persist(temp, dest).map_err(io)
    }

    /// Copies every page into the (empty) database file at `target`, then checks the copy.
    fn copy_into(&self, target: &Path) -> Result<(), StoreError> {
        let mut copy = Connection::open(target)?;
        {
            let backup = Backup::new(&self.conn, &mut copy)?;
            match backup.step(-1)? {
                StepResult::Done => {}
                _ => {
                    return Err(StoreError::Locked {
                        path: self.path.clone().unwrap_or_default(),
                    });
                }
            }
        }
        let check: String = copy.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: self.path.clone().unwrap_or_default(),
                detail: check,
            });
        }
        copy.close().map_err(|(_, e)| StoreError::from(e))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NewArticle, RevisionCause};
    use crate::store::Store;

    #[test]
    fn a_backup_opens_as_the_same_library_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("library.db")).unwrap();
        let article = store
            .create_article(
                &NewArticle {
                    headline: "Kept".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        store.save_body(article.id, "Saved words.").unwrap();
        let dest = dir.path().join("copies").join("copy.db");
        store.backup_to(&dest).unwrap();
        store.backup_to(&dest).unwrap();
        let names: Vec<_> = std::fs::read_dir(dest.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("copy.db")]);
        let copy = Store::open(&dest).unwrap();
        copy.integrity_check().unwrap();
        assert_eq!(copy.article(article.id).unwrap().body, "Saved words.");
    }

    #[test]
    fn a_backup_into_a_folder_that_cannot_exist_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a folder").unwrap();
        let store = Store::open_in_memory().unwrap();
        let err = store.backup_to(&blocker.join("copy.db")).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io);
        assert!(err.to_string().contains("copy.db"), "{err}");
    }
}
