//! Windows: an article's file held open by another program that does not share it (an
//! editor, an antivirus scan, a sync client) cannot be replaced. The write is tried again for
//! a moment, then reported; the article stays waiting and is written once the file is free.
//! (Unix replaces open files; its counterpart is `late_writes`.)

use super::{fixture, messages};
use std::os::windows::fs::OpenOptionsExt;

/// `FILE_SHARE_READ` alone: others may read, nobody may replace or delete the file.
const FILE_SHARE_READ: u32 = 1;

#[test]
fn a_file_held_open_is_written_once_the_program_lets_go() {
    let mut fx = fixture();
    let article = fx.article("Held", "World", "First words.");
    let path = fx.file_of(article.id);
    let held = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(&path)
        .unwrap();
    fx.lib
        .store_mut()
        .save_body(article.id, "Second words.\n")
        .unwrap();
    let report = fx.mirror();
    assert!(report.written.is_empty(), "{report:?}");
    assert!(
        messages(&report).contains("open in another program"),
        "{}",
        messages(&report)
    );
    assert!(fx.read(&path).contains("First words."));
    assert!(
        fx.body(article.id).contains("Second words."),
        "nothing was lost"
    );

    drop(held);
    let report = fx.mirror();
    assert!(report.written.contains(&article.id), "{report:?}");
    assert!(fx.read(&path).contains("Second words."));
}
