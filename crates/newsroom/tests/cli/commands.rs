//! Every command of the CLI doing its job.

use crate::harness::{Cli, files_below, image_bytes};

#[path = "../shared_corpus/mod.rs"]
mod shared_corpus;

#[test]
fn new_show_edit_list_round_trip() {
    let cli = Cli::new();
    let body = cli.file(
        "body.md",
        "The council met on **Tuesday**.\n\n## Vote\n\nIt passed 7-2.\n",
    );
    let id = cli.new_article(&[
        "--headline",
        "Council passes the budget",
        "--dek",
        "A late-night vote",
        "--section",
        "Politics",
        "--byline",
        "Ana Ruiz",
        "--tag",
        "budget",
        "--tag",
        "council",
        "--body-file",
        body.to_str().unwrap(),
    ]);
    let shown = cli.show(&id);
    assert_eq!(shown["slug"], "council-passes-the-budget");
    assert_eq!(shown["headline"], "Council passes the budget");
    assert_eq!(shown["dek"], "A late-night vote");
    assert_eq!(shown["section"], "Politics");
    assert_eq!(shown["byline"], "Ana Ruiz");
    assert_eq!(shown["tags"], serde_json::json!(["budget", "council"]));
    assert_eq!(shown["status"], "draft");
    assert_eq!(shown["word_count"], 9);
    assert!(shown["body"].as_str().unwrap().contains("## Vote"));
    assert_eq!(shown["photos"], serde_json::json!([]));
    assert_eq!(shown["related"], serde_json::json!([]));

    cli.run(&[
        "edit",
        &id,
        "--headline",
        "Budget passes",
        "--status",
        "editing",
    ])
    .ok();
    let shown = cli.show("council-passes-the-budget");
    assert_eq!(shown["headline"], "Budget passes");
    assert_eq!(shown["status"], "editing");

    cli.run_with_stdin(
        &["edit", &id, "--body-file", "-"],
        Some(b"New *body* from stdin"),
    )
    .ok();
    assert_eq!(cli.show(&id)["body"], "New *body* from stdin");

    let list = cli.run(&["list"]).ok();
    assert!(
        list.contains("Budget passes") && list.contains("editing"),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&cli.run(&["list", "--status", "editing", "--json"]).ok()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    let none = cli.run(&["list", "--status", "published", "--json"]).ok();
    assert_eq!(none.trim(), "[]");
    let by_section = cli.run(&["list", "--section", "politics", "--json"]).ok();
    assert!(by_section.contains("Budget passes"));
}

#[test]
fn the_desks_fields_are_set_shown_and_cleared() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Council passes the budget"]);
    let seo = "Council passes the 2027 budget after an all-night session in the chamber";
    let edited = cli.run(&[
        "edit",
        &id,
        "--kicker",
        "Analysis",
        "--seo-headline",
        seo,
        "--social-headline",
        "The budget passed. Here is what it means for you",
        "--embargo",
        "2026-12-03T18:00:00+01:00",
        "--words-planned",
        "900",
    ]);
    assert!(
        edited
            .stderr
            .contains("the SEO headline has 72 characters; search engines show about 60"),
        "{}",
        edited.stderr
    );
    edited.ok();
    let shown = cli.show(&id);
    assert_eq!(shown["kicker"], "Analysis");
    assert_eq!(shown["seo_headline"], seo);
    assert_eq!(
        shown["social_headline"],
        "The budget passed. Here is what it means for you"
    );
    assert_eq!(shown["embargo"], 1_796_317_200);
    assert_eq!(shown["words_planned"], 900);
    let text = cli.run(&["show", &id]).ok();
    assert!(
        text.starts_with("Analysis\nCouncil passes the budget\n"),
        "{text}"
    );
    assert!(text.contains("embargo: 2026-12-03 17:00 UTC"), "{text}");
    assert!(
        text.contains("0 words of 900 planned, 0 min read"),
        "{text}"
    );

    cli.run(&[
        "edit",
        &id,
        "--embargo",
        "none",
        "--words-planned",
        "none",
        "--kicker",
        "",
    ])
    .ok();
    let shown = cli.show(&id);
    assert_eq!(shown["kicker"], "");
    assert_eq!(shown["embargo"], serde_json::Value::Null);
    assert_eq!(shown["words_planned"], serde_json::Value::Null);
    assert_eq!(shown["seo_headline"], seo, "what was not named is kept");
}

