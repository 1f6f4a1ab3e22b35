//! The typing save rule as a contract shared with the UI's test fake: the cases in
//! `tests/contracts/save_typing.json` run here against [`Library::save_typing`] (what the
//! `save_body` command calls) and in `ui/tests/saveContract.test.ts` against the fake, so the
//! fake's copy of the rule fails its test the day it drifts from the core.

use newsroom::Library;
use newsroom::model::NewArticle;
use serde::Deserialize;

const CASES: &str = include_str!("../../../tests/contracts/save_typing.json");

#[derive(Deserialize)]
struct Contract {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    stored: String,
    base: String,
    typed: String,
    #[serde(default = "once")]
    repeat: usize,
    expect: Expected,
}

#[derive(Deserialize)]
struct Expected {
    changed: bool,
    conflict: bool,
    body: Option<String>,
    word_count: u32,
    reading_minutes: u32,
}

fn once() -> usize {
    1
}

#[test]
fn the_core_keeps_the_save_rule_the_ui_fake_copies() {
    let contract: Contract = serde_json::from_str(CASES).expect("the contract file is valid JSON");
    assert!(contract.cases.len() >= 5, "the contract has its cases");
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("library.db")).unwrap();
    for case in contract.cases {
        let article = library
            .create_article(&NewArticle {
                headline: case.name.clone(),
                body: case.stored.clone(),
                ..NewArticle::default()
            })
            .unwrap();
        let typed = case.typed.repeat(case.repeat);
        let receipt = library.save_typing(article.id, &typed, &case.base).unwrap();
        let name = &case.name;
        assert_eq!(receipt.changed, case.expect.changed, "changed: {name}");
        assert_eq!(receipt.conflict, case.expect.conflict, "conflict: {name}");
        assert_eq!(receipt.word_count, case.expect.word_count, "words: {name}");
        assert_eq!(
            receipt.reading_minutes, case.expect.reading_minutes,
            "minutes: {name}"
        );
        let body = library.article(article.id).unwrap().body;
        assert_eq!(body, case.expect.body.unwrap_or(typed), "body: {name}");
    }
}
