//! A bad file is told once, and again once it changed, went or was fixed: first against the
//! engine's own reports, then through the sync loop over a real library, fed batches as the
//! watcher would send them.

use super::ToldProblems;
use crate::model::{NewArticle, RevisionCause};
use crate::workspace::service::Message;
use crate::workspace::service::run::SyncLoop;
use crate::workspace::service::tests::{expect_event, fast};
use crate::workspace::tests::{Fixture, fixture, messages, mtime, set_mtime};
use crate::workspace::{FileProblem, LibraryTarget, SyncEvent, WatchBatch};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// Front matter nested `levels` deep, refused before any parser sees it (the end-to-end
/// test's `nested.md`, smaller): the sentence is the same whatever the depth over 64.
fn nested(levels: usize) -> String {
    format!(
        "---\ntitle: {}x{}\n---\nBody\n",
        "{a: ".repeat(levels),
        "}".repeat(levels)
    )
}

/// Writes `text` to `world/nested.md` in `root`; returns the path.
fn write_nested(root: &Path, text: &str) -> PathBuf {
    let path = root.join("world").join("nested.md");
    std::fs::create_dir_all(root.join("world")).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// What the loop tells of one chunk of files taken in (as `SyncLoop::ingest_chunk` does).
fn ingested(told: &mut ToldProblems, fx: &mut Fixture, paths: &[PathBuf]) -> Vec<FileProblem> {
    told.forget_changed(paths);
    told.untold(fx.ingest(paths).problems)
}

#[test]
fn a_bad_file_seen_by_two_passes_and_a_scan_is_told_once() {
    let mut fx = fixture();
    let path = write_nested(fx.ws.root(), &nested(100));
    let mut told = ToldProblems::default();
    let mut told_per_pass = Vec::new();
    for _ in 0..2 {
        told.forget_changed(std::slice::from_ref(&path));
        let report = fx.ingest(std::slice::from_ref(&path));
        // The engine's passes say everything each time: a one-shot caller hears all of it.
        assert!(
            messages(&report).contains("nested more than 64 levels deep"),
            "{report:?}"
        );
        told_per_pass.push(told.untold(report.problems).len());
    }
    told.sweep();
    let report = fx.reconcile();
    assert!(report.problems.iter().any(|p| p.path == path), "{report:?}");
    told_per_pass.push(told.untold(report.problems).len());
    assert_eq!(told_per_pass, [1, 0, 0]);
}

#[test]
fn a_bad_file_changed_and_still_bad_is_told_again() {
    let mut fx = fixture();
    let path = write_nested(fx.ws.root(), &nested(100));
    let mut told = ToldProblems::default();
    let first = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    assert_eq!(first.len(), 1, "{first:?}");
    write_nested(fx.ws.root(), &nested(101));
    let again = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    // The same sentence: the file's new size makes it news.
    assert_eq!(again, first);
}

#[test]
fn an_articles_file_fixed_and_broken_again_is_told_again() {
    let mut fx = fixture();
    let article = fx.article("Budget", "World", "Words.\n");
    let path = fx.file_of(article.id);
    let mut told = ToldProblems::default();
    let broken = nested(100);
    std::fs::write(&path, &broken).unwrap();
    let first = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    assert!(
        first[0].message.contains("the article was left as it was"),
        "{first:?}"
    );
    assert!(ingested(&mut told, &mut fx, std::slice::from_ref(&path)).is_empty());

    std::fs::write(&path, fx.rendered(article.id)).unwrap();
    assert!(ingested(&mut told, &mut fx, std::slice::from_ref(&path)).is_empty());
    assert_eq!(told.len(), 0, "a fixed file is forgotten");
    // Broken the same way again, perhaps within the same tick of the clock.
    std::fs::write(&path, &broken).unwrap();
    let again = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    assert_eq!(again, first);
}

/// A copy that keeps the file's time (`cp -p`, `rsync -t`) puts back the very stamp told:
/// having seen the path empty in between, the loop tells it again.
#[test]
fn a_bad_file_removed_and_put_back_as_it_was_is_told_again() {
    let mut fx = fixture();
    let path = write_nested(fx.ws.root(), &nested(100));
    let written = mtime(&path);
    let mut told = ToldProblems::default();
    let first = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    assert_eq!(first.len(), 1, "{first:?}");

    std::fs::remove_file(&path).unwrap();
    assert!(ingested(&mut told, &mut fx, std::slice::from_ref(&path)).is_empty());
    assert_eq!(told.len(), 0, "a removed file is forgotten");
    write_nested(fx.ws.root(), &nested(100));
    set_mtime(&path, written);
    assert_eq!(mtime(&path), written);
    let again = ingested(&mut told, &mut fx, std::slice::from_ref(&path));
    assert_eq!(again, first);
}

#[test]
fn within_a_pass_each_sentence_about_a_file_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, "text").unwrap();
    let problem = |message: &str| FileProblem {
        path: path.clone(),
        message: message.into(),
    };
    let mut told = ToldProblems::default();
    let pass = vec![problem("First."), problem("Second."), problem("First.")];
    assert_eq!(
        told.untold(pass),
        [problem("First."), problem("Second.")],
        "a new sentence about a file already told is news"
    );
    assert_eq!(
        told.untold(vec![problem("Second."), problem("Third.")]),
        [problem("Third.")]
    );
}

