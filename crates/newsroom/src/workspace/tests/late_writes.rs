//! A program that opened an article's file and writes into it in place, in several writes,
//! while the sync replaces that file: the writes made after the swap go into the file the
//! swap displaced. They must be found there and kept. (On Windows only a program that opened
//! the file sharing deletion can do this; the others block the swap: see `held_files`.)

use super::{Fixture, fixture};
use crate::model::ArticleId;
use crate::workspace::Resolution;
use crate::workspace::displaced::{self, GRACE};
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};

/// The files held in the workspace's folder of displaced files.
fn held(fx: &Fixture) -> Vec<PathBuf> {
    match std::fs::read_dir(fx.ws.root().join(displaced::FOLDER)) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// A save in progress: the other program opened the file (emptying it) and wrote the first
/// part, which reads as a whole article.
struct InPlaceSave {
    file: File,
}

impl InPlaceSave {
    fn begin(path: &Path, first_part: &str) -> InPlaceSave {
        let mut file = File::create(path).unwrap();
        file.write_all(first_part.as_bytes()).unwrap();
        InPlaceSave { file }
    }

    fn write(&mut self, more: &str) {
        self.file.write_all(more.as_bytes()).unwrap();
    }
}

/// An article whose file is being saved in place by another program: the sync has taken in
/// the first part, the app changed the article since, and the mirror swapped its version in,
/// displacing the file the program still has open.
fn displaced_during_a_save() -> (Fixture, ArticleId, PathBuf, InPlaceSave) {
    let mut fx = fixture();
    let article = fx.article("Late", "World", "First words.\n");
    let path = fx.file_of(article.id);
    let first_part = fx.read(&path).replace("First words.", "Their words.");
    let save = InPlaceSave::begin(&path, &first_part);
    assert_eq!(
        fx.ingest(std::slice::from_ref(&path)).changed,
        vec![article.id]
    );
    fx.lib
        .store_mut()
        .save_body(article.id, "Their words.\n\nApp words.\n")
        .unwrap();
    assert_eq!(fx.mirror().written, vec![article.id]);
    assert!(fx.read(&path).contains("App words."));
    (fx, article.id, path, save)
}

#[test]
fn a_write_into_the_file_the_mirror_replaced_is_put_back_and_made_a_conflict() {
    for next_pass in ["mirror", "reconcile"] {
        let (mut fx, id, path, mut save) = displaced_during_a_save();
        save.write("\nMore of their words.\n");
        let report = match next_pass {
            "mirror" => fx.mirror(),
            _ => fx.reconcile(),
        };
        assert_eq!(report.conflicts, vec![id], "{next_pass}: {report:?}");
        assert!(fx.kept(id, "More of their words."), "{next_pass}");
        assert!(fx.body(id).contains("App words."), "{next_pass}");
        let file = fx.read(&path);
        assert!(file.contains("More of their words."), "{next_pass}: {file}");
        // The app's write it took the place of is held in turn (a program may have opened it).
        let held_now = held(&fx);
        assert_eq!(held_now.len(), 1, "{next_pass}");
        assert!(fx.read(&held_now[0]).contains("App words."), "{next_pass}");
        // The program's file is in place again, so what it writes next lands there.
        save.write("\nTheir last words.\n");
        assert!(fx.read(&path).contains("Their last words."), "{next_pass}");
        let report = fx.ingest(std::slice::from_ref(&path));
        assert_eq!(report.conflicts, vec![id], "{next_pass}: {report:?}");
        assert!(fx.kept(id, "Their last words."), "{next_pass}");
        let article = fx
            .lib
            .resolve_conflict(&fx.ws, id, Resolution::KeepFile)
            .unwrap();
        assert!(article.body.contains("Their last words."), "{next_pass}");
        drop(save);
        settle_held_later(&mut fx);
        assert!(held(&fx).is_empty(), "{next_pass}: {:?}", held(&fx));
    }
}

#[test]
fn a_write_into_a_replaced_file_whose_place_was_taken_again_is_kept_in_the_history() {
    let (mut fx, id, path, mut save) = displaced_during_a_save();
    // Another save by rename takes the place of the mirror's file; then the first program
    // finishes its save in the displaced file.
    let other = fx.read(&path).replace("App words.", "Other words.");
    let temp = path.with_file_name(".other.swp");
    std::fs::write(&temp, &other).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    save.write("\nMore of their words.\n");
    let report = fx.mirror();
    assert!(report.conflicts.contains(&id), "{report:?}");
    assert!(fx.kept(id, "More of their words."));
    assert!(fx.kept(id, "Other words."));
    assert!(fx.body(id).contains("App words."));
    assert_eq!(
        fx.read(&path),
        other,
        "the file is left as the last save made it"
    );
    let conflict = fx.lib.conflict(id).unwrap().expect("in conflict");
    let file_side = fx.lib.store().revision(id, conflict.file_revision).unwrap();
    assert!(file_side.body.contains("Other words."));
    // Still held: a write after it was taken in is taken in again, then it goes.
    save.write("\nEven more of their words.\n");
    fx.mirror();
    assert!(fx.kept(id, "Even more of their words."));
    assert_eq!(held(&fx).len(), 1);
    // The program closes the file (Windows shows a deleted file's name until then).
    drop(save);
    settle_held_later(&mut fx);
    assert!(held(&fx).is_empty(), "{:?}", held(&fx));
}

#[test]
fn a_replaced_file_nobody_writes_into_is_removed_after_the_grace_period() {
    let (mut fx, id, _path, save) = displaced_during_a_save();
    drop(save);
    assert_eq!(held(&fx).len(), 1, "the displaced file is held");
    assert!(fx.mirror().is_empty());
    assert_eq!(held(&fx).len(), 1, "not before the grace period");
    let report = settle_held_later(&mut fx);
    assert!(report.is_empty(), "{report:?}");
    assert!(held(&fx).is_empty());
    assert!(fx.lib.conflict(id).unwrap().is_none());
}

#[test]
fn a_replaced_file_written_into_with_what_is_no_article_is_kept_next_to_the_file() {
    let (mut fx, id, path, save) = displaced_during_a_save();
    std::fs::write(&path, fx.read(&path).replace("App words.", "Other words.")).unwrap();
    let mut file = &save.file;
    file.set_len(0).unwrap();
    file.rewind().unwrap();
    file.write_all(b"\x80\x81 not text").unwrap();
    fx.mirror();
    assert_eq!(held(&fx).len(), 1, "held until it stops changing");
    assert!(fx.lib.conflict(id).unwrap().is_none());
    let report = settle_held_later(&mut fx);
    let kept_file = path.with_file_name("late (kept 1).md");
    assert!(kept_file.exists(), "{report:?}");
    assert!(
        report.problems.iter().any(|p| p.path == kept_file),
        "{report:?}"
    );
    assert!(held(&fx).is_empty());
}

/// One look at the held files as if the grace period had passed.
fn settle_held_later(fx: &mut Fixture) -> crate::workspace::SyncReport {
    let later = displaced::now_ms() + GRACE.as_millis() as u64 + 1;
    let mut report = crate::workspace::SyncReport::default();
    fx.lib
        .settle_displaced(&fx.ws, later, &mut report)
        .expect("held files settled");
    report
}
