//! Both sides changed: nothing is overwritten until an editor chooses.

use super::{Fixture, fixture};
use crate::model::{Article, RevisionCause};
use crate::workspace::Resolution;
use std::path::PathBuf;

/// An article whose file says "File side." and whose app version says "App side.".
fn conflicted() -> (Fixture, Article, PathBuf, String) {
    let mut fx = fixture();
    let article = fx.article("Contested", "", "Agreed.\n");
    let path = fx.file_of(article.id);
    let file_text = fx.read(&path).replace("Agreed.", "File side.");
    std::fs::write(&path, &file_text).unwrap();
    fx.lib
        .store_mut()
        .save_body(article.id, "App side.\n")
        .unwrap();
    let report = fx.mirror();
    assert_eq!(report.conflicts, vec![article.id], "{report:?}");
    (fx, article, path, file_text)
}

#[test]
fn a_conflict_keeps_both_versions_and_does_not_touch_the_file() {
    let (mut fx, article, path, file_text) = conflicted();
    assert_eq!(fx.read(&path), file_text);
    assert_eq!(fx.body(article.id), "App side.\n");
    let conflict = fx.lib.conflict(article.id).unwrap().unwrap();
    let store = fx.lib.store();
    let file_rev = store.revision(article.id, conflict.file_revision).unwrap();
    let app_rev = store.revision(article.id, conflict.app_revision).unwrap();
    assert_eq!(file_rev.body, "File side.\n");
    assert_eq!(app_rev.body, "App side.\n");
    assert_eq!(file_rev.cause, RevisionCause::Conflict);
    assert_eq!(app_rev.cause, RevisionCause::Conflict);
    assert_eq!(conflict.path, PathBuf::from("unfiled/contested.md"));
    assert_eq!(fx.lib.workspace_conflicts().unwrap().len(), 1);
    // Further app saves are not written over the file while the conflict lasts.
    fx.lib
        .store_mut()
        .save_body(article.id, "App again.\n")
        .unwrap();
    let report = fx.mirror();
    assert!(report.written.is_empty(), "{report:?}");
    assert_eq!(fx.read(&path), file_text);
}

#[test]
fn taking_the_app_version_writes_it_to_the_file() {
    let (mut fx, article, path, _) = conflicted();
    let resolved = fx
        .lib
        .resolve_conflict(&fx.ws, article.id, Resolution::KeepApp)
        .unwrap();
    assert_eq!(resolved.body, "App side.\n");
    assert_eq!(fx.read(&path), fx.rendered(article.id));
    assert!(fx.lib.conflict(article.id).unwrap().is_none());
    assert!(fx.mirror().is_empty());
}

#[test]
fn taking_the_file_version_makes_it_the_article() {
    let (mut fx, article, path, _) = conflicted();
    let resolved = fx
        .lib
        .resolve_conflict(&fx.ws, article.id, Resolution::KeepFile)
        .unwrap();
    assert_eq!(resolved.body, "File side.\n");
    assert_eq!(fx.read(&path), fx.rendered(article.id));
    assert!(fx.lib.workspace_conflicts().unwrap().is_empty());
    let report = fx.reconcile();
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn a_merge_takes_the_body_the_editor_wrote() {
    let (mut fx, article, path, _) = conflicted();
    let merged = Resolution::Merged("App side.\nFile side.\n".into());
    let resolved = fx.lib.resolve_conflict(&fx.ws, article.id, merged).unwrap();
    assert_eq!(resolved.body, "App side.\nFile side.\n");
    assert_eq!(fx.read(&path), fx.rendered(article.id));
}

#[test]
fn resolving_an_article_without_a_conflict_is_refused() {
    let mut fx = fixture();
    let article = fx.article("Calm", "", "");
    let err = fx
        .lib
        .resolve_conflict(&fx.ws, article.id, Resolution::KeepApp)
        .unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    assert!(err.to_string().contains("no conflict"), "{err}");
}

#[test]
fn a_newer_file_version_during_a_conflict_replaces_the_file_side() {
    let (mut fx, article, path, file_text) = conflicted();
    std::fs::write(&path, file_text.replace("File side.", "File side, later.")).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.conflicts, vec![article.id]);
    let resolved = fx
        .lib
        .resolve_conflict(&fx.ws, article.id, Resolution::KeepFile)
        .unwrap();
    assert_eq!(resolved.body, "File side, later.\n");
}

/// After a `git pull`, the file holds conflict markers. The article keeps its text, shows a
/// conflict whose file side is the other desk's version, and the file is left as git made it
/// until the editor's choice is written over it.
#[test]
fn a_file_with_merge_conflict_markers_is_a_conflict_not_text() {
    let mut fx = fixture();
    let article = fx.article("Merged", "", "First paragraph.\n\nOur words.\n");
    let path = fx.file_of(article.id);
    let merged = fx.read(&path).replace(
        "Our words.\n",
        "<<<<<<< HEAD\nOur words.\n=======\nTheir words.\n>>>>>>> origin/main\n",
    );
    std::fs::write(&path, &merged).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.conflicts, vec![article.id], "{report:?}");
    assert!(
        super::messages(&report).contains("holds a merge conflict"),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "First paragraph.\n\nOur words.\n");
    assert!(
        fx.kept(article.id, "Their words."),
        "the other side is kept"
    );
    assert!(
        fx.revision_bodies(article.id)
            .iter()
            .all(|body| !body.contains("<<<<<<<")),
        "no text holds the markers"
    );
    assert_eq!(fx.read(&path), merged, "the file is left as git made it");
    assert!(
        fx.mirror().written.is_empty(),
        "a file in conflict is not written"
    );

    fx.lib
        .resolve_conflict(&fx.ws, article.id, Resolution::KeepFile)
        .unwrap();
    assert_eq!(fx.body(article.id), "First paragraph.\n\nTheir words.\n");
    assert!(
        !fx.read(&path).contains("<<<<<<<"),
        "the resolution is written"
    );
}

#[test]
fn a_new_file_with_merge_conflict_markers_is_not_an_article_yet() {
    let mut fx = fixture();
    let path = fx.ws.root().join("world").join("both-desks.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "# Both desks\n\n<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> b\n",
    )
    .unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.created.is_empty(), "{report:?}");
    assert!(
        super::messages(&report).contains("holds a merge conflict"),
        "{report:?}"
    );
}
