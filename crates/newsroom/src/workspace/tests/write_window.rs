//! Another program saving an article's file while the sync is writing it: between the sync's
//! look at the file and its rename over it. That save must never be replaced unseen.

use super::{Fixture, fixture};
use crate::model::ArticleId;
use crate::workspace::atomic::BEFORE_REPLACE;
use crate::workspace::{Resolution, SyncReport};
use std::path::{Path, PathBuf};

/// How the other program saves.
#[derive(Debug, Clone, Copy)]
enum Save {
    InPlace,
    ByRename,
}

const SAVES: [Save; 2] = [Save::InPlace, Save::ByRename];

fn save(path: &Path, text: &str, how: Save) {
    match how {
        Save::InPlace => std::fs::write(path, text).unwrap(),
        Save::ByRename => {
            let temp = path.with_file_name(".other-editor.swp");
            std::fs::write(&temp, text).unwrap();
            std::fs::rename(&temp, path).unwrap();
        }
    }
}

/// The next write of the sync is interrupted, after its fsync and before its rename, by another
/// program saving `text` at `path`.
fn save_during_next_write(path: &Path, text: &str, how: Save) {
    let (path, text) = (path.to_path_buf(), text.to_string());
    BEFORE_REPLACE
        .with(|hook| *hook.borrow_mut() = Some(Box::new(move || save(&path, &text, how))));
}

/// The file's version and the app's are both kept, the file as the other program left it, and
/// the article is in conflict once the watcher's report of the save is taken in.
fn assert_both_kept(fx: &mut Fixture, id: ArticleId, path: &PathBuf, theirs: &str, how: Save) {
    assert_eq!(
        fx.read(path),
        theirs,
        "{how:?}: the other program's save is on disk"
    );
    let report = fx.ingest(std::slice::from_ref(path));
    assert!(
        report.conflicts.contains(&id) || fx.lib.conflict(id).unwrap().is_some(),
        "{how:?}: {report:?}"
    );
    assert!(
        fx.kept(id, "Their words."),
        "{how:?}: the file's edit is lost"
    );
    assert!(fx.body(id).contains("App words."), "{how:?}");
    assert!(
        fx.mirror().written.is_empty(),
        "{how:?}: a file in conflict is not written"
    );
    assert_eq!(fx.read(path), theirs, "{how:?}");
}

/// An article edited in the app whose file another program saves (`how`) while the mirror
/// writes it: the mirror's report, the article, its file and the text saved there.
fn mirror_during_a_save(
    fx: &mut Fixture,
    headline: &str,
    how: Save,
) -> (SyncReport, ArticleId, PathBuf, String) {
    let article = fx.article(headline, "World", "First words.\n");
    let path = fx.file_of(article.id);
    let theirs = fx.read(&path).replace("First words.", "Their words.");
    fx.lib
        .store_mut()
        .save_body(article.id, "App words.\n")
        .unwrap();
    save_during_next_write(&path, &theirs, how);
    (fx.mirror(), article.id, path, theirs)
}

#[test]
fn a_save_made_while_the_mirror_writes_the_file_is_kept() {
    for how in SAVES {
        let mut fx = fixture();
        let (report, id, path, theirs) = mirror_during_a_save(&mut fx, "Window", how);
        assert!(report.written.is_empty(), "{how:?}: {report:?}");
        assert_both_kept(&mut fx, id, &path, &theirs, how);
    }
}

#[test]
fn a_save_made_while_a_resolution_writes_the_file_is_kept() {
    for how in SAVES {
        let mut fx = fixture();
        let article = fx.article("Resolved", "World", "First words.\n");
        let path = fx.file_of(article.id);
        let first = fx.read(&path).replace("First words.", "File words.");
        std::fs::write(&path, &first).unwrap();
        fx.lib
            .store_mut()
            .save_body(article.id, "App words.\n")
            .unwrap();
        assert_eq!(
            fx.ingest(std::slice::from_ref(&path)).conflicts,
            vec![article.id]
        );
        let theirs = first.replace("File words.", "Their words.");
        save_during_next_write(&path, &theirs, how);
        fx.lib
            .resolve_conflict(&fx.ws, article.id, Resolution::KeepApp)
            .unwrap();
        assert_both_kept(&mut fx, article.id, &path, &theirs, how);
    }
}

/// In the instant the write's bytes were in place (before the swap put the save back), the
/// other program read them and, at once, saved over its own version: the one put back is in
/// the history all the same, taken in by the write that found it rather than by a later read.
#[test]
fn a_save_put_back_is_kept_even_when_its_program_replaces_it_at_once() {
    for how in SAVES {
        let mut fx = fixture();
        let (report, id, path, theirs) = mirror_during_a_save(&mut fx, "Overwritten", how);
        assert_eq!(report.conflicts, vec![id], "{how:?}: {report:?}");
        let later = theirs.replace("Their words.", "App words.\n\nLater words.");
        save(&path, &later, how);
        fx.ingest(std::slice::from_ref(&path));
        assert!(
            fx.kept(id, "Their words."),
            "{how:?}: the save put back is lost"
        );
        assert!(fx.kept(id, "Later words."), "{how:?}");
        assert!(fx.body(id).contains("App words."), "{how:?}");
        assert_eq!(fx.read(&path), later, "{how:?}");
    }
}

#[test]
fn a_file_created_where_the_first_write_goes_is_kept() {
    let mut fx = fixture();
    let article = fx
        .lib
        .store_mut()
        .create_article(
            &crate::model::NewArticle {
                headline: "Newcomer".into(),
                section: "World".into(),
                body: "App words.\n".into(),
                ..Default::default()
            },
            crate::model::RevisionCause::Manual,
        )
        .unwrap();
    let path = fx
        .ws
        .absolute(&crate::workspace::layout::article_path(&article));
    save_during_next_write(
        &path,
        "# Someone else's notes\n\nTheir words.\n",
        Save::InPlace,
    );
    let report = fx.mirror();
    assert!(report.written.is_empty(), "{report:?}");
    assert_eq!(fx.read(&path), "# Someone else's notes\n\nTheir words.\n");
    assert_eq!(fx.body(article.id), "App words.\n");
}
