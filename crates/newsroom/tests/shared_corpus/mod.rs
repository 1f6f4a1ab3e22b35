//! The shared corpus (`../shared/corpus`, beside the repository rather than in it): where its
//! news article is, and what a test that reads it does when it is not there.
//!
//! Included with `#[path]` by both the CLI tests (`tests/cli/commands.rs`) and the importer's
//! unit tests (`src/import/tests.rs`), so the rule is written once. It uses only `std`, since
//! inside the library's own unit tests the `newsroom` crate cannot be named.

use std::path::PathBuf;

/// The real news article both import end to end (see `../shared/corpus/SOURCE.md`).
const ARTICLE: &str = "000_894e524890745626.txt";

/// The corpus article's path, or `None` after printing why the calling test skips.
///
/// A developer's checkout may lack the corpus, and a skip there keeps `cargo test` usable.
/// Under CI (`CI=true`, as GitHub Actions and most CI services set it) a missing corpus panics
/// instead: a skip there would report the end-to-end imports as passing while nothing was
/// checked.
pub fn article() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(ARTICLE);
    if path.is_file() {
        return Some(path);
    }
    // A CI service that cannot have the corpus beside the checkout (GitHub's runners) says so
    // with NEWSROOM_NO_SHARED_CORPUS, in its workflow, where a reader sees it.
    let under_ci = std::env::var("CI").is_ok_and(|value| value == "true")
        && std::env::var_os("NEWSROOM_NO_SHARED_CORPUS").is_none();
    assert!(
        !under_ci,
        "the corpus article {} is missing and CI=true: a CI run must have ../shared/corpus beside the repository, not skip the tests that read it",
        path.display()
    );
    eprintln!(
        "skipped: the corpus article is not at {} (set CI=true to make this a failure)",
        path.display()
    );
    None
}
