//! A file's problem is told once.
//!
//! The sync looks at a file it cannot take in more than once for a single write: the watcher
//! can deliver one save in two debounced batches, polling gives changed files a second look,
//! and a full scan takes in again every file it cannot trust, a bad one included. The engine's
//! passes report what they find each time (a one-shot caller such as
//! [`Library::reconcile_workspace`] wants all of it); the sync loop, whose every problem
//! becomes a message in front of the editor, tells a problem once, and again only when
//! something about it changed:
//! - the file: its kind (a link, never followed, replaced by a file is news), its size or its
//!   modification time: the stamp the start-up scan trusts ([`stamp_of`]), taken without
//!   opening the file. A file fixed and broken again has a new stamp;
//! - the sentence;
//! - or the path was seen empty in between (the file removed or renamed away): one put back
//!   is told again, even under its old stamp (a copy that kept its time).
//!
//! Two kinds of problem are always told, having no stamp to say whether they are the one
//! already told: one at a path where nothing is (a one-off event: a trashed article's edited
//! file removed, a file gone while it was read), and one named by a folder, which stands for
//! more than one file (the workspace folder, for an article that could not be written and has
//! no file to name; a folder's time changes with every file in it).
//!
//! The memory holds only paths whose problem was told and whose file has not changed since: a
//! path looked at again (an ingested chunk; every path at a full scan) is forgotten once its
//! file changed or went, and the whole memory is swept whenever it doubles, so it stays about
//! as large as the number of bad files in the folder.
//!
//! [`Library::reconcile_workspace`]: crate::Library::reconcile_workspace

use crate::store::FileStamp;
use crate::workspace::FileProblem;
use crate::workspace::disk::stamp_of;
use std::collections::{HashMap, HashSet};
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// Below this many paths the memory is swept only at full scans.
const SWEEP_FLOOR: usize = 64;

/// The problems told so far, by path.
#[derive(Default)]
pub(super) struct ToldProblems {
    told: HashMap<PathBuf, Told>,
    /// Paths kept by the last sweep: the next one comes once the memory has doubled.
    after_sweep: usize,
}

/// The sentences told about one path, and what was at the path then.
struct Told {
    seen: Seen,
    messages: HashSet<String>,
}

/// What is at a path, from its own metadata (a link's, never its target's).
#[derive(Clone, Copy)]
struct Seen {
    kind: FileType,
    stamp: FileStamp,
}

impl Seen {
    /// What is at `path` now; `None` when nothing is (or it cannot be looked at).
    fn at(path: &Path) -> Option<Seen> {
        let metadata = std::fs::symlink_metadata(path).ok()?;
        Some(Seen {
            kind: metadata.file_type(),
            stamp: stamp_of(&metadata),
        })
    }

    /// Whether `now` is still the file seen, as far as its stamp tells. A racy stamp
    /// ([`FileStamp::is_racy`]) is trusted all the same: at worst, two saves within one tick
    /// of a coarse clock, of the same size and with the same sentence, are told once, and
    /// telling one write's two events once is the point.
    fn same(&self, now: &Seen) -> bool {
        self.kind == now.kind && self.stamp.matches(now.stamp.size, now.stamp.mtime_ns)
    }
}

impl Told {
    /// Whether the file at `path` is still the one the sentences were told about.
    fn unchanged(&self, path: &Path) -> bool {
        Seen::at(path).is_some_and(|now| self.seen.same(&now))
    }
}

impl ToldProblems {
    /// The problems of one pass the editor has not been told yet, in their order; from now on
    /// they count as told.
    pub fn untold(&mut self, problems: Vec<FileProblem>) -> Vec<FileProblem> {
        let mut looked = HashSet::new();
        let untold = problems
            .into_iter()
            .filter(|problem| self.is_news(problem, &mut looked))
            .collect();
        if self.told.len() > (2 * self.after_sweep).max(SWEEP_FLOOR) {
            self.sweep();
        }
        untold
    }

    /// Whether `problem` is to be told, remembering it. `looked`: the paths of this pass
    /// already compared with what was told (each is looked at once per pass).
    fn is_news(&mut self, problem: &FileProblem, looked: &mut HashSet<PathBuf>) -> bool {
        let path = &problem.path;
        if looked.insert(path.clone()) {
            match Seen::at(path) {
                Some(seen) if !seen.kind.is_dir() => {
                    if !self
                        .told
                        .get(path)
                        .is_some_and(|told| told.seen.same(&seen))
                    {
                        let messages = HashSet::new();
                        self.told.insert(path.clone(), Told { seen, messages });
                    }
                }
                _ => {
                    self.told.remove(path);
                }
            }
        }
        match self.told.get_mut(path) {
            Some(told) => told.messages.insert(problem.message.clone()),
            None => true,
        }
    }

    /// Forgets those of `paths` (the files of a chunk about to be taken in) whose file changed
    /// or went since its problem was told.
    pub fn forget_changed(&mut self, paths: &[PathBuf]) {
        for path in paths {
            if self
                .told
                .get(path)
                .is_some_and(|told| !told.unchanged(path))
            {
                self.told.remove(path);
            }
        }
    }

    /// Forgets every path whose file changed or went since its problem was told (at a full
    /// scan, and whenever the memory has doubled).
    pub fn sweep(&mut self) {
        self.told.retain(|path, told| told.unchanged(path));
        self.after_sweep = self.told.len();
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.told.len()
    }
}

#[cfg(test)]
mod tests;
