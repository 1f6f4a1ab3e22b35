//! Every bad input named in the issue: a clear sentence, a non-zero exit, nothing lost.

use crate::harness::{Cli, image_bytes};

/// A library with one article holding some text, and its state to compare after failures.
fn library_with_story() -> (Cli, String, String) {
    let cli = Cli::new();
    let body = cli.file("body.md", "Precious words the editor typed.");
    let id = cli.new_article(&[
        "--headline",
        "Kept safe",
        "--body-file",
        body.to_str().unwrap(),
    ]);
    let before = cli.snapshot();
    (cli, id, before)
}

#[test]
fn missing_files_are_named() {
    let (cli, id, before) = library_with_story();
    cli.run(&["import", "/no/such/story.md"])
        .fails_with("/no/such/story.md");
    cli.run(&["new", "--headline", "X", "--body-file", "/no/such/body.md"])
        .fails_with("/no/such/body.md");
    cli.run(&["attach", &id, "/no/such/photo.jpg"])
        .fails_with("/no/such/photo.jpg");
    cli.run(&["render", "/no/such/file.md"])
        .fails_with("/no/such/file.md");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn binary_and_non_utf8_text_is_refused() {
    let (cli, id, before) = library_with_story();
    let latin1 = cli.file("latin1.md", b"Espa\xf1a gana\n");
    let binary = cli.file("binary.md", b"\x00\x01\x02PK\x03\x04\x00\x00");
    cli.run(&["import", latin1.to_str().unwrap()])
        .fails_with("UTF-8");
    cli.run(&["import", binary.to_str().unwrap()])
        .fails_with("binary.md");
    cli.run(&["edit", &id, "--body-file", latin1.to_str().unwrap()])
        .fails_with("UTF-8");
    cli.run_with_stdin(&["edit", &id, "--body-file", "-"], Some(b"\xff\xfe bad"))
        .fails_with("UTF-8");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn a_50_mb_markdown_file_is_refused_with_its_size() {
    let (cli, id, before) = library_with_story();
    let big = cli.path("huge.md");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let line = "All work and no play makes a very long article indeed. ".repeat(20) + "\n";
        while f.get_ref().metadata().unwrap().len() < 50 * 1024 * 1024 {
            f.write_all(line.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    cli.run(&["import", big.to_str().unwrap()]).fails_with("MB");
    cli.run(&["edit", &id, "--body-file", big.to_str().unwrap()])
        .fails_with("MB");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn photos_that_are_not_images_are_refused_and_nothing_is_stored() {
    let (cli, id, before) = library_with_story();
    let text = cli.file("notes.jpg", "these are notes, not a photo");
    let empty = cli.file("empty.png", b"");
    let full = image_bytes(image::ImageFormat::Png, 200, 120);
    let truncated = cli.file("cut.png", &full[..full.len() / 2]);
    let jpeg = image_bytes(image::ImageFormat::Jpeg, 200, 120);
    let cut_jpeg = cli.file("cut.jpg", &jpeg[..jpeg.len() / 2]);
    cli.run(&["attach", &id, text.to_str().unwrap()])
        .fails_with("notes.jpg");
    cli.run(&["attach", &id, empty.to_str().unwrap()])
        .fails_with("empty");
    cli.run(&["attach", &id, truncated.to_str().unwrap()])
        .fails_with("cut.png");
    cli.run(&["attach", &id, cut_jpeg.to_str().unwrap()])
        .fails_with("cut.jpg");
    assert_eq!(cli.snapshot(), before);
    let media = cli.dir.path().join("media");
    assert!(
        crate::harness::files_below(&media).is_empty(),
        "no file was stored"
    );
}

#[test]
fn unknown_ids_and_slugs_are_named() {
    let (cli, _, before) = library_with_story();
    cli.run(&["show", "999"]).fails_with("999");
    cli.run(&["edit", "999", "--headline", "x"])
        .fails_with("999");
    cli.run(&["show", "no-such-slug"])
        .fails_with("no-such-slug");
    cli.run(&["relate", "999", "1"]).fails_with("999");
    cli.run(&["restore", "1", "42"]).fails_with("42");
    cli.run(&["export", "999", "--out", cli.path("o").to_str().unwrap()])
        .fails_with("999");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn a_duplicate_slug_is_refused() {
    let (cli, id, _) = library_with_story();
    let other = cli.new_article(&["--headline", "Another"]);
    let before = cli.snapshot();
    cli.run(&["edit", &other, "--slug", "kept-safe"])
        .fails_with("kept-safe");
    cli.run(&["new", "--headline", "Third", "--slug", "kept-safe"])
        .fails_with("already used");
    assert_eq!(cli.snapshot(), before);
    // The same headline twice is not an error: the second gets a numbered slug.
    let twin = cli.new_article(&["--headline", "Kept safe"]);
    assert_ne!(twin, id);
    assert_eq!(cli.show(&twin)["slug"], "kept-safe-2");
}

#[test]
fn an_invalid_status_change_is_refused() {
    let (cli, id, before) = library_with_story();
    let err = cli
        .run(&["edit", &id, "--status", "published"])
        .fails_with("draft");
    assert!(
        err.contains("editing"),
        "the message says what is allowed: {err}"
    );
    cli.run(&["edit", &id, "--status", "live"])
        .fails_with("live");
    cli.run(&["list", "--status", "live"]).fails_with("live");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn bad_slugs_and_urls_are_refused() {
    let (cli, id, before) = library_with_story();
    for slug in [
        "../escape",
        "/etc/passwd",
        "a/b",
        "..",
        "C:\\x",
        "with space",
    ] {
        cli.run(&["edit", &id, "--slug", slug]).fails_with("slug");
    }
    for url in ["javascript:alert(1)", "ftp://x.org/f", "not a url"] {
        cli.run(&["relate", &id, "--url", url, "--title", "t"])
            .fails_with("address");
    }
    assert_eq!(cli.snapshot(), before);
}

fn bytes_of(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_file_that_is_not_sqlite_is_reported_and_untouched() {
    let cli = Cli::new();
    std::fs::write(
        cli.db(),
        "This is a shopping list, not a database.\n".repeat(200),
    )
    .unwrap();
    let before = bytes_of(&cli.db());
    cli.run(&["list"]).fails_with("not a Newsroom library");
    cli.run(&["new", "--headline", "x"])
        .fails_with("left untouched");
    assert_eq!(bytes_of(&cli.db()), before);
}

#[test]
fn a_sqlite_database_of_another_program_is_untouched() {
    let cli = Cli::new();
    {
        let conn = rusqlite::Connection::open(cli.db()).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
        )
        .unwrap();
    }
    let before = bytes_of(&cli.db());
    cli.run(&["list"]).fails_with("another program");
    assert_eq!(bytes_of(&cli.db()), before);
}

#[test]
fn a_library_from_a_newer_version_is_untouched() {
    let (cli, _, _) = library_with_story();
    {
        let conn = rusqlite::Connection::open(cli.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes_of(&cli.db());
    cli.run(&["list"]).fails_with("newer version");
    cli.run(&["new", "--headline", "x"])
        .fails_with("newer version");
    assert_eq!(bytes_of(&cli.db()), before);
}

#[test]
fn a_corrupt_library_is_reported_and_untouched() {
    let (cli, _, _) = library_with_story();
    for i in 0..40 {
        cli.new_article(&["--headline", &format!("Filler story number {i}")]);
    }
    {
        let conn = rusqlite::Connection::open(cli.db()).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut bytes = bytes_of(&cli.db());
    assert!(bytes.len() > 4 * 4096, "the library spans several pages");
    // Scribble over the second page (the first table's b-tree root).
    for b in &mut bytes[4096..4096 + 600] {
        *b = 0xA5;
    }
    std::fs::write(cli.db(), &bytes).unwrap();
    cli.run(&["list"]).fails_with("damaged");
    assert_eq!(bytes_of(&cli.db()), bytes);
}

#[test]
fn a_library_locked_by_another_process_is_reported_then_works() {
    let (cli, id, before) = library_with_story();
    let conn = rusqlite::Connection::open(cli.db()).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; UPDATE articles SET dek = dek;")
        .unwrap();
    cli.run(&["edit", &id, "--headline", "Changed"])
        .fails_with("busy");
    conn.execute_batch("ROLLBACK").unwrap();
    assert_eq!(cli.snapshot(), before);
    cli.run(&["edit", &id, "--headline", "Changed"]).ok();
    assert_eq!(cli.show(&id)["headline"], "Changed");
}
