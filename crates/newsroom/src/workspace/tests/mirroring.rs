//! The app's changes reach the folder.

use super::fixture;
use crate::model::{ArticlePatch, PhotoRole, RelatedTarget};
use crate::workspace::file_format::{parse, to_file};

#[test]
fn a_new_article_is_written_once_and_reads_back_as_itself() {
    let mut fx = fixture();
    let article = fx.article("Budget vote", "Politics", "The vote passed.\n");
    let path = fx.file_of(article.id);
    assert!(
        path.ends_with("politics/budget-vote.md"),
        "{}",
        path.display()
    );
    let text = fx.read(&path);
    assert_eq!(text, fx.rendered(article.id));
    assert_eq!(to_file(&parse(&text).unwrap()), text);
    assert!(fx.mirror().is_empty());
    assert!(fx.reconcile().is_empty());
}

#[test]
fn our_own_write_is_not_seen_as_an_external_edit() {
    let mut fx = fixture();
    let article = fx.article("Own write", "", "First.\n");
    fx.lib
        .store_mut()
        .save_body(article.id, "Second.\n")
        .unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![article.id]);
    let path = fx.file_of(article.id);
    assert!(path.ends_with("unfiled/own-write.md"));
    let before = fx.causes(article.id);
    let report = fx.ingest(&[path]);
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(fx.causes(article.id), before);
}

#[test]
fn the_mirror_only_looks_at_articles_changed_in_the_app() {
    let mut fx = fixture();
    let a = fx.article("Alpha", "", "A\n");
    let b = fx.article("Beta", "", "B\n");
    // An outside edit of A that no watcher reported: the mirror does not scan A's file.
    std::fs::write(fx.file_of(a.id), "edited elsewhere").unwrap();
    fx.lib.store_mut().save_body(b.id, "B2\n").unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![b.id]);
    assert!(report.problems.is_empty() && report.conflicts.is_empty());
}

#[test]
fn photos_and_related_links_are_in_the_file() {
    let mut fx = fixture();
    let other = fx.article("Other", "", "");
    let article = fx.article("With extras", "", "Body\n");
    let (photo, _) = fx
        .lib
        .store_mut()
        .add_photo(None, &crate::store::PhotoText::default())
        .unwrap();
    let store = fx.lib.store_mut();
    store
        .attach_photo(article.id, photo.id, PhotoRole::Featured, Some("Here"))
        .unwrap();
    store
        .add_related(article.id, &RelatedTarget::Article { id: other.id }, "")
        .unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![article.id]);
    let file = parse(&fx.read(&fx.file_of(article.id))).unwrap();
    assert_eq!(file.photos.len(), 1);
    assert_eq!(file.photos[0].caption.as_deref(), Some("Here"));
    assert_eq!(file.related.len(), 1);
}

#[test]
fn trashed_articles_leave_the_folder_and_come_back_when_restored() {
    let mut fx = fixture();
    let article = fx.article("Gone soon", "World", "Text\n");
    let path = fx.file_of(article.id);
    fx.lib.store_mut().trash(article.id).unwrap();
    let report = fx.mirror();
    assert_eq!(report.removed_files, vec![path.clone()]);
    assert!(!path.exists());
    assert!(fx.lib.store().workspace_file(article.id).unwrap().is_none());
    fx.lib.store_mut().untrash(article.id).unwrap();
    let report = fx.mirror();
    assert_eq!(report.written, vec![article.id]);
    assert_eq!(fx.read(&path), fx.rendered(article.id));
}

#[test]
fn a_section_or_slug_change_moves_the_file() {
    let mut fx = fixture();
    let article = fx.article("Moving story", "World", "Text\n");
    let old = fx.file_of(article.id);
    let patch = ArticlePatch {
        section: Some("Sports".into()),
        slug: Some("moved-story".into()),
        ..ArticlePatch::default()
    };
    fx.lib
        .store_mut()
        .update_article(article.id, &patch)
        .unwrap();
    let report = fx.mirror();
    assert_eq!(report.removed_files, vec![old.clone()]);
    assert!(!old.exists());
    let new = fx.file_of(article.id);
    assert!(new.ends_with("sports/moved-story.md"));
    assert_eq!(fx.read(&new), fx.rendered(article.id));
}

#[test]
fn a_renamed_article_keeps_an_old_file_someone_edited() {
    let mut fx = fixture();
    let article = fx.article("Kept copy", "World", "Text\n");
    let old = fx.file_of(article.id);
    let patch = ArticlePatch {
        section: Some("Sports".into()),
        ..ArticlePatch::default()
    };
    fx.lib
        .store_mut()
        .update_article(article.id, &patch)
        .unwrap();
    // Written after the mirror compared hashes but before it removed the old file is too
    // narrow to stage; an edit seen first makes a conflict instead, which keeps both.
    std::fs::write(&old, fx.read(&old).replace("Text", "Edited")).unwrap();
    let report = fx.mirror();
    assert_eq!(report.conflicts, vec![article.id]);
    assert!(old.exists());
}
