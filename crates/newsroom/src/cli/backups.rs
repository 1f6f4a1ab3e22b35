//! Commands that keep the library safe: backup, backups, restore-backup.
//!
//! The CLI takes a backup only when asked; the desktop app takes the daily one
//! ([`newsroom::Library::daily_backup`]).

use super::CliResult;
use super::output::out;
use newsroom::Library;
use std::path::Path;

/// Today's rolling backup, or a copy at `out`; prints where it went.
pub fn backup(library: &mut Library, out: Option<&Path>) -> CliResult {
    let path = match out {
        Some(path) => {
            library.backup_to(path)?;
            path.to_path_buf()
        }
        None => library.backup_now()?,
    };
    out!("{}", path.display());
    Ok(())
}

/// One line per backup: `2026-11-28  1.2 MB  /path/to/library-2026-11-28.db`.
pub fn list(library: &mut Library) -> CliResult {
    for backup in library.backups()? {
        out!(
            "{}  {}  {}",
            backup.date,
            size(backup.bytes),
            backup.path.display()
        );
    }
    Ok(())
}

/// Puts `file` in place of the library at `db`; prints the safety copy of the old library.
pub fn restore(db: &Path, file: &Path) -> CliResult {
    match newsroom::library::restore_backup(db, file)? {
        Some(safety) => out!("{}", safety.display()),
        None => eprintln!("newsroom: there was no library yet, so no safety copy was needed."),
    }
    Ok(())
}

/// A size for people: bytes, kB or MB (decimal, one decimal place).
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}
