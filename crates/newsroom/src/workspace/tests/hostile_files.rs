//! What a shared folder can hold besides articles: links to private files, links to folders
//! elsewhere, FIFOs. None is read through, written through or waited on; each is named once.
//! (Unix: these are made with Unix calls; `regular_file`'s tests cover Windows' links.)

use super::new_files::tiny_png;
use super::{Fixture, fixture, messages};
use crate::model::Article;
use crate::regular_file::tests::make_fifo;
use std::os::unix::fs::symlink;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const SECRET: &str = "aws_secret_access_key = hunter2\n";

/// A private file outside the workspace.
fn secret_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credentials");
    std::fs::write(&path, SECRET).unwrap();
    (dir, path)
}

/// An article whose file another program replaced with a link to a private file: the
/// article, the link, the private file's folder (kept alive) and the private file.
fn file_swapped_for_a_link(fx: &mut Fixture) -> (Article, PathBuf, tempfile::TempDir, PathBuf) {
    let article = fx.article("Budget", "World", "First words.\n");
    let path = fx.file_of(article.id);
    let (private, secret) = secret_file();
    std::fs::remove_file(&path).unwrap();
    symlink(&secret, &path).unwrap();
    (article, path, private, secret)
}

#[test]
fn a_link_to_a_private_file_never_becomes_an_article() {
    let mut fx = fixture();
    let (_private, secret) = secret_file();
    let link = fx.ws.root().join("world").join("leak.md");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    symlink(&secret, &link).unwrap();
    let report = fx.ingest(std::slice::from_ref(&link));
    assert!(report.created.is_empty(), "{report:?}");
    assert!(
        messages(&report).contains("is a symbolic link"),
        "{report:?}"
    );
    assert_eq!(fx.lib.store().article_count().unwrap(), 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), SECRET);
}

#[test]
fn an_articles_file_swapped_for_a_link_is_neither_read_nor_written_through() {
    let mut fx = fixture();
    let (article, path, _private, secret) = file_swapped_for_a_link(&mut fx);
    let report = fx.ingest(std::slice::from_ref(&path));
    assert!(
        messages(&report).contains("is a symbolic link"),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "First words.\n");
    // An edit in the app: the link is not written through, nor replaced by the article.
    fx.lib
        .store_mut()
        .save_body(article.id, "App words.\n")
        .unwrap();
    let report = fx.mirror();
    assert!(report.written.is_empty(), "{report:?}");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), SECRET);
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        !fx.kept(article.id, "hunter2"),
        "the secret is in the history"
    );
}

#[test]
fn a_section_folder_that_is_a_link_is_not_written_into() {
    let mut fx = fixture();
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), fx.ws.root().join("world")).unwrap();
    let article = fx
        .lib
        .store_mut()
        .create_article(
            &crate::model::NewArticle {
                headline: "Outside".into(),
                section: "World".into(),
                body: "Words.\n".into(),
                ..Default::default()
            },
            crate::model::RevisionCause::Manual,
        )
        .unwrap();
    let report = fx.mirror();
    assert!(!report.written.contains(&article.id), "{report:?}");
    assert!(
        messages(&report).contains("inside a folder that is a symbolic link"),
        "{report:?}"
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    // A file placed there by someone else is not read either.
    let planted = fx.ws.root().join("world").join("planted.md");
    std::fs::write(&planted, "# Planted\n\nPrivate.\n").unwrap();
    let report = fx.ingest(std::slice::from_ref(&planted));
    assert!(report.created.is_empty(), "{report:?}");
    assert!(
        messages(&report).contains("inside a folder that is a symbolic link"),
        "{report:?}"
    );
}

#[test]
fn a_fifo_is_named_at_once_instead_of_blocking_the_library() {
    let mut fx = fixture();
    let fifo = fx.ws.root().join("world").join("pipe.md");
    std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
    make_fifo(&fifo);
    let started = Instant::now();
    let report = fx.ingest(std::slice::from_ref(&fifo));
    // No writer ever comes: a blocking open would never return. (Not a timing target.)
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        messages(&report).contains("named pipe (FIFO)"),
        "{report:?}"
    );
    assert!(report.created.is_empty());
}

#[test]
fn a_link_in_the_inbox_does_not_import_the_image_it_points_to() {
    let mut fx = fixture();
    let private = tempfile::tempdir().unwrap();
    let image = private.path().join("passport.png");
    std::fs::write(&image, tiny_png()).unwrap();
    let link = fx.ws.inbox().join("holiday.png");
    symlink(&image, &link).unwrap();
    let report = fx.ingest(std::slice::from_ref(&link));
    assert!(report.photos_added.is_empty(), "{report:?}");
    assert!(
        messages(&report).contains("left in the inbox"),
        "{report:?}"
    );
    assert!(
        std::fs::symlink_metadata(&link).is_ok(),
        "the link stays where it was"
    );
    assert!(image.exists());
}

#[test]
fn the_start_up_scan_names_links_and_keeps_the_article_whose_file_became_one() {
    let mut fx = fixture();
    let (article, _link, _private, secret) = file_swapped_for_a_link(&mut fx);
    let new_link = fx.ws.root().join("world").join("leak.md");
    symlink(&secret, &new_link).unwrap();
    let report = fx.reconcile();
    let said = messages(&report);
    assert!(said.contains("budget.md” is a symbolic link"), "{said}");
    assert!(said.contains("leak.md” is a symbolic link"), "{said}");
    assert!(
        report.trashed.is_empty() && report.created.is_empty(),
        "{report:?}"
    );
    assert_eq!(fx.body(article.id), "First words.\n");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), SECRET);
}
