//! Changes made to the files by other programs.

use super::{fixture, messages};
use crate::model::RevisionCause;

#[test]
fn an_edited_file_becomes_a_revision_and_is_not_rewritten() {
    let mut fx = fixture();
    let article = fx.article("Edited", "", "Old words.\n");
    let path = fx.file_of(article.id);
    let edited = fx
        .read(&path)
        .replace("Old words.", "New words.")
        .replace("byline: ''", "byline: Ana Ruiz");
    std::fs::write(&path, &edited).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.changed, vec![article.id], "{report:?}");
    let now = fx.lib.store().article(article.id).unwrap();
    assert_eq!(now.body, "New words.\n");
    assert_eq!(now.byline, "Ana Ruiz");
    assert_eq!(fx.causes(article.id)[0], RevisionCause::External);
    assert_eq!(
        fx.read(&path),
        edited,
        "the other program's file is left as it wrote it"
    );
    assert!(fx.mirror().is_empty());
    assert!(fx.ingest(&[path]).is_empty());
}

#[test]
fn a_save_by_rename_over_the_file_is_taken_in() {
    let mut fx = fixture();
    let article = fx.article("Renamed save", "", "Before.\n");
    let path = fx.file_of(article.id);
    let temp = path.with_file_name(".renamed-save.md.swp");
    std::fs::write(&temp, fx.read(&path).replace("Before.", "After.")).unwrap();
    let first = fx.ingest(std::slice::from_ref(&temp));
    assert!(
        first.is_empty(),
        "editor temp files are not ours: {first:?}"
    );
    std::fs::rename(&temp, &path).unwrap();
    let report = fx.ingest(&[temp, path]);
    assert_eq!(report.changed, vec![article.id]);
    assert_eq!(fx.body(article.id), "After.\n");
}

#[test]
fn truncate_then_write_keeps_the_article_until_the_text_is_there() {
    let mut fx = fixture();
    let article = fx.article("Truncated", "", "Whole text.\n");
    let path = fx.file_of(article.id);
    let full = fx.read(&path).replace("Whole text.", "Rewritten text.");
    std::fs::write(&path, "").unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(
        messages(&report).contains("is empty; the article was left as it was"),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "Whole text.\n");
    std::fs::write(&path, &full[..20]).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(messages(&report).contains("never closed"), "{report:?}");
    assert_eq!(fx.body(article.id), "Whole text.\n");
    std::fs::write(&path, &full).unwrap();
    let report = fx.ingest(&[path]);
    assert_eq!(report.changed, vec![article.id]);
    assert_eq!(fx.body(article.id), "Rewritten text.\n");
}

#[test]
fn several_writes_in_a_row_end_with_the_last_text_and_lose_none() {
    let mut fx = fixture();
    let article = fx.article("Many saves", "", "v0\n");
    let path = fx.file_of(article.id);
    let template = fx.read(&path);
    for n in 1..=3 {
        std::fs::write(&path, template.replace("v0", &format!("v{n}"))).unwrap();
        let report = fx.ingest(std::slice::from_ref(&path));
        assert_eq!(report.changed, vec![article.id]);
    }
    assert_eq!(fx.body(article.id), "v3\n");
    let bodies = fx.revision_bodies(article.id);
    for n in 0..=3 {
        assert!(bodies.contains(&format!("v{n}\n")), "v{n} in {bodies:?}");
    }
}

#[test]
fn a_deleted_file_trashes_its_article_which_can_be_restored() {
    let mut fx = fixture();
    let article = fx.article("Deleted", "World", "Keep me.\n");
    let path = fx.file_of(article.id);
    std::fs::remove_file(&path).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.trashed, vec![article.id]);
    assert!(
        fx.lib
            .store()
            .article(article.id)
            .unwrap()
            .trashed_at
            .is_some()
    );
    fx.lib.store_mut().untrash(article.id).unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![article.id]);
    assert_eq!(fx.read(&path), fx.rendered(article.id));
    assert_eq!(fx.body(article.id), "Keep me.\n");
}

#[test]
fn a_deleted_file_whose_article_changed_is_written_again() {
    let mut fx = fixture();
    let article = fx.article("Still wanted", "", "One.\n");
    let path = fx.file_of(article.id);
    fx.lib.store_mut().save_body(article.id, "Two.\n").unwrap();
    std::fs::remove_file(&path).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.trashed.is_empty());
    assert!(
        messages(&report).contains("was written again"),
        "{report:?}"
    );
    assert_eq!(fx.read(&path), fx.rendered(article.id));
}

#[test]
fn a_file_moved_by_another_program_takes_its_article_along() {
    let mut fx = fixture();
    let article = fx.article("Moved by hand", "World", "Text\n");
    let old = fx.file_of(article.id);
    let new = old.with_file_name("renamed.md");
    std::fs::rename(&old, &new).unwrap();
    let report = fx.ingest(&[old, new.clone()]);
    assert!(
        report.trashed.is_empty() && report.created.is_empty(),
        "{report:?}"
    );
    assert_eq!(fx.file_of(article.id), new);
    assert!(
        fx.lib
            .store()
            .article(article.id)
            .unwrap()
            .trashed_at
            .is_none()
    );
}

