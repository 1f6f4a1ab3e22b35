//! External-edit storm (issue 4, "Proof"): while the app's code path keeps saving (a thread
//! typing into several articles through the shared [`LibraryTarget`] lock, telling the
//! [`SyncService`] of each save, saving explicitly now and then, resolving conflicts), another
//! process rewrites the same files by rename, by truncate-and-write and by partial writes.
//!
//! Both sides only ever add a uniquely marked line to what they last saw (the app to the
//! article's body, the other program to the file), so nothing either side wrote may be
//! missing at the end: every marker must be in the article's body or in one of its revisions.
//! Conflicts must have been recorded along the way, and those still open must have left the
//! file alone.
//!
//! `NEWSROOM_STORM_WRITES` sets the number of external writes (1,000 by default),
//! `NEWSROOM_STORM_SEED` repeats a sequence.

#[allow(dead_code)]
mod sync_harness;

use newsroom::Library;
use newsroom::model::{ArticleFilter, ArticleId, NewArticle};
use newsroom::workspace::{
    LibraryTarget, Resolution, SyncEvent, SyncOptions, SyncService, Workspace, layout,
};
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use sync_harness::Rng;

/// Set (to the workspace folder) in the writer process.
const WRITER: &str = "NEWSROOM_STORM_WRITER";
const WRITER_SEED: &str = "NEWSROOM_STORM_WRITER_SEED";
/// The files to rewrite, relative to the workspace, one per line.
const WRITER_FILES: &str = "NEWSROOM_STORM_FILES";
const WRITES: &str = "NEWSROOM_STORM_WRITES";
/// External writes per article: with the app's own saves, each article stays well under the
/// 500 revisions retention keeps, so no revision the check relies on is pruned.
const WRITES_PER_ARTICLE: usize = 125;
/// Revisions retention keeps per article (see `store::revisions::RETENTION`).
const RETAINED: usize = 500;

fn writer_marker(n: usize) -> String {
    format!("[writer {n}]")
}

fn app_marker(n: usize) -> String {
    format!("[app {n}]")
}

/// The writer role, run only by the storm tests in a child process. Ignored, so an
/// ordinary `cargo test` neither runs nor counts it as a test; a no-op when started without
/// the storm's environment (`cargo test -- --include-ignored`).
#[test]
#[ignore = "a role run by the storm test in a child process"]
fn storm_writer() {
    let Ok(root) = std::env::var(WRITER) else {
        return;
    };
    let files: Vec<String> = std::env::var(WRITER_FILES)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let writes = sync_harness::count(WRITES, 1000);
    let mut rng = Rng::new(sync_harness::seed(WRITER_SEED));
    let mut out = std::io::stdout();
    // The test harness has printed "test <name> ... " without ending the line.
    writeln!(out).unwrap();
    for n in 0..writes {
        let index = rng.below(files.len() as u64) as usize;
        let path = Path::new(&root).join(&files[index]);
        let how = write_marker(&path, &writer_marker(n), n % 3, &mut rng);
        writeln!(out, "wrote {n} {index} {how}").unwrap();
        out.flush().unwrap();
        std::thread::sleep(Duration::from_micros(rng.between(500, 12_000)));
    }
}

/// Adds a line holding `marker` to the file at `path`, the way one of three kinds of editor
/// saves: by writing a temporary file and renaming it over, by truncating and writing in place,
/// or in place in two writes a few milliseconds apart.
fn write_marker(path: &Path, marker: &str, how: usize, rng: &mut Rng) -> &'static str {
    let text = patiently(|| std::fs::read_to_string(path));
    let text = format!("{}\n\n{marker}\n", text.trim_end());
    match how {
        0 => {
            let name = path.file_name().unwrap().to_string_lossy();
            let temp = path.with_file_name(format!(".{name}.storm"));
            patiently(|| std::fs::write(&temp, &text));
            patiently(|| std::fs::rename(&temp, path));
            "rename"
        }
        1 => {
            patiently(|| std::fs::write(path, &text));
            "truncate"
        }
        _ => {
            let mut file = patiently(|| File::create(path));
            let half = text.len() / 2;
            file.write_all(&text.as_bytes()[..half]).unwrap();
            file.flush().unwrap();
            std::thread::sleep(Duration::from_millis(rng.between(1, 5)));
            file.write_all(&text.as_bytes()[half..]).unwrap();
            "partial"
        }
    }
}

