//! `newsroom site` and `newsroom publish` against the real WordPress the test script started
//! (see `tests/wordpress.rs`, which proves the publishing itself in depth).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::harness::{Cli, image_bytes};
use crate::test_servers::{Server, unique};

fn add_args<'a>(server: &'a Server, user: &'a str, secret_file: &'a str) -> Vec<&'a str> {
    vec![
        "site",
        "add",
        "The Daily",
        "--wordpress",
        &server.url,
        "--user",
        user,
        "--secret-file",
        secret_file,
    ]
}

#[test]
fn a_site_is_added_from_standard_input_an_article_published_twice_then_the_site_removed() {
    let Some(server) = Server::get() else { return };
    let cli = Cli::new();
    let secret = cli.path("daily.secret");
    let secret = secret.to_str().unwrap();

    cli.run_with_stdin(
        &add_args(&server, &server.user, secret),
        Some(b"wrong password\n"),
    )
    .fails_with("Application Password is wrong");
    assert!(cli.run(&["site", "list"]).ok().contains("No sites yet"));

    let added = cli
        .run_with_stdin(
            &add_args(&server, &server.user, secret),
            Some(format!("{}\n", server.password).as_bytes()),
        )
        .ok();
    assert!(added.contains("Added The Daily"), "{added}");
    let library = std::fs::read(cli.db()).unwrap();
    let wal = std::fs::read(cli.path("library.db-wal")).unwrap_or_default();
    for bytes in [&library, &wal] {
        assert!(
            !String::from_utf8_lossy(bytes).contains(&server.password),
            "the secret is not in the library"
        );
    }
    let listed: serde_json::Value =
        serde_json::from_str(&cli.run(&["site", "list", "--json"]).ok()).unwrap();
    assert_eq!(listed[0]["url"], server.url.as_str());
    assert_eq!(listed[0]["secret"]["kind"], "file");

    let slug = format!("cli-publish-{}", std::process::id());
    let id = cli.new_article(&["--headline", "Council approves budget", "--slug", &slug]);
    cli.run(&["publish", &id, "--to", "the daily", "--status", "scheduled"])
        .fails_with("needs its time");
    let first = cli
        .run(&[
            "publish",
            &id,
            "--to",
            "The Daily",
            "--status",
            "draft",
            "--json",
        ])
        .ok();
    let first: serde_json::Value = serde_json::from_str(&first).expect("--json prints JSON");
    assert_eq!(first["created"], true);
    assert_eq!(first["status"], "draft");
    let again = cli.run(&["publish", &id, "--to", "The Daily"]);
    assert!(
        again.stderr.contains("Updating the post"),
        "{}",
        again.stderr
    );
    let again = again.ok();
    assert!(
        again.starts_with(&format!(
            "Updated post {} on The Daily",
            first["post_id"].as_str().unwrap()
        )),
        "{again}"
    );

    let removed = cli.run(&["site", "remove", "The Daily"]).ok();
    assert!(removed.contains("Removed The Daily"), "{removed}");
    assert!(
        !std::path::Path::new(secret).exists(),
        "the secret went with the site"
    );
    cli.run(&["publish", &id, "--to", "The Daily"])
        .fails_with("no site called");
}

#[test]
fn a_publish_killed_midway_and_run_again_leaves_one_post_and_one_copy_of_each_photo() {
    let Some(server) = Server::get() else { return };
    let cli = Cli::new();
    let secret = cli.path("daily.secret");
    cli.run_with_stdin(
        &add_args(&server, &server.user, secret.to_str().unwrap()),
        Some(server.password.as_bytes()),
    )
    .ok();
    let slug = unique("killed");
    let id = cli.new_article(&["--headline", "Harbour strike ends", "--slug", &slug]);
    let quay = cli.file("quay.png", image_bytes(image::ImageFormat::Png, 40, 30));
    let crane = cli.file("crane.png", image_bytes(image::ImageFormat::Png, 41, 30));
    cli.run(&[
        "attach",
        &id,
        quay.to_str().unwrap(),
        "--featured",
        "--alt",
        "The quay at dawn",
    ])
    .ok();
    let inline = cli
        .run(&[
            "attach",
            &id,
            crane.to_str().unwrap(),
            "--alt",
            "A crane at rest",
        ])
        .ok();
    let body = cli.file(
        "body.md",
        format!(
            "Work resumed at six.\n\n![A crane at rest](photo:{})\n",
            inline.trim()
        ),
    );
    cli.run(&["edit", &id, "--body-file", body.to_str().unwrap()])
        .ok();

    // Killed (SIGKILL: nothing runs after it) once the first photo is on the site, or later if
    // the machine is slow to read: any point must do.
    let mut publish = Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .args(["publish", &id, "--to", "The Daily"])
        .env("NEWSROOM_DB", cli.db())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsroom publish");
    let progress = BufReader::new(publish.stderr.take().expect("stderr"));
    for line in progress.lines().map_while(Result::ok) {
        if line.starts_with("Photo 1 of 2") {
            break;
        }
    }
    let _ = publish.kill();
    let _ = publish.wait();

    let again = cli
        .run(&["publish", &id, "--to", "The Daily", "--json"])
        .ok();
    let outcome: serde_json::Value = serde_json::from_str(&again).expect("JSON");
    assert_eq!(
        outcome["photos_uploaded"].as_u64().unwrap_or(9)
            + outcome["photos_reused"].as_u64().unwrap_or(9),
        2
    );
    assert_eq!(server.posts_with_slug(&slug).unwrap().len(), 1, "one post");
    for file in [&quay, &crane] {
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(std::fs::read(file).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            server.media_named(&hash[..16]).unwrap().len(),
            1,
            "one copy of {}",
            file.display()
        );
    }
}
