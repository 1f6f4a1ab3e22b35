//! Files waiting to be taken in, handed out in chunks.
//!
//! A git checkout or a sync tool changing thousands of files arrives as one watcher batch;
//! taking it in under one lock would keep the app's saves waiting for seconds. The loop takes
//! the lock for one chunk at a time instead, and the chunks keep the rule that ingest keeps
//! within one call (see [`crate::Library::ingest_workspace_paths`]): a file renamed by another
//! program moves with its article only if its new path is looked at before its old one is seen
//! gone. So every path that exists (a new or changed file: a rename's new end) is handed out
//! before any path that does not (a deleted file: a rename's old end), whichever chunks the
//! two ends fall in.

use crate::workspace::disk::MAX_ARTICLE_FILE_BYTES;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Paths reported by the watcher, not yet taken in, in the order they will be.
#[derive(Default)]
pub(super) struct IngestQueue {
    /// Paths that existed when they were reported.
    present: BTreeSet<PathBuf>,
    /// Paths that did not: handed out only once `present` is empty.
    gone: BTreeSet<PathBuf>,
}

impl IngestQueue {
    /// Adds paths (a path already waiting is kept once, sorted by whether it exists now).
    pub fn push(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        for path in paths {
            if path.exists() {
                self.gone.remove(&path);
                self.present.insert(path);
            } else {
                self.present.remove(&path);
                self.gone.insert(path);
            }
        }
    }

    /// The next chunk of at most `max` paths whose files hold at most `max_bytes` together
    /// (but always one path), `None` when nothing waits. The time a chunk holds the lock grows
    /// with the text taken in, so a few large files make a chunk of their own; sizes are read
    /// here, before the lock is taken.
    pub fn next_chunk(&mut self, max: usize, max_bytes: u64) -> Option<Vec<PathBuf>> {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < max {
            let Some(path) = self.present.first() else {
                break;
            };
            // A file over the limit is only read and refused: it weighs no more than the limit.
            let size = std::fs::symlink_metadata(path)
                .map_or(0, |m| m.len())
                .min(MAX_ARTICLE_FILE_BYTES);
            if !chunk.is_empty() && bytes + size > max_bytes {
                return Some(chunk);
            }
            bytes += size;
            chunk.extend(self.present.pop_first());
        }
        while chunk.len() < max {
            match self.gone.pop_first() {
                Some(path) => chunk.push(path),
                None => break,
            }
        }
        (!chunk.is_empty()).then_some(chunk)
    }

    pub fn is_empty(&self) -> bool {
        self.present.is_empty() && self.gone.is_empty()
    }

    /// Drops everything waiting (a full scan is about to look at every file anyway).
    pub fn clear(&mut self) {
        self.present.clear();
        self.gone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_paths_come_before_vanished_ones_whatever_the_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let mut queue = IngestQueue::default();
        // Renamed "a-N.md" -> "z-N.md": the old ends sort first, the new ones exist.
        let mut reported = Vec::new();
        for n in 0..120 {
            let new = dir.path().join(format!("z-{n:03}.md"));
            std::fs::write(&new, "moved").unwrap();
            reported.push(dir.path().join(format!("a-{n:03}.md")));
            reported.push(new);
        }
        queue.push(reported.iter().cloned().chain(reported.iter().cloned()));
        let mut chunks = Vec::new();
        while let Some(chunk) = queue.next_chunk(50, u64::MAX) {
            assert!(chunk.len() <= 50);
            chunks.push(chunk);
        }
        assert!(queue.is_empty());
        let order: Vec<PathBuf> = chunks.into_iter().flatten().collect();
        assert_eq!(order.len(), 240, "each path once");
        let first_gone = order.iter().position(|p| !p.exists()).unwrap();
        assert_eq!(first_gone, 120);
        assert!(order[first_gone..].iter().all(|p| !p.exists()));
    }

