//! File names and line endings as other platforms write them: CRLF files from Windows, names
//! in another case (Windows and macOS ignore case), names reported decomposed (macOS).

use super::fixture;

#[test]
fn a_file_saved_with_windows_line_endings_is_the_same_text_and_not_rewritten() {
    let mut fx = fixture();
    let article = fx.article("Line endings", "World", "One.\n\nTwo.\n");
    let path = fx.file_of(article.id);
    let crlf = fx.read(&path).replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(fx.body(article.id), "One.\n\nTwo.\n");
    for _ in 0..2 {
        assert!(fx.mirror().written.is_empty());
        assert!(fx.reconcile().is_empty());
    }
    assert_eq!(fx.read(&path), crlf, "the file keeps its line endings");

    // An edit saved with CRLF comes in as text without carriage returns.
    std::fs::write(&path, crlf.replace("Two.", "Three.")).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.changed, vec![article.id], "{report:?}");
    assert_eq!(fx.body(article.id), "One.\n\nThree.\n");
    assert!(fx.mirror().written.is_empty());

    // Notepad's byte-order mark as well: the same text, and the file is left as it is.
    let bom = format!("\u{feff}{}", crlf.replace("Two.", "Four."));
    std::fs::write(&path, &bom).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.changed, vec![article.id], "{report:?}");
    assert_eq!(fx.body(article.id), "One.\n\nFour.\n");
    assert!(fx.mirror().written.is_empty());
    assert!(fx.reconcile().is_empty());
    assert_eq!(fx.read(&path), bom);
}

/// Windows file systems ignore case: a file another program created as `World/Budget.md` and
/// reported later as `WORLD/BUDGET.MD` is one article with one file.
#[cfg(windows)]
#[test]
fn names_in_another_case_are_one_file_where_the_file_system_ignores_case() {
    let mut fx = fixture();
    assert!(fx.ws.name_rules().ignores_case);
    let folder = fx.ws.root().join("World");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("Budget.md");
    std::fs::write(
        &path,
        "---\nheadline: Budget\nsection: World\n---\nFirst.\n",
    )
    .unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    let id = report.created[0];
    assert!(fx.mirror().is_empty(), "its name is already the article's");

    let shouted = fx.ws.root().join("WORLD").join("BUDGET.MD");
    std::fs::write(&shouted, fx.read(&path).replace("First.", "Second.")).unwrap();
    let report = fx.ingest(std::slice::from_ref(&shouted));
    assert!(report.created.is_empty(), "{report:?}");
    assert_eq!(report.changed, vec![id]);
    assert_eq!(fx.body(id), "Second.\n");
    assert!(fx.reconcile().is_empty());
    assert_eq!(fx.lib.store().all_article_ids().unwrap(), vec![id]);
}
