//! Files that cannot be articles: a clear sentence, and nothing changed in the library or on
//! disk.

use super::{Fixture, fixture, messages};
use crate::import::MAX_FILE_BYTES;
use crate::model::Article;
use crate::workspace::disk::MAX_ARTICLE_FILE_BYTES;
use std::path::PathBuf;

/// Writes `bytes` over the file of a known article, ingests it and checks that the report
/// says `expected` and that neither the article nor the file changed.
fn refused_for_known_article(bytes: &[u8], expected: &str) {
    let mut fx = fixture();
    let article = fx.article("Precious", "", "Every word.\n");
    let path = fx.file_of(article.id);
    std::fs::write(&path, bytes).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(messages(&report).contains(expected), "{report:?}");
    assert_eq!(report.problems[0].path, path);
    assert!(report.changed.is_empty() && report.trashed.is_empty());
    assert_eq!(
        fx.lib.store().article(article.id).unwrap(),
        without_changes(&fx, &article)
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is left alone"
    );
}

fn without_changes(fx: &Fixture, article: &Article) -> Article {
    let now = fx.lib.store().article(article.id).unwrap();
    assert_eq!(now.body, article.body);
    assert_eq!(now.headline, article.headline);
    now
}

/// Writes a new file and checks that no article was made and the report says `expected`.
fn refused_as_new_file(name: &str, bytes: &[u8], expected: &str) {
    let mut fx = fixture();
    let path: PathBuf = fx.ws.root().join("world").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(messages(&report).contains(expected), "{report:?}");
    assert!(report.created.is_empty());
    assert_eq!(fx.lib.store().article_count().unwrap(), 0);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_non_utf8_file_is_refused() {
    refused_for_known_article(b"---\nheadline: Espa\xf1a\n---\n", "is not UTF-8 text");
    refused_as_new_file("latin1.md", b"Espa\xf1a gana\n", "is not UTF-8 text");
}

#[test]
fn broken_front_matter_is_refused() {
    refused_for_known_article(
        b"---\nheadline: [unclosed\n---\nBody\n",
        "could not be read as an article: its front matter is not valid",
    );
    refused_as_new_file(
        "broken.md",
        b"---\nheadline: A\n  bad: indent\n---\n",
        "front matter is not valid",
    );
}

/// 120 KB of nested brackets kept the parser busy for seconds under the library's lock; they
/// are refused before it sees them, for a known article and for a new file (written with our
/// front matter or with another tool's).
#[test]
fn deeply_nested_or_oversized_front_matter_is_refused_before_parsing() {
    let nested = format!(
        "---\nheadline: {}x{}\n---\nBody\n",
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    refused_for_known_article(nested.as_bytes(), "nested more than 64 levels deep");
    let new = format!(
        "---\ntitle: {}x{}\n---\nBody\n",
        "{a: ".repeat(100),
        "}".repeat(100)
    );
    refused_as_new_file(
        "nested.md",
        new.as_bytes(),
        "nested more than 64 levels deep",
    );
    let large = format!(
        "---\nheadline: Big\ndek: {}\n---\nBody\n",
        "word ".repeat(14_000)
    );
    refused_for_known_article(
        large.as_bytes(),
        "more than the 64 KB of fields Newsroom reads",
    );
}

#[test]
fn an_empty_file_never_empties_an_article() {
    refused_for_known_article(b"", "is empty; the article was left as it was");
    refused_as_new_file("empty.md", b"", "is empty; no article was made from it");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let mut fx = fixture();
    let article = fx.article("Small story", "", "Short.\n");
    let path = fx.file_of(article.id);
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(
        messages(&report).contains("more than the 20.0 MB"),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "Short.\n");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES + 1);
}

/// An article file over 1 MiB would hold the library lock (and the window) for longer than
/// a keystroke may wait: it is refused, known or new, and the article and file stay as they
/// were.
#[test]
fn an_article_file_over_one_mebibyte_is_refused() {
    let words = "Every word counts. ".repeat(60_000);
    let text = format!("---\nheadline: Long read\n---\n{words}\n");
    assert!(text.len() as u64 > MAX_ARTICLE_FILE_BYTES);
    let expected = "is 1.1 MB, more than the 1.0 MB an article file in the workspace may be";
    refused_for_known_article(text.as_bytes(), expected);
    refused_as_new_file("long-read.md", text.as_bytes(), expected);
    let just_under = format!("---\nheadline: Long read\n---\n{}", &words[..1_000_000]);
    let mut fx = fixture();
    let path = fx.ws.root().join("long-read.md");
    std::fs::write(&path, &just_under).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{}", messages(&report));
}

#[test]
fn a_partially_written_file_waits_for_the_rest() {
    let mut fx = fixture();
    let path = fx.ws.root().join("world").join("arriving.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let full = "---\nheadline: Arriving\nsection: World\n---\nThe whole story.\n";
    std::fs::write(&path, &full[..18]).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(messages(&report).contains("never closed"), "{report:?}");
    assert_eq!(fx.lib.store().article_count().unwrap(), 0);
    std::fs::write(&path, full).unwrap();
    let report = fx.ingest(&[path]);
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(fx.body(report.created[0]), "The whole story.\n");
}

#[test]
fn an_unknown_id_becomes_a_new_article_and_says_so() {
    let mut fx = fixture();
    let path = fx.ws.root().join("stray.md");
    std::fs::write(&path, "---\nid: 999\nheadline: Stray\n---\nText\n").unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1);
    assert!(
        messages(&report)
            .contains("names article 999, which does not exist, so it became a new article"),
        "{report:?}"
    );
    assert_ne!(report.created[0], 999);
}

#[test]
fn a_colliding_slug_gives_the_new_article_a_free_one_and_says_so() {
    let mut fx = fixture();
    let existing = fx.article("Budget", "World", "Original.\n");
    let path = fx.ws.root().join("world").join("budget-copy.md");
    std::fs::write(
        &path,
        "---\nslug: budget\nheadline: Budget again\n---\nCopy\n",
    )
    .unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    let new = fx.lib.store().article(report.created[0]).unwrap();
    assert_eq!(new.slug, "budget-2");
    assert!(
        messages(&report).contains("“budget” was taken"),
        "{report:?}"
    );
    assert_eq!(fx.body(existing.id), "Original.\n");
}

#[test]
fn a_changed_slug_that_belongs_to_another_article_is_not_taken() {
    let mut fx = fixture();
    fx.article("First", "", "");
    let second = fx.article("Second", "", "Two\n");
    let path = fx.file_of(second.id);
    std::fs::write(
        &path,
        fx.read(&path)
            .replace("slug: second", "slug: first")
            .replace("Two", "Deux"),
    )
    .unwrap();
    let report = fx.ingest(&[path]);
    assert_eq!(report.changed, vec![second.id]);
    assert!(
        messages(&report).contains("belongs to article"),
        "{report:?}"
    );
    let now = fx.lib.store().article(second.id).unwrap();
    assert_eq!((now.slug.as_str(), now.body.as_str()), ("second", "Deux\n"));
}

#[test]
fn a_status_the_workflow_does_not_allow_changes_nothing() {
    let mut fx = fixture();
    let article = fx.article("Workflow", "", "Text\n");
    let path = fx.file_of(article.id);
    std::fs::write(
        &path,
        fx.read(&path)
            .replace("status: draft", "status: published")
            .replace("Text", "Other"),
    )
    .unwrap();
    let report = fx.ingest(&[path]);
    assert!(
        messages(&report).contains("cannot go from draft to published"),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "Text\n");
}