/// The workspace folder names a problem of no single file (an article that could not be
/// written and has no file to name), and a path where nothing is names a one-off event: no
/// stamp says whether it is the one told, so both are told each time.
#[test]
fn problems_named_by_a_folder_or_by_nothing_are_always_told() {
    let dir = tempfile::tempdir().unwrap();
    let problems = vec![
        FileProblem {
            path: dir.path().to_path_buf(),
            message: "Article 9 could not be written to its file: the disk is full".into(),
        },
        FileProblem {
            path: dir.path().join("gone.md"),
            message: "Article 3 is in the trash, so the edit made to its file was kept in its history and the file removed".into(),
        },
    ];
    let mut told = ToldProblems::default();
    for _ in 0..3 {
        assert_eq!(told.untold(problems.clone()), problems);
    }
    assert_eq!(told.len(), 0);
}

/// Paths no chunk looks at again (files displaced by our writes, the target of a move) are
/// forgotten by a sweep once gone, and a sweep comes whenever the memory has doubled.
#[test]
fn the_memory_keeps_only_files_still_as_they_were_told() {
    let dir = tempfile::tempdir().unwrap();
    let bad = |n: usize| {
        let path = dir.path().join(format!("{n}.md"));
        std::fs::write(&path, "bad").unwrap();
        FileProblem {
            path,
            message: "Bad.".into(),
        }
    };
    let mut told = ToldProblems::default();
    let first: Vec<FileProblem> = (0..100).map(bad).collect();
    assert_eq!(told.untold(first.clone()).len(), 100);
    assert_eq!(told.len(), 100);
    for problem in &first[..50] {
        std::fs::remove_file(&problem.path).unwrap();
    }
    std::fs::write(&first[50].path, "changed").unwrap();
    told.sweep();
    assert_eq!(told.len(), 49);

    // 49 left by the sweep: the memory is swept again past 98.
    for problem in &first[51..] {
        std::fs::remove_file(&problem.path).unwrap();
    }
    assert_eq!(told.untold((100..149).map(bad).collect()).len(), 49);
    assert_eq!(told.len(), 98);
    assert_eq!(told.untold(vec![bad(149)]).len(), 1);
    assert_eq!(told.len(), 50, "the 49 removed files are forgotten");
}

