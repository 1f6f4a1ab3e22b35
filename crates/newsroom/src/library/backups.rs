//! The rolling daily backup: one copy of the database per day, kept for a week.
//!
//! Backups live in `backups/` beside the database as `library-YYYY-MM-DD.db` (UTC dates). The
//! desktop app calls [`Library::daily_backup`] (the CLI takes backups only when asked, so its
//! commands stay predictable). Retention only ever deletes files with exactly that name, so
//! nothing an editor put in the folder, and no safety copy made by a restore, is removed.

use super::Library;
use crate::error::Result;
use crate::store::StoreError;
use std::path::{Path, PathBuf};
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime};

/// Name of the backups folder, beside the database.
pub const BACKUPS_FOLDER_NAME: &str = "backups";
/// How many days of daily backups are kept, today's included.
pub const KEEP_DAYS: i64 = 7;

const DAILY_PREFIX: &str = "library-";
pub(super) const SAFETY_PREFIX: &str = "library-before-restore-";
pub(super) const SUFFIX: &str = ".db";

/// One backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// The UTC day it was taken, from its name.
    pub date: Date,
    pub bytes: u64,
}

/// The backups folder of the database at `db_path`.
pub fn backups_folder(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUPS_FOLDER_NAME)
}

/// Today in UTC.
pub(crate) fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// `library-2026-11-28.db`.
pub fn daily_name(date: Date) -> String {
    let format = format_description!("[year]-[month]-[day]");
    // A four-digit year always formats; the fallback keeps the name valid regardless.
    let day = date
        .format(&format)
        .unwrap_or_else(|_| date.to_julian_day().to_string());
    format!("{DAILY_PREFIX}{day}{SUFFIX}")
}

/// The day of a daily backup named exactly `library-YYYY-MM-DD.db`, or `None`.
pub fn parse_daily_name(name: &str) -> Option<Date> {
    let day = name.strip_prefix(DAILY_PREFIX)?.strip_suffix(SUFFIX)?;
    if day.len() != 10 {
        return None;
    }
    Date::parse(day, format_description!("[year]-[month]-[day]")).ok()
}

/// The day of a safety copy named `library-before-restore-YYYY-MM-DDTHHMMSS[-N].db`.
fn parse_safety_name(name: &str) -> Option<Date> {
    let rest = name.strip_prefix(SAFETY_PREFIX)?.strip_suffix(SUFFIX)?;
    let day = rest.get(..10)?;
    Date::parse(day, format_description!("[year]-[month]-[day]")).ok()
}

/// Which of the file `names` are daily backups older than [`KEEP_DAYS`] days on `today`.
/// Backups dated in the future (a clock set wrong) are kept.
pub fn expired<'a>(names: impl IntoIterator<Item = &'a str>, today: Date) -> Vec<&'a str> {
    names
        .into_iter()
        .filter(|name| {
            parse_daily_name(name).is_some_and(|day| today - day >= Duration::days(KEEP_DAYS))
        })
        .collect()
}

/// Every backup in `folder`, newest first; a missing folder has none.
pub fn list_backups(folder: &Path) -> Result<Vec<BackupInfo>> {
    let io = |source| StoreError::BackupFile {
        path: folder.to_path_buf(),
        source,
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e).into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(date) = parse_daily_name(name).or_else(|| parse_safety_name(name)) else {
            continue;
        };
        let meta = entry.metadata().map_err(io)?;
        if meta.is_file() {
            found.push(BackupInfo {
                path: entry.path(),
                date,
                bytes: meta.len(),
            });
        }
    }
    found.sort_by(|a, b| (b.date, &b.path).cmp(&(a.date, &a.path)));
    Ok(found)
}

impl Library {
    /// The backups folder, which only a library stored in a file has.
    fn backups_dir(&self) -> Result<PathBuf> {
        let db = self
            .store
            .path()
            .ok_or_else(|| StoreError::NoBackupsFolder)?;
        Ok(backups_folder(db))
    }

    /// Writes a complete, checked copy of the library to `path` (replacing a file there), for
    /// a backup kept elsewhere than the backups folder.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        Ok(self.store.backup_to(path)?)
    }

    /// Takes today's backup now (replacing one taken earlier today) and returns its path.
    pub fn backup_now(&self) -> Result<PathBuf> {
        let path = self.backups_dir()?.join(daily_name(today()));
        self.store.backup_to(&path)?;
        Ok(path)
    }

    /// Takes today's backup unless one exists, then deletes daily backups older than a week.
    /// Returns the new backup, or `None` when today's was already there.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let folder = self.backups_dir()?;
        let today = today();
        if folder.join(daily_name(today)).exists() {
            return Ok(None);
        }
        let path = self.backup_now()?;
        prune(&folder, today)?;
        Ok(Some(path))
    }

    /// The library's backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        list_backups(&self.backups_dir()?)
    }
}

