//! Tests of the sync engine against a real folder and an in-memory library.

mod bad_input;
mod conflicts;
mod external_edits;
mod fast_path;
mod file_names;
#[cfg(windows)]
mod held_files;
#[cfg(unix)]
mod hostile_files;
mod interrupted;
mod late_writes;
mod mirroring;
mod new_files;
mod switching;
mod write_window;

use super::{LibraryTarget, SyncReport, Workspace};
use crate::Library;
use crate::model::{Article, ArticleId, NewArticle, RevisionCause};
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use tempfile::TempDir;

/// A library in memory and a workspace in a temporary folder.
pub(crate) struct Fixture {
    pub lib: Library,
    pub ws: Workspace,
    _dir: TempDir,
}

pub(crate) fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open_in_memory().expect("in-memory store");
    let lib = Library::with_store(store, &dir.path().join("media")).expect("media folder");
    let ws = Workspace::open(&dir.path().join("Newsroom")).expect("workspace");
    Fixture { lib, ws, _dir: dir }
}

impl Fixture {
    /// A new article, mirrored to its file.
    pub fn article(&mut self, headline: &str, section: &str, body: &str) -> Article {
        let article = self
            .lib
            .store_mut()
            .create_article(
                &NewArticle {
                    headline: headline.into(),
                    section: section.into(),
                    body: body.into(),
                    ..NewArticle::default()
                },
                RevisionCause::Manual,
            )
            .expect("create article");
        let report = self.mirror();
        assert!(report.written.contains(&article.id), "{report:?}");
        article
    }

    pub fn mirror(&mut self) -> SyncReport {
        self.lib.mirror_workspace(&self.ws).expect("mirror")
    }

    pub fn ingest(&mut self, paths: &[PathBuf]) -> SyncReport {
        self.lib
            .ingest_workspace_paths(&self.ws, paths)
            .expect("ingest")
    }

    pub fn reconcile(&mut self) -> SyncReport {
        self.lib.reconcile_workspace(&self.ws).expect("reconcile")
    }

    /// The library and its workspace as the sync loop drives them, and the temporary folder
    /// holding them, which the caller keeps until done.
    pub fn into_target(self) -> (LibraryTarget, TempDir) {
        let Fixture { lib, ws, _dir: dir } = self;
        let target = LibraryTarget {
            library: lib,
            workspace: Some(ws),
        };
        (target, dir)
    }

    /// Where `id`'s file would be in `ws` (its recorded path, which is relative).
    pub fn file_of_in(&self, ws: &Workspace, id: ArticleId) -> PathBuf {
        ws.absolute(&crate::workspace::layout::article_path(
            &self.lib.store().article(id).expect("article"),
        ))
    }

    /// The file the mirror keeps for `id`.
    pub fn file_of(&self, id: ArticleId) -> PathBuf {
        let state = self
            .lib
            .store()
            .workspace_file(id)
            .expect("state")
            .expect("article has a file");
        self.ws.absolute(&state.path)
    }

    pub fn read(&self, path: &std::path::Path) -> String {
        std::fs::read_to_string(path).expect("read file")
    }

    pub fn body(&self, id: ArticleId) -> String {
        self.lib.store().article(id).expect("article").body
    }

    /// The app's rendering of `id`.
    pub fn rendered(&self, id: ArticleId) -> String {
        self.lib.render(id).expect("render").expect("exists").text
    }

    /// The bodies of the article's revisions, newest first.
    pub fn revision_bodies(&self, id: ArticleId) -> Vec<String> {
        let store = self.lib.store();
        store
            .revisions(id)
            .expect("revisions")
            .iter()
            .map(|info| store.revision(id, info.number).expect("revision").body)
            .collect()
    }

    /// Whether `words` are in the article's text or one of its revisions.
    pub fn kept(&self, id: ArticleId, words: &str) -> bool {
        self.body(id).contains(words)
            || self
                .revision_bodies(id)
                .iter()
                .any(|body| body.contains(words))
    }

    pub fn causes(&self, id: ArticleId) -> Vec<RevisionCause> {
        self.lib
            .store()
            .revisions(id)
            .expect("revisions")
            .into_iter()
            .map(|r| r.cause)
            .collect()
    }
}

/// Sets a file's modification time, as `touch -d` does.
pub(crate) fn set_mtime(path: &Path, time: SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open file");
    file.set_modified(time).expect("set modification time");
}

pub(crate) fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .expect("metadata")
        .modified()
        .expect("modification time")
}

/// The messages of a report, for assertions.
pub(super) fn messages(report: &SyncReport) -> String {
    report
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}
