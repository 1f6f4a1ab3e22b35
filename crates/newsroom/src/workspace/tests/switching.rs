//! Moving the sync to another folder: the library starts over there, nothing is trashed.

use super::fixture;
use crate::workspace::Workspace;

fn copy_folder(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

#[test]
fn an_empty_new_folder_gets_every_article_and_none_is_trashed() {
    let mut fx = fixture();
    let a = fx.article("Budget vote", "Politics", "First.");
    let b = fx.article("Storm warning", "", "Second.");
    fx.reconcile();
    let other = tempfile::tempdir().expect("folder");
    let ws = Workspace::open(&other.path().join("Elsewhere")).expect("workspace");

    let report = fx.lib.reconcile_workspace(&ws).expect("reconcile");

    assert!(report.trashed.is_empty(), "{report:?}");
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert!(report.written.contains(&a.id) && report.written.contains(&b.id));
    for id in [a.id, b.id] {
        assert!(
            fx.lib
                .store()
                .article(id)
                .expect("article")
                .trashed_at
                .is_none()
        );
        let state = fx
            .lib
            .store()
            .workspace_file(id)
            .expect("state")
            .expect("file");
        assert!(ws.absolute(&state.path).is_file());
    }
    // The old folder is left as it was.
    assert!(fx.file_of_in(&fx.ws.clone(), a.id).is_file());
}

#[test]
fn a_copy_of_the_folder_is_adopted_without_new_trashed_or_conflicting_articles() {
    let mut fx = fixture();
    let a = fx.article("Budget vote", "Politics", "First.");
    fx.reconcile();
    let other = tempfile::tempdir().expect("folder");
    let copy = other.path().join("Moved");
    copy_folder(fx.ws.root(), &copy);
    let ws = Workspace::open(&copy).expect("workspace");
    let before = fx.lib.store().article_count().expect("count");

    let report = fx.lib.reconcile_workspace(&ws).expect("reconcile");

    assert!(report.created.is_empty(), "{report:?}");
    assert!(report.trashed.is_empty(), "{report:?}");
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(fx.lib.store().article_count().expect("count"), before);
    assert_eq!(fx.body(a.id), "First.");
    // Back in the first folder, it starts over again without losing anything either.
    let back = fx.ws.clone();
    let report = fx.lib.reconcile_workspace(&back).expect("reconcile");
    assert!(
        report.trashed.is_empty() && report.conflicts.is_empty(),
        "{report:?}"
    );
}