#[test]
fn bad_desk_values_are_refused_and_change_nothing() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Council passes the budget"]);
    cli.run(&["edit", &id, "--kicker", "Analysis", "--embargo", "tomorrow"])
        .fails_with("“tomorrow” is not a time; write it like 2026-12-05T09:00:00+01:00");
    cli.run(&["edit", &id, "--words-planned", "lots"])
        .fails_with("“lots” is not a number of words; give one such as 900, or none");
    cli.run(&["edit", &id, "--words-planned", "0"])
        .fails_with("A planned length must be at least one word.");
    let shown = cli.show(&id);
    assert_eq!(shown["kicker"], "", "nothing of a refused edit is kept");
    assert_eq!(shown["words_planned"], serde_json::Value::Null);
}

#[test]
fn an_embargoed_story_is_exported_only_when_the_editor_says_so() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Rates rise again"]);
    cli.run(&["edit", &id, "--embargo", "2099-01-01T06:00:00Z"])
        .ok();
    let out = cli.path("out");
    let out = out.to_str().unwrap();
    cli.run(&["export", &id, "--out", out]).fails_with(
        "“Rates rise again” is under embargo until 1 January 2099, 06:00 UTC and must not go out before then; --ignore-embargo exports it anyway",
    );
    assert!(
        !std::path::Path::new(out)
            .join("rates-rise-again.html")
            .exists()
    );
    cli.run(&["export", &id, "--out", out, "--ignore-embargo"])
        .ok();
    assert!(
        std::path::Path::new(out)
            .join("rates-rise-again.html")
            .exists()
    );
}

#[test]
fn corrections_updates_and_notes_from_the_command_line() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Council passes the budget"]);
    cli.run(&["correct", &id, "--text", "The vote was 7-2."])
        .fails_with("has not been published, so it takes no correction");
    for status in ["editing", "ready", "published"] {
        cli.run(&["edit", &id, "--status", status]).ok();
    }
    let said = cli
        .run(&["correct", &id, "--text", "The vote was 7-2, not 6-3."])
        .ok();
    assert!(
        said.starts_with("Correction, ")
            && said.trim_end().ends_with(": The vote was 7-2, not 6-3."),
        "{said}"
    );
    cli.run(&["correct", &id, "--update", "--text", "The mayor resigned."])
        .ok();
    cli.run(&["edit", &id, "--note", "Legal to check paragraph 4."])
        .ok();
    let shown = cli.show(&id);
    assert_eq!(shown["corrections"][0]["kind"], "correction");
    assert_eq!(shown["corrections"][1]["kind"], "update");
    assert_eq!(shown["corrections"][1]["text"], "The mayor resigned.");
    assert!(shown["corrections"][0]["at"].is_i64());
    assert_eq!(shown["notes"][0]["text"], "Legal to check paragraph 4.");
    let text = cli.run(&["show", &id]).ok();
    assert!(
        text.contains("Update, ") && text.contains("note, "),
        "{text}"
    );
}

#[test]
fn the_workflow_reaches_published() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Storm warning"]);
    for status in ["editing", "ready", "published"] {
        cli.run(&["edit", &id, "--status", status]).ok();
    }
    let shown = cli.show(&id);
    assert_eq!(shown["status"], "published");
    assert!(shown["published_at"].is_i64());
}

#[test]
fn search_finds_words_and_prefixes() {
    let cli = Cli::new();
    let body = cli.file(
        "b.md",
        "Blinken met Lavrov in Stockholm to discuss Ukraine.",
    );
    let id = cli.new_article(&[
        "--headline",
        "Diplomats meet",
        "--body-file",
        body.to_str().unwrap(),
    ]);
    cli.new_article(&["--headline", "Weather report"]);
    let out = cli.run(&["search", "lavr"]).ok();
    assert!(
        out.contains("Diplomats meet") && out.contains("«Lavrov»"),
        "{out}"
    );
    assert!(!out.contains("Weather"));
    let json: serde_json::Value =
        serde_json::from_str(&cli.run(&["search", "Stockholm", "--json"]).ok()).unwrap();
    assert_eq!(json[0]["article"]["id"].to_string(), id);
    assert_eq!(cli.run(&["search", "\"AND( *"]).ok().trim(), "");
}

