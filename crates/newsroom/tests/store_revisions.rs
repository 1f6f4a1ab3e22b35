//! Body saves while typing, revision coalescing and restoring, through the public API.

#[allow(dead_code)]
mod common;

use common::{START, advance, assert_error, create, now, state_of, store};
use newsroom::model::{RevisionCause, Status};
use newsroom::store::TYPING_WINDOW_SECS;

#[test]
fn a_body_save_updates_the_text_the_word_count_and_the_time() {
    let mut s = store();
    let a = create(&mut s, "Story", "one");
    advance(5);
    let receipt = s.save_body(a.id, "one two three").unwrap();
    assert!(receipt.changed);
    assert_eq!(receipt.word_count, 3);
    assert_eq!(receipt.updated_at, START + 5);
    let b = s.article(a.id).unwrap();
    assert_eq!(
        (b.body.as_str(), b.word_count, b.updated_at),
        ("one two three", 3, START + 5)
    );
    assert_eq!((b.headline, b.created_at), (a.headline, a.created_at));
}

#[test]
fn saving_the_same_body_again_writes_nothing() {
    let mut s = store();
    let a = create(&mut s, "Story", "same text");
    advance(TYPING_WINDOW_SECS * 10);
    let receipt = s.save_body(a.id, "same text").unwrap();
    assert!(!receipt.changed);
    assert_eq!(receipt.revision, None);
    assert_eq!((receipt.updated_at, receipt.word_count), (START, 2));
    assert_eq!(state_of(&s, a.id), (a, 1));
}

#[test]
fn saves_within_the_typing_window_share_one_snapshot() {
    let mut s = store();
    let a = create(&mut s, "Story", "v0");
    let mut body = String::from("v0");
    // Typing for just under the window after the first revision: no new snapshot.
    for _ in 0..(TYPING_WINDOW_SECS / 10 - 1) {
        advance(10);
        body.push_str(" word");
        let receipt = s.save_body(a.id, &body).unwrap();
        assert_eq!(receipt.revision, None, "at {}", now() - START);
        assert_eq!(s.article(a.id).unwrap().body, body, "every save is kept");
    }
    assert_eq!(s.revisions(a.id).unwrap().len(), 1);

    // The window has passed: this save is snapshotted, with the text as saved.
    advance(10);
    body.push_str(" end");
    assert_eq!(s.save_body(a.id, &body).unwrap().revision, Some(2));
    let snapshot = s.revision(a.id, 2).unwrap();
    assert_eq!(snapshot.cause, RevisionCause::Typing);
    assert_eq!(snapshot.body, body);
    assert_eq!(snapshot.created_at, START + TYPING_WINDOW_SECS);

    // The window starts again from that snapshot.
    advance(TYPING_WINDOW_SECS - 1);
    assert_eq!(s.save_body(a.id, "again").unwrap().revision, None);
    advance(1);
    assert_eq!(s.save_body(a.id, "and again").unwrap().revision, Some(3));
}

#[test]
fn restoring_brings_the_old_text_back_and_keeps_the_current_one() {
    let mut s = store();
    let a = create(&mut s, "First headline", "first text");
    advance(TYPING_WINDOW_SECS);
    s.save_body(a.id, "second text").unwrap();
    advance(10);
    // Saved but inside the window: only in the article row so far.
    s.save_body(a.id, "third text, unsnapshotted").unwrap();
    assert_eq!(s.revisions(a.id).unwrap().len(), 2);

    advance(10);
    let restored = s.restore(a.id, 1).unwrap();
    assert_eq!(restored.body, "first text");
    assert_eq!(restored.headline, "First headline");
    assert_eq!(restored.word_count, 2);
    assert_eq!(restored.updated_at, now());
    assert_eq!(s.article(a.id).unwrap(), restored);

    let history = s.revisions(a.id).unwrap();
    let causes: Vec<_> = history.iter().map(|r| (r.number, r.cause)).collect();
    assert_eq!(
        causes,
        vec![
            (4, RevisionCause::Restore),
            (3, RevisionCause::Typing),
            (2, RevisionCause::Typing),
            (1, RevisionCause::Manual),
        ]
    );
    assert_eq!(
        s.revision(a.id, 3).unwrap().body,
        "third text, unsnapshotted"
    );
    assert_eq!(s.revision(a.id, 4).unwrap().body, "first text");

    // Restoring again right away keeps no duplicate of the current text.
    s.restore(a.id, 2).unwrap();
    assert_eq!(s.article(a.id).unwrap().body, "second text");
    assert_eq!(s.revisions(a.id).unwrap().len(), 5);
}

#[test]
fn an_unknown_revision_is_reported_and_nothing_changes() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    let before = state_of(&s, a.id);
    let err = s.restore(a.id, 42).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::NotFound,
        &[&format!("article {} has no revision 42", a.id)],
    );
    assert_error(
        &s.revision(a.id, 0).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["revision 0"],
    );
    assert_error(
        &s.restore(999, 1).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["999"],
    );
    assert_error(
        &s.revisions(999).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["999"],
    );
    assert_eq!(state_of(&s, a.id), before);
}

#[test]
fn restoring_into_the_trash_is_refused() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    s.trash(a.id).unwrap();
    let before = state_of(&s, a.id);
    assert_error(
        &s.restore(a.id, 1).unwrap_err(),
        newsroom::ErrorKind::Trashed,
        &["trash"],
    );
    assert_eq!(state_of(&s, a.id), before);
}

#[test]
fn saving_into_an_unknown_article_is_reported() {
    let mut s = store();
    assert_error(
        &s.save_body(7, "text").unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["7"],
    );
    assert_eq!(s.article_count().unwrap(), 0);
}

#[test]
fn an_explicit_snapshot_is_recorded_only_when_the_text_changed() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    assert_eq!(s.snapshot(a.id, RevisionCause::Manual).unwrap(), None);
    advance(5);
    s.save_body(a.id, "more text").unwrap();
    assert_eq!(s.snapshot(a.id, RevisionCause::Manual).unwrap(), Some(2));
    assert_eq!(s.revision(a.id, 2).unwrap().cause, RevisionCause::Manual);
    assert_eq!(s.snapshot(a.id, RevisionCause::Manual).unwrap(), None);
}

#[test]
fn a_status_change_is_kept_in_the_history_even_with_the_same_text() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    let patch = newsroom::model::ArticlePatch {
        status: Some(Status::Editing),
        ..Default::default()
    };
    s.update_article(a.id, &patch).unwrap();
    let history = s.revisions(a.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].cause, RevisionCause::Manual);
}
