//! The workspace mirror through the public API, with a library on disk: what the desktop app
//! and `newsroom watch` rely on across restarts.

use newsroom::Library;
use newsroom::model::{ArticlePatch, NewArticle};
use newsroom::workspace::file_format::{parse, to_file};
use newsroom::workspace::{Resolution, Workspace};
use std::path::PathBuf;

struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    root: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("library.db");
    let root = dir.path().join("Documents").join("Newsroom");
    Setup {
        db,
        root,
        _dir: dir,
    }
}

fn new_article(headline: &str, body: &str) -> NewArticle {
    NewArticle {
        headline: headline.into(),
        section: "World".into(),
        body: body.into(),
        ..NewArticle::default()
    }
}

#[test]
fn the_folder_and_the_library_stay_in_step_across_restarts() {
    let s = setup();
    let ws = Workspace::open(&s.root).unwrap();
    assert!(ws.inbox().is_dir());
    let id = {
        let mut lib = Library::open(&s.db).unwrap();
        let article = lib
            .create_article(&new_article("Harbour strike", "Day one.\n"))
            .unwrap();
        let report = lib.reconcile_workspace(&ws).unwrap();
        assert_eq!(report.written, vec![article.id]);
        article.id
    };
    let path = ws.root().join("world").join("harbour-strike.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(to_file(&parse(&text).unwrap()), text);

    // Edited while the app was closed, and a new story dropped in.
    std::fs::write(&path, text.replace("Day one.", "Day two.")).unwrap();
    std::fs::write(
        ws.root().join("world").join("ferry.md"),
        "---\nheadline: Ferries cancelled\nsection: World\n---\nAll routes.\n",
    )
    .unwrap();

    let mut lib = Library::open(&s.db).unwrap();
    let report = lib.reconcile_workspace(&ws).unwrap();
    assert_eq!(report.changed, vec![id]);
    assert_eq!(report.created.len(), 1);
    assert_eq!(lib.article(id).unwrap().body, "Day two.\n");
    assert!(lib.reconcile_workspace(&ws).unwrap().is_empty());
    assert!(lib.mirror_workspace(&ws).unwrap().is_empty());

    // A change in the app reaches the file; the app's own write does not come back.
    let patch = ArticlePatch {
        dek: Some("Talks resume.".into()),
        ..ArticlePatch::default()
    };
    lib.update_article(id, &patch).unwrap();
    assert_eq!(lib.mirror_workspace(&ws).unwrap().written, vec![id]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("dek: Talks resume.")
    );
    assert!(lib.ingest_workspace_paths(&ws, &[path]).unwrap().is_empty());
}

#[test]
fn a_conflict_survives_a_restart_and_is_resolved_from_the_ui_json() {
    let s = setup();
    let ws = Workspace::open(&s.root).unwrap();
    let mut lib = Library::open(&s.db).unwrap();
    let id = lib
        .create_article(&new_article("Contested", "Base.\n"))
        .unwrap()
        .id;
    lib.mirror_workspace(&ws).unwrap();
    let path = ws.root().join("world").join("contested.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Base.", "Theirs.")).unwrap();
    // Typed in the app before the library took the file in.
    lib.save_typing(id, "Ours.\n", "Base.\n").unwrap();
    drop(lib);

    let mut lib = Library::open(&s.db).unwrap();
    let report = lib.reconcile_workspace(&ws).unwrap();
    assert_eq!(report.conflicts, vec![id]);
    let conflicts = lib.workspace_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    let json = serde_json::to_value(&conflicts[0]).unwrap();
    assert_eq!(json["article_id"], id);

    let resolution: Resolution = serde_json::from_str(r#"{"take":"file"}"#).unwrap();
    let article = lib.resolve_conflict(&ws, id, resolution).unwrap();
    assert_eq!(article.body, "Theirs.\n");
    let revisions = lib.revisions(id).unwrap();
    let kept: Vec<String> = revisions
        .iter()
        .map(|r| lib.revision(id, r.number).unwrap().body)
        .collect();
    assert!(kept.contains(&"Ours.\n".to_string()), "{kept:?}");
    assert!(lib.workspace_conflicts().unwrap().is_empty());
    assert!(lib.reconcile_workspace(&ws).unwrap().is_empty());
}
