//! What a sync interrupted by a crash leaves behind, and how the next start deals with it.

use super::{fixture, set_mtime};
use crate::Library;
use crate::model::{NewArticle, RevisionCause};
use crate::workspace::Workspace;
use std::time::{Duration, SystemTime};

/// Makes `path` look written `by` ago.
fn age(path: &std::path::Path, by: Duration) {
    set_mtime(path, SystemTime::now() - by);
}

#[test]
fn the_start_up_scan_removes_our_old_temporary_files_and_nothing_else() {
    let mut fx = fixture();
    let article = fx.article("Kept", "World", "Words.\n");
    let folder = fx.file_of(article.id).parent().unwrap().to_path_buf();
    let old_ours = folder.join(".newsroom-Ab12Cd.tmp");
    let fresh_ours = folder.join(".newsroom-Ef34Gh.tmp");
    let not_ours = [
        folder.join(".newsroom-notes.txt"),
        folder.join("newsroom-Ab12Cd.tmp"),
        folder.join(".newsroom-Ab12Cd.tmp.md"),
        folder.join(".other-Ab12Cd.tmp"),
    ];
    for path in not_ours.iter().chain([&old_ours, &fresh_ours]) {
        std::fs::write(path, "half a file").unwrap();
    }
    for path in not_ours.iter().chain([&old_ours]) {
        age(path, Duration::from_secs(120));
    }
    age(&fresh_ours, Duration::from_secs(20));
    let report = fx.reconcile();
    assert!(report.is_empty(), "{report:?}");
    assert!(
        !old_ours.exists(),
        "a temporary file left by a crash is removed"
    );
    assert!(
        fresh_ours.exists(),
        "a write may still be using a recent one"
    );
    for path in &not_ours {
        assert!(path.exists(), "{} is not ours", path.display());
    }
    assert!(fx.file_of(article.id).exists());
}

/// A crash right after the article took a changed file's fields, before the agreement was
/// recorded, is played by a trigger that makes recording the agreement fail. The file is
/// written the way another program would (not byte for byte the app's rendering).
#[test]
fn an_ingest_interrupted_before_its_agreement_is_no_conflict_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let mut lib = Library::open(&db).unwrap();
    let ws = Workspace::open(&dir.path().join("Newsroom")).unwrap();
    let article = lib
        .store_mut()
        .create_article(
            &NewArticle {
                headline: "Interrupted".into(),
                body: "Old words.\n".into(),
                ..NewArticle::default()
            },
            RevisionCause::Manual,
        )
        .unwrap();
    lib.reconcile_workspace(&ws).unwrap();
    let rel = lib
        .store()
        .workspace_file(article.id)
        .unwrap()
        .unwrap()
        .path;
    let path = ws.absolute(&rel);
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Old words.", "New words.")
        .replace("headline: Interrupted", "headline: 'Interrupted'");
    assert!(
        edited.contains("'Interrupted'"),
        "written as the app would not: {edited}"
    );
    std::fs::write(&path, &edited).unwrap();

    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER crash_on_insert BEFORE INSERT ON workspace_files
                 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;
             CREATE TRIGGER crash_on_update BEFORE UPDATE ON workspace_files
                 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;",
        )
        .unwrap();
    let _ = lib.ingest_workspace_paths(&ws, std::slice::from_ref(&path));
    assert_eq!(
        lib.store().article(article.id).unwrap().body,
        "Old words.\n",
        "nothing of the interrupted ingest is kept"
    );
    drop(lib);
    other
        .execute_batch("DROP TRIGGER crash_on_insert; DROP TRIGGER crash_on_update;")
        .unwrap();

    let mut lib = Library::open(&db).unwrap();
    let report = lib.reconcile_workspace(&ws).unwrap();
    assert!(report.conflicts.is_empty(), "a false conflict: {report:?}");
    assert!(lib.workspace_conflicts().unwrap().is_empty());
    assert_eq!(report.changed, vec![article.id], "{report:?}");
    assert_eq!(
        lib.store().article(article.id).unwrap().body,
        "New words.\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

/// A crash between making an article from a new file and recording the file as its own is
/// played by a trigger that makes recording fail. Before the import was one transaction, the
/// article stayed while its file was still unknown, and the next start made a second one.
#[test]
fn a_new_file_interrupted_before_its_agreement_is_imported_once_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let mut lib = Library::open(&db).unwrap();
    let ws = Workspace::open(&dir.path().join("Newsroom")).unwrap();
    let path = ws.root().join("fresh.md");
    std::fs::write(
        &path,
        "---\nheadline: Fresh\nslug: fresh\n---\nNew words.\n",
    )
    .unwrap();

    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch(
            "CREATE TRIGGER crash_on_insert BEFORE INSERT ON workspace_files
                 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;",
        )
        .unwrap();
    let _ = lib.ingest_workspace_paths(&ws, std::slice::from_ref(&path));
    assert_eq!(
        lib.store().all_article_ids().unwrap(),
        Vec::<crate::model::ArticleId>::new(),
        "no half-imported article is left"
    );
    drop(lib);
    other
        .execute_batch("DROP TRIGGER crash_on_insert;")
        .unwrap();

    let mut lib = Library::open(&db).unwrap();
    let report = lib.reconcile_workspace(&ws).unwrap();
    assert_eq!(report.created.len(), 1, "{report:?}");
    let id = report.created[0];
    assert_eq!(lib.store().all_article_ids().unwrap(), vec![id]);
    let article = lib.store().article(id).unwrap();
    assert_eq!(
        (article.headline.as_str(), article.slug.as_str()),
        ("Fresh", "fresh")
    );
    assert_eq!(
        lib.store().workspace_file(id).unwrap().unwrap().path,
        "fresh.md"
    );
    assert!(lib.reconcile_workspace(&ws).unwrap().is_empty());
    assert_eq!(lib.store().all_article_ids().unwrap(), vec![id]);
}