/// Runs one file operation of the other program. Windows refuses to open or replace a file
/// for a moment while another process (here the sync, reading or replacing it) has it open,
/// and while the sync swaps a file in (three renames there) the file is missing for
/// microseconds; programs there try again, and so does this one.
fn patiently<T>(mut operation: impl FnMut() -> std::io::Result<T>) -> T {
    let mut tries = 0;
    loop {
        match operation() {
            Ok(value) => return value,
            Err(e)
                if cfg!(windows)
                    && matches!(
                        e.kind(),
                        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::NotFound
                    )
                    && tries < 400 =>
            {
                tries += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => panic!("the other program could not save: {e}"),
        }
    }
}

/// The files under `folder` (hidden ones and held ones included) that hold `marker`, for the
/// report of a lost edit: where the sync left it, if anywhere.
fn files_holding(folder: &Path, marker: &str) -> String {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read_to_string(&path).is_ok_and(|text| text.contains(marker)) {
                found.push(path.display().to_string());
            }
        }
    }
    if found.is_empty() {
        "nowhere".into()
    } else {
        found.join(", ")
    }
}

/// What the app side did, for the checks.
#[derive(Default)]
struct AppSide {
    /// Article of each app marker, by marker number.
    markers: Vec<ArticleId>,
    explicit_saves: usize,
    resolved: usize,
}

/// Once an article is in conflict the app no longer writes its file, so here each article
/// soon has its two sides apart: file and library each keep their own line of edits.
#[test]
fn a_storm_of_external_writes_loses_no_edit_from_either_side() {
    storm(false);
}

/// The same storm while the editor resolves conflicts as they come, so the app writes the
/// files again and again while the other program is saving them. The writer's "partial" save
/// (one open, two writes 1–5 ms apart) can span the sync's swap: its second write then goes
/// into the file the swap displaced, which the sync holds and takes in
/// (`workspace::displaced`).
#[test]
fn resolving_conflicts_during_a_storm_loses_no_edit_from_either_side() {
    storm(true);
}

