//! Helpers shared by the store's integration tests (`tests/store*.rs`).
//!
//! Each test binary uses a different subset of these helpers, hence the `dead_code` allowance
//! on the `mod common;` lines.

use newsroom::model::{
    Article, ArticleFilter, ArticleId, ImageFormat, NewArticle, PhotoFile, RevisionCause, Timestamp,
};
use newsroom::store::{Store, StoreError};
use sha2::{Digest, Sha256};
use std::cell::Cell;

/// 2026-01-01T00:00:00Z: where every test's clock starts.
pub const START: Timestamp = 1_767_225_600;

thread_local! {
    /// The controlled clock. `Store::with_clock` takes a plain `fn`, which cannot capture; a
    /// thread-local (rather than one global) keeps tests independent, since the test harness
    /// runs each test on its own thread, in parallel.
    static NOW: Cell<Timestamp> = const { Cell::new(START) };
}

fn test_clock() -> Timestamp {
    NOW.with(Cell::get)
}

/// The controlled clock's current time.
pub fn now() -> Timestamp {
    test_clock()
}

/// Moves the controlled clock forward.
pub fn advance(secs: Timestamp) {
    NOW.with(|n| n.set(n.get() + secs));
}

/// A fresh in-memory library whose clock starts at [`START`] and only moves by [`advance`].
pub fn store() -> Store {
    NOW.with(|n| n.set(START));
    Store::open_in_memory()
        .expect("an in-memory library opens")
        .with_clock(test_clock)
}

/// A new article with only a headline and a body.
pub fn draft(headline: &str, body: &str) -> NewArticle {
    NewArticle {
        headline: headline.into(),
        body: body.into(),
        ..NewArticle::default()
    }
}

/// Creates an article with only a headline and a body.
pub fn create(store: &mut Store, headline: &str, body: &str) -> Article {
    store
        .create_article(&draft(headline, body), RevisionCause::Manual)
        .expect("the article is created")
}

/// Everything the store holds about one article: the row and its history.
pub fn state_of(store: &Store, id: ArticleId) -> (Article, usize) {
    let article = store.article(id).expect("the article exists");
    let revisions = store.revisions(id).expect("its history reads").len();
    (article, revisions)
}

/// Ids of the listed articles (working list, or the trash), most recently updated first.
pub fn listed(store: &Store, trashed: bool) -> Vec<ArticleId> {
    let filter = ArticleFilter {
        trashed,
        ..ArticleFilter::default()
    };
    store
        .list(&filter)
        .expect("the list reads")
        .into_iter()
        .map(|a| a.id)
        .collect()
}

/// The file record of an image whose bytes are `seed` (the hash is the real SHA-256 of them).
pub fn photo_file(seed: &str) -> PhotoFile {
    PhotoFile {
        hash: Sha256::digest(seed.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        format: ImageFormat::Jpeg,
        width: 1200,
        height: 800,
        bytes: seed.len() as u64,
        original_name: format!("{seed}.jpg"),
    }
}

/// Asserts the error's kind and that its message mentions every one of `parts`.
#[track_caller]
pub fn assert_error(err: &StoreError, kind: newsroom::ErrorKind, parts: &[&str]) {
    assert_eq!(err.kind(), kind, "kind of “{err}”");
    let message = err.to_string();
    for part in parts {
        assert!(
            message.contains(part),
            "“{message}” should mention “{part}”"
        );
    }
}
