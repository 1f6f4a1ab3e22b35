//! Shared by the proof tests of the workspace sync (`tests/crash.rs`, `tests/storm.rs`): a
//! seeded random generator, this test binary re-run in a child role, content hashes and the
//! file an article should have.
//!
//! Each test binary uses a different subset of these helpers, hence the `dead_code` allowance
//! on the `mod sync_harness;` lines.

use newsroom::Library;
use newsroom::library::MediaUrls;
use newsroom::model::ArticleId;
use newsroom::workspace::file_format::{ArticleFile, to_file};
use sha2::{Digest, Sha256};
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

/// A small xorshift generator: the tests need reproducible randomness, not good randomness.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is the one state xorshift never leaves.
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }
}

/// The seed named by `var`, or a fresh one from the clock (printed by the tests on failure,
/// so a failing run can be repeated with `var=<seed>`).
pub fn seed(var: &str) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}

/// A count from the environment (`NEWSROOM_CRASH_RUNS`...), or `default`.
pub fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// This test binary, set to run only the test `child_test` (which does its work because
/// `role_var` is set), with its output piped to the caller.
pub fn child(child_test: &str, role_var: &str, role: &str) -> Command {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let mut command = Command::new(exe);
    command
        // Roles are `#[ignore]`d so that a plain `cargo test` does not count them: `--ignored`
        // runs this one.
        .args([
            "--exact",
            child_test,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(role_var, role)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// SHA-256 of `text`, lowercase hex.
pub fn sha(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The text of article `id`'s file as the app would write it now.
pub fn expected_file(library: &Library, id: ArticleId) -> String {
    let view = library
        .article_view(id, &MediaUrls::RelativeToLibrary)
        .expect("the article, its photos and its related links can be read");
    to_file(&ArticleFile::from_article(
        &view.article,
        &view.photos,
        &view.related,
        |id| library.article(id).ok().map(|related| related.uid),
    ))
}

/// Every text an article has had that the library still holds: its current body and the
/// bodies of all its revisions.
pub fn all_bodies(library: &Library, id: ArticleId) -> Vec<String> {
    let mut bodies = vec![library.article(id).expect("the article exists").body];
    for info in library.revisions(id).expect("its history can be read") {
        bodies.push(
            library
                .revision(id, info.number)
                .expect("a listed revision can be read")
                .body,
        );
    }
    bodies
}
