//! The desk's fields and log through the public store API (issue 11): corrections and updates
//! on published stories only, each moving the story's modified time and kept in its history;
//! notes for the desk on any story; the desk's fields patched and cleared.

#[allow(dead_code)]
mod common;

use common::{START, advance, assert_error, create, state_of, store};
use newsroom::model::{ArticlePatch, CorrectionKind, Status};

#[test]
fn a_correction_is_refused_on_an_unpublished_story_and_nothing_changes() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "It met.");
    let before = state_of(&s, a.id);
    let err = s
        .add_correction(a.id, CorrectionKind::Correction, "It met on Monday.")
        .unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Invalid,
        &["has not been published", "change the story itself"],
    );
    let err = s
        .add_correction(a.id, CorrectionKind::Update, "  \n ")
        .unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Invalid,
        &["the update has no text"],
    );
    assert_eq!(state_of(&s, a.id), before);
    assert!(s.corrections(a.id).unwrap().is_empty());
}

#[test]
fn corrections_are_appended_dated_and_recorded_in_the_history() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "The vote was 6-3.");
    for status in [Status::Editing, Status::Ready, Status::Published] {
        let patch = ArticlePatch {
            status: Some(status),
            ..ArticlePatch::default()
        };
        s.update_article(a.id, &patch).unwrap();
    }
    let (_, revisions) = state_of(&s, a.id);
    advance(3600);
    let added = s
        .add_correction(
            a.id,
            CorrectionKind::Correction,
            "The vote was 7-2,\nnot 6-3.",
        )
        .unwrap();
    assert_eq!(added.text, "The vote was 7-2, not 6-3.");
    assert_eq!(added.at, START + 3600);
    advance(60);
    s.add_correction(a.id, CorrectionKind::Update, "The mayor resigned.")
        .unwrap();

    let log = s.corrections(a.id).unwrap();
    let kinds: Vec<_> = log.iter().map(|c| (c.kind, c.at)).collect();
    assert_eq!(
        kinds,
        [
            (CorrectionKind::Correction, START + 3600),
            (CorrectionKind::Update, START + 3660)
        ]
    );
    let (article, after) = state_of(&s, a.id);
    assert_eq!(article.updated_at, START + 3660, "dateModified moves on");
    assert_eq!(after, revisions + 2, "each is a moment in the history");
}

#[test]
fn notes_are_kept_on_any_story_oldest_first() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "It met.");
    s.add_note(a.id, "Legal to check paragraph 4.").unwrap();
    advance(5);
    s.add_note(a.id, "  Call Ana first.  ").unwrap();
    let notes: Vec<_> = s
        .notes(a.id)
        .unwrap()
        .into_iter()
        .map(|n| (n.text, n.at))
        .collect();
    assert_eq!(
        notes,
        [
            ("Legal to check paragraph 4.".to_string(), START),
            ("Call Ana first.".to_string(), START + 5)
        ]
    );
    assert_error(
        &s.add_note(a.id, " ").unwrap_err(),
        newsroom::ErrorKind::Invalid,
        &["the note is empty"],
    );
    assert_error(
        &s.add_note(999, "x").unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["999"],
    );
}

#[test]
fn the_desks_fields_are_patched_cleared_and_kept_on_a_duplicate() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "It met.");
    let patch = ArticlePatch {
        kicker: Some("  Analysis \n".into()),
        seo_headline: Some("Council meets at last".into()),
        embargo: Some(Some(START + 7200)),
        words_planned: Some(Some(600)),
        ..ArticlePatch::default()
    };
    let b = s.update_article(a.id, &patch).unwrap();
    assert_eq!(
        (b.kicker.as_str(), b.seo_title(), b.social_title()),
        ("Analysis", "Council meets at last", "Council meets")
    );
    assert!(b.embargoed_at(START) && !b.embargoed_at(START + 7200));
    let copy = s.duplicate(a.id).unwrap();
    assert_eq!(
        (copy.embargo, copy.words_planned),
        (Some(START + 7200), Some(600))
    );

    let cleared = ArticlePatch {
        embargo: Some(None),
        words_planned: Some(None),
        ..ArticlePatch::default()
    };
    let c = s.update_article(a.id, &cleared).unwrap();
    assert_eq!(
        (c.embargo, c.words_planned, c.kicker.as_str()),
        (None, None, "Analysis")
    );
    let zero = ArticlePatch {
        words_planned: Some(Some(0)),
        ..ArticlePatch::default()
    };
    let err = s.update_article(a.id, &zero).unwrap_err();
    assert_error(&err, newsroom::ErrorKind::Invalid, &["at least one word"]);
}

#[test]
fn a_patch_from_the_window_clears_with_null_and_leaves_out_what_it_does_not_name() {
    let patch: ArticlePatch =
        serde_json::from_str(r#"{"embargo": null, "kicker": "Exclusive"}"#).unwrap();
    assert_eq!(patch.embargo, Some(None));
    assert_eq!(patch.words_planned, None);
    assert_eq!(patch.kicker.as_deref(), Some("Exclusive"));
}

#[test]
fn the_desks_fields_corrections_and_notes_are_kept_in_each_revision() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "It met.");
    let first = s.revisions(a.id).unwrap().len();
    advance(10);
    let patch = ArticlePatch {
        kicker: Some("Analysis".into()),
        words_planned: Some(Some(900)),
        language: Some("en-GB".into()),
        ..ArticlePatch::default()
    };
    s.update_article(a.id, &patch).unwrap();
    let revisions = s.revisions(a.id).unwrap();
    assert_eq!(
        revisions.len(),
        first + 1,
        "a desk field change is a revision"
    );
    let newest = s.revision(a.id, revisions[0].number).unwrap();
    assert_eq!(
        newest.desk,
        "Kicker: Analysis\nWords planned: 900\nLanguage: en_GB\n"
    );
    assert_eq!(s.revision(a.id, revisions[1].number).unwrap().desk, "");

    // Tags are not in revisions: changing them records none.
    let tags = ArticlePatch {
        tags: Some(vec!["budget".into()]),
        ..ArticlePatch::default()
    };
    s.update_article(a.id, &tags).unwrap();
    assert_eq!(s.revisions(a.id).unwrap().len(), first + 1);

    advance(10);
    s.add_note(a.id, "Legal to check para 4").unwrap();
    let desk = s.desk_text(a.id).unwrap();
    assert!(
        desk.starts_with("Kicker: Analysis\nWords planned: 900\nLanguage: en_GB\nNote (20")
            && desk.ends_with(" UTC): Legal to check para 4\n"),
        "{desk}"
    );
}