/// Windows swaps a file in three renames (`durable::exchange`); a crash between the first two
/// leaves no file at the article's path and the file that was there set aside next to it. At
/// the next start that is our own unfinished write, not a deletion by someone: the article is
/// written again, the set-aside copy (the version last agreed) removed, and nothing reported.
#[test]
fn a_swap_cut_short_by_a_crash_is_repaired_without_a_deletion_reported() {
    let mut fx = fixture();
    let article = fx.article("Swapped", "World", "First words.\n");
    let path = fx.file_of(article.id);
    let folder = path.parent().unwrap().to_path_buf();
    // The crash: the agreed file went aside, the new one never arrived.
    let aside = folder.join(".newsroom-Xy12Zw.tmp.aside");
    std::fs::rename(&path, &aside).unwrap();
    fx.lib
        .store_mut()
        .save_body(article.id, "First words, then more.\n")
        .unwrap();
    // Someone else's file of the same shape, holding other bytes, stays.
    let not_agreed = folder.join(".newsroom-Qq34Rr.tmp.aside");
    std::fs::write(&not_agreed, "another version").unwrap();

    let report = fx.reconcile();
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(report.written, vec![article.id]);
    assert!(
        !aside.exists(),
        "the set-aside copy of the agreed file is removed"
    );
    assert!(
        not_agreed.exists(),
        "a set-aside file with other bytes is left alone"
    );
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(on_disk.contains("First words, then more."), "{on_disk}");
}

/// The same missing file without a set-aside copy is a deletion by someone while the article
/// had changes: it is written again, and the editor is told.
#[test]
fn a_deleted_file_of_a_changed_article_is_written_again_and_reported() {
    let mut fx = fixture();
    let article = fx.article("Deleted", "World", "First words.\n");
    let path = fx.file_of(article.id);
    std::fs::remove_file(&path).unwrap();
    fx.lib
        .store_mut()
        .save_body(article.id, "First words, then more.\n")
        .unwrap();
    let report = fx.reconcile();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert!(
        report.problems[0].message.contains("was deleted"),
        "{report:?}"
    );
    assert!(path.exists());
}
