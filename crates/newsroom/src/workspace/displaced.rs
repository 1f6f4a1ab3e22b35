//! Files our writes displaced, held a while in case a program still writes into them.
//!
//! A write swaps the app's version in and gets back the file it replaced (see [`super::atomic`],
//! "Writers that still hold the old file"). A program that had that file open, an editor saving
//! in place in several writes, may still be writing into it. So it is not deleted at once: it
//! moves to the hidden folder [`FOLDER`] at the workspace root, under a name that records the
//! article, when it was displaced, and the hashes of its bytes then and of the bytes that
//! replaced it (the folder survives a crash, so the next start picks up where this one was).
//! Every pass (mirror, reconcile, and the sync loop's ingest) looks at the held files:
//! - unchanged for [`GRACE`] since displaced: deleted, as the write would have before;
//! - changed (a late write: the other program's save, made against a version the app had
//!   replaced, so concurrent with the app's by construction):
//!   - when the article's file is still the write that displaced it, the held file is swapped
//!     back in its place, so the program's later writes land in the folder again, and the
//!     article is put in conflict with it;
//!   - otherwise (the file was saved again since) its text is kept in the article's history
//!     as the file's side of a conflict, and it stays held under its new hash, so that a
//!     further write into it is taken in too, until it has been quiet for [`GRACE`];
//!   - one that cannot be read as an article (or whose article is gone) is kept next to the
//!     article's file as `<slug> (kept N).md` once quiet for [`GRACE`], which the sync then
//!     reports; an empty one holds no words and is deleted.
//!
//! [`GRACE`] outlasts the watcher's debounce (100 ms) and the pauses of editors that save in
//! several writes (milliseconds); a program idle for longer with the file open, writing only
//! after the grace period, writes into a deleted file.

use super::atomic::{keep_aside, put_back, remove_durably};
use super::disk::{self, OnDisk};
use super::{SyncReport, Workspace, WorkspaceError, layout};
use crate::Library;
use crate::error::Result;
use crate::model::{ArticleId, RevisionCause};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tempfile::TempPath;

/// The hidden folder at the workspace root where displaced files are held. The sync ignores
/// hidden folders, so nothing in it is ever taken for an article.
pub(super) const FOLDER: &str = ".newsroom-displaced";
/// How long a displaced file is held after it was displaced or last changed.
pub(super) const GRACE: Duration = Duration::from_secs(2);
/// Hex characters of a hash kept in a held file's name (128 bits: only ever compared with
/// the hash of bytes the sync itself read or wrote).
const HASH_CHARS: usize = 32;
const SUFFIX: &str = ".held";

/// Milliseconds since the epoch, the clock held files are timed by.
pub(super) fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

/// A held file, as its name records it: `<article>-<since>-<seen>-<ours>-<tag>.held`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Held {
    article: ArticleId,
    /// When it was displaced, or its late write last taken in (ms since the epoch).
    since_ms: u64,
    /// Hash prefix of its bytes at that moment: other bytes are a late write.
    seen: String,
    /// Hash prefix of the bytes that replaced it.
    ours: String,
    /// Keeps names unique (the random part of the write's temporary name).
    tag: String,
}

impl Held {
    fn name(&self) -> String {
        let Held {
            article,
            since_ms,
            seen,
            ours,
            tag,
        } = self;
        format!("{article}-{since_ms}-{seen}-{ours}-{tag}{SUFFIX}")
    }

    fn parse(name: &str) -> Option<Held> {
        let mut parts = name.strip_suffix(SUFFIX)?.split('-');
        let held = Held {
            article: parts.next()?.parse().ok()?,
            since_ms: parts.next()?.parse().ok()?,
            seen: hash_part(parts.next()?)?,
            ours: hash_part(parts.next()?)?,
            tag: parts.next()?.to_string(),
        };
        (parts.next().is_none() && !held.tag.is_empty()).then_some(held)
    }

    /// Whether `on_disk` is still what this file held when it was displaced or last taken in.
    fn unchanged(&self, on_disk: &OnDisk) -> bool {
        on_disk
            .hash()
            .is_some_and(|hash| hash.starts_with(&self.seen))
    }
}

fn hash_part(part: &str) -> Option<String> {
    (part.len() == HASH_CHARS && part.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| part.to_ascii_lowercase())
}

fn prefix(hash: &str) -> String {
    hash.chars().take(HASH_CHARS).collect()
}