#[test]
fn an_edit_to_a_file_of_a_trashed_article_is_kept_in_its_history() {
    let mut fx = fixture();
    let article = fx.article("Trashed then edited", "", "Old\n");
    let path = fx.file_of(article.id);
    fx.lib.store_mut().trash(article.id).unwrap();
    std::fs::write(&path, fx.read(&path).replace("Old", "Late edit")).unwrap();
    let report = fx.mirror();
    assert!(
        messages(&report).contains("kept in its history"),
        "{report:?}"
    );
    assert!(!path.exists());
    let newest = fx.lib.store().revisions(article.id).unwrap()[0].number;
    let revision = fx.lib.store().revision(article.id, newest).unwrap();
    assert_eq!(revision.body, "Late edit\n");
}

/// A desk adds its own field (`priority:`) to an article's file: taken in, not refused, and
/// written back unchanged when the app next writes the file; dropping it in the file drops it.
#[test]
fn a_field_newsroom_does_not_use_survives_a_round_trip_through_the_app() {
    let mut fx = fixture();
    let article = fx.article("Kicked", "World", "Words.\n");
    let path = fx.file_of(article.id);
    let with_priority =
        fx.read(&path)
            .replacen("headline: Kicked\n", "headline: Kicked\npriority: 2\n", 1);
    std::fs::write(&path, &with_priority).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(
        fx.lib.store().extra_fields(article.id).unwrap(),
        "priority: 2\n"
    );

    fx.lib
        .store_mut()
        .save_body(article.id, "New words.\n")
        .unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![article.id], "{report:?}");
    let written = fx.read(&path);
    assert!(written.contains("\npriority: 2\n"), "{written}");
    assert!(written.ends_with("---\nNew words.\n"), "{written}");

    std::fs::write(&path, written.replace("priority: 2\n", "")).unwrap();
    fx.ingest(std::slice::from_ref(&path));
    assert_eq!(fx.lib.store().extra_fields(article.id).unwrap(), "");
}

/// Another program sets the desk's fields in the file: they become the article's own (not
/// extra fields), and the app writes them back when it next writes the file.
#[test]
fn the_desks_fields_set_in_the_file_become_the_articles_own() {
    let mut fx = fixture();
    let article = fx.article("Kicked", "World", "Words.\n");
    let path = fx.file_of(article.id);
    let edited = fx.read(&path).replacen(
        "headline: Kicked\n",
        "headline: Kicked\nkicker: Analysis\nembargo: 2026-12-03T17:00:00Z\nwords_planned: 600\n",
        1,
    );
    std::fs::write(&path, &edited).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.problems.is_empty(), "{report:?}");
    let taken = fx.lib.store().article(article.id).unwrap();
    assert_eq!(
        (taken.kicker.as_str(), taken.embargo, taken.words_planned),
        ("Analysis", Some(1_796_317_200), Some(600))
    );
    assert_eq!(fx.lib.store().extra_fields(article.id).unwrap(), "");

    fx.lib
        .store_mut()
        .save_body(article.id, "New words.\n")
        .unwrap();
    fx.mirror();
    let written = fx.read(&path);
    assert!(
        written.contains("\nkicker: Analysis\n")
            && written.contains("\nembargo: 2026-12-03T17:00:00Z\nwords_planned: 600\n"),
        "{written}"
    );
}

/// Corrections and notes travel in the file: another desk's arrive with it, and one added here
/// is written into it.
#[test]
fn corrections_and_notes_travel_in_the_file() {
    let mut fx = fixture();
    let article = fx.article("Kicked", "World", "Words.\n");
    let path = fx.file_of(article.id);
    let edited = fx.read(&path).replacen(
        "headline: Kicked\n",
        "headline: Kicked\ncorrections:\n- correction: The vote was 7-2.\n  date: 2026-12-03T17:00:00Z\nnotes:\n- note: Legal to check paragraph 4.\n  date: 2026-12-03T16:00:00Z\n",
        1,
    );
    std::fs::write(&path, &edited).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.problems.is_empty(), "{report:?}");
    let store = fx.lib.store();
    let corrections = store.corrections(article.id).unwrap();
    assert_eq!(
        (corrections[0].text.as_str(), corrections[0].at),
        ("The vote was 7-2.", 1_796_317_200)
    );
    assert_eq!(
        store.notes(article.id).unwrap()[0].text,
        "Legal to check paragraph 4."
    );

    fx.lib
        .store_mut()
        .add_note(article.id, "Call Ana first.")
        .unwrap();
    fx.mirror();
    let written = fx.read(&path);
    assert!(
        written.contains("- correction: The vote was 7-2.\n  date: 2026-12-03T17:00:00Z\n")
            && written.contains("- note: Call Ana first.\n"),
        "{written}"
    );
}
