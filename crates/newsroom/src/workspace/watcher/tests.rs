//! The watcher against a real temporary folder: each way editors save is seen, nothing is
//! reported for reads, and polling takes over when native watching fails.

use super::*;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; a passing test returns as soon as the batch arrives.
const PATIENCE: Duration = Duration::from_secs(5);

fn fast() -> WatchOptions {
    WatchOptions {
        debounce: Duration::from_millis(50),
        poll_interval: Duration::from_millis(100),
        force_polling: false,
    }
}

fn watch(root: &Path, options: &WatchOptions) -> (WorkspaceWatcher, Receiver<WatchBatch>) {
    let (tx, rx) = channel();
    let watcher = WorkspaceWatcher::start_with(root, options, move |batch| {
        let _ = tx.send(batch);
    })
    .unwrap();
    (watcher, rx)
}

/// Waits until every path in `wanted` has been reported; fails after [`PATIENCE`].
#[track_caller]
fn expect_paths(rx: &Receiver<WatchBatch>, wanted: &[PathBuf]) {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    while !wanted.iter().all(|p| seen.contains(p)) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(batch) => seen.extend(batch.paths),
            Err(_) => panic!("expected {wanted:?}, saw only {seen:?}"),
        }
    }
}

/// Drains what is pending, then checks nothing more arrives for a while.
#[track_caller]
fn expect_quiet(rx: &Receiver<WatchBatch>) {
    if let Ok(batch) = rx.recv_timeout(Duration::from_millis(400)) {
        panic!("expected no batch, got {batch:?}");
    }
}

fn settle(rx: &Receiver<WatchBatch>) {
    while rx.recv_timeout(Duration::from_millis(300)).is_ok() {}
}

#[test]
fn a_rename_over_save_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.md");
    std::fs::write(&file, "one").unwrap();
    let (watcher, rx) = watch(dir.path(), &fast());
    assert_eq!(watcher.mode(), &WatchMode::Native);

    // The temporary file lives and dies inside one debounce window: only the result counts.
    let temp = dir.path().join(".story.md.tmp");
    std::fs::write(&temp, "two").unwrap();
    std::fs::rename(&temp, &file).unwrap();

    expect_paths(&rx, &[file]);
}

#[test]
fn a_moved_file_is_seen_at_both_ends() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old-slug.md");
    std::fs::write(&old, "text").unwrap();
    std::fs::create_dir(dir.path().join("sport")).unwrap();
    let (_watcher, rx) = watch(dir.path(), &fast());

    let new = dir.path().join("sport").join("new-slug.md");
    std::fs::rename(&old, &new).unwrap();

    expect_paths(&rx, &[old, new]);
}

#[test]
fn truncate_and_write_and_several_writes_in_a_row_are_seen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.md");
    std::fs::write(&file, "one").unwrap();
    let (_watcher, rx) = watch(dir.path(), &fast());

    {
        use std::io::Write;
        let mut f = std::fs::File::create(&file).unwrap();
        f.write_all(b"two ").unwrap();
        f.flush().unwrap();
        f.write_all(b"three").unwrap();
    }
    expect_paths(&rx, std::slice::from_ref(&file));
    settle(&rx);

    std::fs::write(&file, "four").unwrap();
    expect_paths(&rx, &[file]);
}

#[test]
fn files_created_in_new_folders_and_removed_files_are_seen() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.md");
    std::fs::write(&old, "gone soon").unwrap();
    let (_watcher, rx) = watch(dir.path(), &fast());

    let section = dir.path().join("sport");
    std::fs::create_dir(&section).unwrap();
    // Give the watcher a moment to add the new folder, as it does for a folder created by a
    // sync tool before it fills it.
    std::thread::sleep(Duration::from_millis(100));
    let new = section.join("match.md");
    std::fs::write(&new, "kick-off").unwrap();
    std::fs::remove_file(&old).unwrap();

    expect_paths(&rx, &[new, old]);
}

#[test]
fn reading_files_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.md");
    std::fs::write(&file, "text").unwrap();
    let (_watcher, rx) = watch(dir.path(), &fast());
    settle(&rx);

    for _ in 0..3 {
        std::fs::read(&file).unwrap();
    }
    expect_quiet(&rx);
}

#[test]
fn polling_can_be_forced_and_still_sees_changes() {
    let dir = tempfile::tempdir().unwrap();
    let options = WatchOptions {
        force_polling: true,
        ..fast()
    };
    let (watcher, rx) = watch(dir.path(), &options);
    assert!(
        matches!(watcher.mode(), WatchMode::Polling { reason } if reason == FORCED_POLLING),
        "{:?}",
        watcher.mode()
    );

    let file = dir.path().join("story.md");
    std::fs::write(&file, "text").unwrap();
    expect_paths(&rx, &[file]);
}

#[test]
fn when_native_watching_fails_polling_takes_over_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = channel();
    let sink: Sink = Arc::new(Mutex::new(move |batch| {
        let _ = tx.send(batch);
    }));
    let native = Err(notify::Error::new(notify::ErrorKind::MaxFilesWatch));

    let (backend, mode) =
        native_or_polling(native, || start_polling(dir.path(), &fast(), sink)).unwrap();

    assert!(matches!(backend, Backend::Polling(_)));
    let WatchMode::Polling { reason } = mode else {
        panic!("expected polling, got {mode:?}");
    };
    assert!(reason.contains("limit on watched folders"), "{reason}");
    let file = dir.path().join("story.md");
    std::fs::write(&file, "text").unwrap();
    expect_paths(&rx, &[file]);
    drop(backend);
}

#[test]
fn when_polling_fails_too_the_error_is_returned() {
    let native = Err(notify::Error::new(notify::ErrorKind::MaxFilesWatch));
    let result = native_or_polling(native, || Err(notify::Error::path_not_found()));
    assert!(result.is_err());
}

#[test]
fn nothing_arrives_after_stop() {
    let dir = tempfile::tempdir().unwrap();
    let (watcher, rx) = watch(dir.path(), &fast());
    watcher.stop();
    std::fs::write(dir.path().join("late.md"), "text").unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let error = WorkspaceWatcher::start(&missing, |_| {}).err().unwrap();
    assert_eq!(error.kind(), crate::ErrorKind::NotFound);
    assert!(error.to_string().contains("nowhere"), "{error}");
}

#[test]
fn a_file_is_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let error = WorkspaceWatcher::start(&file, |_| {}).err().unwrap();
    assert_eq!(error.kind(), crate::ErrorKind::Invalid);
    assert!(
        error.to_string().contains("is a file, not a folder"),
        "{error}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads every folder; the check only means something for ordinary users.
    if std::fs::read_dir(&locked).is_err() {
        let error = WorkspaceWatcher::start(&locked, |_| {}).err().unwrap();
        assert!(error.to_string().contains("permission denied"), "{error}");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
