//! `newsroom budget`: the day's stories as a table, filtered and sorted, or written as CSV; bad
//! days and columns refused in one sentence.

use crate::harness::Cli;

/// Three stories: two embargoed on 3 December 2026 (one in Politics with a note), one on the 4th.
fn desk() -> Cli {
    let cli = Cli::new();
    for (headline, section, embargo) in [
        (
            "Council approves ferries",
            "Politics",
            "2026-12-03T18:00:00Z",
        ),
        ("Harbour dredging", "Local", "2026-12-03T09:00:00Z"),
        ("Budget vote tomorrow", "Politics", "2026-12-04T07:00:00Z"),
    ] {
        let id = cli.new_article(&["--headline", headline, "--section", section]);
        cli.run(&["edit", &id, "--embargo", embargo, "--words-planned", "600"])
            .ok();
    }
    cli.run(&[
        "edit",
        "council-approves-ferries",
        "--note",
        "Legal to check para 4",
    ])
    .ok();
    cli
}

/// The headlines a table printed, in order (the last column of each story's line).
fn headlines(table: &str) -> Vec<String> {
    table
        .lines()
        .skip(1)
        .filter(|line| !line.trim_start().starts_with("note,"))
        .filter_map(|line| line.rsplit("  ").next().map(str::to_string))
        .collect()
}

#[test]
fn budget_lists_a_days_stories_by_time_filtered_and_sorted() {
    let cli = desk();
    let table = cli.run(&["budget", "--day", "2026-12-03"]).ok();
    assert!(table.starts_with("TIME "), "{table}");
    assert_eq!(
        headlines(&table),
        ["Harbour dredging", "Council approves ferries"]
    );
    assert!(table.contains("2026-12-03 18:00 UTC  embargo"), "{table}");
    assert!(table.contains("0/600"), "{table}");
    assert!(table.contains("note, "), "{table}");
    assert!(table.contains(": Legal to check para 4"), "{table}");

    let politics = cli
        .run(&[
            "budget",
            "--section",
            "politics",
            "--sort",
            "headline",
            "--desc",
        ])
        .ok();
    assert_eq!(
        headlines(&politics),
        ["Council approves ferries", "Budget vote tomorrow"]
    );

    let none = cli.run(&["budget", "--status", "published"]).ok();
    assert_eq!(none.trim(), "No story matches.");
}

#[test]
fn budget_writes_every_matching_story_as_csv() {
    let cli = desk();
    let path = cli.path("politics.csv");
    let said = cli
        .run(&[
            "budget",
            "--section",
            "Politics",
            "--csv",
            path.to_str().unwrap(),
        ])
        .ok();
    assert_eq!(
        said.trim(),
        format!("2 stories written to {}", path.display())
    );
    let csv = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("council-approves-ferries,Council approves ferries,Politics,draft,600,0,2026-12-03T18:00:00Z,embargo,,no,Legal to check para 4"), "{csv}");
}

#[test]
fn budget_refuses_a_bad_day_or_column_in_one_sentence() {
    let cli = desk();
    cli.run(&["budget", "--day", "3 December"])
        .fails_with("“3 December” is not a day; write it like 2026-12-03");
    cli.run(&["budget", "--sort", "colour"])
        .fails_with("sort by one of slug, headline");
    cli.run(&["budget", "--status", "done"])
        .fails_with("is not a status");
}
