use super::*;

fn open_kind(path: &Path) -> Result<Option<NotRegular>, String> {
    match open(path).map_err(|e| e.to_string())? {
        Opened::File(..) => Ok(None),
        Opened::Missing => Err("missing".into()),
        Opened::NotRegular(kind) => Ok(Some(kind)),
    }
}

#[test]
fn a_regular_file_opens_and_anything_else_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.md");
    std::fs::write(&file, "words").unwrap();
    assert_eq!(open_kind(&file), Ok(None));
    assert_eq!(open_kind(dir.path()), Ok(Some(NotRegular::Folder)));
    assert_eq!(
        open_kind(&dir.path().join("gone.md")),
        Err("missing".into())
    );
}

/// Makes a named pipe at `path` (shared with the workspace's and the photos' tests).
#[cfg(unix)]
pub(crate) fn make_fifo(path: &Path) {
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn links_are_not_followed_and_a_fifo_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, "password").unwrap();
    let link = dir.path().join("leak.md");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    assert_eq!(open_kind(&link), Ok(Some(NotRegular::Link)));

    let dangling = dir.path().join("dangling.md");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    assert_eq!(open_kind(&dangling), Ok(Some(NotRegular::Link)));

    // No writer ever opens it: a plain open would wait forever.
    let fifo = dir.path().join("pipe.md");
    make_fifo(&fifo);
    assert_eq!(open_kind(&fifo), Ok(Some(NotRegular::Fifo)));

    let socket = dir.path().join("socket.md");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    assert_eq!(open_kind(&socket), Ok(Some(NotRegular::Socket)));

    assert_eq!(
        open_kind(Path::new("/dev/zero")),
        Ok(Some(NotRegular::Device))
    );
}

#[cfg(unix)]
#[test]
fn a_file_in_a_linked_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("story.md"), "private").unwrap();
    let section = dir.path().join("world");
    std::os::unix::fs::symlink(elsewhere.path(), &section).unwrap();
    assert!(is_link(&section));
    assert!(matches!(
        open_in_folder(&section.join("story.md")).unwrap(),
        Opened::NotRegular(NotRegular::LinkedFolder)
    ));
    let sentence = NotRegular::LinkedFolder.sentence(&section.join("story.md"));
    assert!(
        sentence.contains("inside a folder that is a symbolic link"),
        "{sentence}"
    );
}

/// Wine 8's `CreateSymbolicLinkW` reports success and makes nothing, so there is no link to
/// refuse there: scripts/test-windows.sh says it runs under Wine, and only then is this skipped.
#[cfg(windows)]
#[test]
fn links_are_not_followed_on_windows() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "password").unwrap();
    let link = dir.path().join("leak.md");
    std::os::windows::fs::symlink_file(&secret, &link)
        .expect("creating a symbolic link (Windows needs developer mode or the privilege)");
    if std::env::var_os("NEWSROOM_UNDER_WINE").is_some()
        && std::fs::symlink_metadata(&link).is_err()
    {
        eprintln!("skipped: Wine made no link");
        return;
    }
    assert_eq!(open_kind(&link), Ok(Some(NotRegular::Link)));
}