#[test]
fn attach_relate_and_show_them() {
    let cli = Cli::new();
    let a = cli.new_article(&["--headline", "Main story"]);
    let b = cli.new_article(&["--headline", "Background"]);
    let jpg = cli.file("photo.jpg", image_bytes(image::ImageFormat::Jpeg, 64, 48));
    let photo = cli
        .run(&[
            "attach",
            &a,
            jpg.to_str().unwrap(),
            "--caption",
            "The council chamber",
            "--credit",
            "Ana Ruiz (Reuters)",
            "--alt",
            "Council members seated",
            "--featured",
        ])
        .ok();
    let photo = photo.trim();
    cli.run(&["relate", &a, &b]).ok();
    cli.run(&[
        "relate",
        &a,
        "--url",
        "https://example.org/report",
        "--title",
        "The report",
    ])
    .ok();
    let shown = cli.show(&a);
    assert_eq!(
        shown["photos"],
        serde_json::json!([{
            "id": photo.parse::<i64>().unwrap(), "role": "featured", "caption": "The council chamber",
            "credit": "Ana Ruiz (Reuters)", "alt": "Council members seated", "awaiting_file": false
        }])
    );
    assert_eq!(shown["related"][0]["id"].to_string(), b);
    assert_eq!(shown["related"][0]["title"], "Background");
    assert_eq!(shown["related"][1]["url"], "https://example.org/report");
    assert_eq!(shown["related"][1]["title"], "The report");
    // The same image again is the same photo.
    let again = cli.run(&["attach", &b, jpg.to_str().unwrap()]).ok();
    assert_eq!(again.trim(), photo);
    // Relating links by id: a slug change keeps the link and its title follows the headline.
    cli.run(&[
        "edit",
        &b,
        "--slug",
        "background-story",
        "--headline",
        "Background story",
    ])
    .ok();
    assert_eq!(cli.show(&a)["related"][0]["title"], "Background story");
}

#[test]
fn render_prints_sanitized_preview_html() {
    let cli = Cli::new();
    let md = cli.file(
        "doc.md",
        "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^1]\n\n[^1]: A note.\n",
    );
    let html = cli.run(&["render", md.to_str().unwrap()]).ok();
    assert!(html.contains("<h1"), "{html}");
    assert!(html.contains("<table"));
    assert!(html.contains("old</del>"), "{html}");
    assert!(
        html.contains("data-sourcepos"),
        "preview carries source positions"
    );
    let from_stdin = cli
        .run_with_stdin(
            &["render", "-"],
            Some(b"Hello <script>alert(1)</script> *world*"),
        )
        .ok();
    assert!(from_stdin.contains("world</em>"), "{from_stdin}");
    assert!(!from_stdin.contains("<script"));
}

#[test]
fn render_resolves_library_photos_and_article_links() {
    let cli = Cli::new();
    let target = cli.new_article(&["--headline", "Budget explained"]);
    let holder = cli.new_article(&["--headline", "Holder"]);
    let png = cli.file("chart.png", image_bytes(image::ImageFormat::Png, 20, 10));
    let photo = cli
        .run(&[
            "attach",
            &holder,
            png.to_str().unwrap(),
            "--caption",
            "The chart",
            "--credit",
            "Staff",
        ])
        .ok();
    let md = format!(
        "See [[budget-explained]] and [this](article:{target}).\n\n![A chart](photo:{})\n",
        photo.trim()
    );
    let html = cli.run_with_stdin(&["render"], Some(md.as_bytes())).ok();
    assert!(html.contains("Budget explained"), "{html}");
    assert!(html.contains("<figure"), "{html}");
    assert!(
        html.contains("The chart") && html.contains("Staff"),
        "{html}"
    );
    assert!(html.contains("width=\"20\""), "{html}");
}

#[test]
fn import_reads_front_matter_and_plain_text() {
    let cli = Cli::new();
    let yaml = cli.file(
        "story.md",
        "---\ntitle: Floods hit the valley\ndescription: Rivers broke their banks\ntags: [weather, floods]\ncategories: [Local]\nauthor: Tom Lee\nslug: valley-floods\ndraft: true\n---\nWater rose overnight.\n",
    );
    let toml = cli.file(
        "other.md",
        "+++\ntitle = \"Harvest starts early\"\ndate = 2026-09-01\ndraft = false\n+++\nFarmers began on Monday.\n",
    );
    let plain = cli.file(
        "copied.txt",
        "Ministers meet in Stockholm | International\n\nForeign ministers met on Thursday in Stockholm to discuss the crisis.\n\nThe meeting lasted three hours.\n",
    );
    let out = cli
        .run(&[
            "import",
            yaml.to_str().unwrap(),
            toml.to_str().unwrap(),
            plain.to_str().unwrap(),
        ])
        .ok();
    let ids: Vec<&str> = out.lines().collect();
    assert_eq!(ids.len(), 3, "{out}");
    let first = cli.show(ids[0]);
    assert_eq!(first["headline"], "Floods hit the valley");
    assert_eq!(first["dek"], "Rivers broke their banks");
    assert_eq!(first["slug"], "valley-floods");
    assert_eq!(first["section"], "Local");
    assert_eq!(first["byline"], "Tom Lee");
    assert_eq!(first["tags"], serde_json::json!(["weather", "floods"]));
    assert_eq!(first["status"], "draft");
    let second = cli.show(ids[1]);
    assert_eq!(second["status"], "published");
    let third = cli.show(ids[2]);
    assert_eq!(third["headline"], "Ministers meet in Stockholm");
    assert_eq!(third["section"], "International");
}

