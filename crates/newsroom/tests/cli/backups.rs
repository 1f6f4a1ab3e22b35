//! `backup`, `backups` and `restore-backup`: a backup brings old text back, the library it
//! replaces is kept, and a bad backup or a busy library changes nothing.

use crate::harness::{Cli, files_below};
use std::path::PathBuf;

/// A library with one article whose body is `body`; returns its id.
fn library_with(cli: &Cli, body: &str) -> String {
    let file = cli.file("body.md", body);
    cli.new_article(&[
        "--headline",
        "Budget",
        "--body-file",
        file.to_str().unwrap(),
    ])
}

fn set_body(cli: &Cli, id: &str, body: &str) {
    let file = cli.file("new-body.md", body);
    cli.run(&["edit", id, "--body-file", file.to_str().unwrap()])
        .ok();
}

fn body_in(db: &PathBuf, id: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT body FROM articles WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .unwrap()
}

fn today() -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::now_utc()
        .date()
        .format(&format)
        .unwrap()
}

#[test]
fn restoring_a_backup_brings_the_old_text_back_and_keeps_the_new_one_aside() {
    let cli = Cli::new();
    let id = library_with(&cli, "The council approved the budget.");
    let backup = PathBuf::from(cli.run(&["backup"]).ok().trim());
    assert_eq!(
        backup,
        cli.path("backups").join(format!("library-{}.db", today()))
    );
    set_body(&cli, &id, "Rewritten: the council rejected it.");

    let safety = PathBuf::from(
        cli.run(&["restore-backup", backup.to_str().unwrap()])
            .ok()
            .trim(),
    );

    assert_eq!(cli.show(&id)["body"], "The council approved the budget.");
    let name = safety.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("library-before-restore-"), "{name}");
    assert_eq!(safety.parent(), backup.parent());
    assert_eq!(body_in(&safety, &id), "Rewritten: the council rejected it.");
    // The restored library keeps working.
    set_body(&cli, &id, "Third version.");
    assert_eq!(cli.show(&id)["body"], "Third version.");
    let listed = cli.run(&["backups"]).ok();
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(listed.contains(backup.to_str().unwrap()), "{listed}");
    assert!(listed.contains(safety.to_str().unwrap()), "{listed}");
}

#[test]
fn backup_out_writes_a_library_where_asked() {
    let cli = Cli::new();
    let id = library_with(&cli, "Copied words.");
    let out = cli.path("elsewhere/copy.db");
    let printed = cli.run(&["backup", "--out", out.to_str().unwrap()]).ok();
    assert_eq!(printed.trim(), out.to_str().unwrap());
    assert_eq!(body_in(&out, &id), "Copied words.");
    let conn = rusqlite::Connection::open(&out).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Every file of the test folder with its bytes, to prove a failure changed nothing.
fn everything(cli: &Cli) -> Vec<(PathBuf, Vec<u8>)> {
    files_below(cli.dir.path())
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(cli.dir.path().join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

#[test]
fn bad_backups_are_refused_and_the_library_is_left_byte_identical() {
    let cli = Cli::new();
    let id = library_with(&cli, "Precious words.");
    let backup = PathBuf::from(cli.run(&["backup"]).ok().trim());
    let newer = cli.path("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let foreign = cli.path("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT)")
        .unwrap();
    cli.file("notes.db", "these are notes, not a library");
    cli.file("empty.db", "");
    set_body(&cli, &id, "Newer words.");
    let before = everything(&cli);

    let attempts = [
        ("notes.db", "not a Newsroom library"),
        ("empty.db", "not a Newsroom library"),
        ("foreign.db", "another program"),
        ("newer.db", "newer version"),
        ("missing.db", "no backup file"),
    ];
    for (name, needle) in attempts {
        let file = cli.path(name);
        let stderr = cli
            .run(&["restore-backup", file.to_str().unwrap()])
            .fails_with(needle);
        assert!(stderr.contains(name), "{stderr}");
        assert_eq!(everything(&cli), before, "after restoring {name}");
    }
    assert_eq!(cli.show(&id)["body"], "Newer words.");
}

#[test]
fn a_library_open_elsewhere_is_not_replaced() {
    let cli = Cli::new();
    let id = library_with(&cli, "Old words.");
    let backup = PathBuf::from(cli.run(&["backup"]).ok().trim());
    set_body(&cli, &id, "New words.");
    let before = std::fs::read(cli.db()).unwrap();
    {
        // Another program (the app) holding the library open, as Newsroom opens it.
        let other = rusqlite::Connection::open(cli.db()).unwrap();
        other.pragma_update(None, "journal_mode", "WAL").unwrap();
        let _: i64 = other
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .unwrap();
        cli.run(&["restore-backup", backup.to_str().unwrap()])
            .fails_with("open in another program");
        let _: i64 = other
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .unwrap();
    }
    assert_eq!(std::fs::read(cli.db()).unwrap(), before);
    assert_eq!(cli.show(&id)["body"], "New words.");
    let leftovers: Vec<_> = std::fs::read_dir(cli.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn backups_lists_dated_files_newest_first_and_backup_prunes_nothing() {
    let cli = Cli::new();
    library_with(&cli, "Words.");
    for name in [
        "library-2020-01-01.db",
        "library-2019-12-25.db",
        "library-2020-01-02.db",
        "holiday-photos.db",
    ] {
        cli.file(&format!("backups/{name}"), "old backup");
    }
    let today = cli.run(&["backup"]).ok();
    let listed = cli.run(&["backups"]).ok();
    let names: Vec<&str> = listed
        .lines()
        .map(|line| line.rsplit(['/', '\\']).next().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            today.trim().rsplit(['/', '\\']).next().unwrap(),
            "library-2020-01-02.db",
            "library-2020-01-01.db",
            "library-2019-12-25.db",
        ]
    );
    assert!(
        listed
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("2020-01-02  10 B  "),
        "{listed}"
    );
    assert!(cli.path("backups/holiday-photos.db").exists());
}

#[test]
fn a_backup_can_become_the_library_where_there_was_none() {
    let cli = Cli::new();
    let id = library_with(&cli, "Carried over.");
    let backup = PathBuf::from(cli.run(&["backup"]).ok().trim());
    let fresh = cli.path("new-machine/library.db");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .args(["--db", fresh.to_str().unwrap(), "restore-backup"])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(run.stdout.is_empty(), "no safety copy to name: {run:?}");
    assert_eq!(body_in(&fresh, &id), "Carried over.");
}