fn storm(resolve_conflicts: bool) {
    let writes = sync_harness::count(WRITES, 1000);
    let seed = sync_harness::seed("NEWSROOM_STORM_SEED");
    let mut rng = Rng::new(seed);
    let articles = writes.div_ceil(WRITES_PER_ARTICLE).max(2);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("library.db");
    let mut library = Library::open(&db).unwrap();
    let workspace = Workspace::open(&dir.path().join("workspace")).unwrap();
    let mut ids = Vec::new();
    for n in 0..articles {
        let article = library
            .create_article(&NewArticle {
                headline: format!("Storm story {n}"),
                section: "World".into(),
                body: format!("Story {n} begins."),
                ..NewArticle::default()
            })
            .unwrap();
        ids.push(article.id);
    }
    library.reconcile_workspace(&workspace).unwrap();
    let files: Vec<String> = ids
        .iter()
        .map(|id| layout::article_path(&library.article(*id).unwrap()))
        .collect();
    let root = workspace.root().to_path_buf();
    let target = Arc::new(Mutex::new(LibraryTarget {
        library,
        workspace: Some(workspace.clone()),
    }));
    let conflicts_seen = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&conflicts_seen);
    let options = SyncOptions {
        settle: Duration::from_millis(50),
        mirror_at_most: Duration::from_millis(300),
        ..SyncOptions::default()
    };
    let service = SyncService::start(Arc::clone(&target), &root, options, move |event| {
        if let SyncEvent::Conflicts { ids } = event {
            seen.fetch_add(ids.len(), Ordering::Relaxed);
        }
    })
    .unwrap();

    let started = Instant::now();
    let mut writer = sync_harness::child("storm_writer", WRITER, &root.to_string_lossy())
        .env(WRITER_SEED, rng.next_u64().to_string())
        .env(WRITER_FILES, files.join("\n"))
        .env(WRITES, writes.to_string())
        .spawn()
        .expect("the test binary runs as the writer");
    let stdout = writer.stdout.take().unwrap();
    let mut stderr = writer.stderr.take().unwrap();
    let writer_lines = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });
    let writer_errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let done = Arc::new(AtomicBool::new(false));
    let app = {
        let (target, done, ids) = (Arc::clone(&target), Arc::clone(&done), ids.clone());
        let app_seed = rng.next_u64();
        std::thread::spawn(move || {
            type_until_done(&target, service, &ids, &done, app_seed, resolve_conflicts)
        })
    };
    let status = writer.wait().unwrap();
    done.store(true, Ordering::Relaxed);
    let app_side = app.join().unwrap();
    let storm_time = started.elapsed();
    let errors = writer_errors.join().unwrap();
    assert!(status.success(), "the writer failed:\n{errors}");
    let written: Vec<(usize, usize, String)> = writer_lines
        .join()
        .unwrap()
        .iter()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["wrote", n, index, how] => {
                    Some((n.parse().ok()?, index.parse().ok()?, how.to_string()))
                }
                _ => None,
            }
        })
        .collect();
    assert_eq!(written.len(), writes, "the writer reported every write");

    let mut t = target.lock().unwrap();
    let final_report = t.library.reconcile_workspace(&workspace).unwrap();
    let library = &t.library;
    let mut bodies: BTreeMap<ArticleId, Vec<String>> = BTreeMap::new();
    for id in &ids {
        let count = library.revisions(*id).unwrap().len();
        assert!(
            count < RETAINED,
            "article {id} has {count} revisions: retention may have dropped some, so the check below would not be sound"
        );
        bodies.insert(*id, sync_harness::all_bodies(library, *id));
    }
    let holds = |id: ArticleId, marker: &str| bodies[&id].iter().any(|b| b.contains(marker));
    // A save that could neither stay in place nor go back (a second save took its place, more
    // often on Windows, whose swap leaves the name free for a moment) is kept next to the file
    // as `<name> (kept N).md`, which the sync takes in as a new article: kept, not lost.
    let kept_articles: Vec<Vec<String>> = library
        .list_articles(&ArticleFilter::default())
        .unwrap()
        .iter()
        .filter(|summary| !ids.contains(&summary.id))
        .map(|summary| sync_harness::all_bodies(library, summary.id))
        .collect();
    let kept = |marker: &str| {
        kept_articles
            .iter()
            .any(|bodies| bodies.iter().any(|b| b.contains(marker)))
    };
    let mut lost = Vec::new();
    let mut kept_as_new = 0;
    for (n, index, how) in &written {
        let id = ids[*index];
        if !holds(id, &writer_marker(*n)) {
            if kept(&writer_marker(*n)) {
                kept_as_new += 1;
                continue;
            }
            lost.push(format!(
                "writer edit {n} ({how}) to article {id} is neither its text nor a revision; on disk: {}",
                files_holding(&root, &writer_marker(*n))
            ));
        }
    }
    for (n, id) in app_side.markers.iter().enumerate() {
        if !holds(*id, &app_marker(n)) {
            lost.push(format!(
                "app edit {n} to article {id} is neither its text nor a revision"
            ));
        }
    }
    let open_conflicts = library.workspace_conflicts().unwrap();
    for conflict in &open_conflicts {
        let id = conflict.article_id;
        let file = std::fs::read_to_string(root.join(&conflict.path)).unwrap();
        assert_ne!(
            file,
            sync_harness::expected_file(library, id),
            "article {id} is marked in conflict but its file is the app's version"
        );
        let file_side = library.revision(id, conflict.file_revision).unwrap();
        assert!(
            file.contains(file_side.body.trim_end()),
            "the conflict of article {id} does not hold the file's latest version"
        );
    }
    let conflicts = conflicts_seen.load(Ordering::Relaxed);
    println!(
        "storm: resolving={resolve_conflicts} writes={writes} articles={articles} app_saves={} explicit_saves={} conflicts_recorded={conflicts} conflicts_resolved={} conflicts_open={} kept_as_new={kept_as_new} lost={} storm_s={:.1} seed={seed} final_reconcile={:?}",
        app_side.markers.len(),
        app_side.explicit_saves,
        app_side.resolved,
        open_conflicts.len(),
        lost.len(),
        storm_time.as_secs_f64(),
        final_report.conflicts,
    );
    assert!(
        lost.is_empty(),
        "{} edits lost (NEWSROOM_STORM_SEED={seed}):\n{}",
        lost.len(),
        lost.join("\n")
    );
    assert!(
        resolve_conflicts || !open_conflicts.is_empty(),
        "no conflict is left open, yet nobody resolved one"
    );
    assert!(
        conflicts > 0,
        "both sides edited the same articles at once, yet no conflict was recorded"
    );
}