#[test]
fn importing_the_corpus_article_finds_its_parts() {
    let Some(corpus) = shared_corpus::article() else {
        return;
    };
    let cli = Cli::new();
    let id = cli.run(&["import", corpus.to_str().unwrap()]).ok();
    let shown = cli.show(id.trim());
    assert_eq!(
        shown["headline"],
        "The United States demands that Russia withdraw its troops from the border with Ukraine"
    );
    assert_eq!(shown["section"], "International");
    assert_eq!(shown["byline"], "George Holan");
    assert_eq!(shown["photos"][0]["credit"], "POOL (Reuters)");
    assert_eq!(shown["photos"][0]["awaiting_file"], true);
    let body = shown["body"].as_str().unwrap();
    assert!(
        body.lines()
            .any(|l| l.starts_with("## ") && l.contains("Nightmare scenario")),
        "the subhead becomes a heading: {body}"
    );
    for boilerplate in [
        "Subscribe here",
        "Related Posts",
        "Leave a Reply",
        "newsletter",
    ] {
        assert!(!body.contains(boilerplate), "{boilerplate} left in: {body}");
    }
}

#[test]
fn revisions_restore_trash_untrash() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "First headline"]);
    cli.run(&["edit", &id, "--headline", "Second headline"])
        .ok();
    let revisions = cli.run(&["revisions", &id]).ok();
    assert_eq!(revisions.lines().count(), 2, "{revisions}");
    assert!(
        revisions
            .lines()
            .next()
            .unwrap()
            .contains("Second headline")
    );
    cli.run(&["restore", &id, "1"]).ok();
    assert_eq!(cli.show(&id)["headline"], "First headline");
    let after = cli.run(&["revisions", &id]).ok();
    assert!(after.lines().next().unwrap().contains("restore"), "{after}");

    cli.run(&["trash", &id]).ok();
    assert!(!cli.run(&["list"]).ok().contains("First headline"));
    assert!(
        cli.run(&["list", "--trash"])
            .ok()
            .contains("First headline")
    );
    cli.run(&["untrash", &id]).ok();
    assert!(cli.run(&["list"]).ok().contains("First headline"));
}

#[test]
fn export_writes_pages_images_and_an_index() {
    let cli = Cli::new();
    let a = cli.new_article(&["--headline", "Main story", "--byline", "Ana Ruiz"]);
    let b = cli.new_article(&["--headline", "Side story"]);
    let jpg = cli.file("p.jpg", image_bytes(image::ImageFormat::Jpeg, 40, 30));
    cli.run(&[
        "attach",
        &a,
        jpg.to_str().unwrap(),
        "--featured",
        "--caption",
        "A caption",
    ])
    .ok();
    cli.run(&["relate", &a, &b]).ok();
    let out = cli.path("site");
    let printed = cli
        .run(&["export", &a, &b, "--out", out.to_str().unwrap()])
        .ok();
    assert!(printed.contains("main-story.html"), "{printed}");
    let files = files_below(&out);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.display().to_string().replace('\\', "/"))
        .collect();
    assert!(names.contains(&"main-story.html".to_string()), "{names:?}");
    assert!(names.contains(&"side-story.html".to_string()));
    assert!(names.contains(&"index.html".to_string()));
    assert!(names.iter().any(|n| n.starts_with("images/")), "{names:?}");
    let page = std::fs::read_to_string(out.join("main-story.html")).unwrap();
    assert!(page.contains("<article"));
    assert!(page.contains("A caption"));
    assert!(
        page.contains("href=\"side-story.html\""),
        "related posts link relatively"
    );
    assert!(page.contains("application/ld+json"));
    assert!(page.contains("og:title"));

    // Same input, same bytes.
    let again = cli.path("again");
    cli.run(&["export", &a, &b, "--out", again.to_str().unwrap()])
        .ok();
    for file in &files {
        assert_eq!(
            std::fs::read(out.join(file)).unwrap(),
            std::fs::read(again.join(file)).unwrap(),
            "{} differs between two exports",
            file.display()
        );
    }

    let single = cli.path("single");
    cli.run(&[
        "export",
        &a,
        "--out",
        single.to_str().unwrap(),
        "--single-file",
    ])
    .ok();
    let page = std::fs::read_to_string(single.join("main-story.html")).unwrap();
    assert!(page.contains("data:image/jpeg;base64,"));
    assert!(!single.join("images").exists());

    let all = cli.path("all");
    cli.run(&["export", "--all", "--out", all.to_str().unwrap()])
        .ok();
    assert!(all.join("index.html").exists());
}
