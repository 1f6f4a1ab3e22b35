//! Full-text search: what is indexed, how queries are read, and that no query can fail.

#[allow(dead_code)]
mod common;

use common::{create, draft, photo_file, store};
use newsroom::model::{ArticleId, ArticlePatch, NewArticle, PhotoRole, RevisionCause};
use newsroom::store::{PhotoPatch, PhotoText, Store};

fn found(s: &Store, query: &str) -> Vec<ArticleId> {
    s.search(query, 20)
        .unwrap_or_else(|e| panic!("“{query}” failed: {e}"))
        .into_iter()
        .map(|hit| hit.article.id)
        .collect()
}

#[test]
fn articles_are_found_by_headline_dek_body_and_tags() {
    let mut s = store();
    let by_headline = create(&mut s, "Zephyr over the harbour", "plain words");
    let new = NewArticle {
        dek: "A quokka escapes".into(),
        ..draft("Second", "plain words")
    };
    let by_dek = s.create_article(&new, RevisionCause::Manual).unwrap();
    let by_body = create(&mut s, "Third", "The marmalade factory closed.");
    let new = NewArticle {
        tags: vec!["Xylophone".into()],
        ..draft("Fourth", "plain words")
    };
    let by_tag = s.create_article(&new, RevisionCause::Manual).unwrap();

    assert_eq!(found(&s, "zephyr"), vec![by_headline.id]);
    assert_eq!(found(&s, "quokka"), vec![by_dek.id]);
    assert_eq!(found(&s, "marmalade"), vec![by_body.id]);
    assert_eq!(found(&s, "xylophone"), vec![by_tag.id]);
    assert_eq!(found(&s, "absent"), Vec::<ArticleId>::new());
    assert_eq!(found(&s, "plain words").len(), 3);
    assert_eq!(
        found(&s, "zephyr marmalade"),
        Vec::<ArticleId>::new(),
        "every word is required"
    );
}

#[test]
fn the_index_follows_edits_of_headline_body_and_tags() {
    let mut s = store();
    let a = create(&mut s, "Old headline", "ancient text");
    s.save_body(a.id, "fresh text").unwrap();
    assert_eq!(found(&s, "fresh"), vec![a.id]);
    assert!(found(&s, "ancient").is_empty());
    let patch = ArticlePatch {
        headline: Some("Renamed story".into()),
        tags: Some(vec!["newtag".into()]),
        ..ArticlePatch::default()
    };
    s.update_article(a.id, &patch).unwrap();
    assert_eq!(found(&s, "renamed"), vec![a.id]);
    assert_eq!(found(&s, "newtag"), vec![a.id]);
    assert!(found(&s, "headline").is_empty());
    s.restore(a.id, 1).unwrap();
    assert_eq!(found(&s, "ancient old"), vec![a.id]);
    assert!(found(&s, "fresh").is_empty());
}

#[test]
fn photo_captions_and_credits_are_searchable_while_the_photo_is_used() {
    let mut s = store();
    let a = create(&mut s, "Story", "plain");
    let text = PhotoText {
        caption: "Flamingos at dawn".into(),
        credit: "POOL (Reuters)".into(),
        alt: "Pink birds".into(),
    };
    let (photo, _) = s.add_photo(Some(&photo_file("p1")), &text).unwrap();
    assert!(
        found(&s, "flamingos").is_empty(),
        "an unused photo finds nothing"
    );

    s.attach_photo(a.id, photo.id, PhotoRole::Inline, None)
        .unwrap();
    assert_eq!(found(&s, "flamingos"), vec![a.id]);
    assert_eq!(found(&s, "reuters"), vec![a.id]);

    let patch = PhotoPatch {
        caption: Some("Pelicans at dusk".into()),
        ..PhotoPatch::default()
    };
    s.update_photo(photo.id, &patch).unwrap();
    assert!(found(&s, "flamingos").is_empty(), "the old caption is gone");
    assert_eq!(found(&s, "pelicans"), vec![a.id]);

    s.set_caption_override(a.id, photo.id, Some("Storks in the rain"))
        .unwrap();
    assert_eq!(found(&s, "storks"), vec![a.id]);
    assert!(found(&s, "pelicans").is_empty());

    // Other edits of the article keep the captions indexed.
    s.save_body(a.id, "new body").unwrap();
    assert_eq!(found(&s, "storks"), vec![a.id]);

    s.detach_photo(a.id, photo.id).unwrap();
    assert!(found(&s, "storks").is_empty());
    assert!(found(&s, "reuters").is_empty());
}

#[test]
fn the_last_word_is_a_prefix_so_search_works_while_typing() {
    let mut s = store();
    let a = create(&mut s, "Lavrov meets Blinken", "");
    assert_eq!(found(&s, "lavr"), vec![a.id]);
    assert_eq!(found(&s, "Blinken lav"), vec![a.id]);
    assert!(
        found(&s, "lav blinken").is_empty(),
        "only the last word is a prefix"
    );
}

#[test]
fn accents_and_case_do_not_matter() {
    let mut s = store();
    let accented = create(&mut s, "Join EL PAÍS now", "Café société");
    let plain = create(&mut s, "Un pais lejano", "");
    assert_eq!(found(&s, "pais").len(), 2);
    assert_eq!(found(&s, "PAÍS").len(), 2);
    assert_eq!(found(&s, "cafe societe"), vec![accented.id]);
    assert_eq!(found(&s, "lejano"), vec![plain.id]);
}