/// Deletes the expired daily backups in `folder`.
fn prune(folder: &Path, today: Date) -> Result<()> {
    let names: Vec<String> = list_backups(folder)?
        .iter()
        .filter_map(|b| b.path.file_name()?.to_str().map(str::to_owned))
        .collect();
    for name in expired(names.iter().map(String::as_str), today) {
        let path = folder.join(name);
        std::fs::remove_file(&path).map_err(|source| StoreError::BackupFile { path, source })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewArticle, RevisionCause};
    use time::macros::date;

    #[test]
    fn daily_names_round_trip_and_nothing_else_parses() {
        let day = date!(2026 - 11 - 28);
        assert_eq!(daily_name(day), "library-2026-11-28.db");
        assert_eq!(parse_daily_name("library-2026-11-28.db"), Some(day));
        for other in [
            "library-2026-11-28.db-wal",
            "library-2026-11-28.sqlite",
            "library-2026-11-28 (copy).db",
            "library-2026-13-01.db",
            "library-26-11-28.db",
            "library-before-restore-2026-11-28T101500.db",
            "notes-2026-11-28.db",
            "library-+2026-11-28.db",
        ] {
            assert_eq!(parse_daily_name(other), None, "{other}");
        }
    }

    #[test]
    fn retention_keeps_seven_days_and_foreign_files() {
        let today = date!(2026 - 03 - 02);
        let names = [
            "library-2026-03-02.db",
            "library-2026-02-24.db",
            "library-2026-02-23.db",
            "library-2026-02-22.db",
            "library-2025-12-31.db",
            "library-2026-03-09.db",
            "library-before-restore-2026-01-01T000000.db",
            "library-2026-01-01.db.keep",
            "holiday.db",
        ];
        assert_eq!(
            expired(names, today),
            vec![
                "library-2026-02-23.db",
                "library-2026-02-22.db",
                "library-2025-12-31.db"
            ]
        );
    }

    fn file_library(dir: &Path) -> Library {
        let mut lib = Library::open(&dir.join("library.db")).unwrap();
        lib.store_mut()
            .create_article(
                &NewArticle {
                    headline: "Backed up".into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .unwrap();
        lib
    }

    #[test]
    fn daily_backup_is_taken_once_a_day_and_prunes_old_ones() {
        let dir = tempfile::tempdir().unwrap();
        let lib = file_library(dir.path());
        let folder = dir.path().join(BACKUPS_FOLDER_NAME);
        std::fs::create_dir_all(&folder).unwrap();
        let old = folder.join(daily_name(today() - Duration::days(KEEP_DAYS)));
        let kept = folder.join(daily_name(today() - Duration::days(KEEP_DAYS - 1)));
        let stranger = folder.join("my-copy.db");
        for file in [&old, &kept, &stranger] {
            std::fs::write(file, "x").unwrap();
        }
        let taken = lib
            .daily_backup()
            .unwrap()
            .expect("first backup of the day");
        assert_eq!(taken, folder.join(daily_name(today())));
        assert!(!old.exists());
        assert!(kept.exists() && stranger.exists());
        assert_eq!(lib.daily_backup().unwrap(), None);
        let listed = lib.backups().unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].path, taken);
        assert!(listed[0].bytes > 1);
        assert_eq!(listed[1].path, kept);
    }

    #[test]
    fn backup_now_replaces_todays_and_an_in_memory_library_has_none() {
        let dir = tempfile::tempdir().unwrap();
        let lib = file_library(dir.path());
        let first = lib.backup_now().unwrap();
        assert_eq!(lib.backup_now().unwrap(), first);
        assert_eq!(lib.backups().unwrap().len(), 1);
        let (memory, _dir) = crate::library::test_support::library();
        assert_eq!(
            memory.backup_now().unwrap_err().kind(),
            crate::ErrorKind::Unsupported
        );
        assert_eq!(
            memory.daily_backup().unwrap_err().kind(),
            crate::ErrorKind::Unsupported
        );
    }
}