/// Holds `displaced`, the file a write of article `id` replaced (its bytes hashed `seen`, the
/// write's `ours`). When it cannot be moved to the folder (another file system mounted inside
/// the workspace, no permission) it is deleted, as before holding existed: the write itself
/// succeeded and must not fail for this.
pub(super) fn hold(ws: &Workspace, id: ArticleId, displaced: TempPath, seen: &str, ours: &str) {
    let folder = ws.root().join(FOLDER);
    let tag = displaced
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_prefix(layout::TEMP_PREFIX))
        .and_then(|name| name.split('.').next())
        .filter(|tag| !tag.is_empty() && !tag.contains('-'))
        .unwrap_or("w")
        .to_string();
    let held = Held {
        article: id,
        since_ms: now_ms(),
        seen: prefix(seen),
        ours: prefix(ours),
        tag,
    };
    if std::fs::create_dir_all(&folder).is_ok() {
        // On failure the file comes back with the error and is deleted when dropped.
        let _ = displaced.persist_noclobber(folder.join(held.name()));
    }
}

/// After a put-back, `path` holds what it took the place of: when that is the app's write, it
/// is held in turn (a program that opened it meanwhile may still be saving into it, so it is
/// not deleted at once), as displaced by the late write hashed `theirs`. Anything else (a save
/// that landed in between) stays under the old name, which makes it a late write to take in.
fn hold_put_back(path: &Path, held: &Held, theirs: &str) -> Result<(), WorkspaceError> {
    if !disk::read(path)?
        .hash()
        .is_some_and(|hash| hash.starts_with(&held.ours))
    {
        return Ok(());
    }
    let again = Held {
        since_ms: now_ms(),
        seen: held.ours.clone(),
        ours: prefix(theirs),
        ..held.clone()
    };
    crate::durable::rename_new(path, &path.with_file_name(again.name())).map_err(|source| {
        WorkspaceError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

impl Library {
    /// Looks at the held displaced files (see the module documentation) as of `now_ms`:
    /// late writes are taken in, quiet files past the grace period removed.
    pub(super) fn settle_displaced(
        &mut self,
        ws: &Workspace,
        now_ms: u64,
        report: &mut SyncReport,
    ) -> Result<()> {
        let folder = ws.root().join(FOLDER);
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => {
                return Err(WorkspaceError::Read {
                    path: folder,
                    source,
                }
                .into());
            }
        };
        let mut held: Vec<(PathBuf, Held)> = entries
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let held = Held::parse(entry.file_name().to_str()?)?;
                Some((entry.path(), held))
            })
            .collect();
        // Versions displaced earlier are taken in first, as they came.
        held.sort_by_key(|(_, held)| held.since_ms);
        for (path, held) in held {
            self.settle_held(ws, &path, held, now_ms, report)?;
        }
        Ok(())
    }

    fn settle_held(
        &mut self,
        ws: &Workspace,
        path: &Path,
        held: Held,
        now_ms: u64,
        report: &mut SyncReport,
    ) -> Result<()> {
        let on_disk = disk::read(path)?;
        // Nothing of ours is left there, or something planted (a link) that must never be put
        // back in place of an article's file.
        if matches!(on_disk, OnDisk::Missing | OnDisk::NotAFile(_)) {
            return Ok(());
        }
        if held.unchanged(&on_disk) {
            if quiet_since(held.since_ms, now_ms) {
                remove_durably(path)?;
            }
            return Ok(());
        }
        let Some(app) = self.render(held.article)? else {
            return self.keep_when_quiet(ws, path, &held, &on_disk, now_ms, report);
        };
        // Where the article's file is (a file another program moved stays where it went).
        let file = match self.store().workspace_file(held.article)? {
            Some(state) => ws.absolute(&state.path),
            None => ws.absolute(&layout::article_path(&app.article)),
        };
        if app.article.trashed_at.is_none() {
            let ours_in_place = disk::read(&file)?
                .hash()
                .is_some_and(|hash| hash.starts_with(&held.ours));
            if ours_in_place && put_back(path, &file, &held.ours)? {
                hold_put_back(path, &held, on_disk.hash().unwrap_or_default())?;
                return self.conflict_with_file(ws, held.article, &file, report);
            }
        }
        let decoded = match disk::decode(path, &on_disk, true) {
            Ok(decoded) => decoded,
            Err(_) => return self.keep_when_quiet(ws, path, &held, &on_disk, now_ms, report),
        };
        let f = &decoded.file;
        let text = (f.headline.as_str(), f.dek.as_str(), f.body.as_str());
        let hash = on_disk.hash().unwrap_or_default();
        let id = held.article;
        if app.article.trashed_at.is_some() {
            self.store_mut()
                .record_file_text(id, text, RevisionCause::External)?;
        } else {
            self.store_mut()
                .record_conflict(id, text, hash, &decoded.text)?;
            report.conflicts.push(id);
        }
        report.problem(
            file,
            format!(
                "Another program saved the file of article {id} while the app was replacing it; that version is kept in the article's history, and the file's current version is taken in as usual"
            ),
        );
        // Held on under its new bytes: a further write into it is taken in as well.
        let again = Held {
            since_ms: now_ms,
            seen: prefix(hash),
            ..held
        };
        std::fs::rename(path, path.with_file_name(again.name())).map_err(|source| {
            WorkspaceError::Write {
                path: path.to_path_buf(),
                source,
            }
        })?;
        if app.article.trashed_at.is_some() {
            return Ok(());
        }
        // The file's side of the conflict becomes whatever the file holds now.
        self.settle(ws, id, report)
    }

    /// A late write put back in place of the app's version: the article is in conflict with
    /// it (both versions kept as revisions). One that does not read as an article yet (the
    /// program is still writing) is left to the usual rule, which reports it; its next write
    /// comes in through the watcher.
    fn conflict_with_file(
        &mut self,
        ws: &Workspace,
        id: ArticleId,
        file: &Path,
        report: &mut SyncReport,
    ) -> Result<()> {
        let on_disk = disk::read(file)?;
        match (disk::decode(file, &on_disk, true), on_disk.hash()) {
            (Ok(decoded), Some(hash)) => self.record_file_side(id, &decoded, hash, report),
            _ => self.settle(ws, id, report),
        }
    }

    /// A late write that is no article's version: once it stopped changing, kept next to the
    /// article's file as `<slug> (kept N).md` (the sync then reports it), or deleted if empty.
    fn keep_when_quiet(
        &mut self,
        ws: &Workspace,
        path: &Path,
        held: &Held,
        on_disk: &OnDisk,
        now_ms: u64,
        report: &mut SyncReport,
    ) -> Result<()> {
        let changed_ms = on_disk.stamp().map_or(0, |stamp| {
            u64::try_from(stamp.mtime_ns / 1_000_000).unwrap_or(0)
        });
        if !quiet_since(held.since_ms.max(changed_ms), now_ms) {
            return Ok(());
        }
        if matches!(on_disk, OnDisk::Present { bytes, .. } if bytes.is_empty()) {
            return Ok(remove_durably(path)?);
        }
        let next_to = match self.store().workspace_file(held.article)? {
            Some(state) => ws.absolute(&state.path),
            None => ws.absolute(&format!("{}/article-{}.md", layout::UNFILED, held.article)),
        };
        let kept = keep_aside(
            TempPath::try_from_path(path).map_err(|source| WorkspaceError::Write {
                path: path.to_path_buf(),
                source,
            })?,
            &next_to,
        )?;
        report.problem(
            kept,
            format!(
                "Another program wrote into the file of article {} while the app was replacing it, and what it wrote is not an article; it was kept in this file",
                held.article
            ),
        );
        Ok(())
    }
}

/// Whether [`GRACE`] has passed since `since_ms` (a clock set back counts as not yet).
fn quiet_since(since_ms: u64, now_ms: u64) -> bool {
    now_ms.saturating_sub(since_ms) >= GRACE.as_millis() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_record_what_the_held_file_was_and_nothing_else_parses() {
        let held = Held {
            article: 42,
            since_ms: 1_700_000_000_123,
            seen: "ab".repeat(16),
            ours: "0f".repeat(16),
            tag: "Ab12Cd".into(),
        };
        assert_eq!(Held::parse(&held.name()), Some(held.clone()));
        for name in [
            "42-1700000000123-abab.held",
            &held.name().replace(".held", ".md"),
            &held.name().replace("Ab12Cd", "Ab-2Cd"),
            &held.name().replace("42-", "x-"),
            "notes.txt",
        ] {
            assert_eq!(Held::parse(name), None, "{name}");
        }
    }

    #[test]
    fn quiet_takes_the_whole_grace_period() {
        assert!(!quiet_since(1_000, 2_999));
        assert!(quiet_since(1_000, 3_000));
        assert!(!quiet_since(5_000, 1_000), "a clock set back waits");
    }
}
