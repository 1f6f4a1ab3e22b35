//! `newsroom check` and `newsroom dictionary`, and an article's `--language`.

use crate::harness::Cli;

#[test]
fn check_lists_misspellings_and_grammar_and_the_dictionary_silences_a_name() {
    let cli = Cli::new();
    let body = cli.file(
        "body.md",
        "The mayor said teh council would meet.\n\n```\nlet teh = 1;\n```\n\nBrankovic said this is an test.\n",
    );
    let id = cli.new_article(&[
        "--headline",
        "Council",
        "--body-file",
        body.to_str().unwrap(),
    ]);
    let report = cli.run(&["check", &id]).ok();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 3, "{report}");
    assert!(
        lines[0].starts_with("1:16\tspelling\t“teh” is not in the dictionary. → the"),
        "{report}"
    );
    assert!(
        lines[1].starts_with("7:1\tspelling\t“Brankovic”"),
        "{report}"
    );
    assert!(
        lines[2].starts_with("7:24\tgrammar\tIncorrect indefinite article. → a"),
        "{report}"
    );

    cli.run(&["dictionary", "add", "Brankovic"]).ok();
    assert_eq!(cli.run(&["dictionary", "list"]).ok(), "Brankovic\n");
    let json = cli.run(&["check", &id, "--json"]).ok();
    let problems: serde_json::Value = serde_json::from_str(&json).unwrap();
    let words: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["word"].as_str().unwrap())
        .collect();
    assert_eq!(words, ["teh", "an"]);
    assert_eq!(problems[0]["kind"], "spelling");
    assert_eq!(problems[0]["from"], 15);

    cli.run(&["dictionary", "remove", "Brankovic"]).ok();
    assert_eq!(cli.run(&["dictionary", "list"]).ok(), "");
}

#[test]
fn a_language_is_set_per_article_and_a_missing_dictionary_is_named() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Vote"]);
    cli.run(&["edit", &id, "--language", "xx-YY"]).ok();
    assert_eq!(cli.show(&id)["language"], "xx_YY");
    cli.run(&["check", &id])
        .fails_with("No spelling dictionary for xx_YY is installed");
    cli.run(&["edit", &id, "--language", "default"]).ok();
    assert_eq!(cli.show(&id)["language"], "");
    assert!(
        cli.run(&["check", &id])
            .ok()
            .starts_with("No spelling or grammar problems (English (United States))")
    );
}

#[test]
fn bad_words_and_languages_are_refused_and_change_nothing() {
    let cli = Cli::new();
    let id = cli.new_article(&[
        "--headline",
        "Vote",
        "--body-file",
        cli.file("b.md", "Body.\n").to_str().unwrap(),
    ]);
    cli.run(&["edit", &id, "--language", "en-GB"]).ok();
    cli.run(&["edit", &id, "--language", "British English"])
        .fails_with("“British English” is not a language");
    assert_eq!(cli.show(&id)["language"], "en_GB");
    cli.run(&["dictionary", "add", "two words"])
        .fails_with("“two words” cannot go in the dictionary");
    assert_eq!(cli.run(&["dictionary", "list"]).ok(), "");
    cli.run(&["dictionary", "language", "??"])
        .fails_with("“??” is not a language");
    cli.run(&["dictionary", "language", "en-au"]).ok();
    assert!(
        cli.run(&["dictionary", "language"])
            .ok()
            .starts_with("Default: English (Australia) (en_AU)\nen_US\t")
    );
}

#[test]
fn checking_as_you_type_is_switched_off_and_on_for_the_library() {
    let cli = Cli::new();
    let said = |args: &[&str]| cli.run(args).ok();
    assert_eq!(
        said(&["dictionary", "as-you-type"]),
        "Checking as you type is on.\n"
    );
    assert_eq!(
        said(&["dictionary", "as-you-type", "off"]),
        "Checking as you type is off.\n"
    );
    assert_eq!(
        said(&["dictionary", "as-you-type"]),
        "Checking as you type is off.\n"
    );
    // clap's own usage error names the two words it takes; the setting stays as it was.
    let wrong = cli.run(&["dictionary", "as-you-type", "maybe"]);
    assert_ne!(wrong.status, 0);
    assert!(
        wrong.stderr.contains("[possible values: on, off]"),
        "{}",
        wrong.stderr
    );
    assert_eq!(
        said(&["dictionary", "as-you-type"]),
        "Checking as you type is off.\n"
    );
    assert_eq!(
        said(&["dictionary", "as-you-type", "on"]),
        "Checking as you type is on.\n"
    );
}