#[test]
fn words_in_other_scripts_are_found() {
    let mut s = store();
    let ru = create(
        &mut s,
        "Переговоры",
        "Лавров встретился с Блинкеном в Женеве.",
    );
    let gr = create(&mut s, "Η Αθήνα σήμερα", "");
    assert_eq!(found(&s, "Лавров"), vec![ru.id]);
    assert_eq!(found(&s, "лавр"), vec![ru.id]);
    assert_eq!(found(&s, "ΑΘΉΝΑ"), vec![gr.id], "case folds in Greek too");
    let hits = s.search("Блинкен", 10).unwrap();
    assert!(
        hits[0].snippet.contains("«Блинкеном»"),
        "{}",
        hits[0].snippet
    );
}

#[test]
fn no_query_is_an_error() {
    let mut s = store();
    create(
        &mut s,
        "AND OR NOT near",
        "Quotes \"here\" and stars * and minus - signs.",
    );
    for query in [
        "\"",
        "\"\"",
        "AND",
        "OR",
        "NOT",
        "*",
        "NEAR(",
        "NEAR(a b",
        "-",
        "-x",
        "a:b",
        "headline:x",
        "(",
        ")",
        "^",
        "{a b}",
        "'",
        "a AND",
        "\u{0}",
        "🦀 📰",
        "日本語",
        "Ünïcödé — “quotes”",
        "\u{202e}rtl",
        "",
        "   ",
        &"x".repeat(10_000),
    ] {
        let hits = found(&s, query);
        assert!(hits.len() <= 1, "{query:?}");
    }
    assert_eq!(found(&s, "AND").len(), 1, "operators are ordinary words");
    assert_eq!(found(&s, "near(").len(), 1);
}

#[test]
fn trashed_articles_are_not_found_until_restored() {
    let mut s = store();
    let a = create(&mut s, "Walrus report", "");
    let b = create(&mut s, "Walrus follow-up", "");
    s.trash(a.id).unwrap();
    assert_eq!(found(&s, "walrus"), vec![b.id]);
    s.untrash(a.id).unwrap();
    assert_eq!(found(&s, "walrus").len(), 2);
}

#[test]
fn the_limit_counts_live_articles_only() {
    let mut s = store();
    let ids: Vec<_> = (0..6)
        .map(|i| create(&mut s, &format!("Heron {i}"), "").id)
        .collect();
    for id in &ids[..3] {
        s.trash(*id).unwrap();
    }
    let hits = s.search("heron", 2).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| !ids[..3].contains(&h.article.id)));
    assert_eq!(s.search("heron", 10).unwrap().len(), 3);
}

#[test]
fn snippets_mark_the_matched_words() {
    let mut s = store();
    let body = "The head of US diplomacy has urged the Russian authorities to withdraw \
                the troops, Lavrov said, before meeting his counterpart.";
    create(&mut s, "Talks", body);
    let new = NewArticle {
        dek: "Only the dek mentions the walrus.".into(),
        ..draft("Dek match", "Nothing here.")
    };
    s.create_article(&new, RevisionCause::Manual).unwrap();
    create(&mut s, "Headline walrusless", "Body without it.");

    let hits = s.search("russian lavr", 10).unwrap();
    assert_eq!(hits.len(), 1);
    let snippet = &hits[0].snippet;
    assert!(
        snippet.contains("«Russian»") && snippet.contains("«Lavrov»"),
        "{snippet}"
    );
    assert!(!snippet.contains("«the»"), "{snippet}");

    let hits = s.search("walrus", 10).unwrap();
    let dek_hit = hits
        .iter()
        .find(|h| h.article.headline == "Dek match")
        .unwrap();
    assert!(dek_hit.snippet.contains("«walrus»"), "{}", dek_hit.snippet);
    // A match in the headline only gives the start of the text.
    let headline_hit = hits
        .iter()
        .find(|h| h.article.headline != "Dek match")
        .unwrap();
    assert_eq!(headline_hit.snippet, "Body without it");
}

#[test]
fn the_headline_ranks_above_the_body() {
    let mut s = store();
    let body_only = create(
        &mut s,
        "Other news",
        "Somewhere in the text a gannet appears.",
    );
    let headline = create(&mut s, "Gannet colony grows", "Seabirds.");
    assert_eq!(found(&s, "gannet"), vec![headline.id, body_only.id]);
}

#[test]
fn a_word_found_nearly_everywhere_ranks_the_newest_matches_only() {
    let mut s = store();
    // 5,000 is the store's ranking window; the oldest stories match best (in the headline).
    for i in 0..5_010 {
        let headline = if i < 10 { "Common ground" } else { "Other" };
        let body = if i == 0 {
            "common and unique okapi"
        } else {
            "common"
        };
        create(&mut s, &format!("{headline} {i}"), body);
    }
    let hits = found(&s, "common");
    assert_eq!(hits.len(), 20);
    assert!(
        hits.iter().all(|id| *id > 10),
        "only the newest 5,000 were ranked: {hits:?}"
    );
    // A selective query still finds the oldest story.
    assert_eq!(found(&s, "common okapi"), vec![1]);
}

#[test]
fn the_kicker_and_the_desks_notes_find_a_story() {
    let mut s = store();
    let a = create(&mut s, "Council meets", "It met.");
    create(&mut s, "Weather", "Rain.");
    s.add_note(a.id, "Legal to check paragraph four").unwrap();
    assert_eq!(found(&s, "legal"), [a.id]);
    let patch = newsroom::model::ArticlePatch {
        kicker: Some("Exclusive".into()),
        ..Default::default()
    };
    s.update_article(a.id, &patch).unwrap();
    assert_eq!(found(&s, "exclusive"), [a.id]);
}
