//! Where the library (and so its `backups/` and `media/`) and the default workspace live on
//! each platform: the platform's own conventions, through the `directories` crate.

use std::path::Path;

/// The last components of `path`, as text.
fn tail(path: &Path, n: usize) -> Vec<String> {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts[parts.len().saturating_sub(n)..].to_vec()
}

#[test]
fn the_library_lives_in_the_platform_data_folder() {
    let db = newsroom::library::default_db_path().expect("the platform names a data folder");
    assert!(db.is_absolute(), "{db:?}");
    if cfg!(windows) {
        // %APPDATA%, the roaming profile: a desk's library follows its editor between PCs.
        assert_eq!(
            tail(&db, 5),
            ["AppData", "Roaming", "Newsroom", "data", "library.db"],
            "{db:?}"
        );
    } else if cfg!(target_os = "macos") {
        assert_eq!(
            tail(&db, 4),
            ["Library", "Application Support", "Newsroom", "library.db"],
            "{db:?}"
        );
    } else {
        // $XDG_DATA_HOME, by default ~/.local/share.
        assert_eq!(tail(&db, 2), ["newsroom", "library.db"], "{db:?}");
    }
}

#[test]
fn the_default_workspace_is_in_the_documents_folder() {
    let root = newsroom::workspace::default_workspace_root().expect("a home folder");
    assert!(root.is_absolute(), "{root:?}");
    assert_eq!(tail(&root, 1), ["Newsroom"], "{root:?}");
    if cfg!(any(windows, target_os = "macos")) {
        assert_eq!(tail(&root, 2), ["Documents", "Newsroom"], "{root:?}");
    }
}