/// The app side: types a marked line into a random article, tells the service, saves
/// explicitly every tenth time and, when asked, resolves open conflicts now and then (taking
/// the app's version, the file's, or a merge of both), until the writer is done. Then stops the service,
/// which finishes its pending work.
fn type_until_done(
    target: &Mutex<LibraryTarget>,
    service: SyncService,
    ids: &[ArticleId],
    done: &AtomicBool,
    seed: u64,
    resolve_conflicts: bool,
) -> AppSide {
    let mut rng = Rng::new(seed);
    let mut side = AppSide::default();
    // What each article's editor shows: the app types on it and saves it with the text it
    // started from, as the app does; half the time the editor first takes in the article as it
    // now is (an external change shown in place), otherwise it types on while the file may
    // already have been taken in underneath it (a conflict the save must record).
    let mut editors: HashMap<ArticleId, String> = HashMap::new();
    while !done.load(Ordering::Relaxed) {
        let id = ids[rng.below(ids.len() as u64) as usize];
        let marker = app_marker(side.markers.len());
        {
            let mut t = target.lock().unwrap();
            let current = t.library.article(id).unwrap().body;
            let base = match editors.get(&id) {
                Some(shown) if rng.below(2) == 0 => shown.clone(),
                _ => current,
            };
            let body = format!("{}\n\n{marker}\n", base.trim_end());
            t.library.save_typing(id, &body, &base).unwrap();
            editors.insert(id, body);
            side.markers.push(id);
            if side.markers.len() % 10 == 0 {
                t.library.save_now(id).unwrap();
                side.explicit_saves += 1;
            }
            if resolve_conflicts && side.markers.len() % 40 == 0 {
                side.resolved += resolve_all(&mut t, &mut rng);
            }
        }
        service.notify_saved();
        std::thread::sleep(Duration::from_micros(rng.between(1000, 8000)));
    }
    service.stop();
    side
}

/// Resolves every open conflict one way or another; returns how many.
fn resolve_all(t: &mut LibraryTarget, rng: &mut Rng) -> usize {
    let conflicts = t.library.workspace_conflicts().unwrap();
    let workspace = t.workspace.clone().unwrap();
    for conflict in &conflicts {
        let id = conflict.article_id;
        let resolution = match rng.below(3) {
            0 => Resolution::KeepApp,
            1 => Resolution::KeepFile,
            _ => {
                let app = t.library.article(id).unwrap().body;
                let file = t.library.revision(id, conflict.file_revision).unwrap();
                Resolution::Merged(format!("{app}\n\n{}", file.body))
            }
        };
        t.library
            .resolve_conflict(&workspace, id, resolution)
            .unwrap();
    }
    conflicts.len()
}
