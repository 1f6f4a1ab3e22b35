//! The same promises on every platform, and each platform's own answer where they differ.

use super::*;
use std::io::Write;

fn temp_with(folder: &Path, bytes: &[u8]) -> NamedTempFile {
    let mut temp = NamedTempFile::new_in(folder).unwrap();
    temp.write_all(bytes).unwrap();
    temp
}

/// The names in `folder`, sorted: what a write left behind (shared with the workspace's tests).
pub(crate) fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn persist_replaces_the_file_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    persist(temp_with(dir.path(), b"first"), &path).unwrap();
    persist(temp_with(dir.path(), b"second"), &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    assert_eq!(names(dir.path()), ["story.md"]);
}

#[test]
fn rename_new_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("new.tmp"), dir.path().join("story.md"));
    std::fs::write(&from, "ours").unwrap();
    std::fs::write(&to, "theirs").unwrap();
    let err = rename_new(&from, &to).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{err}");
    assert_eq!(std::fs::read(&to).unwrap(), b"theirs");
    assert_eq!(std::fs::read(&from).unwrap(), b"ours");
    std::fs::remove_file(&to).unwrap();
    rename_new(&from, &to).unwrap();
    assert_eq!(std::fs::read(&to).unwrap(), b"ours");
    assert_eq!(names(dir.path()), ["story.md"]);
}

#[test]
fn paths_longer_than_windows_old_limit_of_260_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut folder = dir.path().to_path_buf();
    for part in 0..4 {
        folder.push(format!("{part}-{}", "section".repeat(9)));
    }
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("{}.md", "a-long-slug".repeat(7)));
    assert!(path.as_os_str().len() > 300);
    persist(temp_with(&folder, b"deep"), &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"deep");
    let moved = folder.join("moved.md");
    rename_new(&path, &moved).unwrap();
    assert_eq!(std::fs::read(&moved).unwrap(), b"deep");
}

#[test]
fn exchange_swaps_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, "A").unwrap();
    std::fs::write(&b, "B").unwrap();
    exchange(&a, &b).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), b"B");
    assert_eq!(std::fs::read(&b).unwrap(), b"A");
    assert_eq!(names(dir.path()), ["a", "b"]);
    let gone = dir.path().join("gone");
    assert_eq!(
        exchange(&a, &gone).unwrap_err().kind(),
        io::ErrorKind::NotFound
    );
    assert_eq!(names(dir.path()), ["a", "b"]);
}

/// The swap moves the file itself, not its bytes: a program that opened it before (sharing
/// deletion, as Rust and many tools open files) writes into it at its new name.
#[test]
fn a_program_writing_into_a_swapped_file_writes_at_its_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let (ours, path) = (dir.path().join("ours"), dir.path().join("story.md"));
    std::fs::write(&ours, "ours").unwrap();
    let mut theirs = std::fs::File::create(&path).unwrap();
    theirs.write_all(b"their first half").unwrap();
    exchange(&ours, &path).unwrap();
    theirs.write_all(b", second half").unwrap();
    drop(theirs);
    assert_eq!(std::fs::read(&path).unwrap(), b"ours");
    assert_eq!(
        std::fs::read(&ours).unwrap(),
        b"their first half, second half"
    );
}

/// Unix replaces a file that another program has open: the program keeps reading what it
/// opened, the folder shows the new file.
#[cfg(unix)]
#[test]
fn a_file_open_in_another_program_is_replaced_on_unix() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, "old").unwrap();
    let mut held = std::fs::File::open(&path).unwrap();
    persist(temp_with(dir.path(), b"new"), &path).unwrap();
    let mut seen = String::new();
    held.read_to_string(&mut seen).unwrap();
    assert_eq!(seen, "old");
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

/// Opens `path` the way many Windows editors do: shared for reading only, so that nobody may
/// replace or delete it while it is open.
#[cfg(windows)]
fn hold_without_sharing(path: &Path) -> std::fs::File {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_SHARE_READ: u32 = 1;
    std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(path)
        .unwrap()
}

#[cfg(windows)]
#[test]
fn a_file_held_by_another_program_is_reported_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, "theirs").unwrap();
    let held = hold_without_sharing(&path);
    let temp = temp_with(dir.path(), b"ours").into_temp_path();
    let err = replace(&temp, &path).unwrap_err();
    assert!(err.to_string().contains("open in another program"), "{err}");
    drop(held);
    assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
    assert_eq!(
        std::fs::read(&temp).unwrap(),
        b"ours",
        "the new text is still there"
    );
}

#[cfg(windows)]
#[test]
fn a_file_let_go_of_during_the_retries_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, "theirs").unwrap();
    let held = hold_without_sharing(&path);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        drop(held);
    });
    persist(temp_with(dir.path(), b"ours"), &path).unwrap();
    release.join().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"ours");
}