/// The sync loop over a real library and workspace, fed by hand the batches a watcher would
/// send (no watcher runs, so nothing else comes).
struct Looping {
    target: Arc<Mutex<LibraryTarget>>,
    root: PathBuf,
    messages: Sender<Message>,
    events: Receiver<SyncEvent>,
    thread: Option<JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Looping {
    fn start() -> Looping {
        let (target, dir) = fixture().into_target();
        let root = target.workspace.as_ref().unwrap().root().to_path_buf();
        let target = Arc::new(Mutex::new(target));
        let (messages, inbox) = channel();
        let (tell, events) = channel();
        let emit = Box::new(move |event| {
            let _ = tell.send(event);
        });
        let sync = SyncLoop::new(target.clone(), fast(), emit, false);
        let thread = Some(std::thread::spawn(move || sync.run(inbox)));
        let looping = Looping {
            target,
            root,
            messages,
            events,
            thread,
            _dir: dir,
        };
        expect_event(&looping.events, |e| *e == SyncEvent::Ready);
        looping
    }

    /// The watcher's batch naming `paths`.
    fn changed(&self, paths: &[PathBuf]) {
        let batch = WatchBatch {
            paths: paths.to_vec(),
            rescan: false,
        };
        self.messages.send(Message::Batch(batch)).unwrap();
    }

    /// Events were lost: the loop scans the whole folder.
    fn lost_events(&self) {
        let batch = WatchBatch {
            paths: Vec::new(),
            rescan: true,
        };
        self.messages.send(Message::Batch(batch)).unwrap();
    }

    /// The events of everything sent so far. An article saved in the app is written by a
    /// mirror that the loop runs after the files it was sent are taken in: once its file is
    /// written, those passes are done.
    fn events_so_far(&self) -> Vec<SyncEvent> {
        let new = NewArticle {
            headline: "Marker".into(),
            body: "Words.\n".into(),
            ..NewArticle::default()
        };
        let marker = self
            .target
            .lock()
            .unwrap()
            .store_mut()
            .create_article(&new, RevisionCause::Manual)
            .unwrap()
            .id;
        self.messages.send(Message::Saved).unwrap();
        expect_event(
            &self.events,
            |e| matches!(e, SyncEvent::FilesWritten { ids } if ids.contains(&marker)),
        )
    }

    /// The sentences told about `path` since the last call.
    fn told_about(&self, path: &Path) -> Vec<String> {
        let events = self.events_so_far();
        events
            .iter()
            .filter_map(|event| match event {
                SyncEvent::Problems { problems } => Some(problems),
                _ => None,
            })
            .flatten()
            .filter(|problem| problem.path == path)
            .map(|problem| problem.message.clone())
            .collect()
    }
}

impl Drop for Looping {
    fn drop(&mut self) {
        let _ = self.messages.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The defect seen end to end: one write of `nested.md` came as two debounced batches (or as
/// a batch and then a scan), and the editor was told twice.
#[test]
fn one_write_seen_by_two_batches_and_a_scan_is_told_once() {
    let looping = Looping::start();
    let path = write_nested(&looping.root, &nested(100));
    looping.changed(std::slice::from_ref(&path));
    let told = looping.told_about(&path);
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].contains("nested more than 64 levels deep"),
        "{told:?}"
    );

    looping.changed(std::slice::from_ref(&path));
    assert_eq!(looping.told_about(&path), Vec::<String>::new());
    looping.lost_events();
    assert_eq!(looping.told_about(&path), Vec::<String>::new());
}

#[test]
fn the_loop_tells_a_bad_file_again_once_changed_removed_or_fixed() {
    let looping = Looping::start();
    let path = write_nested(&looping.root, &nested(100));
    looping.changed(std::slice::from_ref(&path));
    let first = looping.told_about(&path);
    assert_eq!(first.len(), 1, "{first:?}");

    write_nested(&looping.root, &nested(101));
    looping.changed(std::slice::from_ref(&path));
    assert_eq!(looping.told_about(&path), first, "changed, still bad");

    let written = mtime(&path);
    std::fs::remove_file(&path).unwrap();
    looping.changed(std::slice::from_ref(&path));
    assert_eq!(looping.told_about(&path), Vec::<String>::new());
    write_nested(&looping.root, &nested(101));
    set_mtime(&path, written);
    looping.changed(std::slice::from_ref(&path));
    assert_eq!(
        looping.told_about(&path),
        first,
        "removed, put back as it was"
    );

    std::fs::write(&path, "# Nested\n\nFixed.\n").unwrap();
    looping.changed(std::slice::from_ref(&path));
    assert_eq!(looping.told_about(&path), Vec::<String>::new(), "fixed");
    write_nested(&looping.root, &nested(100));
    looping.changed(std::slice::from_ref(&path));
    let again = looping.told_about(&path);
    assert_eq!(again.len(), 1, "broken again: {again:?}");
}