    /// Large files make small chunks: together the files of a chunk hold at most the byte
    /// budget, unless one file alone is larger (it is a chunk of its own). Vanished paths weigh
    /// nothing.
    #[test]
    fn a_chunk_holds_at_most_its_bytes_but_always_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let sizes = [("a.md", 600), ("b.md", 600), ("c.md", 100), ("d.md", 2000)];
        let mut queue = IngestQueue::default();
        for (name, size) in sizes {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![b'x'; size]).unwrap();
            queue.push([path]);
        }
        queue.push([dir.path().join("gone.md")]);
        let mut chunks = Vec::new();
        while let Some(chunk) = queue.next_chunk(50, 1000) {
            let names: Vec<String> = chunk
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect();
            chunks.push(names.join(" "));
        }
        assert_eq!(chunks, ["a.md", "b.md c.md", "d.md gone.md"]);
    }

    /// `mv a.md b.md` by another program during a checkout: the rename's two ends are more than
    /// a chunk apart in path order, so chunks cut in path order would see the old end gone
    /// first and trash the article (and then make a new one of the moved file).
    #[test]
    fn a_rename_among_a_checkout_moves_its_article_whatever_the_chunks() {
        rename_among_a_checkout(false);
    }

    /// The same checkout made while the app was closed, found by the start-up scan, which the
    /// loop queues in chunks too.
    #[test]
    fn a_rename_found_by_the_start_up_scan_moves_its_article_whatever_the_chunks() {
        rename_among_a_checkout(true);
    }

    fn rename_among_a_checkout(found_by_scan: bool) {
        use super::super::run::{INGEST_BATCH, INGEST_BYTES};
        use crate::Library;
        use crate::model::{NewArticle, RevisionCause};
        use crate::store::Store;
        use crate::workspace::Workspace;

        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_memory().unwrap();
        let mut lib = Library::with_store(store, &dir.path().join("media")).unwrap();
        let ws = Workspace::open(&dir.path().join("Newsroom")).unwrap();
        let mut create = |headline: String| {
            let new = NewArticle {
                headline,
                section: "World".into(),
                body: "Words.\n".into(),
                ..NewArticle::default()
            };
            lib.store_mut()
                .create_article(&new, RevisionCause::Manual)
                .unwrap()
                .id
        };
        let moved = create("Aaa first".into());
        let others: Vec<_> = (0..INGEST_BATCH + 10)
            .map(|n| create(format!("Story {n:03}")))
            .collect();
        lib.mirror_workspace(&ws).unwrap();
        let file_of =
            |lib: &Library, id| ws.absolute(&lib.store().workspace_file(id).unwrap().unwrap().path);
        let old = file_of(&lib, moved);
        let new = old.with_file_name("zzz-last.md");
        std::fs::rename(&old, &new).unwrap();
        let mut reported = vec![old.clone(), new.clone()];
        for &id in &others {
            let path = file_of(&lib, id);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("Words.", "Checked out.")).unwrap();
            reported.push(path);
        }
        reported.sort();
        assert_eq!(reported.first(), Some(&old));
        assert_eq!(reported.last(), Some(&new));
        if found_by_scan {
            let (report, found) = lib.scan_workspace(&ws).unwrap();
            assert!(report.is_empty(), "{report:?}");
            assert_eq!(found.len(), reported.len(), "{found:?}");
            reported = found;
        }

        let mut queue = IngestQueue::default();
        queue.push(reported);
        let mut chunks = 0;
        while let Some(chunk) = queue.next_chunk(INGEST_BATCH, INGEST_BYTES) {
            let report = lib.ingest_workspace_paths(&ws, &chunk).unwrap();
            assert!(
                report.trashed.is_empty() && report.created.is_empty(),
                "{report:?}"
            );
            chunks += 1;
        }
        assert_eq!(chunks, 2);
        assert_eq!(file_of(&lib, moved), new);
        assert!(lib.store().article(moved).unwrap().trashed_at.is_none());
        assert_eq!(
            lib.store().all_article_ids().unwrap().len(),
            others.len() + 1
        );
        for id in others {
            assert_eq!(lib.store().article(id).unwrap().body, "Checked out.\n");
        }
    }

    #[test]
    fn a_path_reported_again_is_sorted_by_what_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        let mut queue = IngestQueue::default();
        queue.push([path.clone()]);
        std::fs::write(&path, "back").unwrap();
        queue.push([path.clone(), dir.path().join("gone.md")]);
        assert_eq!(
            queue.next_chunk(1, u64::MAX),
            Some(vec![path]),
            "it exists now: first"
        );
        assert_eq!(
            queue.next_chunk(5, u64::MAX),
            Some(vec![dir.path().join("gone.md")])
        );
        assert_eq!(queue.next_chunk(5, u64::MAX), None);
    }

    /// The figures in BENCHMARKS.md ("Workspace sync"): the lock held per chunk when a checkout
    /// rewrites 2,000 files, and when twenty articles of 1 MiB (the largest the sync takes in)
    /// arrive at once. `cargo test --release -p newsroom --lib lock_held_per_chunk -- --ignored
    /// --nocapture --test-threads 1`
    #[test]
    #[ignore = "a measurement: run it in release"]
    fn checkout_of_2000_files_lock_held_per_chunk() {
        let body = "A paragraph of words. ".repeat(50);
        lock_held_per_chunk("2000 files of 1 KiB", 2000, &body, false);
        lock_held_per_chunk("same, while the app was closed", 2000, &body, true);
    }

    #[test]
    #[ignore = "a measurement: run it in release"]
    fn twenty_one_mebibyte_files_lock_held_per_chunk() {
        let words = "A paragraph of words. ".repeat(47_000);
        lock_held_per_chunk("20 files of 1 MiB", 20, &words, false);
    }

    /// Makes `count` articles with `body`, has another program rewrite every file, then takes
    /// the files in chunk by chunk as the sync loop does (the watcher's paths, or those the
    /// start-up scan found, whose own hold is printed too), and prints how long each chunk held
    /// the library (its lock, in the app).
    fn lock_held_per_chunk(what: &str, count: usize, body: &str, found_by_scan: bool) {
        use super::super::run::{INGEST_BATCH, INGEST_BYTES};
        use crate::Library;
        use crate::model::{NewArticle, RevisionCause};
        use crate::store::Store;
        use crate::workspace::Workspace;
        use std::time::{Duration, Instant};

        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("library.db")).unwrap();
        let mut lib = Library::with_store(store, &dir.path().join("media")).unwrap();
        let ws = Workspace::open(&dir.path().join("Newsroom")).unwrap();
        for n in 0..count {
            let new = NewArticle {
                headline: format!("Story {n:04}"),
                section: ["World", "Sports", "Culture"][n % 3].into(),
                body: body.into(),
                ..NewArticle::default()
            };
            lib.store_mut()
                .create_article(&new, RevisionCause::Manual)
                .unwrap();
        }
        lib.mirror_workspace(&ws).unwrap();
        let mut paths = Vec::new();
        for file in lib.store().workspace_files().unwrap() {
            let path = ws.absolute(&file.path);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replacen("A paragraph", "Checked out", 1)).unwrap();
            paths.push(path);
        }
        let started = Instant::now();
        if found_by_scan {
            let (_, found) = lib.scan_workspace(&ws).unwrap();
            println!("{what}: the scan held the library {:?}", started.elapsed());
            paths = found;
        }
        let mut queue = IngestQueue::default();
        queue.push(paths);
        let mut holds: Vec<Duration> = Vec::new();
        while let Some(chunk) = queue.next_chunk(INGEST_BATCH, INGEST_BYTES) {
            let asked = Instant::now();
            let report = lib.ingest_workspace_paths(&ws, &chunk).unwrap();
            holds.push(asked.elapsed());
            assert_eq!(report.changed.len(), chunk.len(), "{report:?}");
        }
        let total = started.elapsed();
        holds.sort();
        let at = |q: f64| holds[((holds.len() - 1) as f64 * q) as usize];
        println!(
            "{what}: {} chunks, {total:?} in all; lock per chunk median {:?}, p95 {:?}, max {:?}",
            holds.len(),
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}
