//! `newsroom site` and `newsroom publish` against the real WordPress the test script started
//! (see `tests/wordpress.rs`, which proves the publishing itself in depth).

use crate::harness::Cli;
use crate::test_servers::Server;

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
