use super::*;

fn proofreader(words: &[&str]) -> Proofreader {
    Proofreader::new(
        DictionaryShelf::with_folders(vec![]),
        OwnWords::new(words.iter().map(|w| w.to_string())),
    )
}

fn check(text: &str) -> Vec<Problem> {
    proofreader(&[])
        .check(text, &Language::default_language())
        .unwrap()
}

fn flagged(text: &str, problems: &[Problem]) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    problems
        .iter()
        .map(|p| String::from_utf16(&units[p.from..p.to]).unwrap())
        .collect()
}

#[test]
fn a_misspelling_is_flagged_where_it_is_with_suggestions() {
    let text = "The mayor said teh council would meet.";
    let problems = check(text);
    assert_eq!(flagged(text, &problems), ["teh"]);
    let teh = &problems[0];
    assert_eq!(
        (teh.kind, teh.word.as_str()),
        (ProblemKind::Spelling, "teh")
    );
    assert!(
        teh.suggestions.iter().any(|s| s == "the"),
        "{:?}",
        teh.suggestions
    );
    assert!(teh.suggestions.len() <= 5);
}

#[test]
fn grammar_problems_are_flagged_in_english() {
    let text = "This is an test of the desk.";
    let problems = check(text);
    let grammar: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Grammar)
        .collect();
    assert_eq!(grammar.len(), 1, "{problems:?}");
    assert_eq!(flagged(text, &problems), ["an"]);
    assert!(
        grammar[0].suggestions.iter().any(|s| s == "a"),
        "{:?}",
        grammar[0]
    );
}

#[test]
fn markdown_syntax_urls_code_and_photo_references_are_not_checked() {
    let text = "## A **bold** headline\n\nSee [teh report](https://exmaple.org/xyzzq) and <https://qwxz.example>.\n\n\
        Run `qwxzy --frobnicate` now.\n\n```\nfn qwxzy() {}\n```\n\n![Alt text here](photo:12 \"The caption\")\n\n    indented qwxzy code\n";
    let problems = check(text);
    assert_eq!(flagged(text, &problems), ["teh"], "{problems:?}");
}

#[test]
fn offsets_are_utf16_across_blocks_with_emoji_and_accents() {
    let text = "The 😀 owner.\n\nThe 😀 baker — “quoted” — said wrng things.";
    let problems = check(text);
    assert_eq!(flagged(text, &problems), ["wrng"], "{problems:?}");
}

#[test]
fn the_librarys_own_words_are_accepted_and_changing_them_checks_again() {
    let text = "Brankovic spoke to Brankovic's lawyer.";
    let mut reader = proofreader(&[]);
    let english = Language::default_language();
    assert_eq!(
        flagged(text, &reader.check(text, &english).unwrap()),
        ["Brankovic", "Brankovic's"]
    );
    reader.set_own_words(OwnWords::new(["Brankovic".to_string()]));
    assert!(reader.check(text, &english).unwrap().is_empty());
}

#[test]
fn curly_apostrophes_and_abbreviations_are_not_misspellings() {
    assert!(check("The NHS didn’t say; it’s 4G and COVID-19.").is_empty());
}

#[test]
fn an_unchanged_block_is_not_checked_again() {
    let mut reader = proofreader(&[]);
    let english = Language::default_language();
    let first = reader.check("One teh.\n\nTwo.", &english).unwrap();
    // The first block is remembered: adding the word to the list without telling the reader
    // would not change it, which shows the block was not checked again.
    reader.own_words = OwnWords::new(["teh".to_string()]);
    let second = reader.check("One teh.\n\nTwo, changed.", &english).unwrap();
    assert_eq!(first, second);
}

#[test]
fn other_languages_without_a_dictionary_say_so() {
    let err = proofreader(&[])
        .check("Bonjour", &Language::parse("fr_FR").unwrap())
        .unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::NotFound);
}

#[test]
fn a_text_over_the_limit_is_refused_in_a_sentence() {
    let long = "word ".repeat(MAX_CHECKED_BYTES / 5 + 1);
    let err = check_err(&long);
    assert_eq!(err.kind(), crate::ErrorKind::TooLarge);
    assert!(
        err.to_string()
            .starts_with("This article is too long to check"),
        "{err}"
    );
}

fn check_err(text: &str) -> ProofingError {
    proofreader(&[])
        .check(text, &Language::default_language())
        .unwrap_err()
}
