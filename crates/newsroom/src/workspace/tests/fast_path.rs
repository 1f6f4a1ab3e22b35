//! The start-up scan skips what cannot have changed, and still catches what did: unchanged
//! stamps are trusted unless racy, dirty articles are mirrored in batches, and a crash between
//! writing a file and recording it is repaired.

use super::{Fixture, fixture, mtime, set_mtime};
use crate::model::{NewArticle, RevisionCause};
use crate::workspace::atomic::content_hash;
use crate::workspace::disk::READS;
use std::time::{Duration, SystemTime};

/// Files read by the engine on this thread since the last call.
fn reads() -> usize {
    READS.with(|reads| reads.replace(0))
}

/// `n` articles mirrored, their files dated an hour back (as if written long ago), and one
/// reconcile to record those stamps: the state after any quiet restart.
fn settled_library(n: usize) -> (Fixture, Vec<i64>) {
    let mut fx = fixture();
    let ids: Vec<i64> = (0..n)
        .map(|i| fx.article(&format!("Story {i}"), "World", "Text.\n").id)
        .collect();
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for id in &ids {
        set_mtime(&fx.file_of(*id), an_hour_ago);
    }
    assert!(fx.reconcile().is_empty());
    reads();
    (fx, ids)
}

#[test]
fn unchanged_files_are_not_read_at_start() {
    let (mut fx, _) = settled_library(5);
    assert!(fx.reconcile().is_empty());
    assert_eq!(reads(), 0);
}

#[test]
fn a_touched_file_is_read_once_then_trusted_again() {
    let (mut fx, ids) = settled_library(3);
    set_mtime(
        &fx.file_of(ids[1]),
        SystemTime::now() - Duration::from_secs(60),
    );
    assert!(fx.reconcile().is_empty());
    assert_eq!(reads(), 1);
    assert!(fx.reconcile().is_empty());
    assert_eq!(reads(), 0);
}

#[test]
fn an_edit_with_a_new_stamp_is_caught_and_only_its_file_read() {
    let (mut fx, ids) = settled_library(4);
    let path = fx.file_of(ids[2]);
    std::fs::write(
        &path,
        fx.read(&path).replace("Text.", "Edited while closed."),
    )
    .unwrap();
    let report = fx.reconcile();
    assert_eq!(report.changed, vec![ids[2]]);
    assert_eq!(fx.body(ids[2]), "Edited while closed.\n");
    // Only the settle's: the scan compares stamps and queues the file without reading it.
    assert_eq!(reads(), 1);
}

#[test]
fn a_same_size_edit_with_its_mtime_restored_is_caught_while_racy() {
    let mut fx = fixture();
    let article = fx.article("Racy", "World", "Alpha.\n");
    let path = fx.file_of(article.id);
    let stamped = mtime(&path);
    // Same size, same modification time: only a racy stamp lets this be seen.
    std::fs::write(&path, fx.read(&path).replace("Alpha.", "Gamma.")).unwrap();
    set_mtime(&path, stamped);
    let state = fx.lib.store().workspace_file(article.id).unwrap().unwrap();
    let stamp = state.stamp.expect("a stamp was recorded");
    assert!(stamp.matches(std::fs::metadata(&path).unwrap().len(), stamp.mtime_ns));
    assert!(stamp.is_racy());

    let report = fx.reconcile();
    assert_eq!(report.changed, vec![article.id]);
    assert_eq!(fx.body(article.id), "Gamma.\n");
}

#[test]
fn a_deleted_file_is_noticed_without_reading_the_others() {
    let (mut fx, ids) = settled_library(3);
    std::fs::remove_file(fx.file_of(ids[0])).unwrap();
    let report = fx.reconcile();
    assert_eq!(report.trashed, vec![ids[0]]);
    assert!(reads() <= 1);
}

#[test]
fn an_article_changed_in_the_app_while_closed_is_written_at_start() {
    let (mut fx, ids) = settled_library(3);
    fx.lib.store_mut().save_body(ids[1], "Changed.\n").unwrap();
    let report = fx.reconcile();
    assert_eq!(report.written, vec![ids[1]]);
    assert_eq!(fx.read(&fx.file_of(ids[1])), fx.rendered(ids[1]));
    assert!(fx.lib.store().workspace_dirty(10).unwrap().is_empty());
}

#[test]
fn both_sides_changed_while_closed_is_a_conflict() {
    let (mut fx, ids) = settled_library(2);
    let path = fx.file_of(ids[0]);
    std::fs::write(&path, fx.read(&path).replace("Text.", "File side.")).unwrap();
    fx.lib.store_mut().save_body(ids[0], "App side.\n").unwrap();
    let report = fx.reconcile();
    assert_eq!(report.conflicts, vec![ids[0]]);
    assert!(fx.read(&path).contains("File side."));
}

#[test]
fn a_crash_after_writing_a_file_before_recording_it_is_repaired_at_start() {
    let (mut fx, ids) = settled_library(2);
    fx.lib
        .store_mut()
        .save_body(ids[0], "Saved, then the crash.\n")
        .unwrap();
    // What the mirror had done when the app died: the file renamed into place, nothing recorded.
    let path = fx.file_of(ids[0]);
    let text = fx.rendered(ids[0]);
    std::fs::write(&path, text.as_bytes()).unwrap();

    let report = fx.reconcile();
    assert!(
        report.conflicts.is_empty() && report.changed.is_empty(),
        "{report:?}"
    );
    assert_eq!(fx.read(&path), text);
    let state = fx.lib.store().workspace_file(ids[0]).unwrap().unwrap();
    assert_eq!(state.file_hash, content_hash(text.as_bytes()));
    assert!(fx.lib.store().workspace_dirty(10).unwrap().is_empty());
    assert!(!fx.causes(ids[0]).contains(&RevisionCause::External));
}

#[test]
fn the_mirror_goes_in_batches_and_says_when_more_wait() {
    let mut fx = fixture();
    for i in 0..5 {
        let new = NewArticle {
            headline: format!("Batch {i}"),
            ..NewArticle::default()
        };
        fx.lib
            .store_mut()
            .create_article(&new, RevisionCause::Manual)
            .unwrap();
    }
    let mut written = Vec::new();
    let mut batches = 0;
    loop {
        let (report, more) = fx.lib.mirror_workspace_batch(&fx.ws, 2).unwrap();
        assert!(report.written.len() <= 2);
        written.extend(report.written);
        batches += 1;
        if !more {
            break;
        }
    }
    assert_eq!(batches, 3);
    assert_eq!(written.len(), 5);
    assert!(!fx.lib.mirror_workspace_batch(&fx.ws, 2).unwrap().1);
}

#[test]
fn a_change_made_while_the_mirror_wrote_keeps_the_article_dirty() {
    let mut fx = fixture();
    let article = fx.article("Twice", "", "One.\n");
    fx.lib.store_mut().save_body(article.id, "Two.\n").unwrap();
    let [(id, generation)] = fx.lib.store().workspace_dirty(10).unwrap()[..] else {
        panic!("one dirty article");
    };
    // Another process saves between the mirror's look and its clearing.
    fx.lib.store_mut().save_body(id, "Three.\n").unwrap();
    assert!(
        !fx.lib
            .store_mut()
            .clear_workspace_dirty(id, generation)
            .unwrap()
    );
    assert_eq!(fx.mirror().written, vec![id]);
    assert!(fx.read(&fx.file_of(id)).contains("Three."));
}
