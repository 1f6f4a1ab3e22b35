//! The shared corpus (`../shared/corpus/rust-book-src` beside the repository), for the benchmarks
//! that read it: `long.md`, one long article (chapter 10, ~10,500 words), and the whole book.

use std::path::{Path, PathBuf};

/// The chapter files that make up `long.md`.
pub const LONG_PARTS: [&str; 4] = ["ch10-00", "ch10-01", "ch10-02", "ch10-03"];

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/rust-book-src")
}

/// The book's chapters for the benchmark `bench`; without the corpus, `None` and a note saying
/// that the benchmark measured nothing.
pub fn chapters_for(bench: &str) -> Option<Vec<(String, String)>> {
    let dir = corpus_dir();
    let found = chapters(&dir);
    if found.is_none() {
        eprintln!(
            "{bench} bench skipped: the corpus is not at {} (it lives in ../shared beside the repository)",
            dir.display()
        );
    }
    found
}

/// The book's chapters in name order, or `None` when the corpus is not there.
pub fn chapters(dir: &Path) -> Option<Vec<(String, String)>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&path).ok()?))
        })
        .collect()
}

/// The ~10,500-word article made of chapter 10's files.
pub fn long_article(chapters: &[(String, String)]) -> String {
    chapters
        .iter()
        .filter(|(name, _)| LONG_PARTS.iter().any(|part| name.starts_with(part)))
        .map(|(_, text)| text.as_str())
        .collect()
}
